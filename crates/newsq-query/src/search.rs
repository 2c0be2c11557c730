//! Running a search: request in, ranked and highlighted hits out.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsq_core::index::analysis::{non_english_stemmer, text_analyzer, text_analyzer_for};
use newsq_core::index::date::format_date;
use newsq_core::index::{DocKind, Fields, IndexError, NewsIndex, StatementKindCode};
use newsq_core::quote::StatementKind;
use rust_stemmers::Algorithm;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DocAddress, IndexReader, Score, TantivyDocument};

use crate::ast::{DateBound, Expr, FilterField, Span};
use crate::catalog::{
    all_outlets, all_speakers, name_variants, outlet_reports, reported_speaker_rows, sightings_of,
    speaker_reports, speaker_rows, EntityReport, SpeakerLookup, SpeakerTables,
};
use crate::compile::{Compiler, Names};
use crate::entity::{Aliases, Entities, EntityKind, NameMatch};
use crate::error::QueryError;
use crate::facet::{FacetCollector, FacetCounts, FacetField};
use crate::highlight::{snippet, Highlighter};
use crate::parse::parse;
use crate::plan::{Condition, DocumentKind, SearchPlan};
use crate::rank::{NewestOnTies, RankKey};
use crate::speaker_names::SpeakerNames;
use crate::trail::{GroupSummary, Grouper, QuoteGroup};

/// What a search looks through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Quotations only (the default).
    #[default]
    Quotations,
    /// Quotations and the text of articles (title and body): a quotation
    /// hit ranks above an article hit for the same words.
    Articles,
}

/// A search: the query in newsq's language plus the filters that the CLI
/// offers as flags.
///
/// ```
/// use newsq_query::SearchRequest;
///
/// let request = SearchRequest::new("\"red line\"")
///     .speaker("trump")
///     .since("2025-08")
///     .limit(5);
/// assert_eq!(request.limit, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query: words, "phrases", -word, OR, ( ), speaker:, outlet:,
    /// after:, before: (see the crate documentation).
    pub query: String,
    /// Quotations by any of these speakers (`--speaker`).
    pub speakers: Vec<String>,
    /// Hits from any of these outlets (`--outlet`).
    pub outlets: Vec<String>,
    /// Published on or after this date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Published on or before the end of this date.
    pub until: Option<String>,
    /// Quotations, or quotations and article text.
    pub scope: Scope,
    /// Most hits returned (the total is counted in full).
    pub limit: usize,
    /// Fields to count hits by.
    pub facets: Vec<FacetField>,
    /// Only quotations or only reported statements (`--kind`); both when None.
    pub kind: Option<StatementKind>,
    /// Fold quotation hits that are versions of one statement into one hit
    /// (the best ranked) carrying a [`GroupSummary`]; `limit` then counts
    /// statements.
    pub group: bool,
}

