// Where passages stand on a PDF's pages, and back: the pure arithmetic of
// the page view, kept apart from pdf.js so it can be tested alone.
import type { Place } from "../../ipc";

export type Places = { [key: string]: Place | undefined };

/** The passage a reader clicked on: the last one that begins at or above
 *  the point (`top`: 0 at the top of the page, 1 at its foot), on this page
 *  or, when none begins above it there, the last one on an earlier page. */
export function passageAt(places: Places, page: number, top: number): string | null {
  let best: { key: string; page: number; top: number } | null = null;
  for (const [key, p] of Object.entries(places)) {
    if (!p) continue;
    const at = p.top ?? 0;
    if (p.page > page || (p.page === page && at > top + 0.005)) continue;
    if (!best || p.page > best.page || (p.page === best.page && at >= best.top)) {
      // Of two passages at one spot, an item or paragraph before a slot.
      if (best && p.page === best.page && at === best.top && key.startsWith("slot:")) continue;
      best = { key, page: p.page, top: at };
    }
  }
  return best?.key ?? null;
}

/** How far down the scroller a place stands, pages laid out one under the
 *  other with `gap` pixels between them, each `heights[i]` tall. */
export function offsetOf(place: Place, heights: number[], gap: number): number {
  let y = 0;
  for (let i = 0; i < place.page - 1 && i < heights.length; i++) y += (heights[i] ?? 0) + gap;
  return y + (place.top ?? 0) * (heights[place.page - 1] ?? 0);
}

/** The page (1-based) showing at `y` pixels down the scroller. */
export function pageAtOffset(y: number, heights: number[], gap: number): number {
  let top = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = (heights[i] ?? 0) + gap;
    if (y < top + h) return i + 1;
    top += h;
  }
  return Math.max(1, heights.length);
}

/** A run of text on a page and where it lies (a text node of pdf.js's text layer). */
export interface TextRun {
  text: string;
}

/** A stretch of a page's runs: the first character's run and offset, and
 *  the run and offset just after the last. */
export interface RunSpan {
  start: [number, number];
  end: [number, number];
}

/** Where `quote` stands in a page's runs, spacing, hyphens and case
 *  ignored (a quote may run over several runs: lines, font changes): every
 *  place, up to `limit`. */
export function findQuote(runs: TextRun[], quote: string, limit = 1): RunSpan[] {
  const want = fold(quote);
  if (!want) return [];
  const chars: [number, number][] = [];
  let text = "";
  runs.forEach((r, i) => {
    let k = 0;
    for (const c of r.text) {
      const f = foldChar(c);
      text += f;
      for (let n = 0; n < f.length; n++) chars.push([i, k]);
      k += c.length;
    }
  });
  const found: RunSpan[] = [];
  for (let at = text.indexOf(want); at >= 0 && found.length < limit; at = text.indexOf(want, at + want.length)) {
    const start = chars[at];
    const last = chars[at + want.length - 1];
    if (!start || !last) break;
    const lastChar = runs[last[0]]?.text.codePointAt(last[1]) ?? 0;
    found.push({ start, end: [last[0], last[1] + (lastChar > 0xffff ? 2 : 1)] });
  }
  return found;
}

function foldChar(c: string): string {
  if (/\s|\u00ad|-/.test(c)) return "";
  return c.normalize("NFKC").toLowerCase();
}

function fold(s: string): string {
  let out = "";
  for (const c of s) out += foldChar(c);
  return out;
}
