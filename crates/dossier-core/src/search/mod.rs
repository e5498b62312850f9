//! Full-text search over the library (tantivy).
//!
//! The index is derived from the store and can always be rebuilt from it. It
//! holds one entry per passage (see `passages`) of the latest version of each
//! document, and one per note. Each commit records the store generation it
//! reflects; when they differ at start-up (a crash between the two commits,
//! a deleted or damaged index folder), the index is rebuilt.
//!
//! The index holds terms and where each passage is, not its text: a
//! passage's document, kind and `ord` are fast fields, and its text is read
//! back from the store's rows for the candidates of a search
//! ([`PassageSource`]; the library's is `library::passage_text`). Keeping
//! the text in tantivy's doc store as well made the index as large as the
//! text (1.02×).
//!
//! Matching is by `analysis::grams` (any fragment of Chinese, words folded
//! and stemmed by their language, symbol parts); `highlight` checks every
//! candidate against its text before it is shown; `rank` ranks the best
//! candidates again by the query's Chinese words standing whole in them.
//!
//! # Six languages in one index
//!
//! Cyrillic, Arabic and CJK text is analysed by its script alone (Russian
//! stemmer, Arabic normalisation and light stemming, bigrams): those terms
//! cannot collide with another language's. The one choice left is which
//! stemmer a *Latin-script* word gets, English, French or Spanish, and that
//! is chosen per passage (`analysis::Latin::for_passage`: the document's
//! language, or the passage's own when it is long enough for
//! `parse::language::detect_language` to tell, since UN documents quote and mix
//! languages; Chinese, Russian and Arabic passages stem their Latin words as
//! English). Each Latin language has its own grams field (`grams_en`,
//! `grams_fr`, `grams_es`), so a passage is indexed by exactly one of them and
//! the passage's choice is stored (`latin`) for the final check.
//!
//! Fields rather than one field with the tokenizer chosen per passage:
//! tantivy 0.27 ties a tokenizer to a field, so one field would mean
//! pre-tokenized documents (a `Token` allocated per term, which the indexing
//! path avoids) or a language tag smuggled into the text. With a field per
//! Latin language, each term and its statistics belong to one language ("des"
//! is a French stop word's stem, not an English one's), a French form of the
//! query never matches an English passage by coincidence, and a Chinese query
//! costs two more lookups of terms in fields that mostly lack them.
//!
//! A query is not assigned a language (one or two words do not tell which):
//! each term is analysed by the three Latin stemmers and each form searched
//! in its language's field (`query`). A phrase found verbatim in a passage is
//! therefore always found, whatever language the passage was given.

pub mod analysis;
pub mod bulk;
pub mod highlight;
pub mod passages;
pub mod query;
mod rank;
pub mod synonyms;

use crate::error::{Error, Result};
use crate::model::DocumentKind;
use analysis::{fold_str, AnalysisTokenizer, Latin};
use highlight::Segment;
use passages::{Location, Passage, PassageKind};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Mutex;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING,
};
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term,
};

/// What to search for, and where.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchRequest {
    pub query: String,
    /// Only documents in this language: one of ar, zh, en, fr, ru, es.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// The body holding the meeting, as the library lists it.
    #[serde(default)]
    pub body: Option<String>,
    /// The year the meeting began ("2024").
    #[serde(default)]
    pub year: Option<String>,
    /// An agenda item ("3(a)"): its annotation and the slots that take it up.
    #[serde(default)]
    pub item: Option<String>,
    /// Only this document.
    #[serde(default)]
    pub document: Option<u32>,
    /// Only the places of one agenda item in all sessions: its annotation in
    /// every agenda that has the same item (every language), and the report
    /// sections on it (see `Library::item_history`).
    #[serde(default)]
    pub item_in_all_sessions: Option<ItemScope>,
    /// At most this many hits (default 50).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// An agenda item of a document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ItemScope {
    pub document: u32,
    pub item: String,
}

/// The document a hit belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HitDocument {
    pub id: u32,
    pub symbol: Option<String>,
    pub title: String,
    pub language: String,
    pub kind: DocumentKind,
    /// The original file name.
    pub file: String,
}

/// One passage found, best first.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchHit {
    pub document: HitDocument,
    pub location: Location,
    pub passage: PassageKind,
    /// A label for the place: the item, the paragraph number, the slot's time.
    pub heading: String,
    /// The snippet as plain text.
    pub snippet: String,
    /// The snippet cut into plain and matched pieces.
    pub segments: Vec<Segment>,
    pub score: f32,
}

