//! What the window's first request costs: the library listing.
//! `--make-library N DIR` files N generated documents into a library at
//! DIR (kept, for this and for profiling); `--listing DIR [ROUNDS]` opens
//! it afresh each round and times reading the head of the listing (the
//! window's first request), building the whole listing, and serialising it
//! as the app sends it to the page (JSON over IPC).

use anyhow::Result;
use dossier_core::Library;
use std::path::Path;
use std::time::Instant;

pub fn make_library(n: usize, dir: &Path) -> Result<()> {
    let inbox = tempfile::tempdir()?;
    for f in crate::corpus::generate(n, 2024) {
        std::fs::write(inbox.path().join(&f.name), &f.text)?;
    }
    let t = Instant::now();
    let lib = Library::open(dir)?;
    let report = lib.ingest(&[inbox.path().to_path_buf()], &mut |_| {});
    eprintln!(
        "{} documents filed into {} in {:.1} s",
        report.results.len(),
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// How many meetings the window asks for first (ui/src/main.tsx).
const HEAD: usize = 40;

pub fn run(dir: &Path, rounds: usize) -> Result<()> {
    let (mut build, mut json, mut head) = (Vec::new(), Vec::new(), Vec::new());
    let mut head_bytes = 0;
    let mut bytes = 0;
    let mut counts = (0, 0);
    for _ in 0..rounds.max(1) {
        let lib = Library::open(dir)?;
        // The window's first request, on a library just opened.
        let t = Instant::now();
        let first = lib.listing_head(HEAD)?;
        head.push(t.elapsed().as_secs_f64() * 1e3);
        head_bytes = serde_json::to_vec(&first)?.len();
        let t = Instant::now();
        let listing = lib.listing()?;
        anyhow::ensure!(
            first.meetings[..] == listing.meetings[..first.meetings.len()]
                && first.unfiled[..] == listing.unfiled[..first.unfiled.len()],
            "the head is not the whole listing's first meetings"
        );
        build.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let text = serde_json::to_vec(&listing)?;
        json.push(t.elapsed().as_secs_f64() * 1e3);
        bytes = text.len();
        counts = (
            listing.meetings.len(),
            listing
                .meetings
                .iter()
                .map(|m| m.documents.len())
                .sum::<usize>()
                + listing.unfiled.len(),
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "listing of {} meetings, {} documents: built in {:.1} ms, serialised in {:.1} ms ({:.2} MB of JSON); \
         its head ({HEAD} meetings, as the window asks first) read in {:.1} ms ({:.1} KB of JSON); median of {}",
        counts.0,
        counts.1,
        median(&mut build),
        median(&mut json),
        bytes as f64 / 1e6,
        median(&mut head),
        head_bytes as f64 / 1e3,
        build.len()
    );
    Ok(())
}
