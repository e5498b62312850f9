//! The extraction worker (`dossier --extract-worker`) returns exactly the
//! layout read in process, and costs little per file once started.

use dossier_core::extract::{self, Extractor, Limits};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn workers() -> Extractor {
    Extractor::Isolated(extract::worker::Workers::new(
        PathBuf::from(env!("CARGO_BIN_EXE_dossier")),
        Limits::default(),
    ))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dossier-core/tests/fixtures")
}

#[test]
fn the_worker_returns_the_layout_read_in_process() {
    let isolated = workers();
    for name in [
        "en_irg_agenda.pdf",
        "en_irg_agenda.docx",
        "en_irg_agenda.txt",
        "seed001_libreoffice.pdf",
        "arabic/visual.pdf",
    ] {
        let path = fixtures().join(name);
        let bytes = extract::read_file(&path).unwrap();
        let here = extract::extract_layout(&path, &bytes).unwrap();
        let there = isolated.extract_layout(&path, &bytes).unwrap();
        assert_eq!(here, there, "{name}");
    }
    // An unreadable file is unreadable for the same reason.
    let path = Path::new("empty.txt");
    let here = extract::extract_layout(path, b"").unwrap_err().to_string();
    let there = isolated.extract_layout(path, b"").unwrap_err().to_string();
    assert_eq!(here, there);
}

/// `cargo test -p dossier-cli --release --test worker -- --ignored --nocapture`:
/// each PDF and Word file of `shared/corpus/` read in process and through
/// one reused worker, best of three.
#[test]
#[ignore = "a measurement, not a test"]
fn worker_cost_per_file_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files: Vec<PathBuf> = ["real", "un-docs"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| extract::Format::from_path(p).is_some_and(|f| f != extract::Format::Text))
        .collect();
    files.sort();
    let isolated = workers();
    let started = Instant::now();
    let _ = isolated.extract_layout(Path::new("warm.txt"), b"a worker is started");
    eprintln!("first start of a worker: {:.1?}", started.elapsed());
    let best = |f: &dyn Fn() -> bool| -> Option<Duration> {
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            if !f() {
                return None;
            }
            best = best.min(t.elapsed());
        }
        Some(best)
    };
    let (mut total_here, mut total_there) = (Duration::ZERO, Duration::ZERO);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let here = best(&|| extract::extract_layout(path, &bytes).is_ok());
        let there = best(&|| isolated.extract_layout(path, &bytes).is_ok());
        let name = path.file_name().unwrap().to_string_lossy();
        match (here, there) {
            (Some(h), Some(t)) => {
                total_here += h;
                total_there += t;
                eprintln!(
                    "{name:40} {:>9.1?} in process {:>9.1?} in the worker (+{:.1?})",
                    h,
                    t,
                    t.saturating_sub(h)
                );
            }
            _ => eprintln!("{name:40} unreadable"),
        }
    }
    eprintln!(
        "all {} files: {total_here:.1?} in process, {total_there:.1?} in the worker",
        files.len()
    );
}
