//! Export and import of notes, bookmarks and stars as files.

use super::schedule::save_with_dialog;
use super::{blocking, CommandError, CommandResult};
use crate::AppState;
use dossier_core::annotations::exchange::{self, AnnotationsExport, ImportSummary};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// For reading and sharing.
    Markdown,
    /// Complete and re-importable.
    Json,
}

/// Saves the notes, bookmarks and stars of a document (or of the library
/// when `document` is null). Returns the path, or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_notes(
    app: AppHandle,
    state: State<'_, AppState>,
    document: Option<u32>,
    format: ExportFormat,
) -> CommandResult<Option<String>> {
    let lib = state.library()?;
    blocking(move || {
        let export = lib.export_annotations(document)?;
        let words = super::shell_text::current(&app);
        let (text, filter, ext) = match format {
            ExportFormat::Markdown => (
                exchange::to_markdown_in(&export, &words.markdown_words),
                words.markdown,
                "md",
            ),
            ExportFormat::Json => (
                serde_json::to_string_pretty(&export).map_err(|e| invalid(e.to_string()))?,
                words.notes_json,
                "json",
            ),
        };
        let name = format!("{}.{ext}", words.notes_file);
        save_with_dialog(&app, &lib, &name, &filter, &[ext], text.as_bytes())
    })
    .await
}

/// Asks for a JSON export and merges it into the library. Null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_notes(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<ImportSummary>> {
    let lib = state.library()?;
    blocking(move || {
        let Some(path) = app
            .dialog()
            .file()
            .add_filter(super::shell_text::current(&app).notes_json, &["json"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
        else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| invalid(format!("{}: {e}", path.display())))?;
        let export: AnnotationsExport = serde_json::from_str(&text).map_err(|e| {
            invalid(format!(
                "{}: not a Dossier notes export: {e}",
                path.display()
            ))
        })?;
        Ok(Some(lib.import_annotations(&export)?))
    })
    .await
}

fn invalid(message: String) -> CommandError {
    CommandError {
        kind: dossier_core::ErrorKind::Invalid,
        message,
    }
}
