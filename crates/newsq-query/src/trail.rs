//! Quote trails: the versions of one statement across articles, grouped,
//! ordered earliest first, and compared word by word.
//!
//! Groups are found at search time, from the quotation out: its three-word
//! shingles (stored in the index when the article was added) find the
//! quotations that share any of them, rarest shingles first; each candidate
//! by the same speaker is aligned with [`compare`] and joins when it is the
//! same statement — identical after normalising, one inside the other, or
//! nearly the same wording. Every member is then searched from in turn, so
//! a group is the whole chain of versions. Nothing is precomputed: an
//! article indexed or replaced changes the groups at its commit, and the
//! cost of a group is a few term queries, whatever the size of the index.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsq_core::index::date::format_date;
use newsq_core::index::{name, Fields, StatementKindCode};
use newsq_core::quote::StatementKind;
use newsq_core::wording::{compare, EditKind, Relation, Wording};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::columnar::StrColumn;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::catalog::SpeakerLookup;
use crate::entity::{read_speaker, Aliases, Entities, NameMatch, SpeakerName};
use crate::error::QueryError;
use crate::facet::strings_of_ords;
use crate::search::{NewsSearcher, Scope, SearchRequest};

/// Fewest words for two quotations in different articles to count as one
/// statement when one is the other or part of it: shorter runs ("the
/// war", "a lot of people", "make America great again") are stock phrases
/// and slogans that many statements share.
pub const MIN_STATEMENT_WORDS: usize = 6;

/// Fewest words of the shorter quotation, and of words shared, for two
/// differently worded quotations to count as one statement: in a short
/// quotation one changed word ("raise money" / "raise delegates") makes
/// another statement.
pub const MIN_REWORDED_WORDS: usize = 8;

/// Fewest words for a quotation without a speaker to join a statement (or
/// for a statement without one to take in others): nothing but the words
/// vouches for it.
pub const MIN_UNATTRIBUTED_WORDS: usize = 10;

/// Most quotations read per candidate search: the best by shared rare
/// shingles.
const CANDIDATES_PER_SEARCH: usize = 500;

/// Most shingles asked for per quotation: a long quotation is looked up by
/// its anchors, and a very long one by an even sample of them.
const MAX_QUERY_SHINGLES: usize = 128;

/// Two direct quotations.
const DIRECT_PAIR: (StatementKind, StatementKind) =
    (StatementKind::Quotation, StatementKind::Quotation);

/// Most members searched from per group; a group that reaches it is marked
/// incomplete rather than taking unbounded time.
const MAX_SEARCHES: usize = 200;

/// One statement as carried by one or more articles.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct QuoteGroup {
    /// The smallest quotation id among the versions worded as the
    /// reference: the same whatever the members' dates or outlets, so
    /// indexing the same articles again (with a new `--meta`, say) keeps
    /// it, and searching from it finds the group. It changes only when
    /// such a version with a smaller id joins, or another wording becomes
    /// the reference.
    pub id: String,
    /// The speaker entity ("Vladimir Putin"); `None` when no member is
    /// attributed.
    pub speaker: Option<String>,
    /// Every version, earliest first (undated last).
    pub members: Vec<GroupMember>,
    /// Number of distinct articles carrying the statement.
    pub articles: usize,
    /// Known outlets carrying it, in order of first appearance.
    pub outlets: Vec<String>,
    /// Articles carrying it whose outlet is not known (not in `outlets`).
    pub articles_without_outlet: usize,
    /// Index in `members` of the reference version: the fullest, the one
    /// the others are compared with (a direct quotation whenever the group
    /// has one).
    pub reference: usize,
    /// Whether any version's words differ from the reference beyond
    /// punctuation, case and elision.
    pub differs: bool,
    /// Each place where the wording differs, with who says what.
    pub variants: Vec<Variant>,
    /// False when the group reached the search limit and may hold more
    /// versions than listed.
    pub complete: bool,
}

