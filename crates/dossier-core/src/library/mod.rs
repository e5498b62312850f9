//! The library: one folder holding the database, the search index and a copy
//! of every original file. This is the API the CLI and the app use.
//!
//! ```text
//! <library>/
//!   library.sqlite3   the store (WAL: also -wal and -shm while open)
//!   index/            the search index, derived from the store
//!   files/ab/…        the original files, named by content hash
//!   library.lock      held while a process has the library open
//! <library>.restore-journal, .restore-lock, .restore-staging-…
//!                     a restore under way (see `backup`)
//! <library>.before-restore-…   the library a restore replaced
//! <library>.restore-from       a restore asked for at the next start
//! ```

mod annotations;
mod backup;
pub mod citations;
mod export;
mod fetching;
pub mod history;
mod my_agenda;
mod passage_text;
pub mod query;
mod renditions;
mod trash;

pub use crate::store::trash::{EmptiedTrash, RemoveScope, TrashEntry};
pub use backup::{
    check_backup, restore, restore_journal, restore_marker, run_scheduled_restore,
    run_scheduled_restore_outcome, schedule_restore, BackupSummary, InterruptedRestore,
    RestoreOutcome,
};
pub use export::{ExportedPassages, PassageExport};
pub use fetching::{
    fetch_language, FetchPlan, FetchSettings, FetchTarget, FetchedFile, FETCH_LANGUAGES,
};
pub use my_agenda::{AgendaEntry, CalendarFile};

use crate::calendar::{self, ScheduleTiming};
use crate::changes::Changes;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::ingest::{self, IngestProgress, IngestReport, IngestResult, IngestStatus};
use crate::layout::Layout;
use crate::model::Document;
use crate::search::{self, HitDocument, IndexedDocument, SearchHit, SearchIndex, SearchRequest};
use crate::store::documents::{self, DocumentRecord, StoredFile};
use crate::store::meetings::{self, LibraryListing, MeetingReference};
use crate::store::renditions::{self as store_renditions, Format, NewRendition, Places, Rendition};
use crate::store::Store;
use renditions::Match;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

/// A stored document with its place in the library.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoredDocument {
    pub record: DocumentRecord,
    /// Every version of the document, oldest first (this one included).
    pub versions: Vec<DocumentRecord>,
    pub document: Document,
    /// The schedule placed in the meeting's time zone, with the user's stars.
    pub timing: ScheduleTiming,
    /// The document's files, best text source first.
    pub renditions: Vec<Rendition>,
    /// The languages the library holds the document in (this one included),
    /// in the UN's order, each with the version to open.
    pub languages: Vec<documents::LanguageVersion>,
    /// The PDF the page view shows, when the document has one.
    pub page_view: Option<PageView>,
}

/// A PDF rendition as the page view opens it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PageView {
    pub rendition: u32,
    pub pages: Option<u32>,
    /// Where the document's items, paragraphs and slots stand on its pages.
    pub places: Places,
}

/// A value read from the store, kept until the database changes: SQLite's
/// `PRAGMA data_version` on the reader connection changes whenever the
/// writer commits, so every write path invalidates it without knowing of it.
#[derive(Default)]
struct UntilChanged<T> {
    version: Option<i64>,
    value: T,
}

impl<T: Default> UntilChanged<T> {
    /// The value kept, emptied first if the database changed since.
    fn at(&mut self, conn: &rusqlite::Connection) -> Result<&mut T> {
        let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.version != Some(version) {
            self.version = Some(version);
            self.value = T::default();
        }
        Ok(&mut self.value)
    }
}

/// An open library. Only one process may hold a library at a time.
pub struct Library {
    dir: PathBuf,
    store: Store,
    index: SearchIndex,
    /// The last listing.
    listing_cache: std::sync::Mutex<UntilChanged<Option<LibraryListing>>>,
    /// The last head of the listing read from the store, and its length.
    head_cache: std::sync::Mutex<UntilChanged<Option<(usize, LibraryListing)>>>,
    /// What search hits show of their documents.
    hit_documents: std::sync::Mutex<UntilChanged<HashMap<u32, Option<HitDocument>>>>,
    /// How imported files are read: in this process unless the program
    /// chose worker processes ([`Library::set_extractor`]).
    extractor: Extractor,
    /// A restore this open found interrupted, and what it did about it.
    interrupted_restore: Option<InterruptedRestore>,
    /// Held by a rebuild of the search index for its whole run, and by every
    /// other write to the index: an import's commit can then never commit a
    /// half-done rebuild as current.
    index_writes: std::sync::Mutex<()>,
    /// Whether the index is being (or waits to be) rebuilt, and how far.
    index_status: std::sync::Mutex<IndexStatus>,
    _lock: File,
}

const DB_FILE: &str = "library.sqlite3";

/// When [`Library::open_with`] rebuilds an index that is missing, damaged or
/// behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexRebuild {
    /// Before the open returns (the CLI, tests).
    Now,
    /// Later, by [`Library::rebuild_index_if_pending`] on another thread.
    Later,
}

/// A rebuild of the search index and how far it has come (documents).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndexStatus {
    pub rebuilding: bool,
    pub done: u32,
    pub total: u32,
}
const INDEX_DIR: &str = "index";
const FILES_DIR: &str = "files";
const LOCK_FILE: &str = "library.lock";
/// During a batch import, how often the search index is committed (new
/// documents become searchable); at the end of the batch it always is.
const INDEX_COMMIT_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

impl Library {
    /// Opens the library in `dir`, creating it when new (the folder itself
    /// only: its parent must exist). First finishes or undoes a restore that
    /// was interrupted; refuses a damaged database, or an empty one while
    /// `files/` holds originals ([`Error::Damaged`], nothing touched);
    /// migrates the store; removes temporary and orphan files a killed import
    /// left in `files/`; and rebuilds the search index when it is missing,
    /// damaged or behind.
    pub fn open(dir: &Path) -> Result<Library> {
        Library::open_with(dir, IndexRebuild::Now)
    }

