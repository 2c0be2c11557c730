//! Statements and their speakers.
//!
//! [`extract`] finds every quotation in an article body — curly, straight,
//! single, «guillemet» and „low“ marks, over several paragraphs, split by a
//! reporting clause — and every statement reported in the writer's words
//! ("Varga said the port would stay open", "according to the ministry, …"),
//! and attributes each: cue verbs in every order, "according to", colon
//! introductions, pronouns and roles resolved to the fullest name the
//! article gives.

mod attribute;
mod clauses;
mod entities;
pub(crate) mod lexicon;
mod marks;
mod mentions;
mod resolve;
mod tokens;

use serde::{Deserialize, Serialize};

/// One statement: a direct quotation, or a statement reported in the
/// writer's words ([`StatementKind`]).
///
/// Found by [`extract`]; an embedder with quotations of its own builds one
/// with [`Quotation::new`] and sets the fields it knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotation {
    /// Whether the words are quoted or reported.
    #[serde(default)]
    pub kind: StatementKind,
    /// The quoted words, without the quote marks; the parts of a split or
    /// multi-paragraph quotation joined by a space. For a reported
    /// statement, the reported clause without its cue and speaker (quote
    /// marks inside it kept).
    pub text: String,
    /// Byte offset in the body of the first opening mark (of a reported
    /// statement: of its first word).
    pub start: usize,
    /// Byte offset in the body just after the last closing mark (of a
    /// reported statement: after its last word).
    pub end: usize,
    /// Byte ranges of the quoted text in the body, one per part (of a
    /// reported statement: one, or two around an aside such as
    /// "according to X").
    pub parts: Vec<(usize, usize)>,
    /// The speaker's name in its fullest form in the article ("Donald Trump"
    /// for "Mr Trump"), without titles; None for anonymous or unknown speakers.
    pub speaker: Option<String>,
    /// The mention as written: "Mr Trump", "he", "one person familiar with the talks".
    pub speaker_mention: Option<String>,
    /// The reporting cue: "said", "told", "according to", ":".
    pub cue: Option<String>,
    /// How the speaker was found from the mention (None when there is neither).
    pub speaker_from: Option<SpeakerFrom>,
    /// For a reported statement, the `start` of each direct quotation it
    /// holds (Mr Putin said he was “ready to work” with Kyiv): those stay
    /// quotations of their own too. Empty for a direct quotation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<usize>,
}

/// Whether a statement's words are the speaker's own, in quote marks, or
/// the writer's account of what was said.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words between quote marks: “We will not wait,” Varga said.
    #[default]
    Quotation,
    /// A statement in the writer's words after a reporting cue: Varga said
    /// the port would stay open.
    Reported,
}

impl StatementKind {
    /// The name used in JSON and in the index: "quotation" or "reported".
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Quotation => "quotation",
            StatementKind::Reported => "reported",
        }
    }
}

/// How a quotation's speaker was found, so that a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SpeakerFrom {
    /// The mention is a name: "Mr Trump said".
    Name,
    /// A pronoun, resolved to the person it points back to: "he said".
    Pronoun,
    /// A description the article binds to a name: "the Indiana governor".
    Description,
    /// A document or channel, whose author speaks: "the email said".
    Document,
    /// Words someone else relays: "X quoted Y as saying".
    Nested,
    /// A headline quotation, given the speaker the body gives the same words.
    Headline,
    /// No cue of its own: the speaker of the quotation before goes on.
    Context,
    /// The same words attributed elsewhere in the article (a pull quote).
    Repeat,
    /// A transcript label inside the quotation: "PENCE: …".
    Label,
}

impl SpeakerFrom {
    /// The name used in JSON and in the index: "name", "pronoun", ….
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerFrom::Name => "name",
            SpeakerFrom::Pronoun => "pronoun",
            SpeakerFrom::Description => "description",
            SpeakerFrom::Document => "document",
            SpeakerFrom::Nested => "nested",
            SpeakerFrom::Headline => "headline",
            SpeakerFrom::Context => "context",
            SpeakerFrom::Repeat => "repeat",
            SpeakerFrom::Label => "label",
        }
    }
}

/// Find and attribute every statement in `body` — direct quotations and
/// reported statements — in the order they start.
///
/// Time and memory grow in step with the body, whatever it holds: at most
/// 10,000 quoted spans and 10,000 reported statements are read from one
/// body, and of a body without quote marks its first MiB (news articles
/// hold a few dozen statements in a few dozen KiB; more is a dump or a file
/// of stray marks, whose rest is passed over).
///
/// ```
/// let body = "“This is not my war,” Mr Trump said, “I have a red line.”";
/// let quotes = newsq_core::quote::extract(body);
/// assert_eq!(quotes.len(), 1);
/// assert_eq!(quotes[0].text, "This is not my war, I have a red line.");
/// assert_eq!(quotes[0].speaker_mention.as_deref(), Some("Mr Trump"));
/// ```
pub fn extract(body: &str) -> Vec<Quotation> {
    extract_in(None, None, body)
}

