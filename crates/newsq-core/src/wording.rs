//! The wording of a quotation, compared word by word.
//!
//! Outlets quote the same statement in different words: different quote
//! marks and case, a fragment of it, an elision ("…"), a word changed. To
//! tell the same statement from quotations that merely share common words,
//! [`Wording`] reduces a quotation to its words (lowercased, folded to ASCII,
//! punctuation dropped) and remembers where it elides; [`compare`] aligns two
//! wordings and reports how they differ; [`Wording::shingles`] gives the
//! hashes of its three-word runs, stored in the index so that the versions of
//! a quotation find each other without comparing every pair.

use std::ops::Range;

use crate::index::analysis::name_analyzer;
use crate::index::continue_hash;
use crate::index::stable_hash;

/// Words per shingle. Three finds a short quotation with one word changed
/// ("we will never give up" / "we shall never give up" share "never give
/// up") while keeping posting lists of common runs short.
pub const SHINGLE_WORDS: usize = 3;

/// Shingles per winnowing window ([`Wording::anchors`]): two wordings
/// sharing six words in a row always share an anchor, and a quotation of
/// up to six words keeps all its shingles.
pub const ANCHOR_WINDOW: usize = 4;

/// Longest run of unmatched words at either end, on both sides, still read as
/// a change of wording ("…causes of this crisis" / "…causes of the
/// conflict") rather than as two quotations that cut the speech differently.
const EDGE_CHANGE_WORDS: usize = 3;

/// Most alignment table cells (words × words) computed per comparison;
/// beyond it the rest of two long quotations stays unmatched.
const MAX_ALIGNMENT_CELLS: usize = 4_000_000;

/// A quotation as a sequence of comparable words.
///
/// ```
/// use newsq_core::wording::Wording;
///
/// let wording = Wording::new("“We won’t wait … for Brussels,” she said");
/// assert_eq!(wording.words(), ["we", "won't", "wait", "for", "brussels", "she", "said"]);
/// assert!(wording.elides_before(3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    words: Vec<String>,
    /// Byte range of each word in the text it was read from.
    spans: Vec<Range<usize>>,
    /// Word indices with an elision mark just before them (`words.len()`
    /// for one at the end).
    gaps: Vec<usize>,
    /// [`Wording::fingerprint`], computed once: grouping asks for it at
    /// every comparison.
    fingerprint: u64,
}

impl Wording {
    /// Read the words of `text`.
    pub fn new(text: &str) -> Wording {
        thread_local! {
            static WORDS: std::cell::RefCell<tantivy::tokenizer::TextAnalyzer> =
                std::cell::RefCell::new(name_analyzer());
        }
        let mut words = Vec::new();
        let mut spans: Vec<Range<usize>> = Vec::new();
        let editorial = bracketed(text);
        WORDS.with(|analyzer| {
            let mut analyzer = analyzer.borrow_mut();
            let mut stream = analyzer.token_stream(text);
            while let Some(token) = stream.next() {
                // "[Trump]" is the reporter's word, not the speaker's.
                if editorial.iter().any(|r| r.contains(&token.offset_from)) {
                    continue;
                }
                let mut word = token.text.clone();
                // "ISIS’s" and "ISIS’" are one spelling.
                if word.len() > 2 && word.ends_with("'s") {
                    word.truncate(word.len() - 2);
                }
                words.push(word);
                spans.push(token.offset_from..token.offset_to);
            }
        });
        let mut gaps = Vec::new();
        let mut from = 0;
        for (i, span) in spans
            .iter()
            .map(|s| s.start)
            .chain([text.len()])
            .enumerate()
        {
            if text.get(from..span).is_some_and(is_elision) {
                gaps.push(i);
            }
            if let Some(word) = spans.get(i) {
                from = word.end;
            }
        }
        let fingerprint = hash_words(&words);
        Wording {
            words,
            spans,
            gaps,
            fingerprint,
        }
    }

    /// The words, lowercased and folded to ASCII.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether an elision mark ("…", "...", "[…]") comes just before word
    /// `i` (or at the end, for `i == len()`).
    pub fn elides_before(&self, i: usize) -> bool {
        self.gaps.binary_search(&i).is_ok()
    }

    /// Byte range in the original text of words `words` (empty at the
    /// place where word `words.start` would go when the range is empty).
    pub fn byte_range(&self, words: Range<usize>) -> Range<usize> {
        let start = match self.spans.get(words.start) {
            Some(span) => span.start,
            None => self.spans.last().map_or(0, |s| s.end),
        };
        if words.is_empty() {
            return start..start;
        }
        let end = self
            .spans
            .get(words.end.saturating_sub(1))
            .map_or(start, |s| s.end);
        start..end.max(start)
    }

