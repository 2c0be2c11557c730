//! The article's table of people: who is who, so that "Mr Trump" resolves to
//! "Donald Trump" and "the Russian president" to the name bound to that role.

use super::clauses::{ends_on_body_word, is_adjective_like};
use super::lexicon::{
    active, first_name_gender, is_capitalised_function_word, is_determiner, is_organisation_head,
    is_place_head, is_place_phrase, is_place_word, is_title, is_title_in_any_case, with_lowercase,
    CueForm, Gender, WordClasses,
};
use super::mentions::{lower_no_dot, run_end, with_name_in_run};
use super::tokens::Tokens;
use std::collections::HashMap;

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

    /// `get` of `word`'s lowercase, compared ignoring case (the keys are
    /// lowercase) while the table is a short list and the word ASCII.
    fn get_lowercase_of(&self, word: &str) -> Option<&V> {
        match self {
            WordTable::Few(list) if word.is_ascii() => list
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(word))
                .map(|(_, v)| v),
            _ => with_lowercase(word, |lower| self.get(lower)),
        }
    }

    /// `get` of the key "`first` `second`", put together only when hashed.
    fn get_pair(&self, first: &str, second: &str) -> Option<&V> {
        match self {
            WordTable::Few(list) => list
                .iter()
                .find(|(w, _)| {
                    w.len() == first.len() + 1 + second.len()
                        && w.starts_with(first)
                        && w.ends_with(second)
                        && w.as_bytes().get(first.len()) == Some(&b' ')
                })
                .map(|(_, v)| v),
            WordTable::Many(map) => map.get(&format!("{first} {second}")),
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
    /// The gender a title tells ("Mr", "Sen.", "widow").
    pub titled_gender: Option<Gender>,
    /// The gender the first name suggests: a weaker sign, which the
    /// pronouns the article uses for the person override.
    pub first_name_gender: Option<Gender>,
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
    /// Lowercase "first-name surname" → person index: two people of one
    /// surname ("Keith Lamont Scott" and "Rakeyia Scott") told apart.
    by_first_and_surname: WordTable<usize>,
    /// Role bindings in text order: (token position, head, modifiers, person).
    roles: Vec<(usize, String, Vec<String>, usize)>,
    /// Where a "first-name surname" key is put together.
    key_buffer: String,
}

impl EntityTable {
    /// Build the table from every capitalised run in the reporting text.
    pub fn build(t: &Tokens<'_>) -> Self {
        // (Room for the people of a typical article from the start: the
        // lists otherwise grow, and are copied, several times each.)
        const PEOPLE: usize = 8;
        let mut table = EntityTable {
            people: Vec::with_capacity(PEOPLE),
            lower_names: Vec::with_capacity(PEOPLE),
            by_surname: WordTable::Few(Vec::with_capacity(PEOPLE)),
            by_first: WordTable::Few(Vec::with_capacity(PEOPLE)),
            by_first_and_surname: WordTable::Few(Vec::with_capacity(PEOPLE)),
            roles: Vec::with_capacity(PEOPLE),
            ..EntityTable::default()
        };
        // Each run's name, copied here from `name_in_run`'s memo: one buffer for all.
        let mut name = String::new();
        // Runs start at capitalised words: those past the last run's end.
        let mut after_run = 0;
        for &i in &t.capitalised_at {
            if i < after_run {
                continue;
            }
            let last = run_end(t, i);
            // ("Classy Henman makes a winning start": a word that opens the
            // headline, capitalised nowhere else, is no part of the name.)
            let opener = i < last
                && i < t.headline_end
                && !t.is_proper(i)
                && t.classes(i).first_name_gender().is_none()
                && !t.classes_no_dot(i).is_title();
            let first = if opener { i + 1 } else { i };
            let found = with_name_in_run(t, first, last, |start, found| {
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
                let last_classes = t.classes_no_dot(last);
                // The first word lowercased once, for both questions asked of it.
                let mut first_name_gender_found = None;
                // (The first word as written is its token's, whose classes are known.)
                let first_classes = || {
                    if first_word == t.text(name_start) {
                        t.classes(name_start)
                    } else {
                        with_lowercase(first_word, WordClasses::of)
                    }
                };
                let looks_personal = (2..=5).contains(&words)
                    && !last_classes.is_organisation_head()
                    && !last_classes.is_thing_head()
                    && !{
                        let classes = first_classes();
                        first_name_gender_found = classes.first_name_gender();
                        classes.is_capitalised_function_word()
                    }
                    && !name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                    && !mixes_shouted_words(&name)
                    // ("Retired American Warriors": a group's name.)
                    && !ends_on_body_word(&name)
                    && (first_name_gender_found.is_some() || !is_place_name(&name));
                if looks_personal {
                    let titled = (i..name_start)
                        .chain(i.saturating_sub(1)..i)
                        .find_map(|j| t.classes_no_dot(j).title_gender());
                    let person = table.add_person(&name, titled, first_name_gender_found);
                    table.bind_roles(t, i, name_start, last, person);
                } else if words == 1 {
                    // "Mr Trump": a surname with a gendered title tells the gender.
                    let title_gender_found =
                        (i..name_start).find_map(|j| t.classes_no_dot(j).title_gender());
                    let known = table.by_surname.get_lowercase_of(&name).copied();
                    match known {
                        Some(p) => {
                            if let Some(g) = title_gender_found {
                                table.people[p].titled_gender.get_or_insert(g);
                            }
                        }
                        None => {
                            // "President Obama", "Mr. Obama" in an article that never
                            // writes his first name; "Melanie said": one word, and a person.
                            let titled = name_start > i
                                && t.classes_no_dot(name_start - 1).is_personal_title();
                            let speaks = !titled && speaks_alone(t, name_start, last);
                            let common = || {
                                with_lowercase(&name, |lower| {
                                    is_place_word(lower)
                                        || is_organisation_head(lower)
                                        || is_capitalised_function_word(lower)
                                })
                            };
                            // ("Kowalenko said" after "Oleksandr Kovalenko":
                            // a surname misspelt is the person named, not a new one.)
                            let misspelt = || table.misspelt_surname_of(&name).is_some();
                            if (titled || speaks) && !common() && !misspelt() {
                                let guessed = first_name_gender(&name);
                                let person = table.add_person(&name, title_gender_found, guessed);
                                if titled {
                                    table.bind_roles(t, i, name_start, last, person);
                                }
                            }
                        }
                    }
                }
            }
            after_run = last + 1;
        }
        table
    }

    fn add_person(
        &mut self,
        name: &str,
        titled_gender: Option<Gender>,
        first_name_gender: Option<Gender>,
    ) -> usize {
        // Lowercased once, then split: no character's lowercase depends on
        // anything across a space, so its words are the words' lowercases.
        let lower = name.to_lowercase();
        let surname = last_word(&lower);
        let known_surname = self.by_surname.get(surname).copied();
        // The same person again: the same first name and surname ("Donald
        // J. Trump" and "Donald Trump"), or a surname known alone so far
        // ("Mr. Obama", then "Barack Obama").
        // (In a buffer kept for the next person: most names are new ones.)
        let mut first_and_surname = std::mem::take(&mut self.key_buffer);
        first_and_surname.clear();
        first_and_surname.push_str(first_word(&lower));
        first_and_surname.push(' ');
        first_and_surname.push_str(surname);
        let same = (self.by_first_and_surname.get(&first_and_surname).copied())
            .or(known_surname.filter(|&p| !self.people[p].name.contains(' ')));
        if let Some(p) = same {
            let known = &mut self.people[p];
            known.titled_gender = known.titled_gender.or(titled_gender);
            known.first_name_gender = known.first_name_gender.or(first_name_gender);
            // Keep the fullest spelling.
            if name.len() > known.name.len() {
                known.name = name.to_string();
                if let Some(known_lower) = self.lower_names.get_mut(p) {
                    known_lower.clone_from(&lower);
                }
            }
            self.key_buffer = first_and_surname;
            return p;
        }
        let p = self.people.len();
        self.people.push(Person {
            name: name.to_string(),
            titled_gender,
            first_name_gender,
        });
        if known_surname.is_none() {
            self.by_surname.insert_new(surname, p);
        }
        if lower.contains(' ') {
            self.by_first_and_surname.insert_new(&first_and_surname, p);
        }
        self.key_buffer = first_and_surname;
        let first = first_word(&lower);
        match self.by_first.get_mut(first) {
            Some(only) => *only = None,
            None => self.by_first.insert_new(first, Some(p)),
        }
        self.lower_names.push(lower);
        p
    }

    /// Record the role words in front of a name ("Russian President", "Kremlin
    /// aide", "Republican presidential nominee", "Former Secretary of State")
    /// and an appositive after it (", the Kremlin spokesman,", ", president
    /// of the union,").
    fn bind_roles(
        &mut self,
        t: &Tokens<'_>,
        run_first: usize,
        name_start: usize,
        last: usize,
        person: usize,
    ) {
        let mut role: Vec<&str> = (run_first..name_start)
            .filter(|&j| t.is_word(j) && !t.classes_no_dot(j).is_capitalised_function_word())
            .map(|j| lower_no_dot(t, j))
            .collect();
        // Role words just before the run: "Kremlin aide Yuri Ushakov",
        // "Republican presidential nominee Donald Trump", "Secretary of
        // State Hillary Clinton".
        let mut j = run_first;
        let mut before = Vec::new();
        // Whether a title and what it is of were read ("ministre de
        // l'Agriculture"): the head then stands before the last word.
        let mut linked = false;
        let general_links = active().settings.inverted_clauses;
        // (What a title is of may take a few words: "prefeita de São
        // Joaquim do Taquaral, Marta Siqueira".)
        let most_words = if general_links { 8 } else { 5 };
        while j > 0 && before.len() < most_words {
            let p = j - 1;
            if t.is_punct(p, ",") && before.is_empty() && role.is_empty() {
                j = p;
                continue;
            }
            // "Vermont Sen. Bernie Sanders": the dot of an abbreviated title.
            if t.is_punct(p, ".") && p > 0 && t.is_word(p - 1) && t.classes_no_dot(p - 1).is_title()
            {
                j = p;
                continue;
            }
            if !t.is_word(p) {
                break;
            }
            let lw = lower_no_dot(t, p);
            let classes = t.classes_no_dot(p);
            // "Secretary of State Hillary Clinton", "le ministre de
            // l'Agriculture, Bertrand Lescure": a title, then what it is
            // of (a preposition or an article between).
            // (English reads "of" right after a capitalised title; where
            // reporting clauses invert, any preposition or article, the
            // title a few words before: "la prefeita de São Joaquim do
            // Taquaral".)
            let links =
                |c: WordClasses| c.is_affiliation() || c.is_preposition() || c.is_determiner();
            let of_title = if general_links {
                let title_before = || {
                    (p.saturating_sub(6)..p)
                        .rev()
                        .take_while(|&q| {
                            t.is_word(q)
                                && (t.is_capitalised(q)
                                    || links(t.classes_no_dot(q))
                                    || t.classes_no_dot(q).is_title())
                        })
                        .any(|q| t.classes_no_dot(q).is_title())
                };
                (lw == "of" || links(classes))
                    && (t.is_capitalised(j) || !role.is_empty() || linked)
                    && title_before()
            } else {
                lw == "of"
                    && p > 0
                    && t.is_capitalised(p - 1)
                    && t.classes_no_dot(p - 1).is_title()
                    && (t.is_capitalised(j) || !role.is_empty())
            };
            let role_word = classes.is_title()
                || is_title_in_any_case(lw)
                || (t.is_capitalised(p) && !classes.is_capitalised_function_word())
                || (!before.is_empty() && is_adjective_like(lw));
            if role_word || of_title {
                linked |= of_title;
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
        let titled = before.last().is_some_and(|head| is_title_in_any_case(head))
            || (linked && before.iter().any(|w| is_title_in_any_case(w)));
        if described_in_run || titled {
            self.bind(run_first, &before, person);
        }
        // Appositive: "Dmitry Peskov, the Kremlin spokesman,", "Michael
        // Mulgrew, president of the teachers' union,".
        if t.is_punct(last + 1, ",") && t.is_word(last + 2) {
            let mut k = last + 2;
            if t.classes(k).is_determiner() {
                k += 1;
            }
            let mut words = Vec::new();
            while words.len() < 6 && t.is_word(k) {
                let lw = lower_no_dot(t, k);
                if matches!(lw, "of" | "at" | "for" | "in" | "who" | "which" | "and") {
                    break;
                }
                words.push(lw);
                k += 1;
            }
            if let Some(pos) = words.iter().rposition(|w| is_title(w)) {
                self.bind(last, &words[..=pos], person);
            }
        }
    }

    /// Bind the role `words` to a person: the head is the word before "of",
    /// else (where reporting clauses invert) the last title, else the last
    /// word.
    fn bind(&mut self, at: usize, words: &[&str], person: usize) {
        // "secretary of state", "ministre de l'agriculture": the head is
        // the last title, before what it is of.
        let head_at = match words.iter().position(|w| *w == "of") {
            Some(of) if of > 0 => of - 1,
            _ if active().settings.inverted_clauses => (words.iter())
                .rposition(|w| is_title_in_any_case(w))
                .unwrap_or(words.len().saturating_sub(1)),
            _ => words.len().saturating_sub(1),
        };
        let Some(head) = words.get(head_at) else {
            return;
        };
        let modifiers = (words.iter().enumerate())
            .filter(|&(k, w)| k != head_at && *w != "of")
            .map(|(_, m)| m.to_string())
            .collect();
        self.roles.push((at, head.to_string(), modifiers, person));
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
            return None;
        }
        // "Rakeyia Scott" after "Keith Lamont Scott": another person of the
        // same surname, whom the surname's entry does not point to.
        (self.by_first_and_surname)
            .get_pair(first_word(lower), surname)
            .copied()
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
            return None;
        }
        with_lowercase(name, |lower| {
            (self.by_first_and_surname)
                .get_pair(first_word(lower), last_word(lower))
                .copied()
        })
    }

    /// [`Self::resolve_name`], forgiving a surname misspelt by one letter
    /// ("McLenney" for "Tyresha McClenney", "Wines" for "Leslie Wimes"):
    /// a one-word name of five letters or more, one edit from the surname of
    /// exactly one person, with the same first two letters.
    pub fn resolve_name_loosely(&self, name: &str) -> Option<usize> {
        self.resolve_name(name)
            .or_else(|| self.misspelt_surname_of(name))
            .or_else(|| self.inflected_name_of(name))
    }

    /// The one person `name` names in another case: "Путина", "Путину"
    /// for "Владимир Путин"; "Игоря Орлова" for "Игорь Орлов"; each word
    /// the same as the person's but for the language's case endings
    /// (`[name.case-endings]`).
    fn inflected_name_of(&self, name: &str) -> Option<usize> {
        let endings = &active().case_endings;
        if endings.is_empty() {
            return None;
        }
        with_lowercase(name, |lower| {
            let mut found = None;
            for (p, full) in self.lower_names.iter().enumerate() {
                let surname_fits = same_stem(last_word(lower), last_word(full), endings);
                let first_fits =
                    !lower.contains(' ') || same_stem(first_word(lower), first_word(full), endings);
                if surname_fits && first_fits {
                    if found.is_some_and(|q| q != p) {
                        return None;
                    }
                    found = Some(p);
                }
            }
            found
        })
    }

    /// The one person whose surname (five letters or more) the one-word
    /// `name` misspells by one letter beyond its first two.
    fn misspelt_surname_of(&self, name: &str) -> Option<usize> {
        if name.contains(' ') || name.chars().count() < 5 {
            return None;
        }
        with_lowercase(name, |lower| {
            let mut found = None;
            for (p, full) in self.lower_names.iter().enumerate() {
                let surname = last_word(full);
                if surname.chars().count() >= 5 && one_edit_apart(lower, surname) {
                    if found.is_some_and(|q| q != p) {
                        return None;
                    }
                    found = Some(p);
                }
            }
            found
        })
    }

    /// The person a description names through a role bound earlier: "the
    /// Russian president" after "Russian President Vladimir Putin".
    pub fn resolve_role(&self, head: &str, modifiers: &[String], before: usize) -> Option<usize> {
        self.bound_to_role(head, modifiers, before).next()
    }

    /// Everyone the role was bound to before token `before`, the latest
    /// binding first (a person may come more than once).
    pub fn bound_to_role<'s>(
        &'s self,
        head: &'s str,
        modifiers: &'s [String],
        before: usize,
    ) -> impl Iterator<Item = usize> + 's {
        self.roles
            .iter()
            .rev()
            .filter(move |(pos, h, mods, _)| {
                *pos < before
                    && (h == head || is_compound_of(h, head) || is_inflection_of(h, head))
                    && modifiers
                        .iter()
                        .filter(|m| !is_determiner(m))
                        .all(|w| mods.iter().any(|m| m == w))
            })
            .map(|&(_, _, _, p)| p)
    }
}