/// The facts of a document that filters apply to.
pub struct IndexedDocument<'a> {
    pub id: u32,
    pub language: &'a str,
    pub kind: DocumentKind,
    pub body: Option<&'a str>,
    pub year: Option<&'a str>,
    pub passages: Vec<Passage>,
}

/// A note as search sees it.
pub struct IndexedNote<'a> {
    pub id: u32,
    pub document: u32,
    pub language: &'a str,
    pub text: &'a str,
    /// The quoted words, shown as the hit's place.
    pub heading: &'a str,
    /// The passage the note is attached to.
    pub location: Location,
}

impl IndexedNote<'_> {
    /// The note as a passage: its text, its quote as heading, and the
    /// passage it is attached to with the note's id as its place.
    pub fn passage(&self) -> Passage {
        Passage {
            kind: PassageKind::Note,
            ord: self.id,
            location: Location {
                note: Some(self.id),
                ..self.location.clone()
            },
            heading: self.heading.to_string(),
            text: self.text.to_string(),
        }
    }
}

struct Fields {
    doc_id: Field,
    /// The passage's kind (`PassageKind::code`) and which one of its kind
    /// it is (`Passage::ord`): with the document, where its text is read
    /// back from (`PassageSource::passage`).
    passage: Field,
    ord: Field,
    /// Filters: the item, the note (for removal), the document's facts.
    item: Field,
    note: Field,
    language: Field,
    kind: Field,
    body: Field,
    year: Field,
    /// The passage's Latin language (`analysis::Latin` as a number).
    latin: Field,
    /// The grams of passages of each Latin language, by `Latin::ALL` order.
    grams: [Field; 3],
}

/// Bumped whenever the schema or the analysis changes: an index written by
/// another version is rebuilt.
const FORMAT: &str = "dossier-index-5";

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let grams_opts = |latin: Latin| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&grams_tokenizer(latin))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        doc_id: b.add_u64_field("doc_id", INDEXED | FAST),
        passage: b.add_u64_field("passage", FAST),
        ord: b.add_u64_field("ord", FAST),
        item: b.add_text_field("item", STRING),
        note: b.add_u64_field("note", INDEXED),
        language: b.add_text_field("language", STRING),
        kind: b.add_text_field("kind", STRING),
        body: b.add_text_field("body", STRING),
        year: b.add_text_field("year", STRING),
        latin: b.add_u64_field("latin", FAST),
        grams: Latin::ALL.map(|l| b.add_text_field(&grams_tokenizer(l), grams_opts(l))),
    };
    (b.build(), fields)
}

/// The name of the grams field, and of its tokenizer, for one Latin language.
fn grams_tokenizer(latin: Latin) -> String {
    format!("grams_{}", latin.code())
}

/// The search index of one library.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

/// Where search reads what the index does not keep: the text of each
/// passage it found, and what a hit shows of its document.
pub trait PassageSource {
    /// What a hit shows of document `id`; None drops the document's hits.
    fn document(&mut self, id: u32) -> Option<HitDocument>;
    /// The passage as it was indexed (`Passage::ord` of its kind in the
    /// document); None drops the hit.
    fn passage(&mut self, doc: u32, kind: PassageKind, ord: u32) -> Option<Passage>;
}

/// The passages given to an index, held in memory: a [`PassageSource`] for
/// tests and benchmarks of the index alone (the library reads them from
/// its store).
#[derive(Default, Clone)]
pub struct MemorySource {
    documents: std::collections::HashMap<u32, HitDocument>,
    passages: std::collections::HashMap<(u32, u64, u32), Passage>,
}

impl MemorySource {
    /// Holds a document's passages, as `SearchIndex::stage_documents` is given them.
    pub fn add(&mut self, document: HitDocument, passages: &[Passage]) {
        for p in passages {
            self.passages
                .insert((document.id, p.kind.code(), p.ord), p.clone());
        }
        self.documents.insert(document.id, document);
    }
}

impl PassageSource for &MemorySource {
    fn document(&mut self, id: u32) -> Option<HitDocument> {
        self.documents.get(&id).cloned()
    }
    fn passage(&mut self, doc: u32, kind: PassageKind, ord: u32) -> Option<Passage> {
        self.passages.get(&(doc, kind.code(), ord)).cloned()
    }
}

