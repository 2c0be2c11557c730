//! Errors of index operations.

use std::path::{Path, PathBuf};

use tantivy::TantivyError;

/// Why an index operation failed. Every variant names the index folder.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index in the folder.
    #[error("{}: no newsq index here; build one with `newsq index --index {} PATH...`", .0.display(), .0.display())]
    NotFound(PathBuf),
    /// Another writer (usually another `newsq index`) holds the index.
    #[error("{}: another newsq process is writing this index; wait for it to finish, or use another --index", .0.display())]
    Locked(PathBuf),
    /// The index was written by an incompatible version of newsq.
    #[error("{}: this index was written by an incompatible version of newsq ({found}); delete the folder and run `newsq index` again to rebuild it", .path.display())]
    Incompatible { path: PathBuf, found: String },
    /// A file of the index could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// tantivy failed.
    #[error("{}: {source}", .path.display())]
    Tantivy {
        path: PathBuf,
        #[source]
        source: TantivyError,
    },
}

impl IndexError {
    /// Wrap a tantivy error, recognising a held writer lock.
    pub(crate) fn tantivy(path: &Path, source: TantivyError) -> IndexError {
        match source {
            TantivyError::LockFailure(..) => IndexError::Locked(path.to_path_buf()),
            source => IndexError::Tantivy {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}
