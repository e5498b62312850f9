//! How well the parser reads a document, against ground truth written by a
//! person who read it: the metric of `shared/tools/score_parse.py`, in Rust,
//! so that the benchmark prints it and a test holds every document to the
//! score recorded for it (a ratchet).
//!
//! Per document, each an F1 or a share in [0, 1]:
//! - `agenda`: items whose number is in the truth and whose title matches
//!   (difflib similarity ≥ 0.9 after removing white space and end punctuation);
//! - `schedule`: slots equal in date, start, end and items;
//! - `refs`: (top-level item, symbol) pairs, or every symbol in the document
//!   when the truth has no per-item references;
//! - `meta`: kind, language, meeting dates, venue (none invented when the
//!   document prints none), and the number of paragraphs when the truth counts them.

use crate::model::{AgendaItem, Document};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

/// The fields scored, in the order they are printed.
pub const FIELDS: [&str; 4] = ["agenda", "schedule", "refs", "meta"];

/// One document's scores; `None` where its truth does not hold that field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub agenda: Option<f64>,
    pub schedule: Option<f64>,
    pub refs: Option<f64>,
    pub meta: f64,
}

impl Score {
    pub fn get(&self, field: &str) -> Option<f64> {
        match field {
            "agenda" => self.agenda,
            "schedule" => self.schedule,
            "refs" => self.refs,
            "meta" => Some(self.meta),
            _ => None,
        }
    }
}

fn norm(s: &str) -> Vec<char> {
    let s: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
    s.trim_end_matches(['。', '；', ';', '：', ':', '.', ',', '，'])
        .chars()
        .collect()
}

fn num(n: &str) -> String {
    n.nfkc().filter(|&c| c != ' ').collect()
}

/// Python's `difflib.SequenceMatcher(None, a, b).ratio()` (without its
/// "popular element" heuristic, which only applies from 200 characters on).
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    fn matches(a: &[char], b: &[char]) -> usize {
        // The longest common block (earliest in `a`, then in `b`), then the same on each side.
        let mut best = (0usize, 0usize, 0usize);
        let mut prev = vec![0usize; b.len() + 1];
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![0usize; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                if ca == cb {
                    cur[j + 1] = prev[j] + 1;
                    let k = cur[j + 1];
                    if k > best.2 {
                        best = (i + 1 - k, j + 1 - k, k);
                    }
                }
            }
            prev = cur;
        }
        let (i, j, k) = best;
        if k == 0 {
            return 0;
        }
        k + matches(&a[..i], &b[..j]) + matches(&a[i + k..], &b[j + k..])
    }
    2.0 * matches(a, b) as f64 / (a.len() + b.len()) as f64
}

