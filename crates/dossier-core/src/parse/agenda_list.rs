//! The agenda list found by its shape: a run of consecutively numbered
//! entries (1, 2, 3 … N) with short titles, optionally with lettered
//! sub-items (a), (b) …, wherever it stands and whatever its heading says.
//!
//! Entries are read in every notation real agendas use: "1. Title",
//! "1 . Title", "Item 1. Title", "Item 1" with its title on the next line,
//! a table row whose first cell is the number, "(a) Title", "a) Title",
//! "1．标题". Between entries a run tolerates what a page break leaves
//! (footnotes, a job number, a running head) and a title wrapped onto a
//! second block; a long paragraph between two entries makes them headings of
//! annotations, not a list.

use super::lines::Block;
use super::numerals::Numeral;
use crate::model::AgendaItem;
use regex::Regex;
use std::sync::LazyLock;

/// "1. Title", "12 . Title", "Item 3. Title", "Agenda item 3: Title", "1．标题", "1、标题".
static TOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:(?i:agenda\s+)?(?i:item|point|punto|tema|пункт)\s+)?   # an optional 'Item'
        (\d{1,2})
        (\s*[.．、:：]\s*|\s*\)\s+|\s*-\s+|\s+)         # '1.' '1)' '1- ' (Arabic) or '1 Title'
        (\S.*)$",
    )
    .unwrap()
});
/// "Item 3", "Agenda item 3.", "Item 3 (continued)": a heading whose title follows.
static BARE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:agenda\s+)?(?:item|point|punto|tema|пункт))\s+(\d{1,2})\s*[.:]?$").unwrap()
});
/// "(a) Title", "a) Title", "（a）标题".
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(
        r"^(?:[（(]\s*({l}{{1,2}})\s*[)）]|({l})\))\s*(\S.*)$"
    ))
    .unwrap()
});
/// A footnote, a job number, a page number, a rule, a bare web address: what
/// a page break leaves inside a list.
static PAGE_JUNK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\^\S+\s|[¹²³⁴⁵⁶⁷⁸⁹⁰*]+\s|_{4,}|https?://\S+$|\d{1,3}$|-\s*\d{1,3}\s*-$)")
        .unwrap()
});

/// One entry of a list, read from a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A top-level item: its number and title (empty when the title follows).
    Top(u32, String),
    /// A lettered sub-item.
    Sub(String, String),
}

/// Reads a block as an entry, if it is one.
pub fn entry(b: &Block) -> Option<Entry> {
    if let Some(cells) = &b.cells {
        // A table row: the number in the first cell, the title in the next.
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if filled.len() < 2 {
            // A sub-item alone in the title column of a hanging list.
            let c = SUB.captures(filled.first()?)?;
            let letter = super::vocabulary::latin_sub_item(c.get(1).or(c.get(2))?.as_str())?;
            return Some(Entry::Sub(letter, c[3].to_string()));
        }
        let head = filled[0];
        let rest = filled[1..].join(" ");
        if let Some(c) = BARE_ITEM.captures(head) {
            return Some(Entry::Top(c[1].num().ok()?, rest));
        }
        // "1.", "1)", and Arabic documents' "1-".
        let n = head.trim_end_matches(['.', '．', ')', '-']);
        if !n.is_empty() && n.chars().count() <= 2 && n.chars().all(super::numerals::is_digit) {
            return Some(Entry::Top(n.num().ok()?, rest));
        }
        if let Some(c) = SUB.captures(&format!("{head} {rest}")) {
            let letter = super::vocabulary::latin_sub_item(c.get(1).or(c.get(2))?.as_str())?;
            return Some(Entry::Sub(letter, c[3].to_string()));
        }
        return None;
    }
    let t = b.text.trim();
    if let Some(c) = BARE_ITEM.captures(t) {
        return Some(Entry::Top(c[1].num().ok()?, String::new()));
    }
    if let Some(c) = TOP.captures(t) {
        let n: u32 = c[1].num().ok()?;
        let title = c[3].trim();
        // "1 Title" without a full stop only before a capital or a Han character.
        if c[2].trim().is_empty()
            && !title.starts_with(|c: char| c.is_uppercase() || crate::script::is_cjk(c))
        {
            return None;
        }
        // "2018 – 2021", "1 000": a number in running text is no entry.
        if title.starts_with(|c: char| super::numerals::is_digit(c) || c == '–' || c == '-') {
            return None;
        }
        return Some(Entry::Top(n, title.to_string()));
    }
    if let Some(c) = SUB.captures(t) {
        let letter = super::vocabulary::latin_sub_item(c.get(1).or(c.get(2))?.as_str())?;
        return Some(Entry::Sub(letter, c[3].to_string()));
    }
    None
}

