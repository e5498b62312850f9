//! Fetching documents from the UN's Official Document System (feature
//! `fetch`, which the CLI and the app turn on; the core's default build has
//! no network code at all).
//!
//! The library keeps the queue ([`Library::queue_fetch`],
//! [`Library::queue_meeting_fetch`]); [`run`] works through everything
//! pending in it, oldest first:
//!
//! - per document and language, the files still lacking (Word, else the
//!   PDF; or both for the page view), each asked for by symbol
//!   ([`ods`] knows the protocol and its quirks);
//! - at most [`FetchOptions::concurrency`] documents at once, and the access
//!   requests spaced by [`FetchOptions::interval`] (public clients of the
//!   service wait about 2 s between requests);
//! - a transient answer (429, 403, 5xx, the error page, the web-app shell,
//!   a connection cut mid-body) is tried again after a growing pause (or
//!   the `Retry-After` the service sent), a few times;
//! - a file that arrives is checked (its first bytes say what it is, its
//!   size is bounded) and imported through the normal import with a last
//!   check after parsing: a file in another language than asked for (the
//!   service's English file for a language it lacks) or of another symbol is
//!   not stored;
//! - each outcome is written to the queue as it comes, so a fetch killed
//!   half-way resumes with what was left, and a document imported just
//!   before the kill is found in the library and skipped.
//!
//! The whole run has a time budget and can be cancelled; both stop it at
//! once, mid-request, leaving what is unfinished queued. A connection that
//! cannot be made at all (no network, no name resolution) stops the run as
//! offline, said plainly, with the rest left queued too.

mod ods;

pub use ods::SERVICE;
/// The token that stops a run ([`run`]); re-exported so that a front end
/// needs no tokio-util of its own.
pub use tokio_util::sync::CancellationToken;

use crate::error::{Error, Result};
use crate::library::{FetchedFile, Library};
use crate::parse::symbols;
use crate::store::fetch_queue::{FetchOutcome, FetchResult, QueuedFetch};
use crate::store::renditions::Format;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// How a fetch behaves. The defaults are the polite ones for the real service.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The service's address ([`SERVICE`]; a test server's in tests).
    pub service: String,
    /// Documents fetched at the same time.
    pub concurrency: usize,
    /// The least time between two access requests.
    pub interval: Duration,
    /// How many times a transient answer is tried again.
    pub retries: u32,
    /// The first pause before trying again; doubled each time.
    pub backoff: Duration,
    /// The longest pause, whatever the service asks for.
    pub max_wait: Duration,
    /// The whole run's time.
    pub budget: Duration,
    /// How long a connection may stay silent.
    pub read_timeout: Duration,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            service: SERVICE.to_string(),
            concurrency: 3,
            interval: Duration::from_secs(2),
            retries: 3,
            backoff: Duration::from_secs(2),
            max_wait: Duration::from_secs(60),
            budget: Duration::from_secs(30 * 60),
            read_timeout: Duration::from_secs(30),
        }
    }
}

impl FetchOptions {
    /// The defaults, with the service and the pacing taken from the
    /// environment when set: `DOSSIER_ODS_URL` (a mirror, or the test
    /// server) and `DOSSIER_FETCH_INTERVAL_MS` (the spacing of requests,
    /// which sets the back-off too).
    pub fn from_env() -> FetchOptions {
        let mut options = FetchOptions::default();
        if let Ok(url) = std::env::var("DOSSIER_ODS_URL") {
            if !url.trim().is_empty() {
                options.service = url.trim().to_string();
            }
        }
        let interval = std::env::var("DOSSIER_FETCH_INTERVAL_MS")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(ms) = interval {
            options = options.paced(Duration::from_millis(ms));
        }
        options
    }

    /// The same pacing, scaled to `interval` (back-off and waits with it):
    /// what tests and a local mirror use.
    pub fn paced(mut self, interval: Duration) -> FetchOptions {
        self.interval = interval;
        self.backoff = interval;
        self.max_wait = (interval * 30).max(Duration::from_millis(100));
        self
    }
}

