// The search index rebuilt in the background: its progress under the header
// while it runs (and, through indexState, in the search dialog).
import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { IndexStatus } from "../../ipc";
import { t, tf } from "../../i18n";
import { formatCount } from "../../i18n/format";
import { indexState } from "./indexState";

export function IndexRebuilding() {
  const [status, setStatus] = useState<IndexStatus | null>(null);
  useEffect(() => {
    const show = (s: IndexStatus) => {
      indexState.set(s);
      setStatus(s);
    };
    const stop = api.onIndexProgress(show);
    void api.indexStatus().then(show, () => {});
    return stop;
  }, []);
  if (!status?.rebuilding) return null;
  return (
    <div class="import-status" role="status" data-testid="index-rebuilding">
      <span>{status.total > 0 ? tf("indexRebuilding", { done: formatCount(status.done), total: formatCount(status.total) }) : t("indexRebuildingStart")}</span>
      {status.total > 0 && <progress max={status.total} value={status.done} aria-label={t("indexRebuildingStart")} />}
    </div>
  );
}
