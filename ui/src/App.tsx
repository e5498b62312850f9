import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api } from "./ipc";
import type { IndexStatus, IngestProgress, IngestReport, LibraryListing, SearchHit, StoredDocument } from "./ipc";
import { LANGUAGES, lang, langTag, setLang, t, tf } from "./i18n";
import { errorText } from "./i18n/errors";
import type { Lang } from "./i18n";
import { LibraryPane } from "./features/library/LibraryPane";
import { symbolIndex, symbolKey } from "./features/library/group";
import { ImportStatus } from "./features/import/ImportStatus";
import { SearchPanel } from "./features/search/SearchPanel";
import { Reader } from "./features/reader/Reader";
import type { Focus } from "./features/reader/Reader";
import type { SymbolLinks } from "./features/reader/links";
import type { AgendaEntry, Bookmark, Note } from "./ipc";
import { MyAgenda } from "./features/personal/MyAgenda";
import { BookmarksList } from "./features/personal/BookmarksList";
import { LibraryNotes } from "./features/personal/LibraryNotes";
import type { TimeMode } from "./features/schedule/time";
import { Splitter, isRtl, usePaneWidths } from "./features/reader/panes";
import { startupMark, startupMarks } from "./startup";
import { BackupFooter, BackupStatus, useBackup } from "./features/backup/backup";
import { useMenuActions } from "./menu";
import { cyclePane } from "./keyboard";
import { ShortcutsSheet } from "./ShortcutsSheet";
import { AboutSheet } from "./AboutSheet";
import { formatCount } from "./i18n/format";
import { indexState } from "./features/search/indexState";
import { Welcome, rememberWelcome, welcomeDismissed } from "./Welcome";
import { ErrorBoundary } from "./ErrorBoundary";
import { THEMES, setTheme, theme } from "./theme";
import type { ThemeChoice } from "./theme";
import { EMPTY_HISTORY, goBack, goForward, placeIn, placeToReopen, rememberPlace, visit, windowTitle } from "./features/reader/navigation";
import type { History, Place } from "./features/reader/navigation";
import type { Location } from "./ipc";

type Tab = "library" | "agenda" | "bookmarks" | "notes";
const TABS: Tab[] = ["library", "agenda", "bookmarks", "notes"];

/** The tab an arrow key (or Home / End) moves to from `tab`, round the ends;
 *  in right to left the tabs are mirrored, so ArrowLeft is the next one. */
function tabAfterKey(tab: Tab, key: string, rtl: boolean): Tab | null {
  const at = TABS.indexOf(tab);
  const step = key === "ArrowRight" ? (rtl ? -1 : 1) : key === "ArrowLeft" ? (rtl ? 1 : -1) : 0;
  if (key === "Home") return TABS[0]!;
  if (key === "End") return TABS[TABS.length - 1]!;
  if (step === 0) return null;
  return TABS[(at + step + TABS.length) % TABS.length]!;
}

/** Back (Alt+←, ⌘[) or forward (Alt+→, ⌘]); Alt with an arrow is the
 *  field's own in a text field (a word left or right on macOS). */
function isHistoryKey(e: KeyboardEvent, typing: boolean): boolean {
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) return !typing;
  return e.metaKey && !e.altKey && !e.ctrlKey && (e.key === "[" || e.key === "]");
}

/** `firstListing`: the listing asked for before the first render (main.tsx),
 *  so the backend reads the library while the page is still being laid out. */
