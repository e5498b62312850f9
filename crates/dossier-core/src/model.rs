//! The document model: what the parser recovers from a meeting document.
//!
//! Field names and shapes are a public contract: `dossier parse` prints this
//! structure as JSON and other tools read it (see `docs/parse-schema.md`).

use serde::{Deserialize, Serialize};

/// What kind of meeting document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A provisional agenda, usually with annotations and an annexed organization of work.
    Agenda,
    /// The report of a meeting or session.
    Report,
    /// Any other document (notes by the Secretariat, budget documents, ...).
    #[default]
    Other,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Agenda => "agenda",
            DocumentKind::Report => "report",
            DocumentKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "agenda" => Some(DocumentKind::Agenda),
            "report" => Some(DocumentKind::Report),
            "other" => Some(DocumentKind::Other),
            _ => None,
        }
    }
}

/// The first and last day of a meeting, as ISO dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateRange {
    pub start: String,
    pub end: String,
}

/// A document cited by its UN symbol, with its title when a document list gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reference {
    pub symbol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An agenda item or sub-item. Sub-items carry their full number, such as `3(a)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgendaItem {
    pub number: String,
    pub title: String,
    /// The annotation text, paragraphs separated by blank lines.
    pub annotation: String,
    pub references: Vec<Reference>,
    pub children: Vec<AgendaItem>,
}

/// One slot of the proposed organization of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScheduleSlot {
    /// ISO date; null when the row gives no date that could be read.
    pub date: Option<String>,
    /// 24-hour "HH:MM"; null when the row gives no time.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Agenda items taken up in this slot, canonical form such as `1(a)`.
    pub items: Vec<String>,
    /// Titles or descriptions printed beside the items.
    pub titles: Vec<String>,
    /// The slot continues consideration of an item begun earlier ("（续）", "(continued)").
    pub continued: bool,
    /// Meetings held in parallel (the second lane of the timetable).
    pub parallel: Vec<String>,
    /// Footnotes attached to this slot's rows.
    pub notes: Vec<String>,
    /// The lane of a timetable with parallel meetings: the column header
    /// ("Plenary", "Committee of the Whole") or the meeting named in the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<String>,
    /// The room, where the timetable prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// "morning", "afternoon" or "evening" for a row that names the part of
    /// the day instead of clock times (start and end are then null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<String>,
}

/// A block of a document's running text: a numbered paragraph (in
/// `Document::paragraphs`) or unnumbered text (in `Document::unnumbered`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Paragraph {
    /// The printed paragraph number ("12", "13.1"); null for unnumbered text.
    pub number: Option<String>,
    /// Title of the innermost section the paragraph stands in.
    pub section: Option<String>,
    pub text: String,
    /// Position among all the document's text blocks, numbered and
    /// unnumbered, in reading order. Notes and bookmarks address a block by it
    /// (`para:{index}`), so it never changes once the document is stored.
    #[serde(default)]
    pub index: u32,
    /// A row of a table: `text` holds its cells in order, separated by tabs
    /// (an empty cell is nothing between two tabs). Consecutive rows are one
    /// table.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub row: bool,
}

/// A heading of a report or other document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Section {
    /// The printed number ("一", "II", "B"), if any.
    pub number: Option<String>,
    pub title: String,
    /// 1 for chapters (I., 一.), 2 for lettered sections (A.), 3 below.
    pub level: u8,
    /// What the section holds, when its title says so.
    pub role: Option<SectionRole>,
    /// Agenda items this section discusses, when the report says so.
    pub items: Vec<String>,
}

/// Sections a reader of a report looks for first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    Introduction,
    Organization,
    Attendance,
    Conclusions,
    Recommendations,
    Adoption,
}

/// A footnote printed in the document body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Footnote {
    pub marker: String,
    pub text: String,
}

/// Who attended, as listed by a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attendance {
    pub states: Vec<String>,
    pub organizations: Vec<String>,
}

/// A parsed meeting document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Document {
    pub kind: DocumentKind,
    /// ISO 639-1 code of the document's language: "ar", "zh", "en", "fr", "ru" or "es" ("und" when it has no letters).
    pub language: String,
    /// The symbol printed on the document; null when none is printed.
    pub symbol: Option<String>,
    /// A guess at the symbol (for example the session's `/1` for a provisional agenda).
    /// Offered to the user, never stored as fact.
    pub suggested_symbol: Option<String>,
    pub title: Option<String>,
    /// The most specific body holding the meeting (a working group rather than its parent conference).
    pub body: Option<String>,
    /// The parent body, when the masthead names one above `body`.
    pub parent_body: Option<String>,
    pub session: Option<String>,
    pub venue: Option<String>,
    pub dates: Option<DateRange>,
    /// Date of distribution ("Distr.: General 22 March 2024"), ISO.
    pub distributed: Option<String>,
    pub original_language: Option<String>,
    pub job_number: Option<String>,
    pub agenda: Vec<AgendaItem>,
    pub schedule: Vec<ScheduleSlot>,
    /// Every symbol cited anywhere in the document, in order of first appearance.
    pub references: Vec<Reference>,
    pub sections: Vec<Section>,
    /// The numbered paragraphs ("12. The Committee …"), in order.
    pub paragraphs: Vec<Paragraph>,
    /// Running text that is not a numbered paragraph (a note's unnumbered
    /// paragraphs, a resolution's preamble, contents entries), in order.
    #[serde(default)]
    pub unnumbered: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub attendance: Option<Attendance>,
    /// What the parser could not make sense of. Parsing never fails on readable text.
    pub diagnostics: Vec<String>,
}

impl Document {
    /// Every text block, numbered paragraphs and unnumbered text, in reading order.
    pub fn text_blocks(&self) -> Vec<&Paragraph> {
        let mut all: Vec<&Paragraph> = self.paragraphs.iter().chain(&self.unnumbered).collect();
        all.sort_by_key(|p| p.index);
        all
    }

    /// Each text block (its index) with the index of the section it stands
    /// in. A block names its section by title, and titles repeat
    /// ("Conclusions and recommendations" under each item): the sections
    /// are walked in order, and a title met out of order is its first section.
    pub fn block_sections(&self) -> Vec<(u32, Option<usize>)> {
        let mut at: Option<usize> = None;
        let mut out = Vec::new();
        for p in self.text_blocks() {
            let current = at.map(|i| self.sections[i].title.as_str());
            if p.section.as_deref() != current {
                at = match p.section.as_deref() {
                    Some(title) => {
                        let from = at.map_or(0, |i| i + 1);
                        self.sections[from..]
                            .iter()
                            .position(|s| s.title == title)
                            .map(|k| from + k)
                            .or_else(|| self.sections.iter().position(|s| s.title == title))
                    }
                    None => None,
                };
            }
            out.push((p.index, at));
        }
        out
    }

    /// The text block at `index` (`para:{index}`).
    pub fn text_block(&self, index: u32) -> Option<&Paragraph> {
        self.paragraphs
            .iter()
            .chain(&self.unnumbered)
            .find(|p| p.index == index)
    }

    /// Every agenda item, depth first.
    pub fn items_flat(&self) -> Vec<&AgendaItem> {
        fn walk<'a>(items: &'a [AgendaItem], out: &mut Vec<&'a AgendaItem>) {
            for item in items {
                out.push(item);
                walk(&item.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.agenda, &mut out);
        out
    }

    /// A human title for lists: the printed title, else the kind and meeting.
    pub fn display_title(&self) -> String {
        display_title(self.kind, self.title.as_deref(), self.body.as_deref())
    }
}

/// The title lists show for a document of this kind, printed title and body.
pub fn display_title(kind: DocumentKind, title: Option<&str>, body: Option<&str>) -> String {
    match (title, body, kind) {
        (Some(t), _, _) => t.to_string(),
        (None, Some(b), DocumentKind::Agenda) => format!("{b}: agenda"),
        (None, Some(b), DocumentKind::Report) => format!("{b}: report"),
        (None, Some(b), _) => b.to_string(),
        (None, None, k) => k.as_str().to_string(),
    }
}
