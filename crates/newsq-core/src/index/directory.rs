//! The index folder as tantivy sees it: its memory-mapped directory, and
//! searching a folder this process cannot write.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

/// tantivy's [`MmapDirectory`], except that in a folder this process cannot
/// write (a read-only file system, another user's index) the lock file that
/// keeps a writer's clean-up away while a reader opens the segments is done
/// without, when it cannot be opened: this process then cannot be the
/// writer, and only a writer running at that very moment could disturb the
/// reader (which would fail, not read wrongly).
#[derive(Clone, Debug)]
pub(crate) struct IndexDirectory {
    inner: MmapDirectory,
    dir: PathBuf,
}

impl IndexDirectory {
    pub(crate) fn open(dir: &Path) -> Result<IndexDirectory, tantivy::TantivyError> {
        Ok(IndexDirectory {
            inner: MmapDirectory::open(dir)?,
            dir: dir.to_path_buf(),
        })
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    // tantivy's own atomic write goes through a temporary file created with
    // mode 0600, which would leave meta.json unreadable to the other users
    // an index is shared with; this one creates files with the umask's modes.
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        write_atomically(&self.dir.join(path), data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath
                    && (e.kind() == io::ErrorKind::ReadOnlyFilesystem
                        || (e.kind() == io::ErrorKind::PermissionDenied
                            && probe_write(&self.dir, 0).is_err())) =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Replace `path` with `data` atomically: a scratch file beside it, synced,
/// renamed over it, and the folder synced, so that a crash leaves the old
/// content or the new. The file gets the modes of any new file (the umask's),
/// like the rest of the index.
pub(crate) fn write_atomically(path: &Path, data: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let scratch = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::File::create(&scratch)
        .and_then(|mut file| {
            io::Write::write_all(&mut file, data)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&scratch, path))
        .and_then(|()| match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => std::fs::File::open(dir)?.sync_all(),
            _ => Ok(()),
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&scratch);
    }
    written
}

/// Write `bytes` zeros to a scratch file in `dir`, sync it and remove it:
/// the error, if the folder cannot take them.
pub(crate) fn probe_write(dir: &Path, bytes: usize) -> io::Result<()> {
    let path = dir.join(format!(".newsq-write-probe-{}", std::process::id()));
    let written = std::fs::File::create(&path).and_then(|mut file| {
        io::Write::write_all(&mut file, &vec![0u8; bytes])?;
        file.sync_all()
    });
    let _ = std::fs::remove_file(&path);
    written
}
