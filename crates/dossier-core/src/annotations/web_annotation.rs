//! Notes as W3C Web Annotations (JSON-LD, <https://www.w3.org/TR/annotation-model/>),
//! out and in, and the JSON export of Hypothesis in.
//!
//! An export is one `AnnotationCollection` whose first `AnnotationPage`
//! holds every note as an `Annotation`:
//! - the body a `TextualBody` in `text/markdown` (a note without words is a
//!   highlight: no body, motivation `highlighting`);
//! - the target a `SpecificResource` whose source is the document on the
//!   UN's document system, `https://docs.un.org/{lang}/{symbol}` (a document
//!   without a symbol: `urn:dossier:series:{series}`), with two selectors
//!   for the same words — a `TextQuoteSelector` (exact, prefix, suffix) that
//!   any tool can anchor, and a `FragmentSelector` naming Dossier's passage
//!   (`item:3(a)`, `para:12`) refined by a `TextPositionSelector` in it;
//! - Dossier's own identity of the document (`dossier:series`) beside the
//!   source, in Dossier's namespace declared in the `@context`.
//!
//! Reading accepts a collection, a page, one annotation or a list of them,
//! from Dossier or from another tool: the series when it is given, else the
//! symbol and language read from the source's address, else the quote,
//! found in the library's documents.

use super::anchor::Anchor;
use super::exchange::ExportedDocument;
use super::Note;
use crate::error::{Error, Result};
use serde_json::{json, Map, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Dossier's namespace for what the model has no term for.
pub const NAMESPACE: &str = "https://dossier.app/ns/annotation#";
/// What a `FragmentSelector`'s value names: a Dossier passage.
pub const PASSAGE_SPEC: &str = "https://dossier.app/ns/annotation#passage";

/// Where the UN's document system serves a document by its symbol.
pub fn source_iri(symbol: Option<&str>, language: &str, series: &str) -> String {
    match symbol {
        Some(s) => format!(
            "https://docs.un.org/{}/{}",
            encode(language),
            encode_path(s)
        ),
        None => format!("urn:dossier:series:{}", encode(series)),
    }
}

/// The notes of an export as an `AnnotationCollection`. `id` names the
/// collection (an IRI); each note's IRI comes from its uid, so an
/// annotation keeps its identity across exports.
pub fn collection(id: &str, label: &str, documents: &[ExportedDocument], notes: &[Note]) -> Value {
    let items: Vec<Value> = notes
        .iter()
        .filter_map(|n| {
            let d = documents.iter().find(|d| d.series == n.series)?;
            Some(annotation(d, n))
        })
        .collect();
    json!({
        "@context": [CONTEXT, { "dossier": NAMESPACE }],
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {
            "id": format!("{id}#page-1"),
            "type": "AnnotationPage",
            "partOf": id,
            "startIndex": 0,
            "items": items,
        },
    })
}

fn annotation(d: &ExportedDocument, n: &Note) -> Value {
    let mut a = Map::new();
    a.insert(
        "@context".into(),
        json!([CONTEXT, { "dossier": NAMESPACE }]),
    );
    a.insert("id".into(), json!(note_iri(&n.uid)));
    a.insert("type".into(), json!("Annotation"));
    let body = n.body.trim();
    a.insert(
        "motivation".into(),
        json!(if body.is_empty() {
            "highlighting"
        } else {
            "commenting"
        }),
    );
    a.insert("created".into(), json!(n.created_at));
    a.insert("modified".into(), json!(n.updated_at));
    if !body.is_empty() {
        a.insert(
            "body".into(),
            json!({ "type": "TextualBody", "value": n.body, "format": "text/markdown" }),
        );
    }
    let mut quote = Map::new();
    quote.insert("type".into(), json!("TextQuoteSelector"));
    quote.insert("exact".into(), json!(n.anchor.exact));
    if !n.anchor.prefix.is_empty() {
        quote.insert("prefix".into(), json!(n.anchor.prefix));
    }
    if !n.anchor.suffix.is_empty() {
        quote.insert("suffix".into(), json!(n.anchor.suffix));
    }
    let mut target = json!({
        "type": "SpecificResource",
        "source": {
            "id": source_iri(d.symbol.as_deref(), &d.language, &d.series),
            "type": "Text",
            "language": d.language,
            "dossier:series": d.series,
        },
        "selector": [
            Value::Object(quote),
            {
                "type": "FragmentSelector",
                "conformsTo": PASSAGE_SPEC,
                "value": n.anchor.passage,
                "refinedBy": {
                    "type": "TextPositionSelector",
                    "start": n.anchor.start,
                    "end": n.anchor.end,
                },
            },
        ],
    });
    if n.detached {
        target["dossier:detached"] = json!(true);
    }
    if !d.title.is_empty() {
        target["source"]["title"] = json!(d.title);
    }
    a.insert("target".into(), target);
    Value::Object(a)
}

fn note_iri(uid: &str) -> String {
    if uid.contains(':') {
        // Already an IRI (an imported annotation keeps the one it came with).
        uid.to_string()
    } else {
        format!("urn:uuid:{uid}")
    }
}

/// A note read from another tool's annotation, before the library has
/// placed it in one of its documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub uid: String,
    pub body: String,
    pub created: String,
    pub modified: String,
    /// The document: Dossier's series, when the annotation names it.
    pub series: Option<String>,
    /// The document's symbol and language, read from its address.
    pub symbol: Option<String>,
    pub language: Option<String>,
    /// The words; `passage` is empty (and the positions 0) when the tool
    /// does not know Dossier's passages.
    pub anchor: Anchor,
}

