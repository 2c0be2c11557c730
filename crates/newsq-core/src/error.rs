//! Typed errors of the core library. The CLI turns them into messages and exit codes.

use std::path::PathBuf;

/// Errors that stop an operation as a whole. Problems with single inputs during
/// a run are not errors: readers report them as [`crate::read::Skipped`] and go on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file named by the user (not one found while walking a folder) could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// A metadata sidecar (`--meta`) is malformed.
    #[error("{path}:{line}: {message}")]
    Meta {
        /// The sidecar file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
}
