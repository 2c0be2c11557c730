//! Sentences that sum up a speech act (`[cue.speech-act]`): "Merkel sprach
//! von einem Erfolg", "Die Gewerkschaft forderte höhere Löhne", "Der
//! Minister kündigte seinen Rücktritt an". The verb's object, not a clause,
//! says what was said; the sentence, in the writer's words, is a reported
//! statement of the verb's subject.

use super::reported::ReportedSource;
use super::Attributor;
use crate::quote::lexicon::{active, Pronoun, SpeechAct};
use crate::quote::mentions::{Mention, Referent};
use crate::quote::tokens::Kind;

/// How far after the verb the word it needs may stand ("sprach am Montag
/// in Berlin von …").
const MAX_TO_WORD: usize = 10;

impl Attributor<'_, '_> {
    /// The speech act summed up by the sentence `lo..hi`, when a verb of
    /// `[cue.speech-act]` (with its particle closing the clause, or the
    /// word it needs after it) has a subject that can speak: the whole
    /// sentence, with that subject as its source.
    pub(super) fn speech_act_in(&self, lo: usize, hi: usize) -> Option<ReportedSource> {
        let t = self.t;
        let lexicon = active();
        let acts = &lexicon.speech_acts;
        // (A sentence of hundreds of words is a list or a dump, not a
        // summary; reading its subjects would cost its length squared.)
        const MAX_TOKENS: usize = 150;
        if acts.is_empty() || lo < t.headline_end || hi.saturating_sub(lo) > MAX_TOKENS {
            return None;
        }
        // (Most sentences have no such verb: asked first.)
        let first_verb = (lo..hi)
            .find(|&k| t.is_word(k) && !t.is_capitalised(k) && !acts.of(t.lower(k)).is_empty())?;
        // A passive reports nobody ("Sie wurde zu sieben Jahren Haft
        // verurteilt"); a quotation is the statement itself ("Pflüger nannte
        // das Vorgehen einen „Affront“" says no more than its words).
        let passive_or_quoted = (lo..hi).any(|j| match t.toks[j].kind {
            Kind::Word => lexicon.passive_auxiliaries.contains(&t.lower(j)),
            Kind::Quote(_) => true,
            _ => false,
        });
        if passive_or_quoted {
            return None;
        }
        let (k, mention) = (first_verb..hi).find_map(|k| {
            if !t.is_word(k) || t.is_capitalised(k) {
                return None;
            }
            let entries = acts.of(t.lower(k));
            if !entries
                .iter()
                .any(|(_, act)| self.speech_act_holds(k, hi, act))
            {
                return None;
            }
            if self.not_said(k, lo) || self.denied_after(k, hi) || self.in_subclause(k, lo) {
                return None;
            }
            self.speech_act_subject(k, lo, hi).map(|m| (k, m))
        })?;
        let first = self.content_start(lo, hi)?;
        let last = (first..hi)
            .rev()
            .find(|&j| t.toks[j].kind != Kind::Break && !t.is_punct(j, "."))?;
        if t.is_punct(last, "?") {
            return None;
        }
        let parts = self.checked(vec![(first, last)])?;
        Some(ReportedSource {
            mention,
            cue: k,
            parts,
            nested: false,
        })
    }

    /// Whether the verb at `k` has what its entry needs: nothing, its
    /// particle closing the clause ("kündigte … an"), or a word after it in
    /// the clause ("sprach … von").
    fn speech_act_holds(&self, k: usize, hi: usize, act: &SpeechAct) -> bool {
        let t = self.t;
        // ("lobte eine Belohnung aus", "sprach den Mann frei": another
        // verb's particle closes the clause.)
        let other_particle = || {
            let last = (k + 1..hi).take_while(|&j| t.is_word(j)).last();
            last.is_some_and(|j| t.classes(j).is_cue_particle())
        };
        match act {
            SpeechAct::Alone | SpeechAct::Then(_) if other_particle() => false,
            SpeechAct::Alone => true,
            SpeechAct::Particle(pair) => self
                .closing_particle_of(k, hi, std::slice::from_ref(pair))
                .is_some(),
            SpeechAct::Then(word) => (k + 1..hi.min(k + 1 + MAX_TO_WORD))
                .take_while(|&j| t.is_word(j))
                .any(|j| t.lower(j) == *word),
        }
    }

    /// "nannte zunächst keine Namen", "äußerte sich nicht": a word of
    /// `[reported.not-said]` in the verb's clause after it.
    fn denied_after(&self, k: usize, hi: usize) -> bool {
        let t = self.t;
        (k + 1..hi)
            .take_while(|&j| t.is_word(j))
            .any(|j| t.classes(j).is_not_said())
    }

    /// "…, der Geld forderte": the verb closes a clause a comma and a
    /// determiner, relative or clause opener begin.
    fn in_subclause(&self, k: usize, lo: usize) -> bool {
        let t = self.t;
        let Some(comma) = (lo..k).rev().find(|&j| t.is_punct(j, ",")) else {
            return false;
        };
        comma + 1 < k && t.is_word(comma + 1) && {
            let classes = t.classes(comma + 1);
            classes.is_determiner() || classes.is_clause_opener() || classes.is_complementiser()
        }
    }

    /// The subject of the speech-act verb at `k`: before it, or right after
    /// it in verb-second order; a name, a person's pronoun, or a role or
    /// body that speaks.
    fn speech_act_subject(&self, k: usize, lo: usize, hi: usize) -> Option<Mention> {
        let mention = self
            .finite_cue_subject(k, lo)
            .or_else(|| self.subject_after_verb(k, lo, hi, true))?;
        let speaks = match &mention.referent {
            Referent::Name(_) => true,
            Referent::Pronoun(p) => matches!(p, Pronoun::He | Pronoun::She | Pronoun::They),
            Referent::Description { .. } => self.may_speak_after_verb(&mention),
        };
        speaks.then_some(mention)
    }
}
