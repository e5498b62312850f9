//! Meetings: the documents of one session of one body, grouped.
//!
//! A document joins a meeting by its symbol's stem (`CAC/COSP/WG.2/2024/3` is
//! a document of `CAC/COSP/WG.2/2024`, a printed or suggested symbol), else by
//! body and meeting dates, else by body and session. A meeting lists the
//! documents its agendas reference, each resolved to a library document by
//! symbol or marked missing.

use super::documents::{self, DocumentRecord};
use crate::calendar::{self, ZoneSource};
use crate::error::{Error, Result};
use crate::model::{DateRange, Document, DocumentKind};
use crate::parse::symbols;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// A reference of a meeting's agenda, resolved against the library.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingReference {
    pub symbol: String,
    pub title: Option<String>,
    /// The library document with this symbol; null when it is still missing.
    pub document_id: Option<u32>,
}

/// One meeting with its documents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingSummary {
    pub id: u32,
    pub key: String,
    pub body: Option<String>,
    pub parent_body: Option<String>,
    pub session: Option<String>,
    pub venue: Option<String>,
    pub dates: Option<DateRange>,
    /// The IANA zone the meeting's times are in: the user's, else the venue's.
    pub time_zone: Option<String>,
    pub zone_source: ZoneSource,
    /// The latest version of each document of the meeting: agendas first, then reports, then others.
    pub documents: Vec<DocumentRecord>,
    /// How many documents the meeting's agendas cite (`references` lists them).
    pub reference_count: u32,
    /// How many of those the library does not hold yet.
    pub missing_count: u32,
}

/// The whole library as the library pane shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LibraryListing {
    /// Newest meeting first.
    pub meetings: Vec<MeetingSummary>,
    /// Documents that belong to no meeting that could be recognised.
    pub unfiled: Vec<DocumentRecord>,
}

/// The grouping key of the meeting a document belongs to, if one can be told.
pub fn meeting_key(doc: &Document) -> Option<String> {
    let symbol = doc.symbol.as_deref().or(doc.suggested_symbol.as_deref());
    if let Some(sym) = symbol {
        let stem = symbol_stem(sym);
        // "A/81" is a whole General Assembly session; still a sound group.
        if stem.contains('/') {
            return Some(format!("symbol:{}", symbols::key(&stem)));
        }
    }
    let body = doc.body.as_deref().map(normalise)?;
    if let Some(d) = &doc.dates {
        return Some(format!("body:{body}|{}", d.start));
    }
    doc.session
        .as_deref()
        .map(|s| format!("body:{body}|{}", normalise(s)))
}

