//! The mood of reported speech (`[verbs.reported-mood]`, the German
//! Konjunktiv I): a sentence in it, with no cue of its own, goes on with
//! the statement of the sentence before — "Wendt sagte, die Lage sei
//! ernst. Die Stadt habe „keine Wahl“." The second sentence is Wendt's too,
//! and so is the quotation inside it.

use super::reported::MIN_WORDS;
use super::{Attributor, ReportedSource, Source};
use crate::quote::lexicon::{active, Class, Pronoun};
use crate::quote::mentions::Mention;
use crate::quote::tokens::{Kind, Tokens};

/// Reported speech runs on for a sentence or two after its cue.
const LOOK_BACK: usize = 2;

/// The statements and quotations (token, index) of the sentences before
/// one, which it may go on from.
struct Near<'q, R> {
    reported: R,
    quotes: &'q [(usize, usize)],
}

/// A source the writer reports from, where the text gives it.
struct Speaking {
    /// The token that sets the source's place: its cue, or the quotation.
    at: usize,
    mention: Mention,
    /// The cue, when the text has one.
    cue: Option<usize>,
}

impl Attributor<'_, '_> {
    /// Each sentence in the reported mood with no statement or cue of its
    /// own, after one that reports somebody (a statement, a quotation with
    /// a cue, a reporting verb with its subject): a reported statement of
    /// the same source, in text order; the quotations in it are that
    /// source's words.
    pub(super) fn continued_in_reported_mood(
        &self,
        sources: &[Option<Source>],
        reported: &[ReportedSource],
    ) -> Vec<ReportedSource> {
        let t = self.t;
        if !active().lists(Class::ReportedMood) {
            return Vec::new();
        }
        // (Each sentence asks only about the few before it: the statements
        // by their cue's sentence and the quotations by their token are in
        // text order, and are found by halving.)
        let quotes: Vec<(usize, usize)> = (t.quote_tok.iter().enumerate())
            .filter_map(|(q, tok)| tok.map(|tok| (tok, q)))
            .collect();
        let mut added: Vec<ReportedSource> = Vec::new();
        for (s, &(lo, hi)) in t.sentences.iter().enumerate() {
            let sentence_of = |r: &ReportedSource| t.toks[r.cue].sentence;
            let from = reported.partition_point(|r| sentence_of(r) < s.saturating_sub(LOOK_BACK));
            let upto = reported.partition_point(|r| sentence_of(r) < s);
            let has_own = reported.get(upto).is_some_and(|r| sentence_of(r) == s);
            if has_own || !self.in_reported_mood(lo, hi) {
                continue;
            }
            let window_start = t
                .sentences
                .get(s.saturating_sub(LOOK_BACK))
                .map_or(lo, |&(l, _)| l);
            let q_from = quotes.partition_point(|&(tok, _)| tok < window_start);
            let q_upto = quotes.partition_point(|&(tok, _)| tok < lo);
            // (A continuation's cue is the statement's it goes on from: two
            // back at most, and `added` holds the last ones.)
            let added_from = added.len().saturating_sub(LOOK_BACK);
            let near = Near {
                reported: reported[from..upto].iter().chain(&added[added_from..]),
                quotes: &quotes[q_from..q_upto],
            };
            let Some(before) = self.speaking_before(s, lo, sources, near) else {
                continue;
            };
            let Some(parts) = self.whole_sentence(lo, hi) else {
                continue;
            };
            // (A statement's cue sets where its source is resolved: the
            // reporting sentence's, so "er" there is who it was there.)
            let cue = before.cue.unwrap_or(before.at);
            added.push(ReportedSource {
                mention: before.mention,
                cue,
                parts,
                nested: false,
            });
        }
        added
    }

    /// Whether sentence `lo..hi` states in the reported mood with no cue
    /// of its own: its main clause's verb (before the first comma, or right
    /// after it) is a listed form, not after "ich" ("ich habe" is no
    /// report), and the sentence is no question.
    fn in_reported_mood(&self, lo: usize, hi: usize) -> bool {
        let t = self.t;
        let words_outside = (lo..hi).filter(|&j| t.is_word(j)).count();
        if words_outside < MIN_WORDS || (lo..hi).any(|j| t.is_punct(j, "?")) {
            return false;
        }
        self.main_clause_in_reported_mood(lo, hi) && !(lo..hi).any(|j| self.is_own_cue(j))
    }

