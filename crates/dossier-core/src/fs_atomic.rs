//! Writes that touch only what they name.
//!
//! Every file Dossier writes — exports, calendars, backups, the copies of
//! originals in `files/` — is written under a temporary name of its own in
//! the destination folder, synced, renamed onto the name asked for, and the
//! folder synced. A kill at any moment leaves the old file or the new one,
//! plus at most a temporary file whose name nobody else could have chosen:
//! temporary names carry [`TEMP_MARK`], the process id and a counter, and are
//! created exclusively (`create_new`), so an existing file — a user's
//! `report.partial` — is never opened, truncated or removed.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Part of every temporary name Dossier creates (`.NAME.dossier-tmp-PID-N`).
pub const TEMP_MARK: &str = ".dossier-tmp-";

/// Whether a file name is one of Dossier's temporary names.
pub fn is_temp_name(name: &str) -> bool {
    name.contains(TEMP_MARK)
}

/// The folder a path is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary name beside `target` (`.NAME.dossier-tmp-PID-N`), unused so
/// far by this process; create it exclusively to be sure of it.
pub fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    // Long names are cut so the temporary name stays within name limits.
    let short: String = name.chars().take(80).collect();
    folder_of(target).join(format!(
        ".{short}{TEMP_MARK}{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates a new, empty temporary file beside `target` (never an existing one).
fn create_temp_file(target: &Path) -> std::io::Result<(PathBuf, File)> {
    loop {
        let tmp = temp_path(target);
        match File::options().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Creates a new, empty folder beside `target` under a temporary name of its
/// own (never an existing one) and returns it.
pub fn create_temp_dir(target: &Path) -> Result<PathBuf> {
    loop {
        let tmp = temp_path(target);
        match std::fs::create_dir(&tmp) {
            Ok(()) => return Ok(tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(write_error(target)(e)),
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file of its own in the
/// same folder, synced, renamed onto `path`, the folder synced. The folder
/// must exist. On failure the temporary file is removed and `path` is as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`] for content written a piece at a time (an export
/// too big to hold in memory): `write` fills the temporary file through a
/// buffer; when it fails nothing is renamed, the temporary file is removed
/// and `path` is as it was.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let (tmp, file) = create_temp_file(path).map_err(write_error(path))?;
    let written = (|| {
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        sync_dir(folder_of(path))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(write_error(path))
}

/// Copies `from` to `to` (a new file) and syncs it; returns the bytes copied.
pub fn copy_synced(from: &Path, to: &Path) -> Result<u64> {
    let n = std::fs::copy(from, to).map_err(|source| Error::Io {
        path: from.to_path_buf(),
        source,
    })?;
    File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(write_error(to))?;
    Ok(n)
}

/// Makes a folder's entries (files created, renamed or removed in it) durable.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Windows has no folder handle to sync; NTFS journals renames itself.
        let _ = dir;
        Ok(())
    }
}

/// Syncs every folder of a tree, deepest first (the files are synced as they
/// are written).
pub fn sync_tree(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        }
    }
    sync_dir(dir)
}

/// The absolute path `path` names, with symbolic links and `..` of its
/// existing part resolved (the part that does not exist yet is appended).
pub fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut cur = absolute.as_path();
    loop {
        if let Ok(real) = cur.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return absolute,
        }
    }
}

/// Whether `path` is `dir` or lies inside it (links resolved).
pub fn is_inside(path: &Path, dir: &Path) -> bool {
    resolved(path).starts_with(resolved(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_leaves_other_files_alone_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("agenda.ics");
        let theirs = dir.path().join("agenda.partial");
        std::fs::write(&theirs, "theirs").unwrap();
        write_atomically(&target, b"one").unwrap();
        write_atomically(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert_eq!(std::fs::read(&theirs).unwrap(), b"theirs");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["agenda.ics", "agenda.partial"]);
    }

    #[test]
    fn a_failed_atomic_write_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // A folder cannot be replaced by a file: the rename fails.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), "kept").unwrap();
        assert!(write_atomically(&target, b"x").is_err());
        assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Nor is a missing folder created.
        assert!(write_atomically(&dir.path().join("no/such.ics"), b"x").is_err());
        assert!(!dir.path().join("no").exists());
    }

    #[test]
    fn a_streamed_write_that_fails_half_way_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("passages.ndjson");
        write_atomically_with(&target, |out| out.write_all(b"old\n")).unwrap();
        let failed = write_atomically_with(&target, |out| {
            out.write_all(b"new, half")?;
            Err(std::io::Error::other("the source failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn paths_inside_a_folder_are_recognised_through_dots_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("library");
        std::fs::create_dir_all(lib.join("files")).unwrap();
        assert!(is_inside(&lib.join("library.sqlite3"), &lib));
        assert!(is_inside(&lib.join("files/../x/y.ics"), &lib));
        assert!(!is_inside(&lib.join("../elsewhere.ics"), &lib));
        assert!(!is_inside(&dir.path().join("library-2/a.ics"), &lib));
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&lib, &link).unwrap();
            assert!(is_inside(&link.join("library.sqlite3"), &lib));
        }
    }
}
