import type { LibraryEntry } from "../../ipc";

export interface MeetingGroup {
  key: string;
  body: string;
  session: string | null;
  venue: string | null;
  dates: string | null;
  start: string;
  entries: LibraryEntry[];
}

const kindOrder = { agenda: 0, report: 1, other: 2 } as const;

/** Meetings grouped by body and start date, newest first; agenda before report. */
export function groupMeetings(entries: LibraryEntry[], filter: string): MeetingGroup[] {
  const needle = filter.trim().toLowerCase();
  const matches = (e: LibraryEntry) =>
    !needle ||
    [e.title, e.body, e.symbol, e.suggested_symbol, e.venue, e.file, e.session]
      .filter(Boolean)
      .some((s) => (s as string).toLowerCase().includes(needle));
  const groups = new Map<string, MeetingGroup>();
  for (const e of entries.filter(matches)) {
    const body = e.body ?? "—";
    const start = e.dates?.start ?? "";
    const key = `${body}|${start}`;
    let g = groups.get(key);
    if (!g) {
      const dates = e.dates ? (e.dates.start === e.dates.end ? e.dates.start : `${e.dates.start} – ${e.dates.end}`) : null;
      g = { key, body, session: e.session, venue: e.venue, dates, start, entries: [] };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  const list = [...groups.values()];
  list.forEach((g) => g.entries.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]));
  return list.sort((a, b) => b.start.localeCompare(a.start));
}
