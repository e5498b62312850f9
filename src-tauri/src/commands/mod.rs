//! Tauri commands: each one takes the state, calls one core function and
//! converts the error.

pub mod dialogs;
pub mod exchange;
pub mod fetch;
pub mod history;
pub mod import;
pub mod library;
pub mod my_agenda;
pub mod notes;
pub mod originals;
pub mod search;
pub mod shell_text;
pub mod trash;

use serde::Serialize;

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
