// Dates and times in the UI's language: every date or time the UI shows is
// worded here, through Intl.DateTimeFormat in the chosen language's locale
// (intlLocale). Dates the backend sends as ISO days ("2024-06-12") are
// calendar days, not instants: they are formatted at noon UTC in UTC, so no
// time zone can move them to the day before or after.
import { intlLocale, lang } from "./index";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale(lang.get());
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const isDay = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(day(iso).getTime());

/** A timetable day heading: "Wednesday, 12 June 2024", "mercredi 12 juin 2024",
 *  "الأربعاء، 12 يونيو 2024". An empty or unreadable date reads "—" or as given. */
export function formatDay(iso: string): string {
  if (!iso) return "—";
  if (!isDay(iso)) return iso;
  return format({ weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(day(iso));
}

/** A meeting's dates: "12–14 June 2024", "12‑14 juin 2024", "2024年6月12日至14日". */
export function formatDateRange(d: { start: string; end: string } | null): string | null {
  if (!d) return null;
  if (!isDay(d.start) || !isDay(d.end)) return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
  const f = format({ year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  if (d.start === d.end) return f.format(day(d.start));
  if (lang.get() === "zh") return chineseRange(d.start, d.end);
  return f.formatRange(day(d.start), day(d.end));
}

/** "2024年6月12日至14日", as UN Chinese documents write a meeting's dates. ICU's
 *  interval pattern for long Chinese dates falls back to "2024/6/12 – 2024/6/14". */
function chineseRange(start: string, end: string): string {
  const [y1, m1, d1] = start.split("-").map(Number);
  const [y2, m2, d2] = end.split("-").map(Number);
  const to = y1 !== y2 ? `${y2}年${m2}月${d2}日` : m1 !== m2 ? `${m2}月${d2}日` : `${d2}日`;
  return `${y1}年${m1}月${d1}日至${to}`;
}

/** "HH:MM" (24 hours) of an instant in `zone` (the reader's own by default). */
export function formatClock(instant: string | Date, zone?: string): string {
  return format({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(new Date(instant));
}

/** A moment, such as when a note was last edited: "12 June 2024, 10:00". */
export function formatDateTime(instant: string | Date, zone?: string): string {
  return format({ dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: zone }).format(new Date(instant));
}

/** A count with the language's digit grouping ("20,000", "20 000", "20.000"). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** A share as a percentage in the UI's language: "120%", "120 %", "120‎%". */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: "percent", maximumFractionDigits: 0 }).format(share);
}