/// Left over by a page break inside a list: skipped, not counted as a gap.
pub fn is_page_junk(b: &Block) -> bool {
    let t = b.text.trim();
    b.cells.is_none()
        && (PAGE_JUNK.is_match(t)
            || super::metadata::is_job_line(t)
            || t.eq_ignore_ascii_case("please recycle"))
}

/// A run of consecutively numbered entries.
#[derive(Debug, Clone)]
pub struct Run {
    /// Index of the first and of the last entry's block.
    pub first: usize,
    pub last: usize,
    pub items: Vec<AgendaItem>,
    /// The block index of each top-level item, in order.
    pub at: Vec<usize>,
    /// Blocks between entries that were neither entries, wrapped titles nor page junk.
    pub gaps: usize,
}

impl Run {
    /// Entries follow one another with at most a line of text between them.
    pub fn is_compact(&self) -> bool {
        self.gaps * 2 <= self.items.len()
    }

    /// Short titles, as an agenda's are (a numbered paragraph is longer).
    fn has_titles(&self) -> bool {
        let mut lens: Vec<usize> = self.items.iter().map(|i| i.title.chars().count()).collect();
        lens.sort_unstable();
        let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
        median > 0 && median <= 160 && lens.last().is_some_and(|&m| m <= 400)
    }
}

/// "a" → "b", "z" → "aa", as agendas letter their sub-items.
fn next_letter(children: usize) -> String {
    super::agenda::letter_for(children)
}

fn ends_title(t: &str) -> bool {
    t.trim_end().ends_with(['.', ';', '；', '。', ':', '：'])
}

