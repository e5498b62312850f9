//! Backups of a whole library: a consistent copy of the database (SQLite's
//! online backup, taken while the library stays open and usable) plus the
//! original files it refers to; and restoring one in place of a library.
//!
//! The search index is not copied: it is derived, and rebuilt when a
//! restored library is staged.
//!
//! A backup is written into a folder of its own under a temporary name beside
//! the destination and renamed onto it when complete.

use super::{Library, DB_FILE, FILES_DIR, LOCK_FILE};
use crate::error::{Error, Result};
use crate::fs_atomic;
use crate::store::documents;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupSummary {
    pub path: String,
    pub documents: u32,
    pub notes: u32,
    pub files: u32,
    /// Size of the backup, in kilobytes (1,000 bytes).
    pub kilobytes: u32,
}

const MANIFEST: &str = "dossier-backup.json";

impl Library {
    /// Writes a backup into `dest`, which must not exist yet (or be an empty
    /// folder) and must lie outside the library folder.
    pub fn backup(&self, dest: &Path) -> Result<BackupSummary> {
        self.write_backup(dest, false)
    }

    /// Writes a backup into `dest` like [`Library::backup`], replacing the
    /// Dossier backup already there (anything else there is refused). The
    /// old backup is removed only once the new one is complete.
    pub fn backup_replacing(&self, dest: &Path) -> Result<BackupSummary> {
        self.write_backup(dest, true)
    }

    fn write_backup(&self, dest: &Path, replace: bool) -> Result<BackupSummary> {
        self.refuse_inside(dest)?;
        let existing = match std::fs::symlink_metadata(dest) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Existing::Nothing,
            Err(source) => {
                return Err(Error::Write {
                    path: dest.to_path_buf(),
                    source,
                })
            }
            Ok(m) if m.is_dir() && std::fs::read_dir(dest)?.next().is_none() => {
                Existing::EmptyFolder
            }
            Ok(m) => {
                let is_backup = m.is_dir() && dest.join(MANIFEST).is_file();
                if !(replace && is_backup) {
                    return Err(Error::Exists {
                        path: dest.to_path_buf(),
                        replaceable: is_backup,
                        backup_expected: replace,
                    });
                }
                Existing::Backup
            }
        };
        let staging = fs_atomic::create_temp_dir(dest)?;
        let summary = match self.write_backup_into(&staging, dest) {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        let switched = (|| -> std::io::Result<()> {
            match existing {
                Existing::Nothing => std::fs::rename(&staging, dest)?,
                Existing::EmptyFolder => {
                    std::fs::remove_dir(dest)?;
                    std::fs::rename(&staging, dest)?;
                }
                Existing::Backup => {
                    // The old backup steps aside under a temporary name, the
                    // new one takes its place, then the old one goes.
                    let old = fs_atomic::temp_path(dest);
                    std::fs::rename(dest, &old)?;
                    std::fs::rename(&staging, dest)?;
                    std::fs::remove_dir_all(&old)?;
                }
            }
            fs_atomic::sync_dir(dest.parent().unwrap_or(Path::new(".")))
        })();
        switched.map_err(|source| {
            let _ = std::fs::remove_dir_all(&staging);
            Error::Write {
                path: dest.to_path_buf(),
                source,
            }
        })?;
        Ok(summary)
    }

