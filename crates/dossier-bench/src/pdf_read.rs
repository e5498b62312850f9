//! `cargo run --release -p dossier-bench -- --pdf-read [DIR…]`
//!
//! Which PDFs Dossier reads, beside poppler's `pdftotext -layout` on the same
//! files in the same run: every `.pdf` under the folders given (by default
//! `../shared/corpus`, `../shared/seeds`, the test fixtures and the PDF fuzz
//! corpus, whose files are mostly damaged on purpose).
//!
//! Each file is read through Dossier's extraction worker (this binary in its
//! worker mode, with the app's limits), so a file that takes a reader down is
//! counted, not fatal. A file is **read** when it gives text, **no text** when
//! it opens but holds none (a scan), **refused** otherwise. Where both read a
//! file, the share of pdftotext's letters and digits that Dossier also found
//! (as a multiset) shows a partial read: a content stream dropped, a font not
//! decoded.

use anyhow::Result;
use dossier_core::extract::worker::{Extractor, Limits};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Outcome {
    Read,
    NoText,
    Refused,
}

impl Outcome {
    fn name(self) -> &'static str {
        match self {
            Outcome::Read => "read",
            Outcome::NoText => "no text",
            Outcome::Refused => "refused",
        }
    }
}

struct Row {
    file: PathBuf,
    dossier: Outcome,
    dossier_note: String,
    dossier_time: Duration,
    poppler: Outcome,
    poppler_time: Duration,
    /// Share of pdftotext's letters and digits Dossier found too.
    coverage: Option<f64>,
}

/// Every PDF under `dir`, sorted (and the fuzz corpus's files, which have no extension).
pub(crate) fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            pdfs_under(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            || p.parent().is_some_and(|d| d.ends_with("fuzz/corpus/pdf"))
        {
            out.push(p);
        }
    }
}

/// Letters and digits with their counts: what both readers must agree on
/// whatever their spacing and line breaks. Compatibility forms are folded
/// (pdftotext keeps Arabic presentation forms and ligatures such as "ﬁ",
/// Dossier reads them as letters).
fn letters(text: &str) -> HashMap<char, usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut m = HashMap::new();
    for c in text.nfkc().filter(|c| c.is_alphanumeric()) {
        *m.entry(c).or_default() += 1;
    }
    m
}

fn coverage(dossier: &str, poppler: &str) -> Option<f64> {
    let (d, p) = (letters(dossier), letters(poppler));
    let total: usize = p.values().sum();
    if total == 0 {
        return None;
    }
    let found: usize = p
        .iter()
        .map(|(c, n)| (*n).min(d.get(c).copied().unwrap_or(0)))
        .sum();
    Some(found as f64 / total as f64)
}

fn pdftotext(file: &Path) -> (Outcome, String, Duration) {
    let started = Instant::now();
    // `timeout` bounds a file poppler loops on, as the worker bounds Dossier.
    let out = Command::new("timeout")
        .args(["60", "pdftotext", "-q", "-layout"])
        .arg(file)
        .arg("-")
        .output();
    let took = started.elapsed();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            let outcome = if text.chars().any(char::is_alphanumeric) {
                Outcome::Read
            } else {
                Outcome::NoText
            };
            (outcome, text, took)
        }
        _ => (Outcome::Refused, String::new(), took),
    }
}

