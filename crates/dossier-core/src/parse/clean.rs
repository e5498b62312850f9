//! Text clean-up shared by every parser: invisible characters, Markdown
//! decoration, Unicode normalisation, Arabic presentation forms, and the
//! stray spaces PDF extraction leaves in Chinese text.

use regex::Regex;
use std::sync::LazyLock;

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

#[cfg(test)]
mod tests {
    use super::*;

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
