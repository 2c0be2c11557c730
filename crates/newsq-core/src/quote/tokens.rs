//! The body as tokens: words, punctuation, paragraph breaks, and each quotation
//! as one opaque token, split into sentences of the reporting text around quotes.

use super::lexicon::{
    is_abbreviation as lexicon_abbreviation, is_elision, is_honorific, WordClasses,
};
use super::marks::QuotedSpan;
use super::mentions::{strip_possessive, title_as_surname};
use std::cell::{Cell, OnceCell, RefCell};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct,
    /// A quotation: index into the quoted spans.
    Quote(usize),
    /// A paragraph boundary.
    Break,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub sentence: usize,
    pub paragraph: usize,
    /// A word whose first character is uppercase: asked of nearly every
    /// token, again and again, so found once here.
    pub capitalised: bool,
    /// Nothing but punctuation stands before it in its sentence (set
    /// when the text is split into sentences).
    pub opens_sentence: bool,
}

/// Abbreviations after which a full stop does not end a sentence: any
/// single letter or dotted form ("U.S"), and the lexicon's.
fn is_abbreviation(lower: &str) -> bool {
    lower.chars().count() == 1 || lower.contains('.') || lexicon_abbreviation(lower)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Joiners that stay inside a word when letters stand on both sides
/// (Ukraine’s, vice-presidential, U.S, 3.5).
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑' | '&')
}

pub(crate) struct Tokens<'a> {
    pub body: &'a str,
    pub toks: Vec<Token>,
    /// Token index ranges of sentences.
    pub sentences: Vec<(usize, usize)>,
    /// Lowercase words this article uses as surnames (after "Mr", "Ms"...),
    /// so that "Mr. King" and "Charlie King" are names although "king" is a
    /// title; in the order the article first uses them.
    pub surnames: Vec<String>,
    /// The token of each quoted span, by span index (None for one never reached).
    pub quote_tok: Vec<Option<usize>>,
    /// The tokens' texts lowercased: the rules compare lowercase words over
    /// and over, and lowercasing once here saves an allocation each time. The
    /// body with ASCII letters lowered, then the lowercase of each non-ASCII token.
    lower: String,
    /// Byte range in `lower` of each token's lowercase text; for a
    /// quotation, its index and `QUOTATION` (see `quote_lower`).
    lower_at: Vec<(usize, usize)>,
    /// Quotations' lowercase text, made only when asked for: they are long and
    /// the rules seldom look at them as words.
    quote_lower: Vec<OnceCell<String>>,
    /// `mentions::name_in_run`'s answers.
    pub names: RefCell<NameMemo>,
    /// The index of every capitalised word, in order: where names start.
    pub capitalised_at: Vec<usize>,
    /// Hashes of the lowercase words the article capitalises inside a
    /// sentence, sorted (see `is_proper`).
    proper_words: Vec<u64>,
    /// The tokens before this one are the headline's (none without one).
    pub headline_end: usize,
    /// The tokens that can end a sentence, in order: paragraph breaks,
    /// quotations, and . ? ! … (`split_sentences` looks at no others).
    enders: Vec<usize>,
    /// Each token's lexicon classes, looked up when first asked for
    /// (`NOT_LOOKED_UP` till then): the rules ask several questions of
    /// the same word, over and over.
    classes: Vec<Cell<u64>>,
    /// The same for each token without its trailing dots (`classes_no_dot`).
    classes_no_dot: Vec<Cell<u64>>,
}

/// `mentions::name_in_run`'s answers: every name in one String rather than
/// a String each, as most runs are asked about once and many hold no name.
#[derive(Debug, Default)]
pub(crate) struct NameMemo {
    /// The runs asked about, sorted by their first token.
    pub runs: Vec<RunAnswer>,
    /// The names of `runs`, one after another.
    pub text: String,
}

/// A run's first and last tokens, and the name's first token and byte range
/// in `NameMemo::text`, if the run holds one.
pub(crate) type RunAnswer = (usize, usize, Option<(usize, usize, usize)>);

impl<'a> Tokens<'a> {
    /// The lexicon classes of token `i`'s lowercase (`lower(i)`).
    #[inline]
    pub fn classes(&self, i: usize) -> WordClasses {
        match self.classes.get(i).map(Cell::get) {
            Some(bits) if bits != NOT_LOOKED_UP => WordClasses::from_bits(bits),
            _ => self.look_up_classes(i),
        }
    }

