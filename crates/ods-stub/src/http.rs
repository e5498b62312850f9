//! One connection: read the request's head, answer it, close.
//!
//! The head is read up to its blank line (`\r\n\r\n`, or `\n\n` from a
//! sloppy client) with a 16 KB cap and a 5 s read timeout; anything the
//! client sends after it (a body) is ignored. Every response carries
//! `Content-Length` and `Connection: close`.

use crate::{lock, Entry, Quirk, Request, Shared, LANGUAGES};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The most a request's head may take.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its head.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How much of a slow file is sent before the pause.
const SLOW_FIRST: usize = 1024;

/// What the client sent, parsed.
struct Head {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
}

impl Head {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// How a response's body goes out.
enum Delivery {
    Whole,
    /// The first [`SLOW_FIRST`] bytes, a pause, the rest.
    Slow(Duration),
    /// Half of the body, then the connection is closed.
    Cut,
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    delivery: Delivery,
}

impl Response {
    fn new(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delivery: Delivery::Whole,
        }
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    fn html(status: u16, title: &str, text: &str) -> Response {
        let page = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
             <body><h1>{title}</h1><p>{text}</p></body></html>\n"
        );
        Response::body(status, "text/html; charset=utf-8", page.into_bytes())
    }

    fn body(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        let mut r = Response::new(status).header("Content-Type", content_type);
        r.body = body;
        r
    }

    fn redirect(location: &str) -> Response {
        Response::new(302).header("Location", location)
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Answers the one request of a connection.
pub(crate) fn serve(mut stream: TcpStream, order: u64, at: Instant, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let raw = match read_head(&mut stream) {
        // Connected and went away without a word (the stub's own wake-up call).
        Ok(None) => return,
        Ok(Some(raw)) => Some(raw),
        Err(()) => None,
    };
    let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let head = raw.and_then(|raw| parse_head(&raw));
    let response = match &head {
        Some(head) => route(head, shared),
        None => Response::html(400, "Bad Request", "The request could not be read."),
    };
    let record = Request {
        at,
        path: head.as_ref().map(|h| h.path.clone()).unwrap_or_default(),
        query: head.as_ref().map(|h| h.query.clone()).unwrap_or_default(),
        status: response.status,
        user_agent: head
            .as_ref()
            .and_then(|h| h.header("user-agent"))
            .map(str::to_string),
        referer: head
            .as_ref()
            .and_then(|h| h.header("referer"))
            .map(str::to_string),
    };
    lock(&shared.log).push((order, record));
    let cut = matches!(response.delivery, Delivery::Cut);
    // No longer in flight just before the last bytes go out: once they are
    // written the client may finish and send its next request before this
    // thread runs again.
    let mut finished = Some(|| {
        shared.in_flight.fetch_sub(1, Ordering::SeqCst);
    });
    let _ = write_response(&mut stream, &response, &mut || {
        if let Some(f) = finished.take() {
            f()
        }
    });
    if let Some(f) = finished.take() {
        f()
    }
    if cut {
        let _ = stream.shutdown(Shutdown::Both);
    } else {
        linger(stream);
    }
}

/// Reads up to the blank line that ends the head: `Ok(None)` when the client
/// sent nothing at all, `Err` when the head is too long, late or broken off.
fn read_head(stream: &mut TcpStream) -> Result<Option<Vec<u8>>, ()> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) if buf.is_empty() => return Ok(None),
            Ok(0) => return Err(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) if buf.is_empty() => return Ok(None),
            Err(_) => return Err(()),
        };
        // Look for the end from just before the new bytes (it may straddle reads).
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        let end = find(&buf[from..], b"\r\n\r\n")
            .map(|i| from + i + 4)
            .or_else(|| find(&buf[from..], b"\n\n").map(|i| from + i + 2));
        if let Some(end) = end.filter(|&end| end <= MAX_HEAD) {
            buf.truncate(end);
            return Ok(Some(buf));
        }
        if buf.len() > MAX_HEAD {
            return Err(());
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The request line and headers; `None` when they are malformed.
fn parse_head(raw: &[u8]) -> Option<Head> {
    let text = std::str::from_utf8(raw).ok()?;
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    let mut parts = lines.next()?.split(' ').filter(|p| !p.is_empty());
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !version.starts_with("HTTP/1.")
        || !target.starts_with('/')
        || !method.bytes().all(|b| b.is_ascii_uppercase())
    {
        return None;
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = String::from_utf8(decode(path, false)?).ok()?;
    let mut pairs = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let k = String::from_utf8_lossy(&decode(k, true)?).into_owned();
        let v = String::from_utf8_lossy(&decode(v, true)?).into_owned();
        pairs.push((k, v));
    }
    let mut headers = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return None;
        }
        headers.push((name.to_string(), value.trim().to_string()));
    }
    Some(Head {
        method: method.to_string(),
        path,
        query: pairs,
        headers,
    })
}

/// Percent-decoding (`+` as a space when `plus`); `None` on a bad escape.
pub(crate) fn decode(s: &str, plus: bool) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

fn route(head: &Head, shared: &Shared) -> Response {
    if head.method != "GET" {
        return Response::html(405, "Method Not Allowed", "Only GET is served.")
            .header("Allow", "GET");
    }
    match head.path.as_str() {
        "/api/symbol/access" => access(head, shared),
        "/error" => Response::html(
            200,
            "Error",
            "An error occurred while processing your request.",
        ),
        path => match shared.by_path.get(path) {
            Some(&i) => file(i, shared),
            None => Response::html(404, "Not Found", "The requested URL was not found."),
        },
    }
}

