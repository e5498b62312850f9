//! What a clean close leaves beside the database, so that the next open can
//! skip SQLite's full `quick_check` — a read of every page, 0.1 s warm and
//! about 1 s from a cold disk on a library of 5,000 documents, and on the
//! window's start path — when nothing has touched the file since.
//!
//! The stamp (`library.sqlite3-closed`) holds the file's size and
//! modification time as the close left them, and when the database was last
//! checked in full. An open takes it away before anything is written, so a
//! session that does not end cleanly (a crash, a kill, a power cut) leaves
//! none, and the next open checks. The file must also be unchanged (same
//! size and modification time: anything that writes it, a copy over it or
//! damage done by another program, changes them), its WAL empty, and the last
//! full check less than [`RECHECK_AFTER`] old. Otherwise the open checks, as
//! it always did.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// However clean the closes, the database is checked in full this often.
pub const RECHECK_AFTER: Duration = Duration::from_secs(7 * 24 * 3600);

/// File systems stamp modification times with a coarse clock (a few
/// milliseconds on Linux): the stamp is written only once the clock is this
/// far past the file's time, so that a write coming after it cannot carry
/// the same time.
const CLOCK_GRAIN: Duration = Duration::from_millis(25);

fn stamp_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-closed");
    PathBuf::from(p)
}

fn wal_is_empty(db: &Path) -> bool {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).map_or(true, |m| m.len() == 0)
}

/// The file's size and modification time (nanoseconds since 1970).
fn state(db: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(db).ok()?;
    let modified = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((m.len(), modified.as_nanos()))
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Takes the stamp away (from now on the database may change) and says
/// whether the database is as the last clean close left it: then, when it
/// was last checked in full (seconds since 1970).
pub fn take(db: &Path, now: u64) -> Option<u64> {
    let path = stamp_path(db);
    let text = std::fs::read_to_string(&path).ok();
    if text.is_some() {
        if let Err(e) = std::fs::remove_file(&path) {
            // Left in place, it no longer matches once the file changes.
            tracing::warn!(error = %e, "cannot remove the clean-close stamp");
        }
    }
    let text = text?;
    let mut fields = text.split_whitespace();
    let len: u64 = fields.next()?.parse().ok()?;
    let modified: u128 = fields.next()?.parse().ok()?;
    let checked: u64 = fields.next()?.parse().ok()?;
    let fresh = now.saturating_sub(checked) < RECHECK_AFTER.as_secs();
    (state(db) == Some((len, modified)) && wal_is_empty(db) && fresh).then_some(checked)
}

/// Once the database is closed: records it as it is now, with when it was
/// last checked in full. Nothing is recorded while its WAL holds anything.
pub fn leave(db: &Path, checked: u64) {
    if !wal_is_empty(db) {
        return;
    }
    let Some((len, modified)) = state(db) else {
        return;
    };
    // Until the clock is past the file's time by more than its grain (at
    // most that long: the close has just written it).
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(Duration::ZERO, |d| {
            d.saturating_sub(Duration::from_nanos(modified as u64))
        });
    if since < CLOCK_GRAIN {
        std::thread::sleep(CLOCK_GRAIN - since);
    }
    if let Err(e) = std::fs::write(stamp_path(db), format!("{len} {modified} {checked}\n")) {
        tracing::warn!(error = %e, "cannot write the clean-close stamp; the next open checks the database in full");
    }
}
