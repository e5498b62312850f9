//! A document's original files: which one the text is read from, opening
//! one in the system's application, and the `original:` scheme the page
//! view loads PDFs through.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::StoredDocument;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, State};

/// Reads the document's text from another of its renditions (`None`: the
/// best one again, Word before PDF before text); returns it as reread.
#[tauri::command]
#[specta::specta]
pub async fn set_text_source(
    state: State<'_, AppState>,
    id: u32,
    rendition: Option<u32>,
) -> CommandResult<StoredDocument> {
    let lib = state.library()?;
    blocking(move || {
        lib.set_text_source(id, rendition)?;
        Ok(lib.document(id)?)
    })
    .await
}

/// Opens a rendition in the system's application for its format (Word, a
/// PDF reader). The application gets a copy in a temporary folder, so that
/// editing or saving it there never changes the library's file.
#[tauri::command]
#[specta::specta]
pub async fn open_original(state: State<'_, AppState>, rendition: u32) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || {
        let dir = std::env::temp_dir()
            .join("dossier-originals")
            .join(rendition.to_string());
        let copy = lib.copy_rendition(rendition, &dir)?;
        crate::system::open(&copy).map_err(|e| {
            tracing::error!(file = %copy.display(), error = %e, "cannot open the original");
            dossier_core::Error::from(e)
        })?;
        Ok(())
    })
    .await
}

/// `original://localhost/<rendition>` (`http://original.localhost/<rendition>`
/// on Windows): the bytes of a rendition's file, for the page view. Only
/// files the library holds can be named; nothing else on disk is reachable.
pub fn serve(app: &tauri::AppHandle, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let reply = |status: StatusCode, body: Vec<u8>, kind: &str| {
        Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, kind)
            .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
            .body(body)
            .unwrap_or_default()
    };
    let Some(id) = request.uri().path().trim_matches('/').parse::<u32>().ok() else {
        return reply(StatusCode::BAD_REQUEST, Vec::new(), "text/plain");
    };
    let found = app
        .try_state::<AppState>()
        .ok_or_else(|| "the library is not open".to_string())
        .and_then(|s| s.library().map_err(|e| e.message))
        .and_then(|lib| {
            let r = lib.rendition(id).map_err(|e| e.to_string())?;
            let path = lib.rendition_file(id).map_err(|e| e.to_string())?;
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((r.format, bytes))
        });
    match found {
        Ok((format, bytes)) => {
            let kind = match format {
                dossier_core::api::Format::Pdf => "application/pdf",
                dossier_core::api::Format::Docx => {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                }
                dossier_core::api::Format::Text => "text/plain; charset=utf-8",
            };
            reply(StatusCode::OK, bytes, kind)
        }
        Err(e) => {
            tracing::warn!(rendition = id, error = %e, "the page view could not load an original");
            reply(StatusCode::NOT_FOUND, e.into_bytes(), "text/plain")
        }
    }
}
