//! What the shell keeps between commands.

use std::path::PathBuf;
use std::sync::Mutex;
use tauri::Manager;

/// Built once in `setup` from the app data directory.
pub struct AppState {
    /// The library folder (database, index, copies of originals).
    pub data_dir: PathBuf,
    /// The bundled seed documents.
    pub seeds_dir: PathBuf,
    /// The documents of the library, parsed on first use.
    pub library: Mutex<Option<dossier_core::library::SeedLibrary>>,
}

impl AppState {
    pub fn from_app(app: &tauri::AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let data_dir = match std::env::var_os("DOSSIER_DATA_DIR") {
            Some(d) => PathBuf::from(d),
            None => app.path().app_data_dir()?,
        };
        std::fs::create_dir_all(&data_dir)?;
        let bundled = app
            .path()
            .resolve("seeds", tauri::path::BaseDirectory::Resource)
            .ok()
            .filter(|p| p.is_dir());
        // A development build runs from the source tree.
        let seeds_dir = bundled
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds")));
        Ok(AppState {
            data_dir,
            seeds_dir,
            library: Mutex::new(None),
        })
    }
}
