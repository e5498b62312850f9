// A promise that failed with no one to hear it (a bug): said under the
// header, not swallowed, until dismissed.
import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n";
import { errorText } from "./i18n/errors";

export function UnexpectedError() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => setText(errorText(e.reason));
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, []);
  if (!text) return null;
  return (
    <div class="import-status has-failures" role="alert" data-testid="unexpected-error">
      <span>
        {t("unexpectedError")}
        {t("colon")}
        <bdi>{text}</bdi>
      </span>
      <button class="link" onClick={() => setText(null)}>
        {t("dismiss")}
      </button>
    </div>
  );
}
