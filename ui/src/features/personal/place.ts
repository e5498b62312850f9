// Which meeting and document a bookmark or a note belongs to, from the
// library listing: "Working Group on Asset Recovery · 2024" and the
// document's title with its symbol, never the file name.
import type { LibraryListing } from "../../ipc";

export interface Place {
  meeting: string | null;
  document: string;
  language: string;
}

export function placeIndex(listing: LibraryListing | null): Map<string, Place> {
  const out = new Map<string, Place>();
  if (!listing) return out;
  const name = (d: { title: string; symbol: string | null; user_symbol: string | null }) => {
    const symbol = d.user_symbol ?? d.symbol;
    return symbol ? `${d.title} (${symbol})` : d.title;
  };
  for (const m of listing.meetings) {
    const meeting = [m.body, m.session, m.dates?.start.slice(0, 4)].filter(Boolean).join(" · ") || null;
    for (const d of m.documents) out.set(d.series, { meeting, document: name(d), language: d.language });
  }
  for (const d of listing.unfiled) out.set(d.series, { meeting: null, document: name(d), language: d.language });
  return out;
}
