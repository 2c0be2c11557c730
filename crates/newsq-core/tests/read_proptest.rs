//! Properties: the readers never panic on any input, and boilerplate mixed
//! into an article never reaches the body while the article's paragraphs do.

use std::fs;
use std::path::PathBuf;

use newsq_core::read::{parse_json_value, parse_plain_text, read_file, Metadata, ReadOptions};
use proptest::prelude::*;

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsq-read-prop-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A paragraph of 20 to 40 lower-case words, capitalised and ending with a
/// full stop: long enough that no boilerplate rule can take it for furniture.
fn paragraph() -> impl Strategy<Value = String> {
    (
        "[A-Z][a-z]{2,8}",
        prop::collection::vec("[a-z]{2,9}", 20..40),
    )
        .prop_map(|(first, rest)| format!("{first} {}.", rest.join(" ")))
}

/// Lines that must never reach the body, wherever they are put.
const INLINE_BOILERPLATE: &[&str] = &[
    "READ MORE",
    "Advertisement",
    "Read more: Ten things to know about the harbour",
    "Follow Jo Bloggs on Twitter @jobloggs",
    "Volunteers gather outside the town hall on Saturday morning (Town Council)",
    "A rescue boat leaves the harbour. Photograph: Kim Lee/Coast Agency",
];

/// A footer block that ends an aggregator's page.
const FOOTER: &[&str] = &[
    "Sign up to keep reading",
    "Already a subscriber? Log in",
    "Related Stories",
    "Download the app",
    "Thirty days free",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plain_text_never_panics(text in any::<String>()) {
        let a = parse_plain_text("x.txt", &text);
        prop_assert!(!a.body.contains("\n\n\n"));
        prop_assert_eq!(a.body.trim(), a.body.as_str());
    }

    #[test]
    fn line_structured_text_never_panics(
        lines in prop::collection::vec("[ -~’“”©()\t]{0,80}", 0..30)
    ) {
        let _ = parse_plain_text("x.txt", &lines.join("\n"));
        let _ = Metadata::parse(std::path::Path::new("m"), &lines.join("\n"));
    }

    #[test]
    fn read_file_never_panics_on_arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        ext in prop::sample::select(vec!["txt", "json", "jsonl", "csv", ""]),
    ) {
        let name = if ext.is_empty() { "prop".to_string() } else { format!("prop.{ext}") };
        let path = temp_dir().join(name);
        fs::write(&path, &bytes).unwrap();
        let items = read_file(&path, &ReadOptions::default());
        prop_assert!(!items.is_empty());
        let _ = Metadata::load(&path);
        if let Some(dir) = path.parent() {
            fs::remove_dir_all(dir).ok();
        }
    }

    #[test]
    fn json_values_never_panic(text in "[{}\\[\\]\":, a-z0-9\\\\n]{0,120}") {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            let _ = parse_json_value("x", &v);
        }
    }

    #[test]
    fn boilerplate_never_reaches_the_body(
        paragraphs in prop::collection::vec(paragraph(), 2..8)
            .prop_filter("distinct paragraphs", |ps| ps.windows(2).all(|w| w[0] != w[1])),
        inserts in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(INLINE_BOILERPLATE)), 0..6),
        footer in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        // Interleave boilerplate lines with the paragraphs.
        let mut lines: Vec<String> = paragraphs.clone();
        for (at, line) in &inserts {
            let i = at.index(lines.len() + 1);
            lines.insert(i, (*line).to_string());
        }
        let mut text = format!("A headline about the harbour and its boats\n\n{}", lines.join("\n\n"));
        if footer {
            text.push_str("\n\n");
            text.push_str(&FOOTER.join("\n"));
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }

        let a = parse_plain_text("x.txt", &text);
        prop_assert_eq!(a.title.as_deref(), Some("A headline about the harbour and its boats"));
        let body: Vec<&str> = a.body.split("\n\n").collect();
        let expected: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        prop_assert_eq!(body, expected);
        for line in INLINE_BOILERPLATE.iter().chain(FOOTER) {
            prop_assert!(!a.body.contains(line), "{:?} in body", line);
        }
    }
}