/// [`extract_with_headline`] of an article in `language`, a code such as
/// "de", "fr-CA" or "deu": quote marks, reporting verbs, titles and
/// pronouns are read with that language's lexicon. None tells the language
/// from the text ([`crate::language::detect`]); a language without a
/// lexicon ([`crate::language::LEXICONS`]), or one the text does not tell,
/// is read with English's.
///
/// ```
/// let body = "„Wir schließen den Hafen nicht“, sagte Bürgermeisterin Anke Sommer.";
/// let quotes = newsq_core::quote::extract_in(Some("de"), None, body);
/// assert_eq!(quotes[0].text, "Wir schließen den Hafen nicht");
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Anke Sommer"));
/// ```
pub fn extract_in(language: Option<&str>, headline: Option<&str>, body: &str) -> Vec<Quotation> {
    let index = match language {
        Some(code) => lexicon::language_index(code),
        None => crate::language::detect_index(headline.unwrap_or_default(), body),
    };
    let _lexicon = lexicon::Using::language(index);
    extract_with_context(headline, body)
}

/// [`extract`], with the article's headline as context: read as the
/// article's first sentence, it names people and spells out what the body
/// abbreviates ("International Monetary Fund" for "IMF"). It yields no
/// quotation of its own (offsets are the body's, and a headline's quoted
/// words come back in the body, with their speaker). A headline in title
/// case ("Clinton Speaks Directly To Voters") is not read: every word of
/// it looks like a name.
///
/// ```
/// let headline = "International Monetary Fund cuts its forecast";
/// let body = "The IMF warned of “political tensions” in rich countries.";
/// let quotes = newsq_core::quote::extract_with_headline(Some(headline), body);
/// assert_eq!(quotes[0].speaker.as_deref(), Some("International Monetary Fund"));
/// assert_eq!(&body[quotes[0].start..quotes[0].end], "“political tensions”");
/// ```
pub fn extract_with_headline(headline: Option<&str>, body: &str) -> Vec<Quotation> {
    extract_in(None, headline, body)
}

/// [`extract_with_headline`] with the lexicon in use.
fn extract_with_context(headline: Option<&str>, body: &str) -> Vec<Quotation> {
    let Some(lead) = headline.and_then(context_headline) else {
        return extract_text(body, 0);
    };
    let mut text = String::with_capacity(lead.len() + 2 + body.len());
    text.push_str(&lead);
    text.push_str("\n\n");
    text.push_str(body);
    let offset = lead.len() + 2;
    let mut quotes = extract_text(&text, offset);
    quotes.retain(|q| q.start >= offset);
    for q in &mut quotes {
        q.start -= offset;
        q.end -= offset;
        for part in &mut q.parts {
            part.0 -= offset;
            part.1 -= offset;
        }
        for start in &mut q.contains {
            *start -= offset;
        }
    }
    quotes
}

/// The headline as context for the body, or None: one line, not in title
/// case, with its quote marks blanked (same byte length) so that none of
/// them can pair with a mark of the body.
fn context_headline(headline: &str) -> Option<String> {
    const MAX_HEADLINE: usize = 400;
    let headline = headline.trim();
    if headline.is_empty() || headline.len() > MAX_HEADLINE || headline.contains('\n') {
        return None;
    }
    let long_words: Vec<&str> = headline
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if long_words.len() >= 3 && capitalised * 5 > long_words.len() * 3 {
        return None;
    }
    let chars: Vec<char> = headline.chars().collect();
    let mut blanked = String::with_capacity(headline.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let mark = matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '‹' | '›')
            || (matches!(c, '’' | '\'') && !inside_word);
        if mark {
            blanked.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            blanked.push(c);
        }
    }
    Some(blanked)
}

/// How much of a text without quote marks is read for reported statements.
const MAX_UNQUOTED_TEXT: usize = 1 << 20;

/// The end of the longest prefix of `text` of at most `max` bytes that
/// ends between words (or on a character boundary, in one long word).
fn prefix_end(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind(char::is_whitespace).unwrap_or(end)
}

