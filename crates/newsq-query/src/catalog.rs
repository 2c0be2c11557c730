//! The entities of an index: built from the spellings its documents hold,
//! listed with their numbers, and used to widen names in free text.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use newsq_core::index::analysis::name_key;
use newsq_core::index::{name, DocKind, Fields, NewsIndex};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::entity::{
    read_speaker, spelling_key, Aliases, Entities, EntityKind, SpeakerName, Spelling,
};
use crate::error::QueryError;

/// The speaker and outlet entities of one searcher generation.
pub(crate) struct Tables {
    pub(crate) generation: u64,
    pub(crate) speakers: Arc<Entities>,
    pub(crate) outlets: Arc<Entities>,
}

impl Tables {
    /// Read the distinct spellings of every segment (a dictionary walk, not
    /// a document scan) and group them with the index's aliases.
    pub(crate) fn build(
        index: &NewsIndex,
        searcher: &tantivy::Searcher,
    ) -> Result<Tables, QueryError> {
        let aliases = Aliases::load(index)?;
        let fields = index.fields();
        let spellings =
            |column: &str, key_field: Field| -> Result<Vec<(String, u64)>, QueryError> {
                let mut counts: HashMap<String, u64> = HashMap::new();
                for segment in searcher.segment_readers() {
                    let Some(values) = segment.fast_fields().str(column)? else {
                        continue;
                    };
                    // Spellings that differ only in case or accents share an
                    // index key: its documents count once, under the first.
                    let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
                    let mut stream = values
                        .dictionary()
                        .stream()
                        .map_err(tantivy::TantivyError::from)?;
                    while stream.advance() {
                        if let Ok(text) = std::str::from_utf8(stream.key()) {
                            by_key
                                .entry(name_key(text))
                                .or_default()
                                .push(text.to_string());
                        }
                    }
                    let inverted = segment.inverted_index(key_field)?;
                    for (key, texts) in by_key {
                        let freq = inverted
                            .doc_freq(&Term::from_field_text(key_field, &key))
                            .map_err(tantivy::TantivyError::from)?;
                        for (i, text) in texts.into_iter().enumerate() {
                            *counts.entry(text).or_default() +=
                                if i == 0 { u64::from(freq) } else { 0 };
                        }
                    }
                }
                Ok(counts.into_iter().collect())
            };
        let speakers = spellings(name::SPEAKER, fields.speaker_key)?;
        let outlets = spellings(name::OUTLET, fields.outlet_key)?;
        Ok(Tables {
            generation: searcher.generation().generation_id(),
            speakers: Arc::new(Entities::build(EntityKind::Speaker, speakers, &aliases)),
            outlets: Arc::new(Entities::build(EntityKind::Outlet, outlets, &aliases)),
        })
    }
}

/// Other spellings, in the index's text fields, of a name word: for a
/// query word that is part of a speaker's name ("zelenskiy"), the terms
/// with the same spelling key ("zelenski", "zelenskyy").
pub(crate) fn name_variants(
    searcher: &tantivy::Searcher,
    speakers: &Entities,
    text_fields: &[Field],
    term: &str,
) -> Vec<String> {
    if !term.is_ascii() || !speakers.is_name_word(term) {
        return Vec::new();
    }
    let key = spelling_key(term);
    let start: Vec<char> = key.chars().take(3).collect();
    if start.len() < 3 {
        return Vec::new();
    }
    // Terms start with the key's first three letters, each once or twice.
    let mut prefixes = Vec::with_capacity(8);
    for doubled in 0u8..8 {
        let mut prefix = String::with_capacity(6);
        for (i, &c) in start.iter().enumerate() {
            prefix.push(c);
            if doubled & (1 << i) != 0 {
                prefix.push(c);
            }
        }
        prefixes.push(prefix);
    }
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        for &field in text_fields {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            for prefix in &prefixes {
                let mut upper = prefix.clone().into_bytes();
                if let Some(last) = upper.last_mut() {
                    *last += 1;
                }
                let Ok(mut stream) = inverted
                    .terms()
                    .range()
                    .ge(prefix.as_bytes())
                    .lt(&upper)
                    .into_stream()
                else {
                    continue;
                };
                while stream.advance() {
                    if let Ok(candidate) = std::str::from_utf8(stream.key()) {
                        if candidate != term && spelling_key(candidate) == key {
                            found.insert(candidate.to_string());
                        }
                    }
                }
            }
        }
    }
    found.into_iter().collect()
}

