//! Errors of searching.

use newsq_core::index::IndexError;

use crate::parse::ParseError;

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query (or a `--since`/`--until`/`--speaker` value) is malformed.
    #[error("{0}")]
    Parse(#[from] ParseError),
    /// A filter flag's value is malformed (`--since 2025-13`).
    #[error("{flag} {value}: {message}")]
    Flag {
        /// The flag (`--since`).
        flag: &'static str,
        /// Its value as given.
        value: String,
        /// What is wrong with the value.
        message: String,
    },
    /// A word, phrase or name holds nothing searchable ("—", "...").
    #[error("'{text}' has no letters or digits to search (at byte {position}); remove it or quote the text around it")]
    NothingToSearch {
        /// The word, phrase or name.
        text: String,
        /// Its byte offset in the query.
        position: usize,
    },
    /// The index's alias file could not be read.
    #[error(transparent)]
    Aliases(#[from] crate::entity::AliasError),
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// tantivy failed while searching.
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl QueryError {
    /// Where in the query the problem is, for errors that have a place.
    pub fn position(&self) -> Option<usize> {
        match self {
            QueryError::Parse(e) => Some(e.position),
            QueryError::NothingToSearch { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// For errors with a place in the query: the query on one line and a
    /// caret under the problem with the message (see [`ParseError::render`]).
    pub fn render(&self, query: &str) -> Option<String> {
        match self {
            QueryError::Parse(e) => Some(e.render(query)),
            QueryError::NothingToSearch { position, .. } => {
                Some(ParseError::at(query, *position, self.to_string()).render(query))
            }
            _ => None,
        }
    }
}
