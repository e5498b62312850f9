import { WithFootnoteMarks } from "./footnotes";

/** Text with every occurrence of `marks` wrapped in <mark>, and footnote
 *  markers as superscripts. Text only, never HTML. */
export function Highlighted({ text, marks }: { text: string; marks: string[] }) {
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
