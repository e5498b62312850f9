//! A meeting's dates and venue as mastheads and report titles print them, in
//! every order real documents use: "Geneva, 3–7 February 2025", "12 to 15 May
//! 2026, Geneva", "Cartagena, Colombia, 4–8 October 2027", "(New York, 1 and
//! 2 April 2025)", ranges in parts ("20–24 and 29–31 January and 11 February
//! 2025"), across months and years ("16 November 2024–2 December 2025").
//!
//! The line is read as tokens (day numbers, month names from
//! [`super::vocabulary`], years): each day takes the first month and year
//! that follow it; the meeting runs from the first day to the last. The venue
//! is the name printed before the first day (or after the year).

use super::dates::{iso, MeetingDates};
use super::numerals::Numeral;
use super::vocabulary;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Day(u32),
    Month(u32),
    Year(i32),
}

/// The dates (and venue) of a line that prints a meeting's days; `None`
/// when it prints no day with a month and a year.
pub fn read(line: &str) -> Option<MeetingDates> {
    let mut tokens: Vec<(Token, usize, usize)> = Vec::new();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let part = c.is_alphanumeric();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &line[s..]));
    }
    for (at, w) in words.iter().copied() {
        let end = at + w.len();
        // A number inside a symbol ("TD/B/CN.4/36") is no day. (A month's
        // two Arabic names are joined so: "أيلول/سبتمبر".)
        let joined = line[..at].ends_with(['/', '.']) || line[end..].starts_with('/');
        if joined && w.chars().all(super::numerals::is_digit) {
            continue;
        }
        if w.chars().all(super::numerals::is_digit) {
            match w.chars().count() {
                1 | 2 => {
                    let d: u32 = w.num().ok()?;
                    if (1..=31).contains(&d) {
                        tokens.push((Token::Day(d), at, end));
                    }
                }
                4 => {
                    let y: i32 = w.num().ok()?;
                    if (1945..=2100).contains(&y) {
                        tokens.push((Token::Year(y), at, end));
                    }
                }
                _ => return None,
            }
        } else if let Some(m) = vocabulary::month(w) {
            tokens.push((Token::Month(m), at, end));
        }
    }
    // Each day takes the month and the year that follow it.
    let mut days: Vec<(u32, u32, i32, usize)> = Vec::new();
    for (i, (t, at, _)) in tokens.iter().enumerate() {
        let Token::Day(d) = *t else { continue };
        let month = tokens[i + 1..].iter().find_map(|(t, _, _)| match t {
            Token::Month(m) => Some(*m),
            _ => None,
        });
        let year = tokens[i + 1..].iter().find_map(|(t, _, _)| match t {
            Token::Year(y) => Some(*y),
            _ => None,
        });
        if let (Some(m), Some(y)) = (month, year) {
            days.push((d, m, y, *at));
        }
    }
    let first = days.first()?;
    let last = days.last()?;
    let start = iso(first.2, first.1, first.0)?;
    let end = iso(last.2, last.1, last.0)?;
    if end < start {
        return None;
    }
    let venue = venue_before(&line[..first.3]).or_else(|| {
        let after = tokens.last().map(|(_, _, e)| *e).unwrap_or(line.len());
        venue_after(&line[after..])
    });
    Some(MeetingDates { start, end, venue })
}

/// "Geneva, " / "(United Nations Headquarters, New York, " / "held in Nairobi from ".
fn venue_before(s: &str) -> Option<String> {
    let mut v = s.trim().trim_start_matches(['(', '（']).trim();
    let lower = v.to_lowercase();
    for lead in ["from", "du", "del", "с", "on", "le", "el"] {
        if lower.ends_with(&format!(" {lead}")) {
            v = v[..v.len() - lead.len()].trim();
        }
    }
    let v = v.trim_end_matches([',', '，', '،', ';', '–', '-']).trim();
    let lower = v.to_lowercase();
    let v = vocabulary::VENUE_LEADS
        .iter()
        .find_map(|lead| {
            lower
                .rfind(&format!("{lead} "))
                .filter(|&i| i == 0 || lower[..i].ends_with(' '))
                .map(|i| v[i + lead.len()..].trim())
        })
        .unwrap_or(v);
    plausible(v)
}