/// `CAC/COSP/WG.2/2024/3/Add.1` → `CAC/COSP/WG.2/2024`.
fn symbol_stem(sym: &str) -> String {
    let base = symbols::strip_part(&symbols::lineage(sym)).to_string();
    // Drop a parenthesised part such as "A/81/6 (Sect. 13)" before cutting.
    let base = base.split(" (").next().unwrap_or(&base).to_string();
    match base.rfind('/') {
        Some(i) => base[..i].to_string(),
        None => base,
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the document's meeting, creating it when new; fills in facts the
/// meeting did not know yet. Call inside the ingest transaction.
pub fn find_or_create(conn: &Connection, doc: &Document) -> Result<Option<u32>> {
    let Some(key) = meeting_key(doc) else {
        return Ok(None);
    };
    let existing: Option<u32> = conn
        .query_row("SELECT id FROM meetings WHERE key = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()?;
    // A document without a symbol joins a meeting found by symbol when the
    // body and the dates agree.
    let existing = match existing {
        Some(id) => Some(id),
        None => match (&doc.body, &doc.dates) {
            (Some(body), Some(d)) => conn
                .query_row(
                    "SELECT id FROM meetings WHERE body = ?1 AND date_start = ?2 AND date_end = ?3",
                    params![body, d.start, d.end],
                    |r| r.get(0),
                )
                .optional()?,
            _ => None,
        },
    };
    let start = doc.dates.as_ref().map(|d| d.start.clone());
    let end = doc.dates.as_ref().map(|d| d.end.clone());
    match existing {
        Some(id) => {
            conn.execute(
                "UPDATE meetings SET body = coalesce(body, ?2), parent_body = coalesce(parent_body, ?3),
                    session = coalesce(session, ?4), venue = coalesce(venue, ?5),
                    date_start = coalesce(date_start, ?6), date_end = coalesce(date_end, ?7)
                 WHERE id = ?1",
                params![id, doc.body, doc.parent_body, doc.session, doc.venue, start, end],
            )?;
            Ok(Some(id))
        }
        None => {
            conn.execute(
                "INSERT INTO meetings (key, body, parent_body, session, venue, date_start, date_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![key, doc.body, doc.parent_body, doc.session, doc.venue, start, end],
            )?;
            Ok(Some(conn.last_insert_rowid() as u32))
        }
    }
}

fn kind_rank(k: DocumentKind) -> u8 {
    match k {
        DocumentKind::Agenda => 0,
        DocumentKind::Report => 1,
        DocumentKind::Other => 2,
    }
}

/// The library grouped into meetings, newest first.
pub fn listing(conn: &Connection) -> Result<LibraryListing> {
    let all = documents::records(conn)?;
    let resolver = SymbolResolver::new(&all);
    let latest: Vec<DocumentRecord> = all.into_iter().filter(|d| d.latest).collect();
    let mut meetings = meeting_rows(conn)?;
    let mut unfiled = Vec::new();
    let at: std::collections::HashMap<u32, usize> = meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i))
        .collect();
    for d in latest {
        match d.meeting_id.and_then(|id| at.get(&id)) {
            Some(&i) => meetings[i].documents.push(d),
            None => unfiled.push(d),
        }
    }
    meetings.retain(|m| !m.documents.is_empty());
    let mut zones = Zones::default();
    for m in &mut meetings {
        complete(conn, m, &mut zones, &mut |s| Ok(resolver.resolve(s)))?;
    }
    sort_newest_first(&mut meetings);
    Ok(LibraryListing { meetings, unfiled })
}

/// The listing's first `n` meetings and its first `n` unfiled documents,
/// as [`listing`] has them, read without the rest of the library: the
/// meetings that hold a document, then only the documents of the first
/// `n`, each citation resolved by a query of its own.
pub fn listing_head(conn: &Connection, n: usize) -> Result<LibraryListing> {
    // The meetings some latest version of a document is filed under.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT d.meeting_id FROM documents d
         WHERE d.meeting_id IS NOT NULL AND {}",
        documents::IS_LATEST
    ))?;
    let held: std::collections::HashSet<u32> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut meetings = meeting_rows(conn)?;
    meetings.retain(|m| held.contains(&m.id));
    sort_newest_first(&mut meetings);
    meetings.truncate(n);
    let mut zones = Zones::default();
    for m in &mut meetings {
        m.documents = documents::latest_in_meeting(conn, m.id)?;
        complete(conn, m, &mut zones, &mut |s| {
            documents::resolve_symbol(conn, s)
        })?;
    }
    let unfiled = documents::latest_unfiled(conn, n)?;
    Ok(LibraryListing { meetings, unfiled })
}

