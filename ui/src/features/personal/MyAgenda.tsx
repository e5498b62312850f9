import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { AgendaEntry } from "../../ipc";
import { t, tp } from "../../i18n";
import { formatDay } from "../../i18n/format";
import { slotHours } from "../schedule/time";
import type { TimeMode } from "../schedule/time";
import { ExportResult } from "./ExportResult";

interface Props {
  /** Changes whenever stars may have changed, to reload. */
  version: number;
  mode: TimeMode;
  onOpen: (entry: AgendaEntry) => void;
}

/** Every starred slot across meetings, soonest first, grouped by day. */
export function MyAgenda({ version, mode, onOpen }: Props) {
  const [entries, setEntries] = useState<AgendaEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api.myAgenda().then(setEntries, (e: unknown) => setError(errorText(e)));
  }, [version]);
  if (error) return <p class="error-text">{error}</p>;
  if (entries === null) return <p class="state">{t("loading")}</p>;
  if (entries.length === 0) return <p class="state">{t("noStars")}</p>;
  const days: { date: string; entries: AgendaEntry[] }[] = [];
  for (const e of entries) {
    const date = e.slot?.date ?? e.slot_key.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.date === date) last.entries.push(e);
    else days.push({ date, entries: [e] });
  }
  const exportAll = () =>
    api.exportCalendar(null, true).then(
      (p) => setSaved(p),
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <div class="personal my-agenda" data-testid="my-agenda">
      <div class="personal-tools">
        <button onClick={() => void exportAll()} data-testid="export-my-agenda">
          {t("exportSchedule")}
        </button>
      </div>
      <ExportResult path={saved} />
      <p class="list-count" data-testid="list-count">
        {tp("nStarredSlots", entries.length)}
      </p>
      {days.map((d) => (
        <section key={d.date}>
          <h4>{formatDay(d.date)}</h4>
          <ul>
            {d.entries.map((e) => (
              <li key={`${e.series}|${e.slot_key}`}>
                <button class="entry" onClick={() => onOpen(e)} disabled={e.slot_index === null}>
                  <span class="time">
                    {e.slot ? slotHours(e.slot, { starts_at: e.starts_at, ends_at: e.ends_at }, mode) : e.slot_key.slice(11)}
                    {e.time_zone && mode === "venue" && <span class="zone"> {e.time_zone}</span>}
                  </span>
                  <span class="entry-items" dir="auto">{e.items.length > 0 ? e.items.join("; ") : (e.slot?.titles.join("; ") ?? "")}</span>
                  <span class="entry-doc">
                    <span dir="auto">{[e.body, e.venue].filter(Boolean).join(" · ")}</span>
                    {e.slot_index === null && <em> · {t("slotGone")}</em>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