/// The Referer a browser on docs.un.org sends, compared after decoding.
fn referer_matches(referer: &str, language: &str, symbol: &str) -> bool {
    let wanted = format!("https://docs.un.org/{language}/{symbol}");
    referer == wanted
        || [false, true].into_iter().any(|plus| {
            decode(referer, plus).is_some_and(|d| String::from_utf8_lossy(&d) == wanted)
        })
}

fn access(head: &Head, shared: &Shared) -> Response {
    let symbol = head.param("s").unwrap_or("");
    let language = head.param("l").unwrap_or("");
    let browser = head
        .header("user-agent")
        .is_some_and(|ua| ua.contains("Mozilla/"));
    let referred = head
        .header("referer")
        .is_some_and(|r| referer_matches(r, language, symbol));
    if !browser || !referred {
        return Response::redirect("/error");
    }
    let language = language.to_ascii_lowercase();
    let language = if LANGUAGES.contains(&language.as_str()) {
        language.as_str()
    } else {
        "en"
    };
    let format = head.param("t").unwrap_or("").to_ascii_lowercase();
    let key = crate::symbol_key(symbol);
    let found = shared
        .entries
        .iter()
        .position(|e| e.key == key && e.language == language && e.format == format);
    let Some(i) = found else {
        return Response::html(
            200,
            "Official Document System",
            "No document was found for this symbol and language.",
        );
    };
    let mut quirks = lock(&shared.quirks[i]);
    for quirk in quirks.iter_mut() {
        let response = match quirk {
            Quirk::TooManyRequests(n) if *n > 0 => {
                *n -= 1;
                Response::html(429, "Too Many Requests", "Slow down.").header("Retry-After", "1")
            }
            Quirk::Unavailable(n) if *n > 0 => {
                *n -= 1;
                Response::html(503, "Service Unavailable", "Try again later.")
            }
            Quirk::Forbidden(n) if *n > 0 => {
                *n -= 1;
                Response::html(403, "Forbidden", "Access denied.")
            }
            Quirk::ErrorRedirect(n) if *n > 0 => {
                *n -= 1;
                Response::redirect("/error")
            }
            _ => continue,
        };
        return response;
    }
    Response::redirect(&shared.entries[i].path)
}

fn content_type(entry: &Entry) -> &'static str {
    match entry.format.as_str() {
        "pdf" => "application/pdf",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
}

fn file(i: usize, shared: &Shared) -> Response {
    let entry = &shared.entries[i];
    let mut delivery = Delivery::Whole;
    let mut shell = false;
    for quirk in lock(&shared.quirks[i]).iter_mut() {
        match quirk {
            Quirk::AppShell(n) if *n > 0 && !shell => {
                *n -= 1;
                shell = true;
            }
            Quirk::CutMidBody(n) if *n > 0 && !matches!(delivery, Delivery::Cut) && !shell => {
                *n -= 1;
                delivery = Delivery::Cut;
            }
            Quirk::Slow(d) if matches!(delivery, Delivery::Whole) => delivery = Delivery::Slow(*d),
            _ => {}
        }
    }
    if shell {
        return Response::body(200, "text/html; charset=utf-8", app_shell());
    }
    let mut response = Response::body(200, content_type(entry), entry.bytes.to_vec());
    response.delivery = delivery;
    response
}

/// The page a single-page app serves for any path it routes itself: about 1.3 KB.
fn app_shell() -> Vec<u8> {
    const SIZE: usize = 1300;
    let head = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
        <title>Official Document System</title>\n<link rel=\"icon\" href=\"/favicon.ico\">\n\
        <script type=\"module\" crossorigin src=\"/assets/index-4f2a9c1e.js\"></script>\n\
        <link rel=\"stylesheet\" crossorigin href=\"/assets/index-b71d03aa.css\">\n</head>\n\
        <body>\n<noscript>You need to enable JavaScript to run this app.</noscript>\n\
        <div id=\"root\"></div>\n<script src=\"/assets/vendor-9c3e51d0.js\"></script>\n";
    let tail = "</body>\n</html>\n";
    let mut page = String::from(head);
    // The rest is the kind of inline configuration such shells carry.
    page.push_str(
        "<script>window.__ODS_CONFIG__={\"locale\":\"en\",\"build\":\"2024.3\"};</script>\n<!-- ",
    );
    while page.len() + " -->\n".len() + tail.len() < SIZE {
        page.push('.');
    }
    page.push_str(" -->\n");
    page.push_str(tail);
    page.into_bytes()
}

fn write_response(stream: &mut TcpStream, r: &Response, last: &mut dyn FnMut()) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        r.body.len()
    ));
    // A client may act on the head alone (a redirect's body is not read),
    // so the head goes out with the end of the answer, or after `last`.
    match r.delivery {
        Delivery::Whole => {
            last();
            stream.write_all(&[head.as_bytes(), &r.body].concat())?
        }
        Delivery::Slow(pause) => {
            let first = r.body.len().min(SLOW_FIRST);
            stream.write_all(&[head.as_bytes(), &r.body[..first]].concat())?;
            stream.flush()?;
            std::thread::sleep(pause);
            last();
            stream.write_all(&r.body[first..])?;
        }
        Delivery::Cut => {
            last();
            stream.write_all(&[head.as_bytes(), &r.body[..r.body.len() / 2]].concat())?
        }
    }
    stream.flush()
}

/// Closes gently: our side first, then what the client still sends is read
/// away (briefly), so that an unread request body does not make the system
/// reset the connection before the client has read the response.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut total = 0usize;
    while let Ok(n) = stream.read(&mut sink) {
        total += n;
        if n == 0 || total > 1 << 20 {
            break;
        }
    }
}
