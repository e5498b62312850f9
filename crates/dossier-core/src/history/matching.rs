//! Which agenda items of different sessions are the same item.
//!
//! Each agenda (one session, one language) is a list of items with their
//! titles, the documents they cite and their place. Two agendas of the same
//! session in two languages are the same agenda: their items are one by
//! number. Across sessions, in one language, a pair of items scores by
//! - its titles (IDF-weighted term cosine, `similarity`), most;
//! - the documents they cite, their years made general (the note on the
//!   same matter each year);
//! - their place in the agenda (first, last, or in between), least;
//!
//! and each agenda is matched one to one against the earlier sessions,
//! nearest first, best pairs first, above a threshold. The user's verdicts
//! come last: a pair said to be the same is joined, a pair said to differ is
//! never joined directly.

use super::similarity::{general_symbol, terms, Weights};
use std::collections::{HashMap, HashSet};

/// One item of one agenda.
#[derive(Debug, Clone)]
pub struct Item {
    pub number: String,
    pub title: String,
    /// Symbols the item's annotation cites.
    pub references: Vec<String>,
    /// The parent's number, for a sub-item.
    pub parent: Option<String>,
}

/// One agenda: a session's items in one language.
#[derive(Debug, Clone)]
pub struct Agenda {
    /// The caller's key for it (a document id).
    pub key: u32,
    /// The session it belongs to: agendas sharing it are one agenda in
    /// several languages (or the provisional agenda and the adopted one).
    pub session: u32,
    /// Orders sessions in time (the meeting's first day, ISO).
    pub date: String,
    pub language: String,
    /// The body that meets: sessions of one body are matched in order;
    /// items of a body above or below it (a conference and its working
    /// group) only when their titles are nearly the same.
    pub body: String,
    /// The document's symbol, whose stem before the year names the body in
    /// every language ("CAC/COSP/WG.2/2022/1" → "CAC/COSP/WG.2").
    pub symbol: Option<String>,
    /// The agenda as adopted (printed in the session's report), not the
    /// provisional one: its items are tied to the provisional agenda's by
    /// title, as adoption may have renumbered them.
    pub adopted: bool,
    pub items: Vec<Item>,
}

/// An item of an agenda, as the caller names it.
pub type ItemRef = (u32, String);

/// A user's verdict on a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub a: ItemRef,
    pub b: ItemRef,
    pub same: bool,
}

/// Score above which two items of different sessions are the same item.
pub const THRESHOLD: f32 = 0.42;

struct Prepared<'a> {
    agenda: &'a Agenda,
    terms: Vec<Vec<String>>,
    refs: Vec<HashSet<String>>,
    place: Vec<f32>,
}

