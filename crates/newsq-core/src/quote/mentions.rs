//! Who a stretch of words refers to: names (titles stripped), pronouns,
//! descriptions.

use super::lexicon::{
    active, is_collective_noun, is_determiner, is_honorific, is_medium_word, is_party_tag,
    is_place_word, is_title, with_lowercase, Pronoun, WordClasses,
};
use super::tokens::{Kind, Tokens};

/// What a noun phrase is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Referent {
    /// A person or organisation named in the text, titles removed.
    Name(String),
    Pronoun(Pronoun),
    /// A description with no name ("one person familiar with the talks", "the
    /// finance minister"), with its head noun and modifiers, lowercase.
    Description {
        head: String,
        modifiers: Vec<String>,
    },
}

/// A noun phrase found in the text: its token range and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub first: usize,
    pub last: usize,
    pub referent: Referent,
}

/// Token `i` lowercased without trailing dots. (Dots are case-ignorable:
/// trimming them after lowercasing gives what trimming before did.)
#[inline]
pub(crate) fn lower_no_dot<'t>(t: &'t Tokens<'_>, i: usize) -> &'t str {
    no_dot(t.lower(i))
}

/// A lowercase word without trailing dots, an abbreviated title written out.
#[inline]
pub(crate) fn no_dot(lower: &str) -> &str {
    // `trim_end_matches('.')`, without setting up a searcher for one byte.
    let mut lower = lower;
    while let Some(shorter) = lower.strip_suffix('.') {
        lower = shorter;
    }
    // Abbreviated titles bind the same roles as written-out ones.
    match lower {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "sec" => "secretary",
        "del" => "delegate",
        "atty" => "attorney",
        _ => lower,
    }
}

/// A word that can be part of a name: capitalised, an initial, or (inside a
/// name) a particle.
fn is_name_word(t: &Tokens<'_>, i: usize) -> bool {
    // A word that starts with an uppercase letter is never all ASCII digits.
    t.is_capitalised(i)
}

/// Whether `s` is one character long (`chars().count() == 1`, without
/// counting the rest of a long one).
fn is_one_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Strip a possessive ending ("Trump’s" → "Trump").
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// The name inside a run of capitalised tokens `first..=last`: titles, role
/// words and sentence-opening function words before it removed. None when
/// nothing name-like is left.
pub(crate) fn name_in_run(t: &Tokens<'_>, first: usize, last: usize) -> Option<(usize, String)> {
    with_name_in_run(t, first, last, |start, name| (start, name.to_string()))
}

/// `f` of what `name_in_run` finds, the name lent rather than copied.
pub(crate) fn with_name_in_run<R>(
    t: &Tokens<'_>,
    first: usize,
    last: usize,
    f: impl FnOnce(usize, &str) -> R,
) -> Option<R> {
    // The table and each sentence's record ask about the same runs: work
    // each out once. The table asks first, in text order, and only runs
    // further on than the last one remembered are added: the list stays sorted.
    let mut memo = t.names.borrow_mut();
    // The table's runs, each further on than the last: no search.
    let past_last = memo.runs.last().is_none_or(|m| m.0 < first);
    if !past_last {
        if let Ok(k) = memo.runs.binary_search_by_key(&first, |m| m.0) {
            if memo.runs[k].1 == last {
                let (start, from, to) = memo.runs[k].2?;
                return Some(f(start, &memo.text[from..to]));
            }
        }
    }
    let from = memo.text.len();
    let found = find_name_in_run(t, first, last, &mut memo.text);
    let to = memo.text.len();
    let answer = found.map(|start| f(start, &memo.text[from..to]));
    if past_last {
        memo.runs
            .push((first, last, found.map(|start| (start, from, to))));
    } else {
        memo.text.truncate(from);
    }
    answer
}

