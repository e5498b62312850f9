//! The system's file dialogs: pick a folder, and save an export where the
//! user chooses (opening in the folder last saved to).

use super::CommandResult;
use crate::AppState;
use dossier_core::Library;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

/// Asks for a folder with the system dialog (blocking: call it inside
/// [`blocking`]); `None` when the user cancels.
pub fn pick_folder(app: &AppHandle) -> Option<PathBuf> {
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// Shows the save dialog, opening in the folder last saved to (the user's
/// Documents the first time, never the process's working directory), and
/// writes `bytes` atomically to the chosen path; a path inside the library
/// folder is refused.
pub fn save_with_dialog(
    app: &AppHandle,
    lib: &Library,
    suggested: &str,
    filter: &str,
    extensions: &[&str],
    bytes: &[u8],
) -> CommandResult<Option<String>> {
    let state = app.state::<AppState>();
    let mut dialog = app
        .dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(filter, extensions);
    if let Some(dir) = state.save_folder(app) {
        dialog = dialog.set_directory(dir);
    }
    let Some(path) = dialog.blocking_save_file().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let path: PathBuf = path;
    lib.export_file(&path, bytes)?;
    if let Some(dir) = path.parent() {
        state.remember_save_folder(dir);
    }
    Ok(Some(path.display().to_string()))
}
