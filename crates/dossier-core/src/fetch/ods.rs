//! The Official Document System's protocol, as its public clients know it:
//! the request to send for a symbol, and what each kind of answer means.
//! Pure functions, so that every quirk is tested without a network.
//!
//! - `GET {service}/api/symbol/access?s=SYMBOL&l=LANG&t=pdf|docx` answers a
//!   redirect (302) to `/doc/…` when it has the file. The path comes back in
//!   upper case but the file is served at its lower-case form.
//! - A 200 without a redirect means it has no such document (in that
//!   format and language).
//! - Without browser-like headers, including a `Referer` of the form
//!   `https://docs.un.org/{lang}/{symbol}`, it redirects to `/error`.
//! - A redirect to `/error`, a 429, a 403, a 5xx, and a 200 whose body is
//!   its ~1.3 KB web-app shell instead of a file are transient: try again
//!   later.
//! - An unknown language code silently gets the English file (so the
//!   language of what arrives is checked after parsing).

use crate::store::renditions::Format;
use std::time::Duration;

/// The service.
pub const SERVICE: &str = "https://documents.un.org";

/// What the requests say they are: the service answers browsers only.
pub const USER_AGENT: &str = concat!(
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ",
    "Chrome/124.0 Safari/537.36 Dossier/",
    env!("CARGO_PKG_VERSION")
);
pub const ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// The page a browser would be on when it asks for the file.
pub fn referer(symbol: &str, language: &str) -> String {
    format!("https://docs.un.org/{language}/{symbol}")
}

/// The `t` parameter of a format.
pub fn format_code(format: Format) -> &'static str {
    match format {
        Format::Pdf => "pdf",
        _ => "docx",
    }
}

/// The access request for a symbol, language and format.
pub fn access_url(
    service: &str,
    symbol: &str,
    language: &str,
    format: Format,
) -> Result<reqwest::Url, String> {
    let base = format!("{}/api/symbol/access", service.trim_end_matches('/'));
    reqwest::Url::parse_with_params(
        &base,
        [("s", symbol), ("l", language), ("t", format_code(format))],
    )
    .map_err(|e| format!("the service address {service:?} is not a URL: {e}"))
}

/// What an answer of the access request means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// The file is at this address.
    File(reqwest::Url),
    /// The service has no such document in that language and format.
    NoSuchDocument,
    /// Try again later (after `wait`, when the service said).
    Transient {
        reason: String,
        wait: Option<Duration>,
    },
    /// An answer no retry will change.
    Refused(String),
}

/// Reads the access request's answer: its status, `Location` and `Retry-After`.
pub fn access_answer(
    request: &reqwest::Url,
    status: u16,
    location: Option<&str>,
    retry_after: Option<&str>,
) -> Access {
    match status {
        300..=399 => match location.and_then(|l| request.join(l).ok()) {
            Some(url) if is_error_page(&url) => Access::Transient {
                reason: "the service sent its error page".into(),
                wait: None,
            },
            Some(url) => Access::File(served_at(url)),
            None => Access::Transient {
                reason: format!("the service answered {status} without saying where"),
                wait: None,
            },
        },
        200 => Access::NoSuchDocument,
        404 | 410 => Access::NoSuchDocument,
        _ => transient_status(status, retry_after)
            .unwrap_or_else(|| Access::Refused(format!("the service answered {status}"))),
    }
}

/// 429, 403 and 5xx: the service is busy or turned the request away for now.
pub fn transient_status(status: u16, retry_after: Option<&str>) -> Option<Access> {
    let reason = match status {
        429 => "the service asked to slow down (429)".to_string(),
        403 => "the service refused the request for now (403)".to_string(),
        500..=599 => format!("the service failed ({status})"),
        408 => "the service timed out (408)".to_string(),
        _ => return None,
    };
    Some(Access::Transient {
        reason,
        wait: retry_after.and_then(parse_retry_after),
    })
}

/// `Retry-After` in seconds (the HTTP-date form is not worth a date parser:
/// the usual back-off applies then).
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    v.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn is_error_page(url: &reqwest::Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    path == "/error" || path.starts_with("/error/") || path.starts_with("/error?")
}

