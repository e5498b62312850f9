//! The measurements behind BENCHMARKS.md.

use crate::corpus::{self, Rng};
use anyhow::{Context, Result};
use dossier_core::api::SearchRequest;
use dossier_core::model::DocumentKind;
use dossier_core::search::passages::passages;
use dossier_core::Library;
use memchr::memmem;
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The figures of one corpus size.
pub struct Row {
    pub n: usize,
    pub text_mb: f64,
    pub parse: Duration,
    pub ingest: Duration,
    pub passages: usize,
    pub passage_mb: f64,
    pub index_mb: f64,
    pub fts_index_mb: f64,
    pub fts_build: Duration,
    /// Rebuilding the index from the store: indexing alone, one thread.
    pub reindex: Duration,
    /// Analysis alone over all passages: bigrams + stems.
    pub analysis: Duration,
    pub open: Duration,
    pub first_search: Duration,
    pub classes: Vec<ClassRow>,
    pub all: Latencies,
    pub recall: f64,
    pub recall_counts: (usize, usize),
    pub wrong_hits: usize,
    /// Random substrings left out of recall: more than 10,000 passages hold them.
    pub too_common: usize,
    /// Resident memory (KiB) of a fresh process: library open; after an
    /// English search; after a Chinese one (which loads the jieba dictionary).
    pub rss_kib: Option<[u64; 3]>,
    /// Peak resident memory (KiB) of a fresh process rebuilding the index.
    /// All of it, and its anonymous part (`reindex_peak_of_child`).
    pub reindex_peak_kib: Option<(u64, u64)>,
}

/// Latency percentiles of one engine on one query class.
#[derive(Default, Clone)]
pub struct Latencies {
    pub dossier: (f64, f64),
    pub fts: (f64, f64),
    pub scan: (f64, f64),
}

pub struct ClassRow {
    pub name: &'static str,
    pub queries: usize,
    pub lat: Latencies,
}

struct Query {
    class: &'static str,
    text: String,
    language: Option<&'static str>,
    kind: Option<DocumentKind>,
}

