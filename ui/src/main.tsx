import { render } from "preact";
import { App } from "./App";
import { api } from "./ipc";
import { applyLang } from "./i18n";
import { syncShellText } from "./i18n/shell";
import { applyTheme, followSystemTheme } from "./theme";
import { applyTextSize } from "./features/reader/textSize";
import "./styles.css";
import { startupMark } from "./startup";
import { platformOf } from "./platform";
import { ErrorBoundary } from "./ErrorBoundary";
import { t } from "./i18n";

// Ask for the library first: the backend reads it while the page renders. The
// head (the newest meetings, more than a window shows) comes first; the whole
// listing follows it (useListing).
startupMark("script");
const firstListing = api.listLibraryHead(40); // as many as the app reads ahead (LISTING_HEAD)
firstListing.then(
  () => startupMark("listing-received"),
  () => {},
);
// The UI language and its direction (rtl for Arabic) on the root.
applyLang();
// The native menu and the dialogs in the same language.
syncShellText();
// The colour theme (system, light or dark), before the first paint.
applyTheme();
followSystemTheme();
// The reading text size chosen last time.
applyTextSize();
// The font stack names only this platform's fonts (styles.css).
document.documentElement.dataset.os = platformOf(navigator.userAgent);
render(
  <ErrorBoundary resetLabel={t("reloadWindow")} onReset={() => location.reload()}>
    <App firstListing={firstListing} />
  </ErrorBoundary>,
  document.getElementById("app")!,
);
startupMark("first-render");
requestAnimationFrame(() => startupMark("first-frame"));
