//! Notes and bookmarks through the library: stored in SQLite, indexed for
//! search, re-anchored when a new version of their document arrives.

use super::Library;
use crate::annotations::anchor::{self, Anchor};
use crate::annotations::exchange::{
    self, AnnotationsExport, ExportedDocument, ImportSummary, StarredSlot,
};
use crate::annotations::web_annotation::{self, Shape};
use crate::annotations::{self, Bookmark, BookmarkTarget, NewNote, Note};
use crate::error::{Error, Result};
use crate::search::IndexedNote;
use crate::store::documents;
use rusqlite::{OptionalExtension, Transaction};

impl Library {
    /// Runs `f` in one write transaction that also bumps the store generation
    /// (the search index follows notes too).
    fn change<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The series of a document, or None for the whole library.
    fn series_of(&self, doc_id: Option<u32>) -> Result<Option<String>> {
        doc_id
            .map(|id| Ok(documents::record(&self.store.reader(), id)?.series))
            .transpose()
    }

    /// Re-indexes one note and returns it as stored.
    fn reindexed_note(&self, id: u32) -> Result<Note> {
        self.index_notes(&[id], &[])?;
        annotations::note(&self.store.reader(), id)
    }

    /// Adds a note on characters `start..end` of a passage (`item:3(a)`, `para:12`)
    /// of a document. The quote and its context are taken from the stored text.
    pub fn add_note(
        &self,
        doc_id: u32,
        passage: &str,
        start: u32,
        end: u32,
        body: &str,
    ) -> Result<Note> {
        let stored = self.document(doc_id)?;
        let anchor = anchor::anchor_at(&stored.document, passage, start, end).ok_or_else(|| {
            Error::Invalid(format!(
                "no text at {passage} {start}..{end} in document {doc_id}"
            ))
        })?;
        let id = self.change(|tx| {
            annotations::insert_note(
                tx,
                &NewNote {
                    series: &stored.record.series,
                    doc_id: Some(doc_id),
                    anchor: &anchor,
                    body,
                    detached: false,
                    uid: None,
                    times: None,
                },
            )
        })?;
        self.reindexed_note(id)
    }

    pub fn update_note(&self, id: u32, body: &str) -> Result<Note> {
        self.change(|tx| annotations::update_body(tx, id, body))?;
        self.reindexed_note(id)
    }

    /// Deletes a note; `restore_note` undoes it.
    pub fn delete_note(&self, id: u32) -> Result<()> {
        self.change(|tx| annotations::set_deleted(tx, id, true))?;
        self.index_notes(&[], &[id])
    }

    pub fn restore_note(&self, id: u32) -> Result<Note> {
        self.change(|tx| annotations::set_deleted(tx, id, false))?;
        self.reindexed_note(id)
    }

    /// Attaches a (detached) note to new words of a document of its series.
    pub fn reattach_note(
        &self,
        id: u32,
        doc_id: u32,
        passage: &str,
        start: u32,
        end: u32,
    ) -> Result<Note> {
        let stored = self.document(doc_id)?;
        let note = annotations::note(&self.store.reader(), id)?;
        if note.series != stored.record.series {
            return Err(Error::Invalid(
                "a note can only move within its own document".into(),
            ));
        }
        let anchor = anchor::anchor_at(&stored.document, passage, start, end)
            .ok_or_else(|| Error::Invalid(format!("no text at {passage} {start}..{end}")))?;
        self.change(|tx| annotations::set_anchor(tx, id, doc_id, &anchor, false))?;
        self.reindexed_note(id)
    }

    /// Notes of a document's series, or of the whole library.
    pub fn notes(&self, doc_id: Option<u32>) -> Result<Vec<Note>> {
        let series = self.series_of(doc_id)?;
        annotations::notes(&self.store.reader(), series.as_deref())
    }

    pub fn bookmarks(&self, doc_id: Option<u32>) -> Result<Vec<Bookmark>> {
        let series = self.series_of(doc_id)?;
        annotations::bookmarks(&self.store.reader(), series.as_deref())
    }

