//! Quality floors on the written (fictional) news articles of
//! `tests/fixtures/written/<language>/`: three to six articles per language
//! in its newspapers' conventions, with the gold of every direct quotation
//! and its speaker (`gold.jsonl`). Each language must find its quotations
//! and name their speakers at least as well as the floor below, a little
//! under what newsq does today (docs/languages.md gives the figures and
//! how to measure them with `score_gold.py`): a change that loses speakers
//! in one language fails here.

use newsq_core::quote::{extract_in, Quotation, StatementKind};
use std::path::Path;

/// Per language: the least share of gold quotations found (half their
/// words or more in one extracted quotation), and the least share of those
/// with a named gold speaker whose speaker is that person.
const FLOORS: [(&str, f64, f64); 7] = [
    ("de", 0.90, 0.62),
    ("fr", 0.95, 0.68),
    ("es", 0.95, 0.75),
    ("it", 0.90, 0.62),
    ("pt", 0.95, 0.65),
    ("ru", 0.95, 0.85),
    ("cs", 0.95, 0.55),
];

/// Lowercase words of any script.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two name words are one name, inflected or not (Орлов / Орлова,
/// Horák / Horáka): equal, or sharing four letters or more with at most
/// three left over.
fn same_name_word(a: &str, b: &str) -> bool {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    a == b || (shared >= 4 && shared + 3 >= la.max(lb))
}

/// Whether the extracted speaker names the gold speaker: a capitalised
/// word of the one is a word of the other.
fn speaker_matches(gold: &str, found: Option<&str>) -> bool {
    let Some(found) = found else {
        return false;
    };
    let capitalised = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
            .map(str::to_lowercase)
            .collect()
    };
    let found = capitalised(found);
    capitalised(gold)
        .iter()
        .any(|g| found.iter().any(|f| same_name_word(g, f)))
}

/// The extracted quotation covering most of `gold`'s words, if one covers
/// half of them or more.
fn best_match<'q>(quotes: &'q [Quotation], gold: &str) -> Option<&'q Quotation> {
    let gold = words(gold);
    let covered = |q: &Quotation| {
        let found = words(&q.text);
        gold.iter().filter(|w| found.contains(w)).count()
    };
    quotes
        .iter()
        .filter(|q| q.kind == StatementKind::Quotation)
        .max_by_key(|q| covered(q))
        .filter(|q| 2 * covered(q) >= gold.len())
}

#[test]
fn every_language_keeps_its_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/written");
    let mut report = Vec::new();
    let mut below = Vec::new();
    for (language, found_floor, speaker_floor) in FLOORS {
        let dir = root.join(language);
        let gold = std::fs::read_to_string(dir.join("gold.jsonl")).expect("gold.jsonl");
        let (mut total, mut found, mut named, mut right) = (0, 0, 0, 0);
        for line in gold.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("a gold line");
            let doc = value["doc"].as_str().expect("doc");
            let text = std::fs::read_to_string(dir.join("text").join(doc)).expect("an article");
            let (headline, body) = text.split_once("\n\n").expect("headline, then body");
            let quotes = extract_in(Some(language), Some(headline), body);
            total += 1;
            let Some(q) = best_match(&quotes, value["quote"].as_str().expect("quote")) else {
                continue;
            };
            found += 1;
            if let Some(speaker) = value["speaker"].as_str() {
                named += 1;
                right += usize::from(speaker_matches(speaker, q.speaker.as_deref()));
            }
        }
        let found_share = found as f64 / total as f64;
        let speaker_share = right as f64 / named.max(1) as f64;
        report.push(format!(
            "{language}: found {found}/{total} = {found_share:.3}, speaker {right}/{named} = {speaker_share:.3}"
        ));
        if found_share < found_floor || speaker_share < speaker_floor {
            below.push(language);
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        below.is_empty(),
        "below the floor: {below:?}\n{}",
        report.join("\n")
    );
}
