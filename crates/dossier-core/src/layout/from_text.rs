//! The layout of a plain-text or Markdown file: what the text says of itself.
//! Hard-wrapped lines are joined into paragraphs (`parse::text::blocks`),
//! tab-separated rows and Markdown pipe tables become tables, Markdown
//! headings (`#`) headings, numbered and bulleted lines list entries, and a
//! run of lines whose words stand in the same columns (what `pdftotext
//! -layout` makes of a table) a table of those columns.

use super::{Block, Layout, Page, Role};
use crate::parse::text;

/// The layout of a text already decoded (and cleaned).
pub fn from_text(raw: &str) -> Layout {
    let mut blocks: Vec<Block> = Vec::new();
    for b in text::blocks(raw) {
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
    Layout {
        format: "text",
        pages: vec![Page { number: 1, blocks }],
    }
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
