//! The library database (SQLite through rusqlite, bundled).
//!
//! One writer connection and one reader connection on the same WAL database,
//! so that reading and searching never wait for an import to finish: the
//! writer commits one file at a time, readers see the last committed state.

mod closed;
pub mod documents;
pub mod fetch_queue;
pub mod meetings;
pub mod migrations;
pub mod renditions;
pub mod trash;

use crate::error::Result;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The database of one library folder.
pub struct Store {
    /// Taken only when the store closes.
    connections: Option<Connections>,
    path: PathBuf,
    /// When the database was last checked in full (seconds since 1970).
    checked: u64,
    /// Whether this open checked it in full ([`closed`]).
    pub(crate) full_check: bool,
}

struct Connections {
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: a committed import survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Whether SQLite says the file is not a sound database.
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`. A
    /// damaged database (SQLite's `quick_check`, or a file that is not a
    /// database) is refused with [`crate::Error::Damaged`], untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let damaged = |e: rusqlite::Error| -> crate::Error {
            if is_damage(&e) {
                crate::Error::Damaged {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                }
            } else {
                e.into()
            }
        };
        // Taken before anything can write: a session that does not close
        // cleanly leaves no stamp behind.
        let clean = closed::take(path, closed::unix_now());
        let mut writer = Connection::open(path)?;
        let mode: String = writer
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(damaged)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(mode, "the library database is not in WAL mode");
        }
        configure(&writer)?;
        // In full unless the last close was clean and nothing has touched
        // the file since (`closed`); the schema is read either way.
        let now = closed::unix_now();
        let checked = match clean {
            Some(checked) => {
                writer
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                        r.get::<_, i64>(0)
                    })
                    .map_err(damaged)?;
                tracing::debug!("closed cleanly and unchanged since: full check skipped");
                checked
            }
            None => {
                let check: String = writer
                    .query_row("PRAGMA quick_check", [], |r| r.get(0))
                    .map_err(damaged)?;
                if check != "ok" {
                    return Err(crate::Error::Damaged {
                        path: path.to_path_buf(),
                        detail: check,
                    });
                }
                now
            }
        };
        migrations::migrate(&mut writer).map_err(|e| match e {
            crate::Error::Database(e) => damaged(e),
            other => other,
        })?;
        let reader = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&reader)?;
        Ok(Store {
            connections: Some(Connections {
                writer: Mutex::new(writer),
                reader: Mutex::new(reader),
            }),
            path: path.to_path_buf(),
            checked,
            full_check: clean.is_none(),
        })
    }

    fn connections(&self) -> &Connections {
        self.connections
            .as_ref()
            .expect("the store's connections live until it is dropped")
    }

    /// The connection that writes. Hold it only for one transaction.
    pub fn writer(&self) -> MutexGuard<'_, Connection> {
        self.connections()
            .writer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// A connection for reading the last committed state.
    pub fn reader(&self) -> MutexGuard<'_, Connection> {
        self.connections()
            .reader
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`; `Ok(())` when both are clean.
    pub fn check_integrity(&self) -> Result<()> {
        let conn = self.writer();
        let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(crate::Error::Damaged {
                path: conn
                    .path()
                    .map(std::path::PathBuf::from)
                    .unwrap_or_default(),
                detail: format!("integrity check: {result}"),
            });
        }
        let fk_violations: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if fk_violations > 0 {
            return Err(crate::Error::Invalid(format!(
                "library database: {fk_violations} broken references between tables"
            )));
        }
        Ok(())
    }

    /// Checkpoints the WAL into the database file and, when that empties it,
    /// stamps the close as clean ([`closed`]) with the connections still open:
    /// for a process that ends without dropping the store (the app, whose
    /// window's event loop ends the process). A write after it changes the
    /// file or fills the WAL, and the next open then checks in full.
    pub fn record_clean_close(&self) {
        if checkpoint_wal(&self.writer(), "exit") {
            closed::leave(&self.path, self.checked);
        }
    }

    /// The generation of the stored content: bumped by every change that the
    /// search index must follow. The index records the generation it reflects.
    pub fn generation(&self) -> Result<u64> {
        let conn = self.reader();
        get_generation(&conn)
    }
}

