//! Each quotation's source as the text writes it: the reporting cue around
//! it and the name, pronoun or description that speaks, else the
//! quotation before it carried on. (`resolve` turns sources into speakers.)

use super::clauses::{
    ends_on_body_word, is_clause_boundary_word, is_dash, is_plural_form, is_preposition, Clauses,
};
use super::lexicon::{
    active, cue_form, is_capitalised_function_word, is_cue_modifier, is_determiner,
    is_inverting_cue, is_party_tag, is_person_noun, is_title, Class, CueForm, Pronoun,
};
use super::mentions::{classify, names_a_medium, run_end, run_start, Mention, Referent};
use super::tokens::Kind;

mod anaphora;
mod mood;
mod reported;
mod speech_act;
mod verb_second;
pub(crate) use reported::ReportedSource;

/// Where a quotation's speaker is found, before anyone is named: the
/// resolver (`super::resolve`) turns it into a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// A phrase of the text — a name, a pronoun, a description — and the
    /// reporting cue that ties it to the quotation, when one does (a
    /// colon, a sentence about the speaker before the quotation: none).
    Mention {
        mention: Mention,
        cue: Option<usize>,
        /// Words another relays: "Russian media quoted Dmitry Peskov as
        /// saying" (the mention is Peskov).
        nested: bool,
    },
    /// A transcript label inside the quotation ("PENCE: Well, …"): the label
    /// as written and the name it gives.
    Label { label: String, name: String },
    /// No reporting clause: the speaker of an earlier quotation goes on.
    Carried(usize),
    /// The second part of a split quotation (“A,” X said, “B.”): the same
    /// attribution as quotation `q`, cue and all.
    Same(usize),
}

impl Source {
    fn cued(mention: Mention, cue: usize) -> Source {
        Source::Mention {
            mention,
            cue: Some(cue),
            nested: false,
        }
    }

    fn uncued(mention: Mention) -> Source {
        Source::Mention {
            mention,
            cue: None,
            nested: false,
        }
    }

    fn nested(mention: Mention, cue: usize) -> Source {
        Source::Mention {
            mention,
            cue: Some(cue),
            nested: true,
        }
    }
}

/// Every quotation's source, parallel to the quoted spans.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub of_quote: Vec<Option<Source>>,
    /// Quotation q and q+1 are one split quotation (“…,” she said, “…”).
    pub continues_in_next: Vec<bool>,
}

/// Whether quotation `q`'s source has a reporting cue of its own (or is
/// the second part of a split quotation that has one).
fn has_cue(sources: &[Option<Source>], q: usize) -> bool {
    match sources.get(q) {
        Some(Some(Source::Mention { cue, .. })) => cue.is_some(),
        Some(Some(Source::Label { .. })) => true,
        // (An earlier quotation: the chain is finite.)
        Some(Some(Source::Same(p))) if *p < q => has_cue(sources, *p),
        _ => false,
    }
}

/// Nouns that name something said: "his “47 percent” comment".
fn is_remark_noun(w: &str) -> bool {
    is_saying_noun(w)
        || matches!(
            w,
            "comment"
                | "comments"
                | "remark"
                | "remarks"
                | "promise"
                | "pledge"
                | "vow"
                | "quip"
                | "retort"
                | "boast"
                | "jab"
                | "declaration"
        )
}

/// Remark nouns that name a saying itself, not a judgement of one: "her
/// slogan was “…”" quotes it, "her comment was “ill-advised”" judges it.
fn is_saying_noun(w: &str) -> bool {
    matches!(
        w,
        "slogan" | "motto" | "dictum" | "mantra" | "refrain" | "catchphrase"
    )
}

struct Attributor<'t, 'a> {
    c: Clauses<'t, 'a>,
    /// Each paragraph's first word token (`usize::MAX` when it has none):
    /// whether a quotation opens its paragraph is asked for many quotations,
    /// and reading back through the paragraph each time is quadratic.
    first_word_of_paragraph: Vec<usize>,
}

/// The clause readers are the cue finder's first tools.
impl<'t, 'a> std::ops::Deref for Attributor<'t, 'a> {
    type Target = Clauses<'t, 'a>;

    fn deref(&self) -> &Clauses<'t, 'a> {
        &self.c
    }
}

/// Find where each quotation's speaker is named — the reporting cues around
/// it, else the discourse (the quotation before, the sentence before) —
/// and every reported statement with its source (one reading of the text
/// serves both).
pub(crate) fn find_sources(c: Clauses<'_, '_>) -> (Sources, Vec<ReportedSource>) {
    let a = Attributor::new(c);
    let mut sources = quotation_sources(&a);
    let mut reported = reported::find_reported(&a);
    let continued = a.continued_in_reported_mood(&sources.of_quote, &reported);
    carry_from_holding_statement(&a, &mut sources.of_quote, &continued);
    mood::carry_into_reported_mood(&a, &mut sources.of_quote, &reported);
    carry_from_holding_statement(&a, &mut sources.of_quote, &reported);
    // The sentences that go on in the reported mood are statements too,
    // unless another reading made one of them already ("Die Schäden seien
    // erheblich. Das bestätigte die Polizei.").
    if !continued.is_empty() {
        let mut spans: Vec<(usize, usize)> = reported
            .iter()
            .flat_map(|r| r.parts.iter().copied())
            .collect();
        spans.sort_unstable();
        let taken = |&(first, last): &(usize, usize)| {
            // (The span starting last at or before `last` is the one that
            // may reach into it: statements do not nest.)
            let before = spans.partition_point(|&(f, _)| f <= last);
            before > 0 && spans[before - 1].1 >= first
        };
        let continued = continued.into_iter().filter(|c| !c.parts.iter().any(taken));
        reported.extend(continued);
        reported.sort_by_key(|r| r.parts.first().map_or(r.cue, |p| p.0));
    }
    (sources, reported)
}

/// "Elshorst erklärte, dass Schmiergeld „in der gesamten Wirtschaft
/// üblich“ gewesen sei", "Nach Angaben der Ministerin soll der Plan „im
/// Regelfall“ gelten": a quotation with no source of its own inside a
/// reported statement is the statement's source's words.
fn carry_from_holding_statement(
    a: &Attributor<'_, '_>,
    sources: &mut [Option<Source>],
    reported: &[ReportedSource],
) {
    // (Each statement's token range, by where it starts: a quotation's
    // holder is found by halving.)
    let mut spans: Vec<(usize, usize, usize)> = (reported.iter().enumerate())
        .flat_map(|(r, s)| s.parts.iter().map(move |&(f, l)| (f, l, r)))
        .collect();
    spans.sort_unstable();
    for (q, source) in sources.iter_mut().enumerate() {
        if source.is_some() {
            continue;
        }
        let Some(i) = a.t.quote_tok.get(q).copied().flatten() else {
            continue;
        };
        let upto = spans.partition_point(|&(f, _, _)| f <= i);
        // (Statements do not nest far: a few back are enough.)
        let holder = spans[..upto]
            .iter()
            .rev()
            .take(4)
            .find(|&&(f, l, _)| f < i && i <= l);
        if let Some(&(_, _, r)) = holder {
            *source = Some(Source::uncued(reported[r].mention.clone()));
            continue;
        }
        // "Nach Ansicht von Wulff ist nichts entschieden. „Es ist nur ein
        // Gutachten.“": a quotation opening its sentence, right after a
        // sentence of the same paragraph that reports somebody, goes on
        // with them.
        let t = a.t;
        let tok = t.toks[i];
        let Some(previous) = tok.sentence.checked_sub(1) else {
            continue;
        };
        if !t.opens_sentence(i) {
            continue;
        }
        let last_before = spans[..upto]
            .iter()
            .rev()
            .take(4)
            .filter(|&&(_, l, _)| {
                t.toks[l].sentence == previous && t.toks[l].paragraph == tok.paragraph
            })
            .max_by_key(|&&(_, l, _)| l);
        if let Some(&(_, _, r)) = last_before {
            *source = Some(Source::uncued(reported[r].mention.clone()));
        }
    }
}

/// Each quotation's source (see [`find_sources`]).
fn quotation_sources(a: &Attributor<'_, '_>) -> Sources {
    let t = a.t;
    let spans = a.spans;
    let mut out: Vec<Option<Source>> = vec![None; spans.len()];
    let mut last_quote: Option<(usize, usize)> = None; // (quote index, token index)
    for &(lo, hi) in &t.sentences {
        // Quotations of this sentence, in order.
        for i in lo..hi {
            let Kind::Quote(q) = t.toks[i].kind else {
                continue;
            };
            let found = a
                .transcript_label(q)
                .or_else(|| a.around(i, lo, hi))
                .or_else(|| a.by_discourse(i, lo, last_quote, &out));
            // Titles of works and unattributed scare quotes do not interrupt
            // a speaker's run of quotations.
            if found.is_some() {
                last_quote = Some((q, i));
            }
            out[q] = found;
        }
    }
    // “A” and “B,” X said: a quotation joined to the next by "and" or "or"
    // alone shares its reporting clause.
    for q in (0..spans.len().saturating_sub(1)).rev() {
        if out[q].is_none() && a.coordinated_with_next(q) {
            out[q] = out[q + 1].clone();
        }
    }
    // Split quotations: “A,” X said, “B.” — the second part has no words of its
    // own before the cue; it belongs to the first part's speaker.
    let mut continues_in_next = vec![false; spans.len()];
    for q in 0..spans.len().saturating_sub(1) {
        continues_in_next[q] = a.is_split_pair(q);
        if continues_in_next[q] && out[q].is_some() {
            out[q + 1] = Some(Source::Same(q));
        }
    }
    Sources {
        of_quote: out,
        continues_in_next,
    }
}

impl<'t, 'a> Attributor<'t, 'a> {
    fn new(c: Clauses<'t, 'a>) -> Self {
        let t = c.t;
        let paragraphs = t.toks.last().map_or(0, |tok| tok.paragraph + 1);
        let mut first_word_of_paragraph = vec![usize::MAX; paragraphs];
        for (i, tok) in t.toks.iter().enumerate().rev() {
            if let Some(first) = first_word_of_paragraph.get_mut(tok.paragraph) {
                if tok.kind == Kind::Word {
                    *first = i;
                }
            }
        }
        Attributor {
            c,
            first_word_of_paragraph,
        }
    }

    fn is_cue(&self, i: usize) -> Option<CueForm> {
        let t = self.t;
        // Reporting verbs are lowercase in running text ("the United States" is no cue).
        if !t.is_word(i) || t.text(i).starts_with(char::is_uppercase) {
            return None;
        }
        // (As written: a word with a capital inside is no cue.)
        let w = t.text(i);
        let form = if w == t.lower(i) {
            t.classes(i).cue_form()
        } else {
            cue_form(w)
        }?;
        // "a series of tweets", "his late-night posts": a plural noun, not a verb.
        if w.ends_with('s') && w != "says" && i > 0 && t.is_word(i - 1) {
            let prev = self.lower(i - 1);
            let prev_classes = t.classes(i - 1);
            if prev_classes.is_determiner()
                || prev_classes.is_preposition()
                || prev == "of"
                || prev.contains('-')
                || self.ends_in_possessive_s(i - 1)
            {
                return None;
            }
        }
        // "six Orthodox were admitted", "it is said": a passive reports
        // nobody's words — unless its agent follows ("was asked by X") or
        // it relays them ("was quoted as saying").
        if form == CueForm::Finite && i > 0 && t.is_word(i - 1) {
            let passive = matches!(
                self.lower(i - 1),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            ) && (w.ends_with("ed") || w == "told" || w == "said");
            let relayed = t.is_word(i + 1)
                && (self.lower(i + 1) == "by"
                    || (self.lower(i + 1) == "as"
                        && t.is_word(i + 2)
                        && self.t.classes(i + 2).cue_form() == Some(CueForm::Participle)));
            if passive && !relayed {
                return None;
            }
        }
        // "a call", "his warning": a determiner makes a noun of it.
        if i > 0 && t.is_word(i - 1) {
            let prev = self.lower(i - 1);
            // (Not an auxiliary: French "a déclaré".)
            let article = matches!(
                prev,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            ) && !t.classes(i - 1).is_cue_modifier();
            if article || (prev != "it’s" && prev != "it's" && self.ends_in_possessive_s(i - 1)) {
                return None;
            }
        }
        Some(form)
    }

