import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { PageView as PageViewInfo } from "../../ipc";
import { t, tf } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { findQuote, offsetOf, pageAtOffset, passageAt } from "./pageGeometry";
import type { Places } from "./pageGeometry";
import { openPdf, pdfjs } from "./pdf";
import type { OpenPdf } from "./pdf";

/** The gap between pages, in pixels. */
const GAP = 12;
/** Pages rendered beyond the visible ones, each way; farther ones are let go. */
const KEEP = 3;

interface Props {
  view: PageViewInfo;
  /** The passage to show ("item:3(a)", "para:12", "slot:4"). */
  target: string | null;
  /** Changes each time the same passage is chosen again, to go back to it. */
  targetSeq?: number;
  /** The noted words, highlighted where they stand. */
  quotes: string[];
  /** A search's words. */
  marks: string[];
  /** A passage was clicked on a page. */
  onPick: (passage: string) => void;
}

interface Drawn {
  scale: number;
  cancel: () => void;
}

/** The original PDF, page under page, at the place of the selected
 *  passage; clicking on a page selects the passage standing there. */
export function PageView({ view, target, targetSeq = 0, quotes, marks, onPick }: Props) {
  const places = view.places as Places;
  const scroller = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<OpenPdf | null>(null);
  const pdf = open?.doc ?? null;
  const [error, setError] = useState<string | null>(null);
  /** The unscaled size of each page (the first page's until drawn). */
  const [sizes, setSizes] = useState<[number, number][]>([]);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [page, setPage] = useState(1);
  const drawn = useRef(new Map<number, Drawn>());
  const ranges = useRef(new Map<number, { notes: Range[]; marks: Range[] }>());

  useEffect(() => {
    let live = true;
    // The maps themselves are kept for the view's life; the cleanup empties them.
    const drawnPages = drawn.current;
    const pageRanges = ranges.current;
    setOpen(null);
    setError(null);
    openPdf(api.originalUrl(view.rendition)).then(
      async (opened) => {
        const first = (await opened.doc.getPage(1)).getViewport({ scale: 1 });
        if (!live) return opened.close();
        setSizes(Array.from({ length: opened.doc.numPages }, () => [first.width, first.height]));
        setOpen(opened);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
      drawnPages.forEach((d) => d.cancel());
      drawnPages.clear();
      pageRanges.clear();
      showHighlights(pageRanges);
    };
  }, [view.rendition]);
  useEffect(() => () => open?.close(), [open]);

  // Fit the width of the pane; the zoom multiplies it.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [pdf]);
  const fit = sizes[0] && width > 0 ? (width - 2 * GAP) / sizes[0][0] : 1;
  const scale = Math.max(0.2, fit * zoom);
  const heights = sizes.map(([, h]) => h * scale);

  // Go to the selected passage: when it is chosen (again), or the pages are
  // laid out anew; not when the same document is read again, nor when a page
  // drawn turns out to have another size (the place and heights read are the latest).
  const place = target ? places[target] : undefined;
  const layout = useRef({ place, heights });
  layout.current = { place, heights };
  useEffect(() => {
    const el = scroller.current;
    const { place, heights } = layout.current;
    if (!el || !place || heights.length === 0) return;
    const y = offsetOf(place, heights, GAP) + GAP;
    // A passage already in sight (one clicked on the page) stays where it is.
    if (y >= el.scrollTop + 8 && y <= el.scrollTop + el.clientHeight - 48) return;
    el.scrollTop = Math.max(0, y - 56);
  }, [target, targetSeq, pdf, scale]);

  // Draw the pages in view (and a few around them), let go of the others.
  const draw = (n: number) => {
    const doc = pdf;
    const host = scroller.current?.querySelector<HTMLElement>(`[data-page="${n}"]`);
    if (!doc || !host) return;
    const have = drawn.current.get(n);
    if (have?.scale === scale) return;
    have?.cancel();
    let cancelled = false;
    const tasks: { cancel: () => void }[] = [];
    drawn.current.set(n, {
      scale,
      cancel: () => {
        cancelled = true;
        tasks.forEach((x) => x.cancel());
      },
    });
    void (async () => {
      const lib = await pdfjs();
      const p = await doc.getPage(n);
      if (cancelled) return;
      const vp = p.getViewport({ scale });
      const unscaled = p.getViewport({ scale: 1 });
      setSizes((s) => {
        const cur = s[n - 1];
        if (cur && cur[0] === unscaled.width && cur[1] === unscaled.height) return s;
        const next = s.slice();
        next[n - 1] = [unscaled.width, unscaled.height];
        return next;
      });
      const ratio = globalThis.devicePixelRatio || 1;
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(vp.width * ratio);
      canvas.height = Math.floor(vp.height * ratio);
      canvas.style.width = `${vp.width}px`;
      canvas.style.height = `${vp.height}px`;
      const task = p.render({ canvas, viewport: vp, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      tasks.push(task);
      const text = document.createElement("div");
      text.className = "textLayer";
      const layer = new lib.TextLayer({ textContentSource: p.streamTextContent(), container: text, viewport: vp });
      tasks.push(layer);
      try {
        await task.promise;
        await layer.render();
      } catch {
        return; // cancelled, or a page pdf.js cannot draw: it stays blank
      }
      if (cancelled) return;
      host.querySelector(".page-canvas")?.replaceChildren(canvas);
      host.querySelector(".page-text")?.replaceChildren(text);
      ranges.current.set(n, highlightsIn(text, quotes, marks));
      showHighlights(ranges.current);
    })();
  };
  const refresh = () => {
    const el = scroller.current;
    if (!el || heights.length === 0) return;
    const first = pageAtOffset(el.scrollTop, heights, GAP);
    const last = pageAtOffset(el.scrollTop + el.clientHeight, heights, GAP);
    setPage(pageAtOffset(el.scrollTop + el.clientHeight / 3, heights, GAP));
    for (let n = first; n <= last; n++) draw(n);
    for (const [n, d] of drawn.current) {
      if (n < first - KEEP || n > last + KEEP) {
        d.cancel();
        drawn.current.delete(n);
        ranges.current.delete(n);
        const host = el.querySelector(`[data-page="${n}"]`);
        host?.querySelector(".page-canvas")?.replaceChildren();
        host?.querySelector(".page-text")?.replaceChildren();
      }
    }
    showHighlights(ranges.current);
  };
  // The pages in view drawn again when the document, the scale, the number of
  // pages or the passage chosen change (and as they are scrolled: onScroll).
  const refreshNow = useRef(refresh);
  refreshNow.current = refresh;
  useEffect(() => refreshNow.current(), [pdf, scale, sizes.length, target, targetSeq]);
  // New notes or words (by their text, not the arrays' identity): highlighted again on the pages drawn.
  const quoteKey = quotes.join("\u0000");
  const markKey = marks.join("\u0000");
  const highlighted = useRef({ quotes, marks });
  highlighted.current = { quotes, marks };
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const { quotes, marks } = highlighted.current;
    for (const n of drawn.current.keys()) {
      const text = el.querySelector<HTMLElement>(`[data-page="${n}"] .textLayer`);
      if (text) ranges.current.set(n, highlightsIn(text, quotes, marks));
    }
    showHighlights(ranges.current);
  }, [quoteKey, markKey]);
  useEffect(() => () => clearHighlights(), []);

  const pick = (n: number, e: MouseEvent) => {
    if (!document.getSelection()?.isCollapsed) return; // selecting words, not a passage
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const key = passageAt(places, n, (e.clientY - box.top) / box.height);
    if (key) onPick(key);
  };
  const goTo = (n: number) => {
    const el = scroller.current;
    if (el && heights.length) el.scrollTop = offsetOf({ page: n, top: 0 }, heights, GAP);
  };
  const count = sizes.length || view.pages || 0;
  return (
    <section class="page-view" data-pane="page" tabIndex={-1} aria-label={t("pageView")}>
      <div class="page-tools" role="toolbar" aria-label={t("pageView")}>
        <button class="icon" onClick={() => goTo(page - 1)} disabled={page <= 1} aria-label={t("previousPage")} title={t("previousPage")}>
          ‹
        </button>
        <span class="page-number" data-testid="page-number" aria-live="polite">
          {tf("pageOf", { page, pages: count })}
        </span>
        <button class="icon" onClick={() => goTo(page + 1)} disabled={page >= count} aria-label={t("nextPage")} title={t("nextPage")}>
          ›
        </button>
        <span class="spacer" />
        <button class="icon" onClick={() => setZoom((z) => Math.max(0.5, z / 1.2))} aria-label={t("zoomOut")} title={t("zoomOut")}>
          −
        </button>
        <button class="link" onClick={() => setZoom(1)} title={t("fitWidth")}>
          {Math.round(zoom * 100)} %
        </button>
        <button class="icon" onClick={() => setZoom((z) => Math.min(4, z * 1.2))} aria-label={t("zoomIn")} title={t("zoomIn")}>
          +
        </button>
        <button class="link" onClick={() => void api.openOriginal(view.rendition).catch((e: unknown) => setError(errorText(e)))} data-testid="open-pdf">
          {t("openOriginal")}
        </button>
      </div>
      {error && <p class="error-text">{t("pdfNotShown")} {error}</p>}
      <div class="page-scroller" dir="ltr" ref={scroller} onScroll={refresh} data-testid="page-scroller">
        {heights.map((h, i) => {
          const n = i + 1;
          const size = sizes[i];
          return (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- a click picks the passage under the pointer, a position with no key of its own; the same passages are chosen in the text beside the page, which the page then follows
            <div
              key={n}
              class="pdf-page"
              data-page={n}
              role="group"
              aria-label={tf("pageN", { page: n })}
              style={{ height: `${h}px`, width: `${(size?.[0] ?? 0) * scale}px`, marginBottom: `${GAP}px`, "--total-scale-factor": String(scale) }}
              onClick={(e) => pick(n, e)}
            >
              <div class="page-canvas" />
              <div class="page-text" />
              {place && place.page === n && <div class="place-marker" style={{ top: `${(place.top ?? 0) * 100}%` }} data-testid="place-marker" />}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The ranges of a page's text layer holding the noted words and the search's. */
function highlightsIn(layer: HTMLElement, quotes: string[], marks: string[]): { notes: Range[]; marks: Range[] } {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const runs = nodes.map((n) => ({ text: n.data }));
  const toRanges = (words: string[], limit: number) =>
    words.flatMap((w) =>
      findQuote(runs, w, limit).flatMap((s) => {
        const a = nodes[s.start[0]];
        const b = nodes[s.end[0]];
        if (!a || !b) return [];
        const r = document.createRange();
        r.setStart(a, s.start[1]);
        r.setEnd(b, s.end[1]);
        return [r];
      }),
    );
  return { notes: toRanges(quotes, 1), marks: toRanges(marks, 50) };
}

type HighlightRegistry = { set: (name: string, h: unknown) => void; delete: (name: string) => void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Shows the ranges with the CSS Custom Highlight API (where the web view
 *  has it; without it the page view shows no highlights). */
function showHighlights(all: Map<number, { notes: Range[]; marks: Range[] }>) {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Highlight) return;
  const notes = [...all.values()].flatMap((r) => r.notes);
  const marks = [...all.values()].flatMap((r) => r.marks);
  registry.set("dossier-page-note", new Highlight(...notes));
  registry.set("dossier-page-mark", new Highlight(...marks));
}

function clearHighlights() {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  registry?.delete("dossier-page-note");
  registry?.delete("dossier-page-mark");
}
