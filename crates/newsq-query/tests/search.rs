//! Searching an index: what a word, a phrase, a filter or a flag finds, in
//! which order, with which highlights, facets and errors.
//!
//! Every article here is invented: people, places and outlets are fictional.

use newsq_core::index::{NewsIndex, WriterOptions};
use newsq_core::{Article, Quotation};
use newsq_query::{
    FacetField, Hit, HitKind, NewsSearcher, QueryError, Scope, SearchRequest, SearchResults,
};

// ---------------------------------------------------------------------------
// Fixtures

/// Selvik Courier, 2025-03-03: Aldo Vance, "red line" adjacent in a long
/// quotation; "negotiations".
const VANCE: &str = "President Aldo Vance spoke to reporters in Selvik on Monday.\n\n\
“We will not cross that red line, whatever the pressure from Dorland and whatever the cost to our farmers this winter,” President Aldo Vance said.\n\n\
“The negotiations are over for this year,” Mr Vance added.";

/// Lowmarsh Ledger, 2025-03-05: Mara Quell, "red" three times and "line"
/// once, scattered, in a short quotation.
const QUELL: &str = "Finance Minister Mara Quell presented the budget in Selvik on Wednesday.\n\n\
“Red ink, red ink, red figures on every line,” Ms Quell said.";

/// Selvik Courier, 2025-04-30: Jonas Müller, "negotiate", "Zelenskyy".
const MULLER: &str = "Chancellor Jonas Müller met President Zelenskyy in Brennhof on Thursday.\n\n\
“We will negotiate until there is a ceasefire,” Mr Müller told reporters.\n\n\
“Zelenskyy and I agreed to meet again in Selvik,” the chancellor said.";

/// Lowmarsh Ledger, 2025-05-01: Ines Kalder on the ferry; "Muller" without
/// the umlaut.
const KALDER: &str = "The ferry strike on the Selvik crossing ended on Friday after the union accepted a new pay offer.\n\n\
“The crossing reopens at dawn, and Captain Muller will take the first boat,” Port Director Ines Kalder said.";

/// Bay Wire, no date: Teodor Halvik; "negotiation" and "red line" in order.
const HALVIK: &str = "“Dorland has always been ready for negotiation, and the red line is Selvik’s, not ours,” Foreign Minister Teodor Halvik said in a statement on Sunday.";

fn options() -> WriterOptions {
    WriterOptions {
        threads: 1,
        memory_bytes: 15_000_000,
    }
}

fn article(
    id: &str,
    title: &str,
    outlet: Option<&str>,
    published: Option<&str>,
    body: &str,
) -> Article {
    Article {
        id: id.to_string(),
        title: Some(title.to_string()),
        outlet: outlet.map(str::to_string),
        published: published.map(str::to_string),
        url: Some(format!("https://news.example/{id}")),
        body: body.to_string(),
        ..Article::default()
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "vance",
            "Vance rules out new border talks",
            Some("Selvik Courier"),
            Some("2025-03-03"),
            VANCE,
        ),
        article(
            "quell",
            "Budget in the red",
            Some("Lowmarsh Ledger"),
            Some("2025-03-05"),
            QUELL,
        ),
        article(
            "muller",
            "Chancellor meets Zelenskyy in Brennhof",
            Some("Selvik Courier"),
            Some("2025-04-30T21:15:00Z"),
            MULLER,
        ),
        article(
            "kalder",
            "Ferry strike ends",
            Some("Lowmarsh Ledger"),
            Some("2025-05-01"),
            KALDER,
        ),
        article(
            "halvik",
            "Dorland minister signals compromise",
            Some("Bay Wire"),
            None,
            HALVIK,
        ),
    ]
}

/// An in-memory index of `articles`, their quotations extracted by newsq.
fn index_of(articles: &[Article]) -> NewsIndex {
    let index = NewsIndex::create_in_ram().expect("index in RAM");
    let mut writer = index.writer(&options()).expect("writer");
    for a in articles {
        writer.add_article(a).expect("add article");
    }
    writer.commit().expect("commit");
    index
}

fn search(index: &NewsIndex, request: &SearchRequest) -> SearchResults {
    NewsSearcher::new(index)
        .expect("searcher")
        .search(request)
        .unwrap_or_else(|e| panic!("{:?}: {e}", request.query))
}

fn query(index: &NewsIndex, q: &str) -> SearchResults {
    search(index, &SearchRequest::new(q).limit(100))
}

fn quotes(results: &SearchResults) -> Vec<&str> {
    results
        .hits
        .iter()
        .map(|h| h.quote.as_deref().unwrap_or("<article>"))
        .collect()
}

fn speakers(results: &SearchResults) -> Vec<&str> {
    results
        .hits
        .iter()
        .map(|h| h.speaker.as_deref().unwrap_or("?"))
        .collect()
}

