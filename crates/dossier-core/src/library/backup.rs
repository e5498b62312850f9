//! Backups of a whole library: a consistent copy of the database (SQLite's
//! online backup, taken while the library stays open and usable) plus the
//! original files it refers to; and restoring one in place of a library.
//!
//! The search index is not copied: it is derived, and rebuilt when a
//! restored library is staged.
//!
//! A backup is written into a folder of its own under a temporary name beside
//! the destination and renamed onto it when complete. A restore is staged
//! completely beside the library (copied, every original checked against its
//! hash, opened — migrated, indexed — and integrity-checked), then switched
//! in by two renames (the library aside, the staged one in its place). A
//! journal beside the library, `<library>.restore-journal`, names the step:
//! `staging` (the next open removes the staged copy: the library is as it
//! was) or `switching` (the next open finishes the renames: the library is
//! the backup). Either way the library is one whole library, never a mix.

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

/// What a restore did, and where the library it replaced is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RestoreOutcome {
    pub backup: BackupSummary,
    /// The folder now holding the library the restore replaced; None when
    /// there was no library before.
    pub previous: Option<String>,
}

/// A restore that was interrupted (the process killed, the power lost), as
/// the next open of the library found it and dealt with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InterruptedRestore {
    pub backup: BackupSummary,
    /// True: the switch had begun and was finished, the library is the
    /// backup. False: the restore was undone before its switch, the library
    /// is as it was.
    pub completed: bool,
    /// Where the library the restore replaced is kept (when completed).
    pub previous: Option<String>,
}

