//! Time-zone arithmetic for schedules: venue-local slot times to instants,
//! and the VTIMEZONE component (RFC 5545 §3.6.5) a calendar needs to show
//! them right across daylight-saving changes.
//!
//! The VTIMEZONE is written from the tz database compiled into this build
//! (chrono-tz): one observance per transition in the years the calendar
//! covers, with explicit onsets rather than RRULEs, so zones whose rules are
//! irregular (Casablanca's Ramadan changes, Santiago's) come out right too.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// Parses an IANA zone name.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// The instant a venue-local date and "HH:MM" time names. In the hour a
/// clock skips, the time after the change; in the hour it repeats, the first.
pub fn instant(tz: Tz, date: &str, time: &str) -> Option<DateTime<Utc>> {
    let local = local_time(date, time)?;
    let resolved = tz.from_local_datetime(&local).earliest().or_else(|| {
        tz.from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
    })?;
    Some(resolved.with_timezone(&Utc))
}

pub(crate) fn local_time(date: &str, time: &str) -> Option<NaiveDateTime> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let time = chrono::NaiveTime::parse_from_str(time, "%H:%M").ok()?;
    Some(date.and_time(time))
}

#[derive(Debug, Clone, PartialEq)]
struct Observance {
    /// Local time of the onset, in the offset in force before it.
    onset: NaiveDateTime,
    from: i32,
    to: i32,
    daylight: bool,
    name: String,
}

fn state(tz: Tz, at: DateTime<Utc>) -> (i32, bool, String) {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let total = (offset.base_utc_offset() + offset.dst_offset()).num_seconds() as i32;
    let name = offset.abbreviation().unwrap_or("").to_string();
    (total, offset.dst_offset().num_seconds() != 0, name)
}

fn at_second(ts: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(ts, 0).expect("a timestamp within chrono's range")
}

/// The observances from January of `first_year` to December of `last_year`.
fn observances(tz: Tz, first_year: i32, last_year: i32) -> Vec<Observance> {
    let start = Utc
        .with_ymd_and_hms(first_year, 1, 1, 0, 0, 0)
        .single()
        .expect("valid date");
    let end = Utc
        .with_ymd_and_hms(last_year + 1, 1, 1, 0, 0, 0)
        .single()
        .expect("valid date");
    let (offset, daylight, name) = state(tz, start);
    let mut out = vec![Observance {
        onset: start.naive_utc() + Duration::seconds(offset as i64),
        from: offset,
        to: offset,
        daylight,
        name,
    }];
    let mut t = start;
    while t < end {
        let next = t + Duration::hours(6);
        let before = state(tz, t);
        if state(tz, next) != before {
            // Narrow the change down to the second.
            let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if state(tz, at_second(mid)) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = at_second(hi);
            let (to, daylight, name) = state(tz, hi);
            out.push(Observance {
                onset: hi.naive_utc() + Duration::seconds(before.0 as i64),
                from: before.0,
                to,
                daylight,
                name,
            });
        }
        t = next;
    }
    out
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// The VTIMEZONE lines (unfolded) for `tz`, covering the years of the given
/// local times and the year either side.
pub fn vtimezone(tz: Tz, years: impl IntoIterator<Item = i32>) -> Vec<String> {
    let years: Vec<i32> = years.into_iter().collect();
    let first = years.iter().min().copied().unwrap_or(2000) - 1;
    let last = years.iter().max().copied().unwrap_or(2000) + 1;
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", tz.name()),
        format!("X-LIC-LOCATION:{}", tz.name()),
    ];
    for o in observances(tz, first, last) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", o.onset.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", offset_text(o.from)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(o.to)));
        if !o.name.is_empty() {
            lines.push(format!("TZNAME:{}", o.name));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// The year of an ISO date, if it is one.
pub(crate) fn year_of(date: &str) -> Option<i32> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vienna_changes_to_summer_time_on_the_last_sunday_of_march() {
        let obs = observances(chrono_tz::Europe::Vienna, 2024, 2024);
        let spring = obs.iter().find(|o| o.daylight).unwrap();
        assert_eq!(spring.onset.to_string(), "2024-03-31 02:00:00");
        assert_eq!((spring.from, spring.to), (3600, 7200));
        let autumn = obs.iter().rev().find(|o| !o.daylight).unwrap();
        assert_eq!(autumn.onset.to_string(), "2024-10-27 03:00:00");
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_observance() {
        let obs = observances(chrono_tz::Asia::Dubai, 2018, 2020);
        assert_eq!(obs.len(), 1);
        assert_eq!(offset_text(obs[0].to), "+0400");
    }

    #[test]
    fn venue_times_become_instants() {
        let vienna = parse_zone("Europe/Vienna").unwrap();
        assert_eq!(
            instant(vienna, "2024-06-12", "10:00").unwrap().to_rfc3339(),
            "2024-06-12T08:00:00+00:00"
        );
        assert_eq!(
            instant(vienna, "2024-12-12", "10:00").unwrap().to_rfc3339(),
            "2024-12-12T09:00:00+00:00"
        );
        // 02:30 does not exist on 31 March 2024 in Vienna.
        assert_eq!(
            instant(vienna, "2024-03-31", "02:30").unwrap().to_rfc3339(),
            "2024-03-31T01:30:00+00:00"
        );
    }
}
