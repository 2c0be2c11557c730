//! Reading a speaker name: titles off, given name, middle initials, surname.

use super::spelling::{folded_words, spelling_key, transliterate};

/// Words before a name that say what the person is, not who ("President
/// Putin", "Foreign Minister Ilse Brandt", "Mr Zelensky"). Only leading
/// words are titles: "John Major" and "Stephen King" keep their surnames.
const TITLES: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "attorney",
    "bishop",
    "cardinal",
    "capt",
    "captain",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "dame",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "economy",
    "emir",
    "envoy",
    "finance",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "health",
    "home",
    "interior",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt",
    "madam",
    "maj",
    "major",
    "mayor",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "mx",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "sultan",
    "vice",
];

/// Lowercase words that belong to a surname ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "st", "ten", "ter", "van", "von",
];

/// Words that make a name an organisation's ("Oversight Committee",
/// "Washington Post", "Labour Party").
const ORGANISATIONS: &[&str] = &[
    "agency",
    "association",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "church",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "foundation",
    "fund",
    "gazette",
    "group",
    "herald",
    "inc",
    "institute",
    "journal",
    "league",
    "ltd",
    "ministry",
    "movement",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "project",
    "school",
    "service",
    "society",
    "team",
    "times",
    "tribune",
    "union",
    "university",
];

/// Words after a name that are not part of it.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// A person's name reduced to what identifies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Spelling key of the first given name; empty for a surname alone.
    pub given: String,
    /// True when the given name is only an initial ("V. Putin").
    pub given_is_initial: bool,
    /// First letters of the middle names and initials ("George H. W. Bush"
    /// → "hw").
    pub middle: String,
    /// Spelling keys of the surname's words, particles included.
    pub surname: String,
    /// Spelling key of the surname's last word as the index splits words
    /// ("eakin" of Holtz-Eakin): what a name is looked up by.
    pub last_word: String,
}

impl PersonName {
    /// Only a surname (after titles): "Putin", "Mr Putin".
    pub fn is_surname_only(&self) -> bool {
        self.given.is_empty()
    }
}

/// A speaker as newsq reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerName {
    /// Looks like a person's name.
    Person(PersonName),
    /// Anything else: "the Kremlin", "Putin's spokesman", "officials".
    /// Matched only as a whole.
    Other,
}