    /// `classes` the first time: the lexicon asked, the answer kept.
    #[cold]
    #[inline(never)]
    fn look_up_classes(&self, i: usize) -> WordClasses {
        let found = WordClasses::of(self.lower(i));
        if let Some(cell) = self.classes.get(i) {
            cell.set(found.bits());
        }
        found
    }

    /// The lexicon classes of token `i` lowercased without its trailing
    /// dots, an abbreviated title written out (`mentions::lower_no_dot`).
    #[inline]
    pub fn classes_no_dot(&self, i: usize) -> WordClasses {
        match self.classes_no_dot.get(i).map(Cell::get) {
            Some(bits) if bits != NOT_LOOKED_UP => WordClasses::from_bits(bits),
            _ => self.look_up_classes_no_dot(i),
        }
    }

    /// `classes_no_dot` the first time.
    #[cold]
    #[inline(never)]
    fn look_up_classes_no_dot(&self, i: usize) -> WordClasses {
        let lower = self.lower(i);
        let no_dot = super::mentions::no_dot(lower);
        let found = if std::ptr::eq(no_dot, lower) {
            self.classes(i)
        } else {
            WordClasses::of(no_dot)
        };
        if let Some(cell) = self.classes_no_dot.get(i) {
            cell.set(found.bits());
        }
        found
    }

    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.body[t.start..t.end]
    }

    /// The token's text lowercased, the same as `self.text(i).to_lowercase()`.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        // Asked again and again: `lower_at` alone tells a quotation.
        let (s, e) = self.lower_at[i];
        if e == QUOTATION {
            return self.quotation_lower(s, i);
        }
        &self.lower[s..e]
    }

    /// `lower` of token `i`, quotation `q`: made when first asked for.
    #[cold]
    #[inline(never)]
    fn quotation_lower(&self, q: usize, i: usize) -> &str {
        match self.quote_lower.get(q) {
            Some(cell) => cell.get_or_init(|| self.text(i).to_lowercase()),
            None => "",
        }
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    #[inline]
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        // Compared as bytes: no need to check the slice's ends are characters'.
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Punct && self.body.as_bytes().get(t.start..t.end) == Some(p.as_bytes())
        })
    }

    /// Whether the lowercase word is used as a surname in this article.
    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.iter().any(|s| s == lower)
    }

    #[inline]
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capitalised)
    }

    /// Whether token `i` is a name particle as written ("von", not "Von").
    #[inline]
    pub fn is_name_particle(&self, i: usize) -> bool {
        self.classes(i).is_name_particle() && self.text(i) == self.lower(i)
    }

    /// Whether token `i` is the word "the" (in any case).
    #[inline]
    pub fn is_the(&self, i: usize) -> bool {
        self.is_word(i) && self.lower(i) == "the"
    }

    /// The first token of the sentence token `i` is in.
    pub fn sentence_start(&self, i: usize) -> Option<usize> {
        let sentence = self.toks.get(i)?.sentence;
        self.sentences.get(sentence).map(|&(lo, _)| lo)
    }

    /// Whether token `i` opens its sentence: nothing but punctuation
    /// before it (“…,” Cruz said: a quotation stands before "Cruz").
    pub fn opens_sentence(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|tok| tok.opens_sentence)
    }

    /// A capitalised word that may be a name: any inside a sentence, and
    /// one that opens its sentence only when the article capitalises it
    /// inside one too ("Demonstrators said" opens with a common noun;
    /// "Trump said" with a name written "Trump" elsewhere).
    pub fn is_proper(&self, i: usize) -> bool {
        self.is_capitalised(i)
            && (!self.opens_sentence(i)
                || (self.proper_words)
                    .binary_search(&word_hash(strip_possessive(self.lower(i))))
                    .is_ok())
    }
}

/// The buffers of an article's `Tokens`, handed on to the next article's on
/// the same thread when dropped: allocating them afresh each time, and
/// freeing them, was a good part of the tokeniser's cost.
#[derive(Default)]
struct Buffers {
    toks: Vec<Token>,
    lower: String,
    lower_at: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    enders: Vec<usize>,
    capitalised_at: Vec<usize>,
    name_runs: Vec<RunAnswer>,
    name_text: String,
    classes: Vec<Cell<u64>>,
    /// The same for each token without its trailing dots (`classes_no_dot`).
    classes_no_dot: Vec<Cell<u64>>,
}

thread_local! {
    static SPARE: Cell<Option<Buffers>> = const { Cell::new(None) };
}

