//! Who each quotation's source is: a name to the fullest form the article
//! gives, a pronoun to the person it points back to, a description to the
//! name the article binds it to, a document to its author. Runs after the
//! cue finder (`super::attribute`), in text order, keeping track of who the
//! article is talking about.

mod description;
mod discourse;
mod document;

use super::attribute::{ReportedSource, Source, Sources};
use super::clauses::{ends_on_body_word, opens_on_body_word, Clauses};
use super::lexicon::{is_medium_word, with_lowercase, Gender, Pronoun};
use super::marks::QuotedSpan;
use super::mentions::{strip_possessive, Mention, Referent};
use super::tokens::{Kind, Tokens};
use super::SpeakerFrom;
use discourse::{description_gender, pronoun_gender, Entity, Role, Seen};
use std::cell::RefCell;
use std::collections::HashMap;

/// The outcome for one quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The resolved name, or None (unknown, anonymous, an unresolved pronoun).
    pub speaker: Option<String>,
    /// The mention as written ("Mr Trump", "he", "one person familiar with the call").
    pub mention: Option<String>,
    pub cue: Option<String>,
    /// How the speaker was found.
    pub speaker_from: Option<SpeakerFrom>,
    /// This quotation and the next are one split quotation (“…,” she said, “…”).
    pub continues_in_next: bool,
}

/// A mention resolved: the name to give, and who the discourse should
/// remember as having spoken.
#[derive(Debug, Clone)]
struct Resolved {
    speaker: Option<String>,
    entity: Option<Entity>,
    gender: Option<Gender>,
    organisation: bool,
    plural: bool,
    from: SpeakerFrom,
}

impl Resolved {
    fn person(r: &Resolver<'_, '_>, p: usize, from: SpeakerFrom) -> Resolved {
        let person = r.table.person(p);
        Resolved {
            speaker: Some(person.name.clone()),
            entity: Some(Entity::Person(p)),
            gender: person.titled_gender,
            organisation: false,
            plural: false,
            from,
        }
    }

    fn body(r: &Resolver<'_, '_>, name: String, from: SpeakerFrom) -> Resolved {
        Resolved {
            entity: Some(r.named_entity(&name)),
            speaker: Some(name),
            gender: None,
            organisation: true,
            plural: false,
            from,
        }
    }

    fn nobody(from: SpeakerFrom) -> Resolved {
        Resolved {
            speaker: None,
            entity: None,
            gender: None,
            organisation: false,
            plural: false,
            from,
        }
    }
}

/// How many sentences back the person a bare role points to was named.
const ROLE_LOOK_BACK: usize = 3;

/// How many sentences back a person the article gave the role may be
/// named for the role to be theirs rather than the passage's subject's.
const BOUND_ROLE_LOOK_BACK: usize = 5;

/// A head noun of several people: "officials", "sources", "people".
fn is_plural_head(head: &str) -> bool {
    (head.ends_with('s') && !head.ends_with("ss"))
        || matches!(head, "people" | "police" | "staff" | "crowd" | "public")
}

struct Resolver<'t, 'a> {
    c: Clauses<'t, 'a>,
    /// Who the article has talked about so far, sentence by sentence.
    seen: Vec<Seen>,
    /// Each entity's latest gender in `seen` (the one a pronoun gave it),
    /// kept beside it so that asking needs no walk through `seen`.
    genders_seen: Vec<(Entity, Gender)>,
    /// The documents named so far with their authors, for "the report".
    documents: RefCell<Vec<document::Document>>,
    /// The names the discourse has met that are no person of the table
    /// (bodies, countries, one-word names): `Entity::Named` indexes them.
    named: RefCell<Vec<String>>,
    /// Each entity's salience, as `most_salient` works it out (kept for
    /// the next call).
    salience_scratch: std::cell::Cell<Vec<(Entity, discourse::Salience)>>,
    /// The people and bodies a sentence names, as `record_sentence` finds
    /// them (kept for the next sentence).
    names_scratch: Vec<Seen>,
    /// Acronyms looked up so far, with the name the article spells them
    /// out as ("IMF" → "International Monetary Fund").
    spelt_out_acronyms: RefCell<Vec<(String, Option<String>)>>,
}

impl Resolver<'_, '_> {
    /// The entity of a name no person of the table has.
    fn named_entity(&self, name: &str) -> Entity {
        let mut named = self.named.borrow_mut();
        let k = named.iter().position(|n| n == name).unwrap_or_else(|| {
            named.push(name.to_string());
            named.len() - 1
        });
        Entity::Named(k)
    }

