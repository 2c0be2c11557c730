//! The word classes the quotation rules need — reporting verbs, titles,
//! pronouns, function words — read from each language's lexicon file
//! (`lang/en.txt`, `lang/de.txt`, …), which a contributor who knows the
//! language extends without reading the rules. General language, never
//! phrases of particular articles.
//!
//! The rules are one piece of code for every language: they ask the
//! lexicon of the article being read ([`Using`] sets it for one
//! extraction), and a language without a file of its own is read with
//! English's.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The lexicon files compiled in, by language code (ISO 639-1). English
/// first: it reads every language without a file of its own.
pub(crate) const LANGUAGES: [(&str, &str); 8] = [
    ("en", include_str!("../../lang/en.txt")),
    ("de", include_str!("../../lang/de.txt")),
    ("fr", include_str!("../../lang/fr.txt")),
    ("es", include_str!("../../lang/es.txt")),
    ("it", include_str!("../../lang/it.txt")),
    ("pt", include_str!("../../lang/pt.txt")),
    ("ru", include_str!("../../lang/ru.txt")),
    ("cs", include_str!("../../lang/cs.txt")),
];

/// The word classes of a lexicon file, each one bit of a word's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    CueFinite,
    CueParticiple,
    CueInverting,
    CueModifier,
    IrregularPast,
    PronounHe,
    PronounShe,
    PronounThey,
    PronounIt,
    PronounI,
    PronounWe,
    PronounYou,
    Honorific,
    Title,
    TitleMale,
    TitleFemale,
    NameSuffix,
    NameParticle,
    FirstNameFemale,
    FirstNameMale,
    Determiner,
    FunctionWord,
    Weekday,
    TimeWord,
    OrganisationHead,
    Medium,
    Place,
    PlaceHead,
    PlaceCompass,
    PersonalTitle,
    ThingHead,
    Abbreviation,
    CollectiveNoun,
    Document,
    DocumentVoice,
    DocumentOutlet,
    PersonNoun,
    Preposition,
    ClauseOpener,
    WorkMarker,
    TitleSmallWord,
    StatementOpener,
    CueReporting,
    NotSaid,
    NoStatement,
    Complementiser,
    CueTakesObject,
    PronounObject,
    AdjunctPreposition,
    AdjunctWord,
    CommonWord,
    CueAccording,
    CueAccordingAfter,
    CommonNoun,
    CueTag,
    CueAsClause,
    CueParticle,
    ReportedMood,
    Affiliation,
    NameCaseEnding,
    ObliqueDeterminer,
    CueOpinion,
    Elision,
}