/// Which shape a file of annotations has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    WebAnnotation,
    Hypothesis,
}

/// The shape of a parsed file: W3C (an `@context`/`type` naming the model),
/// Hypothesis (its export: `annotations` with `uri`s, or a list of its
/// annotations), or neither.
pub fn shape(v: &Value) -> Option<Shape> {
    let hypothesis = |a: &Value| a.get("uri").is_some() && a.get("target").is_some();
    let w3c = |a: &Value| {
        ["Annotation", "AnnotationPage", "AnnotationCollection"]
            .iter()
            .any(|t| typed(a, t))
    };
    match v {
        Value::Array(list) if list.first().is_some_and(hypothesis) => Some(Shape::Hypothesis),
        Value::Array(list) if list.first().is_some_and(w3c) => Some(Shape::WebAnnotation),
        Value::Object(_) if w3c(v) => Some(Shape::WebAnnotation),
        Value::Object(o) => o
            .get("annotations")
            .and_then(Value::as_array)
            .filter(|l| l.is_empty() || l.iter().any(hypothesis))
            .map(|_| Shape::Hypothesis),
        _ => None,
    }
}

/// Every annotation of a W3C file that targets words of a text, as notes.
pub fn read_web_annotations(v: &Value) -> Result<Vec<Incoming>> {
    let mut annotations = Vec::new();
    collect(v, &mut annotations);
    let mut out = Vec::new();
    for a in annotations {
        let Some(id) = a.get("id").and_then(Value::as_str) else {
            return Err(Error::Invalid("an annotation without an id".into()));
        };
        let Some(target) = quoting_target(a) else {
            // An annotation of a whole page or of an image: nothing to anchor.
            continue;
        };
        let target = &target;
        let (series, symbol, language) = source_of(target);
        let body = as_list(a.get("body"))
            .iter()
            .filter_map(|b| match b {
                Value::String(s) => Some(s.clone()),
                _ => b.get("value").and_then(Value::as_str).map(str::to_string),
            })
            .chain(
                a.get("bodyValue")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            )
            .collect::<Vec<_>>()
            .join("\n\n");
        let created = a.get("created").and_then(Value::as_str).unwrap_or_default();
        let modified = a.get("modified").and_then(Value::as_str).unwrap_or(created);
        out.push(Incoming {
            uid: id.strip_prefix("urn:uuid:").unwrap_or(id).to_string(),
            body,
            created: created.to_string(),
            modified: modified.to_string(),
            series,
            symbol,
            language,
            anchor: anchor_of(&selectors(target)),
        });
    }
    Ok(out)
}

