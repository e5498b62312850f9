import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { ScheduleTiming } from "../../ipc";
import { t } from "../../i18n";
import type { TimeMode } from "./time";
import { ExportResult } from "../personal/ExportResult";

interface Props {
  document: number;
  meeting: number | null;
  timing: ScheduleTiming;
  mode: TimeMode;
  onMode: (m: TimeMode) => void;
  /** The zone was changed: reload the document. */
  onZoneChanged: () => void;
}

let zonesCache: Promise<string[]> | null = null;

/** The schedule's time zone (venue or user-set, correctable), venue/local
 *  time toggle and calendar export. */
export function ZoneBar({ document, meeting, timing, mode, onMode, onZoneChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [zones, setZones] = useState<string[]>([]);
  const [draft, setDraft] = useState(timing.time_zone ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const unknown = timing.time_zone === null;
  useEffect(() => {
    if (!editing && !unknown) return;
    zonesCache ??= api.timeZones();
    void zonesCache.then(setZones);
  }, [editing, unknown]);
  const setZone = (zone: string | null) => {
    if (meeting === null) return;
    api.setMeetingTimeZone(meeting, zone).then(() => {
      setEditing(false);
      setError(null);
      onZoneChanged();
    }, fail);
  };
  const anyStarred = timing.slots.some((s) => s.starred);
  return (
    <div class="zone-bar" data-testid="zone-bar">
      {unknown || editing ? (
        <form
          class="zone-form"
          onSubmit={(e) => {
            e.preventDefault();
            setZone(draft.trim() || null);
          }}
        >
          {unknown && !editing && <span>{t("zoneUnknown")} </span>}
          <input
            list="iana-zones"
            value={draft}
            placeholder={t("zonePlaceholder")}
            aria-label={t("timeZone")}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            data-testid="zone-input"
          />
          <datalist id="iana-zones">
            {zones.map((z) => (
              <option value={z} key={z} />
            ))}
          </datalist>
          <button type="submit" disabled={meeting === null}>
            {t("setZone")}
          </button>
          {editing && (
            <button type="button" class="link" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          )}
        </form>
      ) : (
        <span class="zone">
          {t("timeZone")}
          {t("colon")}
          <b data-testid="zone-name">{timing.time_zone}</b> ({timing.zone_source === "user" ? t("zoneFromUser") : t("zoneFromVenue")}){" "}
          {meeting !== null && (
            <button class="link" onClick={() => setEditing(true)}>
              {t("changeZone")}
            </button>
          )}{" "}
          {timing.zone_source === "user" && (
            <button class="link" onClick={() => setZone(null)}>
              {t("resetZone")}
            </button>
          )}
        </span>
      )}
      {!unknown && (
        <span class="segmented" role="group" aria-label={t("timeZone")}>
          <button aria-pressed={mode === "venue"} onClick={() => onMode("venue")} data-testid="venue-time">
            {t("venueTime")}
          </button>
          <button aria-pressed={mode === "local"} onClick={() => onMode("local")} data-testid="local-time">
            {t("yourTime")}
          </button>
        </span>
      )}
      <span class="exports">
        <button onClick={() => void api.exportCalendar(document, false).then(setSaved, fail)} data-testid="export-ics">
          {t("exportSchedule")}
        </button>
        {anyStarred && (
          <button onClick={() => void api.exportCalendar(document, true).then(setSaved, fail)} data-testid="export-starred-ics">
            {t("exportStarred")}
          </button>
        )}
      </span>
      {error && <p class="error-text">{error}</p>}
      <ExportResult path={saved} />
    </div>
  );
}
