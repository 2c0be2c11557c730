//! Write a synthetic news corpus for newsq: JSON Lines files of invented
//! articles with planted quotations (see the `newsq-synthetic` crate).
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 1000000 [--seed 7] [--per-file 10000] OUT
//! ```
//!
//! Writes `OUT/part-00000.jsonl`, `OUT/part-00001.jsonl`, … with news-please's
//! fields (title, maintext, source_domain, date_publish, url, authors). The
//! same arguments always give the same files.

use newsq_synthetic::{write_corpus, CorpusLayout, Generator};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: gen_corpus --articles N [--seed S] [--per-file N] OUT\n  (defaults: --seed 7, --per-file 10000)";

/// Worker threads.
const THREADS: usize = 2;

struct Args {
    articles: u64,
    seed: u64,
    per_file: u64,
    out: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut articles, mut seed, mut per_file, mut out) = (None, 7u64, 10_000u64, None);
    let number = |flag: &str, value: Option<String>| -> Result<u64, String> {
        let value = value.ok_or_else(|| format!("{flag} needs a number"))?;
        value
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{flag}: not a number: {value:?}"))
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--articles" => articles = Some(number("--articles", value())?),
            "--seed" => seed = number("--seed", value())?,
            "--per-file" => per_file = number("--per-file", value())?,
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown option {f}")),
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("one output folder only (got {arg:?} too)")),
        }
    }
    let articles = articles.ok_or("--articles is required")?;
    if per_file == 0 {
        return Err("--per-file must be at least 1".into());
    }
    let out = out.ok_or("no output folder given")?;
    Ok(Some(Args {
        articles,
        seed,
        per_file,
        out,
    }))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let layout = CorpusLayout {
        articles: args.articles,
        per_file: args.per_file,
        threads: THREADS,
    };
    let written = match write_corpus(&Generator::new(args.seed), layout, &args.out) {
        Ok(written) => written,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    let mib = written.bytes as f64 / (1024.0 * 1024.0);
    println!(
        "gen_corpus: {} articles in {} files, {mib:.1} MiB in {seconds:.1} s ({:.1} MiB/s, seed {}) to {}",
        args.articles,
        written.files,
        mib / seconds.max(1e-9),
        args.seed,
        args.out.display()
    );
    ExitCode::SUCCESS
}
