import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";

/** A meeting as the pane shows it: the documents that pass the filter. */
export interface MeetingView {
  meeting: MeetingSummary;
  documents: DocumentRecord[];
  missing: number;
}

export function formatDates(d: { start: string; end: string } | null): string | null {
  if (!d) return null;
  return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
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
    out.push({ meeting: m, documents, missing: m.references.filter((r) => r.document_id === null).length });
  }
  return out;
}

/** Symbol (upper case, no spaces) → library document id, for cross-links. */
export function symbolIndex(listing: LibraryListing | null): Map<string, number> {
  const map = new Map<string, number>();
  if (!listing) return map;
  const all = [...listing.meetings.flatMap((m) => m.documents), ...listing.unfiled];
  for (const d of all) {
    for (const s of [d.symbol, d.user_symbol]) if (s) map.set(symbolKey(s), d.id);
  }
  for (const m of listing.meetings) {
    for (const r of m.references) if (r.document_id !== null) map.set(symbolKey(r.symbol), r.document_id);
  }
  return map;
}

export function symbolKey(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}
