//! Importing files: from paths (drag and drop), from the file dialog, and the
//! seed library on the first start. Progress goes out as events.

use super::{blocking, CommandResult};
use crate::events::{ImportFinished, ImportProgress, IndexProgress};
use crate::AppState;
use dossier_core::api::IngestReport;
use dossier_core::Library;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

/// Ingests `paths`, emitting `ImportProgress` per file and `ImportFinished` at the end.
pub fn run_import(app: &AppHandle, lib: &Library, paths: &[PathBuf]) -> IngestReport {
    let report = lib.ingest(paths, &mut |p| {
        let _ = ImportProgress(p.clone()).emit(app);
    });
    let _ = ImportFinished(report.clone()).emit(app);
    report
}

/// Asks for files (or a folder) with the system dialog and imports them.
/// Returns null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_and_import(
    app: AppHandle,
    state: State<'_, AppState>,
    folder: bool,
) -> CommandResult<Option<IngestReport>> {
    let lib = state.library()?;
    blocking(move || {
        let picked: Vec<PathBuf> = if folder {
            super::dialogs::pick_folder(&app).into_iter().collect()
        } else {
            app.dialog()
                .file()
                .add_filter(
                    super::shell_text::current(&app).meeting_documents,
                    &["pdf", "docx", "txt", "md"],
                )
                .blocking_pick_files()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        };
        if picked.is_empty() {
            return Ok(None);
        }
        Ok(Some(run_import(&app, &lib, &picked)))
    })
    .await
}

/// Imports the files named on the command line, once: the window calls this
/// when it is ready to show progress and the report. Null when there were none.
#[tauri::command]
#[specta::specta]
pub async fn import_startup_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<IngestReport>> {
    let lib = state.library()?;
    let paths: Vec<PathBuf> = std::mem::take(
        &mut *state
            .startup_files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
    );
    if paths.is_empty() {
        return Ok(None);
    }
    blocking(move || Ok(Some(run_import(&app, &lib, &paths)))).await
}

/// In the background while the window starts: reads the library listing
/// ahead, and on the first start of a library ingests the bundled seeds. (The
/// Chinese segmenter is warmed later, once the window reports itself ready.)
pub fn start_background_work(app: &AppHandle) {
    // Read the head of the library listing ahead: the window asks for it as
    // soon as its page runs, a few hundred milliseconds from now, and gets it
    // ready. The whole listing is read when the page asks for it, once the
    // head is on screen (reading it here would hold the store's reader, and
    // a core, while the page starts).
    if let Ok(lib) = app.state::<AppState>().library() {
        std::thread::spawn(move || {
            if let Err(e) = lib.listing_head(crate::LISTING_HEAD) {
                tracing::warn!(error = %e, "reading the library listing ahead");
            }
            crate::startup_mark("listing-read-ahead");
        });
    }
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let Ok(lib): Result<Arc<Library>, _> = state.library() else {
            return;
        };
        // An index the open left to rebuild, with its progress shown; searches
        // meanwhile answer from the index as it was, and say so.
        // The rebuild keeps its status up to date before each report.
        let rebuilt = lib.rebuild_index_if_pending(&mut |_, _| {
            let _ = IndexProgress(lib.index_status()).emit(&app);
        });
        if rebuilt {
            let _ = IndexProgress(lib.index_status()).emit(&app);
        }
        match lib.ensure_seeds(&state.seeds_dir) {
            Ok(Some(report)) => {
                let _ = ImportFinished(report).emit(&app);
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "seed library"),
        }
    });
}
