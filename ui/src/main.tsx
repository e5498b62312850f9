import { render } from "preact";
import { App } from "./App";
import { api } from "./ipc";
import { applyLang } from "./i18n";
import { syncShellText } from "./i18n/shell";
import "./styles.css";
import { startupMark } from "./startup";
import { platformOf } from "./platform";

// Ask for the library first: the backend reads it while the page renders.
startupMark("script");
const firstListing = api.listLibrary();
firstListing.then(
  () => startupMark("listing-received"),
  () => {},
);
// The UI language and its direction (rtl for Arabic) on the root.
applyLang();
// The native menu and the dialogs in the same language.
syncShellText();
// The font stack names only this platform's fonts (styles.css).
document.documentElement.dataset.os = platformOf(navigator.userAgent);
render(<App firstListing={firstListing} />, document.getElementById("app")!);
startupMark("first-render");
requestAnimationFrame(() => startupMark("first-frame"));
