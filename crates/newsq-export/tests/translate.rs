//! The same answers in an engine as in newsq: every query of a set (words
//! that need stemming, phrases, OR, NOT, name words spelled several ways,
//! German text, speaker, outlet, date and kind filters, article text) is
//! translated, run over the exported documents, and must find exactly the
//! documents `newsq search` finds.
//!
//! The engine here is a stand-in built the way Quickwit builds its index
//! from newsq's config: tantivy (Quickwit's own library) with the
//! config's tokenizers (`whitespace` for the `*_terms` fields, `raw` for
//! keys). The translated query string is parsed with tantivy's query
//! grammar, which is Quickwit's, and read twice: as Quickwit turns the
//! parsed query into a search (its `convert_user_input_ast_to_query_ast`,
//! mirrored here) and as tantivy's own query parser does. The query DSL is
//! read by a small interpreter of the clauses `newsq translate` writes. The same
//! checks run against a real Quickwit or Elasticsearch in
//! `crates/newsq-cli/tests/engines.rs` when one is named.

mod support;

use std::collections::BTreeSet;
use std::ops::Bound;

use newsq_core::index::{stable_hash, NewsIndex, WriterOptions};
use newsq_core::Article;
use newsq_export::{IndexDocuments, Translator};
use newsq_query::{HitKind, NewsSearcher, SearchRequest};
use serde_json::Value;
use support::{add_fixture_articles, add_generated_articles};
use tantivy::collector::DocSetCollector;
use tantivy::query::{
    AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::query_grammar::{UserInputAst, UserInputBound, UserInputLeaf};
use tantivy::schema::{
    DateOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value as _,
    STORED,
};
use tantivy::{DateTime, Index, TantivyDocument, Term};

/// Fictional articles beyond the shared fixture: German text (stemmed in
/// German by newsq), a reported statement, and inflections to stem.
/// URL, outlet, date, language, text.
type Fixture = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

const MORE_ARTICLES: &[Fixture] = &[
    (
        "https://nord.example/verhandlungen",
        "Nordkurier Beispiel",
        Some("2025-03-05"),
        Some("de"),
        "„Die Verhandlungen über den Staudamm werden fortgesetzt“, sagte Ministerin Ilse Brandt am Mittwoch.",
    ),
    // One person under a family name first, a title and the name alone:
    // the whole speaker table groups them, a lookup by name need not.
    (
        "https://east.example/summit-1",
        "East Ledger",
        Some("2025-05-01"),
        None,
        "“The corridor will open in June,” Xi Jinping said at the summit.",
    ),
    (
        "https://east.example/summit-2",
        "East Ledger",
        Some("2025-05-02"),
        None,
        "“Trade must flow both ways,” President Xi said.",
    ),
    (
        "https://east.example/summit-3",
        "East Ledger",
        Some("2025-05-03"),
        None,
        "“We are patient,” Xi said.",
    ),
    (
        "https://wire.example/negotiators",
        "Meridian Wire",
        Some("2025-04-01"),
        None,
        "Negotiators met again on Tuesday. “We are negotiating in good faith and the turbines keep running,” \
         Chancellor Taras Kovalenskiy said.\n\nMinister Ilse Brandt said the negotiations would resume in May.",
    ),
];

fn corpus() -> NewsIndex {
    let index = NewsIndex::create_in_ram().unwrap();
    let mut writer = index.writer(&WriterOptions::default()).unwrap();
    add_fixture_articles(&mut writer);
    for &(url, outlet, published, language, body) in MORE_ARTICLES {
        let mut article = Article::from_body(url, body);
        article.url = Some(url.to_string());
        article.outlet = Some(outlet.to_string());
        article.published = published.map(str::to_string);
        article.language = language.map(str::to_string);
        writer.add_article(&article).unwrap();
    }
    add_generated_articles(&mut writer, 11, 150);
    writer.commit().unwrap();
    index
}

/// The stand-in engine: the exported documents indexed as Quickwit
/// indexes them with newsq's config.
struct Engine {
    index: Index,
    doc_id: Field,
    published: Field,
}

impl Engine {
    fn load(documents: &IndexDocuments) -> Engine {
        let mut schema = Schema::builder();
        let raw = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic),
        );
        let terms = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let doc_id = schema.add_text_field("doc_id", raw.clone() | STORED);
        let mut text_fields = Vec::new();
        for name in ["kind", "speaker_spelling_key", "outlet_spelling_key"] {
            text_fields.push((name, schema.add_text_field(name, raw.clone())));
        }
        for name in ["quote_terms", "title_terms", "body_terms"] {
            text_fields.push((name, schema.add_text_field(name, terms.clone())));
        }
        let published = schema.add_date_field("published", DateOptions::default().set_indexed());
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(50_000_000).unwrap();
        for document in documents.iter() {
            let value = serde_json::to_value(document.unwrap()).unwrap();
            let mut doc = TantivyDocument::default();
            doc.add_text(doc_id, value["doc_id"].as_str().unwrap());
            for &(name, field) in &text_fields {
                if let Some(text) = value[name].as_str() {
                    doc.add_text(field, text);
                }
            }
            if let Some(date) = value["published"].as_str() {
                doc.add_date(published, parse_rfc3339(date));
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        Engine {
            index,
            doc_id,
            published,
        }
    }

    fn ids(&self, query: &dyn Query) -> BTreeSet<String> {
        let searcher = self.index.reader().unwrap().searcher();
        let found = searcher.search(query, &DocSetCollector).unwrap();
        found
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                doc.get_first(self.doc_id)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    /// What tantivy's own query parser finds (the same grammar; a stricter
    /// reading of exclusions than Quickwit's, which newsq's queries avoid
    /// needing).
    fn query_string(&self, query: &str) -> BTreeSet<String> {
        let parser = QueryParser::for_index(&self.index, Vec::new());
        let parsed = parser
            .parse_query(query)
            .unwrap_or_else(|e| panic!("{query}: {e:?}"));
        self.ids(parsed.as_ref())
    }

    /// What Quickwit finds: the query parsed with tantivy's grammar, as
    /// Quickwit parses it, and turned into a query as Quickwit's
    /// `convert_user_input_ast_to_query_ast` does (a clause's parts by
    /// their occur, the default AND; a boolean query of exclusions alone
    /// excludes from everything, as in Elasticsearch; a literal tokenized
    /// with its field's tokenizer: one token a term query, several a
    /// phrase).
    fn quickwit(&self, query: &str) -> BTreeSet<String> {
        let ast = tantivy::query_grammar::parse_query(query)
            .unwrap_or_else(|_| panic!("Quickwit's grammar refuses {query}"));
        self.ids(self.user_input(&ast).as_ref())
    }

    fn user_input(&self, ast: &UserInputAst) -> Box<dyn Query> {
        match ast {
            UserInputAst::Clause(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = parts
                    .iter()
                    .map(|(occur, part)| (occur.unwrap_or(Occur::Must), self.user_input(part)))
                    .collect();
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            UserInputAst::Boost(inner, _) => self.user_input(inner),
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::All => Box::new(AllQuery),
                UserInputLeaf::Literal(literal) => {
                    let field = self.field(literal.field_name.as_deref().unwrap());
                    let tokens: Vec<Term> = if self
                        .index
                        .schema()
                        .get_field_name(field)
                        .ends_with("_terms")
                    {
                        literal
                            .phrase
                            .split_whitespace()
                            .map(|t| Term::from_field_text(field, t))
                            .collect()
                    } else {
                        vec![Term::from_field_text(field, &literal.phrase)]
                    };
                    match tokens.len() {
                        0 => Box::new(EmptyQuery),
                        1 => Box::new(TermQuery::new(tokens[0].clone(), IndexRecordOption::Basic)),
                        _ => Box::new(PhraseQuery::new(tokens)),
                    }
                }
                UserInputLeaf::Range {
                    field,
                    lower,
                    upper,
                } => {
                    assert_eq!(field.as_deref(), Some("published"));
                    let bound = |b: &UserInputBound| match b {
                        UserInputBound::Inclusive(d) => {
                            Bound::Included(Term::from_field_date(self.published, parse_rfc3339(d)))
                        }
                        UserInputBound::Exclusive(d) => {
                            Bound::Excluded(Term::from_field_date(self.published, parse_rfc3339(d)))
                        }
                        UserInputBound::Unbounded => Bound::Unbounded,
                    };
                    Box::new(RangeQuery::new(bound(lower), bound(upper)))
                }
                other => panic!("newsq wrote a leaf the stand-in does not read: {other:?}"),
            },
        }
    }

    /// What Elasticsearch's query DSL finds, for the clauses newsq writes.
    fn query_dsl(&self, dsl: &Value) -> BTreeSet<String> {
        self.ids(self.dsl(dsl).as_ref())
    }

    fn field(&self, name: &str) -> Field {
        self.index.schema().get_field(name).unwrap()
    }

    fn dsl(&self, dsl: &Value) -> Box<dyn Query> {
        let (clause, body) = dsl.as_object().unwrap().iter().next().unwrap();
        let (field, value) = body
            .as_object()
            .and_then(|o| o.iter().next())
            .map(|(f, v)| (f.as_str(), v))
            .unwrap_or(("", &Value::Null));
        match clause.as_str() {
            "match_all" => Box::new(AllQuery),
            "match_none" => Box::new(EmptyQuery),
            "term" => Box::new(TermQuery::new(
                Term::from_field_text(self.field(field), value.as_str().unwrap()),
                IndexRecordOption::Basic,
            )),
            "terms" => {
                Box::new(TermSetQuery::new(value.as_array().unwrap().iter().map(
                    |v| Term::from_field_text(self.field(field), v.as_str().unwrap()),
                )))
            }
            "match_phrase" => Box::new(PhraseQuery::new(
                value
                    .as_str()
                    .unwrap()
                    .split(' ')
                    .map(|t| Term::from_field_text(self.field(field), t))
                    .collect(),
            )),
            "range" => {
                let term = |key: &str| {
                    value[key]
                        .as_str()
                        .map(|d| Term::from_field_date(self.published, parse_rfc3339(d)))
                };
                let lower = term("gte").map_or(Bound::Unbounded, Bound::Included);
                let upper = term("lt").map_or(Bound::Unbounded, Bound::Excluded);
                Box::new(RangeQuery::new(lower, upper))
            }
            "bool" => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, name) in [
                    (Occur::Must, "must"),
                    (Occur::Must, "filter"),
                    (Occur::Should, "should"),
                    (Occur::MustNot, "must_not"),
                ] {
                    for part in body[name].as_array().into_iter().flatten() {
                        clauses.push((occur, self.dsl(part)));
                    }
                }
                Box::new(BooleanQuery::new(clauses))
            }
            other => panic!("newsq wrote a clause the stand-in does not read: {other}"),
        }
    }
}

