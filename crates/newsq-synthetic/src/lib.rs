//! A deterministic generator of synthetic news articles with planted
//! quotations, for testing and benchmarking newsq at any scale.
//!
//! Every article is a pure function of a seed and its number, so a corpus of a
//! million articles can be written in parallel, in any order, and the same
//! seed gives the same bytes on every platform. The text is invented: a
//! vocabulary of news English drawn Zipf-like, place and organisation names
//! built from syllables (a long tail that grows with the corpus, as in real
//! news), 20,000 invented people with roles and, for some, several spellings
//! of their surname, and about 60 invented outlets with their own house styles
//! (curly, straight or single quotation marks, "Mr"/"Mr."/no honorific).
//!
//! Articles come in stories: neighbouring article numbers cover the same
//! events, so one statement (about one per three articles) is quoted by
//! several outlets over a few days, sometimes in other words — a word
//! replaced, a phrase elided with "...", or a fragment quoted.
//!
//! ```
//! let generator = newsq_synthetic::Generator::new(7);
//! let article = generator.article(42);
//! assert_eq!(article, generator.article(42));
//! for q in &article.quotations {
//!     assert!(q.speaker.contains(' '));
//! }
//! assert!(article.to_json_line().starts_with('{'));
//! ```

#![warn(missing_docs)]

mod corpus;
mod names;
mod prose;
mod rng;
pub mod web;
mod words;

pub use corpus::{write_corpus, CorpusLayout, CorpusWritten};
use prose::{Prose, Sent, Vocab};
use rng::{hash, PowerLaw, Rng, ZipfTable};

const SALT_ARTICLE: u64 = 1;
const SALT_BLOCK: u64 = 2;
const SALT_STORY: u64 = 3;
const SALT_STATEMENT: u64 = 4;
const SALT_PERSON: u64 = 5;
const SALT_OUTLET: u64 = 6;
const SALT_AUTHOR: u64 = 7;
const SALT_SPELLING: u64 = 8;

/// How many invented people can be quoted.
const SPEAKERS: usize = 20_000;
/// Articles are cut into stories within blocks of this many.
const ARTICLES_PER_BLOCK: u64 = 64;
/// Statement ids of a block: `block * STATEMENTS_PER_BLOCK + k`.
const STATEMENTS_PER_BLOCK: u64 = 128;
/// Days from 2019-01-01 to 2025-12-31.
const DAYS: usize = 2557;
/// Place ids are drawn from a power law over this many.
const PLACES: u64 = 5_000_000;
/// Share of people with several spellings of their surname, in percent.
const VARIANT_PERCENT: usize = 15;

/// A deterministic news generator: the seed and its pools of words, people
/// (speakers), outlets and (computed on demand) statements.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    vocab: Vocab,
    people: Vec<Person>,
    outlets: Vec<Outlet>,
    speakers: PowerLaw,
    places: PowerLaw,
    outlet_z: ZipfTable,
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticArticle {
    /// The headline, 6 to 12 words.
    pub title: String,
    /// The text: paragraphs separated by "\n\n".
    pub body: String,
    /// The outlet's name ("Meridian Wire", "valmoranews.example").
    pub outlet: String,
    /// Publication date, "2024-03-07".
    pub published: String,
    /// The article's address, unique per article number.
    pub url: String,
    /// The byline: "Name Surname" for each author (none for some wire copy).
    pub authors: Vec<String>,
    /// The quotations planted in the body, in order.
    pub quotations: Vec<PlantedQuotation>,
}

/// A quotation planted in an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlantedQuotation {
    /// The quoted words as they appear in the body, without the quote marks
    /// (and without the comma a reporting clause leaves: “…,” she said); the
    /// parts of a split or multi-paragraph quotation joined by a space.
    pub text: String,
    /// The speaker's canonical full name ("Anna Berrow").
    pub speaker: String,
    /// The speaker's full name as this article spells it: another spelling of
    /// the surname for people whose name is transliterated in several ways.
    pub spelling: String,
    /// The statement this quotation reports; other articles report it too.
    pub statement: u64,
    /// How the quotation is attributed, for diagnostics: "said-name",
    /// "pronoun", "colon", "partial", "multi-paragraph", …
    pub style: &'static str,
}

impl SyntheticArticle {
    /// What a web page of the article says (for
    /// [`web::html_page`]): its paragraphs, byline, date, outlet and URL.
    pub fn to_page_article(&self) -> web::PageArticle {
        web::PageArticle {
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            authors: self.authors.clone(),
            published: Some(format!("{}T08:00:00Z", self.published)),
            language: "en".to_string(),
            url: self.url.clone(),
            paragraphs: self.body.split("\n\n").map(str::to_string).collect(),
        }
    }

    /// The article as one JSON object on one line (no newline at the end),
    /// with news-please's field names: `title`, `maintext`, `source_domain`
    /// (the outlet), `date_publish`, `url`, `authors`.
    pub fn to_json_line(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + self.title.len() + 200);
        out.push_str("{\"title\":");
        json_string(&mut out, &self.title);
        out.push_str(",\"maintext\":");
        json_string(&mut out, &self.body);
        out.push_str(",\"source_domain\":");
        json_string(&mut out, &self.outlet);
        out.push_str(",\"date_publish\":");
        json_string(&mut out, &self.published);
        out.push_str(",\"url\":");
        json_string(&mut out, &self.url);
        out.push_str(",\"authors\":[");
        for (i, a) in self.authors.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_string(&mut out, a);
        }
        out.push_str("]}");
        out
    }
}

