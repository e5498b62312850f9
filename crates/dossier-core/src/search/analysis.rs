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

/// Stems are cached per thread: a library's English vocabulary is small and
/// the Porter stemmer was a tenth of indexing time.
const STEM_CACHE_MAX: usize = 50_000;
thread_local! {
    static STEMS: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Writes the stem of a lower-case ASCII word into `out`.
fn stem_into(word: &str, out: &mut String) {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            out.push_str(s);
            return;
        }
        let stem = STEMMER.stem(word).into_owned();
        out.push_str(&stem);
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        cache.insert(word.to_string(), stem);
    });
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

/// Calls `each` with every folded character of `text` and the byte range of
/// the original character it came from.
fn for_each_folded(text: &str, mut each: impl FnMut(char, usize, usize)) {
    let mut buf = String::new();
    for (i, c) in text.char_indices() {
        let to = i + c.len_utf8();
        if c.is_ascii() {
            each(c.to_ascii_lowercase(), i, to);
        } else if matches!(c as u32, 0x4E00..=0x9FFF) {
            each(c, i, to);
        } else {
            buf.clear();
            fold(c, &mut buf);
            for f in buf.chars() {
                each(f, i, to);
            }
        }
    }
}

/// The recall analysis, streamed: calls `emit(term, position, from, to)` for
/// each CJK bigram (or lone CJK character) and each stemmed word, in order.
/// No allocation per term: `term` borrows a buffer reused for the next one.
pub fn for_each_gram(text: &str, mut emit: impl FnMut(&str, usize, usize, usize)) {
    let mut pos = 0usize;
    let mut emitted = false;
    // Set when a breaking character has been passed since the last unit.
    let mut broken = false;
    // The CJK run in progress: its last character, where that began, the
    // run's first character, and whether inline space follows the last one.
    let mut run: Option<(char, usize, usize)> = None;
    let mut run_len = 0usize;
    let mut run_first: (char, usize, usize) = (' ', 0, 0);
    // The word in progress (folded), and its original byte range.
    let mut word = String::new();
    let (mut word_from, mut word_to) = (0usize, 0usize);
    let mut term = String::with_capacity(MAX_WORD);

    for_each_folded(text, |c, from, to| {
        let cjk = is_cjk(c);
        if run.is_some() {
            if cjk {
                let (p, pfrom, _) = run.unwrap();
                term.clear();
                term.push(p);
                term.push(c);
                emit(&term, pos, pfrom, to);
                pos += 1;
                run = Some((c, from, to));
                run_len += 1;
                return;
            }
            if is_inline_space(c) {
                // Stray spaces inside a run (from PDF extraction) do not
                // break it; anything else after them does.
                return;
            }
            end_run(&mut run, run_len, run_first, &mut pos, &mut emit);
        }
        let alnum = !cjk && c.is_alphanumeric();
        if alnum && !word.is_empty() {
            word.push(c);
            word_to = to;
            return;
        }
        if !word.is_empty() {
            emitted |= end_word(
                &mut word,
                (word_from, word_to),
                &mut pos,
                &mut term,
                &mut emit,
            );
        }
        if cjk || alnum {
            if broken && emitted {
                pos += 1;
            }
            broken = false;
            if cjk {
                run = Some((c, from, to));
                run_first = (c, from, to);
                run_len = 1;
                emitted = true;
            } else {
                word.push(c);
                word_from = from;
                word_to = to;
            }
        } else if !is_joiner(c) {
            broken = true;
        }
    });
    end_run(&mut run, run_len, run_first, &mut pos, &mut emit);
    end_word(
        &mut word,
        (word_from, word_to),
        &mut pos,
        &mut term,
        &mut emit,
    );
}

type Emit<'a> = dyn FnMut(&str, usize, usize, usize) + 'a;

/// Ends a CJK run: a run of one character is indexed as that character.
fn end_run(
    run: &mut Option<(char, usize, usize)>,
    run_len: usize,
    first: (char, usize, usize),
    pos: &mut usize,
    emit: &mut Emit,
) {
    if run.take().is_some() && run_len == 1 {
        let mut b = [0u8; 4];
        emit(first.0.encode_utf8(&mut b), *pos, first.1, first.2);
        *pos += 1;
    }
}

