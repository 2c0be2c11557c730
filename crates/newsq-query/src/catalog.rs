//! The entities of an index: built from the spellings its documents hold,
//! listed with their numbers, and used to widen names in free text.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use newsq_core::index::analysis::{analyze, name_key, text_analyzer};
use newsq_core::index::{name, DocKind, Fields, StatementKindCode};
use newsq_core::quote::StatementKind;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::compile::any_term;
use crate::entity::{
    folded_words, looks_like_name, read_speaker, spelling_key, transliterate, Aliases, Entities,
    EntityKind, NameMatch, Sighting, SpeakerName, Spelling, SpellingAutomaton,
};
use crate::error::QueryError;
use crate::facet::strings_of_ords;
use crate::speaker_names::SpeakerNames;

/// Every speaker of the index, from one pass over the quotations' speaker
/// and mention columns (listings and facets).
pub(crate) fn all_speakers(
    searcher: &Searcher,
    fields: &Fields,
    aliases: &Aliases,
) -> Result<Entities, QueryError> {
    let sightings = speaker_sightings(searcher, &kind_query(fields, DocKind::Quotation))?;
    Ok(Entities::build(EntityKind::Speaker, sightings, aliases))
}

/// Every outlet of the index: outlets are few, so their spellings come from
/// the column dictionaries and their counts from the key terms.
pub(crate) fn all_outlets(
    searcher: &Searcher,
    fields: &Fields,
    aliases: &Aliases,
) -> Result<Entities, QueryError> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let Some(values) = segment.fast_fields().str(name::OUTLET)? else {
            continue;
        };
        // Spellings that differ only in case or accents share an index key:
        // its documents count once, under the first.
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
        let inverted = segment.inverted_index(fields.outlet_key)?;
        for (key, texts) in by_key {
            let freq = inverted
                .doc_freq(&Term::from_field_text(fields.outlet_key, &key))
                .map_err(tantivy::TantivyError::from)?;
            for (i, text) in texts.into_iter().enumerate() {
                *counts.entry(text).or_default() += if i == 0 { u64::from(freq) } else { 0 };
            }
        }
    }
    let sightings = counts
        .into_iter()
        .map(|(spelling, count)| Sighting::new(spelling, count));
    Ok(Entities::build(EntityKind::Outlet, sightings, aliases))
}

/// (speaker, mention) pairs with their counts among `query`'s documents.
fn speaker_sightings(searcher: &Searcher, query: &dyn Query) -> Result<Vec<Sighting>, QueryError> {
    let rows = searcher.search(
        query,
        &ValueCounter {
            columns: [name::SPEAKER, name::SPEAKER_MENTION],
        },
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|([speaker, mention], count)| {
            Some(Sighting {
                spelling: speaker?,
                mention,
                count,
            })
        })
        .collect())
}

/// Speaker entities looked up name by name: each name gets a table of
/// only the spellings that share its surname (or, for a description, its
/// longest word), found through the speaker field's term dictionary. The
/// rules group a spelling using only spellings with the same surname, so
/// the answer is the one the whole table would give, at a cost that does
/// not grow with the number of speakers in the index.
pub(crate) struct SpeakerLookup<'s> {
    searcher: &'s Searcher,
    fields: Fields,
    aliases: Aliases,
    tables: SpeakerTables,
    /// Every spelling's entity name, when the index keeps them: the
    /// answer of [`SpeakerLookup::entity_name`] without a table.
    names: Option<Arc<SpeakerNames>>,
}

/// The tables a [`SpeakerLookup`] built, by lookup keys: valid for one
/// searcher generation and one alias file, and shared by the lookups made
/// for them, so that a searcher kept open does not rebuild the table of a
/// much-quoted speaker for every hit of every search.
#[derive(Clone, Default)]
pub(crate) struct SpeakerTables(Arc<Mutex<HashMap<BTreeSet<String>, Arc<Entities>>>>);

/// Tables kept at most; past that the cache starts again (a long-lived
/// searcher over many speakers must not grow without bound).
const SPEAKER_TABLES_KEPT: usize = 4096;

