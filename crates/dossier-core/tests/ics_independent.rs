//! Every calendar Dossier writes, read back by two parsers besides the Rust
//! one (Python's `icalendar` and `vobject`, see `ics_check/ics_check.py`):
//! each TZID has its VTIMEZONE, times are floating only where the venue's zone
//! is unknown, every event has a UID (unique) and a DTSTAMP, lines are folded
//! at 75 octets on character boundaries, and the instants the parsers compute
//! from the calendar's own VTIMEZONE are the venue's times as computed here,
//! from UTC offsets written out by hand rather than from the tz database.

mod ics_check;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use dossier_core::calendar::{ics, slot_keys};
use dossier_core::{Document, Library};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const VIENNA_2024: &str = "001_9b3f3c3582431abc.txt";
const ABU_DHABI_2019: &str = "003_9b7261b858c1689a.txt";

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A zone's UTC offset in minutes in a month, as published (no change of
/// offset falls inside these months). Not chrono-tz: that is what is tested.
fn offset_minutes(zone: &str, date: &str) -> i64 {
    let month = &date[..7];
    match (zone, month) {
        ("Europe/Vienna", "2012-08" | "2017-08" | "2024-06") => 120,
        ("Asia/Dubai", _) => 240,
        ("Asia/Shanghai", _) => 480,
        ("America/New_York", "2024-06") => -240,
        // Sydney and Santiago keep summer time from October to April.
        ("Australia/Sydney", "2024-06") => 600,
        ("America/Santiago", "2024-06") => -240,
        _ => panic!("add the UTC offset of {zone} in {month} to offset_minutes"),
    }
}

fn local(date: &str, time: Option<&str>) -> Option<NaiveDateTime> {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(day.and_time(NaiveTime::parse_from_str(time?, "%H:%M").ok()?))
}