/// Read a speaker name. `strict` (names from articles) demands capitals on
/// every word that is not a particle; queries are typed in lowercase, so
/// they are read with `strict` off. A possessive ("Putin's spokesman")
/// never reads as a person: it names someone by another person's name.
///
/// ```
/// use newsq_query::entity::{read_speaker, spelling_key, SpeakerName};
///
/// let SpeakerName::Person(name) = read_speaker("President Volodymyr Zelenskiy", true) else {
///     panic!("a person");
/// };
/// assert_eq!(name.given, spelling_key("volodymyr"));
/// assert_eq!(name.surname, spelling_key("zelensky"));
/// assert_eq!(read_speaker("Putin's spokesman", true), SpeakerName::Other);
/// ```
pub fn read_speaker(raw: &str, strict: bool) -> SpeakerName {
    let romanised = transliterate(raw);
    let mut words: Vec<&str> = romanised
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .map(|w| w.trim_start_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 7 {
        return SpeakerName::Other;
    }
    let plain = |w: &str| w.trim_end_matches('.').to_lowercase();
    for word in &words {
        let lower = word.to_lowercase();
        let possessive = lower.ends_with("'s") || lower.ends_with("’s") || lower.ends_with("s'");
        if possessive
            || word.chars().any(|c| c.is_ascii_digit())
            || ORGANISATIONS.contains(&plain(word).as_str())
            || (strict && is_acronym(word))
        {
            return SpeakerName::Other;
        }
    }
    // Titles and what comes before them describe the person: "Atlantic City
    // Mayor Don Guardian", "Former Swedish Prime Minister, Carl Bildt".
    if let Some(last_title) = words[..words.len() - 1]
        .iter()
        .rposition(|w| TITLES.contains(&plain(w).as_str()))
    {
        words.drain(..=last_title);
    }
    if strict
        && words.iter().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !PARTICLES.contains(&w.to_lowercase().as_str())
        })
    {
        return SpeakerName::Other;
    }
    while words.len() > 1 && SUFFIXES.contains(&plain(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    // The surname: the last word and the particles before it (not the first
    // word: "Van Morrison" has a given name).
    let mut surname_start = words.len() - 1;
    while surname_start > 1 && PARTICLES.contains(&words[surname_start - 1].to_lowercase().as_str())
    {
        surname_start -= 1;
    }
    // "von der Leyen" alone is a surname, not a given name "von".
    if words[..surname_start]
        .iter()
        .all(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
    {
        surname_start = 0;
    }
    let key = |word: &str| -> String {
        folded_words(word)
            .iter()
            .map(|w| spelling_key(w))
            .collect::<Vec<_>>()
            .join("")
    };
    let surname = words[surname_start..]
        .iter()
        .map(|w| key(w))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if surname.is_empty() || is_initials(words[words.len() - 1]) {
        return SpeakerName::Other;
    }
    let last_word = folded_words(words[words.len() - 1])
        .last()
        .map(|w| spelling_key(w))
        .unwrap_or_default();
    let (given, given_is_initial) = match words[..surname_start].first() {
        None => (String::new(), false),
        Some(first) if is_initials(first) => (initial(first), true),
        Some(first) => (key(first), false),
    };
    let middle = words[..surname_start]
        .iter()
        .skip(1)
        .flat_map(|w| w.split('.').filter(|p| !p.is_empty()))
        .filter_map(|w| folded_words(w).first().and_then(|f| f.chars().next()))
        .collect();
    SpeakerName::Person(PersonName {
        given,
        given_is_initial,
        middle,
        surname,
        last_word,
    })
}

/// Whether `raw` is written as a name: every word capitalised, or a
/// particle or title ("Prime Minister Tony Blair", "Mr. Obama"), not a
/// phrase that contains a name ("a spokesman for Mr Blair").
pub fn looks_like_name(raw: &str) -> bool {
    raw.split_whitespace().all(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        bare.is_empty()
            || bare.chars().next().is_some_and(char::is_uppercase)
            || PARTICLES.contains(&lower.as_str())
            || TITLES.contains(&lower.as_str())
    })
}

/// What a title says about the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TitleCue {
    /// "President", "Senator", "Dr": a person, no more.
    Person,
    /// "Mr", "Sir", "King".
    Man,
    /// "Mrs", "Ms", "Dame", "Queen".
    Woman,
}

/// The lowercase words of `raw` before its last word (where titles are).
fn words_before_last(raw: &str) -> Vec<String> {
    let mut words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.pop();
    words
}

/// The title before the name in `raw`, if any ("Mr. Obama" → a man;
/// "Gov. Kasich" → a person). A bare word with a title is a person's
/// surname; without one it may be a place or a group ("Virginia",
/// "Democrats").
pub fn title_cue(raw: &str) -> Option<TitleCue> {
    words_before_last(raw)
        .iter()
        .filter_map(|w| match w.as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" | "father" | "sultan" | "emir" => {
                Some(TitleCue::Man)
            }
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" => {
                Some(TitleCue::Woman)
            }
            w if TITLES.contains(&w) => Some(TitleCue::Person),
            _ => None,
        })
        .max()
}

