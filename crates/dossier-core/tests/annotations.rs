//! Notes and bookmarks across restarts, re-ingestion, revisions, export and import.

use dossier_core::api::BookmarkTarget;
use dossier_core::api::IngestStatus;
use dossier_core::api::SearchRequest;
use dossier_core::Library;
use std::path::{Path, PathBuf};

const SEED: &str = "001_9b3f3c3582431abc.txt";

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(SEED)
}

/// Character offsets of `needle` in the annotation of `item`.
fn offsets(lib: &Library, doc: u32, item: &str, needle: &str) -> (u32, u32) {
    let d = lib.document(doc).unwrap().document;
    let ann = &d
        .items_flat()
        .into_iter()
        .find(|i| i.number == item)
        .unwrap()
        .annotation;
    let byte = ann.find(needle).expect("needle in annotation");
    let start = ann[..byte].chars().count() as u32;
    (start, start + needle.chars().count() as u32)
}

fn library_with_note() -> (tempfile::TempDir, Library, u32, u32) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let doc = lib.ingest_file(&seed_path()).unwrap().document_id.unwrap();
    let (s, e) = offsets(&lib, doc, "3(a)", "实益所有权透明度");
    let note = lib
        .add_note(
            doc,
            "item:3(a)",
            s,
            e,
            "Ask about **registries** in the statement",
        )
        .unwrap();
    assert_eq!(note.anchor.exact, "实益所有权透明度");
    (dir, lib, doc, note.id)
}

#[test]
fn notes_and_bookmarks_survive_a_restart() {
    let (dir, lib, doc, id) = library_with_note();
    lib.add_bookmark(doc, BookmarkTarget::Item, "3(a)", "my item")
        .unwrap();
    lib.add_bookmark(doc, BookmarkTarget::Item, "3(a)", "again")
        .unwrap();
    drop(lib);
    let lib = Library::open(dir.path()).unwrap();
    let notes = lib.notes(Some(doc)).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].id, id);
    assert_eq!(
        lib.bookmarks(None).unwrap().len(),
        1,
        "the same place is bookmarked once"
    );
    lib.check_integrity().unwrap();
}

#[test]
fn notes_are_found_by_search_and_deleted_with_undo() {
    let (_dir, lib, _doc, id) = library_with_note();
    let search = |q: &str| {
        lib.search(&SearchRequest {
            query: q.into(),
            ..Default::default()
        })
        .unwrap()
    };
    let hits = search("registries");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].location.note, Some(id));
    assert_eq!(hits[0].location.item.as_deref(), Some("3(a)"));
    lib.delete_note(id).unwrap();
    assert!(search("registries").is_empty());
    assert!(lib.notes(None).unwrap().is_empty());
    lib.restore_note(id).unwrap();
    assert_eq!(search("registries").len(), 1);
}

#[test]
fn a_note_follows_its_words_into_a_revision_or_detaches() {
    let (_dir, lib, _doc, id) = library_with_note();
    // Re-ingesting the same file changes nothing.
    assert_eq!(
        lib.ingest_file(&seed_path()).unwrap().status,
        IngestStatus::Unchanged
    );

    // A revised file (same name, so the same series): text changed before,
    // after and inside the noted paragraph, the words themselves kept.
    let original = std::fs::read_to_string(seed_path()).unwrap();
    let revised = original
        .replacen(
            "工作组将收到秘书处题为",
            "工作组届时将收到秘书处编写的题为",
            1,
        )
        .replacen("透明度方面良好做法", "透明度方面的良好做法", 1)
        .replacen("缔约国似宜", "请缔约国似宜", 1);
    assert_ne!(revised, original);
    let rev_dir = tempfile::tempdir().unwrap();
    let rev_path = rev_dir.path().join(SEED);
    std::fs::write(&rev_path, &revised).unwrap();
    let r = lib.ingest_file(&rev_path).unwrap();
    assert_eq!(r.status, IngestStatus::NewVersion, "{r:?}");
    let note = &lib.notes(None).unwrap()[0];
    assert_eq!(note.id, id);
    assert!(!note.detached);
    assert_eq!(note.document_id, r.document_id);
    assert_eq!(note.anchor.exact, "实益所有权透明度");
    let (s, e) = offsets(&lib, r.document_id.unwrap(), "3(a)", "实益所有权透明度");
    assert_eq!((note.anchor.start, note.anchor.end), (s, e));

    // A revision without the words: the note is kept, detached, with its quote.
    let gone = revised.replace("实益所有权透明度", "信息透明");
    std::fs::write(&rev_path, &gone).unwrap();
    let r3 = lib.ingest_file(&rev_path).unwrap();
    assert_eq!(r3.version, Some(3));
    let note = &lib.notes(None).unwrap()[0];
    assert!(note.detached);
    assert_eq!(note.anchor.exact, "实益所有权透明度");
    lib.check_integrity().unwrap();
}

#[test]
fn export_then_import_gives_the_same_set_without_duplicates() {
    let (_dir, lib, doc, _id) = library_with_note();
    lib.add_bookmark(doc, BookmarkTarget::Slot, "2024-06-12 15:00", "")
        .unwrap();
    let export = lib.export_annotations(None).unwrap();
    let md = dossier_core::annotations::exchange::to_markdown(&export);
    assert!(
        md.contains("> 实益所有权透明度") && md.contains("Ask about **registries**"),
        "{md}"
    );
    // The document is named by its meeting and title, not by its file.
    let exported = &export.documents[0];
    let meeting = exported.meeting.as_deref().expect("the seed's meeting");
    assert!(md.contains(meeting), "{md}");
    assert!(!md.contains(&exported.file), "{md}");

    let other = tempfile::tempdir().unwrap();
    let lib2 = Library::open(other.path()).unwrap();
    lib2.ingest_file(&seed_path()).unwrap();
    let json = serde_json::to_string(&export).unwrap();
    let parsed = serde_json::from_str(&json).unwrap();
    let first = lib2.import_annotations(&parsed).unwrap();
    assert_eq!(
        (
            first.notes_added,
            first.bookmarks_added,
            first.notes_detached
        ),
        (1, 1, 0)
    );
    let again = lib2.import_annotations(&parsed).unwrap();
    assert_eq!(
        (
            again.notes_added,
            again.notes_unchanged,
            again.bookmarks_added
        ),
        (0, 1, 0)
    );
    let back = lib2.export_annotations(None).unwrap();
    assert_eq!(back.notes.len(), 1);
    assert_eq!(back.notes[0].uid, export.notes[0].uid);
    assert_eq!(back.notes[0].anchor, export.notes[0].anchor);
    assert_eq!(back.notes[0].body, export.notes[0].body);
    assert_eq!(back.bookmarks.len(), 1);
}
