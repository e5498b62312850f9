//! The trash on real documents (the seeds and the A/80/590 Word file and
//! PDF): a removal hides exactly what it took, a restore gives the library
//! back as it was, emptying deletes only what no one else uses, and backups
//! and the previous schema keep working.

use dossier_core::api::BookmarkTarget;
use dossier_core::api::Format;
use dossier_core::api::IngestStatus;
use dossier_core::api::SearchRequest;
use dossier_core::api::{RemoveScope, TrashEntry};
use dossier_core::Library;
use pretty_assertions::assert_eq;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn un_doc(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/un-docs")
        .join(name)
}

/// The seeds and A/80/590 as Word and PDF (one document, two renditions).
fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let report = lib.ingest(
        &[seeds(), un_doc("A_80_590.docx"), un_doc("A_80_590.pdf")],
        &mut |_| {},
    );
    assert_eq!(report.count(IngestStatus::Ingested), 5, "{report:#?}");
    assert_eq!(report.count(IngestStatus::NewRendition), 1, "{report:#?}");
    (dir, lib)
}

fn id_of(lib: &Library, file: &str) -> u32 {
    lib.find(file).unwrap()
}

/// A note on the first words of the document's first text block (or item
/// annotation), and a bookmark on that block.
fn annotate(lib: &Library, id: u32, body: &str) {
    let doc = lib.document(id).unwrap().document;
    let (passage, text) = match doc
        .text_blocks()
        .iter()
        .find(|p| p.text.chars().count() > 20)
    {
        Some(p) => (format!("para:{}", p.index), p.text.clone()),
        None => {
            let item = doc
                .items_flat()
                .into_iter()
                .find(|i| i.annotation.chars().count() > 20)
                .expect("an annotated item");
            (format!("item:{}", item.number), item.annotation.clone())
        }
    };
    assert!(text.chars().count() > 12);
    lib.add_note(id, &passage, 2, 12, body).unwrap();
    let (target, anchor) = match passage.split_once(':').unwrap() {
        ("para", i) => (BookmarkTarget::Paragraph, i.to_string()),
        (_, n) => (BookmarkTarget::Item, n.to_string()),
    };
    lib.add_bookmark(id, target, &anchor, body).unwrap();
}

/// Everything the user sees of the library, as JSON: the listing, notes,
/// bookmarks, My agenda.
fn state(lib: &Library) -> String {
    serde_json::to_string_pretty(&(
        lib.listing().unwrap(),
        lib.notes(None).unwrap(),
        lib.bookmarks(None).unwrap(),
        lib.my_agenda().unwrap(),
    ))
    .unwrap()
}

