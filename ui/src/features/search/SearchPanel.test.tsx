import { afterEach, describe, expect, it, vi } from "vitest";
import { useState } from "preact/hooks";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import { fakeBackend, hit, settle } from "../../test/fakeBackend";
import { SearchPanel } from "./SearchPanel";
import type { LibraryListing } from "../../ipc";
import { agendaListing } from "../../test/agenda";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

const hits = [hit("4", { item: "4" }, "没收"), hit("5", { item: "5" }, "资产追回"), hit("8月31日 15:00", { slot: 3 }, "资产追回")];

async function mount(onOpen = vi.fn(), onClose = vi.fn(), listing: LibraryListing | null = null) {
  setBackend(fakeBackend({ hits }));
  act(() => render(<SearchPanel listing={listing} onOpen={onOpen} onClose={onClose} />, root()));
  const input = root().querySelector<HTMLInputElement>("[data-testid=search-input]")!;
  input.value = "资产追回";
  act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
  await act(() => new Promise((r) => setTimeout(r, 150)));
  await act(settle);
  return { onOpen, onClose, input };
}
const key = (k: string, init: KeyboardEventInit = {}) =>
  act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init })));

describe("the search dialog", () => {
  it("keeps to the item being read, in all sessions, when asked", async () => {
    const fake = fakeBackend({ hits });
    setBackend(fake);
    act(() => render(<SearchPanel itemScope={{ document: 10, item: "3(a)" }} onOpen={vi.fn()} onClose={vi.fn()} />, root()));
    const input = root().querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    input.value = "实益所有权";
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    const box = root().querySelector<HTMLInputElement>("[data-testid=search-all-sessions]")!;
    expect(box.parentElement?.textContent).toContain("Only item 3(a), in all sessions");
    act(() => box.click());
    await act(() => new Promise((r) => setTimeout(r, 150)));
    const asked = fake.calls.filter((c) => c.name === "search").map((c) => (c.args[0] as { item_in_all_sessions: unknown }).item_in_all_sessions);
    expect(asked[0]).toBeNull();
    expect(asked[asked.length - 1]).toEqual({ document: 10, item: "3(a)" });
  });

  it("names each group's meeting and document, never its file", async () => {
    await mount(vi.fn(), vi.fn(), agendaListing());
    const label = root().querySelector(".group-label")!;
    expect(label.querySelector("[data-testid=search-group-meeting]")?.textContent).toBe("资产追回问题不限成员名额政府间工作组 · 2012");
    expect(label.textContent).toContain("临时议程和说明");
    expect(label.textContent).toContain("ZH · CAC/COSP/WG.2/2012/1");
    expect(label.textContent).not.toContain("agenda.zh.txt");
  });

  it("says why a quoted query and the same words unquoted find different passages", async () => {
    const { input } = await mount();
    const how = () => root().querySelector("[data-testid=search-how]")?.textContent ?? "";
    input.value = "asset recovery";
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(settle);
    expect(how()).toMatch(/other forms .* in any order; Chinese is matched as written/);
    input.value = '"asset recovery"';
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(settle);
    expect(how()).toBe("Quoted words find exactly these words, in this order, in every language.");
  });

  it("opens with Enter the result chosen with the arrow keys, not the one under the mouse pointer", async () => {
    const { onOpen } = await mount();
    const buttons = root().querySelectorAll<HTMLElement>("[data-testid=search-hit]");
    expect(buttons).toHaveLength(3);
    key("ArrowDown");
    act(() => void buttons[2]!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })));
    act(() => void buttons[2]!.dispatchEvent(new MouseEvent("mouseenter")));
    key("Enter");
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(hits[1]);
  });
});

