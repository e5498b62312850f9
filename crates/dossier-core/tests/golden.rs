//! Golden parse outputs: each fixture (and each seed) parsed to JSON and
//! compared with `tests/golden/<file>.json`, reviewed by a person.
//!
//! After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p dossier-core --test golden` and review the diff.

use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("tests/fixtures"), root.join("../../seeds")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn parse_outputs_match_goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for input in inputs() {
        let doc = dossier_core::parse_file(&input).unwrap_or_else(|e| panic!("{e}"));
        let actual = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        let golden = root.join("tests/golden").join(format!("{name}.json"));
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != actual {
            if update {
                std::fs::write(&golden, &actual).unwrap();
            } else {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "parse output differs from the golden for {stale:?}; if intended, run \
         `UPDATE_GOLDEN=1 cargo test -p dossier-core --test golden` and review the diff"
    );
}

/// The same document as text, PDF and DOCX yields the same agenda and schedule.
#[test]
fn formats_agree_on_structure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let txt = dossier_core::parse_file(&root.join("../../seeds/001_9b3f3c3582431abc.txt")).unwrap();
    for other in ["seed001_libreoffice.pdf", "seed001_libreoffice.docx"] {
        let doc = dossier_core::parse_file(&root.join("tests/fixtures").join(other)).unwrap();
        let numbers = |d: &dossier_core::Document| {
            d.items_flat()
                .iter()
                .map(|i| (i.number.clone(), i.title.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(&doc), numbers(&txt), "{other}: agenda");
        let slots = |d: &dossier_core::Document| {
            d.schedule
                .iter()
                .map(|s| {
                    (
                        s.date.clone(),
                        s.start.clone(),
                        s.items.clone(),
                        s.continued,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(slots(&doc), slots(&txt), "{other}: schedule");
        assert_eq!(
            (&doc.dates, &doc.venue, &doc.body),
            (&txt.dates, &txt.venue, &txt.body),
            "{other}: metadata"
        );
    }
}

/// What a delegate relies on in the 2024 working-group agenda: item 3(a) is
/// taken up in exactly two slots, and Thursday afternoon is item 4.
#[test]
fn working_group_2024_item_3a_slots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = dossier_core::parse_file(&root.join("../../seeds/001_9b3f3c3582431abc.txt")).unwrap();
    let slots: Vec<_> = doc
        .schedule
        .iter()
        .filter(|s| s.items.contains(&"3(a)".to_string()))
        .collect();
    assert_eq!(slots.len(), 2);
    assert_eq!(slots[1].start.as_deref(), Some("15:00"));
    assert!(slots[1].continued);
    let thursday_pm = doc
        .schedule
        .iter()
        .find(|s| s.date.as_deref() == Some("2024-06-13") && s.start.as_deref() == Some("15:00"))
        .unwrap();
    assert_eq!(thursday_pm.items, vec!["4"]);
    assert!(doc.symbol.is_none(), "the seed prints no symbol of its own");
    assert_eq!(
        doc.suggested_symbol.as_deref(),
        Some("CAC/COSP/WG.2/2024/1")
    );
}

#[test]
fn bad_input_is_a_clear_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty"),
        (
            "binary.txt",
            &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0],
            "binary",
        ),
        ("fake.pdf", b"hello, not a pdf", "not a PDF"),
        (
            "truncated.pdf",
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
            "damaged",
        ),
        ("fake.docx", b"plain text", "not a Word document"),
        ("image.png", b"\x89PNG\r\n\x1a\n....", "unsupported"),
    ];
    for (name, bytes, expect) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let err = dossier_core::parse_file(&p).unwrap_err().to_string();
        assert!(
            err.contains(name),
            "{name}: message does not name the file: {err}"
        );
        assert!(
            err.contains(expect),
            "{name}: expected '{expect}' in: {err}"
        );
    }
}
