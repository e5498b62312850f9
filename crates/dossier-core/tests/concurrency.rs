//! Reading and searching while a large import runs: the reader connection and
//! the index reader never wait for the writer, so a delegate can keep working
//! while a folder of documents is filed.

use dossier_core::api::SearchRequest;
use dossier_core::Library;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

#[test]
fn reading_and_searching_go_on_during_a_large_import() {
    let root = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let lib = Arc::new(Library::open(&root.path().join("library")).unwrap());
    lib.ingest(std::slice::from_ref(&seeds), &mut |_| {});
    let agenda = lib.find("001_9b3f3c3582431abc.txt").unwrap();

    // A large import: 120 distinct documents (the seeds, each with a paragraph of its own).
    let inbox = root.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let texts: Vec<String> = std::fs::read_dir(&seeds)
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

    let done = Arc::new(AtomicBool::new(false));
    let filed = Arc::new(AtomicUsize::new(0));
    let importer = {
        let (lib, done, filed) = (lib.clone(), done.clone(), filed.clone());
        std::thread::spawn(move || {
            let report = lib.ingest(&[inbox], &mut |_| {
                filed.fetch_add(1, Ordering::SeqCst);
            });
            done.store(true, Ordering::SeqCst);
            report
        })
    };
    // Wait until the import is under way, then read and search alongside it.
    while filed.load(Ordering::SeqCst) < 3 && !done.load(Ordering::SeqCst) {
        std::thread::yield_now();
    }
    let mut during = 0usize;
    let mut progress_seen = Vec::new();
    while !done.load(Ordering::SeqCst) {
        let hits = lib
            .search(&SearchRequest {
                query: "实益所有权".into(),
                ..Default::default()
            })
            .unwrap();
        assert!(!hits.is_empty(), "search answers during the import");
        let doc = lib.document(agenda).unwrap();
        assert!(
            doc.document.agenda.iter().any(|i| i.number == "3"),
            "the agenda reads during the import"
        );
        assert!(lib.listing().is_ok());
        if !done.load(Ordering::SeqCst) {
            during += 1;
            progress_seen.push(filed.load(Ordering::SeqCst));
        }
    }
    let report = importer.join().unwrap();
    assert_eq!(report.results.len(), 120);
    assert!(
        report.results.iter().all(|r| r.message.is_none()),
        "every file was filed"
    );
    // Reads were answered throughout, not queued behind the import: many of
    // them, at different stages of it.
    assert!(
        during >= 10,
        "only {during} reads completed during the import"
    );
    progress_seen.dedup();
    assert!(
        progress_seen.len() >= 3,
        "reads did not interleave with the import: {progress_seen:?}"
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
