//! Decoding plain-text files, whatever encoding they were saved in.
//!
//! In order: a byte-order mark (UTF-8, UTF-16 LE or BE) decides; then NUL
//! bytes falling on every other byte mean UTF-16 without a mark; then valid
//! UTF-8 is UTF-8; other NUL bytes, which no 8-bit text has, mean binary;
//! anything else is a legacy code page (windows-1252 for French and Spanish,
//! windows-1251 or KOI8-R for Russian, windows-1256 for Arabic, GBK/GB18030
//! for Chinese …), which chardetng, the detector of Firefox by the author of
//! encoding_rs, tells from the byte statistics. What decodes to control
//! characters is refused as binary, with the reason.
//!
//! A file that is UTF-8 but for a few bytes (a passage pasted from a file
//! in another encoding) is read as UTF-8, those bytes shown as U+FFFD, with
//! a note saying so: decoding all of it in the legacy code page the stray
//! bytes resemble would turn every other character into mojibake.
//!
//! Text comes out with `\n` line ends.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// How much of a file is looked at to tell its encoding.
const SNIFF: usize = 1 << 20;

/// Decodes the bytes of a text file. Rejects binary content, saying why.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    decode_text_noting(bytes).map(|(text, _)| text)
}

/// Decodes like [`decode_text`], with a note for the reader when the file
/// was not entirely in the encoding it was read in.
pub fn decode_text_noting(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let mut note = None;
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        decode_strict(enc, &bytes[bom_len..]).ok_or_else(|| {
            format!(
                "the file starts with a {} byte-order mark but is not valid {}",
                enc.name(),
                enc.name()
            )
        })?
    } else if let Some(enc) = utf16_without_bom(bytes) {
        // Before UTF-8: ASCII and Cyrillic in UTF-16 are bytes below 0x80,
        // valid UTF-8 with a NUL every other byte.
        decode_strict(enc, bytes).ok_or_else(|| {
            format!(
                "the file looks like {} text but is not valid {}",
                enc.name(),
                enc.name()
            )
        })?
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else if let Some(s) = utf8_cut_short(bytes) {
        s
    } else if let Some((s, stray)) = mostly_utf8(bytes) {
        note = Some(format!(
            "the file is UTF-8 except for {stray} byte sequence(s) in another encoding, shown as '\u{FFFD}'"
        ));
        s
    } else if bytes.contains(&0) {
        return Err(
            "the file is binary, not text: it has NUL bytes and is not valid UTF-8 or UTF-16"
                .to_string(),
        );
    } else {
        let enc = legacy_encoding(bytes);
        decode_strict(enc, bytes).ok_or_else(|| {
            format!(
                "the text is not UTF-8 and not valid in {}, the encoding it resembles most (it may be a binary file)",
                enc.name()
            )
        })?
    };
    if let Some(share) = control_share(&text) {
        return Err(format!(
            "the file is binary, not text: {share}% of its characters are control characters"
        ));
    }
    Ok((normalize_newlines(&text), note))
}

/// UTF-8 with a few invalid sequences: at least ten valid multi-byte
/// characters for each invalid sequence. A file in a legacy code page has
/// the opposite (a GB18030 or windows-1252 text forms valid UTF-8 only by
/// chance, for one character in ten at most). Returns the text, the
/// invalid sequences replaced, and how many there were.
fn mostly_utf8(bytes: &[u8]) -> Option<(String, usize)> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let good = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                valid += good.chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                match e.error_len() {
                    Some(n) => rest = &rest[e.valid_up_to() + n..],
                    None => break,
                }
            }
        }
    }
    (invalid > 0 && valid >= invalid * 10)
        .then(|| (String::from_utf8_lossy(bytes).into_owned(), invalid))
}

/// The text in `enc`, or `None` when the bytes are not valid in it.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors).then(|| cow.into_owned())
}

/// UTF-8 whose only fault is a character cut off at the very end (a file
/// truncated by a copy), read with that last character dropped.
fn utf8_cut_short(bytes: &[u8]) -> Option<String> {
    let err = std::str::from_utf8(bytes).err()?;
    if err.error_len().is_some() || err.valid_up_to() == 0 {
        return None;
    }
    let head = std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()?;
    Some(head.to_string())
}

