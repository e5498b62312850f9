//! `--parse-score`: the parser's scorecard on documents whose truth a person
//! wrote by reading them (see `dossier_core::scorecard`): the real UN documents
//! of `shared/corpus/real/` and Dossier's own fixtures. Prints one Markdown
//! row per document and the mean of each field over the documents that hold it,
//! then the time the structure parser takes after extraction.

use anyhow::Result;
use dossier_core::scorecard::{self, TruthSet};
use std::path::Path;
use std::time::Instant;

fn sets(root: &Path) -> Result<Vec<TruthSet>> {
    let (sets, missing) = scorecard::standard_sets(root).map_err(anyhow::Error::msg)?;
    if let Some(real) = missing {
        eprintln!("skipped the real corpus: {} not found", real.display());
    }
    Ok(sets)
}

fn heading(set: &TruthSet) -> &str {
    match set.name.as_str() {
        "real" => "real UN documents (shared/corpus/real)",
        "fixtures" => "timetable fixtures",
        "six languages" => "one agenda in the six UN languages (fixtures)",
        "six languages as text" => {
            "the same agenda as plain text: from the PDF and as Word saves it (fixtures)"
        }
        other => other,
    }
}

pub fn run(root: &Path) -> Result<()> {
    for set in sets(root)? {
        println!("\n### {}\n", heading(&set));
        println!("| document | agenda | timetable | references | metadata |");
        println!("|---|---:|---:|---:|---:|");
        let started = Instant::now();
        let scores = set.score();
        for (file, s, err) in &scores {
            let cell = |f: &str| s.get(f).map(|v| format!("{v:.2}")).unwrap_or("–".into());
            let err = err.as_ref().map(|e| format!(" ({e})")).unwrap_or_default();
            println!(
                "| {file}{err} | {} | {} | {} | {} |",
                cell("agenda"),
                cell("schedule"),
                cell("refs"),
                cell("meta")
            );
        }
        let means = scorecard::means(&scores);
        let cells: Vec<String> = means
            .iter()
            .map(|(_, m, n)| format!("**{m:.2}** (n={n})"))
            .collect();
        println!(
            "| **mean over the documents holding the field** | {} |",
            cells.join(" | ")
        );
        eprintln!(
            "{}: {} documents read, parsed and scored in {:.1} s",
            heading(&set),
            scores.len(),
            started.elapsed().as_secs_f64()
        );
    }
    parse_speed(root)
}

/// The structure parser alone (after extraction) on the largest documents.
fn parse_speed(root: &Path) -> Result<()> {
    println!("\n### Structure parsing after extraction\n");
    println!("| document | pages | text | parse (median of 20) |");
    println!("|---|---:|---:|---:|");
    for set in sets(root)? {
        let mut docs: Vec<(String, String)> = Vec::new();
        for file in set.truth.keys() {
            if let Ok(text) = dossier_core::extract::extract_file(&set.dir.join(file)) {
                docs.push((file.clone(), text));
            }
        }
        docs.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
        for (file, text) in docs.iter().take(3) {
            let mut times: Vec<f64> = (0..20)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(dossier_core::parse::parse_text(text));
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            let pages = text.matches('\u{c}').count();
            println!(
                "| {file} | {} | {} kB | {:.2} ms |",
                if pages > 0 {
                    pages.to_string()
                } else {
                    "–".into()
                },
                text.len() / 1024,
                times[10]
            );
        }
    }
    Ok(())
}
