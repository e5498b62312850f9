//! The structure parser: text in, [`Document`] out. Parsing never fails; what
//! it cannot place becomes a diagnostic.

pub mod agenda;
pub mod agenda_list;
pub mod clean;
pub mod dates;
pub mod language;
pub mod lines;
pub mod meeting_dates;
pub mod metadata;
pub mod numerals;
pub mod report;
pub mod symbols;
pub mod timetable;
pub mod vocabulary;

use crate::layout::{self, Furniture, Layout, Role};
use crate::model::{Document, DocumentKind, Reference};

/// Parses the text of a meeting document (a .txt file's content).
pub fn parse_text(raw: &str) -> Document {
    let zh = language::detect_language(raw) == "zh";
    parse_layout(&layout::from_text(&clean::clean(raw, zh)))
}

/// Parses a document from its layout, whatever format it came from.
pub fn parse_layout(layout: &Layout) -> Document {
    let language = language::detect_language(&layout.text());
    let zh = language == "zh";
    let blocks = parse_blocks(layout, zh);
    let mut doc = Document {
        language,
        ..Default::default()
    };
    let masthead = metadata::read(&blocks, &mut doc);
    let body_start = masthead.title_index.map(|i| i + 1).unwrap_or(0);
    if doc.kind == DocumentKind::Report {
        metadata::reported_meeting(&blocks, body_start, &mut doc);
    }
    // Any document with an annotated agenda list is an agenda, title or not.
    if doc.kind == DocumentKind::Other && has_agenda_shape(&blocks) {
        doc.kind = DocumentKind::Agenda;
    }
    match doc.kind {
        DocumentKind::Agenda => {
            let annex = blocks[body_start..]
                .iter()
                .position(|b| agenda::is_annex_heading(&b.text))
                .map(|p| p + body_start)
                .unwrap_or(blocks.len());
            agenda::read(&blocks, body_start, annex, &mut doc);
        }
        DocumentKind::Report | DocumentKind::Other => {
            report::read(&blocks, body_start, &mut doc);
            // An agenda the document announces ("adopted the following
            // agenda:", an annex headed "Agenda"), found by its shape.
            let announced = agenda_list::runs(&blocks, body_start, blocks.len())
                .into_iter()
                .filter(|r| r.is_compact() && agenda_list::announced(&blocks, r.first))
                .max_by_key(|r| r.items.len());
            if let Some(run) = announced {
                let count = |items: &[crate::model::AgendaItem]| {
                    items.iter().map(|i| 1 + i.children.len()).sum::<usize>()
                };
                if count(&run.items) >= count(&doc.agenda) {
                    doc.agenda = run.items;
                    // The sections name the items of this agenda.
                    for s in doc.sections.iter_mut() {
                        s.items.clear();
                    }
                    report::link_sections_to_items(&mut doc);
                }
            }
        }
    }
    // A timetable, found by its shape in a document of any kind.
    timetable::read(&blocks, body_start, &mut doc);
    if doc.dates.is_none() {
        // No meeting dates printed: the meeting runs when its timetable says.
        doc.dates = timetable_span(&doc.schedule);
    }
    let joined: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    doc.references = all_references(&doc, &joined);
    doc.suggested_symbol = metadata::suggest_symbol(&doc);
    check_agenda(&mut doc);
    if doc.kind == DocumentKind::Agenda && doc.agenda.is_empty() {
        doc.diagnostics.push("no agenda items found".to_string());
    }
    doc
}

/// The first and last day of a timetable whose days carry full dates.
fn timetable_span(schedule: &[crate::model::ScheduleSlot]) -> Option<crate::model::DateRange> {
    let days: Vec<&str> = schedule
        .iter()
        .filter_map(|s| s.date.as_deref())
        .filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-')
        .collect();
    Some(crate::model::DateRange {
        start: days.iter().min()?.to_string(),
        end: days.iter().max()?.to_string(),
    })
}

