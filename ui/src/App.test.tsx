// The whole window against the fake backend: the panes working together.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import type { LibraryListing } from "./ipc";
import { fakeBackend, hit, settle } from "./test/fakeBackend";
import type { Fake } from "./test/fakeBackend";
import { storedAgenda } from "./test/agenda";
import { App } from "./App";
import { LAST_PLACE_KEY } from "./features/reader/navigation";

const root = mountPoint();
// Each test starts as a first start would: no document to reopen.
beforeEach(() => localStorage.removeItem(LAST_PLACE_KEY));
Element.prototype.scrollIntoView ??= function () {};

const agenda = storedAgenda();
export const listing: LibraryListing = {
  meetings: [
    {
      id: 1, key: "k1", body: agenda.record.body, parent_body: null, session: null, venue: agenda.record.venue, dates: agenda.record.dates,
      time_zone: "Europe/Vienna", zone_source: "venue", documents: [agenda.record], reference_count: 0, missing_count: 0,
    },
  ],
  unfiled: [],
};

async function mountApp(fake: Fake = fakeBackend({ listing, documents: [agenda] })): Promise<Fake> {
  setBackend(fake);
  act(() => render(<App />, root()));
  await act(settle);
  return fake;
}
const q = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const click = async (sel: string) => {
  act(() => q<HTMLButtonElement>(sel)!.click());
  await act(settle);
};

describe("the side lists", () => {
  it("show a bookmark added in the reader while the Bookmarks tab is open", async () => {
    await mountApp();
    await click(`[data-testid='doc-${agenda.record.file}']`);
    await click("[data-testid=tab-bookmarks]");
    expect(q(".sidebar")!.textContent).toContain("No bookmarks yet");
    await click(".reader-tools [data-testid=bookmark]");
    expect(q("[data-testid=bookmarks-list]")?.textContent).toContain(agenda.record.title);
  });
});

describe("search", () => {
  async function search(text: string) {
    await click("[data-testid=open-search]");
    const input = q<HTMLInputElement>("[data-testid=search-input]")!;
    input.value = text;
    act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    await act(settle);
  }
  const escape = async () => {
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true })));
    await act(settle);
  };

  it("marks the matched words in the reader, and clears them when the search is closed again", async () => {
    await mountApp(fakeBackend({ listing, documents: [agenda], hits: [hit("5", { item: "5" }, "资产追回")] }));
    await search("资产追回");
    await click("[data-testid=search-hit]");
    expect(q(".search-panel")).toBeNull();
    const marked = [...root().querySelectorAll("#ann-5 mark")].map((m) => m.textContent);
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(["资产追回"]));
    await search("资产追回");
    await escape();
    expect(q(".search-panel")).toBeNull();
    expect(root().querySelectorAll(".reader mark")).toHaveLength(0);
    // The item found stays open.
    expect(q("#ann-5")).not.toBeNull();
  });
});

describe("the File menu", () => {
  it("backs up and restores whichever tab is open, and shows the outcome", async () => {
    const fake = await mountApp();
    await click("[data-testid=tab-notes]");
    act(() => fake.menu("backup"));
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "backupLibrary")).toHaveLength(1);
    expect(q("[data-testid=backup-status]")?.textContent).toContain("/tmp/Dossier backup");
    // The backend asks before restoring, with the system dialog.
    act(() => fake.menu("restore"));
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "restoreLibrary")).toHaveLength(1);
  });

  it("imports whichever tab is open", async () => {
    const fake = await mountApp();
    await click("[data-testid=tab-agenda]");
    act(() => fake.menu("import-folder"));
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "pickAndImport").map((c) => c.args)).toEqual([[true]]);
  });
});

describe("the sidebar tabs", () => {
  const key = (k: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true })));
  it("are ARIA tabs: each controls its panel, the arrow keys move between them, one tab stop", async () => {
    await mountApp();
    const tabs = () => [...root().querySelectorAll<HTMLElement>("[role=tab]")];
    expect(tabs()).toHaveLength(4);
    for (const tab of tabs()) expect(tab.getAttribute("aria-controls")).toBe("sidebar-panel");
    const panel = q("#sidebar-panel")!;
    expect(panel.getAttribute("role")).toBe("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe(tabs()[0]!.id);
    expect(tabs().map((x) => x.tabIndex)).toEqual([0, -1, -1, -1]);
    tabs()[0]!.focus();
    key("ArrowRight");
    await act(settle);
    expect(document.activeElement).toBe(tabs()[1]);
    expect(tabs()[1]!.getAttribute("aria-selected")).toBe("true");
    expect(q("[data-testid=my-agenda], .sidebar .state")).not.toBeNull();
    key("End");
    await act(settle);
    expect(tabs()[3]!.getAttribute("aria-selected")).toBe("true");
    key("ArrowRight"); // wraps round
    await act(settle);
    expect(tabs()[0]!.getAttribute("aria-selected")).toBe("true");
    expect(q("#sidebar-panel")!.getAttribute("aria-labelledby")).toBe(tabs()[0]!.id);
  });
});

