//! A search as engine-neutral conditions: the documents a
//! [`SearchRequest`](crate::SearchRequest) matches, with every word already
//! analysed the way the index analysed its text and every name resolved to
//! the index's keys. `newsq translate` writes it in another engine's query
//! language, so that the engine finds exactly what `newsq search` finds.

use serde::Serialize;

use crate::entity::NameMatch;

/// A text field newsq searches words in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextField {
    /// The statement's words (quotation and reported-statement documents).
    Quote,
    /// The headline (article documents).
    Title,
    /// The article's text (article documents).
    Body,
}

/// A kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A direct quotation.
    Quotation,
    /// A statement reported in the writer's words.
    Reported,
    /// An article (its headline and text).
    Article,
}

/// Which documents match: a tree of conditions. Not `non_exhaustive`: a
/// translation must handle every condition, and a new one should fail to
/// compile there rather than be written wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Condition {
    /// Every document.
    All,
    /// No document (a name that matched no one).
    Nothing,
    /// Documents holding these index terms in `field`, next to each other
    /// and in this order (one term: the term anywhere).
    Terms {
        /// The field searched.
        field: TextField,
        /// The terms, analysed as the index analysed the text
        /// ("negotiations" → "negoti").
        terms: Vec<String>,
    },
    /// Statements whose speaker is written with one of these index keys
    /// (every spelling of the people a name resolved to).
    Speaker {
        /// Speaker keys as the index holds them.
        keys: Vec<String>,
    },
    /// Documents whose outlet has one of these index keys.
    Outlet {
        /// Outlet keys as the index holds them.
        keys: Vec<String>,
    },
    /// Published in `[since, before)`, in seconds since 1970 (UTC); an
    /// undated document never matches.
    Published {
        /// The first second included.
        since: Option<i64>,
        /// The first second after the range.
        before: Option<i64>,
    },
    /// Documents of one kind.
    Kind(DocumentKind),
    /// Documents the inner condition does not match.
    Not(Box<Condition>),
    /// Documents every part matches.
    And(Vec<Condition>),
    /// Documents at least one part matches.
    Or(Vec<Condition>),
}

impl Condition {
    /// `parts` joined by AND, flattened; one part is itself, and a part
    /// that matches nothing makes the whole match nothing.
    pub(crate) fn all_of(parts: Vec<Condition>) -> Condition {
        let mut flat = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Condition::Nothing => return Condition::Nothing,
                Condition::All => {}
                Condition::And(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => Condition::All,
            1 => flat.remove(0),
            _ => Condition::And(flat),
        }
    }

    /// `parts` joined by OR, flattened; one part is itself, none matches
    /// nothing.
    pub(crate) fn any_of(parts: Vec<Condition>) -> Condition {
        let mut flat = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Condition::Nothing => {}
                Condition::Or(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => Condition::Nothing,
            1 => flat.remove(0),
            _ => Condition::Or(flat),
        }
    }
}

/// A search request as conditions, with what its names matched.
///
/// ```
/// use newsq_core::index::{NewsIndex, WriterOptions};
/// use newsq_core::Article;
/// use newsq_query::plan::{Condition, DocumentKind, TextField};
/// use newsq_query::{NewsSearcher, SearchRequest};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let index = NewsIndex::create_in_ram()?;
/// let mut writer = index.writer(&WriterOptions::default())?;
/// writer.add_article(&Article::from_body("a.txt", "“We will negotiate,” Mayor Ana Lopes said."))?;
/// writer.commit()?;
///
/// let plan = NewsSearcher::new(&index)?.plan(&SearchRequest::new("negotiations"))?;
/// let statements = Condition::Or(vec![
///     Condition::Kind(DocumentKind::Quotation),
///     Condition::Kind(DocumentKind::Reported),
/// ]);
/// let words = Condition::Terms { field: TextField::Quote, terms: vec!["negoti".into()] };
/// assert_eq!(plan.condition, Condition::And(vec![statements, words]));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SearchPlan {
    /// The documents the request matches.
    pub condition: Condition,
    /// What each speaker and outlet name matched, in query order.
    pub names: Vec<NameMatch>,
}
