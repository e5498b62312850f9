//! Backup while the library is in use, and restore in place of a library.

use dossier_core::api::SearchRequest;
use dossier_core::library::restore;
use dossier_core::{Error, Library};
use std::path::Path;

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_backup_restores_the_library_as_it_was() {
    let root = tempfile::tempdir().unwrap();
    let lib_dir = root.path().join("library");
    let backup_dir = root.path().join("backup");
    {
        let lib = Library::open(&lib_dir).unwrap();
        lib.ingest(&[seeds()], &mut |_| {});
        let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
        lib.add_note(doc, "item:3(a)", 0, 4, "before the backup")
            .unwrap();
        let summary = lib.backup(&backup_dir).unwrap();
        assert_eq!((summary.documents, summary.notes, summary.files), (4, 1, 4));
        assert!(
            lib.backup(&backup_dir).is_err(),
            "an existing backup is never overwritten"
        );
        // Changes after the backup are not in it.
        lib.ingest_file(&fixture("en_report.txt")).unwrap();
        assert_eq!(lib.records().unwrap().len(), 5);
    }
    // A folder that is not a backup changes nothing.
    let err = restore(root.path(), &lib_dir).unwrap_err();
    assert!(err.to_string().contains("not a Dossier backup"), "{err}");
    assert_eq!(Library::open(&lib_dir).unwrap().records().unwrap().len(), 5);

    // An open library is not replaced under its user.
    let held = Library::open(&lib_dir).unwrap();
    assert!(matches!(
        restore(&backup_dir, &lib_dir),
        Err(Error::Locked(_))
    ));
    drop(held);

    let outcome = restore(&backup_dir, &lib_dir).unwrap();
    assert_eq!(outcome.backup.documents, 4);
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.records().unwrap().len(), 4);
    let notes = lib.notes(None).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, "before the backup");
    // The index was not in the backup: rebuilt, searches work.
    let hits = lib
        .search(&SearchRequest {
            query: "资产追回".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(!hits.is_empty());
    lib.check_integrity().unwrap();
    // The replaced library is kept beside it.
    let aside = std::fs::read_dir(root.path()).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with("library.before-restore-")
    });
    assert!(aside);
    let previous = outcome.previous.expect("the outcome names it");
    assert!(Path::new(&previous).join("library.sqlite3").is_file());
}

/// What the app does: "Restore from a backup…" checks the backup and asks the
/// next start to restore it; that start restores before opening the library.
#[test]
fn a_scheduled_restore_runs_once_at_the_next_start() {
    use dossier_core::library::{run_scheduled_restore, schedule_restore};
    let root = tempfile::tempdir().unwrap();
    let lib_dir = root.path().join("library");
    let backup_dir = root.path().join("backup");
    {
        let lib = Library::open(&lib_dir).unwrap();
        lib.ingest(&[seeds()], &mut |_| {});
        lib.backup(&backup_dir).unwrap();
        lib.ingest_file(&fixture("en_report.txt")).unwrap();
        // A folder that is not a backup is refused at once, while the library is open.
        let err = schedule_restore(root.path(), &lib_dir).unwrap_err();
        assert!(err.to_string().contains("not a Dossier backup"), "{err}");
        assert!(
            run_scheduled_restore(&lib_dir).is_none(),
            "nothing was scheduled"
        );
        // A good one is accepted while the library is still open …
        assert_eq!(
            schedule_restore(&backup_dir, &lib_dir).unwrap().documents,
            4
        );
    }
    // … and carried out at the next start, once.
    let summary = run_scheduled_restore(&lib_dir).unwrap().unwrap();
    assert_eq!(summary.documents, 4);
    assert!(run_scheduled_restore(&lib_dir).is_none());
    let lib = Library::open(&lib_dir).unwrap();
    assert_eq!(lib.records().unwrap().len(), 4);
    drop(lib);

    // A backup damaged after it was scheduled fails at start and leaves the library as it was.
    schedule_restore(&backup_dir, &lib_dir).unwrap();
    std::fs::remove_dir_all(backup_dir.join("files")).unwrap();
    let err = run_scheduled_restore(&lib_dir).unwrap().unwrap_err();
    assert!(err.to_string().contains("lacks"), "{err}");
    assert_eq!(Library::open(&lib_dir).unwrap().records().unwrap().len(), 4);
    assert!(run_scheduled_restore(&lib_dir).is_none(), "not retried");
}
