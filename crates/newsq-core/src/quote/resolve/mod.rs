//! Who each quotation's source is: a name to the fullest form the article
//! gives, a pronoun to the person it points back to, a description to the
//! name the article binds it to, a document to its author. Runs after the
//! cue finder (`super::attribute`), in text order, keeping track of who the
//! article is talking about.

mod description;
mod discourse;
mod document;

use super::attribute::{Source, Sources};
use super::clauses::{ends_on_body_word, Clauses};
use super::lexicon::{with_lowercase, Pronoun};
use super::marks::QuotedSpan;
use super::mentions::{Mention, Referent};
use super::tokens::{Kind, Tokens};
use super::SpeakerFrom;
use discourse::Seen;

/// The outcome for one quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The resolved name, or None (unknown, anonymous, an unresolved pronoun).
    pub speaker: Option<String>,
    /// The mention as written ("Mr Trump", "he", "one person familiar with the call").
    pub mention: Option<String>,
    pub cue: Option<String>,
    /// How the speaker was found.
    pub speaker_from: Option<SpeakerFrom>,
    /// This quotation and the next are one split quotation (“…,” she said, “…”).
    pub continues_in_next: bool,
}

struct Resolver<'t, 'a> {
    c: Clauses<'t, 'a>,
    /// Who the article has talked about so far, sentence by sentence.
    seen: Vec<Seen>,
}

/// The resolver reads clauses as the cue finder does.
impl<'t, 'a> std::ops::Deref for Resolver<'t, 'a> {
    type Target = Clauses<'t, 'a>;

    fn deref(&self) -> &Clauses<'t, 'a> {
        &self.c
    }
}

/// Name the speaker of every quotation; the result is parallel to the spans.
pub(crate) fn resolve(c: Clauses<'_, '_>, sources: &Sources) -> Vec<Attribution> {
    let t = c.t;
    let spans = c.spans;
    let mut r = Resolver {
        c,
        seen: Vec::new(),
    };
    // What a sentence's record adds is read only by quotations after it: the
    // sentences from the last quotation's on need none.
    let last_sentence = (t.quote_tok.iter().flatten().max())
        .and_then(|&i| t.toks.get(i))
        .map(|tok| tok.sentence);
    let mut out: Vec<Attribution> = vec![Attribution::default(); spans.len()];
    for s in 0..t.sentences.len() {
        let (lo, hi) = t.sentences[s];
        let mut speaker_here: Option<Seen> = None;
        for i in lo..hi {
            let Kind::Quote(q) = t.toks[i].kind else {
                continue;
            };
            let Some(source) = &sources.of_quote[q] else {
                continue;
            };
            let (att, seen) = r.resolve_source(source, i, &out);
            out[q] = att;
            if let Some(seen) = seen {
                speaker_here = Some(seen);
            }
        }
        if last_sentence.is_none_or(|last| s >= last) {
            break;
        }
        r.record_sentence(s, lo, hi, speaker_here);
    }
    for (att, &continues) in out.iter_mut().zip(&sources.continues_in_next) {
        att.continues_in_next = continues;
    }
    repeated_quotations(t, spans, &mut out);
    out
}

impl Resolver<'_, '_> {
    /// The attribution a source gives the quotation at token `quote_tok`,
    /// and who it makes salient; `out` holds the quotations before it.
    fn resolve_source(
        &self,
        source: &Source,
        quote_tok: usize,
        out: &[Attribution],
    ) -> (Attribution, Option<Seen>) {
        match source {
            Source::Mention { mention, cue } => self.resolve_mention(mention, *cue, quote_tok),
            Source::Label { label, name } => {
                let speaker = self
                    .table
                    .resolve_name(name)
                    .map_or_else(|| name.clone(), |p| self.table.person(p).name.clone());
                let att = Attribution {
                    speaker: Some(speaker),
                    mention: Some(label.clone()),
                    cue: Some(":".into()),
                    speaker_from: Some(SpeakerFrom::Label),
                    continues_in_next: false,
                };
                (att, None)
            }
            Source::Carried(p) => (carried_on(&out[*p]), None),
            Source::Same(p) => (
                Attribution {
                    continues_in_next: false,
                    ..out[*p].clone()
                },
                None,
            ),
        }
    }

