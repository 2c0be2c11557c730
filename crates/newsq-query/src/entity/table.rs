//! Entities: the spellings of an index grouped into people and outlets, and
//! names resolved against them.
//!
//! Resolution works on distinct spellings, never on documents: an index of
//! a million articles holds tens of thousands of speaker spellings, and
//! grouping them is a few hash lookups each. Documents keep the spelling
//! their article used, so adding articles never rewrites old ones, and a
//! new spelling (or a new alias) changes the grouping at the next search.

use std::collections::{HashMap, HashSet};

use newsq_core::index::analysis::name_key;
use serde::Serialize;

use super::aliases::Aliases;
use super::outlet::{read_outlet, OutletName};
use super::person::{
    looks_like_name, office_titles, read_speaker, title_cue, PersonName, SpeakerName, TitleCue,
};
use super::spelling::{edit_distance, folded_words, spelling_key};

/// People or outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// People (and organisations) quoted.
    Speaker,
    /// Publishers of articles.
    Outlet,
}

impl EntityKind {
    /// "speaker" / "outlet".
    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Speaker => "speaker",
            EntityKind::Outlet => "outlet",
        }
    }
}

/// One spelling of a speaker or outlet as the index holds it: how many
/// documents use it and, for a speaker, how one article mentioned them
/// ("Mr. Obama" for the speaker "Obama").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sighting {
    /// The spelling as stored ("Barack Obama", "Reuters").
    pub spelling: String,
    /// How an article mentioned the speaker under this spelling ("Mr.
    /// Obama"), where known.
    pub mention: Option<String>,
    /// Documents with this spelling (and mention).
    pub count: u64,
}

impl Sighting {
    /// A spelling seen `count` times, with no mention.
    pub fn new(spelling: impl Into<String>, count: u64) -> Self {
        Sighting {
            spelling: spelling.into(),
            mention: None,
            count,
        }
    }
}

/// One way an entity is written in the index, with how many documents
/// (quotations for a speaker, quotations and articles for an outlet) use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spelling {
    /// The spelling as written.
    pub text: String,
    /// Documents that use it.
    pub count: u64,
}

/// A person or an outlet: every spelling the index holds for it.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// The fullest name ("Volodymyr Zelensky"), or the alias file's name.
    pub name: String,
    /// Every spelling, most used first.
    pub spellings: Vec<Spelling>,
    /// Documents under all spellings.
    pub count: u64,
    /// For a bare surname that fits several people ("Johnson" when the
    /// index has Boris and Mike Johnson): their names. Such a spelling is
    /// kept apart rather than guessed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub may_be: Vec<String>,
    /// The index keys ([`name_key`]) of the spellings: what a filter on this
    /// entity matches.
    #[serde(skip)]
    pub(crate) keys: Vec<String>,
}

/// What a name given to a filter matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NameMatch {
    /// Whether the name filtered speakers or outlets.
    pub kind: EntityKind,
    /// The name as given.
    pub query: String,
    /// The names of the entities it matched; more than one when the name
    /// is ambiguous (every match is searched).
    pub matches: Vec<String>,
    /// The closest names in the index when nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// The index keys to filter on.
    #[serde(skip)]
    pub(crate) keys: Vec<String>,
}

impl NameMatch {
    /// More than one entity matched.
    pub fn is_ambiguous(&self) -> bool {
        self.matches.len() > 1
    }

    /// Nothing matched.
    pub fn is_unknown(&self) -> bool {
        self.matches.is_empty()
    }
}

/// A distinct spelling (by index key) and what the rules read in it.
struct Unit {
    key: String,
    shown: String,
    count: u64,
    alias: Option<usize>,
    reading: Reading,
    /// A title was written with this spelling, in the speaker name or in
    /// the article's mention ("Mr. Obama"): it names a person.
    titled: bool,
    /// What the titles say of the person's sex, when they agree.
    sex: Option<TitleCue>,
    /// Offices written before the name ("president", "senator").
    offices: HashSet<&'static str>,
}

enum Reading {
    Person(PersonName),
    OtherSpeaker,
    Outlet(OutletName),
}

