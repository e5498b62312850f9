// Keyboard use across the window: search, the shortcuts sheet, F6 / Shift+F6
// between the panes, back and forward, and the list of shortcuts the "?"
// sheet shows (the reader's own — find, text size, print — are handled in
// features/reader/Reader.tsx).
import { useEffect, useRef } from "preact/hooks";
import type { TextKey } from "./i18n";

/** Back (Alt+←, ⌘[) or forward (Alt+→, ⌘]); Alt with an arrow is the
 *  field's own in a text field (a word left or right on macOS). */
function isHistoryKey(e: KeyboardEvent, typing: boolean): boolean {
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) return !typing;
  return e.metaKey && !e.altKey && !e.ctrlKey && (e.key === "[" || e.key === "]");
}

export interface WindowKeys {
  /** Ctrl/Cmd+K, or / outside a text field. */
  search: () => void;
  /** ? outside a text field. */
  shortcuts: () => void;
  travel: (way: "back" | "forward") => void;
  /** A modal sheet is open: F6 and back / forward wait. */
  modal: boolean;
}

/** The window's own keys; the latest handlers are used. */
export function useWindowKeys(keys: WindowKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { search, shortcuts, travel, modal } = latest.current;
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if ((e.key === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        search();
      } else if (e.key === "?" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        shortcuts();
      } else if (e.key === "F6" && !modal) {
        e.preventDefault();
        cyclePane(e.shiftKey);
      } else if (!modal && isHistoryKey(e, typing)) {
        e.preventDefault();
        travel(e.key === "ArrowLeft" || e.key === "[" ? "back" : "forward");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** Moves the focus to the next pane (`[data-pane]`, in document order), or
 *  the previous one, round the ends. A pane takes the focus itself
 *  (tabindex="-1"), so Tab then goes on from its start. */
export function cyclePane(back: boolean, root: ParentNode = document): void {
  const panes = [...root.querySelectorAll<HTMLElement>("[data-pane]")];
  const n = panes.length;
  if (n === 0) return;
  const active = document.activeElement;
  const at = panes.findIndex((p) => active !== null && p.contains(active));
  const next = at < 0 ? (back ? n - 1 : 0) : (at + (back ? -1 : 1) + n) % n;
  panes[next]!.focus();
}

/** What the shortcuts sheet lists: the keys, and what they do (a message key). */
export const SHORTCUTS: { keys: string[]; what: TextKey }[] = [
  { keys: ["Ctrl K", "/"], what: "shortcutSearch" },
  { keys: ["F6", "Shift F6"], what: "shortcutPanes" },
  { keys: ["Ctrl F"], what: "shortcutFind" },
  { keys: ["Enter", "Shift Enter", "F3", "Shift F3"], what: "shortcutFindNext" },
  { keys: ["Ctrl +", "Ctrl −", "Ctrl 0"], what: "shortcutTextSize" },
  { keys: ["Ctrl P"], what: "printTitle" },
  { keys: ["Alt ←", "Alt →", "⌘ [", "⌘ ]"], what: "shortcutHistory" },
  { keys: ["↑", "↓", "Home", "End"], what: "shortcutOutline" },
  { keys: ["←", "→"], what: "shortcutTabs" },
  { keys: ["Ctrl Enter"], what: "shortcutSaveNote" },
  { keys: ["Esc"], what: "shortcutClose" },
  { keys: ["?"], what: "shortcutSheet" },
];
