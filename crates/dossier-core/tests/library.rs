//! The library end to end without a window: ingest, read back, versions,
//! references, search, index rebuild, failures, locking.

use dossier_core::api::IngestStatus;
use dossier_core::api::SearchRequest;
use dossier_core::search::passages::passages;
use dossier_core::{Error, Library};
use pretty_assertions::assert_eq;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
fn seeds() -> PathBuf {
    root().join("seeds")
}
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn seeded() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let report = lib.ingest(&[seeds()], &mut |_| {});
    assert_eq!(report.count(IngestStatus::Ingested), 4, "{report:#?}");
    (dir, lib)
}

fn search(lib: &Library, q: &str) -> Vec<dossier_core::api::SearchHit> {
    lib.search(&SearchRequest {
        query: q.into(),
        limit: Some(10_000),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn seeds_round_trip_through_the_store() {
    let (_dir, lib) = seeded();
    lib.check_integrity().unwrap();
    for rec in lib.records().unwrap() {
        let parsed = dossier_core::parse_file(&seeds().join(&rec.file)).unwrap();
        let stored = lib.document(rec.id).unwrap();
        assert_eq!(stored.document, parsed, "{}", rec.file);
        assert_eq!(stored.versions.len(), 1);
        // The library keeps its own copy of the original.
        let copy = std::fs::read(lib.original_file(rec.id).unwrap()).unwrap();
        assert_eq!(copy, std::fs::read(seeds().join(&rec.file)).unwrap());
    }
}

#[test]
fn timetable_lanes_rooms_and_parts_of_day_round_trip_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let files: Vec<PathBuf> = [
        "en_timetable_lanes.pdf",
        "en_daily_programme.pdf",
        "en_part_of_day.txt",
    ]
    .iter()
    .map(|f| fixture("timetables").join(f))
    .collect();
    let report = lib.ingest(&files, &mut |_| {});
    assert_eq!(report.count(IngestStatus::Ingested), 3, "{report:#?}");
    let (mut lanes, mut rooms, mut parts) = (0, 0, 0);
    for rec in lib.records().unwrap() {
        let path = files.iter().find(|f| f.ends_with(&rec.file)).unwrap();
        let parsed = dossier_core::parse_file(path).unwrap();
        let stored = lib.document(rec.id).unwrap();
        assert_eq!(stored.document, parsed, "{}", rec.file);
        for s in &stored.document.schedule {
            lanes += s.lane.is_some() as usize;
            rooms += s.room.is_some() as usize;
            parts += s.part_of_day.is_some() as usize;
        }
    }
    assert!(
        lanes > 0 && rooms > 0 && parts > 0,
        "{lanes} {rooms} {parts}"
    );
}

#[test]
fn reingesting_the_same_content_changes_nothing() {
    let (_dir, lib) = seeded();
    let generation = lib.generation().unwrap();
    let report = lib.ingest(&[seeds()], &mut |_| {});
    assert_eq!(report.count(IngestStatus::Unchanged), 4);
    assert_eq!(lib.records().unwrap().len(), 4);
    assert_eq!(lib.generation().unwrap(), generation);
}

#[test]
fn seeds_group_into_meetings_newest_first() {
    let (_dir, lib) = seeded();
    let listing = lib.listing().unwrap();
    let dates: Vec<&str> = listing
        .meetings
        .iter()
        .map(|m| m.dates.as_ref().unwrap().start.as_str())
        .collect();
    assert_eq!(
        dates,
        ["2024-06-12", "2019-12-16", "2017-08-24", "2012-08-30"]
    );
    assert!(listing.unfiled.is_empty());
    // The 2024 agenda cites working documents the library does not hold yet.
    let wg = &listing.meetings[0];
    let wg_refs = lib.meeting_references(wg.id).unwrap();
    assert_eq!(wg.reference_count as usize, wg_refs.len());
    assert_eq!(
        wg.missing_count as usize,
        wg_refs.iter().filter(|r| r.document_id.is_none()).count()
    );
    assert!(wg.missing_count > 0);
    assert!(wg_refs
        .iter()
        .any(|r| r.symbol == "CAC/COSP/WG.2/2024/2" && r.document_id.is_none()));
    assert!(
        !wg_refs.iter().any(|r| r.symbol == "CAC/COSP/WG.2/2024/1"),
        "the agenda itself is not missing"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_revision_is_a_new_version_and_references_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let original = std::fs::read_to_string(fixture("en_ctoc_agenda.txt")).unwrap();
    let first = lib.ingest_file(&fixture("en_ctoc_agenda.txt")).unwrap();
    assert_eq!(first.status, IngestStatus::Ingested);

    let meeting = |lib: &Library| lib.listing().unwrap().meetings.into_iter().next().unwrap();
    let missing = meeting(&lib);
    let missing_refs = lib.meeting_references(missing.id).unwrap();
    let bg = missing_refs
        .iter()
        .find(|r| r.symbol == "CTOC/COP/WG.3/2025/2")
        .unwrap();
    assert_eq!(bg.document_id, None);

    // The background paper arrives: the reference resolves and it joins the meeting.
    let paper = write(
        files.path(),
        "V2500002.txt",
        "United Nations\tCTOC/COP/WG.3/2025/2\n\nDistr.: General\n20 January 2025\n\nOriginal: English\n\n\
         Working Group on the Smuggling of Migrants\nVienna, 7–11 April 2025\n\n\
         Background paper prepared by the Secretariat on criminalization\n\n\
         1. Aggravating circumstances endanger the lives of smuggled migrants.\n",
    );
    let r = lib.ingest_file(&paper).unwrap();
    let m = meeting(&lib);
    let bg = lib
        .meeting_references(m.id)
        .unwrap()
        .into_iter()
        .find(|r| r.symbol == "CTOC/COP/WG.3/2025/2")
        .unwrap();
    assert_eq!(bg.document_id, r.document_id);
    assert_eq!(m.documents.len(), 2);

    // A revised agenda: version 2 of the same series; the listing shows it alone.
    let revised = original
        .replacen("CTOC/COP/WG.3/2025/1", "CTOC/COP/WG.3/2025/1/Rev.1", 1)
        .replace(
            "Return of smuggled migrants",
            "Return and reintegration of smuggled migrants",
        );
    let rev = lib
        .ingest_file(&write(files.path(), "rev1.txt", &revised))
        .unwrap();
    assert_eq!(rev.status, IngestStatus::NewVersion);
    assert_eq!(rev.version, Some(2));
    let m = meeting(&lib);
    assert_eq!(m.documents.len(), 2);
    let agenda = m
        .documents
        .iter()
        .find(|d| d.id == rev.document_id.unwrap())
        .unwrap();
    assert_eq!(
        (agenda.version, agenda.versions, agenda.latest),
        (2, 2, true)
    );
    // The old version stays readable.
    let old = lib.document(first.document_id.unwrap()).unwrap();
    assert!(!old.record.latest);
    assert_eq!(old.versions.len(), 2);
    // Search follows the latest version only.
    assert!(!search(&lib, "reintegration").is_empty());
    let hits = search(&lib, "\"Return of smuggled migrants\"");
    assert!(
        hits.iter()
            .all(|h| h.document.id != first.document_id.unwrap()),
        "{hits:#?}"
    );
    lib.check_integrity().unwrap();
}

#[test]
fn search_finds_chinese_english_symbols_and_synonyms() {
    let (_dir, lib) = seeded();
    let en = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("en_ctoc_agenda.txt"), en.path().join("a.txt")).unwrap();
    std::fs::copy(fixture("en_report.txt"), en.path().join("r.txt")).unwrap();
    lib.ingest(&[en.path().to_path_buf()], &mut |_| {});

    // Either Chinese term for beneficial ownership finds both.
    for q in ["实益所有权", "受益所有权"] {
        let hits = search(&lib, q);
        let marked: BTreeSet<String> = hits
            .iter()
            .flat_map(|h| h.segments.iter().filter(|s| s.hit).map(|s| s.text.clone()))
            .collect();
        assert!(
            marked.contains("实益所有权") && marked.contains("受益所有权"),
            "{q}: {marked:?}"
        );
    }
    // A fragment inside a longer run of characters.
    let hits = search(&lib, "资产追回");
    assert!(hits.iter().any(|h| h.location.item.is_some()));
    assert!(hits
        .iter()
        .any(|h| h.document.file == "001_9b3f3c3582431abc.txt"));
    // English with stemming: "smuggle" finds "smuggling" and "smuggled".
    let hits = search(&lib, "smuggle");
    assert!(hits
        .iter()
        .any(|h| h.segments.iter().any(|s| s.hit && s.text == "smuggled")));
    // A symbol whole and by fragment.
    let whole = search(&lib, "CTOC/COP/WG.3/2025/2");
    assert!(
        whole
            .iter()
            .any(|h| h.location.item.as_deref() == Some("2(a)")),
        "{whole:#?}"
    );
    assert!(!search(&lib, "WG.3/2025").is_empty());
    // Filters.
    // "2024" is in the Chinese seeds and in the English agenda: each filter
    // keeps its own language's hits, and finds some.
    let in_language = |l: &str| {
        lib.search(&SearchRequest {
            query: "2024".into(),
            language: Some(l.into()),
            ..Default::default()
        })
        .unwrap()
    };
    let zh = in_language("zh");
    assert!(!zh.is_empty() && zh.iter().all(|h| h.document.language == "zh"));
    let en = in_language("en");
    assert!(!en.is_empty() && en.iter().all(|h| h.document.language == "en"));
    let item = lib
        .search(&SearchRequest {
            query: "实益所有权".into(),
            item: Some("3(a)".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(!item.is_empty());
    assert!(item
        .iter()
        .all(|h| h.location.item.as_deref() == Some("3(a)")));
    // Never across punctuation: the two characters either side of a "，"
    // in 3(a)'s annotation, typed without it, are not found (they occur
    // together nowhere else), while each side is.
    let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let ann = lib
        .document(doc)
        .unwrap()
        .document
        .items_flat()
        .into_iter()
        .find(|i| i.number == "3(a)")
        .unwrap()
        .annotation
        .clone();
    let chars: Vec<char> = ann.chars().collect();
    let all_text: String = lib
        .records()
        .unwrap()
        .iter()
        .flat_map(|r| {
            passages(&lib.document(r.id).unwrap().document)
                .into_iter()
                .map(|p| p.text)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (before, after) = (2..chars.len().saturating_sub(2))
        .filter(|&i| {
            chars[i] == '，'
                && chars[i - 2..i]
                    .iter()
                    .chain(&chars[i + 1..i + 3])
                    .all(|c| dossier_core::script::is_cjk(*c))
        })
        .map(|i| {
            (
                chars[i - 2..i].iter().collect::<String>(),
                chars[i + 1..i + 3].iter().collect::<String>(),
            )
        })
        .find(|(b, a)| !all_text.contains(&format!("{b}{a}")))
        .expect("a comma between two Chinese words in 3(a)'s annotation");
    assert!(
        search(&lib, &format!("\"{before}{after}\"")).is_empty(),
        "{before}，{after}"
    );
    assert!(
        !search(&lib, &format!("{before} {after}")).is_empty(),
        "{before} {after}"
    );
}

/// Random 2–6-character Chinese substrings of the seeds: the index finds every
/// passage a plain substring scan finds (recall), and every hit it shows
/// really contains the query (precision).
#[test]
fn chinese_substring_recall_matches_a_scan() {
    let (_dir, lib) = seeded();
    let mut corpus = Vec::new();
    for rec in lib.records().unwrap() {
        let doc = lib.document(rec.id).unwrap().document;
        for p in passages(&doc) {
            corpus.push((rec.id, p.location.clone(), p.text));
        }
    }
    let runs: Vec<Vec<char>> = corpus
        .iter()
        .flat_map(|(_, _, t)| {
            t.split(|c: char| !dossier_core::script::is_cjk(c))
                .filter(|r| r.chars().count() >= 6)
                .map(|r| r.chars().collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let mut next = || rng.usize(..);
    let (mut expected_total, mut found_total) = (0usize, 0usize);
    for _ in 0..300 {
        let run = &runs[next() % runs.len()];
        let len = 2 + next() % 5;
        let start = next() % (run.len() - len + 1);
        let q: String = run[start..start + len].iter().collect();
        let expected: BTreeSet<(u32, String)> = corpus
            .iter()
            .filter(|(_, _, t)| t.contains(&q))
            .map(|(id, loc, _)| (*id, format!("{loc:?}")))
            .collect();
        let hits = search(&lib, &format!("\"{q}\""));
        for h in &hits {
            assert!(
                h.segments
                    .iter()
                    .any(|s| s.hit && s.text.replace(' ', "") == q),
                "{q}: hit without the query: {h:#?}"
            );
        }
        let found: BTreeSet<(u32, String)> = hits
            .iter()
            .map(|h| (h.document.id, format!("{:?}", h.location)))
            .collect();
        expected_total += expected.len();
        found_total += expected.intersection(&found).count();
    }
    let recall = found_total as f64 / expected_total as f64;
    eprintln!("substring recall {recall:.4} ({found_total}/{expected_total})");
    assert!(
        recall >= 0.99,
        "recall {recall:.4} ({found_total}/{expected_total})"
    );
}

#[test]
fn a_deleted_index_is_rebuilt_on_open() {
    let (dir, lib) = seeded();
    let before = search(&lib, "资产追回").len();
    assert!(before > 0);
    drop(lib);
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let lib = Library::open(dir.path()).unwrap();
    assert_eq!(search(&lib, "资产追回").len(), before);
    // Garbage in the index folder is no better than none.
    drop(lib);
    std::fs::write(dir.path().join("index/meta.json"), b"{not json").unwrap();
    let lib = Library::open(dir.path()).unwrap();
    assert_eq!(search(&lib, "资产追回").len(), before);
}

#[test]
fn failed_files_leave_the_database_byte_identical() {
    let (dir, lib) = seeded();
    drop(lib);
    let db = dir.path().join("library.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(bad.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        bad.path().join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 255].repeat(100),
    )
    .unwrap();
    std::fs::write(
        bad.path().join("broken.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    )
    .unwrap();
    std::fs::write(
        bad.path().join("broken.docx"),
        b"PK\x03\x04 not really a zip",
    )
    .unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let report = lib.ingest(&[bad.path().to_path_buf()], &mut |_| {});
    assert_eq!(report.count(IngestStatus::Failed), 4, "{report:#?}");
    for f in report.failed() {
        let msg = f.message.as_deref().unwrap();
        let name = Path::new(&f.path).file_name().unwrap().to_str().unwrap();
        assert!(msg.contains(name), "the message names the file: {msg}");
    }
    lib.check_integrity().unwrap();
    drop(lib);
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
}

#[test]
fn a_second_process_is_refused() {
    let (dir, _lib) = seeded();
    match Library::open(dir.path()) {
        Err(Error::Locked(p)) => assert_eq!(p, dir.path()),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("opened a library that is in use"),
    }
}

#[test]
fn a_library_just_let_go_of_opens_after_a_wait() {
    let (dir, lib) = seeded();
    // Still held when the patience runs out: refused, not hung.
    let started = std::time::Instant::now();
    assert!(matches!(
        Library::open_waiting(dir.path(), std::time::Duration::from_millis(200)),
        Err(Error::Locked(_))
    ));
    assert!(started.elapsed() >= std::time::Duration::from_millis(200));
    // The previous Dossier finishes closing while the next one waits.
    let closing = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(lib);
    });
    let reopened = Library::open_waiting(dir.path(), std::time::Duration::from_secs(10))
        .expect("opens once the other process lets go");
    closing.join().unwrap();
    assert_eq!(reopened.records().unwrap().len(), 4);
}

#[test]
fn the_listings_head_is_its_first_meetings_as_the_whole_listing_has_them() {
    let (_dir, lib) = seeded();
    lib.ingest(&[fixture("en_ctoc_agenda.txt")], &mut |_| {});
    lib.ingest(&[fixture("en_report.txt")], &mut |_| {});
    // Read from the store (nothing cached yet), then from the whole listing.
    let heads: Vec<_> = [1, 2, 1_000]
        .map(|n| lib.listing_head(n).unwrap())
        .into_iter()
        .collect();
    let whole = lib.listing().unwrap();
    assert!(whole.meetings.len() >= 2, "{whole:#?}");
    for (n, head) in [1, 2, 1_000].into_iter().zip(heads) {
        let m = n.min(whole.meetings.len());
        let u = n.min(whole.unfiled.len());
        assert_eq!(
            head.meetings,
            whole.meetings[..m],
            "head of {n}, from the store"
        );
        assert_eq!(
            head.unfiled,
            whole.unfiled[..u],
            "head of {n}, from the store"
        );
        assert_eq!(
            lib.listing_head(n).unwrap(),
            head,
            "head of {n}, from the listing"
        );
    }
}

#[test]
fn the_listing_and_search_hits_follow_every_change() {
    let (_dir, lib) = seeded();
    let first = lib.listing().unwrap();
    assert_eq!(lib.listing().unwrap(), first, "unchanged: the same listing");
    let agenda = first.meetings[0].documents[0].id;
    let meeting = first.meetings[0].id;

    let symbol_in_hits = |lib: &Library| -> Vec<Option<String>> {
        search(lib, "实益所有权")
            .into_iter()
            .filter(|h| h.document.id == agenda)
            .map(|h| h.document.symbol)
            .collect()
    };
    let before = symbol_in_hits(&lib);
    assert!(
        !before.is_empty() && before.iter().all(Option::is_none),
        "{before:?}"
    );

    lib.set_user_symbol(agenda, Some("A/TEST/1")).unwrap();
    let l = lib.listing().unwrap();
    assert_eq!(
        l.meetings[0].documents[0].user_symbol.as_deref(),
        Some("A/TEST/1")
    );
    let after = symbol_in_hits(&lib);
    assert!(
        !after.is_empty() && after.iter().all(|s| s.as_deref() == Some("A/TEST/1")),
        "search hits show the new symbol: {after:?}"
    );

    lib.set_meeting_time_zone(meeting, Some("Asia/Tokyo"))
        .unwrap();
    let l = lib.listing().unwrap();
    assert_eq!(l.meetings[0].time_zone.as_deref(), Some("Asia/Tokyo"));

    let report = lib.ingest(&[fixture("en_ctoc_agenda.txt")], &mut |_| {});
    assert_eq!(report.count(IngestStatus::Ingested), 1, "{report:#?}");
    let l = lib.listing().unwrap();
    assert_eq!(
        l.meetings.len(),
        first.meetings.len() + 1,
        "the new meeting is listed"
    );
}

/// A library closed cleanly and untouched since opens without reading every
/// page of its database; any other open checks it in full, and a damaged one
/// is still refused.
#[test]
fn the_full_database_check_is_skipped_only_after_a_clean_close_of_an_untouched_file() {
    let (dir, lib) = seeded();
    assert!(lib.checked_database_at_open(), "a new library is checked");
    let stamp = dir.path().join("library.sqlite3-closed");
    assert!(!stamp.exists(), "no stamp while the library is open");
    drop(lib);
    assert!(stamp.exists(), "a clean close leaves its stamp");
    let lib = Library::open(dir.path()).unwrap();
    assert!(
        !lib.checked_database_at_open(),
        "closed cleanly, untouched: not read in full"
    );
    assert!(!stamp.exists(), "taken away at the open");
    assert_eq!(lib.records().unwrap().len(), 4);
    drop(lib);
    // A session that did not end cleanly leaves no stamp.
    std::fs::remove_file(&stamp).unwrap();
    let lib = Library::open(dir.path()).unwrap();
    assert!(lib.checked_database_at_open(), "no stamp: checked");
    drop(lib);
    // Damage written over the file right after a clean close is found.
    let db = dir.path().join("library.sqlite3");
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    let start = (bytes.len() / page / 2) * page;
    for (i, b) in bytes[start..start + page].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    match Library::open(dir.path()) {
        Err(Error::Damaged { .. }) => {}
        other => panic!(
            "a damaged database must be refused: {:?}",
            other.map(|_| ())
        ),
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "nothing written");
}
