//! Writing a parsed document into the store and reading it back.
//!
//! The document is normalised into tables (agenda items, slots, references,
//! sections, paragraphs); reading it back rebuilds the same `Document`, which
//! the round-trip tests check field by field.

use crate::error::{Error, Result};
use crate::model::*;
use crate::parse::symbols;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// The original file as copied into the library folder.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub file_name: String,
    /// Relative to the library folder.
    pub stored_path: String,
    pub file_size: u64,
    pub content_hash: String,
    pub structure_hash: String,
}

/// What the library knows about one stored document, without its content.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DocumentRecord {
    pub id: u32,
    /// Documents that are issues of one another (Rev.1, Corr.1, a re-issued file) share a series.
    pub series: String,
    pub version: u32,
    /// How many versions of this series the library holds.
    pub versions: u32,
    pub latest: bool,
    /// The original file name.
    pub file: String,
    pub kind: DocumentKind,
    pub language: String,
    /// The symbol printed on the document.
    pub symbol: Option<String>,
    /// A guess, offered to the user, never taken as fact.
    pub suggested_symbol: Option<String>,
    /// The symbol the user gave the document.
    pub user_symbol: Option<String>,
    pub title: String,
    pub body: Option<String>,
    pub session: Option<String>,
    pub venue: Option<String>,
    pub dates: Option<DateRange>,
    pub ingested_at: String,
    pub meeting_id: Option<u32>,
}

impl DocumentRecord {
    /// The symbol to show and to resolve references by: the printed one, else the user's.
    pub fn effective_symbol(&self) -> Option<&str> {
        self.symbol.as_deref().or(self.user_symbol.as_deref())
    }
}

/// Footnotes, attendance and diagnostics travel together as JSON.
#[derive(Serialize, Deserialize, Default)]
struct Extra {
    #[serde(default)]
    footnotes: Vec<Footnote>,
    #[serde(default)]
    attendance: Option<Attendance>,
    #[serde(default)]
    diagnostics: Vec<String>,
}

/// The series a document belongs to: its symbol without /Rev.N or /Corr.N and
/// its language; without a printed symbol, its file name and language (a
/// re-issued file keeps its name).
pub fn series_for(doc: &Document, file_name: &str) -> String {
    match &doc.symbol {
        Some(sym) => format!("{}#{}", symbols::key(&symbols::lineage(sym)), doc.language),
        None => format!("file:{}#{}", file_name.to_lowercase(), doc.language),
    }
}

/// The hash that tells two renderings of one document apart from two documents:
/// everything parsed except the parser's diagnostics.
pub fn structure_hash(doc: &Document) -> String {
    use sha2::{Digest, Sha256};
    let mut d = doc.clone();
    d.diagnostics.clear();
    hex::encode(Sha256::digest(json(&d).as_bytes()))
}

/// Inserts a parsed document and everything in it. Call inside a transaction.
/// Returns the new document's id.
pub fn insert(
    conn: &Connection,
    doc: &Document,
    file: &StoredFile,
    meeting_id: Option<u32>,
    ingested_at: &str,
) -> Result<u32> {
    let series = series_for(doc, &file.file_name);
    // Versions in the trash count: a restored one keeps its number.
    let version: u32 = conn.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM documents WHERE series = ?1",
        [&series],
        |r| r.get(0),
    )?;
    let extra = extra_json(doc)?;
    conn.execute(
        "INSERT INTO documents (series, version, content_hash, structure_hash, file_name, stored_path, file_size,
            ingested_at, meeting_id, kind, language, symbol, symbol_key, suggested_symbol, title,
            body, parent_body, session, venue, date_start, date_end, distributed, original_language,
            job_number, extra)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
        params![
            series,
            version,
            file.content_hash,
            file.structure_hash,
            file.file_name,
            file.stored_path,
            file.file_size as i64,
            ingested_at,
            meeting_id,
            doc.kind.as_str(),
            doc.language,
            doc.symbol,
            doc.symbol.as_deref().map(symbols::key),
            doc.suggested_symbol,
            doc.title,
            doc.body,
            doc.parent_body,
            doc.session,
            doc.venue,
            doc.dates.as_ref().map(|d| d.start.clone()),
            doc.dates.as_ref().map(|d| d.end.clone()),
            doc.distributed,
            doc.original_language,
            doc.job_number,
            extra,
        ],
    )?;
    let id = conn.last_insert_rowid() as u32;
    insert_content(conn, id, doc)?;
    Ok(id)
}

