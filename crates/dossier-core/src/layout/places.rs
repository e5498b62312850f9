//! Where a document's passages stand on the pages of a PDF.
//!
//! The document's text may come from its Word file while the page view shows
//! its PDF, so passages are found in the PDF by their words, not by block
//! numbers: each passage's opening letters and digits (case, spacing,
//! punctuation, hyphenation and ligatures folded away) are looked for in
//! the PDF's text in reading order, each kind of passage moving forward
//! from where the previous one of its kind was found — an item's title
//! printed first in the agenda list and again over its annotation lands on
//! the annotation once the annotations before it were found there.

use super::{Layout, Role};
use crate::model::Document;
use crate::store::renditions::{Place, Places};
use unicode_normalization::UnicodeNormalization;

/// Letters and digits of `s`, compatibility-decomposed (ligatures, full-width
/// forms, Arabic presentation forms) and lower-cased, appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.nfkc() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The PDF's text folded into one string, with where each block begins.
struct Folded {
    text: String,
    /// (byte offset in `text`, place of the block starting there), ascending.
    starts: Vec<(usize, Place)>,
}

impl Folded {
    fn of(layout: &Layout) -> Folded {
        let mut text = String::new();
        let mut starts = Vec::new();
        for page in &layout.pages {
            for block in &page.blocks {
                if block.role == Role::Furniture {
                    continue;
                }
                let top = match (block.bbox, page.height) {
                    (Some(b), Some(h)) if h > 0.0 => (b[1] / h).clamp(0.0, 1.0),
                    _ => 0.0,
                };
                starts.push((
                    text.len(),
                    Place {
                        page: page.number,
                        top,
                    },
                ));
                fold_into(&block.text, &mut text);
                for row in &block.rows {
                    for cell in row {
                        fold_into(cell, &mut text);
                    }
                }
            }
        }
        Folded { text, starts }
    }

    /// The place of the block holding byte `at`.
    fn place_at(&self, at: usize) -> Option<Place> {
        let i = self.starts.partition_point(|(s, _)| *s <= at);
        i.checked_sub(1).map(|i| self.starts[i].1)
    }

    /// Where `passage` begins, at or after byte `from` (else anywhere):
    /// its first letters, else a run from further in (a footnote marker
    /// or a number printed differently can break the opening).
    fn find(&self, passage: &str, from: usize) -> Option<usize> {
        let folded = fold(passage);
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        if chars.len() < MIN_KEY {
            return None;
        }
        let key = |start: usize, len: usize| -> Option<&str> {
            let a = chars.get(start)?.0;
            let b = chars.get(start + len).map_or(folded.len(), |c| c.0);
            Some(&folded[a..b])
        };
        let len = chars.len().min(KEY);
        let tries = [
            (0, len),
            (0, len.min(SHORT_KEY)),
            (
                chars.len() / 3,
                (chars.len() - chars.len() / 3).min(SHORT_KEY),
            ),
        ];
        for (start, len) in tries {
            let Some(k) = key(start, len).filter(|k| k.chars().count() >= MIN_KEY) else {
                continue;
            };
            let from = from.min(self.text.len());
            if let Some(i) = self.text[from..].find(k) {
                return Some(from + i);
            }
        }
        None
    }
}

/// Letters compared at most from a passage's opening.
const KEY: usize = 60;
const SHORT_KEY: usize = 24;
/// A passage with fewer letters than this is not looked for ("1", "(a)").
const MIN_KEY: usize = 8;

