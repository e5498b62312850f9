//! One document, several files: a UN document's Word file and its PDF are
//! one document with two renditions, whichever comes first; the text is
//! read from the Word file, the page view shows the PDF at the right page.

use dossier_core::api::Format;
use dossier_core::api::IngestStatus;
use dossier_core::Library;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/un-docs")
        .join(name)
}

/// The pages the paragraphs stand on, read from the PDFs with
/// `pdftotext -layout -f N -l N` (the printed paragraph number → page).
const PAGES: &[(&str, &[(&str, u32)])] = &[
    ("A_80_590", &[("26", 9), ("27", 9), ("67", 22), ("68", 22)]),
    (
        "A_81_6SECT.13",
        &[
            ("13.1", 2),
            ("13.2", 2),
            ("13.5", 3),
            ("13.18", 6),
            ("13.19", 6),
        ],
    ),
];

fn ingest_one(lib: &Library, path: &Path) -> (IngestStatus, u32) {
    let r = lib.ingest_file(path).unwrap();
    (r.status, r.document_id.unwrap())
}

#[test]
fn a_word_file_and_its_pdf_are_one_document_in_either_order() {
    for (name, pages) in PAGES {
        let docx = fixture(&format!("{name}.docx"));
        let pdf = fixture(&format!("{name}.pdf"));
        let word_text = dossier_core::parse_file(&docx).unwrap();
        for order in [[&docx, &pdf], [&pdf, &docx]] {
            let dir = tempfile::tempdir().unwrap();
            let lib = Library::open(dir.path()).unwrap();
            let (first, id) = ingest_one(&lib, order[0]);
            assert_eq!(first, IngestStatus::Ingested, "{name}");
            let (second, same) = ingest_one(&lib, order[1]);
            assert_eq!(second, IngestStatus::NewRendition, "{name}: {order:?}");
            assert_eq!(same, id, "{name}: one document");
            assert_eq!(lib.records().unwrap().len(), 1, "{name}: {order:?}");

            let stored = lib.document(id).unwrap();
            let formats: Vec<Format> = stored.renditions.iter().map(|r| r.format).collect();
            assert_eq!(formats, [Format::Docx, Format::Pdf], "{name}");
            assert!(stored.renditions[0].text_source, "{name}: Word is read");
            assert_eq!(stored.record.version, 1, "{name}: not a second version");
            assert_eq!(
                stored.document.paragraphs, word_text.paragraphs,
                "{name}: the text is the Word file's ({order:?})"
            );

            let view = stored.page_view.as_ref().expect("the PDF is the page view");
            assert_eq!(view.rendition, stored.renditions[1].id);
            assert!(view.pages.unwrap() >= 10, "{name}");
            for (number, page) in *pages {
                let p = stored
                    .document
                    .paragraphs
                    .iter()
                    .find(|p| p.number.as_deref() == Some(number))
                    .unwrap_or_else(|| panic!("{name}: paragraph {number}"));
                let place = view
                    .places
                    .get(&format!("para:{}", p.index))
                    .unwrap_or_else(|| panic!("{name}: no place for paragraph {number}"));
                assert_eq!(place.page, *page, "{name}: paragraph {number}");
                assert!((0.0..1.0).contains(&place.top), "{name}: {place:?}");
            }

            // The same files again change nothing.
            for path in order {
                assert_eq!(ingest_one(&lib, path), (IngestStatus::Unchanged, id));
            }
            assert_eq!(lib.document(id).unwrap().renditions.len(), 2);
        }
    }
}

