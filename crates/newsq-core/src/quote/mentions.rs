//! Who a stretch of words refers to: names (titles stripped), pronouns,
//! descriptions; and the article's table of people, to resolve "Mr Trump" to
//! "Donald Trump" and "the Russian president" to the name bound to that role.

use super::lexicon::{
    first_name_gender, first_name_gender_of_lower, is_capitalised_function_word, is_day_word,
    is_determiner, is_honorific, is_medium_word, is_name_particle, is_name_suffix,
    is_organisation_head, is_title, pronoun, title_gender, with_lowercase, Gender, Pronoun,
};
use super::tokens::{Kind, Tokens};
use std::collections::HashMap;

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
fn lower_no_dot<'t>(t: &'t Tokens<'_>, i: usize) -> &'t str {
    no_dot(t.lower(i))
}

/// A lowercase word without trailing dots, an abbreviated title written out.
fn no_dot(lower: &str) -> &str {
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
fn strip_possessive(w: &str) -> &str {
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
fn with_name_in_run<R>(
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
    let mut last_lower = None;
    while last > first {
        if t.is_word(last) {
            let lw = lower_no_dot(t, last);
            if !is_name_suffix(lw) {
                last_lower = Some(lw);
                break;
            }
        }
        last -= 1;
    }
    // The last word's, found once for the questions below.
    let last_lower = last_lower.unwrap_or_else(|| lower_no_dot(t, last));
    // The name starts after the last title or function word of the run.
    let mut start = first;
    let is_title = |lw: &str| is_title(lw) && !t.is_surname(lw);
    let is_capitalised_function_word =
        |lw: &str| is_capitalised_function_word(lw) && !t.is_surname(lw);
    // (The last word cannot move the start: each test below but the first
    // name's needs a word after it, and a first name there ends the loop
    // where it ends anyway.)
    for i in first..last {
        if !t.is_word(i) {
            continue;
        }
        let lower = t.lower(i);
        let lw = no_dot(lower);
        if i > start && first_name_gender_of_lower(lower).is_some() && !is_title(lw) {
            // "Miss Universe Alicia Machado": a first name with a surname
            // after it starts the name, past words that are no first names.
            let surname_after = (i + 1..=last).any(|k| t.is_word(k));
            let only_other_words = (start..i).all(|k| {
                !t.is_word(k)
                    || (!is_one_char(t.text(k)) && first_name_gender_of_lower(t.lower(k)).is_none())
            });
            if surname_after && only_other_words {
                start = i;
            }
            break; // a first name starts the name: "Al From", not "From"
        }
        let is_initial = is_one_char(t.text(i));
        let possessive = strip_possessive(t.text(i)) != t.text(i);
        let gerund = i == first && lw.len() > 4 && lw.ends_with("ing");
        if (!is_initial && (is_title(lw) || is_capitalised_function_word(lw)))
            || possessive
            || gerund
        {
            start = i + 1;
        }
    }
    // A trailing title ("the Clinton campaign", "Russian President") is no
    // name — unless a first name or an initial stands before it ("Peter T. King").
    if is_title(last_lower) || is_capitalised_function_word(last_lower) {
        let before = (first..last).rev().find(|&i| t.is_word(i));
        let after_first_name = before.is_some_and(|b| {
            is_one_char(t.text(b)) || first_name_gender_of_lower(t.lower(b)).is_some()
        });
        if !after_first_name {
            return None;
        }
        if start >= last {
            start = before.map_or(last, |b| run_start(t, b).max(first));
            while start < last && t.is_word(start) && is_title(lower_no_dot(t, start)) {
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
        } else if is_name_word(t, j + 1) && t.is_punct(j, ".") && t.text(last).chars().count() <= 2
        {
            // "J. D. Vance", "Gov. Mike Pence"
            j += 1;
        } else if t.is_word(j)
            // The word lists last: most words after a run are followed by
            // no name, and need no lookup.
            && (is_name_word(t, j + 1)
                || (t.is_word(j + 1) && is_name_word(t, j + 2) && is_name_particle(t.text(j + 1))))
            && is_name_particle(t.text(j))
        {
            j += 1;
        } else {
            return last;
        }
    }
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
            && ((t.is_punct(p, ".") && t.text(p - 1).chars().count() <= 4)
                || (t.is_word(p) && is_name_particle(t.text(p))))
            || (p > 1
                && t.is_word(p)
                && t.is_word(p - 1)
                && is_name_word(t, p - 2)
                && is_name_particle(t.text(p))
                && is_name_particle(t.text(p - 1)))
        {
            j = p;
        } else {
            break;
        }
    }
    first
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
    // "Cruz himself": the reflexive only stresses who.
    if let [kept @ .., w] = words {
        if !kept.is_empty() && matches!(t.lower(*w), "himself" | "herself" | "themselves") {
            words = kept;
        }
    }
    // "Donald Trump on Saturday", "Mr. Ryan last week": a time after the
    // phrase is not part of it.
    if let Some(p) = (1..words.len()).find(|&p| {
        let next_is_day = |q: usize| words.get(q).is_some_and(|&w| is_day_word(t.lower(w)));
        match t.lower(words[p]) {
            "on" | "last" | "this" | "early" | "late" => next_is_day(p + 1),
            w => is_day_word(w) && p + 1 == words.len(),
        }
    }) {
        words = &words[..p];
    }
    if let Some(&w) = words.last() {
        last = last.min(run_end(t, w).max(w));
    }
    let &head_i = words.last()?;
    if words.len() == 1 {
        if let Some(p) = pronoun(t.lower(head_i)) {
            return Some(Mention {
                first,
                last,
                referent: Referent::Pronoun(p),
            });
        }
    }
    // A name at the end of the phrase: "Kremlin aide Yuri Ushakov", "Mr Trump".
    if is_name_word(t, head_i) {
        let start = run_start(t, head_i).max(first);
        if let Some((_, name)) = name_in_run(t, start, head_i) {
            // A name of several words is neither (no listed word has a
            // space), and needs no lowercasing to tell.
            if name.contains(' ')
                || with_lowercase(&name, |lw| {
                    (!is_capitalised_function_word(lw) || t.is_surname(lw)) && pronoun(lw).is_none()
                })
            {
                return Some(Mention {
                    first,
                    last,
                    referent: Referent::Name(name),
                });
            }
        }
    }
    // A name at the start followed by a description ("Mr. Burman of the Tax Policy Center").
    let &lead = words.first()?;
    if is_name_word(t, lead) {
        let end = run_end(t, lead).min(last);
        let after = t.toks.get(end + 1).map(|_| t.lower(end + 1));
        let followed_by_of =
            after.is_some_and(|w| matches!(w, "of" | "from" | "at" | "with" | "for" | "in" | ","));
        if followed_by_of || end == last {
            if let Some((_, name)) = name_in_run(t, lead, end) {
                if name.contains(' ')
                    || with_lowercase(&name, |lw| {
                        !is_capitalised_function_word(lw) && !is_determiner(lw)
                    })
                {
                    return Some(Mention {
                        first,
                        last,
                        referent: Referent::Name(name),
                    });
                }
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
        ) {
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

/// Lowercase words and what they stand for. An article names a handful of
/// people: a short list is searched sooner than a word is hashed. Past
/// `FEW` words the table hashes them, so that no article, however many
/// names it holds, makes every lookup a long search.
#[derive(Debug)]
enum WordTable<V> {
    Few(Vec<(String, V)>),
    Many(HashMap<String, V>),
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::Few(Vec::new())
    }
}

impl<V> WordTable<V> {
    const FEW: usize = 16;

    fn get(&self, word: &str) -> Option<&V> {
        match self {
            WordTable::Few(list) => list.iter().find(|(w, _)| w == word).map(|(_, v)| v),
            WordTable::Many(map) => map.get(word),
        }
    }

    fn get_mut(&mut self, word: &str) -> Option<&mut V> {
        match self {
            WordTable::Few(list) => list.iter_mut().find(|(w, _)| w == word).map(|(_, v)| v),
            WordTable::Many(map) => map.get_mut(word),
        }
    }

    /// Add a word the table does not have yet.
    fn insert_new(&mut self, word: &str, value: V) {
        match self {
            WordTable::Few(list) if list.len() < Self::FEW => list.push((word.to_string(), value)),
            WordTable::Few(list) => {
                let mut map: HashMap<String, V> = std::mem::take(list).into_iter().collect();
                map.insert(word.to_string(), value);
                *self = WordTable::Many(map);
            }
            WordTable::Many(map) => {
                map.insert(word.to_string(), value);
            }
        }
    }
}

/// A person in the article, as the table knows them.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub gender: Option<Gender>,
}

/// Everything the article says about who is who.
#[derive(Debug, Default)]
pub(crate) struct EntityTable {
    people: Vec<Person>,
    /// Each person's name lowercased, by person index: `resolve_name`
    /// compares with it for every name mentioned.
    lower_names: Vec<String>,
    /// Lowercase surname (last name word) → person index, the fullest form.
    by_surname: WordTable<usize>,
    /// Lowercase first name → person index, when only one person has it.
    by_first: WordTable<Option<usize>>,
    /// Role bindings in text order: (token position, head, modifiers, person).
    roles: Vec<(usize, String, Vec<String>, usize)>,
}

impl EntityTable {
    /// Build the table from every capitalised run in the reporting text.
    pub fn build(t: &Tokens<'_>) -> Self {
        let mut table = EntityTable::default();
        // Each run's name, copied here from `name_in_run`'s memo: one buffer for all.
        let mut name = String::new();
        // Runs start at capitalised words: those past the last run's end.
        let mut after_run = 0;
        for &i in &t.capitalised_at {
            if i < after_run {
                continue;
            }
            let last = run_end(t, i);
            let found = with_name_in_run(t, i, last, |start, found| {
                name.clear();
                name.push_str(found);
                start
            });
            if let Some(name_start) = found {
                // The first word, and the number of words up to six (all the
                // rules below tell apart), in one pass.
                let mut name_words = name.split_whitespace();
                let first_word = name_words.next().unwrap_or_default();
                let words = usize::from(!first_word.is_empty()) + name_words.take(5).count();
                let last_lower = lower_no_dot(t, last);
                // The first word lowercased once, for both questions asked of it.
                let mut first_name_gender_found = None;
                let looks_personal = (2..=5).contains(&words)
                    && !is_organisation_head(last_lower)
                    && !with_lowercase(first_word, |lower| {
                        first_name_gender_found = first_name_gender(lower);
                        is_capitalised_function_word(lower)
                    })
                    && !name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
                if looks_personal {
                    let gender = (i..name_start)
                        .chain(i.saturating_sub(1)..i)
                        .find_map(|j| title_gender(lower_no_dot(t, j)))
                        .or(first_name_gender_found);
                    let person = table.add_person(&name, gender);
                    table.bind_roles(t, i, name_start, last, person);
                } else if words == 1 {
                    // "Mr Trump": a surname with a gendered title tells the gender.
                    if let Some(g) = (i..name_start).find_map(|j| title_gender(lower_no_dot(t, j)))
                    {
                        let known = with_lowercase(&name, |lower| table.by_surname.get(lower));
                        if let Some(&p) = known {
                            table.people[p].gender.get_or_insert(g);
                        }
                    }
                }
            }
            after_run = last + 1;
        }
        table
    }

    fn add_person(&mut self, name: &str, gender: Option<Gender>) -> usize {
        // Lowercased once, then split: no character's lowercase depends on
        // anything across a space, so its words are the words' lowercases.
        let lower = name.to_lowercase();
        let surname = last_word(&lower);
        let known_surname = self.by_surname.get(surname).copied();
        if let Some(p) = known_surname {
            // Keep the fullest spelling ("Donald J. Trump" over "Donald Trump").
            let known = &mut self.people[p];
            if known.gender.is_none() {
                known.gender = gender;
            }
            let same_first = first_word(&known.name) == first_word(name);
            if same_first && name.len() > known.name.len() {
                known.name = name.to_string();
                if let Some(known_lower) = self.lower_names.get_mut(p) {
                    known_lower.clone_from(&lower);
                }
            }
            if same_first {
                return p;
            }
        }
        let p = self.people.len();
        self.people.push(Person {
            name: name.to_string(),
            gender,
        });
        if known_surname.is_none() {
            self.by_surname.insert_new(surname, p);
        }
        let first = first_word(&lower);
        match self.by_first.get_mut(first) {
            Some(only) => *only = None,
            None => self.by_first.insert_new(first, Some(p)),
        }
        self.lower_names.push(lower);
        p
    }

    /// Record the role words in front of a name ("Russian President", "Kremlin
    /// aide", "Former Swedish Prime Minister,") and an appositive after it
    /// (", the Kremlin spokesman,").
    fn bind_roles(
        &mut self,
        t: &Tokens<'_>,
        run_first: usize,
        name_start: usize,
        last: usize,
        person: usize,
    ) {
        let mut role: Vec<&str> = (run_first..name_start)
            .filter(|&j| t.is_word(j))
            .map(|j| lower_no_dot(t, j))
            .filter(|w| !is_capitalised_function_word(w))
            .collect();
        // Lowercase role words just before the run: "Kremlin aide Yuri Ushakov".
        let mut j = run_first;
        let mut before = Vec::new();
        while j > 0 && before.len() < 4 {
            let p = j - 1;
            if t.is_punct(p, ",") && before.is_empty() && role.is_empty() {
                j = p;
                continue;
            }
            if !t.is_word(p) {
                break;
            }
            let lw = lower_no_dot(t, p);
            if is_title(lw) || (t.is_capitalised(p) && !is_capitalised_function_word(lw)) {
                before.push(lw);
                j = p;
            } else {
                break;
            }
        }
        // "Argentine David Nalbandian": capitalised words of the run before a
        // first name are no part of the name, but say who he is ("the Argentine").
        let described_in_run = !role.is_empty();
        before.reverse();
        before.append(&mut role);
        if let Some(&head) = before.last() {
            if described_in_run || is_title(head) {
                let modifiers = before[..before.len() - 1]
                    .iter()
                    .map(|m| m.to_string())
                    .collect();
                self.roles
                    .push((run_first, head.to_string(), modifiers, person));
            }
        }
        // Appositive: "Dmitry Peskov, the Kremlin spokesman,".
        if t.is_punct(last + 1, ",") && t.is_word(last + 2) && is_determiner(t.lower(last + 2)) {
            let mut words = Vec::new();
            let mut k = last + 3;
            while t.is_word(k) && words.len() < 6 {
                words.push(lower_no_dot(t, k));
                k += 1;
            }
            if let Some(pos) = words.iter().rposition(|w| is_title(w)) {
                let head = words[pos].to_string();
                let modifiers = words[..pos].iter().map(|m| m.to_string()).collect();
                self.roles.push((last, head, modifiers, person));
            }
        }
    }

    pub fn person(&self, p: usize) -> &Person {
        &self.people[p]
    }

    /// The person a name mention refers to: "Trump" → "Donald Trump".
    pub fn resolve_name(&self, name: &str) -> Option<usize> {
        // While the tables are short lists, an ASCII name is compared with
        // them ignoring case, rather than lowercased into a copy first.
        if let (true, WordTable::Few(surnames), WordTable::Few(first_names)) =
            (name.is_ascii(), &self.by_surname, &self.by_first)
        {
            return self.resolve_ascii_name(name, surnames, first_names);
        }
        with_lowercase(name, |lower| self.resolve_lowercase_name(lower))
    }

    /// `resolve_name` of a name already lowercased.
    fn resolve_lowercase_name(&self, lower: &str) -> Option<usize> {
        // Names are short: a byte loop finds the last space sooner than a searcher.
        let last_space = lower.bytes().rposition(|b| b == b' ');
        let surname = last_space.map_or(lower, |at| &lower[at + 1..]);
        if let Some(&p) = self.by_surname.get(surname) {
            // "Donald Trump" matches; "Melania Trump" is somebody else.
            if last_space.is_none()
                || self.lower_names.get(p).is_some_and(|full| {
                    first_word(full) == first_word(lower) || full.ends_with(lower)
                })
            {
                return Some(p);
            }
        }
        if last_space.is_none() {
            if let Some(Some(p)) = self.by_first.get(lower) {
                return Some(*p);
            }
        }
        None
    }

    /// `resolve_name` of an ASCII name, with the tables' lists: the same
    /// comparisons, each ignoring the name's case (the tables' words and
    /// names are lowercase already).
    fn resolve_ascii_name(
        &self,
        name: &str,
        surnames: &[(String, usize)],
        first_names: &[(String, Option<usize>)],
    ) -> Option<usize> {
        let last_space = name.bytes().rposition(|b| b == b' ');
        let surname = last_space.map_or(name, |at| &name[at + 1..]);
        if let Some(&(_, p)) = surnames
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(surname))
        {
            let ends_with_name = |full: &str| {
                full.len() >= name.len()
                    && full.as_bytes()[full.len() - name.len()..]
                        .eq_ignore_ascii_case(name.as_bytes())
            };
            if last_space.is_none()
                || self.lower_names.get(p).is_some_and(|full| {
                    first_word(full).eq_ignore_ascii_case(first_word(name)) || ends_with_name(full)
                })
            {
                return Some(p);
            }
        }
        if last_space.is_none() {
            if let Some(&(_, Some(p))) = first_names
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(name))
            {
                return Some(p);
            }
        }
        None
    }

    /// The person a description names through a role bound earlier: "the
    /// Russian president" after "Russian President Vladimir Putin".
    pub fn resolve_role(&self, head: &str, modifiers: &[String], before: usize) -> Option<usize> {
        let wanted: Vec<&str> = modifiers
            .iter()
            .map(String::as_str)
            .filter(|m| !is_determiner(m))
            .collect();
        self.roles
            .iter()
            .rev()
            .filter(|(pos, h, mods, _)| {
                *pos < before && h == head && wanted.iter().all(|w| mods.iter().any(|m| m == w))
            })
            .map(|&(_, _, _, p)| p)
            .next()
    }
}

/// What comes before the first space of `s`: all of it if it has none.
/// (Names are short: a byte loop finds a space sooner than a searcher.)
fn first_word(s: &str) -> &str {
    s.bytes().position(|b| b == b' ').map_or(s, |at| &s[..at])
}

/// What comes after the last space of `s`: all of it if it has none.
fn last_word(s: &str) -> &str {
    s.bytes()
        .rposition(|b| b == b' ')
        .map_or(s, |at| &s[at + 1..])
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

    #[test]
    fn an_ascii_name_resolves_as_its_lowercase_does() {
        let people = [
            "Donald Trump",
            "Melania Trump",
            "Donald J. Trump",
            "Ilona Varga",
            "Ilona Kis",
            "Zoë Ábel",
            "Dmitry Peskov",
        ];
        let asked = [
            "Trump",
            "TRUMP",
            "Donald Trump",
            "donald trump",
            "Melania Trump",
            "J. Trump",
            "Ilona",
            "ILONA",
            "Varga",
            "Kis",
            "Ábel",
            "Zoë Ábel",
            "Abel",
            "Peskov",
            "Dmitry",
            "Dmitry Peskov",
            "Mr Peskov",
            "Nobody",
            "",
            " ",
            "Trump ",
        ];
        let mut table = EntityTable::default();
        // Asked with the tables as short lists, then once they hash their words.
        for round in 0..2 {
            for name in people {
                table.add_person(name, None);
            }
            if round == 1 {
                for i in 0..40 {
                    table.add_person(&format!("Extra{i} Person{i}"), None);
                }
                assert!(matches!(table.by_surname, WordTable::Many(_)));
            }
            for name in asked {
                let lowered = with_lowercase(name, |lower| table.resolve_lowercase_name(lower));
                assert_eq!(
                    table.resolve_name(name),
                    lowered,
                    "{name:?} in round {round}"
                );
            }
            assert!(table.resolve_name("VARGA").is_some() && table.resolve_name("Ábel").is_some());
        }
    }

    #[test]
    fn a_word_table_answers_alike_as_a_list_and_hashed() {
        let mut table: WordTable<usize> = WordTable::default();
        let words: Vec<String> = (0..40).map(|i| format!("name{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), None);
            table.insert_new(w, i);
            // Every word added so far is found, before and after the table hashes them.
            for (j, earlier) in words[..=i].iter().enumerate() {
                assert_eq!(table.get(earlier), Some(&j), "{earlier} after {i}");
            }
            assert!(matches!(table, WordTable::Few(_)) == (i < WordTable::<usize>::FEW));
        }
        if let Some(v) = table.get_mut("name3") {
            *v = 100;
        }
        assert_eq!(table.get("name3"), Some(&100));
        assert_eq!(table.get("name40"), None);
    }
}
