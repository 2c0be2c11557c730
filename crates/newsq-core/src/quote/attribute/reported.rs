//! Reported statements: what a reporting verb gives in the writer's own
//! words, without quote marks — "Varga said the port would stay open",
//! "…, adding that …", "according to the ministry, …", "…, she said". Each
//! is found with its source as written, by the cue finder's own readers
//! (`super::resolve` then names the speaker, as for direct quotations).

use super::{is_dash, Attributor};
use crate::quote::clauses::{is_auxiliary, is_plural_form};
use crate::quote::lexicon::{self, active, CueForm, Pronoun, WordClasses};
use crate::quote::mentions::{classify, names_a_medium, Mention, Referent};
use crate::quote::tokens::Kind;

/// A reported statement before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct ReportedSource {
    /// Who speaks, as written.
    pub mention: Mention,
    /// The cue's token: the reporting verb, or "according".
    pub cue: usize,
    /// The statement's token ranges (first, last), in order: one, or two
    /// around an aside ("The plan, according to X, is dead").
    pub parts: Vec<(usize, usize)>,
    /// Words another relays: "Y quoted X as saying".
    pub nested: bool,
}

/// The fewest words, outside quote marks, a statement has ("the port
/// closes"); fewer is an answer ("said no") or a quotation with a frame.
pub(super) const MIN_WORDS: usize = 3;

/// The most reported statements read from one text (news articles hold a
/// few dozen; more is a dump, whose rest is passed over).
const MAX_STATEMENTS: usize = 10_000;

/// Every reported statement of the article, in text order.
pub(super) fn find_reported(a: &Attributor<'_, '_>) -> Vec<ReportedSource> {
    let t = a.t;
    let mut out: Vec<ReportedSource> = Vec::new();
    let lexicon = active();
    for &(lo, hi) in &t.sentences {
        if out.len() >= MAX_STATEMENTS {
            break;
        }
        let first_of_sentence = out.len();
        for k in lo..hi {
            // (Most words are surely no cue: told by their shape, unlooked-up.)
            if !t.is_word(k) || !lexicon.may_report(t.lower(k)) {
                continue;
            }
            // A cue inside the sentence's last statement reports words the
            // speaker relays ("McAuliffe said about 20 people had
            // indicated …"): the writer reports only the outer one.
            let inside = out[first_of_sentence..]
                .last()
                .is_some_and(|e| e.parts.iter().any(|&(f, l)| f <= k && k <= l));
            if inside {
                continue;
            }
            if let Some(found) = a.reported_at(k, lo, hi, &out[first_of_sentence..]) {
                // (A statement referred back to may have its own cue already.)
                let overlaps = |e: &ReportedSource| {
                    e.parts
                        .iter()
                        .any(|&(f, l)| found.parts.iter().any(|&(ff, ll)| ff <= l && f <= ll))
                };
                let before_sentence = found.parts.first().is_some_and(|&(f, _)| f < lo);
                if !(before_sentence && out.iter().rev().take(4).any(overlaps)) {
                    out.push(found);
                }
            }
        }
        // "Merkel sprach von einem Erfolg": a sentence that sums up a
        // speech act, when no cue gave a statement.
        if out.len() == first_of_sentence {
            if let Some(found) = a.speech_act_in(lo, hi) {
                out.push(found);
            }
        }
    }
    out
}

/// Whether a noun (lowercase) is one for someone who can speak or be
/// told: a person or role, a group, a body ("minister", "polizei", "amt").
fn names_a_speaker(noun: &str) -> bool {
    lexicon::is_person_noun_in_any_case(noun)
        || lexicon::is_collective_noun(noun)
        || lexicon::is_organisation_head(noun)
}

/// What follows a reporting verb.
enum Complement {
    /// The statement starts at this token.
    At(usize),
    /// Nothing: the clause ends ("…, she said on Tuesday.").
    Nothing,
    /// A comma, then the rest of a statement the cue interrupts ("A, X
    /// said, until B"): it resumes at this token.
    Resumes(usize),
    /// Something that is no statement: a question, a quotation, an order.
    NoStatement,
}

impl Attributor<'_, '_> {
    /// The reported statement whose cue is token `k` of sentence `lo..hi`,
    /// if any; `earlier` holds the sentence's statements before it.
    fn reported_at(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
        earlier: &[ReportedSource],
    ) -> Option<ReportedSource> {
        let t = self.t;
        if !t.is_word(k) {
            return None;
        }
        if let Some(from) = self.according_phrase_at(k) {
            return self.according_to(k, from, lo, hi);
        }
        let classes = t.classes(k);
        if classes.is_according_cue_after() {
            return self.according_after(k, lo, hi);
        }
        if classes.is_statement_tag() {
            return self.tagged_statement(k, lo, hi);
        }
        if !t.classes(k).is_reporting_cue() || self.not_said(k, lo) {
            return None;
        }
        let after_to = k > lo && t.is_word(k - 1) && self.lower(k - 1) == "to";
        // "Hillary Clinton is promising to help": a progressive has its
        // own subject, as a finite verb does.
        let progressive = k > lo + 1
            && t.is_word(k - 1)
            && matches!(self.lower(k - 1), "is" | "are" | "was" | "were" | "been");
        // "Noting he had studied law, Allen said …": a participle opening
        // the sentence (capitalised, which no other cue is).
        let opening_participle = t.is_capitalised(k)
            && t.opens_sentence(k)
            && t.classes(k).cue_form() == Some(CueForm::Participle);
        if opening_participle {
            return self.after_participle(k, lo, hi, earlier);
        }
        // (A separable verb reports only with its particle: "teilte die
        // Ansicht" is no statement.)
        let form = if self.is_separable(k) {
            self.closing_particle(k, hi).map(|_| CueForm::Finite)?
        } else if let Some(form) = self.is_cue(k) {
            form
        } else if t.is_capitalised(k)
            && t.opens_sentence(k)
            && !active().settings.nouns_capitalised
            && t.classes(k).cue_form() == Some(CueForm::Finite)
        {
            // "Uvedl to starosta.": a cue opening its sentence refers back
            // (where a capital makes no noun: German "Das Sagen hat …");
            // else, where a verb may leave its subject unsaid, it is a cue
            // of its own: "Recordó que …".
            if let Some(found) = self.statement_referred_back(k, lo, hi) {
                return Some(found);
            }
            if !active().settings.pro_drop {
                return None;
            }
            CueForm::Finite
        } else {
            return None;
        };
        if form == CueForm::Finite {
            if let Some(found) = self.statement_referred_back(k, lo, hi) {
                return Some(found);
            }
        }
        match form {
            CueForm::Finite if !after_to => self.after_finite_cue(k, lo, hi),
            CueForm::Participle if progressive => self.after_finite_cue(k, lo, hi),
            _ => self.after_participle(k, lo, hi, earlier),
        }
    }

