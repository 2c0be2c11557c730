//! Where the query's words are in a hit's text.

use std::collections::HashSet;

use newsq_core::index::analysis::analyze;
use tantivy::tokenizer::TextAnalyzer;

/// The words and phrases of a query, to mark in a hit's text with the same
/// analysis as the index: "negotiate" marks "negotiations", and a phrase
/// only where its words stand together.
#[derive(Debug, Default)]
pub(crate) struct Highlighter {
    words: HashSet<String>,
    phrases: Vec<Vec<String>>,
}

impl Highlighter {
    /// Mark one analysed word, or a phrase of several.
    pub(crate) fn add(&mut self, mut terms: Vec<String>) {
        match terms.len() {
            0 => {}
            1 => {
                self.words.extend(terms.pop());
            }
            _ => {
                if !self.phrases.contains(&terms) {
                    self.phrases.push(terms);
                }
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of the marked words in `text`, in order.
    pub(crate) fn highlight(&self, text: &str, analyzer: &mut TextAnalyzer) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let tokens = analyze(analyzer, text);
        let mut marked = vec![false; tokens.len()];
        for (i, token) in tokens.iter().enumerate() {
            marked[i] = self.words.contains(&token.text);
        }
        for phrase in &self.phrases {
            for start in 0..tokens.len().saturating_sub(phrase.len() - 1) {
                let window = &tokens[start..start + phrase.len()];
                if window.iter().zip(phrase).all(|(t, p)| t.text == *p) {
                    marked[start..start + phrase.len()].fill(true);
                }
            }
        }
        tokens
            .iter()
            .zip(marked)
            .filter(|(_, m)| *m)
            .map(|(t, _)| (t.range.start, t.range.end))
            .collect()
    }
}

/// Bytes of article text shown with an article hit.
pub(crate) const SNIPPET_BYTES: usize = 240;

/// A window of `text` about `SNIPPET_BYTES` long around the densest group of
/// highlighted words (the start of the text when none), and the highlights
/// within it, relative to the window.
pub(crate) fn snippet(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    // The window starting at the highlight that has the most highlights
    // within SNIPPET_BYTES after it.
    let best = (0..ranges.len()).max_by_key(|&i| {
        let count = ranges[i..]
            .iter()
            .take_while(|r| r.1 <= ranges[i].0 + SNIPPET_BYTES)
            .count();
        (count, std::cmp::Reverse(i))
    });
    let anchor = best.map_or(0, |i| ranges[i].0);
    // Start a little before the first word, at a word boundary.
    let mut start = anchor.saturating_sub(SNIPPET_BYTES / 6);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        if let Some(space) = text[start..anchor].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = (start + SNIPPET_BYTES).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(space) = text[start..end].rfind(char::is_whitespace) {
            if start + space > anchor {
                end = start + space;
            }
        }
    }
    let window = text[start..end].trim_end();
    let shown = ranges
        .iter()
        .filter(|r| r.0 >= start && r.1 <= start + window.len())
        .map(|r| (r.0 - start, r.1 - start))
        .collect();
    let mut out = String::with_capacity(window.len() + 8);
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(window);
    if start + window.len() < text.len() {
        out.push('…');
    }
    let shown = shown_shifted(shown, shift);
    (out, shown)
}

fn shown_shifted(ranges: Vec<(usize, usize)>, shift: usize) -> Vec<(usize, usize)> {
    ranges
        .into_iter()
        .map(|(s, e)| (s + shift, e + shift))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsq_core::index::analysis::text_analyzer;

    #[test]
    fn marks_every_form_of_a_word() {
        let mut wanted = Highlighter::default();
        wanted.add(vec!["negoti".to_string()]);
        let text = "Negotiations stalled; they will negotiate.";
        let ranges = wanted.highlight(text, &mut text_analyzer());
        let marked: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(marked, ["Negotiations", "negotiate"]);
    }

    #[test]
    fn marks_a_phrase_only_where_its_words_stand_together() {
        let mut wanted = Highlighter::default();
        wanted.add(vec!["red".to_string(), "line".to_string()]);
        let text = "Red ink is one thing, but this is a red line.";
        let ranges = wanted.highlight(text, &mut text_analyzer());
        let marked: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(marked, ["red", "line"]);
    }

    #[test]
    fn snippet_windows_the_densest_matches() {
        let text = format!(
            "{} the red line was drawn {}",
            "filler ".repeat(80),
            "tail ".repeat(80)
        );
        let start = text.find("red").unwrap();
        let ranges = [(start, start + 3), (start + 4, start + 8)];
        let (shown, marks) = snippet(&text, &ranges);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(&shown[marks[0].0..marks[0].1], "red");
        assert_eq!(&shown[marks[1].0..marks[1].1], "line");
        assert!(shown.len() <= SNIPPET_BYTES + 8);
    }
}