/// The blocks the structure parser walks: one per paragraph, list entry,
/// footnote and line of a multi-line block, one per table row (with its
/// cells). Furniture is left out, except the first page's job number, which
/// belongs to the masthead.
fn parse_blocks(layout: &Layout, zh: bool) -> Vec<lines::Block> {
    let mut out = Vec::new();
    // Consecutive text blocks of a PDF, joined as text (see below).
    let mut run = String::new();
    // The full line width, measured over all of the document's text blocks,
    // so that a run cut short (see `closed`) is read at the same width.
    let width = if layout.format == "pdf" && zh {
        let all: String = layout
            .blocks()
            .filter(|(_, b)| !matches!(b.role, Role::Table | Role::Furniture))
            .map(|(_, b)| format!("{}\n\n", b.text))
            .collect();
        lines::text_width(&clean::clean(&all, zh))
    } else {
        None
    };
    let flush = |run: &mut String, out: &mut Vec<lines::Block>| {
        if !run.is_empty() {
            out.extend(lines::blocks_at_width(&clean::clean(run, zh), width));
            run.clear();
        }
    };
    let short_of = short_line_edge(layout);
    // The PDF table last read on this page: a line of one cell below it is
    // a row of it (see `wrapped_row`).
    let mut table: Option<TableSpan> = None;
    let blocks: Vec<(u32, &layout::Block)> = layout.blocks().collect();
    for (at, &(page, b)) in blocks.iter().enumerate() {
        if b.role == Role::Furniture {
            // Page furniture between rows does not end a table.
        } else if let Some(cells) =
            table
                .as_mut()
                .and_then(|t| t.wrapped_row(page, b))
                .or_else(|| {
                    // A line just above the next table: a label between its
                    // parts, or a heading over some of its columns.
                    let next = (layout.format == "pdf")
                        .then(|| next_table(&blocks[at + 1..], page))
                        .flatten()?;
                    let between = table.as_ref().and_then(|t| t.label_between(&next, page, b));
                    between.or_else(|| next.header_above(page, b))
                })
        {
            flush(&mut run, &mut out);
            push_row(
                &mut out,
                cells.iter().map(|c| clean::clean(c, zh)).collect(),
                true,
            );
            continue;
        } else {
            table = (layout.format == "pdf" && b.role == Role::Table)
                .then(|| TableSpan::of(page, b))
                .flatten();
        }
        // Text blocks of a Chinese PDF: lines the page geometry could not
        // join (justified CJK text that stops short of the margin) are joined
        // by the text's own shape, within a run of such blocks.
        let joined_as_text =
            layout.format == "pdf" && zh && !matches!(b.role, Role::Table | Role::Furniture);
        if !joined_as_text {
            flush(&mut run, &mut out);
        }
        // A line that ends far short of the margin (a heading, a list entry)
        // was not cut: nothing after it joins it.
        let closed = b
            .bbox
            .is_some_and(|r| short_of.is_some_and(|edge| r[2] < edge));
        match b.role {
            Role::Furniture => {
                // The job number, for the masthead to read; one without its
                // language letter says nothing the masthead needs.
                if page == 1
                    && b.furniture == Some(Furniture::JobNumber)
                    && !metadata::is_bare_job_line(&b.text)
                {
                    out.push(plain(clean::clean(b.text.trim(), zh), 0, false));
                }
            }
            Role::Table => {
                // Word paragraphs laid out with tabs ("13.1<tab>The …") are
                // a table in the layout, not a table of the document: their
                // leading tabs are indentation, and a row of one filled cell
                // is a line of text.
                let tabs = b.style.as_deref() == Some("tabs");
                // A table of one column is a frame drawn round text (the
                // summary box of a Word report), not a table: its lines are
                // paragraphs.
                let frame = b
                    .rows
                    .iter()
                    .all(|r| r.iter().filter(|c| !c.trim().is_empty()).count() <= 1);
                for row in &b.rows {
                    let cells = row.iter().map(|c| clean::clean(c, zh));
                    let cells: Vec<String> = if tabs {
                        cells.skip_while(|c| c.is_empty()).collect()
                    } else {
                        cells.collect()
                    };
                    push_row(&mut out, cells, !tabs && !frame);
                }
            }
            _ if layout.format == "text" => {
                // Already cleaned and joined by the text front end.
                let bullet = b.marker.as_deref() == Some("•");
                let t = if bullet {
                    lines::strip_bullet(&b.text).unwrap_or(&b.text)
                } else {
                    &b.text
                };
                out.push(plain(t.to_string(), b.indent as usize, bullet));
            }
            _ if joined_as_text => {
                if b.role == Role::ListEntry {
                    run.push_str(&" ".repeat(b.indent as usize));
                }
                run.push_str(&b.text);
                run.push_str("\n\n");
                if closed {
                    flush(&mut run, &mut out);
                }
            }
            _ => push_lines(&mut out, &clean::clean(&b.text, zh), b.indent as usize),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Where a table of a PDF stands on its page, to take in the lines below it
/// that hold one cell: a PDF line is a table row when it has a column gap,
/// so a cell that wraps ("Office of the United Nations High Commissioner
/// for" / "Refugees") or a row with one name in the second column leaves
/// a line of its own between the rows.
struct TableSpan {
    page: u32,
    top: f32,
    left: f32,
    right: f32,
    bottom: f32,
    columns: usize,
}

impl TableSpan {
    fn of(page: u32, b: &layout::Block) -> Option<TableSpan> {
        // The masthead's rows ("United Nations | A/CN.10/2025/INF/1") are
        // followed by the body's name and the session, not by more rows: no
        // table in the first page's top quarter (points from the top).
        let [left, top, right, bottom] = b.bbox?;
        if page == 1 && top < 210.0 {
            return None;
        }
        Some(TableSpan {
            page,
            top,
            left,
            right,
            bottom,
            columns: b.rows.iter().map(Vec::len).max().unwrap_or(1).max(1),
        })
    }

    /// `b` as a header row of this table, when it is one line just above
    /// it that starts past its first third (a heading over some of its
    /// columns: "Variance" over "Amount | Percentage"), within its width:
    /// its text in the last column. A line above a table that starts at its
    /// left edge is its caption or a heading of the text, and stays so.
    fn header_above(&self, page: u32, b: &layout::Block) -> Option<Vec<String>> {
        let [x0, y0, x1, y1] = b.bbox?;
        let size = b.size.unwrap_or(10.0).max(1.0);
        let one_line = y1 - y0 <= size * 2.4 && !b.text.contains('\n');
        let above = y1 <= self.top + size * 0.5 && self.top - y1 <= size * 2.6;
        let within = x0 >= self.left - 2.0 && x1 <= self.right + size * 2.0;
        let spanning = x0 - self.left > (self.right - self.left) / 3.0;
        if page != self.page
            || b.role != Role::Paragraph
            || !one_line
            || !above
            || !within
            || !spanning
            || self.columns < 2
        {
            return None;
        }
        let mut cells = vec![String::new(); self.columns - 1];
        cells.push(b.text.trim().to_string());
        Some(cells)
    }

    /// `b` as a row, when it is one line standing between this table and
    /// the `next` one, close to both, within their width: a label of the
    /// rows below it ("Civilian personnel" over "International staff | …"),
    /// which the page sets a little left of the rows it labels.
    fn label_between(&self, next: &TableSpan, page: u32, b: &layout::Block) -> Option<Vec<String>> {
        let [x0, y0, x1, y1] = b.bbox?;
        let size = b.size.unwrap_or(10.0).max(1.0);
        let one_line = y1 - y0 <= size * 1.6 && !b.text.contains('\n');
        let after = y0 >= self.bottom - size * 0.5 && y0 - self.bottom <= size * 2.6;
        let before = y1 <= next.top + size * 0.5 && next.top - y1 <= size * 2.6;
        let left = self.left.min(next.left);
        let right = self.right.max(next.right);
        // The label may stand out to the left of indented rows.
        let within = x0 >= left - size * 3.0 && x1 <= right + size * 2.0;
        if page != self.page
            || next.page != page
            || b.role != Role::Paragraph
            || !one_line
            || !after
            || !before
            || !within
        {
            return None;
        }
        Some(vec![b.text.trim().to_string()])
    }

    /// `b` as a row of this table, when it is one line of text just below
    /// it, within its width: its text in the first column, or in the last
    /// when it starts past the first third. The table then reaches down to it.
    fn wrapped_row(&mut self, page: u32, b: &layout::Block) -> Option<Vec<String>> {
        let [x0, y0, x1, y1] = b.bbox?;
        let size = b.size.unwrap_or(10.0).max(1.0);
        let one_line = y1 - y0 <= size * 1.6 && !b.text.contains('\n');
        let below = y0 >= self.bottom - size * 0.5 && y0 - self.bottom <= size * 2.6;
        let within = x0 >= self.left - 2.0 && x1 <= self.right + size * 2.0;
        if page != self.page || b.role != Role::Paragraph || !one_line || !below || !within {
            return None;
        }
        self.bottom = y1;
        let text = b.text.trim().to_string();
        if x0 - self.left < (self.right - self.left) / 3.0 || self.columns == 1 {
            Some(vec![text])
        } else {
            let mut cells = vec![String::new(); self.columns - 1];
            cells.push(text);
            Some(cells)
        }
    }
}

/// The table that comes next on `page`, when nothing but furniture stands
/// before it.
fn next_table(rest: &[(u32, &layout::Block)], page: u32) -> Option<TableSpan> {
    let &(p, t) = rest.iter().find(|(_, b)| b.role != Role::Furniture)?;
    (p == page && t.role == Role::Table)
        .then(|| TableSpan::of(p, t))
        .flatten()
}

/// Where a line of a PDF ends when it stops well short of the text column's
/// right margin: three quarters of the way across the column.
fn short_line_edge(layout: &Layout) -> Option<f32> {
    let mut lefts = Vec::new();
    let mut rights = Vec::new();
    for (_, b) in layout.blocks() {
        if let (Some(r), Role::Paragraph | Role::ListEntry) = (b.bbox, b.role) {
            lefts.push(r[0]);
            rights.push(r[2]);
        }
    }
    if rights.len() < 4 {
        return None;
    }
    lefts.sort_by(f32::total_cmp);
    rights.sort_by(f32::total_cmp);
    let left = lefts[lefts.len() / 10];
    let right = rights[rights.len() * 9 / 10];
    Some(left + (right - left) * 0.75)
}

/// The lines of a block of text, each a block (a Word line break, a
/// tab-separated row inside a paragraph).
fn push_lines(out: &mut Vec<lines::Block>, cleaned: &str, indent: usize) {
    for (i, line) in cleaned.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if line.contains('\t') {
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
            if push_row(out, cells, false) {
                continue;
            }
        }
        let trimmed = line.trim();
        let bullet = lines::strip_bullet(trimmed).is_some();
        let t = lines::strip_bullet(trimmed).unwrap_or(trimmed);
        let first = if i == 0 { indent } else { 0 };
        let lead = line.len() - line.trim_start().len();
        out.push(plain(t.to_string(), first.max(lead), bullet));
    }
}

fn plain(text: String, indent: usize, bullet: bool) -> lines::Block {
    lines::Block {
        text,
        indent,
        cells: None,
        bullet,
        table_row: false,
    }
}

/// A table row as a block; a row of one cell is a line of text (a row of
/// its table when `in_table`: a row of the layout's table, a cell of which
/// wrapped onto a line of its own). Returns whether anything was pushed.
fn push_row(out: &mut Vec<lines::Block>, mut cells: Vec<String>, in_table: bool) -> bool {
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    if cells.iter().all(|c| c.is_empty()) {
        return false;
    }
    if cells.len() < 2 {
        out.push(lines::Block {
            table_row: in_table,
            ..plain(cells.remove(0), 0, false)
        });
        return true;
    }
    out.push(lines::Block {
        table_row: in_table,
        ..lines::Block::row(cells)
    });
    true
}

/// An agenda never shows an item number twice nor page furniture in a title:
/// a repeated number means the parser lost its place (the repeat is left out
/// and said), and a job number or a processing note glued onto a title is
/// cut off there.
fn check_agenda(doc: &mut Document) {
    let mut seen: Vec<String> = Vec::new();
    let mut diagnostics = Vec::new();
    fn walk(
        items: &mut Vec<crate::model::AgendaItem>,
        seen: &mut Vec<String>,
        diagnostics: &mut Vec<String>,
    ) {
        items.retain(|it| {
            if seen.contains(&it.number) {
                diagnostics.push(format!(
                    "agenda item {} appears twice; the second one is left out",
                    it.number
                ));
                false
            } else {
                seen.push(it.number.clone());
                true
            }
        });
        for it in items.iter_mut() {
            if let Some(at) = furniture_in(&it.title) {
                diagnostics.push(format!(
                    "agenda item {}: page furniture cut from its title ({:?})",
                    it.number,
                    it.title[at..].trim()
                ));
                it.title = agenda::tidy_title(&it.title[..at]);
            }
            walk(&mut it.children, seen, diagnostics);
        }
    }
    walk(&mut doc.agenda, &mut seen, &mut diagnostics);
    doc.diagnostics.extend(diagnostics);
}

static FURNITURE_IN_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        \s\^\d{1,2}\s+(?:Note|The\ present|\*)         # a footnote run on: '^1 Note: …'
      | \s(?:[A-Z]\.)?\d{2}-\d{5}\s?\([A-Z]\)        # a job number: '25-06880 (E)'
      | \s\*\d{7}\*                               # a barcode
      | \s(?i:please\ recycle)
      | _{4,}                                       # a footnote rule",
    )
    .unwrap()
});

