//! Speakers and outlets as entities, through the library: one person under
//! every spelling, two people with one surname kept apart, outlets by name,
//! web address and acronym, aliases, and names in free text.
//!
//! The articles are invented: people, places and outlets are fictional.

use newsq_core::index::{NewsIndex, WriterOptions};
use newsq_core::Article;
use newsq_query::entity::{AliasEntry, Aliases};
use newsq_query::{FacetField, NewsSearcher, SearchRequest, SearchResults};
use tantivy::Directory;

/// One president spelled three ways across three outlets' spellings of one
/// outlet; the other president and his spokesman; two people named Marsh
/// and an article that names only "Marsh".
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "a1.txt",
        "The Harbour Herald UK",
        "Volkonsky and Zarechny agree to talks\n\n\
         President Arkady Volkonsky spoke with President Dmytro Zarechny by phone on Monday, the first call between the two leaders this year.\n\n\
         “We are ready to talk without conditions,” President Dmytro Zarechny said after the call.\n\n\
         “Nothing is agreed until everything is agreed,” Mr Volkonsky said.\n\n\
         “The call lasted two hours and was businesslike,” Pavel Gromov, Mr Volkonsky’s spokesman, told reporters.\n",
    ),
    (
        "a2.txt",
        "harbourherald.co.uk",
        "Zarechniy demands open grain corridor\n\n\
         President Dmytro Zarechniy used his evening address to defend the grain corridor.\n\n\
         “The harvest corridor must stay open, whatever Moravsk says,” Zarechniy said on Tuesday.\n",
    ),
    (
        "a3.txt",
        "The Harbour Herald",
        "Volkonsky sees ceasefire by spring\n\n\
         Arkady Volkonsky spoke of a ceasefire on Wednesday, a day after Mr Zarechnyy called for talks.\n\n\
         “A ceasefire is possible by spring,” Arkady Volkonsky told reporters in Moravsk.\n\n\
         “Those who doubt us will see,” he added.\n",
    ),
    (
        "a5.txt",
        "LFL",
        "Marsh sets out harbour plan\n\n\
         Transport Secretary Ellen Marsh set out a plan for the harbour on Thursday.\n\n\
         “Every ferry will run on time by June,” Ellen Marsh said.\n",
    ),
    (
        "a6.txt",
        "lfl.com",
        "Marsh wins the regatta\n\n\
         Tobias Marsh, the sailor, won the Lowmarsh regatta for a third time.\n\n\
         “The wind was kind to us today,” Tobias Marsh said at the quay.\n",
    ),
    (
        "a7.txt",
        "Lowmarsh Financial Ledger",
        "Harbour plan questioned\n\n\
         Critics questioned the harbour plan on Friday.\n\n\
         “We stand by every word of it,” Ms Marsh said.\n",
    ),
];

fn index_of(names: &[&str]) -> NewsIndex {
    let index = NewsIndex::create_in_ram().expect("an index in memory");
    add(&index, names);
    index
}

fn add(index: &NewsIndex, names: &[&str]) {
    let mut writer = index.writer(&WriterOptions::default()).expect("a writer");
    for (name, outlet, body) in ARTICLES.iter().filter(|a| names.contains(&a.0)) {
        let mut article = Article::from_body(*name, *body);
        article.outlet = Some(outlet.to_string());
        writer.add_article(&article).expect("article added");
    }
    writer.commit().expect("commit");
}

fn all() -> NewsIndex {
    index_of(&ARTICLES.iter().map(|a| a.0).collect::<Vec<_>>())
}

fn search(index: &NewsIndex, request: SearchRequest) -> SearchResults {
    NewsSearcher::new(index)
        .and_then(|s| s.search(&request.limit(50)))
        .expect("search runs")
}

