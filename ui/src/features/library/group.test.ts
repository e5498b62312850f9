import { describe, expect, it } from "vitest";
import { narrowListing, symbolIndex, withinBudget } from "./group";
import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";

const doc = (id: number, title: string, symbol: string | null = null): DocumentRecord => ({
  id, series: `s${id}`, version: 1, versions: 1, latest: true, file: `${id}.txt`, kind: "agenda", language: "zh",
  symbol, suggested_symbol: null, user_symbol: null, title, body: "WG", session: null, venue: "维也纳",
  dates: { start: "2024-06-12", end: "2024-06-14" }, ingested_at: "", meeting_id: 1,
});
const meeting = (id: number, docs: DocumentRecord[]): MeetingSummary => ({
  id, key: `k${id}`, body: "WG", parent_body: null, session: null, venue: "维也纳",
  dates: { start: "2024-06-12", end: "2024-06-14" }, time_zone: null, zone_source: "unknown", documents: docs,
  reference_count: 2, missing_count: 1,
});
const listing: LibraryListing = { meetings: [meeting(1, [doc(1, "临时议程"), doc(2, "报告", "X/2024/4")])], unfiled: [] };

describe("narrowListing", () => {
  it("keeps meetings with the documents a query found and counts missing references", () => {
    const all = narrowListing(listing, null);
    expect(all[0]!.documents.length).toBe(2);
    expect(all[0]!.missing).toBe(1);
    expect(narrowListing(listing, new Set([2]))[0]!.documents.map((d) => d.id)).toEqual([2]);
    expect(narrowListing(listing, new Set())).toEqual([]);
  });
  it("indexes printed and user-given symbols for cross-links", () => {
    const own = { ...doc(9, "Note"), user_symbol: "X/2024/ inf.1" };
    const idx = symbolIndex({ ...listing, unfiled: [own] });
    expect(idx.get("X/2024/4")).toBe(2);
    expect(idx.get("X/2024/INF.1")).toBe(9);
    expect(idx.has("X/2024/2")).toBe(false);
  });
});

describe("withinBudget", () => {
  // Meeting i has i + 1 documents and cites something: i + 3 rows.
  const many = Array.from({ length: 10 }, (_, i) =>
    meeting(i + 1, Array.from({ length: i + 1 }, (_, k) => doc(100 * i + k, `D${k}`))),
  );
  const views = narrowListing({ meetings: many, unfiled: [] }, null);
  const loose = [doc(1000, "a"), doc(1001, "b"), doc(1002, "c")];

  it("shows whole meetings up to the budget, and says when some are left", () => {
    const w = withinBudget(views, loose, 12); // 3 + 4 + 5 rows
    expect(w.meetings.map((v) => v.meeting.id)).toEqual([1, 2, 3]);
    expect(w.unfiled).toEqual([]);
    expect(w.complete).toBe(false);
  });
  it("always shows the first meeting, however long", () => {
    expect(withinBudget(views, loose, 1).meetings.length).toBe(1);
  });
  it("shows the documents of no meeting once every meeting is shown", () => {
    const rows = views.reduce((n, v) => n + v.documents.length + 2, 0);
    const some = withinBudget(views, loose, rows + 3);
    expect(some.meetings.length).toBe(10);
    expect(some.unfiled.length).toBe(2);
    expect(some.complete).toBe(false);
    expect(withinBudget(views, loose, Infinity).complete).toBe(true);
  });
});
