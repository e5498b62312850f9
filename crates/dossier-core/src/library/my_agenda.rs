//! My agenda: a timetable in the user's hands: the meeting's time zone, starred slots,
//! the *My agenda* view across meetings and calendar export.

use super::{Library, StoredDocument};
use crate::annotations;
use crate::calendar::{self, ics};
use crate::error::{Error, Result};
use crate::model::ScheduleSlot;
use crate::store::{documents, meetings};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One starred slot in the *My agenda* view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgendaEntry {
    pub document_id: u32,
    pub series: String,
    pub slot_key: String,
    /// Position of the slot in the document's schedule; null when the latest
    /// version no longer has a slot at this day and hour (the star is kept).
    pub slot_index: Option<u32>,
    pub slot: Option<ScheduleSlot>,
    /// "3(a) Title" for each item of the slot.
    pub items: Vec<String>,
    pub document_title: String,
    pub symbol: Option<String>,
    pub body: Option<String>,
    pub venue: Option<String>,
    pub time_zone: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
}

/// A calendar file ready to save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CalendarFile {
    /// A suggested file name ("CAC-COSP-WG.2-2024.ics").
    pub file_name: String,
    pub text: String,
    pub events: u32,
    pub time_zone: Option<String>,
}

impl Library {
    /// Corrects a meeting's time zone (an IANA name), or clears the correction.
    pub fn set_meeting_time_zone(&self, meeting_id: u32, zone: Option<&str>) -> Result<()> {
        meetings::set_time_zone(&self.store.writer(), meeting_id, zone)
    }

    /// Stars or un-stars a slot of a document's schedule.
    pub fn star_slot(&self, doc_id: u32, slot_key: &str, starred: bool) -> Result<()> {
        super::in_library(&self.store.reader(), doc_id)?;
        let series = documents::record(&self.store.reader(), doc_id)?.series;
        annotations::set_starred(&self.store.writer(), &series, slot_key, starred)?;
        Ok(())
    }

    /// The starred slot keys of each series that still has a document,
    /// with that series' latest document loaded once.
    fn starred_documents(&self) -> Result<Vec<(StoredDocument, Vec<String>)>> {
        let mut by_series: Vec<(String, Vec<String>)> = Vec::new();
        for (series, key) in annotations::starred(&self.store.reader(), None)? {
            match by_series.iter_mut().find(|(s, _)| *s == series) {
                Some((_, keys)) => keys.push(key),
                None => by_series.push((series, vec![key])),
            }
        }
        let mut out = Vec::new();
        for (series, keys) in by_series {
            // Its own statement: the reader's lock is released before `document` takes it.
            let latest = documents::latest_in_series(&self.store.reader(), &series)?;
            if let Some(doc_id) = latest {
                out.push((self.document(doc_id)?, keys));
            }
        }
        Ok(out)
    }

    /// Every starred slot across the library, soonest first.
    pub fn my_agenda(&self) -> Result<Vec<AgendaEntry>> {
        let mut out = Vec::new();
        for (stored, keys) in self.starred_documents()? {
            let flat = stored.document.items_flat();
            for key in keys {
                let index = stored.timing.slots.iter().position(|s| s.key == key);
                let slot = index.map(|i| stored.document.schedule[i].clone());
                let timing = index.map(|i| stored.timing.slots[i].clone());
                out.push(AgendaEntry {
                    document_id: stored.record.id,
                    series: stored.record.series.clone(),
                    slot_index: index.map(|i| i as u32),
                    items: slot
                        .as_ref()
                        .map(|s| calendar::item_labels(&flat, s))
                        .unwrap_or_default(),
                    slot,
                    symbol: stored.record.effective_symbol().map(str::to_string),
                    document_title: stored.record.title.clone(),
                    body: stored.record.body.clone(),
                    venue: stored.record.venue.clone(),
                    time_zone: stored.timing.time_zone.clone(),
                    starts_at: timing.as_ref().and_then(|t| t.starts_at.clone()),
                    ends_at: timing.and_then(|t| t.ends_at),
                    slot_key: key,
                });
            }
        }
        out.sort_by(|a, b| {
            let when = |e: &AgendaEntry| e.starts_at.clone().unwrap_or_else(|| e.slot_key.clone());
            when(a).cmp(&when(b))
        });
        Ok(out)
    }

    /// The schedule of a document as an iCalendar file, every slot or only
    /// the starred ones, in the meeting's zone or in `zone` when given.
    pub fn calendar(
        &self,
        doc_id: u32,
        starred_only: bool,
        zone: Option<&str>,
    ) -> Result<CalendarFile> {
        if let Some(z) = zone {
            calendar::venues::check_zone(z)?;
        }
        let stored = self.document(doc_id)?;
        if stored.document.schedule.is_empty() {
            return Err(Error::Invalid(format!(
                "{} has no schedule to export",
                stored.record.file
            )));
        }
        let starred: HashSet<String> = stored
            .timing
            .slots
            .iter()
            .filter(|s| s.starred)
            .map(|s| s.key.clone())
            .collect();
        if starred_only && starred.is_empty() {
            return Err(Error::Invalid(format!(
                "no slot of {} is starred",
                stored.record.file
            )));
        }
        let zone = zone
            .map(str::to_string)
            .or_else(|| stored.timing.time_zone.clone());
        let events = calendar::events(
            &stored.document,
            &stored.record.series,
            zone.as_deref(),
            starred_only.then_some(&starred),
        );
        let name = stored
            .record
            .effective_symbol()
            .map(str::to_string)
            .unwrap_or_else(|| stored.record.title.clone());
        Ok(CalendarFile {
            file_name: format!("{}.ics", file_stem(&name)),
            text: ics::write(&name, &events, chrono::Utc::now()),
            events: events.len() as u32,
            time_zone: zone,
        })
    }

    /// Every starred slot of the library as one calendar (one VTIMEZONE per zone).
    pub fn my_agenda_calendar(&self) -> Result<CalendarFile> {
        let mut events = Vec::new();
        for (stored, keys) in self.starred_documents()? {
            let keys: HashSet<String> = keys.into_iter().collect();
            events.extend(calendar::events(
                &stored.document,
                &stored.record.series,
                stored.timing.time_zone.as_deref(),
                Some(&keys),
            ));
        }
        if events.is_empty() {
            return Err(Error::Invalid("no starred slot to export".into()));
        }
        Ok(CalendarFile {
            file_name: "My agenda.ics".into(),
            text: ics::write("My agenda", &events, chrono::Utc::now()),
            events: events.len() as u32,
            time_zone: None,
        })
    }
}

/// A file-name-safe form of a symbol or title.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .take(80)
        .collect();
    match stem.trim() {
        "" => "schedule".into(),
        s => s.to_string(),
    }
}
