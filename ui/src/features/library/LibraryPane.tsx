import { useMemo, useState } from "preact/hooks";
import type { LibraryEntry } from "../../ipc";
import { t } from "../../i18n";
import { groupMeetings } from "./group";

interface Props {
  entries: LibraryEntry[] | null;
  selected: number | null;
  onSelect: (id: number) => void;
}

export function LibraryPane({ entries, selected, onSelect }: Props) {
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => groupMeetings(entries ?? [], filter), [entries, filter]);
  return (
    <nav class="library" aria-label={t("library")}>
      <header>
        <h2>{t("library")}</h2>
        <input
          type="search"
          placeholder={t("filter")}
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          aria-label={t("filter")}
        />
      </header>
      {entries === null && <p class="state">{t("loading")}</p>}
      {entries !== null && entries.length === 0 && <p class="state">{t("emptyLibrary")}</p>}
      {entries !== null && entries.length > 0 && groups.length === 0 && <p class="state">{t("noMatch")}</p>}
      {groups.map((g) => (
        <section class="meeting" key={g.key}>
          <h3 title={g.body}>{g.body}</h3>
          <p class="meeting-meta">{[g.session, g.venue, g.dates].filter(Boolean).join(" · ")}</p>
          <ul>
            {g.entries.map((e) => (
              <li key={e.id}>
                <button
                  class={e.id === selected ? "doc selected" : "doc"}
                  onClick={() => onSelect(e.id)}
                  aria-current={e.id === selected}
                  data-testid={`doc-${e.file}`}
                >
                  <span class={`kind kind-${e.kind}`}>{t(`kind_${e.kind}`)}</span>
                  <span class="doc-title">{e.title}</span>
                  <span class="doc-meta">
                    {e.language.toUpperCase()} ·{" "}
                    {e.symbol ?? (e.suggested_symbol ? `${t("suggested")} ${e.suggested_symbol}` : t("symbolNotPrinted"))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