/// A query class with its latency samples (ms): Dossier, FTS5, scan.
type ClassSamples = (&'static str, Vec<f64>, Vec<f64>, Vec<f64>);

fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

/// Rebuilds the index of an existing library and reports the speed.
pub fn reindex_only(dir: &Path) -> Result<()> {
    let lib = Library::open(dir)?;
    let mut bytes = 0usize;
    for rec in lib.records()? {
        if rec.latest {
            bytes += passages(&lib.document(rec.id)?.document)
                .iter()
                .map(|p| p.text.len())
                .sum::<usize>();
        }
    }
    let t = Instant::now();
    let n = lib.reindex()?;
    let took = t.elapsed();
    drop(lib);
    println!(
        "{n} documents, {:.2} MB of passages indexed in {:.2} s = {:.1} MB/s; index {:.2} MB",
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        bytes as f64 / 1e6 / took.as_secs_f64(),
        dir_size(&dir.join("index")) as f64 / 1e6
    );
    Ok(())
}

/// The library's own passages, as the search index holds them.
fn indexed_passages(lib: &Library) -> Result<Vec<Indexed>> {
    let mut corpus: Vec<Indexed> = Vec::new();
    for rec in lib.records()? {
        let doc = lib.document(rec.id)?.document;
        for p in passages(&doc) {
            corpus.push(Indexed {
                doc: rec.id,
                language: rec.language.clone(),
                kind: rec.kind,
                location: format!("{:?}", p.location),
                text: p.text,
            });
        }
    }
    Ok(corpus)
}

/// The benchmark's query set on an existing library, as requests, with
/// their classes.
pub(crate) fn bench_queries(
    lib: &Library,
    seed: u64,
) -> Result<Vec<(&'static str, SearchRequest)>> {
    let corpus = indexed_passages(lib)?;
    Ok(query_set(&corpus, seed)
        .iter()
        .map(|q| (q.class, request(q)))
        .collect())
}

/// Search alone on an existing library (for profiling): the benchmark's
/// query set drawn from the library's passages, asked `rounds` times.
pub fn search_only(dir: &Path, rounds: usize, seed: u64) -> Result<()> {
    let lib = Library::open(dir)?;
    let corpus = indexed_passages(&lib)?;
    let queries = query_set(&corpus, seed);
    let mut samples: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    for _ in 0..rounds {
        for q in &queries {
            let t = Instant::now();
            lib.search(&request(q))?;
            samples.entry(q.class).or_default().push(ms(t.elapsed()));
        }
    }
    let mut all: Vec<f64> = samples.values().flatten().copied().collect();
    for (class, v) in &mut samples {
        println!(
            "{class:24} p50 {:.3} ms  p99 {:.3} ms",
            percentile(v, 0.5),
            percentile(v, 0.99)
        );
    }
    println!(
        "{:24} p50 {:.3} ms  p99 {:.3} ms",
        "all",
        percentile(&mut all, 0.5),
        percentile(&mut all, 0.99)
    );
    Ok(())
}

/// What the search panel asks for a query of the set (its 20 best passages).
fn request(q: &Query) -> SearchRequest {
    SearchRequest {
        query: if q.class == "symbol" || q.text.contains(' ') {
            format!("\"{}\"", q.text)
        } else {
            q.text.clone()
        },
        language: q.language.map(str::to_string),
        kind: q.kind,
        limit: Some(20),
        ..Default::default()
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Indexed {
    doc: u32,
    language: String,
    kind: DocumentKind,
    location: String,
    text: String,
}

pub fn run(n: usize, seed: u64) -> Result<Row> {
    let work = tempfile::tempdir()?;
    let inbox = work.path().join("inbox");
    std::fs::create_dir_all(&inbox)?;
    let files = corpus::generate(n, seed);
    let text_bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let mut paths: Vec<PathBuf> = Vec::new();
    for f in &files {
        let p = inbox.join(&f.name);
        std::fs::write(&p, &f.text)?;
        paths.push(p);
    }

    // Parsing alone, from text in memory.
    let t = Instant::now();
    let mut parsed = 0usize;
    for f in &files {
        parsed += dossier_core::parse::parse_text(&f.text).paragraphs.len();
    }
    let parse = t.elapsed();
    std::hint::black_box(parsed);

    // End to end into a fresh library: read, hash, extract, parse, store, index.
    let libdir = work.path().join("library");
    let lib = Library::open(&libdir)?;
    let t = Instant::now();
    let report = lib.ingest(std::slice::from_ref(&inbox), &mut |_| {});
    let ingest = t.elapsed();
    let failed = report
        .results
        .iter()
        .filter(|r| r.status == dossier_core::api::IngestStatus::Failed)
        .count();
    anyhow::ensure!(failed == 0, "{failed} generated documents failed to ingest");

    // The passages as indexed, for the scan, FTS5 and checking every hit.
    let corpus = indexed_passages(&lib)?;
    let passage_bytes: usize = corpus.iter().map(|p| p.text.len()).sum();
    let t = Instant::now();
    lib.reindex()?;
    let reindex = t.elapsed();
    // Where indexing time goes: each analysis of the passage text alone.
    let analysis = {
        use dossier_core::search::analysis;
        let t = Instant::now();
        let g: usize = corpus
            .iter()
            .map(|p| analysis::grams(&p.text, analysis::Latin::for_language(&p.language)).len())
            .sum();
        std::hint::black_box(g);
        t.elapsed()
    };
    drop(lib);
    let index_bytes = dir_size(&libdir.join("index"));

    // SQLite FTS5 with the trigram tokenizer over the same passages.
    let fts_path = work.path().join("fts.sqlite3");
    let fts = Connection::open(&fts_path)?;
    fts.execute_batch(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
         CREATE VIRTUAL TABLE p USING fts5(text, language UNINDEXED, kind UNINDEXED, tokenize='trigram');",
    )?;
    let t = Instant::now();
    {
        let tx = fts.unchecked_transaction()?;
        let mut ins =
            tx.prepare("INSERT INTO p (rowid, text, language, kind) VALUES (?1, ?2, ?3, ?4)")?;
        for (i, p) in corpus.iter().enumerate() {
            ins.execute(rusqlite::params![
                i as i64,
                p.text,
                p.language,
                p.kind.as_str()
            ])?;
        }
        drop(ins);
        tx.commit()?;
    }
    let fts_build = t.elapsed();
    let fts_index_bytes = std::fs::metadata(&fts_path)?.len();

    // Cold open and first search, as the app does after its window shows.
    let t = Instant::now();
    let lib = Library::open(&libdir)?;
    let open = t.elapsed();
    let t = Instant::now();
    lib.search(&SearchRequest {
        query: "资产追回".into(),
        limit: Some(20),
        ..Default::default()
    })?;
    let first_search = t.elapsed();

    let queries = query_set(&corpus, seed);
    let mut per_class: Vec<ClassSamples> = Vec::new();
    let (mut expected_total, mut found_total, mut wrong) = (0usize, 0usize, 0usize);
    let mut too_common = 0usize;
    for q in &queries {
        // Dossier: what the search panel asks (20 best passages).
        let req = request(q);
        let t = Instant::now();
        let hits = lib.search(&req)?;
        let d_ms = ms(t.elapsed());

        // The scan: every passage containing the query, with the filters.
        let t = Instant::now();
        let finder = memmem::Finder::new(q.text.as_bytes());
        let truth: Vec<usize> = corpus
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                q.language.is_none_or(|l| p.language == l) && q.kind.is_none_or(|k| p.kind == k)
            })
            .filter(|(_, p)| finder.find(p.text.as_bytes()).is_some())
            .map(|(i, _)| i)
            .collect();
        let s_ms = ms(t.elapsed());

        // FTS5 trigram: 20 best by bm25; under three characters the trigram
        // index cannot help and FTS5 falls back to LIKE over every row.
        let t = Instant::now();
        let mut filters = String::new();
        if let Some(l) = q.language {
            filters.push_str(&format!(" AND language = '{l}'"));
        }
        if let Some(k) = q.kind {
            filters.push_str(&format!(" AND kind = '{}'", k.as_str()));
        }
        let count: usize = if q.text.chars().count() >= 3 {
            let sql =
                format!("SELECT rowid FROM p WHERE p MATCH ?1{filters} ORDER BY rank LIMIT 20");
            let mut st = fts.prepare_cached(&sql)?;
            let phrase = format!("\"{}\"", q.text.replace('"', "\"\""));
            let rows = st.query_map([phrase], |r| r.get::<_, i64>(0))?;
            rows.count()
        } else {
            let sql = format!("SELECT rowid FROM p WHERE text LIKE ?1{filters} LIMIT 20");
            let mut st = fts.prepare_cached(&sql)?;
            let rows = st.query_map([format!("%{}%", q.text)], |r| r.get::<_, i64>(0))?;
            rows.count()
        };
        let f_ms = ms(t.elapsed());
        std::hint::black_box(count);

        // Every hit shown must contain the query (case-folded for English words).
        for h in &hits {
            let loc = format!("{:?}", h.location);
            let text = corpus
                .iter()
                .find(|p| p.doc == h.document.id && p.location == loc)
                .map(|p| p.text.as_str());
            let ok = text.is_some_and(|t| contains_query(t, &q.text))
                || contains_query(&h.heading, &q.text);
            if !ok && h.location.note.is_none() {
                wrong += 1;
                if std::env::var_os("DOSSIER_BENCH_DEBUG").is_some() {
                    eprintln!(
                        "wrong hit for {:?}: {loc} {:?}",
                        q.text,
                        text.map(|t| t.chars().take(200).collect::<String>())
                    );
                }
            }
        }
        // Recall on random Chinese substrings: against everything the scan finds.
        // A search returns at most 10,000 passages: substrings found in more
        // passages than that (2-character ones such as 工作 at N = 5,000) are
        // counted apart, not as misses.
        if q.class == "random zh substring" && truth.len() > 10_000 {
            too_common += 1;
        } else if q.class == "random zh substring" {
            let all = lib.search(&SearchRequest {
                query: format!("\"{}\"", q.text),
                limit: Some(10_000),
                ..Default::default()
            })?;
            let found: BTreeSet<(u32, String)> = all
                .iter()
                .map(|h| (h.document.id, format!("{:?}", h.location)))
                .collect();
            let expected: BTreeSet<(u32, String)> = truth
                .iter()
                .map(|&i| (corpus[i].doc, corpus[i].location.clone()))
                .collect();
            expected_total += expected.len();
            found_total += expected.intersection(&found).count();
        }
        match per_class.iter_mut().find(|c| c.0 == q.class) {
            Some(c) => {
                c.1.push(d_ms);
                c.2.push(f_ms);
                c.3.push(s_ms);
            }
            None => per_class.push((q.class, vec![d_ms], vec![f_ms], vec![s_ms])),
        }
    }
    let mut all = (Vec::new(), Vec::new(), Vec::new());
    let classes = per_class
        .into_iter()
        .map(|(name, mut d, mut f, mut s)| {
            all.0.extend_from_slice(&d);
            all.1.extend_from_slice(&f);
            all.2.extend_from_slice(&s);
            ClassRow {
                name,
                queries: d.len(),
                lat: Latencies {
                    dossier: (percentile(&mut d, 0.5), percentile(&mut d, 0.99)),
                    fts: (percentile(&mut f, 0.5), percentile(&mut f, 0.99)),
                    scan: (percentile(&mut s, 0.5), percentile(&mut s, 0.99)),
                },
            }
        })
        .collect();
    drop(lib);
    let rss_kib = rss_of_child(&libdir).ok();
    let reindex_peak_kib = reindex_peak_of_child(&libdir).ok();
    // Measurements done: keep the library for `--reindex` if asked.
    if let Some(keep) = std::env::var_os("DOSSIER_BENCH_KEEP") {
        let keep = PathBuf::from(keep).join(format!("library-{n}"));
        let _ = std::fs::remove_dir_all(&keep);
        std::fs::create_dir_all(keep.parent().unwrap_or(&keep))?;
        std::fs::rename(&libdir, &keep).with_context(|| {
            format!(
                "keeping the library in {} (same file system?)",
                keep.display()
            )
        })?;
        eprintln!("kept the library in {}", keep.display());
    }
    Ok(Row {
        n,
        text_mb: text_bytes as f64 / 1e6,
        parse,
        ingest,
        passages: corpus.len(),
        passage_mb: passage_bytes as f64 / 1e6,
        index_mb: index_bytes as f64 / 1e6,
        fts_index_mb: fts_index_bytes as f64 / 1e6,
        fts_build,
        reindex,
        analysis,
        open,
        first_search,
        classes,
        all: Latencies {
            dossier: (percentile(&mut all.0, 0.5), percentile(&mut all.0, 0.99)),
            fts: (percentile(&mut all.1, 0.5), percentile(&mut all.1, 0.99)),
            scan: (percentile(&mut all.2, 0.5), percentile(&mut all.2, 0.99)),
        },
        recall: found_total as f64 / expected_total.max(1) as f64,
        recall_counts: (found_total, expected_total),
        wrong_hits: wrong,
        too_common,
        rss_kib,
        reindex_peak_kib,
    })
}

/// Whether a passage (text or heading) holds the query as search defines it:
/// the query or one of its synonyms (实益所有权 ↔ 受益所有权 ↔ beneficial
/// ownership), folded (NFKC, case, spaces), English words by their Porter stem.
fn contains_query(text: &str, q: &str) -> bool {
    let fold = |s: &str| dossier_core::search::analysis::fold_str(s).replace(' ', "");
    let folded_text = fold(text);
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut alternatives =
        dossier_core::search::synonyms::expand(&dossier_core::search::analysis::fold_str(q));
    alternatives.push(q.to_string());
    alternatives.iter().any(|alt| {
        if folded_text.contains(&fold(alt)) {
            return true;
        }
        // Every word by its stem ("smuggling" finds "smuggled").
        let lower = text.to_lowercase();
        !alt.chars().any(dossier_core::script::is_cjk)
            && alt
                .split_whitespace()
                .all(|w| lower.contains(stemmer.stem(&w.to_lowercase()).as_ref()))
    })
}

/// The fixed query set: for each class the same queries at every N (drawn
/// from the corpus of the given seed).
fn query_set(corpus: &[Indexed], seed: u64) -> Vec<Query> {
    let mut rng = Rng::new(seed ^ 0x51ed);
    let mut out = Vec::new();
    let q = |class, text: &str| Query {
        class,
        text: text.to_string(),
        language: None,
        kind: None,
    };
    for w in [
        "实益所有权",
        "资产追回",
        "技术援助",
        "国际合作",
        "非法资金流动",
        "缔约国会议",
        "专题小组讨论",
        "腐败所得",
        "秘书处",
        "工作组",
    ] {
        out.push(q("zh word in a run", w));
    }
    let runs: Vec<Vec<char>> = corpus
        .iter()
        .filter(|p| p.language == "zh")
        .flat_map(|p| {
            p.text
                .split(|c: char| !dossier_core::script::is_cjk(c))
                .filter(|r| r.chars().count() >= 8)
                .map(|r| r.chars().collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect();
    for _ in 0..200 {
        let run = &runs[rng.below(runs.len())];
        let len = 2 + rng.below(5);
        let start = rng.below(run.len() - len + 1);
        out.push(q(
            "random zh substring",
            &run[start..start + len].iter().collect::<String>(),
        ));
    }
    for w in [
        "recovery",
        "smuggling",
        "corruption",
        "cooperation",
        "implementation",
        "migrants",
        "Secretariat",
        "beneficial",
        "assistance",
        "review",
    ] {
        out.push(q("en word", w));
    }
    for w in [
        "asset recovery",
        "technical assistance",
        "international cooperation",
        "working group",
        "Conference of the Parties",
    ] {
        out.push(q("en phrase", w));
    }
    for w in [
        "CAC/COSP/WG.2",
        "CTOC/COP",
        "E/CN.7",
        "CAC/COSP/IRG",
        "E/CN.15",
    ] {
        out.push(q("symbol", w));
    }
    for (w, lang, kind) in [
        ("资产追回", "zh", DocumentKind::Agenda),
        ("工作组", "zh", DocumentKind::Report),
        ("recovery", "en", DocumentKind::Agenda),
        ("review", "en", DocumentKind::Other),
    ] {
        out.push(Query {
            class: "filtered",
            text: w.into(),
            language: Some(lang),
            kind: Some(kind),
        });
    }
    out
}

/// Resident memory of a fresh process that opens the library and searches.
fn rss_of_child(libdir: &Path) -> Result<[u64; 3]> {
    let exe = std::env::current_exe()?;
    let out = std::process::Command::new(exe)
        .arg("--rss-child")
        .arg(libdir)
        .output()?;
    let s = String::from_utf8_lossy(&out.stdout);
    let v: Vec<u64> = s
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    anyhow::ensure!(v.len() == 3, "rss child output {s:?}");
    Ok([v[0], v[1], v[2]])
}

/// Peak resident memory of a fresh process that rebuilds the library's index.
/// Peak resident memory (KiB) of a child rebuilding the index: all of it
/// (`VmHWM`), and the anonymous part alone (heap and stacks: what the
/// rebuild allocates, without the pages of the index and database files it
/// has mapped or read, which the kernel may take back at any time).
fn reindex_peak_of_child(libdir: &Path) -> Result<(u64, u64)> {
    let exe = std::env::current_exe()?;
    let out = std::process::Command::new(exe)
        .arg("--reindex-peak-child")
        .arg(libdir)
        .output()?;
    let s = String::from_utf8_lossy(&out.stdout);
    let mut fields = s.split_whitespace().map(str::parse::<u64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(all)), Some(Ok(anon))) => Ok((all, anon)),
        _ => anyhow::bail!("reindex child output {s:?}"),
    }
}

/// Rebuilds the index and prints the process's peak resident memory (KiB),
/// all of it and the anonymous part, sampled every 10 ms.
pub fn reindex_peak_child(dir: &Path) -> Result<()> {
    let lib = Library::open(dir)?;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(status_kib("RssAnon").unwrap_or(0));
                std::thread::sleep(Duration::from_millis(10));
            }
            peak.max(status_kib("RssAnon").unwrap_or(0))
        })
    };
    lib.reindex()?;
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let anon = sampler.join().unwrap_or(0);
    println!("{} {anon}", status_kib("VmHWM")?);
    Ok(())
}

