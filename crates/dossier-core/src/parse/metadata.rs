//! The masthead: symbol, body, session, venue, dates, distribution, language
//! of the original, job number, title and kind.

use super::dates;
use super::lines::Block;
use super::symbols;
use super::vocabulary;
use crate::model::{DateRange, Document, DocumentKind};
use crate::script::is_cjk;
use regex::Regex;
use std::sync::LazyLock;

static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    let lines = vocabulary::regex_alternation(&vocabulary::SESSION_LINE);
    Regex::new(&format!(r"(?i)^(?:{lines})$")).unwrap()
});
/// "26-00248 (E)", "V.25-04321 (E)" (Vienna prints its office's letter first).
static JOB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:[A-Z]\.)?\d{2}-\d{5})\s*\(([A-Z])\)").unwrap());
static BODY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let words = |lang: &str| {
        let table = vocabulary::BODY_WORDS.iter().find(|(l, _)| *l == lang);
        vocabulary::alternation(table.map_or(&[][..], |(_, w)| w))
    };
    let cased = [words("en"), words("zh")].join("|");
    let folded = ["fr", "es", "ru", "ar"].map(words).join("|");
    Regex::new(&format!(r"(?:{cased})|(?i:{folded})")).unwrap()
});
static AGENDA_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
        临时议程(和|及)?说明 | 临时议程 | 议程说明 | 附加说明的临时议程
      | (?:revised\s+)?(?:annotated\s+)?(?:draft\s+)?provisional\s+agenda(?:\s+and\s+annotations)?
            (?:\s+(?:for|of)\s+the\s+.{3,120})?             # '… for the twenty-fourth session'
      | annotations\s+to\s+the\s+provisional\s+agenda(?:\s+.{3,120})?
      | ordre\s+du\s+jour\s+provisoire(?:\s+annoté)?(?:\s+.{3,120})?
      | programa\s+provisional(?:\s+anotado)?(?:\s+.{3,120})?
      | предварительная\s+повестка\s+дня(?:\s+.{3,120})?
      | جدول\s+الأعمال\s+المؤقت(?:\s+.{3,120})?
      | agenda
    )\s*(?:\^[\d,*]+|[*¹²³⁴⁵⁶⁷⁸⁹⁰,]+)?$",
    )
    .unwrap()
});
/// Every form of report title: "Report of/on …", "Draft report", "National
/// report submitted …", "Interim report", 报告, "Rapport …", "Informe …".
static REPORT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(
            报告(?:草稿|草案)?$
          | ^(?:draft\s+|interim\s+|final\s+|annual\s+|national\s+|summary\s+|synthesis\s+|provisional\s+)?report(?:\s+(?:of|on|submitted|by)\b|$)
          | ^(?:projet\s+de\s+)?rapport(?:\s+national|\s+final|\s+intérimaire|\s+annuel)?(?:\s+(?:de|du|des|sur|présenté)\b|$)
          | ^(?:proyecto\s+de\s+)?informe(?:\s+nacional|\s+final|\s+anual)?(?:\s+(?:de|del|sobre|presentado)\b|$)
          | ^(?:проект\s+)?(?:национальный\s+)?доклад\b
          | ^(?:مشروع\s+)?(?:ال)?تقرير
        )",
    )
    .unwrap()
});
static ZH_REPORT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"在(.{2,12}?)举行的(.+?)(?:第.{1,4}(?:次|届))?(?:会议|届会)(?:的)?报告").unwrap()
});
static EN_REPORT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^report (?:of|on) the (?:[\w-]+ )?(?:meeting|session) of the (.+?) held (?:in|at) ([A-Z][\w .'-]+?)(?: on| from|,)").unwrap()
});

const LANGUAGE_NAMES: [(&str, &str); 24] = [
    ("english", "en"),
    ("chinese", "zh"),
    ("french", "fr"),
    ("spanish", "es"),
    ("russian", "ru"),
    ("arabic", "ar"),
    ("英文", "en"),
    ("中文", "zh"),
    ("法文", "fr"),
    ("西班牙文", "es"),
    ("俄文", "ru"),
    ("阿拉伯文", "ar"),
    ("anglais", "en"),
    ("chinois", "zh"),
    ("français", "fr"),
    ("espagnol", "es"),
    ("russe", "ru"),
    ("arabe", "ar"),
    ("inglés", "en"),
    ("chino", "zh"),
    ("francés", "fr"),
    ("español", "es"),
    ("ruso", "ru"),
    ("árabe", "ar"),
];

