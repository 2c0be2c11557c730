//! Bring an index up to date with folders of articles, reading only what
//! changed since the last run.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::time::{Duration, Instant, UNIX_EPOCH};

use tantivy::collector::DocSetCollector;
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Term};

use super::schema::{name, DocKind};
use super::writer::{
    default_threads, path_text, recorded_path, stable_hash, DocumentBuilder, NewsWriter,
    PreparedArticle, ReadSettings, SourceFile,
};
use super::{IndexError, NewsIndex};
use crate::read::{self, InputFormat, ReadOptions, SkipSummary, Skipped};

/// How [`sync_paths`] runs.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// How files are read (outlet override, metadata sidecar).
    pub read: ReadOptions,
    /// Remove the articles of files that were indexed from these paths
    /// before and are gone now.
    pub prune: bool,
    /// Commit after this many bytes of input, so that an interrupted run
    /// loses little work; the run always commits at its end.
    pub commit_every_bytes: u64,
    /// Re-read every file even when unchanged (changed read settings are
    /// noticed without it).
    pub force: bool,
    /// Threads reading files and preparing their articles (extraction,
    /// attribution, documents) while the writer indexes.
    pub threads: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            read: ReadOptions::default(),
            prune: false,
            commit_every_bytes: 256 << 20,
            force: false,
            threads: default_threads(),
        }
    }
}

/// What happened, as it happens: for progress bars and messages.
#[derive(Debug)]
pub enum SyncEvent<'a> {
    /// The walk is done: this many files (and bytes) will be read; the rest
    /// are unchanged.
    Planned {
        /// Files to read.
        files: usize,
        /// Their size in bytes.
        bytes: u64,
    },
    /// A file has been read and indexed.
    FileDone {
        /// The file.
        path: &'a Path,
        /// Its size in bytes.
        bytes: u64,
    },
    /// An input (a file, or a line of one) was passed over.
    Skipped(&'a Skipped),
}

/// The outcome of a [`sync_paths`] run.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SyncSummary {
    /// Files found under the paths.
    pub files_found: usize,
    /// Files read (new or changed).
    pub files_read: usize,
    /// Files unchanged since the last run, not read.
    pub files_unchanged: usize,
    /// Files gone since the last run whose articles were removed.
    pub files_pruned: usize,
    /// Articles indexed in this run.
    pub articles: usize,
    /// Quotations indexed in this run.
    pub quotations: usize,
    /// Reported statements indexed in this run.
    pub reported: usize,
    /// Bytes of input read.
    pub bytes_read: u64,
    /// Inputs passed over, by reason.
    pub skipped: SkipSummary,
    /// Whether an input could not be read: a path the user named, a file
    /// or folder found under one (permissions, a dangling link, a file gone
    /// since the walk).
    pub failed_inputs: bool,
    /// Wall time of the run.
    pub elapsed: Duration,
}

impl SyncSummary {
    /// Input read per second, in MiB.
    pub fn mib_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes_read as f64 / (1024.0 * 1024.0) / seconds
    }
}

/// A file as recorded in the index by its last indexing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRecord {
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: u64,
    /// Size in bytes.
    pub size: u64,
    /// The read settings it was read under.
    pub read_settings: ReadSettings,
}

impl FileRecord {
    /// Whether a file found now as `now` is the file recorded, read the way
    /// `options` would read it: same modification time and size, and the
    /// same value of each read setting the options give.
    fn same_for(&self, now: &FileRecord, options: &ReadOptions) -> bool {
        let (was, is) = (self.read_settings, now.read_settings);
        self.mtime_ns == now.mtime_ns
            && self.size == now.size
            && (options.meta.is_none() || was.meta == is.meta)
            && (options.outlet.is_none() || was.outlet == is.outlet)
            && (options.format.is_none() || was.format == is.format)
    }
}

/// The read settings `options` read `path` under.
fn read_settings(options: &ReadOptions, path: &Path) -> ReadSettings {
    ReadSettings {
        meta: stable_hash(options.meta_settings_for(path).as_bytes()),
        outlet: stable_hash(options.outlet.as_deref().unwrap_or("").as_bytes()),
        format: stable_hash(options.format.map_or("", InputFormat::name).as_bytes()),
    }
}

