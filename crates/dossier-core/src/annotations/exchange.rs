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
    /// The meeting it was issued for, as a reader names it ("Working Group
    /// on Asset Recovery · 2024"); absent from files written before it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

impl ExportedDocument {
    /// A meeting's name from a document's facts: its body, its session and
    /// the year it opens, those it has.
    pub fn meeting_name(
        body: Option<&str>,
        session: Option<&str>,
        opens: Option<&str>,
    ) -> Option<String> {
        let year = opens.and_then(|d| d.get(..4));
        let parts: Vec<&str> = [body, session, year]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
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
    /// Annotations of another tool whose document the library does not hold
    /// (left out).
    #[serde(default)]
    pub notes_not_in_library: u32,
}

/// The words of the Markdown export, in the language the user reads it in
/// (the app sends its UI's; the CLI writes English). `{n}` in `item`,
/// `paragraph` and `slot` is the place's number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MarkdownWords {
    pub title: String,
    pub exported: String,
    pub no_symbol: String,
    pub bookmarks: String,
    pub starred: String,
    pub whole_document: String,
    pub item: String,
    pub paragraph: String,
    pub slot: String,
    pub detached: String,
}

impl Default for MarkdownWords {
    fn default() -> Self {
        let s = |t: &str| t.to_string();
        MarkdownWords {
            title: s("Dossier notes and bookmarks"),
            exported: s("Exported"),
            no_symbol: s("no symbol"),
            bookmarks: s("Bookmarks"),
            starred: s("Starred in the schedule"),
            whole_document: s("Whole document"),
            item: s("Item {n}"),
            paragraph: s("Paragraph {n}"),
            slot: s("Schedule slot {n}"),
            detached: s("detached: the words are no longer in the document"),
        }
    }
}

/// Markdown for people in English; see [`to_markdown_in`].
pub fn to_markdown(export: &AnnotationsExport) -> String {
    to_markdown_in(export, &MarkdownWords::default())
}

/// Markdown for people: per document, each note with its place and quote.
/// What comes from documents and users (titles, labels, quotes, note
/// bodies) is escaped so it can never become structure: a label with a line
/// break and `#` stays a label, not a heading; a note body keeps its simple
/// Markdown (emphasis, lists) but no line of it opens a heading, an HTML
/// block or a setext underline.
pub fn to_markdown_in(export: &AnnotationsExport, words: &MarkdownWords) -> String {
    let mut out = format!("# {}\n\n", inline(&words.title));
    out.push_str(&format!(
        "{} {}\n",
        inline(&words.exported),
        export.exported_at
    ));
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
        // The document by what it is, never by the file it came from.
        out.push_str(&format!("\n## {}\n\n", inline(&d.title)));
        if let Some(meeting) = &d.meeting {
            out.push_str(&format!("{}  \n", inline(meeting)));
        }
        out.push_str(&format!(
            "{} · {}\n",
            inline(d.symbol.as_deref().unwrap_or(&words.no_symbol)),
            inline(&d.language),
        ));
        if !marks.is_empty() {
            out.push_str(&format!("\n### {}\n\n", inline(&words.bookmarks)));
            for b in marks {
                let place = inline(&place_label(b.target.as_str(), &b.anchor, words));
                if b.label.is_empty() {
                    out.push_str(&format!("- {place}\n"));
                } else {
                    out.push_str(&format!("- {place}: {}\n", inline(&b.label)));
                }
            }
        }
        if !stars.is_empty() {
            out.push_str(&format!("\n### {}\n\n", inline(&words.starred)));
            for s in stars {
                out.push_str(&format!("- {}\n", inline(&s.slot_key.replace('T', " "))));
            }
        }
        for n in notes {
            let place = inline(&passage_label(&n.anchor.passage, words));
            let detached = if n.detached {
                format!(" ({})", inline(&words.detached))
            } else {
                String::new()
            };
            out.push_str(&format!("\n### {place}{detached}\n\n"));
            for line in n.anchor.exact.lines() {
                out.push_str(&format!("> {}\n", inline(line)));
            }
            out.push('\n');
            out.push_str(&body_block(n.body.trim()));
            out.push('\n');
        }
    }
    out
}

