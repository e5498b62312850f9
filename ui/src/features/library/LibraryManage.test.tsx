// Managing the library: its count, a sorted list instead of meetings,
// facets that narrow it, and the trash whose removals can be put back.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { DocumentRecord, LibraryListing, MeetingSummary, TrashEntry } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { LibraryPane } from "./LibraryPane";

const root = mountPoint();
const doc = (id: number, meeting: number, over: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id, series: `s${id}`, version: 1, versions: 1, latest: true, file: `${id}.pdf`, kind: "report", language: "en",
  symbol: `X/${meeting}/${id}`, suggested_symbol: null, user_symbol: null, title: `Document ${id}`, body: "UNEP", session: null,
  venue: "Nairobi", dates: { start: "2023-03-01", end: "2023-03-03" }, ingested_at: "", meeting_id: meeting, ...over,
});
const meeting = (id: number, documents: DocumentRecord[]): MeetingSummary => ({
  id, key: `k${id}`, body: documents[0]?.body ?? null, parent_body: null, session: null, venue: documents[0]?.venue ?? null,
  dates: documents[0]?.dates ?? null, time_zone: null, zone_source: "venue", documents, reference_count: 0, missing_count: 0,
});
const listing: LibraryListing = {
  meetings: [
    meeting(1, [doc(1, 1), doc(2, 1, { language: "fr", title: "Rapport" })]),
    meeting(2, [doc(3, 2, { body: "CCPCJ", venue: "Vienna", dates: { start: "2024-05-13", end: "2024-05-17" }, kind: "agenda" })]),
  ],
  unfiled: [],
};

let fake: Fake;
async function mount(trash: TrashEntry[] = []) {
  fake = fakeBackend({ listing, trash });
  setBackend(fake);
  act(() => render(<LibraryPane listing={listing} selected={null} onSelect={() => {}} onImport={() => {}} importing={false} />, root()));
  await act(settle);
  await act(settle);
}
const q = <T extends Element = HTMLElement>(s: string) => root().querySelector<T>(s);
async function choose(testid: string, value: string) {
  const select = q<HTMLSelectElement>(`[data-testid=${testid}]`);
  if (!select) throw new Error(testid);
  select.value = value;
  act(() => {
    select.dispatchEvent(new Event("change"));
  });
  await act(settle);
  await act(settle);
}

describe("managing the library", () => {
  beforeEach(() => localStorage.clear());

  it("counts the documents and narrows them by facets, each value counted", async () => {
    await mount();
    expect(q("[data-testid=library-count]")?.textContent).toBe("3 documents");
    const bodies = [...root().querySelectorAll("[data-testid=facet-body] option")].map((o) => o.textContent);
    expect(bodies).toEqual(["Any body", "UNEP (2)", "CCPCJ (1)"]);
    await choose("facet-body", "UNEP");
    expect(fake.calls[fake.calls.length - 1]).toEqual({ name: "queryLibrary", args: [expect.objectContaining({ body: "UNEP" })] });
    expect(q("[data-testid=library-count]")?.textContent).toBe("2 documents");
    expect(root().querySelectorAll("[data-testid=meeting]").length).toBe(1);
    await choose("facet-language", "fr");
    expect(q("[data-testid=library-count]")?.textContent).toBe("1 document");
    act(() => q<HTMLButtonElement>("[data-testid=facets-clear]")?.click());
    await act(settle);
    await act(settle);
    expect(q("[data-testid=library-count]")?.textContent).toBe("3 documents");
  });

  it("lists the documents in one sorted list when sorted otherwise than by meeting, and keeps the order", async () => {
    await mount();
    await choose("library-sort", "symbol");
    expect(fake.calls[fake.calls.length - 1]?.args[0]).toEqual(expect.objectContaining({ sort: "symbol" }));
    expect(root().querySelectorAll("[data-testid=meeting]").length).toBe(0);
    expect(root().querySelectorAll("button.doc").length).toBe(3);
    expect(localStorage.getItem("dossier.libraryView")).toBe(JSON.stringify({ sort: "symbol" }));
  });

  it("puts a removal back, and empties the trash only once confirmed", async () => {
    const entry = (id: number): TrashEntry => ({ id, scope: "document", label: `X/1/${id} (en)`, trashed_at: "2026-12-01T10:00:00Z", documents: 1, files: 2, notes: 1 });
    await mount([entry(2), entry(1)]);
    expect(root().querySelectorAll("[data-testid=trash-entry]").length).toBe(2);
    act(() => q<HTMLButtonElement>("[data-testid=trash-restore-2]")?.click());
    await act(settle);
    expect(fake.calls.some((c) => c.name === "restoreFromTrash" && c.args[0] === 2)).toBe(true);
    expect(root().querySelectorAll("[data-testid=trash-entry]").length).toBe(1);
    act(() => q<HTMLButtonElement>("[data-testid=trash-empty]")?.click());
    expect(fake.calls.some((c) => c.name === "emptyTrash")).toBe(false);
    act(() => q<HTMLButtonElement>("[data-testid=trash-empty-confirm]")?.click());
    await act(settle);
    expect(fake.calls.some((c) => c.name === "emptyTrash")).toBe(true);
    expect(root().querySelectorAll("[data-testid=trash-entry]").length).toBe(0);
  });
});
