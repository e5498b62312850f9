// The reading text size: Ctrl+plus, Ctrl+minus and Ctrl+0 (Cmd on macOS), or
// the buttons in the document's header, step it between 80 % and 200 %. It
// is kept like the theme and the language (localStorage) and put on the root
// as --text-scale, which the document text's font sizes are multiplied by
// (styles.css); the window's own controls keep their size.
import { signalLike } from "../../i18n/signal";

/** The sizes stepped through, as shares of the normal size. */
export const TEXT_SIZES: readonly number[] = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
const KEY = "dossier.textSize";

function saved(): number {
  const n = Number(globalThis.localStorage?.getItem(KEY));
  return TEXT_SIZES.includes(n) ? n : 1;
}

export const textSize = signalLike<number>(saved());

/** Puts the size on the document root (or `root`). */
export function applyTextSize(size: number = textSize.get(), root: HTMLElement = document.documentElement): void {
  root.style.setProperty("--text-scale", String(size));
}

export function setTextSize(size: number): void {
  const n = TEXT_SIZES.includes(size) ? size : 1;
  if (n === 1) globalThis.localStorage?.removeItem(KEY);
  else globalThis.localStorage?.setItem(KEY, String(n));
  applyTextSize(n);
  textSize.set(n);
}

/** One step larger (`step` 1), smaller (-1), or back to normal (0). */
export function stepTextSize(step: -1 | 0 | 1): void {
  if (step === 0) return setTextSize(1);
  const at = TEXT_SIZES.indexOf(textSize.get());
  const next = TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, (at < 0 ? TEXT_SIZES.indexOf(1) : at) + step))]!;
  setTextSize(next);
}

/** The step Ctrl (or Cmd) with `key` asks for: "+" and "=" (the plus key
 *  unshifted), "-", "0"; null for any other key. */
export function textSizeStep(e: KeyboardEvent): -1 | 0 | 1 | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === "+" || e.key === "=") return 1;
  if (e.key === "-" || e.key === "_") return -1;
  if (e.key === "0") return 0;
  return null;
}
