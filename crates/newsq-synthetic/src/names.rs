//! Invented names: people (given name, surname and its spelling variants),
//! places and organisations, all built from syllables so none is a real one
//! on purpose.

use crate::rng::Rng;

/// Given names; women's first. Common across many languages, some of them
/// ones newsq knows the gender of, some not.
pub(crate) const FEMALE_NAMES: &[&str] = &[
    "Anna",
    "Maria",
    "Elena",
    "Sarah",
    "Laura",
    "Julia",
    "Claire",
    "Sofia",
    "Nadia",
    "Irina",
    "Fatima",
    "Leila",
    "Priya",
    "Emma",
    "Olivia",
    "Grace",
    "Helen",
    "Ingrid",
    "Marta",
    "Rosa",
    "Teresa",
    "Carmen",
    "Lucia",
    "Hannah",
    "Rachel",
    "Ruth",
    "Alice",
    "Eva",
    "Nina",
    "Greta",
    "Yulia",
    "Oksana",
    "Iryna",
    "Tatiana",
    "Svetlana",
    "Aisha",
    "Mei",
    "Yuki",
    "Ilona",
    "Diana",
    "Victoria",
    "Catherine",
    "Monica",
    "Joan",
    "Janet",
    "Paula",
    "Isabel",
    "Beata",
    "Agnieszka",
    "Lena",
    "Amira",
    "Zanele",
    "Noor",
    "Samira",
    "Ayesha",
    "Sunita",
    "Keiko",
    "Hana",
    "Daria",
    "Milena",
    "Jelena",
    "Vesna",
    "Astrid",
    "Sigrid",
    "Freya",
    "Maeve",
    "Siobhan",
    "Aoife",
    "Renata",
    "Paloma",
    "Ximena",
    "Valentina",
    "Camila",
    "Adaeze",
    "Chiamaka",
    "Ngozi",
    "Folake",
    "Thandiwe",
    "Lerato",
    "Yasmin",
    "Rania",
    "Dalia",
    "Esra",
    "Elif",
    "Zeynep",
    "Marisol",
];

/// Men's given names.
pub(crate) const MALE_NAMES: &[&str] = &[
    "David",
    "Peter",
    "Michael",
    "Thomas",
    "Daniel",
    "Martin",
    "Paul",
    "Andrew",
    "John",
    "James",
    "Mark",
    "Simon",
    "Hugh",
    "Carlos",
    "Pedro",
    "Luis",
    "Miguel",
    "Antonio",
    "Pierre",
    "Jean",
    "Karl",
    "Hans",
    "Lars",
    "Jan",
    "Ivan",
    "Igor",
    "Taras",
    "Andriy",
    "Oleksandr",
    "Nikolai",
    "Sergei",
    "Dmitry",
    "Yuri",
    "Ahmed",
    "Omar",
    "Hassan",
    "Ali",
    "Tomas",
    "George",
    "Richard",
    "Edward",
    "Arthur",
    "Henry",
    "Samuel",
    "Gabriel",
    "Vincent",
    "Philip",
    "Oliver",
    "Liam",
    "Kenji",
    "Hiroshi",
    "Ravi",
    "Arjun",
    "Sanjay",
    "Kwame",
    "Chinedu",
    "Emeka",
    "Tunde",
    "Sipho",
    "Thabo",
    "Mehmet",
    "Emre",
    "Burak",
    "Youssef",
    "Karim",
    "Tariq",
    "Bilal",
    "Rashid",
    "Mateus",
    "Joaquim",
    "Rafael",
    "Diego",
    "Esteban",
    "Anders",
    "Nils",
    "Bjorn",
    "Aleksander",
    "Milan",
    "Dragan",
    "Goran",
    "Stefan",
    "Lukas",
    "Matteo",
    "Lorenzo",
    "Niccolo",
    "Eamon",
];

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st",
    "t", "tr", "v", "w", "z", "ch", "sh", "bl", "fl", "sl", "th", "j", "kh", "y",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia", "ee", "oo", "au",
];
const CODAS: &[&str] = &[
    "", "", "", "", "n", "r", "l", "s", "m", "k", "t", "nd", "rk", "st", "rn", "lt", "v", "z",
];

/// Surname endings with their family of spelling variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// -sky / -skiy / -skyy, -ov / -off, -enko.
    Slavic,
    /// Al-Rashid / Alrashid, Q / K, ou / u.
    Arabic,
    /// -opoulos, -akis, -idis; ph / f.
    Greek,
    /// -son, -ley, -ton, -field, -mann / -man.
    Western,
    /// -ez, -ini, -elli, -eau; doubled letters.
    Romance,
}

