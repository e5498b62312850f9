// Back and forward between the places read, the document reopened at start,
// and the window's title naming the open document.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import type { LibraryListing, StoredDocument } from "./ipc";
import { fakeBackend, settle } from "./test/fakeBackend";
import type { Fake } from "./test/fakeBackend";
import { storedAgenda } from "./test/agenda";
import { App } from "./App";
import { EMPTY_HISTORY, LAST_PLACE_KEY, goBack, goForward, visit, windowTitle } from "./features/reader/navigation";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};
beforeEach(() => localStorage.removeItem(LAST_PLACE_KEY));
afterEach(() => localStorage.removeItem(LAST_PLACE_KEY));

/** The agenda (id 10), whose item 2 cites the conference's report (id 42). */
function library(): { agenda: StoredDocument; report: StoredDocument; listing: LibraryListing } {
  const base = storedAgenda();
  const agenda: StoredDocument = {
    ...base,
    document: {
      ...base.document,
      agenda: base.document.agenda.map((i) => (i.number === "2" ? { ...i, annotation: "工作组将审议CAC/COSP/2019/1号文件。", references: [{ symbol: "CAC/COSP/2019/1" }] } : i)),
    },
  };
  const record = { ...base.record, id: 42, series: "s42", file: "report.en.docx", kind: "report" as const, language: "en", symbol: "CAC/COSP/2019/1", title: "Report of the Conference" };
  const report: StoredDocument = {
    ...base,
    record,
    versions: [record],
    document: {
      ...base.document, kind: "report", language: "en", symbol: record.symbol, title: record.title, agenda: [], schedule: [],
      paragraphs: [0, 1, 2].map((i) => ({ number: String(i + 1), section: null, text: `Paragraph ${i + 1}.`, index: i })),
    },
  };
  const listing: LibraryListing = {
    meetings: [
      {
        id: 1, key: "k1", body: base.record.body, parent_body: null, session: null, venue: base.record.venue, dates: base.record.dates,
        time_zone: "Europe/Vienna", zone_source: "venue", documents: [agenda.record, report.record], reference_count: 1, missing_count: 0,
      },
    ],
    unfiled: [],
  };
  return { agenda, report, listing };
}

async function mountApp(fake: Fake): Promise<Fake> {
  setBackend(fake);
  act(() => render(<App />, root()));
  await act(settle);
  return fake;
}
const q = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const click = async (sel: string) => {
  act(() => q<HTMLElement>(sel)!.click());
  await act(settle);
};
const press = async (key: string, mods: KeyboardEventInit = {}) => {
  act(() => void document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...mods })));
  await act(settle);
};
const titles = (fake: Fake) => fake.calls.filter((c) => c.name === "setWindowTitle").map((c) => c.args[0]);

describe("the history", () => {
  it("keeps the places left, forgets what was ahead when a new place is visited, and skips a repeat", () => {
    const a = { id: 1, location: null };
    const b = { id: 2, location: { item: "3" } };
    let h = visit(visit(EMPTY_HISTORY, a), a);
    expect(h.back).toEqual([a]);
    const back = goBack(h, b)!;
    expect(back.to).toEqual(a);
    expect(back.history).toEqual({ back: [], forward: [b] });
    const forward = goForward(back.history, a)!;
    expect(forward.to).toEqual(b);
    expect(forward.history).toEqual({ back: [a], forward: [] });
    h = visit(back.history, a);
    expect(h.forward).toEqual([]);
    expect(goBack(EMPTY_HISTORY, a)).toBeNull();
  });
});

