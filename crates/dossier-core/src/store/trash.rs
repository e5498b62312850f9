//! The trash: what a removal took out of the library, kept until restored
//! or emptied.
//!
//! One `trash` row is one removal. The documents it took carry its id in
//! `documents.trash_id`; a rendition removed alone (one file of a document
//! that stays) carries it in `renditions.trash_id`. Everything else stays
//! where it was: the document's content rows, its files, and the user's
//! notes (attached to the document by `notes.doc_id`), bookmarks and stars
//! (by series), which the queries of `documents` and `annotations` leave out
//! while their document, or their whole series, is in the trash.

use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// What a removal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RemoveScope {
    /// One file of a document; the document stays with its other files
    /// (the only file of a document takes the document).
    Rendition,
    /// The document: this language, this revision, all its files.
    Document,
    /// The document in every language the library holds its symbol in.
    Languages,
    /// Every revision of the document in its language (its series).
    Revisions,
}

impl RemoveScope {
    pub fn as_str(self) -> &'static str {
        match self {
            RemoveScope::Rendition => "rendition",
            RemoveScope::Document => "document",
            RemoveScope::Languages => "languages",
            RemoveScope::Revisions => "revisions",
        }
    }

    pub fn parse(s: &str) -> Option<RemoveScope> {
        Some(match s {
            "rendition" => RemoveScope::Rendition,
            "document" => RemoveScope::Document,
            "languages" => RemoveScope::Languages,
            "revisions" => RemoveScope::Revisions,
            _ => return None,
        })
    }
}

/// One removal in the trash, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrashEntry {
    /// What `restore_from_trash` takes.
    pub id: u32,
    pub scope: RemoveScope,
    /// What was removed, in English: a symbol or file name and a language.
    pub label: String,
    /// When (RFC 3339, UTC).
    pub trashed_at: String,
    /// Documents taken (0 for a rendition removed alone).
    pub documents: u32,
    /// Files taken: the documents' renditions, or the one rendition.
    pub files: u32,
    /// Notes attached to the documents taken.
    pub notes: u32,
}

/// Opens a trash entry. Call inside the removal's transaction.
pub(crate) fn insert(
    conn: &Connection,
    scope: RemoveScope,
    label: &str,
    trashed_at: &str,
    snapshot: Option<&str>,
) -> Result<u32> {
    conn.execute(
        "INSERT INTO trash (scope, label, trashed_at, snapshot) VALUES (?1, ?2, ?3, ?4)",
        params![scope.as_str(), label, trashed_at, snapshot],
    )?;
    Ok(conn.last_insert_rowid() as u32)
}

/// Puts documents in trash entry `trash_id`.
pub(crate) fn put_documents(conn: &Connection, trash_id: u32, ids: &[u32]) -> Result<()> {
    let mut st = conn
        .prepare_cached("UPDATE documents SET trash_id = ?1 WHERE id = ?2 AND trash_id IS NULL")?;
    for id in ids {
        if st.execute(params![trash_id, id])? != 1 {
            return Err(Error::NotFound(format!("document {id} in the library")));
        }
    }
    Ok(())
}

/// Puts one rendition in trash entry `trash_id`.
pub(crate) fn put_rendition(conn: &Connection, trash_id: u32, id: u32) -> Result<()> {
    let n = conn.execute(
        "UPDATE renditions SET trash_id = ?1 WHERE id = ?2 AND trash_id IS NULL",
        params![trash_id, id],
    )?;
    if n != 1 {
        return Err(Error::NotFound(format!("rendition {id} in the library")));
    }
    Ok(())
}

const ENTRY_COLUMNS: &str = "t.id, t.scope, t.label, t.trashed_at,
    (SELECT count(*) FROM documents d WHERE d.trash_id = t.id),
    (SELECT count(*) FROM renditions r WHERE r.trash_id = t.id)
      + (SELECT count(*) FROM renditions r JOIN documents d ON d.id = r.doc_id
         WHERE d.trash_id = t.id AND r.trash_id IS NULL),
    (SELECT count(*) FROM notes n JOIN documents d ON d.id = n.doc_id
     WHERE d.trash_id = t.id AND n.deleted_at IS NULL)";

fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<TrashEntry> {
    let scope: String = r.get(1)?;
    Ok(TrashEntry {
        id: r.get(0)?,
        scope: RemoveScope::parse(&scope).unwrap_or(RemoveScope::Document),
        label: r.get(2)?,
        trashed_at: r.get(3)?,
        documents: r.get(4)?,
        files: r.get(5)?,
        notes: r.get(6)?,
    })
}

