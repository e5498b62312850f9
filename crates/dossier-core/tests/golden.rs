//! Golden parse outputs: each fixture (and each seed) parsed to JSON and
//! compared with its snapshot, `tests/golden/<file>.snap`, reviewed by a
//! person. A difference prints as a diff, file by file.
//!
//! After an intended change, write the new outputs with
//! `INSTA_UPDATE=always cargo test -p dossier-core --test golden` and review
//! them with `git diff` (or run the test plainly, which leaves
//! `<file>.snap.new` beside each changed snapshot, for `cargo insta review`).

use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("tests/fixtures"), root.join("../../seeds")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            let fixture = p.extension().is_some_and(|e| e != "py");
            if p.is_file() && fixture {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn parse_outputs_match_goldens() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("golden");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let _settings = settings.bind_to_scope();
    let mut stale = Vec::new();
    for input in inputs() {
        let doc = dossier_core::parse_file(&input).unwrap_or_else(|e| panic!("{e}"));
        let actual = serde_json::to_string_pretty(&doc).unwrap();
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        // Every file is compared (and its diff printed) before the test fails.
        let compared = std::panic::catch_unwind(|| {
            insta::assert_snapshot!(name.clone(), actual);
        });
        if compared.is_err() {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "parse output differs from the golden for {stale:?} (diffs above); if intended, run \
         `INSTA_UPDATE=always cargo test -p dossier-core --test golden` and review the diff"
    );
}

fn agenda_of(d: &dossier_core::Document) -> Vec<(String, String, Vec<String>)> {
    d.items_flat()
        .iter()
        .map(|i| {
            let refs = i.references.iter().map(|r| r.symbol.clone()).collect();
            (i.number.clone(), i.title.clone(), refs)
        })
        .collect()
}

type Slot = (
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    bool,
    Vec<String>,
);

fn schedule_of(d: &dossier_core::Document) -> Vec<Slot> {
    d.schedule
        .iter()
        .map(|s| {
            (
                s.date.clone(),
                s.start.clone(),
                s.end.clone(),
                s.items.clone(),
                s.continued,
                s.parallel.clone(),
            )
        })
        .collect()
}

/// The same document as text, PDF and DOCX yields the same agenda, references,
/// schedule and masthead.
#[test]
fn formats_agree_on_structure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures");
    let groups = [
        (
            root.join("../../seeds/001_9b3f3c3582431abc.txt"),
            vec!["seed001_libreoffice.pdf", "seed001_libreoffice.docx"],
        ),
        (
            fixtures.join("en_irg_agenda.txt"),
            vec!["en_irg_agenda.pdf", "en_irg_agenda.docx"],
        ),
    ];
    for (reference, others) in groups {
        let txt = dossier_core::parse_file(&reference).unwrap();
        assert!(!txt.agenda.is_empty() && !txt.schedule.is_empty());
        for other in others {
            let doc = dossier_core::parse_file(&fixtures.join(other)).unwrap();
            assert_eq!(agenda_of(&doc), agenda_of(&txt), "{other}: agenda");
            // The words of each annotation (a PDF may space "M 楼" where the text has "M楼").
            let annotations = |d: &dossier_core::Document| {
                d.items_flat()
                    .iter()
                    .map(|i| i.annotation.replace(char::is_whitespace, ""))
                    .collect::<Vec<_>>()
            };
            assert_eq!(annotations(&doc), annotations(&txt), "{other}: annotations");
            assert_eq!(schedule_of(&doc), schedule_of(&txt), "{other}: schedule");
            assert_eq!(
                (&doc.symbol, &doc.dates, &doc.venue, &doc.body, &doc.session),
                (&txt.symbol, &txt.dates, &txt.venue, &txt.body, &txt.session),
                "{other}: metadata"
            );
            assert_eq!(
                (&doc.distributed, &doc.original_language, &doc.job_number),
                (&txt.distributed, &txt.original_language, &txt.job_number),
                "{other}: masthead"
            );
        }
    }
}

