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
        let lowercase_word = word.chars().next().is_some_and(char::is_lowercase)
            && !PARTICLES.contains(&lower.as_str());
        if possessive
            || word.chars().any(|c| c.is_ascii_digit())
            || (strict && lowercase_word && !TITLES.contains(&plain(word).as_str()))
        {
            return SpeakerName::Other;
        }
    }
    while words.len() > 1 && TITLES.contains(&plain(words[0]).as_str()) {
        words.remove(0);
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
    })
}

/// Whether a name begins with a title ("President Putin").
pub fn starts_with_title(raw: &str) -> bool {
    let mut words = raw.split_whitespace();
    let first = words.next().map(|w| w.trim_end_matches('.').to_lowercase());
    words.next().is_some() && first.is_some_and(|w| TITLES.contains(&w.as_str()))
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
    fn cyrillic_names_read_like_latin_ones() {
        assert_eq!(person("Владимир Путин"), person("Vladimir Putin"));
    }
}