/// Replaces a stored document's content with `doc`, read from another of its
/// renditions (`file`): the row keeps its id, series and version; its facts,
/// items, slots, references, sections and paragraphs become `doc`'s.
pub fn replace_content(
    conn: &Connection,
    id: u32,
    doc: &Document,
    file: &StoredFile,
    meeting_id: Option<u32>,
) -> Result<()> {
    let n = conn.execute(
        "UPDATE documents SET content_hash = ?2, structure_hash = ?3, file_name = ?4, stored_path = ?5,
            file_size = ?6, meeting_id = ?7, kind = ?8, symbol = ?9, symbol_key = ?10,
            suggested_symbol = ?11, title = ?12, body = ?13, parent_body = ?14, session = ?15,
            venue = ?16, date_start = ?17, date_end = ?18, distributed = ?19,
            original_language = ?20, job_number = ?21, extra = ?22
         WHERE id = ?1",
        params![
            id,
            file.content_hash,
            file.structure_hash,
            file.file_name,
            file.stored_path,
            file.file_size as i64,
            meeting_id,
            doc.kind.as_str(),
            doc.symbol,
            doc.symbol.as_deref().map(symbols::key),
            doc.suggested_symbol,
            doc.title,
            doc.body,
            doc.parent_body,
            doc.session,
            doc.venue,
            doc.dates.as_ref().map(|d| d.start.clone()),
            doc.dates.as_ref().map(|d| d.end.clone()),
            doc.distributed,
            doc.original_language,
            doc.job_number,
            extra_json(doc)?,
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("document {id}")));
    }
    for table in [
        "agenda_items",
        "schedule_slots",
        "refs",
        "sections",
        "paragraphs",
    ] {
        conn.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [id])?;
    }
    insert_content(conn, id, doc)
}

fn extra_json(doc: &Document) -> Result<String> {
    serde_json::to_string(&Extra {
        footnotes: doc.footnotes.clone(),
        attendance: doc.attendance.clone(),
        diagnostics: doc.diagnostics.clone(),
    })
    .map_err(|e| Error::Invalid(e.to_string()))
}

