//! The provisional agenda against the agenda as adopted (which the
//! session's report prints): items added, removed, renumbered, retitled.

use super::similarity::{plain_title as plain, terms, Weights};
use crate::model::AgendaItem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListedItem {
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Renumbered {
    pub from: String,
    pub to: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Retitled {
    /// The number in the adopted agenda.
    pub number: String,
    pub provisional: String,
    pub adopted: String,
}

/// What adoption changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgendaChanges {
    pub added: Vec<ListedItem>,
    pub removed: Vec<ListedItem>,
    pub renumbered: Vec<Renumbered>,
    pub retitled: Vec<Retitled>,
    /// Pairs of numbers (provisional, adopted) of the same item.
    pub same: Vec<(String, String)>,
}

impl AgendaChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renumbered.is_empty()
            && self.retitled.is_empty()
    }
}

fn flat(items: &[AgendaItem]) -> Vec<&AgendaItem> {
    fn walk<'a>(items: &'a [AgendaItem], out: &mut Vec<&'a AgendaItem>) {
        for i in items {
            out.push(i);
            walk(&i.children, out);
        }
    }
    let mut out = Vec::new();
    walk(items, &mut out);
    out
}

/// Aligns the two agendas: pairs by title first (most alike first), then
/// what is left by number when the titles still share something; a
/// provisional item left over was removed, an adopted one added.
pub fn changes(
    provisional: &[AgendaItem],
    adopted: &[AgendaItem],
    language: &str,
) -> AgendaChanges {
    let p = flat(provisional);
    let a = flat(adopted);
    let pt: Vec<Vec<String>> = p.iter().map(|i| terms(&i.title, language)).collect();
    let at: Vec<Vec<String>> = a.iter().map(|i| terms(&i.title, language)).collect();
    let w = Weights::new(pt.iter().chain(&at).map(Vec::as_slice));
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..p.len() {
        for j in 0..a.len() {
            let title = if plain(&p[i].title) == plain(&a[j].title) {
                1.0
            } else {
                w.cosine(&pt[i], &at[j])
            };
            let number = if p[i].number == a[j].number { 0.1 } else { 0.0 };
            pairs.push((title + number, i, j));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let (mut used_p, mut used_a) = (HashSet::new(), HashSet::new());
    let mut matched: Vec<(usize, usize)> = Vec::new();
    // Most alike first; then, by number, items whose title changed.
    for (min, need_number) in [(0.55, false), (0.2, true)] {
        for &(s, i, j) in &pairs {
            if s < min || used_p.contains(&i) || used_a.contains(&j) {
                continue;
            }
            if need_number && p[i].number != a[j].number {
                continue;
            }
            used_p.insert(i);
            used_a.insert(j);
            matched.push((i, j));
        }
    }
    matched.sort_by_key(|&(_, j)| j);
    let mut out = AgendaChanges::default();
    for &(i, j) in &matched {
        out.same.push((p[i].number.clone(), a[j].number.clone()));
        if p[i].number != a[j].number {
            out.renumbered.push(Renumbered {
                from: p[i].number.clone(),
                to: a[j].number.clone(),
                title: a[j].title.clone(),
            });
        }
        if plain(&p[i].title) != plain(&a[j].title) {
            out.retitled.push(Retitled {
                number: a[j].number.clone(),
                provisional: p[i].title.clone(),
                adopted: a[j].title.clone(),
            });
        }
    }
    out.removed = (0..p.len())
        .filter(|i| !used_p.contains(i))
        .map(|i| ListedItem {
            number: p[i].number.clone(),
            title: p[i].title.clone(),
        })
        .collect();
    out.added = (0..a.len())
        .filter(|j| !used_a.contains(j))
        .map(|j| ListedItem {
            number: a[j].number.clone(),
            title: a[j].title.clone(),
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: &str, t: &str) -> AgendaItem {
        AgendaItem {
            number: n.into(),
            title: t.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_item_added_at_adoption_renumbers_those_after_it() {
        let provisional = [
            item("1", "Organizational matters"),
            item(
                "2",
                "Progress made in the implementation of the mandates of the Working Group",
            ),
            item("3", "Thematic discussion on the return of assets"),
            item("4", "Adoption of the report"),
        ];
        let adopted = [
            item("1", "Organizational matters"),
            item("2", "Review of progress made in the implementation of the mandates of the Working Group"),
            item("3", "Thematic discussion on the return of assets"),
            item("4", "Other matters"),
            item("5", "Adoption of the report"),
        ];
        let c = changes(&provisional, &adopted, "en");
        assert_eq!(
            c.added,
            [ListedItem {
                number: "4".into(),
                title: "Other matters".into()
            }]
        );
        assert!(c.removed.is_empty());
        assert_eq!(
            c.renumbered,
            [Renumbered {
                from: "4".into(),
                to: "5".into(),
                title: "Adoption of the report".into()
            }]
        );
        assert_eq!(c.retitled.len(), 1);
        assert_eq!(c.retitled[0].number, "2");
        assert!(changes(&provisional, &provisional, "en").is_empty());
    }
}
