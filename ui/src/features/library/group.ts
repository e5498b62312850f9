import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";

/** A meeting as the pane shows it: the documents that pass the filter. */
export interface MeetingView {
  meeting: MeetingSummary;
  documents: DocumentRecord[];
  missing: number;
}

/** Meetings (already newest first from the backend) with those of their
 *  documents in `ids` (the ones a query found; all when null). */
export function narrowListing(listing: LibraryListing, ids: ReadonlySet<number> | null): MeetingView[] {
  const out: MeetingView[] = [];
  for (const m of listing.meetings) {
    const documents = ids ? m.documents.filter((d) => ids.has(d.id)) : m.documents;
    if (documents.length === 0) continue;
    out.push({ meeting: m, documents, missing: m.missing_count });
  }
  return out;
}

/** The documents of no meeting in `ids` (all when null). */
export function narrowUnfiled(unfiled: DocumentRecord[], ids: ReadonlySet<number> | null): DocumentRecord[] {
  return ids ? unfiled.filter((d) => ids.has(d.id)) : unfiled;
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
