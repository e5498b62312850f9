import type { AgendaItem, Note } from "../../ipc";
import { PassageText } from "../notes/PassageText";
import { t } from "../../i18n";
import { Highlighted } from "./Highlighted";
import type { SymbolLinks } from "./links";
import { useTextAttrs } from "./documentText";
import { CitedFootnotes } from "./footnotes";

interface Props {
  item: AgendaItem;
  links: SymbolLinks;
  marks: string[];
  notes: Note[];
  /** The printout's copy: no ids (the screen's annotation has them). */
  copy?: boolean;
  /** A sub-item, shown inside its parent's annotation (which lists the footnotes). */
  nested?: boolean;
}

/** The text of an item and its sub-items, where footnote markers stand. */
function itemText(item: AgendaItem): string {
  return [item.title, item.annotation, ...item.children.map(itemText)].join("\n");
}

/** Paragraphs of an annotation with their character offsets in it. */
function paragraphsWithOffsets(annotation: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let searchFrom = 0;
  for (const p of annotation.split(/\n\n+/)) {
    const at = annotation.indexOf(p, searchFrom);
    searchFrom = at + p.length;
    if (p.trim()) out.push({ text: p, offset: Array.from(annotation.slice(0, at)).length });
  }
  return out;
}

/** The annotation text of one item, paragraph by paragraph, as plain text. */
export function Annotation({ item, links, marks, notes, copy = false, nested = false }: Props) {
  const paragraphs = paragraphsWithOffsets(item.annotation);
  const text = useTextAttrs();
  return (
    <article id={copy ? undefined : `ann-${item.number}`} class="annotation">
      <h3 {...text}>
        <span class="num" dir="auto">
          {item.number}
        </span>{" "}
        <Highlighted text={item.title} marks={marks} />
      </h3>
      {paragraphs.length === 0 && item.children.length === 0 && <p class="state">{t("noAnnotation")}</p>}
      {paragraphs.map((p, i) => (
        <p key={i} {...text}>
          <PassageText passage={`item:${item.number}`} offset={p.offset} text={p.text} notes={notes} marks={marks} />
        </p>
      ))}
      {item.references.length > 0 && (
        <>
          <h4>{t("references")}</h4>
          <ul class="refs">
            {item.references.map((r) => {
              const id = links.resolve(r.symbol);
              return (
                <li key={r.symbol}>
                  {id !== null ? (
                    <button class="symbol-link" onClick={() => links.open(id)} data-testid="symbol-link">
                      {r.symbol}
                    </button>
                  ) : (
                    <>
                      <code class="symbol missing" title={t("missingDoc")}>
                        {r.symbol}
                      </code>{" "}
                      <button class="link" onClick={() => void navigator.clipboard?.writeText(r.symbol)}>
                        {t("copy")}
                      </button>
                    </>
                  )}{" "}
                  <span {...text}>{r.title ?? ""}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {item.children.map((c) => (
        <Annotation key={c.number} item={c} links={links} marks={marks} notes={notes} copy={copy} nested />
      ))}
      {!nested && !copy && <CitedFootnotes text={itemText(item)} attrs={text} />}
    </article>
  );
}
