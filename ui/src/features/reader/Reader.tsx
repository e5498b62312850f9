import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Location, RemoveScope, ScheduleSlot, StoredDocument } from "../../ipc";
import { Header } from "./Header";
import { t, tf, tp } from "../../i18n";
import { AgendaOutline } from "../agenda/AgendaOutline";
import { flatten, slotMatchesItem } from "../agenda/items";
import { Schedule } from "../schedule/Schedule";
import { Annotation } from "./Annotation";
import { TextView } from "./TextView";
import type { SymbolLinks } from "./links";
import { CitedSymbolsContext, citedSymbols, symbolMatcher } from "./links";
import { NotesPanel } from "../notes/NotesPanel";
import { selectionInPassage } from "../notes/PassageText";
import { useAnnotations } from "../notes/useAnnotations";
import { editorKeys } from "../notes/editorKeys";
import type { Note } from "../../ipc";
import { ZoneBar } from "../schedule/ZoneBar";
import { NowNextBar } from "../schedule/NowNextBar";
import type { TimeMode } from "../schedule/time";
import { api } from "../../ipc";
import { Splitter, agendaColumns, usePaneWidths } from "./panes";
import { ExportResult } from "../personal/ExportResult";
import type { ExportFormat } from "../../ipc";
import { DocumentLanguage, useTextAttrs } from "./documentText";
import { FootnotesContext, footnoteMap } from "./footnotes";
import { errorText } from "../../i18n/errors";
import { FindBar } from "./FindBar";
import { ReaderActions, printDocument } from "./DocumentTools";
import { stepTextSize, textSizeStep } from "./textSize";
import { DocumentBar, savePageMode, savedPageMode } from "./DocumentBar";
import type { PageMode } from "./DocumentBar";
import { PageView } from "./PageView";
import { ChangesPane } from "./ChangesPane";
import { textBlocks } from "./TextView";
import { CitationMessage, useCitation } from "./citations";
import { ItemHistoryPanel } from "../history/ItemHistory";
import { AdoptionBanner, useAdoption } from "../history/Adoption";

/** Where to open a document, and what to mark there (a search hit). */
export interface Focus {
  location: Location;
  marks: string[];
  /** A paragraph by its printed number (another language's version of the
   *  document numbers its paragraphs alike, not its text blocks). */
  paragraphNumber?: string;
}

interface Props {
  stored: StoredDocument;
  focus: Focus | null;
  /** Words to mark (a search's matches); the focus's own when not given. */
  marks?: string[];
  links: SymbolLinks;
  mode: TimeMode;
  onMode: (m: TimeMode) => void;
  /** Stars, bookmarks or the zone changed: reload the document and the side lists. */
  onChanged: () => void;
  /** A note or bookmark was added, changed or removed: the side lists reload. */
  onAnnotationsChanged?: () => void;
  /** The reader chose another item or slot, or scrolled to another paragraph
   *  (null: the document's start): where it is, for back and forward and the
   *  next start. */
  onPlace?: (location: Location | null) => void;
  /** The document (or, scope "rendition", one of its files) went to the trash. */
  onRemoved?: (scope: RemoveScope) => void;
}

/** Scrolls to the element `id` once rendered, and flashes it; with
 *  `takeFocus` (a search result opened), the pane holding it takes the focus. */
function scrollTo(id: string, takeFocus = false) {
  // After the render that shows the target.
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    // The first paragraph of a section opens with its heading in view.
    const heading = el.previousElementSibling;
    (heading?.tagName === "H3" ? heading : el).scrollIntoView({ block: "start" });
    if (takeFocus) el.closest<HTMLElement>("[data-pane]")?.focus({ preventScroll: true });
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  });
}

/** A document in the reader; its text carries the document's language and
 *  direction (documentText.ts), whatever the UI's, and links the symbols it
 *  cites (links.ts). */