impl Class {
    /// Every class, with its heading in a lexicon file.
    const ALL: [(Class, &'static str); 63] = [
        (Class::CueFinite, "cue.finite"),
        (Class::CueParticiple, "cue.participle"),
        (Class::CueInverting, "cue.inverting"),
        (Class::CueModifier, "cue.modifiers"),
        (Class::IrregularPast, "verbs.irregular-past"),
        (Class::PronounHe, "pronouns.he"),
        (Class::PronounShe, "pronouns.she"),
        (Class::PronounThey, "pronouns.they"),
        (Class::PronounIt, "pronouns.it"),
        (Class::PronounI, "pronouns.i"),
        (Class::PronounWe, "pronouns.we"),
        (Class::PronounYou, "pronouns.you"),
        (Class::Honorific, "honorifics"),
        (Class::Title, "titles"),
        (Class::TitleMale, "titles.male"),
        (Class::TitleFemale, "titles.female"),
        (Class::NameSuffix, "name.suffixes"),
        (Class::NameParticle, "name.particles"),
        (Class::FirstNameFemale, "first-names.female"),
        (Class::FirstNameMale, "first-names.male"),
        (Class::Determiner, "determiners"),
        (Class::FunctionWord, "function-words"),
        (Class::Weekday, "weekdays"),
        (Class::TimeWord, "time-words"),
        (Class::OrganisationHead, "organisation.heads"),
        (Class::Medium, "media"),
        (Class::Place, "places"),
        (Class::PlaceHead, "place.heads"),
        (Class::PlaceCompass, "place.compass"),
        (Class::PersonalTitle, "titles.personal"),
        (Class::ThingHead, "name.thing-heads"),
        (Class::Abbreviation, "abbreviations"),
        (Class::CollectiveNoun, "nouns.collective"),
        (Class::Document, "documents"),
        (Class::DocumentVoice, "documents.voices"),
        (Class::DocumentOutlet, "documents.outlets"),
        (Class::PersonNoun, "nouns.person"),
        (Class::Preposition, "prepositions"),
        (Class::ClauseOpener, "clause-openers"),
        (Class::WorkMarker, "work-markers"),
        (Class::TitleSmallWord, "title.small-words"),
        (Class::StatementOpener, "statement-openers"),
        (Class::CueReporting, "cue.reporting"),
        (Class::NotSaid, "reported.not-said"),
        (Class::NoStatement, "reported.no-statement"),
        (Class::Complementiser, "reported.complementisers"),
        (Class::CueTakesObject, "cue.takes-object"),
        (Class::PronounObject, "pronouns.object"),
        (Class::AdjunctPreposition, "reported.adjunct-prepositions"),
        (Class::AdjunctWord, "reported.adjunct-words"),
        (Class::CommonWord, "common-words"),
        (Class::CueAccording, "cue.according"),
        (Class::CueAccordingAfter, "cue.according-after"),
        (Class::CommonNoun, "nouns.common"),
        (Class::CueTag, "cue.tag"),
        (Class::CueAsClause, "cue.as-clause"),
        (Class::CueParticle, "cue.particles"),
        (Class::ReportedMood, "verbs.reported-mood"),
        (Class::Affiliation, "name.affiliations"),
        (Class::NameCaseEnding, "name.case-endings"),
        (Class::ObliqueDeterminer, "determiners.oblique"),
        (Class::CueOpinion, "cue.opinion"),
        (Class::Elision, "elisions"),
    ];

    /// The classes every language shares, each lexicon's words added to
    /// every other's: a person's first name says their gender whatever the
    /// language, and a title in quote marks may be in any language ("Let It
    /// Be", "La Gazzetta dello Sport" in a German article).
    const SHARED: [Class; 3] = [
        Class::FirstNameFemale,
        Class::FirstNameMale,
        Class::TitleSmallWord,
    ];

    /// The class's bit in a word's set (at most 64 classes).
    const fn bit(self) -> u64 {
        1 << self as u64
    }
}

// Each class is one bit of a word's set.
// (The top bit stays free: `Tokens` marks a word not yet looked up with it.)
const _: () = assert!(Class::ALL.len() < 64);

/// A language's words, each with the set of classes it belongs to: one
/// lookup answers every question asked of a word.
pub(crate) struct Lexicon {
    words: WordMap<u64>,
    /// Word endings listed in a class ("-minister" under `[titles]`): a
    /// word the list does not hold takes the classes of its longest
    /// listed ending ("verkehrsminister"). Empty in most languages.
    endings: Endings,
    /// The shapes of the reporting verbs (see [`Lexicon::may_report`]).
    reporting_shapes: WordShapes,
    /// How the language writes (its `[settings]`).
    pub(crate) settings: Settings,
    /// The case endings of names (`[name.case-endings]`), longest first.
    pub(crate) case_endings: Vec<&'static str>,
    /// The definite articles (`[determiners.definite]`): "der Minister"
    /// is somebody the article has named, "ein Sprecher" maybe nobody.
    pub(crate) definite_articles: Vec<&'static str>,
    /// The determiners of an object (`[determiners.object]`: German "dem",
    /// "den"): a subject's phrase ends before one ("sagte die Ministerin
    /// den „Nachrichten“").
    pub(crate) object_determiners: Vec<&'static str>,
    /// Possessive determiners of "he" and of "she" (`[possessives.he]`,
    /// `[possessives.she]`: German "seiner", "ihrer"): "Seiner Darstellung
    /// zufolge …" is his account.
    pub(crate) possessives_he: Vec<&'static str>,
    pub(crate) possessives_she: Vec<&'static str>,
    /// The nouns of a spokesperson (`[nouns.spokesperson]`; "-sprecher" is
    /// an ending): "ein Sprecher der Downing Street" speaks for Downing
    /// Street.
    pub(crate) spokesperson_nouns: Vec<&'static str>,
    /// The words that tie a spokesperson or a document to the body it is
    /// of (`[body.of]`: "for", "von", the genitive "der"; none where the
    /// genitive alone does).
    pub(crate) body_of: Vec<&'static str>,
    /// Reporting verbs with an impersonal subject (`[cue.impersonal]`:
    /// German "heißt es"), whose words are the document's the sentence
    /// names.
    pub(crate) impersonal_cues: Vec<&'static str>,
    /// Reporting verbs that report only with their particle closing the
    /// clause (`[cue.separable]`, "verb:particle": German "gab:bekannt"
    /// for "gab am Montag bekannt, dass …"; "Es gab Streit" reports
    /// nothing).
    pub(crate) separable_cues: Vec<(&'static str, &'static str)>,
    /// Words that stand for the statement of the sentence before, by a
    /// reporting verb (`[statement.anaphors]`: German "dies" in "Dies
    /// teilte die Stadt mit", Russian "этом" in "Об этом сообщил X").
    pub(crate) statement_anaphors: Vec<&'static str>,
    /// Reporting verbs that deny what they report (`[cue.denial]`:
    /// "dementierte", "negó"): a denial by anaphor does not make the
    /// sentence before its source's statement.
    pub(crate) denial_cues: Vec<&'static str>,
    /// Verbs whose object says what was said (`[cue.speech-act]`: "sprach
    /// von", "forderte", "kündigte … an"), by verb: a sentence with one and
    /// a subject that speaks sums up a statement.
    pub(crate) speech_acts: SpeechActs,
    /// The auxiliaries of the passive (`[auxiliaries.passive]`: "wurde",
    /// "worden"): a speech-act verb with one reports nobody's words.
    pub(crate) passive_auxiliaries: Vec<&'static str>,
    /// Words that join two clauses sharing a subject (`[coordinators]`:
    /// "and", "e", "и"): "X criticised the plan and said that …".
    pub(crate) coordinators: Vec<&'static str>,
    /// Phrases of several words that attribute what follows to the source
    /// after them (`[cue.according-phrases]`, words joined by "_":
    /// "according_to", "d'_après", "de_acordo_com").
    according_phrases: Vec<Vec<&'static str>>,
    /// The classes that list at least one word, as bits: a rule whose
    /// class is empty in the language (English has no `[cue.tag]`) is not
    /// asked.
    present: u64,
}

/// The headings of word lists that are no class (a word's classes are
/// bits, all taken): read into lists of their own, in this order.
const LIST_SECTIONS: [&str; 14] = [
    "determiners.definite",
    "determiners.object",
    "possessives.he",
    "possessives.she",
    "nouns.spokesperson",
    "body.of",
    "cue.impersonal",
    "cue.separable",
    "statement.anaphors",
    "cue.denial",
    "cue.speech-act",
    "auxiliaries.passive",
    "coordinators",
    "cue.according-phrases",
];

/// What a language's `[settings]` say about how it is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Settings {
    /// `nouns-capitalised`: every noun starts with a capital (German), so a
    /// capital alone does not make a name.
    pub nouns_capitalised: bool,
    /// `verb-second`: the verb comes second in a main clause, so a clause
    /// opened by another phrase has its subject after the verb ("Nach der
    /// Sitzung sagte Wendt: …").
    pub verb_second: bool,
    /// `according-without-comma`: the source after an according word may
    /// run straight into its clause ("Laut Wendt ist …", "Podle Nováka
    /// byla …"): the source ends with its name.
    pub according_without_comma: bool,
    /// `comma-before-statement`: a comma sets a reported statement off
    /// from its verb, with or without a complementiser ("sagte, die Lage
    /// sei ernst", "заявил, что …").
    pub comma_before_statement: bool,
    /// `inverted-clauses`: after a quotation, an inverted reporting clause
    /// may put an auxiliary, a date, a role or a pronoun before or after
    /// its verb ("« … », a déclaré mardi la maire X", "„…“, fügte sie
    /// hinzu"); English's inverted clauses are "said X" alone.
    pub inverted_clauses: bool,
    /// `dialogue-dash`: a paragraph opened by a dash is a quotation, closed
    /// by a dash before its reporting clause ("— Мы останемся, — сказал
    /// он.").
    pub dialogue_dash: bool,
    /// `pro-drop`: a verb may leave its subject unsaid (“…”, afirmou.; «…»,
    /// ha aggiunto.): the person the passage is about speaks.
    pub pro_drop: bool,
    /// `no-articles`: the language writes no articles, so a bare role
    /// ("starosta řekl", "министр заявил") refers back as "the mayor"
    /// does.
    pub no_articles: bool,
}

impl Settings {
    /// The settings a lexicon file may give, each a word of its `[settings]`.
    const NAMES: [&'static str; 8] = [
        "inverted-clauses",
        "nouns-capitalised",
        "verb-second",
        "according-without-comma",
        "comma-before-statement",
        "dialogue-dash",
        "pro-drop",
        "no-articles",
    ];

    fn set(&mut self, name: &str) {
        match name {
            "nouns-capitalised" => self.nouns_capitalised = true,
            "verb-second" => self.verb_second = true,
            "according-without-comma" => self.according_without_comma = true,
            "comma-before-statement" => self.comma_before_statement = true,
            "dialogue-dash" => self.dialogue_dash = true,
            "inverted-clauses" => self.inverted_clauses = true,
            "pro-drop" => self.pro_drop = true,
            "no-articles" => self.no_articles = true,
            _ => {}
        }
    }
}