fn hits(lib: &Library, query: &str) -> BTreeSet<u32> {
    lib.search(&SearchRequest {
        query: query.into(),
        limit: Some(10_000),
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|h| h.document.id)
    .collect()
}

fn listed(lib: &Library) -> BTreeSet<u32> {
    let listing = lib.listing().unwrap();
    listing
        .meetings
        .iter()
        .flat_map(|m| &m.documents)
        .chain(&listing.unfiled)
        .map(|d| d.id)
        .collect()
}

fn index_is_current(lib: &Library) {
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
}

#[test]
fn remove_then_restore_gives_the_library_back_identical_in_every_scope() {
    let (_dir, lib) = library();
    let report = id_of(&lib, "004_5995beeb77b35464.txt");
    let agenda = id_of(&lib, "003_9b7261b858c1689a.txt");
    let un = id_of(&lib, "A_80_590.docx");
    annotate(&lib, report, "the report");
    annotate(&lib, un, "the budget");
    let key = lib.document(agenda).unwrap().timing.slots[0].key.clone();
    lib.star_slot(agenda, &key, true).unwrap();
    let before = state(&lib);
    let all = listed(&lib);
    let found = hits(&lib, "资产追回");
    assert!(found.contains(&report), "{found:?}");
    assert!(hits(&lib, "MINUSMA").contains(&un));
    let index_len = lib.index_len();

    for scope in [
        RemoveScope::Document,
        RemoveScope::Languages,
        RemoveScope::Revisions,
    ] {
        for id in [report, agenda, un] {
            let entry = lib.remove(id, scope).unwrap();
            assert_eq!(entry.scope, scope);
            assert_eq!(entry.documents, 1, "{entry:?}");
            assert_eq!(entry.files, if id == un { 2 } else { 1 }, "{entry:?}");
            assert_eq!(entry.notes, if id == agenda { 0 } else { 1 }, "{entry:?}");
            // Gone from the listing, search, notes, bookmarks and stars …
            let mut rest = all.clone();
            rest.remove(&id);
            assert_eq!(listed(&lib), rest, "{scope:?} {id}");
            assert!(!hits(&lib, "资产追回").contains(&id));
            // MINUSMA is only in A/80/590: gone with it, found while it stays.
            assert_eq!(hits(&lib, "MINUSMA").is_empty(), id == un, "{scope:?} {id}");
            assert!(lib
                .notes(None)
                .unwrap()
                .iter()
                .all(|n| n.document_id != Some(id)));
            assert!(
                lib.document(id).is_err(),
                "a document in the trash is not opened"
            );
            if id == agenda {
                assert!(lib.my_agenda().unwrap().is_empty());
            }
            index_is_current(&lib);
            assert_eq!(lib.trash().unwrap(), vec![entry.clone()]);
            // … and back exactly as it was.
            assert_eq!(lib.restore_from_trash(entry.id).unwrap(), entry);
            assert_eq!(state(&lib), before, "{scope:?} {id}");
            assert!(lib.trash().unwrap().is_empty());
            assert_eq!(hits(&lib, "资产追回"), found);
            assert!(hits(&lib, "MINUSMA").contains(&un));
            assert_eq!(lib.index_len(), index_len, "notes indexed again too");
            index_is_current(&lib);
        }
    }
    // The index the removals and restores left is the one a rebuild makes.
    lib.reindex().unwrap();
    assert_eq!(lib.index_len(), index_len);
    lib.check().unwrap();
}

#[test]
fn removing_one_rendition_of_the_pair_keeps_the_document_with_the_other() {
    let (_dir, lib) = library();
    let id = id_of(&lib, "A_80_590.docx");
    annotate(&lib, id, "budget");
    let before = state(&lib);
    let stored = lib.document(id).unwrap();
    let (docx, pdf) = (stored.renditions[0].clone(), stored.renditions[1].clone());
    assert_eq!((docx.format, pdf.format), (Format::Docx, Format::Pdf));
    let pdf_text = dossier_core::parse_file(&un_doc("A_80_590.pdf")).unwrap();

    // The Word file, the text source: the text is read from the PDF.
    assert_eq!(lib.find_rendition("A_80_590.docx").unwrap(), docx.id);
    let entry = lib.remove(docx.id, RemoveScope::Rendition).unwrap();
    assert_eq!((entry.documents, entry.files, entry.notes), (0, 1, 0));
    assert!(entry.label.contains("A_80_590.docx"), "{}", entry.label);
    let now = lib.document(id).unwrap();
    assert_eq!(now.renditions.len(), 1);
    assert_eq!(now.renditions[0].format, Format::Pdf);
    assert!(now.renditions[0].text_source);
    assert_eq!(now.document.paragraphs, pdf_text.paragraphs);
    assert!(listed(&lib).contains(&id));
    assert!(hits(&lib, "MINUSMA").contains(&id));
    let notes = lib.notes(Some(id)).unwrap();
    assert_eq!(notes.len(), 1, "the note stays with the document");
    assert_eq!(notes[0].document_id, Some(id));
    index_is_current(&lib);
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(state(&lib), before);
    let back = lib.document(id).unwrap();
    assert_eq!(back.document, stored.document);
    assert_eq!(back.renditions, stored.renditions);
    assert_eq!(back.page_view, stored.page_view);

    // The PDF: the page view goes, the text stays.
    let entry = lib.remove(pdf.id, RemoveScope::Rendition).unwrap();
    let now = lib.document(id).unwrap();
    assert_eq!(now.renditions.len(), 1);
    assert!(now.page_view.is_none());
    assert_eq!(now.document, stored.document);
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(lib.document(id).unwrap(), stored);
    assert_eq!(state(&lib), before);

    // Both files, one after the other: the second is the last one and
    // takes the document; its restore comes first.
    let first = lib.remove(pdf.id, RemoveScope::Rendition).unwrap();
    let second = lib.remove(docx.id, RemoveScope::Rendition).unwrap();
    assert_eq!(second.scope, RemoveScope::Document);
    assert!(!listed(&lib).contains(&id));
    assert_eq!(lib.trash().unwrap(), vec![second.clone(), first.clone()]);
    let err = lib.restore_from_trash(first.id).unwrap_err().to_string();
    assert!(err.contains("restore that first"), "{err}");
    lib.restore_from_trash(second.id).unwrap();
    lib.restore_from_trash(first.id).unwrap();
    assert_eq!(state(&lib), before);
    lib.check().unwrap();
}

/// Every file in `files/`, relative to the library.
fn files_in(dir: &Path) -> BTreeSet<String> {
    walk(&dir.join("files"))
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn emptying_the_trash_deletes_the_files_no_one_else_uses_and_nothing_else() {
    let (dir, lib) = library();
    let un = id_of(&lib, "A_80_590.docx");
    let report = id_of(&lib, "004_5995beeb77b35464.txt");
    annotate(&lib, report, "gone with it");
    annotate(&lib, un, "kept");
    let files = files_in(dir.path());
    assert_eq!(files.len(), 6);
    let docx = lib.find_rendition("A_80_590.docx").unwrap();
    let docx_file = lib.rendition_file(docx).unwrap();
    let report_file = lib.original_file(report).unwrap();
    lib.remove(docx, RemoveScope::Rendition).unwrap();
    lib.remove(report, RemoveScope::Document).unwrap();
    let kept = state(&lib);
    // Removing deletes nothing.
    assert_eq!(files_in(dir.path()), files);

    let emptied = lib.empty_trash().unwrap();
    assert_eq!(emptied.entries, 2);
    assert_eq!(emptied.documents, 1);
    assert_eq!(emptied.renditions, 2);
    assert_eq!(emptied.notes, 1);
    assert_eq!(emptied.files_deleted, 2);
    assert!(!docx_file.exists() && !report_file.exists());
    let mut left = files.clone();
    for f in [&docx_file, &report_file] {
        left.remove(&f.strip_prefix(dir.path()).unwrap().display().to_string());
    }
    assert_eq!(files_in(dir.path()), left);
    assert!(lib.trash().unwrap().is_empty());
    assert_eq!(state(&lib), kept, "nothing else changed");
    assert_eq!(lib.check().unwrap(), 4, "every file left matches its hash");
    index_is_current(&lib);
    // The Word file can be imported again, as a rendition of the document.
    let again = lib.ingest_file(&un_doc("A_80_590.docx")).unwrap();
    assert_eq!(
        (again.status, again.document_id),
        (IngestStatus::NewRendition, Some(un))
    );
    drop(lib);
    let lib = Library::open(dir.path()).unwrap();
    assert_eq!(lib.check().unwrap(), 5);
}

#[test]
fn a_file_in_the_trash_imported_again_is_pointed_at_the_trash() {
    let (_dir, lib) = library();
    let id = id_of(&lib, "001_9b3f3c3582431abc.txt");
    let entry = lib.remove(id, RemoveScope::Document).unwrap();
    let generation = lib.generation().unwrap();
    let r = lib
        .ingest_file(&seeds().join("001_9b3f3c3582431abc.txt"))
        .unwrap();
    assert_eq!(r.status, IngestStatus::Unchanged);
    assert!(r.message.unwrap().contains("in the trash"));
    assert_eq!(lib.generation().unwrap(), generation, "nothing changed");
    assert_eq!(lib.trash().unwrap(), vec![entry]);
}

/// Two versions of one series: the seed report and a re-issue with one
/// more paragraph, under the same file name (the seeds print no symbol).
fn two_versions() -> (tempfile::TempDir, Library, u32, u32) {
    let (dir, lib) = library();
    let name = "004_5995beeb77b35464.txt";
    let v1 = id_of(&lib, name);
    let reissue = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(seeds().join(name)).unwrap();
    text.push_str("\n\n一百. 工作组建议缔约国会议注意到本报告并作为今后工作的基础。\n");
    std::fs::write(reissue.path().join(name), text).unwrap();
    let r = lib.ingest_file(&reissue.path().join(name)).unwrap();
    assert_eq!(r.status, IngestStatus::NewVersion, "{r:?}");
    let v2 = r.document_id.unwrap();
    (dir, lib, v1, v2)
}

#[test]
fn removing_the_latest_version_makes_the_previous_one_latest_until_restored() {
    let (_dir, lib, v1, v2) = two_versions();
    annotate(&lib, v2, "on the re-issue");
    let before = state(&lib);
    let series = lib.document(v2).unwrap().record.series;
    assert_eq!(lib.document(v1).unwrap().versions.len(), 2);

    let entry = lib.remove(v2, RemoveScope::Document).unwrap();
    assert!(entry.label.contains("version 2"), "{}", entry.label);
    assert_eq!(entry.notes, 1);
    let older = lib.document(v1).unwrap();
    assert!(
        older.record.latest,
        "the previous version is the latest again"
    );
    assert_eq!(older.record.versions, 1);
    assert_eq!(older.versions.len(), 1);
    assert!(listed(&lib).contains(&v1) && !listed(&lib).contains(&v2));
    assert_eq!(lib.document_for_series(&series).unwrap(), v1);
    assert!(
        hits(&lib, "资产追回").contains(&v1),
        "the index holds it now"
    );
    // The note stays with its document, in the trash, not moved to v1.
    assert!(lib.notes(None).unwrap().iter().all(|n| n.series != series));
    index_is_current(&lib);

    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(state(&lib), before);
    assert!(!lib.document(v1).unwrap().record.latest);
    let found = hits(&lib, "资产追回");
    assert!(found.contains(&v2) && !found.contains(&v1), "{found:?}");
    index_is_current(&lib);
}

#[test]
fn removing_an_older_version_leaves_the_notes_with_the_newer_one() {
    let (_dir, lib, v1, v2) = two_versions();
    annotate(&lib, v2, "on the re-issue");
    let before = state(&lib);
    let entry = lib.remove(v1, RemoveScope::Document).unwrap();
    assert_eq!(entry.notes, 0);
    let notes = lib.notes(Some(v2)).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].document_id, Some(v2));
    assert_eq!(lib.bookmarks(Some(v2)).unwrap().len(), 1);
    let newer = lib.document(v2).unwrap();
    assert!(newer.record.latest);
    assert_eq!(newer.versions.len(), 1);
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(state(&lib), before);

    // All revisions at once: one entry, both back with one restore.
    let entry = lib.remove(v1, RemoveScope::Revisions).unwrap();
    assert_eq!((entry.documents, entry.notes), (2, 1));
    assert!(entry.label.contains("2 versions"), "{}", entry.label);
    assert!(lib.bookmarks(None).unwrap().is_empty());
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(state(&lib), before);
}

