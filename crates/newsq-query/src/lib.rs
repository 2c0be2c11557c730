//! newsq-query: the query language of `newsq search`.
//!
//! * [`parse`] turns a query string into an [`Expr`] tree, or a [`ParseError`]
//!   that points at the position of the problem.

mod ast;
mod parse;

pub use ast::{DateBound, Expr, FilterField, PartialDate, Span};
pub use parse::{parse, ParseError};
