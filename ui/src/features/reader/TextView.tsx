import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Document, Note, Paragraph, StoredDocument } from "../../ipc";
import { PassageText } from "../notes/PassageText";
import { t, tf } from "../../i18n";
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
  /** Copies a citation of a numbered paragraph; what was copied is `citation`. */
  onCite?: (paragraph: number) => void;
  citation?: ComponentChildren;
  /** Which agenda this report prints, and what adoption changed. */
  adoption?: ComponentChildren;
  /** Opens the session's agenda at an item a section discusses (its adopted number). */
  onItem?: (item: string) => void;
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

/** Text blocks as the reader lays them out: paragraphs, and tables of the
 *  consecutive rows that stand in one section. */
export type TextGroup = { kind: "para"; p: Paragraph } | { kind: "table"; rows: Paragraph[] };

export function textGroups(blocks: Paragraph[]): TextGroup[] {
  const out: TextGroup[] = [];
  for (const p of blocks) {
    const last = out[out.length - 1];
    if (p.row && last?.kind === "table" && last.rows[0]?.section === p.section) last.rows.push(p);
    else out.push(p.row ? { kind: "table", rows: [p] } : { kind: "para", p });
  }
  return out;
}

/** A row's cells, each with its offset in the row's text in characters
 *  (the offsets notes count: a selection in a cell anchors in the row). */
export function rowCells(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const cell of text.split("\t")) {
    out.push({ text: cell, offset });
    offset += Array.from(cell).length + 1;
  }
  return out;
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

export function TextView({ stored, onChanged, marks, notes, side, isBookmarked, onBookmark, onCite, citation, adoption, onItem, onParagraph, timetable, nowNext, bar, page, mode = "text", changes, selected = null, onSelect }: Props) {
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
      {citation}
      {adoption}
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
                  {s.items.length > 0 && !onItem && <span class="badge">{s.items.join(", ")}</span>}
                </a>
                {onItem &&
                  s.items.map((n) => (
                    <button key={n} class="badge badge-link" onClick={() => onItem(n)} title={tf("openAgendaItem", { n })} aria-label={tf("openAgendaItem", { n })} data-testid="section-item">
                      {n}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
          {side}
        </nav>
        <article class="text" data-pane="text" tabIndex={-1} aria-label={t("paragraphs")} ref={pane} onScroll={scrolled} hidden={mode === "page"}>
          {textGroups(textBlocks(doc)).map((g) => {
            const first = g.kind === "para" ? g.p : g.rows[0]!;
            const head = first.section !== lastSection ? first.section : null;
            lastSection = first.section;
            const secIndex = head ? doc.sections.findIndex((s) => s.title === head) : -1;
            const choose = (i: number) => (e: MouseEvent) => {
              // A click, not the end of selecting words for a note.
              if (onSelect && document.getSelection()?.isCollapsed !== false && !(e.target as Element).closest("button, a")) onSelect(i);
            };
            const mark = (p: Paragraph, label: string) => (
              <button
                class={isBookmarked(p.index) ? "para-mark on" : "para-mark"}
                onClick={() => onBookmark(p.index, label)}
                aria-pressed={isBookmarked(p.index)}
                title={t("bookmarkParagraph")}
                aria-label={t("bookmarkParagraph")}
                data-testid={`bookmark-para-${p.index}`}
              >
                {isBookmarked(p.index) ? "★" : "☆"}
              </button>
            );
            return (
              <div key={first.index}>
                {head && (
                  <h3 id={`sec-${secIndex}`} {...text}>
                    {head}
                  </h3>
                )}
                {g.kind === "para" ? (
                  // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- a click on a paragraph is a pointer's shortcut to choose it; a paragraph is text, not a control, and a tab stop on each would bury the report's controls (there is no keyboard way to choose one yet)
                  <p class={selected === g.p.index ? "para selected" : "para"} id={`para-${g.p.index}`} {...text} onClick={choose(g.p.index)}>
                    {mark(g.p, `${g.p.number ? `${g.p.number}. ` : ""}${g.p.text.slice(0, 60)}`)}
                    {g.p.number && onCite && (
                      <button class="para-mark cite" onClick={() => onCite(g.p.index)} title={t("citeParagraph")} aria-label={t("citeParagraph")} data-testid={`cite-para-${g.p.index}`}>
                        ❝
                      </button>
                    )}
                    {g.p.number && <span class="pnum">{g.p.number}.</span>} <PassageText passage={`para:${g.p.index}`} offset={0} text={g.p.text} notes={notes} marks={marks} />
                  </p>
                ) : (
                  <TextTable rows={g.rows} selected={selected} notes={notes} marks={marks} attrs={text} choose={choose} mark={mark} />
                )}
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

interface TableProps {
  rows: Paragraph[];
  selected: number | null;
  notes: Note[];
  marks: string[];
  attrs: ReturnType<typeof useTextAttrs>;
  choose: (index: number) => (e: MouseEvent) => void;
  mark: (p: Paragraph, label: string) => ComponentChildren;
}

/** Consecutive table rows as a table: one row per stored row, one cell per
 *  tab-separated cell; a row with fewer cells spans its last one to the end. */
function TextTable({ rows, selected, notes, marks, attrs, choose, mark }: TableProps) {
  const cells = rows.map((p) => rowCells(p.text));
  const width = Math.max(...cells.map((c) => c.length));
  return (
    <div class="text-table-frame">
      <table class="text-table" {...attrs}>
        <tbody>
          {rows.map((p, r) => {
            const row = cells[r]!;
            return (
              <tr key={p.index} class={selected === p.index ? "para row selected" : "para row"} id={`para-${p.index}`} onClick={choose(p.index)}>
                <td class="row-mark">{mark(p, row.map((c) => c.text).filter(Boolean).join(" · ").slice(0, 60))}</td>
                {row.map((c, k) => (
                  <td key={k} colSpan={k === row.length - 1 && row.length < width ? width - k : undefined}>
                    <PassageText passage={`para:${p.index}`} offset={c.offset} text={c.text} notes={notes} marks={marks} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
