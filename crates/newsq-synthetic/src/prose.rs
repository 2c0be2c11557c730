//! Sentences: the reporter's prose around the quotations, and the
//! first-person sentences people are quoted saying. Words are pushed straight
//! into the output; nothing is allocated per word.

use crate::names::write_place;
use crate::rng::{PowerLaw, Rng, ZipfTable};
use crate::words;

/// A verb's forms.
#[derive(Debug, Clone)]
pub(crate) struct Verb {
    pub base: String,
    pub past: String,
    pub third: String,
    pub participle: String,
}

/// The vocabulary with its samplers.
#[derive(Debug, Clone)]
pub(crate) struct Vocab {
    pub nouns: Vec<&'static str>,
    pub plurals: Vec<String>,
    /// Whether each noun has a plural ("the water", never "3,400 waters").
    countable: Vec<bool>,
    noun_z: ZipfTable,
    pub adjectives: Vec<&'static str>,
    adj_z: ZipfTable,
    adverbs: Vec<&'static str>,
    adv_z: ZipfTable,
    pub verbs: Vec<Verb>,
    verb_z: ZipfTable,
    agents: Vec<&'static str>,
    agent_z: ZipfTable,
    agents_plural: Vec<&'static str>,
    agent_plural_z: ZipfTable,
    conjunctions: Vec<&'static str>,
    prepositions: Vec<&'static str>,
    times: Vec<&'static str>,
}

/// The words of a list, each once, in their first order.
fn list(text: &'static str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for w in text.split_whitespace() {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

fn plural(noun: &str, irregular: &[(&str, &str)]) -> String {
    if let Some(&(_, p)) = irregular.iter().find(|(s, _)| *s == noun) {
        return p.to_string();
    }
    let consonant_y = noun.ends_with('y')
        && !noun.ends_with("ay")
        && !noun.ends_with("ey")
        && !noun.ends_with("oy")
        && !noun.ends_with("uy");
    if consonant_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| noun.ends_with(e))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn verb(entry: &str) -> Verb {
    let parts: Vec<&str> = entry.split('|').collect();
    if let [base, past, third, participle] = parts[..] {
        return Verb {
            base: base.into(),
            past: past.into(),
            third: third.into(),
            participle: participle.into(),
        };
    }
    let base = entry;
    let consonant_y =
        base.ends_with('y') && !["ay", "ey", "oy", "uy"].iter().any(|e| base.ends_with(e));
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if consonant_y {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    };
    let third = if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    Verb {
        base: base.into(),
        participle: past.clone(),
        past,
        third,
    }
}

impl Vocab {
    pub(crate) fn new() -> Vocab {
        let irregular: Vec<(&str, &str)> = words::IRREGULAR_PLURALS
            .split_whitespace()
            .filter_map(|p| p.split_once(':'))
            .collect();
        let nouns = list(words::NOUNS);
        let plurals = nouns.iter().map(|n| plural(n, &irregular)).collect();
        let uncountable = list(words::UNCOUNTABLE);
        let countable = nouns.iter().map(|n| !uncountable.contains(n)).collect();
        let adjectives = list(words::ADJECTIVES);
        let adverbs = list(words::ADVERBS);
        let verbs: Vec<Verb> = list(words::VERBS).into_iter().map(verb).collect();
        let agents = list(words::AGENTS);
        let agents_plural = list(words::AGENTS_PLURAL);
        let times = words::TIME_PHRASES
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        Vocab {
            noun_z: ZipfTable::new(nouns.len(), 4),
            adj_z: ZipfTable::new(adjectives.len(), 4),
            adv_z: ZipfTable::new(adverbs.len(), 3),
            verb_z: ZipfTable::new(verbs.len(), 3),
            nouns,
            plurals,
            countable,
            adjectives,
            adverbs,
            verbs,
            agent_z: ZipfTable::new(agents.len(), 4),
            agent_plural_z: ZipfTable::new(agents_plural.len(), 4),
            agents,
            agents_plural,
            conjunctions: list(words::CONJUNCTIONS),
            // Kept with repeats: "in" is drawn more often than "between".
            prepositions: words::PREPOSITIONS.split_whitespace().collect(),
            times,
        }
    }

    pub(crate) fn noun(&self, rng: &mut Rng) -> usize {
        self.noun_z.sample(rng)
    }
    pub(crate) fn adjective(&self, rng: &mut Rng) -> &'static str {
        self.adjectives[self.adj_z.sample(rng)]
    }
    pub(crate) fn verb(&self, rng: &mut Rng) -> &Verb {
        &self.verbs[self.verb_z.sample(rng)]
    }
}

