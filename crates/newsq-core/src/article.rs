//! The article: what every reader produces and every later stage consumes.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One news article, cleaned: `body` holds the article text only, with
/// aggregator boilerplate, photo captions, mastheads and copyright footers removed.
/// Paragraphs in `body` are separated by a blank line (`"\n\n"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the file name for a plain-text or one-article JSON file;
    /// for a line of a JSON Lines file, its URL where known, else `file:line`.
    pub id: String,
    /// The file the article was read from, if any.
    pub path: Option<PathBuf>,
    /// 1-based line within a JSON Lines file.
    pub line: Option<usize>,
    /// The publishing outlet as written ("The Financial Times", "Reuters", "bbc.co.uk").
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date as given by the source (ISO 8601 where the source gives it).
    pub published: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language code where known ("en").
    pub language: Option<String>,
    /// The cleaned article text.
    pub body: String,
}

impl Article {
    /// An article with only an id and a body, e.g. for text already in memory.
    pub fn from_body(id: impl Into<String>, body: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            body: body.into(),
            ..Article::default()
        }
    }
}
