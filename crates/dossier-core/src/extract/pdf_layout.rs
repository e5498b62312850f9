//! Text from a PDF page by its geometry.
//!
//! `pdf-extract` decodes every glyph (fonts, ToUnicode maps, CJK encodings)
//! and tells us where it is drawn; its own plain-text writer then guesses
//! spaces and line ends from the drawing order alone. This module takes the
//! positioned glyphs instead and rebuilds what a reader sees:
//!
//! - **lines** by baseline, glyphs sorted left to right, a space where there is
//!   a gap, a tab where the gap is a column gap (tables and timetables come out
//!   as tab-separated rows, as from a Word table), `^a` for a raised small
//!   footnote marker;
//! - **running heads and feet** (the symbol, page numbers, the job number
//!   repeated at the top or bottom of every page) dropped, but kept on the
//!   first page, where they are the masthead;
//! - **paragraphs**: a line that reaches the right margin goes on in the next
//!   one (also across a page break), and lines of a centred title are one
//!   title, so a phrase split across two lines is one phrase again.
//!
//! - **right-to-left lines** (Arabic) in logical order: glyphs sorted by
//!   position are in visual order whatever order the content stream drew them
//!   in, so a line with right-to-left letters is reordered by the Unicode
//!   bidi algorithm (see [`logical_order`]), its presentation forms folded to
//!   letters; digits and Latin symbols inside it keep their order, and its
//!   paragraph geometry is mirrored (such a line is full when it reaches the
//!   left margin).
//!
//! The output is one paragraph or table row per line, paragraphs separated by
//! a blank line.

use crate::layout::{Block, Furniture, Layout, Page as LayoutPage, Role};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;

/// More glyphs than any real document has (a dense page has about 4,000;
/// this is 1,000 such pages); a bound on memory for hostile files, which are
/// refused when they reach it.
pub(crate) const MAX_GLYPHS: usize = 4_000_000;

#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    /// Baseline, measured down from the top of the page.
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Debug, Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
}

/// Collects the positioned glyphs of every page.
#[derive(Default)]
pub struct Collector {
    pages: Vec<Page>,
    top: f64,
    total: usize,
    /// Reached [`MAX_GLYPHS`]: reading stopped.
    overflowed: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.pages.push(Page {
            height: (media_box.ury - media_box.lly).abs().max(1.0),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if self.total >= MAX_GLYPHS {
            self.overflowed = true;
            return Err(OutputError::IoError(std::io::Error::other(
                "more text than any meeting document",
            )));
        }
        // The glyph's scale on the page: the square root of the text matrix's
        // determinant, as for a square of the same area.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        if !size.is_finite() || size <= 0.0 || !trm.m31.is_finite() || !trm.m32.is_finite() {
            return Ok(());
        }
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        self.total += 1;
        page.glyphs.push(Glyph {
            x: trm.m31,
            y: self.top - trm.m32,
            end: trm.m31 + width * size,
            size,
            text: fold_presentation_forms(text),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// One physical line of a page.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
    /// Where each column-separated cell starts, and its text.
    cells: Vec<(f64, String)>,
    /// Has a column gap: a table row.
    table: bool,
    /// The first page's job number, moved up to the masthead.
    job: bool,
    /// Mostly right-to-left letters: reordered into logical order, and laid
    /// out from the right margin.
    rtl: bool,
}

impl Collector {
    /// The document's layout: paragraphs, list entries, tables and
    /// furniture, page by page.
    pub fn into_layout(self) -> Layout {
        let mut pages: Vec<Vec<Line>> = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| page_lines(i, p))
            .collect();
        let heights: Vec<f64> = self.pages.iter().map(|p| p.height).collect();
        let furniture = take_running_heads(&mut pages, &heights);
        let pitch = line_pitch(&pages);
        for page in pages.iter_mut() {
            align_tables(page, pitch);
        }
        let mut layout = paragraphs(&pages, furniture);
        for (page, height) in layout.pages.iter_mut().zip(heights) {
            page.height = Some(height as f32);
        }
        layout
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Whether reading stopped at [`MAX_GLYPHS`].
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }
}

use crate::script::is_wide;

fn page_lines(page: usize, p: &Page) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = p.glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baseline clusters: a glyph belongs to the current line while it sits
    // within half a glyph of the line's first baseline (a raised footnote
    // marker sorts first and stays with its line).
    // Measured against the smaller of the two sizes, so a large heading's
    // line does not swallow the small print set just below it.
    let mut clusters: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match clusters.last_mut() {
            Some(c) if (g.y - c[0].y) < 0.65 * g.size.min(c[0].size) => c.push(g),
            _ => clusters.push(vec![g]),
        }
    }
    clusters.into_iter().map(|c| line_of(page, c)).collect()
}

