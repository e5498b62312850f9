// Time zones as a delegate looks for them: by city ("Vienna", "New York"),
// by IANA name ("Europe/Vienna") or by the zone's name in the UI's language
// ("heure d’Europe centrale", "中欧时间"). The names come from the webview's
// Intl (supportedValuesOf, DateTimeFormat's longGeneric name), kept to those
// the backend accepts when it says which.
import { intlLocale } from "../../i18n";

export interface ZoneChoice {
  /** The IANA name, as the backend takes it. */
  id: string;
  /** The city (the name's last part, spaces for underscores). */
  city: string;
  /** The zone's name in the UI's language, when Intl knows it. */
  name: string;
  /** What the search looks in, folded. */
  haystack: string;
}

/** Lower case, without accents, underscores and slashes as spaces. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[_/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// ES2022's Intl, which the webviews have and TypeScript's ES2021 library lacks.
const supportedValuesOf = (Intl as { supportedValuesOf?: (key: "timeZone") => string[] }).supportedValuesOf;
const longGeneric = { timeZoneName: "longGeneric" } as unknown as Intl.DateTimeFormatOptions;

function zoneName(id: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: id, ...longGeneric }).formatToParts(new Date());
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** The zones to choose from: the webview's, those the backend accepts
 *  (`accepted`, when it names any), or the backend's alone without Intl's. */
export function zoneChoices(accepted: string[], locale: string = intlLocale()): ZoneChoice[] {
  const intl = supportedValuesOf ? supportedValuesOf.call(Intl, "timeZone") : [];
  const allowed = new Set(accepted);
  const ids = intl.length === 0 ? accepted : accepted.length === 0 ? intl : intl.filter((z) => allowed.has(z));
  return ids.map((id) => {
    const city = (id.split("/").pop() ?? id).replace(/_/g, " ");
    const name = zoneName(id, locale);
    return { id, city, name, haystack: fold(`${city} ${id} ${name}`) };
  });
}

/** The zones matching `query`, best first: the city beginning with it, then
 *  a word of the name beginning with it, then containing it anywhere. */
export function searchZones(choices: ZoneChoice[], query: string, limit = 8): ZoneChoice[] {
  const q = fold(query);
  if (!q) return [];
  const rank = (c: ZoneChoice) => {
    const city = fold(c.city);
    if (city === q) return 0;
    if (city.startsWith(q)) return 1;
    if (c.haystack.split(" ").some((w) => w.startsWith(q))) return 2;
    return c.haystack.includes(q) ? 3 : 4;
  };
  return choices
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r < 4)
    .sort((a, b) => a.r - b.r || a.c.city.localeCompare(b.c.city))
    .slice(0, limit)
    .map((x) => x.c);
}

/** The zone a typed text names without doubt: an IANA name (any case), a city
 *  typed in full, or the one zone matching it; null otherwise. */
export function resolveZone(choices: ZoneChoice[], text: string): string | null {
  const q = fold(text);
  if (!q) return null;
  const exact = choices.find((c) => fold(c.id) === q) ?? choices.find((c) => fold(c.city) === q);
  if (exact) return exact.id;
  const found = searchZones(choices, text, 2);
  return found.length === 1 ? found[0]!.id : null;
}
