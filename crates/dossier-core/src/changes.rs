//! What a revision changed against an earlier version of the document, so the
//! reader can show it: the numbered and unnumbered paragraphs, the agenda
//! items (title and annotation) and the timetable slots, each added, removed,
//! changed or unchanged, with word-level differences for what changed.
//!
//! Matching, cheapest first (each passage is hashed once, its text with
//! spacing folded):
//!
//! 1. The sequence of hashes of the old and new passages is diffed (Myers,
//!    `similar`): passages whose text is the same, in the same order, pair
//!    up whatever their printed numbers — a paragraph inserted before 5
//!    renumbers the rest, which come out unchanged and `renumbered`, not
//!    changed.
//! 2. Inside each stretch the first step left unpaired (a *gap*: old
//!    passages `a..b` against new ones `c..d`), passages pair by text
//!    similarity (Dice coefficient of their words and word pairs), in order,
//!    the best total by a small dynamic programme; the same printed number
//!    lowers the similarity needed (0.3 rather than 0.5) and adds to the
//!    score, so a rewritten paragraph keeps its place when the numbering did
//!    not shift. Gaps larger than [`GAP`] passages a side are cut along the
//!    diagonal into pieces of that size.
//! 3. What is still unpaired with the same text elsewhere has moved
//!    (`moved`); so has a passage at least 0.8 similar to one elsewhere, when
//!    few are left over ([`LEFTOVER`] a side).
//!
//! Word differences are computed only inside pairs whose text differs. A
//! passage is split into words (Latin, Cyrillic, Arabic: runs of letters,
//! digits and combining marks), single CJK characters, single punctuation
//! marks and runs of spaces; the word sequences are diffed with Myers.
//! Passages over [`MAX_TOKENS`] tokens a side keep their common beginning
//! and end and show the middle deleted and inserted whole (`capped`).
//!
//! Cost: O(P) hashing for P passages; O(P·D) for the sequence diff, D the
//! number of passages not equal in order (u64 comparisons); at most
//! [`GAP`]² similarity checks per piece of a gap, each O(words); and per
//! changed pair O(T·d) for T ≤ [`MAX_TOKENS`] tokens and d the words that
//! differ — never a comparison of every paragraph with every other. 7,000
//! blocks (a 300-page report) against a revision: 0.09 s in a debug build;
//! against the same blocks reversed, nothing in sequence, 0.4 s
//! (`tests/revisions.rs`, run alone).
//!
//! Spacing is not a change: runs of spaces compare equal to one space, and
//! a `same` span shows the new version's spacing.

use crate::model::{Document, Paragraph, ScheduleSlot};
use crate::script::is_cjk;
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::cell::OnceCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Passages a side of a gap compared with one another at most; larger gaps
/// are cut into pieces of this size along their diagonal.
pub const GAP: usize = 200;
/// Passages left over a side below which moved passages that also changed
/// are looked for among all of them.
pub const LEFTOVER: usize = 200;
/// Tokens (words, spaces, punctuation, CJK characters) a side compared
/// word by word; past it only the common beginning and end are kept.
pub const MAX_TOKENS: usize = 3000;

/// Similarity two passages need to be one passage changed.
const SIMILAR: f64 = 0.5;
/// The same, when both print the same number.
const SIMILAR_SAME_NUMBER: f64 = 0.3;
/// Similarity a passage found out of order needs to be taken as moved.
const SIMILAR_MOVED: f64 = 0.8;

/// What a revision changed against an earlier version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Changes {
    /// Library ids of the versions compared, when they come from a library.
    pub old_id: Option<u32>,
    pub new_id: Option<u32>,
    pub old_symbol: Option<String>,
    pub new_symbol: Option<String>,
    /// Numbered and unnumbered paragraphs in the new version's reading
    /// order; a removed one stands where it stood in the old version.
    pub paragraphs: Vec<PassageChange>,
    /// Agenda items and sub-items, depth first, in the same way.
    pub items: Vec<PassageChange>,
    /// Timetable slots, in the same way.
    pub slots: Vec<PassageChange>,
    /// How many passages of each kind, all three lists together.
    pub counts: ChangeCounts,
}

