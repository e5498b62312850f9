// The only door to the backend. Everything else in the UI imports from here,
// never from "@tauri-apps/*" or the generated bindings directly.
import { convertFileSrc } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, events } from "../bindings";
import type {
  AgendaEntry_Serialize,
  BackupSummary,
  RestoreReport,
  AgendaItem_Serialize,
  ExportFormat,
  CitationFormat,
  ImportSummary_Serialize,
  ScheduleTiming_Serialize,
  AppInfo,
  Bookmark,
  BookmarkTarget,
  Note_Serialize,
  CommandError,
  PageMark,
  Document_Serialize,
  DocumentKind,
  DocumentRecord_Serialize,
  IngestProgress_Serialize,
  IngestReport_Serialize,
  IngestResult_Serialize,
  LibraryListing_Serialize,
  Location_Serialize,
  MeetingReference_Serialize,
  MeetingSummary_Serialize,
  Paragraph_Serialize,
  Reference_Serialize,
  ScheduleSlot_Serialize,
  SearchHit_Serialize,
  SearchRequest_Deserialize,
  Section_Serialize,
  Segment,
  ShellText,
  IndexStatus,
  StoredDocument_Serialize,
  PageView_Serialize,
  Rendition_Serialize,
  LanguageVersion,
  Place,
  Changes_Serialize,
  Query_Deserialize,
  QueryResult_Serialize,
  SortBy,
  RemoveScope,
  TrashEntry,
  EmptiedTrash,
  Facets,
  ItemHistory_Serialize,
  HistorySession_Serialize,
  AdoptionChanges,
} from "../bindings";

// What the backend sends (the serialized shape of the core's types).
export type Document = Document_Serialize;
export type { PageMark };
export type DocumentRecord = DocumentRecord_Serialize;
export type StoredDocument = StoredDocument_Serialize;
export type PageView = PageView_Serialize;
export type Rendition = Rendition_Serialize;
export type { LanguageVersion, Place };
export type Changes = Changes_Serialize;
export type LibraryQuery = Query_Deserialize;
export type QueryResult = QueryResult_Serialize;
export type { SortBy, RemoveScope, TrashEntry, EmptiedTrash, Facets };
export type LibraryListing = LibraryListing_Serialize;
export type MeetingSummary = MeetingSummary_Serialize;
export type MeetingReference = MeetingReference_Serialize;
export type AgendaItem = AgendaItem_Serialize;
export type ScheduleSlot = ScheduleSlot_Serialize;
export type Reference = Reference_Serialize;
export type Paragraph = Paragraph_Serialize;
export type Section = Section_Serialize;
export type SearchHit = SearchHit_Serialize;
export type SearchRequest = SearchRequest_Deserialize;
export type Location = Location_Serialize;
export type IngestProgress = IngestProgress_Serialize;
export type IngestReport = IngestReport_Serialize;
export type IngestResult = IngestResult_Serialize;
export type Note = Note_Serialize;
export type ScheduleTiming = ScheduleTiming_Serialize;
export type AgendaEntry = AgendaEntry_Serialize;
export type ImportSummary = ImportSummary_Serialize;
export type ItemHistory = ItemHistory_Serialize;
export type HistorySession = HistorySession_Serialize;
export type { AdoptionChanges };
export type { ExportFormat, CitationFormat };
export type { BackupSummary, RestoreReport };
export type { AppInfo, Bookmark, BookmarkTarget, CommandError, DocumentKind, IndexStatus, Segment };

