//! Data safety through the `dossier` binary, one test per way issue 21 found
//! to lose or damage data: writes outside what was named, crafted backups,
//! imported notes and exports turned against the user, and damage that went
//! unnoticed.

mod common;
use common::seeds;

use dossier_core::api::BookmarkTarget;
use dossier_core::Library;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("run dossier")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A library holding the four seeds, in `root/library`.
fn seeded(root: &Path) -> PathBuf {
    let data = root.join("library");
    let out = dossier(&data, &["ingest", &seeds().display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    data
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The originals in `files/`, relative to the library folder.
fn originals(data: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for sub in std::fs::read_dir(data.join("files")).unwrap() {
        for f in std::fs::read_dir(sub.unwrap().path()).unwrap() {
            v.push(f.unwrap().path());
        }
    }
    v.sort();
    v
}

#[test]
fn an_ics_export_touches_only_the_file_it_names() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let out_dir = root.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("agenda.partial"), "the user's own file").unwrap();
    let target = out_dir.join("agenda.ics");
    let out = dossier(
        &data,
        &[
            "ics",
            "001_9b3f3c3582431abc.txt",
            "-o",
            &target.display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("agenda.partial")).unwrap(),
        "the user's own file"
    );
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));
    assert_eq!(names(&out_dir), ["agenda.ics", "agenda.partial"]);
}

#[test]
fn a_backup_touches_only_the_folder_it_names() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let out_dir = root.path().join("out");
    std::fs::create_dir_all(out_dir.join("report.partial")).unwrap();
    std::fs::write(out_dir.join("report.partial/draft.txt"), "mine").unwrap();
    let out = dossier(
        &data,
        &[
            "backup",
            &out_dir.join("report.final").display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("report.partial/draft.txt")).unwrap(),
        "mine"
    );
    assert_eq!(names(&out_dir), ["report.final", "report.partial"]);
}

#[test]
fn an_output_inside_the_library_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let db = data.join("library.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let out = dossier(
        &data,
        &[
            "ics",
            "001_9b3f3c3582431abc.txt",
            "-o",
            &db.display().to_string(),
        ],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("inside the library"), "{}", text(&out));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let out = dossier(
        &data,
        &["backup", &data.join("files/backup").display().to_string()],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("inside the library"), "{}", text(&out));
    assert!(!data.join("files/backup").exists());
    let out = dossier(&data, &["list", "--json"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn an_existing_backup_is_replaced_only_on_purpose() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let backup = root.path().join("backup");
    let b = backup.display().to_string();
    assert!(dossier(&data, &["backup", &b]).status.success());
    let again = dossier(&data, &["backup", &b]);
    assert!(!again.status.success());
    assert!(text(&again).contains("--replace"), "{}", text(&again));
    let replaced = dossier(&data, &["backup", "--replace", &b]);
    assert!(replaced.status.success(), "{}", text(&replaced));
    assert!(backup.join("dossier-backup.json").is_file());
    // A folder that is not a Dossier backup is never replaced.
    let other = root.path().join("photos");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("holiday.jpg"), "jpeg").unwrap();
    let out = dossier(
        &data,
        &["backup", "--replace", &other.display().to_string()],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("not a Dossier backup"),
        "{}",
        text(&out)
    );
    assert_eq!(names(&other), ["holiday.jpg"]);
    assert_eq!(names(root.path()), ["backup", "library", "photos"]);
}

/// Points the stored path of one document of the database at `db` to `to`.
fn set_stored_path(db: &Path, to: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE documents SET stored_path = ?1 WHERE id = (SELECT min(id) FROM documents)",
        [to],
    )
    .unwrap();
}

