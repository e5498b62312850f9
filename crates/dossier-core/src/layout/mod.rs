//! The layout model: what every front end (PDF, Word, text) makes of a file
//! before anything UN-specific is looked for, and all the structure parser
//! reads.
//!
//! A document is pages of blocks in reading order. Each block has a role —
//! heading, paragraph, list entry (with its marker and level), table (rows ×
//! cells), footnote, or page furniture (running head or foot, page number,
//! job number, barcode, footnote rule) — and keeps what its format knew:
//! font size and weight, indentation, and for PDFs where it was drawn.
//! Furniture is marked, never glued onto the text around it; a paragraph, list
//! or table cut by a page break is continued on the page it began on.
//! `dossier parse --layout FILE` prints this model as JSON.

mod from_text;
pub mod places;

pub use from_text::from_text;

use serde::{Deserialize, Deserializer, Serialize};

/// A document's layout: its pages in order. It is also what an extraction
/// worker sends back (`extract::worker`), hence `Deserialize`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Layout {
    /// "pdf", "docx" or "text".
    pub format: &'static str,
    pub pages: Vec<Page>,
    /// What the front end noticed and the reader should know (a text file
    /// mixing encodings); they join the document's diagnostics.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

/// One page (a text file or a Word document is one page: neither says where
/// its pages break).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    pub blocks: Vec<Block>,
    /// A PDF page's height in points (the scale of its blocks' boxes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f32>,
}

/// What a block is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Heading,
    #[default]
    Paragraph,
    /// A numbered, lettered or bulleted entry; `marker` holds the label.
    ListEntry,
    /// `rows` holds the cells.
    Table,
    Footnote,
    /// Printed on the page but not part of the text: see `furniture`.
    Furniture,
}

/// The kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Furniture {
    RunningHead,
    RunningFoot,
    PageNumber,
    /// "V.25-04321 (E)", "24-05512 (C)": the UN job number.
    JobNumber,
    /// "*2405512*": the job number in a barcode font.
    Barcode,
    /// "Please recycle".
    Recycle,
    /// The rule above the footnotes.
    FootnoteRule,
}

/// One block of a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Block {
    pub role: Role,
    /// The text as printed, list marker included; empty for tables. A line
    /// break inside a block (a Word line break, a masthead cell) is `\n`.
    pub text: String,
    /// Table rows, each a list of cells (left to right; an empty string for
    /// an empty cell).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<String>>,
    /// The list marker as printed ("1.", "(a)", "•", "IV."), for list entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// List depth (0 = outermost) or heading level (1 = chapter).
    #[serde(skip_serializing_if = "is_zero")]
    pub level: u8,
    /// Indentation from the text's left edge, in columns (half a font size
    /// in a PDF, four spaces for a tab).
    #[serde(skip_serializing_if = "is_zero_u16")]
    pub indent: u16,
    /// Font size in points, where the format says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<f32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furniture: Option<Furniture>,
    /// Where it was drawn on its page (PDF points, from the top left): x0, y0, x1, y1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f32; 4]>,
    /// The Word style it was written in ("Heading1", "HCh", "SingleTxtG").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
}

/// Read back with its format's name as the front ends spell it.
impl<'de> Deserialize<'de> for Layout {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Sent {
            format: String,
            pages: Vec<Page>,
            #[serde(default)]
            diagnostics: Vec<String>,
        }
        let sent = Sent::deserialize(d)?;
        let format = ["pdf", "docx", "text", ""]
            .into_iter()
            .find(|known| *known == sent.format)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown format {:?}", sent.format)))?;
        Ok(Layout {
            format,
            pages: sent.pages,
            diagnostics: sent.diagnostics,
        })
    }
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn is_zero_u16(n: &u16) -> bool {
    *n == 0
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            ..Default::default()
        }
    }

    pub fn table(rows: Vec<Vec<String>>) -> Block {
        Block {
            role: Role::Table,
            rows,
            ..Default::default()
        }
    }

    pub fn furniture(kind: Furniture, text: impl Into<String>) -> Block {
        Block {
            role: Role::Furniture,
            furniture: Some(kind),
            text: text.into(),
            ..Default::default()
        }
    }

    /// Gives a paragraph the role its text says it has: a list entry when it
    /// starts with a marker ("1.", "(a)", "•"), with the marker kept.
    pub fn classified(mut self) -> Block {
        if self.role == Role::Paragraph {
            if let Some(m) = list_marker(&self.text) {
                self.role = Role::ListEntry;
                self.marker = Some(m);
            }
        }
        self
    }
}

/// The list marker a text starts with, if any: "1.", "12.", "(a)", "a)",
/// "IV.", "A.", "•", "-", "13.1".
pub fn list_marker(text: &str) -> Option<String> {
    let t = text.trim_start();
    let first = t.split([' ', '\t', '\u{a0}']).next().unwrap_or("");
    if first.is_empty() || first.len() == t.len() && !matches!(first, "•" | "-" | "–" | "·" | "*")
    {
        // A marker stands before something.
        return None;
    }
    if crate::extract::is_list_marker(first) || crate::extract::is_paragraph_number(first) {
        Some(first.to_string())
    } else {
        None
    }
}

impl Layout {
    /// Every block in reading order, with the number of its page.
    pub fn blocks(&self) -> impl Iterator<Item = (u32, &Block)> {
        self.pages
            .iter()
            .flat_map(|p| p.blocks.iter().map(move |b| (p.number, b)))
    }

    pub fn is_empty(&self) -> bool {
        self.blocks().all(|(_, b)| {
            b.role == Role::Furniture
                || (b.text.trim().is_empty()
                    && b.rows.iter().flatten().all(|c| c.trim().is_empty()))
        })
    }

    /// The text the parser reads, as `dossier parse --text` prints it: one
    /// paragraph or list entry per line with a blank line between, table rows
    /// as tab-separated cells, list entries indented, furniture left out
    /// except the first page's (the job number belongs to the masthead).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (page, b) in self.blocks() {
            if b.role == Role::Furniture
                && !(page == 1 && b.furniture == Some(Furniture::JobNumber))
            {
                continue;
            }
            if b.role == Role::Table {
                for row in &b.rows {
                    out.push_str(row.join("\t").trim_end_matches('\t'));
                    out.push('\n');
                }
                out.push('\n');
                continue;
            }
            if b.text.trim().is_empty() {
                continue;
            }
            if b.role == Role::ListEntry {
                out.push_str(&" ".repeat(b.indent.min(40) as usize));
            }
            out.push_str(b.text.trim_end());
            out.push_str("\n\n");
        }
        out
    }
}
