//! Query string → [`Expr`] tree.
//!
//! The language is a search box's:
//!
//! * Words separated by whitespace are all required: `red line` is
//!   `And[red, line]`; a single term is not wrapped. `AND` (uppercase) is an
//!   explicit, optional conjunction.
//! * `OR` (uppercase) binds looser than the conjunction: `a b OR c` is
//!   `Or[And[a, b], c]`. Nested `And`s and `Or`s of the same kind are
//!   flattened. Lowercase `and`/`or`/`not` are plain words.
//! * `"a phrase"`, `“a phrase”`, `„a phrase“`, `«a phrase»` (also `”…”` and
//!   `»…«`) are phrases; the text is the inner text as written. `""` alone is
//!   the empty query ([`Expr::All`]); anywhere else an empty phrase is an error.
//! * `-x` and `NOT x` exclude `x`, which for `-` must follow with no space: a
//!   word, phrase, filter or group. A `-` inside a word (`well-known`, `1-0`)
//!   belongs to the word.
//! * `( … )` groups, at most 32 deep.
//! * `speaker:NAME`, `outlet:NAME` with NAME a word, a quoted name, or a group
//!   of names joined by `OR` and `AND` (`speaker:(putin OR peskov)`); two names
//!   side by side in such a group are an error, since `speaker:(vladimir putin)`
//!   more likely means one name than both. `after:DATE`, `before:DATE` with
//!   DATE `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month and day may have one digit).
//!   Field names are case-insensitive; any other `word:` (letters and `_`
//!   before the colon) is an unknown field, so text like that must be quoted.
//!
//! A word runs up to whitespace, a parenthesis or an opening quote (`"`, `“`,
//! `„`, `«`), so `foo"bar"` is a word and a phrase, and `f(x)` is `f` and a
//! group. Spans are byte ranges of the original query and cover a token's
//! quotes and `field:` prefix; a name inside `speaker:( … )` spans just the
//! name (with its quotes).

use crate::ast::{DateBound, Expr, FilterField, PartialDate, Span};
use newsq_core::quote::StatementKind;

/// The longest query accepted, in bytes.
const MAX_LEN: usize = 10_000;

/// The deepest nesting of groups accepted, `speaker:( … )` groups included.
const MAX_DEPTH: usize = 32;

/// The most terms (words, phrases, names, dates) a query may have: each
/// becomes at least one scorer over the whole index, and a thousand of them
/// take seconds at a million articles.
const MAX_TERMS: usize = 128;

/// A query that cannot be parsed, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at column {column})")]
#[non_exhaustive]
pub struct ParseError {
    /// Byte offset of the problem in the query (always a char boundary, at
    /// most the query's length).
    pub position: usize,
    /// 1-based character column of the problem.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl ParseError {
    pub(crate) fn at(query: &str, position: usize, message: impl Into<String>) -> Self {
        let position = floor_boundary(query, position);
        let column = query.get(..position).map_or(0, |s| s.chars().count()) + 1;
        ParseError {
            position,
            column,
            message: message.into(),
        }
    }

