//! An agenda item across sessions, and what adoption changed in an agenda.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::AgendaChanges;
use dossier_core::api::ItemHistory;
use serde::Serialize;
use tauri::State;

/// The same item at every session of its body the library holds, newest first.
#[tauri::command]
#[specta::specta]
pub async fn item_history(
    state: State<'_, AppState>,
    document: u32,
    item: String,
) -> CommandResult<ItemHistory> {
    let lib = state.library()?;
    blocking(move || Ok(lib.item_history(document, &item)?)).await
}

/// What the adopted agenda (printed in the session's report) changed in the
/// provisional one; null when the library lacks one of the two.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AdoptionChanges {
    /// The other document: the report for an agenda, the agenda for a report.
    pub other: u32,
    pub changes: AgendaChanges,
}

#[tauri::command]
#[specta::specta]
pub async fn agenda_changes(
    state: State<'_, AppState>,
    document: u32,
) -> CommandResult<Option<AdoptionChanges>> {
    let lib = state.library()?;
    blocking(move || {
        Ok(lib
            .agenda_changes(document)?
            .map(|(other, changes)| AdoptionChanges { other, changes }))
    })
    .await
}

/// The user's word on two items of different sessions: the same item,
/// different items, or (null) no word, and the matching decides again.
#[tauri::command]
#[specta::specta]
pub async fn set_item_verdict(
    state: State<'_, AppState>,
    document: u32,
    item: String,
    other_document: u32,
    other_item: String,
    same: Option<bool>,
) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || {
        Ok(lib.set_item_verdict((document, &item), (other_document, &other_item), same)?)
    })
    .await
}
