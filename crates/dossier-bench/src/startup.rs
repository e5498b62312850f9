//! `dossier-bench --startup DOSSIER_APP TAURI_MINIMAL [--docs 1000] [--runs 7] [--unclean]`
//! (under a display: `xvfb-run -a -s "-screen 0 1280x800x24" …`)
//!
//! Cold start to an interactive window, Dossier with a library of `--docs`
//! generated documents against the smallest Tauri app built on the same
//! machine with the same Tauri (`crates/tauri-minimal`). Each run starts the
//! binary as a fresh process and takes the time it reports itself: from the
//! first line of `main` to the page's call saying it is on screen (for
//! Dossier: the library listing rendered; for the minimal app: its page
//! loaded). Three seconds later, the resident memory of the app's process
//! and of the whole process tree (the WebKit web and network processes are
//! its children) is read from /proc. The first run of each is a warm-up
//! (Dossier files its seed documents on the first start) and is not counted.
//! Each start finds the library as a clean close leaves it (the app is
//! killed once measured, so the library is opened and closed in between),
//! or with `--unclean` as a kill leaves it: then the open reads the whole
//! database to check it.

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Options {
    /// Start after a kill (the library not closed cleanly, so its open
    /// checks the whole database) instead of after a clean close.
    pub unclean: bool,
    pub dossier: PathBuf,
    pub minimal: PathBuf,
    pub docs: usize,
    pub runs: usize,
}

struct Sample {
    ready_ms: f64,
    rss_app: u64,
    rss_tree: u64,
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The process and its descendants.
fn tree(pid: u32) -> Vec<u32> {
    let mut out = vec![pid];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        if let Ok(entries) = std::fs::read_dir("/proc") {
            for e in entries.flatten() {
                let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else {
                    continue;
                };
                let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
                // pid (comm) state ppid …; comm may hold spaces, so split after ')'.
                let ppid = stat
                    .rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                    .and_then(|v| v.parse::<u32>().ok());
                if ppid == Some(parent) && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        i += 1;
    }
    out
}

fn one_run(bin: &Path, data_dir: Option<&Path>, home: &Path) -> Result<Sample> {
    let mut cmd = Command::new(bin);
    cmd.env("DOSSIER_STARTUP_PROBE", "1")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(d) = data_dir {
        cmd.env("DOSSIER_DATA_DIR", d);
    }
    let mut child = cmd.spawn().with_context(|| bin.display().to_string())?;
    let pid = child.id();
    let stdout = child.stdout.take().context("stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if let Some(m) = line.strip_prefix("mark ") {
                // Where start-up time goes (DOSSIER_BENCH_MARKS=1).
                if std::env::var_os("DOSSIER_BENCH_MARKS").is_some() {
                    eprintln!("    {m} ms");
                }
            }
            if let Some(v) = line.strip_prefix("ready_ms=") {
                let _ = tx.send(v.trim().parse::<f64>().unwrap_or(f64::NAN));
            }
        }
    });
    let ready = rx.recv_timeout(Duration::from_secs(60));
    let sample = match ready {
        Ok(ready_ms) => {
            std::thread::sleep(Duration::from_secs(3));
            let pids = tree(pid);
            Ok(Sample {
                ready_ms,
                rss_app: rss_kib(pid),
                rss_tree: pids.iter().map(|p| rss_kib(*p)).sum(),
            })
        }
        Err(_) => Err(anyhow::anyhow!("{} never reported ready", bin.display())),
    };
    for p in tree(pid).into_iter().rev() {
        let _ = Command::new("kill").arg("-9").arg(p.to_string()).status();
    }
    let _ = child.wait();
    sample
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn run(o: &Options) -> Result<()> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        bail!("no display: run under xvfb-run -a -s \"-screen 0 1280x800x24\"");
    }
    let work = tempfile::tempdir()?;
    let library = work.path().join("library");
    {
        let inbox = work.path().join("inbox");
        std::fs::create_dir_all(&inbox)?;
        for f in crate::corpus::generate(o.docs, 2024) {
            std::fs::write(inbox.join(&f.name), &f.text)?;
        }
        let t = Instant::now();
        let lib = dossier_core::Library::open(&library)?;
        lib.ingest(&[inbox], &mut |_| {});
        eprintln!(
            "library of {} documents filed in {:.1} s",
            o.docs,
            t.elapsed().as_secs_f64()
        );
    }
    let mut rows = Vec::new();
    for (label, bin, data) in [
        ("Dossier", &o.dossier, Some(library.as_path())),
        ("minimal Tauri app", &o.minimal, None),
    ] {
        let home = work.path().join(format!("home-{}", rows.len()));
        let mut samples = Vec::new();
        for i in 0..=o.runs {
            // Each run is killed once measured. A window closed by its user
            // (File ▸ Quit) records a clean close; reopening and closing the
            // library here leaves it as that does, unless `--unclean`.
            if let (Some(d), false) = (data, o.unclean) {
                drop(dossier_core::Library::open(d)?);
            }
            let s = one_run(bin, data, &home)?;
            eprintln!(
                "{label} run {i}: ready {:.0} ms, RSS {} KiB (tree {} KiB)",
                s.ready_ms, s.rss_app, s.rss_tree
            );
            if i > 0 {
                samples.push(s);
            }
        }
        rows.push((label, samples));
    }
    println!("| app | cold start to interactive window (median of {}) | min–max | RSS, app process | RSS, with WebKit processes |", o.runs);
    println!("|---|---:|---:|---:|---:|");
    let mut medians = Vec::new();
    for (label, s) in &rows {
        let ready: Vec<f64> = s.iter().map(|x| x.ready_ms).collect();
        let (lo, hi) = ready
            .iter()
            .fold((f64::MAX, 0.0f64), |(a, b), &x| (a.min(x), b.max(x)));
        let app = median(s.iter().map(|x| x.rss_app as f64).collect()) / 1024.0;
        let all = median(s.iter().map(|x| x.rss_tree as f64).collect()) / 1024.0;
        let m = median(ready);
        medians.push(m);
        println!("| {label} | {m:.0} ms | {lo:.0}–{hi:.0} ms | {app:.1} MiB | {all:.1} MiB |");
    }
    println!(
        "\nDossier / minimal: {:.2}× (target ≤ 1.2×)",
        medians[0] / medians[1]
    );
    Ok(())
}
