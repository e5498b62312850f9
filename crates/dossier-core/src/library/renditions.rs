//! Which stored document a file is another rendition of, and what changes
//! when a rendition joins a document or becomes its text source.
//!
//! Identity is symbol × language × revision × format. A file whose symbol
//! (revision included: `A/80/590/Rev.1` is its own document), language and
//! content match a stored document held in *another* format is a rendition
//! of it. Without a printed symbol, the masthead (kind, language, body,
//! dates) and the content must agree. Content is compared by the share of
//! character 12-grams of their letters and digits (spacing, hyphenation and
//! what a PDF does to line breaks folded away) the smaller of the two has in
//! common with the other: a Word file and its PDF share nearly all of them;
//! two sessions' agendas of one body, whose sentences are alike, share far
//! fewer.

use crate::error::Result;
use crate::layout::places::fold_into;
use crate::model::Document;
use crate::parse::symbols;
use crate::store::documents;
use crate::store::renditions::{self, Format};
use rusqlite::{params, Connection};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Characters per compared run.
const GRAM: usize = 12;
/// One run in this many is kept (by its hash), which keeps the comparison of
/// two long reports cheap and its result nearly the same.
const SAMPLE: u64 = 4;
/// Shared content that makes two files of one printed symbol one document.
const SAME_WITH_SYMBOL: f64 = 0.5;
/// Without a symbol, only the masthead and the content tell, so more must agree.
const SAME_WITHOUT_SYMBOL: f64 = 0.8;

/// What an incoming file is to the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// The same document in the same format, parsed to the same structure
    /// (a re-saved copy): nothing to store.
    Same(u32),
    /// Another format of a stored document.
    RenditionOf(u32),
}

/// The text a document's renditions must share.
fn grams(doc: &Document) -> HashSet<u64> {
    let mut folded = String::new();
    if let Some(t) = &doc.title {
        fold_into(t, &mut folded);
    }
    for item in doc.items_flat() {
        fold_into(&item.title, &mut folded);
        fold_into(&item.annotation, &mut folded);
    }
    for p in doc.text_blocks() {
        fold_into(&p.text, &mut folded);
    }
    for slot in &doc.schedule {
        for t in &slot.titles {
            fold_into(t, &mut folded);
        }
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut out = HashSet::new();
    for w in chars.windows(GRAM) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.hash(&mut h);
        let h = h.finish();
        if h.is_multiple_of(SAMPLE) {
            out.insert(h);
        }
    }
    out
}

