//! The discourse: who each sentence is about, so that "he", "she", "it" and
//! "they" find who they point back to.
//!
//! Every sentence before a quotation leaves a record of the people and
//! bodies it names, each with its role (a quotation's speaker, the
//! sentence's subject, or another mention). A pronoun goes to the entity of
//! its gender and number with the most salience: each mention weighs what
//! its role does, halved for every sentence since; an entity's strongest
//! mention counts first, then the sum of its mentions, then the latest
//! (Lappin and Leass's scheme, much simplified). A source the article never names ("one person
//! familiar with the call") is an entity too: "they added" after it names
//! nobody.

use super::{description, Resolver};
use crate::quote::clauses::{ends_on_body_word, is_dash, opens_on_body_word};
use crate::quote::lexicon::{active, is_place_phrase, title_gender, CueForm, Gender, Pronoun};
use crate::quote::mentions::{classify, run_end, Mention, Referent};
use crate::quote::tokens::Kind;
use std::cmp::Ordering;

/// Who a mention stands for, as the discourse tracks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entity {
    /// A person of the entity table.
    Person(usize),
    /// A name the table holds no person for: a body ("the Kremlin"), a
    /// country, or a person the article names by one word only; its index
    /// in `Resolver::named`.
    Named(usize),
    /// A source the article does not name ("one person familiar with the
    /// talks", "officials"); its token, which tells one such source from another.
    Unnamed(usize),
}

/// What part a mention plays in its sentence, in rising salience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Role {
    /// After a preposition: "agreed with Matthews".
    Oblique,
    Other,
    Subject,
    Speaker,
}

impl Role {
    fn weight(self) -> f32 {
        match self {
            Role::Oblique => 0.5,
            Role::Other => 1.0,
            Role::Subject => 2.0,
            Role::Speaker => 3.0,
        }
    }
}

/// One mention of a person or group, as far as pronoun resolution needs to know.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen {
    pub sentence: usize,
    pub paragraph: usize,
    pub entity: Entity,
    pub gender: Option<Gender>,
    pub role: Role,
    /// A body (a government, a party, a newspaper) or a country: "it", "they".
    pub organisation: bool,
    /// Several people ("officials", "two aides"): "they".
    pub plural: bool,
}

/// An entity's salience at a pronoun.
#[derive(Debug, Clone, Copy)]
pub(super) struct Salience {
    /// The weight of its strongest mention.
    strongest: f32,
    /// The weights of all its mentions.
    total: f32,
    /// Its latest mention, in `Resolver::seen`.
    latest: usize,
}

/// How far back a pronoun looks: news pronouns point to someone named in
/// the last few sentences, and an older mention weighs almost nothing.
const LOOK_BACK_SENTENCES: usize = 12;
const LOOK_BACK_PARAGRAPHS: usize = 4;

/// What each sentence further back keeps of a mention's weight.
const DECAY_PER_SENTENCE: f32 = 0.5;

/// What an unnamed source's salience counts for "he" or "she".
const UNNAMED_PERSON_FACTOR: f32 = 0.4;

impl Resolver<'_, '_> {
    /// "Carter said the plan stood, but he also warned …": a he or she whose
    /// sentence has already named its subject.
    pub(super) fn subject_earlier_in_sentence(&self, p: Pronoun, at: usize) -> Option<usize> {
        if !matches!(p, Pronoun::He | Pronoun::She | Pronoun::Unsaid) {
            return None;
        }
        let t = self.t;
        let lo = t.sentence_start(at)?;
        if at <= lo {
            return None;
        }
        let m = self
            .sentence_subject(lo, at)
            .filter(|m| matches!(m.referent, Referent::Name(_)))
            .or_else(|| self.subject_by_verb(lo, at, &|_| true))?;
        let Referent::Name(name) = &m.referent else {
            return None;
        };
        // (Where case marks the subject, a name after a preposition or an
        // oblique determiner is none: "Gegenüber NDR Info äußerte er sich".)
        let governed = m.first > lo && t.is_word(m.first - 1) && {
            let before = t.classes(m.first - 1);
            before.is_preposition() || before.is_oblique_determiner()
        };
        if governed && active().settings.verb_second {
            return None;
        }
        let person = self.table.resolve_name(name)?;
        let gender = self.gender_of(&Entity::Person(person));
        gender_fits(p, gender).then_some(person)
    }

