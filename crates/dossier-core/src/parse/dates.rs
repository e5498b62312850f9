//! Dates and times as UN documents print them, in Chinese and English.

use super::numerals::Numeral;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(n))
        .map(|i| i as u32 + 1)
}

pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A meeting's date range with the venue printed beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDates {
    pub start: String,
    pub end: String,
    pub venue: Option<String>,
}

static ZH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?x)
        (\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日   # the first day: "2019年12月16日"
        (?:
            \s*(?:至|-|–|和)\s*                          # "至", "-", "和"
            (?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?   # the last day's year and month, when they differ
            (\d{1,2})\s*日
        )?
        (?:\s*[，,]\s*([^\s，,。（(]{2,20}))?             # "，维也纳": the venue
    "#).unwrap()
});
static EN_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})(?:\s+([A-Z][a-z]+))?(?:\s*(?:-|–|—|to|and)\s*(\d{1,2}))?\s+([A-Z][a-z]+)\s+(\d{4})\b").unwrap()
});
static EN_RANGE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Z][a-z]+)\s+(\d{1,2})(?:\s*(?:-|–|—|to)\s*(?:([A-Z][a-z]+)\s+)?(\d{1,2}))?,\s*(\d{4})\b").unwrap()
});

/// Finds "2024年6月12日至14日，维也纳", "Vienna, 12–14 June 2024",
/// "30 and 31 August 2012", "16 November–2 December 2024".
pub fn meeting_dates(line: &str) -> Option<MeetingDates> {
    if let Some(c) = ZH_RANGE.captures(line) {
        let y: i32 = c[1].num().ok()?;
        let m: u32 = c[2].num().ok()?;
        let d: u32 = c[3].num().ok()?;
        let start = iso(y, m, d)?;
        let end = match c.get(6) {
            Some(d2) => {
                let y2 = c.get(4).and_then(|v| v.as_str().num().ok()).unwrap_or(y);
                let m2 = c.get(5).and_then(|v| v.as_str().num().ok()).unwrap_or(m);
                iso(y2, m2, d2.as_str().num().ok()?)?
            }
            None => start.clone(),
        };
        let venue = c
            .get(7)
            .map(|v| v.as_str().trim().to_string())
            .filter(|v| !v.contains("星期"));
        return Some(MeetingDates { start, end, venue });
    }
    if let Some(c) = EN_RANGE.captures(line) {
        let y: i32 = c[5].num().ok()?;
        let m2 = month_number(&c[4])?;
        let d1: u32 = c[1].num().ok()?;
        let m1 = match c.get(2) {
            Some(m) => month_number(m.as_str())?,
            None => m2,
        };
        let d2: u32 = c.get(3).and_then(|v| v.as_str().num().ok()).unwrap_or(d1);
        let start = iso(y, m1, d1)?;
        let end = iso(y, m2, d2)?;
        let before = line[..c.get(0).unwrap().start()]
            .trim()
            .trim_end_matches([',', ';'])
            .trim();
        let venue = before
            .rsplit(',')
            .next()
            .map(|s| s.trim().to_string())
            .filter(|s| {
                !s.is_empty() && s.len() <= 40 && s.chars().next().is_some_and(|c| c.is_uppercase())
            });
        return Some(MeetingDates { start, end, venue });
    }
    if let Some(c) = EN_RANGE_MDY.captures(line) {
        let y: i32 = c[5].num().ok()?;
        let m1 = month_number(&c[1])?;
        let d1: u32 = c[2].num().ok()?;
        let m2 = c
            .get(3)
            .and_then(|m| month_number(m.as_str()))
            .unwrap_or(m1);
        let d2: u32 = c.get(4).and_then(|v| v.as_str().num().ok()).unwrap_or(d1);
        return Some(MeetingDates {
            start: iso(y, m1, d1)?,
            end: iso(y, m2, d2)?,
            venue: None,
        });
    }
    None
}

/// A single date: "22 March 2024", "2024年3月22日".
pub fn single_date(line: &str) -> Option<String> {
    meeting_dates(line).map(|d| d.start)
}

