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
  const failed = report.results.filter((r) => r.status === "failed");
  // What became of each file, by outcome, as the import summary names them.
  const groups = (
    [
      ["ingested", t("imported")],
      ["new_rendition", t("newRenditions")],
      ["new_version", t("newVersions")],
      ["unchanged", t("unchanged")],
    ] as const
  ).map(([status, label]) => ({ status, label, files: report.results.filter((r) => r.status === status) }));
  const named = groups.filter((g) => g.files.length > 0 && g.status !== "unchanged");
  return (
    <div class={failed.length ? "import-status has-failures" : "import-status"} role="status" data-testid="import-report">
      <span>
        {[...groups.filter((g) => g.files.length > 0 || g.status !== "new_rendition").map((g) => [g.label, g.files.length] as const), [t("failed"), failed.length] as const]
          .map(([label, n]) => `${label}${t("colon")}${n}`)
          .join(" · ")}
      </span>
      <button class="link" onClick={onDismiss}>
        {t("dismiss")}
      </button>
      {named.length > 0 && (
        <details class="import-files" data-testid="import-files">
          <summary>{t("importDetails")}</summary>
          {named.map((g) => (
            <p key={g.status}>
              <strong>{g.label}</strong>
              {t("colon")}
              {g.files.map((f, i) => (
                <span key={f.path} dir="auto" title={f.path}>
                  {i > 0 && ", "}
                  {baseName(f.path)}
                </span>
              ))}
            </p>
          ))}
        </details>
      )}
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

/** The file's name without its folders. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
