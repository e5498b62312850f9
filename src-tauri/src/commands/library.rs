//! Library commands: what the library holds, and one document in full.

use super::CommandResult;
use crate::AppState;
use dossier_core::library::{LibraryEntry, SeedLibrary};
use dossier_core::Document;
use serde::Serialize;
use tauri::State;

fn with_library<T>(
    state: &AppState,
    f: impl FnOnce(&SeedLibrary) -> CommandResult<T>,
) -> CommandResult<T> {
    let mut guard = state.library.lock().unwrap_or_else(|p| p.into_inner());
    if guard.is_none() {
        *guard = Some(SeedLibrary::load(&state.seeds_dir)?);
    }
    f(guard.as_ref().unwrap())
}

/// Every document in the library, for the library pane.
#[tauri::command]
#[specta::specta]
pub async fn list_library(state: State<'_, AppState>) -> CommandResult<Vec<LibraryEntry>> {
    with_library(&state, |lib| Ok(lib.entries()))
}

/// One document's full structure, for the reader.
#[tauri::command]
#[specta::specta]
pub async fn open_document(state: State<'_, AppState>, id: u32) -> CommandResult<Document> {
    with_library(&state, |lib| Ok(lib.document(id)?.clone()))
}

/// Facts for the About box and the status bar.
#[derive(Debug, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: dossier_core::version().to_string(),
        data_dir: state.data_dir.display().to_string(),
    })
}
