//! DOCX front end: the paragraphs and tables of `word/document.xml`.
//!
//! The first page's header and footer come first: UN documents print their
//! masthead there (symbol, "Distr.: General", date, "Original: English") and
//! the job number at the foot of the first page. Automatic numbering is
//! written out ([`super::docx_numbering`]). Footnotes (`word/footnotes.xml`)
//! are appended after the body, each starting with its number, as they would
//! be printed at the foot of the page.

use super::docx_numbering::Numbering;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The most uncompressed XML we are willing to inflate (zip-bomb guard).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("the Word document is damaged (not a readable zip archive: {e})"))?;
    let body = read_part(&mut zip, "word/document.xml")?
        .ok_or("the Word document has no word/document.xml part (damaged or not a .docx)")?;
    let numbering = read_part(&mut zip, "word/numbering.xml")?;
    let styles = read_part(&mut zip, "word/styles.xml")?;
    let mut numbering = Numbering::new(numbering.as_deref(), styles.as_deref());
    let mut text = String::new();
    // The first page's header and footer: the masthead and the job number
    // go first; the rest of the footer (the title page's footnotes) after the body.
    let rels = read_part(&mut zip, "word/_rels/document.xml.rels")?.unwrap_or_default();
    let mut first_page_notes = String::new();
    for kind in [b"headerReference".as_slice(), b"footerReference"] {
        if let Some(target) = first_page_part(&body, &rels, kind) {
            if let Some(xml) = read_part(&mut zip, &target)? {
                let part = render(&xml, Part::Body, &mut Numbering::default())?;
                for line in part.lines().filter(|l| !super::is_barcode(l)) {
                    let job = crate::parse::metadata::is_job_line(line);
                    let target = if kind == b"headerReference" || job {
                        &mut text
                    } else {
                        &mut first_page_notes
                    };
                    target.push_str(line.trim_start_matches('\t'));
                    target.push('\n');
                }
                text.push('\n');
            }
        }
    }
    text.push_str(&render(&body, Part::Body, &mut numbering)?);
    if !first_page_notes.trim().is_empty() {
        text.push('\n');
        text.push_str(&first_page_notes);
    }
    if let Some(notes) = read_part(&mut zip, "word/footnotes.xml")? {
        let notes = render(&notes, Part::Footnotes, &mut Numbering::default())?;
        if !notes.trim().is_empty() {
            text.push_str("\n\n");
            text.push_str(&notes);
        }
    }
    Ok(text)
}

fn read_part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("the Word document is damaged ({name}: {e})")),
    };
    if file.size() > MAX_XML_BYTES {
        return Err(format!(
            "the Word document's {name} inflates to {} MB, more than the {} MB Dossier accepts (possible zip bomb)",
            file.size() / (1024 * 1024),
            MAX_XML_BYTES / (1024 * 1024)
        ));
    }
    let mut out = Vec::new();
    // Never trust the declared size: cap what is actually inflated.
    file.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("the Word document is damaged ({name}: {e})"))?;
    if out.len() as u64 > MAX_XML_BYTES {
        return Err(format!(
            "the Word document's {name} inflates past {} MB (possible zip bomb)",
            MAX_XML_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| format!("the Word document's {name} is not valid UTF-8 XML"))
}

/// The part (`word/header3.xml`) of the first page's header or footer: the
/// first section's "first" one when it has a distinct first page, else its
/// default one.
fn first_page_part(body: &str, rels: &str, kind: &[u8]) -> Option<String> {
    let mut reader = Reader::from_str(body);
    let mut title_page = false;
    let (mut first, mut default) = (None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref() == kind {
                    let id = attr(&e, b"id");
                    match attr(&e, b"type").as_deref() {
                        Some("first") => first = first.or(id),
                        Some("default") | None => default = default.or(id),
                        _ => {}
                    }
                } else if name.as_ref() == b"titlePg" {
                    title_page = attr(&e, b"val").is_none_or(|v| v != "0" && v != "false");
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"sectPr" => break,
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
                if e.local_name().as_ref() == b"Relationship"
                    && attr(&e, b"Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attr(&e, b"Target")?;
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
fn render(xml: &str, part: Part, numbering: &mut Numbering) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    // The paragraph's style and numbering, from its properties.
    let mut style: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut num_level: Option<u8> = None;
    // Inside <mc:Fallback>: a copy of content already read in <mc:Choice>.
    let mut fallback = 0usize;
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut table_depth = 0usize;
    let mut row_cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut footnote_id: Option<String> = None;
    let mut footnote_text = String::new();
    let mut superscript = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("the Word document's XML is damaged: {e}"))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"Fallback" => fallback += 1,
            Event::End(e) if e.local_name().as_ref() == b"Fallback" => {
                fallback = fallback.saturating_sub(1)
            }
            _ if fallback > 0 => {}
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"p" => {
                        style = None;
                        num_id = None;
                        num_level = None;
                    }
                    b"pStyle" => style = attr(&e, b"val"),
                    b"numId" => num_id = attr(&e, b"val"),
                    b"ilvl" => num_level = attr(&e, b"val").and_then(|v| v.parse().ok()),
                    b"t" => in_text = true,
                    b"tab" => para.push('\t'),
                    b"br" | b"cr" => para.push('\n'),
                    b"tbl" => table_depth += 1,
                    b"tr" => row_cells.clear(),
                    b"tc" => cell.clear(),
                    b"vertAlign" => {
                        superscript = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == b"val"
                                && a.value.as_ref() == b"superscript"
                        });
                    }
                    b"footnoteReference" => {
                        if let Some(id) = attr(&e, b"id") {
                            para.push_str(&format!("^{id}"));
                        }
                    }
                    b"footnote" if part == Part::Footnotes => {
                        footnote_id = attr(&e, b"id");
                        footnote_text.clear();
                    }
                    b"rPr" => superscript = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("the Word document's XML is damaged: {e}"))?;
                if superscript && s.chars().all(|c| c.is_ascii_alphanumeric()) && s.len() <= 2 {
                    para.push('^');
                }
                para.push_str(&s);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"r" => superscript = false,
                b"p" => {
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
                    } else {
                        out.push_str(p.trim_end());
                        out.push_str("\n\n");
                    }
                }
                b"tc" => row_cells.push(std::mem::take(&mut cell).replace('\t', " ")),
                b"tr" => {
                    out.push_str(&row_cells.join("\t"));
                    out.push('\n');
                    row_cells.clear();
                }
                b"tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    out.push('\n');
                }
                b"footnote" => {
                    if let Some(id) = footnote_id.take() {
                        // Ids 0 and -1 are separator pseudo-notes.
                        let text = footnote_text.trim().trim_start_matches(['^']);
                        let text = text.strip_prefix(id.as_str()).unwrap_or(text).trim();
                        if id.parse::<i64>().map(|n| n > 0).unwrap_or(false) && !text.is_empty() {
                            out.push_str(&format!("^{id} {text}\n\n"));
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

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}
