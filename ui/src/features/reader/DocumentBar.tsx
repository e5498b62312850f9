import { useState } from "preact/hooks";
import { api } from "../../ipc";
import type { RemoveScope, Rendition, StoredDocument } from "../../ipc";
import { LANGUAGES, intlLocale, t, tf } from "../../i18n";
import { errorText } from "../../i18n/errors";

/** How the reader shows a document that has a PDF: its text, its text and
 *  the original page side by side, or the page alone. */
export type PageMode = "text" | "beside" | "page";

const MODE_KEY = "dossier.pageMode";

export function savedPageMode(): PageMode {
  const m = globalThis.localStorage?.getItem(MODE_KEY);
  return m === "beside" || m === "page" ? m : "text";
}

export function savePageMode(m: PageMode) {
  globalThis.localStorage?.setItem(MODE_KEY, m);
}

export function formatName(r: Pick<Rendition, "format">): string {
  return r.format === "docx" ? t("formatDocx") : r.format === "pdf" ? t("formatPdf") : t("formatText");
}

interface Props {
  stored: StoredDocument;
  /** Opens another version or language of the document. */
  onOpen: (id: number) => void;
  /** The document was reread from another of its files. */
  onReread: (d: StoredDocument) => void;
  mode: PageMode;
  onMode: (m: PageMode) => void;
  /** Whether a revision's changes are shown, and the switch. */
  changes: boolean;
  onChanges: (on: boolean) => void;
  /** The document (or, scope "rendition", a file of it) went to the trash. */
  onRemoved: (scope: RemoveScope) => void;
}

/** The document's languages, versions and files, under its title: switch
 *  language, open any version, see what a revision changed, choose which
 *  file the text is read from, open an original, show the page view. */
