//! The CLI contract: commands, exit codes and the JSON field names other tools rely on.

#[path = "../../dossier-core/tests/ics_check/mod.rs"]
mod ics_check;

use serde_json::{json, Value};
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
    let started = std::time::Instant::now();
    let out = dossier(data.path(), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already open"));
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(5),
        "it waited for the holder first"
    );
}

/// A window closing as the command starts lets go of the library within
/// moments: the command waits for it rather than refusing.
#[test]
fn a_library_let_go_within_seconds_is_opened() {
    let data = tempfile::tempdir().unwrap();
    let held = dossier_core::Library::open(data.path()).unwrap();
    let closing = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        drop(held);
    });
    let out = dossier(data.path(), &["list"]);
    closing.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The events `dossier ics` should write for a seed's schedule, `offset`
/// hours east of UTC on all its days (written out by hand, not from the tz
/// database), as `ics_check.py` expects them.
fn expected_events(seed: &str, zone: &str, offset: i32) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("parse")
        .arg(Path::new(&seeds()).join(seed))
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let events: Vec<Value> = doc["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| {
            let date = slot["date"].as_str().unwrap();
            let utc = |t: &Value| {
                let t = t.as_str().expect("a slot with a start and an end");
                let hour = t[..2].parse::<i32>().unwrap() - offset;
                assert!(
                    (0..24).contains(&hour),
                    "the seed's slots stay in their UTC day"
                );
                format!("{date}T{hour:02}:{}:00Z", &t[3..5])
            };
            json!({"zone": zone, "start": utc(&slot["start"]), "end": utc(&slot["end"])})
        })
        .collect();
    assert!(!events.is_empty());
    Value::Array(events)
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
    let printed = text;

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

    // Both calendars read back by icalendar and vobject (ics_check.py).
    if let Some(checker) = ics_check::checker() {
        checker.assert_ok(
            &[
                ("abu-dhabi.ics", printed.as_bytes()),
                ("vienna.ics", text.as_bytes()),
            ],
            &json!({
                "abu-dhabi.ics": expected_events("003_9b7261b858c1689a.txt", "Asia/Dubai", 4),
                "vienna.ics": expected_events("001_9b3f3c3582431abc.txt", "Europe/Vienna", 2),
            }),
        );
    }
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

fn un_doc(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dossier-core/tests/fixtures/un-docs")
        .join(name)
        .display()
        .to_string()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The seeds and A/80/590 as Word and PDF.
fn library() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let report = stdout(&dossier(
        data.path(),
        &[
            "ingest",
            &seeds(),
            &un_doc("A_80_590.docx"),
            &un_doc("A_80_590.pdf"),
        ],
    ));
    assert!(report.contains("New documents (5):\n"), "{report}");
    assert!(
        report.contains("New renditions (another file of a document) (1):\n"),
        "{report}"
    );
    assert!(report.contains("A_80_590.pdf  (of A/80/590)\n"), "{report}");
    assert!(!report.contains("Unchanged"), "{report}");
    data
}

#[test]
fn the_import_summary_names_each_file_under_what_became_of_it() {
    let data = library();
    let again = stdout(&dossier(
        data.path(),
        &["ingest", &seeds(), &un_doc("A_80_590.pdf")],
    ));
    assert!(again.starts_with("Unchanged (5):\n"), "{again}");
    assert!(again.contains("001_9b3f3c3582431abc.txt\n"), "{again}");
    assert!(
        again.ends_with("0 ingested, 0 new versions, 0 new renditions, 5 unchanged, 0 failed\n"),
        "{again}"
    );
    let json: Value = serde_json::from_slice(
        &dossier(data.path(), &["ingest", "--json", &un_doc("A_80_590.docx")]).stdout,
    )
    .unwrap();
    assert_eq!(json["results"][0]["status"], "unchanged");
}

