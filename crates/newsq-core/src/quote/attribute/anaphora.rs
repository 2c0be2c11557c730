//! A reporting clause that points back (`[statement.anaphors]`): "Die
//! Brücke bleibt bis Mai gesperrt. Dies teilte die Stadt am Montag mit." —
//! the cue's clause has no statement of its own; a word standing for what
//! was said ("dies", "об этом", "lo", "to") makes the sentence before its
//! statement.

use super::reported::ReportedSource;
use super::Attributor;
use crate::quote::lexicon::active;
use crate::quote::mentions::{classify, Mention, Referent};
use crate::quote::tokens::Kind;

/// The words after the source that still close the clause: adjuncts and a
/// separable verb's particle ("am Montag in Berlin mit").
const MAX_TAIL_TOKENS: usize = 8;

impl Attributor<'_, '_> {
    /// The statement the sentence `lo..hi` refers back to with an anaphor
    /// of `[statement.anaphors]` by its cue at `k`, with the cue's source:
    /// the sentence before (in its paragraph or the one before), when the
    /// cue's own clause holds only the anaphor, the source and adjuncts.
    /// `None` when the sentence points back to nothing.
    pub(super) fn statement_referred_back(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
    ) -> Option<ReportedSource> {
        // (The anaphor, a preposition and an auxiliary: "Об этом", "Lo ha",
        // "Así lo".)
        const MAX_BEFORE_CUE: usize = 3;
        let t = self.t;
        let lexicon = active();
        let anaphors = &lexicon.statement_anaphors;
        if anaphors.is_empty() || k < lo || k - lo > MAX_BEFORE_CUE + 1 {
            return None;
        }
        // A denial reports the opposite of the sentence before: "Das
        // dementierte ein Sprecher."
        if lexicon.denial_cues.contains(&t.lower(k)) || self.not_said(k, lo) {
            return None;
        }
        // (A question points back to nothing said.)
        let last_token = (lo..hi).rev().find(|&j| t.toks[j].kind != Kind::Break)?;
        if t.is_punct(last_token, "?") {
            return None;
        }
        let is_anaphor = |j: usize| t.is_word(j) && anaphors.contains(&t.lower(j));
        let filler = |j: usize| {
            t.is_word(j) && {
                let classes = t.classes(j);
                classes.is_preposition() || classes.is_cue_modifier()
            }
        };
        // Before the cue: the anaphor, with its preposition and
        // auxiliaries ("Dies", "Об этом", "Lo ha", "Así lo"); or nothing,
        // the anaphor right after a cue that opens the sentence, where a
        // capital does not make a noun ("Uvedl to", "Сообщил об этом").
        let before = || (lo..k).filter(|&j| t.toks[j].kind != Kind::Break);
        let mut subject_from = k + 1;
        if before().next().is_none() {
            if lexicon.settings.nouns_capitalised {
                return None;
            }
            let after = (k + 1..hi.min(k + 3)).find(|&j| !filler(j))?;
            if !is_anaphor(after) {
                return None;
            }
            subject_from = after + 1;
        } else if !(before().any(is_anaphor) && before().all(|j| is_anaphor(j) || filler(j))) {
            return None;
        }
        let subject_from = self.past_modifiers(subject_from, hi, 2);
        let (first, last) = self.subject_phrase_after(subject_from, hi)?;
        let mention = classify(t, first, last)?;
        // (The anaphor is the object: the phrase after the verb is its
        // subject, unless its case says otherwise.)
        if self.in_oblique_case(&mention) {
            return None;
        }
        // (The subject's name in apposition: "teilte der Sprecher, Ole Berg, mit".)
        let mention = match mention.referent {
            Referent::Description { .. } => {
                self.name_in_apposition(&mention, hi).unwrap_or(mention)
            }
            _ => mention,
        };
        if !self.closes_after_source(&mention, hi) {
            return None;
        }
        let parts = self.sentence_before(lo)?;
        Some(ReportedSource {
            mention,
            cue: k,
            parts,
            nested: false,
        })
    }

    /// Whether nothing but adjuncts and a particle follows the source to
    /// the sentence's end.
    fn closes_after_source(&self, mention: &Mention, hi: usize) -> bool {
        let t = self.t;
        let tail = mention.last + 1..hi;
        if tail.clone().all(|j| !t.is_word(j)) {
            return true;
        }
        if tail.len() > MAX_TAIL_TOKENS {
            return false;
        }
        tail.clone().all(|j| match t.toks[j].kind {
            Kind::Word => {
                let classes = t.classes(j);
                !(classes.is_complementiser()
                    || classes.is_not_said()
                    || classes.is_clause_opener()
                    || classes.cue_form().is_some()
                    || classes.pronoun().is_some())
            }
            Kind::Punct => !matches!(t.text(j), ":" | ";"),
            _ => false,
        })
    }

    /// The sentence before the one opening at `lo`, past paragraph breaks,
    /// as a statement's parts (its words, no closing punctuation): none when
    /// it is the headline's, a question, or holds a quotation or a cue of
    /// its own (what it says has a source already, or is no statement).
    fn sentence_before(&self, lo: usize) -> Option<Vec<(usize, usize)>> {
        // (Sentences of a paragraph break alone, between the two.)
        const MAX_BREAKS: usize = 2;
        let t = self.t;
        let index = t.toks.get(lo)?.sentence;
        let (plo, phi) = (1..=MAX_BREAKS + 1)
            .filter_map(|back| index.checked_sub(back))
            .filter_map(|i| t.sentences.get(i).copied())
            .find(|&(f, l)| (f..l).any(|j| t.toks[j].kind != Kind::Break))?;
        if plo < t.headline_end {
            return None;
        }
        let own_source = (plo..phi).any(|j| match t.toks[j].kind {
            Kind::Quote(_) => true,
            Kind::Punct => t.text(j) == "?",
            Kind::Word => {
                let classes = t.classes(j);
                !t.is_capitalised(j) && (classes.is_reporting_cue() || classes.cue_form().is_some())
            }
            Kind::Break => false,
        });
        if own_source {
            return None;
        }
        let first = self.content_start(plo, phi)?;
        let last = (first..phi)
            .rev()
            .find(|&j| t.toks[j].kind != Kind::Break)?;
        self.checked(vec![(first, last)])
    }
}
