import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Document, Note, Paragraph, StoredDocument } from "../../ipc";
import { PassageText } from "../notes/PassageText";
import { t } from "../../i18n";
import { Header } from "./Header";
import type { PageMode } from "./DocumentBar";
import { useTextAttrs } from "./documentText";
import { FootnoteList } from "./footnotes";

/** Reports and other documents: sections, numbered paragraphs, attendance. */
interface Props {
  stored: StoredDocument;
  onChanged: () => void;
  marks: string[];
  notes: Note[];
  side: ComponentChildren;
  isBookmarked: (paragraph: number) => boolean;
  onBookmark: (paragraph: number, label: string) => void;
  /** The paragraph at the top of the text, once scrolling stops (null: the start). */
  onParagraph?: (index: number | null) => void;
  /** A stand-alone programme's timetable, beside the text, and its now / next above. */
  timetable?: ComponentChildren;
  nowNext?: ComponentChildren;
  /** The document's languages, versions and files (under the title). */
  bar?: ComponentChildren;
  /** The original page view, beside the text or instead of it. */
  page?: ComponentChildren;
  mode?: PageMode;
  /** What a revision changed, shown instead of the text. */
  changes?: ComponentChildren;
  /** The paragraph chosen (clicked, or opened at). */
  selected?: number | null;
  onSelect?: (index: number) => void;
}

/** Numbered paragraphs and unnumbered text together, in reading order. */
export function textBlocks(doc: Document): Paragraph[] {
  return [...doc.paragraphs, ...doc.unnumbered].sort((a, b) => a.index - b.index);
}

/** The index of the first paragraph not scrolled past in `pane`; null at its start. */
export function paragraphAtTop(pane: HTMLElement): number | null {
  if (pane.scrollTop < 4) return null;
  const top = pane.getBoundingClientRect().top;
  for (const p of pane.querySelectorAll<HTMLElement>(".para")) {
    if (p.getBoundingClientRect().bottom > top + 4) return Number(p.id.slice("para-".length));
  }
  return null;
}

export function TextView({ stored, onChanged, marks, notes, side, isBookmarked, onBookmark, onParagraph, timetable, nowNext, bar, page, mode = "text", changes, selected = null, onSelect }: Props) {
  const doc = stored.document;
  const text = useTextAttrs();
  const pane = useRef<HTMLElement>(null);
  const settling = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onParagraph);
  latest.current = onParagraph;
  useEffect(() => () => clearTimeout(settling.current), []);
  const scrolled = () => {
    clearTimeout(settling.current);
    settling.current = setTimeout(() => {
      if (pane.current) latest.current?.(paragraphAtTop(pane.current));
    }, 250);
  };
  let lastSection: string | null = null;
  return (
    <div class="reader text-reader">
      <Header stored={stored} onChanged={onChanged}>
        {bar}
      </Header>
      {nowNext}
      {changes}
      <div
        class={`${timetable ? "panes with-timetable" : "panes two"}${changes ? " hidden" : ""}`}
        style={page ? { gridTemplateColumns: mode === "page" ? "minmax(180px, 0.35fr) minmax(0, 1fr)" : `minmax(160px, 0.4fr) minmax(260px, 1fr)${timetable ? " minmax(240px, 0.8fr)" : ""} minmax(300px, 1fr)` } : undefined}
      >
        <nav class="outline" data-pane="outline" tabIndex={-1} aria-label={t("sections")}>
          <h3>{t("sections")}</h3>
          {doc.sections.length === 0 && <p class="state">{t("noSections")}</p>}
          <ul>
            {doc.sections.map((s, i) => (
              <li key={i}>
                <a class={`item depth-${s.level - 1}`} href={`#sec-${i}`}>
                  {s.number && (
                    <span class="num" dir="auto">
                      {s.number}
                    </span>
                  )}
                  <span class="title" {...text}>
                    {s.title}
                  </span>
                  {s.items.length > 0 && <span class="badge">{s.items.join(", ")}</span>}
                </a>
              </li>
            ))}
          </ul>
          {side}
        </nav>
        <article class="text" data-pane="text" tabIndex={-1} aria-label={t("paragraphs")} ref={pane} onScroll={scrolled} hidden={mode === "page"}>
          {textBlocks(doc).map((p) => {
            const i = p.index;
            const head = p.section !== lastSection ? p.section : null;
            lastSection = p.section;
            const secIndex = head ? doc.sections.findIndex((s) => s.title === head) : -1;
            return (
              <div key={i}>
                {head && (
                  <h3 id={`sec-${secIndex}`} {...text}>
                    {head}
                  </h3>
                )}
                <p
                  class={selected === i ? "para selected" : "para"}
                  id={`para-${i}`}
                  {...text}
                  onClick={(e) => {
                    // A click, not the end of selecting words for a note.
                    if (onSelect && document.getSelection()?.isCollapsed !== false && !(e.target as Element).closest("button, a")) onSelect(i);
                  }}
                >
                  <button
                    class={isBookmarked(i) ? "para-mark on" : "para-mark"}
                    onClick={() => onBookmark(i, `${p.number ? `${p.number}. ` : ""}${p.text.slice(0, 60)}`)}
                    aria-pressed={isBookmarked(i)}
                    title={t("bookmarkParagraph")}
                    aria-label={t("bookmarkParagraph")}
                    data-testid={`bookmark-para-${i}`}
                  >
                    {isBookmarked(i) ? "★" : "☆"}
                  </button>
                  {p.number && <span class="pnum">{p.number}.</span>} <PassageText passage={`para:${i}`} offset={0} text={p.text} notes={notes} marks={marks} />
                </p>
              </div>
            );
          })}
          <FootnoteList notes={doc.footnotes} attrs={text} />
          {doc.attendance && (
            <aside class="attendance">
              <h4>{t("attendance")}</h4>
              <p>
                {t("states")}
                {t("colon")}
                {doc.attendance.states.length} · {t("organizations")}
                {t("colon")}
                {doc.attendance.organizations.length}
              </p>
            </aside>
          )}
        </article>
        {mode !== "page" && timetable}
        {page}
      </div>
    </div>
  );
}
