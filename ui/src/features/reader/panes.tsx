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

/** A vertical bar between two panes: drag (or arrow keys) to resize the pane on its left. */
export function Splitter({ width, onResize, onReset }: { width: number; onResize: (w: number) => void; onReset: () => void }) {
  const start = useRef<{ x: number; w: number } | null>(null);
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
        start.current = { x: e.clientX, w: width };
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onResize(start.current.w + e.clientX - start.current.x);
      }}
      onPointerUp={() => (start.current = null)}
      onDblClick={onReset}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft") onResize(width - 20);
        if (e.key === "ArrowRight") onResize(width + 20);
      }}
    />
  );
}
