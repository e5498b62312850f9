//! The timetable (organization of work, programme of work, workplan,
//! programme of meetings), recognised by its shape rather than by its
//! heading: rows that carry days or dates, time ranges (or parts of the day)
//! and agenda items, wherever they stand in the document.
//!
//! The blocks are read as rows of cells (a table row's cells, the columns of
//! a line whose words are lined up with spaces, or one cell of text). Each
//! cell is read into tokens: a day, a bare weekday, a time range (or the
//! start of one whose end is on the next line), a part of the day, a list of
//! agenda items, a room, or text. A time starts a slot; items and text go to
//! the slot they stand beside. When the header row names two or more
//! meetings held in parallel (Plenary | Committee of the Whole), each of
//! those columns is a lane and each lane's meeting is its own slot. When the
//! header row carries the times (Day | Morning 10 a.m.–1 p.m. | Afternoon
//! 3–6 p.m.), each of those columns is a slot of its row's day.

use super::dates;
use super::lines::Block;
use super::numerals::Numeral;
use super::vocabulary::latin_sub_item;
use crate::model::{Document, ScheduleSlot};
use chrono::Datelike;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// One item reference: "1", "1 (a)", "1(a)–(c)", "3(b)", with an optional
/// second letter list ("(b) and (c)" after "3(a)" is handled by the caller).
static ONE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // "1 (a)", "1(a)–(c)", the French and Spanish "1 a)", "1 a)-c)", and the
    // Russian and Arabic letters "1 а)", "1 (أ)".
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(
        r"^(\d{{1,2}})\s*(?:[(（]?\s*({l}{{1,2}})\s*[)）](?:\s*(?:-|–|—|至|to)\s*[(（]?\s*({l}{{1,2}})\s*[)）])?)?"
    ))
    .unwrap()
});
/// A sub-item letter standing alone after a list separator: "(c)" in "3(b) and (c)".
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(r"^[(（]?\s*({l}{{1,2}})\s*[)）]")).unwrap()
});
static ITEM_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:agenda\s+items?|items?|point|points)\s*|(?:议程)?项目\s*)").unwrap()
});
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,|，|、|;|和|及|与|&|and|\band\b|\bet\b|\by\b|\bи\b|to|至|-|–|—)\s*")
        .unwrap()
});
/// "(continued)" in any language of the vocabulary.
static CONTINUED: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = super::vocabulary::CONTINUED
        .iter()
        .flat_map(|(_, w)| w.iter().copied())
        .collect();
    let words = super::vocabulary::alternation(&words);
    Regex::new(&format!(r"(?i)[（(]\s*({words})\s*[)）]")).unwrap()
});
static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\^([a-z*])").unwrap());
static NOTE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\^?([a-z])\s+(\S.{8,})$").unwrap());
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = super::vocabulary::WEEKDAYS
        .iter()
        .flat_map(|(_, days)| days.iter().flat_map(|d| d.iter().copied()))
        .collect();
    let names = super::vocabulary::alternation(&names);
    Regex::new(&format!(
        r"^(?i:({names}))\s*[,.،]?\s*$|^[(（]?星期[一二三四五六日天][)）]?$"
    ))
    .unwrap()
});
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(morning|afternoon|evening|night|a\.m\.|p\.m\.))\b|^(上午|下午|晚上|中午)")
        .unwrap()
});
static SINGLE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(\d{1,2})(?:[.:](\d{2}))?\s*(a\.\s?m\.|p\.\s?m\.|am\b|pm\b|h\b)|(\d{1,2})[.:](\d{2})\b|(noon|midday))\s*(-|–|—|to)?")
        .unwrap()
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.)|\b\d{1,2}:\d{2}\b").unwrap()
});
/// A job number at a page's foot: "GE.25-19876", "V.25-05678 (E)", "K2502044".
static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{1,3}\.?\s?)?\d{2}-\d{5}(?:\s*\([A-Z]\))?$|^[A-Z]\d{7}$").unwrap()
});
static ROOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        ^(?:
            # "Conference Room 4", "Salle XIX", "Trusteeship Council Chamber"
            (?i:conference\s+room|room|salle|hall|meeting\s+room
               |trusteeship\s+council\s+chamber|general\s+assembly\s+hall)\b.*
          | .*会议室.*    # "第三会议室"
        )$
    "#,
    )
    .unwrap()
});
static MEETINGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[(（]\s*\d+\s*(?:meetings?|次会议)\s*[)）]").unwrap());
static BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:lunch(?:\s+break)?|coffee\s+break|break|午餐|午休|休息)\.?$").unwrap()
});
static OPEN_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:opening|closing|closure)(?:\s+of\s+the\s+(?:session|meeting|conference))?$",
    )
    .unwrap()
});

/// Header words of a timetable's columns (lanes are the other header cells).
fn header_kind(cell: &str) -> Option<&'static str> {
    let l = cell.trim().trim_end_matches([':', '：']).to_lowercase();
    if l.is_empty() {
        return Some("");
    }
    if l.split_whitespace().count() > 6 || l.chars().any(super::numerals::is_digit) {
        return Some("value");
    }
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |ws: &[&str]| {
        ws.iter().any(|w| {
            if w.is_ascii() {
                words
                    .iter()
                    .any(|x| x == w || x.strip_suffix('s') == Some(w))
            } else {
                l.contains(w)
            }
        })
    };
    super::vocabulary::TIMETABLE_COLUMNS
        .iter()
        .find(|(kind, words)| {
            has(words)
                && !(*kind == "meeting" && (l.contains("committee") || l.contains("plenary")))
        })
        .map(|(kind, _)| *kind)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Date(String),
    Weekday,
    Time(Option<String>, Option<String>),
    /// A time whose range continues on the next line ("10 a.m.–").
    OpenTime(String),
    Part(&'static str),
    Items(Vec<String>, Vec<char>),
    Room(String),
    Text(String),
}

fn part_name(s: &str) -> &'static str {
    match s.to_lowercase().as_str() {
        "morning" | "a.m." | "上午" => "morning",
        "afternoon" | "p.m." | "下午" | "中午" => "afternoon",
        _ => "evening",
    }
}