    /// Whether the word at `k` is a verb of `[cue.separable]`.
    fn is_separable(&self, k: usize) -> bool {
        let verb = self.lower(k);
        active().separable_cues.iter().any(|&(v, _)| v == verb)
    }

    /// "gab am Montag bekannt, dass …": the particle of `[cue.separable]`
    /// that closes the clause of the verb at `k` (before a comma, a full
    /// stop or a complementiser), within a subject and adjuncts' reach.
    fn closing_particle(&self, k: usize, hi: usize) -> Option<usize> {
        self.closing_particle_of(k, hi, &active().separable_cues)
    }

    /// The particle of `pairs` (verb, particle) that closes the clause of
    /// the verb at `k`, if any.
    pub(super) fn closing_particle_of(
        &self,
        k: usize,
        hi: usize,
        pairs: &[(&str, &str)],
    ) -> Option<usize> {
        // (Subject, appositive and adjuncts: "gab der Leiter der Behörde,
        // Andreas Huber, am Montag bekannt".)
        const MAX_CLAUSE_TOKENS: usize = 20;
        let t = self.t;
        // ("Gaben", "Teilen": capitalised, a noun.)
        if t.is_capitalised(k) {
            return None;
        }
        let verb = self.lower(k);
        // Inside a name set off by commas ("der Leiter, Andreas Huber,"):
        // any other comma opens a clause of its own ("gab es einen Brand,
        // die Feuerwehr rückte an").
        let mut in_apposition = false;
        for j in k + 1..hi.min(k + 1 + MAX_CLAUSE_TOKENS) {
            match t.toks[j].kind {
                Kind::Word => {
                    let closes = j + 1 >= hi
                        || t.toks[j + 1].kind == Kind::Punct
                        || (t.is_word(j + 1) && t.classes(j + 1).is_complementiser());
                    let particle = self.lower(j);
                    if closes && pairs.iter().any(|&(v, p)| v == verb && p == particle) {
                        return Some(j);
                    }
                }
                Kind::Punct if t.text(j) == "," => {
                    let name_follows = t.is_word(j + 1) && t.is_capitalised(j + 1) && {
                        let classes = t.classes(j + 1);
                        !classes.is_capitalised_function_word()
                            && !classes.is_determiner()
                            && classes.pronoun().is_none()
                    };
                    if in_apposition {
                        in_apposition = false;
                    } else if name_follows {
                        in_apposition = true;
                    } else {
                        return None;
                    }
                }
                Kind::Punct if matches!(t.text(j), "(" | ")") => {}
                _ => return None,
            }
        }
        None
    }

    /// "did not say", "declined to say", "if he said", "would say": a cue
    /// that reports nothing said.
    pub(super) fn not_said(&self, k: usize, lo: usize) -> bool {
        let t = self.t;
        let mut j = k;
        let mut steps = 0;
        while j > lo && steps < 6 {
            j -= 1;
            steps += 1;
            if !t.is_word(j) {
                return false;
            }
            let classes = t.classes(j);
            if classes.is_not_said() {
                return true;
            }
            let passes = classes.is_cue_modifier()
                || self.lower(j) == "to"
                || self.lower(j).ends_with("ly")
                || (classes.pronoun().is_some() && steps == 1);
            if !passes {
                // The subject's clause opener: "if he said", "if Ada Quill
                // said", "whether the minister said".
                let mut b = j;
                while b > lo
                    && (t.is_capitalised(b - 1)
                        || t.is_punct(b - 1, ".")
                        || t.classes(b - 1).is_title()
                        || t.classes(b - 1).is_determiner())
                {
                    b -= 1;
                }
                let opener = if classes.pronoun().is_some() { j } else { b };
                return opener > lo && t.is_word(opener - 1) && t.classes(opener - 1).is_not_said()
                    || (b < j && t.is_word(b) && t.classes(b).is_not_said());
            }
        }
        false
    }

    /// "X said (on Tuesday) (that) …", "…, X said.", "…, said X.", "A, X
    /// said, B."
    fn after_finite_cue(&self, k: usize, lo: usize, hi: usize) -> Option<ReportedSource> {
        // "…, said Varga." / "…, says the ministry": the subject after the
        // cue (asked first: "…, said Ines Kalder" has a capitalised word
        // before the comma too).
        if let Some(found) = self.inverted_report(k, lo, hi) {
            return found;
        }
        if let Some(found) = self.as_clause(k, lo, hi) {
            return found;
        }
        // "Am Dienstag sagte Wendt, die Lage sei ernst": in a verb-second
        // language the subject may follow the cue.
        if let Some(found) = self.subject_after_cue(k, lo, hi) {
            return found;
        }
        match self.complement(k, hi) {
            Complement::At(first) => {
                // ("X, whose book argued for joint management, posted that
                // …": the reader stops at the aside's own cue; the
                // sentence's subject is the one.)
                let subject = match self.finite_cue_subject(k, lo) {
                    Some(m) if self.opens_no_subject(m.first) => self.sentence_subject(lo, k),
                    found => found,
                }
                .or_else(|| self.coordinated_subject(k, lo))
                .or_else(|| self.unsaid_subject_before(k, lo));
                if let Some(mention) = subject {
                    return self.statement_from(mention, k, first, hi);
                }
            }
            // "Wendt sagte, die Lage sei ernst": where the statement follows
            // a comma, a comma with no subject before the cue opens it.
            Complement::Resumes(after)
                if active().settings.comma_before_statement
                    && (self.subject_after_comma(k, lo).is_none()
                        || self.subject_opens_sentence(k, lo)) =>
            {
                let mention = self.finite_cue_subject(k, lo)?;
                return self.statement_from(mention, k, after, hi);
            }
            // "…, Varga said": the statement stands before the subject.
            Complement::Nothing => {
                if let Some((comma, mention)) = self.subject_after_comma(k, lo) {
                    let parts = self.statement_before(lo, comma)?;
                    return Some(self.source(mention, k, parts));
                }
            }
            // "Lenox was a juggernaut, Mr. Clarke said, until it went
            // bankrupt": the cue set in the middle of the statement.
            Complement::Resumes(after) => {
                if let Some((comma, mention)) = self.subject_after_comma(k, lo) {
                    let first = self.content_start(lo, comma)?;
                    let last = self.clause_end(after, hi);
                    let parts = self.checked(vec![(first, comma - 1), (after, last)])?;
                    return Some(self.source(mention, k, parts));
                }
            }
            Complement::NoStatement => {}
        }
        None
    }