/// The entities of one kind in an index.
///
/// ```
/// use newsq_query::entity::{Aliases, Entities, EntityKind, Sighting};
///
/// let spellings = [
///     ("Volodymyr Zelensky", 5),
///     ("Volodymyr Zelenskiy", 1),
///     ("Mr Zelenskyy", 2),
///     ("Dmitry Peskov", 3),
///     ("Vladimir Putin", 9),
/// ];
/// let speakers = Entities::build(
///     EntityKind::Speaker,
///     spellings.iter().map(|&(s, n)| Sighting::new(s, n)),
///     &Aliases::default(),
/// );
/// assert_eq!(speakers.entities().len(), 3);
/// let found = speakers.resolve("zelenskiy");
/// assert_eq!(found.matches, ["Volodymyr Zelensky"]);
/// assert_eq!(speakers.resolve("putin").matches, ["Vladimir Putin"]);
/// assert_eq!(speakers.resolve("zelinsky").suggestions, ["Volodymyr Zelensky"]);
/// ```
#[derive(Debug, Clone)]
pub struct Entities {
    kind: EntityKind,
    entities: Vec<Entity>,
    /// Index key of a spelling → its entity.
    by_key: HashMap<String, usize>,
    /// Alias spellings (index keys) → entity, for names an alias file
    /// lists but no document uses yet.
    by_alias: HashMap<String, usize>,
    /// Per entity: the entities a bare surname kept apart may be.
    may_be: Vec<Vec<usize>>,
    /// Per entity: the people it holds (speakers), for name queries.
    people: Vec<Vec<PersonName>>,
    /// Per entity: its outlet readings (outlets).
    outlets: Vec<Vec<OutletName>>,
}