/// What the prose of one article draws on: its story's topic and places.
pub(crate) struct Prose<'a> {
    pub v: &'a Vocab,
    pub seed: u64,
    pub places: &'a PowerLaw,
    /// Noun indexes the story is about.
    pub topic: &'a [usize],
    /// The story's main place.
    pub place: u64,
}

/// One sentence being written: counts its words and puts spaces between them.
pub(crate) struct Sent<'o> {
    pub out: &'o mut String,
    start: usize,
    pub words: usize,
    /// A time phrase is written already: one is enough.
    timed: bool,
}

impl<'o> Sent<'o> {
    pub(crate) fn new(out: &'o mut String) -> Sent<'o> {
        let start = out.len();
        Sent {
            out,
            start,
            words: 0,
            timed: false,
        }
    }

    /// A word (or several, counted as one), after a space unless first.
    #[inline]
    pub(crate) fn w(&mut self, word: &str) {
        if self.out.len() > self.start {
            self.out.push(' ');
        }
        self.out.push_str(word);
        self.words += 1;
    }

    /// Punctuation, straight after the last word.
    #[inline]
    pub(crate) fn p(&mut self, punct: &str) {
        self.out.push_str(punct);
    }

    /// Close the sentence and capitalise its first letter.
    pub(crate) fn end(self, punct: &str) {
        self.out.push_str(punct);
        if let Some(first) = self.out.get_mut(self.start..self.start + 1) {
            first.make_ascii_uppercase();
        }
    }

    fn article_for(&mut self, next: &str) {
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u']);
        self.w(if vowel { "an" } else { "a" });
    }
}

impl Prose<'_> {
    fn topic_noun(&self, rng: &mut Rng) -> usize {
        if !self.topic.is_empty() && rng.percent(15) {
            rng.pick(self.topic)
        } else {
            self.v.noun(rng)
        }
    }

    fn place_id(&self, rng: &mut Rng) -> u64 {
        if rng.percent(25) {
            self.place
        } else {
            self.places.sample(rng)
        }
    }

    /// A place name as one word of the sentence.
    pub(crate) fn place(&self, s: &mut Sent<'_>, rng: &mut Rng) {
        let id = self.place_id(rng);
        if s.words > 0 {
            s.out.push(' ');
        }
        write_place(s.out, self.seed, id);
        s.words += 1;
    }

    /// A number as news writes them: 14, 3,400, 4.5 million, 12 percent.
    pub(crate) fn number(&self, s: &mut Sent<'_>, rng: &mut Rng, hedged: bool) {
        let mut buf = [0u8; 24];
        let kind = rng.below(6);
        if kind == 0 {
            s.w(rng.pick(&[
                "two",
                "three",
                "four",
                "five",
                "six",
                "dozens of",
                "hundreds of",
            ]));
            return;
        }
        if hedged {
            s.w(rng.pick(&["about", "more than", "nearly", "at least", "some", "almost"]));
        }
        match kind {
            1 | 2 => s.w(fmt_int(&mut buf, rng.range(7, 99) as u64)),
            3 => s.w(fmt_int(&mut buf, rng.range(100, 99_999) as u64)),
            4 => {
                s.w(fmt_decimal(&mut buf, rng.range(11, 99) as u64));
                s.w(rng.pick(&["million", "billion"]));
            }
            _ => s.w(fmt_int(&mut buf, rng.range(1_000, 9_999) as u64 * 100)),
        }
    }

    /// A countable noun, as an index.
    fn countable_noun(&self, rng: &mut Rng) -> usize {
        loop {
            let n = self.v.noun(rng);
            if self.v.countable[n] {
                return n;
            }
        }
    }

