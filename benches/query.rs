//! Query latency on a large index, each query type against bare tantivy
//! answering the same question on the same index in the same run, and
//! `newsq search` as a whole process.
//!
//! ```text
//! cargo bench --bench query                        # 100,000 generated articles
//! NEWSQ_BENCH_LARGE=1 cargo bench --bench query    # 1,000,000 generated articles
//! NEWSQ_BENCH_CORPUS=DIR cargo bench --bench query # a folder of real articles
//! NEWSQ_BENCH_INDEX=DIR cargo bench --bench query  # an index `newsq index` built
//! cargo bench --bench query -- --quick             # 5,000 articles, fewer queries (CI)
//! ```
//!
//! The generated index is built once and kept in `target/newsq-bench/`
//! (delete it to rebuild). Queries come from the index itself: quotations
//! picked at even intervals, and from each
//! * `word`: one of its words;
//! * `two words`: two of its words, both required;
//! * `phrase`: three of its words in a row, quoted;
//! * `phrase + speaker`: the same with `--speaker` its speaker's name;
//! * `facet count`: the word, counting hits per speaker entity;
//! * `trail`: the statement of that quotation (`newsq trail ID`).
//!
//! newsq's times are for the library call an embedder makes
//! (`NewsSearcher::search` or `group_of`): parse, resolve names, search,
//! read and highlight the 10 best hits. The baseline is bare tantivy on the
//! same index: the equivalent term, boolean or phrase query on the quote
//! field, top 10 by BM25 and a count, reading nothing; for the trail, the
//! query on the quotation's shingles that gathers its candidates.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use common::{dir_bytes, generated, ms, quantile, scratch_dir, MIB, SEED};
use newsq::index::analysis::{analyze, name_analyzer, name_key, text_analyzer};
use newsq::index::{sync_paths, DocKind, NewsIndex, SyncOptions, WriterOptions, FORMAT_VERSION};
use newsq::query::{FacetField, NewsSearcher, SearchRequest};
use newsq::wording::Wording;
use newsq_synthetic::Generator;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{Searcher, TantivyDocument};

const ARTICLES: u64 = 100_000;
const LARGE_ARTICLES: u64 = 1_000_000;
const QUICK_ARTICLES: u64 = 5_000;
const QUERIES: usize = 300;
const QUICK_QUERIES: usize = 30;
const PROCESS_RUNS: usize = 31;