/// The bytes a JSON string must escape: quote, backslash, control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// `s` as a JSON string literal.
fn json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !NEEDS_ESCAPE[usize::from(b)] {
            continue;
        }
        out.push_str(&s[last..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out.push('"');
}

#[derive(Debug, Clone)]
struct Person {
    given: &'static str,
    /// Spellings of the surname; the first is the canonical one.
    surnames: Vec<String>,
    female: bool,
    role: Role,
}

#[derive(Debug, Clone)]
struct Role {
    /// After the name: "the health minister", "a spokeswoman for the Dravel Council".
    appositive: String,
    /// Before the name: "Health Minister", "Mayor" (when the role reads as a title).
    title: Option<String>,
    /// The role as a noun after "the": "minister".
    noun: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    Curly,
    Straight,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Honorific {
    None,
    Plain,
    Dotted,
}

#[derive(Debug, Clone)]
struct Outlet {
    name: &'static str,
    host: String,
    marks: Marks,
    honorific: Honorific,
    title_case: bool,
    /// ‘…’, said X (the comma outside the marks, as some British papers print it).
    comma_outside: bool,
}

impl Outlet {
    fn open(&self) -> &'static str {
        match self.marks {
            Marks::Curly => "“",
            Marks::Straight => "\"",
            Marks::Single => "‘",
        }
    }
    fn close(&self) -> &'static str {
        match self.marks {
            Marks::Curly => "”",
            Marks::Straight => "\"",
            Marks::Single => "’",
        }
    }
}

/// The invented outlets; a name ending in ".example" is a web address.
const OUTLETS: &[&str] = &[
    "The Harwick Courier",
    "Meridian Wire",
    "Lowland Post",
    "valmoranews.example",
    "The Easterly Herald",
    "Northmark Daily",
    "The Brackenfield Gazette",
    "Coastline Times",
    "The Varnel Sentinel",
    "Greyport Chronicle",
    "The Aldmoor Observer",
    "Riverbend Dispatch",
    "The Carrow Standard",
    "Tidewater Bulletin",
    "The Fenmarch Record",
    "Upland Register",
    "The Saltmere Mercury",
    "Eastvale Evening News",
    "The Westholm Tribune",
    "Quillon Press Agency",
    "dunmarrow-today.example",
    "The Kestrel Review",
    "Morrow Street Journal",
    "The Daily Anvil",
    "Brightwater Messenger",
    "The Cindermoor Echo",
    "Palisade News",
    "The Marrowby Beacon",
    "thecrestline.example",
    "ashgrovepost.example",
    "The Glenharrow Times",
    "Solmere Reporter",
    "Caldera Post",
    "The Penhallow Argus",
    "Stonebridge Weekly",
    "Wrenfield Citizen",
    "The Blackfen Voice",
    "Norland Radio News",
    "The Redcliff Monitor",
    "Southreach Gazette",
    "nordlicht24.example",
    "Ardenne Courier",
    "The Hollins Clarion",
    "Lakeshore Daily",
    "The Pinecrest Enterprise",
    "Mistral Newswire",
    "kavalitimes.example",
    "The Albion Lamp",
    "Greenhythe Herald",
    "The Tallis Post",
    "Orla Morning Star",
    "Falconridge Times",
    "brisamundo.example",
    "The Moorgate Examiner",
    "Vesper Evening Post",
    "easthollow.example",
    "The Silverkirk Times",
    "Rookwood Reporter",
    "thelanternwire.example",
    "Three Rivers Ledger",
];

/// A story: a run of neighbouring articles about the same events.
#[derive(Debug, Clone)]
struct Story {
    first_statement: u64,
    statements: u64,
    day: usize,
    place: u64,
    topic: Vec<usize>,
    cast: Vec<usize>,
}

/// Something a person said once, that articles quote.
#[derive(Debug, Clone)]
struct Statement {
    id: u64,
    speaker: usize,
    sentences: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// One or two whole sentences.
    Full,
    /// A few words of a sentence, inside the reporter's own sentence.
    Fragment,
    /// Several sentences over two or three paragraphs.
    Multi,
}

/// A quotation chosen for an article, before it is written.
#[derive(Debug, Clone)]
struct Pick {
    statement: usize,
    form: Form,
    /// The quoted words: one entry per sentence (Full), one (Fragment) or one per paragraph (Multi).
    parts: Vec<String>,
}

impl Generator {
    /// A generator for `seed`: builds the pools of words, people and outlets
    /// (a few milliseconds).
    pub fn new(seed: u64) -> Generator {
        let people = (0..SPEAKERS).map(|i| person(seed, i as u64)).collect();
        let outlets = OUTLETS
            .iter()
            .enumerate()
            .map(|(i, &name)| outlet(seed, i as u64, name))
            .collect();
        Generator {
            seed,
            vocab: Vocab::new(),
            people,
            outlets,
            speakers: PowerLaw::with_offset(SPEAKERS as u64, 10),
            places: PowerLaw::new(PLACES),
            outlet_z: ZipfTable::new(OUTLETS.len(), 3),
        }
    }