    /// A noun phrase; returns whether it is plural.
    pub(crate) fn noun_phrase(&self, s: &mut Sent<'_>, rng: &mut Rng, subject: bool) -> bool {
        let v = self.v;
        if subject && rng.percent(65) {
            // Someone who acts: the council, local residents, the Dravel Port Authority.
            return match rng.below(10) {
                0..=4 => {
                    s.w("the");
                    if rng.percent(35) {
                        s.w(v.adjective(rng));
                    }
                    s.w(v.agents[v.agent_z.sample(rng)]);
                    false
                }
                5..=7 => {
                    if rng.percent(45) {
                        s.w(v.adjective(rng));
                    }
                    s.w(v.agents_plural[v.agent_plural_z.sample(rng)]);
                    true
                }
                _ => {
                    s.w("the");
                    self.place(s, rng);
                    s.w(rng.pick(crate::words::ORG_HEADS));
                    false
                }
            };
        }
        match rng.below(100) {
            0..=37 => {
                let n = self.topic_noun(rng);
                let adj = rng.percent(45).then(|| v.adjective(rng));
                if subject || rng.percent(55) {
                    s.w(if rng.percent(85) { "the" } else { "this" });
                } else {
                    s.article_for(adj.unwrap_or(v.nouns[n]));
                }
                if let Some(a) = adj {
                    s.w(a);
                }
                s.w(v.nouns[n]);
                false
            }
            38..=55 => {
                if rng.percent(55) {
                    s.w(v.adjective(rng));
                }
                let n = self.topic_noun(rng);
                let n = if v.countable[n] {
                    n
                } else {
                    self.countable_noun(rng)
                };
                s.w(&v.plurals[n]);
                true
            }
            56..=65 => {
                s.w("the");
                self.place(s, rng);
                s.w(rng.pick(crate::words::ORG_HEADS));
                false
            }
            66..=75 => {
                let hedged = rng.percent(40);
                self.number(s, rng, hedged);
                let n = self.countable_noun(rng);
                s.w(&v.plurals[n]);
                true
            }
            76..=84 => {
                s.w("the");
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w(rng.pick(&["of", "in", "near", "for"]));
                self.place(s, rng);
                false
            }
            85..=93 if !subject => {
                self.place(s, rng);
                false
            }
            85..=95 => {
                s.w("the");
                s.w(v.nouns[v.noun(rng)]);
                false
            }
            _ => {
                s.w("the");
                if rng.percent(50) {
                    s.w(v.adjective(rng));
                }
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w(v.nouns[v.noun(rng)]);
                false
            }
        }
    }

    /// A prepositional phrase or a time phrase.
    pub(crate) fn adjunct(&self, s: &mut Sent<'_>, rng: &mut Rng) {
        match rng.below(10) {
            0 | 1 if !s.timed => {
                s.w(rng.pick(&self.v.times));
                s.timed = true;
            }
            2 | 3 => {
                s.w(rng.pick(&["in", "near", "outside", "across", "around"]));
                self.place(s, rng);
            }
            4 => {
                let mut buf = [0u8; 24];
                s.w("by");
                s.w(fmt_int(&mut buf, rng.range(2, 60) as u64));
                s.w("percent");
            }
            _ => {
                s.w(rng.pick(&self.v.prepositions));
                self.noun_phrase(s, rng, false);
            }
        }
    }

    /// Subject, verb, object.
    fn clause(&self, s: &mut Sent<'_>, rng: &mut Rng) {
        let plural = self.noun_phrase(s, rng, true);
        let v = self.v;
        if rng.percent(10) {
            s.w(v.adverbs[v.adv_z.sample(rng)]);
        }
        let verb = v.verb(rng);
        match rng.below(20) {
            0..=10 => s.w(&verb.past),
            11..=13 => {
                s.w(if plural { "have" } else { "has" });
                s.w(&verb.participle);
            }
            14..=16 => {
                s.w(rng.pick(&["will", "would", "could", "may", "might", "is expected to"]));
                s.w(&verb.base);
            }
            _ => s.w(if plural { &verb.base } else { &verb.third }),
        }
        self.noun_phrase(s, rng, false);
    }

