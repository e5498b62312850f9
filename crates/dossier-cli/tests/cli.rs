//! The CLI contract: commands, exit codes and the JSON field names other tools rely on.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn dossier(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("run dossier")
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .display()
        .to_string()
}

#[test]
fn ingest_search_list_reindex() {
    let data = tempfile::tempdir().unwrap();
    let out = dossier(data.path(), &["ingest", &seeds()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("4 ingested, 0 new versions, 0 new renditions, 0 unchanged, 0 failed"),
        "{report}"
    );

    let out = dossier(
        data.path(),
        &["search", "资产追回", "--json", "--limit", "5"],
    );
    assert!(out.status.success());
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 5);
    for h in hits {
        for key in ["id", "symbol", "title", "language", "kind", "file"] {
            assert!(
                h["document"].get(key).is_some(),
                "document.{key} missing: {h}"
            );
        }
        assert!(h["location"].is_object());
        assert!(
            h["snippet"].as_str().unwrap().contains("资产追回")
                || h["snippet"].as_str().unwrap().contains("追回资产")
        );
        assert!(h["score"].as_f64().unwrap() > 0.0);
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );

    let out = dossier(data.path(), &["list", "--json"]);
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listing["meetings"].as_array().unwrap().len(), 4);

    let out = dossier(data.path(), &["reindex"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Indexed 4 documents"));
}

#[test]
fn a_bad_file_fails_alone_with_its_reason() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("empty.txt"), b"").unwrap();
    std::fs::copy(
        Path::new(&seeds()).join("000_abe935980996e0b8.txt"),
        files.path().join("good.txt"),
    )
    .unwrap();
    let out = dossier(
        data.path(),
        &["ingest", &files.path().display().to_string()],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("empty.txt: the file is empty"), "{report}");
    assert!(
        report.contains("1 ingested, 0 new versions, 0 new renditions, 0 unchanged, 1 failed"),
        "{report}"
    );
}

#[test]
fn a_library_in_use_is_refused_with_a_clear_message() {
    let data = tempfile::tempdir().unwrap();
    let _held = dossier_core::Library::open(data.path()).unwrap();
    let out = dossier(data.path(), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already open"));
}

#[test]
fn ics_prints_the_schedule_in_the_venue_zone() {
    let data = tempfile::tempdir().unwrap();
    assert!(dossier(data.path(), &["ingest", &seeds()]).status.success());
    // The seeds print no symbol: the document is named by its file.
    let out = dossier(data.path(), &["ics", "003_9b7261b858c1689a.txt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 10);
    assert!(text.contains("DTSTART;TZID=Asia/Dubai:20191216T100000\r\n"));

    let out = dossier(
        data.path(),
        &["ics", "003_9b7261b858c1689a.txt", "--starred"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no slot"));

    // Outside the library folder (an output inside it is refused).
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("vienna.ics");
    let out = dossier(
        data.path(),
        &[
            "ics",
            "001_9b3f3c3582431abc.txt",
            "--tz",
            "Europe/Vienna",
            "-o",
        ],
    );
    assert!(!out.status.success(), "-o needs a file");
    let out = dossier(
        data.path(),
        &[
            "ics",
            "001_9b3f3c3582431abc.txt",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("TZID:Europe/Vienna\r\n"));
    assert!(text.contains("TZOFFSETTO:+0200\r\n"));
}

#[test]
fn logs_go_to_standard_error_when_asked_for() {
    let data = tempfile::tempdir().unwrap();
    // A new library's index is built on open, which the core logs at info.
    let out = dossier(data.path(), &["-v", "list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("INFO") && stderr.contains("rebuilding"),
        "{stderr}"
    );
    let quiet = tempfile::tempdir().unwrap();
    let out = dossier(quiet.path(), &["list"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--data-dir")
        .arg(tempfile::tempdir().unwrap().path())
        .arg("list")
        .env("RUST_LOG", "dossier_core=info")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("rebuilding"));
}

/// The check for the hidden worker mode reads the first argument without
/// requiring Unicode: a Latin-1 folder or file name there (`dossier-app
/// café.txt`) must not panic.
#[cfg(unix)]
#[test]
fn names_that_are_not_unicode_are_read() {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let root = tempfile::tempdir().unwrap();
    let path = root
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::copy(Path::new(&seeds()).join("001_9b3f3c3582431abc.txt"), &path).unwrap();
    let mut first = b"--data-dir=".to_vec();
    first.extend_from_slice(root.path().as_os_str().as_bytes());
    first.extend_from_slice(b"/biblioth\xe8que");
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg(std::ffi::OsString::from_vec(first))
        .arg("ingest")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 ingested"));
}