/// The name in run `first..=last` appended to `out`, and its first token;
/// nothing appended when the run holds no name.
fn find_name_in_run(t: &Tokens<'_>, first: usize, last: usize, out: &mut String) -> Option<usize> {
    // "Jr." and "III" close a name but are not its surname.
    let mut last = last;
    while last > first {
        if t.is_word(last) && !t.classes_no_dot(last).is_name_suffix() {
            break;
        }
        last -= 1;
    }
    // The last word's, found once for the questions below.
    let last_lower = lower_no_dot(t, last);
    // The name starts after the last title or function word of the run.
    let mut start = first;
    // (Token `i` lowercased without its dot is `lw`.)
    let is_title = |i: usize, lw: &str| t.classes_no_dot(i).is_title() && !t.is_surname(lw);
    let is_capitalised_function_word = |i: usize, lw: &str| {
        t.classes_no_dot(i).is_capitalised_function_word() && !t.is_surname(lw)
    };
    // (The last word cannot move the start: each test below but the first
    // name's needs a word after it, and a first name there ends the loop
    // where it ends anyway.)
    for i in first..last {
        // (A particle inside a name is part of it: "Ursula von der Brücke",
        // "Yannick Le Goff" after a first name.)
        let particle = || {
            t.is_name_particle(i)
                || (t.classes(i).is_name_particle()
                    && t.is_word(i - 1)
                    && t.classes(i - 1).first_name_gender().is_some())
        };
        if !t.is_word(i) || (i > first && particle()) {
            continue;
        }
        let lw = lower_no_dot(t, i);
        if i > start && t.classes(i).first_name_gender().is_some() && !is_title(i, lw) {
            // "Miss Universe Alicia Machado": a first name with a surname
            // after it starts the name, past words that are no first names.
            let surname_after = (i + 1..=last).any(|k| t.is_word(k));
            let only_other_words = (start..i).all(|k| {
                !t.is_word(k)
                    || (!is_one_char(t.text(k)) && t.classes(k).first_name_gender().is_none())
            });
            if surname_after && only_other_words {
                start = i;
            }
            break; // a first name starts the name: "Al From", not "From"
        }
        let is_initial = is_one_char(t.text(i));
        let possessive = strip_possessive(t.text(i)) != t.text(i);
        // (A gerund is capitalised only where it opens its sentence:
        // "Downing", "Beijing" inside one are names.)
        let gerund = i == first && t.opens_sentence(i) && lw.len() > 4 && lw.ends_with("ing");
        if (!is_initial && (is_title(i, lw) || is_capitalised_function_word(i, lw)))
            || possessive
            || gerund
        {
            start = i + 1;
        }
    }
    // A trailing title ("the Clinton campaign", "Russian President") is no
    // name — unless a first name or an initial stands before it ("Peter T.
    // King"), or the run of two names follows a role ("governor Mervyn King").
    if is_title(last, last_lower) || is_capitalised_function_word(last, last_lower) {
        let before = (first..last).rev().find(|&i| t.is_word(i));
        let after_role = first > 0
            && t.is_word(first - 1)
            && !t.is_capitalised(first - 1)
            && t.classes(first - 1).is_title()
            && before.is_some_and(|b| b == first && !t.classes_no_dot(b).is_title());
        // (Nor after a particle that follows another name word: "Rosario Lo
        // Giudice", "Anna De Santis" carry a title word in the surname.)
        let after_particle =
            |b: usize| t.classes(b).is_name_particle() && b > first && t.is_capitalised(b - 1);
        let after_first_name = after_role
            || before.is_some_and(|b| {
                is_one_char(t.text(b))
                    || t.classes(b).first_name_gender().is_some()
                    || after_particle(b)
            });
        if !after_first_name {
            return None;
        }
        if start >= last {
            start = before.map_or(last, |b| run_start(t, b).max(first));
            while start < last && t.is_word(start) && t.classes_no_dot(start).is_title() {
                start += 1;
            }
        }
    }
    // "Bush's Facebook (post)": a medium after a possessive is the
    // possessor's, who is the one named.
    if start == last && start > first && t.is_word(start - 1) && is_medium_word(last_lower) {
        let owner = start - 1;
        if strip_possessive(t.text(owner)) != t.text(owner) {
            return find_name_in_run(t, first, owner, out);
        }
    }
    if active().settings.nouns_capitalised && is_common_noun_phrase(t, start, last) {
        return None;
    }
    // The words joined by spaces, straight onto `out`.
    let mut words = 0;
    for i in start..=last {
        if t.is_word(i) {
            let w = t.text(i);
            if words > 0 {
                out.push(' ');
            }
            words += 1;
            // Initials keep their dot ("J. D. Vance").
            if is_one_char(w) && t.is_punct(i + 1, ".") {
                out.push_str(&t.body[t.toks[i].start..t.toks[i + 1].end]);
            } else {
                out.push_str(if i == last { strip_possessive(w) } else { w });
            }
        }
    }
    if words == 0 {
        return None;
    }
    Some(start)
}

