//! A restore killed at any moment: `dossier restore` is SIGKILLed at random
//! moments while it works, 20 times, each kill landing mid-restore (its
//! journal beside the library proves the restore had begun and not ended).
//! After each kill the library opens, passes SQLite's integrity check, and is
//! either the library it was or the backup restored, whole: never empty,
//! never a mix, every original present, its index agreeing with its store.

use dossier_core::search::SearchRequest;
use dossier_core::Library;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REPORT: &str = include_str!("../../dossier-core/tests/fixtures/en_report.txt");

/// Builds a library of `docs` copies of a report, each with its own marker
/// paragraph, and one note saying `name`; backs it up into `backup`.
fn make_backup(root: &Path, name: &str, docs: usize, backup: &Path) {
    let inbox = root.join(format!("inbox-{name}"));
    std::fs::create_dir_all(&inbox).unwrap();
    for i in 0..docs {
        let text = format!("{REPORT}\n\n99. Restore marker {name} paragraph number {i}.\n");
        std::fs::write(inbox.join(format!("{name}-{i:03}.txt")), text).unwrap();
    }
    let dir = root.join(format!("library-{name}"));
    let lib = Library::open(&dir).unwrap();
    let report = lib.ingest(&[inbox], &mut |_| {});
    assert_eq!(report.results.len(), docs);
    let id = lib.records().unwrap()[0].id;
    lib.add_note(id, "para:0", 0, 5, &format!("note of library {name}"))
        .unwrap();
    lib.backup(backup).unwrap();
}

/// What the library is after a kill: "alpha" or "bravo", checked whole.
fn which(data: &Path, docs: &[(&str, usize)]) -> &'static str {
    let lib = Library::open(data).expect("the library opens after a kill");
    lib.check_integrity().expect("integrity_check");
    let records = lib.records().unwrap();
    let notes: Vec<String> = lib
        .notes(None)
        .unwrap()
        .into_iter()
        .map(|n| n.body)
        .collect();
    let name = match notes.as_slice() {
        [one] if one == "note of library alpha" => "alpha",
        [one] if one == "note of library bravo" => "bravo",
        other => panic!("the library holds the notes {other:?}: neither library whole"),
    };
    let expected = docs.iter().find(|(n, _)| *n == name).unwrap().1;
    assert_eq!(
        records.len(),
        expected,
        "library {name} has all its documents"
    );
    for r in &records {
        assert!(
            r.file.starts_with(&format!("{name}-")),
            "library {name} holds {}: a mix",
            r.file
        );
        assert!(
            lib.original_file(r.id).unwrap().is_file(),
            "{} original",
            r.file
        );
    }
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    let hits = lib
        .search(&SearchRequest {
            query: format!("\"restore marker {name}\""),
            limit: Some(10_000),
            ..Default::default()
        })
        .unwrap();
    let mut found: Vec<u32> = hits.iter().map(|h| h.document.id).collect();
    found.sort();
    found.dedup();
    // The copies print one symbol: versions of one document, the latest indexed.
    let latest: Vec<u32> = records.iter().filter(|r| r.latest).map(|r| r.id).collect();
    assert_eq!(found, latest, "the index holds exactly the latest versions");
    name
}

