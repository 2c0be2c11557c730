//! Spelling keys: one key for the ways one name is written.
//!
//! News spells a transliterated name many ways: Zelensky, Zelenskiy,
//! Zelenskyy, Zelenskii; Mattarella and Matarella; Зеленський. A word's key
//! is the word transliterated from Cyrillic, lowercased, folded to ASCII,
//! with doubled letters written once, y inside a word written i, and a final
//! run of i/y/j written "i" (when at least three letters come before it, so
//! "Li" and "Ali" stay).

use newsq_core::index::analysis::name_key;
use tantivy_fst::Automaton;

/// Latin letters for a Cyrillic one (Russian and Ukrainian, the common
/// news romanisation); `None` for any other character.
fn cyrillic_to_latin(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// `text` with Cyrillic letters romanised, capitals kept capital (so that
/// name rules that look at capitals still work).
pub fn transliterate(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match cyrillic_to_latin(c) {
            Some(latin) if c.is_uppercase() => {
                let mut letters = latin.chars();
                if let Some(first) = letters.next() {
                    out.extend(first.to_uppercase());
                    out.extend(letters);
                }
            }
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

/// The lowercase, ASCII-folded, transliterated words of `text`, as the index
/// writes names.
pub fn folded_words(text: &str) -> Vec<String> {
    name_key(&transliterate(text))
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The spelling key of one folded word (see the module documentation).
///
/// ```
/// use newsq_query::entity::spelling_key;
///
/// for spelling in ["zelensky", "zelenskiy", "zelenskyy", "zelenskii", "zelenskij"] {
///     assert_eq!(spelling_key(spelling), spelling_key("zelenski"));
/// }
/// assert_eq!(spelling_key("mattarella"), spelling_key("matarella"));
/// assert_eq!(spelling_key("dmytro"), spelling_key("dmitro"));
/// assert_ne!(spelling_key("putin"), spelling_key("peskov"));
/// ```
pub fn spelling_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    let mut last = None;
    for (i, c) in word.chars().enumerate() {
        // Inside a word y is a vowel, written i as often as y.
        let c = if c == 'y' && i > 0 { 'i' } else { c };
        if Some(c) != last {
            key.push(c);
        }
        last = Some(c);
    }
    let stem_len = key.trim_end_matches(['i', 'j']).len();
    if stem_len < key.len() && key[..stem_len].chars().count() >= 3 {
        key.truncate(stem_len);
        key.push('i');
    }
    key
}

/// Finds, in a term dictionary, the words that may have a given spelling
/// key, without visiting the others: an automaton over a term's bytes that
/// accepts every word whose [`spelling_key`] is the key, and some more
/// (callers check candidates with `spelling_key`).
///
/// A word with key `k0 k1 … kn` is a run of `k0`, then a run of `k1`, and so
/// on: doubled letters are written once, and a run for an `i` may hold any
/// of i, y and j. Bytes outside ASCII match any byte outside ASCII (a
/// superset, as above).
pub(crate) struct SpellingAutomaton {
    key: Vec<u8>,
    /// Anything may follow the key once it is spelled (a prefix search).
    open: bool,
    /// Anything may follow a byte outside ASCII met on the way (words
    /// written partly or wholly in Cyrillic, which transliterate to the
    /// key).
    open_at_other_script: bool,
}

/// Bit set when an open automaton has spelled its prefix: anything goes.
const ANYTHING: u64 = 1 << 63;
/// Key bytes an automaton follows exactly; a longer key is searched as a
/// prefix (more candidates, the same answer).
const LONGEST_KEY: usize = 62;

impl SpellingAutomaton {
    /// Words whose spelling key may be `key`.
    pub(crate) fn whole(key: &str) -> Self {
        Self::new(key.as_bytes(), key.len() > LONGEST_KEY)
    }

    /// Words whose spelling key may start with the first `letters`
    /// characters of `key` (all of it if shorter), whatever follows.
    pub(crate) fn prefix(key: &str, letters: usize) -> Self {
        let end = key
            .char_indices()
            .nth(letters)
            .map_or(key.len(), |(i, _)| i);
        Self::new(&key.as_bytes()[..end], true)
    }

    fn new(key: &[u8], open: bool) -> Self {
        let key = &key[..key.len().min(LONGEST_KEY)];
        SpellingAutomaton {
            key: key.to_vec(),
            open,
            open_at_other_script: false,
        }
    }

    /// Also every word that, from where it leaves ASCII, could be anything
    /// (the callers transliterate before comparing keys).
    pub(crate) fn or_other_script(self) -> Self {
        SpellingAutomaton {
            open_at_other_script: true,
            ..self
        }
    }

    fn spells(key_byte: u8, byte: u8) -> bool {
        if !key_byte.is_ascii() {
            !byte.is_ascii()
        } else if key_byte == b'i' {
            matches!(byte, b'i' | b'y' | b'j')
        } else {
            key_byte == byte
        }
    }
}

impl Automaton for SpellingAutomaton {
    /// Bit `s` set: the bytes so far spell the key's first `s` bytes, the
    /// last run being the `s`-th key byte's.
    type State = u64;

    fn start(&self) -> u64 {
        if self.open && self.key.is_empty() {
            ANYTHING
        } else {
            1
        }
    }

    fn is_match(&self, state: &u64) -> bool {
        state & (ANYTHING | 1 << self.key.len()) != 0
    }

    fn can_match(&self, state: &u64) -> bool {
        *state != 0
    }

    fn will_always_match(&self, state: &u64) -> bool {
        state & ANYTHING != 0
    }

    fn accept(&self, state: &u64, byte: u8) -> u64 {
        if state & ANYTHING != 0 || (self.open_at_other_script && *state != 0 && !byte.is_ascii()) {
            return ANYTHING;
        }
        let mut next = 0;
        for (s, &key_byte) in self.key.iter().enumerate() {
            // Start the run of key byte `s`, or go on with it.
            let started = state & (1 << s) != 0;
            let going = state & (1 << (s + 1)) != 0;
            if (started || going) && Self::spells(key_byte, byte) {
                next |= 1 << (s + 1);
            }
        }
        if self.open && next & (1 << self.key.len()) != 0 {
            next |= ANYTHING;
        }
        next
    }
}

pub(crate) use newsq_core::wording::edit_distance;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_spellings_meet_latin_ones() {
        let russian = folded_words("Владимир Зеленский");
        let ukrainian = folded_words("Володимир Зеленський");
        assert_eq!(russian, ["vladimir", "zelenskiy"]);
        assert_eq!(spelling_key(&ukrainian[1]), spelling_key("zelensky"));
        assert_eq!(spelling_key(&russian[1]), spelling_key("zelensky"));
        assert_eq!(spelling_key(&ukrainian[0]), spelling_key("volodymyr"));
        assert_eq!(transliterate("Путин"), "Putin");
    }

    #[test]
    fn diacritics_fold_and_short_names_keep_their_ending() {
        assert_eq!(folded_words("Zełenski José"), ["zelenski", "jose"]);
        assert_eq!(spelling_key("yuri"), spelling_key("yuriy"));
        assert_eq!(spelling_key("sergei"), spelling_key("sergey"));
        assert_eq!(spelling_key("ali"), "ali");
        // A first y is a consonant.
        assert_eq!(spelling_key("yuri"), "yuri");
        assert_ne!(spelling_key("putin"), spelling_key("peskov"));
    }

    fn spelled_by(automaton: &SpellingAutomaton, word: &str) -> bool {
        let mut state = automaton.start();
        for &byte in word.as_bytes() {
            state = automaton.accept(&state, byte);
        }
        automaton.is_match(&state)
    }

    #[test]
    fn the_automaton_finds_a_key_s_spellings_and_not_other_words() {
        let key = spelling_key("zelenskiy");
        let whole = SpellingAutomaton::whole(&key);
        for word in [
            "zelensky",
            "zelenskyy",
            "zelenskii",
            "zelenskij",
            "zzelensky",
        ] {
            assert!(spelled_by(&whole, word), "{word}");
        }
        for word in ["zelenskaya", "zelen", "zelenskyi2", "kelensky", ""] {
            assert!(!spelled_by(&whole, word), "{word}");
        }
        let prefix = SpellingAutomaton::prefix(&key, 3);
        assert!(spelled_by(&prefix, "zel"));
        assert!(spelled_by(&prefix, "zzeellensky's"));
        assert!(!spelled_by(&prefix, "ze"));
        assert!(!spelled_by(&prefix, "zal"));
        // A short key is still a prefix.
        assert!(spelled_by(&SpellingAutomaton::prefix("li", 3), "lia"));
        // Outside ASCII, any such byte stands for any other.
        assert!(spelled_by(&SpellingAutomaton::whole("josé"), "josé"));
        // Words partly or wholly in Cyrillic, when asked for.
        let other_script = SpellingAutomaton::whole(&key).or_other_script();
        assert!(spelled_by(&other_script, "zelеnsky"));
        assert!(spelled_by(&other_script, "зеленський"));
        assert!(!spelled_by(&whole, "zelеnsky"));
        assert!(!spelled_by(&other_script, "kelеnsky"));
    }

    proptest::proptest! {
        /// Every word is a candidate for its own key, whole and by prefix.
        #[test]
        fn every_word_is_found_by_its_own_key(word in "[a-zàéïöüß]{0,12}|[iyjaez]{1,8}|.{0,70}") {
            let key = spelling_key(&word);
            proptest::prop_assert!(spelled_by(&SpellingAutomaton::whole(&key), &word));
            for letters in 0..4 {
                proptest::prop_assert!(spelled_by(&SpellingAutomaton::prefix(&key, letters), &word));
            }
        }
    }

    #[test]
    fn edit_distance_counts_single_letter_changes() {
        assert_eq!(edit_distance("zelinsky", "zelensky"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("putin", "putin"), 0);
    }
}
