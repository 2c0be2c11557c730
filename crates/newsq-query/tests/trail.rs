//! Quote trails through the library: the versions of one statement across
//! articles grouped, earliest first, with the words that changed; and what
//! must not be grouped.
//!
//! The articles (tests/fixtures/trail) are invented: the people, countries
//! and outlets are fictional.

use std::path::{Path, PathBuf};

use newsq_core::index::{article_key, NewsIndex, WriterOptions};
use newsq_core::quote::StatementKind;
use newsq_core::Article;
use newsq_query::{EditKind, HitKind, NewsSearcher, QuoteGroup, SearchRequest};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trail")
}

/// The fixture articles named, with outlet and date from meta.tsv.
fn articles(names: &[&str]) -> Vec<Article> {
    let meta = std::fs::read_to_string(fixtures().join("meta.tsv")).expect("meta.tsv");
    meta.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let (file, outlet, date) = (cells.next()?, cells.next()?, cells.next()?);
            names.iter().any(|n| file.starts_with(n)).then(|| {
                let text = std::fs::read_to_string(fixtures().join(file)).expect("fixture");
                // Headline first, as the plain-text reader takes it.
                let (headline, body) = text.split_once("\n\n").expect("a headline");
                let mut article = Article::from_body(file, body);
                article.title = Some(headline.to_string());
                article.outlet = Some(outlet.to_string());
                article.published = Some(date.to_string());
                article
            })
        })
        .collect()
}

fn add(index: &NewsIndex, articles: &[Article]) {
    let mut writer = index.writer(&WriterOptions::default()).expect("a writer");
    for article in articles {
        writer.add_article(article).expect("article added");
    }
    writer.commit().expect("commit");
}

fn index_of(names: &[&str]) -> NewsIndex {
    let index = NewsIndex::create_in_ram().expect("an index in memory");
    add(&index, &articles(names));
    index
}

fn all() -> NewsIndex {
    index_of(&["t1", "t2", "t3", "t4", "t5"])
}

fn trail(index: &NewsIndex, request: SearchRequest) -> Vec<QuoteGroup> {
    NewsSearcher::new(index)
        .and_then(|s| s.trail(&request))
        .expect("trail runs")
        .groups
}

/// The one group whose members include a quotation with these words.
fn group_with(groups: &[QuoteGroup], words: &str) -> QuoteGroup {
    let found: Vec<&QuoteGroup> = groups
        .iter()
        .filter(|g| g.members.iter().any(|m| m.quote.contains(words)))
        .collect();
    assert_eq!(found.len(), 1, "groups holding {words:?}: {groups:#?}");
    found[0].clone()
}

fn files(group: &QuoteGroup) -> Vec<&str> {
    group
        .members
        .iter()
        .map(|m| m.article.split('#').next().unwrap_or(""))
        .collect()
}

#[test]
fn a_quotation_and_its_longer_version_are_one_statement_and_other_speakers_stay_apart() {
    let groups = trail(&all(), SearchRequest::new("\"devil is in the details\""));
    let saltan = group_with(&groups, "There are no deadlines");
    assert_eq!(saltan.speaker.as_deref(), Some("Yuri Saltan"));
    assert_eq!(saltan.articles, 2);
    assert_eq!(
        files(&saltan),
        ["t2-no-deadlines.txt", "t3-edge-toward-talks.txt"]
    );
    assert_eq!(saltan.outlets, ["The Coastal Courier", "Northgate Post"]);
    assert!(!saltan.differs);
    assert!(saltan.variants.is_empty());
    assert!(saltan.members[1].partial);
    // The mayor says the same words: another statement.
    let mayor: Vec<&QuoteGroup> = groups
        .iter()
        .filter(|g| g.speaker.as_deref() == Some("Ada Quill"))
        .collect();
    assert_eq!(mayor.len(), 1);
    assert_eq!(mayor[0].articles, 1);
}

