//! The library's passages for a search cluster (`search::bulk`): the latest
//! version of every document in the library, cut into the passages the
//! search index holds, in library id order and reading order, so an
//! unchanged library exports byte for byte the same file.

use super::Library;
use crate::error::{Error, Result};
use crate::search::bulk::{self, BulkDocument, BulkFormat};
use crate::search::passages::passages;
use crate::store::documents::{self, DocumentRecord};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct PassageExport {
    pub format: BulkFormat,
    /// Only the documents of this index language (one of
    /// [`bulk::INDEX_LANGUAGES`]): Quickwit ingests one index at a time.
    pub language: Option<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportedPassages {
    pub documents: usize,
    pub passages: usize,
    /// The store generation every passage carries.
    pub generation: u64,
}

/// A failure while writing: the library's, or the output's.
enum Failed {
    Library(Error),
    Output(std::io::Error),
}

impl Library {
    /// Writes the passages to `out` (flushed at the end). A failure to write
    /// is an [`Error::Write`] naming "the output".
    pub fn export_passages(
        &self,
        what: &PassageExport,
        out: &mut dyn Write,
    ) -> Result<ExportedPassages> {
        match self.write_passages(what, out) {
            Ok(done) => Ok(done),
            Err(Failed::Library(e)) => Err(e),
            Err(Failed::Output(source)) => Err(Error::Write {
                path: PathBuf::from("the output"),
                source,
            }),
        }
    }

    /// Writes the passages to the file `path` atomically (the old file stays
    /// whole until the new one is); refused inside the library folder.
    pub fn export_passages_to_file(
        &self,
        what: &PassageExport,
        path: &Path,
    ) -> Result<ExportedPassages> {
        self.refuse_inside(path)?;
        check_language(what)?;
        let mut result = None;
        let written = crate::fs_atomic::write_atomically_with(path, |out| {
            match self.write_passages(what, out) {
                Ok(done) => {
                    result = Some(Ok(done));
                    Ok(())
                }
                Err(Failed::Output(e)) => Err(e),
                Err(Failed::Library(e)) => {
                    result = Some(Err(e));
                    Err(std::io::Error::other("the export failed"))
                }
            }
        });
        match (result, written) {
            // The library's failure, not the stand-in the file was given.
            (Some(Err(e)), _) => Err(e),
            (_, Err(e)) => Err(e),
            (Some(Ok(done)), Ok(())) => Ok(done),
            (None, Ok(())) => unreachable!("the export ran"),
        }
    }

    fn write_passages(
        &self,
        what: &PassageExport,
        out: &mut dyn Write,
    ) -> std::result::Result<ExportedPassages, Failed> {
        check_language(what).map_err(Failed::Library)?;
        let generation = self.store.generation().map_err(Failed::Library)?;
        let only = what.language.as_deref().map(bulk::index_language);
        let latest: Vec<DocumentRecord> = self
            .records()
            .map_err(Failed::Library)?
            .into_iter()
            .filter(|r| r.latest)
            .filter(|r| only.is_none_or(|l| bulk::index_language(&r.language) == l))
            .collect();
        let mut done = ExportedPassages {
            documents: 0,
            passages: 0,
            generation,
        };
        for r in &latest {
            let doc = documents::load(&self.store.reader(), r.id).map_err(Failed::Library)?;
            let facts = BulkDocument {
                id: r.id,
                series: &r.series,
                version: r.version,
                symbol: r.effective_symbol(),
                title: &r.title,
                body: r.body.as_deref(),
                session: r.session.as_deref(),
                venue: r.venue.as_deref(),
                dates: r.dates.as_ref(),
                kind: r.kind,
                language: &r.language,
            };
            done.passages +=
                bulk::write_document(out, what.format, generation, &facts, &passages(&doc))
                    .map_err(Failed::Output)?;
            done.documents += 1;
        }
        out.flush().map_err(Failed::Output)?;
        Ok(done)
    }
}

fn check_language(what: &PassageExport) -> Result<()> {
    match what.language.as_deref() {
        Some(l) if !bulk::INDEX_LANGUAGES.contains(&l) => Err(Error::Invalid(format!(
            "no index for language {l:?}: one of {}",
            bulk::INDEX_LANGUAGES.join(", ")
        ))),
        _ => Ok(()),
    }
}