/// Every annotation of a Hypothesis export (`{"annotations": […]}` as its
/// client writes it, or its API's list) that quotes words, as notes; page
/// notes and replies are left out.
pub fn read_hypothesis(v: &Value) -> Result<Vec<Incoming>> {
    let list = match v {
        Value::Array(l) => l.as_slice(),
        _ => v
            .get("annotations")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default(),
    };
    let mut out = Vec::new();
    for a in list {
        let Some(id) = a.get("id").and_then(Value::as_str) else {
            return Err(Error::Invalid(
                "a Hypothesis annotation without an id".into(),
            ));
        };
        if a.get("references")
            .and_then(Value::as_array)
            .is_some_and(|r| !r.is_empty())
        {
            continue; // a reply
        }
        let Some(target) = quoting_target(a) else {
            continue; // a page note
        };
        let target = &target;
        let uri = a
            .get("uri")
            .and_then(Value::as_str)
            .or_else(|| target.get("source").and_then(Value::as_str))
            .unwrap_or_default();
        let (symbol, language) = symbol_in_address(uri).unzip();
        let mut body = a
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let tag_values = as_list(a.get("tags"));
        let tags: Vec<&str> = tag_values.iter().filter_map(Value::as_str).collect();
        if !tags.is_empty() {
            let tags = tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" ");
            body = if body.trim().is_empty() {
                tags
            } else {
                format!("{body}\n\n{tags}")
            };
        }
        let created = a.get("created").and_then(Value::as_str).unwrap_or_default();
        let modified = a.get("updated").and_then(Value::as_str).unwrap_or(created);
        let mut anchor = anchor_of(&selectors(target));
        // Hypothesis counts positions in the whole page, not in a passage.
        anchor.start = 0;
        anchor.end = 0;
        out.push(Incoming {
            uid: format!("hypothes.is:{id}"),
            body,
            created: created.to_string(),
            modified: modified.to_string(),
            series: None,
            symbol,
            language: language.flatten(),
            anchor,
        });
    }
    Ok(out)
}

fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(list) => list.iter().for_each(|a| collect(a, out)),
        Value::Object(_) if typed(v, "Annotation") => out.push(v),
        Value::Object(_) if typed(v, "AnnotationPage") => {
            if let Some(items) = v.get("items") {
                collect(items, out);
            }
        }
        Value::Object(_) if typed(v, "AnnotationCollection") => {
            if let Some(first) = v.get("first").filter(|f| f.is_object()) {
                collect(first, out);
            }
        }
        _ => {}
    }
}

fn typed(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|s| s == t),
        _ => false,
    }
}

fn as_list(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other.clone()],
    }
}

/// The first target of an annotation that quotes words (a `TextQuoteSelector`).
fn quoting_target(a: &Value) -> Option<Value> {
    as_list(a.get("target"))
        .into_iter()
        .find(|t| selectors(t).iter().any(|s| typed(s, "TextQuoteSelector")))
}

fn selectors(target: &Value) -> Vec<Value> {
    as_list(target.get("selector"))
}