/// "United Nations", "联合国", "Nations Unies": the Organization, not a body.
fn is_organization_line(t: &str) -> bool {
    matches!(
        t.trim(),
        "United Nations"
            | "联合国"
            | "Nations Unies"
            | "Naciones Unidas"
            | "Организация Объединенных Наций"
            | "الأمم المتحدة"
    )
}

fn language_code(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_end_matches(['.', '*']).to_lowercase();
    LANGUAGE_NAMES
        .iter()
        .find(|(k, _)| n == *k)
        .map(|(_, v)| *v)
}

/// A line that is only a job number (the foot of a UN document's first or last page).
pub fn is_job_line(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() < 40 && JOB.find(t).is_some_and(|m| m.start() <= 2)
}

/// A job number printed without its language letter, alone on its line
/// with the office's letters before it and its dates after it
/// ("GE.09-17087", "GE.96-51477 211096"): page furniture of old documents.
pub fn is_bare_job_line(t: &str) -> bool {
    static BARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z]{1,2}\.\d{2}-\d{5}(?:\s+\d{6}){0,2}$").unwrap());
    BARE.is_match(t.trim())
}

/// A masthead line that stands on its own line whatever its width: the
/// session ("Sixty-second session"), the agenda item the document is issued
/// under ("Item 8 of the provisional agenda"), the byline ("Note by the
/// Secretariat"). Capitalised, so that a wrapped sentence going on with
/// "item 8 of the agenda, …" is not cut.
pub(crate) fn is_standalone_masthead_line(t: &str) -> bool {
    let t = t.trim();
    if t.chars().next().is_none_or(|c| c.is_lowercase()) {
        return false;
    }
    let bare = t.trim_end_matches(['.', '。']);
    // The byline is the whole line ("秘书处的说明：<title>" goes on as a title).
    let byline = AUTHOR_LINE
        .find(bare)
        .is_some_and(|m| m.end() == bare.len());
    let item = ITEM_LINE.is_match(t)
        && t.chars().count() <= 60
        && !t.contains([':', '：', ';', '；', '。']);
    SESSION.is_match(t) || byline || item
}

/// A line that is a body's name on its own ("Committee on the Peaceful Uses
/// of Outer Space", "Scientific and Technical Subcommittee"): title case
/// (every word of four letters or more capitalised), short, a body's word in
/// it, no sentence punctuation.
pub(crate) fn is_body_name_line(t: &str) -> bool {
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=12).contains(&words.len())
        && !t.contains(['.', ',', ';', ':', '(', '—'])
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && BODY_WORDS.is_match(t)
}

/// Where the masthead ends: the index of the title block.
pub struct Masthead {
    pub title_index: Option<usize>,
}

static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Original|原文|Подлинный текст|الأصل)\s*[:：]\s*(\S.*)$").unwrap()
});
static DISTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        ^(?:
            # "Distr.: General", "Distr. générale", "Distr. limitada"
            Distr\.?\s*[:：]?\s*
            (?:General|Limited|Restricted|générale|restreinte|limitée|general|limitada|reservada)?
          | 分发\s*[:：]?\s*(?:普遍|有限|限制)?    # "分发：普遍"
        )
        \s*(.*)$   # what follows: the date or the symbol set on the same line
    "#,
    )
    .unwrap()
});
/// "Agenda item 155", "Item 4 of the provisional agenda", "Items 138 and 139
/// of the preliminary list", "临时议程项目4", "Point 3 de l'ordre du jour".
static ITEM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let leads = vocabulary::regex_alternation(&vocabulary::ITEM_OF_AGENDA);
    Regex::new(&format!(r"(?i)^(?:{leads})")).unwrap()
});
/// The line naming who issued the document, after its title.
static AUTHOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let lines = vocabulary::regex_alternation(&vocabulary::ISSUED_BY);
    Regex::new(&format!(r"(?i)^(?:{lines})")).unwrap()
});
/// A report of a meeting or a body (not a report of the Secretary-General on a topic).
static MEETING_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?xi)
        (
            会议.{0,6}报告 | 届会.{0,6}报告    # "……会议……报告", "……届会……报告"
          | ^report\x20(?:of|on)\x20the\x20.*(?:meeting|session|held|conference)
          | on\x20(?:its|the\x20work\x20of\x20its)\x20[\w-]+\x20(?:session|meeting)   # "on its tenth session"
          | ^(?:draft|national|interim|final)\x20report
          | ^(?:projet\x20de\x20)?rapport
          | ^(?:proyecto\x20de\x20)?informe
          | ^(?:проект\x20)?(?:национальный\x20)?доклад
          | ^(?:مشروع\x20)?(?:ال)?تقرير
        )
    "#).unwrap()
});
static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t|\s{3,}").unwrap());

