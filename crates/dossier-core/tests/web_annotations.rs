//! Notes as W3C Web Annotations: the export holds to the model's MUSTs
//! (checked with a JSON Schema validator against Dossier's own draft-04
//! schema, tests/schemas/web-annotation.json), a fresh library that imports
//! it has the same notes on the same words, and a Hypothesis export comes in.

use dossier_core::Library;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
fn seed() -> PathBuf {
    root().join("../../seeds/001_9b3f3c3582431abc.txt")
}
fn report() -> PathBuf {
    root().join("tests/fixtures/un-docs/A_80_590.docx")
}

fn schema(definition: &str) -> jsonschema::Validator {
    let mut s: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/web-annotation.json")).unwrap(),
    )
    .unwrap();
    s["$ref"] = json!(format!("#/definitions/{definition}"));
    jsonschema::draft4::new(&s).expect("the schema compiles")
}

fn problems(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Characters `needle` takes in `text`.
fn span(text: &str, needle: &str) -> (u32, u32) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the text"));
    let start = text[..byte].chars().count() as u32;
    (start, start + needle.chars().count() as u32)
}

/// A library with the Chinese seed agenda and A/80/590, a note on each and a
/// highlight (a note without words).
fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let agenda = lib.ingest_file(&seed()).unwrap().document_id.unwrap();
    let report = lib.ingest_file(&report()).unwrap().document_id.unwrap();
    let doc = lib.document(agenda).unwrap().document;
    let item = doc
        .items_flat()
        .into_iter()
        .find(|i| i.number == "3(a)")
        .unwrap()
        .annotation
        .clone();
    let (s, e) = span(&item, "实益所有权透明度");
    lib.add_note(
        agenda,
        "item:3(a)",
        s,
        e,
        "Ask about **registries** in the statement",
    )
    .unwrap();
    let doc = lib.document(report).unwrap().document;
    let para = doc
        .paragraphs
        .iter()
        .find(|p| p.number.as_deref() == Some("12"))
        .unwrap();
    let words: String = para.text.chars().skip(4).take(30).collect();
    let (s, e) = span(&para.text, &words);
    lib.add_note(report, &format!("para:{}", para.index), s, e, "")
        .unwrap();
    let (s, e) = span(&para.text, &para.text.chars().take(12).collect::<String>());
    lib.add_note(
        report,
        &format!("para:{}", para.index),
        s,
        e,
        "Cite in the statement",
    )
    .unwrap();
    (dir, lib)
}

