//! PDF front end, built on `pdf-extract` (pure Rust, on lopdf): CJK text
//! through ToUnicode maps, no system library to install. The glyphs it
//! decodes are laid out into lines and paragraphs by [`super::pdf_layout`].
//! ARCHITECTURE.md records how it compared with the alternatives.

use super::pdf_layout::Collector;
use super::pdf_repair::{self, is_space, join_split_pages, operator_at, Fix};
use crate::layout::Layout;
use crate::reason::{FileKind, Reason};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashMap;

/// What a PDF's content may make the reader do. The reader (lopdf's content
/// parser and pdf-extract's interpreter) recurses into nested arrays and
/// Form XObjects and holds every operation of a stream in memory, so these
/// are checked on the bytes before it sees them. Each is far beyond what a
/// real document needs: a dense page draws some thousands of operations.
///
/// All content streams inflated, together.
const MAX_CONTENT_BYTES: usize = 128 * 1024 * 1024;
/// Operations in one content stream (parsed, each costs some hundred bytes).
const MAX_STREAM_OPERATIONS: u64 = 1_000_000;
/// Operands in one content stream (numbers, names, strings, arrays).
const MAX_STREAM_OPERANDS: u64 = 4_000_000;
/// Operations executed for the whole document, each form counted every
/// time it is drawn.
const MAX_OPERATIONS: u64 = 16_000_000;
/// Arrays and dictionaries inside one another in a content stream.
const MAX_NESTING: usize = 32;
/// Form XObjects drawing Form XObjects.
const MAX_FORM_DEPTH: usize = 12;

pub fn extract(bytes: &[u8]) -> Result<Layout, Reason> {
    // Content streams without inline images nearly always parse as they are,
    // and the reader parses each one anyway: read them so, once (those that
    // may hold an inline image are checked first). Only when the reader fails
    // (lopdf's content parser refused a stream, and the reader panicked on
    // it) is every stream checked, mended or emptied, and the file read again.
    match read(open(bytes)?, Streams::AsTheyAre)? {
        Read::Done(layout) => Ok(layout),
        Read::Failed(_) => match read(open(bytes)?, Streams::Checked)? {
            Read::Done(layout) => Ok(layout),
            Read::Failed(reason) => Err(reason),
        },
    }
}

/// Whether every content stream is checked with lopdf's content parser
/// before the reader runs (and mended or emptied when it does not parse).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Streams {
    AsTheyAre,
    Checked,
}

/// What a reading came to, short of a refusal.
enum Read {
    Done(Layout),
    /// The reader failed; with every stream checked, it may not.
    Failed(Reason),
}

/// The document, repaired where it can be.
fn open(bytes: &[u8]) -> Result<Document, Reason> {
    let damaged = |detail: String| Reason::PdfDamaged { detail };
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        // A damaged cross-reference table: rebuilt from the objects, as
        // poppler does, before giving up; a file cut before its pages is
        // still a damaged one, not a scan.
        Err(e) => pdf_repair::rebuild_xref(bytes)
            .and_then(|rebuilt| Document::load_mem(&rebuilt).ok())
            .filter(|doc| !doc.get_pages().is_empty())
            .inspect(|_| tracing::warn!("the PDF's cross-reference table was rebuilt ({e})"))
            .ok_or_else(|| {
                damaged(format!(
                    "the PDF is damaged or truncated and cannot be opened ({e})"
                ))
            })?,
    };
    if doc.is_encrypted() {
        return Err(Reason::Encrypted);
    }
    let dangling = pdf_repair::drop_dangling_references(&mut doc);
    let maps = pdf_repair::drop_broken_unicode_maps(&mut doc);
    let fonts = pdf_repair::repair_simple_fonts(&mut doc);
    if dangling + maps + fonts > 0 {
        tracing::warn!(
            dangling,
            maps,
            fonts,
            "the PDF was repaired: references to missing objects, unreadable ToUnicode maps, font widths"
        );
    }
    Ok(doc)
}

