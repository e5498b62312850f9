//! Notes and bookmarks through the library: stored in SQLite, indexed for
//! search, re-anchored when a new version of their document arrives.

use super::Library;
use crate::annotations::anchor::{self, Anchor};
use crate::annotations::exchange::{self, AnnotationsExport, ExportedDocument, ImportSummary};
use crate::annotations::{self, Bookmark, BookmarkTarget, Note};
use crate::error::{Error, Result};
use crate::search::IndexedNote;
use crate::store::documents;
use rusqlite::OptionalExtension;

impl Library {
    /// The latest document of a series.
    fn latest_of(&self, series: &str) -> Result<Option<u32>> {
        Ok(self
            .store
            .reader()
            .query_row(
                "SELECT id FROM documents WHERE series = ?1 ORDER BY version DESC LIMIT 1",
                [series],
                |r| r.get(0),
            )
            .optional()?)
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
        let id = {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            let id = annotations::insert_note(
                &tx,
                &annotations::NewNote {
                    series: &stored.record.series,
                    doc_id: Some(doc_id),
                    anchor: &anchor,
                    body,
                    detached: false,
                    uid: None,
                    times: None,
                },
            )?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
            id
        };
        self.index_notes(&[id], &[])?;
        annotations::note(&self.store.reader(), id)
    }

    pub fn update_note(&self, id: u32, body: &str) -> Result<Note> {
        {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            annotations::update_body(&tx, id, body)?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
        }
        self.index_notes(&[id], &[])?;
        annotations::note(&self.store.reader(), id)
    }

    /// Deletes a note; `restore_note` undoes it.
    pub fn delete_note(&self, id: u32) -> Result<()> {
        self.set_note_deleted(id, true)?;
        self.index_notes(&[], &[id])
    }

    pub fn restore_note(&self, id: u32) -> Result<Note> {
        self.set_note_deleted(id, false)?;
        self.index_notes(&[id], &[])?;
        annotations::note(&self.store.reader(), id)
    }

