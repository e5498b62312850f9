//! PDF front end, built on `pdf-extract` (pure Rust, on lopdf): CJK text
//! through ToUnicode maps, no system library to install. The glyphs it
//! decodes are laid out into lines and paragraphs by [`super::pdf_layout`].
//! ARCHITECTURE.md records how it compared with the alternatives.

use super::pdf_layout::Collector;
use crate::layout::Layout;
use pdf_extract::content::Content;
use pdf_extract::{Document, Object};

pub fn extract(bytes: &[u8]) -> Result<Layout, String> {
    let mut doc = Document::load_mem(bytes)
        .map_err(|e| format!("the PDF is damaged or truncated and cannot be opened ({e})"))?;
    if doc.is_encrypted() {
        return Err(
            "the PDF is encrypted (password-protected); save an unprotected copy first".into(),
        );
    }
    let unreadable = prepare_content(&mut doc);
    if unreadable > 0 {
        tracing::warn!(
            "{unreadable} content stream(s) of the PDF could not be read and were skipped"
        );
    }
    // pdf-extract can panic on malformed content streams; contain it. The
    // document and the collector are dropped with the panic, so no state
    // that a panic may have left half-updated is used again.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut collector = Collector::default();
        pdf_extract::output_doc(&doc, &mut collector).map(|_| collector)
    }));
    match result {
        Ok(Ok(collector)) if collector.is_empty() => Ok(Layout::default()),
        Ok(Ok(collector)) => Ok(collector.into_layout()),
        Ok(Err(e)) => Err(format!("the PDF's text could not be read ({e})")),
        Err(_) => Err("the PDF's text could not be read (malformed content stream)".into()),
    }
}

/// Makes every page and form content stream one that lopdf's content parser
/// reads: inline images (`BI … ID <binary> EI`, common in PDFs of the 1990s)
/// are removed, since they carry no text and their binary data trips the
/// parser; a stream that still cannot be parsed is emptied, so that the other
/// pages are read. Returns how many streams were emptied.
fn prepare_content(doc: &mut Document) -> usize {
    let mut ids: Vec<pdf_extract::ObjectId> = Vec::new();
    for (_, page) in doc.get_pages() {
        ids.extend(doc.get_page_contents(page));
    }
    for (id, obj) in doc.objects.iter() {
        if let Object::Stream(s) = obj {
            let form = s
                .dict
                .get(b"Subtype")
                .ok()
                .and_then(|o| o.as_name().ok())
                .is_some_and(|n| n == b"Form");
            if form {
                ids.push(*id);
            }
        }
    }
    ids.sort();
    ids.dedup();
    let mut emptied = 0;
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Ok(content) = stream.decompressed_content() else {
            continue;
        };
        if Content::decode(&content).is_ok() {
            continue;
        }
        let stripped = strip_inline_images(&content);
        if Content::decode(&stripped).is_ok() {
            stream.set_plain_content(stripped);
        } else {
            stream.set_plain_content(Vec::new());
            emptied += 1;
        }
    }
    emptied
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// A two-letter operator at `i`, standing alone between white space.
fn operator_at(s: &[u8], i: usize, op: &[u8; 2]) -> bool {
    s.get(i..i + 2) == Some(op)
        && (i == 0 || is_space(s[i - 1]))
        && s.get(i + 2).is_none_or(|&b| is_space(b))
}

/// The content stream without its inline images.
pub(crate) fn strip_inline_images(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if operator_at(s, i, b"BI") {
            // The image dictionary runs to "ID"; its data, to an "EI" standing alone.
            let Some(id) = (i + 2..s.len()).find(|&j| operator_at(s, j, b"ID")) else {
                break;
            };
            let mut j = id + 3;
            while j < s.len() && !operator_at(s, j, b"EI") {
                j += 1;
            }
            i = j + 2;
            out.push(b' ');
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_images_are_removed_and_text_kept() {
        let s = b"BT (A) Tj ET\r\nq\r\nBI\r\n/W 2 /H 1 /BPC 1 /CS /G\r\nID \xff\xfeEIx\x00\r\nEI\r\nQ\r\nBT (B) Tj ET";
        let out = strip_inline_images(s);
        assert_eq!(
            String::from_utf8_lossy(&out)
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["BT", "(A)", "Tj", "ET", "q", "Q", "BT", "(B)", "Tj", "ET"]
        );
        assert!(Content::decode(&out).is_ok());
    }
}
