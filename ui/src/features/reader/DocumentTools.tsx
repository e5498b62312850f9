// The reader's own tools in the document's header: find, the text size and
// print. The reader provides what they do (ReaderActions); the same keys do
// it from anywhere in the reader (Ctrl+F, Ctrl+plus / minus / 0, Ctrl+P).
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { t, tf } from "../../i18n";
import { formatPercent } from "../../i18n/format";
import { TEXT_SIZES, stepTextSize, textSize } from "./textSize";

export interface ReaderActionsValue {
  find: () => void;
  print: () => void;
}

export const ReaderActions = createContext<ReaderActionsValue | null>(null);

/** Prints what is on screen, or saves it as PDF from the print dialog; the
 *  print style sheet (styles.css, @media print) lays the whole document out. */
export function printDocument(): void {
  globalThis.print?.();
}

export function DocumentTools() {
  const actions = useContext(ReaderActions);
  const [size, setSize] = useState(textSize.get());
  useEffect(() => textSize.subscribe(setSize), []);
  if (!actions) return null;
  const percent = formatPercent(size);
  return (
    <div class="doc-tools" data-testid="doc-tools">
      <button class="tool" onClick={actions.find} aria-label={t("find")} title={`${t("find")} (Ctrl+F)`} data-testid="open-find">
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
          <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="M10 10l4.5 4.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      </button>
      <div class="text-size" role="group" aria-label={t("textSize")}>
        <button class="tool" onClick={() => stepTextSize(-1)} disabled={size <= TEXT_SIZES[0]!} title={`${t("textSmaller")} (Ctrl+−)`} data-testid="text-smaller">
          {/* Named by words, not by the letters shown (no aria-label whose name would leave them out). */}
          <span aria-hidden="true">A−</span>
          <span class="visually-hidden">{t("textSmaller")}</span>
        </button>
        <button class="tool size" onClick={() => stepTextSize(0)} aria-label={tf("textReset", { percent })} title={`${tf("textReset", { percent })} (Ctrl+0)`} data-testid="text-size">
          {percent}
        </button>
        <button class="tool" onClick={() => stepTextSize(1)} disabled={size >= TEXT_SIZES[TEXT_SIZES.length - 1]!} title={`${t("textLarger")} (Ctrl++)`} data-testid="text-larger">
          <span aria-hidden="true">A+</span>
          <span class="visually-hidden">{t("textLarger")}</span>
        </button>
      </div>
      <button class="tool" onClick={actions.print} aria-label={t("printTitle")} title={`${t("printTitle")} (Ctrl+P)`} data-testid="print">
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
          <path d="M4 6V1.5h8V6M4 12H2V6.5h12V12h-2M4 9.5h8v5H4z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
        </svg>{" "}
        {t("print")}
      </button>
    </div>
  );
}
