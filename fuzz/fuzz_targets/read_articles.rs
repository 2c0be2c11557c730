//! Any bytes, read as a file named `article.<ext>` (the first byte picks
//! the extension, as the name is one of the things a reader goes by): no
//! panic, and every article's quotations point into its body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsq_core::read::{articles_from_bytes, ReadOptions};

const NAMES: [&str; 8] = [
    "article.txt",
    "article.json",
    "article.jsonl",
    "article",
    "article.ndjson",
    "article.html",
    "crawl.warc",
    "crawl.warc.gz",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let options = ReadOptions::default();
    for article in articles_from_bytes(name.as_ref(), bytes.to_vec(), &options).flatten() {
        for quotation in
            newsq_core::quote::extract_with_headline(article.title.as_deref(), &article.body)
        {
            if let Some(problem) = quotation.problem_in(&article.body) {
                panic!("{problem}");
            }
        }
    }
});