/// When the library closes, the WAL is checkpointed into the database file
/// and truncated: the file then holds everything on its own, so a lost or
/// damaged `-wal` can no longer take the last session's work with it. (The
/// reader connection is read-only and cannot checkpoint; without this the
/// WAL outlived every CLI run.) Once both connections are closed, the clean
/// close is stamped ([`closed`]), so that the next open need not read every page.
impl Drop for Store {
    fn drop(&mut self) {
        let Some(mut connections) = self.connections.take() else {
            return;
        };
        let writer = connections
            .writer
            .get_mut()
            .unwrap_or_else(|p| p.into_inner());
        let checkpointed = checkpoint_wal(writer, "close");
        let Connections { writer, reader } = connections;
        let all_closed = [reader, writer].into_iter().all(|c| {
            let c = c.into_inner().unwrap_or_else(|p| p.into_inner());
            c.close().is_ok()
        });
        if checkpointed && all_closed {
            closed::leave(&self.path, self.checked);
        }
    }
}

/// Writes the WAL into the database file and empties it; false (said in
/// the log) when a reader blocked it or it failed, at `when`.
fn checkpoint_wal(conn: &Connection, when: &str) -> bool {
    match conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(0) => true,
        Ok(_) => {
            tracing::warn!("WAL checkpoint at {when} was blocked; kept in the WAL");
            false
        }
        Err(e) => {
            tracing::warn!(error = %e, "WAL checkpoint at {when} failed");
            false
        }
    }
}

pub(crate) fn get_generation(conn: &Connection) -> Result<u64> {
    let v: String = conn.query_row(
        "SELECT value FROM settings WHERE key = 'generation'",
        [],
        |r| r.get(0),
    )?;
    Ok(v.parse().unwrap_or(0))
}

/// Bumps the generation inside the caller's transaction; returns the new value.
pub(crate) fn bump_generation(conn: &Connection) -> Result<u64> {
    let next = get_generation(conn)? + 1;
    conn.execute(
        "UPDATE settings SET value = ?1 WHERE key = 'generation'",
        [next.to_string()],
    )?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_recorded_before_the_process_ends_spares_the_next_open_unless_a_write_follows() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite3");
        assert!(
            Store::open(&db).unwrap().full_check,
            "a new database is checked"
        );
        // The app records its close and the process ends without dropping
        // the store (forgotten here, as the process exit forgets it).
        let store = Store::open(&db).unwrap();
        assert!(
            !store.full_check,
            "dropped cleanly just before: not read in full"
        );
        store.record_clean_close();
        std::mem::forget(store);
        let store = Store::open(&db).unwrap();
        assert!(!store.full_check, "recorded clean close: not read in full");
        // A write after the record: the WAL holds it, the next open checks.
        store.record_clean_close();
        bump_generation(&store.writer()).unwrap();
        std::mem::forget(store);
        assert!(
            Store::open(&db).unwrap().full_check,
            "written after the record: checked"
        );
    }

    #[test]
    fn a_stamp_over_a_week_old_or_of_another_file_state_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite3");
        drop(Store::open(&db).unwrap());
        let now = closed::unix_now();
        // A stamp is taken once: the second asks find none.
        assert!(closed::take(&db, now).is_some());
        assert!(closed::take(&db, now).is_none());
        drop(Store::open(&db).unwrap());
        let week = closed::RECHECK_AFTER.as_secs();
        assert!(
            closed::take(&db, now + week + 60).is_none(),
            "a week on: checked"
        );
        drop(Store::open(&db).unwrap());
        // The file changed after the close (one byte appended).
        let mut f = std::fs::OpenOptions::new().append(true).open(&db).unwrap();
        std::io::Write::write_all(&mut f, b"\0").unwrap();
        drop(f);
        assert!(closed::take(&db, now).is_none(), "another size: checked");
    }
}
