//! The proposed organization of work: a timetable of days, time slots, the
//! items taken up in each, parallel meetings and footnotes.

use super::dates;
use super::text::Block;
use crate::model::{Document, ScheduleSlot};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::BTreeMap;

static ITEMS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:议程)?项目\s*|(?i:items?)\s+)?(\d{1,2}\s*(?:\(\s*[a-z]{1,2}\s*\)(?:\s*(?:-|–|—|至|to)\s*\(\s*[a-z]{1,2}\s*\))?)?(?:\s*(?:和|及|与|、|,|，|and|&)\s*\d{1,2}\s*(?:\(\s*[a-z]{1,2}\s*\))?)*)").unwrap()
});
static ONE_ITEM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(\d{1,2})\s*(?:\(\s*([a-z]{1,2})\s*\)(?:\s*(?:-|–|—|至|to)\s*\(\s*([a-z]{1,2})\s*\))?)?",
    )
    .unwrap()
});
static CONTINUED: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)[（(]\s*(续|继续|continued|cont'?d\.?)\s*[)）]").unwrap());
static MARKER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\^([a-z])\b|\s+([a-z])$").unwrap());
static NOTE_LINE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\^?([a-z])\s+(\S.{8,})$").unwrap());

fn is_schedule_heading(t: &str) -> bool {
    let l = t.trim().trim_end_matches([':', '：']).to_lowercase();
    let l = l
        .strip_prefix("拟议")
        .or_else(|| l.strip_prefix("proposed "))
        .unwrap_or(&l)
        .trim();
    matches!(
        l,
        "工作安排"
            | "时间表"
            | "organization of work"
            | "programme of work"
            | "timetable"
            | "schedule of meetings"
    )
}

fn is_header_row(t: &str) -> bool {
    let l = t.to_lowercase();
    (l.contains("日期") || l.contains("date") || l.contains("时间") || l.contains("time"))
        && (l.contains("项目") || l.contains("item"))
}

/// An item number must be followed by white space, the end, or a Chinese
/// title (PDF clean-up removes the space between "4" and "关于").
fn item_ends_cleanly(s: &str, end: usize) -> bool {
    match s[end..].chars().next() {
        None => true,
        Some(c) => c.is_whitespace() || super::text::is_cjk(c) || super::text::is_cjk_punct(c),
    }
}

/// Parses "5和6", "1(a)", "items 5 and 6", "1(a)–(c)" into canonical numbers.
pub fn expand_items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in ONE_ITEM.captures_iter(s) {
        let n = &c[1];
        match (c.get(2), c.get(3)) {
            (Some(a), Some(b)) => {
                let (a, b) = (a.as_str().as_bytes()[0], b.as_str().as_bytes()[0]);
                for l in a..=b.max(a) {
                    out.push(format!("{n}({})", l as char));
                }
            }
            (Some(a), None) => out.push(format!("{n}({})", a.as_str())),
            _ => out.push(n.to_string()),
        }
    }
    out
}

/// Reads the timetable from the blocks after the annex heading.
pub fn read(blocks: &[Block], start: usize, doc: &mut Document) {
    let region = &blocks[start.min(blocks.len())..];
    let Some(first) = region.iter().position(|b| is_schedule_heading(&b.text)) else {
        return;
    };
    let known: Vec<String> = doc.items_flat().iter().map(|i| i.number.clone()).collect();
    let year: Option<i32> = doc.dates.as_ref().and_then(|d| d.start[..4].parse().ok());
    let mut slots: Vec<ScheduleSlot> = Vec::new();
    let mut markers: Vec<Vec<char>> = Vec::new();
    let mut date: Option<String> = None;
    let mut notes: BTreeMap<char, String> = BTreeMap::new();
    let mut in_notes = false;
    let mut row_no = 0usize;
    for b in &region[first + 1..] {
        let t = b.text.trim();
        if t.is_empty() || is_header_row(t) && (b.cells.is_some() || slots.is_empty()) {
            continue;
        }
        if super::agenda::is_annex_heading(t) || is_schedule_heading(t) && !slots.is_empty() {
            break;
        }
        row_no += 1;
        if let Some(c) = NOTE_LINE.captures(t) {
            let m = c[1].chars().next().unwrap();
            if markers.iter().flatten().any(|&x| x == m) || t.starts_with('^') || in_notes {
                notes.insert(m, c[2].trim().to_string());
                in_notes = true;
                continue;
            }
        }
        if in_notes {
            if super::metadata::is_job_line(t) {
                break;
            }
            // Footnote text wrapped onto a second line.
            if let Some((_, last)) = notes.iter_mut().last() {
                let cjk = last.chars().last().is_some_and(super::text::is_cjk)
                    || t.chars().next().is_some_and(super::text::is_cjk);
                if !cjk && !last.ends_with(' ') {
                    last.push(' ');
                }
                last.push_str(t);
            }
            continue;
        }
        let cells: Vec<String> = match &b.cells {
            Some(c) => c.iter().filter(|c| !c.is_empty()).cloned().collect(),
            None => vec![t.to_string()],
        };
        let mut row_items: Vec<String> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for cell in cells {
            let mut s = cell.as_str();
            loop {
                s = s.trim_start();
                if s.is_empty() {
                    break;
                }
                if texts.is_empty() && row_items.is_empty() {
                    if let Some((d, len)) = dates::day_heading(s, year) {
                        date = Some(d);
                        s = &s[len..];
                        s = s.trim_start_matches([',', '，', ' ']);
                        continue;
                    }
                    if let Some((st, en, len)) = dates::time_range(s) {
                        slots.push(ScheduleSlot {
                            date: date.clone(),
                            start: Some(st),
                            end: Some(en),
                            ..Default::default()
                        });
                        markers.push(Vec::new());
                        s = &s[len..];
                        continue;
                    }
                    if let Some(c) = ITEMS
                        .captures(s)
                        .filter(|c| item_ends_cleanly(s, c.get(0).unwrap().end()))
                    {
                        let found = expand_items(&c[1]);
                        let valid = known.is_empty()
                            || found.iter().all(|i| {
                                known.contains(i)
                                    || known.iter().any(|k| k.starts_with(&format!("{i}(")))
                            });
                        if !found.is_empty() && valid {
                            row_items.extend(found);
                            s = &s[c.get(0).unwrap().end()..];
                            continue;
                        } else if !found.is_empty() && b.cells.is_some() {
                            doc.diagnostics.push(format!(
                                "schedule row {row_no}: no agenda item matches '{}'",
                                c[1].trim()
                            ));
                        }
                    }
                }
                texts.push(s.trim().to_string());
                break;
            }
        }
        if row_items.is_empty() && texts.is_empty() {
            continue;
        }
        let Some(slot) = slots.last_mut() else {
            if !row_items.is_empty() {
                doc.diagnostics.push(format!(
                    "schedule row {row_no}: items {} before any time slot",
                    row_items.join(", ")
                ));
            }
            continue;
        };
        let marks = markers.last_mut().unwrap();
        let mut clean_texts = Vec::new();
        for text in texts {
            let mut cleaned = text.clone();
            for c in MARKER.captures_iter(&text) {
                if let Some(m) = c.get(1).or(c.get(2)) {
                    marks.push(m.as_str().chars().next().unwrap());
                }
            }
            cleaned = MARKER.replace_all(&cleaned, "").trim().to_string();
            clean_texts.push(cleaned);
        }
        if !row_items.is_empty() {
            for (i, text) in clean_texts.into_iter().enumerate() {
                if i == 0 {
                    if CONTINUED.is_match(&text) {
                        slot.continued = true;
                    }
                    slot.titles.push(text);
                } else if !slot.parallel.contains(&text) {
                    slot.parallel.push(text);
                }
            }
            for it in row_items {
                if !slot.items.contains(&it) {
                    slot.items.push(it);
                }
            }
        } else if b.cells.is_some() {
            for text in clean_texts {
                if !slot.parallel.contains(&text) {
                    slot.parallel.push(text);
                }
            }
        } else if let Some(last) = slot.titles.last_mut() {
            // A title wrapped onto the next line.
            let joined = format!("{last}{}", clean_texts.join(" "));
            if CONTINUED.is_match(&joined) {
                slot.continued = true;
            }
            *last = joined;
        } else {
            slot.parallel.extend(clean_texts);
        }
    }
    for (slot, marks) in slots.iter_mut().zip(markers) {
        let mut seen = Vec::new();
        for m in marks {
            if seen.contains(&m) {
                continue;
            }
            seen.push(m);
            match notes.get(&m) {
                Some(n) => slot.notes.push(n.clone()),
                None => doc.diagnostics.push(format!(
                    "schedule: footnote '{m}' is referenced but not printed"
                )),
            }
        }
    }
    slots.retain(|s| !s.items.is_empty() || !s.titles.is_empty() || !s.parallel.is_empty());
    doc.schedule = slots;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_item_lists() {
        assert_eq!(expand_items("5和6"), vec!["5", "6"]);
        assert_eq!(expand_items("1 (a)"), vec!["1(a)"]);
        assert_eq!(expand_items("1(a)–(c)"), vec!["1(a)", "1(b)", "1(c)"]);
        assert_eq!(expand_items("items 2 and 3"), vec!["2", "3"]);
    }
}