/// The redirect's `/doc/…` path comes back in upper case; the file is
/// served at the lower-case path.
pub fn served_at(mut url: reqwest::Url) -> reqwest::Url {
    if url.path().to_ascii_lowercase().starts_with("/doc/") {
        let lower = url.path().to_ascii_lowercase();
        url.set_path(&lower);
    }
    url
}

/// What a file answer's body turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A file of the format asked for.
    File,
    /// The service's web page instead of the file: transient.
    WebPage,
    /// Something Dossier cannot read as that format (an old .doc, an image).
    Unusable(String),
}

/// Tells a file from the web-app shell by its first bytes.
pub fn classify_body(format: Format, bytes: &[u8]) -> Body {
    let head = &bytes[..bytes.len().min(1024)];
    let is_pdf = head.windows(5).any(|w| w == b"%PDF-");
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    match format {
        Format::Pdf if is_pdf => return Body::File,
        Format::Docx if is_zip => return Body::File,
        _ => {}
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') && (text.contains("<html") || text.contains("<!doctype")) {
        return Body::WebPage;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Body::Unusable(
            "the service sent an old Word (.doc) file, which Dossier does not read".into(),
        );
    }
    if bytes.is_empty() {
        return Body::WebPage;
    }
    Body::Unusable(format!(
        "the service sent a file that is not a {}",
        match format {
            Format::Pdf => "PDF",
            _ => "Word document",
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> reqwest::Url {
        access_url(SERVICE, "CAC/COSP/2019/1", "zh", Format::Docx).unwrap()
    }

    #[test]
    fn the_request_names_symbol_language_and_format() {
        let u = access_url(SERVICE, "A/81/6 (Sect. 13)/Part A", "fr", Format::Pdf).unwrap();
        assert_eq!(
            u.as_str(),
            "https://documents.un.org/api/symbol/access?s=A%2F81%2F6+%28Sect.+13%29%2FPart+A&l=fr&t=pdf"
        );
        assert_eq!(
            referer("CAC/COSP/2019/1", "zh"),
            "https://docs.un.org/zh/CAC/COSP/2019/1"
        );
    }

    #[test]
    fn a_redirect_to_an_upper_case_path_is_followed_in_lower_case() {
        let a = access_answer(
            &req(),
            302,
            Some("/doc/UNDOC/GEN/V19/087/66/DOCX/V1908766.DOCX"),
            None,
        );
        assert_eq!(
            a,
            Access::File(
                "https://documents.un.org/doc/undoc/gen/v19/087/66/docx/v1908766.docx"
                    .parse()
                    .unwrap()
            )
        );
    }

    #[test]
    fn each_answer_means_what_the_service_means_by_it() {
        assert_eq!(
            access_answer(&req(), 200, None, None),
            Access::NoSuchDocument
        );
        assert!(matches!(
            access_answer(&req(), 302, Some("/error"), None),
            Access::Transient { .. }
        ));
        assert!(matches!(
            access_answer(&req(), 302, Some("https://documents.un.org/Error"), None),
            Access::Transient { .. }
        ));
        assert_eq!(
            access_answer(&req(), 429, None, Some("7")),
            Access::Transient {
                reason: "the service asked to slow down (429)".into(),
                wait: Some(Duration::from_secs(7))
            }
        );
        for s in [403, 500, 502, 503] {
            assert!(matches!(
                access_answer(&req(), s, None, None),
                Access::Transient { .. }
            ));
        }
        assert!(matches!(
            access_answer(&req(), 400, None, None),
            Access::Refused(_)
        ));
    }

    #[test]
    fn the_web_app_shell_is_not_a_file() {
        let shell = format!(
            "<!doctype html><html><head><title>ODS</title></head><body><div id=\"root\"></div>{}</body></html>",
            " ".repeat(1200)
        );
        assert_eq!(classify_body(Format::Pdf, shell.as_bytes()), Body::WebPage);
        assert_eq!(classify_body(Format::Docx, shell.as_bytes()), Body::WebPage);
        assert_eq!(classify_body(Format::Pdf, b"%PDF-1.7\n..."), Body::File);
        assert_eq!(classify_body(Format::Docx, b"PK\x03\x04...."), Body::File);
        assert!(matches!(
            classify_body(Format::Docx, &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
            Body::Unusable(_)
        ));
        assert!(matches!(
            classify_body(Format::Pdf, b"PK\x03\x04"),
            Body::Unusable(_)
        ));
    }
}