impl Entities {
    /// Group `spellings` (as written, with document counts) into entities,
    /// with `aliases` deciding where they speak.
    pub fn build(
        kind: EntityKind,
        sightings: impl IntoIterator<Item = Sighting>,
        aliases: &Aliases,
    ) -> Entities {
        let alias_entries = aliases.entries(kind);
        let mut alias_of: HashMap<String, usize> = HashMap::new();
        for (i, entry) in alias_entries.iter().enumerate() {
            for spelling in entry.all_spellings() {
                alias_of.insert(name_key(spelling), i);
            }
        }
        let units = units(kind, sightings, &alias_of);
        let mut groups = UnionFind::new(units.iter().map(|u| u.alias).collect());
        // Spellings an alias names are one entity before any rule runs.
        let mut first_of_alias: HashMap<usize, usize> = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            if let Some(alias) = unit.alias {
                let first = *first_of_alias.entry(alias).or_insert(i);
                groups.union(first, i);
            }
        }
        let mut may_be: HashMap<usize, Vec<usize>> = HashMap::new();
        match kind {
            EntityKind::Speaker => {
                let alias_people: Vec<Option<PersonName>> = alias_entries
                    .iter()
                    .map(|entry| match read_speaker(&entry.name, false) {
                        SpeakerName::Person(p) => Some(p),
                        SpeakerName::Other => None,
                    })
                    .collect();
                group_people(&units, &alias_people, &mut groups, &mut may_be)
            }
            EntityKind::Outlet => group_outlets(&units, &mut groups),
        }
        assemble(kind, units, groups, may_be, alias_entries, &alias_of)
    }

    /// People or outlets.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Every entity, most documents first.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity a spelling (as stored in the index) belongs to.
    pub fn of_spelling(&self, spelling: &str) -> Option<&Entity> {
        self.by_key
            .get(&name_key(spelling))
            .map(|&i| &self.entities[i])
    }

    /// Every spelling's index key ([`name_key`]) with the name of its
    /// entity, in no order: what [`Entities::of_spelling`] answers.
    pub(crate) fn names_by_key(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_key
            .iter()
            .map(|(key, &i)| (key.as_str(), self.entities[i].name.as_str()))
    }

    /// Entities with a spelling or name containing `pattern` (any case,
    /// accents and transliteration ignored); every entity for "".
    pub fn matching(&self, pattern: &str) -> Vec<&Entity> {
        let wanted = folded_words(pattern).join(" ");
        let keyed = spelling_keys(&wanted);
        let spelled = |text: &str| folded_words(text).join(" ").contains(&wanted);
        // A spelling contains the pattern as written or by spelling key.
        let holds = |text: &str| {
            let folded = folded_words(text).join(" ");
            folded.contains(&wanted) || spelling_keys(&folded).contains(&keyed)
        };
        self.entities
            .iter()
            .filter(|e| {
                wanted.is_empty() || spelled(&e.name) || e.spellings.iter().any(|s| holds(&s.text))
            })
            .collect()
    }

    /// The entities a name given to a filter stands for. A person's name
    /// matches whatever the spelling ("zelenskiy" finds Volodymyr Zelensky);
    /// a bare surname matches every person with it; an outlet matches by
    /// name, web address or abbreviation ("ft" finds the Financial Times).
    pub fn resolve(&self, query: &str) -> NameMatch {
        let key = name_key(query);
        let mut found: Vec<usize> = Vec::new();
        if let Some(&i) = self.by_key.get(&key).or_else(|| self.by_alias.get(&key)) {
            found.push(i);
            // A bare surname kept apart stands for the people it may be.
            found.extend(&self.may_be[i]);
        } else {
            found = match self.kind {
                EntityKind::Speaker => self.resolve_person(query),
                EntityKind::Outlet => self.resolve_outlet(query),
            };
        }
        let mut seen = HashSet::new();
        found.retain(|i| seen.insert(*i));
        let suggestions = if found.is_empty() && !key.is_empty() {
            self.closest(&key)
        } else {
            Vec::new()
        };
        NameMatch {
            kind: self.kind,
            query: query.to_string(),
            matches: found
                .iter()
                .map(|&i| self.entities[i].name.clone())
                .collect(),
            suggestions,
            keys: found
                .iter()
                .flat_map(|&i| self.entities[i].keys.iter().cloned())
                .collect(),
        }
    }

    fn resolve_person(&self, query: &str) -> Vec<usize> {
        let SpeakerName::Person(wanted) = read_speaker(query, false) else {
            return Vec::new();
        };
        let found = entities_where(&self.people, |p| {
            if p.surname != wanted.surname {
                return false;
            }
            if wanted.is_surname_only() {
                return true;
            }
            let given = if wanted.given_is_initial || p.given_is_initial {
                p.given.chars().next() == wanted.given.chars().next()
            } else {
                p.given == wanted.given
            };
            given && (wanted.middle.is_empty() || p.middle.is_empty() || p.middle == wanted.middle)
        });
        if !found.is_empty() {
            return found;
        }
        if wanted.is_surname_only() {
            // "Xi" for Xi Jinping: a single word that is no one's surname
            // may be a family name written first.
            entities_where(&self.people, |p| p.given == wanted.surname)
        } else {
            // "wasserman schultz" for Debbie Wasserman Schultz: a surname of
            // two words reads as a given name and a surname.
            let first = wanted.given.chars().next();
            entities_where(&self.people, |p| {
                p.surname == wanted.surname && first.is_some_and(|c| p.middle.contains(c))
            })
        }
    }

    fn resolve_outlet(&self, query: &str) -> Vec<usize> {
        let wanted = read_outlet(query);
        if wanted.words.is_empty() {
            return Vec::new();
        }
        let found = entities_where(&self.outlets, |o| {
            o.key() == wanted.key() || wanted.abbreviates(o) || o.abbreviates(&wanted)
        });
        if !found.is_empty() {
            return found;
        }
        // "times": every outlet with all the words.
        entities_where(&self.outlets, |o| {
            wanted.words.iter().all(|w| o.words.contains(w))
        })
    }

    /// Up to three entity names closest to `key` in spelling.
    fn closest(&self, key: &str) -> Vec<String> {
        let limit = (key.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, u64, &str)> = Vec::new();
        for entity in &self.entities {
            let distance = entity
                .keys
                .iter()
                .flat_map(|k| {
                    // The whole spelling, and each of its words ("zelinsky"
                    // is close to the surname of "volodymyr zelensky").
                    std::iter::once(k.as_str()).chain(k.split(' '))
                })
                .map(|candidate| edit_distance(key, candidate))
                .min()
                .unwrap_or(usize::MAX);
            if distance <= limit {
                scored.push((distance, entity.count, &entity.name));
            }
        }
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, _, n)| n.to_string())
            .collect()
    }
}