/// The highlighted substrings of a hit's quote (or snippet, for articles).
fn marked(hit: &Hit) -> Vec<&str> {
    let text = match hit.kind {
        HitKind::Article => hit.snippet.as_deref(),
        _ => hit.quote.as_deref(),
    }
    .unwrap_or("");
    hit.highlights
        .iter()
        .map(|&(s, e)| {
            text.get(s..e)
                .unwrap_or_else(|| panic!("highlight {s}..{e} is not a slice of {text:?}"))
        })
        .collect()
}

fn error(index: &NewsIndex, request: &SearchRequest) -> QueryError {
    match NewsSearcher::new(index).expect("searcher").search(request) {
        Ok(r) => panic!("{:?} should fail, found {:?}", request.query, quotes(&r)),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------
// The fixtures are what the tests below assume

#[test]
fn fixture_quotations_are_attributed_as_the_tests_assume() {
    let index = index_of(&corpus());
    let all = query(&index, "");
    assert_eq!(all.total, 7, "{:?}", quotes(&all));
    let mut pairs: Vec<(String, String)> = all
        .hits
        .iter()
        .map(|h| {
            (
                h.speaker.clone().unwrap_or_default(),
                h.quote.clone().unwrap_or_default(),
            )
        })
        .collect();
    pairs.sort();
    let expected = [
        ("Aldo Vance", "The negotiations are over for this year"),
        (
            "Aldo Vance",
            "We will not cross that red line, whatever the pressure from Dorland and whatever the cost to our farmers this winter",
        ),
        ("Ines Kalder", "The crossing reopens at dawn, and Captain Muller will take the first boat"),
        ("Jonas Müller", "We will negotiate until there is a ceasefire"),
        ("Jonas Müller", "Zelenskyy and I agreed to meet again in Selvik"),
        ("Mara Quell", "Red ink, red ink, red figures on every line"),
        (
            "Teodor Halvik",
            "Dorland has always been ready for negotiation, and the red line is Selvik’s, not ours",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(s, q)| (s.to_string(), q.to_string()))
        .collect();
    assert_eq!(pairs, expected);
}

// ---------------------------------------------------------------------------
// Words: forms, case, diacritics

#[test]
fn a_word_finds_its_other_forms() {
    let index = index_of(&corpus());
    let r = query(&index, "negotiate");
    let mut found = quotes(&r);
    found.sort();
    assert_eq!(
        found,
        [
            "Dorland has always been ready for negotiation, and the red line is Selvik’s, not ours",
            "The negotiations are over for this year",
            "We will negotiate until there is a ceasefire",
        ]
    );
    assert_eq!(r.total, 3);
    // And the other way round.
    assert_eq!(query(&index, "negotiations").total, 3);
}

#[test]
fn case_and_diacritics_fold_both_ways() {
    let index = index_of(&corpus());
    for q in ["zelenskyy", "ZELENSKYY", "Zelenskyy"] {
        let r = query(&index, q);
        assert_eq!(
            quotes(&r),
            ["Zelenskyy and I agreed to meet again in Selvik"],
            "{q}"
        );
    }
    // "Müller" is only in a speaker name; "Muller" is in Kalder's quotation.
    for q in ["muller", "Müller", "MÜLLER"] {
        let r = query(&index, q);
        assert_eq!(speakers(&r), ["Ines Kalder"], "{q}");
    }
}

// ---------------------------------------------------------------------------
// Phrases and adjacency

#[test]
fn an_exact_phrase_matches_only_adjacent_words_in_order() {
    let index = index_of(&corpus());
    let r = query(&index, "\"red line\"");
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Aldo Vance", "Teodor Halvik"]);
    // Quell's "red … line" is scattered; the reverse order is nowhere.
    assert_eq!(query(&index, "\"line red\"").total, 0);
    // Curly quotes make a phrase too.
    assert_eq!(query(&index, "“red line”").total, 2);
}

#[test]
fn two_bare_words_match_scattered_too() {
    let index = index_of(&corpus());
    let r = query(&index, "red line");
    assert_eq!(r.total, 3);
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Aldo Vance", "Mara Quell", "Teodor Halvik"]);
}

#[test]
fn adjacent_words_rank_above_a_scattered_hit_that_scores_higher() {
    let index = index_of(&corpus());
    // Without the adjacency tier (an OR at the top), Quell's short quotation
    // with "red" three times scores best.
    let plain = query(&index, "(red line) OR zzyzx");
    assert_eq!(plain.total, 3);
    assert_eq!(speakers(&plain)[0], "Mara Quell", "{:?}", speakers(&plain));
    // With two bare words, the hits holding them next to each other come
    // first.
    let r = query(&index, "red line");
    let order = speakers(&r);
    assert_eq!(order.len(), 3);
    assert_eq!(order[2], "Mara Quell", "{order:?}");
    let mut first_two = order[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["Aldo Vance", "Teodor Halvik"]);
}

// ---------------------------------------------------------------------------
// Operators

#[test]
fn minus_excludes_a_word() {
    let index = index_of(&corpus());
    let r = query(&index, "red -ink");
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Aldo Vance", "Teodor Halvik"]);
    assert_eq!(query(&index, "red NOT ink").total, 2);
    // Excluding a phrase.
    assert_eq!(
        speakers(&query(&index, "red -\"red line\"")),
        ["Mara Quell"]
    );
}

#[test]
fn or_finds_either_and_groups_nest() {
    let index = index_of(&corpus());
    let r = query(&index, "ceasefire OR dawn");
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Ines Kalder", "Jonas Müller"]);
    // (a OR b) c: "will" is in Vance's, Müller's and Kalder's quotations.
    let r = query(&index, "(ceasefire OR farmers) will");
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Aldo Vance", "Jonas Müller"]);
    let r = query(&index, "will -(ceasefire OR farmers)");
    assert_eq!(speakers(&r), ["Ines Kalder"]);
}

#[test]
fn speaker_filters_by_any_word_of_the_name_or_a_quoted_full_name() {
    let index = index_of(&corpus());
    assert_eq!(query(&index, "speaker:vance").total, 2);
    assert_eq!(query(&index, "speaker:Aldo").total, 2);
    assert_eq!(query(&index, "speaker:\"aldo vance\"").total, 2);
    assert_eq!(query(&index, "speaker:\"vance aldo\"").total, 0);
    // Case and diacritics fold in names too.
    assert_eq!(query(&index, "speaker:muller").total, 2);
    assert_eq!(query(&index, "speaker:MÜLLER").total, 2);
    // A filter narrows a text search.
    let r = query(&index, "negotiate speaker:muller");
    assert_eq!(quotes(&r), ["We will negotiate until there is a ceasefire"]);
    // Name groups.
    assert_eq!(query(&index, "speaker:(quell OR kalder)").total, 2);
    assert_eq!(query(&index, "red -speaker:quell").total, 2);
}

#[test]
fn outlet_filters() {
    let index = index_of(&corpus());
    let r = query(&index, "outlet:\"selvik courier\"");
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(
        found,
        ["Aldo Vance", "Aldo Vance", "Jonas Müller", "Jonas Müller"]
    );
    assert_eq!(query(&index, "red outlet:ledger").total, 1);
    assert_eq!(query(&index, "outlet:wire").total, 1);
}

#[test]
fn after_and_before_bound_the_publication_date() {
    let index = index_of(&corpus());
    // after: is inclusive of the first day; before: excludes it.
    assert_eq!(
        speakers(&query(&index, "after:2025-05-01")),
        ["Ines Kalder"]
    );
    assert_eq!(query(&index, "after:2025-05").total, 1);
    assert_eq!(query(&index, "after:2025-04-30").total, 3);
    let r = query(&index, "before:2025-03-05");
    assert_eq!(speakers(&r), ["Aldo Vance", "Aldo Vance"]);
    assert_eq!(query(&index, "after:2025-03-04 before:2025-04").total, 1);
    // An undated article passes no date filter.
    assert_eq!(query(&index, "speaker:halvik after:1900").total, 0);
    assert_eq!(query(&index, "speaker:halvik before:2100").total, 0);
}

// ---------------------------------------------------------------------------
// Request flags

#[test]
fn speaker_flags_are_alternatives_and_combine_with_the_query() {
    let index = index_of(&corpus());
    let one = search(&index, &SearchRequest::new("").speaker("quell").limit(100));
    assert_eq!(one.total, 1);
    let two = search(
        &index,
        &SearchRequest::new("")
            .speaker("quell")
            .speaker("Ines Kalder")
            .limit(100),
    );
    let mut found = speakers(&two);
    found.sort();
    assert_eq!(found, ["Ines Kalder", "Mara Quell"]);
    let r = search(
        &index,
        &SearchRequest::new("red").speaker("vance").speaker("halvik"),
    );
    assert_eq!(r.total, 2);
    // A full name given to the flag is the name, not either word.
    let r = search(&index, &SearchRequest::new("").speaker("aldo quell"));
    assert_eq!(r.total, 0);
}

#[test]
fn outlet_flags_are_alternatives() {
    let index = index_of(&corpus());
    let r = search(
        &index,
        &SearchRequest::new("")
            .outlet("bay wire")
            .outlet("lowmarsh ledger")
            .limit(100),
    );
    let mut found = speakers(&r);
    found.sort();
    assert_eq!(found, ["Ines Kalder", "Mara Quell", "Teodor Halvik"]);
}

#[test]
fn since_and_until_are_inclusive_and_until_a_month_covers_its_last_day() {
    let index = index_of(&corpus());
    let count = |since: Option<&str>, until: Option<&str>| {
        let mut r = SearchRequest::new("").limit(100);
        r.since = since.map(str::to_string);
        r.until = until.map(str::to_string);
        search(&index, &r).total
    };
    // Müller's article is dated 2025-04-30 at 21:15 UTC.
    assert_eq!(count(None, Some("2025-04")), 5);
    assert_eq!(count(None, Some("2025-04-30")), 5);
    assert_eq!(count(None, Some("2025-04-29")), 3);
    assert_eq!(count(Some("2025-04"), Some("2025-04")), 2);
    assert_eq!(count(Some("2025-03-05"), Some("2025-03-05")), 1);
    assert_eq!(count(Some("2025-05-01"), None), 1);
    assert_eq!(count(Some("2025"), Some("2025")), 6);
    assert_eq!(count(Some("2026"), None), 0);
}

#[test]
fn limit_caps_the_hits_but_the_total_is_counted_in_full() {
    let index = index_of(&corpus());
    let r = search(&index, &SearchRequest::new("").limit(2));
    assert_eq!(r.hits.len(), 2);
    assert_eq!(r.total, 7);
    let r = search(&index, &SearchRequest::new("red line").limit(1));
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.total, 3);
    assert_ne!(r.hits[0].speaker.as_deref(), Some("Mara Quell"));
    let r = search(&index, &SearchRequest::new("red").limit(0));
    assert!(r.hits.is_empty());
    assert_eq!(r.total, 3);
}

// ---------------------------------------------------------------------------
// Fragments and sentences

/// Lowmarsh Ledger, 2025-06-20 (the newest): Mara Quell quotes two words of
/// her own in passing.
const DEFICIT_FRAGMENT: &str =
    "Finance Minister Mara Quell presented the spring figures in Selvik on Friday.\n\n\
Ms Quell again pointed to the “structural deficit” left by her predecessor.";

/// Selvik Courier, 2025-06-12: the same words in a full sentence.
const DEFICIT_SENTENCE: &str = "Finance Minister Mara Quell spoke to the harbour council on Thursday.\n\n\
“We cannot close the structural deficit by cutting the ferry routes that the islands depend on,” Ms Quell said.";

/// Bay Wire, 2025-06-05: the same words in another full sentence.
const DEFICIT_ANSWER: &str =
    "Finance Minister Mara Quell answered questions in parliament on Wednesday.\n\n\
“The structural deficit is what ten years of promises cost us,” Ms Quell told members.";

fn deficit_corpus() -> Vec<Article> {
    vec![
        article(
            "deficit-fragment",
            "Quell blames her predecessor",
            Some("Lowmarsh Ledger"),
            Some("2025-06-20"),
            DEFICIT_FRAGMENT,
        ),
        article(
            "deficit-sentence",
            "Ferry routes safe, says Quell",
            Some("Selvik Courier"),
            Some("2025-06-12"),
            DEFICIT_SENTENCE,
        ),
        article(
            "deficit-answer",
            "Quell answers on the deficit",
            Some("Bay Wire"),
            Some("2025-06-05"),
            DEFICIT_ANSWER,
        ),
    ]
}

#[test]
fn full_sentences_rank_above_a_fragment_of_the_same_words() {
    let index = index_of(&deficit_corpus());
    for request in [
        SearchRequest::new("\"structural deficit\"").speaker("quell"),
        SearchRequest::new("structural deficit"),
        SearchRequest::new("deficit"),
    ] {
        let r = search(&index, &request);
        let found = quotes(&r);
        assert_eq!(r.total, 3, "{:?}: {found:?}", request.query);
        assert_eq!(speakers(&r), ["Mara Quell"; 3], "{found:?}");
        // The fragment is the newest and, by BM25 alone, the best scored.
        assert_eq!(
            found[2], "structural deficit",
            "{:?}: {found:?}",
            request.query
        );
        assert!(
            found[..2]
                .iter()
                .all(|q| q.split_whitespace().count() >= 10),
            "{:?}: {found:?}",
            request.query
        );
        assert!(r.hits[1].score > r.hits[2].score, "{found:?}");
    }
}

#[test]
fn sentences_of_eight_words_or_more_are_ranked_by_bm25_alone() {
    let index = index_of(&deficit_corpus());
    // Both sentences are long enough to keep their whole score: the
    // shorter one, where the words weigh more, comes first, although it
    // is the older.
    let r = search(
        &index,
        &SearchRequest::new("\"structural deficit\"").limit(2),
    );
    assert_eq!(
        quotes(&r),
        [
            "The structural deficit is what ten years of promises cost us",
            "We cannot close the structural deficit by cutting the ferry routes that the islands depend on",
        ]
    );
}

#[test]
fn without_words_to_score_the_newest_comes_first_whatever_its_length() {
    let index = index_of(&deficit_corpus());
    for request in [
        SearchRequest::new("").speaker("quell"),
        SearchRequest::new("-ferry"),
    ] {
        let r = search(&index, &request);
        let dates: Vec<Option<&str>> = r.hits.iter().map(|h| h.published.as_deref()).collect();
        let mut newest_first = dates.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, newest_first, "{:?}: {:?}", request.query, quotes(&r));
        assert_eq!(quotes(&r)[0], "structural deficit", "{:?}", request.query);
    }
}

// ---------------------------------------------------------------------------
// Ties, article hits, facets, highlights

const FERRY: &str = "“The crossing reopens at dawn,” Port Director Ines Kalder said.";

#[test]
fn equal_scores_are_ordered_newest_first_and_undated_last() {
    let mut articles = Vec::new();
    for (id, published) in [
        ("ferry-b", Some("2025-05-02")),
        ("ferry-none", None),
        ("ferry-c", Some("2025-05-03")),
        ("ferry-a", Some("2025-05-01")),
    ] {
        articles.push(article(
            id,
            "Ferry strike ends",
            Some("Bay Wire"),
            published,
            FERRY,
        ));
    }
    let index = index_of(&articles);
    let r = query(&index, "crossing");
    assert_eq!(r.total, 4);
    let dates: Vec<Option<&str>> = r.hits.iter().map(|h| h.published.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2025-05-03"),
            Some("2025-05-02"),
            Some("2025-05-01"),
            None
        ]
    );
    assert!(r.hits.windows(2).all(|w| w[0].score == w[1].score));
}