    /// A hash of all the words: equal for quotations worded the same.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Distinct hashes of every run of [`SHINGLE_WORDS`] words, as stored in
    /// the index; none for a shorter quotation.
    ///
    /// ```
    /// use newsq_core::wording::Wording;
    ///
    /// let full = Wording::new("the root causes of this crisis");
    /// let part = Wording::new("“Root causes of this…”");
    /// assert_eq!(full.shingles().len(), 4);
    /// assert!(part.shingles().iter().all(|s| full.shingles().contains(s)));
    /// ```
    pub fn shingles(&self) -> Vec<u64> {
        distinct(self.shingle_hashes())
    }

    /// The shingles the index keeps: the smallest hash in every window of
    /// [`ANCHOR_WINDOW`] consecutive shingles (winnowing, as
    /// document-fingerprinting tools do), distinct and sorted; all of them
    /// for a quotation with fewer. About 40 % of the shingles, and two
    /// wordings sharing a run of `ANCHOR_WINDOW + 2` words share an anchor
    /// in it: both pick the same smallest hash of the window inside the run.
    ///
    /// ```
    /// use newsq_core::wording::Wording;
    ///
    /// let speech = Wording::new(
    ///     "we will not rest until every family in this valley has clean water again",
    /// );
    /// let cut = Wording::new("“…until every family in this valley has clean water”");
    /// assert!(speech.anchors().len() < speech.shingles().len());
    /// assert!(cut.anchors().iter().any(|a| speech.anchors().contains(a)));
    /// ```
    pub fn anchors(&self) -> Vec<u64> {
        let hashes = self.shingle_hashes();
        if hashes.len() <= ANCHOR_WINDOW {
            return distinct(hashes);
        }
        distinct(
            hashes
                .windows(ANCHOR_WINDOW)
                .filter_map(|window| window.iter().min().copied())
                .collect(),
        )
    }

    /// The hash of each run of [`SHINGLE_WORDS`] words, in order.
    fn shingle_hashes(&self) -> Vec<u64> {
        self.words
            .windows(SHINGLE_WORDS)
            .map(shingle_hash)
            .collect()
    }
}

/// `hashes` sorted, each once.
fn distinct(mut hashes: Vec<u64>) -> Vec<u64> {
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The hash of a shingle: 32 bits of [`hash_words`]. A term of the index
/// takes less room than with 64, and the rare quotation that shares a hash
/// without sharing the words is dropped when the wordings are compared.
fn shingle_hash(words: &[String]) -> u64 {
    hash_words(words) >> 32
}

/// [`stable_hash`] of the words joined by single spaces, without joining
/// them.
fn hash_words(words: &[String]) -> u64 {
    let mut hash = stable_hash(b"");
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            hash = continue_hash(hash, b" ");
        }
        hash = continue_hash(hash, word.as_bytes());
    }
    hash
}

/// Whether the text between two words marks an elision, or holds words the
/// reporter put in square brackets.
fn is_elision(between: &str) -> bool {
    between.contains('…') || between.contains("..") || between.contains('[')
}

/// Byte ranges of square-bracketed insertions ("[the president]").
fn bracketed(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('[')) {
        let open = from + open;
        let Some(close) = text[open..].find(']') else {
            break;
        };
        out.push(open..open + close + 1);
        from = open + close + 1;
    }
    out
}

/// Whether two runs of words are one spelling apart: "tyres" / "tires",
/// "pre-conditions" / "preconditions", not "pay" / "play".
fn same_words_spelled_differently(reference: &[String], version: &[String]) -> bool {
    let (a, b) = (reference.concat(), version.concat());
    if a == b {
        return true;
    }
    reference.len() == 1
        && version.len() == 1
        && a.chars().count().min(b.chars().count()) >= 5
        && edit_distance(&a, &b) <= 1
}

/// Edit distance (letters changed, added or dropped) between two short
/// strings: spelling variants here, "did you mean" for names.
///
/// ```
/// use newsq_core::wording::edit_distance;
///
/// assert_eq!(edit_distance("zelinsky", "zelensky"), 1);
/// assert_eq!(edit_distance("", "abc"), 3);
/// ```
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How a version differs from the reference at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    /// Words the version has and the reference has not.
    Inserted,
    /// Words of the reference the version leaves out.
    Deleted,
    /// Words of the reference the version words differently.
    Replaced,
    /// Words one side leaves out where it marks an elision ("…") or puts
    /// in brackets: not a change of wording.
    Elided,
    /// The same words spelled differently ("tyres" / "tires"): not a
    /// change of wording.
    Spelling,
}

