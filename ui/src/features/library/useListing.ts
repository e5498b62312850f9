// The library's listing, for the sidebar and the reader's links: asked at
// start and again whenever the library changes. At start main.tsx asks, before
// the first render, for the listing's head (its first meetings: what the pane
// shows first), and the whole listing follows it: a library of 20,000
// documents is on screen before all of them have crossed to the page.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { LibraryListing } from "../../ipc";
import { errorText } from "../../i18n/errors";
import { startupMark, startupMarks } from "../../startup";

export interface Listing {
  listing: LibraryListing | null;
  /** Whether `listing` is the whole library; false while only its head is in. */
  complete: boolean;
  /** Why the library cannot be shown (the window offers to retry). */
  error: string | null;
  /** Reads the listing again. */
  load: () => void;
  /** A failure that leaves the library unavailable. */
  fail: (e: unknown) => void;
}

/** `first`: the head of the listing asked for before the first render, shown
 *  by the first load until the whole listing follows. */
export function useListing(first?: Promise<LibraryListing>): Listing {
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(first);
  // Only the latest request's listing is shown: an earlier one that answers
  // later (the first listing, read while the seeds were still coming in)
  // would show a library older than it is.
  const latestRequest = useRef(0);
  const show = useCallback((mine: number, l: LibraryListing, whole: boolean) => {
    if (mine !== latestRequest.current) return;
    setListing(l);
    setComplete(whole);
    setError(null);
  }, []);
  const askWhole = useCallback(
    (mine: number) =>
      api.listLibrary().then(
        (l) => show(mine, l, true),
        (e: unknown) => {
          if (mine === latestRequest.current) setError(errorText(e));
        },
      ),
    [show],
  );
  // The request whose head is on screen and whose whole listing is still to
  // be asked for: asked once the head is painted (below), so that reading the
  // whole listing does not hold up the first paint.
  const follow = useRef<number | null>(null);
  const load = useCallback(() => {
    const head = pending.current;
    pending.current = undefined;
    const mine = ++latestRequest.current;
    follow.current = null;
    if (head === undefined) void askWhole(mine);
    else
      head.then(
        (l) => {
          follow.current = mine;
          show(mine, l, false);
        },
        () => void askWhole(mine),
      );
  }, [askWhole, show]);
  useEffect(load, [load]);
  // Once the first listing is on screen, the window is interactive: say so
  // (start-up time). Effects run after the browser has painted the render.
  const announced = useRef(false);
  useEffect(() => {
    if (listing === null || announced.current) return;
    announced.current = true;
    startupMark("listing-rendered");
    void api.uiReady(startupMarks()).catch(() => {});
  }, [listing]);
  // The head is painted: now the whole listing.
  useEffect(() => {
    const mine = follow.current;
    if (listing === null || mine === null) return;
    follow.current = null;
    if (mine === latestRequest.current) void askWhole(mine);
  }, [listing, askWhole]);
  const fail = useCallback((e: unknown) => setError(errorText(e)), []);
  return { listing, complete, error, load, fail };
}
