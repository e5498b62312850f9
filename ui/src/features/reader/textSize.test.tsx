// The reading text size (Ctrl+plus / minus / 0, the header's buttons), kept
// across restarts; and printing what is on screen (Ctrl+P, the Print button)
// with every annotation in the printout.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "./Reader";
import { TEXT_SIZES, setTextSize, textSize } from "./textSize";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};
beforeEach(() => setTextSize(1));
afterEach(() => {
  setTextSize(1);
  vi.restoreAllMocks();
});

async function mount(doc: StoredDocument = storedAgenda()) {
  setBackend(fakeBackend());
  act(() =>
    render(<Reader stored={doc} focus={{ location: { item: "2" }, marks: [] }} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />, root()),
  );
  await act(settle);
}
const q = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const key = async (k: string, mods: KeyboardEventInit = {}) => {
  act(() => void document.body.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...mods })));
  await act(settle);
};
const scale = () => document.documentElement.style.getPropertyValue("--text-scale");

describe("the text size", () => {
  it("steps with Ctrl+plus and Ctrl+minus between 80 % and 200 %, and Ctrl+0 brings it back", async () => {
    await mount();
    await key("=", { ctrlKey: true });
    expect(scale()).toBe("1.1");
    expect(q("[data-testid=text-size]")!.textContent).toBe("110%");
    await key("+", { ctrlKey: true, shiftKey: true });
    expect(scale()).toBe("1.25");
    await key("0", { metaKey: true });
    expect(scale()).toBe("1");
    for (let i = 0; i < 10; i++) await key("-", { ctrlKey: true });
    expect(textSize.get()).toBe(TEXT_SIZES[0]);
    expect(q<HTMLButtonElement>("[data-testid=text-smaller]")!.disabled).toBe(true);
    for (let i = 0; i < 10; i++) act(() => q<HTMLButtonElement>("[data-testid=text-larger]")!.click());
    await act(settle);
    expect(textSize.get()).toBe(2);
    expect(q<HTMLButtonElement>("[data-testid=text-larger]")!.disabled).toBe(true);
    act(() => q<HTMLButtonElement>("[data-testid=text-size]")!.click());
    await act(settle);
    expect(textSize.get()).toBe(1);
  });

  it("is remembered across restarts, and a damaged setting is the normal size", async () => {
    await mount();
    await key("=", { ctrlKey: true });
    await key("=", { ctrlKey: true });
    expect(localStorage.getItem("dossier.textSize")).toBe("1.25");
    vi.resetModules();
    const again = await import("./textSize");
    expect(again.textSize.get()).toBe(1.25);
    localStorage.setItem("dossier.textSize", "7");
    vi.resetModules();
    expect((await import("./textSize")).textSize.get()).toBe(1);
  });

  it("scales the document's text in the style sheet, not the window's controls", async () => {
    const css = (await import("../../styles.css?raw")).default;
    expect(css).toContain(".annotation, .text, .outline .item, .slot-main { font-size: calc(14px * var(--text-scale, 1)); }");
    expect(css).not.toMatch(/\.topbar[^{]*\{[^}]*--text-scale/);
  });
});

describe("printing", () => {
  it("prints from the header's button and from Ctrl+P", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    await mount();
    act(() => q<HTMLButtonElement>("[data-testid=print]")!.click());
    await key("p", { ctrlKey: true });
    expect(print).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it("keeps every item's annotation for the printout, without the screen's ids", async () => {
    await mount();
    const copy = q("[data-testid=print-annotations]")!;
    const headings = [...copy.querySelectorAll(".annotation > h3 .num")].map((n) => n.textContent);
    expect(headings).toEqual(["1", "1(a)", "1(b)", "2", "3", "4", "5", "6"]);
    expect(copy.querySelectorAll("[id]")).toHaveLength(0);
    expect(root().querySelectorAll("#ann-2")).toHaveLength(1);
  });

  it("lays the document out whole, on white, without the window around it", async () => {
    const css = (await import("../../styles.css?raw")).default;
    const print = css.slice(css.indexOf("@media print {"));
    expect(print).toMatch(/:root, :root\[data-theme="dark"\] \{\s*--bg: #ffffff;/);
    for (const hidden of [".topbar", ".sidebar", ".find-bar", ".doc-tools", ".notes-panel", ".annotation-pane > .annotation"]) expect(print).toContain(hidden);
    expect(print).toContain(".print-only { display: block; }");
    expect(print).toMatch(/\.panes > \* \{ overflow: visible;/);
  });
});