/// ", Geneva" after the dates.
fn venue_after(s: &str) -> Option<String> {
    let v = s.trim().trim_start_matches([',', '，', '،']).trim();
    let v = v.trim_end_matches([')', '）', '.']).trim();
    plausible(v)
}

fn plausible(v: &str) -> Option<String> {
    let ok = !v.is_empty()
        && v.chars().count() <= 60
        // A capital, or a letter of a script without case ("فيينا").
        && v.chars().next().is_some_and(|c| c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase())
        && !v.chars().any(super::numerals::is_digit)
        && !v.to_lowercase().contains("session")
        && v.split_whitespace().count() <= 8;
    ok.then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, start: &str, end: &str, venue: Option<&str>) {
        let d = read(line).unwrap_or_else(|| panic!("no dates in {line:?}"));
        assert_eq!(
            (d.start.as_str(), d.end.as_str(), d.venue.as_deref()),
            (start, end, venue),
            "{line}"
        );
    }

    #[test]
    fn reads_dates_in_the_other_languages() {
        check(
            "Vienne, 8-10 septembre 2026",
            "2026-09-08",
            "2026-09-10",
            Some("Vienne"),
        );
        check(
            "Viena, 8 a 10 de septiembre de 2026",
            "2026-09-08",
            "2026-09-10",
            Some("Viena"),
        );
        check(
            "Вена, 8–10 сентября 2026 года",
            "2026-09-08",
            "2026-09-10",
            Some("Вена"),
        );
        // Arabic: no capitals, an Arabic comma, a month's two names.
        check(
            "فيينا، 8-10 أيلول/سبتمبر 2026",
            "2026-09-08",
            "2026-09-10",
            Some("فيينا"),
        );
    }

    #[test]
    fn reads_dates_in_every_order() {
        check(
            "Geneva, 3–7 February 2025",
            "2025-02-03",
            "2025-02-07",
            Some("Geneva"),
        );
        check(
            "12 to 15 May 2026, Geneva",
            "2026-05-12",
            "2026-05-15",
            Some("Geneva"),
        );
        check(
            "Cartagena, Colombia, 4–8 October 2027",
            "2027-10-04",
            "2027-10-08",
            Some("Cartagena, Colombia"),
        );
        check(
            "New York, 20–24 and 29–31 January and 11 February 2025",
            "2025-01-20",
            "2025-02-11",
            Some("New York"),
        );
        check(
            "(United Nations Headquarters, New York, 1 and 2 April 2025)",
            "2025-04-01",
            "2025-04-02",
            Some("United Nations Headquarters, New York"),
        );
        check(
            "Geneva, 30 April – 1 May 2018",
            "2018-04-30",
            "2018-05-01",
            Some("Geneva"),
        );
        check(
            "Durban, 28 November to 3 December 2011",
            "2011-11-28",
            "2011-12-03",
            Some("Durban"),
        );
        check(
            "16 November 2024–2 December 2025",
            "2024-11-16",
            "2025-12-02",
            None,
        );
        check(
            "Genève, 8-19 février 2010",
            "2010-02-08",
            "2010-02-19",
            Some("Genève"),
        );
        check(
            "Nairobi, 3–7 et 10–12 mars 2027",
            "2027-03-03",
            "2027-03-12",
            Some("Nairobi"),
        );
        check(
            "Substantive session, 12 May–13 June 2025",
            "2025-05-12",
            "2025-06-13",
            None,
        );
    }

    #[test]
    fn needs_a_month_and_a_year() {
        assert!(read("Item 4 of the provisional agenda").is_none());
        assert!(read("3–7 February").is_none());
        assert!(read("A/80/590").is_none());
        let d = read("TD/B/CN.4/36 11 May 1994").unwrap();
        assert_eq!(
            (d.start.as_str(), d.end.as_str(), d.venue),
            ("1994-05-11", "1994-05-11", None)
        );
    }
}