/// The entities with a reading that fits.
fn entities_where<T>(readings: &[Vec<T>], fits: impl Fn(&T) -> bool) -> Vec<usize> {
    readings
        .iter()
        .enumerate()
        .filter(|(_, held)| held.iter().any(&fits))
        .map(|(i, _)| i)
        .collect()
}

fn spelling_keys(folded: &str) -> String {
    folded
        .split(' ')
        .map(spelling_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Distinct spellings by index key; the most used way of writing each is
/// the one shown.
fn units(
    kind: EntityKind,
    sightings: impl IntoIterator<Item = Sighting>,
    alias_of: &HashMap<String, usize>,
) -> Vec<Unit> {
    #[derive(Default)]
    struct Seen {
        texts: HashMap<String, u64>,
        count: u64,
        cues: HashSet<TitleCue>,
        offices: HashSet<&'static str>,
    }
    let mut by_key: HashMap<String, Seen> = HashMap::new();
    for sighting in sightings {
        let key = name_key(&sighting.spelling);
        if key.is_empty() {
            continue;
        }
        let seen = by_key.entry(key).or_default();
        seen.count += sighting.count;
        if kind == EntityKind::Speaker {
            // "a spokesman for Mr Blair" is not how Blair is named.
            let mention = sighting.mention.as_deref().filter(|m| looks_like_name(m));
            let cues = [Some(sighting.spelling.as_str()), mention];
            for written in cues.into_iter().flatten() {
                seen.cues.extend(title_cue(written));
                seen.offices.extend(office_titles(written));
            }
        }
        *seen.texts.entry(sighting.spelling).or_default() += sighting.count;
    }
    let mut units: Vec<Unit> = by_key
        .into_iter()
        .filter_map(|(key, seen)| {
            let shown = seen
                .texts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?
                .0;
            let reading = match kind {
                EntityKind::Speaker => match read_speaker(&shown, true) {
                    SpeakerName::Person(p) => Reading::Person(p),
                    SpeakerName::Other => Reading::OtherSpeaker,
                },
                EntityKind::Outlet => Reading::Outlet(read_outlet(&shown)),
            };
            let man = seen.cues.contains(&TitleCue::Man);
            let woman = seen.cues.contains(&TitleCue::Woman);
            Some(Unit {
                alias: alias_of.get(&key).copied(),
                key,
                shown,
                count: seen.count,
                reading,
                titled: !seen.cues.is_empty(),
                offices: seen.offices,
                sex: match (man, woman) {
                    (true, false) => Some(TitleCue::Man),
                    (false, true) => Some(TitleCue::Woman),
                    _ => None,
                },
            })
        })
        .collect();
    // Deterministic grouping whatever order the index listed spellings in.
    units.sort_by(|a, b| a.key.cmp(&b.key));
    units
}

/// The rules for people, in order of confidence:
/// 1. the same given name and surname (whatever the spelling) are one
///    person, unless their middle initials differ; a name without middle
///    initials joins the one person with them, and is kept apart when there
///    are several (George Bush, between George H. W. and George W.);
/// 2. an initial ("V. Putin") joins the one person it fits;
/// 3. a bare surname joins the one person with that surname (of the sex
///    its titles say, "Mr." or "Mrs."), else the one person whose given
///    name it is (family name first: "Xi"), and is kept apart, listing whom
///    it may be, when several fit. Only a surname written with a title
///    somewhere ("Mr Putin", "Gov. Kasich") joins anyone: a bare
///    "Virginia" or "Democrats" is a place or a group as often as a name.
///
/// Spellings an alias file places are never moved by rules 2 and 3.
fn group_people(
    units: &[Unit],
    alias_people: &[Option<PersonName>],
    groups: &mut UnionFind,
    may_be: &mut HashMap<usize, Vec<usize>>,
) {
    let person = |i: usize| match &units[i].reading {
        Reading::Person(p) => Some(p),
        _ => None,
    };
    // Rule 1. A spelling an alias gives to someone of another name ("Donald
    // Trump" is "Someone Else") takes no part: the alias moved it.
    let mut by_name: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        if let Reading::Person(p) = &unit.reading {
            let moved = unit.alias.is_some_and(|a| {
                alias_people[a]
                    .as_ref()
                    .is_none_or(|named| (&named.surname, &named.given) != (&p.surname, &p.given))
            });
            if !p.is_surname_only() && !p.given_is_initial && !moved {
                by_name.entry((&p.surname, &p.given)).or_default().push(i);
            }
        }
    }
    let mut names: Vec<_> = by_name.into_iter().collect();
    names.sort();
    for (_, members) in &names {
        let mut by_middle: Vec<(&str, Vec<usize>)> = Vec::new();
        for &i in members {
            let middle = person(i).map_or("", |p| p.middle.as_str());
            match by_middle.iter_mut().find(|(m, _)| *m == middle) {
                Some((_, list)) => list.push(i),
                None => by_middle.push((middle, vec![i])),
            }
        }
        for (_, list) in &by_middle {
            for &i in &list[1..] {
                groups.union(list[0], i);
            }
        }
        let with_middle: Vec<usize> = by_middle
            .iter()
            .filter(|(m, _)| !m.is_empty())
            .map(|(_, list)| list[0])
            .collect();
        if let Some((_, bare)) = by_middle.iter().find(|(m, _)| m.is_empty()) {
            match with_middle.as_slice() {
                [] => {}
                [one] => groups.union(*one, bare[0]),
                several => {
                    may_be.insert(bare[0], several.to_vec());
                }
            }
        }
    }
    // Full names by surname and by given name, for rules 2 and 3.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
    for &member in names.iter().flat_map(|(_, members)| members) {
        if let Some(p) = person(member) {
            by_surname.entry(&p.surname).or_default().push(member);
            by_given.entry(&p.given).or_default().push(member);
        }
    }
    for (i, unit) in units.iter().enumerate() {
        let Reading::Person(p) = &unit.reading else {
            continue;
        };
        if unit.alias.is_some() || !(p.is_surname_only() || p.given_is_initial) {
            continue;
        }
        let may_join = unit.titled || !p.is_surname_only();
        let mut candidates: Vec<usize> = by_surname
            .get(p.surname.as_str())
            .into_iter()
            .flatten()
            .filter(|&&c| {
                !p.given_is_initial
                    || person(c)
                        .is_some_and(|full| full.given.chars().next() == p.given.chars().next())
            })
            .map(|&c| groups.find(c))
            .collect();
        if candidates.is_empty() && p.is_surname_only() {
            candidates = by_given
                .get(p.surname.as_str())
                .into_iter()
                .flatten()
                .map(|&c| groups.find(c))
                .collect();
        }
        candidates.sort_unstable();
        candidates.dedup();
        // What each candidate's spellings were written with: sexes from
        // "Mr."/"Mrs.", and offices.
        let mut evidence: HashMap<usize, (HashSet<TitleCue>, HashSet<&str>)> = HashMap::new();
        if unit.sex.is_some() || !unit.offices.is_empty() {
            for &member in by_surname.get(p.surname.as_str()).into_iter().flatten() {
                let (sexes, offices) = evidence.entry(groups.find(member)).or_default();
                sexes.extend(units[member].sex);
                offices.extend(&units[member].offices);
            }
        }
        // "Mr. Obama" is not Michelle Obama: drop people whose titles say
        // the other sex.
        if let Some(sex) = unit.sex {
            candidates.retain(|root| {
                evidence.get(root).is_none_or(|(seen, _)| {
                    seen.is_empty() || seen.contains(&sex) || seen.len() > 1
                })
            });
        }
        // "President Obama" is the Obama written "President" elsewhere.
        if candidates.len() > 1 && !unit.offices.is_empty() {
            let holding: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|root| {
                    evidence
                        .get(root)
                        .is_some_and(|(_, held)| held.iter().any(|o| unit.offices.contains(o)))
                })
                .collect();
            if holding.len() == 1 {
                candidates = holding;
            }
        }
        match candidates.as_slice() {
            [] => {}
            [one] if may_join => groups.union(*one, i),
            several => {
                may_be.insert(i, several.to_vec());
            }
        }
    }
}

