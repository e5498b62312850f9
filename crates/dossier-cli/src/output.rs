//! How the CLI shows things to people (JSON output is serde's).

use dossier_core::api::QueryResult;
use dossier_core::api::SearchHit;
use dossier_core::api::TrashEntry;
use dossier_core::api::{IngestReport, IngestStatus};
use dossier_core::api::{LibraryListing, MeetingReference};
use dossier_core::Library;
use indicatif::{ProgressBar, ProgressStyle};
use std::borrow::Cow;
use std::path::PathBuf;

/// Whether a character would act on a terminal rather than show: C0 and C1
/// controls (ESC starts sequences that move the cursor, retitle the window
/// or, with `ESC]52`, set the clipboard), DEL, and the bidi overrides that
/// reorder what follows them.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text from a document or a file name, made safe to print on one line:
/// controls and line breaks become spaces.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_control(c) { ' ' } else { c })
            .collect(),
    )
}

/// Text of several lines (Markdown, a calendar), made safe to print: line
/// breaks and tabs are kept, every other control is dropped.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    let bad = |c: char| is_control(c) && !matches!(c, '\n' | '\r' | '\t');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
}

/// Ingests with a progress bar on a terminal, one line per file otherwise.
pub fn ingest_with_progress(lib: &Library, paths: &[PathBuf], tty: bool) -> IngestReport {
    let bar = tty.then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .expect("valid template"),
        );
        bar
    });
    let report = lib.ingest(paths, &mut |p| {
        let name = std::path::Path::new(&p.result.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match &bar {
            Some(bar) => {
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
                bar.set_message(clean_line(&name).into_owned());
            }
            None => eprintln!(
                "[{}/{}] {} {}",
                p.done,
                p.total,
                status_word(p.result.status),
                clean_line(&p.result.path)
            ),
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    report
}

fn status_word(s: IngestStatus) -> &'static str {
    match s {
        IngestStatus::Ingested => "ingested",
        IngestStatus::NewVersion => "new version",
        IngestStatus::NewRendition => "rendition",
        IngestStatus::Unchanged => "unchanged",
        IngestStatus::Failed => "FAILED",
    }
}

/// The report of an import, file by file under what became of them (new
/// documents, new renditions of a document, new versions, unchanged,
/// failed), then the counts. `name` says which document a file joined.
pub fn print_ingest_report(report: &IngestReport, name: &mut dyn FnMut(u32) -> Option<String>) {
    let sections = [
        (IngestStatus::Ingested, "New documents"),
        (
            IngestStatus::NewRendition,
            "New renditions (another file of a document)",
        ),
        (IngestStatus::NewVersion, "New versions"),
        (IngestStatus::Unchanged, "Unchanged"),
        (IngestStatus::Failed, "Failed"),
    ];
    for (status, heading) in sections {
        let files: Vec<_> = report.with_status(status).collect();
        if files.is_empty() {
            continue;
        }
        println!("{heading} ({}):", files.len());
        for r in files {
            let joined = r.document_id.and_then(&mut *name);
            let line = match status {
                IngestStatus::Failed => r.message.clone().unwrap_or_else(|| r.path.clone()),
                IngestStatus::NewRendition => match joined {
                    Some(doc) => format!("{}  (of {doc})", r.path),
                    None => r.path.clone(),
                },
                IngestStatus::NewVersion => match joined {
                    Some(doc) => {
                        format!("{}  (version {} of {doc})", r.path, r.version.unwrap_or(0))
                    }
                    None => format!("{}  (version {})", r.path, r.version.unwrap_or(0)),
                },
                _ => r.message.clone().unwrap_or_else(|| r.path.clone()),
            };
            println!("  {}", clean_line(&line));
        }
    }
    println!(
        "{} ingested, {} new versions, {} new renditions, {} unchanged, {} failed",
        report.count(IngestStatus::Ingested),
        report.count(IngestStatus::NewVersion),
        report.count(IngestStatus::NewRendition),
        report.count(IngestStatus::Unchanged),
        report.count(IngestStatus::Failed)
    );
}

pub fn print_hits(hits: &[SearchHit], color: bool) {
    if hits.is_empty() {
        println!("No passages found.");
        return;
    }
    for h in hits {
        let doc = &h.document;
        let name = doc.symbol.clone().unwrap_or_else(|| doc.file.clone());
        let place = match (&h.location.item, h.location.paragraph, h.location.slot) {
            (Some(i), _, _) => format!("item {i}"),
            (_, Some(_), _) => format!("para. {}", h.heading.split(" · ").next().unwrap_or("")),
            (_, _, Some(_)) => format!("schedule {}", h.heading),
            _ => String::new(),
        };
        println!(
            "{} [{}] {}  {}",
            clean_line(&name),
            clean_line(&doc.language),
            clean_line(&doc.title),
            clean_line(&place)
        );
        let mut line = String::from("    ");
        for s in &h.segments {
            let text = clean_line(&s.text);
            if s.hit && color {
                line.push_str(&format!("\x1b[1;33m{text}\x1b[0m"));
            } else if s.hit {
                line.push_str(&format!("[{text}]"));
            } else {
                line.push_str(&text);
            }
        }
        println!("{line}");
    }
}

pub fn print_listing(
    listing: &LibraryListing,
    references: &mut dyn FnMut(u32) -> dossier_core::Result<Vec<MeetingReference>>,
) -> dossier_core::Result<()> {
    if listing.meetings.is_empty() && listing.unfiled.is_empty() {
        println!("The library is empty. Add documents with `dossier ingest PATH`.");
        return Ok(());
    }
    for m in &listing.meetings {
        let dates = m
            .dates
            .as_ref()
            .map(|d| format!("{} – {}", d.start, d.end))
            .unwrap_or_default();
        let line = format!(
            "{}{}  {}  {}",
            m.body.as_deref().unwrap_or("(unknown body)"),
            m.session
                .as_deref()
                .map(|s| format!(", {s}"))
                .unwrap_or_default(),
            m.venue.as_deref().unwrap_or(""),
            dates
        );
        println!("{}", clean_line(&line));
        for d in &m.documents {
            print_doc(d);
        }
        let refs = if m.missing_count > 0 {
            references(m.id)?
        } else {
            Vec::new()
        };
        let missing: Vec<&str> = refs
            .iter()
            .filter(|r| r.document_id.is_none())
            .map(|r| r.symbol.as_str())
            .collect();
        if !missing.is_empty() {
            println!("    missing: {}", clean_line(&missing.join(", ")));
        }
    }
    if !listing.unfiled.is_empty() {
        println!("Other documents");
        for d in &listing.unfiled {
            print_doc(d);
        }
    }
    Ok(())
}

/// The documents a query found, one per line, then the total and, when
/// asked for, the facets.
pub fn print_query(result: &QueryResult, facets: bool) {
    for d in &result.documents {
        print_doc(d);
    }
    let shown = result.documents.len() as u32;
    if shown < result.total {
        println!("{shown} of {} documents", result.total);
    } else {
        println!(
            "{} document{}",
            result.total,
            if result.total == 1 { "" } else { "s" }
        );
    }
    if facets {
        let f = &result.facets;
        for (name, counts) in [
            ("body", &f.body),
            ("year", &f.year),
            ("kind", &f.kind),
            ("language", &f.language),
        ] {
            let values: Vec<String> = counts
                .iter()
                .map(|c| format!("{} ({})", c.value, c.count))
                .collect();
            println!("{name}: {}", clean_line(&values.join(", ")));
        }
    }
}

/// "2 documents, 3 files, 1 note" for a trash entry.
pub fn trash_counts(e: &TrashEntry) -> String {
    let n = |count: u32, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "{}, {}, {}",
        n(e.documents, "document", "documents"),
        n(e.files, "file", "files"),
        n(e.notes, "note", "notes")
    )
}

/// What is in the trash, the latest removal first.
pub fn print_trash(entries: &[TrashEntry]) {
    if entries.is_empty() {
        println!("The trash is empty.");
        return;
    }
    for e in entries {
        println!(
            "  {:>4}  {}  {}  ({})",
            e.id,
            clean_line(&e.trashed_at),
            clean_line(&e.label),
            trash_counts(e)
        );
    }
    println!("Restore one with `dossier trash restore N`; `dossier trash empty` deletes them all.");
}

fn print_doc(d: &dossier_core::api::DocumentRecord) {
    let symbol = d
        .effective_symbol()
        .map(str::to_string)
        .or_else(|| d.suggested_symbol.as_ref().map(|s| format!("{s}?")))
        .unwrap_or_else(|| "-".into());
    let version = if d.versions > 1 {
        format!(" (version {} of {})", d.version, d.versions)
    } else {
        String::new()
    };
    println!(
        "  {:>4}  {:<7} {:<2}  {:<28} {}{}  [{}]",
        d.id,
        d.kind.as_str(),
        clean_line(&d.language),
        clean_line(&symbol),
        clean_line(&d.title),
        version,
        clean_line(&d.file)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_never_reach_the_terminal() {
        let evil = "A/79/1\x1b]52;c;SGVsbG8=\x07 title\x1b[2J\u{202E}txt.exe\u{9b}31m";
        let line = clean_line(evil);
        assert!(!line.chars().any(is_control), "{line:?}");
        assert!(line.starts_with("A/79/1 ]52;c;SGVsbG8= "));
        assert_eq!(clean_line("plain, العربية, 中文"), "plain, العربية, 中文");
        let text = clean_text("# Notes\r\n\x1b[31m\tred\n");
        assert_eq!(text, "# Notes\r\n[31m\tred\n");
    }
}
