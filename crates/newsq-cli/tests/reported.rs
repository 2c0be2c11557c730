//! Reported statements as a user meets them: `--kind`, `kind:`, the
//! `(reported)` tag, `kind` in JSON, and a quotation before a reported
//! statement with the same words.
//!
//! Every article here is invented: people, places and outlets are fictional.

mod common;

use std::path::Path;

use common::{expect_code, hits, index_quietly, json_lines, s, scratch, search, stdout, write};

/// The same words reported by one outlet (the newer article) and quoted by
/// another; a second statement only reported.
fn indexed(dir: &Path) -> String {
    let articles = dir.join("articles");
    write(
        &articles.join("a-reported.txt"),
        "Ferry to run in May\n\n\
         Port Director Ines Kalder said the ferry would run again in May.\n\n\
         She added that the night crossing would stay closed until June.\n",
    );
    write(
        &articles.join("b-quoted.txt"),
        "Ferry plan set\n\n\
         “The ferry would run again in May,” Port Director Ines Kalder said.\n",
    );
    let meta = dir.join("meta.tsv");
    write(
        &meta,
        "filename\tpublisher\tpublication_date\n\
         a-reported.txt\tSelvik Courier\t2026-04-02\n\
         b-quoted.txt\tBay Wire\t2026-04-01\n",
    );
    let index = s(&dir.join("index"));
    index_quietly(dir, &index, &["--meta", &s(&meta), &s(&articles)]);
    index
}

#[test]
fn a_quotation_ranks_above_a_reported_statement_with_the_same_words() {
    let dir = scratch("reported-order");
    let index = indexed(&dir);
    let lines = json_lines(&search(&dir, &index, &["ferry may", "--json"]));
    let found = hits(&lines);
    let kinds: Vec<&str> = found.iter().filter_map(|h| h["kind"].as_str()).collect();
    // The reported article is newer, yet the speaker's own words come first.
    assert_eq!(kinds, ["quotation", "reported"]);
    assert_eq!(found[0]["score"], found[1]["score"]);
    assert_eq!(found[1]["quote"], "the ferry would run again in May");
    assert_eq!(found[1]["speaker"], "Ines Kalder");
}

#[test]
fn kind_flag_and_kind_field_select_one_kind() {
    let dir = scratch("reported-kind");
    let index = indexed(&dir);
    let kinds = |args: &[&str]| -> Vec<String> {
        let out = search(&dir, &index, &[args, &["--json"]].concat());
        hits(&json_lines(&out))
            .iter()
            .filter_map(|h| h["kind"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(kinds(&["ferry", "--kind", "direct"]), ["quotation"]);
    assert_eq!(kinds(&["ferry", "--kind", "reported"]), ["reported"]);
    assert_eq!(kinds(&["ferry kind:reported"]), ["reported"]);
    assert_eq!(kinds(&["ferry -kind:reported"]), ["quotation"]);
    // The second statement is reported only: no direct hit, exit 1.
    let out = search(&dir, &index, &["crossing", "--kind", "direct"]);
    expect_code(&out, 1);
    let out = search(&dir, &index, &["crossing kind:nonsense"]);
    expect_code(&out, 2);
    assert!(
        common::stderr(&out).contains("unknown kind 'nonsense'"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn human_output_tags_a_reported_statement_and_shows_no_quote_marks() {
    let dir = scratch("reported-human");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["crossing", "--color", "never"]);
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("Ines Kalder — Selvik Courier — 2026-04-02\n  the night crossing would stay closed until June (reported)\n"),
        "{text}"
    );
}
