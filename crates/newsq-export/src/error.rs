//! Errors of exporting and pushing.

use std::path::PathBuf;
use std::time::Duration;

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
    /// The engine says it is a version older than any newsq writes an
    /// index definition for.
    #[error("{engine} at {url} is version {version}, and newsq writes index definitions for {engine} {oldest} and later; push to a newer {engine}")]
    TooOld {
        /// The engine ("Quickwit").
        engine: &'static str,
        /// The engine's URL.
        url: String,
        /// The version it said ("0.6").
        version: String,
        /// The oldest version newsq writes for ("0.7").
        oldest: String,
    },
    /// An existing index lacks the fields holding newsq's own analysis: it
    /// was made by an older newsq or by hand, and its strict mapping would
    /// refuse every document.
    #[error("the {engine} index {index} has no {} (newsq's own analysis of the text and names, in every document it sends): it was made by an older newsq or by hand; delete it (`{delete}`) and push again, or push to another --engine-index", fields_phrase(.missing))]
    IndexWithoutTerms {
        /// The engine ("Quickwit").
        engine: &'static str,
        /// The engine's index.
        index: String,
        /// The fields it lacks ("quote_terms").
        missing: Vec<&'static str>,
        /// The command that deletes it.
        delete: String,
    },
    /// A Quickwit index holds documents already: Quickwit has no document
    /// ids, so pushing them again would store them twice.
    #[error("the Quickwit index {index} holds {} already, and Quickwit has no document ids: pushing them again would store them twice; clear it (`quickwit index clear --index {index}`, or `curl -XPUT {url}/api/v1/indexes/{index}/clear`) and push again, push to another --engine-index, or pass --allow-duplicates to add to it all the same", documents_phrase(*.documents))]
    NotEmpty {
        /// The engine's index.
        index: String,
        /// The engine's URL.
        url: String,
        /// Documents it holds.
        documents: u64,
    },
    /// Quickwit took the last batch (`commit=force`) but did not say, in
    /// time, that its documents were committed.
    #[error("Quickwit did not confirm the commit of {what} within {} s: the documents were sent and may still become searchable; count them (`curl '{url}/api/v1/{index}/search?query=*&max_hits=0'`, num_hits) before pushing again, which would store them twice, or give Quickwit longer with --commit-timeout", .time_limit.as_secs_f64())]
    CommitTimeout {
        /// The request ("batch 3").
        what: String,
        /// How long newsq waited.
        time_limit: Duration,
        /// The engine's URL.
        url: String,
        /// The engine's index.
        index: String,
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

/// "quote_terms field", "quote_terms and title_terms fields".
fn fields_phrase(fields: &[&str]) -> String {
    match fields {
        [] => "fields it needs".to_string(),
        [one] => format!("{one} field"),
        [first @ .., last] => format!("{} and {last} fields", first.join(", ")),
    }
}

/// "1 document", "1234 documents".
fn documents_phrase(documents: u64) -> String {
    match documents {
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    }
}