impl SpeakerTables {
    fn get(&self, keys: &BTreeSet<String>) -> Option<Arc<Entities>> {
        let tables = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        tables.get(keys).cloned()
    }

    fn insert(&self, keys: BTreeSet<String>, table: Arc<Entities>) {
        let mut tables = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if tables.len() >= SPEAKER_TABLES_KEPT {
            tables.clear();
        }
        tables.insert(keys, table);
    }
}

impl<'s> SpeakerLookup<'s> {
    /// A lookup that keeps the tables it builds in `tables` (which must
    /// belong to this searcher's generation and these aliases).
    pub(crate) fn new(
        searcher: &'s Searcher,
        fields: Fields,
        aliases: Aliases,
        tables: SpeakerTables,
        names: Option<Arc<SpeakerNames>>,
    ) -> Self {
        SpeakerLookup {
            searcher,
            fields,
            aliases,
            tables,
            names,
        }
    }

    /// What a name given to a speaker filter matches.
    pub(crate) fn resolve(&self, name: &str) -> Result<NameMatch, QueryError> {
        Ok(self.table_for(name, false)?.resolve(name))
    }

    /// Whether an alias file names speakers: then two spellings with
    /// different surnames may still be one person.
    pub(crate) fn has_speaker_aliases(&self) -> bool {
        !self.aliases.entries(EntityKind::Speaker).is_empty()
    }

    /// The entity name of a speaker spelling from the index.
    pub(crate) fn entity_name(&self, spelling: &str) -> Result<Option<String>, QueryError> {
        if let Some(names) = &self.names {
            return Ok(names.entity_name(spelling));
        }
        Ok(self
            .table_for(spelling, true)?
            .of_spelling(spelling)
            .map(|e| e.name.clone()))
    }

    /// Whether an analysed query word is (a form of) a word of some
    /// speaker's name: "zelenskiy" when the index has a Zelensky.
    pub(crate) fn is_name_word(&self, term: &str) -> bool {
        let key = spelling_key(term);
        let mut stemmer = text_analyzer();
        let found = terms_with_key(
            self.searcher,
            &[self.fields.speaker],
            &key,
            Candidates::SamePrefixOrOtherScript,
            |word| {
                spelling_key(word) == key
                    || analyze(&mut stemmer, word)
                        .first()
                        .is_some_and(|t| spelling_key(&t.text) == key)
            },
        );
        !found.is_empty()
    }

    fn table_for(&self, name: &str, strict: bool) -> Result<Arc<Entities>, QueryError> {
        let mut keys: BTreeSet<String> = lookup_key(name, strict).into_iter().collect();
        // An alias entry brings the words of all its spellings.
        let wanted = name_key(name);
        for entry in &self.aliases.speakers {
            if entry.all_spellings().any(|s| name_key(s) == wanted) {
                keys.extend(entry.all_spellings().filter_map(|s| lookup_key(s, false)));
            }
        }
        if let Some(table) = self.tables.get(&keys) {
            return Ok(table);
        }
        let mut words = BTreeSet::new();
        for key in &keys {
            words.extend(terms_with_key(
                self.searcher,
                &[self.fields.speaker],
                key,
                Candidates::SpelledOrOtherScript,
                |word| spelling_key(&transliterate(word)) == *key,
            ));
        }
        let mut sightings = Vec::new();
        if !words.is_empty() {
            let terms = words
                .iter()
                .map(|w| Term::from_field_text(self.fields.speaker, w))
                .collect();
            sightings = speaker_sightings(self.searcher, any_term(terms).as_ref())?;
        }
        // Alias spellings the index may hold under other words.
        let seen: BTreeSet<String> = sightings.iter().map(|s| name_key(&s.spelling)).collect();
        for entry in &self.aliases.speakers {
            let touched = entry.all_spellings().any(|s| {
                let key = name_key(s);
                key == wanted || seen.contains(&key)
            });
            if touched {
                sightings.extend(entry.all_spellings().map(|s| Sighting::new(s.clone(), 0)));
            }
        }
        let table = Arc::new(Entities::build(
            EntityKind::Speaker,
            sightings,
            &self.aliases,
        ));
        self.tables.insert(keys, Arc::clone(&table));
        Ok(table)
    }
}