/// Where a candidate's text is: its document, kind and `ord`, and the Latin
/// language it was analysed in.
struct At {
    doc: u32,
    kind: PassageKind,
    ord: u32,
    latin: Latin,
}

/// The fast fields of one segment a candidate is read from.
struct Columns {
    doc_id: tantivy::columnar::Column<u64>,
    passage: tantivy::columnar::Column<u64>,
    ord: tantivy::columnar::Column<u64>,
    latin: tantivy::columnar::Column<u64>,
}

impl Columns {
    fn of(segment: &tantivy::SegmentReader, f: &Fields) -> Result<Columns> {
        let fast = segment.fast_fields();
        let column = |field: Field| {
            let name = segment.schema().get_field_name(field);
            fast.u64(name).map_err(index_err)
        };
        Ok(Columns {
            doc_id: column(f.doc_id)?,
            passage: column(f.passage)?,
            ord: column(f.ord)?,
            latin: column(f.latin)?,
        })
    }

    fn at(&self, doc: tantivy::DocId) -> Option<At> {
        Some(At {
            doc: u32::try_from(self.doc_id.first(doc)?).ok()?,
            kind: PassageKind::from_code(self.passage.first(doc)?)?,
            ord: u32::try_from(self.ord.first(doc)?).ok()?,
            latin: Latin::ALL
                .get(self.latin.first(doc)? as usize)
                .copied()
                .unwrap_or(Latin::English),
        })
    }
}

fn index_err(e: impl std::fmt::Display) -> Error {
    Error::Index(e.to_string())
}