describe("the search dialog as a modal", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists results as a listbox whose active option the field names, scrolled into view", async () => {
    const seen: string[] = [];
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element) {
      seen.push(this.id);
    });
    const { input } = await mount();
    const box = root().querySelector("[role=listbox]")!;
    expect(input.getAttribute("aria-controls")).toBe(box.id);
    const options = [...box.querySelectorAll("[role=option]")];
    expect(options).toHaveLength(3);
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    key("ArrowDown");
    key("ArrowDown");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[2]!.id);
    expect(options.map((o) => o.getAttribute("aria-selected"))).toEqual(["false", "false", "true"]);
    expect(seen[seen.length - 1]).toBe(options[2]!.id);
  });

  it("keeps the focus inside while open, and gives it back to where it was when closed", async () => {
    setBackend(fakeBackend({ hits }));
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button id="opener" onClick={() => setOpen(true)}>
            Search
          </button>
          {open && <SearchPanel onOpen={() => {}} onClose={() => setOpen(false)} />}
        </>
      );
    }
    act(() => render(<Host />, root()));
    const opener = root().querySelector<HTMLButtonElement>("#opener")!;
    opener.focus();
    act(() => opener.click());
    await act(settle);
    const dialog = root().querySelector("[role=dialog]")!;
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const input = root().querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    expect(document.activeElement).toBe(input);
    key("Tab", { shiftKey: true });
    const controls = [...dialog.querySelectorAll<HTMLElement>("input, select, button, [tabindex='0']")];
    expect(document.activeElement).toBe(controls[controls.length - 1]);
    key("Tab");
    expect(document.activeElement).toBe(input);
    key("Escape");
    await act(settle);
    expect(root().querySelector("[role=dialog]")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe("results of several documents", () => {
  it("are walked with the arrow keys in the order they are shown, grouped by document", async () => {
    const other = { ...hits[0]!.document, id: 11, title: "报告" };
    const mixed = [hit("4", { item: "4" }, "没收"), { ...hit("1", { paragraph: 1 }, "没收"), document: other }, hit("5", { item: "5" }, "没收")];
    setBackend(fakeBackend({ hits: mixed }));
    const onOpen = vi.fn();
    act(() => render(<SearchPanel onOpen={onOpen} onClose={() => {}} />, root()));
    const input = root().querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    input.value = "没收";
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    await act(settle);
    // Shown: document 10's two hits, then document 11's.
    key("ArrowDown");
    key("Enter");
    expect(onOpen).toHaveBeenLastCalledWith(mixed[2]);
  });
});

describe("the results list", () => {
  it("is a listbox of options and their documents' groups only, which the keyboard can reach and scroll", async () => {
    await mount();
    const box = root().querySelector<HTMLElement>("[role=listbox]")!;
    expect(box.tabIndex).toBe(0);
    expect(box.getAttribute("aria-activedescendant")).toBe(box.querySelector("[role=option]")!.id);
    // Only groups and options inside (axe: aria-required-children); each group named by its label.
    const roles = [...box.querySelectorAll("*")].filter((e) => e.parentElement === box || e.parentElement?.getAttribute("role") === "group");
    expect(new Set(roles.map((e) => e.getAttribute("role")))).toEqual(new Set(["group", "option", "presentation"]));
    for (const g of box.querySelectorAll("[role=group]")) expect(root().querySelector(`#${g.getAttribute("aria-labelledby")}`)?.textContent).toContain("临时议程和说明");
  });

  it("opening a result leaves the focus to the reader, not to the button that opened the search (whose Enter would open it again)", async () => {
    setBackend(fakeBackend({ hits }));
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button id="opener" onClick={() => setOpen(true)}>
            Search
          </button>
          {open && <SearchPanel onOpen={() => setOpen(false)} onClose={() => setOpen(false)} />}
        </>
      );
    }
    act(() => render(<Host />, root()));
    const opener = root().querySelector<HTMLButtonElement>("#opener")!;
    opener.focus();
    act(() => opener.click());
    const input = root().querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    input.value = "资产追回";
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    await act(settle);
    key("Enter");
    await act(settle);
    expect(root().querySelector("[role=dialog]")).toBeNull();
    expect(document.activeElement).not.toBe(opener);
  });
});
