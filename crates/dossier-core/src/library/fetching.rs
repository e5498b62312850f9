//! The library's side of fetching documents from the UN's document system:
//! what a meeting still lacks in the user's languages, the persisted queue,
//! the languages chosen once, and the import of a fetched file, checked
//! against what was asked for before anything is stored. The network side is
//! [`crate::fetch`] (the `fetch` feature); nothing here opens a connection.

use super::{now, Library};
use crate::error::{Error, Result};
use crate::ingest::IngestResult;
use crate::model::Document;
use crate::parse::symbols;
use crate::store::documents::DocumentRecord;
use crate::store::fetch_queue::{self, FetchFormats, FetchResult, QueuedFetch};
use crate::store::renditions::Format;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The six languages the document system serves, in the UN's order.
pub const FETCH_LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

const LANGUAGES_SETTING: &str = "fetch.languages";
const FORMATS_SETTING: &str = "fetch.formats";

/// One document in one language a meeting cites or holds, and whether the
/// library has it already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchTarget {
    pub symbol: String,
    pub language: String,
    /// The library's document with this symbol in this language, if any.
    pub document_id: Option<u32>,
    /// The files still to fetch (empty: nothing to do).
    pub lacking: Vec<Format>,
}

/// What fetching would bring a meeting: every document its agendas cite and
/// every document it holds, in each of the languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchPlan {
    pub meeting_id: u32,
    pub languages: Vec<String>,
    pub formats: FetchFormats,
    pub targets: Vec<FetchTarget>,
    /// How many targets lack a file.
    pub missing: u32,
}

/// The languages and files the user fetches, chosen once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FetchSettings {
    /// Empty until chosen: each meeting's own languages then.
    pub languages: Vec<String>,
    pub formats: FetchFormats,
}

/// What became of a fetched file.
#[derive(Debug)]
pub enum FetchedFile {
    /// Imported (or the library held the very same file).
    Stored(IngestResult),
    /// The file is in another language than the one asked for (the service
    /// sends the English file for a language it lacks): not stored.
    OtherLanguage(String),
    /// The file is another document: not stored.
    OtherSymbol(String),
}

/// Checks a language code: one of the six.
pub fn fetch_language(code: &str) -> Result<String> {
    let code = code.trim().to_ascii_lowercase();
    if FETCH_LANGUAGES.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(Error::Invalid(format!(
            "{code:?} is not a UN language; use ar, zh, en, fr, ru or es"
        )))
    }
}

impl Library {
    /// The languages and files chosen for fetching.
    pub fn fetch_settings(&self) -> Result<FetchSettings> {
        let reader = self.store.reader();
        let languages = fetch_queue::setting(&reader, LANGUAGES_SETTING)?
            .map(|v| {
                v.split(',')
                    .filter_map(|c| fetch_language(c).ok())
                    .collect()
            })
            .unwrap_or_default();
        let formats = fetch_queue::setting(&reader, FORMATS_SETTING)?
            .and_then(|v| FetchFormats::parse(&v))
            .unwrap_or_default();
        Ok(FetchSettings { languages, formats })
    }

