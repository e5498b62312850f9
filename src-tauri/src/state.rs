//! What the shell keeps between commands.

use crate::commands::CommandError;
use dossier_core::Library;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::Manager;

/// Built once in `setup`.
pub struct AppState {
    /// The library folder (database, index, copies of originals).
    pub data_dir: PathBuf,
    /// The bundled seed documents, ingested on the first start.
    pub seeds_dir: PathBuf,
    /// The open library, or why it could not be opened (for example another
    /// Dossier window holds it); the UI shows the reason.
    pub library: Result<Arc<Library>, CommandError>,
    /// Files named on the command line ("Open with Dossier", a file
    /// association): imported once the window asks for them.
    pub startup_files: Mutex<Vec<PathBuf>>,
    /// The outcome of a restore carried out at this start, for the UI to show.
    pub restore_report: Option<RestoreReport>,
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
        let library = Library::open(&data_dir)
            .map(Arc::new)
            .map_err(CommandError::from);
        if let Err(e) = &library {
            tracing::error!(error = %e.message, "cannot open the library");
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
        })
    }

    pub fn library(&self) -> Result<Arc<Library>, CommandError> {
        self.library.clone()
    }
}
