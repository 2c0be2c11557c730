//! Extraction takes untrusted text: it must never panic, and what it returns
//! must point at real places in the body.

use proptest::prelude::*;

fn texty() -> impl Strategy<Value = String> {
    // Words, quote marks of every kind, apostrophes, newlines and punctuation,
    // in any order: the characters the extractor decides on.
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "''",
        "«",
        "»",
        "„",
        "\n",
        "\n\n",
        " ",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "said",
        "Mr",
        "Trump",
        "she",
        "he",
        "according",
        "to",
        "told",
        "Ilona Varga",
        "the",
        "minister",
        "é",
        "🦀",
        "Ukraine’s",
        "I’ll",
        "a",
        "—",
        "-",
        "J.",
        "U.S.",
        "…",
        "?",
        "– ",
        "— ",
        ", — ",
        "сказал",
        "Анна Соколова",
        "sagte",
        "laut",
        "so",
        "zufolge",
        "dass",
        "Anke Sommer",
        "a déclaré",
        "a-t-elle",
        "selon",
        "que",
        "\u{a0}",
        "\u{202f}",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn extract_never_panics_and_offsets_are_valid(body in texty()) {
        for q in newsq_core::quote::extract(&body) {
            prop_assert_eq!(q.problem_in(&body), None);
        }
    }

    #[test]
    fn every_lexicon_reads_any_text_safely(
        body in texty(),
        language in prop::sample::select(newsq_core::language::LEXICONS.to_vec()),
    ) {
        for q in newsq_core::quote::extract_in(Some(language), None, &body) {
            prop_assert_eq!(q.problem_in(&body), None);
        }
    }

    #[test]
    fn extract_never_panics_on_any_string(body in any::<String>()) {
        for q in newsq_core::quote::extract(&body) {
            prop_assert_eq!(q.problem_in(&body), None);
        }
    }
}

/// Inputs the property tests once shrank a panic to, kept as plain tests.
const SHRUNK_PANICS: &[&str] = &[
    ",\n“,''",
    // An article alone before a spokesperson's noun, capitalised where it
    // opens the sentence.
    "Harbour Films may be sold. A spokesman for the firm said the sale was “not on the table”.",
];

#[test]
fn shrunk_inputs_that_once_panicked() {
    for body in SHRUNK_PANICS {
        let _ = newsq_core::quote::extract(body);
    }
}
