//! DOCX front end: the paragraphs and tables of `word/document.xml`.
//!
//! The first page's header and footer come first: UN documents print their
//! masthead there (symbol, "Distr.: General", date, "Original: English") and
//! the job number at the foot of the first page. Automatic numbering is
//! written out ([`super::docx_numbering`]). Footnotes (`word/footnotes.xml`)
//! are appended after the body, each starting with its number, as they would
//! be printed at the foot of the page.

use super::docx_numbering::Numbering;
use crate::layout::{Block, Furniture, Layout, Page, Role};
use crate::reason::{FileKind, Reason};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The most uncompressed XML we are willing to inflate (zip-bomb guard).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

pub fn extract(bytes: &[u8]) -> Result<Layout, Reason> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        damaged(format!(
            "the Word document is damaged (not a readable zip archive: {e})"
        ))
    })?;
    let body = read_part(&mut zip, "word/document.xml")?.ok_or_else(|| {
        damaged("the Word document has no word/document.xml part (damaged or not a .docx)".into())
    })?;
    let numbering = read_part(&mut zip, "word/numbering.xml")?;
    let styles = read_part(&mut zip, "word/styles.xml")?;
    let mut numbering = Numbering::new(numbering.as_deref(), styles.as_deref());
    let mut blocks: Vec<Block> = Vec::new();
    let rels = read_part(&mut zip, "word/_rels/document.xml.rels")?.unwrap_or_default();
    // What the first page's footer holds besides the job number (title-page
    // notes) is read after the body, where Word's reading order puts it.
    let mut first_page_notes: Vec<Block> = Vec::new();
    for kind in ["headerReference", "footerReference"] {
        if let Some(target) = first_page_part(&body, &rels, kind) {
            if let Some(xml) = read_part(&mut zip, &target)? {
                let header =
                    render(&xml, Part::Body, &mut Numbering::default()).map_err(damaged)?;
                for block in masthead_blocks(header) {
                    let job = crate::parse::metadata::is_job_line(&block.text);
                    if super::is_barcode(&block.text) {
                        blocks.push(Block::furniture(Furniture::Barcode, block.text));
                    } else if job {
                        blocks.push(Block::furniture(Furniture::JobNumber, block.text));
                    } else if kind == "headerReference" {
                        blocks.push(block);
                    } else {
                        first_page_notes.push(block);
                    }
                }
            }
        }
    }
    blocks.extend(render(&body, Part::Body, &mut numbering).map_err(damaged)?);
    blocks.extend(first_page_notes);
    if let Some(notes) = read_part(&mut zip, "word/footnotes.xml")? {
        blocks.extend(render(&notes, Part::Footnotes, &mut Numbering::default()).map_err(damaged)?);
    }
    Ok(Layout {
        format: "docx",
        pages: vec![Page {
            number: 1,
            blocks,
            ..Default::default()
        }],
        diagnostics: Vec::new(),
    })
}

/// A header's blocks one line each, as the masthead is read: a table row
/// that starts with empty cells (the masthead's right column) loses them, and
/// a row left with one cell is a line of text.
fn masthead_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::new();
    for b in blocks {
        if b.role != Role::Table {
            for line in b.text.lines().filter(|l| !l.trim().is_empty()) {
                out.push(Block {
                    text: line.trim_start_matches('\t').to_string(),
                    ..b.clone()
                });
            }
            continue;
        }
        for row in b.rows {
            let cells: Vec<String> = row.into_iter().skip_while(|c| c.is_empty()).collect();
            let last = cells
                .iter()
                .rposition(|c| !c.is_empty())
                .map(|i| i + 1)
                .unwrap_or(0);
            let cells = cells[..last].to_vec();
            match cells.len() {
                0 => {}
                1 => out.push(Block::paragraph(cells[0].clone())),
                _ => out.push(Block::table(vec![cells])),
            }
        }
    }
    out
}

