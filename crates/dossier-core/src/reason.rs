//! Why a file cannot be read, as data: a stable code and its parameters,
//! which the UI words in its own language, and an English sentence (the
//! `Display`) for the CLI, the logs and an English UI. Details that only a
//! support person reads (a parser's own words) travel as `detail`, in English.

use serde::{Deserialize, Serialize};

/// What kind of file a message speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Word,
    File,
}

impl FileKind {
    pub(crate) fn english(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Word => "Word document",
            FileKind::File => "file",
        }
    }
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// A folder was given where a file was expected.
    Folder,
    /// A named pipe, a socket, a device, or a link inside a folder: never opened.
    NotRegular {
        what: SpecialFile,
    },
    Empty,
    /// The file (or what it grew to while read) is larger than Dossier reads.
    TooLarge {
        size_mb: u32,
        limit_mb: u32,
        grew: bool,
    },
    /// Named .pdf or .docx, but the content is something else.
    NotWhatItsNameSays {
        claimed: FileKind,
    },
    Unsupported,
    /// Text that is no text in any encoding (binary data).
    Binary {
        detail: String,
    },
    /// A PDF whose pages hold no text: a scan.
    NoTextLayer,
    /// A password-protected PDF.
    Encrypted,
    NoText,
    PdfDamaged {
        detail: String,
    },
    WordDamaged {
        detail: String,
    },
    /// A structure built to exhaust the reader: nesting, a form drawing
    /// itself, millions of operators, content that inflates without end.
    Hostile {
        kind: FileKind,
        detail: String,
    },
    TooSlow {
        kind: FileKind,
        seconds: f64,
    },
    TooMuchMemory {
        kind: FileKind,
        limit_mb: u32,
    },
    TooMuchText {
        kind: FileKind,
        limit_mb: u32,
    },
    /// The reader stopped (crashed) on the file.
    ReaderStopped {
        kind: FileKind,
        detail: String,
    },
    /// Anything else, in English.
    Other {
        detail: String,
    },
}

/// The special files a folder may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SpecialFile {
    Link,
    Fifo,
    Socket,
    Device,
    Other,
}

fn size(mb: u32) -> String {
    if mb >= 1024 && mb.is_multiple_of(1024) {
        format!("{} GB", mb / 1024)
    } else {
        format!("{mb} MB")
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Folder => write!(f, "is a folder, not a file"),
            Reason::NotRegular { what } => {
                let what = match what {
                    SpecialFile::Link => {
                        "is a symbolic link; links inside a folder are not followed (import the \
                         file it points to by its own name)"
                    }
                    SpecialFile::Fifo => "is a named pipe (FIFO), not a regular file",
                    SpecialFile::Socket => "is a socket, not a regular file",
                    SpecialFile::Device => "is a device, not a regular file",
                    SpecialFile::Other => "is not a regular file",
                };
                write!(f, "{what}; skipped")
            }
            Reason::Empty => write!(f, "the file is empty"),
            Reason::TooLarge {
                size_mb,
                limit_mb,
                grew,
            } => {
                if *grew {
                    write!(f, "the file grew past {limit_mb} MB while it was read")?;
                } else {
                    write!(f, "the file is {size_mb} MB")?;
                }
                write!(f, "; Dossier reads meeting documents up to {limit_mb} MB")
            }
            Reason::NotWhatItsNameSays { claimed } => match claimed {
                FileKind::Pdf => write!(f, "is named .pdf but is not a PDF file (no %PDF header)"),
                FileKind::Word => write!(
                    f,
                    "is named .docx but is not a Word document (not a zip archive)"
                ),
                FileKind::File => write!(f, "is not what its name says"),
            },
            Reason::Unsupported => write!(
                f,
                "unsupported file type: Dossier reads .txt, .md, .pdf and .docx"
            ),
            Reason::Binary { detail } => write!(f, "{detail}"),
            Reason::NoTextLayer => write!(
                f,
                "the PDF has no text layer (it looks like a scan); run it through OCR first"
            ),
            Reason::NoText => write!(f, "the file contains no text"),
            Reason::Encrypted => write!(
                f,
                "the PDF is encrypted (password-protected); save an unprotected copy first"
            ),
            Reason::PdfDamaged { detail }
            | Reason::WordDamaged { detail }
            | Reason::Hostile { detail, .. }
            | Reason::Other { detail } => write!(f, "{detail}"),
            Reason::TooSlow { kind, seconds } => {
                write!(
                    f,
                    "the {} took more than {seconds} s to read",
                    kind.english()
                )
            }
            Reason::TooMuchMemory { kind, limit_mb } => write!(
                f,
                "the {} needed more than {} of memory to read",
                kind.english(),
                size(*limit_mb)
            ),
            Reason::TooMuchText { kind, limit_mb } => write!(
                f,
                "the {} expands to more than {} of text",
                kind.english(),
                size(*limit_mb)
            ),
            Reason::ReaderStopped { kind, detail } => write!(
                f,
                "the {} could not be read: its reader stopped ({detail})",
                kind.english()
            ),
        }
    }
}

/// A reader's own sentence, kept as it is.
impl From<String> for Reason {
    fn from(detail: String) -> Self {
        Reason::Other { detail }
    }
}

impl From<&str> for Reason {
    fn from(detail: &str) -> Self {
        Reason::Other {
            detail: detail.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_travel_as_codes_with_parameters() {
        let r = Reason::TooMuchMemory {
            kind: FileKind::Pdf,
            limit_mb: 1024,
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"code":"too_much_memory","kind":"pdf","limit_mb":1024}"#
        );
        assert_eq!(serde_json::from_str::<Reason>(&json).unwrap(), r);
        assert_eq!(
            r.to_string(),
            "the PDF needed more than 1 GB of memory to read"
        );
        assert_eq!(
            serde_json::to_string(&Reason::NoTextLayer).unwrap(),
            r#"{"code":"no_text_layer"}"#
        );
    }
}
