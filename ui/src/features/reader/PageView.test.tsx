// The original beside the text: the page view opens at the page of the
// chosen paragraph, a click on a page chooses the paragraph there, and the
// document bar switches language, version and text source.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { StoredDocument } from "../../ipc";
import { fakeBackend, note, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { Reader } from "./Reader";
import type { Focus } from "./Reader";
import { setPdfJs } from "./pdf";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

/** pdf.js as far as the page view uses it: three A4-ish pages, each page's
 *  text a line naming it. */
const opened: string[] = [];
setPdfJs({
  GlobalWorkerOptions: {},
  getDocument: ({ url }: { url: string }) => {
    opened.push(url);
    const page = (n: number) => ({
      getViewport: ({ scale }: { scale: number }) => ({ width: 600 * scale, height: 800 * scale, scale }),
      render: () => ({ promise: Promise.resolve(), cancel: () => {} }),
      streamTextContent: () => `Text of page ${n}. MINUSMA undertook extensive efforts.`,
    });
    return { promise: Promise.resolve({ numPages: 3, getPage: (n: number) => Promise.resolve(page(n)) }), destroy: () => Promise.resolve() };
  },
  TextLayer: class {
    constructor(private o: { textContentSource: string; container: HTMLElement }) {}
    render() {
      const span = document.createElement("span");
      span.textContent = this.o.textContentSource;
      this.o.container.appendChild(span);
      return Promise.resolve();
    }
    cancel() {}
  },
});

function report(id: number, language: string): StoredDocument {
  const record = {
    id, series: `s${id}`, version: 1, versions: 1, latest: true, file: "A_80_590.docx", kind: "report" as const, language,
    symbol: "A/80/590", suggested_symbol: null, user_symbol: null, title: "Final disposition of assets",
    body: "General Assembly", session: null, venue: null, dates: null, ingested_at: "2026-12-01T10:00:00Z", meeting_id: null,
  };
  return {
    record,
    versions: [record],
    renditions: [
      { id: 21, doc_id: id, format: "docx", file: "A_80_590.docx", file_size: 100, ingested_at: "", text_source: true, pages: null },
      { id: 22, doc_id: id, format: "pdf", file: "A_80_590.pdf", file_size: 200, ingested_at: "", text_source: false, pages: 3 },
    ],
    languages: [
      { language: "en", id: 1 },
      { language: "fr", id: 2 },
    ],
    page_view: { rendition: 22, pages: 3, places: { "para:0": { page: 1, top: 0.2 }, "para:1": { page: 2, top: 0.5 }, "para:2": { page: 3, top: 0.1 } } },
    document: {
      kind: "report", language, symbol: "A/80/590", suggested_symbol: null, title: record.title, body: record.body, parent_body: null,
      session: null, venue: null, dates: null, distributed: null, original_language: null, job_number: null,
      agenda: [], schedule: [], references: [], sections: [],
      paragraphs: [
        { number: "26", section: null, text: "By July 2024, all milestones were met.", index: 0 },
        { number: "27", section: null, text: "MINUSMA undertook extensive efforts.", index: 1 },
        { number: "28", section: null, text: "Cleanup efforts in Bamako.", index: 2 },
      ],
      unnumbered: [], footnotes: [], attendance: null, diagnostics: [],
    },
    timing: { time_zone: "UTC", zone_source: "venue", slots: [] },
  };
}

let fake: Fake;
const openedDocs: [number, Focus | undefined][] = [];
async function mount(doc: StoredDocument, focus: Focus | null = null, notes: ReturnType<typeof note>[] = []) {
  fake = fakeBackend({ documents: [doc], notes });
  setBackend(fake);
  act(() =>
    render(
      <Reader stored={doc} focus={focus} links={{ resolve: () => null, open: (id, f) => openedDocs.push([id, f]) }} mode="venue" onMode={() => {}} onChanged={() => {}} />,
      root(),
    ),
  );
  await act(settle);
  await act(settle);
}
const q = <T extends Element = HTMLElement>(sel: string) => root().querySelector<T>(sel);

describe("the page view", () => {
  beforeEach(() => {
    localStorage.clear();
    opened.length = 0;
    openedDocs.length = 0;
  });

  it("opens the library's PDF beside the text at the page of the chosen paragraph", async () => {
    await mount(report(1, "en"));
    expect(q(".page-view")).toBeNull(); // text alone until asked
    act(() => q<HTMLButtonElement>("[data-testid=mode-beside]")?.click());
    await act(settle);
    await act(settle);
    expect(opened).toEqual(["original://localhost/22"]);
    expect(root().querySelectorAll(".pdf-page").length).toBe(3);
    act(() => q<HTMLElement>("#para-1")?.click());
    await act(settle);
    expect(q("#para-1")?.classList.contains("selected")).toBe(true);
    expect(q("[data-page='2'] [data-testid=place-marker]")).not.toBeNull();
    // The choice is remembered for the next document.
    expect(localStorage.getItem("dossier.pageMode")).toBe("beside");
  });

  it("chooses the paragraph clicked on a page, and shows the page alone when asked", async () => {
    localStorage.setItem("dossier.pageMode", "page");
    await mount(report(1, "en"));
    expect(q<HTMLElement>("article.text")?.hidden).toBe(true);
    const page3 = q<HTMLElement>("[data-page='3']");
    if (!page3) throw new Error("no page 3");
    page3.getBoundingClientRect = () => ({ top: 100, height: 800, bottom: 900, left: 0, right: 600, width: 600, x: 0, y: 100, toJSON: () => ({}) });
    act(() => {
      page3.dispatchEvent(new MouseEvent("click", { bubbles: true, clientY: 100 + 0.5 * 800 }));
    });
    await act(settle);
    expect(q("#para-2")?.classList.contains("selected")).toBe(true);
    expect(q("[data-page='3'] [data-testid=place-marker]")).not.toBeNull();
  });

  it("switches language at the same paragraph, and reads the text from the PDF when chosen", async () => {
    await mount(report(1, "en"), { location: { paragraph: 1 }, marks: [] });
    act(() => void q<HTMLButtonElement>("[data-testid=language-fr]")?.click());
    expect(openedDocs).toEqual([[2, { location: {}, marks: [], paragraphNumber: "27" }]]);
    const select = q<HTMLSelectElement>("[data-testid=text-source]");
    if (!select) throw new Error("no text source");
    select.value = "22";
    act(() => {
      select.dispatchEvent(new Event("change"));
    });
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "setTextSource")).toEqual([{ name: "setTextSource", args: [1, 22] }]);
    act(() => void q<HTMLButtonElement>("[data-testid=open-docx]")?.click());
    expect(fake.calls.some((c) => c.name === "openOriginal" && c.args[0] === 21)).toBe(true);
  });

  afterEach(() => vi.unstubAllGlobals());

  it("highlights a note's words on the page where they stand", async () => {
    const registry = new Map<string, { ranges: Range[] }>();
    vi.stubGlobal("CSS", { highlights: registry });
    vi.stubGlobal(
      "Highlight",
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
    localStorage.setItem("dossier.pageMode", "beside");
    const n = note({ document_id: 1, series: "s1", anchor: { passage: "para:1", exact: "undertook extensive", prefix: "", suffix: "", start: 8, end: 27 } });
    await mount(report(1, "en"), null, [n]);
    await act(settle);
    const ranges = registry.get("dossier-page-note")?.ranges ?? [];
    expect(ranges.map((r) => r.toString())).toEqual(["undertook extensive"]);
    expect(ranges[0]?.startContainer.parentElement?.closest("[data-page]")?.getAttribute("data-page")).toBe("1");
  });

  it("opens another language's version at the paragraph of the same number", async () => {
    const fr = report(2, "fr");
    fr.document.paragraphs = [
      { number: "27", section: null, text: "La MINUSMA a déployé des efforts.", index: 4 },
    ];
    await mount(fr, { location: {}, marks: [], paragraphNumber: "27" });
    expect(q("#para-4")?.classList.contains("selected")).toBe(true);
  });
});
