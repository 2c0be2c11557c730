//! Errors of exporting and pushing.

use std::path::PathBuf;

use newsq_core::index::IndexError;
use newsq_query::QueryError;

/// Why an export or a push failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The newsq index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The index's speaker or outlet tables (or its alias file) could not
    /// be read.
    #[error(transparent)]
    Entities(#[from] QueryError),
    /// tantivy failed while reading stored documents.
    #[error("reading the index failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// An index name the engine would refuse.
    #[error("'{name}' is not a valid index name for {engine}: it needs {rule}")]
    IndexName {
        /// The engine ("Quickwit").
        engine: &'static str,
        /// The name given.
        name: String,
        /// What the engine requires of a name.
        rule: &'static str,
    },
    /// An engine version newsq writes no definition for, or a version
    /// that is not a number.
    #[error("version {version}: {problem}")]
    Version {
        /// The version given or read from the engine.
        version: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The export folder or one of its files could not be written.
    #[error("{}: {source}; export to a folder you can write, with room for the index's stored text", path.display())]
    Write {
        /// The folder or file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A document could not be turned into JSON.
    #[error("a document could not be written as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The URL given to `push` is malformed.
    #[error("--url {url}: {problem}")]
    Url {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The CA certificates given to trust could not be read.
    #[error("the CA certificate file cannot be used: {problem}; give the PEM file of the cluster's CA (Elasticsearch 8: config/certs/http_ca.crt)")]
    Certificates {
        /// What is wrong with the file.
        problem: String,
    },
    /// The engine could not be reached (after retries, where retrying made
    /// sense).
    #[error("cannot reach {url}: {reason}; check the URL and that the engine is running")]
    Unreachable {
        /// The engine's URL.
        url: String,
        /// The last connection error.
        reason: String,
    },
    /// The engine refused a request: its status and its own message.
    #[error("{engine} answered {status} to {what}: {message}")]
    Refused {
        /// The engine ("Elasticsearch").
        engine: &'static str,
        /// The HTTP status of its answer.
        status: u16,
        /// The request ("batch 3", "checking index newsq").
        what: String,
        /// The engine's own explanation.
        message: String,
    },
    /// A Quickwit ingest failed in a way that does not say whether the
    /// batch was stored (a dropped connection, a timeout, a 500).
    #[error("{engine} did not confirm {what} ({reason}); some of its documents may be stored already, and Quickwit has no document ids: check the index before pushing again, or clear it and push everything")]
    Unsure {
        /// The engine ("Quickwit").
        engine: &'static str,
        /// The request ("batch 3").
        what: String,
        /// What happened instead of an answer.
        reason: String,
    },
    /// The engine kept answering 429 or 5xx.
    #[error("{engine} still answered {status} to {what} after {attempts} attempts: {message}; try again later or with a smaller --batch-mb")]
    GaveUp {
        /// The engine.
        engine: &'static str,
        /// The HTTP status of its last answer.
        status: u16,
        /// The request ("batch 3").
        what: String,
        /// Tries made.
        attempts: u32,
        /// The engine's last explanation.
        message: String,
    },
}
