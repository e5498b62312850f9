// The only door to the backend. Everything else in the UI imports from here,
// never from "@tauri-apps/*" or the generated bindings directly.
import { commands } from "../bindings";
import type { CommandError, Document, LibraryEntry, AppInfo } from "../bindings";

export type { CommandError, Document, LibraryEntry, AppInfo };
export type { AgendaItem, ScheduleSlot, Reference, Paragraph, Section, DocumentKind } from "../bindings";

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
