import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { Changes } from "../../ipc";
import { t } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { RevisionChanges } from "./RevisionChanges";

/** What version `id` changed against the one before it, loaded when shown. */
export function ChangesPane({ id }: { id: number }) {
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setChanges(null);
    setError(null);
    api.revisionChanges(id, null).then(
      (c) => live && setChanges(c),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <section class="changes-pane" data-pane="changes" tabIndex={-1} data-testid="changes-pane">
      {error ? <p class="error-text">{error}</p> : changes ? <RevisionChanges changes={changes} /> : <p class="state">{t("loading")}</p>}
    </section>
  );
}
