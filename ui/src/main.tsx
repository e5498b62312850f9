import { render } from "preact";
import { App } from "./App";
import { api } from "./ipc";
import { lang } from "./i18n";
import "./styles.css";

// Ask for the library first: the backend reads it while the page renders.
const firstListing = api.listLibrary();
document.documentElement.lang = lang.get() === "zh" ? "zh-Hans" : "en";
render(<App firstListing={firstListing} />, document.getElementById("app")!);
