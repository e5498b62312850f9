import { useState } from "preact/hooks";
import type { Note } from "../../ipc";
import { t } from "../../i18n";
import { Markdown } from "./markdown";
import { useTextAttrs } from "../reader/documentText";

interface Props {
  notes: Note[];
  onAdd: () => void;
  canAdd: boolean;
  onSave: (id: number, body: string) => void;
  onDelete: (note: Note) => void;
  onGo: (note: Note) => void;
}

/** The notes of the open document: go to, edit, delete; detached ones show their quote. */
export function NotesPanel({ notes, onAdd, canAdd, onSave, onDelete, onGo }: Props) {
  const text = useTextAttrs();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState("");
  return (
    <section class="notes-panel" aria-label={t("notes")} data-testid="notes-panel">
      <h3>
        {t("notes")} ({notes.length})
        <button class="link" onClick={onAdd} disabled={!canAdd} title={t("selectTextForNote")} data-testid="add-note">
          {t("addNote")}
        </button>
      </h3>
      {notes.length === 0 && <p class="state">{t("noNotes")}</p>}
      <ul>
        {notes.map((n) => (
          <li key={n.id} class={n.detached ? "note detached" : "note"}>
            <button class="quote" onClick={() => onGo(n)} title={t("goToNote")}>
              “<span {...text}>{n.anchor.exact}</span>”
            </button>
            {n.detached && <p class="detached-label">{t("detachedNote")}</p>}
            {editing === n.id ? (
              <>
                <textarea value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} rows={4} dir="auto" />
                <button
                  onClick={() => {
                    onSave(n.id, draft);
                    setEditing(null);
                  }}
                >
                  {t("save")}
                </button>{" "}
                <button class="link" onClick={() => setEditing(null)}>
                  {t("cancel")}
                </button>
              </>
            ) : (
              <div class="note-body">
                <Markdown source={n.body} />
                <button
                  class="link"
                  onClick={() => {
                    setEditing(n.id);
                    setDraft(n.body);
                  }}
                >
                  {t("edit")}
                </button>{" "}
                <button class="link" onClick={() => onDelete(n)}>
                  {t("delete")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