fn shown(t: NaiveDateTime, zone: Option<&str>) -> String {
    match zone {
        Some(z) => (t - Duration::minutes(offset_minutes(z, &t.date().to_string())))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
        None => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// The events expected for a document's schedule (the slots whose key is in
/// `only`, when given) in `zone`: a slot with a date and a start is a timed
/// event (its end only if after the start), with a date alone a day.
fn expected(doc: &Document, zone: Option<&str>, only: Option<&HashSet<String>>) -> Vec<Value> {
    doc.schedule
        .iter()
        .zip(slot_keys(&doc.schedule))
        .filter(|(_, key)| only.is_none_or(|o| o.contains(key)))
        .filter_map(|(slot, _)| {
            let date = slot.date.as_deref()?;
            Some(match local(date, slot.start.as_deref()) {
                Some(start) => {
                    let end = local(date, slot.end.as_deref()).filter(|&e| e > start);
                    json!({
                        "zone": zone,
                        "start": shown(start, zone),
                        "end": end.map(|e| shown(e, zone)),
                    })
                }
                None => {
                    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
                    json!({
                        "zone": zone,
                        "start": day.to_string(),
                        "end": day.succ_opt().unwrap().to_string(),
                    })
                }
            })
        })
        .collect()
}

struct Calendars {
    files: Vec<(String, Vec<u8>)>,
    expected: serde_json::Map<String, Value>,
}

impl Calendars {
    fn add(&mut self, name: &str, text: &str, events: Vec<Value>) {
        assert!(!events.is_empty(), "{name}: no events to check");
        self.files
            .push((name.to_string(), text.as_bytes().to_vec()));
        self.expected.insert(name.to_string(), Value::Array(events));
    }

    fn check(&self) {
        let Some(checker) = ics_check::checker() else {
            return;
        };
        let files: Vec<(&str, &[u8])> = self
            .files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        checker.assert_ok(&files, &Value::Object(self.expected.clone()));
    }
}

#[test]
fn seed_calendars_read_back_by_icalendar_and_vobject() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(&dir.path().join("library")).unwrap();
    let mut cals = Calendars {
        files: Vec::new(),
        expected: Default::default(),
    };
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        ids.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            lib.ingest_file(&path).unwrap().document_id.unwrap(),
        ));
    }
    // Vienna's agenda moved to a venue no table knows, in June 2019: its
    // times are floating, as printed.
    let atlantis = dir.path().join("atlantis.txt");
    let text = std::fs::read_to_string(seeds().join(VIENNA_2024)).unwrap();
    std::fs::write(
        &atlantis,
        text.replace("维也纳", "亚特兰蒂斯")
            .replace("2024年6月", "2019年6月"),
    )
    .unwrap();
    ids.push((
        "atlantis".into(),
        lib.ingest_file(&atlantis).unwrap().document_id.unwrap(),
    ));

    let mut with_schedule = Vec::new();
    for (name, id) in &ids {
        let stored = lib.document(*id).unwrap();
        if stored.document.schedule.is_empty() {
            continue;
        }
        with_schedule.push(name.as_str());
        let zone = stored.timing.time_zone.clone();
        let cal = lib.calendar(*id, false, None).unwrap();
        cals.add(
            &format!("{name}.ics"),
            &cal.text,
            expected(&stored.document, zone.as_deref(), None),
        );
        // Every slot starred but the first: the "starred only" export.
        for key in stored.timing.slots.iter().skip(1) {
            lib.star_slot(*id, &key.key, true).unwrap();
        }
        let starred: HashSet<String> = stored
            .timing
            .slots
            .iter()
            .skip(1)
            .map(|s| s.key.clone())
            .collect();
        let cal = lib.calendar(*id, true, None).unwrap();
        cals.add(
            &format!("{name} starred.ics"),
            &cal.text,
            expected(&stored.document, zone.as_deref(), Some(&starred)),
        );
    }
    assert!(
        with_schedule.contains(&VIENNA_2024)
            && with_schedule.contains(&ABU_DHABI_2019)
            && with_schedule.contains(&"atlantis"),
        "{with_schedule:?}"
    );
    let zone_of = |name: &str| {
        let id = ids.iter().find(|(n, _)| n == name).unwrap().1;
        lib.document(id).unwrap().timing.time_zone
    };
    assert_eq!(zone_of(VIENNA_2024).as_deref(), Some("Europe/Vienna"));
    assert_eq!(zone_of(ABU_DHABI_2019).as_deref(), Some("Asia/Dubai"));
    assert_eq!(zone_of("atlantis"), None);

    // Vienna's schedule exported in other zones (the CLI's --tz): the
    // southern hemisphere in its winter, the Americas, China.
    let vienna = ids.iter().find(|(n, _)| n == VIENNA_2024).unwrap().1;
    let stored = lib.document(vienna).unwrap();
    for zone in [
        "Australia/Sydney",
        "America/Santiago",
        "America/New_York",
        "Asia/Shanghai",
    ] {
        let cal = lib.calendar(vienna, false, Some(zone)).unwrap();
        cals.add(
            &format!("vienna in {}.ics", zone.replace('/', " ")),
            &cal.text,
            expected(&stored.document, Some(zone), None),
        );
    }

    // My agenda: every starred slot, three meetings, two zones and one
    // floating. Series come in the order of their earliest starred slot.
    let agenda = lib.my_agenda_calendar().unwrap();
    let mut firsts: Vec<(String, &str)> = Vec::new();
    for (name, id) in &ids {
        let stored = lib.document(*id).unwrap();
        if let Some(first) = stored
            .timing
            .slots
            .iter()
            .filter(|s| s.starred)
            .map(|s| s.key.clone())
            .min()
        {
            firsts.push((first, name));
        }
    }
    firsts.sort();
    let mut events = Vec::new();
    for (_, name) in firsts {
        let id = ids.iter().find(|(n, _)| n == name).unwrap().1;
        let stored = lib.document(id).unwrap();
        let starred: HashSet<String> = stored
            .timing
            .slots
            .iter()
            .filter(|s| s.starred)
            .map(|s| s.key.clone())
            .collect();
        events.extend(expected(
            &stored.document,
            stored.timing.time_zone.as_deref(),
            Some(&starred),
        ));
    }
    assert_eq!(events.len() as u32, agenda.events);
    cals.add("My agenda.ics", &agenda.text, events);
    cals.check();
}