    /// Remembers the languages and files to fetch.
    pub fn set_fetch_settings(&self, settings: &FetchSettings) -> Result<()> {
        let mut languages = Vec::new();
        for l in &settings.languages {
            let l = fetch_language(l)?;
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let conn = self.store.writer();
        fetch_queue::set_setting(&conn, LANGUAGES_SETTING, &languages.join(","))?;
        fetch_queue::set_setting(&conn, FORMATS_SETTING, settings.formats.as_str())?;
        Ok(())
    }

    /// What a meeting lacks: each document its agendas cite and each
    /// document it holds, in each of `languages` (none: the languages of the
    /// meeting's own documents), with the files of `formats` still missing.
    pub fn fetch_plan(
        &self,
        meeting_id: u32,
        languages: &[String],
        formats: FetchFormats,
    ) -> Result<FetchPlan> {
        let listing = self.listing()?;
        let meeting = listing
            .meetings
            .iter()
            .find(|m| m.id == meeting_id)
            .ok_or_else(|| Error::NotFound(format!("meeting {meeting_id}")))?;
        let mut languages: Vec<String> = languages
            .iter()
            .map(|l| fetch_language(l))
            .collect::<Result<_>>()?;
        if languages.is_empty() {
            for d in &meeting.documents {
                if FETCH_LANGUAGES.contains(&d.language.as_str())
                    && !languages.contains(&d.language)
                {
                    languages.push(d.language.clone());
                }
            }
        }
        let mut symbols: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let own = meeting
            .documents
            .iter()
            .filter_map(|d| d.effective_symbol());
        let cited = self.meeting_references(meeting_id)?;
        for s in own
            .map(str::to_string)
            .chain(cited.into_iter().map(|r| r.symbol))
        {
            if seen.insert(symbols::key(&s)) {
                symbols.push(s);
            }
        }
        let records = self.records()?;
        let mut targets = Vec::new();
        for symbol in &symbols {
            for language in &languages {
                let (document_id, lacking) =
                    self.holding_in(&records, symbol, language, formats)?;
                targets.push(FetchTarget {
                    symbol: symbol.clone(),
                    language: language.clone(),
                    document_id,
                    lacking,
                });
            }
        }
        let missing = targets.iter().filter(|t| !t.lacking.is_empty()).count() as u32;
        Ok(FetchPlan {
            meeting_id,
            languages,
            formats,
            targets,
            missing,
        })
    }

    /// The library's document with `symbol` in `language`, and which files
    /// of `formats` it still lacks (all of them when there is none; none
    /// when what it holds is enough).
    pub fn holding(
        &self,
        symbol: &str,
        language: &str,
        formats: FetchFormats,
    ) -> Result<(Option<u32>, Vec<Format>)> {
        self.holding_in(&self.records()?, symbol, language, formats)
    }

    fn holding_in(
        &self,
        records: &[DocumentRecord],
        symbol: &str,
        language: &str,
        formats: FetchFormats,
    ) -> Result<(Option<u32>, Vec<Format>)> {
        let key = symbols::key(symbol);
        let held = records
            .iter()
            .filter(|d| d.latest && d.language == language)
            .find(|d| {
                [d.symbol.as_deref(), d.user_symbol.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|s| symbols::key(s) == key)
            });
        let Some(doc) = held else {
            return Ok((None, formats.order().to_vec()));
        };
        let have: Vec<Format> = self.renditions(doc.id)?.iter().map(|r| r.format).collect();
        let lacking = match formats {
            // Any file of it is something to read.
            FetchFormats::WordElsePdf => Vec::new(),
            _ => formats
                .order()
                .iter()
                .copied()
                .filter(|f| !have.contains(f))
                .collect(),
        };
        Ok((Some(doc.id), lacking))
    }

    /// Queues `symbol` in `language` for fetching (again, if it was fetched
    /// before). Returns its place in the queue.
    pub fn queue_fetch(
        &self,
        symbol: &str,
        language: &str,
        formats: FetchFormats,
        meeting_id: Option<u32>,
    ) -> Result<i64> {
        let language = fetch_language(language)?;
        let symbol = symbol.trim();
        if symbol.is_empty() {
            return Err(Error::Invalid("an empty symbol cannot be fetched".into()));
        }
        fetch_queue::enqueue(
            &self.store.writer(),
            symbol,
            &language,
            formats,
            meeting_id,
            &now(),
        )
    }

    /// Queues every document and language of a meeting's plan
    /// ([`Library::fetch_plan`]); those the library holds come out skipped.
    pub fn queue_meeting_fetch(
        &self,
        meeting_id: u32,
        languages: &[String],
        formats: FetchFormats,
    ) -> Result<FetchPlan> {
        let plan = self.fetch_plan(meeting_id, languages, formats)?;
        for t in &plan.targets {
            self.queue_fetch(&t.symbol, &t.language, formats, Some(meeting_id))?;
        }
        Ok(plan)
    }

    /// What waits in the fetch queue, oldest first.
    pub fn pending_fetches(&self) -> Result<Vec<QueuedFetch>> {
        fetch_queue::pending(&self.store.reader())
    }

    /// Records the outcome of a queued fetch; it leaves the queue.
    pub fn finish_fetch(&self, id: i64, result: &FetchResult) -> Result<()> {
        fetch_queue::finish(&self.store.writer(), id, result, &now())
    }

    /// The outcome a queued fetch came to, once it is done.
    pub fn fetch_outcome(&self, id: i64) -> Result<Option<FetchResult>> {
        fetch_queue::outcome(&self.store.reader(), id)
    }

    /// Imports a file fetched as `symbol` in `language`, refusing it, with
    /// nothing stored, when it is in another language (the service's English
    /// file for a language it lacks) or another document. A document that
    /// prints no symbol is given the one it was fetched by, so that it
    /// resolves the reference it was fetched for.
    pub fn ingest_fetched(&self, path: &Path, symbol: &str, language: &str) -> Result<FetchedFile> {
        let wanted = symbols::key(&symbols::lineage(symbol));
        let check = |doc: &Document| -> Option<FetchedFile> {
            if doc.language != language && doc.language != crate::parse::language::UNDETERMINED {
                return Some(FetchedFile::OtherLanguage(doc.language.clone()));
            }
            // Only a printed symbol counts: a suggested one is a guess.
            match doc.symbol.as_deref() {
                Some(p) if symbols::key(&symbols::lineage(p)) != wanted => {
                    Some(FetchedFile::OtherSymbol(p.to_string()))
                }
                _ => None,
            }
        };
        let outcome = self.ingest_staged_checked(path, &check)?;
        let result = match outcome {
            Ok(result) => result,
            Err(refused) => return Ok(refused),
        };
        if result.status != crate::ingest::IngestStatus::Unchanged {
            self.commit_index();
        }
        if let Some(id) = result.document_id {
            let record = crate::store::documents::record(&self.store.reader(), id)?;
            if record.symbol.is_none() && record.user_symbol.is_none() {
                self.set_user_symbol(id, Some(symbol))?;
            }
        }
        Ok(FetchedFile::Stored(result))
    }
}
