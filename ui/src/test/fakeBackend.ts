// A fake of the ipc module's backend for UI unit tests: canned data, and a
// record of every call so tests can assert what the UI asked for.
import { IpcError } from "../ipc";
import type { AdoptionChanges, AgendaEntry, Backend, FetchPlan, FetchReport, FetchResult, FetchSettings, Changes, ItemHistory, TrashEntry, Bookmark, IndexStatus, IngestReport, LibraryListing, MeetingReference, Note, RestoreReport, SearchHit, StoredDocument } from "../ipc";

export interface Fake extends Backend {
  calls: { name: string; args: unknown[] }[];
  /** Chooses a native menu item, as the backend's MenuAction event would. */
  menu(id: string): void;
  /** Reports the index rebuild's progress, as the backend's IndexProgress event would. */
  indexProgress(s: IndexStatus): void;
  /** Ends an import, as the backend's ImportFinished event would. */
  importFinished(r: IngestReport): void;
  /** One document of a fetch done, as the backend's FetchStep event would say. */
  fetchStep(done: number, total: number, result: FetchResult): void;
  /** A fetch ended, as the backend's FetchFinished event would say. */
  fetchFinished(r: FetchReport): void;
}

export function note(over: Partial<Note> = {}): Note {
  return {
    id: 1,
    uid: "u1",
    series: "s1",
    document_id: 10,
    anchor: { passage: "item:3(a)", exact: "实益所有权透明度", prefix: "", suffix: "", start: 5, end: 13 },
    body: "Raise in the **statement**",
    detached: false,
    created_at: "2024-06-01T10:00:00Z",
    updated_at: "2024-06-01T10:00:00Z",
    ...over,
  };
}