/// Enough copies of one quotation that tantivy skips blocks of postings
/// (128 documents each) when it ranks: the newest copy, a re-indexed one
/// and a better one must still be found, and the total must still count
/// every live copy once. The quotations are full sentences, which keep
/// their whole score: copies shorter than eight words would be kept at a
/// fraction of theirs, the threshold handed to tantivy would lie under
/// their unweighed score, and no block would be skipped.
#[test]
fn ranking_that_skips_postings_still_finds_the_best_and_newest_and_counts_all() {
    const COPIES: usize = 700;
    const SAILING: &str = "“The crossing reopens at dawn, and the first boat leaves at six,” Port Director Ines Kalder said.";
    let mut articles: Vec<Article> = (0..COPIES)
        .map(|i| {
            // Every copy is dated 2024 except one deep in the list.
            let published = if i == 450 {
                "2025-06-30".to_string()
            } else {
                format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)
            };
            article(
                &format!("ferry-{i}"),
                "Ferry strike ends",
                Some("Bay Wire"),
                Some(&published),
                SAILING,
            )
        })
        .collect();
    // A quotation with the word twice scores above all copies.
    articles.push(article(
        "ferry-best",
        "Crossing",
        Some("Bay Wire"),
        Some("2023-01-01"),
        "“The crossing stays open, and every crossing will run on time,” Port Director Ines Kalder said.",
    ));
    let index = NewsIndex::create_in_ram().expect("index in RAM");
    let mut writer = index.writer(&options()).expect("writer");
    for a in &articles {
        writer.add_article(a).expect("add article");
    }
    writer.commit().expect("commit");
    // Re-adding an article replaces it: its old copy is deleted.
    writer.add_article(&articles[3]).expect("re-add article");
    writer.commit().expect("commit");

    let r = search(&index, &SearchRequest::new("crossing").limit(3));
    assert_eq!(r.total, COPIES + 1);
    let articles_found: Vec<&str> = r.hits.iter().map(|h| h.article.as_str()).collect();
    assert_eq!(articles_found[0], "https://news.example/ferry-best");
    assert_eq!(articles_found[1], "https://news.example/ferry-450");
    assert_eq!(r.hits[2].published.as_deref(), Some("2024-12-28"));
    assert_eq!(r.hits[1].score, r.hits[2].score);

    // A phrase cannot skip blocks: it is ranked and counted in one walk,
    // with the same order and total.
    let r = search(&index, &SearchRequest::new("\"crossing reopens\"").limit(2));
    assert_eq!(r.total, COPIES);
    assert_eq!(r.hits[0].article, "https://news.example/ferry-450");
    assert_eq!(r.hits[1].published.as_deref(), Some("2024-12-28"));
    assert_eq!(r.hits[0].score, r.hits[1].score);
}