/// One article's version of a statement.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct GroupMember {
    /// The quotation's id (as in search hits).
    pub id: String,
    /// A direct quotation, or the statement reported in the article's own
    /// words: a reported version is listed but never compared word for
    /// word (its words are the writer's, not the speaker's).
    pub kind: StatementKind,
    /// The statement's words in this article.
    pub quote: String,
    /// The speaker as the article names them, in full where it does.
    pub speaker: Option<String>,
    /// The speaker entity's name ([`Hit::speaker_entity`](crate::Hit::speaker_entity)).
    pub speaker_entity: Option<String>,
    /// The speaker as written next to the statement ("Mr Trump", "he").
    pub speaker_mention: Option<String>,
    /// How the speaker was found: "name", "pronoun", "description", ….
    pub speaker_from: Option<String>,
    /// The verb that attributes the statement ("said", "told").
    pub cue: Option<String>,
    /// The sentence around the statement.
    pub context: Option<String>,
    /// Byte offset of the statement's start in the article's body.
    pub start: u64,
    /// Byte offset of the statement's end in the article's body.
    pub end: u64,
    /// A reported statement's quotations, by their ids.
    pub contains: Vec<String>,
    /// The outlet as the article (or its metadata) names it.
    pub outlet: Option<String>,
    /// The outlet entity's name.
    pub outlet_entity: Option<String>,
    /// The article's key ([`Hit::article`](crate::Hit::article)).
    pub article: String,
    /// The article's id as it was read ([`Hit::article_name`](crate::Hit::article_name)).
    pub article_name: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The file the article came from.
    pub path: Option<String>,
    /// The article's line in a JSON Lines file (or where its element
    /// starts in a JSON array).
    pub line: Option<u64>,
    /// Quotes only part of the reference version.
    pub partial: bool,
    /// Its words differ from the reference beyond punctuation, case and
    /// elision.
    pub differs: bool,
    /// The differences from the reference, in order.
    pub edits: Vec<WordEdit>,
}

/// One difference between a version and the reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WordEdit {
    /// What kind of difference.
    pub kind: EditKind,
    /// The reference's words here, as written there ("" for an insertion).
    pub reference: String,
    /// The version's words here, as written ("" for a deletion).
    pub version: String,
    /// Byte range of the version's words in its `quote` (empty where words
    /// were left out).
    pub at: (usize, usize),
}

/// A place where versions word a statement differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Variant {
    /// The readings, the reference's first: "this crisis" in two
    /// quotations, "the conflict" in one.
    pub readings: Vec<Reading>,
}

/// One wording of a [`Variant`] and the quotations that use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reading {
    /// The words as written ("" where they are left out).
    pub words: String,
    /// Ids of the quotations reading so.
    pub quotations: Vec<String>,
}

/// What a hit folded by `--group` stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GroupSummary {
    /// The group's id ([`QuoteGroup::id`]).
    pub id: String,
    /// Quotations in the group.
    pub quotations: usize,
    /// Distinct articles.
    pub articles: usize,
    /// Known outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// Articles whose outlet is not known.
    pub articles_without_outlet: usize,
    /// Whether the wording differs between versions.
    pub differs: bool,
}

impl QuoteGroup {
    /// The summary shown with a folded search hit.
    pub fn summary(&self) -> GroupSummary {
        GroupSummary {
            id: self.id.clone(),
            quotations: self.members.len(),
            articles: self.articles,
            outlets: self.outlets.clone(),
            articles_without_outlet: self.articles_without_outlet,
            differs: self.differs,
        }
    }

    /// Whether the quotation with this id is a member.
    pub fn contains(&self, quotation_id: &str) -> bool {
        self.members.iter().any(|m| m.id == quotation_id)
    }
}

/// The answer to [`NewsSearcher::trail`].
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct TrailResults {
    /// The statements whose quotations match, best match first.
    pub groups: Vec<QuoteGroup>,
    /// Quotations matching the query (all of them, counted).
    pub matched: usize,
    /// What each speaker and outlet filter matched.
    pub names: Vec<NameMatch>,
    /// Time spent.
    #[serde(skip)]
    pub elapsed: Duration,
}