/// The masthead fields of a line: table cells and columns apart, and
/// "Distr.: General 7 January 2026 Original: English" as three fields.
fn fields(b: &Block) -> Vec<String> {
    let parts: Vec<String> = match &b.cells {
        Some(c) => c.clone(),
        None => COLUMN_GAP.split(&b.text).map(str::to_string).collect(),
    };
    let mut out = Vec::new();
    for p in parts {
        let p = p.trim().trim_end_matches('*').trim();
        if p.is_empty() {
            continue;
        }
        // A date, an "Original:" and a "Distr." run together in one cell.
        let mut rest = p.to_string();
        for key in ["Distr.", "Distr:", "Original", "原文"] {
            if let Some(i) = rest.find(key).filter(|&i| i > 0) {
                let tail = rest.split_off(i);
                out.push(rest.trim().to_string());
                rest = tail;
            }
        }
        out.push(rest.trim().to_string());
    }
    out.into_iter().filter(|f| !f.is_empty()).collect()
}

static TRAILING_MARKERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s*(?:\^[\d*]+|[*¹²³⁴⁵⁶⁷⁸⁹⁰]+),?)+$").unwrap());

/// A title without the footnote markers after it ("…session^1,2", "…session*").
fn without_markers(t: &str) -> String {
    TRAILING_MARKERS.replace(t.trim(), "").to_string()
}