/// The groups of items that are the same item, each sorted; every item of
/// every agenda is in exactly one group.
pub fn same_items(agendas: &[Agenda], verdicts: &[Verdict]) -> Vec<Vec<ItemRef>> {
    let prepared: Vec<Prepared> = agendas.iter().map(prepare).collect();
    let mut sets = UnionFind::default();
    for a in agendas {
        for i in &a.items {
            sets.add((a.key, i.number.clone()));
        }
    }
    let forbidden: HashSet<(ItemRef, ItemRef)> = verdicts
        .iter()
        .filter(|v| !v.same)
        .flat_map(|v| [(v.a.clone(), v.b.clone()), (v.b.clone(), v.a.clone())])
        .collect();
    // One session's agendas: the same items, by number in the language
    // versions of one agenda; between the provisional and the adopted
    // agenda of one language, by title (adoption renumbers).
    for (i, a) in agendas.iter().enumerate() {
        for b in agendas
            .iter()
            .skip(i + 1)
            .filter(|b| b.session == a.session)
        {
            if a.adopted == b.adopted {
                for item in &a.items {
                    if b.items.iter().any(|x| x.number == item.number) {
                        sets.union(&(a.key, item.number.clone()), &(b.key, item.number.clone()));
                    }
                }
            } else if a.language == b.language {
                let (p, d) = if a.adopted { (b, a) } else { (a, b) };
                let as_items = |x: &Agenda| -> Vec<crate::model::AgendaItem> {
                    x.items
                        .iter()
                        .map(|i| crate::model::AgendaItem {
                            number: i.number.clone(),
                            title: i.title.clone(),
                            ..Default::default()
                        })
                        .collect()
                };
                for (from, to) in
                    super::adopted::changes(&as_items(p), &as_items(d), &p.language).same
                {
                    sets.union(&(p.key, from), &(d.key, to));
                }
            }
        }
    }
    // A pair said to differ holds for the items' sessions as a whole: no
    // language version of the one is joined to a version of the other.
    let session_of: HashMap<ItemRef, usize> = sets.snapshot();
    let apart: HashSet<(usize, usize)> = forbidden
        .iter()
        .filter_map(|(a, b)| Some((*session_of.get(a)?, *session_of.get(b)?)))
        .collect();
    let forbidden: HashSet<(ItemRef, ItemRef)> = forbidden;
    let kept_apart = |key: &(ItemRef, ItemRef)| {
        forbidden.contains(key)
            || match (session_of.get(&key.0), session_of.get(&key.1)) {
                (Some(x), Some(y)) => apart.contains(&(*x, *y)),
                _ => false,
            }
    };
    // Across sessions, per language and body: each session against the
    // earlier ones, nearest first.
    let mut groups: Vec<(&str, &str)> = agendas
        .iter()
        .map(|a| (a.language.as_str(), a.body.as_str()))
        .collect();
    groups.sort();
    groups.dedup();
    for &(lang, body) in &groups {
        let mut sessions: Vec<(&str, u32)> = agendas
            .iter()
            .filter(|a| a.language == lang && a.body == body)
            .map(|a| (a.date.as_str(), a.session))
            .collect();
        sessions.sort();
        sessions.dedup();
        let weights = Weights::new(
            prepared
                .iter()
                .filter(|p| p.agenda.language == lang)
                .flat_map(|p| p.terms.iter().map(Vec::as_slice)),
        );
        for (k, &(_, later)) in sessions.iter().enumerate() {
            // The later session's items already matched to a nearer earlier one.
            let mut taken: HashSet<String> = HashSet::new();
            for &(_, earlier) in sessions[..k].iter().rev().take(3) {
                let (Some(b), Some(a)) = (
                    one_agenda(&prepared, later, lang),
                    one_agenda(&prepared, earlier, lang),
                ) else {
                    continue;
                };
                let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
                for (i, x) in b.agenda.items.iter().enumerate() {
                    if taken.contains(&x.number) {
                        continue;
                    }
                    for (j, y) in a.agenda.items.iter().enumerate() {
                        if x.parent.is_some() != y.parent.is_some()
                            && weights.cosine(&b.terms[i], &a.terms[j]) < 0.8
                        {
                            continue;
                        }
                        let s = score(&weights, b, i, a, j);
                        let key = (
                            (b.agenda.key, x.number.clone()),
                            (a.agenda.key, y.number.clone()),
                        );
                        if s >= THRESHOLD && !kept_apart(&key) {
                            pairs.push((s, i, j));
                        }
                    }
                }
                pairs.sort_by(|p, q| q.0.total_cmp(&p.0));
                let mut used_a: HashSet<usize> = HashSet::new();
                let mut used_b: HashSet<usize> = HashSet::new();
                for (_, i, j) in pairs {
                    if used_b.contains(&i) || used_a.contains(&j) {
                        continue;
                    }
                    used_b.insert(i);
                    used_a.insert(j);
                    let x = &b.agenda.items[i];
                    let y = &a.agenda.items[j];
                    taken.insert(x.number.clone());
                    sets.union(
                        &(b.agenda.key, x.number.clone()),
                        &(a.agenda.key, y.number.clone()),
                    );
                }
            }
        }
    }
    // Across languages, between sessions of one body that share no
    // language (one held in the library in English only, the next in
    // Chinese only): titles cannot be compared, so items pair by the
    // documents they cite (their years made general) and their place; the
    // first and last items (organizational matters, the report) by number
    // and place alone.
    let series = |a: &Agenda| -> String {
        a.symbol
            .as_deref()
            .and_then(super::similarity::symbol_stem)
            .map(|stem| stem.to_ascii_uppercase())
            .unwrap_or_else(|| a.body.clone())
    };
    let mut bodies: Vec<String> = agendas.iter().map(series).collect();
    bodies.sort();
    bodies.dedup();
    for body in bodies {
        let mut sessions: Vec<(&str, u32)> = agendas
            .iter()
            .filter(|a| series(a) == body)
            .map(|a| (a.date.as_str(), a.session))
            .collect();
        sessions.sort();
        sessions.dedup();
        let languages = |s: u32| -> HashSet<&str> {
            agendas
                .iter()
                .filter(|a| a.session == s)
                .map(|a| a.language.as_str())
                .collect()
        };
        for k in 1..sessions.len() {
            let (later, earlier) = (sessions[k].1, sessions[k - 1].1);
            let (ll, le) = (languages(later), languages(earlier));
            if !ll.is_disjoint(&le) {
                continue;
            }
            let pick = |s: u32| {
                prepared
                    .iter()
                    .filter(|p| p.agenda.session == s)
                    .min_by_key(|p| (p.agenda.adopted, p.agenda.language.clone()))
            };
            let (Some(b), Some(a)) = (pick(later), pick(earlier)) else {
                continue;
            };
            let tops = |p: &Prepared| p.agenda.items.iter().filter(|i| i.parent.is_none()).count();
            let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
            for (i, x) in b.agenda.items.iter().enumerate() {
                for (j, y) in a.agenda.items.iter().enumerate() {
                    if x.parent.is_some() != y.parent.is_some() {
                        continue;
                    }
                    let key = (
                        (b.agenda.key, x.number.clone()),
                        (a.agenda.key, y.number.clone()),
                    );
                    if kept_apart(&key) {
                        continue;
                    }
                    let (ra, rb) = (&b.refs[i], &a.refs[j]);
                    let refs = if ra.is_empty() || rb.is_empty() {
                        0.0
                    } else {
                        ra.intersection(rb).count() as f32 / ra.union(rb).count() as f32
                    };
                    let place = 1.0 - (b.place[i] - a.place[j]).abs();
                    let same = x.number == y.number;
                    let end = x.parent.is_none()
                        && (x.number == "1"
                            || (b.place[i] >= 0.999
                                && a.place[j] >= 0.999
                                && tops(b) > 2
                                && tops(a) > 2));
                    let s = if refs > 0.0 {
                        0.6 * refs + 0.25 * place + if same { 0.15 } else { 0.0 }
                    } else if same && end && place > 0.95 {
                        0.5
                    } else {
                        0.0
                    };
                    if s >= 0.3 {
                        pairs.push((s, i, j));
                    }
                }
            }
            pairs.sort_by(|p, q| q.0.total_cmp(&p.0));
            let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
            for (_, i, j) in pairs {
                if used_b.contains(&i) || used_a.contains(&j) {
                    continue;
                }
                used_b.insert(i);
                used_a.insert(j);
                sets.union(
                    &(b.agenda.key, b.agenda.items[i].number.clone()),
                    &(a.agenda.key, a.agenda.items[j].number.clone()),
                );
            }
        }
    }
    // Between bodies (a working group and its conference), per language:
    // items whose titles are nearly the same, each session's nearest
    // session of the other body.
    for (x, a) in prepared.iter().enumerate() {
        for b in prepared.iter().skip(x + 1) {
            if a.agenda.language != b.agenda.language || a.agenda.body == b.agenda.body {
                continue;
            }
            let weights = Weights::new(a.terms.iter().chain(&b.terms).map(Vec::as_slice));
            for (i, p) in a.agenda.items.iter().enumerate() {
                for (j, q) in b.agenda.items.iter().enumerate() {
                    let key = (
                        (a.agenda.key, p.number.clone()),
                        (b.agenda.key, q.number.clone()),
                    );
                    if p.parent.is_none() == q.parent.is_none()
                        && weights.cosine(&a.terms[i], &b.terms[j]) >= 0.95
                        && !kept_apart(&key)
                        && nearest_of_other_body(agendas, a.agenda, b.agenda)
                    {
                        sets.union(&key.0, &key.1);
                    }
                }
            }
        }
    }
    for v in verdicts.iter().filter(|v| v.same) {
        sets.add(v.a.clone());
        sets.add(v.b.clone());
        sets.union(&v.a, &v.b);
    }
    sets.groups()
}

