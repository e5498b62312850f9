//! Reports and other documents: sections, numbered paragraphs, the adopted
//! agenda, attendance, footnotes.

use super::agenda::{similar, tidy_title};
use super::lines::Block;
use super::numerals::Numeral;
use crate::model::{AgendaItem, Attendance, Document, Footnote, Paragraph, Section, SectionRole};
use regex::Regex;
use std::sync::LazyLock;

static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([一二三四五六七八九十]{1,3})[.．、]|([IVXL]{1,6})\.)\s*(\S.*)$").unwrap()
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+(\S.*)$").unwrap());
/// A numbered paragraph; a draft prints a placeholder paragraph in square
/// brackets ("[15. At its 314th meeting …]").
static PARA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\[)?(\d{1,3}(?:\.\d{1,3})?)\.?\s+(\S.*)$").unwrap());
static TOP_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})\.\s*(.+)$").unwrap());
static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]([a-z]{1,2})[)）]\s*(.+)$").unwrap());
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?xi)
        (
            通过了(?:经[^，。：]{1,8}的)?(以下|下列)议程   # "通过了经口头修正的以下议程"
          | adopted\x20the\x20following\x20agenda
          | agenda\x20was\x20adopted
          | adopted\x20its\x20agenda
        )
    "#,
    )
    .unwrap()
});
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\^(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(\*{1,3}))\s*(\S.+)$").unwrap());
static ITEM_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
            (?:议程)?项目\s*(\d{1,2}(?:\([a-z]\))?)                   # "议程项目3(a)"
          | (?i:agenda\x20items?)\s+(\d{1,2}(?:\s?\([a-z]\))?)       # "agenda item 3 (a)"
          | (?i:\bitem)\s+(\d{1,2}(?:\s?\([a-z]\))?)                 # "item 4 of the provisional agenda"
            \s+(?i:of\s+the\s+(?:provisional\s+)?agenda)
        "#,
    )
    .unwrap()
});

static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s?\.){4,}[\s.]*(\d{0,4})\s*$|…{2,}\s*(\d{0,4})\s*$").unwrap()
});
static PAGE_AT_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t\s*\d{1,4}\s*$").unwrap());

fn is_contents_heading(t: &str) -> bool {
    matches!(
        t.trim()
            .trim_end_matches([':', '：'])
            .to_lowercase()
            .as_str(),
        "contents" | "目录" | "table des matières" | "índice" | "содержание" | "المحتويات"
    )
}

/// A line of a table of contents: a dot leader, or a page number in its own column.
fn is_contents_entry(b: &Block) -> bool {
    let t = b.text.trim();
    LEADER.is_match(t)
        || PAGE_AT_END.is_match(&b.cells.as_ref().map(|c| c.join("\t")).unwrap_or_default())
        || matches!(t, "Page" | "页次" | "页码" | "Página" | "Стр." | "الصفحة")
}

/// The blocks of the table of contents that starts after `heading`.
fn contents_end(blocks: &[Block], heading: usize) -> usize {
    let mut end = heading + 1;
    let mut i = heading + 1;
    while i < blocks.len() {
        if is_contents_entry(&blocks[i]) {
            i += 1;
            end = i;
        } else if blocks[i].text.chars().count() < 300
            && blocks[i + 1..].iter().take(2).any(is_contents_entry)
        {
            // An entry wrapped before its leader.
            i += 1;
        } else {
            break;
        }
    }
    end
}

fn role_of(title: &str) -> Option<SectionRole> {
    let l = title.to_lowercase();
    if l.contains("导言") || l.contains("introduction") {
        Some(SectionRole::Introduction)
    } else if l.contains("出席") || l.contains("attendance") {
        Some(SectionRole::Attendance)
    } else if l.contains("结论") || l.contains("conclusion") {
        Some(SectionRole::Conclusions)
    } else if l.contains("建议") || l.contains("recommendation") {
        Some(SectionRole::Recommendations)
    } else if l.contains("通过报告") || l.contains("adoption of the report") {
        Some(SectionRole::Adoption)
    } else if l.contains("会议安排") || l.contains("organization of the") {
        Some(SectionRole::Organization)
    } else {
        None
    }
}

fn looks_like_heading(t: &str) -> bool {
    t.chars().count() <= 120 && !t.ends_with('。') && !t.ends_with("；")
}