impl NewsSearcher {
    /// The trail of a statement: the groups of the quotations matching
    /// `request` (words, filters and all, as for [`NewsSearcher::search`]),
    /// at most `request.limit` groups, best match first. A query that is a
    /// quotation id (16 hex digits, as in [`Hit::id`](crate::Hit::id)) asks for that
    /// quotation's group.
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
    ///     "“The harbour will reopen before the first storms,” Mayor Ana Lopes said.",
    /// ))?;
    /// writer.add_article(&Article::from_body(
    ///     "b.txt",
    ///     "Mayor Ana Lopes said: “The harbour will reopen before the winter storms.”",
    /// ))?;
    /// writer.commit()?;
    ///
    /// let trail = NewsSearcher::new(&index)?.trail(&SearchRequest::new("harbour reopen"))?;
    /// let group = &trail.groups[0];
    /// assert_eq!(group.articles, 2);
    /// assert_eq!(group.speaker.as_deref(), Some("Ana Lopes"));
    /// assert!(group.differs);
    /// assert_eq!(group.variants[0].readings[0].words, "first");
    /// assert_eq!(group.variants[0].readings[1].words, "winter");
    /// # Ok(())
    /// # }
    /// ```
    pub fn trail(&self, request: &SearchRequest) -> Result<TrailResults, QueryError> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let aliases = Aliases::load(&self.index)?;
        let speakers = self.speaker_lookup(&searcher, &aliases);
        let outlets = self.outlet_table(&searcher, &aliases)?;
        let mut grouper = Grouper::new(&searcher, self.fields, &speakers, outlets);
        let query = request.query.trim();
        if is_quotation_id(query) {
            if let Some(address) = grouper.find(query)? {
                return Ok(TrailResults {
                    groups: vec![grouper.group(address)?],
                    matched: 1,
                    names: Vec::new(),
                    elapsed: started.elapsed(),
                });
            }
        }
        let seeds = self.search(&SearchRequest {
            scope: Scope::Quotations,
            limit: request.limit.saturating_mul(5).max(50),
            facets: Vec::new(),
            group: false,
            ..request.clone()
        })?;
        let mut groups: Vec<QuoteGroup> = Vec::new();
        for hit in &seeds.hits {
            if groups.len() == request.limit {
                break;
            }
            let (Some(address), Some(id)) = (hit.address, hit.id.as_deref()) else {
                continue;
            };
            if !groups.iter().any(|g| g.contains(id)) {
                groups.push(grouper.group(address)?);
            }
        }
        Ok(TrailResults {
            groups,
            matched: seeds.total,
            names: seeds.names,
            elapsed: started.elapsed(),
        })
    }

    /// The group of the quotation with this id ([`Hit::id`](crate::Hit::id)); `None` when
    /// the index holds no such quotation.
    pub fn group_of(&self, quotation_id: &str) -> Result<Option<QuoteGroup>, QueryError> {
        let searcher = self.reader.searcher();
        let aliases = Aliases::load(&self.index)?;
        let speakers = self.speaker_lookup(&searcher, &aliases);
        let outlets = self.outlet_table(&searcher, &aliases)?;
        let mut grouper = Grouper::new(&searcher, self.fields, &speakers, outlets);
        match grouper.find(quotation_id)? {
            Some(address) => Ok(Some(grouper.group(address)?)),
            None => Ok(None),
        }
    }
}