/// Whether `b` is the session of its body nearest in time to `a` (in `a`'s
/// language), so that a working group's item joins one session of its
/// conference, not each.
fn nearest_of_other_body(agendas: &[Agenda], a: &Agenda, b: &Agenda) -> bool {
    let days = |d: &str| -> i64 {
        let mut p = d.split('-').map(|x| x.parse::<i64>().unwrap_or(0));
        p.next().unwrap_or(0) * 372 + p.next().unwrap_or(0) * 31 + p.next().unwrap_or(0)
    };
    let gap = |x: &Agenda, y: &Agenda| (days(&x.date) - days(&y.date)).abs();
    let best = agendas
        .iter()
        .filter(|o| o.body == b.body && o.language == a.language && !o.adopted)
        .map(|o| gap(a, o))
        .min();
    best.is_none_or(|g| gap(a, b) <= g)
}

/// The agenda of a session in a language: the provisional one, else the
/// adopted one.
fn one_agenda<'p, 'a>(
    prepared: &'p [Prepared<'a>],
    session: u32,
    lang: &str,
) -> Option<&'p Prepared<'a>> {
    let of = |adopted: bool| {
        prepared.iter().find(|p| {
            p.agenda.session == session && p.agenda.language == lang && p.agenda.adopted == adopted
        })
    };
    of(false).or_else(|| of(true))
}

