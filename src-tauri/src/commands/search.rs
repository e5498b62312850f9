//! Search command.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::{SearchHit, SearchRequest};
use tauri::State;

/// Ranked passages for a query, with filters.
#[tauri::command]
#[specta::specta]
pub async fn search(
    state: State<'_, AppState>,
    request: SearchRequest,
) -> CommandResult<Vec<SearchHit>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.search(&request)?)).await
}