    /// The name a relative clause hangs on, when its cue at `k` introduces
    /// the quotation at `i`: "X, who joked …, “…”", "X which reported “…”".
    fn relative_clause_speaker(&self, k: usize, lo: usize, i: usize) -> Option<Mention> {
        let t = self.t;
        let mut p = k;
        while p > lo && t.is_word(p - 1) && self.t.classes(p - 1).is_cue_modifier() {
            p -= 1;
        }
        let pronoun = p.checked_sub(1).filter(|&r| r > lo)?;
        if !(t.is_word(pronoun) && matches!(self.lower(pronoun), "who" | "which")) {
            return None;
        }
        // Nothing but the cue's complement between it and the quotation.
        let direct = (k + 1..i).all(|j| match t.toks[j].kind {
            Kind::Word => self.is_cue(j).is_none() && !is_clause_boundary_word(self.lower(j)),
            Kind::Punct => matches!(t.text(j), "," | ":"),
            _ => false,
        });
        if !direct {
            return None;
        }
        let end = if t.is_punct(pronoun - 1, ",") {
            pronoun.checked_sub(2)?
        } else {
            pronoun - 1
        };
        self.name_ending_at(end, lo).or_else(|| {
            // "the Chicago Police Department which reported": a body's name.
            let first = run_start(t, end).max(lo);
            let first = if first > lo && self.t.is_the(first - 1) {
                first - 1
            } else {
                first
            };
            classify(t, first, end).filter(|m| self.organisation_named(m).is_some())
        })
    }

    /// Whether the quotation at token `i` reads as the title of a work.
    fn quotation_is_title(&self, i: usize) -> bool {
        let Kind::Quote(q) = self.t.toks[i].kind else {
            return false;
        };
        let text: String = (self.spans[q].parts.iter())
            .map(|&(a, b)| self.t.body.get(a..b).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        super::is_title_of_work(&text)
    }

    /// "was asked", "were told": a passive verb right after token `last`.
    fn is_passive_after(&self, last: usize) -> bool {
        let t = self.t;
        t.is_word(last + 1)
            && matches!(
                self.lower(last + 1),
                "was" | "were" | "is" | "are" | "been" | "being"
            )
            && t.is_word(last + 2)
            && {
                let w = self.lower(last + 2);
                (w.ends_with("ed") && w.len() > 4) || matches!(w, "told" | "shown" | "given")
            }
    }

    /// The speaker of "X quoted Y as saying" (Y) or "Y was quoted as
    /// saying" (Y), for the participle at `k`.
    fn quoted_as_saying(&self, k: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        let as_at = k
            .checked_sub(1)
            .filter(|&a| a > lo && t.is_word(a) && self.lower(a) == "as")?;
        let relay = (lo.max(as_at.saturating_sub(12))..as_at).rev().find(|&j| {
            t.is_word(j) && matches!(self.lower(j), "quoted" | "cited" | "paraphrased")
        })?;
        if relay + 1 < as_at {
            // Active: the one quoted stands between the verb and "as".
            classify(t, relay + 1, as_at - 1)
                .filter(|m| !matches!(m.referent, Referent::Pronoun(_)) || m.first == m.last)
        } else {
            // Passive: the subject of "was quoted".
            let be = relay.checked_sub(1).filter(|&b| b > lo && t.is_word(b))?;
            if !matches!(self.lower(be), "was" | "were" | "is" | "are" | "been") {
                return None;
            }
            self.subject_in(self.clause_start(be, lo), be)
        }
    }

    /// The first token of the clause that token `k` stands in: past the
    /// last comma, semicolon or clause-opening word before it.
    fn clause_start(&self, k: usize, lo: usize) -> usize {
        let t = self.t;
        (lo..k)
            .rev()
            .find(|&j| {
                t.is_punct(j, ",")
                    || t.is_punct(j, ";")
                    || (t.is_word(j) && is_clause_boundary_word(self.lower(j)))
            })
            .map_or(lo, |j| j + 1)
    }

    /// "forcefully", "angrily": a lowercase adverb in -ly.
    fn is_manner_adverb(&self, i: usize) -> bool {
        let w = self.t.text(i);
        w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase)
    }