/// Reads sections and paragraphs of everything after the title.
pub fn read(blocks: &[Block], start: usize, doc: &mut Document) {
    let mut section: Option<String> = None;
    let mut last_para: Option<String> = None;
    let mut other_numbering: Option<String> = None;
    let mut adopted: Option<Vec<AgendaItem>> = None;
    let mut contents: Option<(String, usize)> = None;
    for (i, b) in blocks.iter().enumerate().skip(start) {
        let t = b.text.trim();
        if t.is_empty() {
            continue;
        }
        // The first page's job number ("GE.25-05795 (E) 170425", the
        // office's letters before it), kept for the masthead, is furniture
        // in the text.
        let office = t
            .split_once('.')
            .filter(|(o, _)| {
                (1..=2).contains(&o.len()) && o.chars().all(|c| c.is_ascii_uppercase())
            })
            .map_or(t, |(_, rest)| rest);
        if super::metadata::is_job_line(office) && doc.job_number.is_some() && b.cells.is_none() {
            continue;
        }
        if contents.is_none() && doc.paragraphs.len() < 40 && is_contents_heading(t) {
            contents = Some((t.to_string(), contents_end(blocks, i)));
            continue;
        }
        if let Some((heading, end)) = &contents {
            if i < *end {
                // Contents entries are read as text, never as headings.
                let entry = LEADER.replace(t, " $1$2");
                let entry = entry.replace('\t', " ");
                doc.paragraphs.push(Paragraph {
                    number: None,
                    section: Some(heading.clone()),
                    text: entry.split_whitespace().collect::<Vec<_>>().join(" "),
                    ..Default::default()
                });
                continue;
            }
        }
        if let Some(c) = FOOTNOTE.captures(t) {
            let marker = c
                .get(1)
                .or(c.get(2))
                .or(c.get(3))
                .unwrap()
                .as_str()
                .to_string();
            doc.footnotes.push(Footnote {
                marker,
                text: c[4].trim().to_string(),
            });
            continue;
        }
        // The adopted agenda follows the paragraph that announces it.
        if let Some(list) = adopted.as_mut() {
            if let Some(c) = TOP_ITEM.captures(t) {
                let n: usize = c[1].num().unwrap_or(0);
                // The list's next number may also be the paragraph's next
                // ("6. … adopted the following agenda:" … "7. Adoption of
                // the report."): a short line is the item, prose the paragraph.
                let short = c[2].chars().count() <= if c[2].is_ascii() { 100 } else { 50 };
                if n == list.len() + 1 && (!is_next_para(&last_para, &c[1]) || short) {
                    list.push(AgendaItem {
                        number: n.to_string(),
                        title: tidy_title(&c[2]),
                        ..Default::default()
                    });
                    append_to_last(doc, t);
                    continue;
                }
            }
            if let (Some(c), Some(parent)) = (SUB_ITEM.captures(t), list.last_mut()) {
                parent.children.push(AgendaItem {
                    number: format!("{}({})", parent.number, &c[1]),
                    title: tidy_title(&c[2]),
                    ..Default::default()
                });
                append_to_last(doc, t);
                continue;
            }
            if !list.is_empty() {
                doc.agenda = adopted.take().unwrap();
            }
        }
        // A row of a table is one text block, its cells by tabs: never a
        // heading (a wrapped cell's last words) or the remainder of the
        // paragraph before the table; a numbered paragraph only when it is
        // the paragraph the document's numbering expects next.
        let numbered = PARA
            .captures(t)
            .filter(|c| !is_date_line(c))
            .is_some_and(|c| is_next_para(&last_para, &c[2]));
        if b.table_row && !numbered {
            let cells = b.cells.clone().unwrap_or_else(|| vec![t.to_string()]);
            doc.paragraphs.push(Paragraph {
                number: None,
                section: section.clone(),
                text: cells.join("\t"),
                row: true,
                ..Default::default()
            });
            continue;
        }
        // "1 July 2024 …" (a date line) is no paragraph.
        if let Some(c) = PARA.captures(t).filter(|c| !is_date_line(c)) {
            // A numbering that starts again ("1." after paragraph 3: an
            // annex, an appended statement, a list) is not the document's
            // paragraphs, until the document's own numbering goes on.
            let restarts = last_para.is_some() && is_next_para(&None, &c[2]);
            if restarts && last_para.as_deref().is_some_and(|n| is_next_para(&None, n)) {
                // The first "1." was not the document's: its numbering starts here.
                if let Some(p) = doc.paragraphs.iter_mut().find(|p| p.number.is_some()) {
                    p.text = format!("{} {}", p.number.take().unwrap_or_default(), p.text);
                }
                last_para = None;
            }
            if last_para.is_some() && restarts
                || other_numbering.is_some() && is_next_para(&other_numbering, &c[2])
            {
                other_numbering = Some(super::numerals::ascii(&c[2]).into_owned());
            } else if is_next_para(&last_para, &c[2]) {
                other_numbering = None;
                let text = format!("{}{}", c.get(1).map_or("", |m| m.as_str()), c[3].trim());
                if ADOPTED.is_match(&text) && doc.agenda.is_empty() {
                    adopted = Some(Vec::new());
                }
                doc.paragraphs.push(Paragraph {
                    number: Some(super::numerals::ascii(&c[2]).into_owned()),
                    section: section.clone(),
                    text,
                    ..Default::default()
                });
                last_para = Some(super::numerals::ascii(&c[2]).into_owned());
                continue;
            }
        }
        let heading = CHAPTER
            .captures(t)
            .map(|c| {
                (
                    c.get(1).or(c.get(2)).map(|m| m.as_str().to_string()),
                    c[3].to_string(),
                    1u8,
                )
            })
            .or_else(|| {
                LETTER
                    .captures(t)
                    .map(|c| (Some(c[1].to_string()), c[2].to_string(), 2u8))
            });
        if let Some((number, title, level)) = heading {
            if looks_like_heading(&title) {
                let title = title.trim().to_string();
                doc.sections.push(Section {
                    number,
                    role: role_of(&title),
                    items: Vec::new(),
                    title: title.clone(),
                    level,
                });
                section = Some(title);
                continue;
            }
        }
        if b.cells.is_none()
            && looks_like_heading(t)
            && t.chars().count() <= 60
            && !t.ends_with(['.', ':', '：', ',', '，'])
            && last_para.is_some()
        {
            // Unnumbered headings of other documents ("Overall orientation").
            let is_title_case = t.chars().next().is_some_and(|c| c.is_uppercase())
                && t.split_whitespace().count() <= 10;
            let is_zh_heading =
                crate::script::is_cjk(t.chars().next().unwrap_or(' ')) && t.chars().count() <= 25;
            if is_title_case || is_zh_heading {
                doc.sections.push(Section {
                    number: None,
                    role: role_of(t),
                    items: Vec::new(),
                    title: t.to_string(),
                    level: 3,
                });
                section = Some(t.to_string());
                continue;
            }
        }
        // Reports number every paragraph: unnumbered text after a numbered
        // paragraph of the same section is that paragraph's wrapped remainder.
        if let Some(last) = doc.paragraphs.last_mut() {
            if last.number.is_some()
                && last.section == section
                && doc.kind == crate::model::DocumentKind::Report
            {
                let glue = if crate::script::is_cjk(t.chars().next().unwrap_or(' ')) {
                    ""
                } else {
                    " "
                };
                last.text.push_str(glue);
                last.text.push_str(t);
                continue;
            }
        }
        doc.paragraphs.push(Paragraph {
            number: None,
            section: section.clone(),
            text: t.to_string(),
            ..Default::default()
        });
    }
    if let Some(list) = adopted {
        if !list.is_empty() {
            doc.agenda = list;
        }
    }
    link_sections_to_items(doc);
    read_attendance(doc);
    set_apart_unnumbered(doc);
}

