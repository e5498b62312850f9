//! PDF front end, built on `pdf-extract` (pure Rust, on lopdf): CJK text
//! through ToUnicode maps, no system library to install. ARCHITECTURE.md
//! records how it compared with the alternatives.

pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes)
        .map_err(|e| format!("the PDF is damaged or truncated and cannot be opened ({e})"))?;
    if doc.is_encrypted() {
        return Err(
            "the PDF is encrypted (password-protected); save an unprotected copy first".into(),
        );
    }
    // pdf-extract can panic on malformed content streams; contain it.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(format!("the PDF's text could not be read ({e})")),
        Err(_) => Err("the PDF's text could not be read (malformed content stream)".into()),
    }
}
