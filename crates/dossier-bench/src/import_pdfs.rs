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
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

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
            .map(|c| c.ends_with("_at") || c == "at" || c.contains("time"))
            .collect();
        let n = stmt.column_count();
        let lines = stmt
            .query_map([], |r| {
                let mut line = Vec::with_capacity(n);
                for (i, blank) in timed.iter().enumerate().take(n) {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push(if *blank {
                        "·".to_string()
                    } else {
                        format!("{v:?}")
                    });
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

/// CPU time (user + system) of this process and of its children that ended,
/// in seconds (from /proc/self/stat, at 100 ticks a second).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0.0))
        .collect();
    // utime, stime, cutime, cstime: fields 14–17 of stat(5).
    f.get(11..15).map_or(0.0, |v| v.iter().sum::<f64>() / 100.0)
}

struct Import {
    wall: Duration,
    /// CPU time of the import, its extraction workers included.
    cpu: f64,
    failed: usize,
}

fn import(dir: &Path, inbox: &Path, workers: usize) -> Result<Import> {
    let _ = std::fs::remove_dir_all(dir);
    let cpu = cpu_seconds();
    let mut lib = Library::open(dir)?;
    lib.set_extractor(Extractor::current_exe(Limits::from_env())?);
    let started = Instant::now();
    let report = lib.ingest_with_workers(&[inbox.to_path_buf()], Some(workers), &mut |_| {});
    let wall = started.elapsed();
    let failed = report
        .results
        .iter()
        .filter(|r| r.status == dossier_core::api::IngestStatus::Failed)
        .count();
    lib.checkpoint()?;
    // The extraction workers end with the library: their time is counted.
    drop(lib);
    Ok(Import {
        wall,
        cpu: cpu_seconds() - cpu,
        failed,
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn run(root: &Path, copies: usize) -> Result<()> {
    const ROUNDS: usize = 3;
    let mut originals = Vec::new();
    crate::pdf_read::pdfs_under(&root.join("../shared/corpus"), &mut originals);
    anyhow::ensure!(!originals.is_empty(), "no PDFs under ../shared/corpus");
    let work = tempfile::tempdir()?;
    let inbox = work.path().join("inbox");
    std::fs::create_dir(&inbox)?;
    let mut files = Vec::new();
    let mut total_pages = 0;
    for (i, src) in originals.iter().enumerate() {
        let bytes = std::fs::read(src).with_context(|| src.display().to_string())?;
        let n = pages(src);
        let stem = src
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
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
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    eprintln!(
        "{} PDFs ({} distinct, {} pages), {} cores, {ROUNDS} rounds",
        files.len(),
        originals.len(),
        total_pages,
        cores
    );
    let serial_dir = work.path().join("serial");
    let parallel_dir = work.path().join("parallel");
    let (mut poppler, mut serial, mut parallel) = (Vec::new(), Vec::new(), Vec::new());
    let (mut serial_cpu, mut parallel_cpu) = (Vec::new(), Vec::new());
    let mut failed = 0;
    for round in 0..ROUNDS {
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
        poppler.push(started.elapsed().as_secs_f64());
        let one = import(&serial_dir, &inbox, 1)?;
        let all = import(&parallel_dir, &inbox, cores)?;
        eprintln!(
            "round {}: pdftotext {:.2} s, 1 worker {:.2} s, {cores} workers {:.2} s",
            round + 1,
            poppler[round],
            one.wall.as_secs_f64(),
            all.wall.as_secs_f64()
        );
        failed = one.failed.max(all.failed);
        serial.push(one.wall.as_secs_f64());
        parallel.push(all.wall.as_secs_f64());
        serial_cpu.push(one.cpu);
        parallel_cpu.push(all.cpu);
    }
    // The libraries of the last round.
    let same_rows =
        rows(&serial_dir.join("library.sqlite3"))? == rows(&parallel_dir.join("library.sqlite3"))?;
    let same_files = files_kept(&serial_dir) == files_kept(&parallel_dir);
    let (poppler, serial, parallel) = (median(poppler), median(serial), median(parallel));
    let (serial_cpu, parallel_cpu) = (median(serial_cpu), median(parallel_cpu));
    let rate = |s: f64| total_pages as f64 / s;
    println!(
        "| {} PDFs, {} pages (median of {ROUNDS}) | time | pages/s | time vs pdftotext | CPU time |",
        files.len(),
        total_pages
    );
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| pdftotext -layout, one file at a time | {poppler:.2} s | {:.0} | 1.00× | – |",
        rate(poppler)
    );
    println!(
        "| Dossier import, 1 worker | {serial:.2} s | {:.0} | {:.2}× | {serial_cpu:.2} s |",
        rate(serial),
        serial / poppler
    );
    println!(
        "| Dossier import, {cores} workers | {parallel:.2} s | {:.0} | {:.2}× | {parallel_cpu:.2} s |",
        rate(parallel),
        parallel / poppler
    );
    println!(
        "\nparallel import: {:.2}× the one-worker rate on {cores} cores; the one-worker import kept {:.2} cores busy; {failed} files failed; same library: rows {}, files {}",
        serial / parallel,
        serial_cpu / serial,
        if same_rows { "identical (times apart)" } else { "DIFFERENT" },
        if same_files { "identical" } else { "DIFFERENT" },
    );
    anyhow::ensure!(
        same_rows && same_files,
        "the parallel import made another library"
    );
    Ok(())
}