/// Reads the masthead and title into `doc`; returns where the title stands.
pub fn read(blocks: &[Block], doc: &mut Document) -> Masthead {
    let zh = doc.language == "zh";
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    let mut after_distr = 0u8;
    let mut title_index = None;
    // After "Agenda item 155": the item's title comes first, then the document's.
    let mut item_titles_pending = 0usize;
    let limit = blocks.len().min(40);
    // The block that last gave the meeting's dates.
    let mut last_dates: Option<usize> = None;
    'blocks: for (i, b) in blocks.iter().take(limit).enumerate() {
        let t = b.text.trim().trim_end_matches('*').trim();
        if t.is_empty() {
            continue;
        }
        // A contents page, an annotations or annex heading: the masthead is over.
        if i > 0 && super::lines::is_keyword_heading(t) && !AGENDA_TITLE.is_match(t) {
            // … unless it is the document's title, over its byline
            // ("Organization of work" / "Note by the Chair").
            let byline = blocks[i + 1..]
                .iter()
                .find(|b| !b.text.trim().is_empty())
                .is_some_and(|b| AUTHOR_LINE.is_match(b.text.trim()));
            if byline {
                doc.title = Some(t.to_string());
                title_index = Some(i);
            }
            break;
        }
        if AGENDA_TITLE.is_match(t) {
            doc.kind = DocumentKind::Agenda;
            doc.title = Some(without_markers(t));
            title_index = Some(i);
            break;
        }
        let fields = fields(b);
        let single = fields.len() == 1;
        // A footnote of the title page ("*\tThe present document…") sits in the
        // masthead's reading order in Word files: not part of it.
        let first_cell = match &b.cells {
            Some(c) => c
                .iter()
                .map(|c| c.trim())
                .find(|c| !c.is_empty())
                .unwrap_or(""),
            None => t.split_whitespace().next().unwrap_or(""),
        };
        if !first_cell.is_empty() && first_cell.chars().all(|c| c == '*') {
            continue;
        }
        for f in &fields {
            let f = f.as_str();
            if let Some(c) = DISTR
                .captures(f)
                .filter(|_| f.starts_with("Distr") || f.starts_with("分发"))
            {
                after_distr = 3;
                if single {
                    runs.push(Vec::new());
                }
                if let Some(date) = dates::single_date(&c[1]) {
                    doc.distributed.get_or_insert(date);
                }
                continue;
            }
            if let Some(c) = ORIGINAL.captures(f) {
                let orig = c[1].trim();
                doc.original_language = language_code(orig)
                    .map(str::to_string)
                    .or(Some(orig.to_string()));
                after_distr = 0;
                runs.push(Vec::new());
                continue;
            }
            if language_code(f).is_some() || is_organization_line(f) {
                continue;
            }
            // The distribution date (not a symbol printed with it, below).
            if let Some(date) = (after_distr > 0 && symbols::find(f).is_empty())
                .then(|| dates::single_date(f))
                .flatten()
            {
                doc.distributed.get_or_insert(date);
                after_distr = after_distr.saturating_sub(1);
                continue;
            }
            if JOB.is_match(f) && f.chars().count() < 40 {
                continue;
            }
            let found = symbols::find(f);
            if let Some(s) = found.first() {
                // A masthead field that is (nearly) just a symbol is the
                // document's own; so is one that is a symbol and the date it
                // was distributed, which older mastheads print on one line
                // ("A/HRC/WG.6/7/ITA/1 16 November 2009").
                let rest = f.replace(&s.symbol, "");
                let rest = rest.trim();
                let dated = (rest.chars().count() <= 30)
                    .then(|| dates::single_date(rest))
                    .flatten();
                if (rest.len() <= 2 || dated.is_some()) && doc.symbol.is_none() && i < 12 {
                    doc.symbol = Some(s.symbol.clone());
                    if let Some(date) = dated {
                        doc.distributed.get_or_insert(date);
                    }
                    continue;
                }
            }
            if !single {
                // Other fields of a masthead row: the body's name ("General Assembly").
                if f.chars().count() <= 160
                    && !f.chars().next().is_some_and(super::numerals::is_digit)
                {
                    runs.last_mut().unwrap().push(f.to_string());
                }
                continue;
            }
            after_distr = after_distr.saturating_sub(1);
            // A report's title that opens with its meeting's dates
            // ("2022年6月13日至15日在维也纳举行的……会议报告") is the title;
            // its dates and venue are read from it as a title's are.
            let dated_title = MEETING_REPORT.is_match(t) && REPORT_TITLE.is_match(t);
            if let Some(mut d) = line_dates(t, zh).filter(|_| !dated_title) {
                if d.venue
                    .as_deref()
                    .is_some_and(|v| language_code(v).is_some())
                {
                    // "16 novembre 2009 Français": the date and the language of the copy.
                    d.venue = None;
                }
                // A lone date with no venue is the distribution date (or a
                // signature), not the meeting's.
                let lone = d.start == d.end
                    && d.venue.is_none()
                    && !t.to_lowercase().contains("session")
                    && !t.to_lowercase().contains("meeting");
                if lone {
                    doc.distributed.get_or_insert(d.start);
                    continue 'blocks;
                }
                if t.chars().count() < 90 {
                    match &mut doc.dates {
                        // The parts of one session on consecutive lines
                        // ("Organizational session, 1 April 2025" /
                        // "Substantive session, 12 May–13 June 2025").
                        Some(prev) if last_dates == Some(i.saturating_sub(1)) => {
                            if d.start < prev.start {
                                prev.start = d.start;
                            }
                            if d.end > prev.end {
                                prev.end = d.end;
                            }
                        }
                        Some(_) => {}
                        None => {
                            doc.dates = Some(DateRange {
                                start: d.start,
                                end: d.end,
                            });
                            doc.venue = d.venue;
                        }
                    }
                    last_dates = Some(i);
                    runs.push(Vec::new());
                    continue 'blocks;
                }
            }
            if SESSION.is_match(t) {
                doc.session = Some(t.to_string());
                runs.push(Vec::new());
                continue 'blocks;
            }
            if ITEM_LINE.is_match(t) && t.chars().count() <= 120 {
                // "Items 138 and 139 of the preliminary list": two item titles follow.
                item_titles_pending = t
                    .split(|c: char| !super::numerals::is_digit(c))
                    .filter(|n| !n.is_empty())
                    .count()
                    .clamp(1, 3);
                runs.push(Vec::new());
                continue 'blocks;
            }
            if item_titles_pending > 0 && !AUTHOR_LINE.is_match(t) && t.chars().count() <= 300 {
                // The agenda item's own title, not the document's.
                item_titles_pending -= 1;
                runs.push(Vec::new());
                continue 'blocks;
            }
            if AUTHOR_LINE.is_match(t) {
                // "Report of the Secretary-General": the title stood above it.
                if doc.title.is_none() {
                    doc.title = runs.iter().flatten().last().cloned();
                }
                title_index = Some(i);
                break 'blocks;
            }
            if REPORT_TITLE.is_match(t) && t.chars().count() > 6 {
                let mut title = t.to_string();
                // A title wrapped over paragraphs: "… on its" / "third session, held in …".
                let mut j = i + 1;
                while j < blocks.len() && j <= i + 3 && !title.ends_with(['.', '。']) {
                    let next = blocks[j].text.trim();
                    let goes_on = next
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || super::numerals::is_digit(c))
                        && blocks[j].cells.is_none()
                        && next.chars().count() <= 120
                        && (title.ends_with(|c: char| c.is_alphanumeric()) || title.ends_with(','));
                    if !goes_on || zh {
                        break;
                    }
                    title.push(' ');
                    title.push_str(next);
                    j += 1;
                }
                // A Chinese title wrapped before its last words: "……名额政" + "府间工作组会议报告".
                if let Some(prev) = i.checked_sub(1).map(|p| blocks[p].text.trim()) {
                    if zh
                        && crate::script::width(prev) >= 50
                        && prev.chars().last().is_some_and(is_cjk)
                    {
                        title = format!("{prev}{t}");
                        doc.dates = None;
                        doc.venue = None;
                    }
                }
                if MEETING_REPORT.is_match(&title) || !zh && !title.contains("Secretary") {
                    doc.kind = DocumentKind::Report;
                }
                doc.title = Some(title);
                title_index = Some(i);
                break 'blocks;
            }
            // Numbered text means the body of the document has begun.
            // (A year does not: "2025 regular session", "2025 United Nations Conference".)
            let lead: String = t
                .chars()
                .take_while(|c| super::numerals::is_digit(*c))
                .collect();
            if !lead.is_empty() && lead.chars().count() <= 3 && !t.contains('/') {
                break 'blocks;
            }
            if t.chars().count() <= 160 && b.cells.is_none() {
                // A body's name under another's is a run of its own: the
                // committee and its subcommittee are parent and body.
                let prev = runs.last().and_then(|r| r.last());
                if prev.is_some_and(|p| {
                    is_body_name_line(p)
                        && is_body_name_line(t)
                        && !p
                            .split_whitespace()
                            .last()
                            .is_some_and(vocabulary::is_function_word)
                }) {
                    runs.push(Vec::new());
                }
                runs.last_mut().unwrap().push(t.to_string());
            } else {
                break 'blocks;
            }
        }
    }

    // Body: the last run of name lines that names a body; its predecessor is the parent.
    let named: Vec<String> = runs
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| join_name(r, zh))
        .filter(|n| BODY_WORDS.is_match(n) || n.contains("Convention") || n.contains("公约"))
        .collect();
    if title_index.is_some() || doc.kind != DocumentKind::Other || doc.symbol.is_some() {
        if let Some(last) = named.last() {
            doc.body = Some(last.clone());
            if named.len() >= 2 {
                doc.parent_body = Some(named[named.len() - 2].clone());
            }
        }
    }
    if doc.title.is_none() {
        // Other documents: the first name-like line after the masthead that is
        // no line of a body's name (a body's name wraps over several lines:
        // "Special Committee on the Situation with regard to" / "the
        // Implementation of the Declaration on the" / …) and no byline.
        doc.title = runs
            .iter()
            .filter(|r| {
                let name = Some(join_name(r, zh));
                !r.is_empty() && name != doc.body && name != doc.parent_body
            })
            .flatten()
            .find(|l| !BODY_WORDS.is_match(l) && !AUTHOR_LINE.is_match(l))
            .cloned();
        // The text of the document begins after its title.
        if let Some(title) = &doc.title {
            title_index = blocks
                .iter()
                .take(60)
                .position(|b| b.text.trim() == title.as_str());
        }
    }
    if doc.kind == DocumentKind::Other {
        // A report whose title stands at the very top (no masthead).
        // Its first line may be wrapped before the words that make it a report.
        for i in 0..blocks.len().min(3) {
            let t = blocks[i].text.trim();
            if REPORT_TITLE.is_match(t) && t.chars().count() < 200 {
                let mut title = t.to_string();
                if i > 0 {
                    let prev = blocks[i - 1].text.trim();
                    if prev.chars().count() < 120 && !prev.ends_with(['。', '.']) {
                        title = if zh {
                            format!("{prev}{t}")
                        } else {
                            format!("{prev} {t}")
                        };
                    }
                }
                doc.kind = DocumentKind::Report;
                doc.title = Some(title);
                title_index = Some(i);
                break;
            }
        }
    }
    if let Some(ti) = title_index {
        reported_session(blocks, ti, doc);
    }
    if doc.kind == DocumentKind::Report {
        read_report_title(doc);
    }
    for b in blocks.iter().take(400) {
        if let Some(c) = JOB.captures(&b.text) {
            doc.job_number = Some(format!("{} ({})", &c[1], &c[2]));
            break;
        }
    }
    Masthead { title_index }
}