/// In a language that capitalises every noun (German), whether the words
/// `start..=last` are a common noun rather than a name: a word the lexicon
/// knows as a noun or by a noun's ending ("Regierung"), or one word after
/// a determiner (contractions such as "am" hold one) or an inflected
/// adjective ("der Saison", "am Samstagabend", "in einem langen
/// Interview"); after a bare preposition a name is as likely ("mit
/// Jessen", "in Kiel").
fn is_common_noun_phrase(t: &Tokens<'_>, start: usize, last: usize) -> bool {
    let mut words = (start..=last).filter(|&i| t.is_word(i));
    if (start..=last).any(|i| t.is_word(i) && t.classes(i).is_common_noun()) {
        return true;
    }
    let one_word = words.next().is_some() && words.next().is_none();
    if !one_word || start == 0 || !t.is_word(start - 1) {
        return false;
    }
    // "die FIFA", "der ADAC": an acronym is a name.
    let text = t.text(start);
    if text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
    {
        return false;
    }
    let before = t.classes(start - 1);
    let lower = t.lower(start - 1);
    let inflected_adjective = !t.is_capitalised(start - 1)
        && ["e", "en", "em", "er", "es"]
            .iter()
            .any(|e| lower.ends_with(e))
        && before.cue_form().is_none()
        && !before.is_cue_modifier()
        && !before.is_according_cue()
        && !before.is_preposition();
    before.is_determiner() || inflected_adjective
}

/// A word the article uses as a surname: the capitalised word after an
/// honorific ("King" in "Mr. King", though "king" is a title), given both
/// lowercase; None unless `honorific` is one and `word` a title.
pub(crate) fn title_as_surname<'w>(honorific: &str, word: &'w str) -> Option<&'w str> {
    if !is_honorific(no_dot(honorific)) {
        return None;
    }
    let lw = strip_possessive(no_dot(word));
    is_title(lw).then_some(lw)
}

/// Extend a run of name words from `i` rightwards; returns its last token.
pub(crate) fn run_end(t: &Tokens<'_>, i: usize) -> usize {
    let mut last = i;
    let mut j = i + 1;
    loop {
        if is_name_word(t, j) {
            last = j;
            j += 1;
        } else if is_name_word(t, j + 1)
            && t.is_punct(j, ".")
            && (t.text(last).chars().nth(2).is_none() || {
                let classes = t.classes_no_dot(last);
                classes.is_title() || classes.is_honorific()
            })
        {
            // "J. D. Vance", "Gov. Mike Pence", "Prof. Dr. Anke Sommer"
            j += 1;
        } else if t.is_word(j)
            // The word lists last: most words after a run are followed by
            // no name, and need no lookup.
            && (is_name_word(t, j + 1)
                || (t.is_word(j + 1) && is_name_word(t, j + 2) && t.is_name_particle(j + 1)))
            && t.is_name_particle(j)
            && !article_alone(t, j)
            && !affiliated_after(t, i, last, j)
        {
            j += 1;
        } else {
            return last;
        }
    }
}

/// A particle that is also an article ("der", "la") goes on with a name
/// only after another particle ("von der Leyen", "de la Vega"): alone it
/// is a genitive ("der Chef der Behörde").
fn article_alone(t: &Tokens<'_>, particle: usize) -> bool {
    let lexicon = crate::quote::lexicon::active();
    lexicon.definite_articles.contains(&t.lower(particle))
        && !(particle > 0 && t.is_word(particle - 1) && t.is_name_particle(particle - 1))
}

