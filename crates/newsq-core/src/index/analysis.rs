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
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, PreTokenizedString, RawTokenizer, TextAnalyzer, Token,
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

/// The byte range of the first word in `text` at or after `from`: a run of
/// letters and digits, with `'` or `’` kept between two of them. ASCII text,
/// most of news, takes a byte-at-a-time path.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut start = from;
    loop {
        let b = *bytes.get(start)?;
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                break;
            }
            start += 1;
        } else {
            let c = text.get(start..)?.chars().next()?;
            if c.is_alphanumeric() {
                break;
            }
            start += c.len_utf8();
        }
    }
    let mut end = start;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let (alphanumeric, apostrophe, width) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), b == b'\'', 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c == '’', c.len_utf8()),
                None => break,
            }
        };
        if alphanumeric {
            i += width;
            end = i;
        } else if apostrophe && starts_alphanumeric(text, i + width) {
            i += width;
        } else {
            break;
        }
    }
    Some(start..end)
}

fn starts_alphanumeric(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// `word` with `’` written as `'`, appended to `out`, lowercased when
/// `lowercase`.
fn push_word(out: &mut String, word: &str, lowercase: bool) {
    if word.is_ascii() {
        out.push_str(word);
        if lowercase {
            out.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        match c {
            '’' => out.push('\''),
            c if lowercase => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// The next word of `text` at or after `*cursor` short enough to index
/// (longer ones are passed over), moving the cursor past it.
fn next_indexed_word(text: &str, cursor: &mut usize) -> Option<Range<usize>> {
    while let Some(range) = next_word(text, *cursor) {
        *cursor = range.end;
        if range.len() <= MAX_TOKEN_BYTES {
            return Some(range);
        }
    }
    None
}

/// Point `token` at the word at `range`, the next position along.
fn place(token: &mut Token, range: Range<usize>) {
    token.offset_from = range.start;
    token.offset_to = range.end;
    token.position = token.position.wrapping_add(1);
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(range) = next_indexed_word(self.text, &mut self.cursor) else {
            return false;
        };
        self.token.text.clear();
        push_word(&mut self.token.text, &self.text[range.clone()], false);
        place(self.token, range);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The text analyzer's tokenizer: words ([`WordTokenizer`]'s), lowercased,
/// stemmed, folded to ASCII, in one pass. Stemming is the expensive step, so
/// it remembers the terms it has made: news repeats its vocabulary, and a
/// hash lookup is several times cheaper than Snowball.
pub struct StemmingTokenizer {
    algorithm: Algorithm,
    stemmer: Stemmer,
    /// Lowercased word → term, for words and terms short enough to keep
    /// inline (nearly all): a lookup then reads no other memory.
    short_terms: HashMap<ShortText, ShortText, BuildHasherDefault<WordHasher>>,
    /// The others.
    long_terms: HashMap<Box<str>, Box<str>, BuildHasherDefault<WordHasher>>,
    word: String,
    token: Token,
}

impl StemmingTokenizer {
    /// A tokenizer stemming in one language.
    pub fn new(algorithm: Algorithm) -> Self {
        StemmingTokenizer {
            algorithm,
            stemmer: Stemmer::create(algorithm),
            short_terms: HashMap::default(),
            long_terms: HashMap::default(),
            word: String::new(),
            token: Token::default(),
        }
    }

    /// Append the term for a lowercased word to `out`: the word stemmed,
    /// then folded to ASCII (Snowball's French, German and other stemmers
    /// read accents).
    fn push_term(&mut self, word: &str, out: &mut String) {
        let short_word = ShortText::new(word);
        if let Some(key) = &short_word {
            if let Some(term) = self.short_terms.get(key) {
                out.push_str(term.as_str());
                return;
            }
        } else if let Some(term) = self.long_terms.get(word) {
            out.push_str(term);
            return;
        }
        let stem = self.stemmer.stem(word);
        let term = if stem.is_ascii() {
            stem.into_owned()
        } else {
            fold_to_ascii(&stem)
        };
        out.push_str(&term);
        if self.short_terms.len() + self.long_terms.len() >= STEM_CACHE_ENTRIES {
            self.short_terms.clear();
            self.long_terms.clear();
        }
        match (short_word, ShortText::new(&term)) {
            (Some(key), Some(value)) => {
                self.short_terms.insert(key, value);
            }
            _ => {
                self.long_terms.insert(word.into(), term.into());
            }
        }
    }
}

/// Text of up to [`ShortText::CAPACITY`] bytes held inline, padded with
/// NUL bytes (a word never holds one).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortText([u8; ShortText::CAPACITY]);

impl ShortText {
    const CAPACITY: usize = 24;

    fn new(text: &str) -> Option<ShortText> {
        let bytes = text.as_bytes();
        if bytes.len() > Self::CAPACITY || bytes.contains(&0) {
            return None;
        }
        let mut inline = [0; Self::CAPACITY];
        inline[..bytes.len()].copy_from_slice(bytes);
        Some(ShortText(inline))
    }

    fn as_str(&self) -> &str {
        let len = self
            .0
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(Self::CAPACITY);
        // Made from a &str and cut at its end: always whole characters.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

impl Clone for StemmingTokenizer {
    fn clone(&self) -> Self {
        // A clone starts with no remembered terms: clones serve other threads.
        StemmingTokenizer::new(self.algorithm)
    }
}

/// The stream of [`StemmingTokenizer`].
pub struct StemmingTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    tokenizer: &'a mut StemmingTokenizer,
}

impl Tokenizer for StemmingTokenizer {
    type TokenStream<'a> = StemmingTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> StemmingTokenStream<'a> {
        self.token.reset();
        StemmingTokenStream {
            text,
            cursor: 0,
            tokenizer: self,
        }
    }
}

impl TokenStream for StemmingTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(range) = next_indexed_word(self.text, &mut self.cursor) else {
            return false;
        };
        let tokenizer = &mut *self.tokenizer;
        let mut word = std::mem::take(&mut tokenizer.word);
        word.clear();
        push_word(&mut word, &self.text[range.clone()], true);
        let mut text = std::mem::take(&mut tokenizer.token.text);
        text.clear();
        // Numbers have no inflection.
        if word.bytes().all(|b| b.is_ascii_digit()) {
            text.push_str(&word);
        } else {
            tokenizer.push_term(&word, &mut text);
        }
        tokenizer.word = word;
        tokenizer.token.text = text;
        place(&mut tokenizer.token, range);
        true
    }

    fn token(&self) -> &Token {
        &self.tokenizer.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokenizer.token
    }
}

/// `text` folded to ASCII as tantivy's [`AsciiFoldingFilter`] folds it.
fn fold_to_ascii(text: &str) -> String {
    let mut folding = TextAnalyzer::builder(RawTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = folding.token_stream(text);
    match stream.next() {
        Some(token) => token.text.clone(),
        None => text.to_string(),
    }
}

/// FxHash, as rustc uses it: the stem cache hashes every word of every
/// article, and SipHash cost more than the lookup saved. Not resistant to
/// chosen collisions; the cache is bounded, so crafted text can slow
/// indexing down but not exhaust memory.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The analyzer for quotation, title and body text: words, lowercased,
/// stemmed in English, folded to ASCII.
pub fn text_analyzer() -> TextAnalyzer {
    text_analyzer_for(Algorithm::English)
}

/// [`text_analyzer`] with another language's stemmer.
pub fn text_analyzer_for(language: Algorithm) -> TextAnalyzer {
    TextAnalyzer::from(StemmingTokenizer::new(language))
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

/// The terms newsq indexes for a text field of an article, as one string
/// separated by single spaces: what an exported document carries in
/// `quote_terms`, `title_terms` and `body_terms`, so that an engine
/// indexing it with a whitespace tokenizer holds exactly newsq's terms, at
/// newsq's positions. Articles are analysed as the index writer analyses
/// them: stemmed in their language when rust-stemmers has it, else in
/// English.
///
/// ```
/// use newsq_core::index::analysis::IndexTerms;
///
/// let mut terms = IndexTerms::default();
/// assert_eq!(terms.joined(None, "Negotiations resumed, Zelenskyy said."), "negoti resum zelenskyy said");
/// assert_eq!(terms.joined(Some("de"), "Die Verhandlungen"), "die verhandl");
/// ```
#[derive(Default)]
pub struct IndexTerms {
    /// One analyzer per stemming language met, English included.
    analyzers: Vec<(Algorithm, TextAnalyzer)>,
}

impl IndexTerms {
    /// `text`'s indexed terms for an article in `language` (a code such as
    /// "de" or "pt-BR"; `None` or an unknown code: English), joined by
    /// spaces. A term never holds a space: folding would have to make one,
    /// and any whitespace in a term is written as `_`.
    pub fn joined(&mut self, language: Option<&str>, text: &str) -> String {
        let algorithm = language
            .and_then(non_english_stemmer)
            .unwrap_or(Algorithm::English);
        let index = match self.analyzers.iter().position(|(a, _)| *a == algorithm) {
            Some(index) => index,
            None => {
                self.analyzers
                    .push((algorithm, text_analyzer_for(algorithm)));
                self.analyzers.len() - 1
            }
        };
        let analyzer = &mut self.analyzers[index].1;
        let mut joined = String::with_capacity(text.len());
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            push_engine_term(&mut joined, &token.text);
        }
        joined
    }
}

/// `term` as an engine's whitespace tokenizer must see it to keep it one
/// term: any whitespace in it (none of newsq's own analysis makes) as `_`.
pub fn push_engine_term(out: &mut String, term: &str) {
    if term.contains(char::is_whitespace) {
        out.extend(
            term.chars()
                .map(|c| if c.is_whitespace() { '_' } else { c }),
        );
    } else {
        out.push_str(term);
    }
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
