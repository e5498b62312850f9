//! Versioned schema migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Each
//! migration runs in its own transaction together with the version bump, so
//! a failed migration leaves the database exactly as it was: still usable by
//! the version of Dossier that wrote it.
//!
//! Never edit a migration that has shipped; append a new one.

use crate::error::Result;
use rusqlite::Connection;

/// The migrations, in order. Index 0 takes a database from version 0 to 1.
pub const MIGRATIONS: &[&str] = &[
    // 1: the library.
    r#"
    CREATE TABLE meetings (
        id          INTEGER PRIMARY KEY,
        -- Stable grouping key derived from body and session (or dates).
        key         TEXT NOT NULL UNIQUE,
        body        TEXT,
        parent_body TEXT,
        session     TEXT,
        venue       TEXT,
        date_start  TEXT,
        date_end    TEXT,
        -- IANA zone chosen by the user; NULL means "derive from the venue".
        time_zone   TEXT
    );

    CREATE TABLE documents (
        id                INTEGER PRIMARY KEY,
        -- Documents that are issues of one another share a series: the symbol
        -- without /Rev.N or /Corr.N plus the language, or the file name when
        -- no symbol is printed.
        series            TEXT NOT NULL,
        version           INTEGER NOT NULL,
        content_hash      TEXT NOT NULL UNIQUE,
        -- Hash of the parsed structure: the same document in another format
        -- (the PDF of a DOCX) has the same structure.
        structure_hash    TEXT NOT NULL,
        file_name         TEXT NOT NULL,
        -- Path of the copy inside the library folder, relative to it.
        stored_path       TEXT NOT NULL,
        file_size         INTEGER NOT NULL,
        ingested_at       TEXT NOT NULL,
        meeting_id        INTEGER REFERENCES meetings(id),
        kind              TEXT NOT NULL CHECK (kind IN ('agenda', 'report', 'other')),
        language          TEXT NOT NULL,
        symbol            TEXT,
        symbol_key        TEXT,
        suggested_symbol  TEXT,
        user_symbol       TEXT,
        user_symbol_key   TEXT,
        title             TEXT,
        body              TEXT,
        parent_body       TEXT,
        session           TEXT,
        venue             TEXT,
        date_start        TEXT,
        date_end          TEXT,
        distributed       TEXT,
        original_language TEXT,
        job_number        TEXT,
        -- Footnotes, attendance and diagnostics as JSON.
        extra             TEXT NOT NULL DEFAULT '{}',
        UNIQUE (series, version)
    );
    CREATE INDEX documents_symbol ON documents(symbol_key);
    CREATE INDEX documents_structure ON documents(structure_hash);
    CREATE INDEX documents_user_symbol ON documents(user_symbol_key);
    CREATE INDEX documents_meeting ON documents(meeting_id);

    CREATE TABLE agenda_items (
        id         INTEGER PRIMARY KEY,
        doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord        INTEGER NOT NULL,
        parent_id  INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
        number     TEXT NOT NULL,
        title      TEXT NOT NULL,
        annotation TEXT NOT NULL
    );
    CREATE INDEX agenda_items_doc ON agenda_items(doc_id, ord);

    CREATE TABLE schedule_slots (
        id        INTEGER PRIMARY KEY,
        doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord       INTEGER NOT NULL,
        date      TEXT,
        start     TEXT,
        "end"     TEXT,
        continued INTEGER NOT NULL,
        titles    TEXT NOT NULL,
        parallel  TEXT NOT NULL,
        notes     TEXT NOT NULL
    );
    CREATE INDEX schedule_slots_doc ON schedule_slots(doc_id, ord);

    CREATE TABLE slot_items (
        slot_id INTEGER NOT NULL REFERENCES schedule_slots(id) ON DELETE CASCADE,
        ord     INTEGER NOT NULL,
        item    TEXT NOT NULL,
        PRIMARY KEY (slot_id, ord)
    );
    CREATE INDEX slot_items_item ON slot_items(item);

    -- Symbols cited by a document: by an agenda item (item_number set) or
    -- anywhere in the document (item_number NULL, the document-wide list).
    CREATE TABLE refs (
        doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item_number TEXT,
        ord         INTEGER NOT NULL,
        symbol      TEXT NOT NULL,
        symbol_key  TEXT NOT NULL,
        title       TEXT
    );
    CREATE INDEX refs_doc ON refs(doc_id, item_number, ord);
    CREATE INDEX refs_symbol ON refs(symbol_key);

    CREATE TABLE sections (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord    INTEGER NOT NULL,
        number TEXT,
        title  TEXT NOT NULL,
        level  INTEGER NOT NULL,
        role   TEXT,
        items  TEXT NOT NULL,
        PRIMARY KEY (doc_id, ord)
    );

    CREATE TABLE paragraphs (
        doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord     INTEGER NOT NULL,
        number  TEXT,
        section TEXT,
        text    TEXT NOT NULL,
        PRIMARY KEY (doc_id, ord)
    );

    -- Annotations belong to a document series, so that they follow the
    -- document across revisions and re-ingestion.
    CREATE TABLE bookmarks (
        id         INTEGER PRIMARY KEY,
        series     TEXT NOT NULL,
        -- 'document', 'item', 'paragraph' or 'slot', and the place within it.
        target     TEXT NOT NULL,
        anchor     TEXT NOT NULL DEFAULT '',
        label      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (series, target, anchor)
    );

    CREATE TABLE notes (
        id           INTEGER PRIMARY KEY,
        -- Stable across export and import, so that import merges.
        uid          TEXT NOT NULL UNIQUE,
        series       TEXT NOT NULL,
        -- The document version the selectors were last resolved against.
        doc_id       INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        -- W3C Web Annotation selectors: the passage, a text-quote selector
        -- (exact, prefix, suffix) and a text-position selector (start, end,
        -- in characters of the passage text).
        passage      TEXT NOT NULL,
        exact        TEXT NOT NULL,
        prefix       TEXT NOT NULL DEFAULT '',
        suffix       TEXT NOT NULL DEFAULT '',
        pos_start    INTEGER NOT NULL,
        pos_end      INTEGER NOT NULL,
        body         TEXT NOT NULL,
        detached     INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT
    );
    CREATE INDEX notes_series ON notes(series);

    CREATE TABLE starred_slots (
        series     TEXT NOT NULL,
        slot_key   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (series, slot_key)
    );

    -- Small facts about the library, such as the generation the search
    -- index must match.
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO settings (key, value) VALUES ('generation', '0');
    "#,
    // 2: a timetable slot's lane (parallel meetings), room and part of the
    // day (a row that says "Morning" instead of clock times).
    r#"
    ALTER TABLE schedule_slots ADD COLUMN lane TEXT;
    ALTER TABLE schedule_slots ADD COLUMN room TEXT;
    ALTER TABLE schedule_slots ADD COLUMN part_of_day TEXT;
    "#,
    // 3: renditions. One document (symbol × language × revision) may be
    // held as Word, PDF and text files; each file is a rendition of it. The
    // document row keeps the file its text was read from (its content_hash); the
    // others are renditions beside it (the PDF for the page view). Every
    // file the library holds is a rendition, so the originals of existing
    // documents become their first one.
    r#"
    CREATE TABLE renditions (
        id           INTEGER PRIMARY KEY,
        doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        format       TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'text')),
        content_hash TEXT NOT NULL UNIQUE,
        file_name    TEXT NOT NULL,
        stored_path  TEXT NOT NULL,
        file_size    INTEGER NOT NULL,
        ingested_at  TEXT NOT NULL,
        -- PDF: the number of pages, and where each passage of the document
        -- stands on them, as JSON {"para:12": [page, top], ...} (top: 0 at
        -- the top of the page, 1 at its foot).
        pages        INTEGER,
        places       TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX renditions_doc ON renditions(doc_id);
    INSERT INTO renditions (doc_id, format, content_hash, file_name, stored_path, file_size, ingested_at)
        SELECT id,
               CASE WHEN lower(file_name) LIKE '%.pdf' THEN 'pdf'
                    WHEN lower(file_name) LIKE '%.docx' THEN 'docx'
                    ELSE 'text' END,
               content_hash, file_name, stored_path, file_size, ingested_at
        FROM documents;
    -- Which format the reader's text comes from when the user chose one
    -- (NULL: the best there is, Word before PDF before text).
    ALTER TABLE documents ADD COLUMN text_format TEXT;
    "#,
    // 4: the trash. A removal puts documents (or one rendition of a
    // document) in the trash: their rows, files and the user's notes,
    // bookmarks and stars are kept, but they leave the listing, search and
    // references until restored. One `trash` row is one removal, so one
    // restore brings back exactly what it took. A row whose `trash_id` is
    // set is in the trash; NULL is in the library.
    r#"
    CREATE TABLE trash (
        id          INTEGER PRIMARY KEY,
        -- What was asked for: 'rendition', 'document', 'languages' or 'revisions'.
        scope       TEXT NOT NULL CHECK (scope IN ('rendition', 'document', 'languages', 'revisions')),
        -- What the removal took, in words (a symbol or file name, a language).
        label       TEXT NOT NULL,
        trashed_at  TEXT NOT NULL,
        -- A rendition that was its document's text source: the document's
        -- text, places, notes' anchors and bookmarks as they were, as JSON,
        -- put back when it is restored.
        snapshot    TEXT
    );
    ALTER TABLE documents ADD COLUMN trash_id INTEGER REFERENCES trash(id);
    ALTER TABLE renditions ADD COLUMN trash_id INTEGER REFERENCES trash(id);
    CREATE INDEX documents_trash ON documents(trash_id) WHERE trash_id IS NOT NULL;
    CREATE INDEX renditions_trash ON renditions(trash_id) WHERE trash_id IS NOT NULL;
    "#,
    // 5: a text block that is a row of a table (its text: the cells, by tabs).
    r#"
    ALTER TABLE paragraphs ADD COLUMN is_row INTEGER NOT NULL DEFAULT 0;
    "#,
    // 6: the user's word on whether two agenda items of different sessions
    // are the same item (by series, so it holds for every version).
    r#"
    CREATE TABLE IF NOT EXISTS item_verdicts (
        a_series   TEXT NOT NULL,
        a_item     TEXT NOT NULL,
        b_series   TEXT NOT NULL,
        b_item     TEXT NOT NULL,
        same       INTEGER NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (a_series, a_item, b_series, b_item)
    );
    "#,
    // 7: documents to fetch from the UN's document system, kept until each
    // has its outcome, so that a fetch cut short (the laptop closed, the
    // program killed) resumes where it stopped. (The languages documents
    // are fetched in are kept in `settings`, from migration 1.)
    r#"
    CREATE TABLE fetch_queue (
        id          INTEGER PRIMARY KEY,
        -- The symbol as asked for, and its key (symbols::key) for matching.
        symbol      TEXT NOT NULL,
        symbol_key  TEXT NOT NULL,
        -- One of ar zh en fr ru es.
        language    TEXT NOT NULL,
        -- Which files: 'word_else_pdf', 'word', 'pdf' or 'both'.
        formats     TEXT NOT NULL,
        -- The meeting it was asked for, if any (for the report only).
        meeting_id  INTEGER,
        state       TEXT NOT NULL CHECK (state IN ('pending', 'done')),
        -- When done: the outcome, as JSON.
        outcome     TEXT,
        queued_at   TEXT NOT NULL,
        finished_at TEXT,
        UNIQUE (symbol_key, language)
    );
    "#,
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the database up to date. Each step is atomic.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, MIGRATIONS)
}

pub(crate) fn migrate_with(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > migrations.len() as i64 {
        return Err(crate::Error::Invalid(format!(
            "the library was written by a newer version of Dossier (schema {current}, this version knows {}); \
             update Dossier to open it",
            migrations.len()
        )));
    }
    for (i, sql) in migrations.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "library schema migrated");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_migration_leaves_the_previous_schema_usable() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute("INSERT INTO settings (key, value) VALUES ('x', '1')", [])
            .unwrap();
        let mut broken: Vec<&str> = MIGRATIONS.to_vec();
        broken.push("CREATE TABLE extra (a INTEGER); INSERT INTO no_such_table VALUES (1);");
        assert!(migrate_with(&mut conn, &broken).is_err());
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest());
        let extra: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'extra'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(extra, 0, "the half-applied migration was rolled back");
        let x: String = conn
            .query_row("SELECT value FROM settings WHERE key = 'x'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(x, "1");
    }

    #[test]
    fn a_newer_schema_is_refused_not_damaged() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        let err = migrate(&mut conn).unwrap_err().to_string();
        assert!(err.contains("newer version"), "{err}");
    }
}