describe("F6", () => {
  const press = (init: KeyboardEventInit) =>
    act(() => void (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })));
  const paneOf = () => (document.activeElement as HTMLElement | null)?.closest("[data-pane]")?.getAttribute("data-pane");

  it("cycles the panes forwards, and backwards with Shift, round the ends", async () => {
    await mountApp();
    await click(`[data-testid='doc-${agenda.record.file}']`);
    document.body.focus();
    const order: (string | null | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      press({ key: "F6" });
      order.push(paneOf());
    }
    expect(order).toEqual(["sidebar", "outline", "annotation", "timetable", "sidebar"]);
    press({ key: "F6", shiftKey: true });
    expect(paneOf()).toBe("timetable");
    press({ key: "F6", shiftKey: true });
    expect(paneOf()).toBe("annotation");
  });
});

describe("the shortcuts sheet", () => {
  const press = (target: Element, key: string) =>
    act(() => void target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true })));

  it("opens on ? as a modal listing the keys, and closes with Escape, the focus back where it was", async () => {
    await mountApp();
    const tab = q<HTMLElement>("[data-testid=tab-library]")!;
    tab.focus();
    press(tab, "?");
    await act(settle);
    const sheet = q("[data-testid=shortcuts]")!;
    expect(sheet.getAttribute("role")).toBe("dialog");
    expect(sheet.getAttribute("aria-modal")).toBe("true");
    expect(sheet.textContent).toContain("Keyboard shortcuts");
    expect(sheet.textContent).toContain("F6");
    expect(sheet.contains(document.activeElement)).toBe(true);
    press(document.activeElement!, "Escape");
    await act(settle);
    expect(q("[data-testid=shortcuts]")).toBeNull();
    expect(document.activeElement).toBe(tab);
  });

  it("closes on a click beside it, not on one inside it; the search dialog too", async () => {
    await mountApp();
    await click("[data-testid=open-shortcuts]");
    await click("[data-testid=shortcuts] h2");
    expect(q("[data-testid=shortcuts]")).not.toBeNull();
    await click(".search-backdrop");
    expect(q("[data-testid=shortcuts]")).toBeNull();
    await click("[data-testid=open-search]");
    await click("[data-testid=search-input]");
    expect(q(".search-panel")).not.toBeNull();
    await click(".search-backdrop");
    expect(q(".search-panel")).toBeNull();
  });

  it("does not open while typing a ?", async () => {
    await mountApp();
    const filter = q<HTMLInputElement>(".library input[type=search]")!;
    filter.focus();
    press(filter, "?");
    await act(settle);
    expect(q("[data-testid=shortcuts]")).toBeNull();
  });
});

describe("the first start", () => {
  it("explains what Dossier does until dismissed, and comes back from Help ▸ Getting started", async () => {
    localStorage.removeItem("dossier.welcome");
    const fake = await mountApp();
    const welcome = q("[data-testid=welcome]")!;
    expect(welcome.textContent).toContain("Ctrl K");
    expect(welcome.textContent).toContain("Import");
    act(() => q<HTMLButtonElement>("[data-testid=welcome-import]")!.click());
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "pickAndImport")).toHaveLength(1);
    act(() => q<HTMLButtonElement>("[data-testid=welcome-dismiss]")!.click());
    await act(settle);
    expect(q("[data-testid=welcome]")).toBeNull();
    expect(localStorage.getItem("dossier.welcome")).toBe("dismissed");
    act(() => fake.menu("welcome"));
    await act(settle);
    expect(q("[data-testid=welcome]")).not.toBeNull();
    localStorage.setItem("dossier.welcome", "dismissed");
  });
});

describe("the library listing", () => {
  it("shows the latest listing even when an earlier request answers after it", async () => {
    // The first listing is slow (read while the seeds were coming in); the
    // one asked after an import answers first. The slow one must not win.
    let answerFirst: (l: LibraryListing) => void = () => {};
    const first = new Promise<LibraryListing>((r) => (answerFirst = r));
    const fake = fakeBackend({ listing, documents: [agenda] });
    setBackend(fake);
    act(() => render(<App firstListing={first} />, root()));
    await act(settle);
    act(() => fake.importFinished({ results: [] }));
    await act(settle);
    expect(root().querySelectorAll("[data-testid=meeting]")).toHaveLength(1);
    act(() => answerFirst({ meetings: [], unfiled: [] }));
    await act(settle);
    expect(root().querySelectorAll("[data-testid=meeting]")).toHaveLength(1);
  });
});