/// "starostky" for "starostka": one role in another case, where the
/// language lists case endings (`[name.case-endings]`).
fn is_inflection_of(role: &str, title: &str) -> bool {
    let endings = &active().case_endings;
    !endings.is_empty() && same_stem(role, title, endings)
}

/// "verkehrsminister" for "minister": a role written as one compound word
/// that ends in the title a description gives.
fn is_compound_of(role: &str, title: &str) -> bool {
    const MIN_PREFIX: usize = 3;
    // (Only where nouns compound into one word: English "vice-president"
    // is no "president", nor "archbishop" a "bishop".)
    active().settings.nouns_capitalised
        && role.len() >= title.len() + MIN_PREFIX
        && role.ends_with(title)
        && !role[..role.len() - title.len()].ends_with('-')
        && is_title(title)
}

/// "South Asia", "Washington Monument", "Saudi Arabia": a name made of
/// place words, or ending on a place's head noun.
fn is_place_name(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    with_lowercase(last, is_place_head) || is_place_phrase(name)
}

/// "THE BORROWING Back": a run that mixes a shouted word (a section
/// heading in capitals) with ordinary ones is no name.
fn mixes_shouted_words(name: &str) -> bool {
    let shouted = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && w.chars().all(|c| !c.is_lowercase())
    };
    name.split(' ').any(shouted) && !name.split(' ').all(shouted)
}

