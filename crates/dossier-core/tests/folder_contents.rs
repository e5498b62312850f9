//! What a folder may contain: only regular files are read; pipes, sockets,
//! devices and symbolic links are skipped with a message naming them, never
//! opened or followed, so nothing in a folder can block, spin or read from
//! outside it.
#![cfg(unix)]

use dossier_core::api::{IngestReport, IngestStatus};
use dossier_core::Library;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/001_9b3f3c3582431abc.txt")
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

fn message<'a>(report: &'a IngestReport, name: &str) -> &'a str {
    let r = report
        .results
        .iter()
        .find(|r| Path::new(&r.path).file_name().unwrap() == name)
        .unwrap_or_else(|| panic!("{name} not reported: {report:#?}"));
    assert_eq!(r.status, IngestStatus::Failed, "{r:?}");
    let msg = r.message.as_deref().unwrap();
    assert!(msg.contains(name), "the message names the file: {msg}");
    msg
}

#[test]
fn a_folder_of_pipes_sockets_devices_and_links_imports_only_its_regular_files() {
    let root = tempfile::tempdir().unwrap();
    let docs = root.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::copy(seed(), docs.join("sub/good.txt")).unwrap();
    mkfifo(&docs.join("pipe.txt"));
    let _socket = std::os::unix::net::UnixListener::bind(docs.join("socket.txt")).unwrap();
    symlink("/dev/zero", docs.join("zero.txt")).unwrap();
    symlink("/etc/passwd", docs.join("passwd.txt")).unwrap();
    // Loops: a link to its own folder, one to the parent, and two links to each other.
    symlink(".", docs.join("self")).unwrap();
    symlink("..", docs.join("sub/up")).unwrap();
    symlink("b", docs.join("a")).unwrap();
    symlink("a", docs.join("b")).unwrap();

    let lib = Library::open(&root.path().join("library")).unwrap();
    let report = lib.ingest(&[docs], &mut |_| {});
    for r in &report.results {
        eprintln!("{:?} {}", r.status, r.message.as_deref().unwrap_or(&r.path));
    }
    assert_eq!(report.count(IngestStatus::Ingested), 1, "{report:#?}");
    assert!(message(&report, "pipe.txt").contains("named pipe (FIFO)"));
    assert!(message(&report, "socket.txt").contains("is a socket"));
    for link in ["zero.txt", "passwd.txt", "self", "up", "a", "b"] {
        assert!(
            message(&report, link).contains("symbolic link"),
            "{link} is a link"
        );
    }
    assert_eq!(report.results.len(), 9, "{report:#?}");
    // Nothing from outside the folder reached the library.
    let records = lib.records().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].file, "good.txt");
}

#[test]
fn a_device_or_a_pipe_named_directly_is_refused_without_being_read() {
    let root = tempfile::tempdir().unwrap();
    let pipe = root.path().join("pipe.pdf");
    mkfifo(&pipe);
    let err = dossier_core::extract::read_file(Path::new("/dev/zero")).unwrap_err();
    assert!(err.to_string().contains("/dev/zero: is a device"), "{err}");
    let err = dossier_core::extract::read_file(&pipe).unwrap_err();
    assert!(err.to_string().contains("named pipe (FIFO)"), "{err}");

    // A link named on the command line is followed, to a regular file only.
    let zero = root.path().join("zero.txt");
    symlink("/dev/zero", &zero).unwrap();
    let lib = Library::open(&root.path().join("library")).unwrap();
    let report = lib.ingest(&[zero, pipe], &mut |_| {});
    assert!(message(&report, "zero.txt").contains("is a device"));
    assert!(message(&report, "pipe.pdf").contains("named pipe"));
    assert!(lib.records().unwrap().is_empty());
}
