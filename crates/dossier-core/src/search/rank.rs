//! Ranking the candidates the index proposes.
//!
//! The index scores by BM25 over the recall terms (CJK bigrams, stemmed
//! words): any fragment of Chinese is found, but a bigram does not know
//! where words begin. "会议" occurs in "大会议程" (大会 | 议程) as much as in
//! "会议室". So at query time a candidate in which a Chinese word of the
//! query (as jieba segments the query) never stands whole, only across two
//! words or inside a longer one (`analysis::stands_whole`), has its score
//! multiplied by 0.7 (by 0.7 to 1 for a query of several words, by the
//! share of them that never stand whole). Nothing is raised, so once
//! `limit` hits are in hand, a candidate whose BM25 does not exceed the
//! last of them cannot enter (`Ranked`): the search reads further down
//! only while demoted hits are among the best.
//!
//! Until index format 4 this was a second field of jieba words, written at
//! index time: it slowed indexing and kept the whole dictionary in memory
//! whenever anything was indexed. Now jieba segments the query and a
//! few characters around each occurrence in the candidates, with a
//! dictionary trimmed to the words frequent enough to matter
//! (`analysis::JIEBA`). On the benchmark's queries the ten best hits are
//! 90% those of format 4 (BENCHMARKS.md).

use super::analysis;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What a candidate's score is multiplied by when none of the query's
/// Chinese words stands whole in it.
const SPLIT: f32 = 0.7;

/// The query's Chinese words, ranking's half of the query.
pub(super) struct QueryWords {
    words: Vec<String>,
}

impl QueryWords {
    pub(super) fn of(query: &str) -> QueryWords {
        QueryWords {
            words: analysis::query_words(query),
        }
    }

    /// What a candidate's BM25 is multiplied by: 1 when every word of the
    /// query stands whole in it at least once, down to [`SPLIT`] when none does.
    pub(super) fn factor(&self, text: &str) -> f32 {
        if self.words.is_empty() {
            return 1.0;
        }
        let split = self
            .words
            .iter()
            .filter(|w| !analysis::stands_whole(text, w))
            .count();
        1.0 - (1.0 - SPLIT) * split as f32 / self.words.len() as f32
    }
}

/// Score order for the heap (scores are finite: BM25 times a factor).
struct Score(f32);
impl PartialEq for Score {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Score {}
impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Score {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The candidates kept so far (`T`, with their final scores), and whether
/// more could still change the best `limit` of them.
pub(super) struct Ranked<T> {
    limit: usize,
    kept: Vec<(f32, T)>,
    /// The best `limit` final scores, the lowest on top.
    best: BinaryHeap<Reverse<Score>>,
}

impl<T> Ranked<T> {
    pub(super) fn new(limit: usize) -> Ranked<T> {
        Ranked {
            limit,
            kept: Vec::new(),
            best: BinaryHeap::new(),
        }
    }

    /// Whether no candidate of this BM25 or lower can enter the best
    /// `limit`: candidates come best BM25 first, so the search can stop.
    /// Ties stop it too, as the earlier candidate wins a tie.
    pub(super) fn settled(&self, next: f32) -> bool {
        if self.best.len() < self.limit {
            return false;
        }
        // No factor exceeds 1: a candidate scores at most its BM25.
        self.best.peek().is_some_and(|Reverse(low)| next <= low.0)
    }

    pub(super) fn push(&mut self, score: f32, candidate: T) {
        self.best.push(Reverse(Score(score)));
        if self.best.len() > self.limit {
            self.best.pop();
        }
        self.kept.push((score, candidate));
    }

    /// Every candidate kept, best first; ties in the order they came.
    pub(super) fn into_best(mut self) -> Vec<(f32, T)> {
        self.kept.sort_by(|a, b| b.0.total_cmp(&a.0));
        self.kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_only_split_across_two_words_ranks_below_the_word_standing_whole() {
        let q = QueryWords::of("会议");
        // 会议 is a word in the first; two halves of 大会 | 议程 in the second.
        assert_eq!(q.factor("会议室里举行了会议。"), 1.0);
        assert_eq!(q.factor("大会议程已经通过。"), SPLIT);
        assert_eq!(QueryWords::of("meeting").factor("大会议程"), 1.0);
    }

    #[test]
    fn the_search_stops_once_no_candidate_can_enter() {
        let mut r = Ranked::new(2);
        r.push(10.0, "a");
        assert!(!r.settled(9.0));
        r.push(9.0 * SPLIT, "b (demoted)");
        // 8 could still pass the demoted one.
        assert!(!r.settled(8.0));
        r.push(8.0, "c");
        assert!(r.settled(8.0));
        let best: Vec<&str> = r.into_best().into_iter().map(|(_, t)| t).collect();
        assert_eq!(best, ["a", "c", "b (demoted)"]);
    }
}
