//! Finding quoted spans: which characters open and close a quotation, told apart
//! from apostrophes, inch marks and nested quotes, across paragraphs.

/// A quoted span in the body. `parts` are the quoted text ranges without the
/// marks: one per paragraph for a quotation that runs over several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuotedSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (the end of the last paragraph
    /// when the quotation is never closed).
    pub close: usize,
    pub parts: Vec<(usize, usize)>,
    /// Whether a closing mark was found.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// The closing characters that answer an opening one.
fn closers(open: char) -> &'static [char] {
    match open {
        // “…,“: some outlets close with an opening mark after the text.
        '“' => &['”', '"', '“'],
        // A closing mark used to open (”Text…”), as some outlets print it.
        '”' => &['”', '"', '“'],
        '"' => &['"', '”'],
        '„' => &['“', '”', '"'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’', '\''],
        '\'' => &['\'', '’'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

fn family(c: char) -> Option<Family> {
    match c {
        '“' | '”' | '"' | '„' | '«' | '»' => Some(Family::Double),
        '‘' | '’' | '\'' | '‚' => Some(Family::Single),
        _ => None,
    }
}

fn is_opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '—' | '–' | '―' | '-' | '/' | ':' | '“' | '"' | '‘'
                )
        }
    }
}

fn is_closing_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => !n.is_alphanumeric(),
    }
}

/// Whether a double-quote character at this place can open a quotation.
fn can_open_double(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let followed_by_text = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '“' | '„' | '«' => followed_by_text,
        '”' => {
            is_opening_context(prev)
                && next.is_some_and(|n| n.is_alphanumeric() || n == ' ' || n == '…')
        }
        // » opens only in the reversed style (»…«); a closing » follows text.
        '»' => followed_by_text && is_opening_context(prev),
        '"' => {
            followed_by_text
                && (is_opening_context(prev) || !prev.is_some_and(char::is_alphanumeric))
        }
        _ => false,
    }
}

/// Whether a single-quote character at this place can open a quotation: it must
/// stand where a word starts and not be an elision ('90s, 'em, 'til).
fn can_open_single(text: &str, at: usize, c: char, prev: Option<char>) -> bool {
    if !matches!(c, '‘' | '\'' | '‚') || !is_opening_context(prev) {
        return false;
    }
    let rest = &text[at + c.len_utf8()..];
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_ascii_digit() {
        return false; // '90s
    }
    if !(first.is_alphanumeric() || matches!(first, '.' | '…' | '[' | '(' | '“' | '"')) {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|ch| ch.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    !matches!(
        word.as_str(),
        "em" | "til" | "tis" | "twas" | "cause" | "n" | "bout" | "round"
    )
}

/// Whether a single-quote character closes: after text, before a non-letter.
/// Between letters it is an apostrophe (Ukraine’s, I’ll).
fn can_close_single(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next)
}

struct Open {
    mark: char,
    family: Family,
    /// Where the quoted text of the current part starts.
    content_start: usize,
    open: usize,
    parts: Vec<(usize, usize)>,
    /// The curly quotations closed inside a straight-marked one in its
    /// current paragraph: open, content start, content end, close.
    inner: Vec<(usize, usize, usize, usize)>,
}

/// Quoted spans read from one body at most. News articles hold a few dozen
/// quotations (79 at most in the corpora we measured); a body with
/// thousands is a file of stray marks or a dump, and each span costs a
/// document in the index, so the rest of such a body is passed over.
pub(crate) const MAX_QUOTED_SPANS: usize = 10_000;