/// [`extract`] of a text: the body, or the headline and the body, which
/// starts at byte `body_from`.
fn extract_text(body: &str, body_from: usize) -> Vec<Quotation> {
    let spans = marks::find_quoted_spans(body);
    // A text without quote marks is read for reported statements only, and
    // only so far: news articles run to a few dozen KiB, and a larger one
    // is a dump whose tokens would cost memory in step with all of it.
    let read = if spans.is_empty() {
        &body[..prefix_end(body, MAX_UNQUOTED_TEXT)]
    } else {
        body
    };
    let mut tokens = tokens::tokenize(read, &spans);
    tokens.headline_end = tokens.toks.partition_point(|tok| tok.start < body_from);
    let table = entities::EntityTable::build(&tokens);
    let clauses = clauses::Clauses {
        t: &tokens,
        spans: &spans,
        table: &table,
    };
    let (sources, reported) = attribute::find_sources(clauses);
    let (attributions, reported_attributions) = resolve::resolve(clauses, &sources, &reported);
    let mut out: Vec<Quotation> = Vec::with_capacity(spans.len() + reported.len());
    let mut continues = false;
    // The spans are done with: their parts move into the quotations.
    for (span, att) in spans.iter().zip(attributions) {
        if continues {
            if let Some(prev) = out.last_mut() {
                prev.end = span.close;
                prev.parts.extend_from_slice(&span.parts);
                prev.text = clean_quote_text(prev.parts.iter().map(|&(s, e)| &body[s..e]));
                continues = att.continues_in_next;
                continue;
            }
        }
        let text = clean_quote_text(span.parts.iter().map(|&(s, e)| &body[s..e]));
        let unattributed = att.speaker.is_none() && att.mention.is_none();
        // A dropped span joins nothing: the quotation after a title (author
        // of “A Book,” put it, “…”) stands alone, not with an earlier one.
        continues = false;
        if text.is_empty()
            || is_markup(body, span.open, &text)
            || is_capitalised_term(&text, &att)
            || is_sentence_case_title(body, span.open, &text)
            || (unattributed && (is_lone_word(&text) || is_short_name(&text)))
            || (is_title_of_work(&text)
                && ((unattributed && !is_term_after_verb(body, span.open, &text))
                    || names_a_work(body, span.open)))
        {
            continue;
        }
        continues = att.continues_in_next;
        out.push(Quotation {
            kind: StatementKind::Quotation,
            text,
            start: span.open,
            end: span.close,
            parts: span.parts.clone(),
            speaker: att.speaker,
            speaker_mention: att.mention,
            cue: att.cue,
            speaker_from: att.speaker_from,
            contains: Vec::new(),
        });
    }
    if reported.is_empty() {
        return out;
    }
    let quotations = out.len();
    for (statement, att) in reported.iter().zip(reported_attributions) {
        let parts: Vec<(usize, usize)> = (statement.parts.iter())
            .map(|&(first, last)| (tokens.toks[first].start, tokens.toks[last].end))
            .collect();
        let (Some(&(start, _)), Some(&(_, end))) = (parts.first(), parts.last()) else {
            continue;
        };
        // (One line: a statement may run over a line break of its paragraph.)
        let text = clean_quote_text(parts.iter().map(|&(s, e)| &body[s..e]))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // The quotations it holds, by their first mark (the quotations are
        // in text order: each part's are found by halving).
        let direct = &out[..quotations];
        let mut contains = Vec::new();
        for &(s, e) in &parts {
            let from = direct.partition_point(|q| q.start < s);
            let inside = direct[from..].iter().take_while(|q| q.start < e);
            contains.extend(inside.filter(|q| q.end <= e).map(|q| q.start));
        }
        out.push(Quotation {
            kind: StatementKind::Reported,
            text,
            start,
            end,
            parts,
            speaker: att.speaker,
            speaker_mention: att.mention,
            cue: att.cue,
            speaker_from: att.speaker_from,
            contains,
        });
    }
    out.sort_by_key(|q| q.start);
    out
}

impl Quotation {
    /// A direct quotation of `text` at `start..end` in the body (its quote
    /// marks included), in one part spanning the same bytes, with no
    /// speaker or cue. Set the other fields as far as they are known: for
    /// [`crate::index::NewsWriter::add_article_with_quotations`].
    ///
    /// ```
    /// use newsq_core::Quotation;
    ///
    /// let body = "Signs read “keep the ferry running” on Tuesday.";
    /// assert_eq!(&body[11..39], "“keep the ferry running”");
    /// let mut quotation = Quotation::new("keep the ferry running", 11, 39);
    /// quotation.parts = vec![(14, 36)]; // the words without the marks
    /// quotation.speaker = Some("Ferry Action Group".to_string());
    /// assert_eq!(quotation.problem_in(body), None);
    /// ```
    pub fn new(text: impl Into<String>, start: usize, end: usize) -> Quotation {
        Quotation {
            kind: StatementKind::Quotation,
            text: text.into(),
            start,
            end,
            parts: vec![(start, end)],
            speaker: None,
            speaker_mention: None,
            cue: None,
            speaker_from: None,
            contains: Vec::new(),
        }
    }

