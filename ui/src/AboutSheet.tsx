import { useEffect, useState } from "preact/hooks";
import { api } from "./ipc";
import type { AppInfo } from "./ipc";
import { t } from "./i18n";
import { Sheet } from "./Sheet";

/** What Dossier is built from and under which licence (the bundled
 *  components a user receives with the app). */
export const COMPONENTS: readonly { name: string; licence: string }[] = [
  { name: "Tauri", licence: "MIT / Apache-2.0" },
  { name: "Preact", licence: "MIT" },
  { name: "SQLite", licence: "Public domain" },
  { name: "rusqlite", licence: "MIT" },
  { name: "Tantivy", licence: "MIT" },
  { name: "jieba-rs", licence: "MIT" },
  { name: "rust-stemmers (Snowball)", licence: "MIT / BSD-3-Clause" },
  { name: "pdf-extract, lopdf", licence: "MIT" },
  { name: "quick-xml, zip", licence: "MIT" },
  { name: "whatlang", licence: "MIT" },
  { name: "chardetng, encoding_rs", licence: "MIT / Apache-2.0" },
  { name: "unicode-bidi, unicode-normalization", licence: "MIT / Apache-2.0" },
  { name: "chrono, chrono-tz (IANA time zones)", licence: "MIT / Apache-2.0" },
  { name: "Noto fonts (system)", licence: "OFL-1.1" },
];

/** About Dossier: its version, where the library and the log are (to send
 *  when something went wrong), and the licences of what it bundles. */
export function AboutSheet({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api.appInfo().then(setInfo, () => setInfo(null));
  }, []);
  return (
    <Sheet title={t("aboutTitle")} testId="about" onClose={onClose}>
      <p>{t("aboutWhat")}</p>
      <dl class="about-facts">
        <dt>{t("aboutVersion")}</dt>
        <dd dir="ltr" data-testid="about-version">{info?.version ?? "…"}</dd>
        <dt>{t("aboutLibrary")}</dt>
        <dd dir="ltr">{info?.data_dir ?? "…"}</dd>
        <dt>{t("aboutLog")}</dt>
        <dd dir="ltr">{info ? (info.log_dir ?? t("aboutNoLog")) : "…"}</dd>
      </dl>
      <h3>{t("aboutComponents")}</h3>
      <table>
        <tbody>
          {COMPONENTS.map((c) => (
            <tr key={c.name}>
              <th scope="row" dir="ltr">{c.name}</th>
              <td dir="ltr">{c.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sheet>
  );
}
