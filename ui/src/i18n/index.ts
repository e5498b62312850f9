// UI strings in the six UN languages: Arabic, Chinese, English, French,
// Russian and Spanish (messages/*.ts). The language follows the OS locale
// (navigator.languages) until the user picks one; the choice is remembered.
//
// Plurals use the platform's Intl.PluralRules, not a message-format library
// (FormatJS, Lingui). The UI has a handful of counted messages and no other
// variable grammar (no select, no gender), and every webview Dossier runs in
// (WebKitGTK, WKWebView, WebView2) ships CLDR's plural rules for all six
// languages: Russian's one/few/many/other and Arabic's six categories come
// for free. A library would add tens of kilobytes to a 4 kB-framework UI, and
// Lingui a compiler step, for what is a lookup of the category in a table.
// Dates, numbers and lists go through Intl as well (format.ts, tp, list).
import { signalLike } from "./signal";
import type { Plural, PluralCategory } from "./types";
import { en } from "./messages/en";
import { zh } from "./messages/zh";
import { ar } from "./messages/ar";
import { fr } from "./messages/fr";
import { ru } from "./messages/ru";
import { es } from "./messages/es";

export type Lang = "ar" | "zh" | "en" | "fr" | "ru" | "es";

/** The six languages in UN order, each named in itself (the language switch). */
export const LANGUAGES: readonly { code: Lang; name: string }[] = [
  { code: "ar", name: "العربية" },
  { code: "zh", name: "中文" },
  { code: "en", name: "English" },
  { code: "fr", name: "Français" },
  { code: "ru", name: "Русский" },
  { code: "es", name: "Español" },
];

type Table = typeof en;
export type Key = keyof Table;
/** Keys of plain messages (for t and tf). */
export type TextKey = { [K in Key]: Table[K] extends string ? K : never }[Key];
/** Keys of counted messages (for tp). */
export type PluralKey = Exclude<Key, TextKey>;

/** Every language's table, English's shape (checked by MessagesLike). */
export const tables: Record<Lang, { readonly [K in Key]: Table[K] extends string ? string : Plural }> = { ar, zh, en, fr, ru, es };

function isLang(s: string | null | undefined): s is Lang {
  return LANGUAGES.some((l) => l.code === s);
}

/** The first of the user's preferred locales ("fr-CH", "zh-TW", "ar-EG")
 *  whose language is one of the six; English when none is. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem("dossier.lang");
  if (isLang(saved)) return saved;
  const nav = globalThis.navigator;
  return pickLang(nav?.languages?.length ? nav.languages : [nav?.language ?? "en"]);
}

export const lang = signalLike<Lang>(initialLang());

/** The `lang` attribute for UI text: UN Chinese is simplified. */
export function langTag(l: Lang): string {
  return l === "zh" ? "zh-Hans" : l;
}

/** The writing direction of a UI language. */
export function dirOf(l: Lang): "rtl" | "ltr" {
  return l === "ar" ? "rtl" : "ltr";
}

/** The locale Intl formats with. English is British, as at the UN ("12 June
 *  2024"); Arabic keeps Western digits, as UN Arabic documents print them
 *  (so "10:00" in a timetable and the dates around it match). */
export function intlLocale(l: Lang = lang.get()): string {
  switch (l) {
    case "ar":
      return "ar-u-nu-latn";
    case "en":
      return "en-GB";
    case "zh":
      return "zh-Hans-CN";
    default:
      return l;
  }
}

/** Puts the language and direction on the document root (or `root`). */
export function applyLang(l: Lang = lang.get(), root: HTMLElement = document.documentElement): void {
  root.lang = langTag(l);
  root.dir = dirOf(l);
}

export function setLang(l: Lang): void {
  globalThis.localStorage?.setItem("dossier.lang", l);
  applyLang(l);
  lang.set(l);
}

export function t(key: TextKey): string {
  return tables[lang.get()][key];
}

const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** A string with {name} placeholders filled in. */
export function tf(key: TextKey, values: Record<string, string | number>): string {
  return fill(t(key), values);
}

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();
function cached<T>(cache: Map<string, T>, locale: string, make: (l: string) => T): T {
  let v = cache.get(locale);
  if (!v) cache.set(locale, (v = make(locale)));
  return v;
}

/** The plural category of `count` in language `l`. */
export function pluralCategory(count: number, l: Lang = lang.get()): PluralCategory {
  return cached(rules, intlLocale(l), (x) => new Intl.PluralRules(x)).select(count);
}

/** A counted message: the form for `count`'s plural category, {count} as a
 *  number in the UI's language, other placeholders from `values`. */
export function tp(key: PluralKey, count: number, values: Record<string, string | number> = {}): string {
  const l = lang.get();
  const forms: Plural = tables[l][key];
  const form = forms[pluralCategory(count, l)] ?? forms.other;
  return fill(form, { ...values, count: cached(numbers, intlLocale(l), (x) => new Intl.NumberFormat(x)).format(count) });
}

/** "a, b and c" in the UI's language (Arabic "و", Chinese "和", …). */
export function list(items: string[]): string {
  return cached(lists, intlLocale(), (x) => new Intl.ListFormat(x, { type: "conjunction" })).format(items);
}
