import { describe, expect, it } from "vitest";
import { groupMeetings } from "./group";
import type { LibraryEntry } from "../../ipc";

const entry = (id: number, body: string, start: string, kind: LibraryEntry["kind"]): LibraryEntry => ({
  id, file: `${id}.txt`, title: `doc ${id}`, kind, language: "zh", symbol: null, suggested_symbol: null,
  body, session: null, venue: "维也纳", dates: { start, end: start },
});

describe("groupMeetings", () => {
  const entries = [entry(1, "WG", "2012-08-30", "agenda"), entry(2, "WG", "2024-06-12", "report"), entry(3, "WG", "2024-06-12", "agenda")];
  it("groups by body and date, newest first, agenda first", () => {
    const g = groupMeetings(entries, "");
    expect(g.map((x) => x.start)).toEqual(["2024-06-12", "2012-08-30"]);
    expect(g[0]!.entries.map((e) => e.id)).toEqual([3, 2]);
  });
  it("filters", () => {
    expect(groupMeetings(entries, "doc 1").length).toBe(1);
    expect(groupMeetings(entries, "nothing").length).toBe(0);
  });
});
