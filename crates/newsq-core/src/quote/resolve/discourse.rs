//! The discourse: who each sentence is about, so that "he" and "she" find
//! the person they point back to.

use super::Resolver;
use crate::quote::clauses::{ends_on_body_word, is_preposition};
use crate::quote::lexicon::{is_capitalised_function_word, is_title, Gender, Pronoun};
use crate::quote::mentions::{classify, run_end, Referent};

/// A person or group mentioned, as far as pronoun resolution needs to know.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    pub sentence: usize,
    pub paragraph: usize,
    pub speaker: Option<String>,
    pub gender: Option<Gender>,
    /// Grammatical subject of its sentence, or a speaker.
    pub subject: bool,
    pub organisation: bool,
}

impl Resolver<'_, '_> {
    /// "Carter said the plan stood, but he also warned …": a he or she whose
    /// sentence has already named its subject.
    pub(super) fn subject_earlier_in_sentence(&self, p: Pronoun, at: usize) -> Option<usize> {
        if !matches!(p, Pronoun::He | Pronoun::She) {
            return None;
        }
        let t = self.t;
        let lo = t.sentences.get(t.toks.get(at)?.sentence)?.0;
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
        let person = self.table.resolve_name(name)?;
        let gender = self.table.person(person).gender;
        let compatible = match p {
            Pronoun::He => gender != Some(Gender::Female),
            _ => gender != Some(Gender::Male),
        };
        compatible.then_some(person)
    }

    /// The person a pronoun points back to: the subject of a recent sentence
    /// first, then any recent mention, of a compatible gender.
    pub(super) fn resolve_pronoun(
        &self,
        p: Pronoun,
        sentence: usize,
        paragraph: usize,
    ) -> Option<&Seen> {
        let compatible = |s: &&Seen| match p {
            Pronoun::He => {
                s.gender != Some(Gender::Female) && !s.organisation && s.speaker.is_some()
            }
            Pronoun::She => {
                s.gender != Some(Gender::Male) && !s.organisation && s.speaker.is_some()
            }
            Pronoun::It => s.organisation,
            Pronoun::They => true,
            Pronoun::I | Pronoun::We | Pronoun::You => false,
        };
        let recent = |s: &&Seen| {
            sentence.saturating_sub(s.sentence) <= 4 && paragraph.saturating_sub(s.paragraph) <= 2
        };
        // Exact gender beats unknown gender within the same tier.
        let exact = |s: &&Seen| match p {
            Pronoun::He => s.gender == Some(Gender::Male),
            Pronoun::She => s.gender == Some(Gender::Female),
            _ => true,
        };
        let subjects = || {
            self.seen
                .iter()
                .rev()
                .filter(|s| s.subject)
                .filter(recent)
                .filter(compatible)
        };
        if matches!(p, Pronoun::She | Pronoun::He) {
            if let Some(s) = subjects().find(exact) {
                // A nearer subject of unknown gender still wins when it is the very last.
                if let Some(n) = subjects().next() {
                    if n.gender.is_none() && n.sentence > s.sentence {
                        return Some(n);
                    }
                }
                return Some(s);
            }
        }
        subjects()
            .next()
            .or_else(|| self.seen.iter().rev().filter(recent).find(compatible))
    }

    /// Remember who the sentence was about: its speaker, else its subject and
    /// the people it names.
    pub(super) fn record_sentence(
        &mut self,
        s: usize,
        lo: usize,
        hi: usize,
        speaker: Option<Seen>,
    ) {
        let t = self.t;
        let paragraph = t.toks[lo].paragraph;
        let mut names: Vec<Seen> = Vec::new();
        let mut i = lo;
        let mut subject_taken = speaker.is_some();
        while i < hi {
            if t.is_capitalised(i) && !is_capitalised_function_word(self.lower(i)) {
                let mut last = run_end(t, i).min(hi - 1);
                // "Port Averill mayor Ilona Varga": a place or body, a role,
                // then the person, who is the one the sentence names.
                let mut k = last + 1;
                while k < hi
                    && k <= last + 3
                    && t.is_word(k)
                    && !t.is_capitalised(k)
                    && is_title(self.lower(k))
                {
                    k += 1;
                }
                if k > last + 1
                    && k < hi
                    && t.is_capitalised(k)
                    && !is_capitalised_function_word(self.lower(k))
                {
                    last = run_end(t, k).min(hi - 1);
                }
                let after_preposition =
                    i > lo && t.is_word(i - 1) && is_preposition(self.lower(i - 1));
                if let Some(m) = classify(t, i, last) {
                    if let Referent::Name(name) = &m.referent {
                        let person = self.table.resolve_name(name);
                        let organisation = person.is_none() && ends_on_body_word(name);
                        if person.is_some() || organisation {
                            let subject = !subject_taken && !after_preposition;
                            subject_taken |= subject;
                            names.push(Seen {
                                sentence: s,
                                paragraph,
                                speaker: Some(person.map_or_else(
                                    || name.clone(),
                                    |p| self.table.person(p).name.clone(),
                                )),
                                gender: person.and_then(|p| self.table.person(p).gender),
                                subject,
                                organisation,
                            });
                        }
                    }
                }
                i = last + 1;
                continue;
            }
            // A sentence about "he" keeps that person salient.
            if !subject_taken
                && t.is_word(i)
                && matches!(self.lower(i), "he" | "she")
                && (i == lo || !t.is_word(i - 1) || !is_preposition(self.lower(i - 1)))
            {
                let p = if self.lower(i) == "he" {
                    Pronoun::He
                } else {
                    Pronoun::She
                };
                if let Some(prev) = self.resolve_pronoun(p, s, paragraph).cloned() {
                    names.push(Seen {
                        sentence: s,
                        paragraph,
                        subject: true,
                        ..prev
                    });
                    subject_taken = true;
                }
            }
            i += 1;
        }
        self.seen.extend(names);
        if let Some(sp) = speaker {
            self.seen.push(sp);
        }
    }
}