/// Numbers every text block in reading order and moves the unnumbered ones
/// out of `paragraphs`, which then holds the numbered paragraphs only.
fn set_apart_unnumbered(doc: &mut Document) {
    for (i, p) in std::mem::take(&mut doc.paragraphs).into_iter().enumerate() {
        let p = Paragraph {
            index: i as u32,
            ..p
        };
        if p.number.is_some() {
            doc.paragraphs.push(p);
        } else {
            doc.unnumbered.push(p);
        }
    }
}

/// A numbered paragraph's match that is a date ("1 July 2024 190 –").
fn is_date_line(c: &regex::Captures) -> bool {
    c.get(1).is_none()
        && c[3]
            .split_whitespace()
            .next()
            .and_then(super::vocabulary::month)
            .is_some()
}

fn is_next_para(last: &Option<String>, n: &str) -> bool {
    match last {
        None => n == "1" || n.ends_with(".1"),
        Some(prev) => {
            if let (Some((pa, pb)), Some((na, nb))) = (prev.split_once('.'), n.split_once('.')) {
                let (pb, nb): (u32, u32) = (pb.num().unwrap_or(0), nb.num().unwrap_or(0));
                return pa == na && nb == pb + 1;
            }
            match (prev.num::<u32>(), n.num::<u32>()) {
                (Ok(p), Ok(q)) => q == p + 1,
                _ => false,
            }
        }
    }
}

