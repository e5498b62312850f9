// How the reader turns a cited symbol into a link: in the references lists,
// and where a symbol stands in annotation and paragraph text.
//
// Which strings are symbols is the core's business (parse/symbols.rs finds
// them, in every notation, and lists them in `Document.references` and each
// item's `references`). The UI does not recognise symbols a second way: it
// looks for those very symbols in the text it shows (citedSymbols,
// symbolMatcher), and resolves them as the references lists do, against the
// library's listing (library/group.ts, symbolIndex).
import { createContext } from "preact";
import type { AgendaItem, Document } from "../../ipc";
import type { Focus } from "./Reader";

/** How the reader turns a cited symbol into a link. */
export interface SymbolLinks {
  /** The library document with this symbol, or null when it is missing. */
  resolve: (symbol: string) => number | null;
  /** Opens a document, at a place in it when given. */
  open: (id: number, focus?: Focus) => void;
}

/** What the text of the open document needs to link its symbols: how to
 *  resolve and open them, the symbols it cites, and its own id (a document
 *  naming itself is not linked to itself). */
export interface CitedSymbols {
  links: SymbolLinks;
  matcher: SymbolMatcher;
  current: number;
}

export const CitedSymbolsContext = createContext<CitedSymbols | null>(null);

/** Every symbol the core found in the document: the document's references
 *  and each agenda item's, once each. */
export function citedSymbols(doc: Document): string[] {
  const out = new Set<string>();
  const walk = (items: AgendaItem[]) => {
    for (const i of items) {
      for (const r of i.references) out.add(r.symbol);
      walk(i.children);
    }
  };
  for (const r of doc.references) out.add(r.symbol);
  walk(doc.agenda);
  return [...out];
}

/** A piece of text, and the symbol it is when it is one. */
export interface TextPiece {
  text: string;
  symbol?: string;
}

export interface SymbolMatcher {
  /** `text` cut where the symbols stand in it (in order; pieces join back to `text`). */
  split(text: string): TextPiece[];
}

/** Digits as the documents print them (Arabic-Indic ٠–٩, Eastern ۰–۹,
 *  full-width ０–９) made ASCII, one UTF-16 unit for one, so offsets in the
 *  folded text are offsets in the original. The core stores symbols with
 *  ASCII digits. */
function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (d) => {
    const c = d.charCodeAt(0);
    const zero = c >= 0xff10 ? 0xff10 : c >= 0x06f0 ? 0x06f0 : 0x0660;
    return String.fromCharCode(48 + c - zero);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Finds `symbols` in text: whole (not inside a longer symbol: nothing of a
 *  symbol's alphabet just before, no further part just after), the longest
 *  first, a space in a symbol ("A/81/6 (Sect. 13)") matching any run of
 *  white space, as the core collapses them. */
export function symbolMatcher(symbols: string[]): SymbolMatcher {
  const unique = [...new Set(symbols.map((s) => s.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return { split: (text) => [{ text }] };
  const byKey = new Map(unique.map((s) => [s.replace(/\s+/g, " "), s]));
  const pattern = new RegExp(`(?<![A-Za-z0-9/.])(?:${unique.map((s) => escape(s).replace(/\s+/g, "\\s+")).join("|")})(?![A-Za-z0-9]|[/.][A-Za-z0-9])`, "g");
  return {
    split(text) {
      const folded = asciiDigits(text);
      const out: TextPiece[] = [];
      let at = 0;
      for (const m of folded.matchAll(pattern)) {
        const start = m.index ?? 0;
        if (start > at) out.push({ text: text.slice(at, start) });
        const end = start + m[0].length;
        out.push({ text: text.slice(start, end), symbol: byKey.get(m[0].replace(/\s+/g, " ")) ?? m[0] });
        at = end;
      }
      if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
      return out;
    },
  };
}