const SLAVIC_ENDINGS: &[&str] = &["sky", "ov", "enko", "ich", "ak", "ski", "chuk", "in"];
const GREEK_ENDINGS: &[&str] = &["opoulos", "akis", "idis", "ou", "as"];
const WESTERN_ENDINGS: &[&str] = &[
    "son", "ley", "ton", "field", "wood", "er", "mann", "berg", "well", "by", "ridge", "ham",
    "stein", "holt", "ford", "lin",
];
const ROMANCE_ENDINGS: &[&str] = &["ez", "ini", "elli", "eau", "ado", "ira", "etti", "ano"];

fn capitalise_into(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

fn capitalise(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    capitalise_into(&mut s, word);
    s
}

/// One syllable, lowercase.
fn syllable(rng: &mut Rng, out: &mut String, with_coda: bool) {
    out.push_str(rng.pick(ONSETS));
    out.push_str(rng.pick(VOWELS));
    if with_coda {
        out.push_str(rng.pick(CODAS));
    }
}

/// A surname and its spellings (the first is the canonical one); variants
/// for about `variant_percent` of people.
pub(crate) fn surname(rng: &mut Rng, variant_percent: usize) -> Vec<String> {
    let family = match rng.below(100) {
        0..=21 => Family::Slavic,
        22..=35 => Family::Arabic,
        36..=45 => Family::Greek,
        46..=79 => Family::Western,
        _ => Family::Romance,
    };
    let mut root = String::with_capacity(16);
    syllable(rng, &mut root, true);
    if rng.percent(45) {
        syllable(rng, &mut root, false);
    }
    let canonical = match family {
        Family::Slavic => format!("{root}{}", rng.pick(SLAVIC_ENDINGS)),
        Family::Greek => format!("{root}{}", rng.pick(GREEK_ENDINGS)),
        Family::Western => format!("{root}{}", rng.pick(WESTERN_ENDINGS)),
        Family::Romance => format!("{root}{}", rng.pick(ROMANCE_ENDINGS)),
        Family::Arabic => {
            // Arabic-like roots: consonant skeletons with q, kh, ou, ee.
            let mut r = String::new();
            r.push_str(rng.pick(&["q", "kh", "h", "m", "r", "s", "z", "f", "d", "b"]));
            r.push_str(rng.pick(&["a", "ou", "ee", "u", "i", "a"]));
            r.push_str(rng.pick(&["dd", "m", "r", "s", "sh", "ll", "b", "q", "d", "n"]));
            r.push_str(rng.pick(&["i", "a", "ou", "e"]));
            r.push_str(rng.pick(&["d", "m", "r", "f", "n", "q", "b", "l"]));
            if rng.percent(35) {
                format!("al-{r}")
            } else {
                r
            }
        }
    };
    let mut spellings = vec![name_case(&canonical)];
    if rng.percent(variant_percent) {
        let wanted = if rng.percent(60) { 1 } else { 2 };
        for candidate in variants(family, &canonical) {
            let candidate = name_case(&candidate);
            if spellings.len() > wanted {
                break;
            }
            if !spellings.contains(&candidate) {
                spellings.push(candidate);
            }
        }
    }
    spellings
}

/// "al-rashid" → "Al-Rashid", "mcdonald" stays "Mcdonald".
fn name_case(s: &str) -> String {
    s.split('-').map(capitalise).collect::<Vec<_>>().join("-")
}

/// Transliteration-like spellings of `name` (lowercase), most likely first.
fn variants(family: Family, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if s != name && !out.contains(&s) {
            out.push(s);
        }
    };
    match family {
        Family::Slavic => {
            if let Some(stem) = name.strip_suffix("sky") {
                push(format!("{stem}skiy"));
                push(format!("{stem}skyy"));
            }
            if let Some(stem) = name.strip_suffix("ski") {
                push(format!("{stem}sky"));
            }
            if let Some(stem) = name.strip_suffix("ov") {
                push(format!("{stem}off"));
            }
            if let Some(stem) = name.strip_suffix("ich") {
                push(format!("{stem}itch"));
                push(format!("{stem}ych"));
            }
            if let Some(stem) = name.strip_suffix("chuk") {
                push(format!("{stem}czuk"));
            }
            push(name.replacen("kh", "h", 1));
            push(name.replacen('y', "i", 1));
            push(name.replacen('v', "w", 1));
            push(name.replacen("ch", "tch", 1));
        }
        Family::Arabic => {
            if let Some(rest) = name.strip_prefix("al-") {
                push(format!("al{rest}"));
                push(format!("el-{rest}"));
            }
            push(name.replacen('q', "k", 1));
            push(name.replacen("ou", "u", 1));
            push(name.replacen("ee", "i", 1));
            push(name.replacen("dd", "d", 1));
            push(name.replacen('u', "o", 1));
            push(name.replacen('a', "e", 1));
        }
        Family::Greek => {
            push(name.replacen("ph", "f", 1));
            push(name.replacen('k', "c", 1));
            if let Some(stem) = name.strip_suffix("idis") {
                push(format!("{stem}ides"));
            }
            if let Some(stem) = name.strip_suffix("opoulos") {
                push(format!("{stem}opulos"));
            }
            push(name.replacen("ou", "u", 1));
        }
        Family::Western => {
            if let Some(stem) = name.strip_suffix("mann") {
                push(format!("{stem}man"));
            }
            if let Some(stem) = name.strip_suffix("stein") {
                push(format!("{stem}stine"));
            }
            push(name.replacen("ph", "f", 1));
            push(name.replacen("ei", "ie", 1));
            push(name.replacen("ai", "ay", 1));
            push(name.replacen('k', "c", 1));
            push(name.replacen("ll", "l", 1));
        }
        Family::Romance => {
            if let Some(stem) = name.strip_suffix("ez") {
                push(format!("{stem}es"));
            }
            if let Some(stem) = name.strip_suffix("elli") {
                push(format!("{stem}eli"));
            }
            if let Some(stem) = name.strip_suffix("etti") {
                push(format!("{stem}eti"));
            }
            push(name.replacen('z', "s", 1));
            push(name.replacen("ai", "ay", 1));
            push(name.replacen('v', "b", 1));
        }
    }
    out
}

