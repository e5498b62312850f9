import { useEffect, useState } from "preact/hooks";
import { api, IpcError } from "../../ipc";
import type { Note } from "../../ipc";
import { t, tf } from "../../i18n";
import { Markdown } from "../notes/markdown";
import { ExportResult } from "./ExportResult";

interface Props {
  version: number;
  onOpen: (n: Note) => void;
  onImported: () => void;
}

/** Every note in the library, newest first, with export and import. */
export function LibraryNotes({ version, onOpen, onImported }: Props) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof IpcError ? e.message : String(e));
  useEffect(() => {
    api.listNotes(null).then((n) => setNotes([...n].sort((a, b) => b.updated_at.localeCompare(a.updated_at))), fail);
  }, [version]);
  const doImport = () =>
    api.importNotes().then((s) => {
      if (!s) return;
      setStatus(tf("importedNotes", { notes: s.notes_added, bookmarks: s.bookmarks_added, stars: s.stars_added }));
      onImported();
    }, fail);
  return (
    <div class="personal library-notes" data-testid="library-notes">
      <div class="personal-tools">
        <button onClick={() => void api.exportNotes(null, "markdown").then(setSaved, fail)}>{t("exportMarkdown")}</button>
        <button onClick={() => void api.exportNotes(null, "json").then(setSaved, fail)}>{t("exportJson")}</button>
        <button class="secondary" onClick={() => void doImport()}>
          {t("importNotes")}
        </button>
      </div>
      <ExportResult path={saved} />
      {status && <p class="saved">{status}</p>}
      {error && <p class="error-text">{error}</p>}
      {notes === null && <p class="state">{t("loading")}</p>}
      {notes?.length === 0 && <p class="state">{t("noNotesLibrary")}</p>}
      <ul>
        {notes?.map((n) => (
          <li key={n.id} class={n.detached ? "note detached" : "note"}>
            <button class="quote" onClick={() => onOpen(n)} title={t("goToNote")}>
              “{n.anchor.exact}”
            </button>
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
