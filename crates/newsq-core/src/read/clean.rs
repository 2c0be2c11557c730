//! Paragraph-level cleaning shared by plain-text and JSON bodies: drop photo
//! captions, calls to action, footers and copyright lines, strip a wire dateline,
//! and note the outlet that a copyright line or dateline names.
//!
//! Every rule works on general features (length, punctuation, capitalisation,
//! call-to-action vocabulary), never on phrases of particular outlets, and each
//! is built to leave ordinary news paragraphs alone: a false positive silently
//! loses article text, while a missed caption only adds a little noise.

/// Paragraphs after cleaning, with what the removed parts said about the outlet.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub paragraphs: Vec<String>,
    /// Holder named in a copyright footer ("The Financial Times").
    pub copyright_outlet: Option<String>,
    /// Agency named in a dateline ("Reuters", "AP").
    pub dateline_outlet: Option<String>,
}

/// Clean a body given as paragraphs (each already trimmed).
pub(crate) fn clean_paragraphs(paragraphs: Vec<String>) -> Cleaned {
    let paragraphs = drop_repeated(paragraphs);
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| !p.is_empty() && !is_standalone_boilerplate(p) && !is_caption(p))
        .collect();

    // A copyright line may sit above or below the aggregator's footer, so peel
    // both off the end until neither matches.
    let mut copyright_outlet = None;
    loop {
        let mut changed = false;
        if let Some(start) = footer_start(&paragraphs) {
            paragraphs.truncate(start);
            changed = true;
        }
        if let Some(last) = paragraphs.last() {
            if let Some((rest, outlet)) = strip_copyright(last) {
                if copyright_outlet.is_none() {
                    copyright_outlet = outlet;
                }
                paragraphs.pop();
                if !rest.is_empty() {
                    paragraphs.push(rest);
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // The dateline opens the story; a standfirst may come before it.
    let mut dateline_outlet = None;
    for p in paragraphs.iter_mut().take(3) {
        if let Some((rest, outlet)) = strip_dateline(p) {
            *p = rest;
            dateline_outlet = Some(outlet);
            break;
        }
    }

    Cleaned {
        paragraphs,
        copyright_outlet,
        dateline_outlet,
    }
}

// ---------------------------------------------------------------------------
// Small text features.

/// Double quotation marks: a line containing one reports speech, which captions
/// and boilerplate do not. (Single quotes are skipped: `’` is also an apostrophe.)
pub(crate) fn has_double_quote(s: &str) -> bool {
    s.contains(['"', '“', '”', '„', '«', '»'])
}

pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether the line ends like a sentence (closing quotes and brackets ignored).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
    });
    core.ends_with(['.', '!', '?', '…'])
}