    /// Article number `n`: a pure function of (seed, n) so articles can be made
    /// in any order, in parallel, or one at a time.
    pub fn article(&self, n: u64) -> SyntheticArticle {
        let story = self.story(n);
        let mut rng = Rng::new(self.seed, SALT_ARTICLE, n);
        let outlet_ix = self.outlet_z.sample(&mut rng);
        let outlet = &self.outlets[outlet_ix];
        let place_name = names::place(self.seed, story.place);
        let prose = Prose {
            v: &self.vocab,
            seed: self.seed,
            places: &self.places,
            topic: &story.topic,
            place: story.place,
        };
        let lag = match rng.below(10) {
            0..=4 => 0,
            5..=7 => 1,
            _ => rng.range(2, 6),
        };
        let day = (story.day + lag).min(DAYS - 1);

        // Brief, standard report or feature.
        let (target, paragraphs, mut quotes) = match rng.below(100) {
            0..=24 => (rng.range(450, 950), 5, rng.range(0, 3)),
            25..=84 => (rng.range(1700, 3700), rng.range(6, 14), rng.range(2, 8)),
            _ => (rng.range(4500, 8500), rng.range(12, 20), rng.range(4, 10)),
        };
        if rng.percent(4) {
            quotes = 0;
        }

        let mut statements: Vec<Statement> = Vec::new();
        // (Single quote marks over several paragraphs are more than newsq reads.)
        let multi_ok = outlet.marks != Marks::Single;
        let mut picks = self.pick_quotations(
            &mut rng,
            &story,
            (&prose, &place_name),
            (quotes, multi_ok),
            &mut statements,
        );
        // Most articles quote one person in consecutive paragraphs.
        if rng.percent(65) {
            let order: Vec<usize> = picks
                .iter()
                .map(|p| statements[p.statement].speaker)
                .collect();
            picks.sort_by_key(|p| {
                let s = statements[p.statement].speaker;
                order.iter().position(|&o| o == s)
            });
        }

        let mut writer = ArticleWriter {
            g: self,
            outlet,
            outlet_ix,
            prose: &prose,
            statements: &statements,
            introduced: Vec::new(),
            role_stated: Vec::new(),
            planted: Vec::new(),
            paragraphs: Vec::new(),
            speakers_in_article: picks
                .iter()
                .map(|p| statements[p.statement].speaker)
                .collect(),
        };
        writer.write(&mut rng, &picks, target, paragraphs);
        let ArticleWriter {
            planted,
            paragraphs,
            ..
        } = writer;
        let mut body = paragraphs.join("\n\n");
        let mut quotations = planted;
        let mut title = self.headline(&mut rng, &prose, outlet, outlet_ix, &statements, &picks);
        if outlet.marks == Marks::Straight {
            // Straight quote marks, straight apostrophes.
            body = body.replace('’', "'");
            title = title.replace('’', "'");
            for q in &mut quotations {
                q.text = q.text.replace('’', "'");
            }
        }
        let (y, m, d) = date(day);
        let url = format!("https://{}/{y:04}/{m:02}/{}-{n}", outlet.host, slug(&title));
        let authors = self.authors(&mut rng, outlet_ix);
        SyntheticArticle {
            title,
            body,
            outlet: outlet.name.to_string(),
            published: format!("{y:04}-{m:02}-{d:02}"),
            url,
            authors,
            quotations,
        }
    }

    /// The story article `n` belongs to.
    fn story(&self, n: u64) -> Story {
        let block = n / ARTICLES_PER_BLOCK;
        let at = n % ARTICLES_PER_BLOCK;
        let mut rng = Rng::new(self.seed, SALT_BLOCK, block);
        let (mut start, mut first, mut index) = (0u64, 0u64, 0u64);
        let statements = loop {
            let size = match rng.below(10) {
                0..=3 => rng.range(1, 6),
                4..=7 => rng.range(7, 20),
                _ => rng.range(21, 48),
            } as u64;
            let size = size.min(ARTICLES_PER_BLOCK - start);
            let statements = (size / 4 + 2).min(12);
            if at < start + size {
                break statements;
            }
            start += size;
            first += statements;
            index += 1;
        };
        let mut rng = Rng::new(self.seed, SALT_STORY, block * ARTICLES_PER_BLOCK + index);
        let day = rng.below(DAYS - 8);
        let place = self.places.sample(&mut rng);
        let topic = vec![
            self.vocab.noun(&mut rng),
            self.vocab.noun(&mut rng),
            rng.below(self.vocab.nouns.len()),
        ];
        let cast_size = match rng.below(10) {
            0 => 1,
            1..=3 => 2,
            4..=6 => 3,
            7 | 8 => 4,
            _ => 5,
        };
        let mut cast: Vec<usize> = Vec::with_capacity(cast_size);
        while cast.len() < cast_size {
            let p = self.speakers.sample(&mut rng) as usize;
            if !cast.contains(&p) {
                cast.push(p);
            }
        }
        Story {
            first_statement: block * STATEMENTS_PER_BLOCK + first,
            statements,
            day,
            place,
            topic,
            cast,
        }
    }

    /// Statement `id` of `story`.
    fn statement(&self, story: &Story, prose: &Prose<'_>, place_name: &str, id: u64) -> Statement {
        let mut rng = Rng::new(self.seed, SALT_STATEMENT, id);
        let who = rng::harmonic(&mut rng, story.cast.len());
        let count = if rng.percent(20) {
            rng.range(4, 6)
        } else {
            rng.range(2, 4)
        };
        let sentences = (0..count)
            .map(|_| {
                let mut s = String::with_capacity(160);
                prose.speech_sentence(&mut s, &mut rng, place_name);
                s
            })
            .collect();
        Statement {
            id,
            speaker: story.cast[who],
            sentences,
        }
    }

