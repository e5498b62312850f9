// Slots in time: which one is under way and which comes next, and how to
// show a slot's hours in the venue's time or the reader's own.
import type { ScheduleTiming } from "../../ipc";
import { formatClock } from "../../i18n/format";
import { useCallback, useState } from "preact/hooks";
import { useNow } from "../../clock";

export interface NowNext {
  /** The slot under way, if any. */
  current: number | null;
  /** The next slot to start (after the current one, or from now). */
  next: number | null;
}

/** Which slots are under way and next at `now`, from the slots' instants. */
export function nowAndNext(timing: ScheduleTiming | null, now: Date): NowNext {
  const out: NowNext = { current: null, next: null };
  if (!timing) return out;
  const t = now.getTime();
  let nextStart = Infinity;
  timing.slots.forEach((s, i) => {
    if (!s.starts_at) return;
    const start = Date.parse(s.starts_at);
    const end = s.ends_at ? Date.parse(s.ends_at) : start + 3 * 3600_000;
    if (start <= t && t < end && out.current === null) out.current = i;
    if (start > t && start < nextStart) {
      nextStart = start;
      out.next = i;
    }
  });
  return out;
}

/** The slots under way and next, again at every tick of the clock (the
 *  component calling this re-renders then, and nothing else does). */
export function useNowNext(timing: ScheduleTiming | null): NowNext {
  return nowAndNext(timing, useNow());
}

export type TimeMode = "venue" | "local";

const TIME_MODE_KEY = "dossier.timeMode";

/** Hours in the venue's time or the reader's own: the choice, remembered. */
export function useTimeMode(): [TimeMode, (m: TimeMode) => void] {
  const [mode, setMode] = useState<TimeMode>(() => (globalThis.localStorage?.getItem(TIME_MODE_KEY) === "local" ? "local" : "venue"));
  const choose = useCallback((m: TimeMode) => {
    globalThis.localStorage?.setItem(TIME_MODE_KEY, m);
    setMode(m);
  }, []);
  return [mode, choose];
}

/** The ISO date of an instant in the reader's own time zone (a key, not
 *  for display: always the Gregorian calendar in Western digits). */
export function localDate(instant: string, zone?: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** How a slot's hours read: "10:00–13:00" as printed, or in local time with a
 *  day shift ("+1") when the local date differs from the venue's. */
export function slotHours(
  printed: { date: string | null; start: string | null; end: string | null },
  instants: { starts_at: string | null; ends_at: string | null } | undefined,
  mode: TimeMode,
  zone?: string,
): string {
  if (mode === "local" && instants?.starts_at) {
    const start = formatClock(instants.starts_at, zone);
    const end = instants.ends_at ? formatClock(instants.ends_at, zone) : "?";
    const day = localDate(instants.starts_at, zone);
    const shift = printed.date && day !== printed.date ? (day > printed.date ? " (+1)" : " (−1)") : "";
    return `${start}–${end}${shift}`;
  }
  if (printed.start === null && printed.end === null) return "";
  return printed.end === null ? `${printed.start}–` : `${printed.start ?? "?"}–${printed.end}`;
}
