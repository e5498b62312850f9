//! Decoding plain-text files: UTF-8, UTF-16 with a byte-order mark, GB18030.

/// Decodes the bytes of a text file. Rejects binary content.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let text = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(format!(
                "the file claims {} but is not valid {}",
                enc.name(),
                enc.name()
            ));
        }
        cow.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else {
        // Not UTF-8: Chinese documents saved on Windows are usually GB18030 (a superset of GBK).
        let (cow, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if had_errors || looks_binary(&cow) {
            return Err(
                "the text is not valid UTF-8, UTF-16 or GB18030 (it may be a binary file)"
                    .to_string(),
            );
        }
        cow.into_owned()
    };
    if looks_binary(&text) {
        return Err("the file looks binary, not text".to_string());
    }
    Ok(normalize_newlines(&text))
}

/// Control characters other than tab, newline, carriage return and form feed
/// mark binary content.
fn looks_binary(s: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in s.chars().take(65_536) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            controls += 1;
        }
    }
    total > 0 && (controls * 100 / total >= 1 || s.contains('\0'))
}

fn normalize_newlines(s: &str) -> String {
    // Form feeds stay: they mark the page breaks of text laid out by a PDF-to-text tool
    // (the text front end reads running heads next to them).
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf16_gb18030_and_utf8() {
        let text = "临时议程 Provisional agenda";
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&utf16).unwrap(), text);
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode_text(&gb).unwrap(), text);
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn rejects_binary() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(decode_text(&bytes).is_err());
    }
}
