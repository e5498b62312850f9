import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { LibraryListing, TrashEntry } from "../../ipc";
import { t, tf } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";

/** What was removed from the library, each removal restorable, and the
 *  trash emptied only when asked (twice: it cannot be undone). */
export function TrashPanel({ listing, onRestored }: { listing: LibraryListing; onRestored?: () => void }) {
  const [entries, setEntries] = useState<TrashEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [emptied, setEmptied] = useState<string | null>(null);
  const load = () =>
    api.listTrash().then(
      (e) => {
        setEntries(e);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  // Whenever the library changes (a removal is one change).
  useEffect(() => void load(), [listing]);
  if (entries.length === 0 && !error && !emptied) return null;
  const restore = (id: number) =>
    api.restoreFromTrash(id).then(
      () => {
        void load();
        onRestored?.();
      },
      (e: unknown) => setError(errorText(e)),
    );
  const empty = () =>
    api.emptyTrash().then(
      (r) => {
        setConfirming(false);
        setEmptied(tf("trashEmptied", { documents: r.documents, files: r.files_deleted }));
        void load();
      },
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <details class="trash" data-testid="trash">
      <summary>{tf("trashCount", { count: entries.length })}</summary>
      {emptied && (
        <p class="hint" role="status">
          {emptied}
        </p>
      )}
      <ul>
        {entries.map((e) => (
          <li key={e.id} data-testid="trash-entry">
            <span dir="auto">{e.label}</span>{" "}
            <span class="hint">
              {formatDateTime(e.trashed_at)} · {tf("trashSize", { files: e.files, notes: e.notes })}
            </span>{" "}
            <button class="link" onClick={() => void restore(e.id)} data-testid={`trash-restore-${e.id}`}>
              {t("restoreFromTrash")}
            </button>
          </li>
        ))}
      </ul>
      {entries.length > 0 &&
        (confirming ? (
          <p class="confirm" role="alert">
            {t("emptyTrashWarning")}{" "}
            <button class="danger" onClick={() => void empty()} data-testid="trash-empty-confirm">
              {t("emptyTrash")}
            </button>{" "}
            <button class="link" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </p>
        ) : (
          <button class="link" onClick={() => setConfirming(true)} data-testid="trash-empty">
            {t("emptyTrash")}
          </button>
        ))}
      {error && <p class="error-text">{error}</p>}
    </details>
  );
}
