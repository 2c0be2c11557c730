//! The search index: a tantivy index of quotations and articles.
//!
//! * [`NewsIndex`] opens or creates an index (in a folder or in memory).
//! * [`NewsWriter`] adds articles — extracting and attributing their
//!   quotations — replaces them when they come again, and commits.
//! * [`sync_paths`] brings an index up to date with folders of articles,
//!   reading only new or changed files.
//! * [`analysis`] is the text analysis shared by indexing and queries.
//!
//! ```
//! use newsq_core::index::{NewsIndex, WriterOptions};
//! use newsq_core::Article;
//!
//! # fn main() -> Result<(), newsq_core::index::IndexError> {
//! let index = NewsIndex::create_in_ram()?;
//! let mut writer = index.writer(&WriterOptions::default())?;
//! let article = Article::from_body(
//!     "harbour.txt",
//!     "“We will not wait another winter,” Mayor Ana Lopes said.",
//! );
//! assert_eq!(writer.add_article(&article)?, 1);
//! writer.commit()?;
//! assert_eq!(index.reader()?.searcher().num_docs(), 2); // the article and its quotation
//! # Ok(())
//! # }
//! ```

pub mod analysis;
pub mod date;
mod directory;
mod error;
mod schema;
mod sync;
mod writer;

use std::path::{Path, PathBuf};

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy};

use directory::IndexDirectory;
pub use error::IndexError;
pub use schema::{name, DocKind, Fields, StatementKindCode};
pub use sync::{file_records, sync_paths, FileRecord, SyncEvent, SyncOptions, SyncSummary};
pub(crate) use writer::continue_hash;
pub use writer::{
    article_key, quotation_id, recorded_path, sentence_around, stable_hash, DocumentBuilder,
    NewsWriter, PreparedArticle, ReadSettings, SourceFile, WriterOptions,
};

/// The on-disk format this build writes and reads. Bumped whenever the
/// schema or the analysis changes so that an old index would answer wrongly.
pub const FORMAT_VERSION: u32 = 7;

/// The file in the index folder that records the newsq format version.
const FORMAT_FILE: &str = "newsq-format.json";

/// An open newsq index.
#[derive(Clone)]
pub struct NewsIndex {
    index: Index,
    fields: Fields,
    dir: Option<PathBuf>,
}

impl NewsIndex {
    /// Open the index in `dir`, creating the folder and an empty index when
    /// there is none yet.
    pub fn open_or_create(dir: &Path) -> Result<NewsIndex, IndexError> {
        if NewsIndex::exists_in(dir) {
            return NewsIndex::open(dir);
        }
        if holds_other_files(dir) {
            return Err(IndexError::NotAnIndex(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(|source| IndexError::writing(dir, source))?;
        // The format record goes first: tantivy's meta.json is what makes
        // the folder an index, and an index without its record would not
        // open again after a crash between the two.
        write_format(dir)?;
        let (schema, fields) = Fields::schema();
        let directory = IndexDirectory::open(dir).map_err(|e| IndexError::tantivy(dir, e))?;
        let index = Index::create(directory, schema, index_settings())
            .map_err(|e| IndexError::tantivy(dir, e))?;
        Ok(NewsIndex::wrap(index, fields, Some(dir.to_path_buf())))
    }

    /// Whether `dir` holds an index (of any version): tantivy's meta.json.
    pub fn exists_in(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Open an existing index; [`IndexError::NotFound`] when `dir` holds none.
    pub fn open(dir: &Path) -> Result<NewsIndex, IndexError> {
        if !NewsIndex::exists_in(dir) {
            if holds_other_files(dir) {
                return Err(IndexError::NotAnIndex(dir.to_path_buf()));
            }
            return Err(IndexError::NotFound(dir.to_path_buf()));
        }
        check_format(dir)?;
        let directory = IndexDirectory::open(dir).map_err(|e| IndexError::tantivy(dir, e))?;
        let index = Index::open(directory).map_err(|e| IndexError::tantivy(dir, e))?;
        let fields =
            Fields::from_schema(&index.schema()).ok_or_else(|| IndexError::Incompatible {
                path: dir.to_path_buf(),
                found: "an index without newsq's fields".to_string(),
            })?;
        Ok(NewsIndex::wrap(index, fields, Some(dir.to_path_buf())))
    }

    /// A new, empty index in memory (tests, short-lived tools).
    pub fn create_in_ram() -> Result<NewsIndex, IndexError> {
        let (schema, fields) = Fields::schema();
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_ram()
            .map_err(|e| IndexError::tantivy(Path::new("(in memory)"), e))?;
        Ok(NewsIndex::wrap(index, fields, None))
    }

    fn wrap(index: Index, fields: Fields, dir: Option<PathBuf>) -> NewsIndex {
        analysis::register(index.tokenizers());
        NewsIndex { index, fields, dir }
    }

    /// The field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The underlying tantivy index, for queries of your own.
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The folder of the index; `None` in memory.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// A writer. Only one may exist per index at a time, across processes:
    /// a second gets [`IndexError::Locked`].
    pub fn writer(&self, options: &WriterOptions) -> Result<NewsWriter, IndexError> {
        NewsWriter::new(self, options)
    }

    /// A reader that sees the last commit (call `reload()` to see a newer
    /// one).
    pub fn reader(&self) -> Result<IndexReader, IndexError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| IndexError::tantivy(self.dir_or_memory(), e))
    }

    pub(crate) fn dir_or_memory(&self) -> &Path {
        self.dir.as_deref().unwrap_or(Path::new("(in memory)"))
    }
}

/// Bytes of documents compressed together in the document store.
/// Quotation documents repeat their article's title, path and sentences
/// (an article is written as one batch: its documents sit together), and a
/// block of 64 KiB holds a few articles whole; a hit then decompresses
/// that much.
const DOC_STORE_BLOCK_BYTES: usize = 64 << 10;

/// zstd's level for the document store: at 3 (with 64 KiB blocks), 40 %
/// smaller than lz4 in 16 KiB blocks (tantivy's default) on news text, and a
/// block decompresses in well under a millisecond.
const DOC_STORE_ZSTD_LEVEL: i32 = 3;

fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOC_STORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOC_STORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// Whether `dir` holds files other than what creating an index leaves
/// before its meta.json (the format record, hidden scratch and lock files):
/// an index is never created among them.
fn holds_other_files(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        !name.starts_with('.') && name != FORMAT_FILE
    })
}

/// Record this build's format version in `dir`, atomically (a scratch file
/// renamed over it): a crash leaves the old record or the new one.
fn write_format(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(FORMAT_FILE);
    let format = format!("{{\"newsq_format\": {FORMAT_VERSION}}}\n");
    directory::write_atomically(&path, format.as_bytes())
        .map_err(|source| IndexError::writing(&path, source))
}

fn check_format(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(FORMAT_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => IndexError::CannotRead {
            file: path.clone(),
            index: dir.to_path_buf(),
        },
        _ => IndexError::Incompatible {
            path: dir.to_path_buf(),
            found: "no newsq format record".to_string(),
        },
    })?;
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("newsq_format")?.as_u64());
    match version {
        Some(v) if v == u64::from(FORMAT_VERSION) => Ok(()),
        Some(v) => Err(IndexError::Incompatible {
            path: dir.to_path_buf(),
            found: format!("format {v}"),
        }),
        None => Err(IndexError::Incompatible {
            path: dir.to_path_buf(),
            found: format!("an unreadable {FORMAT_FILE}"),
        }),
    }
}
