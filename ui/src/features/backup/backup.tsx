// Backup and restore, from the library's footer and from the File menu alike:
// the app holds the state (useBackup), so that the menu works whichever tab
// is open and the outcome shows in one place (BackupStatus, under the header).
import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { RestoreReport } from "../../ipc";
import { errorText } from "../../i18n/errors";
import { list, t, tf, tp } from "../../i18n";

export interface Backup {
  status: { text: string; error: boolean } | null;
  busy: boolean;
  /** Asks for a folder and backs the library up into it. */
  backup: () => void;
  /** Says what will happen, asks for a backup and restarts Dossier to restore it. */
  restore: () => void;
  dismiss: () => void;
}

/** The backup and restore actions and their outcome; at start, how a restore
 *  carried out at this start went. */
export function useBackup(): Backup {
  const [status, setStatus] = useState<Backup["status"]>(null);
  const [busy, setBusy] = useState(false);
  const failed = (e: unknown) => {
    setBusy(false);
    setStatus({ text: errorText(e), error: true });
  };
  useEffect(() => {
    void api.restoreReport().then((r) => {
      if (r) setStatus({ text: restoreText(r), error: !r.ok });
    });
  }, []);
  return {
    status,
    busy,
    backup: () => {
      setBusy(true);
      api.backupLibrary().then((s) => {
        setBusy(false);
        // The path is isolated left to right (U+2066…U+2069), so it reads right in an Arabic sentence.
        if (s) setStatus({ text: tf("backedUp", { path: `\u2066${s.path}\u2069`, contents: list([tp("nDocuments", s.documents), tp("nNotes", s.notes)]) }), error: false });
      }, failed);
    },
    restore: () => {
      // The backend asks first, with the system's dialog (restoreConfirm,
      // sent with the shell's words): window.confirm shows nothing in
      // WKWebView and needs a permission in WebView2.
      setBusy(true);
      // On success the app restarts; false means the folder dialog was cancelled.
      api.restoreLibrary().then(() => setBusy(false), failed);
    },
    dismiss: () => setStatus(null),
  };
}

/** How a restore went, in the UI's language: the backup's folder and counts,
 *  and where the previous library is kept. */
export function restoreText(r: RestoreReport): string {
  const head = r.interrupted
    ? t(r.ok ? "restoreInterruptedFinished" : "restoreInterruptedUndone")
    : t(r.ok ? "restored" : "restoreFailed");
  // Paths are isolated left to right (U+2066…U+2069), so they read right in an Arabic sentence.
  const detail = r.backup
    ? `\u2066${r.backup.path}\u2069 (${list([tp("nDocuments", r.backup.documents), tp("nNotes", r.backup.notes)])})`
    : r.message;
  const previous = r.previous ? ` ${tf("previousLibraryKept", { path: `\u2066${r.previous}\u2069` })}` : "";
  return `${head} ${detail}${previous}`;
}

/** The outcome of the last backup or restore, until dismissed. */
export function BackupStatus({ backup }: { backup: Backup }) {
  if (!backup.status) return null;
  return (
    <div class={backup.status.error ? "import-status has-failures" : "import-status"} role="status">
      <span class={backup.status.error ? "error-text" : ""} data-testid="backup-status">
        {backup.status.text}
      </span>
      <button class="link" onClick={backup.dismiss}>
        {t("dismiss")}
      </button>
    </div>
  );
}

/** Back up / Restore at the foot of the library (also in the File menu). */
export function BackupFooter({ backup }: { backup: Backup }) {
  return (
    <footer class="library-footer">
      <button class="link" onClick={backup.backup} disabled={backup.busy} data-testid="backup">
        {t("backupLibrary")}
      </button>{" "}
      <button class="link" onClick={backup.restore} disabled={backup.busy} data-testid="restore">
        {t("restoreLibrary")}
      </button>
    </footer>
  );
}
