// The api is read off the generated bindings: checked here against stand-ins
// for the bindings and the Tauri modules, so that what is derived (every
// command unwrapped, every event as an on… listener) is known to work.
import { describe, expect, it, vi } from "vitest";
import type { Backend } from "./index";

const shell = vi.hoisted(() => {
  type Cb = (e: { payload: unknown }) => void;
  const listeners = new Map<string, Set<Cb>>();
  const ok = (data: unknown) => Promise.resolve({ status: "ok", data });
  const event = (name: string) => ({
    listen: (cb: Cb) => {
      const set = listeners.get(name) ?? new Set<Cb>();
      listeners.set(name, set);
      set.add(cb);
      return Promise.resolve(() => void set.delete(cb));
    },
  });
  return {
    listeners,
    emit: (name: string, payload: unknown) => listeners.get(name)?.forEach((cb) => cb({ payload })),
    commands: {
      listLibrary: vi.fn(() => ok({ meetings: [], unfiled: [] })),
      openDocument: vi.fn((id: number) => Promise.resolve({ status: "error", error: { kind: "not_found", message: `document ${id}` } })),
      addNote: vi.fn((...args: unknown[]) => ok({ id: 7, args })),
      deleteNote: vi.fn(() => ok(null)),
      uiReady: vi.fn(() => ok(null)),
      timeZones: vi.fn(() => Promise.resolve(["Europe/Vienna"])),
    },
    events: { importProgress: event("import-progress"), menuAction: event("menu-action") },
    setTitle: vi.fn(() => Promise.resolve()),
  };
});

vi.mock("../bindings", () => ({ commands: shell.commands, events: shell.events }));
vi.mock("@tauri-apps/api/core", () => ({ convertFileSrc: (path: string, protocol: string) => `${protocol}://localhost/${path}` }));
vi.mock("@tauri-apps/api/window", () => ({ getCurrentWindow: () => ({ setTitle: shell.setTitle }) }));

const { api, IpcError, setBackend } = await import("./index");

describe("the api read off the bindings", () => {
  it("answers a command with its data, the arguments passed in order", async () => {
    expect(await api.listLibrary()).toEqual({ meetings: [], unfiled: [] });
    expect(await api.addNote(10, "item:3(a)", 1, 4, "body")).toEqual({ id: 7, args: [10, "item:3(a)", 1, 4, "body"] });
    expect(await api.deleteNote(7)).toBeNull();
  });

  it("throws a command's error as an IpcError with the backend's kind and message", async () => {
    const e: unknown = await api.openDocument(3).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpcError);
    expect(e).toMatchObject({ kind: "not_found", message: "document 3" });
  });

  it("keeps what is not a plain command: the zones answered as they are, the page's clock added to uiReady, the file URL, the window's title", async () => {
    expect(await api.timeZones()).toEqual(["Europe/Vienna"]);
    await api.uiReady([{ what: "listing-rendered", at_ms: 12 }]);
    expect(shell.commands.uiReady).toHaveBeenCalledWith([{ what: "listing-rendered", at_ms: 12 }], expect.any(Number));
    expect(api.originalUrl(5)).toBe("original://localhost/5");
    await api.setWindowTitle("A/80/590 — Dossier");
    expect(shell.setTitle).toHaveBeenCalledWith("A/80/590 — Dossier");
  });

  it("offers each event as an on… listener, stopped even before the listening began", async () => {
    const heard: unknown[] = [];
    const stop = api.onMenuAction((id) => heard.push(id));
    await Promise.resolve();
    shell.emit("menu-action", "backup");
    stop();
    shell.emit("menu-action", "restore");
    expect(heard).toEqual(["backup"]);
    // Stopped at once: the listener the shell registers later is removed as soon as it is.
    const early = api.onImportProgress((p) => heard.push(p));
    early();
    await Promise.resolve();
    await Promise.resolve();
    shell.emit("import-progress", { done: 1 });
    expect(heard).toEqual(["backup"]);
    expect(shell.listeners.get("import-progress")?.size ?? 0).toBe(0);
  });

  // Last: the Tauri backend cannot be put back once replaced.
  it("forwards every call to the backend installed, and names every command and event", async () => {
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(shell.commands), "onImportProgress", "onMenuAction", "originalUrl", "setWindowTitle"].sort(),
    );
    const listLibrary = vi.fn(() => Promise.resolve({ meetings: [], unfiled: [] }));
    setBackend({ listLibrary } as unknown as Backend);
    await api.listLibrary();
    expect(listLibrary).toHaveBeenCalledTimes(1);
    expect(shell.commands.listLibrary).toHaveBeenCalledTimes(1); // the first test's call only
  });
});