impl EditKind {
    /// Whether the speaker's words differ here, beyond punctuation, case,
    /// elision and spelling.
    pub fn changes_wording(self) -> bool {
        !matches!(self, EditKind::Elided | EditKind::Spelling)
    }
}

/// One difference between two wordings, as word ranges in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What kind of difference.
    pub kind: EditKind,
    /// Words of the reference (empty for an insertion).
    pub reference: Range<usize>,
    /// Words of the version (empty for a deletion).
    pub version: Range<usize>,
}

/// How two wordings relate, from [`Comparison::relation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same words (punctuation, case, quote marks and elisions aside).
    Identical,
    /// The version is part of the reference, word for word.
    VersionInside,
    /// The reference is part of the version, word for word.
    ReferenceInside,
    /// Nearly the same stretch of words: a few inserted, left out or
    /// replaced, or two cuts of one passage that overlap.
    Similar,
    /// Different quotations.
    Unrelated,
}

/// Two wordings aligned: what they share and where they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Differences within the stretch both quote, in order.
    pub edits: Vec<Edit>,
    /// Words the two share, in order.
    pub matched: usize,
    /// The stretch of the reference that the version also quotes.
    pub reference_span: Range<usize>,
    /// The stretch of the version that the reference also quotes.
    pub version_span: Range<usize>,
    /// Longest run of consecutive shared words.
    pub longest_run: usize,
    reference_len: usize,
    version_len: usize,
}

impl Comparison {
    /// Whether the version words the shared stretch differently, beyond
    /// punctuation, case and elision.
    pub fn differs(&self) -> bool {
        self.edits.iter().any(|e| e.kind.changes_wording())
    }

    /// The relation: identical, one inside the other, similar or
    /// unrelated.
    ///
    /// Similar asks that at least three in four words of the stretch both
    /// quote are shared, in a run of three or more, and that the stretch
    /// covers most of the shorter quotation: two quotations that share "the
    /// war" and "peace talks" are unrelated.
    pub fn relation(&self) -> Relation {
        let whole_reference = self.reference_span.len() == self.reference_len;
        let whole_version = self.version_span.len() == self.version_len;
        if self.matched == 0 {
            return Relation::Unrelated;
        }
        if !self.differs() {
            // Both whole, the same words but where one side marks an
            // elision: identical. When both sides leave out words the
            // other quotes, they are not ("a … b c" and "a c … b").
            let one_side_elides = self.edits.iter().all(|e| e.version.is_empty())
                || self.edits.iter().all(|e| e.reference.is_empty());
            match (whole_reference, whole_version) {
                (true, true) if one_side_elides => return Relation::Identical,
                (true, true) => {}
                (true, false) => return Relation::ReferenceInside,
                (false, true) => return Relation::VersionInside,
                (false, false) => {}
            }
        }
        let stretch = self.reference_span.len().max(self.version_span.len());
        let shorter = self.reference_len.min(self.version_len);
        let covered = self.reference_span.len().min(self.version_span.len());
        let similar = self.matched * 4 >= stretch * 3
            && self.longest_run >= SHINGLE_WORDS
            && covered * 5 >= shorter * 4;
        if similar {
            Relation::Similar
        } else {
            Relation::Unrelated
        }
    }
}