    /// The query on one line and a caret under the problem, for terminals:
    ///
    /// ```text
    /// speaker:(
    ///          ^ expected a name after 'speaker:'
    /// ```
    ///
    /// Line breaks, tabs and other control characters in the query are shown
    /// as spaces so that the caret stays under its column (characters drawn
    /// wider or narrower than one cell can still shift it).
    pub fn render(&self, query: &str) -> String {
        let one_line = |text: &str| -> String {
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        };
        let line = one_line(query);
        let width = line.chars().count() + 1;
        let pad = " ".repeat(self.column.clamp(1, width) - 1);
        // The message may quote the query, newlines and all.
        format!("{line}\n{pad}^ {}", one_line(&self.message))
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `s[a..b]`, or `""` if that is not a slice of `s` (never for the offsets the
/// lexer computes, which all come from char boundaries).
fn slice(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

/// Parse a query.
///
/// The empty query (or only whitespace, or `""`) is [`Expr::All`]. Errors
/// point at the problem: see [`ParseError::render`]. Runs in time linear in
/// the query, which may be at most 10,000 bytes with at most 128 terms
/// (words, phrases, names, dates) nested at most 32 groups deep, and never
/// panics.
pub fn parse(query: &str) -> Result<Expr, ParseError> {
    if query.len() > MAX_LEN {
        return Err(ParseError::at(
            query,
            MAX_LEN,
            format!(
                "query too long ({} bytes; the limit is {MAX_LEN})",
                query.len()
            ),
        ));
    }
    let tokens = match Lexer::new(query).run()? {
        Lexed::All => return Ok(Expr::All),
        Lexed::Tokens(tokens) if tokens.is_empty() => return Ok(Expr::All),
        Lexed::Tokens(tokens) => tokens,
    };
    let mut terms = tokens.iter().filter(|t| {
        matches!(
            t.tok,
            Tok::Word(_) | Tok::Phrase(_) | Tok::Name(..) | Tok::Date(..)
        )
    });
    if let Some(first_too_many) = terms.nth(MAX_TERMS) {
        return Err(ParseError::at(
            query,
            first_too_many.span.start,
            format!(
                "too many terms ({}; the limit is {MAX_TERMS}): search for fewer words",
                MAX_TERMS + 1 + terms.count()
            ),
        ));
    }
    let mut parser = Parser {
        query,
        tokens,
        next: 0,
    };
    let expr = parser.parse_or(0)?;
    // parse_or stops only at the end or at a ')' it has no group for.
    if let Some(token) = parser.peek() {
        return Err(parser.unmatched_close(token.span.start));
    }
    Ok(expr)
}

// ---------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String),
    /// `speaker:NAME`, `outlet:NAME` with the name given.
    Name(FilterField, String),
    /// `after:DATE`, `before:DATE`.
    Date(DateBound, PartialDate),
    /// `kind:direct`, `kind:reported`.
    Kind(StatementKind),
    /// `speaker:(`: names follow up to the matching `)`. The span ends after
    /// the `(`.
    NameGroup(FilterField),
    Or,
    And,
    Not,
    /// A `-` directly before a term.
    Minus,
    Open,
    Close,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Span,
}

enum Lexed {
    /// The whole query is an empty phrase.
    All,
    Tokens(Vec<Token>),
}

/// Quotes that open a phrase where a token starts.
fn opens_at_start(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '”' | '»')
}

/// Characters that end a word: `”` and `»` open a phrase only at the start of
/// a token and are otherwise part of a word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '„' | '«')
}

/// The quotes that close a phrase opened by `open`, the usual one first.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"', '“'],
        '„' => &['“', '”', '"'],
        '«' => &['»'],
        '”' => &['”', '"'],
        '»' => &['«', '»'],
        _ => &['"', '”'],
    }
}

fn field_label(field: FilterField) -> &'static str {
    match field {
        FilterField::Speaker => "speaker:",
        FilterField::Outlet => "outlet:",
    }
}

fn bound_label(bound: DateBound) -> &'static str {
    match bound {
        DateBound::Since => "after:",
        DateBound::Before => "before:",
        DateBound::Until => "until:",
    }
}

#[derive(Clone, Copy)]
enum FieldKind {
    Name(FilterField),
    Date(DateBound),
    Kind,
}

impl FieldKind {
    fn label(&self) -> &'static str {
        match self {
            FieldKind::Name(f) => field_label(*f),
            FieldKind::Date(b) => bound_label(*b),
            FieldKind::Kind => "kind:",
        }
    }
}

const KIND_FORMS: &str = "kinds are direct (quotations) and reported";

/// A `kind:` value: "direct" (or "quotation"), "reported".
pub(crate) fn parse_kind(value: &str) -> Option<StatementKind> {
    match value.to_ascii_lowercase().as_str() {
        "direct" | "quotation" | "quotations" | "quote" | "quotes" => {
            Some(StatementKind::Quotation)
        }
        "reported" | "indirect" => Some(StatementKind::Reported),
        _ => None,
    }
}

const DATE_FORMS: &str = "dates are YYYY, YYYY-MM or YYYY-MM-DD";

