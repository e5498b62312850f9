//! Reports and other documents: sections, numbered paragraphs, the adopted
//! agenda, attendance, footnotes.

use super::agenda::{similar, tidy_title};
use super::text::Block;
use crate::model::{AgendaItem, Attendance, Document, Footnote, Paragraph, Section, SectionRole};
use once_cell::sync::Lazy;
use regex::Regex;

static CHAPTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:([一二三四五六七八九十]{1,3})[.．、]|([IVXL]{1,6})\.)\s*(\S.*)$").unwrap()
});
static LETTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^([A-Z])\.\s+(\S.*)$").unwrap());
static PARA: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,3}(?:\.\d{1,3})?)\.?\s+(\S.*)$").unwrap());
static TOP_ITEM: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\d{1,2})\.\s*(.+)$").unwrap());
static SUB_ITEM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[（(]([a-z]{1,2})[)）]\s*(.+)$").unwrap());
static ADOPTED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(通过了(以下|下列)议程|adopted the following agenda|agenda was adopted|adopted its agenda)").unwrap()
});
static FOOTNOTE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:\^(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(\*{1,3}))\s*(\S.+)$").unwrap());
static ITEM_REF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:议程)?项目\s*(\d{1,2}(?:\([a-z]\))?)|(?i:agenda items?)\s+(\d{1,2}(?:\s?\([a-z]\))?)",
    )
    .unwrap()
});

static LEADER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:\s?\.){4,}[\s.]*(\d{0,4})\s*$|…{2,}\s*(\d{0,4})\s*$").unwrap());
static PAGE_AT_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"\t\s*\d{1,4}\s*$").unwrap());

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
    let mut adopted: Option<Vec<AgendaItem>> = None;
    let mut contents: Option<(String, usize)> = None;
    for (i, b) in blocks.iter().enumerate().skip(start) {
        let t = b.text.trim();
        if t.is_empty() {
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
                let n: usize = c[1].parse().unwrap_or(0);
                if n == list.len() + 1 && !is_next_para(&last_para, &c[1]) {
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
        if let Some(c) = PARA.captures(t) {
            if is_next_para(&last_para, &c[1]) {
                let text = c[2].trim().to_string();
                if ADOPTED.is_match(&text) && doc.agenda.is_empty() {
                    adopted = Some(Vec::new());
                }
                doc.paragraphs.push(Paragraph {
                    number: Some(c[1].to_string()),
                    section: section.clone(),
                    text,
                });
                last_para = Some(c[1].to_string());
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
                super::text::is_cjk(t.chars().next().unwrap_or(' ')) && t.chars().count() <= 25;
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
                let glue = if super::text::is_cjk(t.chars().next().unwrap_or(' ')) {
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
        });
    }
    if let Some(list) = adopted {
        if !list.is_empty() {
            doc.agenda = list;
        }
    }
    link_sections_to_items(doc);
    read_attendance(doc);
}

fn is_next_para(last: &Option<String>, n: &str) -> bool {
    match last {
        None => n == "1" || n.ends_with(".1"),
        Some(prev) => {
            if let (Some((pa, pb)), Some((na, nb))) = (prev.split_once('.'), n.split_once('.')) {
                let (pb, nb): (u32, u32) = (pb.parse().unwrap_or(0), nb.parse().unwrap_or(0));
                return pa == na && nb == pb + 1;
            }
            match (prev.parse::<u32>(), n.parse::<u32>()) {
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
fn link_sections_to_items(doc: &mut Document) {
    let items: Vec<(String, String)> = doc
        .items_flat()
        .iter()
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect();
    for s in doc.sections.iter_mut() {
        for (n, title) in &items {
            if similar(&s.title, title)
                && s.title.chars().count() >= 4
                && title.chars().count() >= 4
            {
                s.items.push(n.clone());
                break;
            }
        }
        if s.items.is_empty() {
            if let Some(p) = doc
                .paragraphs
                .iter()
                .find(|p| p.section.as_deref() == Some(&s.title))
            {
                for c in ITEM_REF.captures_iter(&p.text).take(3) {
                    let n = c.get(1).or(c.get(2)).unwrap().as_str().replace(' ', "");
                    if items.iter().any(|(k, _)| *k == n) && !s.items.contains(&n) {
                        s.items.push(n);
                    }
                }
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
