//! The ranking of one build against another's, on the benchmark's queries:
//! `--rankings LIBRARY OUT` writes the ten best hits of every query, and
//! `--compare-rankings A B` reports how many of one's ten are among the
//! other's (the top-10 overlap), per query class. Run the first with each
//! build on a copy of one kept library (each build rebuilds the index in
//! its own format when it opens the copy).

use crate::measure;
use anyhow::{Context, Result};
use dossier_core::library::Library;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One line per query: class, query, then the ten best hits as
/// `document|location`, tab-separated.
pub fn write(dir: &Path, out: &Path, seed: u64) -> Result<()> {
    let lib = Library::open(dir)?;
    let queries = measure::bench_queries(&lib, seed)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    for (class, request) in &queries {
        let mut req = request.clone();
        req.limit = Some(10);
        let hits = lib.search(&req)?;
        let places: Vec<String> = hits
            .iter()
            .map(|h| format!("{}|{:?}", h.document.id, h.location))
            .collect();
        writeln!(file, "{class}\t{}\t{}", req.query, places.join("\t"))?;
    }
    file.flush()?;
    eprintln!("{} queries written to {}", queries.len(), out.display());
    Ok(())
}

/// The mean top-10 overlap of two rankings, per class and over all.
pub fn compare(a: &Path, b: &Path) -> Result<()> {
    let read = |p: &Path| -> Result<Vec<(String, String, Vec<String>)>> {
        let text = std::fs::read_to_string(p).with_context(|| p.display().to_string())?;
        Ok(text
            .lines()
            .map(|l| {
                let mut f = l.split('\t');
                let class = f.next().unwrap_or("").to_string();
                let query = f.next().unwrap_or("").to_string();
                (class, query, f.map(str::to_string).collect())
            })
            .collect())
    };
    let (a, b) = (read(a)?, read(b)?);
    anyhow::ensure!(
        a.len() == b.len(),
        "the two files hold different query sets"
    );
    // class → (queries, overlap sum, same first hit, same ten in the same order)
    let mut by_class: BTreeMap<String, (usize, f64, usize, usize)> = BTreeMap::new();
    for ((class, qa, ha), (_, qb, hb)) in a.iter().zip(&b) {
        anyhow::ensure!(qa == qb, "the two files hold different query sets");
        let most = ha.len().max(hb.len());
        let shared = ha.iter().filter(|h| hb.contains(h)).count();
        let overlap = if most == 0 {
            1.0
        } else {
            shared as f64 / most as f64
        };
        for key in [class.clone(), "all".to_string()] {
            let e = by_class.entry(key).or_default();
            e.0 += 1;
            e.1 += overlap;
            e.2 += usize::from(ha.first() == hb.first());
            e.3 += usize::from(ha == hb);
        }
    }
    println!("| query class | queries | top-10 overlap | same first hit | same ten, same order |");
    println!("|---|---:|---:|---:|---:|");
    let all = by_class.remove("all");
    for (class, (n, sum, first, same)) in by_class.into_iter().chain(all.map(|v| ("all".into(), v)))
    {
        println!(
            "| {class} | {n} | {:.1}% | {first} | {same} |",
            100.0 * sum / n as f64
        );
    }
    Ok(())
}