const MANIFEST: &str = "dossier-backup.json";
const JOURNAL_FORMAT: &str = "dossier-restore-journal-1";

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
        remove_abandoned_backups(dest);
        let staging = fs_atomic::create_temp_dir(dest)?;
        // Held while the backup is written, so that a later backup to the
        // same place can tell a folder a killed one left from one being written.
        let writing = std::fs::File::create(staging.join(WRITING_LOCK))
            .and_then(|f| f.try_lock().map_err(std::io::Error::other).map(|()| f));
        let summary = match writing
            .map_err(|source| Error::Write {
                path: staging.clone(),
                source,
            })
            .and_then(|_| self.write_backup_into(&staging, dest))
        {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        let _ = std::fs::remove_file(staging.join(WRITING_LOCK));
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
                    if let Err(e) = std::fs::rename(&staging, dest) {
                        std::fs::rename(&old, dest)?;
                        return Err(e);
                    }
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

    /// Checks the whole library on request: SQLite's full `integrity_check`
    /// and foreign keys, and every original present in `files/` with the
    /// content it was imported with. Returns how many originals were checked;
    /// the first problem found is the error (`Damaged`, `MissingOriginal`).
    pub fn check(&self) -> Result<u32> {
        self.store.check_integrity()?;
        let originals = checked_originals(&self.store.reader())?;
        for original in &originals {
            read_original(&self.dir, original)?;
        }
        Ok(originals.len() as u32)
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

/// Inside a backup being written (under its temporary name): locked by the
/// process writing it.
const WRITING_LOCK: &str = ".dossier-writing";

/// Removes what killed backups to `dest` left beside it: Dossier's own
/// temporary folders for that name (`.NAME.dossier-tmp-…`) that no running
/// backup holds — a staging folder whose lock nobody holds, or an old backup
/// a replacement had moved aside.
fn remove_abandoned_backups(dest: &Path) {
    // `.NAME.dossier-tmp-`, as fs_atomic names them for this destination.
    let probe = fs_atomic::temp_path(dest);
    let (Some(parent), Some(probe_name)) = (probe.parent(), probe.file_name()) else {
        return;
    };
    let probe_name = probe_name.to_string_lossy();
    let Some(at) = probe_name.find(fs_atomic::TEMP_MARK) else {
        return;
    };
    let prefix = &probe_name[..at + fs_atomic::TEMP_MARK.len()];
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        if !entry_name.starts_with(prefix) || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let abandoned = match std::fs::File::options()
            .write(true)
            .open(entry.path().join(WRITING_LOCK))
        {
            Ok(f) => f.try_lock().is_ok(),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
        if abandoned {
            tracing::info!(path = %entry.path().display(), "removing what a killed backup left");
            let _ = std::fs::remove_dir_all(entry.path());
        }
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
    let bytes = read_original(from, original)?;
    let target = to.join(&original.stored_path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_new_synced(&target, &bytes)?;
    Ok(bytes.len() as u64)
}

/// Reads one original of the library (or backup) in `dir`, checking it is
/// there and has the content it was imported with.
fn read_original(dir: &Path, original: &Original) -> Result<Vec<u8>> {
    let source = dir.join(&original.stored_path);
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
    Ok(bytes)
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

/// The journal of a restore under way: `<library>.restore-journal`.
pub fn restore_journal(library_dir: &Path) -> PathBuf {
    beside(library_dir, ".restore-journal")
}

/// Held while a restore runs or is being finished: `<library>.restore-lock`.
fn restore_lock(library_dir: &Path) -> PathBuf {
    beside(library_dir, ".restore-lock")
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

fn parent_of(library_dir: &Path) -> &Path {
    library_dir.parent().unwrap_or(Path::new("."))
}

/// Takes the OS lock on `path` (created if needed); `Locked` when another
/// process holds it.
fn take_lock(path: &Path, library_dir: &Path) -> Result<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked(library_dir.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::Library(e)),
    }
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
/// [`schedule_restore`] asked for. See [`run_scheduled_restore_outcome`].
pub fn run_scheduled_restore(library_dir: &Path) -> Option<Result<BackupSummary>> {
    run_scheduled_restore_outcome(library_dir).map(|r| r.map(|o| o.backup))
}

/// At start, before the library is opened: carries out a restore that
/// [`schedule_restore`] asked for, or finishes one that a previous start
/// began and did not end (killed while staging: staged again from the
/// start; killed while switching: switched). The request is removed once
/// the restore's journal holds it, so a restore that fails is not retried at
/// every start; a failed restore leaves the current library in place.
pub fn run_scheduled_restore_outcome(library_dir: &Path) -> Option<Result<RestoreOutcome>> {
    let library_dir = match std::path::absolute(library_dir) {
        Ok(d) => d,
        Err(e) => return Some(Err(e.into())),
    };
    let mut resumed: Option<String> = None;
    if restore_journal(&library_dir).exists() {
        let journal = match read_journal(&library_dir) {
            Ok(j) => j,
            Err(e) => return Some(Err(e)),
        };
        match waiting_for_lock(|| finish_interrupted_restore(&library_dir)) {
            Err(e) => return Some(Err(e)),
            Ok(Some(found)) if found.completed => {
                return Some(Ok(RestoreOutcome {
                    backup: found.backup,
                    previous: found.previous,
                }))
            }
            Ok(Some(_)) if journal.as_ref().is_some_and(|j| j.scheduled) => {
                resumed = journal.map(|j| j.backup);
            }
            Ok(_) => {}
        }
    }
    let marker = restore_marker(&library_dir);
    let backup = match resumed {
        Some(b) => b,
        None => std::fs::read_to_string(&marker).ok()?.trim().to_string(),
    };
    // The process that asked for the restart may still be letting go of the
    // library: wait for its lock a little.
    let result =
        waiting_for_lock(|| run_restore(Path::new(&backup), &library_dir, Some(&marker), None));
    if result.is_err() {
        let _ = std::fs::remove_file(&marker);
    }
    Some(result.map(|o| o.expect("a restore without a stop runs to its end")))
}

/// Runs `f` until it stops answering `Locked`, for up to ten seconds.
fn waiting_for_lock<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let mut result = f();
    for _ in 0..100 {
        if !matches!(result, Err(Error::Locked(_))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        result = f();
    }
    result
}

/// Replaces the library in `library_dir` with the backup in `backup_dir`.
/// The library must not be open (its lock is taken). The backup is staged
/// completely beside the library and checked before anything of the library
/// moves; the current library is kept beside it as
/// `<dir>.before-restore-<time>`, which the outcome names. A backup that
/// fails its checks changes nothing; a kill at any moment leaves the old
/// library or the new one, which the next open finishes or undoes.
pub fn restore(backup_dir: &Path, library_dir: &Path) -> Result<RestoreOutcome> {
    let library_dir = std::path::absolute(library_dir)?;
    Ok(run_restore(backup_dir, &library_dir, None, None)?
        .expect("a restore without a stop runs to its end"))
}

/// The moments of a restore, in order; tests stop a restore at each of them
/// as a kill would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Moment {
    /// The journal (step `staging`) is written; nothing is staged yet.
    Journaled,
    /// The database and some originals are copied into the staging folder.
    Copying,
    /// The staged library is complete and checked.
    Staged,
    /// The journal says `switching`.
    Switching,
    /// The library has moved aside; the staged one is not in its place yet.
    LibraryMoved,
    /// The staged library is in place; the journal is still there.
    Switched,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Step {
    Staging,
    Switching,
}

/// The journal of a restore, beside the library.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Journal {
    format: String,
    step: Step,
    /// The backup being restored.
    backup: String,
    summary: BackupSummary,
    /// The staging folder's name, beside the library.
    staging: String,
    /// The name the current library moves to, beside it; None when there is none.
    previous: Option<String>,
    /// Asked for by [`schedule_restore`]: an interrupted staging is staged
    /// again at the next start, not only undone.
    scheduled: bool,
}

fn read_journal(library_dir: &Path) -> Result<Option<Journal>> {
    let path = restore_journal(library_dir);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path, source }),
    };
    let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| {
        Error::Invalid(format!(
            "{}: the journal of an interrupted restore is unreadable ({e}); nothing was changed",
            path.display()
        ))
    })?;
    let names_ok = |n: &str| !n.is_empty() && !n.contains(['/', '\\']) && n != "." && n != "..";
    if journal.format != JOURNAL_FORMAT
        || !names_ok(&journal.staging)
        || !journal.previous.as_deref().is_none_or(names_ok)
    {
        return Err(Error::Invalid(format!(
            "{}: not a restore journal this version can read; nothing was changed",
            path.display()
        )));
    }
    Ok(Some(journal))
}

