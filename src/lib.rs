//! newsq: who said what, where, and in which words.
//!
//! This facade re-exports the library crates, so an embedder depends on one
//! package:
//!
//! * [`core`] (crate `newsq-core`): reading articles and extracting attributed quotations.
//!
//! ```
//! let quotes = newsq::quote::extract("“We stay,” Ms Varga said.");
//! assert_eq!(quotes[0].text, "We stay");
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Varga"));
//! ```

pub use newsq_core as core;
pub use newsq_core::{quote, read, Article, Error, Quotation};
