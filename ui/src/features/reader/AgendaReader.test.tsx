// The agenda reader: outline, annotation and timetable, linked both ways.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "./Reader";
import type { Focus } from "./Reader";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

/** The ids of the elements scrolled into view, in order. */
let scrolled: string[] = [];
beforeEach(() => {
  scrolled = [];
  vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element) {
    scrolled.push(this.id);
  });
});
afterEach(() => vi.restoreAllMocks());

async function mount(doc: StoredDocument = storedAgenda(), focus: Focus | null = null, fake: Fake = fakeBackend()) {
  setBackend(fake);
  act(() =>
    render(
      <Reader stored={doc} focus={focus} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />,
      root(),
    ),
  );
  await act(settle);
}
const q = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const click = async (sel: string) => {
  act(() => q<HTMLButtonElement>(sel)!.click());
  await act(settle);
};

describe("an annotation's footnotes", () => {
  it("are listed under the annotation that cites them, its markers leading to them", async () => {
    const doc = storedAgenda();
    doc.document.agenda = doc.document.agenda.map((i) => (i.number === "5" ? { ...i, annotation: "工作组将讨论资产追回所涉实际问题。^a" } : i));
    doc.document.footnotes = [
      { marker: "a", text: "见CAC/COSP/2011/14号文件。" },
      { marker: "b", text: "另一个脚注。" },
    ];
    await mount(doc);
    await click("[data-testid='item-5']");
    expect(q("#ann-5 [data-testid=fn-mark] a")?.getAttribute("href")).toBe("#fn-a");
    const list = [...root().querySelectorAll("#ann-5 [data-testid=footnotes] li")].map((li) => li.id);
    expect(list).toEqual(["fn-a"]);
    // Another item cites no footnote, and lists none.
    await click("[data-testid='item-6']");
    expect(q("#ann-6 [data-testid=footnotes]")).toBeNull();
  });
});

describe("selecting an agenda item", () => {
  it("opens the new annotation at its heading and brings its first slot into view", async () => {
    await mount();
    await click("[data-testid='item-2']");
    const pane = q(".annotation-pane")!;
    pane.scrollTop = 400; // the reader scrolled down item 2's annotation
    scrolled = [];
    await click("[data-testid='item-4']");
    expect(q("#ann-4")).not.toBeNull();
    expect(pane.scrollTop).toBe(0);
    expect(scrolled).toContain("slot-1");
  });

  it("from a slot, opens the slot's first item at its heading and keeps the slot chosen in view", async () => {
    await mount();
    await click("[data-testid='item-2']");
    const pane = q(".annotation-pane")!;
    pane.scrollTop = 400;
    scrolled = [];
    await click("#slot-3 .slot-main");
    expect(q("#ann-5")).not.toBeNull();
    expect(pane.scrollTop).toBe(0);
    // Item 5's first slot is slot 2, but the slot clicked stays where it is.
    expect(scrolled).not.toContain("slot-2");
  });
});

describe("a search hit in the timetable", () => {
  it("marks the matched words in the slot's titles", async () => {
    await mount(storedAgenda(), { location: { slot: 3 }, marks: ["资产追回"] });
    expect([...root().querySelectorAll("#slot-3 mark")].map((m) => m.textContent)).toEqual(["资产追回"]);
    expect(root().querySelectorAll(".schedule mark")).toHaveLength(2); // slots 2 and 3 take up item 5
  });
});

describe("the note editor", () => {
  async function compose(fake: Fake) {
    await mount(storedAgenda(), { location: { item: "2" }, marks: [] }, fake);
    const text = q("#ann-2 p [data-passage]")!.firstChild!.firstChild ?? q("#ann-2 p [data-passage]")!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 3);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    act(() => void document.dispatchEvent(new Event("selectionchange")));
    await act(settle);
    await click("[data-testid=note-on-selection]");
    const area = q<HTMLTextAreaElement>("[data-testid=note-text]")!;
    expect(document.activeElement).toBe(area);
    area.value = "Raise in the statement";
    act(() => void area.dispatchEvent(new Event("input", { bubbles: true })));
    return area;
  }
  const press = (el: Element, init: KeyboardEventInit) =>
    act(() => void el.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })));

  it("saves with Ctrl+Enter", async () => {
    const fake = fakeBackend();
    const area = await compose(fake);
    press(area, { key: "Enter", ctrlKey: true });
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "addNote").map((c) => [c.args[1], c.args[4]])).toEqual([["item:2", "Raise in the statement"]]);
    expect(q("[data-testid=note-text]")).toBeNull();
  });

  it("closes with Escape, saving nothing", async () => {
    const fake = fakeBackend();
    const area = await compose(fake);
    press(area, { key: "Escape" });
    await act(settle);
    expect(q("[data-testid=note-text]")).toBeNull();
    expect(fake.calls.some((c) => c.name === "addNote")).toBe(false);
  });
});

describe("a search hit opened", () => {
  it("takes the focus to the pane that shows it", async () => {
    await mount(storedAgenda(), { location: { item: "5" }, marks: ["资产追回"] });
    await act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    expect((document.activeElement as HTMLElement | null)?.dataset["pane"]).toBe("annotation");
  });
});