fn event(
    uid: &str,
    tz: Option<&str>,
    date: &str,
    start: Option<&str>,
    end: Option<&str>,
    summary: &str,
) -> ics::Event {
    ics::Event {
        uid: uid.into(),
        date: date.into(),
        start: start.map(Into::into),
        end: end.map(Into::into),
        summary: summary.into(),
        description: String::new(),
        location: None,
        time_zone: tz.map(|z| z.parse().unwrap()),
    }
}

/// Events across zones, on both sides of daylight-saving changes, with
/// instants worked out by hand.
fn across_zones() -> Vec<(ics::Event, Value)> {
    let timed = |uid: &str, tz: &str, date: &str, start: &str, end: &str, at: &str, until: &str| {
        (
            event(uid, Some(tz), date, Some(start), Some(end), uid),
            json!({"zone": tz, "start": at, "end": until, "summary": uid}),
        )
    };
    vec![
        // Vienna: CET (+1) until the last Sunday of March, CEST (+2) until the last of October.
        timed(
            "vienna-march",
            "Europe/Vienna",
            "2024-03-28",
            "10:00",
            "13:00",
            "2024-03-28T09:00:00Z",
            "2024-03-28T12:00:00Z",
        ),
        timed(
            "vienna-april",
            "Europe/Vienna",
            "2024-04-02",
            "10:00",
            "13:00",
            "2024-04-02T08:00:00Z",
            "2024-04-02T11:00:00Z",
        ),
        timed(
            "vienna-june",
            "Europe/Vienna",
            "2024-06-12",
            "10:00",
            "13:00",
            "2024-06-12T08:00:00Z",
            "2024-06-12T11:00:00Z",
        ),
        timed(
            "vienna-october",
            "Europe/Vienna",
            "2024-10-25",
            "15:00",
            "18:00",
            "2024-10-25T13:00:00Z",
            "2024-10-25T16:00:00Z",
        ),
        timed(
            "vienna-november",
            "Europe/Vienna",
            "2024-10-29",
            "15:00",
            "18:00",
            "2024-10-29T14:00:00Z",
            "2024-10-29T17:00:00Z",
        ),
        // Another year of the same zone: the VTIMEZONE must cover it too.
        timed(
            "vienna-2026",
            "Europe/Vienna",
            "2026-07-01",
            "10:00",
            "11:30",
            "2026-07-01T08:00:00Z",
            "2026-07-01T09:30:00Z",
        ),
        // No daylight saving.
        timed(
            "dubai",
            "Asia/Dubai",
            "2019-12-16",
            "10:00",
            "13:00",
            "2019-12-16T06:00:00Z",
            "2019-12-16T09:00:00Z",
        ),
        timed(
            "shanghai",
            "Asia/Shanghai",
            "2025-01-20",
            "15:00",
            "18:00",
            "2025-01-20T07:00:00Z",
            "2025-01-20T10:00:00Z",
        ),
        // Southern hemisphere: AEDT (+11) until the first Sunday of April
        // (7 April 2024), AEST (+10) until the first Sunday of October (6 October).
        timed(
            "sydney-april",
            "Australia/Sydney",
            "2024-04-05",
            "10:00",
            "12:00",
            "2024-04-04T23:00:00Z",
            "2024-04-05T01:00:00Z",
        ),
        timed(
            "sydney-after",
            "Australia/Sydney",
            "2024-04-08",
            "10:00",
            "12:00",
            "2024-04-08T00:00:00Z",
            "2024-04-08T02:00:00Z",
        ),
        timed(
            "sydney-october",
            "Australia/Sydney",
            "2024-10-10",
            "10:00",
            "12:00",
            "2024-10-09T23:00:00Z",
            "2024-10-10T01:00:00Z",
        ),
        timed(
            "sydney-2025",
            "Australia/Sydney",
            "2025-01-15",
            "09:00",
            "17:00",
            "2025-01-14T22:00:00Z",
            "2025-01-15T06:00:00Z",
        ),
        // Santiago: -04 in winter (from 7 April 2024), -03 from 8 September.
        timed(
            "santiago-july",
            "America/Santiago",
            "2024-07-15",
            "10:00",
            "13:00",
            "2024-07-15T14:00:00Z",
            "2024-07-15T17:00:00Z",
        ),
        timed(
            "santiago-december",
            "America/Santiago",
            "2024-12-02",
            "10:00",
            "13:00",
            "2024-12-02T13:00:00Z",
            "2024-12-02T16:00:00Z",
        ),
        // New York: EST (-5) from 3 November 2024.
        timed(
            "new-york",
            "America/New_York",
            "2024-11-04",
            "09:00",
            "10:00",
            "2024-11-04T14:00:00Z",
            "2024-11-04T15:00:00Z",
        ),
        // Morocco keeps +01 but for Ramadan, when it goes back to +00 (from
        // 10 March to 14 April 2024), a change with no rule (Marrakech hosts
        // UN conferences).
        timed(
            "casablanca-ramadan",
            "Africa/Casablanca",
            "2024-03-20",
            "10:00",
            "13:00",
            "2024-03-20T10:00:00Z",
            "2024-03-20T13:00:00Z",
        ),
        timed(
            "casablanca-june",
            "Africa/Casablanca",
            "2024-06-12",
            "10:00",
            "13:00",
            "2024-06-12T09:00:00Z",
            "2024-06-12T12:00:00Z",
        ),
        // An offset of a quarter hour.
        timed(
            "kathmandu",
            "Asia/Kathmandu",
            "2024-06-12",
            "10:00",
            "13:00",
            "2024-06-12T04:15:00Z",
            "2024-06-12T07:15:00Z",
        ),
        // A day in a known zone is a date, not a floating time.
        (
            event(
                "vienna-day",
                Some("Europe/Vienna"),
                "2024-06-14",
                None,
                None,
                "vienna-day",
            ),
            json!({"zone": "Europe/Vienna", "start": "2024-06-14", "end": "2024-06-15"}),
        ),
        // The venue's zone unknown: floating, as printed.
        (
            event(
                "somewhere",
                None,
                "2024-06-12",
                Some("10:00"),
                Some("13:00"),
                "somewhere",
            ),
            json!({"zone": null, "start": "2024-06-12T10:00:00", "end": "2024-06-12T13:00:00"}),
        ),
    ]
}

