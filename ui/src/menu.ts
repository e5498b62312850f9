// The native menu's items (MenuAction events), handled once at the top of the
// app whatever is on screen: File ▸ Import files…, Import a folder…, Back up
// the library…, Restore from a backup….
import { useEffect, useRef } from "preact/hooks";
import { api } from "./ipc";

export type MenuHandlers = Partial<Record<string, () => void>>;

/** Runs the handler of each menu item chosen; the latest handlers are used. */
export function useMenuActions(handlers: MenuHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => api.onMenuAction((id) => latest.current[id]?.()), []);
}
