//! How text becomes index terms, for documents and queries alike.
//!
//! Two analyses of the same text:
//! - **grams** (recall): Chinese, Japanese and Korean runs become overlapping
//!   character bigrams (a run of one character is one unigram), so any
//!   fragment of two or more characters is a phrase of bigrams and is found
//!   wherever it occurs. Bigrams never span punctuation, so no document
//!   matches across it. Other scripts become lower-cased words, English
//!   stemmed (Porter 2), so "meetings" finds "meeting". UN symbols split into
//!   their parts ("WG.2/2024" → wg 2 2024), so a fragment is a phrase.
//! - **words** (ranking): jieba segments Chinese into dictionary words; a
//!   query's words that match whole words of a passage rank it higher.
//!
//! Every character is folded first: NFKC (full-width Ａ１ → A1) and lower case.
//! Offsets always point into the original text, for highlighting.

use crate::parse::text::is_cjk;
use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// A term with its place in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// Position for phrase matching. Punctuation between two terms leaves a
    /// gap, so that no phrase matches across it.
    pub pos: usize,
    /// Byte offsets into the original text.
    pub from: usize,
    pub to: usize,
}

/// Folds one character: NFKC, then lower case. Most characters fold to one.
fn fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if matches!(c as u32, 0x4E00..=0x9FFF) {
        out.push(c);
    } else {
        for n in std::iter::once(c).nfkc() {
            out.extend(n.to_lowercase());
        }
    }
}

/// The folded form of a string, as the analyses see it.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold(c, &mut out);
    }
    out
}

static STEMMER: Lazy<Stemmer> = Lazy::new(|| Stemmer::create(Algorithm::English));

const MAX_WORD: usize = 64;

/// One folded character with the byte range of the original character it came from.
struct Folded {
    c: char,
    from: usize,
    to: usize,
}

/// White space within a line. A line break ends a phrase: the parser has
/// already re-joined hard-wrapped lines, so the breaks left are real.
fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// Characters that join the parts of one expression ("WG.2/2024", "co-operation")
/// rather than separate phrases.
fn is_joiner(c: char) -> bool {
    is_inline_space(c) || matches!(c, '.' | '/' | '-' | '(' | ')' | '_' | '\'' | '’')
}

fn folded_chars(text: &str) -> Vec<Folded> {
    let mut out = Vec::with_capacity(text.len());
    let mut buf = String::new();
    for (i, c) in text.char_indices() {
        let to = i + c.len_utf8();
        buf.clear();
        fold(c, &mut buf);
        for f in buf.chars() {
            out.push(Folded { c: f, from: i, to });
        }
    }
    out
}