/// Find every top-level quoted span in `body`. Paragraphs are lines; a
/// quotation left open at the end of a paragraph continues when the next
/// paragraph opens with the same kind of mark.
pub(crate) fn find_quoted_spans(body: &str) -> Vec<QuotedSpan> {
    let dialogue = super::lexicon::active().settings.dialogue_dash;
    let mut spans = Vec::new();
    let mut pending: Option<Open> = None;
    let mut line_start = 0;
    while line_start <= body.len() {
        let line_end = body[line_start..]
            .find('\n')
            .map_or(body.len(), |i| line_start + i);
        let line = &body[line_start..line_end];
        if dialogue && opens_with_dialogue_dash(line) {
            if let Some(open) = pending.take() {
                finish_unclosed(body, open, &mut spans);
            }
            dialogue_spans(body, line_start, line_end, &mut spans);
        } else if !line.trim().is_empty() {
            pending = scan_line(body, line_start, line_end, pending, &mut spans);
        }
        if line_end == body.len() || spans.len() >= MAX_QUOTED_SPANS {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(open) = pending {
        finish_unclosed(body, open, &mut spans);
    }
    spans.truncate(MAX_QUOTED_SPANS);
    spans
}

/// The dashes that open and close a quotation in dialogue style.
fn is_dialogue_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// "— Мы не закроем порт, — сказал мэр.": a paragraph opened by a dash and
/// a space, in a language that sets quotations so (`dialogue-dash`), and
/// holding no quote mark of its own.
fn opens_with_dialogue_dash(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    chars.next().is_some_and(is_dialogue_dash)
        && chars.next().is_some_and(char::is_whitespace)
        && !line.contains(['«', '»', '„', '“', '”', '"'])
}

/// The quotations of a dialogue paragraph: from the opening dash to a
/// dash after a comma or a stop (", — сказал он"), which closes it with
/// the reporting clause after it; the reporting clause may end on a stop
/// and a dash that opens the quotation's next part ("— добавила она. —
/// Сезон был трудным."). What the last dash opens runs to the paragraph's end.
fn dialogue_spans(body: &str, line_start: usize, line_end: usize, spans: &mut Vec<QuotedSpan>) {
    let line = &body[line_start..line_end];
    // Each dash that stands between spaces, with its offset in the body.
    let dashes: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| {
            is_dialogue_dash(c)
                && line[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
                && line[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| line_start + i)
        .collect();
    let after_dash = |at: usize| {
        let rest = &body[at..line_end];
        let dash_len = rest.chars().next().map_or(0, char::len_utf8);
        at + dash_len + (rest[dash_len..].len() - rest[dash_len..].trim_start().len())
    };
    // A dash closes what is open when punctuation ends the words before it.
    let closes = |at: usize| {
        body[line_start..at]
            .trim_end()
            .ends_with([',', '.', '!', '?', '…'])
    };
    let mut k = 0;
    while k < dashes.len() && spans.len() < MAX_QUOTED_SPANS {
        let open = dashes[k];
        let content_start = after_dash(open);
        let close_at = dashes[k + 1..].iter().copied().find(|&d| closes(d));
        let (content_end, close) = match close_at {
            Some(d) => (body[..d].trim_end().len(), after_dash(d)),
            None => (line_end, line_end),
        };
        if content_start < content_end {
            spans.push(QuotedSpan {
                open,
                close,
                parts: vec![(content_start, content_end)],
                closed: true,
            });
        }
        let Some(d) = close_at else {
            break;
        };
        // The next part opens at the first dash after the reporting clause
        // that follows a stop.
        k = match dashes.iter().position(|&x| x > d && closes(x)) {
            Some(next) => next,
            None => break,
        };
    }
}

/// Scan one paragraph; returns the quotation still open at its end, if the
/// next paragraph may continue it.
fn scan_line(
    body: &str,
    line_start: usize,
    line_end: usize,
    mut pending: Option<Open>,
    spans: &mut Vec<QuotedSpan>,
) -> Option<Open> {
    let line = &body[line_start..line_end];
    let first_text = line_start + (line.len() - line.trim_start().len());
    // A pending quotation continues only if this paragraph reopens it.
    if let Some(open) = pending.take() {
        let first = body[first_text..].chars().next();
        // A paragraph opened with a straight mark, holding a curly quotation
        // and left open, is an excerpt set off by the straight mark: a curly
        // mark after it opens a quotation of its own.
        let excerpt = open.mark == '"' && !open.inner.is_empty() && first == Some('“');
        let reopened = !excerpt
            && first.is_some_and(|c| family(c) == Some(open.family) && c != '”' && c != '’');
        if reopened {
            let mark_len = if body[first_text..].starts_with("''") {
                2
            } else {
                body[first_text..].chars().next().map_or(1, char::len_utf8)
            };
            pending = Some(Open {
                content_start: first_text + mark_len,
                inner: Vec::new(),
                ..open
            });
        } else {
            finish_unclosed(body, open, spans);
        }
    }
    // The nested quotation open inside the current one: its mark, where it
    // opens and where its text starts.
    let mut nested: Option<(char, usize, usize)> = None;
    let mut single_closers = LastSingleCloser::default();
    // Only quote marks act, so the scan jumps from one to the next. `last` is
    // where the previous mark read ended and what it was read as: the `prev` of
    // a mark right after it (two apostrophes read as one " are no ' to it).
    let mut last: Option<(usize, char)> = None;
    let mut pos = line_start;
    // Past the reopening mark of a continued quotation.
    let resume_at = pending.as_ref().map_or(line_start, |o| o.content_start);
    while let Some(at) = next_candidate(body.as_bytes(), pos, line_end) {
        let Some(mut c) = body[at..line_end].chars().next() else {
            break;
        };
        let mut after = at + c.len_utf8();
        pos = after;
        if family(c).is_none() {
            continue; // another character with the same lead byte ("—", "…")
        }
        let prev = match last {
            Some((end, read_as)) if end == at => Some(read_as),
            _ => body[line_start..at].chars().next_back(),
        };
        let mut next = body[after..line_end].chars().next();
        // Two apostrophes are one double quote mark (''Like this,'' some papers print).
        // In ''' the first apostrophe closes a nested single quote ('old-school,''').
        if c == '\'' && next == Some('\'') && !body[at..line_end].starts_with("'''") {
            after += 1;
            c = '"';
            next = body[after..line_end].chars().next();
        }
        // « … »: French sets guillemets off with a space inside (plain,
        // no-break or narrow no-break); what follows the space decides.
        if c == '«' && next.is_some_and(|n| matches!(n, ' ' | '\u{a0}' | '\u{202f}')) {
            next = body[after..line_end].chars().nth(1);
        }
        pos = after;
        last = Some((after, c));
        if at < resume_at {
            continue;
        }
        match pending.as_mut() {
            Some(open) => {
                if let Some((inner, inner_open, inner_start)) = nested {
                    if closers(inner).contains(&c) && is_closing_context(next) {
                        nested = None;
                        if open.mark == '"' && inner == '“' && c == '”' {
                            open.inner.push((inner_open, inner_start, at, after));
                        }
                    }
                } else if closers(open.mark).contains(&c)
                    && (open.family == Family::Double || can_close_single(prev, next))
                    && (c != '"'
                        || !next.is_some_and(char::is_alphanumeric)
                        || prev.is_some_and(|p| !p.is_whitespace()))
                    && (c != '“'
                        || open.mark != '“'
                        || (prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next)))
                {
                    open.parts.push((open.content_start, at));
                    spans.push(QuotedSpan {
                        open: open.open,
                        close: after,
                        parts: std::mem::take(&mut open.parts),
                        closed: true,
                    });
                    pending = None;
                    if spans.len() >= MAX_QUOTED_SPANS {
                        return None;
                    }
                } else if open.family == Family::Double
                    && c != open.mark
                    && can_open_double(c, prev, next)
                {
                    // A quotation inside a quotation (“… an episode of "Shark Tank" …”).
                    nested = Some((c, at, after));
                }
            }
            None => {
                // "“…,” she said." — a straight mark before a curly one at the
                // head of a paragraph wraps an excerpt pasted whole; the
                // quotation is the curly one inside it.
                let wrapper = c == '"' && next == Some('“') && at == first_text;
                let opens = match family(c) {
                    Some(Family::Double) => !wrapper && can_open_double(c, prev, next),
                    Some(Family::Single) => {
                        can_open_single(body, at, c, prev)
                            && single_closers.follows(line, at - line_start, c)
                    }
                    None => false,
                };
                if opens {
                    let f = if family(c) == Some(Family::Double) {
                        Family::Double
                    } else {
                        Family::Single
                    };
                    pending = Some(Open {
                        mark: c,
                        family: f,
                        content_start: after,
                        open: at,
                        parts: Vec::new(),
                        inner: Vec::new(),
                    });
                }
            }
        }
    }
    if let Some(open) = pending.as_mut() {
        open.parts.push((open.content_start, line_end));
    }
    pending
}

/// The offset of the next byte in `pos..end` that can start a quote mark:
/// " and ' themselves, or the lead byte of “ ” ‘ ’ „ ‚ (0xE2) or « » (0xC2).
/// Both lead bytes start other characters too; the caller tells them apart.
fn next_candidate(bytes: &[u8], pos: usize, end: usize) -> Option<usize> {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let is_candidate = |b: u8| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2);
    let hay = bytes.get(pos..end)?;
    // Eight bytes at a time: most hold no quote mark and, in English, no
    // byte of a character beyond ASCII (whose lead byte may be one). Those
    // that do are read byte by byte.
    let mut from = 0;
    while let Some(chunk) = hay.get(from..from + 8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        if (word & HIGHS) | has_byte(word, b'"') | has_byte(word, b'\'') != 0 {
            if let Some(i) = chunk.iter().position(|&b| is_candidate(b)) {
                return Some(pos + from + i);
            }
        }
        from += 8;
    }
    hay[from..]
        .iter()
        .position(|&b| is_candidate(b))
        .map(|i| pos + from + i)
}

/// Non-zero when one of the eight bytes of `word` is `byte` (the classic
/// zero-byte test on `word ^ byte×8`; exact as to whether there is one).
fn has_byte(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Where the last mark that can close a single quotation sits in a
/// paragraph, per kind of opening mark, found once per paragraph: asking
/// for each opening mark whether a closer follows it would read the rest
/// of the paragraph each time (quadratic in a paragraph of stray marks).
#[derive(Default)]
struct LastSingleCloser {
    /// For ‘ and ' (their closers are the same), then for ‚; `None` until asked.
    by_kind: [Option<Option<usize>>; 2],
}

impl LastSingleCloser {
    /// Whether a mark that can close a single quotation opened at byte
    /// `rel` of the paragraph follows it there (not right after it): a
    /// single opening mark counts only then.
    fn follows(&mut self, line: &str, rel: usize, open: char) -> bool {
        let kind = usize::from(open == '‚');
        let last = *self.by_kind[kind].get_or_insert_with(|| {
            let closers = closers(open);
            let mut last = None;
            let mut prev: Option<char> = None;
            let mut chars = line.char_indices().peekable();
            while let Some((at, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                if closers.contains(&c) && can_close_single(prev, next) {
                    last = Some(at);
                }
                prev = Some(c);
            }
            last
        });
        // The character right after the opening mark cannot close it.
        let first_after = rel + open.len_utf8();
        last.is_some_and(|at| at > first_after)
    }
}

/// A quotation never closed: keep it when it is plainly prose (several words),
/// drop a stray mark (an inch sign, a typo).
fn finish_unclosed(body: &str, mut open: Open, spans: &mut Vec<QuotedSpan>) {
    if open.family == Family::Single {
        return;
    }
    // "Trump walked on, chanting “U-S-A!” ¶ “…”: the straight mark only sets
    // off a pasted excerpt (see `scan_line`); the curly quotations in its
    // last paragraph are the quotations there.
    if open.mark == '"' && !open.inner.is_empty() {
        open.parts.pop();
        let inner = std::mem::take(&mut open.inner);
        if !open.parts.is_empty() {
            finish_unclosed(body, open, spans);
        }
        spans.extend(inner.into_iter().map(|(o, s, e, c)| QuotedSpan {
            open: o,
            close: c,
            parts: vec![(s, e)],
            closed: true,
        }));
        return;
    }
    // "…what papers to keep, said Kessler, whose group…": the closing mark was
    // left out before an inverted reporting clause; the quotation ends there.
    if let Some(last) = open.parts.last_mut() {
        let text = &body[last.0..last.1];
        let cut = [", said ", ", says "].iter().find_map(|clause| {
            text.match_indices(clause)
                .find(|&(i, c)| text[i + c.len()..].starts_with(|ch: char| ch.is_uppercase()))
                .map(|(i, _)| i)
        });
        if let Some(i) = cut {
            last.1 = last.0 + i;
        }
    }
    let words: usize = open
        .parts
        .iter()
        .map(|&(s, e)| body[s..e].split_whitespace().count())
        .sum();
    if words >= 3 {
        let close = open.parts.last().map_or(open.content_start, |&(_, e)| e);
        spans.push(QuotedSpan {
            open: open.open,
            close,
            parts: std::mem::take(&mut open.parts),
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_candidate_is_the_first_mark_or_lead_byte() {
        let pieces = [
            "a", "\"", "'", "é", "—", "“", "«", "£", "ж", "\n", "  ", "xyzxyzxy",
        ];
        // Every piece at every offset of a line of plain letters.
        for piece in pieces {
            for at in 0..24 {
                let body = format!("{}{piece}{}", "w".repeat(at), "v".repeat(20));
                let bytes = body.as_bytes();
                for pos in 0..=body.len() {
                    let want =
                        (pos..body.len()).find(|&i| matches!(bytes[i], b'"' | b'\'' | 0xE2 | 0xC2));
                    assert_eq!(
                        next_candidate(bytes, pos, body.len()),
                        want,
                        "{body:?} from {pos}"
                    );
                }
            }
        }
    }

    fn texts(body: &str) -> Vec<String> {
        find_quoted_spans(body)
            .iter()
            .map(|s| {
                s.parts
                    .iter()
                    .map(|&(a, b)| &body[a..b])
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            texts("He said “yes, now” and \"no, later\"."),
            ["yes, now", "no, later"]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert_eq!(
            texts("Ukraine’s army said it’ll hold. ‘We stay,’ she said."),
            ["We stay,"]
        );
        assert_eq!(
            texts("The parties' views differ and it's the '90s."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn doubled_apostrophes_and_a_closing_mark_used_to_open() {
        assert_eq!(
            texts("''Not now,'' she said. ”Later then,” he said."),
            ["Not now,", "Later then,"]
        );
    }

    #[test]
    fn guillemets_with_spaces_inside() {
        for space in [" ", "\u{a0}", "\u{202f}"] {
            let body =
                format!("«{space}Nous restons{space}», a-t-elle dit. «{space}Non{space}!{space}»");
            let found = texts(&body);
            let trimmed: Vec<&str> = found.iter().map(|t| t.trim()).collect();
            let exclaimed = format!("Non{space}!");
            assert_eq!(trimmed, ["Nous restons", exclaimed.as_str()], "{space:?}");
        }
    }

    #[test]
    fn guillemets_and_low_nine() {
        assert_eq!(
            texts("Er sagte „nein danke“ und «jamais de la vie»."),
            ["nein danke", "jamais de la vie"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_quotation() {
        assert_eq!(
            texts("“We watched ‘Harbour Lights’ twice,” she said."),
            ["We watched ‘Harbour Lights’ twice,"]
        );
    }

    #[test]
    fn a_quotation_running_over_paragraphs_is_one() {
        let body = "“First part of it.\n\n“Second part.” he said.";
        assert_eq!(texts(body), ["First part of it. | Second part."]);
    }

    #[test]
    fn an_unclosed_paragraph_not_reopened_ends_at_the_paragraph() {
        let body = "He said: “we will be there on time\n\nNext paragraph.";
        let spans = find_quoted_spans(body);
        assert_eq!(spans.len(), 1);
        assert!(!spans[0].closed);
    }
}
