//! Documents and channels: "the email said", "Ivana Trump's brief said",
//! "the IMF report stated", "a memo by the department" — the words of the
//! document's author, when the article names one; "the article read" — the
//! author of the article mentioned before.

use super::{Resolved, Resolver};
use crate::quote::clauses::is_auxiliary;
use crate::quote::lexicon::{
    cue_form, is_document_noun, is_irregular_past, is_medium_word, is_outlet_document,
    is_voice_noun,
};
use crate::quote::mentions::{name_in_run, run_start, strip_possessive, Mention};
use crate::quote::SpeakerFrom;

/// How many sentences back "the email" looks for the one that sent it.
const DOCUMENT_LOOK_BACK_SENTENCES: usize = 5;

/// A document mentioned with its author: what "the report" points back to.
#[derive(Debug, Clone)]
pub(super) struct Document {
    /// The head noun: "report", "article".
    pub head: String,
    pub author: Resolved,
}

impl Resolver<'_, '_> {
    /// The author a document description gives: a name before its head
    /// ("Axelrod’s memoir", "the IMF report", "a Homeland Security memo"),
    /// the name after "by" or "from" ("a letter from Ryan"), or the author
    /// of the document of the same kind the article named before ("the
    /// article" after "a Times article"). A voice in a document speaks
    /// for its author too ("a narrator in the Clinton ad").
    pub(super) fn document_author(&self, m: &Mention, head: &str) -> Option<Resolved> {
        let t = self.t;
        let (head_at, head) = if is_voice_noun(head) {
            // The document the voice is in: "a narrator in the Clinton ad",
            // "the ad’s narrator".
            let doc = (m.first..=m.last)
                .find(|&i| t.is_word(i) && is_document_noun(strip_possessive(self.lower(i))))?;
            (doc, strip_possessive(self.lower(doc)))
        } else if is_document_noun(head) {
            let at = (m.first..=m.last)
                .rev()
                .find(|&i| t.is_word(i) && self.lower(i) == head)?;
            (at, head)
        } else {
            return None;
        };
        let found = self
            .name_before(m.first, head_at)
            .or_else(|| self.name_after_by(m.last))
            .inspect(|author| {
                self.documents.borrow_mut().push(Document {
                    head: head.to_string(),
                    author: author.clone(),
                });
            })
            .or_else(|| {
                // "the article" after "a Times article".
                let definite = self.t.is_the(m.first);
                let documents = self.documents.borrow();
                let earlier = documents.iter().rev().find(|d| d.head == head);
                earlier.filter(|_| definite).map(|d| d.author.clone())
            })
            .or_else(|| {
                // (Only "the email" alone: "the campaign’s statement" has its
                // author, and "the paper" is mostly the newspaper.)
                let bare =
                    m.last == m.first + 1 && self.t.is_the(m.first) && !is_outlet_document(head);
                bare.then(|| self.sender_of_earlier_document(m.first))
                    .flatten()
            })?;
        Some(Resolved {
            from: SpeakerFrom::Document,
            ..found
        })
    }

    /// „…“, heißt es in dem LSVD-Schreiben; "In dem Bericht der OSZE heißt
    /// es:"; "Auf der Homepage der Stiftung heißt es": the impersonal
    /// pronoun `m` of a reporting verb speaks with the document or page its
    /// sentence puts the words in — its author: a name before the noun or
    /// joined to it ("LSVD-Schreiben"), or the body it is of.
    pub(super) fn document_in_sentence(&self, m: &Mention) -> Option<Resolved> {
        let t = self.t;
        let &(lo, hi) = t.sentences.get(t.toks.get(m.first)?.sentence)?;
        for p in lo..hi {
            if !(t.is_word(p) && t.classes(p).is_preposition()) {
                continue;
            }
            // Past articles and lowercase adjectives to the noun.
            let mut i = p + 1;
            while i < hi.min(p + 5)
                && t.is_word(i)
                && (t.classes(i).is_determiner() || !t.is_capitalised(i))
                && !self.holds_words(i)
            {
                i += 1;
            }
            if !(i < hi && t.is_word(i) && self.holds_words(i)) {
                continue;
            }
            if let Some(prefix) = self.body_before_hyphen(i) {
                return Some(self.author_named(prefix));
            }
            if let Some(found) = self.name_before(p + 1, i) {
                return Some(found);
            }
            // (A document with no author named goes on to the next one:
            // "nach der Pressekonferenz im Bericht der OSZE".)
            let Some(j) = self.after_tie(i) else {
                continue;
            };
            if !t.is_capitalised(j) || t.classes(j).is_day_word() {
                continue;
            }
            let end = crate::quote::mentions::run_end(t, j);
            return Some(self.author_named(&self.phrase(j, end)));
        }
        None
    }

    /// Whether word `i` is a document's or a medium's noun, or a compound
    /// that ends in one ("LSVD-Schreiben").
    fn holds_words(&self, i: usize) -> bool {
        let lower = self.lower(i);
        let noun = lower.rsplit('-').next().unwrap_or(lower);
        is_document_noun(noun) || is_medium_word(noun)
    }