/// The recall analysis: CJK bigrams and stemmed words, in order.
pub fn grams(text: &str) -> Vec<Term> {
    let chars = folded_chars(text);
    let mut terms = Vec::with_capacity(chars.len());
    let mut pos = 0usize;
    // Set when a breaking character has been passed since the last unit.
    let mut broken = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].c;
        if (is_cjk(c) || c.is_alphanumeric()) && broken && !terms.is_empty() {
            pos += 1;
        }
        if is_cjk(c) || c.is_alphanumeric() {
            broken = false;
        }
        if is_cjk(c) {
            // A run of CJK characters; white space inside the run (stray
            // spaces from PDF extraction) does not break it.
            let mut run: Vec<&Folded> = vec![&chars[i]];
            let mut j = i + 1;
            while j < chars.len() {
                if is_cjk(chars[j].c) {
                    run.push(&chars[j]);
                    j += 1;
                } else if is_inline_space(chars[j].c) {
                    let mut k = j;
                    while k < chars.len() && is_inline_space(chars[k].c) {
                        k += 1;
                    }
                    if k < chars.len() && is_cjk(chars[k].c) {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if run.len() == 1 {
                terms.push(Term {
                    text: run[0].c.to_string(),
                    pos,
                    from: run[0].from,
                    to: run[0].to,
                });
                pos += 1;
            } else {
                for w in run.windows(2) {
                    let mut t = String::with_capacity(6);
                    t.push(w[0].c);
                    t.push(w[1].c);
                    terms.push(Term {
                        text: t,
                        pos,
                        from: w[0].from,
                        to: w[1].to,
                    });
                    pos += 1;
                }
            }
            i = j;
        } else if c.is_alphanumeric() {
            let mut j = i;
            let mut word = String::new();
            while j < chars.len() && chars[j].c.is_alphanumeric() && !is_cjk(chars[j].c) {
                word.push(chars[j].c);
                j += 1;
            }
            if word.len() <= MAX_WORD {
                let text = if word.chars().all(|c| c.is_ascii_alphabetic()) {
                    STEMMER.stem(&word).into_owned()
                } else {
                    word
                };
                terms.push(Term {
                    text,
                    pos,
                    from: chars[i].from,
                    to: chars[j - 1].to,
                });
                pos += 1;
            }
            i = j;
        } else {
            if !is_joiner(c) {
                broken = true;
            }
            i += 1;
        }
    }
    terms
}

static JIEBA: Lazy<jieba_rs::Jieba> = Lazy::new(jieba_rs::Jieba::new);

/// Loads the jieba dictionary (100–250 ms, ~30 MiB) now, off the caller's
/// critical path. Searching before it is loaded only waits for it.
pub fn warm_up() {
    Lazy::force(&JIEBA);
}

/// The ranking analysis: Chinese words of two or more characters, as jieba
/// segments them in context. Other scripts are left to `grams`.
pub fn words(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    // Segment each CJK stretch separately; jieba is slow on long Latin text.
    for (start, end) in cjk_stretches(text) {
        let stretch = &text[start..end];
        for tok in JIEBA.cut(stretch, false) {
            if tok.word.chars().filter(|c| is_cjk(*c)).count() >= 2 {
                terms.push(Term {
                    text: fold_str(tok.word),
                    pos: terms.len(),
                    from: start + tok.byte_start,
                    to: start + tok.byte_end,
                });
            }
        }
    }
    terms
}

/// Byte ranges of the maximal stretches of CJK characters.
fn cjk_stretches(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_cjk(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A tantivy tokenizer around one of the analyses above.
#[derive(Clone)]
pub struct AnalysisTokenizer {
    analyse: fn(&str) -> Vec<Term>,
    token: Token,
}

impl AnalysisTokenizer {
    pub fn grams() -> Self {
        AnalysisTokenizer {
            analyse: grams,
            token: Token::default(),
        }
    }
    pub fn words() -> Self {
        AnalysisTokenizer {
            analyse: words,
            token: Token::default(),
        }
    }
}

pub struct TermStream<'a> {
    terms: std::vec::IntoIter<Term>,
    token: &'a mut Token,
}

impl Tokenizer for AnalysisTokenizer {
    type TokenStream<'a> = TermStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream<'a> {
        self.token.reset();
        TermStream {
            terms: (self.analyse)(text).into_iter(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermStream<'_> {
    fn advance(&mut self) -> bool {
        match self.terms.next() {
            Some(t) => {
                self.token.text = t.text;
                self.token.offset_from = t.from;
                self.token.offset_to = t.to;
                self.token.position = t.pos;
                self.token.position_length = 1;
                true
            }
            None => false,
        }
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(terms: Vec<Term>) -> Vec<String> {
        terms.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn cjk_becomes_bigrams_that_stop_at_punctuation() {
        assert_eq!(texts(grams("资金，流动")), ["资金", "流动"]);
        assert_eq!(texts(grams("非法资金")), ["非法", "法资", "资金"]);
        assert_eq!(texts(grams("第3项")), ["第", "3", "项"]);
        // A stray space inside a run does not break it.
        assert_eq!(texts(grams("实益 所有")), ["实益", "益所", "所有"]);
    }

    #[test]
    fn punctuation_leaves_a_gap_between_positions() {
        let t = grams("X资金。金流");
        let pos: Vec<usize> = t.iter().map(|t| t.pos).collect();
        assert_eq!(pos, [0, 1, 3]);
        let t = grams("WG.2/2024 meeting");
        let pos: Vec<usize> = t.iter().map(|t| t.pos).collect();
        assert_eq!(pos, [0, 1, 2, 3]);
    }

    #[test]
    fn latin_is_folded_and_stemmed_and_symbols_split() {
        assert_eq!(
            texts(grams("Meetings of ＷＧ.2/2024")),
            ["meet", "of", "wg", "2", "2024"]
        );
        let t = grams("A/81/6");
        assert_eq!(texts(t.clone()), ["a", "81", "6"]);
        assert_eq!((t[1].from, t[1].to), (2, 4));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "附件：实益所有权";
        for t in grams(text) {
            assert_eq!(fold_str(&text[t.from..t.to]).replace(' ', ""), t.text);
        }
    }

    #[test]
    fn jieba_finds_words_for_ranking() {
        let w = texts(words("非法资金流动和实益所有权"));
        assert!(
            w.contains(&"资金".to_string()) || w.contains(&"非法资金".to_string()),
            "{w:?}"
        );
    }
}
