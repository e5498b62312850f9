import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api } from "../../ipc";
import type { Document, StoredDocument } from "../../ipc";
import { t } from "../../i18n";
import { formatDateRange } from "../../i18n/format";
import { errorText } from "../../i18n/errors";
import { useTextAttrs } from "./documentText";
import { DocumentTools } from "./DocumentTools";
import { CitationMessage, ReferencesExport, useCitation } from "./citations";

function symbolLine(doc: Document, userSymbol: string | null): string {
  if (doc.symbol) return doc.symbol;
  if (userSymbol) return userSymbol;
  return doc.suggested_symbol ? `${t("suggested")} ${doc.suggested_symbol}` : t("symbolNotPrinted");
}

/** Title, meeting facts and the symbol; a document that prints no symbol can be given one. */
export function Header({ stored, onChanged, children }: { stored: StoredDocument; onChanged: () => void; children?: ComponentChildren }) {
  const doc = stored.document;
  const rec = stored.record;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const text = useTextAttrs();
  const dates = formatDateRange(doc.dates);
  const citation = useCitation(rec.id);
  const save = (symbol: string | null) =>
    api.setDocumentSymbol(rec.id, symbol).then(
      () => {
        setEditing(false);
        setError(null);
        onChanged();
      },
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <header class="doc-header">
      <div class="doc-heading">
        <h2 {...text}>{doc.title ?? doc.body}</h2>
        <DocumentTools />
      </div>
      <p>
        {[doc.body, doc.session, doc.venue].some(Boolean) && <span {...text}>{[doc.body, doc.session, doc.venue].filter(Boolean).join(" · ")}</span>}
        {[doc.body, doc.session, doc.venue].some(Boolean) && dates && " · "}
        {dates}
        {[doc.body, doc.session, doc.venue, dates].some(Boolean) && " · "}
        <span class="doc-symbol" data-testid="doc-symbol">{symbolLine(doc, rec.user_symbol)}</span>
        {!doc.symbol && !editing && (
          <>
            {" "}
            <button
              class="link"
              onClick={() => {
                setDraft(rec.user_symbol ?? doc.suggested_symbol ?? "");
                setEditing(true);
              }}
              data-testid="set-symbol"
            >
              {rec.user_symbol ? t("changeSymbol") : t("setSymbol")}
            </button>
          </>
        )}
        {rec.versions > 1 && (
          <span class={rec.latest ? "version" : "version old"}>
            {" · "}
            {t("version")} {rec.version}/{rec.versions}
            {!rec.latest && ` (${t("olderVersion")})`}
          </span>
        )}
        <span class="file"> · {rec.file}</span>
      </p>
      <div class="doc-cite">
        <button class="link" onClick={() => void citation.copy(null)} data-testid="copy-citation">
          {t("copyCitation")}
        </button>
        <ReferencesExport documents={[rec.id]} label="·" />
      </div>
      <CitationMessage message={citation.message} />
      {children}
      {editing && (
        <form
          class="symbol-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft.trim() || null);
          }}
        >
          <label>
            {t("symbolLabel")}{" "}
            <input value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} placeholder="CAC/COSP/WG.2/2024/1" data-testid="symbol-input" />
          </label>{" "}
          <button type="submit">{t("save")}</button>{" "}
          {rec.user_symbol && (
            <button type="button" class="link" onClick={() => void save(null)}>
              {t("clearSymbol")}
            </button>
          )}{" "}
          <button type="button" class="link" onClick={() => setEditing(false)}>
            {t("cancel")}
          </button>
          <span class="hint"> {t("symbolHint")}</span>
        </form>
      )}
      {error && <p class="error-text">{error}</p>}
    </header>
  );
}
