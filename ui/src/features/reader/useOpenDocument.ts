// The document in the reader: which one is chosen, the document as loaded,
// where to open it and what to mark there, where the reader is in it, and
// where it has been (back and forward). The open document names the window
// and is reopened at the next start where the reader was in it.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { LibraryListing, Location, StoredDocument } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { Focus } from "./Reader";
import { EMPTY_HISTORY, goBack, goForward, placeIn, placeToReopen, rememberPlace, visit, windowTitle } from "./navigation";
import type { History, Place } from "./navigation";

export interface OpenDocument {
  /** The document chosen (it may still be loading). */
  selected: number | null;
  /** The document chosen, once loaded. */
  current: StoredDocument | null;
  focus: Focus | null;
  /** The words a search matched, marked in the reader until the search is closed again. */
  marks: string[];
  clearMarks: () => void;
  /** Why the document chosen could not be opened. */
  error: string | null;
  history: History;
  /** Where the reader is, as it last reported. */
  here: Place | null;
  /** Opens a document; `visiting`: a new place, so the one left can be gone back to. */
  open: (id: number, focus?: Focus | null, visiting?: boolean) => void;
  /** Opens the latest version of a series. */
  openSeries: (series: string, focus: Focus | null) => Promise<void>;
  travel: (way: "back" | "forward") => void;
  /** The reader moved to another place in document `id`. */
  placeChanged: (id: number, location: Location | null) => void;
  /** No document: the welcome or "select a document" shows. */
  close: () => void;
  /** The document went to the trash. */
  removed: () => void;
}

/** `version` counts the library's changes: the document is read again at each. */
export function useOpenDocument(listing: LibraryListing | null, version: number): OpenDocument {
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [stored, setStored] = useState<StoredDocument | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [marks, setMarks] = useState<string[]>([]);
  // Where the reader is (the document open and the item, slot or paragraph
  // in it, as the reader reports it), and where it has been.
  const here = useRef<Place | null>(null);
  const [history, setHistory] = useState<History>(EMPTY_HISTORY);
  const historyNow = useRef(history);
  historyNow.current = history;
  const open = useCallback((id: number, f: Focus | null = null, visiting = true) => {
    const from = here.current;
    if (visiting && from && !(from.id === id && f === null)) setHistory((h) => visit(h, from));
    here.current = { id, location: placeIn(f?.location) };
    setFocus(f);
    setMarks(f?.marks ?? []);
    setSelected(id);
  }, []);
  const travel = useCallback(
    (way: "back" | "forward") => {
      const step = (way === "back" ? goBack : goForward)(historyNow.current, here.current);
      if (!step) return;
      setHistory(step.history);
      open(step.to.id, step.to.location ? { location: step.to.location, marks: [] } : null, false);
    },
    [open],
  );
  useEffect(() => {
    if (selected === null) return;
    let current = true;
    setError(null);
    api.openDocument(selected).then(
      (d) => current && setStored(d),
      (e: unknown) => current && setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [selected, version]);
  // The document chosen, once it has loaded (until then the one before may still be held).
  const current = stored && stored.record.id === selected ? stored : null;
  const shown = current?.record ?? null;
  const remember = useCallback((record: StoredDocument["record"] | null) => {
    const h = here.current;
    if (record && h && h.id === record.id) rememberPlace(h, record.series);
  }, []);
  useEffect(() => {
    if (selected !== null && shown === null) return; // still loading: the title stays
    remember(shown);
    void api.setWindowTitle(windowTitle(shown)).catch(() => {});
  }, [selected, shown, remember]);
  const placeChanged = useCallback(
    (id: number, location: Location | null) => {
      if (here.current?.id !== id) return;
      here.current = { id, location };
      remember(stored && stored.record.id === id ? stored.record : null);
    },
    [stored, remember],
  );
  // At start, the document last read, where it was left (when it is still in the library).
  const reopened = useRef(false);
  useEffect(() => {
    if (listing === null || reopened.current) return;
    reopened.current = true;
    if (selected !== null) return;
    const p = placeToReopen(listing);
    if (p) open(p.id, p.location ? { location: p.location, marks: [] } : null, false);
  }, [listing, selected, open]);
  const openSeries = useCallback(
    (series: string, f: Focus | null) =>
      api.documentForSeries(series).then(
        (id) => open(id, f),
        (e: unknown) => setError(errorText(e)),
      ),
    [open],
  );
  const clearMarks = useCallback(() => setMarks([]), []);
  const close = useCallback(() => setSelected(null), []);
  const removed = useCallback(() => {
    setSelected(null);
    setStored(null);
  }, []);
  return {
    selected,
    current,
    focus,
    marks,
    clearMarks,
    error,
    history,
    here: here.current,
    open,
    openSeries,
    travel,
    placeChanged,
    close,
    removed,
  };
}