fn line_of(page: usize, mut glyphs: Vec<&Glyph>) -> Line {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // The line's body size and baseline: those of most of its glyphs.
    let mut sizes: HashMap<i64, usize> = HashMap::new();
    for g in &glyphs {
        *sizes.entry((g.size * 10.0).round() as i64).or_default() += 1;
    }
    let size = sizes
        .iter()
        .max_by_key(|(s, n)| (**n, **s))
        .map(|(s, _)| *s as f64 / 10.0)
        .unwrap_or(10.0);
    let base = glyphs
        .iter()
        .filter(|g| (g.size - size).abs() < 0.5)
        .map(|g| g.y)
        .fold(f64::NEG_INFINITY, f64::max);
    let base = if base.is_finite() { base } else { glyphs[0].y };
    let mut text = String::new();
    let mut cells: Vec<(f64, String)> = vec![(glyphs[0].x, String::new())];
    let mut table = false;
    let mut prev: Option<&Glyph> = None;
    let mut in_sup = false;
    for g in &glyphs {
        let sup = g.size < size * 0.8 && base - g.y > size * 0.2;
        if let Some(p) = prev {
            // Overlapping glyphs drawn twice (fake bold) are one glyph.
            if g.text == p.text && (g.x - p.x).abs() < size * 0.05 {
                continue;
            }
            let gap = g.x - p.end;
            let first = g.text.chars().next().unwrap_or(' ');
            let last = p.text.chars().last().unwrap_or(' ');
            let cell = &mut cells.last_mut().expect("a cell").1;
            if gap > size * 1.6 && !super::is_list_marker(cell) {
                cells.push((g.x, String::new()));
                table = true;
            } else if is_wide(first) && is_wide(last) {
                if gap > size * 0.6 {
                    cell.push(' ');
                }
            } else if gap > size * 0.15 && !(sup && !in_sup && gap < size * 0.5) {
                cell.push(' ');
            }
        }
        let cell = &mut cells.last_mut().expect("a cell").1;
        if sup
            && !in_sup
            && g.text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '*')
        {
            cell.push('^');
        }
        in_sup = sup;
        if g.text.chars().count() > 1 && g.text.chars().any(is_rtl_letter) {
            // A ligature glyph ("ﻻ" → "لا") holds its letters in logical
            // order; the line is built in visual order, so they go reversed.
            cell.extend(g.text.chars().rev());
        } else {
            cell.push_str(&g.text);
        }
        prev = Some(g);
    }
    let rtl = is_rtl(cells.iter().map(|(_, c)| c.as_str()));
    if cells.iter().any(|(_, c)| c.chars().any(is_rtl_letter)) {
        for (_, c) in cells.iter_mut() {
            *c = logical_order(c, rtl);
        }
    }
    for (_, c) in &cells {
        if !text.is_empty() {
            text.push('\t');
        }
        text.push_str(c);
    }
    Line {
        page,
        y: base,
        x0: glyphs.first().map(|g| g.x).unwrap_or(0.0),
        x1: glyphs.iter().map(|g| g.end).fold(0.0, f64::max),
        size,
        text,
        cells,
        table,
        job: false,
        rtl,
    }
}

/// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: the contextual
/// shapes and ligatures some PDFs map their glyphs to) folded to the letters
/// they show, by NFKC on those characters only.
fn fold_presentation_forms(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let presentation = |c: char| matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFE);
    if !text.chars().any(presentation) {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if presentation(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// A letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko).
fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE) && c.is_alphabetic()
}

/// Whether a line is right-to-left: it has more right-to-left letters than
/// left-to-right ones (an Arabic line with a symbol in it is; an English
/// line quoting an Arabic name is not).
fn is_rtl<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in texts.flat_map(str::chars) {
        if is_rtl_letter(c) {
            rtl += 1;
        } else if c.is_alphabetic() {
            ltr += 1;
        }
    }
    rtl > 0 && rtl >= ltr
}