/// Long summaries in Chinese (3 octets a character), Arabic (2) and with
/// emoji (4), shifted by one to three ASCII letters so the 75th octet falls
/// in every position of a character.
fn long_summaries() -> Vec<(ics::Event, Value)> {
    let texts = [
        "审议《联合国反腐败公约》实施情况；技术援助，预防，资产追回，国际合作".repeat(3),
        "استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الفساد؛ المساعدة التقنية، التدابير الوقائية"
            .repeat(2),
        "Résumé 🇦🇹 Wien, 🏛️ Salle M1 — 議程 🗓️".repeat(4),
    ];
    let mut out = Vec::new();
    for (t, text) in texts.iter().enumerate() {
        for shift in 0..4 {
            let summary = format!("{}{text}", "x".repeat(shift));
            let uid = format!("long-{t}-{shift}@dossier");
            let mut e = event(
                &uid,
                Some("Asia/Shanghai"),
                "2025-01-21",
                Some("10:00"),
                Some("11:00"),
                &summary,
            );
            e.description = format!("{summary}\n{summary}");
            e.location = Some(text.clone());
            out.push((
                e,
                json!({"zone": "Asia/Shanghai", "start": "2025-01-21T02:00:00Z", "end": "2025-01-21T03:00:00Z", "summary": summary}),
            ));
        }
    }
    out
}