/// "Robert Hallmann von der Baader Bank": a particle that is also an
/// affiliation ("von"), after a first name and a surname (`first..=last`,
/// not ending on a first name: "Carl Friedrich von Weizsäcker"), says where
/// the person is from rather than going on with the name.
fn affiliated_after(t: &Tokens<'_>, first: usize, last: usize, particle: usize) -> bool {
    last > first
        && t.classes(particle).is_affiliation()
        && t.classes(last).first_name_gender().is_none()
}

/// Extend a run of name words from `i` leftwards; returns its first token.
pub(crate) fn run_start(t: &Tokens<'_>, i: usize) -> usize {
    let mut first = i;
    let mut j = i;
    while j > 0 {
        let p = j - 1;
        if is_name_word(t, p) {
            first = p;
            j = p;
        } else if p > 0
            && is_name_word(t, p - 1)
            && ((t.is_punct(p, ".") && t.text(p - 1).chars().nth(4).is_none())
                || (t.is_word(p) && t.is_name_particle(p) && !article_alone(t, p)))
            || (p > 1
                && t.is_word(p)
                && t.is_word(p - 1)
                && is_name_word(t, p - 2)
                && t.is_name_particle(p)
                && t.is_name_particle(p - 1))
        {
            j = p;
        } else {
            break;
        }
    }
    first
}

/// A word that can open a sentence as a noun with no determiner: a plural
/// ("demonstrators", "officials") or a word for a group ("police").
fn is_bare_noun_form(lower: &str) -> bool {
    let plural = lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is");
    plural || is_collective_noun(lower)
}

/// A run that names a person: a title or honorific in it ("Mr. Morgan",
/// "Gov. Earl Ray Tomblin"), or a first name.
fn is_personal_run(t: &Tokens<'_>, first: usize, last: usize) -> bool {
    (first..=last).any(|i| {
        t.is_word(i)
            && (t.classes_no_dot(i).is_personal_title()
                || (i < last && t.classes(i).first_name_gender().is_some()))
    })
}

