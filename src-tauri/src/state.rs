//! What the shell keeps between commands.

use crate::commands::CommandError;
use dossier_core::api::IndexRebuild;
use dossier_core::{ErrorKind, Library};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::Manager;

/// How long the start waits for a library another process still holds.
const OPEN_PATIENCE: Duration = Duration::from_secs(3);

/// Built once in `setup`.
pub struct AppState {
    /// The library folder (database, index, copies of originals).
    pub data_dir: PathBuf,
    /// The bundled seed documents, ingested on the first start.
    pub seeds_dir: PathBuf,
    /// The open library, or why it could not be opened (for example another
    /// Dossier window holds it); the UI shows the reason and can try again.
    library: LibrarySlot,
    /// Files named on the command line ("Open with Dossier", a file
    /// association): imported once the window asks for them.
    pub startup_files: Mutex<Vec<PathBuf>>,
    /// The outcome of a restore carried out at this start, for the UI to show.
    pub restore_report: Option<RestoreReport>,
    /// The menu's and the dialogs' words in the UI's language.
    pub shell_text: Mutex<crate::commands::shell_text::ShellText>,
    /// The folder the last save dialog saved to, where the next one opens.
    save_folder: Mutex<Option<PathBuf>>,
    /// The fetch from the UN's document system under way, if one is.
    pub fetch: crate::commands::fetch::FetchSlot,
}

/// What became of a restore asked for before the last restart, or of one
/// that a killed start had left half done.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct RestoreReport {
    pub ok: bool,
    /// The restored backup (its folder, documents, notes), when it worked.
    pub backup: Option<dossier_core::api::BackupSummary>,
    /// The folder now holding the library the restore replaced.
    pub previous: Option<String>,
    /// The restore was found interrupted and finished (ok) or undone (not
    /// ok) at this start.
    pub interrupted: bool,
    /// The English summary, or why the restore failed (the library was then
    /// left as it was).
    pub message: String,
}

impl AppState {
    pub fn from_app(app: &tauri::AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let data_dir = match std::env::var_os("DOSSIER_DATA_DIR") {
            Some(d) => PathBuf::from(d),
            None => app.path().app_data_dir()?,
        };
        let bundled = app
            .path()
            .resolve("seeds", tauri::path::BaseDirectory::Resource)
            .ok()
            .filter(|p| p.is_dir());
        // A development build runs from the source tree.
        let seeds_dir = bundled
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds")));
        // "Restore from a backup…" restarts the app: the restore happens here,
        // before anything opens the library.
        // The library's folder is made here, with its parents (the core makes
        // only a library's last level, so that a mistyped path is no tree).
        if let Err(e) = std::fs::create_dir_all(&data_dir) {
            tracing::error!(error = %e, dir = %data_dir.display(), "cannot make the library folder");
        }
        let mut restore_report = dossier_core::library::run_scheduled_restore_outcome(&data_dir)
            .map(|r| match r {
                Ok(o) => RestoreReport {
                    ok: true,
                    message: format!(
                        "{} ({} documents, {} notes)",
                        o.backup.path, o.backup.documents, o.backup.notes
                    ),
                    backup: Some(o.backup),
                    previous: o.previous,
                    interrupted: false,
                },
                Err(e) => RestoreReport {
                    ok: false,
                    message: e.to_string(),
                    backup: None,
                    previous: None,
                    interrupted: false,
                },
            });
        let library = LibrarySlot::open(&data_dir, OPEN_PATIENCE);
        // A restore killed half way is finished or undone by the open: say which.
        if restore_report.is_none() {
            if let Ok(lib) = library.get() {
                restore_report = lib.interrupted_restore().map(|i| RestoreReport {
                    ok: i.completed,
                    message: if i.completed {
                        format!("{} (finished after an interruption)", i.backup.path)
                    } else {
                        format!(
                            "the restore from {} was interrupted and undone",
                            i.backup.path
                        )
                    },
                    backup: Some(i.backup.clone()),
                    previous: i.previous.clone(),
                    interrupted: true,
                });
            }
        }
        let startup_files = std::env::args_os()
            .skip(1)
            .map(PathBuf::from)
            .filter(|p| !p.as_os_str().to_string_lossy().starts_with('-'))
            .collect();
        Ok(AppState {
            data_dir,
            seeds_dir,
            library,
            startup_files: Mutex::new(startup_files),
            restore_report,
            shell_text: Mutex::default(),
            save_folder: Mutex::default(),
            fetch: Default::default(),
        })
    }

