import type { AgendaItem } from "../../ipc";
import { t } from "../../i18n";

interface Props {
  items: AgendaItem[];
  selected: string | null;
  highlighted: string[];
  onSelect: (number: string) => void;
}

export function AgendaOutline({ items, selected, highlighted, onSelect }: Props) {
  const row = (item: AgendaItem, depth: number) => {
    const cls = ["item", `depth-${depth}`, selected === item.number ? "selected" : "", highlighted.includes(item.number) ? "hit" : ""]
      .join(" ")
      .trim();
    return (
      <li key={item.number}>
        <button class={cls} onClick={() => onSelect(item.number)} data-testid={`item-${item.number}`} aria-current={selected === item.number}>
          <span class="num">{item.number}</span>
          <span class="title">{item.title}</span>
        </button>
        {item.children.length > 0 && <ul>{item.children.map((c) => row(c, depth + 1))}</ul>}
      </li>
    );
  };
  return (
    <nav class="outline" aria-label={t("agenda")}>
      <h3>{t("agenda")}</h3>
      <ul>{items.map((i) => row(i, 0))}</ul>
    </nav>
  );
}