/// A lexicon's word endings ("-minister"), each with its classes, kept by
/// their last byte: a word is compared with the few endings that end as
/// it does (every word of an article the lists do not hold is asked).
struct Endings {
    /// Per last byte, the endings ending on it, longest first.
    by_last_byte: Vec<Vec<(&'static str, u64)>>,
    any: bool,
}

impl Endings {
    fn new(endings: HashMap<&'static str, u64>) -> Self {
        let mut by_last_byte: Vec<Vec<(&'static str, u64)>> = vec![Vec::new(); 256];
        let any = !endings.is_empty();
        for (ending, bits) in endings {
            if let Some(&last) = ending.as_bytes().last() {
                by_last_byte[usize::from(last)].push((ending, bits));
            }
        }
        for list in &mut by_last_byte {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        }
        Endings { by_last_byte, any }
    }

    fn is_empty(&self) -> bool {
        !self.any
    }

    /// The classes of `word`'s longest listed ending, if at least three
    /// bytes stand before it ("verkehrsminister" ends in "minister"; "jung"
    /// is no noun in "-ung").
    fn classes_of(&self, word: &str) -> u64 {
        const MIN_STEM: usize = 3;
        let Some(&last) = word.as_bytes().last() else {
            return 0;
        };
        (self.by_last_byte[usize::from(last)].iter())
            .find(|(ending, _)| word.len() >= ending.len() + MIN_STEM && word.ends_with(ending))
            .map_or(0, |&(_, bits)| bits)
    }
}

/// A set of word shapes — first letter, last letter, length — that answers
/// "might this word be in the set?" without hashing it: the reported-speech
/// finder asks it of every word of an article, and nearly all are not.
struct WordShapes {
    bits: Vec<u64>,
}

impl WordShapes {
    /// Lengths kept apart; longer words share the last.
    const LENGTHS: usize = 16;

    /// Letters kept apart: a–z, and one for every other byte (the
    /// letters of other scripts, accented ones).
    const LETTERS: usize = 27;

    fn slot(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        let letter = |b: u8| {
            if b.is_ascii_lowercase() {
                usize::from(b - b'a')
            } else {
                26
            }
        };
        let first = letter(*bytes.first()?);
        let last = letter(*bytes.last()?);
        Some((first * Self::LETTERS + last) * Self::LENGTHS + bytes.len().min(Self::LENGTHS - 1))
    }

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; (Self::LETTERS * Self::LETTERS * Self::LENGTHS).div_ceil(64)];
        for slot in words.filter_map(Self::slot) {
            bits[slot / 64] |= 1 << (slot % 64);
        }
        WordShapes { bits }
    }

    fn may_hold(&self, word: &str) -> bool {
        Self::slot(word).is_some_and(|slot| self.bits[slot / 64] & (1 << (slot % 64)) != 0)
    }
}

impl Lexicon {
    /// Read a lexicon file; the lines it could not read are returned beside it.
    pub(crate) fn parse(source: &'static str) -> (Lexicon, Vec<String>) {
        Lexicon::parse_sharing(source, &[])
    }

    /// [`Lexicon::parse`], with the words of the classes every language
    /// shares ([`Class::SHARED`]) taken from the `shared` lexicons as well.
    fn parse_sharing(source: &'static str, shared: &[Lexicon]) -> (Lexicon, Vec<String>) {
        let mut classes: HashMap<&'static str, u64> = HashMap::new();
        let mask = Class::SHARED.iter().fold(0, |m, c| m | c.bit());
        for lexicon in shared {
            for entry in lexicon.words.words.iter().filter(|e| e.value & mask != 0) {
                *classes.entry(entry.word).or_default() |= entry.value & mask;
            }
        }
        let mut endings: HashMap<&'static str, u64> = HashMap::new();
        let mut settings = Settings::default();
        let mut in_settings = false;
        // `[determiners.definite]` is a list of its own, not a class.
        // The list section being read (an index of `LIST_SECTIONS`).
        let mut in_list: Option<usize> = None;
        let mut lists: [Vec<&'static str>; LIST_SECTIONS.len()] = Default::default();
        let mut problems = Vec::new();
        // None before the first heading; Some(None) under an unknown one,
        // whose words are passed over (the heading is reported).
        let mut current: Option<Option<Class>> = None;
        for (n, line) in source.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            if let Some(heading) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                in_settings = heading == "settings";
                in_list = LIST_SECTIONS.iter().position(|&h| h == heading);
                if in_settings || in_list.is_some() {
                    current = Some(None);
                    continue;
                }
                let class = Class::ALL
                    .iter()
                    .find(|(_, name)| *name == heading)
                    .map(|&(class, _)| class);
                if class.is_none() {
                    problems.push(format!("line {}: no word class [{heading}]", n + 1));
                }
                current = Some(class);
                continue;
            }
            if let Some(list) = in_list.and_then(|n| lists.get_mut(n)) {
                list.extend(line.split_whitespace());
                continue;
            }
            if in_settings {
                for name in line.split_whitespace() {
                    if Settings::NAMES.contains(&name) {
                        settings.set(name);
                    } else {
                        problems.push(format!("line {}: no setting {name:?}", n + 1));
                    }
                }
                continue;
            }
            let class = match current {
                None => {
                    problems.push(format!("line {}: words before any [class]", n + 1));
                    continue;
                }
                Some(None) => continue,
                Some(Some(class)) => class,
            };
            for word in line.split_whitespace() {
                // "-minister": an ending, not a word.
                let (table, word) = match word.strip_prefix('-').filter(|e| !e.is_empty()) {
                    Some(ending) => (&mut endings, ending),
                    None => (&mut classes, word),
                };
                let bits = table.entry(word).or_default();
                if *bits & class.bit() != 0 {
                    problems.push(format!("line {}: {word:?} listed twice", n + 1));
                }
                *bits |= class.bit();
            }
        }
        // A separable verb reports only through the classes its two words have.
        for entry in &lists[7] {
            let has = |word: &str, class: Class| {
                classes
                    .get(word)
                    .is_some_and(|bits| bits & class.bit() != 0)
            };
            match entry.split_once(':') {
                Some((verb, particle)) if !particle.contains(':') => {
                    if !has(verb, Class::CueReporting) {
                        problems.push(format!(
                            "[cue.separable]: {verb:?} is not in [cue.reporting]"
                        ));
                    }
                    if !has(particle, Class::CueParticle) {
                        problems.push(format!(
                            "[cue.separable]: {particle:?} is not in [cue.particles]"
                        ));
                    }
                }
                _ => problems.push(format!("[cue.separable]: {entry:?} is not verb:particle")),
            }
        }
        let speech_acts = SpeechActs::read(&lists[10], &mut problems, |particle| {
            classes
                .get(particle)
                .is_some_and(|bits| bits & Class::CueParticle.bit() != 0)
        });
        let pairs: Vec<(&'static str, u64)> = classes.into_iter().collect();
        let reporting_shapes = WordShapes::new(
            (pairs.iter())
                .filter(|&&(_, bits)| {
                    let reporting = Class::CueReporting.bit()
                        | Class::CueAccording.bit()
                        | Class::CueAccordingAfter.bit()
                        | Class::CueTag.bit();
                    bits & reporting != 0
                })
                .map(|&(word, _)| word)
                .chain(lists[13].iter().filter_map(|entry| entry.split('_').next())),
        );
        let present = pairs.iter().fold(0, |bits, &(_, b)| bits | b);
        let mut case_endings: Vec<&'static str> = (pairs.iter())
            .filter(|&&(_, bits)| bits & Class::NameCaseEnding.bit() != 0)
            .map(|&(word, _)| word)
            .collect();
        case_endings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        // Longest first: a word takes its longest listed ending.
        let endings = Endings::new(endings);
        (
            Lexicon {
                words: WordMap::new(&pairs),
                endings,
                reporting_shapes,
                settings,
                case_endings,
                definite_articles: std::mem::take(&mut lists[0]),
                object_determiners: std::mem::take(&mut lists[1]),
                possessives_he: std::mem::take(&mut lists[2]),
                possessives_she: std::mem::take(&mut lists[3]),
                spokesperson_nouns: std::mem::take(&mut lists[4]),
                body_of: std::mem::take(&mut lists[5]),
                impersonal_cues: std::mem::take(&mut lists[6]),
                separable_cues: (lists[7].iter())
                    .filter_map(|entry| entry.split_once(':'))
                    .collect(),
                statement_anaphors: std::mem::take(&mut lists[8]),
                denial_cues: std::mem::take(&mut lists[9]),
                speech_acts,
                passive_auxiliaries: std::mem::take(&mut lists[11]),
                coordinators: std::mem::take(&mut lists[12]),
                according_phrases: (lists[13].iter())
                    .map(|entry| entry.split('_').collect())
                    .collect(),
                present,
            },
            problems,
        )
    }

