//! PDF front end, built on `pdf-extract` (pure Rust, on lopdf): CJK text
//! through ToUnicode maps, no system library to install. The glyphs it
//! decodes are laid out into lines and paragraphs by [`super::pdf_layout`].
//! ARCHITECTURE.md records how it compared with the alternatives.

use super::pdf_layout::Collector;

pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let doc = pdf_extract::Document::load_mem(bytes)
        .map_err(|e| format!("the PDF is damaged or truncated and cannot be opened ({e})"))?;
    if doc.is_encrypted() {
        return Err(
            "the PDF is encrypted (password-protected); save an unprotected copy first".into(),
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
        Ok(Ok(collector)) if collector.is_empty() => Ok(String::new()),
        Ok(Ok(collector)) => Ok(collector.into_text()),
        Ok(Err(e)) => Err(format!("the PDF's text could not be read ({e})")),
        Err(_) => Err("the PDF's text could not be read (malformed content stream)".into()),
    }
}
