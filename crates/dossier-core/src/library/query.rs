//! The library pane's questions of the listing: which documents match a
//! filter, in which order, and how many there are of each body, year, kind
//! and language. A pure function over [`LibraryListing`] — no database, no
//! index — so the app can call it through one command on the listing it
//! already holds, and tests can call it on plain values.
//!
//! The filter is words separated by spaces; a document matches when every
//! word occurs in one of its fields (symbol, title, body, venue, session,
//! file name, year — its own or its meeting's): "Nairobi 2023" means both
//! words, each in any field. Words and fields are folded as search folds
//! them (`search::analysis::fold_str`: case, Latin accents, Arabic letter
//! forms, full-width forms), and a word is a substring, so "ecole" finds
//! "École" and any run of Chinese characters is found inside a title.

use crate::model::DocumentKind;
use crate::search::analysis::fold_str;
use crate::store::documents::DocumentRecord;
use crate::store::meetings::{LibraryListing, MeetingSummary};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The order of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// The meeting's first day, newest first (undated last).
    #[default]
    Date,
    /// The body, A to Z, then newest first.
    Body,
    /// The symbol, in the order of its parts (A/80/9 before A/80/10);
    /// documents without one last, by file name.
    Symbol,
    /// The last imported first.
    RecentlyAdded,
}

/// What the library pane asks of the listing. Every part is optional: the
/// default is every document, newest meeting first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Query {
    /// Words that must all occur, each in some field.
    pub filter: String,
    pub sort: SortBy,
    /// Only documents of this body (as the facet names it).
    pub body: Option<String>,
    /// Only documents whose meeting began in this year ("2023").
    pub year: Option<String>,
    pub kind: Option<DocumentKind>,
    /// Only documents in this language ("en").
    pub language: Option<String>,
    /// At most this many documents (`total` still counts them all).
    pub limit: Option<u32>,
}

/// One value of a facet and how many documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// The facets of the documents that match. Each facet counts the documents
/// matching the filter and the *other* facets chosen, so that choosing a
/// body still shows how many documents each other body has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Facets {
    /// Most documents first, then A to Z.
    pub body: Vec<FacetCount>,
    /// Newest first.
    pub year: Vec<FacetCount>,
    /// "agenda", "report", "other"; most documents first.
    pub kind: Vec<FacetCount>,
    /// Most documents first.
    pub language: Vec<FacetCount>,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QueryResult {
    /// The documents that match (the latest version of each), in order;
    /// `meeting_id` leads to their meeting in the listing.
    pub documents: Vec<DocumentRecord>,
    pub facets: Facets,
    /// How many documents match, `limit` aside.
    pub total: u32,
}

/// One listed document with what the filter and the facets read of it.
struct Row<'a> {
    record: &'a DocumentRecord,
    /// The folded fields, each ended by a separator no word holds, so that
    /// no word matches across two fields.
    fields: String,
    body: Option<&'a str>,
    year: Option<&'a str>,
    /// The first day, for sorting by date.
    date: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn new(record: &'a DocumentRecord, meeting: Option<&'a MeetingSummary>) -> Row<'a> {
        let dates = record
            .dates
            .as_ref()
            .or_else(|| meeting.and_then(|m| m.dates.as_ref()));
        let date = dates.map(|d| d.start.as_str());
        let year = date.map(|d| &d[..4.min(d.len())]);
        let body = record
            .body
            .as_deref()
            .or_else(|| meeting.and_then(|m| m.body.as_deref()));
        let mut fields = String::new();
        let mut add = |s: Option<&str>| {
            if let Some(s) = s {
                fields.push_str(&fold_str(s));
                fields.push('\u{0}');
            }
        };
        add(record.effective_symbol());
        add(record.suggested_symbol.as_deref());
        add(Some(&record.title));
        add(record.body.as_deref());
        add(record.venue.as_deref());
        add(record.session.as_deref());
        add(Some(&record.file));
        add(year);
        if let Some(m) = meeting {
            add(m.body.as_deref());
            add(m.parent_body.as_deref());
            add(m.venue.as_deref());
            add(m.session.as_deref());
        }
        Row {
            record,
            fields,
            body,
            year,
            date,
        }
    }

    fn matches(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.fields.contains(w.as_str()))
    }
}

/// Which facets a row is measured against.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Body,
    Year,
    Kind,
    Language,
}

fn chosen(q: &Query, row: &Row, except: Option<Facet>) -> bool {
    let ok = |f: Facet, pass: bool| except == Some(f) || pass;
    ok(
        Facet::Body,
        q.body.as_deref().is_none_or(|b| row.body == Some(b)),
    ) && ok(
        Facet::Year,
        q.year.as_deref().is_none_or(|y| row.year == Some(y)),
    ) && ok(Facet::Kind, q.kind.is_none_or(|k| row.record.kind == k))
        && ok(
            Facet::Language,
            q.language
                .as_deref()
                .is_none_or(|l| row.record.language == l),
        )
}

