// The history of an agenda item in the reader: opened beside the item,
// newest session first, each linked to its place.
import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { ItemHistory } from "../../ipc";
import { fakeBackend, note, settle } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "../reader/Reader";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

const history: ItemHistory = {
  number: "4",
  title: "关于没收事宜合作的专题讨论",
  sessions: [
    {
      meeting: "资产追回问题不限成员名额政府间工作组 · 2012", date: "2012-08-30", document_id: 10, symbol: "CAC/COSP/WG.2/2012/1", language: "zh",
      number: "4", title: "关于没收事宜合作的专题讨论", annotation: "工作组将讨论没收事宜的国际合作。", references: [], report: null, notes: [], current: true, confirmed: false,
    },
    {
      meeting: "资产追回问题不限成员名额政府间工作组 · 2011", date: "2011-08-25", document_id: 7, symbol: "CAC/COSP/WG.2/2011/1", language: "zh",
      number: "3", title: "没收事宜的国际合作", annotation: "",
      references: [{ symbol: "CAC/COSP/WG.2/2011/2", title: null, document_id: 8 }, { symbol: "CAC/COSP/WG.2/2011/3", title: null, document_id: null }],
      report: { document_id: 9, symbol: "CAC/COSP/WG.2/2011/4", item: "3", section_index: 5, section: "没收事宜的国际合作", first_paragraph: 21, conclusions: ["工作组建议缔约国加强合作。"] },
      notes: [note({ id: 5, anchor: { passage: "item:3", exact: "没收", prefix: "", suffix: "", start: 0, end: 2 }, body: "Raise again" })],
      current: false,
      confirmed: false,
    },
  ],
};

describe("an item's history", () => {
  it("shows each session newest first and opens the report's section, the documents and the earlier item", async () => {
    const fake = fakeBackend({ history });
    setBackend(fake);
    const open = vi.fn();
    act(() =>
      render(
        <Reader stored={storedAgenda()} focus={null} links={{ resolve: () => null, open }} mode="venue" onMode={() => {}} onChanged={() => {}} />,
        root(),
      ),
    );
    await act(settle);
    act(() => root().querySelector<HTMLButtonElement>("[data-testid='item-4']")!.click());
    await act(settle);
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=item-history-toggle]")!.click());
    await act(settle);
    await act(settle);
    expect(fake.calls.find((c) => c.name === "itemHistory")?.args).toEqual([10, "4"]);
    const sessions = [...root().querySelectorAll("[data-testid=history-session]")];
    expect(sessions).toHaveLength(2);
    expect(sessions[0]?.classList.contains("current")).toBe(true);
    expect(sessions[1]?.textContent).toContain("没收事宜的国际合作");
    expect(sessions[1]?.textContent).toContain("工作组建议缔约国加强合作。");
    expect(sessions[1]?.textContent).toContain("Raise again");
    act(() => sessions[1]!.querySelector<HTMLButtonElement>("[data-testid=history-report]")!.click());
    expect(open).toHaveBeenLastCalledWith(9, { location: { paragraph: 21 }, marks: [] });
    act(() => sessions[1]!.querySelector<HTMLButtonElement>("[data-testid=history-open-item]")!.click());
    expect(open).toHaveBeenLastCalledWith(7, { location: { item: "3" }, marks: [] });
    act(() => sessions[1]!.querySelector<HTMLButtonElement>(".symbol-link")!.click());
    expect(open).toHaveBeenLastCalledWith(8);
    expect(sessions[1]?.querySelector("code.symbol.missing")?.textContent).toBe("CAC/COSP/WG.2/2011/3");
    // The user says the 2011 item is another one: the history is asked for again.
    act(() => sessions[1]!.querySelector<HTMLButtonElement>("[data-testid=history-split]")!.click());
    await act(settle);
    await act(settle);
    expect(fake.calls.find((c) => c.name === "setItemVerdict")?.args).toEqual([10, "4", 7, "3", false]);
    expect(fake.calls.filter((c) => c.name === "itemHistory")).toHaveLength(2);
    // Back to the annotation.
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=history-close]")!.click());
    await act(settle);
    expect(root().querySelector("[data-testid=item-history]")).toBeNull();
    expect(root().querySelector("#ann-4")).not.toBeNull();
  });
});
