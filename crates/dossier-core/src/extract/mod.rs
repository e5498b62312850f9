//! Front ends: turn a file (.txt, .md, .pdf, .docx) into its layout
//! ([`crate::layout::Layout`]: pages of headings, paragraphs, list entries,
//! tables, footnotes and page furniture), so that one structure parser serves
//! all formats.

mod decode;
mod docx;
mod docx_numbering;
mod pdf;
mod pdf_layout;
mod pdf_repair;
pub mod worker;

use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::reason::{FileKind, Reason};
use std::path::Path;

pub use decode::decode_text;
pub use worker::{Extractor, Limits};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The formats Dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
    Docx,
}

impl Format {
    /// The format named by a file's extension, if Dossier reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" | "text" => Some(Format::Text),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format the content itself says it is, by its first bytes.
    fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF-") {
            Some(Format::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(Format::Docx)
        } else {
            None
        }
    }
}

/// Reads a file from disk and returns the text the parser reads
/// (`dossier parse --text`).
pub fn extract_file(path: &Path) -> Result<String> {
    Ok(extract_layout_file(path)?.text())
}

/// Reads a file from disk and returns its layout.
pub fn extract_layout_file(path: &Path) -> Result<Layout> {
    let bytes = read_file(path)?;
    extract_layout(path, &bytes)
}

/// The text of a file's bytes, as the parser reads it.
pub fn extract_bytes(path: &Path, bytes: &[u8]) -> Result<String> {
    Ok(extract_layout(path, bytes)?.text())
}

/// Reads a file's bytes, refusing folders, anything that is not a regular
/// file (pipes, sockets and devices are never opened) and files too large to
/// be meeting documents before reading them. The read itself stops at the
/// size limit, so a file that grows while it is read (or that lies about its
/// size) cannot fill memory.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_bounded(path, MAX_FILE_BYTES)
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(Error::unreadable(path, Reason::Folder));
    }
    if !meta.is_file() {
        return Err(crate::ingest::not_regular(path, meta.file_type()));
    }
    let too_large = |size: u64, grew: bool| {
        Error::unreadable(
            path,
            Reason::TooLarge {
                size_mb: u32::try_from(size >> 20).unwrap_or(u32::MAX),
                limit_mb: u32::try_from(limit >> 20).unwrap_or(u32::MAX),
                grew,
            },
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len(), false));
    }
    let file = open_without_blocking(path).map_err(io)?;
    // The path may have been replaced between the two looks.
    if !file.metadata().map_err(io)?.is_file() {
        return Err(Error::unreadable(
            path,
            Reason::NotRegular {
                what: crate::reason::SpecialFile::Other,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, true));
    }
    Ok(bytes)
}

/// Opens a file for reading without ever waiting: should a named pipe take
/// the place of the file after it was looked at, opening it does not block.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Turns the bytes of a file into its layout. `path` names the file in
/// messages and gives the format by its extension; the content decides when
/// they disagree.
pub fn extract_layout(path: &Path, bytes: &[u8]) -> Result<Layout> {
    if bytes.is_empty() {
        return Err(Error::unreadable(path, Reason::Empty));
    }
    let claimed = Format::from_path(path);
    let sniffed = Format::sniff(bytes);
    let format = match (claimed, sniffed) {
        (_, Some(actual)) => actual,
        (Some(Format::Text), None) => Format::Text,
        (Some(Format::Pdf), None) => {
            return Err(Error::unreadable(
                path,
                Reason::NotWhatItsNameSays {
                    claimed: FileKind::Pdf,
                },
            ))
        }
        (Some(Format::Docx), None) => {
            return Err(Error::unreadable(
                path,
                Reason::NotWhatItsNameSays {
                    claimed: FileKind::Word,
                },
            ))
        }
        (None, None) => return Err(Error::unreadable(path, Reason::Unsupported)),
    };
    let layout = match format {
        Format::Text => {
            let (text, note) = decode::decode_text_noting(bytes)
                .map_err(|detail| Error::unreadable(path, Reason::Binary { detail }))?;
            let zh = crate::parse::language::detect_language(&text) == "zh";
            let mut layout = crate::layout::from_text(&crate::parse::clean::clean(&text, zh));
            layout.diagnostics.extend(note);
            layout
        }
        Format::Pdf => pdf::extract(bytes).map_err(|reason| Error::unreadable(path, reason))?,
        Format::Docx => docx::extract(bytes).map_err(|reason| Error::unreadable(path, reason))?,
    };
    if layout.is_empty() {
        let why = match format {
            Format::Pdf => Reason::NoTextLayer,
            _ => Reason::NoText,
        };
        return Err(Error::unreadable(path, why));
    }
    Ok(layout)
}

/// "1.", "(a)", "•", "IV.", "A.": the start of a list entry, after which a
/// wide gap is the hanging indent, not a column.
pub(crate) fn is_list_marker(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > 6 {
        return false;
    }
    if matches!(t, "•" | "-" | "–" | "—" | "·" | "*") {
        return true;
    }
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_suffix('.'))
        .or_else(|| t.strip_suffix(')'))
        // "1-": Arabic documents number their lists so.
        .or_else(|| {
            t.strip_suffix('-')
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .unwrap_or("");
    !inner.is_empty()
        && (inner.chars().all(|c| c.is_ascii_digit() || c == '.')
            || inner.chars().all(|c| c.is_ascii_lowercase())
            || inner.chars().count() <= 2
                && crate::parse::vocabulary::latin_sub_item(inner).is_some()
            || inner.chars().all(|c| "IVXLC".contains(c))
            || (inner.len() == 1 && inner.chars().all(|c| c.is_ascii_uppercase())))
}

/// "12.", "13.1": a paragraph number (a year such as "2020." is not one).
pub(crate) fn is_paragraph_number(first: &str) -> bool {
    first.len() <= 7
        && first.contains('.')
        && first
            .split('.')
            .next()
            .is_some_and(|n| (1..=3).contains(&n.len()))
        && first.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// "*2600248*": the job number's barcode, drawn in a barcode font.
pub(crate) fn is_barcode(line: &str) -> bool {
    let t = line.trim();
    t.len() > 2
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `/proc` files say they are empty and then produce text: the read
    /// stops at the limit whatever the size said.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_longer_than_its_size_said_is_read_up_to_the_limit() {
        let maps = Path::new("/proc/self/maps");
        assert_eq!(std::fs::metadata(maps).unwrap().len(), 0);
        let err = read_bounded(maps, 1024).unwrap_err().to_string();
        assert!(err.contains("grew past"), "{err}");
        assert!(read_bounded(maps, 1 << 30).unwrap().len() > 1024);
    }
}
