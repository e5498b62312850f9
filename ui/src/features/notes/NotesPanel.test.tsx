import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { note } from "../../test/fakeBackend";
import { agendaItems } from "../../test/agenda";
import { NotesPanel } from "./NotesPanel";

const root = mountPoint();
const none = () => {};

describe("the notes panel", () => {
  it("groups a document's notes by the item or paragraph they belong to, in the document's order, each group named", () => {
    const notes = [
      note({ id: 1, anchor: { passage: "item:4", exact: "没收事宜", prefix: "", suffix: "", start: 5, end: 9 } }),
      note({ id: 2, anchor: { passage: "item:1(a)", exact: "开幕", prefix: "", suffix: "", start: 9, end: 11 } }),
      note({ id: 3, anchor: { passage: "item:4", exact: "国际合作", prefix: "", suffix: "", start: 10, end: 14 } }),
      note({ id: 4, anchor: { passage: "para:2", exact: "statements", prefix: "", suffix: "", start: 0, end: 10 } }),
    ];
    act(() => render(<NotesPanel notes={notes} agenda={agendaItems} canAdd={false} onAdd={none} onSave={none} onDelete={none} onGo={none} />, root()));
    const groups = [...root().querySelectorAll("[data-testid=note-group]")];
    expect(groups.map((g) => g.querySelector("h4")?.textContent)).toEqual(["Item \u20681(a)\u2069 会议开幕", "Item \u20684\u2069 关于没收事宜合作的专题讨论", "Paragraph 3"]);
    expect(groups.map((g) => [...g.querySelectorAll(".note .quote")].map((q) => q.textContent))).toEqual([["“开幕”"], ["“没收事宜”", "“国际合作”"], ["“statements”"]]);
  });
});

describe("editing a note", () => {
  it("saves with Ctrl+Enter and closes with Escape", () => {
    const onSave = vi.fn();
    act(() => render(<NotesPanel notes={[note()]} canAdd={false} onAdd={none} onSave={onSave} onDelete={none} onGo={none} />, root()));
    const edit = () => [...root().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Edit")!;
    const press = (init: KeyboardEventInit) =>
      act(() => void root().querySelector("textarea")!.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })));
    act(() => edit().click());
    const area = root().querySelector("textarea")!;
    area.value = "Changed";
    act(() => void area.dispatchEvent(new Event("input", { bubbles: true })));
    press({ key: "Enter", ctrlKey: true });
    expect(onSave).toHaveBeenCalledWith(1, "Changed");
    expect(root().querySelector("textarea")).toBeNull();
    act(() => edit().click());
    press({ key: "Escape" });
    expect(root().querySelector("textarea")).toBeNull();
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