#[test]
fn a_library_with_things_in_the_trash_backs_up_and_restores_whole() {
    let root = tempfile::tempdir().unwrap();
    let (lib_dir, backup_dir) = (root.path().join("library"), root.path().join("backup"));
    let lib = Library::open(&lib_dir).unwrap();
    lib.ingest(
        &[seeds(), un_doc("A_80_590.docx"), un_doc("A_80_590.pdf")],
        &mut |_| {},
    );
    let report = id_of(&lib, "004_5995beeb77b35464.txt");
    annotate(&lib, report, "in the trash");
    let before = state(&lib);
    let pdf = lib.find_rendition("A_80_590.pdf").unwrap();
    lib.remove(report, RemoveScope::Document).unwrap();
    lib.remove(pdf, RemoveScope::Rendition).unwrap();
    let trash: Vec<TrashEntry> = lib.trash().unwrap();
    let summary = lib.backup(&backup_dir).unwrap();
    assert_eq!(summary.files, 6, "the files in the trash are backed up too");
    drop(lib);
    std::fs::remove_dir_all(&lib_dir).unwrap();

    dossier_core::library::restore(&backup_dir, &lib_dir).unwrap();
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.trash().unwrap(), trash);
    for entry in &trash {
        lib.restore_from_trash(entry.id).unwrap();
    }
    assert_eq!(state(&lib), before);
    assert_eq!(lib.check().unwrap(), 6);
}

