//! The agenda list, the annotations of each item, and the documents each item
//! lists under "文件" / "Documentation".

use super::lines::{is_keyword_heading, Block};
use super::numerals::Numeral;
use super::symbols;
use crate::model::{AgendaItem, Document, Footnote, Reference};
use regex::Regex;
use std::sync::LazyLock;

/// "1. Title", "1．标题", "1、标题", and Arabic documents' "1- Title".
static TOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})(?:\s*[.．、]|\s*-\s)\s*(.*)$").unwrap());
/// "(a) Title", and in the other scripts "а) Title", "(أ) Title".
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(
        r"^(?:[（(]\s*({l}{{1,2}})\s*[)）]|([а-я])\))\s*(.*)$"
    ))
    .unwrap()
});
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\^(\d{1,2})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(.+)$").unwrap());

fn heading_form(t: &str) -> String {
    super::vocabulary::fold(t.trim().trim_end_matches([':', '：']))
}

fn is_list_heading(t: &str) -> bool {
    use super::vocabulary::{is_one_of, AGENDA, PROVISIONAL_AGENDA};
    let l = heading_form(t);
    is_one_of(&PROVISIONAL_AGENDA, &l) || is_one_of(&AGENDA, &l)
}

fn is_annotations_heading(t: &str) -> bool {
    super::vocabulary::is_one_of(&super::vocabulary::ANNOTATIONS, &heading_form(t))
}

fn is_documents_heading(t: &str) -> bool {
    super::vocabulary::is_one_of(&super::vocabulary::DOCUMENTATION, &heading_form(t))
}

pub fn is_annex_heading(t: &str) -> bool {
    use super::vocabulary::{self as v, is_one_of};
    let l = v::fold(t);
    let l = l.trim_end_matches([':', '：', '.', ' ']);
    if is_one_of(&v::ANNEX, l) {
        return true;
    }
    // "Annex I", "附件一", "المرفق الأول", and "Annex Proposed organization
    // of work" run together on one line.
    let Some(rest) = v::all(&v::ANNEX)
        .into_iter()
        .filter_map(|a| l.strip_prefix(a))
        .filter(|r| {
            r.is_empty() || r.starts_with(|c: char| !c.is_alphabetic() || is_cjk_numeral(c))
        })
        .min_by_key(|rest| rest.len())
    else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '.');
    let first = rest.split_whitespace().next().unwrap_or("");
    let numeral = |w: &str| {
        let w = w.trim_end_matches(['.', ':', '-']);
        !w.is_empty()
            && (w.chars().all(|c| "ivxl".contains(c))
                || w.chars().all(super::numerals::is_digit)
                || w.chars().all(is_cjk_numeral)
                || ["الأول", "الثاني", "الثالث", "الرابع", "الخامس"].contains(&w))
    };
    numeral(first)
        || v::all(&v::ORGANIZATION_OF_WORK)
            .iter()
            .any(|k| rest.contains(k))
}

fn is_cjk_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Title text without the list punctuation that ends it.
pub fn tidy_title(t: &str) -> String {
    let t = t.trim();
    let t = t.trim_end_matches(['；', ';', '。', '：', ':', '，', ',']);
    let t = t
        .strip_suffix(" and")
        .or_else(|| t.strip_suffix("; and"))
        .unwrap_or(t);
    t.trim_end_matches(['；', ';', '.']).trim().to_string()
}

/// Compares two titles loosely: one is a prefix of the other, or they share most characters.
pub fn similar(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect()
    };
    let (x, y) = (norm(a), norm(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if long.starts_with(short) {
        return true;
    }
    let prefix = x.iter().zip(y.iter()).take_while(|(a, b)| a == b).count();
    if prefix >= 8 || prefix >= short.len() * 3 / 4 {
        return true;
    }
    let cjk = |v: &Vec<char>| v.iter().any(|&c| crate::script::is_cjk(c));
    if !cjk(&x) || !cjk(&y) {
        // Latin script: most words of the shorter title appear in the longer.
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(|w| w.to_lowercase())
                .collect()
        };
        let (wa, wb) = (words(a), words(b));
        let (ws, wl) = if wa.len() <= wb.len() {
            (wa, wb)
        } else {
            (wb, wa)
        };
        if ws.is_empty() {
            return false;
        }
        let hits = ws.iter().filter(|w| wl.contains(w)).count();
        return hits * 100 >= ws.len() * 75;
    }
    let mut pool: Vec<char> = long.to_vec();
    let mut hits = 0;
    for c in short.iter() {
        if let Some(p) = pool.iter().position(|d| d == c) {
            pool.swap_remove(p);
            hits += 1;
        }
    }
    hits * 100 >= short.len() * 75
}