/// The largest body (bytes) whose buffers are kept for the next article
/// (about 1 MiB of buffers): a rare long one's are let go rather than held
/// for the thread's life.
const KEEP_BUFFERS_UP_TO: usize = 64 << 10;

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        if self.lower.capacity() > KEEP_BUFFERS_UP_TO {
            return;
        }
        let names = self.names.get_mut();
        let buffers = Buffers {
            toks: std::mem::take(&mut self.toks),
            lower: std::mem::take(&mut self.lower),
            lower_at: std::mem::take(&mut self.lower_at),
            sentences: std::mem::take(&mut self.sentences),
            enders: std::mem::take(&mut self.enders),
            capitalised_at: std::mem::take(&mut self.capitalised_at),
            name_runs: std::mem::take(&mut names.runs),
            name_text: std::mem::take(&mut names.text),
            classes: std::mem::take(&mut self.classes),
            classes_no_dot: std::mem::take(&mut self.classes_no_dot),
        };
        // Nothing is kept while the thread is being torn down.
        let _ = SPARE.try_with(|spare| spare.set(Some(buffers)));
    }
}

/// A token's `classes` before they are looked up: no word is in every class.
const NOT_LOOKED_UP: u64 = u64::MAX;

/// `cache` emptied, then `len` classes not looked up yet.
fn not_looked_up(mut cache: Vec<Cell<u64>>, len: usize) -> Vec<Cell<u64>> {
    cache.clear();
    cache.resize(len, Cell::new(NOT_LOOKED_UP));
    cache
}

/// The end `lower_at` gives a quotation, whose lowercase is in `quote_lower`.
const QUOTATION: usize = usize::MAX;

