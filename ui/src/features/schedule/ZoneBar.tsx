import { useEffect, useMemo, useState } from "preact/hooks";
import { IpcError, api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { ScheduleTiming } from "../../ipc";
import { intlLocale, t, tf } from "../../i18n";
import { resolveZone, searchZones, zoneChoices } from "./zones";
import type { ZoneChoice } from "./zones";
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
  const [accepted, setAccepted] = useState<string[] | null>(null);
  const [draft, setDraft] = useState(timing.time_zone ?? "");
  const [active, setActive] = useState(-1);
  const [listOpen, setListOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const unknown = timing.time_zone === null;
  const choosing = unknown || editing;
  useEffect(() => {
    if (!choosing) return;
    zonesCache ??= api.timeZones();
    void zonesCache.then(setAccepted, () => setAccepted([]));
  }, [choosing]);
  // The zones' names are in the UI's language: worded again when it changes.
  const locale = intlLocale();
  const choices = useMemo(() => (choosing && accepted ? zoneChoices(accepted, locale) : []), [choosing, accepted, locale]);
  const matches = useMemo(() => searchZones(choices, draft), [choices, draft]);
  const setZone = (zone: string | null) => {
    if (meeting === null) return;
    api.setMeetingTimeZone(meeting, zone).then(
      () => {
        setEditing(false);
        setError(null);
        onZoneChanged();
      },
      // The backend's refusal is English; the UI says it in its own language.
      (e: unknown) => (e instanceof IpcError && e.kind === "invalid" && zone ? setError(tf("zoneInvalid", { zone })) : fail(e)),
    );
  };
  const choose = (z: ZoneChoice) => {
    setDraft(z.id);
    setListOpen(false);
    setZone(z.id);
  };
  const submit = () => {
    const text = draft.trim();
    if (!text) return setZone(null);
    const zone = resolveZone(choices, text);
    if (zone) setZone(zone);
    else setError(tf("zoneInvalid", { zone: text }));
  };
  const cancel = () => {
    setEditing(false);
    setError(null);
    setListOpen(false);
    setDraft(timing.time_zone ?? "");
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setListOpen(true);
      const n = matches.length;
      if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a <= 0 ? n - 1 : a - 1)));
    } else if (e.key === "Enter" && listOpen && matches[active]) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === "Escape") {
      if (listOpen) {
        e.stopPropagation();
        setListOpen(false);
      } else if (editing) cancel();
    }
  };
  const showList = listOpen && draft.trim() !== "";
  const anyStarred = timing.slots.some((s) => s.starred);
  return (
    <div class="zone-bar" data-testid="zone-bar">
      {unknown || editing ? (
        <form
          class="zone-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {unknown && !editing && <span>{t("zoneUnknown")} </span>}
          <span class="zone-combo">
            <input
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={showList}
              aria-controls="zone-options"
              aria-activedescendant={showList && matches[active] ? `zone-option-${active}` : undefined}
              value={draft}
              placeholder={t("zonePlaceholder")}
              aria-label={t("timeZone")}
              autoComplete="off"
              spellcheck={false}
              onInput={(e) => {
                setDraft((e.target as HTMLInputElement).value);
                setActive(-1);
                setListOpen(true);
                setError(null);
              }}
              onKeyDown={onKey}
              onBlur={() => setListOpen(false)}
              data-testid="zone-input"
            />
            {showList && (
              <ul class="zone-options" role="listbox" id="zone-options" aria-label={t("timeZone")}>
                {matches.length === 0 && <li class="state">{t("zoneNoMatch")}</li>}
                {matches.map((z, i) => (
                  // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the combobox pattern (WAI-ARIA APG): the focus stays in the zone field, which moves through the options with the arrow keys (aria-activedescendant) and chooses one with Enter
                  <li
                    key={z.id}
                    id={`zone-option-${i}`}
                    role="option"
                    aria-selected={i === active}
                    class={i === active ? "active" : ""}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(z)}
                  >
                    <b>{z.city}</b> <span class="symbol">{z.id}</span> {z.name && <span class="zone-name">{z.name}</span>}
                  </li>
                ))}
              </ul>
            )}
          </span>
          <button type="submit" disabled={meeting === null}>
            {t("setZone")}
          </button>
          {editing && (
            <button type="button" class="link" onClick={cancel}>
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
            <button
              class="link"
              onClick={() => {
                setDraft(timing.time_zone ?? "");
                setError(null);
                setEditing(true);
              }}
            >
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
        {/* Always there, so that the first star adds no row above the timetable. */}
        <button onClick={() => void api.exportCalendar(document, true).then(setSaved, fail)} disabled={!anyStarred} data-testid="export-starred-ics">
          {t("exportStarred")}
        </button>
      </span>
      {error && <p class="error-text">{error}</p>}
      <ExportResult path={saved} />
    </div>
  );
}
