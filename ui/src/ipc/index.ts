// The only door to the backend. Everything else in the UI imports from here,
// never from "@tauri-apps/*" or the generated bindings directly.
import { commands } from "../bindings";
import type {
  AgendaItem_Serialize,
  AppInfo,
  CommandError,
  Document_Serialize,
  DocumentKind,
  LibraryEntry_Serialize,
  Paragraph_Serialize,
  Reference_Serialize,
  ScheduleSlot_Serialize,
  Section_Serialize,
} from "../bindings";

// What the backend sends (the serialized shape of the core's types).
export type Document = Document_Serialize;
export type LibraryEntry = LibraryEntry_Serialize;
export type AgendaItem = AgendaItem_Serialize;
export type ScheduleSlot = ScheduleSlot_Serialize;
export type Reference = Reference_Serialize;
export type Paragraph = Paragraph_Serialize;
export type Section = Section_Serialize;
export type { AppInfo, CommandError, DocumentKind };

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

export interface Backend {
  listLibrary(): Promise<LibraryEntry[]>;
  openDocument(id: number): Promise<Document>;
  appInfo(): Promise<AppInfo>;
}

const tauriBackend: Backend = {
  listLibrary: async () => unwrap(await commands.listLibrary()),
  openDocument: async (id) => unwrap(await commands.openDocument(id)),
  appInfo: async () => unwrap(await commands.appInfo()),
};

let backend: Backend = tauriBackend;

/** Tests install a fake backend here. */
export function setBackend(b: Backend): void {
  backend = b;
}

export const api: Backend = {
  listLibrary: () => backend.listLibrary(),
  openDocument: (id) => backend.openDocument(id),
  appInfo: () => backend.appInfo(),
};