/// How a passage fared in the revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// One passage of either version and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassageChange {
    pub kind: ChangeKind,
    /// The passage in the new version (`para:{index}`, `item:{number}`,
    /// `slot:{position}`); null when removed.
    pub key: Option<String>,
    /// The passage in the old version; null when added.
    pub old_key: Option<String>,
    /// The printed number in the new version (paragraph or item number).
    pub number: Option<String>,
    /// The printed number in the old version.
    pub old_number: Option<String>,
    /// Paired although its printed number changed (the numbering shifted).
    pub renumbered: bool,
    /// Found out of order: the passage moved to another place.
    pub moved: bool,
    /// Too long to compare word by word: the common beginning and end are
    /// kept, the middle shown deleted and inserted whole.
    pub capped: bool,
    /// An agenda item's title, word by word, when the item was added,
    /// removed or changed; empty for paragraphs, slots and unchanged items.
    pub title: Vec<Span>,
    /// The text (a paragraph, an item's annotation, a slot as one line),
    /// word by word: all of it `inserted` when added, `deleted` when
    /// removed; empty when unchanged (the reader has the text).
    pub text: Vec<Span>,
}

/// A run of words in a word-level difference. The `same` and `deleted`
/// spans read in order give the old text, the `same` and `inserted` ones
/// the new text (spacing aside: `same` carries the new version's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

/// Whether a span's words are in both versions, only the new or only the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    Same,
    Inserted,
    Deleted,
}

/// Passages added, removed, changed and unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeCounts {
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
    pub unchanged: u32,
}

/// What `new` changed against `old`.
pub fn changes(old: &Document, new: &Document) -> Changes {
    let paragraphs = compare(&paragraph_units(old), &paragraph_units(new));
    let items = compare(&item_units(old), &item_units(new));
    let slots = compare(&slot_units(&old.schedule), &slot_units(&new.schedule));
    let mut counts = ChangeCounts::default();
    for c in paragraphs.iter().chain(&items).chain(&slots) {
        match c.kind {
            ChangeKind::Added => counts.added += 1,
            ChangeKind::Removed => counts.removed += 1,
            ChangeKind::Changed => counts.changed += 1,
            ChangeKind::Unchanged => counts.unchanged += 1,
        }
    }
    Changes {
        old_id: None,
        new_id: None,
        old_symbol: old.symbol.clone(),
        new_symbol: new.symbol.clone(),
        paragraphs,
        items,
        slots,
        counts,
    }
}

/// A passage as compared: its key, printed number, title (items) and text.
struct Unit {
    key: String,
    number: Option<String>,
    title: String,
    text: String,
    /// Hash of the title and text with spacing folded.
    hash: u64,
    /// Sorted hashes of its words and word pairs, for similarity; made only
    /// for passages that are compared (most are equal in order, and never).
    bag: OnceCell<Vec<u64>>,
}

impl Unit {
    fn new(key: String, number: Option<String>, title: String, text: String) -> Unit {
        let mut h = DefaultHasher::new();
        for s in [&title, &text] {
            let mut space = false;
            for c in s.trim().chars() {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if space {
                    h.write_u8(b' ');
                    space = false;
                }
                h.write_u32(c as u32);
            }
            h.write_u8(0xff);
        }
        Unit {
            key,
            number,
            title,
            text,
            hash: h.finish(),
            bag: OnceCell::new(),
        }
    }

    fn bag(&self) -> &[u64] {
        self.bag.get_or_init(|| {
            let mut bag = Vec::new();
            for (part, s) in [(0u8, &self.title), (1u8, &self.text)] {
                let words: Vec<&str> = tokens(s)
                    .into_iter()
                    .filter(|t| !t.chars().all(char::is_whitespace))
                    .collect();
                bag.extend(words.iter().map(|w| hash_of(&(part, w))));
                bag.extend(words.windows(2).map(|p| hash_of(&(part, p[0], p[1]))));
            }
            bag.sort_unstable();
            bag
        })
    }
}

fn hash_of<T: Hash>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

fn paragraph_units(doc: &Document) -> Vec<Unit> {
    doc.text_blocks()
        .into_iter()
        .map(|p: &Paragraph| {
            Unit::new(
                format!("para:{}", p.index),
                p.number.clone(),
                String::new(),
                p.text.clone(),
            )
        })
        .collect()
}

fn item_units(doc: &Document) -> Vec<Unit> {
    doc.items_flat()
        .into_iter()
        .map(|i| {
            Unit::new(
                format!("item:{}", i.number),
                Some(i.number.clone()),
                i.title.clone(),
                i.annotation.clone(),
            )
        })
        .collect()
}

