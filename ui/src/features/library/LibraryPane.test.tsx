import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { DocumentRecord, LibraryListing, MeetingSummary } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { LibraryPane } from "./LibraryPane";

const root = mountPoint();

const doc = (id: number, meeting: number): DocumentRecord => ({
  id, series: `s${id}`, version: 1, versions: 1, latest: true, file: `${id}.txt`, kind: "agenda", language: "en",
  symbol: `X/${meeting}/${id}`, suggested_symbol: null, user_symbol: null, title: `Document ${id}`, body: "WG", session: null,
  venue: "Vienna", dates: { start: "2024-06-12", end: "2024-06-14" }, ingested_at: "", meeting_id: meeting,
});
const meeting = (id: number): MeetingSummary => ({
  id, key: `k${id}`, body: `Body ${id}`, parent_body: null, session: null, venue: "Vienna",
  dates: { start: "2024-06-12", end: "2024-06-14" }, time_zone: null, zone_source: "venue",
  documents: [doc(id * 10, id), doc(id * 10 + 1, id), doc(id * 10 + 2, id)],
  reference_count: 2, missing_count: 1,
});
// 100 meetings of 3 documents that cite 2: 5 rows each.
const big: LibraryListing = { meetings: Array.from({ length: 100 }, (_, i) => meeting(i + 1)), unfiled: [doc(5000, 0)] };

/** A stand-in for the webview's IntersectionObserver that the test fires. */
class FakeObserver {
  static live: FakeObserver[] = [];
  constructor(private cb: IntersectionObserverCallback) {
    FakeObserver.live.push(this);
  }
  observe() {}
  disconnect() {
    FakeObserver.live = FakeObserver.live.filter((o) => o !== this);
  }
  fire() {
    this.cb([{ isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

async function mount(listing: LibraryListing, selected: number | null = null) {
  act(() => render(<LibraryPane listing={listing} selected={selected} onSelect={() => {}} onImport={() => {}} importing={false} />, root()));
  await act(settle);
}
const meetingsShown = () => root().querySelectorAll("[data-testid=meeting]").length;

describe("The library pane", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.live = [];
  });

  it("renders a large library a screenful at a time, and more as the end comes near", async () => {
    setBackend(fakeBackend());
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    await mount(big);
    expect(meetingsShown()).toBe(6); // 30 rows: a screenful
    expect(root().textContent).not.toContain("Document 5000");
    act(() => FakeObserver.live[0]!.fire());
    await act(settle);
    expect(meetingsShown()).toBe(38); // 190 rows
    for (let i = 0; i < 5; i++) {
      act(() => FakeObserver.live[0]?.fire());
      await act(settle);
    }
    expect(meetingsShown()).toBe(100);
    expect(root().textContent).toContain("Document 5000");
    expect(FakeObserver.live).toHaveLength(0); // everything shown: nothing left to watch
  });

  it("renders a document opened from elsewhere, however far down", async () => {
    setBackend(fakeBackend());
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    await mount(big, 901);
    expect(root().querySelector("[data-testid='doc-901.txt']")?.getAttribute("aria-current")).toBe("true");
  });

  it("marks each title with its document's language, so Chinese takes simplified glyphs", async () => {
    setBackend(fakeBackend());
    const zh = { ...doc(11, 1), language: "zh", title: "临时议程说明" };
    await mount({ meetings: [{ ...meeting(1), body: "工作组", documents: [zh, doc(12, 1)] }], unfiled: [] });
    const titles = [...root().querySelectorAll(".doc-title")].map((e) => [e.textContent, e.getAttribute("lang")]);
    expect(titles).toEqual([
      ["临时议程说明", "zh-Hans"],
      ["Document 12", "en"],
    ]);
    expect(root().querySelector("h3")!.getAttribute("lang")).toBe("zh-Hans");
  });

  it("asks for what a meeting cites only when its list is opened", async () => {
    const fake = fakeBackend({
      references: [
        { symbol: "X/1/7", title: "Background paper", document_id: null },
        { symbol: "X/1/10", title: null, document_id: 10 },
      ],
    });
    setBackend(fake);
    await mount({ meetings: [meeting(1)], unfiled: [] });
    expect(root().querySelector("[data-testid=missing-count]")!.textContent).toContain("1 / 2");
    expect(fake.calls.filter((c) => c.name === "meetingReferences")).toHaveLength(0);
    const details = root().querySelector<HTMLDetailsElement>("details.meeting-refs")!;
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event("toggle"));
    });
    await act(settle);
    expect(fake.calls.filter((c) => c.name === "meetingReferences").map((c) => c.args)).toEqual([[1]]);
    const list = root().querySelector("[data-testid=meeting-references]")!;
    expect(list.querySelector(".missing")!.textContent).toContain("X/1/7");
    expect(list.querySelector(".symbol-link")!.textContent).toBe("X/1/10");
  });

  it("filters the other documents too, not only the meetings' ones", async () => {
    const listing = { meetings: [meeting(1)], unfiled: [{ ...doc(5000, 0), title: "Note verbale" }] };
    setBackend(fakeBackend({ listing }));
    await mount(listing);
    const filter = async (text: string) => {
      const input = root().querySelector<HTMLInputElement>("input[type=search]")!;
      input.value = text;
      act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
      // The query waits for a pause in typing.
      await act(() => new Promise((r) => setTimeout(r, 200)));
      await act(settle);
    };
    await filter("Body 1");
    expect(root().textContent).not.toContain("Note verbale");
    expect(root().textContent).not.toContain("Other documents");
    await filter("verbale");
    expect(root().textContent).toContain("Note verbale");
    expect(meetingsShown()).toBe(0);
    expect(root().textContent).not.toContain("No document matches");
  });
});