fn speakers(results: &SearchResults) -> Vec<&str> {
    let mut names: Vec<&str> = results
        .hits
        .iter()
        .filter_map(|h| h.speaker.as_deref())
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn a_speaker_filter_finds_every_spelling_of_one_person() {
    let index = all();
    // "Zarechnyy" is a spelling no quotation's speaker uses.
    for name in [
        "zarechnyy",
        "Zarechny",
        "dmytro zarechniy",
        "Дмитро Заречний",
    ] {
        let results = search(&index, SearchRequest::new("").speaker(name));
        assert_eq!(
            speakers(&results),
            ["Dmytro Zarechniy", "Dmytro Zarechny"],
            "{name}"
        );
        assert_eq!(results.names.len(), 1);
        assert!(!results.names[0].is_ambiguous(), "{name}");
        let entity = results.hits[0].speaker_entity.clone();
        assert!(results.hits.iter().all(|h| h.speaker_entity == entity));
    }
}

#[test]
fn a_leaders_surname_never_matches_his_spokesman() {
    let results = search(&all(), SearchRequest::new("").speaker("volkonsky"));
    assert_eq!(
        speakers(&results),
        ["Arkady Volkonsky", "Arkady Volkonsky", "Arkady Volkonsky"]
    );
    let results = search(&all(), SearchRequest::new("speaker:gromov"));
    assert_eq!(speakers(&results), ["Pavel Gromov"]);
}

#[test]
fn two_people_with_one_surname_stay_apart_and_a_bare_surname_says_it_is_ambiguous() {
    let index = all();
    let results = search(&index, SearchRequest::new("").speaker("marsh"));
    assert_eq!(speakers(&results), ["Ellen Marsh", "Marsh", "Tobias Marsh"]);
    let found = &results.names[0];
    assert!(found.is_ambiguous());
    assert_eq!(found.matches.len(), 3);
    for name in ["Ellen Marsh", "Tobias Marsh", "Marsh"] {
        assert!(
            found.matches.iter().any(|m| m == name),
            "{:?}",
            found.matches
        );
    }

    let results = search(&index, SearchRequest::new("").speaker("Ellen Marsh"));
    assert_eq!(speakers(&results), ["Ellen Marsh"]);
    assert_eq!(results.names[0].matches, ["Ellen Marsh"]);

    let listed = NewsSearcher::new(&index)
        .and_then(|s| s.speaker_list("marsh"))
        .expect("list");
    let bare = listed
        .iter()
        .find(|r| r.name == "Marsh")
        .expect("bare Marsh listed");
    assert_eq!(bare.may_be, ["Ellen Marsh", "Tobias Marsh"]);
}

#[test]
fn an_unknown_name_matches_nothing_and_suggests_the_closest() {
    let results = search(&all(), SearchRequest::new("").speaker("zarecny"));
    assert_eq!(results.total, 0);
    let found = &results.names[0];
    assert!(found.is_unknown());
    assert_eq!(found.suggestions.len(), 1);
    assert!(
        found.suggestions[0].starts_with("Dmytro Zarechn"),
        "{:?}",
        found.suggestions
    );
}

#[test]
fn outlets_match_by_name_web_address_and_acronym() {
    let index = all();
    let herald = |name: &str| search(&index, SearchRequest::new("").outlet(name)).total;
    // a1 (3 quotations), a2 (1), a3 (2).
    for name in [
        "The Harbour Herald",
        "harbour herald uk",
        "https://www.harbourherald.co.uk/",
    ] {
        assert_eq!(herald(name), 6, "{name}");
    }
    // a5, a6, a7: "LFL" and lfl.com are the Lowmarsh Financial Ledger.
    for name in ["lfl", "Lowmarsh Financial Ledger", "lfl.com"] {
        assert_eq!(herald(name), 3, "{name}");
    }
    let outlets = NewsSearcher::new(&index)
        .and_then(|s| s.outlet_list(""))
        .expect("list");
    let names: Vec<&str> = outlets.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["The Harbour Herald", "Lowmarsh Financial Ledger"]);
    assert_eq!(outlets[0].articles, Some(3));
    assert_eq!(outlets[0].spellings.len(), 3);
}

