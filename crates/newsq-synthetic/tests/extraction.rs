//! The planted quotations are what newsq's extractor finds.

use newsq_synthetic::{Generator, PlantedQuotation};
use std::collections::BTreeMap;

/// Lowercase words, punctuation dropped: the extractor and the generator may
/// differ in a comma or a final stop.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn surname(q: &PlantedQuotation) -> String {
    q.spelling
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

/// Whether the extractor's text is the planted one (or holds it, or is most of it).
fn same_words(got: &str, want: &str) -> bool {
    got == want
        || (!want.is_empty() && got.contains(want))
        || (!got.is_empty() && want.contains(got) && got.len() * 2 >= want.len())
}

/// Generates articles and runs newsq's extractor over them: nearly every
/// planted quotation must be found, with the speaker the generator meant.
/// `GEN_ARTICLES=5000` to measure on more articles; `--nocapture` to see the
/// counts by style and the misses.
#[test]
fn the_extractor_finds_the_planted_quotations_and_their_speakers() {
    let generator = Generator::new(7);
    let articles: u64 = std::env::var("GEN_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let (mut planted, mut found, mut right) = (0usize, 0usize, 0usize);
    let mut by_style: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for n in 0..articles {
        let article = generator.article(n);
        let extracted = newsq_core::quote::extract(&article.body);
        for q in &article.quotations {
            planted += 1;
            let entry = by_style.entry(q.style).or_default();
            entry.0 += 1;
            let want = words(&q.text);
            let hits: Vec<_> = extracted
                .iter()
                .filter(|e| same_words(&words(&e.text), &want))
                .collect();
            if hits.is_empty() {
                misses.push(format!(
                    "[{}] not found: {:?} by {}",
                    q.style, q.text, q.spelling
                ));
                continue;
            }
            found += 1;
            entry.1 += 1;
            // The same words may be quoted from two people: any hit will do.
            let said_by = |e: &&newsq_core::quote::Quotation| {
                let who = e.speaker.as_deref().unwrap_or_default().to_lowercase();
                who.contains(&surname(q))
            };
            if hits.iter().any(said_by) {
                right += 1;
                entry.2 += 1;
            } else {
                let e = hits[0];
                misses.push(format!(
                    "[{}] speaker {:?} (mention {:?}) for {}: {:?}",
                    q.style, e.speaker, e.speaker_mention, q.spelling, q.text
                ));
            }
        }
    }
    for (style, (p, f, r)) in &by_style {
        eprintln!("{style:>18}: {p:5} planted, {f:5} found, {r:5} with the right speaker");
    }
    for m in misses.iter().take(40) {
        eprintln!("{m}");
    }
    let recall = found as f64 / planted as f64;
    let accuracy = right as f64 / planted as f64;
    eprintln!(
        "{planted} planted in {articles} articles: {:.2}% found, {:.2}% with the right speaker",
        recall * 100.0,
        accuracy * 100.0
    );
    assert!(planted as u64 > 2 * articles, "{planted} planted");
    assert!(recall >= 0.95, "recall {recall}");
    assert!(accuracy >= 0.95, "speaker accuracy {accuracy}");
}