fn slot_units(schedule: &[ScheduleSlot]) -> Vec<Unit> {
    schedule
        .iter()
        .enumerate()
        .map(|(i, s)| Unit::new(format!("slot:{i}"), None, String::new(), slot_line(s)))
        .collect()
}

/// A slot as one line of text: "2024-06-12 10:00–13:00 | Plenary | 1(a), 1(b)
/// | Opening of the meeting; Adoption of the agenda" (a continued slot's
/// title prints its "(continued)" itself, in the document's language).
pub fn slot_line(s: &ScheduleSlot) -> String {
    let mut when = Vec::new();
    if let Some(d) = &s.date {
        when.push(d.clone());
    }
    match (&s.start, &s.end) {
        (Some(a), Some(b)) => when.push(format!("{a}–{b}")),
        (Some(a), None) => when.push(a.clone()),
        _ => {}
    }
    if let Some(p) = &s.part_of_day {
        when.push(p.clone());
    }
    let mut parts = vec![when.join(" ")];
    parts.extend(s.lane.clone());
    parts.extend(s.room.clone());
    if !s.items.is_empty() {
        parts.push(s.items.join(", "));
    }
    if !s.titles.is_empty() {
        parts.push(s.titles.join("; "));
    }
    parts.extend(s.parallel.iter().cloned());
    parts.extend(s.notes.iter().cloned());
    parts.retain(|p| !p.is_empty());
    parts.join(" | ")
}

/// How similar two passages are: the Dice coefficient of their bags (0–1).
fn similarity(a: &Unit, b: &Unit) -> f64 {
    let (a, b) = (a.bag(), b.bag());
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The score of pairing two passages, None when they are not alike enough.
fn pair_score(a: &Unit, b: &Unit) -> Option<f64> {
    let same_number = a.number.is_some() && a.number == b.number;
    let s = similarity(a, b);
    if same_number && s >= SIMILAR_SAME_NUMBER {
        Some(s + 0.25)
    } else if s >= SIMILAR {
        Some(s)
    } else {
        None
    }
}

/// Old passage → (new passage, moved).
type Pairing = Vec<Option<(usize, bool)>>;

fn compare(old: &[Unit], new: &[Unit]) -> Vec<PassageChange> {
    let pairing = pair(old, new);
    let mut new_to_old: Vec<Option<(usize, bool)>> = vec![None; new.len()];
    for (o, p) in pairing.iter().enumerate() {
        if let Some((n, moved)) = *p {
            new_to_old[n] = Some((o, moved));
        }
    }
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let (mut i, mut j) = (0, 0);
    loop {
        if i < old.len() {
            match pairing[i] {
                None => {
                    out.push(removed(&old[i]));
                    i += 1;
                    continue;
                }
                Some((_, true)) => {
                    // Shown where it now stands.
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
        }
        if j < new.len() {
            match new_to_old[j] {
                None => out.push(added(&new[j])),
                Some((o, moved)) => {
                    out.push(paired(&old[o], &new[j], moved));
                    if !moved {
                        i = o + 1;
                    }
                }
            }
            j += 1;
            continue;
        }
        if i >= old.len() {
            break;
        }
        i += 1;
    }
    out
}

/// Pairs old passages with new ones: equal ones in order, then alike ones
/// inside the gaps, then moved ones among what is left.
fn pair(old: &[Unit], new: &[Unit]) -> Pairing {
    let mut pairing: Pairing = vec![None; old.len()];
    let old_hashes: Vec<u64> = old.iter().map(|u| u.hash).collect();
    let new_hashes: Vec<u64> = new.iter().map(|u| u.hash).collect();
    let mut gaps = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_hashes, &new_hashes) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    pairing[old_index + k] = Some((new_index + k, false));
                }
            }
            op => gaps.push((op.old_range(), op.new_range())),
        }
    }
    for (o, n) in gaps {
        if o.is_empty() || n.is_empty() {
            continue;
        }
        // Pieces of at most GAP a side, cut along the gap's diagonal.
        let pieces = o.len().max(n.len()).div_ceil(GAP);
        for p in 0..pieces {
            let os = o.start + o.len() * p / pieces..o.start + o.len() * (p + 1) / pieces;
            let ns = n.start + n.len() * p / pieces..n.start + n.len() * (p + 1) / pieces;
            for (a, b) in align(&old[os.clone()], &new[ns.clone()]) {
                pairing[os.start + a] = Some((ns.start + b, false));
            }
        }
    }
    find_moved(old, new, &mut pairing);
    pairing
}

