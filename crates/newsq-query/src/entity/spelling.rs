//! Spelling keys: one key for the ways one name is written.
//!
//! News spells a transliterated name many ways: Zelensky, Zelenskiy,
//! Zelenskyy, Zelenskii; Mattarella and Matarella; Зеленський. A word's key
//! is the word transliterated from Cyrillic, lowercased, folded to ASCII,
//! with doubled letters written once and a final run of i/y/j written "y"
//! (when at least three letters come before it, so "Li" and "Ali" stay).

use newsq_core::index::analysis::name_key;

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

    #[test]
    fn edit_distance_counts_single_letter_changes() {
        assert_eq!(edit_distance("zelinsky", "zelensky"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("putin", "putin"), 0);
    }
}
