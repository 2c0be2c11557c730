//! Adding articles to an index.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rust_stemmers::Algorithm;
use tantivy::indexer::UserOperation;
use tantivy::schema::{Field, Term};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, IndexReader, IndexWriter, TantivyDocument};

use super::analysis::{name_key, non_english_stemmer, pre_tokenize, text_analyzer_for};
use super::date::parse_published;
use super::schema::{DocKind, Fields, StatementKindCode};
use super::{IndexError, NewsIndex};
use crate::language;
use crate::quote::{self, Quotation, StatementKind};
use crate::wording::Wording;
use crate::Article;

/// How much memory and how many threads a writer uses.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Indexing threads (tantivy's segment writers).
    pub threads: usize,
    /// Memory budget in bytes for all threads together; a segment is
    /// written to disk when its share fills up. At least 15 MB per thread.
    pub memory_bytes: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            threads: default_threads(),
            memory_bytes: 256 << 20,
        }
    }
}

/// Threads for indexing, and as many for preparing articles: the cores
/// there are, up to 2.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get().min(2))
        .unwrap_or(1)
}

/// tantivy's floor for one indexing thread's memory budget.
const MIN_MEMORY_PER_THREAD: usize = 15_000_000;

/// An input file as indexed: recorded in the index so that the next run can
/// tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as indexed (absolute).
    pub path: String,
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: u64,
    /// Size in bytes.
    pub size: u64,
    /// The read settings it was read under (see [`super::sync_paths`]).
    pub read_settings: ReadSettings,
}

/// Digests of the read settings a file was read under: its `--meta` rows
/// ([`crate::read::ReadOptions::meta_settings_for`]), the outlet and the
/// format overrides ([`stable_hash`] of the text, empty when not given).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadSettings {
    /// The sidecar rows that apply to the file.
    pub meta: u64,
    /// `--set-outlet`.
    pub outlet: u64,
    /// `--format`.
    pub format: u64,
}

/// Writes articles and their quotations into a [`NewsIndex`]. Nothing is
/// visible to readers until [`NewsWriter::commit`], and a commit is atomic:
/// a reader sees an article with all its quotations or not at all.
pub struct NewsWriter {
    writer: IndexWriter,
    fields: Fields,
    index_path: std::path::PathBuf,
    /// The index as of the last commit, to tell a new article from a
    /// replacement.
    committed: IndexReader,
    /// [`stable_hash`]es of the keys of the articles added since the last
    /// commit.
    uncommitted: HashSet<u64>,
}

impl NewsWriter {
    pub(crate) fn new(index: &NewsIndex, options: &WriterOptions) -> Result<Self, IndexError> {
        let threads = options.threads.max(1);
        let memory = options.memory_bytes.max(threads * MIN_MEMORY_PER_THREAD);
        let writer = index
            .tantivy()
            .writer_with_num_threads(threads, memory)
            .map_err(|e| IndexError::writing_index(index.dir_or_memory(), e))?;
        Ok(NewsWriter {
            writer,
            fields: *index.fields(),
            index_path: index.dir_or_memory().to_path_buf(),
            committed: index.reader()?,
            uncommitted: HashSet::new(),
        })
    }

    /// Extract the article's quotations and add it with them, replacing any
    /// article with the same [`article_key`]. Returns the number of
    /// direct quotations added (reported statements are added too).
    pub fn add_article(&mut self, article: &Article) -> Result<usize, IndexError> {
        let prepared = self.builder().prepare(article);
        self.add_prepared(prepared)
    }

    /// Add an article with quotations extracted already (or written by
    /// hand), replacing any article with the same [`article_key`].
    pub fn add_article_with_quotations(
        &mut self,
        article: &Article,
        quotations: &[Quotation],
    ) -> Result<(), IndexError> {
        let prepared = self.builder().documents(article, quotations);
        self.add_prepared(prepared).map(|_| ())
    }

    /// What turns articles into this index's documents, for preparing them
    /// on other threads ([`DocumentBuilder::prepare`]) and adding them with
    /// [`NewsWriter::add_prepared`].
    pub fn builder(&self) -> DocumentBuilder {
        DocumentBuilder {
            fields: self.fields,
        }
    }

