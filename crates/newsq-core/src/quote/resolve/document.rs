//! Documents and channels: "the email said", "Ivana Trump's brief said",
//! "the IMF report stated", "a memo by the department" — the words of the
//! document's author, when the article names one; "the article read" — the
//! author of the article mentioned before.

use super::{Resolved, Resolver};
use crate::quote::lexicon::{is_capitalised_function_word, is_document_noun, is_voice_noun};
use crate::quote::mentions::{name_in_run, run_start, strip_possessive, Mention};
use crate::quote::SpeakerFrom;

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
                let definite = t.is_word(m.first) && self.lower(m.first) == "the";
                let documents = self.documents.borrow();
                let earlier = documents.iter().rev().find(|d| d.head == head);
                earlier.filter(|_| definite).map(|d| d.author.clone())
            })?;
        Some(Resolved {
            from: SpeakerFrom::Document,
            ..found
        })
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
        let start = (start..=end).find(|&i| !is_capitalised_function_word(self.lower(i)))?;
        // ("a Homeland Security memo": a body's name may end on a word that
        // is a title in a person's.)
        let name = name_in_run(t, start, end).map_or_else(|| self.phrase(start, end), |(_, n)| n);
        Some(self.author_named(&name))
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
        if t.is_word(first) && self.lower(first) == "the" {
            first += 1;
        }
        if !t.is_capitalised(first) {
            return None;
        }
        let end = crate::quote::mentions::run_end(t, first);
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