/// Whether a query is a quotation id ([`Hit::id`](crate::Hit::id)): 16 hex
/// digits.
///
/// ```
/// assert!(newsq_query::is_quotation_id("135493efe95047fa"));
/// assert!(!newsq_query::is_quotation_id("root causes"));
/// ```
pub fn is_quotation_id(query: &str) -> bool {
    query.len() == 16 && query.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A quotation read from the index, with what grouping needs.
struct Quoted {
    id: String,
    kind: StatementKind,
    article: String,
    article_name: Option<String>,
    quote: String,
    wording: Wording,
    speaker: Option<String>,
    speaker_mention: Option<String>,
    speaker_from: Option<String>,
    cue: Option<String>,
    context: Option<String>,
    contains: Vec<String>,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<i64>,
    url: Option<String>,
    path: Option<String>,
    line: Option<u64>,
    start: u64,
    end: u64,
}

/// Builds groups over one searcher generation; remembers what it read.
pub(crate) struct Grouper<'s> {
    searcher: &'s Searcher,
    fields: Fields,
    speakers: &'s SpeakerLookup<'s>,
    outlets: Arc<Entities>,
    read: HashMap<DocAddress, Arc<Quoted>>,
    /// Relation and words shared, by the two wordings' fingerprints.
    relations: HashMap<(u64, u64), (Relation, usize)>,
    /// Each segment's speaker column: a candidate by someone else is
    /// passed over without reading its document.
    speaker_columns: Vec<Option<StrColumn>>,
    /// Entity names of the speaker spellings met.
    entities: HashMap<String, Option<String>>,
    /// Surname keys of the speaker spellings met.
    surnames: HashMap<String, Option<String>>,
}