    /// Where a save dialog opens: the folder last saved to, or the user's
    /// Documents folder (or home) the first time.
    pub fn save_folder(&self, app: &tauri::AppHandle) -> Option<PathBuf> {
        let last = self.save_folder.lock().ok().and_then(|f| f.clone());
        save_folder_from(
            last,
            app.path().document_dir().ok(),
            app.path().home_dir().ok(),
        )
    }

    pub fn remember_save_folder(&self, dir: &Path) {
        if let Ok(mut f) = self.save_folder.lock() {
            *f = Some(dir.to_path_buf());
        }
    }

    pub fn library(&self) -> Result<Arc<Library>, CommandError> {
        self.library.get()
    }
}

/// The folder a save dialog opens in: the last one saved to while it still
/// exists, else Documents, else home — never the process's working folder.
fn save_folder_from(
    last: Option<PathBuf>,
    documents: Option<PathBuf>,
    home: Option<PathBuf>,
) -> Option<PathBuf> {
    last.filter(|d| d.is_dir())
        .or_else(|| documents.filter(|d| d.is_dir()))
        .or(home)
}

/// The library reading files in worker processes (this binary in its hidden
/// `--extract-worker` mode, see `main.rs`), so that nothing a file contains
/// can take the window down; in process only when the binary cannot be found.
fn isolated(mut lib: Library) -> Library {
    use dossier_core::extract::worker::{Extractor, Limits};
    match Extractor::current_exe(Limits::from_env()) {
        Ok(x) => lib.set_extractor(x),
        Err(e) => tracing::error!(error = %e, "files are read in the app's own process"),
    }
    lib
}

/// The library, or why it could not be opened.
struct LibrarySlot {
    dir: PathBuf,
    open: Mutex<Result<Arc<Library>, CommandError>>,
}

impl LibrarySlot {
    /// Opens the library in `dir`. A Dossier closed a moment ago may still be
    /// letting go of it: wait up to `patience` for its lock.
    fn open(dir: &Path, patience: Duration) -> Self {
        // An index to rebuild is left for the background (`start_background_work`):
        // the window never waits on it.
        let open = Library::open_waiting_with(dir, patience, IndexRebuild::Later)
            .map(isolated)
            .map(Arc::new)
            .map_err(CommandError::from);
        if let Err(e) = &open {
            tracing::error!(error = %e.message, "cannot open the library");
        }
        LibrarySlot {
            dir: dir.to_path_buf(),
            open: Mutex::new(open),
        }
    }

    /// The open library. When another process held it, each call tries
    /// again, so the window's "Try again" works once that process has let go.
    fn get(&self) -> Result<Arc<Library>, CommandError> {
        let mut slot = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if matches!(&*slot, Err(e) if e.kind == ErrorKind::Locked) {
            if let Ok(lib) = Library::open_with(&self.dir, IndexRebuild::Later) {
                tracing::info!("the other process let go of the library; opened");
                *slot = Ok(Arc::new(isolated(lib)));
            }
        }
        slot.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_dialog_opens_in_the_last_folder_else_documents_else_home() {
        let root = tempfile::tempdir().unwrap();
        let (documents, home, last) = (
            root.path().join("Documents"),
            root.path().join("home"),
            root.path().join("trip"),
        );
        for d in [&documents, &home, &last] {
            std::fs::create_dir(d).unwrap();
        }
        let choose = |last: Option<&PathBuf>, documents: Option<&PathBuf>| {
            save_folder_from(last.cloned(), documents.cloned(), Some(home.clone()))
        };
        assert_eq!(choose(None, Some(&documents)), Some(documents.clone()));
        assert_eq!(choose(Some(&last), Some(&documents)), Some(last.clone()));
        std::fs::remove_dir(&last).unwrap();
        assert_eq!(
            choose(Some(&last), Some(&documents)),
            Some(documents.clone())
        );
        std::fs::remove_dir(&documents).unwrap();
        assert_eq!(choose(None, Some(&documents)), Some(home.clone()));
        assert_ne!(choose(None, None), std::env::current_dir().ok());
    }

    #[test]
    fn a_library_held_elsewhere_opens_when_asked_again_after_it_is_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let other = Library::open(dir.path()).unwrap();
        let slot = LibrarySlot::open(dir.path(), Duration::from_millis(100));
        let refused = slot.get().err().expect("refused while held");
        assert_eq!(refused.kind, ErrorKind::Locked);
        assert!(
            refused.message.contains("already open"),
            "{}",
            refused.message
        );
        assert!(slot.get().is_err(), "still held: still refused");
        drop(other);
        let lib = slot.get().expect("opens on the next request");
        assert!(Arc::ptr_eq(&lib, &slot.get().unwrap()), "and stays open");
    }
}