    /// "Die Chefin des Verbands, Ines Wendt, sagte der Zeitung, …": whether
    /// the subject of the cue at `k` (a role and its name in apposition)
    /// opens the sentence, so that no statement stands before it.
    fn subject_opens_sentence(&self, k: usize, lo: usize) -> bool {
        let subject = self.finite_cue_subject(k, lo);
        subject.is_some_and(|m| self.content_start(lo, k) == Some(m.first))
    }

    /// "Rossi ha definito la chiusura inevitabile e ha annunciato che …":
    /// the subject of a cue joined to its sentence's first clause by a
    /// word of `[coordinators]`, which it shares.
    fn coordinated_subject(&self, k: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        let j = (lo..k)
            .rev()
            .take(3)
            .find(|&j| !(t.is_word(j) && t.classes(j).is_cue_modifier()))?;
        let joined = t.is_word(j) && active().coordinators.contains(&t.lower(j)) && j > lo;
        if !joined {
            return None;
        }
        self.sentence_subject(lo, j)
            .filter(|m| !matches!(m.referent, Referent::Pronoun(Pronoun::It)))
    }

    /// "Ha aggiunto che …", "Recordó que …": where a verb may leave its
    /// subject unsaid (`pro-drop`), a cue with only auxiliaries before it
    /// in its sentence has the subject of the passage.
    fn unsaid_subject_before(&self, k: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        let only_auxiliaries = (lo..k).all(|j| match t.toks[j].kind {
            Kind::Word => t.classes(j).is_cue_modifier(),
            Kind::Break => true,
            _ => false,
        });
        // ("Říká se, že …": an impersonal, with a modifier after the cue;
        // "Ha detto che …?": a question.)
        let impersonal = t.is_word(k + 1) && t.classes(k + 1).is_cue_modifier();
        let question = t.sentences.get(t.toks[k].sentence).is_some_and(|&(_, hi)| {
            (k..hi)
                .rev()
                .find(|&j| t.toks[j].kind != Kind::Break)
                .is_some_and(|j| t.is_punct(j, "?"))
        });
        (active().settings.pro_drop && only_auxiliaries && !impersonal && !question)
            .then(|| self.unsaid_subject_of(k, k))
    }

    /// The subject of the finite cue at `k` of sentence `lo..`, before the
    /// cue (one after it is `subject_after_cue`'s).
    pub(super) fn finite_cue_subject(&self, k: usize, lo: usize) -> Option<Mention> {
        if active().settings.verb_second {
            if let Some(m) = self.verb_second_cue_subject(k, lo, k) {
                return Some(m);
            }
        }
        self.subject_of_cue(k, lo)
    }

    /// "Wie die Polizei mitteilte, wurde niemand verletzt", "…, comme l'a
    /// indiqué le maire": a clause opened by a word of `[cue.as-clause]`
    /// whose cue at `k` gives the source of the rest of the sentence.
    /// `None` when the cue is in no such clause; `Some(None)` when it is,
    /// but no statement stands beside it.
    fn as_clause(&self, k: usize, lo: usize, hi: usize) -> Option<Option<ReportedSource>> {
        // (The clause's subject and adjuncts run to a dozen words.)
        const MAX_CLAUSE_WORDS: usize = 12;
        let t = self.t;
        let opener = (k.saturating_sub(MAX_CLAUSE_WORDS).max(lo)..k)
            .rev()
            .take_while(|&j| t.is_word(j))
            .find(|&j| t.classes(j).is_as_clause())?;
        // The source: the phrase after the opener, or after the cue ("comme
        // l'a indiqué le maire").
        let mention = self
            .phrase_after(opener + 1, k)
            .and_then(|(f, l)| classify(t, f, l))
            .filter(|m| !t.classes(m.first).is_cue_modifier())
            .or_else(|| {
                let (f, l) = self.phrase_after(k + 1, hi)?;
                classify(t, f, l)
            })?;
        let opens_sentence = (lo..opener).all(|j| !t.is_word(j));
        if opens_sentence {
            let comma = (k + 1..hi).find(|&j| t.toks[j].kind != Kind::Word)?;
            if !t.is_punct(comma, ",") {
                return Some(None);
            }
            return Some(self.statement_from(mention, k, comma + 1, hi));
        }
        if opener > lo + 1 && t.is_punct(opener - 1, ",") {
            return Some(
                self.statement_before(lo, opener - 1)
                    .map(|parts| self.source(mention, k, parts)),
            );
        }
        Some(None)
    }

    /// The statement of `mention` after the cue at `k`, from `first` to
    /// the end of its clause.
    fn statement_from(
        &self,
        mention: Mention,
        k: usize,
        first: usize,
        hi: usize,
    ) -> Option<ReportedSource> {
        let last = self.clause_end(first, hi);
        // ("told reporters outside the town hall: «…»": the words
        // before the colon frame a quotation.)
        if self.introduces_quotation(last) {
            return None;
        }
        let parts = self.checked(vec![(first, last)])?;
        Some(self.source(mention, k, parts))
    }

    /// "Am Dienstag sagte Wendt, die Lage sei ernst", "Danach erklärte
    /// er, dass …": in a verb-second language, a cue that does not open
    /// its sentence with its subject right after it, then a comma and the
    /// statement. `None` when the cue is no such; `Some(None)` when it is
    /// but closes no statement.
    fn subject_after_cue(&self, k: usize, lo: usize, hi: usize) -> Option<Option<ReportedSource>> {
        let mention = self
            .subject_after_verb(k, lo, hi, true)
            .filter(|m| self.may_speak_after_verb(m))?;
        // "gab der Leiter der Behörde, Andreas Huber, bekannt": the role's
        // name in apposition is part of the subject.
        let mention = match mention.referent {
            Referent::Description { .. } => {
                self.name_in_apposition(&mention, hi).unwrap_or(mention)
            }
            _ => mention,
        };
        // A separable verb's statement follows its particle, after the
        // subject: "gab der Leiter, Andreas Huber, bekannt, dass …".
        let from = if self.is_separable(k) {
            match self.closing_particle(k, hi) {
                Some(particle) if particle > mention.last => particle,
                _ => return Some(None),
            }
        } else {
            mention.last
        };
        // After the subject, a statement is set off by a comma, a colon or
        // a complementiser: "Am Montag bestätigte die Polizei den Tod eines
        // Mannes" gives an object, no statement.
        Some(match self.complement(from, hi) {
            Complement::At(start) | Complement::Resumes(start) if self.set_off(start) => {
                self.statement_from(mention, k, start, hi)
            }
            _ => None,
        })
    }

