//! Errors of index operations.

use std::io;
use std::path::{Path, PathBuf};

use tantivy::directory::error::{LockError, OpenReadError, OpenWriteError};
use tantivy::TantivyError;

use super::directory::probe_write;

/// Why an index operation failed. Every variant names the index folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// No index in the folder.
    #[error("{}: no newsq index here; build one with `newsq index --index {} PATH...`", .0.display(), .0.display())]
    NotFound(PathBuf),
    /// The folder holds other files and no index: articles, most likely,
    /// passed where an index folder was meant.
    #[error("{}: not a newsq index (the folder holds other files); --index names the index folder: search these articles with `newsq search QUERY {}`, or index them with `newsq index --index NEW_DIR {}`", .0.display(), .0.display(), .0.display())]
    NotAnIndex(PathBuf),
    /// Another writer (usually another `newsq index`) holds the index.
    #[error("{}: another newsq process is writing this index; wait for it to finish, or use another --index", .0.display())]
    Locked(PathBuf),
    /// The index was written by an incompatible version of newsq.
    #[error("{}: this index was written by an incompatible version of newsq ({found}); delete the folder and run `newsq index` again to rebuild it", .path.display())]
    Incompatible {
        /// The index folder.
        path: PathBuf,
        /// What was found instead ("format 2", "no newsq format record").
        found: String,
    },
    /// The index folder cannot be written: a full disk, no permission, a
    /// read-only file system. What was committed before stays searchable.
    #[error("{}: cannot write the index ({source}); {}", .path.display(), write_advice(.source))]
    CannotWrite {
        /// The index folder (or the file of it that failed).
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// A file of the index may not be read by this user: an index another
    /// user made, its files not readable to others.
    #[error("{}: cannot read this file of the index (permission denied); ask the owner of {} to let others read it (chmod -R a+rX {}), or build an index of your own with `newsq index --index DIR PATH...`", .file.display(), .index.display(), .index.display())]
    CannotRead {
        /// The file (or the folder, when tantivy did not say which file).
        file: PathBuf,
        /// The index folder.
        index: PathBuf,
    },
    /// A file of the index could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The index folder (or the file of it that failed).
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
    /// tantivy failed.
    #[error("{}: {source}", .path.display())]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// tantivy's error.
        #[source]
        source: TantivyError,
    },
}

impl IndexError {
    /// Wrap a tantivy error, recognising a held writer lock and a folder
    /// that cannot be written.
    pub(crate) fn tantivy(path: &Path, source: TantivyError) -> IndexError {
        match source {
            TantivyError::LockFailure(LockError::LockBusy, _) => {
                IndexError::Locked(path.to_path_buf())
            }
            // Taking a lock and opening a file to write are writes.
            TantivyError::LockFailure(LockError::IoError(io), _)
            | TantivyError::OpenWriteError(OpenWriteError::IoError { io_error: io, .. }) => {
                IndexError::writing(path, io::Error::new(io.kind(), io.to_string()))
            }
            TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath })
                if io_error.kind() == io::ErrorKind::PermissionDenied =>
            {
                IndexError::CannotRead {
                    file: path.join(filepath),
                    index: path.to_path_buf(),
                }
            }
            TantivyError::IoError(io) if io.kind() == io::ErrorKind::PermissionDenied => {
                IndexError::CannotRead {
                    file: path.to_path_buf(),
                    index: path.to_path_buf(),
                }
            }
            TantivyError::IoError(io) => IndexError::Io {
                path: path.to_path_buf(),
                source: io::Error::new(io.kind(), io.to_string()),
            },
            source => IndexError::Tantivy {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    /// Wrap an error of the index writer. tantivy reports a failed write in
    /// several ways (an I/O error, an "internal error" carrying the I/O
    /// error's text, or only that its indexing thread stopped), so an error
    /// it is not plain about is followed by a write to the folder: when
    /// that fails too, the folder cannot be written, and the user is told
    /// so and what to do.
    pub(crate) fn writing_index(path: &Path, source: TantivyError) -> IndexError {
        match IndexError::tantivy(path, source) {
            IndexError::Tantivy { path, source } if path.is_dir() => {
                match probe_write(&path, PROBE_BYTES) {
                    Err(cause) if is_write_failure(cause.kind()) => IndexError::CannotWrite {
                        path,
                        source: cause,
                    },
                    _ => IndexError::Tantivy { path, source },
                }
            }
            IndexError::Io { path, source } => IndexError::writing(&path, source),
            known => known,
        }
    }

    /// Wrap an error writing a file of newsq's own in the index folder.
    pub(crate) fn writing(path: &Path, source: io::Error) -> IndexError {
        if is_write_failure(source.kind()) {
            IndexError::CannotWrite {
                path: path.to_path_buf(),
                source,
            }
        } else {
            IndexError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}

/// Errors that say the folder cannot take writes, as opposed to a fault of
/// the index.
fn is_write_failure(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge
            | io::ErrorKind::PermissionDenied
            | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// What the user can do when the folder cannot be written.
fn write_advice(error: &io::Error) -> &'static str {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge => {
            "free some space and run the same command again: what was committed is kept, and only the rest is read again"
        }
        _ => "index into a folder you can write (--index DIR), or ask its owner; searching it works as it is",
    }
}

/// Bytes the folder is asked to take when the writer failed: more than a
/// nearly full disk has left in its last block, little enough to be quick.
const PROBE_BYTES: usize = 256 << 10;
