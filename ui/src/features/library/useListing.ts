// The library's listing, for the sidebar and the reader's links: asked at
// start (or taken from main.tsx, which asks before the first render) and again
// whenever the library changes.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { LibraryListing } from "../../ipc";
import { errorText } from "../../i18n/errors";
import { startupMark, startupMarks } from "../../startup";

export interface Listing {
  listing: LibraryListing | null;
  /** Why the library cannot be shown (the window offers to retry). */
  error: string | null;
  /** Reads the listing again. */
  load: () => void;
  /** A failure that leaves the library unavailable. */
  fail: (e: unknown) => void;
}

/** `first`: the listing asked for before the first render, used by the first load. */
export function useListing(first?: Promise<LibraryListing>): Listing {
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(first);
  // Only the latest request's listing is shown: an earlier one that answers
  // later (the first listing, read while the seeds were still coming in)
  // would show a library older than it is.
  const latestRequest = useRef(0);
  const load = useCallback(() => {
    const request = pending.current ?? api.listLibrary();
    pending.current = undefined;
    const mine = ++latestRequest.current;
    request.then(
      (l) => {
        if (mine !== latestRequest.current) return;
        setListing(l);
        setError(null);
      },
      (e: unknown) => {
        if (mine === latestRequest.current) setError(errorText(e));
      },
    );
  }, []);
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
  const fail = useCallback((e: unknown) => setError(errorText(e)), []);
  return { listing, error, load, fail };
}
