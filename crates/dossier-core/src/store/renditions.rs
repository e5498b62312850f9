//! The files of one document: its renditions.
//!
//! A UN document — one symbol, in one language, at one revision — is issued
//! as a Word file and a PDF, sometimes also as text. Each file the library
//! holds is a rendition of a document. The document's text is read from the
//! best of them (Word before PDF before text, unless the user chose); the
//! page view shows the PDF, and knows where each passage stands on its
//! pages ([`Places`]).

use crate::error::{Error, Result};
use crate::store::documents::StoredFile;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A file format a document is issued in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Pdf,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Text => "text",
        }
    }

    /// The format a layout was read from ("docx", "pdf", "text").
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// How good a source of the document's text it is (lower is better):
    /// Word keeps paragraphs, numbering and tables as the author wrote them;
    /// a PDF's are rebuilt from glyph positions; a text file keeps neither.
    pub fn text_rank(self) -> u8 {
        match self {
            Format::Docx => 0,
            Format::Pdf => 1,
            Format::Text => 2,
        }
    }
}

/// Where a passage stands in a PDF: the page (1-based) and how far down it
/// the passage begins (0 at the top edge, 1 at the foot).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Place {
    pub page: u32,
    pub top: f32,
}

/// Passage ("item:3(a)", "para:12", "slot:4") → where it stands.
pub type Places = BTreeMap<String, Place>;

/// One file of a document, as the reader's header lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rendition {
    pub id: u32,
    pub doc_id: u32,
    pub format: Format,
    /// The original file name.
    pub file: String,
    /// Bytes (imports are far below 4 GiB).
    pub file_size: u32,
    pub ingested_at: String,
    /// The document's text is read from this file.
    pub text_source: bool,
    /// A PDF's number of pages.
    pub pages: Option<u32>,
}

/// A new rendition's file, as copied into the library.
pub struct NewRendition<'a> {
    pub doc_id: u32,
    pub format: Format,
    pub file: &'a StoredFile,
    pub ingested_at: &'a str,
    pub pages: Option<u32>,
    pub places: &'a Places,
}

pub fn insert(conn: &Connection, r: &NewRendition) -> Result<u32> {
    conn.execute(
        "INSERT INTO renditions (doc_id, format, content_hash, file_name, stored_path, file_size,
            ingested_at, pages, places)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            r.doc_id,
            r.format.as_str(),
            r.file.content_hash,
            r.file.file_name,
            r.file.stored_path,
            r.file.file_size as i64,
            r.ingested_at,
            r.pages,
            json(r.places),
        ],
    )?;
    Ok(conn.last_insert_rowid() as u32)
}

fn json(places: &Places) -> String {
    serde_json::to_string(places).unwrap_or_else(|_| "{}".into())
}

const COLUMNS: &str = "r.id, r.doc_id, r.format, r.file_name, r.file_size, r.ingested_at,
    r.content_hash = d.content_hash, r.pages";

fn from_row(r: &Row) -> rusqlite::Result<Rendition> {
    let format: String = r.get(2)?;
    Ok(Rendition {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        format: Format::parse(&format).unwrap_or(Format::Text),
        file: r.get(3)?,
        file_size: r.get::<_, i64>(4)?.clamp(0, u32::MAX.into()) as u32,
        ingested_at: r.get(5)?,
        text_source: r.get(6)?,
        pages: r.get(7)?,
    })
}

/// A document's renditions, best text source first (not those in the trash).
pub fn of_document(conn: &Connection, doc_id: u32) -> Result<Vec<Rendition>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM renditions r JOIN documents d ON d.id = r.doc_id
         WHERE r.doc_id = ?1 AND r.trash_id IS NULL ORDER BY r.id"
    ))?;
    let mut all: Vec<Rendition> = stmt
        .query_map([doc_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    all.sort_by_key(|r| (r.format.text_rank(), r.id));
    Ok(all)
}

/// One rendition, in the library or in the trash.
pub fn get(conn: &Connection, id: u32) -> Result<Rendition> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM renditions r JOIN documents d ON d.id = r.doc_id WHERE r.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("rendition {id}")))
}

/// The document and rendition holding a file with this content hash, in
/// the library or in the trash ([`trash_of`] tells).
pub fn find_by_hash(conn: &Connection, hash: &str) -> Result<Option<(u32, u32)>> {
    Ok(conn
        .query_row(
            "SELECT doc_id, id FROM renditions WHERE content_hash = ?1",
            [hash],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The content hash of a rendition's file.
/// A stored rendition's file as the document's text source would name it;
/// `structure_hash` is that of the document read from it.
pub fn stored_file(conn: &Connection, r: &Rendition, structure_hash: String) -> Result<StoredFile> {
    Ok(StoredFile {
        file_name: r.file.clone(),
        stored_path: stored_path(conn, r.id)?,
        file_size: u64::from(r.file_size),
        content_hash: content_hash(conn, r.id)?,
        structure_hash,
    })
}

pub fn content_hash(conn: &Connection, id: u32) -> Result<String> {
    conn.query_row(
        "SELECT content_hash FROM renditions WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("rendition {id}")))
}

/// A rendition of a document in the library by its original file name (the
/// latest imported when several share it).
pub fn find_by_file_name(conn: &Connection, name: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row(
            "SELECT r.id FROM renditions r JOIN documents d ON d.id = r.doc_id
             WHERE r.file_name = ?1 AND r.trash_id IS NULL AND d.trash_id IS NULL
             ORDER BY r.id DESC LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()?)
}

/// The trash entry holding a rendition, itself or with its document; None
/// while both are in the library.
pub fn trash_of(conn: &Connection, id: u32) -> Result<Option<u32>> {
    conn.prepare_cached(
        "SELECT coalesce(r.trash_id, d.trash_id) FROM renditions r
         JOIN documents d ON d.id = r.doc_id WHERE r.id = ?1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("rendition {id}")))
}

/// Where a rendition's file is kept, relative to the library folder
/// (checked like every stored path).
pub fn stored_path(conn: &Connection, id: u32) -> Result<String> {
    let path: String = conn
        .query_row(
            "SELECT stored_path FROM renditions WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("rendition {id}")))?;
    super::documents::check_stored_path(conn, &path)?;
    Ok(path)
}

/// Where the passages of a PDF rendition stand on its pages.
pub fn places(conn: &Connection, id: u32) -> Result<Places> {
    let s: String = conn
        .query_row("SELECT places FROM renditions WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("rendition {id}")))?;
    Ok(serde_json::from_str(&s).unwrap_or_default())
}

pub fn set_places(conn: &Connection, id: u32, pages: Option<u32>, places: &Places) -> Result<()> {
    conn.execute(
        "UPDATE renditions SET pages = ?2, places = ?3 WHERE id = ?1",
        params![id, pages, json(places)],
    )?;
    Ok(())
}

/// The formats a document already has.
pub fn formats(conn: &Connection, doc_id: u32) -> Result<Vec<Format>> {
    Ok(of_document(conn, doc_id)?
        .into_iter()
        .map(|r| r.format)
        .collect())
}