fn write(name: &str, events: &[(ics::Event, Value)]) -> (String, Vec<Value>) {
    let list: Vec<ics::Event> = events.iter().map(|(e, _)| e.clone()).collect();
    (
        ics::write(name, &list, Utc::now()),
        events.iter().map(|(_, v)| v.clone()).collect(),
    )
}

#[test]
fn hand_built_calendars_read_back_across_zones_and_scripts() {
    let mut cals = Calendars {
        files: Vec::new(),
        expected: Default::default(),
    };
    let zones = across_zones();
    let (text, expected) = write("Across zones", &zones);
    cals.add("zones.ics", &text, expected);
    for (e, v) in &zones {
        let (text, expected) = write(&e.uid, std::slice::from_ref(&(e.clone(), v.clone())));
        cals.add(&format!("{}.ics", e.uid), &text, expected);
    }
    let (text, expected) = write(
        &"资产追回问题不限成员名额政府间工作组".repeat(4),
        &long_summaries(),
    );
    assert!(
        text.lines().any(|l| l.starts_with(' ')),
        "nothing was folded"
    );
    cals.add("long.ics", &text, expected);
    cals.check();
}

/// A good calendar broken one way at a time: the checker reports each.
#[test]
fn the_checker_reports_broken_calendars() {
    let Some(checker) = ics_check::checker() else {
        return;
    };
    let vienna = vec![
        (
            event(
                "a@dossier",
                Some("Europe/Vienna"),
                "2024-06-12",
                Some("10:00"),
                Some("13:00"),
                "Item 1",
            ),
            json!({"zone": "Europe/Vienna", "start": "2024-06-12T08:00:00Z", "end": "2024-06-12T11:00:00Z"}),
        ),
        (
            event(
                "b@dossier",
                Some("Europe/Vienna"),
                "2024-06-12",
                Some("15:00"),
                Some("18:00"),
                &"审议".repeat(30),
            ),
            json!({"zone": "Europe/Vienna", "start": "2024-06-12T13:00:00Z", "end": "2024-06-12T16:00:00Z"}),
        ),
    ];
    let (good, expected) = write("Vienna", &vienna);
    let expected = Value::Array(expected);
    let vtimezone = {
        let start = good.find("BEGIN:VTIMEZONE").unwrap();
        let end = good.find("END:VTIMEZONE\r\n").unwrap() + "END:VTIMEZONE\r\n".len();
        &good[start..end]
    };
    let long_line = format!("SUMMARY:{}\r\n", "x".repeat(72));
    assert_eq!(long_line.len() - 2, 80);
    let broken: Vec<(&str, Vec<u8>, Value, &[&str])> = vec![
        ("good.ics", good.clone().into_bytes(), expected.clone(), &[]),
        (
            "no-vtimezone.ics",
            good.replace(vtimezone, "").into_bytes(),
            expected.clone(),
            &["icalendar: event 1 (a@dossier): DTSTART uses TZID Europe/Vienna but the calendar has no VTIMEZONE for it",
              "vobject: event 1 (a@dossier): DTSTART uses TZID Europe/Vienna but the calendar has no VTIMEZONE for it"],
        ),
        (
            "80-octets.ics",
            good.replace("SUMMARY:Item 1\r\n", &long_line).into_bytes(),
            expected.clone(),
            &["80 octets (at most 75)"],
        ),
        (
            "floating.ics",
            good.replacen("DTSTART;TZID=Europe/Vienna:", "DTSTART:", 1).into_bytes(),
            expected.clone(),
            &["icalendar: event 1 (a@dossier): DTSTART is a floating time but the venue's zone Europe/Vienna is known",
              "vobject: event 1 (a@dossier): DTSTART is a floating time but the venue's zone Europe/Vienna is known"],
        ),
        (
            "no-dtstamp.ics",
            {
                let at = good.find("DTSTAMP:").unwrap();
                let end = at + good[at..].find("\r\n").unwrap() + 2;
                format!("{}{}", &good[..at], &good[end..]).into_bytes()
            },
            expected.clone(),
            &["icalendar: event 1 (a@dossier): no DTSTAMP", "vobject: event 1 (a@dossier): no DTSTAMP"],
        ),
        (
            "zone-where-unknown.ics",
            good.clone().into_bytes(),
            {
                let mut e = expected.clone();
                e[0]["zone"] = Value::Null;
                e
            },
            &["event 1 (a@dossier): DTSTART has a zone (Europe/Vienna) but the venue's is unknown"],
        ),
        (
            "same-uid.ics",
            good.replace("UID:b@dossier", "UID:a@dossier").into_bytes(),
            expected.clone(),
            &["event 2 (a@dossier): UID also used by event 1"],
        ),
        (
            "an-hour-off.ics",
            good.replace("DTSTART;TZID=Europe/Vienna:20240612T100000", "DTSTART;TZID=Europe/Vienna:20240612T110000")
                .into_bytes(),
            expected.clone(),
            &["icalendar: event 1 (a@dossier): DTSTART is 2024-06-12T09:00:00Z, expected 2024-06-12T08:00:00Z",
              "vobject: event 1 (a@dossier): DTSTART is 2024-06-12T09:00:00Z, expected 2024-06-12T08:00:00Z"],
        ),
        (
            "lf.ics",
            good.replace("\r\n", "\n").into_bytes(),
            expected.clone(),
            &["the file does not end with CRLF", "line 1: a line break other than CRLF"],
        ),
        (
            "split-character.ics",
            {
                // Move a fold one octet into the character after it.
                let bytes = good.as_bytes();
                let fold = good.find("\r\n ").unwrap();
                let mut out = bytes[..fold].to_vec();
                out.push(bytes[fold + 3]);
                out.extend_from_slice(b"\r\n ");
                out.extend_from_slice(&bytes[fold + 4..]);
                out
            },
            expected.clone(),
            &["not UTF-8 on its own (a fold split a character?)"],
        ),
    ];
    for (name, bytes, expected, problems) in &broken {
        let report = checker.run(&[(name, bytes)], &json!({ *name: expected }));
        assert_eq!(report.ok, problems.is_empty(), "{name}: {}", report.output);
        for p in *problems {
            assert!(
                report.output.contains(&format!("{name}: {p}")) || report.output.contains(p),
                "{name}: {p:?} not reported in:\n{}",
                report.output
            );
        }
    }
    // All four of the defects in one calendar: each is reported.
    let mut text = good
        .replace(vtimezone, "")
        .replace("SUMMARY:Item 1\r\n", &long_line);
    text = text.replacen("DTSTART;TZID=Europe/Vienna:", "DTSTART:", 1);
    let at = text.find("DTSTAMP:").unwrap();
    let end = at + text[at..].find("\r\n").unwrap() + 2;
    text = format!("{}{}", &text[..at], &text[end..]);
    let report = checker.run(
        &[("all.ics", text.as_bytes())],
        &json!({ "all.ics": expected }),
    );
    assert!(!report.ok);
    for p in [
        "80 octets",
        "DTEND uses TZID Europe/Vienna but the calendar has no VTIMEZONE for it",
        "DTSTART is a floating time but the venue's zone Europe/Vienna is known",
        "no DTSTAMP",
    ] {
        assert!(
            report.output.contains(p),
            "{p:?} not reported in:\n{}",
            report.output
        );
    }
}