static ZH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        ^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日   # "2024年6月12日", "8月30日"
        \s*[，,、]?\s*
        (?:\(?（?星期[一二三四五六日天]）?\)?)?              # "，星期四", "（星期三）"
    "#,
    )
    .unwrap()
});
static EN_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?xi)
        ^(?:
            # the weekday first: "Monday, ", "Tue. "
            (monday|tuesday|wednesday|thursday|friday|saturday|sunday
            |mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+
        )?
        (?:
            (\d{1,2})\s+([a-z]{3,9})\.?    # "16 December"
          | ([a-z]{3,9})\.?\s+(\d{1,2})    # "December 16"
        )
        (?:,?\s+(\d{4}))?                  # ", 2019"
        (?:\s*\((?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\))?   # "(Monday)"
    "#,
    )
    .unwrap()
});

/// A timetable's day heading: "8 月 30 日，星期四", "2024年6月12日，星期三",
/// "Monday, 16 December", "16 December 2019 (Monday)". The year comes from the
/// meeting when the row omits it. Returns the ISO date and the length matched.
pub fn day_heading(s: &str, meeting_year: Option<i32>) -> Option<(String, usize)> {
    let s_trim = s.trim_start();
    let offset = s.len() - s_trim.len();
    if let Some(c) = ZH_DAY.captures(s_trim) {
        let y = c
            .get(1)
            .and_then(|v| v.as_str().num().ok())
            .or(meeting_year)?;
        let date = iso(y, c[2].num().ok()?, c[3].num().ok()?)?;
        return Some((date, offset + c.get(0).unwrap().end()));
    }
    en_day(s_trim, meeting_year)
        .or_else(|| other_day(s_trim, meeting_year))
        .map(|(date, len)| (date, offset + len))
}

/// "Monday, 16 December", "16 December 2019 (Monday)", "Dec. 16".
fn en_day(s_trim: &str, meeting_year: Option<i32>) -> Option<(String, usize)> {
    if let Some(c) = EN_DAY.captures(s_trim) {
        let (d, m) = match (c.get(2), c.get(3), c.get(4), c.get(5)) {
            (Some(d), Some(m), _, _) => (d.as_str(), m.as_str()),
            (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
            _ => return None,
        };
        let month = month_number(m)?;
        // A bare "3 May" is ambiguous with times; require a weekday or a year
        // unless the month is spelled out in full.
        let spelled = MONTHS.contains(&m.to_lowercase().as_str());
        if c.get(1).is_none() && c.get(6).is_none() && !spelled {
            return None;
        }
        let y = c
            .get(6)
            .and_then(|v| v.as_str().num().ok())
            .or(meeting_year)?;
        let date = iso(y, month, d.num().ok()?)?;
        return Some((date, c.get(0).unwrap().end()));
    }
    None
}

/// A day in the other languages, read word by word with the vocabulary's
/// weekdays and months: "Mardi 8 septembre", "martes 8 de septiembre de
/// 2026", "вторник, 8 сентября", "الثلاثاء، 8 أيلول/سبتمبر".
fn other_day(s: &str, meeting_year: Option<i32>) -> Option<(String, usize)> {
    use super::vocabulary::{month, weekday};
    // Each word with the offset where it ends; "de" only joins the parts
    // ("8 de septiembre de 2026").
    let mut words = s
        .split_whitespace()
        .map(|w| (w, w.as_ptr() as usize - s.as_ptr() as usize + w.len()))
        .filter(|(w, _)| *w != "de")
        .peekable();
    if words.peek().is_some_and(|&(w, _)| weekday(w).is_some()) {
        words.next();
    }
    let (d, _) = words.next()?;
    let day: u32 = d
        .trim_end_matches(['.', ',', '،'])
        .trim_end_matches("er")
        .num()
        .ok()?;
    let (m, mut end) = words.next()?;
    // "أيلول/سبتمبر": the Levantine and the Egyptian names of one month.
    let mon = m
        .trim_end_matches([',', '،', ';'])
        .split('/')
        .find_map(month)?;
    let year = words.next().and_then(|(w, e)| {
        let y: i32 = w.trim_end_matches([',', '،', '.']).num().ok()?;
        (1900..2200).contains(&y).then(|| {
            end = e;
            y
        })
    });
    let date = iso(year.or(meeting_year)?, mon, day)?;
    Some((date, end))
}

static ZH_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        ^(上午|中午|下午|晚上)?\s*                            # the start's part of the day
        (\d{1,2})\s*(?:(?:时|点)\s*(?:(\d{2})\s*分|(半))?|[:：](\d{2}))   # "10时", "3点半", "10:00"
        \s*(?:至|-|–|—|到)\s*
        (上午|中午|下午|晚上)?\s*                             # the end's part of the day
        (\d{1,2})\s*(?:(?:时|点)\s*(?:(\d{2})\s*分|(半))?|[:：](\d{2}))
    "#,
    )
    .unwrap()
});
static EN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?xi)
        ^(\d{1,2}|noon)(?:[.:](\d{2}))?\s*(a\.\s?m\.|p\.\s?m\.|am|pm|noon)?   # "10 a.m.", "3", "15:00"
        \s*(?:-|–|—|to|until)\s*
        (\d{1,2}|noon|midnight)(?:[.:](\d{2}))?\s*(a\.\s?m\.|p\.\s?m\.|am|pm)?   # "1 p.m.", "18:00"
    "#).unwrap()
});

