import type { DocumentKind, Facets, SortBy } from "../../ipc";
import { LANGUAGES, t } from "../../i18n";

/** How the library pane lists: grouped by meeting or in one sorted list,
 *  and the facets chosen (null: any). */
export interface LibraryView {
  sort: "meeting" | SortBy;
  body: string | null;
  year: string | null;
  kind: DocumentKind | null;
  language: string | null;
}

const KEY = "dossier.libraryView";
const SORTS = ["meeting", "date", "body", "symbol", "recently_added"] as const;

export function savedView(): LibraryView {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "null") as Partial<LibraryView> | null;
    // Only the order is kept across restarts; facets narrow one session's work.
    if (v && SORTS.includes(v.sort as (typeof SORTS)[number])) return { ...empty, sort: v.sort as LibraryView["sort"] };
  } catch {
    /* a damaged setting: the default */
  }
  return empty;
}

export function saveView(v: LibraryView) {
  globalThis.localStorage?.setItem(KEY, JSON.stringify({ sort: v.sort }));
}

const empty: LibraryView = { sort: "meeting", body: null, year: null, kind: null, language: null };

/** Whether a filter or a facet leaves documents out. */
export function isNarrowed(filter: string, v: LibraryView): boolean {
  return filter.trim() !== "" || v.body !== null || v.year !== null || v.kind !== null || v.language !== null;
}

/** The order and the four facets (body, year, kind, language), each value
 *  with how many documents have it among those the rest leaves. */
export function LibraryQueryBar({ view, onView, facets }: { view: LibraryView; onView: (v: LibraryView) => void; facets: Facets | null }) {
  const set = (patch: Partial<LibraryView>) => onView({ ...view, ...patch });
  const narrowed = view.body !== null || view.year !== null || view.kind !== null || view.language !== null;
  const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code.toUpperCase();
  const facet = (
    label: string,
    key: "body" | "year" | "kind" | "language",
    values: { value: string; count: number }[] | undefined,
    name: (v: string) => string,
  ) => (
    <select
      aria-label={label}
      title={label}
      value={view[key] ?? ""}
      onChange={(e) => {
        const v = (e.target as HTMLSelectElement).value;
        set({ [key]: v === "" ? null : v } as Partial<LibraryView>);
      }}
      data-testid={`facet-${key}`}
      class={view[key] !== null ? "on" : ""}
    >
      <option value="">{label}</option>
      {/* The chosen value stays listed even when the others leave none of it. */}
      {view[key] !== null && !values?.some((x) => x.value === view[key]) && <option value={view[key] ?? ""}>{name(view[key] ?? "")}</option>}
      {(values ?? []).map((x) => (
        <option key={x.value} value={x.value}>
          {name(x.value)} ({x.count})
        </option>
      ))}
    </select>
  );
  return (
    <div class="library-query" role="group" aria-label={t("narrowLibrary")}>
      <label>
        {t("sortBy")}{" "}
        <select value={view.sort} onChange={(e) => set({ sort: (e.target as HTMLSelectElement).value as LibraryView["sort"] })} data-testid="library-sort">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div class="facets">
        {facet(t("facetBody"), "body", facets?.body, (v) => v)}
        {facet(t("facetYear"), "year", facets?.year, (v) => v)}
        {facet(t("facetKind"), "kind", facets?.kind, (v) => t(`kind_${v as DocumentKind}`))}
        {facet(t("facetLanguage"), "language", facets?.language, languageName)}
        {narrowed && (
          <button class="link" onClick={() => set({ body: null, year: null, kind: null, language: null })} data-testid="facets-clear">
            {t("clearFacets")}
          </button>
        )}
      </div>
    </div>
  );
}
