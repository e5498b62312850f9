//! `cargo run --release -p dossier-bench -- --import-pdfs [COPIES]`
//!
//! A folder of real PDFs (every `.pdf` of `../shared/corpus`, each repeated
//! `COPIES` times under another name with a comment appended, so that every
//! copy is read, extracted and parsed again instead of being recognised by
//! its bytes) imported three ways in one run:
//!
//! - poppler's `pdftotext -layout` on every file, one after the other (the
//!   one-thread rate of a C reader that does nothing but extract);
//! - Dossier's import with one worker;
//! - Dossier's import with a worker per core.
//!
//! Both imports read through extraction worker processes, as the app does.
//! The two libraries must come out the same: every row of every table
//! equal, apart from the columns that hold a time, and the same files kept.

use anyhow::{Context, Result};
use dossier_core::extract::worker::{Extractor, Limits};
use dossier_core::Library;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            pdfs_under(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

fn pages(file: &Path) -> u64 {
    let Ok(out) = Command::new("pdfinfo").arg(file).output() else {
        return 0;
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Every table's rows, as text, with the columns that hold a time blanked.
fn rows(db: &Path) -> Result<Vec<(String, Vec<String>)>> {
    let conn = rusqlite::Connection::open(db)?;
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))?;
        let timed: Vec<bool> = stmt
            .column_names()
            .iter()
            .map(|c| c.ends_with("_at") || *c == "at" || c.contains("time"))
            .collect();
        let n = stmt.column_count();
        let lines = stmt
            .query_map([], |r| {
                let mut line = Vec::with_capacity(n);
                for (i, blank) in timed.iter().enumerate().take(n) {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push(if *blank { "·".to_string() } else { format!("{v:?}") });
                }
                Ok(line.join("|"))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push((t, lines));
    }
    Ok(out)
}

fn files_kept(dir: &Path) -> Vec<(String, u64)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, u64)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap_or(&p).display().to_string();
                out.push((rel, e.metadata().map(|m| m.len()).unwrap_or(0)));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &dir.join("files"), &mut out);
    out.sort();
    out
}

fn import(dir: &Path, inbox: &Path, workers: usize) -> Result<(Duration, usize)> {
    let mut lib = Library::open(dir)?;
    lib.set_extractor(Extractor::current_exe(Limits::from_env())?);
    let started = Instant::now();
    let report = lib.ingest_with_workers(&[inbox.to_path_buf()], Some(workers), &mut |_| {});
    let took = started.elapsed();
    let failed = report
        .results
        .iter()
        .filter(|r| r.status == dossier_core::api::IngestStatus::Failed)
        .count();
    lib.checkpoint()?;
    Ok((took, failed))
}

pub fn run(root: &Path, copies: usize) -> Result<()> {
    let mut originals = Vec::new();
    pdfs_under(&root.join("../shared/corpus"), &mut originals);
    anyhow::ensure!(!originals.is_empty(), "no PDFs under ../shared/corpus");
    let work = tempfile::tempdir()?;
    let inbox = work.path().join("inbox");
    std::fs::create_dir(&inbox)?;
    let mut files = Vec::new();
    let mut total_pages = 0;
    for (i, src) in originals.iter().enumerate() {
        let bytes = std::fs::read(src).with_context(|| src.display().to_string())?;
        let n = pages(src);
        let stem = src.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        for k in 0..copies.max(1) {
            let name = inbox.join(format!("{i:02}-{k}-{stem}.pdf"));
            let mut b = bytes.clone();
            if k > 0 {
                b.extend_from_slice(format!("\n% dossier-bench copy {k}\n").as_bytes());
            }
            std::fs::write(&name, &b)?;
            files.push(name);
            total_pages += n;
        }
    }
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    eprintln!(
        "{} PDFs ({} distinct, {} pages), {} cores",
        files.len(),
        originals.len(),
        total_pages,
        cores
    );
    // poppler, one file after another.
    let started = Instant::now();
    for f in &files {
        let out = Command::new("pdftotext")
            .args(["-layout", "-q"])
            .arg(f)
            .arg("-")
            .output()
            .context("pdftotext (apt install poppler-utils)")?;
        std::hint::black_box(out.stdout.len());
    }
    let poppler = started.elapsed();
    let serial_dir = work.path().join("serial");
    let parallel_dir = work.path().join("parallel");
    let (serial, serial_failed) = import(&serial_dir, &inbox, 1)?;
    let (parallel, parallel_failed) = import(&parallel_dir, &inbox, cores)?;
    let same_rows = rows(&serial_dir.join("library.sqlite3"))? == rows(&parallel_dir.join("library.sqlite3"))?;
    let same_files = files_kept(&serial_dir) == files_kept(&parallel_dir);
    let rate = |d: Duration| total_pages as f64 / d.as_secs_f64();
    println!(
        "| {} PDFs, {} pages | time | pages/s | vs pdftotext |",
        files.len(),
        total_pages
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| pdftotext -layout, one at a time | {:.2} s | {:.0} | 1.00× |",
        poppler.as_secs_f64(),
        rate(poppler)
    );
    for (what, d, failed) in [
        ("Dossier import, 1 worker", serial, serial_failed),
        ("Dossier import, 1 worker per core", parallel, parallel_failed),
    ] {
        println!(
            "| {what}{} | {:.2} s | {:.0} | {:.2}× the time |",
            if failed > 0 { format!(" ({failed} failed)") } else { String::new() },
            d.as_secs_f64(),
            rate(d),
            d.as_secs_f64() / poppler.as_secs_f64()
        );
    }
    println!(
        "\nparallel import: {:.2}× the one-worker rate on {cores} cores; same library: rows {}, files {}",
        serial.as_secs_f64() / parallel.as_secs_f64(),
        if same_rows { "identical (times apart)" } else { "DIFFERENT" },
        if same_files { "identical" } else { "DIFFERENT" },
    );
    anyhow::ensure!(same_rows && same_files, "the parallel import made another library");
    Ok(())
}
