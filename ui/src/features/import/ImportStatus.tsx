import type { IngestProgress, IngestReport } from "../../ipc";
import { t } from "../../i18n";
import { failureText } from "../../i18n/reasons";

interface Props {
  progress: IngestProgress | null;
  report: IngestReport | null;
  onDismiss: () => void;
}

/** The progress of an import, then what happened: counts and every failure with its reason. */
export function ImportStatus({ progress, report, onDismiss }: Props) {
  if (progress && !report) {
    const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <div class="import-status" role="status" data-testid="import-progress">
        <span>
          {t("importing")} {progress.done}/{progress.total}
        </span>
        <progress max={progress.total} value={progress.done} aria-label={`${pct}%`} />
      </div>
    );
  }
  if (!report) return null;
  const count = (s: string) => report.results.filter((r) => r.status === s).length;
  const failed = report.results.filter((r) => r.status === "failed");
  return (
    <div class={failed.length ? "import-status has-failures" : "import-status"} role="status" data-testid="import-report">
      <span>
        {[
          [t("imported"), count("ingested")],
          [t("newVersions"), count("new_version")],
          [t("unchanged"), count("unchanged")],
          [t("failed"), failed.length],
        ]
          .map(([label, n]) => `${label}${t("colon")}${n}`)
          .join(" · ")}
      </span>
      <button class="link" onClick={onDismiss}>
        {t("dismiss")}
      </button>
      {failed.length > 0 && (
        <ul class="failures" data-testid="import-failures">
          {failed.map((f) => (
            <li key={f.path} dir="auto" title={f.message ?? undefined}>
              {failureText(f)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
