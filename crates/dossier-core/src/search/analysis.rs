//! How text becomes index terms, for documents and queries alike, in the
//! six UN languages.
//!
//! Two analyses of the same text:
//! - **grams** (recall): Chinese, Japanese and Korean runs become overlapping
//!   character bigrams (a run of one character is one unigram), so any
//!   fragment of two or more characters is a phrase of bigrams and is found
//!   wherever it occurs. Bigrams never span punctuation, so no document
//!   matches across it. Other scripts become folded words, stemmed by their
//!   language (below). UN symbols split into their parts ("WG.2/2024" → wg 2
//!   2024), so a fragment is a phrase.
//! - **words** (ranking, at query time only): jieba segments the query's
//!   Chinese into dictionary words; a candidate in which they stand whole
//!   ranks higher (`search::rank`).
//!
//! **Folding**, before anything else: each cluster of a base character and
//! its combining marks is composed (NFC), then NFKC (full-width Ａ１ → A1,
//! Arabic presentation forms → letters) and lower case. Latin letters lose
//! their accents (é → e, ñ → n, ç → c, œ → oe), so "ecole" finds "école"; no
//! other script is touched by that. Arabic is normalised: alef forms أ إ آ ٱ
//! → ا, ى → ي, hamza on waw and ya ؤ ئ → و ي, ة → ه (written either way at the
//! end of a word, so both are one letter), tatweel ـ and harakat
//! (U+064B–U+065F, U+0670) removed, Arabic-Indic digits ٠–٩ and ۰–۹ read as
//! 0–9. Cyrillic ё → е. Removed marks stay inside the word they belong to.
//!
//! **Stemming**, word by word, by script: Cyrillic words by the Russian
//! Snowball stemmer, Arabic words by Larkey's light10 (Snowball's Arabic
//! stemmer leaves "مفاوضات" as "مفاوضا" but "المفاوضات" as "مفاوض", and keeps
//! "وال"), Latin words by the Snowball stemmer of the passage's Latin
//! language ([`Latin`]: English, French or Spanish; a Chinese, Russian or
//! Arabic passage stems its Latin words as English). A Latin word that had
//! accents is stemmed twice and both stems share its position: the stem of
//! the accented word, folded (the stemmers know "-ación" and "-ée" only with
//! their accents, so "negociación" and "negociaciones" both give "negoci"),
//! and the stem of the folded word (what a query typed without accents
//! gives: "negociacion"). A query uses only the first kind, computed from
//! what was typed.
//!
//! Offsets always point into the original text, for highlighting.

use crate::script::is_cjk;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::LazyLock;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

/// A term with its place in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// Position for phrase matching. Punctuation between two terms leaves a
    /// gap, so that no phrase matches across it. The two stems of an accented
    /// Latin word share one position.
    pub pos: usize,
    /// Byte offsets into the original text.
    pub from: usize,
    pub to: usize,
}

/// The language whose stemmer a passage's Latin-script words get. Cyrillic,
/// Arabic and CJK words are analysed by their script alone, so this is the
/// only choice a passage needs (see `search` module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Latin {
    English,
    French,
    Spanish,
}

/// Passages shorter than this (bytes) take their document's language: a
/// heading or a time slot says too little to tell French from English.
const DETECT_MIN: usize = 160;

impl Latin {
    pub const ALL: [Latin; 3] = [Latin::English, Latin::French, Latin::Spanish];