    /// A mention's speaker: names to their fullest form, pronouns to the
    /// person they point back to, roles to the name bound to them.
    fn resolve_mention(
        &self,
        m: &Mention,
        cue: Option<usize>,
        quote_tok: usize,
    ) -> (Attribution, Option<Seen>) {
        let t = self.t;
        let mention = self.phrase(m.first, m.last);
        let cue_text = cue.map(|cue| {
            let mut c = t.text(cue).to_string();
            if c == "according" {
                c.push_str(" to");
            }
            c
        });
        let tok = t.toks[quote_tok];
        let mut from = match m.referent {
            Referent::Name(_) => SpeakerFrom::Name,
            Referent::Pronoun(_) => SpeakerFrom::Pronoun,
            Referent::Description { .. } => SpeakerFrom::Description,
        };
        let (speaker, gender, organisation) = match &m.referent {
            Referent::Name(name) => match self.table.resolve_name(name) {
                Some(p) => (
                    Some(self.table.person(p).name.clone()),
                    self.table.person(p).gender,
                    false,
                ),
                None => {
                    if ends_on_body_word(name) {
                        // "The Democratic National Committee": a body's name
                        // keeps the words that are titles in a person's.
                        (
                            self.organisation_named(m).or_else(|| Some(name.clone())),
                            None,
                            true,
                        )
                    } else if let Some(p) = self.role_named(name, m.first) {
                        // "The Argentine" after "Argentine David Nalbandian".
                        from = SpeakerFrom::Description;
                        let person = self.table.person(p);
                        (Some(person.name.clone()), person.gender, false)
                    } else {
                        let acronym =
                            name.split(' ').count() == 1 && name.chars().all(|c| c.is_uppercase());
                        (Some(name.clone()), None, acronym)
                    }
                }
            },
            Referent::Pronoun(p) => match self.subject_earlier_in_sentence(*p, m.first) {
                Some(person) => (
                    Some(self.table.person(person).name.clone()),
                    self.table.person(person).gender,
                    false,
                ),
                None => match self.resolve_pronoun(*p, tok.sentence, tok.paragraph) {
                    Some(s) => (s.speaker.clone(), s.gender, s.organisation),
                    None => (None, None, false),
                },
            },
            Referent::Description { head, modifiers } => {
                // "Axelrod’s memoir says": the author's words.
                let person = self
                    .table
                    .resolve_role(head, modifiers, m.first)
                    .or_else(|| {
                        let author = self.author_of(m, head)?;
                        from = SpeakerFrom::Document;
                        Some(author)
                    });
                match person {
                    Some(p) => (
                        Some(self.table.person(p).name.clone()),
                        self.table.person(p).gender,
                        false,
                    ),
                    None => {
                        // "Ryan’s office said": the office speaks for the person;
                        // "The White House said": a body known by its name.
                        if let Some(body) = self
                            .owner_of(m, head)
                            .or_else(|| self.organisation_named(m))
                        {
                            (Some(body), None, true)
                        } else if self.is_definite_role(m) {
                            // "the senator said", with no binding in the text: the
                            // person the passage is about.
                            match self.resolve_pronoun(Pronoun::They, tok.sentence, tok.paragraph) {
                                Some(s) if s.speaker.is_some() && !s.organisation => {
                                    (s.speaker.clone(), s.gender, false)
                                }
                                _ => (None, None, false),
                            }
                        } else {
                            (None, None, false)
                        }
                    }
                }
            }
        };
        let seen = Seen {
            sentence: tok.sentence,
            paragraph: tok.paragraph,
            speaker: speaker.clone(),
            gender,
            subject: true,
            organisation,
        };
        (
            Attribution {
                speaker,
                mention: Some(mention),
                cue: cue_text,
                speaker_from: Some(from),
                continues_in_next: false,
            },
            Some(seen),
        )
    }

    /// The person a one-word name stands for when it is no one's name but
    /// a word said of somebody before their name earlier in the article.
    fn role_named(&self, name: &str, before: usize) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        with_lowercase(name, |lower| self.table.resolve_role(lower, &[], before))
    }
}

/// The speaker of an earlier quotation, carried on to one with no cue of
/// its own.
fn carried_on(prev: &Attribution) -> Attribution {
    Attribution {
        cue: None,
        speaker_from: Some(SpeakerFrom::Context),
        continues_in_next: false,
        ..prev.clone()
    }
}