    /// How many words the longest phrase of `[cue.according-phrases]`
    /// has whose words are `word(0)`, `word(1)`, … (lowercase; None past
    /// the words): "according to" is 2.
    pub(crate) fn according_phrase_len<'w>(
        &self,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<usize> {
        (self.according_phrases.iter())
            .filter(|phrase| (phrase.iter().enumerate()).all(|(i, &w)| word(i) == Some(w)))
            .map(Vec::len)
            .max()
    }

    /// False when the lowercase `word` is surely no reporting verb (nor
    /// the first word of an according phrase); true when it may be one, to
    /// be asked of its classes.
    #[inline]
    pub(crate) fn may_report(&self, word: &str) -> bool {
        self.reporting_shapes.may_hold(word)
    }

    /// The classes of `word`, as bits.
    #[inline]
    fn classes(&self, word: &str) -> u64 {
        match self.words.get(word) {
            Some(bits) => bits,
            None if self.endings.is_empty() => 0,
            None => self.endings.classes_of(word),
        }
    }

    /// Whether the lexicon lists any word in `class`.
    pub(crate) fn lists(&self, class: Class) -> bool {
        self.present & class.bit() != 0
    }

    /// The words listed in `class`.
    fn words_in(&self, class: Class) -> impl Iterator<Item = &'static str> + '_ {
        (self.words.words.iter())
            .filter(move |e| e.value & class.bit() != 0)
            .map(|e| e.word)
    }

    /// Whether `word` is in `class`.
    #[inline]
    pub(crate) fn is(&self, word: &str, class: Class) -> bool {
        self.classes(word) & class.bit() != 0
    }
}

/// The classes of one word: every question the rules ask of a word,
/// answered from one lookup (`Tokens::classes` keeps each token's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordClasses(u64);

impl WordClasses {
    /// The classes of the lowercase `word` in the lexicon in use.
    #[inline]
    pub(crate) fn of(word: &str) -> Self {
        WordClasses(active().classes(word))
    }

    /// The classes as bits, to be kept (see `from_bits`).
    #[inline]
    pub(crate) fn bits(self) -> u64 {
        self.0
    }

    /// The classes `bits` gave.
    #[inline]
    pub(crate) fn from_bits(bits: u64) -> Self {
        WordClasses(bits)
    }