    /// Bookmarks a document or a place in it; the same place twice is one bookmark.
    pub fn add_bookmark(
        &self,
        doc_id: u32,
        target: BookmarkTarget,
        anchor: &str,
        label: &str,
    ) -> Result<Bookmark> {
        super::in_library(&self.store.reader(), doc_id)?;
        let series = documents::record(&self.store.reader(), doc_id)?.series;
        let (id, _) =
            annotations::add_bookmark(&self.store.writer(), &series, target, anchor, label, None)?;
        annotations::bookmarks(&self.store.reader(), Some(&series))?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound(format!("bookmark {id}")))
    }

    pub fn remove_bookmark(&self, id: u32) -> Result<()> {
        annotations::remove_bookmark(&self.store.writer(), id)
    }

    /// The latest document of a series (for opening a bookmark or a note).
    pub fn document_for_series(&self, series: &str) -> Result<u32> {
        documents::latest_in_series(&self.store.reader(), series)?
            .ok_or_else(|| Error::NotFound(format!("no document of series {series}")))
    }

    /// Everything the user wrote, for one document or the whole library.
    pub fn export_annotations(&self, doc_id: Option<u32>) -> Result<AnnotationsExport> {
        let notes = self.notes(doc_id)?;
        let bookmarks = self.bookmarks(doc_id)?;
        let starred_slots: Vec<StarredSlot> =
            annotations::starred(&self.store.reader(), self.series_of(doc_id)?.as_deref())?
                .into_iter()
                .map(|(series, slot_key)| StarredSlot { series, slot_key })
                .collect();
        let mut series: Vec<String> = notes.iter().map(|n| n.series.clone()).collect();
        series.extend(bookmarks.iter().map(|b| b.series.clone()));
        series.extend(starred_slots.iter().map(|s| s.series.clone()));
        series.sort();
        series.dedup();
        let conn = self.store.reader();
        let mut docs = Vec::new();
        for s in series {
            if let Some(id) = documents::latest_in_series(&conn, &s)? {
                let r = documents::record(&conn, id)?;
                docs.push(ExportedDocument {
                    meeting: ExportedDocument::meeting_name(
                        r.body.as_deref(),
                        r.session.as_deref(),
                        r.dates.as_ref().map(|d| d.start.as_str()),
                    ),
                    series: s,
                    symbol: r.effective_symbol().map(str::to_string),
                    file: r.file,
                    title: r.title,
                    language: r.language,
                });
            }
        }
        Ok(AnnotationsExport {
            format: exchange::FORMAT.into(),
            version: exchange::VERSION,
            exported_at: annotations::now(),
            documents: docs,
            notes,
            bookmarks,
            starred_slots,
        })
    }

    /// The notes of a document, or of the whole library, as a W3C Web
    /// Annotation collection (JSON-LD; see `annotations::web_annotation`).
    pub fn export_web_annotations(
        &self,
        doc_id: Option<u32>,
        label: &str,
    ) -> Result<serde_json::Value> {
        use sha2::{Digest, Sha256};
        let export = self.export_annotations(doc_id)?;
        // The collection is named by what it holds: the same notes, the same IRI.
        let mut hash = Sha256::new();
        for n in &export.notes {
            hash.update(n.uid.as_bytes());
            hash.update(n.updated_at.as_bytes());
        }
        let id = format!(
            "urn:dossier:collection:{}",
            &hex::encode(hash.finalize())[..32]
        );
        Ok(web_annotation::collection(
            &id,
            label,
            &export.documents,
            &export.notes,
        ))
    }

    /// Imports a file of notes in any shape Dossier reads: its own export,
    /// W3C Web Annotations, or a Hypothesis export.
    pub fn import_notes_file(&self, file: &serde_json::Value) -> Result<ImportSummary> {
        if file.get("format").and_then(serde_json::Value::as_str) == Some(exchange::FORMAT) {
            let export: AnnotationsExport = serde_json::from_value(file.clone()).map_err(|e| {
                Error::Invalid(format!("a Dossier notes export that does not read: {e}"))
            })?;
            return self.import_annotations(&export);
        }
        self.import_foreign_annotations(file)
    }

    /// Imports the notes of a W3C Web Annotation file or of a Hypothesis
    /// export, each into the document it names (by Dossier's series, else
    /// by the symbol and language of its address, else by the words it
    /// quotes), then merged as a Dossier export is.
    pub fn import_foreign_annotations(&self, file: &serde_json::Value) -> Result<ImportSummary> {
        let incoming =
            match web_annotation::shape(file) {
                Some(Shape::WebAnnotation) => web_annotation::read_web_annotations(file)?,
                Some(Shape::Hypothesis) => web_annotation::read_hypothesis(file)?,
                None => return Err(Error::Invalid(
                    "neither a Dossier notes export, W3C Web Annotations nor a Hypothesis export"
                        .into(),
                )),
            };
        let now = annotations::now();
        let (notes, unplaced) = {
            let conn = self.store.reader();
            let latest: Vec<documents::DocumentRecord> = documents::records(&conn)?
                .into_iter()
                .filter(|r| r.latest)
                .collect();
            let mut notes = Vec::new();
            let mut unplaced = 0;
            for a in incoming {
                let Some(series) = place_annotation(&conn, &latest, &a)? else {
                    unplaced += 1;
                    continue;
                };
                let created = if a.created.is_empty() {
                    now.clone()
                } else {
                    a.created
                };
                let updated = if a.modified.is_empty() {
                    created.clone()
                } else {
                    a.modified
                };
                notes.push(Note {
                    id: 0,
                    uid: a.uid,
                    series,
                    document_id: None,
                    anchor: a.anchor,
                    body: a.body,
                    detached: false,
                    created_at: created,
                    updated_at: updated,
                });
            }
            (notes, unplaced)
        };
        let mut summary = self.import_annotations(&AnnotationsExport {
            format: exchange::FORMAT.into(),
            version: exchange::VERSION,
            exported_at: now,
            documents: Vec::new(),
            notes,
            bookmarks: Vec::new(),
            starred_slots: Vec::new(),
        })?;
        summary.notes_not_in_library = unplaced;
        Ok(summary)
    }

    /// Merges an export: notes by their uid (a newer edit wins), bookmarks by place.
    pub fn import_annotations(&self, export: &AnnotationsExport) -> Result<ImportSummary> {
        if export.format != exchange::FORMAT || export.version > exchange::VERSION {
            return Err(Error::Invalid(format!(
                "not a Dossier annotations file this version can read (format {:?}, version {})",
                export.format, export.version
            )));
        }
        // Every timestamp is read as a date and time before anything is
        // merged: one that is not, or that lies in the future, refuses the
        // file (such a note would win every merge against the user's own).
        let now = chrono::Utc::now();
        let mut updated = Vec::with_capacity(export.notes.len());
        for n in &export.notes {
            let item = format!("note {}", n.uid);
            checked_time(&item, "created_at", &n.created_at, now)?;
            updated.push(checked_time(&item, "updated_at", &n.updated_at, now)?);
        }
        for b in &export.bookmarks {
            checked_time(
                &format!("bookmark {} {}", b.target.as_str(), b.anchor),
                "created_at",
                &b.created_at,
                now,
            )?;
        }
        let mut summary = ImportSummary::default();
        tracing::info!(
            notes = export.notes.len(),
            bookmarks = export.bookmarks.len(),
            "annotations import: merging"
        );
        let touched = self.change(|tx| {
            let mut touched = Vec::new();
            for (n, updated) in export.notes.iter().zip(updated) {
                if let Some(id) = merge_note(tx, n, updated, &mut summary)? {
                    touched.push(id);
                }
            }
            for b in &export.bookmarks {
                let (_, added) = annotations::add_bookmark(
                    tx,
                    &b.series,
                    b.target,
                    &b.anchor,
                    &b.label,
                    Some(&normalised_time(&b.created_at)),
                )?;
                if added {
                    summary.bookmarks_added += 1;
                } else {
                    summary.bookmarks_unchanged += 1;
                }
            }
            for s in &export.starred_slots {
                if annotations::set_starred(tx, &s.series, &s.slot_key, true)? {
                    summary.stars_added += 1;
                }
            }
            Ok(touched)
        })?;
        self.index_notes(&touched, &[])?;
        tracing::info!(
            notes_added = summary.notes_added,
            "annotations import: merged and indexed"
        );
        Ok(summary)
    }

    /// Live notes (these, or all) with the language of their document.
    pub(super) fn notes_with_language(&self, ids: Option<&[u32]>) -> Result<Vec<(Note, String)>> {
        let conn = self.store.reader();
        let notes = match ids {
            None => annotations::notes(&conn, None)?,
            Some(ids) => {
                let mut found = Vec::new();
                for id in ids {
                    match annotations::note(&conn, *id) {
                        Ok(n) => found.push(n),
                        Err(Error::NotFound(_)) => {}
                        Err(e) => return Err(e),
                    }
                }
                found
            }
        };
        Ok(notes
            .into_iter()
            .map(|n| {
                let language = n
                    .document_id
                    .and_then(|d| documents::record(&conn, d).ok())
                    .map(|r| r.language)
                    .unwrap_or_default();
                (n, language)
            })
            .collect())
    }

    /// Brings the index up to date for these notes and records the generation.
    /// A `changed` note that no longer exists (deleted) leaves the index.
    pub(super) fn index_notes(&self, changed: &[u32], removed: &[u32]) -> Result<()> {
        let generation = self.store.generation()?;
        let live = self.notes_with_language(Some(changed))?;
        let mut gone: Vec<u32> = removed.to_vec();
        gone.extend(
            changed
                .iter()
                .filter(|id| !live.iter().any(|(n, _)| n.id == **id)),
        );
        let notes: Vec<IndexedNote> = live
            .iter()
            .filter_map(|(n, language)| indexed_note(n, language))
            .collect();
        let _writes = self.index_writes.lock().unwrap_or_else(|p| p.into_inner());
        self.index.replace_notes(&gone, &notes, generation)
    }
}

