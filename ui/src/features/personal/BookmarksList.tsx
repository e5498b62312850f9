import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { Bookmark, LibraryListing } from "../../ipc";
import { placeIndex } from "./place";
import { textAttrs } from "../../contentLang";
import { t, tp } from "../../i18n";

interface Props {
  version: number;
  /** Names each bookmark's meeting and document. */
  listing: LibraryListing | null;
  onOpen: (b: Bookmark) => void;
}

/** Every bookmark in the library; one click returns to the place. */
export function BookmarksList({ version, listing, onOpen }: Props) {
  const [marks, setMarks] = useState<Bookmark[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.listBookmarks(null).then(setMarks, (e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), [version]);
  if (error) return <p class="error-text">{error}</p>;
  if (marks === null) return <p class="state">{t("loading")}</p>;
  if (marks.length === 0) return <p class="state">{t("noBookmarks")}</p>;
  const places = placeIndex(listing);
  return (
    <div class="personal">
      <p class="list-count" data-testid="list-count">
        {tp("nBookmarks", marks.length)}
      </p>
      <ul class="bookmarks-list" data-testid="bookmarks-list">
        {marks.map((b) => (
          <li key={b.id}>
            <button class="entry" onClick={() => onOpen(b)}>
              <PlaceLine place={places.get(b.series)} />
              <span class="entry-place">{placeLabel(b)}</span>
              <span class="entry-items" dir="auto">
                {b.label}
              </span>
            </button>
            <button class="link" onClick={() => void api.removeBookmark(b.id).then(load)} aria-label={`${t("remove")} ${b.label}`}>
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where a bookmark points, in the UI's language. The item number is the
 *  document's ("3(a)", "3 (أ)"), isolated (U+2068…U+2069) so that it keeps its
 *  own order in a sentence of the other direction. */
export function placeLabel(b: Bookmark): string {
  switch (b.target) {
    case "document":
      return t("wholeDocument");
    case "item":
      return `${t("item")} \u2068${b.anchor}\u2069`;
    case "paragraph":
      return `${t("paragraph")} ${Number(b.anchor) + 1}`;
    case "slot":
      return `${t("slot")} ${Number(b.anchor) + 1}`;
  }
}

/** The meeting and the document a bookmark or note is in, each in its own language. */
export function PlaceLine({ place }: { place: ReturnType<ReturnType<typeof placeIndex>["get"]> }) {
  if (!place) return null;
  return (
    <span class="entry-where" data-testid="entry-where">
      {place.meeting && (
        <span class="entry-meeting" {...textAttrs(place.language)}>
          {place.meeting}
        </span>
      )}
      <span class="entry-document" {...textAttrs(place.language)}>
        {place.document}
      </span>
    </span>
  );
}