/// The share of the smaller document's text the other one holds too (0–1).
pub(crate) fn shared_content(a: &Document, b: &Document) -> f64 {
    let (a, b) = (grams(a), grams(b));
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

/// The stored document `doc` (read from a `format` file) is a rendition of,
/// if any. A candidate that already has a rendition in this format is
/// another issue of the document, not a rendition — unless it parsed to the
/// very same structure ([`Match::Same`]).
pub(crate) fn find(
    conn: &Connection,
    doc: &Document,
    structure_hash: &str,
    format: Format,
) -> Result<Option<Match>> {
    let mut candidates: Vec<(u32, f64)> = Vec::new();
    let same_structure: Vec<u32> = {
        let mut st = conn.prepare_cached(
            "SELECT id FROM documents WHERE structure_hash = ?1 AND trash_id IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([structure_hash], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in same_structure {
        if renditions::formats(conn, id)?.contains(&format) {
            return Ok(Some(Match::Same(id)));
        }
        candidates.push((id, 1.0));
    }
    let (ids, threshold): (Vec<u32>, f64) = match &doc.symbol {
        Some(symbol) => {
            let mut st = conn.prepare_cached(
                "SELECT id FROM documents WHERE symbol_key = ?1 AND language = ?2
                    AND trash_id IS NULL ORDER BY id",
            )?;
            let rows = st.query_map(params![symbols::key(symbol), doc.language], |r| r.get(0))?;
            (rows.collect::<rusqlite::Result<_>>()?, SAME_WITH_SYMBOL)
        }
        None => {
            let mut st = conn.prepare_cached(
                "SELECT id FROM documents WHERE symbol IS NULL AND language = ?1 AND kind = ?2
                    AND body IS ?3 AND date_start IS ?4 AND trash_id IS NULL
                 ORDER BY id DESC LIMIT 20",
            )?;
            let rows = st.query_map(
                params![
                    doc.language,
                    doc.kind.as_str(),
                    doc.body,
                    doc.dates.as_ref().map(|d| d.start.clone())
                ],
                |r| r.get(0),
            )?;
            (rows.collect::<rusqlite::Result<_>>()?, SAME_WITHOUT_SYMBOL)
        }
    };
    for id in ids {
        if candidates.iter().any(|(c, _)| *c == id)
            || renditions::formats(conn, id)?.contains(&format)
        {
            continue;
        }
        let stored = documents::load(conn, id)?;
        let shared = shared_content(doc, &stored);
        tracing::debug!(id, shared, "rendition candidate");
        if shared >= threshold {
            candidates.push((id, shared));
        }
    }
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(candidates.first().map(|(id, _)| Match::RenditionOf(*id)))
}

/// Whether a new rendition in `format` should become the text source of a
/// document whose text now comes from `current` (the user's choice, when
/// made, stands).
pub(crate) fn reads_better(format: Format, current: Format, chosen: Option<Format>) -> bool {
    chosen.is_none() && format.text_rank() < current.text_rank()
}

/// Paragraph bookmarks (`para:N` names a block by position) moved onto the
/// same paragraph of the document's new text: the same printed number, else
/// the most similar text.
pub(crate) fn move_paragraph_bookmarks(
    conn: &Connection,
    series: &str,
    old: &Document,
    new: &Document,
) -> Result<()> {
    let mut st = conn
        .prepare("SELECT id, anchor FROM bookmarks WHERE series = ?1 AND target = 'paragraph'")?;
    let marks: Vec<(u32, String)> = st
        .query_map([series], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, anchor) in marks {
        let Some(before) = anchor.parse().ok().and_then(|i| old.text_block(i)) else {
            continue;
        };
        let by_number = before
            .number
            .as_ref()
            .and_then(|n| new.paragraphs.iter().find(|p| p.number.as_ref() == Some(n)));
        let target = by_number.or_else(|| {
            let want = crate::layout::places::fold(&before.text);
            new.text_blocks()
                .into_iter()
                .map(|p| {
                    (
                        p,
                        common_prefix(&want, &crate::layout::places::fold(&p.text)),
                    )
                })
                .filter(|(_, n)| *n >= 16)
                .max_by_key(|(_, n)| *n)
                .map(|(p, _)| p)
        });
        if let Some(p) = target {
            // Another bookmark may already hold that place: keep one.
            conn.execute(
                "UPDATE OR IGNORE bookmarks SET anchor = ?2 WHERE id = ?1",
                params![id, p.index.to_string()],
            )?;
        }
    }
    Ok(())
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn doc(texts: &[&str]) -> Document {
        Document {
            unnumbered: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Paragraph {
                    text: t.to_string(),
                    index: i as u32,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_word_file_and_its_pdf_share_their_content() {
        let word = doc(&[
            "The Working Group on Asset Recovery will hold its eighteenth meeting in Vienna.",
            "In its resolution 10/2, the Conference decided that the Working Group would continue its work.",
        ]);
        // The PDF: lines broken and hyphenated, a footnote marker, spacing lost.
        let pdf = doc(&[
            "The Working Group on Asset Re-\ncovery will hold its eighteenth meeting in Vienna.",
            "In its resolution 10/2,1 the Conference decided that the Working Group would continue its work.",
        ]);
        assert!(
            shared_content(&word, &pdf) > 0.8,
            "{}",
            shared_content(&word, &pdf)
        );
    }

    #[test]
    fn two_sessions_of_one_body_are_not_one_document() {
        let a = doc(&[
            "The Working Group on Asset Recovery will hold its seventeenth meeting in Vienna from 5 to 7 June 2023.",
            "The Working Group will discuss the return of proceeds of crime and beneficial ownership transparency.",
        ]);
        let b = doc(&[
            "The Working Group on Asset Recovery will hold its eighteenth meeting in Vienna from 10 to 12 June 2024.",
            "The Working Group will review the management of frozen, seized and confiscated assets.",
        ]);
        assert!(shared_content(&a, &b) < 0.5, "{}", shared_content(&a, &b));
    }

    #[test]
    fn word_reads_better_than_pdf_unless_the_user_chose() {
        assert!(reads_better(Format::Docx, Format::Pdf, None));
        assert!(!reads_better(Format::Pdf, Format::Docx, None));
        assert!(!reads_better(Format::Docx, Format::Pdf, Some(Format::Pdf)));
        assert!(reads_better(Format::Pdf, Format::Text, None));
    }
}