/// Classify the noun phrase spanning tokens `first..=last` (words and commas).
pub(crate) fn classify(t: &Tokens<'_>, first: usize, last: usize) -> Option<Mention> {
    // Conjunctions and "as" before the phrase are not part of it ("but he", "as X put it").
    let mut first = first;
    while first < last
        && t.is_word(first)
        && matches!(
            t.lower(first),
            "and"
                | "but"
                | "or"
                | "as"
                | "if"
                | "so"
                | "yet"
                | "then"
                | "while"
                | "when"
                | "because"
                | "though"
                | "although"
                | "unless"
                | "until"
                | "once"
                | "whereas"
        )
    {
        first += 1;
    }
    // "(D-Ill.)", "(R-Utah)" after a name are not part of the phrase.
    let mut depth = 0usize;
    let mut last = last;
    // The phrase's words: most phrases are short, and are kept on the stack.
    let mut few = [0usize; 16];
    let mut many: Vec<usize> = Vec::new();
    let mut count = 0;
    for i in first..=last {
        if t.is_punct(i, "(") {
            depth += 1;
        } else if t.is_punct(i, ")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && t.is_word(i) {
            if let Some(slot) = few.get_mut(count) {
                *slot = i;
            } else {
                if many.is_empty() {
                    many.extend_from_slice(&few);
                }
                many.push(i);
            }
            count += 1;
        }
    }
    let mut words: &[usize] = if many.is_empty() {
        &few[..count]
    } else {
        &many
    };
    // "Clinton emphatically": an adverb after the phrase is not part of it.
    while let [kept @ .., w] = words {
        let text = t.text(*w);
        let adverb = text.len() > 4 && text.ends_with("ly") && text.starts_with(char::is_lowercase);
        if kept.is_empty() || !adverb {
            break;
        }
        words = kept;
    }
    // "Paul Ryan, R-Wis.": a party tag after the name is not part of it.
    while let [kept @ .., w] = words {
        if kept.is_empty() || !is_party_tag(t.text(*w)) {
            break;
        }
        words = kept;
    }
    // "Cruz himself": the reflexive only stresses who.
    if let [kept @ .., w] = words {
        if !kept.is_empty() && matches!(t.lower(*w), "himself" | "herself" | "themselves") {
            words = kept;
        }
    }
    // "Donald Trump on Saturday", "Mr. Ryan last week": a time after the
    // phrase is not part of it.
    if let Some(p) = (1..words.len()).find(|&p| {
        let next_is_day = |q: usize| words.get(q).is_some_and(|&w| t.classes(w).is_day_word());
        match t.lower(words[p]) {
            "on" | "last" | "this" | "early" | "late" => next_is_day(p + 1),
            _ => t.classes(words[p]).is_day_word() && p + 1 == words.len(),
        }
    }) {
        words = &words[..p];
    }
    if let Some(&w) = words.last() {
        last = last.min(run_end(t, w).max(w));
    }
    let &head_i = words.last()?;
    if words.len() == 1 {
        // ("He’s claiming": the pronoun of a contraction.)
        let lower = t.lower(head_i);
        let word = strip_possessive(lower);
        let classes = if word.len() == lower.len() {
            t.classes(head_i)
        } else {
            WordClasses::of(word)
        };
        if let Some(p) = classes.pronoun() {
            return Some(Mention {
                first,
                last,
                referent: Referent::Pronoun(p),
            });
        }
    }
    // One word that opens its sentence and that the article never
    // capitalises elsewhere is a common noun ("Demonstrators said").
    // (A singular count noun takes a determiner: "Varga said" opens with a
    // name, "Demonstrators said" and "Police said" with a plural or a mass noun.)
    let common_opener = |start: usize, end: usize| {
        start == end
            && !t.is_proper(start)
            && t.classes(start).first_name_gender().is_none()
            && !is_place_word(strip_possessive(t.lower(start)))
            && is_bare_noun_form(t.lower(start))
    };
    let &lead = words.first()?;
    // "Mr. Morgan of the Sierra Club", "Gov. Earl Ray Tomblin of West
    // Virginia": a person's name, then where they are from.
    if is_name_word(t, lead) && lead != head_i {
        let end = run_end(t, lead).min(last);
        let of = end < head_i && t.is_word(end + 1) && t.classes(end + 1).is_affiliation();
        if of && is_personal_run(t, lead, end) {
            if let Some((_, name)) = name_in_run(t, lead, end) {
                return Some(Mention {
                    first,
                    last,
                    referent: Referent::Name(name),
                });
            }
        }
    }
    // "president of the United Federation of Teachers", "a spokesman for
    // Paul Ryan": a lowercase head, then the name it is of or for.
    let complement = t.text(lead).starts_with(char::is_lowercase)
        && words
            .iter()
            .take_while(|&&w| !is_name_word(t, w))
            .any(|&w| {
                matches!(t.lower(w), "of" | "for" | "at" | "from" | "with" | "to")
                    || t.classes(w).is_affiliation()
            });
    // A name at the end of the phrase: "Kremlin aide Yuri Ushakov", "Mr Trump".
    let head_start = (is_name_word(t, head_i) && !complement)
        .then(|| run_start(t, head_i).max(first))
        .filter(|&start| !common_opener(start, head_i));
    // (The name is copied out of the run's memo only once it is taken.)
    // (`take` is asked of a one-word name, given its classes and lowercase.)
    let name_taken = |start: usize, end: usize, take: &dyn Fn(WordClasses, &str) -> bool| {
        with_name_in_run(t, start, end, |name_start, name| {
            // A name of several words is no listed word (none has a space),
            // and needs no lowercasing to tell; a word as written is its
            // token's, whose classes are known.
            let taken = name.contains(' ')
                || if name == t.text(name_start) {
                    take(t.classes(name_start), t.lower(name_start))
                } else {
                    with_lowercase(name, |lw| take(WordClasses::of(lw), lw))
                };
            taken.then(|| name.to_string())
        })
        .flatten()
    };
    if let Some(start) = head_start {
        let take = |classes: WordClasses, lw: &str| {
            (!classes.is_capitalised_function_word() || t.is_surname(lw))
                && classes.pronoun().is_none()
        };
        if let Some(name) = name_taken(start, head_i, &take) {
            return Some(Mention {
                first,
                last,
                referent: Referent::Name(name),
            });
        }
    }
    // A name at the start followed by a description ("Mr. Burman of the Tax Policy Center").
    let lead_end = is_name_word(t, lead)
        .then(|| run_end(t, lead).min(last))
        .filter(|&end| !common_opener(lead, end));
    if let Some(end) = lead_end {
        let after = t.toks.get(end + 1).map(|_| t.lower(end + 1));
        // (Where clauses invert, any preposition: "Игорь Баранов в
        // разговоре с журналистами", "Anke Sommer am Montag".)
        let followed_by_of = after.is_some_and(|w| matches!(w, "with" | "for" | "in" | ","))
            || (t.is_word(end + 1) && t.classes(end + 1).is_affiliation())
            || (t.is_word(end + 1)
                && active().settings.inverted_clauses
                && t.classes(end + 1).is_preposition());
        if followed_by_of || end == last {
            let take = |classes: WordClasses, _: &str| {
                !classes.is_capitalised_function_word() && !classes.is_determiner()
            };
            if let Some(name) = name_taken(lead, end, &take) {
                return Some(Mention {
                    first,
                    last,
                    referent: Referent::Name(name),
                });
            }
        }
    }
    // A description: its head is the last word before any prepositional
    // phrase or relative clause ("one *person* familiar with the talks").
    let mut head = None;
    let mut modifiers = Vec::new();
    for &i in words {
        let lw = t.lower(i);
        if matches!(
            lw,
            "familiar"
                | "with"
                | "of"
                | "for"
                | "from"
                | "at"
                | "in"
                | "on"
                | "who"
                | "close"
                | "involved"
                | "briefed"
                | "speaking"
                | "to"
                | "by"
                | "that"
                | "which"
        ) || (head.is_some() && ends_noun_phrase(t, i))
        {
            if head.is_some() {
                break;
            }
            continue;
        }
        if let Some(h) = head.replace(lw) {
            if !is_determiner(h) {
                modifiers.push(h.to_string());
            }
        }
    }
    let head = head?;
    if is_determiner(head) {
        return None;
    }
    Some(Mention {
        first,
        last,
        referent: Referent::Description {
            head: head.to_string(),
            modifiers,
        },
    })
}

