// The reader of documents that are not agendas: a report's text in reading
// order, and a stand-alone programme of work with its timetable and its own
// now / next.
import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { Document, ScheduleSlot, StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { viennaTiming } from "../../test/fixtures";
import { Reader } from "./Reader";
import { rowCells, textBlocks } from "./TextView";
import { selectionInPassage } from "../notes/PassageText";

const root = mountPoint();
afterEach(() => vi.useRealTimers());
Element.prototype.scrollIntoView ??= function () {};

const slot = (date: string, start: string, end: string, items: string[], titles: string[]): ScheduleSlot => ({
  date, start, end, items, titles, continued: false, parallel: [], notes: [],
});

function stored(kind: "report" | "other", document: Partial<Document>): StoredDocument {
  const record = {
    id: 9, series: "s9", version: 1, versions: 1, latest: true, file: "programme.pdf", kind, language: "en",
    symbol: "A/AC.109/2025/L.2", suggested_symbol: null, user_symbol: null, title: "Organization of work",
    body: "Special Committee", session: null, venue: "Vienna", dates: { start: "2024-06-12", end: "2024-06-13" }, ingested_at: "", meeting_id: 1,
  };
  return {
    record,
    versions: [record],
    renditions: [],
    languages: [{ language: record.language, id: record.id }],
    page_view: null,
    document: {
      kind, language: "en", symbol: record.symbol, suggested_symbol: null, title: record.title, body: record.body, parent_body: null,
      session: null, venue: record.venue, dates: record.dates, distributed: null, original_language: null, job_number: null,
      agenda: [], schedule: [], references: [], sections: [], paragraphs: [], unnumbered: [], footnotes: [], attendance: null, diagnostics: [],
      ...document,
    },
    timing: { time_zone: "Europe/Vienna", zone_source: "venue", slots: [] },
  };
}

/** Shows `doc` with the clock at `now`. */
async function mount(doc: StoredDocument, now: string) {
  vi.setSystemTime(new Date(now));
  setBackend(fakeBackend());
  act(() =>
    render(
      <Reader stored={doc} focus={null} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />,
      root(),
    ),
  );
  await act(settle);
}

describe("a report", () => {
  const report = stored("report", {
    paragraphs: [
      { number: "1", section: null, text: "The Committee held its session.", index: 1 },
      { number: "2", section: null, text: "It elected its officers.", index: 3 },
    ],
    unnumbered: [
      { number: null, section: null, text: "Summary of the session.", index: 0 },
      { number: null, section: null, text: "The Committee heard statements.", index: 2 },
    ],
  });

  it("shows numbered paragraphs and unnumbered text in reading order, each at its own place", async () => {
    expect(textBlocks(report.document).map((p) => p.index)).toEqual([0, 1, 2, 3]);
    await mount(report, "2024-06-01T00:00:00Z");
    const paras = [...root().querySelectorAll("p.para")];
    expect(paras.map((p) => p.id)).toEqual(["para-0", "para-1", "para-2", "para-3"]);
    expect(paras[2]?.textContent).toContain("The Committee heard statements.");
    expect(paras[3]?.querySelector(".pnum")?.textContent).toBe("2.");
    // No timetable is printed: none is shown.
    expect(root().querySelector(".schedule-pane")).toBeNull();
  });
});

describe("a report's table", () => {
  const report = stored("report", {
    paragraphs: [{ number: "1", section: "Budget", text: "The Committee approved the budget below.", index: 0 }],
    unnumbered: [
      { number: null, section: "Budget", text: "Programme\t2024\t2025", index: 1, row: true },
      { number: null, section: "Budget", text: "Executive direction\t1 200\t1 350^a", index: 2, row: true },
      { number: null, section: "Budget", text: "\t\t900", index: 3, row: true },
      { number: null, section: "Budget", text: "^a Including the travel of delegates.", index: 4, row: true },
      { number: "2", section: "Budget", text: "The Committee took note of the table.", index: 5 },
    ],
    footnotes: [{ marker: "a", text: "Including the travel of delegates." }],
  });

  it("shows its rows as one table, a cell per cell, and the paragraphs around it as paragraphs", async () => {
    await mount(report, "2024-06-01T00:00:00Z");
    const tables = root().querySelectorAll("table.text-table");
    expect(tables).toHaveLength(1);
    const rows = [...tables[0]!.querySelectorAll("tr")];
    expect(rows.map((r) => r.id)).toEqual(["para-1", "para-2", "para-3", "para-4"]);
    const cells = (r: Element) => [...r.querySelectorAll("td:not(.row-mark)")].map((c) => c.textContent);
    expect(cells(rows[0]!)).toEqual(["Programme", "2024", "2025"]);
    expect(cells(rows[1]!)).toEqual(["Executive direction", "1 200", "1 350^a"]);
    // An empty cell keeps its column: 900 stands under 2025.
    expect(cells(rows[2]!)).toEqual(["", "", "900"]);
    // A one-cell line under the table (its note) spans the table's width.
    expect(rows[3]!.querySelector("td:not(.row-mark)")?.getAttribute("colspan")).toBe("3");
    // The footnote marker in a cell is a superscript leading to its footnote.
    expect(rows[1]!.querySelector("[data-testid=fn-mark] a")?.getAttribute("href")).toBe("#fn-a");
    expect([...root().querySelectorAll("p.para")].map((p) => p.id)).toEqual(["para-0", "para-5"]);
    // Each row can be bookmarked, as a paragraph can.
    expect(rows[1]!.querySelector("[data-testid=bookmark-para-2]")).not.toBeNull();
    // The table is not a section heading, and nothing of it is in the outline.
    expect(root().querySelectorAll(".outline .item")).toHaveLength(0);
  });

  it("anchors a note on words of a cell at their place in the row", async () => {
    expect(rowCells("Executive direction\t1 200\t1 350").map((c) => c.offset)).toEqual([0, 20, 26]);
    await mount(report, "2024-06-01T00:00:00Z");
    const cell = root().querySelectorAll("#para-2 td:not(.row-mark)")[2]!;
    const node = cell.querySelector("[data-passage]")!;
    const textNode = document.createTreeWalker(node, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(textNode, 0);
    range.setEnd(textNode, 5);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    // "1 350" starts at character 26 of "Executive direction\t1 200\t1 350^a".
    expect(selectionInPassage()).toEqual({ passage: "para:2", start: 26, end: 31, quote: "1 350" });
    sel.removeAllRanges();
  });
});

describe("a stand-alone programme of work", () => {
  const programme: StoredDocument = {
    ...stored("other", {
      unnumbered: [{ number: null, section: null, text: "The Special Committee will meet as follows.", index: 0 }],
      schedule: [
        slot("2024-06-12", "10:00", "13:00", ["1", "2"], ["Opening", "Adoption of the agenda"]),
        slot("2024-06-12", "15:00", "18:00", ["3"], ["Question of Guam"]),
        slot("2024-06-13", "10:00", "13:00", ["4"], ["Closing"]),
      ],
    }),
    timing: viennaTiming,
  };

  it("shows its timetable beside its text, with what is taken up now and what comes next", async () => {
    // 12 June, 11:30 in Vienna: the morning meeting is on.
    await mount(programme, "2024-06-12T09:30:00Z");
    expect(root().querySelector(".panes.with-timetable")).not.toBeNull();
    expect(root().querySelectorAll(".schedule-pane [data-testid^=slot-]").length).toBe(3);
    expect(root().querySelector("#para-0")?.textContent).toContain("will meet as follows");
    expect(root().querySelector("[data-testid=current-slot]")?.textContent).toContain("1, 2");
    expect(root().querySelector("[data-testid=next-slot]")?.textContent).toContain("3");
  });
});