/// The logical order of a line given in visual order (left to right as
/// drawn). The bidi algorithm turns logical order into visual order by
/// reversing right-to-left runs and keeping left-to-right ones (digits,
/// Latin symbols) in place; run on the visual line with the line's own
/// direction it undoes that: Arabic words read right to left again, "2025"
/// and "A/HRC/59/60" stay as they are, and the runs come in reading order.
/// Brackets of reversed runs are mirrored back ("(" drawn on the left of a
/// right-to-left run closes it).
fn logical_order(visual: &str, rtl: bool) -> String {
    use unicode_bidi::{BidiInfo, Level};
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(visual, Some(base));
    let mut out = String::with_capacity(visual.len());
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let text = &visual[run.clone()];
            if levels[run.start].is_rtl() {
                out.extend(text.chars().rev().map(mirror));
            } else {
                out.push_str(text);
            }
        }
    }
    out
}

/// The mirror image of a bracket or quotation mark, as the bidi algorithm
/// shows it in a right-to-left run.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

/// Lays out the tables of a page: the cells of consecutive rows are put in
/// columns (a row that starts in the second column gets an empty first
/// cell), and a line that continues a wrapped cell is added to that cell.
fn align_tables(lines: &mut Vec<Line>, pitch: f64) {
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].table {
            i += 1;
            continue;
        }
        // The table: table rows and the continuation lines between them.
        let start = i;
        let mut end = i + 1;
        while end < lines.len() {
            let (prev, l) = (&lines[end - 1], &lines[end]);
            let close = l.page == prev.page && l.y - prev.y < prev.size * pitch * 2.6;
            let rejoins = lines[end..]
                .iter()
                .take(4)
                .take_while(|n| n.page == l.page)
                .any(|n| n.table);
            if close && (l.table || rejoins) {
                end += 1;
            } else {
                break;
            }
        }
        let mut starts: Vec<f64> = Vec::new();
        for l in lines[start..end].iter().filter(|l| l.table) {
            for (x, _) in &l.cells {
                if !starts.iter().any(|s| (s - x).abs() < l.size * 1.2) {
                    starts.push(*x);
                }
            }
        }
        starts.sort_by(f64::total_cmp);
        // A right-to-left table reads its columns from the right: the
        // cells go in reading order ("1-" before its title).
        let rows = lines[start..end].iter().filter(|l| l.table);
        let rtl = rows.clone().filter(|l| l.rtl).count() * 2 > rows.count();
        let columns = starts.len();
        let column = |x: f64, size: f64| {
            let visual = starts
                .iter()
                .rposition(|s| *s <= x + size * 1.2)
                .unwrap_or(0);
            if rtl {
                columns - 1 - visual
            } else {
                visual
            }
        };
        let mut out: Vec<Line> = Vec::new();
        for l in lines.drain(start..end) {
            let mut row = vec![String::new(); starts.len()];
            let mut cells: Vec<&(f64, String)> = l.cells.iter().collect();
            if rtl {
                cells.reverse();
            }
            for (x, text) in cells {
                let c = column(*x, l.size);
                if !row[c].is_empty() {
                    row[c].push(' ');
                }
                row[c].push_str(text);
            }
            // A wrapped cell: close below a row whose cell in that column is
            // long enough to have wrapped ("1(a)" never does; the next row
            // then merely leaves its first column empty).
            let continues_cell = !l.table
                && !starts_entry(&l.text)
                && out.last().is_some_and(|p: &Line| {
                    let c = column(l.x0, l.size);
                    let above = p.text.split('\t').nth(c).unwrap_or("");
                    p.table
                        && l.y - p.y < p.size * pitch * 1.25
                        && c > 0
                        && crate::script::width(above) >= 16
                });
            if continues_cell {
                let p = out.last_mut().expect("a row");
                let c = column(l.x0, l.size);
                let mut cells: Vec<String> = p.text.split('\t').map(str::to_string).collect();
                cells.resize(starts.len().max(cells.len()), String::new());
                if !cells[c].is_empty() {
                    cells[c].push(' ');
                }
                cells[c].push_str(&l.text);
                p.text = cells.join("\t").trim_end_matches('\t').to_string();
                p.y = l.y;
                continue;
            }
            let mut l = l;
            if l.table || column(l.x0, l.size) > 0 {
                l.text = row.join("\t").trim_end_matches('\t').to_string();
                l.table = true;
            }
            out.push(l);
        }
        let n = out.len();
        lines.splice(start..start, out);
        i = start + n;
    }
}

