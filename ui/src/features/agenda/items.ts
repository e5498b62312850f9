import type { AgendaItem, ScheduleSlot } from "../../ipc";

/** "3(a)" → "3". */
export function topOf(number: string): string {
  return number.replace(/\(.*$/, "");
}

/**
 * A slot takes up an item when it lists the item itself, its parent, or (for
 * a top-level item) any of its sub-items.
 */
export function slotMatchesItem(slot: ScheduleSlot, item: string): boolean {
  return slot.items.some((s) => s === item || s === topOf(item) || topOf(s) === item);
}

export function flatten(items: AgendaItem[]): AgendaItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}