/// Align `version` against `reference` word by word (longest common runs
/// first) and list the differences within the stretch both quote.
/// Words only one side quotes before or after that stretch are a matter of
/// where the quotation starts and ends, not of wording.
///
/// ```
/// use newsq_core::wording::{compare, EditKind, Relation, Wording};
///
/// let reference = Wording::new("The main thing is to eliminate the root causes of this crisis.");
/// let version = Wording::new("“to eliminate the root causes of the conflict”");
/// let comparison = compare(&reference, &version);
/// assert_eq!(comparison.relation(), Relation::Similar);
/// assert_eq!(comparison.edits.len(), 1);
/// assert_eq!(comparison.edits[0].kind, EditKind::Replaced);
/// assert_eq!(comparison.edits[0].reference, 10..12); // "this crisis"
/// ```
pub fn compare(reference: &Wording, version: &Wording) -> Comparison {
    let pairs = common_words(reference.words(), version.words());
    let mut comparison = Comparison {
        edits: Vec::new(),
        matched: pairs.len(),
        reference_span: 0..0,
        version_span: 0..0,
        longest_run: 0,
        reference_len: reference.len(),
        version_len: version.len(),
    };
    let (Some(&first), Some(&last)) = (pairs.first(), pairs.last()) else {
        return comparison;
    };
    let mut run = 0;
    let mut previous: Option<(usize, usize)> = None;
    for &(r, v) in &pairs {
        run = match previous {
            Some((pr, pv)) if pr + 1 == r && pv + 1 == v => run + 1,
            _ => 1,
        };
        comparison.longest_run = comparison.longest_run.max(run);
        if let Some((pr, pv)) = previous {
            push_edit(
                &mut comparison.edits,
                reference,
                version,
                pr + 1..r,
                pv + 1..v,
            );
        }
        previous = Some((r, v));
    }
    let mut reference_span = first.0..last.0 + 1;
    let mut version_span = first.1..last.1 + 1;
    // A short change on both sides at an end is a change of wording.
    let before = (0..first.0, 0..first.1);
    if edge_change(&before.0, &before.1) {
        reference_span.start = 0;
        version_span.start = 0;
        let mut edits = Vec::new();
        push_edit(&mut edits, reference, version, before.0, before.1);
        edits.append(&mut comparison.edits);
        comparison.edits = edits;
    }
    let after = (last.0 + 1..reference.len(), last.1 + 1..version.len());
    if edge_change(&after.0, &after.1) {
        reference_span.end = reference.len();
        version_span.end = version.len();
        push_edit(&mut comparison.edits, reference, version, after.0, after.1);
    }
    comparison.reference_span = reference_span;
    comparison.version_span = version_span;
    comparison
}

fn edge_change(reference: &Range<usize>, version: &Range<usize>) -> bool {
    !reference.is_empty()
        && !version.is_empty()
        && reference.len() <= EDGE_CHANGE_WORDS
        && version.len() <= EDGE_CHANGE_WORDS
}

/// Record the unmatched words between two matches, if any.
fn push_edit(
    edits: &mut Vec<Edit>,
    reference: &Wording,
    version: &Wording,
    reference_words: Range<usize>,
    version_words: Range<usize>,
) {
    let kind = match (reference_words.is_empty(), version_words.is_empty()) {
        (true, true) => return,
        (false, true) if version.elides_before(version_words.start) => EditKind::Elided,
        (true, false) if reference.elides_before(reference_words.start) => EditKind::Elided,
        (false, true) => EditKind::Deleted,
        (true, false) => EditKind::Inserted,
        (false, false)
            if same_words_spelled_differently(
                &reference.words[reference_words.clone()],
                &version.words[version_words.clone()],
            ) =>
        {
            EditKind::Spelling
        }
        (false, false) => EditKind::Replaced,
    };
    edits.push(Edit {
        kind,
        reference: reference_words,
        version: version_words,
    });
}

/// Index pairs of the words two lists share, in order: the longest common
/// run first, then the same on each side of it (as Python's difflib does),
/// so that a quotation inside another aligns as one block rather than
/// scattered over early common words ("the … root causes").
fn common_words(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut budget = MAX_ALIGNMENT_CELLS;
    matching_blocks(a, b, (0, a.len()), (0, b.len()), &mut budget, &mut blocks);
    blocks
        .into_iter()
        .flat_map(|(i, j, len)| (0..len).map(move |k| (i + k, j + k)))
        .collect()
}