fn join_name(lines: &[String], zh: bool) -> String {
    let joined = if zh { lines.concat() } else { lines.join(" ") };
    if zh {
        // "联合国反腐败公约 缔约国会议" and "联合国反腐败公约缔约国会议" are one body.
        let chars: Vec<char> = joined.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' '
                && i > 0
                && i + 1 < chars.len()
                && is_cjk(chars[i - 1])
                && is_cjk(chars[i + 1])
            {
                continue;
            }
            out.push(c);
        }
        out
    } else {
        joined
    }
}

/// A meeting's dates printed on a line, in the order of its language.
fn line_dates(t: &str, zh: bool) -> Option<dates::MeetingDates> {
    if zh || t.contains('年') {
        let mut d = dates::meeting_dates(t)?;
        if d.venue.is_none() {
            // "维也纳，2025年6月10日至13日": the venue before the dates.
            let before = t[..t.find(super::numerals::is_digit).unwrap_or(0)]
                .trim()
                .trim_end_matches(['，', ',', '、'])
                .trim();
            let n = before.chars().count();
            if (2..=20).contains(&n) && before.chars().all(|c| c.is_alphabetic() || c == ' ') {
                d.venue = Some(before.to_string());
            }
        }
        Some(d)
    } else {
        super::meeting_dates::read(t).or_else(|| dates::meeting_dates(t))
    }
}

