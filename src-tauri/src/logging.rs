//! The app's log, so that a user can send what went wrong: a file in the
//! OS log folder (`dossier.log`; on Linux `~/.local/share/<identifier>/logs`),
//! kept under [`MAX_BYTES`] by moving it to `dossier.log.1` when it is full
//! (one older file kept), and standard error as well. `RUST_LOG` sets the
//! level (info by default). The core logs file names and reasons, never
//! document text or notes. Panics are logged before the default hook runs.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The size at which the log moves to `dossier.log.1`.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;
pub const FILE_NAME: &str = "dossier.log";

/// A log file that rotates itself when it reaches `max` bytes.
pub struct RotatingFile {
    path: PathBuf,
    file: File,
    written: u64,
    max: u64,
}

impl RotatingFile {
    pub fn open(dir: &Path, max: u64) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(FILE_NAME);
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        let written = file.metadata()?.len();
        let mut me = RotatingFile {
            path,
            file,
            written,
            max,
        };
        if me.written >= me.max {
            me.rotate()?;
        }
        Ok(me)
    }

    fn rotate(&mut self) -> std::io::Result<()> {
        let older = self.path.with_extension("log.1");
        std::fs::rename(&self.path, older)?;
        self.file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        self.written = 0;
        Ok(())
    }
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() as u64 > self.max && self.written > 0 {
            // A log that cannot rotate goes on in the same file.
            let _ = self.rotate();
        }
        let n = self.file.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Sends the app's events to `dir/dossier.log` and standard error. Returns
/// the log folder, or None when the file cannot be made (the events then
/// go to standard error alone).
pub fn init(dir: &Path) -> Option<PathBuf> {
    use tracing_subscriber::fmt::writer::MakeWriterExt;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let file = RotatingFile::open(dir, MAX_BYTES);
    let opened = file.is_ok();
    let result = match file {
        Ok(f) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(Mutex::new(f).and(std::io::stderr))
            .try_init(),
        Err(_) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init(),
    };
    if result.is_err() {
        return None;
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!(%info, "Dossier panicked");
        default_hook(info);
    }));
    tracing::info!(version = dossier_core::version(), "Dossier started");
    opened.then(|| dir.to_path_buf())
}

/// Shows a folder in the system's file manager.
pub fn show_folder(dir: &Path) -> std::io::Result<()> {
    crate::system::open(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_one_older_file_and_stays_under_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 1000).unwrap();
        for i in 0..50 {
            writeln!(log, "line {i:03} of the log, about forty bytes").unwrap();
        }
        let now = std::fs::metadata(dir.path().join(FILE_NAME)).unwrap().len();
        let older = std::fs::metadata(dir.path().join("dossier.log.1"))
            .unwrap()
            .len();
        assert!(now <= 1000 && older <= 1000, "{now} {older}");
        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert!(text.ends_with("line 049 of the log, about forty bytes\n"));
        // Opened again when full, it starts afresh.
        drop(log);
        std::fs::write(dir.path().join(FILE_NAME), vec![b'x'; 1200]).unwrap();
        let _log = RotatingFile::open(dir.path(), 1000).unwrap();
        assert_eq!(
            std::fs::metadata(dir.path().join(FILE_NAME)).unwrap().len(),
            0
        );
    }
}
