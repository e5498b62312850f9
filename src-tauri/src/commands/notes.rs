//! Notes and bookmarks commands.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::{Bookmark, BookmarkTarget, Note};
use tauri::State;

/// Notes of a document (its series), or of the whole library when `document` is null.
#[tauri::command]
#[specta::specta]
pub async fn list_notes(
    state: State<'_, AppState>,
    document: Option<u32>,
) -> CommandResult<Vec<Note>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.notes(document)?)).await
}

/// Adds a note on characters `start..end` of a passage (`item:3(a)`, `para:12`).
#[tauri::command]
#[specta::specta]
pub async fn add_note(
    state: State<'_, AppState>,
    document: u32,
    passage: String,
    start: u32,
    end: u32,
    body: String,
) -> CommandResult<Note> {
    let lib = state.library()?;
    blocking(move || Ok(lib.add_note(document, &passage, start, end, &body)?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_note(state: State<'_, AppState>, id: u32, body: String) -> CommandResult<Note> {
    let lib = state.library()?;
    blocking(move || Ok(lib.update_note(id, &body)?)).await
}

/// Deletes a note; `restore_note` undoes it.
#[tauri::command]
#[specta::specta]
pub async fn delete_note(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || Ok(lib.delete_note(id)?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_note(state: State<'_, AppState>, id: u32) -> CommandResult<Note> {
    let lib = state.library()?;
    blocking(move || Ok(lib.restore_note(id)?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_bookmarks(
    state: State<'_, AppState>,
    document: Option<u32>,
) -> CommandResult<Vec<Bookmark>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.bookmarks(document)?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_bookmark(
    state: State<'_, AppState>,
    document: u32,
    target: BookmarkTarget,
    anchor: String,
    label: String,
) -> CommandResult<Bookmark> {
    let lib = state.library()?;
    blocking(move || Ok(lib.add_bookmark(document, target, &anchor, &label)?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_bookmark(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || Ok(lib.remove_bookmark(id)?)).await
}

/// The latest document of a series, to open a bookmark or a note.
#[tauri::command]
#[specta::specta]
pub async fn document_for_series(state: State<'_, AppState>, series: String) -> CommandResult<u32> {
    let lib = state.library()?;
    blocking(move || Ok(lib.document_for_series(&series)?)).await
}
