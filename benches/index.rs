//! Text analysis and indexing throughput, each against a bare-tantivy
//! baseline in the same run.
//!
//! ```text
//! cargo bench --bench index                      # 20,000 generated articles
//! NEWSQ_BENCH_CORPUS=/path/to/dir cargo bench --bench index
//! NEWSQ_BENCH_ARTICLES=100000 cargo bench --bench index
//! cargo bench --bench index -- --quick           # 2,000 articles, one run per stage (CI)
//! ```
//!
//! The generated corpus is written once, as JSON Lines, to
//! `target/newsq-bench/`; either corpus is read and cleaned once for the
//! stages that start from article text in memory.
//!
//! Analysis (one thread, every article body):
//! * `tantivy default`: tantivy's default analyzer (split, drop long
//!   tokens, lowercase), no stemming — the floor;
//! * `stem, no cache`: newsq's words, lowercase, plain rust-stemmers on every
//!   token, ASCII folding — what stemming costs without the cache;
//! * `newsq analysis`: newsq's analyzer as the index uses it (stem cache).
//!
//! Indexing (2 threads, 256 MiB, in memory, ending with a commit):
//! * `bare tantivy`: one document per article body, default analyzer, with
//!   positions, stored — tantivy's defaults throughout;
//! * `newsq, from memory`: `NewsWriter::add_article` on each article —
//!   extraction, attribution, an article document and one document per
//!   quotation — then commit;
//! * `newsq, end to end`: `sync_paths` on the corpus folder, as `newsq
//!   index` runs it — read, clean, extract and attribute on 2 threads while
//!   the writer indexes — then commit.
//!
//! Each stage runs once to warm up, then 5 times (once with `--quick`); the
//! median is reported, in MiB of body text per second.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsq::index::analysis::{text_analyzer, WordTokenizer};

use newsq::Article;
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::schema::{Schema, STORED, TEXT};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{Index, IndexWriter, TantivyDocument};

use common::{
    in_ram_writer, newsq_sync, print_table, scratch_dir, time, MEMORY, MIB, SEED, THREADS,
};
use newsq_synthetic::{write_corpus, CorpusLayout, Generator};

const ARTICLES: u64 = 20_000;
const QUICK_ARTICLES: u64 = 2_000;
const ARTICLES_PER_FILE: u64 = 10_000;

fn main() -> ExitCode {
    let quick = std::env::args().any(|a| a == "--quick");
    let (label, dir, articles) = match load(quick) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("index bench: {message}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    println!(
        "corpus: {label}\n  {} article(s), {:.2} MiB of body text\n",
        articles.len(),
        bytes as f64 / MIB
    );

    let analysis = [
        (
            "tantivy default",
            time(quick, || tokens(&mut tantivy_default(), &articles)),
        ),
        (
            "stem, no cache",
            time(quick, || tokens(&mut uncached_stemming(), &articles)),
        ),
        (
            "newsq analysis",
            time(quick, || tokens(&mut text_analyzer(), &articles)),
        ),
    ];
    print_table("analysis, 1 thread", &analysis, bytes);

    let indexing = [
        ("bare tantivy", time(quick, || bare_tantivy(&articles))),
        ("newsq, from memory", time(quick, || newsq_index(&articles))),
        ("newsq, end to end", time(quick, || newsq_sync(&dir))),
    ];
    print_table("indexing, 2 threads", &indexing, bytes);
    ExitCode::SUCCESS
}

/// Tokens of every body through `analyzer`.
fn tokens(analyzer: &mut TextAnalyzer, articles: &[Article]) -> u64 {
    let mut count = 0;
    for article in articles {
        let mut stream = analyzer.token_stream(black_box(&article.body));
        while stream.advance() {
            count += 1;
        }
    }
    count
}

fn bare_tantivy(articles: &[Article]) -> u64 {
    let mut schema = Schema::builder();
    let body = schema.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_ram(schema.build());
    let run = || -> tantivy::Result<u64> {
        let mut writer: IndexWriter = index.writer_with_num_threads(THREADS, MEMORY)?;
        for article in articles {
            let mut doc = TantivyDocument::default();
            doc.add_text(body, &article.body);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        Ok(articles.len() as u64)
    };
    run().unwrap_or_else(|e| panic!("bare tantivy failed: {e}"))
}

fn newsq_index(articles: &[Article]) -> u64 {
    let run = || -> Result<u64, newsq::index::IndexError> {
        let (_index, mut writer) = in_ram_writer()?;
        let mut quotations = 0;
        for article in articles {
            quotations += writer.add_article(article)? as u64;
        }
        writer.commit()?;
        Ok(quotations)
    };
    run().unwrap_or_else(|e| panic!("newsq index failed: {e}"))
}

/// tantivy's `default` analyzer, as its TokenizerManager registers it.
fn tantivy_default() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

/// newsq's analysis with plain rust-stemmers on every token: the baseline
/// the stem cache is measured against.
fn uncached_stemming() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(PlainStemmer)
        .filter(AsciiFoldingFilter)
        .build()
}

#[derive(Clone)]
struct PlainStemmer;

struct PlainStemmerFilter<T>(T);

impl<T: Clone> Clone for PlainStemmerFilter<T> {
    fn clone(&self) -> Self {
        PlainStemmerFilter(self.0.clone())
    }
}

impl TokenFilter for PlainStemmer {
    type Tokenizer<T: Tokenizer> = PlainStemmerFilter<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> PlainStemmerFilter<T> {
        PlainStemmerFilter(tokenizer)
    }
}

impl<T: Tokenizer> Tokenizer for PlainStemmerFilter<T> {
    type TokenStream<'a> = PlainStemStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PlainStemStream(
            self.0.token_stream(text),
            Stemmer::create(Algorithm::English),
        )
    }
}

struct PlainStemStream<T>(T, Stemmer);

impl<T: TokenStream> TokenStream for PlainStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let stem = self.1.stem(&self.0.token().text).into_owned();
        self.0.token_mut().text = stem;
        true
    }
    fn token(&self) -> &Token {
        self.0.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// The corpus: its label, its folder, and its articles read and cleaned.
fn load(quick: bool) -> Result<(String, PathBuf, Vec<Article>), String> {
    let (dir, label) = match common::corpus_dir() {
        Some(dir) => {
            let label = format!("{} (NEWSQ_BENCH_CORPUS)", dir.display());
            (dir, label)
        }
        None => {
            let articles = common::generated_count(quick, QUICK_ARTICLES, ARTICLES);
            let dir = scratch_dir().join(format!("corpus-{articles}-seed{SEED}"));
            write_generated(articles, &dir)?;
            let label = format!(
                "{articles} generated articles (seed {SEED}; NEWSQ_BENCH_CORPUS for another)"
            );
            (dir, label)
        }
    };
    let articles = common::read_corpus(&dir)?;
    Ok((label, dir, articles))
}

/// Write `count` generated articles as JSON Lines under `dir`, unless done
/// before.
fn write_generated(count: u64, dir: &Path) -> Result<(), String> {
    let done = dir.with_extension("complete");
    if done.exists() {
        return Ok(());
    }
    let layout = CorpusLayout {
        articles: count,
        per_file: ARTICLES_PER_FILE,
        threads: THREADS,
    };
    write_corpus(&Generator::new(SEED), layout, dir)?;
    std::fs::write(&done, "").map_err(|e| format!("{}: {e}", done.display()))
}
