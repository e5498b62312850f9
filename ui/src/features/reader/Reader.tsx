import { useEffect, useMemo, useState } from "preact/hooks";
import type { Document } from "../../ipc";
import { t } from "../../i18n";
import { AgendaOutline } from "../agenda/AgendaOutline";
import { flatten, slotMatchesItem } from "../agenda/items";
import { Schedule } from "../schedule/Schedule";
import { Annotation } from "./Annotation";
import { TextView } from "./TextView";

interface Props {
  doc: Document;
}

/** An agenda: outline, annotation and timetable side by side, linked both ways. */
export function Reader({ doc }: Props) {
  const [item, setItem] = useState<string | null>(null);
  const [slot, setSlot] = useState<number | null>(null);
  useEffect(() => {
    setItem(null);
    setSlot(null);
  }, [doc]);
  const items = useMemo(() => flatten(doc.agenda), [doc]);
  const slotItems = slot !== null ? (doc.schedule[slot]?.items ?? []) : [];
  const current = items.find((i) => i.number === item) ?? null;

  const selectItem = (n: string) => {
    setItem(n);
    setSlot(null);
  };
  const selectSlot = (i: number) => {
    setSlot(i);
    const first = doc.schedule[i]?.items[0];
    if (first) {
      setItem(first);
      document.getElementById(`ann-${first}`)?.scrollIntoView({ block: "start", behavior: "smooth" });
    }
  };

  if (doc.kind !== "agenda") return <TextView doc={doc} />;
  const hitSlots = item === null ? 0 : doc.schedule.filter((s) => slotMatchesItem(s, item)).length;
  return (
    <div class="reader agenda-reader">
      <Header doc={doc} />
      <div class="panes">
        <AgendaOutline items={doc.agenda} selected={item} highlighted={slotItems} onSelect={selectItem} />
        <section class="annotation-pane" aria-label={t("annotation")}>
          {current ? <Annotation item={current} /> : <p class="state">{t("selectItem")}</p>}
        </section>
        <section class="schedule-pane" aria-label={t("schedule")}>
          <h3>
            {t("schedule")}
            {item !== null && <span class="hint" data-testid="hit-count"> · {item}: {hitSlots}</span>}
          </h3>
          <Schedule slots={doc.schedule} selectedItem={item} selectedSlot={slot} onSelectSlot={selectSlot} />
        </section>
      </div>
    </div>
  );
}

export function Header({ doc }: { doc: Document }) {
  const dates = doc.dates ? (doc.dates.start === doc.dates.end ? doc.dates.start : `${doc.dates.start} – ${doc.dates.end}`) : null;
  return (
    <header class="doc-header">
      <h2>{doc.title ?? doc.body}</h2>
      <p>
        {[doc.body, doc.session, doc.venue, dates].filter(Boolean).join(" · ")}
        {" · "}
        {doc.symbol ?? (doc.suggested_symbol ? `${t("suggested")} ${doc.suggested_symbol}` : t("symbolNotPrinted"))}
      </p>
    </header>
  );
}