/// Tokenise `body`, with each span of `quotes` (sorted, non-overlapping) as one token.
pub(crate) fn tokenize<'a>(body: &'a str, quotes: &[QuotedSpan]) -> Tokens<'a> {
    let spare = SPARE
        .try_with(Cell::take)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut toks = spare.toks;
    toks.clear();
    toks.reserve(body.len() / 5);
    let mut paragraph = 0;
    let mut next_quote = 0;
    let bytes = body.as_bytes();
    // Each token's lowercase, found as it is read (see `lower_range`): the
    // body with its ASCII letters lowered, to begin with.
    let mut lower = spare.lower;
    lower.clear();
    lower.push_str(body);
    lower.make_ascii_lowercase();
    let mut lower_at = spare.lower_at;
    lower_at.clear();
    lower_at.reserve(toks.capacity());
    let mut quote_tok = vec![None; quotes.len()];
    // The tokens that can end a sentence (see `split_sentences`).
    let mut enders = spare.enders;
    enders.clear();
    // Every capitalised word, where the entity table starts its runs; with
    // their length, room enough for the names the rules will find.
    let mut capitalised_at = spare.capitalised_at;
    capitalised_at.clear();
    let mut capitalised_bytes = 0;
    let mut surnames: Vec<String> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        // The space between words: no quotation opens on it, and it makes no token.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        if let Some(q) = quotes.get(next_quote) {
            if q.open == i {
                quote_tok[next_quote] = Some(toks.len());
                enders.push(toks.len());
                toks.push(Token {
                    start: q.open,
                    end: q.close,
                    kind: Kind::Quote(next_quote),
                    sentence: 0,
                    paragraph,
                    capitalised: false,
                    opens_sentence: true,
                });
                // Quotations are lowercased only when asked for (`quote_lower`).
                lower_at.push((next_quote, QUOTATION));
                // A quotation over several paragraphs counts as sitting in its last one.
                paragraph += usize::from(body[q.open..q.close].contains('\n'));
                i = q.close;
                next_quote += 1;
                continue;
            }
        }
        // Most of a body is ASCII: take a byte as it is, decode only the rest.
        let (c, len) = match bytes[i] {
            b @ 0..=0x7f => (char::from(b), 1),
            _ => match body[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        if c == '\n' {
            // One break per run of blank lines.
            if toks.last().is_some_and(|t| t.kind != Kind::Break) {
                toks.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Kind::Break,
                    sentence: 0,
                    paragraph,
                    capitalised: false,
                    opens_sentence: true,
                });
                lower_at.push((i, i + 1));
                enders.push(toks.len() - 1);
                paragraph += 1;
            }
            i += 1;
        } else if c.is_whitespace() {
            i += len;
        } else if is_word_char(c) {
            let start = i;
            let mut end = i + len;
            let mut ascii = len == 1;
            loop {
                // The common cases at speed: ASCII letters and digits go on,
                // other ASCII but the joiners stops.
                end += ascii_alphanumeric_prefix(&bytes[end..]);
                match bytes.get(end) {
                    Some(&b) if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b'&') => break,
                    None => break,
                    // "l'Agriculture", "dell'anno": an elided word is a word
                    // of its own, its apostrophe with it.
                    Some(b'\'') if is_elision(&body[start..end]) => {
                        end += 1;
                        break;
                    }
                    // An ASCII joiner before ASCII (or the end): it joins a
                    // letter or digit only ("U.S", not "said. The").
                    Some(&b) if b < 0x80 && bytes.get(end + 1).is_none_or(|&n| n < 0x80) => {
                        // "said.Trump claimed": a full stop with its space
                        // lost ends the word ("U.S", "Ph.D" and the web's
                        // "Halo.Bungie.Org" stay whole).
                        let lost_space = b == b'.'
                            && end > start
                            && bytes[end - 1].is_ascii_lowercase()
                            && bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase)
                            && bytes.get(end + 2).is_some_and(u8::is_ascii_lowercase)
                            && {
                                let rest = bytes.get(end + 1..).unwrap_or_default();
                                let word = ascii_alphanumeric_prefix(rest);
                                !(rest.get(word) == Some(&b'.')
                                    && rest.get(word + 1).is_some_and(u8::is_ascii_alphanumeric))
                            }
                            && !bytes[start..end].contains(&b'.');
                        if !lost_space && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
                        {
                            end += 1;
                        } else {
                            break;
                        }
                    }
                    _ => {
                        let mut rest = body[end..].chars();
                        let Some(n) = rest.next() else {
                            break;
                        };
                        let joins = is_word_joiner(n) && rest.next().is_some_and(is_word_char);
                        if n == '’' && joins && is_elision(&body[start..end]) {
                            end += n.len_utf8();
                            break;
                        }
                        if is_word_char(n) || joins {
                            end += n.len_utf8();
                            ascii &= n.is_ascii();
                        } else {
                            break;
                        }
                    }
                }
            }
            let capitalised = c.is_uppercase();
            if capitalised {
                capitalised_at.push(toks.len());
                capitalised_bytes += end - start;
            }
            toks.push(Token {
                start,
                end,
                kind: Kind::Word,
                sentence: 0,
                paragraph,
                capitalised,
                opens_sentence: true,
            });
            lower_at.push(if ascii {
                (start, end)
            } else {
                lower_range(&mut lower, body, start, end)
            });
            if capitalised {
                note_surname(body, &toks, &lower, &lower_at, &mut surnames);
            }
            i = end;
        } else {
            // "..." and "…" are one token; other punctuation one character each.
            let end = if c == '.' && bytes.get(i..i + 3) == Some(b"...") {
                i + 3
            } else {
                i + len
            };
            if matches!(c, '.' | '?' | '!' | '…') {
                enders.push(toks.len());
            }
            toks.push(Token {
                start: i,
                end,
                kind: Kind::Punct,
                sentence: 0,
                paragraph,
                capitalised: false,
                opens_sentence: true,
            });
            lower_at.push(if len == 1 {
                (i, end)
            } else {
                lower_range(&mut lower, body, i, end)
            });
            i = end;
        }
    }
    let toks_len = toks.len();
    let mut sentences = spare.sentences;
    sentences.clear();
    let mut name_runs = spare.name_runs;
    name_runs.clear();
    name_runs.reserve(capitalised_at.len());
    let mut name_text = spare.name_text;
    name_text.clear();
    name_text.reserve(capitalised_bytes + capitalised_at.len());
    let mut tokens = Tokens {
        body,
        toks,
        sentences,
        surnames,
        quote_tok,
        lower,
        lower_at,
        quote_lower: quotes.iter().map(|_| OnceCell::new()).collect(),
        names: RefCell::new(NameMemo {
            runs: name_runs,
            text: name_text,
        }),
        enders,
        capitalised_at,
        proper_words: Vec::new(),
        headline_end: 0,
        classes: not_looked_up(spare.classes, toks_len),
        classes_no_dot: not_looked_up(spare.classes_no_dot, toks_len),
    };
    note_surnames_by_use(&mut tokens);
    split_sentences(&mut tokens, quotes);
    let mut proper_words: Vec<u64> = (tokens.capitalised_at.iter())
        .filter(|&&i| !tokens.opens_sentence(i))
        .map(|&i| word_hash(strip_possessive(tokens.lower(i))))
        .collect();
    proper_words.sort_unstable();
    proper_words.dedup();
    tokens.proper_words = proper_words;
    tokens
}

