//! Plain-text articles: find the headline (behind an aggregator's header block,
//! if any), split the rest into paragraphs, and clean them.

use super::clean::{self, ends_sentence, has_double_quote, has_promo_word, word_count};
use super::decode::normalize_newlines;
use crate::Article;

/// Parse a plain-text article.
///
/// * The headline is the first non-empty line, unless the text opens with an
///   aggregator header (promo lines, a masthead often printed twice, a section
///   word, a byline); then the masthead gives the outlet, the byline the authors,
///   and the headline is the first headline-like line after the header; a
///   "By Jane Roe" line right under such a headline is taken as the byline.
///   Without a header, only the headline is taken out of the text.
///   A text of a single line has no headline: that line is the body.
/// * Each non-empty line after the headline is a paragraph, unless the text is
///   hard-wrapped (short lines breaking mid-sentence), in which case the lines
///   of each blank-line-separated block are joined with a space.
/// * Captions, calls to action, footer blocks, a copyright footer and a wire
///   dateline are removed; the copyright holder or dateline agency becomes the
///   outlet when no masthead names one.
/// * Paragraph text is kept as in the file apart from trimming; paragraphs are
///   joined with `"\n\n"`.
///
/// `id` becomes [`Article::id`]; `path`, `line` and the other metadata stay unset.
pub fn parse_plain_text(id: &str, text: &str) -> Article {
    let text = normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let header = detect_header(&lines);

    let body_lines = lines.get(header.body_from..).unwrap_or_default();
    let title = header
        .headline
        .and_then(|h| lines.get(h))
        .map(|t| t.to_string());
    let mut paragraphs = assemble_paragraphs(body_lines);
    // Some scrapes print the headline twice.
    if let (Some(t), Some(first)) = (&title, paragraphs.first()) {
        if first == t {
            paragraphs.remove(0);
        }
    }
    let cleaned = clean::clean_paragraphs(paragraphs);

    Article {
        id: id.to_string(),
        title,
        outlet: header
            .outlet
            .or(cleaned.copyright_outlet)
            .or(cleaned.dateline_outlet),
        authors: header.authors,
        body: cleaned.paragraphs.join("\n\n"),
        ..Article::default()
    }
}

/// What the top of the text says.
#[derive(Debug, Default)]
struct Header {
    /// Line index of the headline, if the text has one.
    headline: Option<usize>,
    /// Line index where the body starts.
    body_from: usize,
    outlet: Option<String>,
    authors: Vec<String>,
}

/// Lines in an aggregator header are short.
const HEADER_MAX_WORDS: usize = 12;
const HEADER_MAX_CHARS: usize = 80;

fn is_short_line(l: &str) -> bool {
    let n = word_count(l);
    (1..=HEADER_MAX_WORDS).contains(&n)
        && l.chars().count() <= HEADER_MAX_CHARS
        && !has_double_quote(l)
}

/// "Get all your news in one place.", "One app.", "Start reading": a short
/// line that sells or navigates rather than informs.
fn is_promo_line(l: &str) -> bool {
    // Pitches run a little longer than other header lines.
    let fits =
        (1..=15).contains(&word_count(l)) && l.chars().count() <= 100 && !has_double_quote(l);
    fits && (clean::starts_with_cta_verb(l) || has_promo_word(l))
}

/// A headline: several words, or a long line. Masthead names ("The Wall Street
/// Journal") stay under these bounds; bylines are excluded by the caller.
fn is_headline_like(l: &str) -> bool {
    let words = word_count(l);
    let chars = l.chars().count();
    words >= 5
        || (words >= 4 && chars >= 30)
        || chars >= 60
        || (words >= 3 && l.ends_with(['?', '!']))
}

/// Prose rather than a headline: over 25 words, or over 12 words in more
/// than one sentence.
fn is_prose_line(l: &str) -> bool {
    let words = word_count(l);
    let sentences = l
        .match_indices(". ")
        .filter(|&(i, _)| l[i + 2..].starts_with(char::is_uppercase))
        .count();
    words > 25 || (words > 12 && sentences >= 1)
}

