//! newsq-core: articles in, attributed statements out.
//!
//! * [`read`] turns files (plain text, JSON, JSON Lines) into clean [`Article`]s:
//!   aggregator boilerplate, captions and footers removed, the outlet detected.
//! * [`quote`] finds every statement in an article body — direct quotations
//!   and statements reported in the writer's words — and works out who made
//!   it.
//! * [`language`] tells which language an article is written in.
//! * [`wording`] compares the wording of two quotations, word by word.
//! * [`index`] builds and updates a tantivy index of quotations and articles.
//!
//! ```
//! use newsq_core::{quote, Article};
//!
//! let article = Article::from_body(
//!     "harbour.txt",
//!     "Mayor Ana Lopes said on Monday that the harbour would reopen. \
//!      \"We will not wait another winter,\" Ms Lopes said.",
//! );
//! let statements = quote::extract(&article.body);
//! assert_eq!(statements[0].kind, quote::StatementKind::Reported);
//! assert_eq!(statements[0].text, "the harbour would reopen");
//! assert_eq!(statements[1].kind, quote::StatementKind::Quotation);
//! assert_eq!(statements[1].text, "We will not wait another winter");
//! assert_eq!(statements[1].speaker.as_deref(), Some("Ana Lopes"));
//! ```

#![warn(missing_docs)]

pub mod article;
pub mod error;
pub mod index;
pub mod language;
pub mod quote;
pub mod read;
pub mod wording;

pub use article::Article;
pub use error::Error;
pub use quote::{extract, Quotation, StatementKind};
