//! Tauri commands: each one takes the state, calls one core function and
//! converts the error.

pub mod exchange;
pub mod history;
pub mod import;
pub mod library;
pub mod notes;
pub mod originals;
pub mod schedule;
pub mod search;
pub mod shell_text;
pub mod trash;

use serde::Serialize;
use std::path::PathBuf;

/// Asks for a folder with the system dialog (blocking: call it inside
/// [`blocking`]); `None` when the user cancels.
pub fn pick_folder(app: &tauri::AppHandle) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// The error every command returns: a stable `kind` the UI branches on and a
/// message for people.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CommandError {
    pub kind: dossier_core::ErrorKind,
    pub message: String,
}

impl From<dossier_core::Error> for CommandError {
    fn from(e: dossier_core::Error) -> Self {
        CommandError {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError {
            kind: dossier_core::ErrorKind::Io,
            message: e.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

/// Runs blocking core work off the async runtime's threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| CommandError {
            kind: dossier_core::ErrorKind::Io,
            message: format!("background task failed: {e}"),
        })?
}