    fn set_note_deleted(&self, id: u32, deleted: bool) -> Result<()> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        annotations::set_deleted(&tx, id, deleted)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
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
        {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            annotations::set_anchor(&tx, id, doc_id, &anchor, false)?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
        }
        self.index_notes(&[id], &[])?;
        annotations::note(&self.store.reader(), id)
    }

    /// Notes of a document's series, or of the whole library.
    pub fn notes(&self, doc_id: Option<u32>) -> Result<Vec<Note>> {
        let series = match doc_id {
            Some(id) => Some(documents::record(&self.store.reader(), id)?.series),
            None => None,
        };
        annotations::notes(&self.store.reader(), series.as_deref())
    }

    pub fn bookmarks(&self, doc_id: Option<u32>) -> Result<Vec<Bookmark>> {
        let series = match doc_id {
            Some(id) => Some(documents::record(&self.store.reader(), id)?.series),
            None => None,
        };
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
        let series = documents::record(&self.store.reader(), doc_id)?.series;
        let id = {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            let id = annotations::add_bookmark(&tx, &series, target, anchor, label, None)?;
            tx.commit()?;
            id
        };
        annotations::bookmarks(&self.store.reader(), Some(&series))?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound(format!("bookmark {id}")))
    }

    pub fn remove_bookmark(&self, id: u32) -> Result<()> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        annotations::remove_bookmark(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// The latest document of a series (for opening a bookmark or a note).
    pub fn document_for_series(&self, series: &str) -> Result<u32> {
        self.latest_of(series)?
            .ok_or_else(|| Error::NotFound(format!("no document of series {series}")))
    }

    /// Everything the user wrote, for one document or the whole library.
    pub fn export_annotations(&self, doc_id: Option<u32>) -> Result<AnnotationsExport> {
        let notes = self.notes(doc_id)?;
        let bookmarks = self.bookmarks(doc_id)?;
        let mut series: Vec<String> = notes.iter().map(|n| n.series.clone()).collect();
        series.extend(bookmarks.iter().map(|b| b.series.clone()));
        series.sort();
        series.dedup();
        let mut docs = Vec::new();
        for s in series {
            if let Some(id) = self.latest_of(&s)? {
                let r = documents::record(&self.store.reader(), id)?;
                docs.push(ExportedDocument {
                    series: s,
                    file: r.file.clone(),
                    symbol: r.effective_symbol().map(str::to_string),
                    title: r.title.clone(),
                    language: r.language.clone(),
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
        })
    }

    /// Merges an export: notes by their uid (a newer edit wins), bookmarks by place.
    pub fn import_annotations(&self, export: &AnnotationsExport) -> Result<ImportSummary> {
        if export.format != exchange::FORMAT || export.version > exchange::VERSION {
            return Err(Error::Invalid(format!(
                "not a Dossier annotations file this version can read (format {:?}, version {})",
                export.format, export.version
            )));
        }
        let mut summary = ImportSummary::default();
        let mut touched = Vec::new();
        {
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            for n in &export.notes {
                let existing: Option<(u32, String)> = tx
                    .query_row(
                        "SELECT id, updated_at FROM notes WHERE uid = ?1",
                        [&n.uid],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                match existing {
                    Some((id, updated)) if updated < n.updated_at => {
                        tx.execute(
                            "UPDATE notes SET body = ?2, updated_at = ?3, deleted_at = NULL WHERE id = ?1",
                            rusqlite::params![id, n.body, n.updated_at],
                        )?;
                        touched.push(id);
                        summary.notes_updated += 1;
                    }
                    Some(_) => summary.notes_unchanged += 1,
                    None => {
                        let latest: Option<u32> = tx
                            .query_row(
                                "SELECT id FROM documents WHERE series = ?1 ORDER BY version DESC LIMIT 1",
                                [&n.series],
                                |r| r.get(0),
                            )
                            .optional()?;
                        let (doc_id, anchor, detached) = match latest {
                            Some(id) => {
                                let doc = documents::load(&tx, id)?;
                                match anchor::reattach(&doc, &n.anchor) {
                                    Some(a) => (Some(id), a, false),
                                    None => (Some(id), n.anchor.clone(), true),
                                }
                            }
                            None => (None, n.anchor.clone(), true),
                        };
                        if detached {
                            summary.notes_detached += 1;
                        }
                        let id = annotations::insert_note(
                            &tx,
                            &annotations::NewNote {
                                series: &n.series,
                                doc_id,
                                anchor: &anchor,
                                body: &n.body,
                                detached,
                                uid: Some(&n.uid),
                                times: Some((&n.created_at, &n.updated_at)),
                            },
                        )?;
                        touched.push(id);
                        summary.notes_added += 1;
                    }
                }
            }
            for b in &export.bookmarks {
                let before: i64 =
                    tx.query_row("SELECT count(*) FROM bookmarks", [], |r| r.get(0))?;
                annotations::add_bookmark(
                    &tx,
                    &b.series,
                    b.target,
                    &b.anchor,
                    &b.label,
                    Some(&b.created_at),
                )?;
                let after: i64 =
                    tx.query_row("SELECT count(*) FROM bookmarks", [], |r| r.get(0))?;
                if after > before {
                    summary.bookmarks_added += 1;
                } else {
                    summary.bookmarks_unchanged += 1;
                }
            }
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
        }
        self.index_notes(&touched, &[])?;
        Ok(summary)
    }

    /// Brings the index up to date for these notes and records the generation.
    pub(super) fn index_notes(&self, changed: &[u32], removed: &[u32]) -> Result<()> {
        let generation = self.store.generation()?;
        let conn = self.store.reader();
        let mut owned = Vec::new();
        let mut gone: Vec<u32> = removed.to_vec();
        for id in changed {
            match annotations::note(&conn, *id) {
                Ok(n) => {
                    let language = match n.document_id {
                        Some(d) => documents::record(&conn, d)
                            .map(|r| r.language)
                            .unwrap_or_default(),
                        None => String::new(),
                    };
                    owned.push((n, language));
                }
                Err(Error::NotFound(_)) => gone.push(*id),
                Err(e) => return Err(e),
            }
        }
        drop(conn);
        let notes: Vec<IndexedNote> = owned
            .iter()
            .filter_map(|(n, language)| {
                Some(IndexedNote {
                    id: n.id,
                    document: n.document_id?,
                    language,
                    text: &n.body,
                    heading: &n.anchor.exact,
                    location: note_location(&n.anchor),
                })
            })
            .collect();
        self.index.replace_notes(&gone, &notes, generation)
    }

    /// Every live note, for a rebuild of the index.
    pub(super) fn all_indexed_notes(&self) -> Result<Vec<(Note, String)>> {
        let conn = self.store.reader();
        let mut out = Vec::new();
        for n in annotations::notes(&conn, None)? {
            let language = match n.document_id {
                Some(d) => documents::record(&conn, d)
                    .map(|r| r.language)
                    .unwrap_or_default(),
                None => String::new(),
            };
            out.push((n, language));
        }
        Ok(out)
    }
}

/// Where a note's passage is, as search locations say it.
pub(super) fn note_location(a: &Anchor) -> crate::search::passages::Location {
    let mut loc = crate::search::passages::Location::default();
    if let Some(i) = a.passage.strip_prefix("item:") {
        loc.item = Some(i.to_string());
    } else if let Some(p) = a.passage.strip_prefix("para:") {
        loc.paragraph = p.parse().ok();
    }
    loc
}
