//! Word's automatic numbering: the "I.", "A.", "1.", "(a)" that Word draws
//! before a paragraph but that is not in its text. Agenda items and report
//! paragraphs are often numbered this way, so the labels are rebuilt from
//! `word/numbering.xml` (and the numbering that paragraph styles carry in
//! `word/styles.xml`) and written before the paragraph, as printed.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// The largest value a counter takes: Word's own largest start value. A
/// numbering that claims to start higher (4294967295) starts here, and a
/// counter stops here instead of overflowing.
const MAX_COUNTER: u32 = 32767;

/// The longest label written before a paragraph, in characters. Real labels
/// are a few characters ("IV.", "(aa)", "1.2.3."); a level text repeating its
/// number ("%1%1%1%1") with a huge letter count must not become gigabytes.
const MAX_LABEL_CHARS: usize = 32;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// Numbering definitions and the running counters of one document.
#[derive(Debug, Default)]
pub struct Numbering {
    /// numId → (abstractNumId, start overrides by level)
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// Paragraph style → (numId, level) it numbers with, basedOn resolved.
    styles: HashMap<String, (String, u8)>,
    counters: HashMap<String, [u32; 9]>,
}

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be missing).
    pub fn new(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut num: Option<String> = None;
        let mut lvl: Option<u8> = None;
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abs = attr(&e, "abstractNumId"),
                    "num" => num = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(n), Some(v)) = (&num, attr(&e, "val")) {
                            self.nums.insert(n.clone(), (v, HashMap::new()));
                        }
                    }
                    "lvl" | "lvlOverride" => {
                        lvl = attr(&e, "ilvl")
                            .and_then(|v| v.parse().ok())
                            .filter(|l| *l < 9)
                    }
                    "startOverride" => {
                        if let (Some(n), Some(l), Some(v)) =
                            (&num, lvl, attr(&e, "val").and_then(|v| counter_value(&v)))
                        {
                            if let Some(entry) = self.nums.get_mut(n) {
                                entry.1.insert(l, v);
                            }
                        }
                    }
                    name @ ("start" | "numFmt" | "lvlText") => {
                        if let (Some(a), Some(l), None) = (&abs, lvl, &num) {
                            let level = self
                                .abstracts
                                .entry(a.clone())
                                .or_default()
                                .entry(l)
                                .or_default();
                            let v = attr(&e, "val").unwrap_or_default();
                            match name {
                                "start" => level.start = counter_value(&v).unwrap_or(1),
                                "numFmt" => level.format = v,
                                _ => level.text = v,
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "abstractNum" => abs = None,
                    "num" => num = None,
                    "lvl" | "lvlOverride" => lvl = None,
                    _ => {}
                },
                _ => {}
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        let mut style: Option<String> = None;
        let mut based: HashMap<String, String> = HashMap::new();
        let mut own: HashMap<String, (Option<String>, u8)> = HashMap::new();
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" => style = attr(&e, "styleId"),
                    "basedOn" => {
                        if let (Some(s), Some(v)) = (&style, attr(&e, "val")) {
                            based.insert(s.clone(), v);
                        }
                    }
                    "numId" => {
                        if let Some(s) = &style {
                            own.entry(s.clone()).or_insert((None, 0)).0 = attr(&e, "val");
                        }
                    }
                    "ilvl" => {
                        if let Some(s) = &style {
                            own.entry(s.clone()).or_insert((None, 0)).1 =
                                attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => style = None,
                _ => {}
            }
        }
        let names: Vec<String> = based.keys().chain(own.keys()).cloned().collect();
        for name in names {
            let mut s = name.clone();
            for _ in 0..10 {
                if let Some((Some(id), l)) = own.get(&s) {
                    self.styles.insert(name.clone(), (id.clone(), *l));
                    break;
                }
                match based.get(&s) {
                    Some(b) => s = b.clone(),
                    None => break,
                }
            }
        }
    }

    /// The label of the next paragraph numbered with `num_id`/`level` (either
    /// may come from the paragraph's style), advancing the counters; `None`
    /// for no numbering, "•" for a bullet.
    pub fn label(
        &mut self,
        style: Option<&str>,
        num_id: Option<&str>,
        level: Option<u8>,
    ) -> Option<String> {
        let from_style = style.and_then(|s| self.styles.get(s)).cloned();
        let num_id = num_id
            .map(str::to_string)
            .or(from_style.as_ref().map(|s| s.0.clone()))?;
        if num_id == "0" {
            // numId 0 takes the style's numbering away.
            return None;
        }
        let level = level.or(from_style.map(|s| s.1)).unwrap_or(0).min(8);
        let (abs, overrides) = self.nums.get(&num_id)?.clone();
        let levels = self.abstracts.get(&abs)?.clone();
        let def = levels.get(&level)?;
        if def.format == "none" {
            return None;
        }
        if def.format == "bullet" {
            return Some("•".into());
        }
        let counters = self.counters.entry(abs.clone()).or_insert_with(|| {
            let mut c = [0u32; 9];
            for (l, d) in &levels {
                c[*l as usize] = d.start.saturating_sub(1);
            }
            c
        });
        counters[level as usize] = (counters[level as usize] + 1).min(MAX_COUNTER);
        if let Some(&start) = overrides.get(&level) {
            if counters[level as usize] < start {
                counters[level as usize] = start;
            }
        }
        // Deeper levels restart.
        for (l, counter) in counters.iter_mut().enumerate().skip(level as usize + 1) {
            *counter = levels
                .get(&(l as u8))
                .map(|d| d.start.saturating_sub(1))
                .unwrap_or(0);
        }
        let formats: Vec<&str> = (0..=level)
            .map(|l| {
                levels
                    .get(&l)
                    .map(|d| d.format.as_str())
                    .unwrap_or("decimal")
            })
            .collect();
        let out = render_label(&def.text, &counters[..=level as usize], &formats);
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A start value as Word stores it, capped at [`MAX_COUNTER`]; negative
/// or unreadable values are none.
fn counter_value(v: &str) -> Option<u32> {
    let n: u64 = v.trim().parse().ok()?;
    Some(n.min(MAX_COUNTER as u64) as u32)
}

/// A level text ("%1.%2.", "(%3)") with each `%N` of the levels up to this
/// one replaced by its counter in its format, cut at [`MAX_LABEL_CHARS`].
fn render_label(text: &str, counters: &[u32], formats: &[&str]) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.chars().count() >= MAX_LABEL_CHARS {
            break;
        }
        let level = match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(d @ 1..=9)) if (d as usize) <= counters.len() => d as usize - 1,
            _ => {
                out.push(c);
                continue;
            }
        };
        chars.next();
        out.push_str(&format_number(counters[level], formats[level]));
    }
    out.chars().take(MAX_LABEL_CHARS).collect()
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "russianLower" | "russianUpper" | "arabicAbjad" => {
            let script = if format == "arabicAbjad" { "ar" } else { "ru" };
            let l = crate::parse::vocabulary::nth_sub_item_letter(script, n).unwrap_or_default();
            if format == "russianUpper" {
                l.to_uppercase()
            } else {
                l
            }
        }
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        // Word's "Hindi numbers" are the Arabic-Indic digits Arabic documents number with.
        "hindiNumbers" => digits_from(n, '\u{0660}'),
        "decimalFullWidth" | "decimalFullWidth2" => digits_from(n, '\u{FF10}'),
        _ => n.to_string(),
    }
}