#[test]
fn remove_list_the_trash_restore_and_empty() {
    let data = library();
    let before = stdout(&dossier(data.path(), &["list", "--json"]));
    let files = |dir: &Path| -> usize {
        std::fs::read_dir(dir.join("files"))
            .unwrap()
            .flatten()
            .map(|d| std::fs::read_dir(d.path()).unwrap().count())
            .sum()
    };
    assert_eq!(files(data.path()), 6);

    let out = stdout(&dossier(
        data.path(),
        &["remove", "A_80_590.pdf", "--scope", "rendition"],
    ));
    assert!(
        out.starts_with("Moved to the trash: A_80_590.pdf (PDF of A/80/590, en) (0 documents, 1 file, 0 notes)."),
        "{out}"
    );
    let out = stdout(&dossier(
        data.path(),
        &["remove", "004_5995beeb77b35464.txt"],
    ));
    assert!(out.contains("dossier trash restore 2"), "{out}");
    let listing: Value =
        serde_json::from_str(&stdout(&dossier(data.path(), &["list", "--json"]))).unwrap();
    assert_eq!(listing["meetings"].as_array().unwrap().len(), 4);
    assert!(!stdout(&dossier(data.path(), &["list"])).contains("004_5995beeb77b35464.txt"));

    let trash = stdout(&dossier(data.path(), &["trash"]));
    let lines: Vec<&str> = trash.lines().collect();
    assert!(lines[0].contains("004_5995beeb77b35464.txt (zh)  (1 document, 1 file, 0 notes)"));
    assert!(lines[1].contains("A_80_590.pdf"), "{trash}");
    let json: Value =
        serde_json::from_str(&stdout(&dossier(data.path(), &["trash", "--json"]))).unwrap();
    assert_eq!(json[0]["scope"], "document");
    assert_eq!(json[1]["scope"], "rendition");

    for n in ["2", "1"] {
        let out = stdout(&dossier(data.path(), &["trash", "restore", n]));
        assert!(out.starts_with("Restored from the trash: "), "{out}");
    }
    assert_eq!(stdout(&dossier(data.path(), &["list", "--json"])), before);
    assert_eq!(
        stdout(&dossier(data.path(), &["trash"])),
        "The trash is empty.\n"
    );
    let out = dossier(data.path(), &["trash", "restore", "1"]);
    assert_eq!(out.status.code(), Some(2), "no such entry");

    // Every language, every revision: the seeds print no symbol, so one document each.
    stdout(&dossier(
        data.path(),
        &["remove", "A/80/590", "--scope", "languages"],
    ));
    stdout(&dossier(
        data.path(),
        &["remove", "000_abe935980996e0b8.txt", "--scope", "revisions"],
    ));
    assert_eq!(files(data.path()), 6, "removing deletes no file");
    let out = stdout(&dossier(data.path(), &["trash", "empty"]));
    assert!(
        out.starts_with("Emptied the trash: 2 removals, 2 documents, 3 files of documents, 0 notes deleted; 3 files deleted"),
        "{out}"
    );
    assert_eq!(files(data.path()), 3);
    assert!(stdout(&dossier(data.path(), &["check"])).contains("all 3 original files"));
    // A document the library does not hold is named, and nothing is removed.
    let out = dossier(data.path(), &["remove", "A/99/999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(r#"no document with id, symbol or file name "A/99/999""#),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files(data.path()), 3);
}

#[test]
fn list_filters_sorts_and_counts() {
    let data = library();
    let out = stdout(&dossier(data.path(), &["list", "--filter", "维也纳 2017"]));
    assert!(out.contains("[004_5995beeb77b35464.txt]"), "{out}");
    assert!(out.ends_with("1 document\n"), "{out}");
    let out = stdout(&dossier(
        data.path(),
        &["list", "--sort", "date", "--facets", "--limit", "2"],
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("001_9b3f3c3582431abc.txt"), "{out}");
    assert!(lines[1].contains("003_9b7261b858c1689a.txt"), "{out}");
    assert_eq!(lines[2], "2 of 5 documents");
    assert!(out.contains("\nlanguage: zh (4), en (1)\n"), "{out}");
    assert!(
        out.contains("\nkind: agenda (3), other (1), report (1)\n"),
        "{out}"
    );
    let json: Value = serde_json::from_str(&stdout(&dossier(
        data.path(),
        &[
            "list",
            "--json",
            "--filter",
            "general ASSEMBLY",
            "--sort",
            "recent",
        ],
    )))
    .unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(json["documents"][0]["symbol"], "A/80/590");
    assert_eq!(json["facets"]["body"][0]["value"], "General Assembly");
}

/// The mapping files of `docs/search-cluster/`, by index name.
fn cluster_configs(kind: &str) -> std::collections::BTreeMap<String, Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/search-cluster")
        .join(kind);
    dossier_core::search::bulk::INDEX_LANGUAGES
        .iter()
        .map(|l| {
            let name = dossier_core::search::bulk::index_name(l);
            let path = dir.join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let json: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
            (name, json)
        })
        .collect()
}

fn is_iso_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.len() == 10
            && s.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    })
}