#[test]
fn a_changed_phrase_is_flagged_with_who_wrote_which_words() {
    let groups = trail(&all(), SearchRequest::new("remove the root causes"));
    let group = group_with(&groups, "the quarrel");
    assert_eq!(group.speaker.as_deref(), Some("Ilya Dorogov"));
    // t1 reports the statement in its own words beside its quotation of part
    // of it: listed first (the same article, earlier in it), compared with
    // nothing, changing nothing.
    assert_eq!(
        files(&group),
        [
            "t1-brooke-call.txt",
            "t1-brooke-call.txt",
            "t2-no-deadlines.txt",
            "t3-edge-toward-talks.txt"
        ]
    );
    let reported = &group.members[0];
    assert_eq!(reported.kind, StatementKind::Reported);
    assert!(!reported.differs && !reported.partial && reported.edits.is_empty());
    let mut without_reported = group.clone();
    without_reported.members = group.members[1..].to_vec();
    without_reported.reference = group.reference - 1;
    let group = &without_reported;
    assert!(group.differs);
    assert_eq!(group.variants.len(), 1);
    let readings = &group.variants[0].readings;
    assert_eq!(readings[0].words, "this dispute");
    assert_eq!(readings[0].quotations.len(), 2);
    assert_eq!(readings[1].words, "the quarrel");
    assert_eq!(readings[1].quotations, [group.members[2].id.clone()]);
    let changed = &group.members[2];
    assert!(changed.differs);
    assert_eq!(changed.edits.len(), 1);
    assert_eq!(changed.edits[0].kind, EditKind::Replaced);
    assert_eq!(changed.edits[0].version, "the quarrel");
    let (start, end) = changed.edits[0].at;
    assert_eq!(&changed.quote[start..end], "the quarrel");
    // The full sentence of t2 is the reference: t1 quotes part of it.
    assert_eq!(group.reference, 1);
    assert!(group.members[0].partial && !group.members[0].differs);
    // The two-word fragment of the day before is not this statement.
    assert!(!group.members.iter().any(|m| m.quote == "root causes"));
}

#[test]
fn three_cuts_of_one_sentence_are_one_statement_earliest_first() {
    let groups = trail(&all(), SearchRequest::new("nobody else could know"));
    assert_eq!(groups.len(), 1);
    let group = &groups[0];
    assert_eq!(group.speaker.as_deref(), Some("Harlan Brooke"));
    assert_eq!(group.articles, 3);
    let dates: Vec<_> = group
        .members
        .iter()
        .map(|m| m.published.as_deref())
        .collect();
    // Three quotations and the two reports around them (t1 and t3 give the
    // words in a clause of their own).
    assert_eq!(
        dates,
        [
            Some("2026-03-02"),
            Some("2026-03-02"),
            Some("2026-03-02"),
            Some("2026-03-03"),
            Some("2026-03-03")
        ]
    );
    let kinds: Vec<StatementKind> = group.members.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|&&k| k == StatementKind::Reported)
            .count(),
        2
    );
    assert_eq!(
        group.members[group.reference].kind,
        StatementKind::Quotation
    );
    // The group's id is a version's, and finds the whole group again.
    assert!(group.contains(&group.id));
    // The reports' other words make no difference.
    assert!(!group.differs);
}

#[test]
fn quotations_sharing_common_words_are_not_grouped() {
    let index = all();
    for query in ["\"peace talks\"", "\"the war\""] {
        let groups = trail(&index, SearchRequest::new(query));
        assert!(groups.len() >= 2, "{query}");
        for group in &groups {
            assert_eq!(group.members.len(), 1, "{query}: {group:#?}");
        }
    }
}

#[test]
fn an_elision_is_no_change_and_a_fragment_joins_its_quotation_in_the_same_article() {
    let groups = trail(&all(), SearchRequest::new("begin talks toward a truce"));
    let group = group_with(&groups, "more importantly");
    assert_eq!(group.articles, 2);
    assert_eq!(group.members.len(), 3);
    assert!(group.members.iter().any(|m| m.quote == "immediately"));
    let elided = group
        .members
        .iter()
        .find(|m| m.quote.contains('…'))
        .expect("the elided version is a member");
    assert!(!elided.differs);
    assert_eq!(elided.edits[0].kind, EditKind::Elided);
    assert!(!group.differs);
}

#[test]
fn a_group_grows_as_articles_are_indexed_and_follows_a_replaced_article() {
    let index = index_of(&["t1", "t2", "t3", "t4"]);
    let request = || SearchRequest::new("begin talks toward a truce");
    assert_eq!(trail(&index, request())[0].articles, 1);
    add(&index, &articles(&["t5"]));
    assert_eq!(trail(&index, request())[0].articles, 2);

    let quarrel = || SearchRequest::new("remove the root causes");
    assert!(group_with(&trail(&index, quarrel()), "the quarrel").differs);
    // A corrected article replaces the old one, as `newsq index` does
    // when a file changes.
    let mut corrected = articles(&["t3"]);
    let mut writer = index.writer(&WriterOptions::default()).expect("a writer");
    writer.delete_article(&article_key(&corrected[0]));
    corrected[0].body = corrected[0]
        .body
        .replace("of the quarrel", "of this dispute");
    writer.add_article(&corrected[0]).expect("article added");
    writer.commit().expect("commit");
    let group = group_with(&trail(&index, quarrel()), "The main task");
    assert_eq!(group.articles, 3);
    assert!(!group.differs);
}

