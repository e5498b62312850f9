// What a revision changed against the version before it: the passages added,
// removed and changed, their words marked <ins> and <del>.
import { t, tf } from "../../i18n";
import type { Changes } from "../../ipc";

export type { Changes };
export type Span = Changes["paragraphs"][number]["text"][number];
export type PassageChange = Changes["paragraphs"][number];

type Group = "paragraphs" | "items" | "slots";

/** Words in both versions as text, inserted ones in <ins>, deleted ones in
 *  <del>, each announced by a hidden word (screen readers say nothing of
 *  ins and del). Direction follows the text, so Arabic reads right to left
 *  inside a left-to-right page and the reverse. */
export function SpanText({ spans }: { spans: Span[] }) {
  return (
    <span dir="auto" class="change-text">
      {spans.map((s, i) =>
        s.kind === "same" ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === "inserted" ? (
          <ins key={i}>
            <span class="visually-hidden">{t("change_inserted")}</span>
            {s.text}
          </ins>
        ) : (
          <del key={i}>
            <span class="visually-hidden">{t("change_deleted")}</span>
            {s.text}
          </del>
        ),
      )}
    </span>
  );
}

function where(group: Group, c: PassageChange, position: number): string {
  const number = c.number ?? c.old_number;
  if (group === "slots") {
    const key = c.key ?? c.old_key ?? "";
    return tf("change_slot", { number: Number(key.replace("slot:", "")) + 1 || position + 1 });
  }
  if (number === null) return t("change_unnumbered");
  return tf(group === "items" ? "change_item" : "change_paragraph", { number });
}

const LABEL = {
  added: "change_added",
  removed: "change_removed",
  changed: "change_changed",
  unchanged: "change_unchanged",
} as const;

function Entry({ group, change, position }: { group: Group; change: PassageChange; position: number }) {
  const renumbered = change.renumbered && change.old_number !== null && change.kind !== "removed";
  return (
    <li class={`change change-${change.kind}`} data-key={change.key ?? change.old_key ?? undefined}>
      <p class="change-label">
        <strong>{t(LABEL[change.kind])}</strong>
        {t("colon")}
        <bdi>{where(group, change, position)}</bdi>
        {renumbered ? <> ({tf("change_renumbered", { number: change.old_number ?? "" })})</> : null}
        {change.moved ? <> ({t("change_moved")})</> : null}
      </p>
      {change.title.length > 0 ? (
        <p class="change-title">
          <SpanText spans={change.title} />
        </p>
      ) : null}
      {change.text.length > 0 ? (
        <p class="change-body">
          <SpanText spans={change.text} />
        </p>
      ) : null}
    </li>
  );
}

/** The passages a revision added, removed or changed, by kind of passage;
 *  unchanged ones are counted, not listed. */
export function RevisionChanges({ changes }: { changes: Changes }) {
  const groups: { group: Group; heading: "paragraphs" | "agenda" | "schedule" }[] = [
    { group: "items", heading: "agenda" },
    { group: "slots", heading: "schedule" },
    { group: "paragraphs", heading: "paragraphs" },
  ];
  const n = changes.counts;
  const summary = (["added", "removed", "changed", "unchanged"] as const)
    .map((k) => `${t(LABEL[k])}${t("colon")}${n[k]}`)
    .join(" · ");
  const shown = groups
    .map(({ group, heading }) => ({ group, heading, list: changes[group].filter((c) => c.kind !== "unchanged" || c.moved) }))
    .filter((g) => g.list.length > 0);
  return (
    <section class="revision-changes" aria-labelledby="revision-changes-heading">
      <h2 id="revision-changes-heading">{t("revisionChanges")}</h2>
      <p class="change-summary">{summary}</p>
      {shown.length === 0 ? <p>{t("change_none")}</p> : null}
      {shown.map(({ group, heading, list }) => (
        <section key={group} aria-labelledby={`revision-changes-${group}`}>
          <h3 id={`revision-changes-${group}`}>{t(heading)}</h3>
          <ul>
            {list.map((c, i) => (
              <Entry key={c.key ?? c.old_key ?? i} group={group} change={c} position={i} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
