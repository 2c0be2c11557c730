//! Errors of index operations.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tantivy::directory::error::{LockError, OpenWriteError};
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
    /// The index folder cannot be written: a full disk, no permission, a
    /// read-only file system. What was committed before stays searchable.
    #[error("{}: cannot write the index ({source}); {}", .path.display(), write_advice(.source))]
    CannotWrite {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A file of the index could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
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
    /// Wrap a tantivy error, recognising a held writer lock and a folder
    /// that cannot be written.
    pub(crate) fn tantivy(path: &Path, source: TantivyError) -> IndexError {
        match source {
            TantivyError::LockFailure(LockError::LockBusy, _) => {
                IndexError::Locked(path.to_path_buf())
            }
            TantivyError::LockFailure(LockError::IoError(io), _) => IndexError::CannotWrite {
                path: path.to_path_buf(),
                source: io::Error::new(io.kind(), io.to_string()),
            },
            TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => {
                IndexError::CannotWrite {
                    path: path.to_path_buf(),
                    source: io::Error::new(io_error.kind(), io_error.to_string()),
                }
            }
            TantivyError::IoError(io) if is_write_failure(io.kind()) => IndexError::CannotWrite {
                path: path.to_path_buf(),
                source: io::Error::new(io.kind(), io.to_string()),
            },
            // tantivy's indexing threads report only that they stopped
            // ("an index writer was killed"); whether the folder can still
            // be written tells the user what to do.
            TantivyError::ErrorInThread(_) => match probe_write(path) {
                Err(cause) if is_write_failure(cause.kind()) => IndexError::CannotWrite {
                    path: path.to_path_buf(),
                    source: cause,
                },
                _ => IndexError::Tantivy {
                    path: path.to_path_buf(),
                    source,
                },
            },
            source => IndexError::Tantivy {
                path: path.to_path_buf(),
                source,
            },
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

/// Bytes written by [`probe_write`]: more than a nearly full disk has left
/// in its last block, little enough to be quick.
const PROBE_BYTES: usize = 256 << 10;

/// Write and remove a scratch file in the folder: the error, if it cannot
/// be written.
fn probe_write(dir: &Path) -> io::Result<()> {
    let path = dir.join(".newsq-write-probe");
    let written = std::fs::File::create(&path).and_then(|mut file| {
        file.write_all(&[0u8; PROBE_BYTES])?;
        file.sync_all()
    });
    let _ = std::fs::remove_file(&path);
    written
}