fn parse_rfc3339(text: &str) -> DateTime {
    let n = |range: std::ops::Range<usize>| text[range].parse::<i64>().unwrap();
    let days =
        newsq_core::index::date::days_from_civil(n(0..4) as i32, n(5..7) as u32, n(8..10) as u32);
    DateTime::from_timestamp_secs(days * 86_400 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19))
}

/// The ids of every document newsq finds: statements by their id,
/// articles as the export names them.
fn newsq_ids(news: &NewsSearcher, request: &SearchRequest) -> BTreeSet<String> {
    let results = news.search(&request.clone().limit(100_000)).unwrap();
    assert_eq!(results.hits.len(), results.total, "{request:?}");
    results
        .hits
        .iter()
        .map(|hit| match hit.kind {
            HitKind::Article => format!("a{:016x}", stable_hash(hit.article.as_bytes())),
            _ => hit.id.clone().unwrap(),
        })
        .collect()
}

#[test]
fn translated_queries_find_what_newsq_finds() {
    let index = corpus();
    let news = NewsSearcher::new(&index).unwrap();
    let documents = IndexDocuments::open(&index).unwrap();
    let engine = Engine::load(&documents);
    let translator = Translator::new();

    let requests: Vec<SearchRequest> = vec![
        // Stemming: none of these forms is written as such.
        SearchRequest::new("negotiate"),
        SearchRequest::new("turbine"),
        SearchRequest::new("publishing"),
        SearchRequest::new("waits"),
        // Phrases, several words, OR, NOT, groups.
        SearchRequest::new("\"switch off the turbines\""),
        SearchRequest::new("\"in good faith\""),
        SearchRequest::new("dam river"),
        SearchRequest::new("dam OR river"),
        SearchRequest::new("river -downstream"),
        SearchRequest::new("(permit OR commission) -wait"),
        SearchRequest::new("-dam"),
        SearchRequest::new("NOT (dam OR river)"),
        // A name in the text, spelled three ways by the articles.
        SearchRequest::new("kovalenskiy"),
        // German text, stemmed in German; the query in every language.
        SearchRequest::new("verhandlungen"),
        SearchRequest::new("\"den staudamm\""),
        // Filters: speakers however spelled, outlets, dates, kinds.
        SearchRequest::new("").speaker("kovalensky"),
        SearchRequest::new("").speaker("brandt"),
        SearchRequest::new("").speaker("brandt").speaker("rinne"),
        SearchRequest::new("speaker:\"taras kovalenskyy\" dam"),
        SearchRequest::new("").speaker("xi jinping"),
        SearchRequest::new("").speaker("xi"),
        SearchRequest::new("").speaker("president xi"),
        // A name that matches no one, where it takes its part.
        SearchRequest::new("dam -speaker:nobodyelse"),
        SearchRequest::new("dam OR speaker:nobodyelse"),
        SearchRequest::new("").outlet("harbour gazette"),
        SearchRequest::new("outlet:\"meridian wire\" -dam"),
        SearchRequest::new("").since("2025-03-04"),
        SearchRequest::new("").until("2025-03-04"),
        SearchRequest::new("").since("2025-03").until("2025-03"),
        SearchRequest::new("after:2025-03-05 before:2026"),
        SearchRequest::new("NOT after:2025-03-05"),
        SearchRequest::new("negotiation").kind(newsq_core::quote::StatementKind::Reported),
        SearchRequest::new("kind:direct turbines"),
        SearchRequest::new("").kind(newsq_core::quote::StatementKind::Quotation),
        // Everything.
        SearchRequest::new(""),
    ];
    let mut checked = 0;
    for request in requests {
        for articles in [false, true] {
            let request = if articles {
                request.clone().articles()
            } else {
                request.clone()
            };
            let expected = newsq_ids(&news, &request);
            let plan = news.plan(&request).unwrap();
            let query = translator.query_string(&plan.condition);
            assert_eq!(
                engine.query_string(&query),
                expected,
                "{request:?}\n{query}"
            );
            assert_eq!(engine.quickwit(&query), expected, "{request:?}\n{query}");
            let dsl = translator.query_dsl(&plan.condition);
            assert_eq!(engine.query_dsl(&dsl), expected, "{request:?}\n{dsl}");
            checked += usize::from(!expected.is_empty());
        }
    }
    // The set means something only if most queries find documents.
    assert!(checked >= 50, "only {checked} queries found anything");
}