    /// One sentence of the reporter's prose, 8 to 30 words.
    pub(crate) fn filler_sentence(&self, out: &mut String, rng: &mut Rng) {
        let mut s = Sent::new(out);
        let target = 8 + rng.below(11) + rng.below(12);
        if rng.percent(20) {
            if rng.percent(60) {
                s.w(rng.pick(&self.v.times));
                s.timed = true;
            } else {
                s.w("in");
                self.place(&mut s, rng);
            }
            s.p(",");
        }
        self.clause(&mut s, rng);
        let (mut joined, mut adjuncts) = (false, 0);
        while s.words + 3 <= target {
            if !joined && (adjuncts >= 2 || rng.percent(35)) {
                s.p(",");
                s.w(rng.pick(&self.v.conjunctions));
                self.clause(&mut s, rng);
                joined = true;
                adjuncts = 0;
            } else if adjuncts < 3 {
                self.adjunct(&mut s, rng);
                adjuncts += 1;
            } else {
                break;
            }
        }
        while s.words < 8 {
            self.adjunct(&mut s, rng);
        }
        let end = match rng.below(100) {
            0..=2 => "?",
            3 => "!",
            _ => ".",
        };
        s.end(end);
    }

    /// A sentence with a scare quote in it: "… the so-called “fast lane” …".
    pub(crate) fn scare_sentence(&self, out: &mut String, rng: &mut Rng, open: &str, close: &str) {
        let mut s = Sent::new(out);
        self.noun_phrase(&mut s, rng, true);
        s.w(&self.v.verb(rng).past);
        s.w(rng.pick(crate::words::SCARE_FRAMES));
        s.out.push(' ');
        s.out.push_str(open);
        s.out.push_str(self.v.adjective(rng));
        s.out.push(' ');
        s.out.push_str(self.v.nouns[self.v.noun(rng)]);
        s.out.push_str(close);
        s.words += 2;
        self.adjunct(&mut s, rng);
        s.end(".");
    }

