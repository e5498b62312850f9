//! A found passage read back from the store's rows, for search's final
//! check and its snippet. The index keeps only where a passage is (its
//! document, kind and `ord`); the text is the store's, assembled by the
//! same functions that cut the document into passages when it was indexed
//! (`search::passages`), so what is checked is what was indexed.

use super::annotations;
use crate::annotations as notes;
use crate::error::{Error, Result};
use crate::search::passages::{self, Passage, PassageKind};
use crate::store::documents;
use rusqlite::Connection;

/// Passage `ord` of kind `kind` of document `doc`; None when the store no
/// longer holds it (a document removed or a note deleted since the index
/// was written).
pub(super) fn passage(
    conn: &Connection,
    doc: u32,
    kind: PassageKind,
    ord: u32,
) -> Result<Option<Passage>> {
    Ok(match kind {
        PassageKind::Document => {
            documents::heading_facts(conn, doc)?.and_then(|d| passages::document_passage(&d))
        }
        PassageKind::Item => {
            documents::item_at(conn, doc, ord)?.map(|item| passages::item_passage(ord, &item))
        }
        PassageKind::Slot => {
            documents::slot_at(conn, doc, ord)?.map(|slot| passages::slot_passage(ord, &slot))
        }
        PassageKind::Paragraph => {
            documents::paragraph_at(conn, doc, ord)?.and_then(|p| passages::paragraph_passage(&p))
        }
        PassageKind::Note => {
            let note = match notes::note(conn, ord) {
                Ok(n) => n,
                Err(Error::NotFound(_)) => return Ok(None),
                Err(e) => return Err(e),
            };
            annotations::indexed_note(&note, "")
                .filter(|n| n.document == doc)
                .map(|n| n.passage())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    /// Every passage of every document of a library, read back one at a
    /// time, is the passage that was indexed: the four seeds and the English
    /// fixtures (agendas with items, sub-items and cited documents,
    /// timetables, reports with numbered and unnumbered paragraphs).
    #[test]
    fn every_passage_reads_back_as_it_was_indexed() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for folder in ["seeds", "crates/dossier-core/tests/fixtures"] {
            for e in std::fs::read_dir(root.join(folder)).unwrap() {
                let p = e.unwrap().path();
                if matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md" | "docx")
                ) {
                    files.push(p);
                }
            }
        }
        files.sort();
        for f in &files {
            let _ = lib.ingest_file(f);
        }
        let records = lib.records().unwrap();
        let conn = lib.store.reader();
        let mut checked = std::collections::BTreeMap::<&str, usize>::new();
        for r in records {
            let doc = documents::load(&conn, r.id).unwrap();
            for p in passages::passages(&doc) {
                let back = passage(&conn, r.id, p.kind, p.ord).unwrap();
                assert_eq!(back.as_ref(), Some(&p), "document {} ({})", r.id, r.file);
                *checked.entry(p.kind.as_str()).or_default() += 1;
            }
        }
        for (kind, least) in [
            ("document", 5),
            ("item", 50),
            ("slot", 30),
            ("paragraph", 50),
        ] {
            assert!(
                checked.get(kind).copied().unwrap_or(0) >= least,
                "{checked:?}"
            );
        }
        assert_eq!(passage(&conn, 9_999, PassageKind::Item, 0).unwrap(), None);
    }
}