/// A time slot at the start of `s`: "上午 10 时至下午 1 时", "下午3时至6时",
/// "10 a.m.–1 p.m.", "3–6 p.m.", "15:00–18:00". Returns start, end (24 h) and
/// the length matched.
pub fn time_range(s: &str) -> Option<(String, String, usize)> {
    let t = s.trim_start();
    let offset = s.len() - t.len();
    if let Some(c) = ZH_TIME.captures(t) {
        let p1 = c.get(1).map(|m| m.as_str());
        let p2 = c.get(6).map(|m| m.as_str()).or(p1);
        let h1 = to24(c[2].num().ok()?, p1.map(zh_pm));
        let h2 = to24(c[7].num().ok()?, p2.map(zh_pm));
        let m1 = minutes(c.get(3).or(c.get(4)).or(c.get(5)).map(|m| m.as_str()));
        let m2 = minutes(c.get(8).or(c.get(9)).or(c.get(10)).map(|m| m.as_str()));
        return finish(h1, m1, h2, m2, offset + c.get(0).unwrap().end());
    }
    if let Some(c) = EN_TIME.captures(t) {
        let word1 = c[1].to_lowercase();
        let word2 = c[4].to_lowercase();
        let suf1 = c
            .get(3)
            .map(|m| m.as_str().to_lowercase().replace([' ', '.'], ""));
        let suf2 = c
            .get(6)
            .map(|m| m.as_str().to_lowercase().replace([' ', '.'], ""));
        let is24 = c.get(2).is_some() && suf1.is_none() && suf2.is_none() && c[1].len() == 2;
        if suf1.is_none() && suf2.is_none() && !is24 && word1 != "noon" && word2 != "noon" {
            return None;
        }
        let h1: u32 = if word1 == "noon" {
            12
        } else {
            word1.num().ok()?
        };
        let h2: u32 = match word2.as_str() {
            "noon" => 12,
            "midnight" => 24,
            w => w.num().ok()?,
        };
        let pm2 = suf2.as_deref().map(|s| s == "pm");
        // "3–6 p.m.": the first time takes the second's half of the day when it fits.
        let pm1 = match suf1.as_deref() {
            Some("noon") => Some(true),
            Some(s) => Some(s == "pm"),
            None if word1 == "noon" => Some(true),
            None => pm2.map(|pm| pm && h1 < 12 && h1 <= h2),
        };
        let (h1, h2) = if is24 {
            (h1, h2)
        } else {
            (
                to24(h1, pm1),
                to24(h2, if word2 == "noon" { Some(true) } else { pm2 }),
            )
        };
        let m1 = minutes(c.get(2).map(|m| m.as_str()));
        let m2 = minutes(c.get(5).map(|m| m.as_str()));
        return finish(h1, m1, h2, m2, offset + c.get(0).unwrap().end());
    }
    None
}