/// Index the articles under `paths` (files and folders, as
/// [`read::discover`] walks them): new and changed files are read and their
/// articles replace what the index held for them; unchanged files are not
/// read at all. A file counts as changed when its modification time or size
/// changed, or when the run gives a read setting that differs from the one
/// the file was read under: a sidecar whose rows for it changed
/// ([`ReadOptions::meta_settings_for`]), another outlet or format override.
/// A setting the run does not give is not compared (a run without `--meta`
/// keeps what earlier runs read with one). With [`SyncOptions::prune`], files indexed from these paths
/// before and gone now are removed. Commits as it goes and at the end.
///
/// Per-file problems (unreadable, binary, malformed lines) are reported
/// through `on_event` and counted in the summary; only index failures are
/// errors.
pub fn sync_paths(
    index: &NewsIndex,
    writer: &mut NewsWriter,
    paths: &[PathBuf],
    options: &SyncOptions,
    on_event: &mut dyn FnMut(SyncEvent),
) -> Result<SyncSummary, IndexError> {
    let started = Instant::now();
    let mut summary = SyncSummary::default();
    let known = file_records(index)?;
    let roots: Vec<PathBuf> = paths.iter().map(|p| recorded_path(p)).collect();

    let mut seen: HashSet<String> = HashSet::new();
    let mut plan: Vec<(PathBuf, SourceFile)> = Vec::new();
    for found in read::discover(&roots) {
        let path = match found {
            Ok(path) => path,
            Err(skipped) => {
                summary.failed_inputs |= skipped.reason.is_unreadable();
                summary.skipped.record(&skipped);
                on_event(SyncEvent::Skipped(&skipped));
                continue;
            }
        };
        let path = recorded_path(&path);
        let text = path_text(&path);
        if !seen.insert(text.clone()) {
            continue;
        }
        summary.files_found += 1;
        let (mtime_ns, size) = match std::fs::metadata(&path) {
            Ok(meta) => (
                meta.modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos().min(u128::from(u64::MAX)) as u64),
                meta.len(),
            ),
            // Gone between the walk and now: read_file will say why.
            Err(_) => (0, 0),
        };
        let read_settings = read_settings(&options.read, &path);
        let record = FileRecord {
            mtime_ns,
            size,
            read_settings,
        };
        let unchanged = known
            .get(&text)
            .is_some_and(|known| known.same_for(&record, &options.read));
        if !options.force && unchanged {
            summary.files_unchanged += 1;
            continue;
        }
        plan.push((
            path,
            SourceFile {
                path: text,
                mtime_ns,
                size,
                read_settings,
            },
        ));
    }
    on_event(SyncEvent::Planned {
        files: plan.len(),
        bytes: plan.iter().map(|(_, f)| f.size).sum(),
    });

    let mut uncommitted = 0u64;
    let builder = writer.builder();
    let workers = options.threads.max(1).min(plan.len().max(1));
    std::thread::scope(|scope| -> Result<(), IndexError> {
        // Worker w reads and prepares files w, w + workers, …; this thread
        // takes their work in the plan's order, so that the index is the
        // same however the threads ran.
        let mut inboxes = Vec::with_capacity(workers);
        for worker in 0..workers {
            let (outbox, inbox) = std::sync::mpsc::sync_channel(PENDING_CHUNKS);
            inboxes.push(inbox);
            let plan = &plan;
            let read_options = &options.read;
            scope.spawn(move || {
                for (path, _) in plan.iter().skip(worker).step_by(workers) {
                    if !prepare_file(path, read_options, &builder, &outbox) {
                        return;
                    }
                }
            });
        }
        for (i, (path, source)) in plan.iter().enumerate() {
            writer.delete_path(&source.path);
            // Unless the worker gets to the end of the file (it stops only
            // if it panicked), the file counts as unreadable.
            let mut readable = false;
            let mut unreadable = false;
            let mut in_file = 0u64;
            let inbox = &inboxes[i % workers];
            while let Ok(chunk) = inbox.recv() {
                let Chunk::Items(items) = chunk else {
                    readable = true;
                    break;
                };
                for item in items {
                    match item {
                        Ok(prepared) => {
                            let text_bytes = prepared.text_bytes() as u64;
                            summary.reported += prepared.reported();
                            summary.quotations += writer.add_prepared(prepared)?;
                            summary.articles += 1;
                            // A file larger than the commit interval commits
                            // part-way too. Its record comes only with its
                            // end, so a run cut short reads it again, replacing
                            // the articles committed so far.
                            in_file += text_bytes;
                            commit_when_due(writer, &mut uncommitted, text_bytes, options)?;
                        }
                        Err(skipped) => {
                            unreadable |= skipped.reason.is_unreadable();
                            summary.skipped.record(&skipped);
                            on_event(SyncEvent::Skipped(&skipped));
                        }
                    }
                }
            }
            // A file that could not be read is not recorded, so the next run
            // tries it again; one whose content was passed over (binary, empty)
            // is, so it is not re-read until it changes.
            if readable && !unreadable {
                writer.record_file(source)?;
            }
            // (A file that vanished or became unreadable since the walk is
            // an error of the run, as a missing path the user named is.)
            summary.failed_inputs |= unreadable || !readable;
            summary.files_read += 1;
            summary.bytes_read += source.size;
            on_event(SyncEvent::FileDone {
                path,
                bytes: source.size,
            });
            // The file's bytes beyond its articles' text (markup, JSON).
            let rest = source.size.saturating_sub(in_file);
            commit_when_due(writer, &mut uncommitted, rest, options)?;
        }
        Ok(())
    })?;

    if options.prune {
        for path in known.keys() {
            let under_a_root = roots.iter().any(|root| Path::new(path).starts_with(root));
            if under_a_root && !seen.contains(path) {
                writer.delete_path(path);
                summary.files_pruned += 1;
            }
        }
    }
    writer.commit()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Count `bytes` more input as added and commit once
