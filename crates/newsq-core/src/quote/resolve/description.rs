//! Descriptions: "the Russian president" to the name the article binds the
//! role to, "Ryan’s office" to the body that speaks for a person.

use super::{Resolved, Resolver, SpeakerFrom};
use crate::quote::clauses::{ends_on_body_word, is_plural_form};
use crate::quote::lexicon::{
    active, is_document_noun, is_medium_word, is_organisation_head, is_person_noun_in_any_case,
    is_place_phrase, is_spokesperson_noun, with_lowercase, WordClasses,
};
use crate::quote::mentions::{
    name_in_run, run_end, run_start, strip_possessive, Mention, Referent,
};

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
        self.owner_of(m, head).or_else(|| {
            let named = self.organisation_named(m)?;
            // ("das Gericht" where nouns are capitalised is no name: the
            // court the article named before is, "das Landgericht Mannheim".)
            if active().settings.nouns_capitalised && !named.contains(' ') {
                return self.body_holding(head, m.first).or(Some(named));
            }
            Some(named)
        })
    }

    /// "ein Sprecher der Downing Street", "a spokeswoman for Acme", "ein
    /// IWF-Sprecher", "a White House spokesman", "пресс-секретарь Кремля",
    /// "ein Sprecher des Unternehmens": a spokesperson the article does not
    /// name speaks for the body it names or describes.
    pub(super) fn spokesperson_for(
        &self,
        m: &Mention,
        sentence: usize,
        paragraph: usize,
    ) -> Option<Resolved> {
        let t = self.t;
        let at =
            (m.first..=m.last).find(|&i| t.is_word(i) && is_spokesperson_noun(self.lower(i)))?;
        let body = |name: &str| {
            Some(Resolved::body(
                self,
                self.body_name(name),
                SpeakerFrom::Description,
            ))
        };
        // A body's name is its capitalised words as written ("State
        // Department" keeps the title a person's name would lose), without
        // an article, up to a possessive ("the SEC's Boston office": the
        // SEC). ("a spokesman for Ilona Varga" speaks for her, in his own
        // words: somebody unnamed.)
        let article = |i: usize| t.is_the(i) || t.classes(i).is_determiner();
        let run = |first: usize, last: usize| {
            // (After the last article: a run read back may hold the end of
            // the sentence before, "… on TPS. A Labour Party spokesman".)
            let first = (first..=last)
                .rev()
                .find(|&i| t.is_word(i) && article(i))
                .map_or(first, |a| a + 1);
            if first > last {
                return None; // ("A spokesman": an article, no name.)
            }
            // ("a spokesman for Mr Prescott", "for Senator Ana Lopes": an
            // honorific, or a title before a name that is no body's, makes
            // a person; "State Department" is a body.)
            let honorific =
                (first..=last).any(|i| t.is_word(i) && t.classes_no_dot(i).is_honorific());
            let titled = first < last
                && t.classes_no_dot(first).is_title()
                && !ends_on_body_word(&self.phrase(first, last));
            if honorific || titled {
                return None;
            }
            let last = (first..=last)
                .find(|&i| strip_possessive(t.text(i)) != t.text(i))
                .unwrap_or(last);
            let name = strip_possessive(&self.phrase(first, last)).to_string();
            if self.names_a_person(&name) {
                return None;
            }
            body(&name)
        };
        // "IWF-Sprecher": the body before the hyphen.
        if let Some(prefix) = self.body_before_hyphen(at) {
            return body(prefix);
        }
        // "a White House spokesman": the name right before.
        let before = at.checked_sub(1).filter(|&b| b >= m.first);
        // (The name may reach back past where the mention was cut: "A
        // Department for Education and Skills spokeswoman".)
        // (Where every noun is capitalised, only an acronym: "ein Berliner
        // Polizeisprecher" is no Berlin's.)
        let named_before = |b: usize| {
            t.is_capitalised(b)
                && !article(b)
                && (!active().settings.nouns_capitalised || is_acronym(t.text(b)))
        };
        if let Some(b) = before.filter(|&b| named_before(b)) {
            let mut first = run_start(t, b);
            while first >= 2
                && t.is_word(first - 1)
                && self.joins_body_name(first - 1)
                && t.is_capitalised(first - 2)
            {
                first = run_start(t, first - 2);
            }
            return run(first, b);
        }
        // "a spokesman for Acme", "ein Sprecher der Downing Street": the
        // name after a tying word (and an article); in a language that ties
        // by case alone (no `[body.of]`), right after
        // ("пресс-секретарь Кремля").
        let j = self.after_tie(at)?;
        if !t.is_word(j) || t.classes(j).is_day_word() {
            return None;
        }
        // "des Unternehmens": the body so described (in any case).
        let lower = self.lower(j);
        let org_head = std::iter::once(lower)
            .chain(
                active()
                    .case_endings
                    .iter()
                    .filter_map(|e| lower.strip_suffix(e)),
            )
            .chain(lower.strip_suffix("es"))
            .find(|w| is_organisation_head(w));
        if let Some(head) = org_head {
            return self.body_described_as(m.first, head, &[], sentence, paragraph);
        }
        if !t.is_capitalised(j) {
            return None;
        }
        run(j, run_end(t, j))
    }

    /// Where the body that token `at` is of opens: past the word that ties
    /// them (`[body.of]`) and an article ("Sprecher *der* Downing Street",
    /// "spokesman *for the* White House"), or right after `at` where the
    /// genitive alone ties ("пресс-секретарь Кремля"); none when nothing
    /// ties.
    pub(super) fn after_tie(&self, at: usize) -> Option<usize> {
        let t = self.t;
        let lexicon = active();
        let mut j = at + 1;
        if t.is_word(j) && lexicon.body_of.contains(&self.lower(j)) {
            j += 1;
            if t.is_word(j) && !t.is_capitalised(j) && t.classes(j).is_determiner() {
                j += 1;
            }
        } else if !lexicon.body_of.is_empty() {
            return None;
        }
        Some(j)
    }

    /// "IWF-Sprecher", "LSVD-Schreiben": the body written before the
    /// hyphen of a compound — an acronym, or a capitalised word of three
    /// letters or more the lexicon does not know ("Ex-Sprecherin",
    /// "Пресс-секретарь" are no bodies).
    pub(super) fn body_before_hyphen(&self, at: usize) -> Option<&str> {
        let t = self.t;
        let (prefix, _) = t.text(at).rsplit_once('-')?;
        let unknown_word = prefix.chars().count() >= 3
            && prefix.starts_with(char::is_uppercase)
            && with_lowercase(prefix, |w| WordClasses::of(w).is_empty());
        (!prefix.contains('-') && (is_acronym(prefix) || unknown_word)).then_some(prefix)
    }

    /// Whether word `i` is one of the small words inside a body's name
    /// ("Department *for* Education *and* Skills").
    fn joins_body_name(&self, i: usize) -> bool {
        matches!(self.lower(i), "of" | "on" | "for" | "and" | "the")
    }

    /// Whether `name` is a person's the article names: one with a first
    /// name or a title.
    fn names_a_person(&self, name: &str) -> bool {
        self.table.resolve_name(name).is_some_and(|p| {
            let person = self.table.person(p);
            person.first_name_gender.is_some() || person.titled_gender.is_some()
        })
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
        let person = is_person_noun_in_any_case(head) || head.ends_with("-old");
        self.is_definite(m)
            && person
            && !is_plural_form(head)
            && !is_organisation_head(head)
            && !is_document_noun(head)
            && !matches!(head.as_str(), "official" | "press" | "white")
    }

    /// "le technicien a raconté", "la ricercatrice ha spiegato": a role
    /// made definite that speaks. A person's noun of any kind, so long as
    /// it is no body's, document's or medium's, and not plural: who speaks
    /// is somebody.
    pub(super) fn is_definite_speaker(&self, m: &Mention) -> bool {
        let Referent::Description { head, .. } = &m.referent else {
            return false;
        };
        // (Its noun is written lowercase, unless every noun is capitalised:
        // a capitalised head is a name the phrase was cut around.)
        let t = self.t;
        let settings = active().settings;
        let common_noun = (m.first..=m.last)
            .rev()
            .find(|&i| t.is_word(i) && self.lower(i) == head)
            .is_some_and(|i| settings.nouns_capitalised || !t.is_capitalised(i) || i == m.first);
        self.is_definite_role(m)
            || (settings.inverted_clauses
                && common_noun
                && self.is_definite(m)
                && !is_plural_form(head)
                && !is_organisation_head(head)
                && !is_document_noun(head)
                && !is_medium_word(head)
                && head.chars().all(char::is_alphabetic))
    }

    /// "the company", "the campaign", "the commission": a body made definite.
    pub(super) fn is_definite_body(&self, m: &Mention) -> bool {
        let Referent::Description { head, .. } = &m.referent else {
            return false;
        };
        self.is_definite(m) && is_organisation_head(head) && !is_document_noun(head)
    }

    /// A description that opens with an article that is no definite one
    /// ("a spokesman", "ein Sprecher").
    pub(super) fn is_indefinite(&self, m: &Mention) -> bool {
        let t = self.t;
        (m.first..=m.last).find(|&i| t.is_word(i)).is_some_and(|i| {
            t.classes(i).is_determiner()
                && !t.is_the(i)
                && !active().definite_articles.contains(&self.lower(i))
        })
    }

    /// A description that opens with "the" or with a name's possessive —
    /// or with no determiner at all, as headlines write roles ("US
    /// president says …").
    fn is_definite(&self, m: &Mention) -> bool {
        let t = self.t;
        let words = || (m.first..=m.last).filter(|&i| t.is_word(i));
        let no_determiner = words().all(|i| !self.t.classes(i).is_determiner());
        let bare = no_determiner && (t.is_capitalised(m.first) || active().settings.no_articles);
        let definite =
            |i: usize| self.t.is_the(i) || active().definite_articles.contains(&self.lower(i));
        bare || words().next().is_some_and(|i| {
            definite(i) || (i < m.last && t.is_capitalised(i) && self.ends_in_possessive_s(i))
        })
    }

    /// "the commission" after "the Commission on Presidential Debates",
    /// "das Gericht" after "das Landgericht Mannheim": the latest name
    /// before token `before` that holds the head noun capitalised (or, where
    /// nouns compound, ends in it), with the words of its name around it.
    pub(super) fn body_holding(&self, head: &str, before: usize) -> Option<String> {
        let t = self.t;
        let compounds = active().settings.nouns_capitalised;
        // ("des Landgerichts Mannheim": a compound in the genitive too. A
        // compound counts only as a body's noun the lexicon knows by its
        // ending: "Landgericht", not "Montag" for "AG".)
        let holds = |i: usize| {
            let w = self.lower(i);
            let compound = |w: &str| w != head && w.ends_with(head) && is_organisation_head(w);
            let in_a_case =
                || (active().case_endings.iter()).any(|e| w.strip_suffix(e).is_some_and(compound));
            w == head || (compounds && !t.classes(i).is_day_word() && (compound(w) || in_a_case()))
        };
        (t.capitalised_at.iter())
            .rev()
            .copied()
            .filter(|&i| i < before)
            .take(400)
            .filter(|&i| holds(i))
            .find_map(|at| self.body_name_around(at, head))
    }

    /// The name of a body around its head word at `at`: the capitalised
    /// words before it (no article) and after it, through the small words
    /// of a body's name; none when the head stands alone, unless it is a
    /// compound ("Landgericht").
    fn body_name_around(&self, at: usize, head: &str) -> Option<String> {
        let t = self.t;
        let mut first = at;
        while first > 0 && t.is_capitalised(first - 1) && !t.classes(first - 1).is_determiner() {
            first -= 1;
        }
        let mut last = at;
        loop {
            if t.is_capitalised(last + 1) {
                last += 1;
            } else if t.is_word(last + 1)
                && self.joins_body_name(last + 1)
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
        let compound = self.lower(at) != head;
        if !(last > first || compound) {
            return None;
        }
        let name = self.phrase(first, last);
        // (Named in the nominative: "Landgerichts Mannheim" is the
        // "Landgericht Mannheim".)
        let written = t.text(at);
        let genitive = compound && !self.lower(at).ends_with(head);
        let base = (active().case_endings.iter()).find_map(|e| {
            written
                .strip_suffix(e)
                .filter(|b| with_lowercase(b, |b| b.ends_with(head)))
        });
        match base.filter(|_| genitive) {
            Some(base) => Some(name.replacen(written, base, 1)),
            None => Some(name),
        }
    }
}

/// "IMF", "NATO", "DNC": a short name in capitals.
pub(super) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase())
}
