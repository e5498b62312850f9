//! A schedule in time: venue time zones, slot instants for *now and next*,
//! starred slots and calendar (.ics) export.

pub mod ics;
pub mod venues;
pub mod zone;

use crate::model::{AgendaItem, Document, ScheduleSlot};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Where a meeting's time zone comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ZoneSource {
    /// The user set it for the meeting.
    User,
    /// Looked up from the venue the masthead names (`docs/venues.md`).
    Venue,
    /// Neither: times are shown as printed, without a zone.
    Unknown,
}

/// One slot placed in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlotTiming {
    /// Stable across revisions of the document while the slot keeps its day and hour.
    pub key: String,
    /// RFC 3339 instants (UTC) of the slot's start and end, when the zone is known.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub starred: bool,
}

/// A document's schedule placed in its meeting's time zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScheduleTiming {
    pub time_zone: Option<String>,
    pub zone_source: ZoneSource,
    /// One per schedule slot, in the same order.
    pub slots: Vec<SlotTiming>,
}

/// Keys for every slot of a schedule: "2024-06-12T10:00", made unique with
/// "#2"… when two slots share a start; "#4" (the position) without a date.
pub fn slot_keys(schedule: &[ScheduleSlot]) -> Vec<String> {
    let mut seen = HashSet::new();
    schedule
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let base = match (&slot.date, &slot.start) {
                (Some(d), Some(s)) => format!("{d}T{s}"),
                (Some(d), None) => d.clone(),
                _ => format!("#{}", i + 1),
            };
            let mut key = base.clone();
            let mut n = 2;
            while !seen.insert(key.clone()) {
                key = format!("{base}#{n}");
                n += 1;
            }
            key
        })
        .collect()
}

/// The zone a meeting's times are in: the user's choice, else the venue's.
pub fn meeting_zone(user_zone: Option<&str>, venue: Option<&str>) -> (Option<String>, ZoneSource) {
    if let Some(z) = user_zone.filter(|z| venues::is_known_zone(z)) {
        return (Some(z.to_string()), ZoneSource::User);
    }
    match venue.and_then(venues::zone_for_venue) {
        Some(z) => (Some(z.to_string()), ZoneSource::Venue),
        None => (None, ZoneSource::Unknown),
    }
}

/// Places a document's schedule in time.
pub fn timing(
    doc: &Document,
    time_zone: Option<String>,
    zone_source: ZoneSource,
    starred: &HashSet<String>,
) -> ScheduleTiming {
    let tz = time_zone.as_deref().and_then(zone::parse_zone);
    let at = |slot: &ScheduleSlot, t: &Option<String>| {
        let (tz, date, t) = (tz?, slot.date.as_deref()?, t.as_deref()?);
        zone::instant(tz, date, t).map(|i| i.to_rfc3339())
    };
    let slots = doc
        .schedule
        .iter()
        .zip(slot_keys(&doc.schedule))
        .map(|(slot, key)| SlotTiming {
            starts_at: at(slot, &slot.start),
            ends_at: at(slot, &slot.end),
            starred: starred.contains(&key),
            key,
        })
        .collect();
    ScheduleTiming {
        time_zone,
        zone_source,
        slots,
    }
}

/// "3(a) Title" for each item of a slot (the bare number when the agenda
/// has no title for it). `items` is the document's `items_flat()`.
pub fn item_labels(items: &[&AgendaItem], slot: &ScheduleSlot) -> Vec<String> {
    slot.items
        .iter()
        .map(|n| match items.iter().find(|i| &i.number == n) {
            Some(item) if !item.title.is_empty() => format!("{n} {}", item.title),
            _ => n.clone(),
        })
        .collect()
}

/// Calendar events for a document's slots, all of them or those whose key is
/// in `only`, in the meeting's zone (`time_zone`, an IANA name).
pub fn events(
    doc: &Document,
    series: &str,
    time_zone: Option<&str>,
    only: Option<&HashSet<String>>,
) -> Vec<ics::Event> {
    let tz = time_zone.and_then(zone::parse_zone);
    let items = doc.items_flat();
    let zh = doc.language == "zh";
    doc.schedule
        .iter()
        .zip(slot_keys(&doc.schedule))
        .filter(|(_, key)| only.is_none_or(|keys| keys.contains(key)))
        .filter_map(|(slot, key)| {
            let date = slot.date.clone()?;
            let titled = item_labels(&items, slot);
            let mut summary = match (titled.is_empty(), zh) {
                (false, true) => format!("项目{}", titled.join("；")),
                (false, false) => format!("Item {}", titled.join("; ")),
                (true, _) => slot.titles.join("; "),
            };
            if summary.is_empty() {
                summary = slot.parallel.join("; ");
            }
            if slot.continued {
                summary.push_str(if zh { "（续）" } else { " (continued)" });
            }
            let mut description: Vec<String> = Vec::new();
            let meeting = [doc.body.as_deref(), doc.session.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(if zh { "，" } else { ", " });
            if !meeting.is_empty() {
                description.push(meeting);
            }
            if let Some(sym) = doc.symbol.as_deref() {
                description.push(sym.to_string());
            }
            for p in &slot.parallel {
                description.push(if zh {
                    format!("平行会议：{p}")
                } else {
                    format!("In parallel: {p}")
                });
            }
            description.extend(slot.notes.iter().cloned());
            Some(ics::Event {
                uid: format!("{}@dossier", stable_id(&format!("{series}|{key}"))),
                date,
                start: slot.start.clone(),
                end: slot.end.clone(),
                summary,
                description: description.join("\n"),
                location: doc.venue.clone(),
                time_zone: tz,
            })
        })
        .collect()
}

fn stable_id(s: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(s.as_bytes())[..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(date: &str, start: &str) -> ScheduleSlot {
        ScheduleSlot {
            date: Some(date.into()),
            start: Some(start.into()),
            ..Default::default()
        }
    }

    #[test]
    fn slot_keys_are_unique_and_readable() {
        let keys = slot_keys(&[
            slot("2024-06-12", "10:00"),
            slot("2024-06-12", "10:00"),
            ScheduleSlot::default(),
        ]);
        assert_eq!(keys, ["2024-06-12T10:00", "2024-06-12T10:00#2", "#3"]);
    }

    #[test]
    fn the_users_zone_wins_over_the_venue() {
        assert_eq!(
            meeting_zone(Some("Asia/Dubai"), Some("Vienna")),
            (Some("Asia/Dubai".into()), ZoneSource::User)
        );
        assert_eq!(
            meeting_zone(None, Some("维也纳")),
            (Some("Europe/Vienna".into()), ZoneSource::Venue)
        );
        assert_eq!(
            meeting_zone(Some("Mars/Base"), None),
            (None, ZoneSource::Unknown)
        );
    }
}
