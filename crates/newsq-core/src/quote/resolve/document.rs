//! Documents: "Axelrod’s memoir says", "Bush's Facebook post" — the words
//! of the text's author.

use super::Resolver;
use crate::quote::mentions::{name_in_run, run_start, Mention};

impl Resolver<'_, '_> {
    /// "Axelrod’s memoir", "Bush's Facebook post": a text written by a
    /// person the article names, whose words it carries.
    pub(super) fn author_of(&self, m: &Mention, head: &str) -> Option<usize> {
        if !matches!(
            head,
            "memoir"
                | "memoirs"
                | "book"
                | "autobiography"
                | "diary"
                | "statement"
                | "letter"
                | "tweet"
                | "post"
                | "blog"
                | "column"
                | "op-ed"
                | "email"
                | "e-mail"
                | "speech"
                | "remarks"
                | "words"
        ) {
            return None;
        }
        let t = self.t;
        let owner = self.owner_before(m, head)?;
        if !self.is_possessive(owner) {
            return None;
        }
        let (_, name) = name_in_run(t, run_start(t, owner).max(m.first), owner)?;
        self.table.resolve_name(&name)
    }
}
