//! What PDF readers forgive, repaired before pdf-extract reads a file, so
//! that a PDF poppler reads is read here too (the `--pdf-read` benchmark
//! counts both on the same files): a page's content split across streams,
//! inline images whose binary data trips lopdf's content parser, references
//! to objects the file does not hold, ToUnicode maps that do not parse, and
//! a cross-reference table that points to the wrong places, and simple
//! fonts whose widths are missing or do not match their character range.
//! pdf-extract panics on the last two; each is what poppler treats as
//! missing (a null object, a font without a Unicode map).

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Object numbers beyond this are not taken from a damaged file (a real
/// document has some thousands; the table written is 20 bytes each).
const MAX_REBUILT_OBJECTS: u64 = 4_000_000;

/// The file with a new cross-reference table appended, found the way
/// poppler reconstructs a damaged one: every `N G obj` in the file at its
/// offset (the last definition of a number wins, as in an incremental
/// update), the catalog found by its `/Type /Catalog`. `None` when no
/// catalog is found among the objects (it may sit in a compressed object
/// stream, which this does not open) or when the file is encrypted (its
/// trailer's `/Encrypt` cannot be told from the damage).
pub(super) fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    use regex::bytes::Regex;
    static OBJ: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"(\d{1,10})[ \t\r\n\x0c]+(\d{1,5})[ \t\r\n\x0c]+obj\b").unwrap()
    });
    static CATALOG: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"/Type[ \t\r\n\x0c]*/Catalog\b").unwrap());
    if bytes.windows(8).any(|w| w == b"/Encrypt") {
        return None;
    }
    let mut offsets: BTreeMap<u64, (usize, u64)> = BTreeMap::new();
    let mut starts = Vec::new();
    for m in OBJ.captures_iter(bytes) {
        let whole = m.get(0)?;
        // The number stands alone: not the tail of a longer token.
        if whole.start() > 0 && !is_space(bytes[whole.start() - 1]) {
            continue;
        }
        let number: u64 = std::str::from_utf8(&m[1]).ok()?.parse().ok()?;
        let generation: u64 = std::str::from_utf8(&m[2]).ok()?.parse().ok()?;
        if number == 0 || number > MAX_REBUILT_OBJECTS || generation > 65_535 {
            continue;
        }
        offsets.insert(number, (whole.start(), generation));
        starts.push((whole.start(), number, generation));
    }
    // The catalog: the last object whose text, up to the next object, says so.
    let mut root = None;
    for (i, (start, number, generation)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(bytes.len(), |next| next.0);
        if offsets.get(number) == Some(&(*start, *generation))
            && CATALOG.is_match(&bytes[*start..end])
        {
            root = Some((*number, *generation));
        }
    }
    let (root, root_generation) = root?;
    let size = offsets.keys().next_back().copied()? + 1;
    let mut out = Vec::with_capacity(bytes.len() + size as usize * 20 + 128);
    out.extend_from_slice(bytes);
    out.push(b'\n');
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f\r\n").as_bytes());
    for number in 1..size {
        let line = match offsets.get(&number) {
            Some((offset, generation)) => format!("{offset:010} {generation:05} n\r\n"),
            None => "0000000000 65535 f\r\n".to_string(),
        };
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {size} /Root {root} {root_generation} R >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    Some(out)
}

/// What a content stream becomes for lopdf's content parser.
pub(super) enum Fix {
    /// It parses as it is.
    AsIs,
    /// Without its inline images, whose binary data tripped the parser.
    Use(Vec<u8>),
    /// Neither parses: emptied, so that the other pages are read.
    Unreadable,
}

impl Fix {
    pub(super) fn for_content(content: &[u8]) -> Fix {
        if Content::decode(content).is_ok() {
            return Fix::AsIs;
        }
        let stripped = strip_inline_images(content);
        if Content::decode(&stripped).is_ok() {
            Fix::Use(stripped)
        } else {
            Fix::Unreadable
        }
    }
}