    /// The gender the article gives an entity: the table's (titles, first
    /// names), else the one pronouns have given it so far.
    pub(super) fn gender_of(&self, entity: &Entity) -> Option<Gender> {
        let person = match entity {
            Entity::Person(p) => Some(self.table.person(*p)),
            _ => None,
        };
        if let Some(g) = person.and_then(|p| p.titled_gender) {
            return Some(g);
        }
        (self.genders_seen.iter())
            .find(|(e, _)| e == entity)
            .map(|&(_, g)| g)
            .or_else(|| person.and_then(|p| p.first_name_gender))
    }

    /// "It" or "they" whose sentence opened with a body: "Clinton’s campaign
    /// is seeking to contrast her approach with what they call …".
    pub(super) fn body_earlier_in_sentence(&self, p: Pronoun, at: usize) -> Option<String> {
        if !matches!(p, Pronoun::It | Pronoun::They) {
            return None;
        }
        let t = self.t;
        let lo = t.sentence_start(at)?;
        let body = |m: &Mention| match &m.referent {
            Referent::Name(name) if self.is_body_name(name) => Some(self.body_name(name)),
            Referent::Description { .. } => self.body_described(m),
            _ => None,
        };
        // ("Although the IMF did not …, it referenced": the subject of an
        // opening clause.)
        self.sentence_subject(lo, at)
            .filter(|m| m.last < at)
            .and_then(|m| body(&m))
            .or_else(|| {
                let m = self.subject_by_verb(lo, at, &|m| body(m).is_some())?;
                body(&m)
            })
    }

    /// Who a pronoun in sentence `sentence` points back to: the entity of
    /// its gender and number with the most salience.
    pub(super) fn resolve_pronoun(
        &self,
        p: Pronoun,
        sentence: usize,
        paragraph: usize,
    ) -> Option<Seen> {
        if matches!(p, Pronoun::I | Pronoun::We | Pronoun::You) {
            return None;
        }
        self.most_salient(sentence, paragraph, |s, gender| {
            if !fits(p, s) || !gender_fits(p, gender) {
                return 0.0;
            }
            // "He" and "she" are mostly people the article names: one it
            // does not name ("one questioner") must be clearly more salient.
            let unnamed = matches!(s.entity, Entity::Unnamed(_));
            if unnamed && matches!(p, Pronoun::He | Pronoun::She | Pronoun::Unsaid) {
                UNNAMED_PERSON_FACTOR
            } else {
                1.0
            }
        })
    }

    /// The entity with the most salience at `sentence`, each entity's
    /// salience weighed by `fit` (given its latest mention and its gender;
    /// 0 for an entity that cannot be meant).
    pub(super) fn most_salient(
        &self,
        sentence: usize,
        paragraph: usize,
        fit: impl Fn(&Seen, Option<Gender>) -> f32,
    ) -> Option<Seen> {
        // Salience per entity: its strongest mention (the subject of the
        // last sentence outweighs the protagonist named further back), then
        // the sum of all its mentions, then its latest mention.
        // (In a list kept for the next pronoun: one is asked for every
        // pronoun and description, and an article holds a few dozen entities.)
        let mut scored = self.salience_scratch.take();
        scored.clear();
        // (The mentions are in text order: reading back, the window's end
        // is where to stop.)
        for (k, s) in self.seen.iter().enumerate().rev() {
            let back = self.sentences_between(s.sentence, sentence);
            if back > LOOK_BACK_SENTENCES
                || paragraph.saturating_sub(s.paragraph) > LOOK_BACK_PARAGRAPHS
            {
                break;
            }
            let weight = s.role.weight() * DECAY_PER_SENTENCE.powi(back as i32);
            match scored.iter_mut().find(|(e, _)| *e == s.entity) {
                Some((_, found)) => {
                    found.strongest = found.strongest.max(weight);
                    found.total += weight;
                }
                None => scored.push((
                    s.entity,
                    Salience {
                        strongest: weight,
                        total: weight,
                        latest: k,
                    },
                )),
            }
        }
        let best = scored
            .iter()
            .filter_map(|(entity, found)| {
                let fit = fit(&self.seen[found.latest], self.gender_of(entity));
                let weighed = Salience {
                    strongest: found.strongest * fit,
                    total: found.total * fit,
                    latest: found.latest,
                };
                (fit > 0.0).then_some((weighed, *entity))
            })
            .max_by(|(a, _), (b, _)| {
                let key = |x: &Salience| (x.strongest, self.seen[x.latest].role, x.total, x.latest);
                key(a).partial_cmp(&key(b)).unwrap_or(Ordering::Equal)
            });
        self.salience_scratch.set(scored);
        let (Salience { latest: k, .. }, entity) = best?;
        let mut found = self.seen[k];
        found.gender = self.gender_of(&entity);
        Some(found)
    }

