//! Fetching a meeting's missing documents from the UN's document system:
//! what it lacks in the chosen languages, the languages chosen once, a run
//! in the background with its progress as events, and stopping it. Only the
//! core talks to the network, and only from here, when the user asks; the
//! webview never does (its CSP and capability stay closed).

use super::{blocking, CommandResult};
use crate::events::{FetchFinished, FetchStep};
use crate::AppState;
use dossier_core::api::{FetchFormats, FetchPlan, FetchSettings};
use dossier_core::fetch::{self, CancellationToken, FetchOptions, FetchReport};
use dossier_core::Library;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

/// The one fetch that may run at a time: its stop button.
#[derive(Default)]
pub struct FetchSlot(Mutex<Option<CancellationToken>>);

impl FetchSlot {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<CancellationToken>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Whether a fetch is running, and what waits in the queue (a fetch cut
/// short by closing the app leaves the rest there, to resume).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FetchStatus {
    pub running: bool,
    pub queued: u32,
}

/// The languages and files chosen for fetching.
#[tauri::command]
#[specta::specta]
pub async fn fetch_settings(state: State<'_, AppState>) -> CommandResult<FetchSettings> {
    let lib = state.library()?;
    blocking(move || Ok(lib.fetch_settings()?)).await
}

/// Remembers the languages and files to fetch.
#[tauri::command]
#[specta::specta]
pub async fn set_fetch_settings(
    state: State<'_, AppState>,
    settings: FetchSettings,
) -> CommandResult<()> {
    let lib = state.library()?;
    blocking(move || Ok(lib.set_fetch_settings(&settings)?)).await
}

/// What a meeting lacks in `languages` (none: its own documents'
/// languages): every document it holds or cites, each with the files still
/// to fetch.
#[tauri::command]
#[specta::specta]
pub async fn fetch_plan(
    state: State<'_, AppState>,
    meeting: u32,
    languages: Vec<String>,
    formats: FetchFormats,
) -> CommandResult<FetchPlan> {
    let lib = state.library()?;
    blocking(move || Ok(lib.fetch_plan(meeting, &languages, formats)?)).await
}

/// Queues what the meeting lacks and fetches it in the background, with a
/// `FetchStep` per document and `FetchFinished` at the end. Asked while a
/// fetch runs, the meeting is queued and taken up by that run once it has
/// done what it started with.
#[tauri::command]
#[specta::specta]
pub async fn fetch_missing(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting: u32,
    languages: Vec<String>,
    formats: FetchFormats,
) -> CommandResult<FetchPlan> {
    let lib = state.library()?;
    let queued = lib.clone();
    let plan =
        blocking(move || Ok(queued.queue_meeting_fetch(meeting, &languages, formats)?)).await?;
    tracing::info!(
        meeting,
        targets = plan.targets.len(),
        missing = plan.missing,
        "fetch: meeting queued"
    );
    start(&app, lib);
    Ok(plan)
}

/// Fetches what an earlier fetch left queued.
#[tauri::command]
#[specta::specta]
pub async fn resume_fetch(app: AppHandle, state: State<'_, AppState>) -> CommandResult<()> {
    start(&app, state.library()?);
    Ok(())
}

/// Stops the running fetch at once; what it had not finished stays queued.
#[tauri::command]
#[specta::specta]
pub fn cancel_fetch(state: State<'_, AppState>) -> CommandResult<()> {
    if let Some(token) = state.fetch.lock().as_ref() {
        tracing::info!("fetch: cancelled by the user");
        token.cancel();
    }
    Ok(())
}

/// Whether a fetch runs, and how many documents wait in the queue.
#[tauri::command]
#[specta::specta]
pub async fn fetch_status(state: State<'_, AppState>) -> CommandResult<FetchStatus> {
    let running = state.fetch.lock().is_some();
    let lib = state.library()?;
    let queued = blocking(move || Ok(lib.pending_fetches()?.len() as u32)).await?;
    Ok(FetchStatus { running, queued })
}

/// Starts a run unless one is under way (which takes up what was queued
/// meanwhile before it ends).
fn start(app: &AppHandle, lib: Arc<Library>) {
    let token = {
        let state = app.state::<AppState>();
        let mut slot = state.fetch.lock();
        if slot.is_some() {
            return;
        }
        let token = CancellationToken::new();
        *slot = Some(token.clone());
        token
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let report = run_until_empty(&app, lib, token).await;
        *app.state::<AppState>().fetch.lock() = None;
        let _ = FetchFinished(report).emit(&app);
    });
}

/// Runs the queue until it is empty or the run stops (offline, out of time,
/// cancelled); one report for everything done.
async fn run_until_empty(
    app: &AppHandle,
    lib: Arc<Library>,
    token: CancellationToken,
) -> FetchReport {
    let mut whole = FetchReport::default();
    loop {
        let before = whole.results.len() as u32;
        let mut progress = |p: &fetch::FetchProgress| {
            let mut p = p.clone();
            p.done += before;
            p.total += before;
            let _ = FetchStep(p).emit(app);
        };
        let report = match fetch::run(
            lib.clone(),
            FetchOptions::from_env(),
            &mut progress,
            token.clone(),
        )
        .await
        {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "fetch: the run failed");
                whole.stop_reason = Some(e.to_string());
                break;
            }
        };
        let took_up = !report.results.is_empty();
        whole.results.extend(report.results);
        whole.still_queued = report.still_queued;
        if report.stopped.is_some() {
            whole.stopped = report.stopped;
            whole.stop_reason = report.stop_reason;
            break;
        }
        // Anything queued while this batch ran is taken up now.
        let waiting = lib.pending_fetches().map(|q| q.len()).unwrap_or(0);
        if waiting == 0 || !took_up {
            break;
        }
    }
    whole
}