/// [`SyncOptions::commit_every_bytes`] have been since the last commit.
fn commit_when_due(
    writer: &mut NewsWriter,
    uncommitted: &mut u64,
    bytes: u64,
    options: &SyncOptions,
) -> Result<(), IndexError> {
    *uncommitted += bytes;
    if *uncommitted >= options.commit_every_bytes {
        writer.commit()?;
        *uncommitted = 0;
    }
    Ok(())
}

/// Prepared articles passed from a worker to the writer at once.
const CHUNK_ARTICLES: usize = 64;

/// Chunks a worker may have ready before it waits for the writer: bounds
/// the memory held by prepared documents.
const PENDING_CHUNKS: usize = 4;

/// What a worker sends for one file: its articles (and what was passed
/// over) in chunks, then `FileEnd`.
enum Chunk {
    Items(Vec<Result<PreparedArticle, Skipped>>),
    FileEnd,
}

/// Read `path` and prepare its articles, sending them in chunks; `false`
/// when the writer has stopped listening.
fn prepare_file(
    path: &Path,
    options: &ReadOptions,
    builder: &DocumentBuilder,
    outbox: &SyncSender<Chunk>,
) -> bool {
    let mut items = Vec::with_capacity(CHUNK_ARTICLES);
    for item in read::read_articles(path, options) {
        items.push(item.map(|article| builder.prepare(&article)));
        if items.len() == CHUNK_ARTICLES {
            let full = std::mem::replace(&mut items, Vec::with_capacity(CHUNK_ARTICLES));
            if outbox.send(Chunk::Items(full)).is_err() {
                return false;
            }
        }
    }
    if !items.is_empty() && outbox.send(Chunk::Items(items)).is_err() {
        return false;
    }
    outbox.send(Chunk::FileEnd).is_ok()
}

/// Every input file recorded in the index, with its modification time and
/// size as last indexed.
pub fn file_records(index: &NewsIndex) -> Result<HashMap<String, FileRecord>, IndexError> {
    let at = |e| IndexError::tantivy(index.dir_or_memory(), e);
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let files = TermQuery::new(
        Term::from_field_u64(index.fields().kind, DocKind::File.code()),
        IndexRecordOption::Basic,
    );
    let mut docs: Vec<_> = searcher
        .search(&files, &DocSetCollector)
        .map_err(at)?
        .into_iter()
        .collect();
    docs.sort();
    let mut records = HashMap::with_capacity(docs.len());
    type SegmentColumns = (u32, StrColumn, Column<u64>, Column<u64>, [Column<u64>; 3]);
    let mut segment: Option<SegmentColumns> = None;
    let mut path = String::new();
    for address in docs {
        if segment.as_ref().map(|(ord, ..)| *ord) != Some(address.segment_ord) {
            let fast = searcher.segment_reader(address.segment_ord).fast_fields();
            let Some(paths) = fast.str(name::PATH).map_err(at)? else {
                continue;
            };
            segment = Some((
                address.segment_ord,
                paths,
                fast.u64(name::MTIME).map_err(at)?,
                fast.u64(name::SIZE).map_err(at)?,
                [
                    fast.u64(name::READ_META).map_err(at)?,
                    fast.u64(name::READ_OUTLET).map_err(at)?,
                    fast.u64(name::READ_FORMAT).map_err(at)?,
                ],
            ));
        }
        let Some((_, paths, mtimes, sizes, settings)) = &segment else {
            continue;
        };
        let doc = address.doc_id;
        let Some(ord) = paths.ords().first(doc) else {
            continue;
        };
        path.clear();
        if !paths.ord_to_str(ord, &mut path).unwrap_or(false) {
            continue;
        }
        records.insert(
            path.clone(),
            FileRecord {
                mtime_ns: mtimes.first(doc).unwrap_or(0),
                size: sizes.first(doc).unwrap_or(0),
                read_settings: ReadSettings {
                    meta: settings[0].first(doc).unwrap_or(0),
                    outlet: settings[1].first(doc).unwrap_or(0),
                    format: settings[2].first(doc).unwrap_or(0),
                },
            },
        );
    }
    Ok(records)
}
