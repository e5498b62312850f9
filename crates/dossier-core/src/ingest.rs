//! Ingestion: files in, documents stored, indexed and grouped.
//!
//! Per file: read (size-checked), hash, skip when the content is already in
//! the library, extract text, parse, copy the original into the library
//! folder, then one SQLite transaction for everything the document holds,
//! then the index. A file that fails at any step leaves the store as it was;
//! the rest of the batch goes on.

use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IngestStatus {
    /// A document new to the library.
    Ingested,
    /// A newer issue of a document the library holds (Rev.1, Corr.1, a re-issued file).
    NewVersion,
    /// Another format of a document the library holds (the PDF of its Word file).
    NewRendition,
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
    /// Why the file failed, naming the file and the problem (English).
    pub message: Option<String>,
    /// Why the file could not be read, as a code and its parameters for the
    /// UI to word in its language; null for other failures and successes.
    #[serde(default)]
    pub reason: Option<crate::Reason>,
}

/// The report of a batch.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IngestReport {
    pub results: Vec<IngestResult>,
}

impl IngestReport {
    /// How many files came out with `status`.
    pub fn count(&self, status: IngestStatus) -> usize {
        self.with_status(status).count()
    }

    /// The files that came out with `status`, in the order they were read:
    /// which became new documents ([`IngestStatus::Ingested`]), new
    /// renditions of a document (`document_id` names it), new versions
    /// (`version` says which), were in the library already, or failed.
    pub fn with_status(&self, status: IngestStatus) -> impl Iterator<Item = &IngestResult> {
        self.results.iter().filter(move |r| r.status == status)
    }

    pub fn failed(&self) -> impl Iterator<Item = &IngestResult> {
        self.with_status(IngestStatus::Failed)
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
/// Paths that do not exist, and anything that is not a regular file, come
/// back as failures naming the path.
///
/// Only regular files are ever read. A named pipe, a socket or a device is
/// skipped without being opened (opening a pipe blocks until something writes
/// to it; a device such as `/dev/zero` never ends). Folders are walked without
/// following symbolic links, so a walk never leaves the folder it was given
/// and a link loop cannot make it spin; a link inside a folder is reported as
/// skipped. A path given by name is followed (the user chose it) but must
/// still lead to a regular file or a folder.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestResult>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut failures),
            Ok(m) if m.is_file() => files.push(p.clone()),
            Ok(m) => failures.push(failure(p, &not_regular(p, m.file_type()))),
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
    let hidden = |e: &walkdir::DirEntry| {
        e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
    };
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
                failures.push(failure(
                    &path,
                    &Error::Io {
                        path: path.clone(),
                        source,
                    },
                ));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let path = entry.path();
        if kind.is_file() {
            if crate::extract::Format::from_path(path).is_some() {
                files.push(path.to_path_buf());
            }
            continue;
        }
        failures.push(failure(path, &not_regular(path, kind)));
    }
}

/// Why `path`, of type `kind`, is skipped: it is not a regular file.
pub(crate) fn not_regular(path: &Path, kind: std::fs::FileType) -> Error {
    use crate::reason::SpecialFile;
    let what = if kind.is_symlink() {
        SpecialFile::Link
    } else {
        special_file_kind(kind)
    };
    Error::unreadable(path, crate::Reason::NotRegular { what })
}

#[cfg(unix)]
fn special_file_kind(kind: std::fs::FileType) -> crate::reason::SpecialFile {
    use crate::reason::SpecialFile;
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        SpecialFile::Fifo
    } else if kind.is_socket() {
        SpecialFile::Socket
    } else if kind.is_char_device() || kind.is_block_device() {
        SpecialFile::Device
    } else {
        SpecialFile::Other
    }
}

#[cfg(not(unix))]
fn special_file_kind(_kind: std::fs::FileType) -> crate::reason::SpecialFile {
    crate::reason::SpecialFile::Other
}

pub(crate) fn failure(path: &Path, e: &Error) -> IngestResult {
    IngestResult {
        path: path.display().to_string(),
        status: IngestStatus::Failed,
        document_id: None,
        version: None,
        message: Some(e.to_string()),
        reason: match e {
            Error::Unreadable { reason, .. } => Some(reason.clone()),
            _ => None,
        },
    }
}

/// The most bytes of an original's name kept in its stored name. File
/// systems allow 255 bytes (not characters: a Chinese character is three in
/// UTF-8); the stored name adds a 17-byte hash prefix, and the atomic copy
/// a temporary extension.
const MAX_STORED_NAME_BYTES: usize = 200;