/// Digits folded, so "A/80/590 2/27" and "A/80/590 4/27" are the same head.
fn head_key(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '–', '—']);
    !t.is_empty()
        && t.len() <= 9
        && t.chars().all(|c| c.is_ascii_digit() || c == '/')
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Takes out the lines in the top and bottom margins that repeat on other
/// pages (digits aside) or are page numbers, except on the first page, and
/// returns them as each page's furniture. The first page's job number is
/// moved up to its masthead.
fn take_running_heads(pages: &mut [Vec<Line>], heights: &[f64]) -> Vec<Vec<Block>> {
    let mut furniture: Vec<Vec<Block>> = vec![Vec::new(); pages.len()];
    if pages.is_empty() {
        return furniture;
    }
    // The foot of a Geneva page (A4) stands at 89.7% of its height
    // ("GE.09-17088 | 5" at 755 pt of 842), a New York one (letter) at 94%.
    let in_margin = |l: &Line, h: f64| l.y < h * 0.1 || l.y > h * 0.88;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (lines, &h) in pages.iter().zip(heights) {
        let mut keys: Vec<String> = lines
            .iter()
            .filter(|l| in_margin(l, h))
            .flat_map(|l| {
                let mut k: Vec<String> = l.cells.iter().map(|(_, c)| head_key(c)).collect();
                k.push(head_key(&l.text));
                k
            })
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    // The first page's foot carries the job number: it belongs with the
    // masthead, not in the middle of the text where the page breaks.
    let h = heights[0];
    let (foot, rest): (Vec<Line>, Vec<Line>) =
        std::mem::take(&mut pages[0]).into_iter().partition(|l| {
            l.y > h * 0.88
                && (crate::parse::metadata::is_job_line(&l.text)
                    || crate::parse::metadata::is_bare_job_line(&l.text))
        });
    pages[0] = rest;
    let at = pages[0].iter().take_while(|l| l.y < h * 0.1).count();
    let mut foot = foot;
    for l in foot.iter_mut() {
        l.job = true;
    }
    pages[0].splice(at..at, foot);
    if pages.len() < 2 {
        return furniture;
    }
    for (i, (lines, &h)) in pages.iter_mut().zip(heights).enumerate().skip(1) {
        let repeated = |t: &str| seen.get(&head_key(t)).copied().unwrap_or(0) >= 2;
        let (gone, kept): (Vec<Line>, Vec<Line>) =
            std::mem::take(lines).into_iter().partition(|l| {
                let running = repeated(&l.text)
                    || l.cells
                        .iter()
                        .all(|(_, c)| repeated(c) || is_page_number(c));
                in_margin(l, h) && (running || super::is_barcode(&l.text))
            });
        *lines = kept;
        furniture[i] = gone
            .into_iter()
            .map(|l| {
                let kind = if is_page_number(&l.text) {
                    Furniture::PageNumber
                } else if super::is_barcode(&l.text) {
                    Furniture::Barcode
                } else if crate::parse::metadata::is_job_line(&l.text) {
                    Furniture::JobNumber
                } else if l.y < h * 0.5 {
                    Furniture::RunningHead
                } else {
                    Furniture::RunningFoot
                };
                Block {
                    bbox: Some(bbox(&[&l])),
                    size: Some(l.size as f32),
                    ..Block::furniture(kind, l.text.replace('\t', " "))
                }
            })
            .collect();
    }
    furniture
}

fn bbox(lines: &[&Line]) -> [f32; 4] {
    let x0 = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let x1 = lines.iter().map(|l| l.x1).fold(0.0, f64::max);
    let y0 = lines
        .iter()
        .map(|l| l.y - l.size)
        .fold(f64::INFINITY, f64::min);
    let y1 = lines.iter().map(|l| l.y).fold(0.0, f64::max);
    [x0 as f32, y0 as f32, x1 as f32, y1 as f32]
}

/// "Please recycle", a footnote rule, a barcode: furniture wherever it stands.
fn furniture_kind(l: &Line) -> Option<Furniture> {
    let t = l.text.trim();
    if t.len() >= 5 && t.chars().all(|c| c == '_' || c == '\u{2014}' || c == '-') {
        return Some(Furniture::FootnoteRule);
    }
    if t.eq_ignore_ascii_case("please recycle") || t.eq_ignore_ascii_case("please recycle ♲") {
        return Some(Furniture::Recycle);
    }
    if super::is_barcode(t) {
        return Some(Furniture::Barcode);
    }
    if l.job {
        return Some(Furniture::JobNumber);
    }
    None
}

/// Starts a new entry whatever the geometry says: a number ("1.", "13.1"),
/// a letter in brackets, a bullet, a footnote.
fn starts_entry(s: &str) -> bool {
    let t = s.trim_start();
    let first = t.split([' ', '\t']).next().unwrap_or("");
    let numbered = super::is_paragraph_number(first);
    let marker = super::is_list_marker(first)
        && !(first.len() > 4 && first.chars().next().is_some_and(|c| c.is_ascii_digit()));
    marker || numbered || t.starts_with(['^', '•', '·', '（'])
}

/// The usual distance between the lines of a paragraph, in font sizes: the
/// median over consecutive lines of a page (most lines are inside paragraphs).
fn line_pitch(pages: &[Vec<Line>]) -> f64 {
    let mut ratios: Vec<f64> = pages
        .iter()
        .flat_map(|lines| lines.windows(2))
        .filter(|w| !w[0].table && !w[1].table)
        .map(|w| (w[1].y - w[0].y) / w[0].size)
        .filter(|r| (0.9..2.5).contains(r))
        .collect();
    ratios.sort_by(f64::total_cmp);
    if ratios.is_empty() {
        1.2
    } else {
        percentile(&ratios, 0.5)
    }
}

fn paragraphs(pages: &[Vec<Line>], furniture: Vec<Vec<Block>>) -> Layout {
    let lines: Vec<&Line> = pages.iter().flatten().collect();
    // The text column: where most body lines end and begin.
    let mut rights: Vec<f64> = lines.iter().filter(|l| !l.table).map(|l| l.x1).collect();
    let mut lefts: Vec<f64> = lines.iter().filter(|l| !l.table).map(|l| l.x0).collect();
    let mut sizes: Vec<f64> = lines.iter().filter(|l| !l.table).map(|l| l.size).collect();
    rights.sort_by(f64::total_cmp);
    lefts.sort_by(f64::total_cmp);
    sizes.sort_by(f64::total_cmp);
    let body_size = percentile(&sizes, 0.5);
    let column = Column {
        left: percentile(&lefts, 0.1),
        right: percentile(&rights, 0.9),
        pitch: line_pitch(pages),
        mirrored: false,
    };
    let mut out: Vec<LayoutPage> = (0..pages.len())
        .map(|i| LayoutPage {
            number: i as u32 + 1,
            blocks: Vec::new(),
            height: None,
        })
        .collect();
    // The block being built: its page, its lines, and its text so far.
    struct Open<'a> {
        page: usize,
        lines: Vec<&'a Line>,
        text: String,
        rows: Vec<Vec<String>>,
        indent: u16,
    }
    let mut cur: Option<Open> = None;
    let finish = |o: Open, out: &mut Vec<LayoutPage>| {
        let first = o.lines[0];
        let size = first.size;
        let furniture = if o.lines.len() == 1 {
            furniture_kind(first)
        } else {
            None
        };
        let block = if let Some(kind) = furniture {
            Block::furniture(kind, o.text.trim_end())
        } else if !o.rows.is_empty() {
            Block::table(o.rows)
        } else {
            let mut b = Block::paragraph(o.text.trim_end()).classified();
            if b.role == Role::ListEntry {
                b.indent = o.indent;
            } else if size > body_size * 1.15 && o.text.chars().count() < 200 {
                b.role = Role::Heading;
            } else if size < body_size * 0.9
                && first.y > 0.0
                && (o.text.starts_with('^') || o.text.starts_with(|c: char| c.is_ascii_digit()))
            {
                b.role = Role::Footnote;
            }
            b
        };
        out[o.page].blocks.push(Block {
            bbox: Some(bbox(&o.lines)),
            size: Some(size as f32),
            ..block
        });
    };
    let mut prev: Option<&Line> = None;
    for l in lines {
        if let (Some(p), Some(o)) = (prev, cur.as_mut()) {
            if column.continues(p, l) {
                let last = o.text.chars().last().unwrap_or(' ');
                let first = l.text.chars().next().unwrap_or(' ');
                if !(is_wide(last) || is_wide(first) || last == '/' || last == '-') {
                    o.text.push(' ');
                }
                o.text.push_str(l.text.trim_end());
                o.lines.push(l);
                prev = Some(l);
                continue;
            }
            if p.table && l.table && !o.rows.is_empty() {
                o.rows.push(row_cells(&l.text));
                o.lines.push(l);
                prev = Some(l);
                continue;
            }
        }
        if let Some(o) = cur.take() {
            finish(o, &mut out);
        }
        let indent = if !l.table && l.x0 > column.left + l.size * 0.2 && starts_entry(&l.text) {
            // A list entry keeps its indentation: sub-items sit deeper.
            (((l.x0 - column.left) / l.size * 2.0).round() as u16).min(40)
        } else {
            0
        };
        cur = Some(Open {
            page: l.page,
            lines: vec![l],
            text: if l.table {
                String::new()
            } else {
                l.text.trim_end().to_string()
            },
            rows: if l.table {
                vec![row_cells(&l.text)]
            } else {
                Vec::new()
            },
            indent,
        });
        prev = Some(l);
    }
    if let Some(o) = cur.take() {
        finish(o, &mut out);
    }
    for (page, f) in out.iter_mut().zip(furniture) {
        page.blocks.extend(f);
    }
    Layout {
        format: "pdf",
        pages: out,
        diagnostics: Vec::new(),
    }
}