/// The word a name is looked up by: its surname's last word for a person,
/// its longest word otherwise.
fn lookup_key(name: &str, strict: bool) -> Option<String> {
    match read_speaker(name, strict) {
        SpeakerName::Person(p) => Some(p.last_word),
        SpeakerName::Other => folded_words(name)
            .into_iter()
            .max_by_key(|w| w.len())
            .map(|w| spelling_key(&w)),
    }
}

/// Which terms [`terms_with_key`] offers to its `accept` test.
#[derive(Clone, Copy)]
enum Candidates {
    /// Words whose spelling key may be the key.
    Spelled,
    /// Words whose key may start with the key's first three letters, with
    /// any ending ("jones" for the stem "jone"); and every term that leaves
    /// ASCII on the way, for names in Cyrillic.
    SamePrefixOrOtherScript,
    /// Words whose spelling key may be the key; and every term that leaves
    /// ASCII on the way, for names in Cyrillic.
    SpelledOrOtherScript,
}

/// Terms of `fields` whose spelling key is `key`, as `accept` judges among
/// the `candidates`: an automaton walks each term dictionary through the
/// key's spellings only (see [`SpellingAutomaton`]).
fn terms_with_key(
    searcher: &Searcher,
    fields: &[Field],
    key: &str,
    candidates: Candidates,
    mut accept: impl FnMut(&str) -> bool,
) -> BTreeSet<String> {
    let automaton = || match candidates {
        Candidates::Spelled => SpellingAutomaton::whole(key),
        Candidates::SpelledOrOtherScript => SpellingAutomaton::whole(key).or_other_script(),
        Candidates::SamePrefixOrOtherScript => SpellingAutomaton::prefix(key, 3).or_other_script(),
    };
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        for &field in fields {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().search(automaton()).into_stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(term) = std::str::from_utf8(stream.key()) {
                    if !found.contains(term) && accept(term) {
                        found.insert(term.to_string());
                    }
                }
            }
        }
    }
    found
}

/// Other spellings, in the index's text fields, of a name word: for a
/// query word that is part of a speaker's name ("zelenskiy"), the terms
/// with the same spelling key ("zelenski", "zelenskyy").
pub(crate) fn name_variants(
    searcher: &Searcher,
    speakers: &SpeakerLookup<'_>,
    text_fields: &[Field],
    term: &str,
) -> Vec<String> {
    if !term.is_ascii() || !speakers.is_name_word(term) {
        return Vec::new();
    }
    let key = spelling_key(term);
    let mut found = terms_with_key(
        searcher,
        text_fields,
        &key,
        Candidates::Spelled,
        |candidate| candidate.is_ascii() && spelling_key(candidate) == key,
    );
    found.remove(term);
    found.into_iter().collect()
}

/// A speaker or outlet with what the index holds for it, for listings.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct EntityReport {
    /// A speaker or an outlet.
    pub kind: EntityKind,
    /// The entity's name.
    pub name: String,
    /// Direct quotations attributed to it (speakers), or published by it
    /// (outlets).
    pub quotations: u64,
    /// Reported statements attributed to it (speakers), or published by it
    /// (outlets).
    pub reported: u64,
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

/// Every quotation's (speaker, mention, outlet), counted: one pass over the
/// fast columns for a speaker listing.
pub(crate) fn speaker_rows(searcher: &Searcher, fields: &Fields) -> Result<Rows<3>, QueryError> {
    Ok(searcher.search(
        &kind_query(fields, DocKind::Quotation),
        &ValueCounter {
            columns: [name::SPEAKER, name::SPEAKER_MENTION, name::OUTLET],
        },
    )?)
}