impl SearchRequest {
    /// A request for `query` with no filters, 10 hits.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            speakers: Vec::new(),
            outlets: Vec::new(),
            since: None,
            until: None,
            scope: Scope::Quotations,
            limit: 10,
            facets: Vec::new(),
            kind: None,
            group: false,
        }
    }

    /// Only statements of this kind: direct quotations or reported statements.
    pub fn kind(mut self, kind: StatementKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Add a speaker filter (several are alternatives).
    pub fn speaker(mut self, name: impl Into<String>) -> Self {
        self.speakers.push(name.into());
        self
    }

    /// Add an outlet filter (several are alternatives).
    pub fn outlet(mut self, name: impl Into<String>) -> Self {
        self.outlets.push(name.into());
        self
    }

    /// Published on or after `date`.
    pub fn since(mut self, date: impl Into<String>) -> Self {
        self.since = Some(date.into());
        self
    }

    /// Published on or before the end of `date`.
    pub fn until(mut self, date: impl Into<String>) -> Self {
        self.until = Some(date.into());
        self
    }

    /// Search article text as well as quotations.
    pub fn articles(mut self) -> Self {
        self.scope = Scope::Articles;
        self
    }

    /// Return at most `limit` hits.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Count hits by `field`.
    pub fn facet(mut self, field: FacetField) -> Self {
        self.facets.push(field);
        self
    }

    /// Fold the versions of one statement into one hit (see
    /// [`SearchRequest::group`]).
    pub fn grouped(mut self) -> Self {
        self.group = true;
        self
    }

    /// The whole request as one query tree: the parsed query and every
    /// filter flag, all required.
    pub fn to_expr(&self) -> Result<Expr, QueryError> {
        let mut parts = vec![parse(&self.query)?];
        let names = |field: FilterField, names: &[String]| {
            let alternatives: Vec<Expr> = names
                .iter()
                .map(|name| Expr::Name {
                    field,
                    name: name.clone(),
                    span: Span { start: 0, end: 0 },
                })
                .collect();
            match alternatives.len() {
                0 => None,
                1 => alternatives.into_iter().next(),
                _ => Some(Expr::Or(alternatives)),
            }
        };
        parts.extend(names(FilterField::Speaker, &self.speakers));
        parts.extend(names(FilterField::Outlet, &self.outlets));
        if let Some(date) = &self.since {
            parts.push(date_flag("--since", date, DateBound::Since)?);
        }
        if let Some(date) = &self.until {
            parts.push(date_flag("--until", date, DateBound::Until)?);
        }
        if let Some(kind) = self.kind {
            parts.push(Expr::Kind {
                kind,
                span: Span { start: 0, end: 0 },
            });
        }
        let mut flat = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Expr::All => {}
                Expr::And(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        Ok(match flat.len() {
            0 => Expr::All,
            1 => flat.remove(0),
            _ => Expr::And(flat),
        })
    }
}

/// A date flag's value, checked by the query parser's own date rules.
fn date_flag(flag: &'static str, value: &str, bound: DateBound) -> Result<Expr, QueryError> {
    let flag_error = |message: String| QueryError::Flag {
        flag,
        value: value.to_string(),
        message,
    };
    let expected = "expected a date: YYYY, YYYY-MM or YYYY-MM-DD";
    if value.trim().is_empty() || value.chars().any(char::is_whitespace) {
        return Err(flag_error(expected.to_string()));
    }
    match parse(&format!("after:{value}")) {
        Ok(Expr::Date { date, .. }) => Ok(Expr::Date {
            bound,
            date,
            span: Span { start: 0, end: 0 },
        }),
        Ok(_) => Err(flag_error(expected.to_string())),
        // The parser's examples are in query syntax; show the flag's.
        Err(e) => Err(flag_error(e.message.replace("after:", &format!("{flag} ")))),
    }
}

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum HitKind {
    /// A direct quotation: the speaker's words in quote marks.
    Quotation,
    /// A statement reported in the writer's words ("Varga said the port
    /// would stay open").
    Reported,
    /// Article text (with [`Scope::Articles`]).
    Article,
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Hit {
    /// Relevance, higher is better: BM25, and for a statement found by its
    /// words, weighed by its length (a statement of fewer than eight words
    /// keeps an eighth of its score per word), so that a fragment ranks after
    /// the sentences holding the same words. Hits are ordered by tier first
    /// (exact phrase, then quotation before article), then score, then a
    /// direct quotation before a reported statement, then date.
    pub score: f32,
    /// A quotation, a reported statement or article text.
    pub kind: HitKind,
    /// The quotation's id, for `newsq trail` (quotation hits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The quotation (quotation hits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The speaker as the article names them, in full where it does
    /// (quotation hits, when attributed).
    pub speaker: Option<String>,
    /// The speaker entity's name, the same whatever the article's spelling
    /// ("Volodymyr Zelensky" for "Volodymyr Zelenskiy").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_entity: Option<String>,
    /// The speaker as written in the article ("Mr Trump", "he").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<String>,
    /// How the speaker was found: "name", "pronoun", "description", ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_from: Option<String>,
    /// The outlet as the article (or its metadata) names it.
    pub outlet: Option<String>,
    /// The outlet entity's name ("The Financial Times" for "FT").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_entity: Option<String>,
    /// The article's key (URL where known, else file and content hash).
    pub article: String,
    /// The article's id as it was read (its file name, URL, or `FILE:#N`
    /// in a container), as `newsq extract` gives it.
    pub article_name: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The file the article came from.
    pub path: Option<String>,
    /// The line within a JSON Lines file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The sentence around the quotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The verb that attributes the statement ("said", "told").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Byte offset of the statement's start in the article's body
    /// (statement hits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// Byte offset of the statement's end in the article's body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// For article hits: a passage of the text around the matched words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// Byte ranges of matched words in `quote` (quotation hits) or in
    /// `snippet` (article hits).
    pub highlights: Vec<(usize, usize)>,
    /// A reported statement's quotations, by their ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<String>,
    /// With [`SearchRequest::group`]: the statement this hit stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupSummary>,
    #[serde(skip)]
    pub(crate) address: Option<DocAddress>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// The best hits, at most the request's limit.
    pub hits: Vec<Hit>,
    /// Every matching document, counted in full.
    pub total: usize,
    /// One entry per requested facet, counted by entity (every spelling
    /// of a speaker under its one name).
    pub facets: Vec<FacetCounts>,
    /// What each speaker and outlet filter matched: several entities when
    /// a name is ambiguous, none (with suggestions) when it is unknown.
    pub names: Vec<NameMatch>,
    /// Time spent searching.
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Searches one index; cheap to keep and reuse for many searches.
///
/// ```
/// use newsq_core::index::{NewsIndex, WriterOptions};
/// use newsq_core::Article;
/// use newsq_query::{NewsSearcher, SearchRequest};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let index = NewsIndex::create_in_ram()?;
/// let mut writer = index.writer(&WriterOptions::default())?;
/// writer.add_article(&Article::from_body(
///     "a.txt",
///     "“Negotiations will resume in March,” Foreign Minister Ilse Brandt said.",
/// ))?;
/// writer.commit()?;
///
/// let results = NewsSearcher::new(&index)?.search(&SearchRequest::new("negotiate brandt"))?;
/// # assert_eq!(results.total, 0); // "brandt" is the speaker, not in the quotation
/// let results = NewsSearcher::new(&index)?.search(&SearchRequest::new("negotiate").speaker("brandt"))?;
/// assert_eq!(results.total, 1);
/// assert_eq!(results.hits[0].speaker.as_deref(), Some("Ilse Brandt"));
/// # Ok(())
/// # }
/// ```
pub struct NewsSearcher {
    pub(crate) index: NewsIndex,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    /// Every speaker and every outlet, as of a searcher generation and an
    /// alias file: built when first needed (listings, facets, outlet
    /// filters).
    all_speakers: Mutex<Option<WholeTable>>,
    all_outlets: Mutex<Option<WholeTable>>,
    /// Speaker tables looked up name by name, and the speaker names kept
    /// in the index, for a searcher generation and the alias file they were
    /// built with.
    speakers_by_name: Mutex<Option<SpeakersByName>>,
}

/// Every speaker or every outlet of a searcher generation, grouped with an
/// alias file.
type WholeTable = (u64, Aliases, Arc<Entities>);

/// What [`NewsSearcher`] keeps for looking speakers up by name, valid for
/// one searcher generation and one alias file.
struct SpeakersByName {
    generation: u64,
    aliases: Aliases,
    tables: SpeakerTables,
    /// Every spelling's entity name, when the index holds them for this
    /// generation and these aliases (or this searcher built them).
    names: Option<Arc<SpeakerNames>>,
}

/// One kind of document searched, with its text fields.
struct Pass {
    kind: HitKind,
    query: Box<dyn Query>,
    /// The hits with the query's words next to each other, ranked first.
    adjacent: Option<Box<dyn Query>>,
    /// The query's best hits, `.0` of them, when they were collected with
    /// its count.
    best: Option<(usize, Vec<(RankKey, DocAddress)>)>,
    /// The field whose length weighs scores: the quotation for statements
    /// found by their words, none for article text or for a query of
    /// filters only, whose hits all score alike and are ordered by date.
    lengths: Option<Field>,
}

impl NewsSearcher {
    /// A searcher over the index's last commit.
    pub fn new(index: &NewsIndex) -> Result<Self, QueryError> {
        Ok(NewsSearcher {
            index: index.clone(),
            fields: *index.fields(),
            reader: index.reader()?,
            all_speakers: Mutex::new(None),
            all_outlets: Mutex::new(None),
            speakers_by_name: Mutex::new(None),
        })
    }

    /// A speaker lookup for `searcher` with `aliases` (the index's, as
    /// loaded once for the whole search), sharing the tables built by
    /// earlier lookups on the same generation with the same aliases.
    pub(crate) fn speaker_lookup<'s>(
        &self,
        searcher: &'s tantivy::Searcher,
        aliases: &Aliases,
    ) -> SpeakerLookup<'s> {
        let (tables, names) = self.with_speakers_by_name(searcher, aliases, |kept| {
            (kept.tables.clone(), kept.names.clone())
        });
        SpeakerLookup::new(searcher, self.fields, aliases.clone(), tables, names)
    }

    /// Every speaker spelling's entity name for `searcher` (see
    /// [`NewsSearcher::speaker_names_kept`]); a failure to keep them in the
    /// index only costs the next process the same work.
    fn speaker_names(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
    ) -> Result<Arc<SpeakerNames>, QueryError> {
        let (names, _kept) = self.speaker_names_kept(searcher, aliases)?;
        Ok(names)
    }

    /// Every speaker spelling's entity name for `searcher`: read from the
    /// index when it holds them for this commit and alias file, else built
    /// from the whole speaker table and written to the index for the next
    /// process. Also whether writing them worked (`Ok` when they were read
    /// or known already); this searcher keeps them either way.
    fn speaker_names_kept(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
    ) -> Result<(Arc<SpeakerNames>, Result<(), IndexError>), QueryError> {
        let kept = self.with_speakers_by_name(searcher, aliases, |kept| kept.names.clone());
        if let Some(names) = kept {
            return Ok((names, Ok(())));
        }
        let names = Arc::new(SpeakerNames::from_entities(
            &*self.speaker_table(searcher, aliases)?,
            SpeakerNames::stamp(searcher, aliases),
        ));
        let written = names.store(&self.index);
        self.with_speakers_by_name(searcher, aliases, |kept| {
            kept.names = Some(Arc::clone(&names));
        });
        Ok((names, written))
    }

    /// Build the speaker names that speaker facets and a new process's
    /// first search need, and keep them in the index folder: `newsq index`
    /// calls this once it has committed, so that no search pays for it.
    pub fn prepare(&self) -> Result<(), QueryError> {
        let aliases = Aliases::load(&self.index)?;
        let (_, written) = self.speaker_names_kept(&self.reader.searcher(), &aliases)?;
        Ok(written?)
    }

    /// Run `f` on what is kept for looking speakers up by name in
    /// `searcher`'s generation with `aliases`, starting afresh (and reading
    /// the index's speaker names) when either changed.
    fn with_speakers_by_name<T>(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
        f: impl FnOnce(&mut SpeakersByName) -> T,
    ) -> T {
        let generation = searcher.generation().generation_id();
        let mut cached = self
            .speakers_by_name
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let current = cached
            .as_ref()
            .is_some_and(|kept| kept.generation == generation && kept.aliases == *aliases);
        if !current {
            *cached = None;
        }
        let kept = cached.get_or_insert_with(|| SpeakersByName {
            generation,
            aliases: aliases.clone(),
            tables: SpeakerTables::default(),
            names: SpeakerNames::load(&self.index, SpeakerNames::stamp(searcher, aliases))
                .map(Arc::new),
        });
        f(kept)
    }

    /// A table of `slot`'s kind for `searcher`'s generation and `aliases`,
    /// built once.
    fn cached(
        &self,
        slot: &Mutex<Option<WholeTable>>,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
        build: impl FnOnce() -> Result<Entities, QueryError>,
    ) -> Result<Arc<Entities>, QueryError> {
        let generation = searcher.generation().generation_id();
        let mut cached = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, _, table)) = cached
            .as_ref()
            .filter(|(g, kept, _)| *g == generation && kept == aliases)
        {
            return Ok(Arc::clone(table));
        }
        let table = Arc::new(build()?);
        *cached = Some((generation, aliases.clone(), Arc::clone(&table)));
        Ok(table)
    }

    fn speaker_table(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
    ) -> Result<Arc<Entities>, QueryError> {
        self.cached(&self.all_speakers, searcher, aliases, || {
            all_speakers(searcher, &self.fields, aliases)
        })
    }

    pub(crate) fn outlet_table(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
    ) -> Result<Arc<Entities>, QueryError> {
        self.cached(&self.all_outlets, searcher, aliases, || {
            all_outlets(searcher, &self.fields, aliases)
        })
    }

    /// Every speaker of the index: its spellings grouped into people.
    pub fn speakers(&self) -> Result<Arc<Entities>, QueryError> {
        let aliases = Aliases::load(&self.index)?;
        self.speaker_table(&self.reader.searcher(), &aliases)
    }

    /// Every outlet of the index.
    pub fn outlets(&self) -> Result<Arc<Entities>, QueryError> {
        let aliases = Aliases::load(&self.index)?;
        self.outlet_table(&self.reader.searcher(), &aliases)
    }

    /// Speakers with a spelling containing `pattern` ("" for all), most
    /// quoted first, with their spellings, quotation counts and outlets.
    ///
    /// ```
    /// use newsq_core::index::{NewsIndex, WriterOptions};
    /// use newsq_core::Article;
    /// use newsq_query::NewsSearcher;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let index = NewsIndex::create_in_ram()?;
    /// let mut writer = index.writer(&WriterOptions::default())?;
    /// writer.add_article(&Article::from_body("a.txt", "“We stay,” Mayor Ana Lopes said."))?;
    /// writer.add_article(&Article::from_body("b.txt", "“We go,” said Mayor Lopes."))?;
    /// writer.commit()?;
    ///
    /// let speakers = NewsSearcher::new(&index)?.speaker_list("lopes")?;
    /// assert_eq!(speakers.len(), 1);
    /// assert_eq!(speakers[0].name, "Ana Lopes");
    /// assert_eq!(speakers[0].quotations, 2);
    /// # Ok(())
    /// # }
    /// ```
    pub fn speaker_list(&self, pattern: &str) -> Result<Vec<EntityReport>, QueryError> {
        let searcher = self.reader.searcher();
        // One pass over the quotations serves the report and, when not
        // built yet, the speaker table.
        let rows = speaker_rows(&searcher, &self.fields)?;
        let reported = reported_speaker_rows(&searcher, &self.fields)?;
        let aliases = Aliases::load(&self.index)?;
        let speakers = self.cached(&self.all_speakers, &searcher, &aliases, || {
            Ok(Entities::build(
                EntityKind::Speaker,
                sightings_of(&rows),
                &aliases,
            ))
        })?;
        let outlets = self.outlet_table(&searcher, &aliases)?;
        Ok(speaker_reports(
            rows, reported, &speakers, &outlets, pattern,
        ))
    }

    /// Outlets with a spelling containing `pattern` ("" for all), with
    /// their spellings and article and quotation counts.
    pub fn outlet_list(&self, pattern: &str) -> Result<Vec<EntityReport>, QueryError> {
        let searcher = self.reader.searcher();
        let outlets = self.outlet_table(&searcher, &Aliases::load(&self.index)?)?;
        outlet_reports(&searcher, &self.fields, &outlets, pattern)
    }

    /// See commits made since this searcher was created.
    pub fn reload(&self) -> Result<(), QueryError> {
        Ok(self.reader.reload()?)
    }

    /// Compile `expr` once per kind of document `request` searches, each
    /// with its text fields, the index's entities and its languages, and
    /// hand each compiler to `per_pass`.
    fn with_compilers<T>(
        &self,
        searcher: &tantivy::Searcher,
        aliases: &Aliases,
        speakers: &SpeakerLookup<'_>,
        outlets: &Entities,
        request: &SearchRequest,
        mut per_pass: impl FnMut(&mut Compiler<'_>, HitKind, DocKind) -> Result<T, QueryError>,
    ) -> Result<Vec<T>, QueryError> {
        let f = &self.fields;
        let quote_fields = [f.quote];
        let article_fields = [f.title, f.body];
        let mut kinds = vec![(HitKind::Quotation, DocKind::Quotation, &quote_fields[..])];
        if request.scope == Scope::Articles {
            kinds.push((HitKind::Article, DocKind::Article, &article_fields[..]));
        }
        let languages = other_languages(searcher, f.language);
        // Spellings from every text field, so that highlighting (set up by
        // the first pass) knows those the article text uses.
        let all_text = [f.quote, f.title, f.body];
        let known_variants: RefCell<HashMap<String, Vec<String>>> = RefCell::default();
        let variants = |term: &str| {
            let known = known_variants.borrow().get(term).cloned();
            known.unwrap_or_else(|| {
                let found = name_variants(searcher, speakers, &all_text, term);
                known_variants
                    .borrow_mut()
                    .insert(term.to_string(), found.clone());
                found
            })
        };
        // An unknown name asks the whole table, for "did you mean".
        let resolve_speaker = |name: &str| match speakers.resolve(name)? {
            found if found.is_unknown() => Ok(self.speaker_table(searcher, aliases)?.resolve(name)),
            found => Ok(found),
        };
        let mut out = Vec::with_capacity(kinds.len());
        for (hit_kind, doc_kind, text_fields) in kinds {
            let entities = Names {
                speakers: &resolve_speaker,
                outlets,
                variants: &variants,
            };
            let mut compiler = Compiler::new(f, text_fields, &languages, entities);
            out.push(per_pass(&mut compiler, hit_kind, doc_kind)?);
        }
        Ok(out)
    }

    /// The documents `request` matches, as engine-neutral conditions (see
    /// [`SearchPlan`]): what `newsq translate` writes in Quickwit's or
    /// Elasticsearch's query language. Ranking, grouping, limits and
    /// facets are not part of it.
    pub fn plan(&self, request: &SearchRequest) -> Result<SearchPlan, QueryError> {
        let expr = request.to_expr()?;
        let searcher = self.reader.searcher();
        let aliases = Aliases::load(&self.index)?;
        let speakers = self.speaker_lookup(&searcher, &aliases);
        let outlets = self.outlet_table(&searcher, &aliases)?;
        let mut names = Vec::new();
        let passes = self.with_compilers(
            &searcher,
            &aliases,
            &speakers,
            &outlets,
            request,
            |compiler, _, doc_kind| {
                let matched = compiler.plan(&expr)?;
                if names.is_empty() {
                    names = std::mem::take(&mut compiler.matched);
                }
                let kind = match doc_kind {
                    DocKind::Article => Condition::Kind(DocumentKind::Article),
                    _ => Condition::Or(vec![
                        Condition::Kind(DocumentKind::Quotation),
                        Condition::Kind(DocumentKind::Reported),
                    ]),
                };
                Ok(Condition::all_of(vec![kind, matched]))
            },
        )?;
        Ok(SearchPlan {
            condition: Condition::any_of(passes),
            names,
        })
    }

    /// Run a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, QueryError> {
        let started = Instant::now();
        let expr = request.to_expr()?;
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let aliases = Aliases::load(&self.index)?;
        let speakers = self.speaker_lookup(&searcher, &aliases);
        let outlets = self.outlet_table(&searcher, &aliases)?;
        let mut wanted = Highlighter::default();
        let mut names = Vec::new();
        let mut passes = self.with_compilers(
            &searcher,
            &aliases,
            &speakers,
            &outlets,
            request,
            |compiler, hit_kind, doc_kind| {
                let matched = compiler.compile(&expr)?;
                // Text fields belong to one kind of document, so a query that
                // needs a word of them matches no other kind: leaving the kind
                // filter out spares an intersection with every document of the
                // kind, and lets tantivy skip blocks and count from the
                // dictionary.
                let query: Box<dyn Query> = if expr.requires_text() {
                    matched
                } else {
                    let kind = Box::new(ConstScoreQuery::new(
                        Box::new(TermQuery::new(
                            Term::from_field_u64(f.kind, doc_kind.code()),
                            IndexRecordOption::Basic,
                        )),
                        0.0,
                    ));
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, matched),
                        (Occur::Must, kind),
                    ]))
                };
                if wanted.is_empty() {
                    compiler.positive_terms(&expr, &mut wanted);
                }
                // Scored as the query plus the phrase, like any other hit.
                let adjacent = compiler.adjacency(&expr).map(|phrase| {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, query.box_clone()),
                        (Occur::Must, phrase),
                    ])) as Box<dyn Query>
                });
                if names.is_empty() {
                    names = std::mem::take(&mut compiler.matched);
                }
                Ok(Pass {
                    kind: hit_kind,
                    query,
                    adjacent,
                    best: None,
                    lengths: (hit_kind == HitKind::Quotation).then_some(f.quote),
                })
            },
        )?;

        // Without words to score (filters, negations), hits tie and are
        // ordered by date: a length weight would order them by length.
        if wanted.is_empty() {
            for pass in &mut passes {
                pass.lengths = None;
            }
        }

        let mut total = 0;
        let mut facets: Vec<FacetCounts> = request
            .facets
            .iter()
            .map(|&field| FacetCounts {
                field: Some(field),
                ..FacetCounts::default()
            })
            .collect();
        // The total and every requested facet in one run of each query.
        let facet = |field| {
            request
                .facets
                .contains(&field)
                .then_some(FacetCollector { field })
        };
        let counting = (Count, facet(FacetField::Speaker), facet(FacetField::Outlet));
        let first_reading = if request.group {
            grouped_reading(request.limit)
        } else {
            request.limit
        };
        for pass in &mut passes {
            if request.facets.is_empty() {
                if pass.adjacent.is_none() && needs_positions(pass.query.as_ref()) {
                    // A phrase can neither skip blocks nor count from the
                    // dictionary: one walk ranks and counts.
                    let ranking = NewestOnTies {
                        limit: first_reading,
                        lengths: pass.lengths,
                    };
                    let (count, best) = searcher.search(&pass.query, &(Count, ranking))?;
                    total += count;
                    pass.best = Some((first_reading, best));
                } else {
                    // A query's own count reads a lone word's document
                    // frequency instead of walking its postings.
                    total += pass.query.count(&searcher)?;
                }
                continue;
            }
            let (count, by_speaker, by_outlet) = searcher.search(&pass.query, &counting)?;
            total += count;
            for counts in &mut facets {
                let found = match counts.field {
                    Some(FacetField::Speaker) => &by_speaker,
                    Some(FacetField::Outlet) => &by_outlet,
                    None => &None,
                };
                if let Some(found) = found {
                    let spellings: Vec<&str> =
                        found.counts.iter().map(|(s, _)| s.as_str()).collect();
                    let names = match counts.field {
                        Some(FacetField::Outlet) => spellings
                            .iter()
                            .map(|&s| entity_name(Some(s), &outlets))
                            .collect(),
                        _ => self
                            .speaker_names(&searcher, &aliases)?
                            .entity_names(&spellings),
                    };
                    counts.merge(by_entity(found, names));
                }
            }
        }

        let mut analyzer = text_analyzer();
        let mut hits = Vec::new();
        let to_hit = |kind, score, address, analyzer: &mut _| -> Result<Hit, QueryError> {
            let doc: TantivyDocument = searcher.doc(address)?;
            let mut hit = self.hit(kind, score, &doc, &wanted, analyzer);
            if let Some(spelling) = hit.speaker.as_deref() {
                hit.speaker_entity = speakers.entity_name(spelling)?;
            }
            hit.outlet_entity = entity_name(hit.outlet.as_deref(), &outlets);
            hit.address = Some(address);
            Ok(hit)
        };
        if request.group {
            // Read ever more hits until `limit` statements are found. A
            // longer list of top hits starts with the shorter one, so each
            // round goes on where the last stopped; a hit is built only
            // when it stands for a statement not shown yet.
            let mut grouper = Grouper::new(&searcher, *f, &speakers, Arc::clone(&outlets));
            let mut groups: Vec<QuoteGroup> = Vec::new();
            let mut shown: Vec<GroupSummary> = Vec::new();
            let mut looked_at = 0;
            let mut reading = first_reading;
            loop {
                let found = top_hits(&searcher, &passes, reading)?;
                for &(kind, score, address) in &found[looked_at.min(found.len())..] {
                    if hits.len() == request.limit {
                        break;
                    }
                    looked_at += 1;
                    let mut group = None;
                    if kind == HitKind::Quotation {
                        let id = grouper.id_of(address)?;
                        let index = match groups.iter().position(|g| g.contains(&id)) {
                            Some(index) => index,
                            None => {
                                groups.push(grouper.group(address)?);
                                groups.len() - 1
                            }
                        };
                        // A better-ranked version stands for it already.
                        let summary = groups[index].summary();
                        if shown.contains(&summary) {
                            continue;
                        }
                        shown.push(summary.clone());
                        group = Some(summary);
                    }
                    let mut hit = to_hit(kind, score, address, &mut analyzer)?;
                    hit.group = group;
                    hits.push(hit);
                }
                if hits.len() == request.limit || found.len() < reading {
                    break;
                }
                reading = reading.saturating_mul(4);
            }
        } else {
            for (kind, score, address) in top_hits(&searcher, &passes, request.limit)? {
                hits.push(to_hit(kind, score, address, &mut analyzer)?);
            }
        }
        order_ties(&mut hits);
        Ok(SearchResults {
            hits,
            total,
            facets,
            names,
            elapsed: started.elapsed(),
        })
    }

    fn hit(
        &self,
        kind: HitKind,
        score: Score,
        doc: &TantivyDocument,
        wanted: &Highlighter,
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    ) -> Hit {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        // Highlight with the analysis the hit was indexed with.
        let mut own_language;
        let analyzer = match text(f.language).as_deref().and_then(non_english_stemmer) {
            Some(language) => {
                own_language = text_analyzer_for(language);
                &mut own_language
            }
            None => analyzer,
        };
        let kind = match kind {
            HitKind::Quotation => {
                let code = doc.get_first(f.statement_kind).and_then(|v| v.as_u64());
                match StatementKindCode::kind(code) {
                    StatementKind::Reported => HitKind::Reported,
                    StatementKind::Quotation => HitKind::Quotation,
                }
            }
            other => other,
        };
        let (quote, snippet_text, highlights) = match kind {
            HitKind::Quotation | HitKind::Reported => {
                let quote = text(f.quote).unwrap_or_default();
                let marks = wanted.highlight(&quote, analyzer);
                (Some(quote), None, marks)
            }
            HitKind::Article => {
                let body = text(f.body).unwrap_or_default();
                let marks = wanted.highlight(&body, analyzer);
                let (shown, marks) = snippet(&body, &marks);
                (None, Some(shown), marks)
            }
        };
        Hit {
            score,
            kind,
            quote,
            speaker: text(f.speaker),
            speaker_entity: None,
            speaker_mention: text(f.speaker_mention),
            speaker_from: text(f.speaker_from),
            outlet: text(f.outlet),
            outlet_entity: None,
            article: text(f.article_id).unwrap_or_default(),
            article_name: text(f.article_name),
            title: text(f.title).or_else(|| text(f.headline)),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .map(|d| format_date(d.into_timestamp_secs())),
            url: text(f.url),
            path: text(f.path),
            line: doc.get_first(f.line).and_then(|v| v.as_u64()),
            context: text(f.context),
            cue: text(f.cue),
            start: doc.get_first(f.quote_start).and_then(|v| v.as_u64()),
            end: doc.get_first(f.quote_end).and_then(|v| v.as_u64()),
            snippet: snippet_text,
            highlights,
            id: text(f.quote_id),
            contains: doc
                .get_all(f.contains)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            group: None,
            address: None,
        }
    }
}