export function Reader(props: Props) {
  const doc = props.stored.document;
  const matcher = useMemo(() => symbolMatcher(citedSymbols(doc)), [doc]);
  const cited = useMemo(() => ({ links: props.links, matcher, current: props.stored.record.id }), [props.links, matcher, props.stored.record.id]);

  // Find in the document: the bar over the reader, and the focus it was opened from.
  const frame = useRef<HTMLDivElement>(null);
  const [find, setFind] = useState<{ initial: string; focus: number } | null>(null);
  const findNow = useRef(find);
  findNow.current = find;
  const [step, setStep] = useState({ n: 0, back: false });
  const opener = useRef<Element | null>(null);
  const openFind = useCallback(() => {
    const open = findNow.current;
    if (open) return setFind({ ...open, focus: open.focus + 1 });
    opener.current = document.activeElement;
    setFind({ initial: selectedWords(frame.current), focus: 1 });
  }, []);
  const closeFind = useCallback(() => {
    setFind(null);
    const back = opener.current;
    const target = back instanceof HTMLElement && back.isConnected && back !== document.body ? back : frame.current?.querySelector<HTMLElement>("[data-pane]");
    target?.focus();
  }, []);
  const actions = useMemo(() => ({ find: openFind, print: printDocument }), [openFind]);
  // Ctrl+F (Cmd+F), F3 / Shift+F3 (Ctrl+G / Shift+Ctrl+G), Ctrl+P, and the
  // text size's Ctrl+plus / minus / 0; not while a modal dialog is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector("[aria-modal='true']")) return;
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
      const key = e.key.toLowerCase();
      const size = textSizeStep(e);
      if (mod && key === "f" && !e.shiftKey) {
        e.preventDefault();
        openFind();
      } else if (e.key === "F3" || (mod && key === "g")) {
        e.preventDefault();
        if (findNow.current) setStep((s) => ({ n: s.n + 1, back: e.shiftKey }));
        else openFind();
      } else if (mod && key === "p" && !e.shiftKey) {
        e.preventDefault();
        printDocument();
      } else if (size !== null) {
        e.preventDefault();
        stepTextSize(size);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openFind]);

  return (
    <div class="reader-host">
      {find && <FindBar root={frame} initial={find.initial} step={step} focusRequest={find.focus} onClose={closeFind} />}
      <div class="reader-frame" ref={frame}>
        <ReaderActions.Provider value={actions}>
          <DocumentLanguage.Provider value={props.stored.record.language}>
            <FootnotesContext.Provider value={footnoteMap(doc.footnotes)}>
              <CitedSymbolsContext.Provider value={cited}>
                <ReaderBody {...props} />
              </CitedSymbolsContext.Provider>
            </FootnotesContext.Provider>
          </DocumentLanguage.Provider>
        </ReaderActions.Provider>
      </div>
    </div>
  );
}

/** The words selected in the reader, to find them (a short phrase on one line; else nothing). */
function selectedWords(within: Element | null): string {
  const sel = globalThis.getSelection?.();
  if (!within || !sel || sel.isCollapsed || !sel.anchorNode || !within.contains(sel.anchorNode)) return "";
  const words = sel.toString().trim();
  return words.length <= 100 && !words.includes("\n") ? words : "";
}