/// Reads the agenda list and the annotations from the blocks between the
/// title and the annex. The list is found by its shape
/// ([`super::agenda_list`]); a bulleted list under an agenda heading, or
/// numbered headings with no list before them, are read as before.
pub fn read(blocks: &[Block], start: usize, end: usize, doc: &mut Document) {
    let start = start.min(end);
    let region = &blocks[start..end];
    let ann_at = region.iter().position(|b| is_annotations_heading(&b.text));
    let list_end = ann_at.unwrap_or(region.len());
    let shaped = super::agenda_list::find(blocks, start, start + list_end)
        .or_else(|| super::agenda_list::find(blocks, start, end));
    let (mut items, after) = match shaped {
        Some(run) => {
            let after = ann_at
                .map(|a| start + a + 1)
                .unwrap_or(run.last + 1)
                .max(run.last + 1);
            (run.items, after)
        }
        None => (
            read_list(&region[..list_end]),
            start + ann_at.map(|a| a + 1).unwrap_or(0),
        ),
    };
    let from_list = !items.is_empty();
    if from_list || ann_at.is_none() {
        read_annotations(&blocks[after.min(end)..end], &mut items, from_list, doc);
    } else if let Some(a) = ann_at {
        read_annotations(&region[a + 1..], &mut items, false, doc);
    }
    collect_footnotes(&blocks[start..end], doc);
    footnote_references(&mut items, doc);
    doc.agenda = items;
}

/// Footnotes anywhere in the agenda's blocks (a page break inside the list
/// leaves the first page's footnotes there).
fn collect_footnotes(blocks: &[Block], doc: &mut Document) {
    for b in blocks {
        if let Some(c) = FOOTNOTE.captures(b.text.trim()) {
            let marker = superscript_to_digits(c.get(1).or(c.get(2)).unwrap().as_str());
            if !doc.footnotes.iter().any(|f| f.marker == marker) {
                doc.footnotes.push(Footnote {
                    marker,
                    text: c[3].trim().to_string(),
                });
            }
        }
    }
}

static MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\^(\d{1,2})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)").unwrap());

/// The symbols of a footnote belong to the item whose text carries its marker.
fn footnote_references(items: &mut [AgendaItem], doc: &Document) {
    fn walk(item: &mut AgendaItem, doc: &Document) {
        let marks: Vec<String> = MARK
            .captures_iter(&item.annotation)
            .map(|c| superscript_to_digits(c.get(1).or(c.get(2)).unwrap().as_str()))
            .collect();
        for m in marks {
            let Some(note) = doc.footnotes.iter().find(|f| f.marker == m) else {
                continue;
            };
            for r in references_in(&note.text, false) {
                if !item.references.iter().any(|x| x.symbol == r.symbol) {
                    item.references.push(r);
                }
            }
        }
        for c in item.children.iter_mut() {
            walk(c, doc);
        }
    }
    for it in items.iter_mut() {
        walk(it, doc);
    }
}