    pub fn code(self) -> &'static str {
        match self {
            Latin::English => "en",
            Latin::French => "fr",
            Latin::Spanish => "es",
        }
    }

    /// The Latin stemmer for a language code: French and Spanish their own,
    /// every other language (Chinese, Russian and Arabic documents carry
    /// English symbols, names and mastheads) English.
    pub fn for_language(code: &str) -> Latin {
        match code {
            "fr" => Latin::French,
            "es" => Latin::Spanish,
            _ => Latin::English,
        }
    }

    /// The Latin stemmer for one passage of a document: the document's,
    /// unless the passage is long enough to tell and is in English, French or
    /// Spanish by `parse::language::detect_language` (an English masthead or
    /// resolution quoted in a French report, a French paragraph of a Russian
    /// document).
    pub fn for_passage(document_language: &str, text: &str) -> Latin {
        if text.len() >= DETECT_MIN {
            let detected = crate::parse::language::detect_language(text);
            if matches!(detected.as_str(), "en" | "fr" | "es") {
                return Latin::for_language(&detected);
            }
        }
        Latin::for_language(document_language)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Whether a mark is dropped by folding: Latin and Cyrillic combining
/// accents, Arabic harakat and Quranic marks, tatweel, zero-width
/// (non-)joiners, soft hyphens, variation selectors.
fn is_dropped(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x0640 | 0x00AD | 0x200C | 0x200D | 0xFE00..=0xFE0F)
}

/// Latin letters (Latin-1 Supplement to Latin Extended-B, Extended Additional).
fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F)
}

/// Folds one lower-case, NFKC character (see the module docs); `None` when
/// it is dropped. `strip` removes the accents of Latin letters.
fn fold_lower(c: char, strip: bool, each: &mut dyn FnMut(Option<char>)) {
    if is_dropped(c) {
        return each(None);
    }
    let mapped = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ؤ' => 'و',
        'ة' => 'ه',
        'ё' => 'е',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ if strip && is_latin_letter(c) => {
            let pair = match c {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                'ø' => "o",
                'ł' => "l",
                'đ' | 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => "",
            };
            if !pair.is_empty() {
                return pair.chars().for_each(|p| each(Some(p)));
            }
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() && !is_dropped(d) {
                    base = Some(d);
                }
            });
            base.unwrap_or(c)
        }
        _ => c,
    };
    each(Some(mapped))
}

/// Folds one character of the text (`from..to` its bytes, or its cluster's).
fn fold_char(c: char, strip: bool, each: &mut dyn FnMut(Option<char>)) {
    if c.is_ascii() {
        each(Some(c.to_ascii_lowercase()))
    } else if crate::script::is_unified_ideograph(c) {
        each(Some(c))
    } else {
        for n in std::iter::once(c).nfkc() {
            for l in n.to_lowercase() {
                fold_lower(l, strip, each);
            }
        }
    }
}

/// Calls `each` with every folded character of `text` (`None` for a dropped
/// mark) and the byte range of the original character, or cluster of a base
/// and its combining marks, it came from.
fn for_each_folded(text: &str, strip: bool, mut each: impl FnMut(Option<char>, usize, usize)) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut to = i + c.len_utf8();
        let combines = |m: char| !m.is_ascii() && canonical_combining_class(m) != 0;
        if chars.peek().is_some_and(|&(_, m)| combines(m)) {
            // Not NFC (text typed or pasted decomposed): compose the cluster.
            while let Some(&(j, m)) = chars.peek() {
                if !combines(m) {
                    break;
                }
                to = j + m.len_utf8();
                chars.next();
            }
            for n in text[i..to].nfc() {
                fold_char(n, strip, &mut |f| each(f, i, to));
            }
        } else {
            fold_char(c, strip, &mut |f| each(f, i, to));
        }
    }
}

/// The folded form of a string, as the analyses see it.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_folded(s, true, |c, _, _| out.extend(c));
    out
}

/// Folded but with the accents of Latin letters kept: what a stemmer that
/// knows accented suffixes is given.
fn fold_keeping_accents(s: &str, out: &mut String) {
    out.clear();
    for_each_folded(s, false, |c, _, _| out.extend(c));
}

static STEMMERS: LazyLock<[Stemmer; 4]> = LazyLock::new(|| {
    [
        Stemmer::create(Algorithm::English),
        Stemmer::create(Algorithm::French),
        Stemmer::create(Algorithm::Spanish),
        Stemmer::create(Algorithm::Russian),
    ]
});
const RUSSIAN: usize = 3;
const ARABIC: usize = 4;