    /// Which statements the article quotes, and which of their words.
    fn pick_quotations(
        &self,
        rng: &mut Rng,
        story: &Story,
        (prose, place_name): (&Prose<'_>, &str),
        (quotes, multi_ok): (usize, bool),
        statements: &mut Vec<Statement>,
    ) -> Vec<Pick> {
        let mut used: Vec<(usize, usize)> = Vec::new();
        let mut picks = Vec::with_capacity(quotes);
        for _ in 0..quotes {
            let id = story.first_statement + rng::harmonic(rng, story.statements as usize) as u64;
            let st = match statements.iter().position(|s| s.id == id) {
                Some(i) => i,
                None => {
                    statements.push(self.statement(story, prose, place_name, id));
                    statements.len() - 1
                }
            };
            let len = statements[st].sentences.len();
            let r = rng.below(100);
            let (form, want) = if r < 8 && len >= 3 && multi_ok {
                (Form::Multi, rng.range(3, len.min(5)))
            } else if r < 24 {
                (Form::Fragment, 1)
            } else {
                (Form::Full, if rng.percent(35) { 2 } else { 1 })
            };
            let start = if rng.percent(55) { 0 } else { rng.below(len) };
            let chosen = (0..len).find_map(|off| {
                let s0 = (start + off) % len;
                let w = want.min(len - s0);
                let ok = w > 0
                    && (form != Form::Multi || w >= 3)
                    && (s0..s0 + w).all(|j| !used.contains(&(st, j)));
                ok.then_some(s0..s0 + w)
            });
            let Some(range) = chosen else { continue };
            used.extend(range.clone().map(|j| (st, j)));
            let sentences = &statements[st].sentences[range];
            let parts = match form {
                Form::Full => {
                    let mut parts: Vec<String> = sentences.to_vec();
                    // Another outlet's wording: a word replaced, or words elided.
                    match rng.below(100) {
                        0..=11 => replace_a_word(rng, &self.vocab, &mut parts),
                        12..=21 => elide(rng, &mut parts),
                        _ => {}
                    }
                    parts
                }
                Form::Fragment => vec![fragment(rng, &sentences[0], 5, 10)],
                Form::Multi => {
                    let split = sentences.len().div_ceil(2);
                    vec![sentences[..split].join(" "), sentences[split..].join(" ")]
                }
            };
            picks.push(Pick {
                statement: st,
                form,
                parts,
            });
        }
        picks
    }

    /// The surname as outlet `outlet` spells it.
    fn spelling(&self, person: usize, outlet: usize) -> &str {
        let s = &self.people[person].surnames;
        if s.len() == 1 {
            return &s[0];
        }
        let h = hash(&[self.seed, SALT_SPELLING, person as u64, outlet as u64]) as usize;
        &s[h % s.len()]
    }

    fn headline(
        &self,
        rng: &mut Rng,
        prose: &Prose<'_>,
        outlet: &Outlet,
        outlet_ix: usize,
        statements: &[Statement],
        picks: &[Pick],
    ) -> String {
        let v = &self.vocab;
        let mut out = String::with_capacity(96);
        let mut s = Sent::new(&mut out);
        let lead = picks.first().map(|p| (p, statements[p.statement].speaker));
        match (rng.below(100), lead) {
            (0..=11, Some((pick, who))) => {
                // ‘Few words’: Surname warns over …
                let first_sentence = match pick.parts[0].find(['.', '?', '!']) {
                    Some(end) => &pick.parts[0][..=end],
                    None => &pick.parts[0],
                };
                let quoted = fragment(rng, first_sentence, 3, 6);
                let (open, close) = match outlet.marks {
                    Marks::Straight => ("'", "'"),
                    _ => ("‘", "’"),
                };
                s.w(open);
                s.p(&quoted);
                s.p(close);
                s.p(":");
                s.w(self.spelling(who, outlet_ix));
                s.w(rng.pick(words::HEADLINE_VERBS));
                prose.noun_phrase(&mut s, rng, false);
            }
            (12..=55, Some((_, who))) => {
                s.w(self.spelling(who, outlet_ix));
                s.w(rng.pick(words::HEADLINE_VERBS));
                prose.noun_phrase(&mut s, rng, false);
                prose.adjunct(&mut s, rng);
            }
            (56..=62, _) => {
                s.w("will");
                prose.noun_phrase(&mut s, rng, true);
                s.w(&v.verb(rng).base);
                prose.noun_phrase(&mut s, rng, false);
                s.end("?");
                return finish_headline(out, outlet.title_case, rng, prose);
            }
            _ => {
                let verb = v.verb(rng);
                if prose.noun_phrase(&mut s, rng, true) {
                    s.w(&verb.base);
                } else {
                    s.w(&verb.third);
                }
                prose.noun_phrase(&mut s, rng, false);
                prose.adjunct(&mut s, rng);
            }
        }
        s.end("");
        finish_headline(out, outlet.title_case, rng, prose)
    }

    fn authors(&self, rng: &mut Rng, outlet_ix: usize) -> Vec<String> {
        let count = match rng.below(100) {
            0..=9 => 0,
            10..=84 => 1,
            _ => 2,
        };
        (0..count)
            .map(|_| {
                let k = rng.below(30) as u64;
                let mut a = Rng::new(self.seed, SALT_AUTHOR, outlet_ix as u64 * 64 + k);
                let given = if a.percent(50) {
                    a.pick(names::FEMALE_NAMES)
                } else {
                    a.pick(names::MALE_NAMES)
                };
                format!("{given} {}", names::surname(&mut a, 0)[0])
            })
            .collect()
    }
}

/// Pads a headline to 6 words, cuts it at 12, and title-cases it if the
/// outlet does.
fn finish_headline(
    mut title: String,
    title_case: bool,
    rng: &mut Rng,
    prose: &Prose<'_>,
) -> String {
    let ends_in_question = title.ends_with('?');
    if ends_in_question {
        title.pop();
    }
    while title.split_whitespace().count() < 6 {
        title.push(' ');
        prose.adjunct(&mut Sent::new(&mut title), rng);
    }
    if let Some((i, _)) = title.match_indices(' ').nth(11) {
        title.truncate(i);
    }
    // Not "… on the year by": cut back to a word a headline can end on.
    while title.split(' ').count() > 6 {
        match title.rsplit_once(' ') {
            Some((head, last)) if is_weak(last) => title.truncate(head.len()),
            _ => break,
        }
    }
    let title = title.trim_end_matches([',', ':']).to_string();
    let mut out = String::with_capacity(title.len() + 1);
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let minor = matches!(
            word,
            "a" | "an" | "the" | "of" | "in" | "on" | "at" | "for" | "to" | "and" | "over" | "with"
        );
        // The first letter, after any quote mark: ‘we will…’ → ‘We will…’.
        let letter = word.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
        if (i == 0 || (title_case && !minor))
            && word[letter..].starts_with(|c: char| c.is_ascii_lowercase())
        {
            out.push_str(&word[..letter]);
            out.push_str(&word[letter..letter + 1].to_ascii_uppercase());
            out.push_str(&word[letter + 1..]);
        } else {
            out.push_str(word);
        }
    }
    if ends_in_question {
        out.push('?');
    }
    out
}

