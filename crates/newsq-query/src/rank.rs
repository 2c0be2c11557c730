//! The best hits by score — BM25, for statements weighed by their length so
//! that a fragment of a few words ranks after the sentences that carry the
//! same words ([`length_weight`]) — then a direct quotation before a
//! reported statement and then the newest first among equal scores, without
//! scoring every match.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use newsq_core::index::{name, StatementKindCode};
use newsq_core::quote::StatementKind;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::Weight;
use tantivy::schema::Field;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A hit's rank: score (length-weighed for statements found by their
/// words), then 1 for a direct quotation (or an article) and
/// 0 for a reported statement, then publication date in seconds (undated
/// last).
pub(crate) type RankKey = (Score, u8, i64);

/// Collects the `limit` best documents by [`RankKey`] (ties on both by
/// document address, lower first).
///
/// Unlike `TopDocs::tweak_score`, which must score every match, it hands
/// tantivy a threshold just under the worst score it keeps, so Block-WAND
/// skips blocks of postings that cannot reach the list, while a document
/// that ties the worst score is still seen and wins if it is newer.
pub(crate) struct NewestOnTies {
    pub(crate) limit: usize,
    /// The text field whose length weighs each score (see
    /// [`length_weight`]); scores as tantivy gives them when None.
    pub(crate) lengths: Option<Field>,
}

/// Words from which a statement counts as a full sentence and keeps its
/// whole score: see [`length_weight`].
const SENTENCE_WORDS: u32 = 8;

/// The share of its BM25 score a statement of `words` words keeps: an
/// eighth per word up to eight words, then all of it (1.0).
///
/// BM25 divides a word's weight by the statement's length relative to the
/// average one, so a two-word fragment quoted in passing ("root causes")
/// outscores the sentences that hold the same words and say what the
/// speaker said about them (up to 1.7 times a statement of average length,
/// more against longer ones). A statement shorter than a sentence is mostly
/// the match and little else: the weight falls faster than BM25 rises (a
/// quarter for two words, half for four), so fragments rank after the
/// sentences that carry their words. It saturates at eight words, which
/// two in three direct quotations and nine in ten reported statements
/// reach: among those BM25 orders alone, and a long statement is never
/// favoured for its length.
///
/// Measured on the BBC news corpus, where a quarter of the direct
/// quotations are four words or fewer: with BM25 alone, a statement of at
/// most five words was the first hit of 28 of 48 common queries, and one of
/// at most four words the first hit of 32 of 240 queries for a word one
/// speaker used several times, though a statement of ten words or more by
/// that speaker held it too; weighed, of none. With eight, short full
/// sentences ("A treaty is not a menu.") keep their place, where ten would
/// push more of them out of the top three.
///
/// Words are counted as the index counts a field's tokens.
pub(crate) fn length_weight(words: u32) -> Score {
    words.min(SENTENCE_WORDS) as Score / SENTENCE_WORDS as Score
}

/// How hit `a` ranks against hit `b`, `Greater` being better: score, then
/// the speaker's own words, then date, then the lower address.
fn rank_order<T: Ord>(a: &RankKey, a_at: T, b: &RankKey, b_at: T) -> Ordering {
    a.0.total_cmp(&b.0)
        .then(a.1.cmp(&b.1))
        .then(a.2.cmp(&b.2))
        .then(b_at.cmp(&a_at))
}

/// Heap entry ordered so that the worst-ranked hit is the heap's top.
struct Ranked {
    key: RankKey,
    doc: DocId,
}

impl Ranked {
    fn order(&self, other: &Self) -> Ordering {
        rank_order(&self.key, self.doc, &other.key, other.doc)
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.order(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order(other)
    }
}

/// One segment's best hits so far.
pub(crate) struct SegmentBest {
    limit: usize,
    segment: SegmentOrdinal,
    published: Option<Column<DateTime>>,
    statement_kind: Option<Column<u64>>,
    /// Each document's length in the weighing field, when scores are
    /// weighed.
    lengths: Option<FieldNormReader>,
    heap: BinaryHeap<Reverse<Ranked>>,
}

impl SegmentBest {
    fn offer(&mut self, doc: DocId, score: Score) {
        let score = match &self.lengths {
            Some(lengths) => score * length_weight(lengths.fieldnorm(doc)),
            None => score,
        };
        // Below the worst kept score (when tantivy hands every match, not
        // only those over the threshold): no date to read.
        if self.limit == 0 || self.worst_kept().is_some_and(|worst| score < worst) {
            return;
        }
        let date = self
            .published
            .as_ref()
            .and_then(|column| column.first(doc))
            .map_or(i64::MIN, |d| d.into_timestamp_secs());
        let direct = match self.statement_kind.as_ref().and_then(|c| c.first(doc)) {
            Some(code) => u8::from(StatementKindCode::kind(Some(code)) == StatementKind::Quotation),
            None => 1,
        };
        self.keep(Ranked {
            key: (score, direct, date),
            doc,
        });
    }

    fn keep(&mut self, ranked: Ranked) {
        if self.limit == 0 {
            return;
        }
        if self.heap.len() < self.limit {
            self.heap.push(Reverse(ranked));
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if ranked > worst.0 {
                *worst = Reverse(ranked);
            }
        }
    }

