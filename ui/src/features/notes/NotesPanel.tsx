import { useState } from "preact/hooks";
import type { AgendaItem, Note } from "../../ipc";
import { t, tp } from "../../i18n";
import { flatten } from "../agenda/items";
import { editorKeys } from "./editorKeys";
import { Markdown } from "./markdown";
import { useTextAttrs } from "../reader/documentText";

interface Props {
  notes: Note[];
  /** The document's agenda, to name the item each note is on. */
  agenda?: AgendaItem[];
  onAdd: () => void;
  canAdd: boolean;
  onSave: (id: number, body: string) => void;
  onDelete: (note: Note) => void;
  onGo: (note: Note) => void;
}

interface Group {
  passage: string;
  label: string;
  /** The item's title, in the document's language. */
  title: string | null;
  order: number;
  notes: Note[];
}

/** The notes grouped by the passage they are on ("item:3(a)", "para:12", or
 *  the document), in the document's order, each group named: "Item 3(a)
 *  Title", "Paragraph 13". The item number is isolated (U+2068…U+2069) so
 *  that it keeps its own order in a sentence of the other direction. */
export function groupNotes(notes: Note[], agenda: AgendaItem[]): Group[] {
  const items = flatten(agenda);
  const groups = new Map<string, Group>();
  for (const n of notes) {
    const p = n.anchor.passage;
    let g = groups.get(p);
    if (!g) {
      if (p.startsWith("item:")) {
        const number = p.slice(5);
        const at = items.findIndex((i) => i.number === number);
        g = { passage: p, label: `${t("item")} \u2068${number}\u2069`, title: items[at]?.title ?? null, order: at < 0 ? items.length : at, notes: [] };
      } else if (p.startsWith("para:")) {
        const index = Number(p.slice(5));
        g = { passage: p, label: `${t("paragraph")} ${index + 1}`, title: null, order: items.length + 1 + index, notes: [] };
      } else {
        g = { passage: p, label: t("wholeDocument"), title: null, order: -1, notes: [] };
      }
      groups.set(p, g);
    }
    g.notes.push(n);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

/** The notes of the open document, by the item or paragraph they are on: go
 *  to, edit, delete; detached ones show their quote. */
export function NotesPanel({ notes, agenda = [], onAdd, canAdd, onSave, onDelete, onGo }: Props) {
  const text = useTextAttrs();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState("");
  const save = (id: number) => {
    onSave(id, draft);
    setEditing(null);
  };
  return (
    <section class="notes-panel" aria-label={t("notes")} data-testid="notes-panel">
      <h3>
        <span>
          {t("notes")} <span class="count">· {tp("nNotes", notes.length)}</span>
        </span>
        <button class="link" onClick={onAdd} disabled={!canAdd} title={t("selectTextForNote")} data-testid="add-note">
          {t("addNote")}
        </button>
      </h3>
      {notes.length === 0 && <p class="state">{t("noNotes")}</p>}
      {groupNotes(notes, agenda).map((g) => (
        <section key={g.passage} class="note-group" data-testid="note-group">
          <h4>
            {g.label}
            {g.title && (
              <>
                {" "}
                <span {...text}>{g.title}</span>
              </>
            )}
          </h4>
          <ul>
            {g.notes.map((n) => (
              <li key={n.id} class={n.detached ? "note detached" : "note"}>
                <button class="quote" onClick={() => onGo(n)} title={t("goToNote")}>
                  “<span {...text}>{n.anchor.exact}</span>”
                </button>
                {n.detached && <p class="detached-label">{t("detachedNote")}</p>}
                {editing === n.id ? (
                  <>
                    <textarea
                      value={draft}
                      onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
                      onKeyDown={(e) => editorKeys(e, () => save(n.id), () => setEditing(null))}
                      rows={4}
                      dir="auto"
                      aria-label={t("edit")}
                    />
                    <button onClick={() => save(n.id)}>
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
      ))}
    </section>
  );
}
