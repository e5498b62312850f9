import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setLang } from "../../i18n";
import { RevisionChanges, type Changes, type PassageChange } from "./RevisionChanges";

const root = mountPoint();
afterEach(() => setLang("en"));

const base: Omit<PassageChange, "kind"> = {
  key: null,
  old_key: null,
  number: null,
  old_number: null,
  renumbered: false,
  moved: false,
  capped: false,
  title: [],
  text: [],
};

const changes: Changes = {
  old_id: 1,
  new_id: 2,
  old_symbol: "E/2025/70",
  new_symbol: "E/2025/70/Rev.1",
  paragraphs: [
    { ...base, kind: "unchanged", key: "para:0", old_key: "para:0", number: "4", old_number: "4" },
    { ...base, kind: "added", key: "para:1", number: "5", text: [{ kind: "inserted", text: "At the same meeting, the Chair spoke." }] },
    { ...base, kind: "unchanged", key: "para:2", old_key: "para:1", number: "6", old_number: "5", renumbered: true },
    {
      ...base,
      kind: "changed",
      key: "para:3",
      old_key: "para:2",
      number: "50",
      old_number: "50",
      text: [
        { kind: "same", text: "The session was attended by " },
        { kind: "deleted", text: "227" },
        { kind: "inserted", text: "231" },
        { kind: "same", text: " participants." },
      ],
    },
    { ...base, kind: "removed", old_key: "para:3", old_number: "24", text: [{ kind: "deleted", text: "At the 3rd meeting, the Chair made a statement." }] },
    {
      ...base,
      kind: "changed",
      key: "para:4",
      old_key: "para:4",
      text: [
        { kind: "same", text: "عقد الفريق " },
        { kind: "deleted", text: "دورته" },
        { kind: "inserted", text: "اجتماعه" },
        { kind: "same", text: " في نيويورك." },
      ],
    },
  ],
  items: [
    {
      ...base,
      kind: "removed",
      old_key: "item:3",
      old_number: "3",
      title: [{ kind: "deleted", text: "Technical assistance" }],
    },
  ],
  slots: [],
  counts: { added: 1, removed: 2, changed: 2, unchanged: 2 },
};

describe("revision changes", () => {
  it("mark inserted and deleted words, label added and removed passages, and count the unchanged ones without listing them", () => {
    act(() => render(<RevisionChanges changes={changes} />, root()));
    const entries = [...root().querySelectorAll<HTMLElement>("li.change")];
    // The renumbered but unchanged paragraphs are counted, not listed.
    expect(entries.map((e) => e.dataset.key)).toEqual(["item:3", "para:1", "para:3", "para:3", "para:4"]);
    expect(root().querySelector(".change-summary")?.textContent).toBe("Added: 1 · Removed: 2 · Changed: 2 · Unchanged: 2");
    const changed = entries[2]!;
    expect(changed.querySelector(".change-label")?.textContent).toBe("Changed: Paragraph 50");
    expect(changed.querySelector("del")?.textContent).toBe("deleted: 227");
    expect(changed.querySelector("ins")?.textContent).toBe("inserted: 231");
    expect(changed.querySelector(".change-body .change-text")?.getAttribute("dir")).toBe("auto");
    expect(entries[1]!.querySelector(".change-label")?.textContent).toBe("Added: Paragraph 5");
    expect(entries[3]!.querySelector(".change-label")?.textContent).toBe("Removed: Paragraph 24");
    expect(entries[0]!.querySelector(".change-label")?.textContent).toBe("Removed: Item 3");
    expect(entries[0]!.querySelector(".change-title del")?.textContent).toBe("deleted: Technical assistance");
    expect(entries[4]!.querySelector(".change-label")?.textContent).toBe("Changed: Unnumbered text");
    // Each list is headed and named by its heading.
    const groups = [...root().querySelectorAll<HTMLElement>("section section")];
    expect(groups.map((g) => root().querySelector(`#${g.getAttribute("aria-labelledby")}`)?.textContent)).toEqual(["Agenda", "Text"]);
  });

  it("speak the reader's language and let Arabic text run right to left", () => {
    setLang("ar");
    act(() => render(<RevisionChanges changes={changes} />, root()));
    const arabic = root().querySelector<HTMLElement>("li[data-key='para:4'] .change-text")!;
    expect(arabic.getAttribute("dir")).toBe("auto");
    expect(arabic.querySelector("ins")?.textContent).toBe("مضاف: اجتماعه");
    expect(root().querySelector("h2")?.textContent).toBe("التغييرات في هذا التنقيح");
  });

  it("say so when nothing changed", () => {
    const none: Changes = { ...changes, paragraphs: [], items: [], counts: { added: 0, removed: 0, changed: 0, unchanged: 3 } };
    act(() => render(<RevisionChanges changes={none} />, root()));
    expect(root().textContent).toContain("Nothing changed in the text.");
    expect(root().querySelectorAll("li")).toHaveLength(0);
  });
});