/// A fingerprint of a quotation's words — lowercased, punctuation and
/// spacing ignored — and how many there are; none when it is a title
/// ("Tales From the Crypt"), with no lowercase word longer than a function
/// word. Hashed as read: no quotation's words are copied.
fn quotation_words(body: &str, span: &QuotedSpan) -> Option<(u64, usize)> {
    // FNV-1a: two copies of the same words collide by design, two different
    // sentences by a chance of one in 2^64.
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u32| {
        hash ^= u64::from(x);
        hash = hash.wrapping_mul(PRIME);
    };
    let (mut n, mut prose) = (0, false);
    // The current word's length in characters, and whether it began lowercase.
    let (mut len, mut lowercase) = (0usize, false);
    let parts = span
        .parts
        .iter()
        .map(|&(a, b)| body.get(a..b).unwrap_or(""));
    for c in parts.flat_map(|p| p.chars().chain(std::iter::once(' '))) {
        // (Most characters are ASCII: no Unicode tables asked for them.)
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric {
            if len == 0 {
                lowercase = c.is_lowercase();
                mix(u32::from(' '));
            }
            len += 1;
            if c.is_ascii() {
                mix(u32::from(c.to_ascii_lowercase()));
            } else {
                c.to_lowercase().for_each(|l| mix(u32::from(l)));
            }
        } else if len > 0 {
            n += 1;
            prose |= len > 3 && lowercase;
            len = 0;
        }
    }
    prose.then_some((hash, n))
}

/// A pull quote: web articles repeat a sentence of the story, set apart and
/// with no reporting clause, above or below the place where it is
/// attributed. The same words quoted twice are the same person's: a copy
/// with no cue of its own takes the speaker of the copy that has one.
fn repeated_quotations(t: &Tokens<'_>, spans: &[QuotedSpan], out: &mut [Attribution]) {
    // (Short phrases — "make America great again" — are quoted from several people.)
    const MIN_WORDS: usize = 4;
    // Copies of the same words are of about the same length: only such
    // pairs have their words compared, and most quotations none.
    let lengths: Vec<usize> = spans
        .iter()
        .map(|span| span.parts.iter().map(|&(a, b)| b.saturating_sub(a)).sum())
        .collect();
    // (Four words take at least a dozen bytes.)
    const MIN_BYTES: usize = 12;
    let alike = |a: usize, b: usize| a.abs_diff(b) <= a.max(b) / 8 + 2;
    let mut keys: Vec<Option<Option<u64>>> = vec![None; spans.len()];
    let mut key = |q: usize| {
        *keys[q].get_or_insert_with(|| {
            quotation_words(t.body, &spans[q]).and_then(|(key, n)| (n >= MIN_WORDS).then_some(key))
        })
    };
    // Worked out before any is given, so that a copy given a speaker gives none on.
    let mut given: Vec<(usize, usize)> = Vec::new();
    for q in 0..out.len() {
        if out[q].cue.is_some() || lengths[q] < MIN_BYTES {
            continue;
        }
        // The copy whose speaker it takes: the first attributed by its own
        // cue, else the first carried by the discourse.
        let mut source: Option<usize> = None;
        let mut several = false;
        for s in 0..out.len() {
            if s == q || out[s].speaker.is_none() || !alike(lengths[q], lengths[s]) {
                continue;
            }
            let Some(k) = key(q) else { break };
            if key(s) != Some(k) {
                continue;
            }
            match source {
                None => source = Some(s),
                Some(src) => {
                    // Words two people are both reported saying are nobody's in particular.
                    several |= out[src].speaker != out[s].speaker;
                    if out[src].cue.is_none() && out[s].cue.is_some() {
                        source = Some(s);
                    }
                }
            }
        }
        let Some(src) = source.filter(|_| !several) else {
            continue;
        };
        // (A copy the discourse already gave a speaker yields only to a cue.)
        if out[src].cue.is_some() || out[q].speaker.is_none() {
            given.push((q, src));
        }
    }
    // (The copy keeps no cue: none reports it where it stands.)
    for (q, src) in given {
        out[q] = Attribution {
            continues_in_next: out[q].continues_in_next,
            ..carried_on(&out[src])
        };
    }
}