/// Words, word pairs and single-word phrases taken from every `step`th
/// statement as written (inflected, capitalised, with apostrophes).
fn queries_from_statements(
    documents: &IndexDocuments,
    step: usize,
    most: usize,
) -> BTreeSet<String> {
    let mut queries = BTreeSet::new();
    for document in documents
        .iter()
        .map(Result::unwrap)
        .step_by(step)
        .take(most)
    {
        let Some(quote) = document.quote else {
            continue;
        };
        let words: Vec<&str> = quote
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| w.len() > 3)
            .collect();
        if let Some(word) = words.first() {
            queries.insert(word.to_string());
        }
        if let [first, second, ..] = words.as_slice() {
            queries.insert(format!("\"{first} {second}\""));
            queries.insert(format!("{first} -{second}"));
        }
    }
    queries
}

/// Check each request both ways; the number that found something.
fn check_requests(
    news: &NewsSearcher,
    engine: &Engine,
    translator: &Translator,
    requests: &[SearchRequest],
) -> usize {
    let mut found = 0;
    for request in requests {
        let expected = newsq_ids(news, request);
        let plan = news.plan(request).unwrap();
        let translated = translator.query_string(&plan.condition);
        assert_eq!(
            engine.query_string(&translated),
            expected,
            "{request:?}\n{translated}"
        );
        assert_eq!(
            engine.quickwit(&translated),
            expected,
            "{request:?}\n{translated}"
        );
        let dsl = translator.query_dsl(&plan.condition);
        assert_eq!(engine.query_dsl(&dsl), expected, "{request:?}\n{dsl}");
        found += usize::from(!expected.is_empty());
    }
    found
}

