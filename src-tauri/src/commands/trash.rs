//! Managing the library: the listing filtered, sorted and counted; removing
//! documents to the trash, restoring them, emptying it.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::{EmptiedTrash, RemoveScope, TrashEntry};
use dossier_core::api::{Query, QueryResult};
use tauri::State;

/// The library's documents that pass a filter and facets, sorted, with the
/// facets' counts and the total.
#[tauri::command]
#[specta::specta]
pub async fn query_library(state: State<'_, AppState>, query: Query) -> CommandResult<QueryResult> {
    let lib = state.library()?;
    blocking(move || Ok(lib.query(&query)?)).await
}

/// Moves a document (or, with scope `rendition`, one of its files: `id` is
/// then the rendition's) to the trash, with its notes.
#[tauri::command]
#[specta::specta]
pub async fn remove_document(
    state: State<'_, AppState>,
    id: u32,
    scope: RemoveScope,
) -> CommandResult<TrashEntry> {
    let lib = state.library()?;
    blocking(move || Ok(lib.remove(id, scope)?)).await
}

/// What is in the trash, the latest removal first.
#[tauri::command]
#[specta::specta]
pub async fn list_trash(state: State<'_, AppState>) -> CommandResult<Vec<TrashEntry>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.trash()?)).await
}

/// Brings back what one removal took, exactly.
#[tauri::command]
#[specta::specta]
pub async fn restore_from_trash(state: State<'_, AppState>, id: u32) -> CommandResult<TrashEntry> {
    let lib = state.library()?;
    blocking(move || Ok(lib.restore_from_trash(id)?)).await
}

/// Deletes what is in the trash for good, and the files nothing else uses.
#[tauri::command]
#[specta::specta]
pub async fn empty_trash(state: State<'_, AppState>) -> CommandResult<EmptiedTrash> {
    let lib = state.library()?;
    blocking(move || Ok(lib.empty_trash()?)).await
}
