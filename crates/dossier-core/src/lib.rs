//! Dossier's core: the document model, the front ends that read files, the
//! structure parser, the library store and the search index. Nothing here
//! knows about windows; the Tauri shell and the CLI are thin layers on top.

pub mod annotations;
pub mod api;
pub mod calendar;
pub mod changes;
pub mod citation;
pub mod error;
pub mod extract;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod fs_atomic;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod history;
pub mod ingest;
pub mod layout;
pub mod library;
pub mod model;
pub mod parse;
pub mod reason;
pub mod scorecard;
pub mod script;
pub mod search;
pub(crate) mod store;

pub use error::{Error, ErrorKind, Result};
pub use library::Library;
pub use model::*;
pub use reason::{FileKind, Reason};

use std::path::Path;

/// Reads and parses one file.
pub fn parse_file(path: &Path) -> Result<Document> {
    let layout = extract::extract_layout_file(path)?;
    Ok(parse_extracted(&layout))
}

/// Parses a file's layout; what the front end noticed (a text file mixing
/// encodings) comes first among the document's diagnostics.
pub fn parse_extracted(layout: &layout::Layout) -> Document {
    let mut doc = parse::parse_layout(layout);
    if !layout.diagnostics.is_empty() {
        doc.diagnostics
            .splice(0..0, layout.diagnostics.iter().cloned());
    }
    doc
}

/// The version of the core, for `--version` and the About box.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
