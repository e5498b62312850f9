//! What the shell keeps between commands.

use crate::commands::CommandError;
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
}

/// What became of a restore asked for before the last restart.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct RestoreReport {
    pub ok: bool,
    /// The restored backup's summary, or why the restore failed (the library
    /// was then left as it was).
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
        let restore_report =
            dossier_core::library::run_scheduled_restore(&data_dir).map(|r| match r {
                Ok(s) => RestoreReport {
                    ok: true,
                    message: format!("{} ({} documents, {} notes)", s.path, s.documents, s.notes),
                },
                Err(e) => RestoreReport {
                    ok: false,
                    message: e.to_string(),
                },
            });
        let library = LibrarySlot::open(&data_dir, OPEN_PATIENCE);
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
        })
    }

    pub fn library(&self) -> Result<Arc<Library>, CommandError> {
        self.library.get()
    }
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
        let open = Library::open_waiting(dir, patience)
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
            if let Ok(lib) = Library::open(&self.dir) {
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