    /// Remember who the sentence was about: its speaker, its subject and the
    /// people and bodies it names.
    pub(super) fn record_sentence(
        &mut self,
        s: usize,
        lo: usize,
        hi: usize,
        speaker: Option<Seen>,
    ) {
        let t = self.t;
        let paragraph = t.toks[lo].paragraph;
        // The sentence's subject, when it is not a quotation's speaker.
        let subject: Option<Mention> = match speaker {
            Some(_) => None,
            None => self.sentence_subject(lo, hi),
        };
        let in_subject = |i: usize| {
            subject
                .as_ref()
                .is_some_and(|m| m.first <= i && i <= m.last)
        };
        // (In a list kept for the next sentence.)
        let mut names = std::mem::take(&mut self.names_scratch);
        names.clear();
        let mut i = lo;
        while i < hi {
            if t.is_capitalised(i) && !self.t.classes(i).is_capitalised_function_word() {
                let mut last = run_end(t, i).min(hi - 1);
                // "Port Averill mayor Ilona Varga": a place or body, a role,
                // then the person, who is the one the sentence names.
                let mut k = last + 1;
                while k < hi
                    && k <= last + 3
                    && t.is_word(k)
                    && !t.is_capitalised(k)
                    && self.t.classes(k).is_title()
                {
                    k += 1;
                }
                if k > last + 1
                    && k < hi
                    && t.is_capitalised(k)
                    && !self.t.classes(k).is_capitalised_function_word()
                {
                    last = run_end(t, k).min(hi - 1);
                }
                let after_preposition = self.after_preposition(i, last, lo, hi);
                // ("Donald Trump’s campaign is defending": the campaign is
                // the subject, its owner only named.)
                let possessive = self.ends_in_possessive_s(last);
                let role = if !possessive && self.reports(i, last, lo, hi) {
                    Role::Speaker
                } else if (in_subject(i) || in_subject(last)) && !possessive {
                    Role::Subject
                } else if after_preposition {
                    Role::Oblique
                } else {
                    Role::Other
                };
                if let Some(seen) = self.named_in(i, last, role, after_preposition, s, paragraph) {
                    names.push(seen);
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        // "One person familiar with the conversation said …": a source the
        // article does not name, reporting — whom "they added" points to.
        let reporting = (speaker.is_none())
            .then(|| self.unnamed_reporting(lo, hi))
            .flatten();
        if let Some(m) = reporting.as_ref() {
            if let Referent::Description { head, .. } = &m.referent {
                let unnamed = !self.is_definite_role(m) && self.body_described(m).is_none();
                if unnamed {
                    names.push(Seen {
                        sentence: s,
                        paragraph,
                        entity: Entity::Unnamed(m.first),
                        gender: description_gender(head),
                        role: Role::Speaker,
                        organisation: false,
                        plural: crate::quote::clauses::is_plural_form(head),
                    });
                }
            }
        }
        // "Donald Trump’s campaign is defending …": a body described.
        if let Some(body) = subject.as_ref().and_then(|m| self.body_described(m)) {
            names.push(Seen {
                sentence: s,
                paragraph,
                entity: self.named_entity(&body),
                gender: None,
                role: Role::Subject,
                organisation: true,
                plural: false,
            });
        }
        // A sentence about "he" keeps that person salient.
        if let Some(m) = &subject {
            if let Referent::Pronoun(p) = m.referent {
                if let Some(prev) = self.resolve_pronoun(p, s, paragraph) {
                    names.push(Seen {
                        sentence: s,
                        paragraph,
                        role: Role::Subject,
                        gender: prev.gender.or(pronoun_gender(p)),
                        ..prev
                    });
                }
            }
        }
        if let Some(sp) = speaker {
            names.push(sp);
        }
        for s in &names {
            if let Some(g) = s.gender {
                match self.genders_seen.iter_mut().find(|(e, _)| *e == s.entity) {
                    Some(known) => known.1 = g,
                    None => self.genders_seen.push((s.entity, g)),
                }
            }
        }
        self.seen.append(&mut names);
        self.names_scratch = names;
    }

    /// Whether the name `first..=last` is the subject of a reporting verb
    /// in its sentence `lo..hi` — "X said that …", "…, noted NBC’s X" —
    /// and so a speaker, though of words given without quote marks.
    fn reports(&self, first: usize, last: usize, lo: usize, hi: usize) -> bool {
        let t = self.t;
        let mut after = last + 1;
        // ("Darran Whiting of Liberty Baptist Church in Marion, said": past
        // where they are from, to the comma before the verb.)
        if t.is_word(after) && matches!(self.lower(after), "of" | "from" | "at") {
            if let Some(comma) = (after..hi.min(after + 10)).find(|&k| t.is_punct(k, ",")) {
                after = comma;
            }
        }
        // (Only for a name that opens its clause: "a supporter of Mr.
        // Trump, said" is somebody else's verb.)
        let opens_clause = first == lo || !t.is_word(first - 1);
        if t.is_punct(after, ",") && opens_clause {
            after += 1;
        }
        while after < hi && t.is_word(after) && self.t.classes(after).is_cue_modifier() {
            after += 1;
        }
        let finite = |k: usize| {
            k < hi
                && t.is_word(k)
                && !t.is_capitalised(k)
                && self.t.classes(k).cue_form() == Some(CueForm::Finite)
        };
        let mut before = first;
        // ("noted NBC’s Dante Chinni", "said Sun's chief operating officer
        // Jonathan Schwartz": past the role and the body it is at.)
        while before > lo
            && first - before < 8
            && t.is_word(before - 1)
            && (t.is_capitalised(before - 1)
                || self.t.classes(before - 1).is_title()
                || (t.is_word(before) && self.t.classes(before).is_title()))
        {
            before -= 1;
        }
        // ("McLenney said Clinton doesn’t …": an inverted subject closes
        // its clause.)
        let closes = !t.is_word(last + 1);
        finite(after)
            || (closes
                && before > lo
                && finite(before - 1)
                && self.t.classes(before - 1).is_inverting_cue())
    }

    /// "One person familiar with the conversation said that …": a sentence
    /// that opens with a description and its reporting verb.
    fn unnamed_reporting(&self, lo: usize, hi: usize) -> Option<Mention> {
        let t = self.t;
        let first = (lo..hi).find(|&i| t.is_word(i))?;
        if !self.t.classes(first).is_determiner()
            || matches!(
                self.lower(first),
                "the" | "his" | "her" | "their" | "its" | "this" | "that" | "these" | "those"
            )
        {
            return None;
        }
        let cue = (first + 1..hi.min(first + 16)).find(|&k| {
            t.is_word(k)
                && !t.is_capitalised(k)
                && self.t.classes(k).cue_form() == Some(CueForm::Finite)
        })?;
        if (first..cue).any(|k| !matches!(t.toks[k].kind, Kind::Word | Kind::Punct)) {
            return None;
        }
        classify(t, first, cue - 1).filter(|m| matches!(m.referent, Referent::Description { .. }))
    }

    /// Whether the name `first..=last` stands after a preposition ("agreed
    /// with Matthews", "at the National Review"), and not as the subject of
    /// an absolute clause ("with Hillary Clinton — who … — lambasting").
    fn after_preposition(&self, first: usize, last: usize, lo: usize, hi: usize) -> bool {
        let t = self.t;
        let mut p = first;
        if p > lo && t.is_word(p - 1) && self.t.classes(p - 1).is_determiner() {
            p -= 1;
        }
        if !(p > lo && t.is_word(p - 1) && self.t.classes(p - 1).is_preposition()) {
            return false;
        }
        let absolute = self.lower(p - 1) == "with"
            && self
                .word_past_aside(last + 1, hi)
                .is_some_and(|k| self.lower(k).ends_with("ing"));
        !absolute
    }

    /// The first word from `at` on, past an aside between dashes.
    fn word_past_aside(&self, at: usize, hi: usize) -> Option<usize> {
        let t = self.t;
        let dash = |k: usize| t.toks[k].kind == Kind::Punct && is_dash(t.text(k));
        let mut k = at;
        if k < hi && dash(k) {
            k = (k + 1..hi.min(k + 30)).find(|&d| dash(d))? + 1;
        }
        (k..hi).find(|&j| t.is_word(j))
    }

    /// The person or body the capitalised run `first..=last` names, if the
    /// discourse tracks it.
    fn named_in(
        &self,
        first: usize,
        last: usize,
        role: Role,
        after_preposition: bool,
        sentence: usize,
        paragraph: usize,
    ) -> Option<Seen> {
        // ("Wines believes", the sentence's subject, may be "Leslie Wimes"
        // misspelt, though a word in -s opening a sentence reads as a noun.)
        let misspelt = (first == last && role >= Role::Subject)
            .then(|| self.table.resolve_name_loosely(self.t.text(first)))
            .flatten();
        let m = classify(self.t, first, last)?;
        let seen = |entity: Entity, organisation: bool| Seen {
            sentence,
            paragraph,
            gender: None,
            entity,
            role,
            organisation,
            plural: false,
        };
        // (The sentence's subject may be misspelt: "Wines believes" after
        // "Leslie Wimes".)
        let person = |p: usize| {
            let mut found = seen(Entity::Person(p), false);
            found.gender = self.table.person(p).titled_gender;
            Some(found)
        };
        // ("Holmsen" after "die Firma Holmsen" is that body.)
        let body_of = |p: usize| {
            let full = &self.table.person(p).name;
            opens_on_body_word(full).then(|| seen(self.named_entity(full), true))
        };
        if let Some(p) = misspelt {
            return body_of(p).or_else(|| person(p));
        }
        let Referent::Name(name) = m.referent else {
            return None;
        };
        let name = name.as_str();
        let found = if role < Role::Subject {
            self.table.resolve_name(name)
        } else if first == last && name == self.t.text(first) {
            None // (asked loosely above)
        } else {
            self.table.resolve_name_loosely(name)
        };
        if let Some(p) = found {
            return body_of(p).or_else(|| person(p));
        }
        if ends_on_body_word(name) || description::is_acronym(name) {
            let body = self.body_name(name);
            return Some(seen(self.named_entity(&body), true));
        }
        // "Russia said": a country speaks as a body does.
        // ("Valley farmers fear …": a word opening the sentence that the
        // article writes in lowercase elsewhere is no place's name.)
        let place = || is_place_phrase(name) && (first < last || self.t.is_proper(first));
        if !after_preposition && role == Role::Subject && place() {
            return Some(seen(self.named_entity(name), true));
        }
        // "Politifact did a fact-check …; they published": a one-word name
        // no person of the article has, as the subject, may be a body that
        // "it" or "they" points back to.
        let proper = self.t.is_proper(first);
        if !name.contains(' ') && !after_preposition && role >= Role::Subject && proper {
            return Some(seen(self.named_entity(name), true));
        }
        None
    }
}

/// Whether a mention can be what the pronoun points to, by kind and number.
fn fits(p: Pronoun, s: &Seen) -> bool {
    let unnamed = matches!(s.entity, Entity::Unnamed(_));
    match p {
        Pronoun::He | Pronoun::She | Pronoun::Unsaid => !s.organisation && !s.plural,
        Pronoun::It => s.organisation,
        Pronoun::They => s.organisation || s.plural || unnamed,
        Pronoun::I | Pronoun::We | Pronoun::You => false,
    }
}

/// Whether an entity of `gender` can be "he" or "she".
fn gender_fits(p: Pronoun, gender: Option<Gender>) -> bool {
    match p {
        Pronoun::He => gender != Some(Gender::Female),
        Pronoun::She => gender != Some(Gender::Male),
        _ => true,
    }
}

/// The gender a pronoun tells.
pub(super) fn pronoun_gender(p: Pronoun) -> Option<Gender> {
    match p {
        Pronoun::He => Some(Gender::Male),
        Pronoun::She => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a description's head tells: "spokeswoman", "the congressman".
pub(super) fn description_gender(head: &str) -> Option<Gender> {
    title_gender(head)
}