fn row_cells(text: &str) -> Vec<String> {
    text.split('\t').map(|c| c.trim().to_string()).collect()
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

#[derive(Clone, Copy)]
struct Column {
    left: f64,
    right: f64,
    pitch: f64,
    /// Judging right-to-left lines in the column's mirror image.
    mirrored: bool,
}

impl Column {
    /// Whether `next` goes on the paragraph whose last line is `prev`.
    fn continues(&self, prev: &Line, next: &Line) -> bool {
        if prev.table || next.table || (prev.size - next.size).abs() > prev.size * 0.15 {
            return false;
        }
        // Right-to-left lines are laid out from the right margin: judged in
        // the mirror image of the column.
        if prev.rtl && next.rtl && !self.mirrored {
            let flip = |l: &Line| Line {
                x0: self.left + self.right - l.x1,
                x1: self.left + self.right - l.x0,
                cells: Vec::new(),
                ..l.clone()
            };
            let mirrored = Column {
                mirrored: true,
                ..*self
            };
            return mirrored.continues(&flip(prev), &flip(next));
        }
        // A symbol cut at a slash ("CAC/COSP/IRG/" + "2024/7") goes on; a
        // footnote marker of the older style ("… oral report; 2/") does not.
        let last_word = prev.text.split_whitespace().last().unwrap_or("");
        let footnote_marker = last_word.len() <= 3
            && last_word.ends_with('/')
            && last_word[..last_word.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit());
        if last_word.ends_with('/')
            && !footnote_marker
            && !next.text.starts_with(char::is_whitespace)
            && next.y - prev.y <= prev.size * self.pitch * 1.25
        {
            return true;
        }
        if starts_entry(&next.text) {
            return false;
        }
        let ends_sentence = prev.text.trim_end().ends_with([
            '。', '.', ':', '：', ';', '；', '!', '?', '！', '？', '؟', '؛',
        ]);
        // Reaches the right margin: the line was wrapped.
        let full = prev.x1 >= self.right - prev.size * 2.5;
        if prev.page != next.page {
            // Across a page break: only a line cut mid-sentence goes on.
            let lower = next
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || is_wide(c));
            return full && (!ends_sentence || lower);
        }
        // Paragraph spacing (or a blank line) ends the paragraph.
        if next.y - prev.y > prev.size * self.pitch * 1.25 || next.y <= prev.y {
            return false;
        }
        // A sentence cut short of the margin goes on when the next line
        // plainly continues it (lower case, or the year of a date).
        let goes_on = next
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if !full
            && !ends_sentence
            && goes_on
            && prev.x1 >= self.right - prev.size * 12.0
            && next.x0 <= prev.x0 + prev.size * 0.5
            && next.x0 >= self.left - prev.size
        {
            return true;
        }
        if full {
            // A wrapped line: the next one starts at the paragraph's left edge
            // (or its hanging indent), never further right; after a full stop,
            // an indented line is a new paragraph.
            let indented = next.x0 > prev.x0 + prev.size * 0.5;
            return next.x0 <= prev.x0 + prev.size * 4.0 && !(ends_sentence && indented);
        }
        // Lines of a centred title.
        let centred = |l: &Line| {
            let l_margin = l.x0 - self.left;
            let r_margin = self.right - l.x1;
            l_margin > l.size * 3.0 && (l_margin - r_margin).abs() < l.size * 2.5
        };
        // Lines of a centred title ("Annex" above its title stays apart).
        centred(prev)
            && centred(next)
            && !ends_sentence
            && !crate::parse::lines::is_keyword_heading(&prev.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f64, x1: f64, y: f64, text: &str) -> Line {
        Line {
            page: 0,
            y,
            x0,
            x1,
            size: 12.0,
            text: text.to_string(),
            cells: Vec::new(),
            table: false,
            job: false,
            rtl: is_rtl(std::iter::once(text)),
        }
    }

    #[test]
    fn visual_lines_come_out_logical() {
        // "افتتاح الدورة" as drawn: the last word leftmost, each word's
        // letters left to right.
        let visual: String = "افتتاح الدورة".chars().rev().collect();
        assert_eq!(logical_order(&visual, true), "افتتاح الدورة");
        // Digits and a symbol keep their order; the bracket drawn at the
        // left end of the Arabic run closes it in logical order. (The visual
        // line is python-bidi's rendering of the logical one.)
        let logical = "الوثيقة A/HRC/59/60 (مذكرة من الأمين العام) لعام 2025";
        let visual = "2025 ماعل (ماعلا نيمألا نم ةركذم) A/HRC/59/60 ةقيثولا";
        assert_eq!(logical_order(visual, true), logical);
        // A left-to-right line with an Arabic name: only the name turns.
        let visual = "The delegate of رصم spoke.";
        assert_eq!(logical_order(visual, false), "The delegate of مصر spoke.");
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        assert_eq!(fold_presentation_forms("ﺍﻓﺘﺘﺎﺡ"), "افتتاح");
        assert_eq!(fold_presentation_forms("ﻻ"), "لا");
        assert_eq!(fold_presentation_forms("ﻷ"), "لأ");
        // Nothing else is touched (NFKC would turn "ﬁ" and "²" too).
        assert_eq!(fold_presentation_forms("ﬁle ²"), "ﬁle ²");
    }

    #[test]
    fn right_to_left_paragraphs_wrap_from_the_right_margin() {
        let column = Column {
            left: 72.0,
            right: 523.0,
            pitch: 1.2,
            mirrored: false,
        };
        // A wrapped Arabic line spans the column; the paragraph's last line
        // starts at the right margin and stops short of the left one.
        let full = line(
            73.0,
            523.0,
            100.0,
            "ويرحب المجلس بالتقدم المحرز في تنفيذ خطة التنمية",
        );
        let last = line(300.0, 523.0, 114.4, "المستدامة لعام 2030.");
        let next = line(200.0, 523.0, 128.8, "يوصي الفريق العامل بأن تواصل الدولة");
        assert!(column.continues(&full, &last));
        assert!(
            !column.continues(&last, &next),
            "a short line ends its paragraph"
        );
        // The same geometry in a left-to-right paragraph: a line that stops
        // short of the right margin (x1 = 300) ends its paragraph.
        let en_full = line(
            72.0,
            523.0,
            100.0,
            "The Council welcomes the progress made in the",
        );
        let en_short = line(72.0, 300.0, 114.4, "implementation of the 2030 Agenda.");
        let en_next = line(
            72.0,
            400.0,
            128.8,
            "The Working Group recommends that the State",
        );
        assert!(column.continues(&en_full, &en_short));
        assert!(!column.continues(&en_short, &en_next));
    }

    #[test]
    fn a_symbol_cut_at_a_slash_goes_on_but_an_old_footnote_marker_ends_the_paragraph() {
        let column = Column {
            left: 72.0,
            right: 540.0,
            pitch: 1.2,
            mirrored: false,
        };
        let cut = line(72.0, 300.0, 100.0, "(see CAC/COSP/IRG/");
        assert!(column.continues(&cut, &line(72.0, 200.0, 114.0, "2024/7).")));
        // "… in its oral report; 2/" then "3. Requests …": paragraphs 2 and 3.
        let marker = line(72.0, 200.0, 100.0, "oral report; 2/");
        assert!(!column.continues(
            &marker,
            &line(107.0, 540.0, 128.0, "3. Requests the Secretary-General")
        ));
        assert!(!column.continues(
            &marker,
            &line(72.0, 540.0, 114.0, "Bearing in mind the report")
        ));
    }
}