    #[inline]
    fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }

    #[inline]
    fn has_any(self, classes: &[Class]) -> bool {
        classes.iter().any(|&c| self.has(c))
    }

    /// See [`cue_form`].
    pub(crate) fn cue_form(self) -> Option<CueForm> {
        if self.has(Class::CueFinite) {
            Some(CueForm::Finite)
        } else if self.has(Class::CueParticiple) {
            Some(CueForm::Participle)
        } else {
            None
        }
    }

    /// See [`is_inverting_cue`].
    pub(crate) fn is_inverting_cue(self) -> bool {
        self.has(Class::CueInverting)
    }

    /// A reporting verb whose complement is a statement ("said that …").
    pub(crate) fn is_reporting_cue(self) -> bool {
        self.has(Class::CueReporting)
    }

    /// A word before a reporting verb that makes it report nothing said
    /// ("not", "if", "declined", "would").
    pub(crate) fn is_not_said(self) -> bool {
        self.has(Class::NotSaid)
    }

    /// A word that opens no statement after a reporting verb ("whether", "nothing").
    pub(crate) fn opens_no_statement(self) -> bool {
        self.has(Class::NoStatement)
    }

    /// A reporting verb whose object comes before its statement ("told").
    pub(crate) fn takes_object(self) -> bool {
        self.has(Class::CueTakesObject)
    }

    /// An object pronoun: "him", "them".
    pub(crate) fn is_object_pronoun(self) -> bool {
        self.has(Class::PronounObject)
    }

    /// A preposition opening an adjunct of a reporting verb ("in a statement").
    pub(crate) fn is_adjunct_preposition(self) -> bool {
        self.has(Class::AdjunctPreposition)
    }

    /// A word dating a reporting verb ("late", "last"), or a day word.
    pub(crate) fn is_adjunct_word(self) -> bool {
        self.has_any(&[Class::AdjunctWord, Class::Weekday, Class::TimeWord])
    }

    /// A word before a source that attributes a statement to it, as
    /// "according to" does: "laut", "selon", "según".
    pub(crate) fn is_according_cue(self) -> bool {
        self.has(Class::CueAccording)
    }

    /// A word right after a statement that attributes it to the source
    /// after the word: „…“, so Wendt.
    pub(crate) fn is_statement_tag(self) -> bool {
        self.has(Class::CueTag)
    }

    /// A preposition after a person's name that says where they are from:
    /// "of" in "Ana Lopes of the Harbour Trust", "vom" in "Theo Kessler vom
    /// Bankhaus Lindner".
    pub(crate) fn is_affiliation(self) -> bool {
        self.has(Class::Affiliation)
    }

    /// A verb form of the mood of reported speech: German "sei", "habe".
    pub(crate) fn is_reported_mood(self) -> bool {
        self.has(Class::ReportedMood)
    }

    /// The particle of a separable reporting verb: "mit" in "teilte … mit".
    pub(crate) fn is_cue_particle(self) -> bool {
        self.has(Class::CueParticle)
    }

    /// A word opening a clause that gives the source of the sentence's
    /// statement: "wie" in "Wie die Polizei mitteilte, …".
    pub(crate) fn is_as_clause(self) -> bool {
        self.has(Class::CueAsClause)
    }

    /// A word after a source that attributes a statement to it: "zufolge".
    pub(crate) fn is_according_cue_after(self) -> bool {
        self.has(Class::CueAccordingAfter)
    }

    /// A common noun, or a word with a common noun's ending, that a
    /// capital does not make a name (in a language that capitalises nouns).
    pub(crate) fn is_common_noun(self) -> bool {
        self.has(Class::CommonNoun)
    }

    /// A complementiser: "that" in "said that …".
    pub(crate) fn is_complementiser(self) -> bool {
        self.has(Class::Complementiser)
    }

    /// See [`is_cue_modifier`].
    pub(crate) fn is_cue_modifier(self) -> bool {
        self.has(Class::CueModifier)
    }

    /// See [`is_honorific`].
    pub(crate) fn is_honorific(self) -> bool {
        self.has(Class::Honorific)
    }

    /// Generational suffixes that close a name: "Robert P. Casey Jr.".
    pub(crate) fn is_name_suffix(self) -> bool {
        self.has(Class::NameSuffix)
    }

    /// See [`is_title`].
    pub(crate) fn is_title(self) -> bool {
        self.has(Class::Title)
    }

    /// See [`title_gender`].
    pub(crate) fn title_gender(self) -> Option<Gender> {
        if self.has(Class::TitleMale) {
            Some(Gender::Male)
        } else if self.has(Class::TitleFemale) {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// See [`pronoun`].
    pub(crate) fn pronoun(self) -> Option<Pronoun> {
        const PRONOUNS: [(Class, Pronoun); 7] = [
            (Class::PronounHe, Pronoun::He),
            (Class::PronounShe, Pronoun::She),
            (Class::PronounThey, Pronoun::They),
            (Class::PronounIt, Pronoun::It),
            (Class::PronounI, Pronoun::I),
            (Class::PronounWe, Pronoun::We),
            (Class::PronounYou, Pronoun::You),
        ];
        PRONOUNS
            .iter()
            .find(|&&(class, _)| self.has(class))
            .map(|&(_, p)| p)
    }

    /// See [`is_determiner`].
    pub(crate) fn is_determiner(self) -> bool {
        self.has(Class::Determiner)
    }

    /// `[cue.opinion]`: a preposition that, opening a sentence before a
    /// person, makes the sentence that person's view ("Für Wendt ist …").
    pub(crate) fn is_opinion_cue(self) -> bool {
        self.has(Class::CueOpinion)
    }

    /// `[determiners.oblique]`: a determiner whose case is never a
    /// subject's ("dem Minister", "des Ministers", "einen Brief").
    pub(crate) fn is_oblique_determiner(self) -> bool {
        self.has(Class::ObliqueDeterminer)
    }

    /// Days and parts of days that date a phrase ("on Tuesday", "last week").
    pub(crate) fn is_day_word(self) -> bool {
        self.has_any(&[Class::Weekday, Class::TimeWord])
    }

    /// See [`is_capitalised_function_word`].
    pub(crate) fn is_capitalised_function_word(self) -> bool {
        self.has_any(&[Class::FunctionWord, Class::Weekday])
    }

    /// A noun that ends the name of something that is no person: "act",
    /// "convention", "prize".
    pub(crate) fn is_thing_head(self) -> bool {
        self.has(Class::ThingHead)
    }

    /// Name particles written in lowercase inside a name ("Ursula von der Leyen"),
    /// matched as written.
    pub(crate) fn is_name_particle(self) -> bool {
        self.has(Class::NameParticle)
    }

    /// See [`is_organisation_head`].
    pub(crate) fn is_organisation_head(self) -> bool {
        self.has(Class::OrganisationHead)
    }

    /// See [`is_preposition`].
    pub(crate) fn is_preposition(self) -> bool {
        self.has(Class::Preposition)
    }

    /// See [`is_clause_opener`].
    pub(crate) fn is_clause_opener(self) -> bool {
        self.has(Class::ClauseOpener)
    }

    /// See [`is_abbreviation`].
    pub(crate) fn is_abbreviation(self) -> bool {
        self.has(Class::Abbreviation)
    }

    /// Titles written before a surname that make the name a person's: "Mr",
    /// "President", "Sen." ("President Obama" is a person although the article
    /// never gives his first name).
    pub(crate) fn is_personal_title(self) -> bool {
        self.has_any(&[Class::PersonalTitle, Class::Honorific])
    }

    /// Whether the lexicon knows the word at all.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// See [`first_name_gender_of_lower`].
    pub(crate) fn first_name_gender(self) -> Option<Gender> {
        if self.has(Class::FirstNameFemale) {
            Some(Gender::Female)
        } else if self.has(Class::FirstNameMale) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// What a verb of `[cue.speech-act]` needs to sum up a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeechAct {
    /// Nothing more: "forderte höhere Löhne" (an entry `forderte`).
    Alone,
    /// Its particle closing the clause: "kündigte den Rücktritt an"
    /// (`kündigte:an`), as (verb, particle).
    Particle((&'static str, &'static str)),
    /// A word after it in its clause: "sprach von einem Erfolg"
    /// (`sprach+von`).
    Then(&'static str),
}

/// The entries of `[cue.speech-act]`, sorted by verb.
pub(crate) struct SpeechActs {
    acts: Vec<(&'static str, SpeechAct)>,
    /// Each verb's entries, as a range of `acts`: one lookup per word.
    by_verb: WordMap<(u32, u32)>,
}

impl SpeechActs {
    /// Read the list's entries (`verb`, `verb:particle`, `verb+word`),
    /// reporting any entry it cannot take and particles `is_particle` does
    /// not know.
    fn read(
        entries: &[&'static str],
        problems: &mut Vec<String>,
        is_particle: impl Fn(&str) -> bool,
    ) -> SpeechActs {
        let mut acts = Vec::with_capacity(entries.len());
        for &entry in entries {
            let act = if let Some((verb, particle)) = entry.split_once(':') {
                if !is_particle(particle) {
                    problems.push(format!(
                        "[cue.speech-act]: {particle:?} is not in [cue.particles]"
                    ));
                }
                (verb, SpeechAct::Particle((verb, particle)))
            } else if let Some((verb, word)) = entry.split_once('+') {
                (verb, SpeechAct::Then(word))
            } else {
                (entry, SpeechAct::Alone)
            };
            let malformed = [act.0, entry.rsplit([':', '+']).next().unwrap_or_default()]
                .iter()
                .any(|w| w.is_empty() || w.contains([':', '+']));
            if malformed {
                problems.push(format!(
                    "[cue.speech-act]: {entry:?} is not verb, verb:particle or verb+word"
                ));
                continue;
            }
            acts.push(act);
        }
        acts.sort_by_key(|&(verb, _)| verb);
        let mut ranges: Vec<(&'static str, (u32, u32))> = Vec::new();
        for (i, &(verb, _)) in acts.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            match ranges.last_mut() {
                Some((last, range)) if *last == verb => range.1 = i.saturating_add(1),
                _ => ranges.push((verb, (i, i.saturating_add(1)))),
            }
        }
        let by_verb = WordMap::new(&ranges);
        SpeechActs { acts, by_verb }
    }

    /// Whether the language lists none.
    pub(crate) fn is_empty(&self) -> bool {
        self.acts.is_empty()
    }

    /// The entries of `verb` (lowercase).
    pub(crate) fn of(&self, verb: &str) -> &[(&'static str, SpeechAct)] {
        self.by_verb
            .get(verb)
            .and_then(|(from, to)| self.acts.get(from as usize..to as usize))
            .unwrap_or_default()
    }
}

/// Every lexicon of [`LANGUAGES`], in its order, read on first use.
fn lexicons() -> &'static [Lexicon] {
    static LEXICONS: OnceLock<Vec<Lexicon>> = OnceLock::new();
    // A line the reader cannot take is left out (the tests keep the files clean).
    LEXICONS.get_or_init(|| {
        let own: Vec<Lexicon> = (LANGUAGES.iter())
            .map(|&(_, source)| Lexicon::parse(source).0)
            .collect();
        (LANGUAGES.iter())
            .map(|&(_, source)| Lexicon::parse_sharing(source, &own).0)
            .collect()
    })
}

/// Which language of [`LANGUAGES`] `texts` (a headline, a body) are
/// written in, by a vote of their words on each lexicon's `[common-words]`; None when the text gives
/// too few of them or two languages come too close.
pub(crate) fn detect_language(texts: &[&str]) -> Option<usize> {
    // (Enough text to tell a language by: the vote is over early.)
    const READ: usize = 4096;
    const DECISIVE: u32 = 24;
    const MIN_VOTES: u32 = 4;
    static VOTES: OnceLock<WordMap<u16>> = OnceLock::new();
    let votes = VOTES.get_or_init(|| {
        let mut by_word: HashMap<&'static str, u16> = HashMap::new();
        for (i, lexicon) in lexicons().iter().enumerate() {
            for word in lexicon.words_in(Class::CommonWord) {
                *by_word.entry(word).or_default() |= 1 << i;
            }
        }
        WordMap::new(&by_word.into_iter().collect::<Vec<_>>())
    });
    let mut counts = [0u32; LANGUAGES.len()];
    let mut read = 0;
    let mut lower = String::new();
    let words = texts
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphabetic()));
    for word in words {
        read += word.len() + 1;
        if read > READ {
            break;
        }
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let Some(mut languages) = votes.get(&lower) else {
            continue;
        };
        while languages != 0 {
            let i = languages.trailing_zeros() as usize;
            languages &= languages - 1;
            if let Some(count) = counts.get_mut(i) {
                *count += 1;
            }
        }
        if counts.iter().any(|&c| c >= DECISIVE) {
            break;
        }
    }
    let mut ranked: Vec<(usize, u32)> = counts.iter().copied().enumerate().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let (best, votes_for) = ranked[0];
    let runner_up = ranked.get(1).map_or(0, |r| r.1);
    (votes_for >= MIN_VOTES && votes_for * 2 >= runner_up * 3).then_some(best)
}

/// The English lexicon.
fn english() -> &'static Lexicon {
    &lexicons()[0]
}

/// The position in [`LANGUAGES`] of the language a code names: "de",
/// "de-AT", "de_DE", "DEU", "ger"; None for a language without a lexicon.
pub(crate) fn language_index(code: &str) -> Option<usize> {
    let primary = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let two = match primary.as_str() {
        "eng" => "en",
        "deu" | "ger" => "de",
        "fra" | "fre" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "rus" => "ru",
        "ces" | "cze" => "cs",
        other => other,
    };
    LANGUAGES.iter().position(|&(c, _)| c == two)
}

thread_local! {
    /// The lexicon of the article being read on this thread (None: English).
    static ACTIVE: Cell<Option<&'static Lexicon>> = const { Cell::new(None) };
}

/// The lexicon in use on this thread.
#[inline]
pub(crate) fn active() -> &'static Lexicon {
    ACTIVE
        .try_with(Cell::get)
        .ok()
        .flatten()
        .unwrap_or_else(english)
}

/// The lexicon of one language in use on this thread while it lives: every
/// word-class question of the rules goes to it. Made at the start of an
/// extraction, dropped at its end (the one before is back in use).
pub(crate) struct Using {
    previous: Option<&'static Lexicon>,
}

impl Using {
    /// Use the lexicon of the language at `index` in [`LANGUAGES`] (English
    /// for None or a position past the end).
    pub(crate) fn language(index: Option<usize>) -> Using {
        let lexicon = index.and_then(|i| lexicons().get(i));
        let previous = ACTIVE.try_with(|a| a.replace(lexicon)).ok().flatten();
        Using { previous }
    }
}

impl Drop for Using {
    fn drop(&mut self) {
        let _ = ACTIVE.try_with(|a| a.set(self.previous));
    }
}

/// How a word works as a reporting cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueForm {
    /// The verb has its own subject ("said").
    Finite,
    /// A participle that borrows the subject of its clause ("adding").
    Participle,
}