/// FNV-1a of a word: the set of capitalised words is kept as hashes, so
/// that it borrows nothing from the tokens it sits beside.
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Titles the article uses as surnames with no honorific before them: the
/// capitalised word standing alone as the speaker of a quotation (“…,” Green
/// said; said Dean.), or closing a name before a party label (Howard Dean
/// (D)), or closing a run right after a first name (Billie Jean King). A
/// title is never used so: it takes a determiner ("the President
/// said") or a name after it.
fn note_surnames_by_use(t: &mut Tokens<'_>) {
    let is_says = |t: &Tokens<'_>, i: usize| t.is_word(i) && matches!(t.lower(i), "said" | "says");
    let mut found: Vec<usize> = Vec::new();
    for &i in &t.capitalised_at {
        let Some(p) = i.checked_sub(1) else {
            continue;
        };
        // The cheap tests of the neighbours first: few words pass them, and
        // the word lists are asked only of those.
        let alone_before_says =
            (t.is_punct(p, ",") || matches!(t.toks[p].kind, Kind::Quote(_))) && is_says(t, i + 1);
        let alone_after_says = (t.is_punct(i + 1, ",") || t.is_punct(i + 1, "."))
            && is_says(t, p)
            && !t.classes(i).is_abbreviation();
        let before_party = t.is_capitalised(p)
            && t.is_punct(i + 1, "(")
            && t.is_word(i + 2)
            && matches!(
                t.text(i + 2).as_bytes(),
                [b'D' | b'R' | b'I'] | [b'D' | b'R' | b'I', b'-', ..]
            );
        // "Billie Jean King": a first name, then the title closing the run.
        let after_first_name = || {
            t.is_capitalised(p)
                && !t.is_capitalised(i + 1)
                && t.classes(i).is_title()
                && !t.classes(i).is_abbreviation()
                && t.classes(p).first_name_gender().is_some()
                && p.checked_sub(1)
                    .is_none_or(|b| !(t.is_word(b) && t.classes(b).is_determiner()))
        };
        if ((alone_before_says || alone_after_says || before_party) && t.classes(i).is_title())
            || after_first_name()
        {
            found.push(i);
        }
        // “…,” From said: a function word there is a surname too ("Al From"),
        // but only mid-sentence, where "That said," cannot stand.
        let mid_sentence = || {
            t.is_punct(p, ",")
                || (matches!(t.toks[p].kind, Kind::Quote(_))
                    && t.text(p)
                        .trim_end_matches(|c: char| {
                            matches!(c, '"' | '”' | '’' | '\'') || c.is_whitespace()
                        })
                        .ends_with(','))
        };
        if alone_before_says
            && mid_sentence()
            && t.classes(i).is_capitalised_function_word()
            && t.classes(i).pronoun().is_none()
        {
            found.push(i);
        }
    }
    for i in found {
        let lower = t.lower(i);
        if !t.is_surname(lower) {
            let lower = lower.to_string();
            t.surnames.push(lower);
        }
    }
}

/// "Mr. King", "Ms Bishop": the capitalised word just read, if an
/// honorific stands before it, may be a title the article uses as a
/// surname (see `mentions::title_as_surname`); noted while the words before
/// are at hand. Out of line: the tokeniser's loop stays tight.
#[inline(never)]
fn note_surname(
    body: &str,
    toks: &[Token],
    lower: &str,
    lower_at: &[(usize, usize)],
    surnames: &mut Vec<String>,
) {
    let Some(word) = toks.len().checked_sub(1) else {
        return;
    };
    let honorific = match word.checked_sub(1).map(|p| (p, toks[p])) {
        Some((p, before)) if before.capitalised => Some(p),
        Some((p, before))
            if before.kind == Kind::Punct && &body[before.start..before.end] == "." =>
        {
            p.checked_sub(1).filter(|&h| toks[h].capitalised)
        }
        _ => None,
    };
    // Honorifics are short: test that before any lookup.
    let Some(h) = honorific.filter(|&h| toks[h].end - toks[h].start <= 6) else {
        return;
    };
    // (Both are words: neither range is a quotation's mark.)
    let lower_of = |k: usize| {
        lower_at
            .get(k)
            .and_then(|&(s, e)| lower.get(s..e))
            .unwrap_or("")
    };
    if let Some(surname) = title_as_surname(lower_of(h), lower_of(word)) {
        if !surnames.iter().any(|s| s == surname) {
            surnames.push(surname.to_string());
        }
    }
}

