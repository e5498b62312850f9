//! The language of a passage and of a document, among the six UN languages
//! (Arabic, Chinese, English, French, Russian and Spanish).
//!
//! The script decides first: Han characters are Chinese, Arabic letters
//! Arabic, Cyrillic Russian. Between the three Latin-script languages, the
//! function words of each ("the", "of"; "les", "des"; "los", "del") decide
//! when a passage has some, and whatlang's trigram model, restricted to
//! English, French and Spanish, when it has none (a heading, a name).
//!
//! A document's script is the one of most of its text: each passage votes
//! with its length, so an English masthead on a Russian or Arabic document,
//! or a bilingual table, does not decide. Among Latin-script languages the
//! function words of the whole document decide, so a list of participants
//! (names, which trigrams take for anything) goes by its few sentences.

use std::sync::LazyLock;
use whatlang::{Detector, Lang};

use crate::script::is_cjk;

/// The ISO 639-1 codes of the six UN languages, in the UN's order.
pub const UN_LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// What a document or passage without letters (digits, symbols, a table of
/// figures) is said to be in: "undetermined", as in BCP 47.
pub const UNDETERMINED: &str = "und";

/// Fewer letters than this (a symbol, "A/HRC/59/60", an initial) say nothing
/// about a passage's language.
const MIN_LETTERS: usize = 3;

/// A Han character carries about as much text as a Latin word of three
/// letters; without this weight the Latin symbols and mastheads of a
/// Chinese document would outweigh it.
const HAN_WEIGHT: usize = 3;

/// Passages longer than this are cut at a line break, so that one long run
/// of hard-wrapped lines of different languages still votes per part.
const MAX_PASSAGE: usize = 2_000;

/// Only so much of a document is read to tell its language.
const MAX_DOCUMENT: usize = 200_000;

static LATIN: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![Lang::Eng, Lang::Fra, Lang::Spa]));

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Han,
    Latin,
    Cyrillic,
    Arabic,
}

fn script(c: char) -> Option<Script> {
    if is_cjk(c) {
        return Some(Script::Han);
    }
    if !c.is_alphabetic() {
        return None;
    }
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Some(Script::Latin),
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
            Some(Script::Cyrillic)
        }
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some(Script::Arabic)
        }
        _ => None,
    }
}

/// Letters per script, Han weighted (see [`HAN_WEIGHT`]).
#[derive(Default)]
struct Counts {
    han: usize,
    latin: usize,
    cyrillic: usize,
    arabic: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let mut n = Counts::default();
        for c in text.chars() {
            match script(c) {
                Some(Script::Han) => n.han += HAN_WEIGHT,
                Some(Script::Latin) => n.latin += 1,
                Some(Script::Cyrillic) => n.cyrillic += 1,
                Some(Script::Arabic) => n.arabic += 1,
                None => {}
            }
        }
        n
    }

    fn total(&self) -> usize {
        self.han + self.latin + self.cyrillic + self.arabic
    }

    /// The script with the most (weighted) letters; ties go to the earlier
    /// of Han, Arabic, Cyrillic, Latin (a Latin symbol beside as many
    /// letters of another script is the symbol).
    fn main(&self) -> Script {
        let mut best = (self.han, Script::Han);
        for (n, s) in [
            (self.arabic, Script::Arabic),
            (self.cyrillic, Script::Cyrillic),
            (self.latin, Script::Latin),
        ] {
            if n > best.0 {
                best = (n, s);
            }
        }
        best.1
    }
}

/// The language of one passage (a paragraph, a heading, a table cell) as an
/// ISO 639-1 code among [`UN_LANGUAGES`], or `None` when it has too few
/// letters to tell (figures, symbols, an initial).
pub fn detect_passage(text: &str) -> Option<&'static str> {
    passage(text).map(|(code, _)| code)
}

/// A passage's language and its weight (its weighted letter count).
fn passage(text: &str) -> Option<(&'static str, usize)> {
    let counts = Counts::of(text);
    let weight = counts.total();
    if weight < MIN_LETTERS {
        return None;
    }
    let code = match counts.main() {
        Script::Han => "zh",
        Script::Arabic => "ar",
        Script::Cyrillic => "ru",
        Script::Latin => {
            by_function_words(&function_words(text)).unwrap_or_else(|| trigram_language(text))
        }
    };
    Some((code, weight))
}

