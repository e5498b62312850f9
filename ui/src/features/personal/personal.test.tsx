import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import type { ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { AgendaEntry, Bookmark, LibraryListing } from "../../ipc";
import { agendaListing } from "../../test/agenda";
import { fakeBackend, note, settle } from "../../test/fakeBackend";
import { MyAgenda } from "./MyAgenda";
import { BookmarksList } from "./BookmarksList";
import { LibraryNotes } from "./LibraryNotes";

const root = mountPoint();

/** Renders, runs the effects, and lets the backend's answers render. */
async function mount(vnode: ComponentChild) {
  act(() => render(vnode, root()));
  await act(settle);
  await act(settle);
}

const entry = (over: Partial<AgendaEntry>): AgendaEntry => ({
  document_id: 10,
  series: "s1",
  slot_key: "2024-06-12T15:00",
  slot_index: 1,
  slot: { date: "2024-06-12", start: "15:00", end: "18:00", items: ["3(a)"], titles: [], continued: true, parallel: [], notes: [] },
  items: ["3(a) 实益所有权"],
  document_title: "临时议程说明",
  symbol: null,
  body: "资产追回问题不限成员名额政府间工作组",
  venue: "维也纳",
  time_zone: "Europe/Vienna",
  starts_at: "2024-06-12T13:00:00+00:00",
  ends_at: "2024-06-12T16:00:00+00:00",
  ...over,
});

describe("My agenda", () => {
  it("lists starred slots by day and opens the one clicked", async () => {
    const fake = fakeBackend({
      agenda: [
        entry({ slot_key: "2019-12-18T10:00", slot_index: 4, items: ["4 技术援助"], slot: { date: "2019-12-18", start: "10:00", end: "13:00", items: ["4"], titles: [], continued: false, parallel: [], notes: [] }, time_zone: "Asia/Dubai", venue: "阿布扎比" }),
        entry({}),
      ],
    });
    setBackend(fake);
    const onOpen = vi.fn();
    await mount(<MyAgenda version={0} mode="venue" onOpen={onOpen} />);
    const days = [...root().querySelectorAll("h4")].map((h) => h.textContent);
    expect(days).toHaveLength(2);
    expect(days[0]).toContain("2019");
    const entries = [...root().querySelectorAll<HTMLButtonElement>("button.entry")];
    expect(entries[0]?.textContent).toContain("10:00–13:00");
    expect(entries[0]?.textContent).toContain("Asia/Dubai");
    expect(entries[1]?.textContent).toContain("3(a) 实益所有权");
    entries[1]?.click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ slot_key: "2024-06-12T15:00" }));
  });

  it("keeps a star whose slot left the schedule, marked and not openable", async () => {
    setBackend(fakeBackend({ agenda: [entry({ slot_index: null, slot: null, items: [] })] }));
    await mount(<MyAgenda version={0} mode="venue" onOpen={() => {}} />);
    const button = root().querySelector<HTMLButtonElement>("button.entry");
    expect(button?.disabled).toBe(true);
    expect(button?.textContent).toContain("No longer in the latest schedule");
  });

  it("has a designed empty state, and exports every starred slot", async () => {
    const fake = fakeBackend();
    setBackend(fake);
    await mount(<MyAgenda version={0} mode="venue" onOpen={() => {}} />);
    expect(root().textContent).toContain("No starred slots");
    setBackend(fakeBackend({ agenda: [entry({})] }));
    await mount(<MyAgenda version={1} mode="venue" onOpen={() => {}} />);
    act(() => root().querySelector<HTMLButtonElement>("[data-testid=export-my-agenda]")?.click());
    await act(settle);
    expect(root().textContent).toContain("Saved to /tmp/My agenda.ics");
  });
});

// The seed agenda's meeting, holding the document of series "s1".
const listing: LibraryListing = agendaListing();

describe("Bookmarks across the library", () => {
  const marks: Bookmark[] = [
    { id: 1, series: "s1", target: "item", anchor: "3(a)", label: "实益所有权", created_at: "2024-06-01T10:00:00Z" },
    { id: 2, series: "s2", target: "paragraph", anchor: "11", label: "Para on FATF", created_at: "2024-06-01T10:00:00Z" },
  ];
  it("names each place and removes a bookmark through the backend", async () => {
    const fake = fakeBackend({ bookmarks: marks });
    setBackend(fake);
    const onOpen = vi.fn();
    await mount(<BookmarksList version={0} listing={listing} onOpen={onOpen} />);
    const entries = [...root().querySelectorAll<HTMLButtonElement>("button.entry")];
    // The meeting and the document by name (not the file, agenda.zh.txt); a
    // bookmark whose document the listing lacks names only its place.
    expect(entries[0]?.querySelector("[data-testid=entry-where]")?.textContent).toBe(
      "资产追回问题不限成员名额政府间工作组 · 2012临时议程和说明 (CAC/COSP/WG.2/2012/1)",
    );
    expect(entries[0]?.textContent).not.toContain("agenda.zh.txt");
    expect(entries[1]?.querySelector("[data-testid=entry-where]")).toBeNull();
    expect(entries.map((e) => e.querySelector(".entry-place")?.textContent)).toEqual(["Item \u20683(a)\u2069", "Paragraph 12"]);
    entries[1]?.click();
    expect(onOpen).toHaveBeenCalledWith(marks[1]);
    act(() => root().querySelector<HTMLButtonElement>("button.link")?.click());
    await act(settle);
    await act(settle);
    expect(fake.calls.find((c) => c.name === "removeBookmark")?.args).toEqual([1]);
    expect(fake.calls.filter((c) => c.name === "listBookmarks")).toHaveLength(2);
  });
});

describe("Notes across the library", () => {
  it("renders note bodies as text, never as HTML", async () => {
    setBackend(fakeBackend({ notes: [note({ body: "<img src=x onerror=\"window.pwned=1\"> **bold** [x](javascript:alert(1))" })] }));
    await mount(<LibraryNotes version={0} listing={listing} onOpen={() => {}} onImported={() => {}} />);
    expect(root().querySelector("[data-testid=entry-where]")?.textContent).toContain("临时议程和说明");
    expect(root().querySelector("img")).toBeNull();
    expect(root().querySelector("a[href^='javascript']")).toBeNull();
    expect(root().querySelector(".note-body strong")?.textContent).toBe("bold");
    expect(root().textContent).toContain("<img src=x");
  });

  it("shows detached notes with their quote, and reports what an import added", async () => {
    const onImported = vi.fn();
    setBackend(fakeBackend({ notes: [note({ detached: true })] }));
    await mount(<LibraryNotes version={0} listing={null} onOpen={() => {}} onImported={onImported} />);
    expect(root().querySelector(".note.detached .quote")?.textContent).toContain("实益所有权透明度");
    expect(root().textContent).toContain("no longer in the document");
    act(() => [...root().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent?.includes("Import notes"))?.click());
    await act(settle);
    expect(root().textContent).toContain("Imported: 2 notes, 1 bookmark and 3 starred slots added.");
    expect(onImported).toHaveBeenCalled();
  });
});