/// The series, or the symbol and language, of a target's source.
fn source_of(target: &Value) -> (Option<String>, Option<String>, Option<String>) {
    let source = target.get("source");
    let iri = match source {
        Some(Value::String(s)) => s.as_str(),
        Some(s) => s.get("id").and_then(Value::as_str).unwrap_or_default(),
        None => "",
    };
    let series = source
        .and_then(|s| s.get("dossier:series"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| iri.strip_prefix("urn:dossier:series:").map(decode));
    let declared = source
        .and_then(|s| s.get("language"))
        .and_then(Value::as_str);
    let (symbol, language) = match symbol_in_address(iri) {
        Some((symbol, language)) => (Some(symbol), language.or(declared.map(str::to_string))),
        None => (None, declared.map(str::to_string)),
    };
    (series, symbol, language)
}

fn anchor_of(selectors: &[Value]) -> Anchor {
    let text = |s: &Value, k: &str| {
        s.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let mut a = Anchor {
        passage: String::new(),
        exact: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        start: 0,
        end: 0,
    };
    for s in selectors {
        if typed(s, "TextQuoteSelector") {
            a.exact = text(s, "exact");
            a.prefix = text(s, "prefix");
            a.suffix = text(s, "suffix");
        } else if typed(s, "FragmentSelector")
            && s.get("conformsTo").and_then(Value::as_str) == Some(PASSAGE_SPEC)
        {
            a.passage = text(s, "value");
            if let Some(r) = s
                .get("refinedBy")
                .filter(|r| typed(r, "TextPositionSelector"))
            {
                let n = |k: &str| {
                    r.get(k)
                        .and_then(Value::as_u64)
                        .and_then(|v| u32::try_from(v).ok())
                        .unwrap_or(0)
                };
                a.start = n("start");
                a.end = n("end");
            }
        }
    }
    a
}

/// The symbol (and language, when the address has one) of a UN document's
/// address: `https://docs.un.org/{lang}/{symbol}`, `https://undocs.org/[{lang}/]{symbol}`,
/// `https://documents.un.org/api/symbol/access?s={symbol}&l={lang}`.
pub fn symbol_in_address(iri: &str) -> Option<(String, Option<String>)> {
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    let path = path.split('#').next().unwrap_or_default();
    const LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];
    match host.as_str() {
        "docs.un.org" | "undocs.org" => {
            let path = path.split('?').next().unwrap_or_default();
            let (first, tail) = path.split_once('/').unwrap_or((path, ""));
            let lang = first.to_ascii_lowercase();
            let (symbol, language) = if LANGUAGES.contains(&lang.as_str()) && !tail.is_empty() {
                (tail, Some(lang))
            } else {
                (path, None)
            };
            let symbol = decode(symbol.trim_end_matches('/'));
            (!symbol.is_empty()).then_some((symbol, language))
        }
        "documents.un.org" => {
            let (_, query) = path.split_once('?')?;
            let mut symbol = None;
            let mut language = None;
            for pair in query.split('&') {
                match pair.split_once('=') {
                    Some(("s", v)) => symbol = Some(decode(&v.replace('+', " "))),
                    Some(("l", v)) => language = Some(v.to_ascii_lowercase()),
                    _ => {}
                }
            }
            symbol.filter(|s| !s.is_empty()).map(|s| (s, language))
        }
        _ => None,
    }
}

/// Percent-encodes all but unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// [`encode`], keeping the slashes of a symbol as path separators.
fn encode_path(s: &str) -> String {
    s.split('/').map(encode).collect::<Vec<_>>().join("/")
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_addresses_give_their_symbol_and_language() {
        let s = |iri: &str| symbol_in_address(iri);
        assert_eq!(
            s("https://docs.un.org/en/A/80/590"),
            Some(("A/80/590".into(), Some("en".into())))
        );
        assert_eq!(
            s("https://undocs.org/A/HRC/59/60"),
            Some(("A/HRC/59/60".into(), None))
        );
        assert_eq!(
            s("https://documents.un.org/api/symbol/access?s=CAC/COSP/2019/1&l=zh&t=pdf"),
            Some(("CAC/COSP/2019/1".into(), Some("zh".into())))
        );
        assert_eq!(
            s(&source_iri(Some("A/81/6 (Sect. 13)"), "fr", "x")),
            Some(("A/81/6 (Sect. 13)".into(), Some("fr".into())))
        );
        assert_eq!(s("https://example.org/en/A/80/590"), None);
        assert_eq!(s("https://docs.un.org/"), None);
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("a%2"), "a%2");
    }
}