struct Lexer<'a> {
    query: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Lexer<'a> {
    fn new(query: &'a str) -> Self {
        Lexer {
            query,
            tokens: Vec::new(),
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.query.get(i..).and_then(|s| s.chars().next())
    }

    fn err(&self, position: usize, message: impl Into<String>) -> ParseError {
        ParseError::at(self.query, position, message)
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        self.tokens.push(Token {
            tok,
            span: Span { start, end },
        });
    }

    /// The end of the run of word characters from `i`.
    fn word_end(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if ends_word(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    fn run(mut self) -> Result<Lexed, ParseError> {
        let mut i = 0;
        while let Some(c) = self.char_at(i) {
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            i = match c {
                '(' => {
                    self.push(Tok::Open, i, i + 1);
                    i + 1
                }
                ')' => {
                    self.push(Tok::Close, i, i + 1);
                    i + 1
                }
                '-' => self.minus(i)?,
                c if opens_at_start(c) => {
                    let (text, end) = self.quoted(i, c)?;
                    if text.trim().is_empty() {
                        let whole = slice(self.query, 0, i).trim().is_empty()
                            && slice(self.query, end, self.query.len()).trim().is_empty();
                        if whole {
                            return Ok(Lexed::All);
                        }
                        return Err(self.err(
                            i,
                            "empty phrase: put words between the quotes or remove them",
                        ));
                    }
                    self.push(Tok::Phrase(text.to_string()), i, end);
                    end
                }
                _ => self.word_or_field(i)?,
            };
        }
        Ok(Lexed::Tokens(self.tokens))
    }

    /// A `-` where a token starts: it must come right before a term.
    fn minus(&mut self, i: usize) -> Result<usize, ParseError> {
        match self.char_at(i + 1) {
            None | Some(')') => Err(self.lone_minus(i)),
            Some(c) if c.is_whitespace() => Err(self.lone_minus(i)),
            Some('-') => Err(self.err(
                i,
                "'--' is not an operator: put a single '-' right before what to exclude (-word)",
            )),
            Some(_) => {
                self.push(Tok::Minus, i, i + 1);
                Ok(i + 1)
            }
        }
    }

    fn lone_minus(&self, i: usize) -> ParseError {
        self.err(
            i,
            "a lone '-' excludes nothing: put it right before a word, phrase, filter or group \
             (-word, -\"a phrase\", -speaker:name, -(a OR b)) or remove it",
        )
    }

    /// The text inside the quotes opened by `open` at `i`, and the offset
    /// after the closing quote.
    fn quoted(&self, i: usize, open: char) -> Result<(&'a str, usize), ParseError> {
        let query = self.query;
        let start = i + open.len_utf8();
        let close = closers(open);
        let rest = query.get(start..).unwrap_or("");
        match rest.char_indices().find(|(_, c)| close.contains(c)) {
            Some((k, c)) => Ok((slice(query, start, start + k), start + k + c.len_utf8())),
            None => Err(self.err(
                i,
                format!(
                    "unclosed quote: add a closing {} or remove this one",
                    close.first().copied().unwrap_or('"')
                ),
            )),
        }
    }

    /// A word, a keyword, or a `field:` filter starting at `i`.
    fn word_or_field(&mut self, i: usize) -> Result<usize, ParseError> {
        let mut prefix_end = i;
        while let Some(c) = self.char_at(prefix_end) {
            if !(c.is_ascii_alphabetic() || c == '_') {
                break;
            }
            prefix_end += 1;
        }
        if prefix_end > i && self.char_at(prefix_end) == Some(':') {
            return self.field(i, prefix_end);
        }
        let end = self.word_end(i);
        let text = slice(self.query, i, end);
        let tok = match text {
            "OR" => Tok::Or,
            "AND" => Tok::And,
            "NOT" => Tok::Not,
            _ => Tok::Word(text.to_string()),
        };
        self.push(tok, i, end);
        Ok(end)
    }

    /// `field:VALUE` with the field's name at `i..colon`.
    fn field(&mut self, i: usize, colon: usize) -> Result<usize, ParseError> {
        let name = slice(self.query, i, colon);
        let kind = match name.to_ascii_lowercase().as_str() {
            "speaker" => FieldKind::Name(FilterField::Speaker),
            "outlet" => FieldKind::Name(FilterField::Outlet),
            "after" => FieldKind::Date(DateBound::Since),
            "before" => FieldKind::Date(DateBound::Before),
            "kind" => FieldKind::Kind,
            _ => {
                return Err(self.err(
                    i,
                    format!(
                    "unknown field '{name}'; fields are speaker:, outlet:, after:, before:, kind: \
                         — to search the text, put it in quotes"
                ),
                ))
            }
        };
        let v = colon + 1;
        let missing = |this: &Self| {
            let mut message = match &kind {
                FieldKind::Name(_) => format!("expected a name after '{}'", kind.label()),
                FieldKind::Date(_) => {
                    format!("expected a date after '{}': {DATE_FORMS}", kind.label())
                }
                FieldKind::Kind => format!("expected a kind after 'kind:': {KIND_FORMS}"),
            };
            let after = slice(this.query, v, this.query.len());
            if after.starts_with(char::is_whitespace) {
                let next = after.trim_start().chars().next();
                if next.is_some_and(|c| c != ')') {
                    message.push_str(" — remove the space after the colon");
                }
            }
            this.err(v, message)
        };
        let Some(c) = self.char_at(v) else {
            return Err(missing(self));
        };
        if c.is_whitespace() || c == ')' {
            return Err(missing(self));
        }
        if c == '(' {
            return match kind {
                FieldKind::Name(field) => {
                    self.push(Tok::NameGroup(field), i, v + 1);
                    Ok(v + 1)
                }
                FieldKind::Date(_) | FieldKind::Kind => Err(missing(self)),
            };
        }
        let (value, end) = if opens_at_start(c) {
            let (text, end) = self.quoted(v, c)?;
            if text.trim().is_empty() {
                return Err(match kind {
                    FieldKind::Name(_) => self.err(
                        v,
                        format!(
                            "empty name after '{}': put the name between the quotes",
                            kind.label()
                        ),
                    ),
                    FieldKind::Date(_) | FieldKind::Kind => missing(self),
                });
            }
            (text, end)
        } else {
            let end = self.word_end(v);
            (slice(self.query, v, end), end)
        };
        let tok = match kind {
            FieldKind::Name(field) => Tok::Name(field, value.to_string()),
            FieldKind::Date(bound) => {
                let date = parse_date(value).map_err(|why| {
                    self.err(
                        v,
                        format!(
                            "bad date '{value}'{why}; {DATE_FORMS} (e.g. {}2024-03-05)",
                            bound_label(bound)
                        ),
                    )
                })?;
                Tok::Date(bound, date)
            }
            FieldKind::Kind => Tok::Kind(parse_kind(value).ok_or_else(|| {
                self.err(
                    v,
                    format!("unknown kind '{value}'; {KIND_FORMS} (e.g. kind:reported)"),
                )
            })?),
        };
        self.push(tok, i, end);
        Ok(end)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month and day with one or two digits),
/// or why not, to follow the date in a message (empty when it is the form).
fn parse_date(s: &str) -> Result<PartialDate, String> {
    fn number(part: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        if digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    }
    let mut parts = s.split('-');
    let year = parts
        .next()
        .and_then(|p| number(p, 4..=4))
        .ok_or_else(String::new)?;
    let month = match parts.next() {
        None => None,
        Some(p) => Some(number(p, 1..=2).ok_or_else(String::new)?),
    };
    let day = match parts.next() {
        None => None,
        Some(p) => Some(number(p, 1..=2).ok_or_else(String::new)?),
    };
    if parts.next().is_some() {
        return Err(String::new());
    }
    // Four digits: fits an i32.
    let year = year as i32;
    let month = match month {
        None => None,
        Some(m) if (1..=12).contains(&m) => Some(m as u8),
        Some(m) => return Err(format!(": there is no month {m} (months are 1–12)")),
    };
    let day = match (month, day) {
        (Some(m), Some(d)) => {
            let last = days_in_month(year, m);
            if d == 0 || d > u32::from(last) {
                return Err(format!(
                    ": {} {year} has days 1–{last}",
                    MONTHS
                        .get(usize::from(m) - 1)
                        .copied()
                        .unwrap_or("that month")
                ));
            }
            Some(d as u8)
        }
        _ => None,
    };
    Ok(PartialDate { year, month, day })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------
// Parser
//
// or    := and ("OR" and)*
// and   := unary ("AND"? unary)*
// unary := "NOT" unary | "-" primary | primary
// primary := word | phrase | name | date | "(" or ")" | field"(" names ")"
// names := names_and ("OR" names_and)*
// names_and := name ("AND" name)*

struct Parser<'a> {
    query: &'a str,
    tokens: Vec<Token>,
    next: usize,
}

#[derive(Clone, Copy)]
enum Join {
    And,
    Or,
}

/// `parts` joined by `join`, with parts of the same kind spliced in and a
/// single part returned as is.
fn join(join: Join, parts: Vec<Expr>) -> Expr {
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        match (join, part) {
            (Join::And, Expr::And(inner)) | (Join::Or, Expr::Or(inner)) => out.extend(inner),
            (_, part) => out.push(part),
        }
    }
    if out.len() == 1 {
        if let Some(only) = out.pop() {
            return only;
        }
    }
    match join {
        Join::And => Expr::And(out),
        Join::Or => Expr::Or(out),
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn peek_tok(&self) -> Option<&Tok> {
        self.peek().map(|t| &t.tok)
    }

    /// The current token's start, or the end of the query.
    fn here(&self) -> usize {
        self.peek().map_or(self.query.len(), |t| t.span.start)
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        if token.is_some() {
            self.next += 1;
        }
        token
    }

    fn err(&self, position: usize, message: impl Into<String>) -> ParseError {
        ParseError::at(self.query, position, message)
    }

    /// True when the next token cannot start a term: the end, `)`, `OR`,
    /// `AND`.
    fn at_term_end(&self) -> bool {
        matches!(
            self.peek_tok(),
            None | Some(Tok::Close | Tok::Or | Tok::And)
        )
    }

    fn unmatched_close(&self, at: usize) -> ParseError {
        self.err(at, "unmatched ')': add a '(' before it or remove this one")
    }

    fn unclosed_open(&self, at: usize) -> ParseError {
        self.err(at, "unclosed '(': add a ')' or remove this one")
    }

    fn too_deep(&self, at: usize) -> ParseError {
        self.err(
            at,
            format!("groups nested too deeply (the limit is {MAX_DEPTH}): remove some parentheses"),
        )
    }

    fn parse_or(&mut self, depth: usize) -> Result<Expr, ParseError> {
        let mut parts = vec![self.parse_and(depth)?];
        while let Some(Tok::Or) = self.peek_tok() {
            let at = self.here();
            self.bump();
            if self.at_term_end() {
                return Err(self.err(at, "OR needs a term on each side"));
            }
            parts.push(self.parse_and(depth)?);
        }
        Ok(join(Join::Or, parts))
    }

    fn parse_and(&mut self, depth: usize) -> Result<Expr, ParseError> {
        let mut parts = vec![self.parse_unary(depth)?];
        loop {
            match self.peek_tok() {
                None | Some(Tok::Or | Tok::Close) => break,
                Some(Tok::And) => {
                    let at = self.here();
                    self.bump();
                    if self.at_term_end() {
                        return Err(self.err(at, "AND needs a term on each side"));
                    }
                }
                Some(_) => {}
            }
            parts.push(self.parse_unary(depth)?);
        }
        Ok(join(Join::And, parts))
    }

    fn parse_unary(&mut self, depth: usize) -> Result<Expr, ParseError> {
        // NOTs are counted, not recursed into: a long run of them is cheap.
        let mut nots = 0usize;
        while let Some(Tok::Not) = self.peek_tok() {
            let at = self.here();
            self.bump();
            if self.at_term_end() {
                return Err(self.err(at, "NOT needs a term after it"));
            }
            nots += 1;
        }
        let mut expr = if let Some(Tok::Minus) = self.peek_tok() {
            let at = self.here();
            self.bump();
            match self.peek_tok() {
                Some(kw @ (Tok::Or | Tok::And | Tok::Not)) => {
                    let kw = match kw {
                        Tok::Or => "OR",
                        Tok::And => "AND",
                        _ => "NOT",
                    };
                    return Err(self.err(
                        at,
                        format!(
                            "'-' before {kw}: to exclude the word, write -\"{kw}\"; \
                             otherwise remove the '-'"
                        ),
                    ));
                }
                _ => Expr::Not(Box::new(self.parse_primary(depth)?)),
            }
        } else {
            self.parse_primary(depth)?
        };
        for _ in 0..nots {
            expr = Expr::Not(Box::new(expr));
        }
        Ok(expr)
    }

    fn parse_primary(&mut self, depth: usize) -> Result<Expr, ParseError> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.err(
                self.query.len(),
                "expected a word, phrase, filter or group here",
            ));
        };
        let at = token.span.start;
        let span = token.span;
        let expr = match token.tok {
            Tok::Word(text) => Expr::Word { text, span },
            Tok::Phrase(text) => Expr::Phrase { text, span },
            Tok::Name(field, name) => Expr::Name { field, name, span },
            Tok::Date(bound, date) => Expr::Date { bound, date, span },
            Tok::Kind(kind) => Expr::Kind { kind, span },
            Tok::Open => {
                if depth >= MAX_DEPTH {
                    return Err(self.too_deep(at));
                }
                self.bump();
                match self.peek_tok() {
                    Some(Tok::Close) => {
                        return Err(self.err(at, "empty group '()': put terms inside or remove it"))
                    }
                    None => return Err(self.unclosed_open(at)),
                    Some(_) => {}
                }
                let inner = self.parse_or(depth + 1)?;
                return match self.peek_tok() {
                    Some(Tok::Close) => {
                        self.bump();
                        Ok(inner)
                    }
                    _ => Err(self.unclosed_open(at)),
                };
            }
            Tok::NameGroup(field) => {
                if depth >= MAX_DEPTH {
                    return Err(self.too_deep(span.end - 1));
                }
                self.bump();
                return self.parse_names(field, span.end - 1);
            }
            Tok::Close => return Err(self.unmatched_close(at)),
            Tok::Or => return Err(self.err(at, "OR needs a term on each side")),
            Tok::And => return Err(self.err(at, "AND needs a term on each side")),
            Tok::Not => return Err(self.err(at, "NOT needs a term after it")),
            Tok::Minus => return Err(self.err(at, "'-' needs a term right after it")),
        };
        self.bump();
        Ok(expr)
    }

    /// The names inside `speaker:( … )`, the `(` at `open`, up to and
    /// including the `)`.
    fn parse_names(&mut self, field: FilterField, open: usize) -> Result<Expr, ParseError> {
        let label = field_label(field);
        let only_names = |this: &Self, at: usize| {
            this.err(
                at,
                format!("only names joined by OR or AND can go inside {label}( … )"),
            )
        };
        let mut any = Vec::new();
        loop {
            let mut all = Vec::new();
            loop {
                let Some(token) = self.peek().cloned() else {
                    return Err(if any.is_empty() && all.is_empty() {
                        self.err(open + 1, format!("expected a name after '{label}'"))
                    } else {
                        self.unclosed_open(open)
                    });
                };
                let (name, span) = match token.tok {
                    Tok::Word(text) | Tok::Phrase(text) => (text, token.span),
                    Tok::Close if any.is_empty() && all.is_empty() => {
                        return Err(self.err(open + 1, format!("expected a name after '{label}'")))
                    }
                    Tok::Or => {
                        return Err(self.err(token.span.start, "OR needs a name on each side"))
                    }
                    Tok::And => {
                        return Err(self.err(token.span.start, "AND needs a name on each side"))
                    }
                    _ => return Err(only_names(self, token.span.start)),
                };
                self.bump();
                all.push(Expr::Name { field, name, span });
                match self.peek_tok() {
                    Some(Tok::And) => {
                        let at = self.here();
                        self.bump();
                        if self.at_term_end() {
                            return Err(self.err(at, "AND needs a name on each side"));
                        }
                    }
                    _ => break,
                }
            }
            any.push(join(Join::And, all));
            let Some(token) = self.peek().cloned() else {
                return Err(self.unclosed_open(open));
            };
            match token.tok {
                Tok::Close => {
                    self.bump();
                    return Ok(join(Join::Or, any));
                }
                Tok::Or => {
                    self.bump();
                    if self.at_term_end() {
                        return Err(self.err(token.span.start, "OR needs a name on each side"));
                    }
                }
                Tok::Word(_) | Tok::Phrase(_) => {
                    return Err(self.err(
                        token.span.start,
                        format!(
                            "two names side by side in {label}( … ): join them with OR (either) \
                             or AND (both), or put a name of several words in quotes"
                        ),
                    ))
                }
                _ => return Err(only_names(self, token.span.start)),
            }
        }
    }
}