/// A file name safe on every platform, keeping what can be kept: at most
/// [`MAX_STORED_NAME_BYTES`] bytes, cut on a character boundary, with its
/// extension.
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
    let trim = |s: &str| -> String {
        s.trim_matches(|c: char| c == '.' || c.is_whitespace())
            .to_string()
    };
    let cleaned = trim(&cleaned);
    if cleaned.is_empty() {
        return "document".to_string();
    }
    if cleaned.len() <= MAX_STORED_NAME_BYTES {
        return cleaned;
    }
    let (stem, ext) = match cleaned.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 16 => (stem, Some(ext)),
        _ => (cleaned.as_str(), None),
    };
    let room = MAX_STORED_NAME_BYTES - ext.map_or(0, |e| e.len() + 1);
    let mut cut = room.min(stem.len());
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    let stem = trim(&stem[..cut]);
    let stem = if stem.is_empty() { "document" } else { &stem };
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name("A:81*6?.pdf"), "A_81_6_.pdf");
        assert_eq!(safe_file_name("..."), "document");
    }

    #[test]
    fn long_names_are_cut_by_bytes_on_a_character_boundary_keeping_the_extension() {
        let name = format!("{}.docx", "会议文件".repeat(20));
        assert_eq!(name.len(), 245);
        let safe = safe_file_name(&name);
        assert!(safe.len() <= MAX_STORED_NAME_BYTES, "{}", safe.len());
        assert!(safe.ends_with("会.docx"), "{safe}");
        assert!(name.starts_with(safe.trim_end_matches(".docx")));
        let short = format!("{}.pdf", "议".repeat(60));
        assert_eq!(safe_file_name(&short), short);
        let no_extension = "é".repeat(150);
        assert_eq!(safe_file_name(&no_extension), "é".repeat(100));
    }
}

/// A file read and, unless the library held its content, extracted and
/// parsed: what an import worker hands to the one that stores.
pub(crate) struct Prepared {
    pub bytes: Vec<u8>,
    pub hash: String,
    /// `None` when the library held the content already (nothing to read).
    pub parsed: Option<Result<(Layout, Document)>>,
}

/// How many files are read at once: `DOSSIER_IMPORT_WORKERS` when set,
/// else one per core, at most 8 and no more than there are files.
pub(crate) fn workers(files: usize) -> usize {
    let wanted = std::env::var("DOSSIER_IMPORT_WORKERS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
                .min(8)
        });
    wanted.clamp(1, files.max(1))
}

/// Prepares `files` on `workers` threads and hands each to `store` in the
/// order given, on the calling thread. At most `2 × workers` files are
/// prepared ahead of the one being stored, so memory stays bounded however
/// many files there are. With one worker it is a plain loop.
pub(crate) fn prepare_in_order<P: Send>(
    files: &[PathBuf],
    workers: usize,
    prepare: &(dyn Fn(&Path) -> Result<P> + Sync),
    store: &mut dyn FnMut(&Path, Result<P>),
) {
    if workers <= 1 || files.len() <= 1 {
        for path in files {
            store(path, prepare(path));
        }
        return;
    }
    let ahead = workers * 2;
    let next = AtomicUsize::new(0);
    // How many files have been handed on: a worker waits while its file is
    // too far ahead of it.
    let handed = (Mutex::new(0usize), Condvar::new());
    let (send, ready) = mpsc::channel::<(usize, Result<P>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (next, handed) = (&next, &handed);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() {
                    break;
                }
                {
                    let mut done = handed.0.lock().unwrap_or_else(|p| p.into_inner());
                    while i >= *done + ahead {
                        done = handed.1.wait(done).unwrap_or_else(|p| p.into_inner());
                    }
                }
                if send.send((i, prepare(&files[i]))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut early: BTreeMap<usize, Result<P>> = BTreeMap::new();
        let mut due = 0;
        for (i, prepared) in ready {
            early.insert(i, prepared);
            while let Some(prepared) = early.remove(&due) {
                store(&files[due], prepared);
                due += 1;
                *handed.0.lock().unwrap_or_else(|p| p.into_inner()) = due;
                handed.1.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod order_tests {
    use super::*;

    #[test]
    fn files_prepared_on_several_workers_are_stored_in_the_order_given_never_too_far_ahead() {
        let files: Vec<PathBuf> = (0..200).map(|i| PathBuf::from(format!("{i}"))).collect();
        let prepared_ahead = AtomicUsize::new(0);
        let stored = AtomicUsize::new(0);
        let most_ahead = AtomicUsize::new(0);
        let prepare = |p: &Path| -> Result<usize> {
            let i: usize = p.to_str().unwrap().parse().unwrap();
            let ahead =
                prepared_ahead.fetch_add(1, Ordering::SeqCst) + 1 - stored.load(Ordering::SeqCst);
            most_ahead.fetch_max(ahead, Ordering::SeqCst);
            // Later files are quicker: they come back out of order.
            std::thread::sleep(std::time::Duration::from_micros(
                ((200 - i) % 7) as u64 * 300,
            ));
            if i % 50 == 49 {
                return Err(Error::Invalid(format!("file {i}")));
            }
            Ok(i)
        };
        let mut seen = Vec::new();
        prepare_in_order(&files, 4, &prepare, &mut |path, r| {
            seen.push((path.to_path_buf(), r.map_err(|e| e.to_string())));
            stored.fetch_add(1, Ordering::SeqCst);
        });
        let expected: Vec<(PathBuf, std::result::Result<usize, String>)> = (0..200)
            .map(|i| {
                let r = if i % 50 == 49 {
                    Err(format!("invalid input: file {i}"))
                } else {
                    Ok(i)
                };
                (PathBuf::from(format!("{i}")), r)
            })
            .collect();
        assert_eq!(seen.len(), 200);
        assert_eq!(
            seen.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
            expected.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>()
        );
        for ((_, got), (_, want)) in seen.iter().zip(&expected) {
            assert_eq!(got.is_ok(), want.is_ok());
            if let (Ok(a), Ok(b)) = (got, want) {
                assert_eq!(a, b);
            }
        }
        // 4 workers, 8 ahead of the one stored, and the 4 being prepared.
        assert!(most_ahead.load(Ordering::SeqCst) <= 8 + 4, "{most_ahead:?}");
    }
}