/** A failed command, with the backend's stable error kind. */
export class IpcError extends Error {
  constructor(
    public readonly kind: CommandError["kind"],
    message: string,
  ) {
    super(message);
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

function unwrap<T>(r: Result<T>): T {
  if (r.status === "ok") return r.data;
  throw new IpcError(r.error.kind, r.error.message);
}

/** Stops listening. */
export type Unlisten = () => void;

export interface Backend {
  listLibrary(): Promise<LibraryListing>;
  meetingReferences(meeting: number): Promise<MeetingReference[]>;
  openDocument(id: number): Promise<StoredDocument>;
  setDocumentSymbol(id: number, symbol: string | null): Promise<DocumentRecord>;
  /** Reads the document's text from another of its files (null: the best one); the document as reread. */
  setTextSource(id: number, rendition: number | null): Promise<StoredDocument>;
  /** Opens a copy of one of a document's files in the system's application. */
  openOriginal(rendition: number): Promise<void>;
  /** Where the page view loads a rendition's file from. */
  originalUrl(rendition: number): string;
  /** What a version changed against the one before it (or `against`). */
  revisionChanges(id: number, against: number | null): Promise<Changes>;
  /** The library's documents through a filter and facets, sorted and counted. */
  queryLibrary(query: LibraryQuery): Promise<QueryResult>;
  /** Moves a document (scope "rendition": one of its files, by the file's id) to the trash. */
  removeDocument(id: number, scope: RemoveScope): Promise<TrashEntry>;
  listTrash(): Promise<TrashEntry[]>;
  restoreFromTrash(id: number): Promise<TrashEntry>;
  emptyTrash(): Promise<EmptiedTrash>;
  search(request: SearchRequest): Promise<SearchHit[]>;
  pickAndImport(folder: boolean): Promise<IngestReport | null>;
  /** Imports the files the app was started with (once); null when none. */
  importStartupFiles(): Promise<IngestReport | null>;
  appInfo(): Promise<AppInfo>;
  /** Tells the backend the library window is on screen (start-up time), with the page's own start-up moments. */
  uiReady(marks: PageMark[]): Promise<void>;
  listNotes(document: number | null): Promise<Note[]>;
  addNote(document: number, passage: string, start: number, end: number, body: string): Promise<Note>;
  updateNote(id: number, body: string): Promise<Note>;
  deleteNote(id: number): Promise<void>;
  restoreNote(id: number): Promise<Note>;
  listBookmarks(document: number | null): Promise<Bookmark[]>;
  addBookmark(document: number, target: BookmarkTarget, anchor: string, label: string): Promise<Bookmark>;
  removeBookmark(id: number): Promise<void>;
  documentForSeries(series: string): Promise<number>;
  starSlot(document: number, slotKey: string, starred: boolean): Promise<void>;
  myAgenda(): Promise<AgendaEntry[]>;
  setMeetingTimeZone(meeting: number, zone: string | null): Promise<void>;
  timeZones(): Promise<string[]>;
  /** Saves with the system dialog; the path written, or null when cancelled. */
  exportCalendar(document: number | null, starredOnly: boolean): Promise<string | null>;
  exportNotes(document: number | null, format: ExportFormat): Promise<string | null>;
  importNotes(): Promise<ImportSummary | null>;
  /** The same item at every session of its body the library holds, newest first. */
  itemHistory(document: number, item: string): Promise<ItemHistory>;
  /** What adoption changed in a provisional agenda (or, for a report, in its session's); null without both. */
  agendaChanges(document: number): Promise<AdoptionChanges | null>;
  /** The user's word on two items of different sessions: the same, different, or (null) no word. */
  setItemVerdict(document: number, item: string, otherDocument: number, otherItem: string, same: boolean | null): Promise<void>;
  /** A citation to paste, of a document or of a passage of it ("item:3(a)", "para:12"). */
  cite(document: number, passage: string | null): Promise<string>;
  exportCitations(documents: number[], format: CitationFormat): Promise<string | null>;
  /** Asks for a folder and backs the library up into it; null when cancelled. */
  backupLibrary(): Promise<BackupSummary | null>;
  /** Asks for a backup folder, checks it and restarts the app to restore it; false when cancelled. */
  restoreLibrary(): Promise<boolean>;
  /** The outcome of a restore carried out at this start, if any. */
  restoreReport(): Promise<RestoreReport | null>;
  onImportProgress(cb: (p: IngestProgress) => void): Unlisten;
  onImportFinished(cb: (r: IngestReport) => void): Unlisten;
  onDropHover(cb: (over: boolean) => void): Unlisten;
  /** Whether the search index is being rebuilt, and how far (asked at start). */
  indexStatus(): Promise<IndexStatus>;
  /** The rebuild's progress, and its end (rebuilding: false). */
  onIndexProgress(cb: (s: IndexStatus) => void): Unlisten;
  /** A native menu item was chosen: "import-files", "import-folder", "backup", "restore". */
  onMenuAction(cb: (id: string) => void): Unlisten;
  /** The native menu's and the dialogs' words in the UI's language. */
  setShellText(text: ShellText): Promise<void>;
  /** The window's title (it names the open document). */
  setWindowTitle(title: string): Promise<void>;
}

/** Subscribes to a Tauri event and returns a synchronous unsubscribe. */
function subscribe<T>(listen: (cb: (e: { payload: T }) => void) => Promise<() => void>, cb: (p: T) => void): Unlisten {
  let stop: (() => void) | null = null;
  let stopped = false;
  void listen((e) => cb(e.payload)).then((un) => {
    if (stopped) un();
    else stop = un;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

const tauriBackend: Backend = {
  listLibrary: async () => unwrap(await commands.listLibrary()),
  meetingReferences: async (meeting) => unwrap(await commands.meetingReferences(meeting)),
  openDocument: async (id) => unwrap(await commands.openDocument(id)),
  setDocumentSymbol: async (id, symbol) => unwrap(await commands.setDocumentSymbol(id, symbol)),
  setTextSource: async (id, r) => unwrap(await commands.setTextSource(id, r)),
  openOriginal: async (r) => {
    unwrap(await commands.openOriginal(r));
  },
  originalUrl: (r) => convertFileSrc(String(r), "original"),
  revisionChanges: async (id, against) => unwrap(await commands.revisionChanges(id, against)),
  queryLibrary: async (q) => unwrap(await commands.queryLibrary(q)),
  removeDocument: async (id, scope) => unwrap(await commands.removeDocument(id, scope)),
  listTrash: async () => unwrap(await commands.listTrash()),
  restoreFromTrash: async (id) => unwrap(await commands.restoreFromTrash(id)),
  emptyTrash: async () => unwrap(await commands.emptyTrash()),
  search: async (request) => unwrap(await commands.search(request)),
  pickAndImport: async (folder) => unwrap(await commands.pickAndImport(folder)),
  importStartupFiles: async () => unwrap(await commands.importStartupFiles()),
  appInfo: async () => unwrap(await commands.appInfo()),
  uiReady: async (marks) => {
    unwrap(await commands.uiReady(marks, performance.now()));
  },
  listNotes: async (d) => unwrap(await commands.listNotes(d)),
  addNote: async (d, p, s, e, b) => unwrap(await commands.addNote(d, p, s, e, b)),
  updateNote: async (id, b) => unwrap(await commands.updateNote(id, b)),
  deleteNote: async (id) => {
    unwrap(await commands.deleteNote(id));
  },
  restoreNote: async (id) => unwrap(await commands.restoreNote(id)),
  listBookmarks: async (d) => unwrap(await commands.listBookmarks(d)),
  addBookmark: async (d, t, a, l) => unwrap(await commands.addBookmark(d, t, a, l)),
  removeBookmark: async (id) => {
    unwrap(await commands.removeBookmark(id));
  },
  documentForSeries: async (s) => unwrap(await commands.documentForSeries(s)),
  starSlot: async (d, k, on) => {
    unwrap(await commands.starSlot(d, k, on));
  },
  myAgenda: async () => unwrap(await commands.myAgenda()),
  setMeetingTimeZone: async (m, z) => {
    unwrap(await commands.setMeetingTimeZone(m, z));
  },
  timeZones: () => commands.timeZones(),
  exportCalendar: async (d, s) => unwrap(await commands.exportCalendar(d, s)),
  exportNotes: async (d, f) => unwrap(await commands.exportNotes(d, f)),
  importNotes: async () => unwrap(await commands.importNotes()),
  cite: async (d, p) => unwrap(await commands.cite(d, p)),
  itemHistory: async (d, i) => unwrap(await commands.itemHistory(d, i)),
  agendaChanges: async (d) => unwrap(await commands.agendaChanges(d)),
  setItemVerdict: async (d, i, od, oi, same) => {
    unwrap(await commands.setItemVerdict(d, i, od, oi, same));
  },
  exportCitations: async (d, f) => unwrap(await commands.exportCitations(d, f)),
  backupLibrary: async () => unwrap(await commands.backupLibrary()),
  restoreLibrary: async () => unwrap(await commands.restoreLibrary()),
  restoreReport: async () => unwrap(await commands.restoreReport()),
  onImportProgress: (cb) => subscribe<IngestProgress>((f) => events.importProgress.listen(f), cb),
  onImportFinished: (cb) => subscribe<IngestReport>((f) => events.importFinished.listen(f), cb),
  onDropHover: (cb) => subscribe<boolean>((f) => events.dropHover.listen(f), cb),
  indexStatus: async () => unwrap(await commands.indexStatus()),
  onIndexProgress: (cb) => subscribe<IndexStatus>((f) => events.indexProgress.listen(f), cb),
  onMenuAction: (cb) => subscribe<string>((f) => events.menuAction.listen(f), cb),
  setShellText: async (text) => {
    unwrap(await commands.setShellText(text));
  },
  // A window API, not a command: allowed by "core:window:allow-set-title"
  // (src-tauri/capabilities/default.json).
  setWindowTitle: (title) => getCurrentWindow().setTitle(title),
};

let backend: Backend = tauriBackend;

/** Tests install a fake backend here. */
export function setBackend(b: Backend): void {
  backend = b;
}

export const api: Backend = {
  listLibrary: () => backend.listLibrary(),
  meetingReferences: (m) => backend.meetingReferences(m),
  openDocument: (id) => backend.openDocument(id),
  setDocumentSymbol: (id, s) => backend.setDocumentSymbol(id, s),
  setTextSource: (id, r) => backend.setTextSource(id, r),
  openOriginal: (r) => backend.openOriginal(r),
  originalUrl: (r) => backend.originalUrl(r),
  revisionChanges: (id, a) => backend.revisionChanges(id, a),
  queryLibrary: (q) => backend.queryLibrary(q),
  removeDocument: (id, scope) => backend.removeDocument(id, scope),
  listTrash: () => backend.listTrash(),
  restoreFromTrash: (id) => backend.restoreFromTrash(id),
  emptyTrash: () => backend.emptyTrash(),
  search: (r) => backend.search(r),
  pickAndImport: (f) => backend.pickAndImport(f),
  importStartupFiles: () => backend.importStartupFiles(),
  appInfo: () => backend.appInfo(),
  uiReady: (m) => backend.uiReady(m),
  listNotes: (d) => backend.listNotes(d),
  addNote: (d, p, s, e, b) => backend.addNote(d, p, s, e, b),
  updateNote: (id, b) => backend.updateNote(id, b),
  deleteNote: (id) => backend.deleteNote(id),
  restoreNote: (id) => backend.restoreNote(id),
  listBookmarks: (d) => backend.listBookmarks(d),
  addBookmark: (d, t, a, l) => backend.addBookmark(d, t, a, l),
  removeBookmark: (id) => backend.removeBookmark(id),
  documentForSeries: (s) => backend.documentForSeries(s),
  starSlot: (d, k, on) => backend.starSlot(d, k, on),
  myAgenda: () => backend.myAgenda(),
  setMeetingTimeZone: (m, z) => backend.setMeetingTimeZone(m, z),
  timeZones: () => backend.timeZones(),
  exportCalendar: (d, s) => backend.exportCalendar(d, s),
  exportNotes: (d, f) => backend.exportNotes(d, f),
  importNotes: () => backend.importNotes(),
  cite: (d, p) => backend.cite(d, p),
  itemHistory: (d, i) => backend.itemHistory(d, i),
  agendaChanges: (d) => backend.agendaChanges(d),
  setItemVerdict: (d, i, od, oi, same) => backend.setItemVerdict(d, i, od, oi, same),
  exportCitations: (d, f) => backend.exportCitations(d, f),
  backupLibrary: () => backend.backupLibrary(),
  restoreLibrary: () => backend.restoreLibrary(),
  restoreReport: () => backend.restoreReport(),
  onImportProgress: (cb) => backend.onImportProgress(cb),
  onImportFinished: (cb) => backend.onImportFinished(cb),
  onDropHover: (cb) => backend.onDropHover(cb),
  indexStatus: () => backend.indexStatus(),
  onIndexProgress: (cb) => backend.onIndexProgress(cb),
  onMenuAction: (cb) => backend.onMenuAction(cb),
  setShellText: (text) => backend.setShellText(text),
  setWindowTitle: (title) => backend.setWindowTitle(title),
};
