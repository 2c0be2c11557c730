//! newsq: who said what, where, and in which words.
//!
//! This facade re-exports the library crates, so an embedder depends on one
//! package:
//!
//! * [`core`] (crate `newsq-core`): reading articles, extracting attributed
//!   statements (quotations and reported statements), and the tantivy index
//!   ([`index`]).
//! * [`query`] (crate `newsq-query`): the query language and searching
//!   ([`query::NewsSearcher`], [`query::SearchRequest`]), speaker and outlet
//!   entities ([`query::entity`]) and the trails of a statement across
//!   articles ([`query::NewsSearcher::trail`]).
//!
//! Exporting an index to Quickwit or Elasticsearch is the crate
//! `newsq-export`, a dependency of its own: it brings an HTTP client and TLS,
//! which an embedder that only searches does not need.
//!
//! ```
//! let quotes = newsq::quote::extract("“We stay,” Ms Varga said.");
//! assert_eq!(quotes[0].text, "We stay");
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Varga"));
//! ```
//!
//! Index and search (see `examples/embed.rs` for a whole program):
//!
//! ```
//! use newsq::index::{NewsIndex, WriterOptions};
//! use newsq::query::{NewsSearcher, SearchRequest};
//! use newsq::Article;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let index = NewsIndex::create_in_ram()?;
//! let mut writer = index.writer(&WriterOptions::default())?;
//! writer.add_article(&Article::from_body("a.txt", "“We stay,” Mayor Ilona Varga said."))?;
//! writer.commit()?;
//! let results = NewsSearcher::new(&index)?.search(&SearchRequest::new("stay").speaker("varga"))?;
//! assert_eq!(results.hits[0].quote.as_deref(), Some("We stay"));
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

// `doc(inline)`: a re-exported crate is otherwise listed as a bare `pub use`
// line, which `cargo doc --no-deps` cannot link, so the search API could not
// be found from the facade's documentation.
#[doc(inline)]
pub use newsq_core as core;
pub use newsq_core::{
    index, language, quote, read, wording, Article, Error, Quotation, StatementKind,
};
#[doc(inline)]
pub use newsq_query as query;

/// The README's Rust examples, compiled and run as doctests so that the
/// README's library section cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

/// The library guide's examples (docs/library.md), compiled and run as
/// doctests for the same reason.
#[cfg(doctest)]
#[doc = include_str!("../docs/library.md")]
struct LibraryGuideExamples;