fn write_journal(library_dir: &Path, journal: &Journal) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(journal).map_err(|e| Error::Invalid(e.to_string()))?;
    fs_atomic::write_atomically(&restore_journal(library_dir), &bytes)
}

fn remove_journal(library_dir: &Path) -> Result<()> {
    std::fs::remove_file(restore_journal(library_dir))?;
    fs_atomic::sync_dir(parent_of(library_dir))?;
    Ok(())
}

/// Called by every open before it touches the library: finds a restore that
/// was interrupted and finishes it (it had begun its switch) or undoes it (it
/// was still staging). `Locked` while a restore is running in another process.
pub(super) fn finish_interrupted_restore(library_dir: &Path) -> Result<Option<InterruptedRestore>> {
    // Absolute first: the journal is beside the library folder, which a
    // relative name such as "." does not say.
    let library_dir = std::path::absolute(library_dir)?;
    remove_abandoned_restore_notes(&library_dir);
    if !restore_journal(&library_dir).exists() {
        return Ok(None);
    }
    let lock = take_lock(&restore_lock(&library_dir), &library_dir)?;
    let found = recover(&library_dir)?;
    drop(lock);
    let _ = std::fs::remove_file(restore_lock(&library_dir));
    Ok(found)
}

/// Removes the temporary files of a journal or a marker that a restore was
/// killed while writing (`.library.restore-journal.dossier-tmp-…`, before
/// its rename): never read, they would stay beside the library. Only when no
/// restore is running (its lock is free), so none of them is being written.
fn remove_abandoned_restore_notes(library_dir: &Path) {
    let parent = parent_of(library_dir);
    let prefixes: Vec<String> = [restore_journal(library_dir), restore_marker(library_dir)]
        .iter()
        .filter_map(|p| {
            p.file_name()
                .map(|n| format!(".{}{}", n.to_string_lossy(), fs_atomic::TEMP_MARK))
        })
        .collect();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let stale: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            prefixes.iter().any(|p| name.starts_with(p.as_str()))
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| e.path())
        .collect();
    if stale.is_empty() {
        return;
    }
    let Ok(lock) = take_lock(&restore_lock(library_dir), library_dir) else {
        return;
    };
    for path in stale {
        tracing::info!(path = %path.display(), "removing what a killed restore left");
        let _ = std::fs::remove_file(path);
    }
    drop(lock);
    let _ = std::fs::remove_file(restore_lock(library_dir));
}