describe("the listing at start", () => {
  it("shows its head first, then the whole listing, and reopens the document read last from the whole", async () => {
    // A large library: the head (its newest meetings) is on screen first;
    // the document read last is in an older meeting, so only the whole
    // listing, which follows, has it.
    const older = { ...agenda, record: { ...agenda.record, id: 7, series: "CAC/COSP/2019/1#zh" } };
    const whole: LibraryListing = {
      meetings: [listing.meetings[0]!, { ...listing.meetings[0]!, id: 2, key: "k2", documents: [older.record] }],
      unfiled: [],
    };
    const head: LibraryListing = { meetings: [whole.meetings[0]!], unfiled: [] };
    localStorage.setItem(LAST_PLACE_KEY, JSON.stringify({ id: 7, series: older.record.series, location: null }));
    const fake = fakeBackend({ listing: whole, documents: [agenda, older] });
    // Every request for the whole listing waits until answered below.
    const waiting: ((l: LibraryListing) => void)[] = [];
    fake.listLibrary = () => new Promise<LibraryListing>((r) => waiting.push(r));
    setBackend(fake);
    act(() => render(<App firstListing={Promise.resolve(head)} />, root()));
    await act(settle);
    // The head is on screen; the document waits for the whole listing.
    expect(root().querySelectorAll("[data-testid=meeting]")).toHaveLength(1);
    expect(fake.calls.filter((c) => c.name === "openDocument")).toHaveLength(0);
    // The whole listing is asked for once the head is painted.
    for (let i = 0; i < 20 && waiting.length === 0; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(waiting.length).toBeGreaterThan(0);
    act(() => waiting.forEach((answer) => answer(whole)));
    await act(settle);
    expect(root().querySelectorAll("[data-testid=meeting]")).toHaveLength(2);
    expect(fake.calls.filter((c) => c.name === "openDocument").map((c) => c.args[0])).toEqual([7]);
    expect(localStorage.getItem(LAST_PLACE_KEY)).not.toBeNull();
  });
});

describe("a search index rebuilt in the background", () => {
  it("shows its progress under the header, says so in the search, and goes when done", async () => {
    const fake = fakeBackend({ listing, documents: [agenda], indexStatus: { rebuilding: true, done: 0, total: 0 } });
    await mountApp(fake);
    expect(q("[data-testid=index-rebuilding]")?.textContent).toBe("Rebuilding the search index…");
    act(() => fake.indexProgress({ rebuilding: true, done: 400, total: 20000 }));
    await act(settle);
    expect(q("[data-testid=index-rebuilding]")?.textContent).toBe("Rebuilding the search index: 400 of 20,000 documents");
    await click("[data-testid=open-search]");
    expect(q("[data-testid=search-rebuilding]")?.textContent).toMatch(/may be incomplete/);
    act(() => fake.indexProgress({ rebuilding: false, done: 0, total: 0 }));
    await act(settle);
    expect(q("[data-testid=index-rebuilding]")).toBeNull();
    expect(q("[data-testid=search-rebuilding]")).toBeNull();
  });
});

describe("About Dossier", () => {
  it("opens from the Help menu with the version, the library and log folders, and the licences", async () => {
    const fake = await mountApp();
    act(() => fake.menu("about"));
    await act(settle);
    const sheet = q("[data-testid=about]")!;
    expect(sheet.getAttribute("role")).toBe("dialog");
    expect(q("[data-testid=about-version]")!.textContent).toBe("0.1.0");
    expect(sheet.textContent).toContain("/home/d/.local/share/org.dossier/logs");
    expect(sheet.textContent).toContain("/home/d/.local/share/org.dossier/library");
    expect(sheet.textContent).toContain("Tantivy");
    expect(sheet.textContent).toContain("OFL-1.1");
    expect(sheet.contains(document.activeElement)).toBe(true);
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true })));
    await act(settle);
    expect(q("[data-testid=about]")).toBeNull();
  });
});

describe("the theme", () => {
  it("is chosen in the header: system, light or dark, and put on the root", async () => {
    await mountApp();
    const select = q<HTMLSelectElement>("[data-testid=theme]")!;
    expect([...select.options].map((o) => o.value)).toEqual(["system", "light", "dark"]);
    expect([...select.options].map((o) => o.textContent)).toEqual(["As the system", "Light", "Dark"]);
    select.value = "dark";
    act(() => void select.dispatchEvent(new Event("change", { bubbles: true })));
    await act(settle);
    expect(document.documentElement.dataset["theme"]).toBe("dark");
    expect(localStorage.getItem("dossier.theme")).toBe("dark");
    select.value = "system";
    act(() => void select.dispatchEvent(new Event("change", { bubbles: true })));
    await act(settle);
  });
});

describe("the seed library on a first start", () => {
  it("shows the whole seed library even when the seeds finished before the page listened", async () => {
    // The first listing is read while the seeds still come in; their
    // ImportFinished was sent before the page listened, so it never comes.
    const fake = fakeBackend({ listing, documents: [agenda] });
    let calls = 0;
    fake.listLibrary = () => {
      calls += 1;
      return Promise.resolve(calls === 1 ? { meetings: [], unfiled: [] } : listing);
    };
    await mountApp(fake);
    await act(settle);
    expect(calls).toBe(2);
    expect(root().querySelectorAll("[data-testid=meeting]").length).toBe(1);
  });
});