/// The rules for outlets: the same name once "the", edition words ("UK")
/// and web address parts are off is one outlet; a web address or acronym
/// joins the one outlet it abbreviates ("ft.com", "FT" → Financial Times).
fn group_outlets(units: &[Unit], groups: &mut UnionFind) {
    let outlet = |i: usize| match &units[i].reading {
        Reading::Outlet(o) => Some(o),
        _ => None,
    };
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for i in 0..units.len() {
        let Some(o) = outlet(i).filter(|o| !o.words.is_empty()) else {
            continue;
        };
        match by_name.get(&o.key()) {
            Some(&first) => groups.union(first, i),
            None => {
                by_name.insert(o.key(), i);
            }
        }
    }
    for (i, unit) in units.iter().enumerate() {
        let Some(short) = outlet(i).filter(|o| o.compact) else {
            continue;
        };
        if unit.alias.is_some() {
            continue;
        }
        let mut candidates: Vec<usize> = (0..units.len())
            .filter(|&j| outlet(j).is_some_and(|full| short.abbreviates(full)))
            .map(|j| groups.find(j))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        if let [one] = candidates.as_slice() {
            groups.union(*one, i);
        }
    }
}

/// Turn groups of units into entities.
fn assemble(
    kind: EntityKind,
    units: Vec<Unit>,
    mut groups: UnionFind,
    may_be: HashMap<usize, Vec<usize>>,
    alias_entries: &[super::aliases::AliasEntry],
    alias_of: &HashMap<String, usize>,
) -> Entities {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..units.len() {
        members.entry(groups.find(i)).or_default().push(i);
    }
    let mut grouped: Vec<Vec<usize>> = members.into_values().collect();
    let count = |group: &Vec<usize>| group.iter().map(|&i| units[i].count).sum::<u64>();
    grouped.sort_by(|a, b| {
        count(b)
            .cmp(&count(a))
            .then_with(|| units[a[0]].key.cmp(&units[b[0]].key))
    });
    let mut entity_of_unit = vec![0; units.len()];
    for (e, group) in grouped.iter().enumerate() {
        for &i in group {
            entity_of_unit[i] = e;
        }
    }
    let mut entities = Vec::with_capacity(grouped.len());
    let mut people = Vec::new();
    let mut outlets = Vec::new();
    let mut may_be_ids = Vec::with_capacity(grouped.len());
    for group in &grouped {
        let alias_name = group
            .iter()
            .find_map(|&i| units[i].alias)
            .map(|a| alias_entries[a].name.clone());
        let fullest = group
            .iter()
            .max_by(|&&a, &&b| {
                preference(&units[a])
                    .cmp(&preference(&units[b]))
                    .then(units[b].shown.cmp(&units[a].shown))
            })
            .map(|&i| units[i].shown.clone())
            .unwrap_or_default();
        let mut spellings: Vec<Spelling> = group
            .iter()
            .map(|&i| Spelling {
                text: units[i].shown.clone(),
                count: units[i].count,
            })
            .collect();
        spellings.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        let mut entity_people = Vec::new();
        let mut entity_outlets = Vec::new();
        for &i in group {
            match &units[i].reading {
                Reading::Person(p) => entity_people.push(p.clone()),
                Reading::Outlet(o) => entity_outlets.push(o.clone()),
                Reading::OtherSpeaker => {}
            }
        }
        let mut may_be_entities: Vec<usize> = group
            .iter()
            .filter_map(|i| may_be.get(i))
            .flatten()
            .map(|&u| entity_of_unit[u])
            .collect();
        may_be_entities.sort_unstable();
        may_be_entities.dedup();
        may_be_ids.push(may_be_entities);
        entities.push(Entity {
            name: alias_name.unwrap_or(fullest),
            spellings,
            count: count(group),
            may_be: Vec::new(),
            keys: group.iter().map(|&i| units[i].key.clone()).collect(),
        });
        people.push(entity_people);
        outlets.push(entity_outlets);
    }
    for (e, ids) in may_be_ids.iter().enumerate() {
        entities[e].may_be = ids.iter().map(|&id| entities[id].name.clone()).collect();
    }
    let by_key = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.key.clone(), entity_of_unit[i]))
        .collect();
    let mut entity_of_alias: HashMap<usize, usize> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        if let Some(alias) = unit.alias {
            entity_of_alias.entry(alias).or_insert(entity_of_unit[i]);
        }
    }
    let by_alias = alias_of
        .iter()
        .filter_map(|(key, alias)| Some((key.clone(), *entity_of_alias.get(alias)?)))
        .collect();
    Entities {
        kind,
        entities,
        by_key,
        by_alias,
        may_be: may_be_ids,
        people,
        outlets,
    }
}

