//! The library's passages as files a search cluster ingests: the `_bulk`
//! NDJSON of OpenSearch and Elasticsearch (an action line naming the index
//! and the `_id`, then the passage) and Quickwit's NDJSON (the passages
//! alone). The passages are the search index's own ([`super::passages`]);
//! ARCHITECTURE.md ("Beyond one machine") has the format, the indexes and
//! their mappings (`docs/search-cluster/`).
//!
//! - **An index per language** (`dossier-passages-en`, `-zh`, …), so each
//!   gets its own analyzer; a document of no language ("und") or of a code
//!   not among the six goes to `dossier-passages-und`.
//! - **A stable `_id` per passage**: the document's series (its symbol
//!   without Rev./Corr., and its language; or its file name and language)
//!   and version in the library, and the passage's place:
//!   `A/80/590#en@1:paragraph=12`. Exporting the same library again writes
//!   the same ids, so a cluster updates its copies instead of adding more.
//! - **The store's generation** in every passage: what a re-export did not
//!   write again (an older version, a document since removed) is what has
//!   a lower one, and one `_delete_by_query` removes it.

use super::passages::{Location, Passage, PassageKind};
use crate::model::{DateRange, DocumentKind};
use serde::{Serialize, Serializer};
use std::collections::HashSet;
use std::io::{self, Write};

/// What every index name starts with; the language code follows.
pub const INDEX_PREFIX: &str = "dossier-passages-";

/// The languages with an index of their own: the six, then "und" for text
/// in none of them.
pub const INDEX_LANGUAGES: [&str; 7] = ["ar", "zh", "en", "fr", "ru", "es", "und"];

/// The longest `_id` Elasticsearch and OpenSearch take, in bytes.
pub const MAX_ID_BYTES: usize = 512;

/// The language whose index a document's passages go to.
pub fn index_language(language: &str) -> &str {
    if INDEX_LANGUAGES.contains(&language) {
        language
    } else {
        "und"
    }
}

/// The index a document's passages go to (`dossier-passages-zh`).
pub fn index_name(language: &str) -> String {
    format!("{INDEX_PREFIX}{}", index_language(language))
}

/// Which cluster the file is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BulkFormat {
    /// OpenSearch and Elasticsearch `_bulk`: an `index` action line before
    /// each passage.
    #[default]
    Bulk,
    /// Quickwit's ingest: one passage per line. (Quickwit has no `_id`; the
    /// passage's `passage_id` is in its line.)
    Quickwit,
}

/// The facts of a document every one of its passages carries.
#[derive(Debug, Serialize)]
pub struct BulkDocument<'a> {
    /// The document's id in this library.
    #[serde(rename = "document_id")]
    pub id: u32,
    pub series: &'a str,
    pub version: u32,
    /// The printed symbol, else the one the user gave.
    pub symbol: Option<&'a str>,
    pub title: &'a str,
    /// The body holding the meeting.
    pub body: Option<&'a str>,
    pub session: Option<&'a str>,
    pub venue: Option<&'a str>,
    /// The meeting's first and last day; null unless both are ISO dates
    /// (a cluster refuses a whole passage over a date it cannot read).
    #[serde(serialize_with = "iso_dates")]
    pub dates: Option<&'a DateRange>,
    pub kind: DocumentKind,
    pub language: &'a str,
}

/// One line of passage: the document's facts and the passage's own.
#[derive(Serialize)]
struct Source<'a> {
    passage_id: &'a str,
    #[serde(flatten)]
    document: &'a BulkDocument<'a>,
    generation: u64,
    passage: PassageKind,
    location: &'a Location,
    heading: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Action<'a> {
    index: Target<'a>,
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "_index")]
    index: &'a str,
    #[serde(rename = "_id")]
    id: &'a str,
}

fn iso_dates<S: Serializer>(dates: &Option<&DateRange>, s: S) -> Result<S::Ok, S::Error> {
    match dates {
        Some(d) if is_iso_date(&d.start) && is_iso_date(&d.end) => d.serialize(s),
        _ => s.serialize_none(),
    }
}

/// `YYYY-MM-DD` with a month and a day that can be.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Where a passage stands, as its `_id` ends.
fn place(p: &Passage) -> String {
    let l = &p.location;
    match p.kind {
        PassageKind::Document => "document".to_string(),
        PassageKind::Item => format!("item={}", l.item.as_deref().unwrap_or("")),
        PassageKind::Slot => format!("slot={}", l.slot.unwrap_or(0)),
        PassageKind::Paragraph => format!("paragraph={}", l.paragraph.unwrap_or(0)),
        PassageKind::Note => format!("note={}", l.note.unwrap_or(0)),
    }
}

/// The `_id` of each of a document's passages: `SERIES@VERSION:PLACE`. A
/// place the document has twice (an item number printed twice) is told
/// apart by its order (`~2`); an id longer than [`MAX_ID_BYTES`] becomes
/// the SHA-256 of itself.
pub fn passage_ids(series: &str, version: u32, passages: &[Passage]) -> Vec<String> {
    use sha2::{Digest, Sha256};
    let mut taken = HashSet::new();
    passages
        .iter()
        .map(|p| {
            let base = format!("{series}@{version}:{}", place(p));
            let mut id = base.clone();
            let mut n = 1;
            while taken.contains(&id) {
                n += 1;
                id = format!("{base}~{n}");
            }
            taken.insert(id.clone());
            if id.len() > MAX_ID_BYTES {
                format!("sha256:{}", hex::encode(Sha256::digest(id.as_bytes())))
            } else {
                id
            }
        })
        .collect()
}

