import { describe, expect, it } from "vitest";
import { slotMatchesItem } from "./items";
import type { ScheduleSlot } from "../../ipc";

const slot = (items: string[]): ScheduleSlot => ({
  date: "2024-06-12", start: "10:00", end: "13:00", items, titles: [], continued: false, parallel: [], notes: [],
});

describe("slotMatchesItem", () => {
  it("matches the item, its parent and, for a top item, its sub-items", () => {
    expect(slotMatchesItem(slot(["3(a)"]), "3(a)")).toBe(true);
    expect(slotMatchesItem(slot(["3(a)"]), "3")).toBe(true);
    expect(slotMatchesItem(slot(["3"]), "3(b)")).toBe(true);
    expect(slotMatchesItem(slot(["3(b)"]), "3(a)")).toBe(false);
    expect(slotMatchesItem(slot(["13"]), "1")).toBe(false);
  });
});