impl<'s> Grouper<'s> {
    pub(crate) fn new(
        searcher: &'s Searcher,
        fields: Fields,
        speakers: &'s SpeakerLookup<'s>,
        outlets: Arc<Entities>,
    ) -> Self {
        let speaker_columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().str(name::SPEAKER).ok().flatten())
            .collect();
        Grouper {
            searcher,
            fields,
            speakers,
            outlets,
            read: HashMap::new(),
            relations: HashMap::new(),
            speaker_columns,
            entities: HashMap::new(),
            surnames: HashMap::new(),
        }
    }

    /// The quotation with this id, if the index holds one.
    pub(crate) fn find(&self, quotation_id: &str) -> Result<Option<DocAddress>, QueryError> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.quote_id, quotation_id),
            IndexRecordOption::Basic,
        );
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(top.first().map(|&(_, address)| address))
    }

    /// The group of the quotation at `seed`.
    pub(crate) fn group(&mut self, seed: DocAddress) -> Result<QuoteGroup, QueryError> {
        let first = self.read(seed)?;
        let mut speaker = self.speaker_entity(&first)?;
        // Its surname, read once rather than for every candidate.
        let mut surname = speaker.as_deref().and_then(surname_key);
        let mut members = vec![first];
        let mut is_member: HashSet<DocAddress> = HashSet::from([seed]);
        let mut searched_wordings = HashSet::new();
        // Each article's documents, read once: every member from an
        // article is compared with them all, so that the group does not
        // depend on which of its versions there came first.
        let mut article_docs: HashMap<String, Arc<Vec<DocAddress>>> = HashMap::new();
        let mut queue = VecDeque::from([0]);
        let mut searches = 0;
        let mut complete = true;
        while let Some(i) = queue.pop_front() {
            let member = Arc::clone(&members[i]);
            let mut candidates = Vec::new();
            let docs = match article_docs.get(&member.article) {
                Some(docs) => Arc::clone(docs),
                None => {
                    let docs = Arc::new(self.same_article(&member.article)?);
                    article_docs.insert(member.article.clone(), Arc::clone(&docs));
                    docs
                }
            };
            candidates.extend(docs.iter().copied());
            if searched_wordings.insert(member.wording.fingerprint()) {
                if searches == MAX_SEARCHES {
                    complete = false;
                    break;
                }
                searches += 1;
                candidates.extend(self.sharing_shingles(&member.wording)?);
            }
            let others = self.speaker_surnames(surname.as_deref(), &candidates);
            for address in candidates {
                let by_someone_else = surname
                    .as_deref()
                    .is_some_and(|ours| others.get(&address).is_some_and(|theirs| theirs != ours));
                if is_member.contains(&address) || by_someone_else {
                    continue;
                }
                let candidate = self.read(address)?;
                if candidate.quote.is_empty() || !self.same_statement(&member, &candidate)? {
                    continue;
                }
                let entity = self.speaker_entity(&candidate)?;
                let unvouched = speaker.is_none() || entity.is_none();
                let shorter = member.wording.len().min(candidate.wording.len());
                if unvouched && shorter < MIN_UNATTRIBUTED_WORDS {
                    continue;
                }
                // A reported version is the same statement only from the
                // same, named speaker: other words are all that ties it.
                let reported = (member.kind, candidate.kind) != DIRECT_PAIR;
                if reported && unvouched {
                    continue;
                }
                if same_person(speaker.as_deref(), entity.as_deref()) {
                    if speaker.is_none() || is_fuller(entity.as_deref(), &speaker) {
                        surname = entity.as_deref().and_then(surname_key);
                        speaker = entity;
                    }
                    is_member.insert(address);
                    queue.push_back(members.len());
                    members.push(candidate);
                }
            }
        }
        self.assemble(members, speaker, complete)
    }

    /// Whether `b` is the same statement as `a`, a member of the group.
    fn same_statement(&mut self, a: &Quoted, b: &Quoted) -> Result<bool, QueryError> {
        let key = (a.wording.fingerprint(), b.wording.fingerprint());
        let (relation, matched) = *self.relations.entry(key).or_insert_with(|| {
            let comparison = compare(&a.wording, &b.wording);
            (comparison.relation(), comparison.matched)
        });
        let shorter = a.wording.len().min(b.wording.len());
        Ok(match relation {
            Relation::Unrelated => false,
            Relation::Similar => shorter >= MIN_REWORDED_WORDS && matched >= MIN_STATEMENT_WORDS,
            Relation::Identical | Relation::VersionInside | Relation::ReferenceInside => {
                // Within one article a short fragment by the same, named
                // speaker repeats the fuller quotation ("immediately" in
                // the headline); a reported statement that quotes a word
                // of it is not thereby the same statement.
                shorter >= MIN_STATEMENT_WORDS
                    || (shorter > 0
                        && a.article == b.article
                        && (a.kind, b.kind) == DIRECT_PAIR
                        && {
                            let theirs = self.speaker_entity(b)?;
                            theirs.is_some() && theirs == self.speaker_entity(a)?
                        })
            }
        })
    }

    /// The speaker entity of a quotation.
    fn speaker_entity(&mut self, quoted: &Quoted) -> Result<Option<String>, QueryError> {
        match quoted.speaker.as_deref() {
            Some(spelling) => self.entity_of(spelling),
            None => Ok(None),
        }
    }

    /// Quotations sharing a shingle with `wording`, best first.
    fn sharing_shingles(&self, wording: &Wording) -> Result<Vec<DocAddress>, QueryError> {
        // The index keeps each quotation's anchors: every shingle asked for
        // finds them, and a long quotation's own anchors still meet every
        // quotation sharing six words in a row with it.
        let mut shingles = wording.shingles();
        if shingles.len() > MAX_QUERY_SHINGLES {
            shingles = wording.anchors();
        }
        if shingles.is_empty() {
            return Ok(Vec::new());
        }
        let step = shingles.len().div_ceil(MAX_QUERY_SHINGLES);
        let clauses: Vec<(Occur, Box<dyn Query>)> = shingles
            .iter()
            .step_by(step)
            .map(|&shingle| {
                let term = Term::from_field_u64(self.fields.quote_shingle, shingle);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        let top = self.searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(CANDIDATES_PER_SEARCH).order_by_score(),
        )?;
        Ok(top.into_iter().map(|(_, address)| address).collect())
    }

    /// Every document of an article (quotations and the article itself;
    /// the caller skips what has no quotation).
    fn same_article(&self, article: &str) -> Result<Vec<DocAddress>, QueryError> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.article_id, article),
            IndexRecordOption::Basic,
        );
        let top = self.searcher.search(
            &query,
            &TopDocs::with_limit(CANDIDATES_PER_SEARCH).order_by_score(),
        )?;
        Ok(top.into_iter().map(|(_, address)| address).collect())
    }

    /// The [`surname_key`] of each candidate's speaker as its speaker
    /// column spells it (candidates without one, or whose speaker is not
    /// read as a person, are left out), for passing over candidates by
    /// someone with another surname without reading their documents or
    /// looking their names up. Empty when the group has no surname yet, or
    /// when an alias file could make two surnames one person. The column's
    /// ordinals are turned into spellings in one dictionary walk per
    /// segment.
    fn speaker_surnames(
        &mut self,
        ours: Option<&str>,
        candidates: &[DocAddress],
    ) -> HashMap<DocAddress, String> {
        let mut surnames = HashMap::new();
        if ours.is_none() || self.speakers.has_speaker_aliases() {
            return surnames;
        }
        let mut by_segment: HashMap<u32, Vec<(DocAddress, u64)>> = HashMap::new();
        for &address in candidates {
            let column = self.speaker_column(address.segment_ord);
            if let Some(ord) = column.and_then(|c| c.term_ords(address.doc_id).next()) {
                by_segment
                    .entry(address.segment_ord)
                    .or_default()
                    .push((address, ord));
            }
        }
        for (segment, found) in by_segment {
            let Some(column) = self.speaker_column(segment) else {
                continue;
            };
            let spellings: HashMap<u64, String> =
                strings_of_ords(column, found.iter().map(|&(_, ord)| ord))
                    .into_iter()
                    .collect();
            for (address, ord) in found {
                let Some(spelling) = spellings.get(&ord) else {
                    continue;
                };
                let key = self
                    .surnames
                    .entry(spelling.clone())
                    .or_insert_with(|| surname_key(spelling));
                if let Some(key) = key {
                    surnames.insert(address, key.clone());
                }
            }
        }
        surnames
    }

    /// A segment's speaker column, if it has one.
    fn speaker_column(&self, segment: u32) -> Option<&StrColumn> {
        self.speaker_columns
            .get(segment as usize)
            .and_then(Option::as_ref)
    }

    /// The entity name of a speaker spelling, looked up once.
    fn entity_of(&mut self, spelling: &str) -> Result<Option<String>, QueryError> {
        if let Some(entity) = self.entities.get(spelling) {
            return Ok(entity.clone());
        }
        let entity = self.speakers.entity_name(spelling)?;
        self.entities.insert(spelling.to_string(), entity.clone());
        Ok(entity)
    }

    /// The quotation id of the document at `address`.
    pub(crate) fn id_of(&mut self, address: DocAddress) -> Result<String, QueryError> {
        Ok(self.read(address)?.id.clone())
    }

    fn read(&mut self, address: DocAddress) -> Result<Arc<Quoted>, QueryError> {
        if let Some(quoted) = self.read.get(&address) {
            return Ok(Arc::clone(quoted));
        }
        let doc: TantivyDocument = self.searcher.doc(address)?;
        let f = self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let quote = text(f.quote).unwrap_or_default();
        let speaker = text(f.speaker);
        let quoted = Arc::new(Quoted {
            id: text(f.quote_id).unwrap_or_default(),
            kind: StatementKindCode::kind(doc.get_first(f.statement_kind).and_then(|v| v.as_u64())),
            article: text(f.article_id).unwrap_or_default(),
            article_name: text(f.article_name),
            wording: Wording::new(&quote),
            quote,
            speaker,
            speaker_mention: text(f.speaker_mention),
            speaker_from: text(f.speaker_from),
            cue: text(f.cue),
            context: text(f.context),
            contains: doc
                .get_all(f.contains)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            outlet: text(f.outlet),
            title: text(f.title).or_else(|| text(f.headline)),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .map(|d| d.into_timestamp_secs()),
            url: text(f.url),
            path: text(f.path),
            line: doc.get_first(f.line).and_then(|v| v.as_u64()),
            start: doc
                .get_first(f.quote_start)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            end: doc
                .get_first(f.quote_end)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
        });
        self.read.insert(address, Arc::clone(&quoted));
        Ok(quoted)
    }

    /// Order the members, pick the reference and compare every version
    /// with it.
    fn assemble(
        &mut self,
        mut members: Vec<Arc<Quoted>>,
        speaker: Option<String>,
        complete: bool,
    ) -> Result<QuoteGroup, QueryError> {
        members.sort_by(|a, b| {
            let key = |m: &Quoted| {
                (
                    m.published.is_none(),
                    m.published,
                    m.path.clone(),
                    m.article.clone(),
                    m.line,
                    m.start,
                )
            };
            key(a).cmp(&key(b))
        });
        let reference = reference_version(&members);
        let base = Arc::clone(&members[reference]);
        // Only direct versions are compared word for word: a reported
        // one is in the writer's words, which always differ.
        let compared = |m: &Quoted| m.kind == StatementKind::Quotation;
        let mut variants: Vec<(std::ops::Range<usize>, Variant)> = Vec::new();
        let mut spans = Vec::with_capacity(members.len());
        let mut out = Vec::with_capacity(members.len());
        for member in &members {
            let comparison = compare(&base.wording, &member.wording);
            let aligned = compared(member) && comparison.relation() != Relation::Unrelated;
            let edits: Vec<WordEdit> = if aligned {
                comparison
                    .edits
                    .iter()
                    .map(|edit| {
                        let ours = member.wording.byte_range(edit.version.clone());
                        let theirs = base.wording.byte_range(edit.reference.clone());
                        WordEdit {
                            kind: edit.kind,
                            reference: base.quote.get(theirs).unwrap_or_default().to_string(),
                            version: member
                                .quote
                                .get(ours.clone())
                                .unwrap_or_default()
                                .to_string(),
                            at: (ours.start, ours.end),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if aligned {
                for (edit, shown) in comparison.edits.iter().zip(&edits) {
                    if !edit.kind.changes_wording() {
                        continue;
                    }
                    let at = match variants.iter().position(|(r, _)| *r == edit.reference) {
                        Some(at) => at,
                        None => {
                            variants.push((
                                edit.reference.clone(),
                                Variant {
                                    readings: vec![Reading {
                                        words: shown.reference.clone(),
                                        quotations: Vec::new(),
                                    }],
                                },
                            ));
                            variants.len() - 1
                        }
                    };
                    let variant = &mut variants[at].1;
                    let wording = Wording::new(&shown.version);
                    match variant
                        .readings
                        .iter_mut()
                        .skip(1)
                        .find(|r| Wording::new(&r.words).words() == wording.words())
                    {
                        Some(reading) => reading.quotations.push(member.id.clone()),
                        None => variant.readings.push(Reading {
                            words: shown.version.clone(),
                            quotations: vec![member.id.clone()],
                        }),
                    }
                }
            }
            let partial = aligned && comparison.reference_span.len() < base.wording.len();
            spans.push(aligned.then(|| (comparison.reference_span.clone(), comparison.edits)));
            out.push(GroupMember {
                id: member.id.clone(),
                kind: member.kind,
                quote: member.quote.clone(),
                speaker: member.speaker.clone(),
                speaker_entity: self.speaker_entity(member)?,
                speaker_mention: member.speaker_mention.clone(),
                speaker_from: member.speaker_from.clone(),
                cue: member.cue.clone(),
                context: member.context.clone(),
                start: member.start,
                end: member.end,
                contains: member.contains.clone(),
                outlet: member.outlet.clone(),
                outlet_entity: member
                    .outlet
                    .as_deref()
                    .and_then(|o| self.outlets.of_spelling(o))
                    .map(|e| e.name.clone()),
                article: member.article.clone(),
                article_name: member.article_name.clone(),
                title: member.title.clone(),
                published: member.published.map(format_date),
                url: member.url.clone(),
                path: member.path.clone(),
                line: member.line,
                partial,
                differs: edits.iter().any(|e| e.kind.changes_wording()),
                edits,
            });
        }
        // The reference reading of each variant: every version that quotes
        // that stretch and does not change it.
        for (range, variant) in &mut variants {
            for (member, span) in members.iter().zip(&spans) {
                let Some((span, edits)) = span else { continue };
                let covers = span.start <= range.start && range.end <= span.end;
                let changes = edits.iter().any(|e| {
                    e.kind.changes_wording()
                        && e.reference.start < range.end.max(range.start + 1)
                        && range.start < e.reference.end.max(e.reference.start + 1)
                });
                if covers && !changes {
                    variant.readings[0].quotations.push(member.id.clone());
                }
            }
        }
        let mut articles = HashSet::new();
        let mut without_outlet = HashSet::new();
        let mut outlets: Vec<String> = Vec::new();
        for member in &out {
            articles.insert(member.article.as_str());
            match member.outlet_entity.as_ref().or(member.outlet.as_ref()) {
                Some(outlet) if !outlets.contains(outlet) => outlets.push(outlet.clone()),
                Some(_) => {}
                None => {
                    without_outlet.insert(member.article.as_str());
                }
            }
        }
        // Not the earliest member's (a date added later would change it)
        // but one with the reference's words, which finds the whole group
        // again when searched from (a part of it may not).
        let id = members
            .iter()
            .filter(|m| m.wording.fingerprint() == base.wording.fingerprint())
            .map(|m| &m.id)
            .min()
            .cloned()
            .unwrap_or_default();
        Ok(QuoteGroup {
            id,
            speaker,
            articles: articles.len(),
            outlets,
            articles_without_outlet: without_outlet.len(),
            reference,
            differs: out.iter().any(|m| m.differs),
            variants: variants.into_iter().map(|(_, v)| v).collect(),
            complete,
            members: out,
        })
    }
}

/// Most distinct wordings tried as the reference of a group.
const REFERENCE_CANDIDATES: usize = 16;

/// The reference version of a group: the wording most others agree with
/// word for word (identical, or part of it); among equals the fullest,
/// then the earliest. So the majority wording is the one others are
/// marked against.
fn reference_version(members: &[Arc<Quoted>]) -> usize {
    // A direct quotation whenever there is one: the speaker's own words.
    let any_direct = members.iter().any(|m| m.kind == StatementKind::Quotation);
    let mut distinct: Vec<usize> = Vec::new();
    for (i, member) in members.iter().enumerate() {
        if any_direct && member.kind != StatementKind::Quotation {
            continue;
        }
        let fingerprint = member.wording.fingerprint();
        if !distinct
            .iter()
            .any(|&d| members[d].wording.fingerprint() == fingerprint)
        {
            distinct.push(i);
        }
    }
    distinct.sort_by_key(|&i| std::cmp::Reverse(members[i].wording.len()));
    distinct.truncate(REFERENCE_CANDIDATES);
    let agreeing = |i: usize| {
        members
            .iter()
            .filter(|other| {
                let relation = compare(&members[i].wording, &other.wording).relation();
                matches!(relation, Relation::Identical | Relation::VersionInside)
            })
            .count()
    };
    distinct
        .into_iter()
        .max_by_key(|&i| (agreeing(i), members[i].wording.len(), std::cmp::Reverse(i)))
        .unwrap_or(0)
}

/// Whether a candidate may be the group's speaker: unattributed, the same
/// entity, or a bare surname of the group's speaker (an outlet writing
/// "Clinton" where the rest name Hillary Clinton), or the other way round.
fn same_person(group: Option<&str>, candidate: Option<&str>) -> bool {
    let (Some(group), Some(theirs)) = (group, candidate) else {
        return true;
    };
    if group == theirs {
        return true;
    }
    match (read_speaker(group, false), read_speaker(theirs, false)) {
        (SpeakerName::Person(a), SpeakerName::Person(b)) => {
            a.last_word == b.last_word && (a.is_surname_only() || b.is_surname_only())
        }
        _ => false,
    }
}

/// The spelling key of a person's surname; `None` for what is not read as a
/// person's name.
fn surname_key(name: &str) -> Option<String> {
    match read_speaker(name, false) {
        SpeakerName::Person(person) => Some(person.last_word),
        SpeakerName::Other => None,
    }
}

/// Whether `candidate` names the speaker more fully than `current`.
fn is_fuller(candidate: Option<&str>, current: &Option<String>) -> bool {
    match (candidate, current.as_deref()) {
        (Some(candidate), Some(current)) => {
            candidate.split_whitespace().count() > current.split_whitespace().count()
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}