export function fakeBackend(
  data: {
    notes?: Note[];
    bookmarks?: Bookmark[];
    agenda?: AgendaEntry[];
    restoreReport?: RestoreReport;
    /** What itemHistory answers (else: no such item). */
    history?: ItemHistory;
    adoption?: AdoptionChanges;
    indexStatus?: IndexStatus;
    listing?: LibraryListing;
    references?: MeetingReference[];
    /** Documents openDocument returns, by id. */
    documents?: StoredDocument[];
    /** What every search finds. */
    hits?: SearchHit[];
    /** What revisionChanges returns, by the newer version's id. */
    changes?: Record<number, Changes>;
    /** What is in the trash. */
    trash?: TrashEntry[];
    /** What fetchPlan answers, whatever the languages (its `languages`
     *  are the meeting's own, answered when none are given). */
    fetchPlan?: FetchPlan;
    /** The fetch settings saved so far. */
    fetchSettings?: FetchSettings;
    /** Documents left in the fetch queue. */
    fetchQueued?: number;
  } = {},
): Fake {
  const menuListeners: ((id: string) => void)[] = [];
  const indexListeners: ((s: IndexStatus) => void)[] = [];
  const finishedListeners: ((r: IngestReport) => void)[] = [];
  const stepListeners: ((p: { done: number; total: number; result: FetchResult }) => void)[] = [];
  const fetchedListeners: ((r: FetchReport) => void)[] = [];
  // The settings are kept: what is saved is answered afterwards.
  let fetchSettings: FetchSettings = data.fetchSettings ?? { languages: [], formats: "word_else_pdf" };
  const listen = <T,>(list: ((p: T) => void)[]) => (cb: (p: T) => void) => {
    list.push(cb);
    return () => void list.splice(list.indexOf(cb), 1);
  };
  const calls: Fake["calls"] = [];
  const rec =
    <T>(name: string, value: T) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return Promise.resolve(value);
    };
  const none = () => () => {};
  const zones = ["Asia/Dubai", "Europe/Vienna", "America/New_York"];
  // Bookmarks and notes are kept: what is added is listed afterwards.
  const bookmarks = [...(data.bookmarks ?? [])];
  const notes = [...(data.notes ?? [])];
  const trash: TrashEntry[] = [...(data.trash ?? [])];
  const seriesOf = (id: number) => data.documents?.find((d) => d.record.id === id)?.record.series ?? `s${id}`;
  return {
    calls,
    menu: (id) => menuListeners.forEach((cb) => cb(id)),
    indexProgress: (s) => indexListeners.forEach((cb) => cb(s)),
    importFinished: (r) => finishedListeners.forEach((cb) => cb(r)),
    fetchStep: (done, total, result) => stepListeners.forEach((cb) => cb({ done, total, result })),
    fetchFinished: (r) => fetchedListeners.forEach((cb) => cb(r)),
    fetchSettings: () => {
      calls.push({ name: "fetchSettings", args: [] });
      return Promise.resolve(fetchSettings);
    },
    setFetchSettings: (s) => {
      calls.push({ name: "setFetchSettings", args: [s] });
      fetchSettings = s;
      return Promise.resolve(null);
    },
    fetchPlan: (m, languages, formats) => {
      calls.push({ name: "fetchPlan", args: [m, languages, formats] });
      const plan = data.fetchPlan ?? { meeting_id: m, languages: ["en"], formats, targets: [], missing: 0 };
      return Promise.resolve({ ...plan, languages: languages.length > 0 ? languages : plan.languages, formats });
    },
    fetchMissing: (m, languages, formats) => {
      calls.push({ name: "fetchMissing", args: [m, languages, formats] });
      const plan = data.fetchPlan ?? { meeting_id: m, languages, formats, targets: [], missing: 0 };
      return Promise.resolve({ ...plan, languages, formats });
    },
    resumeFetch: rec("resumeFetch", null),
    cancelFetch: rec("cancelFetch", null),
    fetchStatus: rec("fetchStatus", { running: false, queued: data.fetchQueued ?? 0 }),
    onFetchStep: listen(stepListeners),
    onFetchFinished: listen(fetchedListeners),
    listLibrary: rec("listLibrary", data.listing ?? { meetings: [], unfiled: [] }),
    listLibraryHead: rec("listLibraryHead", data.listing ?? { meetings: [], unfiled: [] }),
    meetingReferences: rec("meetingReferences", data.references ?? []),
    openDocument: (id) => {
      calls.push({ name: "openDocument", args: [id] });
      const d = data.documents?.find((x) => x.record.id === id);
      return d ? Promise.resolve(d) : Promise.reject(new Error("not in this fake"));
    },
    setDocumentSymbol: () => Promise.reject(new Error("not in this fake")),
    setTextSource: (id, r) => {
      calls.push({ name: "setTextSource", args: [id, r] });
      const d = data.documents?.find((x) => x.record.id === id);
      if (!d) return Promise.reject(new Error("not in this fake"));
      const renditions = d.renditions.map((x) => ({ ...x, text_source: r === null ? x === d.renditions[0] : x.id === r }));
      return Promise.resolve({ ...d, renditions });
    },
    openOriginal: rec("openOriginal", null),
    queryLibrary: (q) => {
      calls.push({ name: "queryLibrary", args: [q] });
      // The core's query in small (library/query.rs): every word in some field, the facets chosen.
      const listing = data.listing ?? { meetings: [], unfiled: [] };
      const all = [...listing.meetings.flatMap((m) => m.documents), ...listing.unfiled];
      const words = (q.filter ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      const fields = (d: (typeof all)[number]) => [d.title, d.body, d.symbol, d.venue, d.session, d.file, d.dates?.start.slice(0, 4)].filter(Boolean).join(" ").toLowerCase();
      const documents = all.filter(
        (d) =>
          words.every((w) => fields(d).includes(w)) &&
          (!q.body || d.body === q.body) &&
          (!q.language || d.language === q.language) &&
          (!q.kind || d.kind === q.kind) &&
          (!q.year || d.dates?.start.startsWith(q.year)),
      );
      const count = (key: (d: (typeof all)[number]) => string | null | undefined) => {
        const m = new Map<string, number>();
        for (const d of documents) {
          const v = key(d);
          if (v) m.set(v, (m.get(v) ?? 0) + 1);
        }
        return [...m].map(([value, n]) => ({ value, count: n }));
      };
      return Promise.resolve({
        documents,
        total: documents.length,
        facets: { body: count((d) => d.body), year: count((d) => d.dates?.start.slice(0, 4)), kind: count((d) => d.kind), language: count((d) => d.language) },
      });
    },
    removeDocument: (id, scope) => {
      calls.push({ name: "removeDocument", args: [id, scope] });
      const entry = { id: 1 + trash.length, scope, label: `document ${id}`, trashed_at: "2026-12-01T10:00:00Z", documents: 1, files: 1, notes: 0 };
      trash.unshift(entry);
      return Promise.resolve(entry);
    },
    listTrash: () => {
      calls.push({ name: "listTrash", args: [] });
      return Promise.resolve([...trash]);
    },
    restoreFromTrash: (id) => {
      calls.push({ name: "restoreFromTrash", args: [id] });
      const i = trash.findIndex((e) => e.id === id);
      const [entry] = trash.splice(i, 1);
      return entry ? Promise.resolve(entry) : Promise.reject(new Error("not in the trash"));
    },
    emptyTrash: () => {
      calls.push({ name: "emptyTrash", args: [] });
      const n = trash.length;
      trash.length = 0;
      return Promise.resolve({ entries: n, documents: n, renditions: n, notes: 0, files_deleted: n });
    },
    originalUrl: (r) => `original://localhost/${r}`,
    revisionChanges: (id, against) => {
      calls.push({ name: "revisionChanges", args: [id, against] });
      const c = data.changes?.[id];
      return c ? Promise.resolve(c) : Promise.reject(new Error("not in this fake"));
    },
    search: rec("search", data.hits ?? []),
    pickAndImport: rec("pickAndImport", null),
    importStartupFiles: rec("importStartupFiles", null),
    appInfo: rec("appInfo", { version: "0.1.0", data_dir: "/home/d/.local/share/org.dossier/library", log_dir: "/home/d/.local/share/org.dossier/logs" }),
    uiReady: rec("uiReady", undefined),
    listNotes: (d) => {
      calls.push({ name: "listNotes", args: [d] });
      return Promise.resolve(notes.filter((n) => d === null || n.document_id === d));
    },
    addNote: (d, passage, start, end, body) => {
      calls.push({ name: "addNote", args: [d, passage, start, end, body] });
      const n: Note = {
        id: 100 + notes.length, uid: `u${100 + notes.length}`, series: seriesOf(d), document_id: d,
        anchor: { passage, exact: "", prefix: "", suffix: "", start, end }, body, detached: false,
        created_at: "2024-06-01T10:00:00Z", updated_at: "2024-06-01T10:00:00Z",
      };
      notes.push(n);
      return Promise.resolve(n);
    },
    updateNote: () => Promise.reject(new Error("not in this fake")),
    deleteNote: rec("deleteNote", null),
    restoreNote: () => Promise.reject(new Error("not in this fake")),
    listBookmarks: (d) => {
      calls.push({ name: "listBookmarks", args: [d] });
      return Promise.resolve(bookmarks.filter((b) => d === null || b.series === seriesOf(d)));
    },
    addBookmark: (d, target, anchor, label) => {
      calls.push({ name: "addBookmark", args: [d, target, anchor, label] });
      const b: Bookmark = { id: 100 + bookmarks.length, series: seriesOf(d), target, anchor, label, created_at: "2024-06-01T10:00:00Z" };
      bookmarks.push(b);
      return Promise.resolve(b);
    },
    removeBookmark: (id) => {
      calls.push({ name: "removeBookmark", args: [id] });
      const at = bookmarks.findIndex((b) => b.id === id);
      if (at >= 0) bookmarks.splice(at, 1);
      return Promise.resolve(null);
    },
    documentForSeries: rec("documentForSeries", 10),
    starSlot: rec("starSlot", null),
    myAgenda: rec("myAgenda", data.agenda ?? []),
    // As the backend does, an unknown zone is refused with an English message.
    setMeetingTimeZone: (m, z) => {
      calls.push({ name: "setMeetingTimeZone", args: [m, z] });
      return z === null || zones.includes(z) ? Promise.resolve(null) : Promise.reject(new IpcError("invalid", `unknown time zone: ${z}`));
    },
    timeZones: rec("timeZones", zones),
    exportCalendar: rec("exportCalendar", "/tmp/My agenda.ics"),
    exportNotes: rec("exportNotes", "/tmp/Dossier notes.md"),
    importNotes: rec("importNotes", { notes_added: 2, notes_updated: 0, notes_unchanged: 1, notes_detached: 0, bookmarks_added: 1, bookmarks_unchanged: 0, stars_added: 3, notes_not_in_library: 0 }),
    cite: (d, p) => {
      calls.push({ name: "cite", args: [d, p] });
      return Promise.resolve(`“临时议程说明”, 2024年6月12日, CAC/COSP/WG.2/2024/1${p ? `, ${p}` : ""}.`);
    },
    exportCitations: rec("exportCitations", "/tmp/References.bib"),
    itemHistory: (d, i) => {
      calls.push({ name: "itemHistory", args: [d, i] });
      return data.history ? Promise.resolve(data.history) : Promise.reject(new IpcError("not_found", `agenda item ${i}`));
    },
    agendaChanges: rec("agendaChanges", data.adoption ?? null),
    setItemVerdict: rec("setItemVerdict", null),
    backupLibrary: rec("backupLibrary", { path: "/tmp/Dossier backup", documents: 4, notes: 1, files: 4, kilobytes: 1000 }),
    restoreLibrary: rec("restoreLibrary", true),
    restoreReport: rec("restoreReport", data.restoreReport ?? null),
    onImportProgress: none,
    onImportFinished: (cb) => {
      finishedListeners.push(cb);
      return () => finishedListeners.splice(finishedListeners.indexOf(cb), 1);
    },
    onDropHover: none,
    indexStatus: rec("indexStatus", data.indexStatus ?? { rebuilding: false, done: 0, total: 0 }),
    onIndexProgress: (cb) => {
      indexListeners.push(cb);
      return () => indexListeners.splice(indexListeners.indexOf(cb), 1);
    },
    onMenuAction: (cb) => {
      menuListeners.push(cb);
      return () => menuListeners.splice(menuListeners.indexOf(cb), 1);
    },
    setShellText: rec("setShellText", null),
    setWindowTitle: rec("setWindowTitle", undefined),
  };
}

/** Lets pending promises and the re-render they cause run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A search hit in document 10 at `location`, the words of `marked` matched. */
export function hit(heading: string, location: SearchHit["location"], marked: string, over: Partial<SearchHit> = {}): SearchHit {
  return {
    document: { id: 10, symbol: "CAC/COSP/WG.2/2012/1", title: "临时议程和说明", language: "zh", kind: "agenda", file: "agenda.zh.txt" },
    location,
    passage: location.slot !== undefined ? "slot" : "item",
    heading,
    snippet: `… ${marked} …`,
    segments: [{ text: "… ", hit: false }, { text: marked, hit: true }, { text: " …", hit: false }],
    score: 1,
    ...over,
  };
}
