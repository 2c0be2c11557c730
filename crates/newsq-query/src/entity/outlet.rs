//! Reading an outlet name: "The Independent UK", "independent.co.uk" and
//! "The Independent" are one outlet; "FT" and ft.com are the Financial
//! Times.

use super::spelling::folded_words;

/// Second-level labels of country domains ("co.uk", "com.au").
const SECOND_LEVEL: &[&str] = &["ac", "co", "com", "gov", "net", "org"];

/// Words after an outlet's name that say which edition, not which outlet.
const EDITIONS: &[&str] = &[
    "au",
    "ca",
    "com",
    "edition",
    "international",
    "online",
    "uk",
    "us",
    "usa",
    "website",
];

/// An outlet name reduced to what identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletName {
    /// The name's words, without a leading "the", edition words or a web
    /// domain's extension: "the independent uk" → ["independent"].
    pub words: Vec<String>,
    /// Written as one token — a web domain or an acronym ("ft.com", "FT",
    /// "nytimes.com") — so it may abbreviate a longer name.
    pub compact: bool,
    /// The name began with "the" ("The Guardian": theguardian.com).
    pub with_the: bool,
}

impl OutletName {
    /// The words joined by spaces: outlets with equal keys are one.
    pub fn key(&self) -> String {
        self.words.join(" ")
    }

    /// Whether this compact name abbreviates `full`: each of `full`'s words
    /// gives either itself or its first letter, in order ("ft" → financial
    /// times, "nytimes" → new york times, "theguardian" → the guardian).
    pub fn abbreviates(&self, full: &OutletName) -> bool {
        if !self.compact || full.compact || full.words.len() < 2 && !full.with_the {
            return false;
        }
        let Some(short) = self.words.first() else {
            return false;
        };
        let mut words: Vec<&str> = full.words.iter().map(String::as_str).collect();
        if fits(short.as_bytes(), &words) {
            return true;
        }
        if full.with_the {
            words.insert(0, "the");
            return fits(short.as_bytes(), &words);
        }
        false
    }
}

/// Whether `short` is the words, each whole or by its first letter.
fn fits(short: &[u8], words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return short.is_empty();
    };
    let word = first.as_bytes();
    (short.starts_with(word) && fits(&short[word.len()..], rest))
        || (short.first() == word.first() && fits(&short[1..], rest))
}

/// Read an outlet name or web address.
///
/// ```
/// use newsq_query::entity::read_outlet;
///
/// assert_eq!(read_outlet("The Independent UK").key(), "independent");
/// assert_eq!(read_outlet("https://www.independent.co.uk/news").key(), "independent");
/// let ft = read_outlet("ft.com");
/// assert!(ft.abbreviates(&read_outlet("The Financial Times")));
/// ```
pub fn read_outlet(raw: &str) -> OutletName {
    let trimmed = raw.trim();
    let lower = trimmed.to_lowercase();
    let address = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host = address.split(['/', '?', '#']).next().unwrap_or("");
    if !host.contains(char::is_whitespace) && host.contains('.') && !host.ends_with('.') {
        let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        if labels.first() == Some(&"www") {
            labels.remove(0);
        }
        if labels.len() >= 2 {
            labels.pop();
            if labels.len() >= 2 && SECOND_LEVEL.contains(&labels[labels.len() - 1]) {
                labels.pop();
            }
            if let Some(name) = labels.last() {
                let word = folded_words(name).concat();
                return OutletName {
                    words: if word.is_empty() { vec![] } else { vec![word] },
                    compact: true,
                    with_the: false,
                };
            }
        }
    }
    let mut words = folded_words(trimmed);
    let with_the = words.len() > 1 && words[0] == "the";
    if with_the {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| EDITIONS.contains(&w.as_str())) {
        words.pop();
    }
    let compact = words.len() == 1 && !trimmed.contains(char::is_whitespace);
    OutletName {
        words,
        compact,
        with_the,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_articles_and_domains_come_off() {
        for raw in [
            "The Independent",
            "independent.co.uk",
            "The Independent UK",
            "www.independent.co.uk",
        ] {
            assert_eq!(read_outlet(raw).key(), "independent", "{raw}");
        }
        assert_eq!(read_outlet("The Times").key(), "times");
        assert_eq!(read_outlet("The Financial Times").key(), "financial times");
    }

    #[test]
    fn abbreviations_need_every_word_in_order() {
        let nyt = read_outlet("The New York Times");
        assert!(read_outlet("nytimes.com").abbreviates(&nyt));
        assert!(read_outlet("NYT").abbreviates(&nyt));
        assert!(!read_outlet("ny.com").abbreviates(&nyt));
        assert!(read_outlet("theguardian.com").abbreviates(&read_outlet("The Guardian")));
        assert!(!read_outlet("FT").abbreviates(&read_outlet("Fox Television News")));
        // A plain one-word name is not a compact abbreviation of itself.
        assert!(!read_outlet("The Guardian").abbreviates(&read_outlet("Guardian")));
    }
}