fn append_to_last(doc: &mut Document, t: &str) {
    if let Some(p) = doc.paragraphs.last_mut() {
        p.text.push('\n');
        p.text.push_str(t);
    }
}

/// Links report sections to the agenda items they discuss: by title, or by
/// "项目 3" / "agenda item 3" in the section's first paragraph.
pub(super) fn link_sections_to_items(doc: &mut Document) {
    let items: Vec<(String, String)> = doc
        .items_flat()
        .iter()
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect();
    // The item whose title the section's heading repeats: the same words,
    // else the most alike (rare words weigh most), else one loosely alike.
    use crate::history::similarity::{plain_title as plain, terms, Weights};
    let language = doc.language.clone();
    let item_terms: Vec<Vec<String>> = items.iter().map(|(_, t)| terms(t, &language)).collect();
    let section_terms: Vec<Vec<String>> = doc
        .sections
        .iter()
        .map(|s| terms(&s.title, &language))
        .collect();
    let weights = Weights::new(item_terms.iter().chain(&section_terms).map(Vec::as_slice));
    // The first text block of each section (by order: titles repeat).
    let mut first_block: Vec<Option<String>> = vec![None; doc.sections.len()];
    for (block, section) in doc.block_sections() {
        if let Some(i) = section.filter(|&i| first_block[i].is_none()) {
            first_block[i] = doc.text_block(block).map(|p| p.text.clone());
        }
    }
    let refs_in = |text: &str| -> Vec<String> {
        ITEM_REF
            .captures_iter(text)
            .take(3)
            .map(|c| {
                c.get(1)
                    .or(c.get(2))
                    .or(c.get(3))
                    .unwrap()
                    .as_str()
                    .replace(' ', "")
            })
            .filter(|n| items.iter().any(|(k, _)| k == n))
            .collect()
    };
    for (k, s) in doc.sections.iter_mut().enumerate() {
        if s.title.chars().count() < 4 {
            continue;
        }
        // "(agenda item 3)" under the heading says it outright.
        if let Some(first) = first_block[k].as_deref().filter(|t| {
            let t = t.trim();
            t.chars().count() <= 40 && t.starts_with(['(', '（'])
        }) {
            let named = refs_in(first);
            if !named.is_empty() {
                s.items = named;
                continue;
            }
        }
        let exact = items.iter().position(|(_, t)| plain(t) == plain(&s.title));
        let best = exact.or_else(|| {
            item_terms
                .iter()
                .enumerate()
                .map(|(i, t)| (weights.cosine(&section_terms[k], t), i))
                .filter(|(c, _)| *c >= 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, i)| i)
        });
        if let Some(i) = best {
            s.items.push(items[i].0.clone());
            continue;
        }
        // "Organization of the meeting" is the first item, "Organizational matters".
        if s.role == Some(SectionRole::Organization) && items.iter().any(|(n, _)| n == "1") {
            s.items.push("1".into());
            continue;
        }
        for (i, (n, title)) in items.iter().enumerate() {
            if similar(&s.title, title)
                && weights.cosine(&section_terms[k], &item_terms[i]) >= 0.3
                && s.title.chars().count() >= 4
                && title.chars().count() >= 4
            {
                s.items.push(n.clone());
                break;
            }
        }
        if s.items.is_empty() {
            if let Some(first) = first_block[k].as_deref() {
                for n in refs_in(first) {
                    if !s.items.contains(&n) {
                        s.items.push(n);
                    }
                }
            }
        }
    }
    // A subsection of a section on an item ("Summary of deliberations",
    // "Conclusions and recommendations" under it) discusses that item; the
    // annexes that follow the report do not.
    let annexes = doc
        .sections
        .iter()
        .position(|s| super::agenda::is_annex_heading(&s.title))
        .unwrap_or(doc.sections.len());
    for k in 0..annexes {
        let s = &doc.sections[k];
        if !s.items.is_empty()
            || matches!(
                s.role,
                Some(SectionRole::Attendance | SectionRole::Introduction)
            )
        {
            continue;
        }
        let level = s.level;
        if let Some(parent) = doc.sections[..k].iter().rev().find(|p| p.level < level) {
            if !parent.items.is_empty() && parent.role != Some(SectionRole::Organization) {
                let inherited = parent.items.clone();
                doc.sections[k].items = inherited;
            }
        }
    }
}

