import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { AgendaOutline } from "./AgendaOutline";
import type { AgendaItem } from "../../ipc";

const root = mountPoint();

const item = (number: string, children: AgendaItem[] = []): AgendaItem => ({ number, title: `Item ${number}`, annotation: "", references: [], children });

describe("agenda outline keyboard", () => {
  it("moves through items and sub-items with the arrow keys, selecting each", () => {
    const onSelect = vi.fn();
    act(() => render(<AgendaOutline items={[item("1"), item("3", [item("3(a)"), item("3(b)")]), item("4")]} selected={null} highlighted={[]} onSelect={onSelect} />, root()));
    const first = root().querySelector<HTMLButtonElement>("[data-testid='item-1']")!;
    first.focus();
    const key = (k: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })));
    key("ArrowDown");
    key("ArrowDown");
    expect(onSelect).toHaveBeenLastCalledWith("3(a)");
    expect(document.activeElement?.getAttribute("data-item")).toBe("3(a)");
    key("End");
    expect(onSelect).toHaveBeenLastCalledWith("4");
    key("ArrowUp");
    expect(onSelect).toHaveBeenLastCalledWith("3(b)");
    key("Home");
    expect(onSelect).toHaveBeenLastCalledWith("1");
  });
});