fn restore(data: &Path, backup: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--data-dir")
        .arg(data)
        .arg("restore")
        .arg(backup)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

#[test]
fn killing_a_restore_leaves_the_old_or_the_new_library_whole() {
    let root = tempfile::tempdir().unwrap();
    let docs = [("alpha", 72), ("bravo", 75)];
    let backup_a = root.path().join("backup-a");
    let backup_b = root.path().join("backup-b");
    make_backup(root.path(), "alpha", docs[0].1, &backup_a);
    make_backup(root.path(), "bravo", docs[1].1, &backup_b);
    let data = root.path().join("library");
    let journal = root.path().join("library.restore-journal");

    // A first restore makes the library; a second one, uninterrupted, is
    // timed from the moment its journal appears, noting when its journal
    // turns to the switch.
    assert!(restore(&data, &backup_a).status().unwrap().success());
    assert_eq!(which(&data, &docs), "alpha");
    let mut child = restore(&data, &backup_b).spawn().unwrap();
    while !journal.exists() && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_micros(100));
    }
    let began = Instant::now();
    let mut switch_at = None;
    while child.try_wait().unwrap().is_none() {
        if switch_at.is_none()
            && std::fs::read_to_string(&journal).is_ok_and(|j| j.contains("\"switching\""))
        {
            switch_at = Some(began.elapsed().as_micros() as u64);
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    assert!(child.wait().unwrap().success());
    let span = began.elapsed().as_micros().max(1000) as u64;
    eprintln!("restore: {span} µs from its journal to its end, switch seen at {switch_at:?} µs");
    let switch_at = switch_at.unwrap_or(span * 9 / 10).min(span);
    assert!(!journal.exists(), "a finished restore leaves no journal");
    let mut current = which(&data, &docs);
    assert_eq!(current, "bravo");

    let mut rng = fastrand::Rng::with_seed(0x5eed_2101);
    let mut next = |n: u64| rng.u64(..n.max(1));
    const KILLS: usize = 20;
    let (mut landed, mut attempts, mut completed_after_kill) = (0, 0, 0);
    // The machine's load changes how long a restore takes: a kill that came
    // too late shortens the next wait.
    let (mut span, mut switch_span) = (span, span - switch_at);
    while landed < KILLS {
        attempts += 1;
        assert!(
            attempts <= 60,
            "only {landed} of {attempts} kills landed mid-restore"
        );
        let (target, backup) = if current == "alpha" {
            ("bravo", &backup_b)
        } else {
            ("alpha", &backup_a)
        };
        let mut child = restore(&data, backup).spawn().unwrap();
        while !journal.exists() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        // A random moment within the time a restore takes; every other kill
        // a random moment of its switch, which is short (a few
        // milliseconds), once the journal says it has begun.
        if attempts % 2 == 0 {
            std::thread::sleep(Duration::from_micros(next(span)));
        } else {
            while child.try_wait().unwrap().is_none()
                && !std::fs::read_to_string(&journal).is_ok_and(|j| j.contains("\"switching\""))
            {
                std::thread::sleep(Duration::from_micros(50));
            }
            std::thread::sleep(Duration::from_micros(next(switch_span / 2 + 1)));
        }
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let mid_restore = journal.exists();
        if mid_restore {
            assert!(!status.success(), "killed while its journal was there");
            landed += 1;
        } else if attempts % 2 == 0 {
            span = (span * 3 / 4).max(1000);
        } else {
            switch_span = (switch_span * 3 / 4).max(100);
        }
        let now = which(&data, &docs);
        if mid_restore && now == target {
            completed_after_kill += 1;
        }
        current = now;
        assert!(
            !journal.exists(),
            "the next open finished or undid the restore"
        );
    }
    eprintln!(
        "restore kill campaign: {landed} kills landed mid-restore in {attempts} attempts, \
         {landed} survived ({completed_after_kill} finished by the next open, \
         {} undone)",
        landed - completed_after_kill
    );
    // A restore killed while staging, then the library opened by a relative
    // name, ".", from inside it: the journal beside it is still found.
    let mut undone_from_inside = false;
    for _ in 0..20 {
        let backup = if current == "alpha" {
            &backup_b
        } else {
            &backup_a
        };
        let mut child = restore(&data, backup).spawn().unwrap();
        while !journal.exists() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_micros(next(span.min(switch_at))));
        let _ = child.kill();
        child.wait().unwrap();
        let staging = std::fs::read_to_string(&journal).is_ok_and(|j| j.contains("\"staging\""));
        if staging {
            let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
                .current_dir(&data)
                .args(["--data-dir", ".", "list", "--json"])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!journal.exists(), "the open by \".\" undid the restore");
            undone_from_inside = true;
            break;
        }
        current = which(&data, &docs);
    }
    assert!(undone_from_inside, "no kill landed while staging");
    assert_eq!(which(&data, &docs), current);

    // A last restore, uninterrupted, replaces the library and keeps it
    // beside, whole.
    let backup = if current == "alpha" {
        &backup_b
    } else {
        &backup_a
    };
    assert!(restore(&data, backup).status().unwrap().success());
    assert_ne!(which(&data, &docs), current);
    let kept = std::fs::read_dir(root.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.before-restore-")
        })
        .count();
    assert!(kept >= 1);
    // And nothing half-done is left beside the library.
    for e in std::fs::read_dir(root.path()).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains("restore-staging") && !name.contains("dossier-tmp"),
            "{name} left beside the library"
        );
    }
}
