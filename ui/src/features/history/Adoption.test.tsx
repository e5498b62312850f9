// Provisional and adopted agendas: the reader says which it shows and what
// adoption changed; a report's sections lead to the items in the agenda.
import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { AdoptionChanges, StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "../reader/Reader";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

const adoption: AdoptionChanges = {
  other: 12,
  changes: {
    added: [{ number: "6", title: "Other matters" }],
    removed: [],
    renumbered: [{ from: "6", to: "7", title: "Adoption of the report" }],
    retitled: [],
    same: [["1", "1"], ["2", "2"], ["6", "7"]],
  },
};

function report(): StoredDocument {
  const s = storedAgenda();
  return {
    ...s,
    record: { ...s.record, id: 12, kind: "report" },
    document: {
      ...s.document,
      kind: "report",
      schedule: [],
      sections: [
        { number: "II", title: "Organization of the meeting", level: 1, role: "organization", items: ["1"] },
        { number: "VIII", title: "Adoption of the report", level: 1, role: "adoption", items: ["7"] },
      ],
      paragraphs: [{ number: "1", section: "Organization of the meeting", text: "The Working Group met.", index: 0 }],
    },
  };
}

async function mount(doc: StoredDocument, other = 12) {
  const open = vi.fn();
  setBackend(fakeBackend({ adoption: { ...adoption, other } }));
  act(() =>
    render(<Reader stored={doc} focus={null} links={{ resolve: () => null, open }} mode="venue" onMode={() => {}} onChanged={() => {}} />, root()),
  );
  await act(settle);
  await act(settle);
  return open;
}

describe("the provisional and the adopted agenda", () => {
  it("an agenda says it is the provisional one, what adoption changed, and leads to the report", async () => {
    const open = await mount(storedAgenda());
    const banner = root().querySelector("[data-testid=adoption]")!;
    expect(banner.textContent).toContain("Provisional agenda");
    expect(banner.textContent).toContain("adopted with 2 changes");
    expect(banner.textContent).toContain("Added: 6 Other matters");
    expect(banner.textContent).toContain("Renumbered: 6 → 7 Adoption of the report");
    act(() => banner.querySelector<HTMLButtonElement>("[data-testid=adoption-other]")!.click());
    expect(open).toHaveBeenCalledWith(12);
  });

  it("a report's section leads to its item in the provisional agenda, by its provisional number", async () => {
    // For a report, the other document is the session's agenda.
    const open = await mount(report(), 10);
    expect(root().querySelector("[data-testid=adoption]")?.textContent).toContain("Agenda as adopted");
    const badges = [...root().querySelectorAll<HTMLButtonElement>("[data-testid=section-item]")];
    expect(badges.map((b) => b.textContent)).toEqual(["1", "7"]);
    act(() => badges[1]!.click());
    expect(open).toHaveBeenLastCalledWith(10, { location: { item: "6" }, marks: [] });
  });
});
