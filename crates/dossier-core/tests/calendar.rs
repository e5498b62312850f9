//! Starred slots, My agenda and calendar export: the .ics files are read back
//! by an independent iCalendar parser (the `icalendar` crate) and checked for
//! their TZID, their VTIMEZONE and the local times of every event. Two more
//! parsers, in Python, read them back in `ics_independent.rs`.

use dossier_core::calendar::ZoneSource;
use dossier_core::Library;
use icalendar::parser::{read_calendar, unfold, Component};
use std::path::{Path, PathBuf};

const VIENNA_2024: &str = "001_9b3f3c3582431abc.txt";
const ABU_DHABI_2019: &str = "003_9b7261b858c1689a.txt";

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(name)
}

fn ingest(lib: &Library, name: &str) -> u32 {
    lib.ingest_file(&seed(name)).unwrap().document_id.unwrap()
}

fn prop(c: &Component, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.as_str().to_string())
}

fn tzid(c: &Component, name: &str) -> Option<String> {
    let p = c.find_prop(name)?;
    p.params
        .iter()
        .find(|x| x.key.as_str() == "TZID")
        .and_then(|x| x.val.as_ref().map(|v| v.as_str().to_string()))
}

/// The UTC offset (as printed, "+0200") a VTIMEZONE gives at a local time
/// ("20240612T100000"): the TZOFFSETTO of the latest observance begun by then.
fn offset_at(vtimezone: &Component, local: &str) -> String {
    vtimezone
        .components
        .iter()
        .filter_map(|o| Some((prop(o, "DTSTART")?, prop(o, "TZOFFSETTO")?)))
        .filter(|(onset, _)| onset.as_str() <= local)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, to)| to)
        .expect("an observance in force")
}

struct Parsed {
    events: Vec<(Option<String>, String, Option<String>, String)>,
    zones: Vec<(String, Vec<(String, String)>)>,
}

fn parse(text: &str) -> (Parsed, String) {
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).expect("the calendar parses");
    let mut events = Vec::new();
    let mut zones = Vec::new();
    for c in &cal.components {
        match c.name.as_str() {
            "VEVENT" => events.push((
                tzid(c, "DTSTART"),
                prop(c, "DTSTART").unwrap(),
                prop(c, "DTEND"),
                prop(c, "SUMMARY").unwrap(),
            )),
            "VTIMEZONE" => {
                let id = prop(c, "TZID").unwrap();
                let probes = events_probe(&cal.components, &id);
                zones.push((
                    id,
                    probes
                        .into_iter()
                        .map(|t| {
                            let off = offset_at(c, &t);
                            (t, off)
                        })
                        .collect(),
                ));
            }
            _ => {}
        }
    }
    (Parsed { events, zones }, unfolded)
}

/// The local start times of the events in zone `id`.
fn events_probe(components: &[Component], id: &str) -> Vec<String> {
    components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT" && tzid(c, "DTSTART").as_deref() == Some(id))
        .filter_map(|c| prop(c, "DTSTART"))
        .collect()
}

#[test]
fn abu_dhabi_2019_exports_in_gulf_time() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let doc = ingest(&lib, ABU_DHABI_2019);
    let stored = lib.document(doc).unwrap();
    assert_eq!(stored.timing.time_zone.as_deref(), Some("Asia/Dubai"));
    assert_eq!(stored.timing.zone_source, ZoneSource::Venue);
    // 16 December 2019, 10:00 in Abu Dhabi is 06:00 UTC.
    assert_eq!(
        stored.timing.slots[0].starts_at.as_deref(),
        Some("2019-12-16T06:00:00+00:00")
    );

    let cal = lib.calendar(doc, false, None).unwrap();
    assert_eq!(cal.events, 10);
    let (parsed, text) = parse(&cal.text);
    assert!(text.contains("X-WR-TIMEZONE:Asia/Dubai"));
    assert_eq!(parsed.events.len(), 10);
    for (tz, _, end, _) in &parsed.events {
        assert_eq!(tz.as_deref(), Some("Asia/Dubai"));
        assert!(end.is_some());
    }
    assert_eq!(parsed.events[0].1, "20191216T100000");
    assert_eq!(parsed.events[0].2.as_deref(), Some("20191216T130000"));
    assert!(
        parsed.events[0].3.starts_with("项目1(a)"),
        "{}",
        parsed.events[0].3
    );
    assert!(
        parsed.events[1].3.ends_with("（续）"),
        "{}",
        parsed.events[1].3
    );
    assert_eq!(parsed.events[9].1, "20191220T150000");
    assert_eq!(parsed.zones.len(), 1);
    let (id, offsets) = &parsed.zones[0];
    assert_eq!(id, "Asia/Dubai");
    assert!(
        !offsets.is_empty() && offsets.iter().all(|(_, off)| off == "+0400"),
        "{offsets:?}"
    );
}