    /// Whether the main clause of sentence `lo..hi` (before its first comma,
    /// or right after it) has a verb in the reported mood and no "ich"
    /// ("Nun habe ich …" reports nobody).
    fn main_clause_in_reported_mood(&self, lo: usize, hi: usize) -> bool {
        let t = self.t;
        let first_comma = (lo..hi).find(|&j| t.is_punct(j, ",")).unwrap_or(hi);
        let main_clause_end = (first_comma + 2).min(hi);
        let first_person = (lo..main_clause_end)
            .any(|j| t.is_word(j) && t.classes(j).pronoun() == Some(Pronoun::I));
        !first_person && (lo..main_clause_end).any(|j| self.is_reported_mood_verb(j))
    }

    /// A verb in the reported mood, lowercase as verbs are written ("An
    /// dieser Stelle" is a noun's).
    /// Whether sentence `lo..hi` has a verb in the reported mood anywhere,
    /// and no "ich".
    fn in_reported_mood_anywhere(&self, lo: usize, hi: usize) -> bool {
        let t = self.t;
        let first_person =
            (lo..hi).any(|j| t.is_word(j) && t.classes(j).pronoun() == Some(Pronoun::I));
        !first_person && (lo..hi).any(|j| self.is_reported_mood_verb(j))
    }

    fn is_reported_mood_verb(&self, j: usize) -> bool {
        let t = self.t;
        t.is_word(j) && t.text(j).starts_with(char::is_lowercase) && t.classes(j).is_reported_mood()
    }

    /// A word that reports by itself: a reporting verb, "laut", "zufolge",
    /// a tag ("so").
    fn is_own_cue(&self, j: usize) -> bool {
        let t = self.t;
        if !t.is_word(j) {
            return false;
        }
        let c = t.classes(j);
        self.is_cue(j).is_some()
            || c.is_reporting_cue()
            || c.is_according_cue_after()
            || c.is_statement_tag()
            || self.according_phrase_at(j).is_some()
    }

    /// The latest source reported from in the `LOOK_BACK` sentences before
    /// sentence `s` (which opens at `lo`), in its paragraph.
    fn speaking_before<'r>(
        &self,
        s: usize,
        lo: usize,
        sources: &[Option<Source>],
        near_ones: Near<'_, impl Iterator<Item = &'r ReportedSource>>,
    ) -> Option<Speaking> {
        let t = self.t;
        let paragraph = t.toks.get(lo)?.paragraph;
        let near = |tok: usize| within_reach(t, tok, lo, s, paragraph);
        let mut best: Option<Speaking> = None;
        let mut offer = |found: Speaking| {
            if best.as_ref().is_none_or(|b| found.at > b.at) {
                best = Some(found);
            }
        };
        for r in near_ones.reported {
            let at = r.parts.last().map_or(r.cue, |p| p.1.max(r.cue));
            if near(at) {
                offer(Speaking {
                    at,
                    mention: r.mention.clone(),
                    cue: Some(r.cue),
                });
            }
        }
        for &(tok, q) in near_ones.quotes {
            if !near(tok) {
                continue;
            }
            let source = sources.get(q).and_then(Option::as_ref);
            if let Some((mention, Some(cue))) = root_mention(sources, source) {
                offer(Speaking {
                    at: tok,
                    mention: mention.clone(),
                    cue: Some(cue),
                });
            }
        }
        // A reporting verb with its subject and no statement of its own:
        // "Hajduk kritisierte die Pläne. Hier seien die Mittel zu knapp."
        let first_near = (s.saturating_sub(LOOK_BACK)..s)
            .find_map(|p| t.sentences.get(p).map(|&(l, _)| l))
            .unwrap_or(lo);
        for p in s.saturating_sub(LOOK_BACK)..s {
            let Some(&(plo, phi)) = t.sentences.get(p) else {
                continue;
            };
            if plo < first_near || t.toks.get(plo).is_none_or(|x| x.paragraph != paragraph) {
                continue;
            }
            let cue = (plo..phi)
                .rev()
                .find(|&k| self.is_cue(k).is_some() && !self.not_said(k, plo));
            let Some(k) = cue else {
                continue;
            };
            if let Some(mention) = self.finite_cue_subject(k, plo) {
                offer(Speaking {
                    at: k,
                    mention,
                    cue: Some(k),
                });
            }
        }
        best
    }

    /// The sentence `lo..hi` as one statement, trimmed of its edges'
    /// punctuation.
    fn whole_sentence(&self, lo: usize, hi: usize) -> Option<Vec<(usize, usize)>> {
        let t = self.t;
        let first = (lo..hi).find(|&j| matches!(t.toks[j].kind, Kind::Word | Kind::Quote(_)))?;
        let last = (first..hi)
            .rev()
            .find(|&j| matches!(t.toks[j].kind, Kind::Word | Kind::Quote(_)))?;
        self.checked(vec![(first, last)])
    }
}