    /// The name to give an entity (none for a source the article does not name).
    fn speaker_of(&self, entity: Entity) -> Option<String> {
        match entity {
            Entity::Person(p) => Some(self.table.person(p).name.clone()),
            Entity::Named(k) => self.named.borrow().get(k).cloned(),
            Entity::Unnamed(_) => None,
        }
    }

    /// Whether the entity has a name and `test` holds for it (the name lent, not copied).
    fn name_is(&self, entity: Entity, test: impl FnOnce(&str) -> bool) -> bool {
        match entity {
            Entity::Person(p) => test(&self.table.person(p).name),
            Entity::Named(k) => self.named.borrow().get(k).is_some_and(|n| test(n)),
            Entity::Unnamed(_) => false,
        }
    }

    /// How many sentences stand between sentence `from` and `to`.
    fn sentences_between(&self, from: usize, to: usize) -> usize {
        to.saturating_sub(from)
    }
}

/// The resolver reads clauses as the cue finder does.
impl<'t, 'a> std::ops::Deref for Resolver<'t, 'a> {
    type Target = Clauses<'t, 'a>;

    fn deref(&self) -> &Clauses<'t, 'a> {
        &self.c
    }
}

/// Name the speaker of every quotation (the first result, parallel to the
/// spans) and of every reported statement (the second, parallel to
/// `reported`), in one pass through the text: a statement's pronoun may
/// point to the speaker of a quotation before it.
pub(crate) fn resolve(
    c: Clauses<'_, '_>,
    sources: &Sources,
    reported: &[ReportedSource],
) -> (Vec<Attribution>, Vec<Attribution>) {
    let t = c.t;
    let spans = c.spans;
    let mut r = Resolver {
        c,
        seen: Vec::new(),
        genders_seen: Vec::new(),
        documents: RefCell::new(Vec::new()),
        spelt_out_acronyms: RefCell::new(Vec::new()),
        named: RefCell::new(Vec::new()),
        salience_scratch: std::cell::Cell::new(Vec::new()),
        names_scratch: Vec::new(),
    };
    // What a sentence's record adds is read only by the pronouns and
    // descriptions of quotations after it (a name needs the entity table
    // alone): the sentences from the last such quotation's on need none.
    let reads_discourse = |q: usize| {
        matches!(
            sources.of_quote.get(q),
            Some(Some(Source::Mention { mention, .. }))
                if !matches!(mention.referent, Referent::Name(_))
        )
    };
    let last_quote_sentence = (t.quote_tok.iter().enumerate())
        .filter(|&(q, _)| reads_discourse(q))
        .filter_map(|(_, &i)| t.toks.get(i?))
        .map(|tok| tok.sentence)
        .max();
    let last_reported_sentence = (reported.iter())
        .filter(|r| !matches!(r.mention.referent, Referent::Name(_)))
        .map(|r| t.toks[r.cue].sentence)
        .max();
    let last_sentence = last_quote_sentence.max(last_reported_sentence);
    let mut out: Vec<Attribution> = vec![Attribution::default(); spans.len()];
    let mut out_reported: Vec<Attribution> = Vec::with_capacity(reported.len());
    let mut next_reported = reported.iter().peekable();
    for s in 0..t.sentences.len() {
        let (lo, hi) = t.sentences[s];
        let mut speaker_here: Option<Seen> = None;
        for i in lo..hi {
            // The statements whose cue comes first, in text order.
            // (They read the discourse but do not steer it: the speakers of
            // quotations keep the say over whom a later "he" means.)
            while let Some(statement) = next_reported.next_if(|r| r.cue <= i) {
                out_reported.push(r.resolve_reported(statement));
            }
            let Kind::Quote(q) = t.toks[i].kind else {
                continue;
            };
            let Some(source) = &sources.of_quote[q] else {
                continue;
            };
            let (att, seen) = r.resolve_source(source, i, &out);
            out[q] = att;
            if let Some(seen) = seen {
                speaker_here = Some(seen);
            }
        }
        if last_sentence.is_some_and(|last| s < last) {
            r.record_sentence(s, lo, hi, speaker_here);
        }
    }
    for statement in next_reported {
        out_reported.push(r.resolve_reported(statement));
    }
    for (att, &continues) in out.iter_mut().zip(&sources.continues_in_next) {
        att.continues_in_next = continues;
    }
    repeated_quotations(t, spans, &mut out);
    (out, out_reported)
}