fn prepare(a: &Agenda) -> Prepared<'_> {
    let tops: Vec<&Item> = a.items.iter().filter(|i| i.parent.is_none()).collect();
    let place = a
        .items
        .iter()
        .map(|i| {
            let top = i.parent.as_deref().unwrap_or(&i.number);
            let at = tops.iter().position(|t| t.number == top).unwrap_or(0);
            if tops.len() > 1 {
                at as f32 / (tops.len() - 1) as f32
            } else {
                0.0
            }
        })
        .collect();
    Prepared {
        agenda: a,
        terms: a
            .items
            .iter()
            .map(|i| terms(&i.title, &a.language))
            .collect(),
        refs: a
            .items
            .iter()
            .map(|i| i.references.iter().map(|s| general_symbol(s)).collect())
            .collect(),
        place,
    }
}

fn score(w: &Weights, a: &Prepared, i: usize, b: &Prepared, j: usize) -> f32 {
    let title = w.alike(&a.terms[i], &b.terms[j]);
    let (ra, rb) = (&a.refs[i], &b.refs[j]);
    let refs = if ra.is_empty() || rb.is_empty() {
        0.0
    } else {
        ra.intersection(rb).count() as f32 / ra.union(rb).count() as f32
    };
    let place = 1.0 - (a.place[i] - b.place[j]).abs();
    let same_number = if a.agenda.items[i].number == b.agenda.items[j].number {
        0.05
    } else {
        0.0
    };
    0.7 * title + 0.15 * refs + 0.15 * place * title.min(0.5) * 2.0 + same_number
}

#[derive(Default)]
struct UnionFind {
    index: HashMap<ItemRef, usize>,
    keys: Vec<ItemRef>,
    parent: Vec<usize>,
}

impl UnionFind {
    fn add(&mut self, k: ItemRef) {
        if !self.index.contains_key(&k) {
            self.index.insert(k.clone(), self.keys.len());
            self.parent.push(self.keys.len());
            self.keys.push(k);
        }
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn union(&mut self, a: &ItemRef, b: &ItemRef) {
        let (Some(&x), Some(&y)) = (self.index.get(a), self.index.get(b)) else {
            return;
        };
        let (rx, ry) = (self.find(x), self.find(y));
        if rx != ry {
            self.parent[rx.max(ry)] = rx.min(ry);
        }
    }
    /// Each item's group as things stand.
    fn snapshot(&mut self) -> HashMap<ItemRef, usize> {
        (0..self.keys.len())
            .map(|i| (self.keys[i].clone(), self.find(i)))
            .collect()
    }

    fn groups(mut self) -> Vec<Vec<ItemRef>> {
        let mut by_root: HashMap<usize, Vec<ItemRef>> = HashMap::new();
        for i in 0..self.keys.len() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(self.keys[i].clone());
        }
        let mut out: Vec<Vec<ItemRef>> = by_root.into_values().collect();
        for g in &mut out {
            g.sort();
        }
        out.sort();
        out
    }
}
