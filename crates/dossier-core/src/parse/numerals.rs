//! Digits in every script UN documents print them in. Arabic documents may
//! number items, paragraphs, dates and times in Arabic-Indic digits (٠–٩, or
//! the Persian-style ۰–۹), and CJK text sometimes uses full-width ０–９. The
//! parser reads all of them as numbers; what it stores as an identifier (an
//! item or paragraph number, a date, a time, a symbol) is written in ASCII
//! digits, while the document's text keeps the digits it printed.

use std::borrow::Cow;
use std::str::FromStr;

/// The value of a decimal digit in any of the scripts above.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Whether `c` is a decimal digit of one of the scripts above.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn has_foreign_digits(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && is_digit(c))
}

/// `s` with every digit written in ASCII; borrowed when it already is.
pub fn ascii(s: &str) -> Cow<'_, str> {
    if !has_foreign_digits(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold(s))
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A digit of another script as its ASCII digit; anything else as it is.
fn fold_char(c: char) -> char {
    match digit_value(c) {
        Some(v) if !c.is_ascii() => char::from_digit(v, 10).unwrap_or(c),
        _ => c,
    }
}

/// `s` with ASCII digits, and for every byte of it the byte offset in `s`
/// it came from (plus one past the end), so that a match in the folded text
/// maps back to the original. `None` when `s` has no digits to fold.
pub fn ascii_with_offsets(s: &str) -> Option<(String, Vec<usize>)> {
    if !has_foreign_digits(s) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    for (at, c) in s.char_indices() {
        let folded = fold_char(c);
        out.push(folded);
        offsets.extend(std::iter::repeat_n(at, folded.len_utf8()));
    }
    offsets.push(s.len());
    Some((out, offsets))
}

/// Reads a number whatever script its digits are in: `"١٢".num::<u32>()`.
pub trait Numeral {
    fn num<T: FromStr>(&self) -> Result<T, T::Err>;
}

impl Numeral for str {
    fn num<T: FromStr>(&self) -> Result<T, T::Err> {
        ascii(self).parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_in_every_script() {
        assert_eq!("١٢".num::<u32>(), Ok(12));
        assert_eq!("۲۰۲۶".num::<i32>(), Ok(2026));
        assert_eq!("２０".num::<u32>(), Ok(20));
        assert_eq!("15".num::<u32>(), Ok(15));
        assert!("١a".num::<u32>().is_err());
        assert!(is_digit('٣') && is_digit('7') && !is_digit('a') && !is_digit('٫'));
    }

    #[test]
    fn text_keeps_its_digits_and_identifiers_get_ascii() {
        assert!(matches!(ascii("A/80/590"), Cow::Borrowed(_)));
        assert_eq!(ascii("البند ٥ (تابع)"), "البند 5 (تابع)");
        let (folded, at) = ascii_with_offsets("انظر ٢٠/١").unwrap();
        assert_eq!(folded, "انظر 20/1");
        let i = folded.find("20/1").unwrap();
        assert_eq!(&"انظر ٢٠/١"[at[i]..at[folded.len()]], "٢٠/١");
        assert!(ascii_with_offsets("no digits 12").is_none());
    }
}