/// The series an annotation of another tool belongs in: the one it names,
/// else a document of its symbol (in its language, when it says one; else
/// the one its words are found in), else the document its words are found
/// in. None when the library holds no such document.
fn place_annotation(
    conn: &rusqlite::Connection,
    latest: &[documents::DocumentRecord],
    a: &web_annotation::Incoming,
) -> Result<Option<String>> {
    if let Some(series) = &a.series {
        if documents::latest_in_series(conn, series)?.is_some() {
            return Ok(Some(series.clone()));
        }
    }
    let quoted = |r: &documents::DocumentRecord| -> Result<bool> {
        Ok(!a.anchor.exact.trim().is_empty()
            && anchor::reattach(&documents::load(conn, r.id)?, &a.anchor).is_some())
    };
    if let Some(symbol) = &a.symbol {
        let key = crate::parse::symbols::key(symbol);
        let of_symbol: Vec<&documents::DocumentRecord> = latest
            .iter()
            .filter(|r| {
                r.effective_symbol()
                    .map(crate::parse::symbols::key)
                    .as_deref()
                    == Some(key.as_str())
            })
            .collect();
        if let Some(language) = &a.language {
            if let Some(r) = of_symbol.iter().find(|r| &r.language == language) {
                return Ok(Some(r.series.clone()));
            }
        } else {
            for r in &of_symbol {
                if quoted(r)? {
                    return Ok(Some(r.series.clone()));
                }
            }
        }
    }
    for r in latest {
        if a.language.as_ref().is_none_or(|l| l == &r.language) && quoted(r)? {
            return Ok(Some(r.series.clone()));
        }
    }
    Ok(None)
}