fn f1(tp: usize, got: usize, want: usize) -> f64 {
    if got == 0 && want == 0 {
        return 1.0;
    }
    let p = if got > 0 { tp as f64 / got as f64 } else { 0.0 };
    let r = if want > 0 {
        tp as f64 / want as f64
    } else {
        0.0
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn strs(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn opt_str(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// Scores one parsed document against its truth (one entry of `truth.json`).
pub fn score(doc: &Document, truth: &Value) -> Score {
    let flat: Vec<&AgendaItem> = doc.items_flat();
    let mut score = Score::default();

    let got: HashMap<String, Vec<char>> = flat
        .iter()
        .map(|it| (num(&it.number), norm(&it.title)))
        .collect();
    let want: Vec<(String, Vec<char>)> = truth
        .get("agenda")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), norm(v.as_str().unwrap_or(""))))
                .collect()
        })
        .unwrap_or_default();
    let tp = want
        .iter()
        .filter(|(k, v)| got.get(k).is_some_and(|g| similarity(g, v) >= 0.9))
        .count();
    if !want.is_empty() {
        score.agenda = Some(f1(tp, got.len(), want.len()));
    }

    type SlotKey = (Option<String>, Option<String>, Option<String>, Vec<String>);
    let slots: BTreeSet<SlotKey> = doc
        .schedule
        .iter()
        .map(|s| {
            let mut items: Vec<String> = s.items.iter().map(|i| num(i)).collect();
            items.sort();
            (s.date.clone(), s.start.clone(), s.end.clone(), items)
        })
        .collect();
    let wslots: BTreeSet<SlotKey> = truth
        .get("schedule")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_array)
                .map(|s| {
                    let mut items = strs(s.get(3));
                    items.sort();
                    (
                        opt_str(s.first()),
                        opt_str(s.get(1)),
                        opt_str(s.get(2)),
                        items,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    if !wslots.is_empty() {
        score.schedule = Some(f1(
            slots.intersection(&wslots).count(),
            slots.len(),
            wslots.len(),
        ));
    }

    let per_item = truth.get("references").and_then(Value::as_object);
    if let Some(per_item) = per_item.filter(|m| !m.is_empty()) {
        let mut gotr: BTreeSet<(String, String)> = BTreeSet::new();
        for it in &flat {
            let n = num(&it.number);
            let top = n.split('(').next().unwrap_or("").to_string();
            for r in &it.references {
                gotr.insert((top.clone(), r.symbol.trim().to_string()));
            }
        }
        let wantr: BTreeSet<(String, String)> = per_item
            .iter()
            .flat_map(|(k, v)| strs(Some(v)).into_iter().map(move |s| (k.clone(), s)))
            .collect();
        score.refs = Some(f1(
            gotr.intersection(&wantr).count(),
            gotr.len(),
            wantr.len(),
        ));
    } else if let Some(all) = truth.get("doc_references").and_then(Value::as_array) {
        let mut allr: BTreeSet<String> = doc
            .references
            .iter()
            .map(|r| r.symbol.trim().to_string())
            .collect();
        if let Some(s) = &doc.symbol {
            allr.insert(s.trim().to_string());
        }
        for it in &flat {
            allr.extend(it.references.iter().map(|r| r.symbol.trim().to_string()));
        }
        let want: BTreeSet<String> = all
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        if !want.is_empty() {
            score.refs = Some(f1(allr.intersection(&want).count(), allr.len(), want.len()));
        }
    }

    let mut ok: Vec<bool> = vec![
        Some(doc.kind.as_str()) == truth.get("kind").and_then(Value::as_str),
        doc.language
            .starts_with(truth.get("language").and_then(Value::as_str).unwrap_or("?")),
    ];
    let td = truth.get("dates").filter(|d| !d.is_null());
    let (ts, te) = (
        td.and_then(|d| opt_str(d.get("start"))),
        td.and_then(|d| opt_str(d.get("end"))),
    );
    let (ds, de) = match &doc.dates {
        Some(d) => (Some(d.start.clone()), Some(d.end.clone())),
        None => (None, None),
    };
    ok.push(ds == ts && de == te);
    match truth.get("venue").and_then(Value::as_str) {
        Some(v) if !v.is_empty() => {
            let want: String = norm(v).into_iter().collect();
            let got: String = norm(doc.venue.as_deref().unwrap_or(""))
                .into_iter()
                .collect();
            ok.push(got.contains(&want));
        }
        _ => ok.push(doc.venue.as_deref().is_none_or(str::is_empty)),
    }
    if let Some(n) = truth.get("paragraphs").and_then(Value::as_u64) {
        ok.push(doc.paragraphs.len() as u64 == n);
    }
    score.meta = ok.iter().filter(|b| **b).count() as f64 / ok.len() as f64;
    score
}

/// The mean of each field over the documents whose truth holds it.
pub fn means(scores: &[(String, Score, Option<String>)]) -> Vec<(&'static str, f64, usize)> {
    FIELDS
        .iter()
        .map(|f| {
            let v: Vec<f64> = scores.iter().filter_map(|(_, s, _)| s.get(f)).collect();
            let mean = if v.is_empty() {
                1.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            };
            (*f, mean, v.len())
        })
        .collect()
}

/// A set of documents with their truth: `truth` maps a file name (in
/// `dir`) to its truth object.
pub struct TruthSet {
    pub name: String,
    pub dir: std::path::PathBuf,
    pub truth: serde_json::Map<String, Value>,
}

impl TruthSet {
    /// A `truth.json` (file name → truth) for the documents of `dir`.
    pub fn from_file(
        name: &str,
        truth: &std::path::Path,
        dir: &std::path::Path,
    ) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(truth).map_err(|e| format!("{}: {e}", truth.display()))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", truth.display()))?;
        let truth = value
            .as_object()
            .cloned()
            .ok_or_else(|| format!("{}: not an object", truth.display()))?;
        Ok(TruthSet {
            name: name.to_string(),
            dir: dir.to_path_buf(),
            truth,
        })
    }

    /// Every `<file>.truth.json` of `dir`, scoring the `<file>` beside it.
    pub fn from_dir(name: &str, dir: &std::path::Path) -> Result<Self, String> {
        let mut truth = serde_json::Map::new();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            let Some(file) = p
                .file_name()
                .and_then(|f| f.to_str())
                .and_then(|f| f.strip_suffix(".truth.json"))
            else {
                continue;
            };
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let v: Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            truth.insert(file.to_string(), v);
        }
        Ok(TruthSet {
            name: name.to_string(),
            dir: dir.to_path_buf(),
            truth,
        })
    }

    /// Parses every document of the set and scores it. A document that
    /// cannot be read scores zero on every field its truth holds.
    pub fn score(&self) -> Vec<(String, Score, Option<String>)> {
        self.truth
            .iter()
            .map(|(file, t)| match crate::parse_file(&self.dir.join(file)) {
                Ok(doc) => (file.clone(), score(&doc, t), None),
                Err(e) => {
                    let zero = score(&Document::default(), t);
                    let zeroed = Score {
                        agenda: zero.agenda.map(|_| 0.0),
                        schedule: zero.schedule.map(|_| 0.0),
                        refs: zero.refs.map(|_| 0.0),
                        meta: 0.0,
                    };
                    (file.clone(), zeroed, Some(e.to_string()))
                }
            })
            .collect()
    }
}

