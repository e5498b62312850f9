//! DOCX front end: the paragraphs and tables of `word/document.xml`.
//!
//! Footnotes (`word/footnotes.xml`) are appended after the body, each starting
//! with its number, as they would be printed at the foot of the page.

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
    let mut text = render(&body, Part::Body)?;
    if let Some(notes) = read_part(&mut zip, "word/footnotes.xml")? {
        let notes = render(&notes, Part::Footnotes)?;
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

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Body,
    Footnotes,
}

/// Walks WordprocessingML and writes paragraphs separated by blank lines,
/// table rows as tab-separated cells, and footnote references as `^N`.
fn render(xml: &str, part: Part) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
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
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
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
                    let p = std::mem::take(&mut para);
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

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}
