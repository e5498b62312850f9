//! The units search finds and opens: passages cut from a document.
//!
//! A passage is the document's heading facts, one agenda item (title,
//! annotation and the documents it cites), one schedule slot, or one
//! paragraph. Its `Location` is what the reader scrolls to.

use crate::model::{AgendaItem, Document, Paragraph, ScheduleSlot};
use serde::{Deserialize, Serialize};

/// Where in a document a passage stands. All empty means the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Location {
    /// An agenda item, canonical form such as "3(a)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// A paragraph, by its position in the document (0-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// A schedule slot, by its position in the timetable (0-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<u32>,
    /// A note, by its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<u32>,
}

/// What kind of place a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    Document,
    Item,
    Slot,
    Paragraph,
    Note,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Document => "document",
            PassageKind::Item => "item",
            PassageKind::Slot => "slot",
            PassageKind::Paragraph => "paragraph",
            PassageKind::Note => "note",
        }
    }
    /// The kind as the index keeps it (a number in a fast field).
    pub fn code(self) -> u64 {
        self as u64
    }
    pub fn from_code(code: u64) -> Option<Self> {
        [
            PassageKind::Document,
            PassageKind::Item,
            PassageKind::Slot,
            PassageKind::Paragraph,
            PassageKind::Note,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub kind: PassageKind,
    /// Which one of its kind in the document: the item's place in the
    /// agenda read top to bottom (the store's `agenda_items.ord`), the
    /// slot's in the timetable, the paragraph's index, the note's id; 0
    /// for the document's own facts. With the document and the kind it
    /// names the rows the passage is read back from (`library::passage_text`).
    pub ord: u32,
    pub location: Location,
    /// A short label for the place ("3(a) Title", "12", "2024-06-12 10:00").
    pub heading: String,
    pub text: String,
}

/// Cuts a document into passages, in reading order.
pub fn passages(doc: &Document) -> Vec<Passage> {
    let mut out = Vec::new();
    out.extend(document_passage(doc));
    for (ord, item) in doc.items_flat().into_iter().enumerate() {
        out.push(item_passage(ord as u32, item));
    }
    for (i, slot) in doc.schedule.iter().enumerate() {
        out.push(slot_passage(i as u32, slot));
    }
    out.extend(doc.text_blocks().into_iter().filter_map(paragraph_passage));
    out
}

/// The document's heading facts (title, symbol, bodies, session, venue);
/// None when it has none of them.
pub fn document_passage(doc: &Document) -> Option<Passage> {
    let head: Vec<&str> = [
        &doc.title,
        &doc.symbol,
        &doc.parent_body,
        &doc.body,
        &doc.session,
        &doc.venue,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    (!head.is_empty()).then(|| Passage {
        kind: PassageKind::Document,
        ord: 0,
        location: Location::default(),
        heading: doc.display_title(),
        text: head.join("\n"),
    })
}

/// One agenda item: its title, annotation and the documents it cites.
/// `ord` is its place in the agenda read top to bottom.
pub fn item_passage(ord: u32, item: &AgendaItem) -> Passage {
    let mut text = item.title.clone();
    if !item.annotation.is_empty() {
        text.push_str("\n\n");
        text.push_str(&item.annotation);
    }
    // Cited documents the annotation does not already spell out.
    for r in &item.references {
        if !text.contains(&r.symbol) {
            text.push('\n');
            text.push_str(&r.symbol);
        }
        if let Some(t) = &r.title {
            if !text.contains(t.as_str()) {
                text.push(' ');
                text.push_str(t);
            }
        }
    }
    Passage {
        kind: PassageKind::Item,
        ord,
        location: Location {
            item: Some(item.number.clone()),
            ..Location::default()
        },
        heading: format!("{} {}", item.number, item.title),
        text,
    }
}

/// The timetable's slot `ord`.
pub fn slot_passage(ord: u32, slot: &ScheduleSlot) -> Passage {
    Passage {
        kind: PassageKind::Slot,
        ord,
        location: Location {
            slot: Some(ord),
            ..Location::default()
        },
        heading: slot_heading(slot),
        text: slot_text(slot),
    }
}

/// A text block (numbered paragraph or not); None when it is blank.
pub fn paragraph_passage(p: &Paragraph) -> Option<Passage> {
    if p.text.trim().is_empty() {
        return None;
    }
    let heading = match (&p.number, &p.section) {
        (Some(n), Some(s)) => format!("{n} · {s}"),
        (Some(n), None) => n.clone(),
        (None, Some(s)) => s.clone(),
        (None, None) => String::new(),
    };
    Some(Passage {
        kind: PassageKind::Paragraph,
        ord: p.index,
        location: Location {
            paragraph: Some(p.index),
            ..Location::default()
        },
        heading,
        text: p.text.clone(),
    })
}

fn slot_heading(slot: &ScheduleSlot) -> String {
    let mut h = slot.date.clone().unwrap_or_default();
    if let (Some(s), Some(e)) = (&slot.start, &slot.end) {
        h.push_str(&format!(" {s}–{e}"));
    }
    h.trim().to_string()
}

fn slot_text(slot: &ScheduleSlot) -> String {
    let mut lines = vec![slot_heading(slot)];
    for (i, item) in slot.items.iter().enumerate() {
        match slot.titles.get(i) {
            Some(t) => lines.push(format!("{item} {t}")),
            None => lines.push(item.clone()),
        }
    }
    for t in slot.titles.iter().skip(slot.items.len()) {
        lines.push(t.clone());
    }
    lines.extend(slot.parallel.iter().cloned());
    lines.extend(slot.notes.iter().cloned());
    lines.join("\n")
}
