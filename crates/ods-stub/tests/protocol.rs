//! The stub answers as the real service does, at the level of raw HTTP: what
//! the fetcher's tests rely on it for.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use ods_stub::{Catalogue, Stub};

const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0";

struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

fn send(stub: &Stub, raw: &[u8]) -> Answer {
    let addr = stub.url().trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(raw).unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).unwrap();
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(all[..split].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Answer {
        status,
        head,
        body: all[split + 4..].to_vec(),
    }
}

fn get(stub: &Stub, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut raw = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n");
    for (n, v) in headers {
        raw.push_str(&format!("{n}: {v}\r\n"));
    }
    raw.push_str("\r\n");
    send(stub, raw.as_bytes())
}

fn access(stub: &Stub, symbol_encoded: &str, referer_symbol: &str, lang: &str, t: &str) -> Answer {
    let referer = format!("https://docs.un.org/{lang}/{referer_symbol}");
    get(
        stub,
        &format!("/api/symbol/access?s={symbol_encoded}&l={lang}&t={t}"),
        &[("User-Agent", BROWSER), ("Referer", &referer)],
    )
}

fn stub() -> Stub {
    Stub::start(
        Catalogue::new()
            .file("A/80/1", "en", "docx", b"PK english file".to_vec())
            .file("A/80/1", "fr", "docx", b"PK fichier francais".to_vec()),
    )
    .unwrap()
}

#[test]
fn a_known_document_redirects_to_an_upper_case_path_served_in_lower_case() {
    let stub = stub();
    let a = access(&stub, "A%2F80%2F1", "A/80/1", "fr", "docx");
    assert_eq!(a.status, 302);
    let location = a.header("Location").unwrap().to_string();
    assert!(location.starts_with("/doc/UNDOC/"), "{location}");
    let rest = &location["/doc/".len()..];
    assert_eq!(rest, rest.to_uppercase());
    assert_eq!(get(&stub, &location, &[]).status, 404);
    let file = get(&stub, &location.to_lowercase(), &[]);
    assert_eq!(file.status, 200);
    assert_eq!(file.body, b"PK fichier francais");
    assert_eq!(
        file.header("Content-Length"),
        Some(file.body.len().to_string().as_str())
    );
}

#[test]
fn without_a_browsers_headers_the_answer_is_the_error_page() {
    let stub = stub();
    let bare = get(&stub, "/api/symbol/access?s=A%2F80%2F1&l=en&t=docx", &[]);
    assert_eq!(bare.status, 302);
    assert_eq!(bare.header("Location"), Some("/error"));
    // A browser's agent but the Referer of another document.
    let wrong = get(
        &stub,
        "/api/symbol/access?s=A%2F80%2F1&l=en&t=docx",
        &[
            ("User-Agent", BROWSER),
            ("Referer", "https://docs.un.org/en/A/80/2"),
        ],
    );
    assert_eq!(wrong.header("Location"), Some("/error"));
    assert_eq!(get(&stub, "/error", &[]).status, 200);
}

#[test]
fn an_unknown_symbol_is_a_200_without_a_redirect() {
    let stub = stub();
    let a = access(&stub, "A%2F80%2F999", "A/80/999", "en", "docx");
    assert_eq!(a.status, 200);
    assert!(a.header("Location").is_none());
    assert!(a.header("Content-Type").unwrap_or("").contains("text/html"));
}

#[test]
fn an_unknown_language_gets_the_english_file() {
    let stub = stub();
    let a = access(&stub, "A%2F80%2F1", "A/80/1", "xx", "docx");
    assert_eq!(a.status, 302);
    let file = get(&stub, &a.header("Location").unwrap().to_lowercase(), &[]);
    assert_eq!(file.body, b"PK english file");
}

#[test]
fn a_malformed_request_is_a_400_and_nothing_breaks() {
    let stub = stub();
    assert_eq!(send(&stub, b"\x00\xff garbage\r\n\r\n").status, 400);
    assert_eq!(
        send(&stub, b"GET /error HTTP/1.1\r\nno colon here\r\n\r\n").status,
        400
    );
    assert_eq!(
        get(&stub, "/api/symbol/access?s=%zz&l=en&t=docx", &[]).status,
        400
    );
    assert_eq!(send(&stub, b"POST /error HTTP/1.1\r\n\r\n").status, 405);
    // Still serving.
    assert_eq!(
        access(&stub, "A%2F80%2F1", "A/80/1", "en", "docx").status,
        302
    );
    let logged = stub.requests();
    assert!(logged.iter().any(|r| r.status == 400));
}
