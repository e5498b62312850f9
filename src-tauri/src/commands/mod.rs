//! Tauri commands: each one takes the state, calls one core function and
//! converts the error.

pub mod library;

use serde::Serialize;

/// The error every command returns: a stable `kind` the UI branches on and a
/// message for people.
#[derive(Debug, Serialize, specta::Type)]
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

pub type CommandResult<T> = Result<T, CommandError>;
