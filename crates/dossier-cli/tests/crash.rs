//! Crash safety: the `dossier` process is killed (SIGKILL) at random points
//! of a large ingest and of a notes import, many times. After each kill the
//! library must open, pass SQLite's integrity check, show no half-ingested
//! document, keep everything stored before, and its search index must agree
//! with the store (repaired on open when it was behind).

use dossier_core::search::SearchRequest;
use dossier_core::Library;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const REPORT: &str = include_str!("../../dossier-core/tests/fixtures/en_report.txt");

fn dossier(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--data-dir")
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Opens the library after a kill and checks every invariant; returns how
/// many documents it holds.
fn check(data: &Path) -> usize {
    let lib = Library::open(data).expect("the library opens after a kill");
    lib.check_integrity().expect("integrity_check");
    let records = lib.records().unwrap();
    for r in &records {
        // Every visible document is whole: its structure loads and its original is there.
        let stored = lib.document(r.id).expect("a visible document loads");
        assert!(
            !stored.document.paragraphs.is_empty(),
            "{} has its paragraphs",
            r.file
        );
        assert!(
            lib.original_file(r.id).unwrap().is_file(),
            "{} has its original",
            r.file
        );
    }
    // The index agrees with the store: the latest version of every series
    // (the copies print one symbol, so they are versions of one document) is
    // found by a phrase all of them hold.
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    let hits = lib
        .search(&SearchRequest {
            query: "\"crash marker\"".into(),
            limit: Some(10_000),
            ..Default::default()
        })
        .unwrap();
    let mut found: Vec<u32> = hits.iter().map(|h| h.document.id).collect();
    found.sort();
    found.dedup();
    let latest: Vec<u32> = records.iter().filter(|r| r.latest).map(|r| r.id).collect();
    assert_eq!(found, latest, "the index holds exactly the latest versions");
    records.len()
}

#[test]
fn killing_an_ingest_or_an_import_never_loses_or_half_writes() {
    let root = tempfile::tempdir().unwrap();
    // Each round brings new files, so every ingest has work to be killed in.
    const ROUNDS: usize = 8;
    const PER_ROUND: usize = 30;
    let inbox = root.path().join("inbox");
    for round in 0..ROUNDS {
        let dir = inbox.join(format!("round-{round}"));
        std::fs::create_dir_all(&dir).unwrap();
        for k in 0..PER_ROUND {
            let i = round * PER_ROUND + k;
            let text = format!(
                "{REPORT}\n\n99. Crash marker paragraph number {i}, unique to this copy.\n"
            );
            std::fs::write(dir.join(format!("report-{i:03}.txt")), text).unwrap();
        }
    }
    let data = root.path().join("library");
    let mut rng = fastrand::Rng::with_seed(0xdead_beef);
    let mut next = |n: u64| rng.u64(..n.max(1));
    let mut before = 0;
    let mut kills = 0;
    for round in 0..ROUNDS {
        let dir = inbox.join(format!("round-{round}"));
        // Kill after a random number of files are done (without a terminal the
        // CLI reports each file on stderr as it is done), so every kill lands
        // in the middle of the batch, inside the next file's work.
        let mut child = dossier(&data)
            .arg("ingest")
            .arg(&dir)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // At most half the batch, so plenty is left to interrupt.
        let after = 1 + next(PER_ROUND as u64 / 2) as usize;
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        for _ in 0..after {
            lines.next();
        }
        std::thread::sleep(Duration::from_millis(next(5)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        let now = check(&data);
        assert!(
            now >= before,
            "nothing stored before a kill is lost ({before} → {now})"
        );
        assert!(
            now < before + PER_ROUND,
            "the kill stopped the batch ({before} → {now})"
        );
        before = now;
    }
    assert_eq!(kills, ROUNDS, "every batch was killed in progress");
    // A last, uninterrupted run completes the library.
    assert!(dossier(&data)
        .arg("ingest")
        .arg(&inbox)
        .status()
        .unwrap()
        .success());
    assert_eq!(check(&data), ROUNDS * PER_ROUND);

    // A notes import is one transaction: after a kill, all of it or none.
    let export = {
        let lib = Library::open(&data).unwrap();
        let id = lib.records().unwrap()[0].id;
        lib.add_note(id, "para:0", 0, 5, "seed note").unwrap();
        let mut export = lib.export_annotations(None).unwrap();
        let template = export.notes[0].clone();
        export.notes = (0..3000)
            .map(|i| {
                let mut n = template.clone();
                n.uid = format!("imported-{i}");
                n.body = format!("imported note {i}");
                n
            })
            .collect();
        root.path()
            .join("notes.json")
            .tap_write(&serde_json::to_vec(&export).unwrap())
    };
    for _ in 0..6 {
        let mut child = dossier(&data)
            .args(["notes", "import"])
            .arg(&export)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(10 + next(400)));
        let _ = child.kill();
        child.wait().unwrap();
        let lib = Library::open(&data).unwrap();
        lib.check_integrity().unwrap();
        let imported = lib
            .notes(None)
            .unwrap()
            .iter()
            .filter(|n| n.uid.starts_with("imported-"))
            .count();
        assert!(
            imported == 0 || imported == 3000,
            "a killed import left {imported} of 3000 notes"
        );
        assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    }
}

trait TapWrite {
    fn tap_write(self, bytes: &[u8]) -> Self;
}

impl TapWrite for std::path::PathBuf {
    fn tap_write(self, bytes: &[u8]) -> Self {
        std::fs::write(&self, bytes).unwrap();
        self
    }
}
