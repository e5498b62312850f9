//! Events the backend sends to the UI (typed through tauri-specta).

use dossier_core::api::{IngestProgress, IngestReport};
use serde::{Deserialize, Serialize};

/// One file of an import is done.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportProgress(pub IngestProgress);

/// An import finished (from any source: button, drop, first-start seeds).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ImportFinished(pub IngestReport);

/// Files are being dragged over the window (true) or left it (false).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct DropHover(pub bool);

/// How far the background rebuild of the search index has come; sent as it
/// goes, and once more with `rebuilding: false` when it is done.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct IndexProgress(pub dossier_core::api::IndexStatus);

/// A menu item was chosen ("import-files", "import-folder", "backup",
/// "restore"): the UI runs the same action as its button, so both show their
/// progress and results in one place.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MenuAction(pub String);

/// One document of a fetch is done (fetched, not in that language, does not
/// exist, failed or skipped), with how far the fetch has come.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct FetchStep(pub dossier_core::fetch::FetchProgress);

/// A fetch ended: every document's outcome, and why it stopped early if it did.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct FetchFinished(pub dossier_core::fetch::FetchReport);
