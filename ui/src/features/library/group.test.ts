import { describe, expect, it } from "vitest";
import { filterListing, symbolIndex } from "./group";
import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";

const doc = (id: number, title: string, symbol: string | null = null): DocumentRecord => ({
  id, series: `s${id}`, version: 1, versions: 1, latest: true, file: `${id}.txt`, kind: "agenda", language: "zh",
  symbol, suggested_symbol: null, user_symbol: null, title, body: "WG", session: null, venue: "维也纳",
  dates: { start: "2024-06-12", end: "2024-06-14" }, ingested_at: "", meeting_id: 1,
});
const meeting = (id: number, docs: DocumentRecord[]): MeetingSummary => ({
  id, key: `k${id}`, body: "WG", parent_body: null, session: null, venue: "维也纳",
  dates: { start: "2024-06-12", end: "2024-06-14" }, time_zone: null, zone_source: "unknown", documents: docs,
  references: [{ symbol: "X/2024/2", title: null, document_id: null }, { symbol: "X/2024/3", title: null, document_id: 7 }],
});
const listing: LibraryListing = { meetings: [meeting(1, [doc(1, "临时议程"), doc(2, "报告", "X/2024/4")])], unfiled: [] };

describe("filterListing", () => {
  it("keeps meetings with matching documents and counts missing references", () => {
    const all = filterListing(listing, "");
    expect(all[0]!.documents.length).toBe(2);
    expect(all[0]!.missing).toBe(1);
    expect(filterListing(listing, "报告")[0]!.documents.map((d) => d.id)).toEqual([2]);
    expect(filterListing(listing, "nothing")).toEqual([]);
  });
  it("indexes symbols for cross-links", () => {
    const idx = symbolIndex(listing);
    expect(idx.get("X/2024/4")).toBe(2);
    expect(idx.get("X/2024/3")).toBe(7);
    expect(idx.has("X/2024/2")).toBe(false);
  });
});
