//! Library commands: what the library holds, and one document in full.

use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::DocumentRecord;
use dossier_core::api::StoredDocument;
use dossier_core::api::{LibraryListing, MeetingReference};
use serde::Serialize;
use tauri::State;

/// The library grouped into meetings, for the library pane.
#[tauri::command]
#[specta::specta]
pub async fn list_library(state: State<'_, AppState>) -> CommandResult<LibraryListing> {
    let lib = state.library()?;
    blocking(move || Ok(lib.listing()?)).await
}

/// The first `meetings` meetings of the listing and as many unfiled
/// documents: the window's first request (with `LISTING_HEAD`, read ahead
/// at start), so that it shows the library before the whole listing (every
/// document of a large library) arrives.
#[tauri::command]
#[specta::specta]
pub async fn list_library_head(
    state: State<'_, AppState>,
    meetings: u32,
) -> CommandResult<LibraryListing> {
    crate::startup_mark("list-library");
    let lib = state.library()?;
    let listing = blocking(move || Ok(lib.listing_head(meetings as usize)?)).await;
    crate::startup_mark("list-library-done");
    listing
}

/// What a meeting's agendas cite, each resolved or marked missing; the
/// listing carries only the counts, the pane asks for the list when opened.
#[tauri::command]
#[specta::specta]
pub async fn meeting_references(
    state: State<'_, AppState>,
    meeting: u32,
) -> CommandResult<Vec<MeetingReference>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.meeting_references(meeting)?)).await
}

/// One document's full structure and its versions, for the reader.
#[tauri::command]
#[specta::specta]
pub async fn open_document(state: State<'_, AppState>, id: u32) -> CommandResult<StoredDocument> {
    let lib = state.library()?;
    blocking(move || Ok(lib.document(id)?)).await
}

/// Gives a document that prints no symbol the symbol the user knows it by
/// (or clears it with null).
#[tauri::command]
#[specta::specta]
pub async fn set_document_symbol(
    state: State<'_, AppState>,
    id: u32,
    symbol: Option<String>,
) -> CommandResult<DocumentRecord> {
    let lib = state.library()?;
    blocking(move || {
        lib.set_user_symbol(id, symbol.as_deref())?;
        Ok(lib.document(id)?.record)
    })
    .await
}

/// Facts for the About box and the status bar.
#[derive(Debug, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// Where the log is written, to send when something went wrong.
    pub log_dir: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(app: tauri::AppHandle, state: State<'_, AppState>) -> CommandResult<AppInfo> {
    use tauri::Manager;
    let log_dir = app
        .try_state::<crate::LogFolder>()
        .and_then(|l| l.0.as_ref().map(|d| d.display().to_string()));
    Ok(AppInfo {
        version: dossier_core::version().to_string(),
        data_dir: state.data_dir.display().to_string(),
        log_dir,
    })
}

/// A moment of the page's start, in the page's own clock (`performance.now()`).
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
pub struct PageMark {
    pub what: String,
    pub at_ms: f64,
}

/// The UI calls this once the library is on screen and answers input, with
/// the moments of its own start (`page_now_ms` is its clock at the call). The
/// start-up time is logged; with `DOSSIER_STARTUP_PROBE` set it is also
/// printed as `ready_ms=…`, and the page's moments as marks on the process's
/// clock, for `dossier-bench --startup`.
#[tauri::command]
#[specta::specta]
pub async fn ui_ready(marks: Vec<PageMark>, page_now_ms: f64) -> CommandResult<()> {
    let ms = crate::since_process_start_ms();
    tracing::info!(ms, "library window interactive");
    // Now that the window is up, load the Chinese dictionary in the
    // background (a second of CPU that would otherwise compete with the
    // webview's start), so the first Chinese search does not wait for it.
    static WARM_UP: std::sync::Once = std::sync::Once::new();
    WARM_UP.call_once(|| {
        std::thread::spawn(dossier_core::search::analysis::warm_up);
    });
    if std::env::var_os("DOSSIER_STARTUP_PROBE").is_some() {
        for m in &marks {
            println!("mark page:{} {:.1}", m.what, ms - (page_now_ms - m.at_ms));
        }
        println!("ready_ms={ms:.1}");
    }
    Ok(())
}

/// Asks for a folder and writes a consistent backup of the library into a new
/// "Dossier backup <date>" folder inside it. Null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn backup_library(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<dossier_core::api::BackupSummary>> {
    let lib = state.library()?;
    blocking(move || {
        let Some(folder) = super::dialogs::pick_folder(&app) else {
            return Ok(None);
        };
        let stamp = chrono::Local::now().format("%Y-%m-%d %H%M%S");
        Ok(Some(lib.backup(&folder.join(format!(
            "{} {stamp}",
            super::shell_text::current(&app).backup_folder
        )))?))
    })
    .await
}

/// Asks for a backup folder, checks it, and restarts Dossier to restore it
/// (the open library cannot be replaced under itself). The current library
/// is kept beside the restored one. False when the user cancels (when it
/// goes ahead the app restarts and never answers); an error, with nothing
/// changed, when the folder is not a sound backup.
#[tauri::command]
#[specta::specta]
pub async fn restore_library(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<bool> {
    let data_dir = state.data_dir.clone();
    let scheduled = blocking(move || {
        // Asked here, with the system's own dialog (a page's window.confirm
        // shows nothing in WKWebView and needs a permission in WebView2).
        let words = super::shell_text::current(&app);
        let go = {
            use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
            app.dialog()
                .message(&words.restore_confirm)
                .title(&words.restore)
                .kind(MessageDialogKind::Warning)
                .buttons(MessageDialogButtons::OkCancelCustom(
                    words.restore_go.clone(),
                    words.cancel.clone(),
                ))
                .blocking_show()
        };
        if !go {
            return Ok(None);
        }
        let Some(folder) = super::dialogs::pick_folder(&app) else {
            return Ok(None);
        };
        dossier_core::library::schedule_restore(&folder, &data_dir)?;
        Ok(Some(app))
    })
    .await?;
    match scheduled {
        Some(app) => app.restart(),
        None => Ok(false),
    }
}

/// The outcome of a restore carried out at this start, if there was one.
#[tauri::command]
#[specta::specta]
pub async fn restore_report(
    state: State<'_, AppState>,
) -> CommandResult<Option<crate::state::RestoreReport>> {
    Ok(state.restore_report.clone())
}

/// Whether the search index is being rebuilt in the background, and how far
/// it has come (the UI asks at start; `IndexProgress` events follow).
#[tauri::command]
#[specta::specta]
pub async fn index_status(
    state: State<'_, AppState>,
) -> CommandResult<dossier_core::api::IndexStatus> {
    Ok(state.library()?.index_status())
}

/// What version `id` changed against the one before it in its series (or
/// against version `against`): paragraphs, items and slots added, removed
/// and changed, with the words marked.
#[tauri::command]
#[specta::specta]
pub async fn revision_changes(
    state: State<'_, AppState>,
    id: u32,
    against: Option<u32>,
) -> CommandResult<dossier_core::api::Changes> {
    let lib = state.library()?;
    blocking(move || Ok(lib.changes(id, against)?)).await
}
