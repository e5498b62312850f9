//! `… -- --languages [PASSAGES]`: search latency and recall per language.
//!
//! One index holds PASSAGES passages (default 3,000) in each of the six UN
//! languages, each of 3–6 sentences drawn at random from that language's
//! text: the French and Spanish corpus documents and the Russian and Arabic
//! paragraphs of `dossier-core/tests/fixtures/search/`, the English report
//! fixture, the Chinese seeds. Per language, 200 queries: random words and
//! phrases of 1–3 words of that text (random 2–6-character substrings for
//! Chinese), asked as the search panel asks (20 best passages); recall is
//! checked apart, with every hit, against a scan of the folded passages for
//! the query as whole words (Chinese: as a substring).

use crate::corpus::Rng;
use anyhow::Result;
use dossier_core::model::DocumentKind;
use dossier_core::search::analysis::fold_str;
use dossier_core::search::passages::{Location, Passage, PassageKind};
use dossier_core::search::{
    HitDocument, IndexedDocument, MemorySource, SearchIndex, SearchRequest,
};
use std::path::Path;
use std::time::Instant;

const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

fn source(root: &Path, lang: &str) -> Result<String> {
    let fixtures = root.join("crates/dossier-core/tests/fixtures");
    Ok(match lang {
        "en" => std::fs::read_to_string(fixtures.join("en_report.txt"))?,
        "zh" => {
            let mut all = String::new();
            for e in std::fs::read_dir(root.join("seeds"))? {
                all.push_str(&std::fs::read_to_string(e?.path())?);
                all.push('\n');
            }
            all
        }
        _ => std::fs::read_to_string(fixtures.join(format!("search/{lang}.txt")))?,
    })
}

/// Sentences (or lines) of at least 20 bytes.
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '。', '\n', '؛'])
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() >= 20)
        .collect()
}

/// Whether `needle` occurs in `hay` as whole words (Chinese: anywhere).
fn contains_words(hay: &str, needle: &str, cjk: bool) -> bool {
    if cjk {
        return hay.contains(needle);
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn queries(rng: &mut Rng, sentences: &[String], cjk: bool) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < 200 {
        let s = rng.pick(sentences);
        let q = if cjk {
            let runs: Vec<Vec<char>> = s
                .split(|c: char| !dossier_core::script::is_cjk(c))
                .filter(|r| r.chars().count() >= 6)
                .map(|r| r.chars().collect())
                .collect();
            if runs.is_empty() {
                continue;
            }
            let run = rng.pick(&runs);
            let len = 2 + rng.below(5);
            let start = rng.below(run.len() - len + 1);
            run[start..start + len].iter().collect::<String>()
        } else {
            let runs: Vec<Vec<&str>> = s
                .split(|c: char| !(c.is_alphanumeric() || c == ' ' || is_mark(c)))
                .map(|r| r.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>())
                .filter(|r| !r.is_empty())
                .collect();
            if runs.is_empty() {
                continue;
            }
            let run = rng.pick(&runs);
            let len = (1 + rng.below(3)).min(run.len());
            let start = rng.below(run.len() - len + 1);
            run[start..start + len].join(" ")
        };
        out.push(q);
    }
    out
}

/// Combining marks written on a letter belong to its word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0640)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() - 1) as f64 * p).round() as usize]
}

pub fn run(root: &Path, per_language: usize, seed: u64) -> Result<()> {
    let mut rng = Rng::new(seed ^ 0x1a45);
    let dir = tempfile::tempdir()?;
    let index = SearchIndex::open(dir.path())?;
    // Passages as (document = language index + 1, paragraph, folded text).
    let mut folded: Vec<(u32, u32, String)> = Vec::new();
    let mut sources = Vec::new();
    let mut memory = MemorySource::default();
    let t = Instant::now();
    let mut bytes = 0;
    for (li, lang) in LANGUAGES.iter().enumerate() {
        let sents = sentences(&source(root, lang)?);
        let passages: Vec<Passage> = (0..per_language)
            .map(|i| {
                let n = 3 + rng.below(4);
                let text = (0..n)
                    .map(|_| rng.pick(&sents).as_str())
                    .collect::<Vec<_>>()
                    .join(if *lang == "zh" { "。" } else { ". " });
                Passage {
                    kind: PassageKind::Paragraph,
                    location: Location {
                        paragraph: Some(i as u32),
                        ..Location::default()
                    },
                    ord: i as u32,
                    heading: String::new(),
                    text,
                }
            })
            .collect();
        for p in &passages {
            bytes += p.text.len();
            folded.push((
                li as u32 + 1,
                p.location.paragraph.unwrap(),
                fold_str(&p.text),
            ));
        }
        memory.add(
            HitDocument {
                id: li as u32 + 1,
                symbol: None,
                title: String::new(),
                language: lang.to_string(),
                kind: DocumentKind::Other,
                file: String::new(),
            },
            &passages,
        );
        index.stage_documents(
            &[],
            &[IndexedDocument {
                id: li as u32 + 1,
                language: lang,
                kind: DocumentKind::Other,
                body: None,
                year: None,
                passages,
            }],
        )?;
        sources.push(sents);
    }
    index.commit_as(1)?;
    eprintln!(
        "indexed {} passages ({:.1} MB) in {:.1} s",
        index.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    dossier_core::search::analysis::warm_up();
    println!(
        "Search latency per language, {per_language} passages in each of six languages \
         ({} in all), 200 queries each (words and phrases of 1–3 words; Chinese: 2–6-character \
         substrings), 20 best passages:\n",
        index.len()
    );
    println!("| language | queries | p50 ms | p99 ms | recall vs whole-word scan | hits without a mark |");
    println!("|---|---|---|---|---|---|");
    for (li, lang) in LANGUAGES.iter().enumerate() {
        let cjk = *lang == "zh";
        let qs = queries(&mut rng, &sources[li], cjk);
        let mut times = Vec::new();
        let (mut expected_total, mut found_total, mut unmarked) = (0usize, 0usize, 0usize);
        for q in &qs {
            let quoted = format!("\"{q}\"");
            let req = SearchRequest {
                query: quoted.clone(),
                limit: Some(20),
                ..Default::default()
            };
            let t = Instant::now();
            index.search(&req, &mut &memory)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            // Recall, apart from the timing: every passage, every hit.
            let fq = fold_str(q);
            let expected: std::collections::BTreeSet<(u32, u32)> = folded
                .iter()
                .filter(|(_, _, t)| contains_words(t, &fq, cjk))
                .map(|(d, p, _)| (*d, *p))
                .collect();
            if expected.len() > 10_000 {
                continue; // more than a search returns
            }
            let hits = index.search(
                &SearchRequest {
                    query: quoted,
                    limit: Some(10_000),
                    ..Default::default()
                },
                &mut &memory,
            )?;
            unmarked += hits
                .iter()
                .filter(|h| !h.segments.iter().any(|s| s.hit))
                .count();
            let found: std::collections::BTreeSet<(u32, u32)> = hits
                .iter()
                .filter_map(|h| Some((h.document.id, h.location.paragraph?)))
                .collect();
            expected_total += expected.len();
            found_total += expected.intersection(&found).count();
        }
        println!(
            "| {lang} | {} | {:.3} | {:.3} | {:.4} ({found_total}/{expected_total}) | {unmarked} |",
            qs.len(),
            percentile(&mut times, 0.5),
            percentile(&mut times, 0.99),
            found_total as f64 / expected_total.max(1) as f64,
        );
    }
    Ok(())
}