/// [`finish_interrupted_restore`] with the restore lock held.
fn recover(library_dir: &Path) -> Result<Option<InterruptedRestore>> {
    let Some(journal) = read_journal(library_dir)? else {
        return Ok(None);
    };
    let parent = parent_of(library_dir);
    let staging = parent.join(&journal.staging);
    let previous = journal.previous.as_ref().map(|p| parent.join(p));
    let completed = match journal.step {
        Step::Staging => {
            if staging.exists() {
                std::fs::remove_dir_all(&staging)?;
            }
            // The user asked for it at the next start: whatever opened the
            // library first (the CLI, the app), the request stands.
            if journal.scheduled && !restore_marker(library_dir).exists() {
                fs_atomic::write_atomically(
                    &restore_marker(library_dir),
                    journal.backup.as_bytes(),
                )?;
            }
            tracing::warn!(backup = %journal.backup, "an interrupted restore was undone");
            false
        }
        Step::Switching => {
            if staging.exists() {
                if let Some(previous) = &previous {
                    if library_dir.exists() && !previous.exists() {
                        std::fs::rename(library_dir, previous)?;
                        fs_atomic::sync_dir(parent)?;
                    }
                }
                std::fs::rename(&staging, library_dir)?;
                fs_atomic::sync_dir(parent)?;
            }
            tracing::warn!(backup = %journal.backup, "an interrupted restore was finished");
            true
        }
    };
    remove_journal(library_dir)?;
    Ok(Some(InterruptedRestore {
        backup: journal.summary,
        completed,
        previous: previous
            .filter(|_| completed)
            .map(|p| p.display().to_string()),
    }))
}