/// A figure of this process's `/proc/self/status`, in KiB (`VmRSS`, `VmHWM`).
fn status_kib(field: &str) -> Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<u64>().ok())
        .context(field.to_string())
}

pub fn rss_child(dir: &Path) -> Result<()> {
    fn rss() -> Result<u64> {
        std::thread::sleep(Duration::from_millis(200));
        status_kib("VmRSS")
    }
    let lib = Library::open(dir)?;
    let open = rss()?;
    lib.search(&SearchRequest {
        query: "recovery".into(),
        limit: Some(20),
        ..Default::default()
    })?;
    let english = rss()?;
    lib.search(&SearchRequest {
        query: "资产追回".into(),
        limit: Some(20),
        ..Default::default()
    })?;
    let chinese = rss()?;
    println!("{open} {english} {chinese}");
    Ok(())
}

pub fn print_table(rows: &[Row]) {
    println!("| N | text MB | parse MB/s | ingest docs/s | ingest MB/s | index-only MB/s | passages | index / text | FTS5 / text | open ms | first search ms | recall (random zh) | wrong hits | core RSS MiB: open / en / zh | reindex peak RSS MiB |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {:.1} | {:.1} | {:.0} | {:.2} | {:.1} | {} | {:.2} | {:.2} | {:.0} | {:.1} | {:.4} ({}/{}; {} too common) | {} | {} | {} |",
            r.n,
            r.text_mb,
            r.text_mb / r.parse.as_secs_f64(),
            r.n as f64 / r.ingest.as_secs_f64(),
            r.text_mb / r.ingest.as_secs_f64(),
            r.passage_mb / r.reindex.as_secs_f64(),
            r.passages,
            r.index_mb / r.passage_mb,
            r.fts_index_mb / r.passage_mb,
            ms(r.open),
            ms(r.first_search),
            r.recall,
            r.recall_counts.0,
            r.recall_counts.1,
            r.too_common,
            r.wrong_hits,
            r.rss_kib
                .map(|k| format!("{:.1} / {:.1} / {:.1}", k[0] as f64 / 1024.0, k[1] as f64 / 1024.0, k[2] as f64 / 1024.0))
                .unwrap_or_else(|| "?".into()),
            r.reindex_peak_kib
                .map(|(all, anon)| format!("{:.1} ({:.1} anonymous)", all as f64 / 1024.0, anon as f64 / 1024.0))
                .unwrap_or_else(|| "?".into()),
        );
    }
    println!();
    println!("Search latency in ms, p50 / p99 (Dossier: 20 best passages; FTS5 trigram: 20 best by bm25; scan: memchr over every passage):");
    println!();
    println!("| N | class | queries | Dossier p50 | Dossier p99 | FTS5 p50 | FTS5 p99 | scan p50 | scan p99 | p99 vs scan | p99 vs FTS5 |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        for c in r
            .classes
            .iter()
            .map(|c| (c.name, c.queries, &c.lat))
            .chain(std::iter::once(("all", 0, &r.all)))
        {
            let (name, n, l) = c;
            println!(
                "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.2}× | {:.2}× |",
                r.n,
                name,
                if n == 0 { "".to_string() } else { n.to_string() },
                l.dossier.0,
                l.dossier.1,
                l.fts.0,
                l.fts.1,
                l.scan.0,
                l.scan.1,
                l.dossier.1 / l.scan.1,
                l.dossier.1 / l.fts.1,
            );
        }
    }
    println!();
    println!("Analysis alone (the one analysed field of each passage), one thread:");
    for r in rows {
        println!(
            "- N = {}: grams (CJK bigrams, stems) {:.1} MB/s; whole index rebuild {:.1} MB/s",
            r.n,
            r.passage_mb / r.analysis.as_secs_f64(),
            r.passage_mb / r.reindex.as_secs_f64()
        );
    }
    println!();
    println!("FTS5 trigram build (insert + index), for comparison with ingestion:");
    for r in rows {
        println!(
            "- N = {}: {:.2} MB of passages in {:.2} s = {:.1} MB/s",
            r.n,
            r.passage_mb,
            r.fts_build.as_secs_f64(),
            r.passage_mb / r.fts_build.as_secs_f64()
        );
    }
}
