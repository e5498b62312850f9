//! `cargo run --release -p dossier-bench -- [--sizes 100,1000,5000] [--seed N]`
//! `cargo run --release -p dossier-bench -- --pdf-compare` (PDF extractors, see `pdf_compare`)
//! `… -- --pdf-read [DIR…]` (which PDFs Dossier reads beside pdftotext, see `pdf_read`)
//! `… -- --languages [PASSAGES]` (search latency and recall per language, see `languages`)
//! `… -- --parse-score` (the parser's scorecard on real documents, see `parse_score`)
//! `… -- --startup DOSSIER_APP TAURI_MINIMAL [--docs 1000] [--runs 7]` (cold start, see `startup`)
//! `… -- --reindex DIR` and `… -- --search-only DIR [ROUNDS]`: indexing or search alone on a
//! library kept with `DOSSIER_BENCH_KEEP=DIR` (for profiling)
//!
//! For each corpus size: generate the corpus (deterministic), parse it alone,
//! ingest it end to end into a fresh library (parse, store, index; one thread),
//! then run a fixed query set against Dossier's search, SQLite FTS5 with the
//! trigram tokenizer, and a memchr substring scan over the same passages, all
//! in this process. Every Dossier hit is checked against the scan (it must
//! contain the query), and recall is measured against the scan. Prints a
//! Markdown table (the one in BENCHMARKS.md) and the core's resident memory.

mod corpus;
mod import_pdfs;
mod languages;
mod listing;
mod measure;
mod parse_score;
mod pdf_compare;
mod pdf_read;
mod rankings;
mod startup;

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--pdf-read` reads files through extraction workers: this very binary.
    if args.first().map(String::as_str) == Some(dossier_core::extract::worker::WORKER_FLAG) {
        std::process::exit(dossier_core::extract::worker::serve(
            args.into_iter().skip(1),
        ));
    }
    let mut sizes = vec![100, 1000, 5000];
    let mut seed = 2024;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = it
                    .next()
                    .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
                    .unwrap_or(sizes)
            }
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "--startup" => {
                let dossier = it.next().context("--startup DOSSIER_APP TAURI_MINIMAL")?;
                let minimal = it.next().context("--startup DOSSIER_APP TAURI_MINIMAL")?;
                let mut o = startup::Options {
                    unclean: false,
                    dossier: dossier.into(),
                    minimal: minimal.into(),
                    docs: 1000,
                    runs: 7,
                };
                while let Some(a) = it.next() {
                    match a.as_str() {
                        "--docs" => {
                            o.docs = it.next().and_then(|v| v.parse().ok()).unwrap_or(o.docs)
                        }
                        "--runs" => {
                            o.runs = it.next().and_then(|v| v.parse().ok()).unwrap_or(o.runs)
                        }
                        "--unclean" => o.unclean = true,
                        other => anyhow::bail!("unknown argument {other:?} after --startup"),
                    }
                }
                return startup::run(&o);
            }
            "--parse-score" => {
                let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
                return parse_score::run(&root);
            }
            "--languages" => {
                // Search latency and recall per language (`languages`).
                let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
                let n = it.next().and_then(|r| r.parse().ok()).unwrap_or(3000);
                return languages::run(&root, n, seed);
            }
            "--pdf-read" => {
                let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
                let dirs: Vec<std::path::PathBuf> = it.by_ref().map(Into::into).collect();
                return pdf_read::run(&root, &dirs);
            }
            "--import-pdfs" => {
                // A folder of real PDFs imported with one worker and with
                // one per core, beside pdftotext (`import_pdfs`).
                let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
                let copies = it.next().and_then(|r| r.parse().ok()).unwrap_or(3);
                return import_pdfs::run(&root, copies);
            }
            "--pdf-compare" => {
                let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
                return pdf_compare::run(&root);
            }
            "--reindex" => {
                // Indexing alone on an existing library (for profiling):
                // `DOSSIER_BENCH_KEEP=DIR` keeps a generated library there.
                let dir = it.next().context("--reindex LIBRARY_DIR")?;
                return measure::reindex_only(std::path::Path::new(dir));
            }
            "--search-only" => {
                // Search alone on an existing library (for profiling):
                // `--search-only LIBRARY_DIR [ROUNDS]`.
                let dir = it.next().context("--search-only LIBRARY_DIR [ROUNDS]")?;
                let rounds = it.next().and_then(|r| r.parse().ok()).unwrap_or(20);
                return measure::search_only(std::path::Path::new(dir), rounds, seed);
            }
            "--make-library" => {
                let n = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .context("--make-library N DIR")?;
                let dir = it.next().context("--make-library N DIR")?;
                return listing::make_library(n, std::path::Path::new(dir));
            }
            "--listing" => {
                let dir = it.next().context("--listing LIBRARY_DIR [ROUNDS]")?;
                let rounds = it.next().and_then(|r| r.parse().ok()).unwrap_or(5);
                return listing::run(std::path::Path::new(dir), rounds);
            }
            "--rankings" => {
                // The ten best hits of every benchmark query, for
                // --compare-rankings: `--rankings LIBRARY_DIR OUT`.
                let dir = it.next().context("--rankings LIBRARY_DIR OUT")?;
                let out = it.next().context("--rankings LIBRARY_DIR OUT")?;
                return rankings::write(std::path::Path::new(dir), std::path::Path::new(out), seed);
            }
            "--compare-rankings" => {
                let a = it.next().context("--compare-rankings A B")?;
                let b = it.next().context("--compare-rankings A B")?;
                return rankings::compare(std::path::Path::new(a), std::path::Path::new(b));
            }
            "--reindex-peak-child" => {
                // Internal: rebuild a library's index, report peak memory.
                let dir = it.next().expect("--reindex-peak-child DIR");
                return measure::reindex_peak_child(std::path::Path::new(dir));
            }
            "--rss-child" => {
                // Internal: open a library, search once, report resident memory.
                let dir = it.next().expect("--rss-child DIR");
                return measure::rss_child(std::path::Path::new(dir));
            }
            other => {
                anyhow::bail!(
                    "unknown argument {other:?}; use --sizes 100,1000,5000 --seed N, or --pdf-compare"
                )
            }
        }
    }
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run with --release for figures worth keeping");
    }
    let mut rows = Vec::new();
    for n in sizes {
        eprintln!("== N = {n}");
        rows.push(measure::run(n, seed)?);
    }
    measure::print_table(&rows);
    Ok(())
}