/// Ends a word: English words are stemmed; overlong ones are not indexed.
/// Returns whether a term was emitted.
fn end_word(
    word: &mut String,
    (from, to): (usize, usize),
    pos: &mut usize,
    term: &mut String,
    emit: &mut Emit,
) -> bool {
    let mut out = false;
    if !word.is_empty() && word.len() <= MAX_WORD {
        term.clear();
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            stem_into(word, term);
        } else {
            term.push_str(word);
        }
        emit(term, *pos, from, to);
        *pos += 1;
        out = true;
    }
    word.clear();
    out
}

/// The recall analysis: CJK bigrams and stemmed words, in order.
pub fn grams(text: &str) -> Vec<Term> {
    let mut terms = Vec::with_capacity(text.len() / 3);
    for_each_gram(text, |t, pos, from, to| {
        terms.push(Term {
            text: t.to_string(),
            pos,
            from,
            to,
        })
    });
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

/// The terms of one text, their texts one after another in one buffer: no
/// allocation per term, and the buffer is reused for the next text. The
/// tokenizer indexes from it; search's final check matches against it.
#[derive(Clone, Default)]
pub struct TermBuffer {
    texts: String,
    terms: Vec<TermAt>,
}

/// A term of a [`TermBuffer`]: where its text is in the buffer, its position,
/// and the byte range in the original text.
#[derive(Clone, Copy)]
pub struct TermAt {
    start: usize,
    end: usize,
    pub pos: usize,
    pub from: usize,
    pub to: usize,
}

impl TermBuffer {
    /// The grams of `text` (as [`for_each_gram`]).
    pub fn grams(text: &str) -> TermBuffer {
        let mut b = TermBuffer::default();
        b.fill(text, false);
        b
    }

    /// Replaces the contents with the grams, or the words, of `text`.
    fn fill(&mut self, text: &str, words: bool) {
        self.texts.clear();
        self.terms.clear();
        let mut push = |t: &str, pos: usize, from: usize, to: usize| {
            let start = self.texts.len();
            self.texts.push_str(t);
            self.terms.push(TermAt {
                start,
                end: self.texts.len(),
                pos,
                from,
                to,
            });
        };
        if words {
            for t in self::words(text) {
                push(&t.text, t.pos, t.from, t.to);
            }
        } else {
            for_each_gram(text, push);
        }
    }

    pub fn terms(&self) -> &[TermAt] {
        &self.terms
    }

    /// The text of term `i`.
    pub fn text(&self, i: usize) -> &str {
        let t = &self.terms[i];
        &self.texts[t.start..t.end]
    }
}

/// A tantivy tokenizer around one of the analyses above, through a reused
/// [`TermBuffer`], so indexing allocates nothing per term.
#[derive(Clone)]
pub struct AnalysisTokenizer {
    words: bool,
    buffer: TermBuffer,
    token: Token,
}

impl AnalysisTokenizer {
    pub fn grams() -> Self {
        AnalysisTokenizer {
            words: false,
            buffer: TermBuffer::default(),
            token: Token::default(),
        }
    }
    pub fn words() -> Self {
        AnalysisTokenizer {
            words: true,
            ..AnalysisTokenizer::grams()
        }
    }
}

pub struct TermStream<'a> {
    buffer: &'a TermBuffer,
    next: usize,
    token: &'a mut Token,
}

impl Tokenizer for AnalysisTokenizer {
    type TokenStream<'a> = TermStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream<'a> {
        self.token.reset();
        self.buffer.fill(text, self.words);
        TermStream {
            buffer: &self.buffer,
            next: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermStream<'_> {
    fn advance(&mut self) -> bool {
        let i = self.next;
        let Some(t) = self.buffer.terms().get(i) else {
            return false;
        };
        self.next += 1;
        self.token.text.clear();
        self.token.text.push_str(self.buffer.text(i));
        self.token.offset_from = t.from;
        self.token.offset_to = t.to;
        self.token.position = t.pos;
        self.token.position_length = 1;
        true
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
