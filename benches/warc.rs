//! Ingesting web crawls: WARC.gz files of HTML pages into articles and
//! into an index, against the floor of decompressing them and against the
//! same articles given as JSON Lines, in the same run.
//!
//! ```text
//! cargo bench --bench warc                       # 3,000 generated pages in 4 .warc.gz files
//! NEWSQ_BENCH_WARC=/path/to/cc-news cargo bench --bench warc
//! NEWSQ_BENCH_ARTICLES=20000 cargo bench --bench warc
//! cargo bench --bench warc -- --quick            # 300 pages, one run per stage (CI)
//! ```
//!
//! The generated crawl (newsq-synthetic's articles as pages in its three
//! site layouts, each with its request record; a redirect and an image
//! response every tenth page) is written once to `target/newsq-bench/`,
//! with the same articles as news-please JSON Lines beside it.
//! `NEWSQ_BENCH_WARC` names a folder of real `.warc`/`.warc.gz` files
//! (CC-NEWS) instead; the JSON Lines stage is then left out.
//!
//! Stages (MiB/s of `.warc.gz` bytes, the size on disk):
//! * `gunzip only`: decompress every file to nowhere — the floor of any
//!   WARC.gz reader;
//! * `newsq read, 1 thread`: `read_articles` on each file — records, HTTP,
//!   encodings, Readability, cleaning — articles out;
//! * `newsq index, warc`: `sync_paths` on the crawl folder as `newsq
//!   index` runs it (2 threads: a file per worker), then commit;
//! * `newsq index, jsonl`: the same on the same articles as JSON Lines —
//!   what reading pages costs over reading text.
//!
//! Each stage runs once to warm up, then 5 times (once with `--quick`); the
//! median is reported.

mod common;

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flate2::read::MultiGzDecoder;
use newsq::read::{discover, read_articles, ReadOptions};
use newsq_synthetic::web::{html_page, Layout, WarcWriter};
use newsq_synthetic::Generator;

use common::{dir_bytes, newsq_sync, print_table, scratch_dir, time, MIB, SEED};

const ARTICLES: u64 = 3_000;
const QUICK_ARTICLES: u64 = 300;
const FILES: u64 = 4;
const CRAWLED: &str = "2026-03-04T10:00:00Z";

fn main() -> ExitCode {
    let quick = std::env::args().any(|a| a == "--quick");
    match run(quick) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("warc bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(quick: bool) -> Result<(), String> {
    let (label, crawl, jsonl) = match common::dir_from_env("NEWSQ_BENCH_WARC") {
        Some(dir) => (format!("{} (NEWSQ_BENCH_WARC)", dir.display()), dir, None),
        None => {
            let articles = common::generated_count(quick, QUICK_ARTICLES, ARTICLES);
            let dir = scratch_dir().join(format!("crawl-{articles}-seed{SEED}"));
            write_generated(articles, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let label = format!(
                "{articles} generated pages in {FILES} .warc.gz files (seed {SEED}; NEWSQ_BENCH_WARC for real ones)"
            );
            (label, dir.join("warc"), Some(dir.join("jsonl")))
        }
    };
    let files: Vec<PathBuf> = discover(std::slice::from_ref(&crawl))
        .into_iter()
        .flatten()
        .collect();
    if files.is_empty() {
        return Err(format!("no WARC files in {}", crawl.display()));
    }
    let compressed = dir_bytes(&crawl) as usize;
    let uncompressed = gunzip(&files).map_err(|e| e.to_string())?;
    println!(
        "corpus: {label}\n  {} file(s), {:.2} MiB on disk, {:.2} MiB of WARC records\n",
        files.len(),
        compressed as f64 / MIB,
        uncompressed as f64 / MIB
    );

    let mut stages = vec![
        ("gunzip only", time(quick, || gunzip(&files).unwrap_or(0))),
        ("newsq read, 1 thread", time(quick, || read_all(&files))),
        ("newsq index, warc", time(quick, || newsq_sync(&crawl))),
    ];
    if let Some(jsonl) = &jsonl {
        stages.push(("newsq index, jsonl", time(quick, || newsq_sync(jsonl))));
    }
    print_table("MiB of .warc.gz per second", &stages, compressed);
    if jsonl.is_some() {
        println!("(the jsonl stage reads the same articles as JSON Lines: its MiB/s is of the .warc.gz bytes too)");
    }
    Ok(())
}

/// Bytes of WARC records in `files`, decompressed to nowhere.
fn gunzip(files: &[PathBuf]) -> io::Result<u64> {
    let mut total = 0;
    for path in files {
        let file = BufReader::new(File::open(path)?);
        total += if path.extension().is_some_and(|e| e == "gz") {
            io::copy(&mut MultiGzDecoder::new(file), &mut io::sink())?
        } else {
            io::copy(&mut BufReader::new(file), &mut io::sink())?
        };
    }
    Ok(total)
}

/// Articles read from every file, one thread.
fn read_all(files: &[PathBuf]) -> u64 {
    let options = ReadOptions::default();
    files
        .iter()
        .map(|path| read_articles(path, &options).flatten().count() as u64)
        .sum()
}

/// `count` generated articles as pages in `dir/warc/*.warc.gz` and as JSON
/// Lines in `dir/jsonl/*.jsonl`, unless written before.
fn write_generated(count: u64, dir: &Path) -> io::Result<()> {
    let done = dir.with_extension("complete");
    if done.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir.join("warc"))?;
    std::fs::create_dir_all(dir.join("jsonl"))?;
    let generator = Generator::new(SEED);
    let per_file = count.div_ceil(FILES);
    for file in 0..FILES {
        let name = format!("CC-NEWS-20260304-{file:05}");
        let warc_file = File::create(dir.join("warc").join(format!("{name}.warc.gz")))?;
        let mut warc = WarcWriter::new(BufWriter::new(warc_file), true);
        let mut jsonl = BufWriter::new(File::create(
            dir.join("jsonl").join(format!("{name}.jsonl")),
        )?);
        warc.warcinfo(CRAWLED)?;
        for n in file * per_file..((file + 1) * per_file).min(count) {
            let article = generator.article(n);
            writeln!(jsonl, "{}", article.to_json_line())?;
            let page = article.to_page_article();
            let html = html_page(Layout::ALL[n as usize % Layout::ALL.len()], &page);
            warc.request(&page.url, CRAWLED)?;
            warc.response(
                &page.url,
                CRAWLED,
                200,
                "text/html; charset=utf-8",
                html.as_bytes(),
            )?;
            if n % 10 == 0 {
                warc.response(&format!("{}?amp", page.url), CRAWLED, 301, "text/html", b"")?;
                warc.response(
                    &format!("{}.jpg", page.url),
                    CRAWLED,
                    200,
                    "image/jpeg",
                    b"\xFF\xD8",
                )?;
            }
        }
        warc.finish()?.flush()?;
        jsonl.flush()?;
    }
    std::fs::write(&done, "")
}
