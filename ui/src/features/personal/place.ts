// Which meeting and document a bookmark or a note belongs to, from the
// library listing: "Working Group on Asset Recovery · 2024" and the
// document's title with its symbol, never the file name.
import type { LibraryListing } from "../../ipc";

export interface Place {
  meeting: string | null;
  document: string;
  language: string;
}

/** Each document's place, by series (every version of a document shares it). */
export function placeIndex(listing: LibraryListing | null): Map<string, Place> {
  return places(listing, (d) => d.series);
}

/** Each listed document's place, by its id (the version the library lists). */
export function placeById(listing: LibraryListing | null): Map<number, Place> {
  return places(listing, (d) => d.id);
}

function places<K>(listing: LibraryListing | null, key: (d: { id: number; series: string }) => K): Map<K, Place> {
  const out = new Map<K, Place>();
  if (!listing) return out;
  const name = (d: { title: string; symbol: string | null; user_symbol: string | null }) => {
    const symbol = d.user_symbol ?? d.symbol;
    return symbol ? `${d.title} (${symbol})` : d.title;
  };
  for (const m of listing.meetings) {
    const meeting = [m.body, m.session, m.dates?.start.slice(0, 4)].filter(Boolean).join(" · ") || null;
    for (const d of m.documents) out.set(key(d), { meeting, document: name(d), language: d.language });
  }
  for (const d of listing.unfiled) out.set(key(d), { meeting: null, document: name(d), language: d.language });
  return out;
}
