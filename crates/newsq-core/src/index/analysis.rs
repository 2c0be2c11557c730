//! Text analysis: how article text and queries become index terms.
//!
//! Words are runs of letters and digits, with apostrophes inside a word kept
//! ("don't", "Trump’s"); they are lowercased, stemmed with rust-stemmers
//! ("negotiations" → "negoti") and folded to ASCII ("Zelenskyy" and
//! "Zełenski" meet "zelenskyy", "zelenski"). Stemming comes before folding
//! because Snowball's French, German and other stemmers read accents.
//!
//! Articles are stemmed in English unless their language is known and
//! rust-stemmers has a stemmer for it ([`stemming_language`]); queries are
//! then stemmed in every language the index holds. Stemming is the expensive step,
//! so each analyzer keeps a cache of the stems it has computed: news repeats
//! its vocabulary, and a hash lookup is several times cheaper than Snowball.

use std::collections::HashMap;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, PreTokenizedString, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer, TokenizerManager,
};

/// Name of the stemmed analyzer for quotation, title and body text.
pub const TEXT_ANALYZER: &str = "newsq_en";
/// Name of the analyzer for names (speakers, outlets): no stemming, so
/// "Jones" does not meet "Jone".
pub const NAME_ANALYZER: &str = "newsq_name";

/// Longer tokens are dropped: they are URLs, hashes or garbage, and tantivy
/// refuses terms past 65,530 bytes anyway.
const MAX_TOKEN_BYTES: usize = 40;

/// Stems kept per analyzer before the cache is emptied and refilled; bounds
/// memory whatever the corpus (a few MB at most).
const STEM_CACHE_ENTRIES: usize = 100_000;

/// Splits text into words: letters and digits, with `'` or `’` inside a word
/// kept as `'` so that the English stemmer removes a possessive "’s".
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl WordTokenStream<'_> {
    /// The next word's byte range at or after the cursor, if any.
    fn next_word(&mut self) -> Option<Range<usize>> {
        let rest = self.text.get(self.cursor..)?;
        let (offset, _) = rest.char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = self.cursor + offset;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + i + c.len_utf8();
            } else if is_apostrophe(c)
                && chars
                    .peek()
                    .is_some_and(|&(_, next)| next.is_alphanumeric())
            {
                continue;
            } else {
                break;
            }
        }
        self.cursor = end;
        Some(start..end)
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(range) = self.next_word() {
            if range.len() > MAX_TOKEN_BYTES {
                continue;
            }
            let word = &self.text[range.clone()];
            self.token.text.clear();
            if word.contains('’') {
                self.token.text.extend(word.chars().map(|c| match c {
                    '’' => '\'',
                    c => c,
                }));
            } else {
                self.token.text.push_str(word);
            }
            self.token.offset_from = range.start;
            self.token.offset_to = range.end;
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A token filter that stems with rust-stemmers, remembering the stems it has
/// computed.
#[derive(Clone, Copy)]
pub struct CachedStemmer {
    algorithm: Algorithm,
}

impl CachedStemmer {
    /// A stemmer for one language.
    pub fn new(algorithm: Algorithm) -> Self {
        CachedStemmer { algorithm }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            algorithm: self.algorithm,
            stemmer: Stemmer::create(self.algorithm),
            cache: HashMap::new(),
        }
    }
}