/// How far ahead of this computer's clock an imported timestamp may be (the
/// clocks of two delegates' laptops differ a little).
const CLOCK_SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// An imported timestamp read as an instant: RFC 3339, not in the future.
fn checked_time(
    item: &str,
    field: &'static str,
    value: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<chrono::DateTime<chrono::Utc>> {
    let bad = |future| Error::BadTimestamp {
        item: item.to_string(),
        field,
        value: value.to_string(),
        future,
    };
    let t = chrono::DateTime::parse_from_rfc3339(value)
        .map_err(|_| bad(false))?
        .with_timezone(&chrono::Utc);
    if t > now + CLOCK_SKEW {
        return Err(bad(true));
    }
    Ok(t)
}

/// A checked timestamp as the store writes its own (UTC, milliseconds), so
/// that stored timestamps stay comparable.
fn normalised_time(value: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_else(|_| value.to_string())
}

/// Merges one exported note (its `updated_at` already read as `updated`);
/// returns its id when it was added or updated. The later edit wins,
/// compared as instants.
fn merge_note(
    tx: &Transaction,
    n: &Note,
    updated: chrono::DateTime<chrono::Utc>,
    summary: &mut ImportSummary,
) -> Result<Option<u32>> {
    let existing: Option<(u32, String)> = tx
        .query_row(
            "SELECT id, updated_at FROM notes WHERE uid = ?1",
            [&n.uid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let older =
        |stored: &str| chrono::DateTime::parse_from_rfc3339(stored).is_ok_and(|t| t < updated);
    match existing {
        Some((id, stored)) if older(&stored) => {
            tx.execute(
                "UPDATE notes SET body = ?2, updated_at = ?3, deleted_at = NULL WHERE id = ?1",
                rusqlite::params![id, n.body, normalised_time(&n.updated_at)],
            )?;
            summary.notes_updated += 1;
            Ok(Some(id))
        }
        Some(_) => {
            summary.notes_unchanged += 1;
            Ok(None)
        }
        None => {
            // Anchor against the library's latest version of the document;
            // without it (or without the words) the note is kept detached.
            let latest = documents::latest_in_series(tx, &n.series)?;
            let reattached = match latest {
                Some(id) => anchor::reattach(&documents::load(tx, id)?, &n.anchor),
                None => None,
            };
            let detached = reattached.is_none();
            if detached {
                summary.notes_detached += 1;
            }
            let anchor = reattached.unwrap_or_else(|| n.anchor.clone());
            let id = annotations::insert_note(
                tx,
                &NewNote {
                    series: &n.series,
                    doc_id: latest,
                    anchor: &anchor,
                    body: &n.body,
                    detached,
                    uid: Some(&n.uid),
                    times: Some((
                        &normalised_time(&n.created_at),
                        &normalised_time(&n.updated_at),
                    )),
                },
            )?;
            summary.notes_added += 1;
            Ok(Some(id))
        }
    }
}

/// A note as the search index takes it; None while it belongs to no document.
pub(super) fn indexed_note<'a>(n: &'a Note, language: &'a str) -> Option<IndexedNote<'a>> {
    Some(IndexedNote {
        id: n.id,
        document: n.document_id?,
        language,
        text: &n.body,
        heading: &n.anchor.exact,
        location: note_location(&n.anchor),
    })
}

/// Where a note's passage is, as search locations say it.
fn note_location(a: &Anchor) -> crate::search::passages::Location {
    let mut loc = crate::search::passages::Location::default();
    if let Some(i) = a.passage.strip_prefix("item:") {
        loc.item = Some(i.to_string());
    } else if let Some(p) = a.passage.strip_prefix("para:") {
        loc.paragraph = p.parse().ok();
    }
    loc
}