/// Every meeting row, without its documents.
fn meeting_rows(conn: &Connection) -> Result<Vec<MeetingSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, key, body, parent_body, session, venue, date_start, date_end, time_zone FROM meetings",
    )?;
    let meetings = stmt
        .query_map([], |r| {
            let start: Option<String> = r.get(6)?;
            let end: Option<String> = r.get(7)?;
            Ok(MeetingSummary {
                id: r.get(0)?,
                key: r.get(1)?,
                body: r.get(2)?,
                parent_body: r.get(3)?,
                session: r.get(4)?,
                venue: r.get(5)?,
                dates: start.map(|s| DateRange {
                    end: end.unwrap_or_else(|| s.clone()),
                    start: s,
                }),
                time_zone: r.get(8)?,
                zone_source: ZoneSource::Unknown,
                documents: Vec::new(),
                reference_count: 0,
                missing_count: 0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(meetings)
}

/// Meetings share a few venues: each zone is looked up once.
type Zones =
    std::collections::HashMap<(Option<String>, Option<String>), (Option<String>, ZoneSource)>;

/// A meeting with its documents in: its zone, its documents in order
/// (agendas, reports, others), and the counts of what its agendas cite.
fn complete(
    conn: &Connection,
    m: &mut MeetingSummary,
    zones: &mut Zones,
    resolve: &mut dyn FnMut(&str) -> Result<Option<u32>>,
) -> Result<()> {
    let key = (m.time_zone.take(), m.venue.clone());
    (m.time_zone, m.zone_source) = zones
        .entry(key)
        .or_insert_with_key(|(zone, venue)| {
            calendar::meeting_zone(zone.as_deref(), venue.as_deref())
        })
        .clone();
    m.documents
        .sort_by_key(|d| (kind_rank(d.kind), d.language.clone(), d.id));
    let refs = cited(conn, &m.documents, resolve)?;
    m.reference_count = refs.len() as u32;
    m.missing_count = refs.iter().filter(|r| r.document_id.is_none()).count() as u32;
    Ok(())
}

/// Newest first by first day, then by id.
fn sort_newest_first(meetings: &mut [MeetingSummary]) {
    meetings.sort_by(|a, b| {
        let da = a.dates.as_ref().map(|d| d.start.as_str()).unwrap_or("");
        let db = b.dates.as_ref().map(|d| d.start.as_str()).unwrap_or("");
        db.cmp(da).then(b.id.cmp(&a.id))
    });
}

/// Everything a meeting's agendas cite, in order, each resolved against the
/// library or marked missing (the listing sends only the counts).
pub fn references(conn: &Connection, meeting_id: u32) -> Result<Vec<MeetingReference>> {
    let all = documents::records(conn)?;
    let resolver = SymbolResolver::new(&all);
    let docs: Vec<DocumentRecord> = all
        .into_iter()
        .filter(|d| d.latest && d.meeting_id == Some(meeting_id))
        .collect();
    if docs.is_empty() {
        return Err(Error::NotFound(format!("meeting {meeting_id}")));
    }
    cited(conn, &docs, &mut |s| Ok(resolver.resolve(s)))
}

/// Symbol key → the library document it names, as `documents::resolve_symbol`
/// decides (printed or user symbol, latest version), built once for a listing
/// instead of one query per reference.
struct SymbolResolver(std::collections::HashMap<String, u32>);

impl SymbolResolver {
    /// From every record, all versions.
    fn new(all: &[DocumentRecord]) -> SymbolResolver {
        let mut by_version: Vec<&DocumentRecord> = all.iter().collect();
        // The latest version wins, then the highest id.
        by_version.sort_by_key(|d| (d.version, d.id));
        let mut map = std::collections::HashMap::new();
        for d in by_version {
            for s in [d.symbol.as_deref(), d.user_symbol.as_deref()]
                .into_iter()
                .flatten()
            {
                map.insert(symbols::key(s), d.id);
            }
        }
        SymbolResolver(map)
    }

    fn resolve(&self, symbol: &str) -> Option<u32> {
        self.0.get(&symbols::key(symbol)).copied()
    }
}

/// The documents cited by the agendas among `docs` (agendas first, in order),
/// without repeats and without the agendas citing themselves.
fn cited(
    conn: &Connection,
    docs: &[DocumentRecord],
    resolve: &mut dyn FnMut(&str) -> Result<Option<u32>>,
) -> Result<Vec<MeetingReference>> {
    let mut refs_stmt = conn.prepare_cached(
        "SELECT symbol, title FROM refs WHERE doc_id = ?1 AND item_number IS NULL ORDER BY ord",
    )?;
    let mut out: Vec<MeetingReference> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut agendas: Vec<&DocumentRecord> = docs
        .iter()
        .filter(|d| d.kind == DocumentKind::Agenda)
        .collect();
    agendas.sort_by_key(|d| (d.language.clone(), d.id));
    for d in agendas {
        let own: Vec<String> = [d.effective_symbol(), d.suggested_symbol.as_deref()]
            .into_iter()
            .flatten()
            .map(symbols::key)
            .collect();
        let refs: Vec<(String, Option<String>)> = refs_stmt
            .query_map([d.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (symbol, title) in refs {
            let key = symbols::key(&symbol);
            if own.contains(&key) || !seen.insert(key) {
                continue; // the agenda citing itself, or cited already
            }
            out.push(MeetingReference {
                document_id: resolve(&symbol)?,
                symbol,
                title,
            });
        }
    }
    Ok(out)
}

/// The zone a meeting's times are in, and where it comes from.
pub fn zone(conn: &Connection, meeting_id: u32) -> Result<(Option<String>, ZoneSource)> {
    let (user, venue): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT time_zone, venue FROM meetings WHERE id = ?1",
            [meeting_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("meeting {meeting_id}")))?;
    Ok(calendar::meeting_zone(user.as_deref(), venue.as_deref()))
}

/// Sets the zone of a meeting (an IANA name such as "Europe/Vienna"), or
/// clears it to fall back on the venue's.
pub fn set_time_zone(conn: &Connection, meeting_id: u32, zone: Option<&str>) -> Result<()> {
    let zone = zone.map(str::trim).filter(|z| !z.is_empty());
    if let Some(z) = zone {
        calendar::venues::check_zone(z)?;
    }
    let n = conn.execute(
        "UPDATE meetings SET time_zone = ?2 WHERE id = ?1",
        params![meeting_id, zone],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("meeting {meeting_id}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_stems_group_a_session() {
        assert_eq!(
            symbol_stem("CAC/COSP/WG.2/2024/3/Add.1"),
            "CAC/COSP/WG.2/2024"
        );
        assert_eq!(symbol_stem("CAC/COSP/2019/1/Rev.1"), "CAC/COSP/2019");
        assert_eq!(symbol_stem("A/81/6 (Sect. 13)"), "A/81");
    }
}