/// A report's title is followed by the session it reports on:
/// "(New York, 28 April–2 May 2025)", "held in Nairobi from 3 to 7 March 2025".
/// Those are the report's dates and venue, whatever the masthead's session says.
fn reported_session(blocks: &[Block], title_index: usize, doc: &mut Document) {
    for b in blocks.iter().skip(title_index + 1).take(2) {
        let t = b.text.trim();
        let bracketed = t.starts_with(['(', '（']) && t.ends_with([')', '）']);
        if !bracketed || t.chars().count() > 120 {
            continue;
        }
        if let Some(d) = super::meeting_dates::read(t) {
            doc.dates = Some(DateRange {
                start: d.start,
                end: d.end,
            });
            if d.venue.is_some() {
                doc.venue = d.venue;
            }
            return;
        }
    }
}

static HELD: LazyLock<Regex> = LazyLock::new(|| {
    let held = vocabulary::regex_alternation(&vocabulary::HELD);
    Regex::new(&format!(r"(?i)\b(?:{held})\b")).unwrap()
});
static MEETING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let kinds = vocabulary::literal_alternation(&vocabulary::MEETING_KINDS);
    Regex::new(&format!(r"(?i)\b(?:{kinds})")).unwrap()
});

/// A report on a meeting other than the session its masthead names (a
/// workshop's report submitted to a committee's session): the dates and venue
/// are those of the meeting reported on, as its first paragraphs say ("The
/// workshop was held in Arusha, United Republic of Tanzania, from 11 to 15
/// December 2006").
pub fn reported_meeting(blocks: &[Block], start: usize, doc: &mut Document) {
    let title = doc.title.clone().unwrap_or_default();
    let body = doc.body.as_deref().unwrap_or_default();
    // The title names a meeting, or a meeting is named above the title under
    // the masthead's body ("Human Rights Council" / "Thirteenth session of the
    // Forum on …", whose masthead dates are the Council's session) — and the
    // title is not the report of that body's own session.
    let names_meeting =
        MEETING_WORDS.is_match(&title) || doc.parent_body.is_some() && MEETING_WORDS.is_match(body);
    let other_meeting = names_meeting
        && !(doc.body.is_some() && title.to_lowercase().contains(&body.to_lowercase()));
    if doc.dates.is_some() && !other_meeting {
        return;
    }
    for b in blocks.iter().skip(start).take(40) {
        let t = b.text.as_str();
        for m in HELD.find_iter(t) {
            let clause = &t[m.start()..];
            let clause = clause.split(". ").next().unwrap_or(clause);
            let clause: String = clause.chars().take(240).collect();
            if let Some(d) = super::meeting_dates::read(&clause) {
                doc.dates = Some(DateRange {
                    start: d.start,
                    end: d.end,
                });
                doc.venue = d.venue;
                return;
            }
        }
    }
}