#[test]
fn articles_scope_adds_article_hits_with_a_highlighted_snippet_after_quotations() {
    let index = index_of(&corpus());
    let quotations_only = query(&index, "ferry");
    assert_eq!(quotations_only.total, 0);

    let r = search(&index, &SearchRequest::new("selvik").articles().limit(100));
    // Two quotations (Müller's, Halvik's) first, then the five articles,
    // all of which say "Selvik".
    let kinds: Vec<HitKind> = r.hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds[..2], [HitKind::Quotation; 2], "{:?}", quotes(&r));
    let articles: Vec<&Hit> = r
        .hits
        .iter()
        .filter(|h| h.kind == HitKind::Article)
        .collect();
    assert_eq!(articles.len(), 5, "{:?}", quotes(&r));
    assert_eq!(r.total, 7);
    assert!(r.hits[2..].iter().all(|h| h.kind == HitKind::Article));
    for hit in &articles {
        assert!(hit.quote.is_none());
        assert!(hit.speaker.is_none());
        let snippet = hit.snippet.as_deref().unwrap_or("");
        assert!(!snippet.is_empty());
        assert!(!hit.highlights.is_empty(), "{snippet}");
        for word in marked(hit) {
            assert!(
                word == "Selvik" || word == "Selvik’s",
                "{word:?} in {snippet:?}"
            );
        }
    }
    // Quotations only unless asked.
    assert_eq!(SearchRequest::new("selvik").scope, Scope::Quotations);
    assert_eq!(
        SearchRequest::new("selvik").articles().scope,
        Scope::Articles
    );
}