/// A word with its surrounding punctuation removed, lowercased.
fn bare_lower(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Verbs that open a call to action ("Sign up ...", "Download the app").
const CTA_VERBS: &[&str] = &[
    "sign",
    "subscribe",
    "download",
    "read",
    "follow",
    "join",
    "register",
    "log",
    "login",
    "get",
    "start",
    "try",
    "install",
    "listen",
    "watch",
    "share",
    "click",
    "tap",
    "continue",
    "explore",
    "discover",
    "see",
    "view",
    "unlock",
    "upgrade",
    "claim",
    "donate",
    "become",
    "create",
    "manage",
    "support",
];

/// Words of the subscription / app / navigation vocabulary of site furniture.
const PROMO_WORDS: &[&str] = &[
    "app",
    "apps",
    "subscription",
    "subscriptions",
    "subscribe",
    "subscriber",
    "subscribers",
    "membership",
    "member",
    "members",
    "newsletter",
    "newsletters",
    "premium",
    "trial",
    "free",
    "signup",
    "login",
    "account",
    "download",
    "titles",
    "sources",
    "stories",
    "picks",
    "headlines",
    "podcast",
    "podcasts",
    "access",
    "unlimited",
    "offer",
    "inbox",
    "alerts",
    "notifications",
    "trending",
];

pub(crate) fn starts_with_cta_verb(s: &str) -> bool {
    s.split_whitespace()
        .next()
        .is_some_and(|w| CTA_VERBS.contains(&bare_lower(w).as_str()))
}

pub(crate) fn has_promo_word(s: &str) -> bool {
    s.split_whitespace()
        .any(|w| PROMO_WORDS.contains(&bare_lower(w).as_str()))
}

// ---------------------------------------------------------------------------
// Lines dropped wherever they are.

/// "READ MORE", "Read more: ...", "Advertisement", "Follow X on Twitter @x",
/// "(Reporting by ...)": site furniture that can sit between any two paragraphs.
pub(crate) fn is_standalone_boilerplate(p: &str) -> bool {
    // Every kind below is a short line; most paragraphs are longer, and
    // lowercasing them all cost more than the rest of cleaning.
    let words = word_count(p);
    if words > 40 {
        return false;
    }
    let lower = p.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if matches!(
        core,
        "advertisement"
            | "advertisements"
            | "skip advertisement"
            | "story continues below advertisement"
            | "article continues below advertisement"
            | "continue reading"
            | "read more"
            | "read more below"
            | "read more here"
    ) {
        return true;
    }
    // "Read more: <linked headline>" and similar related-link lines.
    let link_prefixes = [
        "read more:",
        "read more -",
        "read more »",
        "read also:",
        "see also:",
    ];
    if words <= 25 && !has_double_quote(p) && link_prefixes.iter().any(|pre| lower.starts_with(pre))
    {
        return true;
    }
    is_follow_line(p) || is_wire_credit(p)
}

/// "(Reporting by Jane Roe; Editing by Ian Fox)": the agency's staff credit
/// that closes a wire story.
fn is_wire_credit(p: &str) -> bool {
    let inner = p.trim_start_matches('(').to_ascii_lowercase();
    let credit = [
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
    ];
    word_count(p) <= 40 && !has_double_quote(p) && credit.iter().any(|c| inner.starts_with(c))
}

/// "Follow Jane Doe on Twitter @janedoe", "Follow us on Instagram".
fn is_follow_line(p: &str) -> bool {
    if !(p.starts_with("Follow ") || p.starts_with("FOLLOW ")) || word_count(p) > 20 {
        return false;
    }
    const NETWORKS: &[&str] = &[
        "twitter",
        "x",
        "facebook",
        "instagram",
        "threads",
        "bluesky",
        "tiktok",
        "linkedin",
        "youtube",
        "mastodon",
    ];
    let mut prev_on = false;
    for w in p.split_whitespace() {
        if w.starts_with('@') && w.len() > 1 {
            return true;
        }
        let bare = bare_lower(w);
        if prev_on && NETWORKS.contains(&bare.as_str()) {
            return true;
        }
        prev_on = bare == "on";
    }
    false
}

/// A photo caption: ends with a credit ("... on Monday (AP)", "... Photograph: X"),
/// is short, and quotes nobody.
pub(crate) fn is_caption(p: &str) -> bool {
    if has_double_quote(p) || word_count(p) > 60 {
        return false;
    }
    ends_with_credit_label(p) || ends_with_paren_credit(p)
}

/// "... Photograph: Jane Doe/Reuters", "... Photographs: AP".
fn ends_with_credit_label(p: &str) -> bool {
    const LABELS: &[&str] = &[
        "Photograph:",
        "Photographs:",
        "Photo:",
        "Photos:",
        "Photo credit:",
        "Image:",
        "Images:",
        "Picture:",
        "Pictures:",
        "Illustration:",
        "Composite:",
    ];
    LABELS.iter().any(|label| {
        p.rmatch_indices(label).next().is_some_and(|(at, _)| {
            let before_ok = match p[..at].chars().next_back() {
                None => true,
                Some(c) => c.is_whitespace() || matches!(c, '.' | '(' | '|'),
            };
            let credit = p[at + label.len()..].trim();
            before_ok && (1..=8).contains(&word_count(credit)) && credit.len() <= 80
        })
    })
}

/// "Trump and first lady Melania in the Rose Garden on Monday (AP)",
/// "(Getty Images)": a one-sentence line closed by a capitalised credit in
/// parentheses. A paragraph that ends its sentence before the parenthesis, or
/// whose parenthesis holds lower-case words, digits or a party affiliation
/// ("(D-Calif)"), is prose.
fn ends_with_paren_credit(p: &str) -> bool {
    let Some(stripped) = p.strip_suffix(')') else {
        return false;
    };
    let Some(open) = stripped.rfind('(') else {
        return false;
    };
    let inner = stripped[open + 1..].trim();
    let before = stripped[..open].trim_end();
    let inner_words = word_count(inner);
    if !(1..=6).contains(&inner_words)
        || !starts_upper(inner)
        || inner.chars().any(|c| c.is_ascii_digit())
        || looks_like_party_affiliation(inner)
    {
        return false;
    }
    if before.is_empty() {
        return true;
    }
    // A caption describes a scene ("X meets Y in Z on Monday"): several words,
    // some of them lower-case. "Jane Doe (Kent)" in a list of names is data.
    let lower_words = before
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    word_count(before) >= 4
        && lower_words >= 2
        && !ends_sentence(before)
        && !before.ends_with([',', ';', ':'])
        && sentence_breaks(before) <= 1
}

/// "D-Calif.", "R-Texas", "I-Vt": US party and state after a politician's name.
fn looks_like_party_affiliation(inner: &str) -> bool {
    let mut chars = inner.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('D' | 'R' | 'I'), Some('-' | '–'))
    )
}