    /// What is wrong with this quotation as one found in `body`, if
    /// anything: its offsets must lie on character boundaries inside the
    /// body, its parts inside `start..end`, and every word of its text must
    /// be in `body[start..end]`. For property tests and fuzz targets, which
    /// check every quotation [`extract`] returns.
    ///
    /// ```
    /// let body = "“We stay,” Mayor Ana Lopes said.";
    /// let quote = &newsq_core::quote::extract(body)[0];
    /// assert_eq!(quote.problem_in(body), None);
    /// assert!(quote.problem_in("short").is_some());
    /// ```
    pub fn problem_in(&self, body: &str) -> Option<String> {
        let on_boundaries = |s: usize, e: usize| {
            s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
        };
        if !on_boundaries(self.start, self.end) {
            return Some(format!(
                "offsets {}..{} outside the body or not on character boundaries",
                self.start, self.end
            ));
        }
        if let Some(&(s, e)) = self
            .parts
            .iter()
            .find(|&&(s, e)| !on_boundaries(s, e) || s < self.start || e > self.end)
        {
            return Some(format!(
                "part {s}..{e} outside {}..{}",
                self.start, self.end
            ));
        }
        if self.text.is_empty() {
            return Some("empty text".to_string());
        }
        let span = &body[self.start..self.end];
        self.text
            .split_whitespace()
            .find(|word| !span.contains(word))
            .map(|word| format!("the word {word:?} is not in {span:?}"))
    }
}

/// `tweet-id="1234"`, `"@handle"`: an attribute value or an identifier, not
/// anybody's words.
fn is_markup(body: &str, open: usize, text: &str) -> bool {
    let attribute_value = body[..open].trim_end().ends_with('=');
    let no_words = !text.chars().any(char::is_alphabetic);
    let handle = text.starts_with('@') && !text.contains(' ');
    attribute_value || no_words || handle
}

/// газета «Балтийский вестник», le quotidien « La Voix du Nord »: where
/// titles capitalise their first word only, a short capitalised quotation
/// right after a noun that names a kind of work or body (`[work-markers]`,
/// not an article or a preposition) is its name.
fn is_sentence_case_title(body: &str, open: usize, text: &str) -> bool {
    const MAX_WORDS: usize = 8;
    // (English titles capitalise their words: there `is_title_of_work`
    // reads them, and its markers are articles and prepositions.)
    if !lexicon::active().settings.inverted_clauses {
        return false;
    }
    let word = word_before(body, open).to_lowercase();
    let classes = lexicon::WordClasses::of(&word);
    let after_noun =
        lexicon::is_work_marker(&word) && !classes.is_determiner() && !classes.is_preposition();
    after_noun
        && text.starts_with(char::is_uppercase)
        && text.split_whitespace().count() <= MAX_WORDS
        && !text.trim_end().ends_with(['.', '!', '?', ','])
}

/// „Kapitulation“, „Hartz IV“, „Black Stars“: in a language that
/// capitalises nouns, a quotation of capitalised words is a term, a name or
/// a title far more often than anyone's words. It is kept only with a
/// speaker, and one of three words or fewer only with a speaker its
/// reporting cue gives (a clause's subject alone is no such tie).
fn is_capitalised_term(text: &str, att: &resolve::Attribution) -> bool {
    const FEW_WORDS: usize = 3;
    lexicon::active().settings.nouns_capitalised
        && is_title_of_work(text)
        && (att.speaker.is_none()
            || (att.cue.is_none() && text.split_whitespace().count() <= FEW_WORDS))
}

/// „stabil“, „entsorgen“: where nouns are capitalised, one lowercase word
/// in quote marks is no noun but an adjective, a verb, an adverb; when
/// nobody is said to have said it, it is a word the writer holds at arm's
/// length, not a statement. (In English such a word is as often an epithet
/// somebody used: “losers”.)
fn is_lone_word(text: &str) -> bool {
    let text = text.trim();
    lexicon::active().settings.nouns_capitalised
        && !text.contains(char::is_whitespace)
        && text.starts_with(char::is_lowercase)
}