    /// Opens the library like [`Library::open`]; with [`IndexRebuild::Later`]
    /// an index that must be rebuilt is left for
    /// [`Library::rebuild_index_if_pending`], so that the open never waits on
    /// it (the app's window opens at once on a library of 20,000 documents).
    pub fn open_with(dir: &Path, rebuild: IndexRebuild) -> Result<Library> {
        let interrupted_restore = backup::finish_interrupted_restore(dir)?;
        create_folder(dir)?;
        create_folder(&dir.join(FILES_DIR))?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(Error::Locked(dir.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::Library(e)),
        }
        refuse_empty_database(dir)?;
        let store = Store::open(&dir.join(DB_FILE))?;
        let index = SearchIndex::open(&dir.join(INDEX_DIR))?;
        let lib = Library {
            dir: dir.to_path_buf(),
            store,
            index,
            listing_cache: Default::default(),
            head_cache: Default::default(),
            hit_documents: Default::default(),
            extractor: Extractor::InProcess,
            interrupted_restore,
            index_writes: Default::default(),
            index_status: Default::default(),
            _lock: lock,
        };
        lib.clean_orphans();
        if lib.index.generation() != Some(lib.store.generation()?) {
            if rebuild == IndexRebuild::Later {
                tracing::info!("search index behind the store; to be rebuilt in the background");
                lib.set_index_status(IndexStatus {
                    rebuilding: true,
                    ..Default::default()
                });
                return Ok(lib);
            }
            tracing::info!("search index behind the store; rebuilding");
            // The index is derived: failing to rebuild it (a full disk)
            // leaves search behind, never the library closed. The
            // generation stays behind, so the next open tries again.
            if let Err(e) = lib.reindex() {
                tracing::error!(error = %e, "rebuilding the search index failed");
            }
        }
        Ok(lib)
    }

    /// For a process about to end without dropping the library (the app):
    /// the WAL checkpointed into the database file and the close stamped as
    /// clean, so that the next open need not read every page. Anything
    /// written after it makes the next open check in full.
    pub fn record_clean_close(&self) {
        self.store.record_clean_close();
    }

    /// Whether this open read the whole database to check it (SQLite's
    /// `quick_check`). It does unless the library was closed cleanly and its
    /// database file is untouched since, and then at least once a week.
    pub fn checked_database_at_open(&self) -> bool {
        self.store.full_check
    }

