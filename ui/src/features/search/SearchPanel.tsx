import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { DocumentKind, LibraryListing, SearchHit } from "../../ipc";
import { placeById } from "../personal/place";
import { LANGUAGES, t, tf } from "../../i18n";
import { textAttrs } from "../../contentLang";
import { indexState } from "./indexState";
import { useModal } from "../../modal";

interface Props {
  /** Names each group's meeting (the library's listing). */
  listing?: LibraryListing | null;
  /** The agenda item being read, which the search can keep to in all sessions. */
  itemScope?: { document: number; item: string } | null;
  onOpen: (hit: SearchHit) => void;
  onClose: () => void;
}

interface Group {
  id: number;
  title: string;
  symbol: string | null;
  language: string;
  hits: { hit: SearchHit; index: number }[];
}

/** Hits grouped by document, the documents in the order of their best hit. */
function groupHits(hits: SearchHit[]): Group[] {
  const map = new Map<number, Group>();
  hits.forEach((hit, index) => {
    const d = hit.document;
    let g = map.get(d.id);
    if (!g) {
      g = { id: d.id, title: d.title, symbol: d.symbol, language: d.language, hits: [] };
      map.set(d.id, g);
    }
    g.hits.push({ hit, index });
  });
  return [...map.values()];
}

/** A search dialog: results as highlighted passages grouped by document. */
export function SearchPanel({ listing = null, itemScope = null, onOpen, onClose }: Props) {
  const [rebuilding, setRebuilding] = useState(indexState.get().rebuilding);
  useEffect(() => indexState.subscribe((st) => setRebuilding(st.rebuilding)), []);
  const [query, setQuery] = useState("");
  const [language, setLanguage] = useState("");
  const [kind, setKind] = useState("");
  const [allSessions, setAllSessions] = useState(false);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Once a result is opened the focus is not given back to what opened the
  // search: the reader takes it (and an Enter's keypress would press that button).
  const opened = useRef(false);
  const trap = useModal(dialog, () => !opened.current);
  const open = (hit: SearchHit) => {
    opened.current = true;
    onOpen(hit);
  };
  useEffect(() => input.current?.focus(), []);
  // The active result stays in view as the arrow keys move through the list.
  useEffect(() => {
    if (hits && hits.length > 0) document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, hits]);

  // The item searched in all sessions, by value (the object is made anew at each render of the app).
  const scopeDocument = itemScope?.document ?? null;
  const scopeItem = itemScope?.item ?? null;
  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .search({
          query,
          language: language || null,
          kind: (kind || null) as DocumentKind | null,
          limit: 100,
          item_in_all_sessions: allSessions && scopeDocument !== null && scopeItem !== null ? { document: scopeDocument, item: scopeItem } : null,
        })
        .then(
          (h) => {
            if (!current) return;
            setHits(h);
            setError(null);
            setActive(0); // the best hit, shown first
          },
          (e: unknown) => current && setError(errorText(e)),
        );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, language, kind, allSessions, scopeDocument, scopeItem]);

  const groups = useMemo(() => groupHits(hits ?? []), [hits]);
  const meetings = useMemo(() => placeById(listing), [listing]);

  // The hits in the order they are shown (grouped by document): the arrow keys walk this.
  const order = useMemo(() => groups.flatMap((g) => g.hits.map((h) => h.index)), [groups]);
  const step = (by: number) => setActive((a) => order[Math.max(0, Math.min(order.length - 1, order.indexOf(a) + by))] ?? a);
  const onKey = (e: KeyboardEvent) => {
    trap(e);
    if (e.key === "Escape") {
      e.stopPropagation();
      onClose();
    }
    else if (e.key === "ArrowDown") {
      e.preventDefault();
      step(1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      step(-1);
    } else if (e.key === "Enter" && hits && hits[active]) {
      e.preventDefault();
      open(hits[active]);
    }
  };

  return (
    // The backdrop is presentation only (as in Sheet.tsx): a click beside the
    // dialog closes it, as Escape does; the keys pressed in it reach onKey.
    <div class="search-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()} onKeyDown={onKey}>
      <div class="search-panel" role="dialog" aria-modal="true" aria-label={t("search")} ref={dialog}>
        <div class="search-bar">
          <input
            ref={input}
            type="search"
            value={query}
            placeholder={t("searchPlaceholder")}
            aria-label={t("search")}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={hits !== null && hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits && hits[active] ? `search-hit-${active}` : undefined}
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
          {itemScope && (
            <label class="search-scope">
              <input type="checkbox" checked={allSessions} onChange={(e) => setAllSessions((e.target as HTMLInputElement).checked)} data-testid="search-all-sessions" />{" "}
              {tf("searchItemAllSessions", { n: itemScope.item })}
            </label>
          )}
        </div>
        <div class="search-results" data-testid="search-results">
          {error && <p class="state error-text">{error}</p>}
          {rebuilding && (
            <p class="search-how" role="status" data-testid="search-rebuilding">
              {t("searchWhileRebuilding")}
            </p>
          )}
          {!query.trim() && <p class="state">{t("searchHint")}</p>}
          {query.trim() && (
            // Why a quoted query finds fewer passages than the same words unquoted.
            <p class="search-how" data-testid="search-how">
              {t(/["“”«»„]/.test(query) ? "searchHowExact" : "searchHowForms")}
            </p>
          )}
          {hits !== null && hits.length === 0 && <p class="state">{t("noResults")}</p>}
          <div
            role="listbox"
            id="search-results"
            class="search-list"
            aria-label={t("search")}
            tabIndex={0}
            aria-activedescendant={hits && hits[active] ? `search-hit-${active}` : undefined}
          >
            {groups.map((g) => (
              <div key={g.id} class="result-group" role="group" aria-labelledby={`search-group-${g.id}`}>
                <div class="group-label" role="presentation" id={`search-group-${g.id}`}>
                  {meetings.get(g.id)?.meeting && (
                    <span class="group-meeting" {...textAttrs(g.language)} data-testid="search-group-meeting">
                      {meetings.get(g.id)?.meeting}
                    </span>
                  )}
                  <span {...textAttrs(g.language)}>{g.title}</span>{" "}
                  <span class="doc-meta">
                    {g.language.toUpperCase()}
                    {g.symbol && ` · ${g.symbol}`}
                  </span>
                </div>
                {g.hits.map(({ hit, index }) => (
                  // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus -- the combobox pattern (WAI-ARIA APG): the focus stays in the search field, which moves through the options with the arrow keys (aria-activedescendant) and opens one with Enter
                  <div
                    key={index}
                    id={`search-hit-${index}`}
                    role="option"
                    aria-selected={index === active}
                    class={index === active ? "search-hit active" : "search-hit"}
                    onClick={() => open(hit)}
                    data-testid="search-hit"
                  >
                    <span class="hit-place" {...textAttrs(g.language)}>
                      {hit.heading}
                    </span>
                    <span class="hit-snippet" {...textAttrs(g.language)}>
                      {hit.segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
                    </span>
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