    /// Whether a comma, a colon or a complementiser stands right before
    /// token `start`.
    pub(super) fn set_off(&self, start: usize) -> bool {
        let t = self.t;
        start > 0
            && (t.is_punct(start - 1, ",")
                || t.is_punct(start - 1, ":")
                || (t.is_word(start - 1) && t.classes(start - 1).is_complementiser()))
    }

    /// Whether a subject found after its verb can be the one who speaks: a
    /// name, or a description whose head speaks (a role, a person, a
    /// body: "teilte die Polizei mit", "sagte der Minister") — not an
    /// object ("sagte der Zeitung", "sagte dem Minister").
    pub(super) fn may_speak_after_verb(&self, m: &Mention) -> bool {
        let Referent::Description { head, .. } = &m.referent else {
            return true;
        };
        names_a_speaker(head) && !self.in_oblique_case(m)
    }

    /// Whether a description after its verb is in a case no subject takes:
    /// after an oblique determiner ("dem Minister").
    pub(super) fn in_oblique_case(&self, m: &Mention) -> bool {
        matches!(m.referent, Referent::Description { .. })
            && self.t.is_word(m.first)
            && self.t.classes(m.first).is_oblique_determiner()
    }

    /// "The ferry will run in May, said Ines Kalder.": an inverting cue
    /// after a comma, its subject after it, the statement before. `None`
    /// when the cue is no such aside; `Some(None)` when it is, but names
    /// nobody or closes no statement (the cue then reports nothing else).
    fn inverted_report(&self, k: usize, lo: usize, hi: usize) -> Option<Option<ReportedSource>> {
        // (A name and its appositive run to a couple of dozen tokens:
        // "said Ana Lopes, director of the Harbour Trust at the University
        // of Selvik.")
        const MAX_APPOSITIVE_TOKENS: usize = 24;
        let t = self.t;
        // ("X, the role, told The Courier she would …": an object, not a subject.)
        let inverting = t.classes(k).is_inverting_cue() && !t.classes(k).takes_object();
        if !(k > lo + 1 && t.is_punct(k - 1, ",") && inverting) {
            return None;
        }
        // ("Die Chefin des Verbands, Ines Wendt, sagte der Zeitung, …": a
        // name set off by commas before the cue is its subject.)
        // (Only after a role that opens the sentence with its determiner:
        // "Betroffen seien Hamburg, Bremen, sagte Müller" is a list.)
        let role_opens = || {
            self.content_start(lo, k)
                .is_some_and(|f| t.is_word(f) && t.classes(f).is_determiner())
        };
        let appositive_subject = active().settings.comma_before_statement
            && role_opens()
            && self.finite_cue_subject(k, lo).is_some_and(|m| {
                m.last + 2 == k
                    && m.first > lo
                    && t.is_punct(m.first - 1, ",")
                    && matches!(m.referent, Referent::Name(_))
            });
        if appositive_subject {
            return None;
        }
        let (first, last) = self.phrase_after(k + 1, hi)?;
        if self.opens_no_subject(first) {
            return None;
        }
        let mention = classify(t, first, last)?;
        let found = match mention.referent {
            // "…, said Varga, the port director."
            Referent::Name(_) if t.is_capitalised(first) => {
                if !self.ends_clause(last + 1, hi, MAX_APPOSITIVE_TOKENS) {
                    return Some(None);
                }
                mention
            }
            // "…, says the ministry." (and nothing more).
            Referent::Description { .. }
                if last < first + 6
                    && (first..=last).all(|i| !is_auxiliary(self.lower(i)))
                    && (matches!(
                        t.toks.get(last + 1).map(|x| x.kind),
                        Some(Kind::Punct) | Some(Kind::Break) | None
                    ) || (active().settings.inverted_clauses
                        && self.only_adjuncts_from(last + 1, hi)))
                    && self.ends_clause(last + 1, hi, MAX_APPOSITIVE_TOKENS) =>
            {
                mention
            }
            _ => return None,
        };
        Some(
            self.statement_before(lo, k - 1)
                .map(|parts| self.source(found, k, parts)),
        )
    }

    /// "…, the minister said": the comma before the subject of the cue at
    /// `k`, and the subject, when only the subject and its modifiers
    /// stand between them.
    fn subject_after_comma(&self, k: usize, lo: usize) -> Option<(usize, Mention)> {
        // (A subject with its role runs to a dozen tokens: "a spokesman for
        // the Harbour Trust, Ana Lopes,".)
        const MAX_SUBJECT_TOKENS: usize = 12;
        let t = self.t;
        let mut e = k;
        while e > lo && t.is_word(e - 1) && t.classes(e - 1).is_cue_modifier() {
            e -= 1;
        }
        let comma = (e.saturating_sub(MAX_SUBJECT_TOKENS).max(lo)..e)
            .rev()
            .find(|&j| t.toks[j].kind != Kind::Word && !t.is_punct(j, "."))
            .filter(|&c| c > lo && t.is_punct(c, ","))?;
        if comma + 1 >= e || self.opens_no_subject(comma + 1) {
            return None;
        }
        // (In a verb-second language a subject before its verb after a
        // comma opens a subordinate clause, "…, zumal Kroll betont hatte",
        // not an aside: a lowercase word other than a determiner or a
        // pronoun starts no subject there.)
        let opener = t.classes(comma + 1);
        if active().settings.verb_second
            && !t.is_capitalised(comma + 1)
            && !opener.is_determiner()
            && opener.pronoun().is_none()
        {
            return None;
        }
        let mention = classify(t, comma + 1, e - 1)?;
        // "Ana Lopes, a spokeswoman for the trust, said": the name before
        // the appositive speaks, and the statement ends before the name.
        if matches!(mention.referent, Referent::Description { .. }) {
            let named = (comma.saturating_sub(MAX_SUBJECT_TOKENS).max(lo)..comma)
                .rev()
                .find(|&j| t.toks[j].kind != Kind::Word && !t.is_punct(j, "."))
                .filter(|&c| c > lo && t.is_punct(c, ",") && c + 1 < comma)
                .and_then(|c| Some((c, classify(t, c + 1, comma - 1)?)))
                .filter(|(_, m)| matches!(m.referent, Referent::Name(_)));
            if let Some(named) = named {
                return Some(named);
            }
        }
        Some((comma, mention))
    }

    /// A phrase starting at `j` can be no subject: "said of the plan",
    /// "told me".
    fn opens_no_subject(&self, j: usize) -> bool {
        let classes = self.t.classes(j);
        !self.t.is_word(j) || classes.is_preposition() || classes.is_object_pronoun()
    }

