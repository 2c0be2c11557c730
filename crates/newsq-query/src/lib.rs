//! newsq-query: the query language of `newsq search`, and searching with it.
//!
//! * [`parse`] turns a query string into an [`Expr`] tree, or a [`ParseError`]
//!   that points at the position of the problem.
//! * [`NewsSearcher`] runs a [`SearchRequest`] — the query plus the filters
//!   the CLI offers as flags — over a [`newsq_core::index::NewsIndex`] and
//!   returns ranked, highlighted [`Hit`]s, the total and facet counts.
//! * [`NewsSearcher::trail`] groups the versions of one statement across
//!   articles ([`QuoteGroup`]): who carried it, earliest first, and where
//!   the wording differs.
//!
//! # The language
//!
//! | query | matches |
//! |---|---|
//! | `red line` | both words, in any form ("lines"), anywhere in the quotation |
//! | `"red line"` | the words next to each other, in this order |
//! | `-war` / `NOT war` | without the word |
//! | `peace OR ceasefire` | either |
//! | `(a OR b) c` | grouping |
//! | `speaker:putin`, `speaker:"vladimir putin"` | quotations by a speaker whose name has these words |
//! | `outlet:reuters` | hits from an outlet |
//! | `after:2025-08`, `before:2025-08-20` | published on or after the first day / before the first day of a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) |
//!
//! Hits holding all the query's plain words next to each other rank first;
//! then, with [`Scope::Articles`], quotations before article text; then by
//! score, and among equal scores a direct quotation before a reported
//! statement, then the newest first. The score is BM25, and a statement of
//! fewer than eight words keeps an eighth of it per word: a fragment quoted in
//! passing ("root causes") ranks after the full sentences that hold the
//! same words.

#![warn(missing_docs)]

mod ast;
mod catalog;
mod compile;
pub mod entity;
mod error;
mod facet;
mod highlight;
mod parse;
pub mod plan;
mod rank;
mod search;
mod speaker_names;
mod trail;

pub use ast::{DateBound, Expr, FilterField, PartialDate, Span};
pub use catalog::EntityReport;
pub use error::QueryError;
pub use facet::{FacetCounts, FacetField};
pub use newsq_core::wording::EditKind;
pub use parse::{parse, ParseError};
pub use search::{Hit, HitKind, NewsSearcher, Scope, SearchRequest, SearchResults};
pub use trail::{
    is_quotation_id, GroupMember, GroupSummary, QuoteGroup, Reading, TrailResults, Variant,
    WordEdit, MIN_REWORDED_WORDS, MIN_STATEMENT_WORDS, MIN_UNATTRIBUTED_WORDS,
};
