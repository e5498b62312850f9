import type { AgendaItem } from "../../ipc";
import { t } from "../../i18n";

/** The annotation text of one item, paragraph by paragraph, as plain text. */
export function Annotation({ item }: { item: AgendaItem }) {
  const paragraphs = item.annotation.split(/\n\n+/).filter((p) => p.trim());
  return (
    <article id={`ann-${item.number}`} class="annotation">
      <h3>
        <span class="num">{item.number}</span> {item.title}
      </h3>
      {paragraphs.length === 0 && <p class="state">{t("noAnnotation")}</p>}
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {item.references.length > 0 && (
        <>
          <h4>{t("references")}</h4>
          <ul class="refs">
            {item.references.map((r) => (
              <li key={r.symbol}>
                <code class="symbol">{r.symbol}</code> {r.title ?? ""}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.children.map((c) => (
        <Annotation key={c.number} item={c} />
      ))}
    </article>
  );
}
