//! Closed word classes the attribution rules need: reporting verbs, titles,
//! pronouns, function words. General English, never phrases of particular articles.

use std::cell::Cell;
use std::sync::OnceLock;

/// `word_in!(word, "a" | "b" | …)`: whether `word` is one of the words listed,
/// as `matches!` would say, by a lookup in a table built on first use: the
/// lists are long, and asked about for most words of an article.
macro_rules! word_in {
    ($word:expr, $($listed:literal)|+ $(,)?) => {{
        static WORDS: OnceLock<WordMap<()>> = OnceLock::new();
        WORDS
            .get_or_init(|| WordMap::new(&[$(($listed, ())),+]))
            .get($word)
            .is_some()
    }};
}

/// Reporting ("cue") verbs, every inflection, lowercase. The form tells how the
/// subject is found: a finite form has its own subject; a participle ("adding")
/// borrows the subject of the clause it hangs on.
const CUE_FINITE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "wrote",
    "writes",
    "posted",
    "posts",
    "stated",
    "argued",
    "argues",
    "explained",
    "explains",
    "concluded",
    "concludes",
    "replied",
    "replies",
    "warned",
    "warns",
    "noted",
    "notes",
    "insisted",
    "insists",
    "claimed",
    "declared",
    "declares",
    "announced",
    "announces",
    "asked",
    "asks",
    "answered",
    "answers",
    "responded",
    "responds",
    "continued",
    "continues",
    "tweeted",
    "tweets",
    "called",
    "described",
    "describes",
    "urged",
    "urges",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "suggested",
    "suggests",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "remarked",
    "observed",
    "observes",
    "commented",
    "quipped",
    "quips",
    "joked",
    "jokes",
    "conceded",
    "concedes",
    "cautioned",
    "cautions",
    "predicted",
    "predicts",
    "promised",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "complained",
    "complains",
    "lamented",
    "laments",
    "boasted",
    "boasts",
    "contended",
    "contends",
    "asserted",
    "asserts",
    "reiterated",
    "reiterates",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "shouted",
    "shouts",
    "yelled",
    "yells",
    "chanted",
    "chants",
    "mocked",
    "mocks",
    "characterized",
    "characterised",
    "characterizes",
    "characterises",
    "labelled",
    "labeled",
    "dubbed",
    "branded",
    "hailed",
    "praised",
    "criticized",
    "criticised",
    "blasted",
    "slammed",
    "accused",
    "accuses",
    "demanded",
    "pointed",
    "assured",
    "assures",
    "reported",
    "reports",
    "testified",
    "testifies",
    "recounted",
    "recounts",
    "alleged",
    "alleges",
    "agreed",
    "agrees",
    "opined",
    "opines",
    "retorted",
    "retorts",
    "whispered",
    "screamed",
    "cried",
    "mused",
    "muses",
    "scoffed",
    "snapped",
    "thundered",
    "texted",
    "emailed",
    "e-mailed",
    "messaged",
    "disclosed",
    "revealed",
    "reveals",
    "expresses",
    "pleaded",
    "begged",
    "proclaimed",
    "proclaims",
    "affirmed",
    "affirms",
    "reaffirmed",
    "insist",
    "argue",
    "explain",
    "add",
    "write",
    "warn",
    "ask",
    "describe",
    "suggest",
    "admit",
    "agree",
    "reads",
    "put",
    "wondered",
    "wonders",
    "summed",
    "interjected",
    "countered",
    "counters",
    "charged",
    "elaborated",
    "speculated",
    "sighed",
    "informed",
    "assessed",
    "objected",
    "protested",
    "reflected",
    "reflects",
    "advised",
    "advises",
    "instructed",
    "ordered",
    "beamed",
    "dismissed",
    "blamed",
    "quoted",
    "scolded",
    "gushed",
    "raged",
    "fumed",
    "ranted",
    "tweeted:",
    "exclaimed",
    "sneered",
    "huffed",
    "marveled",
    "marvelled",
    "surmised",
    "relayed",
    "echoed",
    "rejoined",
    "signaled",
    "signalled",
    "indicated",
    "indicates",
];

