//! Descriptions: "the Russian president" to the name the article binds the
//! role to, "Ryan’s office" to the body that speaks for a person.

use super::Resolver;
use crate::quote::clauses::ends_on_body_word;
use crate::quote::lexicon::{is_place_word, with_lowercase};
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
        ends_on_body_word(name)
            || is_acronym(name)
            || name.split(' ').all(|w| with_lowercase(w, is_place_word))
    }

    /// A body's name in full: an acronym spelt out where the article spells
    /// it ("IMF" → "International Monetary Fund").
    pub(super) fn body_name(&self, name: &str) -> String {
        if is_acronym(name) {
            if let Some(full) = self.spelt_out(name) {
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
        let letters: Vec<char> = acronym.chars().collect();
        let mut after_run = 0;
        for &i in &t.capitalised_at {
            if i < after_run {
                continue;
            }
            // A run, through the small words inside a body's name.
            let mut last = i;
            let mut initials = Vec::new();
            let mut k = i;
            while initials.len() <= letters.len() {
                if t.is_capitalised(k) {
                    initials.extend(t.text(k).chars().next());
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
            if initials == letters && last > i {
                return Some(self.phrase(i, last));
            }
        }
        None
    }
}

/// "IMF", "NATO", "DNC": a short name in capitals.
pub(super) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase())
}