/// Larkey's light10 stemmer for Arabic (Larkey, Ballesteros and Connell,
/// "Light stemming for Arabic information retrieval", 2007; as in Lucene's
/// ArabicStemmer), on normalised text: one prefix (و only before three or
/// more letters), then each suffix once, right to left, each only when two
/// letters remain.
fn arabic_stem(word: &str, out: &mut String) {
    const PREFIXES: [&str; 7] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];
    // ة is folded to ه, so "ية" and "ة" are "يه" and "ه".
    const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
    let mut s = word;
    let len = |s: &str| s.chars().count();
    for p in PREFIXES {
        let pl = len(p);
        if (pl > 1 || len(s) >= 4) && len(s) >= pl + 2 && s.starts_with(p) {
            s = &s[p.len()..];
            break;
        }
    }
    for suf in SUFFIXES {
        if len(s) >= len(suf) + 2 && s.ends_with(suf) {
            s = &s[..s.len() - suf.len()];
        }
    }
    out.push_str(s);
}

const MAX_WORD: usize = 64;

/// A word's stems: the one a query also gives, and for an accented Latin
/// word the stem of its folded form when that differs.
struct Stems {
    first: String,
    second: Option<String>,
}

/// Stems are cached per thread and per stemmer: a library's vocabulary is
/// small and the Porter stemmer alone was a tenth of indexing time.
const STEM_CACHE_MAX: usize = 50_000;
struct StemCache {
    maps: [HashMap<String, Stems>; 5],
    accented: String,
}
thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache {
        maps: Default::default(),
        accented: String::new(),
    });
}

/// Emits the stem(s) of a folded word; `original` is its text as written.
fn emit_stems(word: &str, original: &str, latin: Latin, each: &mut dyn FnMut(&str)) {
    let (which, accented) = if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        (latin.index(), !original.is_ascii())
    } else if word.chars().all(|c| is_cyrillic(c) && c.is_alphabetic()) {
        (RUSSIAN, false)
    } else if word.chars().all(|c| is_arabic(c) && c.is_alphabetic()) {
        (ARABIC, false)
    } else {
        return each(word);
    };
    STEMS.with(|cache| {
        let cache = &mut *cache.borrow_mut();
        let key = if accented {
            fold_keeping_accents(original, &mut cache.accented);
            cache.accented.as_str()
        } else {
            word
        };
        let map = &mut cache.maps[which];
        if !map.contains_key(key) {
            let stems = match which {
                ARABIC => {
                    let mut s = String::new();
                    arabic_stem(key, &mut s);
                    Stems {
                        first: s,
                        second: None,
                    }
                }
                _ if accented => {
                    let first = fold_str(&STEMMERS[which].stem(key));
                    let second = STEMMERS[which].stem(word).into_owned();
                    Stems {
                        second: (second != first).then_some(second),
                        first,
                    }
                }
                _ => Stems {
                    first: STEMMERS[which].stem(key).into_owned(),
                    second: None,
                },
            };
            if map.len() >= STEM_CACHE_MAX {
                map.clear();
            }
            map.insert(key.to_string(), stems);
        }
        let stems = &map[key];
        each(&stems.first);
        if let Some(s) = &stems.second {
            each(s);
        }
    })
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

