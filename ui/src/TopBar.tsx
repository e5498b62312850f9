// The window's header: back and forward, search, the shortcuts, the theme and the language.
import { LANGUAGES, lang, langTag, setLang, t } from "./i18n";
import type { Lang } from "./i18n";
import { THEMES, setTheme, theme } from "./theme";
import type { ThemeChoice } from "./theme";
import type { History } from "./features/reader/navigation";

interface Props {
  history: History;
  onTravel: (way: "back" | "forward") => void;
  onSearch: () => void;
  onShortcuts: () => void;
}

export function TopBar({ history, onTravel, onSearch, onShortcuts }: Props) {
  return (
    <header class="topbar">
      <h1>{t("appName")}</h1>
      <nav class="history-nav" aria-label={t("navigation")}>
        <button class="header-button history-button" onClick={() => onTravel("back")} disabled={history.back.length === 0} aria-label={t("back")} title={`${t("back")} (Alt+←)`} data-testid="go-back">
          <span aria-hidden="true">←</span>
        </button>
        <button class="header-button history-button" onClick={() => onTravel("forward")} disabled={history.forward.length === 0} aria-label={t("forward")} title={`${t("forward")} (Alt+→)`} data-testid="go-forward">
          <span aria-hidden="true">→</span>
        </button>
      </nav>
      <button class="search-button" onClick={onSearch} data-testid="open-search">
        {t("search")} <kbd>Ctrl K</kbd>
      </button>
      <button class="header-button" onClick={onShortcuts} aria-label={t("shortcuts")} title={t("shortcuts")} data-testid="open-shortcuts">
        ?
      </button>
      <label class="lang">
        {t("theme")}{" "}
        <select value={theme.get()} onChange={(e) => setTheme((e.target as HTMLSelectElement).value as ThemeChoice)} data-testid="theme">
          {THEMES.map((c) => (
            <option value={c} key={c}>
              {t(c === "system" ? "themeSystem" : c === "light" ? "themeLight" : "themeDark")}
            </option>
          ))}
        </select>
      </label>
      <label class="lang">
        {t("language")}{" "}
        <select value={lang.get()} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Lang)} data-testid="lang">
          {LANGUAGES.map((l) => (
            <option value={l.code} key={l.code} lang={langTag(l.code)}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
