import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { AgendaEntry, Bookmark, LibraryListing, Note, SearchHit } from "./ipc";
import { lang, t } from "./i18n";
import { symbolIndex, symbolKey } from "./features/library/group";
import { useListing } from "./features/library/useListing";
import { ImportStatus } from "./features/import/ImportStatus";
import { useFetchEvents } from "./features/fetch/fetchRun";
import { useImports } from "./features/import/useImports";
import { SearchPanel } from "./features/search/SearchPanel";
import { IndexRebuilding } from "./features/search/IndexRebuilding";
import { Reader } from "./features/reader/Reader";
import type { SymbolLinks } from "./features/reader/links";
import { useOpenDocument } from "./features/reader/useOpenDocument";
import { bookmarkFocus, entryFocus, noteFocus } from "./features/reader/navigation";
import { useTimeMode } from "./features/schedule/time";
import { Splitter, usePaneWidths } from "./features/reader/panes";
import { BackupStatus, useBackup } from "./features/backup/backup";
import { useMenuActions } from "./menu";
import { useWindowKeys } from "./keyboard";
import { useSheets } from "./sheets";
import { ShortcutsSheet } from "./ShortcutsSheet";
import { AboutSheet } from "./AboutSheet";
import { Welcome, useWelcome } from "./Welcome";
import { ErrorBoundary } from "./ErrorBoundary";
import { UnexpectedError } from "./UnexpectedError";
import { TopBar } from "./TopBar";
import { Sidebar } from "./Sidebar";
import { theme } from "./theme";

/** `firstListing`: the listing asked for before the first render (main.tsx),
 *  so the backend reads the library while the page is still being laid out. */
export function App({ firstListing }: { firstListing?: Promise<LibraryListing> } = {}) {
  const [, rerender] = useState(0);
  useEffect(() => lang.subscribe(() => rerender((n) => n + 1)), []);
  useEffect(() => theme.subscribe(() => rerender((n) => n + 1)), []);
  const library = useListing(firstListing);
  const { listing, load } = library;
  const imports = useImports(load, library.fail);
  // Fetched documents join the library as they arrive.
  useFetchEvents(load);
  // Stars, zones and imported notes change the library: the document and the side lists reload.
  const [version, setVersion] = useState(0);
  // Notes and bookmarks changed in the reader: the side lists reload, not the document.
  const [marksVersion, setMarksVersion] = useState(0);
  const marksChanged = useCallback(() => setMarksVersion((v) => v + 1), []);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    load();
  }, [load]);
  // The document read last reopens once the whole listing is in: the head
  // the window shows first may not hold it.
  const doc = useOpenDocument(library.complete ? listing : null, version);
  const { open, openSeries } = doc;
  const sheets = useSheets();
  const welcome = useWelcome();
  const [mode, setMode] = useTimeMode();
  const [sideWidth, setSideWidth, resetSideWidth] = usePaneWidths("library", [300]);

  // Ctrl/Cmd+K or / opens search; F6 / Shift+F6 move between the panes
  // (not while the search dialog, which is modal, is open).
  useWindowKeys({ search: () => sheets.show("search"), shortcuts: () => sheets.show("shortcuts"), travel: doc.travel, modal: sheets.modal });

  const symbols = useMemo(() => symbolIndex(listing), [listing]);
  const links: SymbolLinks = useMemo(() => ({ resolve: (s) => symbols.get(symbolKey(s)) ?? null, open: (id, f) => open(id, f ?? null) }), [symbols, open]);
  const backup = useBackup();
  // The File menu, whichever tab is open.
  useMenuActions({
    "import-files": () => imports.start(false),
    "import-folder": () => imports.start(true),
    backup: backup.backup,
    restore: backup.restore,
    shortcuts: () => sheets.show("shortcuts"),
    about: () => sheets.show("about"),
    welcome: () => {
      welcome.bringBack();
      doc.close();
    },
  });
  const openHit = (hit: SearchHit) => {
    sheets.hide("search");
    open(hit.document.id, { location: hit.location, marks: hit.segments.filter((s) => s.hit).map((s) => s.text) });
  };
  const openEntry = (e: AgendaEntry) => open(e.document_id, entryFocus(e));
  const openBookmark = (b: Bookmark) => void openSeries(b.series, bookmarkFocus(b));
  const openNote = (n: Note) => (n.document_id !== null ? open(n.document_id, noteFocus(n)) : void openSeries(n.series, noteFocus(n)));
  const { current, here } = doc;

  return (
    <div class={imports.dropHover ? "app drop-hover" : "app"}>
      <TopBar history={doc.history} onTravel={doc.travel} onSearch={() => sheets.show("search")} onShortcuts={() => sheets.show("shortcuts")} />
      <ImportStatus progress={imports.progress} report={imports.report} onDismiss={imports.dismiss} />
      <BackupStatus backup={backup} />
      <IndexRebuilding />
      <UnexpectedError />
      {library.error ? (
        <div class="error fatal" role="alert">
          <strong>{t("libraryUnavailable")}</strong>
          <p>{library.error}</p>
          <button onClick={load}>{t("retry")}</button>
        </div>
      ) : (
        <main class="main">
          <Sidebar
            width={sideWidth[0] ?? 300}
            listing={listing}
            selected={doc.selected}
            onSelect={(id) => open(id)}
            onImport={imports.start}
            importing={imports.importing}
            backup={backup}
            onRestored={load}
            onImported={changed}
            version={version}
            marksVersion={marksVersion}
            mode={mode}
            onOpenEntry={openEntry}
            onOpenBookmark={openBookmark}
            onOpenNote={openNote}
          />
          <Splitter width={sideWidth[0] ?? 300} onResize={(w) => setSideWidth(0, w)} onReset={resetSideWidth} />
          <section class="content">
            {doc.error && (
              <div class="error" role="alert">
                <strong>{t("error")}</strong>
                <p>{doc.error}</p>
              </div>
            )}
            {!doc.error && doc.selected === null &&
              (welcome.shown ? <Welcome onImport={() => imports.start(false)} onDismiss={welcome.dismiss} /> : <p class="state big">{t("selectDocument")}</p>)}
            {!doc.error && doc.selected !== null && current === null && <p class="state big">{t("loading")}</p>}
            {current && (
              <ErrorBoundary key={current.record.id} resetLabel={t("backToLibrary")} onReset={doc.close}>
                <Reader
                  stored={current}
                  focus={doc.focus}
                  marks={doc.marks}
                  links={links}
                  mode={mode}
                  onMode={setMode}
                  onChanged={changed}
                  onAnnotationsChanged={marksChanged}
                  onPlace={(l) => doc.placeChanged(current.record.id, l)}
                  onRemoved={(scope) => {
                    if (scope === "rendition") return changed();
                    doc.removed();
                    load();
                  }}
                />
              </ErrorBoundary>
            )}
          </section>
        </main>
      )}
      {imports.dropHover && <div class="drop-overlay">{t("dropToImport")}</div>}
      {sheets.open.shortcuts && <ShortcutsSheet onClose={() => sheets.hide("shortcuts")} />}
      {sheets.open.about && <AboutSheet onClose={() => sheets.hide("about")} />}
      {sheets.open.search && (
        <SearchPanel
          listing={listing}
          itemScope={here?.location?.item ? { document: here.id, item: here.location.item } : null}
          onOpen={openHit}
          onClose={() => {
            sheets.hide("search");
            doc.clearMarks();
          }}
        />
      )}
    </div>
  );
}