/// A page's content may be split across several streams between any two
/// tokens (Acrobat Distiller 2 ends one with `Tj` and begins the next with
/// `ET`), and the end of a stream separates tokens. The reader joins a
/// page's streams back to back, so `Tj` and `ET` would become `TjET` and the
/// text before it would be lost: each page's streams are joined here into
/// its first, a line break after each one that does not end inside a
/// string (a string goes on in the next stream, as poppler reads it), and
/// the others are emptied. Streams shared with another page stay as they are.
pub(super) fn join_split_pages(
    doc: &Document,
    pages: &BTreeMap<u32, ObjectId>,
    contents: &mut HashMap<ObjectId, Vec<u8>>,
) {
    let mut uses: HashMap<ObjectId, usize> = HashMap::new();
    let parts_of: Vec<Vec<ObjectId>> = pages
        .values()
        .map(|page| doc.get_page_contents(*page))
        .collect();
    for id in parts_of.iter().flatten() {
        *uses.entry(*id).or_default() += 1;
    }
    for parts in parts_of {
        let alone = parts
            .iter()
            .all(|id| uses.get(id) == Some(&1) && contents.contains_key(id));
        if parts.len() < 2 || !alone {
            continue;
        }
        let mut joined = Vec::new();
        for id in &parts {
            let part = contents.insert(*id, Vec::new()).unwrap_or_default();
            joined.extend_from_slice(&part);
            if !ends_inside_a_string(&part) {
                joined.push(b'\n');
            }
        }
        contents.insert(parts[0], joined);
    }
}

