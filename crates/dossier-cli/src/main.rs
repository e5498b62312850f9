//! `dossier`: the command-line face of the Dossier library. Every command is
//! a call into `dossier-core`; the app uses the same calls.

mod fetch;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use dossier_core::api::BulkFormat;
use dossier_core::api::IngestStatus;
use dossier_core::api::SearchRequest;
use dossier_core::api::{PassageExport, RemoveScope};
use dossier_core::api::{Query, SortBy};
use dossier_core::extract::{worker, Extractor, Limits};
use dossier_core::{DocumentKind, Library};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Read, store and search UN meeting documents"
)]
struct Cli {
    /// The library folder [default: $DOSSIER_DATA_DIR, else the app's data folder]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Log to standard error: -v what happens, -vv details, -vvv everything
    /// (RUST_LOG, when set, chooses instead). Logs name files, never their text.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Agenda,
    Report,
    Other,
}

impl From<Kind> for DocumentKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Agenda => DocumentKind::Agenda,
            Kind::Report => DocumentKind::Report,
            Kind::Other => DocumentKind::Other,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Parse a document and print its structure as JSON (the library is not touched).
    Parse {
        file: PathBuf,
        /// Print the text the parser reads (extracted and decoded) instead of the structure.
        #[arg(long)]
        text: bool,
        /// Print the layout model the parser reads (pages of headings, paragraphs,
        /// list entries, tables, footnotes and page furniture) as JSON.
        #[arg(long, conflicts_with = "text")]
        layout: bool,
    },
    /// Add files and folders (searched recursively) to the library.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fetch documents from the UN's Official Document System into the
    /// library, by symbol, in your languages: every document a meeting's
    /// agendas cite and every document it holds (--meeting), or the symbols
    /// given. Each comes out fetched, not in that language, does not exist,
    /// failed (with why) or skipped (already in the library). A fetch cut
    /// short leaves the rest queued; `dossier fetch` alone resumes it.
    Fetch {
        /// Symbols to fetch, such as CAC/COSP/2019/1.
        #[arg(conflicts_with = "meeting")]
        symbols: Vec<String>,
        /// A meeting: the stem of its symbols (CAC/COSP/WG.2/2024), or one of
        /// its documents (an id, symbol or file name).
        #[arg(long)]
        meeting: Option<String>,
        /// Languages, comma-separated: ar, zh, en, fr, ru, es [default: those
        /// chosen in the app, else the meeting's own, else en].
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
        /// Files: docx, pdf, or docx,pdf for both (the PDF for the page view)
        /// [default: the Word file, else the PDF].
        #[arg(long, value_delimiter = ',')]
        format: Vec<String>,
        /// Minutes the whole fetch may take; what is left stays queued.
        #[arg(long, default_value_t = 30)]
        budget: u64,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the library and print ranked passages.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        /// Only documents in this language: ar, zh, en, fr, ru or es.
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// Only meetings of this body, as `dossier list` names it.
        #[arg(long)]
        body: Option<String>,
        /// Only meetings that began in this year.
        #[arg(long)]
        year: Option<String>,
        /// Only this agenda item, such as 3(a).
        #[arg(long)]
        item: Option<String>,
        /// With --item: that item of this document (a symbol, id or file
        /// name) in all sessions of its body, every language.
        #[arg(long, requires = "item")]
        all_sessions_of: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// List meetings and their documents; with a filter, a sort or facets,
    /// the matching documents one per line.
    List {
        #[arg(long)]
        json: bool,
        /// Words that must all occur, each in some field: symbol, title, body,
        /// venue, session, file name or year ("Nairobi 2023").
        #[arg(long)]
        filter: Option<String>,
        #[arg(long, value_enum)]
        sort: Option<Sort>,
        /// Also print how many documents each body, year, kind and language has.
        #[arg(long)]
        facets: bool,
        /// Only documents of this body.
        #[arg(long)]
        body: Option<String>,
        /// Only documents whose meeting began in this year.
        #[arg(long)]
        year: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// Only documents in this language: ar, zh, en, fr, ru or es.
        #[arg(long)]
        lang: Option<String>,
        /// At most this many documents.
        #[arg(long)]
        limit: Option<u32>,
    },
    /// Move a document (or one of its files) to the trash; `dossier trash` lists it.
    Remove {
        /// A symbol, a library id or a file name (with --scope rendition: the
        /// file to remove, by name or rendition id).
        doc: String,
        #[arg(long, value_enum, default_value = "document")]
        scope: Scope,
    },
    /// List what is in the trash, restore it, or empty it.
    Trash {
        /// Print as JSON.
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        command: Option<TrashCommand>,
    },
    /// Rebuild the search index from the library database.
    Reindex,
    /// Check the whole library: the database's full integrity check, and every
    /// original file against the hash it was imported with.
    Check,
    /// Print a document's schedule as an iCalendar (.ics) file, in the venue's time zone.
    Ics {
        /// A symbol, a library id or the original file name.
        doc: String,
        /// Only the slots starred in the app.
        #[arg(long)]
        starred: bool,
        /// An IANA zone to use instead of the meeting's (for example Europe/Vienna).
        #[arg(long)]
        tz: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Cite documents: a line to paste (one document, or a place in it), or
    /// CSL-JSON or BibLaTeX for a reference manager.
    Cite {
        /// Symbols, library ids or original file names.
        #[arg(required = true)]
        docs: Vec<String>,
        /// The agenda item cited ("3(a)"); one document only.
        #[arg(long, conflicts_with = "para")]
        item: Option<String>,
        /// The paragraph cited, by its printed number ("12"); one document only.
        #[arg(long)]
        para: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: CiteFormat,
    },
    /// The history of an agenda item: the same item at every session of its
    /// body the library holds, newest first, with the report's section on it.
    History {
        /// A symbol, a library id or the original file name.
        doc: String,
        /// The item's number as printed ("3(a)").
        item: String,
        #[arg(long)]
        json: bool,
    },
    /// Make a consistent backup of the library (database and original files) into a new folder.
    Backup {
        dest: PathBuf,
        /// Replace the Dossier backup already in DEST (once the new one is complete).
        #[arg(long)]
        replace: bool,
    },
    /// Replace the library with a backup (the current one is kept beside it).
    Restore { backup: PathBuf },
    /// Write every passage of the library (the latest version of each
    /// document, as search holds them) for a search cluster: OpenSearch and
    /// Elasticsearch `_bulk` NDJSON, or Quickwit's.
    #[command(group(clap::ArgGroup::new("format").required(true).multiple(true).args(["ndjson", "quickwit"])))]
    Export {
        /// `_bulk` NDJSON: an `index` action line (index per language, a
        /// stable `_id` per passage), then the passage.
        #[arg(long)]
        ndjson: bool,
        /// Quickwit's NDJSON instead: one passage per line, no action lines.
        #[arg(long)]
        quickwit: bool,
        /// Only documents of this index language: ar, zh, en, fr, ru, es or und.
        #[arg(long)]
        lang: Option<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Export or import notes and bookmarks.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Sort {
    /// The meeting's first day, newest first.
    Date,
    /// The body, A to Z.
    Body,
    /// The symbol, part by part.
    Symbol,
    /// The last imported first.
    #[value(alias = "recent")]
    RecentlyAdded,
}

impl From<Sort> for SortBy {
    fn from(s: Sort) -> Self {
        match s {
            Sort::Date => SortBy::Date,
            Sort::Body => SortBy::Body,
            Sort::Symbol => SortBy::Symbol,
            Sort::RecentlyAdded => SortBy::RecentlyAdded,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Scope {
    /// One file of the document (the document stays with its other files).
    Rendition,
    /// The document with all its files.
    Document,
    /// The document in every language the library holds its symbol in.
    Languages,
    /// Every revision of the document in its language.
    Revisions,
}

impl From<Scope> for RemoveScope {
    fn from(s: Scope) -> Self {
        match s {
            Scope::Rendition => RemoveScope::Rendition,
            Scope::Document => RemoveScope::Document,
            Scope::Languages => RemoveScope::Languages,
            Scope::Revisions => RemoveScope::Revisions,
        }
    }
}

#[derive(Subcommand)]
enum TrashCommand {
    /// Bring back everything one removal took (its number in `dossier trash`).
    Restore { entry: u32 },
    /// Delete everything in the trash for good, and the files no one else uses.
    Empty,
}

#[derive(Clone, Copy, ValueEnum)]
enum CiteFormat {
    Text,
    Csljson,
    Biblatex,
}

#[derive(Clone, Copy, ValueEnum)]
enum NotesFormat {
    Md,
    Json,
    /// W3C Web Annotations (JSON-LD), for annotation tools.
    W3c,
}

#[derive(Subcommand)]
enum NotesCommand {
    /// Print notes and bookmarks (all, or of one document) as Markdown, Dossier's JSON or W3C Web Annotations.
    Export {
        #[arg(long, value_enum, default_value = "md")]
        format: NotesFormat,
        /// A symbol, a library id or the original file name.
        #[arg(long)]
        doc: Option<String>,
    },
    /// Merge a file of notes into the library (no duplicates): Dossier's JSON
    /// export, W3C Web Annotations, or a Hypothesis export.
    Import { file: PathBuf },
}

/// How long a command waits for a library another Dossier holds before it
/// says so: long enough for a closing window to let go.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// The library folder. One given (`--data-dir`, `DOSSIER_DATA_DIR`) is
/// created only at its last level, so a mistyped parent is an error; the
/// default one is created with the system's data folder if need be.
fn data_dir(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(d) = given {
        return Ok(d);
    }
    if let Some(d) = std::env::var_os("DOSSIER_DATA_DIR") {
        return Ok(PathBuf::from(d));
    }
    // The same folder the app uses (Tauri's app data dir for our identifier).
    let system = dirs::data_dir()
        .ok_or_else(|| anyhow::anyhow!("no data folder on this system; pass --data-dir"))?;
    std::fs::create_dir_all(&system).map_err(|e| anyhow::anyhow!("{}: {e}", system.display()))?;
    Ok(system.join("org.dossier.app"))
}

/// What an error message adds for someone at a terminal.
fn hint(e: &anyhow::Error) -> &'static str {
    use dossier_core::ErrorKind;
    match e.downcast_ref::<dossier_core::Error>() {
        Some(dossier_core::Error::Exists {
            replaceable: true, ..
        }) => " (to replace it: dossier backup --replace DEST)",
        Some(e) if e.kind() == ErrorKind::Damaged => " (dossier restore BACKUP_FOLDER)",
        _ => "",
    }
}

/// Tells what an open did about a restore it found interrupted.
fn report_interrupted_restore(lib: &Library) {
    if let Some(r) = lib.interrupted_restore() {
        if r.completed {
            eprintln!(
                "An interrupted restore of {} was finished: the library is that backup ({} documents, {} notes){}.",
                output::clean_line(&r.backup.path),
                r.backup.documents,
                r.backup.notes,
                r.previous
                    .as_deref()
                    .map(|p| format!("; the previous library is kept in {}", output::clean_line(p)))
                    .unwrap_or_default()
            );
        } else {
            eprintln!(
                "An interrupted restore of {} was undone: the library is as it was before it.",
                output::clean_line(&r.backup.path)
            );
        }
    }
}

fn main() -> ExitCode {
    // The hidden mode in which this binary reads files for another `dossier`
    // (see `dossier_core::extract::worker`).
    // (`args_os`: a file name need not be Unicode.)
    let mut args = std::env::args_os();
    if args.nth(1).is_some_and(|a| a == worker::WORKER_FLAG) {
        let args = args.map(|a| a.to_string_lossy().into_owned());
        return ExitCode::from(worker::serve(args) as u8);
    }
    // Behave like other Unix tools when the reader goes away (`dossier list | head`).
    #[cfg(unix)]
    // SAFETY: restoring the default action of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    init_logs(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "dossier: {}{}",
                output::clean_line(&format!("{e:#}")),
                hint(&e)
            );
            ExitCode::from(2)
        }
    }
}

/// Logs to standard error: errors only unless `-v` or `RUST_LOG` asks for more.
fn init_logs(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let level = match verbose {
        0 => "error",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.is_empty() => EnvFilter::new(spec),
        _ => EnvFilter::new(level),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Files are read in a worker process, with limits: nothing a file holds
    // can take this process down.
    let extractor = Extractor::current_exe(Limits::from_env())?;
    if let Command::Parse { file, text, layout } = &cli.command {
        let bytes = dossier_core::extract::read_file(file)?;
        let extracted = extractor.extract_layout(file, &bytes)?;
        if *text {
            print!("{}", extracted.text());
        } else if *layout {
            println!("{}", serde_json::to_string_pretty(&extracted)?);
        } else {
            let doc = dossier_core::parse_extracted(&extracted);
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let dir = data_dir(cli.data_dir)?;
    if let Command::Restore { backup } = &cli.command {
        let outcome = dossier_core::library::restore(backup, &dir)?;
        let s = &outcome.backup;
        println!(
            "restored {} documents, {} notes and {} original files from {} into {}",
            s.documents,
            s.notes,
            s.files,
            output::clean_line(&backup.display().to_string()),
            output::clean_line(&dir.display().to_string())
        );
        if let Some(previous) = &outcome.previous {
            println!(
                "the previous library is kept in {}",
                output::clean_line(previous)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    // A Dossier window closed a moment ago may still be letting go of it.
    let mut lib = Library::open_waiting(&dir, LOCK_PATIENCE)?;
    lib.set_extractor(extractor);
    report_interrupted_restore(&lib);
    match cli.command {
        Command::Parse { .. } | Command::Restore { .. } => unreachable!(),
        Command::Backup { dest, replace } => {
            let s = if replace {
                lib.backup_replacing(&dest)?
            } else {
                lib.backup(&dest)?
            };
            println!(
                "backed up {} documents, {} notes and {} original files ({:.1} MB) to {}",
                s.documents,
                s.notes,
                s.files,
                s.kilobytes as f64 / 1e3,
                output::clean_line(&s.path)
            );
        }
        Command::Ingest { paths, json } => {
            let tty = std::io::stderr().is_terminal() && !json;
            let report = output::ingest_with_progress(&lib, &paths, tty);
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                let records = lib.records()?;
                output::print_ingest_report(&report, &mut |id| {
                    let r = records.iter().find(|r| r.id == id)?;
                    Some(r.effective_symbol().unwrap_or(&r.file).to_string())
                });
            }
            if report.count(IngestStatus::Failed) > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Fetch {
            symbols,
            meeting,
            lang,
            format,
            budget,
            json,
        } => {
            let request = fetch::Request {
                symbols,
                meeting,
                languages: lang,
                formats: fetch::formats(&format)?,
                budget_minutes: budget,
                json,
                tty: std::io::stderr().is_terminal() && !json,
            };
            return fetch::run(lib, request);
        }
        Command::Search {
            query,
            json,
            lang,
            kind,
            body,
            year,
            item,
            all_sessions_of,
            limit,
        } => {
            let item_in_all_sessions = match (&all_sessions_of, &item) {
                (Some(doc), Some(i)) => Some(dossier_core::api::ItemScope {
                    document: lib.find(doc)?,
                    item: i.clone(),
                }),
                _ => None,
            };
            let hits = lib.search(&SearchRequest {
                query,
                language: lang,
                kind: kind.map(Into::into),
                body,
                year,
                item: if item_in_all_sessions.is_some() {
                    None
                } else {
                    item
                },
                document: None,
                item_in_all_sessions,
                limit: Some(limit),
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                output::print_hits(&hits, std::io::stdout().is_terminal());
            }
        }
        Command::List {
            json,
            filter,
            sort,
            facets,
            body,
            year,
            kind,
            lang,
            limit,
        } => {
            let asked = filter.is_some()
                || sort.is_some()
                || facets
                || body.is_some()
                || year.is_some()
                || kind.is_some()
                || lang.is_some()
                || limit.is_some();
            if asked {
                let result = lib.query(&Query {
                    filter: filter.unwrap_or_default(),
                    sort: sort.map(Into::into).unwrap_or_default(),
                    body,
                    year,
                    kind: kind.map(Into::into),
                    language: lang,
                    limit,
                })?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&result)?);
                } else {
                    output::print_query(&result, facets);
                }
            } else {
                let listing = lib.listing()?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&listing)?);
                } else {
                    output::print_listing(&listing, &mut |id| lib.meeting_references(id))?;
                }
            }
        }
        Command::Remove { doc, scope } => {
            let id = match scope {
                Scope::Rendition => lib.find_rendition(&doc)?,
                _ => lib.find(&doc)?,
            };
            let entry = lib.remove(id, scope.into())?;
            println!(
                "Moved to the trash: {} ({}). To bring it back: dossier trash restore {}",
                output::clean_line(&entry.label),
                output::trash_counts(&entry),
                entry.id
            );
        }
        Command::Trash { json, command } => match command {
            None => {
                let entries = lib.trash()?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&entries)?);
                } else {
                    output::print_trash(&entries);
                }
            }
            Some(TrashCommand::Restore { entry }) => {
                let entry = lib.restore_from_trash(entry)?;
                println!(
                    "Restored from the trash: {} ({}).",
                    output::clean_line(&entry.label),
                    output::trash_counts(&entry)
                );
            }
            Some(TrashCommand::Empty) => {
                let e = lib.empty_trash()?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&e)?);
                } else {
                    println!(
                        "Emptied the trash: {} removals, {} documents, {} files of documents, {} notes deleted; {} files deleted from the library folder.",
                        e.entries, e.documents, e.renditions, e.notes, e.files_deleted
                    );
                }
            }
        },
        Command::Notes { command } => match command {
            NotesCommand::Export { format, doc } => {
                let doc = doc.map(|d| lib.find(&d)).transpose()?;
                let export = lib.export_annotations(doc)?;
                match format {
                    NotesFormat::Json => println!("{}", serde_json::to_string_pretty(&export)?),
                    NotesFormat::W3c => println!(
                        "{}",
                        serde_json::to_string_pretty(
                            &lib.export_web_annotations(doc, "Dossier notes")?
                        )?
                    ),
                    NotesFormat::Md => {
                        print!(
                            "{}",
                            output::clean_text(&dossier_core::annotations::exchange::to_markdown(
                                &export
                            ))
                        )
                    }
                }
            }
            NotesCommand::Import { file } => {
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                let file = output::clean_line(&file.display().to_string()).into_owned();
                let parsed: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|e| anyhow::anyhow!("{file}: not a file of notes (JSON): {e}"))?;
                let s = lib
                    .import_notes_file(&parsed)
                    .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
                println!(
                    "notes: {} added, {} updated, {} unchanged ({} detached, {} of documents not in the library left out); bookmarks: {} added, {} unchanged; starred slots: {} added",
                    s.notes_added,
                    s.notes_updated,
                    s.notes_unchanged,
                    s.notes_detached,
                    s.notes_not_in_library,
                    s.bookmarks_added,
                    s.bookmarks_unchanged,
                    s.stars_added
                );
            }
        },
        Command::Cite {
            docs,
            item,
            para,
            format,
        } => {
            let ids = docs
                .iter()
                .map(|d| lib.find(d))
                .collect::<Result<Vec<_>, _>>()?;
            use dossier_core::api::CitationFormat;
            match format {
                CiteFormat::Text => {
                    if ids.len() > 1 && (item.is_some() || para.is_some()) {
                        anyhow::bail!("--item and --para cite a place in one document");
                    }
                    for id in &ids {
                        let passage = match (&item, &para) {
                            (Some(i), _) => Some(format!("item:{i}")),
                            (_, Some(p)) => Some(lib.paragraph_passage(*id, p)?),
                            _ => None,
                        };
                        println!(
                            "{}",
                            output::clean_line(&lib.cite(*id, passage.as_deref())?)
                        );
                    }
                }
                CiteFormat::Csljson => {
                    print!("{}", lib.export_citations(&ids, CitationFormat::Csljson)?)
                }
                CiteFormat::Biblatex => print!(
                    "{}",
                    output::clean_text(&lib.export_citations(&ids, CitationFormat::Biblatex)?)
                ),
            }
        }
        Command::History { doc, item, json } => {
            let id = lib.find(&doc)?;
            let h = lib.item_history(id, &item)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&h)?);
            } else {
                println!(
                    "{}",
                    output::clean_line(&format!("Item {} {}", h.number, h.title))
                );
                for s in &h.sessions {
                    let mark = if s.current { "*" } else { " " };
                    println!(
                        "{mark} {} · {} · {} · item {} {}",
                        s.date.as_deref().unwrap_or("undated"),
                        output::clean_line(s.meeting.as_deref().unwrap_or("")),
                        s.symbol.as_deref().unwrap_or("no symbol"),
                        s.number,
                        output::clean_line(&s.title)
                    );
                    if !s.references.is_empty() {
                        let refs: Vec<String> = s
                            .references
                            .iter()
                            .map(|r| {
                                format!(
                                    "{}{}",
                                    r.symbol,
                                    if r.document_id.is_some() {
                                        ""
                                    } else {
                                        " (not in the library)"
                                    }
                                )
                            })
                            .collect();
                        println!("    documents: {}", refs.join(", "));
                    }
                    if let Some(r) = &s.report {
                        println!(
                            "    report {}: {} (item {} as adopted)",
                            r.symbol.as_deref().unwrap_or("without symbol"),
                            output::clean_line(&r.section),
                            r.item
                        );
                        for c in &r.conclusions {
                            println!("      conclusion: {}", output::clean_line(c));
                        }
                    }
                    for n in &s.notes {
                        println!(
                            "    note: “{}” {}",
                            output::clean_line(&n.anchor.exact),
                            output::clean_line(&n.body)
                        );
                    }
                }
            }
        }
        Command::Ics {
            doc,
            starred,
            tz,
            output,
        } => {
            let id = lib.find(&doc)?;
            let cal = lib.calendar(id, starred, tz.as_deref())?;
            if cal.time_zone.is_none() {
                eprintln!(
                    "warning: the venue's time zone is not known; times are floating local times (set one with --tz)"
                );
            }
            match output {
                Some(path) => {
                    lib.export_file(&path, cal.text.as_bytes())?;
                    eprintln!(
                        "{} events written to {}",
                        cal.events,
                        output::clean_line(&path.display().to_string())
                    );
                }
                None => print!("{}", output::clean_text(&cal.text)),
            }
        }
        Command::Export {
            ndjson: _,
            quickwit,
            lang,
            out,
        } => {
            let what = PassageExport {
                format: if quickwit {
                    BulkFormat::Quickwit
                } else {
                    BulkFormat::Bulk
                },
                language: lang,
            };
            match out {
                Some(path) => {
                    let done = lib.export_passages_to_file(&what, &path)?;
                    eprintln!(
                        "{} passages of {} documents written to {}",
                        done.passages,
                        done.documents,
                        output::clean_line(&path.display().to_string())
                    );
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut out = std::io::BufWriter::new(stdout.lock());
                    lib.export_passages(&what, &mut out)?;
                }
            }
        }
        Command::Check => {
            let n = lib.check()?;
            println!(
                "The library is sound: the database passes its integrity check and all {n} original files match their hashes."
            );
        }
        Command::Reindex => {
            let n = lib.reindex()?;
            println!("Indexed {n} documents ({} passages).", lib.index_len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
