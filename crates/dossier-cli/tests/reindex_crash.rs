//! A reindex killed at any moment: `dossier reindex` of a library with
//! 20,000 notes is SIGKILLed at random moments while it runs, 10 times.
//! After each kill the library opens, and its index either is current with
//! every note in it or was behind and has been rebuilt by that open: never an
//! index that claims to be current without its notes.

mod common;

use dossier_core::Library;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOTES: usize = 20_000;

fn reindex(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--data-dir")
        .arg(data)
        .arg("reindex")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Opens the library and checks its index holds these notes.
fn check(data: &Path, sample: &[usize]) {
    let lib = Library::open(data).expect("the library opens after a kill");
    lib.check_integrity().expect("integrity_check");
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    for &i in sample {
        assert!(
            common::note_found(&lib, &format!("zebra note {i}")),
            "note {i} is not in an index that says it is current"
        );
    }
}

#[test]
fn killing_a_reindex_never_leaves_an_index_without_its_notes() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    {
        let export =
            common::library_and_bulk_notes(&data, "zebra note first", NOTES, "bulk", "zebra note");
        Library::open(&data)
            .unwrap()
            .import_annotations(&export)
            .unwrap();
    }
    let started = Instant::now();
    assert!(reindex(&data).status().unwrap().success());
    let mut span = started.elapsed().as_micros() as u64;
    eprintln!("reindex of {NOTES} notes: {span} µs");
    check(&data, &[0, NOTES - 1]);

    let mut rng = fastrand::Rng::with_seed(0x2e1d_2101);
    let mut next = |n: u64| rng.u64(..n.max(1));
    const KILLS: usize = 10;
    let (mut landed, mut attempts) = (0, 0);
    while landed < KILLS {
        attempts += 1;
        assert!(
            attempts <= 30,
            "only {landed} of {attempts} kills landed mid-reindex"
        );
        let mut child = reindex(&data).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(next(span)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            landed += 1;
        } else {
            // Too late: the machine is less loaded than when timed.
            span = span * 3 / 4;
        }
        child.wait().unwrap();
        let sample: Vec<usize> = (0..3).map(|_| next(NOTES as u64) as usize).collect();
        check(&data, &sample);
    }
    eprintln!(
        "reindex kill campaign: {landed} kills landed mid-reindex in {attempts} attempts, {landed} survived"
    );
}
