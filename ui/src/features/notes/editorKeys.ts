/** The keys of a note's text field: Ctrl+Enter (Cmd+Enter on a Mac) saves,
 *  Escape closes without saving. */
export function editorKeys(e: KeyboardEvent, save: () => void, close: () => void): void {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    save();
  } else if (e.key === "Escape") {
    e.preventDefault();
    e.stopPropagation();
    close();
  }
}