#[test]
fn a_library_of_schema_3_migrates_to_4_keeping_everything() {
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let lib = Library::open(dir.path()).unwrap();
        lib.ingest(
            &[seeds(), un_doc("A_80_590.docx"), un_doc("A_80_590.pdf")],
            &mut |_| {},
        );
        annotate(&lib, id_of(&lib, "004_5995beeb77b35464.txt"), "kept");
        annotate(&lib, id_of(&lib, "A_80_590.pdf"), "kept too");
        state(&lib)
    };
    // Schema 3 had no trash (nor table rows, item verdicts or a fetch queue).
    {
        let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
        conn.execute_batch(
            "DROP TABLE fetch_queue;
             DROP TABLE item_verdicts;
             ALTER TABLE paragraphs DROP COLUMN is_row;
             DROP INDEX documents_trash;
             DROP INDEX renditions_trash;
             ALTER TABLE documents DROP COLUMN trash_id;
             ALTER TABLE renditions DROP COLUMN trash_id;
             DROP TABLE trash;
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let lib = Library::open(dir.path()).unwrap();
    assert_eq!(state(&lib), before);
    assert!(lib.trash().unwrap().is_empty());
    lib.check().unwrap();
    let version: i64 = rusqlite::Connection::open(dir.path().join("library.sqlite3"))
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, dossier_core::api::schema_version());
    let entry = lib
        .remove(id_of(&lib, "A_80_590.docx"), RemoveScope::Document)
        .unwrap();
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(state(&lib), before);
}