/// The documents Dossier is scored on: the timetable fixtures (`fixtures`)
/// and the real UN documents of `shared/corpus/real/` (`real`), `shared/`
/// standing beside the checkout `repo` unless `DOSSIER_SHARED` names it.
/// Returns the sets and, when the real corpus is not there, where it was
/// looked for.
pub fn standard_sets(
    repo: &std::path::Path,
) -> Result<(Vec<TruthSet>, Option<std::path::PathBuf>), String> {
    let tests = repo.join("crates/dossier-core/tests");
    let shared = std::env::var_os("DOSSIER_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo.join("../shared"));
    let mut sets = vec![
        TruthSet::from_dir("fixtures", &tests.join("fixtures/timetables"))?,
        TruthSet::from_dir("six languages", &tests.join("fixtures/six_languages"))?,
        TruthSet::from_dir(
            "six languages as text",
            &tests.join("fixtures/six_languages_text"),
        )?,
    ];
    let real = shared.join("corpus/real");
    if !real.is_dir() {
        return Ok((sets, Some(real)));
    }
    sets.push(TruthSet::from_file(
        "real",
        &tests.join("corpus/truth.json"),
        &real,
    )?);
    Ok((sets, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_difflibs_ratio() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        // Values printed by Python's difflib for the same pairs.
        assert!((similarity(&c("abcd"), &c("bcde")) - 0.75).abs() < 1e-9);
        assert!(
            (similarity(&c("Adoptionoftheagenda"), &c("Adoptionofagenda")) - 0.914_285_714).abs()
                < 1e-6
        );
        assert_eq!(similarity(&c(""), &c("")), 1.0);
        assert_eq!(similarity(&c("a"), &c("")), 0.0);
    }
}
