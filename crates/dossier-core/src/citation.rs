//! Citations of UN documents: a line to paste ("…, 7 January 2026,
//! A/80/590, para. 12"), and the records reference managers import —
//! CSL-JSON (Zotero, Mendeley, pandoc) and BibLaTeX.
//!
//! The facts are the document's own: its title, the body that issued it,
//! the session, its date (the date it was distributed, else the meeting's
//! first day), its symbol, and the UN's address for it. The words around
//! them (the locator, the month) are in the document's language.

use crate::annotations::web_annotation::source_iri;
use crate::model::{Document, DocumentKind};
use crate::store::documents::DocumentRecord;
use serde_json::{json, Map, Value};

/// What in a document is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locator {
    Document,
    /// An agenda item, by its number ("3(a)").
    Item(String),
    /// A paragraph, by its printed number ("12").
    Paragraph(String),
}

/// One document to cite: its record and its parsed content.
pub struct Cited<'a> {
    pub record: &'a DocumentRecord,
    pub document: &'a Document,
}

impl Cited<'_> {
    fn symbol(&self) -> Option<&str> {
        self.record.effective_symbol()
    }

    /// The date it bears: distributed, else the meeting's first day (ISO).
    fn date(&self) -> Option<(i32, u32, u32)> {
        let iso = self.document.distributed.as_deref().or(self
            .record
            .dates
            .as_ref()
            .map(|d| d.start.as_str()))?;
        let mut parts = iso.split('-').map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y as i32, m, d))
    }

    fn url(&self) -> Option<String> {
        self.symbol()
            .map(|s| source_iri(Some(s), &self.record.language, &self.record.series))
    }
}

/// A citation to paste: title, body, session, date, symbol and locator,
/// those the document has, in its language's words.
pub fn citation(c: &Cited, locator: &Locator) -> String {
    let lang = c.record.language.as_str();
    let mut parts: Vec<String> = Vec::new();
    let title = c.record.title.trim();
    if !title.is_empty() {
        parts.push(quoted(lang, title));
    }
    for p in [c.record.body.as_deref(), c.record.session.as_deref()]
        .into_iter()
        .flatten()
    {
        if !p.trim().is_empty() && !parts.iter().any(|q| q.contains(p.trim())) {
            parts.push(p.trim().to_string());
        }
    }
    if let Some((y, m, d)) = c.date() {
        parts.push(long_date(lang, y, m, d));
    }
    if let Some(s) = c.symbol() {
        parts.push(s.to_string());
    }
    match locator {
        Locator::Document => {}
        Locator::Item(n) => parts.push(item_word(lang, n)),
        Locator::Paragraph(n) => parts.push(paragraph_word(lang, n)),
    }
    let sep = match lang {
        "zh" => "，",
        "ar" => "، ",
        _ => ", ",
    };
    let end = if lang == "zh" { "。" } else { "." };
    format!("{}{end}", parts.join(sep))
}

/// A CSL-JSON item (CSL 1.0.2 input data) for one document.
pub fn csl_item(c: &Cited, id: &str) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert(
        "type".into(),
        json!(match c.record.kind {
            DocumentKind::Report => "report",
            DocumentKind::Agenda | DocumentKind::Other => "document",
        }),
    );
    m.insert("title".into(), json!(c.record.title));
    if let Some(body) = c.record.body.as_deref().filter(|b| !b.trim().is_empty()) {
        m.insert("author".into(), json!([{ "literal": body }]));
    }
    m.insert("publisher".into(), json!("United Nations"));
    if let Some(s) = c.symbol() {
        m.insert("number".into(), json!(s));
    }
    m.insert("genre".into(), json!(genre(c.record.kind)));
    if let Some(session) = c.record.session.as_deref() {
        m.insert("collection-title".into(), json!(session));
    }
    if let Some(body) = c.record.body.as_deref() {
        let event = match c.record.session.as_deref() {
            Some(s) => format!("{body}, {s}"),
            None => body.to_string(),
        };
        m.insert("event".into(), json!(event));
    }
    if let Some(v) = c.record.venue.as_deref() {
        m.insert("event-place".into(), json!(v));
    }
    if let Some(d) = &c.record.dates {
        let parts =
            |iso: &str| -> Vec<u32> { iso.split('-').filter_map(|p| p.parse().ok()).collect() };
        m.insert(
            "event-date".into(),
            json!({ "date-parts": [parts(&d.start), parts(&d.end)] }),
        );
    }
    if let Some((y, mo, d)) = c.date() {
        m.insert("issued".into(), json!({ "date-parts": [[y, mo, d]] }));
    }
    m.insert("language".into(), json!(c.record.language));
    if let Some(url) = c.url() {
        m.insert("URL".into(), json!(url));
    }
    Value::Object(m)
}