/// The office titles before the name in `raw`, written out ("Sen." →
/// "senator"): two spellings with a common office are likelier one person
/// ("President Obama" and "President Barack Obama").
pub fn office_titles(raw: &str) -> Vec<&'static str> {
    words_before_last(raw)
        .iter()
        .filter_map(|w| {
            let long = match w.as_str() {
                "sen" => "senator",
                "gov" => "governor",
                "rep" => "representative",
                "gen" => "general",
                "prof" => "professor",
                other => other,
            };
            let title = TITLES.iter().find(|&&t| t == long)?;
            // Courtesy titles say nothing of the office; sex is read apart.
            (!matches!(
                *title,
                "mr" | "mrs" | "ms" | "miss" | "mx" | "former" | "acting"
            ))
            .then_some(*title)
        })
        .collect()
}

/// "NATO", "CBS", "POLITICO": capitals only, so an acronym or a brand,
/// not a name (initials with dots and roman numerals aside).
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && !word.contains('.')
        && letters.iter().all(|c| c.is_uppercase())
        && !SUFFIXES.contains(&word.to_lowercase().as_str())
}

/// "J.", "J", "J.R." — letters each on their own.
fn is_initials(word: &str) -> bool {
    word.split('.')
        .filter(|p| !p.is_empty())
        .all(|p| p.chars().count() == 1)
}

fn initial(word: &str) -> String {
    folded_words(word)
        .first()
        .and_then(|w| w.chars().next())
        .map(String::from)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(raw: &str) -> PersonName {
        match read_speaker(raw, true) {
            SpeakerName::Person(p) => p,
            SpeakerName::Other => panic!("{raw} should read as a person"),
        }
    }

    #[test]
    fn titles_come_off_the_front_only() {
        let p = person("Foreign Minister Ilse Brandt");
        assert_eq!((p.given.as_str(), p.surname.as_str()), ("ilse", "brandt"));
        assert!(person("Mr Putin").is_surname_only());
        assert_eq!(person("John Major").surname, "major");
        assert_eq!(person("President").surname, "president");
        let p = person("Atlantic City Mayor Don Guardian");
        assert_eq!((p.given.as_str(), p.surname.as_str()), ("don", "guardian"));
        assert_eq!(person("Secretary of State John Kerry").given, "john");
    }

    #[test]
    fn middle_initials_and_particles() {
        let p = person("George H. W. Bush");
        assert_eq!((p.given.as_str(), p.middle.as_str()), ("george", "hw"));
        let p = person("George W. Bush Jr.");
        assert_eq!((p.middle.as_str(), p.surname.as_str()), ("w", "bush"));
        let p = person("Ursula von der Leyen");
        assert_eq!(p.given, "ursula");
        assert_eq!(p.surname, person("Mrs von der Leyen").surname);
        assert_eq!(p.surname.split(' ').count(), 3);
        let p = person("V. Putin");
        assert!(p.given_is_initial);
        assert_eq!(p.given, "v");
    }

    #[test]
    fn descriptions_are_not_people() {
        for raw in [
            "Putin's spokesman",
            "the Kremlin",
            "officials",
            "Leaders of 27 countries",
            "Oversight Committee Republicans",
            "POLITICO Florida",
            "",
        ] {
            assert_eq!(read_speaker(raw, true), SpeakerName::Other, "{raw}");
        }
        // Typed queries are lowercase.
        assert!(matches!(
            read_speaker("putin", false),
            SpeakerName::Person(_)
        ));
        assert_eq!(read_speaker("putin's aide", false), SpeakerName::Other);
    }

    #[test]
    fn titles_tell_a_person_and_sometimes_a_gender() {
        assert_eq!(title_cue("Mr. Obama"), Some(TitleCue::Man));
        assert_eq!(title_cue("Gov. Kasich"), Some(TitleCue::Person));
        assert_eq!(
            title_cue("First Lady Michelle Obama"),
            Some(TitleCue::Woman)
        );
        assert_eq!(title_cue("Virginia"), None);
        assert_eq!(title_cue("John Major"), None);
    }

    #[test]
    fn cyrillic_names_read_like_latin_ones() {
        assert_eq!(person("Владимир Путин"), person("Vladimir Putin"));
    }
}