/// A note follows its series to a new version, and so does its entry in the
/// search index (it used to leave the index with the previous version's
/// passages until a rebuild).
#[test]
fn a_note_is_searchable_on_the_new_version_it_moved_to() {
    let (_dir, lib) = library();
    let name = "004_5995beeb77b35464.txt";
    let v1 = id_of(&lib, name);
    annotate(&lib, v1, "zebrafinch");
    assert_eq!(hits(&lib, "zebrafinch"), BTreeSet::from([v1]));
    let reissue = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(seeds().join(name)).unwrap();
    text.push_str("\n\n一百. 工作组建议缔约国会议注意到本报告。\n");
    std::fs::write(reissue.path().join(name), text).unwrap();
    let v2 = lib
        .ingest_file(&reissue.path().join(name))
        .unwrap()
        .document_id
        .unwrap();
    assert_eq!(lib.notes(Some(v2)).unwrap()[0].document_id, Some(v2));
    assert_eq!(hits(&lib, "zebrafinch"), BTreeSet::from([v2]));
    // Removing the new version: the note goes with it, from search too.
    let entry = lib.remove(v2, RemoveScope::Document).unwrap();
    assert!(hits(&lib, "zebrafinch").is_empty());
    lib.restore_from_trash(entry.id).unwrap();
    assert_eq!(hits(&lib, "zebrafinch"), BTreeSet::from([v2]));
}

#[test]
fn a_document_in_the_trash_cannot_be_starred_bookmarked_or_renamed() {
    let (_dir, lib) = library();
    let id = id_of(&lib, "001_9b3f3c3582431abc.txt");
    let before = state(&lib);
    lib.remove(id, RemoveScope::Document).unwrap();
    let in_trash = state(&lib);
    let refused = |r: dossier_core::Result<()>, what: &str| {
        let e = r.expect_err(what).to_string();
        assert!(e.contains("in the trash"), "{what}: {e}");
    };
    refused(lib.star_slot(id, "slot-key", true), "a star");
    refused(
        lib.add_bookmark(id, BookmarkTarget::Document, "", "mark")
            .map(|_| ()),
        "a bookmark",
    );
    refused(lib.set_user_symbol(id, Some("X/1")), "a symbol");
    refused(
        lib.add_note(id, "item:1", 0, 2, "note").map(|_| ()),
        "a note",
    );
    // Nothing changed, in the trash or out of it once restored.
    assert_eq!(state(&lib), in_trash);
    let entry = lib.trash().unwrap()[0].id;
    lib.restore_from_trash(entry).unwrap();
    assert_eq!(state(&lib), before);
}