    /// "…, adding that …", "going on to say …", "quoted X as saying …": a
    /// participle or infinitive whose subject is the clause's.
    fn after_participle(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
        earlier: &[ReportedSource],
    ) -> Option<ReportedSource> {
        let t = self.t;
        let Complement::At(first) = self.complement(k, hi) else {
            return None;
        };
        let last = self.clause_end(first, hi);
        let parts = self.checked(vec![(first, last)])?;
        if let Some(mention) = self.quoted_as_saying(k, lo) {
            let mut found = self.source(mention, k, parts);
            found.nested = true;
            return Some(found);
        }
        // "forced Stumpf to admit that …", "prompting Mr Varga to say": the
        // one named before "to" speaks.
        let to = k - 1;
        if to > lo + 1 && self.t.is_word(to) && self.lower(to) == "to" {
            if let Some(mention) = self.name_ending_at(to - 1, lo) {
                return Some(self.source(mention, k, parts));
            }
        }
        // The same speaker as the statement before in the sentence ("X
        // said A, adding B"), else the clause's subject.
        // ("And even Obama tried …, noting that": the first name a verb
        // follows; "In addition to stating that …, Kaine said": the main
        // clause's subject, after the participle's.)
        let mention = earlier
            .last()
            .filter(|e| e.cue < k)
            .map(|e| e.mention.clone())
            .or_else(|| self.clause_subject(k, lo))
            .or_else(|| self.subject_by_verb(lo, k, &|_| true))
            .or_else(|| {
                let comma = (last + 1..hi).find(|&j| t.is_punct(j, ","))?;
                self.subject_by_verb(comma + 1, hi, &|_| true)
                    .filter(|m| m.first == comma + 1)
            })?;
        Some(self.source(mention, k, parts))
    }

    /// "According to X, …", "…, according to X", "The plan, according to
    /// X, is dead".
    fn according_to(&self, k: usize, from: usize, lo: usize, hi: usize) -> Option<ReportedSource> {
        let t = self.t;
        // "seiner Meinung nach …", "nach ihrer Ansicht …": a possessive
        // before the according noun — his or her view — and the
        // preposition after it, if any, is part of the cue.
        if let Some(mention) = self.possessive_source(k + 1) {
            let closes_cue = |c: WordClasses| c.is_preposition() || c.is_according_cue_after();
            let mut last = if t.is_word(k + 1) && closes_cue(t.classes(k + 1)) {
                k + 1
            } else {
                k
            };
            // ("По её словам, …": the comma after the cue.)
            if t.is_punct(last + 1, ",") {
                last += 1;
            }
            let first = if k >= 2 && t.is_word(k - 2) && t.classes(k - 2).is_preposition() {
                k - 2
            } else {
                k - 1
            };
            return self.around_source(mention, k, first, last, lo, hi);
        }
        // ("Laut „Lindenauer Zeitung“ soll er …": an outlet in quote marks.)
        if active().settings.according_without_comma {
            if let Some(outlet) = self.quoted_name_at(from) {
                return self.around_source(outlet, k, k, from, lo, hi);
            }
        }
        let end = (from..hi)
            .find(|&j| !t.is_word(j) && !t.is_punct(j, "."))
            .unwrap_or(hi);
        if end <= from {
            return None;
        }
        // ("Nach Angaben der Polizei", "По словам X": the preposition
        // before a noun of `[cue.according]` belongs to the cue.)
        let cue_first = if k > lo
            && t.is_word(k - 1)
            && t.classes(k - 1).is_preposition()
            && t.classes(k).is_according_cue()
        {
            k - 1
        } else {
            k
        };
        // "Laut Wendt ist die Lage ernst", "Die Lage ist laut Wendt ernst":
        // the source ends with its name, and the statement runs on past it.
        if active().settings.according_without_comma {
            // ("Nach Angaben des Magazins „Der Blick“ sei …": the outlet's
            // name in quote marks after its noun.)
            if let Some(outlet) = (end < hi).then(|| self.quoted_name_at(end)).flatten() {
                return self.around_source(outlet, k, cue_first, end, lo, hi);
            }
            // ("Nach Ansicht von Christian Wulff (CDU) ist …": a bracket
            // after the name belongs to the source.)
            let bracket_closes = t
                .is_punct(end, "(")
                .then(|| (end + 1..hi.min(end + 8)).find(|&j| t.is_punct(j, ")")))
                .flatten();
            if let Some(close) = bracket_closes.filter(|&c| c + 1 < hi) {
                let mention = classify(t, from, end - 1)?;
                return self.around_source(mention, k, cue_first, close, lo, hi);
            }
            let name_end = self.source_name_end(from, end - 1);
            if name_end + 1 < end {
                let mention = classify(t, from, name_end)?;
                return self.around_source(mention, k, cue_first, name_end, lo, hi);
            }
        }
        let mention = classify(t, from, end - 1)?;
        let opens_sentence = (lo..cue_first).all(|j| !t.is_word(j) || self.lower(j) == "but");
        let comma_after = end < hi && t.is_punct(end, ",");
        if opens_sentence {
            if !comma_after {
                return None;
            }
            let first = end + 1;
            let last = self.clause_end(first, hi);
            let parts = self.checked(vec![(first, last)])?;
            return Some(self.source(mention, k, parts));
        }
        if cue_first <= lo + 1 || !t.is_punct(cue_first - 1, ",") {
            return None;
        }
        let before = self.content_start(lo, cue_first - 1)?;
        let more_after = comma_after && (end + 1..hi).any(|j| t.is_word(j));
        let parts = if more_after {
            // An aside inside the statement.
            vec![
                (before, cue_first - 2),
                (end + 1, self.clause_end(end + 1, hi)),
            ]
        } else {
            vec![(before, cue_first - 2)]
        };
        let parts = self.checked(parts)?;
        Some(self.source(mention, k, parts))
    }

    /// The statement around a source phrase `first..=last` set inside
    /// its sentence without commas ("Laut Wendt ist …", "Die Lage ist
    /// Wendt zufolge ernst"): the words before it (if any) and after it,
    /// to the end of the clause.
    fn around_source(
        &self,
        mention: Mention,
        cue: usize,
        first: usize,
        last: usize,
        lo: usize,
        hi: usize,
    ) -> Option<ReportedSource> {
        let t = self.t;
        let after = last + 1;
        if after >= hi || !t.is_word(after) {
            return None;
        }
        let mut parts = Vec::with_capacity(2);
        if let Some(before) = self.content_start(lo, first).filter(|&b| b < first) {
            parts.push((before, first - 1));
        }
        parts.push((after, self.clause_end(after, hi)));
        let parts = self.checked(parts)?;
        Some(self.source(mention, cue, parts))
    }