/// UTF-16 without a byte-order mark: the NUL bytes (the high byte of every
/// ASCII character, space, digit and line break) fall on odd offsets for
/// little-endian and on even ones for big-endian, almost never on the other.
/// Binary data has them everywhere.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in head.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = head.len() / 2;
    // The NULs of one side: at least one unit in a hundred (line breaks,
    // spaces and digits, even in Chinese text), the other side at most one
    // in eight of them (Han characters such as 开, U+5F00, have a NUL byte).
    let lopsided =
        |this: usize, other: usize| this >= 4 && this * 100 >= units && other * 8 <= this;
    if lopsided(odd, even) {
        Some(UTF_16LE)
    } else if lopsided(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The legacy encoding that the bytes (not UTF-8, no NUL) resemble most.
/// chardetng says GBK for Chinese; GB18030 is its superset, so it reads
/// every file GBK reads and the characters GBK lacks.
fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(SNIFF)];
    detector.feed(head, head.len() == bytes.len());
    let enc = detector.guess(None, Utf8Detection::Deny);
    if enc == GBK {
        GB18030
    } else {
        enc
    }
}

/// The percentage of control characters (other than tab, line breaks and
/// form feed) when it marks binary content: 1 % or more, or any NUL.
fn control_share(s: &str) -> Option<usize> {
    let mut controls = 0usize;
    let mut total = 0usize;
    let mut nul = false;
    for c in s.chars().take(65_536) {
        total += 1;
        if c == '\0' {
            nul = true;
        }
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            controls += 1;
        }
    }
    let share = (controls * 100).checked_div(total).unwrap_or(0);
    (share >= 1 || nul).then_some(share.max(1))
}