/// Text for one line of Markdown: line breaks and other controls become
/// spaces, and every character that could open structure or markup is
/// escaped with a backslash (CommonMark: any ASCII punctuation may be).
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            out.push(' ');
        } else {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A note body as a Markdown block: its inline Markdown is kept, but a line
/// that would open a heading (`#`), an HTML block (`<`), a block quote, a
/// code fence or a setext underline / thematic break is escaped, and
/// controls other than line breaks and tabs are dropped.
fn body_block(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for (k, line) in body.lines().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let line: String = line
            .chars()
            .filter(|&c| !c.is_control() || c == '\t')
            .collect();
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let opens_block = trimmed.starts_with(['#', '<', '>', '`', '~', '='])
            || (trimmed.len() >= 3 && trimmed.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')))
            || trimmed.starts_with("---");
        out.push_str(indent);
        if opens_block {
            out.push('\\');
        }
        out.push_str(trimmed);
    }
    out
}

fn passage_label(passage: &str, words: &MarkdownWords) -> String {
    if let Some(i) = passage.strip_prefix("item:") {
        return words.item.replace("{n}", i);
    }
    if let Some(p) = passage.strip_prefix("para:") {
        if let Ok(n) = p.parse::<u32>() {
            return words.paragraph.replace("{n}", &(n + 1).to_string());
        }
    }
    passage.to_string()
}

fn place_label(target: &str, anchor: &str, words: &MarkdownWords) -> String {
    match target {
        "document" => words.whole_document.clone(),
        "item" => words.item.replace("{n}", anchor),
        "paragraph" => words.paragraph.replace("{n}", anchor),
        "slot" => words.slot.replace("{n}", anchor),
        other => format!("{other} {anchor}"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn markdown_speaks_the_readers_language() {
        let export = AnnotationsExport {
            format: "dossier-annotations".into(),
            version: 1,
            exported_at: "2026-12-02T10:00:00Z".into(),
            documents: vec![],
            notes: vec![],
            bookmarks: vec![],
            starred_slots: vec![],
        };
        let fr = MarkdownWords {
            title: "Notes et signets Dossier".into(),
            exported: "Exporté le".into(),
            ..MarkdownWords::default()
        };
        let md = to_markdown_in(&export, &fr);
        assert!(md.starts_with("# Notes et signets Dossier\n\nExporté le 2026-12-02"));
        assert_eq!(
            place_label(
                "item",
                "3(a)",
                &MarkdownWords {
                    item: "Point {n}".into(),
                    ..fr
                }
            ),
            "Point 3(a)"
        );
        assert!(to_markdown(&export).starts_with("# Dossier notes and bookmarks"));
    }

    use super::*;

    #[test]
    fn markdown_names_the_meeting_and_the_document_not_the_file() {
        let note: Note = serde_json::from_value(serde_json::json!({
            "id": 1, "uid": "u1", "series": "s1", "body": "Ask about 3(a).",
            "anchor": { "passage": "item:3(a)", "start": 0, "end": 4, "exact": "实益所有权", "prefix": "", "suffix": "" },
            "detached": false, "created_at": "2026-12-02T10:00:00Z", "updated_at": "2026-12-02T10:00:00Z"
        }))
        .unwrap();
        let export = AnnotationsExport {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: "2026-12-02T10:00:00Z".into(),
            documents: vec![ExportedDocument {
                series: "s1".into(),
                file: "V1234567.pdf".into(),
                symbol: Some("CAC/COSP/WG.2/2024/1".into()),
                title: "Provisional agenda and annotations".into(),
                language: "en".into(),
                meeting: ExportedDocument::meeting_name(
                    Some("Working Group on Asset Recovery"),
                    None,
                    Some("2024-06-12"),
                ),
            }],
            notes: vec![note],
            bookmarks: vec![],
            starred_slots: vec![],
        };
        let md = to_markdown(&export);
        assert!(md.contains(
            "## Provisional agenda and annotations\n\nWorking Group on Asset Recovery · 2024  \nCAC/COSP/WG.2/2024/1 · en\n"
        ), "{md}");
        assert!(!md.contains("V1234567"), "{md}");
        assert_eq!(ExportedDocument::meeting_name(None, Some(" "), None), None);
    }

    #[test]
    fn markdown_escapes_what_would_become_structure() {
        assert_eq!(
            inline("fine\n# Injected <b>x</b> [a](javascript:x)"),
            "fine \\# Injected \\<b\\>x\\</b\\> \\[a\\](javascript:x)"
        );
        assert_eq!(inline("A/CONF.1/L.1 (2024)"), "A/CONF.1/L.1 (2024)");
        assert_eq!(
            body_block("*mine*\n## not a heading\n<img src=x>\n---\n- a list"),
            "*mine*\n\\## not a heading\n\\<img src=x>\n\\---\n- a list"
        );
    }
}
