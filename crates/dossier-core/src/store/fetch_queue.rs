//! The fetch queue: documents asked for from the UN's document system, each
//! kept until it has its outcome. A fetch cut short (the laptop closed, the
//! program killed) leaves the rest pending, and the next fetch resumes them.
//! One row per symbol and language: asking again for a document re-queues
//! its row instead of adding a second.

use super::renditions::Format;
use crate::error::Result;
use crate::parse::symbols;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Which files of a document to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FetchFormats {
    /// The Word file, else the PDF: one file to read.
    #[default]
    WordElsePdf,
    Word,
    Pdf,
    /// Both: the Word file to read, the PDF for the page view.
    Both,
}

impl FetchFormats {
    pub fn as_str(self) -> &'static str {
        match self {
            FetchFormats::WordElsePdf => "word_else_pdf",
            FetchFormats::Word => "word",
            FetchFormats::Pdf => "pdf",
            FetchFormats::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<FetchFormats> {
        Some(match s {
            "word_else_pdf" => FetchFormats::WordElsePdf,
            "word" => FetchFormats::Word,
            "pdf" => FetchFormats::Pdf,
            "both" => FetchFormats::Both,
            _ => return None,
        })
    }

    /// The formats to ask for, in order.
    pub fn order(self) -> &'static [Format] {
        match self {
            FetchFormats::WordElsePdf | FetchFormats::Both => &[Format::Docx, Format::Pdf],
            FetchFormats::Word => &[Format::Docx],
            FetchFormats::Pdf => &[Format::Pdf],
        }
    }

    /// Whether every format of [`FetchFormats::order`] is wanted, not just the first there is.
    pub fn wants_all(self) -> bool {
        self == FetchFormats::Both
    }
}

/// What came of one document in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FetchOutcome {
    /// It arrived and was imported (`formats` says which files).
    Fetched,
    /// The document exists, but not in that language: the service has it in
    /// others only, or sent another language's file instead (`detail`).
    NotInLanguage,
    /// The service has no document with that symbol.
    NotFound,
    /// The library has it in that language already (`document_id`).
    Skipped,
    /// It could not be fetched; `detail` says why. It stays queued when the
    /// cause may pass (offline, out of time, cancelled).
    Failed,
}

/// The outcome of one document in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchResult {
    pub symbol: String,
    pub language: String,
    pub outcome: FetchOutcome,
    /// The library document it is (fetched or skipped).
    pub document_id: Option<u32>,
    /// The files that arrived.
    pub formats: Vec<Format>,
    /// Why it failed, or what was sent instead (English, for the log and the CLI).
    pub detail: Option<String>,
}

/// A document waiting in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedFetch {
    pub id: i64,
    pub symbol: String,
    pub language: String,
    pub formats: FetchFormats,
    pub meeting_id: Option<u32>,
}

/// Queues `symbol` in `language` (again, if it was done before). Returns its row.
pub fn enqueue(
    conn: &Connection,
    symbol: &str,
    language: &str,
    formats: FetchFormats,
    meeting_id: Option<u32>,
    now: &str,
) -> Result<i64> {
    let id = conn.query_row(
        "INSERT INTO fetch_queue (symbol, symbol_key, language, formats, meeting_id, state, queued_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6)
         ON CONFLICT (symbol_key, language) DO UPDATE SET
            symbol = excluded.symbol, formats = excluded.formats,
            meeting_id = coalesce(excluded.meeting_id, meeting_id),
            state = 'pending', outcome = NULL, finished_at = NULL,
            queued_at = CASE WHEN state = 'pending' THEN queued_at ELSE excluded.queued_at END
         RETURNING id",
        params![
            symbol,
            symbols::key(symbol),
            language,
            formats.as_str(),
            meeting_id,
            now
        ],
        |r| r.get(0),
    )?;
    Ok(id)
}

/// Everything still pending, oldest first.
pub fn pending(conn: &Connection) -> Result<Vec<QueuedFetch>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, symbol, language, formats, meeting_id FROM fetch_queue
         WHERE state = 'pending' ORDER BY queued_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let formats: String = r.get(3)?;
        Ok(QueuedFetch {
            id: r.get(0)?,
            symbol: r.get(1)?,
            language: r.get(2)?,
            formats: FetchFormats::parse(&formats).unwrap_or_default(),
            meeting_id: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a row's outcome: it leaves the queue.
pub fn finish(conn: &Connection, id: i64, result: &FetchResult, now: &str) -> Result<()> {
    let outcome =
        serde_json::to_string(result).map_err(|e| crate::Error::Invalid(e.to_string()))?;
    conn.execute(
        "UPDATE fetch_queue SET state = 'done', outcome = ?2, finished_at = ?3 WHERE id = ?1",
        params![id, outcome, now],
    )?;
    Ok(())
}

/// The outcome a row came to, if it is done.
pub fn outcome(conn: &Connection, id: i64) -> Result<Option<FetchResult>> {
    let json: Option<Option<String>> = conn
        .query_row(
            "SELECT outcome FROM fetch_queue WHERE id = ?1 AND state = 'done'",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json
        .flatten()
        .and_then(|j| serde_json::from_str::<FetchResult>(&j).ok()))
}

/// A setting of the library, if set.
pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
