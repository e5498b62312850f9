import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { t } from "../../i18n";
import { WithFootnoteMarks } from "./footnotes";
import { CitedSymbolsContext } from "./links";
import type { CitedSymbols } from "./links";

/** Text with every occurrence of `marks` wrapped in <mark>, and footnote
 *  markers as superscripts; with `symbols`, the symbols the document cites
 *  are links to the library's documents, or marked as missing from it.
 *  Text only, never HTML, and never a character added: note offsets count
 *  the passage's characters in the DOM. */
export function Highlighted({ text, marks, symbols = false }: { text: string; marks: string[]; symbols?: boolean }) {
  const cited = useContext(CitedSymbolsContext);
  if (!symbols || !cited) return <Marked text={text} marks={marks} />;
  const pieces = cited.matcher.split(text);
  if (!pieces.some((p) => p.symbol)) return <Marked text={text} marks={marks} />;
  return (
    <>
      {pieces.map((p, i) =>
        p.symbol ? (
          <CitedSymbol key={i} symbol={p.symbol} cited={cited}>
            <Marked text={p.text} marks={marks} />
          </CitedSymbol>
        ) : (
          <Marked key={i} text={p.text} marks={marks} />
        ),
      )}
    </>
  );
}

/** A symbol in the text: a link to the document when the library holds it,
 *  else marked (dotted, with a tooltip and a description) as not in it. */
function CitedSymbol({ symbol, cited, children }: { symbol: string; cited: CitedSymbols; children: ComponentChildren }) {
  const id = cited.links.resolve(symbol);
  if (id === cited.current) return <span class="symbol-cited">{children}</span>;
  if (id === null)
    return (
      <span class="symbol-cited missing" title={t("missingDoc")} aria-description={t("missingDoc")} data-testid="symbol-missing">
        {children}
      </span>
    );
  return (
    <a
      class="symbol-cited symbol-link"
      href={`#document-${id}`}
      onClick={(e) => {
        e.preventDefault();
        cited.links.open(id);
      }}
      data-testid="symbol-link"
    >
      {children}
    </a>
  );
}

function Marked({ text, marks }: { text: string; marks: string[] }) {
  const needles = marks.filter((m) => m.trim().length > 0);
  if (needles.length === 0) return <WithFootnoteMarks text={text} />;
  const parts: { s: string; hit: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let len = 0;
    for (const n of needles) {
      const i = text.indexOf(n, at);
      if (i >= 0 && (best < 0 || i < best || (i === best && n.length > len))) {
        best = i;
        len = n.length;
      }
    }
    if (best < 0) break;
    if (best > at) parts.push({ s: text.slice(at, best), hit: false });
    parts.push({ s: text.slice(best, best + len), hit: true });
    at = best + len;
  }
  if (at < text.length) parts.push({ s: text.slice(at), hit: false });
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} class="search-mark">
            {p.s}
          </mark>
        ) : (
          <WithFootnoteMarks key={i} text={p.s} />
        ),
      )}
    </>
  );
}