/// Real UN documents as Word and as PDF (`../shared/corpus/un-docs`, copied
/// into the fixtures): the masthead and the numbered paragraphs agree.
#[test]
fn un_documents_agree_across_formats() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/un-docs");
    let cases = [
        ("A_80_590", "A/80/590", "2026-01-07", "26-00248 (E)"),
        (
            "A_81_6SECT.13",
            "A/81/6 (Sect. 13)/Part A",
            "2026-02-19",
            "26-01902 (E)",
        ),
    ];
    for (name, symbol, distributed, job) in cases {
        let docx = dossier_core::parse_file(&fixtures.join(format!("{name}.docx"))).unwrap();
        let pdf = dossier_core::parse_file(&fixtures.join(format!("{name}.pdf"))).unwrap();
        for (format, doc) in [("docx", &docx), ("pdf", &pdf)] {
            assert_eq!(
                doc.symbol.as_deref(),
                Some(symbol),
                "{name}.{format}: symbol"
            );
            assert_eq!(
                doc.distributed.as_deref(),
                Some(distributed),
                "{name}.{format}: date"
            );
            assert_eq!(
                doc.job_number.as_deref(),
                Some(job),
                "{name}.{format}: job number"
            );
            assert_eq!(
                doc.original_language.as_deref(),
                Some("en"),
                "{name}.{format}"
            );
            assert_eq!(
                doc.body.as_deref(),
                Some("General Assembly"),
                "{name}.{format}: body"
            );
            assert!(doc.dates.is_none(), "{name}.{format}: no meeting dates");
            assert_eq!(
                doc.kind,
                dossier_core::DocumentKind::Other,
                "{name}.{format}"
            );
        }
        let numbered = |d: &dossier_core::Document| {
            d.paragraphs
                .iter()
                .filter_map(|p| p.number.clone())
                .collect::<Vec<_>>()
        };
        let (a, b) = (numbered(&docx), numbered(&pdf));
        assert!(
            a.len() >= 10,
            "{name}: {} numbered paragraphs in the docx",
            a.len()
        );
        assert_eq!(a, b, "{name}: numbered paragraphs");
        assert_eq!(docx.title, pdf.title, "{name}: title");
        assert_eq!(docx.session, pdf.session, "{name}: session");
    }
}

/// A/80/590's tables, as Word and as PDF: their rows are rows of the text
/// (cells by tabs), never sections of the outline — not a row's label
/// ("Civilian personnel"), not a heading over some columns ("Variance") —
/// while the report's own headings stay sections, a heading laid out with a
/// tab after its number included, and the summary's box (a table of one
/// column) stays paragraphs.
#[test]
fn a_reports_tables_are_rows_and_its_headings_sections() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/un-docs");
    let not_sections = [
        "Variance",
        "Amount",
        "Completed (number or",
        "Military and police personnel",
        "Civilian personnel",
        "Operational costs",
    ];
    for format in ["docx", "pdf"] {
        let doc = dossier_core::parse_file(&fixtures.join(format!("A_80_590.{format}"))).unwrap();
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        for t in not_sections {
            assert!(
                !titles.contains(&t),
                "{format}: {t:?} is a section: {titles:?}"
            );
        }
        for t in [
            "Financial resources",
            "Unencumbered balance",
            "Actions to be taken by the General Assembly",
        ] {
            assert!(
                titles.contains(&t),
                "{format}: no section {t:?}: {titles:?}"
            );
        }
        let blocks: Vec<&dossier_core::Paragraph> =
            doc.paragraphs.iter().chain(&doc.unnumbered).collect();
        let header = blocks
            .iter()
            .find(|p| p.row && p.text.contains("Apportionment"))
            .unwrap_or_else(|| panic!("{format}: the financial table's header row"));
        assert!(
            header.text.contains('\t') && header.number.is_none(),
            "{format}: {:?}",
            header.text
        );
        let summary = blocks
            .iter()
            .find(|p| {
                p.text
                    .starts_with("Total expenditure for the United Nations Multidimensional")
            })
            .unwrap_or_else(|| panic!("{format}: the summary's first paragraph"));
        assert!(
            !summary.row,
            "{format}: the summary box is text, not a table"
        );
        if format == "pdf" {
            // A label between the table's parts, set left of the rows it labels.
            assert!(
                blocks
                    .iter()
                    .any(|p| p.row && p.text.trim() == "Civilian personnel"),
                "{format}: the label 'Civilian personnel' is a row"
            );
        }
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