/// "Melanie said", "…, Varga told": a one-word name as the subject of a
/// reporting verb. At the start of a sentence a capitalised word may be a
/// common noun ("Officials said"): there it counts only when the article
/// capitalises the same word elsewhere, inside a sentence, or it is a first name.
fn speaks_alone(t: &Tokens<'_>, at: usize, last: usize) -> bool {
    let verb = last + 1;
    let cue = t.is_word(verb)
        && !t.is_capitalised(verb)
        && t.classes(verb).cue_form() == Some(CueForm::Finite);
    // ("the Estonian said": a determiner makes a description of it.)
    let determined = at > 0 && t.is_word(at - 1) && t.classes(at - 1).is_determiner();
    cue && !determined && (t.is_proper(at) || first_name_gender(t.text(at)).is_some())
}

/// Whether `a` and `b` are one word in two cases: equal once the longest
/// listed case ending of each is taken off, four letters or more left
/// ("орлова" and "орлов", "horáka" and "horák").
fn same_stem(a: &str, b: &str, endings: &[&str]) -> bool {
    const MIN_STEM: usize = 4;
    let stem_a = stem(a, endings);
    a != b && stem_a.chars().count() >= MIN_STEM && stem_a == stem(b, endings)
}

/// `word` without its longest listed ending that leaves four letters.
fn stem<'w>(word: &'w str, endings: &[&str]) -> &'w str {
    const MIN_STEM: usize = 4;
    endings
        .iter()
        .filter_map(|e| word.strip_suffix(e))
        .find(|s| s.chars().count() >= MIN_STEM)
        .unwrap_or(word)
}