/// [`CachedStemmer`] applied to a tokenizer.
pub struct CachedStemmerFilter<T> {
    inner: T,
    algorithm: Algorithm,
    stemmer: Stemmer,
    cache: HashMap<String, String>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        // A clone starts with an empty cache: clones serve other threads.
        CachedStemmerFilter {
            inner: self.inner.clone(),
            algorithm: self.algorithm,
            stemmer: Stemmer::create(self.algorithm),
            cache: HashMap::new(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemStream {
            tail: self.inner.token_stream(text),
            stemmer: &self.stemmer,
            cache: &mut self.cache,
        }
    }
}

/// The stream of [`CachedStemmerFilter`].
pub struct CachedStemStream<'a, T> {
    tail: T,
    stemmer: &'a Stemmer,
    cache: &'a mut HashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &mut self.tail.token_mut().text;
        // Numbers have no inflection; skip the lookup.
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        if let Some(stem) = self.cache.get(text.as_str()) {
            text.clone_from(stem);
            return true;
        }
        let stem = self.stemmer.stem(text).into_owned();
        if self.cache.len() >= STEM_CACHE_ENTRIES {
            self.cache.clear();
        }
        self.cache
            .insert(std::mem::replace(text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The analyzer for quotation, title and body text: words, lowercased,
/// stemmed in English, folded to ASCII.
pub fn text_analyzer() -> TextAnalyzer {
    text_analyzer_for(Algorithm::English)
}

/// [`text_analyzer`] with another language's stemmer.
pub fn text_analyzer_for(language: Algorithm) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(CachedStemmer::new(language))
        .filter(AsciiFoldingFilter)
        .build()
}

/// The stemmer for a language code as sources give it ("fr", "de-AT",
/// "pt_BR", "english"); `None` when rust-stemmers has none.
///
/// ```
/// use newsq_core::index::analysis::stemming_language;
/// use rust_stemmers::Algorithm;
///
/// assert_eq!(stemming_language("de-AT"), Some(Algorithm::German));
/// assert_eq!(stemming_language("ja"), None);
/// ```
pub fn stemming_language(code: &str) -> Option<Algorithm> {
    let code = code.trim().to_ascii_lowercase();
    let primary = code.split(['-', '_']).next().unwrap_or("");
    Some(match primary {
        "en" | "eng" | "english" => Algorithm::English,
        "ar" | "ara" | "arabic" => Algorithm::Arabic,
        "da" | "dan" | "danish" => Algorithm::Danish,
        "nl" | "nld" | "dut" | "dutch" => Algorithm::Dutch,
        "fi" | "fin" | "finnish" => Algorithm::Finnish,
        "fr" | "fra" | "fre" | "french" => Algorithm::French,
        "de" | "deu" | "ger" | "german" => Algorithm::German,
        "el" | "ell" | "gre" | "greek" => Algorithm::Greek,
        "hu" | "hun" | "hungarian" => Algorithm::Hungarian,
        "it" | "ita" | "italian" => Algorithm::Italian,
        "no" | "nb" | "nn" | "nor" | "nob" | "nno" | "norwegian" => Algorithm::Norwegian,
        "pt" | "por" | "portuguese" => Algorithm::Portuguese,
        "ro" | "ron" | "rum" | "romanian" => Algorithm::Romanian,
        "ru" | "rus" | "russian" => Algorithm::Russian,
        "es" | "spa" | "spanish" => Algorithm::Spanish,
        "sv" | "swe" | "swedish" => Algorithm::Swedish,
        "ta" | "tam" | "tamil" => Algorithm::Tamil,
        "tr" | "tur" | "turkish" => Algorithm::Turkish,
        _ => return None,
    })
}

/// The stemmer for a language code when it is not English: articles in such
/// a language are analysed with it rather than with the text fields' own
/// English analyzer, and queries are stemmed in it too.
///
/// ```
/// use newsq_core::index::analysis::non_english_stemmer;
/// use rust_stemmers::Algorithm;
///
/// assert_eq!(non_english_stemmer("fr"), Some(Algorithm::French));
/// assert_eq!(non_english_stemmer("en-GB"), None);
/// ```
pub fn non_english_stemmer(code: &str) -> Option<Algorithm> {
    stemming_language(code).filter(|&l| l != Algorithm::English)
}

/// Analyse `text` into tantivy's pre-tokenized form, for a field whose
/// registered analyzer is not the one this text needs (an article in
/// another language).
pub fn pre_tokenize(analyzer: &mut TextAnalyzer, text: &str) -> PreTokenizedString {
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push(token.clone());
    }
    PreTokenizedString {
        text: text.to_string(),
        tokens,
    }
}

/// The analyzer for speaker and outlet names: words, lowercased, folded to
/// ASCII, not stemmed.
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Register newsq's analyzers under [`TEXT_ANALYZER`] and [`NAME_ANALYZER`].
pub(crate) fn register(tokenizers: &TokenizerManager) {
    tokenizers.register(TEXT_ANALYZER, text_analyzer());
    tokenizers.register(NAME_ANALYZER, name_analyzer());
}

/// One analysed word: its term and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The index term ("negoti").
    pub text: String,
    /// Byte range of the word in the analysed text.
    pub range: Range<usize>,
}

/// Analyse `text` with `analyzer` into terms with their byte ranges.
///
/// ```
/// use newsq_core::index::analysis::{analyze, text_analyzer};
///
/// let terms = analyze(&mut text_analyzer(), "Negotiations, Zelenskyy’s words");
/// let texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(texts, ["negoti", "zelenskyy", "word"]);
/// assert_eq!(terms[1].range, 14..27);
/// ```
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(Term {
            text: token.text.clone(),
            range: token.offset_from..token.offset_to,
        });
    }
    out
}

/// Lowercase, ASCII-folded words of a name joined by single spaces: the key
/// that exact speaker and outlet filters compare ("Volodymyr  Zelenskyy" →
/// "volodymyr zelenskyy").
///
/// ```
/// assert_eq!(newsq_core::index::analysis::name_key("Mr  Zełenski"), "mr zelenski");
/// ```
pub fn name_key(name: &str) -> String {
    // One analyzer per thread: this runs for every quotation indexed and
    // every spelling an entity table reads.
    thread_local! {
        static NAMES: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(name_analyzer());
    }
    NAMES.with(|names| {
        let mut analyzer = names.borrow_mut();
        let mut key = String::with_capacity(name.len());
        let mut stream = analyzer.token_stream(name);
        while let Some(token) = stream.next() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&token.text);
        }
        key
    })
}