/// How well a spelling names its entity (higher is better). A person: a
/// full name over a surname, no title over a title, more words, more
/// quotations. An outlet: a name over a web address or acronym, then the
/// most used, then the shortest ("The Herald" over "The Herald UK").
fn preference(unit: &Unit) -> (bool, bool, i64, i64) {
    let words = unit.shown.split_whitespace().count() as i64;
    let count = i64::try_from(unit.count).unwrap_or(i64::MAX);
    match &unit.reading {
        Reading::Person(p) => (
            !p.is_surname_only() && !p.given_is_initial,
            title_cue(&unit.shown).is_none(),
            words,
            count,
        ),
        // "The Herald" over "The Herald UK": no edition words.
        Reading::Outlet(o) => (!o.compact, plain_outlet_name(&unit.shown, o), count, -words),
        Reading::OtherSpeaker => (false, true, words, count),
    }
}

/// Whether `shown` is the outlet's name with nothing but "the" around it.
fn plain_outlet_name(shown: &str, outlet: &OutletName) -> bool {
    let words = folded_words(shown);
    let words = match words.split_first() {
        Some((first, rest)) if first == "the" => rest,
        _ => &words[..],
    };
    words == outlet.words.as_slice()
}

/// Union-find over units that never joins two different aliases' groups.
struct UnionFind {
    parent: Vec<usize>,
    alias: Vec<Option<usize>>,
}

