//! The documents an engine receives: newsq's quotations and articles, read
//! from the index's stored fields, with speakers and outlets resolved to
//! their entities.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use newsq_core::index::analysis::{name_key, IndexTerms};
use newsq_core::index::date::civil_from_days;
use newsq_core::index::{name, stable_hash, DocKind, Fields, NewsIndex, StatementKindCode};
use newsq_query::entity::Entities;
use newsq_query::NewsSearcher;
use serde::Serialize;
use tantivy::schema::{Field, Value};
use tantivy::{DocId, SegmentReader, TantivyDocument};

use crate::error::ExportError;

/// One statement (quotation or reported) or article as exported: the same
/// JSON for every engine.
///
/// `speaker` and `outlet` are the entity's name ("Volodymyr Zelensky" for
/// an article that wrote "Zelenskiy") and `speaker_key`/`outlet_key` its
/// key, so that a term query on the key finds every spelling; the article's
/// own spelling is kept in `speaker_as_written`/`outlet_as_written`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExportDocument {
    /// Stable across exports of the same articles: a quotation's id (as
    /// `newsq search --json` shows it) or `a` and a hash of the article id.
    pub doc_id: String,
    /// `"quotation"`, `"reported"` (a statement in the writer's words) or
    /// `"article"`: the values of search hits' `kind`.
    pub kind: &'static str,
    /// The article the document belongs to (its URL where known, else path
    /// and content hash).
    pub article_id: String,
    /// The statement's words, on quotation and reported documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// newsq's terms of `quote` (lowercased, stemmed in the article's
    /// language, folded), separated by spaces: what `newsq translate`
    /// searches, so that an engine finds what newsq finds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_terms: Option<String>,
    /// The sentence around the statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The speaker entity's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The speaker entity's key ([`entity_key`]): what a speaker filter
    /// matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_key: Option<String>,
    /// The speaker's name as the article spells it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_as_written: Option<String>,
    /// The index key of the speaker's name as the article spells it (as
    /// `newsq search` keys it): what `newsq translate` filters speakers on,
    /// exactly the spellings a newsq speaker filter matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_spelling_key: Option<String>,
    /// How the article referred to the speaker here ("Mr Zelensky", "he").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<String>,
    /// How the speaker was found ("name", "pronoun", "description", …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_from: Option<String>,
    /// The reporting verb ("said").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Article text, on article documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// newsq's terms of `body`, as `quote_terms` holds the quotation's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_terms: Option<String>,
    /// The article's headline, on both kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// newsq's terms of the headline, on article documents (newsq searches
    /// headlines with article text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_terms: Option<String>,
    /// The outlet entity's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The outlet entity's key ([`entity_key`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_key: Option<String>,
    /// The outlet as the article (or its metadata) names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_as_written: Option<String>,
    /// The index key of `outlet_as_written`, as `speaker_spelling_key` is
    /// the speaker's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_spelling_key: Option<String>,
    /// RFC 3339, UTC, to the second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The article's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's language code, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The input file the article came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// An entity's name and key, shared by every document that names it.
#[derive(Debug, Clone)]
struct Canonical {
    name: Arc<str>,
    key: Arc<str>,
}

/// Spelling (by index key) → its entity's name and key.
struct Resolver {
    by_spelling: HashMap<String, Canonical>,
}

impl Resolver {
    fn new(entities: &Entities) -> Resolver {
        let mut by_spelling = HashMap::new();
        for entity in entities.entities() {
            let canonical = Canonical {
                name: Arc::from(entity.name.as_str()),
                key: Arc::from(entity_key(&entity.name).as_str()),
            };
            for spelling in &entity.spellings {
                by_spelling.insert(name_key(&spelling.text), canonical.clone());
            }
        }
        Resolver { by_spelling }
    }