/// "2017年8月24日至25日在维也纳举行的……工作组会议报告": dates, venue, body.
fn read_report_title(doc: &mut Document) {
    let Some(title) = doc.title.clone() else {
        return;
    };
    if doc.dates.is_none() {
        if let Some(d) = line_dates(&title, doc.language == "zh") {
            doc.dates = Some(DateRange {
                start: d.start,
                end: d.end,
            });
            if doc.venue.is_none() {
                doc.venue = d.venue;
            }
        }
    }
    // The title names the meeting's own body, more specific than the masthead's.
    let (venue, body) = if let Some(c) = ZH_REPORT_MEETING.captures(&title) {
        (c[1].to_string(), c[2].to_string())
    } else if let Some(c) = EN_REPORT_MEETING.captures(&title) {
        (c[2].trim().to_string(), c[1].to_string())
    } else {
        return;
    };
    doc.venue.get_or_insert(venue);
    if doc.body.as_deref() != Some(body.as_str()) {
        doc.parent_body = doc.body.take();
        doc.body = Some(body);
    }
}

/// A guess at the symbol of a provisional agenda: the session's series (the
/// prefix most cited with the meeting's year) followed by `/1`.
pub fn suggest_symbol(doc: &Document) -> Option<String> {
    if doc.symbol.is_some() || doc.kind != DocumentKind::Agenda {
        return None;
    }
    let year = doc.dates.as_ref()?.start.get(..4)?.to_string();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in &doc.references {
        let parts: Vec<&str> = r.symbol.split('/').collect();
        if let Some(pos) = parts.iter().position(|p| *p == year) {
            let prefix = parts[..=pos].join("/");
            match counts.iter_mut().find(|(p, _)| *p == prefix) {
                Some(c) => c.1 += 1,
                None => counts.push((prefix, 1)),
            }
        }
    }
    // The working group's own series wins over its parent's when both are cited.
    let body_is_group = doc
        .body
        .as_deref()
        .is_some_and(|b| b.contains("工作组") || b.contains("Working Group"));
    counts.sort_by_key(|(p, n)| {
        let wg = p.contains("/WG.") || p.contains("/EG.");
        (
            std::cmp::Reverse(if wg == body_is_group { 1 } else { 0 }),
            std::cmp::Reverse(*n),
        )
    });
    counts.first().map(|(p, _)| format!("{p}/1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_lines_in_the_six_languages() {
        for line in [
            "Item 4 of the provisional agenda",
            "Point 3 de l’ordre du jour provisoire",
            "Tema 3 del programa provisional",
            "Пункт 3 предварительной повестки дня",
            "البند 3 من جدول الأعمال المؤقت",
            "临时议程项目4",
        ] {
            assert!(ITEM_LINE.is_match(line), "{line}");
        }
        for line in [
            "Note by the Secretariat",
            "Note du Secrétariat",
            "Rapport du Secrétaire général",
            "Nota de la Secretaría",
            "Informe del Secretario General",
            "Записка Секретариата",
            "Доклад Генерального секретаря",
            "مذكرة من الأمانة",
            "تقرير الأمين العام",
            "秘书处的说明",
        ] {
            assert!(AUTHOR_LINE.is_match(line), "{line}");
        }
        for line in [
            "Twenty-fourth session",
            "Quatrième réunion",
            "Vingt-quatrième session",
            "Décimo período de sesiones",
            "Cuarta reunión",
            "Десятая сессия",
            "Двадцать четвертая сессия",
            "الدورة العاشرة",
            "الاجتماع الرابع",
            "第十届会议",
        ] {
            assert!(SESSION.is_match(line), "{line}");
        }
        assert!(!SESSION.is_match("The session will open on Monday at 10 a.m."));
        for name in [
            "Working Group on Firearms",
            "Groupe de travail sur les armes à feu",
            "Grupo de Trabajo sobre Armas de Fuego",
            "Рабочая группа по огнестрельному оружию",
            "الفريق العامل المعني بالأسلحة النارية",
            "枪支问题工作组",
        ] {
            assert!(BODY_WORDS.is_match(name), "{name}");
        }
        // English prose that mentions a group names no body.
        assert!(!BODY_WORDS.is_match("the views of each group of experts"));
        assert_eq!(
            ORIGINAL
                .captures("Подлинный текст: английский")
                .map(|c| c[1].to_string()),
            Some("английский".to_string())
        );
    }

    #[test]
    fn a_symbol_printed_with_its_distribution_date_on_one_line_is_the_documents() {
        // The 2009 masthead of A/HRC/WG.6/7/ITA/1 as its PDF's text reads.
        let doc = crate::parse::parse_text(
            "UNITED\n\nNATIONS\t\t\tA\n\tGeneral Assembly\t\tDistr.\n\nGENERAL\n\n\
             A/HRC/WG.6/7/ITA/1 16 November 2009\n\nOriginal: ENGLISH\n\nHUMAN RIGHTS COUNCIL\n\n\
             Working Group on the Universal Periodic Review\n\nSeventh session\n\nGeneva, 8-19 February 2010\n",
        );
        assert_eq!(doc.symbol.as_deref(), Some("A/HRC/WG.6/7/ITA/1"));
        assert_eq!(doc.distributed.as_deref(), Some("2009-11-16"));
    }

    #[test]
    fn a_plain_text_masthead_keeps_its_session_item_and_byline_lines_apart() {
        // One line each and no blank lines between, as a text copied from a
        // PDF often is: the title is the title, not the first section.
        let doc = crate::parse::parse_text(
            "United Nations\tA/AC.105/C.1/2025/3\nGeneral Assembly\tDistr.: General\n\t12 November 2024\n\
             Committee on the Peaceful Uses of Outer Space\nScientific and Technical Subcommittee\n\
             Sixty-second session\nVienna, 3–14 February 2025\nItem 8 of the provisional agenda\nSpace weather\n\
             Report on the activities of the Expert Group on Space Weather\nNote by the Secretariat\n\
             I. Introduction\n1. At its sixty-first session, the Subcommittee agreed that the Expert Group would report.\n",
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Report on the activities of the Expert Group on Space Weather")
        );
        assert_eq!(doc.session.as_deref(), Some("Sixty-second session"));
        // The committee and its subcommittee: parent and body, not one name.
        assert_eq!(
            doc.body.as_deref(),
            Some("Scientific and Technical Subcommittee")
        );
        assert_eq!(
            doc.parent_body.as_deref(),
            Some("Committee on the Peaceful Uses of Outer Space")
        );
        assert!(is_standalone_masthead_line("Note by the Secretariat"));
        assert!(!is_standalone_masthead_line(
            "秘书处的说明：加强资产追回国际努力：关于资产追回任务授权执行情况的进"
        ));
        assert!(!is_standalone_masthead_line(
            "item 8 of the agenda, the Committee noted"
        ));
    }
}
