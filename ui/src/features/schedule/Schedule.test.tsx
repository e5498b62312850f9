import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { Schedule } from "./Schedule";
import type { ScheduleSlot } from "../../ipc";
import { viennaTiming } from "../../test/fixtures";
import { agendaItems, agendaSlots } from "../../test/agenda";

const root = mountPoint();
afterEach(() => vi.useRealTimers());

const slot = (date: string, start: string, end: string, items: string[], continued = false): ScheduleSlot => ({
  date, start, end, items, titles: [], continued, parallel: [], notes: [],
});
const slots = [
  slot("2024-06-12", "10:00", "13:00", ["1(a)", "3(a)"]),
  slot("2024-06-12", "15:00", "18:00", ["3(a)"], true),
  slot("2024-06-13", "10:00", "13:00", ["3(b)"]),
];
const timing = viennaTiming;

describe("Schedule", () => {
  it("labels each lane and room, and names the part of the day when no hours are printed", () => {
    const lanes: ScheduleSlot[] = [
      { ...slot("2025-03-31", "10:00", "13:00", ["1(a)"]), lane: "Plenary", room: "Conference Room 1" },
      { ...slot("2025-03-31", "10:00", "13:00", ["5"]), lane: "Committee of the Whole" },
      { date: "2025-04-01", start: null, end: null, items: ["2"], titles: [], continued: false, parallel: [], notes: [], part_of_day: "afternoon" },
    ];
    act(() => render(<Schedule slots={lanes} timing={null} selectedItem={null} selectedSlot={null} onSelectSlot={() => {}} />, root()));
    const where = [...root().querySelectorAll(".slot-where")].map((e) => e.textContent);
    expect(where).toEqual(["Plenary · Conference Room 1", "Committee of the Whole"]);
    expect(root().querySelector("#slot-2 .time")?.textContent).toContain("Afternoon");
  });


  it("highlights every slot of the selected item, continued ones included", () => {
    act(() => render(<Schedule slots={slots} timing={timing} selectedItem="3(a)" selectedSlot={null} onSelectSlot={() => {}} />, root()));
    const hits = [...root().querySelectorAll(".slot.hit")].map((e) => e.id);
    expect(hits).toEqual(["slot-0", "slot-1"]);
  });

  it("marks the slot under way and the next one, and stars through the callback", () => {
    // 12 June, 16:00 in Vienna: the afternoon slot is under way, 13 June's morning next.
    vi.setSystemTime(new Date("2024-06-12T14:00:00Z"));
    const onStar = vi.fn();
    act(() =>
      render(<Schedule slots={slots} timing={timing} selectedItem={null} selectedSlot={null} onSelectSlot={() => {}} onStar={onStar} />, root()),
    );
    expect(root().querySelector(".slot.now")?.id).toBe("slot-1");
    expect(root().querySelector(".slot.next")?.id).toBe("slot-2");
    expect(root().querySelector("[data-testid=star-1]")?.getAttribute("aria-pressed")).toBe("true");
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=star-0]")?.click());
    expect(onStar).toHaveBeenCalledWith(0, true);
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=star-1]")?.click());
    expect(onStar).toHaveBeenLastCalledWith(1, false);
  });

  it("shows hours in the reader's zone on request", () => {
    // The reader's zone is the process's own: Tokyo here (UTC+9, no summer
    // time), so that 10:00–13:00 in Vienna (08:00–11:00 UTC) has one right reading.
    vi.stubEnv("TZ", "Asia/Tokyo");
    try {
      act(() => render(<Schedule slots={slots} timing={timing} selectedItem={null} selectedSlot={null} onSelectSlot={() => {}} mode="local" />, root()));
      expect(root().querySelector("#slot-0 .time")?.textContent).toBe("17:00–20:00");
      expect(root().querySelector("#slot-1 .time")?.textContent).toBe("22:00–01:00");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("the items of a slot", () => {
  const props = { timing: null, selectedItem: null, selectedSlot: null, onSelectSlot: () => {} };
  const items = (slot: number) =>
    [...root().querySelectorAll(`#slot-${slot} .slot-item`)].map((e) => [e.querySelector("b")?.textContent, e.querySelector(".slot-title")?.textContent ?? "", e.querySelector(".badge") !== null]);

  it("carry their own titles from the agenda, when one cell titles two items (\"5和6 | 资产追回; 国际合作\")", () => {
    act(() => render(<Schedule slots={agendaSlots} agenda={agendaItems} {...props} />, root()));
    expect(items(3)).toEqual([
      ["5", "资产追回", false],
      ["6", "国际合作", false],
    ]);
  });

  it("put the continued badge under the item begun earlier, not the one after it", () => {
    act(() => render(<Schedule slots={agendaSlots} agenda={agendaItems} {...props} />, root()));
    expect(items(2)).toEqual([
      ["4", "关于没收事宜合作的专题讨论", true],
      ["5", "资产追回", false],
    ]);
  });

  it("without an agenda, split a shared title cell by item, and drop the printed \"(continued)\" the badge says", () => {
    act(() => render(<Schedule slots={agendaSlots} {...props} />, root()));
    expect(items(3)).toEqual([
      ["5", "资产追回", false],
      ["6", "国际合作", false],
    ]);
    expect(items(2)[0]).toEqual(["4", "关于没收事宜合作的专题讨论", true]);
  });
});