/// CSL-JSON for documents: an array of items, each `id` unique.
pub fn csl_json(docs: &[Cited]) -> Value {
    let keys = keys(docs);
    Value::Array(
        docs.iter()
            .zip(&keys)
            .map(|(c, k)| csl_item(c, k))
            .collect(),
    )
}

/// BibLaTeX entries (`@report` for reports, `@misc` otherwise), keys unique.
pub fn biblatex(docs: &[Cited]) -> String {
    let keys = keys(docs);
    let mut out = String::new();
    for (c, key) in docs.iter().zip(&keys) {
        let kind = if c.record.kind == DocumentKind::Report {
            "report"
        } else {
            "misc"
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        if let Some(body) = c.record.body.as_deref().filter(|b| !b.trim().is_empty()) {
            // A body is an organisation: braced, so it is never read as a person's name.
            fields.push(("author", format!("{{{}}}", tex(body))));
        }
        // Braced whole: a UN title's capitals are its own (an English entry's
        // title is otherwise put in sentence case: "united nations").
        fields.push(("title", format!("{{{}}}", tex(&c.record.title))));
        if kind == "report" {
            fields.push(("institution", "United Nations".into()));
            fields.push(("type", tex(genre(c.record.kind))));
        } else {
            fields.push(("publisher", "United Nations".into()));
            fields.push(("howpublished", tex(genre(c.record.kind))));
        }
        if let Some(s) = c.symbol() {
            fields.push(("number", tex(s)));
        }
        if let Some((y, m, d)) = c.date() {
            fields.push(("date", format!("{y:04}-{m:02}-{d:02}")));
        }
        if let Some(body) = c.record.body.as_deref() {
            let event = match c.record.session.as_deref() {
                Some(s) => format!("{body}, {s}"),
                None => body.to_string(),
            };
            fields.push(("eventtitle", format!("{{{}}}", tex(&event))));
        }
        if let Some(v) = c.record.venue.as_deref() {
            fields.push(("venue", tex(v)));
        }
        if let Some(d) = &c.record.dates {
            fields.push(("eventdate", format!("{}/{}", d.start, d.end)));
        }
        fields.push(("langid", langid(&c.record.language).into()));
        if let Some(url) = c.url() {
            fields.push(("url", url));
        }
        out.push_str(&format!("@{kind}{{{key},\n"));
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// A key per document from its symbol ("A_80_590"), else its title's first
/// words; the language added when the same symbol comes in several; made
/// unique with a letter.
fn keys(docs: &[Cited]) -> Vec<String> {
    let base = |c: &Cited| -> String {
        let source = c.symbol().map(str::to_string).unwrap_or_else(|| {
            c.record
                .title
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        });
        let k: String = source
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
            .collect();
        let k = k.trim_matches('_').to_string();
        if k.is_empty() {
            format!("doc{}", c.record.id)
        } else {
            k
        }
    };
    let bases: Vec<String> = docs.iter().map(base).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, c) in docs.iter().enumerate() {
        let shared = bases.iter().filter(|b| **b == bases[i]).count() > 1;
        let mut k = if shared {
            format!("{}_{}", bases[i], c.record.language)
        } else {
            bases[i].clone()
        };
        let stem = k.clone();
        let mut n = 0u8;
        while out.contains(&k) {
            k = format!("{stem}{}", (b'a' + n) as char);
            n = n.saturating_add(1);
        }
        out.push(k);
    }
    out
}

fn genre(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Agenda => "Provisional agenda",
        DocumentKind::Report => "Report",
        DocumentKind::Other => "UN document",
    }
}

fn langid(lang: &str) -> &'static str {
    match lang {
        "ar" => "arabic",
        "zh" => "chinese",
        "fr" => "french",
        "ru" => "russian",
        "es" => "spanish",
        _ => "english",
    }
}

