//! Character classes of the writing systems, defined once for extraction,
//! parsing, search and venues: which characters are CJK (written without
//! spaces between words), which are full-width punctuation, and how many
//! columns a line takes.

/// True for the CJK ideographs (the unified ideographs and every extension
/// block through G and H, and the compatibility ideographs) and for the kana
/// and hangul that share their width and, like them, take no space between
/// two of them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF      // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x2FA1F  // extensions B–F, I and the compatibility supplement
        | 0x30000..=0x323AF  // extensions G and H
        | 0x3040..=0x30FF    // hiragana, katakana
        | 0xAC00..=0xD7AF) // hangul syllables
}

/// One of the unified ideographs (U+4E00–U+9FFF), the characters of nearly
/// all Chinese text: none of them changes under NFKC or lower-casing, which
/// search's folding skips for them.
pub fn is_unified_ideograph(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
}

/// CJK and full-width punctuation, and the curly quotes, ellipsis and dash
/// Chinese text sets without spaces.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_of_every_block_are_cjk() {
        // 一 (unified), 㐀 (A), 𠀀 (B), 𪜀 (C), 𰀀 (G), 豈 (compatibility), あ, 한.
        for c in ['一', '㐀', '𠀀', '𪜀', '\u{30000}', '豈', 'あ', '한'] {
            assert!(is_cjk(c), "{c:?}");
            assert!(is_wide(c), "{c:?}");
        }
        for c in ['a', 'é', 'я', 'ب', '1', '，', '。'] {
            assert!(!is_cjk(c), "{c:?}");
        }
        assert!(is_cjk_punct('，') && is_cjk_punct('。') && is_wide('《'));
        assert!(is_unified_ideograph('实') && !is_unified_ideograph('㐀'));
        assert_eq!(width("第4号决议"), 9);
    }
}