    /// "Seiner Darstellung" before token `k`: a possessive of "he" or "she"
    /// (`[possessives.he]`, `[possessives.she]`) and a noun of
    /// `[cue.according]`, read as that pronoun.
    pub(super) fn possessive_source(&self, k: usize) -> Option<Mention> {
        let t = self.t;
        let (possessive, noun) = (k.checked_sub(2)?, k - 1);
        if !(t.is_word(possessive) && t.is_word(noun) && t.classes(noun).is_according_cue()) {
            return None;
        }
        let lexicon = active();
        let word = self.lower(possessive);
        let pronoun = if lexicon.possessives_he.contains(&word) {
            Pronoun::He
        } else if lexicon.possessives_she.contains(&word) {
            Pronoun::She
        } else {
            return None;
        };
        Some(Mention {
            first: possessive,
            last: noun,
            referent: Referent::Pronoun(pronoun),
        })
    }

    /// "Wendt zufolge ist die Lage ernst": a source, then a word of
    /// `[cue.according-after]` at `k`.
    fn according_after(&self, k: usize, lo: usize, hi: usize) -> Option<ReportedSource> {
        let t = self.t;
        // ("Seiner Darstellung zufolge …" is read at its according noun.)
        if self.possessive_source(k).is_some() {
            return None;
        }
        let mut first = k;
        while first > lo && t.is_word(first - 1) && k - first < 6 {
            first -= 1;
        }
        // The source is the longest phrase (six words at most) before the
        // word that names someone.
        let mention = (first..k).find_map(|f| {
            classify(t, f, k - 1).filter(|m| !matches!(m.referent, Referent::Pronoun(_)))
        })?;
        let mention_first = mention.first;
        self.around_source(mention, k, mention_first, k, lo, hi)
    }

    /// "Die Lage sei ernst, so Wendt.": a statement, a comma, a word of
    /// `[cue.tag]` at `k` and its source.
    fn tagged_statement(&self, k: usize, lo: usize, hi: usize) -> Option<ReportedSource> {
        let t = self.t;
        if k <= lo + 1 || !t.is_punct(k - 1, ",") || t.is_capitalised(k) {
            return None;
        }
        let (first, last) = self.phrase_after(k + 1, hi)?;
        let mention = classify(t, first, last)?;
        // ("…, so Wendt weiter.", "…, so Wendt am Montag.")
        let closes = (last + 1..hi).all(|j| t.toks[j].kind != Kind::Word)
            || self.only_adjuncts_from(last + 1, hi);
        if !closes || matches!(mention.referent, Referent::Pronoun(_)) {
            return None;
        }
        let parts = self.statement_before(lo, k - 1)?;
        // („…“, so Wendt: a quotation's frame, not a statement.)
        if parts
            .iter()
            .all(|&(f, l)| f == l && matches!(t.toks[f].kind, Kind::Quote(_)))
        {
            return None;
        }
        Some(self.source(mention, k, parts))
    }

    fn source(&self, mention: Mention, cue: usize, parts: Vec<(usize, usize)>) -> ReportedSource {
        ReportedSource {
            mention,
            cue,
            parts,
            nested: false,
        }
    }

    /// What follows the reporting verb at `k`: its object and adjuncts
    /// ("told reporters on Tuesday"), then "that", then the statement.
    fn complement(&self, k: usize, hi: usize) -> Complement {
        let t = self.t;
        let mut j = k + 1;
        // "teilte die Stadt am Montag mit, dass …": a separable verb's
        // statement follows its particle.
        if self.is_separable(k) {
            if let Some(particle) = self.closing_particle(k, hi) {
                j = particle + 1;
            }
        }
        // The object of "told": "told reporters", "told the Financial Times", "told him".
        if t.classes(k).takes_object() {
            match self.noun_phrase_end(j, hi) {
                Some(end) => j = end + 1,
                None => return Complement::NoStatement,
            }
        }
        // Adjuncts: "on Tuesday", "in a statement", "late Monday", "to reporters".
        loop {
            if j >= hi {
                return Complement::Nothing;
            }
            match t.toks[j].kind {
                Kind::Word => {
                    let classes = t.classes(j);
                    // "teilte am Montag mit, dass …": the particle of a
                    // separable verb closes its clause.
                    if classes.is_cue_particle()
                        && t.toks.get(j + 1).is_some_and(|x| x.kind == Kind::Punct)
                    {
                        j += 1;
                        continue;
                    }
                    // "promised to cut taxes": an infinitive, which is the
                    // statement ("told him to leave" is an order).
                    let infinitive = self.lower(j) == "to"
                        && t.is_word(j + 1)
                        && !t.is_capitalised(j + 1)
                        && !t.classes(j + 1).is_determiner()
                        && t.classes(j + 1).pronoun().is_none()
                        && !t.classes(j + 1).is_object_pronoun();
                    if infinitive {
                        return if t.classes(k).takes_object() {
                            Complement::NoStatement
                        } else {
                            Complement::At(j)
                        };
                    }
                    // (Asked first: "on" and "to" are cue modifiers too, in "went on to".)
                    if classes.is_adjunct_preposition() {
                        match self.noun_phrase_end(j + 1, hi) {
                            Some(end) => {
                                j = end + 1;
                                continue;
                            }
                            // ("заявил журналистам, что …": a word told
                            // to, alone.)
                            None if classes.is_adjunct_word() => {
                                j += 1;
                                continue;
                            }
                            None => return Complement::NoStatement,
                        }
                    }
                    // "sagte der Zeitung, dass …", "erklärte dem Sender,
                    // …": where nouns are capitalised, an object told
                    // before the comma or complementiser.
                    if active().settings.nouns_capitalised && classes.is_determiner() {
                        if let Some(end) = self.capitalised_noun_phrase_end(j, hi) {
                            let then_statement = t.is_punct(end + 1, ",")
                                || (t.is_word(end + 1) && t.classes(end + 1).is_complementiser());
                            if then_statement && self.is_addressee(j, end) {
                                j = end + 1;
                                continue;
                            }
                        }
                    }
                    let adverb = !t.is_capitalised(j) && self.lower(j).ends_with("ly");
                    if classes.is_adjunct_word() || classes.is_cue_modifier() || adverb {
                        j += 1;
                        continue;
                    }
                    if classes.is_complementiser() {
                        return if j + 1 < hi {
                            Complement::At(j + 1)
                        } else {
                            Complement::Nothing
                        };
                    }
                    // ("said as he left", "said when asked": a clause about
                    // the saying, not what was said.)
                    if classes.opens_no_statement()
                        || classes.is_preposition()
                        || classes.is_clause_opener()
                    {
                        return Complement::NoStatement;
                    }
                    return Complement::At(j);
                }
                Kind::Punct => {
                    let p = t.text(j);
                    if matches!(p, "." | "!" | "?" | "…") || j + 1 >= hi {
                        return Complement::Nothing;
                    }
                    if p == "," {
                        // "gab der Leiter, Andreas Huber, bekannt, dass": a
                        // separable verb's particle after an appositive.
                        if t.is_word(j + 1)
                            && t.classes(j + 1).is_cue_particle()
                            && t.toks.get(j + 2).is_some_and(|x| x.kind == Kind::Punct)
                        {
                            j += 2;
                            continue;
                        }
                        // ("…, she said, “…”": a quotation's frame.)
                        if matches!(t.toks[j + 1].kind, Kind::Quote(_)) {
                            return Complement::NoStatement;
                        }
                        // "erklärte, dass …", "заявил, что …": the comma
                        // some languages set before the complementiser.
                        if active().settings.comma_before_statement
                            && t.is_word(j + 1)
                            && t.classes(j + 1).is_complementiser()
                            && j + 2 < hi
                        {
                            return Complement::At(j + 2);
                        }
                        return if self.only_adjuncts_from(j + 1, hi) {
                            Complement::Nothing
                        } else if t.is_word(j + 1) {
                            Complement::Resumes(j + 1)
                        } else {
                            Complement::NoStatement
                        };
                    }
                    if p == ":" {
                        return match t.toks[j + 1].kind {
                            Kind::Word => Complement::At(j + 1),
                            _ => Complement::NoStatement,
                        };
                    }
                    if p == "(" || is_dash(p) {
                        return Complement::Nothing;
                    }
                    return Complement::NoStatement;
                }
                // "said “…”": a direct quotation, unless the statement runs on
                // past it ("said “nobody” would leave").
                Kind::Quote(_) => {
                    let runs_on = t.is_word(j + 1) && !t.classes(j + 1).is_reporting_cue();
                    return if runs_on {
                        Complement::At(j)
                    } else {
                        Complement::NoStatement
                    };
                }
                Kind::Break => return Complement::Nothing,
            }
        }
    }