/// Lowercase words of a title joined by hyphens, for a URL.
fn slug(title: &str) -> String {
    let mut out = String::with_capacity(64);
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// Day `d` after 2019-01-01 as (year, month, day).
fn date(d: usize) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days, from days since 1970-01-01.
    let z = 17_897 + d as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Person `i` of the pool.
fn person(seed: u64, i: u64) -> Person {
    let mut rng = Rng::new(seed, SALT_PERSON, i);
    let female = rng.percent(42);
    let given = if female {
        rng.pick(names::FEMALE_NAMES)
    } else {
        rng.pick(names::MALE_NAMES)
    };
    let surnames = names::surname(&mut rng, VARIANT_PERCENT);
    let mut place = String::new();
    names::write_place(&mut place, seed, rng.below(4000) as u64);
    let role = match rng.below(100) {
        0..=14 => {
            let p = rng.pick(words::PORTFOLIOS_TITLED);
            Role {
                appositive: format!("the {p} minister"),
                title: Some(format!(
                    "{}{} Minister",
                    p[..1].to_ascii_uppercase(),
                    &p[1..]
                )),
                noun: Some("minister"),
            }
        }
        15..=24 => Role {
            appositive: format!("the {} minister", rng.pick(words::PORTFOLIOS_PLAIN)),
            title: None,
            noun: Some("minister"),
        },
        25..=28 => Role {
            appositive: format!("the president of {place}"),
            title: Some("President".into()),
            noun: Some("president"),
        },
        29..=38 => Role {
            appositive: format!("the mayor of {place}"),
            title: Some("Mayor".into()),
            noun: Some("mayor"),
        },
        39..=53 => {
            let who = if female { "spokeswoman" } else { "spokesman" };
            Role {
                appositive: format!("a {who} for the {place} {}", rng.pick(words::ORG_HEADS)),
                title: None,
                noun: Some(who),
            }
        }
        54..=61 => Role {
            appositive: format!(
                "a professor of {} at the University of {place}",
                rng.pick(words::FIELDS)
            ),
            title: Some("Professor".into()),
            noun: Some("professor"),
        },
        62..=69 => Role {
            appositive: format!(
                "the chief executive of {place} {}",
                rng.pick(&["Holdings", "Energy", "Logistics", "Foods", "Shipping"])
            ),
            title: None,
            noun: None,
        },
        70..=75 => Role {
            appositive: format!(
                "the head of the {place} {}",
                rng.pick(&[
                    "Transport Union",
                    "Farmers Union",
                    "Teachers Federation",
                    "Nurses Union"
                ])
            ),
            title: None,
            noun: None,
        },
        76..=81 => Role {
            appositive: format!("a senator from {place}"),
            title: Some("Senator".into()),
            noun: Some("senator"),
        },
        82..=87 => Role {
            appositive: "an opposition lawmaker".into(),
            title: None,
            noun: Some("lawmaker"),
        },
        88..=93 => Role {
            appositive: format!("a {} from {place}", rng.pick(words::TRADES)),
            title: None,
            noun: None,
        },
        _ => Role {
            appositive: format!("an economist at the {place} Institute"),
            title: None,
            noun: Some("economist"),
        },
    };
    Person {
        given,
        surnames,
        female,
        role,
    }
}

/// Outlet `i` and its house style.
fn outlet(seed: u64, i: u64, name: &'static str) -> Outlet {
    let mut rng = Rng::new(seed, SALT_OUTLET, i);
    let host = if name.ends_with(".example") {
        name.to_string()
    } else {
        let slug: String = name
            .strip_prefix("The ")
            .unwrap_or(name)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        format!("{}.example", slug.to_ascii_lowercase())
    };
    let marks = match rng.below(100) {
        0..=54 => Marks::Curly,
        55..=79 => Marks::Straight,
        _ => Marks::Single,
    };
    let honorific = match rng.below(100) {
        0..=39 => Honorific::Plain,
        40..=59 => Honorific::Dotted,
        _ => Honorific::None,
    };
    Outlet {
        name,
        host,
        marks,
        honorific,
        title_case: rng.percent(40),
        comma_outside: marks == Marks::Single && rng.percent(50),
    }
}

/// Replace one longer lowercase word of the quotation by another word.
fn replace_a_word(rng: &mut Rng, v: &Vocab, parts: &mut [String]) {
    let i = rng.below(parts.len());
    let words: Vec<&str> = parts[i].split(' ').collect();
    let candidates: Vec<usize> = (1..words.len())
        .filter(|&j| words[j].len() > 4 && words[j].bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let j = rng.pick(&candidates);
    let replacement = if v.adjectives.contains(&words[j]) {
        v.adjective(rng)
    } else {
        v.nouns[v.noun(rng)]
    };
    let mut out = String::with_capacity(parts[i].len() + 8);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(if k == j { replacement } else { w });
    }
    parts[i] = out;
}

/// Drop a few words from the middle of a long sentence, marking the gap "...".
fn elide(rng: &mut Rng, parts: &mut [String]) {
    let i = rng.below(parts.len());
    let words: Vec<&str> = parts[i].split(' ').collect();
    if words.len() < 12 {
        return;
    }
    let from = rng.range(3, words.len() - 7);
    let to = from + rng.range(2, 4);
    let mut out = words[..from].join(" ");
    out.push_str(" ... ");
    out.push_str(&words[to..].join(" "));
    parts[i] = out;
}

/// Words a quoted fragment should not end on ("… the end of the").
fn is_weak(word: &str) -> bool {
    let w = word
        .trim_end_matches([',', '.', '?', '!'])
        .to_ascii_lowercase();
    matches!(
        w.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "and"
            | "that"
            | "this"
            | "is"
            | "was"
            | "be"
            | "will"
            | "by"
            | "from"
            | "near"
            | "since"
            | "across"
            | "into"
            | "over"
            | "under"
            | "around"
            | "without"
            | "not"
            | "we"
            | "i"
            | "it’s"
            | "there"
            | "if"
            | "what"
            | "are"
            | "were"
            | "can"
            | "should"
            | "have"
            | "has"
            | "more"
            | "than"
            | "about"
            | "some"
            | "nearly"
            | "no"
            | "every"
            | "after"
            | "before"
            | "during"
            | "within"
            | "outside"
            | "between"
            | "against"
            | "through"
            | "as"
            | "while"
            | "because"
            | "but"
            | "or"
    ) || words::INTENSIFIERS.contains(&w.as_str())
}

/// The end of a run of `words` from `start`, at least `len` long, moved on
/// past words a quotation should not end on.
fn strong_end(words: &[&str], start: usize, len: usize) -> usize {
    let mut end = (start + len).min(words.len());
    while end < words.len() && is_weak(words[end - 1]) {
        end += 1;
    }
    end
}

/// A few words of a sentence, to quote inside the reporter's own sentence.
fn fragment(rng: &mut Rng, sentence: &str, shortest: usize, longest: usize) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let n = words.len();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    // A phrase that stands alone: the clause before the first comma, the end
    // of the sentence, or its first words up to one a quotation can end on.
    let comma = words[..n - 1].iter().position(|w| w.ends_with(','));
    let (mut start, end) = match (rng.below(3), comma) {
        (0, Some(c)) if (shortest - 1..longest).contains(&c) => (0, c + 1),
        (0 | 1, _) => {
            let k = rng.range(shortest, longest).min(n);
            let mut start = n - k;
            // Not on "and" or "but" after a comma.
            while start + shortest < n && matches!(words[start], "and" | "but" | "not" | "or") {
                start += 1;
            }
            (start, n)
        }
        _ => (0, strong_end(&words, 0, rng.range(shortest, longest))),
    };
    // Not in the middle of a name ("Bay Housing Association …"), nor on a
    // number: ‘40 ballots…’ would read as an elision ('90s).
    while start > 0
        && (words[start].starts_with(|c: char| c.is_ascii_digit())
            || (capitalised(words[start]) && capitalised(words[start - 1])))
    {
        start -= 1;
    }
    let mut out = words[start..end].join(" ");
    // It no longer opens a sentence: "We will" → "we will" (but "I" stays).
    if start == 0 && !out.starts_with("I ") && !out.starts_with("I’") {
        out[..1].make_ascii_lowercase();
    }
    let kept = out.trim_end_matches([',', '.', '?', '!']).len();
    out.truncate(kept);
    out
}

