//! Export and import of notes, bookmarks and stars as files, and citations
//! of documents.

use super::dialogs::save_with_dialog;
use super::{blocking, CommandError, CommandResult};
use crate::AppState;
use dossier_core::annotations::exchange;
use dossier_core::api::CitationFormat;
use dossier_core::api::ImportSummary;
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
    /// W3C Web Annotations (JSON-LD), for other annotation tools.
    #[serde(rename = "w3c")]
    W3c,
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
            ExportFormat::W3c => (
                serde_json::to_string_pretty(
                    &lib.export_web_annotations(document, &words.notes_file)?,
                )
                .map_err(|e| invalid(e.to_string()))?,
                words.web_annotations,
                "jsonld",
            ),
        };
        let name = format!("{}.{ext}", words.notes_file);
        save_with_dialog(&app, &lib, &name, &filter, &[ext], text.as_bytes())
    })
    .await
}

/// Asks for a file of notes — Dossier's JSON export, W3C Web Annotations or
/// a Hypothesis export — and merges it into the library. Null when cancelled.
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
            .add_filter(
                super::shell_text::current(&app).notes_json,
                &["json", "jsonld"],
            )
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
        else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| invalid(format!("{}: {e}", path.display())))?;
        let file: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            invalid(format!(
                "{}: not a file of notes (JSON): {e}",
                path.display()
            ))
        })?;
        let summary = lib.import_notes_file(&file).map_err(|e| {
            let mut err = CommandError::from(e);
            err.message = format!("{}: {}", path.display(), err.message);
            err
        })?;
        Ok(Some(summary))
    })
    .await
}

/// A citation to paste, of a document or of a passage of it (`item:3(a)`,
/// `para:12`), in the document's language.
#[tauri::command]
#[specta::specta]
pub async fn cite(
    state: State<'_, AppState>,
    document: u32,
    passage: Option<String>,
) -> CommandResult<String> {
    let lib = state.library()?;
    blocking(move || Ok(lib.cite(document, passage.as_deref())?)).await
}

/// Saves documents' references as CSL-JSON or BibLaTeX. Returns the path,
/// or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_citations(
    app: AppHandle,
    state: State<'_, AppState>,
    documents: Vec<u32>,
    format: CitationFormat,
) -> CommandResult<Option<String>> {
    let lib = state.library()?;
    blocking(move || {
        let text = lib.export_citations(&documents, format)?;
        let words = super::shell_text::current(&app);
        let (filter, ext) = match format {
            CitationFormat::Csljson => ("CSL-JSON", "json"),
            CitationFormat::Biblatex => ("BibLaTeX", "bib"),
        };
        let name = format!("{}.{ext}", words.references_file);
        save_with_dialog(&app, &lib, &name, filter, &[ext], text.as_bytes())
    })
    .await
}

fn invalid(message: String) -> CommandError {
    CommandError {
        kind: dossier_core::ErrorKind::Invalid,
        message,
    }
}
