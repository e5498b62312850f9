//! The user's own layer: notes anchored to words, bookmarks and starred
//! schedule slots. All of it belongs to a document *series*, so it follows the
//! document across re-ingestion and revisions (see `anchor`).

pub mod anchor;
pub mod exchange;
pub mod web_annotation;

use crate::error::{Error, Result};
use crate::model::Document;
use anchor::Anchor;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// A note on some words of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Note {
    pub id: u32,
    /// Stable across export and import.
    pub uid: String,
    pub series: String,
    /// The document version the anchor was resolved against.
    pub document_id: Option<u32>,
    pub anchor: Anchor,
    /// Plain text with simple Markdown.
    pub body: String,
    /// The noted words are gone from the latest version; the quote is kept.
    pub detached: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// Where a bookmark points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum BookmarkTarget {
    Document,
    Item,
    Paragraph,
    Slot,
}

impl BookmarkTarget {
    pub fn as_str(self) -> &'static str {
        match self {
            BookmarkTarget::Document => "document",
            BookmarkTarget::Item => "item",
            BookmarkTarget::Paragraph => "paragraph",
            BookmarkTarget::Slot => "slot",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "document" => BookmarkTarget::Document,
            "item" => BookmarkTarget::Item,
            "paragraph" => BookmarkTarget::Paragraph,
            "slot" => BookmarkTarget::Slot,
            _ => return None,
        })
    }
}

/// A bookmark: a document, or a place in it (item number, paragraph index, slot index).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bookmark {
    pub id: u32,
    pub series: String,
    pub target: BookmarkTarget,
    /// "3(a)", "12", "4"; empty for the whole document.
    pub anchor: String,
    pub label: String,
    pub created_at: String,
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn new_uid() -> String {
    use sha2::{Digest, Sha256};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = format!(
        "{}-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    hex::encode(&Sha256::digest(seed.as_bytes())[..16])
}

/// A note is in the trash with the document it is attached to: hidden, kept
/// as it is (never re-anchored elsewhere), back when the document is.
const NOTE_VISIBLE: &str =
    "(doc_id IS NULL OR doc_id NOT IN (SELECT id FROM documents WHERE trash_id IS NOT NULL))";

/// Bookmarks and stars belong to a series: hidden while every document of
/// their series is in the trash (a series the library never held keeps
/// them, as before).
const SERIES_VISIBLE: &str = "(NOT EXISTS (SELECT 1 FROM documents d
        WHERE d.series = x.series AND d.trash_id IS NOT NULL)
    OR EXISTS (SELECT 1 FROM documents d WHERE d.series = x.series AND d.trash_id IS NULL))";

const NOTE_COLUMNS: &str = "id, uid, series, doc_id, passage, exact, prefix, suffix, pos_start, pos_end, body, detached, created_at, updated_at";

fn note_from_row(r: &Row) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        uid: r.get(1)?,
        series: r.get(2)?,
        document_id: r.get(3)?,
        anchor: Anchor {
            passage: r.get(4)?,
            exact: r.get(5)?,
            prefix: r.get(6)?,
            suffix: r.get(7)?,
            start: r.get(8)?,
            end: r.get(9)?,
        },
        body: r.get(10)?,
        detached: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn note(conn: &Connection, id: u32) -> Result<Note> {
    conn.query_row(
        &format!(
            "SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?1 AND deleted_at IS NULL AND {NOTE_VISIBLE}"
        ),
        [id],
        note_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("note {id}")))
}

/// Live notes of a series (or of the whole library), oldest first; not
/// those in the trash with their document.
pub fn notes(conn: &Connection, series: Option<&str>) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {NOTE_COLUMNS} FROM notes WHERE deleted_at IS NULL AND (?1 IS NULL OR series = ?1)
            AND {NOTE_VISIBLE} ORDER BY series, id"
    ))?;
    let rows = stmt.query_map([series], note_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A note to insert.
pub struct NewNote<'a> {
    pub series: &'a str,
    /// The document version the anchor was built against.
    pub doc_id: Option<u32>,
    pub anchor: &'a Anchor,
    pub body: &'a str,
    pub detached: bool,
    /// Kept from an import; a new one otherwise.
    pub uid: Option<&'a str>,
    /// (created, updated), kept from an import; now otherwise.
    pub times: Option<(&'a str, &'a str)>,
}

/// Inserts a note. Call in a transaction.
pub fn insert_note(conn: &Connection, n: &NewNote) -> Result<u32> {
    let now = now();
    let (created, updated) = n.times.unwrap_or((&now, &now));
    conn.execute(
        "INSERT INTO notes (uid, series, doc_id, passage, exact, prefix, suffix, pos_start, pos_end, body, detached, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            n.uid.map(str::to_string).unwrap_or_else(new_uid),
            n.series,
            n.doc_id,
            n.anchor.passage,
            n.anchor.exact,
            n.anchor.prefix,
            n.anchor.suffix,
            n.anchor.start,
            n.anchor.end,
            n.body,
            n.detached,
            created,
            updated
        ],
    )?;
    Ok(conn.last_insert_rowid() as u32)
}

pub fn update_body(conn: &Connection, id: u32, body: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE notes SET body = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, body, now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("note {id}")));
    }
    Ok(())
}