/// The restore, step by step. `stop` ends it at a moment as a kill would
/// (nothing undone, locks let go), for tests; `Ok(None)` then.
pub(crate) fn run_restore(
    backup_dir: &Path,
    library_dir: &Path,
    marker: Option<&Path>,
    stop: Option<Moment>,
) -> Result<Option<RestoreOutcome>> {
    let summary = check_backup(backup_dir)?;
    // Let go of and removed however the restore ends (a failure included:
    // a full disk must leave nothing beside the library).
    let _restore_lock = LockFile {
        file: Some(take_lock(&restore_lock(library_dir), library_dir)?),
        path: restore_lock(library_dir),
    };
    // A restore interrupted before this one is dealt with first.
    recover(library_dir)?;
    let held = if library_dir.exists() {
        Some(take_lock(&library_dir.join(LOCK_FILE), library_dir)?)
    } else {
        None
    };
    let parent = parent_of(library_dir);
    let name = library_name(library_dir);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let unused = |stem: String| -> String {
        (1..)
            .map(|k| {
                if k == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{k}")
                }
            })
            .find(|n| !parent.join(n).exists())
            .expect("some name is free")
    };
    let mut journal = Journal {
        format: JOURNAL_FORMAT.into(),
        step: Step::Staging,
        backup: std::path::absolute(backup_dir)?.display().to_string(),
        summary: summary.clone(),
        staging: unused(format!("{name}.restore-staging-{stamp}")),
        previous: held
            .is_some()
            .then(|| unused(format!("{name}.before-restore-{stamp}"))),
        scheduled: marker.is_some(),
    };
    write_journal(library_dir, &journal)?;
    if let Some(marker) = marker {
        // The journal holds the request now.
        let _ = std::fs::remove_file(marker);
    }
    let at = |moment: Moment| stop == Some(moment);
    if at(Moment::Journaled) {
        return Ok(None);
    }
    let staging = parent.join(&journal.staging);
    match stage(backup_dir, &staging, stop) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            let _ = remove_journal(library_dir);
            return Err(e);
        }
    }
    if at(Moment::Staged) {
        return Ok(None);
    }
    journal.step = Step::Switching;
    write_journal(library_dir, &journal)?;
    if at(Moment::Switching) {
        return Ok(None);
    }
    // The library's lock is let go only now (a folder with an open file
    // cannot be renamed on Windows); the restore lock keeps others out.
    drop(held);
    let previous = journal.previous.as_ref().map(|p| parent.join(p));
    if let Some(previous) = &previous {
        if let Err(e) = std::fs::rename(library_dir, previous) {
            let _ = std::fs::remove_dir_all(&staging);
            let _ = remove_journal(library_dir);
            return Err(e.into());
        }
        fs_atomic::sync_dir(parent)?;
    }
    if at(Moment::LibraryMoved) {
        return Ok(None);
    }
    if let Err(e) = std::fs::rename(&staging, library_dir) {
        if let Some(previous) = &previous {
            std::fs::rename(previous, library_dir)?;
        }
        let _ = std::fs::remove_dir_all(&staging);
        let _ = remove_journal(library_dir);
        return Err(e.into());
    }
    fs_atomic::sync_dir(parent)?;
    if at(Moment::Switched) {
        return Ok(None);
    }
    remove_journal(library_dir)?;
    Ok(Some(RestoreOutcome {
        backup: summary,
        previous: previous.map(|p| p.display().to_string()),
    }))
}

/// A lock file held for as long as this lives, then removed.
struct LockFile {
    file: Option<File>,
    path: PathBuf,
}