/// Whether token `tok` comes before token `before`, in its paragraph and
/// at most `LOOK_BACK` sentences before `sentence`: where the source of
/// what is said in the reported mood may stand.
fn within_reach(
    t: &Tokens<'_>,
    tok: usize,
    before: usize,
    sentence: usize,
    paragraph: usize,
) -> bool {
    tok < before
        && t.toks[tok].paragraph == paragraph
        && t.toks[tok].sentence + LOOK_BACK >= sentence
}

/// The mention and cue a quotation's source comes to, through quotations
/// that carry an earlier one's.
fn root_mention<'s>(
    sources: &'s [Option<Source>],
    mut source: Option<&'s Source>,
) -> Option<(&'s Mention, Option<usize>)> {
    // (Each step goes to an earlier quotation: the chain ends.)
    for _ in 0..sources.len() + 1 {
        match source? {
            Source::Mention { mention, cue, .. } => return Some((mention, *cue)),
            Source::Carried(p) | Source::Same(p) => source = sources.get(*p)?.as_ref(),
            Source::Label { .. } => return None,
        }
    }
    None
}

/// "Stoiber sagte, er bleibe in München. Auch habe sich durch die
/// „veränderte Statik“ die Lage geändert.": a quotation with no source of
/// its own, in a sentence whose verb is in the mood of reported speech
/// (`[verbs.reported-mood]`, the German Konjunktiv I), has the speaker of
/// the statement just before it in its paragraph (two sentences back at
/// most).
pub(super) fn carry_into_reported_mood(
    a: &Attributor<'_, '_>,
    sources: &mut [Option<Source>],
    reported: &[ReportedSource],
) {
    let t = a.t;
    if !active().lists(Class::ReportedMood) {
        return;
    }
    for q in 0..sources.len() {
        if sources[q].is_some() {
            continue;
        }
        let Some(i) = t.quote_tok.get(q).copied().flatten() else {
            continue;
        };
        let (sentence, paragraph) = (t.toks[i].sentence, t.toks[i].paragraph);
        let Some(&(lo, hi)) = t.sentences.get(sentence) else {
            continue;
        };
        // (Looser than a statement's test: the mood anywhere in the
        // sentence, a subordinate clause's too — "…, weil „manche“ geglaubt
        // hätten, sie würden gewinnen" — but still not "ich".)
        if !a.in_reported_mood_anywhere(lo, hi) {
            continue;
        }
        // (The statements are in the order of their cues' sentences: read
        // back only through the sentences this one may go on from.)
        let cue_sentence = |r: &ReportedSource| t.toks[r.cue].sentence;
        let upto = reported.partition_point(|r| cue_sentence(r) <= sentence);
        let in_window = |r: &&ReportedSource| cue_sentence(r) + LOOK_BACK >= sentence;
        let before = || reported[..upto].iter().rev().take_while(in_window);
        let near = |tok: usize| within_reach(t, tok, i, sentence, paragraph);
        // (Read back only through the sentences it may go on from.)
        let quoted = (0..q)
            .rev()
            .filter_map(|p| Some((t.quote_tok.get(p).copied().flatten()?, p)))
            .take_while(|&(tok, _)| t.toks[tok].sentence + LOOK_BACK >= sentence)
            .find(|&(tok, p)| sources[p].is_some() && near(tok));
        let said = before().find(|r| near(r.cue));
        sources[q] = match (quoted, said) {
            (Some((tok, _)), Some(r)) if r.cue > tok => Some(Source::uncued(r.mention.clone())),
            (Some((_, p)), _) => Some(Source::Carried(p)),
            (None, Some(r)) => Some(Source::uncued(r.mention.clone())),
            (None, None) => None,
        };
    }
}