/// How many reported statements each speaker spelling has ([`speaker_rows`]
/// counts both kinds).
pub(crate) fn reported_speaker_rows(
    searcher: &Searcher,
    fields: &Fields,
) -> Result<Rows<1>, QueryError> {
    Ok(searcher.search(
        &reported_query(fields),
        &ValueCounter {
            columns: [name::SPEAKER],
        },
    )?)
}

/// The speaker sightings in [`speaker_rows`].
pub(crate) fn sightings_of(rows: &Rows<3>) -> impl Iterator<Item = Sighting> + '_ {
    rows.iter().filter_map(|([speaker, mention, _], count)| {
        Some(Sighting {
            spelling: speaker.clone()?,
            mention: mention.clone(),
            count: *count,
        })
    })
}

/// Speaker entities matching `pattern` with their numbers.
pub(crate) fn speaker_reports(
    rows: Rows<3>,
    reported: Rows<1>,
    speakers: &Entities,
    outlets: &Entities,
    pattern: &str,
) -> Vec<EntityReport> {
    let wanted: Vec<&crate::entity::Entity> = speakers.matching(pattern);
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
    for ([speaker], count) in reported {
        let report = speaker
            .and_then(|speaker| speakers.of_spelling(&speaker))
            .and_then(|entity| reports.get_mut(entity.name.as_str()));
        if let Some(report) = report {
            report.quotations = report.quotations.saturating_sub(count);
            report.reported += count;
        }
    }
    finish(EntityKind::Speaker, wanted, reports)
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
    let reported = searcher.search(
        &reported_query(fields),
        &ValueCounter {
            columns: [name::OUTLET],
        },
    )?;
    for ([outlet], count) in reported {
        let report = outlet
            .and_then(|outlet| outlets.of_spelling(&outlet))
            .and_then(|entity| reports.get_mut(entity.name.as_str()));
        if let Some(report) = report {
            // (Taken off the statements counted below.)
            report.reported += count;
        }
    }
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
        report.quotations = report.quotations.saturating_sub(report.reported);
    }
    Ok(finish(EntityKind::Outlet, wanted, reports))
}

fn same_surname(mention: &str, speaker: &str) -> bool {
    if !looks_like_name(mention) {
        return false;
    }
    match (read_speaker(mention, true), read_speaker(speaker, true)) {
        (SpeakerName::Person(m), SpeakerName::Person(s)) => m.surname == s.surname,
        _ => false,
    }
}

struct Builder {
    quotations: u64,
    reported: u64,
    articles: Option<u64>,
    spellings: HashMap<String, u64>,
    outlets: HashMap<String, u64>,
    may_be: Vec<String>,
}

impl Builder {
    fn new(entity: &crate::entity::Entity) -> Self {
        Builder {
            quotations: 0,
            reported: 0,
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
            let documents = built.quotations + built.reported + built.articles.unwrap_or(0);
            (documents > 0).then(|| EntityReport {
                kind,
                name: e.name.clone(),
                quotations: built.quotations,
                reported: built.reported,
                articles: built.articles,
                spellings: ranked(built.spellings),
                outlets: ranked(built.outlets),
                may_be: built.may_be,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let size = |r: &EntityReport| r.quotations + r.reported + r.articles.unwrap_or(0);
        size(b).cmp(&size(a)).then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Reported statements.
fn reported_query(fields: &Fields) -> TermQuery {
    TermQuery::new(
        Term::from_field_u64(
            fields.statement_kind,
            StatementKindCode::of(StatementKind::Reported),
        ),
        IndexRecordOption::Basic,
    )
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

pub(crate) type Rows<const N: usize> = Vec<([Option<String>; N], u64)>;

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
        let texts: Vec<HashMap<u64, String>> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| match column {
                Some(column) => {
                    let ords = self.counts.keys().filter_map(|ords| ords[i]);
                    strings_of_ords(column, ords).into_iter().collect()
                }
                None => HashMap::new(),
            })
            .collect();
        self.counts
            .into_iter()
            .map(|(ords, count)| {
                let values = std::array::from_fn(|i| texts[i].get(&ords[i]?).cloned());
                (values, count)
            })
            .collect()
    }
}