impl Resolver<'_, '_> {
    /// The attribution a source gives the quotation at token `quote_tok`,
    /// and who it makes salient; `out` holds the quotations before it.
    fn resolve_source(
        &self,
        source: &Source,
        quote_tok: usize,
        out: &[Attribution],
    ) -> (Attribution, Option<Seen>) {
        match source {
            Source::Mention {
                mention,
                cue,
                nested,
            } => {
                let (mut att, seen) = self.resolve_mention(mention, *cue, quote_tok);
                if *nested {
                    att.speaker_from = Some(SpeakerFrom::Nested);
                }
                (att, seen)
            }
            Source::Label { label, name } => {
                let speaker = self
                    .table
                    .resolve_name(name)
                    .map_or_else(|| name.clone(), |p| self.table.person(p).name.clone());
                let att = Attribution {
                    speaker: Some(speaker),
                    mention: Some(label.clone()),
                    cue: Some(":".into()),
                    speaker_from: Some(SpeakerFrom::Label),
                    continues_in_next: false,
                };
                (att, None)
            }
            Source::Carried(p) => (carried_on(&out[*p]), None),
            Source::Same(p) => (
                Attribution {
                    continues_in_next: false,
                    ..out[*p].clone()
                },
                None,
            ),
        }
    }

    /// A reported statement's speaker, as a quotation's with the same source.
    fn resolve_reported(&self, statement: &ReportedSource) -> Attribution {
        let (mut att, _) =
            self.resolve_mention(&statement.mention, Some(statement.cue), statement.cue);
        if statement.nested {
            att.speaker_from = Some(SpeakerFrom::Nested);
        }
        att
    }

    /// A mention's speaker: a name to its fullest form, a pronoun to the
    /// person it points back to, a description to the name bound to it.
    fn resolve_mention(
        &self,
        m: &Mention,
        cue: Option<usize>,
        quote_tok: usize,
    ) -> (Attribution, Option<Seen>) {
        let t = self.t;
        let tok = t.toks[quote_tok];
        let found = match &m.referent {
            Referent::Name(name) => self.resolve_name_mention(m, name),
            Referent::Pronoun(p) => {
                self.resolve_pronoun_mention(*p, m, tok.sentence, tok.paragraph)
            }
            Referent::Description { head, modifiers } => {
                self.resolve_description(m, head, modifiers, tok.sentence, tok.paragraph)
            }
        };
        let seen = found.entity.map(|entity| Seen {
            sentence: tok.sentence,
            paragraph: tok.paragraph,
            entity,
            gender: found.gender,
            role: Role::Speaker,
            organisation: found.organisation,
            plural: found.plural,
        });
        // (A cue of several words is given whole: "according to", "d'après".)
        let cue_text = cue.map(|cue| {
            let words = crate::quote::lexicon::active()
                .according_phrase_len(|i| t.is_word(cue + i).then(|| t.lower(cue + i)))
                .unwrap_or(1);
            let mut c = String::new();
            for i in cue..cue + words {
                let elided = c.ends_with(['\'', '’']);
                if !c.is_empty() && !elided {
                    c.push(' ');
                }
                c.push_str(t.text(i));
            }
            c
        });
        let att = Attribution {
            speaker: found.speaker,
            // (An unsaid subject has no words of its own.)
            mention: (!matches!(m.referent, Referent::Pronoun(Pronoun::Unsaid)))
                .then(|| self.phrase(m.first, m.last)),
            cue: cue_text,
            speaker_from: Some(found.from),
            continues_in_next: false,
        };
        (att, seen)
    }

    /// A name: the fullest form the article gives it.
    fn resolve_name_mention(&self, m: &Mention, name: &str) -> Resolved {
        if let Some(p) = self.table.resolve_name_loosely(name) {
            // ("Holmsen" after "die Firma Holmsen" is that body.)
            let full = &self.table.person(p).name;
            if opens_on_body_word(full) {
                return Resolved::body(self, full.clone(), SpeakerFrom::Name);
            }
            return Resolved::person(self, p, SpeakerFrom::Name);
        }
        if ends_on_body_word(name) {
            // "The Democratic National Committee": a body's name keeps the
            // words that are titles in a person's.
            let body = self
                .organisation_named(m)
                .unwrap_or_else(|| name.to_string());
            return Resolved::body(self, body, SpeakerFrom::Name);
        }
        if description::is_acronym(name) {
            return Resolved::body(self, self.body_name(name), SpeakerFrom::Name);
        }
        if let Some(p) = self.role_named(name, m.first) {
            // "The Argentine" after "Argentine David Nalbandian".
            return Resolved::person(self, p, SpeakerFrom::Description);
        }
        Resolved {
            speaker: Some(name.to_string()),
            entity: Some(self.named_entity(name)),
            gender: None,
            organisation: false,
            plural: false,
            from: SpeakerFrom::Name,
        }
    }

