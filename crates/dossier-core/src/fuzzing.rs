//! Entry points shared by the fuzz targets (`fuzz/`) and the corpus replay
//! test that runs on every CI run (`tests/fuzz_corpus.rs`).

use std::path::Path;

/// Extracts text from `data` as a file called `name` (its extension picks the
/// front end unless the content says otherwise), then parses it. Errors are
/// fine; panics are not.
pub fn extract_and_parse(name: &str, data: &[u8]) {
    if let Ok(layout) = crate::extract::extract_layout(Path::new(name), data) {
        let doc = crate::parse::parse_layout(&layout);
        std::hint::black_box(doc);
    }
}

/// Parses `data` as text (lossily decoded), as the parser sees any readable file.
pub fn parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = crate::parse::parse_text(&text);
    std::hint::black_box(doc);
}