/// Words that are frequent in one of English, French and Spanish and not
/// words of the other two ("la", "de", "en", "que", "a", "un" are left out:
/// they belong to two of them).
const FUNCTION_WORDS: [(&str, &[&str]); 3] = [
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "for", "with", "on", "by", "is", "are", "was", "were",
            "that", "which", "its", "be", "has", "have", "this", "from", "at", "or", "an", "as",
            "not", "shall", "will", "their", "these",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "du", "et", "au", "aux", "une", "est", "sont", "dans", "pour",
            "sur", "par", "qui", "avec", "ces", "cette", "leur", "leurs", "il", "elle", "ont",
            "été", "à", "où", "l", "d", "qu", "ne", "pas",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "una", "es", "son", "por", "con", "para", "se", "su",
            "sus", "al", "como", "entre", "sobre", "este", "esta", "ha", "han", "lo", "más", "sin",
            "también", "dicho", "dicha",
        ],
    ),
];

/// How many function words of English, French and Spanish the text has.
fn function_words(text: &str) -> [usize; 3] {
    let mut n = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 8 {
            continue;
        }
        let lower = word.to_lowercase();
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                n[i] += 1;
            }
        }
    }
    n
}

/// The language with the most function words, when one has more than the
/// others.
fn by_function_words(n: &[usize; 3]) -> Option<&'static str> {
    let max = *n.iter().max()?;
    let leaders = n.iter().filter(|&&c| c == max).count();
    (max > 0 && leaders == 1).then(|| {
        let i = n.iter().position(|&c| c == max).expect("a maximum");
        FUNCTION_WORDS[i].0
    })
}

/// English, French or Spanish by whatlang's trigrams, from the Latin-script
/// words of the text alone (a Latin passage may quote a Russian name or
/// carry a Chinese character, which must not steer whatlang to another
/// script).
fn trigram_language(text: &str) -> &'static str {
    let latin: String = text
        .chars()
        .map(|c| match script(c) {
            Some(Script::Latin) => c,
            None if !c.is_alphabetic() && !is_cjk(c) => c,
            _ => ' ',
        })
        .collect();
    match LATIN.detect_lang(&latin) {
        Some(Lang::Fra) => "fr",
        Some(Lang::Spa) => "es",
        _ => "en",
    }
}

/// The language of a whole document as an ISO 639-1 code ("en", "zh", …),
/// or [`UNDETERMINED`] ("und") for a text without letters. Each passage
/// (a run of lines up to a blank line) votes for its language with its
/// length, so the body decides, not the masthead.
pub fn detect_language(text: &str) -> String {
    document_language(text).unwrap_or(UNDETERMINED).to_string()
}

/// [`detect_language`], or `None` for a text without letters.
pub fn document_language(text: &str) -> Option<&'static str> {
    // Each passage votes for its language with its weight; the Latin-script
    // passages also pool their function words.
    let mut votes = [0usize; UN_LANGUAGES.len()];
    let mut words = [0usize; 3];
    for p in passages(text) {
        if let Some((code, weight)) = passage(p) {
            let i = UN_LANGUAGES.iter().position(|l| *l == code).unwrap_or(2);
            votes[i] += weight;
            if matches!(code, "en" | "fr" | "es") {
                for (total, n) in words.iter_mut().zip(function_words(p)) {
                    *total += n;
                }
            }
        }
    }
    let vote = |code: &str| {
        votes[UN_LANGUAGES
            .iter()
            .position(|l| *l == code)
            .expect("a UN language")]
    };
    let latin = vote("en") + vote("fr") + vote("es");
    let scripts = [
        ("zh", vote("zh")),
        ("ar", vote("ar")),
        ("ru", vote("ru")),
        ("latin", latin),
    ];
    let (best, weight) = scripts
        .iter()
        .copied()
        .rev()
        .max_by_key(|(_, w)| *w)
        .expect("four scripts");
    if weight == 0 {
        return None;
    }
    if best != "latin" {
        return UN_LANGUAGES.iter().copied().find(|l| *l == best);
    }
    by_function_words(&words)
        .or_else(|| ["en", "fr", "es"].into_iter().rev().max_by_key(|l| vote(l)))
}

