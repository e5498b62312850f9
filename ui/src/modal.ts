// A modal dialog's keyboard behaviour (the search dialog, the shortcuts
// sheet): the focus stays inside while it is open — Tab and Shift+Tab wrap
// round its controls, and focus that wanders out is brought back — and returns
// to where it was when it closes.
import { useEffect, useRef } from "preact/hooks";
import type { RefObject } from "preact";

const FOCUSABLE = "input, select, textarea, button, a[href], [tabindex]:not([tabindex='-1'])";

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && !el.closest("[hidden]"));
}

/** Traps the focus in `dialog` while mounted and gives it back on unmount,
 *  unless `giveBack` says not to (a search result opened: the reader takes it);
 *  returns the keydown handler that wraps Tab round the dialog's controls. */
export function useModal(dialog: RefObject<HTMLElement>, giveBack: () => boolean = () => true): (e: KeyboardEvent) => void {
  // Asked when the dialog closes: the latest answer counts.
  const giveBackNow = useRef(giveBack);
  giveBackNow.current = giveBack;
  // Once, for as long as the dialog is open (`dialog` is the same ref throughout).
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const keepInside = (e: FocusEvent) => {
      const el = dialog.current;
      if (el && e.target instanceof Node && !el.contains(e.target)) focusables(el)[0]?.focus();
    };
    document.addEventListener("focusin", keepInside);
    return () => {
      document.removeEventListener("focusin", keepInside);
      if (before?.isConnected && giveBackNow.current()) before.focus();
    };
  }, [dialog]);
  return (e: KeyboardEvent) => {
    const el = dialog.current;
    if (e.key !== "Tab" || !el) return;
    const all = focusables(el);
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
}
