import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import { fakeBackend, hit, settle } from "../../test/fakeBackend";
import { SearchPanel } from "./SearchPanel";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

const hits = [hit("4", { item: "4" }, "没收"), hit("5", { item: "5" }, "资产追回"), hit("8月31日 15:00", { slot: 3 }, "资产追回")];

async function mount(onOpen = vi.fn(), onClose = vi.fn()) {
  setBackend(fakeBackend({ hits }));
  act(() => render(<SearchPanel onOpen={onOpen} onClose={onClose} />, root()));
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