/** An agenda: outline, annotation and timetable side by side, linked both ways. */
function ReaderBody({ stored, focus, marks: shownMarks, links, mode, onMode, onChanged, onAnnotationsChanged, onPlace, onRemoved }: Props) {
  const doc = stored.document;
  const [item, setItem] = useState<string | null>(null);
  const [slot, setSlot] = useState<number | null>(null);
  /** The paragraph chosen in a report's text or on its page. */
  const [para, setPara] = useState<number | null>(null);
  /** Counts the choices, so that choosing a passage again shows it again on the page. */
  const [choice, setChoice] = useState(0);
  const [pageMode, setPageModeState] = useState<PageMode>(savedPageMode);
  const setPageMode = (m: PageMode) => {
    savePageMode(m);
    setPageModeState(m);
  };
  const shownMode: PageMode = stored.page_view ? pageMode : "text";
  const [showChanges, setShowChanges] = useState(false);
  useEffect(() => setShowChanges(false), [stored.record.id]);
  // Applied before the next paint (a layout effect): a passive effect may run
  // up to a frame later, after a quick click on an item, and undo it. Run
  // for a new document or focus only, reading the document as it is then.
  const docNow = useRef(doc);
  docNow.current = doc;
  useLayoutEffect(() => {
    const doc = docNow.current;
    const loc = focus?.location;
    const found = (focus?.marks.length ?? 0) > 0;
    setItem(loc?.item ?? null);
    setSlot(loc?.slot ?? null);
    const numbered = focus?.paragraphNumber ? doc.paragraphs.find((p) => p.number === focus.paragraphNumber) : undefined;
    setPara(numbered?.index ?? loc?.paragraph ?? null);
    setChoice((c) => c + 1);
    if (numbered) scrollTo(`para-${numbered.index}`);
    if (loc?.note !== undefined && loc.note !== null) scrollTo(`note-${loc.note}`, found);
    else if (loc?.item) scrollTo(`ann-${loc.item}`, found);
    else if (loc?.slot !== undefined && loc.slot !== null) {
      const first = doc.schedule[loc.slot]?.items[0];
      if (first) setItem(first);
      scrollTo(`slot-${loc.slot}`, found);
    } else if (loc?.paragraph !== undefined && loc.paragraph !== null) scrollTo(`para-${loc.paragraph}`, found);
    // Reloading the same document (a star, a zone) keeps the selection.
  }, [stored.record.id, focus]);
  // The item or slot chosen is the place; the one the reader opened at is
  // already known to whoever opened it.
  const placeReported = useRef(false);
  const latestOnPlace = useRef(onPlace);
  latestOnPlace.current = onPlace;
  useEffect(() => {
    if (!placeReported.current) {
      placeReported.current = true;
      return;
    }
    latestOnPlace.current?.(slot !== null ? { slot } : item !== null ? { item } : null);
  }, [item, slot]);
  const [[w0 = 240, w1 = 380], setWidth, resetWidths] = usePaneWidths("agenda", [240, 380]);
  const items = useMemo(() => flatten(doc.agenda), [doc]);
  const slotItems = slot !== null ? (doc.schedule[slot]?.items ?? []) : [];
  const current = items.find((i) => i.number === item) ?? null;
  const marks = shownMarks ?? focus?.marks ?? [];
  const ann = useAnnotations(stored.record.id, onAnnotationsChanged);
  const itemCitation = useCitation(stored.record.id);
  const adoption = useAdoption(stored.record.id);
  // The item read is the place in an agenda (reopened there; what a search
  // of "this item in all sessions" is about).
  const isAgenda = doc.agenda.length > 0 && doc.kind === "agenda";
  useEffect(() => {
    if (isAgenda && item !== null) latestOnPlace.current?.({ item });
  }, [isAgenda, item, stored.record.id]);
  /** The selected item's history shown instead of its annotation. */
  const [history, setHistory] = useState(false);
  useEffect(() => setHistory(false), [stored.record.id]);
  const [selection, setSelection] = useState<ReturnType<typeof selectionInPassage>>(null);
  const [composing, setComposing] = useState<NonNullable<ReturnType<typeof selectionInPassage>> | null>(null);
  const [draft, setDraft] = useState("");
  useEffect(() => {
    const onSel = () => setSelection(selectionInPassage());
    document.addEventListener("selectionchange", onSel);
    return () => document.removeEventListener("selectionchange", onSel);
  }, []);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportNotes = (format: ExportFormat) =>
    api.exportNotes(stored.record.id, format).then(
      (p) => {
        setExported(p);
        setExportError(null);
      },
      (e: unknown) => setExportError(errorText(e)),
    );
  const visibleNotes = ann.notes.filter((n) => n.document_id === stored.record.id);
  const goToNote = (n: Note) => {
    if (n.anchor.passage.startsWith("item:")) {
      setItem(n.anchor.passage.slice(5));
      setSlot(null);
    }
    scrollTo(`note-${n.id}`);
  };
  const saveComposed = (c: NonNullable<typeof composing>) => {
    void ann.add(c.passage, c.start, c.end, draft);
    setComposing(null);
  };
  const notesPanel = (
    <>
      <NotesPanel
        notes={ann.notes}
        agenda={doc.agenda}
        canAdd={selection !== null}
        onAdd={() => {
          if (selection) {
            setComposing(selection);
            setDraft("");
          }
        }}
        onSave={ann.save}
        onDelete={ann.remove}
        onGo={goToNote}
      />
      {ann.deleted && (
        <p class="undo" role="status">
          {t("noteDeleted")}{" "}
          <button class="link" onClick={ann.undo} data-testid="undo-delete">
            {t("undo")}
          </button>{" "}
          <button class="link" onClick={ann.forgetUndo}>
            {t("dismiss")}
          </button>
        </p>
      )}
      {ann.error && <p class="error-text">{ann.error}</p>}
      {(ann.notes.length > 0 || ann.bookmarks.length > 0) && (
        <p class="notes-export">
          <button class="link" onClick={() => void exportNotes("markdown")} data-testid="export-doc-md">
            {t("exportMarkdown")}
          </button>{" "}
          <button class="link" onClick={() => void exportNotes("json")}>
            {t("exportJson")}
          </button>{" "}
          <button class="link" onClick={() => void exportNotes("w3c")} data-testid="export-doc-w3c">
            {t("exportW3c")}
          </button>
        </p>
      )}
      <ExportResult path={exported} />
      {exportError && <p class="error-text">{exportError}</p>}
      {selection && !composing && (
        <button
          class="note-fab"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setComposing(selection);
            setDraft("");
          }}
          data-testid="note-on-selection"
        >
          ✎ {t("addNote")}
        </button>
      )}
      {composing && (
        <div class="note-editor" role="dialog" aria-label={t("addNote")}>
          <p class="quote">
            “<NoteQuote text={composing.quote} />”
          </p>
          <textarea
            value={draft}
            rows={5}
            placeholder={t("notePlaceholder")}
            dir="auto"
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => editorKeys(e, () => saveComposed(composing), () => setComposing(null))}
            aria-label={t("addNote")}
            data-testid="note-text"
            ref={(el) => el?.focus()}
          />
          <p class="hint keys-hint">{t("noteKeysHint")}</p>
          <button onClick={() => saveComposed(composing)} data-testid="save-note">
            {t("save")}
          </button>{" "}
          <button class="link" onClick={() => setComposing(null)}>
            {t("cancel")}
          </button>
        </div>
      )}
    </>
  );

  // A newly selected item's annotation opens at its heading (the pane would
  // otherwise keep the previous one's scroll position); chosen in the outline,
  // its first slot is brought into view too. This runs after the render that
  // shows the new annotation.
  const annotationPane = useRef<HTMLElement>(null);
  /** The timetable to bring the item's first slot into view in, when the item was chosen in the outline. */
  const revealSlot = useRef<ScheduleSlot[] | null>(null);
  useEffect(() => {
    if (annotationPane.current) annotationPane.current.scrollTop = 0;
    const schedule = revealSlot.current;
    if (schedule && item !== null) {
      const first = schedule.findIndex((s) => slotMatchesItem(s, item));
      if (first >= 0) document.getElementById(`slot-${first}`)?.scrollIntoView({ block: "nearest" });
    }
    revealSlot.current = null;
  }, [item]);
  const selectItem = (n: string) => {
    revealSlot.current = doc.schedule;
    setItem(n);
    setSlot(null);
    setChoice((c) => c + 1);
  };
  const selectSlot = (i: number) => {
    setSlot(i);
    const first = doc.schedule[i]?.items[0];
    if (first) setItem(first);
    setChoice((c) => c + 1);
  };
  const selectParagraph = (i: number) => {
    setPara(i);
    setChoice((c) => c + 1);
  };
  // A passage clicked on the original page is chosen in the text too.
  const pickOnPage = (key: string) => {
    const [kind, value = ""] = key.split(/:(.*)/s);
    if (kind === "item") selectItem(value);
    else if (kind === "slot") {
      selectSlot(Number(value));
      document.getElementById(`slot-${value}`)?.scrollIntoView({ block: "nearest" });
    } else if (kind === "para") {
      selectParagraph(Number(value));
      scrollTo(`para-${value}`);
    }
  };
  // The text reflows when the page view comes or goes: the chosen paragraph
  // stays in sight (choosing another one scrolls by itself).
  const firstMode = useRef(true);
  const paraNow = useRef(para);
  paraNow.current = para;
  useEffect(() => {
    if (firstMode.current) {
      firstMode.current = false;
      return;
    }
    const para = paraNow.current;
    if (para !== null) requestAnimationFrame(() => document.getElementById(`para-${para}`)?.scrollIntoView({ block: "center" }));
  }, [shownMode]);
  const pageTarget = slot !== null ? `slot:${slot}` : item !== null ? `item:${item}` : para !== null ? `para:${para}` : null;
  const pageView = stored.page_view && shownMode !== "text" && (
    <PageView
      view={stored.page_view}
      target={pageTarget}
      targetSeq={choice}
      quotes={visibleNotes.map((n) => n.anchor.exact)}
      marks={marks}
      onPick={pickOnPage}
    />
  );
  // Another language or version opens at the same item, slot or paragraph.
  const openHere = (id: number) => {
    const number = para === null ? null : (textBlocks(doc).find((p) => p.index === para)?.number ?? null);
    const location: Location = slot !== null ? { slot } : item !== null ? { item } : {};
    links.open(id, number ? { location, marks: [], paragraphNumber: number } : { location, marks: [] });
  };
  const bar = (
    <DocumentBar
      stored={stored}
      onOpen={openHere}
      onReread={onChanged}
      mode={shownMode}
      onMode={setPageMode}
      changes={showChanges}
      onChanges={setShowChanges}
      onRemoved={(scope) => (onRemoved ? onRemoved(scope) : onChanged())}
    />
  );
  const changesPane = showChanges ? <ChangesPane id={stored.record.id} /> : null;

  const hitSlots = item === null ? 0 : doc.schedule.filter((s) => slotMatchesItem(s, item)).length;
  const star = (i: number, on: boolean) => {
    const key = stored.timing.slots[i]?.key;
    if (key) void api.starSlot(stored.record.id, key, on).then(onChanged);
  };
  const timetable = (
    <section class="schedule-pane" data-pane="timetable" tabIndex={-1} aria-label={t("schedule")}>
      <h3>
        {t("schedule")}
        {item !== null && <span class="hint" data-testid="hit-count"> · <bdi>{item}</bdi>{t("colon")}{tp("nSlots", hitSlots)}</span>}
      </h3>
      {doc.schedule.length > 0 && (
        <ZoneBar
          document={stored.record.id}
          meeting={stored.record.meeting_id}
          timing={stored.timing}
          mode={mode}
          onMode={onMode}
          onZoneChanged={onChanged}
        />
      )}
      <Schedule
        slots={doc.schedule}
        agenda={doc.agenda}
        timing={stored.timing}
        selectedItem={item}
        selectedSlot={slot}
        onSelectSlot={selectSlot}
        onStar={star}
        mode={mode}
        marks={marks}
      />
    </section>
  );
  const nowNextBar = <NowNextBar slots={doc.schedule} timing={stored.timing} mode={mode} onSelectSlot={selectSlot} />;

  // Reports, notes and stand-alone programmes of work: their text, and the
  // timetable with its own now / next when they print one.
  if (doc.kind !== "agenda" || (doc.agenda.length === 0 && doc.paragraphs.length + doc.unnumbered.length > 0))
    return (
      <TextView
        timetable={doc.schedule.length > 0 ? timetable : undefined}
        nowNext={doc.schedule.length > 0 ? nowNextBar : undefined}
        stored={stored}
        onChanged={onChanged}
        bar={bar}
        page={pageView || undefined}
        mode={shownMode}
        changes={changesPane}
        selected={para}
        onSelect={selectParagraph}
        marks={marks}
        notes={visibleNotes}
        isBookmarked={(i) => ann.isBookmarked("paragraph", String(i))}
        onParagraph={(i) => onPlace?.(i === null ? null : { paragraph: i })}
        onBookmark={(i, label) => ann.bookmark("paragraph", String(i), label)}
        onCite={(i) => void itemCitation.copy(`para:${i}`)}
        adoption={adoption && <AdoptionBanner adoption={adoption} viewing="adopted" links={links} />}
        onItem={
          adoption
            ? (n) => links.open(adoption.other, { location: { item: adoption.changes.same.find(([, a]) => a === n)?.[0] ?? n }, marks: [] })
            : undefined
        }
        citation={<CitationMessage message={itemCitation.message} />}
        side={
          <>
            <BookmarkButton on={ann.isBookmarked("document", "")} onClick={() => ann.bookmark("document", "", stored.record.title)} />
            {notesPanel}
          </>
        }
      />
    );
  return (
    <div class="reader agenda-reader">
      <Header stored={stored} onChanged={onChanged}>
        {bar}
      </Header>
      <div class="reader-tools">
        <BookmarkButton on={ann.isBookmarked("document", "")} onClick={() => ann.bookmark("document", "", stored.record.title)} />
        {item !== null && (
          <BookmarkButton
            on={ann.isBookmarked("item", item)}
            label={`${t("bookmarkItem")} ${item}`}
            onClick={() => ann.bookmark("item", item, current?.title ?? item)}
          />
        )}
        {item !== null && (
          <button class={history ? "bookmark on" : "bookmark"} onClick={() => setHistory((h) => !h)} aria-pressed={history} data-testid="item-history-toggle">
            ⟲ {tf("historyOf", { n: item })}
          </button>
        )}
        {item !== null && (
          <button class="bookmark" onClick={() => void itemCitation.copy(`item:${item}`)} data-testid="cite-item">
            ❝ {tf("citeItem", { n: item })}
          </button>
        )}
        {slot !== null && doc.schedule[slot] && (
          <BookmarkButton
            on={ann.isBookmarked("slot", String(slot))}
            label={t("bookmarkSlot")}
            onClick={() => {
              const s = doc.schedule[slot];
              if (s) ann.bookmark("slot", String(slot), `${s.date ?? ""} ${s.start ?? ""}–${s.end ?? ""} ${s.items.join(", ")}`.trim());
            }}
          />
        )}
      </div>
      <CitationMessage message={itemCitation.message} />
      <AdoptionBanner adoption={adoption} viewing="provisional" links={links} />
      {nowNextBar}
      {changesPane}
      <div
        class={changesPane ? "panes hidden" : "panes"}
        style={{
          gridTemplateColumns:
            shownMode === "page" ? `minmax(140px, ${w0}px) 6px minmax(0, 1fr)` : shownMode === "beside" ? `${agendaColumns(w0, w1)} minmax(300px, 32%)` : agendaColumns(w0, w1),
        }}
      >
        <AgendaOutline items={doc.agenda} selected={item} highlighted={slotItems} onSelect={selectItem} />
        <Splitter width={w0} onResize={(w) => setWidth(0, w)} onReset={resetWidths} />
        {shownMode === "page" ? pageView : null}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a pane that scrolls must take the keyboard's focus for its text to be scrolled (WCAG 2.1.1, axe scrollable-region-focusable); it is a labelled region */}
        <section class="annotation-pane" hidden={shownMode === "page"} data-pane="annotation" tabIndex={0} aria-label={t("annotation")} ref={annotationPane}>
          {current && history ? (
            <ItemHistoryPanel document={stored.record.id} item={current.number} links={links} onClose={() => setHistory(false)} />
          ) : current ? (
            <Annotation item={current} links={links} marks={marks} notes={visibleNotes} />
          ) : (
            <p class="state">{t("selectItem")}</p>
          )}
          {notesPanel}
          {/* Every item's annotation, for the printout only (styles.css, @media print). */}
          <div class="print-only" data-testid="print-annotations">
            {doc.agenda.map((i) => (
              <Annotation key={i.number} item={i} links={links} marks={[]} notes={[]} copy />
            ))}
          </div>
        </section>
        {shownMode !== "page" && <Splitter width={w1} onResize={(w) => setWidth(1, w)} onReset={resetWidths} />}
        {shownMode !== "page" && timetable}
        {shownMode === "beside" && pageView}
      </div>
    </div>
  );
}

/** Words quoted from the document, in its language and direction. */
function NoteQuote({ text }: { text: string }) {
  return <span {...useTextAttrs()}>{text}</span>;
}

function BookmarkButton({ on, onClick, label }: { on: boolean; onClick: () => void; label?: string }) {
  return (
    <button class={on ? "bookmark on" : "bookmark"} onClick={onClick} aria-pressed={on} data-testid="bookmark">
      {on ? "★" : "☆"} {label ?? t("bookmarkDocument")}
    </button>
  );
}