/// A speaker or outlet with what the index holds for it, for listings.
#[derive(Debug, Clone, Serialize)]
pub struct EntityReport {
    pub kind: EntityKind,
    /// The entity's name.
    pub name: String,
    /// Quotations attributed to it (speakers), or quotations published by
    /// it (outlets).
    pub quotations: u64,
    /// Articles from it (outlets only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<u64>,
    /// Every spelling, with the quotations (speakers) or articles and
    /// quotations (outlets) that use it, most used first. For speakers
    /// this includes how articles wrote the name where they quote them
    /// ("Mr Zelensky").
    pub spellings: Vec<Spelling>,
    /// Speakers: the outlets that quote them, with quotation counts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outlets: Vec<Spelling>,
    /// A bare surname kept apart: the people it may be.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub may_be: Vec<String>,
}

/// Speaker entities matching `pattern` with their numbers, from one pass
/// over the quotations' fast columns.
pub(crate) fn speaker_reports(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    speakers: &Entities,
    outlets: &Entities,
    pattern: &str,
) -> Result<Vec<EntityReport>, QueryError> {
    let wanted: Vec<&crate::entity::Entity> = speakers.matching(pattern);
    let rows = searcher.search(
        &kind_query(fields, DocKind::Quotation),
        &ValueCounter {
            columns: [name::SPEAKER, name::SPEAKER_MENTION, name::OUTLET],
        },
    )?;
    let mut reports: HashMap<&str, Builder> = wanted
        .iter()
        .map(|e| (e.name.as_str(), Builder::new(e)))
        .collect();
    for ([speaker, mention, outlet], count) in rows {
        let Some(speaker) = speaker else { continue };
        let Some(entity) = speakers.of_spelling(&speaker) else {
            continue;
        };
        let Some(report) = reports.get_mut(entity.name.as_str()) else {
            continue;
        };
        report.quotations += count;
        *report.spellings.entry(speaker.clone()).or_default() += count;
        // The mention counts as a spelling when it names the same person
        // ("Mr Zelensky"), not when it describes ("he", "the president").
        if let Some(mention) = mention.filter(|m| name_key(m) != name_key(&speaker)) {
            if same_surname(&mention, &speaker) {
                *report.spellings.entry(mention).or_default() += count;
            }
        }
        let outlet = outlet.as_deref().map(|o| {
            outlets
                .of_spelling(o)
                .map_or(o, |e| e.name.as_str())
                .to_string()
        });
        if let Some(outlet) = outlet {
            *report.outlets.entry(outlet).or_default() += count;
        }
    }
    Ok(finish(EntityKind::Speaker, wanted, reports))
}

/// Outlet entities matching `pattern` with their numbers.
pub(crate) fn outlet_reports(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    outlets: &Entities,
    pattern: &str,
) -> Result<Vec<EntityReport>, QueryError> {
    let wanted = outlets.matching(pattern);
    let mut reports: HashMap<&str, Builder> = wanted
        .iter()
        .map(|e| (e.name.as_str(), Builder::new(e)))
        .collect();
    for kind in [DocKind::Article, DocKind::Quotation] {
        let rows = searcher.search(
            &kind_query(fields, kind),
            &ValueCounter {
                columns: [name::OUTLET],
            },
        )?;
        for ([outlet], count) in rows {
            let Some(outlet) = outlet else { continue };
            let Some(entity) = outlets.of_spelling(&outlet) else {
                continue;
            };
            let Some(report) = reports.get_mut(entity.name.as_str()) else {
                continue;
            };
            if kind == DocKind::Article {
                *report.articles.get_or_insert(0) += count;
                *report.spellings.entry(outlet).or_default() += count;
            } else {
                report.quotations += count;
            }
        }
    }
    for report in reports.values_mut() {
        report.articles.get_or_insert(0);
    }
    Ok(finish(EntityKind::Outlet, wanted, reports))
}