/// The recall analysis, streamed: calls `emit(term, position, from, to)` for
/// each CJK bigram (or lone CJK character) and each stemmed word, in order;
/// Latin words by the stemmer of `latin`. No allocation per term: `term`
/// borrows a buffer reused for the next one.
pub fn for_each_gram(text: &str, latin: Latin, mut emit: impl FnMut(&str, usize, usize, usize)) {
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

    for_each_folded(text, true, |c, from, to| {
        let Some(c) = c else {
            // A dropped mark belongs to the word it is written on.
            if !word.is_empty() {
                word_to = to;
            }
            return;
        };
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
                text,
                &mut word,
                (word_from, word_to),
                latin,
                &mut pos,
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
        text,
        &mut word,
        (word_from, word_to),
        latin,
        &mut pos,
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

/// Ends a word: stemmed by its script (see `emit_stems`); overlong ones are
/// not indexed. Returns whether a term was emitted.
fn end_word(
    text: &str,
    word: &mut String,
    (from, to): (usize, usize),
    latin: Latin,
    pos: &mut usize,
    emit: &mut Emit,
) -> bool {
    let out = !word.is_empty() && word.len() <= MAX_WORD;
    if out {
        let p = *pos;
        emit_stems(word, &text[from..to], latin, &mut |t| emit(t, p, from, to));
        *pos += 1;
    }
    word.clear();
    out
}

/// The recall analysis: CJK bigrams and stemmed words, in order.
pub fn grams(text: &str, latin: Latin) -> Vec<Term> {
    let mut terms = Vec::with_capacity(text.len() / 3);
    for_each_gram(text, latin, |t, pos, from, to| {
        terms.push(Term {
            text: t.to_string(),
            pos,
            from,
            to,
        })
    });
    terms
}

/// A query's terms as `latin` analyses them: one per position (for an
/// accented word, the stem of the word as typed; see the module docs).
pub fn query_terms(text: &str, latin: Latin) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = None;
    for_each_gram(text, latin, |t, pos, _, _| {
        if last != Some(pos) {
            out.push(t.to_string());
            last = Some(pos);
        }
    });
    out
}

/// The dictionary ranking segments Chinese with: jieba's own (MIT; 349,045
/// words), trimmed to the 79,746 words it counts 20 times or more
/// (`data/jieba-words.txt`, written by `data/trim-jieba-dictionary.py`).
/// The rare words it drops are names and terms of art that segmentation
/// seldom turns on; the whole dictionary took about 36 MiB once loaded.
static JIEBA: LazyLock<jieba_rs::Jieba> = LazyLock::new(|| {
    let mut words = include_str!("../../data/jieba-words.txt").as_bytes();
    jieba_rs::Jieba::with_dict(&mut words).expect("the bundled dictionary reads")
});

/// Loads the jieba dictionary now, off the caller's critical path.
/// Searching before it is loaded only waits for it.
pub fn warm_up() {
    LazyLock::force(&JIEBA);
}

/// Chinese words of two or more characters, as jieba segments them in
/// context. Other scripts are left to `grams`.
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

/// The Chinese words of a query, each once, as typed.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in words(query) {
        let w = &query[t.from..t.to];
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Whether jieba reads some occurrence of `word` in `text` as the word
/// itself, not as parts of two words or of a longer one; at most 8
/// occurrences are looked at. Each is segmented with up to four characters
/// either side of it, within its stretch of CJK: enough context for the
/// dictionary's words (nearly all of four characters or fewer), and cheap
/// enough for every candidate of a search.
pub fn stands_whole(text: &str, word: &str) -> bool {
    const CONTEXT: usize = 4;
    const MOST: usize = 8;
    text.match_indices(word).take(MOST).any(|(at, _)| {
        let end = at + word.len();
        let mut from = at;
        for (i, c) in text[..at].char_indices().rev().take(CONTEXT) {
            if !is_cjk(c) {
                break;
            }
            from = i;
        }
        let mut to = end;
        for (i, c) in text[end..].char_indices().take(CONTEXT) {
            if !is_cjk(c) {
                break;
            }
            to = end + i + c.len_utf8();
        }
        let (start, stop) = (at - from, end - from);
        JIEBA
            .cut(&text[from..to], false)
            .iter()
            .any(|t| t.byte_start == start && t.byte_end == stop)
    })
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
    pub fn grams(text: &str, latin: Latin) -> TermBuffer {
        let mut b = TermBuffer::default();
        b.fill(text, latin);
        b
    }

    /// Replaces the contents with the grams of `text`.
    fn fill(&mut self, text: &str, latin: Latin) {
        self.texts.clear();
        self.terms.clear();
        let push = |t: &str, pos: usize, from: usize, to: usize| {
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
        for_each_gram(text, latin, push);
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
    latin: Latin,
    buffer: TermBuffer,
    token: Token,
}

impl AnalysisTokenizer {
    /// The grams of a passage whose Latin words are `latin`.
    pub fn grams(latin: Latin) -> Self {
        AnalysisTokenizer {
            latin,
            buffer: TermBuffer::default(),
            token: Token::default(),
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
        self.buffer.fill(text, self.latin);
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

    /// The grams of an English passage.
    fn grams(text: &str) -> Vec<Term> {
        super::grams(text, Latin::English)
    }

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
    fn latin_accents_fold_but_other_scripts_keep_their_letters() {
        assert_eq!(
            fold_str("École Réunión ÇA Œuvre ß"),
            "ecole reunion ca oeuvre ss"
        );
        // Decomposed input is composed first, so it folds the same.
        assert_eq!(fold_str("e\u{301}cole"), "ecole");
        // Cyrillic: only ё; й survives, also when written decomposed.
        assert_eq!(fold_str("Объединённых Новый"), "объединенных новый");
        assert_eq!(fold_str("нови\u{306}"), "новй");
    }

    #[test]
    fn arabic_is_normalised() {
        assert_eq!(fold_str("أإآٱ"), "اااا");
        assert_eq!(fold_str("مستوى مؤتمر هيئة"), "مستوي موتمر هييه");
        // Tatweel and harakat go; Arabic-Indic digits are digits.
        assert_eq!(fold_str("الفســاد تُعِدَّ"), "الفساد تعد");
        assert_eq!(fold_str("٢٠٢٥ ۱۹"), "2025 19");
    }

    #[test]
    fn removed_marks_stay_inside_their_word() {
        let text = "أن تُعِدَّ الأمانة";
        let t = super::grams(text, Latin::English);
        assert_eq!(&text[t[1].from..t[1].to], "تُعِدَّ");
        assert_eq!(t.iter().map(|t| t.pos).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn each_script_gets_its_stemmer() {
        let q = |t: &str, l: Latin| query_terms(t, l);
        assert_eq!(
            q("négociations", Latin::French),
            q("négociation", Latin::French)
        );
        assert_eq!(q("réunions", Latin::French), ["reunion"]);
        assert_eq!(
            q("resoluciones", Latin::Spanish),
            q("resolución", Latin::Spanish)
        );
        assert_eq!(
            q("переговоров", Latin::English),
            q("переговоры", Latin::French)
        );
        assert_eq!(q("переговоров", Latin::English), ["переговор"]);
        for w in [
            "المفاوضات",
            "مفاوضات",
            "والمفاوضات",
            "المفاوضـات",
            "مفاوضاتها",
        ] {
            assert_eq!(q(w, Latin::English), ["مفاوض"], "{w}");
        }
        // The passage's Latin language decides for Latin words only.
        assert_eq!(q("meetings", Latin::English), ["meet"]);
        assert_eq!(q("meetings", Latin::French), ["meeting"]);
    }

    #[test]
    fn an_accented_word_has_both_stems_at_one_position() {
        let t = super::grams("la negociación", Latin::Spanish);
        let got: Vec<(&str, usize)> = t.iter().map(|t| (t.text.as_str(), t.pos)).collect();
        assert_eq!(got, [("la", 0), ("negoci", 1), ("negociacion", 1)]);
        // A query keeps the stem of what was typed.
        assert_eq!(query_terms("negociación", Latin::Spanish), ["negoci"]);
        assert_eq!(query_terms("negociacion", Latin::Spanish), ["negociacion"]);
    }

    #[test]
    fn a_passage_takes_its_own_latin_language_only_when_long() {
        let english = "The General Assembly requested the Secretary-General to report on \
                       the meetings of the Working Group and on the implementation of its \
                       recommendations, and decided to include the item in the agenda.";
        assert_eq!(Latin::for_passage("fr", english), Latin::English);
        assert_eq!(Latin::for_passage("ru", english), Latin::English);
        assert_eq!(Latin::for_passage("fr", "Working Group"), Latin::French);
        assert_eq!(Latin::for_passage("es", "Informe"), Latin::Spanish);
        assert_eq!(Latin::for_passage("zh", "资产追回"), Latin::English);
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