/// Writes a document's passages, in their order, each line ending in `\n`;
/// returns how many were written.
pub fn write_document(
    out: &mut dyn Write,
    format: BulkFormat,
    generation: u64,
    doc: &BulkDocument,
    passages: &[Passage],
) -> io::Result<usize> {
    let index = index_name(doc.language);
    let ids = passage_ids(doc.series, doc.version, passages);
    for (p, id) in passages.iter().zip(&ids) {
        if format == BulkFormat::Bulk {
            let action = Action {
                index: Target { index: &index, id },
            };
            serde_json::to_writer(&mut *out, &action)?;
            out.write_all(b"\n")?;
        }
        let source = Source {
            passage_id: id,
            document: doc,
            generation,
            passage: p.kind,
            location: &p.location,
            heading: &p.heading,
            text: &p.text,
        };
        serde_json::to_writer(&mut *out, &source)?;
        out.write_all(b"\n")?;
    }
    Ok(passages.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn passage(kind: PassageKind, location: Location, text: &str) -> Passage {
        Passage {
            kind,
            ord: 0,
            location,
            heading: String::new(),
            text: text.to_string(),
        }
    }

    fn item(n: &str) -> Location {
        Location {
            item: Some(n.to_string()),
            ..Location::default()
        }
    }

    fn doc<'a>(dates: Option<&'a DateRange>, language: &'a str) -> BulkDocument<'a> {
        BulkDocument {
            id: 7,
            series: "A/80/590#EN",
            version: 2,
            symbol: Some("A/80/590/Rev.1"),
            title: "Budget",
            body: Some("General Assembly"),
            session: None,
            venue: None,
            dates,
            kind: DocumentKind::Report,
            language,
        }
    }

    #[test]
    fn ids_name_the_series_version_and_place_and_never_repeat() {
        let ps = [
            passage(PassageKind::Document, Location::default(), "facts"),
            passage(PassageKind::Item, item("3(a)"), "x"),
            passage(PassageKind::Item, item("3(a)"), "the same number again"),
            passage(
                PassageKind::Paragraph,
                Location {
                    paragraph: Some(12),
                    ..Location::default()
                },
                "y",
            ),
        ];
        assert_eq!(
            passage_ids("A/80/590#en", 1, &ps),
            [
                "A/80/590#en@1:document",
                "A/80/590#en@1:item=3(a)",
                "A/80/590#en@1:item=3(a)~2",
                "A/80/590#en@1:paragraph=12",
            ]
        );
        let long = "file:".to_string() + &"x".repeat(600) + "#en";
        let id = &passage_ids(&long, 1, &ps[..1])[0];
        assert!(id.starts_with("sha256:") && id.len() == 7 + 64, "{id}");
    }

    #[test]
    fn a_bulk_line_pair_names_the_index_and_a_quickwit_line_is_the_source_alone() {
        let dates = DateRange {
            start: "2025-06-12".into(),
            end: "2025-06-14".into(),
        };
        let d = doc(Some(&dates), "xx");
        let ps = [passage(PassageKind::Item, item("2"), "line one\nline two")];
        let mut bulk = Vec::new();
        assert_eq!(
            write_document(&mut bulk, BulkFormat::Bulk, 41, &d, &ps).unwrap(),
            1
        );
        let text = String::from_utf8(bulk).unwrap();
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(text.ends_with('\n'));
        assert_eq!(
            lines[0],
            r#"{"index":{"_index":"dossier-passages-und","_id":"A/80/590#EN@2:item=2"}}"#
        );
        let source: Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(source["document_id"], 7);
        assert_eq!(source["generation"], 41);
        assert_eq!(source["dates"]["end"], "2025-06-14");
        assert_eq!(source["kind"], "report");
        assert_eq!(source["passage"], "item");
        assert_eq!(source["location"], serde_json::json!({"item": "2"}));
        assert_eq!(source["text"], "line one\nline two");
        assert_eq!(source["session"], Value::Null);

        let mut quickwit = Vec::new();
        write_document(&mut quickwit, BulkFormat::Quickwit, 41, &d, &ps).unwrap();
        assert_eq!(
            String::from_utf8(quickwit).unwrap(),
            format!("{}\n", lines[1])
        );
    }

    #[test]
    fn dates_a_cluster_cannot_read_are_null() {
        for (start, end) in [("2025-06", "2025-06-14"), ("2025-13-01", "2025-13-02")] {
            let dates = DateRange {
                start: start.into(),
                end: end.into(),
            };
            let mut out = Vec::new();
            let ps = [passage(PassageKind::Document, Location::default(), "t")];
            write_document(
                &mut out,
                BulkFormat::Quickwit,
                1,
                &doc(Some(&dates), "en"),
                &ps,
            )
            .unwrap();
            let source: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(source["dates"], Value::Null, "{start}..{end}");
        }
    }
}