/// A reporting verb's form, if `lower` is one; a word in both classes is finite.
pub(crate) fn cue_form(lower: &str) -> Option<CueForm> {
    WordClasses::of(lower).cue_form()
}

/// The cue verbs that can stand right after a quotation with the speaker after
/// them ("…," said Ms Lopes).
pub(crate) fn is_inverting_cue(lower: &str) -> bool {
    WordClasses::of(lower).is_inverting_cue()
}

/// Words that may sit between a subject and its cue verb ("Smith *also* said").
pub(crate) fn is_cue_modifier(lower: &str) -> bool {
    WordClasses::of(lower).is_cue_modifier()
}

/// Honorifics: the word after one is always a name ("Mr. King", "Dr Bishop").
pub(crate) fn is_honorific(lower: &str) -> bool {
    WordClasses::of(lower).is_honorific()
}

/// Irregular past tenses that can carry a quotation when no cue does
/// ("“…,” Trump shot back").
pub(crate) fn is_irregular_past(lower: &str) -> bool {
    active().is(lower, Class::IrregularPast)
}

/// "R-Fla", "D-Wis", "I-Vt": a US party and state tag after a name.
pub(crate) fn is_party_tag(word: &str) -> bool {
    matches!(word.get(..2), Some("R-" | "D-" | "I-"))
}

/// Titles and role words that stand before a name but are not part of it
/// ("Former Swedish Prime Minister Carl Bildt" → "Carl Bildt"). Lowercase, no dot.
pub(crate) fn is_title(lower: &str) -> bool {
    WordClasses::of(lower).is_title()
}

/// A title, or a title in another case where the language lists case
/// endings ("starostky" for "starostka", "министра" for "министр").
pub(crate) fn is_title_in_any_case(lower: &str) -> bool {
    if is_title(lower) {
        return true;
    }
    // (A stem keeps three letters or more: "pan" is no inflected "p".)
    const MIN_STEM: usize = 3;
    let lexicon = active();
    let endings = &lexicon.case_endings;
    if endings.is_empty() {
        return false;
    }
    let stems = endings
        .iter()
        .filter_map(|e| lower.strip_suffix(e))
        .chain(std::iter::once(lower))
        .filter(|stem| stem.chars().count() >= MIN_STEM);
    let mut candidate = String::new();
    for stem in stems {
        for ending in endings.iter().copied().chain(std::iter::once("")) {
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            if candidate != lower && is_title(&candidate) {
                return true;
            }
        }
    }
    false
}

