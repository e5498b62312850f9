import { useRef, useState } from "preact/hooks";
import { t } from "../../i18n";

/** Pane widths in pixels, remembered under `key` across restarts. */
export function usePaneWidths(key: string, defaults: number[]): [number[], (i: number, w: number) => void, () => void] {
  const storageKey = `dossier.panes.${key}`;
  const [widths, setWidths] = useState<number[]>(() => {
    try {
      const saved = JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? "null") as unknown;
      if (Array.isArray(saved) && saved.length === defaults.length && saved.every((n) => typeof n === "number")) return saved as number[];
    } catch {
      /* a damaged setting falls back to the defaults */
    }
    return defaults;
  });
  const set = (i: number, w: number) =>
    setWidths((prev) => {
      const next = prev.map((x, j) => (j === i ? Math.round(Math.max(160, Math.min(900, w))) : x));
      globalThis.localStorage?.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  const reset = () => {
    globalThis.localStorage?.removeItem(storageKey);
    setWidths(defaults);
  };
  return [widths, set, reset];
}

/** Whether `el` lies out right to left (an Arabic UI): the nearest `dir`
 *  above it says; the document root carries the UI's. */
export function isRtl(el: Element): boolean {
  return el.closest("[dir]")?.getAttribute("dir") === "rtl";
}

/** The width of the pane before a splitter dragged by `dx` pixels (rightwards
 *  positive) from `start`: in right to left that pane is on the right, so
 *  dragging to the left widens it. */
export function draggedWidth(start: number, dx: number, rtl: boolean): number {
  return start + (rtl ? -dx : dx);
}

/** A vertical bar between two panes: drag (or arrow keys) to resize the pane
 *  before it in reading order, on its left, or on its right in a right-to-left
 *  UI, where the panes are mirrored: there, dragging to the left widens it. */
export function Splitter({ width, onResize, onReset }: { width: number; onResize: (w: number) => void; onReset: () => void }) {
  const start = useRef<{ x: number; w: number; rtl: boolean } | null>(null);
  return (
    <div
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={width}
      aria-label={t("resizePane")}
      title={t("resizePane")}
      tabIndex={0}
      onPointerDown={(e) => {
        const el = e.currentTarget as HTMLElement;
        start.current = { x: e.clientX, w: width, rtl: isRtl(el) };
        el.setPointerCapture?.(e.pointerId);
      }}
      onPointerMove={(e) => {
        const s = start.current;
        if (s) onResize(draggedWidth(s.w, e.clientX - s.x, s.rtl));
      }}
      onPointerUp={() => (start.current = null)}
      onDblClick={onReset}
      onKeyDown={(e) => {
        // The arrow moves the bar that way on screen, whichever side the pane is on.
        const rtl = isRtl(e.currentTarget as HTMLElement);
        if (e.key === "ArrowLeft") onResize(draggedWidth(width, -20, rtl));
        if (e.key === "ArrowRight") onResize(draggedWidth(width, 20, rtl));
      }}
    />
  );
}