/// Text for a BibLaTeX field: TeX's special characters escaped, line breaks
/// as spaces.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn quoted(lang: &str, title: &str) -> String {
    match lang {
        "fr" => format!("« {title} »"),
        "es" => format!("«{title}»"),
        "ru" => format!("«{title}»"),
        "zh" => format!("《{title}》"),
        "ar" => format!("«{title}»"),
        _ => format!("\u{201c}{title}\u{201d}"),
    }
}

fn item_word(lang: &str, n: &str) -> String {
    match lang {
        "fr" => format!("point {n}"),
        "es" => format!("tema {n}"),
        "ru" => format!("пункт {n}"),
        "zh" => format!("项目{n}"),
        "ar" => format!("البند {n}"),
        _ => format!("item {n}"),
    }
}

fn paragraph_word(lang: &str, n: &str) -> String {
    match lang {
        "fr" => format!("par. {n}"),
        "es" => format!("párr. {n}"),
        "ru" => format!("п. {n}"),
        "zh" => format!("第{n}段"),
        "ar" => format!("الفقرة {n}"),
        _ => format!("para. {n}"),
    }
}

/// A date written out, with the month names the parser reads dates by
/// (`parse::vocabulary::MONTHS`: the written form first).
fn long_date(lang: &str, y: i32, m: u32, d: u32) -> String {
    let i = (m as usize).saturating_sub(1).min(11);
    let names = |code: &str| {
        crate::parse::vocabulary::MONTHS
            .iter()
            .find(|(l, _)| *l == code)
            .map(|(_, months)| months[i])
            .unwrap_or(&[])
    };
    let first = |code: &str| names(code).first().copied().unwrap_or_default();
    match lang {
        "fr" => format!("{d} {} {y}", first("fr")),
        "es" => format!("{d} de {} de {y}", first("es")),
        "ru" => format!("{d} {} {y} года", first("ru")),
        "zh" => format!("{y}年{m}月{d}日"),
        // The UN's Arabic names both months: the Levantine, then the Western.
        "ar" => format!(
            "{d} {}/{} {y}",
            names("ar").last().copied().unwrap_or_default(),
            first("ar")
        ),
        _ => {
            let mut month = first("en").chars();
            let cap: String = month
                .next()
                .map(|c| c.to_uppercase().chain(month).collect())
                .unwrap_or_default();
            format!("{d} {cap} {y}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_specials_are_escaped() {
        assert_eq!(tex("R&D 100% #1 a_b {x} ~^\\"), "R\\&D 100\\% \\#1 a\\_b \\{x\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    }

    #[test]
    fn dates_read_in_each_language() {
        assert_eq!(long_date("en", 2026, 1, 7), "7 January 2026");
        assert_eq!(long_date("fr", 2026, 8, 1), "1 août 2026");
        assert_eq!(long_date("zh", 2024, 6, 12), "2024年6月12日");
        assert_eq!(long_date("ru", 2024, 6, 12), "12 июня 2024 года");
        assert_eq!(long_date("es", 2024, 6, 12), "12 de junio de 2024");
        assert_eq!(long_date("ar", 2024, 6, 12), "12 حزيران/يونيه 2024");
        assert_eq!(long_date("en", 2024, 5, 3), "3 May 2024");
    }
}