/// Why a run stopped before the queue was empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FetchStop {
    /// No connection could be made to the service.
    Offline,
    /// The time budget ran out.
    OutOfTime,
    /// The user cancelled.
    Cancelled,
}

/// One document done, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchProgress {
    pub done: u32,
    pub total: u32,
    pub result: FetchResult,
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchReport {
    /// Every document the run took up, in the order they finished.
    pub results: Vec<FetchResult>,
    /// Why it stopped early, if it did.
    pub stopped: Option<FetchStop>,
    /// The stop in words (English): "cannot reach documents.un.org: …".
    pub stop_reason: Option<String>,
    /// Documents left queued for the next fetch.
    pub still_queued: u32,
}

impl FetchReport {
    pub fn count(&self, outcome: FetchOutcome) -> usize {
        self.results.iter().filter(|r| r.outcome == outcome).count()
    }
}

/// Works through the library's fetch queue; reports each document as it
/// is done. Cancelling `cancel` stops it at once, leaving the rest queued.
pub async fn run(
    library: Arc<Library>,
    options: FetchOptions,
    progress: &mut (dyn FnMut(&FetchProgress) + Send),
    cancel: CancellationToken,
) -> Result<FetchReport> {
    let queue = blocking(&library, |l| l.pending_fetches()).await?;
    let total = queue.len() as u32;
    let mut report = FetchReport::default();
    if queue.is_empty() {
        return Ok(report);
    }
    let staging = library.dir().join("fetching");
    std::fs::create_dir_all(&staging).map_err(|source| Error::Write {
        path: staging.clone(),
        source,
    })?;
    let ctx = Arc::new(Run {
        client: client(&options)?,
        deadline: Instant::now() + options.budget,
        pace: tokio::sync::Mutex::new(None),
        gate: Arc::new(tokio::sync::Semaphore::new(options.concurrency.max(1))),
        stop: Mutex::new(None),
        library,
        options,
        cancel,
        staging,
    });
    tracing::info!(documents = total, service = %ctx.options.service, "fetch: started");
    let mut tasks = tokio::task::JoinSet::new();
    for item in queue {
        let ctx = ctx.clone();
        tasks.spawn(async move {
            let gate = ctx.gate.clone();
            let _turn = gate.acquire_owned().await;
            let end = fetch_one(&ctx, &item).await;
            (item, end)
        });
    }
    let mut finished: Vec<(i64, FetchResult)> = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (item, end) = match joined {
            Ok(v) => v,
            Err(e) => {
                tracing::error!(error = %e, "fetch: a task failed");
                continue;
            }
        };
        let result = match end {
            End::Done(result) => {
                let id = item.id;
                let stored = result.clone();
                blocking(&ctx.library, move |l| l.finish_fetch(id, &stored)).await?;
                finished.push((id, result.clone()));
                result
            }
            End::Stopped(stop, reason) => {
                report.still_queued += 1;
                outcome(
                    &item,
                    FetchOutcome::Failed,
                    None,
                    Some(stop_words(stop, &reason)),
                )
            }
        };
        tracing::info!(symbol = %result.symbol, language = %result.language,
            outcome = ?result.outcome, detail = ?result.detail, "fetch: document done");
        report.results.push(result.clone());
        progress(&FetchProgress {
            done: report.results.len() as u32,
            total,
            result,
        });
    }
    published_elsewhere(&ctx.library, &mut report, &finished).await?;
    if let Some((stop, reason)) = ctx.stop.lock().unwrap_or_else(|p| p.into_inner()).clone() {
        report.stopped = Some(stop);
        report.stop_reason = Some(stop_words(stop, &reason));
    }
    tracing::info!(stopped = ?report.stopped, still_queued = report.still_queued, "fetch: finished");
    Ok(report)
}

/// A run's shared state.
struct Run {
    library: Arc<Library>,
    options: FetchOptions,
    client: reqwest::Client,
    cancel: CancellationToken,
    deadline: Instant,
    /// When the next access request may go.
    pace: tokio::sync::Mutex<Option<Instant>>,
    gate: Arc<tokio::sync::Semaphore>,
    /// Set once the run must stop (offline, out of time, cancelled).
    stop: Mutex<Option<(FetchStop, String)>>,
    staging: PathBuf,
}