#[test]
fn a_crafted_backup_with_paths_outside_files_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let victim = root.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let crafted = [
        victim.display().to_string(),
        "files/../../victim.txt".to_string(),
    ];
    for (k, path) in crafted.iter().enumerate() {
        let backup = root.path().join(format!("backup-{k}"));
        let b = backup.display().to_string();
        assert!(dossier(&data, &["backup", &b]).status.success());
        set_stored_path(&backup.join("library.sqlite3"), path);
        let out = dossier(&data, &["restore", &b]);
        assert!(!out.status.success(), "{path}: {}", text(&out));
        assert!(text(&out).contains("outside"), "{}", text(&out));
        let listed = dossier(&data, &["list", "--json"]);
        assert!(listed.status.success());
        assert!(String::from_utf8_lossy(&listed.stdout).contains("9b3f3c3582431abc"));
    }
    // A library database that names a file outside (restored by an older
    // version): the next backup refuses it instead of copying over the file.
    set_stored_path(&data.join("library.sqlite3"), &victim.display().to_string());
    let out = dossier(
        &data,
        &[
            "backup",
            &root.path().join("backup-x").display().to_string(),
        ],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("outside"), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn imported_notes_with_invalid_or_future_timestamps_never_win() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    {
        let lib = Library::open(&data).unwrap();
        let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
        lib.add_note(doc, "item:3(a)", 0, 4, "the user's note")
            .unwrap();
    }
    let out = dossier(&data, &["notes", "export", "--format", "json"]);
    assert!(out.status.success());
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for bad in ["9999-99-99", "2999-01-01T00:00:00Z", "yesterday"] {
        let mut crafted = export.clone();
        crafted["notes"][0]["updated_at"] = bad.into();
        crafted["notes"][0]["body"] = "the attacker's note".into();
        let file = root.path().join("crafted.json");
        std::fs::write(&file, serde_json::to_vec(&crafted).unwrap()).unwrap();
        let out = dossier(&data, &["notes", "import", &file.display().to_string()]);
        assert!(!out.status.success(), "{bad}: {}", text(&out));
        assert!(text(&out).contains(bad), "{}", text(&out));
        let lib = Library::open(&data).unwrap();
        let notes = lib.notes(None).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].body, "the user's note", "{bad} won the merge");
    }
}

