//! Text clean-up shared by every parser: invisible characters, Markdown
//! decoration, Unicode normalisation, and re-joining hard-wrapped lines.
//! Language detection lives in [`super::language`]; it is re-exported here
//! for the callers that reach it through `parse::text`.

use regex::Regex;
use std::sync::LazyLock;

pub use super::language::{detect_language, detect_passage};

/// True for the CJK ideographs and the kana/hangul that share their width.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F |
        0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

/// CJK and full-width punctuation.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65 | 0x2018..=0x201F | 0x2026 | 0x2014)
}

/// A CJK character or full-width punctuation: two columns wide, and no
/// space is written between two of them.
pub fn is_wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Display width: two columns for CJK characters and full-width punctuation.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// The text in Unicode normalisation form C; a text already in it (nearly
/// all) is copied without the normalisation's cost.
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// A Markdown link, whose text may be wrapped onto the next line.
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\[]{1,200})\]\([^)\n]{0,500}\)").unwrap());
static MD_BOLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__").unwrap());
/// "## Provisional agenda": a Markdown heading; the text is what follows the hashes.
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+").unwrap());
/// "*2600248*": the job number as a barcode (a barcode font's text).
static BARCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\d{6,8}\*").unwrap());
static SPACE_CJK_DIGIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Han}（）《》“”])[ \u{3000}]+([0-9])|([0-9%])[ \u{3000}]+([\p{Han}（）《》“”])",
    )
    .unwrap()
});

