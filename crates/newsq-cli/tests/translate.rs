//! `newsq translate`: what it prints for each engine, and its exit codes.

mod common;

use std::path::Path;
use std::process::Output;

use common::{expect_code, index_quietly, newsq_in, s, scratch, stderr, stdout, write};
use serde_json::Value;

fn fixture(name: &str) -> (std::path::PathBuf, String) {
    let dir = scratch(name);
    write(
        &dir.join("articles/ferry.txt"),
        "Ferry talks resume\n\n“We are negotiating in good faith,” Port Director Ines Kalder said on Monday.\n",
    );
    write(
        &dir.join("articles/harbour.txt"),
        "Harbour to reopen\n\n“The harbour reopens in spring,” Mayor Petra Osk said.\n",
    );
    let index = s(&dir.join("index"));
    index_quietly(&dir, &index, &[&s(&dir.join("articles"))]);
    (dir, index)
}

/// `newsq translate --engine ENGINE --index INDEX ARGS`.
fn translate(dir: &Path, index: &str, engine: &str, args: &[&str]) -> Output {
    let mut all = vec!["translate", "--engine", engine, "--index", index];
    all.extend_from_slice(args);
    newsq_in(dir, &all)
}

#[test]
fn quickwit_gets_a_query_string_on_the_terms_fields() {
    let (dir, index) = fixture("translate-quickwit");
    let out = translate(
        &dir,
        &index,
        "quickwit",
        &["negotiations", "--speaker", "kalder", "--since", "2025-03"],
    );
    expect_code(&out, 0);
    assert_eq!(
        stdout(&out),
        "+(kind:\"quotation\" OR kind:\"reported\") +quote_terms:\"negoti\" \
         +speaker_spelling_key:\"ines kalder\" +published:[2025-03-01T00:00:00Z TO *}\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn json_is_the_whole_search_request_on_one_line() {
    let (dir, index) = fixture("translate-json");
    let out = translate(
        &dir,
        &index,
        "elasticsearch",
        &["--json", "-n", "0", "\"good faith\" -harbour"],
    );
    expect_code(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["size"], 10_000);
    assert_eq!(body["track_total_hits"], true);
    let bool_query = &body["query"]["bool"];
    assert_eq!(
        bool_query["must"][0],
        serde_json::json!({ "match_phrase": { "quote_terms": "good faith" } })
    );
    assert_eq!(
        bool_query["must_not"][0],
        serde_json::json!({ "term": { "quote_terms": "harbour" } })
    );

    // Quickwit: the body of POST /api/v1/INDEX/search.
    let out = translate(&dir, &index, "quickwit", &["--json", "harbour"]);
    expect_code(&out, 0);
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["max_hits"], 10);
    assert_eq!(
        body["query"],
        "+(kind:\"quotation\" OR kind:\"reported\") +quote_terms:\"harbour\""
    );
}

#[test]
fn an_unknown_name_exits_1_and_a_bad_query_2() {
    let (dir, index) = fixture("translate-codes");
    let out = translate(
        &dir,
        &index,
        "opensearch",
        &["harbour", "--speaker", "kaldor"],
    );
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "newsq: no speaker matches \"kaldor\"; did you mean Ines Kalder?\n"
    );

    // Where the name takes its part, the query is written, as `newsq
    // search` answers it.
    let out = translate(&dir, &index, "quickwit", &["harbour -speaker:kaldor"]);
    expect_code(&out, 0);
    assert_eq!(
        stdout(&out),
        "+(kind:\"quotation\" OR kind:\"reported\") +quote_terms:\"harbour\" -kind:\"none\"\n"
    );

    let out = translate(&dir, &index, "quickwit", &["\"red line"]);
    expect_code(&out, 2);
    assert!(
        stderr(&out).starts_with("newsq: bad query:"),
        "{}",
        stderr(&out)
    );
}
