// Citations: a line copied to the clipboard for a document, an item or a
// paragraph, and the references of documents saved for a reference manager
// (CSL-JSON, BibLaTeX). The words are the backend's (crates/dossier-core/src/citation.rs).
import { useState } from "preact/hooks";
import { api } from "../../ipc";
import type { CitationFormat } from "../../ipc";
import { t, tf } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { ExportResult } from "../personal/ExportResult";

/** Copies a citation of `document` (or of a passage of it) and says what was copied. */
export function useCitation(document: number) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const copy = (passage: string | null) =>
    api.cite(document, passage).then(
      async (text) => {
        await navigator.clipboard?.writeText(text);
        setMessage({ text: tf("citationCopied", { text }), error: false });
      },
      (e: unknown) => setMessage({ text: errorText(e), error: true }),
    );
  return { copy, message, dismiss: () => setMessage(null) };
}

/** What a copy said, under the control that made it. */
export function CitationMessage({ message }: { message: { text: string; error: boolean } | null }) {
  if (!message) return null;
  return (
    <p class={message.error ? "error-text" : "saved"} role="status" data-testid="citation-copied" dir="auto">
      {message.text}
    </p>
  );
}

/** "Export references: CSL-JSON · BibLaTeX" for these documents. */
export function ReferencesExport({ documents, label }: { documents: number[]; label: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = (format: CitationFormat) =>
    api.exportCitations(documents, format).then(
      (p) => {
        setSaved(p);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <>
      <p class="hint references-export">
        {label}{" "}
        <button class="link" onClick={() => void save("csljson")} data-testid="export-csljson" title={t("exportCslJson")}>
          CSL-JSON
        </button>{" "}
        ·{" "}
        <button class="link" onClick={() => void save("biblatex")} data-testid="export-biblatex" title={t("exportBiblatex")}>
          BibLaTeX
        </button>
      </p>
      <ExportResult path={saved} />
      {error && <p class="error-text">{error}</p>}
    </>
  );
}
