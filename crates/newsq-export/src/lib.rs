//! newsq-export: hand a newsq index to a distributed engine.
//!
//! Past tens of millions of articles, one machine is not enough; Quickwit
//! (built on tantivy) and Elasticsearch/OpenSearch are. This crate turns
//! a newsq index into what they ingest, with newsq's entity resolution
//! done once, here: every document carries its speaker's and outlet's
//! entity name and key, so a speaker filter there is a term query on
//! `speaker_key`.
//!
//! * [`IndexDocuments`] reads an index's quotations and articles as
//!   [`ExportDocument`]s.
//! * [`export_to_folder`] writes the engine's index definition, the
//!   documents as NDJSON files of at most 10 MB, and the entities.
//! * [`push`] streams the same to a running engine, in batches, retrying
//!   while it is busy.
//! * [`Translator`] writes a newsq search in the engine's query language,
//!   on the `*_terms` fields that hold newsq's own analysis of the text, so
//!   that the engine finds what `newsq search` finds.
//!
//! ```
//! use newsq_core::index::{NewsIndex, WriterOptions};
//! use newsq_core::Article;
//! use newsq_export::{export_to_folder, Engine, ExportOptions, IndexDocuments};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let index = NewsIndex::create_in_ram()?;
//! let mut writer = index.writer(&WriterOptions::default())?;
//! writer.add_article(&Article::from_body("a.txt", "“We stay,” Mayor Ana Lopes said."))?;
//! writer.commit()?;
//!
//! let out = std::env::temp_dir().join(format!("newsq-export-doc-{}", std::process::id()));
//! let documents = IndexDocuments::open(&index)?;
//! let summary = export_to_folder(&documents, &out, &ExportOptions::new(Engine::Elasticsearch), |_, _| {})?;
//! assert_eq!(summary.documents, 2); // the article and its quotation
//! let bulk = std::fs::read_to_string(&summary.files[0])?;
//! assert!(bulk.starts_with(r#"{"create":{"_id":"#));
//! # std::fs::remove_dir_all(&out)?;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod batch;
mod document;
mod engine;
mod error;
mod files;
mod http;
mod push;
mod translate;

pub use document::{entity_key, EntityRecord, ExportDocument, IndexDocuments};
pub use engine::{Engine, EngineVersion, QUICKWIT_MAX_BODY};
pub use error::ExportError;
pub use files::{export_to_folder, ExportOptions, ExportSummary, ENTITIES_FILE};
pub use http::{Endpoint, RetryPolicy};
pub use push::{push, PushEvent, PushOptions, PushSummary};
pub use translate::Translator;