/// How many hits a grouped search reads first: several versions of one
/// statement may come before the next statement.
fn grouped_reading(limit: usize) -> usize {
    limit.saturating_mul(4).max(40)
}

/// Whether a query matches on word positions (phrases).
fn needs_positions(query: &dyn Query) -> bool {
    let mut positions = false;
    query.query_terms(&mut |_, needs| positions |= needs);
    positions
}

/// Hits that rank equal (same score, kind and date) by outlet (unknown
/// last), headline, words and place in the article, then id. tantivy hands
/// ties in the order of their documents, which depends on how the indexing
/// threads shared the articles out, so the same search of the same articles
/// would otherwise list them differently from one index to the next; ids
/// alone would not do, as an article without a URL is known by its path.
fn order_ties(hits: &mut [Hit]) {
    let order = |hit: &Hit| {
        (
            hit.outlet.is_none(),
            hit.outlet.clone(),
            hit.title.clone(),
            hit.quote.clone(),
            hit.start,
            hit.id.clone(),
            hit.article.clone(),
        )
    };
    let rank = |hit: &Hit| (hit.score.to_bits(), hit.kind, hit.published.clone());
    let mut start = 0;
    while start < hits.len() {
        let first = rank(&hits[start]);
        let end = start
            + hits[start..]
                .iter()
                .take_while(|hit| rank(hit) == first)
                .count();
        hits[start..end].sort_by_cached_key(order);
        start = end;
    }
}