pub fn run(root: &Path, dirs: &[PathBuf]) -> Result<()> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        anyhow::bail!("pdftotext is missing (apt-get install poppler-utils)");
    }
    let dirs: Vec<PathBuf> = if dirs.is_empty() {
        vec![
            root.join("../shared/corpus"),
            root.join("../shared/seeds"),
            root.join("crates/dossier-core/tests/fixtures"),
            root.join("fuzz/corpus/pdf"),
        ]
    } else {
        dirs.to_vec()
    };
    let mut files = Vec::new();
    for d in &dirs {
        pdfs_under(d, &mut files);
    }
    let extractor = Extractor::current_exe(Limits::default())?;
    let mut rows = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file)?;
        let started = Instant::now();
        let (dossier, note, text) = match extractor.extract_layout(&file, &bytes) {
            Ok(layout) => {
                let text = layout_text(&layout);
                if text.chars().any(char::is_alphanumeric) {
                    (Outcome::Read, String::new(), text)
                } else {
                    (Outcome::NoText, String::new(), text)
                }
            }
            Err(dossier_core::Error::Unreadable {
                reason: dossier_core::reason::Reason::NoTextLayer,
                ..
            }) => (Outcome::NoText, String::new(), String::new()),
            Err(e) => (Outcome::Refused, e.to_string(), String::new()),
        };
        let dossier_time = started.elapsed();
        let (poppler, poppler_text, poppler_time) = pdftotext(&file);
        let coverage = (dossier == Outcome::Read && poppler == Outcome::Read)
            .then(|| coverage(&text, &poppler_text))
            .flatten();
        rows.push(Row {
            file,
            dossier,
            dossier_note: note,
            dossier_time,
            poppler,
            poppler_time,
            coverage,
        });
    }
    print_report(root, &dirs, &rows);
    Ok(())
}

fn layout_text(layout: &dossier_core::layout::Layout) -> String {
    let mut out = String::new();
    for block in layout.pages.iter().flat_map(|p| &p.blocks) {
        out.push_str(&block.text);
        for cell in block.rows.iter().flatten() {
            out.push(' ');
            out.push_str(cell);
        }
        out.push('\n');
    }
    out
}

fn print_report(root: &Path, dirs: &[PathBuf], rows: &[Row]) {
    let shown = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .into_owned()
    };
    println!("PDFs under:");
    for d in dirs {
        println!("- {}", shown(d));
    }
    println!();
    println!("| Dossier \\ pdftotext | read | no text | refused |");
    println!("|---|---|---|---|");
    for d in [Outcome::Read, Outcome::NoText, Outcome::Refused] {
        let count = |p: Outcome| {
            rows.iter()
                .filter(|r| r.dossier == d && r.poppler == p)
                .count()
        };
        println!(
            "| {} | {} | {} | {} |",
            d.name(),
            count(Outcome::Read),
            count(Outcome::NoText),
            count(Outcome::Refused)
        );
    }
    let read = |f: &dyn Fn(&Row) -> Outcome| rows.iter().filter(|r| f(r) == Outcome::Read).count();
    println!();
    println!(
        "{} PDFs: Dossier reads {}, pdftotext reads {}.",
        rows.len(),
        read(&|r| r.dossier),
        read(&|r| r.poppler)
    );
    let both: Vec<f64> = rows.iter().filter_map(|r| r.coverage).collect();
    if !both.is_empty() {
        let mean = both.iter().sum::<f64>() / both.len() as f64;
        let low = both.iter().cloned().fold(f64::INFINITY, f64::min);
        println!(
            "Where both read a file ({}), Dossier found {:.1}% of pdftotext's letters and digits on average (lowest {:.1}%).",
            both.len(),
            mean * 100.0,
            low * 100.0
        );
    }
    let time = |f: &dyn Fn(&Row) -> Duration| rows.iter().map(f).sum::<Duration>().as_secs_f64();
    println!(
        "Time for all files: Dossier (through its worker) {:.2} s, pdftotext -layout {:.2} s.",
        time(&|r| r.dossier_time),
        time(&|r| r.poppler_time)
    );
    let odd: Vec<&Row> = rows
        .iter()
        .filter(|r| r.dossier != r.poppler || r.coverage.is_some_and(|c| c < 0.95))
        .collect();
    if !odd.is_empty() {
        println!();
        println!("Files where they differ (or Dossier found under 95% of the letters):");
        println!();
        println!("| file | Dossier | pdftotext | letters found |");
        println!("|---|---|---|---|");
        for r in odd {
            let note = if r.dossier_note.is_empty() {
                String::new()
            } else {
                format!(": {}", r.dossier_note.replace('|', "/"))
            };
            println!(
                "| {} | {}{} | {} | {} |",
                shown(&r.file),
                r.dossier.name(),
                note,
                r.poppler.name(),
                r.coverage
                    .map(|c| format!("{:.1}%", c * 100.0))
                    .unwrap_or_default()
            );
        }
    }
}