/// Sentence boundaries inside a line: ". " followed by an upper-case letter.
fn sentence_breaks(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(3)
        .filter(|w| matches!(w, [a, ' ', c] if matches!(a, '.' | '!' | '?') && c.is_uppercase()))
        .count()
}

/// A caption printed twice in a row (image alt text plus caption): both copies
/// go. A repeated line that quotes someone or is long is article text that the
/// scraper doubled: one copy stays. Short repeats ("___", "No.") may be
/// genuine, so only lines of four words or more count.
pub(crate) fn drop_repeated(paragraphs: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut iter = paragraphs.into_iter().peekable();
    while let Some(p) = iter.next() {
        let mut copies = 1;
        while iter.peek() == Some(&p) {
            iter.next();
            copies += 1;
        }
        if copies == 1 || word_count(&p) < 4 {
            out.resize(out.len() + copies, p);
        } else if has_double_quote(&p) || word_count(&p) > 60 {
            out.push(p);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The footer block at the end.

/// A line of site furniture: a call to action, a navigation heading, a
/// subscription pitch. Only ever asked of the short lines at the end of a text.
pub(crate) fn is_footer_line(p: &str) -> bool {
    if !is_short_fragment(p) {
        return false;
    }
    let words = word_count(p);
    is_footer_starter(p)
        // "Related Stories", "Our Picks": a title-case heading. Names and
        // figures ("A Freeland", "9,796") look the same, so such lines only
        // count inside a block that a clearer line has opened.
        || (words <= 4
            && !ends_sentence(p)
            && p.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// A line that can open a footer block: a call to action, or a short pitch in
/// subscription vocabulary ("Fourteen days free", "100+ trusted global sources.").
fn is_footer_starter(p: &str) -> bool {
    is_short_fragment(p)
        && (is_strong_footer_line(p)
            || (has_promo_word(p) && (word_count(p) <= 6 || !ends_sentence(p))))
}

/// Footer lines are short and quote nobody.
fn is_short_fragment(p: &str) -> bool {
    (1..=15).contains(&word_count(p)) && !has_double_quote(p)
}

/// A call to action that can end an article on its own: an imperative
/// ("Sign up to read this article", "Download the app") or a question then an
/// imperative ("Already a member? Sign in here").
fn is_strong_footer_line(p: &str) -> bool {
    if word_count(p) > 12 {
        return false;
    }
    if starts_with_cta_verb(p) {
        return true;
    }
    p.split_once('?')
        .is_some_and(|(_, after)| starts_with_cta_verb(after.trim_start()))
}

/// Where the trailing footer block starts, if the text ends with one.
///
/// Looks at the run of short, quote-free lines at the end; the block starts at
/// the first line there that can open a footer, and everything from there on goes as
/// long as at least half of it is furniture. A single line must be a clear call
/// to action. The first paragraph is never treated as footer.
fn footer_start(paragraphs: &[String]) -> Option<usize> {
    let n = paragraphs.len();
    let mut run_start = n;
    while run_start > 0 {
        match paragraphs.get(run_start - 1) {
            Some(p) if is_short_fragment(p) => run_start -= 1,
            _ => break,
        }
    }
    let start =
        (run_start.max(1)..n).find(|&i| paragraphs.get(i).is_some_and(|p| is_footer_starter(p)))?;
    let tail = paragraphs.get(start..)?;
    let hits = tail.iter().filter(|p| is_footer_line(p)).count();
    let first_is_strong = tail.first().is_some_and(|p| is_strong_footer_line(p));
    (hits * 2 >= tail.len() && (tail.len() >= 2 || first_is_strong)).then_some(start)
}

// ---------------------------------------------------------------------------
// Copyright footer.

const LEGAL_SUFFIXES: &[&str] = &[
    "limited",
    "ltd",
    "inc",
    "llc",
    "llp",
    "plc",
    "corp",
    "corporation",
    "co",
    "gmbh",
    "sa",
    "ag",
    "pty",
];

/// "– Copyright The Financial Times Limited 2025", "© 2025 Some Outlet Ltd",
/// "Copyright 2024 Outlet. All rights reserved." at the end of `p` (or as all of
/// it). Returns the paragraph without it (possibly empty) and the holder's name
/// without years and legal suffixes.
pub(crate) fn strip_copyright(p: &str) -> Option<(String, Option<String>)> {
    let at = copyright_marker(p)?;
    let before = p[..at].trim_end();
    let before_trimmed = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | '|' | '·'));
    let had_separator = before_trimmed.len() < before.len();
    // Mid-sentence "the Copyright Office" is prose, not a footer.
    if !before_trimmed.is_empty() && !had_separator && !ends_sentence(before_trimmed) {
        return None;
    }

    let tail = &p[at..];
    // ASCII lowercasing keeps byte offsets, so `rights` indexes `tail` too.
    let rights = tail.to_ascii_lowercase().find("all rights reserved");
    let notice = rights.and_then(|i| tail.get(..i)).unwrap_or(tail);
    if word_count(notice) > 12 || has_double_quote(notice) {
        return None;
    }

    let mut has_year = false;
    let mut has_symbol = false;
    let mut has_suffix = false;
    let mut name: Vec<&str> = Vec::new();
    for word in notice.split_whitespace() {
        let bare = bare_lower(word);
        if bare == "copyright" || word == "©" || (bare == "c" && word.starts_with('(')) {
            has_symbol |= word.contains('©') || word.starts_with('(');
            continue;
        }
        if let Some(rest) = word.strip_prefix('©') {
            has_symbol = true;
            if rest.is_empty() {
                continue;
            }
        }
        if is_year_token(word) {
            has_year = true;
            continue;
        }
        if LEGAL_SUFFIXES.contains(&bare.replace('.', "").as_str()) {
            has_suffix = true;
            continue;
        }
        name.push(word.trim_start_matches('©'));
    }
    if !(has_year || has_symbol || has_suffix || rights.is_some() || had_separator) {
        return None;
    }
    let holder = name
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '-' | '–'))
        .to_string();
    if word_count(&holder) > 8 {
        return None;
    }
    let outlet =
        (!holder.is_empty() && !holder.chars().all(|c| !c.is_alphabetic())).then_some(holder);
    Some((before_trimmed.to_string(), outlet))
}

/// Byte index of the last "Copyright"/"©"/"(c) 2024" that opens a word.
fn copyright_marker(p: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut consider = |i: usize| {
        let word_start = match p[..i].chars().next_back() {
            None => true,
            Some(c) => c.is_whitespace() || matches!(c, '–' | '—'),
        };
        if word_start {
            best = best.max(Some(i));
        }
    };
    for pat in ["Copyright", "COPYRIGHT", "©", "(c) ", "(C) "] {
        for (i, _) in p.match_indices(pat) {
            // "Copyright" must open a notice, not a word like "Copyrighted".
            let after = p[i + pat.len()..].chars().next();
            if pat.ends_with('t') || pat.ends_with('T') {
                if after.is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
            } else if pat.starts_with('(')
                && !p[i + pat.len()..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            consider(i);
        }
    }
    best
}

/// "2025", "2010-2025", "2025,", "2025."
fn is_year_token(word: &str) -> bool {
    let core = word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | '(' | ')'));
    !core.is_empty()
        && core
            .split(['-', '–'])
            .all(|part| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()))
}