/// The order-keeping pairing of two short runs with the best total score.
fn align(old: &[Unit], new: &[Unit]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let score: Vec<Option<f64>> = old
        .iter()
        .flat_map(|a| new.iter().map(move |b| pair_score(a, b)))
        .collect();
    // best[i][j]: the best total for old[i..] against new[j..].
    let w = m + 1;
    let mut best = vec![0.0f64; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut v = best[(i + 1) * w + j].max(best[i * w + j + 1]);
            if let Some(s) = score[i * m + j] {
                v = v.max(s + best[(i + 1) * w + j + 1]);
            }
            best[i * w + j] = v;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[i * w + j];
        match score[i * m + j] {
            Some(s) if (s + best[(i + 1) * w + j + 1] - here).abs() < 1e-9 => {
                out.push((i, j));
                i += 1;
                j += 1;
            }
            _ if (best[(i + 1) * w + j] - here).abs() < 1e-9 => i += 1,
            _ => j += 1,
        }
    }
    out
}

/// Pairs what is left unpaired with the same text elsewhere (moved), or,
/// when few are left, a text at least [`SIMILAR_MOVED`] alike.
fn find_moved(old: &[Unit], new: &[Unit], pairing: &mut Pairing) {
    let mut taken = vec![false; new.len()];
    for (n, _) in pairing.iter().flatten() {
        taken[*n] = true;
    }
    let mut free_new: HashMap<u64, Vec<usize>> = HashMap::new();
    for (n, u) in new.iter().enumerate().rev() {
        if !taken[n] {
            free_new.entry(u.hash).or_default().push(n);
        }
    }
    for (o, u) in old.iter().enumerate() {
        if pairing[o].is_some() {
            continue;
        }
        if let Some(n) = free_new.get_mut(&u.hash).and_then(Vec::pop) {
            pairing[o] = Some((n, true));
            taken[n] = true;
        }
    }
    let left_old: Vec<usize> = (0..old.len()).filter(|&o| pairing[o].is_none()).collect();
    let left_new: Vec<usize> = (0..new.len()).filter(|&n| !taken[n]).collect();
    if left_old.len() > LEFTOVER || left_new.len() > LEFTOVER {
        return;
    }
    for o in left_old {
        let best = left_new
            .iter()
            .filter(|&&n| !taken[n])
            .map(|&n| (n, similarity(&old[o], &new[n])))
            .filter(|(_, s)| *s >= SIMILAR_MOVED)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((n, _)) = best {
            pairing[o] = Some((n, true));
            taken[n] = true;
        }
    }
}

fn whole(kind: SpanKind, text: &str) -> Vec<Span> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Span {
        kind,
        text: text.to_string(),
    }]
}

fn added(u: &Unit) -> PassageChange {
    PassageChange {
        kind: ChangeKind::Added,
        key: Some(u.key.clone()),
        old_key: None,
        number: u.number.clone(),
        old_number: None,
        renumbered: false,
        moved: false,
        capped: false,
        title: whole(SpanKind::Inserted, &u.title),
        text: whole(SpanKind::Inserted, &u.text),
    }
}

fn removed(u: &Unit) -> PassageChange {
    PassageChange {
        kind: ChangeKind::Removed,
        key: None,
        old_key: Some(u.key.clone()),
        number: None,
        old_number: u.number.clone(),
        renumbered: false,
        moved: false,
        capped: false,
        title: whole(SpanKind::Deleted, &u.title),
        text: whole(SpanKind::Deleted, &u.text),
    }
}

fn paired(old: &Unit, new: &Unit, moved: bool) -> PassageChange {
    let same = old.hash == new.hash;
    let (title, text, capped) = if same {
        (Vec::new(), Vec::new(), false)
    } else {
        let (title, c1) = word_diff(&old.title, &new.title);
        let (text, c2) = word_diff(&old.text, &new.text);
        (title, text, c1 || c2)
    };
    PassageChange {
        kind: if same {
            ChangeKind::Unchanged
        } else {
            ChangeKind::Changed
        },
        key: Some(new.key.clone()),
        old_key: Some(old.key.clone()),
        number: new.number.clone(),
        old_number: old.number.clone(),
        renumbered: old.number != new.number,
        moved,
        capped,
        title,
        text,
    }
}

