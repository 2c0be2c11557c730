//! Which language an article is written in, and which languages newsq's
//! quotation rules read with a lexicon of their own.
//!
//! An article's language comes from its source (`language` in JSON,
//! `<html lang>`, a `--meta` column, `--language`); failing that,
//! [`detect`] tells it from the text by a vote of its commonest words on
//! each lexicon's `[common-words]` (`crates/newsq-core/lang/*.txt`): a
//! language added as a file is told apart with no other change.

use crate::quote::lexicon;

/// The languages with a lexicon of their own, by ISO 639-1 code. Any other
/// language is read with the English lexicon.
pub const LEXICONS: [&str; lexicon::LANGUAGES.len()] = {
    let mut codes = [""; lexicon::LANGUAGES.len()];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = lexicon::LANGUAGES[i].0;
        i += 1;
    }
    codes
};

/// The language `text` is written in, as an ISO 639-1 code, when its
/// commonest words tell one of [`LEXICONS`] clearly; None for a text too
/// short, in another language, or mixed.
///
/// ```
/// use newsq_core::language::detect;
///
/// assert_eq!(detect("Der Hafen bleibt offen, sagte die Bürgermeisterin am Dienstag in der Stadt."), Some("de"));
/// assert_eq!(detect("The port will stay open, the mayor said on Tuesday in the town hall."), Some("en"));
/// assert_eq!(detect("Varga."), None);
/// ```
pub fn detect(text: &str) -> Option<&'static str> {
    lexicon::detect_language(&[text]).map(|i| lexicon::LANGUAGES[i].0)
}

/// The language an article is read in when neither its source nor its
/// text tells one: English, whose lexicon also reads every language
/// without one of its own.
pub const FALLBACK: &str = "en";

/// Whether newsq reads `code` ("de", "de-AT", "deu") with a lexicon of its own.
///
/// ```
/// assert!(newsq_core::language::has_lexicon("fr-CA"));
/// assert!(!newsq_core::language::has_lexicon("nl"));
/// ```
pub fn has_lexicon(code: &str) -> bool {
    lexicon::language_index(code).is_some()
}

/// The canonical code of `code` when it has a lexicon ("DEU" → "de").
pub fn lexicon_code(code: &str) -> Option<&'static str> {
    lexicon::language_index(code).map(|i| lexicon::LANGUAGES[i].0)
}

/// The language of `article`: the one it gives (`language`), else the one
/// its headline and body tell ([`detect`]), else None.
///
/// ```
/// use newsq_core::{language, Article};
///
/// let mut article = Article::from_body("a", "Der Hafen bleibt offen, sagte die Bürgermeisterin am Dienstag in der Stadt.");
/// assert_eq!(language::of_article(&article), Some("de"));
/// article.language = Some("de-AT".into());
/// assert_eq!(language::of_article(&article), Some("de-AT"));
/// ```
pub fn of_article(article: &crate::Article) -> Option<&str> {
    match article.language.as_deref().map(str::trim) {
        Some(given) if !given.is_empty() => Some(given),
        _ => detect_index(article.title.as_deref().unwrap_or_default(), &article.body)
            .map(|i| lexicon::LANGUAGES[i].0),
    }
}

/// The lexicon to read an article with: its headline's and body's language.
pub(crate) fn detect_index(headline: &str, body: &str) -> Option<usize> {
    lexicon::detect_language(&[headline, body])
}
