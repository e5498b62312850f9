// Which version of a session's agenda the reader is looking at — the
// provisional one (the agenda document) or the one adopted (printed in the
// session's report) — and what adoption changed, with a way to the other.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { AdoptionChanges } from "../../ipc";
import { t, tf } from "../../i18n";
import type { SymbolLinks } from "../reader/links";

/** The session's other agenda and the changes, once asked for; null without both documents. */
export function useAdoption(document: number): AdoptionChanges | null {
  const [changes, setChanges] = useState<AdoptionChanges | null>(null);
  useEffect(() => {
    let live = true;
    setChanges(null);
    api.agendaChanges(document).then(
      (c) => live && setChanges(c),
      () => live && setChanges(null),
    );
    return () => {
      live = false;
    };
  }, [document]);
  return changes;
}

export function AdoptionBanner({ adoption, viewing, links }: { adoption: AdoptionChanges | null; viewing: "provisional" | "adopted"; links: SymbolLinks }) {
  if (!adoption) return null;
  const c = adoption.changes;
  const count = c.added.length + c.removed.length + c.renumbered.length + c.retitled.length;
  return (
    <details class="adoption" data-testid="adoption">
      <summary>
        <strong>{viewing === "provisional" ? t("provisionalAgenda") : t("adoptedAgenda")}</strong>
        {" · "}
        {count === 0 ? t("adoptedUnchanged") : tf("adoptedChanges", { n: count })}{" "}
        <button class="link" onClick={() => links.open(adoption.other)} data-testid="adoption-other">
          {viewing === "provisional" ? t("openReport") : t("openProvisional")}
        </button>
      </summary>
      {count > 0 && (
        <ul>
          {c.added.map((i) => (
            <li key={`a${i.number}`}>{tf("itemAdded", { n: i.number, title: i.title })}</li>
          ))}
          {c.removed.map((i) => (
            <li key={`r${i.number}`}>{tf("itemRemoved", { n: i.number, title: i.title })}</li>
          ))}
          {c.renumbered.map((r) => (
            <li key={`n${r.from}`}>{tf("itemRenumbered", { from: r.from, to: r.to, title: r.title })}</li>
          ))}
          {c.retitled.map((r) => (
            <li key={`t${r.number}`}>{tf("itemRetitled", { n: r.number, before: r.provisional, after: r.adopted })}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
