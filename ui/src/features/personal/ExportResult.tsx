import { t } from "../../i18n";

/** Where an export was saved, once it has been. */
export function ExportResult({ path }: { path: string | null }) {
  if (!path) return null;
  return (
    <p class="saved" role="status">
      {t("exportedTo")} <code dir="ltr">{path}</code>
    </p>
  );
}