/// „Aktion Deutschland hilft“, „Freiheit statt Angst“: two or three words
/// in quote marks, two of them capitalised, without a comma or a sentence's closing
/// mark, that nobody is said to have said name something (a campaign, a
/// party, a work) rather than give anyone's words — unless they open as a
/// statement does ("Wir erwarten euch", "I'm loving it",
/// `[statement-openers]`).
fn is_short_name(text: &str) -> bool {
    let text = text.trim();
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    let count = 1 + rest.len();
    (2..=3).contains(&count)
        && first.starts_with(char::is_uppercase)
        && rest.iter().any(|w| w.starts_with(char::is_uppercase))
        && !lexicon::opens_a_statement(first.split(['\'', '’']).next().unwrap_or(first))
        && !text.ends_with(['.', '!', '?', '…'])
        && !text.contains(',')
}

/// "who only specified “Christian” as their religion": one capitalised
/// word right after a verb in the past, a term someone used rather than the
/// title of a work.
fn is_term_after_verb(body: &str, open: usize, text: &str) -> bool {
    let word = word_before(body, open);
    !text.trim().contains(' ')
        && word.len() > 3
        && word.ends_with("ed")
        && word.starts_with(char::is_lowercase)
        && !matches!(word, "called" | "titled" | "entitled" | "dubbed" | "named")
}

/// The word right before the opening mark at byte `open`, as written.
fn word_before(body: &str, open: usize) -> &str {
    body[..open]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
}

/// A title-case quotation after "on", "the", "called", "his"…: the name of
/// a show, book or slogan ("said on “This Week”", "his book “Crippled
/// America”").
fn names_a_work(body: &str, open: usize) -> bool {
    // The word just before the opening mark (its apostrophes kept: "Varga’s").
    let word = body[..open]
        .trim_end()
        .rsplit(|c: char| !(c.is_alphanumeric() || matches!(c, '’' | '\'')))
        .next()
        .unwrap_or_default();
    let lower = word.to_lowercase();
    lower.ends_with("’s")
        || lower.ends_with("'s")
        || lexicon::is_work_marker(&lower)
        || follows_a_noun(body, open, word)
}

/// "des Magazins „Der Spiegel“", "die Nachrichtenagentur „Xinhua“": in a
/// language that capitalises nouns, a capitalised word inside a sentence
/// right before the quoted title is the noun it names.
fn follows_a_noun(body: &str, open: usize, word: &str) -> bool {
    if !lexicon::active().settings.nouns_capitalised || !word.starts_with(char::is_uppercase) {
        return false;
    }
    let before_word = body[..open].trim_end();
    let before_word =
        before_word[..before_word.len() - word.len().min(before_word.len())].trim_end();
    // (A capital opening a sentence says nothing.)
    !(before_word.is_empty() || before_word.ends_with(['.', '!', '?', ':', '“', '"', '»']))
}

/// “Meet the Press”, “The Walking Dead”, “Harbour Lights.”, “Practical
/// Solutions to the Problem of Diagonal Dominance”: a run of capitalised
/// words (the lexicon's small words aside), no sentence inside — the name
/// of a show, book, film or paper.
pub(crate) fn is_title_of_work(text: &str) -> bool {
    // (Titles run to a dozen words or so; a longer run is prose.)
    const MAX_TITLE_WORDS: usize = 16;
    let words = || text.split_whitespace();
    // Asked first, as most quotations fail it within a word or two (the
    // second lowercase).
    let titled = words().take(MAX_TITLE_WORDS + 1).enumerate().all(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && lexicon::is_title_small_word(w))
    });
    if !titled {
        return false;
    }
    let count = words().take(MAX_TITLE_WORDS + 1).count();
    // (Past seven words, no sentence may end inside: a line of prose in
    // capitals is no title.)
    let one_phrase = count <= 7
        || !text
            .trim_end()
            .trim_end_matches(['.', '?', '!'])
            .contains(['.', '?', '!', ';', ':']);
    (1..=MAX_TITLE_WORDS).contains(&count)
        && one_phrase
        && !text.trim_end().ends_with([',', '?', '!'])
        && words().any(|w| w.chars().any(char::is_alphabetic))
        && !words()
            .next()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(lexicon::opens_a_statement)
}

/// Join the parts and drop the comma a reporting clause leaves behind (“…,” she said).
pub(crate) fn clean_quote_text<'a>(parts: impl Iterator<Item = &'a str> + Clone) -> String {
    // One String, sized once: the parts are joined straight into it.
    let capacity = parts.clone().map(|p| p.len() + 1).sum();
    let mut text = String::with_capacity(capacity);
    for part in parts.map(str::trim).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(part);
    }
    let kept = text.trim_end_matches([',', ' ']).len();
    text.truncate(kept);
    text
}