/// "9 a.m.", "15:00", "noon", "10 h": one time, 24-hour.
fn single_time(s: &str) -> Option<(String, bool, usize)> {
    let (zh_pm, s2, off) = if let Some(r) = s.strip_prefix("上午") {
        (Some(false), r, "上午".len())
    } else if let Some(r) = s.strip_prefix("下午").or_else(|| s.strip_prefix("晚上")) {
        (Some(true), r, "下午".len())
    } else {
        (None, s, 0)
    };
    let s2t = s2.trim_start();
    let off = off + s2.len() - s2t.len();
    static ZH_ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})\s*(?:[:：](\d{2})|时\s*(?:(\d{2})\s*分|(半))?)").unwrap()
    });
    if let Some(c) = ZH_ONE.captures(s2t).filter(|_| zh_pm.is_some()) {
        let mut h: u32 = c[1].num().ok()?;
        if zh_pm == Some(true) && h < 12 {
            h += 12;
        }
        let m: u32 = c
            .get(2)
            .or(c.get(3))
            .map(|m| m.as_str().num().unwrap_or(0))
            .or(c.get(4).map(|_| 30))
            .unwrap_or(0);
        return Some((format!("{h:02}:{m:02}"), false, off + c.get(0)?.end()));
    }
    let c = SINGLE_TIME.captures(s2t)?;
    let open = c.get(7).is_some();
    let len = off + c.get(0)?.end();
    if c.get(6).is_some() {
        return Some(("12:00".into(), open, len));
    }
    if let Some(h) = c.get(4) {
        // A bare "10.15" is a time only in a cell of its own (not a
        // paragraph number such as "3.14 Dr Novelly asked ...").
        if s2t[c.get(0)?.end()..].trim().chars().count() > 40 {
            return None;
        }
        let h: u32 = h.as_str().num().ok()?;
        let m: u32 = c[5].num().ok()?;
        if h > 24 || m > 59 {
            return None;
        }
        return Some((format!("{h:02}:{m:02}"), open, len));
    }
    let mut h: u32 = c[1].num().ok()?;
    let m: u32 = c.get(2).map(|m| m.as_str().num().unwrap_or(0)).unwrap_or(0);
    let suf = c[3].to_lowercase().replace([' ', '.'], "");
    if suf == "pm" && h < 12 {
        h += 12;
    } else if suf == "am" && h == 12 {
        h = 0;
    }
    if h > 24 || m > 59 {
        return None;
    }
    Some((format!("{h:02}:{m:02}"), open, len))
}

/// A time range at the start of `s`, in any of the printed forms; also
/// "10 h–13 h" and "9.00–12.00".
fn time_range(s: &str) -> Option<(String, String, usize)> {
    if let Some(r) = dates::time_range(s) {
        return Some(r);
    }
    let t = s.trim_start();
    let off = s.len() - t.len();
    static H24: LazyLock<Regex> = LazyLock::new(|| {
        // Each end carries its minutes or an hour word: "10 h–13 h",
        // "9.00–12.00", "10 heures-13 heures", "10.00 a 13.00 horas", "15 h 10".
        use super::vocabulary::{alternation, HOUR_WORDS, TIME_JOINERS};
        let hour = alternation(&HOUR_WORDS);
        let end = format!(r"(\d{{1,2}})\s*(?:[.:h]\s*(\d{{2}})\s*(?:(?:{hour})\b)?|(?:{hour})\b)");
        let (start, join) = (end.clone(), alternation(&TIME_JOINERS));
        Regex::new(&format!(r"^{start}\s*(?:{join})\s*{end}")).unwrap()
    });
    let c = H24.captures(t)?;
    let h1: u32 = c[1].num().ok()?;
    let h2: u32 = c[3].num().ok()?;
    let m1: u32 = c.get(2).map(|m| m.as_str().num().unwrap_or(0)).unwrap_or(0);
    let m2: u32 = c.get(4).map(|m| m.as_str().num().unwrap_or(0)).unwrap_or(0);
    if h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || h2 * 60 + m2 <= h1 * 60 + m1 {
        return None;
    }
    Some((
        format!("{h1:02}:{m1:02}"),
        format!("{h2:02}:{m2:02}"),
        off + c.get(0)?.end(),
    ))
}

/// The agenda items at the start of `s`: "Items 1, 2 and 3(a)", "3(b) and
/// (c)", "5和6", "5(c)、5(d)", "Agenda item 3 (continued)", "Item 6^a" (a
/// footnote marker). Returns the canonical numbers, the footnote markers and
/// the length read; none when `s` does not start with an item.
pub fn read_items(s: &str) -> Option<(Vec<String>, Vec<char>, usize)> {
    let t = s.trim_start();
    let mut pos = s.len() - t.len();
    let worded = ITEM_WORD.find(t).map(|m| m.end()).unwrap_or(0);
    pos += worded;
    let mut out: Vec<String> = Vec::new();
    let mut marks = Vec::new();
    let mut last_num: Option<String> = None;
    loop {
        let rest = &s[pos..];
        if let Some(c) = ONE_ITEM.captures(rest) {
            let n = super::numerals::ascii(&c[1]).into_owned();
            push_item(&mut out, &n, c.get(2), c.get(3));
            last_num = Some(n);
            pos += c.get(0)?.end();
        } else if let (Some(c), Some(n)) = (LETTER.captures(rest), last_num.as_ref()) {
            if out.is_empty() {
                break;
            }
            out.push(format!("{n}({})", latin_sub_item(&c[1])?));
            pos += c.get(0)?.end();
        } else {
            break;
        }
        // A footnote marker glued on: "6^a", or "6a" at the end of the cell.
        let rest = &s[pos..];
        if let Some(m) = rest.strip_prefix('^') {
            if let Some(ch) = m
                .chars()
                .next()
                .filter(|c| c.is_ascii_lowercase() || *c == '*')
            {
                marks.push(ch);
                pos += 1 + ch.len_utf8();
            }
        } else {
            let mut it = rest.chars();
            if let (Some(ch), next) = (it.next(), it.next()) {
                if ch.is_ascii_lowercase()
                    && next.is_none_or(|n| n.is_whitespace() || n == ',' || n == ';')
                    && worded > 0
                    && !rest.starts_with("and")
                    && !rest.starts_with("to")
                {
                    marks.push(ch);
                    pos += 1;
                }
            }
        }
        match LIST_SEP.find(&s[pos..]) {
            Some(m)
                if ONE_ITEM.is_match(&s[pos + m.end()..])
                    || LETTER.is_match(&s[pos + m.end()..]) =>
            {
                pos += m.end();
            }
            _ => break,
        }
    }
    if out.is_empty() {
        return None;
    }
    // The number must end cleanly: white space, punctuation, the end, a
    // Chinese title, "(continued)".
    let rest = &s[pos..];
    let clean = match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, ':' | '：' | '.' | ',' | ';' | '(' | '（' | ')' | '*')
                || crate::script::is_cjk(c)
                || crate::script::is_cjk_punct(c)
        }
    };
    // A bare number followed by a unit ("2 meetings") is no item.
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:meetings?|p\.m|a\.m|h\b|hours?|minutes?|days?|st|nd|rd|th)")
            .unwrap()
    });
    let unit = worded == 0 && UNIT.is_match(rest);
    if !clean || unit {
        return None;
    }
    if rest.trim_start().starts_with('.') && worded == 0 && rest.trim_start().len() > 1 {
        // "1. Opening": a numbered heading, not an item cell.
        return None;
    }
    Some((out, marks, pos))
}

