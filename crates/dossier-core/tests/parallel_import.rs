//! An import read by several workers makes the very library a
//! one-file-at-a-time import makes: the same documents with the same ids,
//! versions, renditions, meetings and search hits, and the same report, on a
//! folder where order matters (a document and its revision, the Word file
//! and the PDF of one document, the same file twice, damaged files).

use dossier_core::api::SearchRequest;
use dossier_core::Library;
use pretty_assertions::assert_eq;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A folder whose import depends on its order.
fn inbox(dir: &Path) -> PathBuf {
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let fixtures = root().join("crates/dossier-core/tests/fixtures");
    let copy = |from: PathBuf, name: &str| {
        std::fs::copy(&from, inbox.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    };
    for e in std::fs::read_dir(root().join("seeds")).unwrap().flatten() {
        copy(e.path(), &e.file_name().to_string_lossy());
    }
    // The same seed again under another name: kept once.
    let seed = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .flatten()
        .next()
        .unwrap();
    copy(seed.path(), "zz-same-again.txt");
    for f in [
        "CAC_COSP_WG.2_2024_1.txt",
        "CAC_COSP_WG.2_2024_1.Rev.1.txt",
        "E_2025_70.txt",
        "E_2025_70.Rev.1.txt",
    ] {
        copy(fixtures.join("revisions").join(f), f);
    }
    for f in [
        "en_irg_agenda.docx",
        "en_irg_agenda.pdf",
        "en_irg_agenda.txt",
        "seed001_libreoffice.docx",
        "seed001_libreoffice.pdf",
    ] {
        copy(fixtures.join(f), f);
    }
    let corpus = root().join("../shared/corpus");
    for sub in ["un-docs", "real"] {
        let Ok(entries) = std::fs::read_dir(corpus.join(sub)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "pdf" || e == "docx"))
            .take(8)
        {
            copy(
                f.clone(),
                &format!("{sub}-{}", f.file_name().unwrap().to_string_lossy()),
            );
        }
    }
    std::fs::write(
        inbox.join("damaged.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage",
    )
    .unwrap();
    std::fs::write(inbox.join("empty.docx"), b"").unwrap();
    inbox
}

/// A value with every time it holds blanked (`ingested_at`, `created_at`…).
fn timeless(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k.ends_with("_at") {
                        *x = Value::Null;
                    } else {
                        walk(x);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

/// Everything a user sees of a library.
fn contents(lib: &Library) -> Value {
    let records = lib.records().unwrap();
    let documents: Vec<Value> = records
        .iter()
        .map(|r| {
            let d = lib.document(r.id).unwrap();
            serde_json::json!({
                "record": serde_json::to_value(&d.record).unwrap(),
                "document": serde_json::to_value(&d.document).unwrap(),
                "renditions": serde_json::to_value(lib.renditions(r.id).unwrap()).unwrap(),
            })
        })
        .collect();
    let hits: Vec<Value> = ["beneficial ownership", "实益所有权", "agenda"]
        .iter()
        .map(|q| {
            let hits = lib
                .search(&SearchRequest {
                    query: q.to_string(),
                    limit: Some(50),
                    ..Default::default()
                })
                .unwrap();
            Value::Array(
                hits.iter()
                    .map(|h| serde_json::json!([h.document.id, h.heading, h.snippet]))
                    .collect(),
            )
        })
        .collect();
    timeless(serde_json::json!({
        "listing": serde_json::to_value(lib.listing().unwrap()).unwrap(),
        "documents": documents,
        "hits": hits,
    }))
}

#[test]
fn an_import_on_four_workers_makes_the_library_one_worker_makes() {
    let work = tempfile::tempdir().unwrap();
    let inbox = inbox(work.path());
    let import = |name: &str, workers: usize| {
        let lib = Library::open(&work.path().join(name)).unwrap();
        let mut seen = Vec::new();
        let report =
            lib.ingest_with_workers(std::slice::from_ref(&inbox), Some(workers), &mut |p| {
                seen.push(p.done)
            });
        // Progress comes once per file, in order.
        assert_eq!(seen, (1..=report.results.len() as u32).collect::<Vec<_>>());
        (lib, report)
    };
    let (one, one_report) = import("one", 1);
    let (four, four_report) = import("four", 4);
    assert_eq!(
        serde_json::to_value(&four_report).unwrap(),
        serde_json::to_value(&one_report).unwrap()
    );
    let statuses: std::collections::BTreeSet<String> = one_report
        .results
        .iter()
        .map(|r| format!("{:?}", r.status))
        .collect();
    for s in [
        "Ingested",
        "NewVersion",
        "NewRendition",
        "Unchanged",
        "Failed",
    ] {
        assert!(
            statuses.contains(s),
            "the folder exercises {s}: {statuses:?}"
        );
    }
    assert_eq!(contents(&four), contents(&one));
    four.check_integrity().unwrap();
}
