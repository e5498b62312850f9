import { useCallback, useState } from "preact/hooks";
import { t } from "./i18n";

const KEY = "dossier.welcome";

/** Whether the first-start view was dismissed (remembered like the language). */
export function welcomeDismissed(): boolean {
  return globalThis.localStorage?.getItem(KEY) === "dismissed";
}

export function rememberWelcome(dismissed: boolean): void {
  if (dismissed) globalThis.localStorage?.setItem(KEY, "dismissed");
  else globalThis.localStorage?.removeItem(KEY);
}

/** Whether the first-start view is shown instead of "select a document";
 *  dismissed, or brought back, for good. */
export function useWelcome(): { shown: boolean; dismiss: () => void; bringBack: () => void } {
  const [shown, setShown] = useState(() => !welcomeDismissed());
  const dismiss = useCallback(() => {
    rememberWelcome(true);
    setShown(false);
  }, []);
  const bringBack = useCallback(() => {
    rememberWelcome(false);
    setShown(true);
  }, []);
  return { shown, dismiss, bringBack };
}

/** What Dossier does and how, in the reader's place until a document is
 *  opened: shown at the first start, dismissable, back from Help ▸ Getting started. */
export function Welcome({ onImport, onDismiss }: { onImport: () => void; onDismiss: () => void }) {
  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t("welcomeTitle")}</h2>
      <p>{t("welcomeIntro")}</p>
      <ol>
        <li>{t("welcomeImport")}</li>
        <li>{t("welcomePanes")}</li>
        <li>
          {t("welcomeSearch")} <kbd dir="ltr">Ctrl K</kbd>
        </li>
        <li>{t("welcomeNotes")}</li>
        <li>{t("welcomeAgenda")}</li>
      </ol>
      <p class="welcome-offline">{t("welcomeOffline")}</p>
      <div class="welcome-actions">
        <button onClick={onImport} data-testid="welcome-import">
          {t("welcomeImportButton")}
        </button>
        <button class="secondary" onClick={onDismiss} data-testid="welcome-dismiss">
          {t("welcomeDismiss")}
        </button>
      </div>
    </section>
  );
}
