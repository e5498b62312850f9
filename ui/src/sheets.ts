// The sheets over the window: the search dialog, the list of shortcuts and
// About Dossier. Each opens and closes on its own (the search can be asked
// for with Ctrl+K while another sheet is open).
import { useCallback, useState } from "preact/hooks";

export type SheetName = "search" | "shortcuts" | "about";

export interface Sheets {
  open: Readonly<Record<SheetName, boolean>>;
  show: (sheet: SheetName) => void;
  hide: (sheet: SheetName) => void;
  /** Some sheet is open: the window's own keys (F6, back and forward) wait. */
  modal: boolean;
}

export function useSheets(): Sheets {
  const [open, setOpen] = useState<Record<SheetName, boolean>>({ search: false, shortcuts: false, about: false });
  const show = useCallback((s: SheetName) => setOpen((o) => (o[s] ? o : { ...o, [s]: true })), []);
  const hide = useCallback((s: SheetName) => setOpen((o) => (o[s] ? { ...o, [s]: false } : o)), []);
  return { open, show, hide, modal: open.search || open.shortcuts || open.about };
}
