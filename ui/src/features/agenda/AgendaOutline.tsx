import type { AgendaItem } from "../../ipc";
import { t } from "../../i18n";
import { useTextAttrs } from "../reader/documentText";

interface Props {
  items: AgendaItem[];
  selected: string | null;
  highlighted: string[];
  onSelect: (number: string) => void;
}

/** Up/Down (and Home/End) move between items and select the one reached, so
 *  the annotation and its slots follow the keyboard. */
export function moveInOutline(e: KeyboardEvent, onSelect: (number: string) => void): void {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(e.key)) return;
  const nav = e.currentTarget as HTMLElement;
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>("button.item")];
  if (buttons.length === 0) return;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : e.key === "ArrowDown" ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0);
  const target = buttons[next];
  if (!target) return;
  e.preventDefault();
  target.focus();
  const number = target.dataset["item"];
  if (number) onSelect(number);
}

export function AgendaOutline({ items, selected, highlighted, onSelect }: Props) {
  const text = useTextAttrs();
  const row = (item: AgendaItem, depth: number) => {
    const cls = ["item", `depth-${depth}`, selected === item.number ? "selected" : "", highlighted.includes(item.number) ? "hit" : ""]
      .join(" ")
      .trim();
    return (
      <li key={item.number}>
        <button class={cls} onClick={() => onSelect(item.number)} data-testid={`item-${item.number}`} data-item={item.number} aria-current={selected === item.number}>
          <span class="num" dir="auto">
            {item.number}
          </span>
          <span class="title" {...text}>
            {item.title}
          </span>
        </button>
        {item.children.length > 0 && <ul>{item.children.map((c) => row(c, depth + 1))}</ul>}
      </li>
    );
  };
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the outline pane takes the focus (F6) and its arrow keys, Home and End move among the items; the keys pressed on an item's button reach this handler too
    <nav class="outline" data-pane="outline" tabIndex={-1} aria-label={t("agenda")} onKeyDown={(e) => moveInOutline(e, onSelect)}>
      <h3>{t("agenda")}</h3>
      <ul>{items.map((i) => row(i, 0))}</ul>
    </nav>
  );
}