    /// The backup itself, written into `staging` (a new empty folder).
    fn write_backup_into(&self, staging: &Path, dest: &Path) -> Result<BackupSummary> {
        std::fs::create_dir(staging.join(FILES_DIR))?;
        // The snapshot: the reader sees the last committed state, and the
        // online backup copies exactly that, page by page.
        {
            let reader = self.store.reader();
            let mut target = Connection::open(staging.join(DB_FILE))?;
            let backup = rusqlite::backup::Backup::new(&reader, &mut target)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        let db =
            Connection::open_with_flags(staging.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let stored = checked_originals(&db).map_err(|e| match e {
            Error::UnsafeStoredPath { stored_path, .. } => Error::UnsafeStoredPath {
                database: self.dir.join(DB_FILE),
                stored_path,
            },
            e => e,
        })?;
        let documents: u32 = db.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        let notes: u32 = db.query_row(
            "SELECT count(*) FROM notes WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        drop(db);
        let mut bytes = std::fs::metadata(staging.join(DB_FILE))?.len();
        for original in &stored {
            bytes += copy_original(&self.dir, staging, original)?;
        }
        let summary = BackupSummary {
            path: dest.display().to_string(),
            documents,
            notes,
            files: stored.len() as u32,
            kilobytes: bytes.div_ceil(1000).min(u32::MAX as u64) as u32,
        };
        write_new_synced(
            &staging.join(MANIFEST),
            &serde_json::to_vec_pretty(&summary).map_err(|e| Error::Invalid(e.to_string()))?,
        )?;
        File::open(staging.join(DB_FILE))
            .and_then(|f| f.sync_all())
            .map_err(|source| Error::Write {
                path: staging.join(DB_FILE),
                source,
            })?;
        fs_atomic::sync_tree(staging)?;
        Ok(summary)
    }
}

/// What stands where a backup is to be written.
#[derive(Clone, Copy)]
enum Existing {
    Nothing,
    EmptyFolder,
    Backup,
}

/// An original a database refers to.
struct Original {
    stored_path: String,
    file: String,
    hash: String,
}

/// Copies one original from the library (or backup) in `from` to the same
/// place in `to`, checking it is there and has the content it was imported
/// with. Returns its size.
fn copy_original(from: &Path, to: &Path, original: &Original) -> Result<u64> {
    let source = from.join(&original.stored_path);
    let bytes = match std::fs::read(&source) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::MissingOriginal {
                file: original.file.clone(),
                stored_path: source.display().to_string(),
            })
        }
        Err(source_error) => {
            return Err(Error::Io {
                path: source,
                source: source_error,
            })
        }
    };
    if hex::encode(Sha256::digest(&bytes)) != original.hash {
        return Err(Error::DamagedOriginal {
            file: original.file.clone(),
            stored_path: source.display().to_string(),
        });
    }
    let target = to.join(&original.stored_path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_new_synced(&target, &bytes)?;
    Ok(bytes.len() as u64)
}

/// Writes a new file (never an existing one) and syncs it.
fn write_new_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    (|| {
        let mut f = File::options().write(true).create_new(true).open(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    })()
    .map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// The file beside the library folder that asks the next start to restore a
/// backup: `<library>.restore-from`, holding the backup's path.
pub fn restore_marker(library_dir: &Path) -> PathBuf {
    beside(library_dir, ".restore-from")
}

fn library_name(library_dir: &Path) -> String {
    library_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into())
}

fn beside(library_dir: &Path, suffix: &str) -> PathBuf {
    library_dir.with_file_name(format!("{}{suffix}", library_name(library_dir)))
}

/// Checks a backup (manifest, database integrity, every original present
/// and inside `files/`) without touching any library.
pub fn check_backup(backup_dir: &Path) -> Result<BackupSummary> {
    let manifest = std::fs::read(backup_dir.join(MANIFEST)).map_err(|_| {
        Error::Invalid(format!(
            "{}: not a Dossier backup (no {MANIFEST})",
            backup_dir.display()
        ))
    })?;
    let summary: BackupSummary = serde_json::from_slice(&manifest).map_err(|e| {
        Error::Invalid(format!(
            "{}: damaged backup manifest: {e}",
            backup_dir.display()
        ))
    })?;
    let db =
        Connection::open_with_flags(backup_dir.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let rows = checked_originals(&db).map_err(|e| match e {
        e @ Error::UnsafeStoredPath { .. } => e,
        e => Error::Invalid(format!("{}: {e}", backup_dir.display())),
    })?;
    if let Some(missing) = rows
        .iter()
        .find(|o| !backup_dir.join(&o.stored_path).is_file())
    {
        return Err(Error::Invalid(format!(
            "{}: the backup lacks {} ({})",
            backup_dir.display(),
            missing.stored_path,
            missing.file
        )));
    }
    Ok(summary)
}

/// Asks the next start to restore `backup_dir` into `library_dir` (an open
/// library cannot be replaced under itself: the app restarts to do it). The
/// backup is checked now, so a bad one is refused before anything restarts.
pub fn schedule_restore(backup_dir: &Path, library_dir: &Path) -> Result<BackupSummary> {
    let summary = check_backup(backup_dir)?;
    let backup = std::path::absolute(backup_dir)?;
    fs_atomic::write_atomically(
        &restore_marker(library_dir),
        backup.to_string_lossy().as_bytes(),
    )?;
    Ok(summary)
}

/// At start, before the library is opened: carries out a restore that
/// [`schedule_restore`] asked for. The request is removed first, so a restore
/// that fails (or crashes) is not retried at every start; a failed restore
/// leaves the current library in place.
pub fn run_scheduled_restore(library_dir: &Path) -> Option<Result<BackupSummary>> {
    let marker = restore_marker(library_dir);
    let backup = std::fs::read_to_string(&marker).ok()?;
    let _ = std::fs::remove_file(&marker);
    // The process that asked for the restart may still be letting go of the
    // library: wait for its lock a little.
    let mut result = restore(Path::new(backup.trim()), library_dir);
    for _ in 0..100 {
        if !matches!(result, Err(Error::Locked(_))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        result = restore(Path::new(backup.trim()), library_dir);
    }
    Some(result)
}

/// Replaces the library in `library_dir` with the backup in `backup_dir`.
/// The library must not be open (its lock is taken). The current library is
/// kept beside it as `<dir>.before-restore-<time>` until the restored one
/// has opened cleanly; a backup that fails its checks changes nothing.
pub fn restore(backup_dir: &Path, library_dir: &Path) -> Result<BackupSummary> {
    let summary = check_backup(backup_dir)?;
    // Refuse while a process holds the library.
    if library_dir.join(LOCK_FILE).exists() {
        let lock = std::fs::File::options()
            .write(true)
            .open(library_dir.join(LOCK_FILE))?;
        if lock.try_lock().is_err() {
            return Err(Error::Locked(library_dir.to_path_buf()));
        }
    }
    let aside: Option<PathBuf> = if library_dir.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        let name = format!(
            "{}.before-restore-{stamp}",
            library_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "library".into())
        );
        let aside = library_dir.with_file_name(name);
        std::fs::rename(library_dir, &aside)?;
        Some(aside)
    } else {
        None
    };
    let copy = || -> Result<()> {
        copy_tree(backup_dir, library_dir)?;
        std::fs::remove_file(library_dir.join(MANIFEST))?;
        // Opening migrates (a backup from an older version) and rebuilds the index.
        let lib = Library::open(library_dir)?;
        lib.store.check_integrity()
    };
    match copy() {
        Ok(()) => Ok(summary),
        Err(e) => {
            let _ = std::fs::remove_dir_all(library_dir);
            if let Some(aside) = aside {
                std::fs::rename(&aside, library_dir)?;
            }
            Err(e)
        }
    }
}

/// Runs SQLite's integrity check on a database and returns the original
/// files it refers to, each path checked to lie inside `files/`.
fn checked_originals(db: &Connection) -> Result<Vec<Original>> {
    let ok: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(Error::Invalid(format!("the database is damaged: {ok}")));
    }
    Ok(documents::stored_files(db)?
        .into_iter()
        .map(|(stored_path, file, hash)| Original {
            stored_path,
            file,
            hash,
        })
        .collect())
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
