//! The structure parser: text in, [`Document`] out. Parsing never fails; what
//! it cannot place becomes a diagnostic.

pub mod agenda;
pub mod dates;
pub mod metadata;
pub mod report;
pub mod schedule;
pub mod symbols;
pub mod text;

use crate::model::{Document, DocumentKind, Reference};

/// Parses the text of a meeting document.
pub fn parse_text(raw: &str) -> Document {
    let language = text::detect_language(raw);
    let zh = language == "zh";
    let cleaned = text::clean(raw, zh);
    let blocks = text::blocks(&cleaned);
    let mut doc = Document {
        language,
        ..Default::default()
    };
    let masthead = metadata::read(&blocks, &mut doc);
    let body_start = masthead.title_index.map(|i| i + 1).unwrap_or(0);
    // Any document with an annotated agenda list is an agenda, title or not.
    if doc.kind == DocumentKind::Other && has_agenda_shape(&blocks) {
        doc.kind = DocumentKind::Agenda;
    }
    match doc.kind {
        DocumentKind::Agenda => {
            let annex = blocks[body_start..]
                .iter()
                .position(|b| agenda::is_annex_heading(&b.text))
                .map(|p| p + body_start)
                .unwrap_or(blocks.len());
            agenda::read(&blocks, body_start, annex, &mut doc);
            schedule::read(&blocks, annex, &mut doc);
            if doc.schedule.is_empty() {
                // Some agendas put the timetable without an annex heading.
                schedule::read(&blocks, body_start, &mut doc);
            }
        }
        DocumentKind::Report | DocumentKind::Other => report::read(&blocks, body_start, &mut doc),
    }
    let joined: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    doc.references = all_references(&doc, &joined);
    doc.suggested_symbol = metadata::suggest_symbol(&doc);
    if doc.kind == DocumentKind::Agenda && doc.agenda.is_empty() {
        doc.diagnostics.push("no agenda items found".to_string());
    }
    doc
}

fn has_agenda_shape(blocks: &[text::Block]) -> bool {
    let list = blocks.iter().take(60).any(|b| {
        let t = b.text.trim().to_lowercase();
        t == "临时议程" || t == "provisional agenda"
    });
    let ann = blocks.iter().any(|b| {
        let t = b.text.trim().to_lowercase();
        t == "说明" || t == "annotations"
    });
    list && ann
}

/// Every symbol in the document, titled where an item's document list titles it.
fn all_references(doc: &Document, text: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let own = doc.symbol.as_deref().map(symbols::key);
    for f in symbols::find(text) {
        if Some(symbols::key(&f.symbol)) == own || out.iter().any(|r| r.symbol == f.symbol) {
            continue;
        }
        out.push(Reference {
            symbol: f.symbol,
            title: None,
        });
    }
    for item in doc.items_flat() {
        for r in &item.references {
            if let Some(o) = out.iter_mut().find(|o| o.symbol == r.symbol) {
                if o.title.is_none() {
                    o.title = r.title.clone();
                }
            }
        }
    }
    out
}