fn main() -> ExitCode {
    let quick = std::env::args().any(|a| a == "--quick");
    match run(quick) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("query bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(quick: bool) -> Result<(), String> {
    let existing = std::env::var_os("NEWSQ_BENCH_INDEX").filter(|d| !d.is_empty());
    let (label, dir) = match (existing, common::corpus_dir()) {
        (Some(dir), _) => {
            let dir = PathBuf::from(dir);
            (format!("{} (NEWSQ_BENCH_INDEX)", dir.display()), dir)
        }
        (None, Some(corpus)) => {
            let dir = scratch_dir().join("query-corpus");
            build_from_folder(&corpus, &dir)?;
            (format!("{} (NEWSQ_BENCH_CORPUS)", corpus.display()), dir)
        }
        (None, None) => {
            let articles = if quick {
                QUICK_ARTICLES
            } else if std::env::var_os("NEWSQ_BENCH_LARGE").is_some_and(|v| v == "1") {
                LARGE_ARTICLES
            } else {
                ARTICLES
            };
            let dir = scratch_dir().join(format!(
                "query-generated-{articles}-seed{SEED}-format{FORMAT_VERSION}"
            ));
            build_generated(articles, &dir)?;
            (format!("{articles} generated articles (seed {SEED})"), dir)
        }
    };
    let index = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    let newsq = NewsSearcher::new(&index).map_err(|e| e.to_string())?;
    let reader = index.tantivy().reader().map_err(|e| e.to_string())?;
    let searcher = reader.searcher();
    println!(
        "index: {label}\n  {} documents, {:.1} MiB on disk, {}\n",
        searcher.num_docs(),
        dir_bytes(&dir) as f64 / MIB,
        dir.display()
    );

    let samples = sample_quotations(
        &index,
        &searcher,
        if quick { QUICK_QUERIES } else { QUERIES },
    )?;
    if samples.is_empty() {
        return Err("the index holds no quotation with words to search for".into());
    }
    let fields = *index.fields();

    println!(
        "latency over {} queries, after one warm-up pass (ms):",
        samples.len()
    );
    println!(
        "  {:<18} {:>9} {:>9} {:>9}   {:>9} {:>9}   {:>7}",
        "query", "newsq p50", "p99", "max", "bare p50", "p99", "p50 ×"
    );
    let kinds: [(&str, QueryKind); 6] = [
        ("word", QueryKind::Word),
        ("two words", QueryKind::TwoWords),
        ("phrase", QueryKind::Phrase),
        ("phrase + speaker", QueryKind::PhraseSpeaker),
        ("facet count", QueryKind::Facet),
        ("trail", QueryKind::Trail),
    ];
    for (name, kind) in kinds {
        let usable = supporting(&samples, kind);
        let newsq_times = latencies(&usable, |s| newsq_query(&newsq, s, kind))?;
        let bare_times = latencies(&usable, |s| bare_query(&searcher, &fields, s, kind))?;
        let (n50, b50) = (quantile(&newsq_times, 0.5), quantile(&bare_times, 0.5));
        println!(
            "  {name:<18} {:>9.3} {:>9.3} {:>9.3}   {:>9.3} {:>9.3}   {:>7.1}",
            ms(n50),
            ms(quantile(&newsq_times, 0.99)),
            ms(*newsq_times.last().unwrap_or(&Duration::ZERO)),
            ms(b50),
            ms(quantile(&bare_times, 0.99)),
            n50.as_secs_f64() / b50.as_secs_f64().max(1e-9),
        );
    }
    println!();
    whole_process(&dir, &samples, quick)
}

/// A quotation picked from the index, and the queries made from it.
struct Sample {
    id: String,
    speaker: Option<String>,
    quote: String,
    /// Its words as written, with their byte ranges.
    words: Vec<(String, std::ops::Range<usize>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum QueryKind {
    Word,
    TwoWords,
    Phrase,
    PhraseSpeaker,
    Facet,
    Trail,
}

impl Sample {
    fn supports(&self, kind: QueryKind) -> bool {
        match kind {
            QueryKind::PhraseSpeaker => self.speaker.is_some() && self.words.len() >= 3,
            QueryKind::Phrase => self.words.len() >= 3,
            _ => self.words.len() >= 2,
        }
    }

    /// Its words long enough not to be stop words.
    fn long_words(&self) -> Vec<&str> {
        self.words
            .iter()
            .map(|(w, _)| w.as_str())
            .filter(|w| w.len() >= 4)
            .collect()
    }

    /// A word of the quotation, long enough not to be a stop word.
    fn word(&self) -> &str {
        let long = self.long_words();
        long.get(long.len() / 2)
            .copied()
            .unwrap_or(self.words[0].0.as_str())
    }

    fn two_words(&self) -> String {
        match self.long_words().as_slice() {
            [first, .., last] => format!("{first} {last}"),
            _ => format!("{} {}", self.words[0].0, self.words[self.words.len() - 1].0),
        }
    }

    /// Three words in a row from the middle, as written.
    fn phrase(&self) -> &str {
        let at = (self.words.len() - 3) / 2;
        let range = self.words[at].1.start..self.words[at + 2].1.end;
        self.quote.get(range).unwrap_or("")
    }

    fn query(&self, kind: QueryKind) -> String {
        match kind {
            QueryKind::Word | QueryKind::Facet => self.word().to_string(),
            QueryKind::TwoWords => self.two_words(),
            QueryKind::Phrase | QueryKind::PhraseSpeaker => format!("\"{}\"", self.phrase()),
            QueryKind::Trail => self.id.clone(),
        }
    }
}

/// The samples a query kind can be made from.
fn supporting(samples: &[Sample], kind: QueryKind) -> Vec<&Sample> {
    samples.iter().filter(|s| s.supports(kind)).collect()
}

/// `count` quotations spread evenly over the index.
fn sample_quotations(
    index: &NewsIndex,
    searcher: &Searcher,
    count: usize,
) -> Result<Vec<Sample>, String> {
    let f = index.fields();
    let all = TermQuery::new(
        Term::from_field_u64(f.kind, DocKind::Quotation.code()),
        IndexRecordOption::Basic,
    );
    let mut addresses: Vec<_> = searcher
        .search(&all, &DocSetCollector)
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    addresses.sort();
    let step = (addresses.len() / count.max(1)).max(1);
    let mut names = name_analyzer();
    let mut samples = Vec::with_capacity(count);
    for &address in addresses.iter().step_by(step).take(count) {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| e.to_string())?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let quote = text(f.quote).unwrap_or_default();
        let words = analyze(&mut names, &quote)
            .into_iter()
            .map(|t| (t.text, t.range))
            .collect();
        samples.push(Sample {
            id: text(f.quote_id).unwrap_or_default(),
            speaker: text(f.speaker),
            quote,
            words,
        });
    }
    Ok(samples)
}

fn newsq_query(newsq: &NewsSearcher, sample: &Sample, kind: QueryKind) -> Result<usize, String> {
    let query = sample.query(kind);
    let found = match kind {
        QueryKind::Trail => newsq
            .group_of(&query)
            .map(|group| group.map_or(0, |g| g.members.len())),
        _ => {
            let mut request = SearchRequest::new(query).limit(10);
            if kind == QueryKind::PhraseSpeaker {
                request = request.speaker(sample.speaker.clone().unwrap_or_default());
            }
            if kind == QueryKind::Facet {
                request = request.facet(FacetField::Speaker);
            }
            newsq.search(&request).map(|r| r.hits.len())
        }
    };
    found.map_err(|e| e.to_string())
}

fn bare_query(
    searcher: &Searcher,
    f: &newsq::index::Fields,
    sample: &Sample,
    kind: QueryKind,
) -> Result<usize, String> {
    let terms = |text: &str| -> Vec<Term> {
        analyze(&mut text_analyzer(), text)
            .into_iter()
            .map(|t| Term::from_field_text(f.quote, &t.text))
            .collect()
    };
    let term_query = |term: Term| -> Box<dyn Query> {
        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
    };
    let query: Box<dyn Query> = match kind {
        QueryKind::Word | QueryKind::Facet => all_of(terms(sample.word())),
        QueryKind::TwoWords => all_of(terms(&sample.two_words())),
        QueryKind::Phrase | QueryKind::PhraseSpeaker => {
            let phrase: Box<dyn Query> = Box::new(PhraseQuery::new(terms(sample.phrase())));
            if kind == QueryKind::Phrase {
                phrase
            } else {
                let speaker = Term::from_field_text(
                    f.speaker_key,
                    &name_key(sample.speaker.as_deref().unwrap_or("")),
                );
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, phrase),
                    (Occur::Must, term_query(speaker)),
                ]))
            }
        }
        QueryKind::Trail => {
            let shingles = Wording::new(&sample.quote).shingles();
            let clauses = shingles
                .into_iter()
                .take(128)
                .map(|s| {
                    (
                        Occur::Should,
                        term_query(Term::from_field_u64(f.quote_shingle, s)),
                    )
                })
                .collect();
            let top = searcher
                .search(
                    &BooleanQuery::new(clauses),
                    &TopDocs::with_limit(500).order_by_score(),
                )
                .map_err(|e| e.to_string())?;
            return Ok(top.len());
        }
    };
    let (top, count) = searcher
        .search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))
        .map_err(|e| e.to_string())?;
    black_box(count);
    Ok(top.len())
}