/// Whether `s` ends inside a literal string: its parentheses (those not
/// escaped, outside comments) are not balanced.
fn ends_inside_a_string(s: &[u8]) -> bool {
    let mut open = 0usize;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'\\' if open > 0 => i += 1,
            b'(' => open += 1,
            b')' => open = open.saturating_sub(1),
            b'%' if open == 0 => {
                while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    open > 0
}

/// A reference to an object the file does not hold is, to poppler, the
/// null object; pdf-extract panics on it. In dictionaries the entry is
/// removed (a missing entry and a null one mean the same), in arrays it
/// becomes null; a font a page names but the file lacks becomes Helvetica,
/// as poppler substitutes a font it cannot find. Returns how many were found.
pub(super) fn drop_dangling_references(doc: &mut Document) -> usize {
    let held: HashSet<ObjectId> = doc.objects.keys().copied().collect();
    let mut dropped = 0;
    for object in doc.objects.values_mut() {
        dropped += drop_dangling_in(object, &held, b"", 0);
    }
    for (_, value) in doc.trailer.iter_mut() {
        dropped += drop_dangling_in(value, &held, b"", 0);
    }
    dropped
}

/// `key` is the dictionary entry `o` is the value of (empty otherwise).
fn drop_dangling_in(o: &mut Object, held: &HashSet<ObjectId>, key: &[u8], depth: usize) -> usize {
    // Objects as the file holds them: lopdf parsed them, so their nesting is
    // bounded by its parser; this bound keeps the walk's stack small anyway.
    if depth > 64 {
        return 0;
    }
    match o {
        Object::Array(items) => {
            let mut n = 0;
            for item in items.iter_mut() {
                if matches!(item, Object::Reference(id) if !held.contains(id)) {
                    *item = Object::Null;
                    n += 1;
                } else {
                    n += drop_dangling_in(item, held, b"", depth + 1);
                }
            }
            n
        }
        Object::Dictionary(dict) => drop_dangling_in_dict(dict, held, key == b"Font", depth),
        Object::Stream(stream) => drop_dangling_in_dict(&mut stream.dict, held, false, depth),
        _ => 0,
    }
}

fn drop_dangling_in_dict(
    dict: &mut Dictionary,
    held: &HashSet<ObjectId>,
    fonts: bool,
    depth: usize,
) -> usize {
    let gone: Vec<Vec<u8>> = dict
        .iter()
        .filter(|(_, v)| matches!(v, Object::Reference(id) if !held.contains(id)))
        .map(|(k, _)| k.clone())
        .collect();
    for key in &gone {
        if fonts {
            dict.set(key.clone(), Object::Dictionary(substitute_font()));
        } else {
            dict.remove(key);
        }
    }
    let mut n = gone.len();
    for (key, value) in dict.iter_mut() {
        n += drop_dangling_in(value, held, key, depth + 1);
    }
    n
}

/// A page's text in a font its resources do not name makes pdf-extract
/// panic; poppler draws it in a substitute. The page gets resources of its
/// own, a copy of those it inherited, with Helvetica under each missing name.
pub(super) fn supply_missing_fonts(doc: &mut Document, page: ObjectId, used: &[&[u8]]) {
    let resources = super::pdf::page_resources(doc, page);
    let fonts = resources
        .and_then(|r| r.get(b"Font").ok())
        .and_then(|f| super::pdf::dictionary(doc, f));
    let missing: Vec<&[u8]> = used
        .iter()
        .copied()
        .filter(|name| fonts.is_none_or(|f| !f.has(name)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut resources = resources.cloned().unwrap_or_default();
    let mut fonts = fonts.cloned().unwrap_or_default();
    for name in missing {
        fonts.set(name.to_vec(), Object::Dictionary(substitute_font()));
    }
    resources.set("Font", Object::Dictionary(fonts));
    if let Ok(Object::Dictionary(page)) = doc.get_object_mut(page) {
        page.set("Resources", Object::Dictionary(resources));
    }
}

/// The font drawn in place of one the file lacks.
fn substitute_font() -> Dictionary {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font
}

/// The fonts every PDF reader has metrics for.
const STANDARD_FONTS: [&[u8]; 14] = [
    b"Courier",
    b"Courier-Bold",
    b"Courier-Oblique",
    b"Courier-BoldOblique",
    b"Helvetica",
    b"Helvetica-Bold",
    b"Helvetica-Oblique",
    b"Helvetica-BoldOblique",
    b"Times-Roman",
    b"Times-Bold",
    b"Times-Italic",
    b"Times-BoldItalic",
    b"Symbol",
    b"ZapfDingbats",
];

/// Simple fonts (Type 1, TrueType) as pdf-extract needs them, as poppler
/// reads them: a `/Widths` array longer or shorter than `FirstChar` to
/// `LastChar` (pdf-extract asserts they match) gets the `LastChar` its
/// widths say; widths that are not numbers are 0; a font without widths
/// that is not one of the standard fonts is measured as Helvetica (poppler
/// substitutes it; pdf-extract gave its glyphs no width, so words ran
/// together). Returns how many fonts were repaired.
pub(super) fn repair_simple_fonts(doc: &mut Document) -> usize {
    let fonts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict().is_ok_and(|d| {
                d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font")
                    && matches!(
                        d.get(b"Subtype").and_then(Object::as_name).ok(),
                        Some(b"Type1" | b"MMType1" | b"TrueType")
                    )
            })
        })
        .map(|(id, _)| *id)
        .collect();
    let mut repaired = 0;
    for id in fonts {
        let Ok(font) = doc.get_object(id).and_then(Object::as_dict) else {
            continue;
        };
        let widths = match font.get(b"Widths") {
            Ok(Object::Reference(r)) => doc.get_object(*r).ok().and_then(|o| o.as_array().ok()),
            Ok(o) => o.as_array().ok(),
            Err(_) => None,
        };
        let first = font.get(b"FirstChar").and_then(Object::as_i64).ok();
        let last = font.get(b"LastChar").and_then(Object::as_i64).ok();
        // The entries to set, and whether the widths are beyond use.
        let mut set: Vec<(&'static str, Object)> = Vec::new();
        let mut unusable = false;
        match widths {
            Some(widths) => {
                let numbers: Vec<Object> = widths
                    .iter()
                    .map(|w| match w {
                        Object::Integer(_) | Object::Real(_) => w.clone(),
                        Object::Reference(r) => match doc.get_object(*r) {
                            Ok(n @ (Object::Integer(_) | Object::Real(_))) => n.clone(),
                            _ => Object::Integer(0),
                        },
                        _ => Object::Integer(0),
                    })
                    .collect();
                let first = first.unwrap_or(0);
                let fitting = first + numbers.len() as i64 - 1;
                if numbers.is_empty() || !(0..=255).contains(&first) {
                    unusable = true;
                } else {
                    if numbers.iter().zip(widths.iter()).any(|(a, b)| a != b) {
                        set.push(("Widths", Object::Array(numbers)));
                    }
                    if last != Some(fitting) {
                        set.push(("FirstChar", Object::Integer(first)));
                        set.push(("LastChar", Object::Integer(fitting)));
                    }
                }
            }
            None => {
                let name = font.get(b"BaseFont").and_then(Object::as_name).ok();
                unusable = !name.is_some_and(|n| STANDARD_FONTS.contains(&n));
            }
        }
        if set.is_empty() && !unusable {
            continue;
        }
        if let Ok(Object::Dictionary(font)) = doc.get_object_mut(id) {
            for (key, value) in set {
                font.set(key, value);
            }
            if unusable {
                font.remove(b"Widths");
                font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
            }
            repaired += 1;
        }
    }
    repaired
}

/// ToUnicode maps at most this large are checked (a CJK font's is some
/// hundred kilobytes); a larger one is dropped unread.
const MAX_UNICODE_MAP_BYTES: usize = 16 * 1024 * 1024;

/// A font's ToUnicode map that does not parse makes pdf-extract panic;
/// poppler reads the font without it (by its encoding). Such maps are
/// removed from their fonts. Returns how many.
pub(super) fn drop_broken_unicode_maps(doc: &mut Document) -> usize {
    let fonts: Vec<(ObjectId, ObjectId)> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let dict = o.as_dict().ok()?;
            if dict.get(b"Type").and_then(Object::as_name).ok()? != b"Font" {
                return None;
            }
            let map = dict.get(b"ToUnicode").and_then(Object::as_reference).ok()?;
            Some((*id, map))
        })
        .collect();
    let mut dropped = 0;
    for (font, map) in fonts {
        let readable = match doc.get_object(map).and_then(Object::as_stream) {
            Ok(stream) => unicode_map_parses(stream),
            Err(_) => false,
        };
        if !readable {
            if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(font) {
                dict.remove(b"ToUnicode");
                dropped += 1;
            }
        }
    }
    dropped
}

