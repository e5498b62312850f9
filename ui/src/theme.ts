// The colour theme: the system's (prefers-color-scheme), light or dark, chosen
// in the header and remembered like the UI language. The choice is resolved
// here and put on the root as data-theme="light" | "dark", so the style sheet
// holds each theme's colours once (styles.css; their contrast is checked by
// theme.test.ts).
import { signalLike } from "./i18n/signal";

export type ThemeChoice = "system" | "light" | "dark";
export const THEMES: readonly ThemeChoice[] = ["system", "light", "dark"];
const KEY = "dossier.theme";

function isTheme(s: string | null | undefined): s is ThemeChoice {
  return THEMES.some((x) => x === s);
}

export const theme = signalLike<ThemeChoice>(((s) => (isTheme(s) ? s : "system"))(globalThis.localStorage?.getItem(KEY)));

function systemDark(): MediaQueryList | null {
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)") ?? null;
}

/** The theme a choice comes to now. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean = systemDark()?.matches ?? false): "light" | "dark" {
  return choice === "system" ? (prefersDark ? "dark" : "light") : choice;
}

/** Puts the chosen theme on the document root (or `root`). */
export function applyTheme(choice: ThemeChoice = theme.get(), root: HTMLElement = document.documentElement): void {
  root.dataset["theme"] = resolveTheme(choice);
}

export function setTheme(choice: ThemeChoice): void {
  globalThis.localStorage?.setItem(KEY, choice);
  applyTheme(choice);
  theme.set(choice);
}

/** Follows the system's theme while the choice is "system"; returns the unsubscribe. */
export function followSystemTheme(): () => void {
  const mq = systemDark();
  if (!mq) return () => {};
  const onChange = () => theme.get() === "system" && applyTheme("system");
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