/// A word of a personal name: capitalised, letters (and `'`, `-`, `.`) only,
/// not all capitals beyond an initial ("US" is not a name; "J." is).
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    first.is_uppercase()
        && rest
            .iter()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        && (rest.iter().any(|c| c.is_lowercase()) || rest == ['.'])
}

/// Connectors that appear in outlet names but not in personal names.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "The" | "the" | "of" | "Of" | "and" | "for" | "on" | "in" | "&"
    )
}

/// "Alex Croft", "Mary Ann Smith", "J. R. Hartley": two to four name words.
fn is_personal_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w) && !is_connector(w))
}

/// Authors named by a byline line ("Alex Croft", "By Jane Roe and Ian Fox"),
/// or `None` if the line is not a byline.
pub(crate) fn byline_authors(l: &str) -> Option<Vec<String>> {
    let (had_by, rest) = match l.strip_prefix("By ").or_else(|| l.strip_prefix("by ")) {
        Some(rest) => (true, rest),
        None => (false, l),
    };
    let names: Vec<String> = rest
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|part| part.trim().trim_end_matches(['.', ',']).trim())
        .filter(|part| !part.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return None;
    }
    let all_names = names.iter().all(|n| is_personal_name(n));
    if all_names {
        Some(names)
    } else if had_by && is_short_line(l) {
        // "By Staff Reporter": a byline, but not of a person we can name.
        Some(names.into_iter().filter(|n| is_personal_name(n)).collect())
    } else {
        None
    }
}