/// Writes an article's paragraphs and records its quotations.
struct ArticleWriter<'a> {
    g: &'a Generator,
    outlet: &'a Outlet,
    outlet_ix: usize,
    prose: &'a Prose<'a>,
    statements: &'a [Statement],
    /// People already named in full in this article.
    introduced: Vec<usize>,
    /// People whose role the article has given ("the health minister").
    role_stated: Vec<usize>,
    planted: Vec<PlantedQuotation>,
    paragraphs: Vec<String>,
    speakers_in_article: Vec<usize>,
}

/// A paragraph of the layout.
enum Slot {
    Filler,
    /// Picks quoted in one paragraph (one, or two by the same person), or one
    /// multi-paragraph quotation.
    Quote(Vec<usize>),
}

impl ArticleWriter<'_> {
    fn write(&mut self, rng: &mut Rng, picks: &[Pick], target: usize, paragraphs: usize) {
        // Group the picks into paragraphs.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, pick) in picks.iter().enumerate() {
            let speaker = self.statements[pick.statement].speaker;
            if let Some(last) = groups.last_mut() {
                let prev = &picks[last[0]];
                let joinable = last.len() == 1
                    && prev.form == Form::Full
                    && pick.form == Form::Full
                    && self.statements[prev.statement].speaker == speaker;
                if joinable && rng.percent(25) {
                    last.push(i);
                    continue;
                }
            }
            groups.push(vec![i]);
        }
        let quote_paragraphs: usize = groups
            .iter()
            .map(|g| {
                if picks[g[0]].form == Form::Multi {
                    2
                } else {
                    1
                }
            })
            .sum();
        let fillers = paragraphs.saturating_sub(1 + quote_paragraphs);
        let mut gaps = vec![0usize; groups.len() + 1];
        for _ in 0..fillers {
            gaps[rng.below(groups.len() + 1)] += 1;
        }
        let mut layout = vec![Slot::Filler];
        for (i, group) in groups.into_iter().enumerate() {
            layout.extend((0..gaps[i]).map(|_| Slot::Filler));
            layout.push(Slot::Quote(group));
        }
        layout.extend((0..gaps[gaps.len() - 1]).map(|_| Slot::Filler));

        // The quotation paragraphs first, to know what room the prose has.
        let mut previous_speaker: Option<usize> = None;
        let mut filler_slots = Vec::new();
        for slot in &layout {
            match slot {
                Slot::Filler => {
                    filler_slots.push(self.paragraphs.len());
                    self.paragraphs.push(String::new());
                    previous_speaker = None;
                }
                Slot::Quote(group) => {
                    let speaker = self.statements[picks[group[0]].statement].speaker;
                    self.quote_paragraph(rng, picks, group, previous_speaker == Some(speaker));
                    previous_speaker = Some(speaker);
                }
            }
        }
        let quoted: usize = self.paragraphs.iter().map(String::len).sum();
        let share = target.saturating_sub(quoted) / filler_slots.len().max(1);
        for (k, &i) in filler_slots.iter().enumerate() {
            let mut p = String::with_capacity(share + 200);
            let scare = k > 0 && rng.percent(6);
            loop {
                if !p.is_empty() {
                    p.push(' ');
                }
                if scare && p.is_empty() {
                    self.prose
                        .scare_sentence(&mut p, rng, self.outlet.open(), self.outlet.close());
                } else {
                    self.prose.filler_sentence(&mut p, rng);
                }
                if p.len() >= share || p.len() > 1200 {
                    break;
                }
            }
            self.paragraphs[i] = p;
        }
    }

    /// Ms Berrow / Mr. Berrow / Berrow, as the outlet writes it.
    fn short_name(&self, person: usize) -> String {
        let p = &self.g.people[person];
        let surname = self.g.spelling(person, self.outlet_ix);
        match self.outlet.honorific {
            Honorific::None => surname.to_string(),
            Honorific::Plain => format!("{} {surname}", if p.female { "Ms" } else { "Mr" }),
            Honorific::Dotted => format!("{} {surname}", if p.female { "Ms." } else { "Mr." }),
        }
    }

    fn full_name(&self, person: usize) -> String {
        format!(
            "{} {}",
            self.g.people[person].given,
            self.g.spelling(person, self.outlet_ix)
        )
    }

    /// Whether "the minister" can only mean this person in this article.
    fn role_is_unique(&self, person: usize) -> bool {
        let noun = self.g.people[person].role.noun;
        noun.is_some()
            && self.role_stated.contains(&person)
            && self
                .speakers_in_article
                .iter()
                .all(|&o| o == person || self.g.people[o].role.noun != noun)
    }

    fn plant(&mut self, text: String, person: usize, statement: u64, style: &'static str) {
        let text = text.trim_end_matches(',').to_string();
        self.planted.push(PlantedQuotation {
            text,
            speaker: format!(
                "{} {}",
                self.g.people[person].given, self.g.people[person].surnames[0]
            ),
            spelling: self.full_name(person),
            statement,
            style,
        });
    }

    fn quote_paragraph(
        &mut self,
        rng: &mut Rng,
        picks: &[Pick],
        group: &[usize],
        follows_same: bool,
    ) {
        let (g, statements) = (self.g, self.statements);
        let pick = &picks[group[0]];
        let statement = &statements[pick.statement];
        let (who, id) = (statement.speaker, statement.id);
        let person = &g.people[who];
        let comma_outside = self.outlet.comma_outside;
        let first = !self.introduced.contains(&who);
        let (open, close) = (self.outlet.open(), self.outlet.close());
        let full = self.full_name(who);
        let short = self.short_name(who);
        let pronoun = if person.female { "she" } else { "he" };
        let role = &person.role;
        let mut p = String::with_capacity(400);

        // “Text,” — the quotation with the comma a reporting clause needs.
        let with_comma = |text: &str| -> String {
            let comma = !text.ends_with(['?', '!']);
            let body = text.strip_suffix('.').unwrap_or(text);
            match (comma, comma_outside) {
                (true, true) => format!("{open}{body}{close},"),
                (true, false) => format!("{open}{body},{close}"),
                (false, _) => format!("{open}{text}{close}"),
            }
        };

        let use_title = role.title.is_some() && rng.percent(55);
        let titled = match (&role.title, use_title) {
            (Some(t), true) => format!("{t} {full}"),
            _ => full.clone(),
        };
        match pick.form {
            Form::Multi => {
                if first {
                    self.role_stated.push(who);
                }
                let (lead, style) = if first {
                    (
                        format!("{full}, {}, said:", role.appositive),
                        "multi-paragraph",
                    )
                } else {
                    (
                        format!("{short} {}:", rng.pick(&["said", "added"])),
                        "multi-paragraph",
                    )
                };
                p.push_str(&format!("{lead} {open}{}", pick.parts[0]));
                self.paragraphs.push(std::mem::take(&mut p));
                p.push_str(&format!("{open}{}{close}", pick.parts[1]));
                self.paragraphs.push(p);
                self.introduced.push(who);
                self.plant(pick.parts.join(" "), who, id, style);
                return;
            }
            Form::Fragment => {
                let frag = &pick.parts[0];
                let verb = rng.pick(&[
                    "told reporters that",
                    "said that",
                    "warned that",
                    "insisted that",
                    "said",
                ]);
                let (subject, style) = if first {
                    if use_title {
                        self.role_stated.push(who);
                    }
                    (titled, "partial-name")
                } else if follows_same && rng.percent(40) {
                    (capitalise(pronoun), "partial-pronoun")
                } else if self.role_is_unique(who) && rng.percent(35) {
                    (
                        format!("The {}", role.noun.unwrap_or("official")),
                        "partial-role",
                    )
                } else {
                    (short.clone(), "partial-surname")
                };
                let when = if rng.percent(30) {
                    format!(
                        " {}",
                        rng.pick(&["on Monday", "on Tuesday", "on Thursday", "last week"])
                    )
                } else {
                    String::new()
                };
                let (v1, v2) = match verb.rsplit_once(' ') {
                    Some((a, b)) => (a, format!(" {b}")),
                    None => (verb, String::new()),
                };
                p.push_str(&format!("{subject} {v1}{when}{v2} {open}{frag}{close}."));
                self.paragraphs.push(p);
                self.introduced.push(who);
                self.plant(frag.clone(), who, id, style);
                return;
            }
            Form::Full => {}
        }

        let text = pick.parts.join(" ");
        let style: &'static str;
        if first {
            if use_title {
                self.role_stated.push(who);
            }
            match rng.below(100) {
                0..=27 => {
                    p.push_str(&format!(
                        "{} said {full}, {}.",
                        with_comma(&text),
                        role.appositive
                    ));
                    self.role_stated.push(who);
                    style = "said-name";
                }
                28..=49 => {
                    p.push_str(&format!("{} {titled} said.", with_comma(&text)));
                    style = "name-said";
                }
                50..=69 => {
                    p.push_str(&format!(
                        "{full}, {}, said: {open}{text}{close}",
                        role.appositive
                    ));
                    self.role_stated.push(who);
                    style = "colon";
                }
                70..=79 if pick.parts.len() == 2 => {
                    let first_part = with_comma(&pick.parts[0]);
                    p.push_str(&format!(
                        "{first_part} {titled} said, {open}{}{close}",
                        pick.parts[1]
                    ));
                    let joined =
                        format!("{}, {}", pick.parts[0].trim_end_matches('.'), pick.parts[1]);
                    self.introduced.push(who);
                    self.plant(joined, who, id, "split");
                    self.paragraphs.push(p);
                    return;
                }
                _ => {
                    p.push_str(&format!(
                        "{} {full}, {}, said in a statement.",
                        with_comma(&text),
                        role.appositive
                    ));
                    self.role_stated.push(who);
                    style = "name-role-said";
                }
            }
        } else {
            let asks = text.ends_with('?');
            match rng.below(100) {
                0..=29 if follows_same => {
                    p.push_str(&format!(
                        "{} {pronoun} {}.",
                        with_comma(&text),
                        if asks { "asked" } else { "said" }
                    ));
                    style = "pronoun";
                }
                _ if asks && rng.percent(70) => {
                    p.push_str(&format!("{} {short} asked.", with_comma(&text)));
                    style = "asked";
                }
                0..=39 => {
                    p.push_str(&format!(
                        "{} {short} {}.",
                        with_comma(&text),
                        rng.pick(&["said", "added", "said", "told reporters"])
                    ));
                    style = "surname-said";
                }
                40..=54 => {
                    p.push_str(&format!("{} said {short}.", with_comma(&text)));
                    style = "said-surname";
                }
                55..=69 => {
                    p.push_str(&format!(
                        "{short} {}: {open}{text}{close}",
                        rng.pick(&["said", "added"])
                    ));
                    style = "surname-colon";
                }
                70..=79 => {
                    p.push_str(&format!("{} according to {short}.", with_comma(&text)));
                    style = "according-to";
                }
                80..=89 if self.role_is_unique(who) => {
                    p.push_str(&format!(
                        "{} the {} said.",
                        with_comma(&text),
                        role.noun.unwrap_or("official")
                    ));
                    style = "role";
                }
                _ => {
                    p.push_str(&format!("{} {short} said.", with_comma(&text)));
                    style = "surname-said";
                }
            }
        }
        self.introduced.push(who);
        self.plant(text, who, id, style);

        // A second quotation by the same person in the same paragraph.
        if let Some(&second) = group.get(1) {
            let text = picks[second].parts.join(" ");
            let sid = statements[picks[second].statement].id;
            if rng.percent(50) {
                p.push_str(&format!(" {} {pronoun} added.", with_comma(&text)));
                self.plant(text, who, sid, "pronoun-added");
            } else {
                p.push_str(&format!(" {open}{text}{close}"));
                self.plant(text, who, sid, "continued");
            }
        }
        self.paragraphs.push(p);
    }
}

fn capitalise(word: &str) -> String {
    let mut s = word.to_string();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cover_2019_to_2025() {
        assert_eq!(date(0), (2019, 1, 1));
        assert_eq!(date(59), (2019, 3, 1));
        assert_eq!(date(DAYS - 1), (2025, 12, 31));
    }

    #[test]
    fn json_escapes() {
        let mut s = String::new();
        json_string(&mut s, "a \"b\"\n\\ “c”\u{1}");
        assert_eq!(s, "\"a \\\"b\\\"\\n\\\\ “c”\\u0001\"");
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(
            slug("‘We will’: Berrow-Smith vows to act"),
            "we-will-berrow-smith-vows-to-act"
        );
    }
}