    /// Add an article prepared by a [`DocumentBuilder`], replacing any
    /// article with the same key. Returns the number of its quotations.
    pub fn add_prepared(&mut self, prepared: PreparedArticle) -> Result<usize, IndexError> {
        let PreparedArticle {
            key,
            mut operations,
            quotations,
            ..
        } = prepared;
        let term = Term::from_field_text(self.fields.article_id, &key);
        // A delete costs tantivy memory until the commit (a scoring weight
        // per delete), so it is sent only for an article that may be
        // there already: added since the last commit (a hash collision
        // merely sends a needless delete) or present in the last commit.
        let added_before = !self.uncommitted.insert(stable_hash(key.as_bytes()));
        let replaces = added_before
            || self
                .committed
                .searcher()
                .doc_freq(&term)
                .map_err(|e| IndexError::tantivy(&self.index_path, e))?
                > 0;
        if replaces {
            operations.insert(0, UserOperation::Delete(term));
        }
        self.writer
            .run(operations)
            .map(|_| quotations)
            .map_err(|e| IndexError::writing_index(&self.index_path, e))
    }

    /// Remove every article, quotation and file record that came from
    /// `path` (as recorded: the path as given to the reader, lossily in
    /// UTF-8).
    pub fn delete_path(&mut self, path: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.path, path));
    }

    /// Remove an article and its quotations by [`article_key`].
    pub fn delete_article(&mut self, key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.article_id, key));
    }

    /// Record an input file as indexed (see [`super::sync_paths`]).
    pub fn record_file(&mut self, file: &SourceFile) -> Result<(), IndexError> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.kind, DocKind::File.code());
        doc.add_text(f.path, &file.path);
        doc.add_u64(f.mtime, file.mtime_ns);
        doc.add_u64(f.size, file.size);
        doc.add_u64(f.read_meta, file.read_settings.meta);
        doc.add_u64(f.read_outlet, file.read_settings.outlet);
        doc.add_u64(f.read_format, file.read_settings.format);
        self.add(doc)
    }

    /// Make everything added or deleted so far visible to new readers, at
    /// once.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer
            .commit()
            .map_err(|e| IndexError::writing_index(&self.index_path, e))?;
        self.committed
            .reload()
            .map_err(|e| IndexError::tantivy(&self.index_path, e))?;
        self.uncommitted.clear();
        Ok(())
    }

    /// Drop everything added or deleted since the last commit.
    pub fn rollback(&mut self) -> Result<(), IndexError> {
        self.writer
            .rollback()
            .map_err(|e| IndexError::writing_index(&self.index_path, e))?;
        self.uncommitted.clear();
        Ok(())
    }

    /// Commit, then wait for background segment merges to finish, so that
    /// the index is left compact.
    pub fn finish(mut self) -> Result<(), IndexError> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| IndexError::writing_index(&self.index_path, e))
    }

    fn add(&mut self, doc: TantivyDocument) -> Result<(), IndexError> {
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| IndexError::writing_index(&self.index_path, e))
    }
}

/// Turns articles into the documents of an index: extraction, attribution
/// and document building, most of the work of indexing, apart from the
/// writer, so that several threads can share it.
#[derive(Debug, Clone, Copy)]
pub struct DocumentBuilder {
    fields: Fields,
}

/// An article's documents, ready for [`NewsWriter::add_prepared`].
pub struct PreparedArticle {
    /// The article's [`article_key`].
    key: String,
    operations: Vec<UserOperation>,
    quotations: usize,
    reported: usize,
    /// Bytes of the article's text.
    text_bytes: usize,
}

impl PreparedArticle {
    /// The number of direct quotations found in the article.
    pub fn quotations(&self) -> usize {
        self.quotations
    }

    /// The number of reported statements found in the article.
    pub fn reported(&self) -> usize {
        self.reported
    }

    /// Bytes of the article's text (its body and title).
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }
}

impl DocumentBuilder {
    /// Extract the article's quotations and build its documents.
    pub fn prepare(&self, article: &Article) -> PreparedArticle {
        let language = language::of_article(article);
        // (Told once: a text that tells no language is read as English.)
        let read_as = language.unwrap_or(language::FALLBACK);
        let quotations = quote::extract_in(Some(read_as), article.title.as_deref(), &article.body);
        self.documents_in(article, language, &quotations)
    }

    /// The documents of an article with the given quotations: one for the
    /// article and one per quotation (the writer deletes any earlier copy
    /// of the article first).
    ///
    /// The article's language is the one it gives, else the one its text
    /// tells ([`language::of_article`]): stored, and stemmed in.
    pub fn documents(&self, article: &Article, quotations: &[Quotation]) -> PreparedArticle {
        self.documents_in(article, language::of_article(article), quotations)
    }