/// Every run of consecutively numbered entries starting at an entry "1" in
/// `blocks[from..to]`.
pub fn runs(blocks: &[Block], from: usize, to: usize) -> Vec<Run> {
    let to = to.min(blocks.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        match entry(&blocks[i]) {
            Some(Entry::Top(1, title)) => {
                let run = follow(blocks, i, to, title);
                i = if run.items.len() >= 2 {
                    run.last + 1
                } else {
                    i + 1
                };
                if run.items.len() >= 2 {
                    out.push(run);
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn follow(blocks: &[Block], start: usize, to: usize, title: String) -> Run {
    let mut run = Run {
        first: start,
        last: start,
        items: vec![AgendaItem {
            number: "1".into(),
            title,
            ..Default::default()
        }],
        at: vec![start],
        gaps: 0,
    };
    // Blocks since the last entry that were not entries.
    let mut since = 0usize;
    let mut title_pending = run.items[0].title.is_empty();
    for (j, b) in blocks.iter().enumerate().take(to).skip(start + 1) {
        let t = b.text.trim();
        if t.is_empty() {
            continue;
        }
        if is_page_junk(b) {
            continue;
        }
        let expected = run.items.len() as u32 + 1;
        match entry(b) {
            Some(Entry::Top(n, title)) if n == expected => {
                run.gaps += since;
                since = 0;
                title_pending = title.is_empty();
                run.items.push(AgendaItem {
                    number: n.to_string(),
                    title,
                    ..Default::default()
                });
                run.at.push(j);
                run.last = j;
                continue;
            }
            Some(Entry::Top(1, _)) => break,
            Some(Entry::Sub(letter, title)) if since == 0 || since == 1 => {
                let parent = run.items.last_mut().expect("an item");
                if letter == next_letter(parent.children.len()) {
                    parent.children.push(AgendaItem {
                        number: format!("{}({letter})", parent.number),
                        title,
                        ..Default::default()
                    });
                    run.last = j;
                    since = 0;
                    title_pending = false;
                    continue;
                }
            }
            _ => {}
        }
        // The title of an "Item 3" heading, or a title wrapped onto a second block.
        let last_title = {
            let parent = run.items.last_mut().expect("an item");
            match parent.children.last_mut() {
                Some(c) => &mut c.title,
                None => &mut parent.title,
            }
        };
        if since == 0 && b.cells.is_none() && t.chars().count() <= 200 {
            if title_pending {
                *last_title = t.to_string();
                title_pending = false;
                continue;
            }
            let lower = t
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || crate::script::is_cjk(c));
            // In a list whose titles end with a full stop or a semicolon, an
            // unfinished title goes on onto the next block whatever its case.
            let punctuated = run.items.len() >= 2
                && run.items.iter().filter(|i| ends_title(&i.title)).count() * 2 >= run.items.len();
            let last_title = {
                let parent = run.items.last_mut().expect("an item");
                match parent.children.last_mut() {
                    Some(c) => &mut c.title,
                    None => &mut parent.title,
                }
            };
            // A title that stops on "of", "and", "the" … is unfinished.
            let dangling = last_title
                .rsplit(' ')
                .next()
                .is_some_and(super::vocabulary::is_function_word);
            let wrapped = !ends_title(last_title)
                && last_title.chars().count() >= 20
                && (lower || dangling || (punctuated && t.chars().count() <= 120));
            if wrapped {
                last_title.push(' ');
                last_title.push_str(t);
                continue;
            }
        }
        since += 1;
        if t.chars().count() > 400 || since > 12 {
            break;
        }
    }
    for item in run.items.iter_mut() {
        item.title = super::agenda::tidy_title(&item.title);
        for c in item.children.iter_mut() {
            c.title = super::agenda::tidy_title(&c.title);
        }
    }
    run
}

/// The document's agenda list: the longest compact run with agenda-like
/// titles in `blocks[from..to]`, or `None`.
pub fn find(blocks: &[Block], from: usize, to: usize) -> Option<Run> {
    runs(blocks, from, to)
        .into_iter()
        .filter(|r| r.is_compact() && r.has_titles())
        .max_by_key(|r| (r.items.len(), std::cmp::Reverse(r.first)))
}

static AGENDA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?:annex\s+[ivx\d]+\.?\s*|[ivx]{1,5}\.\s*|[a-z]\.\s*|附件[一二三四五六七八九十]*\s*|[一二三四五六七八九十]+[、.．]\s*)?
        (?:
            (?:(?:revised|provisional|adopted|annotated|draft)\s+)*agenda(?:\s+(?:of|for)\s+the\s+.{0,50})?
          | (?:(?:临时|通过的|经修订的)?议程)
          | ordre\s+du\s+jour(?:\s+(?:provisoire|adopté|annoté))*
          | programa(?:\s+(?:provisional|aprobado))?
          | (?:предварительная\s+)?повестка\s+дня
          | جدول\s+الأعمال(?:\s+المؤقت)?
        )\s*[:：.]?$",
    )
    .unwrap()
});
static AGENDA_ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(
            following\s+(?:provisional\s+)?agenda
          | agenda[^.;:]{0,60}\bas\s+follows
          | (?:adopted|approved)\s+(?:the|its)\s+(?:provisional\s+)?agenda[^.;]{0,80}
          | (?:通过|核可)了(?:以下|下列|如下)议程
          | l'ordre\s+du\s+jour\s+(?:suivant|ci-après)
          | el\s+(?:siguiente\s+programa|programa\s+siguiente)
          | следующ\w+\s+(?:предварительн\w+\s+)?повестк\w+\s+дня
          | جدول\s+الأعمال\s+(?:المؤقت\s+)?التالي
        )\s*[:：]$",
    )
    .unwrap()
});

