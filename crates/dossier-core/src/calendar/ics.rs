//! iCalendar (RFC 5545) output: events in a venue's time zone, each with its
//! TZID and one VTIMEZONE per calendar.

use super::zone::{self, local_time};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// One event to write: a schedule slot in venue-local time.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable across exports, so that a calendar updates rather than duplicates.
    pub uid: String,
    pub date: String,
    /// "HH:MM"; without a start the event lasts the whole day.
    pub start: Option<String>,
    pub end: Option<String>,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    /// The venue's zone; without one the times are floating local times
    /// (RFC 5545 form 1), shown as printed wherever the calendar is.
    pub time_zone: Option<Tz>,
}

/// Writes a calendar: each event's times carry its zone's TZID, and the
/// calendar one VTIMEZONE per zone, covering the years of its events.
pub fn write(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Dossier//Meeting schedule//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    let mut zones: Vec<Tz> = events.iter().filter_map(|e| e.time_zone).collect();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    // The calendar's default zone, for clients that read it: only when every
    // event is in it (a client may read floating times in X-WR-TIMEZONE, and
    // an event whose venue's zone is unknown must stay as printed).
    let floating = events.iter().any(|e| e.time_zone.is_none());
    if let ([only], false) = (zones.as_slice(), floating) {
        lines.push(format!("X-WR-TIMEZONE:{}", only.name()));
    }
    for tz in zones {
        lines.extend(zone::vtimezone(
            tz,
            events
                .iter()
                .filter(|e| e.time_zone == Some(tz))
                .filter_map(|e| zone::year_of(&e.date)),
        ));
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        let Ok(day) = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d") else {
            continue;
        };
        lines.push("BEGIN:VEVENT".to_string());
        lines.push(format!("UID:{}", escape(&e.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        let tz = e.time_zone;
        match e.start.as_deref().and_then(|s| local_time(&e.date, s)) {
            Some(start) => {
                lines.push(date_time("DTSTART", tz, start));
                if let Some(end) = e.end.as_deref().and_then(|s| local_time(&e.date, s)) {
                    if end > start {
                        lines.push(date_time("DTEND", tz, end));
                    }
                }
            }
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
                let next = day.succ_opt().unwrap_or(day);
                lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(loc) = &e.location {
            lines.push(format!("LOCATION:{}", escape(loc)));
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

fn date_time(prop: &str, tz: Option<Tz>, t: chrono::NaiveDateTime) -> String {
    let value = t.format("%Y%m%dT%H%M%S");
    match tz {
        Some(tz) => format!("{prop};TZID={}:{value}", tz.name()),
        None => format!("{prop}:{value}"),
    }
}

/// TEXT escaping (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character,
/// and ends it with CRLF (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chinese_lines_fold_on_character_boundaries() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "审议执行情况".repeat(10)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded.trim_end(),
            format!("SUMMARY:{}", "审议执行情况".repeat(10))
        );
    }

    #[test]
    fn a_default_zone_is_named_only_when_no_event_floats() {
        let event = |zone: Option<Tz>| Event {
            uid: format!("{zone:?}"),
            date: "2024-06-12".into(),
            start: Some("10:00".into()),
            end: Some("13:00".into()),
            summary: "Item 1".into(),
            description: String::new(),
            location: None,
            time_zone: zone,
        };
        let stamp = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
        let vienna = Some(chrono_tz::Europe::Vienna);
        assert!(write("x", &[event(vienna)], stamp).contains("X-WR-TIMEZONE:Europe/Vienna\r\n"));
        let mixed = write("x", &[event(vienna), event(None)], stamp);
        assert!(!mixed.contains("X-WR-TIMEZONE"), "{mixed}");
        assert!(mixed.contains("TZID=Europe/Vienna"), "{mixed}");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
