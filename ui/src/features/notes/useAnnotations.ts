import { useCallback, useEffect, useState } from "preact/hooks";
import { api } from "../../ipc";
import { errorText } from "../../i18n/errors";
import type { Bookmark, BookmarkTarget, Note } from "../../ipc";

/** Notes and bookmarks of one document, with the actions on them;
 *  `onChanged` hears of every change made (the library-wide lists reload). */
export function useAnnotations(docId: number, onChanged: () => void = () => {}) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [bookmarks, setBookmarks] = useState<Bookmark[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);

  const reload = useCallback(() => {
    api.listNotes(docId).then(setNotes, (e: unknown) => setError(errorText(e)));
    api.listBookmarks(docId).then(setBookmarks, (e: unknown) => setError(errorText(e)));
  }, [docId]);
  useEffect(reload, [reload]);

  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        reload();
        onChanged();
      },
      (e: unknown) => setError(errorText(e)),
    );
  return {
    notes,
    bookmarks,
    error,
    deleted,
    add: (passage: string, start: number, end: number, body: string) => run(api.addNote(docId, passage, start, end, body)),
    save: (id: number, body: string) => run(api.updateNote(id, body)),
    remove: (note: Note) => {
      setDeleted(note);
      run(api.deleteNote(note.id));
    },
    undo: () => {
      if (deleted) run(api.restoreNote(deleted.id));
      setDeleted(null);
    },
    forgetUndo: () => setDeleted(null),
    bookmark: (target: BookmarkTarget, anchor: string, label: string) => {
      const existing = bookmarks.find((b) => b.target === target && b.anchor === anchor);
      run(existing ? api.removeBookmark(existing.id) : api.addBookmark(docId, target, anchor, label));
    },
    isBookmarked: (target: BookmarkTarget, anchor: string) => bookmarks.some((b) => b.target === target && b.anchor === anchor),
  };
}