fn push_item(
    out: &mut Vec<String>,
    n: &str,
    a: Option<regex::Match<'_>>,
    b: Option<regex::Match<'_>>,
) {
    // Letters of any script, as Latin: "3 а)–б)" is 3(a) and 3(b).
    let latin = |m: regex::Match<'_>| latin_sub_item(m.as_str());
    let v = match (a.and_then(latin), b.and_then(latin)) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.as_bytes()[0], b.as_bytes()[0]);
            (a..=b.max(a))
                .map(|l| format!("{n}({})", l as char))
                .collect()
        }
        (Some(a), None) => vec![format!("{n}({a})")],
        _ => vec![n.to_string()],
    };
    for i in v {
        if !out.contains(&i) {
            out.push(i);
        }
    }
}

/// Parses "5和6", "1(a)", "items 5 and 6", "1(a)–(c)" into canonical numbers.
pub fn expand_items(s: &str) -> Vec<String> {
    read_items(s).map(|(v, _, _)| v).unwrap_or_default()
}

/// The date of a day cell, with the year of the meeting.
fn day(s: &str, years: &[i32]) -> Option<(String, usize)> {
    let first = years.first().copied();
    let (d, len) = dates::day_heading(s, first)?;
    // The date must fall in the meeting's years; a weekday that does not
    // fit the first year picks the next candidate that fits.
    let head = &s[..len];
    let wd = head
        .split(|c: char| !c.is_alphabetic())
        .find_map(super::vocabulary::weekday);
    if let Some(wd) = wd {
        for y in years {
            if let Some((cand, _)) = dates::day_heading(s, Some(*y)) {
                if chrono::NaiveDate::parse_from_str(&cand, "%Y-%m-%d")
                    .is_ok_and(|dt| dt.weekday().num_days_from_monday() as usize == wd)
                {
                    return Some((cand, len));
                }
            }
        }
    }
    Some((d, len))
}

/// The tokens of one cell.
fn tokens(cell: &str, years: &[i32]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut s = cell.trim();
    while !s.is_empty() {
        if WEEKDAY.is_match(s) {
            out.push(Tok::Weekday);
            break;
        }
        if let Some((d, len)) = day(s, years) {
            out.push(Tok::Date(d));
            s = s[len..].trim_start_matches([',', '，', ' ', ';']);
            continue;
        }
        if let Some((a, b, len)) = time_range(s) {
            out.push(Tok::Time(Some(a), Some(b)));
            s = s[len..].trim_start_matches([',', ' ']);
            continue;
        }
        if let Some(m) = PART.captures(s) {
            let w = m.get(0).unwrap();
            let rest = s[w.end()..].trim_start_matches([',', ' ', ':']);
            // "Morning 10 a.m.–1 p.m.": the time says it all.
            if let Some((a, b, len)) = time_range(rest) {
                out.push(Tok::Time(Some(a), Some(b)));
                s = rest[len..].trim_start();
                continue;
            }
            if let Some((t, open, len)) = single_time(s) {
                out.push(if open {
                    Tok::OpenTime(t)
                } else {
                    Tok::Time(Some(t), None)
                });
                s = s[len..].trim_start();
                continue;
            }
            if !w.as_str().contains('.') {
                out.push(Tok::Part(part_name(w.as_str())));
                s = rest;
                if let Some(m) = MEETINGS.find(s) {
                    s = s[m.end()..].trim_start();
                }
                continue;
            }
        }
        if let Some((t, open, len)) = single_time(s) {
            out.push(if open {
                Tok::OpenTime(t)
            } else {
                Tok::Time(Some(t), None)
            });
            s = s[len..].trim_start();
            continue;
        }
        if let Some(m) = MEETINGS.find(s) {
            s = s[m.end()..].trim_start();
            continue;
        }
        if let Some((items, marks, len)) = read_items(s) {
            out.push(Tok::Items(items, marks));
            s = s[len..].trim_start_matches([':', '：', '.', ' ', ',']);
            if !s.is_empty() {
                out.push(Tok::Text(s.to_string()));
            }
            break;
        }
        if ROOM.is_match(s) {
            out.push(Tok::Room(s.to_string()));
            break;
        }
        out.push(Tok::Text(s.to_string()));
        break;
    }
    out
}

/// A row of cells: each cell with its column (none for running text).
struct Row {
    cells: Vec<(Option<usize>, String)>,
    table: bool,
}

/// The columns of a line lined up with spaces: (start column, text), or none
/// when the line has no gap of two spaces or more.
fn space_columns(b: &Block) -> Option<Vec<(usize, String)>> {
    let t = &b.text;
    if !t.contains("  ") {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut cur = String::new();
    let mut start = 0usize;
    let mut spaces = 0usize;
    for (i, c) in t.chars().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 && !cur.is_empty() {
            out.push((b.indent + start, cur.trim_end().to_string()));
            cur.clear();
        }
        if cur.is_empty() {
            start = i;
        } else if spaces > 0 {
            cur.push(' ');
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push((b.indent + start, cur));
    }
    (out.len() >= 2).then_some(out)
}

fn rows(blocks: &[Block]) -> Vec<Row> {
    let mut starts: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for b in blocks {
        if let Some(c) = &b.cells {
            out.push(Row {
                cells: c
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (Some(i), c.trim().to_string()))
                    .collect(),
                table: true,
            });
            continue;
        }
        let cols = space_columns(b);
        if let Some(cols) = &cols {
            if cols.len() > starts.len() {
                starts = cols.iter().map(|c| c.0).collect();
            }
        }
        let placed = |pos: usize| starts.iter().rposition(|s| *s <= pos + 2);
        match cols {
            Some(cols) if !starts.is_empty() => {
                let mut cells: Vec<(Option<usize>, String)> = Vec::new();
                for (pos, text) in cols {
                    cells.push((Some(placed(pos).unwrap_or(0)), text));
                }
                out.push(Row { cells, table: true });
            }
            _ => {
                // A line that starts in a later column of a space-aligned table.
                let col = if !starts.is_empty() && b.indent > starts[0] + 2 {
                    placed(b.indent)
                } else if !starts.is_empty() {
                    Some(0)
                } else {
                    None
                };
                let table = col.is_some();
                out.push(Row {
                    cells: vec![(col, b.text.trim().to_string())],
                    table,
                });
            }
        }
    }
    out
}

/// Whether a row starts a timetable's shape: a time range, a part of the
/// day, or a day with its weekday.
fn row_signal(r: &Row, years: &[i32]) -> (bool, bool) {
    let mut time = false;
    let mut day = false;
    for (_, c) in &r.cells {
        if c.chars().count() > 160 {
            continue;
        }
        for t in tokens(c, years) {
            match t {
                Tok::Time(..) | Tok::OpenTime(_) => time = true,
                Tok::Part(_) if c.chars().count() < 60 => time = true,
                Tok::Date(_) if has_weekday(c) && c.chars().count() < 100 => day = true,
                _ => {}
            }
        }
    }
    (time, day)
}

