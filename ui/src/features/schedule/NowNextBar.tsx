import type { ScheduleSlot, ScheduleTiming } from "../../ipc";
import { t } from "../../i18n";
import { formatDay } from "../../i18n/format";
import { useTextAttrs } from "../reader/documentText";
import { slotHours, useNowNext } from "./time";
import type { TimeMode } from "./time";

interface Props {
  slots: ScheduleSlot[];
  timing: ScheduleTiming;
  mode: TimeMode;
  onSelectSlot: (index: number) => void;
}

/** In the meeting room: what is being taken up now and what comes next (by the clock). */
export function NowNextBar({ slots, timing, mode, onSelectSlot }: Props) {
  const text = useTextAttrs();
  const nowNext = useNowNext(timing);
  if (nowNext.current === null && nowNext.next === null) return null;
  const line = (label: string, i: number, cls: string) => {
    const slot = slots[i];
    if (!slot) return null;
    const hours = slotHours(slot, timing.slots[i], mode);
    return (
      <button class={`now-next ${cls}`} onClick={() => onSelectSlot(i)} data-testid={`${cls}-slot`}>
        <b>{label}</b> <span {...text}>{slot.items.length > 0 ? slot.items.join(", ") : slot.titles.join("; ")}</span>
        {slot.continued && ` (${t("continued")})`}
        <span class="when">
          {" · "}
          {cls === "next" && nowNext.current === null ? `${formatDay(slot.date ?? "")} ` : ""}
          {hours}
        </span>
      </button>
    );
  };
  return (
    <div class="now-next-bar" role="status" aria-live="polite">
      {nowNext.current !== null && line(t("nowTakingUp"), nowNext.current, "current")}
      {nowNext.next !== null && line(t("nextUp"), nowNext.next, "next")}
    </div>
  );
}
