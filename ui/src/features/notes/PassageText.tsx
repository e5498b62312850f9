import type { Note } from "../../ipc";
import { Highlighted } from "../reader/Highlighted";

interface Props {
  /** The passage this text belongs to ("item:3(a)", "para:12"). */
  passage: string;
  /** Where this text starts in the passage, in characters. */
  offset: number;
  text: string;
  notes: Note[];
  marks: string[];
}

/** Text of a passage with its notes highlighted, search matches marked and
 *  the symbols it cites linked (Highlighted).
 *  `data-passage`/`data-offset` let a selection be turned into note selectors. */
export function PassageText({ passage, offset, text, notes, marks }: Props) {
  const chars = Array.from(text);
  const ranges = notes
    .filter((n) => !n.detached && n.anchor.passage === passage)
    .map((n) => ({ s: Math.max(n.anchor.start - offset, 0), e: Math.min(n.anchor.end - offset, chars.length), note: n }))
    .filter((r) => r.s < r.e)
    .sort((a, b) => a.s - b.s);
  const parts = [];
  let at = 0;
  for (const r of ranges) {
    if (r.s < at) continue;
    if (r.s > at) parts.push(<Highlighted key={`t${at}`} text={chars.slice(at, r.s).join("")} marks={marks} symbols />);
    parts.push(
      <span key={`n${r.note.id}`} class="note-mark" id={`note-${r.note.id}`} title={r.note.body} data-testid="note-mark">
        <Highlighted text={chars.slice(r.s, r.e).join("")} marks={marks} symbols />
      </span>,
    );
    at = r.e;
  }
  if (at < chars.length) parts.push(<Highlighted key={`t${at}`} text={chars.slice(at).join("")} marks={marks} symbols />);
  return (
    <span data-passage={passage} data-offset={offset}>
      {parts}
    </span>
  );
}

/** The current selection as note selectors, when it lies inside one passage text. */
export function selectionInPassage(): { passage: string; start: number; end: number; quote: string } | null {
  const sel = globalThis.getSelection?.();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const host = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>("[data-passage]") ?? null;
  const el = host(range.startContainer);
  if (!el || el !== host(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(el, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const lead = Array.from(before.toString()).length;
  const quote = range.toString();
  const len = Array.from(quote).length;
  if (!quote.trim()) return null;
  const offset = Number(el.dataset["offset"] ?? 0);
  return { passage: el.dataset["passage"]!, start: offset + lead, end: offset + lead + len, quote };
}