/// How many bytes at the start of `bytes` are ASCII letters or digits: eight
/// at a time, with no branch per byte (a word's end is seldom predictable).
fn ascii_alphanumeric_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `v` (all below 0x80) set when lo <= byte <= hi;
    // no byte borrows from the next, so the bytes stay apart.
    let in_range = |v: u64, lo: u8, hi: u8| {
        ((v | HIGHS) - ONES * u64::from(lo)) & (ONES * u64::from(hi | 0x80) - v) & HIGHS
    };
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let low = x & !HIGHS;
        // | 0x20 lowers A-Z onto a-z and moves no other byte into a-z.
        let letters = in_range(low | (ONES * 0x20), b'a', b'z');
        let digits = in_range(low, b'0', b'9');
        let stops = !((letters | digits) & !x) & HIGHS;
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// The range in `lower` of the lowercase of a non-ASCII token
/// `body[start..end]`, appended. (`lower` starts as the body with its ASCII
/// letters lowered, so an ASCII token's is its own range.)
fn lower_range(lower: &mut String, body: &str, start: usize, end: usize) -> (usize, usize) {
    let text = &body[start..end];
    let from = lower.len();
    if text.contains('Σ') {
        // A final sigma depends on what follows it: lowercase the token on
        // its own, as the rules did.
        lower.push_str(&text.to_lowercase());
    } else {
        // What `str::to_lowercase` does for every character but Σ.
        lower.extend(text.chars().flat_map(char::to_lowercase));
    }
    (from, lower.len())
}

/// Tokens after which a sentence ends at the next token that could end one
/// (a quotation, a stop, a paragraph break), ended or not; news sentences
/// run to a few dozen tokens, the longest to about 150.
const MAX_SENTENCE_TOKENS: usize = 256;

/// Sentence boundaries in the reporting text: . ? ! (not after an abbreviation)
/// before a capital, a quotation or a paragraph break; every paragraph break.
fn split_sentences(tokens: &mut Tokens<'_>, quotes: &[QuotedSpan]) {
    let n = tokens.toks.len();
    let mut start = 0;
    let mut sentence = 0;
    // Only an ender or the last token ends a sentence: the words and other
    // punctuation between them are passed over, not asked about one by one.
    let enders = std::mem::take(&mut tokens.enders);
    let last = n.checked_sub(1).filter(|&l| enders.last() != Some(&l));
    for i in enders.iter().copied().chain(last) {
        let kind = tokens.toks[i].kind;
        let ends = match kind {
            Kind::Break => true,
            Kind::Punct => {
                let p = tokens.text(i);
                let terminal = matches!(p, "." | "?" | "!" | "…" | "...");
                terminal && {
                    let after_abbrev = p == "."
                        && i > 0
                        && tokens.is_word(i - 1)
                        && is_abbreviation(tokens.lower(i - 1));
                    let next_starts = match tokens.toks.get(i + 1).map(|t| t.kind) {
                        None | Some(Kind::Break) | Some(Kind::Quote(_)) => true,
                        Some(Kind::Word) => {
                            tokens.is_capitalised(i + 1)
                                || tokens.text(i + 1).starts_with(|c: char| c.is_ascii_digit())
                        }
                        Some(Kind::Punct) => false,
                    };
                    // After an abbreviation only a paragraph break or a new
                    // quotation ends the sentence ("of Jacksonville, Fla. “She…").
                    let honorific = i > 0 && is_honorific(tokens.lower(i - 1));
                    next_starts
                        && (!after_abbrev
                            || p != "."
                            || tokens.toks.get(i + 1).is_some_and(|t| {
                                t.kind == Kind::Break
                                    || (matches!(t.kind, Kind::Quote(_)) && !honorific)
                            }))
                }
            }
            // A quotation that ends its sentence inside the marks (“… done.”) ends
            // the sentence when a new one plainly starts after it.
            Kind::Quote(q) => {
                let inner_end = quotes
                    .get(q)
                    .and_then(|s| s.parts.last())
                    .map_or("", |&(a, b)| tokens.body[a..b].trim_end());
                // A quotation inside a reporting sentence (“X accused him of
                // “inciting violence.” She praised…”) cannot take a second one.
                let inside_sentence = (start..i).any(|j| tokens.toks[j].kind == Kind::Word);
                // (… a host on "Shark Tank." "I mean, …": the next quotation
                // starts a sentence too.)
                let next_is_quote =
                    matches!(tokens.toks.get(i + 1).map(|t| t.kind), Some(Kind::Quote(_)));
                inner_end.ends_with(['.', '?', '!'])
                    && (next_is_quote
                        || (tokens.is_capitalised(i + 1)
                            && (inside_sentence || !starts_reporting_clause(tokens, i + 1))))
            }
            Kind::Word => false,
        };
        // A sentence is cut at its next possible end once it is too long to
        // be one: attribution looks through a quotation's sentence for every
        // quotation in it, so an endless one (a file of quote marks) would
        // cost time quadratic in its length.
        if ends || i + 1 == n || i + 1 - start >= MAX_SENTENCE_TOKENS {
            let mut opening = true;
            for t in &mut tokens.toks[start..=i] {
                t.sentence = sentence;
                t.opens_sentence = opening;
                opening &= matches!(t.kind, Kind::Punct | Kind::Break);
            }
            tokens.sentences.push((start, i + 1));
            sentence += 1;
            start = i + 1;
        }
    }
    tokens.enders = enders;
}

