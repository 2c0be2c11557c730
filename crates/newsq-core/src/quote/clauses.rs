//! Reading the reporting text around quotations: the subject a sentence
//! opens with, a name that a verb follows, possessives, the phrase a
//! mention covers. Shared by the cue finder (`attribute`) and the speaker
//! resolver (`resolve`).

use super::entities::EntityTable;
use super::lexicon::{
    active, first_name_gender, first_name_gender_of_lower, is_capitalised_function_word,
    is_determiner, is_organisation_head, is_title, with_lowercase,
};
use super::marks::QuotedSpan;
use super::mentions::{classify, run_end, Mention, Referent};
use super::tokens::{Kind, Tokens};

/// Prepositions: "with", "to", "by", "following" (the lexicon's).
pub(crate) fn is_preposition(w: &str) -> bool {
    crate::quote::lexicon::is_preposition(w)
}

/// Words that open a new clause: "that", "because", "and", "but" (the lexicon's).
pub(crate) fn is_clause_boundary_word(w: &str) -> bool {
    crate::quote::lexicon::is_clause_opener(w)
}

/// A name whose last word is an organisation's ("Washington Post", "Democratic
/// National Committee"), or a group's of three words or more that ends on a
/// plural ("Oversight Committee Republicans", "Retired American Warriors").
pub(crate) fn ends_on_body_word(name: &str) -> bool {
    // (Asked of every name: a byte loop finds its spaces sooner than a searcher.)
    let last_space = name.bytes().rposition(|b| b == b' ');
    let head = last_space.map_or(name, |at| &name[at + 1..]);
    let three_words = || name.bytes().filter(|&b| b == b' ').nth(1).is_some();
    let first = || name.split(' ').next().unwrap_or(name);
    with_lowercase(head, is_organisation_head)
        || (is_plural_form(head) && three_words() && first_name_gender(first()).is_none())
}

/// "Firma Holmsen", "Stiftung Warentest": where nouns are capitalised, a
/// name of several words opened by an organisation's noun is a body's.
pub(crate) fn opens_on_body_word(name: &str) -> bool {
    active().settings.nouns_capitalised
        && name
            .split_once(' ')
            .is_some_and(|(first, _)| with_lowercase(first, is_organisation_head))
}

