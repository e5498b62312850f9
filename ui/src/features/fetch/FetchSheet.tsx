import { useEffect, useState } from "preact/hooks";
import { createPortal } from "preact/compat";
import { api } from "../../ipc";
import type { FetchFormats, FetchOutcome, FetchPlan, FetchReport, FetchResult, FetchStop } from "../../ipc";
import { LANGUAGES, t, tf } from "../../i18n";
import type { TextKey } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { Sheet } from "../../Sheet";
import { cancelFetch, resumeFetch, startFetch, useFetchRun } from "./fetchRun";

const OUTCOME: Record<FetchOutcome, TextKey> = {
  fetched: "fetchOutcomeFetched",
  not_in_language: "fetchOutcomeNotInLanguage",
  not_found: "fetchOutcomeNotFound",
  failed: "fetchOutcomeFailed",
  skipped: "fetchOutcomeSkipped",
};

const RANK: Record<FetchOutcome, number> = { failed: 0, fetched: 1, not_in_language: 2, not_found: 3, skipped: 4 };

/** The files fetched: one to read, or the PDF as well for the page view. */
const FILES: { value: FetchFormats; label: TextKey }[] = [
  { value: "word_else_pdf", label: "fetchWordElsePdf" },
  { value: "both", label: "fetchBoth" },
];

/**
 * "Get missing documents": the languages and files (chosen once, kept for
 * every meeting), what the meeting lacks in them, and the fetch itself with
 * its progress, each document's outcome and how it ended. The sheet can be
 * closed while the fetch goes on; the meeting's button shows how far it is.
 */