    /// A name as written, with its entity: a spelling no entity holds
    /// stands for itself.
    fn resolve(&self, as_written: Option<String>) -> NameFields {
        let Some(written) = as_written else {
            return NameFields::default();
        };
        let spelling_key = name_key(&written);
        let (entity, key) = match self.by_spelling.get(&spelling_key) {
            Some(canonical) => (canonical.name.to_string(), canonical.key.to_string()),
            None => (written.clone(), entity_key(&written)),
        };
        NameFields {
            entity: Some(entity),
            key: Some(key),
            spelling_key: Some(spelling_key),
            as_written: Some(written),
        }
    }
}

/// A speaker's or outlet's fields in an exported document.
#[derive(Default)]
struct NameFields {
    /// The entity's name.
    entity: Option<String>,
    /// The entity's key.
    key: Option<String>,
    /// The index key of the spelling (newsq's own filters match it).
    spelling_key: Option<String>,
    /// The spelling.
    as_written: Option<String>,
}

/// The key of an entity named `name`: what exported documents carry in
/// `speaker_key`/`outlet_key`, and what a term query matches. The same
/// folding as newsq's own keys (lower case, accents and punctuation gone):
///
/// ```
/// assert_eq!(newsq_export::entity_key("Volodymyr Zelensky"), "volodymyr zelensky");
/// ```
pub fn entity_key(name: &str) -> String {
    name_key(name)
}

/// One entity as written to `entities.ndjson`: how a name a user types
/// becomes the key to filter on, without newsq.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct EntityRecord {
    /// `"speaker"` or `"outlet"`.
    pub kind: &'static str,
    /// The entity's name, as documents carry it in `speaker` or `outlet`.
    pub name: String,
    /// Its key ([`entity_key`]), as documents carry it in `speaker_key` or
    /// `outlet_key`.
    pub key: String,
    /// Every spelling the index holds, most used first.
    pub spellings: Vec<String>,
    /// Documents under all spellings.
    pub count: u64,
}

/// The documents of an index, read segment by segment in index order.
///
/// ```
/// use newsq_core::index::{NewsIndex, WriterOptions};
/// use newsq_core::Article;
/// use newsq_export::IndexDocuments;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let index = NewsIndex::create_in_ram()?;
/// let mut writer = index.writer(&WriterOptions::default())?;
/// writer.add_article(&Article::from_body("a.txt", "“We stay,” Mayor Ana Lopes said."))?;
/// writer.add_article(&Article::from_body("b.txt", "“We go,” said Mayor Lopes."))?;
/// writer.commit()?;
///
/// let documents = IndexDocuments::open(&index)?;
/// let quotes: Vec<_> = documents
///     .iter()
///     .filter_map(|d| d.ok())
///     .filter(|d| d.kind == "quotation")
///     .collect();
/// assert_eq!(quotes.len(), 2);
/// // Both spellings of the mayor carry one key.
/// assert!(quotes.iter().all(|d| d.speaker_key.as_deref() == Some("ana lopes")));
/// # Ok(())
/// # }
/// ```
pub struct IndexDocuments {
    searcher: tantivy::Searcher,
    fields: Fields,
    speakers: Resolver,
    outlets: Resolver,
    entities: Vec<EntityRecord>,
    quotations: u64,
    articles: u64,
    undated: u64,
    /// Analyzers for the `*_terms` fields, kept across documents (each
    /// caches its stems).
    terms: Mutex<IndexTerms>,
}

impl IndexDocuments {
    /// The documents of the index's last commit, with its speaker and
    /// outlet tables (and alias file) deciding the entities.
    pub fn open(index: &NewsIndex) -> Result<IndexDocuments, ExportError> {
        let news = NewsSearcher::new(index)?;
        let speakers = news.speakers()?;
        let outlets = news.outlets()?;
        let searcher = index.reader()?.searcher();
        let fields = *index.fields();
        let mut entities = records("speaker", &speakers);
        entities.extend(records("outlet", &outlets));
        let census = Census::of(&searcher)?;
        Ok(IndexDocuments {
            quotations: census.quotations,
            articles: census.articles,
            undated: census.undated,
            speakers: Resolver::new(&speakers),
            outlets: Resolver::new(&outlets),
            entities,
            searcher,
            fields,
            terms: Mutex::default(),
        })
    }

