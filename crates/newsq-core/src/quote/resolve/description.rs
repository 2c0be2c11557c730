//! Descriptions: "the Russian president" to the name the article binds the
//! role to, "Ryan’s office" to the body that speaks for a person.

use super::Resolver;
use crate::quote::mentions::{name_in_run, run_start, Mention};

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
}
