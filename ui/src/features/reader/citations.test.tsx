// Citations from every place a delegate cites: the document's header, an
// agenda item, a numbered paragraph; references saved from the library; and
// the notes' W3C export and mixed-source import.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import type { ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { Document, LibraryListing, StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "./Reader";
import { LibraryNotes } from "../personal/LibraryNotes";
import { LibraryPane } from "../library/LibraryPane";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};
let copied: string[] = [];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, "clipboard", { value: { writeText: (s: string) => (copied.push(s), Promise.resolve()) }, configurable: true });
});
afterEach(() => vi.restoreAllMocks());

async function mount(vnode: ComponentChild, fake: Fake = fakeBackend()) {
  setBackend(fake);
  act(() => render(vnode, root()));
  await act(settle);
  await act(settle);
  return fake;
}
const reader = (doc: StoredDocument) => (
  <Reader stored={doc} focus={null} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />
);
const click = async (sel: string) => {
  act(() => root().querySelector<HTMLButtonElement>(sel)!.click());
  await act(settle);
  await act(settle);
};

function report(): StoredDocument {
  const s = storedAgenda();
  const document: Document = {
    ...s.document,
    kind: "report",
    agenda: [],
    schedule: [],
    paragraphs: [{ number: "12", section: null, text: "The Working Group recommended that States share beneficial ownership information.", index: 1 }],
    unnumbered: [{ number: null, section: null, text: "Summary", index: 0 }],
  };
  return { ...s, record: { ...s.record, id: 11, kind: "report" }, document };
}

describe("copying a citation", () => {
  it("of the document, from its header", async () => {
    const fake = await mount(reader(storedAgenda()));
    await click("[data-testid=copy-citation]");
    expect(fake.calls.find((c) => c.name === "cite")?.args).toEqual([10, null]);
    expect(copied).toHaveLength(1);
    expect(root().querySelector("[data-testid=citation-copied]")?.textContent).toContain(copied[0]);
  });

  it("of the agenda item chosen", async () => {
    const fake = await mount(reader(storedAgenda()));
    await click("[data-testid='item-4']");
    await click("[data-testid=cite-item]");
    expect(fake.calls.find((c) => c.name === "cite")?.args).toEqual([10, "item:4"]);
    expect(copied[0]).toContain("item:4");
  });

  it("of a numbered paragraph, and none offered for unnumbered text", async () => {
    const fake = await mount(reader(report()));
    expect(root().querySelector("[data-testid=cite-para-0]")).toBeNull();
    await click("[data-testid=cite-para-1]");
    expect(fake.calls.find((c) => c.name === "cite")?.args).toEqual([11, "para:1"]);
    expect(copied).toHaveLength(1);
  });
});

describe("references for a reference manager", () => {
  it("are saved from the library for the documents shown, as CSL-JSON or BibLaTeX", async () => {
    const rec = storedAgenda().record;
    const listing: LibraryListing = { meetings: [], unfiled: [rec, { ...rec, id: 12, series: "s12", title: "Other" }] };
    const fake = await mount(<LibraryPane listing={listing} selected={null} onSelect={() => {}} onImport={() => {}} importing={false} />, fakeBackend({ listing }));
    await click("[data-testid=export-biblatex]");
    expect(fake.calls.find((c) => c.name === "exportCitations")?.args).toEqual([[10, 12], "biblatex"]);
    expect(root().textContent).toContain("/tmp/References.bib");
  });
});

describe("notes for other tools", () => {
  it("export as W3C Web Annotations, and an import says what it left out", async () => {
    const fake = fakeBackend();
    fake.importNotes = () => Promise.resolve({ notes_added: 2, notes_updated: 0, notes_unchanged: 0, notes_detached: 0, bookmarks_added: 0, bookmarks_unchanged: 0, stars_added: 0, notes_not_in_library: 1 });
    await mount(<LibraryNotes version={0} listing={null} onOpen={() => {}} onImported={() => {}} />, fake);
    await click("[data-testid=export-w3c]");
    expect(fake.calls.find((c) => c.name === "exportNotes")?.args).toEqual([null, "w3c"]);
    await click(".personal-tools button.secondary");
    expect(root().textContent).toContain("Left out (document not in the library): 1");
  });
});
