// What each item of a timetable slot shows: its number, its own title and
// whether this slot continues it. The parser gives a slot its items and the
// title cells as printed, and one "continued" flag for the whole slot; a cell
// may title two items at once ("5和6 | 资产追回; 国际合作") and the flag may
// belong to one item of several (2012: item 4 continued, item 5 begun).
import type { AgendaItem, ScheduleSlot } from "../../ipc";
import { flatten } from "../agenda/items";

export interface SlotItem {
  number: string;
  title: string;
  continued: boolean;
}

/** "（续）", "(continued)", "(suite)", "(continuación)", "(продолжение)", "(تابع)" printed after a title. */
const CONTINUED = /\s*[(（]\s*(续|續|continued|cont\.|suite|continuación|продолжение|تابع)\s*[)）]\s*$/iu;

/** Item number → title, from the agenda (sub-items included). */
export function agendaTitles(agenda: AgendaItem[]): Map<string, string> {
  return new Map(flatten(agenda).map((i) => [i.number, i.title]));
}

/** The printed titles cut to one per item: as printed when there is one
 *  cell per item, else the cells split at semicolons when that gives one per
 *  item; otherwise none can be told apart. */
function printedTitles(slot: ScheduleSlot): (string | null)[] {
  const n = slot.items.length;
  if (slot.titles.length === n) return slot.titles;
  const split = slot.titles.flatMap((t) => t.split(/\s*[;；]\s*/)).filter(Boolean);
  if (split.length === n) return split;
  return slot.items.map(() => null);
}

/** The items of `slots[index]`, each with its own title (the agenda's, else
 *  the printed one) and the continued mark on the items taken up before. */
export function slotItems(slots: ScheduleSlot[], index: number, titles: Map<string, string>): SlotItem[] {
  const slot = slots[index];
  if (!slot) return [];
  const printed = printedTitles(slot);
  const earlier = new Set(slots.slice(0, index).flatMap((s) => s.items));
  let continued = slot.items.map((n) => slot.continued && earlier.has(n));
  if (slot.continued && !continued.some(Boolean)) {
    // Begun in no earlier slot of this timetable: the printed mark says which.
    continued = printed.map((t) => t !== null && CONTINUED.test(t));
    if (!continued.some(Boolean)) continued = slot.items.map((_, i) => i === 0);
  }
  return slot.items.map((number, i) => ({
    number,
    title: titles.get(number) ?? printed[i]?.replace(CONTINUED, "") ?? "",
    continued: continued[i] ?? false,
  }));
}

/** The printed title cells of a slot whose items cannot each be given one. */
export function unassignedTitles(slot: ScheduleSlot, titles: Map<string, string>): string[] {
  if (slot.items.length > 0 && (slot.items.every((n) => titles.has(n)) || printedTitles(slot).some((t) => t !== null))) return [];
  return slot.titles;
}