#[test]
fn generated_words_and_phrases_find_what_newsq_finds() {
    let index = corpus();
    let news = NewsSearcher::new(&index).unwrap();
    let documents = IndexDocuments::open(&index).unwrap();
    let engine = Engine::load(&documents);
    let translator = Translator::new();
    let queries = queries_from_statements(&documents, 7, 60);
    assert!(queries.len() >= 30, "{queries:?}");
    let requests: Vec<SearchRequest> = queries.iter().map(SearchRequest::new).collect();
    let found = check_requests(&news, &engine, &translator, &requests);
    assert!(found >= 30, "{found}");
}

/// The same on a corpus of real articles, indexed beforehand: `newsq
/// index --index DIR ARTICLES`, then `NEWSQ_TRANSLATE_INDEX=DIR cargo test
/// -p newsq-export --test translate -- --nocapture`. Words and phrases
/// from the statements, every speaker and outlet of the most quoted, and
/// dates, each alone and with article text.
#[test]
fn a_named_index_gives_the_same_answers() {
    let Ok(dir) = std::env::var("NEWSQ_TRANSLATE_INDEX") else {
        eprintln!("skipped: set NEWSQ_TRANSLATE_INDEX to a newsq index folder");
        return;
    };
    let index = NewsIndex::open(std::path::Path::new(&dir)).unwrap();
    let news = NewsSearcher::new(&index).unwrap();
    let documents = IndexDocuments::open(&index).unwrap();
    let engine = Engine::load(&documents);
    let translator = Translator::new();
    let mut requests: Vec<SearchRequest> = queries_from_statements(&documents, 13, 400)
        .iter()
        .map(SearchRequest::new)
        .collect();
    for speaker in news.speaker_list("").unwrap().iter().take(30) {
        requests.push(SearchRequest::new("").speaker(speaker.name.as_str()));
    }
    for outlet in news.outlet_list("").unwrap().iter().take(10) {
        requests.push(SearchRequest::new("").outlet(outlet.name.as_str()));
    }
    for date in ["2004", "2005-03", "2022-02-24", "2025-08"] {
        requests.push(SearchRequest::new("").since(date));
        requests.push(SearchRequest::new("").until(date));
    }
    let with_articles: Vec<SearchRequest> = requests.iter().map(|r| r.clone().articles()).collect();
    requests.extend(with_articles);
    let found = check_requests(&news, &engine, &translator, &requests);
    eprintln!(
        "{} requests, {found} finding something: the same documents in newsq and in the engine",
        requests.len()
    );
}