/// The rows a document's content is normalised into.
fn insert_content(conn: &Connection, id: u32, doc: &Document) -> Result<()> {
    insert_items(conn, id, None, &doc.agenda, &mut 0)?;
    insert_slots(conn, id, &doc.schedule)?;
    insert_refs(conn, id, None, &doc.references)?;
    for item in doc.items_flat() {
        insert_refs(conn, id, Some(&item.number), &item.references)?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO sections (doc_id, ord, number, title, level, role, items) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (ord, s) in doc.sections.iter().enumerate() {
        stmt.execute(params![
            id,
            ord as i64,
            s.number,
            s.title,
            s.level,
            s.role.map(role_str),
            json(&s.items)
        ])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO paragraphs (doc_id, ord, number, section, text, is_row) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    // `ord` is the block's reading-order index, the place notes and
    // bookmarks name; numbered and unnumbered blocks share the table.
    for p in doc.text_blocks() {
        stmt.execute(params![
            id,
            p.index as i64,
            p.number,
            p.section,
            p.text,
            p.row
        ])?;
    }
    Ok(())
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain data serialises")
}

fn from_json<T: for<'de> Deserialize<'de> + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn role_str(r: SectionRole) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn insert_items(
    conn: &Connection,
    doc_id: u32,
    parent: Option<i64>,
    items: &[AgendaItem],
    ord: &mut u32,
) -> Result<()> {
    for item in items {
        conn.execute(
            "INSERT INTO agenda_items (doc_id, ord, parent_id, number, title, annotation) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![doc_id, *ord, parent, item.number, item.title, item.annotation],
        )?;
        *ord += 1;
        let id = conn.last_insert_rowid();
        insert_items(conn, doc_id, Some(id), &item.children, ord)?;
    }
    Ok(())
}

fn insert_slots(conn: &Connection, doc_id: u32, slots: &[ScheduleSlot]) -> Result<()> {
    for (ord, s) in slots.iter().enumerate() {
        conn.execute(
            "INSERT INTO schedule_slots (doc_id, ord, date, start, \"end\", continued, titles, parallel, notes, lane, room, part_of_day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![doc_id, ord as i64, s.date, s.start, s.end, s.continued, json(&s.titles), json(&s.parallel), json(&s.notes), s.lane, s.room, s.part_of_day],
        )?;
        let slot_id = conn.last_insert_rowid();
        for (i, item) in s.items.iter().enumerate() {
            conn.execute(
                "INSERT INTO slot_items (slot_id, ord, item) VALUES (?1, ?2, ?3)",
                params![slot_id, i as i64, item],
            )?;
        }
    }
    Ok(())
}

fn insert_refs(
    conn: &Connection,
    doc_id: u32,
    item: Option<&str>,
    refs: &[Reference],
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO refs (doc_id, item_number, ord, symbol, symbol_key, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (ord, r) in refs.iter().enumerate() {
        stmt.execute(params![
            doc_id,
            item,
            ord as i64,
            r.symbol,
            symbols::key(&r.symbol),
            r.title
        ])?;
    }
    Ok(())
}

fn read_refs(conn: &Connection, doc_id: u32, item: Option<&str>) -> Result<Vec<Reference>> {
    let mut stmt = conn.prepare_cached(
        "SELECT symbol, title FROM refs WHERE doc_id = ?1 AND item_number IS ?2 ORDER BY ord",
    )?;
    let rows = stmt.query_map(params![doc_id, item], |r| {
        Ok(Reference {
            symbol: r.get(0)?,
            title: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Reads a stored document back in full.
pub fn load(conn: &Connection, id: u32) -> Result<Document> {
    let mut doc = conn
        .query_row(
            "SELECT kind, language, symbol, suggested_symbol, title, body, parent_body, session, venue,
                date_start, date_end, distributed, original_language, job_number, extra
             FROM documents WHERE id = ?1",
            [id],
            |r| {
                let extra: String = r.get(14)?;
                let extra: Extra = from_json(&extra);
                Ok(Document {
                    kind: DocumentKind::parse(&r.get::<_, String>(0)?).unwrap_or_default(),
                    language: r.get(1)?,
                    symbol: r.get(2)?,
                    suggested_symbol: r.get(3)?,
                    title: r.get(4)?,
                    body: r.get(5)?,
                    parent_body: r.get(6)?,
                    session: r.get(7)?,
                    venue: r.get(8)?,
                    dates: date_range(r.get(9)?, r.get(10)?),
                    distributed: r.get(11)?,
                    original_language: r.get(12)?,
                    job_number: r.get(13)?,
                    footnotes: extra.footnotes,
                    attendance: extra.attendance,
                    diagnostics: extra.diagnostics,
                    ..Document::default()
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))?;

    // Agenda items come back in insertion order; rebuild the tree by parent.
    let mut stmt = conn.prepare_cached(
        "SELECT id, parent_id, number, title, annotation FROM agenda_items WHERE doc_id = ?1 ORDER BY ord",
    )?;
    let rows: Vec<(i64, Option<i64>, AgendaItem)> = stmt
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                AgendaItem {
                    number: r.get(2)?,
                    title: r.get(3)?,
                    annotation: r.get(4)?,
                    ..AgendaItem::default()
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows_with_refs = Vec::with_capacity(rows.len());
    for (rid, parent, mut item) in rows {
        item.references = read_refs(conn, id, Some(&item.number))?;
        rows_with_refs.push((rid, parent, item));
    }
    doc.agenda = build_tree(&rows_with_refs, None);

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SLOT_COLUMNS} FROM schedule_slots WHERE doc_id = ?1 ORDER BY ord"
    ))?;
    let slots: Vec<(i64, ScheduleSlot)> = stmt
        .query_map([id], slot_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for (slot_id, mut slot) in slots {
        slot.items = slot_items(conn, slot_id)?;
        doc.schedule.push(slot);
    }

    doc.references = read_refs(conn, id, None)?;

    let mut stmt = conn.prepare_cached(
        "SELECT number, title, level, role, items FROM sections WHERE doc_id = ?1 ORDER BY ord",
    )?;
    doc.sections = stmt
        .query_map([id], |r| {
            let role: Option<String> = r.get(3)?;
            Ok(Section {
                number: r.get(0)?,
                title: r.get(1)?,
                level: r.get(2)?,
                role: role.and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok()),
                items: from_json(&r.get::<_, String>(4)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PARAGRAPH_COLUMNS} FROM paragraphs WHERE doc_id = ?1 ORDER BY ord"
    ))?;
    let blocks = stmt
        .query_map([id], paragraph_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    (doc.paragraphs, doc.unnumbered) = blocks.into_iter().partition(|p| p.number.is_some());
    Ok(doc)
}

const SLOT_COLUMNS: &str =
    "id, date, start, \"end\", continued, titles, parallel, notes, lane, room, part_of_day";

/// A slot row (its id, for its items) without its items.
fn slot_from_row(r: &Row) -> rusqlite::Result<(i64, ScheduleSlot)> {
    Ok((
        r.get(0)?,
        ScheduleSlot {
            date: r.get(1)?,
            start: r.get(2)?,
            end: r.get(3)?,
            continued: r.get(4)?,
            titles: from_json(&r.get::<_, String>(5)?),
            parallel: from_json(&r.get::<_, String>(6)?),
            notes: from_json(&r.get::<_, String>(7)?),
            lane: r.get(8)?,
            room: r.get(9)?,
            part_of_day: r.get(10)?,
            items: Vec::new(),
        },
    ))
}

fn slot_items(conn: &Connection, slot_id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT item FROM slot_items WHERE slot_id = ?1 ORDER BY ord")?;
    let items = stmt
        .query_map([slot_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

const PARAGRAPH_COLUMNS: &str = "number, section, text, ord, is_row";

fn paragraph_from_row(r: &Row) -> rusqlite::Result<Paragraph> {
    Ok(Paragraph {
        number: r.get(0)?,
        section: r.get(1)?,
        text: r.get(2)?,
        index: r.get(3)?,
        row: r.get(4)?,
    })
}

/// The facts of a document its heading passage is made of (kind, title,
/// symbol, bodies, session, venue), as `load` reads them; the rest empty.
pub fn heading_facts(conn: &Connection, id: u32) -> Result<Option<Document>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, title, symbol, parent_body, body, session, venue FROM documents WHERE id = ?1",
    )?;
    Ok(stmt
        .query_row([id], |r| {
            Ok(Document {
                kind: DocumentKind::parse(&r.get::<_, String>(0)?).unwrap_or_default(),
                title: r.get(1)?,
                symbol: r.get(2)?,
                parent_body: r.get(3)?,
                body: r.get(4)?,
                session: r.get(5)?,
                venue: r.get(6)?,
                ..Document::default()
            })
        })
        .optional()?)
}

/// Agenda item `ord` of a document (its place in the agenda read top to
/// bottom) with the documents it cites, as `load` reads it; no children.
pub fn item_at(conn: &Connection, doc_id: u32, ord: u32) -> Result<Option<AgendaItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, title, annotation FROM agenda_items WHERE doc_id = ?1 AND ord = ?2",
    )?;
    let item = stmt
        .query_row(params![doc_id, ord], |r| {
            Ok(AgendaItem {
                number: r.get(0)?,
                title: r.get(1)?,
                annotation: r.get(2)?,
                ..AgendaItem::default()
            })
        })
        .optional()?;
    let Some(mut item) = item else {
        return Ok(None);
    };
    item.references = read_refs(conn, doc_id, Some(&item.number))?;
    Ok(Some(item))
}

/// Timetable slot `ord` of a document, as `load` reads it.
pub fn slot_at(conn: &Connection, doc_id: u32, ord: u32) -> Result<Option<ScheduleSlot>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SLOT_COLUMNS} FROM schedule_slots WHERE doc_id = ?1 AND ord = ?2"
    ))?;
    let Some((slot_id, mut slot)) = stmt
        .query_row(params![doc_id, ord], slot_from_row)
        .optional()?
    else {
        return Ok(None);
    };
    slot.items = slot_items(conn, slot_id)?;
    Ok(Some(slot))
}

/// Text block `index` of a document, as `load` reads it.
pub fn paragraph_at(conn: &Connection, doc_id: u32, index: u32) -> Result<Option<Paragraph>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PARAGRAPH_COLUMNS} FROM paragraphs WHERE doc_id = ?1 AND ord = ?2"
    ))?;
    Ok(stmt
        .query_row(params![doc_id, index], paragraph_from_row)
        .optional()?)
}

fn build_tree(rows: &[(i64, Option<i64>, AgendaItem)], parent: Option<i64>) -> Vec<AgendaItem> {
    rows.iter()
        .filter(|(_, p, _)| *p == parent)
        .map(|(id, _, item)| {
            let mut item = item.clone();
            item.children = build_tree(rows, Some(*id));
            item
        })
        .collect()
}

fn date_range(start: Option<String>, end: Option<String>) -> Option<DateRange> {
    match (start, end) {
        (Some(start), Some(end)) => Some(DateRange { start, end }),
        (Some(start), None) => Some(DateRange {
            end: start.clone(),
            start,
        }),
        _ => None,
    }
}

/// A record's columns. The versions counted, and the latest among them, are
/// those in the library: a version in the trash is none of them (and a
/// document in the trash is never the latest).
const RECORD_COLUMNS: &str = "d.id, d.series, d.version,
    (SELECT count(*) FROM documents v WHERE v.series = d.series AND v.trash_id IS NULL),
    (SELECT coalesce(max(version), 0) FROM documents v
        WHERE v.series = d.series AND v.trash_id IS NULL),
    d.file_name, d.kind, d.language, d.symbol, d.suggested_symbol, d.user_symbol, d.title, d.body,
    d.session, d.venue, d.date_start, d.date_end, d.ingested_at, d.meeting_id";

fn record_from_row(r: &Row) -> rusqlite::Result<DocumentRecord> {
    let version: u32 = r.get(2)?;
    let max_version: u32 = r.get(4)?;
    let kind = DocumentKind::parse(&r.get::<_, String>(6)?).unwrap_or_default();
    let title: Option<String> = r.get(11)?;
    let body: Option<String> = r.get(12)?;
    let display = display_title(kind, title.as_deref(), body.as_deref());
    Ok(DocumentRecord {
        id: r.get(0)?,
        series: r.get(1)?,
        version,
        versions: r.get(3)?,
        latest: version == max_version,
        file: r.get(5)?,
        kind,
        language: r.get(7)?,
        symbol: r.get(8)?,
        suggested_symbol: r.get(9)?,
        user_symbol: r.get(10)?,
        title: display,
        body,
        session: r.get(13)?,
        venue: r.get(14)?,
        dates: date_range(r.get(15)?, r.get(16)?),
        ingested_at: r.get(17)?,
        meeting_id: r.get(18)?,
    })
}

/// One document's record, in the library or in the trash.
pub fn record(conn: &Connection, id: u32) -> Result<DocumentRecord> {
    // Cached: search describes every hit's document with this.
    conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM documents d WHERE d.id = ?1"
    ))?
    .query_row([id], record_from_row)
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("document {id}")))
}

