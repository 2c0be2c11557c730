//! Throughput of quotation extraction, single-threaded, std only.
//!
//! ```text
//! cargo bench --bench extract                      # the sample corpus, examples/articles
//! NEWSQ_BENCH_CORPUS=/path/to/dir cargo bench --bench extract
//! cargo bench --bench extract -- --quick           # one iteration per stage (CI smoke run)
//! ```
//!
//! The corpus is read once with `newsq::read::{discover, read_file}`; every
//! stage then runs over the same in-memory texts:
//!
//! * `scan`: count the quote-mark characters (“ ” " ‘ ’ ' « » „) of every
//!   body — the floor any extractor pays just to look at the text;
//! * `extract`: `newsq::quote::extract_with_headline` (quotations and
//!   reported statements) on every body and its
//!   headline, as `newsq extract` and the index run it;
//! * `read+clean`: `newsq::read::parse_plain_text` on the raw text of every
//!   plain-text file (JSON inputs are left out) — the reader's cost.
//!
//! After one warm-up run, each stage is repeated until it has run at least
//! 5 times and for at least 2 s (or for 10 s, whichever comes first); the
//! table reports the median run. `scan` and `extract` throughput is in MiB of
//! body text, `read+clean` in MiB of raw file text.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsq::read::{discover, parse_plain_text, read_file, ReadOptions};

/// The extraction target: "well above 50 MB/s on one core".
const TARGET_MIB_S: f64 = 50.0;
const MIN_ITERS: usize = 5;
const MIN_TIME: Duration = Duration::from_secs(2);
const MAX_TIME: Duration = Duration::from_secs(10);
const MIB: f64 = 1024.0 * 1024.0;

/// Everything the stages run over, loaded before any timing starts.
struct Corpus {
    /// What was loaded, for the header line.
    label: String,
    files: usize,
    /// Cleaned article bodies, as `read_file` produced them.
    bodies: Vec<String>,
    /// Each body's headline, where the reader found one.
    titles: Vec<Option<String>>,
    /// (file name, decoded text) of every plain-text file that gave an article.
    plain: Vec<(String, String)>,
    /// Inputs that produced no article, as printable messages.
    skipped: Vec<String>,
}

/// One timed stage.
struct Stage {
    name: &'static str,
    bytes: usize,
    items: usize,
    iters: usize,
    median: Duration,
    /// The stage's result count (marks, quotations, body bytes): the same on every run.
    found: u64,
    found_what: &'static str,
}

impl Stage {
    fn mib_s(&self) -> f64 {
        self.bytes as f64 / MIB / self.median.as_secs_f64().max(1e-12)
    }
    fn items_s(&self) -> f64 {
        self.items as f64 / self.median.as_secs_f64().max(1e-12)
    }
}

