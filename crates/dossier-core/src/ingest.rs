//! Ingestion: files in, documents stored, indexed and grouped.
//!
//! Per file: read (size-checked), hash, skip when the content is already in
//! the library, extract text, parse, copy the original into the library
//! folder, then one SQLite transaction for everything the document holds,
//! then the index. A file that fails at any step leaves the store as it was;
//! the rest of the batch goes on.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IngestStatus {
    /// A document new to the library.
    Ingested,
    /// A newer issue of a document the library holds (Rev.1, Corr.1, a re-issued file).
    NewVersion,
    /// The same content is already in the library.
    Unchanged,
    /// The file could not be read; `message` says why.
    Failed,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IngestResult {
    pub path: String,
    pub status: IngestStatus,
    pub document_id: Option<u32>,
    pub version: Option<u32>,
    /// Why the file failed, naming the file and the problem.
    pub message: Option<String>,
}

/// The report of a batch.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IngestReport {
    pub results: Vec<IngestResult>,
}

impl IngestReport {
    pub fn count(&self, status: IngestStatus) -> usize {
        self.results.iter().filter(|r| r.status == status).count()
    }
    pub fn failed(&self) -> impl Iterator<Item = &IngestResult> {
        self.results
            .iter()
            .filter(|r| r.status == IngestStatus::Failed)
    }
}

/// Progress of a batch, for a progress bar.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IngestProgress {
    /// Files done so far.
    pub done: u32,
    pub total: u32,
    /// The file just finished.
    pub result: IngestResult,
}

/// The files a batch will read: files as given, folders walked recursively
/// for the formats Dossier reads (hidden files and folders skipped), sorted.
/// Paths that do not exist come back as failures.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestResult>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut failures),
            Ok(_) => files.push(p.clone()),
            Err(e) => failures.push(failure(
                p,
                &Error::Io {
                    path: p.clone(),
                    source: e,
                },
            )),
        }
    }
    (files, failures)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<IngestResult>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            failures.push(failure(
                dir,
                &Error::Io {
                    path: dir.to_path_buf(),
                    source: e,
                },
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, failures);
        } else if crate::extract::Format::from_path(&p).is_some() {
            files.push(p);
        }
    }
}

pub(crate) fn failure(path: &Path, e: &Error) -> IngestResult {
    IngestResult {
        path: path.display().to_string(),
        status: IngestStatus::Failed,
        document_id: None,
        version: None,
        message: Some(e.to_string()),
    }
}

/// A file name safe on every platform, keeping what can be kept.
pub(crate) fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "document".to_string()
    } else {
        cleaned.chars().take(120).collect()
    }
}

/// Atomic writes moved to [`crate::fs_atomic`]; the app shell still reaches
/// them here.
pub use crate::fs_atomic::write_atomically;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name("A:81*6?.pdf"), "A_81_6_.pdf");
        assert_eq!(safe_file_name("..."), "document");
    }
}