fn zh_pm(p: &str) -> bool {
    matches!(p, "下午" | "晚上" | "中午")
}

fn to24(h: u32, pm: Option<bool>) -> u32 {
    match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    }
}

fn minutes(m: Option<&str>) -> u32 {
    match m {
        Some("半") => 30,
        Some(s) => s.num().unwrap_or(0),
        None => 0,
    }
}

fn finish(h1: u32, m1: u32, h2: u32, m2: u32, len: usize) -> Option<(String, String, usize)> {
    if h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 {
        return None;
    }
    Some((format!("{h1:02}:{m1:02}"), format!("{h2:02}:{m2:02}"), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_dates_in_both_languages() {
        let d = meeting_dates("2012年8月30日至31日，维也纳").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_str(), d.venue.as_deref()),
            ("2012-08-30", "2012-08-31", Some("维也纳"))
        );
        let d = meeting_dates("Vienna, 12–14 June 2024").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_str(), d.venue.as_deref()),
            ("2024-06-12", "2024-06-14", Some("Vienna"))
        );
        let d = meeting_dates("Vienna, 30 and 31 August 2012").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_str()),
            ("2012-08-30", "2012-08-31")
        );
        let d = meeting_dates("New York, 25 November–6 December 2024").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_str()),
            ("2024-11-25", "2024-12-06")
        );
    }

    #[test]
    fn time_ranges() {
        assert_eq!(time_range("上午10时至 下午1时").unwrap().0, "10:00");
        assert_eq!(time_range("上午10时至 下午1时").unwrap().1, "13:00");
        assert_eq!(time_range("下午 3 时至 6 时 4").unwrap().1, "18:00");
        let (s, e, _) = time_range("3–6 p.m.").unwrap();
        assert_eq!((s.as_str(), e.as_str()), ("15:00", "18:00"));
        let (s, e, _) = time_range("10 a.m.–1 p.m.").unwrap();
        assert_eq!((s.as_str(), e.as_str()), ("10:00", "13:00"));
        let (s, e, _) = time_range("15:00–18:00").unwrap();
        assert_eq!((s.as_str(), e.as_str()), ("15:00", "18:00"));
        assert!(time_range("4 Technical assistance").is_none());
    }

    #[test]
    fn day_headings() {
        assert_eq!(
            day_heading("8月30日，星期四", Some(2012)).unwrap().0,
            "2012-08-30"
        );
        assert_eq!(
            day_heading("Monday, 16 December", Some(2019)).unwrap().0,
            "2019-12-16"
        );
        assert_eq!(
            day_heading("Tuesday, 17 December 2019", None).unwrap().0,
            "2019-12-17"
        );
        assert!(day_heading("5 Technical assistance", Some(2019)).is_none());
    }

    #[test]
    fn days_in_the_other_languages() {
        let cases: &[(&str, &str)] = &[
            ("Mardi 8 septembre", "2026-09-08"),
            ("martes 8 de septiembre de 2026", "2026-09-08"),
            ("Miércoles 9 de septiembre", "2026-09-09"),
            ("вторник, 8 сентября", "2026-09-08"),
            ("8 сентября 2026 года", "2026-09-08"),
            ("الثلاثاء، 8 أيلول/سبتمبر", "2026-09-08"),
        ];
        for (s, want) in cases {
            let (got, _) = day_heading(s, Some(2026)).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&got, want, "{s}");
        }
        // What follows the day stays outside it.
        let (_, len) = day_heading("Mardi 8 septembre 10 heures-13 heures", Some(2026)).unwrap();
        assert_eq!(
            &"Mardi 8 septembre 10 heures-13 heures"[len..],
            " 10 heures-13 heures"
        );
    }
}