#[test]
fn a_bookmark_label_cannot_write_structure_into_the_markdown_export() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    {
        let lib = Library::open(&data).unwrap();
        let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
        lib.add_bookmark(
            doc,
            BookmarkTarget::Document,
            "",
            "fine\n# Injected heading\n<script>alert(1)</script>",
        )
        .unwrap();
        let note = lib.add_note(doc, "item:3(a)", 0, 4, "x").unwrap();
        lib.update_note(note.id, "my words\n## Not a heading\n<img src=x>")
            .unwrap();
    }
    let out = dossier(&data, &["notes", "export"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    for line in md.lines() {
        assert!(
            !line.starts_with("# Injected")
                && !line.starts_with("## Not")
                && !line.starts_with('<'),
            "structure from a label or a note: {line:?}\n{md}"
        );
    }
    assert!(md.contains("Injected heading"), "{md}");
}

#[test]
fn the_cli_prints_no_terminal_control_characters_from_documents() {
    let root = tempfile::tempdir().unwrap();
    let inbox = root.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let evil = inbox.join("evil\x1b]52;c;SGVsbG8=\x07name\x1b[2J.txt");
    std::fs::write(
        &evil,
        "Note by the Secretariat\n\n1. The Working Group discussed asset recovery at length.\n",
    )
    .unwrap();
    let data = root.path().join("library");
    for args in [
        vec!["ingest", inbox.to_str().unwrap()],
        vec!["list"],
        vec!["search", "asset recovery"],
        vec!["notes", "export"],
    ] {
        let out = dossier(&data, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !all.iter().any(|&b| b == 0x1b || b == 0x07),
            "{args:?} printed control characters: {:?}",
            String::from_utf8_lossy(&all)
        );
        if args[0] == "list" {
            assert!(String::from_utf8_lossy(&all).contains("name"));
        }
    }
}

#[test]
fn a_mistyped_data_dir_is_an_error_not_a_new_tree() {
    let root = tempfile::tempdir().unwrap();
    let out = dossier(&root.path().join("typo/library"), &["list"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("typo"), "{}", text(&out));
    assert!(!root.path().join("typo").exists());
    // The last level alone is created.
    let out = dossier(&root.path().join("library"), &["list"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(root.path().join("library/library.sqlite3").is_file());
}

#[test]
fn a_zero_byte_database_is_refused_with_what_to_do() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let files = originals(&data);
    std::fs::write(data.join("library.sqlite3"), b"").unwrap();
    let _ = std::fs::remove_file(data.join("library.sqlite3-wal"));
    let _ = std::fs::remove_file(data.join("library.sqlite3-shm"));
    let out = dossier(&data, &["list"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("restore"), "{}", text(&out));
    assert_eq!(
        std::fs::metadata(data.join("library.sqlite3"))
            .unwrap()
            .len(),
        0
    );
    assert_eq!(originals(&data), files, "the originals are kept");
}

#[test]
fn a_garbled_database_is_refused_with_what_to_do() {
    for (what, at) in [("header", 0usize), ("middle", 1), ("truncated", 2)] {
        let root = tempfile::tempdir().unwrap();
        let data = seeded(root.path());
        // Everything in the main file (the WAL emptied), then damaged.
        {
            let lib = Library::open(&data).unwrap();
            lib.checkpoint().unwrap();
        }
        let db = data.join("library.sqlite3");
        let mut bytes = std::fs::read(&db).unwrap();
        let page = 4096;
        let start = if at == 0 {
            0
        } else {
            (bytes.len() / page / 2) * page
        };
        if at == 2 {
            bytes.truncate(start);
        } else {
            for (i, b) in bytes[start..start + page].iter_mut().enumerate() {
                *b = (i * 7 + 13) as u8;
            }
        }
        std::fs::write(&db, &bytes).unwrap();
        let out = dossier(&data, &["list"]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", text(&out));
        assert!(text(&out).contains("damaged"), "{what}: {}", text(&out));
        assert!(text(&out).contains("restore"), "{what}: {}", text(&out));
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "{what}: nothing written"
        );
    }
}

#[test]
fn after_a_cli_run_the_database_file_holds_everything() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let _ = std::fs::remove_file(data.join("library.sqlite3-wal"));
    let _ = std::fs::remove_file(data.join("library.sqlite3-shm"));
    let out = dossier(&data, &["list", "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let listing = String::from_utf8_lossy(&out.stdout);
    for seed in [
        "000_abe935980996e0b8",
        "001_9b3f3c3582431abc",
        "004_5995beeb77b35464",
    ] {
        assert!(
            listing.contains(seed),
            "{seed} lost with the WAL: {listing}"
        );
    }
}

#[test]
fn orphan_temporary_files_are_cleaned_at_open() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let kept = originals(&data);
    let sub = kept[0].parent().unwrap().to_path_buf();
    let orphans = [
        sub.join("0123456789abcdef-report.txt.partial"),
        data.join("files/ff/ffffffffffffffff-killed-import.pdf"),
    ];
    std::fs::create_dir_all(data.join("files/ff")).unwrap();
    for o in &orphans {
        std::fs::write(o, "left by a killed import").unwrap();
    }
    let out = dossier(&data, &["list"]);
    assert!(out.status.success(), "{}", text(&out));
    for o in &orphans {
        assert!(!o.exists(), "{} is still there", o.display());
    }
    assert_eq!(originals(&data), kept, "every referenced original is kept");
}

#[test]
fn a_missing_original_is_named_at_backup_and_restored_by_reimport() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let gone = originals(&data)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("001_9b3f3c3582431abc"))
        .unwrap();
    std::fs::remove_file(&gone).unwrap();
    let backup = root.path().join("backup").display().to_string();
    let out = dossier(&data, &["backup", &backup]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("missing") && said.contains("001_9b3f3c3582431abc.txt"),
        "{said}"
    );
    let seed = seeds().join("001_9b3f3c3582431abc.txt");
    let out = dossier(&data, &["ingest", &seed.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(gone.is_file(), "re-importing the file restores the copy");
    let out = dossier(&data, &["backup", &backup]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_restore_says_where_the_previous_library_is_kept() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let backup = root.path().join("backup").display().to_string();
    assert!(dossier(&data, &["backup", &backup]).status.success());
    let out = dossier(&data, &["restore", &backup]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    let kept = names(root.path())
        .into_iter()
        .find(|n| n.starts_with("library.before-restore-"))
        .expect("the previous library is kept");
    assert!(said.contains(&kept), "{said}");
}

#[test]
fn a_check_on_request_finds_a_damaged_original() {
    let root = tempfile::tempdir().unwrap();
    let data = seeded(root.path());
    let out = dossier(&data, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("all 4 original files"),
        "{}",
        text(&out)
    );
    let damaged = originals(&data)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("000_abe935980996e0b8"))
        .unwrap();
    let mut bytes = std::fs::read(&damaged).unwrap();
    bytes[10] ^= 0x20;
    std::fs::write(&damaged, bytes).unwrap();
    let out = dossier(&data, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("damaged") && said.contains("000_abe935980996e0b8.txt"),
        "{said}"
    );
}