/// The list of items under "临时议程" / "Provisional agenda". Bulleted lists
/// get their numbers by position.
fn read_list(region: &[Block]) -> Vec<AgendaItem> {
    let mut items: Vec<AgendaItem> = Vec::new();
    let mut started = false;
    let mut top_indent = None;
    for b in region {
        let t = b.text.trim();
        if is_list_heading(t) {
            started = true;
            continue;
        }
        if b.cells.is_some() {
            continue;
        }
        if let Some(c) = TOP.captures(t) {
            let n: usize = c[1].num().unwrap_or(0);
            if n == items.len() + 1 && !c[2].trim().is_empty() {
                items.push(AgendaItem {
                    number: n.to_string(),
                    title: tidy_title(&c[2]),
                    ..Default::default()
                });
                started = true;
                top_indent = Some(b.indent);
                continue;
            }
        }
        if let Some(c) = SUB.captures(t) {
            if let Some(parent) = items.last_mut() {
                let letters = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
                let letter = super::vocabulary::latin_sub_item(letters).unwrap_or_default();
                parent.children.push(AgendaItem {
                    number: format!("{}({letter})", parent.number),
                    title: tidy_title(&c[3]),
                    ..Default::default()
                });
                continue;
            }
        }
        if b.bullet && (started || items.is_empty()) {
            let nested = match top_indent {
                Some(ti) => b.indent > ti,
                None => false,
            };
            if nested && !items.is_empty() {
                let parent = items.last_mut().unwrap();
                let letter = letter_for(parent.children.len());
                parent.children.push(AgendaItem {
                    number: format!("{}({letter})", parent.number),
                    title: tidy_title(t),
                    ..Default::default()
                });
            } else {
                top_indent = Some(b.indent);
                let n = items.len() + 1;
                items.push(AgendaItem {
                    number: n.to_string(),
                    title: tidy_title(t),
                    ..Default::default()
                });
            }
            started = true;
            continue;
        }
        // A title wrapped onto a second line that unwrapping did not catch.
        if started && !is_keyword_heading(t) && t.chars().count() < 80 {
            if let Some(last) = items.last_mut() {
                let target = if last.children.is_empty() {
                    last
                } else {
                    last.children.last_mut().unwrap()
                };
                if !target.title.ends_with(['。', '.'])
                    && !t.chars().next().is_some_and(super::numerals::is_digit)
                {
                    target.title = tidy_title(&format!("{}{}", target.title, t));
                }
            }
        }
    }
    items
}

/// "a", "b", …, "z", "aa", "bb" as UN agendas letter their sub-items.
pub fn letter_for(i: usize) -> String {
    let c = (b'a' + (i % 26) as u8) as char;
    c.to_string().repeat(i / 26 + 1)
}

enum Mode {
    Text,
    Documents,
}