#[test]
fn a_quotation_id_from_a_hit_gives_its_group() {
    let index = all();
    let searcher = NewsSearcher::new(&index).expect("searcher");
    let hits = searcher
        .search(&SearchRequest::new("\"root causes of the quarrel\""))
        .expect("search")
        .hits;
    let id = hits[0].id.clone().expect("quotation hits have an id");
    let by_id = searcher
        .trail(&SearchRequest::new(id.clone()))
        .expect("trail");
    assert_eq!(by_id.groups.len(), 1);
    assert_eq!(by_id.groups[0].articles, 3);
    assert!(by_id.groups[0].contains(&id));
    let group = searcher.group_of(&id).expect("lookup").expect("a group");
    assert_eq!(group.id, by_id.groups[0].id);
    assert!(searcher
        .group_of("00000000000000ff")
        .expect("lookup")
        .is_none());
}

#[test]
fn grouped_search_folds_versions_into_one_hit_and_counts_statements() {
    let index = all();
    let searcher = NewsSearcher::new(&index).expect("searcher");
    let plain = searcher
        .search(&SearchRequest::new("").speaker("brooke").limit(50))
        .expect("search");
    let grouped = searcher
        .search(&SearchRequest::new("").speaker("brooke").grouped().limit(50))
        .expect("search");
    // Eight quotations and three statements reported in the articles' words.
    assert_eq!(plain.hits.len(), 11);
    assert_eq!(
        plain
            .hits
            .iter()
            .filter(|h| h.kind == HitKind::Reported)
            .count(),
        3
    );
    // Five versions of "they know details" (two reported), three of the
    // truce post, and the report that talks would begin "immediately" (its
    // other words are the writer's: no version of the post).
    assert_eq!(grouped.hits.len(), 5);
    assert_eq!(grouped.total, plain.total);
    let details = grouped
        .hits
        .iter()
        .find(|h| {
            h.quote
                .as_deref()
                .is_some_and(|q| q.contains("nobody else"))
        })
        .and_then(|h| h.group.clone())
        .expect("a grouped hit");
    assert_eq!(details.articles, 3);
    assert_eq!(
        details.outlets,
        ["Meridian Wire", "The Coastal Courier", "Northgate Post"]
    );
    let limited = searcher
        .search(&SearchRequest::new("").speaker("brooke").grouped().limit(2))
        .expect("search");
    assert_eq!(limited.hits.len(), 2);
    assert_ne!(limited.hits[0].group, limited.hits[1].group);
}

#[test]
fn a_group_id_stays_when_dates_and_outlets_change_and_opens_the_same_group() {
    let members = |group: &QuoteGroup| {
        let mut ids: Vec<String> = group.members.iter().map(|m| m.id.clone()).collect();
        ids.sort();
        ids
    };
    let groups_of = |index: &NewsIndex| {
        let mut groups = trail(index, SearchRequest::new("").limit(50));
        groups.retain(|g| g.members.len() > 1);
        groups.sort_by(|a, b| a.id.cmp(&b.id));
        groups
    };
    let dated = all();
    // The same articles with no outlet and the dates reversed: the
    // earliest version of each statement is another one now.
    let redated = NewsIndex::create_in_ram().expect("an index in memory");
    let mut changed = articles(&["t1", "t2", "t3", "t4", "t5"]);
    for article in &mut changed {
        article.outlet = None;
        let day: u32 = article
            .published
            .as_deref()
            .and_then(|d| d.get(8..10))
            .and_then(|d| d.parse().ok())
            .expect("a fixture date");
        article.published = Some(format!("2026-03-{:02}", 10 - day));
    }
    add(&redated, &changed);

    let before = groups_of(&dated);
    let after = groups_of(&redated);
    assert!(before.len() >= 3, "{before:#?}");
    assert_eq!(before.len(), after.len());
    assert!(before
        .iter()
        .zip(&after)
        .any(|(a, b)| a.members[0].id != b.members[0].id));
    for (a, b) in before.iter().zip(&after) {
        let quotes =
            |g: &QuoteGroup| -> Vec<String> { g.members.iter().map(|m| m.quote.clone()).collect() };
        assert_eq!(members(a), members(b), "{:#?}", (quotes(a), quotes(b)));
        assert_eq!(a.id, b.id);
        // Searched from, the id finds the whole group.
        let searcher = NewsSearcher::new(&dated).expect("searcher");
        let again = searcher.group_of(&a.id).expect("lookup").expect("a group");
        assert_eq!(members(&again), members(a), "{:#?}", quotes(a));
    }
}