    /// The name that ends right before token `head_at` inside the mention
    /// from `first`: "Ivana Trump's (brief)", "the IMF (report)".
    fn name_before(&self, first: usize, head_at: usize) -> Option<Resolved> {
        let t = self.t;
        let end = (first..head_at).rev().find(|&i| t.is_word(i))?;
        if !t.is_capitalised(end) {
            return None;
        }
        let start = run_start(t, end).max(first);
        // ("The report": a capitalised article names nobody.)
        let start = (start..=end).find(|&i| !self.t.classes(i).is_capitalised_function_word())?;
        // ("a Homeland Security memo": a body's name may end on a word that
        // is a title in a person's.)
        let name = name_in_run(t, start, end).map_or_else(|| self.phrase(start, end), |(_, n)| n);
        Some(self.author_named(&name))
    }

    /// "Peter Hale sent an email to the crews. … “…,” the email said": the
    /// author of the document one of the few sentences before `at` brings
    /// in ("sent an email", "provided a written statement", "a web video by
    /// the committee"). News varies the noun for one document ("a web
    /// video … the clip"), so any document counts, the nearest first. Its
    /// author is the name after "by" or "from", else the name nearest
    /// before it that a verb follows ("The Times said Cook provided a
    /// written statement": Cook).
    fn sender_of_earlier_document(&self, at: usize) -> Option<Resolved> {
        let t = self.t;
        let sentence = t.toks.get(at)?.sentence;
        // (Paragraph breaks are sentences of their own: only those with
        // words count.)
        let with_words = (0..sentence)
            .rev()
            .filter_map(|s| t.sentences.get(s).copied())
            .filter(|&(lo, hi)| (lo..hi).any(|i| t.is_word(i)))
            .take(DOCUMENT_LOOK_BACK_SENTENCES);
        for (lo, hi) in with_words {
            let indefinite = |i: usize| t.is_word(i) && matches!(self.lower(i), "a" | "an");
            let introduced = |i: usize| indefinite(i - 1) || (i >= lo + 2 && indefinite(i - 2));
            let mut documents = (lo + 1..hi)
                .rev()
                .filter(|&i| t.is_word(i) && is_document_noun(self.lower(i)));
            // The nearest document brought in decides: "the ad" refers
            // further back, one brought in some other way ("their Friday
            // editorial") has an author this rule cannot read.
            let doc = match documents.clone().find(|&i| introduced(i)) {
                Some(doc) => doc,
                None => match documents.next() {
                    None => continue,
                    Some(doc) => {
                        let the = |i: usize| self.t.is_the(i);
                        if the(doc - 1) || (doc >= lo + 2 && the(doc - 2)) {
                            continue;
                        }
                        return None;
                    }
                },
            };
            if let Some(by) = self.name_after_by(doc) {
                return Some(by);
            }
            // The subject of the document's verb: a name, then a verb ("Cook
            // provided", "Obama released", "the museum has issued"; not "Star
            // Trek fans have taken out a full-page ad").
            let verb = |w: &str| {
                w.ends_with("ed")
                    || is_irregular_past(w)
                    || is_auxiliary(w)
                    || cue_form(w).is_some()
            };
            let end = (lo..doc).rev().find(|&i| {
                t.is_capitalised(i)
                    && !self.t.classes(i).is_capitalised_function_word()
                    && t.is_word(i + 1)
                    && !t.is_capitalised(i + 1)
            })?;
            // ("Clinton's campaign sent an email": the owner is not the sender.)
            if self.is_possessive(end) || !verb(self.lower(end + 1)) {
                return None;
            }
            let (_, name) = name_in_run(t, run_start(t, end).max(lo), end)?;
            return Some(self.author_named(&name));
        }
        None
    }

    /// "a report by the Brookings Institution", "a letter from Ryan": the
    /// name after "by" or "from" right after the mention ending at `last`.
    fn name_after_by(&self, last: usize) -> Option<Resolved> {
        let t = self.t;
        let by = last + 1;
        if !(t.is_word(by) && matches!(self.lower(by), "by" | "from")) {
            return None;
        }
        let mut first = by + 1;
        if self.t.is_the(first) {
            first += 1;
        }
        if !t.is_capitalised(first) {
            return None;
        }
        let end = crate::quote::mentions::run_end(t, first);
        // ("a web video by the Republican National Committee": a body's
        // name keeps the words that are titles in a person's.)
        let phrase = self.phrase(first, end);
        if crate::quote::clauses::ends_on_body_word(&phrase) {
            return Some(self.author_named(&phrase));
        }
        let (_, name) = name_in_run(t, first, end)?;
        Some(self.author_named(&name))
    }

    /// An author by name: a person of the table, else a body (an
    /// abbreviation spelt out where the article spells it).
    fn author_named(&self, name: &str) -> Resolved {
        match self.table.resolve_name_loosely(name) {
            Some(p) => Resolved::person(self, p, SpeakerFrom::Document),
            None => Resolved::body(self, self.body_name(name), SpeakerFrom::Document),
        }
    }
}