/// Whether word `i` ends the noun phrase before it: a preposition, a day
/// ("die Ministerin am Montag", "die Ministerin gestern").
fn ends_noun_phrase(t: &Tokens<'_>, i: usize) -> bool {
    let classes = t.classes(i);
    classes.is_preposition() || classes.is_day_word()
}

/// Whether the token sequence at `i` is a word that makes the phrase a
/// description of the medium (an outlet, a platform), not a speaker.
pub(crate) fn names_a_medium(t: &Tokens<'_>, first: usize, last: usize) -> bool {
    use super::lexicon::is_medium_word;
    (first..=last).any(|i| t.is_word(i) && is_medium_word(t.lower(i)))
        || (first..=last).all(|i| {
            t.toks[i].kind != Kind::Word
                || t.text(i)
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_longer_than_the_stack_keeps_every_word() {
        let words: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
        let body = format!("the {} spokesman", words.join(" "));
        let t = super::super::tokens::tokenize(&body, &[]);
        let m = classify(&t, 0, t.toks.len() - 1);
        let Some(Mention {
            referent: Referent::Description { head, modifiers },
            ..
        }) = m
        else {
            panic!("no description: {m:?}");
        };
        assert_eq!(head, "spokesman");
        assert_eq!(modifiers, words);
    }
}