#[test]
fn a_quotation_hit_ranks_above_an_article_hit_for_the_same_words() {
    // The article text says "dawn" many times; the quotation once, in a long
    // quotation: by score alone the article would come first.
    let body = "Dawn, dawn, dawn: the ferry crews have counted the dawns since the strike began.\n\n\
“We said from the start that the boats would sail again one morning soon, once the offer was fair, at dawn,” Port Director Ines Kalder said.";
    let index = index_of(&[article(
        "dawn",
        "Dawn sailing",
        Some("Bay Wire"),
        Some("2025-05-02"),
        body,
    )]);
    let r = search(&index, &SearchRequest::new("dawn").articles());
    let kinds: Vec<HitKind> = r.hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [HitKind::Quotation, HitKind::Article]);
    let article_hit = &r.hits[1];
    assert!(
        article_hit.score > r.hits[0].score,
        "the article should score higher on its own: {} vs {}",
        article_hit.score,
        r.hits[0].score
    );
    let words = marked(article_hit);
    assert!(words.len() >= 4, "{words:?}");
    assert!(
        words.iter().all(|w| w.to_lowercase().starts_with("dawn")),
        "{words:?}"
    );
}

#[test]
fn snippet_of_a_long_article_windows_the_match_and_highlights_stay_inside_it() {
    let filler =
        "The council met for its weekly session and discussed the harbour budget at length. "
            .repeat(12);
    let body = format!(
        "{filler}\n\nThe lighthouse keeper on Varn Island reported a storm.\n\n{filler}\n\n“We are ready,” Port Director Ines Kalder said."
    );
    let index = index_of(&[article(
        "varn",
        "Storm on Varn",
        Some("Bay Wire"),
        Some("2025-05-02"),
        &body,
    )]);
    let r = search(&index, &SearchRequest::new("lighthouse").articles());
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.kind, HitKind::Article);
    let snippet = hit.snippet.as_deref().unwrap_or("");
    assert!(snippet.len() < body.len() / 2, "{snippet}");
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet}"
    );
    assert_eq!(marked(hit), ["lighthouse"]);
}