export function App({ firstListing }: { firstListing?: Promise<LibraryListing> } = {}) {
  const [, rerender] = useState(0);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [docError, setDocError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [stored, setStored] = useState<StoredDocument | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  // The words a search matched, marked in the reader until the search is closed again.
  const [marks, setMarks] = useState<string[]>([]);
  const [searching, setSearching] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showAbout, setShowAbout] = useState(false);
  const [indexStatus, setIndexStatus] = useState<IndexStatus | null>(null);
  const [showWelcome, setShowWelcome] = useState(() => !welcomeDismissed());
  // A promise that failed with no one to hear it (a bug): said, not swallowed.
  const [unexpected, setUnexpected] = useState<string | null>(null);
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => setUnexpected(errorText(e.reason));
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, []);
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  const [report, setReport] = useState<IngestReport | null>(null);
  const [dropHover, setDropHover] = useState(false);
  const progressSeen = useRef(false);
  const [tab, setTab] = useState<Tab>("library");
  const [version, setVersion] = useState(0);
  // Notes and bookmarks changed in the reader: the side lists reload, not the document.
  const [marksVersion, setMarksVersion] = useState(0);
  const marksChanged = useCallback(() => setMarksVersion((v) => v + 1), []);
  const [mode, setModeState] = useState<TimeMode>(() => (globalThis.localStorage?.getItem("dossier.timeMode") === "local" ? "local" : "venue"));
  const setMode = (m: TimeMode) => {
    globalThis.localStorage?.setItem("dossier.timeMode", m);
    setModeState(m);
  };
  const [sideWidth, setSideWidth, resetSideWidth] = usePaneWidths("library", [300]);

  useEffect(() => lang.subscribe(() => rerender((n) => n + 1)), []);
  useEffect(() => theme.subscribe(() => rerender((n) => n + 1)), []);
  const pending = useRef(firstListing);
  // Only the latest request's listing is shown: an earlier one that answers
  // later (the first listing, read while the seeds were still coming in)
  // would show a library older than it is.
  const latestRequest = useRef(0);
  const load = useCallback(() => {
    const request = pending.current ?? api.listLibrary();
    pending.current = undefined;
    const mine = ++latestRequest.current;
    request.then(
      (l) => {
        if (mine !== latestRequest.current) return;
        setListing(l);
        setLibraryError(null);
      },
      (e: unknown) => {
        if (mine === latestRequest.current) setLibraryError(errorText(e));
      },
    );
  }, []);
  useEffect(load, [load]);
  // Once the first listing is on screen, the window is interactive: say so
  // (start-up time). Effects run after the browser has painted the render.
  const announced = useRef(false);
  useEffect(() => {
    if (listing === null || announced.current) return;
    announced.current = true;
    startupMark("listing-rendered");
    void api.uiReady(startupMarks()).catch(() => {});
  }, [listing]);

  // Imports started anywhere (button, drop, first-start seeds) report here.
  useEffect(() => {
    const stops = [
      api.onImportProgress((p) => {
        progressSeen.current = true;
        setReport(null);
        setProgress(p);
      }),
      api.onImportFinished((r) => {
        // The first-start seed import sends no progress: not news to the user unless it failed.
        if (progressSeen.current || r.results.some((x) => x.status === "failed")) setReport(r);
        progressSeen.current = false;
        setProgress(null);
        load();
      }),
      api.onDropHover(setDropHover),
      api.onIndexProgress((s) => {
        indexState.set(s);
        setIndexStatus(s);
      }),
    ];
    void api.indexStatus().then(
      (s) => {
        indexState.set(s);
        setIndexStatus(s);
      },
      () => {},
    );
    // Files the app was started with ("Open with Dossier") are imported now that progress can show.
    // Asked after the listeners above (the calls reach the shell in order):
    // its answer also reloads the listing, which then holds whatever the
    // first-start seed import finished before the page listened for it.
    api.importStartupFiles().then(
      (r) => {
        if (r) setReport(r);
        load();
      },
      (e: unknown) => setLibraryError(errorText(e)),
    );
    return () => stops.forEach((s) => s());
  }, [load]);

  // Where the reader is (the document open and the item, slot or paragraph
  // in it, as the reader reports it), and where it has been.
  const here = useRef<Place | null>(null);
  const [history, setHistory] = useState<History>(EMPTY_HISTORY);
  const historyNow = useRef(history);
  historyNow.current = history;
  /** Opens a document; `visiting`: a new place, so the one left can be gone back to. */
  const open = useCallback((id: number, f: Focus | null = null, visiting = true) => {
    const from = here.current;
    if (visiting && from && !(from.id === id && f === null)) setHistory((h) => visit(h, from));
    here.current = { id, location: placeIn(f?.location) };
    setFocus(f);
    setMarks(f?.marks ?? []);
    setSelected(id);
  }, []);
  const travel = useCallback(
    (way: "back" | "forward") => {
      const step = (way === "back" ? goBack : goForward)(historyNow.current, here.current);
      if (!step) return;
      setHistory(step.history);
      open(step.to.id, step.to.location ? { location: step.to.location, marks: [] } : null, false);
    },
    [open],
  );
  const travelNow = useRef(travel);
  travelNow.current = travel;
  useEffect(() => {
    if (selected === null) return;
    let current = true;
    setDocError(null);
    api.openDocument(selected).then(
      (d) => current && setStored(d),
      (e: unknown) => current && setDocError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [selected, version]);
  // The open document names the window, and is reopened at the next start
  // where the reader was in it.
  const shown = stored && stored.record.id === selected ? stored.record : null;
  const remember = useCallback((record: StoredDocument["record"] | null) => {
    const h = here.current;
    if (record && h && h.id === record.id) rememberPlace(h, record.series);
  }, []);
  useEffect(() => {
    if (selected !== null && shown === null) return; // still loading: the title stays
    remember(shown);
    void api.setWindowTitle(windowTitle(shown)).catch(() => {});
  }, [selected, shown, remember]);
  const placeChanged = useCallback(
    (id: number, location: Location | null) => {
      if (here.current?.id !== id) return;
      here.current = { id, location };
      remember(stored && stored.record.id === id ? stored.record : null);
    },
    [stored, remember],
  );
  // At start, the document last read, where it was left (when it is still in the library).
  const reopened = useRef(false);
  useEffect(() => {
    if (listing === null || reopened.current) return;
    reopened.current = true;
    if (selected !== null) return;
    const p = placeToReopen(listing);
    if (p) open(p.id, p.location ? { location: p.location, marks: [] } : null, false);
  }, [listing, selected, open]);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    load();
  }, [load]);
  const openSeries = (series: string, f: Focus | null) =>
    api.documentForSeries(series).then(
      (id) => open(id, f),
      (e: unknown) => setDocError(errorText(e)),
    );
  const openEntry = (e: AgendaEntry) => open(e.document_id, e.slot_index === null ? null : { location: { slot: e.slot_index }, marks: [] });
  const openBookmark = (b: Bookmark) => {
    const location =
      b.target === "item" ? { item: b.anchor } : b.target === "paragraph" ? { paragraph: Number(b.anchor) } : b.target === "slot" ? { slot: Number(b.anchor) } : null;
    void openSeries(b.series, location ? { location, marks: [] } : null);
  };
  const openNote = (n: Note) => {
    const p = n.anchor.passage;
    const location = p.startsWith("item:") ? { item: p.slice(5), note: n.id } : p.startsWith("para:") ? { paragraph: Number(p.slice(5)), note: n.id } : { note: n.id };
    if (n.document_id !== null) open(n.document_id, { location, marks: [] });
    else void openSeries(n.series, { location, marks: [] });
  };

  // Ctrl/Cmd+K or / opens search; F6 / Shift+F6 move between the panes
  // (not while the search dialog, which is modal, is open).
  const searchingNow = useRef(searching);
  searchingNow.current = searching || showShortcuts || showAbout;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if ((e.key === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        setSearching(true);
      } else if (e.key === "?" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setShowShortcuts(true);
      } else if (e.key === "F6" && !searchingNow.current) {
        e.preventDefault();
        cyclePane(e.shiftKey);
      } else if (!searchingNow.current && isHistoryKey(e, typing)) {
        e.preventDefault();
        travelNow.current(e.key === "ArrowLeft" || e.key === "[" ? "back" : "forward");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const symbols = useMemo(() => symbolIndex(listing), [listing]);
  const links: SymbolLinks = useMemo(
    () => ({ resolve: (s) => symbols.get(symbolKey(s)) ?? null, open: (id, f) => open(id, f ?? null) }),
    [symbols, open],
  );
  const importing = progress !== null;
  const startImport = (folder: boolean) => {
    setReport(null);
    api.pickAndImport(folder).catch((e: unknown) => setLibraryError(errorText(e)));
  };
  const backup = useBackup();
  // The File menu, whichever tab is open.
  useMenuActions({
    "import-files": () => startImport(false),
    "import-folder": () => startImport(true),
    backup: backup.backup,
    restore: backup.restore,
    shortcuts: () => setShowShortcuts(true),
    about: () => setShowAbout(true),
    welcome: () => {
      rememberWelcome(false);
      setShowWelcome(true);
      setSelected(null);
    },
  });
  const openHit = (hit: SearchHit) => {
    setSearching(false);
    open(hit.document.id, { location: hit.location, marks: hit.segments.filter((s) => s.hit).map((s) => s.text) });
  };
  const current = stored && stored.record.id === selected ? stored : null;

  return (
    <div class={dropHover ? "app drop-hover" : "app"}>
      <header class="topbar">
        <h1>{t("appName")}</h1>
        <nav class="history-nav" aria-label={t("navigation")}>
          <button class="header-button history-button" onClick={() => travel("back")} disabled={history.back.length === 0} aria-label={t("back")} title={`${t("back")} (Alt+←)`} data-testid="go-back">
            <span aria-hidden="true">←</span>
          </button>
          <button class="header-button history-button" onClick={() => travel("forward")} disabled={history.forward.length === 0} aria-label={t("forward")} title={`${t("forward")} (Alt+→)`} data-testid="go-forward">
            <span aria-hidden="true">→</span>
          </button>
        </nav>
        <button class="search-button" onClick={() => setSearching(true)} data-testid="open-search">
          {t("search")} <kbd>Ctrl K</kbd>
        </button>
        <button class="header-button" onClick={() => setShowShortcuts(true)} aria-label={t("shortcuts")} title={t("shortcuts")} data-testid="open-shortcuts">
          ?
        </button>
        <label class="lang">
          {t("theme")}{" "}
          <select value={theme.get()} onChange={(e) => setTheme((e.target as HTMLSelectElement).value as ThemeChoice)} data-testid="theme">
            {THEMES.map((c) => (
              <option value={c} key={c}>
                {t(c === "system" ? "themeSystem" : c === "light" ? "themeLight" : "themeDark")}
              </option>
            ))}
          </select>
        </label>
        <label class="lang">
          {t("language")}{" "}
          <select value={lang.get()} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Lang)} data-testid="lang">
            {LANGUAGES.map((l) => (
              <option value={l.code} key={l.code} lang={langTag(l.code)}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ImportStatus progress={progress} report={report} onDismiss={() => setReport(null)} />
      <BackupStatus backup={backup} />
      {indexStatus?.rebuilding && (
        <div class="import-status" role="status" data-testid="index-rebuilding">
          <span>{indexStatus.total > 0 ? tf("indexRebuilding", { done: formatCount(indexStatus.done), total: formatCount(indexStatus.total) }) : t("indexRebuildingStart")}</span>
          {indexStatus.total > 0 && <progress max={indexStatus.total} value={indexStatus.done} aria-label={t("indexRebuildingStart")} />}
        </div>
      )}
      {unexpected && (
        <div class="import-status has-failures" role="alert" data-testid="unexpected-error">
          <span>
            {t("unexpectedError")}
            {t("colon")}
            <bdi>{unexpected}</bdi>
          </span>
          <button class="link" onClick={() => setUnexpected(null)}>
            {t("dismiss")}
          </button>
        </div>
      )}
      {libraryError ? (
        <div class="error fatal" role="alert">
          <strong>{t("libraryUnavailable")}</strong>
          <p>{libraryError}</p>
          <button onClick={load}>{t("retry")}</button>
        </div>
      ) : (
        <main class="main">
          <aside class="sidebar" data-pane="sidebar" tabIndex={-1} aria-label={t("library")} style={{ width: `${sideWidth[0] ?? 300}px` }}>
            <div
              class="tabs"
              role="tablist"
              onKeyDown={(e) => {
                const next = tabAfterKey(tab, e.key, isRtl(e.currentTarget as HTMLElement));
                if (!next) return;
                e.preventDefault();
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {(
                [
                  ["library", t("library")],
                  ["agenda", t("myAgenda")],
                  ["bookmarks", t("bookmarks")],
                  ["notes", t("allNotes")],
                ] as [Tab, string][]
              ).map(([id, label]) => (
                <button
                  key={id}
                  id={`tab-${id}`}
                  role="tab"
                  aria-selected={tab === id}
                  aria-controls="sidebar-panel"
                  tabIndex={tab === id ? 0 : -1}
                  class={tab === id ? "tab on" : "tab"}
                  onClick={() => setTab(id)}
                  data-testid={`tab-${id}`}
                >
                  {label}
                </button>
              ))}
            </div>
            <div class="tab-panel" id="sidebar-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
              {tab === "library" && (
                <LibraryPane listing={listing} selected={selected} onSelect={(id) => open(id)} onImport={startImport} importing={importing} footer={<BackupFooter backup={backup} />} onRestored={load} />
              )}
              {tab === "agenda" && <MyAgenda version={version} mode={mode} onOpen={openEntry} />}
              {tab === "bookmarks" && <BookmarksList version={version + marksVersion} listing={listing} onOpen={openBookmark} />}
              {tab === "notes" && <LibraryNotes version={version + marksVersion} listing={listing} onOpen={openNote} onImported={changed} />}
            </div>
          </aside>
          <Splitter width={sideWidth[0] ?? 300} onResize={(w) => setSideWidth(0, w)} onReset={resetSideWidth} />
          <section class="content">
            {docError && (
              <div class="error" role="alert">
                <strong>{t("error")}</strong>
                <p>{docError}</p>
              </div>
            )}
            {!docError && selected === null &&
              (showWelcome ? (
                <Welcome
                  onImport={() => startImport(false)}
                  onDismiss={() => {
                    rememberWelcome(true);
                    setShowWelcome(false);
                  }}
                />
              ) : (
                <p class="state big">{t("selectDocument")}</p>
              ))}
            {!docError && selected !== null && current === null && <p class="state big">{t("loading")}</p>}
            {current && (
              <ErrorBoundary key={current.record.id} resetLabel={t("backToLibrary")} onReset={() => setSelected(null)}>
                <Reader
                  stored={current}
                  focus={focus}
                  marks={marks}
                  links={links}
                  mode={mode}
                  onMode={setMode}
                  onChanged={changed}
                  onAnnotationsChanged={marksChanged}
                  onPlace={(l) => placeChanged(current.record.id, l)}
                  onRemoved={(scope) => {
                    if (scope === "rendition") return changed();
                    setSelected(null);
                    setStored(null);
                    load();
                  }}
                />
              </ErrorBoundary>
            )}
          </section>
        </main>
      )}
      {dropHover && <div class="drop-overlay">{t("dropToImport")}</div>}
      {showShortcuts && <ShortcutsSheet onClose={() => setShowShortcuts(false)} />}
      {showAbout && <AboutSheet onClose={() => setShowAbout(false)} />}
      {searching && (
        <SearchPanel
          listing={listing}
          itemScope={here.current?.location?.item ? { document: here.current.id, item: here.current.location.item } : null}
          onOpen={openHit}
          onClose={() => {
            setSearching(false);
            setMarks([]);
          }}
        />
      )}
    </div>
  );
}
