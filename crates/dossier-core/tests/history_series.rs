//! An agenda item across three sessions of the Working Group on Asset
//! Recovery, in English and Chinese (tests/fixtures/history, written by hand
//! with its truth in truth.json): the precision and recall of matching the
//! same items across sessions and languages, report sections linked to
//! their items, and what adoption changed in each provisional agenda.
//! `HISTORY_FIGURES=1` prints the figures (BENCHMARKS.md quotes them).

use dossier_core::Library;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history")
}

struct Series {
    _tmp: tempfile::TempDir,
    lib: Library,
    truth: Value,
    /// file → document id, and back.
    id: HashMap<String, u32>,
    file: HashMap<u32, String>,
}

fn series() -> Series {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("truth.json")).unwrap()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::open(tmp.path()).unwrap();
    let mut id = HashMap::new();
    let mut file = HashMap::new();
    for d in truth["documents"].as_array().unwrap() {
        let name = d["file"].as_str().unwrap();
        let doc = lib
            .ingest_file(&dir().join(name))
            .unwrap()
            .document_id
            .unwrap_or_else(|| panic!("{name} ingested"));
        id.insert(name.to_string(), doc);
        file.insert(doc, name.to_string());
    }
    Series {
        _tmp: tmp,
        lib,
        truth,
        id,
        file,
    }
}

type Pair = ((String, String), (String, String));

fn pairs(groups: &[Vec<(String, String)>]) -> BTreeSet<Pair> {
    let mut out = BTreeSet::new();
    for g in groups {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                let (x, y) = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                out.insert((x, y));
            }
        }
    }
    out
}

/// The truth's groups of same items, their members in the files `keep` takes.
fn truth_groups(truth: &Value, keep: impl Fn(&str) -> bool) -> Vec<Vec<(String, String)>> {
    truth["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["file"].as_str().unwrap().to_string(),
                        m["item"].as_str().unwrap().to_string(),
                    )
                })
                .filter(|(f, _)| keep(f))
                .collect()
        })
        .collect()
}

/// The library's groups of same items, by file, their members in the files `keep` takes.
fn found_groups(
    lib: &Library,
    any: u32,
    file: &HashMap<u32, String>,
    keep: impl Fn(&str) -> bool,
) -> Vec<Vec<(String, String)>> {
    lib.same_item_groups(any)
        .unwrap()
        .into_iter()
        .map(|g| {
            g.into_iter()
                .filter_map(|(d, n)| file.get(&d).filter(|f| keep(f)).map(|f| (f.clone(), n)))
                .collect()
        })
        .collect()
}

fn figures(name: &str, p: f64, r: f64) {
    if std::env::var_os("HISTORY_FIGURES").is_some() {
        println!("{name}: precision {p:.3}, recall {r:.3}");
    }
}

#[test]
fn the_same_items_are_found_across_sessions_and_languages() {
    let s = series();
    let agendas: BTreeSet<&str> = s.truth["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "agenda")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    let truth = truth_groups(&s.truth, |f| agendas.contains(f));
    let any = s.id[*agendas.iter().next().unwrap()];
    let found = found_groups(&s.lib, any, &s.file, |f| agendas.contains(f));
    let (t, f) = (pairs(&truth), pairs(&found));
    let hit = t.intersection(&f).count() as f64;
    let (precision, recall) = (hit / f.len().max(1) as f64, hit / t.len().max(1) as f64);
    figures("same items", precision, recall);
    let missed: Vec<&Pair> = t.difference(&f).take(12).collect();
    let wrong: Vec<&Pair> = f.difference(&t).take(12).collect();
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "precision {precision:.3}, recall {recall:.3}\nmissed: {missed:#?}\nwrong: {wrong:#?}"
    );
}

#[test]
fn report_sections_are_linked_to_the_items_they_discuss() {
    let s = series();
    let sections = s.truth["sections"].as_array().unwrap();
    let mut right = 0;
    let mut wrong = Vec::new();
    // Titles repeat in a report ("Summary of deliberations" under two
    // items): the k-th truth section of a title is the k-th such section.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for t in sections {
        let file = t["file"].as_str().unwrap();
        let doc = s.lib.document(s.id[file]).unwrap().document;
        let title = t["section"].as_str().unwrap();
        let item = t["item"].as_str().unwrap();
        let k = seen
            .entry((file.to_string(), title.to_string()))
            .or_default();
        let found = doc.sections.iter().filter(|x| x.title == title).nth(*k);
        *k += 1;
        match found {
            Some(x) if x.items.iter().any(|i| i == item) => right += 1,
            Some(x) => wrong.push(format!("{file}: {title:?} → {:?}, not {item}", x.items)),
            None => wrong.push(format!("{file}: no section {title:?}")),
        }
    }
    let share = right as f64 / sections.len() as f64;
    figures("section links", share, share);
    assert!(
        share >= 0.9,
        "{right} of {} right:\n{}",
        sections.len(),
        wrong.join("\n")
    );
}

