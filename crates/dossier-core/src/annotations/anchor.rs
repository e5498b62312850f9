//! Anchoring notes to words (W3C Web Annotation text-quote and text-position
//! selectors) and re-attaching them when the document changes.
//!
//! A note's *passage* is an agenda item's annotation (`item:3(a)`) or a
//! paragraph (`para:12`, by position). Positions count Unicode scalar values
//! of the passage text.
//!
//! Re-attaching to a new version: the exact quote is looked for in the same
//! passage first, then anywhere in the document; among several occurrences the
//! one whose surrounding text best matches the stored prefix and suffix wins,
//! then the one nearest the old position. Outside its own passage a quote is
//! taken only when its context matches or it is long and unique. Otherwise the
//! note is detached: kept, with its quote, never moved onto other words.

use crate::model::Document;
use serde::{Deserialize, Serialize};

/// Characters of context kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// Where a note is attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Anchor {
    /// `item:3(a)` or `para:12`.
    pub passage: String,
    /// Text-quote selector.
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Text-position selector, in characters of the passage text.
    pub start: u32,
    pub end: u32,
}

/// The text of a passage, if the document has it.
pub fn passage_text<'a>(doc: &'a Document, passage: &str) -> Option<&'a str> {
    if let Some(n) = passage.strip_prefix("item:") {
        return doc
            .items_flat()
            .into_iter()
            .find(|i| i.number == n)
            .map(|i| i.annotation.as_str());
    }
    if let Some(i) = passage.strip_prefix("para:") {
        let i: u32 = i.parse().ok()?;
        return doc.text_block(i).map(|p| p.text.as_str());
    }
    None
}

/// Every passage a note can attach to, in reading order.
pub fn passages(doc: &Document) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = doc
        .items_flat()
        .into_iter()
        .map(|i| (format!("item:{}", i.number), i.annotation.as_str()))
        .collect();
    out.extend(
        doc.text_blocks()
            .into_iter()
            .map(|p| (format!("para:{}", p.index), p.text.as_str())),
    );
    out
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Builds the anchor for characters `start..end` of a passage.
pub fn anchor_at(doc: &Document, passage: &str, start: u32, end: u32) -> Option<Anchor> {
    let text = chars(passage_text(doc, passage)?);
    let (s, e) = (start as usize, end as usize);
    if s >= e || e > text.len() {
        return None;
    }
    let exact: String = text[s..e].iter().collect();
    if exact.trim().is_empty() {
        return None;
    }
    Some(Anchor {
        passage: passage.to_string(),
        exact,
        prefix: text[s.saturating_sub(CONTEXT)..s].iter().collect(),
        suffix: text[e..(e + CONTEXT).min(text.len())].iter().collect(),
        start,
        end,
    })
}

/// Common characters at the end of `a` and `b`.
fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count()
}

struct Candidate {
    passage: String,
    start: usize,
    context: usize,
    same_passage: bool,
    distance: usize,
}

/// Re-attaches `old` in `doc`; None when the words are gone (the note is detached).
pub fn reattach(doc: &Document, old: &Anchor) -> Option<Anchor> {
    let exact = chars(&old.exact);
    if exact.is_empty() {
        return None;
    }
    let prefix = chars(&old.prefix);
    let suffix = chars(&old.suffix);
    let mut candidates = Vec::new();
    for (key, text) in passages(doc) {
        let text = chars(text);
        if text.len() < exact.len() {
            continue;
        }
        for i in 0..=text.len() - exact.len() {
            if text[i..i + exact.len()] != exact[..] {
                continue;
            }
            let before = &text[i.saturating_sub(CONTEXT)..i];
            let after = &text[i + exact.len()..(i + exact.len() + CONTEXT).min(text.len())];
            candidates.push(Candidate {
                same_passage: key == old.passage,
                passage: key.clone(),
                start: i,
                context: common_suffix(before, &prefix) + common_prefix(after, &suffix),
                distance: i.abs_diff(old.start as usize),
            });
        }
    }
    let total = candidates.len();
    let best = candidates.into_iter().max_by(|a, b| {
        (a.same_passage, a.context)
            .cmp(&(b.same_passage, b.context))
            .then(b.distance.cmp(&a.distance))
    })?;
    let trusted = best.same_passage || best.context > 0 || (total == 1 && exact.len() >= 8);
    if !trusted {
        return None;
    }
    anchor_at(
        doc,
        &best.passage,
        best.start as u32,
        (best.start + exact.len()) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaItem, Paragraph};

    fn doc(annotation: &str, paragraphs: &[&str]) -> Document {
        Document {
            agenda: vec![AgendaItem {
                number: "3(a)".into(),
                title: "T".into(),
                annotation: annotation.into(),
                ..Default::default()
            }],
            unnumbered: paragraphs
                .iter()
                .enumerate()
                .map(|(i, t)| Paragraph {
                    text: t.to_string(),
                    index: i as u32,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_quote_survives_edits_around_it() {
        let v1 = doc("工作组将收到秘书处关于实益所有权透明度的参考文件。", &[]);
        let a = anchor_at(&v1, "item:3(a)", 11, 16).unwrap();
        assert_eq!(a.exact, "实益所有权");
        let v2 = doc(
            "会议开始前，工作组将收到秘书处编写的关于实益所有权透明度的参考文件和说明。",
            &[],
        );
        let b = reattach(&v2, &a).unwrap();
        assert_eq!(b.exact, "实益所有权");
        assert_eq!(b.passage, "item:3(a)");
        assert_eq!(b.start, 20);
    }

    #[test]
    fn the_right_occurrence_is_chosen_by_context() {
        let text = "The Group discussed ownership. States shared ownership registries.";
        let v1 = doc("", &[text]);
        let at = text.rfind("ownership").unwrap() as u32;
        let a = anchor_at(&v1, "para:0", at, at + 9).unwrap();
        assert_eq!(a.exact, "ownership");
        let v2 = doc(
            "",
            &["New text. The Group discussed ownership. States shared ownership registries."],
        );
        let b = reattach(&v2, &a).unwrap();
        assert_eq!(
            b.prefix.chars().rev().take(7).collect::<String>(),
            " derahs"
        );
    }

    #[test]
    fn a_passage_that_moved_is_followed_and_a_deleted_one_detaches() {
        let v1 = doc(
            "",
            &[
                "First paragraph.",
                "Beneficial ownership registries help recovery.",
            ],
        );
        let a = anchor_at(&v1, "para:1", 0, 20).unwrap();
        let v2 = doc(
            "",
            &[
                "Inserted.",
                "First paragraph.",
                "Beneficial ownership registries help recovery.",
            ],
        );
        assert_eq!(reattach(&v2, &a).unwrap().passage, "para:2");
        let v3 = doc("", &["First paragraph.", "Something else entirely."]);
        assert_eq!(reattach(&v3, &a), None);
    }

    #[test]
    fn a_short_quote_without_context_elsewhere_is_not_taken() {
        let v1 = doc("", &["他们讨论了问题。"]);
        let a = anchor_at(&v1, "para:0", 5, 7).unwrap();
        assert_eq!(a.exact, "问题");
        let v2 = doc("", &["完全不同的段落。", "另一个问题"]);
        assert_eq!(reattach(&v2, &a), None);
    }
}