fn counts<'a>(values: impl Iterator<Item = &'a str>) -> Vec<FacetCount> {
    let mut by: BTreeMap<&str, u32> = BTreeMap::new();
    for v in values {
        *by.entry(v).or_default() += 1;
    }
    let mut out: Vec<FacetCount> = by
        .into_iter()
        .map(|(value, count)| FacetCount {
            value: value.to_string(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

/// The documents of `listing` that match `query`, in its order, with the
/// facets and the total.
pub fn filter_sort(listing: &LibraryListing, query: &Query) -> QueryResult {
    let words: Vec<String> = query.filter.split_whitespace().map(fold_str).collect();
    let rows: Vec<Row> = listing
        .meetings
        .iter()
        .flat_map(|m| m.documents.iter().map(move |d| Row::new(d, Some(m))))
        .chain(listing.unfiled.iter().map(|d| Row::new(d, None)))
        .filter(|r| r.matches(&words))
        .collect();
    let facet = |f: Facet, value: &dyn Fn(&Row) -> Option<String>| -> Vec<String> {
        rows.iter()
            .filter(|r| chosen(query, r, Some(f)))
            .filter_map(value)
            .collect()
    };
    let bodies = facet(Facet::Body, &|r| r.body.map(str::to_string));
    let years = facet(Facet::Year, &|r| r.year.map(str::to_string));
    let kinds = facet(Facet::Kind, &|r| Some(r.record.kind.as_str().to_string()));
    let languages = facet(Facet::Language, &|r| Some(r.record.language.clone()));
    let mut year = counts(years.iter().map(String::as_str));
    year.sort_by(|a, b| b.value.cmp(&a.value));
    let facets = Facets {
        body: counts(bodies.iter().map(String::as_str)),
        year,
        kind: counts(kinds.iter().map(String::as_str)),
        language: counts(languages.iter().map(String::as_str)),
    };
    let mut matching: Vec<&Row> = rows.iter().filter(|r| chosen(query, r, None)).collect();
    matching.sort_by(|a, b| order(query.sort, a, b));
    let total = matching.len() as u32;
    let limit = query.limit.map_or(usize::MAX, |l| l as usize);
    QueryResult {
        documents: matching
            .into_iter()
            .take(limit)
            .map(|r| r.record.clone())
            .collect(),
        facets,
        total,
    }
}

/// Newest first, undated last.
fn by_date(a: &Row, b: &Row) -> Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn order(sort: SortBy, a: &Row, b: &Row) -> Ordering {
    let (ra, rb) = (a.record, b.record);
    let then = || by_date(a, b).then_with(|| rb.id.cmp(&ra.id));
    match sort {
        SortBy::Date => then(),
        SortBy::Body => match (a.body, b.body) {
            (Some(x), Some(y)) => fold_str(x).cmp(&fold_str(y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(then),
        SortBy::Symbol => match (ra.effective_symbol(), rb.effective_symbol()) {
            (Some(x), Some(y)) => natural(x, y).then_with(|| ra.language.cmp(&rb.language)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => fold_str(&ra.file).cmp(&fold_str(&rb.file)),
        }
        .then_with(then),
        SortBy::RecentlyAdded => rb
            .ingested_at
            .cmp(&ra.ingested_at)
            .then_with(|| rb.id.cmp(&ra.id)),
    }
}

/// Symbols compared part by part, numbers as numbers: A/80/9 < A/80/10,
/// CAC/COSP/WG.2/2024/2 < CAC/COSP/WG.2/2024/10.
fn natural(a: &str, b: &str) -> Ordering {
    let (a, b) = (fold_str(a), fold_str(b));
    let (mut x, mut y) = (a.as_str(), b.as_str());
    loop {
        match (x.is_empty(), y.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (dx, dy) = (digits(x), digits(y));
        let step = if dx > 0 && dy > 0 {
            let (nx, ny) = (
                x[..dx].trim_start_matches('0'),
                y[..dy].trim_start_matches('0'),
            );
            let o = nx.len().cmp(&ny.len()).then_with(|| nx.cmp(ny));
            (o, dx, dy)
        } else {
            let (cx, cy) = (x.chars().next().unwrap(), y.chars().next().unwrap());
            (cx.cmp(&cy), cx.len_utf8(), cy.len_utf8())
        };
        if step.0 != Ordering::Equal {
            return step.0;
        }
        x = &x[step.1..];
        y = &y[step.2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_sort_by_their_parts() {
        let mut s = vec![
            "A/80/590",
            "A/80/59",
            "A/81/6 (Sect. 13)",
            "CAC/COSP/WG.2/2024/10",
            "CAC/COSP/WG.2/2024/2",
            "A/80/590/Add.1",
        ];
        s.sort_by(|a, b| natural(a, b));
        assert_eq!(
            s,
            [
                "A/80/59",
                "A/80/590",
                "A/80/590/Add.1",
                "A/81/6 (Sect. 13)",
                "CAC/COSP/WG.2/2024/2",
                "CAC/COSP/WG.2/2024/10",
            ]
        );
    }
}
