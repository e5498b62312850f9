//! The library as the app shows it. Until the SQLite store lands, the library
//! is the bundled seed folder, parsed when first opened.

use crate::error::{Error, Result};
use crate::model::{DateRange, Document, DocumentKind};
use serde::Serialize;
use std::path::Path;

/// One row of the library pane.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LibraryEntry {
    pub id: u32,
    /// The original file name.
    pub file: String,
    pub title: String,
    pub kind: DocumentKind,
    pub language: String,
    pub symbol: Option<String>,
    pub suggested_symbol: Option<String>,
    pub body: Option<String>,
    pub session: Option<String>,
    pub venue: Option<String>,
    pub dates: Option<DateRange>,
}

/// Documents parsed from a folder of files.
pub struct SeedLibrary {
    docs: Vec<(String, Document)>,
}

impl SeedLibrary {
    /// Parses every readable file of `dir`, in file-name order. Unreadable
    /// files are skipped; the seed folder is ours, so none should be.
    pub fn load(dir: &Path) -> Result<Self> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && crate::extract::Format::from_path(p).is_some())
            .collect();
        files.sort();
        let mut docs = Vec::new();
        for path in files {
            if let Ok(doc) = crate::parse_file(&path) {
                docs.push((
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    doc,
                ));
            }
        }
        Ok(SeedLibrary { docs })
    }

    pub fn entries(&self) -> Vec<LibraryEntry> {
        self.docs
            .iter()
            .enumerate()
            .map(|(i, (file, d))| LibraryEntry {
                id: i as u32 + 1,
                file: file.clone(),
                title: d.display_title(),
                kind: d.kind,
                language: d.language.clone(),
                symbol: d.symbol.clone(),
                suggested_symbol: d.suggested_symbol.clone(),
                body: d.body.clone(),
                session: d.session.clone(),
                venue: d.venue.clone(),
                dates: d.dates.clone(),
            })
            .collect()
    }

    pub fn document(&self, id: u32) -> Result<&Document> {
        self.docs
            .get((id as usize).wrapping_sub(1))
            .map(|(_, d)| d)
            .ok_or_else(|| Error::NotFound(format!("document {id}")))
    }
}
