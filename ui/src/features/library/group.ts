import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";

/** A meeting as the pane shows it: the documents that pass the filter. */
export interface MeetingView {
  meeting: MeetingSummary;
  documents: DocumentRecord[];
  missing: number;
}

function docMatches(d: DocumentRecord, needle: string): boolean {
  return [d.title, d.body, d.symbol, d.user_symbol, d.suggested_symbol, d.venue, d.file, d.session]
    .filter(Boolean)
    .some((s) => (s as string).toLowerCase().includes(needle));
}

/** Meetings (already newest first from the backend) with the documents that
 *  match `filter`; a meeting whose own facts match keeps all its documents. */
export function filterListing(listing: LibraryListing, filter: string): MeetingView[] {
  const needle = filter.trim().toLowerCase();
  const out: MeetingView[] = [];
  for (const m of listing.meetings) {
    const meetingMatches =
      !needle || [m.body, m.session, m.venue, m.dates?.start].filter(Boolean).some((s) => (s as string).toLowerCase().includes(needle));
    const documents = meetingMatches ? m.documents : m.documents.filter((d) => docMatches(d, needle));
    if (documents.length === 0) continue;
    out.push({ meeting: m, documents, missing: m.missing_count });
  }
  return out;
}

/** The documents of no meeting that match `filter` (all when it is empty). */
export function filterUnfiled(unfiled: DocumentRecord[], filter: string): DocumentRecord[] {
  const needle = filter.trim().toLowerCase();
  return needle ? unfiled.filter((d) => docMatches(d, needle)) : unfiled;
}

/** Symbol (upper case, no spaces) → library document id, for cross-links:
 *  the printed and user-given symbols of the latest versions, as the backend
 *  resolves a meeting's references. */
export function symbolIndex(listing: LibraryListing | null): Map<string, number> {
  const map = new Map<string, number>();
  if (!listing) return map;
  const all = [...listing.meetings.flatMap((m) => m.documents), ...listing.unfiled];
  for (const d of all) {
    for (const s of [d.symbol, d.user_symbol]) if (s) map.set(symbolKey(s), d.id);
  }
  return map;
}

export function symbolKey(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

/** How many rows of the library pane a meeting takes: its heading, its
 *  documents, and the line about what it cites. */
export function meetingRows(v: MeetingView): number {
  return 1 + v.documents.length + (v.meeting.reference_count > 0 ? 1 : 0);
}

/** The meetings, and the documents of no meeting, that fit in `budget` rows
 *  (at least one meeting; a meeting is never cut). */
export function withinBudget<D>(
  meetings: MeetingView[],
  unfiled: D[],
  budget: number,
): { meetings: MeetingView[]; unfiled: D[]; complete: boolean } {
  let rows = 0;
  let n = 0;
  while (n < meetings.length && (n === 0 || rows + meetingRows(meetings[n]!) <= budget)) {
    rows += meetingRows(meetings[n]!);
    n += 1;
  }
  const shownUnfiled = n < meetings.length ? [] : unfiled.slice(0, Math.max(0, budget - rows - 1));
  return {
    meetings: meetings.slice(0, n),
    unfiled: shownUnfiled,
    complete: n === meetings.length && shownUnfiled.length === unfiled.length,
  };
}