/// Where the passages of `doc` stand in the PDF `layout`, and its number of
/// pages. Passages are named as notes name them: `item:3(a)`, `para:12`,
/// and `slot:4` for a timetable row.
pub fn places(layout: &Layout, doc: &Document) -> (u32, Places) {
    let folded = Folded::of(layout);
    let mut out = Places::new();
    let mut locate = |name: String, texts: &[&str], cursor: &mut usize| {
        for text in texts {
            if let Some(at) = folded.find(text, *cursor) {
                if let Some(place) = folded.place_at(at) {
                    out.insert(name, place);
                    *cursor = (*cursor).max(at);
                }
                return;
            }
        }
    };
    let mut cursor = 0;
    for item in doc.items_flat() {
        let heading = format!("{} {}", item.number, item.title);
        locate(
            format!("item:{}", item.number),
            &[
                item.annotation.as_str(),
                heading.as_str(),
                item.title.as_str(),
            ],
            &mut cursor,
        );
    }
    let mut cursor = 0;
    for p in doc.text_blocks() {
        locate(format!("para:{}", p.index), &[p.text.as_str()], &mut cursor);
    }
    let mut cursor = 0;
    for (i, slot) in doc.schedule.iter().enumerate() {
        let titles: Vec<&str> = slot.titles.iter().map(String::as_str).collect();
        locate(format!("slot:{i}"), &titles, &mut cursor);
    }
    (layout.pages.len() as u32, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Block, Page};
    use crate::model::{AgendaItem, Paragraph};

    fn page(number: u32, blocks: &[(&str, f32)]) -> Page {
        Page {
            number,
            height: Some(800.0),
            blocks: blocks
                .iter()
                .map(|(t, y)| Block {
                    bbox: Some([72.0, *y, 500.0, y + 12.0]),
                    ..Block::paragraph(*t)
                })
                .collect(),
        }
    }

    #[test]
    fn folding_ignores_case_spacing_hyphens_and_ligatures() {
        assert_eq!(fold("The  ﬁnal re-\nport, 2024"), "thefinalreport2024");
        assert_eq!(fold("１２．资产 追回"), "12资产追回");
    }

    #[test]
    fn an_item_lands_on_its_annotation_not_on_the_agenda_list() {
        let layout = Layout {
            format: "pdf",
            pages: vec![
                page(
                    1,
                    &[
                        ("1. Opening of the session", 100.0),
                        ("2. Asset recovery and international cooperation", 120.0),
                    ],
                ),
                page(
                    2,
                    &[
                        ("1. Opening of the session", 80.0),
                        ("The session will be opened by the Chair on Monday.", 100.0),
                        ("2. Asset recovery and international cooperation", 400.0),
                    ],
                ),
            ],
            diagnostics: vec![],
        };
        let doc = Document {
            agenda: vec![
                AgendaItem {
                    number: "1".into(),
                    title: "Opening of the session".into(),
                    annotation: "The session will be opened by the Chair on Monday.".into(),
                    ..Default::default()
                },
                AgendaItem {
                    number: "2".into(),
                    title: "Asset recovery and international cooperation".into(),
                    ..Default::default()
                },
            ],
            unnumbered: vec![Paragraph {
                text: "The session will be opened by the Chair on Monday.".into(),
                index: 3,
                ..Default::default()
            }],
            ..Default::default()
        };
        let (pages, places) = places(&layout, &doc);
        assert_eq!(pages, 2);
        assert_eq!(
            places["item:1"],
            Place {
                page: 2,
                top: 0.125
            }
        );
        assert_eq!(places["item:2"].page, 2, "{places:?}");
        assert_eq!(places["item:2"].top, 0.5);
        assert_eq!(places["para:3"].page, 2);
    }

    #[test]
    fn a_passage_whose_opening_differs_is_found_by_its_middle() {
        let layout = Layout {
            format: "pdf",
            pages: vec![page(
                1,
                &[("12. The Working Group^a recommended that States parties continue to share good practices.", 300.0)],
            )],
            diagnostics: vec![],
        };
        let doc = Document {
            paragraphs: vec![Paragraph {
                number: Some("12".into()),
                text: "The Working Group recommended that States parties continue to share good practices.".into(),
                index: 0,
                ..Default::default()
            }],
            ..Default::default()
        };
        let (_, places) = places(&layout, &doc);
        assert_eq!(places["para:0"].page, 1);
    }
}
