//! A full disk: a library on a small tmpfs (mounted by the test when it
//! runs as root; skipped with a message otherwise) is filled up. The import
//! of the file at hand fails, naming it and the lack of space, and leaves no
//! temporary file; a note cannot be added but nothing is lost; listing,
//! exporting and searching go on working, and so does reopening; a backup
//! onto the full disk fails and leaves nothing behind. Once space is freed,
//! importing works again and the index catches up.

use dossier_core::api::SearchRequest;
use dossier_core::Library;
use std::path::{Path, PathBuf};
use std::process::Command;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A tmpfs mounted for the test, unmounted when dropped.
struct Mounted(PathBuf);

impl Mounted {
    fn new(at: &Path, size: &str) -> Option<Mounted> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mounted(at.to_path_buf()))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Fills the disk holding `dir` to the last byte.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    while f.write_all(&[0]).is_ok() {}
    let _ = f.sync_all();
    path
}

fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(temporary_files(&p));
        } else if p.to_string_lossy().contains(".dossier-tmp-") {
            found.push(p);
        }
    }
    found
}

fn seed_hits(lib: &Library) -> usize {
    lib.search(&SearchRequest {
        query: "资产追回".into(),
        ..Default::default()
    })
    .expect("search works on a full disk")
    .len()
}

#[test]
fn a_full_disk_fails_the_write_at_hand_and_nothing_else() {
    let root = tempfile::tempdir().unwrap();
    let Some(disk) = Mounted::new(&root.path().join("disk"), "24m") else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = disk.0.join("library");
    let lib = Library::open(&data).unwrap();
    lib.ingest(&[seeds()], &mut |_| {});
    let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    lib.add_note(doc, "item:3(a)", 0, 4, "before the disk filled")
        .unwrap();
    let hits = seed_hits(&lib);
    assert!(hits > 0);
    let filler = fill(&disk.0);

    let report = lib.ingest(&[fixture("en_report.txt")], &mut |_| {});
    let failed: Vec<_> = report.failed().collect();
    assert_eq!(failed.len(), 1, "{report:?}");
    let message = failed[0].message.as_deref().unwrap_or("");
    assert!(
        message.contains("No space left") || message.contains("full"),
        "{message}"
    );
    assert!(failed[0].path.ends_with("en_report.txt"));
    assert!(
        temporary_files(&data).is_empty(),
        "{:?}",
        temporary_files(&data)
    );
    assert_eq!(lib.records().unwrap().len(), 4);
    assert!(lib.add_note(doc, "item:3(a)", 0, 4, "no room").is_err());

    // Reading goes on.
    lib.listing().unwrap();
    assert_eq!(lib.export_annotations(None).unwrap().notes.len(), 1);
    assert_eq!(seed_hits(&lib), hits);
    assert!(lib.backup(&disk.0.join("backup")).is_err());
    let left: Vec<String> = std::fs::read_dir(&disk.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "library" && n != "filler")
        .collect();
    assert!(left.is_empty(), "a failed backup left {left:?}");
    drop(lib);

    // Reopening on the full disk works too.
    let lib = Library::open(&data).expect("opens on a full disk");
    assert_eq!(lib.records().unwrap().len(), 4);
    assert_eq!(seed_hits(&lib), hits);
    drop(lib);

    std::fs::remove_file(filler).unwrap();
    let lib = Library::open(&data).unwrap();
    let report = lib.ingest(&[fixture("en_report.txt")], &mut |_| {});
    assert_eq!(report.failed().count(), 0, "{report:?}");
    assert_eq!(lib.records().unwrap().len(), 5);
    drop(lib);
    let lib = Library::open(&data).unwrap();
    assert_eq!(lib.index_generation(), Some(lib.generation().unwrap()));
    assert_eq!(seed_hits(&lib), hits);
    assert_eq!(lib.notes(None).unwrap().len(), 1);
}

/// Notes imported and a restore run onto a full disk: each fails with the
/// lack of space said, and the library is as it was — its documents, its
/// note, its search — with no staged copy or journal left beside it. Once
/// space is freed, both work.
#[test]
fn a_full_disk_fails_a_notes_import_and_a_restore_and_keeps_the_library() {
    let root = tempfile::tempdir().unwrap();
    let Some(disk) = Mounted::new(&root.path().join("disk"), "24m") else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    // Notes to import, from another library of the same documents.
    let other = Library::open(&root.path().join("other")).unwrap();
    other.ingest(&[seeds()], &mut |_| {});
    let other_doc = other.find("001_9b3f3c3582431abc.txt").unwrap();
    for i in 0..500 {
        other
            .add_note(other_doc, "item:3(a)", 0, 4, &format!("imported note {i}"))
            .unwrap();
    }
    let export = other.export_annotations(None).unwrap();
    // A backup of the library, kept off the small disk.
    let data = disk.0.join("library");
    let lib = Library::open(&data).unwrap();
    lib.ingest(&[seeds()], &mut |_| {});
    let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    lib.add_note(doc, "item:3(a)", 0, 4, "the user's own")
        .unwrap();
    let backup = root.path().join("backup");
    lib.backup(&backup).unwrap();
    let hits = seed_hits(&lib);
    let filler = fill(&disk.0);

    let err = lib.import_annotations(&export).unwrap_err().to_string();
    assert!(
        err.contains("No space left") || err.contains("full"),
        "{err}"
    );
    assert_eq!(lib.notes(None).unwrap().len(), 1, "nothing half-imported");
    assert_eq!(seed_hits(&lib), hits);
    drop(lib);

    let err = dossier_core::library::restore(&backup, &data)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("No space left") || err.contains("full"),
        "{err}"
    );
    let beside: Vec<String> = std::fs::read_dir(&disk.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "library" && n != "filler")
        .collect();
    assert!(beside.is_empty(), "a failed restore left {beside:?}");
    let lib = Library::open(&data).expect("the library opens after the failed restore");
    assert_eq!(lib.records().unwrap().len(), 4);
    assert_eq!(lib.notes(None).unwrap()[0].body, "the user's own");
    assert_eq!(seed_hits(&lib), hits);
    assert!(lib.interrupted_restore().is_none());
    drop(lib);

    std::fs::remove_file(filler).unwrap();
    let lib = Library::open(&data).unwrap();
    let summary = lib.import_annotations(&export).unwrap();
    assert_eq!(lib.notes(None).unwrap().len(), 501, "{summary:?}");
    drop(lib);
    dossier_core::library::restore(&backup, &data).unwrap();
    let lib = Library::open(&data).unwrap();
    assert_eq!(
        lib.notes(None).unwrap().len(),
        1,
        "the backup's library whole"
    );
    assert_eq!(seed_hits(&lib), hits);
}
