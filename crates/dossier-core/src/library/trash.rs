//! Removing documents into the trash, restoring them, emptying it.
//!
//! A removal is one transaction: a `trash` row, and `trash_id` set on what
//! it took (documents, or one rendition). Nothing is deleted or rewritten:
//! the documents' rows and files, the notes attached to them and the
//! bookmarks and stars of their series stay as they are, hidden by the
//! store's queries, and the search index forgets the documents. The
//! versions left become the latest as the store computes it (the newest
//! version in the library), and the index takes that one. Restoring is one
//! transaction that clears `trash_id` and closes the row, so the listing,
//! notes, bookmarks and stars come back exactly as they were.
//!
//! Removing a rendition that was its document's text source re-reads the
//! text from the next best rendition (notes re-anchored, paragraph bookmarks
//! moved, as when the user chooses a source); the trash row keeps the text
//! and anchors as they were, and restoring puts them back, except for notes
//! and bookmarks moved since.

use super::{apply_text, now, Library};
use crate::annotations::{self, anchor::Anchor, BookmarkTarget};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::store::documents::{self, DocumentRecord};
use crate::store::renditions::{self as store_renditions, Format, Places};
use crate::store::trash::{self, EmptiedTrash, RemoveScope, TrashEntry};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// What a removed text source's document was, kept in its trash row.
#[derive(Serialize, Deserialize)]
struct TextSnapshot {
    document: Document,
    structure_hash: String,
    text_format: Option<Format>,
    /// The other PDFs' (rendition, pages, places).
    places: Vec<(u32, Option<u32>, Places)>,
    /// The series' notes before the removal, and after it: a note is put
    /// back only while it is as the removal left it.
    notes: Vec<NoteAnchor>,
    notes_after: Vec<NoteAnchor>,
    /// Paragraph bookmarks (id, anchor), before and after.
    bookmarks: Vec<(u32, String)>,
    bookmarks_after: Vec<(u32, String)>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct NoteAnchor {
    id: u32,
    doc_id: Option<u32>,
    anchor: Anchor,
    detached: bool,
}

fn note_anchors(conn: &Connection, series: &str) -> Result<Vec<NoteAnchor>> {
    Ok(annotations::notes(conn, Some(series))?
        .into_iter()
        .map(|n| NoteAnchor {
            id: n.id,
            doc_id: n.document_id,
            anchor: n.anchor,
            detached: n.detached,
        })
        .collect())
}

fn paragraph_bookmarks(conn: &Connection, series: &str) -> Result<Vec<(u32, String)>> {
    Ok(annotations::bookmarks(conn, Some(series))?
        .into_iter()
        .filter(|b| b.target == BookmarkTarget::Paragraph)
        .map(|b| (b.id, b.anchor))
        .collect())
}

/// How a document is named in a trash entry: its symbol, else its file.
fn name(r: &DocumentRecord) -> String {
    r.effective_symbol()
        .map(str::to_string)
        .unwrap_or_else(|| r.file.clone())
}

/// The latest version in the library of each series, in order.
fn latest_of(conn: &Connection, series: &[String]) -> Result<Vec<Option<u32>>> {
    series
        .iter()
        .map(|s| documents::latest_in_series(conn, s))
        .collect()
}

/// The documents a removal of `record` with `scope` takes (in the library).
fn targets(conn: &Connection, record: &DocumentRecord, scope: RemoveScope) -> Result<Vec<u32>> {
    let ids = match scope {
        RemoveScope::Rendition | RemoveScope::Document => vec![record.id],
        RemoveScope::Revisions => documents::versions(conn, &record.series)?
            .into_iter()
            .map(|r| r.id)
            .collect(),
        RemoveScope::Languages => match &record.symbol {
            // The same printed symbol in every other language (this one:
            // this document only).
            Some(symbol) => {
                let mut st = conn.prepare(
                    "SELECT id FROM documents WHERE symbol_key = ?1 AND trash_id IS NULL
                        AND (language <> ?2 OR id = ?3) ORDER BY id",
                )?;
                let rows = st.query_map(
                    rusqlite::params![
                        crate::parse::symbols::key(symbol),
                        record.language,
                        record.id
                    ],
                    |r| r.get(0),
                )?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            None => vec![record.id],
        },
    };
    Ok(ids)
}

impl Library {
    /// Puts documents in the trash: `id` is a document and `scope` says
    /// what goes with it ([`RemoveScope::Document`], `Languages`,
    /// `Revisions`), or `id` is a rendition ([`RemoveScope::Rendition`]),
    /// which goes alone — unless it is its document's only file, which
    /// takes the document. They leave the listing, search and references;
    /// their rows, files, notes, bookmarks and stars are kept until
    /// [`Library::empty_trash`]. Returns the new trash entry.
    pub fn remove(&self, id: u32, scope: RemoveScope) -> Result<TrashEntry> {
        if scope == RemoveScope::Rendition {
            return self.remove_rendition(id);
        }
        self.remove_documents(id, scope)
    }

    /// What the trash holds, the latest removal first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        trash::list(&self.store.reader())
    }

    /// Brings back everything one removal took, as it was: the documents in
    /// the listing and the index (the versions they were newer than are
    /// older again), their notes, bookmarks and stars. A rendition whose
    /// document is itself in the trash is refused: restore the document
    /// first. Returns the entry restored.
    pub fn restore_from_trash(&self, trash_id: u32) -> Result<TrashEntry> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        let entry = trash::entry(&tx, trash_id)?;
        let docs = trash::documents_of(&tx, trash_id)?;
        let renditions = trash::renditions_of(&tx, trash_id)?;
        let series: Vec<String> = {
            let mut s: Vec<String> = docs
                .iter()
                .map(|id| Ok(documents::record(&tx, *id)?.series))
                .collect::<Result<_>>()?;
            s.sort();
            s.dedup();
            s
        };
        let before = latest_of(&tx, &series)?;
        let mut text_changed = Vec::new();
        for rid in &renditions {
            let r = store_renditions::get(&tx, *rid)?;
            if let Some(t) = documents::trash_of(&tx, r.doc_id)? {
                return Err(Error::Invalid(format!(
                    "the document of {} is in the trash itself (entry {t}): restore that first",
                    r.file
                )));
            }
        }
        let snapshot = trash::snapshot(&tx, trash_id)?;
        trash::take_back(&tx, trash_id)?;
        if let (Some(snapshot), Some(rid)) = (snapshot, renditions.first()) {
            let snapshot: TextSnapshot = serde_json::from_str(&snapshot)
                .map_err(|e| Error::Invalid(format!("trash entry {trash_id}: {e}")))?;
            let doc_id = put_text_back(&tx, *rid, snapshot)?;
            text_changed.push(doc_id);
        }
        let after = latest_of(&tx, &series)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        let unstage: Vec<u32> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b != a)
            .filter_map(|(b, _)| *b)
            .chain(text_changed.iter().copied())
            .collect();
        let mut stage: Vec<u32> = docs.clone();
        stage.extend(
            before
                .iter()
                .zip(&after)
                .filter(|(b, a)| b != a)
                .filter_map(|(_, a)| *a),
        );
        stage.extend(&text_changed);
        self.stage_in_index(&conn, &unstage, &stage);
        drop(conn);
        self.commit_index();
        Ok(entry)
    }

    /// Deletes everything in the trash: the documents' rows, the notes
    /// attached to them, the bookmarks and stars of series left without any
    /// document, and the files no rendition left in the library (or in
    /// the trash) uses. Nothing else; only when asked. The database changes
    /// in one transaction; the files are deleted after it (a crash between
    /// leaves them unreferenced, and the next open removes them).
    pub fn empty_trash(&self) -> Result<EmptiedTrash> {
        let mut out = {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            let out = trash::empty(&tx)?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
            out
        };
        self.commit_index();
        for path in std::mem::take(&mut out.unused_files) {
            match std::fs::remove_file(self.dir.join(&path)) {
                Ok(()) => out.files_deleted += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => tracing::warn!(error = %e, "a file emptied from the trash stays"),
            }
            out.unused_files.push(path);
        }
        Ok(out)
    }

    /// Finds a rendition of a document in the library by its id or its
    /// original file name (`A_80_590.pdf`).
    pub fn find_rendition(&self, what: &str) -> Result<u32> {
        let conn = self.store.reader();
        if let Ok(id) = what.parse::<u32>() {
            if store_renditions::trash_of(&conn, id).is_ok_and(|t| t.is_none()) {
                return Ok(id);
            }
        }
        let name = std::path::Path::new(what)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| what.to_string());
        store_renditions::find_by_file_name(&conn, &name)?
            .ok_or_else(|| Error::NotFound(format!("no file with id or name {what:?}")))
    }

    fn remove_documents(&self, id: u32, scope: RemoveScope) -> Result<TrashEntry> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        if let Some(t) = documents::trash_of(&tx, id)? {
            return Err(Error::Invalid(format!(
                "document {id} is in the trash already (entry {t})"
            )));
        }
        let record = documents::record(&tx, id)?;
        let ids = targets(&tx, &record, scope)?;
        let records: Vec<DocumentRecord> = ids
            .iter()
            .map(|id| documents::record(&tx, *id))
            .collect::<Result<_>>()?;
        let mut series: Vec<String> = records.iter().map(|r| r.series.clone()).collect();
        series.sort();
        series.dedup();
        let label = match scope {
            RemoveScope::Languages => {
                let languages: Vec<&str> = records.iter().map(|r| r.language.as_str()).collect();
                format!("{} in {}", name(&record), languages.join(", "))
            }
            RemoveScope::Revisions if ids.len() > 1 => format!(
                "{} ({}), {} versions",
                name(&record),
                record.language,
                ids.len()
            ),
            _ if record.versions > 1 => format!(
                "{} ({}), version {}",
                name(&record),
                record.language,
                record.version
            ),
            _ => format!("{} ({})", name(&record), record.language),
        };
        let before = latest_of(&tx, &series)?;
        let trash_id = trash::insert(&tx, scope, &label, &now(), None)?;
        trash::put_documents(&tx, trash_id, &ids)?;
        let after = latest_of(&tx, &series)?;
        let entry = trash::entry(&tx, trash_id)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        // The versions that are the latest now take the index.
        let newly_latest: Vec<u32> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b != a)
            .filter_map(|(_, a)| *a)
            .collect();
        self.stage_in_index(&conn, &ids, &newly_latest);
        drop(conn);
        self.commit_index();
        Ok(entry)
    }

    fn remove_rendition(&self, rid: u32) -> Result<TrashEntry> {
        let (rendition, all, chosen, record) = {
            let conn = self.store.reader();
            if let Some(t) = store_renditions::trash_of(&conn, rid)? {
                return Err(Error::Invalid(format!(
                    "file {rid} is in the trash already (entry {t})"
                )));
            }
            let r = store_renditions::get(&conn, rid)?;
            let all = store_renditions::of_document(&conn, r.doc_id)?;
            let chosen = documents::text_format(&conn, r.doc_id)?;
            let record = documents::record(&conn, r.doc_id)?;
            (r, all, chosen, record)
        };
        if all.len() <= 1 {
            // A document's only file: the document goes with it.
            return self.remove_documents(rendition.doc_id, RemoveScope::Document);
        }
        let id = rendition.doc_id;
        let label = format!(
            "{} ({} of {}, {})",
            rendition.file,
            rendition.format.as_str().to_uppercase(),
            name(&record),
            record.language
        );
        let rest: Vec<_> = all.iter().filter(|r| r.id != rid).cloned().collect();
        if !rendition.text_source {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            let trash_id = trash::insert(&tx, RemoveScope::Rendition, &label, &now(), None)?;
            trash::put_rendition(&tx, trash_id, rid)?;
            let entry = trash::entry(&tx, trash_id)?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
            drop(conn);
            self.commit_index();
            return Ok(entry);
        }
        // The text is read from the next best file: the format the user
        // chose if another file has it, else the best there is.
        let next = chosen
            .and_then(|f| rest.iter().find(|r| r.format == f))
            .unwrap_or(&rest[0]);
        let new_chosen = match chosen {
            Some(f) if rest.iter().all(|r| r.format != f) => Some(None),
            _ => None,
        };
        let layout = self.stored_layout(next.id)?;
        let doc = crate::parse_extracted(&layout);
        let file = store_renditions::stored_file(
            &self.store.reader(),
            next,
            documents::structure_hash(&doc),
        )?;
        let places = self.places_in(&rest, &doc)?;
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        if store_renditions::of_document(&tx, id)? != all {
            // An import or another removal came in between: what was read
            // above no longer holds.
            return Err(Error::Invalid(format!(
                "the files of document {id} changed meanwhile; remove {} again",
                rendition.file
            )));
        }
        let mut snapshot = TextSnapshot {
            document: documents::load(&tx, id)?,
            structure_hash: tx.query_row(
                "SELECT structure_hash FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?,
            text_format: chosen,
            places: rest
                .iter()
                .filter(|r| r.format == Format::Pdf)
                .map(|r| Ok((r.id, r.pages, store_renditions::places(&tx, r.id)?)))
                .collect::<Result<_>>()?,
            notes: note_anchors(&tx, &record.series)?,
            notes_after: Vec::new(),
            bookmarks: paragraph_bookmarks(&tx, &record.series)?,
            bookmarks_after: Vec::new(),
        };
        let trash_id = trash::insert(&tx, RemoveScope::Rendition, &label, &now(), None)?;
        trash::put_rendition(&tx, trash_id, rid)?;
        let latest = apply_text(&tx, id, &doc, &file, true, &places, new_chosen)?;
        snapshot.notes_after = note_anchors(&tx, &record.series)?;
        snapshot.bookmarks_after = paragraph_bookmarks(&tx, &record.series)?;
        let json = serde_json::to_string(&snapshot).map_err(|e| Error::Invalid(e.to_string()))?;
        tx.execute(
            "UPDATE trash SET snapshot = ?2 WHERE id = ?1",
            rusqlite::params![trash_id, json],
        )?;
        let entry = trash::entry(&tx, trash_id)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        if latest {
            self.stage_in_index(&conn, &[id], &[id]);
        }
        drop(conn);
        self.commit_index();
        Ok(entry)
    }
}