fn read(mut doc: Document, streams: Streams) -> Result<Read, Reason> {
    let damaged = |detail: String| Reason::PdfDamaged { detail };
    let unreadable = prepare_content(&mut doc, streams).map_err(|detail| Reason::Hostile {
        kind: FileKind::Pdf,
        detail,
    })?;
    if unreadable > 0 {
        tracing::warn!(
            "{unreadable} content stream(s) of the PDF could not be read and were skipped"
        );
    }
    // pdf-extract can panic on malformed content streams; contain it. The
    // document and the collector are dropped with the panic, so no state
    // that a panic may have left half-updated is used again.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut collector = Collector::default();
        let read = pdf_extract::output_doc(&doc, &mut collector);
        (collector, read)
    }));
    match result {
        Ok((collector, _)) if collector.overflowed() => Err(Reason::Hostile {
            kind: FileKind::Pdf,
            detail: format!(
                "the PDF expands to more than {} million characters of text",
                super::pdf_layout::MAX_GLYPHS / 1_000_000
            ),
        }),
        Ok((collector, Ok(()))) if collector.is_empty() => Ok(Read::Done(Layout::default())),
        Ok((collector, Ok(()))) => Ok(Read::Done(collector.into_layout())),
        Ok((_, Err(e))) => Ok(Read::Failed(damaged(format!(
            "the PDF's text could not be read ({e})"
        )))),
        Err(_) => Ok(Read::Failed(damaged(
            "the PDF's text could not be read (malformed content stream)".into(),
        ))),
    }
}

/// Makes every page and form content stream one that lopdf's content parser
/// reads, within the bounds above: each is inflated once, here, up to what
/// is left of [`MAX_CONTENT_BYTES`] (so the reader never inflates one
/// itself); its operations are counted and its nesting measured on the
/// bytes; the Form XObjects each page draws are followed to check that none
/// draws itself, that they nest at most [`MAX_FORM_DEPTH`] deep and that the
/// document executes at most [`MAX_OPERATIONS`]. A PDF beyond a bound is
/// refused with the reason. Image XObjects are emptied (they carry no text,
/// and the reader would read their data as content). Inline images (`BI …
/// ID <binary> EI`, common in PDFs of the 1990s) are removed from a stream
/// whose binary data trips the parser, and a stream that still cannot be
/// parsed is emptied, so that the other pages are read (with
/// [`Streams::Checked`], once the reader failed on the streams as they
/// were); a page's streams are read as one ([`join_split_pages`]). Returns
/// how many streams were emptied.
fn prepare_content(doc: &mut Document, streams: Streams) -> Result<usize, String> {
    let pages = doc.get_pages();
    let mut ids: Vec<ObjectId> = Vec::new();
    for page in pages.values() {
        ids.extend(doc.get_page_contents(*page));
    }
    let mut images = Vec::new();
    for (id, obj) in doc.objects.iter() {
        if let Object::Stream(s) = obj {
            match subtype(&s.dict) {
                Some(b"Form") => ids.push(*id),
                Some(b"Image") => images.push(*id),
                _ => {}
            }
        }
    }
    for id in images {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            stream.set_plain_content(Vec::new());
        }
    }
    ids.sort();
    ids.dedup();
    let mut room = MAX_CONTENT_BYTES;
    let mut scans: HashMap<ObjectId, Scan> = HashMap::new();
    let mut contents: HashMap<ObjectId, Vec<u8>> = HashMap::new();
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            continue;
        };
        let Some(content) = inflate(stream, room)? else {
            continue;
        };
        room -= content.len();
        scans.insert(id, scan_content(&content)?);
        contents.insert(id, content);
    }
    join_split_pages(doc, &pages, &mut contents);
    for page in pages.values() {
        let used: Vec<&[u8]> = doc
            .get_page_contents(*page)
            .iter()
            .filter_map(|id| scans.get(id))
            .flat_map(|scan| scan.fonts.iter().map(Vec::as_slice))
            .collect();
        pdf_repair::supply_missing_fonts(doc, *page, &used);
    }
    let mut emptied = 0;
    for (id, content) in contents {
        // A stream that may hold an inline image is checked at once: their
        // binary data is what trips the parser, in every 1990s PDF.
        let fix = match streams {
            Streams::AsTheyAre if !may_hold_inline_image(&content) => Fix::AsIs,
            _ => Fix::for_content(&content),
        };
        let plain = match fix {
            Fix::AsIs => content,
            Fix::Use(stripped) => stripped,
            Fix::Unreadable => {
                emptied += 1;
                Vec::new()
            }
        };
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            stream.set_plain_content(plain);
        }
    }
    let mut executed = 0;
    for page in pages.values() {
        let resources = page_resources(doc, *page);
        for id in doc.get_page_contents(*page) {
            if let Some(scan) = scans.get(&id) {
                let mut drawing = Vec::new();
                follow_forms(doc, &scans, scan, resources, &mut drawing, &mut executed)?;
            }
        }
    }
    Ok(emptied)
}

