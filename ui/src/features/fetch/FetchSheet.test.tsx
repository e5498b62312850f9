import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { FetchPlan, FetchResult, LibraryListing } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import type { Fake } from "../../test/fakeBackend";
import { setLang } from "../../i18n";
import { LibraryPane } from "../library/LibraryPane";
import { resetFetchRun, useFetchEvents } from "./fetchRun";

const root = mountPoint();

const listing: LibraryListing = {
  meetings: [
    {
      id: 7, key: "symbol:cac/cosp/wg.2/2024", body: "Working Group", parent_body: null, session: "15th", venue: "Vienna",
      dates: { start: "2024-06-12", end: "2024-06-14" }, time_zone: null, zone_source: "venue",
      documents: [{
        id: 70, series: "s70", version: 1, versions: 1, latest: true, file: "agenda.zh.txt", kind: "agenda", language: "zh",
        symbol: "CAC/COSP/WG.2/2024/1", suggested_symbol: null, user_symbol: null, title: "临时议程", body: "Working Group", session: null,
        venue: "Vienna", dates: { start: "2024-06-12", end: "2024-06-14" }, ingested_at: "", meeting_id: 7,
      }],
      reference_count: 3, missing_count: 2,
    },
  ],
  unfiled: [],
};

const target = (symbol: string, language: string, held: boolean) => ({ symbol, language, document_id: held ? 70 : null, lacking: held ? [] : ["docx" as const, "pdf" as const] });
const plan: FetchPlan = {
  meeting_id: 7, languages: ["zh"], formats: "word_else_pdf", missing: 2,
  targets: [target("CAC/COSP/WG.2/2024/1", "zh", true), target("CAC/COSP/WG.2/2024/2", "zh", false), target("CAC/COSP/2023/10", "zh", false)],
};
const result = (symbol: string, language: string, outcome: FetchResult["outcome"], over: Partial<FetchResult> = {}): FetchResult => ({
  symbol, language, outcome, document_id: null, formats: [], detail: null, ...over,
});

/** The pane as the window holds it: App listens for the fetch's events. */
function Window({ onArrived }: { onArrived: () => void }) {
  useFetchEvents(onArrived);
  return <LibraryPane listing={listing} selected={null} onSelect={() => {}} onImport={() => {}} importing={false} />;
}