/// The passages of a document: runs of lines up to a blank line, a form
/// feed or [`MAX_PASSAGE`] bytes, within its first [`MAX_DOCUMENT`] bytes.
fn passages(text: &str) -> Vec<&str> {
    let mut end = text.len().min(MAX_DOCUMENT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        // A form feed (a page break) starts a passage.
        if line.starts_with('\x0c') && pos > start {
            out.push(&text[start..pos]);
            start = pos;
        }
        let blank = line.trim().is_empty();
        pos += line.len();
        if blank || pos - start >= MAX_PASSAGE {
            out.push(&text[start..pos]);
            start = pos;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_outweighs_the_latin_symbol_of_a_chinese_heading() {
        assert_eq!(detect_language("临时议程和说明 CAC/COSP/2019/1"), "zh");
        assert_eq!(
            detect_language("The Conference of the States Parties to the Convention"),
            "en"
        );
    }

    #[test]
    fn a_text_without_letters_is_undetermined_not_arabic() {
        assert_eq!(detect_language(""), "und");
        assert_eq!(detect_language("12 345 – 2025/06/01 … 3.5 %\n\n42"), "und");
        assert_eq!(detect_passage("A/80/1"), None);
        assert_eq!(detect_passage("---- 1990 ----"), None);
    }

    #[test]
    fn the_body_decides_not_the_english_masthead() {
        let masthead = "United Nations\n\nA/HRC/59/60\n\nGeneral Assembly\n\nDistr.: General\n3 June 2025\n\nOriginal: English\n\nHuman Rights Council\nFifty-ninth session\n\n";
        let ru = format!("{masthead}Совет приветствует прогресс, достигнутый в осуществлении Повестки дня.\n\nРабочая группа рекомендует государству-участнику продолжать усилия.\n");
        assert_eq!(detect_language(&ru), "ru");
        let ar = format!("{masthead}ويرحب المجلس بالتقدم المحرز في تنفيذ خطة التنمية المستدامة لعام 2030.\n\nيوصي الفريق العامل بأن تواصل الدولة الطرف جهودها لمكافحة الاتجار بالأشخاص.\n");
        assert_eq!(detect_language(&ar), "ar");
        let fr = format!("{masthead}Le Conseil se félicite des progrès accomplis dans la mise en œuvre du Programme de développement durable à l’horizon 2030 et prie le Secrétaire général de lui présenter un rapport à sa prochaine session.\n");
        assert_eq!(detect_language(&fr), "fr");
    }

    #[test]
    fn a_bilingual_table_goes_by_the_longer_language() {
        let text = "Agenda item 3\tPoint 3 de l’ordre du jour\n\nLe Comité a examiné le rapport du Secrétaire général sur les activités de l’Office pendant la période considérée et a pris note des recommandations qui y figurent.\n";
        assert_eq!(detect_language(text), "fr");
    }

    #[test]
    fn a_list_of_names_goes_by_its_function_words() {
        // Names and one-word headings, which trigrams take for French or
        // Spanish, and a few English phrases.
        let mut text =
            String::from("General Assembly\n\nDisarmament Commission\n\nList of participants\n\n");
        for name in [
            "Albania\tH.E. Mrs. Suela Janina",
            "Algeria\tMr. Nader Louafi",
            "Bolivia\tMr. Franz Zubieta Mariscal",
            "Armenia\tMr. Arsen Kotanjyan",
            "Azerbaijan\tH.E. Mr. Tofig Musayev",
        ] {
            text.push_str(name);
            text.push_str("\n\n");
        }
        text.push_str("Representatives of the Member States and of the observers\n");
        assert_eq!(detect_language(&text), "en");
    }

    #[test]
    fn function_words_decide_a_latin_passage() {
        assert_eq!(
            detect_passage("Le rapport des travaux de la session"),
            Some("fr")
        );
        assert_eq!(
            detect_passage("El informe del Grupo sobre los trabajos"),
            Some("es")
        );
        assert_eq!(
            detect_passage("The report of the Group on its work"),
            Some("en")
        );
    }

    #[test]
    fn passages_are_cut_at_blank_lines_form_feeds_and_length() {
        assert_eq!(passages("a\nb\n\nc\n"), vec!["a\nb\n\n", "c\n"]);
        assert_eq!(passages("a\n\x0cb\n"), vec!["a\n", "\x0cb\n"]);
        let long = "word ".repeat(100) + "\n";
        let text = long.repeat(10);
        assert!(passages(&text).len() >= 2);
    }
}