/// What the trash holds, the latest removal first.
pub fn list(conn: &Connection) -> Result<Vec<TrashEntry>> {
    let mut st = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM trash t ORDER BY t.id DESC"
    ))?;
    let rows = st.query_map([], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One trash entry.
pub fn entry(conn: &Connection, trash_id: u32) -> Result<TrashEntry> {
    conn.query_row(
        &format!("SELECT {ENTRY_COLUMNS} FROM trash t WHERE t.id = ?1"),
        [trash_id],
        entry_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("trash entry {trash_id}")))
}

/// The documents a trash entry took, in id order.
pub(crate) fn documents_of(conn: &Connection, trash_id: u32) -> Result<Vec<u32>> {
    let mut st = conn.prepare_cached("SELECT id FROM documents WHERE trash_id = ?1 ORDER BY id")?;
    let rows = st.query_map([trash_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The renditions a trash entry took alone (their documents stayed).
pub(crate) fn renditions_of(conn: &Connection, trash_id: u32) -> Result<Vec<u32>> {
    let mut st =
        conn.prepare_cached("SELECT id FROM renditions WHERE trash_id = ?1 ORDER BY id")?;
    let rows = st.query_map([trash_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a removal kept of the state it changed (see the `trash` table).
pub(crate) fn snapshot(conn: &Connection, trash_id: u32) -> Result<Option<String>> {
    conn.query_row(
        "SELECT snapshot FROM trash WHERE id = ?1",
        [trash_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("trash entry {trash_id}")))
}

/// Takes everything of trash entry `trash_id` back into the library and
/// closes the entry. Call inside the restore's transaction.
pub(crate) fn take_back(conn: &Connection, trash_id: u32) -> Result<()> {
    conn.execute(
        "UPDATE documents SET trash_id = NULL WHERE trash_id = ?1",
        [trash_id],
    )?;
    conn.execute(
        "UPDATE renditions SET trash_id = NULL WHERE trash_id = ?1",
        [trash_id],
    )?;
    conn.execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
    Ok(())
}

/// What emptying the trash deleted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EmptiedTrash {
    /// Removals emptied.
    pub entries: u32,
    pub documents: u32,
    /// Renditions (files of documents) deleted from the database.
    pub renditions: u32,
    pub notes: u32,
    /// Stored paths (`files/…`) no rendition left uses: the files to delete
    /// once the transaction has committed.
    #[serde(skip)]
    pub unused_files: Vec<String>,
    /// Files deleted from the library folder.
    pub files_deleted: u32,
}

/// Deletes everything in the trash from the database: the documents (their
/// content and renditions with them), renditions removed alone, the notes
/// attached to the documents, and the bookmarks and stars of series left
/// with no document at all. Returns the stored paths no remaining row uses.
/// Call inside one transaction.
pub(crate) fn empty(conn: &Connection) -> Result<EmptiedTrash> {
    let mut out = EmptiedTrash {
        entries: conn.query_row("SELECT count(*) FROM trash", [], |r| r.get(0))?,
        ..Default::default()
    };
    let paths: Vec<String> = {
        let mut st = conn.prepare(
            "SELECT r.stored_path FROM renditions r LEFT JOIN documents d ON d.id = r.doc_id
             WHERE r.trash_id IS NOT NULL OR d.trash_id IS NOT NULL
             UNION SELECT stored_path FROM documents WHERE trash_id IS NOT NULL",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let series: Vec<String> = {
        let mut st =
            conn.prepare("SELECT DISTINCT series FROM documents WHERE trash_id IS NOT NULL")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    out.notes = conn.execute(
        "DELETE FROM notes WHERE doc_id IN (SELECT id FROM documents WHERE trash_id IS NOT NULL)",
        [],
    )? as u32;
    out.renditions = conn.query_row(
        "SELECT count(*) FROM renditions r JOIN documents d ON d.id = r.doc_id
         WHERE r.trash_id IS NOT NULL OR d.trash_id IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    conn.execute("DELETE FROM renditions WHERE trash_id IS NOT NULL", [])?;
    out.documents = conn.execute("DELETE FROM documents WHERE trash_id IS NOT NULL", [])? as u32;
    for s in &series {
        let left: bool = conn.query_row(
            "SELECT count(*) > 0 FROM documents WHERE series = ?1",
            [s],
            |r| r.get(0),
        )?;
        if !left {
            conn.execute("DELETE FROM bookmarks WHERE series = ?1", [s])?;
            conn.execute("DELETE FROM starred_slots WHERE series = ?1", [s])?;
        }
    }
    conn.execute("DELETE FROM trash", [])?;
    let mut used = conn.prepare(
        "SELECT (SELECT count(*) FROM renditions WHERE stored_path = ?1)
              + (SELECT count(*) FROM documents WHERE stored_path = ?1)",
    )?;
    for path in paths {
        let n: i64 = used.query_row([&path], |r| r.get(0))?;
        if n == 0 {
            super::documents::check_stored_path(conn, &path)?;
            out.unused_files.push(path);
        }
    }
    Ok(out)
}
