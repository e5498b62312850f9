//! Checking that a passage really contains what was asked for, and cutting
//! the snippet shown for it with the matches marked.
//!
//! The index proposes candidates; this module has the last word. A candidate
//! whose text does not contain every clause (in one of its forms, as
//! consecutive terms, never across punctuation) is not shown.

use super::analysis::TermBuffer;
use super::query::Clause;
use serde::{Deserialize, Serialize};

/// A piece of a snippet: plain text, marked when it is a match. The UI
/// renders these as text nodes, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Byte ranges of every match of every clause in `text`, merged and sorted;
/// `None` when some clause does not occur.
pub fn match_ranges(text: &str, clauses: &[Clause]) -> Option<Vec<(usize, usize)>> {
    // Every hit of every search is analysed again here: into one buffer.
    let terms = TermBuffer::grams(text);
    let mut ranges = Vec::new();
    for clause in clauses {
        let before = ranges.len();
        for form in &clause.forms {
            find_form(&terms, form, &mut ranges);
        }
        if ranges.len() == before {
            return None;
        }
    }
    Some(merge(ranges))
}

fn find_form(g: &TermBuffer, form: &[String], out: &mut Vec<(usize, usize)>) {
    if form.is_empty() {
        return;
    }
    let terms = g.terms();
    // A lone CJK character matches inside any bigram that holds it.
    if form.len() == 1 && form[0].chars().count() == 1 {
        let c = form[0].chars().next().unwrap();
        if crate::parse::text::is_cjk(c) {
            // CJK characters fold to characters of the same length, so the
            // original character sits at the start or the end of the term.
            for (i, t) in terms.iter().enumerate() {
                let mut chars = g.text(i).chars();
                if chars.next() == Some(c) {
                    out.push((t.from, t.from + c.len_utf8()));
                } else if chars.next() == Some(c) {
                    out.push((t.to - c.len_utf8(), t.to));
                }
            }
            return;
        }
    }
    for start in 0..terms.len() {
        if terms.len() - start < form.len() {
            break;
        }
        let ok = form
            .iter()
            .enumerate()
            .all(|(k, f)| g.text(start + k) == f && terms[start + k].pos == terms[start].pos + k);
        if ok {
            out.push((terms[start].from, terms[start + form.len() - 1].to));
        }
    }
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Characters of context shown before the first match.
const BEFORE: usize = 40;
/// Longest snippet, in characters.
const WINDOW: usize = 180;

/// The snippet around the first match: segments, and the plain text.
pub fn snippet(text: &str, ranges: &[(usize, usize)]) -> (Vec<Segment>, String) {
    let first = ranges.first().map(|r| r.0).unwrap_or(0);
    // Start up to BEFORE characters before the first match, at a char boundary.
    let mut start = first;
    for _ in 0..BEFORE {
        match text[..start].char_indices().next_back() {
            Some((i, c)) if c != '\n' || start == first => start = i,
            _ => break,
        }
    }
    // Prefer to start after a line break inside the context.
    if let Some(nl) = text[start..first].rfind('\n') {
        start += nl + 1;
    }
    let mut end = start;
    for (n, (i, c)) in text[start..].char_indices().enumerate() {
        if n >= WINDOW {
            break;
        }
        end = start + i + c.len_utf8();
    }
    let mut segments = Vec::new();
    if start > 0 {
        segments.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    let mut at = start;
    for &(a, b) in ranges {
        if b <= start || a >= end {
            continue;
        }
        let (a, b) = (a.max(start), b.min(end));
        if a > at {
            segments.push(plain(&text[at..a]));
        }
        segments.push(Segment {
            text: text[a..b].to_string(),
            hit: true,
        });
        at = b;
    }
    if at < end {
        segments.push(plain(&text[at..end]));
    }
    if end < text.len() {
        segments.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    let plain_text = segments.iter().map(|s| s.text.as_str()).collect();
    (segments, plain_text)
}

fn plain(s: &str) -> Segment {
    Segment {
        text: s.replace('\n', " "),
        hit: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn a_passage_must_contain_the_words_not_just_the_grams() {
        let q = parse("资金流");
        assert!(match_ranges("非法资金流动", &q).is_some());
        assert!(match_ranges("资金。流动", &q).is_none());
        assert!(match_ranges("资金，金流", &q).is_none());
    }

    #[test]
    fn snippets_mark_every_match() {
        let q = parse("实益所有权");
        let text = "关于受益所有权的信息。实益所有权登记册";
        let ranges = match_ranges(text, &q).unwrap();
        let (segs, plain) = snippet(text, &ranges);
        let hits: Vec<&str> = segs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, ["受益所有权", "实益所有权"]);
        assert_eq!(plain, text);
    }

    #[test]
    fn a_single_character_is_found_inside_a_run() {
        let q = parse("益");
        let text = "实益所有权";
        let ranges = match_ranges(text, &q).unwrap();
        assert_eq!(&text[ranges[0].0..ranges[0].1], "益");
    }
}
