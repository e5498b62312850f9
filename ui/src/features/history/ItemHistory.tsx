// The history of an agenda item: the same item at every session of its body
// the library holds, newest first — its number and title then, its
// annotation, the documents before the meeting, the report's section on it
// with its conclusions, and the user's notes — each a way to the place.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import type { ItemHistory } from "../../ipc";
import { t, tf } from "../../i18n";
import { errorText } from "../../i18n/errors";
import { formatDateRange } from "../../i18n/format";
import { textAttrs } from "../../contentLang";
import type { SymbolLinks } from "../reader/links";

interface Props {
  document: number;
  item: string;
  links: SymbolLinks;
  onClose: () => void;
}

export function ItemHistoryPanel({ document, item, links, onClose }: Props) {
  const [history, setHistory] = useState<ItemHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    setHistory(null);
    setError(null);
    api.itemHistory(document, item).then(
      (h) => live && setHistory(h),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [document, item, asked]);
  // The user's word on a session's item; the history is asked for again.
  const verdict = (other: number, otherItem: string, same: boolean | null) =>
    api.setItemVerdict(document, item, other, otherItem, same).then(
      () => setAsked((n) => n + 1),
      (e: unknown) => setError(errorText(e)),
    );
  return (
    <section class="item-history" aria-label={tf("historyOf", { n: item })} data-testid="item-history">
      <div class="item-history-head">
        <h3>{tf("historyOf", { n: item })}</h3>
        <button class="link" onClick={onClose} data-testid="history-close">
          {t("backToAnnotation")}
        </button>
      </div>
      {error && <p class="error-text">{error}</p>}
      {!history && !error && <p class="state">{t("loading")}</p>}
      {history && history.sessions.length <= 1 && <p class="state">{t("noEarlierSessions")}</p>}
      {history && (
        <ol class="history-sessions">
          {history.sessions.map((s) => {
            const attrs = textAttrs(s.language);
            return (
              <li key={`${s.document_id}-${s.number}`} class={s.current ? "history-session current" : "history-session"} data-testid="history-session">
                <p class="history-when">
                  {s.date && <time dateTime={s.date}>{formatDateRange({ start: s.date, end: s.date })}</time>}
                  {s.meeting && (
                    <span class="history-meeting" {...attrs}>
                      {" · "}
                      {s.meeting}
                    </span>
                  )}
                  {s.symbol && <span class="doc-meta"> · {s.symbol}</span>}
                  {s.current && <span class="badge">{t("thisSession")}</span>}
                </p>
                <h4>
                  <button
                    class="link history-item"
                    onClick={() => links.open(s.document_id, { location: { item: s.number }, marks: [] })}
                    disabled={s.current}
                    data-testid="history-open-item"
                  >
                    <span class="num" dir="auto">
                      {s.number}
                    </span>{" "}
                    <span {...attrs}>{s.title}</span>
                  </button>
                </h4>
                {!s.current && (
                  <p class="history-verdict">
                    {s.confirmed ? (
                      <>
                        <span class="saved">{t("sameItemConfirmed")}</span>{" "}
                        <button class="link" onClick={() => void verdict(s.document_id, s.number, null)}>
                          {t("undo")}
                        </button>
                      </>
                    ) : (
                      <button class="link" onClick={() => void verdict(s.document_id, s.number, true)} data-testid="history-confirm">
                        {t("confirmSameItem")}
                      </button>
                    )}{" "}
                    ·{" "}
                    <button class="link" onClick={() => void verdict(s.document_id, s.number, false)} data-testid="history-split">
                      {t("notTheSameItem")}
                    </button>
                  </p>
                )}
                {s.annotation && (
                  <details class="history-annotation">
                    <summary>{t("annotation")}</summary>
                    <p {...attrs}>{s.annotation}</p>
                  </details>
                )}
                {s.references.length > 0 && (
                  <p class="history-refs">
                    {t("references")}
                    {t("colon")}
                    {s.references.map((r, i) => (
                      <span key={r.symbol}>
                        {i > 0 && ", "}
                        {r.document_id !== null ? (
                          <button class="symbol-link" onClick={() => links.open(r.document_id!)}>
                            {r.symbol}
                          </button>
                        ) : (
                          <code class="symbol missing" title={t("missingDoc")}>
                            {r.symbol}
                          </code>
                        )}
                      </span>
                    ))}
                  </p>
                )}
                {s.report && (
                  <div class="history-report">
                    <button
                      class="link"
                      onClick={() =>
                        links.open(s.report!.document_id, { location: s.report!.first_paragraph !== null ? { paragraph: s.report!.first_paragraph } : {}, marks: [] })
                      }
                      data-testid="history-report"
                    >
                      {tf("reportSection", { section: s.report.section })}
                    </button>
                    {s.report.conclusions.length > 0 && (
                      <div class="history-conclusions">
                        <h5>{t("conclusions")}</h5>
                        {s.report.conclusions.map((c, i) => (
                          <p key={i} {...attrs}>
                            {c}
                          </p>
                        ))}
                      </div>
                    )}
                  </div>
                )}
                {s.notes.length > 0 && (
                  <ul class="history-notes">
                    {s.notes.map((n) => (
                      <li key={n.id}>
                        “<span {...attrs}>{n.anchor.exact}</span>” — <span dir="auto">{n.body}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
