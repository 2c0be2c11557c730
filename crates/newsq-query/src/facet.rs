//! Counting hits by speaker or outlet ("who said 'red line'?").

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// A field hits can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetField {
    /// Count by speaker.
    Speaker,
    /// Count by outlet.
    Outlet,
}

impl FacetField {
    pub(crate) fn field_name(self) -> &'static str {
        match self {
            FacetField::Speaker => newsq_core::index::name::SPEAKER,
            FacetField::Outlet => newsq_core::index::name::OUTLET,
        }
    }
}

/// Hit counts by the values of one field, most frequent first (ties by
/// name); `missing` counts hits without a value (unattributed quotations).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FacetCounts {
    /// The field counted by (set on every entry of
    /// [`SearchResults::facets`](crate::SearchResults::facets)).
    pub field: Option<FacetField>,
    /// Each value (a speaker's or outlet's name) and its hits.
    pub counts: Vec<(String, u64)>,
    /// Hits without a value.
    pub missing: u64,
}

impl FacetCounts {
    pub(crate) fn merge(&mut self, other: FacetCounts) {
        self.merge_all([other]);
    }

    /// Add up several counts, sorting once (a large index has tens of
    /// thousands of speakers in each segment's counts).
    fn merge_all(&mut self, others: impl IntoIterator<Item = FacetCounts>) {
        let mut all: HashMap<String, u64> = self.counts.drain(..).collect();
        for other in others {
            for (value, count) in other.counts {
                *all.entry(value).or_default() += count;
            }
            self.missing += other.missing;
        }
        self.counts = all.into_iter().collect();
        self.sort();
    }

    fn sort(&mut self) {
        self.counts
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
}

/// Counts matching documents by the term ordinals of a fast text field,
/// turning ordinals into strings once per segment.
pub(crate) struct FacetCollector {
    pub(crate) field: FacetField,
}

pub(crate) struct FacetSegmentCollector {
    column: Option<StrColumn>,
    counts: Vec<u64>,
    missing: u64,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let column = reader.fast_fields().str(self.field.field_name())?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(FacetSegmentCollector {
            column,
            counts: vec![0; terms],
            missing: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts {
            field: Some(self.field),
            ..FacetCounts::default()
        };
        total.merge_all(fruits);
        Ok(total)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self.column.as_ref().and_then(|c| c.ords().first(doc)) {
            Some(ord) => {
                if let Some(count) = self.counts.get_mut(ord as usize) {
                    *count += 1;
                }
            }
            None => self.missing += 1,
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut counts = Vec::new();
        if let Some(column) = &self.column {
            let ords = (0..self.counts.len() as u64).filter(|&ord| self.counts[ord as usize] > 0);
            for (ord, value) in strings_of_ords(column, ords) {
                counts.push((value, self.counts[ord as usize]));
            }
        }
        // Unsorted: `merge_fruits` sorts the sum.
        FacetCounts {
            field: None,
            counts,
            missing: self.missing,
        }
    }
}

/// The values of a fast text column's ordinals, in ordinal order; an
/// ordinal the dictionary does not hold is left out. One walk of the
/// dictionary serves them all: looking each ordinal up on its own decodes
/// a dictionary block per ordinal, which dominated facet counts and speaker
/// lookups.
pub(crate) fn strings_of_ords(
    column: &StrColumn,
    ords: impl IntoIterator<Item = u64>,
) -> Vec<(u64, String)> {
    let mut ords: Vec<u64> = ords.into_iter().collect();
    ords.sort_unstable();
    ords.dedup();
    let mut values = Vec::with_capacity(ords.len());
    let mut next = ords.iter();
    let walked = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let Some(&ord) = next.next() {
            values.push((ord, String::from_utf8_lossy(bytes).into_owned()));
        }
    });
    if walked.is_err() {
        values.clear();
    }
    values
}