#[test]
fn facets_count_every_hit_by_speaker_and_outlet() {
    let index = index_of(&corpus());
    let r = search(
        &index,
        &SearchRequest::new("")
            .limit(1)
            .facet(FacetField::Speaker)
            .facet(FacetField::Outlet),
    );
    assert_eq!(r.facets.len(), 2);
    let by_speaker = &r.facets[0];
    assert_eq!(by_speaker.field, Some(FacetField::Speaker));
    let counts: Vec<(&str, u64)> = by_speaker
        .counts
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .collect();
    assert_eq!(
        counts,
        [
            ("Aldo Vance", 2),
            ("Jonas Müller", 2),
            ("Ines Kalder", 1),
            ("Mara Quell", 1),
            ("Teodor Halvik", 1),
        ]
    );
    assert_eq!(by_speaker.missing, 0);
    let by_outlet = &r.facets[1];
    assert_eq!(by_outlet.field, Some(FacetField::Outlet));
    let counts: Vec<(&str, u64)> = by_outlet
        .counts
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .collect();
    assert_eq!(
        counts,
        [
            ("Selvik Courier", 4),
            ("Lowmarsh Ledger", 2),
            ("Bay Wire", 1)
        ]
    );
    // Facets follow the query.
    let r = search(&index, &SearchRequest::new("red").facet(FacetField::Outlet));
    let counts: Vec<(&str, u64)> = r.facets[0]
        .counts
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .collect();
    assert_eq!(
        counts,
        [
            ("Bay Wire", 1),
            ("Lowmarsh Ledger", 1),
            ("Selvik Courier", 1)
        ]
    );
}

#[test]
fn facets_count_unattributed_quotations_as_missing() {
    let index = NewsIndex::create_in_ram().expect("index");
    let mut writer = index.writer(&options()).expect("writer");
    let body =
        "Protesters outside the hall held signs reading “keep the ferry running” on Tuesday.";
    let start = body.find('“').unwrap_or(0);
    let end = body.find('”').map_or(body.len(), |i| i + '”'.len_utf8());
    let mut quotation = Quotation::new("keep the ferry running", start, end);
    quotation.parts = vec![(start + '“'.len_utf8(), end - '”'.len_utf8())];
    writer
        .add_article_with_quotations(
            &article(
                "signs",
                "Ferry protest",
                Some("Bay Wire"),
                Some("2025-05-02"),
                body,
            ),
            &[quotation],
        )
        .expect("add");
    writer.commit().expect("commit");
    let r = search(
        &index,
        &SearchRequest::new("ferry").facet(FacetField::Speaker),
    );
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].speaker, None);
    assert!(r.facets[0].counts.is_empty());
    assert_eq!(r.facets[0].missing, 1);
}

