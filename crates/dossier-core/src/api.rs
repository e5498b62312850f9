//! The plain types the front ends (the CLI, the Tauri shell, the bench and
//! the tests) exchange with the core: what [`crate::Library`] takes and
//! returns — document records and listings, search requests and hits,
//! query results, import reports, notes and bookmarks, history — gathered in
//! one place, so that no front end reaches into the storage layer
//! (`store` is private to the crate) or depends on where a type is defined.
//!
//! The document model itself (`Document`, `AgendaItem`, `ScheduleSlot`, …)
//! is re-exported at the crate's root from [`crate::model`].

// The library: documents, files, meetings.
pub use crate::library::{IndexRebuild, IndexStatus, PageView, StoredDocument};
pub use crate::store::documents::{DocumentRecord, LanguageVersion};
pub use crate::store::meetings::{LibraryListing, MeetingReference, MeetingSummary};
pub use crate::store::renditions::{Format, Place, Rendition};

// Browsing, trash, backups.
pub use crate::library::query::{FacetCount, Facets, Query, QueryResult, SortBy};
pub use crate::library::{BackupSummary, InterruptedRestore, RestoreOutcome};
pub use crate::library::{EmptiedTrash, RemoveScope, TrashEntry};

// Import.
pub use crate::ingest::{IngestProgress, IngestReport, IngestResult, IngestStatus};

// Fetching documents from the UN's document system.
pub use crate::library::{fetch_language, FetchPlan, FetchSettings, FetchTarget, FETCH_LANGUAGES};
pub use crate::store::fetch_queue::{FetchFormats, FetchOutcome, FetchResult, QueuedFetch};

// Search and export to a search cluster.
pub use crate::library::{ExportedPassages, PassageExport};
pub use crate::search::bulk::BulkFormat;
pub use crate::search::{HitDocument, ItemScope, SearchHit, SearchRequest};

// Notes, bookmarks, stars and what travels between libraries.
pub use crate::annotations::exchange::{AnnotationsExport, ImportSummary, MarkdownWords};
pub use crate::annotations::{Bookmark, BookmarkTarget, Note};
pub use crate::library::citations::CitationFormat;
pub use crate::library::{AgendaEntry, CalendarFile};

// Versions and sessions.
pub use crate::changes::Changes;
pub use crate::history::adopted::AgendaChanges;
pub use crate::library::history::{HistorySession, ItemHistory};

/// The schema version this build writes (`PRAGMA user_version` of a library
/// it opened).
pub fn schema_version() -> i64 {
    crate::store::migrations::latest()
}
