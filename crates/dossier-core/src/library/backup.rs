//! Backups of a whole library: a consistent copy of the database (SQLite's
//! online backup, taken while the library stays open and usable) plus the
//! original files it refers to; and restoring one in place of a library.
//!
//! The search index is not copied: it is derived, and rebuilt on the first
//! open of a restored library.

use super::{Library, DB_FILE, FILES_DIR, LOCK_FILE};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
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
    /// Writes a backup into `dest`, a folder that must not exist yet or be empty.
    pub fn backup(&self, dest: &Path) -> Result<BackupSummary> {
        if dest.exists() && std::fs::read_dir(dest)?.next().is_some() {
            return Err(Error::Invalid(format!(
                "{}: the backup folder must be new or empty",
                dest.display()
            )));
        }
        let partial = dest.with_extension("partial");
        let _ = std::fs::remove_dir_all(&partial);
        std::fs::create_dir_all(partial.join(FILES_DIR))?;
        // The snapshot: the reader sees the last committed state, and the
        // online backup copies exactly that, page by page.
        {
            let reader = self.store.reader();
            let mut target = Connection::open(partial.join(DB_FILE))?;
            let backup = rusqlite::backup::Backup::new(&reader, &mut target)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        let db =
            Connection::open_with_flags(partial.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let stored =
            checked_originals(&db).map_err(|e| Error::Invalid(format!("the backup copy: {e}")))?;
        let documents: u32 = db.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        let notes: u32 = db.query_row(
            "SELECT count(*) FROM notes WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        drop(db);
        let mut bytes = std::fs::metadata(partial.join(DB_FILE))?.len();
        for rel in &stored {
            let from = self.dir.join(rel);
            let to = partial.join(rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            bytes += std::fs::copy(&from, &to).map_err(|source| Error::Io {
                path: from.clone(),
                source,
            })?;
        }
        let summary = BackupSummary {
            path: dest.display().to_string(),
            documents,
            notes,
            files: stored.len() as u32,
            kilobytes: bytes.div_ceil(1000).min(u32::MAX as u64) as u32,
        };
        std::fs::write(
            partial.join(MANIFEST),
            serde_json::to_vec_pretty(&summary).map_err(|e| Error::Invalid(e.to_string()))?,
        )?;
        if dest.exists() {
            std::fs::remove_dir(dest)?;
        }
        std::fs::rename(&partial, dest)?;
        Ok(summary)
    }
}

/// The file beside the library folder that asks the next start to restore a
/// backup: `<library>.restore-from`, holding the backup's path.
pub fn restore_marker(library_dir: &Path) -> PathBuf {
    let name = library_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into());
    library_dir.with_file_name(format!("{name}.restore-from"))
}

/// Checks a backup (manifest, database integrity, every original present)
/// without touching any library.
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
    let rows = checked_originals(&db)
        .map_err(|e| Error::Invalid(format!("{}: {e}", backup_dir.display())))?;
    if let Some(missing) = rows.iter().find(|p| !backup_dir.join(p).is_file()) {
        return Err(Error::Invalid(format!(
            "{}: the backup lacks {missing}",
            backup_dir.display()
        )));
    }
    Ok(summary)
}

/// Asks the next start to restore `backup_dir` into `library_dir` (an open
/// library cannot be replaced under itself: the app restarts to do it). The
/// backup is checked now, so a bad one is refused before anything restarts.
pub fn schedule_restore(backup_dir: &Path, library_dir: &Path) -> Result<BackupSummary> {
    let summary = check_backup(backup_dir)?;
    let marker = restore_marker(library_dir);
    let partial = marker.with_extension("restore-from.partial");
    std::fs::write(&partial, backup_dir.to_string_lossy().as_bytes())?;
    std::fs::rename(&partial, &marker)?;
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

/// Runs SQLite's integrity check on a backup database and returns the
/// original files it refers to (paths relative to the library folder).
fn checked_originals(db: &Connection) -> Result<Vec<String>> {
    let ok: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(Error::Invalid(format!("the database is damaged: {ok}")));
    }
    let mut st = db.prepare("SELECT DISTINCT stored_path FROM documents")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