    /// Scores a document must exceed to be offered: just under the worst
    /// kept score once the list is full, so that ties still arrive. A
    /// length weight is at most 1, so a document tantivy scores at or under
    /// it cannot enter the list once weighed either.
    fn threshold(&self) -> Score {
        self.worst_kept().map_or(Score::MIN, f32::next_down)
    }

    /// The lowest score kept, once the list is full.
    fn worst_kept(&self) -> Option<Score> {
        self.heap
            .peek()
            .filter(|_| self.heap.len() == self.limit)
            .map(|worst| worst.0.key.0)
    }
}

impl SegmentCollector for SegmentBest {
    type Fruit = Vec<(RankKey, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        let segment = self.segment;
        let mut best: Vec<Ranked> = self.heap.into_iter().map(|Reverse(r)| r).collect();
        best.sort_by(|a, b| b.cmp(a));
        best.into_iter()
            .map(|r| (r.key, DocAddress::new(segment, r.doc)))
            .collect()
    }
}

impl Collector for NewestOnTies {
    type Fruit = Vec<(RankKey, DocAddress)>;
    type Child = SegmentBest;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentBest> {
        Ok(SegmentBest {
            limit: self.limit,
            segment,
            published: reader.fast_fields().date(name::PUBLISHED).ok(),
            statement_kind: reader.fast_fields().u64(name::STATEMENT_KIND).ok(),
            lengths: self
                .lengths
                .map(|field| reader.get_fieldnorms_reader(field))
                .transpose()?,
            heap: BinaryHeap::with_capacity(self.limit.min(1024)),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<(RankKey, DocAddress)>> {
        let mut best = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                best.offer(doc, score);
            }
            best.threshold()
        })?;
        Ok(best.harvest())
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(RankKey, DocAddress)>>,
    ) -> tantivy::Result<Vec<(RankKey, DocAddress)>> {
        let mut all: Vec<(RankKey, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by(|(a, a_at), (b, b_at)| rank_order(b, b_at, a, a_at));
        all.truncate(self.limit);
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best_of(limit: usize, offers: &[(DocId, Score, i64)]) -> Vec<DocId> {
        let mut best = SegmentBest {
            limit,
            segment: 0,
            published: None,
            statement_kind: None,
            lengths: None,
            heap: BinaryHeap::new(),
        };
        for &(doc, score, date) in offers {
            // Dates come from the index's column in real use.
            best.keep(Ranked {
                key: (score, 1, date),
                doc,
            });
        }
        best.harvest()
            .into_iter()
            .map(|(_, address)| address.doc_id)
            .collect()
    }

    #[test]
    fn a_newer_hit_with_the_same_score_wins_the_last_place() {
        let offers = [(1, 2.0, 10), (2, 1.0, 5), (3, 1.0, 20), (4, 0.5, 99)];
        assert_eq!(best_of(2, &offers), vec![1, 3]);
    }

    #[test]
    fn equal_hits_keep_the_lower_document_first() {
        let offers = [(7, 1.0, 3), (2, 1.0, 3), (5, 1.0, 3)];
        assert_eq!(best_of(2, &offers), vec![2, 5]);
    }

    #[test]
    fn the_threshold_lets_ties_with_the_worst_kept_score_through() {
        let mut best = SegmentBest {
            limit: 1,
            segment: 0,
            published: None,
            statement_kind: None,
            lengths: None,
            heap: BinaryHeap::new(),
        };
        assert_eq!(best.threshold(), Score::MIN);
        best.offer(4, 1.5);
        assert!(best.threshold() < 1.5);
        assert!(best.threshold() > 1.4999);
        // Offered every match (counting in the same walk): lower scores
        // are passed over, a tie with a lower address takes the place.
        best.offer(5, 1.0);
        best.offer(2, 1.5);
        assert_eq!(best.harvest()[0].1.doc_id, 2);
    }

    #[test]
    fn the_length_weight_grows_an_eighth_a_word_up_to_a_sentence_of_eight() {
        assert_eq!(length_weight(0), 0.0);
        assert_eq!(length_weight(2), 0.25);
        assert_eq!(length_weight(4), 0.5);
        assert_eq!(length_weight(7), 0.875);
        assert_eq!(length_weight(8), 1.0);
        assert_eq!(length_weight(60), 1.0);
        assert_eq!(length_weight(u32::MAX), 1.0);
    }

    #[test]
    fn scores_are_weighed_by_length_before_they_are_kept_or_compared() {
        let mut best = SegmentBest {
            limit: 1,
            segment: 0,
            published: None,
            statement_kind: None,
            // Every document four words long: half its score.
            lengths: Some(FieldNormReader::constant(10, 4)),
            heap: BinaryHeap::new(),
        };
        best.offer(4, 1.5);
        assert_eq!(best.worst_kept(), Some(0.75));
        // Tantivy's threshold is on its own scores, which weighing only
        // lowers: a document over it may still fall short once weighed.
        assert!(best.threshold() < 0.75);
        best.offer(5, 1.0);
        let kept = best.harvest();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].1.doc_id, 4);
        assert_eq!(kept[0].0 .0, 0.75);
    }
}