    /// Whether the noun phrase `first..=last` names someone told: a
    /// medium, a person or a body ("der Zeitung", "dem Minister", "der
    /// Polizei"), not a thing ("den Tod eines Mannes").
    fn is_addressee(&self, first: usize, last: usize) -> bool {
        let t = self.t;
        names_a_medium(t, first, last)
            || (first..=last)
                .filter(|&j| t.is_word(j))
                .any(|j| names_a_speaker(self.lower(j)))
    }

    /// The last token of the noun phrase starting at `j`: a name run, a
    /// pronoun, or a determiner and the words to the phrase's head.
    fn noun_phrase_end(&self, j: usize, hi: usize) -> Option<usize> {
        let t = self.t;
        if j >= hi || !t.is_word(j) {
            return None;
        }
        let classes = t.classes(j);
        if classes.is_object_pronoun() {
            return Some(j);
        }
        if classes.pronoun().is_some() || classes.is_complementiser() {
            return None;
        }
        // Where every noun is capitalised, a capital closes a phrase
        // rather than naming: "in einem langen Interview (des Senders)".
        if active().settings.nouns_capitalised && !t.is_capitalised(j) {
            return self.capitalised_noun_phrase_end(j, hi);
        }
        let mut last = j;
        let mut k = j + 1;
        // A name run ("the Financial Times", "Mr. Varga", "CNN's State of the Union").
        let mut named = t.is_capitalised(j) || (t.is_the(j) && t.is_capitalised(j + 1));
        while k < hi && k < j + 8 {
            match t.toks[k].kind {
                Kind::Word => {
                    let w = t.classes(k);
                    // "told broadcaster KRF", "the newspaper Le Monde": a role,
                    // then its name ("told reporters Varga would …" is a
                    // plural object, then the statement's subject).
                    let role_then_name = !named
                        && t.is_capitalised(k)
                        && !w.is_day_word()
                        && t.is_word(k - 1)
                        && !t.is_capitalised(k - 1)
                        && !is_plural_form(self.lower(k - 1))
                        && !t.classes(k - 1).is_determiner();
                    if role_then_name {
                        named = true;
                        last = k;
                        k += 1;
                        continue;
                    }
                    let stop = if named {
                        !t.is_capitalised(k) && !matches!(self.lower(k), "of" | "and")
                    } else {
                        // Lowercase words up to the head: a new phrase, a
                        // clause or a preposition stops it.
                        w.is_determiner()
                            || w.pronoun().is_some()
                            || w.is_preposition()
                            || w.is_complementiser()
                            || w.is_clause_opener()
                            || w.cue_form().is_some()
                            || t.is_capitalised(k)
                            || w.is_day_word()
                    };
                    if stop {
                        break;
                    }
                    last = k;
                }
                Kind::Punct if t.text(k) == "." && named && t.is_capitalised(k + 1) => {}
                _ => break,
            }
            k += 1;
        }
        // ("on Tuesday", "a news conference on Monday": its own adjunct follows.)
        Some(last)
    }

    /// The last token of a noun phrase opening on lowercase words at `j`
    /// where nouns are capitalised: determiners and adjectives up to the
    /// capitalised head, and a genitive after it ("einem Interview des
    /// Senders"); None when no head follows within a few words.
    fn capitalised_noun_phrase_end(&self, j: usize, hi: usize) -> Option<usize> {
        // (Determiner, two adjectives, head: "der neuen französischen
        // Regierung"; a name of a few words after the head; two genitives:
        // "dem Leiter des Amtes der Stadt".)
        const MAX_BEFORE_HEAD: usize = 4;
        const MAX_NAME_WORDS: usize = 6;
        const MAX_GENITIVES: usize = 2;
        let t = self.t;
        let mut last = self.noun_head(j, hi, MAX_BEFORE_HEAD)?;
        for genitive in 0..=MAX_GENITIVES {
            // The head's own name: "dem Sender ARD".
            let name_end = (last + 1..hi.min(last + 1 + MAX_NAME_WORDS))
                .take_while(|&k| t.is_word(k) && t.is_capitalised(k))
                .last();
            last = name_end.unwrap_or(last);
            // Its genitive: "des Senders".
            let genitive_opens = genitive < MAX_GENITIVES
                && last + 1 < hi
                && t.is_word(last + 1)
                && t.classes(last + 1).is_oblique_determiner()
                && !t.is_capitalised(last + 1);
            match genitive_opens
                .then(|| self.noun_head(last + 2, hi, MAX_BEFORE_HEAD))
                .flatten()
            {
                Some(head) => last = head,
                None => break,
            }
        }
        Some(last)
    }

