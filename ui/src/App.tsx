import { useEffect, useState } from "preact/hooks";
import { api, IpcError } from "./ipc";
import type { Document, LibraryEntry } from "./ipc";
import { lang, setLang, t } from "./i18n";
import type { Lang } from "./i18n";
import { LibraryPane } from "./features/library/LibraryPane";
import { Reader } from "./features/reader/Reader";

export function App() {
  const [, rerender] = useState(0);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [doc, setDoc] = useState<Document | null>(null);

  useEffect(() => lang.subscribe(() => rerender((n) => n + 1)), []);
  const load = () => {
    setError(null);
    api.listLibrary().then(setEntries, (e: unknown) => setError(e instanceof IpcError ? e.message : String(e)));
  };
  useEffect(load, []);
  useEffect(() => {
    if (selected === null) return;
    setDoc(null);
    api.openDocument(selected).then(setDoc, (e: unknown) => setError(e instanceof IpcError ? e.message : String(e)));
  }, [selected]);

  return (
    <div class="app">
      <header class="topbar">
        <h1>{t("appName")}</h1>
        <label class="lang">
          {t("language")}{" "}
          <select value={lang.get()} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Lang)} data-testid="lang">
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
      </header>
      <main class="main">
        <LibraryPane entries={entries} selected={selected} onSelect={setSelected} />
        <section class="content">
          {error && (
            <div class="error" role="alert">
              <strong>{t("error")}</strong>
              <p>{error}</p>
              <button onClick={load}>{t("retry")}</button>
            </div>
          )}
          {!error && selected === null && <p class="state big">{t("selectDocument")}</p>}
          {!error && selected !== null && doc === null && <p class="state big">{t("loading")}</p>}
          {doc && <Reader doc={doc} />}
        </section>
      </main>
    </div>
  );
}