/// Whether a content stream may hold an inline image: an `ID` standing
/// alone (one inside a string counts too, and costs only a check).
fn may_hold_inline_image(content: &[u8]) -> bool {
    content
        .windows(4)
        .any(|w| is_space(w[0]) && &w[1..3] == b"ID" && is_space(w[3]))
}

fn subtype(dict: &Dictionary) -> Option<&[u8]> {
    dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok())
}

/// A stream's content, inflated when it is compressed: `Err` when it
/// inflates to more than `room` bytes, `None` when it cannot be decoded (the
/// reader then sees it as it is).
pub(super) fn inflate(stream: &Stream, room: usize) -> Result<Option<Vec<u8>>, String> {
    use std::io::Read;
    let too_large = || {
        format!(
            "the PDF's page content inflates to more than {} MB",
            MAX_CONTENT_BYTES / (1024 * 1024)
        )
    };
    let content = match stream.filters() {
        // No filter: the content as it is.
        Err(_) => stream.content.clone(),
        Ok(filters) if filters == [b"FlateDecode"] && stream.dict.get(b"DecodeParms").is_err() => {
            let mut out = Vec::new();
            let read = flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(room as u64 + 1)
                .read_to_end(&mut out);
            if read.is_err() && out.is_empty() {
                return Ok(None);
            }
            out
        }
        // Other filters (rare in content streams) are lopdf's; the worker
        // process's memory limit bounds them.
        Ok(_) => match stream.decompressed_content() {
            Ok(c) => c,
            Err(_) => return Ok(None),
        },
    };
    if content.len() > room {
        return Err(too_large());
    }
    Ok(Some(content))
}

/// What a content stream does, read from its bytes without parsing them
/// into objects.
#[derive(Debug, Default)]
struct Scan {
    operations: u64,
    operands: u64,
    /// The XObjects it draws (`/Name Do`), in order.
    drawn: Vec<Vec<u8>>,
    /// The fonts it selects (`/Name size Tf`).
    fonts: Vec<Vec<u8>>,
}

