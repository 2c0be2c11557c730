//! What the benchmarks share: the corpus they run on, where they keep
//! indexes between runs, and how they report times.

#![allow(dead_code)] // each benchmark uses its own part

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsq::index::{sync_paths, NewsIndex, NewsWriter, SyncOptions, WriterOptions};
use newsq::read::{discover, read_file, ReadOptions};
use newsq::Article;
use newsq_synthetic::{Generator, SyntheticArticle};

pub const MIB: f64 = 1024.0 * 1024.0;

/// Timed runs of each stage (after one to warm up).
pub const RUNS: usize = 5;

/// Indexing threads, as on the 2-core machine the figures come from.
pub const THREADS: usize = 2;

/// The index writer's memory.
pub const MEMORY: usize = 256 << 20;

/// The generated corpus's seed: the same articles on every machine.
pub const SEED: u64 = 7;

/// A folder of real articles named by `NEWSQ_BENCH_CORPUS`, if set.
pub fn corpus_dir() -> Option<PathBuf> {
    dir_from_env("NEWSQ_BENCH_CORPUS")
}

/// The folder the environment variable `name` names, if set and not empty.
pub fn dir_from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// How many articles to generate: `quick_count` with `--quick`, else
/// `NEWSQ_BENCH_ARTICLES` if it is a number, else `count`.
pub fn generated_count(quick: bool, quick_count: u64, count: u64) -> u64 {
    if quick {
        return quick_count;
    }
    std::env::var("NEWSQ_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(count)
}

/// Every article under `dir`, read and cleaned as `newsq index` reads them.
pub fn read_corpus(dir: &Path) -> Result<Vec<Article>, String> {
    let articles: Vec<Article> = discover(&[dir.to_path_buf()])
        .into_iter()
        .flatten()
        .flat_map(|path| read_file(&path, &ReadOptions::default()))
        .flatten()
        .collect();
    if articles.is_empty() {
        return Err(format!(
            "no articles in {}; set NEWSQ_BENCH_CORPUS to a folder of articles",
            dir.display()
        ));
    }
    Ok(articles)
}

/// Generated article `n` as newsq reads it.
pub fn generated(generator: &Generator, n: u64) -> Article {
    to_article(generator.article(n), n)
}

fn to_article(article: SyntheticArticle, n: u64) -> Article {
    Article {
        id: article.url.clone(),
        outlet: Some(article.outlet),
        title: Some(article.title),
        published: Some(article.published),
        authors: article.authors,
        url: Some(article.url),
        body: article.body,
        line: Some(n as usize + 1),
        ..Article::default()
    }
}

/// Where benchmarks keep what they build (indexes, generated files) between
/// runs: `target/newsq-bench`.
pub fn scratch_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            // target/release/deps/BENCH → target
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("newsq-bench")
}

/// Bytes under `dir`, recursively.
pub fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => dir_bytes(&entry.path()),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum()
}

/// The `q`-quantile (0.5 for the median) of sorted durations, nearest rank.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Milliseconds, for tables.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median wall time of `f` over [`RUNS`] runs after a warm-up (one run,
/// no warm-up, when `quick`), and what it returned.
pub fn time(quick: bool, mut f: impl FnMut() -> u64) -> (Duration, u64) {
    let mut result = if quick { 0 } else { f() };
    let mut times = Vec::new();
    for _ in 0..if quick { 1 } else { RUNS } {
        let started = Instant::now();
        result = black_box(f());
        times.push(started.elapsed());
    }
    times.sort();
    (times[times.len() / 2], result)
}

pub fn print_table(title: &str, rows: &[(&str, (Duration, u64))], bytes: usize) {
    println!("{title}:");
    let base = rows[0].1 .0.as_secs_f64().max(1e-12);
    for (name, (median, result)) in rows {
        let seconds = median.as_secs_f64().max(1e-12);
        println!(
            "  {name:<20} {:>8.1} MiB/s  {:>9.2} ms  {:>5.2}× baseline time, {:>4.2}× its speed  ({result})",
            bytes as f64 / MIB / seconds,
            seconds * 1e3,
            seconds / base,
            base / seconds,
        );
    }
    println!();
}

/// An empty index in memory and its writer, with the benchmarks' threads and memory.
pub fn in_ram_writer() -> Result<(NewsIndex, NewsWriter), newsq::index::IndexError> {
    let index = NewsIndex::create_in_ram()?;
    let writer = index.writer(&WriterOptions {
        threads: THREADS,
        memory_bytes: MEMORY,
    })?;
    Ok((index, writer))
}

/// Quotations indexed from the files under `dir` by `sync_paths`, as `newsq
/// index` runs it, into an index in memory, then committed.
pub fn newsq_sync(dir: &Path) -> u64 {
    let run = || -> Result<u64, newsq::index::IndexError> {
        let (index, mut writer) = in_ram_writer()?;
        let options = SyncOptions {
            threads: THREADS,
            ..SyncOptions::default()
        };
        let summary = sync_paths(
            &index,
            &mut writer,
            &[dir.to_path_buf()],
            &options,
            &mut |_| {},
        )?;
        writer.commit()?;
        Ok(summary.quotations as u64)
    };
    run().unwrap_or_else(|e| panic!("newsq sync failed: {e}"))
}