impl Run {
    fn stopped(&self) -> Option<(FetchStop, String)> {
        self.stop.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set_stop(&self, stop: FetchStop, reason: String) -> (FetchStop, String) {
        let mut s = self.stop.lock().unwrap_or_else(|p| p.into_inner());
        s.get_or_insert((stop, reason)).clone()
    }

    /// Runs `fut` unless the run is cancelled or out of time first.
    async fn guard<T>(
        &self,
        fut: impl Future<Output = T>,
    ) -> std::result::Result<T, (FetchStop, String)> {
        if let Some(s) = self.stopped() {
            return Err(s);
        }
        tokio::select! {
            biased;
            _ = self.cancel.cancelled() => Err(self.set_stop(FetchStop::Cancelled, String::new())),
            _ = tokio::time::sleep_until(self.deadline) => Err(self.set_stop(
                FetchStop::OutOfTime,
                format!("{} s", self.options.budget.as_secs()),
            )),
            v = fut => Ok(v),
        }
    }

    /// Waits for the access request's turn.
    async fn pace(&self) {
        let at = {
            let mut next = self.pace.lock().await;
            let now = Instant::now();
            let at = next.map_or(now, |n| n.max(now));
            *next = Some(at + self.options.interval);
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

fn stop_words(stop: FetchStop, reason: &str) -> String {
    match stop {
        FetchStop::Offline => format!("offline: {reason}; still queued"),
        FetchStop::OutOfTime => format!("the time budget ({reason}) ran out; still queued"),
        FetchStop::Cancelled => "cancelled; still queued".to_string(),
    }
}

enum End {
    Done(FetchResult),
    Stopped(FetchStop, String),
}

fn outcome(
    item: &QueuedFetch,
    outcome: FetchOutcome,
    document_id: Option<u32>,
    detail: Option<String>,
) -> FetchResult {
    FetchResult {
        symbol: item.symbol.clone(),
        language: item.language.clone(),
        outcome,
        document_id,
        formats: Vec::new(),
        detail,
    }
}

/// One document in one language: the files it lacks, each downloaded and imported.
async fn fetch_one(ctx: &Run, item: &QueuedFetch) -> End {
    if let Some((stop, reason)) = ctx.stopped() {
        return End::Stopped(stop, reason);
    }
    let (symbol, language, formats) = (item.symbol.clone(), item.language.clone(), item.formats);
    let held = blocking(&ctx.library, move |l| {
        l.holding(&symbol, &language, formats)
    })
    .await;
    let (mut document_id, lacking) = match held {
        Ok(v) => v,
        Err(e) => {
            return End::Done(outcome(
                item,
                FetchOutcome::Failed,
                None,
                Some(e.to_string()),
            ))
        }
    };
    if lacking.is_empty() {
        return End::Done(outcome(item, FetchOutcome::Skipped, document_id, None));
    }
    let mut fetched = Vec::new();
    let mut unchanged = false;
    let mut absent = Vec::new();
    let mut problems = Vec::new();
    let mut other_language = None;
    for format in lacking {
        let bytes = match download(ctx, item, format).await {
            Download::File(bytes) => bytes,
            Download::NoSuchDocument => {
                absent.push(format);
                continue;
            }
            Download::Failed(reason) => {
                problems.push(reason);
                continue;
            }
            Download::Stopped(stop, reason) => return End::Stopped(stop, reason),
        };
        match import(ctx, item, format, bytes).await {
            Ok(FetchedFile::Stored(r)) if r.status == crate::ingest::IngestStatus::Failed => {
                problems.push(
                    r.message
                        .unwrap_or_else(|| "the file could not be read".into()),
                );
            }
            Ok(FetchedFile::Stored(r)) => {
                document_id = r.document_id.or(document_id);
                if r.status == crate::ingest::IngestStatus::Unchanged {
                    unchanged = true;
                } else {
                    fetched.push(format);
                }
                if !item.formats.wants_all() {
                    break;
                }
            }
            Ok(FetchedFile::OtherLanguage(served)) => {
                other_language = Some(served);
                break; // its other files would be the same language
            }
            Ok(FetchedFile::OtherSymbol(served)) => {
                problems.push(format!("the service sent {served} instead"));
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    let mut result = outcome(item, FetchOutcome::Failed, document_id, None);
    if !fetched.is_empty() {
        result.outcome = FetchOutcome::Fetched;
        result.detail = (!absent.is_empty()).then(|| {
            let names: Vec<&str> = absent.iter().map(|f| format_name(*f)).collect();
            format!("no {} published", names.join(" or "))
        });
        result.formats = fetched;
    } else if let Some(served) = other_language {
        result.outcome = FetchOutcome::NotInLanguage;
        result.detail = Some(format!("the service sent the {served} version instead"));
    } else if !problems.is_empty() {
        result.detail = Some(problems.join("; "));
    } else if unchanged {
        result.outcome = FetchOutcome::Skipped;
    } else {
        result.outcome = FetchOutcome::NotFound;
    }
    End::Done(result)
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Pdf => "PDF",
        Format::Docx => "Word file",
        Format::Text => "text file",
    }
}

/// A symbol the service does not have in one language but has (or the
/// library holds) in another is "not published in that language", not
/// "does not exist".
async fn published_elsewhere(
    library: &Arc<Library>,
    report: &mut FetchReport,
    finished: &[(i64, FetchResult)],
) -> Result<()> {
    let records = blocking(library, |l| l.records()).await?;
    let exists = |key: &str| {
        report.results.iter().any(|r| {
            symbols::key(&r.symbol) == key
                && matches!(r.outcome, FetchOutcome::Fetched | FetchOutcome::Skipped)
        }) || records.iter().any(|d| {
            [d.symbol.as_deref(), d.user_symbol.as_deref()]
                .into_iter()
                .flatten()
                .any(|s| symbols::key(s) == key)
        })
    };
    let changed: Vec<usize> = report
        .results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.outcome == FetchOutcome::NotFound && exists(&symbols::key(&r.symbol)))
        .map(|(i, _)| i)
        .collect();
    for i in changed {
        let r = &mut report.results[i];
        r.outcome = FetchOutcome::NotInLanguage;
        r.detail = Some(format!("not published in {}", r.language));
        let row = finished
            .iter()
            .find(|(_, f)| f.symbol == r.symbol && f.language == r.language)
            .map(|(id, _)| *id);
        if let Some(id) = row {
            let stored = r.clone();
            blocking(library, move |l| l.finish_fetch(id, &stored)).await?;
        }
    }
    Ok(())
}

enum Download {
    File(Vec<u8>),
    NoSuchDocument,
    Failed(String),
    Stopped(FetchStop, String),
}

/// What one try came to.
enum Try {
    File(Vec<u8>),
    NoSuchDocument,
    Refused(String),
    Transient {
        reason: String,
        wait: Option<Duration>,
        /// No connection could be made at all.
        unreachable: bool,
    },
}

/// One file of one document: the access request and the file it points to,
/// tried again on transient answers.
async fn download(ctx: &Run, item: &QueuedFetch, format: Format) -> Download {
    let url = match ods::access_url(&ctx.options.service, &item.symbol, &item.language, format) {
        Ok(u) => u,
        Err(e) => return Download::Failed(e),
    };
    let referer = ods::referer(&item.symbol, &item.language);
    let mut tries = 0u32;
    loop {
        tries += 1;
        let attempt = ctx
            .guard(async {
                ctx.pace().await;
                one_try(ctx, &url, &referer, format).await
            })
            .await;
        let (reason, wait, unreachable) = match attempt {
            Err((stop, reason)) => return Download::Stopped(stop, reason),
            Ok(Try::File(bytes)) => return Download::File(bytes),
            Ok(Try::NoSuchDocument) => return Download::NoSuchDocument,
            Ok(Try::Refused(reason)) => return Download::Failed(reason),
            Ok(Try::Transient {
                reason,
                wait,
                unreachable,
            }) => (reason, wait, unreachable),
        };
        tracing::warn!(symbol = %item.symbol, language = %item.language, format = format.as_str(),
            tries, reason = %reason, "fetch: transient answer");
        // An unreachable service is tried once more, not waited out.
        let limit = if unreachable { 1 } else { ctx.options.retries };
        if tries > limit {
            if unreachable {
                let (stop, reason) = ctx.set_stop(FetchStop::Offline, reason);
                return Download::Stopped(stop, reason);
            }
            return Download::Failed(format!("{reason} ({tries} tries)"));
        }
        let pause = wait
            .unwrap_or_else(|| ctx.options.backoff * 2u32.saturating_pow(tries - 1))
            .min(ctx.options.max_wait);
        if let Err((stop, reason)) = ctx.guard(tokio::time::sleep(pause)).await {
            return Download::Stopped(stop, reason);
        }
    }
}

async fn one_try(ctx: &Run, url: &reqwest::Url, referer: &str, format: Format) -> Try {
    let answer = match ctx
        .client
        .get(url.clone())
        .header(reqwest::header::REFERER, referer)
        .send()
        .await
    {
        Ok(a) => a,
        Err(e) => return transient_error(&e, url),
    };
    let header = |name| {
        answer
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let access = ods::access_answer(
        url,
        answer.status().as_u16(),
        header(reqwest::header::LOCATION).as_deref(),
        header(reqwest::header::RETRY_AFTER).as_deref(),
    );
    match access {
        ods::Access::File(file) => file_try(ctx, file, referer, format).await,
        ods::Access::NoSuchDocument => Try::NoSuchDocument,
        ods::Access::Refused(r) => Try::Refused(r),
        ods::Access::Transient { reason, wait } => Try::Transient {
            reason,
            wait,
            unreachable: false,
        },
    }
}

/// The file the access request pointed to (following a few more redirects).
async fn file_try(ctx: &Run, mut url: reqwest::Url, referer: &str, format: Format) -> Try {
    for _ in 0..5 {
        let mut answer = match ctx
            .client
            .get(url.clone())
            .header(reqwest::header::REFERER, referer)
            .send()
            .await
        {
            Ok(a) => a,
            Err(e) => return transient_error(&e, &url),
        };
        let status = answer.status().as_u16();
        if (300..400).contains(&status) {
            let next = answer
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|l| url.join(l).ok());
            match next {
                Some(n) if n.path().eq_ignore_ascii_case("/error") => {
                    return Try::Transient {
                        reason: "the service sent its error page".into(),
                        wait: None,
                        unreachable: false,
                    }
                }
                Some(n) => {
                    url = ods::served_at(n);
                    continue;
                }
                None => {
                    return Try::Refused(format!(
                        "the service answered {status} without saying where"
                    ))
                }
            }
        }
        if status != 200 {
            let retry_after = answer
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            return match ods::transient_status(status, retry_after.as_deref()) {
                Some(ods::Access::Transient { reason, wait }) => Try::Transient {
                    reason,
                    wait,
                    unreachable: false,
                },
                _ => Try::Refused(format!("the file the service pointed to answered {status}")),
            };
        }
        let expected = answer.content_length();
        let limit = crate::extract::MAX_FILE_BYTES;
        if expected.is_some_and(|n| n > limit) {
            return Try::Refused(format!("the file is larger than {} MiB", limit >> 20));
        }
        let mut bytes = Vec::with_capacity(expected.unwrap_or(0).min(limit) as usize);
        loop {
            match answer.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() as u64 + chunk.len() as u64 > limit {
                        return Try::Refused(format!(
                            "the file is larger than {} MiB",
                            limit >> 20
                        ));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => {
                    return Try::Transient {
                        reason: format!(
                            "the connection was cut after {} bytes{} ({})",
                            bytes.len(),
                            expected.map(|n| format!(" of {n}")).unwrap_or_default(),
                            error_chain(&e)
                        ),
                        wait: None,
                        unreachable: false,
                    }
                }
            }
        }
        if let Some(n) = expected.filter(|&n| n != bytes.len() as u64) {
            return Try::Transient {
                reason: format!("the connection was cut after {} bytes of {n}", bytes.len()),
                wait: None,
                unreachable: false,
            };
        }
        return match ods::classify_body(format, &bytes) {
            ods::Body::File => Try::File(bytes),
            ods::Body::WebPage => Try::Transient {
                reason: "the service sent its web page instead of the file".into(),
                wait: None,
                unreachable: false,
            },
            ods::Body::Unusable(r) => Try::Refused(r),
        };
    }
    Try::Refused("the service redirected too many times".into())
}

fn transient_error(e: &reqwest::Error, url: &reqwest::Url) -> Try {
    let host = url.host_str().unwrap_or("the service").to_string();
    let unreachable = e.is_connect();
    let reason = if unreachable {
        format!("cannot reach {host}: {}", error_chain(e))
    } else if e.is_timeout() {
        format!("{host} did not answer in time")
    } else {
        format!("the request to {host} failed: {}", error_chain(e))
    };
    Try::Transient {
        reason,
        wait: None,
        unreachable,
    }
}

/// An error with its causes, innermost last ("error sending request: … : Connection refused").
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut words = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let s_text = s.to_string();
        if !words.contains(&s_text) {
            words.push_str(": ");
            words.push_str(&s_text);
        }
        source = s.source();
    }
    words
}

/// Writes the file where the import reads it, imports it, and removes it.
async fn import(
    ctx: &Run,
    item: &QueuedFetch,
    format: Format,
    bytes: Vec<u8>,
) -> Result<FetchedFile> {
    let path = ctx
        .staging
        .join(file_name(&item.symbol, &item.language, format));
    let (symbol, language) = (item.symbol.clone(), item.language.clone());
    blocking(&ctx.library, move |l| {
        std::fs::write(&path, &bytes).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        let result = l.ingest_fetched(&path, &symbol, &language);
        let _ = std::fs::remove_file(&path);
        result
    })
    .await
}

/// The name a fetched file is kept under: `CAC_COSP_2019_1_zh.docx`.
pub fn file_name(symbol: &str, language: &str, format: Format) -> String {
    let stem: String = symbol
        .chars()
        .filter_map(|c| match c {
            '/' => Some('_'),
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '(' | ')') => Some(c),
            _ => None,
        })
        .collect();
    format!("{stem}_{language}.{}", ods::format_code(format))
}

/// The HTTP client: no automatic redirects (the service's redirect is read,
/// not followed blindly), a bounded silence, the system's proxies.
fn client(options: &FetchOptions) -> Result<reqwest::Client> {
    // reqwest is built without a default TLS provider (aws-lc needs cmake and
    // NASM); ring is installed once for the process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT,
        reqwest::header::HeaderValue::from_static(ods::ACCEPT),
    );
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en-US,en;q=0.9"),
    );
    reqwest::Client::builder()
        .user_agent(ods::USER_AGENT)
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(15))
        .read_timeout(options.read_timeout)
        .build()
        .map_err(|e| Error::Invalid(format!("cannot set up HTTP: {}", error_chain(&e))))
}

/// Runs a library call on the blocking pool (they read files, parse, write SQLite).
async fn blocking<T: Send + 'static>(
    library: &Arc<Library>,
    f: impl FnOnce(&Library) -> Result<T> + Send + 'static,
) -> Result<T> {
    let library = library.clone();
    tokio::task::spawn_blocking(move || f(&library))
        .await
        .map_err(|e| Error::Invalid(format!("a fetch step failed: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetched_files_are_named_by_symbol_and_language() {
        assert_eq!(
            file_name("CAC/COSP/WG.2/2024/2", "zh", Format::Docx),
            "CAC_COSP_WG.2_2024_2_zh.docx"
        );
        assert_eq!(
            file_name("A/81/6 (Sect. 13)/Part A", "en", Format::Pdf),
            "A_81_6(Sect.13)_PartA_en.pdf"
        );
    }
}
