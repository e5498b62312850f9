import { useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";
import type { Note } from "../../ipc";
import { list, t, tf, tp } from "../../i18n";
import { Markdown } from "../notes/markdown";
import type { LibraryListing } from "../../ipc";
import { placeIndex } from "./place";
import { PlaceLine } from "./BookmarksList";
import { ExportResult } from "./ExportResult";

interface Props {
  version: number;
  /** Names each note's meeting and document. */
  listing: LibraryListing | null;
  onOpen: (n: Note) => void;
  onImported: () => void;
}

/** Every note in the library, newest first, with export and import. */
export function LibraryNotes({ version, listing, onOpen, onImported }: Props) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const places = placeIndex(listing);
  useEffect(() => {
    api.listNotes(null).then((n) => setNotes([...n].sort((a, b) => b.updated_at.localeCompare(a.updated_at))), fail);
  }, [version]);
  const doImport = () =>
    api.importNotes().then((s) => {
      if (!s) return;
      const added = tf("importedNotes", { list: list([tp("nNotes", s.notes_added), tp("nBookmarks", s.bookmarks_added), tp("nStarredSlots", s.stars_added)]) });
      setStatus(s.notes_not_in_library > 0 ? `${added} ${tf("notesLeftOut", { n: s.notes_not_in_library })}` : added);
      onImported();
    }, fail);
  return (
    <div class="personal library-notes" data-testid="library-notes">
      <div class="personal-tools">
        <button onClick={() => void api.exportNotes(null, "markdown").then(setSaved, fail)}>{t("exportMarkdown")}</button>
        <button onClick={() => void api.exportNotes(null, "json").then(setSaved, fail)}>{t("exportJson")}</button>
        <button onClick={() => void api.exportNotes(null, "w3c").then(setSaved, fail)} data-testid="export-w3c">
          {t("exportW3c")}
        </button>
        <button class="secondary" onClick={() => void doImport()}>
          {t("importNotes")}
        </button>
      </div>
      <ExportResult path={saved} />
      {status && <p class="saved">{status}</p>}
      {error && <p class="error-text">{error}</p>}
      {notes === null && <p class="state">{t("loading")}</p>}
      {notes?.length === 0 && <p class="state">{t("noNotesLibrary")}</p>}
      {notes && notes.length > 0 && (
        <p class="list-count" data-testid="list-count">
          {tp("nNotes", notes.length)}
        </p>
      )}
      <ul>
        {notes?.map((n) => (
          <li key={n.id} class={n.detached ? "note detached" : "note"}>
            <PlaceLine place={places.get(n.series)} />
            <button class="quote" onClick={() => onOpen(n)} title={t("goToNote")}>
              “<span dir="auto">{n.anchor.exact}</span>”
            </button>
            <time class="note-date" dateTime={n.updated_at}>
              {tf("noteEdited", { date: formatDateTime(n.updated_at) })}
            </time>
            {n.detached && <p class="detached-label">{t("detachedNote")}</p>}
            <div class="note-body">
              <Markdown source={n.body} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