    /// Whether the index is being rebuilt, and how far it has come.
    pub fn index_status(&self) -> IndexStatus {
        *self.index_status.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set_index_status(&self, status: IndexStatus) {
        *self.index_status.lock().unwrap_or_else(|p| p.into_inner()) = status;
    }

    /// Rebuilds the index if [`Library::open_with`] left it for later
    /// ([`IndexRebuild::Later`]), reporting documents done and their total;
    /// false when there was nothing to rebuild. Searches meanwhile answer
    /// from the index as it was last committed.
    pub fn rebuild_index_if_pending(&self, progress: &mut dyn FnMut(usize, usize)) -> bool {
        if !self.index_status().rebuilding {
            return false;
        }
        if let Err(e) = self.reindex_with(progress) {
            tracing::error!(error = %e, "rebuilding the search index failed");
        }
        true
    }

    /// Opens the library like [`Library::open`], but when another process
    /// holds it, keeps trying for up to `patience`: a Dossier that was just
    /// closed may still be finishing its last write when the next one starts.
    pub fn open_waiting(dir: &Path, patience: std::time::Duration) -> Result<Library> {
        Library::open_waiting_with(dir, patience, IndexRebuild::Now)
    }

    /// [`Library::open_waiting`] with the choice of [`Library::open_with`].
    pub fn open_waiting_with(
        dir: &Path,
        patience: std::time::Duration,
        rebuild: IndexRebuild,
    ) -> Result<Library> {
        let give_up = std::time::Instant::now() + patience;
        loop {
            match Library::open_with(dir, rebuild) {
                Err(Error::Locked(_)) if std::time::Instant::now() < give_up => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    /// Chooses how imported files are read. The CLI and the app read them
    /// in worker processes with limits ([`Extractor::current_exe`]), so that
    /// no file can take them down; a library opened by a test or a benchmark
    /// reads in process.
    pub fn set_extractor(&mut self, extractor: Extractor) {
        self.extractor = extractor;
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A restore this open found interrupted and finished or undid.
    pub fn interrupted_restore(&self) -> Option<&InterruptedRestore> {
        self.interrupted_restore.as_ref()
    }

    /// Refuses an output path inside the library folder, where an export
    /// could overwrite the library's own files.
    pub fn refuse_inside(&self, path: &Path) -> Result<()> {
        if crate::fs_atomic::is_inside(path, &self.dir) {
            return Err(Error::InsideLibrary {
                path: path.to_path_buf(),
                library: self.dir.clone(),
            });
        }
        Ok(())
    }

    /// Writes an export (a calendar, notes) to `path` atomically, touching
    /// nothing else; refused inside the library folder.
    pub fn export_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.refuse_inside(path)?;
        crate::fs_atomic::write_atomically(path, bytes)
    }

    /// Removes from `files/` what a killed import left: temporary files, and
    /// copies of originals no document refers to (an import killed between
    /// the copy and its transaction). Only names Dossier makes are touched:
    /// temporary names, and `<16 hex digits>-<name>` whose hash no stored
    /// path carries (compared by hash, so a file system that rewrites the
    /// rest of a name cannot make a referenced original look orphaned).
    fn clean_orphans(&self) {
        let referenced: HashSet<String> = match documents::stored_files(&self.store.reader()) {
            Ok(files) => files
                .iter()
                .filter_map(|(path, _, _)| path.rsplit('/').next().and_then(copy_hash))
                .map(str::to_string)
                .collect(),
            Err(e) => {
                tracing::warn!(error = %e, "orphan files not cleaned");
                return;
            }
        };
        let Ok(folders) = std::fs::read_dir(self.dir.join(FILES_DIR)) else {
            return;
        };
        let mut removed = 0;
        for folder in folders.flatten() {
            let Ok(entries) = std::fs::read_dir(folder.path()) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let orphan = crate::fs_atomic::is_temp_name(&name)
                    || name.ends_with(".partial")
                    || copy_hash(&name).is_some_and(|h| !referenced.contains(h));
                if orphan && entry.file_type().is_ok_and(|t| t.is_file()) {
                    match std::fs::remove_file(entry.path()) {
                        Ok(()) => removed += 1,
                        Err(e) => tracing::warn!(error = %e, "cannot remove an orphan file"),
                    }
                }
            }
        }
        if removed > 0 {
            tracing::info!(removed, "orphan files left by killed imports removed");
        }
    }

    // The store and the index stay inside the library (no accessor): writing
    // to either directly would bypass the generation that keeps them in step.

    /// The library's generation: bumped by every change of the store.
    pub fn generation(&self) -> Result<u64> {
        self.store.generation()
    }

    /// The generation the search index was last committed at (None: never,
    /// or unreadable); equal to [`Library::generation`] when it is current.
    pub fn index_generation(&self) -> Option<u64> {
        self.index.generation()
    }

    /// How many passages the search index holds.
    pub fn index_len(&self) -> u64 {
        self.index.len()
    }

    /// SQLite's `integrity_check` and `foreign_key_check` on the database.
    pub fn check_integrity(&self) -> Result<()> {
        self.store.check_integrity()
    }

    /// Writes the WAL into the database file now (as closing does).
    pub fn checkpoint(&self) -> Result<()> {
        self.store
            .writer()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Ingests files and folders; reports each file to `progress` as it is
    /// done. Files are read, extracted and parsed on a worker per core
    /// (`DOSSIER_IMPORT_WORKERS` to choose) and stored one at a time, in order.
    pub fn ingest(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&IngestProgress),
    ) -> IngestReport {
        self.ingest_with_workers(paths, None, progress)
    }

    /// [`Library::ingest`] with `workers` reading files at once (`None`: as
    /// many as [`Library::ingest`] uses). Whatever the number, the library
    /// comes out the same: the files are stored in the order given.
    pub fn ingest_with_workers(
        &self,
        paths: &[PathBuf],
        workers: Option<usize>,
        progress: &mut dyn FnMut(&IngestProgress),
    ) -> IngestReport {
        let (files, failures) = ingest::collect(paths);
        let total = (files.len() + failures.len()) as u32;
        let mut report = IngestReport::default();
        let mut report_one = |result: IngestResult| {
            progress(&IngestProgress {
                done: report.results.len() as u32 + 1,
                total,
                result: result.clone(),
            });
            report.results.push(result);
        };
        for result in failures {
            report_one(result);
        }
        // The index is committed every few seconds, not per file (a commit
        // costs more than indexing a document); the store commits each file.
        let mut last_commit = std::time::Instant::now();
        let mut staged = false;
        let accept = |_: &Document| -> Option<std::convert::Infallible> { None };
        // Files are read, extracted and parsed by several workers; each is
        // stored here, one at a time and in the order given, so the library
        // comes out as a one-file-at-a-time import would make it.
        let workers = workers.map_or_else(|| ingest::workers(files.len()), |n| n.max(1));
        ingest::prepare_in_order(
            &files,
            workers,
            &|path| self.prepare(path),
            &mut |path, prepared| {
                let stored = prepared.and_then(|p| self.store_prepared(path, p, &accept));
                let result = match stored {
                    Ok(Ok(result)) => result,
                    Ok(Err(never)) => match never {},
                    Err(e) => {
                        tracing::warn!(error = %e, "ingest failed");
                        ingest::failure(path, &e)
                    }
                };
                // Every change of the store bumps its generation, which the
                // index's next commit records (a new rendition too).
                staged |= matches!(
                    result.status,
                    IngestStatus::Ingested | IngestStatus::NewVersion | IngestStatus::NewRendition
                );
                if staged && last_commit.elapsed() >= INDEX_COMMIT_EVERY {
                    self.commit_index();
                    last_commit = std::time::Instant::now();
                    staged = false;
                }
                report_one(result);
            },
        );
        if staged {
            self.commit_index();
        }
        report
    }

    /// Commits what is staged in the index as the store's current generation.
    /// Holding the store's writer meanwhile means no store change can slip in
    /// between: every generation up to this one has been staged. A failure
    /// leaves the index behind, and the next open rebuilds it.
    fn commit_index(&self) {
        let conn = self.store.writer();
        let _writes = self.index_writes.lock().unwrap_or_else(|p| p.into_inner());
        let result = crate::store::get_generation(&conn).and_then(|g| self.index.commit_as(g));
        if let Err(e) = result {
            tracing::error!(error = %e, "index commit failed; the index will be rebuilt");
        }
    }

    /// Ingests one file. `Err` when the file cannot be read; the library is then unchanged.
    pub fn ingest_file(&self, path: &Path) -> Result<IngestResult> {
        let result = self.ingest_staged(path)?;
        if result.status != IngestStatus::Unchanged {
            self.commit_index();
        }
        Ok(result)
    }

    /// Ingests one file into the store and stages it in the index, uncommitted.
    fn ingest_staged(&self, path: &Path) -> Result<IngestResult> {
        let accept = |_: &Document| -> Option<std::convert::Infallible> { None };
        match self.ingest_staged_checked(path, &accept)? {
            Ok(result) => Ok(result),
            Err(never) => match never {},
        }
    }

    /// [`Library::ingest_staged`], with a last word for `check` once the file
    /// is parsed: when it refuses the document (returns `Some`), nothing is
    /// stored and the refusal comes back. A file whose content the library
    /// holds already is reported unchanged without being parsed.
    fn ingest_staged_checked<R>(
        &self,
        path: &Path,
        check: &dyn Fn(&Document) -> Option<R>,
    ) -> Result<std::result::Result<IngestResult, R>> {
        let prepared = self.prepare(path)?;
        self.store_prepared(path, prepared, check)
    }

    /// The part of an import that can run beside others: the file read,
    /// hashed and, unless the library holds its content already, extracted
    /// and parsed. Nothing is written.
    fn prepare(&self, path: &Path) -> Result<ingest::Prepared> {
        let bytes = crate::extract::read_file(path)?;
        let hash = hex::encode(Sha256::digest(&bytes));
        let known = store_renditions::find_by_hash(&self.store.reader(), &hash)?.is_some();
        let parsed = (!known).then(|| self.extract_and_parse(path, &bytes));
        Ok(ingest::Prepared {
            bytes,
            hash,
            parsed,
        })
    }

    fn extract_and_parse(&self, path: &Path, bytes: &[u8]) -> Result<(Layout, Document)> {
        let layout = self.extractor.extract_layout(path, bytes)?;
        let doc = crate::parse_extracted(&layout);
        Ok((layout, doc))
    }

    /// Stores a prepared file (or finds it held already), with `check`'s
    /// last word once it is parsed. The content is looked up again: a file
    /// prepared beside another of the same content finds that one stored.
    fn store_prepared<R>(
        &self,
        path: &Path,
        prepared: ingest::Prepared,
        check: &dyn Fn(&Document) -> Option<R>,
    ) -> Result<std::result::Result<IngestResult, R>> {
        let ingest::Prepared {
            bytes,
            hash,
            parsed,
        } = prepared;
        let display = path.display().to_string();
        let known = store_renditions::find_by_hash(&self.store.reader(), &hash)?;
        if let Some((id, rendition)) = known {
            let trashed = store_renditions::trash_of(&self.store.reader(), rendition)?;
            if let Some(t) = trashed {
                // Restoring brings it back as it was, notes and all; a
                // second copy beside it would be a second document.
                return Ok(Ok(IngestResult {
                    path: display,
                    status: IngestStatus::Unchanged,
                    document_id: Some(id),
                    version: None,
                    message: Some(format!(
                        "{}: this file is in the trash (entry {t}); restore it from there",
                        path.display()
                    )),
                    reason: None,
                }));
            }
            // The same file again: if the library's copy of it went missing
            // (or no longer matches in size), this puts it back.
            let copy = self.rendition_file(rendition)?;
            let intact = std::fs::metadata(&copy).is_ok_and(|m| m.len() == bytes.len() as u64);
            let message = if intact {
                None
            } else {
                write_copy(&copy, &bytes)?;
                tracing::warn!(path = %copy.display(), "a missing original was restored");
                Some(format!(
                    "{}: the library's copy of this original was missing; restored",
                    path.display()
                ))
            };
            return Ok(Ok(IngestResult {
                path: display,
                status: IngestStatus::Unchanged,
                document_id: Some(id),
                version: None,
                message,
                reason: None,
            }));
        }
        let (layout, doc) = match parsed {
            Some(parsed) => parsed?,
            // Held when it was prepared, no longer now (removed meanwhile).
            None => self.extract_and_parse(path, &bytes)?,
        };
        if let Some(refusal) = check(&doc) {
            return Ok(Err(refusal));
        }
        let format = Format::parse(layout.format).unwrap_or(Format::Text);
        let structure_hash = documents::structure_hash(&doc);
        let found = renditions::find(&self.store.reader(), &doc, &structure_hash, format)?;
        if let Some(Match::Same(id)) = found {
            let other = documents::record(&self.store.reader(), id)?;
            return Ok(Ok(IngestResult {
                path: display,
                status: IngestStatus::Unchanged,
                document_id: Some(id),
                version: None,
                message: Some(format!(
                    "{}: the same document as {}; kept once",
                    path.display(),
                    other.file
                )),
                reason: None,
            }));
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into());
        let stored_path = format!(
            "{FILES_DIR}/{}/{}-{}",
            &hash[..2],
            &hash[..16],
            ingest::safe_file_name(&file_name)
        );
        let copy = self.dir.join(&stored_path);
        let copied_now = !copy.exists();
        if copied_now {
            write_copy(&copy, &bytes)?;
        }
        let file = StoredFile {
            file_name,
            stored_path,
            file_size: bytes.len() as u64,
            content_hash: hash,
            structure_hash,
        };
        let stored = match found {
            Some(Match::RenditionOf(id)) => self
                .store_rendition(id, &doc, &layout, &file, format)
                .map(|()| id),
            _ => self.store_document(&doc, &layout, &file, format),
        };
        let id = match stored {
            Ok(v) => v,
            Err(e) => {
                if copied_now {
                    let _ = std::fs::remove_file(&copy);
                }
                return Err(e);
            }
        };
        let record = documents::record(&self.store.reader(), id)?;
        Ok(Ok(IngestResult {
            path: display,
            status: if matches!(found, Some(Match::RenditionOf(_))) {
                IngestStatus::NewRendition
            } else if record.version > 1 {
                IngestStatus::NewVersion
            } else {
                IngestStatus::Ingested
            },
            document_id: Some(id),
            version: Some(record.version),
            message: None,
            reason: None,
        }))
    }

    /// The one transaction of an ingest; then, still holding the store's
    /// writer, stages the document in the index (replacing the versions it
    /// supersedes). Returns the new id.
    fn store_document(
        &self,
        doc: &Document,
        layout: &Layout,
        file: &StoredFile,
        format: Format,
    ) -> Result<u32> {
        let (pages, places) = pdf_places(format, layout, doc);
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        let series = documents::series_for(doc, &file.file_name);
        let previous: Vec<u32> = {
            let mut stmt =
                tx.prepare("SELECT id FROM documents WHERE series = ?1 AND trash_id IS NULL")?;
            let rows = stmt.query_map([&series], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let meeting = meetings::find_or_create(&tx, doc)?;
        let now = now();
        let id = documents::insert(&tx, doc, file, meeting, &now)?;
        store_renditions::insert(
            &tx,
            &NewRendition {
                doc_id: id,
                format,
                file,
                ingested_at: &now,
                pages,
                places: &places,
            },
        )?;
        if !previous.is_empty() {
            let (kept, detached) = crate::annotations::reanchor_series(&tx, &series, id, doc)?;
            tracing::info!(kept, detached, "notes re-anchored to the new version");
        }
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        // The store has the document; if staging fails, the index is behind
        // the store's generation and the next open rebuilds it. The notes
        // re-anchored to the new version are indexed under it.
        self.stage_in_index(&conn, &previous, &[id]);
        Ok(id)
    }

    /// A file that is another rendition of document `id` (its PDF, its Word
    /// file): stored beside the others in one transaction. When it reads
    /// better than the document's text source (Word before PDF before text,
    /// unless the user chose), the document's text is read from it from now
    /// on: its content replaced in place (same id, version and series),
    /// notes re-anchored and paragraph bookmarks moved onto the new text,
    /// the PDF's places found again in it.
    fn store_rendition(
        &self,
        id: u32,
        doc: &Document,
        layout: &Layout,
        file: &StoredFile,
        format: Format,
    ) -> Result<()> {
        let (current, chosen) = {
            let reader = self.store.reader();
            (
                store_renditions::of_document(&reader, id)?,
                documents::text_format(&reader, id)?,
            )
        };
        let source = current
            .iter()
            .find(|r| r.text_source)
            .map_or(Format::Text, |r| r.format);
        let new_text = renditions::reads_better(format, source, chosen);
        let now = now();
        let rendition = NewRendition {
            doc_id: id,
            format,
            file,
            ingested_at: &now,
            pages: None,
            places: &Places::new(),
        };
        if new_text {
            self.read_text_from(id, doc, file, &current, Some(rendition), None, layout)
        } else {
            let shown = documents::load(&self.store.reader(), id)?;
            let (pages, places) = pdf_places(format, layout, &shown);
            let mut conn = self.store.writer();
            let tx = conn.transaction()?;
            store_renditions::insert(
                &tx,
                &NewRendition {
                    pages,
                    places: &places,
                    ..rendition
                },
            )?;
            crate::store::bump_generation(&tx)?;
            tx.commit()?;
            Ok(())
        }
    }

    /// Makes `doc`, read from `file`, the text of document `id`, in one
    /// transaction: the content replaced, notes re-anchored (when it is the
    /// latest version, which notes follow), paragraph bookmarks moved, the
    /// places of every PDF rendition found in the new text, `added` stored
    /// as a new rendition, and the user's choice of format recorded when
    /// `chosen` says one (`Some(None)`: the best one again).
    #[allow(clippy::too_many_arguments)]
    fn read_text_from(
        &self,
        id: u32,
        doc: &Document,
        file: &StoredFile,
        current: &[Rendition],
        added: Option<NewRendition>,
        chosen: Option<Option<Format>>,
        added_layout: &Layout,
    ) -> Result<()> {
        // The PDFs' places are found in the text the reader will show.
        let places = self.places_in(current, doc)?;
        let (added_pages, added_places) = match &added {
            Some(r) => pdf_places(r.format, added_layout, doc),
            None => (None, Places::new()),
        };
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        if let Some(r) = added {
            store_renditions::insert(
                &tx,
                &NewRendition {
                    pages: added_pages,
                    places: &added_places,
                    ..r
                },
            )?;
        }
        let latest = apply_text(&tx, id, doc, file, false, &places, chosen)?;
        crate::store::bump_generation(&tx)?;
        tx.commit()?;
        if latest {
            self.stage_in_index(&conn, &[id], &[id]);
        }
        Ok(())
    }

    /// Where the passages of `doc` stand in each PDF among `renditions`
    /// (each PDF read again): (rendition, pages, places).
    fn places_in(
        &self,
        renditions: &[Rendition],
        doc: &Document,
    ) -> Result<Vec<(u32, Option<u32>, Places)>> {
        let mut places = Vec::new();
        for r in renditions.iter().filter(|r| r.format == Format::Pdf) {
            let layout = self.stored_layout(r.id)?;
            let (pages, p) = pdf_places(Format::Pdf, &layout, doc);
            places.push((r.id, pages, p));
        }
        Ok(places)
    }

    /// Brings the index in step with a change just committed, still holding
    /// the store's writer (`conn`), uncommitted: `unstage` leave it,
    /// `stage` (those in the library and latest) are indexed again, and
    /// the notes attached to either are indexed again (removing a
    /// document's passages removes its notes' entries too). A failure
    /// leaves the index behind the store, and the next open rebuilds it.
    fn stage_in_index(&self, conn: &rusqlite::Connection, unstage: &[u32], stage: &[u32]) {
        let staged = (|| -> Result<()> {
            let mut loaded = Vec::new();
            for id in stage {
                let record = documents::record(conn, *id)?;
                if record.latest {
                    let doc = documents::load(conn, *id)?;
                    loaded.push((record, doc));
                }
            }
            let docs: Vec<IndexedDocument> = loaded.iter().map(|(r, d)| indexed(r, d)).collect();
            let touched: HashSet<u32> = unstage.iter().chain(stage).copied().collect();
            let notes: Vec<(crate::annotations::Note, String)> =
                crate::annotations::notes(conn, None)?
                    .into_iter()
                    .filter(|n| n.document_id.is_some_and(|d| touched.contains(&d)))
                    .map(|n| {
                        let language = n
                            .document_id
                            .and_then(|d| documents::record(conn, d).ok())
                            .map(|r| r.language)
                            .unwrap_or_default();
                        (n, language)
                    })
                    .collect();
            let indexed_notes: Vec<search::IndexedNote> = notes
                .iter()
                .filter_map(|(n, language)| annotations::indexed_note(n, language))
                .collect();
            let _writes = self.index_writes.lock().unwrap_or_else(|p| p.into_inner());
            self.index.stage_documents(unstage, &docs)?;
            self.index.stage_notes(&[], &indexed_notes)
        })();
        if let Err(e) = staged {
            tracing::error!(error = %e, "indexing failed; the index will be rebuilt");
        }
    }

    /// Finds where `doc`'s passages stand in PDF rendition `rendition` and
    /// keeps it. A PDF that cannot be read again gets no places (logged);
    /// the page view then opens at its first page.
    fn find_places(&self, rendition: u32, doc: &Document) -> Result<(Option<u32>, Places)> {
        let layout = match self.stored_layout(rendition) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(rendition, error = %e, "the PDF's places could not be found");
                return Ok((None, Places::new()));
            }
        };
        let (pages, places) = pdf_places(Format::Pdf, &layout, doc);
        store_renditions::set_places(&self.store.writer(), rendition, pages, &places)?;
        Ok((pages, places))
    }

    /// The layout of a stored rendition's file, read again.
    fn stored_layout(&self, rendition: u32) -> Result<Layout> {
        let path = self.dir.join(store_renditions::stored_path(
            &self.store.reader(),
            rendition,
        )?);
        let bytes = crate::extract::read_file(&path)?;
        self.extractor.extract_layout(&path, &bytes)
    }

    /// The renditions of a document, best text source first.
    pub fn renditions(&self, id: u32) -> Result<Vec<Rendition>> {
        store_renditions::of_document(&self.store.reader(), id)
    }

    /// Reads the document's text from another of its renditions, as the user
    /// chose; `None` goes back to the best one (Word before PDF before text).
    pub fn set_text_source(&self, id: u32, rendition: Option<u32>) -> Result<()> {
        let all = self.renditions(id)?;
        let target = match rendition {
            Some(r) => all
                .iter()
                .find(|x| x.id == r)
                .ok_or_else(|| Error::NotFound(format!("rendition {r} of document {id}")))?,
            None => all
                .first()
                .ok_or_else(|| Error::NotFound(format!("document {id}")))?,
        };
        let chosen = rendition.map(|_| target.format);
        if target.text_source {
            documents::set_text_format(&self.store.writer(), id, chosen)?;
            return Ok(());
        }
        let layout = self.stored_layout(target.id)?;
        let doc = crate::parse_extracted(&layout);
        let file = store_renditions::stored_file(
            &self.store.reader(),
            target,
            documents::structure_hash(&doc),
        )?;
        self.read_text_from(id, &doc, &file, &all, None, Some(chosen), &layout)?;
        self.commit_index();
        Ok(())
    }

    /// Where a PDF rendition's passages stand on its pages.
    pub fn places(&self, rendition: u32) -> Result<Places> {
        store_renditions::places(&self.store.reader(), rendition)
    }

    /// One rendition of a document.
    pub fn rendition(&self, rendition: u32) -> Result<Rendition> {
        store_renditions::get(&self.store.reader(), rendition)
    }

    /// Copies a rendition's file into `dir` under its original name, for an
    /// application to open: what it does to the copy never reaches the library.
    pub fn copy_rendition(&self, rendition: u32, dir: &Path) -> Result<PathBuf> {
        let r = self.rendition(rendition)?;
        let from = self.rendition_file(rendition)?;
        std::fs::create_dir_all(dir)?;
        let copy = dir.join(ingest::safe_file_name(&r.file));
        std::fs::copy(&from, &copy)?;
        Ok(copy)
    }

    /// The absolute path of a rendition's file inside the library.
    pub fn rendition_file(&self, rendition: u32) -> Result<PathBuf> {
        Ok(self.dir.join(store_renditions::stored_path(
            &self.store.reader(),
            rendition,
        )?))
    }

    /// Ingests the bundled seed documents once, on the first start of a new library.
    /// Returns None when they were ingested before.
    pub fn ensure_seeds(&self, seeds: &Path) -> Result<Option<IngestReport>> {
        let done: Option<String> = {
            use rusqlite::OptionalExtension;
            self.store
                .reader()
                .query_row("SELECT value FROM settings WHERE key = 'seeded'", [], |r| {
                    r.get(0)
                })
                .optional()?
        };
        if done.is_some() {
            return Ok(None);
        }
        let report = self.ingest(&[seeds.to_path_buf()], &mut |_| {});
        self.store.writer().execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('seeded', ?1)",
            [chrono::Utc::now().to_rfc3339()],
        )?;
        Ok(Some(report))
    }

    /// The library grouped into meetings. Read again only when something
    /// was written since the last time (the app reads it ahead, while its
    /// window starts, and the window's first request takes it from here).
    pub fn listing(&self) -> Result<LibraryListing> {
        let mut cache = self.listing_cache.lock().unwrap_or_else(|p| p.into_inner());
        let conn = self.store.reader();
        let kept = cache.at(&conn)?;
        if let Some(listing) = kept {
            return Ok(listing.clone());
        }
        let listing = meetings::listing(&conn)?;
        *kept = Some(listing.clone());
        Ok(listing)
    }

    /// The listing's first `meetings` meetings (newest first) and as many
    /// unfiled documents, as [`Library::listing`] has them: what a window
    /// shows first. The app sends this at start and the whole listing
    /// after it, so that a library of 20,000 documents does not wait for
    /// all of them to be read and cross to the page. Read from the store
    /// alone when the whole listing is not already at hand.
    pub fn listing_head(&self, meetings: usize) -> Result<LibraryListing> {
        let conn = self.store.reader();
        {
            let mut cache = self.listing_cache.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(listing) = cache.at(&conn)? {
                return Ok(LibraryListing {
                    meetings: listing.meetings.iter().take(meetings).cloned().collect(),
                    unfiled: listing.unfiled.iter().take(meetings).cloned().collect(),
                });
            }
        }
        let mut cache = self.head_cache.lock().unwrap_or_else(|p| p.into_inner());
        let kept = cache.at(&conn)?;
        if let Some((_, head)) = kept.as_ref().filter(|(n, _)| *n == meetings) {
            return Ok(head.clone());
        }
        let head = meetings::listing_head(&conn, meetings)?;
        *kept = Some((meetings, head.clone()));
        Ok(head)
    }

    /// The documents of the listing that match `q` (a filter of words, the
    /// facets chosen), in its order, with facet counts and the total: the
    /// library pane's one question ([`query::filter_sort`] on
    /// [`Library::listing`]).
    pub fn query(&self, q: &query::Query) -> Result<query::QueryResult> {
        Ok(query::filter_sort(&self.listing()?, q))
    }

    /// What a meeting's agendas cite, with what the library still lacks.
    pub fn meeting_references(&self, meeting_id: u32) -> Result<Vec<MeetingReference>> {
        meetings::references(&self.store.reader(), meeting_id)
    }

    /// Every document record (all versions).
    pub fn records(&self) -> Result<Vec<DocumentRecord>> {
        documents::records(&self.store.reader())
    }

    /// One document in full (not one in the trash).
    pub fn document(&self, id: u32) -> Result<StoredDocument> {
        let conn = self.store.reader();
        in_library(&conn, id)?;
        let record = documents::record(&conn, id)?;
        let versions = documents::versions(&conn, &record.series)?;
        let document = documents::load(&conn, id)?;
        let (zone, source) = match record.meeting_id {
            Some(m) => meetings::zone(&conn, m)?,
            None => calendar::meeting_zone(None, record.venue.as_deref()),
        };
        let starred: HashSet<String> = crate::annotations::starred(&conn, Some(&record.series))?
            .into_iter()
            .map(|(_, key)| key)
            .collect();
        let timing = calendar::timing(&document, zone, source, &starred);
        let mut renditions = store_renditions::of_document(&conn, id)?;
        let languages = documents::language_versions(&conn, &record)?;
        let pdf = renditions.iter_mut().find(|r| r.format == Format::Pdf);
        let page_view = match pdf {
            Some(r) if r.pages.is_some() => Some(PageView {
                rendition: r.id,
                pages: r.pages,
                places: store_renditions::places(&conn, r.id)?,
            }),
            Some(r) => {
                // A PDF from a library older than places: found once, now.
                drop(conn);
                let (pages, places) = self.find_places(r.id, &document)?;
                r.pages = pages;
                Some(PageView {
                    rendition: r.id,
                    pages,
                    places,
                })
            }
            None => None,
        };
        Ok(StoredDocument {
            record,
            versions,
            document,
            timing,
            renditions,
            languages,
            page_view,
        })
    }

    /// What document `id` changed against `against` (a library id), by
    /// default against the version before it in its series (a Rev.1 against
    /// the original). [`Error::NotFound`] when `id` or `against` is not in
    /// the library, or `id` is the first version and none is given.
    pub fn changes(&self, id: u32, against: Option<u32>) -> Result<Changes> {
        let conn = self.store.reader();
        let record = documents::record(&conn, id)?;
        let old_id = match against {
            Some(other) => documents::record(&conn, other)?.id,
            None => documents::versions(&conn, &record.series)?
                .into_iter()
                .filter(|v| v.version < record.version)
                .max_by_key(|v| v.version)
                .map(|v| v.id)
                .ok_or_else(|| {
                    Error::NotFound(format!(
                        "document {id} is the first version of its series: nothing to compare with"
                    ))
                })?,
        };
        let old = documents::load(&conn, old_id)?;
        let new = documents::load(&conn, id)?;
        drop(conn);
        let mut out = crate::changes::changes(&old, &new);
        out.old_id = Some(old_id);
        out.new_id = Some(id);
        Ok(out)
    }

    /// Finds a document in the library by id, symbol (printed or given) or
    /// original file name (of any of its renditions).
    pub fn find(&self, what: &str) -> Result<u32> {
        let conn = self.store.reader();
        if let Ok(id) = what.parse::<u32>() {
            if documents::trash_of(&conn, id).is_ok_and(|t| t.is_none()) {
                return Ok(id);
            }
        }
        if let Some(id) = documents::resolve_symbol(&conn, what)? {
            return Ok(id);
        }
        let name = Path::new(what)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| what.to_string());
        use rusqlite::OptionalExtension;
        let by_text_source = conn
            .query_row(
                "SELECT id FROM documents WHERE file_name = ?1 AND trash_id IS NULL
                 ORDER BY version DESC LIMIT 1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        let by_rendition = || -> Result<Option<u32>> {
            Ok(store_renditions::find_by_file_name(&conn, &name)?
                .map(|r| store_renditions::get(&conn, r))
                .transpose()?
                .map(|r| r.doc_id))
        };
        by_text_source
            .map_or_else(by_rendition, |id| Ok(Some(id)))?
            .ok_or_else(|| {
                Error::NotFound(format!("no document with id, symbol or file name {what:?}"))
            })
    }

    /// Gives a document a symbol (when it prints none) or clears it.
    pub fn set_user_symbol(&self, id: u32, symbol: Option<&str>) -> Result<()> {
        let mut conn = self.store.writer();
        let tx = conn.transaction()?;
        in_library(&tx, id)?;
        documents::set_user_symbol(&tx, id, symbol)?;
        tx.commit()?;
        Ok(())
    }

    /// Runs a search; see `search::SearchRequest`. When the index fails to
    /// answer — an error, or a panic inside tantivy on a damaged file — it is
    /// rebuilt from the store and the search runs once more.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>> {
        if let Some(scope) = &req.item_in_all_sessions {
            return self.search_item_in_all_sessions(req, scope);
        }
        let attempt = || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.search_once(req)))
                .unwrap_or_else(|_| Err(Error::Index("the search index failed to read".into())))
        };
        match attempt() {
            Err(Error::Index(e)) => {
                tracing::error!(error = %e, "search index damaged; rebuilding it from the store");
                self.reindex()?;
                attempt()
            }
            other => other,
        }
    }

    fn search_once(&self, req: &SearchRequest) -> Result<Vec<SearchHit>> {
        let conn = self.store.reader();
        // What each hit shows of its document, kept between searches until
        // the database changes: most hits are in documents seen before.
        let mut described = self.hit_documents.lock().unwrap_or_else(|p| p.into_inner());
        let documents = described.at(&conn)?;
        self.index.search(
            req,
            &mut StoredPassages {
                conn: &conn,
                documents,
            },
        )
    }

    /// Rebuilds the search index from the store, documents and notes, in one
    /// commit that records the store's generation: a rebuild killed half-way
    /// leaves the index behind (rebuilt at the next open), never claiming to
    /// be current without its notes. Returns the number of documents indexed.
    pub fn reindex(&self) -> Result<usize> {
        self.reindex_with(&mut |_, _| {})
    }

    /// [`Library::reindex`], reporting documents done and their total as it
    /// goes (a batch at a time). It holds the index's writes throughout, so
    /// imports and notes made meanwhile wait for it and are indexed after.
    pub fn reindex_with(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<usize> {
        let _writes = self.index_writes.lock().unwrap_or_else(|p| p.into_inner());
        let result = self.reindex_holding(progress);
        self.set_index_status(IndexStatus::default());
        result
    }

    fn reindex_holding(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<usize> {
        const BATCH: usize = 200;
        let generation = self.store.generation()?;
        self.index.clear()?;
        // Ids only: each batch's records and documents are read as it is
        // indexed, so the rebuild holds one batch of documents at a time.
        let latest = documents::latest_ids(&self.store.reader())?;
        let total = latest.len();
        let report = |done: usize, progress: &mut dyn FnMut(usize, usize)| {
            self.set_index_status(IndexStatus {
                rebuilding: true,
                done: done as u32,
                total: total as u32,
            });
            progress(done, total);
        };
        report(0, progress);
        for (n, chunk) in latest.chunks(BATCH).enumerate() {
            let mut loaded = Vec::with_capacity(chunk.len());
            for &id in chunk {
                let conn = self.store.reader();
                loaded.push((documents::record(&conn, id)?, documents::load(&conn, id)?));
            }
            let docs: Vec<IndexedDocument> = loaded.iter().map(|(r, d)| indexed(r, d)).collect();
            self.index.stage_documents(&[], &docs)?;
            report((n * BATCH + chunk.len()).min(total), progress);
        }
        let notes = self.notes_with_language(None)?;
        let indexed_notes: Vec<search::IndexedNote> = notes
            .iter()
            .filter_map(|(n, language)| annotations::indexed_note(n, language))
            .collect();
        self.index.stage_notes(&[], &indexed_notes)?;
        self.index.commit_as(generation)?;
        Ok(latest.len())
    }

    /// The absolute path of a document's original file inside the library.
    pub fn original_file(&self, id: u32) -> Result<PathBuf> {
        Ok(self
            .dir
            .join(documents::stored_path(&self.store.reader(), id)?))
    }
}

/// Refuses a document in the trash: it cannot be read, starred, bookmarked
/// or renamed until it is restored.
pub(crate) fn in_library(conn: &rusqlite::Connection, id: u32) -> Result<()> {
    match documents::trash_of(conn, id)? {
        Some(t) => Err(Error::NotFound(format!(
            "document {id} is in the trash (entry {t}); restore it first"
        ))),
        None => Ok(()),
    }
}

/// Writes a copy of an original into `files/` (its folder created as needed).
fn write_copy(copy: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = copy.parent() {
        std::fs::create_dir_all(parent)?;
    }
    crate::fs_atomic::write_atomically(copy, bytes)
}

/// The hash part of a copy's name in `files/` (`<16 hex digits>-<name>`).
fn copy_hash(name: &str) -> Option<&str> {
    let (hash, _) = name.split_once('-')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
}

/// Creates one folder level; its parent must exist.
fn create_folder(dir: &Path) -> Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::NoParentFolder(
            dir.parent().unwrap_or(dir).to_path_buf(),
        )),
        Err(e) => Err(Error::Library(e)),
    }
}