/// "The Daily Chronicle": a short title-case name of two or more words (or one
/// preceded by "The"), not ending like a sentence.
fn is_masthead_like(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !ends_sentence(l)
        && words.iter().all(|w| {
            is_connector(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// "English Edition", "Europe", "The Daily Chronicle": a short title-case
/// label without digits or sentence punctuation.
fn is_label_line(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !ends_sentence(l)
        && !l.ends_with([',', ';', ':'])
        && !l.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| is_connector(w) || w.chars().next().is_some_and(char::is_uppercase))
}

/// Find the headline and read the aggregator header above it, if there is one.
///
/// The header is only believed on strong evidence, because on an ordinary
/// article (headline first) anything taken for header would be lost:
/// a short title-case line printed twice (a masthead), two or more promo
/// lines, or a first block of three or more labels and bylines followed by an
/// unpunctuated headline.
fn detect_header(lines: &[&str]) -> Header {
    let ne: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i, *l))
        .collect();
    let line = |k: usize| ne.get(k).map(|(_, l)| *l).unwrap_or("");
    let index = |k: usize| ne.get(k).map(|(i, _)| *i);

    if ne.len() <= 1 {
        // One line is a body without a headline.
        return Header::default();
    }
    // A first line of running prose (several sentences, or longer than any
    // headline) opens the body: there is no headline to take out.
    if is_prose_line(line(0)) {
        return Header::default();
    }
    let plain = Header {
        headline: index(0),
        body_from: index(0).map_or(0, |i| i + 1),
        ..Header::default()
    };

    let short_prefix = ne
        .iter()
        .take_while(|(_, l)| is_short_line(l) || is_promo_line(l))
        .count();
    if short_prefix == 0 {
        return plain;
    }
    let promos = (0..short_prefix)
        .filter(|&k| is_promo_line(line(k)))
        .count();
    // A masthead printed twice: a name, not a pitch or a repeated caption.
    let masthead_pair = (0..short_prefix.saturating_sub(1))
        .find(|&k| line(k) == line(k + 1) && is_masthead_like(line(k)) && !is_promo_line(line(k)));
    let first_block = lines
        .iter()
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .count();
    let strong = masthead_pair.is_some() || promos >= 2;
    // Without masthead or promos: a first block of three or more labels
    // ("The Outlet / Edition / Section", maybe a byline), then a headline-shaped
    // line that is not a sentence, then more text. "Short Headline / By Jane
    // Doe / 3 May 2025" fails (a date is not a label), and so does a block
    // followed by a first paragraph ending in a full stop.
    let weak = !strong
        && first_block >= 3
        && first_block <= short_prefix
        && (0..first_block).all(|k| is_label_line(line(k)) || byline_authors(line(k)).is_some())
        && is_headline_like(line(first_block))
        && !line(first_block).ends_with('.')
        && ne.len() > first_block + 1;
    if !(strong || weak) {
        return plain;
    }

    // Promo lines first; whatever precedes a masthead is promo too, even in
    // words we do not recognise.
    let mut k = 0;
    while k < short_prefix && is_promo_line(line(k)) {
        k += 1;
    }
    if let Some(m) = masthead_pair {
        k = k.max(m);
    }
    // The headline: the first headline-like line that is not a byline.
    let Some(h) =
        (k..ne.len()).find(|&j| is_headline_like(line(j)) && byline_authors(line(j)).is_none())
    else {
        return plain;
    };
    // Everything between promos and headline must be header material (short).
    if (k..h).any(|j| !is_short_line(line(j)) && !is_promo_line(line(j))) {
        return plain;
    }

    let mut header = Header {
        headline: index(h),
        body_from: index(h).map_or(0, |i| i + 1),
        ..Header::default()
    };
    // Between promos and headline: masthead (printed twice, or a title-case
    // name), section words, then a byline just above the headline.
    let mut j = k;
    if masthead_pair == Some(j) {
        header.outlet = Some(line(j).to_string());
        while j < h && line(j) == line(k) {
            j += 1;
        }
    } else if j + 1 < h && is_masthead_like(line(j)) {
        // Not directly above the headline, so not the byline, even if it
        // looks like a name ("Tagesblick International").
        header.outlet = Some(line(j).to_string());
        j += 1;
    }
    if j < h {
        if let Some(authors) = byline_authors(line(h - 1)) {
            header.authors = authors;
        }
    }
    // Some layouts put the byline under the headline instead ("By Jana Roe").
    // Only an explicit "By" line counts: a bare name there could be prose.
    if header.authors.is_empty() {
        let next = line(h + 1);
        if next.starts_with("By ") || next.starts_with("by ") {
            if let (Some(authors), Some(i)) = (byline_authors(next), index(h + 1)) {
                if !authors.is_empty() {
                    header.authors = authors;
                    header.body_from = i + 1;
                }
            }
        }
    }
    header
}

/// Split body lines into paragraphs.
fn assemble_paragraphs(lines: &[&str]) -> Vec<String> {
    if !is_hard_wrapped(lines) {
        return lines
            .iter()
            .filter(|l| !l.is_empty())
            .map(|l| l.to_string())
            .collect();
    }
    lines
        .split(|l| l.is_empty())
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines = clean::drop_repeated(block.iter().map(|l| l.to_string()).collect());
            lines.join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Hard-wrapped text: lines of a typewriter-like width (40 to 100 characters)
/// that usually break mid-sentence, and almost no longer lines. One
/// paragraph per line, as most scraped articles come, fails this.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let mut nonempty = 0usize;
    let mut long = 0usize;
    let mut continued = 0usize;
    let mut wrapped = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_empty() {
            continue;
        }
        nonempty += 1;
        let chars = l.chars().count();
        if chars > 100 {
            long += 1;
        }
        let next_nonempty = lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if next_nonempty {
            continued += 1;
            if (40..=100).contains(&chars) && !ends_sentence(l) {
                wrapped += 1;
            }
        }
    }
    continued >= 3 && long * 10 <= nonempty && wrapped * 2 >= continued
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_personal_name("Alex Croft"));
        assert!(is_personal_name("J. R. Hartley"));
        assert!(!is_personal_name("The Daily Chronicle"));
        assert!(!is_personal_name("US Politics"));
        assert_eq!(
            byline_authors("By Jane Roe and Ian Fox"),
            Some(vec!["Jane Roe".to_string(), "Ian Fox".to_string()])
        );
    }

    #[test]
    fn one_line_is_body() {
        let a = parse_plain_text("x", "Only a single line of text here.");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Only a single line of text here.");
    }
}