/// Removes what is not text: zero-width characters, soft hyphens, Markdown
/// links and emphasis; turns no-break spaces into spaces. In Chinese text the
/// stray spaces that PDF extraction leaves between digits and characters go too.
///
/// The text comes out in Unicode normalisation form C ("é" one character, not
/// "e" and a combining accent): every format's text passes here before the
/// structure parser, so from here on equal words are equal strings.
/// Arabic presentation forms (the shaped glyphs some tools write instead of
/// letters: "ﺍﻷﻣﻢ" for "الأمم") folded to the letters, by NFKC on those
/// characters alone (NFKC elsewhere would change what the text says, "²" to "2").
fn fold_presentation_forms(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let shaped = |c: char| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}');
    if !text.chars().any(shaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if shaped(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub fn clean(text: &str, zh: bool) -> String {
    let mut s: String = nfc(&fold_presentation_forms(text))
        .chars()
        .filter(|c| {
            // Zero-width characters, soft hyphens, and the bidi controls a
            // tool writes around Arabic runs (they order the display, never
            // the words; the UI orders each passage by `dir` itself).
            !matches!(
                c,
                '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{061C}'
                    | '\u{FEFF}'
                    | '\u{00AD}'
            )
        })
        .map(|c| match c {
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
            _ => c,
        })
        .collect();
    s = MD_LINK.replace_all(&s, "$1").into_owned();
    s = BARCODE.replace_all(&s, "").into_owned();
    // Bold and emphasis markers in pairs; a lone "**" is a footnote mark.
    s = MD_BOLD.replace_all(&s, "$1$2").into_owned();
    s = MD_HEADING.replace_all(&s, "").into_owned();
    if zh {
        s = s
            .lines()
            .map(|line| {
                let mut l = line.to_string();
                // Twice, so that overlapping matches such as "第 4/4 号" both go.
                for _ in 0..2 {
                    l = SPACE_CJK_DIGIT
                        .replace_all(&l, |c: &regex::Captures| {
                            if let (Some(a), Some(b)) = (c.get(1), c.get(2)) {
                                format!("{}{}", a.as_str(), b.as_str())
                            } else {
                                format!("{}{}", &c[3], &c[4])
                            }
                        })
                        .into_owned();
                }
                l
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    s
}

/// One logical line of the document after hard-wrapped lines were joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    /// Leading white space of the first physical line, in columns.
    pub indent: usize,
    /// Cells, when the line is a tab-separated table row.
    pub cells: Option<Vec<String>>,
    /// A bullet ("- ", "• ") stood before the text (removed from `text`).
    pub bullet: bool,
    /// A row of a table (one with a single filled cell included, which has
    /// no `cells`): never a heading or a numbered paragraph of a report.
    pub table_row: bool,
}

impl Block {
    /// A table row: its cells, and as text the filled cells joined by spaces.
    pub fn row(cells: Vec<String>) -> Block {
        Block {
            text: cells
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            indent: 0,
            cells: Some(cells),
            bullet: false,
            table_row: true,
        }
    }
}

/// The text after a bullet ("- ", "• ", "* ", "· ") that starts `s`, if one does.
pub fn strip_bullet(s: &str) -> Option<&str> {
    ["- ", "• ", "* ", "· "]
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .map(str::trim_start)
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    // Sub-item letters of every script: "(a)", "а)" (Cyrillic), "(أ)".
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(
        r"^(?:[-•*]\s*)?(?:\d{{1,3}}(?:\.\d{{1,3}})*[.-]?\s|\d{{1,3}}\.\s*\p{{Han}}|\d{{1,2}}(?:\([a-z]{{1,2}}\))?(?:和\d{{1,2}})?[\p{{Han}}&&[^日月年时号届次至个项条款段名点分周天]]|[上下]午|\(\s*{l}{{1,2}}\s*\)|（[a-z]{{1,2}}）|[а-я]\)\s|[一二三四五六七八九十]{{1,3}}[.．、]|[IVXL]{{1,6}}\.\s|[A-Z]\.\s|\^?[a-z0-9]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    ))
    .unwrap()
});

/// Headings that always stand on their own line, in any of the six
/// languages: "Documentation", "Annotations", "Provisional agenda", "Annex",
/// "Proposed organization of work", "Contents" (see the vocabulary tables).
pub fn is_keyword_heading(s: &str) -> bool {
    use super::vocabulary::{self as v, is_one_of};
    let t = v::fold(s.trim().trim_end_matches([':', '：']));
    let t = t.trim_end_matches([' ', '.']);
    [
        &v::DOCUMENTATION,
        &v::ANNOTATIONS,
        &v::PROVISIONAL_AGENDA,
        &v::AGENDA,
        &v::ANNEX,
        &v::ORGANIZATION_OF_WORK,
        &v::CONTENTS,
    ]
    .iter()
    .any(|table| is_one_of(table, t))
}

/// Ends like a sentence, a list entry or a heading that asks for what follows.
fn ends_closed(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .map(|c| "。；;：:！？!?.”\"".contains(c))
        .unwrap_or(true)
}

/// Joins hard-wrapped physical lines back into logical blocks.
///
/// PDF extraction breaks lines at the right margin, often with blank lines
/// between them. A line is taken to continue onto the next when it is as wide
/// as the document's usual full line (for wrapped text) or, in text with one
/// paragraph per line, when it is long, does not end a sentence, and the next
/// line starts no heading, number or list entry.
pub fn blocks(text: &str) -> Vec<Block> {
    blocks_at_width(text, text_width(text))
}

/// The width of a full line of `text` (where wrapped lines end), if its
/// lines show one.
pub fn text_width(text: &str) -> Option<usize> {
    wrap_width(&text.lines().collect::<Vec<_>>())
}

/// [`blocks`] with the full line width given (measured over more text than
/// this piece).
pub fn blocks_at_width(text: &str, full_width: Option<usize>) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<Block> = Vec::new();
    // Whether the last block may still take a continuation line: `Full` when
    // its line reached the margin, `Loose` when it merely stopped mid-sentence.
    let mut open = Open::No;
    for raw in lines {
        let trimmed_end = raw.trim_end();
        if trimmed_end.trim().is_empty() {
            continue;
        }
        if trimmed_end.contains('\t')
            && trimmed_end
                .trim_start_matches('\t')
                .contains(|c: char| !c.is_whitespace())
        {
            let cells: Vec<String> = trimmed_end
                .split('\t')
                .map(|c| c.trim().to_string())
                .collect();
            if cells.iter().filter(|c| !c.is_empty()).count() >= 1 && cells.len() >= 2 {
                out.push(Block::row(cells));
                open = Open::No;
                continue;
            }
        }
        let indent = width(&trimmed_end[..trimmed_end.len() - trimmed_end.trim_start().len()]);
        let trimmed = trimmed_end.trim_start();
        let bullet = strip_bullet(trimmed).is_some();
        let body = strip_bullet(trimmed).unwrap_or(trimmed);
        let starts_new = bullet
            || NUMBERED.is_match(body)
            || super::dates::time_range(body).is_some()
            || super::dates::day_heading(body, Some(2000)).is_some()
            || is_keyword_heading(body)
            || super::metadata::is_standalone_masthead_line(body)
            || body.starts_with('^');
        let cut_symbol = out
            .last()
            .is_some_and(|l| l.cells.is_none() && l.text.ends_with('/'));
        // Two bodies' names on consecutive lines are two names (a committee
        // and its subcommittee), not one name wrapped: a wrapped name's last
        // word is a function word ("… with regard to" / "the Implementation …").
        let starts_new = starts_new
            || out.last().is_some_and(|l| {
                l.cells.is_none()
                    && super::metadata::is_body_name_line(&l.text)
                    && super::metadata::is_body_name_line(body)
                    && !l
                        .text
                        .split_whitespace()
                        .last()
                        .is_some_and(super::vocabulary::is_function_word)
            });
        let first = body.chars().next().unwrap_or(' ');
        let takes = match open {
            Open::Full => true,
            // Only a line that plainly goes on the sentence: lower case or Chinese.
            Open::Loose => first.is_lowercase() || is_cjk(first) || is_cjk_punct(first),
            Open::No => false,
        };
        if (takes || cut_symbol) && !starts_new {
            if let Some(last) = out.last_mut() {
                join_into(&mut last.text, body);
                open = continues(&last.text, raw, full_width);
                continue;
            }
        }
        out.push(Block {
            text: body.to_string(),
            indent,
            cells: None,
            bullet,
            table_row: false,
        });
        open = match continues(body, raw, full_width) {
            _ if is_keyword_heading(body) => Open::No,
            _ if super::metadata::is_standalone_masthead_line(body) => Open::No,
            // A numbered or bulleted line that stops short is a heading or a
            // list entry, not a sentence cut by a page break.
            Open::Loose if starts_new => Open::No,
            o => o,
        };
    }
    out
}

fn join_into(acc: &mut String, next: &str) {
    let last = acc.chars().last().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    let glue = if is_cjk(last)
        || is_cjk_punct(last)
        || is_cjk(first)
        || is_cjk_punct(first)
        || last == '/'
        || last == '-'
    {
        ""
    } else {
        " "
    };
    acc.push_str(glue);
    acc.push_str(next);
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    No,
    Full,
    Loose,
}

/// Whether a physical line looks cut at the margin.
fn continues(text_so_far: &str, raw_line: &str, full_width: Option<usize>) -> Open {
    let line = raw_line.trim();
    let w = width(line);
    if let Some(full) = full_width {
        if w * 100 >= full * 82 && !line.ends_with('。') {
            return Open::Full;
        }
    }
    // A long line that stops mid-sentence may go on.
    if width(text_so_far) >= 40 && !ends_closed(line) && !line.ends_with(['）', ')', '”']) {
        Open::Loose
    } else {
        Open::No
    }
}

/// The width at which the text was wrapped, if it was: the most common width
/// among long lines, when enough lines share it.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| width(l.trim()))
        .filter(|&w| w >= 30)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    let mut best = (0usize, 0usize);
    for &center in &widths {
        if center > 200 {
            continue;
        }
        let n = widths
            .iter()
            .filter(|&&w| w + 4 >= center && w <= center + 4)
            .count();
        if n > best.1 || (n == best.1 && center > best.0) {
            best = (center, n);
        }
    }
    // Wrapped text: at least 40% of the long lines end at the same margin.
    if best.1 * 10 >= widths.len() * 4 {
        // Use the upper edge of the cluster as the full width.
        let max_in_cluster = widths
            .iter()
            .copied()
            .filter(|&w| w + 4 >= best.0 && w <= best.0 + 4)
            .max()
            .unwrap_or(best.0);
        Some(max_in_cluster)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn keyword_headings_in_the_six_languages() {
        for h in [
            "Documentation",
            "Documentación",
            "Документация",
            "الوثائق",
            "文件",
            "Annotations",
            "Anotaciones",
            "Аннотации",
            "الشروح",
            "说明",
            "Ordre du jour provisoire",
            "Programa provisional",
            "Предварительная повестка дня",
            "جدول الأعمال المؤقت",
            "临时议程",
            "Annexe",
            "Anexo",
            "Приложение",
            "المرفق",
            "Projet d’organisation des travaux",
            "Propuesta de organización de los trabajos",
            "Предлагаемая организация работы",
            "تنظيم الأعمال المقترح",
            "拟议工作安排",
            "Table des matières",
            "Содержание",
        ] {
            assert!(is_keyword_heading(h), "{h}");
        }
        assert!(!is_keyword_heading(
            "Documentation of the meeting will be issued later."
        ));
    }

    #[test]
    fn markdown_headings_lose_their_hashes() {
        let doc = crate::parse::parse_text(
            "# Provisional agenda\n\n## 1. Opening of the session\n\nThe session opens. Item #3 stays.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Provisional agenda"));
        assert_eq!(
            clean("## Annotations\nItem #3 and C# stay\n", false),
            "Annotations\nItem #3 and C# stay\n"
        );
    }

    #[test]
    fn arabic_presentation_forms_and_bidi_controls_go() {
        // "الأمم المتحدة" as shaped glyphs, wrapped in embedding controls.
        let shaped = "\u{202B}\u{FE8D}\u{FEF7}\u{FEE3}\u{FEE2} \u{FE8D}\u{FEDF}\u{FEE4}\u{FE98}\u{FEA4}\u{FEAA}\u{FE93}\u{202C}";
        assert_eq!(clean(shaped, false), "الأمم المتحدة");
        // Superscripts and ligatures elsewhere are left as printed.
        assert_eq!(clean("A/80/590² ﬁle", false), "A/80/590² ﬁle");
    }

    use super::*;

    #[test]
    fn joins_chinese_wrapped_lines_without_space() {
        let mut text = String::new();
        for _ in 0..10 {
            text.push_str("资产追回问题不限成员名额政府间工作组会议将于二〇一二年八月三十日星期四上\n\n午十时开幕。\n\n");
        }
        let b = blocks(&text);
        assert_eq!(
            b[0].text,
            "资产追回问题不限成员名额政府间工作组会议将于二〇一二年八月三十日星期四上午十时开幕。"
        );
    }

    #[test]
    fn clean_text_is_nfc() {
        // "Résumé de l’étude" with decomposed accents (e + U+0301), as macOS
        // file names and some PDF text layers give them.
        let decomposed = "Re\u{301}sume\u{301} de l\u{2019}e\u{301}tude, a\u{300} Gene\u{300}ve";
        let cleaned = clean(decomposed, false);
        assert_eq!(cleaned, "Résumé de l\u{2019}étude, à Genève");
        assert!(!cleaned
            .chars()
            .any(|c| ('\u{300}'..='\u{36F}').contains(&c)));
        // Already composed text is unchanged.
        assert_eq!(clean("Résumé", false), "Résumé");
    }

    #[test]
    fn cleans_spaces_between_digits_and_han() {
        assert_eq!(clean("第 4/4 号决议 2012 年", true), "第4/4号决议2012年");
        assert_eq!(
            clean("见[CAC/COSP/2023/14](#)。", true),
            "见CAC/COSP/2023/14。"
        );
    }
}