export function DocumentBar({ stored, onOpen, onReread, mode, onMode, changes, onChanges, onRemoved }: Props) {
  const rec = stored.record;
  const [error, setError] = useState<string | null>(null);
  const held = new Map(stored.languages.map((l) => [l.language, l.id]));
  const source = stored.renditions.find((r) => r.text_source) ?? stored.renditions[0];
  const chosen = stored.renditions.length > 1 && source !== stored.renditions[0];
  const reread = (rendition: number | null) =>
    api.setTextSource(rec.id, rendition).then(
      (d) => {
        setError(null);
        onReread(d);
      },
      (e: unknown) => setError(errorText(e)),
    );
  const open = (r: Rendition) => api.openOriginal(r.id).catch((e: unknown) => setError(errorText(e)));
  return (
    <div class="doc-bar">
      {held.size > 1 && (
        <span class="doc-languages" role="group" aria-label={t("languagesHeld")}>
          {LANGUAGES.filter((l) => held.has(l.code)).map((l) => (
            <button
              key={l.code}
              class={l.code === rec.language ? "chip on" : "chip"}
              lang={l.code}
              dir="auto"
              aria-current={l.code === rec.language ? "true" : undefined}
              onClick={() => {
                const id = held.get(l.code);
                if (id !== undefined && id !== rec.id) onOpen(id);
              }}
              data-testid={`language-${l.code}`}
            >
              {l.name}
            </button>
          ))}
        </span>
      )}
      {stored.versions.length > 1 && (
        <label class="doc-versions">
          {t("versionLabel")}{" "}
          <select value={String(rec.id)} onChange={(e) => onOpen(Number((e.target as HTMLSelectElement).value))} data-testid="version-select">
            {stored.versions.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {tf("versionOption", { n: v.version, symbol: v.symbol ?? v.user_symbol ?? v.file, date: importedOn(v.ingested_at) })}
                {v.latest ? ` · ${t("latestVersion")}` : ""}
              </option>
            ))}
          </select>
        </label>
      )}
      {rec.version > 1 && (
        <button class={changes ? "chip on" : "chip"} aria-pressed={changes} onClick={() => onChanges(!changes)} data-testid="show-changes">
          {tf("changesSince", { n: rec.version - 1 })}
        </button>
      )}
      {stored.renditions.length > 0 && (
        <span class="doc-files" role="group" aria-label={t("files")}>
          {stored.renditions.length > 1 ? (
            <label>
              {t("textFrom")}{" "}
              <select
                value={chosen && source ? String(source.id) : ""}
                onChange={(e) => {
                  const v = (e.target as HTMLSelectElement).value;
                  void reread(v === "" ? null : Number(v));
                }}
                data-testid="text-source"
              >
                <option value="">{tf("bestFile", { format: stored.renditions[0] ? formatName(stored.renditions[0]) : "" })}</option>
                {stored.renditions.map((r) => (
                  <option key={r.id} value={String(r.id)}>
                    {formatName(r)} · {r.file}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span class="hint">{source?.file}</span>
          )}{" "}
          {stored.renditions.map((r) => (
            <button key={r.id} class="link" title={r.file} onClick={() => void open(r)} data-testid={`open-${r.format}`}>
              {tf("openFormat", { format: formatName(r) })}
            </button>
          ))}
        </span>
      )}
      {stored.page_view && (
        <span class="segmented" role="group" aria-label={t("pageView")}>
          {(["text", "beside", "page"] as const).map((m) => (
            <button key={m} class={mode === m ? "on" : ""} aria-pressed={mode === m} onClick={() => onMode(m)} data-testid={`mode-${m}`}>
              {m === "text" ? t("modeText") : m === "beside" ? t("modeBeside") : t("modePage")}
            </button>
          ))}
        </span>
      )}
      <RemoveMenu stored={stored} onRemoved={onRemoved} onError={setError} />
      {error && <p class="error-text">{error}</p>}
    </div>
  );
}

/** Remove to the trash: one file of the document, the document, every
 *  language of its symbol, or every version; notes go with it and come back
 *  with it. */
function RemoveMenu({ stored, onRemoved, onError }: { stored: StoredDocument; onRemoved: (scope: RemoveScope) => void; onError: (e: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const rec = stored.record;
  const choices: { scope: RemoveScope; id: number; label: string }[] = [
    ...(stored.renditions.length > 1 ? stored.renditions.map((r) => ({ scope: "rendition" as const, id: r.id, label: tf("removeFile", { format: formatName(r), file: r.file }) })) : []),
    { scope: "document", id: rec.id, label: t("removeDocument") },
    ...(stored.languages.length > 1 ? [{ scope: "languages" as const, id: rec.id, label: tf("removeLanguages", { count: stored.languages.length }) }] : []),
    ...(stored.versions.length > 1 ? [{ scope: "revisions" as const, id: rec.id, label: tf("removeVersions", { count: stored.versions.length }) }] : []),
  ];
  const remove = (scope: RemoveScope, id: number) =>
    api.removeDocument(id, scope).then(
      () => {
        setOpen(false);
        onError(null);
        onRemoved(scope);
      },
      (e: unknown) => onError(errorText(e)),
    );
  return (
    <span class="remove-menu">
      <button class="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="remove">
        {t("removeMenu")}
      </button>
      {open && (
        <span class="remove-choices" role="group" aria-label={t("removeMenu")}>
          <span class="hint">{t("removeHint")}</span>
          {choices.map((c) => (
            <button key={`${c.scope}-${c.id}`} class="danger small" onClick={() => void remove(c.scope, c.id)} data-testid={`remove-${c.scope}${c.scope === "rendition" ? `-${c.id}` : ""}`}>
              {c.label}
            </button>
          ))}
          <button class="link" onClick={() => setOpen(false)}>
            {t("cancel")}
          </button>
        </span>
      )}
    </span>
  );
}

/** The day a version was imported, short ("2 Dec 2026"). */
function importedOn(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? "" : new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium" }).format(d);
}
