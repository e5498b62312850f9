//! Reading and searching while the library is being written: the reader
//! connection and the index reader never wait for the writer, so a delegate
//! can keep working while a folder of documents is filed.
//!
//! Both tests are deterministic: the first holds a write transaction open for
//! the whole time the reads run (a read that waited for it would fail with
//! "database is locked" after the busy timeout, since the transaction is only
//! released after them); the second stops a real import at three chosen
//! stages and reads there, with its documents staged and uncommitted.

use dossier_core::api::SearchRequest;
use dossier_core::Library;
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// What a delegate does while the import runs: a search, the agenda, the
/// library's list. Panics when one of them fails or answers wrongly.
fn read_everything(lib: &Library, agenda: u32) {
    let hits = lib
        .search(&SearchRequest {
            query: "实益所有权".into(),
            ..Default::default()
        })
        .expect("search answers");
    assert!(!hits.is_empty(), "search finds the seeds' passages");
    let doc = lib.document(agenda).expect("the agenda opens");
    assert!(
        doc.document.agenda.iter().any(|i| i.number == "3"),
        "the agenda reads whole"
    );
    assert!(!lib
        .listing()
        .expect("the library lists")
        .meetings
        .is_empty());
}

#[test]
fn reads_are_answered_while_a_write_transaction_is_held() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("library");
    let lib = Library::open(&dir).unwrap();
    lib.ingest(&[seeds()], &mut |_| {});
    let agenda = lib.find("001_9b3f3c3582431abc.txt").unwrap();

    // Another writer holds the database's write lock, with a change of its
    // own not yet committed: what an import's transaction looks like to the
    // readers.
    let writer = rusqlite::Connection::open(dir.join("library.sqlite3")).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    writer
        .execute(
            "UPDATE documents SET symbol = 'HELD/1' WHERE id = ?1",
            [agenda],
        )
        .unwrap();

    let started = std::time::Instant::now();
    for _ in 0..5 {
        read_everything(&lib, agenda);
    }
    // Readers see the last committed state, not the writer's change.
    assert_ne!(
        lib.document(agenda).unwrap().record.symbol.as_deref(),
        Some("HELD/1")
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "reads waited for the writer ({:?})",
        started.elapsed()
    );
    writer.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn reading_and_searching_go_on_during_a_large_import() {
    let root = tempfile::tempdir().unwrap();
    let lib = Arc::new(Library::open(&root.path().join("library")).unwrap());
    lib.ingest(&[seeds()], &mut |_| {});
    let agenda = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let count = |lib: &Library| -> usize {
        let listing = lib.listing().unwrap();
        listing.meetings.iter().map(|m| m.documents.len()).sum()
    };
    let seeded = count(&lib);

    // A large import: 120 distinct documents (the seeds, each with a paragraph of its own).
    let inbox = root.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let texts: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    for i in 0..120 {
        let text = format!(
            "{}\n\n第{i}号补充段落：资产追回问题。\n",
            texts[i % texts.len()]
        );
        std::fs::write(inbox.join(format!("copy{i:03}.txt")), text).unwrap();
    }

    // The import stops at three stages until the reads there are done.
    const STAGES: [u32; 3] = [3, 60, 110];
    let (at_stage, stage_reached) = mpsc::channel::<u32>();
    let (reads_done, resume) = mpsc::channel::<()>();
    let importer = {
        let lib = lib.clone();
        std::thread::spawn(move || {
            lib.ingest(&[inbox], &mut |p| {
                if STAGES.contains(&p.done) {
                    at_stage.send(p.done).unwrap();
                    resume.recv().unwrap();
                }
            })
        })
    };
    let mut stages = Vec::new();
    for stage in stage_reached.iter().take(STAGES.len()) {
        read_everything(&lib, agenda);
        // What the import has filed so far is the library's, already.
        let documents = count(&lib);
        assert_eq!(
            documents,
            seeded + stage as usize,
            "stage {stage}: every file filed so far is listed"
        );
        stages.push(stage);
        reads_done.send(()).unwrap();
    }
    let report = importer.join().unwrap();
    assert_eq!(stages, STAGES);
    assert_eq!(report.results.len(), 120);
    assert!(
        report.results.iter().all(|r| r.message.is_none()),
        "every file was filed"
    );
    // And the import's documents are found once it is done.
    let hits = lib
        .search(&SearchRequest {
            query: "第119号补充段落".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(!hits.is_empty());
}