#[test]
fn a_name_in_free_text_matches_its_other_spellings() {
    let results = search(&all(), SearchRequest::new("zarechnyy").articles());
    let mut paths: Vec<&str> = results.hits.iter().map(|h| h.article.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), 3, "{paths:?}");
    for hit in &results.hits {
        let text = hit
            .snippet
            .as_deref()
            .or(hit.quote.as_deref())
            .unwrap_or("");
        let marked: Vec<&str> = hit.highlights.iter().map(|&(a, b)| &text[a..b]).collect();
        assert!(
            marked.iter().all(|m| m.starts_with("Zarechn")) && !marked.is_empty(),
            "{marked:?} in {text}"
        );
    }
    // An ordinary word is not widened: "marsh" is a name word, but
    // "marshes" and "lowmarsh" are other words.
    let results = search(&all(), SearchRequest::new("ready"));
    assert_eq!(results.total, 1);
}

#[test]
fn facets_count_each_person_once_whatever_the_spelling() {
    let results = search(&all(), SearchRequest::new("").facet(FacetField::Speaker));
    let counts = &results.facets[0].counts;
    let zarechny: Vec<_> = counts
        .iter()
        .filter(|(name, _)| name.starts_with("Dmytro Zarechn"))
        .collect();
    assert_eq!(zarechny.len(), 1, "{counts:?}");
    assert_eq!(zarechny[0].1, 2);
}

#[test]
fn grouping_follows_new_articles_without_reindexing_old_ones() {
    let index = index_of(&["a5.txt", "a7.txt"]);
    let searcher = NewsSearcher::new(&index).expect("searcher");
    let results = searcher
        .search(&SearchRequest::new("").speaker("marsh"))
        .expect("search");
    // Only one Marsh known: the bare surname is hers.
    assert_eq!(results.names[0].matches, ["Ellen Marsh"]);
    assert_eq!(results.total, 2);

    add(&index, &["a6.txt"]);
    searcher.reload().expect("reload");
    let results = searcher
        .search(&SearchRequest::new("").speaker("marsh"))
        .expect("search");
    assert!(results.names[0].is_ambiguous());
    assert_eq!(results.total, 3);
    let results = searcher
        .search(&SearchRequest::new("").speaker("ellen marsh"))
        .expect("search");
    assert_eq!(speakers(&results), ["Ellen Marsh"]);
}

#[test]
fn aliases_merge_split_and_name_entities() {
    let index = all();
    Aliases {
        speakers: vec![AliasEntry {
            // The bare "Marsh" of a7 is the sailor.
            name: "Tobias Marsh".into(),
            spellings: vec!["Marsh".into()],
        }],
        outlets: vec![AliasEntry {
            name: "Harbour Herald".into(),
            spellings: vec!["The Harbour Herald UK".into()],
        }],
    }
    .store(&index)
    .expect("aliases stored");
    let results = search(&index, SearchRequest::new("").speaker("marsh"));
    assert_eq!(results.names[0].matches, ["Tobias Marsh"]);
    assert_eq!(speakers(&results), ["Marsh", "Tobias Marsh"]);
    let results = search(&index, SearchRequest::new("").speaker("ellen marsh"));
    assert_eq!(speakers(&results), ["Ellen Marsh"]);

    let results = search(&index, SearchRequest::new("").outlet("harbourherald.co.uk"));
    assert_eq!(results.names[0].matches, ["Harbour Herald"]);
    assert_eq!(results.total, 6);
    assert!(results
        .hits
        .iter()
        .all(|h| h.outlet_entity.as_deref() == Some("Harbour Herald")));
}

