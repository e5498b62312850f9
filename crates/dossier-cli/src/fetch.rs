//! `dossier fetch`: documents from the UN's Official Document System, by
//! meeting or by symbol, in the user's languages, into the library.

use crate::output::clean_line;
use dossier_core::api::{FetchFormats, FetchOutcome, FetchResult};
use dossier_core::fetch::{self, FetchOptions, FetchReport};
use dossier_core::Library;
use indicatif::{ProgressBar, ProgressStyle};
use std::process::ExitCode;
use std::sync::Arc;

/// What to fetch, as the command line said it.
pub struct Request {
    pub symbols: Vec<String>,
    pub meeting: Option<String>,
    pub languages: Vec<String>,
    pub formats: Option<FetchFormats>,
    pub budget_minutes: u64,
    pub json: bool,
    pub tty: bool,
}

/// `--format docx`, `pdf` or `docx,pdf`.
pub fn formats(given: &[String]) -> anyhow::Result<Option<FetchFormats>> {
    let mut word = false;
    let mut pdf = false;
    for f in given {
        match f.trim().to_ascii_lowercase().as_str() {
            "docx" | "word" => word = true,
            "pdf" => pdf = true,
            other => anyhow::bail!("--format {other:?}: use docx, pdf or docx,pdf"),
        }
    }
    Ok(match (word, pdf) {
        (true, true) => Some(FetchFormats::Both),
        (true, false) => Some(FetchFormats::Word),
        (false, true) => Some(FetchFormats::Pdf),
        (false, false) => None,
    })
}

pub fn run(lib: Library, req: Request) -> anyhow::Result<ExitCode> {
    let settings = lib.fetch_settings()?;
    let formats = req.formats.unwrap_or(settings.formats);
    let languages = if req.languages.is_empty() {
        settings.languages.clone()
    } else {
        req.languages
            .iter()
            .map(|l| dossier_core::api::fetch_language(l))
            .collect::<dossier_core::Result<_>>()?
    };
    if let Some(m) = &req.meeting {
        let meeting = meeting_id(&lib, m)?;
        let plan = lib.queue_meeting_fetch(meeting, &languages, formats)?;
        eprintln!(
            "meeting {m}: {} documents in {} ({} lacking)",
            plan.targets.len() / plan.languages.len().max(1),
            plan.languages.join(", "),
            plan.missing
        );
    } else if !req.symbols.is_empty() {
        let languages = if languages.is_empty() {
            vec!["en".to_string()]
        } else {
            languages
        };
        for s in &req.symbols {
            for l in &languages {
                lib.queue_fetch(s, l, formats, None)?;
            }
        }
    }
    let pending = lib.pending_fetches()?.len();
    if pending == 0 {
        eprintln!("nothing to fetch: the queue is empty");
        return Ok(ExitCode::SUCCESS);
    }
    let mut options = FetchOptions::from_env();
    options.budget = std::time::Duration::from_secs(req.budget_minutes.max(1) * 60);
    let bar = req.tty.then(|| {
        let bar = ProgressBar::new(pending as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .expect("valid template"),
        );
        bar
    });
    let json = req.json;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let lib = Arc::new(lib);
    let report: FetchReport = runtime.block_on(async {
        let cancel = tokio_util::sync::CancellationToken::new();
        let on_interrupt = cancel.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                on_interrupt.cancel();
            }
        });
        // Progress as each document is done; the report (below) is printed
        // once the run is over, when each outcome is final (a "does not
        // exist" becomes "not in that language" when another language of
        // the symbol turned up).
        let mut progress = |p: &fetch::FetchProgress| {
            let what = format!(
                "{} {}: {}",
                clean_line(&p.result.symbol),
                p.result.language,
                outcome_word(p.result.outcome)
            );
            match &bar {
                Some(bar) => {
                    bar.set_length(p.total as u64);
                    bar.set_position(p.done as u64);
                    bar.set_message(what);
                }
                None => eprintln!("fetch {}/{}: {what}", p.done, p.total),
            }
        };
        fetch::run(lib.clone(), options, &mut progress, cancel).await
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for r in &report.results {
            println!("{}", result_line(r));
        }
        println!("{}", summary(&report));
    }
    if let Some(reason) = &report.stop_reason {
        eprintln!("dossier: {}", clean_line(reason));
    }
    let failed = report.count(FetchOutcome::Failed) > 0 || report.stopped.is_some();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A meeting named by the stem of its symbols (`CAC/COSP/WG.2/2024`), or by
/// one of its documents (an id, symbol or file name).
fn meeting_id(lib: &Library, what: &str) -> anyhow::Result<u32> {
    let listing = lib.listing()?;
    let key = format!("symbol:{}", dossier_core::parse::symbols::key(what));
    if let Some(m) = listing.meetings.iter().find(|m| m.key == key) {
        return Ok(m.id);
    }
    let doc = lib.find(what)?;
    lib.records()?
        .into_iter()
        .find(|r| r.id == doc)
        .and_then(|r| r.meeting_id)
        .ok_or_else(|| anyhow::anyhow!("{what}: this document belongs to no meeting"))
}

fn outcome_word(o: FetchOutcome) -> &'static str {
    match o {
        FetchOutcome::Fetched => "fetched",
        FetchOutcome::NotInLanguage => "not in that language",
        FetchOutcome::NotFound => "does not exist",
        FetchOutcome::Skipped => "skipped",
        FetchOutcome::Failed => "failed",
    }
}

fn result_line(r: &FetchResult) -> String {
    let mut line = format!(
        "{:<22} {:<28} {}",
        outcome_word(r.outcome),
        clean_line(&r.symbol),
        r.language
    );
    if !r.formats.is_empty() {
        let f: Vec<&str> = r.formats.iter().map(|f| f.as_str()).collect();
        line.push_str(&format!("  [{}]", f.join(", ")));
    }
    if r.outcome == FetchOutcome::Skipped {
        if let Some(id) = r.document_id {
            line.push_str(&format!("  (already in the library: document {id})"));
        }
    }
    if let Some(d) = &r.detail {
        line.push_str(&format!("  {}", clean_line(d)));
    }
    line
}

fn summary(report: &FetchReport) -> String {
    let mut s = format!(
        "{} fetched, {} not in that language, {} do not exist, {} failed, {} skipped",
        report.count(FetchOutcome::Fetched),
        report.count(FetchOutcome::NotInLanguage),
        report.count(FetchOutcome::NotFound),
        report.count(FetchOutcome::Failed),
        report.count(FetchOutcome::Skipped),
    );
    if report.still_queued > 0 {
        s.push_str(&format!(
            "; {} still queued (`dossier fetch` resumes them)",
            report.still_queued
        ));
    }
    s
}
