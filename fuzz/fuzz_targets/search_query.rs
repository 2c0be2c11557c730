//! Any text as a query, parsed and run against a small index of articles
//! written for this target: no panic, whatever the query; an error carries
//! a place inside the query.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsq_core::index::{NewsIndex, WriterOptions};
use newsq_core::Article;
use newsq_query::{NewsSearcher, QueryError, SearchRequest};

const ARTICLES: [(&str, &str); 3] = [
    (
        "harbour.txt",
        "Harbour plan approved\n\n“We will not wait another winter,” Mayor Ana Lopes said. \
         The council voted 7-2. “It is a red line for us,” said Tomas Brandt, who leads the opposition.",
    ),
    (
        "ferry.txt",
        "Ferry fares rise\n\nThe operator said fares would rise in May. “Nobody likes it,” \
         Ms Lopes told reporters, “but the boats are old.”",
    ),
    (
        "school.json",
        "{\"title\": \"School reopens\", \"text\": \"“The roof is fixed,” the head teacher, \
         Ines Varga, said.\", \"outlet\": \"Averill Bay Times\", \"date\": \"2025-04-23\"}",
    ),
];

fn searcher() -> Option<&'static NewsSearcher> {
    static SEARCHER: OnceLock<Option<NewsSearcher>> = OnceLock::new();
    SEARCHER
        .get_or_init(|| {
            let index = NewsIndex::create_in_ram().ok()?;
            let mut writer = index.writer(&WriterOptions::default()).ok()?;
            let options = newsq_core::read::ReadOptions::default();
            for (name, text) in ARTICLES {
                let read = newsq_core::read::articles_from_bytes(
                    name.as_ref(),
                    text.as_bytes().to_vec(),
                    &options,
                );
                for article in read.flatten() {
                    writer.add_article(&article).ok()?;
                }
            }
            writer
                .add_article(&Article::from_body("plain.txt", "“Yes,” he said."))
                .ok()?;
            writer.commit().ok()?;
            NewsSearcher::new(&index).ok()
        })
        .as_ref()
}

fuzz_target!(|query: &str| {
    // An index that cannot be built would leave nothing tested.
    let searcher = searcher().expect("the target's in-memory index builds");
    match searcher.search(&SearchRequest::new(query)) {
        Ok(_) => {}
        Err(QueryError::Parse(error)) => {
            assert!(error.position <= query.len() && query.is_char_boundary(error.position));
            let _ = error.render(query);
        }
        Err(_) => {}
    }
});
