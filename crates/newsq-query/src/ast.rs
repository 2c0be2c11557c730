//! The parsed form of a query, before it meets an index.

use serde::Serialize;

/// Byte range of a node in the query string, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the node's first character.
    pub start: usize,
    /// Byte offset just after the node's last character.
    pub end: usize,
}

/// A date as precise as the user wrote it: `2024`, `2024-03` or `2024-03-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// 1–12 when given.
    pub month: Option<u8>,
    /// 1–31 when given (and valid for the month and year).
    pub day: Option<u8>,
}

/// Which end of a date range a date filter sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DateBound {
    /// `after:DATE`, `--since DATE`: published on or after the first day of DATE.
    Since,
    /// `before:DATE`: published before the first day of DATE.
    Before,
    /// `--until DATE`: published on or before the last day of DATE.
    Until,
}

/// A field filter on a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FilterField {
    /// `speaker:NAME`
    Speaker,
    /// `outlet:NAME`
    Outlet,
}

/// A query tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Expr {
    /// The empty query: every document.
    All,
    /// A bare word, searched stemmed in the text.
    Word {
        /// The word as written.
        text: String,
        /// Where it is in the query.
        span: Span,
    },
    /// A "quoted phrase": the words in this order, next to each other.
    Phrase {
        /// The words between the quote marks.
        text: String,
        /// Where the phrase (its quote marks included) is in the query.
        span: Span,
    },
    /// `speaker:NAME` / `outlet:NAME`: NAME is a word or a "quoted name".
    Name {
        /// Which filter.
        field: FilterField,
        /// The name, without quote marks.
        name: String,
        /// Where the filter is in the query.
        span: Span,
    },
    /// `after:DATE` / `before:DATE`.
    Date {
        /// Which end of the range.
        bound: DateBound,
        /// The date as written.
        date: PartialDate,
        /// Where the filter is in the query.
        span: Span,
    },
    /// `kind:direct`, `kind:reported`: statements of one kind.
    Kind {
        /// The kind asked for.
        kind: newsq_core::quote::StatementKind,
        /// Where the filter is in the query.
        span: Span,
    },
    /// `-x`, `NOT x`: documents without x.
    Not(Box<Expr>),
    /// Juxtaposition or `AND`: every part required.
    And(Vec<Expr>),
    /// `a OR b`: at least one part.
    Or(Vec<Expr>),
}

impl Expr {
    /// Whether every document the query matches must hold one of its words
    /// or phrases in a text field (rather than matching on names, dates or
    /// negation alone).
    pub(crate) fn requires_text(&self) -> bool {
        match self {
            Expr::Word { .. } | Expr::Phrase { .. } => true,
            Expr::And(parts) => parts.iter().any(Expr::requires_text),
            Expr::Or(parts) => !parts.is_empty() && parts.iter().all(Expr::requires_text),
            Expr::All
            | Expr::Name { .. }
            | Expr::Date { .. }
            | Expr::Kind { .. }
            | Expr::Not(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse;

    fn requires_text(query: &str) -> bool {
        parse(query).expect("query parses").requires_text()
    }

    #[test]
    fn a_query_needs_text_when_every_match_must_hold_a_word() {
        assert!(requires_text("harbour"));
        assert!(requires_text("\"red line\" speaker:vance"));
        assert!(requires_text("ferry OR \"red line\""));
        assert!(requires_text("ferry -strike after:2024"));
        assert!(!requires_text(""));
        assert!(!requires_text("speaker:vance"));
        assert!(!requires_text("ferry OR speaker:vance"));
        assert!(!requires_text("-ferry"));
        assert!(!requires_text("outlet:\"bay wire\" before:2025"));
    }
}