#[test]
fn the_export_holds_to_the_models_musts() {
    let (_dir, lib) = library();
    let export = lib.export_web_annotations(None, "Dossier notes").unwrap();
    let errors = problems(&schema("collection"), &export);
    assert!(errors.is_empty(), "{errors:#?}\n{export:#}");
    let items = export["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(export["total"], 3);
    for a in items {
        let errors = problems(&schema("annotation"), a);
        assert!(errors.is_empty(), "{errors:#?}\n{a:#}");
    }
    // The report is addressed on the UN's document system by its symbol and language.
    let sources: Vec<&str> = items
        .iter()
        .map(|a| a["target"]["source"]["id"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"https://docs.un.org/en/A/80/590"),
        "{sources:?}"
    );
    let highlight = items
        .iter()
        .find(|a| a.get("body").is_none())
        .expect("the highlight");
    assert_eq!(highlight["motivation"], "highlighting");
    let noted = items
        .iter()
        .find(|a| a["body"]["value"] == "Ask about **registries** in the statement")
        .unwrap();
    assert_eq!(noted["body"]["format"], "text/markdown");
    assert_eq!(noted["target"]["selector"][0]["exact"], "实益所有权透明度");
    assert_eq!(noted["target"]["selector"][1]["value"], "item:3(a)");
}

#[test]
fn the_schema_refuses_what_breaks_a_must() {
    let (_dir, lib) = library();
    let export = lib.export_web_annotations(None, "Dossier notes").unwrap();
    let annotation = export["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a.get("body").is_some())
        .unwrap()
        .clone();
    let v = schema("annotation");
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut a = annotation.clone();
        f(&mut a);
        !v.is_valid(&a)
    };
    assert!(v.is_valid(&annotation));
    assert!(
        broken(&|a| drop(a.as_object_mut().unwrap().remove("target"))),
        "no target"
    );
    assert!(
        broken(&|a| a["@context"] = json!("http://example.org/context")),
        "another context"
    );
    assert!(
        broken(&|a| a["id"] = json!("not an iri")),
        "an id that is no IRI"
    );
    assert!(broken(&|a| a["type"] = json!("Note")), "another type");
    assert!(
        broken(&|a| a["bodyValue"] = json!("both")),
        "body and bodyValue"
    );
    assert!(
        broken(&|a| a["created"] = json!("3 December 2026")),
        "a date that is no xsd:dateTime"
    );
    assert!(
        broken(&|a| a["target"]["selector"][1]["refinedBy"]["start"] = json!(-1)),
        "a negative position"
    );
    assert!(
        broken(&|a| a["target"]["selector"][0]["exact"] = json!(["two", "values"])),
        "two exacts"
    );
    assert!(
        broken(&|a| a["motivation"] = json!("liking")),
        "a motivation not in the model"
    );
    let c = schema("collection");
    let mut no_id = export.clone();
    no_id.as_object_mut().unwrap().remove("id");
    assert!(!c.is_valid(&no_id), "a collection without id");
}

#[test]
fn export_then_import_into_a_fresh_library_gives_the_same_notes_on_the_same_words() {
    let (_dir, lib) = library();
    let text =
        serde_json::to_string_pretty(&lib.export_web_annotations(None, "Dossier notes").unwrap())
            .unwrap();
    let other = tempfile::tempdir().unwrap();
    let fresh = Library::open(other.path()).unwrap();
    fresh.ingest_file(&seed()).unwrap();
    fresh.ingest_file(&report()).unwrap();
    let summary = fresh
        .import_foreign_annotations(&serde_json::from_str(&text).unwrap())
        .unwrap();
    assert_eq!(
        (
            summary.notes_added,
            summary.notes_detached,
            summary.notes_not_in_library
        ),
        (3, 0, 0)
    );
    let key = |n: &dossier_core::api::Note| {
        (
            n.uid.clone(),
            n.series.clone(),
            n.anchor.clone(),
            n.body.clone(),
            n.created_at.clone(),
            n.updated_at.clone(),
        )
    };
    let mut before: Vec<_> = lib.notes(None).unwrap().iter().map(key).collect();
    let mut after: Vec<_> = fresh.notes(None).unwrap().iter().map(key).collect();
    before.sort_by(|a, b| a.0.cmp(&b.0));
    after.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(before, after);
    // Once more: nothing new.
    let again = fresh
        .import_foreign_annotations(&serde_json::from_str(&text).unwrap())
        .unwrap();
    assert_eq!((again.notes_added, again.notes_unchanged), (0, 3));
}

#[test]
fn a_hypothesis_export_comes_in_on_the_words_it_quotes() {
    let (_dir, lib) = library();
    let doc = lib.find("A_80_590.docx").unwrap();
    let d = lib.document(doc).unwrap().document;
    let para = d
        .paragraphs
        .iter()
        .find(|p| p.number.as_deref() == Some("20"))
        .unwrap();
    let exact: String = para.text.chars().skip(10).take(40).collect();
    let before: String = para.text.chars().take(10).collect();
    let agenda = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let item = lib
        .document(agenda)
        .unwrap()
        .document
        .items_flat()
        .into_iter()
        .find(|i| i.number == "3(b)")
        .unwrap()
        .annotation
        .clone();
    let zh: String = item.chars().skip(5).take(12).collect();
    // As the Hypothesis client exports (`{export_date, export_userid,
    // client_version, annotations}`, each annotation as its API serves it).
    let file = json!({
        "export_date": "2026-11-30T09:00:00.000Z",
        "export_userid": "acct:delegate@hypothes.is",
        "client_version": "1.1500.0",
        "annotations": [
            {
                "id": "Zq3xWc9TEe-abc123", "created": "2026-11-29T08:00:00.000000+00:00", "updated": "2026-11-29T08:05:00.000000+00:00",
                "user": "acct:delegate@hypothes.is", "uri": "https://docs.un.org/en/A/80/590",
                "text": "Compare with the 2023/24 figures.", "tags": ["budget", "MINUSMA"], "group": "__world__",
                "target": [{ "source": "https://docs.un.org/en/A/80/590", "selector": [
                    { "type": "RangeSelector", "startContainer": "/div[1]/p[30]", "startOffset": 10, "endContainer": "/div[1]/p[30]", "endOffset": 50 },
                    { "type": "TextPositionSelector", "start": 48213, "end": 48253 },
                    { "type": "TextQuoteSelector", "exact": exact, "prefix": before, "suffix": "" }
                ]}],
                "document": { "title": ["A/80/590"] }
            },
            {
                // Quoting the Chinese agenda, on an address that names no symbol.
                "id": "Yy2", "created": "2026-11-29T09:00:00.000000+00:00", "updated": "2026-11-29T09:00:00.000000+00:00",
                "uri": "https://example.org/agenda.html", "text": "", "tags": [],
                "target": [{ "source": "https://example.org/agenda.html", "selector": [{ "type": "TextQuoteSelector", "exact": zh }] }]
            },
            {
                // A page note (no quote) and a reply: nothing to anchor.
                "id": "Pn1", "created": "2026-11-29T09:00:00Z", "updated": "2026-11-29T09:00:00Z", "uri": "https://docs.un.org/en/A/80/590",
                "text": "Whole page", "target": [{ "source": "https://docs.un.org/en/A/80/590" }]
            },
            {
                "id": "Rp1", "created": "2026-11-29T09:00:00Z", "updated": "2026-11-29T09:00:00Z", "uri": "https://docs.un.org/en/A/80/590",
                "text": "Agreed", "references": ["Zq3xWc9TEe-abc123"],
                "target": [{ "source": "https://docs.un.org/en/A/80/590", "selector": [{ "type": "TextQuoteSelector", "exact": exact }] }]
            },
            {
                // A document the library does not hold.
                "id": "Nx1", "created": "2026-11-29T09:00:00Z", "updated": "2026-11-29T09:00:00Z", "uri": "https://docs.un.org/en/A/79/1",
                "text": "Elsewhere", "target": [{ "source": "https://docs.un.org/en/A/79/1", "selector": [{ "type": "TextQuoteSelector", "exact": "Nowhere in this library at all" }] }]
            }
        ]
    });
    let summary = lib.import_foreign_annotations(&file).unwrap();
    assert_eq!(
        (
            summary.notes_added,
            summary.notes_detached,
            summary.notes_not_in_library
        ),
        (2, 0, 1),
        "{summary:?}"
    );
    let notes = lib.notes(None).unwrap();
    let budget = notes
        .iter()
        .find(|n| n.uid == "hypothes.is:Zq3xWc9TEe-abc123")
        .unwrap();
    assert_eq!(budget.anchor.passage, format!("para:{}", para.index));
    assert_eq!(budget.anchor.exact, exact);
    assert_eq!((budget.anchor.start, budget.anchor.end), (10, 50));
    assert_eq!(
        budget.body,
        "Compare with the 2023/24 figures.\n\n#budget #MINUSMA"
    );
    assert_eq!(budget.created_at, "2026-11-29T08:00:00.000Z");
    let highlight = notes.iter().find(|n| n.uid == "hypothes.is:Yy2").unwrap();
    assert_eq!(highlight.anchor.passage, "item:3(b)");
    assert_eq!(highlight.anchor.exact, zh);
    assert_eq!(highlight.body, "");
}

#[test]
fn a_file_of_neither_shape_is_refused_by_name() {
    let (_dir, lib) = library();
    let err = lib
        .import_foreign_annotations(&json!({ "rows": [] }))
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "neither a Dossier notes export, W3C Web Annotations nor a Hypothesis export"
        ),
        "{err}"
    );
}
