//! Input no newsroom wrote: files of quote marks, a quotation that never
//! closes, a file with no line break, NUL bytes, UTF-16, JSON nested a
//! million deep. Each must come back in time and memory that grow with its
//! size, with every quotation pointing into its body, and never panic.
//!
//! The sizes here are what a debug build reads in seconds; `.ci/stress`
//! runs the release binary on the full sizes (200 MB, millions of marks).

use std::time::{Duration, Instant};

use newsq_core::read::{articles_from_bytes, ReadOptions, SkipReason};
use newsq_core::{extract, Article};

/// Far above what these inputs take (a second or two in a debug build) and
/// far below what the quadratic paths they once took would (hours).
const LIMIT: Duration = Duration::from_secs(60);

fn extract_checked(body: &str) -> usize {
    let started = Instant::now();
    let quotations = extract(body);
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    for q in &quotations {
        assert_eq!(q.problem_in(body), None);
    }
    quotations.len()
}

fn read(name: &str, bytes: Vec<u8>) -> Vec<Result<Article, newsq_core::read::Skipped>> {
    let options = ReadOptions::default();
    let started = Instant::now();
    let out: Vec<_> = articles_from_bytes(name.as_ref(), bytes, &options).collect();
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    out
}

#[test]
fn a_paragraph_of_hundreds_of_thousands_of_quotations_is_read_in_linear_time_and_capped() {
    // Each closed pair is a quotation: more than any article holds, so the
    // rest of the body is passed over.
    let body = "\"a\" ".repeat(200_000);
    assert_eq!(extract_checked(&body), 10_000);
}

#[test]
fn stray_marks_of_every_kind_are_read_in_linear_time() {
    // Mixed marks that open and close each other in one endless sentence.
    assert!(extract_checked(&"“\"'".repeat(100_000)) <= 10_000);
    // Single marks that open and never close: each once looked for its
    // closer through the rest of the paragraph.
    assert_eq!(extract_checked(&" 'x ".repeat(200_000)), 0);
    // Apostrophes and curly singles between words.
    assert!(extract_checked(&"it’s ‘a’ don't ".repeat(100_000)) <= 10_000);
}

#[test]
fn a_quotation_that_never_closes_ends_with_its_paragraph() {
    let mut body = String::from("Mayor Ana Lopes said: “");
    body.push_str(&"the harbour will reopen and the ferry will run ".repeat(200_000));
    body.push_str("\n\nThe council met on Tuesday.");
    assert!(body.len() > 9_000_000);
    assert!(extract_checked(&body) <= 1);
}

#[test]
fn a_file_without_a_line_break_is_one_article() {
    let text = "The council met on Tuesday and said “it will not wait” again. ".repeat(300_000);
    let articles = read("long.txt", text.clone().into_bytes());
    assert_eq!(articles.len(), 1);
    let article = articles[0].as_ref().expect("an article");
    assert!(article.body.len() > 18_000_000);
    assert_eq!(extract_checked(&article.body), 10_000);
}

#[test]
fn nul_bytes_utf16_and_crlf_files() {
    let nul = read("nul.txt", b"Headline\n\nText\0with a NUL.".to_vec());
    assert!(matches!(&nul[..], [Err(s)] if s.reason == SkipReason::Binary));

    let text = "Ferry fares rise\r\n\r\n“Nobody likes it,” Ms Lopes said.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let crlf = read("crlf.txt", text.as_bytes().to_vec());
    for articles in [read("utf16.txt", utf16), crlf] {
        let article = articles[0].as_ref().expect("an article");
        assert_eq!(article.title.as_deref(), Some("Ferry fares rise"));
        assert_eq!(article.body, "“Nobody likes it,” Ms Lopes said.");
    }
}

#[test]
fn json_nested_a_million_deep_is_malformed_not_a_stack_overflow() {
    let deep = "[".repeat(1_000_000) + &"]".repeat(1_000_000);
    let file = read("deep.json", deep.clone().into_bytes());
    assert!(
        matches!(&file[..], [Err(s)] if matches!(&s.reason, SkipReason::MalformedJson(m) if m.contains("recursion limit"))),
        "{file:?}"
    );
    let lines = format!("{{\"text\": {deep}}}\n{{\"text\": \"“We stay,” she said.\"}}\n");
    let lines = read("deep.jsonl", lines.into_bytes());
    assert_eq!(lines.len(), 2);
    assert!(
        matches!(&lines[0], Err(s) if s.line == Some(1)),
        "{:?}",
        lines[0]
    );
    assert!(lines[1].is_ok());
}