fn main() -> ExitCode {
    let mut quick = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quick" => quick = true,
            // `cargo bench` passes `--bench` to harness = false targets.
            "--bench" => {}
            "-h" | "--help" => {
                println!(
                    "usage: cargo bench --bench extract [-- --quick]\n\
                     corpus: $NEWSQ_BENCH_CORPUS (a directory or file), else examples/articles"
                );
                return ExitCode::SUCCESS;
            }
            other => eprintln!("extract bench: ignoring argument {other:?}"),
        }
    }

    let corpus = match load_corpus() {
        Ok(corpus) => corpus,
        Err(message) => {
            eprintln!("extract bench: {message}");
            return ExitCode::from(2);
        }
    };
    print_corpus(&corpus);

    let body_bytes: usize = corpus.bodies.iter().map(String::len).sum();
    let n_bodies = corpus.bodies.len();
    let mut stages = Vec::new();

    stages.push(measure(
        "scan",
        body_bytes,
        n_bodies,
        "quote marks",
        quick,
        || {
            let mut marks = 0u64;
            for body in &corpus.bodies {
                marks += count_quote_marks(black_box(body.as_str()));
            }
            black_box(marks)
        },
    ));

    stages.push(measure(
        "extract",
        body_bytes,
        n_bodies,
        "statements",
        quick,
        || {
            let mut quotes = 0u64;
            // What `newsq extract` and the index run: the body, with the
            // headline read as context.
            for (body, title) in corpus.bodies.iter().zip(&corpus.titles) {
                let found = newsq::quote::extract_with_headline(
                    black_box(title.as_deref()),
                    black_box(body.as_str()),
                );
                quotes += found.len() as u64;
                black_box(found);
            }
            quotes
        },
    ));

    if !corpus.plain.is_empty() {
        let raw_bytes: usize = corpus.plain.iter().map(|(_, t)| t.len()).sum();
        stages.push(measure(
            "read+clean",
            raw_bytes,
            corpus.plain.len(),
            "body bytes",
            quick,
            || {
                let mut out_bytes = 0u64;
                for (name, text) in &corpus.plain {
                    let article =
                        parse_plain_text(black_box(name.as_str()), black_box(text.as_str()));
                    out_bytes += article.body.len() as u64;
                    black_box(article);
                }
                out_bytes
            },
        ));
    }

    print_table(&stages, quick);
    ExitCode::SUCCESS
}

/// Count “ ” " ‘ ’ ' « » „ in `text`, char by char.
fn count_quote_marks(text: &str) -> u64 {
    text.chars()
        .filter(|c| {
            matches!(
                c,
                '\u{201C}'
                    | '\u{201D}'
                    | '"'
                    | '\u{2018}'
                    | '\u{2019}'
                    | '\''
                    | '\u{AB}'
                    | '\u{BB}'
                    | '\u{201E}'
            )
        })
        .count() as u64
}

/// Run `f` once to warm up, then until the time/iteration budget is spent
/// (once in quick mode), and keep the median run.
fn measure(
    name: &'static str,
    bytes: usize,
    items: usize,
    found_what: &'static str,
    quick: bool,
    mut f: impl FnMut() -> u64,
) -> Stage {
    eprint!("running {name:<10} ");
    let found = if quick { None } else { Some(f()) };
    let mut times = Vec::new();
    let start = Instant::now();
    let mut last = found;
    loop {
        let t0 = Instant::now();
        let result = f();
        times.push(t0.elapsed());
        if let Some(previous) = last {
            if previous != result {
                eprintln!(
                    "\nextract bench: warning: stage {name} found {previous} then {result} {found_what}; \
                     the work is not deterministic"
                );
            }
        }
        last = Some(result);
        let elapsed = start.elapsed();
        if quick || (times.len() >= MIN_ITERS && elapsed >= MIN_TIME) || elapsed >= MAX_TIME {
            break;
        }
    }
    times.sort();
    let median = times[times.len() / 2];
    eprintln!(
        "{} run(s), median {:.3} ms",
        times.len(),
        median.as_secs_f64() * 1e3
    );
    Stage {
        name,
        bytes,
        items,
        iters: times.len(),
        median,
        found: last.unwrap(),
        found_what,
    }
}

fn load_corpus() -> Result<Corpus, String> {
    let (root, label) = match std::env::var_os("NEWSQ_BENCH_CORPUS") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            let label = format!("{} (NEWSQ_BENCH_CORPUS)", dir.display());
            (dir, label)
        }
        _ => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join("articles");
            let label = format!(
                "{} (sample corpus; set NEWSQ_BENCH_CORPUS for another)",
                dir.display()
            );
            (dir, label)
        }
    };
    let mut corpus = Corpus {
        label,
        files: 0,
        bodies: Vec::new(),
        titles: Vec::new(),
        plain: Vec::new(),
        skipped: Vec::new(),
    };
    for found in discover(std::slice::from_ref(&root)) {
        let path = match found {
            Ok(path) => path,
            // The corpus root itself does not exist or cannot be listed.
            Err(skipped) if skipped.path == root => {
                return Err(format!("cannot read the corpus: {skipped}"));
            }
            Err(skipped) => {
                corpus.skipped.push(skipped.to_string());
                continue;
            }
        };
        corpus.files += 1;
        let mut articles = 0;
        for result in read_file(&path, &ReadOptions::default()) {
            match result {
                Ok(article) => {
                    articles += 1;
                    corpus.bodies.push(article.body);
                    corpus.titles.push(article.title);
                }
                Err(skipped) => corpus.skipped.push(skipped.to_string()),
            }
        }
        if articles == 1 {
            if let Some(text) = plain_text_of(&path) {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                corpus.plain.push((name, text));
            }
        }
    }
    if corpus.bodies.is_empty() {
        return Err(format!(
            "no articles in {} ({} file(s) found, {} skipped); set NEWSQ_BENCH_CORPUS to a folder of articles",
            root.display(),
            corpus.files,
            corpus.skipped.len()
        ));
    }
    Ok(corpus)
}

