import { useEffect, useRef, useState } from "preact/hooks";
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

/**
 * The agenda reader's columns: outline, splitter, annotation, splitter,
 * timetable. The widths dragged to are what the outline and the annotation
 * grow to, or a share of a wide window (20 %, 36 %) when that is more; each
 * shrinks to its minimum before the timetable is cut, so that at 1024×700
 * the three fit beside the sidebar (layout.test.ts).
 */
export function agendaColumns(outline: number, annotation: number): string {
  return `minmax(140px, max(${outline}px, 20%)) 6px minmax(200px, max(${annotation}px, 36%)) 6px minmax(260px, 1fr)`;
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
  const bar = useRef<HTMLDivElement>(null);
  const latest = useRef({ width, onResize });
  latest.current = { width, onResize };
  // Pointer events are listened to directly (by their lower-case names), so
  // that the drag works the same in every engine and under test.
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    let start: { x: number; w: number; rtl: boolean } | null = null;
    const down = (e: PointerEvent) => {
      // No text selection starts from the bar, nor spreads over the panes while it is dragged.
      e.preventDefault();
      document.documentElement.classList.add("resizing");
      // From the pane's width on screen, which a wide window may have made more than the one set.
      const shown = el.previousElementSibling?.getBoundingClientRect().width ?? 0;
      start = { x: e.clientX, w: shown > 0 ? Math.round(shown) : latest.current.width, rtl: isRtl(el) };
      if (e.pointerId !== undefined) el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (start) latest.current.onResize(draggedWidth(start.w, e.clientX - start.x, start.rtl));
    };
    const end = () => {
      start = null;
      document.documentElement.classList.remove("resizing");
    };
    const listeners: [string, (e: PointerEvent) => void][] = [
      ["pointerdown", down],
      ["pointermove", move],
      ["pointerup", end],
      ["pointercancel", end],
      ["lostpointercapture", end],
    ];
    for (const [type, fn] of listeners) el.addEventListener(type, fn as EventListener);
    return () => {
      for (const [type, fn] of listeners) el.removeEventListener(type, fn as EventListener);
      end();
    };
  }, []);
  return (
    // A focusable separator is a widget, the window splitter of WAI-ARIA (its
    // value the pane's width, moved by the arrow keys); jsx-a11y counts every
    // separator as static, so its focus and keys are allowed here.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a window splitter, see above
    <div
      ref={bar}
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={width}
      aria-label={t("resizePane")}
      title={t("resizePane")}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a window splitter, see above
      tabIndex={0}
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