#[test]
fn vienna_2024_uses_summer_time_and_the_users_correction() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let doc = ingest(&lib, VIENNA_2024);
    let (parsed, _) = parse(&lib.calendar(doc, false, None).unwrap().text);
    assert_eq!(parsed.events.len(), 6);
    assert!(parsed
        .events
        .iter()
        .all(|e| e.0.as_deref() == Some("Europe/Vienna")));
    let (id, offsets) = &parsed.zones[0];
    assert_eq!(id, "Europe/Vienna");
    // June is summer time: +0200 (in December it would be +0100).
    assert!(
        !offsets.is_empty() && offsets.iter().all(|(_, off)| off == "+0200"),
        "{offsets:?}"
    );
    let stored = lib.document(doc).unwrap();
    assert_eq!(
        stored.timing.slots[0].starts_at.as_deref(),
        Some("2024-06-12T08:00:00+00:00")
    );

    // The user moves the meeting to another zone; the venue's is the fallback.
    let meeting = stored.record.meeting_id.unwrap();
    let err = lib
        .set_meeting_time_zone(meeting, Some("Vienna/Austria"))
        .unwrap_err();
    assert!(err.to_string().contains("not an IANA time zone"), "{err}");
    lib.set_meeting_time_zone(meeting, Some("America/New_York"))
        .unwrap();
    let listing = lib.listing().unwrap();
    let m = listing.meetings.iter().find(|m| m.id == meeting).unwrap();
    assert_eq!(m.time_zone.as_deref(), Some("America/New_York"));
    assert_eq!(m.zone_source, ZoneSource::User);
    let (parsed, _) = parse(&lib.calendar(doc, false, None).unwrap().text);
    assert_eq!(parsed.events[0].0.as_deref(), Some("America/New_York"));
    assert_eq!(parsed.zones[0].1[0].1, "-0400");
    lib.set_meeting_time_zone(meeting, None).unwrap();
    let stored = lib.document(doc).unwrap();
    assert_eq!(stored.timing.time_zone.as_deref(), Some("Europe/Vienna"));
    assert_eq!(stored.timing.zone_source, ZoneSource::Venue);
}

#[test]
fn starred_slots_make_my_agenda_across_meetings_and_survive_restarts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let lib = Library::open(dir.path()).unwrap();
        let vienna = ingest(&lib, VIENNA_2024);
        let abu_dhabi = ingest(&lib, ABU_DHABI_2019);
        let err = lib.calendar(vienna, true, None).unwrap_err();
        assert!(err.to_string().contains("no slot"), "{err}");
        lib.star_slot(vienna, "2024-06-12T15:00", true).unwrap();
        lib.star_slot(vienna, "2024-06-13T10:00", true).unwrap();
        lib.star_slot(vienna, "2024-06-13T10:00", true).unwrap();
        lib.star_slot(abu_dhabi, "2019-12-18T10:00", true).unwrap();
        lib.star_slot(abu_dhabi, "2019-12-19T10:00", true).unwrap();
        lib.star_slot(abu_dhabi, "2019-12-19T10:00", false).unwrap();
    }
    let lib = Library::open(dir.path()).unwrap();
    let agenda = lib.my_agenda().unwrap();
    let keys: Vec<&str> = agenda.iter().map(|e| e.slot_key.as_str()).collect();
    assert_eq!(
        keys,
        ["2019-12-18T10:00", "2024-06-12T15:00", "2024-06-13T10:00"]
    );
    assert_eq!(agenda[0].time_zone.as_deref(), Some("Asia/Dubai"));
    assert!(
        agenda[0].items[0].starts_with("4 "),
        "{:?}",
        agenda[0].items
    );
    assert!(agenda[1].slot.as_ref().unwrap().continued);

    let vienna = agenda[1].document_id;
    let starred = lib.calendar(vienna, true, None).unwrap();
    assert_eq!(starred.events, 2);
    let (parsed, _) = parse(&starred.text);
    let starts: Vec<&str> = parsed.events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(starts, ["20240612T150000", "20240613T100000"]);

    let all = lib.my_agenda_calendar().unwrap();
    let (parsed, _) = parse(&all.text);
    assert_eq!(parsed.events.len(), 3);
    let mut zones: Vec<&str> = parsed.zones.iter().map(|z| z.0.as_str()).collect();
    zones.sort();
    assert_eq!(zones, ["Asia/Dubai", "Europe/Vienna"]);

    // Stars travel with the notes export.
    let export = lib.export_annotations(None).unwrap();
    assert_eq!(export.starred_slots.len(), 3);
    let other_dir = tempfile::tempdir().unwrap();
    let other = Library::open(other_dir.path()).unwrap();
    ingest(&other, VIENNA_2024);
    ingest(&other, ABU_DHABI_2019);
    assert_eq!(other.import_annotations(&export).unwrap().stars_added, 3);
    assert_eq!(other.import_annotations(&export).unwrap().stars_added, 0);
    assert_eq!(other.my_agenda().unwrap().len(), 3);
}