// ---------------------------------------------------------------------------
// Dateline.

/// "WASHINGTON (Reuters) - text", "(AP) — text", "LONDON, May 3 (Reuters) -":
/// returns the text after the dateline and the agency in the parentheses.
/// Datelines without an agency ("WASHINGTON --") are left alone: they name no
/// outlet and removing them gains nothing.
pub(crate) fn strip_dateline(p: &str) -> Option<(String, String)> {
    let open = p.find('(')?;
    if open > 80 {
        return None;
    }
    let place = p[..open].trim();
    if !place.is_empty() {
        let first = place.split_whitespace().next()?;
        let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2
            || letters.iter().any(|c| !c.is_uppercase())
            || word_count(place) > 8
            || ends_sentence(place)
            || has_double_quote(place)
        {
            return None;
        }
    }
    let close_rel = p[open..].find(')')?;
    let inner = p[open + 1..open + close_rel].trim();
    if !(1..=4).contains(&word_count(inner))
        || !starts_upper(inner)
        || inner.len() > 40
        || inner.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let after = p[open + close_rel + 1..].trim_start();
    let rest = ["--", "—", "–", "-"]
        .iter()
        .find_map(|sep| after.strip_prefix(sep))?
        .trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((rest.to_string(), inner.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_variants() {
        let (rest, outlet) =
            strip_copyright("It ended. – Copyright The Daily Planet Limited 2025").unwrap();
        assert_eq!(rest, "It ended.");
        assert_eq!(outlet.as_deref(), Some("The Daily Planet"));
        let (rest, outlet) = strip_copyright("© 2025 Harbour Post Ltd").unwrap();
        assert_eq!(rest, "");
        assert_eq!(outlet.as_deref(), Some("Harbour Post"));
        let (_, outlet) =
            strip_copyright("Copyright 2024 Valley Gazette. All rights reserved.").unwrap();
        assert_eq!(outlet.as_deref(), Some("Valley Gazette"));
        assert!(strip_copyright("He wrote to the Copyright Office last year.").is_none());
        assert!(strip_copyright("The firm copyrighted the logo.").is_none());
    }

    #[test]
    fn datelines() {
        assert_eq!(
            strip_dateline("OSLO (Reuters) - The fjord froze."),
            Some(("The fjord froze.".into(), "Reuters".into()))
        );
        assert_eq!(
            strip_dateline("LIMA, Peru, May 3 (AP) — Rain fell."),
            Some(("Rain fell.".into(), "AP".into()))
        );
        assert!(strip_dateline("The senator (D-Ore.) - said no.").is_none());
        assert!(strip_dateline("WASHINGTON -- The vote failed.").is_none());
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "The mayor opens the new bridge on Sunday (Harbour Council)"
        ));
        assert!(is_caption("(Getty Images)"));
        assert!(is_caption(
            "Crowds at the pier. Photograph: Jane Roe/Agency"
        ));
        assert!(!is_caption(
            "The bill was sponsored by Sen. Ann Fox (D-Ore)"
        ));
        assert!(!is_caption("The ministry said it would respond (Friday)."));
        assert!(!is_caption(
            "“We are ready,” she said at the pier (Reuters)"
        ));
    }
}
