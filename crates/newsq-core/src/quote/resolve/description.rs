//! Descriptions: "the Russian president" to the name the article binds the
//! role to, "Ryan’s office" to the body that speaks for a person.

use super::Resolver;
use crate::quote::clauses::{ends_on_body_word, is_plural_form};
use crate::quote::lexicon::{
    active, is_document_noun, is_organisation_head, is_person_noun, is_place_phrase,
};
use crate::quote::mentions::{name_in_run, run_start, Mention, Referent};

impl Resolver<'_, '_> {
    /// The last capitalised word before the mention's `head` word: its
    /// owner's name ends there ("New Hampshire Sen. Kelly Ayotte’s
    /// campaign", "Spicer -- as Clinton’s campaign").
    pub(super) fn owner_before(&self, m: &Mention, head: &str) -> Option<usize> {
        let t = self.t;
        let head_at = (m.first..=m.last)
            .rev()
            .find(|&i| t.is_word(i) && self.lower(i) == head)?;
        (m.first..head_at).rev().find(|&i| t.is_capitalised(i))
    }

    /// "Ryan’s office", "the Clinton campaign": a body that speaks for a
    /// named person, as "Paul Ryan’s office".
    pub(super) fn owner_of(&self, m: &Mention, head: &str) -> Option<String> {
        if !matches!(
            head,
            "office" | "campaign" | "camp" | "team" | "staff" | "administration" | "government"
        ) {
            return None;
        }
        let t = self.t;
        let owner = self.owner_before(m, head)?;
        let (_, name) = name_in_run(t, run_start(t, owner).max(m.first), owner)?;
        let full = match self.table.resolve_name(&name) {
            Some(p) => self.table.person(p).name.clone(),
            None => name,
        };
        Some(format!("{full}’s {head}"))
    }

    /// A description of a body: "Ryan’s office", "the Clinton campaign",
    /// "the Democratic National Committee".
    pub(super) fn body_described(&self, m: &Mention) -> Option<String> {
        let Referent::Description { head, .. } = &m.referent else {
            return None;
        };
        self.owner_of(m, head)
            .or_else(|| self.organisation_named(m))
    }

    /// A name that is a body's: "the Kremlin", "NATO", "Russia".
    pub(super) fn is_body_name(&self, name: &str) -> bool {
        ends_on_body_word(name) || is_acronym(name) || is_place_phrase(name)
    }

    /// A body's name in full: an acronym spelt out where the article spells
    /// it ("IMF" → "International Monetary Fund").
    pub(super) fn body_name(&self, name: &str) -> String {
        if is_acronym(name) {
            // (Each acronym is looked for once per article: the search
            // reads every capitalised run.)
            let known = self
                .spelt_out_acronyms
                .borrow()
                .iter()
                .find_map(|(a, full)| (a == name).then(|| full.clone()));
            let full = known.unwrap_or_else(|| {
                let full = self.spelt_out(name);
                (self.spelt_out_acronyms.borrow_mut()).push((name.to_string(), full.clone()));
                full
            });
            if let Some(full) = full {
                return full;
            }
        }
        name.to_string()
    }

    /// The capitalised run of the article whose initials are `acronym`
    /// ("International Monetary Fund" for "IMF"; "of", "and", "for" and
    /// "the" have none).
    fn spelt_out(&self, acronym: &str) -> Option<String> {
        let t = self.t;
        // (An acronym has at most six letters: kept on the stack.)
        let mut letters = ['\0'; 8];
        let mut len = 0;
        for (slot, c) in letters.iter_mut().zip(acronym.chars()) {
            *slot = c;
            len += 1;
        }
        let mut after_run = 0;
        for &i in &t.capitalised_at {
            if i < after_run {
                continue;
            }
            // A run, through the small words inside a body's name, as far
            // as one initial more than the acronym has.
            let mut last = i;
            let mut initials = 0;
            let mut same = true;
            let mut k = i;
            while initials <= len {
                if t.is_capitalised(k) {
                    let initial = t.text(k).chars().next();
                    same &= initials < len && initial == Some(letters[initials]);
                    initials += 1;
                    last = k;
                } else if !(t.is_word(k)
                    && matches!(t.lower(k), "of" | "and" | "for" | "the")
                    && t.is_capitalised(k + 1))
                {
                    break;
                }
                k += 1;
            }
            after_run = last + 1;
            if same && initials == len && last > i {
                return Some(self.phrase(i, last));
            }
        }
        None
    }

    /// "the senator", "the former Florida governor", "Obama's former
    /// campaign strategist": a role made definite by an article or a
    /// possessive, which refers back to someone the article named.
    pub(super) fn is_definite_role(&self, m: &Mention) -> bool {
        let Referent::Description { head, .. } = &m.referent else {
            return false;
        };
        // ("the 43-year-old": an age is a person too.)
        let person = is_person_noun(head) || head.ends_with("-old");
        self.is_definite(m)
            && person
            && !is_plural_form(head)
            && !is_organisation_head(head)
            && !is_document_noun(head)
            && !matches!(head.as_str(), "official" | "press" | "white")
    }

    /// "the company", "the campaign", "the commission": a body made definite.
    pub(super) fn is_definite_body(&self, m: &Mention) -> bool {
        let Referent::Description { head, .. } = &m.referent else {
            return false;
        };
        self.is_definite(m) && is_organisation_head(head) && !is_document_noun(head)
    }

    /// A description that opens with "the" or with a name's possessive —
    /// or with no determiner at all, as headlines write roles ("US
    /// president says …").
    fn is_definite(&self, m: &Mention) -> bool {
        let t = self.t;
        let words = || (m.first..=m.last).filter(|&i| t.is_word(i));
        let bare = words().all(|i| !self.t.classes(i).is_determiner()) && t.is_capitalised(m.first);
        let definite =
            |i: usize| self.t.is_the(i) || active().definite_articles.contains(&self.lower(i));
        bare || words().next().is_some_and(|i| {
            definite(i) || (i < m.last && t.is_capitalised(i) && self.ends_in_possessive_s(i))
        })
    }

    /// "the commission" after "the Commission on Presidential Debates":
    /// the latest name before token `before` that holds the head noun
    /// capitalised, with the words of its name around it.
    pub(super) fn body_holding(&self, head: &str, before: usize) -> Option<String> {
        let t = self.t;
        let at = (t.capitalised_at.iter())
            .rev()
            .copied()
            .filter(|&i| i < before)
            .take(400)
            .find(|&i| self.lower(i) == head)?;
        let mut first = at;
        while first > 0 && t.is_capitalised(first - 1) {
            first -= 1;
        }
        let mut last = at;
        loop {
            if t.is_capitalised(last + 1) {
                last += 1;
            } else if t.is_word(last + 1)
                && matches!(self.lower(last + 1), "of" | "on" | "for" | "and" | "the")
                && (t.is_capitalised(last + 2)
                    || (self.t.is_the(last + 2) && t.is_capitalised(last + 3)))
            {
                last += 2;
                if !t.is_capitalised(last) {
                    last += 1;
                }
            } else {
                break;
            }
        }
        (last > first).then(|| self.phrase(first, last))
    }
}

/// "IMF", "NATO", "DNC": a short name in capitals.
pub(super) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase())
}