#[test]
fn adoption_changes_are_what_the_reports_print() {
    let s = series();
    for t in s.truth["adopted"].as_array().unwrap() {
        let provisional = s.id[t["provisional"].as_str().unwrap()];
        let (_, c) = s
            .lib
            .agenda_changes(provisional)
            .unwrap()
            .expect("the session's report is held");
        let titles = |v: &Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        let added: Vec<String> = c.added.iter().map(|i| i.title.clone()).collect();
        assert_eq!(added, titles(&t["added"]), "{t}");
        let removed: Vec<String> = c.removed.iter().map(|i| i.title.clone()).collect();
        assert_eq!(removed, titles(&t["removed"]), "{t}");
        let renumbered: Vec<(String, String)> = c
            .renumbered
            .iter()
            .map(|r| (r.from.clone(), r.to.clone()))
            .collect();
        let want: Vec<(String, String)> = t["renumbered"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["from"].as_str().unwrap().to_string(),
                    r["to"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(renumbered, want, "{t}");
        let retitled: Vec<String> = c.retitled.iter().map(|r| r.number.clone()).collect();
        let want: Vec<String> = t["retitled"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["item"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(retitled, want, "{t}");
    }
}

#[test]
fn a_search_within_one_item_in_all_sessions_keeps_only_its_places() {
    use dossier_core::api::{ItemScope, SearchRequest};
    let s = series();
    let all = s
        .lib
        .search(&SearchRequest {
            query: "confiscation".into(),
            limit: Some(200),
            ..Default::default()
        })
        .unwrap();
    let scoped = s
        .lib
        .search(&SearchRequest {
            query: "confiscation".into(),
            limit: Some(200),
            item_in_all_sessions: Some(ItemScope {
                document: s.id["wg2_2022_agenda_en.txt"],
                item: "3".into(),
            }),
            ..Default::default()
        })
        .unwrap();
    assert!(
        !scoped.is_empty() && scoped.len() < all.len(),
        "{} of {}",
        scoped.len(),
        all.len()
    );
    let files: BTreeSet<&str> = scoped
        .iter()
        .map(|h| s.file[&h.document.id].as_str())
        .collect();
    // The thematic discussion's annotation in 2021 and 2022, and the 2021 report's section on it.
    for f in [
        "wg2_2021_agenda_en.txt",
        "wg2_2022_agenda_en.txt",
        "wg2_2021_report_en.txt",
    ] {
        assert!(files.contains(f), "{files:?}");
    }
    // Never another item's annotation (the progress item cites confiscation too).
    for h in &scoped {
        if let Some(item) = &h.location.item {
            assert_eq!(item, "3", "{h:?}");
        }
    }
    assert!(all.iter().any(|h| h.location.item.as_deref() == Some("2")));
}

/// Sessions the library holds in one language each — 2021 in Chinese, 2022
/// in English, 2023 in Chinese — matched across languages by the documents
/// their items cite and their place.
#[test]
fn sessions_held_in_different_languages_are_matched_by_what_they_cite() {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("truth.json")).unwrap()).unwrap();
    let files = [
        "wg2_2021_agenda_zh.txt",
        "wg2_2022_agenda_en.txt",
        "wg2_2023_agenda_zh.txt",
    ];
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::open(tmp.path()).unwrap();
    let mut file = HashMap::new();
    for f in files {
        let id = lib
            .ingest_file(&dir().join(f))
            .unwrap()
            .document_id
            .unwrap();
        file.insert(id, f.to_string());
    }
    let any = *file.keys().next().unwrap();
    let found = found_groups(&lib, any, &file, |_| true);
    let truth = truth_groups(&truth, |f| files.contains(&f));
    let (t, f) = (pairs(&truth), pairs(&found));
    let hit = t.intersection(&f).count() as f64;
    let (precision, recall) = (hit / f.len().max(1) as f64, hit / t.len().max(1) as f64);
    figures("same items across languages only", precision, recall);
    let wrong: Vec<&Pair> = f.difference(&t).collect();
    let missed: Vec<&Pair> = t.difference(&f).collect();
    assert!(
        precision >= 0.9 && recall >= 0.6,
        "precision {precision:.3}, recall {recall:.3}\nwrong: {wrong:#?}\nmissed: {missed:#?}"
    );
}