/// A word that reads as a plural noun: "Warriors", "officials" (not
/// "Congress", nor a word ending in "us": "bonus", "census").
pub(crate) fn is_plural_form(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// Auxiliary and modal verbs: "is", "has", "will" end a subject.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// "presidential", "republican", "federal": a lowercase word that can
/// modify a role noun ("Republican presidential nominee").
pub(crate) fn is_adjective_like(lower: &str) -> bool {
    ["al", "an", "ic", "ive", "ary", "ern", "ish", "ese", "ial"]
        .iter()
        .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
        && !is_capitalised_function_word(lower)
}

/// Hyphen, en dash, em dash and horizontal bar: all used to sign or
/// interrupt a quotation.
pub(crate) fn is_dash(p: &str) -> bool {
    matches!(p, "-" | "–" | "—" | "―")
}

/// The article's tokens, quoted spans and entity table, read clause by clause.
#[derive(Clone, Copy)]
pub(crate) struct Clauses<'t, 'a> {
    pub t: &'t Tokens<'a>,
    pub spans: &'t [QuotedSpan],
    pub table: &'t EntityTable,
}

impl<'t, 'a> Clauses<'t, 'a> {
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &'t str {
        self.t.lower(i)
    }

    pub(crate) fn phrase(&self, first: usize, last: usize) -> String {
        let (s, e) = (self.t.toks[first].start, self.t.toks[last].end);
        self.t.body[s..e]
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .to_string()
    }

    /// Word `i` ends in a possessive "’s" ("Varga’s", "Ryan's").
    pub(crate) fn ends_in_possessive_s(&self, i: usize) -> bool {
        let w = self.t.text(i);
        w.ends_with("’s") || w.ends_with("'s")
    }

    /// Word `i` is possessive: "Varga’s", or "Sanders'" (a bare apostrophe,
    /// which the tokenizer leaves as the next token).
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.ends_in_possessive_s(i) || self.t.is_punct(i + 1, "’") || self.t.is_punct(i + 1, "'")
    }

    /// Whether the text inside the marks of the quotation at token `i` ends
    /// with one of `chars`.
    pub(crate) fn quote_ends_with(&self, i: usize, chars: &[char]) -> bool {
        let t = self.t;
        let Kind::Quote(q) = t.toks[i].kind else {
            return false;
        };
        self.spans[q]
            .parts
            .last()
            .is_some_and(|&(a, b)| t.body[a..b].trim_end().ends_with(chars))
    }

    /// "the White House", "the Democratic National Committee": a phrase that
    /// is all proper noun (after its article) and ends on an organisation's
    /// head word; the name without the article. ("the Russian President" is a
    /// role, not a body.)
    pub(crate) fn organisation_named(&self, m: &Mention) -> Option<String> {
        let t = self.t;
        let mut first = (m.first..=m.last).find(|&i| t.is_word(i))?;
        if self.t.is_the(first) || t.classes(first).is_determiner() {
            first += 1;
        }
        let words: Vec<usize> = (first..=m.last).filter(|&i| t.is_word(i)).collect();
        let &last = words.last()?;
        let all_named = words
            .iter()
            .all(|&i| t.is_capitalised(i) || matches!(self.lower(i), "of" | "for" | "and"));
        if !all_named || !t.is_capitalised(words[0]) || !self.t.classes(last).is_organisation_head()
        {
            return None;
        }
        Some(self.phrase(words[0], last))
    }

    /// The first name in `lo..hi` that a verb follows, past introductory
    /// phrases: "Speaking to reporters on Monday, Bush referred to …",
    /// "As the debate went on, Trump stood by …".
    pub(crate) fn subject_by_verb(
        &self,
        lo: usize,
        hi: usize,
        accept: &dyn Fn(&Mention) -> bool,
    ) -> Option<Mention> {
        let t = self.t;
        let mut k = lo;
        while k < hi {
            let lw_k = self.lower(k);
            // "On September 27 they published": "he", "she", "they" and "we"
            // are always a clause's subject.
            let nominative = matches!(lw_k, "he" | "she" | "they" | "we")
                && t.is_word(k + 1)
                && !t.is_capitalised(k + 1);
            if nominative {
                if let Some(m) = classify(t, k, k).filter(|m| accept(m)) {
                    return Some(m);
                }
            }
            if !t.is_capitalised(k) || is_capitalised_function_word(lw_k) {
                k += 1;
                continue;
            }
            let last = run_end(t, k).min(hi.saturating_sub(1));
            // ("the IMF did not": a body's name takes the article.)
            let the = k > lo && self.t.is_the(k - 1);
            let after_preposition = k > lo
                && t.is_word(k - 1)
                && !the
                && (self.t.classes(k - 1).is_preposition()
                    || self.t.classes(k - 1).is_determiner());
            let possessive = self.ends_in_possessive_s(last);
            // A subject opens its clause, after its role words at most
            // ("Republican presidential front-runner Donald Trump
            // defended"): "several groups granted a former Patriot mine"
            // has none in "Patriot".
            let mut before = if the { k - 1 } else { k };
            while before > lo
                && t.is_word(before - 1)
                && (self.t.classes(before - 1).is_title()
                    || t.is_capitalised(before - 1)
                    || is_adjective_like(self.lower(before - 1)))
            {
                before -= 1;
            }
            let opens_clause = before == lo
                || !t.is_word(before - 1)
                || is_clause_boundary_word(self.lower(before - 1))
                || self.t.classes(before - 1).is_day_word()
                || matches!(
                    self.lower(before - 1),
                    "as" | "then" | "yet" | "which" | "who" | "where"
                );
            let verb = opens_clause && last + 1 < hi && t.is_word(last + 1) && {
                let w = self.lower(last + 1);
                t.text(last + 1).starts_with(char::is_lowercase)
                    && !is_preposition(w)
                    // ("University historian John Baick calls": a role noun.)
                    && !is_title(w)
                    && !is_clause_boundary_word(w)
                    && !is_determiner(w)
                    && (!matches!(w, "of" | "and" | "or" | "but" | "to" | "is" | "was")
                        // "Trump is questioning whether …": a progressive verb.
                        || (matches!(w, "is" | "was")
                            && t.is_word(last + 2)
                            && !t.is_capitalised(last + 2)
                            && self.lower(last + 2).ends_with("ing")))
            };
            // ("Small groups of protesters continued": a capitalised word
            // opening the sentence that the article writes nowhere else
            // capitalised is no name.)
            let common = k == last && !t.is_proper(k) && first_name_gender_of_lower(lw_k).is_none();
            if verb && !after_preposition && !possessive && !common {
                if let Some(m) = classify(t, k, last) {
                    if matches!(m.referent, Referent::Name(_) | Referent::Pronoun(_)) && accept(&m)
                    {
                        return Some(m);
                    }
                }
            }
            k = last + 1;
        }
        None
    }

    /// The noun phrase a sentence opens with, after an introductory phrase:
    /// "On Monday, Former Swedish Prime Minister, Carl Bildt, offered …".
    pub(crate) fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Mention> {
        let t = self.t;
        let mut f = lo;
        // Skip a dateline: "WASHINGTON —", "LONDON (Reuters) -".
        if let Some(d) =
            (lo..hi.min(lo + 8)).find(|&j| is_dash(t.text(j)) && t.toks[j].kind == Kind::Punct)
        {
            if (lo..d).filter(|&j| t.is_word(j)).all(|j| {
                !t.text(j).chars().any(char::is_lowercase) || t.is_punct(j.saturating_sub(1), "(")
            }) {
                f = d + 1;
            }
        }
        // "But Sen. Toomey refused …, responding": a conjunction opening the
        // sentence is no introductory phrase.
        while f + 1 < hi
            && t.is_word(f)
            && matches!(self.lower(f), "but" | "and" | "yet" | "so" | "or")
            && t.is_capitalised(f + 1)
        {
            f += 1;
        }
        // "Then he cut into Bush", "Later she added": an adverb, then the subject.
        if t.is_word(f)
            && t.is_word(f + 1)
            && self.t.classes(f).is_capitalised_function_word()
            && !self.t.classes(f).is_preposition()
            && self.t.classes(f + 1).pronoun().is_some()
        {
            f += 1;
        }
        // Skip an introductory phrase that ends in a comma.
        if t.is_word(f)
            && self.t.classes(f).is_capitalised_function_word()
            && !self.t.classes(f).is_determiner()
            && !matches!(self.lower(f), "he" | "she" | "they" | "it" | "we" | "i")
        {
            // (“On "Face the Nation," Sanders …”: the comma may sit inside a title's marks.)
            if let Some(c) = (f..hi).find(|&j| {
                t.is_punct(j, ",")
                    || (matches!(t.toks[j].kind, Kind::Quote(_)) && self.quote_ends_with(j, &[',']))
            }) {
                f = c + 1;
            } else if self.t.classes(f).is_preposition() {
                // "On September 27 they published …": no comma closes the
                // opening phrase; the subject is the one a verb follows.
                return self.subject_by_verb(f + 1, hi, &|_| true);
            }
        } else if let Some(c) = (f..hi).find(|&j| t.is_punct(j, ",")) {
            // "Early in her campaign, Varga attacked …", "Hours later, Reid
            // …": an opening phrase that names nobody the article knows,
            // then a name or pronoun after its comma.
            let next_opens_subject = t.is_word(c + 1) && {
                let next = t.classes(c + 1);
                next.pronoun().is_some()
                    || (t.is_capitalised(c + 1) && !next.is_capitalised_function_word())
            };
            // (Only the phrase's opening run of capitalised words counts: "Ever
            // since she endorsed Mrs. Clinton, Ms. Warren …" opens with no name.)
            let first_lowercase = (f..c)
                .find(|&j| t.is_word(j) && !t.is_capitalised(j))
                .unwrap_or(c);
            let names_someone = (f..first_lowercase).any(|j| {
                t.is_capitalised(j)
                    && classify(t, j, run_end(t, j).min(first_lowercase.saturating_sub(1)))
                        .is_some_and(|m| match &m.referent {
                            Referent::Name(n) => self.table.resolve_name(n).is_some(),
                            Referent::Pronoun(_) => true,
                            _ => false,
                        })
            });
            // ("Leaders from France, Germany and Italy": a list, not an opening phrase.)
            let ends_lowercase = c > f + 1 && t.is_word(c - 1) && !t.is_capitalised(c - 1);
            if ends_lowercase && next_opens_subject && !names_someone {
                f = c + 1;
            }
        }
        if t.is_word(f) && self.t.classes(f).pronoun().is_some() {
            return classify(t, f, f);
        }
        let mut l = f;
        let mut last_word = None;
        while l < hi {
            match t.toks[l].kind {
                Kind::Word => {
                    let w = self.lower(l);
                    let lowercase = t.text(l).starts_with(char::is_lowercase);
                    // "Republican presidential nominee Donald Trump": lowercase
                    // role words, then the name, before any name word.
                    let role_then_name = || {
                        (f..l).all(|r| {
                            !t.is_word(r)
                                || !t.is_capitalised(r)
                                || self.t.classes(r).is_title()
                                || self.t.classes(r).is_determiner()
                        }) && (l + 1..l + 3).any(|r| {
                            t.is_word(r)
                                && !t.is_capitalised(r)
                                && self.t.classes(r).is_title()
                                && t.is_capitalised(r + 1)
                        }) && (l + 1..l + 3)
                            .take_while(|&r| !t.is_capitalised(r))
                            .all(|r| t.is_word(r))
                    };
                    if lowercase
                        && !t.classes(l).is_determiner()
                        && !t.classes(l).is_title()
                        && !role_then_name()
                        && !matches!(
                            w,
                            "of" | "von"
                                | "der"
                                | "de"
                                | "familiar"
                                | "with"
                                | "close"
                                | "to"
                                | "the"
                        )
                    {
                        break;
                    }
                    last_word = Some(l);
                }
                // "Ted Nordhaus, co-founder of the institute, welcomed": a
                // name, then an appositive that is not the subject.
                Kind::Punct
                    if t.text(l) == ","
                        && t.is_word(l + 1)
                        && !t.is_capitalised(l + 1)
                        && last_word.is_some_and(|w| {
                            classify(t, f, w).is_some_and(|m| match &m.referent {
                                Referent::Name(n) => self.table.resolve_name(n).is_some(),
                                _ => false,
                            })
                        }) =>
                {
                    break
                }
                Kind::Punct if matches!(t.text(l), "," | "." | "’" | "'") => {}
                _ => break,
            }
            l += 1;
        }
        let mut last = last_word?;
        // "Small groups of protesters continued", "Libertarian candidate
        // Gary Johnson’s doctor is": a capitalised word that opens the
        // sentence and is no name begins a description, which runs on to
        // its verb.
        let opener = self.lower(f);
        let plural_next = t.is_word(f + 1) && {
            let w = self.lower(f + 1);
            w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && t.classes(f + 1).cue_form().is_none()
        };
        if last == f
            && !t.is_proper(f)
            && t.classes(f).first_name_gender().is_none()
            && t.is_word(f + 1)
            && !t.is_capitalised(f + 1)
            && (is_adjective_like(opener) || plural_next)
        {
            let mut k = f + 1;
            while k < hi && t.is_word(k) && !t.is_capitalised(k) && k < f + 12 {
                let w = self.lower(k);
                let classes = t.classes(k);
                let verb_like = classes.cue_form().is_some()
                    || is_auxiliary(w)
                    || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ly")));
                if classes.is_preposition() || classes.is_clause_opener() || verb_like {
                    break;
                }
                last = k;
                k += 1;
            }
        }
        // "Former Swedish Prime Minister, Carl Bildt," — the name after the role.
        classify(t, f, last).or_else(|| {
            let first_name = (f..=last).rev().find(|&j| t.is_capitalised(j))?;
            classify(t, first_name, run_end(t, first_name).min(last))
        })
    }
}