/// Titles that tell a person's gender.
pub(crate) fn title_gender(lower: &str) -> Option<Gender> {
    WordClasses::of(lower).title_gender()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Personal pronouns that can be the subject of a reporting verb.
pub(crate) fn pronoun(lower: &str) -> Option<Pronoun> {
    WordClasses::of(lower).pronoun()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    I,
    We,
    You,
    /// A subject the verb leaves unsaid where a language may drop it
    /// (Portuguese “…”, afirmou.): a person of either gender, the one the
    /// passage is about.
    Unsaid,
}

/// Determiners and quantifiers that open a description ("*one* person familiar
/// with the talks", "*a* spokesman", "*the* Russian president").
pub(crate) fn is_determiner(lower: &str) -> bool {
    WordClasses::of(lower).is_determiner()
}

/// Capitalised words that open a sentence or clause without being names.
pub(crate) fn is_capitalised_function_word(lower: &str) -> bool {
    WordClasses::of(lower).is_capitalised_function_word()
}

/// Head nouns of groups and institutions: a mention headed by one of these is
/// an organisation, not a person ("the White House", "the Kremlin").
pub(crate) fn is_organisation_head(lower: &str) -> bool {
    WordClasses::of(lower).is_organisation_head()
}

/// Nouns of the news trade: "according to the RIA state news agency" or "told
/// CNN" names where something was said, not who said it.
pub(crate) fn is_medium_word(lower: &str) -> bool {
    active().is(lower, Class::Medium)
}

/// Whether the article's language writes `prefix` (a word's first letters,
/// as written) joined by an apostrophe to the next word while being a word
/// of its own (`[elisions]`: French "l'", "d'", Italian "dell'"); the
/// apostrophe is not given.
pub(crate) fn is_elision(prefix: &str) -> bool {
    // (Elided words are a few letters: a longer prefix is no such.)
    const LONGEST: usize = 6;
    let lexicon = active();
    if !lexicon.lists(Class::Elision) || prefix.len() > LONGEST {
        return false;
    }
    let mut word = prefix.to_lowercase();
    word.push('\'');
    lexicon.is(&word, Class::Elision)
}

/// A name all of whose words are a place's: "South Asia", "Saudi Arabia".
pub(crate) fn is_place_phrase(name: &str) -> bool {
    name.split(' ').all(|w| with_lowercase(w, is_place_word))
}

/// A word of a place's name: "saudi", "arabia", "washington", "new".
pub(crate) fn is_place_word(lower: &str) -> bool {
    active().classes(lower)
        & (Class::Place.bit() | Class::PlaceCompass.bit() | Class::PlaceHead.bit())
        != 0
}

/// A text or recording that carries its author's words: "report", "memo".
pub(crate) fn is_document_noun(lower: &str) -> bool {
    active().is(lower, Class::Document)
}

/// A voice inside a document, speaking for its author: "narrator".
pub(crate) fn is_voice_noun(lower: &str) -> bool {
    active().is(lower, Class::DocumentVoice)
}

/// Document nouns that, with "the" alone, mostly mean the outlet that
/// publishes them ("the paper said": the newspaper, not a paper).
pub(crate) fn is_outlet_document(lower: &str) -> bool {
    active().is(lower, Class::DocumentOutlet)
}

/// Whether `lower` names a spokesperson (`[nouns.spokesperson]`, an entry
/// with a leading "-" being an ending: "regierungssprecher",
/// "iwf-sprecher").
pub(crate) fn is_spokesperson_noun(lower: &str) -> bool {
    active()
        .spokesperson_nouns
        .iter()
        .any(|&n| match n.strip_prefix('-') {
            Some(ending) => lower.ends_with(ending),
            None => lower == n,
        })
}

/// Whether `lower` is a person's noun in a case with one of the
/// language's case endings: "des Politikers", "starostky".
pub(crate) fn is_person_noun_in_any_case(lower: &str) -> bool {
    // (A stem keeps three letters or more.)
    const MIN_STEM: usize = 3;
    is_person_noun(lower)
        || active().case_endings.iter().any(|e| {
            lower
                .strip_suffix(e)
                .is_some_and(|stem| stem.chars().count() >= MIN_STEM && is_person_noun(stem))
        })
}

/// A noun for a person: a title or role ("senator"), or a word such as
/// "tycoon", "actress", "mother".
pub(crate) fn is_person_noun(lower: &str) -> bool {
    active().classes(lower) & (Class::PersonNoun.bit() | Class::Title.bit()) != 0
}

/// A preposition: "with", "to", "by", "following".
pub(crate) fn is_preposition(lower: &str) -> bool {
    WordClasses::of(lower).is_preposition()
}

/// A word that opens a new clause: "that", "because", "and", "but".
pub(crate) fn is_clause_opener(lower: &str) -> bool {
    WordClasses::of(lower).is_clause_opener()
}

/// A word before a quoted title that makes it a work's name: "on", "his",
/// "called", "show".
pub(crate) fn is_work_marker(lower: &str) -> bool {
    active().is(lower, Class::WorkMarker)
}

/// A small word written in lowercase inside a title ("of", "the"), as written.
pub(crate) fn is_title_small_word(word: &str) -> bool {
    active().is(word, Class::TitleSmallWord)
}

/// A capitalised word that opens a statement, not a title ("I", "We"), as written.
pub(crate) fn opens_a_statement(word: &str) -> bool {
    active().is(word, Class::StatementOpener)
}

/// A noun for a group that needs no determiner: "police", "staff".
pub(crate) fn is_collective_noun(lower: &str) -> bool {
    active().is(lower, Class::CollectiveNoun)
}

/// An abbreviation whose full stop does not end a sentence ("sen", "calif").
pub(crate) fn is_abbreviation(lower: &str) -> bool {
    WordClasses::of(lower).is_abbreviation()
}

/// A noun that ends a place's name: "monument", "avenue".
pub(crate) fn is_place_head(lower: &str) -> bool {
    active().is(lower, Class::PlaceHead)
}

/// First names with a conventional gender, so that "she" can find "Ilona
/// Varga" when no title says so.
pub(crate) fn first_name_gender(name: &str) -> Option<Gender> {
    with_lowercase(name, first_name_gender_of_lower)
}

/// `first_name_gender` of a name already lowercased; a name on both lists is a woman's.
pub(crate) fn first_name_gender_of_lower(lower: &str) -> Option<Gender> {
    WordClasses::of(lower).first_name_gender()
}

thread_local! {
    /// The String `with_lowercase` lowers ASCII text in: one per thread,
    /// taken while in use (a nested call makes one of its own).
    static LOWERCASE_BUFFER: Cell<String> = const { Cell::new(String::new()) };
}

/// `f(&s.to_lowercase())`, with an ASCII `s` (most words and names)
/// lowercased in a reused buffer rather than a new String.
pub(crate) fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    // ASCII without a capital is its own lowercase: no copy.
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return f(s);
    }
    if !s.is_ascii() {
        return f(&s.to_lowercase());
    }
    let Ok(mut buffer) = LOWERCASE_BUFFER.try_with(Cell::take) else {
        return f(&s.to_ascii_lowercase());
    };
    buffer.clear();
    buffer.push_str(s);
    buffer.make_ascii_lowercase();
    let answer = f(&buffer);
    // Nothing is kept while the thread is being torn down.
    let _ = LOWERCASE_BUFFER.try_with(|cell| cell.set(buffer));
    answer
}

/// Words, each with a value, in an open-addressing table built once.
/// A slot holds 16 bits of the word's hash and the word's index: a lookup
/// hashes the word and reads a slot or two of a table small enough to stay
/// in the nearest cache (a slot is four bytes), and compares the word only
/// when the hash bits agree — most words asked about are in no list, and
/// are turned away without it.
/// (Chosen input cannot slow it: the words stored are the fixed lists.)
struct WordMap<V> {
    /// 0 for an empty slot, else the hash's 16 low bits above the index + 1.
    slots: Vec<u32>,
    words: Vec<Entry<V>>,
    /// log2 of the number of slots.
    bits: u32,
}

/// A word of a [`WordMap`] with its [`WordKey`], which decides equality
/// for words of up to sixteen bytes without reading their text again.
struct Entry<V> {
    key: WordKey,
    word: &'static str,
    value: V,
}

/// A word's length and its first and last eight bytes (a word shorter
/// than eight bytes packed whole): equal keys are equal words up to
/// sixteen bytes, the length of nearly every word of the lists.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey {
    len: usize,
    head: u64,
    tail: u64,
}