    /// How many documents [`IndexDocuments::iter`] yields.
    pub fn len(&self) -> u64 {
        self.quotations + self.articles
    }

    /// Whether the index holds no quotation and no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Statements (quotations and reported statements) in the index.
    pub fn quotations(&self) -> u64 {
        self.quotations
    }

    /// Articles in the index.
    pub fn articles(&self) -> u64 {
        self.articles
    }

    /// Quotations and articles without a publication date.
    pub fn undated(&self) -> u64 {
        self.undated
    }

    /// Every speaker and outlet entity, speakers first, most documents
    /// first.
    pub fn entities(&self) -> &[EntityRecord] {
        &self.entities
    }

    /// Every quotation and article, in index order; an error ends the
    /// walk.
    pub fn iter(&self) -> impl Iterator<Item = Result<ExportDocument, ExportError>> + '_ {
        let mut failed = false;
        self.searcher
            .segment_readers()
            .iter()
            .flat_map(move |segment| SegmentDocuments::new(self, segment))
            .take_while(move |item| {
                let go_on = !failed;
                failed |= item.is_err();
                go_on
            })
    }

    fn document(&self, doc: &TantivyDocument, kind: DocKind) -> ExportDocument {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let article_id = text(f.article_id).unwrap_or_default();
        let speaker = self.speakers.resolve(text(f.speaker));
        let outlet = self.outlets.resolve(text(f.outlet));
        let quotation = kind == DocKind::Quotation;
        let language = text(f.language);
        let quote = text(f.quote);
        let body = text(f.body);
        let article_title = text(f.title);
        let (quote_terms, body_terms, title_terms) = {
            let mut terms = self
                .terms
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let mut analyse = |value: &Option<String>| {
                value
                    .as_deref()
                    .map(|t| terms.joined(language.as_deref(), t))
            };
            (analyse(&quote), analyse(&body), analyse(&article_title))
        };
        ExportDocument {
            doc_id: match text(f.quote_id).filter(|_| quotation) {
                Some(id) => id,
                None => format!("a{:016x}", stable_hash(article_id.as_bytes())),
            },
            kind: if quotation {
                StatementKindCode::kind(doc.get_first(f.statement_kind).and_then(|v| v.as_u64()))
                    .as_str()
            } else {
                "article"
            },
            quote,
            quote_terms,
            context: text(f.context),
            speaker: speaker.entity,
            speaker_key: speaker.key,
            speaker_spelling_key: speaker.spelling_key,
            speaker_as_written: speaker.as_written,
            speaker_mention: text(f.speaker_mention),
            speaker_from: text(f.speaker_from),
            cue: text(f.cue),
            body,
            body_terms,
            title: article_title.or_else(|| text(f.headline)),
            title_terms,
            outlet: outlet.entity,
            outlet_key: outlet.key,
            outlet_spelling_key: outlet.spelling_key,
            outlet_as_written: outlet.as_written,
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .and_then(|d| rfc3339(d.into_timestamp_secs())),
            url: text(f.url),
            language,
            path: text(f.path),
            article_id,
        }
    }
}

/// The kind of a document that is exported (a quotation or an article),
/// from its `kind` code; `None` for file records.
fn exported_kind(code: Option<u64>) -> Option<DocKind> {
    match code {
        Some(code) if code == DocKind::Quotation.code() => Some(DocKind::Quotation),
        Some(code) if code == DocKind::Article.code() => Some(DocKind::Article),
        _ => None,
    }
}

/// What an export will hold, counted in one pass over the fast columns
/// (no stored document is read).
struct Census {
    quotations: u64,
    articles: u64,
    /// Quotations and articles without a publication date.
    undated: u64,
}