/// "Trump said", "Mr Putin added", "He told": a capitalised word after a quotation
/// that begins the reporting clause of that quotation rather than a new sentence.
fn starts_reporting_clause(tokens: &Tokens<'_>, i: usize) -> bool {
    use super::lexicon::{cue_form, pronoun};
    if pronoun(tokens.lower(i)).is_some() {
        return (i + 1..i + 3).any(|j| tokens.is_word(j) && cue_form(tokens.text(j)).is_some())
            && !(i + 1..i + 5).any(|k| tokens.is_punct(k, ":"));
    }
    let mut j = i;
    while j < i + 6 && tokens.is_word(j) && tokens.text(j).starts_with(char::is_uppercase) {
        j += 1;
    }
    while j < i + 8 && tokens.is_punct(j, ".") {
        j += 1;
        while j < i + 8 && tokens.is_capitalised(j) {
            j += 1;
        }
    }
    // "Rep. Dana Whitlow, R-Pa., said": a party tag between commas.
    if tokens.is_punct(j, ",")
        && tokens.is_word(j + 1)
        && super::lexicon::is_party_tag(tokens.text(j + 1))
    {
        j += 2;
        while tokens.is_punct(j, ".") || tokens.is_punct(j, ",") {
            j += 1;
        }
    }
    // "Miller, a retired worker from a plant, said": an appositive between
    // commas, then the cue.
    if j > i && tokens.is_punct(j, ",") {
        let mut k = j + 1;
        while k < j + 20
            && k < tokens.toks.len()
            && matches!(tokens.toks[k].kind, Kind::Word | Kind::Punct)
            && !matches!(tokens.text(k), "." | "?" | "!" | ";" | ":")
        {
            if tokens.is_punct(k, ",")
                && tokens.is_word(k + 1)
                && cue_form(tokens.text(k + 1)).is_some()
            {
                j = k + 1;
                break;
            }
            k += 1;
        }
    }
    // "Mr. Zahed said: “…”" introduces the next quotation, not the one before.
    let introduces_next = (j + 1..j + 4).any(|k| tokens.is_punct(k, ":"));
    // "“…?” Haddon went on.", "“…!” Trump barked.": a verb the cue list lacks,
    // closing its clause.
    let bare_verb = tokens.is_word(j) && {
        let w = tokens.text(j);
        let closes = !tokens.is_word(j + 1)
            || matches!(tokens.text(j + 1), "on" | "back" | "again" | "loudly");
        closes
            && w.starts_with(char::is_lowercase)
            && (super::lexicon::is_irregular_past(w) || (w.len() > 3 && w.ends_with("ed")))
    };
    tokens.is_word(j) && (cue_form(tokens.text(j)).is_some() || bare_verb) && !introduces_next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_lowercase_is_each_tokens_to_lowercase() {
        let body = "Ukraine’s İSTANBUL office, ΟΔΟΣ: “ΣΑΣ Quoted”\n\nDr. ÀÉ said “x”.";
        let spans = super::super::marks::find_quoted_spans(body);
        let t = tokenize(body, &spans);
        for i in 0..t.toks.len() {
            assert_eq!(t.lower(i), t.text(i).to_lowercase(), "token {i}");
        }
    }

    #[test]
    fn surnames_are_the_titles_after_honorifics_in_the_order_read() {
        let bodies = [
            "Mr. King said so. Ms Bishop agreed with Mr King and Dr. Major’s aide.",
            "Mr.\n\nKing left. MR. PRESIDENT smiled, said “Mr. Speaker.” Mrs. President’s son",
            "Mr",
            "Mr.",
            ". King",
            "Mr King",
            "Messrs. Major and Minor",
            "Dr . King",
        ];
        let mut found_any = false;
        for body in bodies {
            let spans = super::super::marks::find_quoted_spans(body);
            let t = tokenize(body, &spans);
            // Every honorific, then the capitalised word after it (past a full stop).
            let mut want: Vec<String> = Vec::new();
            for i in 0..t.toks.len() {
                let tok = t.toks[i];
                if !tok.capitalised || tok.end - tok.start > 6 {
                    continue;
                }
                let next = if t.is_punct(i + 1, ".") { i + 2 } else { i + 1 };
                if t.is_capitalised(next) {
                    let found = title_as_surname(t.lower(i), t.lower(next));
                    if let Some(s) = found.filter(|s| !want.iter().any(|w| w == s)) {
                        want.push(s.to_string());
                    }
                }
            }
            assert_eq!(t.surnames, want, "{body:?}");
            found_any |= !want.is_empty();
        }
        assert!(found_any);
    }

    #[test]
    fn buffers_handed_on_from_another_article_make_the_same_tokens() {
        let short = "“Yes,” Mr. Áron Kis said.\n\nHe left.";
        let long = "Ünder “a quotation” the İSTANBUL office said. ".repeat(50);
        let summary = |body: &str| {
            let spans = super::super::marks::find_quoted_spans(body);
            let t = tokenize(body, &spans);
            let toks: Vec<_> = (0..t.toks.len())
                .map(|i| {
                    let tok = t.toks[i];
                    let lower = t.lower(i).to_string();
                    (
                        tok.start,
                        tok.end,
                        tok.kind,
                        tok.sentence,
                        tok.paragraph,
                        lower,
                    )
                })
                .collect();
            (toks, t.sentences.clone())
        };
        let first = summary(short);
        let _ = summary(&long);
        assert_eq!(summary(short), first);
        for (i, (start, end, _, _, _, lower)) in first.0.iter().enumerate() {
            assert_eq!(*lower, short[*start..*end].to_lowercase(), "token {i}");
        }
    }

    #[test]
    fn words_run_on_through_joiners_between_word_characters() {
        // Every sequence of three pieces: each word's extent as the
        // character-by-character rule gives it.
        let pieces = [
            "ab", "Z9", ".", "'", "-", "&", "’", "é", " ", ",", "\n", "‑", "...",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let body = format!("x{a}{b}{c}");
                    let t = tokenize(&body, &[]);
                    let chars: Vec<(usize, char)> = body.char_indices().collect();
                    let word_end = |k: usize| {
                        let mut k = k + 1;
                        while let Some(&(_, ch)) = chars.get(k) {
                            let joined = is_word_joiner(ch)
                                && chars.get(k + 1).is_some_and(|&(_, n)| is_word_char(n));
                            if !is_word_char(ch) && !joined {
                                break;
                            }
                            k += 1;
                        }
                        chars.get(k).map_or(body.len(), |&(at, _)| at)
                    };
                    for tok in t.toks.iter().filter(|tok| tok.kind == Kind::Word) {
                        let k = chars.iter().position(|&(at, _)| at == tok.start).unwrap();
                        assert_eq!(tok.end, word_end(k), "{body:?} at {}", tok.start);
                    }
                }
            }
        }
    }

    #[test]
    fn the_alphanumeric_prefix_is_counted_as_byte_by_byte() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for b in 0..=255u8 {
            for len in 0..20 {
                for at in 0..len {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    let want = s.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                    assert_eq!(ascii_alphanumeric_prefix(&s), want, "{b} {len} {at}");
                }
            }
        }
        let want = bytes
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        assert_eq!(ascii_alphanumeric_prefix(&bytes), want);
        assert_eq!(ascii_alphanumeric_prefix(b"Zz09azAZ9xQ-"), 11);
    }

    #[test]
    fn a_character_lowercases_alone_as_in_a_string() {
        // `lowercase` maps characters one by one except Σ, as `str::to_lowercase` does.
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| c != 'Σ')
        {
            let alone: String = c.to_lowercase().collect();
            assert_eq!(alone, c.to_string().to_lowercase(), "{c:?}");
        }
    }
}
