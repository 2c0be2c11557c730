//! Query string → [`Expr`] tree. (Being written on branch `parse`.)

use crate::ast::Expr;

/// A query that cannot be parsed, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at column {column})")]
pub struct ParseError {
    /// Byte offset of the problem in the query.
    pub position: usize,
    /// 1-based character column of the problem.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// Parse a query.
pub fn parse(query: &str) -> Result<Expr, ParseError> {
    if query.trim().is_empty() {
        return Ok(Expr::All);
    }
    Err(ParseError {
        position: 0,
        column: 1,
        message: "parser not written yet".to_string(),
    })
}
