// Where the reader has been and is: the back and forward history (a symbol
// followed, another document opened), the place reopened at the next start,
// and the window's title naming the open document.
import type { AgendaEntry, Bookmark, DocumentRecord, LibraryListing, Location, Note } from "../../ipc";
import type { Focus } from "./Reader";

/** A place in the library: a document, and the item, slot or paragraph
 *  chosen in it (null: its start). */
export interface Place {
  id: number;
  location: Location | null;
}

/** The part of a location that is a place to come back to (an item, a slot
 *  or a paragraph; not a note, nor a search's marks); null when none. */
export function placeIn(l: Location | null | undefined): Location | null {
  if (!l) return null;
  if (typeof l.slot === "number") return { slot: l.slot };
  if (typeof l.item === "string") return { item: l.item };
  if (typeof l.paragraph === "number") return { paragraph: l.paragraph };
  return null;
}

/** Places to go back to (the latest last) and forward to (the next last). */
export interface History {
  back: Place[];
  forward: Place[];
}

export const EMPTY_HISTORY: History = { back: [], forward: [] };

/** At most this many places are kept each way. */
const LIMIT = 100;

const samePlace = (a: Place, b: Place) => a.id === b.id && JSON.stringify(a.location ?? null) === JSON.stringify(b.location ?? null);

/** Leaving `from` for somewhere new: `from` can be gone back to, and what
 *  was ahead is forgotten (as in a browser). */
export function visit(h: History, from: Place): History {
  const last = h.back[h.back.length - 1];
  const back = last && samePlace(last, from) ? h.back : [...h.back, from].slice(-LIMIT);
  return { back, forward: [] };
}

/** Going back from `here`: the place to open, and the history after. */
export function goBack(h: History, here: Place | null): { to: Place; history: History } | null {
  const to = h.back[h.back.length - 1];
  if (!to) return null;
  return { to, history: { back: h.back.slice(0, -1), forward: here ? [...h.forward, here].slice(-LIMIT) : h.forward } };
}

/** Going forward from `here`: the place to open, and the history after. */
export function goForward(h: History, here: Place | null): { to: Place; history: History } | null {
  const to = h.forward[h.forward.length - 1];
  if (!to) return null;
  return { to, history: { back: here ? [...h.back, here].slice(-LIMIT) : h.back, forward: h.forward.slice(0, -1) } };
}

/** The key of the place reopened at start, kept like the other UI settings. */
export const LAST_PLACE_KEY = "dossier.lastPlace";

interface SavedPlace extends Place {
  /** The document's series: a newer version stands in for one replaced since. */
  series: string;
}

export function rememberPlace(place: Place, series: string): void {
  const saved: SavedPlace = { ...place, series };
  globalThis.localStorage?.setItem(LAST_PLACE_KEY, JSON.stringify(saved));
}

function isLocation(v: unknown): v is Location {
  if (v === null || typeof v !== "object") return false;
  const l = v as Record<string, unknown>;
  return (
    (l["item"] === undefined || typeof l["item"] === "string") &&
    (l["paragraph"] === undefined || typeof l["paragraph"] === "number") &&
    (l["slot"] === undefined || typeof l["slot"] === "number")
  );
}

/** The place saved at the last run, when its document (or a later version of
 *  it) is still in the library; otherwise nothing, and the saved place is
 *  forgotten. */
export function placeToReopen(listing: LibraryListing): Place | null {
  let saved: unknown;
  try {
    saved = JSON.parse(globalThis.localStorage?.getItem(LAST_PLACE_KEY) ?? "null");
  } catch {
    saved = null;
  }
  if (saved === null || typeof saved !== "object") return null;
  const s = saved as Record<string, unknown>;
  const all: DocumentRecord[] = [...listing.meetings.flatMap((m) => m.documents), ...listing.unfiled];
  const doc = all.find((d) => d.id === s["id"]) ?? all.find((d) => typeof s["series"] === "string" && d.series === s["series"]);
  if (!doc || typeof s["id"] !== "number") {
    globalThis.localStorage?.removeItem(LAST_PLACE_KEY);
    return null;
  }
  return { id: doc.id, location: isLocation(s["location"]) ? placeIn(s["location"]) : null };
}

/** The product's name, the same in every language (the Chinese and Arabic
 *  UIs' appName adds a description to it). */
const PRODUCT = "Dossier";

/** "<symbol> — <title> — Dossier" for the open document; "Dossier" alone
 *  when none is open. A document without a symbol is named by its title. */
export function windowTitle(record: DocumentRecord | null): string {
  const app = PRODUCT;
  if (!record) return app;
  return [record.symbol ?? record.user_symbol, record.title ?? record.body, app].filter((s): s is string => Boolean(s && s.trim())).join(" — ");
}

/** Where a starred slot of My agenda opens its document: at the slot. */
export function entryFocus(e: AgendaEntry): Focus | null {
  return e.slot_index === null ? null : { location: { slot: e.slot_index }, marks: [] };
}

/** Where a bookmark opens its document: at the item, paragraph or slot marked (a document's: at its start). */
export function bookmarkFocus(b: Bookmark): Focus | null {
  const location =
    b.target === "item" ? { item: b.anchor } : b.target === "paragraph" ? { paragraph: Number(b.anchor) } : b.target === "slot" ? { slot: Number(b.anchor) } : null;
  return location ? { location, marks: [] } : null;
}

/** Where a note opens its document: at the note, in its item or paragraph. */
export function noteFocus(n: Note): Focus {
  const p = n.anchor.passage;
  const location = p.startsWith("item:") ? { item: p.slice(5), note: n.id } : p.startsWith("para:") ? { paragraph: Number(p.slice(5)), note: n.id } : { note: n.id };
  return { location, marks: [] };
}
