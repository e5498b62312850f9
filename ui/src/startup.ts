import type { PageMark } from "./ipc";

// Moments of the page's start (its own clock), sent with `uiReady` so that
// `dossier-bench --startup` can show where the time after the webview's
// start goes.
const marks: PageMark[] = [];

export function startupMark(what: string): void {
  marks.push({ what, at_ms: performance.now() });
}

export function startupMarks(): PageMark[] {
  return [...marks];
}