impl SearchIndex {
    /// Opens the index in `dir`, or creates an empty one. A folder that cannot
    /// be opened as this version's index is cleared and created afresh; the
    /// caller then sees `generation() == None` and rebuilds.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        // Any failure to open what is there — a garbled file, a format this
        // version does not read, even a panic inside tantivy — clears the
        // folder and starts an empty index, which the library then rebuilds
        // from the store: the index can never keep the library from opening.
        let existing = std::panic::catch_unwind(|| Self::open_existing(dir));
        match existing {
            Ok(Ok(Some(index))) => return Ok(index),
            Ok(Ok(None)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "search index unreadable; recreating it"),
            Err(_) => tracing::warn!("search index unreadable (tantivy panicked); recreating it"),
        }
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        // Nothing is stored in tantivy's doc store: what a hit needs of the
        // index is in fast fields, and its text is read from the store.
        let index = Index::builder()
            .schema(schema)
            .settings(IndexSettings::default())
            .create_in_dir(dir)
            .map_err(index_err)?;
        Self::with_index(index, fields)
    }

    /// The index already in `dir` when it is this version's and opens
    /// whole; None when there is none or it is of another format.
    fn open_existing(dir: &Path) -> Result<Option<SearchIndex>> {
        let (schema, fields) = schema();
        let Ok(index) = Index::open_in_dir(dir) else {
            return Ok(None);
        };
        let ours = index.schema() == schema
            && index
                .load_metas()
                .map_err(index_err)?
                .payload
                .is_none_or(|p| p.starts_with(FORMAT));
        if !ours {
            return Ok(None);
        }
        let opened = Self::with_index(index, fields)?;
        // Every segment's files are opened by the reader; read what a
        // search reads first too, so damage shows here rather than later.
        let searcher = opened.reader.searcher();
        for segment in searcher.segment_readers() {
            for field in [opened.fields.doc_id, opened.fields.passage] {
                segment.inverted_index(field).map_err(index_err)?;
            }
        }
        Ok(Some(opened))
    }

    fn with_index(index: Index, fields: Fields) -> Result<SearchIndex> {
        for latin in Latin::ALL {
            index
                .tokenizers()
                .register(&grams_tokenizer(latin), AnalysisTokenizer::grams(latin));
        }
        let writer = index
            .writer_with_num_threads(1, 64 * 1024 * 1024)
            .map_err(index_err)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_err)?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
        })
    }

    /// The store generation the last commit reflects; None for a new or foreign index.
    pub fn generation(&self) -> Option<u64> {
        let payload = self.index.load_metas().ok()?.payload?;
        payload
            .strip_prefix(FORMAT)?
            .strip_prefix(':')?
            .parse()
            .ok()
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces everything indexed for these documents, and commits as `generation`.
    pub fn replace_documents(
        &self,
        remove: &[u32],
        add: &[IndexedDocument],
        generation: u64,
    ) -> Result<()> {
        self.stage_documents(remove, add)?;
        self.commit_as(generation)
    }

    /// Replaces what is indexed for these documents without committing: a
    /// batch import stages each file and commits now and then (`commit_as`).
    /// Searches see staged documents after the next commit.
    pub fn stage_documents(&self, remove: &[u32], add: &[IndexedDocument]) -> Result<()> {
        let writer = self.writer();
        for id in remove {
            writer.delete_term(Term::from_field_u64(self.fields.doc_id, *id as u64));
        }
        for doc in add {
            writer.delete_term(Term::from_field_u64(self.fields.doc_id, doc.id as u64));
            for p in &doc.passages {
                writer
                    .add_document(self.passage_doc(doc, p))
                    .map_err(index_err)?;
            }
        }
        Ok(())
    }

    /// Commits everything staged, recording that the index reflects the
    /// store up to `generation`.
    pub fn commit_as(&self, generation: u64) -> Result<()> {
        let mut writer = self.writer();
        self.commit(&mut writer, generation)
    }

    /// Indexes (or re-indexes) notes, and removes the ones listed; commits
    /// as `generation`.
    pub fn replace_notes(
        &self,
        remove: &[u32],
        add: &[IndexedNote],
        generation: u64,
    ) -> Result<()> {
        self.stage_notes(remove, add)?;
        self.commit_as(generation)
    }

    /// Stages notes like [`SearchIndex::replace_notes`], uncommitted.
    pub fn stage_notes(&self, remove: &[u32], add: &[IndexedNote]) -> Result<()> {
        let writer = self.writer();
        for id in remove.iter().chain(add.iter().map(|n| &n.id)) {
            writer.delete_term(Term::from_field_u64(self.fields.note, *id as u64));
        }
        for n in add {
            let f = &self.fields;
            let mut d = TantivyDocument::default();
            d.add_u64(f.doc_id, n.document as u64);
            d.add_u64(f.passage, PassageKind::Note.code());
            d.add_u64(f.ord, n.id as u64);
            d.add_u64(f.note, n.id as u64);
            if let Some(item) = &n.location.item {
                d.add_text(f.item, item);
            }
            d.add_text(f.language, n.language);
            let latin = Latin::for_passage(n.language, n.text);
            d.add_u64(f.latin, latin as u64);
            d.add_text(f.grams[latin as usize], n.text);
            writer.add_document(d).map_err(index_err)?;
        }
        Ok(())
    }

    /// Empties the index (before a rebuild).
    pub fn clear(&self) -> Result<()> {
        self.writer().delete_all_documents().map_err(index_err)?;
        Ok(())
    }

    fn commit(&self, writer: &mut IndexWriter, generation: u64) -> Result<()> {
        let mut prepared = writer.prepare_commit().map_err(index_err)?;
        prepared.set_payload(&format!("{FORMAT}:{generation}"));
        prepared.commit().map_err(index_err)?;
        self.reader.reload().map_err(index_err)?;
        Ok(())
    }

    fn passage_doc(&self, doc: &IndexedDocument, p: &Passage) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_u64(f.doc_id, doc.id as u64);
        d.add_u64(f.passage, p.kind.code());
        d.add_u64(f.ord, p.ord as u64);
        if let Some(item) = &p.location.item {
            d.add_text(f.item, item);
        }
        d.add_text(f.language, doc.language);
        d.add_text(f.kind, doc.kind.as_str());
        if let Some(b) = doc.body {
            d.add_text(f.body, fold_str(b));
        }
        if let Some(y) = doc.year {
            d.add_text(f.year, y);
        }
        let latin = Latin::for_passage(doc.language, &p.text);
        d.add_u64(f.latin, latin as u64);
        d.add_text(f.grams[latin as usize], &p.text);
        d
    }

    /// How many passages the index holds (for checks and the status bar).
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search. The index proposes candidates; `source` gives each
    /// one's text (from the store) and what its hit shows of its document.
    /// A candidate whose text does not hold what was asked (`highlight`)
    /// is dropped, as is one whose document or passage `source` no longer
    /// has. The best candidates by BM25 over the grams are ranked again
    /// with the query's Chinese words found whole in them (`rank`).
    pub fn search(
        &self,
        req: &SearchRequest,
        source: &mut dyn PassageSource,
    ) -> Result<Vec<SearchHit>> {
        let clauses = query::parse(&req.query);
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let limit = req.limit.unwrap_or(50).clamp(1, 10_000) as usize;
        let q = self.build_query(req, &clauses)?;
        let searcher = self.reader.searcher();
        // Fetch more than asked: a few candidates may fail the final check,
        // and the whole-word ranking may demote some below others.
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit * 2 + 20).order_by_score())
            .map_err(index_err)?;
        let words = rank::QueryWords::of(&req.query);
        let f = &self.fields;
        let mut columns: Vec<Option<Columns>> = Vec::new();
        columns.resize_with(searcher.segment_readers().len(), || None);
        let mut ranked = rank::Ranked::new(limit);
        for (score, addr) in top {
            if ranked.settled(score) {
                break;
            }
            let segment = addr.segment_ord as usize;
            if columns[segment].is_none() {
                columns[segment] = Some(Columns::of(searcher.segment_reader(addr.segment_ord), f)?);
            }
            let Some(at) = columns[segment].as_ref().and_then(|c| c.at(addr.doc_id)) else {
                continue;
            };
            let Some(passage) = source.passage(at.doc, at.kind, at.ord) else {
                continue;
            };
            let Some(ranges) = highlight::match_ranges(&passage.text, at.latin, &clauses) else {
                continue;
            };
            let score = score * words.factor(&passage.text);
            ranked.push(score, (at.doc, passage, ranges));
        }
        // What a hit shows of its document, and its snippet, only for the
        // hits returned.
        let mut hits = Vec::with_capacity(limit);
        for (score, (doc, passage, ranges)) in ranked.into_best() {
            if hits.len() >= limit {
                break;
            }
            let Some(document) = source.document(doc) else {
                continue;
            };
            let (segments, snippet) = highlight::snippet(&passage.text, &ranges);
            hits.push(SearchHit {
                document,
                location: passage.location,
                passage: passage.kind,
                heading: passage.heading,
                snippet,
                segments,
                score,
            });
        }
        Ok(hits)
    }

    fn build_query(
        &self,
        req: &SearchRequest,
        clauses: &[query::Clause],
    ) -> Result<Box<dyn Query>> {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for clause in clauses {
            let mut forms: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for form in &clause.forms {
                for &latin in &form.latin {
                    forms.push((
                        Occur::Should,
                        self.form_query(f.grams[latin as usize], &form.terms)?,
                    ));
                }
            }
            let q: Box<dyn Query> = if forms.len() == 1 {
                forms.pop().unwrap().1
            } else {
                Box::new(BooleanQuery::new(forms))
            };
            must.push((Occur::Must, q));
        }
        let text_filter = |field: Field, value: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
            )
        };
        if let Some(l) = req.language.as_deref().filter(|s| !s.is_empty()) {
            must.push(text_filter(f.language, l));
        }
        if let Some(k) = req.kind {
            must.push(text_filter(f.kind, k.as_str()));
        }
        if let Some(b) = req.body.as_deref().filter(|s| !s.is_empty()) {
            must.push(text_filter(f.body, &fold_str(b)));
        }
        if let Some(y) = req.year.as_deref().filter(|s| !s.is_empty()) {
            must.push(text_filter(f.year, y));
        }
        if let Some(i) = req.item.as_deref().filter(|s| !s.is_empty()) {
            let i = crate::parse::timetable::expand_items(i)
                .into_iter()
                .next()
                .unwrap_or_else(|| i.to_string());
            must.push(text_filter(f.item, &i));
        }
        if let Some(d) = req.document {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.doc_id, d as u64),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        Ok(Box::new(BooleanQuery::new(must)))
    }

    fn form_query(&self, f: Field, form: &[String]) -> Result<Box<dyn Query>> {
        if form.len() == 1 {
            let t = &form[0];
            let mut chars = t.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if crate::script::is_cjk(c) {
                    // One character: itself, or inside any bigram.
                    let e = regex::escape(t);
                    return Ok(Box::new(
                        RegexQuery::from_pattern(&format!("{e}|{e}.|.{e}"), f)
                            .map_err(index_err)?,
                    ));
                }
            }
            return Ok(Box::new(TermQuery::new(
                Term::from_field_text(f, t),
                IndexRecordOption::WithFreqs,
            )));
        }
        Ok(Box::new(PhraseQuery::new(
            form.iter().map(|t| Term::from_field_text(f, t)).collect(),
        )))
    }
}
