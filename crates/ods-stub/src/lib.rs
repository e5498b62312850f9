//! A loopback HTTP server that imitates the UN Official Document System
//! (ODS), so that tests of Dossier's document fetcher never reach the
//! internet.
//!
//! A [`Catalogue`] holds the files the stub knows (a symbol, a language, a
//! format and the bytes) and the [`Quirk`]s scripted for each; [`Stub::start`]
//! serves it on `127.0.0.1` in background threads (std only: one thread per
//! connection, one request per connection, `Connection: close` on every
//! response, request bodies ignored).
//!
//! # What it answers
//!
//! * `GET /api/symbol/access?s=SYMBOL&l=LANG&t=pdf|docx` (values
//!   percent-encoded, `+` is a space):
//!   - without a browser-like `User-Agent` (one containing `Mozilla/`) and a
//!     `Referer` equal to `https://docs.un.org/{l}/{s}` (compared after
//!     percent-decoding, so the raw and the encoded forms both pass), it
//!     answers `302 Found` with `Location: /error`, as the real service does;
//!   - a language other than `ar zh en fr ru es` is silently read as `en`
//!     (the real service returns the English file);
//!   - when the catalogue holds the file (the symbol compared without case
//!     and spaces), `302 Found` to its upper-case path,
//!     `/doc/UNDOC/GEN/N24/012/34/PDF/N2401234.PDF`: a stable id derived from
//!     the entry (the year from the symbol when it has one);
//!   - when it does not, `200 OK` with a small HTML page and no redirect:
//!     that is how the real service says "no such document".
//! * The file itself is served only at the lower-case form of that path
//!   (`/doc/undoc/gen/n24/012/34/pdf/n2401234.pdf`), `200 OK` with its
//!   `Content-Type` and `Content-Length`; the upper-case path, like every
//!   other unknown path, answers `404`.
//! * `GET /error` answers `200 OK` with a small HTML page.
//! * Another method answers `405`; a malformed request (no request line, a
//!   header without a colon, a bad `%` escape, not UTF-8, headers over 16 KB
//!   or not finished within 5 s) answers `400` and the connection is closed.
//!   The server never panics on what a client sends.
//!
//! # Quirks
//!
//! Scripted per entry (symbol, language, format) with [`Catalogue::quirk`];
//! several may be combined on one entry, and each counted one counts down
//! only when it fires. Access quirks apply to access requests that would
//! otherwise be redirected to the file (good headers, a known entry), in the
//! order they were scripted, one per request:
//!
//! * [`Quirk::TooManyRequests`]`(n)`: the first n answer `429` with `Retry-After: 1`;
//! * [`Quirk::Unavailable`]`(n)`: the first n answer `503`;
//! * [`Quirk::Forbidden`]`(n)`: the first n answer `403`;
//! * [`Quirk::ErrorRedirect`]`(n)`: the first n answer `302 Location: /error`.
//!
//! File quirks apply to requests of the file's (lower-case) path:
//!
//! * [`Quirk::AppShell`]`(n)`: the first n answer `200 text/html` with a
//!   ~1.3 KB single-page-app shell instead of the file;
//! * [`Quirk::CutMidBody`]`(n)`: the first n send the headers with the full
//!   `Content-Length`, half of the body, then close the connection;
//! * [`Quirk::Slow`]`(d)`: every file response sends its headers and the first
//!   1 KB of the body, sleeps `d`, then sends the rest.
//!
//! # Records
//!
//! [`Stub::requests`] gives every request answered so far ([`Request`]:
//! arrival time, path, decoded query, status, `User-Agent`, `Referer`) in the
//! order the connections were accepted; [`Stub::max_in_flight`] the most
//! requests that were being answered at the same time.

mod http;
mod word;

pub use word::word_document;

use std::collections::HashMap;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The six official languages of the UN, as ODS spells them.
const LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// A behaviour scripted for one catalogue entry (see the crate's docs).
#[derive(Clone, Debug)]
pub enum Quirk {
    /// The first n access requests answer `429` with `Retry-After: 1`.
    TooManyRequests(u32),
    /// The first n access requests answer `503`.
    Unavailable(u32),
    /// The first n access requests answer `403`.
    Forbidden(u32),
    /// The first n access requests answer `302 Location: /error` even with good headers.
    ErrorRedirect(u32),
    /// The first n file requests answer a ~1.3 KB HTML app shell instead of the file.
    AppShell(u32),
    /// Every file response stalls this long after the headers and the first 1 KB.
    Slow(Duration),
    /// The first n file responses stop after half of the body.
    CutMidBody(u32),
}

/// One file the stub serves.
#[derive(Clone, Debug)]
struct Entry {
    /// The symbol without spaces, upper case: what requests are matched on.
    key: String,
    language: String,
    format: String,
    bytes: Arc<Vec<u8>>,
    /// The upper-case path the access request redirects to.
    path: String,
    quirks: Vec<Quirk>,
}

/// The files the stub holds and the quirks scripted for them.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    entries: Vec<Entry>,
}

/// The symbol as requests are matched on it: no spaces, upper case.
fn symbol_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn checked_language(language: &str) -> String {
    let l = language.to_ascii_lowercase();
    assert!(
        LANGUAGES.contains(&l.as_str()),
        "ods-stub: {language:?} is not one of {LANGUAGES:?}"
    );
    l
}

fn checked_format(format: &str) -> String {
    let f = format.to_ascii_lowercase();
    assert!(
        f == "pdf" || f == "docx",
        "ods-stub: format {format:?} is neither \"pdf\" nor \"docx\""
    );
    f
}

