//! A library whose search index must be rebuilt opens at once: the rebuild
//! runs afterwards (in the app, on a background thread), searches meanwhile
//! answer from the index as it was, and imports made during it are indexed
//! and never let a half-done rebuild pass for current.

use dossier_core::api::SearchRequest;
use dossier_core::library::{IndexRebuild, IndexStatus, Library};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn hits(lib: &Library, q: &str) -> usize {
    lib.search(&SearchRequest {
        query: q.into(),
        limit: Some(10_000),
        ..Default::default()
    })
    .unwrap()
    .len()
}

/// A library of the four seeds whose index was then deleted.
fn library_without_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    {
        let lib = Library::open(dir.path()).unwrap();
        let report = lib.ingest(&[seeds()], &mut |_| {});
        assert_eq!(report.failed().count(), 0);
        assert!(hits(&lib, "资产追回") > 0);
    }
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    dir
}

#[test]
fn the_open_leaves_the_rebuild_for_later_and_the_rebuild_reports_its_progress() {
    let dir = library_without_index();
    let lib = Library::open_with(dir.path(), IndexRebuild::Later).unwrap();
    assert!(
        lib.index_status().rebuilding,
        "the open says the index is to be rebuilt"
    );
    // Searches answer at once, from the (empty) index as it is.
    assert_eq!(hits(&lib, "资产追回"), 0);
    let mut seen = Vec::new();
    assert!(lib.rebuild_index_if_pending(&mut |done, total| seen.push((done, total))));
    assert_eq!(seen.first(), Some(&(0, 4)));
    assert_eq!(seen.last(), Some(&(4, 4)));
    assert_eq!(lib.index_status(), IndexStatus::default());
    assert!(hits(&lib, "资产追回") > 0);
    // Nothing left to do, now or at the next open.
    assert!(!lib.rebuild_index_if_pending(&mut |_, _| {}));
    drop(lib);
    let again = Library::open_with(dir.path(), IndexRebuild::Later).unwrap();
    assert!(!again.index_status().rebuilding);
}

#[test]
fn an_import_during_the_rebuild_is_indexed_and_the_index_ends_current() {
    let dir = library_without_index();
    let lib = Arc::new(Library::open_with(dir.path(), IndexRebuild::Later).unwrap());
    let english = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/en_ctoc_agenda.txt");
    let rebuild = {
        let lib = lib.clone();
        std::thread::spawn(move || {
            lib.rebuild_index_if_pending(&mut |_, _| std::thread::yield_now())
        })
    };
    let report = lib.ingest(&[english], &mut |_| {});
    assert_eq!(report.failed().count(), 0);
    assert!(rebuild.join().unwrap());
    assert!(
        hits(&lib, "资产追回") > 0,
        "the rebuilt documents are found"
    );
    assert!(
        hits(&lib, "smuggling") > 0,
        "the document imported during the rebuild is found"
    );
    drop(lib);
    // The index records the store's generation: the next open rebuilds nothing.
    let again = Library::open_with(dir.path(), IndexRebuild::Later).unwrap();
    assert!(!again.index_status().rebuilding);
    assert!(hits(&again, "smuggling") > 0);
}