impl Drop for LockFile {
    fn drop(&mut self) {
        drop(self.file.take());
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Stages the backup into `staging` (a folder that must not exist): the
/// database and every original it refers to, each checked against its hash;
/// then opened as a library (migrated, indexed) and integrity-checked.
/// `Ok(false)` when stopped at [`Moment::Copying`].
fn stage(backup_dir: &Path, staging: &Path, stop: Option<Moment>) -> Result<bool> {
    std::fs::create_dir(staging)?;
    std::fs::create_dir(staging.join(FILES_DIR))?;
    fs_atomic::copy_synced(&backup_dir.join(DB_FILE), &staging.join(DB_FILE))?;
    let originals = {
        let db =
            Connection::open_with_flags(staging.join(DB_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        checked_originals(&db)?
    };
    for (k, original) in originals.iter().enumerate() {
        copy_original(backup_dir, staging, original)?;
        if k == originals.len() / 2 && stop == Some(Moment::Copying) {
            return Ok(false);
        }
    }
    {
        // Opening migrates (a backup from an older version) and builds the index.
        let lib = Library::open(staging)?;
        lib.store.check_integrity()?;
    }
    fs_atomic::sync_tree(staging)?;
    Ok(true)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_restore_killed_while_writing_its_journal_left_is_removed_at_the_next_open() {
        let root = tempfile::tempdir().unwrap();
        let library = root.path().join("library");
        std::fs::create_dir(&library).unwrap();
        let journal_tmp = root.path().join(format!(
            ".library.restore-journal{}4242-0",
            fs_atomic::TEMP_MARK
        ));
        let marker_tmp = root.path().join(format!(
            ".library.restore-from{}4242-1",
            fs_atomic::TEMP_MARK
        ));
        let other = root
            .path()
            .join(format!(".notes.md{}4242-2", fs_atomic::TEMP_MARK));
        for p in [&journal_tmp, &marker_tmp, &other] {
            std::fs::write(p, b"{").unwrap();
        }
        assert!(finish_interrupted_restore(&library).unwrap().is_none());
        assert!(!journal_tmp.exists() && !marker_tmp.exists());
        // Only the restore's own: another file's temporary is not ours to remove here.
        assert!(other.exists());
        assert!(!restore_lock(&library).exists());
    }

    fn seeds() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
    }

    /// A library of the four seeds with a note "old", and a backup of two
    /// seeds with a note "new".
    fn setup(root: &Path) -> (PathBuf, PathBuf) {
        let old = root.join("library");
        let backup = root.join("backup");
        {
            let other = Library::open(&root.join("other")).unwrap();
            let three: Vec<PathBuf> = ["000_abe935980996e0b8.txt", "001_9b3f3c3582431abc.txt"]
                .iter()
                .map(|n| seeds().join(n))
                .collect();
            other.ingest(&three, &mut |_| {});
            let id = other.find("001_9b3f3c3582431abc.txt").unwrap();
            other.add_note(id, "item:3(a)", 0, 3, "new").unwrap();
            other.backup(&backup).unwrap();
        }
        let lib = Library::open(&old).unwrap();
        lib.ingest(&[seeds()], &mut |_| {});
        let id = lib.find("001_9b3f3c3582431abc.txt").unwrap();
        lib.add_note(id, "item:3(a)", 0, 3, "old").unwrap();
        (old, backup)
    }

    /// The library as it opens: its note and how many documents, checked whole.
    fn state(dir: &Path) -> (String, usize, Option<InterruptedRestore>) {
        let lib = Library::open(dir).unwrap();
        lib.store.check_integrity().unwrap();
        let records = lib.records().unwrap();
        for r in &records {
            assert!(lib.original_file(r.id).unwrap().is_file());
        }
        assert_eq!(
            lib.index.generation(),
            Some(lib.store.generation().unwrap())
        );
        let notes = lib.notes(None).unwrap();
        assert_eq!(notes.len(), 1);
        (
            notes[0].body.clone(),
            records.len(),
            lib.interrupted_restore().cloned(),
        )
    }

    const MOMENTS: [Moment; 6] = [
        Moment::Journaled,
        Moment::Copying,
        Moment::Staged,
        Moment::Switching,
        Moment::LibraryMoved,
        Moment::Switched,
    ];

    #[test]
    fn a_restore_stopped_at_any_moment_is_undone_or_finished_by_the_next_open() {
        for moment in MOMENTS {
            let root = tempfile::tempdir().unwrap();
            let (lib, backup) = setup(root.path());
            let lib = std::path::absolute(lib).unwrap();
            let stopped = run_restore(&backup, &lib, None, Some(moment)).unwrap();
            assert!(stopped.is_none());
            assert!(restore_journal(&lib).exists(), "{moment:?}: journal kept");
            let (note, docs, found) = state(&lib);
            let found = found.expect("the open reports the interrupted restore");
            let switching = matches!(
                moment,
                Moment::Switching | Moment::LibraryMoved | Moment::Switched
            );
            if switching {
                assert_eq!((note.as_str(), docs), ("new", 2), "{moment:?}");
                assert!(found.completed);
                let previous = found.previous.expect("the previous library is named");
                assert!(Path::new(&previous).join(DB_FILE).is_file(), "{moment:?}");
            } else {
                assert_eq!((note.as_str(), docs), ("old", 4), "{moment:?}");
                assert!(!found.completed);
            }
            assert!(!restore_journal(&lib).exists());
            let left: Vec<String> = std::fs::read_dir(root.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("restore-staging") || n.contains("restore-lock"))
                .collect();
            assert!(left.is_empty(), "{moment:?}: {left:?}");
            // The next open finds nothing more to do.
            assert!(state(&lib).2.is_none());
        }
    }

    #[test]
    fn a_scheduled_restore_undone_by_another_open_is_still_asked_for() {
        for moment in [Moment::Journaled, Moment::Copying, Moment::Staged] {
            let root = tempfile::tempdir().unwrap();
            let (lib, backup) = setup(root.path());
            let lib = std::path::absolute(lib).unwrap();
            schedule_restore(&backup, &lib).unwrap();
            let marker = restore_marker(&lib);
            assert!(run_restore(&backup, &lib, Some(&marker), Some(moment))
                .unwrap()
                .is_none());
            assert!(!marker.exists(), "the journal holds the request");
            // The CLI opens the library before the app starts again.
            let (note, _, found) = state(&lib);
            assert_eq!(note, "old", "{moment:?}: undone");
            assert!(!found.unwrap().completed);
            assert!(marker.exists(), "{moment:?}: the request stands");
            let outcome = run_scheduled_restore_outcome(&lib).unwrap().unwrap();
            assert_eq!(outcome.backup.documents, 2);
            assert_eq!(
                state(&lib).0,
                "new",
                "{moment:?}: restored at the next start"
            );
        }
    }

    #[test]
    fn a_scheduled_restore_stopped_at_any_moment_is_carried_out_at_the_next_start() {
        for moment in MOMENTS {
            let root = tempfile::tempdir().unwrap();
            let (lib, backup) = setup(root.path());
            let lib = std::path::absolute(lib).unwrap();
            schedule_restore(&backup, &lib).unwrap();
            let marker = restore_marker(&lib);
            assert!(run_restore(&backup, &lib, Some(&marker), Some(moment))
                .unwrap()
                .is_none());
            let outcome = run_scheduled_restore_outcome(&lib)
                .expect("the interrupted restore is found")
                .unwrap();
            assert_eq!(outcome.backup.documents, 2, "{moment:?}");
            assert!(outcome.previous.is_some(), "{moment:?}");
            let (note, docs, found) = state(&lib);
            assert_eq!((note.as_str(), docs), ("new", 2), "{moment:?}");
            assert!(found.is_none());
            assert!(run_scheduled_restore_outcome(&lib).is_none(), "done once");
        }
    }

    #[test]
    fn a_scheduled_restore_killed_before_its_journal_is_still_asked_for() {
        let root = tempfile::tempdir().unwrap();
        let (lib, backup) = setup(root.path());
        schedule_restore(&backup, &lib).unwrap();
        // A start killed before the restore wrote its journal left the
        // request in place: the next start carries it out.
        assert!(restore_marker(&lib).exists());
        let outcome = run_scheduled_restore_outcome(&lib).unwrap().unwrap();
        assert_eq!(outcome.backup.documents, 2);
        assert_eq!(state(&lib).0, "new");
    }

    #[test]
    fn a_restore_is_refused_while_another_is_running() {
        let root = tempfile::tempdir().unwrap();
        let (lib, backup) = setup(root.path());
        let lib = std::path::absolute(lib).unwrap();
        let running = take_lock(&restore_lock(&lib), &lib).unwrap();
        assert!(matches!(restore(&backup, &lib), Err(Error::Locked(_))));
        drop(running);
        // An open while another process works on an interrupted restore
        // waits for it rather than racing it.
        run_restore(&backup, &lib, None, Some(Moment::Copying)).unwrap();
        let running = take_lock(&restore_lock(&lib), &lib).unwrap();
        assert!(matches!(Library::open(&lib), Err(Error::Locked(_))));
        drop(running);
        assert_eq!(state(&lib).0, "old");
    }
}