/// The best `limit` hits over the passes, in tiers: the query's words next
/// to each other first, then quotations before article text; within a
/// tier, score (length-weighed for statements: [`crate::rank::length_weight`]),
/// then a direct quotation before a reported statement, then date. The
/// scattered tier is the whole query minus what the adjacent tier found
/// (which is all of it whenever that tier did not fill the limit), not
/// "query AND NOT phrase": tantivy 0.27 asserts in debug builds when a
/// phrase sits under NOT.
fn top_hits(
    searcher: &tantivy::Searcher,
    passes: &[Pass],
    limit: usize,
) -> Result<Vec<(HitKind, Score, DocAddress)>, QueryError> {
    let mut found: Vec<(HitKind, Score, DocAddress)> = Vec::new();
    for exact in [true, false] {
        for pass in passes {
            let wanted = limit.saturating_sub(found.len());
            if wanted == 0 {
                break;
            }
            let query = match (&pass.adjacent, exact) {
                (Some(adjacent), true) => adjacent,
                (None, true) | (Some(_), false) => &pass.query,
                (None, false) => continue,
            };
            let seen: HashSet<DocAddress> = found.iter().map(|&(_, _, a)| a).collect();
            let top = NewestOnTies {
                limit: wanted + seen.len(),
                lengths: pass.lengths,
            };
            // Collected with the count when the limit is the one asked.
            let searched;
            let best = match &pass.best {
                Some((limit, best)) if *limit == top.limit => best,
                _ => {
                    searched = searcher.search(query, &top)?;
                    &searched
                }
            };
            let mut added = 0;
            for &((score, _, _), address) in best {
                if added < wanted && !seen.contains(&address) {
                    found.push((pass.kind, score, address));
                    added += 1;
                }
            }
        }
    }
    Ok(found)
}

