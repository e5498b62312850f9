//! The one error type of the core.

use std::path::PathBuf;

/// Everything that can go wrong in the core. Each variant maps to a small, stable
/// [`ErrorKind`] that the UI branches on; the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read from disk (missing, permissions, I/O).
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but its content cannot be turned into text
    /// (empty, binary, damaged, encrypted, scanned, too large, unsupported format).
    #[error("{path}: {reason}")]
    Unreadable {
        path: PathBuf,
        reason: crate::reason::Reason,
    },
    /// The library database failed.
    #[error("library database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The search index failed.
    #[error("search index: {0}")]
    Index(String),
    /// Something the caller asked for does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The request itself is malformed (a bad query, an unknown option).
    #[error("{0}")]
    Invalid(String),
    /// Another process holds the library.
    #[error("the library at {0} is already open in another Dossier window or process")]
    Locked(PathBuf),
    /// Any other I/O on the library folder.
    #[error("library folder: {0}")]
    Library(#[from] std::io::Error),
    /// A file could not be written (a full disk, permissions, a folder in the way).
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The library database is damaged or empty while the library holds
    /// originals: it is refused, untouched, rather than started afresh.
    /// `detail` is SQLite's finding.
    #[error(
        "the library database {path} is damaged ({detail}); nothing was changed. \
         Restore the library from your last backup"
    )]
    Damaged { path: PathBuf, detail: String },
    /// A document's original is missing from the library's `files/` folder.
    /// Importing the same file again puts it back.
    #[error("the original of {file} is missing from the library ({stored_path}); import {file} again to restore it")]
    MissingOriginal { file: String, stored_path: String },
    /// A document's original in `files/` no longer has the content it was
    /// imported with.
    #[error("the original of {file} in the library ({stored_path}) is damaged; import {file} again to restore it")]
    DamagedOriginal { file: String, stored_path: String },
    /// A database names an original outside the library's `files/` folder (a
    /// crafted or damaged backup); nothing is read or written there.
    #[error(
        "{database}: a document's file path points outside the library ({stored_path:?}); refused"
    )]
    UnsafeStoredPath {
        database: PathBuf,
        stored_path: String,
    },
    /// An output (an export, a calendar, a backup) was asked for inside the
    /// library folder, where it could overwrite the library itself.
    #[error("{path} is inside the library folder {library}; choose a place outside it")]
    InsideLibrary { path: PathBuf, library: PathBuf },
    /// The destination exists and is not something Dossier may replace.
    #[error("{path} already exists{}", if *.replaceable { " and is a Dossier backup, replaced only when asked to" } else if *.backup_expected { " and is not a Dossier backup; nothing was changed" } else { "" })]
    Exists {
        path: PathBuf,
        /// It is a Dossier backup, replaceable on purpose.
        replaceable: bool,
        /// A backup was to be replaced, and this is not one.
        backup_expected: bool,
    },
    /// A timestamp in an imported file is not a date and time, or lies in the future.
    #[error("{item}: {field} {value:?} is {}; nothing was imported", if *.future { "in the future" } else { "not a valid date and time" })]
    BadTimestamp {
        item: String,
        field: &'static str,
        value: String,
        future: bool,
    },
    /// The folder a new library was to be created in does not exist (a
    /// mistyped path): only the library's own folder is ever created.
    #[error("{0}: no such folder; the library folder is created only inside an existing one")]
    NoParentFolder(PathBuf),
}

/// Stable error categories for the UI and for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Io,
    Unreadable,
    Database,
    Index,
    NotFound,
    Invalid,
    Locked,
    /// The library database is damaged: restore from a backup.
    Damaged,
    /// An original is missing or damaged: import the file again.
    MissingOriginal,
    /// A database names files outside the library.
    UnsafePath,
    /// An output was asked for inside the library folder.
    InsideLibrary,
    /// The destination already exists.
    Exists,
    /// An imported timestamp is invalid or in the future.
    BadTimestamp,
    /// The parent folder of a new library does not exist.
    NoParentFolder,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } => ErrorKind::Io,
            Error::Unreadable { .. } => ErrorKind::Unreadable,
            Error::Database(_) => ErrorKind::Database,
            Error::Index(_) => ErrorKind::Index,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::Locked(_) => ErrorKind::Locked,
            Error::Library(_) | Error::Write { .. } => ErrorKind::Io,
            Error::Damaged { .. } => ErrorKind::Damaged,
            Error::MissingOriginal { .. } | Error::DamagedOriginal { .. } => {
                ErrorKind::MissingOriginal
            }
            Error::UnsafeStoredPath { .. } => ErrorKind::UnsafePath,
            Error::InsideLibrary { .. } => ErrorKind::InsideLibrary,
            Error::Exists { .. } => ErrorKind::Exists,
            Error::BadTimestamp { .. } => ErrorKind::BadTimestamp,
            Error::NoParentFolder(_) => ErrorKind::NoParentFolder,
        }
    }

    pub(crate) fn unreadable(path: &std::path::Path, reason: impl Into<crate::Reason>) -> Self {
        Error::Unreadable {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Index(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
