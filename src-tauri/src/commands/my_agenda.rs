//! My agenda commands: the meeting's time zone, starred slots, My agenda and
//! calendar export (saved where the user chooses).

use super::dialogs::save_with_dialog;
use super::{blocking, CommandResult};
use crate::AppState;
use dossier_core::api::{AgendaEntry, CalendarFile};
use dossier_core::Library;
use std::sync::Arc;
use tauri::{AppHandle, State};

#[tauri::command]
#[specta::specta]
pub async fn star_slot(
    state: State<'_, AppState>,
    document: u32,
    slot_key: String,
    starred: bool,
) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || Ok(lib.star_slot(document, &slot_key, starred)?)).await
}

/// Every starred slot across the library, soonest first.
#[tauri::command]
#[specta::specta]
pub async fn my_agenda(state: State<'_, AppState>) -> CommandResult<Vec<AgendaEntry>> {
    let lib = state.library()?;
    blocking(move || Ok(lib.my_agenda()?)).await
}

/// Corrects a meeting's time zone (an IANA name); null returns to the venue's.
#[tauri::command]
#[specta::specta]
pub async fn set_meeting_time_zone(
    state: State<'_, AppState>,
    meeting: u32,
    zone: Option<String>,
) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || Ok(lib.set_meeting_time_zone(meeting, zone.as_deref())?)).await
}

/// The IANA zone names the zone picker offers.
#[tauri::command]
#[specta::specta]
pub fn time_zones() -> Vec<String> {
    dossier_core::calendar::venues::known_zones()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Asks where to save and writes the calendar: a document's schedule (all
/// slots or the starred ones), or with `document` null the whole My agenda.
/// Returns the path written, or null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    document: Option<u32>,
    starred_only: bool,
) -> CommandResult<Option<String>> {
    let lib: Arc<Library> = state.library()?;
    blocking(move || {
        let cal: CalendarFile = match document {
            Some(id) => lib.calendar(id, starred_only, None)?,
            None => lib.my_agenda_calendar()?,
        };
        save_with_dialog(
            &app,
            &lib,
            &cal.file_name,
            &super::shell_text::current(&app).calendar,
            &["ics"],
            cal.text.as_bytes(),
        )
    })
    .await
}
