//! Export and import of notes and bookmarks: JSON (complete, re-importable)
//! and Markdown (for reading and sharing).

use super::{Bookmark, Note};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "dossier-annotations";
pub const VERSION: u32 = 1;

/// The document a series stands for, so an export is readable on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportedDocument {
    pub series: String,
    pub file: String,
    pub symbol: Option<String>,
    pub title: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AnnotationsExport {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub documents: Vec<ExportedDocument>,
    pub notes: Vec<Note>,
    pub bookmarks: Vec<Bookmark>,
    /// Starred schedule slots (absent from files written before stars existed).
    #[serde(default)]
    pub starred_slots: Vec<StarredSlot>,
}

/// A starred schedule slot: its document series and slot key ("2024-06-12T10:00").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StarredSlot {
    pub series: String,
    pub slot_key: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    pub notes_added: u32,
    pub notes_updated: u32,
    pub notes_unchanged: u32,
    /// Notes whose words could not be found in the library's version (kept, detached).
    pub notes_detached: u32,
    pub bookmarks_added: u32,
    pub bookmarks_unchanged: u32,
    #[serde(default)]
    pub stars_added: u32,
}

/// Markdown for people: per document, each note with its place and quote.
pub fn to_markdown(export: &AnnotationsExport) -> String {
    let mut out = String::from("# Dossier notes and bookmarks\n\n");
    out.push_str(&format!("Exported {}\n", export.exported_at));
    for d in &export.documents {
        let notes: Vec<&Note> = export
            .notes
            .iter()
            .filter(|n| n.series == d.series)
            .collect();
        let marks: Vec<&Bookmark> = export
            .bookmarks
            .iter()
            .filter(|b| b.series == d.series)
            .collect();
        let stars: Vec<&StarredSlot> = export
            .starred_slots
            .iter()
            .filter(|s| s.series == d.series)
            .collect();
        if notes.is_empty() && marks.is_empty() && stars.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", d.title));
        out.push_str(&format!(
            "{} · {} · `{}`\n",
            d.symbol.as_deref().unwrap_or("no symbol"),
            d.language,
            d.file
        ));
        if !marks.is_empty() {
            out.push_str("\n### Bookmarks\n\n");
            for b in marks {
                let place = place_label(b.target.as_str(), &b.anchor);
                if b.label.is_empty() {
                    out.push_str(&format!("- {place}\n"));
                } else {
                    out.push_str(&format!("- {place}: {}\n", b.label));
                }
            }
        }
        if !stars.is_empty() {
            out.push_str("\n### Starred in the schedule\n\n");
            for s in stars {
                out.push_str(&format!("- {}\n", s.slot_key.replace('T', " ")));
            }
        }
        for n in notes {
            let place = passage_label(&n.anchor.passage);
            out.push_str(&format!(
                "\n### {place}{}\n\n",
                if n.detached {
                    " (detached: the words are no longer in the document)"
                } else {
                    ""
                }
            ));
            for line in n.anchor.exact.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            out.push('\n');
            out.push_str(n.body.trim());
            out.push('\n');
        }
    }
    out
}

fn passage_label(passage: &str) -> String {
    if let Some(i) = passage.strip_prefix("item:") {
        return format!("Item {i}");
    }
    if let Some(p) = passage.strip_prefix("para:") {
        if let Ok(n) = p.parse::<u32>() {
            return format!("Paragraph {}", n + 1);
        }
    }
    passage.to_string()
}

fn place_label(target: &str, anchor: &str) -> String {
    match target {
        "document" => "Whole document".into(),
        "item" => format!("Item {anchor}"),
        "paragraph" => format!("Paragraph {anchor}"),
        "slot" => format!("Schedule slot {anchor}"),
        other => format!("{other} {anchor}"),
    }
}
