//! A notes import killed at any moment: `dossier notes import FILE` of
//! 5,000 notes into a library holding the user's own note is SIGKILLed at
//! random moments while it imports, 10 times. A kill counts only when it
//! landed mid-import: after the import's "merging" log line (the store's
//! transaction begins) and before its "merged and indexed" line, as the
//! child's own log shows; kills before or after are tried again. After each kill the library
//! opens and passes `integrity_check`, the user's note is as it was, the
//! import is either absent or whole (never some of the file's notes), and
//! the index holds what the store holds: the imported notes are found when
//! they are there and not otherwise. The file then imports in full.

mod common;

use dossier_core::Library;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const NOTES: usize = 5_000;

/// `dossier notes import FILE`, logging what happens (`-v`) to a pipe.
fn import(data: &Path, file: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--data-dir")
        .arg(data)
        .args(["-v", "notes", "import"])
        .arg(file)
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

const BEGUN: &str = "annotations import: merging";
const ENDED: &str = "annotations import: merged and indexed";

/// The child's log lines, read as they come, each sent to the channel.
fn log_lines(
    child: &mut std::process::Child,
) -> (mpsc::Receiver<String>, std::thread::JoinHandle<()>) {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (rx, reader)
}

/// Opens the library after a kill; returns how many of the file's notes it holds.
fn check(data: &Path, sample: &[usize]) -> usize {
    let lib = Library::open(data).expect("the library opens after a kill");
    lib.check_integrity().expect("integrity_check");
    let notes = lib.notes(None).unwrap();
    let own: Vec<_> = notes
        .iter()
        .filter(|n| n.body == "the user's own note")
        .collect();
    assert_eq!(own.len(), 1, "the user's note is kept");
    let imported = notes.len() - 1;
    assert!(
        imported == 0 || imported == NOTES,
        "an import is absent or whole: {imported} of {NOTES}"
    );
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    for &i in sample {
        let found = common::note_found(&lib, &format!("okapi note {i}"));
        assert_eq!(
            found,
            imported == NOTES,
            "note {i} found: {found}, stored: {imported}"
        );
    }
    imported
}

#[test]
fn killing_a_notes_import_leaves_it_absent_or_whole() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    let file = root.path().join("notes.json");
    let export = common::library_and_bulk_notes(
        &data,
        "the user's own note",
        NOTES,
        "colleague",
        "okapi note",
    );
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    // Timed on a copy, so that the library under test has not imported yet:
    // the span from the import's first log line to its last.
    let pristine = root.path().join("pristine");
    common::copy_dir(&data, &pristine);
    let timing = root.path().join("timing");
    common::copy_dir(&data, &timing);
    let mut child = import(&timing, &file).spawn().unwrap();
    let (lines, reader) = log_lines(&mut child);
    let mut begun = None;
    let mut span = None;
    for line in lines.iter() {
        if line.contains(BEGUN) {
            begun = Some(Instant::now());
        } else if line.contains(ENDED) {
            span = begun.map(|b| b.elapsed().as_micros() as u64);
        }
    }
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
    let span = span.expect("the import logs its start and its end");
    eprintln!("import of {NOTES} notes: {span} µs from merging to indexed");

    let mut rng = fastrand::Rng::with_seed(0x0a91_2101);
    let mut next = |n: u64| rng.u64(..n.max(1));
    const KILLS: usize = 10;
    let (mut landed, mut attempts) = (0, 0);
    while landed < KILLS {
        attempts += 1;
        assert!(
            attempts <= 40,
            "only {landed} of {attempts} kills landed mid-import"
        );
        let mut child = import(&data, &file).spawn().unwrap();
        let (lines, reader) = log_lines(&mut child);
        // The kill falls at a random moment of the import itself.
        let started = lines.iter().any(|l| l.contains(BEGUN));
        assert!(started, "the import began");
        std::thread::sleep(Duration::from_micros(next(span)));
        child.kill().unwrap(); // SIGKILL (or nothing, if it has ended)
        child.wait().unwrap();
        let ended = lines.iter().any(|l| l.contains(ENDED));
        reader.join().unwrap();
        let sample: Vec<usize> = (0..3).map(|_| next(NOTES as u64) as usize).collect();
        let imported = check(&data, &sample);
        if !ended {
            landed += 1;
        }
        if imported == NOTES {
            // It went through before the kill: start again from none.
            std::fs::remove_dir_all(&data).unwrap();
            common::copy_dir(&pristine, &data);
            assert_eq!(check(&data, &[]), 0);
        }
    }
    assert!(import(&data, &file).status().unwrap().success());
    assert_eq!(check(&data, &[0, NOTES - 1]), NOTES);
    eprintln!(
        "notes import kill campaign: {landed} kills landed mid-import (between its first and \
         last log line) in {attempts} attempts; the library survived each"
    );
}