/// The blocks just before `at` say an agenda follows: a heading naming the
/// agenda ("I. Provisional agenda", "Annex I Agenda", 临时议程, "Ordre du
/// jour provisoire"), or a sentence announcing it ("… adopted the following
/// agenda:"). "The 2030 Agenda for Sustainable Development" announces nothing.
pub fn announced(blocks: &[Block], at: usize) -> bool {
    blocks[at.saturating_sub(3)..at].iter().any(|b| {
        let t = b.text.trim();
        (t.chars().count() <= 80 && AGENDA_HEADING.is_match(t)) || AGENDA_ANNOUNCED.is_match(t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| {
                let cells = l
                    .contains('\t')
                    .then(|| l.split('\t').map(str::to_string).collect());
                Block {
                    text: l.replace('\t', " "),
                    indent: 0,
                    cells,
                    bullet: false,
                    table_row: false,
                }
            })
            .collect()
    }

    fn numbers(r: &Run) -> Vec<String> {
        let mut out = Vec::new();
        for i in &r.items {
            out.push(format!("{} {}", i.number, i.title));
            for c in &i.children {
                out.push(format!("{} {}", c.number, c.title));
            }
        }
        out
    }

    #[test]
    fn reads_entries_in_every_notation() {
        let b = blocks(&[
            "1. Adoption of the agenda.",
            "Item 2. Elections",
            "Agenda item 3: Other business",
            "Item 4",
            "1．通过议程",
            "(a) Opening of the session;",
            "b) Election of officers",
            "Item 5.\tAdoption of the report",
            "2018 – 2021 will be a period",
        ]);
        let e: Vec<Option<Entry>> = b.iter().map(entry).collect();
        assert_eq!(e[0], Some(Entry::Top(1, "Adoption of the agenda.".into())));
        assert_eq!(e[1], Some(Entry::Top(2, "Elections".into())));
        assert_eq!(e[2], Some(Entry::Top(3, "Other business".into())));
        assert_eq!(e[3], Some(Entry::Top(4, String::new())));
        assert_eq!(e[4], Some(Entry::Top(1, "通过议程".into())));
        assert_eq!(
            e[5],
            Some(Entry::Sub("a".into(), "Opening of the session;".into()))
        );
        assert_eq!(
            e[6],
            Some(Entry::Sub("b".into(), "Election of officers".into()))
        );
        assert_eq!(e[7], Some(Entry::Top(5, "Adoption of the report".into())));
        assert_eq!(e[8], None);
    }

    #[test]
    fn a_list_runs_over_a_page_break_and_its_footnotes() {
        let b = blocks(&[
            "I. Provisional agenda",
            "1. Adoption of the agenda.",
            "2. Activities of other Economic Commission for Europe bodies and international",
            "organizations of interest.",
            "^1 For reasons of economy, delegates are requested to bring copies of all documents.",
            "http://www.unece.org/meetings/practical.html.",
            "GE.18-01763(E)",
            "3. Reports of rapporteurs:",
            "(a) Africa;",
            "(b) Asia.",
            "II. Annotations",
            "1. Adoption of the agenda",
            "The secretariat will present the draft agenda for adoption and inform the Plenary of any proposed changes made since it was issued, which it will explain.",
            "2. Activities of other Economic Commission for Europe bodies",
            "Delegations will be informed.",
        ]);
        let list = find(&b, 0, b.len()).expect("a list");
        assert_eq!(
            numbers(&list),
            [
                "1 Adoption of the agenda",
                "2 Activities of other Economic Commission for Europe bodies and international organizations of interest",
                "3 Reports of rapporteurs",
                "3(a) Africa",
                "3(b) Asia",
            ]
        );
        assert!(announced(&b, list.first));
        // The annotation headings form a run too, but not a compact one.
        let all = runs(&b, 0, b.len());
        assert_eq!(all.len(), 2);
        assert!(!all[1].is_compact() || all[1].items.len() < 3);
    }

    #[test]
    fn numbered_paragraphs_are_not_a_list() {
        let long = "The Committee considered the matter at length and decided to continue its consideration at its next session, taking into account the views expressed by delegations during the debate, which are summarized in the present report for ease of reference by Member States.";
        let b = blocks(&[
            &format!("1. {long}"),
            &format!("2. {long}"),
            &format!("3. {long}"),
        ]);
        assert!(find(&b, 0, b.len()).is_none());
    }
}