fn unicode_map_parses(stream: &pdf_extract::Stream) -> bool {
    let content = match super::pdf::inflate(stream, MAX_UNICODE_MAP_BYTES) {
        Ok(Some(content)) => content,
        _ => return false,
    };
    // The parser returns an error where it can; its map builder indexes
    // without checking, so a map is read here once, as pdf-extract will.
    adobe_cmap_parser::parse(&content).is_ok()
        && std::panic::catch_unwind(|| adobe_cmap_parser::get_unicode_map(&content))
            .is_ok_and(|m| m.is_ok())
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// A two-letter operator at `i`, standing alone between white space.
pub(super) fn operator_at(s: &[u8], i: usize, op: &[u8; 2]) -> bool {
    s.get(i..i + 2) == Some(op)
        && (i == 0 || is_space(s[i - 1]))
        && s.get(i + 2).is_none_or(|&b| is_space(b))
}

/// The content stream without its inline images.
fn strip_inline_images(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if operator_at(s, i, b"BI") {
            // The image dictionary runs to "ID"; its data, to an "EI" standing alone.
            let Some(id) = (i + 2..s.len()).find(|&j| operator_at(s, j, b"ID")) else {
                break;
            };
            let mut j = id + 3;
            while j < s.len() && !operator_at(s, j, b"EI") {
                j += 1;
            }
            i = j + 2;
            out.push(b' ');
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::extract;
    use crate::layout::Layout;
    use pdf_extract::{dictionary, Stream};

    /// A one-page PDF in Helvetica whose content is the given streams, in order.
    fn pdf_with_content(parts: &[&[u8]]) -> Vec<u8> {
        pdf_with_font(parts, |_, _| {})
    }

    /// The same, with the font dictionary changed by `font` first.
    fn pdf_with_font(
        parts: &[&[u8]],
        font: impl FnOnce(&mut Document, &mut Dictionary),
    ) -> Vec<u8> {
        let mut doc = Document::with_version("1.2");
        let pages_id = doc.new_object_id();
        let mut font_dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
        };
        font(&mut doc, &mut font_dict);
        let font = doc.add_object(font_dict);
        let contents: Vec<Object> = parts
            .iter()
            .map(|p| {
                doc.add_object(Stream::new(dictionary! {}, p.to_vec()))
                    .into()
            })
            .collect();
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            // F2 names a font the file does not hold.
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font, "F2" => Object::Reference((903, 0)) } },
            "Contents" => contents,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn text_of(layout: &Layout) -> String {
        let lines: Vec<&str> = layout
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .map(|b| b.text.as_str())
            .collect();
        lines.join("\n")
    }

    /// A page's content may be split across streams between any two tokens
    /// (between `Tj` and `ET`, as Acrobat Distiller 2 does) or inside a
    /// string, and poppler reads the page as one stream either way.
    #[test]
    fn a_page_split_across_streams_is_read_as_one_stream() {
        let pdf = pdf_with_content(&[
            b"BT /F1 14 Tf 72 760 Td (Provisional agenda) Tj 0 -20 Td [(Item 1) -250 (Opening of ",
            b"the session)] TJ ET\nBT /F1 12 Tf 72 700 Td (Adoption of the agenda) Tj",
            b"ET",
        ]);
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(text.contains("Provisional agenda"), "{text}");
        assert!(text.contains("Item 1"), "{text}");
        assert!(text.contains("Opening of the session"), "{text}");
        assert!(text.contains("Adoption of the agenda"), "{text}");
    }

    /// Streams that each hold whole operations are read as they were.
    #[test]
    fn streams_of_whole_operations_read_as_before() {
        let pdf = pdf_with_content(&[
            b"BT /F1 12 Tf 72 760 Td (First part) Tj ET",
            b"BT /F1 12 Tf 72 700 Td (Second part) Tj ET",
        ]);
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(
            text.contains("First part") && text.contains("Second part"),
            "{text}"
        );
    }

    /// A font whose descriptor and encoding are objects the file does not
    /// hold (a damaged or cut file): poppler reads the text, pdf-extract
    /// panicked on the missing references.
    #[test]
    fn references_to_missing_objects_read_as_null() {
        let pdf = pdf_with_font(
            &[b"BT /F1 12 Tf 72 760 Td (Annotated agenda) Tj /F2 12 Tf (, 2026) Tj ET"],
            |_, f| {
                f.set("FontDescriptor", Object::Reference((900, 0)));
                f.set("Encoding", Object::Reference((901, 0)));
            },
        );
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(text.contains("Annotated agenda, 2026"), "{text}");
        // /F3 is named nowhere: drawn in the substitute too.
        let pdf = pdf_with_content(&[b"BT /F3 12 Tf 72 760 Td (Programme of work) Tj ET"]);
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(text.contains("Programme of work"), "{text}");
        let mut doc = Document::load_mem(&pdf).unwrap();
        assert!(drop_dangling_references(&mut doc) > 0);
        assert_eq!(drop_dangling_references(&mut doc), 0, "none left");
    }

    /// A ToUnicode map that does not parse: pdf-extract's CMap parser
    /// panicked; the font is read by its encoding, as poppler reads it.
    #[test]
    fn a_unicode_map_that_does_not_parse_is_dropped() {
        let pdf = pdf_with_font(
            &[b"BT /F1 12 Tf 72 760 Td (Organization of work) Tj ET"],
            |doc, f| {
                let map = doc.add_object(Stream::new(
                    dictionary! {},
                    b"/CIDInit /ProcSet findresource begin 1 beginbfchar <01> ".to_vec(),
                ));
                f.set("ToUnicode", map);
            },
        );
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(text.contains("Organization of work"), "{text}");
    }

    /// Offsets in the cross-reference table that point to the wrong
    /// places (a file edited as text, a broken writer): poppler rebuilds the
    /// table from the objects, and so does Dossier.
    #[test]
    fn a_wrong_cross_reference_table_is_rebuilt_from_the_objects() {
        let pdf =
            pdf_with_content(&[b"BT /F1 12 Tf 72 760 Td (Report of the Working Group) Tj ET"]);
        // The table's offset points into the middle of an object.
        let at = pdf.windows(10).rposition(|w| w == b"startxref\n").unwrap() + 10;
        let end = at + pdf[at..].iter().position(|b| *b == b'\n').unwrap();
        let mut damaged = pdf[..at].to_vec();
        damaged.extend_from_slice(b"17");
        damaged.extend_from_slice(&pdf[end..]);
        assert!(
            Document::load_mem(&damaged).is_err(),
            "lopdf refuses it as it is"
        );
        let text = text_of(&extract(&damaged).expect("read"));
        assert!(text.contains("Report of the Working Group"), "{text}");
        // No catalog among the objects: nothing to rebuild.
        assert!(rebuild_xref(b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n").is_none());
        // An encrypted file is never rebuilt.
        assert!(
            rebuild_xref(b"1 0 obj << /Type /Catalog >> endobj trailer << /Encrypt 2 0 R >>")
                .is_none()
        );
    }

    /// Widths that do not match the font's character range made
    /// pdf-extract assert; a font without widths ran its words together.
    #[test]
    fn fonts_with_wrong_or_missing_widths_are_measured() {
        for widths in [
            Object::Array(vec![Object::Integer(278); 3]),
            Object::Array(vec![Object::Null; 95]),
        ] {
            let pdf = pdf_with_font(
                &[b"BT /F1 12 Tf 72 760 Td (Provisional agenda) Tj ET"],
                |_, f| {
                    f.set("BaseFont", Object::Name(b"Arial".to_vec()));
                    f.set("FirstChar", Object::Integer(32));
                    f.set("LastChar", Object::Integer(126));
                    f.set("Widths", widths);
                },
            );
            let text = text_of(&extract(&pdf).expect("read"));
            assert!(text.contains("Provisional"), "{text}");
        }
        let pdf = pdf_with_font(
            &[b"BT /F1 12 Tf 72 760 Td (Provisional agenda) Tj ET"],
            |_, f| {
                f.set("Subtype", Object::Name(b"TrueType".to_vec()));
                f.set("BaseFont", Object::Name(b"NoSuchFont".to_vec()));
            },
        );
        let text = text_of(&extract(&pdf).expect("read"));
        assert!(
            text.contains("Provisional agenda"),
            "the words apart: {text}"
        );
    }

    #[test]
    fn inline_images_are_removed_and_text_kept() {
        let s = b"BT (A) Tj ET\r\nq\r\nBI\r\n/W 2 /H 1 /BPC 1 /CS /G\r\nID \xff\xfeEIx\x00\r\nEI\r\nQ\r\nBT (B) Tj ET";
        let out = strip_inline_images(s);
        assert_eq!(
            String::from_utf8_lossy(&out)
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["BT", "(A)", "Tj", "ET", "q", "Q", "BT", "(B)", "Tj", "ET"]
        );
        assert!(Content::decode(&out).is_ok());
    }

    /// A stream that may hold an inline image is checked before the reader
    /// runs: a page whose inline image's binary data lopdf's content parser
    /// refuses is still read, before and after it.
    #[test]
    fn a_page_whose_inline_image_trips_the_parser_is_read() {
        let content: &[u8] = b"BT /F1 12 Tf 72 760 Td (Before the image) Tj ET\r\nq\r\nBI\r\n/W 2 /H 1 /BPC 1 /CS /G\r\nID \xff\xfeEIx\x00\r\nEI\r\nQ\r\nBT /F1 12 Tf 72 700 Td (After the image) Tj ET";
        assert!(
            Content::decode(content).is_err(),
            "the stream must trip the parser"
        );
        let text = text_of(&extract(&pdf_with_content(&[content])).expect("read"));
        assert!(text.contains("Before the image"), "{text}");
        assert!(text.contains("After the image"), "{text}");
    }

    #[test]
    fn a_string_left_open_goes_on_in_the_next_stream() {
        assert!(ends_inside_a_string(b"BT (Opening of "));
        assert!(!ends_inside_a_string(b"BT (a \\) b) Tj"));
        assert!(ends_inside_a_string(b"(a \\(b (c) "));
        assert!(!ends_inside_a_string(b"(x) Tj % a comment ("));
    }
}