fn same_surname(mention: &str, speaker: &str) -> bool {
    match (read_speaker(mention, true), read_speaker(speaker, true)) {
        (SpeakerName::Person(m), SpeakerName::Person(s)) => m.surname == s.surname,
        _ => false,
    }
}

struct Builder {
    quotations: u64,
    articles: Option<u64>,
    spellings: HashMap<String, u64>,
    outlets: HashMap<String, u64>,
    may_be: Vec<String>,
}

impl Builder {
    fn new(entity: &crate::entity::Entity) -> Self {
        Builder {
            quotations: 0,
            articles: None,
            spellings: HashMap::new(),
            outlets: HashMap::new(),
            may_be: entity.may_be.clone(),
        }
    }
}

/// Reports in the order of the entities (most documents first), without
/// entities whose documents have all been deleted.
fn finish(
    kind: EntityKind,
    wanted: Vec<&crate::entity::Entity>,
    mut reports: HashMap<&str, Builder>,
) -> Vec<EntityReport> {
    let ranked = |counts: HashMap<String, u64>| {
        let mut list: Vec<Spelling> = counts
            .into_iter()
            .map(|(text, count)| Spelling { text, count })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        list
    };
    let mut out: Vec<EntityReport> = wanted
        .iter()
        .filter_map(|e| {
            let built = reports.remove(e.name.as_str())?;
            (built.quotations > 0 || built.articles.unwrap_or(0) > 0).then(|| EntityReport {
                kind,
                name: e.name.clone(),
                quotations: built.quotations,
                articles: built.articles,
                spellings: ranked(built.spellings),
                outlets: ranked(built.outlets),
                may_be: built.may_be,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let size = |r: &EntityReport| r.quotations + r.articles.unwrap_or(0);
        size(b).cmp(&size(a)).then_with(|| a.name.cmp(&b.name))
    });
    out
}

fn kind_query(fields: &Fields, kind: DocKind) -> TermQuery {
    TermQuery::new(
        Term::from_field_u64(fields.kind, kind.code()),
        IndexRecordOption::Basic,
    )
}

/// Counts matching documents by the values of N fast text columns at
/// once; a document without a value counts under `None`.
struct ValueCounter<const N: usize> {
    columns: [&'static str; N],
}

struct ValueSegmentCounter<const N: usize> {
    columns: Vec<Option<StrColumn>>,
    counts: HashMap<[Option<u64>; N], u64>,
}

type Rows<const N: usize> = Vec<([Option<String>; N], u64)>;

impl<const N: usize> Collector for ValueCounter<N> {
    type Fruit = Rows<N>;
    type Child = ValueSegmentCounter<N>;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<ValueSegmentCounter<N>> {
        let mut columns = Vec::with_capacity(N);
        for column in self.columns {
            columns.push(reader.fast_fields().str(column)?);
        }
        Ok(ValueSegmentCounter {
            columns,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Rows<N>>) -> tantivy::Result<Rows<N>> {
        let mut all: HashMap<[Option<String>; N], u64> = HashMap::new();
        for (values, count) in fruits.into_iter().flatten() {
            *all.entry(values).or_default() += count;
        }
        Ok(all.into_iter().collect())
    }
}

impl<const N: usize> SegmentCollector for ValueSegmentCounter<N> {
    type Fruit = Rows<N>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let mut ords = [None; N];
        for (slot, column) in ords.iter_mut().zip(&self.columns) {
            *slot = column.as_ref().and_then(|c| c.term_ords(doc).next());
        }
        *self.counts.entry(ords).or_default() += 1;
    }

    fn harvest(self) -> Rows<N> {
        let mut text = String::new();
        self.counts
            .into_iter()
            .map(|(ords, count)| {
                let values = std::array::from_fn(|i| {
                    let (column, ord) = (self.columns[i].as_ref()?, ords[i]?);
                    text.clear();
                    column
                        .ord_to_str(ord, &mut text)
                        .ok()
                        .filter(|&found| found)
                        .map(|_| text.clone())
                });
                (values, count)
            })
            .collect()
    }
}