/// Salt of the random numbers that make place names.
const PLACE_SALT: u64 = 0x0091_ace5;

/// An invented place name, written into `out`, for place `id`.
pub(crate) fn write_place(out: &mut String, seed: u64, id: u64) {
    let mut rng = Rng::new(seed, PLACE_SALT, id);
    let mut root = String::with_capacity(16);
    syllable(&mut rng, &mut root, true);
    if rng.percent(55) {
        let coda = rng.percent(40);
        syllable(&mut rng, &mut root, coda);
    }
    const SUFFIXES: &[&str] = &[
        "", "", "", "ton", "ford", "mouth", "burg", "grad", "ia", "a", "holm", "by", "wick",
        "vale", "dorf", "ovo", "ene", "ara",
    ];
    let mut suffix = rng.pick(SUFFIXES);
    if suffix.is_empty() && root.len() < 5 {
        // "Them", "Bore": a short bare root may be an English word.
        suffix = rng.pick(&SUFFIXES[3..]);
    }
    match rng.below(20) {
        0 => out.push_str("Port "),
        1 => out.push_str("New "),
        2 => out.push_str("Upper "),
        _ => {}
    }
    capitalise_into(out, &root);
    out.push_str(suffix);
    match rng.below(24) {
        0 => out.push_str(" Bay"),
        1 => out.push_str(" Valley"),
        2 => out.push_str(" Heights"),
        _ => {}
    }
}

/// A place name as a String.
pub(crate) fn place(seed: u64, id: u64) -> String {
    let mut s = String::new();
    write_place(&mut s, seed, id);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_differ_from_the_canonical_spelling() {
        let mut rng = Rng::new(3, 3, 3);
        let mut with_variants = 0;
        for _ in 0..2000 {
            let s = surname(&mut rng, 15);
            assert!(!s.is_empty() && s.len() <= 3);
            for v in &s[1..] {
                assert_ne!(v, &s[0]);
            }
            if s.len() > 1 {
                with_variants += 1;
            }
        }
        assert!((200..400).contains(&with_variants), "{with_variants}");
    }

    #[test]
    fn slavic_endings_vary_like_transliterations() {
        assert!(variants(Family::Slavic, "brasky").contains(&"braskiy".to_string()));
        assert!(variants(Family::Arabic, "al-qasim").contains(&"alqasim".to_string()));
        assert!(variants(Family::Greek, "philakis").contains(&"filakis".to_string()));
    }
}
