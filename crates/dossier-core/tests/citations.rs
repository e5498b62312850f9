//! Citations: the line a delegate pastes, and the CSL-JSON and BibLaTeX a
//! reference manager imports — the CSL-JSON checked against the CSL input
//! model (tests/schemas/csl-data.json, Dossier's statement of it) and both
//! read back by pandoc's citeproc, an independent reader of each format.

use dossier_core::api::CitationFormat;
use dossier_core::Library;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A library with A/80/590 (English, Word) and the 2024 working group's
/// Chinese agenda; their ids.
fn library() -> (tempfile::TempDir, Library, u32, u32) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let report = lib
        .ingest_file(&root().join("tests/fixtures/un-docs/A_80_590.docx"))
        .unwrap()
        .document_id
        .unwrap();
    let agenda = lib
        .ingest_file(&root().join("../../seeds/001_9b3f3c3582431abc.txt"))
        .unwrap()
        .document_id
        .unwrap();
    (dir, lib, report, agenda)
}

#[test]
fn a_citation_names_the_document_and_the_place() {
    let (_dir, lib, report, agenda) = library();
    let doc = lib.document(report).unwrap().document;
    let twelve = doc
        .paragraphs
        .iter()
        .find(|p| p.number.as_deref() == Some("12"))
        .unwrap()
        .index;
    let cite = lib.cite(report, Some(&format!("para:{twelve}"))).unwrap();
    assert!(
        cite.starts_with("\u{201c}Budget performance of the United Nations Multidimensional"),
        "{cite}"
    );
    assert!(
        cite.contains(", General Assembly, Eightieth session, 7 January 2026, A/80/590, para. 12."),
        "{cite}"
    );
    let whole = lib.cite(report, None).unwrap();
    assert!(whole.ends_with("7 January 2026, A/80/590."), "{whole}");
    // An agenda item, in the agenda's language.
    let item = lib.cite(agenda, Some("item:3(a)")).unwrap();
    assert!(item.contains("项目3(a)") && item.ends_with('。'), "{item}");
    assert!(
        item.contains("资产追回问题不限成员名额政府间工作组"),
        "{item}"
    );
    assert!(lib.cite(agenda, Some("item:99")).is_err());
    assert!(lib.cite(report, Some("para:99999")).is_err());
}

fn csl_schema() -> jsonschema::Validator {
    let s: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/csl-data.json")).unwrap(),
    )
    .unwrap();
    jsonschema::draft4::new(&s).unwrap()
}

#[test]
fn csl_json_holds_to_the_csl_input_model() {
    let (_dir, lib, report, agenda) = library();
    let text = lib
        .export_citations(&[report, agenda], CitationFormat::Csljson)
        .unwrap();
    let items: Value = serde_json::from_str(&text).unwrap();
    let v = csl_schema();
    let errors: Vec<String> = v
        .iter_errors(&items)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    let a = &items[0];
    assert_eq!(a["id"], "A_80_590");
    assert_eq!(a["type"], "document");
    assert_eq!(a["number"], "A/80/590");
    assert_eq!(a["author"][0]["literal"], "General Assembly");
    assert_eq!(
        a["issued"]["date-parts"][0],
        serde_json::json!([2026, 1, 7])
    );
    assert_eq!(a["URL"], "https://docs.un.org/en/A/80/590");
    assert_eq!(items[1]["language"], "zh");
    // The schema can fail: an unknown variable, a missing id, a date as prose.
    let mut bad = items.clone();
    bad[0]["symbol"] = "A/80/590".into();
    assert!(!v.is_valid(&bad));
    let mut bad = items.clone();
    bad[0].as_object_mut().unwrap().remove("id");
    assert!(!v.is_valid(&bad));
    let mut bad = items;
    bad[0]["issued"] = serde_json::json!({ "when": "January" });
    assert!(!v.is_valid(&bad));
}

#[test]
fn bibtex_keys_are_unique_and_tex_is_escaped() {
    let (_dir, lib, report, _) = library();
    let bib = lib
        .export_citations(&[report, report], CitationFormat::Biblatex)
        .unwrap();
    // The same symbol twice: the language added, then a letter.
    let keys: Vec<&str> = bib.lines().filter(|l| l.starts_with('@')).collect();
    assert_eq!(keys, ["@misc{A_80_590_en,", "@misc{A_80_590_ena,"], "{bib}");
    assert!(bib.contains("  author = {{General Assembly}},\n"), "{bib}");
    assert!(
        bib.contains("  number = {A/80/590},\n  date = {2026-01-07},\n"),
        "{bib}"
    );
}

/// pandoc, when it is installed (CI installs it: dev.sh); without it, and
/// outside CI, the check says it did not run.
fn pandoc(from: &str, input: &str) -> Option<Value> {
    let run = Command::new("pandoc")
        .args(["-f", from, "-t", "csljson"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match run {
        Ok(c) => c,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "pandoc is needed in CI (dev.sh installs it): {e}"
            );
            eprintln!("pandoc not installed: the independent reading was not checked");
            return None;
        }
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "pandoc -f {from}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn pandoc_reads_both_exports_to_the_same_facts() {
    let (_dir, lib, report, agenda) = library();
    let ids = [report, agenda];
    let ours: Value =
        serde_json::from_str(&lib.export_citations(&ids, CitationFormat::Csljson).unwrap())
            .unwrap();
    let Some(from_csl) = pandoc("csljson", &serde_json::to_string(&ours).unwrap()) else {
        return;
    };
    let Some(from_bib) = pandoc(
        "biblatex",
        &lib.export_citations(&ids, CitationFormat::Biblatex)
            .unwrap(),
    ) else {
        return;
    };
    for read in [&from_csl, &from_bib] {
        assert_eq!(read.as_array().map(Vec::len), Some(2), "{read:#}");
        for (mine, theirs) in ours
            .as_array()
            .unwrap()
            .iter()
            .zip(read.as_array().unwrap())
        {
            for field in ["id", "title", "number", "URL", "event"] {
                assert_eq!(mine[field], theirs[field], "{field}: {theirs:#}");
            }
            assert_eq!(
                theirs["author"][0]["literal"], mine["author"][0]["literal"],
                "{theirs:#}"
            );
            assert_eq!(
                theirs["issued"]["date-parts"][0], mine["issued"]["date-parts"][0],
                "{theirs:#}"
            );
        }
    }
}