#[test]
fn notes_and_bookmarks_follow_the_text_to_the_better_rendition() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let (_, id) = ingest_one(&lib, &fixture("A_80_590.pdf"));
    let from_pdf = lib.document(id).unwrap();
    let p = from_pdf
        .document
        .paragraphs
        .iter()
        .find(|p| p.number.as_deref() == Some("27"))
        .unwrap()
        .clone();
    let words = "MINUSMA undertook extensive efforts";
    let start = p.text.find(words).unwrap() as u32;
    let start = p.text[..start as usize].chars().count() as u32;
    let end = start + words.chars().count() as u32;
    let note = lib
        .add_note(id, &format!("para:{}", p.index), start, end, "Bamako")
        .unwrap();
    lib.add_bookmark(
        id,
        dossier_core::api::BookmarkTarget::Paragraph,
        &p.index.to_string(),
        "27",
    )
    .unwrap();

    let (status, same) = ingest_one(&lib, &fixture("A_80_590.docx"));
    assert_eq!((status, same), (IngestStatus::NewRendition, id));
    let stored = lib.document(id).unwrap();
    assert_eq!(stored.renditions[0].format, Format::Docx);
    assert!(stored.renditions[0].text_source);
    let now = stored
        .document
        .paragraphs
        .iter()
        .find(|p| p.number.as_deref() == Some("27"))
        .unwrap();

    let notes = lib.notes(Some(id)).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].id, note.id);
    assert!(!notes[0].detached, "{:?}", notes[0]);
    assert_eq!(notes[0].anchor.passage, format!("para:{}", now.index));
    assert_eq!(notes[0].anchor.exact, words);
    let bookmarks = lib.bookmarks(Some(id)).unwrap();
    assert_eq!(bookmarks.len(), 1);
    assert_eq!(bookmarks[0].anchor, now.index.to_string());
}

#[test]
fn the_reader_may_choose_the_pdf_text_and_go_back() {
    let dir = tempfile::tempdir().unwrap();
    let docx_text = dossier_core::parse_file(&fixture("A_81_6SECT.13.docx")).unwrap();
    let pdf_text = dossier_core::parse_file(&fixture("A_81_6SECT.13.pdf")).unwrap();
    let id = {
        let lib = Library::open(dir.path()).unwrap();
        let (_, id) = ingest_one(&lib, &fixture("A_81_6SECT.13.docx"));
        ingest_one(&lib, &fixture("A_81_6SECT.13.pdf"));
        let pdf = lib.document(id).unwrap().renditions[1].id;
        lib.set_text_source(id, Some(pdf)).unwrap();
        id
    };
    // The choice survives a restart, and the next better file does not undo it.
    let lib = Library::open(dir.path()).unwrap();
    let stored = lib.document(id).unwrap();
    let source: Vec<_> = stored.renditions.iter().filter(|r| r.text_source).collect();
    assert_eq!(source.len(), 1);
    assert_eq!(source[0].format, Format::Pdf);
    assert_eq!(stored.document.paragraphs, pdf_text.paragraphs);
    lib.set_text_source(id, None).unwrap();
    let stored = lib.document(id).unwrap();
    assert!(stored.renditions[0].text_source);
    assert_eq!(stored.renditions[0].format, Format::Docx);
    assert_eq!(stored.document.paragraphs, docx_text.paragraphs);
}