#[test]
fn highlights_cover_exactly_the_matched_words_of_the_quote() {
    let index = index_of(&corpus());
    let r = query(&index, "negotiate");
    for hit in &r.hits {
        let words = marked(hit);
        assert_eq!(words.len(), 1, "{:?}", hit.quote);
        assert!(words[0].starts_with("negotiat"), "{words:?}");
    }
    let r = query(&index, "red line");
    let quell = r
        .hits
        .iter()
        .find(|h| h.speaker.as_deref() == Some("Mara Quell"))
        .expect("Quell's hit");
    assert_eq!(marked(quell), ["Red", "red", "red", "line"]);
    // Folded and possessive forms: the highlight is the word as written.
    let r = query(&index, "selvik");
    let halvik = r
        .hits
        .iter()
        .find(|h| h.speaker.as_deref() == Some("Teodor Halvik"))
        .expect("Halvik's hit");
    assert_eq!(marked(halvik), ["Selvik’s"]);
    let r = query(&index, "muller");
    assert_eq!(marked(&r.hits[0]), ["Muller"]);
    // Excluded words and filters are not marked.
    let r = query(&index, "red -ink speaker:vance");
    assert_eq!(marked(&r.hits[0]), ["red"]);
    // A filter alone marks nothing.
    let r = query(&index, "speaker:quell");
    assert!(r.hits[0].highlights.is_empty());
}

#[test]
fn a_phrase_highlights_only_the_words_where_the_phrase_matched() {
    let body = "“Red ink is one thing, but this is a red line,” Finance Minister Mara Quell said.";
    let index = index_of(&[article("ink", "Red ink", None, None, body)]);
    let r = query(&index, "\"red line\"");
    assert_eq!(r.total, 1);
    let quote = r.hits[0].quote.as_deref().unwrap_or("");
    let second_red = quote.rfind("red").unwrap_or(0);
    assert_eq!(
        r.hits[0].highlights,
        [
            (second_red, second_red + 3),
            (second_red + 4, second_red + 8)
        ],
        "{:?}",
        marked(&r.hits[0])
    );
}

#[test]
fn hits_carry_the_article_fields() {
    let index = index_of(&corpus());
    let r = query(&index, "ceasefire");
    assert_eq!(r.hits.len(), 1);
    let hit = &r.hits[0];
    assert_eq!(hit.kind, HitKind::Quotation);
    assert_eq!(hit.speaker.as_deref(), Some("Jonas Müller"));
    assert_eq!(hit.speaker_mention.as_deref(), Some("Mr Müller"));
    assert_eq!(hit.outlet.as_deref(), Some("Selvik Courier"));
    assert_eq!(
        hit.title.as_deref(),
        Some("Chancellor meets Zelenskyy in Brennhof")
    );
    assert_eq!(hit.published.as_deref(), Some("2025-04-30"));
    assert_eq!(hit.url.as_deref(), Some("https://news.example/muller"));
    assert_eq!(hit.article, "https://news.example/muller");
    assert!(hit
        .context
        .as_deref()
        .is_some_and(|c| c.contains("Mr Müller told reporters")));
    assert!(hit.score > 0.0);
}

// ---------------------------------------------------------------------------
// Errors

