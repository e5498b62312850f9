// The side of the window: the library, My agenda, the bookmarks and all the
// notes, as ARIA tabs (one tab stop; the arrow keys, Home and End move between them).
import { useState } from "preact/hooks";
import type { AgendaEntry, Bookmark, LibraryListing, Note } from "./ipc";
import { t } from "./i18n";
import { LibraryPane } from "./features/library/LibraryPane";
import { MyAgenda } from "./features/personal/MyAgenda";
import { BookmarksList } from "./features/personal/BookmarksList";
import { LibraryNotes } from "./features/personal/LibraryNotes";
import { BackupFooter } from "./features/backup/backup";
import type { Backup } from "./features/backup/backup";
import type { TimeMode } from "./features/schedule/time";
import { isRtl } from "./features/reader/panes";

type Tab = "library" | "agenda" | "bookmarks" | "notes";
const TABS: Tab[] = ["library", "agenda", "bookmarks", "notes"];

/** The tab an arrow key (or Home / End) moves to from `tab`, round the ends;
 *  in right to left the tabs are mirrored, so ArrowLeft is the next one. */
function tabAfterKey(tab: Tab, key: string, rtl: boolean): Tab | null {
  const at = TABS.indexOf(tab);
  const step = key === "ArrowRight" ? (rtl ? -1 : 1) : key === "ArrowLeft" ? (rtl ? 1 : -1) : 0;
  if (key === "Home") return TABS[0]!;
  if (key === "End") return TABS[TABS.length - 1]!;
  if (step === 0) return null;
  return TABS[(at + step + TABS.length) % TABS.length]!;
}

interface Props {
  width: number;
  listing: LibraryListing | null;
  selected: number | null;
  onSelect: (id: number) => void;
  onImport: (folder: boolean) => void;
  importing: boolean;
  backup: Backup;
  /** The library changed (something came back from the trash, notes were imported). */
  onRestored: () => void;
  onImported: () => void;
  /** Counts the library's changes, and the notes and bookmarks changed in the reader: the lists reload. */
  version: number;
  marksVersion: number;
  mode: TimeMode;
  onOpenEntry: (e: AgendaEntry) => void;
  onOpenBookmark: (b: Bookmark) => void;
  onOpenNote: (n: Note) => void;
}

export function Sidebar(props: Props) {
  const { width, listing, selected, version, marksVersion } = props;
  const [tab, setTab] = useState<Tab>("library");
  const labels: [Tab, string][] = [
    ["library", t("library")],
    ["agenda", t("myAgenda")],
    ["bookmarks", t("bookmarks")],
    ["notes", t("allNotes")],
  ];
  return (
    <aside class="sidebar" data-pane="sidebar" tabIndex={-1} aria-label={t("library")} style={{ width: `${width}px` }}>
      <div class="tabs" role="tablist">
        {labels.map(([id, label]) => (
          <button
            key={id}
            id={`tab-${id}`}
            role="tab"
            aria-selected={tab === id}
            aria-controls="sidebar-panel"
            tabIndex={tab === id ? 0 : -1}
            class={tab === id ? "tab on" : "tab"}
            onClick={() => setTab(id)}
            // The arrow keys, Home and End move from the tab focused (the one chosen).
            onKeyDown={(e) => {
              const next = tabAfterKey(id, e.key, isRtl(e.currentTarget as HTMLElement));
              if (!next) return;
              e.preventDefault();
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
            data-testid={`tab-${id}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div class="tab-panel" id="sidebar-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "library" && (
          <LibraryPane
            listing={listing}
            selected={selected}
            onSelect={props.onSelect}
            onImport={props.onImport}
            importing={props.importing}
            footer={<BackupFooter backup={props.backup} />}
            onRestored={props.onRestored}
          />
        )}
        {tab === "agenda" && <MyAgenda version={version} mode={props.mode} onOpen={props.onOpenEntry} />}
        {tab === "bookmarks" && <BookmarksList version={version + marksVersion} listing={listing} onOpen={props.onOpenBookmark} />}
        {tab === "notes" && <LibraryNotes version={version + marksVersion} listing={listing} onOpen={props.onOpenNote} onImported={props.onImported} />}
      </div>
    </aside>
  );
}
