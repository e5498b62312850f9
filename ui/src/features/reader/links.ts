/** How the reader turns a cited symbol into a link. */
export interface SymbolLinks {
  /** The library document with this symbol, or null when it is missing. */
  resolve: (symbol: string) => number | null;
  open: (id: number) => void;
}