fn has_weekday(c: &str) -> bool {
    let l = c.to_lowercase();
    l.contains("星期")
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// The spans of rows that have a timetable's shape.
fn regions(rows: &[Row], years: &[i32]) -> Vec<(usize, usize)> {
    let sig: Vec<(bool, bool)> = rows.iter().map(|r| row_signal(r, years)).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if !(sig[i].0 || sig[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        let (mut times, mut days) = (0, 0);
        let mut j = i;
        while j < rows.len() && j <= last + 30 {
            if sig[j].0 || sig[j].1 {
                times += sig[j].0 as usize;
                days += sig[j].1 as usize;
                last = j;
            }
            j += 1;
        }
        if times >= 2 || times + days >= 3 {
            // The header row and a day heading just above the first row.
            let mut s = start;
            for k in (start.saturating_sub(4)..start).rev() {
                let r = &rows[k];
                let day = r
                    .cells
                    .iter()
                    .any(|(_, c)| c.chars().count() < 60 && day(c, years).is_some());
                if day || is_header(r) {
                    s = k;
                }
            }
            // What follows the last row and still belongs to it: the rest of
            // its slot, up to a long paragraph or a heading.
            let mut e = last + 1;
            while e < rows.len() && e <= last + 20 {
                let r = &rows[e];
                let t: String = r
                    .cells
                    .iter()
                    .map(|c| c.1.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !r.table && t.chars().count() > 200
                    || super::agenda::is_annex_heading(&t)
                    || super::metadata::is_job_line(t.trim())
                {
                    break;
                }
                e += 1;
            }
            out.push((s, e));
            i = e;
        } else {
            i = last + 1;
        }
    }
    out
}

fn is_header(r: &Row) -> bool {
    let kinds: Vec<Option<&str>> = r.cells.iter().map(|(_, c)| header_kind(c)).collect();
    let named = kinds
        .iter()
        .filter(|k| matches!(k, Some("date" | "time" | "item" | "room" | "meeting")))
        .count();
    let values = kinds.iter().filter(|k| **k == Some("value")).count();
    let core = kinds
        .iter()
        .any(|k| matches!(k, Some("date" | "time" | "item")));
    let lanes_short = r
        .cells
        .iter()
        .zip(&kinds)
        .all(|((_, c), k)| k.is_some() || c.split_whitespace().count() <= 5);
    r.table
        && r.cells.iter().filter(|c| !c.1.is_empty()).count() >= 2
        && named >= 1
        && core
        && lanes_short
        && (values == 0 || r.cells.iter().any(|(_, c)| time_in(c).is_some()))
        && {
            // No cell holds a value.
            r.cells.iter().all(|(_, c)| {
                c.chars().count() < 60 && time_range(c).is_none() && read_items(c).is_none()
            }) || r.cells.iter().any(|(_, c)| time_in(c).is_some()) && kinds.contains(&Some("date"))
        }
}

/// A time range anywhere in a header cell ("Morning 10 a.m.–1 p.m.").
fn time_in(c: &str) -> Option<(String, String)> {
    for (i, _) in c.char_indices() {
        if i == 0 || c[..i].ends_with(' ') {
            if let Some((a, b, _)) = time_range(&c[i..]) {
                return Some((a, b));
            }
        }
    }
    None
}

#[derive(Default)]
struct State {
    date: Option<String>,
    /// Lane columns and names, from the header row.
    lanes: Vec<(usize, String)>,
    /// Columns whose header carries the slot's time.
    time_cols: Vec<(usize, String, String)>,
    time_col: Option<usize>,
    /// The current time: start, end, part of the day.
    ctx: Option<(Option<String>, Option<String>, Option<String>)>,
    /// Slots of the current time, by lane.
    open: BTreeMap<Option<usize>, usize>,
    last: Option<usize>,
    /// A slot whose end time is on the next line, and its column.
    pending_end: Option<(Option<usize>, usize)>,
    /// A day with no time yet: a slot of its own unless times follow.
    day_slot: Option<usize>,
    /// Slots created since the day was last read, waiting for it.
    undated: Vec<usize>,
    meeting_col: Option<usize>,
    /// Whether the row being read printed its own day, and the slots made
    /// by rows that did.
    row_date: bool,
    day_printed: Vec<usize>,
}

/// Reads every timetable in the document, whatever its kind and heading.
pub fn read(blocks: &[Block], _start: usize, doc: &mut Document) {
    let known: Vec<String> = doc.items_flat().iter().map(|i| i.number.clone()).collect();
    let mut years: Vec<i32> = Vec::new();
    if let Some(d) = &doc.dates {
        for y in [&d.start, &d.end] {
            if let Ok(y) = y[..4.min(y.len())].num::<i32>() {
                if !years.contains(&y) {
                    years.push(y);
                }
            }
        }
    }
    if let Some(y) = doc
        .distributed
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.num::<i32>().ok())
    {
        for y in [y, y + 1, y - 1] {
            if !years.contains(&y) {
                years.push(y);
            }
        }
    }
    if years.is_empty() {
        static YEAR: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").unwrap());
        if let Some(y) = blocks
            .iter()
            .take(40)
            .find_map(|b| YEAR.captures(&b.text).and_then(|c| c[1].num().ok()))
        {
            years = vec![y, y + 1, y - 1];
        }
    }
    let rows = rows(blocks);
    let mut slots: Vec<ScheduleSlot> = Vec::new();
    let mut markers: Vec<Vec<char>> = Vec::new();
    let mut notes: BTreeMap<char, String> = BTreeMap::new();
    let regions = regions(&rows, &years);
    for (a, b) in regions {
        let before = slots.len();
        read_region(
            &rows[a..b],
            &years,
            &mut slots,
            &mut markers,
            &mut notes,
            doc,
        );
        // Slots without any day: the meeting's day when it is one day,
        // otherwise not a timetable that can be read.
        if slots[before..].iter().all(|s| s.date.is_none()) {
            match doc.dates.as_ref().filter(|d| d.start == d.end) {
                Some(d) => {
                    for s in &mut slots[before..] {
                        s.date = Some(d.start.clone());
                    }
                }
                None => {
                    slots.truncate(before);
                    markers.truncate(before);
                }
            }
        }
        if slots.len() == before {
            doc.diagnostics.push(format!(
                "schedule: rows {}–{} look like a timetable, but no slot could be read",
                a + 1,
                b
            ));
        }
    }
    // Footnotes printed after the table.
    let all_marks: Vec<char> = markers.iter().flatten().copied().collect();
    for b in blocks {
        let t = b.text.trim();
        if let Some(c) = NOTE_LINE.captures(t) {
            let m = c[1].chars().next().unwrap();
            if t.starts_with('^') && all_marks.contains(&m) {
                notes.entry(m).or_insert_with(|| c[2].trim().to_string());
            }
        }
    }
    for (slot, marks) in slots.iter_mut().zip(&markers) {
        let mut seen = Vec::new();
        for &m in marks {
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
    // Breaks are no meetings.
    let keep: Vec<bool> = slots
        .iter()
        .map(|s| {
            !(s.items.is_empty() && s.titles.first().is_some_and(|t| BREAK.is_match(t.trim())))
        })
        .collect();
    let mut k = keep.iter();
    slots.retain(|_| *k.next().unwrap());
    for (n, s) in slots.iter().enumerate() {
        let unknown: Vec<&String> = s
            .items
            .iter()
            .filter(|i| {
                !known.is_empty()
                    && !known.contains(i)
                    && !known.iter().any(|k| k.starts_with(&format!("{i}(")))
            })
            .collect();
        if !unknown.is_empty() {
            doc.diagnostics.push(format!(
                "schedule slot {} ({} {}): item {} is not in the agenda",
                n + 1,
                s.date.as_deref().unwrap_or("?"),
                s.start.as_deref().unwrap_or(""),
                unknown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if s.date.is_none() {
            doc.diagnostics
                .push(format!("schedule slot {}: no day could be read", n + 1));
        }
    }
    doc.schedule = slots;
}

/// Consecutive slots of the same day, time, lane and room as one slot (see
/// the end of `read_region`), with their footnote markers.
fn merge_repeated_rows(
    slots: Vec<ScheduleSlot>,
    markers: Vec<Vec<char>>,
) -> (Vec<ScheduleSlot>, Vec<Vec<char>>) {
    let same = |a: &ScheduleSlot, b: &ScheduleSlot| {
        a.date.is_some()
            && (a.start.is_some() || a.part_of_day.is_some())
            && !a.items.is_empty()
            && !b.items.is_empty()
            && (&a.date, &a.start, &a.end, &a.part_of_day, &a.lane, &a.room)
                == (&b.date, &b.start, &b.end, &b.part_of_day, &b.lane, &b.room)
    };
    let mut out: Vec<ScheduleSlot> = Vec::with_capacity(slots.len());
    let mut out_marks: Vec<Vec<char>> = Vec::with_capacity(slots.len());
    for (s, m) in slots.into_iter().zip(markers) {
        match (out.last_mut(), out_marks.last_mut()) {
            (Some(last), Some(marks)) if same(last, &s) => {
                for i in s.items {
                    if !last.items.contains(&i) {
                        last.items.push(i);
                    }
                }
                last.titles.extend(s.titles);
                last.continued |= s.continued;
                for x in s.parallel {
                    if !last.parallel.contains(&x) {
                        last.parallel.push(x);
                    }
                }
                marks.extend(m);
            }
            _ => {
                out.push(s);
                out_marks.push(m);
            }
        }
    }
    (out, out_marks)
}

fn new_slot(
    st: &mut State,
    slots: &mut Vec<ScheduleSlot>,
    markers: &mut Vec<Vec<char>>,
    lane: Option<String>,
) -> usize {
    let (start, end, part) = st.ctx.clone().unwrap_or((None, None, None));
    slots.push(ScheduleSlot {
        date: st.date.clone(),
        start,
        end,
        part_of_day: part,
        lane,
        ..Default::default()
    });
    markers.push(Vec::new());
    let i = slots.len() - 1;
    if st.row_date {
        st.day_printed.push(i);
    }
    if st.date.is_none() {
        st.undated.push(i);
    }
    i
}

/// Where a text goes in its slot.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// The title beside the items (or a lane's own text).
    Title,
    /// A further cell of the row: a meeting held in parallel.
    Parallel,
    /// Running text under the row: the title wrapped onto the next line.
    Wrapped,
}

fn add_text(slot: &mut ScheduleSlot, marks: &mut Vec<char>, text: &str, place: Place) {
    for c in MARKER.captures_iter(text) {
        marks.push(c[1].chars().next().unwrap());
    }
    let t = MARKER.replace_all(text, "").trim().to_string();
    if t.is_empty() {
        return;
    }
    match place {
        Place::Wrapped if !slot.titles.is_empty() => {
            let last = slot.titles.last_mut().unwrap();
            let cjk = last.chars().last().is_some_and(crate::script::is_cjk)
                || t.chars().next().is_some_and(crate::script::is_cjk)
                || last.chars().last().is_some_and(crate::script::is_cjk_punct);
            if !cjk && !last.ends_with(' ') {
                last.push(' ');
            }
            last.push_str(&t);
            if CONTINUED.is_match(last) {
                slot.continued = true;
            }
        }
        Place::Parallel if !slot.titles.is_empty() || !slot.items.is_empty() => {
            if !slot.parallel.contains(&t) {
                slot.parallel.push(t);
            }
        }
        _ => {
            if CONTINUED.is_match(&t) {
                slot.continued = true;
            }
            if !slot.titles.contains(&t) {
                slot.titles.push(t);
            }
        }
    }
}

/// Items waiting for the time printed on the next line: items, footnote
/// markers, column, row.
type Deferred = (Vec<String>, Vec<char>, Option<usize>, usize);

fn read_region(
    rows: &[Row],
    years: &[i32],
    slots: &mut Vec<ScheduleSlot>,
    markers: &mut Vec<Vec<char>>,
    notes: &mut BTreeMap<char, String>,
    doc: &mut Document,
) {
    let first_slot = slots.len();
    let mut st = State::default();
    let mut deferred: Option<Deferred> = None;
    for (ri, r) in rows.iter().enumerate() {
        let joined: String = r
            .cells
            .iter()
            .map(|c| c.1.as_str())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        // Page furniture that the extraction left in: "2   GE.25-19876".
        if joined.trim().is_empty()
            || r.cells.iter().any(|(_, c)| {
                super::metadata::is_job_line(c.trim()) || JOB_NUMBER.is_match(c.trim())
            })
        {
            continue;
        }
        if let Some(c) = NOTE_LINE.captures(joined.trim()) {
            let m = c[1].chars().next().unwrap();
            let referenced = markers[first_slot..].iter().flatten().any(|&x| x == m);
            if joined.starts_with('^') || referenced && r.cells.len() == 1 {
                notes.insert(c[1].chars().next().unwrap(), c[2].trim().to_string());
                continue;
            }
        }
        if is_header(r) {
            let mut lanes = Vec::new();
            let mut tcols = Vec::new();
            st.meeting_col = None;
            for (col, c) in &r.cells {
                let Some(col) = *col else { continue };
                if let Some((a, b)) = time_in(c) {
                    tcols.push((col, a, b));
                    continue;
                }
                match header_kind(c) {
                    None => lanes.push((col, c.clone())),
                    Some("time") => st.time_col = Some(col),
                    Some("meeting") => st.meeting_col = Some(col),
                    _ => {}
                }
            }
            st.lanes = if lanes.len() >= 2 { lanes } else { Vec::new() };
            st.time_cols = tcols;
            continue;
        }
        // The tokens of each cell.
        let toks: Vec<(Option<usize>, Vec<Tok>)> = r
            .cells
            .iter()
            .filter(|(_, c)| !c.is_empty())
            .map(|(col, c)| (*col, tokens(c, years)))
            .collect();
        let has_time = toks.iter().any(|(_, t)| {
            t.iter()
                .any(|t| matches!(t, Tok::Time(..) | Tok::OpenTime(_) | Tok::Part(_)))
        });
        let has_items = toks
            .iter()
            .any(|(_, t)| t.iter().any(|t| matches!(t, Tok::Items(..))));
        // Items printed a line above their (vertically centred) time.
        if let Some((items, marks, col, at)) = deferred.take() {
            let slot = if has_time && !has_items && at.checked_add(1) == Some(ri) {
                None
            } else {
                st.last
            };
            match slot {
                Some(i) => {
                    extend_items(&mut slots[i], &items);
                    markers[i].extend(marks);
                }
                None => deferred = Some((items, marks, col, usize::MAX)),
            }
        }
        let mut date_read = false;
        st.row_date = false;
        let mut row_time = false;
        let mut row_part: Option<&'static str> = None;
        let mut texts_in_row = 0usize;
        for (col, ts) in &toks {
            let lane_idx = col.and_then(|c| st.lanes.iter().position(|l| l.0 == c));
            for t in ts {
                match t {
                    Tok::Weekday => {
                        if st.ctx.is_none() || !row_time {
                            st.date = None;
                        }
                        st.day_slot = None;
                    }
                    Tok::Date(d) => {
                        date_read = true;
                        st.row_date = true;
                        if st.date.as_ref() != Some(d) {
                            st.date = Some(d.clone());
                            if st.undated.is_empty() {
                                st.ctx = None;
                                st.open.clear();
                                st.day_slot = None;
                            }
                        }
                        for &i in &st.undated {
                            slots[i].date = Some(d.clone());
                        }
                        st.undated.clear();
                    }
                    Tok::Time(a, b) => {
                        // The end of a range begun on the line above.
                        if let (Some((pc, i)), None) = (st.pending_end, b) {
                            if *col == pc || pc.is_none() {
                                slots[i].end = a.clone();
                                st.pending_end = None;
                                if let Some(c) = st.ctx.as_mut() {
                                    c.1 = a.clone();
                                }
                                continue;
                            }
                        }
                        row_time = true;
                        st.time_col = st.time_col.or(*col);
                        start_time(&mut st, slots, markers, a.clone(), b.clone(), None);
                    }
                    Tok::OpenTime(a) => {
                        row_time = true;
                        start_time(&mut st, slots, markers, Some(a.clone()), None, None);
                        if let Some(&i) = st.open.get(&None) {
                            st.pending_end = Some((*col, i));
                        }
                    }
                    Tok::Part(p) => {
                        row_part = Some(p);
                        row_time = true;
                        start_time(&mut st, slots, markers, None, None, Some(p.to_string()));
                    }
                    Tok::Items(items, marks) => {
                        if !row_time && !date_read && r.table && !st.time_cols.is_empty() {
                            // fall through to the header-time columns below
                        }
                        let target = target_slot(&mut st, slots, markers, *col, lane_idx);
                        // Items with no time in a row of a table whose next
                        // row has the time: wait for it.
                        let defer = r.table
                            && !row_time
                            && st.lanes.is_empty()
                            && st.time_cols.is_empty()
                            && st.time_col.is_some_and(|tc| Some(tc) != *col)
                            && !st.open.is_empty()
                            && ri + 1 < rows.len()
                            && rows[ri + 1].table
                            && {
                                let n = &rows[ri + 1];
                                let nt: Vec<Vec<Tok>> = n
                                    .cells
                                    .iter()
                                    .filter(|c| !c.1.is_empty())
                                    .map(|c| tokens(&c.1, years))
                                    .collect();
                                nt.iter()
                                    .any(|t| t.iter().any(|t| matches!(t, Tok::Time(..))))
                                    && !nt
                                        .iter()
                                        .any(|t| t.iter().any(|t| matches!(t, Tok::Items(..))))
                            };
                        if defer {
                            deferred = Some((items.clone(), marks.clone(), *col, ri));
                            continue;
                        }
                        match target {
                            Some(i) => {
                                extend_items(&mut slots[i], items);
                                markers[i].extend(marks.iter().copied());
                                st.last = Some(i);
                            }
                            None => doc.diagnostics.push(format!(
                                "schedule: items {} stand before any time slot",
                                items.join(", ")
                            )),
                        }
                    }
                    Tok::Room(room) => {
                        if let Some(i) = target_slot(&mut st, slots, markers, *col, lane_idx) {
                            slots[i].room.get_or_insert_with(|| room.clone());
                        }
                    }
                    Tok::Text(text) => {
                        // "Closing" on a row of its own with no time.
                        let own = r.table
                            && st.lanes.is_empty()
                            && !row_time
                            && !has_items
                            && OPEN_CLOSE.is_match(text.trim())
                            && toks.len() >= 2;
                        if own {
                            st.ctx = Some((None, None, None));
                            st.open.clear();
                            let i = new_slot(&mut st, slots, markers, None);
                            st.open.insert(None, i);
                            st.last = Some(i);
                        }
                        // A label in the time column: a slot with no clock time.
                        let in_time_col = r.table
                            && st.lanes.is_empty()
                            && st.time_cols.is_empty()
                            && *col == st.time_col
                            && col.is_some()
                            && !row_time
                            && !has_items
                            && text.split_whitespace().count() <= 3
                            && text.chars().next().is_some_and(|c| c.is_uppercase())
                            && text
                                .chars()
                                .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
                            && !slots[first_slot..].is_empty();
                        if in_time_col {
                            row_time = true;
                            start_time(&mut st, slots, markers, None, None, None);
                            continue;
                        }
                        if Some(*col) == Some(st.meeting_col) && st.meeting_col.is_some() {
                            if let Some(&i) = st.open.get(&None) {
                                if slots[i].lane.is_none()
                                    && slots[i].titles.is_empty()
                                    && slots[i].items.is_empty()
                                {
                                    slots[i].lane = Some(lane_name(text));
                                }
                            }
                        }
                        if let Some(i) = target_slot(&mut st, slots, markers, *col, lane_idx) {
                            let place = if lane_idx.is_some() || has_items && texts_in_row == 0 {
                                Place::Title
                            } else if col.is_none() {
                                Place::Wrapped
                            } else {
                                Place::Parallel
                            };
                            texts_in_row += 1;
                            add_text(&mut slots[i], &mut markers[i], text, place);
                            st.last = Some(i);
                        }
                    }
                }
            }
        }
        // A row of the header-time layout: each time column's cell is a slot.
        if !st.time_cols.is_empty() && !row_time {
            for (col, ts) in &toks {
                let Some(tc) = st.time_cols.iter().find(|t| Some(t.0) == *col).cloned() else {
                    continue;
                };
                st.ctx = Some((Some(tc.1.clone()), Some(tc.2.clone()), None));
                st.open.clear();
                let i = new_slot(&mut st, slots, markers, None);
                for t in ts {
                    match t {
                        Tok::Items(items, m) => {
                            extend_items(&mut slots[i], items);
                            markers[i].extend(m.iter().copied());
                        }
                        Tok::Text(x) => add_text(&mut slots[i], &mut markers[i], x, Place::Title),
                        _ => {}
                    }
                }
                st.day_slot = None;
            }
            if let Some(i) = st.day_slot.take() {
                if slots.len() > i + 1 {
                    // Dropped below.
                    slots[i].titles.push("\u{0}".into());
                }
            }
        }
        // A line of prose that says when the day's meetings are ("Monday,
        // 9 June: from 9 a.m. to 1 p.m. and from 3 to 6 p.m.") is no slot.
        let prose_times = toks.iter().any(|(_, ts)| {
            ts.iter()
                .any(|t| matches!(t, Tok::Text(x) if CLOCK.is_match(x)))
        });
        if date_read
            && !row_time
            && !prose_times
            && row_part.is_none()
            && st.ctx.is_none()
            && st.time_cols.is_empty()
        {
            // A day with no time (yet): its own slot unless times follow.
            let i = new_slot(&mut st, slots, markers, None);
            st.day_slot = Some(i);
            st.open.insert(None, i);
            st.last = Some(i);
            st.ctx = Some((None, None, None));
            // The texts of the row went to the previous slot: move them.
            for (_, ts) in &toks {
                for t in ts {
                    if let Tok::Text(x) = t {
                        add_text(&mut slots[i], &mut markers[i], x, Place::Title);
                    }
                }
            }
        }
    }
    if let Some((items, marks, _, _)) = deferred {
        if let Some(i) = st.last {
            extend_items(&mut slots[i], &items);
            markers[i].extend(marks);
        }
    }
    // Day slots superseded by timed slots of the same day, and placeholders.
    let mut i = first_slot;
    while i < slots.len() {
        let s = &slots[i];
        let placeholder = s.titles.iter().any(|t| t == "\u{0}");
        let superseded = s.start.is_none()
            && s.part_of_day.is_none()
            && s.items.is_empty()
            && s.lane.is_none()
            && slots[i + 1..]
                .iter()
                .take_while(|n| n.date == s.date)
                .any(|n| n.start.is_some() || n.part_of_day.is_some())
            && slots[first_slot..i]
                .iter()
                .rev()
                .take_while(|n| n.date == s.date)
                .all(|n| n.start.is_none() && n.part_of_day.is_none());
        if placeholder || superseded && s.titles.iter().all(|t| !OPEN_CLOSE.is_match(t)) {
            slots.remove(i);
            markers.remove(i);
            st.day_printed.retain(|&d| d != i);
            for d in st.day_printed.iter_mut().filter(|d| **d > i) {
                *d -= 1;
            }
        } else {
            i += 1;
        }
    }
    // A table that prints the day and the time on every row (a Word table
    // whose merged cells were split, a spreadsheet saved as text) gives one
    // row per item: there, rows of the same day, time, lane and room are one
    // slot. Where the day stands once above its rows, rows of the same time
    // are meetings held side by side and stay apart.
    let timed = (first_slot..slots.len())
        .filter(|&i| slots[i].start.is_some() || slots[i].part_of_day.is_some())
        .count();
    if timed > 1 && st.day_printed.len() >= timed {
        let (merged, kept) =
            merge_repeated_rows(slots.split_off(first_slot), markers.split_off(first_slot));
        slots.extend(merged);
        markers.extend(kept);
    }
}

fn lane_name(t: &str) -> String {
    let t = t.split([',', '，', ';']).next().unwrap_or(t).trim();
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:public|private|closed|open)\s+meetings?.*$|\s+On\s+.*$").unwrap()
    });
    let t = SUFFIX.replace(t, "");
    t.trim().to_string()
}

fn extend_items(slot: &mut ScheduleSlot, items: &[String]) {
    for it in items {
        if !slot.items.contains(it) {
            slot.items.push(it.clone());
        }
    }
}

fn start_time(
    st: &mut State,
    slots: &mut Vec<ScheduleSlot>,
    markers: &mut Vec<Vec<char>>,
    a: Option<String>,
    b: Option<String>,
    part: Option<String>,
) {
    // A day slot waiting for times is superseded.
    if let Some(i) = st.day_slot.take() {
        if slots[i].items.is_empty() {
            slots[i].titles.push("\u{0}".into());
        }
    }
    st.ctx = Some((a, b, part));
    st.open.clear();
    st.pending_end = None;
    if st.lanes.is_empty() {
        let i = new_slot(st, slots, markers, None);
        st.open.insert(None, i);
        st.last = Some(i);
    }
}

/// The slot a cell's content goes to: its lane's slot at the current time
/// (made on first use), or the current slot.
fn target_slot(
    st: &mut State,
    slots: &mut Vec<ScheduleSlot>,
    markers: &mut Vec<Vec<char>>,
    col: Option<usize>,
    lane: Option<usize>,
) -> Option<usize> {
    if let Some(l) = lane {
        st.ctx.as_ref()?;
        let key = Some(l);
        if let Some(&i) = st.open.get(&key) {
            return Some(i);
        }
        let name = st.lanes[l].1.clone();
        let i = new_slot(st, slots, markers, Some(name));
        st.open.insert(key, i);
        return Some(i);
    }
    if !st.lanes.is_empty() && col.is_none() {
        // Running text under a lane table: the lane last written to.
        return st.last;
    }
    if !st.lanes.is_empty() {
        // A date or time column's text: not a meeting.
        return None;
    }
    st.open.get(&None).copied().or(st.last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_item_lists() {
        let cases: &[(&str, &[&str])] = &[
            ("5和6", &["5", "6"]),
            ("1 (a)", &["1(a)"]),
            ("1(a)–(c)", &["1(a)", "1(b)", "1(c)"]),
            ("items 2 and 3", &["2", "3"]),
            ("Item 12", &["12"]),
            ("Items 3 and 4", &["3", "4"]),
            ("Items 1, 2 and 3(a)", &["1", "2", "3(a)"]),
            ("Items 3(b) and (c)", &["3(b)", "3(c)"]),
            ("5 and 6", &["5", "6"]),
            ("5(a)和(b)", &["5(a)", "5(b)"]),
            ("5(c)、5(d)", &["5(c)", "5(d)"]),
            ("1(a)和(b)", &["1(a)", "1(b)"]),
            ("项目2(续)", &["2"]),
            ("Agenda item 3 (continued)", &["3"]),
            ("Item 1: Adoption of the agenda", &["1"]),
            ("7 (a) Appointment of the members", &["7(a)"]),
            ("4", &["4"]),
        ];
        for (s, want) in cases {
            assert_eq!(expand_items(s), *want, "{s}");
        }
    }

    #[test]
    fn footnote_markers_on_items() {
        let (items, marks, _) = read_items("Item 6a").unwrap();
        assert_eq!((items, marks), (vec!["6".to_string()], vec!['a']));
        let (items, marks, _) = read_items("Item 6^a").unwrap();
        assert_eq!((items, marks), (vec!["6".to_string()], vec!['a']));
    }

    #[test]
    fn not_items() {
        for s in [
            "2 meetings",
            "2026–2027",
            "1st plenary meeting",
            "Opening",
            "10 a.m.",
        ] {
            assert!(read_items(s).is_none(), "{s}");
        }
    }

    #[test]
    fn times() {
        let cases: &[(&str, &str, &str)] = &[
            ("10 a.m.–1 p.m.", "10:00", "13:00"),
            ("3–6 p.m.", "15:00", "18:00"),
            ("4 – 7:00 p.m.", "16:00", "19:00"),
            ("9 a.m.–noon", "09:00", "12:00"),
            ("1.30–4.30 p.m.", "13:30", "16:30"),
            ("15:00–18:00", "15:00", "18:00"),
            ("15.00–18.00", "15:00", "18:00"),
            ("10 h–13 h", "10:00", "13:00"),
            ("9.00–12.00", "09:00", "12:00"),
            ("上午10:00-13:00", "10:00", "13:00"),
            ("下午3:00-6:00", "15:00", "18:00"),
            ("上午10时至下午1时", "10:00", "13:00"),
            ("1:15 p.m.–2:30 p.m.", "13:15", "14:30"),
            ("10.30 – 11:30", "10:30", "11:30"),
            ("10 heures-13 heures", "10:00", "13:00"),
            ("15 h 10-18 h", "15:10", "18:00"),
            ("10.00 a 13.00 horas", "10:00", "13:00"),
            ("10.00–13.00", "10:00", "13:00"),
        ];
        for (s, a, b) in cases {
            let (x, y, _) = time_range(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((x.as_str(), y.as_str()), (*a, *b), "{s}");
        }
        assert_eq!(single_time("10 a.m.–").unwrap(), ("10:00".into(), true, 10));
        assert_eq!(single_time("1 p.m.").unwrap().0, "13:00");
    }

    fn table(rows: &[&[&str]]) -> Vec<Block> {
        rows.iter()
            .map(|r| Block {
                text: r.join(" "),
                indent: 0,
                cells: if r.len() > 1 {
                    Some(r.iter().map(|c| c.to_string()).collect())
                } else {
                    None
                },
                bullet: false,
                table_row: false,
            })
            .collect()
    }

    type SlotKey = (String, Option<String>, Option<String>, Vec<String>);

    fn slots_of(blocks: &[Block], year: i32) -> Vec<SlotKey> {
        let mut doc = Document {
            dates: Some(crate::model::DateRange {
                start: format!("{year}-01-01"),
                end: format!("{year}-12-31"),
            }),
            ..Default::default()
        };
        read(blocks, 0, &mut doc);
        doc.schedule
            .iter()
            .map(|s| {
                (
                    s.date.clone().unwrap_or_default(),
                    s.start.clone(),
                    s.end.clone(),
                    s.items.clone(),
                )
            })
            .collect()
    }

    /// An expected slot: date, start, end and items.
    fn slot(date: &str, start: Option<&str>, end: Option<&str>, items: &[&str]) -> SlotKey {
        (
            date.to_string(),
            start.map(str::to_string),
            end.map(str::to_string),
            items.iter().map(|i| i.to_string()).collect(),
        )
    }

    #[test]
    fn day_above_date_and_lanes() {
        let b = table(&[
            &["Date", "Time", "Plenary", "Committee of the Whole"],
            &["Monday", "10 a.m.–1 p.m.", "Item 1 (a)", ""],
            &["31 March", "", "Opening", ""],
            &["", "3–6 p.m.", "Items 3 and 4", "Item 5 (a)"],
            &["Tuesday", "10 a.m.–1 p.m.", "Item 7", ""],
            &["1 April", "", "Budget", ""],
        ]);
        let got = slots_of(&b, 2025);
        assert_eq!(
            got,
            vec![
                slot("2025-03-31", Some("10:00"), Some("13:00"), &["1(a)"]),
                slot("2025-03-31", Some("15:00"), Some("18:00"), &["3", "4"]),
                slot("2025-03-31", Some("15:00"), Some("18:00"), &["5(a)"]),
                slot("2025-04-01", Some("10:00"), Some("13:00"), &["7"]),
            ]
        );
    }

    #[test]
    fn parts_of_day_without_times() {
        let b = table(&[
            &["Monday, 17 November"],
            &["Morning", "1 and 2", "Opening"],
            &["Afternoon", "3", "Trends"],
        ]);
        let got = slots_of(&b, 2025);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], slot("2025-11-17", None, None, &["1", "2"]));
    }

    #[test]
    fn chinese_days() {
        let b = table(&[
            &["6月12日(星期四)", "上午10:00-13:00", "5(a)和(b)", "执法"],
            &["", "下午3:00-6:00", "5(c)、5(d)", "法证"],
        ]);
        let got = slots_of(&b, 2025);
        assert_eq!(
            got[1],
            slot(
                "2025-06-12",
                Some("15:00"),
                Some("18:00"),
                &["5(c)", "5(d)"]
            )
        );
    }

    #[test]
    fn space_aligned_columns_and_split_times() {
        let lines = [
            (4, "Date               Time             Item      Title"),
            (4, "Thursday,          10.00–13.00      3         Nature"),
            (4, "12 March                                      flood"),
            (4, "Friday,            10 a.m.–         5         Programme"),
            (4, "13 March           1 p.m.                     2026–2027"),
            (23, "15.00–18.00      6         Adoption"),
        ];
        let b: Vec<Block> = lines
            .iter()
            .map(|(i, s)| Block {
                text: s.to_string(),
                indent: *i,
                cells: None,
                bullet: false,
                table_row: false,
            })
            .collect();
        let got = slots_of(&b, 2026);
        assert_eq!(
            got,
            vec![
                slot("2026-03-12", Some("10:00"), Some("13:00"), &["3"]),
                slot("2026-03-13", Some("10:00"), Some("13:00"), &["5"]),
                slot("2026-03-13", Some("15:00"), Some("18:00"), &["6"]),
            ]
        );
    }

    #[test]
    fn times_in_the_header() {
        let b = table(&[
            &["Day", "Morning 10 a.m.–1 p.m.", "Afternoon 3–6 p.m."],
            &[
                "Monday, 6 October",
                "Items 1, 2 and 3(a)",
                "Items 3(b) and (c)",
            ],
            &["Tuesday, 7 October", "Item 4", "Item 5"],
        ]);
        let got = slots_of(&b, 2025);
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[1],
            slot(
                "2025-10-06",
                Some("15:00"),
                Some("18:00"),
                &["3(b)", "3(c)"]
            )
        );
    }

    #[test]
    fn items_and_continued_in_french_and_spanish() {
        assert_eq!(expand_items("1 a)"), ["1(a)"]);
        assert_eq!(expand_items("3 a) et b)"), ["3(a)", "3(b)"]);
        assert!(CONTINUED.is_match("2 (suite)"));
        assert!(CONTINUED.is_match("2 (continuación)"));
        assert!(CONTINUED.is_match("2 (продолжение)"));
        assert!(CONTINUED.is_match("2 (تابع)"));
    }
}