/// Counts a content stream's operations, measures how deep its arrays and
/// dictionaries nest, and lists the XObjects it draws; strings, comments
/// and inline image data are skipped. `Err` beyond [`MAX_NESTING`],
/// [`MAX_STREAM_OPERATIONS`] or [`MAX_STREAM_OPERANDS`].
fn scan_content(s: &[u8]) -> Result<Scan, String> {
    let delimiter = |b: u8| b"()<>[]{}/%".contains(&b);
    let mut scan = Scan::default();
    let mut depth = 0usize;
    let mut name: Option<&[u8]> = None;
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if is_space(b) {
            i += 1;
            continue;
        }
        scan.within_bounds()?;
        if !matches!(b, b'%' | b']' | b'>' | b')' | b'{' | b'}') {
            // A string, array, dictionary, name, number or operator: counted
            // as an operand here, and taken back below if it is an operator.
            scan.operands += 1;
        }
        match b {
            b'%' => {
                while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut open = 0usize;
                while i < s.len() {
                    match s[i] {
                        b'\\' => i += 1,
                        b'(' => open += 1,
                        b')' => {
                            open -= 1;
                            if open == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'<' | b'[' if b == b'[' || s.get(i + 1) == Some(&b'<') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(format!(
                        "the PDF's content nests arrays or dictionaries more than {MAX_NESTING} deep"
                    ));
                }
                i += if b == b'[' { 1 } else { 2 };
            }
            b'<' => {
                while i < s.len() && s[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'>' | b']' => {
                depth = depth.saturating_sub(1);
                i += if b == b'>' && s.get(i + 1) == Some(&b'>') {
                    2
                } else {
                    1
                };
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < s.len() && !is_space(s[i]) && !delimiter(s[i]) {
                    i += 1;
                }
                name = Some(&s[start..i]);
            }
            b')' | b'{' | b'}' => i += 1,
            _ => {
                let start = i;
                while i < s.len() && !is_space(s[i]) && !delimiter(s[i]) {
                    i += 1;
                }
                let token = &s[start..i];
                let number = matches!(token[0], b'0'..=b'9' | b'+' | b'-' | b'.');
                if number || matches!(token, b"true" | b"false" | b"null") {
                    continue;
                }
                scan.operands -= 1;
                scan.operations += 1;
                match token {
                    b"Do" => scan.drawn.extend(name.map(<[u8]>::to_vec)),
                    b"Tf" => scan.fonts.extend(name.map(<[u8]>::to_vec)),
                    // Inline image data runs to an "EI" standing alone.
                    b"ID" => {
                        while i < s.len() && !operator_at(s, i, b"EI") {
                            i += 1;
                        }
                        i += 2;
                    }
                    _ => {}
                }
                name = None;
            }
        }
    }
    scan.within_bounds()?;
    Ok(scan)
}

impl Scan {
    fn within_bounds(&self) -> Result<(), String> {
        if self.operations > MAX_STREAM_OPERATIONS || self.operands > MAX_STREAM_OPERANDS {
            return Err(format!(
                "a page of the PDF draws more than {} million operations or {} million operands",
                MAX_STREAM_OPERATIONS / 1_000_000,
                MAX_STREAM_OPERANDS / 1_000_000
            ));
        }
        Ok(())
    }
}

/// Follows the Form XObjects a stream draws, as the reader will: a form
/// uses its own resources, or else those of whatever draws it. `Err` when a
/// form draws itself, forms nest more than [`MAX_FORM_DEPTH`] deep, or the
/// document would execute more than [`MAX_OPERATIONS`].
fn follow_forms(
    doc: &Document,
    scans: &HashMap<ObjectId, Scan>,
    scan: &Scan,
    resources: Option<&Dictionary>,
    drawing: &mut Vec<ObjectId>,
    executed: &mut u64,
) -> Result<(), String> {
    *executed += scan.operations + 1;
    if *executed > MAX_OPERATIONS {
        return Err(format!(
            "the PDF draws more than {} million operations",
            MAX_OPERATIONS / 1_000_000
        ));
    }
    let xobjects = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|o| dictionary(doc, o));
    for name in &scan.drawn {
        let Some(Object::Reference(id)) = xobjects.and_then(|x| x.get(name).ok()) else {
            continue;
        };
        let Some(form) = scans.get(id) else {
            continue;
        };
        if drawing.contains(id) {
            return Err("a Form XObject of the PDF draws itself".into());
        }
        if drawing.len() >= MAX_FORM_DEPTH {
            return Err(format!(
                "the PDF's Form XObjects are nested more than {MAX_FORM_DEPTH} deep"
            ));
        }
        let own = match doc.objects.get(id) {
            Some(Object::Stream(s)) => s
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| dictionary(doc, o)),
            _ => None,
        };
        drawing.push(*id);
        follow_forms(doc, scans, form, own.or(resources), drawing, executed)?;
        drawing.pop();
    }
    Ok(())
}

/// The dictionary an object is or refers to.
pub(super) fn dictionary<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Dictionary> {
    for _ in 0..8 {
        match o {
            Object::Reference(id) => o = doc.objects.get(id)?,
            Object::Dictionary(d) => return Some(d),
            _ => return None,
        }
    }
    None
}

/// A page's resources, inherited from the page tree when it has none.
pub(super) fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = dictionary(doc, doc.objects.get(&page)?)?;
    for _ in 0..64 {
        if let Some(r) = node.get(b"Resources").ok().and_then(|o| dictionary(doc, o)) {
            return Some(r);
        }
        node = dictionary(doc, node.get(b"Parent").ok()?)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_counts_operations_and_finds_what_is_drawn() {
        let s = b"BT /F1 12 Tf (a [ b \\) c) Tj [(x) -3 (y)] TJ ET % [[[ a comment\n/Fm1 Do \
                  BI /W 1 ID [[[[ EI q 1 0 0 1 0 0 cm Q /Im2 Do";
        let scan = scan_content(s).unwrap();
        // BT Tf Tj TJ ET Do BI ID q cm Q Do
        assert_eq!(scan.operations, 12);
        assert_eq!(scan.drawn, [b"Fm1".to_vec(), b"Im2".to_vec()]);
    }

    #[test]
    fn the_scan_refuses_deep_nesting_and_too_many_operations() {
        let deep = format!("{}(x){} TJ", "[".repeat(33), "]".repeat(33));
        let err = scan_content(deep.as_bytes()).unwrap_err();
        assert!(err.contains("more than 32 deep"), "{err}");
        let fine = format!("{}(x){} TJ <<", "[".repeat(31), "]".repeat(31));
        assert!(scan_content(fine.as_bytes()).is_ok());
        // Brackets inside strings are text.
        assert!(scan_content("([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[) Tj".as_bytes()).is_ok());
        let many = b"q\n".repeat(MAX_STREAM_OPERATIONS as usize + 1);
        assert!(scan_content(&many)
            .unwrap_err()
            .contains("1 million operations"));
    }
}
