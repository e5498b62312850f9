import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { ScheduleTiming } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { viennaTiming } from "../../test/fixtures";
import { setLang, tables } from "../../i18n";
import { ZoneBar } from "./ZoneBar";

const root = mountPoint();
afterEach(() => setLang("en"));

const unknownZone: ScheduleTiming = { time_zone: null, zone_source: "venue", slots: [] };

async function mount(timing: ScheduleTiming, fake: Fake = fakeBackend()): Promise<Fake> {
  setBackend(fake);
  act(() => render(<ZoneBar document={10} meeting={1} timing={timing} mode="venue" onMode={() => {}} onZoneChanged={() => {}} />, root()));
  await act(settle);
  return fake;
}
const input = () => root().querySelector<HTMLInputElement>("[data-testid=zone-input]")!;
async function type(text: string) {
  const el = input();
  el.value = text;
  act(() => void el.dispatchEvent(new Event("input", { bubbles: true })));
  await act(settle);
}
async function key(k: string) {
  act(() => void input().dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true })));
  await act(settle);
}
const options = () => [...root().querySelectorAll("[role=option]")].map((o) => o.textContent);

describe("choosing a time zone", () => {
  it("finds a zone by its city: \"Vienna\" offers Europe/Vienna, and choosing it sets that zone", async () => {
    const fake = await mount(unknownZone);
    await type("vienna");
    expect(options()[0]).toContain("Vienna");
    expect(options()[0]).toContain("Europe/Vienna");
    expect(input().getAttribute("role")).toBe("combobox");
    await key("ArrowDown");
    expect(input().getAttribute("aria-activedescendant")).toBe(root().querySelector("[role=option]")!.id);
    await key("Enter");
    expect(fake.calls.filter((c) => c.name === "setMeetingTimeZone").map((c) => c.args)).toEqual([[1, "Europe/Vienna"]]);
  });

  it("reads a city typed in full and set with the button, spaces for underscores", async () => {
    const fake = await mount(unknownZone);
    await type("New York");
    act(() => root().querySelector<HTMLFormElement>(".zone-form")!.requestSubmit());
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "setMeetingTimeZone").map((c) => c.args)).toEqual([[1, "America/New_York"]]);
  });

  it("words an unknown zone in the UI's language, and forgets it on Cancel", async () => {
    setLang("zh");
    await mount(viennaTiming);
    act(() => [...root().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === tables.zh.changeZone)!.click());
    await act(settle);
    await type("Atlantis");
    act(() => root().querySelector<HTMLFormElement>(".zone-form")!.requestSubmit());
    await act(settle);
    const error = root().querySelector(".error-text")?.textContent ?? "";
    expect(error).toBe(tables.zh.zoneInvalid.replace("{zone}", "Atlantis"));
    expect(error).not.toMatch(/unknown time zone/);
    act(() => [...root().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === tables.zh.cancel)!.click());
    await act(settle);
    expect(root().querySelector(".error-text")).toBeNull();
    act(() => [...root().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === tables.zh.changeZone)!.click());
    await act(settle);
    expect(root().querySelector(".error-text")).toBeNull();
    expect(input().value).toBe("Europe/Vienna");
  });
});

describe("starring", () => {
  it("adds no row to the zone bar: the starred-only export is there from the start, enabled by the first star", async () => {
    const none: ScheduleTiming = { ...viennaTiming, slots: viennaTiming.slots.map((x) => ({ ...x, starred: false })) };
    await mount(none);
    const before = [...root().querySelectorAll("[data-testid=zone-bar] > *, [data-testid=zone-bar] button")].map((e) => e.className + e.tagName);
    expect(root().querySelector<HTMLButtonElement>("[data-testid=export-starred-ics]")?.disabled).toBe(true);
    await mount(viennaTiming);
    const after = [...root().querySelectorAll("[data-testid=zone-bar] > *, [data-testid=zone-bar] button")].map((e) => e.className + e.tagName);
    expect(after).toEqual(before);
    expect(root().querySelector<HTMLButtonElement>("[data-testid=export-starred-ics]")?.disabled).toBe(false);
  });
});