describe("back and forward in the window", () => {
  it("go back from a symbol followed to the item it was cited in, and forward again, by button and by key", async () => {
    const { agenda, report, listing } = library();
    await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    expect(q<HTMLButtonElement>("[data-testid=go-back]")!.disabled).toBe(true);
    await click(`[data-testid='doc-${agenda.record.file}']`);
    await click("[data-testid='item-2']");
    await click("#ann-2 [data-testid=symbol-link]");
    expect(q("[data-testid=doc-symbol]")!.textContent).toBe("CAC/COSP/2019/1");

    await click("[data-testid=go-back]");
    expect(q("[data-testid=doc-symbol]")!.textContent).toBe(agenda.record.symbol);
    expect(q("#ann-2")).not.toBeNull();
    expect(q("[data-testid='item-2']")!.getAttribute("aria-current")).toBe("true");
    expect(q<HTMLButtonElement>("[data-testid=go-forward]")!.disabled).toBe(false);

    await press("ArrowRight", { altKey: true });
    expect(q("[data-testid=doc-symbol]")!.textContent).toBe("CAC/COSP/2019/1");
    await press("[", { metaKey: true });
    expect(q("[data-testid=doc-symbol]")!.textContent).toBe(agenda.record.symbol);
    expect(q("#ann-2")).not.toBeNull();
  });

  it("leave Alt+arrow to a text field", async () => {
    const { agenda, report, listing } = library();
    await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    await click(`[data-testid='doc-${agenda.record.file}']`);
    await click(`[data-testid='doc-${report.record.file}']`);
    const field = q<HTMLInputElement>(".library input")!;
    field.focus();
    act(() => void field.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", altKey: true, bubbles: true, cancelable: true })));
    await act(settle);
    expect(q("[data-testid=doc-symbol]")!.textContent).toBe("CAC/COSP/2019/1");
  });
});

describe("the window's title", () => {
  it("names the open document: symbol, title, Dossier", async () => {
    const { agenda, report, listing } = library();
    const fake = await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    expect(titles(fake)).toEqual(["Dossier"]);
    await click(`[data-testid='doc-${report.record.file}']`);
    expect(titles(fake).slice(-1)[0]).toBe("CAC/COSP/2019/1 — Report of the Conference — Dossier");
    expect(windowTitle({ ...report.record, symbol: null })).toBe("Report of the Conference — Dossier");
  });
});

describe("at start", () => {
  it("reopens the document last read, at the item it was left at", async () => {
    const { agenda, report, listing } = library();
    await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    await click(`[data-testid='doc-${agenda.record.file}']`);
    await click("[data-testid='item-4']");
    act(() => render(null, root()));

    const fake = await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    // The listing, then the document, then the place in it.
    for (let i = 0; i < 10 && !q("#ann-4"); i++) await act(settle);
    // The title follows once the document is shown.
    for (let i = 0; i < 10 && titles(fake).slice(-1)[0] === "Dossier"; i++) await act(settle);
    expect(fake.calls.filter((c) => c.name === "openDocument").map((c) => c.args[0])).toEqual([10]);
    expect(q("#ann-4")).not.toBeNull();
    expect(titles(fake).slice(-1)[0]).toBe(`${agenda.record.symbol} — ${agenda.record.title} — Dossier`);
  });

  it("opens nothing, and says nothing, when that document is no longer in the library", async () => {
    const { agenda, report, listing } = library();
    localStorage.setItem(LAST_PLACE_KEY, JSON.stringify({ id: 77, series: "gone", location: { item: "2" } }));
    const fake = await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    expect(fake.calls.some((c) => c.name === "openDocument")).toBe(false);
    expect(q(".error")).toBeNull();
    expect(localStorage.getItem(LAST_PLACE_KEY)).toBeNull();
  });

  it("opens a later version of the document in its place", async () => {
    const { agenda, report, listing } = library();
    localStorage.setItem(LAST_PLACE_KEY, JSON.stringify({ id: 5, series: report.record.series, location: null }));
    const fake = await mountApp(fakeBackend({ listing, documents: [agenda, report] }));
    expect(fake.calls.filter((c) => c.name === "openDocument").map((c) => c.args[0])).toEqual([42]);
  });
});

describe("a report's place", () => {
  it("is the first paragraph not scrolled past, or its start", async () => {
    const { paragraphAtTop } = await import("./features/reader/TextView");
    const pane = document.createElement("article");
    const rect = (top: number, bottom: number) => () => ({ top, bottom, left: 0, right: 0, width: 1, height: bottom - top, x: 0, y: top, toJSON: () => ({}) });
    pane.getBoundingClientRect = rect(100, 600);
    for (const [i, top] of [[0, -200], [1, 60], [2, 300]] as const) {
      const p = document.createElement("p");
      p.className = "para";
      p.id = `para-${i}`;
      p.getBoundingClientRect = rect(top, top + 150);
      pane.appendChild(p);
    }
    expect(paragraphAtTop(pane)).toBeNull();
    pane.scrollTop = 400;
    expect(paragraphAtTop(pane)).toBe(1);
  });
});
