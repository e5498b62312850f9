//! The layout of a plain-text or Markdown file: what the text says of itself.
//! Hard-wrapped lines are joined into paragraphs (`parse::lines::blocks`),
//! tab-separated rows and Markdown pipe tables become tables, Markdown
//! headings (`#`) headings, numbered and bulleted lines list entries, and a
//! run of lines whose words stand in the same columns (what `pdftotext
//! -layout` makes of a table) a table of those columns.

use super::{Block, Furniture, Layout, Page, Role};
use crate::parse::lines;

/// The layout of a text already decoded (and cleaned).
pub fn from_text(raw: &str) -> Layout {
    let (raw, furniture) = take_page_furniture(raw);
    let mut blocks: Vec<Block> = Vec::new();
    for b in lines::blocks(&raw) {
        if let Some(cells) = b.cells {
            match blocks.last_mut() {
                Some(t) if t.role == Role::Table => t.rows.push(cells),
                _ => blocks.push(Block::table(vec![cells])),
            }
            continue;
        }
        let mut block = if b.bullet {
            Block {
                role: Role::ListEntry,
                marker: Some("•".into()),
                text: format!("• {}", b.text),
                ..Default::default()
            }
        } else if let Some(h) = markdown_heading(&b.text) {
            h
        } else {
            Block::paragraph(b.text).classified()
        };
        block.indent = b.indent.min(u16::MAX as usize) as u16;
        blocks.push(block);
    }
    let mut pages = vec![Page {
        number: 1,
        blocks,
        ..Default::default()
    }];
    for (page, b) in furniture {
        while pages.len() < page as usize {
            pages.push(Page {
                number: pages.len() as u32 + 1,
                blocks: Vec::new(),
                height: None,
            });
        }
        pages[page as usize - 1].blocks.push(b);
    }
    Layout {
        format: "text",
        pages,
        diagnostics: Vec::new(),
    }
}

/// In text laid out by a PDF-to-text tool, pages are separated by form
/// feeds: the lines next to each break that are only the document's symbol,
/// a page number or a job number (with its barcode) are the running heads and
/// feet. They are taken out (the text around them joins up again) and kept as
/// furniture of their page; the first page's job number stays, as it belongs
/// to the masthead.
fn take_page_furniture(raw: &str) -> (String, Vec<(u32, Block)>) {
    if !raw.contains('\u{c}') {
        return (raw.to_string(), Vec::new());
    }
    let pages: Vec<&str> = raw.split('\u{c}').collect();
    let mut out = String::with_capacity(raw.len());
    let mut furniture = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().collect();
        let filled: Vec<usize> = (0..lines.len())
            .filter(|&j| !lines[j].trim().is_empty())
            .collect();
        let mut drop = vec![false; lines.len()];
        // Up to two lines at the head (after a break) and at the foot (before one).
        let head = if i > 0 {
            filled.iter().take(2).copied().collect()
        } else {
            Vec::new()
        };
        let foot: Vec<usize> = if i + 1 < pages.len() {
            filled.iter().rev().take(3).copied().collect()
        } else {
            Vec::new()
        };
        let mut edges: Vec<usize> = head.into_iter().chain(foot).collect();
        edges.sort_unstable();
        edges.dedup();
        for j in edges {
            let t = lines[j].trim();
            let kind = if crate::extract::is_barcode(t) {
                Some(Furniture::Barcode)
            } else if crate::parse::metadata::is_job_line(t) || is_job_with_page(t) {
                (i > 0).then_some(Furniture::JobNumber)
            } else if is_symbol_line(t) {
                Some(Furniture::RunningHead)
            } else if t.chars().count() <= 4 && t.chars().all(crate::parse::numerals::is_digit) {
                Some(Furniture::PageNumber)
            } else {
                None
            };
            if let Some(kind) = kind {
                drop[j] = true;
                furniture.push((i as u32 + 1, Block::furniture(kind, t)));
            }
        }
        for (j, l) in lines.iter().enumerate() {
            if !drop[j] {
                out.push_str(l);
            }
            out.push('\n');
        }
    }
    (out, furniture)
}

/// "ECE/CEP/WG.12/2026/1", "2    A/80/590": a running head.
fn is_symbol_line(t: &str) -> bool {
    let rest: String = t
        .split_whitespace()
        .filter(|w| !w.chars().all(crate::parse::numerals::is_digit))
        .collect::<Vec<_>>()
        .join(" ");
    let found = crate::parse::symbols::find(&rest);
    found.len() == 1 && found[0].symbol.len() + 1 >= rest.len()
}

/// "2        GE.25-19876": a page number beside the job number.
fn is_job_with_page(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() == 2
        && words
            .iter()
            .any(|w| w.chars().all(crate::parse::numerals::is_digit))
        && words.iter().any(|w| {
            let w = w.trim_start_matches(|c: char| c.is_ascii_uppercase() || c == '.');
            w.len() >= 8 && w.chars().filter(|c| *c == '-').count() == 1
        })
}

/// "## Annex" → a level-2 heading "Annex".
fn markdown_heading(line: &str) -> Option<Block> {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = t[hashes..].strip_prefix(' ')?.trim();
    if rest.is_empty() {
        return None;
    }
    Some(Block {
        role: Role::Heading,
        level: hashes as u8,
        text: rest.trim_end_matches('#').trim().to_string(),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_next_to_page_breaks_are_furniture() {
        let text = "The Working Group will have before it the report\n\nGE.25-19876 (E)\n*2519876*\n\u{c}ECE/CEP/WG.12/2026/1\n\nof the secretariat (ECE/CEP/WG.12/2026/3).\n\n2        GE.25-19876\n\u{c}ECE/CEP/WG.12/2026/1\n\nAnnex\n";
        let layout = from_text(text);
        let furniture: Vec<(u32, Option<Furniture>)> = layout
            .blocks()
            .filter(|(_, b)| b.role == Role::Furniture)
            .map(|(p, b)| (p, b.furniture))
            .collect();
        assert_eq!(
            furniture,
            [
                (1, Some(Furniture::Barcode)),
                (2, Some(Furniture::RunningHead)),
                (2, Some(Furniture::JobNumber)),
                (3, Some(Furniture::RunningHead)),
            ]
        );
        let text = layout.text();
        assert!(
            text.contains("GE.25-19876 (E)"),
            "the first page's job number stays"
        );
        assert_eq!(text.matches("ECE/CEP/WG.12/2026/1").count(), 0);
    }
}
