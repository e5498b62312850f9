//! Citations of the library's documents (see `crate::citation`).

use super::Library;
use crate::citation::{self, Cited, Locator};
use crate::error::{Error, Result};
use crate::store::documents;
use serde::{Deserialize, Serialize};

/// The formats reference managers import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum CitationFormat {
    /// CSL-JSON: Zotero, Mendeley, pandoc.
    Csljson,
    /// BibLaTeX (`.bib`).
    Biblatex,
}

impl CitationFormat {
    pub fn extension(self) -> &'static str {
        match self {
            CitationFormat::Csljson => "json",
            CitationFormat::Biblatex => "bib",
        }
    }
}

impl Library {
    /// A citation to paste for a document, or for a passage of it
    /// (`item:3(a)`, `para:{index}`: a numbered paragraph is cited by its
    /// printed number, an unnumbered one as the document).
    pub fn cite(&self, doc_id: u32, passage: Option<&str>) -> Result<String> {
        let conn = self.store.reader();
        let record = documents::record(&conn, doc_id)?;
        let document = documents::load(&conn, doc_id)?;
        let locator = match passage {
            None => Locator::Document,
            Some(p) => {
                if let Some(n) = p.strip_prefix("item:") {
                    if !document.items_flat().iter().any(|i| i.number == n) {
                        return Err(Error::NotFound(format!("agenda item {n}")));
                    }
                    Locator::Item(n.to_string())
                } else if let Some(i) = p.strip_prefix("para:") {
                    let block = i
                        .parse()
                        .ok()
                        .and_then(|i| document.text_block(i))
                        .ok_or_else(|| Error::NotFound(format!("passage {p}")))?;
                    match &block.number {
                        Some(n) => Locator::Paragraph(n.clone()),
                        None => Locator::Document,
                    }
                } else {
                    return Err(Error::Invalid(format!("not a passage: {p}")));
                }
            }
        };
        Ok(citation::citation(
            &Cited {
                record: &record,
                document: &document,
            },
            &locator,
        ))
    }

    /// The passage (`para:{index}`) of the paragraph printed with `number`.
    pub fn paragraph_passage(&self, doc_id: u32, number: &str) -> Result<String> {
        let document = documents::load(&self.store.reader(), doc_id)?;
        document
            .paragraphs
            .iter()
            .find(|p| p.number.as_deref() == Some(number))
            .map(|p| format!("para:{}", p.index))
            .ok_or_else(|| Error::NotFound(format!("paragraph {number}")))
    }

    /// Documents (latest versions or not, as given) as CSL-JSON or BibLaTeX.
    pub fn export_citations(&self, ids: &[u32], format: CitationFormat) -> Result<String> {
        let conn = self.store.reader();
        let mut loaded = Vec::with_capacity(ids.len());
        for &id in ids {
            loaded.push((documents::record(&conn, id)?, documents::load(&conn, id)?));
        }
        let cited: Vec<Cited> = loaded
            .iter()
            .map(|(record, document)| Cited { record, document })
            .collect();
        Ok(match format {
            CitationFormat::Csljson => {
                serde_json::to_string_pretty(&citation::csl_json(&cited))
                    .map_err(|e| Error::Invalid(e.to_string()))?
                    + "\n"
            }
            CitationFormat::Biblatex => citation::biblatex(&cited),
        })
    }
}