/// Checks that every field of `value` is mapped in OpenSearch `properties`
/// with a type its JSON value fits; records the paths seen.
fn check_opensearch(value: &Value, properties: &Value, path: &str, seen: &mut HashSet<String>) {
    for (k, v) in value.as_object().expect("an object") {
        let field = format!("{path}{k}");
        let m = &properties[k];
        assert!(m.is_object(), "{field} is not mapped");
        seen.insert(field.clone());
        if v.is_null() {
            continue;
        }
        let fits = match m["type"].as_str() {
            None => {
                check_opensearch(v, &m["properties"], &format!("{field}."), seen);
                true
            }
            Some("keyword" | "text") => v.is_string(),
            Some("integer") => v.as_u64().is_some_and(|n| n <= i32::MAX as u64),
            Some("long") => v.is_u64() || v.is_i64(),
            Some("date") => m["format"] == "strict_date" && is_iso_date(v),
            Some(t) => panic!("{field}: a type the test does not know: {t}"),
        };
        assert!(fits, "{field}: {v} does not fit {m}");
    }
}

/// The same against a Quickwit doc mapping's `field_mappings`.
fn check_quickwit(value: &Value, mappings: &Value, path: &str, seen: &mut HashSet<String>) {
    for (k, v) in value.as_object().expect("an object") {
        let field = format!("{path}{k}");
        let m = mappings
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == k.as_str())
            .unwrap_or_else(|| panic!("{field} is not in the Quickwit doc mapping"));
        seen.insert(field.clone());
        if v.is_null() {
            continue;
        }
        let fits = match m["type"].as_str().unwrap() {
            "object" => {
                check_quickwit(v, &m["field_mappings"], &format!("{field}."), seen);
                true
            }
            "text" => v.is_string(),
            "u64" => v.is_u64(),
            "datetime" => m["input_formats"] == serde_json::json!(["%Y-%m-%d"]) && is_iso_date(v),
            t => panic!("{field}: a type the test does not know: {t}"),
        };
        assert!(fits, "{field}: {v} does not fit {m}");
    }
}

/// Every mapped path (`dates.start`), to compare with what an export writes.
fn mapped_paths(properties: &Value, path: &str, out: &mut HashSet<String>) {
    for (k, m) in properties.as_object().unwrap() {
        let field = format!("{path}{k}");
        out.insert(field.clone());
        if m["type"].is_null() {
            mapped_paths(&m["properties"], &format!("{field}."), out);
        }
    }
}

use std::collections::HashSet;

