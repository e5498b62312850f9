// Imports started anywhere (the buttons, the File menu, a drop on the window,
// the first start's seeds, files the app was started with) report here.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { IngestProgress, IngestReport } from "../../ipc";

export interface Imports {
  progress: IngestProgress | null;
  /** What the last import did, until dismissed. */
  report: IngestReport | null;
  dismiss: () => void;
  /** Files are being dragged over the window. */
  dropHover: boolean;
  importing: boolean;
  /** Asks for files (or a folder) with the system dialog and imports them. */
  start: (folder: boolean) => void;
}

/** `onFinished`: an import ended (the listing reloads); `onError`: one could not start. */
export function useImports(onFinished: () => void, onError: (e: unknown) => void): Imports {
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  const [report, setReport] = useState<IngestReport | null>(null);
  const [dropHover, setDropHover] = useState(false);
  const progressSeen = useRef(false);
  useEffect(() => {
    const stops = [
      api.onImportProgress((p) => {
        progressSeen.current = true;
        setReport(null);
        setProgress(p);
      }),
      api.onImportFinished((r) => {
        // The first-start seed import sends no progress: not news to the user unless it failed.
        if (progressSeen.current || r.results.some((x) => x.status === "failed")) setReport(r);
        progressSeen.current = false;
        setProgress(null);
        onFinished();
      }),
      api.onDropHover(setDropHover),
    ];
    // Files the app was started with ("Open with Dossier") are imported now that progress can show.
    // Asked after the listeners above (the calls reach the shell in order):
    // its answer also reloads the listing, which then holds whatever the
    // first-start seed import finished before the page listened for it.
    api.importStartupFiles().then((r) => {
      if (r) setReport(r);
      onFinished();
    }, onError);
    return () => stops.forEach((s) => s());
  }, [onFinished, onError]);
  const start = useCallback(
    (folder: boolean) => {
      setReport(null);
      api.pickAndImport(folder).catch(onError);
    },
    [onError],
  );
  const dismiss = useCallback(() => setReport(null), []);
  return { progress, report, dismiss, dropHover, importing: progress !== null, start };
}