    /// A pronoun: the subject named earlier in its sentence, else the
    /// entity of its gender and number the discourse makes most salient.
    fn resolve_pronoun_mention(
        &self,
        p: Pronoun,
        m: &Mention,
        sentence: usize,
        paragraph: usize,
    ) -> Resolved {
        // („…“, heißt es in dem LSVD-Schreiben: the document's author.)
        let t = self.t;
        let impersonal = (m.first.saturating_sub(1)..=m.last + 1).any(|i| {
            t.is_word(i)
                && crate::quote::lexicon::active()
                    .impersonal_cues
                    .contains(&self.lower(i))
        });
        if p == Pronoun::It && impersonal {
            if let Some(found) = self.document_in_sentence(m) {
                return found;
            }
        }
        if let Some(body) = self.body_earlier_in_sentence(p, m.first) {
            let mut found = Resolved::body(self, body, SpeakerFrom::Pronoun);
            found.plural = p == Pronoun::They;
            return found;
        }
        if let Some(person) = self.subject_earlier_in_sentence(p, m.first) {
            let mut found = Resolved::person(self, person, SpeakerFrom::Pronoun);
            found.gender = found.gender.or(pronoun_gender(p));
            return found;
        }
        match self.resolve_pronoun(p, sentence, paragraph) {
            Some(s) => Resolved {
                speaker: self.speaker_of(s.entity),
                entity: Some(s.entity),
                gender: s.gender.or(pronoun_gender(p)),
                organisation: s.organisation,
                plural: s.plural,
                from: SpeakerFrom::Pronoun,
            },
            None => Resolved::nobody(SpeakerFrom::Pronoun),
        }
    }

    /// A description: the person a role is bound to, a document's author,
    /// the body an office speaks for; else no name.
    fn resolve_description(
        &self,
        m: &Mention,
        head: &str,
        modifiers: &[String],
        sentence: usize,
        paragraph: usize,
    ) -> Resolved {
        // "a spokesman for Acme" is nobody the article names: Acme speaks;
        // "spokesman for Acme" after "Ana Lopes," is Ana Lopes.
        let indefinite = self.is_indefinite(m);
        if indefinite {
            if let Some(found) = self.spokesperson_for(m, sentence, paragraph) {
                return found;
            }
        }
        // "the senator": of the people the article called so, the one it
        // is talking about — else, when none of them is, the person the
        // passage is about, if the role fits — else the one called so last.
        // ("a prefeita" is no Joaquim: a role that tells a gender binds
        // nobody of the other.)
        let gender = description_gender(head);
        let fits = |p: &usize| {
            let of_person = self.gender_of(&Entity::Person(*p));
            gender.is_none() || of_person.is_none() || of_person == gender
        };
        let bound: Vec<usize> = (self.table.bound_to_role(head, modifiers, m.first))
            .filter(fits)
            .collect();
        if let Some(&latest) = bound.first() {
            let talked_about = self
                .most_salient(sentence, paragraph, |s, _| {
                    f32::from(u8::from(
                        matches!(s.entity, Entity::Person(p) if bound.contains(&p)),
                    ))
                })
                .filter(|s| self.sentences_between(s.sentence, sentence) <= BOUND_ROLE_LOOK_BACK)
                .and_then(|s| match s.entity {
                    Entity::Person(p) => Some(p),
                    _ => None,
                });
            if let Some(p) = talked_about {
                return Resolved::person(self, p, SpeakerFrom::Description);
            }
            return self
                .person_talked_about(m, head, sentence, paragraph)
                .unwrap_or_else(|| Resolved::person(self, latest, SpeakerFrom::Description));
        }
        if !indefinite {
            if let Some(found) = self.spokesperson_for(m, sentence, paragraph) {
                return found;
            }
        }
        // "Axelrod’s memoir says", "the IMF report stated": the author's words.
        if let Some(author) = self.document_author(m, head) {
            return author;
        }
        // "Ryan’s office said": the office speaks for the person;
        // "The White House said": a body known by its name.
        if let Some(body) = self.body_described(m) {
            return Resolved::body(self, body, SpeakerFrom::Description);
        }
        // "the senator said", bound to nobody: the person the passage is
        // about, if the role fits them (a "mother" is no man).
        if let Some(found) = self.person_talked_about(m, head, sentence, paragraph) {
            return found;
        }
        // "the commission", "the company": the body of that name, else the
        // body the passage is about.
        // ("the government", "the administration": the one of the country
        // the story is about, not the last body named.)
        let governing = matches!(head, "government" | "administration" | "state" | "regime");
        if self.is_definite_body(m) && !governing {
            if let Some(found) =
                self.body_described_as(m.first, head, modifiers, sentence, paragraph)
            {
                return found;
            }
        }
        // Somebody the article does not name.
        Resolved {
            speaker: None,
            entity: Some(Entity::Unnamed(m.first)),
            gender: description_gender(head),
            organisation: false,
            plural: is_plural_head(head),
            from: SpeakerFrom::Description,
        }
    }

