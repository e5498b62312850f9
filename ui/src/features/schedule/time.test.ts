import { describe, expect, it } from "vitest";
import { nowAndNext, slotHours } from "./time";
import { viennaTiming } from "../../test/fixtures";

const timing = viennaTiming;

describe("now and next", () => {
  it("marks the slot under way and the one after it", () => {
    expect(nowAndNext(timing, new Date("2024-06-12T09:30:00Z"))).toEqual({ current: 0, next: 1 });
  });
  it("over lunch there is no current slot, only the next", () => {
    expect(nowAndNext(timing, new Date("2024-06-12T12:00:00Z"))).toEqual({ current: null, next: 1 });
  });
  it("before the meeting the first slot is next; after it nothing is", () => {
    expect(nowAndNext(timing, new Date("2024-06-01T00:00:00Z"))).toEqual({ current: null, next: 0 });
    expect(nowAndNext(timing, new Date("2024-07-01T00:00:00Z"))).toEqual({ current: null, next: null });
  });
  it("without a known zone nothing is marked", () => {
    expect(nowAndNext(null, new Date("2024-06-12T09:30:00Z"))).toEqual({ current: null, next: null });
  });
});

describe("slot hours", () => {
  const printed = { date: "2024-06-12", start: "10:00", end: "13:00" };
  it("shows the printed hours in venue time", () => {
    expect(slotHours(printed, timing.slots[0], "venue")).toBe("10:00–13:00");
  });
  it("shows no hours where the timetable prints none, and an open end where it prints no end", () => {
    expect(slotHours({ date: "2025-06-10", start: null, end: null }, undefined, "venue")).toBe("");
    expect(slotHours({ date: "2025-06-10", start: "15:00", end: null }, undefined, "venue")).toBe("15:00–");
  });
  it("converts to the reader's zone, with the day shift", () => {
    expect(slotHours(printed, timing.slots[0], "local", "Asia/Shanghai")).toBe("16:00–19:00");
    expect(slotHours(printed, timing.slots[0], "local", "America/New_York")).toBe("04:00–07:00");
    expect(slotHours(printed, timing.slots[1], "local", "Asia/Tokyo")).toBe("22:00–01:00");
    expect(slotHours(printed, timing.slots[0], "local", "Pacific/Auckland")).toBe("20:00–23:00");
    const late = { starts_at: "2024-06-12T16:00:00+00:00", ends_at: "2024-06-12T16:00:00+00:00" };
    expect(slotHours(printed, late, "local", "Asia/Tokyo")).toBe("01:00–01:00 (+1)");
  });
  it("falls back to the printed hours when the zone is unknown", () => {
    expect(slotHours(printed, undefined, "local")).toBe("10:00–13:00");
  });
});
