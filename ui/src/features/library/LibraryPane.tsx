import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { DocumentRecord, LibraryListing, MeetingReference, QueryResult } from "../../ipc";
import { t, tf, tp } from "../../i18n";
import { meetingRows, narrowListing, narrowUnfiled, withinBudget } from "./group";
import { LibraryQueryBar, isNarrowed, savedView, saveView } from "./LibraryQueryBar";
import type { LibraryView } from "./LibraryQueryBar";
import { TrashPanel } from "./TrashPanel";
import { ReferencesExport } from "../reader/citations";
import { formatDateRange } from "../../i18n/format";
import { textAttrs } from "../../contentLang";
import { FetchSheet } from "../fetch/FetchSheet";
import { useFetchRun } from "../fetch/fetchRun";

/** Rows rendered at first (a screenful, about 1,400 px, even on a tall
 *  display), and added each time the end of the list scrolls near: a library
 *  of thousands of documents opens as fast as a small one. */
const FIRST_ROWS = 30;
const MORE_ROWS = 160;

interface Props {
  listing: LibraryListing | null;
  selected: number | null;
  onSelect: (id: number) => void;
  onImport: (folder: boolean) => void;
  importing: boolean;
  /** Back up and restore, at the foot of the list. */
  footer?: ComponentChildren;
  /** Something came back from the trash: the listing reloads. */
  onRestored?: () => void;
}