fn all_of(terms: Vec<Term>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        terms
            .into_iter()
            .map(|t| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                (Occur::Must, query)
            })
            .collect(),
    ))
}

/// Sorted wall times of `query` over the samples, after a warm-up pass.
fn latencies(
    samples: &[&Sample],
    mut query: impl FnMut(&Sample) -> Result<usize, String>,
) -> Result<Vec<Duration>, String> {
    for sample in samples {
        black_box(query(sample)?);
    }
    let mut times = Vec::with_capacity(samples.len());
    for sample in samples {
        let started = Instant::now();
        black_box(query(sample)?);
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times)
}

/// `newsq search` (and `newsq trail`) as whole processes: start, open the
/// index, search, print to a pipe.
fn whole_process(dir: &Path, samples: &[Sample], quick: bool) -> Result<(), String> {
    let Some(binary) = newsq_binary() else {
        println!("whole process: skipped, no release build of newsq (run `cargo build --release`)");
        return Ok(());
    };
    let runs = if quick { 5 } else { PROCESS_RUNS };
    println!(
        "whole process ({}, {runs} runs each, ms):",
        binary.display()
    );
    println!("  {:<18} {:>9} {:>9} {:>9}", "command", "p50", "p99", "max");
    let kinds = [
        ("search word", QueryKind::Word),
        ("search phrase", QueryKind::Phrase),
        ("phrase + speaker", QueryKind::PhraseSpeaker),
        ("facet speaker", QueryKind::Facet),
        ("trail ID", QueryKind::Trail),
    ];
    for (name, kind) in kinds {
        let usable = supporting(samples, kind);
        let mut times = Vec::with_capacity(runs);
        for i in 0..=runs {
            let Some(sample) = usable.get(i % usable.len().max(1)) else {
                break;
            };
            let mut command = Command::new(&binary);
            command.arg(if kind == QueryKind::Trail {
                "trail"
            } else {
                "search"
            });
            command.arg("--index").arg(dir).arg(sample.query(kind));
            if kind == QueryKind::PhraseSpeaker {
                command
                    .arg("--speaker")
                    .arg(sample.speaker.as_deref().unwrap_or(""));
            }
            if kind == QueryKind::Facet {
                command.args(["--facet", "speaker"]);
            }
            let started = Instant::now();
            let status = command
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .output()
                .map_err(|e| format!("{}: {e}", binary.display()))?
                .status;
            if i > 0 {
                // The first run warms the page cache.
                times.push(started.elapsed());
            }
            if status.code() == Some(2) {
                return Err(format!("{name}: newsq failed on {:?}", sample.query(kind)));
            }
        }
        times.sort();
        println!(
            "  {name:<18} {:>9.2} {:>9.2} {:>9.2}",
            ms(quantile(&times, 0.5)),
            ms(quantile(&times, 0.99)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
        );
    }
    Ok(())
}

/// The release `newsq` next to this benchmark's build, if built.
fn newsq_binary() -> Option<PathBuf> {
    // target/release/deps/query-HASH → target/release/newsq
    let exe = std::env::current_exe().ok()?;
    let binary = exe.parent()?.parent()?.join("newsq");
    binary.exists().then_some(binary)
}

/// Build the index of `articles` generated articles in `dir`, unless a
/// complete one is there already.
fn build_generated(articles: u64, dir: &Path) -> Result<(), String> {
    let done = dir.join("newsq-bench-complete");
    if done.exists() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    eprintln!(
        "building the index of {articles} generated articles in {} …",
        dir.display()
    );
    let started = Instant::now();
    let index = NewsIndex::open_or_create(dir).map_err(|e| e.to_string())?;
    let mut writer = index
        .writer(&WriterOptions::default())
        .map_err(|e| e.to_string())?;
    let generator = Generator::new(SEED);
    let mut bytes = 0usize;
    let mut quotations = 0usize;
    for n in 0..articles {
        let article = generated(&generator, n);
        bytes += article.body.len();
        quotations += writer.add_article(&article).map_err(|e| e.to_string())?;
    }
    writer.finish().map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "  {articles} articles, {quotations} quotations, {:.1} MiB of text in {seconds:.1} s \
         (generating included); index {:.2}× the text",
        bytes as f64 / MIB,
        dir_bytes(dir) as f64 / bytes.max(1) as f64
    );
    std::fs::write(&done, "").map_err(|e| format!("{}: {e}", done.display()))
}

/// Index a folder of real articles afresh.
fn build_from_folder(corpus: &Path, dir: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    let index = NewsIndex::open_or_create(dir).map_err(|e| e.to_string())?;
    let mut writer = index
        .writer(&WriterOptions::default())
        .map_err(|e| e.to_string())?;
    sync_paths(
        &index,
        &mut writer,
        &[corpus.to_path_buf()],
        &SyncOptions::default(),
        &mut |_| {},
    )
    .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())
}