/// A missing or empty database (with no WAL to rebuild it from) while
/// `files/` holds originals is a lost database, not a new library: refused,
/// so nothing starts afresh over the user's library.
fn refuse_empty_database(dir: &Path) -> Result<()> {
    let len = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if len(dir.join(DB_FILE)) > 0 || len(dir.join(format!("{DB_FILE}-wal"))) > 0 {
        return Ok(());
    }
    let originals = std::fs::read_dir(dir.join(FILES_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|folder| std::fs::read_dir(folder.path()).ok())
        .flatten()
        .flatten()
        .filter(|e| copy_hash(&e.file_name().to_string_lossy()).is_some())
        .count();
    if originals == 0 {
        return Ok(());
    }
    Err(Error::Damaged {
        path: dir.join(DB_FILE),
        detail: format!(
            "the database is empty or missing while files/ holds {originals} originals"
        ),
    })
}

/// Makes `doc`, read from `file`, the text of document `id`, inside the
/// caller's transaction: its content replaced (its meeting found again for
/// the new text, or kept when `keep_meeting`), the PDFs' `places` set, the
/// user's choice of format recorded when `chosen` says one, notes
/// re-anchored when it is the latest version (which notes follow) and
/// paragraph bookmarks moved onto the new text. Returns whether it is the
/// latest version.
fn apply_text(
    tx: &rusqlite::Connection,
    id: u32,
    doc: &Document,
    file: &StoredFile,
    keep_meeting: bool,
    places: &[(u32, Option<u32>, Places)],
    chosen: Option<Option<Format>>,
) -> Result<bool> {
    let record = documents::record(tx, id)?;
    let old = documents::load(tx, id)?;
    let meeting = if keep_meeting {
        record.meeting_id
    } else {
        meetings::find_or_create(tx, doc)?
    };
    documents::replace_content(tx, id, doc, file, meeting)?;
    for (rid, pages, p) in places {
        store_renditions::set_places(tx, *rid, *pages, p)?;
    }
    if let Some(chosen) = chosen {
        documents::set_text_format(tx, id, chosen)?;
    }
    if record.latest {
        let (kept, detached) = crate::annotations::reanchor_series(tx, &record.series, id, doc)?;
        tracing::info!(
            kept,
            detached,
            "notes re-anchored to the document's new text"
        );
    }
    renditions::move_paragraph_bookmarks(tx, &record.series, &old, doc)?;
    Ok(record.latest)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A PDF rendition's number of pages and where `shown`'s passages stand on
/// them; nothing for other formats.
fn pdf_places(format: Format, layout: &Layout, shown: &Document) -> (Option<u32>, Places) {
    if format != Format::Pdf {
        return (None, Places::new());
    }
    let (pages, places) = crate::layout::places::places(layout, shown);
    (Some(pages), places)
}

/// Search's view of the store: each found passage read back from its rows
/// (`passage_text`), and what a hit shows of its document.
struct StoredPassages<'a> {
    conn: &'a rusqlite::Connection,
    documents: &'a mut HashMap<u32, Option<HitDocument>>,
}

impl search::PassageSource for StoredPassages<'_> {
    fn document(&mut self, id: u32) -> Option<HitDocument> {
        let conn = self.conn;
        self.documents
            .entry(id)
            .or_insert_with(|| {
                documents::record(conn, id).ok().map(|r| HitDocument {
                    id: r.id,
                    symbol: r.effective_symbol().map(str::to_string),
                    title: r.title.clone(),
                    language: r.language.clone(),
                    kind: r.kind,
                    file: r.file.clone(),
                })
            })
            .clone()
    }

    fn passage(
        &mut self,
        doc: u32,
        kind: search::passages::PassageKind,
        ord: u32,
    ) -> Option<search::passages::Passage> {
        passage_text::passage(self.conn, doc, kind, ord)
            .map_err(|e| tracing::warn!(error = %e, doc, ord, "a found passage could not be read"))
            .ok()
            .flatten()
    }
}

/// The search index's view of a document.
fn indexed<'a>(record: &'a DocumentRecord, doc: &Document) -> IndexedDocument<'a> {
    IndexedDocument {
        id: record.id,
        language: &record.language,
        kind: record.kind,
        body: record.body.as_deref(),
        year: record
            .dates
            .as_ref()
            .map(|d| &d.start[..4.min(d.start.len())]),
        passages: search::passages::passages(doc),
    }
}
