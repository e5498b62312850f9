//! An agenda item's history: the same item at every session of its body
//! (and of the body above or below it: a working group and its conference)
//! the library holds, newest first, each with its annotation, the documents
//! before the meeting, the report's section on it with its conclusions, and
//! the user's notes. See `crate::history` for how items are matched.

use super::Library;
use crate::annotations::exchange::ExportedDocument;
use crate::annotations::Note;
use crate::error::{Error, Result};
use crate::history::adopted::{self, AgendaChanges};
use crate::history::matching::{self, Agenda, Item, ItemRef};
use crate::model::{Document, DocumentKind, Reference, SectionRole};
use crate::store::documents::{self, DocumentRecord};
use serde::{Deserialize, Serialize};

/// Where a session's report discusses the item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportSection {
    pub document_id: u32,
    pub symbol: Option<String>,
    /// The item's number in the agenda as adopted.
    pub item: String,
    pub section_index: u32,
    pub section: String,
    /// The section's first text block (`para:{index}`), to open it at.
    pub first_paragraph: Option<u32>,
    /// Its conclusions and recommendations, where the report labels them.
    pub conclusions: Vec<String>,
}

/// The item at one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistorySession {
    /// "Working Group on Asset Recovery · 2024".
    pub meeting: Option<String>,
    /// The session's first day (ISO).
    pub date: Option<String>,
    /// The agenda shown (in the language asked for when the library has it);
    /// a report's adopted agenda when no agenda is held.
    pub document_id: u32,
    pub symbol: Option<String>,
    pub language: String,
    pub number: String,
    pub title: String,
    pub annotation: String,
    /// The documents before the meeting on the item, and whether the
    /// library holds each (its id).
    pub references: Vec<HistoryReference>,
    pub report: Option<ReportSection>,
    /// The user's notes on the item's annotation and on the report's section.
    pub notes: Vec<Note>,
    /// The session of the item asked about.
    pub current: bool,
    /// The user said this is the same item as the one asked about.
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryReference {
    pub symbol: String,
    pub title: Option<String>,
    pub document_id: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ItemHistory {
    pub number: String,
    pub title: String,
    /// Newest first.
    pub sessions: Vec<HistorySession>,
}

/// One agenda or report the history reads.
struct Held {
    record: DocumentRecord,
    document: Document,
    session: u32,
}

impl Library {
    /// The history of agenda item `item` of document `doc_id` (an agenda, or
    /// a report's adopted agenda).
    pub fn item_history(&self, doc_id: u32, item: &str) -> Result<ItemHistory> {
        let held = self.history_documents(doc_id)?;
        let asked = held
            .iter()
            .find(|h| h.record.id == doc_id)
            .ok_or_else(|| Error::NotFound(format!("document {doc_id}")))?;
        let Some(found) = asked
            .document
            .items_flat()
            .into_iter()
            .find(|i| i.number == item)
            .cloned()
        else {
            return Err(Error::NotFound(format!("agenda item {item}")));
        };
        let language = asked.record.language.clone();
        let asked_session = asked.session;
        let verdicts = self.verdicts(&held)?;
        let key: ItemRef = (doc_id, item.to_string());
        let group = group_of(&held, &verdicts, &key);
        let conn = self.store.reader();
        let notes = crate::annotations::notes(&conn, None)?;
        let mut sessions: Vec<HistorySession> = Vec::new();
        let mut session_ids: Vec<u32> = group
            .iter()
            .filter_map(|(d, _)| held.iter().find(|h| h.record.id == *d).map(|h| h.session))
            .collect();
        session_ids.sort();
        session_ids.dedup();
        for s in session_ids {
            let members: Vec<(&Held, &str)> = group
                .iter()
                .filter_map(|(d, n)| {
                    held.iter()
                        .find(|h| h.record.id == *d && h.session == s)
                        .map(|h| (h, n.as_str()))
                })
                .collect();
            // The agenda shown: a provisional one in the language asked for, else any.
            let rank = |h: &Held| {
                (
                    h.record.kind != DocumentKind::Agenda,
                    h.record.language != language,
                )
            };
            let Some(&(shown, number)) = members.iter().min_by_key(|(h, _)| rank(h)) else {
                continue;
            };
            let Some(it) = shown
                .document
                .items_flat()
                .into_iter()
                .find(|i| i.number == number)
            else {
                continue;
            };
            let report = members
                .iter()
                .filter(|(h, _)| h.record.kind == DocumentKind::Report)
                .min_by_key(|(h, _)| h.record.language != language)
                .and_then(|(h, n)| report_section(h, n));
            let mut mine: Vec<Note> = notes
                .iter()
                .filter(|n| {
                    n.series == shown.record.series && n.anchor.passage == format!("item:{number}")
                })
                .cloned()
                .collect();
            if let Some(r) = &report {
                if let Some(h) = held.iter().find(|h| h.record.id == r.document_id) {
                    let within = section_blocks(&h.document, r.section_index as usize);
                    mine.extend(
                        notes
                            .iter()
                            .filter(|n| {
                                n.series == h.record.series
                                    && n.anchor
                                        .passage
                                        .strip_prefix("para:")
                                        .and_then(|i| i.parse::<u32>().ok())
                                        .is_some_and(|i| within.contains(&i))
                            })
                            .cloned(),
                    );
                }
            }
            let references = it
                .references
                .iter()
                .map(|r: &Reference| HistoryReference {
                    symbol: r.symbol.clone(),
                    title: r.title.clone(),
                    document_id: documents::resolve_symbol(&conn, &r.symbol).ok().flatten(),
                })
                .collect();
            let rec = &shown.record;
            sessions.push(HistorySession {
                meeting: ExportedDocument::meeting_name(
                    rec.body.as_deref(),
                    rec.session.as_deref(),
                    rec.dates.as_ref().map(|d| d.start.as_str()),
                ),
                date: rec
                    .dates
                    .as_ref()
                    .map(|d| d.start.clone())
                    .or(shown.document.distributed.clone()),
                document_id: rec.id,
                symbol: rec
                    .effective_symbol()
                    .or(rec.suggested_symbol.as_deref())
                    .map(str::to_string),
                language: rec.language.clone(),
                number: it.number.clone(),
                title: it.title.clone(),
                annotation: it.annotation.clone(),
                references,
                report,
                notes: mine,
                current: s == asked_session,
                confirmed: verdicts.iter().any(|v| {
                    let here = (rec.id, it.number.clone());
                    v.same && (v.a == key && v.b == here || v.b == key && v.a == here)
                }),
            });
        }
        sessions.sort_by(|a, b| b.date.cmp(&a.date));
        Ok(ItemHistory {
            number: found.number,
            title: found.title,
            sessions,
        })
    }

    /// Every group of same items among the agendas (and reports' adopted
    /// agendas) of the document's body and the bodies above and below it:
    /// (document id, item number), each item in exactly one group.
    pub fn same_item_groups(&self, doc_id: u32) -> Result<Vec<Vec<(u32, String)>>> {
        let held = self.history_documents(doc_id)?;
        let agendas: Vec<Agenda> = held.iter().map(agenda_of).collect();
        Ok(matching::same_items(&agendas, &self.verdicts(&held)?))
    }

    /// Records the user's word on two items of different sessions: the same
    /// item (`Some(true)`), different items (`Some(false)`), or no word
    /// (`None`: the matching decides again). Kept by series, so it holds for
    /// every version of the two documents.
    pub fn set_item_verdict(
        &self,
        a: (u32, &str),
        b: (u32, &str),
        same: Option<bool>,
    ) -> Result<()> {
        let conn = self.store.reader();
        let (sa, sb) = (
            documents::record(&conn, a.0)?.series,
            documents::record(&conn, b.0)?.series,
        );
        drop(conn);
        // One row per unordered pair.
        let (x, y) = if (sa.as_str(), a.1) <= (sb.as_str(), b.1) {
            ((sa, a.1), (sb, b.1))
        } else {
            ((sb, b.1), (sa, a.1))
        };
        let w = self.store.writer();
        match same {
            Some(same) => w.execute(
                "INSERT INTO item_verdicts (a_series, a_item, b_series, b_item, same, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (a_series, a_item, b_series, b_item) DO UPDATE SET same = ?5, decided_at = ?6",
                rusqlite::params![x.0, x.1, y.0, y.1, same, crate::annotations::now()],
            )?,
            None => w.execute(
                "DELETE FROM item_verdicts WHERE a_series = ?1 AND a_item = ?2 AND b_series = ?3 AND b_item = ?4",
                rusqlite::params![x.0, x.1, y.0, y.1],
            )?,
        };
        Ok(())
    }

    /// The user's verdicts on items of these documents, by document id.
    fn verdicts(&self, held: &[Held]) -> Result<Vec<matching::Verdict>> {
        let conn = self.store.reader();
        let mut st =
            conn.prepare("SELECT a_series, a_item, b_series, b_item, same FROM item_verdicts")?;
        let rows: Vec<(String, String, String, String, bool)> = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let id = |series: &str| {
            held.iter()
                .find(|h| h.record.series == series)
                .map(|h| h.record.id)
        };
        Ok(rows
            .into_iter()
            .filter_map(|(sa, ia, sb, ib, same)| {
                Some(matching::Verdict {
                    a: (id(&sa)?, ia),
                    b: (id(&sb)?, ib),
                    same,
                })
            })
            .collect())
    }

    /// A search within one item's places in all sessions: the hits of the
    /// whole library, kept when they stand in an annotation of the item (in
    /// any agenda of its group) or in a report's section on it.
    pub(super) fn search_item_in_all_sessions(
        &self,
        req: &crate::search::SearchRequest,
        scope: &crate::search::ItemScope,
    ) -> Result<Vec<crate::search::SearchHit>> {
        let held = self.history_documents(scope.document)?;
        let key: ItemRef = (scope.document, scope.item.clone());
        let group = group_of(&held, &self.verdicts(&held)?, &key);
        let mut items: std::collections::HashSet<(u32, String)> = std::collections::HashSet::new();
        let mut paragraphs: std::collections::HashSet<(u32, u32)> =
            std::collections::HashSet::new();
        for (doc, number) in &group {
            let Some(h) = held.iter().find(|h| h.record.id == *doc) else {
                continue;
            };
            if h.record.kind == DocumentKind::Report {
                if let Some(r) = report_section(h, number) {
                    for i in section_blocks(&h.document, r.section_index as usize) {
                        paragraphs.insert((*doc, i));
                    }
                }
            } else {
                items.insert((*doc, number.clone()));
            }
        }
        let limit = req.limit.unwrap_or(50).clamp(1, 500);
        let wide = crate::search::SearchRequest {
            item_in_all_sessions: None,
            document: None,
            item: None,
            limit: Some(1000),
            ..req.clone()
        };
        let mut hits = self.search(&wide)?;
        hits.retain(|h| {
            let d = h.document.id;
            h.location
                .item
                .as_ref()
                .is_some_and(|n| h.location.slot.is_none() && items.contains(&(d, n.clone())))
                || h.location
                    .paragraph
                    .is_some_and(|p| paragraphs.contains(&(d, p)))
        });
        hits.truncate(limit as usize);
        Ok(hits)
    }

    /// What adoption changed in a session's provisional agenda, when the
    /// library holds the agenda and the session's report in one language.
    pub fn agenda_changes(&self, doc_id: u32) -> Result<Option<(u32, AgendaChanges)>> {
        // Asked on every opening of a document: the session's documents only.
        let held = self.session_documents(doc_id)?;
        let Some(me) = held.iter().find(|h| h.record.id == doc_id) else {
            return Ok(None);
        };
        let other_kind = if me.record.kind == DocumentKind::Report {
            DocumentKind::Agenda
        } else {
            DocumentKind::Report
        };
        let Some(other) = held.iter().find(|h| {
            h.session == me.session
                && h.record.kind == other_kind
                && h.record.language == me.record.language
                && !h.document.agenda.is_empty()
        }) else {
            return Ok(None);
        };
        let (provisional, report) = if me.record.kind == DocumentKind::Report {
            (other, me)
        } else {
            (me, other)
        };
        Ok(Some((
            other.record.id,
            adopted::changes(
                &provisional.document.agenda,
                &report.document.agenda,
                &me.record.language,
            ),
        )))
    }

    /// The latest agendas and reports of the document's body, of the body
    /// above it and of the bodies below it, with their sessions.
    fn history_documents(&self, doc_id: u32) -> Result<Vec<Held>> {
        let conn = self.store.reader();
        let record = documents::record(&conn, doc_id)?;
        let me = documents::load(&conn, doc_id)?;
        let Some(body) = record.body.clone() else {
            return Ok(vec![Held {
                session: session_of(&record),
                record,
                document: me,
            }]);
        };
        let parent = me.parent_body.clone().unwrap_or_default();
        // The body's name is in each document's language: its other
        // languages are found through the meetings its documents are in,
        // and through its symbols' stem ("CAC/COSP/WG.2/…" in every language).
        let stem = record
            .effective_symbol()
            .or(record.suggested_symbol.as_deref())
            .and_then(crate::history::similarity::symbol_stem)
            .unwrap_or_default();
        let mut st = conn.prepare(
            "SELECT id FROM documents WHERE trash_id IS NULL AND kind IN ('agenda', 'report')
               AND (body = ?1 OR parent_body = ?1 OR (?2 <> '' AND body = ?2)
                    OR (?3 <> '' AND (substr(symbol, 1, length(?3) + 1) = ?3 || '/'
                                      OR substr(suggested_symbol, 1, length(?3) + 1) = ?3 || '/'))
                    OR meeting_id IN (SELECT meeting_id FROM documents WHERE trash_id IS NULL
                                        AND meeting_id IS NOT NULL
                                        AND (body = ?1 OR parent_body = ?1 OR (?2 <> '' AND body = ?2))))
             ORDER BY id",
        )?;
        let ids: Vec<u32> = st
            .query_map(rusqlite::params![body, parent, stem], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        held_documents(&conn, ids, record, me)
    }

    /// The latest agendas and reports of the document's session (its
    /// meeting), with it: all that the adoption changes need.
    fn session_documents(&self, doc_id: u32) -> Result<Vec<Held>> {
        let conn = self.store.reader();
        let record = documents::record(&conn, doc_id)?;
        let me = documents::load(&conn, doc_id)?;
        let ids: Vec<u32> = match record.meeting_id {
            Some(meeting) => conn
                .prepare(
                    "SELECT id FROM documents WHERE trash_id IS NULL AND kind IN ('agenda', 'report')
                       AND meeting_id = ?1 ORDER BY id",
                )?
                .query_map([meeting], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
            None => Vec::new(),
        };
        held_documents(&conn, ids, record, me)
    }
}

/// These documents, the latest version of each with an agenda, and the
/// document asked about (`record`, `me`) whatever it holds.
fn held_documents(
    conn: &rusqlite::Connection,
    ids: Vec<u32>,
    record: DocumentRecord,
    me: Document,
) -> Result<Vec<Held>> {
    let mut out = Vec::new();
    for id in ids {
        let r = documents::record(conn, id)?;
        if !r.latest && r.id != record.id {
            continue;
        }
        let d = documents::load(conn, id)?;
        if d.agenda.is_empty() {
            continue;
        }
        out.push(Held {
            session: session_of(&r),
            record: r,
            document: d,
        });
    }
    if !out.iter().any(|h| h.record.id == record.id) {
        out.push(Held {
            session: session_of(&record),
            record,
            document: me,
        });
    }
    Ok(out)
}

/// The group of same items `key` belongs to (itself alone in none).
fn group_of(held: &[Held], verdicts: &[matching::Verdict], key: &ItemRef) -> Vec<ItemRef> {
    let agendas: Vec<Agenda> = held.iter().map(agenda_of).collect();
    matching::same_items(&agendas, verdicts)
        .into_iter()
        .find(|g| g.contains(key))
        .unwrap_or_else(|| vec![key.clone()])
}

/// A document's session: its meeting, else itself alone.
fn session_of(r: &DocumentRecord) -> u32 {
    r.meeting_id.unwrap_or(u32::MAX / 2 + r.id)
}

fn agenda_of(h: &Held) -> Agenda {
    let mut items = Vec::new();
    for top in &h.document.agenda {
        let mut push = |i: &crate::model::AgendaItem, parent: Option<&str>| {
            items.push(Item {
                number: i.number.clone(),
                title: i.title.clone(),
                references: i.references.iter().map(|r| r.symbol.clone()).collect(),
                parent: parent.map(str::to_string),
            })
        };
        push(top, None);
        for c in &top.children {
            push(c, Some(&top.number));
        }
    }
    Agenda {
        key: h.record.id,
        session: h.session,
        date: h
            .record
            .dates
            .as_ref()
            .map(|d| d.start.clone())
            .or(h.document.distributed.clone())
            .unwrap_or_default(),
        language: h.record.language.clone(),
        body: h.record.body.clone().unwrap_or_default(),
        symbol: h
            .record
            .effective_symbol()
            .or(h.record.suggested_symbol.as_deref())
            .map(str::to_string),
        adopted: h.record.kind == DocumentKind::Report,
        items,
    }
}

/// The sections below section `at` (deeper, until one of its level or higher).
fn children(doc: &Document, at: usize) -> std::ops::Range<usize> {
    let level = doc.sections[at].level;
    let end = doc.sections[at + 1..]
        .iter()
        .position(|s| s.level <= level)
        .map_or(doc.sections.len(), |p| at + 1 + p);
    at + 1..end
}

/// The text blocks of a section and of its subsections.
fn section_blocks(doc: &Document, at: usize) -> Vec<u32> {
    let within: Vec<usize> = std::iter::once(at).chain(children(doc, at)).collect();
    doc.block_sections()
        .into_iter()
        .filter(|(_, s)| s.is_some_and(|s| within.contains(&s)))
        .map(|(i, _)| i)
        .collect()
}

/// The report's section on adopted item `number`, with its conclusions.
fn report_section(h: &Held, number: &str) -> Option<ReportSection> {
    let doc = &h.document;
    let at = doc
        .sections
        .iter()
        .position(|s| s.items.iter().any(|i| i == number))?;
    let concluding: Vec<usize> = children(doc, at)
        .filter(|&i| {
            matches!(
                doc.sections[i].role,
                Some(SectionRole::Conclusions | SectionRole::Recommendations)
            )
        })
        .collect();
    let conclusions = doc
        .block_sections()
        .into_iter()
        .filter(|(_, s)| s.is_some_and(|s| concluding.contains(&s)))
        .filter_map(|(i, _)| doc.text_block(i).map(|p| p.text.clone()))
        .collect();
    Some(ReportSection {
        document_id: h.record.id,
        symbol: h.record.effective_symbol().map(str::to_string),
        item: number.to_string(),
        section_index: at as u32,
        section: doc.sections[at].title.clone(),
        first_paragraph: section_blocks(doc, at).first().copied(),
        conclusions,
    })
}
