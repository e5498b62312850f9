import type { ScheduleSlot } from "../../ipc";
import { t } from "../../i18n";
import { slotMatchesItem } from "../agenda/items";

interface Props {
  slots: ScheduleSlot[];
  selectedItem: string | null;
  selectedSlot: number | null;
  onSelectSlot: (index: number) => void;
}

/** The timetable, one block per day, parallel meetings as a second lane. */
export function Schedule({ slots, selectedItem, selectedSlot, onSelectSlot }: Props) {
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
            const cls = ["slot", hit ? "hit" : "", selectedSlot === index ? "selected" : ""].join(" ").trim();
            return (
              <button class={cls} key={index} id={`slot-${index}`} onClick={() => onSelectSlot(index)} data-testid={`slot-${index}`} aria-pressed={selectedSlot === index}>
                <span class="time">
                  {slot.start ?? "?"}–{slot.end ?? "?"}
                </span>
                <span class="lane main">
                  {slot.items.map((it, i) => (
                    <span class="slot-item" key={it}>
                      <b>{it}</b> {slot.titles[i] ?? ""}
                    </span>
                  ))}
                  {slot.continued && <span class="badge">{t("continued")}</span>}
                </span>
                {slot.parallel.length > 0 && (
                  <span class="lane parallel" title={t("parallel")}>
                    {slot.parallel.join(" · ")}
                  </span>
                )}
                {slot.notes.map((n, i) => (
                  <span class="slot-note" key={i}>
                    {n}
                  </span>
                ))}
              </button>
            );
          })}
        </section>
      ))}
    </div>
  );
}

function formatDay(iso: string): string {
  if (!iso) return "—";
  const d = new Date(`${iso}T12:00:00Z`);
  return d.toLocaleDateString(document.documentElement.lang || undefined, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}