#[test]
fn export_writes_every_passage_once_for_a_search_cluster() {
    let data = library();
    let dest = tempfile::tempdir().unwrap();
    let file = dest.path().join("passages.ndjson");
    let out = dossier(
        data.path(),
        &["export", "--ndjson", "--out", &file.display().to_string()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.ends_with('\n') && !text.contains("\n\n"),
        "one line each, \\n-terminated"
    );
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len() % 2, 0, "action, source, action, source…");

    let opensearch = cluster_configs("opensearch");
    let quickwit = cluster_configs("quickwit");
    // One mapping for all languages; only the analyzer differs, and it is each language's.
    let analyzers = [
        ("ar", "arabic"),
        ("zh", "smartcn"),
        ("en", "english"),
        ("fr", "french"),
        ("ru", "russian"),
        ("es", "spanish"),
        ("und", "standard"),
    ];
    let neutral = |m: &Value, analyzer: &str| {
        serde_json::from_str::<Value>(&m.to_string().replace(
            &format!("\"analyzer\":\"{analyzer}\""),
            "\"analyzer\":\"?\"",
        ))
        .unwrap()
    };
    let en = neutral(&opensearch["dossier-passages-en"], "english");
    for (lang, analyzer) in analyzers {
        let m = &opensearch[&format!("dossier-passages-{lang}")];
        assert_eq!(
            m["mappings"]["dynamic"], "strict",
            "{lang}: unmapped fields are refused"
        );
        for field in ["title", "heading", "text"] {
            assert_eq!(
                m["mappings"]["properties"][field]["analyzer"], analyzer,
                "{lang} {field}"
            );
        }
        assert_eq!(neutral(m, analyzer), en, "{lang}: the same fields as en");
        let q = &quickwit[&format!("dossier-passages-{lang}")];
        assert_eq!(q["index_id"], format!("dossier-passages-{lang}"));
        assert_eq!(q["doc_mapping"]["mode"], "strict");
    }
    for field in ["symbol", "series", "language", "kind", "passage"] {
        assert_eq!(
            en["mappings"]["properties"][field]["type"], "keyword",
            "{field}"
        );
    }

    let mut ids = HashSet::new();
    let mut seen = HashSet::new();
    let mut seen_quickwit = HashSet::new();
    let mut places = HashSet::new();
    let mut by_index: std::collections::BTreeMap<String, usize> = Default::default();
    let mut by_passage: std::collections::BTreeMap<String, usize> = Default::default();
    let mut sources = String::new();
    for pair in lines.chunks(2) {
        let action: Value = serde_json::from_str(pair[0]).unwrap();
        let target = action["index"]
            .as_object()
            .unwrap_or_else(|| panic!("{}", pair[0]));
        assert_eq!(action.as_object().unwrap().len(), 1, "{}", pair[0]);
        assert_eq!(target.len(), 2, "{}", pair[0]);
        let index = target["_index"].as_str().unwrap();
        let id = target["_id"].as_str().unwrap();
        assert!(opensearch.contains_key(index), "{index} has no mapping");
        assert!(!id.is_empty() && id.len() <= 512, "{id}");
        assert!(ids.insert(id.to_string()), "{id} twice");

        let source: Value = serde_json::from_str(pair[1]).unwrap();
        sources.push_str(pair[1]);
        sources.push('\n');
        assert_eq!(source["passage_id"], id);
        check_opensearch(
            &source,
            &opensearch[index]["mappings"]["properties"],
            "",
            &mut seen,
        );
        check_quickwit(
            &source,
            &quickwit[index]["doc_mapping"]["field_mappings"],
            "",
            &mut seen_quickwit,
        );
        // Every fact is there, with its type, null or not.
        for (field, ok) in [
            ("document_id", Value::is_u64 as fn(&Value) -> bool),
            ("series", Value::is_string),
            ("version", Value::is_u64),
            ("generation", Value::is_u64),
            ("title", Value::is_string),
            ("kind", Value::is_string),
            ("language", Value::is_string),
            ("passage", Value::is_string),
            ("location", Value::is_object),
            ("heading", Value::is_string),
            ("text", Value::is_string),
        ] {
            assert!(ok(&source[field]), "{field} in {source}");
        }
        for field in ["symbol", "body", "session", "venue", "dates"] {
            assert!(source.get(field).is_some(), "{field} in {source}");
        }
        let lang = source["language"].as_str().unwrap();
        assert_eq!(index, format!("dossier-passages-{lang}"), "{source}");
        assert!(
            !source["text"].as_str().unwrap().trim().is_empty(),
            "{source}"
        );
        // The place is the one the passage's kind names.
        let location = source["location"].as_object().unwrap();
        let key = match source["passage"].as_str().unwrap() {
            "document" => None,
            "item" => Some("item"),
            "slot" => Some("slot"),
            "paragraph" => Some("paragraph"),
            other => panic!("passage kind {other}"),
        };
        assert_eq!(location.keys().next().map(String::as_str), key, "{source}");
        assert!(location.len() <= 1, "{source}");
        places.insert((
            source["document_id"].as_u64().unwrap(),
            source["location"].clone(),
        ));
        *by_index.entry(index.to_string()).or_default() += 1;
        *by_passage
            .entry(source["passage"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let passages = lines.len() / 2;
    assert!(
        said.contains(&format!("{passages} passages of 5 documents written to")),
        "{said}"
    );
    // The four Chinese seeds go to the zh index, A/80/590 to en, and nothing else.
    assert_eq!(
        by_index.keys().collect::<Vec<_>>(),
        ["dossier-passages-en", "dossier-passages-zh"]
    );
    assert!(by_index.values().all(|&n| n > 10), "{by_index:?}");
    for kind in ["document", "item", "slot", "paragraph"] {
        assert!(
            by_passage.get(kind).is_some_and(|&n| n > 0),
            "{kind}: {by_passage:?}"
        );
    }
    // Every mapped field is written somewhere (dates and slots included).
    let mut mapped = HashSet::new();
    mapped_paths(&en["mappings"]["properties"], "", &mut mapped);
    assert_eq!(seen, mapped);
    assert_eq!(seen_quickwit, mapped);

    // As many passages as the search index holds (the library has no notes).
    let reindexed = stdout(&dossier(data.path(), &["reindex"]));
    assert_eq!(
        reindexed,
        format!("Indexed 5 documents ({passages} passages).\n")
    );
    // And what search finds is among them, at the place it names.
    let hits: Value = serde_json::from_str(&stdout(&dossier(
        data.path(),
        &["search", "资产追回", "--json", "--limit", "100"],
    )))
    .unwrap();
    assert!(hits.as_array().unwrap().len() > 5);
    for h in hits.as_array().unwrap() {
        let place = (h["document"]["id"].as_u64().unwrap(), h["location"].clone());
        assert!(places.contains(&place), "{place:?} not exported");
    }

    // Again, to standard output: the same bytes.
    let again = dossier(data.path(), &["export", "--ndjson"]);
    assert!(again.status.success());
    assert!(again.stdout == bytes, "a second export differs");
    // Quickwit's: the same passages without the action lines.
    let qw = stdout(&dossier(data.path(), &["export", "--quickwit"]));
    assert_eq!(qw, sources);
    // One language's index at a time.
    let zh = stdout(&dossier(
        data.path(),
        &["export", "--quickwit", "--lang", "zh"],
    ));
    assert_eq!(zh.lines().count(), by_index["dossier-passages-zh"]);
    assert!(zh.lines().all(|l| l.contains(r#""language":"zh""#)));
    let out = dossier(data.path(), &["export", "--ndjson", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    // Never into the library folder.
    let inside = data.path().join("passages.ndjson");
    let out = dossier(
        data.path(),
        &["export", "--ndjson", "-o", &inside.display().to_string()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!inside.exists());

    // After a change every passage carries a later generation: what the new
    // export did not write again (the removed document) is what a
    // `_delete_by_query` on an older generation removes from the cluster.
    let generation = |line: &str| -> u64 {
        serde_json::from_str::<Value>(line).unwrap()["generation"]
            .as_u64()
            .unwrap()
    };
    let before = generation(lines[1]);
    stdout(&dossier(
        data.path(),
        &["remove", "004_5995beeb77b35464.txt"],
    ));
    let after = stdout(&dossier(data.path(), &["export", "--quickwit"]));
    let mut kept = HashSet::new();
    for line in after.lines() {
        assert!(generation(line) > before, "{line}");
        let id = serde_json::from_str::<Value>(line).unwrap()["passage_id"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(ids.contains(&id), "{id}: the same ids as before");
        kept.insert(id);
    }
    let gone: Vec<&String> = ids.difference(&kept).collect();
    assert!(!gone.is_empty());
    assert!(
        gone.iter()
            .all(|id| id.contains("004_5995beeb77b35464.txt")),
        "{gone:?}"
    );
}