#[test]
fn malformed_queries_and_flags_are_errors_with_a_place() {
    let index = index_of(&corpus());
    let e = error(&index, &SearchRequest::new("speaker:("));
    assert!(matches!(e, QueryError::Parse(_)), "{e:?}");
    assert_eq!(e.position(), Some(9));
    let e = error(&index, &SearchRequest::new("red \"unclosed"));
    assert!(matches!(e, QueryError::Parse(_)), "{e:?}");
    assert_eq!(e.position(), Some(4));
    assert!(e.to_string().contains("unclosed quote"), "{e}");
    let e = error(&index, &SearchRequest::new("foo:bar"));
    assert!(e.to_string().contains("unknown field 'foo'"), "{e}");
    let e = error(&index, &SearchRequest::new("red —"));
    assert!(matches!(e, QueryError::NothingToSearch { .. }), "{e:?}");
    assert_eq!(e.position(), Some(4));
    let e = error(&index, &SearchRequest::new("red").since("2025-13"));
    assert!(
        matches!(
            e,
            QueryError::Flag {
                flag: "--since",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("month 13"), "{e}");
    assert_eq!(e.position(), None);
    let e = error(&index, &SearchRequest::new("red").until("last week"));
    assert!(
        matches!(
            e,
            QueryError::Flag {
                flag: "--until",
                ..
            }
        ),
        "{e:?}"
    );
}

// ---------------------------------------------------------------------------
// Seeing new commits

#[test]
fn a_searcher_sees_a_new_commit_after_reload() {
    let index = index_of(&corpus());
    let searcher = NewsSearcher::new(&index).expect("searcher");
    let request = SearchRequest::new("lighthouse");
    assert_eq!(searcher.search(&request).expect("search").total, 0);
    let mut writer = index.writer(&options()).expect("writer");
    writer
        .add_article(&article(
            "varn",
            "Storm on Varn",
            Some("Bay Wire"),
            Some("2025-05-03"),
            "“The lighthouse stood through the night,” Mayor Oren Dahl said.",
        ))
        .expect("add");
    writer.commit().expect("commit");
    assert_eq!(searcher.search(&request).expect("search").total, 0);
    searcher.reload().expect("reload");
    let r = searcher.search(&request).expect("search");
    assert_eq!(speakers(&r), ["Oren Dahl"]);
}

#[test]
fn two_words_that_are_never_adjacent_are_found_scattered() {
    let index = index_of(&[article(
        "kalder",
        "Ferry strike ends",
        Some("Lowmarsh Ledger"),
        Some("2025-05-01"),
        KALDER,
    )]);
    let r = query(&index, "crossing dawn");
    assert_eq!(r.total, 1);
    assert_eq!(speakers(&r), ["Ines Kalder"]);
    assert_eq!(marked(&r.hits[0]), ["crossing", "dawn"]);
}

#[test]
fn ties_and_facets_hold_across_segments() {
    // One commit per article: three segments.
    let index = NewsIndex::create_in_ram().expect("index");
    let mut writer = index.writer(&options()).expect("writer");
    for (id, outlet, published) in [
        ("ferry-b", "Selvik Courier", "2025-05-02"),
        ("ferry-c", "Selvik Courier", "2025-05-03"),
        ("ferry-a", "Bay Wire", "2025-05-01"),
    ] {
        writer
            .add_article(&article(
                id,
                "Ferry strike ends",
                Some(outlet),
                Some(published),
                FERRY,
            ))
            .expect("add");
        writer.commit().expect("commit");
    }
    let r = search(
        &index,
        &SearchRequest::new("crossing").facet(FacetField::Outlet),
    );
    let dates: Vec<Option<&str>> = r.hits.iter().map(|h| h.published.as_deref()).collect();
    assert_eq!(
        dates,
        [Some("2025-05-03"), Some("2025-05-02"), Some("2025-05-01")]
    );
    let counts: Vec<(&str, u64)> = r.facets[0]
        .counts
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .collect();
    assert_eq!(counts, [("Selvik Courier", 2), ("Bay Wire", 1)]);
}

#[test]
fn snippets_of_text_with_multibyte_characters_cut_on_character_boundaries() {
    let mut articles = Vec::new();
    for n in 0..40 {
        let filler = "é ".repeat(n) + &"Zürich’s ñandú café — ".repeat(n % 7 + 5);
        let body = format!(
            "{filler} the lighthouse on Varn {filler} lighthouse keepers ÿ{}\n\n“We are ready,” Mayor Oren Dahl said.",
            "ü".repeat(n)
        );
        articles.push(article(
            &format!("varn-{n}"),
            "Storm",
            None,
            Some("2025-01-01"),
            &body,
        ));
    }
    let index = index_of(&articles);
    let r = search(
        &index,
        &SearchRequest::new("lighthouse").articles().limit(100),
    );
    assert_eq!(r.hits.len(), 40);
    for hit in &r.hits {
        // marked() checks that every highlight is a slice of the snippet.
        let words = marked(hit);
        assert!(!words.is_empty(), "{:?}", hit.snippet);
        assert!(words.iter().all(|w| *w == "lighthouse"), "{words:?}");
    }
}

#[test]
fn hits_that_rank_equal_come_in_the_same_order_whatever_the_indexing_order() {
    // Three undated quotations of one length, each with the word once: equal
    // scores. Indexed in two orders, they must be listed alike.
    let bodies = [
        "“The ferry will sail on Monday,” said Ansel Brook.",
        "“The ferry will dock on Friday,” said Ansel Brook.",
        "“The ferry will wait on Sunday,” said Ansel Brook.",
    ];
    let articles: Vec<Article> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| article(&format!("tie-{i}"), "Ferry", None, None, body))
        .collect();
    let mut reversed = articles.clone();
    reversed.reverse();
    let order = |articles: &[Article]| {
        let results = query(&index_of(articles), "ferry");
        let scores: Vec<f32> = results.hits.iter().map(|h| h.score).collect();
        assert!(scores.windows(2).all(|w| w[0] == w[1]), "{scores:?}");
        quotes(&results)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let forward = order(&articles);
    assert_eq!(forward.len(), 3);
    assert_eq!(forward, order(&reversed));
}
