//! Replays the fuzzing corpus (`fuzz/corpus/<target>/`, seeds plus every input
//! cargo-fuzz kept as new coverage, and any crash it found once fixed) through
//! the same entry points as the fuzz targets, plus a short deterministic
//! mutation pass. Runs on stable Rust in every CI run; the long runs use
//! `cargo fuzz` (see fuzz/README.md).

use std::path::Path;
use std::time::{Duration, Instant};

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Flips, deletes and duplicates bytes: cheap mutations that reach the error
/// paths of every front end.
fn mutations(data: &[u8], rng: &mut fastrand::Rng) -> Vec<Vec<u8>> {
    let mut next = |n: usize| rng.usize(..n.max(1));
    let mut out = Vec::new();
    for _ in 0..6 {
        let mut m = data.to_vec();
        if m.is_empty() {
            break;
        }
        match next(4) {
            0 => {
                let i = next(m.len());
                m[i] ^= 1 << next(8);
            }
            1 => m.truncate(next(m.len())),
            2 => {
                let i = next(m.len());
                let j = (i + next(64)).min(m.len());
                let chunk: Vec<u8> = m[i..j].to_vec();
                m.splice(i..i, chunk.iter().cycle().take(chunk.len() * 8).copied());
            }
            _ => {
                let i = next(m.len());
                m.drain(i..(i + next(256)).min(m.len()));
            }
        }
        out.push(m);
    }
    out
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    let mut rng = fastrand::Rng::with_seed(0x0f0f);
    let mut inputs = 0;
    for (name, data) in corpus(target) {
        let started = Instant::now();
        run(&data);
        for m in mutations(&data, &mut rng) {
            run(&m);
            inputs += 1;
        }
        // A time budget per file (debug build): nothing may hang.
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{target}/{name} took {:?}",
            started.elapsed()
        );
        inputs += 1;
    }
    assert!(inputs > 0, "the {target} corpus is empty");
}

#[test]
fn text_corpus() {
    replay("text", |d| {
        dossier_core::fuzzing::extract_and_parse("input.txt", d)
    });
}

#[test]
fn pdf_corpus() {
    replay("pdf", |d| {
        dossier_core::fuzzing::extract_and_parse("input.pdf", d)
    });
}

#[test]
fn docx_corpus() {
    replay("docx", |d| {
        dossier_core::fuzzing::extract_and_parse("input.docx", d)
    });
}

#[test]
fn parse_corpus() {
    replay("parse", dossier_core::fuzzing::parse);
}

#[test]
fn layout_corpus() {
    replay("layout", dossier_core::fuzzing::layout);
}

#[test]
fn worker_protocol_corpus() {
    replay("worker_protocol", dossier_core::fuzzing::worker_protocol);
}