    /// "the commission", "the company": the body of that name before token
    /// `first`, else the body the passage is about.
    fn body_described_as(
        &self,
        first: usize,
        head: &str,
        modifiers: &[String],
        sentence: usize,
        paragraph: usize,
    ) -> Option<Resolved> {
        if let Some(body) = self.body_holding(head, first) {
            return Some(Resolved::body(self, body, SpeakerFrom::Description));
        }
        // (An outlet that reports is no body the story is about —
        // unless the description is of one: "the paper's editorial board".)
        let of_outlet = is_medium_word(head)
            || modifiers
                .iter()
                .any(|w| is_medium_word(strip_possessive(w)));
        let found = self.most_salient(sentence, paragraph, |s, _| {
            let outlet = !of_outlet
                && self.name_is(s.entity, |n| {
                    n.rsplit(' ')
                        .next()
                        .is_some_and(|w| with_lowercase(w, is_medium_word))
                });
            f32::from(u8::from(
                s.organisation && !outlet && !matches!(s.entity, Entity::Unnamed(_)),
            ))
        });
        let recent = |s: &Seen| self.sentences_between(s.sentence, sentence) <= ROLE_LOOK_BACK;
        let s = found.filter(recent)?;
        Some(Resolved {
            speaker: self.speaker_of(s.entity),
            entity: Some(s.entity),
            gender: None,
            organisation: true,
            plural: false,
            from: SpeakerFrom::Description,
        })
    }

    /// "the senator", "the gambling tycoon": the person the passage is
    /// about, named in the last few sentences, when the role fits them.
    fn person_talked_about(
        &self,
        m: &Mention,
        head: &str,
        sentence: usize,
        paragraph: usize,
    ) -> Option<Resolved> {
        if !self.is_definite_speaker(m) {
            return None;
        }
        let t = self.t;
        let lo = t.sentence_start(m.first).unwrap_or(m.first);
        let gender = description_gender(head);
        let found = self.most_salient(sentence, paragraph, |s, g| {
            let person = matches!(s.entity, Entity::Person(_) | Entity::Named(_));
            let fits = gender.is_none() || g.is_none() || g == gender;
            f32::from(u8::from(person && !s.organisation && !s.plural && fits))
        })?;
        if self.sentences_between(found.sentence, sentence) > ROLE_LOOK_BACK {
            return None;
        }
        // "At his cookout, the band leader called …": "his" is the person
        // the passage is about, and the band leader somebody else — unless
        // the sentence named that person before ("As Sanders …, the
        // Vermont senator acknowledged").
        let speaker = self.speaker_of(found.entity);
        let surname = speaker.as_deref().and_then(|n| n.rsplit(' ').next());
        let named_here =
            surname.is_some_and(|s| (lo..m.first).any(|i| t.is_word(i) && t.text(i) == s));
        let possessive_before =
            (lo..m.first).any(|i| t.is_word(i) && matches!(self.lower(i), "his" | "her"));
        if possessive_before && !named_here {
            return None;
        }
        Some(Resolved {
            speaker,
            entity: Some(found.entity),
            gender: found.gender,
            organisation: false,
            plural: false,
            from: SpeakerFrom::Description,
        })
    }

    /// The person a one-word name stands for when it is no one's name but
    /// a word said of somebody before their name earlier in the article.
    fn role_named(&self, name: &str, before: usize) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        with_lowercase(name, |lower| self.table.resolve_role(lower, &[], before))
    }
}

/// The speaker of an earlier quotation, carried on to one with no cue of
/// its own.
fn carried_on(prev: &Attribution) -> Attribution {
    Attribution {
        cue: None,
        speaker_from: Some(SpeakerFrom::Context),
        continues_in_next: false,
        ..prev.clone()
    }
}