/// Where page furniture starts inside a title, if it does.
fn furniture_in(title: &str) -> Option<usize> {
    FURNITURE_IN_TEXT.find(title).map(|m| m.start())
}

fn has_agenda_shape(blocks: &[lines::Block]) -> bool {
    use vocabulary::{fold, is_one_of, ANNOTATIONS, PROVISIONAL_AGENDA};
    let list = blocks
        .iter()
        .take(60)
        .any(|b| is_one_of(&PROVISIONAL_AGENDA, &fold(&b.text)));
    let ann = blocks
        .iter()
        .any(|b| is_one_of(&ANNOTATIONS, &fold(&b.text)));
    list && ann
}

/// Every symbol in the document, titled where an item's document list titles it.
fn all_references(doc: &Document, text: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let own = doc.symbol.as_deref().map(symbols::key);
    for f in symbols::find(text) {
        if Some(symbols::key(&f.symbol)) == own || out.iter().any(|r| r.symbol == f.symbol) {
            continue;
        }
        out.push(Reference {
            symbol: f.symbol,
            title: None,
        });
    }
    for item in doc.items_flat() {
        for r in &item.references {
            if let Some(o) = out.iter_mut().find(|o| o.symbol == r.symbol) {
                if o.title.is_none() {
                    o.title = r.title.clone();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgendaItem;

    fn item(n: &str, t: &str) -> AgendaItem {
        AgendaItem {
            number: n.into(),
            title: t.into(),
            ..Default::default()
        }
    }

    #[test]
    fn repeated_numbers_and_furniture_in_titles_are_diagnostics() {
        let mut doc = Document {
            agenda: vec![
                item("1", "Opening"),
                item(
                    "2",
                    "Other matters ^1 Note: The present document was processed in its entirety",
                ),
                item("2", "Adoption of the report"),
                item("3", "Elections 25-06880 (E) 090525"),
            ],
            ..Default::default()
        };
        check_agenda(&mut doc);
        let titles: Vec<(&str, &str)> = doc
            .agenda
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [("1", "Opening"), ("2", "Other matters"), ("3", "Elections")]
        );
        assert_eq!(doc.diagnostics.len(), 3, "{:?}", doc.diagnostics);
        assert!(doc.diagnostics.iter().any(|d| d.contains("appears twice")));
    }

    #[test]
    fn a_timetable_gives_the_meeting_dates_when_none_are_printed() {
        let slot = |date: &str| crate::model::ScheduleSlot {
            date: Some(date.into()),
            ..Default::default()
        };
        let span =
            timetable_span(&[slot("2025-06-09"), slot("2025-02-13"), slot("2025-06-20")]).unwrap();
        assert_eq!(
            (span.start.as_str(), span.end.as_str()),
            ("2025-02-13", "2025-06-20")
        );
        // Days without a year say nothing about the meeting's dates.
        assert!(timetable_span(&[slot("Monday")]).is_none());
    }
}
