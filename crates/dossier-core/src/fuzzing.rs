//! Entry points shared by the fuzz targets (`fuzz/`) and the corpus replay
//! test that runs on every CI run (`tests/fuzz_corpus.rs`).

use std::path::Path;

/// Extracts text from `data` as a file called `name` (its extension picks the
/// front end unless the content says otherwise), then parses it. Errors are
/// fine; panics are not.
pub fn extract_and_parse(name: &str, data: &[u8]) {
    if let Ok(layout) = crate::extract::extract_layout(Path::new(name), data) {
        let doc = crate::parse::parse_layout(&layout);
        std::hint::black_box(doc);
    }
}

/// Parses `data` as text (lossily decoded), as the parser sees any readable file.
pub fn parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = crate::parse::parse_text(&text);
    std::hint::black_box(doc);
}

/// Builds a layout from `data` (pages of blocks with any role, text, table
/// cells, markers, sizes and boxes, NaN and infinities included) and runs
/// what every layout goes through after extraction: the structure parser,
/// the page places of the page view, and the JSON a worker sends.
pub fn layout(data: &[u8]) {
    let layout = layout_from_bytes(data);
    after_extraction(&layout);
}

/// Bytes as the extraction worker's protocol, read by both ends; every
/// layout an answer carries goes on as an extracted one does.
pub fn worker_protocol(data: &[u8]) {
    for layout in crate::extract::worker::read_as_protocol(data) {
        after_extraction(&layout);
    }
}

fn after_extraction(layout: &crate::layout::Layout) {
    let doc = crate::parse::parse_layout(layout);
    let places = crate::layout::places::places(layout, &doc);
    std::hint::black_box((doc, places));
    if let Ok(json) = serde_json::to_vec(layout) {
        let back = serde_json::from_slice::<crate::layout::Layout>(&json);
        std::hint::black_box(back.ok());
    }
}

/// Reads bytes as a little program that builds a layout: each step takes
/// one byte for what to do and some more for its values; text comes from
/// the input itself (lossily decoded), so a corpus of real documents' text
/// with a few control bytes reaches every role.
fn layout_from_bytes(data: &[u8]) -> crate::layout::Layout {
    use crate::layout::{Block, Furniture, Layout, Page, Role};
    let mut input = data;
    let mut byte = || -> Option<u8> {
        let (first, rest) = input.split_first()?;
        input = rest;
        Some(*first)
    };
    let mut layout = Layout {
        format: "pdf",
        ..Layout::default()
    };
    let mut pages: Vec<Page> = vec![Page {
        number: 1,
        ..Page::default()
    }];
    let mut text = Vec::new();
    while let Some(op) = byte() {
        match op {
            // A byte outside the control range is text of the current block.
            0x20.. => text.push(op),
            0x01 => {
                let page = pages.len() as u32 + 1;
                let height = byte().map(|h| f32::from(h) * 4.0);
                pages.push(Page {
                    number: page,
                    blocks: Vec::new(),
                    height,
                });
            }
            0x02..=0x08 => {
                let role = match op {
                    0x02 => Role::Heading,
                    0x03 => Role::Paragraph,
                    0x04 => Role::ListEntry,
                    0x05 => Role::Table,
                    0x06 => Role::Footnote,
                    _ => Role::Furniture,
                };
                let flags = byte().unwrap_or(0);
                let s = String::from_utf8_lossy(&std::mem::take(&mut text)).into_owned();
                let mut block = Block {
                    role,
                    level: flags & 0x07,
                    indent: u16::from(flags >> 3),
                    bold: flags & 0x80 != 0,
                    ..Block::default()
                };
                if role == Role::Table {
                    block.rows = s
                        .split('\n')
                        .map(|row| row.split('\t').map(str::to_string).collect())
                        .collect();
                } else {
                    if role == Role::ListEntry {
                        block.marker = s.split_whitespace().next().map(str::to_string);
                    }
                    if role == Role::Furniture {
                        block.furniture = Some(match flags % 7 {
                            0 => Furniture::RunningHead,
                            1 => Furniture::RunningFoot,
                            2 => Furniture::PageNumber,
                            3 => Furniture::JobNumber,
                            4 => Furniture::Barcode,
                            5 => Furniture::Recycle,
                            _ => Furniture::FootnoteRule,
                        });
                    }
                    block.text = s;
                }
                if let Some(page) = pages.last_mut() {
                    page.blocks.push(block);
                }
            }
            0x09 => text.push(b'\t'),
            0x0a => text.push(b'\n'),
            // A size or a box for the last block; 0x0b and 0x0c pick odd values.
            0x0b..=0x0e => {
                let v = |b: Option<u8>| match (op, b) {
                    (0x0b, Some(b)) => [f32::NAN, f32::INFINITY, -1.0, 0.0][usize::from(b % 4)],
                    (0x0c, Some(b)) => -f32::from(b),
                    (_, Some(b)) => f32::from(b) * 3.0,
                    (_, None) => 0.0,
                };
                let values = [v(byte()), v(byte()), v(byte()), v(byte())];
                if let Some(block) = pages.last_mut().and_then(|p| p.blocks.last_mut()) {
                    if op == 0x0e {
                        block.size = Some(values[0] / 3.0);
                    } else {
                        block.bbox = Some(values);
                    }
                }
            }
            0x0f => layout.format = ["pdf", "docx", "text"][usize::from(byte().unwrap_or(0) % 3)],
            _ => text.push(b' '),
        }
    }
    if !text.is_empty() {
        if let Some(page) = pages.last_mut() {
            page.blocks.push(crate::layout::Block {
                text: String::from_utf8_lossy(&text).into_owned(),
                ..crate::layout::Block::default()
            });
        }
    }
    layout.pages = pages;
    layout
}
