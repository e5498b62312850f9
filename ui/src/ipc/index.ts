// The only door to the backend. Everything else in the UI imports from here,
// never from "@tauri-apps/*" or the generated bindings directly.
import { convertFileSrc } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, events } from "../bindings";
import type {
  AgendaEntry_Serialize,
  BackupSummary,
  RestoreReport_Serialize,
  AgendaItem_Serialize,
  ExportFormat,
  CitationFormat,
  ImportSummary_Serialize,
  ScheduleTiming_Serialize,
  AppInfo_Serialize,
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
  FetchFormats,
  FetchOutcome,
  FetchPlan_Serialize,
  FetchReport_Serialize,
  FetchResult_Serialize,
  FetchSettings,
  FetchStatus,
  FetchStop,
  FetchTarget_Serialize,
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
export type FetchPlan = FetchPlan_Serialize;
export type FetchReport = FetchReport_Serialize;
export type FetchResult = FetchResult_Serialize;
export type FetchTarget = FetchTarget_Serialize;
export type { FetchFormats, FetchOutcome, FetchSettings, FetchStatus, FetchStop };
export type { ExportFormat, CitationFormat };
export type { BackupSummary };
export type RestoreReport = RestoreReport_Serialize;
export type AppInfo = AppInfo_Serialize;
export type { Bookmark, BookmarkTarget, CommandError, DocumentKind, IndexStatus, Segment };

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

// What the UI asks of the backend is read off the generated bindings: every
// command, its answer unwrapped (a failure thrown as an IpcError), and every
// event as an `on…` listener (events.importProgress: onImportProgress). Only
// what is not a plain command is written here, once: in `own`, whose type is
// its own description.

/** The calls that are not a command as generated: they override any of the same name. */
const own = {
  /** Where the page view loads a rendition's file from. */
  originalUrl: (rendition: number): string => convertFileSrc(String(rendition), "original"),
  /** Tells the backend the library window is on screen (start-up time), with
   *  the page's own start-up moments; the page's clock is added here. */
  uiReady: async (marks: PageMark[]): Promise<void> => {
    unwrap(await commands.uiReady(marks, performance.now()));
  },
  /** The IANA zone names the zone picker offers (the command answers plainly, not with a result). */
  timeZones: (): Promise<string[]> => commands.timeZones(),
  /** The window's title (it names the open document). A window API, not a
   *  command: allowed by "core:window:allow-set-title" (src-tauri/capabilities/default.json). */
  setWindowTitle: (title: string): Promise<void> => getCurrentWindow().setTitle(title),
};

type Commands = typeof commands;
type Events = typeof events;
type Own = typeof own;

/** A generated command as the UI calls it: its answer, or an IpcError thrown. */
type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T>> ? (...args: A) => Promise<T> : never;
/** What an event carries. */
type Payload<E> = E extends { listen: (cb: (e: { payload: infer P }) => void) => unknown } ? P : never;
/** An event's listener name: importProgress → onImportProgress. */
type ListenerName<K extends string> = `on${Capitalize<K>}`;

/** Every call the UI can make; the documentation of each is the Rust one, in bindings.ts. */
export type Backend = { [K in Exclude<keyof Commands, keyof Own>]: Unwrapped<Commands[K]> } & {
  [K in keyof Events & string as ListenerName<K>]: (cb: (payload: Payload<Events[K]>) => void) => Unlisten;
} & Own;

const listenerName = <K extends string>(event: K): ListenerName<K> => `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as ListenerName<K>;

// The two loops below see the commands and events only as records of
// functions, so the compiler cannot check them against Backend: they build
// what the mapped types above describe (ipc/index.test.ts checks that they do).
type AnyCommand = (...args: unknown[]) => Promise<Result<unknown>>;
type AnyEvent = { listen: (cb: (e: { payload: unknown }) => void) => Promise<() => void> };

const tauriBackend = {
  ...Object.fromEntries(Object.entries(commands).map(([name, call]) => [name, async (...args: unknown[]) => unwrap(await (call as AnyCommand)(...args))])),
  ...Object.fromEntries(Object.entries(events).map(([name, event]) => [listenerName(name), (cb: (p: unknown) => void) => subscribe((f) => (event as AnyEvent).listen(f), cb)])),
  ...own,
} as unknown as Backend;

let backend: Backend = tauriBackend;

/** Tests install a fake backend here. */
export function setBackend(b: Backend): void {
  backend = b;
}

/** The calls, each forwarded to the backend installed (the Tauri one, or a test's fake). */
export const api = Object.fromEntries(
  Object.keys(tauriBackend).map((name) => [name, (...args: unknown[]) => (backend[name as keyof Backend] as (...a: unknown[]) => unknown)(...args)]),
) as unknown as Backend;
