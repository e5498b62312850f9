// Footnote markers as the document prints them: superscripts, not "^a".
// The extractors write a marker as "^a", "^12" or "^*" (see
// crates/dossier-core/src/extract); here the caret is kept in the DOM but not
// shown, so that a selection's offsets (notes) still count it, and in the
// reader the superscript names its footnote and leads to it.
import { createContext } from "preact";
import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import type { Footnote } from "../../bindings";

/** The open document's footnotes, by marker ("a", "12", "*"). */
export const FootnotesContext = createContext<Map<string, string> | null>(null);

const MARKER = /\^([a-z]{1,2}|\d{1,3}|\*{1,3})(?![A-Za-z0-9])/g;

export function footnoteMap(notes: Footnote[]): Map<string, string> {
  return new Map(notes.map((f) => [f.marker, f.text]));
}

/** `text` with its footnote markers as superscripts. */
export function WithFootnoteMarks({ text }: { text: string }) {
  const notes = useContext(FootnotesContext);
  if (!text.includes("^")) return <>{text}</>;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    const i = m.index ?? 0;
    if (i > at) parts.push(text.slice(at, i));
    const marker = m[1] ?? "";
    const note = notes?.get(marker);
    parts.push(
      <sup class="fn-mark" key={i} title={note} data-testid="fn-mark">
        <span class="fn-caret">^</span>
        {note ? (
          <a href={`#fn-${marker}`} onClick={(e) => jump(e, marker)}>
            {marker}
          </a>
        ) : (
          marker
        )}
      </sup>,
    );
    at = i + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function jump(e: Event, marker: string) {
  e.preventDefault();
  document.getElementById(`fn-${marker}`)?.scrollIntoView({ block: "center" });
}

/** The markers `text` cites, in order of first appearance. */
export function markersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(MARKER)) seen.add(m[1] ?? "");
  return [...seen];
}

/** The footnotes of the open document that `text` cites (an agenda item's
 *  annotation: the footnotes shown are the ones its markers lead to). */
export function CitedFootnotes({ text, attrs }: { text: string; attrs: { lang: string | undefined; dir: "rtl" | "ltr" | "auto" } }) {
  const notes = useContext(FootnotesContext);
  if (!notes) return null;
  const cited = markersIn(text).flatMap((marker) => {
    const note = notes.get(marker);
    return note === undefined ? [] : [{ marker, text: note }];
  });
  return <FootnoteList notes={cited} attrs={attrs} />;
}

/** The document's footnotes, where the markers lead. */
export function FootnoteList({ notes, attrs }: { notes: Footnote[]; attrs: { lang: string | undefined; dir: "rtl" | "ltr" | "auto" } }) {
  if (notes.length === 0) return null;
  return (
    <aside class="footnotes" data-testid="footnotes">
      <ol>
        {notes.map((f) => (
          <li key={f.marker} id={`fn-${f.marker}`} {...attrs}>
            <sup class="fn-mark">{f.marker}</sup> {f.text}
          </li>
        ))}
      </ol>
    </aside>
  );
}