impl WordKey {
    #[inline]
    fn of(word: &str) -> Self {
        let b = word.as_bytes();
        let (head, tail) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
            _ => (b.iter().fold(0u64, |k, &x| k << 8 | u64::from(x)), 0),
        };
        WordKey {
            len: b.len(),
            head,
            tail,
        }
    }

    /// The hash of the key, mixed by two multiplications.
    #[inline]
    fn hash(self) -> u64 {
        let key = (self.head ^ (self.len as u64).rotate_left(59))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ self.tail;
        let hash = key.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        hash ^ (hash >> 29)
    }
}

impl<V: Copy> Entry<V> {
    /// Whether the entry is `word`, whose key is `key`.
    #[inline]
    fn is(&self, key: WordKey, word: &str) -> bool {
        self.key == key && (key.len <= 16 || self.word == word)
    }
}

impl<V: Copy> WordMap<V> {
    /// The table of `pairs`; for a word listed twice, the later value.
    fn new(pairs: &[(&'static str, V)]) -> Self {
        // At most half full: probes stay short and always meet an empty slot.
        let size = (pairs.len() * 2).next_power_of_two().max(8);
        let mut map = WordMap {
            slots: vec![0; size],
            words: Vec::with_capacity(pairs.len()),
            bits: size.trailing_zeros(),
        };
        for &(word, value) in pairs {
            let key = WordKey::of(word);
            let (mut i, tag) = map.probe_start(key);
            loop {
                let slot = map.slots[i];
                if slot == 0 {
                    // (A lexicon of more words than an index holds keeps the rest out.)
                    let Ok(index) = u16::try_from(map.words.len() + 1) else {
                        break;
                    };
                    map.words.push(Entry { key, word, value });
                    map.slots[i] = tag | u32::from(index);
                    break;
                }
                let k = (slot & 0xffff) as usize - 1;
                if slot & !0xffff == tag && map.words[k].is(key, word) {
                    map.words[k].value = value;
                    break;
                }
                i = (i + 1) & (map.slots.len() - 1);
            }
        }
        map
    }

    #[inline]
    fn get(&self, word: &str) -> Option<V> {
        let key = WordKey::of(word);
        let (mut i, tag) = self.probe_start(key);
        loop {
            let slot = *self.slots.get(i)?;
            if slot == 0 {
                return None;
            }
            if slot & !0xffff == tag {
                let entry = self.words.get((slot & 0xffff) as usize - 1)?;
                if entry.is(key, word) {
                    return Some(entry.value);
                }
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// Where a word's probe starts (the high bits of its hash, multiplied
    /// again), and the hash bits its slot keeps.
    #[inline]
    fn probe_start(&self, key: WordKey) -> (usize, u32) {
        let hash = key.hash();
        let slot = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        (slot, (hash as u32) << 16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_files_read_without_problems() {
        for (code, source) in LANGUAGES {
            let (_, problems) = Lexicon::parse(source);
            assert_eq!(problems, Vec::<String>::new(), "lang/{code}.txt");
        }
    }

    #[test]
    fn a_language_code_finds_its_lexicon() {
        assert_eq!(language_index("en"), Some(0));
        for code in ["de", "de-AT", "de_DE", "DEU", "ger", " de "] {
            assert_eq!(language_index(code), Some(1), "{code}");
        }
        assert_eq!(language_index("cze"), language_index("cs"));
        assert_eq!(language_index("xx"), None);
        assert_eq!(language_index(""), None);
    }

    #[test]
    fn the_lexicon_in_use_is_the_language_of_the_extraction() {
        assert!(WordClasses::of("said").cue_form().is_some());
        {
            let _german = Using::language(language_index("de"));
            assert!(WordClasses::of("sagte").cue_form().is_some());
            assert!(WordClasses::of("said").cue_form().is_none());
            // An ending listed in a class gives it to longer words.
            assert!(WordClasses::of("verkehrsministerin").is_title());
        }
        assert!(WordClasses::of("said").cue_form().is_some());
        assert!(WordClasses::of("sagte").cue_form().is_none());
    }

    #[test]
    fn settings_and_endings_are_read() {
        let (lexicon, problems) =
            Lexicon::parse("[settings]\nnouns-capitalised\n[titles]\nminister -minister\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(lexicon.settings.nouns_capitalised && !lexicon.settings.verb_second);
        assert!(lexicon.is("minister", Class::Title));
        assert!(lexicon.is("bauminister", Class::Title));
        assert!(!lexicon.is("inister", Class::Title));
        let (_, problems) = Lexicon::parse("[settings]\nno-such-setting\n");
        assert_eq!(problems, ["line 2: no setting \"no-such-setting\""]);
    }

    #[test]
    fn a_separable_verb_needs_its_classes() {
        let (lexicon, problems) = Lexicon::parse(
            "[cue.reporting]\ngab\n[cue.particles]\nbekannt\n[cue.separable]\ngab:bekannt\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(lexicon.separable_cues, [("gab", "bekannt")]);
        let (_, problems) =
            Lexicon::parse("[cue.particles]\nbekannt\n[cue.separable]\nwies:bekannt gab a:b:c\n");
        assert_eq!(
            problems,
            [
                "[cue.separable]: \"wies\" is not in [cue.reporting]",
                "[cue.separable]: \"gab\" is not verb:particle",
                "[cue.separable]: \"a:b:c\" is not verb:particle",
            ]
        );
    }

    #[test]
    fn a_lexicon_says_which_lines_it_could_not_read() {
        let (lexicon, problems) =
            Lexicon::parse("stray\n[titles]\nmayor\n[no.such]\nword\n[titles]\nmayor # again");
        assert_eq!(
            problems,
            [
                "line 1: words before any [class]",
                "line 4: no word class [no.such]",
                "line 7: \"mayor\" listed twice",
            ]
        );
        assert!(lexicon.is("mayor", Class::Title));
        assert!(!lexicon.is("word", Class::Title) && !lexicon.is("stray", Class::Title));
    }

    #[test]
    fn the_english_classes_answer_for_their_words() {
        assert_eq!(cue_form("said"), Some(CueForm::Finite));
        assert_eq!(cue_form("adding"), Some(CueForm::Participle));
        for w in ["", "sai", "saidd", "Said", "s", "x", "mr.", "ms "] {
            assert_eq!(cue_form(w), None, "{w:?}");
        }
        assert!(is_title("mr") && is_title("senator") && !is_title("mister-x") && !is_title(""));
        assert!(is_capitalised_function_word("the") && !is_capitalised_function_word("them"));
        assert!(is_capitalised_function_word("monday") && WordClasses::of("monday").is_day_word());
        assert_eq!(first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(first_name_gender("FRED"), Some(Gender::Male));
        assert_eq!(first_name_gender("Marys"), None);
        assert_eq!(pronoun("she"), Some(Pronoun::She));
        assert_eq!(title_gender("congresswoman"), Some(Gender::Female));
        assert!(
            WordClasses::of("von").is_name_particle() && !WordClasses::of("Von").is_name_particle()
        );
    }

    #[test]
    fn a_word_map_keeps_the_later_value_and_finds_every_word() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let pairs: Vec<(&'static str, usize)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (&*Box::leak(w.clone().into_boxed_str()), i))
            .chain([("w7", 1000)])
            .collect();
        let map = WordMap::new(&pairs);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(if i == 7 { 1000 } else { i }));
        }
        assert_eq!(map.get("w500"), None);
        assert_eq!(map.get(""), None);
    }
}