/// `n` in decimal with the digits of the script whose zero is `zero`.
fn digits_from(n: u32, zero: char) -> String {
    n.to_string()
        .chars()
        .map(|d| char::from_u32(zero as u32 + (d as u32 - '0' as u32)).unwrap_or(d))
        .collect()
}

/// a…z, then aa, bb… as Word counts.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    let count = ((n - 1) / 26 + 1) as usize;
    c.to_string().repeat(count.min(MAX_LABEL_CHARS))
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="6">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="26"><w:abstractNumId w:val="6"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;
    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:styleId="Agenda"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="AgendaBold"><w:basedOn w:val="Agenda"/></w:style>
    </w:styles>"#;

    #[test]
    fn counts_levels_and_restarts_deeper_ones() {
        let mut n = Numbering::new(Some(NUMBERING), None);
        let mut next = |l: u8| n.label(None, Some("26"), Some(l)).unwrap();
        assert_eq!(next(0), "I.");
        assert_eq!(next(1), "A.");
        assert_eq!(next(2), "(a)");
        assert_eq!(next(2), "(b)");
        assert_eq!(next(1), "B.");
        assert_eq!(next(2), "(a)");
        assert_eq!(next(0), "II.");
        assert_eq!(next(1), "A.");
    }

    #[test]
    fn styles_number_their_paragraphs_and_overrides_set_the_start() {
        let mut n = Numbering::new(Some(NUMBERING), Some(STYLES));
        assert_eq!(
            n.label(Some("AgendaBold"), None, None).as_deref(),
            Some("5.")
        );
        assert_eq!(n.label(Some("Agenda"), None, None).as_deref(), Some("6."));
        assert_eq!(n.label(Some("Normal"), None, None), None);
        assert_eq!(letters(27), "aa");
    }

    /// A 642-byte Word file whose numbering started at 4294967200 with
    /// letters made 2.6 GB of labels; one starting at 4294967295 overflowed.
    #[test]
    fn huge_starts_and_repeated_numbers_make_short_labels() {
        for start in ["4294967200", "4294967295", "99999999999"] {
            let xml = format!(
                r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="1">
                  <w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%1%1%1"/></w:lvl>
                  <w:lvl w:ilvl="1"><w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%2.%2"/></w:lvl>
                </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>
                  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num></w:numbering>"#
            );
            let mut n = Numbering::new(Some(&xml), None);
            for level in [0, 0, 1, 1, 0] {
                let label = n.label(None, Some("1"), Some(level)).unwrap();
                assert!(label.chars().count() <= MAX_LABEL_CHARS, "{start}: {label}");
                assert_eq!(label, "g".repeat(MAX_LABEL_CHARS), "{start}");
            }
        }
        assert_eq!(counter_value("-3"), None);
    }

    #[test]
    fn russian_and_arabic_letters_number_as_word_does() {
        assert_eq!(format_number(1, "russianLower"), "а");
        assert_eq!(format_number(2, "russianLower"), "б");
        assert_eq!(format_number(3, "russianUpper"), "В");
        assert_eq!(format_number(3, "arabicAbjad"), "ج");
        assert_eq!(format_number(12, "hindiNumbers"), "١٢");
        assert_eq!(format_number(7, "decimalFullWidth"), "７");
    }
}
