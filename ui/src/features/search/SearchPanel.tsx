import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { DocumentKind, SearchHit } from "../../ipc";
import { LANGUAGES, t } from "../../i18n";
import { textAttrs } from "../../contentLang";

interface Props {
  onOpen: (hit: SearchHit) => void;
  onClose: () => void;
}

interface Group {
  id: number;
  title: string;
  symbol: string | null;
  file: string;
  language: string;
  hits: { hit: SearchHit; index: number }[];
}

/** A search dialog: results as highlighted passages grouped by document. */
export function SearchPanel({ onOpen, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [language, setLanguage] = useState("");
  const [kind, setKind] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .search({ query, language: language || null, kind: (kind || null) as DocumentKind | null, limit: 100 })
        .then(
          (h) => {
            if (!current) return;
            setHits(h);
            setError(null);
            setActive(0);
          },
          (e: unknown) => current && setError(errorText(e)),
        );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, language, kind]);

  const groups = useMemo(() => {
    const map = new Map<number, Group>();
    (hits ?? []).forEach((hit, index) => {
      const d = hit.document;
      let g = map.get(d.id);
      if (!g) {
        g = { id: d.id, title: d.title, symbol: d.symbol, file: d.file, language: d.language, hits: [] };
        map.set(d.id, g);
      }
      g.hits.push({ hit, index });
    });
    return [...map.values()];
  }, [hits]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") onClose();
    else if (e.key === "ArrowDown" && hits) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" && hits && hits[active]) {
      onOpen(hits[active]);
    }
  };

  return (
    <div class="search-backdrop" onClick={onClose}>
      <div class="search-panel" role="dialog" aria-label={t("search")} onClick={(e) => e.stopPropagation()} onKeyDown={onKey}>
        <div class="search-bar">
          <input
            ref={input}
            type="search"
            value={query}
            placeholder={t("searchPlaceholder")}
            aria-label={t("search")}
            data-testid="search-input"
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)} aria-label={t("language")}>
            <option value="">{t("allLanguages")}</option>
            {LANGUAGES.map((l) => (
              <option value={l.code} key={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)} aria-label={t("kind")}>
            <option value="">{t("allKinds")}</option>
            <option value="agenda">{t("kind_agenda")}</option>
            <option value="report">{t("kind_report")}</option>
            <option value="other">{t("kind_other")}</option>
          </select>
        </div>
        <div class="search-results" data-testid="search-results">
          {error && <p class="state error-text">{error}</p>}
          {!query.trim() && <p class="state">{t("searchHint")}</p>}
          {hits !== null && hits.length === 0 && <p class="state">{t("noResults")}</p>}
          {groups.map((g) => (
            <section key={g.id} class="result-group">
              <h4>
                <span {...textAttrs(g.language)}>{g.title}</span> <span class="doc-meta">{g.language.toUpperCase()} · {g.symbol ?? g.file}</span>
              </h4>
              {g.hits.map(({ hit, index }) => (
                <button
                  key={index}
                  class={index === active ? "search-hit active" : "search-hit"}
                  onClick={() => onOpen(hit)}
                  data-testid="search-hit"
                >
                  <span class="hit-place" {...textAttrs(g.language)}>
                    {hit.heading}
                  </span>
                  <span class="hit-snippet" {...textAttrs(g.language)}>
                    {hit.segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
                  </span>
                </button>
              ))}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