/// Every document in the library (not in the trash), every version, in id order.
pub fn records(conn: &Connection) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM documents d WHERE d.trash_id IS NULL ORDER BY d.id"
    ))?;
    let rows = stmt.query_map([], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the row `d` is the latest version of its series in the library
/// (what `RECORD_COLUMNS` computes as `latest`), as an SQL condition.
pub(crate) const IS_LATEST: &str = "d.trash_id IS NULL
    AND d.version = (SELECT max(version) FROM documents v
                     WHERE v.series = d.series AND v.trash_id IS NULL)";

/// The ids of the latest version of every document in the library, in
/// order: what the index holds, without reading every record at once.
pub fn latest_ids(conn: &Connection) -> Result<Vec<u32>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT d.id FROM documents d WHERE {IS_LATEST} ORDER BY d.id"
    ))?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The latest version of each document filed under a meeting, by id.
pub fn latest_in_meeting(conn: &Connection, meeting_id: u32) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM documents d
         WHERE d.meeting_id = ?1 AND {IS_LATEST} ORDER BY d.id"
    ))?;
    let rows = stmt.query_map([meeting_id], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The first `n` latest versions, by id, filed under no meeting the library
/// holds: the head of the listing's unfiled documents.
pub fn latest_unfiled(conn: &Connection, n: usize) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM documents d
         WHERE {IS_LATEST}
           AND (d.meeting_id IS NULL OR d.meeting_id NOT IN (SELECT id FROM meetings))
         ORDER BY d.id LIMIT ?1"
    ))?;
    let rows = stmt.query_map([n as i64], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every version of a series in the library, oldest first.
pub fn versions(conn: &Connection, series: &str) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM documents d WHERE d.series = ?1 AND d.trash_id IS NULL
         ORDER BY d.version"
    ))?;
    let rows = stmt.query_map([series], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest version of a series in the library.
pub fn latest_in_series(conn: &Connection, series: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row(
            "SELECT id FROM documents WHERE series = ?1 AND trash_id IS NULL
             ORDER BY version DESC LIMIT 1",
            [series],
            |r| r.get(0),
        )
        .optional()?)
}