/// Participles that introduce a quotation on behalf of the clause's subject.
const CUE_PARTICIPLE: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "writing",
    "noting",
    "arguing",
    "calling",
    "describing",
    "stating",
    "asserting",
    "warning",
    "insisting",
    "explaining",
    "claiming",
    "declaring",
    "asking",
    "answering",
    "responding",
    "continuing",
    "tweeting",
    "posting",
    "urging",
    "stressing",
    "emphasizing",
    "emphasising",
    "remarking",
    "observing",
    "quipping",
    "joking",
    "conceding",
    "predicting",
    "promising",
    "vowing",
    "complaining",
    "lamenting",
    "boasting",
    "contending",
    "reiterating",
    "confirming",
    "denying",
    "shouting",
    "chanting",
    "mocking",
    "characterizing",
    "characterising",
    "labelling",
    "labeling",
    "dubbing",
    "branding",
    "hailing",
    "praising",
    "accusing",
    "demanding",
    "assuring",
    "recalling",
    "suggesting",
    "admitting",
    "acknowledging",
    "concluding",
    "replying",
    "pledging",
    "announcing",
    "cautioning",
    "expressing",
    "proclaiming",
    "countering",
    "interjecting",
    "charging",
];

/// How a word works as a reporting cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueForm {
    Finite,
    Participle,
}

