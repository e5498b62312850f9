import type { Focus } from "./Reader";

/** How the reader turns a cited symbol into a link. */
export interface SymbolLinks {
  /** The library document with this symbol, or null when it is missing. */
  resolve: (symbol: string) => number | null;
  /** Opens a document, at a place in it when given. */
  open: (id: number, focus?: Focus) => void;
}
