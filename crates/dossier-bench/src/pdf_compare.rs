//! `cargo run --release -p dossier-bench -- --pdf-compare`
//!
//! Compares PDF text extractors on PDFs whose text is known from another
//! rendering of the same document (the seed's text file, the fixture's text,
//! the corpus document's Word file):
//!
//! - `pdf-extract`: the crate's own plain-text writer;
//! - `lopdf`: lopdf's `extract_text` (the PDF library under pdf-extract);
//! - `Dossier`: pdf-extract's decoded glyphs laid out by position
//!   (`dossier_core::extract`, what the app uses).
//!
//! The measure is **sentence recall**: the share of the reference's sentences
//! (at least 12 characters) found whole in the extracted text, with spacing
//! normalised but line breaks kept. A sentence is missed when a character is
//! decoded wrongly (CJK through ToUnicode), when words come out of order, when
//! a line or page break cuts it, or when a running head lands inside it: the
//! failures a reader and the search index see. Time is the median of 5 runs.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One way of getting a PDF's text.
type Extractor<'a> = Box<dyn Fn() -> Result<String> + 'a>;

struct Case {
    pdf: PathBuf,
    reference: PathBuf,
}

fn cases(root: &Path) -> Vec<Case> {
    let f = root.join("crates/dossier-core/tests/fixtures");
    let c = |pdf: PathBuf, reference: PathBuf| Case { pdf, reference };
    vec![
        c(
            f.join("seed000_libreoffice.pdf"),
            root.join("seeds/000_abe935980996e0b8.txt"),
        ),
        c(
            f.join("seed001_libreoffice.pdf"),
            root.join("seeds/001_9b3f3c3582431abc.txt"),
        ),
        c(f.join("en_irg_agenda.pdf"), f.join("en_irg_agenda.txt")),
        c(
            f.join("un-docs/A_80_590.pdf"),
            f.join("un-docs/A_80_590.docx"),
        ),
        c(
            f.join("un-docs/A_81_6SECT.13.pdf"),
            f.join("un-docs/A_81_6SECT.13.docx"),
        ),
    ]
}

use dossier_core::script::is_wide;

/// Spaces and tabs collapsed, none beside CJK; line breaks kept.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let words: Vec<&str> = line
            .split([' ', '\t', '\u{a0}'])
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let prev = words[i - 1].chars().last().unwrap_or(' ');
                let next = w.chars().next().unwrap_or(' ');
                if !is_wide(prev) && !is_wide(next) {
                    out.push(' ');
                }
            }
            out.push_str(w);
        }
        out.push('\n');
    }
    out
}

/// The reference's sentences: its text lines (not table rows) cut after
/// sentence ends, at least 12 characters long.
fn sentences(reference: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in normalise(reference).lines() {
        if line.contains('\t') {
            continue;
        }
        let mut cur = String::new();
        for ch in line.chars() {
            cur.push(ch);
            if matches!(ch, '。' | '；' | '.' | ';') {
                push_sentence(&mut out, &cur);
                cur.clear();
            }
        }
        push_sentence(&mut out, &cur);
    }
    out
}

fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.trim().trim_start_matches(['-', '•']).trim();
    if s.chars().count() >= 12 {
        out.push(s.to_string());
    }
}

fn reference_text(path: &Path) -> Result<String> {
    let raw = dossier_core::extract::extract_file(path)?;
    let zh = dossier_core::parse::language::detect_language(&raw) == "zh";
    // Markdown links and emphasis out, as the parser reads it.
    Ok(dossier_core::parse::clean::clean(&raw, zh))
}

fn timed<F: FnMut() -> Result<String>>(mut f: F) -> (f64, Result<String>) {
    let mut times = Vec::new();
    let mut last = Ok(String::new());
    for _ in 0..5 {
        let t = Instant::now();
        last = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[2], last)
}

fn lopdf_text(bytes: &[u8]) -> Result<String> {
    let doc = pdf_extract::Document::load_mem(bytes)?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    Ok(doc.extract_text(&pages)?)
}

pub fn run(root: &Path) -> Result<()> {
    println!("| PDF | pages | extractor | extraction (ms) | sentences found | parsing (ms) |");
    println!("|---|---:|---|---:|---:|---:|");
    let mut totals = [(0usize, 0usize, 0.0f64); 3];
    for case in cases(root) {
        let bytes = std::fs::read(&case.pdf).with_context(|| case.pdf.display().to_string())?;
        let pages = pdf_extract::Document::load_mem(&bytes)?.get_pages().len();
        let wanted = sentences(&reference_text(&case.reference)?);
        let name = case.pdf.file_name().unwrap().to_string_lossy().to_string();
        let extractors: [(&str, Extractor); 3] = [
            (
                "pdf-extract",
                Box::new(|| Ok(pdf_extract::extract_text_from_mem(&bytes)?)),
            ),
            ("lopdf", Box::new(|| lopdf_text(&bytes))),
            (
                "Dossier",
                Box::new(|| Ok(dossier_core::extract::extract_bytes(&case.pdf, &bytes)?)),
            ),
        ];
        for (k, (label, f)) in extractors.iter().enumerate() {
            let (ms, text) = timed(f);
            let text = normalise(&text.unwrap_or_default());
            let found = wanted.iter().filter(|s| text.contains(s.as_str())).count();
            if *label == "Dossier" && std::env::var_os("SHOW_MISSED").is_some() {
                for s in wanted.iter().filter(|s| !text.contains(s.as_str())) {
                    eprintln!("missed in {name}: {s}");
                }
            }
            totals[k].0 += found;
            totals[k].1 += wanted.len();
            totals[k].2 += ms;
            // The structure parser alone, on the text the app reads.
            let parse = if *label == "Dossier" {
                let (ms, _) =
                    timed(|| Ok(format!("{:?}", dossier_core::parse::parse_text(&text).kind)));
                format!("{ms:.1}")
            } else {
                String::new()
            };
            println!(
                "| {name} | {pages} | {label} | {ms:.1} | {found}/{} ({:.0}%) | {parse} |",
                wanted.len(),
                100.0 * found as f64 / wanted.len().max(1) as f64
            );
        }
    }
    for (k, label) in ["pdf-extract", "lopdf", "Dossier"].iter().enumerate() {
        let (found, total, ms) = totals[k];
        println!(
            "| **all** | | {label} | {ms:.1} | {found}/{total} ({:.0}%) | |",
            100.0 * found as f64 / total.max(1) as f64
        );
    }
    Ok(())
}