// The sheet is over the whole window (a portal into the body).
const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid=${id}]`);
const click = async (el: HTMLElement | null) => {
  if (!el) throw new Error("no such element");
  act(() => el.click());
  await act(settle);
};

async function openReferences(fake: Fake, arrived: { n: number }) {
  setBackend(fake);
  act(() => render(<Window onArrived={() => (arrived.n += 1)} />, root()));
  await act(settle);
  const details = root().querySelector("details.meeting-refs") as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
  });
  await act(settle);
}

describe("Get missing documents", () => {
  afterEach(() => {
    resetFetchRun();
    setLang("en");
  });

  it("counts what the meeting lacks in the saved languages, fetches it with progress, and reports each outcome", async () => {
    const fake = fakeBackend({ listing, fetchPlan: plan, fetchSettings: { languages: ["zh"], formats: "word_else_pdf" } });
    const arrived = { n: 0 };
    await openReferences(fake, arrived);
    expect(q("fetch-missing")?.textContent).toBe("Get missing documents (2)");
    await click(q("fetch-missing"));
    expect(q("fetch-sheet")).not.toBeNull();
    expect((q("fetch-lang-zh") as HTMLInputElement).checked).toBe(true);
    expect((q("fetch-lang-en") as HTMLInputElement).checked).toBe(false);
    expect(q("fetch-lacking")?.textContent).toBe("Lacking in these languages: 2 of 3");
    expect(document.querySelector(".fetch-targets")?.textContent).toContain("CAC/COSP/WG.2/2024/2");

    // English too, and both files: saved with the fetch, and asked for.
    await click(q("fetch-lang-en"));
    await click(q("fetch-files-both"));
    await click(q("fetch-start"));
    expect(fake.calls.find((c) => c.name === "setFetchSettings")?.args).toEqual([{ languages: ["zh", "en"], formats: "both" }]);
    expect(fake.calls.find((c) => c.name === "fetchMissing")?.args).toEqual([7, ["zh", "en"], "both"]);
    expect(q("fetch-start")).toBeNull();
    expect((document.querySelector("[data-testid=fetch-lang-fr]") as HTMLInputElement).disabled || document.querySelector("fieldset")?.disabled).toBe(true);

    act(() => fake.fetchStep(1, 3, result("CAC/COSP/WG.2/2024/2", "zh", "fetched", { document_id: 71, formats: ["docx", "pdf"] })));
    await act(settle);
    expect(q("fetch-progress")?.textContent).toBe("Fetching 1 of 3…");
    expect(arrived.n).toBe(1); // the listing reloads: readable at once
    act(() => fake.fetchStep(2, 3, result("CAC/COSP/2023/10", "zh", "not_found")));
    act(() => fake.fetchStep(3, 3, result("CAC/COSP/2023/10", "en", "failed", { detail: "HTTP 503 three times" })));
    await act(settle);
    expect(arrived.n).toBe(1);
    act(() =>
      fake.fetchFinished({
        results: [
          result("CAC/COSP/WG.2/2024/2", "zh", "fetched", { document_id: 71, formats: ["docx", "pdf"] }),
          // Final: English arrived elsewhere, so Chinese is not published.
          result("CAC/COSP/2023/10", "zh", "not_in_language"),
          result("CAC/COSP/2023/10", "en", "failed", { detail: "HTTP 503 three times" }),
        ],
        stopped: null, stop_reason: null, still_queued: 0,
      }),
    );
    await act(settle);
    expect(arrived.n).toBe(2);
    const lines = [...document.querySelectorAll("[data-testid=fetch-results] li")].map((li) => [li.getAttribute("data-symbol"), li.getAttribute("data-language"), li.getAttribute("data-outcome")]);
    // What needs attention first, then what arrived, then the rest.
    expect(lines).toEqual([
      ["CAC/COSP/2023/10", "en", "failed"],
      ["CAC/COSP/WG.2/2024/2", "zh", "fetched"],
      ["CAC/COSP/2023/10", "zh", "not_in_language"],
    ]);
    const text = q("fetch-results")?.textContent ?? "";
    expect(text).toContain("CAC/COSP/WG.2/2024/2 ZH · fetched (Word, PDF)");
    expect(text).toContain("not published in this language");
    expect(text).toContain("HTTP 503 three times");
    expect(q("fetch-summary")?.textContent).toBe("Fetched: 1 · not in this language: 1 · do not exist: 0 · failed: 1 · already in the library: 0");
    expect(q("fetch-stopped")).toBeNull();
  });

  it("says plainly when the service cannot be reached, and how many stay queued; Stop cancels", async () => {
    const fake = fakeBackend({ listing, fetchPlan: plan });
    await openReferences(fake, { n: 0 });
    await click(q("fetch-missing"));
    // Nothing saved yet: the meeting's own language is chosen.
    expect((q("fetch-lang-zh") as HTMLInputElement).checked).toBe(true);
    await click(q("fetch-start"));
    await click(q("fetch-cancel"));
    expect(fake.calls.some((c) => c.name === "cancelFetch")).toBe(true);
    act(() =>
      fake.fetchFinished({
        results: [result("CAC/COSP/WG.2/2024/2", "zh", "failed", { detail: "offline: cannot reach documents.un.org; still queued" })],
        stopped: "offline", stop_reason: "offline: cannot reach documents.un.org", still_queued: 2,
      }),
    );
    await act(settle);
    expect(q("fetch-stopped")?.textContent).toBe("Offline: documents.un.org cannot be reached. Try again once connected. Still queued: 2");
    expect(q("fetch-start")).not.toBeNull();
  });

  it("offers to resume a fetch left queued when nothing more is lacking, in the UI's language", async () => {
    setLang("zh");
    const fake = fakeBackend({ listing, fetchPlan: { ...plan, missing: 0, targets: [target("CAC/COSP/WG.2/2024/1", "zh", true)] }, fetchQueued: 4 });
    await openReferences(fake, { n: 0 });
    expect(q("fetch-missing")?.textContent).toBe("获取缺少的文件（0）");
    await click(q("fetch-missing"));
    expect(q("fetch-lacking")?.textContent).toBe("这些语文中没有缺少的文件。");
    expect(q("fetch-queued")?.textContent).toBe("仍在队列中：4");
    expect(q("fetch-start")?.textContent).toBe("继续队列中的获取");
    await click(q("fetch-start"));
    expect(fake.calls.some((c) => c.name === "resumeFetch")).toBe(true);
    expect(fake.calls.some((c) => c.name === "fetchMissing")).toBe(false);
  });

  it("cannot start without a language", async () => {
    const fake = fakeBackend({ listing, fetchPlan: plan, fetchSettings: { languages: ["zh"], formats: "word_else_pdf" } });
    await openReferences(fake, { n: 0 });
    await click(q("fetch-missing"));
    await click(q("fetch-lang-zh"));
    expect((q("fetch-start") as HTMLButtonElement).disabled).toBe(true);
    expect(q("fetch-sheet")?.textContent).toContain("Choose at least one language.");
  });
});
