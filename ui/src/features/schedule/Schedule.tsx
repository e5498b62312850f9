import { useMemo } from "preact/hooks";
import type { AgendaItem, ScheduleSlot, ScheduleTiming } from "../../ipc";
import { t } from "../../i18n";
import { slotMatchesItem } from "../agenda/items";
import { slotHours, useNowNext } from "./time";
import type { TimeMode } from "./time";
import { formatDay } from "../../i18n/format";
import { useTextAttrs } from "../reader/documentText";
import { agendaTitles, slotItems, unassignedTitles } from "./slotItems";
import { Highlighted } from "../reader/Highlighted";

interface Props {
  slots: ScheduleSlot[];
  /** The document's agenda: each slot item shows its own title from it. */
  agenda?: AgendaItem[];
  timing: ScheduleTiming | null;
  selectedItem: string | null;
  selectedSlot: number | null;
  onSelectSlot: (index: number) => void;
  onStar?: (index: number, starred: boolean) => void;
  mode?: TimeMode;
  /** Words to mark (a search's matches). */
  marks?: string[];
}

/** "morning" → "Morning" in the UI's language (a row that names the part of the day, not its hours). */
function partOfDay(part: string): string {
  if (part === "morning" || part === "afternoon" || part === "evening") return t(`part_${part}`);
  return part;
}

/** The timetable, one block per day, parallel meetings as a second lane;
 *  stars, and the slots under way and next (by the clock). */
export function Schedule({ slots, agenda, timing, selectedItem, selectedSlot, onSelectSlot, onStar, mode = "venue", marks = [] }: Props) {
  const text = useTextAttrs();
  const nowNext = useNowNext(timing);
  const titles = useMemo(() => agendaTitles(agenda ?? []), [agenda]);
  if (slots.length === 0) return <p class="state">{t("noSchedule")}</p>;
  const days: { date: string; slots: { slot: ScheduleSlot; index: number }[] }[] = [];
  slots.forEach((slot, index) => {
    const date = slot.date ?? "";
    let day = days.find((d) => d.date === date);
    if (!day) {
      day = { date, slots: [] };
      days.push(day);
    }
    day.slots.push({ slot, index });
  });
  return (
    <div class="schedule">
      {days.map((day) => (
        <section class="day" key={day.date}>
          <h4>{formatDay(day.date)}</h4>
          {day.slots.map(({ slot, index }) => {
            const hit = selectedItem !== null && slotMatchesItem(slot, selectedItem);
            const now = nowNext.current === index;
            const next = nowNext.next === index;
            const starred = timing?.slots[index]?.starred ?? false;
            const cls = ["slot", hit ? "hit" : "", selectedSlot === index ? "selected" : "", now ? "now" : "", next ? "next" : ""]
              .filter(Boolean)
              .join(" ");
            return (
              <div class={cls} key={index} id={`slot-${index}`} data-testid={`slot-${index}`}>
                <button class="slot-main" onClick={() => onSelectSlot(index)} aria-pressed={selectedSlot === index}>
                  <span class="time">
                    {slot.start === null && slot.part_of_day
                      ? partOfDay(slot.part_of_day)
                      : slotHours(slot, timing?.slots[index], mode) || t("noTime")}
                    {now && <span class="badge now-badge">{t("now")}</span>}
                    {next && <span class="badge next-badge">{t("next")}</span>}
                  </span>
                  <span class="lane main">
                    {(slot.lane || slot.room) && (
                      <span class="slot-where" {...text}>{[slot.lane, slot.room].filter(Boolean).join(" · ")}</span>
                    )}
                    {slotItems(slots, index, titles).map((it) => (
                      <span class="slot-item" key={it.number}>
                        <b dir="auto">{it.number}</b> <span class="slot-title" {...text}>
                          <Highlighted text={it.title} marks={marks} />
                        </span>
                        {it.continued && <span class="badge">{t("continued")}</span>}
                      </span>
                    ))}
                    {unassignedTitles(slot, titles).map((title, i) => (
                      <span class="slot-title" key={`t${i}`} {...text}>
                        <Highlighted text={title} marks={marks} />
                      </span>
                    ))}
                    {slot.continued && slot.items.length === 0 && <span class="badge">{t("continued")}</span>}
                  </span>
                  {slot.parallel.length > 0 && (
                    <span class="lane parallel" title={t("parallel")} {...text}>
                      <Highlighted text={slot.parallel.join(" · ")} marks={marks} />
                    </span>
                  )}
                  {slot.notes.map((n, i) => (
                    <span class="slot-note" key={i} {...text}>
                      <Highlighted text={n} marks={marks} />
                    </span>
                  ))}
                </button>
                {onStar && timing?.slots[index] && (
                  <button
                    class={starred ? "star on" : "star"}
                    onClick={() => onStar(index, !starred)}
                    aria-pressed={starred}
                    title={starred ? t("unstarSlot") : t("starSlot")}
                    aria-label={starred ? t("unstarSlot") : t("starSlot")}
                    data-testid={`star-${index}`}
                  >
                    {starred ? "★" : "☆"}
                  </button>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