/// States and organizations named in the attendance section.
fn read_attendance(doc: &mut Document) {
    let Some(sec) = doc
        .sections
        .iter()
        .find(|s| s.role == Some(SectionRole::Attendance))
        .map(|s| s.title.clone())
    else {
        return;
    };
    let mut att = Attendance::default();
    for p in doc
        .paragraphs
        .iter()
        .filter(|p| p.section.as_deref() == Some(&sec))
    {
        let Some(idx) = p.text.find(['：', ':']) else {
            continue;
        };
        let head = &p.text[..idx];
        let list = &p.text[idx + p.text[idx..].chars().next().unwrap().len_utf8()..];
        let names: Vec<String> = list
            .trim_end_matches(['。', '.'])
            .split(['、', ',', '，', ';', '；'])
            .map(|s| {
                s.trim()
                    .trim_start_matches("and ")
                    .trim_start_matches("和")
                    .trim()
                    .to_string()
            })
            .filter(|s| !s.is_empty() && s.chars().count() < 120)
            .collect();
        let is_states = (head.contains("缔约国") || head.contains("States"))
            && !head.contains("组织")
            && !head.contains("rganization");
        if is_states {
            att.states.extend(names);
        } else {
            att.organizations.extend(names);
        }
    }
    if !att.states.is_empty() || !att.organizations.is_empty() {
        doc.attendance = Some(att);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_text;

    const REPORT: &str = "Report of the Committee on its fifth session

Summary

The Committee heard statements on land and drought.

I. Introduction

1. The Committee held its fifth session in Geneva.

2. It elected its officers.

[3. At its 4th meeting, the Committee adopted the report.]

Annex

Statement of the workshop

1. Land degradation is a threat.

2. Observation networks must be strengthened.

3. Drought plans are needed.

4. Capacity must be built.
";

    #[test]
    fn paragraphs_are_the_numbered_ones_and_a_numbering_that_starts_again_is_not_theirs() {
        let doc = parse_text(REPORT);
        let numbers: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| p.number.as_deref().unwrap())
            .collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        // The draft's placeholder keeps its brackets.
        assert!(doc.paragraphs[2].text.starts_with("[At its 4th meeting"));
        let rest: Vec<&str> = doc.unnumbered.iter().map(|p| p.text.as_str()).collect();
        assert!(
            rest.contains(&"The Committee heard statements on land and drought."),
            "{rest:?}"
        );
        assert!(rest.contains(&"4. Capacity must be built."), "{rest:?}");
    }

    #[test]
    fn text_blocks_keep_one_reading_order_across_numbered_and_unnumbered() {
        let doc = parse_text(REPORT);
        let blocks = doc.text_blocks();
        let indices: Vec<u32> = blocks.iter().map(|p| p.index).collect();
        assert_eq!(indices, (0..blocks.len() as u32).collect::<Vec<_>>());
        let pos = |needle: &str| blocks.iter().position(|p| p.text.contains(needle)).unwrap();
        assert!(pos("heard statements") < pos("fifth session in Geneva"));
        assert!(pos("At its 4th meeting") < pos("Capacity must be built"));
        assert_eq!(
            doc.text_block(blocks[1].index).map(|p| &p.text),
            Some(&blocks[1].text)
        );
    }

    #[test]
    fn a_date_line_is_no_paragraph() {
        let doc = parse_text(
            "Report of the Committee on its fifth session\n\n1 July 2024 190 –\n\n1. The Committee met.\n\n2. It adopted its agenda.\n",
        );
        let numbers: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| p.number.as_deref().unwrap())
            .collect();
        assert_eq!(numbers, ["1", "2"]);
        assert_eq!(doc.paragraphs[0].text, "The Committee met.");
    }

    #[test]
    fn a_note_titled_organization_of_work_has_that_title_and_its_text_starts_after_it() {
        let doc = parse_text(
            "United Nations\tA/AC.109/2025/L.2\n\nGeneral Assembly\tDistr.: Limited\n\n4 December 2024\n\nOriginal: English\n\nSpecial Committee on Decolonization\n\nOrganization of work\n\nNote by the Chair\n\n1. During its previous sessions, the Special Committee considered the items before it.\n\n2. The Chair recommends the same approach.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Organization of work"));
        let first = doc.text_blocks().first().map(|p| p.text.clone());
        assert_eq!(first.as_deref(), Some("Note by the Chair"));
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