impl UnionFind {
    fn new(alias: Vec<Option<usize>>) -> Self {
        UnionFind {
            parent: (0..alias.len()).collect(),
            alias,
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        match (self.alias[ra], self.alias[rb]) {
            (Some(x), Some(y)) if x != y => {}
            (x, y) => {
                let (keep, join) = (ra.min(rb), ra.max(rb));
                self.parent[join] = keep;
                self.alias[keep] = x.or(y);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::AliasEntry;

    fn speakers(spellings: &[&str], aliases: &Aliases) -> Entities {
        Entities::build(
            EntityKind::Speaker,
            spellings.iter().map(|s| Sighting::new(*s, 1)),
            aliases,
        )
    }

    fn names(entities: &Entities) -> Vec<Vec<&str>> {
        let mut out: Vec<Vec<&str>> = entities
            .entities()
            .iter()
            .map(|e| {
                let mut spellings: Vec<&str> =
                    e.spellings.iter().map(|s| s.text.as_str()).collect();
                spellings.sort_unstable();
                spellings
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn middle_initials_keep_father_and_son_apart() {
        let table = speakers(
            &[
                "George H. W. Bush",
                "George W. Bush",
                "George Bush",
                "Laura Bush",
                "Bush",
            ],
            &Aliases::default(),
        );
        assert_eq!(table.entities().len(), 5);
        assert_eq!(table.resolve("George W. Bush").matches, ["George W. Bush"]);
        let george = table.resolve("George Bush");
        assert_eq!(george.matches.len(), 3, "{george:?}");
        let bare = table.of_spelling("Bush").expect("listed");
        // Either George, the unresolved "George Bush", or Laura.
        assert_eq!(bare.may_be.len(), 4, "{bare:?}");
    }

    #[test]
    fn one_middle_initial_joins_and_an_alias_splits() {
        let table = speakers(
            &["Donald J. Trump", "Donald Trump", "Mr Trump"],
            &Aliases::default(),
        );
        assert_eq!(
            names(&table),
            [vec!["Donald J. Trump", "Donald Trump", "Mr Trump"]]
        );

        let aliases = Aliases {
            speakers: vec![AliasEntry {
                name: "Someone Else".into(),
                spellings: vec!["Donald Trump".into()],
            }],
            outlets: Vec::new(),
        };
        let table = speakers(&["Donald J. Trump", "Donald Trump"], &aliases);
        assert_eq!(
            names(&table),
            [vec!["Donald J. Trump"], vec!["Donald Trump"]]
        );
        assert_eq!(table.resolve("donald trump").matches, ["Someone Else"]);
    }

    #[test]
    fn initials_cyrillic_and_family_names_first() {
        let table = speakers(
            &[
                "Dmytro Zarechny",
                "D. Zarechnyy",
                "Дмитро Заречний",
                "Xi Jinping",
                "Mr Xi",
            ],
            &Aliases::default(),
        );
        assert_eq!(
            names(&table),
            [
                vec!["D. Zarechnyy", "Dmytro Zarechny", "Дмитро Заречний"],
                vec!["Mr Xi", "Xi Jinping"],
            ]
        );
        assert_eq!(table.entities()[0].may_be, Vec::<String>::new());
    }

    #[test]
    fn a_bare_word_joins_a_person_only_when_a_title_says_it_is_a_surname() {
        let seen = |spelling: &str, mention: &str, count| Sighting {
            spelling: spelling.into(),
            mention: Some(mention.into()),
            count,
        };
        let table = Entities::build(
            EntityKind::Speaker,
            [
                seen("West Virginia", "West Virginia", 2),
                seen("Virginia", "Virginia", 5),
                seen("Barack Obama", "Mr. Obama", 70),
                seen("Michelle Obama", "Mrs. Obama", 9),
                seen("Obama", "President Obama", 40),
                seen("Bush", "President Bush", 4),
                seen("George W. Bush", "President George W. Bush", 8),
                seen("Laura Bush", "Laura Bush", 3),
                seen("Obama", "Mr. Obama", 50),
            ],
            &Aliases::default(),
        );
        let virginia = table.of_spelling("Virginia").expect("listed");
        assert_eq!(
            virginia.spellings.len(),
            1,
            "a place stays apart: {virginia:?}"
        );
        assert_eq!(virginia.may_be, ["West Virginia"]);
        // "Mr." rules out Michelle Obama.
        let obama = table.of_spelling("Obama").expect("listed");
        assert_eq!(obama.name, "Barack Obama");
        assert_eq!(obama.count, 160);
        assert_eq!(table.resolve("michelle obama").matches, ["Michelle Obama"]);
        // The same office: "President Bush" is the president, not Laura.
        assert_eq!(
            table.of_spelling("Bush").map(|e| e.name.as_str()),
            Some("George W. Bush")
        );
    }

    #[test]
    fn a_two_word_surname_finds_its_person() {
        let table = speakers(
            &["Debbie Wasserman Schultz", "Aung San Suu Kyi"],
            &Aliases::default(),
        );
        assert_eq!(
            table.resolve("wasserman schultz").matches,
            ["Debbie Wasserman Schultz"]
        );
        assert_eq!(table.resolve("suu kyi").matches, ["Aung San Suu Kyi"]);
    }

    #[test]
    fn descriptions_stay_whole() {
        let table = speakers(
            &["Vladimir Putin", "Putin's spokesman", "the Kremlin"],
            &Aliases::default(),
        );
        assert_eq!(table.entities().len(), 3);
        assert_eq!(table.resolve("putin").matches, ["Vladimir Putin"]);
        assert_eq!(table.resolve("the kremlin").matches, ["the Kremlin"]);
        assert!(table.resolve("kremlin").is_unknown());
    }

    #[test]
    fn outlets_by_name_address_and_acronym() {
        let table = Entities::build(
            EntityKind::Outlet,
            [
                "The Financial Times",
                "FT",
                "ft.com",
                "Financial Times",
                "The Times",
                "The New York Times",
            ]
            .iter()
            .map(|s| Sighting::new(*s, 1)),
            &Aliases::default(),
        );
        assert_eq!(table.entities().len(), 3);
        assert_eq!(table.resolve("ft").matches.len(), 1);
        assert_eq!(table.resolve("times").matches, ["The Times"]);
        assert_eq!(table.resolve("nytimes.com").matches, ["The New York Times"]);
        assert_eq!(table.resolve("financial").matches.len(), 1);
        assert_eq!(
            table
                .resolve("the tines")
                .suggestions
                .first()
                .map(String::as_str),
            Some("The Times")
        );
    }
}
