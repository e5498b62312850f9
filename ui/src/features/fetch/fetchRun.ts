// The fetch from the UN's document system, as the whole window sees it: one
// at a time, started from a meeting's "Get missing documents", fed by the
// backend's FetchStep and FetchFinished events (useFetchEvents, in App) and
// read by the sheet and the meetings' buttons (useFetchRun).
import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { FetchFormats, FetchReport, FetchResult } from "../../ipc";
import { errorText } from "../../i18n/errors";

export interface FetchRun {
  running: boolean;
  /** The meeting the fetch was started from. */
  meeting: number | null;
  done: number;
  total: number;
  /** Each document's outcome as it came. */
  results: FetchResult[];
  /** The whole run's report, once it ended. */
  report: FetchReport | null;
  /** Why the fetch could not start. */
  error: string | null;
}

const idle: FetchRun = { running: false, meeting: null, done: 0, total: 0, results: [], report: null, error: null };
let run: FetchRun = idle;
const watchers = new Set<(r: FetchRun) => void>();

function set(next: FetchRun) {
  run = next;
  watchers.forEach((w) => w(run));
}

/** The fetch as it stands, re-rendered as it goes. */
export function useFetchRun(): FetchRun {
  const [state, setState] = useState(run);
  useEffect(() => {
    watchers.add(setState);
    setState(run);
    return () => {
      watchers.delete(setState);
    };
  }, []);
  return state;
}

/** Listens for the backend's fetch events for as long as the window lives;
 *  `onArrived` runs when documents joined the library (the listing reloads,
 *  so each one is readable as soon as it is in). */
export function useFetchEvents(onArrived: () => void): void {
  useEffect(() => {
    const stops = [
      api.onFetchStep((p) => {
        set({ ...run, running: true, done: p.done, total: p.total, results: [...run.results, p.result] });
        if (p.result.outcome === "fetched") onArrived();
      }),
      api.onFetchFinished((report) => {
        set({ ...run, running: false, report });
        onArrived();
      }),
    ];
    // A window reloaded while a fetch runs shows it running.
    api.fetchStatus().then(
      (s) => s.running && !run.running && set({ ...run, running: true }),
      () => {},
    );
    return () => stops.forEach((s) => s());
  }, [onArrived]);
}

/** Remembers the choice and fetches what the meeting lacks in it. */
export async function startFetch(meeting: number, languages: string[], formats: FetchFormats): Promise<void> {
  set({ ...idle, running: true, meeting });
  try {
    await api.setFetchSettings({ languages, formats });
    const plan = await api.fetchMissing(meeting, languages, formats);
    // The first step may already have come; else the bar starts from the plan.
    if (run.running && run.total === 0) set({ ...run, total: plan.targets.length });
  } catch (e) {
    set({ ...run, running: false, error: errorText(e) });
  }
}

/** Fetches what an earlier fetch left queued. */
export async function resumeFetch(meeting: number): Promise<void> {
  set({ ...idle, running: true, meeting });
  try {
    await api.resumeFetch();
  } catch (e) {
    set({ ...run, running: false, error: errorText(e) });
  }
}

/** Stops the fetch; what it had not done stays queued. */
export function cancelFetch(): void {
  void api.cancelFetch().catch(() => {});
}

/** Forgets the last fetch (tests start from nothing). */
export function resetFetchRun(): void {
  set(idle);
}