/// The file's text as `read_file` decodes it (BOM stripped, UTF-8), if it is
/// a plain-text article rather than JSON; None if it cannot be read now.
fn plain_text_of(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = String::from_utf8(bytes.to_vec()).ok()?;
    // `read_file` treats a file opening with `{` or `[` as JSON (unless it
    // fails to parse); leave all of those out.
    match text.trim_start().chars().next() {
        Some('{' | '[') | None => None,
        Some(_) => Some(text),
    }
}

fn print_corpus(corpus: &Corpus) {
    let body_bytes: usize = corpus.bodies.iter().map(String::len).sum();
    let raw_bytes: usize = corpus.plain.iter().map(|(_, t)| t.len()).sum();
    println!("corpus: {}", corpus.label);
    println!(
        "  {} file(s), {} article(s), {:.2} MiB of body text (mean {:.0} B/article); \
         {} plain-text file(s), {:.2} MiB raw",
        corpus.files,
        corpus.bodies.len(),
        body_bytes as f64 / MIB,
        body_bytes as f64 / corpus.bodies.len().max(1) as f64,
        corpus.plain.len(),
        raw_bytes as f64 / MIB,
    );
    if !corpus.skipped.is_empty() {
        println!("  {} input(s) skipped, e.g.:", corpus.skipped.len());
        for message in corpus.skipped.iter().take(3) {
            println!("    {message}");
        }
    }
}

fn print_table(stages: &[Stage], quick: bool) {
    let base = stages.iter().find(|s| s.name == "scan").map(Stage::mib_s);
    println!();
    if quick {
        println!("(--quick: one run per stage, no warm-up; numbers are indicative only)");
    }
    println!(
        "{:<11} {:>8} {:>6} {:>11} {:>10} {:>12} {:>9}  found",
        "stage", "MiB in", "runs", "median ms", "MiB/s", "articles/s", "vs scan"
    );
    for s in stages {
        let rel = match base {
            Some(b) if b > 0.0 => format!("{:.3}x", s.mib_s() / b),
            _ => "-".to_string(),
        };
        println!(
            "{:<11} {:>8.2} {:>6} {:>11.2} {:>10.1} {:>12.0} {:>9}  {} {}",
            s.name,
            s.bytes as f64 / MIB,
            s.iters,
            s.median.as_secs_f64() * 1e3,
            s.mib_s(),
            s.items_s(),
            rel,
            s.found,
            s.found_what,
        );
    }
    println!("(scan/extract: MiB of body text; read+clean: MiB of raw plain-text files; vs scan = MiB/s ratio)");
    // One cold run says nothing about throughput: no verdict in quick mode.
    if let Some(extract) = stages.iter().find(|s| s.name == "extract" && !quick) {
        let verdict = if extract.mib_s() >= TARGET_MIB_S {
            "meets"
        } else {
            "BELOW"
        };
        println!(
            "extract: {:.1} MiB/s on one core, {verdict} the {TARGET_MIB_S:.0} MiB/s target",
            extract.mib_s()
        );
    }
}