/// A fingerprint of a quotation's words — lowercased, punctuation and
/// spacing ignored — and how many there are; none when it is a title
/// ("Tales From the Crypt"), with no lowercase word longer than a function
/// word. Hashed as read: no quotation's words are copied.
fn quotation_words(body: &str, span: &QuotedSpan) -> Option<(u64, usize)> {
    // FNV-1a: two copies of the same words collide by design, two different
    // sentences by a chance of one in 2^64.
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u32| {
        hash ^= u64::from(x);
        hash = hash.wrapping_mul(PRIME);
    };
    let (mut n, mut prose) = (0, false);
    // The current word's length in characters, and whether it began lowercase.
    let (mut len, mut lowercase) = (0usize, false);
    let parts = span
        .parts
        .iter()
        .map(|&(a, b)| body.get(a..b).unwrap_or(""));
    for c in parts.flat_map(|p| p.chars().chain(std::iter::once(' '))) {
        // (Most characters are ASCII: no Unicode tables asked for them.)
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric {
            if len == 0 {
                lowercase = c.is_lowercase();
                mix(u32::from(' '));
            }
            len += 1;
            if c.is_ascii() {
                mix(u32::from(c.to_ascii_lowercase()));
            } else {
                c.to_lowercase().for_each(|l| mix(u32::from(l)));
            }
        } else if len > 0 {
            n += 1;
            prose |= len > 3 && lowercase;
            len = 0;
        }
    }
    prose.then_some((hash, n))
}

/// A pull quote: web articles repeat a sentence of the story, set apart and
/// with no reporting clause, above or below the place where it is
/// attributed. The same words quoted twice are the same person's: a copy
/// with no cue of its own takes the speaker of the copy that has one.
fn repeated_quotations(t: &Tokens<'_>, spans: &[QuotedSpan], out: &mut [Attribution]) {
    // (Short phrases — "make America great again" — are quoted from several people.)
    const MIN_WORDS: usize = 4;
    // Copies of the same words are of about the same length: only such
    // pairs have their words compared, and most quotations none.
    let lengths: Vec<usize> = spans
        .iter()
        .map(|span| span.parts.iter().map(|&(a, b)| b.saturating_sub(a)).sum())
        .collect();
    // (Four words take at least a dozen bytes.)
    const MIN_BYTES: usize = 12;
    let alike = |a: usize, b: usize| a.abs_diff(b) <= a.max(b) / 8 + 2;
    // Each quotation's words, and the quotations of the same words by
    // their fingerprint: a quotation meets only its copies (a text of
    // thousands of quotations would otherwise pair each with each).
    let keys: Vec<Option<u64>> = (spans.iter())
        .map(|span| {
            quotation_words(t.body, span).and_then(|(key, n)| (n >= MIN_WORDS).then_some(key))
        })
        .collect();
    let mut copies: HashMap<u64, Vec<usize>> = HashMap::new();
    for (s, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            copies.entry(*key).or_default().push(s);
        }
    }
    // Worked out before any is given, so that a copy given a speaker gives none on.
    let mut given: Vec<(usize, usize)> = Vec::new();
    for q in 0..out.len() {
        if out[q].cue.is_some() || lengths[q] < MIN_BYTES {
            continue;
        }
        let Some(same_words) = keys.get(q).copied().flatten().and_then(|k| copies.get(&k)) else {
            continue;
        };
        // The copy whose speaker it takes: the first attributed by its own
        // cue, else the first carried by the discourse.
        let mut source: Option<usize> = None;
        let mut several = false;
        for &s in same_words {
            if s == q || out[s].speaker.is_none() || !alike(lengths[q], lengths[s]) {
                continue;
            }
            match source {
                None => source = Some(s),
                Some(src) => {
                    // Words two people are both reported saying are nobody's in particular.
                    several |= out[src].speaker != out[s].speaker;
                    if out[src].cue.is_none() && out[s].cue.is_some() {
                        source = Some(s);
                    }
                }
            }
        }
        let Some(src) = source.filter(|_| !several) else {
            continue;
        };
        // (A copy the discourse already gave a speaker yields only to a cue.)
        if out[src].cue.is_some() || out[q].speaker.is_none() {
            given.push((q, src));
        }
    }
    // (The copy keeps no cue: none reports it where it stands.)
    for (q, src) in given {
        out[q] = Attribution {
            continues_in_next: out[q].continues_in_next,
            ..carried_on(&out[src])
        };
    }
}