pub fn set_anchor(
    conn: &Connection,
    id: u32,
    doc_id: u32,
    anchor: &Anchor,
    detached: bool,
) -> Result<()> {
    conn.execute(
        "UPDATE notes SET doc_id = ?2, passage = ?3, exact = ?4, prefix = ?5, suffix = ?6,
            pos_start = ?7, pos_end = ?8, detached = ?9 WHERE id = ?1",
        params![
            id,
            doc_id,
            anchor.passage,
            anchor.exact,
            anchor.prefix,
            anchor.suffix,
            anchor.start,
            anchor.end,
            detached
        ],
    )?;
    Ok(())
}

/// Deleting keeps the row (for undo) until `purge_deleted`.
pub fn set_deleted(conn: &Connection, id: u32, deleted: bool) -> Result<()> {
    let n = conn.execute(
        "UPDATE notes SET deleted_at = CASE WHEN ?2 THEN ?3 ELSE NULL END WHERE id = ?1",
        params![id, deleted, now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("note {id}")));
    }
    Ok(())
}

/// Re-attaches every note of `series` to a new version of the document.
/// Call inside the ingest transaction. Returns (attached, detached).
pub fn reanchor_series(
    conn: &Connection,
    series: &str,
    doc_id: u32,
    doc: &Document,
) -> Result<(usize, usize)> {
    let mut counts = (0, 0);
    for n in notes(conn, Some(series))? {
        match anchor::reattach(doc, &n.anchor) {
            Some(a) => {
                set_anchor(conn, n.id, doc_id, &a, false)?;
                counts.0 += 1;
            }
            None => {
                // Keep the old selectors: they hold the quote the user will see.
                conn.execute(
                    "UPDATE notes SET detached = 1, doc_id = ?2 WHERE id = ?1",
                    params![n.id, doc_id],
                )?;
                counts.1 += 1;
            }
        }
    }
    Ok(counts)
}

const BOOKMARK_COLUMNS: &str = "id, series, target, anchor, label, created_at";

fn bookmark_from_row(r: &Row) -> rusqlite::Result<Bookmark> {
    Ok(Bookmark {
        id: r.get(0)?,
        series: r.get(1)?,
        target: BookmarkTarget::parse(&r.get::<_, String>(2)?).unwrap_or(BookmarkTarget::Document),
        anchor: r.get(3)?,
        label: r.get(4)?,
        created_at: r.get(5)?,
    })
}

/// Bookmarks of a series (or of the whole library), oldest first; not those
/// whose series is all in the trash.
pub fn bookmarks(conn: &Connection, series: Option<&str>) -> Result<Vec<Bookmark>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {BOOKMARK_COLUMNS} FROM bookmarks x WHERE (?1 IS NULL OR series = ?1)
            AND {SERIES_VISIBLE} ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([series], bookmark_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a bookmark; adding the same place twice returns the existing one.
/// Returns its id and whether it is new.
pub fn add_bookmark(
    conn: &Connection,
    series: &str,
    target: BookmarkTarget,
    anchor: &str,
    label: &str,
    created_at: Option<&str>,
) -> Result<(u32, bool)> {
    let added = conn.execute(
        "INSERT INTO bookmarks (series, target, anchor, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (series, target, anchor) DO NOTHING",
        params![
            series,
            target.as_str(),
            anchor,
            label,
            created_at.map(str::to_string).unwrap_or_else(now)
        ],
    )? > 0;
    let id = conn.query_row(
        "SELECT id FROM bookmarks WHERE series = ?1 AND target = ?2 AND anchor = ?3",
        params![series, target.as_str(), anchor],
        |r| r.get(0),
    )?;
    Ok((id, added))
}

/// Moves a bookmark to another place in its document; nothing when another
/// bookmark already holds that place.
pub(crate) fn set_bookmark_anchor(conn: &Connection, id: u32, anchor: &str) -> Result<()> {
    conn.execute(
        "UPDATE OR IGNORE bookmarks SET anchor = ?2 WHERE id = ?1",
        params![id, anchor],
    )?;
    Ok(())
}

pub fn remove_bookmark(conn: &Connection, id: u32) -> Result<()> {
    let n = conn.execute("DELETE FROM bookmarks WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::NotFound(format!("bookmark {id}")));
    }
    Ok(())
}

/// Stars or un-stars a schedule slot (by its key, see `calendar::slot_keys`).
/// Returns whether anything changed.
pub fn set_starred(conn: &Connection, series: &str, slot_key: &str, starred: bool) -> Result<bool> {
    let changed = if starred {
        conn.execute(
            "INSERT INTO starred_slots (series, slot_key, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (series, slot_key) DO NOTHING",
            params![series, slot_key, now()],
        )?
    } else {
        conn.execute(
            "DELETE FROM starred_slots WHERE series = ?1 AND slot_key = ?2",
            params![series, slot_key],
        )?
    };
    Ok(changed > 0)
}

/// Starred slot keys, of one series or of the whole library, as (series,
/// key); not those whose series is all in the trash.
pub fn starred(conn: &Connection, series: Option<&str>) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT series, slot_key FROM starred_slots x WHERE (?1 IS NULL OR series = ?1)
            AND {SERIES_VISIBLE} ORDER BY slot_key, series"
    ))?;
    let rows = stmt.query_map([series], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
