import type { ComponentChildren } from "preact";

/** Simple Markdown (**bold**, *italic*, `code`, "- " lists, line breaks) as
 *  Preact elements. Never HTML: text stays text, links are not followed.
 *  Each block takes its direction from its own first letters (a note in
 *  Arabic reads right to left in any UI). */
export function Markdown({ source }: { source: string }) {
  const blocks = source.split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => /^\s*[-*] /.test(l))) {
          return (
            <ul key={i} dir="auto">
              {lines.map((l, j) => (
                <li key={j}>{inline(l.replace(/^\s*[-*] /, ""))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i} dir="auto">
            {lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {inline(l)}
              </span>
            ))}
          </p>
        );
      })}
    </>
  );
}

export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const tok = m[0];
    if (tok.startsWith("**")) out.push(<strong>{tok.slice(2, -2)}</strong>);
    else if (tok.startsWith("`")) out.push(<code>{tok.slice(1, -1)}</code>);
    else out.push(<em>{tok.slice(1, -1)}</em>);
    at = m.index + tok.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