fn normalize_newlines(s: &str) -> String {
    // Form feeds stay: they mark the page breaks of text laid out by a PDF-to-text tool
    // (the text front end reads running heads next to them).
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text in `enc`, made by encoding_rs, and checked to be no UTF-8.
    fn encoded(enc: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{} cannot write the sample", enc.name());
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the {} sample is UTF-8",
            enc.name()
        );
        bytes.into_owned()
    }

    const FRENCH: &str = "Ordre du jour provisoire\n\n1. Ouverture de la session.\n2. Adoption de l’ordre du jour et organisation des travaux.\n\nLe Conseil des droits de l’homme a décidé que la session se tiendrait à Genève, du lundi 3 février au vendredi 7 février 2025; les délégations sont priées de s’inscrire à l’avance.\n";
    const SPANISH: &str = "Programa provisional\n\n1. Apertura del período de sesiones.\n2. Aprobación del programa y organización de los trabajos.\n\nLa Comisión celebrará su período de sesiones en Viena del 15 al 19 de octubre de 2012; se ruega a las delegaciones que comuniquen la composición de su delegación a la Secretaría.\n";
    const RUSSIAN: &str = "Предварительная повестка дня\n\n1. Открытие сессии.\n2. Утверждение повестки дня и организация работы.\n\nСессия Комитета состоится в Женеве 26 сентября 2013 года; делегациям предлагается заблаговременно сообщить секретариату состав своих делегаций.\n";
    const ARABIC: &str = "جدول الأعمال المؤقت\n\n1. افتتاح الدورة.\n2. إقرار جدول الأعمال وتنظيم الأعمال.\n\nستعقد اللجنة دورتها في جنيف في الفترة من 3 إلى 7 شباط/فبراير 2025، ويرجى من الوفود إبلاغ الأمانة بتكوين وفودها مسبقا.\n";
    const CHINESE: &str = "临时议程\n\n1. 会议开幕。\n2. 通过议程和安排工作。\n\n委员会将于2025年2月3日至7日在日内瓦举行会议，请各代表团事先将代表团组成情况通知秘书处。\n";

    #[test]
    fn legacy_code_pages_are_detected() {
        for (enc, text) in [
            (encoding_rs::WINDOWS_1252, FRENCH),
            (encoding_rs::WINDOWS_1252, SPANISH),
            (encoding_rs::WINDOWS_1251, RUSSIAN),
            (encoding_rs::KOI8_R, RUSSIAN),
            (encoding_rs::WINDOWS_1256, ARABIC),
            (GB18030, CHINESE),
        ] {
            // windows-1252 has no ’: a French file of that code page has '.
            let text = if enc == encoding_rs::WINDOWS_1252 {
                text.replace('’', "'")
            } else {
                text.to_string()
            };
            let bytes = encoded(enc, &text);
            assert_eq!(
                decode_text(&bytes).as_deref(),
                Ok(text.as_str()),
                "{}",
                enc.name()
            );
        }
    }

    #[test]
    fn gb18030_characters_outside_gbk_are_read() {
        // U+20000 (𠀀) is in GB18030's four-byte range, not in GBK.
        let text = format!("{CHINESE}𠀀");
        let bytes = encoded(GB18030, &text);
        assert_eq!(decode_text(&bytes).unwrap(), text);
    }

    #[test]
    fn utf16_with_and_without_byte_order_mark() {
        for text in [FRENCH, RUSSIAN, ARABIC, CHINESE] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(decode_text(&le).unwrap(), text, "UTF-16LE without BOM");
            assert_eq!(decode_text(&be).unwrap(), text, "UTF-16BE without BOM");
            let le_bom = [&[0xFF, 0xFE][..], &le].concat();
            let be_bom = [&[0xFE, 0xFF][..], &be].concat();
            assert_eq!(decode_text(&le_bom).unwrap(), text, "UTF-16LE with BOM");
            assert_eq!(decode_text(&be_bom).unwrap(), text, "UTF-16BE with BOM");
        }
    }

    #[test]
    fn utf8_with_and_without_byte_order_mark() {
        for text in [FRENCH, RUSSIAN, ARABIC, CHINESE] {
            assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
            let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
            assert_eq!(decode_text(&bom).unwrap(), text);
        }
        // Cut inside the last character: the rest is read.
        let bytes = "Genève é".as_bytes();
        assert_eq!(decode_text(&bytes[..bytes.len() - 1]).unwrap(), "Genève ");
    }

    /// A UTF-8 file with a GB18030 passage pasted in: UTF-8 with a note, not
    /// all of it GB18030.
    #[test]
    fn utf8_with_a_few_bytes_of_another_encoding_is_utf8_with_a_note() {
        let mut bytes = CHINESE.repeat(3).into_bytes();
        bytes.extend(encoded(GB18030, "会议"));
        bytes.extend(CHINESE.as_bytes());
        let (text, note) = decode_text_noting(&bytes).unwrap();
        assert!(text.starts_with(&CHINESE.repeat(3)), "{text}");
        assert!(text.ends_with(CHINESE), "{text}");
        assert!(text.contains('\u{FFFD}'));
        let note = note.unwrap();
        assert!(note.contains("UTF-8 except for"), "{note}");
        // A whole GB18030 file is still GB18030, without a note.
        let (text, note) = decode_text_noting(&encoded(GB18030, CHINESE)).unwrap();
        assert_eq!((text.as_str(), note), (CHINESE, None));
        // So is a windows-1252 file.
        let french = FRENCH.replace('’', "'");
        let (text, note) =
            decode_text_noting(&encoded(encoding_rs::WINDOWS_1252, &french)).unwrap();
        assert_eq!((text.as_str(), note), (french.as_str(), None));
    }

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(decode_text(b"a\r\nb\rc\n\x0cd").unwrap(), "a\nb\nc\n\x0cd");
    }

    #[test]
    fn binary_is_refused_with_the_reason() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        let err = decode_text(&bytes).unwrap_err();
        assert!(err.contains("binary") && err.contains("NUL"), "{err}");
        // No NUL, but control bytes all over: not text in any code page.
        let bytes: Vec<u8> = (1u8..=255).cycle().take(4096).collect();
        let err = decode_text(&bytes).unwrap_err();
        assert!(err.contains("binary") || err.contains("not valid"), "{err}");
        // A PNG header and data.
        let png = [
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            &[7u8; 64],
            &[0u8, 1, 2, 3],
        ]
        .concat();
        assert!(decode_text(&png).unwrap_err().contains("binary"));
        // UTF-8 text with control characters in it.
        let mixed = "text\u{1}\u{2}\u{3}".repeat(20);
        assert!(decode_text(mixed.as_bytes())
            .unwrap_err()
            .contains("control characters"));
    }
}