    /// [`DocumentBuilder::documents`] of an article in `language`.
    fn documents_in(
        &self,
        article: &Article,
        language: Option<&str>,
        quotations: &[Quotation],
    ) -> PreparedArticle {
        let f = self.fields;
        let key = article_key(article);
        // The text fields' own analyzer stems English; other languages'
        // text goes in analysed already.
        let mut foreign = language.and_then(non_english_stemmer).map(take_analyzer);
        // One batch per article: its documents go to the same segment,
        // next to each other in the document store, where the fields they
        // share compress away.
        let mut batch = Vec::with_capacity(quotations.len() + 2);

        let mut shared = TantivyDocument::default();
        shared.add_text(f.article_id, &key);
        shared.add_text(f.article_name, &article.id);
        if let Some(path) = &article.path {
            shared.add_text(f.path, path_text(path));
        }
        if let Some(line) = article.line {
            shared.add_u64(f.line, line as u64);
        }
        if let Some(outlet) = non_empty(&article.outlet) {
            shared.add_text(f.outlet, outlet);
            shared.add_text(f.outlet_key, name_key(outlet));
        }
        if let Some(seconds) = article.published.as_deref().and_then(parse_published) {
            shared.add_date(f.published, DateTime::from_timestamp_secs(seconds));
        }
        if let Some(url) = non_empty(&article.url) {
            shared.add_text(f.url, url);
        }
        if let Some(language) = language {
            shared.add_text(f.language, language);
        }

        let title = non_empty(&article.title);
        let mut doc = shared.clone();
        doc.add_u64(f.kind, DocKind::Article.code());
        if let Some(title) = title {
            add_text(&mut doc, f.title, title, &mut foreign);
        }
        add_text(&mut doc, f.body, &article.body, &mut foreign);
        batch.push(UserOperation::Add(doc));

        for q in quotations {
            let mut doc = shared.clone();
            doc.add_u64(f.kind, DocKind::Quotation.code());
            if let Some(title) = title {
                doc.add_text(f.headline, title);
            }
            add_text(&mut doc, f.quote, &q.text, &mut foreign);
            doc.add_text(f.context, sentence_around(&article.body, q.start, q.end));
            if let Some(speaker) = q.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
                doc.add_text(f.speaker, speaker);
                doc.add_text(f.speaker_key, name_key(speaker));
            }
            if let Some(mention) = &q.speaker_mention {
                doc.add_text(f.speaker_mention, mention);
            }
            if let Some(from) = q.speaker_from {
                doc.add_text(f.speaker_from, from.as_str());
            }
            if let Some(cue) = &q.cue {
                doc.add_text(f.cue, cue);
            }
            doc.add_text(f.quote_id, quotation_id(&key, q.start));
            doc.add_u64(f.statement_kind, StatementKindCode::of(q.kind));
            for &start in &q.contains {
                doc.add_text(f.contains, quotation_id(&key, start));
            }
            for shingle in Wording::new(&q.text).anchors() {
                doc.add_u64(f.quote_shingle, shingle);
            }
            doc.add_u64(f.quote_start, q.start as u64);
            doc.add_u64(f.quote_end, q.end as u64);
            batch.push(UserOperation::Add(doc));
        }
        if let Some(analyzer) = foreign {
            give_back_analyzer(analyzer);
        }
        PreparedArticle {
            key,
            operations: batch,
            quotations: quotations
                .iter()
                .filter(|q| q.kind == StatementKind::Quotation)
                .count(),
            reported: quotations
                .iter()
                .filter(|q| q.kind == StatementKind::Reported)
                .count(),
            text_bytes: article.body.len() + title.map_or(0, str::len),
        }
    }
}

