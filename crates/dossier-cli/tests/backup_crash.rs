//! A backup killed at any moment: `dossier backup` (and `--replace` once
//! the backup exists) is SIGKILLed at random moments while it runs, 10
//! times. After each kill the library opens whole and unchanged, the
//! destination is absent or a complete backup, the user's own files beside
//! it are untouched, and what the kill left is only Dossier's own hidden
//! temporary folders.

use dossier_core::library::check_backup;
use dossier_core::Library;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REPORT: &str = include_str!("../../dossier-core/tests/fixtures/en_report.txt");
const DOCS: usize = 75;

fn backup(data: &Path, dest: &Path, replace: bool) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.arg("--data-dir").arg(data).arg("backup");
    if replace {
        c.arg("--replace");
    }
    c.arg(dest).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

#[test]
fn killing_a_backup_touches_neither_the_library_nor_anything_beside() {
    let root = tempfile::tempdir().unwrap();
    let inbox = root.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    for i in 0..DOCS {
        let text = format!("{REPORT}\n\n99. Backup marker paragraph number {i}.\n");
        std::fs::write(inbox.join(format!("copy-{i:03}.txt")), text).unwrap();
    }
    let data = root.path().join("library");
    {
        let lib = Library::open(&data).unwrap();
        assert_eq!(lib.ingest(&[inbox], &mut |_| {}).results.len(), DOCS);
        let id = lib.records().unwrap()[0].id;
        lib.add_note(id, "para:0", 0, 5, "kept").unwrap();
    }
    let out = root.path().join("out");
    std::fs::create_dir_all(out.join("backup.partial")).unwrap();
    std::fs::write(out.join("backup.partial/mine.txt"), "mine").unwrap();
    std::fs::write(out.join(".backup.tmp"), "also mine").unwrap();
    let dest = out.join("backup");

    let started = Instant::now();
    assert!(backup(&data, &dest, false).status().unwrap().success());
    let mut span = started.elapsed().as_micros() as u64;
    std::fs::remove_dir_all(&dest).unwrap();

    let mut rng = fastrand::Rng::with_seed(0xbac0_2101);
    let mut next = |n: u64| rng.u64(..n.max(1));
    const KILLS: usize = 10;
    let (mut landed, mut attempts) = (0, 0);
    while landed < KILLS {
        attempts += 1;
        assert!(
            attempts <= 30,
            "only {landed} of {attempts} kills landed mid-backup"
        );
        let mut child = backup(&data, &dest, dest.exists()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(next(span)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            landed += 1;
        } else {
            // Too late: the machine is less loaded than when timed.
            span = span * 3 / 4;
        }
        child.wait().unwrap();

        let lib = Library::open(&data).expect("the library opens after a kill");
        lib.check_integrity().unwrap();
        assert_eq!(lib.records().unwrap().len(), DOCS);
        assert_eq!(lib.notes(None).unwrap().len(), 1);
        drop(lib);
        if dest.exists() {
            let summary = check_backup(&dest).expect("the destination is a whole backup");
            assert_eq!(summary.documents as usize, DOCS);
        }
        assert_eq!(
            std::fs::read_to_string(out.join("backup.partial/mine.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            std::fs::read_to_string(out.join(".backup.tmp")).unwrap(),
            "also mine"
        );
        for e in std::fs::read_dir(&out).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(
                ["backup", "backup.partial", ".backup.tmp"].contains(&name.as_str())
                    || name.starts_with(".backup.dossier-tmp-"),
                "{name} beside the backup"
            );
        }
    }
    // A kill leaves at most what the next backup there removes.
    assert!(backup(&data, &dest, dest.exists())
        .status()
        .unwrap()
        .success());
    let left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".dossier-tmp-"))
        .collect();
    assert!(
        left.is_empty(),
        "{left:?} left after a backup that ran through"
    );
    assert_eq!(check_backup(&dest).unwrap().documents as usize, DOCS);
    eprintln!(
        "backup kill campaign: {landed} kills landed mid-backup in {attempts} attempts, \
         {landed} survived"
    );
}