/// The name of the entity a spelling belongs to.
fn entity_name(spelling: Option<&str>, entities: &Entities) -> Option<String> {
    entities.of_spelling(spelling?).map(|e| e.name.clone())
}

/// Facet counts by spelling → counts by entity, given each spelling's
/// entity name in the order of the counts (a spelling that belongs to none
/// counts under itself).
fn by_entity(counts: &FacetCounts, names: Vec<Option<String>>) -> FacetCounts {
    let mut merged: HashMap<String, u64> = HashMap::new();
    for ((spelling, count), name) in counts.counts.iter().zip(names) {
        let name = name.unwrap_or_else(|| spelling.clone());
        *merged.entry(name).or_default() += count;
    }
    FacetCounts {
        field: counts.field,
        counts: merged.into_iter().collect(),
        missing: counts.missing,
    }
}

/// The languages other than English that the index holds articles in and
/// that newsq stems: queries are stemmed in each of them too.
fn other_languages(searcher: &tantivy::Searcher, field: Field) -> Vec<Algorithm> {
    let mut languages = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().stream() else {
            continue;
        };
        while terms.advance() {
            let language = std::str::from_utf8(terms.key())
                .ok()
                .and_then(non_english_stemmer);
            if let Some(language) = language {
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
        }
    }
    languages
}