export function FetchSheet({ meeting, onSelect, onClose }: { meeting: number; onSelect: (id: number) => void; onClose: () => void }) {
  const run = useFetchRun();
  const [languages, setLanguages] = useState<string[] | null>(null);
  const [formats, setFormats] = useState<FetchFormats>("word_else_pdf");
  const [plan, setPlan] = useState<FetchPlan | null>(null);
  const [queued, setQueued] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The saved choice; none yet: the languages of the meeting's own documents.
  useEffect(() => {
    let live = true;
    api
      .fetchSettings()
      .then(async (s) => {
        const f = s.formats === "both" ? "both" : "word_else_pdf";
        const chosen = s.languages.length > 0 ? s.languages : (await api.fetchPlan(meeting, [], f)).languages;
        if (!live) return;
        setFormats(f);
        setLanguages(chosen);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [meeting]);
  // What is lacking in that choice, again whenever a fetch ends.
  useEffect(() => {
    if (languages === null) return;
    let live = true;
    api.fetchPlan(meeting, languages, formats).then(
      (p) => live && (setPlan(p), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    api.fetchStatus().then(
      (s) => live && setQueued(s.queued),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [meeting, languages, formats, run.report]);
  const toggle = (code: string) => setLanguages((l) => (l === null ? [code] : l.includes(code) ? l.filter((c) => c !== code) : LANGUAGES.map((x) => x.code).filter((c) => c === code || l.includes(c))));
  const lacking = plan?.targets.filter((x) => x.lacking.length > 0) ?? [];
  const ours = run.meeting === meeting || run.running;
  // The report's outcomes are final (a "does not exist" can become "not in
  // this language" once another language of it arrived); the steps come first.
  // What needs attention first, then what arrived, then the rest.
  const results = [...(ours ? (run.report?.results ?? run.results) : [])].sort((a, b) => RANK[a.outcome] - RANK[b.outcome]);
  const canStart = !run.running && languages !== null && languages.length > 0 && (lacking.length > 0 || queued > 0);
  // Over the whole window, not inside the library pane it is opened from.
  return createPortal(
    <Sheet title={t("fetchTitle")} testId="fetch-sheet" onClose={onClose}>
      <p class="hint">{t("fetchIntro")}</p>
      {error && <p class="error">{error}</p>}
      <fieldset class="fetch-choice" disabled={run.running}>
        <legend>{t("fetchLanguages")}</legend>
        {LANGUAGES.map((l) => (
          <label key={l.code} lang={l.code}>
            <input type="checkbox" checked={languages?.includes(l.code) ?? false} onChange={() => toggle(l.code)} data-testid={`fetch-lang-${l.code}`} /> {l.name}
          </label>
        ))}
        <p class="hint">{t("fetchLanguagesHint")}</p>
      </fieldset>
      <fieldset class="fetch-choice" disabled={run.running}>
        <legend>{t("fetchFiles")}</legend>
        {FILES.map((f) => (
          <label key={f.value}>
            <input type="radio" name="fetch-files" checked={formats === f.value} onChange={() => setFormats(f.value)} data-testid={`fetch-files-${f.value}`} /> {t(f.label)}
          </label>
        ))}
      </fieldset>
      {languages !== null && languages.length === 0 && <p class="hint">{t("fetchNoLanguages")}</p>}
      {plan && languages !== null && languages.length > 0 && (
        <>
          <p data-testid="fetch-lacking">{lacking.length > 0 ? tf("fetchLacking", { count: lacking.length, total: plan.targets.length }) : t("fetchNothingLacking")}</p>
          {lacking.length > 0 && !run.running && results.length === 0 && (
            <ul class="fetch-targets">
              {lacking.map((x) => (
                <li key={`${x.symbol}/${x.language}`}>
                  <code class="symbol">{x.symbol}</code> {x.language.toUpperCase()}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {queued > 0 && !run.running && <p class="hint" data-testid="fetch-queued">{tf("fetchQueued", { count: queued })}</p>}
      <div class="row fetch-actions">
        {run.running ? (
          <>
            <progress value={run.done} max={Math.max(run.total, 1)} aria-label={t("fetchTitle")} />
            <span aria-live="polite" data-testid="fetch-progress">
              {tf("fetchRunning", { done: run.done, total: run.total })}
            </span>
            <button onClick={cancelFetch} data-testid="fetch-cancel">
              {t("fetchCancel")}
            </button>
          </>
        ) : (
          <button
            class="primary"
            disabled={!canStart}
            data-testid="fetch-start"
            onClick={() => void (lacking.length > 0 && languages ? startFetch(meeting, languages, formats) : resumeFetch(meeting))}
          >
            {lacking.length > 0 ? tf("fetchStart", { count: lacking.length }) : t("fetchResume")}
          </button>
        )}
      </div>
      {ours && run.error && <p class="error">{run.error}</p>}
      {ours && run.report && <Ending report={run.report} />}
      {results.length > 0 && (
        <ul class="fetch-results" data-testid="fetch-results">
          {results.map((r) => (
            <Outcome
              key={`${r.symbol}/${r.language}`}
              result={r}
              onSelect={(id) => {
                onClose();
                onSelect(id);
              }}
            />
          ))}
        </ul>
      )}
    </Sheet>,
    document.body,
  );
}

function Outcome({ result: r, onSelect }: { result: FetchResult; onSelect: (id: number) => void }) {
  const openable = r.document_id !== null && (r.outcome === "fetched" || r.outcome === "skipped");
  return (
    <li data-outcome={r.outcome} data-symbol={r.symbol} data-language={r.language}>
      {openable ? (
        <button class="symbol-link" onClick={() => onSelect(r.document_id!)}>
          {r.symbol}
        </button>
      ) : (
        <code class="symbol">{r.symbol}</code>
      )}{" "}
      {r.language.toUpperCase()} · <span class={`fetch-outcome outcome-${r.outcome}`}>{t(OUTCOME[r.outcome])}</span>
      {r.formats.length > 0 && ` (${r.formats.map((f) => (f === "docx" ? "Word" : "PDF")).join(", ")})`}
      {r.outcome === "failed" && r.detail && (
        <span class="hint" dir="ltr">
          {" "}
          — {r.detail}
        </span>
      )}
    </li>
  );
}

/** How the fetch ended: the counts, and why it stopped early if it did. */
function Ending({ report }: { report: FetchReport }) {
  const count = (o: FetchOutcome) => report.results.filter((r) => r.outcome === o).length;
  const why: Record<FetchStop, TextKey> = { offline: "fetchOffline", out_of_time: "fetchOutOfTime", cancelled: "fetchCancelled" };
  return (
    <div class="fetch-ending" data-testid="fetch-summary" role="status">
      <p>
        {tf("fetchSummary", {
          fetched: count("fetched"),
          notInLanguage: count("not_in_language"),
          notFound: count("not_found"),
          failed: count("failed"),
          skipped: count("skipped"),
        })}
      </p>
      {report.stopped && (
        <p class={report.stopped === "cancelled" ? "hint" : "error"} data-testid="fetch-stopped">
          {t(why[report.stopped])}
          {report.still_queued > 0 && ` ${tf("fetchQueued", { count: report.still_queued })}`}
        </p>
      )}
      {!report.stopped && report.stop_reason && <p class="error">{report.stop_reason}</p>}
    </div>
  );
}