/// Whether `a` and `b` differ by exactly one letter added, dropped,
/// changed or two swapped, beyond their first two letters.
fn one_edit_apart(a: &str, b: &str) -> bool {
    // (Asked of every surname the article names for each subject: no
    // copies, and most pairs part at their first two letters.)
    let mut a_chars = a.chars();
    let mut b_chars = b.chars();
    for _ in 0..2 {
        match (a_chars.next(), b_chars.next()) {
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
    if a == b {
        return false;
    }
    // The first difference: the same byte offset in both, as all before it is equal.
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (a_rest, b_rest) = (&a[at..], &b[at..]);
    let mut a_tail = a_rest.chars();
    let mut b_tail = b_rest.chars();
    match (a_tail.next(), b_tail.next()) {
        // One is the other with one letter added at the end.
        (None, Some(_)) => b_tail.as_str().is_empty(),
        (Some(_), None) => a_tail.as_str().is_empty(),
        (None, None) => false,
        (Some(x), Some(y)) => {
            let (a_after, b_after) = (a_tail.as_str(), b_tail.as_str());
            // Changed, added to b, dropped from b, or two swapped.
            a_after == b_after
                || a_rest == b_after
                || a_after == b_rest
                || (a_after.starts_with(y)
                    && b_after.starts_with(x)
                    && a_after[y.len_utf8()..] == b_after[x.len_utf8()..])
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart_is_one_letter_added_dropped_changed_or_swapped() {
        for (a, b) in [
            ("mclenney", "mcclenney"),
            ("wines", "wimes"),
            ("smith", "smiht"),
            ("kelly", "kelley"),
        ] {
            assert!(one_edit_apart(a, b) && one_edit_apart(b, a), "{a} {b}");
        }
        for (a, b) in [
            ("wimes", "wimes"),
            ("mimes", "wines"),
            ("wines", "wimesx"),
            ("johnson", "johnston2"),
            ("", "a"),
        ] {
            assert!(!one_edit_apart(a, b), "{a} {b}");
        }
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
                table.add_person(name, None, None);
            }
            if round == 1 {
                for i in 0..40 {
                    table.add_person(&format!("Extra{i} Person{i}"), None, None);
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