impl Census {
    fn of(searcher: &tantivy::Searcher) -> Result<Census, ExportError> {
        let mut census = Census {
            quotations: 0,
            articles: 0,
            undated: 0,
        };
        for segment in searcher.segment_readers() {
            let kinds = segment.fast_fields().u64(name::KIND)?;
            let published = segment.fast_fields().date(name::PUBLISHED)?;
            for doc in 0..segment.max_doc() {
                if segment.is_deleted(doc) {
                    continue;
                }
                match exported_kind(kinds.first(doc)) {
                    Some(DocKind::Quotation) => census.quotations += 1,
                    Some(_) => census.articles += 1,
                    None => continue,
                }
                if published.first(doc).is_none() {
                    census.undated += 1;
                }
            }
        }
        Ok(census)
    }
}

/// The entity records of one table.
fn records(kind: &'static str, entities: &Entities) -> Vec<EntityRecord> {
    entities
        .entities()
        .iter()
        .map(|e| EntityRecord {
            kind,
            key: entity_key(&e.name),
            name: e.name.clone(),
            spellings: e.spellings.iter().map(|s| s.text.clone()).collect(),
            count: e.count,
        })
        .collect()
}

/// The quotations and articles of one segment, in doc id order.
struct SegmentDocuments<'a> {
    documents: &'a IndexDocuments,
    segment: &'a SegmentReader,
    kinds: Option<tantivy::columnar::Column<u64>>,
    store: Option<tantivy::store::StoreReader>,
    next: DocId,
    failed: Option<ExportError>,
}

impl<'a> SegmentDocuments<'a> {
    fn new(documents: &'a IndexDocuments, segment: &'a SegmentReader) -> Self {
        // Blocks are read in order: a small cache keeps the current one.
        let store = segment.get_store_reader(2);
        let kinds = segment
            .fast_fields()
            .u64(name::KIND)
            .map_err(ExportError::from);
        let (kinds, store, failed) = match (kinds, store) {
            (Ok(kinds), Ok(store)) => (Some(kinds), Some(store), None),
            (Err(e), _) => (None, None, Some(e)),
            (_, Err(e)) => (None, None, Some(tantivy::TantivyError::from(e).into())),
        };
        SegmentDocuments {
            documents,
            segment,
            kinds,
            store,
            next: 0,
            failed,
        }
    }
}

impl Iterator for SegmentDocuments<'_> {
    type Item = Result<ExportDocument, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.failed.take() {
            self.next = self.segment.max_doc();
            return Some(Err(error));
        }
        let (kinds, store) = (self.kinds.as_ref()?, self.store.as_ref()?);
        while self.next < self.segment.max_doc() {
            let doc = self.next;
            self.next += 1;
            if self.segment.is_deleted(doc) {
                continue;
            }
            let Some(kind) = exported_kind(kinds.first(doc)) else {
                continue;
            };
            return Some(match store.get::<TantivyDocument>(doc) {
                Ok(stored) => Ok(self.documents.document(&stored, kind)),
                Err(e) => {
                    self.next = self.segment.max_doc();
                    Err(e.into())
                }
            });
        }
        None
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a timestamp in seconds; `None` outside the
/// years 0000–9999 that RFC 3339 can write.
pub(crate) fn rfc3339(seconds: i64) -> Option<String> {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    if !(0..=9999).contains(&year) {
        return None;
    }
    let time = seconds.rem_euclid(86_400);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_755_509_405).unwrap(), "2025-08-18T09:30:05Z");
        assert_eq!(rfc3339(-1).unwrap(), "1969-12-31T23:59:59Z");
        // 0000-01-01T00:00+01:00 is the last hour of year -1.
        assert_eq!(rfc3339(-62_167_219_200 - 3600), None);
        assert_eq!(rfc3339(253_402_300_800), None); // 10000-01-01
    }
}
