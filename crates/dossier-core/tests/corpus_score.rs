//! The scorecard as a ratchet: every document whose truth a person wrote (the
//! real UN documents of `shared/corpus/real/` and the timetable fixtures) must
//! score at least what `tests/scorecard_ratchet.json` records for it, field by
//! field, so an improvement on one document cannot silently break another.
//! `UPDATE_RATCHET=1 cargo test -p dossier-core --test corpus_score` records
//! the current scores (review the diff: a figure may only go down with a
//! reason in the commit message).

use dossier_core::scorecard::{self, TruthSet, FIELDS};
use serde_json::{json, Map, Value};
use std::path::Path;

fn sets() -> Vec<TruthSet> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (sets, missing) = scorecard::standard_sets(&repo).unwrap();
    if let Some(real) = missing {
        if std::env::var_os("CI").is_some() {
            panic!(
                "the real corpus is missing at {} (CI has ../shared beside the checkout)",
                real.display()
            );
        }
        eprintln!("skipping the real corpus: {} not found", real.display());
    }
    sets
}

#[test]
fn no_document_scores_below_its_recorded_figure() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scorecard_ratchet.json");
    let recorded: Map<String, Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let mut now = Map::new();
    let mut drops = Vec::new();
    let mut rises = Vec::new();
    for set in sets() {
        for (file, score, err) in set.score() {
            let key = format!("{}/{file}", set.name);
            let mut fields = Map::new();
            for f in FIELDS {
                let Some(v) = score.get(f) else { continue };
                let v = (v * 100.0).floor() / 100.0;
                fields.insert(f.to_string(), json!(v));
                let before = recorded
                    .get(&key)
                    .and_then(|r| r.get(f))
                    .and_then(Value::as_f64);
                match before {
                    Some(b) if v + 1e-9 < b => drops.push(format!(
                        "{key}: {f} {v:.2} < {b:.2}{}",
                        err.as_ref().map(|e| format!(" ({e})")).unwrap_or_default()
                    )),
                    Some(b) if v > b + 1e-9 => rises.push(format!("{key}: {f} {b:.2} → {v:.2}")),
                    _ => {}
                }
            }
            now.insert(key, Value::Object(fields));
        }
    }
    if std::env::var_os("UPDATE_RATCHET").is_some() {
        let text = serde_json::to_string_pretty(&Value::Object(now)).unwrap();
        std::fs::write(&path, text + "\n").unwrap();
        return;
    }
    if !rises.is_empty() {
        eprintln!(
            "scores went up (record them with UPDATE_RATCHET=1):\n  {}",
            rises.join("\n  ")
        );
    }
    assert!(
        drops.is_empty(),
        "scores dropped below the recorded figures:\n  {}",
        drops.join("\n  ")
    );
}