pub(crate) fn cue_form(lower: &str) -> Option<CueForm> {
    // Asked for nearly every word of the reporting text: scanning ~300 forms
    // each time was one of the extractor's largest costs.
    static FORMS: OnceLock<WordMap<CueForm>> = OnceLock::new();
    FORMS
        .get_or_init(|| {
            // The finite form wins for a word on both lists, as the scan in that order did.
            let forms: Vec<(&'static str, CueForm)> = (CUE_PARTICIPLE.iter())
                .map(|&w| (w, CueForm::Participle))
                .chain(CUE_FINITE.iter().map(|&w| (w, CueForm::Finite)))
                .collect();
            WordMap::new(&forms)
        })
        .get(lower)
}

/// The cue verbs that can stand right after a quotation with the speaker after
/// them ("…," said Ms Lopes): the inverted order works only with plain speech verbs.
pub(crate) fn is_inverting_cue(lower: &str) -> bool {
    word_in!(
        lower,
        "said"
            | "says"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "replied"
            | "continued"
            | "explained"
            | "concluded"
            | "argued"
            | "warned"
            | "noted"
            | "insisted"
            | "answered"
            | "responded"
            | "declared"
            | "recalled"
            | "tweeted"
            | "stated"
            | "remarked"
            | "observed"
            | "quipped"
            | "countered"
            | "shouted"
            | "cried"
            | "laughed"
            | "told"
            | "posted"
            | "added:"
            | "reads"
            | "read"
            | "notes"
            | "claimed"
            | "suggested"
            | "conceded"
            | "admitted"
    )
}

/// Words that may sit between a subject and its cue verb ("Smith *also* said",
/// "she *has* said", "the official, *speaking anonymously*, said").
pub(crate) fn is_cue_modifier(lower: &str) -> bool {
    word_in!(
        lower,
        "also"
            | "later"
            | "then"
            | "previously"
            | "once"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "could"
            | "might"
            | "may"
            | "should"
            | "did"
            | "does"
            | "do"
            | "reportedly"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "simply"
            | "quickly"
            | "again"
            | "further"
            | "often"
            | "recently"
            | "earlier"
            | "subsequently"
            | "first"
            | "famously"
            | "frequently"
            | "openly"
            | "flatly"
            | "bluntly"
            | "angrily"
            | "calmly"
            | "softly"
            | "firmly"
            | "proudly"
            | "quietly"
            | "loudly"
            | "sarcastically"
            | "jokingly"
            | "cheerfully"
            | "tersely"
            | "curtly"
            | "dryly"
            | "simply,"
            | "just"
            | "not"
            | "never"
            | "always"
            | "still"
            | "even"
            | "finally"
            | "already"
            | "immediately"
            | "went"
            | "on"
            | "to"
            | "be"
            | "being"
            | "been"
            | "is"
            | "was"
            | "were"
            | "are"
    )
}

/// Honorifics: the word after one is always a name ("Mr. King", "Dr Bishop").
pub(crate) fn is_honorific(lower: &str) -> bool {
    matches!(lower, "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "messrs")
}

/// Irregular past tenses that can carry a quotation when no cue does
/// ("“…,” Trump shot back", "“…,” she went on").
pub(crate) fn is_irregular_past(lower: &str) -> bool {
    matches!(
        lower,
        "went"
            | "shot"
            | "broke"
            | "spoke"
            | "began"
            | "struck"
            | "threw"
            | "swore"
            | "shook"
            | "sang"
            | "took"
            | "gave"
            | "came"
            | "kept"
            | "stood"
            | "fought"
            | "thought"
            | "drew"
            | "bit"
            | "rose"
            | "ran"
            | "hit"
            | "cut"
    )
}

/// "R-Fla", "D-Wis", "I-Vt": a US party and state tag after a name.
pub(crate) fn is_party_tag(word: &str) -> bool {
    matches!(word.get(..2), Some("R-" | "D-" | "I-"))
}

/// Generational suffixes that close a name: "Robert P. Casey Jr.".
pub(crate) fn is_name_suffix(lower: &str) -> bool {
    matches!(lower, "jr" | "sr" | "ii" | "iii" | "iv")
}

/// Titles and role words that stand before a name but are not part of it
/// ("Former Swedish Prime Minister Carl Bildt" → "Carl Bildt"). Lowercase, no dot.
pub(crate) fn is_title(lower: &str) -> bool {
    word_in!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "president"
            | "vice"
            | "prime"
            | "minister"
            | "chancellor"
            | "secretary"
            | "general"
            | "gen"
            | "col"
            | "colonel"
            | "capt"
            | "captain"
            | "lt"
            | "lieutenant"
            | "sgt"
            | "sergeant"
            | "maj"
            | "major"
            | "adm"
            | "admiral"
            | "cmdr"
            | "judge"
            | "justice"
            | "rev"
            | "reverend"
            | "father"
            | "pope"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "speaker"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "commissioner"
            | "mayor"
            | "ambassador"
            | "attorney"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "former"
            | "ex"
            | "deputy"
            | "acting"
            | "chief"
            | "executive"
            | "ceo"
            | "cfo"
            | "coo"
            | "senior"
            | "adviser"
            | "advisor"
            | "aide"
            | "officer"
            | "congressman"
            | "congresswoman"
            | "candidate"
            | "nominee"
            | "premier"
            | "sheikh"
            | "emir"
            | "ayatollah"
            | "archbishop"
            | "bishop"
            | "cardinal"
            | "rabbi"
            | "imam"
            | "sheriff"
            | "detective"
            | "inspector"
            | "constable"
            | "officer,"
            | "coach"
            | "boss"
            | "manager"
            | "founder"
            | "co-founder"
            | "head"
            | "analyst"
            | "economist"
            | "correspondent"
            | "editor"
            | "columnist"
            | "host"
            | "moderator"
            | "anchor"
            | "assemblyman"
            | "assemblywoman"
            | "councilman"
            | "councilwoman"
            | "councillor"
            | "councilor"
            | "alderman"
            | "delegate"
            | "whip"
            | "majority"
            | "minority"
            | "house"
            | "senate"
            | "state"
            | "foreign"
            | "defence"
            | "defense"
            | "interior"
            | "finance"
            | "justice,"
            | "health"
            | "trade"
            | "economy"
            | "energy"
            | "education"
            | "treasury"
            | "first"
            | "press"
            | "white"
            | "national"
            | "security"
            | "campaign"
            | "communications"
            | "policy"
            | "political"
            | "strategist"
            | "pollster"
            | "lawyer"
            | "professor,"
            | "mp"
            | "mep"
            | "msp"
            | "lawmaker"
            | "legislator"
            | "st"
            | "saint"
            | "hon"
            | "honourable"
            | "honorable"
            | "elect"
            | "designate"
            | "jr"
            | "sr"
            | "dep"
            | "supt"
            | "superintendent"
            | "chairperson"
            | "sec"
            | "atty"
            | "dist"
            | "u.s"
            | "us"
            | "uk"
            | "eu"
            | "un"
            | "nato"
            | "gop"
            | "democratic"
            | "republican"
            | "labour"
            | "tory"
            | "conservative"
            | "liberal"
            | "green"
            | "independent"
            | "commander"
            | "chef"
            | "pastor"
            | "author"
            | "novelist"
            | "actor"
            | "actress"
            | "singer"
            | "rapper"
            | "comedian"
            | "businessman"
            | "businesswoman"
            | "billionaire"
            | "activist"
            | "historian"
            | "scientist"
            | "researcher"
            | "dean"
            | "principal"
            | "provost"
            | "regent"
            | "trustee"
            | "counsel"
            | "solicitor"
            | "barrister"
            | "prosecutor"
            | "ceasefire"
            | "envoy"
            | "negotiator"
            | "diplomat"
            | "official"
            | "officials"
            | "engineer"
            | "farmer"
            | "teacher"
            | "nurse"
            | "doctor"
            | "pilot"
            | "master"
            | "architect"
            | "mediator"
            | "lecturer"
            | "surgeon"
            | "physician"
            | "consultant"
            | "organiser"
            | "organizer"
            | "volunteer"
            | "resident"
            | "owner"
            | "worker"
            | "student"
            | "veteran"
            | "fisherman"
            | "skipper"
            | "harbourmaster"
            | "planner"
    )
}

/// Titles that tell a person's gender.
pub(crate) fn title_gender(lower: &str) -> Option<Gender> {
    match lower {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "spokesman"
        | "chairman" | "assemblyman" | "councilman" | "businessman" | "actor" | "brother"
        | "husband" | "son" | "uncle" | "grandfather" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "congresswoman"
        | "spokeswoman" | "chairwoman" | "assemblywoman" | "councilwoman" | "businesswoman"
        | "actress" | "sister" | "wife" | "daughter" | "aunt" | "grandmother" | "mother" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Personal pronouns that can be the subject of a reporting verb.
pub(crate) fn pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        "i" => Some(Pronoun::I),
        "we" => Some(Pronoun::We),
        "you" => Some(Pronoun::You),
        _ => None,
    }
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
}

/// Determiners and quantifiers that open a description ("*one* person familiar
/// with the talks", "*a* spokesman", "*the* Russian president").
pub(crate) fn is_determiner(lower: &str) -> bool {
    word_in!(
        lower,
        "a" | "an"
            | "the"
            | "one"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "another"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "both"
            | "other"
            | "senior"
            | "most"
            | "few"
            | "multiple"
            | "numerous"
            | "this"
            | "that"
            | "these"
            | "those"
            | "each"
            | "every"
            | "no"
            | "any"
            | "four"
            | "five"
    )
}

/// The days of the week, lowercase.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Days and parts of days that date a phrase ("on Tuesday", "last week").
pub(crate) fn is_day_word(lower: &str) -> bool {
    is_weekday(lower)
        || matches!(
            lower,
            "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "today"
                | "yesterday"
        )
}

/// Capitalised words that open a sentence or clause without being names.
pub(crate) fn is_capitalised_function_word(lower: &str) -> bool {
    word_in!(
        lower,
        "the"
            | "a"
            | "an"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "however"
            | "meanwhile"
            | "still"
            | "also"
            | "then"
            | "now"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "as"
            | "if"
            | "although"
            | "though"
            | "because"
            | "since"
            | "despite"
            | "following"
            | "speaking"
            | "asked"
            | "according"
            | "for"
            | "from"
            | "with"
            | "without"
            | "by"
            | "of"
            | "to"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "one"
            | "some"
            | "many"
            | "several"
            | "both"
            | "all"
            | "no"
            | "not"
            | "even"
            | "only"
            | "just"
            | "instead"
            | "indeed"
            | "still,"
            | "thus"
            | "therefore"
            | "moreover"
            | "furthermore"
            | "additionally"
            | "overall"
            | "finally"
            | "first"
            | "second"
            | "third"
            | "once"
            | "again"
            | "yes"
            | "well"
            | "oh"
            | "asked,"
            | "like"
            | "unlike"
            | "under"
            | "over"
            | "among"
            | "between"
            | "through"
            | "until"
            | "into"
            | "about"
            | "against"
            | "around"
            | "within"
            | "where"
            | "what"
            | "who"
            | "why"
            | "how"
            | "which"
            | "whether"
            | "perhaps"
            | "maybe"
            | "nor"
            | "otherwise"
            | "regardless"
            | "nevertheless"
            | "nonetheless"
            | "besides"
            | "rather"
            | "such"
            | "every"
            | "each"
            | "any"
            | "more"
            | "most"
            | "much"
            | "few"
            | "other"
            | "another"
            | "either"
            | "neither"
            | "because,"
            | "upon"
            | "amid"
            | "amidst"
            | "via"
            | "per"
            | "toward"
            | "towards"
            | "throughout"
            | "beyond"
            | "above"
            | "below"
            | "behind"
            | "inside"
            | "outside"
            | "near"
            | "across"
            | "along"
            | "beside"
            | "besides,"
    ) || is_weekday(lower)
}

/// Name particles written in lowercase inside a name ("Ursula von der Leyen").
pub(crate) fn is_name_particle(word: &str) -> bool {
    word_in!(
        word,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
            | "ibn"
            | "ter"
            | "ten"
            | "y"
            | "zu"
    )
}

/// Head nouns of groups and institutions: a mention headed by one of these is
/// an organisation, not a person ("the White House", "the Kremlin").
pub(crate) fn is_organisation_head(lower: &str) -> bool {
    word_in!(
        lower,
        "house"
            | "kremlin"
            | "ministry"
            | "department"
            | "office"
            | "party"
            | "campaign"
            | "committee"
            | "council"
            | "government"
            | "administration"
            | "agency"
            | "court"
            | "commission"
            | "union"
            | "bank"
            | "company"
            | "corporation"
            | "group"
            | "association"
            | "institute"
            | "university"
            | "foundation"
            | "police"
            | "army"
            | "force"
            | "forces"
            | "military"
            | "pentagon"
            | "congress"
            | "parliament"
            | "senate"
            | "assembly"
            | "board"
            | "bureau"
            | "service"
            | "network"
            | "team"
            | "club"
            | "league"
            | "federation"
            | "organisation"
            | "organization"
            | "times"
            | "post"
            | "news"
            | "journal"
            | "telegraph"
            | "guardian"
            | "herald"
            | "tribune"
            | "reuters"
            | "press"
            | "cabinet"
            | "embassy"
            | "coalition"
            | "alliance"
            | "fund"
            | "inc"
            | "ltd"
            | "corp"
            | "co"
            | "plc"
            | "statement"
            | "report"
            | "study"
            | "poll"
            | "survey"
            | "website"
            | "magazine"
            | "newspaper"
            | "paper"
            | "station"
            | "channel"
            | "program"
            | "programme"
            | "show"
            | "center"
            | "centre"
            | "caucus"
            | "delegation"
            | "secretariat"
            | "establishment"
            | "regime"
            | "state"
            | "city"
            | "county"
            | "country"
            | "nation"
            | "world"
            | "street"
            | "square"
            | "airport"
            | "hospital"
    )
}

/// Nouns of the news trade: "according to the RIA state news agency" or "told
/// CNN" names where something was said, not who said it.
pub(crate) fn is_medium_word(lower: &str) -> bool {
    word_in!(
        lower,
        "agency"
            | "news"
            | "newspaper"
            | "paper"
            | "magazine"
            | "media"
            | "outlet"
            | "broadcaster"
            | "television"
            | "tv"
            | "radio"
            | "channel"
            | "network"
            | "website"
            | "report"
            | "reports"
            | "reporter"
            | "reporters"
            | "journalists"
            | "journalist"
            | "press"
            | "interview"
            | "statement"
            | "post"
            | "tweet"
            | "twitter"
            | "facebook"
            | "instagram"
            | "x"
            | "telegram"
            | "blog"
            | "podcast"
            | "documents"
            | "document"
            | "data"
            | "figures"
            | "records"
            | "poll"
            | "survey"
            | "study"
            | "transcript"
            | "readout"
            | "filing"
            | "letter"
            | "memo"
            | "email"
            | "e-mail"
            | "release"
            | "polls"
            | "sources"
            | "source"
            | "estimates"
    )
}

/// First names with a conventional gender, so that "she" can find "Ilona
/// Varga" when no title says so. A short, general list: most speakers are
/// resolved without it.
pub(crate) fn first_name_gender(name: &str) -> Option<Gender> {
    with_lowercase(name, first_name_gender_of_lower)
}

/// `first_name_gender` of a name already lowercased.
pub(crate) fn first_name_gender_of_lower(lower: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mary",
        "patricia",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "nancy",
        "lisa",
        "betty",
        "margaret",
        "sandra",
        "ashley",
        "kimberly",
        "emily",
        "donna",
        "michelle",
        "carol",
        "amanda",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "laura",
        "sharon",
        "cynthia",
        "kathleen",
        "amy",
        "angela",
        "anna",
        "ana",
        "hillary",
        "nikki",
        "kamala",
        "theresa",
        "ursula",
        "marine",
        "giorgia",
        "jacinda",
        "liz",
        "nicola",
        "maria",
        "marie",
        "julia",
        "olga",
        "irina",
        "natalia",
        "yulia",
        "svetlana",
        "elena",
        "helen",
        "helena",
        "anne",
        "ann",
        "jane",
        "kate",
        "katie",
        "catherine",
        "katherine",
        "claire",
        "clara",
        "emma",
        "olivia",
        "sophie",
        "sophia",
        "alice",
        "lucy",
        "grace",
        "ruth",
        "rachel",
        "hannah",
        "diana",
        "victoria",
        "christine",
        "kristin",
        "kirsten",
        "nadia",
        "fatima",
        "aisha",
        "leila",
        "priya",
        "mei",
        "yuki",
        "ilona",
        "eva",
        "eve",
        "ingrid",
        "greta",
        "monica",
        "nina",
        "tulsi",
        "kellyanne",
        "sheryl",
        "melania",
        "ivanka",
        "michele",
        "debbie",
        "dianne",
        "lindsey",
        "kirstjen",
        "betsy",
        "samantha",
        "huma",
        "jill",
        "loretta",
        "condoleezza",
        "madeleine",
        "carly",
        "paula",
        "janet",
        "joan",
        "judith",
        "marta",
        "marina",
        "agnieszka",
        "beata",
        "katarzyna",
        "oksana",
        "iryna",
        "tatiana",
        "lena",
        "sofia",
        "isabel",
        "isabella",
        "lucia",
        "carmen",
        "rosa",
        "teresa",
    ];
    const MALE: &[&str] = &[
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "donald",
        "steven",
        "paul",
        "andrew",
        "joshua",
        "kenneth",
        "kevin",
        "brian",
        "george",
        "timothy",
        "ronald",
        "edward",
        "jason",
        "jeffrey",
        "ryan",
        "jacob",
        "gary",
        "nicholas",
        "eric",
        "jonathan",
        "stephen",
        "larry",
        "justin",
        "scott",
        "brandon",
        "benjamin",
        "samuel",
        "gregory",
        "frank",
        "alexander",
        "raymond",
        "patrick",
        "jack",
        "dennis",
        "jerry",
        "tyler",
        "aaron",
        "jose",
        "adam",
        "henry",
        "nathan",
        "douglas",
        "zachary",
        "peter",
        "kyle",
        "walter",
        "ethan",
        "jeremy",
        "harold",
        "keith",
        "christian",
        "roger",
        "noah",
        "gerald",
        "carl",
        "terry",
        "sean",
        "austin",
        "arthur",
        "lawrence",
        "jesse",
        "dylan",
        "bryan",
        "joe",
        "jordan",
        "billy",
        "bruce",
        "albert",
        "willie",
        "gabriel",
        "logan",
        "alan",
        "juan",
        "wayne",
        "roy",
        "ralph",
        "randy",
        "eugene",
        "vincent",
        "russell",
        "elijah",
        "louis",
        "bobby",
        "philip",
        "johnny",
        "barack",
        "bernie",
        "ted",
        "marco",
        "mike",
        "mitt",
        "jeb",
        "chris",
        "rand",
        "newt",
        "vladimir",
        "volodymyr",
        "dmitry",
        "sergei",
        "sergey",
        "yuri",
        "emmanuel",
        "olaf",
        "friedrich",
        "boris",
        "keir",
        "rishi",
        "narendra",
        "xi",
        "recep",
        "viktor",
        "bashar",
        "kim",
        "tim",
        "tom",
        "bill",
        "bob",
        "jim",
        "jimmy",
        "ben",
        "hans",
        "jan",
        "lars",
        "oleksandr",
        "andriy",
        "mykhailo",
        "taras",
        "ivan",
        "igor",
        "alexei",
        "alexey",
        "nikolai",
        "mohammed",
        "muhammad",
        "ahmed",
        "ali",
        "omar",
        "hassan",
        "tomas",
        "pedro",
        "carlos",
        "luis",
        "miguel",
        "antonio",
        "giuseppe",
        "pierre",
        "jean",
        "francois",
        "luc",
        "karl",
        "otto",
        "dieter",
        "reince",
        "rudy",
        "rudolph",
        "mitch",
        "chuck",
        "harry",
        "dick",
        "al",
        "jd",
        "j.d",
        "hakeem",
        "elon",
        "jeff",
        "warren",
        "martin",
        "simon",
        "hugh",
        "nigel",
        "gordon",
        "tony",
        "ed",
        "liam",
        "oliver",
        "fred",
    ];
    // Built once: a hash lookup instead of a scan of both lists on every name word.
    static GENDERS: OnceLock<WordMap<Gender>> = OnceLock::new();
    let genders = GENDERS.get_or_init(|| {
        // FEMALE wins for a name on both lists, as the scan in that order did.
        let genders: Vec<(&'static str, Gender)> = (MALE.iter())
            .map(|&n| (n, Gender::Male))
            .chain(FEMALE.iter().map(|&n| (n, Gender::Female)))
            .collect();
        WordMap::new(&genders)
    });
    genders.get(lower)
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

/// The words of a list above, each with a value, in an open-addressing table
/// built once. A lookup hashes the word's length and four of its bytes and
/// compares a slot or two: less work than a scan of the list or a SipHash.
/// (Chosen input cannot slow it: the words stored are the fixed lists.)
struct WordMap<V> {
    slots: Vec<Option<(&'static str, V)>>,
    mask: usize,
}

impl<V: Copy> WordMap<V> {
    /// The table of `pairs`; for a word listed twice, the later value.
    fn new(pairs: &[(&'static str, V)]) -> Self {
        // At most a quarter full: probes stay short and always meet an empty slot.
        let size = (pairs.len() * 4).next_power_of_two().max(8);
        let mut map = WordMap {
            slots: vec![None; size],
            mask: size - 1,
        };
        for &(word, value) in pairs {
            let mut i = map.slot(word);
            while let Some(Some((w, _))) = map.slots.get(i) {
                if *w == word {
                    break;
                }
                i = (i + 1) & map.mask;
            }
            if let Some(slot) = map.slots.get_mut(i) {
                *slot = Some((word, value));
            }
        }
        map
    }

    fn get(&self, word: &str) -> Option<V> {
        let mut i = self.slot(word);
        loop {
            match self.slots.get(i)? {
                Some((w, value)) if *w == word => return Some(*value),
                Some(_) => i = (i + 1) & self.mask,
                None => return None,
            }
        }
    }

    /// Where a word's probe starts: its length, first, second, middle and last
    /// bytes, mixed by a multiplication.
    fn slot(&self, word: &str) -> usize {
        let b = word.as_bytes();
        let at = |k: usize| u64::from(b.get(k).copied().unwrap_or(0));
        let key = (b.len() as u64)
            ^ at(0) << 8
            ^ at(1) << 16
            ^ at(b.len() / 2) << 24
            ^ at(b.len().wrapping_sub(1)) << 32;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & self.mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_answer_as_the_lists() {
        for &w in CUE_FINITE {
            assert_eq!(cue_form(w), Some(CueForm::Finite), "{w}");
        }
        for &w in CUE_PARTICIPLE {
            let finite = CUE_FINITE.contains(&w);
            assert!(cue_form(w).is_some(), "{w}");
            assert_eq!(cue_form(w) == Some(CueForm::Finite), finite, "{w}");
        }
        for w in ["", "sai", "saidd", "Said", "s", "x", "mr.", "ms ", "mrs"] {
            let listed = CUE_FINITE.contains(&w) || CUE_PARTICIPLE.contains(&w);
            assert_eq!(cue_form(w).is_some(), listed, "{w:?}");
        }
        assert!(is_title("mr") && is_title("senator") && !is_title("mister-x") && !is_title(""));
        assert!(is_capitalised_function_word("the") && !is_capitalised_function_word("them"));
        assert_eq!(first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(first_name_gender("FRED"), Some(Gender::Male));
        assert_eq!(first_name_gender("Marys"), None);
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