/// The tokens of a text: words (letters, digits and combining marks, an
/// apostrophe between letters), single CJK characters, runs of spaces, and
/// every other character alone. Concatenated they give the text back.
pub fn tokens(s: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Single,
    }
    fn class(c: char) -> Class {
        if c.is_whitespace() {
            Class::Space
        } else if is_cjk(c) {
            Class::Single
        } else if c.is_alphanumeric()
            || unicode_normalization::char::is_combining_mark(c)
            || matches!(c, '\u{200C}' | '\u{200D}')
        {
            Class::Word
        } else {
            Class::Single
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut k = class(c);
        // An apostrophe between two letters stays in the word ("don't", "l'Union").
        if matches!(c, '\'' | '’')
            && prev == Some(Class::Word)
            && chars.peek().is_some_and(|&(_, n)| class(n) == Class::Word)
        {
            k = Class::Word;
        }
        let joins = prev == Some(k) && k != Class::Single;
        if !joins && i > start {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The word-level difference of two texts, and whether it was capped.
pub fn word_diff(old: &str, new: &str) -> (Vec<Span>, bool) {
    let a = tokens(old);
    let b = tokens(new);
    let key = |t: &&str| -> String {
        if t.chars().all(char::is_whitespace) {
            " ".to_string()
        } else {
            (*t).to_string()
        }
    };
    let ka: Vec<String> = a.iter().map(key).collect();
    let kb: Vec<String> = b.iter().map(key).collect();
    let mut spans = Vec::new();
    let mut capped = false;
    // Common beginning and end first: cheap, and all a capped passage keeps.
    let head = ka.iter().zip(&kb).take_while(|(x, y)| x == y).count();
    let tail = ka[head..]
        .iter()
        .rev()
        .zip(kb[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    push(&mut spans, SpanKind::Same, &b[..head]);
    let (ma, mb) = (head..a.len() - tail, head..b.len() - tail);
    if ma.len() > MAX_TOKENS || mb.len() > MAX_TOKENS {
        capped = true;
        push(&mut spans, SpanKind::Deleted, &a[ma]);
        push(&mut spans, SpanKind::Inserted, &b[mb]);
    } else {
        let (oa, ob) = (ma.start, mb.start);
        for op in capture_diff_slices(Algorithm::Myers, &ka[ma], &kb[mb]) {
            let (tag, ro, rn) = op.as_tag_tuple();
            let ro = oa + ro.start..oa + ro.end;
            let rn = ob + rn.start..ob + rn.end;
            match tag {
                similar::DiffTag::Equal => push(&mut spans, SpanKind::Same, &b[rn]),
                similar::DiffTag::Delete => push(&mut spans, SpanKind::Deleted, &a[ro]),
                similar::DiffTag::Insert => push(&mut spans, SpanKind::Inserted, &b[rn]),
                similar::DiffTag::Replace => {
                    push(&mut spans, SpanKind::Deleted, &a[ro]);
                    push(&mut spans, SpanKind::Inserted, &b[rn]);
                }
            }
        }
    }
    push(&mut spans, SpanKind::Same, &b[b.len() - tail..]);
    (tidy(slide(spans)), capped)
}

fn push(spans: &mut Vec<Span>, kind: SpanKind, tokens: &[&str]) {
    if tokens.is_empty() {
        return;
    }
    spans.push(Span {
        kind,
        text: tokens.concat(),
    });
}

/// A word inserted or deleted between two unchanged runs starts with the
/// word, not with the space before it: "a [+new +]word" rather than
/// "a[+ new+] word" (the same difference, read better).
fn slide(mut spans: Vec<Span>) -> Vec<Span> {
    for k in 1..spans.len().saturating_sub(1) {
        if spans[k].kind == SpanKind::Same
            || spans[k - 1].kind != SpanKind::Same
            || spans[k + 1].kind != SpanKind::Same
        {
            continue;
        }
        let Some(c) = spans[k].text.chars().next().filter(|c| c.is_whitespace()) else {
            continue;
        };
        if !spans[k + 1].text.starts_with(c) || spans[k].text.chars().all(char::is_whitespace) {
            continue;
        }
        spans[k - 1].text.push(c);
        spans[k].text.remove(0);
        spans[k].text.push(c);
        spans[k + 1].text.remove(0);
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// Reads better: spaces alone between two changes join both sides of the
/// change ("[-old red-][+new blue+]" rather than a change per word), and
/// within each run of changes the deleted words come before the inserted.
fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let changed = |s: &Span| s.kind != SpanKind::Same;
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    for (k, s) in spans.iter().enumerate() {
        let between_changes = s.kind == SpanKind::Same
            && s.text.chars().all(char::is_whitespace)
            && k > 0
            && spans.get(k + 1).is_some_and(changed)
            && changed(&spans[k - 1]);
        if between_changes {
            for kind in [SpanKind::Deleted, SpanKind::Inserted] {
                joined.push(Span {
                    kind,
                    text: s.text.clone(),
                });
            }
        } else {
            joined.push(s.clone());
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(joined.len());
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |out: &mut Vec<Span>, deleted: &mut String, inserted: &mut String| {
        for (kind, text) in [(SpanKind::Deleted, deleted), (SpanKind::Inserted, inserted)] {
            if !text.is_empty() {
                out.push(Span {
                    kind,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for s in joined {
        match s.kind {
            SpanKind::Deleted => deleted.push_str(&s.text),
            SpanKind::Inserted => inserted.push_str(&s.text),
            SpanKind::Same => {
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    Some(last) if last.kind == SpanKind::Same => last.text.push_str(&s.text),
                    _ => out.push(s),
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaItem, DocumentKind};

    fn report(paragraphs: &[(&str, &str)]) -> Document {
        Document {
            kind: DocumentKind::Report,
            paragraphs: paragraphs
                .iter()
                .enumerate()
                .map(|(i, (n, t))| Paragraph {
                    number: Some(n.to_string()),
                    text: t.to_string(),
                    index: i as u32,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn agenda(items: &[(&str, &str, &str)]) -> Document {
        Document {
            kind: DocumentKind::Agenda,
            agenda: items
                .iter()
                .map(|(n, t, a)| AgendaItem {
                    number: n.to_string(),
                    title: t.to_string(),
                    annotation: a.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// The spans as "same[-deleted-][+inserted+]".
    fn marked(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s.kind {
                SpanKind::Same => s.text.clone(),
                SpanKind::Deleted => format!("[-{}-]", s.text),
                SpanKind::Inserted => format!("[+{}+]", s.text),
            })
            .collect()
    }

    fn side(spans: &[Span], skip: SpanKind) -> String {
        spans
            .iter()
            .filter(|s| s.kind != skip)
            .map(|s| s.text.as_str())
            .collect()
    }

    fn kinds(changes: &[PassageChange]) -> Vec<(ChangeKind, Option<&str>, Option<&str>)> {
        changes
            .iter()
            .map(|c| (c.kind, c.old_number.as_deref(), c.number.as_deref()))
            .collect()
    }

    const P: [&str; 6] = [
        "The Working Group held its fifteenth meeting in Vienna from 14 to 16 June 2023.",
        "The meeting was opened by the Chair, who welcomed the participants.",
        "A representative of the Secretariat introduced the background paper on beneficial ownership.",
        "Several speakers described national measures to register the owners of companies.",
        "The Working Group adopted the report on its fifteenth meeting.",
        "The Chair closed the meeting on 16 June 2023.",
    ];

    #[test]
    fn a_paragraph_inserted_before_five_renumbers_the_rest_unchanged() {
        let old = report(&[
            ("1", P[0]),
            ("2", P[1]),
            ("3", P[2]),
            ("4", P[3]),
            ("5", P[4]),
            ("6", P[5]),
        ]);
        let inserted = "The Working Group decided to hold its next meeting in Vienna.";
        let new = report(&[
            ("1", P[0]),
            ("2", P[1]),
            ("3", P[2]),
            ("4", P[3]),
            ("5", inserted),
            ("6", P[4]),
            ("7", P[5]),
        ]);
        let c = changes(&old, &new);
        use ChangeKind::*;
        assert_eq!(
            kinds(&c.paragraphs),
            vec![
                (Unchanged, Some("1"), Some("1")),
                (Unchanged, Some("2"), Some("2")),
                (Unchanged, Some("3"), Some("3")),
                (Unchanged, Some("4"), Some("4")),
                (Added, None, Some("5")),
                (Unchanged, Some("5"), Some("6")),
                (Unchanged, Some("6"), Some("7")),
            ]
        );
        assert!(c.paragraphs[5].renumbered && !c.paragraphs[5].moved);
        assert_eq!(c.paragraphs[5].key.as_deref(), Some("para:5"));
        assert_eq!(c.paragraphs[5].old_key.as_deref(), Some("para:4"));
        assert_eq!(marked(&c.paragraphs[4].text), format!("[+{inserted}+]"));
        assert_eq!(
            c.counts,
            ChangeCounts {
                added: 1,
                removed: 0,
                changed: 0,
                unchanged: 6
            }
        );
    }

    #[test]
    fn a_changed_sentence_is_marked_word_by_word() {
        let old = report(&[("1", P[0]), ("2", P[1])]);
        let new = report(&[
            (
                "1",
                "The Working Group held its sixteenth meeting in Vienna from 3 to 5 June 2024.",
            ),
            ("2", P[1]),
        ]);
        let c = changes(&old, &new);
        assert_eq!(c.paragraphs[0].kind, ChangeKind::Changed);
        assert_eq!(
            marked(&c.paragraphs[0].text),
            "The Working Group held its [-fifteenth-][+sixteenth+] meeting in Vienna from \
             [-14-][+3+] to [-16-][+5+] June [-2023-][+2024+]."
        );
        assert_eq!(c.paragraphs[1].kind, ChangeKind::Unchanged);
        assert!(c.paragraphs[1].text.is_empty());
    }

    #[test]
    fn both_sides_of_a_difference_read_back_as_the_texts() {
        let a = "The Conference, in its resolution 10/5, decided that the Working Group should continue.";
        let b = "In its resolution 10/5 the Conference decided the Working Groups shall continue its work.";
        let (spans, capped) = word_diff(a, b);
        assert!(!capped);
        assert_eq!(side(&spans, SpanKind::Inserted), a);
        assert_eq!(side(&spans, SpanKind::Deleted), b);
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        let old = agenda(&[(
            "1",
            "会议开幕",
            "资产追回问题不限成员名额政府间工作组会议将于2012年8月30日星期四上午10时开幕。",
        )]);
        let new = agenda(&[(
            "1",
            "会议开幕",
            "资产追回问题不限成员名额政府间工作组会议将于2012年9月3日星期一上午10时开幕。",
        )]);
        let c = changes(&old, &new);
        assert_eq!(c.items[0].kind, ChangeKind::Changed);
        assert_eq!(
            marked(&c.items[0].text),
            "资产追回问题不限成员名额政府间工作组会议将于2012年[-8-][+9+]月[-30-][+3+]日星期[-四-][+一+]上午10时开幕。"
        );
        assert_eq!(marked(&c.items[0].title), "会议开幕");
    }

    #[test]
    fn words_of_every_script_are_split_sensibly() {
        assert_eq!(
            tokens("Доклад Рабочей группы"),
            vec!["Доклад", " ", "Рабочей", " ", "группы"]
        );
        // Arabic with harakat: the marks stay in their word.
        assert_eq!(
            tokens("تَقْرِير الفريق العامل"),
            vec!["تَقْرِير", " ", "الفريق", " ", "العامل"]
        );
        assert_eq!(
            tokens("l'Assemblée (A/80/1), 2024"),
            vec![
                "l'Assemblée",
                " ",
                "(",
                "A",
                "/",
                "80",
                "/",
                "1",
                ")",
                ",",
                " ",
                "2024"
            ]
        );
        assert_eq!(
            tokens("实益所有权。"),
            vec!["实", "益", "所", "有", "权", "。"]
        );
        assert_eq!(tokens("第4/4号"), vec!["第", "4", "/", "4", "号"]);
    }

    #[test]
    fn a_removed_item_and_its_words_are_reported_where_it_stood() {
        let old = agenda(&[
            (
                "1",
                "Opening of the session",
                "The session will be opened by the Chair.",
            ),
            (
                "2",
                "Adoption of the agenda",
                "The Committee will adopt its agenda.",
            ),
            (
                "3",
                "Technical assistance",
                "The Secretariat will report on technical assistance.",
            ),
            (
                "4",
                "Adoption of the report",
                "The Committee will adopt its report.",
            ),
        ]);
        let new = agenda(&[
            (
                "1",
                "Opening of the session",
                "The session will be opened by the Chair.",
            ),
            (
                "2",
                "Adoption of the agenda",
                "The Committee will adopt its agenda.",
            ),
            (
                "3",
                "Adoption of the report",
                "The Committee will adopt its report.",
            ),
        ]);
        let c = changes(&old, &new);
        use ChangeKind::*;
        assert_eq!(
            kinds(&c.items),
            vec![
                (Unchanged, Some("1"), Some("1")),
                (Unchanged, Some("2"), Some("2")),
                (Removed, Some("3"), None),
                (Unchanged, Some("4"), Some("3")),
            ]
        );
        assert_eq!(c.items[2].old_key.as_deref(), Some("item:3"));
        assert_eq!(c.items[2].key, None);
        assert_eq!(marked(&c.items[2].title), "[-Technical assistance-]");
        assert_eq!(c.items[3].key.as_deref(), Some("item:3"));
        assert_eq!(c.items[3].old_key.as_deref(), Some("item:4"));
    }

    #[test]
    fn a_rewritten_paragraph_keeps_its_number() {
        let old = report(&[("1", P[0]), ("2", P[1]), ("3", P[2]), ("4", P[3])]);
        let rewritten = "A representative of the Secretariat presented the revised background paper on beneficial ownership transparency.";
        let new = report(&[("1", P[0]), ("2", P[1]), ("3", rewritten), ("4", P[3])]);
        let c = changes(&old, &new);
        use ChangeKind::*;
        assert_eq!(
            kinds(&c.paragraphs),
            vec![
                (Unchanged, Some("1"), Some("1")),
                (Unchanged, Some("2"), Some("2")),
                (Changed, Some("3"), Some("3")),
                (Unchanged, Some("4"), Some("4")),
            ]
        );
        assert_eq!(side(&c.paragraphs[2].text, SpanKind::Deleted), rewritten);
        assert_eq!(side(&c.paragraphs[2].text, SpanKind::Inserted), P[2]);
    }

    #[test]
    fn a_paragraph_moved_elsewhere_is_found_unchanged() {
        let old = report(&[("1", P[0]), ("2", P[1]), ("3", P[2]), ("4", P[3])]);
        let new = report(&[("1", P[0]), ("2", P[2]), ("3", P[3]), ("4", P[1])]);
        let c = changes(&old, &new);
        let got: Vec<_> = c
            .paragraphs
            .iter()
            .map(|p| {
                (
                    p.kind,
                    p.old_number.as_deref(),
                    p.number.as_deref(),
                    p.moved,
                )
            })
            .collect();
        use ChangeKind::*;
        assert_eq!(
            got,
            vec![
                (Unchanged, Some("1"), Some("1"), false),
                (Unchanged, Some("3"), Some("2"), false),
                (Unchanged, Some("4"), Some("3"), false),
                (Unchanged, Some("2"), Some("4"), true),
            ]
        );
    }

    #[test]
    fn slots_whose_dates_moved_are_changed_on_the_date() {
        let slot = |date: &str, start: &str, items: &[&str], title: &str| ScheduleSlot {
            date: Some(date.into()),
            start: Some(start.into()),
            end: None,
            items: items.iter().map(|s| s.to_string()).collect(),
            titles: vec![title.into()],
            ..Default::default()
        };
        let old = Document {
            schedule: vec![
                slot("2024-06-12", "10:00", &["1"], "Organizational matters"),
                slot("2024-06-12", "15:00", &["2"], "Overview of progress"),
            ],
            ..Default::default()
        };
        let new = Document {
            schedule: vec![
                slot("2024-06-19", "10:00", &["1"], "Organizational matters"),
                slot("2024-06-19", "15:00", &["2"], "Overview of progress"),
            ],
            ..Default::default()
        };
        let c = changes(&old, &new);
        assert_eq!(
            marked(&c.slots[1].text),
            "2024-06-[-12-][+19+] 15:00 | 2 | Overview of progress"
        );
        assert_eq!(c.slots[1].key.as_deref(), Some("slot:1"));
    }

    #[test]
    fn a_very_long_passage_is_capped_not_compared_word_by_word() {
        let a: String = (0..MAX_TOKENS).map(|i| format!("a{i} ")).collect();
        let b: String = (0..MAX_TOKENS).map(|i| format!("b{i} ")).collect();
        let (spans, capped) = word_diff(&format!("Start {a}end."), &format!("Start {b}end."));
        assert!(capped);
        assert_eq!(spans.len(), 4);
        assert_eq!(spans[0].text, "Start ");
    }
}