thread_local! {
    /// Analyzers for articles not in English, made on first use, one set
    /// per thread: each keeps a cache of stems.
    static OTHER_LANGUAGES: std::cell::RefCell<Vec<(Algorithm, TextAnalyzer)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn take_analyzer(language: Algorithm) -> (Algorithm, TextAnalyzer) {
    OTHER_LANGUAGES.with(|cell| {
        let mut analyzers = cell.borrow_mut();
        match analyzers.iter().position(|(l, _)| *l == language) {
            Some(i) => analyzers.swap_remove(i),
            None => (language, text_analyzer_for(language)),
        }
    })
}

fn give_back_analyzer(analyzer: (Algorithm, TextAnalyzer)) {
    OTHER_LANGUAGES.with(|cell| cell.borrow_mut().push(analyzer));
}

/// Add text to a field: analysed by the field's own (English) analyzer, or
/// by `foreign`'s when the article is in another language.
fn add_text(
    doc: &mut TantivyDocument,
    field: Field,
    text: &str,
    foreign: &mut Option<(Algorithm, TextAnalyzer)>,
) {
    match foreign {
        None => doc.add_text(field, text),
        Some((_, analyzer)) => doc.add_pre_tokenized_text(field, pre_tokenize(analyzer, text)),
    }
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// How a path is written in the index: as given, lossily in UTF-8.
pub(crate) fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A file's path as the index records it: absolute and, where the file
/// exists, with symbolic links and `..` resolved, so the same file is the
/// same record (and its articles have the same [`article_key`]) from any
/// working directory.
pub fn recorded_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The identity of an article in the index: indexing an article with the
/// same key replaces the earlier one. Its URL where known; otherwise its
/// file (and line, in JSON Lines) with a hash of its text, so that two
/// different articles never share a key.
///
/// ```
/// use newsq_core::{index::article_key, Article};
///
/// let mut article = Article::from_body("a.txt", "Text.");
/// assert!(article_key(&article).starts_with("a.txt#"));
/// article.url = Some("https://example.com/a".into());
/// assert_eq!(article_key(&article), "https://example.com/a");
/// ```
pub fn article_key(article: &Article) -> String {
    if let Some(url) = non_empty(&article.url) {
        return url.to_string();
    }
    let place = match &article.path {
        Some(path) => path_text(path),
        None => article.id.clone(),
    };
    let line = article.line.map(|l| format!(":{l}")).unwrap_or_default();
    format!(
        "{place}{line}#{:016x}",
        stable_hash(article.body.as_bytes())
    )
}

/// The id of the quotation starting at byte `start` of the article with key
/// `article_key`: 16 hex digits, stable across re-indexing.
///
/// ```
/// use newsq_core::index::quotation_id;
///
/// assert_eq!(quotation_id("a.txt#1", 10), quotation_id("a.txt#1", 10));
/// assert_ne!(quotation_id("a.txt#1", 10), quotation_id("a.txt#1", 11));
/// assert_eq!(quotation_id("a.txt#1", 10).len(), 16);
/// ```
pub fn quotation_id(article_key: &str, start: usize) -> String {
    format!(
        "{:016x}",
        stable_hash(format!("{article_key}@{start}").as_bytes())
    )
}

/// FNV-1a, 64 bits: a hash for keys stored on disk, the same on every
/// platform and Rust version (std's hasher promises neither).
pub fn stable_hash(bytes: &[u8]) -> u64 {
    continue_hash(0xcbf2_9ce4_8422_2325, bytes)
}

/// [`stable_hash`] of some text followed by `bytes`, given `hash`, the hash
/// of that text: hashes a sequence without joining it.
pub(crate) fn continue_hash(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Longest context kept on each side of a quotation.
const CONTEXT_BYTES: usize = 300;

/// The sentence around a quotation (from the end of the sentence before it
/// to the end of the sentence it ends), trimmed to a few hundred bytes on
/// each side, for display with a hit. Empty when the offsets are not on
/// character boundaries of `body`.
pub fn sentence_around(body: &str, start: usize, end: usize) -> &str {
    if body.get(..start).is_none() || body.get(end..).is_none() {
        return "";
    }
    // Only the CONTEXT_BYTES on each side are looked through: an article
    // of many quotations and no stops would otherwise be read whole for
    // each of them.
    let window_from = floor_char_boundary(body, start.saturating_sub(CONTEXT_BYTES));
    let from = body[window_from..start]
        .rfind(['.', '?', '!', '\n'])
        .map_or(window_from, |i| window_from + i + 1);
    let window_to = floor_char_boundary(body, end.saturating_add(CONTEXT_BYTES).min(body.len()));
    let to = body[end..window_to]
        .find(['.', '?', '!', '\n'])
        .map_or(window_to, |i| end + i + 1);
    body.get(from..to).unwrap_or("").trim()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_the_sentence_around_the_quote() {
        let body = "Earlier news. The mayor said “we stay” on Monday. Next sentence.";
        let start = body.find('“').unwrap();
        let end = body.find('”').unwrap() + '”'.len_utf8();
        assert_eq!(
            sentence_around(body, start, end),
            "The mayor said “we stay” on Monday."
        );
        assert_eq!(sentence_around(body, 5, 1000), "");
    }
}