    /// One first-person sentence of a statement: what people are quoted saying.
    pub(crate) fn speech_sentence(&self, out: &mut String, rng: &mut Rng, place_name: &str) {
        use crate::words::{BELIEFS, CODAS, INTENSIFIERS, JUDGEMENTS, QUOTE_OPENERS};
        let v = self.v;
        let mut s = Sent::new(out);
        let mut end = ".";
        match rng.below(14) {
            0..=2 => {
                s.w(rng.pick(QUOTE_OPENERS));
                s.w(&v.verb(rng).base);
                self.noun_phrase(&mut s, rng, false);
                if rng.percent(50) {
                    self.adjunct(&mut s, rng);
                }
                if rng.percent(30) {
                    s.p(",");
                    s.w(rng.pick(CODAS));
                }
            }
            3 | 4 => {
                s.w("I");
                s.w(rng.pick(BELIEFS));
                if rng.percent(50) {
                    s.w("that");
                }
                let plural = self.noun_phrase(&mut s, rng, true);
                s.w(match (plural, rng.below(3)) {
                    (true, 0) => "are",
                    (true, 1) => "were",
                    (false, 0) => "is",
                    (false, 1) => "was",
                    _ => "will be",
                });
                if rng.percent(50) {
                    s.w(rng.pick(INTENSIFIERS));
                }
                s.w(rng.pick(JUDGEMENTS));
                self.adjunct(&mut s, rng);
            }
            5 => {
                s.w("this");
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w("is");
                s.w(rng.pick(INTENSIFIERS));
                s.w(rng.pick(JUDGEMENTS));
                s.p(",");
                s.w("and everybody in");
                s.w(place_name);
                s.w("knows it");
            }
            6 => {
                s.w("the people of");
                s.w(place_name);
                s.w("deserve");
                let adjective = v.adjective(rng);
                s.article_for(adjective);
                s.w(adjective);
                s.w(v.nouns[self.topic_noun(rng)]);
                s.p(",");
                s.w("not another");
                s.w(v.nouns[v.noun(rng)]);
            }
            7 => {
                s.w("what we saw");
                s.w(rng.pick(&v.times));
                s.w("was");
                s.w(rng.pick(INTENSIFIERS));
                s.w(rng.pick(JUDGEMENTS));
                if rng.percent(60) {
                    s.p(",");
                    s.w(rng.pick(CODAS));
                }
            }
            8 => {
                s.w("is this really the");
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w("that");
                s.w(&v.plurals[v.noun(rng)]);
                s.w(rng.pick(&["want", "need", "asked for", "voted for"]));
                end = "?";
            }
            9 => {
                s.w("there is no");
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w("without");
                self.noun_phrase(&mut s, rng, false);
                s.p(",");
                s.w(rng.pick(CODAS));
            }
            10 => {
                s.w("I don’t");
                s.w(rng.pick(BELIEFS));
                s.w("the");
                s.w(v.nouns[self.topic_noun(rng)]);
                s.w(rng.pick(&["will", "can", "should"]));
                s.w(&v.verb(rng).base);
                self.noun_phrase(&mut s, rng, false);
                self.adjunct(&mut s, rng);
            }
            11 => {
                s.w("it’s");
                s.w(rng.pick(INTENSIFIERS));
                s.w(rng.pick(JUDGEMENTS));
                s.w("that");
                self.noun_phrase(&mut s, rng, true);
                s.w(&v.verb(rng).past);
                self.noun_phrase(&mut s, rng, false);
                self.adjunct(&mut s, rng);
            }
            12 => {
                s.w("if");
                let plural = self.noun_phrase(&mut s, rng, true);
                let verb = v.verb(rng);
                s.w(if plural { &verb.base } else { &verb.third });
                self.noun_phrase(&mut s, rng, false);
                s.p(",");
                let opener = rng.pick(QUOTE_OPENERS);
                if opener.starts_with("I ") {
                    s.w(opener);
                } else {
                    s.w(&opener.to_lowercase());
                }
                s.w(&v.verb(rng).base);
                self.noun_phrase(&mut s, rng, false);
            }
            _ => {
                s.w("we can’t");
                s.w(&v.verb(rng).base);
                self.noun_phrase(&mut s, rng, false);
                s.w("and");
                s.w(&v.verb(rng).base);
                self.noun_phrase(&mut s, rng, false);
                s.w("at the same time");
                if rng.percent(15) {
                    end = "!";
                }
            }
        }
        while s.words < 8 {
            self.adjunct(&mut s, rng);
        }
        s.end(end);
    }
}

/// `n` with thousands separators, into `buf`.
fn fmt_int(buf: &mut [u8; 24], mut n: u64) -> &str {
    let mut i = buf.len();
    let mut digits = 0;
    loop {
        if digits > 0 && digits % 3 == 0 {
            i -= 1;
            buf[i] = b',';
        }
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        digits += 1;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

/// `n` tenths as "4.5" (n in 10..100).
fn fmt_decimal(buf: &mut [u8; 24], n: u64) -> &str {
    buf[0] = b'0' + (n / 10) as u8;
    buf[1] = b'.';
    buf[2] = b'0' + (n % 10) as u8;
    std::str::from_utf8(&buf[..3]).unwrap_or("1.0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_words() {
        assert_eq!(plural("policy", &[]), "policies");
        assert_eq!(plural("day", &[]), "days");
        assert_eq!(plural("tax", &[]), "taxes");
        assert_eq!(plural("crisis", &[("crisis", "crises")]), "crises");
        let v = verb("approve");
        assert_eq!(
            (v.past.as_str(), v.third.as_str()),
            ("approved", "approves")
        );
        let v = verb("supply");
        assert_eq!(
            (v.past.as_str(), v.third.as_str()),
            ("supplied", "supplies")
        );
        let v = verb("delay");
        assert_eq!((v.past.as_str(), v.third.as_str()), ("delayed", "delays"));
        let v = verb("begin|began|begins|begun");
        assert_eq!(v.participle, "begun");
        let mut b = [0u8; 24];
        assert_eq!(fmt_int(&mut b, 1_234_567), "1,234,567");
        assert_eq!(fmt_int(&mut b, 0), "0");
        assert_eq!(fmt_decimal(&mut b, 45), "4.5");
    }
}