export function LibraryPane({ listing, selected, onSelect, onImport, importing, footer, onRestored }: Props) {
  const [filter, setFilter] = useState("");
  const [view, setViewState] = useState<LibraryView>(savedView);
  const setView = (v: LibraryView) => {
    saveView(v);
    setViewState(v);
  };
  // The core filters, sorts and counts (library/query.rs); the pane shows
  // its answer grouped by meeting, or as one sorted list.
  const [result, setResult] = useState<QueryResult | null>(null);
  useEffect(() => {
    if (!listing) return;
    let live = true;
    const ask = () =>
      api
        .queryLibrary({ filter, sort: view.sort === "meeting" ? "date" : view.sort, body: view.body, year: view.year, kind: view.kind, language: view.language, limit: null })
        .then((r) => live && setResult(r))
        .catch(() => live && setResult(null));
    // Typing waits for a pause; everything else asks at once.
    const timer = setTimeout(() => void ask(), filter ? 120 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [listing, filter, view]);
  const narrowed = isNarrowed(filter, view);
  const ids = useMemo(() => (narrowed && result ? new Set(result.documents.map((d) => d.id)) : null), [narrowed, result]);
  const flat = view.sort !== "meeting";
  const meetings = useMemo(() => (listing && !flat ? narrowListing(listing, ids) : []), [listing, ids, flat]);
  const unfiled = useMemo<DocumentRecord[]>(() => (listing ? (flat ? (result?.documents ?? []) : narrowUnfiled(listing.unfiled, ids)) : []), [listing, ids, flat, result]);
  const empty = listing !== null && listing.meetings.length === 0 && listing.unfiled.length === 0;
  // Without IntersectionObserver (unit tests) everything is rendered at once.
  const windowed = typeof IntersectionObserver !== "undefined";
  const [budget, setBudget] = useState(windowed ? FIRST_ROWS : Infinity);
  useEffect(() => {
    if (windowed) setBudget(FIRST_ROWS);
  }, [filter, view, windowed]);
  // A document opened from elsewhere (search, a cross-link) is rendered, even far down.
  useEffect(() => {
    if (selected === null || !listing) return;
    let rows = 0;
    for (const v of meetings) {
      rows += meetingRows(v);
      if (v.documents.some((d) => d.id === selected)) break;
    }
    if (unfiled.some((d) => d.id === selected)) rows += unfiled.length + 1;
    setBudget((b) => Math.max(b, rows));
  }, [selected, listing, meetings, unfiled]);
  const shown = useMemo(() => withinBudget(meetings, unfiled, budget), [meetings, unfiled, budget]);
  const nav = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!windowed || shown.complete || !end.current) return;
    // A new observer reports at once whether the end is (still) near.
    const io = new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && setBudget((b) => b + MORE_ROWS), {
      root: nav.current,
      rootMargin: "600px",
    });
    io.observe(end.current);
    return () => io.disconnect();
  }, [shown, windowed]);
  return (
    <nav class="library" aria-label={t("library")} ref={nav}>
      <header>
        <div class="row">
          <h2>{t("library")}</h2>
          <div class="import-buttons">
            <button onClick={() => onImport(false)} disabled={importing} data-testid="import-files" title={t("importHint")}>
              {t("importFiles")}
            </button>
            <button onClick={() => onImport(true)} disabled={importing} class="secondary" title={t("importHint")}>
              {t("importFolder")}
            </button>
          </div>
        </div>
        <input
          type="search"
          placeholder={t("filter")}
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          aria-label={t("filter")}
          data-testid="library-filter"
        />
        <LibraryQueryBar view={view} onView={setView} facets={result?.facets ?? null} />
        {result && (
          <p class="hint library-count" data-testid="library-count" aria-live="polite">
            {tp("nDocuments", result.total)}
          </p>
        )}

      </header>
      {listing === null && <p class="state">{t("loading")}</p>}
      {empty && (
        <div class="state">
          <p>{t("emptyLibrary")}</p>
          <p class="hint">{t("importHint")}</p>
        </div>
      )}
      {listing !== null && !empty && meetings.length === 0 && unfiled.length === 0 && <p class="state">{t("noMatch")}</p>}
      {shown.meetings.map(({ meeting: m, documents, missing }) => (
        <section class="meeting" key={m.id} data-testid="meeting">
          <h3 title={m.parent_body ?? m.body ?? ""} {...(m.body ? textAttrs(documents[0]?.language) : {})}>
            {m.body ?? t("unknownBody")}
          </h3>
          <p class="meeting-meta">
            {[m.session, m.venue].some(Boolean) && <span {...textAttrs(documents[0]?.language)}>{[m.session, m.venue].filter(Boolean).join(" · ")}</span>}
            {[m.session, m.venue].some(Boolean) && m.dates && " · "}
            {formatDateRange(m.dates)}
          </p>
          <ul>
            {documents.map((e) => (
              <li key={e.id}>
                <button
                  class={e.id === selected ? "doc selected" : "doc"}
                  onClick={() => onSelect(e.id)}
                  aria-current={e.id === selected}
                  data-testid={`doc-${e.file}`}
                >
                  <span class={`kind kind-${e.kind}`}>{t(`kind_${e.kind}`)}</span>
                  <span class="doc-title" {...textAttrs(e.language)}>
                    {e.title}
                  </span>
                  <span class="doc-meta">
                    {e.language.toUpperCase()} ·{" "}
                    {e.symbol ?? e.user_symbol ?? (e.suggested_symbol ? `${t("suggested")} ${e.suggested_symbol}` : t("symbolNotPrinted"))}
                    {e.versions > 1 && ` · ${t("version")} ${e.version}/${e.versions}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {m.reference_count > 0 && (
            <References meeting={m.id} count={m.reference_count} missing={missing} listing={listing} onSelect={onSelect} />
          )}
        </section>
      ))}
      {shown.unfiled.length > 0 && (
        <section class="meeting">
          <h3>{flat ? t(`sort_${view.sort}`) : t("otherDocuments")}</h3>
          <ul>
            {shown.unfiled.map((e) => (
              <li key={e.id}>
                <button class={e.id === selected ? "doc selected" : "doc"} onClick={() => onSelect(e.id)} data-testid={`doc-${e.file}`}>
                  <span class={`kind kind-${e.kind}`}>{t(`kind_${e.kind}`)}</span>
                  <span class="doc-title" {...textAttrs(e.language)}>
                    {e.title}
                  </span>
                  <span class="doc-meta">
                    {e.language.toUpperCase()} · {e.symbol ?? e.user_symbol ?? e.file}
                    {flat && e.body && (
                      <>
                        {" · "}
                        <span {...textAttrs(e.language)}>{e.body}</span>
                      </>
                    )}
                    {flat && e.dates && ` · ${formatDateRange(e.dates)}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!shown.complete && <div ref={end} class="list-end" aria-hidden="true" />}
      {listing !== null && <TrashPanel listing={listing} onRestored={onRestored} />}
      {result && result.documents.length > 0 && (
        <div class="library-references">
          <ReferencesExport documents={result.documents.map((d) => d.id)} label={t("referencesShown")} />
        </div>
      )}
      {listing !== null && footer}
    </nav>
  );
}

/**
 * What the meeting's agendas cite: present ones open, missing ones can be
 * copied. The listing carries the counts; the list is asked for when opened,
 * and again when the library changes while it is open.
 */
function References(props: {
  meeting: number;
  count: number;
  missing: number;
  listing: LibraryListing | null;
  onSelect: (id: number) => void;
}) {
  const { meeting, count, missing, listing, onSelect } = props;
  const [open, setOpen] = useState(false);
  const [refs, setRefs] = useState<MeetingReference[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // How many documents in the chosen languages the meeting lacks (the
  // languages are chosen once, in the fetch sheet).
  const [lacking, setLacking] = useState<number | null>(null);
  const [fetching, setFetching] = useState(false);
  const run = useFetchRun();
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.meetingReferences(meeting).then(
      (r) => live && (setRefs(r), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    api
      .fetchSettings()
      .then((s) => api.fetchPlan(meeting, s.languages, s.formats))
      .then(
        (p) => live && setLacking(p.missing),
        () => live && setLacking(null),
      );
    return () => {
      live = false;
    };
  }, [open, meeting, listing]);
  const ours = run.running && run.meeting === meeting;
  return (
    <details class="meeting-refs" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary data-testid="missing-count">
        {missing > 0 ? `${t("missingDocs")}${t("colon")}${missing} / ${count}` : `${t("allReferencesPresent")} (${count})`}
      </summary>
      {open && error && <p class="error">{error}</p>}
      {open && !error && refs === null && <p class="hint">{t("loading")}</p>}
      {open && (
        <p class="fetch-open">
          <button class="secondary" onClick={() => setFetching(true)} data-testid="fetch-missing">
            {ours ? tf("fetchRunning", { done: run.done, total: run.total }) : tf("fetchButton", { count: lacking ?? "…" })}
          </button>
        </p>
      )}
      {fetching && <FetchSheet meeting={meeting} onSelect={onSelect} onClose={() => setFetching(false)} />}
      {open && refs && (
        <ul data-testid="meeting-references">
          {refs.map((r) =>
            r.document_id !== null ? (
              <li key={r.symbol}>
                <button class="symbol-link" onClick={() => onSelect(r.document_id!)}>
                  {r.symbol}
                </button>{" "}
                <span dir="auto">{r.title ?? ""}</span>
              </li>
            ) : (
              <li key={r.symbol} class="missing">
                <code class="symbol">{r.symbol}</code>{" "}
                <button class="link" onClick={() => void navigator.clipboard?.writeText(r.symbol)} title={t("copySymbol")}>
                  {t("copy")}
                </button>{" "}
                <span dir="auto">{r.title ?? ""}</span>
              </li>
            ),
          )}
        </ul>
      )}
    </details>
  );
}