/// Speaker facets in a new process read the entity names kept in the index
/// folder: they must follow every commit and alias change, and survive a
/// damaged file.
#[test]
fn speaker_facets_follow_new_articles_and_aliases_through_the_names_kept_in_the_index() {
    let facet_count = |index: &NewsIndex, name: &str| -> u64 {
        let results = search(index, SearchRequest::new("").facet(FacetField::Speaker));
        let counts = &results.facets[0].counts;
        counts
            .iter()
            .find(|(entity, _)| entity == name)
            .map_or(0, |(_, n)| *n)
    };
    let kept = |index: &NewsIndex| {
        index
            .tantivy()
            .directory()
            .exists(std::path::Path::new(".newsq-speaker-names"))
            .expect("directory readable")
    };
    let index = all();
    assert!(!kept(&index));
    assert_eq!(facet_count(&index, "Tobias Marsh"), 1);
    assert_eq!(facet_count(&index, "Ellen Marsh"), 1);
    assert!(kept(&index), "the first facet keeps the names for the next");
    assert_eq!(facet_count(&index, "Tobias Marsh"), 1);

    // The bare "Marsh" of a7 is the sailor: neither a searcher that
    // counted before nor a new one may answer from the names kept before
    // the alias.
    let long_lived = NewsSearcher::new(&index).expect("searcher");
    let facet = |searcher: &NewsSearcher| {
        let request = SearchRequest::new("").facet(FacetField::Speaker);
        let results = searcher.search(&request).expect("search runs");
        results.facets[0].counts.clone()
    };
    assert!(facet(&long_lived).contains(&("Tobias Marsh".to_string(), 1)));
    let marsh = |searcher: &NewsSearcher| {
        let speakers = searcher.speakers().expect("speakers");
        speakers.of_spelling("Marsh").map(|e| e.name.clone())
    };
    assert_ne!(marsh(&long_lived).as_deref(), Some("Tobias Marsh"));
    Aliases {
        speakers: vec![AliasEntry {
            name: "Tobias Marsh".into(),
            spellings: vec!["Marsh".into()],
        }],
        outlets: Vec::new(),
    }
    .store(&index)
    .expect("aliases stored");
    assert_eq!(marsh(&long_lived).as_deref(), Some("Tobias Marsh"));
    assert!(facet(&long_lived).contains(&("Tobias Marsh".to_string(), 2)));
    assert_eq!(facet_count(&index, "Tobias Marsh"), 2);
    let results = search(&index, SearchRequest::new("word"));
    assert_eq!(
        results.hits[0].speaker_entity.as_deref(),
        Some("Tobias Marsh")
    );

    // Nor from the names kept before a new commit: while Ellen is the
    // only Marsh, the bare "Marsh" is hers; then a second Marsh arrives.
    let two = index_of(&["a5.txt", "a7.txt"]);
    assert_eq!(facet_count(&two, "Ellen Marsh"), 2);
    add(&two, &["a6.txt"]);
    assert_eq!(facet_count(&two, "Ellen Marsh"), 1);
    assert_eq!(facet_count(&two, "Tobias Marsh"), 1);

    let mut writer = index.writer(&WriterOptions::default()).expect("a writer");
    writer
        .add_article(&Article::from_body(
            "a8.txt",
            "Marsh keeps his title\n\n“The tide turned at the last buoy,” Tobias Marsh said.\n",
        ))
        .expect("article added");
    writer.commit().expect("commit");
    assert_eq!(facet_count(&index, "Tobias Marsh"), 3);

    // A damaged file is rebuilt, never trusted.
    index
        .tantivy()
        .directory()
        .atomic_write(
            std::path::Path::new(".newsq-speaker-names"),
            b"newsq speaker names 1 0000\nmarsh\tSomeone Else",
        )
        .expect("file written");
    assert_eq!(facet_count(&index, "Tobias Marsh"), 3);
    assert_eq!(facet_count(&index, "Someone Else"), 0);
}

mod untrusted_names {
    use newsq_query::entity::{
        read_outlet, read_speaker, spelling_key, Aliases, Entities, EntityKind, Sighting,
    };
    use proptest::prelude::*;

    proptest! {
        /// Names come from articles and from users: any text is read,
        /// grouped and resolved without a panic, and resolving a spelling
        /// the table holds finds its entity.
        #[test]
        fn any_names_group_and_resolve(names in proptest::collection::vec("\\PC{0,24}", 1..8), query in "\\PC{0,24}") {
            for kind in [EntityKind::Speaker, EntityKind::Outlet] {
                let table = Entities::build(
                    kind,
                    names.iter().map(|n| Sighting::new(n.clone(), 1)),
                    &Aliases::default(),
                );
                let _ = table.resolve(&query);
                let _ = table.matching(&query);
                for name in &names {
                    if let Some(entity) = table.of_spelling(name) {
                        prop_assert!(table.resolve(name).matches.contains(&entity.name));
                    }
                }
            }
            let _ = read_speaker(&query, true);
            let _ = read_outlet(&query);
            let _ = spelling_key(&query.to_lowercase());
        }
    }
}