    /// The capitalised head of a noun phrase opening at `j` on at most
    /// `max_before` determiners and adjectives.
    fn noun_head(&self, j: usize, hi: usize, max_before: usize) -> Option<usize> {
        let t = self.t;
        let head = (j..hi.min(j + max_before + 1))
            .take_while(|&k| t.is_word(k))
            .find(|&k| t.is_capitalised(k))?;
        let lowers_are_modifiers = (j..head).all(|k| {
            let w = t.classes(k);
            !(w.pronoun().is_some()
                || w.is_complementiser()
                || w.is_clause_opener()
                || w.cue_form().is_some()
                || w.is_preposition())
        });
        lowers_are_modifiers.then_some(head)
    }

    /// Whether the clause ends at or soon after token `j`, within `max`
    /// tokens of words that make no clause (no verb, pronoun or
    /// complementiser): adjuncts ("…, she said on Tuesday in a statement.")
    /// or an appositive ("…, said Ana Lopes, the port director.").
    fn ends_clause(&self, j: usize, hi: usize, max: usize) -> bool {
        let t = self.t;
        for i in j..hi.min(j + max + 1) {
            match t.toks[i].kind {
                Kind::Punct if matches!(t.text(i), "." | "!" | "?" | "…") => return true,
                Kind::Punct if matches!(t.text(i), "," | "(" | ")" | "-" | "'" | "’") => {}
                Kind::Word => {
                    let classes = t.classes(i);
                    if classes.is_complementiser()
                        || classes.is_clause_opener()
                        || classes.cue_form().is_some()
                        || classes.pronoun().is_some()
                        || is_auxiliary(self.lower(i))
                    {
                        return false;
                    }
                }
                Kind::Break => return true,
                _ => return false,
            }
        }
        j + max >= hi
    }

    /// Whether only adjuncts follow token `j` to the clause's end: "…, she
    /// said, on Tuesday." (not "…, she said, far too many lives …").
    fn only_adjuncts_from(&self, j: usize, hi: usize) -> bool {
        // (Adjuncts run to a few words; more is a clause of its own.)
        const MAX_ADJUNCT_TOKENS: usize = 8;
        let t = self.t;
        let adjunct_opens = t.is_word(j) && {
            let classes = t.classes(j);
            classes.is_adjunct_preposition() || classes.is_adjunct_word()
        };
        (adjunct_opens || !t.is_word(j)) && self.ends_clause(j, hi, MAX_ADJUNCT_TOKENS)
    }

    /// The last token of the statement starting at `first`: the sentence's
    /// end, a semicolon, a colon before a quotation, or the start of a
    /// second reporting clause ("…, adding that", "and said that").
    fn clause_end(&self, first: usize, hi: usize) -> usize {
        let t = self.t;
        let mut last = first;
        let mut j = first;
        while j < hi {
            match t.toks[j].kind {
                Kind::Break => break,
                Kind::Punct => {
                    let p = t.text(j);
                    if p == ";"
                        || (p == ":"
                            && matches!(t.toks.get(j + 1).map(|x| x.kind), Some(Kind::Quote(_))))
                    {
                        break;
                    }
                    if p == "," && self.second_report_at(j + 1, hi) {
                        break;
                    }
                    if matches!(p, "!" | "?") {
                        break;
                    }
                }
                Kind::Word => {
                    if matches!(self.lower(j), "and" | "but")
                        && j > first
                        && self.second_report_at(j + 1, hi)
                    {
                        break;
                    }
                    last = j;
                }
                Kind::Quote(_) => last = j,
            }
            j += 1;
        }
        last
    }

    /// Whether a colon after token `last` opens a quotation.
    fn introduces_quotation(&self, last: usize) -> bool {
        let t = self.t;
        t.is_punct(last + 1, ":")
            && matches!(t.toks.get(last + 2).map(|x| x.kind), Some(Kind::Quote(_)))
    }

    /// Whether a second reporting clause starts at `j`: a participle
    /// ("adding that"), "according to", a finite cue of its own ("said
    /// that", "he added").
    fn second_report_at(&self, j: usize, hi: usize) -> bool {
        let t = self.t;
        if j >= hi || !t.is_word(j) {
            return false;
        }
        if self.according_phrase_at(j).is_some() {
            return true;
        }
        let cue_at =
            |i: usize| t.is_word(i) && t.classes(i).is_reporting_cue() && self.is_cue(i).is_some();
        if cue_at(j) {
            return true;
        }
        // "…, he said.", "…, the minister added that": a subject, then a cue.
        (j + 1..(j + 5).min(hi)).any(|i| {
            cue_at(i)
                && (j..i).all(|s| t.is_word(s) && !t.classes(s).is_complementiser())
                && (t.classes(j).pronoun().is_some()
                    || t.is_capitalised(j)
                    || t.classes(j).is_determiner())
        })
    }

    /// The statement a sentence gives before the comma at `comma`: "The
    /// port will close, Varga said."
    fn statement_before(&self, lo: usize, comma: usize) -> Option<Vec<(usize, usize)>> {
        let first = self.content_start(lo, comma)?;
        // ("“We stay,” Varga, the mayor, told me.": a quotation's frame.)
        if matches!(self.t.toks[first].kind, Kind::Quote(_)) && self.quote_ends_with(first, &[','])
        {
            return None;
        }
        self.checked(vec![(first, comma.checked_sub(1)?)])
    }

    /// The sentence's first token of content before `end`, past opening
    /// punctuation and a dateline ("BRUSSELS —").
    pub(super) fn content_start(&self, lo: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let mut f = lo;
        if let Some(d) =
            (lo..end.min(lo + 8)).find(|&j| t.toks[j].kind == Kind::Punct && is_dash(t.text(j)))
        {
            if (lo..d)
                .filter(|&j| t.is_word(j))
                .all(|j| !t.text(j).chars().any(char::is_lowercase))
            {
                f = d + 1;
            }
        }
        (f..end).find(|&j| matches!(t.toks[j].kind, Kind::Word | Kind::Quote(_)))
    }

    /// The parts, trimmed of punctuation at their edges, if they make a
    /// statement: words of its own outside quote marks, not a question.
    pub(super) fn checked(&self, parts: Vec<(usize, usize)>) -> Option<Vec<(usize, usize)>> {
        let t = self.t;
        let mut kept = Vec::with_capacity(parts.len());
        for (mut first, mut last) in parts {
            while first <= last && t.toks[first].kind == Kind::Punct {
                first += 1;
            }
            while last > first && t.toks[last].kind == Kind::Punct && t.text(last) != ")" {
                last -= 1;
            }
            if first <= last && last < t.toks.len() {
                kept.push((first, last));
            }
        }
        kept.first()?;
        let words: usize = kept
            .iter()
            .map(|&(f, l)| (f..=l).filter(|&j| t.is_word(j)).count())
            .sum();
        (words >= MIN_WORDS).then_some(kept)
    }
}
