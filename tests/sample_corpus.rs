//! The project's own sample corpus (examples/articles, fictional articles
//! written for newsq) against its hand-made gold (tests/fixtures/sample_gold.jsonl).
//! The floors are today's figures: a change that loses quotations or
//! speakers fails here.

use newsq::read::{discover, read_file, Metadata, ReadOptions};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

struct Extracted {
    text: String,
    speaker: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Share of the gold quotation's words that the extracted one contains.
fn coverage(gold: &str, got: &str) -> f64 {
    let g = words(gold);
    let have = words(got);
    if g.is_empty() {
        return 0.0;
    }
    g.iter().filter(|w| have.contains(w)).count() as f64 / g.len() as f64
}

fn extract_sample() -> (
    HashMap<String, Vec<Extracted>>,
    HashMap<String, Option<String>>,
) {
    let meta = Metadata::load(&root().join("examples/meta.tsv")).unwrap_or_else(|e| panic!("{e}"));
    let opts = ReadOptions {
        outlet: None,
        meta: Some(meta),
        ..ReadOptions::default()
    };
    let mut quotes: HashMap<String, Vec<Extracted>> = HashMap::new();
    let mut outlets = HashMap::new();
    for path in discover(&[root().join("examples/articles")]) {
        let path = path.unwrap_or_else(|s| panic!("{s}"));
        for article in read_file(&path, &opts) {
            let article = article.unwrap_or_else(|s| panic!("{s}"));
            let found = newsq::quote::extract(&article.body)
                .into_iter()
                .map(|q| Extracted {
                    text: q.text,
                    speaker: q.speaker,
                })
                .collect();
            outlets.insert(article.id.clone(), article.outlet.clone());
            quotes.insert(article.id, found);
        }
    }
    (quotes, outlets)
}

fn gold() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sample_gold.jsonl"))
        .unwrap_or_else(|e| panic!("{e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn sample_corpus_quotations_and_speakers() {
    let (quotes, _) = extract_sample();
    let (mut statements, mut found, mut right_speaker, mut non_statements_kept) = (0, 0, 0, 0);
    let mut report = Vec::new();
    for g in gold() {
        let article = g["article"].as_str().unwrap_or_default();
        let text = g["quote"].as_str().unwrap_or_default();
        let best = quotes.get(article).and_then(|qs| {
            qs.iter()
                .max_by(|a, b| coverage(text, &a.text).total_cmp(&coverage(text, &b.text)))
        });
        let covered = best.is_some_and(|b| coverage(text, &b.text) >= 0.8);
        if g["not_a_statement"] == Value::Bool(true) {
            non_statements_kept += usize::from(covered);
            continue;
        }
        statements += 1;
        match best.filter(|_| covered) {
            Some(b) => {
                found += 1;
                if b.speaker.as_deref() == g["speaker"].as_str() {
                    right_speaker += 1;
                } else {
                    report.push(format!(
                        "speaker {:?} for {text:?}, gold {}",
                        b.speaker, g["speaker"]
                    ));
                }
            }
            None => report.push(format!("missed {text:?} in {article}")),
        }
    }
    let summary = format!("{found}/{statements} found, {right_speaker}/{found} right speaker, {non_statements_kept} non-statements kept\n{}", report.join("\n"));
    // Visible with `cargo test --test sample_corpus -- --nocapture`.
    eprintln!("{summary}");
    assert!(statements >= 80, "{summary}");
    assert!(found * 100 >= statements * 98, "{summary}");
    assert!(right_speaker * 100 >= found * 84, "{summary}");
    assert!(non_statements_kept <= 3, "{summary}");
}

#[test]
fn sample_corpus_outlets_come_from_the_text_or_the_sidecar() {
    let (_, outlets) = extract_sample();
    let outlet = |id: &str| outlets.get(id).cloned().flatten();
    assert_eq!(
        outlet("2025-03-04-valmora-emergency-farm-fund-lowland-post.txt").as_deref(),
        Some("The Lowland Post")
    );
    assert_eq!(
        outlet("2025-03-05-valmora-arbitration-meridian-wire.txt").as_deref(),
        Some("Meridian Wire")
    );
    assert_eq!(
        outlet("2025-04-08-council-delays-old-harbour-vote.txt").as_deref(),
        Some("Port Averill Echo")
    );
    assert_eq!(
        outlet("2025-04-23-old-harbour-approved-tidewater-gazette.json").as_deref(),
        Some("tidewatergazette.example")
    );
}