#[test]
fn a_library_of_the_previous_schema_keeps_its_notes_and_gets_renditions() {
    let dir = tempfile::tempdir().unwrap();
    let (id, note) = {
        let lib = Library::open(dir.path()).unwrap();
        let (_, id) = ingest_one(&lib, &fixture("A_80_590.pdf"));
        let p = lib.document(id).unwrap().document.paragraphs[3].clone();
        let note = lib
            .add_note(id, &format!("para:{}", p.index), 0, 10, "kept")
            .unwrap();
        (id, note)
    };
    // Schema 2 had no renditions and no chosen text format (nor a trash, table
    // rows, item verdicts or a fetch queue).
    {
        let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
        conn.execute_batch(
            "DROP TABLE fetch_queue;
             DROP TABLE item_verdicts;
             ALTER TABLE paragraphs DROP COLUMN is_row;
             DROP INDEX documents_trash;
             ALTER TABLE documents DROP COLUMN trash_id;
             DROP TABLE trash;
             DROP TABLE renditions;
             ALTER TABLE documents DROP COLUMN text_format;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let lib = Library::open(dir.path()).unwrap();
    let stored = lib.document(id).unwrap();
    assert_eq!(stored.renditions.len(), 1);
    assert_eq!(stored.renditions[0].format, Format::Pdf);
    assert!(stored.renditions[0].text_source);
    let notes = lib.notes(Some(id)).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, note.body);
    // The migrated PDF gets its places the first time it is shown.
    let view = stored.page_view.unwrap();
    assert_eq!(view.pages, Some(27));
    assert!(view.places.len() > 50, "{}", view.places.len());
    // And the Word file joins it as a second rendition.
    assert_eq!(
        ingest_one(&lib, &fixture("A_80_590.docx")),
        (IngestStatus::NewRendition, id)
    );
    assert!(lib.original_file(id).unwrap().is_file());
}

#[test]
fn a_backup_keeps_every_rendition() {
    let root = tempfile::tempdir().unwrap();
    let (lib_dir, backup_dir) = (root.path().join("library"), root.path().join("backup"));
    let id = {
        let lib = Library::open(&lib_dir).unwrap();
        let (_, id) = ingest_one(&lib, &fixture("A_80_590.docx"));
        ingest_one(&lib, &fixture("A_80_590.pdf"));
        lib.backup(&backup_dir).unwrap();
        id
    };
    std::fs::remove_dir_all(&lib_dir).unwrap();
    dossier_core::library::restore(&backup_dir, &lib_dir).unwrap();
    let lib = Library::open(&lib_dir).unwrap();
    let stored = lib.document(id).unwrap();
    assert_eq!(stored.renditions.len(), 2);
    for r in &stored.renditions {
        let file = lib.rendition_file(r.id).unwrap();
        assert_eq!(
            std::fs::metadata(&file).unwrap().len(),
            u64::from(r.file_size),
            "{file:?}"
        );
    }
    assert!(stored.page_view.unwrap().places.len() > 50);
}

#[test]
fn an_original_is_opened_from_a_copy_with_its_own_name() {
    let root = tempfile::tempdir().unwrap();
    let lib = Library::open(&root.path().join("library")).unwrap();
    let (_, id) = ingest_one(&lib, &fixture("A_80_590.docx"));
    let r = lib.document(id).unwrap().renditions[0].clone();
    let copy = lib.copy_rendition(r.id, &root.path().join("open")).unwrap();
    assert_eq!(copy.file_name().unwrap(), "A_80_590.docx");
    std::fs::write(&copy, "edited in Word").unwrap();
    let kept = std::fs::read(lib.rendition_file(r.id).unwrap()).unwrap();
    assert_eq!(kept, std::fs::read(fixture("A_80_590.docx")).unwrap());
    // Opening it again gives a fresh copy.
    let again = lib.copy_rendition(r.id, &root.path().join("open")).unwrap();
    assert_eq!(std::fs::read(again).unwrap(), kept);
}

/// The Word and PDF pairs of the real corpus (`shared/corpus/real`, beside
/// the checkout): one document each, two renditions, whichever comes first.
#[test]
fn the_real_corpus_pairs_are_one_document_each() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !real.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the real corpus is missing at {} (CI has ../shared beside the checkout)",
            real.display()
        );
        eprintln!("skipping: {} not found", real.display());
        return;
    }
    for name in [
        "ECE_TRADE_C_CEFACT_2018_1_en",
        "ECE_TRADE_C_CEFACT_2019_26_en",
    ] {
        let docx = real.join(format!("{name}.docx"));
        let pdf = real.join(format!("{name}.pdf"));
        for order in [[&pdf, &docx], [&docx, &pdf]] {
            let dir = tempfile::tempdir().unwrap();
            let lib = Library::open(dir.path()).unwrap();
            let (_, id) = ingest_one(&lib, order[0]);
            assert_eq!(
                ingest_one(&lib, order[1]),
                (IngestStatus::NewRendition, id),
                "{name}: {order:?}"
            );
            let stored = lib.document(id).unwrap();
            let formats: Vec<Format> = stored.renditions.iter().map(|r| r.format).collect();
            assert_eq!(formats, [Format::Docx, Format::Pdf], "{name}");
            assert!(stored.renditions[0].text_source, "{name}");
            assert_eq!(lib.records().unwrap().len(), 1, "{name}");
            let view = stored.page_view.unwrap();
            assert!(!view.places.is_empty(), "{name}: places found in the PDF");
        }
    }
}