    /// A cue inside a relative clause ("anybody who complains", "an
    /// architect who said") reports somebody else's words, not the quotation's.
    fn in_relative_clause(&self, k: usize) -> bool {
        let t = self.t;
        let mut p = k;
        while p > 0 && t.is_word(p - 1) && self.t.classes(p - 1).is_cue_modifier() {
            p -= 1;
        }
        if p == 0 || !t.is_word(p - 1) {
            return false;
        }
        match self.lower(p - 1) {
            "who" | "that" | "which" => true,
            // "host Bill Maher, who backs Sanders, but has dismissed": a
            // second verb of the relative clause.
            "and" | "but" => {
                let mut j = p - 1;
                for _ in 0..15 {
                    if j == 0 || matches!(t.toks[j - 1].kind, Kind::Quote(_) | Kind::Break) {
                        return false;
                    }
                    j -= 1;
                    if t.is_punct(j, ".") || t.is_punct(j, ";") || t.is_punct(j, ":") {
                        return false;
                    }
                    if t.is_word(j) {
                        if matches!(self.lower(j), "who" | "which") {
                            return j > 0 && t.is_punct(j - 1, ",");
                        }
                        if self.is_cue(j).is_some() {
                            return false;
                        }
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// “A” and “B,” X said: quotations q and q+1 stand in one sentence with
    /// only a conjunction (and commas) between them.
    fn coordinated_with_next(&self, q: usize) -> bool {
        let t = self.t;
        let (Some(i), Some(j)) = (
            t.quote_tok.get(q).copied().flatten(),
            t.quote_tok.get(q + 1).copied().flatten(),
        ) else {
            return false;
        };
        if j <= i + 1 || t.toks[i].sentence != t.toks[j].sentence {
            return false;
        }
        let between = i + 1..j;
        between
            .clone()
            .any(|k| t.is_word(k) && matches!(self.lower(k), "and" | "or"))
            && between.clone().all(|k| {
                (t.is_word(k) && matches!(self.lower(k), "and" | "or")) || t.is_punct(k, ",")
            })
    }

    /// “A,” X said, “B.”: quotation q's right context is a reporting clause
    /// ending in a comma or colon, and quotation q+1 follows at once.
    fn is_split_pair(&self, q: usize) -> bool {
        let t = self.t;
        let Some(i) = t.quote_tok.get(q).copied().flatten() else {
            return false;
        };
        // “very interested” in hosting the talks, adding: “…”: words of
        // the sentence after the first part, not a reporting clause.
        if !self.ends_on_comma(i) && !self.quote_ends_with(i, &['?', '!']) {
            return false;
        }
        // Trump warned that …, “I’m just going to back away,” asserting,
        // “This is not my war.”: the first part has a cue of its own
        // before it, so the one after it introduces a second quotation.
        let lo = t.sentence_start(i).unwrap_or(i);
        if (lo..i).any(|k| self.is_cue(k).is_some()) {
            return false;
        }
        let mut j = i + 1;
        let mut saw_cue = false;
        // The clause may carry a long appositive: “A,” said X, director of
        // security studies at an institute in London, “B.”
        while j < t.toks.len() && j < i + 40 {
            match t.toks[j].kind {
                Kind::Quote(r) => {
                    // “A.” Asked about it, X replied, “B.”: a new sentence, no split.
                    return r == q + 1
                        && saw_cue
                        && t.toks[j].sentence == t.toks[i].sentence
                        && (t.is_punct(j - 1, ",")
                            || t.is_punct(j - 1, ":")
                            || (t.toks[j - 1].kind == Kind::Punct && is_dash(t.text(j - 1))));
                }
                Kind::Break => return false,
                Kind::Punct if matches!(t.text(j), "." | "?" | "!" | ";") => return false,
                Kind::Word if self.is_cue(j).is_some() => saw_cue = true,
                _ => {}
            }
            j += 1;
        }
        false
    }

    /// "PENCE: Well, look, …" — a transcript line inside the quotation.
    fn transcript_label(&self, q: usize) -> Option<Source> {
        let &(s, e) = self.spans[q].parts.first()?;
        let text = &self.t.body[s..e];
        let colon = text.find(':')?;
        let label = text[..colon].trim();
        let ok = (1..=4).contains(&label.split_whitespace().count())
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
        if !ok {
            return None;
        }
        let words: Vec<String> = label
            .split_whitespace()
            .filter(|w| !is_title(&w.trim_end_matches('.').to_lowercase()))
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or(String::new(), |f| {
                    f.to_string() + &cs.as_str().to_lowercase()
                })
            })
            .collect();
        let name = words.join(" ");
        if name.is_empty() {
            return None;
        }
        Some(Source::Label {
            label: label.to_string(),
            name,
        })
    }

    /// „Die Zeit“ as a name: the quotation at token `k`, when it reads as
    /// the title of an outlet or a work.
    pub(super) fn quoted_name_at(&self, k: usize) -> Option<Mention> {
        let t = self.t;
        let Some(Kind::Quote(q)) = t.toks.get(k).map(|tok| tok.kind) else {
            return None;
        };
        let span = self.spans.get(q)?;
        let name = super::clean_quote_text(span.parts.iter().map(|&(a, b)| &t.body[a..b]));
        super::is_title_of_work(&name).then_some(Mention {
            first: k,
            last: k,
            referent: Referent::Name(name),
        })
    }

    /// The reporting clause around quotation token `i` in sentence `lo..hi`.
    fn around(&self, i: usize, lo: usize, hi: usize) -> Option<Source> {
        // “…”, but he also warned: a quotation inside a reporting clause that
        // does not end on a comma belongs to that clause, not to the next one.
        let t = self.t;
        let next_clause = (i + 1..hi)
            .find(|&j| t.is_word(j))
            .is_some_and(|j| matches!(self.lower(j), "but" | "and" | "while" | "although"));
        // "… but Moscow denies — “why wouldn’t you?” asked Dunn": a cue and
        // a name right after the marks claim the quotation.
        let inverted_after = t.is_word(i + 1)
            && self.is_cue(i + 1) == Some(CueForm::Finite)
            && self.t.classes(i + 1).is_inverting_cue()
            && t.is_capitalised(i + 2);
        // "even as Trump claimed on Tuesday that “…,” a prosecutor said": a
        // quotation that completes "<cue> that" is that cue's, comma or not.
        // (“Comey cannot say that “…,” Lewandowski added.": a cue after it
        // that closes the sentence reports the whole sentence.)
        let complements_cue = i > lo + 1
            && t.is_word(i - 1)
            && self.lower(i - 1) == "that"
            && (i.saturating_sub(7).max(lo)..i - 1).any(|k| self.is_cue(k).is_some())
            && (i + 1..hi)
                .find(|&k| self.is_cue(k) == Some(CueForm::Finite))
                .is_some_and(|k| (k + 1..(k + 4).min(hi)).all(|j| t.is_word(j)));
        if self.opens_with_connective(i, lo) {
            return None;
        }
        if let Some(found) = self.possessive_remark(i, lo) {
            return Some(found);
        }
        // (In a verb-second language the clause before the colon decides
        // first: "Nach der Sitzung sagte Wendt:" has no subject before "sagte".)
        // (Where articles and prepositions mark a subject — German, and
        // languages that do not inflect names — the clause before a colon
        // is read for its subject in any order too.)
        let lexicon = active();
        let marked_by_articles =
            lexicon.settings.inverted_clauses && !lexicon.lists(Class::NameCaseEnding);
        if lexicon.settings.verb_second || marked_by_articles {
            if let Some(found) = self.verb_second_cue(i, lo) {
                return Some(found);
            }
        }
        let embedded = (lo..i).any(|j| t.is_word(j))
            && (!self.ends_on_comma(i) || next_clause || complements_cue)
            && !inverted_after;
        let found = if embedded {
            self.before(i, lo)
                .or_else(|| self.after(i, hi))
                .or_else(|| self.inverted_cue_at_end(i, hi))
        } else {
            self.after(i, hi)
                .or_else(|| self.before(i, lo))
                .or_else(|| self.inverted_cue_at_end(i, hi))
                .or_else(|| self.signature_below(i))
        };
        // (Each asked only where the language lists its words.)
        let lexicon = active();
        let tags = lexicon.lists(Class::CueTag) || lexicon.lists(Class::CueAccording);
        found
            .or_else(|| tags.then(|| self.tag_after(i, hi)).flatten())
            .or_else(|| tags.then(|| self.tag_before(i, lo)).flatten())
            .or_else(|| {
                (lexicon.lists(Class::CueAsClause))
                    .then(|| self.as_clause_source(i, lo))
                    .flatten()
            })
            .or_else(|| {
                (lexicon.lists(Class::CueOpinion))
                    .then(|| self.opinion_source(i, lo))
                    .flatten()
            })
    }

    /// "And: “…”", "Und weiter: „…“": a quotation after a colon that only
    /// a connective or two stand before, which goes on with the speaker
    /// before it.
    fn opens_with_connective(&self, i: usize, lo: usize) -> bool {
        let t = self.t;
        // (English reads "And: “…”" by its own rules.)
        if i <= lo || !t.is_punct(i - 1, ":") || !active().settings.inverted_clauses {
            return false;
        }
        let mut words = (lo..i - 1).filter(|&j| t.is_word(j)).peekable();
        words.peek().is_some()
            && words.enumerate().all(|(n, j)| {
                n < 2
                    && (t.classes(j).is_capitalised_function_word()
                        || is_clause_boundary_word(self.lower(j)))
                    && !t.classes(j).is_determiner()
                    && t.classes(j).pronoun().is_none()
            })
    }

    /// Nach der Sitzung sagte Minister Schily: „…“ — a clause before a
    /// colon, its subject in any order (with a cue or without: "Im
    /// Kongress warb Obama mit den Worten:"); asked in verb-second
    /// languages and where articles mark the subject.
    fn verb_second_cue(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        if i < lo + 3 || !t.is_punct(i - 1, ":") {
            return None;
        }
        let colon = i - 1;
        let cue = (lo..colon)
            .rev()
            .take(12)
            .find(|&k| self.is_cue(k) == Some(CueForm::Finite) && t.classes(k).is_inverting_cue());
        // The clause's subject, in any order: "Im Kongress warb Obama mit
        // den Worten:", "Das Angebot lehnt er ab:", "Auch die Sprecherin
        // der Grünen, Karla Wendt, äußerte sich zufrieden:".
        let subject = match cue {
            Some(k) => self.verb_second_cue_subject(k, lo, colon),
            None => self.verb_second_subject(lo, colon),
        };
        if let Some(m) = subject {
            return Some(Source::cued(m, cue.unwrap_or(colon)));
        }
        if let Some(k) = cue {
            if let Some(m) = self.subject_after_verb(k, lo, colon, true) {
                return Some(Source::cued(m, k));
            }
        }
        // "Hier sparte der Bundespräsident nicht mit Kritik: „…“": in a
        // verb-second language, any verb second after a one-word adverbial,
        // its subject a name or a role after it, introduces the quotation
        // with a colon.
        if !active().settings.verb_second {
            return None;
        }
        let opener = (lo..colon).find(|&j| t.is_word(j))?;
        let verb = opener + 1;
        let lowercase_verb = t.is_word(verb)
            && !t.is_capitalised(verb)
            && !t.classes(verb).is_determiner()
            && !t.classes(verb).is_preposition();
        if !(lowercase_verb && t.toks[opener].opens_sentence) {
            return None;
        }
        let m = self
            .subject_after_verb(verb, lo, colon, false)
            .or_else(|| {
                // "der Bundespräsident", "die neue Bürgermeisterin": a
                // determiner, then a role within a word or two.
                let first = verb + 1;
                if !(t.is_word(first) && t.classes(first).is_determiner()) {
                    return None;
                }
                let title = (first + 1..(first + 4).min(colon))
                    .take_while(|&w| t.is_word(w))
                    .find(|&w| t.classes(w).is_title())?;
                classify(t, first, title)
            })?;
        Some(Source::uncued(m))
    }

    /// The first token from `from` (before `hi`, at most `max` tokens on)
    /// that is no word of `[cue.modifiers]`: past "hat", "sich" or "a" to
    /// the verb or its subject.
    pub(super) fn past_modifiers(&self, from: usize, hi: usize, max: usize) -> usize {
        let t = self.t;
        let mut k = from;
        while k < hi && k - from < max && t.is_word(k) && t.classes(k).is_cue_modifier() {
            k += 1;
        }
        k
    }

    /// The phrase from `j` (see `phrase_after`), ended with its capitalised
    /// words where it has any: "die Bürgermeisterin" in "sparte die
    /// Bürgermeisterin nicht mit Kritik", "die Stadt" in "die Stadt am
    /// Montag mit"; a pronoun alone ("er" in "er sich zurück").
    pub(super) fn subject_phrase_after(&self, j: usize, hi: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let (first, last) = self.phrase_after(j, hi)?;
        // ("meldete er sich zurück": a pronoun is the whole subject — not a
        // possessive before its noun, "ihr Anwalt".)
        if t.classes(first).pronoun().is_some() && !t.is_capitalised(first + 1) {
            return Some((first, first));
        }
        let last = (first..=last)
            .find(|&w| t.is_capitalised(w))
            .and_then(|c| (c + 1..=last).find(|&w| t.is_word(w) && !t.is_capitalised(w)))
            .map_or(last, |w| w - 1);
        Some((first, last))
    }

    /// In verb-second order, the subject right after the verb at `k` (past
    /// reflexives and adverbs of the lexicon's `[cue.modifiers]`: "äußerte
    /// sich der Minister"), in a clause `lo..` opened by an adverbial, before
    /// `hi`; a description only when `descriptions` (a dative object reads
    /// as one: "sagte der Zeitung").
    pub(super) fn subject_after_verb(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
        descriptions: bool,
    ) -> Option<Mention> {
        let t = self.t;
        if !active().settings.verb_second || !self.opened_by_adverbial(lo, k) {
            return None;
        }
        let j = self.past_modifiers(k + 1, hi, 2);
        let (first, last) = self.subject_phrase_after(j, hi)?;
        let m = classify(t, first, last)?;
        if first != j {
            return None;
        }
        if !matches!(m.referent, Referent::Description { .. }) || descriptions {
            return Some(m);
        }
        // "meinte der Friedensnobelpreisträger Adolfo Pérez Esquivel": a
        // role, then the person's name (a dative object names nobody:
        // "sagte der Zeitung").
        let run = (first + 1..=last).find(|&r| {
            t.is_capitalised(r)
                && t.is_capitalised(r + 1)
                && !t.classes(r).is_capitalised_function_word()
        })?;
        self.name_starting_at(run)
            .map(|named| Mention { first, ..named })
    }

    /// "Wie der Finanzminister Hartmut Möllring erklärte, sieht die
    /// Landesregierung „kein Hindernis“": a quotation in a sentence whose
    /// source an as-clause (`[cue.as-clause]`) gives.
    fn as_clause_source(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        let opener = (lo..i).find(|&j| t.is_word(j) && t.classes(j).is_as_clause())?;
        let k = (opener + 1..i)
            .take_while(|&j| !t.is_punct(j, ","))
            .find(|&j| self.is_cue(j).is_some())?;
        let (first, last) = self.phrase_after(opener + 1, k)?;
        let m = classify(t, first, last)?;
        Some(Source::cued(m, k))
    }

    /// "Für Bildungssenator Willi Lemke ist das ein „gelungenes
    /// Beispiel“": a sentence opened by a word of `[cue.opinion]` and a
    /// person's name gives that person's view, quotation and all.
    fn opinion_source(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        let opener = (lo..i).find(|&j| t.is_word(j))?;
        if !t.classes(opener).is_opinion_cue() {
            return None;
        }
        let mut first = opener + 1;
        while first < i && t.is_word(first) && !t.is_capitalised(first) {
            first += 1;
        }
        let (_, last) = self.phrase_after(first, i)?;
        let m = classify(t, first, last)?;
        let named = matches!(m.referent, Referent::Name(_)) && self.is_known_subject(&m);
        named.then(|| Source::cued(m, opener))
    }

    /// Whether the clause `lo..k` before a verb opens with an adverbial
    /// (a preposition or a function word: "Nach der Sitzung", "Dazu",
    /// "Später"), so that in verb-second order the verb's subject follows
    /// it; a clause opened by a name or a determiner has its subject there.
    pub(super) fn opened_by_adverbial(&self, lo: usize, k: usize) -> bool {
        let t = self.t;
        let Some(opener) = (lo..k).find(|&j| t.is_word(j)) else {
            return false;
        };
        let classes = t.classes(opener);
        classes.is_preposition()
            || (classes.is_capitalised_function_word()
                && !classes.is_determiner()
                && classes.pronoun().is_none())
    }

    /// „…“ …, so die FIFA. / „…“ laut Gall „…“: after the quotation, in its
    /// sentence, a word that gives the source of what it follows
    /// (`[cue.tag]` after a comma, or `[cue.according]`), then the source.
    fn tag_after(&self, i: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        let k = (i + 1..hi).find(|&k| t.is_word(k) && self.is_tag(k))?;
        if (i + 1..k).any(|x| matches!(t.toks[x].kind, Kind::Quote(_))) {
            return None;
        }
        self.tag_source(k, hi)
    }

    /// Sie solle, so Gall, „…“ / Laut Gall ist die Lage „…“: the same word
    /// and source before the quotation.
    fn tag_before(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        let k = (lo..i).rev().find(|&k| t.is_word(k) && self.is_tag(k))?;
        self.tag_source(k, i)
    }

    /// A word of `[cue.tag]` after a comma, or of `[cue.according]`.
    fn is_tag(&self, k: usize) -> bool {
        let t = self.t;
        let classes = t.classes(k);
        (classes.is_statement_tag() && k > 0 && t.is_punct(k - 1, ",") && !t.is_capitalised(k))
            || classes.is_according_cue()
    }

    /// The source named after the tag word at `k`, before `hi`.
    fn tag_source(&self, k: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        // „…“, so urteilte Wendt: in verb-second order a verb may stand
        // between the word and its source.
        let verb = active().settings.verb_second
            && t.is_word(k + 1)
            && !t.is_capitalised(k + 1)
            && !t.classes(k + 1).is_determiner()
            && !t.classes(k + 1).is_preposition()
            && t.classes(k + 1).pronoun().is_none();
        let from = if verb { k + 2 } else { k + 1 };
        let (first, last) = self.phrase_after(from, hi)?;
        let m = classify(t, first, last)?;
        let source = !matches!(m.referent, Referent::Pronoun(_)) && !names_a_medium(t, first, last);
        source.then(|| Source::cued(m, k))
    }

    /// "Romney’s “47 percent” comment", "Clinton’s campaign slogan is “I’m
    /// with her.”": a name's remark, named by a noun of speech next to it.
    fn possessive_remark(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        let owner = |end: usize| -> Option<Mention> {
            // "Sanders' pledge": the tokenizer leaves the bare apostrophe apart.
            let end = if t.is_punct(end, "’") || t.is_punct(end, "'") {
                end.checked_sub(1)
                    .filter(|&e| e >= lo && t.text(e).ends_with('s'))?
            } else if self.ends_in_possessive_s(end) {
                end
            } else {
                return None;
            };
            self.name_ending_at(end, lo)
        };
        // Name’s “…” comment
        if i > lo && t.is_word(i + 1) && is_remark_noun(self.lower(i + 1)) {
            if let Some(m) = owner(i - 1) {
                return Some(Source::cued(m, i + 1));
            }
        }
        // Name’s (campaign) slogan is/was[,:] “…”
        let mut k = i;
        while k > lo && (t.is_punct(k - 1, ",") || t.is_punct(k - 1, ":")) {
            k -= 1;
        }
        if k > lo + 2 && t.is_word(k - 1) && matches!(self.lower(k - 1), "is" | "was") {
            let noun = k - 2;
            // (Only nouns that name a saying: "his comment was “ill-advised”"
            // judges the comment.)
            let saying = is_saying_noun(self.lower(noun));
            if t.is_word(noun) && saying {
                let mut e = noun - 1;
                // One modifier: "campaign slogan", "favourite line".
                if e > lo && t.is_word(e) && !t.is_capitalised(e) && !self.is_possessive(e) {
                    e -= 1;
                }
                if let Some(m) = owner(e) {
                    return Some(Source::cued(m, noun));
                }
            }
        }
        None
    }

    /// Clinton “drew well” in the 2008 primary, said professor Paul Beck: a
    /// sentence that ends on an inverted cue and its subject, with no other
    /// quotation between.
    fn inverted_cue_at_end(&self, i: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        let comma = (i + 1..hi).find(|&k| {
            t.is_punct(k, ",")
                && t.is_word(k + 1)
                && self.is_cue(k + 1) == Some(CueForm::Finite)
                && self.t.classes(k + 1).is_inverting_cue()
        })?;
        if (i + 1..comma).any(|k| matches!(t.toks[k].kind, Kind::Quote(_))) {
            return None;
        }
        let cue = comma + 1;
        let (first, last) = self.phrase_after(cue + 1, hi)?;
        let rest_is_punct =
            (last + 1..hi).all(|k| t.toks[k].kind != Kind::Word) || t.is_punct(last + 1, ",");
        let m = classify(t, first, last)?;
        // (Where reporting clauses invert, a role too: "…, räumte der
        // 47-Jährige nach dem Spiel ein.")
        let role = active().settings.inverted_clauses
            && matches!(&m.referent, Referent::Description { head, .. } if is_person_noun(head));
        let named = matches!(m.referent, Referent::Name(_));
        if !(role || (rest_is_punct && named)) {
            return None;
        }
        Some(Source::cued(m, cue))
    }

    /// A quotation alone in its paragraph, signed in the next one:
    /// “…” ¶ - Bernie Sanders.
    fn signature_below(&self, i: usize) -> Option<Source> {
        let t = self.t;
        let para = t.toks[i].paragraph;
        let alone_before = t.toks[..i]
            .iter()
            .rev()
            .take_while(|tok| tok.paragraph == para && tok.kind != Kind::Break)
            .all(|tok| tok.kind == Kind::Punct);
        let mut j = i + 1;
        while j < t.toks.len() && t.toks[j].kind == Kind::Punct {
            j += 1;
        }
        if !alone_before || !t.toks.get(j).is_some_and(|tok| tok.kind == Kind::Break) {
            return None;
        }
        while t.toks.get(j).is_some_and(|tok| tok.kind == Kind::Break) {
            j += 1;
        }
        if !(t.toks.get(j)?.kind == Kind::Punct && is_dash(t.text(j))) {
            return None;
        }
        let m = self.name_starting_at(j + 1)?;
        Some(Source::cued(m, j))
    }

    /// “…,” said X / “…,” X said / “…,” X told reporters / “…,” according to X.
    fn after(&self, i: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        let mut j = i + 1;
        while j < hi
            && matches!(t.toks[j].kind, Kind::Punct)
            && (t.text(j) == "," || t.text(j) == "(" || is_dash(t.text(j)))
        {
            j += 1;
        }
        if j >= hi || !t.is_word(j) {
            return None;
        }
        // “…,” when Clinton blasted him: a subordinate clause, no reporting one.
        if matches!(
            self.lower(j),
            "when"
                | "while"
                | "because"
                | "after"
                | "before"
                | "if"
                | "since"
                | "although"
                | "though"
                | "until"
                | "unless"
                | "whereas"
        ) {
            return None;
        }
        let inverted_clauses = active().settings.inverted_clauses;
        if inverted_clauses {
            if let Some(found) = self.any_verb_after(i, j, hi) {
                return Some(found);
            }
        }
        // « … », a déclaré la maire X / « … », a-t-elle ajouté: an
        // auxiliary, which may carry the subject, before an inverted cue.
        let cue = if inverted_clauses {
            self.past_modifiers(j, hi, usize::MAX)
        } else {
            hi
        };
        if inverted_clauses
            && cue > j
            && cue < hi
            && self.is_cue(cue) == Some(CueForm::Finite)
            && t.classes(cue).is_inverting_cue()
        {
            if let Some(p) = (j..cue).find(|&k| t.classes(k).pronoun().is_some()) {
                return Some(Source::cued(classify(t, p, p)?, cue));
            }
            if let Some((m, _)) = self.inverted_subject(cue, hi) {
                return Some(Source::cued(m, cue));
            }
            if let Some(found) = self.unsaid_subject(i, cue, hi) {
                return Some(found);
            }
        }
        let finite_cue = self.is_cue(j) == Some(CueForm::Finite);
        let inverting = finite_cue && t.classes(j).is_inverting_cue();
        // „…“, schrieb „Die Zeit“: an outlet's name in quote marks after
        // the cue is its subject.
        // („…“, schreibt die „Computerwoche“: after its article too.)
        if inverting && inverted_clauses {
            let at = if t.is_word(j + 1) && t.classes(j + 1).is_determiner() {
                j + 2
            } else {
                j + 1
            };
            let closes = (at + 1..hi).all(|k| !t.is_word(k))
                || t.is_word(at + 1) && t.classes(at + 1).is_preposition();
            if let Some(m) = self.quoted_name_at(at).filter(|_| closes) {
                return Some(Source::cued(m, j));
            }
        }
        // „…“, fügte sie hinzu: a pronoun right after the cue is its subject.
        if inverting
            && inverted_clauses
            && t.is_word(j + 1)
            && t.classes(j + 1).pronoun().is_some()
            && !t.is_capitalised(j + 1)
        {
            return Some(Source::cued(classify(t, j + 1, j + 1)?, j));
        }
        // « … », dijo el martes la alcaldesa X: a dated cue, or a role
        // before the name.
        if inverting && inverted_clauses {
            if let Some((m, true)) = self.inverted_subject(j, hi) {
                return Some(Source::cued(m, j));
            }
        }
        if inverting {
            if let Some(found) = self.unsaid_subject(i, j, hi) {
                return Some(found);
            }
        }
        // “…,” said X
        if inverting || (finite_cue && t.is_capitalised(j + 1)) {
            let (first, last) = self.phrase_after(j + 1, hi)?;
            let mut m = classify(t, first, last)?;
            // "said Rubio’s deputy campaign manager, Rich Beeson, who …": a
            // role, then the name in apposition.
            // "said a leading advocate, Ana Lopes of the Harbour Trust", "said
            // her introducer, actress Ana Lopes": the name may carry its own
            // role before it and its affiliation after it.
            // (Where roles invert, a role with its owner may read as a
            // name: "sagte der Oberrabbiner Israels, Yona Klein".)
            let role_first = active().settings.inverted_clauses && t.classes(first).is_determiner();
            let description = matches!(m.referent, Referent::Description { .. });
            if (description || role_first) && t.is_punct(last + 1, ",") {
                let named = self
                    .phrase_after(last + 2, hi)
                    .and_then(|(f, l)| classify(t, f, l))
                    .filter(|n| {
                        matches!(n.referent, Referent::Name(_))
                            && t.toks.get(n.last + 1).is_none_or(|x| match x.kind {
                                Kind::Punct | Kind::Break => true,
                                Kind::Word => matches!(self.lower(n.last + 1), "of" | "at"),
                                Kind::Quote(_) => false,
                            })
                    });
                if let Some(named) = named {
                    m = Mention { first, ..named };
                }
            }
            let plain = !matches!(m.referent, Referent::Pronoun(_)) || last == first;
            // ("…,'' said the candidate could win": a clause, not an inverted subject.)
            let subject = !matches!(m.referent, Referent::Description { .. })
                || self.is_subject_like(&m, first, last);
            if plain
                && subject
                && (!names_a_medium(t, first, last) || matches!(m.referent, Referent::Name(_)))
            {
                return Some(Source::cued(m, j));
            }
        }
        // „…“, so Wendt: a word that gives the source of what it follows.
        if t.classes(j).is_statement_tag() {
            let (first, last) = self.phrase_after(j + 1, hi)?;
            let m = classify(t, first, last)?;
            if matches!(m.referent, Referent::Name(_)) {
                return Some(Source::cued(m, j));
            }
        }
        // „…“, Wendt zufolge: the source, then a word that makes it one.
        if let Some(after_source) = (j + 1..hi.min(j + 8))
            .take_while(|&k| t.is_word(k))
            .find(|&k| t.classes(k).is_according_cue_after())
        {
            if let Some(m) = classify(t, j, after_source - 1) {
                return Some(Source::cued(m, after_source));
            }
        }
        // “…,” according to X
        if let Some(from) = self.according_phrase_at(j) {
            let (first, last) = self.phrase_after(from, hi)?;
            if names_a_medium(t, first, last) {
                return None;
            }
            let m = classify(t, first, last)?;
            return Some(Source::cued(m, j));
        }
        // “…,” X said / “…,” Jeb Bush, the former governor, told reporters —
        // the first cue of the clause, through an appositive if need be.
        let mut k = j;
        let mut cue_at = None;
        while k < hi && k < j + 40 {
            match t.toks[k].kind {
                Kind::Word => {
                    if k > j && self.is_cue(k) == Some(CueForm::Finite) {
                        cue_at = Some(k);
                        break;
                    }
                    // "Cruz said he'd make sand “glow,” for instance, and
                    // Trump vowed …": a new clause, with a speaker of its own.
                    // ("…, refugees, and migration, said": a list goes on.)
                    if k > j
                        && t.is_punct(k - 1, ",")
                        && matches!(self.lower(k), "and" | "but")
                        && t.is_word(k + 1)
                        && (t.is_capitalised(k + 1) || self.t.classes(k + 1).pronoun().is_some())
                    {
                        break;
                    }
                }
                // "Bill Eastland, wearing “Ted Cruz” pins, said": a quoted
                // name or title inside an appositive.
                Kind::Quote(_) if (j..k).any(|c| t.is_punct(c, ",")) => {}
                Kind::Punct
                    if matches!(t.text(k), "," | "-" | "’" | "'" | "(" | ")" | "$" | "&") => {}
                // "Gov.", "A.F.L.-C.I.O.", and any dot inside a party tag: "(R-Fla.)".
                Kind::Punct
                    if t.text(k) == "."
                        && k > 0
                        && (t.text(k - 1).chars().nth(4).is_none()
                            || t.text(k - 1).contains('.')
                            || t.is_punct(k + 1, ")")) => {}
                _ => break,
            }
            k += 1;
        }
        if let Some(k) = cue_at {
            let mut e = k;
            // (“…,” Will wrote: capitalised right after the quotation, a
            // modal's spelling is a name.)
            while e > j
                && self.t.classes(e - 1).is_cue_modifier()
                && !(e - 1 == j && t.is_capitalised(j))
            {
                e -= 1;
            }
            if e > j {
                // The phrase right after the quotation is the subject; what
                // follows its comma is an appositive.
                let first_comma = (j..e).find(|&c| t.is_punct(c, ",")).unwrap_or(e);
                // “…” than that of the CIA chief, Zuckoff said: failing a
                // subject right after the quotation, the name before the cue.
                // (In a verb-second language a lowercase verb after the
                // quotation opens no subject: „Ruck“ verpasst …, sagte X.)
                let opens_phrase = !active().settings.verb_second
                    || t.is_capitalised(j)
                    || t.classes(j).is_determiner()
                    || t.classes(j).pronoun().is_some();
                let direct = classify(t, j, first_comma - 1)
                    .filter(|m| opens_phrase && self.is_subject_like(m, j, first_comma - 1));
                // “…” for Clinton, said Kunin.: failing a subject right after
                // the quotation, an inverted cue's name ends the sentence.
                if direct.is_none()
                    && t.is_punct(e - 1, ",")
                    && self.t.classes(k).is_inverting_cue()
                {
                    if let Some(named) = self.name_starting_at(k + 1).filter(|n| {
                        !self.t.classes(n.first).is_day_word()
                            && !self.is_possessive(n.last)
                            && t.toks
                                .get(n.last + 1)
                                .is_none_or(|x| matches!(x.kind, Kind::Punct | Kind::Break))
                    }) {
                        return Some(Source::cued(named, k));
                    }
                }
                let mut m = direct.or_else(|| {
                    self.subject_in(j, e).filter(|m| {
                        matches!(m.referent, Referent::Name(_))
                            && self.is_subject_like(m, m.first, m.last)
                    })
                });
                // "German Chancellor, Friedrich Marten, said": a role, then the name.
                if m.as_ref()
                    .is_some_and(|m| matches!(m.referent, Referent::Description { .. }))
                    && first_comma < e
                {
                    let next_comma = (first_comma + 1..e)
                        .find(|&c| t.is_punct(c, ","))
                        .unwrap_or(e);
                    if let Some(named) = classify(t, first_comma + 1, next_comma - 1)
                        .filter(|n| matches!(n.referent, Referent::Name(_)))
                    {
                        m = Some(Mention { first: j, ..named });
                    }
                }
                if let Some(m) = m {
                    return Some(Source::cued(m, k));
                }
            }
        }
        // “…,” Trump barked. / “…,” remembered Roy Verley. A verb the cue list
        // does not know, in the slot only a reporting clause fills: after a
        // quotation that ends on a comma, next to a name.
        let ends_open = self.ends_on_comma(i) || self.quote_ends_with(i, &['?', '!']);
        if ends_open {
            if let Some(found) = self.unknown_verb_clause(j, hi) {
                return Some(found);
            }
        }
        // “…” — Ana Lopes, harbour pilot: a dash and a name sign the quotation.
        if j > i + 1 && is_dash(t.text(j - 1)) && t.is_capitalised(j) {
            let last = run_end(t, j);
            let ends = t
                .toks
                .get(last + 1)
                .is_none_or(|n| matches!(n.kind, Kind::Break | Kind::Punct));
            if ends {
                if let Some(m) = classify(t, j, last) {
                    return Some(Source::cued(m, j - 1));
                }
            }
        }
        None
    }

    /// “…”, afirmou. / «…», ha aggiunto. — where a verb may leave its
    /// subject unsaid (`pro-drop`), the inverted cue at `cue` after
    /// quotation token `i` with nobody named after it.
    fn unsaid_subject(&self, i: usize, cue: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        if !(active().settings.pro_drop && (i + 1..cue).any(|c| t.is_punct(c, ","))) {
            return None;
        }
        // (Nothing in the rest of the clause names anyone: no capital, no
        // role — "disse na terça-feira a prefeita Ana Ribeiro" has.)
        let clause_end = (cue + 1..hi).find(|&k| !t.is_word(k)).unwrap_or(hi);
        // (A role the lexicon does not know — "afirmó la regidora" — is
        // read as the person the passage is about, as an unsaid subject.)
        let names_nobody = (cue + 1..clause_end).all(|k| {
            !t.is_capitalised(k)
                && !t.classes(k).is_title()
                && !is_person_noun(self.lower(k))
                && t.classes(k).pronoun().is_none()
        });
        if !names_nobody {
            return None;
        }
        Some(Source::cued(self.unsaid_subject_of(i, cue), cue))
    }

    /// The subject a verb at `cue` leaves unsaid, in the sentence of token
    /// `at`: the person the passage is about — the named subject of the
    /// sentence before, in the paragraph ("Lo Giudice parla di … . «…», ha
    /// dichiarato ieri."), else whom the discourse makes most salient.
    pub(super) fn unsaid_subject_of(&self, at: usize, cue: usize) -> Mention {
        let t = self.t;
        let s = t.toks[at].sentence;
        let before = s
            .checked_sub(1)
            .and_then(|p| t.sentences.get(p))
            .filter(|&&(plo, _)| t.toks[plo].paragraph == t.toks[at].paragraph);
        if let Some(&(plo, phi)) = before {
            let named = self
                .verb_second_subject(plo, phi)
                .filter(|m| matches!(m.referent, Referent::Name(_)) && self.is_known_subject(m));
            if let Some(m) = named {
                return m;
            }
        }
        Mention {
            first: cue,
            last: cue,
            referent: Referent::Pronoun(Pronoun::Unsaid),
        }
    }

    /// The subject after an inverted cue at `cue`, past the words that
    /// date it ("a déclaré mardi la maire X", "dijo el martes la
    /// alcaldesa X", "сказала во вторник мэр города X"): a name or a
    /// description, a role and the name after it giving the name; and
    /// whether a date or a role was read past to find it.
    fn inverted_subject(&self, cue: usize, hi: usize) -> Option<(Mention, bool)> {
        let t = self.t;
        let start = self.past_date(cue + 1, hi);
        let (first, last) = self.phrase_after(start, hi)?;
        let m = classify(t, first, last)?;
        if matches!(m.referent, Referent::Pronoun(_)) && first != last {
            return None;
        }
        if let Some(named) = self.role_then_name(&m, last) {
            return Some((named, true));
        }
        // "ha detto il portavoce del comitato, Marco Gentile": the role,
        // then the name in apposition.
        if matches!(m.referent, Referent::Description { .. }) && t.is_punct(last + 1, ",") {
            let named = self
                .phrase_after(last + 2, hi)
                .and_then(|(f, l)| classify(t, f, l))
                .filter(|n| matches!(n.referent, Referent::Name(_)));
            if let Some(named) = named {
                return Some((Mention { first, ..named }, true));
            }
        }
        Some((m, start > cue + 1))
    }

    /// Where the words after `j` start past a phrase that dates what
    /// comes before: "mardi", "el martes", "во вторник", "v úterý".
    fn past_date(&self, j: usize, hi: usize) -> usize {
        let t = self.t;
        let mut k = j;
        while k < hi && k < j + 3 && t.is_word(k) {
            let classes = t.classes(k);
            if classes.is_day_word() {
                return self.past_date(k + 1, hi);
            }
            if !(classes.is_preposition()
                || classes.is_determiner()
                || classes.is_adjunct_preposition())
            {
                break;
            }
            k += 1;
        }
        j
    }

    /// "la alcaldesa Lucía Ferrán", "мэр города Анна Соколова": a
    /// description of a role whose phrase goes on to a name: the name.
    fn role_then_name(&self, m: &Mention, last: usize) -> Option<Mention> {
        let t = self.t;
        if !matches!(m.referent, Referent::Description { .. }) {
            return None;
        }
        let title_at = (m.first..=last).find(|&k| t.is_word(k) && t.classes(k).is_title())?;
        // ("il sindaco di Castelmonte": a name after an affiliation is
        // where the role is, not who holds it.)
        let run = (title_at + 1..=last.min(title_at + 4))
            .find(|&k| t.is_capitalised(k) && !t.classes(k).is_capitalised_function_word())?;
        if t.is_word(run - 1) && t.classes(run - 1).is_affiliation() {
            return None;
        }
        let named = self.name_starting_at(run)?;
        matches!(named.referent, Referent::Name(_)).then_some(Mention {
            first: m.first,
            ..named
        })
    }

    /// The last token of an according source that starts at `from` and
    /// runs to `last` at most: the end of its first name ("Laut Wendt ist
    /// …"), or `last`.
    fn source_name_end(&self, from: usize, last: usize) -> usize {
        let t = self.t;
        (from..=last)
            .find(|&k| t.is_capitalised(k) && !t.classes(k).is_capitalised_function_word())
            .map_or(last, |k| run_end(t, k).min(last))
    }

    /// How many words the phrase of `[cue.according-phrases]` opening at
    /// token `k` has ("according to", "d'après"), if one does.
    pub(super) fn according_phrase_len(&self, k: usize) -> Option<usize> {
        let t = self.t;
        active().according_phrase_len(|i| (t.is_word(k + i)).then(|| t.lower(k + i)))
    }

    /// Where the source's words start when token `k` opens an "according
    /// to" cue: "according to X", or a word of the lexicon's
    /// `[cue.according]` ("laut X", "selon X", "según X").
    fn according_phrase_at(&self, k: usize) -> Option<usize> {
        let t = self.t;
        if !t.is_word(k) {
            return None;
        }
        if let Some(words) = self.according_phrase_len(k) {
            return Some(k + words);
        }
        if !t.classes(k).is_according_cue() {
            return None;
        }
        // ("Laut „Lindenauer Zeitung“": an outlet in quote marks.)
        if self.quoted_name_at(k + 1).is_some() {
            return Some(k + 1);
        }
        // ("По её словам, …": the source is the possessive's.)
        if !t.is_word(k + 1) {
            return self.possessive_source(k + 1).map(|_| k + 1);
        }
        // ("nach Angaben von X": a preposition before the source.)
        let from = if t.classes(k + 1).is_preposition() && t.is_word(k + 2) {
            k + 2
        } else {
            k + 1
        };
        Some(from)
    }

    /// How many words the quotation at token `i` has.
    fn quotation_word_count(&self, i: usize) -> usize {
        let t = self.t;
        let Kind::Quote(q) = t.toks[i].kind else {
            return 0;
        };
        self.spans.get(q).map_or(0, |span| {
            (span.parts.iter())
                .map(|&(a, b)| t.body.get(a..b).unwrap_or("").split_whitespace().count())
                .sum()
        })
    }

    /// Whether the quotation at token `i` ends on a comma, inside its marks
    /// or just after them: a reporting clause follows.
    fn ends_on_comma(&self, i: usize) -> bool {
        self.quote_ends_with(i, &[',']) || self.t.is_punct(i + 1, ",")
    }

    /// “…,” Name <verb>ed / “…,” he <verb>ed / “…,” <verb>ed Name, where
    /// the verb is not a known cue.
    fn unknown_verb_clause(&self, j: usize, hi: usize) -> Option<Source> {
        let t = self.t;
        let past = |k: usize| {
            t.is_word(k) && {
                let w = self.lower(k);
                (w.len() > 3 && w.ends_with("ed") && w.chars().all(char::is_alphabetic))
                    || super::lexicon::is_irregular_past(w)
            }
        };
        let clause_ends = |k: usize| {
            k >= hi
                || t.toks[k].kind == Kind::Break
                || t.is_punct(k, ".")
                || t.is_punct(k, ",")
                || matches!(t.toks[k].kind, Kind::Quote(_))
        };
        if t.is_capitalised(j) {
            let last = run_end(t, j);
            // "Santilli expressed a desire": a verb with an object is no reporting verb.
            let takes_object = t.is_word(last + 2)
                && (self.t.classes(last + 2).is_determiner() || t.is_capitalised(last + 2));
            if past(last + 1) && !t.text(last + 1).starts_with(char::is_uppercase) && !takes_object
            {
                let m = classify(t, j, last)?;
                if matches!(m.referent, Referent::Name(_) | Referent::Pronoun(_)) {
                    return Some(Source::cued(m, last + 1));
                }
            }
            return None;
        }
        if past(j) && t.is_capitalised(j + 1) {
            let last = run_end(t, j + 1);
            if clause_ends(last + 1) {
                let m = classify(t, j + 1, last)?;
                if matches!(m.referent, Referent::Name(_)) {
                    return Some(Source::cued(m, j));
                }
            }
        }
        None
    }

    /// A phrase that can be the subject of a reporting verb: a name, a
    /// pronoun, or a short description — not a clause ("he hadn’t gotten a chance").
    fn is_subject_like(&self, m: &Mention, first: usize, last: usize) -> bool {
        let opener = (first..=last)
            .find(|&i| self.t.is_word(i))
            .map(|i| self.lower(i))
            .unwrap_or_default();
        // (Portuguese "a" and "o" are articles as well as prepositions.)
        let is_preposition =
            |w: &str| is_preposition(w) && !active().definite_articles.contains(&w);
        match m.referent {
            // “…” by the United States, NATO and others, Clinton said: a
            // phrase that opens with a preposition is no subject.
            Referent::Name(_) => {
                // ("From said": a preposition the article uses as a surname.)
                (!is_preposition(opener) || self.t.is_surname(opener))
                    && !matches!(
                        opener,
                        "that" | "and" | "but" | "or" | "if" | "because" | "when" | "while"
                    )
            }
            Referent::Pronoun(_) => true,
            Referent::Description { ref head, .. } => {
                if is_capitalised_function_word(head)
                    || is_preposition(opener)
                    || matches!(opener, "and" | "but" | "or" | "that")
                {
                    return false;
                }
                let words: Vec<&str> = (first..=last)
                    .filter(|&i| self.t.is_word(i))
                    .map(|i| self.lower(i))
                    .collect();
                words.len() <= 12
                    && !words.iter().any(|w| {
                        super::lexicon::pronoun(w).is_some()
                            || w.ends_with("n’t")
                            || w.ends_with("n't")
                            || matches!(
                                *w,
                                "is" | "was"
                                    | "were"
                                    | "are"
                                    | "had"
                                    | "has"
                                    | "have"
                                    | "would"
                                    | "will"
                                    | "could"
                                    | "can"
                                    | "did"
                                    | "do"
                                    | "does"
                                    | "been"
                                    | "be"
                                    | "if"
                                    | "because"
                                    | "when"
                                    | "should"
                                    | "might"
                                    | "must"
                            )
                    })
            }
        }
    }

    /// X said: “…” / X told RIA that “…” / X said the plan was “…” /
    /// According to X, “…”. The nearest cue to the left with a subject.
    fn before(&self, i: usize, lo: usize) -> Option<Source> {
        let t = self.t;
        // "including Mitt Romney -- “It is disqualifying …” --": a name, a
        // dash, then the quotation.
        let mut d = i;
        while d > lo && t.toks[d - 1].kind == Kind::Punct && is_dash(t.text(d - 1)) {
            d -= 1;
        }
        if d < i && d > lo {
            if let Some(m) = self.name_ending_at(d - 1, lo) {
                return Some(Source::cued(m, d));
            }
        }
        // "When X suggested …, Varga fired back:": the clause the colon ends
        // speaks, not an earlier one.
        if i > lo && t.is_punct(i - 1, ":") {
            if let Some(m) = self
                .name_before_colon(i - 1, lo)
                .filter(|m| matches!(m.referent, Referent::Name(_)))
            {
                return Some(Source::cued(m, i - 1));
            }
        }
        let mut k = i;
        while k > lo {
            k -= 1;
            if !t.is_word(k) {
                continue;
            }
            let lw = self.lower(k);
            if let Some(from) = self.according_phrase_at(k) {
                // (In a verb-second language the verb follows the source
                // with no comma: "Laut Wendt ist die Lage …".)
                let phrase = (active().settings.according_without_comma)
                    .then(|| self.phrase_after(from, i))
                    .flatten();
                let end = match phrase {
                    Some((_, last)) => self.source_name_end(from, last) + 1,
                    None => (from..i)
                        .find(|&j| !t.is_word(j) && !t.is_punct(j, "."))
                        .unwrap_or(i),
                };
                if end > from && !names_a_medium(t, from, end - 1) {
                    if let Some(m) = classify(t, from, end - 1) {
                        // "Nach den Worten der Sprecherin der FDP, Anna
                        // Roth, …": the name a role gives in apposition.
                        // (Where clauses invert; English reads its own.)
                        let role = !matches!(m.referent, Referent::Name(_))
                            || t.classes(from).is_determiner();
                        let m = (role && active().settings.inverted_clauses)
                            .then(|| self.name_in_apposition(&m, i))
                            .flatten()
                            .unwrap_or(m);
                        return Some(Source::cued(m, k));
                    }
                }
                continue;
            }
            // "Said Comey, “…”": an inverted cue opening the sentence.
            if k == lo && is_inverting_cue(lw) {
                if let Some(m) = self.name_starting_at(k + 1) {
                    return Some(Source::cued(m, k));
                }
            }
            // (Asked below up to three times: once.)
            let cue = self.is_cue(k);
            // "prompting Mr Trump to say that “…”": the name before "to" speaks.
            let after_to = k > lo && t.is_word(k - 1) && self.lower(k - 1) == "to";
            if after_to && k > lo + 1 && cue.is_some() {
                if let Some(m) = self.name_ending_at(k - 2, lo) {
                    return Some(Source::cued(m, k));
                }
                // "Mr. Trump was prompted to say": the same through a passive.
                let passive = k > lo + 3
                    && t.is_word(k - 2)
                    && self.lower(k - 2).ends_with("ed")
                    && t.is_word(k - 3)
                    && matches!(self.lower(k - 3), "was" | "were" | "is" | "are");
                if passive {
                    if let Some(m) = self.name_ending_at(k - 4, lo) {
                        return Some(Source::cued(m, k));
                    }
                }
            }
            // "As Akhil Amar, professor of law, put it, ''…''": the idiom's
            // subject speaks.
            if self.lower(k) == "put" && t.is_word(k + 1) && self.lower(k + 1) == "it" {
                if let Some(a) = (lo..k)
                    .rev()
                    .find(|&j| t.is_word(j) && self.lower(j) == "as")
                {
                    if let Some(m) = self
                        .subject_in(a + 1, k)
                        .filter(|m| matches!(m.referent, Referent::Name(_) | Referent::Pronoun(_)))
                    {
                        return Some(Source::cued(m, k));
                    }
                }
            }
            // "Stevie Wonder, who joked of the museum, “…”", "the police
            // department, which reported “…”": a relative clause about a
            // name whose cue introduces the quotation speaks for that name.
            if cue.is_some() {
                if let Some(m) = self.relative_clause_speaker(k, lo, i) {
                    return Some(Source::cued(m, k));
                }
            }
            let form = match cue {
                _ if self.in_relative_clause(k) => None,
                // "going on to say that": an infinitive hangs on the clause's subject.
                Some(CueForm::Finite) if after_to => Some(CueForm::Participle),
                form => form,
            };
            // "Rubio was asked by moderator Gerard Baker, “…”": a passive cue
            // whose agent speaks.
            if form.is_some() && t.is_word(k + 1) && self.lower(k + 1) == "by" {
                let passive = k > lo
                    && t.is_word(k - 1)
                    && matches!(
                        self.lower(k - 1),
                        "was" | "were" | "is" | "are" | "been" | "being"
                    );
                if passive {
                    if let Some(m) = self
                        .phrase_after(k + 2, i)
                        .and_then(|(f, l)| classify(t, f, l))
                        .filter(|m| matches!(m.referent, Referent::Name(_)))
                    {
                        return Some(Source::cued(m, k));
                    }
                }
            }
            // "…, explained Rosenberg, “…”", "The paradox, says Carl Anthony,
            // historian at the library, is that …": a cue set off by commas,
            // its subject after it.
            // (Only verbs that take no object: "X, who …, told POLITICO, “…”"
            // and "X, an adviser, said Obama “…”" are no such asides.)
            let parenthetical_cue = k > lo
                && t.is_punct(k - 1, ",")
                && matches!(
                    self.lower(k),
                    "said"
                        | "says"
                        | "explained"
                        | "explains"
                        | "added"
                        | "adds"
                        | "noted"
                        | "notes"
                        | "argued"
                        | "argues"
                        | "recalled"
                        | "recalls"
                        | "continued"
                        | "observed"
                        | "insisted"
                        | "wrote"
                        | "writes"
                );
            if parenthetical_cue && t.is_capitalised(k + 1) {
                if let Some((f, l)) = self.phrase_after(k + 1, i) {
                    if let Some(m) = classify(t, f, l).filter(|m| {
                        t.is_punct(l + 1, ",") && matches!(m.referent, Referent::Name(_))
                    }) {
                        return Some(Source::cued(m, k));
                    }
                }
            }
            // "After Jerry Brown criticized Bill Clinton, Hillary shot back,
            // “…”": a cue inside an opening clause does not reach past the
            // subject and verb of the main one.
            if form.is_some() {
                if let Some(m) = self.main_clause_subject_after(k, lo, i) {
                    return Some(Source::uncued(m));
                }
            }
            // In a verb-second language the cue's subject may stand on
            // either side of it: "zumal Verteidiger Kroll betont hatte, …",
            // "Danach sagte Kroll, …".
            if form == Some(CueForm::Finite) && active().settings.verb_second {
                if let Some(m) = self.verb_second_cue_subject(k, lo, i) {
                    return Some(Source::cued(m, k));
                }
            }
            match form {
                Some(CueForm::Finite) => {
                    if let Some(m) = self
                        .subject_of_cue(k, lo)
                        .filter(|m| self.is_subject_like(m, m.first, m.last))
                    {
                        return Some(Source::cued(m, k));
                    }
                }
                Some(CueForm::Participle) => {
                    // "Russian media quoted Kremlin spokesman Dmitry Peskov as
                    // saying …", "Peskov was quoted as saying": the one whose
                    // words are relayed.
                    if let Some(m) = self.quoted_as_saying(k, lo) {
                        return Some(Source::nested(m, k));
                    }
                    // "footage of Hillary Clinton asking, “…”": the name the
                    // participle hangs on — not a platform or a place after a
                    // preposition ("responded on Facebook writing").
                    // ("with Trump reportedly yelling": past an adverb.)
                    let mut before_cue = k;
                    while before_cue > lo + 1
                        && t.is_word(before_cue - 1)
                        && !t.is_capitalised(before_cue - 1)
                        && self.lower(before_cue - 1).ends_with("ly")
                    {
                        before_cue -= 1;
                    }
                    if before_cue > lo {
                        if let Some(m) = self.name_ending_at(before_cue - 1, lo).filter(|m| {
                            let before = m.first.checked_sub(1).filter(|&b| t.is_word(b));
                            !names_a_medium(t, m.first, m.last)
                                && !before.is_some_and(|b| {
                                    matches!(
                                        self.lower(b),
                                        "on" | "in" | "at" | "via" | "from" | "to"
                                    )
                                })
                        }) {
                            return Some(Source::cued(m, k));
                        }
                    }
                    if let Some(m) = self
                        .clause_subject(k, lo)
                        .filter(|m| self.is_subject_like(m, m.first, m.last))
                    {
                        return Some(Source::cued(m, k));
                    }
                }
                None => {}
            }
        }
        // A colon introduction with no reporting verb: "Trump had a message: “…”".
        if i > lo && t.is_punct(i - 1, ":") {
            let m = self
                .name_before_colon(i - 1, lo)
                .or_else(|| self.sentence_subject(lo, i))?;
            return Some(Source::cued(m, i - 1));
        }
        // Any other verb: "Cruz blamed “knuckleheaded politicians”" — the
        // sentence's named subject, if it has one.
        if (lo..i).any(|j| t.is_word(j) && t.text(j).starts_with(char::is_lowercase)) {
            // A person the article names, or a body known by its name ("The
            // Democratic National Committee released a statement calling …").
            let known = |m: &Mention| self.is_known_subject(m);
            let m = if active().settings.verb_second {
                // ("Im Verfahren sieht Osterloh einen „Angriff“": any order;
                // a cue later in the sentence speaks for it instead: "Sie
                // wisse, dass …, hatte Koch-Mehrin gesagt".)
                let hi = t.sentences.get(t.toks[i].sentence).map_or(i, |s| s.1);
                if (i + 1..hi).any(|k| self.is_cue(k).is_some()) {
                    return None;
                }
                self.verb_second_subject(lo, i).filter(known)?
            } else {
                self.sentence_subject(lo, i)
                    .filter(known)
                    .or_else(|| self.subject_by_verb(lo, i, &known))?
            };
            // ("Blumenthal was asked, “…”": a passive subject is spoken to.)
            if self.is_passive_after(m.last) {
                return None;
            }
            // ("The mayor appeared on the show “Harbour Lights”": a title
            // takes a speaker with no cue only from a name.)
            let description = matches!(m.referent, Referent::Description { .. });
            if description && self.quotation_is_title(i) {
                return None;
            }
            return Some(Source::uncued(m));
        }
        None
    }

    /// The name whose run of capitalised words starts at token `start`:
    /// "Bernie Sanders" in "- Bernie Sanders.".
    fn name_starting_at(&self, start: usize) -> Option<Mention> {
        let t = self.t;
        if !t.is_capitalised(start) {
            return None;
        }
        classify(t, start, run_end(t, start)).filter(|m| matches!(m.referent, Referent::Name(_)))
    }

    /// The name whose run of capitalised words ends at token `end` (not
    /// before `lo`): "Mr Trump" in "prompting Mr Trump to say".
    fn name_ending_at(&self, end: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        if !t.is_capitalised(end) {
            return None;
        }
        classify(t, run_start(t, end).max(lo), end)
            .filter(|m| matches!(m.referent, Referent::Name(_)))
    }

    /// "Rubio fired back forcefully:", "with Trump reportedly yelling:",
    /// "… - Pew Research:": the name nearest the colon in its clause, across at
    /// most a few lowercase words (the verb and its adverbs or object).
    fn name_before_colon(&self, colon: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        let mut k = colon;
        let mut lowercase = 0;
        while k > lo {
            k -= 1;
            if t.is_capitalised(k) && !self.t.classes(k).is_capitalised_function_word() {
                let first = run_start(t, k).max(lo);
                // "with Trump reportedly yelling:": the subject of a participle.
                let with_participle = first > lo
                    && self.lower(first - 1) == "with"
                    && (k + 1..colon).any(|j| {
                        t.is_word(j) && !t.is_capitalised(j) && self.lower(j).ends_with("ing")
                    });
                // "told Radio Norte:": the object of a cue is not its speaker.
                if first > lo
                    && !with_participle
                    && (self.is_cue(first - 1).is_some()
                        || self.t.classes(first - 1).is_preposition()
                        || self.t.classes(first - 1).is_determiner())
                {
                    return None;
                }
                // "the RIA state news agency:" is a source, not a speaker;
                // so is "the Dutch newspaper NRC:", named after its kind.
                let kind_before = first > lo
                    && t.is_word(first - 1)
                    && super::lexicon::is_medium_word(self.lower(first - 1));
                if kind_before || names_a_medium(t, first, colon - 1) {
                    return None;
                }
                return classify(t, first, k)
                    .filter(|m| matches!(m.referent, Referent::Name(_) | Referent::Pronoun(_)));
            }
            // A cue verb ("told Radio Norte:") leaves the clause to the cue rules.
            let word = t.is_word(k)
                && self.is_cue(k).is_none()
                && !is_clause_boundary_word(self.lower(k))
                && !self.t.classes(k).is_preposition();
            if !word {
                return None;
            }
            lowercase += 1;
            if lowercase > 4 {
                return None;
            }
        }
        None
    }

    /// The subject of a finite cue at `k`; for "…, and added" / "but added" the
    /// subject of the clause it continues.
    fn subject_of_cue(&self, k: usize, lo: usize) -> Option<Mention> {
        let t = self.t;
        // "Bei einem Empfang sagte Franziskus, dass …": in verb-second
        // order after an adverbial, the subject follows the verb.
        let hi = t
            .sentences
            .get(t.toks[k].sentence)
            .map_or(t.toks.len(), |s| s.1);
        if let Some(m) = self.subject_after_verb(k, lo, hi, false) {
            return Some(m);
        }
        let mut e = k;
        // ("X, the chief executive, forcefully told": an adverb of manner too.)
        while e > lo
            && t.is_word(e - 1)
            && (self.t.classes(e - 1).is_cue_modifier() || self.is_manner_adverb(e - 1))
        {
            e -= 1;
        }
        if e == lo {
            return None;
        }
        // "… network RT he blasted": a personal pronoun right before the
        // verb is its subject.
        if t.is_word(e - 1) && self.t.classes(e - 1).pronoun().is_some() {
            return classify(t, e - 1, e - 1);
        }
        if t.is_word(e - 1) && matches!(self.lower(e - 1), "and" | "but" | "or" | "then") {
            return self.clause_subject(e - 1, lo);
        }
        // "Trump, who has maintained that …, described": the subject stands
        // before the comma that opens the relative clause or appositive.
        if t.is_punct(e - 1, ",") {
            let mut p = e - 1;
            while p > lo {
                p -= 1;
                if matches!(t.toks[p].kind, Kind::Quote(_) | Kind::Break) {
                    break;
                }
                // ("President Obama, dedicating the museum on Saturday,
                // said": a participle opens an aside too.)
                let opens_aside = t.is_punct(p, ",")
                    && t.is_word(p + 1)
                    && (matches!(
                        self.lower(p + 1),
                        "who" | "whose" | "which" | "a" | "an" | "the"
                    ) || (!t.is_capitalised(p + 1)
                        && self.lower(p + 1).len() > 5
                        && self.lower(p + 1).ends_with("ing")));
                if opens_aside {
                    if let Some(m) = self
                        .subject_of_cue(p + 1, lo)
                        .filter(|m| matches!(m.referent, Referent::Name(_)))
                    {
                        return Some(m);
                    }
                    break;
                }
            }
        }
        // Back to the start of the clause.
        let mut b = e;
        while b > lo {
            let p = b - 1;
            // "Paul D. Ryan (R-Wis.) said": a short parenthesis belongs to the phrase.
            if t.is_punct(p, ")") {
                if let Some(o) = (p.saturating_sub(6).max(lo)..p)
                    .rev()
                    .find(|&o| t.is_punct(o, "("))
                {
                    b = o;
                    continue;
                }
            }
            // "John Dickey, the chief executive of Ora Media -- the company
            // that owns …, which … -- told me": an aside between dashes.
            if t.toks[p].kind == Kind::Punct && is_dash(t.text(p)) {
                let mut o = p;
                while o > lo && t.toks[o - 1].kind == Kind::Punct && is_dash(t.text(o - 1)) {
                    o -= 1;
                }
                let is_dash_at = |d: usize| t.toks[d].kind == Kind::Punct && is_dash(t.text(d));
                let opening = (lo.max(o.saturating_sub(40))..o)
                    .rev()
                    .find(|&d| is_dash_at(d));
                let inside_has_break = opening.is_some_and(|d| {
                    (d..o).any(|k| matches!(t.toks[k].kind, Kind::Quote(_) | Kind::Break))
                });
                if let Some(d) = opening.filter(|_| !inside_has_break) {
                    // Past the opening dash (and a dash doubled as "--").
                    let mut start = d;
                    while start > lo && is_dash_at(start - 1) {
                        start -= 1;
                    }
                    b = start;
                    continue;
                }
            }
            let stop = match t.toks[p].kind {
                Kind::Quote(_) | Kind::Break => true,
                Kind::Punct => matches!(
                    t.text(p),
                    ";" | ":" | "(" | ")" | "—" | "–" | "―" | "\"" | "“" | "”"
                ),
                Kind::Word => {
                    let w = self.lower(p);
                    // "Demastus, pastor of the church and a Varga supporter,
                    // said": "and a …" inside an appositive closed by a comma.
                    let and_in_appositive = w == "and"
                        && t.is_word(p + 1)
                        && matches!(self.lower(p + 1), "a" | "an" | "the")
                        && t.is_punct(e - 1, ",");
                    if and_in_appositive {
                        b = p;
                        continue;
                    }
                    // A participle that opens an aside ("Durbin, noting the
                    // size of the list, said") is inside the clause.
                    // ("Trump, asked about Putin, had said": a past participle.)
                    let cue = self.is_cue(p);
                    let participle = cue == Some(CueForm::Participle)
                        || (cue.is_some()
                            && w.ends_with("ed")
                            && t.is_word(p + 1)
                            && !t.is_capitalised(p + 1));
                    let aside_participle = participle && p > lo && t.is_punct(p - 1, ",");
                    // ("with what they call": a clause of its own.)
                    (is_clause_boundary_word(w) && t.text(p).starts_with(char::is_lowercase))
                        || (cue.is_some() && !aside_participle)
                        || w == "what"
                }
            };
            if stop {
                break;
            }
            b = p;
        }
        if b == e {
            return None;
        }
        self.subject_in(b, e)
    }

    /// The subject in tokens `b..e` (the words before a cue): the last comma
    /// segment, or the name an appositive or relative clause hangs on.
    fn subject_in(&self, b: usize, e: usize) -> Option<Mention> {
        let t = self.t;
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let mut s = b;
        let dash = |j: usize| t.toks[j].kind == Kind::Punct && is_dash(t.text(j));
        let mut j = b;
        while j < e {
            if t.is_punct(j, ",") || dash(j) {
                if j > s {
                    segments.push((s, j - 1));
                }
                // "X -- as Y noted -- said", "X — the company that … — told
                // me": an aside between dashes is left out.
                if dash(j) {
                    let mut after = j;
                    while after + 1 < e && dash(after + 1) {
                        after += 1;
                    }
                    if let Some(close) = (after + 1..e).find(|&k| dash(k)) {
                        j = close;
                        while j + 1 < e && dash(j + 1) {
                            j += 1;
                        }
                    }
                }
                s = j + 1;
            }
            j += 1;
        }
        if e > s {
            segments.push((s, e - 1));
        }
        let mut idx = segments.len().checked_sub(1)?;
        if let Some(m) = self.relative_clause_subject(&segments) {
            return Some(m);
        }
        // "Peskov, the Kremlin spokesman, said"; "Trump, who …, said"; "Smith, 70, said".
        while idx > 0 {
            let (f, _) = segments[idx];
            let lw = self.lower(f);
            // Asides that hang on whatever stands before them: relative
            // clauses, ages, adverbs, prepositional phrases.
            let party_tag = t.text(f).len() <= 8 && is_party_tag(t.text(f));
            let aside = party_tag
                || lw.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    lw,
                    "who"
                        | "which"
                        | "whose"
                        | "however"
                        | "too"
                        | "also"
                        | "though"
                        | "in"
                        | "at"
                        | "on"
                        | "of"
                        | "from"
                        | "for"
                        | "during"
                        | "after"
                        | "like"
                        | "speaking"
                        | "now"
                        | "then"
                        | "as"
                );
            // Appositives ("the Kremlin spokesman") hang on a name only.
            let appositive = matches!(
                lw,
                "a" | "an" | "the" | "one" | "himself" | "herself" | "itself" | "themselves"
            ) || (is_determiner(lw) && t.text(f).starts_with(char::is_lowercase));
            let (prev_first, prev_last) = segments[idx - 1];
            // ("At a forum in Virginia, one questioner claimed": an opening
            // phrase, not a name the appositive could hang on.)
            // ("As Trump attacked Clinton, the attendees chanted": an
            // opening clause.)
            let after_name = || {
                !self.t.classes(prev_first).is_preposition()
                    && !is_clause_boundary_word(self.lower(prev_first))
                    && self.lower(prev_first) != "as"
                    && classify(t, prev_first, prev_last)
                        .is_some_and(|m| matches!(m.referent, Referent::Name(_)))
            };
            // "Bay Buchanan, national treasurer for the campaign, said": a
            // description with no article is an appositive too.
            // "Tad Devine, Sanders' senior media adviser, said": so is one
            // that opens with a possessive.
            let possessive = self.is_possessive(f);
            // ("Anke Sommer, Präsidentin des Verbandes, sagte": a capitalised
            // title opens one too.)
            let role = || {
                (t.text(f).starts_with(char::is_lowercase)
                    || possessive
                    || self.t.classes(f).is_title())
                    && classify(t, f, segments[idx].1)
                        .is_some_and(|m| matches!(m.referent, Referent::Description { .. }))
            };
            // "Durbin, noting the size of the list, said", "Trump, asked
            // about Putin, said": a participle phrase.
            let participle = t.text(f).starts_with(char::is_lowercase)
                && lw.len() > 4
                && (lw.ends_with("ing") || lw.ends_with("ed"))
                && f < segments[idx].1;
            // "the town of Velsk, which he described as": a relative clause
            // with a subject of its own.
            if matches!(lw, "which" | "whom") && f < segments[idx].1 {
                let (_, l) = segments[idx];
                if let Some(m) = classify(t, f + 1, l)
                    .filter(|m| matches!(m.referent, Referent::Pronoun(_) | Referent::Name(_)))
                {
                    return Some(m);
                }
            }
            // "Clinton, during a town hall in Columbus, Ohio, said": a place
            // that closes the aside before it.
            let place_of_aside = idx >= 2 && {
                let (pf, pl) = segments[idx - 1];
                let (sf, sl) = segments[idx];
                let all_named = (sf..=sl).all(|j| !t.is_word(j) || t.is_capitalised(j));
                let prev_opens_aside = t.is_word(pf)
                    && !t.is_capitalised(pf)
                    && (self.t.classes(pf).is_preposition() || self.lower(pf) == "speaking");
                all_named && t.is_capitalised(pl) && prev_opens_aside
            };
            if place_of_aside || aside || ((appositive || participle || role()) && after_name()) {
                idx -= 1;
            } else {
                break;
            }
        }
        let (f, l) = segments[idx];
        // Leading adverbials inside the segment ("Last week his negotiators").
        let mut f = f;
        while f < l && t.is_word(f) && self.t.classes(f).is_preposition() {
            // "In remarks Mr Trump" — skip a prepositional phrase up to a name.
            let next_name = (f + 1..=l).find(|&j| {
                t.is_capitalised(j) && !self.t.classes(j).is_capitalised_function_word()
            });
            match next_name {
                Some(n) => f = n,
                None => break,
            }
        }
        classify(t, f, l)
    }

    /// "Bannon, who Beck on Wednesday called", "in what Bay Buchanan, a
    /// campaign treasurer, called": the cue ends a relative clause whose own
    /// subject is the name right after the relative pronoun — not the noun
    /// the clause hangs on. `segments` are the comma segments before the cue.
    fn relative_clause_subject(&self, segments: &[(usize, usize)]) -> Option<Mention> {
        let t = self.t;
        let n = segments.len();
        // The clause's segment, then at most one appositive after it.
        for s in (n.saturating_sub(2)..n).rev() {
            let (f, l) = segments[s];
            let mut w = f;
            if t.is_word(w) && self.t.classes(w).is_preposition() && w < l {
                w += 1;
            }
            if !(t.is_word(w) && matches!(self.lower(w), "who" | "whom" | "which" | "what")) {
                continue;
            }
            if w + 1 > l {
                return None;
            }
            if !t.is_capitalised(w + 1) {
                // "whom one Obama insider described as": a description of
                // its own subject, up to the cue.
                let unnamed = t.is_word(w + 1)
                    && matches!(self.lower(w + 1), "one" | "a" | "an" | "some" | "another");
                return unnamed
                    .then(|| classify(t, w + 1, l))
                    .flatten()
                    .filter(|m| matches!(m.referent, Referent::Description { .. }));
            }
            let m = self.name_starting_at(w + 1).filter(|m| m.last <= l)?;
            if self.t.classes(m.first).is_day_word() || self.is_possessive(m.last) {
                return None;
            }
            // Only adverbials between the name and the cue: "on Wednesday",
            // "later", "publicly" — a verb there makes the name its object.
            let rest_ok = (m.last + 1..=l).all(|j| {
                let lw = self.lower(j);
                !t.is_word(j)
                    || t.is_capitalised(j)
                    || is_preposition(lw)
                    || is_determiner(lw)
                    || is_cue_modifier(lw)
                    || lw.ends_with("ly")
            });
            // The appositive after the clause's segment is a description.
            let apposition_ok = s + 1 == n || {
                let (af, al) = segments[s + 1];
                t.is_word(af)
                    && (t.text(af).starts_with(char::is_lowercase)
                        || self.t.classes(af).is_determiner())
                    && classify(t, af, al)
                        .is_some_and(|a| matches!(a.referent, Referent::Description { .. }))
            };
            return (rest_ok && apposition_ok).then_some(m);
        }
        None
    }

    /// The subject of the clause a participle or an elided subject hangs on:
    /// the subject of an earlier finite cue, else the sentence's subject.
    fn clause_subject(&self, k: usize, lo: usize) -> Option<Mention> {
        let mut j = k;
        while j > lo {
            j -= 1;
            if matches!(self.t.toks[j].kind, Kind::Quote(_)) {
                continue;
            }
            if self.is_cue(j) == Some(CueForm::Finite) && !self.in_relative_clause(j) {
                // ("Carson shared a syllabus for a class called “Perception”":
                // a participle after a noun, whose "subject" is a whole clause.)
                if let Some(m) = self
                    .subject_of_cue(j, lo)
                    .filter(|m| !self.is_name_then_verb(m))
                {
                    return Some(m);
                }
            }
        }
        // The sentence's subject; failing a name there, the first name a
        // verb follows — but one before the description that is the
        // subject, not a name further on ("Small groups of protesters
        // continued … where the Charlotte Panthers played, chanting").
        let subject = self.sentence_subject(lo, k);
        match &subject {
            Some(m) if !matches!(m.referent, Referent::Description { .. }) => subject,
            _ => self
                .subject_by_verb(lo, k, &|_| true)
                .filter(|n| subject.as_ref().is_none_or(|m| n.first < m.first))
                .or(subject),
        }
    }

    /// The cue at `k` sits in an opening clause ("After X criticized Y during
    /// a debate,") whose comma comes before the quotation at `i`, and the main
    /// clause after that comma has a known subject and a verb of its own.
    fn main_clause_subject_after(&self, k: usize, lo: usize, i: usize) -> Option<Mention> {
        let t = self.t;
        let opener = (lo..k).find(|&j| t.is_word(j))?;
        if !matches!(
            self.lower(opener),
            "after"
                | "when"
                | "as"
                | "while"
                | "because"
                | "if"
                | "although"
                | "though"
                | "since"
                | "once"
                | "before"
        ) {
            return None;
        }
        let comma = (k + 1..i).find(|&j| t.is_punct(j, ","))?;
        let known = |m: &Mention| self.is_known_subject(m);
        self.subject_by_verb(comma + 1, i, &known)
            .filter(|m| m.first == comma + 1 || (comma + 1..m.first).all(|j| !t.is_word(j)))
    }

    /// A subject that can speak without a reporting verb: a person the article
    /// names ("President Obama" counts, by its title), he or she, or a body
    /// known by its name ("The Democratic National Committee released …").
    fn is_known_subject(&self, m: &Mention) -> bool {
        match &m.referent {
            Referent::Name(n) => {
                self.table.resolve_name(n).is_some() || self.has_title(m) || ends_on_body_word(n)
            }
            Referent::Pronoun(p) => matches!(p, Pronoun::He | Pronoun::She | Pronoun::Unsaid),
            // "The US president had expected a “productive day”": a
            // definite role, which the resolver can bind.
            Referent::Description { ref head, .. } => {
                self.organisation_named(m).is_some()
                    || (self.t.is_the(m.first) && is_title(head) && !is_plural_form(head))
            }
        }
    }

    /// "President Obama", "Sen. Cruz": a name with a title before it, which
    /// makes it a person's even when the article gives no first name.
    fn has_title(&self, m: &Mention) -> bool {
        let t = self.t;
        let words: Vec<usize> = (m.first..=m.last).filter(|&i| t.is_word(i)).collect();
        words.len() >= 2
            && t.is_capitalised(words[0])
            && is_title(self.lower(words[0]).trim_end_matches('.'))
            && !matches!(self.lower(words[0]), "the" | "a" | "an")
    }

    /// A description that opens with a name and a lowercase word which is no
    /// role: "Carson shared a syllabus", a clause rather than a noun phrase.
    fn is_name_then_verb(&self, m: &Mention) -> bool {
        let t = self.t;
        if !matches!(m.referent, Referent::Description { .. }) || !t.is_capitalised(m.first) {
            return false;
        }
        if self.t.classes(m.first).is_capitalised_function_word() {
            return false;
        }
        let next = run_end(t, m.first) + 1;
        next < m.last
            && t.is_word(next)
            && !t.is_capitalised(next)
            && !self.t.classes(next).is_title()
            && !self.t.classes(next).is_preposition()
            && !matches!(self.lower(next), "and" | "or")
    }

    /// No reporting clause: a quotation that opens its sentence continues the
    /// speaker before it (the same or previous paragraph), or takes the
    /// subject of a sentence that introduced it with a colon or a cue.
    fn by_discourse(
        &self,
        i: usize,
        lo: usize,
        last_quote: Option<(usize, usize)>,
        out: &[Option<Source>],
    ) -> Option<Source> {
        let t = self.t;
        // “…,” Smith said, adding that the deals went out “like candy.”: a
        // quotation the speaker's own clause goes on to introduce.
        if let Some((q, qi)) = last_quote {
            if qi >= lo
                && out[q].is_some()
                && (qi + 1..i).any(|j| self.is_cue(j) == Some(CueForm::Participle))
            {
                return Some(Source::Carried(q));
            }
        }
        let para = t.toks[i].paragraph;
        let s = t.toks[i].sentence;
        let opens_sentence = (lo..i).all(|j| !t.is_word(j)) || self.opens_with_connective(i, lo);
        // "Unless rivals quit, “it's very difficult to see a path.”": an
        // introductory clause, then a quotation that ends the sentence.
        let hi = t.sentences.get(s).map_or(i + 1, |&(_, hi)| hi);
        let closes_sentence = (i + 1..hi).all(|j| t.toks[j].kind != Kind::Word);
        let closes_sentence_after_comma = i > lo && t.is_punct(i - 1, ",") && closes_sentence;
        if let Some((q, qi)) = last_quote {
            // No new speaker between: no name (past the sentence's first
            // word) and no reporting verb.
            // (Where every noun is capitalised, only a word that names a
            // person the article knows, or a role, names somebody.)
            let names_somebody = |j: usize| {
                t.is_capitalised(j)
                    && (!active().settings.nouns_capitalised
                        || t.classes(j).is_title()
                        || self.table.resolve_name(t.text(j)).is_some())
            };
            let nobody_between = |from: usize| {
                (from..i).all(|j| {
                    !t.is_word(j) || !((j > lo && names_somebody(j)) || self.is_cue(j).is_some())
                })
            };
            // ''A,'' said Bash. ''B'' and his team ''C.'': a later quotation of
            // the same sentence, with no one else named between.
            let same_sentence = qi >= lo && nobody_between(qi + 1);
            // “A,” Clinton has said. That makes her “B.”: a sentence that names
            // no one, closed by a quotation, goes on with the speaker just quoted.
            // (A word or two in marks is a term, not a statement: "liberal".)
            let next_sentence = !opens_sentence
                && closes_sentence
                && has_cue(out, q)
                && qi < lo
                && t.toks[qi].sentence + 1 == s
                && t.toks[qi].paragraph == para
                && nobody_between(lo)
                && self.quotation_word_count(i) >= 4;
            if out[q].is_some() && (same_sentence || next_sentence) {
                return Some(Source::Carried(q));
            }
        }
        if !opens_sentence && !closes_sentence_after_comma {
            return None;
        }
        // The sentence before introduced it: "Smith was blunt:" / "Smith continued."
        // The sentence before, past any that are only paragraph breaks.
        let prev = (0..s).rev().take(3).find(|&p| {
            let (a, b) = t.sentences[p];
            (a..b).any(|j| t.toks[j].kind != Kind::Break)
        });
        if let Some(prev) = prev {
            let (plo, phi) = t.sentences[prev];
            let last_tok = (plo..phi).rev().find(|&j| t.toks[j].kind != Kind::Break);
            let ends_with_colon = last_tok.is_some_and(|j| t.is_punct(j, ":"));
            let cue = (plo..phi).find(|&j| self.is_cue(j) == Some(CueForm::Finite));
            let adjacent_paragraph = para.saturating_sub(t.toks[plo].paragraph) <= 1;
            let has_quote = (plo..phi).any(|j| matches!(t.toks[j].kind, Kind::Quote(_)));
            // "Sanders, who lost the primaries, identified young voters as a
            // reason. “The younger people are …”": a sentence about a
            // person, then the quotation in the same paragraph.
            // … or closing the paragraph before one that opens with the
            // quotation: "Valastro praised the governor. ¶ “We need …”".
            let opens_paragraph = opens_sentence && self.first_word_of_paragraph[para] > i;
            let same_paragraph = t.toks[plo].paragraph == para
                || (opens_paragraph && para == t.toks[plo].paragraph + 1);
            // (A show's title in quotation marks is no quotation of anyone's.)
            let has_statement = (plo..phi).any(|j| match t.toks[j].kind {
                Kind::Quote(q) => out[q].is_some(),
                _ => false,
            });
            if same_paragraph && !has_statement && !ends_with_colon && cue.is_none() {
                let known = |m: &Mention| self.is_known_subject(m);
                let subject = if active().settings.verb_second {
                    self.verb_second_subject(plo, phi)
                } else {
                    self.sentence_subject(plo, phi)
                };
                if let Some(m) = subject.filter(known) {
                    return Some(Source::uncued(m));
                }
            }
            if (ends_with_colon || cue.is_some()) && adjacent_paragraph && !has_quote {
                let m = match cue {
                    Some(k) => self
                        .subject_of_cue(k, plo)
                        .filter(|m| self.is_subject_like(m, m.first, m.last))
                        // "Bolton distanced himself by saying he would help
                        // if asked.": a finite cue with no subject of its
                        // own ("if asked") leaves the participle's.
                        .or_else(|| {
                            let p = (plo..phi)
                                .find(|&j| self.is_cue(j) == Some(CueForm::Participle))?;
                            self.clause_subject(p, plo)
                                .filter(|m| matches!(m.referent, Referent::Name(_)))
                        }),
                    None => self.sentence_subject(plo, phi),
                };
                if let Some(m) = m {
                    return Some(Source::uncued(m));
                }
            }
        }
        // Otherwise it continues the speaker of the quotation before.
        if let Some((q, qi)) = last_quote {
            let near = para.saturating_sub(t.toks[qi].paragraph) <= 1;
            let sentence_gap = s.saturating_sub(t.toks[qi].sentence);
            if out[q].is_some() && near && sentence_gap <= 3 {
                return Some(Source::Carried(q));
            }
        }
        None
    }

    /// A noun phrase starting at `j`: a name run (stops at the first lowercase
    /// word after it), or a description up to punctuation.
    fn phrase_after(&self, j: usize, hi: usize) -> Option<(usize, usize)> {
        let t = self.t;
        if !t.is_word(j) {
            return None;
        }
        let mut last = j;
        let mut k = j;
        // "Varga’s deputy harbour master": a possessive name opens a
        // description, which runs on through lowercase words.
        let possessive = self.ends_in_possessive_s(run_end(t, j));
        let starts_with_name =
            t.is_capitalised(j) && !self.t.classes(j).is_capitalised_function_word() && !possessive;
        while k < hi && k < j + 12 {
            match t.toks[k].kind {
                Kind::Word => {
                    if starts_with_name
                        && k > j
                        && t.text(k).starts_with(char::is_lowercase)
                        && !t.is_name_particle(k)
                    {
                        // "said Democratic pollster Stan Greenberg", "said Republican
                        // party boss Reince Priebus": role words, then the name.
                        let role_at = |r: usize| {
                            self.t.classes(r).is_title()
                                && (r + 1..r + 4).any(|n| t.is_capitalised(n))
                        };
                        let role_then_name = role_at(k)
                            || (t.is_word(k + 1)
                                && t.text(k + 1).starts_with(char::is_lowercase)
                                && !self.t.classes(k).is_preposition()
                                && !is_clause_boundary_word(self.lower(k))
                                && role_at(k + 1));
                        // "said Bank of Japan chief Toshihiko Fukui", "said
                        // Economic and Fiscal Policy Minister Heizo Takenaka":
                        // a body's or an office's name runs on through "of"
                        // and "and" to the role and the person.
                        let name_runs_on = matches!(self.lower(k), "of" | "and" | "for")
                            && t.is_capitalised(k + 1)
                            && (k + 1..(k + 8).min(hi)).any(|r| {
                                t.is_word(r)
                                    && self.t.classes(r).is_title()
                                    && t.is_capitalised(r + 1)
                                    || (t.is_capitalised(r)
                                        && self.t.classes(r).is_title()
                                        && t.is_capitalised(r + 1))
                            });
                        if !role_then_name && !name_runs_on {
                            break;
                        }
                    }
                    // (Where reporting clauses invert, an adjunct follows
                    // the subject: "a déclaré le ministre devant …".)
                    // (Not an article spelt as one: Portuguese "a".)
                    // (Nor an object after the subject: "sagte die
                    // Ministerin den „Nachrichten“".)
                    let adjunct = active().settings.inverted_clauses
                        && ((self.t.classes(k).is_adjunct_preposition()
                            && !self.t.classes(k).is_determiner())
                            || active().object_determiners.contains(&self.lower(k)));
                    if !starts_with_name && k > j && adjunct {
                        break;
                    }
                    if !starts_with_name
                        && k > j
                        && matches!(
                            self.lower(k),
                            "in" | "on"
                                | "at"
                                | "during"
                                | "after"
                                | "before"
                                | "when"
                                | "while"
                                | "as"
                                | "who"
                                | "that"
                        )
                    {
                        break;
                    }
                    last = k;
                }
                // "Gov. Mike Pence", "Navy Capt. Jeff Davis", "J. D. Vance";
                // "Gov. and party Chairman Ed Rendell", "Prof. Dr. Anke Sommer".
                Kind::Punct
                    if t.text(k) == "."
                        && (t.text(k - 1).chars().nth(3).is_none()
                            || self.t.classes(k - 1).is_title()
                            || self.t.classes(k - 1).is_honorific())
                        && (t.is_capitalised(k + 1)
                            || (self.t.classes(k - 1).is_title()
                                && t.is_word(k + 1)
                                && self.lower(k + 1) == "and")) => {}
                // "9/11 widow Terry Strada"
                Kind::Punct if t.text(k) == "/" && t.is_word(k + 1) => {}
                _ => break,
            }
            k += 1;
        }
        Some((j, last))
    }
}