/// The latest document in the library carrying `symbol` (printed or given
/// by the user).
pub fn resolve_symbol(conn: &Connection, symbol: &str) -> Result<Option<u32>> {
    let key = symbols::key(symbol);
    Ok(conn
        .query_row(
            "SELECT id FROM documents WHERE (symbol_key = ?1 OR user_symbol_key = ?1)
                AND trash_id IS NULL
             ORDER BY version DESC, id DESC LIMIT 1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Where the original file of a document is kept, relative to the library
/// folder; checked by [`check_stored_path`].
pub fn stored_path(conn: &Connection, id: u32) -> Result<String> {
    let path: String = conn
        .query_row(
            "SELECT stored_path FROM documents WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
    check_stored_path(conn, &path)?;
    Ok(path)
}

/// Every original a database refers to: (stored path, original file name,
/// content hash), each path checked by [`check_stored_path`].
pub fn stored_files(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    // Every file is a rendition of its document (the text source too); a
    // database from before renditions (an older backup) names its files in
    // `documents` only. Both are read, so neither can name a file outside.
    let has_renditions: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'renditions'",
        [],
        |r| r.get(0),
    )?;
    let files = if has_renditions {
        "SELECT stored_path, file_name, content_hash FROM renditions
         UNION ALL SELECT stored_path, file_name, content_hash FROM documents"
    } else {
        "SELECT stored_path, file_name, content_hash FROM documents"
    };
    let mut st = conn.prepare(&format!(
        "SELECT stored_path, min(file_name), min(content_hash) FROM ({files})
         GROUP BY stored_path ORDER BY stored_path"
    ))?;
    let rows: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (path, _, _) in &rows {
        check_stored_path(conn, path)?;
    }
    Ok(rows)
}

/// Whether a stored path, as read from a database, names a file inside the
/// library's `files/` folder: relative, `files/…`, no `.` or `..` part, no
/// drive or stream (`:`). A database that says otherwise (a crafted or
/// damaged backup) is refused: nothing is read or written at such a path.
pub fn is_safe_stored_path(path: &str) -> bool {
    let mut parts = path.split(['/', '\\']);
    parts.next() == Some("files")
        && parts.clone().next().is_some()
        && parts.all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains(':'))
}

pub(crate) fn check_stored_path(conn: &Connection, path: &str) -> Result<()> {
    if is_safe_stored_path(path) {
        return Ok(());
    }
    Err(Error::UnsafeStoredPath {
        database: conn
            .path()
            .map(std::path::PathBuf::from)
            .unwrap_or_default(),
        stored_path: path.to_string(),
    })
}

/// The trash entry holding a document; None while it is in the library.
pub fn trash_of(conn: &Connection, id: u32) -> Result<Option<u32>> {
    conn.prepare_cached("SELECT trash_id FROM documents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))
}

/// Sets (or clears) the symbol the user gives a document that prints none.
pub fn set_user_symbol(conn: &Connection, id: u32, symbol: Option<&str>) -> Result<()> {
    let symbol = symbol.map(str::trim).filter(|s| !s.is_empty());
    let n = conn.execute(
        "UPDATE documents SET user_symbol = ?2, user_symbol_key = ?3 WHERE id = ?1",
        params![id, symbol, symbol.map(symbols::key)],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("document {id}")));
    }
    Ok(())
}

/// The format the user chose to read a document's text from, if any.
pub fn text_format(conn: &Connection, id: u32) -> Result<Option<super::renditions::Format>> {
    let s: Option<String> = conn
        .query_row(
            "SELECT text_format FROM documents WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
    Ok(s.as_deref().and_then(super::renditions::Format::parse))
}

/// Records the user's choice of text source (`None`: the best one).
pub fn set_text_format(
    conn: &Connection,
    id: u32,
    format: Option<super::renditions::Format>,
) -> Result<()> {
    conn.execute(
        "UPDATE documents SET text_format = ?2 WHERE id = ?1",
        params![id, format.map(|f| f.as_str())],
    )?;
    Ok(())
}

/// A language the library holds a document in.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LanguageVersion {
    pub language: String,
    /// The document in that language: the same revision where the library
    /// has it, else the latest one.
    pub id: u32,
}

/// The languages a document's symbol is held in (its own included), in the
/// UN's order: Arabic, Chinese, English, French, Russian, Spanish. A
/// document without a symbol has only its own.
pub fn language_versions(
    conn: &Connection,
    record: &DocumentRecord,
) -> Result<Vec<LanguageVersion>> {
    let own = LanguageVersion {
        language: record.language.clone(),
        id: record.id,
    };
    let Some((lineage, _)) = record.series.rsplit_once('#') else {
        return Ok(vec![own]);
    };
    if lineage.starts_with("file:") {
        return Ok(vec![own]);
    }
    let symbol_key = record.symbol.as_deref().map(symbols::key);
    let mut st = conn.prepare_cached(
        "SELECT id, language, symbol_key FROM documents
         WHERE substr(series, 1, length(?1) + 1) = ?1 || '#' AND trash_id IS NULL
         ORDER BY version DESC, id DESC",
    )?;
    let rows: Vec<(u32, String, Option<String>)> = st
        .query_map([lineage], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // Per language: the newest version of the same revision, else the newest.
    let mut out: Vec<(LanguageVersion, bool)> = Vec::new();
    for (id, language, key) in &rows {
        if language == &record.language {
            continue;
        }
        let same_revision = symbol_key.is_some() && key == &symbol_key;
        match out.iter_mut().find(|(l, _)| &l.language == language) {
            Some((l, exact)) if same_revision && !*exact => {
                l.id = *id;
                *exact = true;
            }
            Some(_) => {}
            None => out.push((
                LanguageVersion {
                    language: language.clone(),
                    id: *id,
                },
                same_revision,
            )),
        }
    }
    let mut out: Vec<LanguageVersion> = out.into_iter().map(|(l, _)| l).collect();
    out.push(own);
    const ORDER: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];
    out.sort_by_key(|l| {
        ORDER
            .iter()
            .position(|o| *o == l.language)
            .unwrap_or(ORDER.len())
    });
    Ok(out)
}