/// Append the matching blocks `(start in a, start in b, length)` of
/// `a[a_range]` and `b[b_range]` to `out`, in order. `budget` bounds the
/// table cells computed in all; past it the rest stays unmatched.
fn matching_blocks(
    a: &[String],
    b: &[String],
    (a_lo, a_hi): (usize, usize),
    (b_lo, b_hi): (usize, usize),
    budget: &mut usize,
    out: &mut Vec<(usize, usize, usize)>,
) {
    if a_lo >= a_hi || b_lo >= b_hi {
        return;
    }
    let cells = (a_hi - a_lo).saturating_mul(b_hi - b_lo);
    if cells > *budget {
        return;
    }
    *budget -= cells;
    // Longest common run: run[j] is the length of the run ending at the
    // current word of `a` and word j of `b`.
    let width = b_hi - b_lo;
    let mut previous = vec![0usize; width + 1];
    let mut current = vec![0usize; width + 1];
    let (mut best, mut best_a, mut best_b) = (0, a_lo, b_lo);
    for (i, word_a) in a.iter().enumerate().take(a_hi).skip(a_lo) {
        for (j, word_b) in b.iter().enumerate().take(b_hi).skip(b_lo) {
            let k = j - b_lo + 1;
            current[k] = if word_a == word_b {
                previous[k - 1] + 1
            } else {
                0
            };
            if current[k] > best {
                best = current[k];
                best_a = i + 1 - best;
                best_b = j + 1 - best;
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    if best == 0 {
        return;
    }
    matching_blocks(a, b, (a_lo, best_a), (b_lo, best_b), budget, out);
    out.push((best_a, best_b, best));
    matching_blocks(
        a,
        b,
        (best_a + best, a_hi),
        (best_b + best, b_hi),
        budget,
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(a: &str, b: &str) -> Relation {
        compare(&Wording::new(a), &Wording::new(b)).relation()
    }

    #[test]
    fn quote_marks_case_and_punctuation_do_not_count() {
        assert_eq!(
            relation(
                "“It is clear: the devil is in the details.”",
                "'it is clear, the Devil is in the details'"
            ),
            Relation::Identical
        );
    }

    #[test]
    fn a_fragment_lies_inside_the_fuller_quotation() {
        let full = "Both sides will immediately start talks toward a truce";
        assert_eq!(
            relation(full, "immediately start talks"),
            Relation::VersionInside
        );
        assert_eq!(
            relation("immediately start talks", full),
            Relation::ReferenceInside
        );
    }

    #[test]
    fn an_elision_is_not_a_change_of_wording() {
        let reference = Wording::new("We will rebuild the bridge, the school and the clinic");
        let version = Wording::new("We will rebuild the bridge … and the clinic");
        let comparison = compare(&reference, &version);
        assert!(!comparison.differs());
        assert_eq!(comparison.edits[0].kind, EditKind::Elided);
        assert_eq!(comparison.relation(), Relation::Identical);
    }

    #[test]
    fn elisions_on_both_sides_are_not_identical_either_way() {
        // Found by the property test: each version leaves out a word the
        // other quotes, in another place.
        let a = Wording::new("1914 talks now … ’s");
        let b = Wording::new("1914 … now talks ’s");
        assert_ne!(compare(&a, &b).relation(), Relation::Identical);
        assert_ne!(compare(&b, &a).relation(), Relation::Identical);
    }

    #[test]
    fn a_changed_word_is_reported_where_it_is() {
        let reference = Wording::new("we will never give up the harbour");
        let version = Wording::new("we shall never give up the harbour");
        let comparison = compare(&reference, &version);
        assert_eq!(comparison.relation(), Relation::Similar);
        assert_eq!(
            comparison.edits,
            [Edit {
                kind: EditKind::Replaced,
                reference: 1..2,
                version: 1..2
            }]
        );
        assert_eq!(version.byte_range(1..2), 3..8);
    }

    #[test]
    fn shared_common_words_do_not_make_the_same_quotation() {
        assert_eq!(
            relation(
                "the war will end when the invaders leave our land",
                "peace talks cannot start while the war goes on"
            ),
            Relation::Unrelated
        );
        assert_eq!(
            relation(
                "we support peace talks in the spring",
                "peace talks are a waste of everyone's time"
            ),
            Relation::Unrelated
        );
    }

    #[test]
    fn spelling_possessives_and_bracketed_words_are_not_a_change() {
        for (a, b) in [
            ("the tyres were worn", "the tires were worn"),
            ("no pre-conditions at all", "no preconditions at all"),
            ("ISIS’ leaders must go", "ISIS's leaders must go"),
            ("he will win the vote", "[Trump] will win the vote"),
        ] {
            let comparison = compare(&Wording::new(a), &Wording::new(b));
            assert!(!comparison.differs(), "{a} / {b}: {comparison:?}");
        }
        let comparison = compare(
            &Wording::new("you have to pay to win"),
            &Wording::new("you have to play to win"),
        );
        assert!(comparison.differs());
    }

    #[test]
    fn different_cuts_of_one_speech_are_not_a_change() {
        let reference = Wording::new("Our farmers need the fund now, not in the autumn");
        let version =
            Wording::new("need the fund now, not in the autumn, and we will fight for it");
        let comparison = compare(&reference, &version);
        assert!(!comparison.differs());
        assert_eq!(comparison.reference_span, 2..10);
    }

    #[test]
    fn a_fragment_starting_with_a_common_word_aligns_as_one_block() {
        let reference = Wording::new("the main thing for us is to eliminate the root causes");
        let version = Wording::new("the root causes");
        let comparison = compare(&reference, &version);
        assert_eq!(comparison.relation(), Relation::VersionInside);
        assert_eq!(comparison.reference_span, 8..11);
        assert!(comparison.edits.is_empty());
    }
}
