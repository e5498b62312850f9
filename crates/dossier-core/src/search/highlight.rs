//! Checking that a passage really contains what was asked for, and cutting
//! the snippet shown for it with the matches marked.
//!
//! The index proposes candidates; this module has the last word. A candidate
//! whose text does not contain every clause (in one of its forms, as
//! consecutive terms, never across punctuation) is not shown. The passage is
//! analysed as it was indexed (its Latin language), and only the forms of
//! that language count, so the marks fall on the words the stems came from.

use super::analysis::{Latin, TermBuffer};
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
/// `None` when some clause does not occur. `latin` is the passage's Latin
/// language, as it was indexed.
pub fn match_ranges(text: &str, latin: Latin, clauses: &[Clause]) -> Option<Vec<(usize, usize)>> {
    // Every hit of every search is analysed again here: into one buffer.
    let terms = TermBuffer::grams(text, latin);
    let mut ranges = Vec::new();
    for clause in clauses {
        let before = ranges.len();
        for form in clause.forms.iter().filter(|f| f.applies_to(latin)) {
            find_form(&terms, &form.terms, &mut ranges);
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
        if crate::script::is_cjk(c) {
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
    // The two stems of an accented word share a position: term k of the form
    // is any term at the first one's position + k.
    'start: for start in 0..terms.len() {
        if g.text(start) != form[0] {
            continue;
        }
        let first = terms[start].pos;
        let mut at = start;
        for (k, f) in form.iter().enumerate().skip(1) {
            let want = first + k;
            let mut i = at + 1;
            loop {
                match terms.get(i) {
                    Some(t) if t.pos == want && g.text(i) == f => break,
                    Some(t) if t.pos <= want => i += 1,
                    _ => continue 'start,
                }
            }
            at = i;
        }
        out.push((terms[start].from, terms[at].to));
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
        assert!(match_ranges("非法资金流动", Latin::English, &q).is_some());
        assert!(match_ranges("资金。流动", Latin::English, &q).is_none());
        assert!(match_ranges("资金，金流", Latin::English, &q).is_none());
    }

    #[test]
    fn snippets_mark_every_match() {
        let q = parse("实益所有权");
        let text = "关于受益所有权的信息。实益所有权登记册";
        let ranges = match_ranges(text, Latin::English, &q).unwrap();
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
        let ranges = match_ranges(text, Latin::English, &q).unwrap();
        assert_eq!(&text[ranges[0].0..ranges[0].1], "益");
    }
}