fn read_annotations(
    region: &[Block],
    items: &mut Vec<AgendaItem>,
    from_list: bool,
    doc: &mut Document,
) {
    let mut cur_top: Option<usize> = None;
    let mut cur_sub: Option<usize> = None;
    let mut mode = Mode::Text;
    let mut seen_headings: Vec<String> = Vec::new();
    // The block after an "Item 3" heading holds its title.
    let mut title_next = false;
    for b in region {
        let raw = b.text.trim();
        if raw.is_empty() {
            continue;
        }
        if std::mem::take(&mut title_next) {
            if let Some(top) = cur_top {
                if similar(&items[top].title, raw) {
                    continue;
                }
            }
        }
        let entry = super::agenda_list::entry(b);
        if let Some(c) = FOOTNOTE.captures(raw) {
            let marker = c.get(1).or(c.get(2)).unwrap().as_str().to_string();
            doc.footnotes.push(Footnote {
                marker: superscript_to_digits(&marker),
                text: c[3].trim().to_string(),
            });
            continue;
        }
        if let Some(super::agenda_list::Entry::Top(n, title)) = &entry {
            let n = n.to_string();
            let title = tidy_title(title);
            if from_list {
                if let Some(pos) = items.iter().position(|it| it.number == n) {
                    let after_current = cur_top.is_none_or(|cur| pos > cur);
                    if after_current && (similar(&items[pos].title, &title) || title.is_empty()) {
                        cur_top = Some(pos);
                        cur_sub = None;
                        mode = Mode::Text;
                        title_next = title.is_empty();
                        seen_headings.push(n);
                        continue;
                    }
                }
            } else if n.num::<usize>().ok() == Some(items.len() + 1)
                && !title.is_empty()
                && title.chars().count() < 120
                && !title.ends_with('。')
            {
                items.push(AgendaItem {
                    number: n.clone(),
                    title,
                    ..Default::default()
                });
                cur_top = Some(items.len() - 1);
                cur_sub = None;
                mode = Mode::Text;
                continue;
            }
        }
        if let (Some(super::agenda_list::Entry::Sub(letter, title)), Some(top)) = (&entry, cur_top)
        {
            let title = tidy_title(title);
            let number = format!("{}({letter})", items[top].number);
            if let Some(pos) = items[top]
                .children
                .iter()
                .position(|ch| ch.number == number)
            {
                if cur_sub.is_none_or(|s| pos > s)
                    && similar(&items[top].children[pos].title, &title)
                {
                    cur_sub = Some(pos);
                    mode = Mode::Text;
                    continue;
                }
            } else if !from_list
                && title.chars().count() < 100
                && !title.ends_with('。')
                && !title.ends_with('；')
                && !title.ends_with(';')
            {
                items[top].children.push(AgendaItem {
                    number,
                    title,
                    ..Default::default()
                });
                cur_sub = Some(items[top].children.len() - 1);
                mode = Mode::Text;
                continue;
            }
        }
        if is_documents_heading(raw) {
            mode = Mode::Documents;
            continue;
        }
        let Some(top) = cur_top else { continue };
        let target = match cur_sub {
            Some(s) => &mut items[top].children[s],
            None => &mut items[top],
        };
        if !target.annotation.is_empty() {
            target.annotation.push_str("\n\n");
        }
        target.annotation.push_str(raw);
        let listed = matches!(mode, Mode::Documents);
        for r in references_in(raw, listed) {
            match target.references.iter_mut().find(|x| x.symbol == r.symbol) {
                Some(existing) => {
                    if existing.title.is_none() {
                        existing.title = r.title;
                    }
                }
                None => target.references.push(r),
            }
        }
    }
    if from_list && !seen_headings.is_empty() {
        for it in items.iter() {
            if !seen_headings.contains(&it.number) {
                doc.diagnostics.push(format!(
                    "agenda item {}: no annotation heading found",
                    it.number
                ));
            }
        }
    }
}

fn superscript_to_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            c => c,
        })
        .collect()
}

/// The symbols of a paragraph. In a document list each entry also gives the
/// title: "秘书处的说明……（CAC/COSP/2019/5）", "Note by the Secretariat (A/1/2)",
/// or "CAC/COSP/2019/5<tab>Note by the Secretariat".
pub fn references_in(text: &str, listed: bool) -> Vec<Reference> {
    let found = symbols::find(text);
    let mut out: Vec<Reference> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if out.iter().any(|r| r.symbol == f.symbol) {
            continue;
        }
        let mut title = None;
        if listed && found.len() <= 2 {
            let before = text[..f.start]
                .trim_end()
                .trim_end_matches(['（', '('])
                .trim();
            let after = text[f.end..]
                .trim_start()
                .trim_start_matches(['）', ')', '.', '。'])
                .trim();
            if i == 0 && before.chars().count() >= 4 {
                title = Some(tidy_title(before));
            } else if f.start <= 1 && after.chars().count() >= 4 {
                title = Some(tidy_title(after));
            }
        }
        out.push(Reference {
            symbol: f.symbol.clone(),
            title,
        });
    }
    out
}

#[cfg(test)]
mod annex_tests {
    use super::is_annex_heading;

    #[test]
    fn annex_headings_in_the_six_languages() {
        for h in [
            "Annex",
            "Annex I",
            "Annexe II",
            "Anexo",
            "Приложение I",
            "المرفق",
            "المرفق الأول",
            "附件",
            "附件一",
            "Annex Proposed organization of work",
            "Annexe : Organisation des travaux",
        ] {
            assert!(is_annex_heading(h), "{h}");
        }
        for t in [
            "Annexed to the present note is the report",
            "Annexes to the report are listed below",
        ] {
            assert!(!is_annex_heading(t), "{t}");
        }
    }
}
