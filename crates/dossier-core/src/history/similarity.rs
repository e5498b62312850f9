//! How alike two agenda titles are, in their language: the terms search
//! analyses them into (stemmed words; CJK character pairs), weighted by how
//! rare each is among the titles compared (IDF), so that "the", "Working
//! Group" or "工作组" count for little and "beneficial ownership" for much.

use crate::search::analysis::{query_terms, Latin};
use std::collections::{HashMap, HashSet};

/// The distinct terms of a title.
pub fn terms(title: &str, language: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    query_terms(title, Latin::for_language(language))
        .into_iter()
        .filter(|t| t.chars().count() > 1 || !t.is_ascii())
        .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// A title as compared letter for letter: letters and digits only, case folded.
pub fn plain_title(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Document frequencies of terms over a set of titles.
#[derive(Debug, Default)]
pub struct Weights {
    df: HashMap<String, u32>,
    n: u32,
}

impl Weights {
    pub fn new<'a>(titles: impl IntoIterator<Item = &'a [String]>) -> Weights {
        let mut w = Weights::default();
        for t in titles {
            w.n += 1;
            for term in t {
                *w.df.entry(term.clone()).or_default() += 1;
            }
        }
        w
    }

    fn idf(&self, term: &str) -> f32 {
        let df = self.df.get(term).copied().unwrap_or(0) as f32;
        ((1.0 + self.n as f32) / (1.0 + df)).ln() + 1.0
    }

    /// Cosine of the two titles' IDF-weighted term sets, 0..=1.
    pub fn cosine(&self, a: &[String], b: &[String]) -> f32 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let set: HashSet<&String> = b.iter().collect();
        let shared: f32 = a
            .iter()
            .filter(|t| set.contains(t))
            .map(|t| self.idf(t).powi(2))
            .sum();
        let norm = |v: &[String]| v.iter().map(|t| self.idf(t).powi(2)).sum::<f32>().sqrt();
        (shared / (norm(a) * norm(b))).clamp(0.0, 1.0)
    }

    /// How alike two titles are: their cosine, or — when one title is a
    /// short form of the other ("Thematic discussion" over the sub-items
    /// that name its themes, where the session before put the theme in the
    /// title) — how much of the shorter one's weight the longer one holds,
    /// a little discounted. A title of one term is no short form.
    pub fn alike(&self, a: &[String], b: &[String]) -> f32 {
        let cos = self.cosine(a, b);
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if short.len() < 2 {
            return cos;
        }
        let set: HashSet<&String> = long.iter().collect();
        let weight =
            |v: &mut dyn Iterator<Item = &String>| v.map(|t| self.idf(t).powi(2)).sum::<f32>();
        let held =
            weight(&mut short.iter().filter(|t| set.contains(t))) / weight(&mut short.iter());
        cos.max(0.85 * held)
    }
}

/// A symbol with its years made general ("CAC/COSP/WG.2/2022/2" →
/// "CAC/COSP/WG.2/*/2"): the same slot in the next session's documents.
pub fn general_symbol(symbol: &str) -> String {
    symbol
        .split('/')
        .map(|p| if is_year(p) { "*" } else { p })
        .collect::<Vec<_>>()
        .join("/")
        .to_ascii_uppercase()
}

/// The stem of a symbol before its year ("CAC/COSP/WG.2/2022/1" →
/// "CAC/COSP/WG.2"): it names the body in every language. None for a symbol
/// with no part before the year, or with one part only.
pub fn symbol_stem(symbol: &str) -> Option<String> {
    let stem = symbol
        .split('/')
        .take_while(|p| !is_year(p))
        .collect::<Vec<_>>()
        .join("/");
    stem.contains('/').then_some(stem)
}

fn is_year(part: &str) -> bool {
    part.len() == 4 && part.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_words_count_more_than_common_ones() {
        let titles: Vec<Vec<String>> = [
            "Progress made in the implementation of the mandates of the Working Group",
            "Review of progress made in the implementation of the mandates of the Working Group",
            "Thematic discussion on beneficial ownership transparency",
            "Adoption of the report",
            "Organizational matters",
        ]
        .iter()
        .map(|t| terms(t, "en"))
        .collect();
        let w = Weights::new(titles.iter().map(Vec::as_slice));
        let same = w.cosine(&titles[0], &titles[1]);
        let other = w.cosine(&titles[0], &titles[2]);
        assert!(same > 0.7 && other < 0.2, "{same} {other}");
        let zh: Vec<Vec<String>> = ["执行进展概况", "执行进展情况概述", "通过报告"]
            .iter()
            .map(|t| terms(t, "zh"))
            .collect();
        let w = Weights::new(zh.iter().map(Vec::as_slice));
        assert!(
            w.cosine(&zh[0], &zh[1]) > 0.3,
            "{}",
            w.cosine(&zh[0], &zh[1])
        );
        assert_eq!(w.cosine(&zh[0], &zh[2]), 0.0);
        assert_eq!(general_symbol("CAC/COSP/WG.2/2022/2"), "CAC/COSP/WG.2/*/2");
    }
}
