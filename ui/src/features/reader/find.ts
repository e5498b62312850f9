// Find in the open document: the text the reader shows, read from its DOM
// (outline, annotation, paragraphs, timetable), folded so that case,
// diacritics and compatibility forms do not matter, and searched as a string
// (no word boundaries: Chinese has none). Matches are DOM Ranges, shown with
// the CSS Custom Highlight API (WebKitGTK 2.50, WKWebView, WebView2 all have
// it), which marks text without touching the DOM Preact renders; where it is
// missing, the current match is selected instead.

/** What is not the document's text: the reader's controls, the user's notes,
 *  the copy kept for printing, hidden footnote carets. */
const SKIP =
  ".print-only, .fn-caret, .find-bar, .doc-tools, .reader-tools, .notes-panel, .notes-export, .note-editor, .note-fab, .undo, .zone-bar, .para-mark, .star, .splitter, .symbol-form, .error-text, script, style, input, textarea, select";
/** Elements whose text does not run on into the next one's. */
const BLOCK = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, div, article, section, header, nav, aside, ul, ol, table, tr, button";

const MARKS = /[\p{M}\u0640]/gu;

/** One character as find compares it: compatibility forms decomposed
 *  (full-width Latin, ligatures, Arabic presentation forms), marks dropped
 *  (accents, Arabic vowel signs and hamza, the tatweel), lower case. */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  return c.normalize("NFKD").replace(MARKS, "").toLowerCase().replace(MARKS, "");
}

/** A string folded as find compares it, white space runs made one space. */
export function fold(s: string): string {
  let out = "";
  let space = false;
  for (const c of s) {
    if (/\s/.test(c)) {
      if (!space) out += " ";
      space = true;
      continue;
    }
    out += foldChar(c);
    space = false;
  }
  return out;
}

interface Source {
  node: Text;
  offset: number;
  length: number;
}

/** The folded text under `root`, and for each of its UTF-16 units the
 *  character of the DOM it came from (null for a break between blocks). */
export interface TextIndex {
  text: string;
  sources: (Source | null)[];
}

export function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = "";
  const sources: (Source | null)[] = [];
  let block: Element | null = null;
  let space = true;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const here = n.parentElement?.closest(BLOCK) ?? null;
    if (here !== block) {
      text += "\n";
      sources.push(null);
      block = here;
      space = true;
    }
    const data = n.data;
    let i = 0;
    for (const c of data) {
      if (/\s/.test(c)) {
        if (!space) {
          text += " ";
          sources.push({ node: n, offset: i, length: c.length });
        }
        space = true;
      } else {
        const f = foldChar(c);
        for (let k = 0; k < f.length; k++) sources.push({ node: n, offset: i, length: c.length });
        text += f;
        space = false;
      }
      i += c.length;
    }
  }
  return { text, sources };
}

/** Every match of `query` in the indexed text, in document order, as Ranges. */
export function findRanges(index: TextIndex, query: string): Range[] {
  const needle = fold(query).trim();
  if (!needle) return [];
  const out: Range[] = [];
  let from = 0;
  for (let at = index.text.indexOf(needle, from); at >= 0; at = index.text.indexOf(needle, from)) {
    const first = index.sources[at];
    const last = index.sources[at + needle.length - 1];
    if (first && last) {
      const r = first.node.ownerDocument.createRange();
      r.setStart(first.node, first.offset);
      r.setEnd(last.node, last.offset + last.length);
      out.push(r);
    }
    from = at + needle.length;
  }
  return out;
}

// The CSS Custom Highlight API, where the engine has it.
interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
function highlightApi(): { registry: HighlightRegistry; make: (ranges: Range[]) => { priority: number } } | null {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Ctor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => { priority: number } }).Highlight;
  if (!registry || !Ctor) return null;
  return { registry, make: (ranges) => new Ctor(...ranges) };
}

/** Marks `ranges`, `current` apart (styles.css: ::highlight(find-match),
 *  ::highlight(find-current)); without the API, selects `current`. */
export function showMatches(ranges: Range[], current: number): void {
  const api = highlightApi();
  const cur = ranges[current];
  if (api) {
    api.registry.set("find-match", api.make(ranges.filter((_, i) => i !== current)));
    const h = api.make(cur ? [cur] : []);
    h.priority = 1;
    api.registry.set("find-current", h);
    return;
  }
  const sel = globalThis.getSelection?.();
  if (sel && cur) {
    sel.removeAllRanges();
    sel.addRange(cur);
  }
}

export function clearMatches(): void {
  const api = highlightApi();
  if (api) {
    api.registry.delete("find-match");
    api.registry.delete("find-current");
  }
}

/** The nearest ancestor of `el` that scrolls its content vertically. */
function scroller(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if ((y === "auto" || y === "scroll") && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** Scrolls the pane holding `range` so that the match stands a third of the
 *  way down it (a long paragraph's element would otherwise show its start). */
export function reveal(range: Range): void {
  const el = range.startContainer.parentElement;
  if (!el) return;
  const pane = scroller(el);
  const rect = typeof range.getBoundingClientRect === "function" ? range.getBoundingClientRect() : null;
  if (!pane || !rect || (rect.width === 0 && rect.height === 0)) {
    el.scrollIntoView({ block: "center", inline: "nearest" });
    return;
  }
  const box = pane.getBoundingClientRect();
  if (rect.top < box.top || rect.bottom > box.bottom) pane.scrollTop += rect.top - box.top - box.height / 3;
}