/// Puts back the text a removed text source gave its document (the
/// rendition `rid` is back in the library): content, format chosen, the
/// PDFs' places, and the notes and paragraph bookmarks the removal moved,
/// where they are still as it left them. Returns the document.
fn put_text_back(tx: &Connection, rid: u32, s: TextSnapshot) -> Result<u32> {
    let r = store_renditions::get(tx, rid)?;
    let record = documents::record(tx, r.doc_id)?;
    let file = store_renditions::stored_file(tx, &r, s.structure_hash)?;
    documents::replace_content(tx, r.doc_id, &s.document, &file, record.meeting_id)?;
    documents::set_text_format(tx, r.doc_id, s.text_format)?;
    for (id, pages, places) in &s.places {
        if store_renditions::trash_of(tx, *id).is_ok_and(|t| t.is_none()) {
            store_renditions::set_places(tx, *id, *pages, places)?;
        }
    }
    let now = note_anchors(tx, &record.series)?;
    for before in &s.notes {
        let after = s.notes_after.iter().find(|n| n.id == before.id);
        let current = now.iter().find(|n| n.id == before.id);
        if let (Some(after), Some(current), Some(doc_id)) = (after, current, before.doc_id) {
            if after == current {
                annotations::set_anchor(tx, before.id, doc_id, &before.anchor, before.detached)?;
            }
        }
    }
    let now = paragraph_bookmarks(tx, &record.series)?;
    for (id, anchor) in &s.bookmarks {
        let after = s.bookmarks_after.iter().find(|(b, _)| b == id);
        if after.is_some() && after == now.iter().find(|(b, _)| b == id) {
            annotations::set_bookmark_anchor(tx, *id, anchor)?;
        }
    }
    Ok(r.doc_id)
}