/// FNV-1a: a hash that is the same on every run and platform.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The two-digit year of a symbol's year ("CAC/COSP/WG.2/2024/2" → 24), else 24.
fn symbol_year(key: &str) -> u64 {
    key.split(['/', '.', '(', ')'])
        .filter_map(|part| part.parse::<u64>().ok())
        .find(|y| (1990..2100).contains(y))
        .map_or(24, |y| y % 100)
}

impl Catalogue {
    /// An empty catalogue.
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    /// Holds `bytes` as the `format` ("pdf" | "docx") of `symbol` in `language`.
    ///
    /// Adding the same entry again replaces its bytes and keeps its path and
    /// quirks. Panics on a language other than the six or another format.
    pub fn file(mut self, symbol: &str, language: &str, format: &str, bytes: Vec<u8>) -> Catalogue {
        let key = symbol_key(symbol);
        let language = checked_language(language);
        let format = checked_format(format);
        if let Some(e) = self.find_mut(&key, &language, &format) {
            e.bytes = Arc::new(bytes);
            return self;
        }
        // A job number like ODS's ("N2401234"): stable per entry, unique in
        // the catalogue (the next free number on a collision).
        let year = symbol_year(&key);
        let mut number = fnv1a(&format!("{key}\n{language}\n{format}")) % 100_000;
        let path = loop {
            let job = format!("N{year:02}{number:05}");
            let ext = format.to_ascii_uppercase();
            let path = format!(
                "/doc/UNDOC/GEN/{}/{}/{}/{ext}/{job}.{ext}",
                &job[..3],
                &job[3..6],
                &job[6..],
            );
            if self.entries.iter().all(|e| e.path != path) {
                break path;
            }
            number = (number + 1) % 100_000;
        };
        self.entries.push(Entry {
            key,
            language,
            format,
            bytes: Arc::new(bytes),
            path,
            quirks: Vec::new(),
        });
        self
    }

    /// Scripts a quirk for that entry (the entry must have been added with `file`; panic otherwise).
    pub fn quirk(mut self, symbol: &str, language: &str, format: &str, quirk: Quirk) -> Catalogue {
        let key = symbol_key(symbol);
        let language = checked_language(language);
        let format = checked_format(format);
        match self.find_mut(&key, &language, &format) {
            Some(e) => e.quirks.push(quirk),
            None => panic!(
                "ods-stub: no {format} of {symbol} in {language} in the catalogue: add it with `file` first"
            ),
        }
        self
    }

    fn find_mut(&mut self, key: &str, language: &str, format: &str) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|e| e.key == key && e.language == language && e.format == format)
    }
}

/// A request the stub answered.
#[derive(Clone, Debug)]
pub struct Request {
    /// When its connection was accepted.
    pub at: Instant,
    /// The path, percent-decoded, without the query ("" when the request was malformed).
    pub path: String,
    /// The query's pairs, decoded (`%XX`, `+` as a space), in their order.
    pub query: Vec<(String, String)>,
    /// The status it was answered with.
    pub status: u16,
    pub user_agent: Option<String>,
    pub referer: Option<String>,
}

impl Request {
    /// The first value of a query parameter.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// What the connection threads share.
struct Shared {
    entries: Vec<Entry>,
    /// The lower-case path of each entry's file → its index.
    by_path: HashMap<String, usize>,
    /// The quirks still to play, per entry (counted ones count down).
    quirks: Vec<Mutex<Vec<Quirk>>>,
    /// Answered requests with the order their connection was accepted in.
    log: Mutex<Vec<(u64, Request)>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    stopping: AtomicBool,
}

/// A running stub server; dropping it stops it.
pub struct Stub {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Stub {
    /// Binds 127.0.0.1 on a free port and serves in background threads (one thread per connection).
    pub fn start(catalogue: Catalogue) -> io::Result<Stub> {
        Stub::start_on(0, catalogue)
    }

    /// Binds 127.0.0.1:port (0 = free port).
    pub fn start_on(port: u16, catalogue: Catalogue) -> io::Result<Stub> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let entries = catalogue.entries;
        let shared = Arc::new(Shared {
            by_path: entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.path.to_lowercase(), i))
                .collect(),
            quirks: entries
                .iter()
                .map(|e| Mutex::new(e.quirks.clone()))
                .collect(),
            entries,
            log: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            stopping: AtomicBool::new(false),
        });
        let accept = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("ods-stub accept".into())
                .spawn(move || accept_loop(listener, shared))?
        };
        Ok(Stub {
            addr,
            shared,
            accept: Some(accept),
        })
    }

    /// "http://127.0.0.1:PORT"
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request answered so far, in the order they arrived.
    pub fn requests(&self) -> Vec<Request> {
        let mut log = lock(&self.shared.log).clone();
        log.sort_by_key(|(seq, _)| *seq);
        log.into_iter().map(|(_, r)| r).collect()
    }

    /// The most requests that were being answered at the same time.
    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for Stub {
    /// Stops accepting and joins the accept thread (a connection to itself
    /// unblocks `accept`). Connections being answered finish on their own.
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// A lock that a panicked holder does not poison for the others.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let seq = AtomicU64::new(0);
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else {
            // Out of descriptors and the like: try again shortly.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let order = seq.fetch_add(1, Ordering::SeqCst);
        let at = Instant::now();
        let shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("ods-stub connection".into())
            .spawn(move || http::serve(stream, order, at, &shared));
        if spawned.is_err() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
