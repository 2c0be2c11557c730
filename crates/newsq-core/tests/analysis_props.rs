//! The one-pass text analyzer gives the terms of the plain pipeline it
//! replaced: words, lowercased, stemmed, folded to ASCII, token by token.

use newsq_core::index::analysis::{analyze, text_analyzer, WordTokenizer};
use proptest::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};

fn plain_terms(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut words = TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .build();
    let mut fold = TextAnalyzer::builder(RawTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    analyze(&mut words, text)
        .into_iter()
        .map(|word| {
            let stem = if word.text.bytes().all(|b| b.is_ascii_digit()) {
                word.text.clone()
            } else {
                stemmer.stem(&word.text).into_owned()
            };
            let folded = analyze(&mut fold, &stem)
                .pop()
                .map_or(stem, |term| term.text);
            (folded, word.range)
        })
        .collect()
}

fn one_pass_terms(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    analyze(&mut text_analyzer(), text)
        .into_iter()
        .map(|t| (t.text, t.range))
        .collect()
}

#[test]
fn news_text_gives_the_plain_pipeline_terms() {
    let text = "Zelenskyy’s aides said: “Negotiations won't stop.” Ça va, São Paulo’s \
                mayor's 2,400 ÉLECTIONS in the Straße — O'Neill's rock'n'roll’ 'quoted'";
    assert_eq!(one_pass_terms(text), plain_terms(text));
    let terms: Vec<String> = one_pass_terms("Negotiations, Zelenskyy’s words")
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(terms, ["negoti", "zelenskyy", "word"]);
}

proptest! {
    #[test]
    fn any_text_gives_the_plain_pipeline_terms(
        text in "([a-zA-Z0-9]{1,12}|[ ,.’'\"—\n]|[éßçøÉİıŁłДд中]|[a-z]{41,45}){0,40}"
    ) {
        prop_assert_eq!(one_pass_terms(&text), plain_terms(&text));
    }

    #[test]
    fn any_unicode_gives_the_plain_pipeline_terms(text in "\\PC{0,80}") {
        prop_assert_eq!(one_pass_terms(&text), plain_terms(&text));
    }
}