fn damaged(detail: String) -> Reason {
    Reason::WordDamaged { detail }
}

/// Built to exhaust whatever reads it: a part that inflates beyond reason.
fn hostile(detail: String) -> Reason {
    Reason::Hostile {
        kind: FileKind::Word,
        detail,
    }
}

fn read_part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, Reason> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(damaged(format!(
                "the Word document is damaged ({name}: {e})"
            )))
        }
    };
    if file.size() > MAX_XML_BYTES {
        return Err(hostile(format!(
            "the Word document's {name} inflates to {} MB, more than the {} MB Dossier accepts (possible zip bomb)",
            file.size() / (1024 * 1024),
            MAX_XML_BYTES / (1024 * 1024)
        )));
    }
    let mut out = Vec::new();
    // Never trust the declared size: cap what is actually inflated.
    file.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| damaged(format!("the Word document is damaged ({name}: {e})")))?;
    if out.len() as u64 > MAX_XML_BYTES {
        return Err(hostile(format!(
            "the Word document's {name} inflates past {} MB (possible zip bomb)",
            MAX_XML_BYTES / (1024 * 1024)
        )));
    }
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| damaged(format!("the Word document's {name} is not valid UTF-8 XML")))
}

/// The part (`word/header3.xml`) of the first page's header or footer: the
/// first section's "first" one when it has a distinct first page, else its
/// default one.
fn first_page_part(body: &str, rels: &str, kind: &str) -> Option<String> {
    let mut reader = Reader::from_str(body);
    let mut title_page = false;
    let (mut first, mut default) = (None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref() == kind {
                    let id = attr(&e, "id");
                    match attr(&e, "type").as_deref() {
                        Some("first") => first = first.or(id),
                        Some("default") | None => default = default.or(id),
                        _ => {}
                    }
                } else if name.as_ref() == "titlePg" {
                    title_page = attr(&e, "val").is_none_or(|v| v != "0" && v != "false");
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "sectPr" => break,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let id = if title_page {
        first.or(default)
    } else {
        default
    }?;
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == "Relationship"
                    && attr(&e, "Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attr(&e, "Target")?;
                let target = target.trim_start_matches('/');
                return Some(if target.starts_with("word/") {
                    target.to_string()
                } else {
                    format!("word/{target}")
                });
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Body,
    Footnotes,
}

/// Walks WordprocessingML and writes paragraphs separated by blank lines,
/// table rows as tab-separated cells, and footnote references as `^N`.
fn render(xml: &str, part: Part, numbering: &mut Numbering) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_str(xml);
    // The paragraph's style and numbering, from its properties.
    let mut style: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut num_level: Option<u8> = None;
    // Inside <mc:Fallback>: a copy of content already read in <mc:Choice>.
    let mut fallback = 0usize;
    let mut out: Vec<Block> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut table_depth = 0usize;
    let mut row_cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut footnote_id: Option<String> = None;
    let mut footnote_text = String::new();
    let mut superscript = false;
    // The text of a <w:t> between two tags, in one piece: quick-xml reports
    // each reference (`&amp;`, `&#160;`) as an event of its own between the
    // pieces of text around it.
    let mut text = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("the Word document's XML is damaged: {e}"))?;
        if in_text && fallback == 0 {
            match &event {
                Event::Text(t) => {
                    text.push_str(&t.xml10_content());
                    continue;
                }
                Event::GeneralRef(r) => {
                    text.push_str(&resolve_reference(r)?);
                    continue;
                }
                _ => {}
            }
        }
        if !text.is_empty() {
            if superscript && text.chars().all(|c| c.is_ascii_alphanumeric()) && text.len() <= 2 {
                para.push('^');
            }
            para.push_str(&std::mem::take(&mut text));
        }
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Fallback" => fallback += 1,
            Event::End(e) if e.local_name().as_ref() == "Fallback" => {
                fallback = fallback.saturating_sub(1)
            }
            _ if fallback > 0 => {}
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "p" => {
                        style = None;
                        num_id = None;
                        num_level = None;
                    }
                    "pStyle" => style = attr(&e, "val"),
                    "numId" => num_id = attr(&e, "val"),
                    "ilvl" => num_level = attr(&e, "val").and_then(|v| v.parse().ok()),
                    "t" => in_text = true,
                    "tab" => para.push('\t'),
                    "br" | "cr" => para.push('\n'),
                    "tbl" => table_depth += 1,
                    "tr" => row_cells.clear(),
                    "tc" => cell.clear(),
                    "vertAlign" => {
                        superscript = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == "val"
                                && a.value.as_ref() == "superscript"
                        });
                    }
                    "footnoteReference" => {
                        if let Some(id) = attr(&e, "id") {
                            para.push_str(&format!("^{id}"));
                        }
                    }
                    "footnote" if part == Part::Footnotes => {
                        footnote_id = attr(&e, "id");
                        footnote_text.clear();
                    }
                    "rPr" => superscript = false,
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "r" => superscript = false,
                "p" => {
                    let mut p = tidy_tabs(&std::mem::take(&mut para));
                    if let Some(label) =
                        numbering.label(style.as_deref(), num_id.as_deref(), num_level)
                    {
                        if !p.trim().is_empty() {
                            p = format!("{label} {}", p.trim_start());
                        }
                    }
                    if table_depth > 0 {
                        if !cell.is_empty() && !p.trim().is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(p.trim());
                    } else if footnote_id.is_some() {
                        if !footnote_text.is_empty() {
                            footnote_text.push(' ');
                        }
                        footnote_text.push_str(p.trim());
                    } else if !p.trim().is_empty() {
                        push_paragraph(&mut out, p.trim_end(), style.as_deref());
                    }
                }
                "tc" => row_cells.push(std::mem::take(&mut cell).replace('\t', " ")),
                "tr" => {
                    if table_depth == 1 {
                        rows.push(std::mem::take(&mut row_cells));
                    }
                    row_cells.clear();
                }
                "tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 && !rows.is_empty() {
                        out.push(Block::table(std::mem::take(&mut rows)));
                    }
                }
                "footnote" => {
                    if let Some(id) = footnote_id.take() {
                        // Ids 0 and -1 are separator pseudo-notes.
                        let text = footnote_text.trim().trim_start_matches(['^']);
                        let text = text.strip_prefix(id.as_str()).unwrap_or(text).trim();
                        if id.parse::<i64>().map(|n| n > 0).unwrap_or(false) && !text.is_empty() {
                            out.push(Block {
                                role: Role::Footnote,
                                marker: Some(id.clone()),
                                text: format!("^{id} {text}"),
                                ..Default::default()
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A paragraph of the body: a heading by its style, a list entry by its
/// marker, or a row of a table laid out with tabs.
fn push_paragraph(out: &mut Vec<Block>, text: &str, style: Option<&str>) {
    let tabbed = text.contains('\t')
        && !text.contains('\n')
        && text
            .trim_start_matches('\t')
            .contains(|c: char| !c.is_whitespace());
    if tabbed {
        let row: Vec<String> = text.split('\t').map(|c| c.trim().to_string()).collect();
        match out.last_mut() {
            Some(t) if t.role == Role::Table && t.style.as_deref() == Some("tabs") => {
                t.rows.push(row)
            }
            _ => out.push(Block {
                style: Some("tabs".into()),
                ..Block::table(vec![row])
            }),
        }
        return;
    }
    let indent = text.len() - text.trim_start_matches(' ').len();
    let mut block = Block::paragraph(text).classified();
    block.indent = indent.min(u16::MAX as usize) as u16;
    block.style = style.map(str::to_string);
    if let Some(level) = style.and_then(heading_level) {
        if block.role == Role::Paragraph {
            block.role = Role::Heading;
        }
        block.level = level;
    }
    out.push(block);
}

/// The heading level a Word style names: "Heading2", "Title", and the UN
/// templates' "HCh_G" (chapter), "H1_G", "H23_G", "H4_G", "H56_G".
fn heading_level(style: &str) -> Option<u8> {
    let s = style.trim_end_matches("_G").trim_end_matches('G');
    if s.eq_ignore_ascii_case("title") || s == "HCh" || s == "HMG" {
        return Some(1);
    }
    let digits = s
        .strip_prefix("Heading")
        .or_else(|| s.strip_prefix("heading"))
        .or_else(|| s.strip_prefix('H'))?;
    let d = digits.chars().next()?.to_digit(10)?;
    (digits.chars().all(|c| c.is_ascii_digit()) && d > 0).then_some(d as u8)
}

/// The tab after a list marker that starts a paragraph ("1.\tThe proposed
/// budget", "(a)\tElection of officers") only lays the paragraph out: it
/// becomes a space. Tabs that only indent become spaces. A paragraph that
/// starts with a tab and has more is a row of a tabbed table (an empty first
/// column) and keeps its tabs.
fn tidy_tabs(p: &str) -> String {
    let body = p.trim_start_matches('\t');
    if !body.contains('\t') && body.len() < p.len() {
        // Tabs that only indent: spaces, so the indentation is still seen.
        return format!("{}{body}", "    ".repeat(p.len() - body.len()));
    }
    if let Some((head, rest)) = p.split_once('\t') {
        if !head.is_empty() && super::is_list_marker(head) {
            return format!("{} {}", head.trim(), rest.trim_start_matches('\t'));
        }
    }
    p.to_string()
}

/// The character a reference in text stands for: a character reference or
/// one of XML's five predefined entities (a .docx declares no others).
fn resolve_reference(r: &quick_xml::events::BytesRef) -> Result<String, String> {
    let damaged = |e: &dyn std::fmt::Display| format!("the Word document's XML is damaged: {e}");
    if let Some(c) = r.resolve_char_ref().map_err(|e| damaged(&e))? {
        return Ok(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(r)
        .map(str::to_string)
        .ok_or_else(|| damaged(&format_args!("unknown entity &{};", &**r)))
}

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn render_body(body: &str) -> Result<Vec<String>, String> {
        let xml = format!(r#"<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#);
        let blocks = render(&xml, Part::Body, &mut Numbering::default())?;
        Ok(blocks.into_iter().map(|b| b.text).collect())
    }

    #[test]
    fn references_in_text_are_resolved_where_they_stand() {
        let text =
            "<w:p><w:r><w:t>A &amp; B &lt;C&gt; &#8212; &#x2013; &quot;d&apos;</w:t></w:r></w:p>";
        assert_eq!(render_body(text).unwrap(), ["A & B <C> — – \"d'"]);
    }

    #[test]
    fn a_superscript_run_is_read_whole_across_a_reference() {
        // "1" + "&#97;" is the two-character mark "1a", not "1" then "a".
        let sup = r#"<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>"#;
        let p = format!("<w:p><w:r><w:t>Note</w:t></w:r><w:r>{sup}<w:t>1&#97;</w:t></w:r></w:p>");
        assert_eq!(render_body(&p).unwrap(), ["Note^1a"]);
        let p = format!("<w:p><w:r><w:t>Note</w:t></w:r><w:r>{sup}<w:t>1&amp;</w:t></w:r></w:p>");
        assert_eq!(render_body(&p).unwrap(), ["Note1&"]);
    }

    #[test]
    fn an_undeclared_entity_is_damage() {
        let err = render_body("<w:p><w:r><w:t>A &nbsp; B</w:t></w:r></w:p>").unwrap_err();
        assert!(err.contains("damaged") && err.contains("&nbsp;"), "{err}");
    }
}
