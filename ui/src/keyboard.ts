// Keyboard use across the window: F6 / Shift+F6 move between the panes.

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
