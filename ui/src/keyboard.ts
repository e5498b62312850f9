// Keyboard use across the window: F6 / Shift+F6 move between the panes, and
// the list of shortcuts the "?" sheet shows (the reader's own — find, text
// size, print — are handled in features/reader/Reader.tsx, back and forward
// in App.tsx).
import type { TextKey } from "./i18n";

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
