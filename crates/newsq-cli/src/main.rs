//! `newsq`: the command-line tool. It parses flags, wires the library crates
//! together, prints, and turns outcomes into exit codes: 0 when something was
//! found, 1 when nothing was, 2 on error (as ripgrep does).

mod cache;
mod entities;
mod export;
mod extract;
mod index;
mod locate;
mod malloc;
mod man;
mod output;
mod progress;
mod search;
mod trail;
mod translate;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use newsq_core::read::{InputFormat, Metadata, ReadOptions};

use std::path::PathBuf;
use std::process::ExitCode;

/// Who said what, where, and in which words: newsq finds the statements in
/// news articles (quotations and reported speech) and who made them, and
/// searches them by words, speaker, outlet and date.
///
/// Search a folder of articles at once (`newsq search "red line" ARTICLES`),
/// or build an index once and search it (`newsq index --index DIR
/// ARTICLES`, then `newsq search "red line" --speaker trump --index DIR`).
///
/// Exit status: 0 when something was found, 1 when nothing was, 2 on an
/// error. `newsq COMMAND --help` says more; `newsq man COMMAND` prints its
/// manual page.
#[derive(Debug, Parser)]
#[command(name = "newsq", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every statement and its speaker in articles: direct quotations,
    /// and statements reported in the article's words ("(reported)").
    ///
    /// Reads plain text, JSON (news-please, trafilatura), JSON Lines, HTML
    /// pages and WARC crawls (CC-NEWS, .warc.gz); folders are walked
    /// recursively.
    Extract(ExtractArgs),
    /// Add articles to an index, or bring it up to date: only new and
    /// changed files are read.
    ///
    /// The index is --index DIR, else $NEWSQ_INDEX, else newsq/index in the
    /// platform's data folder (~/.local/share on Linux).
    Index(IndexArgs),
    /// Search statements — quotations and reported statements — (and with
    /// --articles, article text).
    ///
    /// QUERY: words (all required, any form: "negotiate" finds
    /// "negotiations"), "exact phrases", -word, a OR b, (groups),
    /// speaker:NAME, outlet:NAME, after:DATE, before:DATE,
    /// kind:direct|reported. An empty query "" matches everything (use it
    /// with filters).
    ///
    /// With PATHs, searches those files and folders like ripgrep, through a
    /// cached index that is brought up to date on each call.
    Search(SearchArgs),
    /// The trail of a statement: every article that carries it, earliest
    /// first, with the words each changed.
    ///
    /// Quotations are the same statement when they have the same speaker
    /// and the same words (punctuation, case and quote marks aside), when
    /// one is part of the other, or when a few words differ. Differences
    /// from the fullest version are marked [-its words-]{+this version's+};
    /// "wording differs" flags changes beyond punctuation, case and
    /// elision ("…").
    Trail(TrailArgs),
    /// List the speakers of an index: each person once, with every
    /// spelling articles used, quotation and reported-statement counts and
    /// outlets.
    ///
    /// PATTERN keeps speakers with a spelling containing it ("zel"), any
    /// case, accents and transliteration ignored.
    Speakers(EntityListArgs),
    /// List the outlets of an index, with their spellings and article and
    /// quotation counts.
    Outlets(EntityListArgs),
    /// Write an index as files Quickwit or Elasticsearch/OpenSearch ingest:
    /// the index definition, the documents in NDJSON files of at most
    /// --file-mb, and the speaker and outlet entities.
    ///
    /// Documents carry their speaker's and outlet's entity (name and key),
    /// resolved here with the index's aliases: a speaker filter there is a
    /// term query on speaker_key.
    Export(ExportArgs),
    /// Send an index to a running Quickwit or Elasticsearch/OpenSearch, in
    /// batches; the index is created, when missing, with the definition for
    /// the engine's version (asked of the engine, or --engine-version).
    ///
    /// An index already there must have newsq's *_terms fields; a Quickwit
    /// one must also be empty, since Quickwit has no document ids and a
    /// second push would store every document twice (--allow-duplicates
    /// to add to it all the same).
    ///
    /// Busy answers (429, 5xx) are retried with growing waits; any other
    /// refusal stops the push with the engine's message. Credentials: in
    /// the URL (https://user:password@host:9200), or a whole Authorization
    /// value ("ApiKey …", "Bearer …") in $NEWSQ_AUTHORIZATION; neither is
    /// ever printed.
    Push(PushArgs),
    /// Print the query Quickwit or Elasticsearch/OpenSearch needs to find
    /// what `newsq search` finds, on an index `newsq export`/`newsq push`
    /// made from the same newsq index.
    ///
    /// QUERY and the filters are those of `newsq search`. Words are
    /// analysed here (stemmed in every language the index holds, spelling
    /// variants of names added) and searched in the quote_terms,
    /// title_terms and body_terms fields, which hold newsq's own analysis
    /// of the text, so stemming works even where the engine has none
    /// (Quickwit 0.9); --speaker and --outlet become the spellings newsq's
    /// filter matched (speaker_spelling_key, outlet_spelling_key).
    /// Quickwit: the query string (for the search API's
    /// "query", the UI or `quickwit index search --query`).
    /// Elasticsearch/OpenSearch: the body of a _search request. --json:
    /// the whole search request body on one line, for `curl -d @-`.
    /// Ranking differs (each engine scores its own way); the documents
    /// found are the same (one request returns at most 10000: page past
    /// that).
    Translate(TranslateArgs),
    /// List the cached indexes of folder searches (`newsq search QUERY
    /// PATH`), or remove them.
    ///
    /// Each set of PATHs searched gets an index of its own in the cache
    /// folder ($NEWSQ_CACHE, else ~/.cache/newsq on Linux), brought up to
    /// date on each search; this lists them with their paths, size and last
    /// use.
    Cache(CacheArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) on stdout: `newsq man > newsq.1`, `newsq man
    /// search > newsq-search.1`; or write them all with --dir.
    Man(ManArgs),
}

#[derive(Debug, clap::Args)]
struct CacheArgs {
    #[command(subcommand)]
    action: Option<CacheAction>,
    /// One JSON object per cached index per line.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum CacheAction {
    /// List the cached indexes (what `newsq cache` does).
    List {
        /// One JSON object per cached index per line.
        #[arg(long)]
        json: bool,
    },
    /// Remove cached indexes: all of them, or those of searches of PATHs.
    Clean {
        /// Remove only the cached index of a search of exactly these paths
        /// (as given to `newsq search QUERY PATH...`).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        quiet: QuietArg,
    },
}

#[derive(Debug, clap::Args)]
struct ManArgs {
    /// The subcommand whose page to print (newsq-SUBCOMMAND(1)); none for
    /// newsq(1).
    #[arg(value_name = "SUBCOMMAND")]
    subcommand: Option<String>,
    /// Write every page (newsq.1, newsq-search.1, …) into this folder
    /// instead.
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    dir: Option<PathBuf>,
}

/// `-q`: the same meaning in every command.
#[derive(Debug, Clone, Copy, clap::Args)]
struct QuietArg {
    /// No progress line, summary or notes on stderr (results are still
    /// printed; errors too).
    #[arg(long, short)]
    quiet: bool,
}

/// How articles are read.
#[derive(Debug, Clone, clap::Args)]
struct ReadArgs {
    /// The outlet of every article read (overrides what files and --meta say).
    #[arg(long, value_name = "NAME")]
    set_outlet: Option<String>,
    /// `--outlet` filters searches; here it is refused with a pointer to
    /// --set-outlet rather than taken as one or the other.
    #[arg(long = "outlet", value_name = "NAME", hide = true)]
    outlet_filter: Option<String>,
    /// Metadata sidecar (CSV, TSV or JSON Lines keyed by file name) with
    /// outlet, date, author, title, url.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    /// Read every file as this format, whatever its name and content say.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto, value_name = "FORMAT")]
    format: FormatArg,
    /// The language of every article read, a code such as de or fr
    /// (overrides what files and --meta say); by default each article's
    /// own, else the one its text tells.
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Tell each file's format by its content and name.
    Auto,
    /// Plain text, headline first.
    Text,
    /// A JSON object or array of objects (news-please, trafilatura).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// An HTML article page.
    Html,
    /// WARC records, gzip-compressed or not (Common Crawl's CC-NEWS).
    Warc,
}

impl ReadArgs {
    fn options(&self) -> Result<ReadOptions, String> {
        if let Some(name) = &self.outlet_filter {
            return Err(format!(
                "--outlet filters `newsq search` and `newsq trail`; to set the outlet of the articles read, use --set-outlet \"{name}\""
            ));
        }
        let meta = match &self.meta {
            Some(path) => Some(Metadata::load(path).map_err(|e| {
                format!("{e} (the --meta file: CSV, TSV or JSON Lines with a file name column)")
            })?),
            None => None,
        };
        let format = match self.format {
            FormatArg::Auto => None,
            FormatArg::Text => Some(InputFormat::Text),
            FormatArg::Json => Some(InputFormat::Json),
            FormatArg::Jsonl => Some(InputFormat::JsonLines),
            FormatArg::Html => Some(InputFormat::Html),
            FormatArg::Warc => Some(InputFormat::Warc),
        };
        if let Some(code) = &self.language {
            let well_formed = (2..=3)
                .contains(&code.split(['-', '_']).next().unwrap_or_default().len())
                && code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !well_formed {
                return Err(format!(
                    "--language {code:?} is not a language code; give one such as en, de, fr, es, it, pt, ru or cs"
                ));
            }
        }
        Ok(ReadOptions {
            outlet: self.set_outlet.clone(),
            meta,
            format,
            language: self.language.clone(),
        })
    }
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files and folders of articles.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// One JSON object per quotation per line, for machines.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: ReadArgs,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, clap::Args)]
struct IndexArgs {
    /// Files and folders of articles.
    #[arg(required_unless_present = "aliases", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Speaker and outlet aliases (TOML or JSON) that merge spellings,
    /// split people or name outlets; kept in the index and applied by every
    /// search from then on (no article is read again), until replaced.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// The index folder (created if missing); default $NEWSQ_INDEX, else
    /// the platform's data folder.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Remove the articles of files indexed from these paths before and
    /// gone now.
    #[arg(long)]
    prune: bool,
    /// Read every file again, changed or not (files whose --meta row,
    /// --set-outlet or --format changed are read again without it).
    #[arg(long)]
    force: bool,
    /// Indexing memory budget in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    memory: usize,
    /// Commit after this much input, in MiB: an interrupted run (a crash,
    /// kill -9, a full disk) loses at most this much work, and searches see
    /// each commit as it lands.
    #[arg(long, value_name = "MIB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    commit_every: u64,
    /// Indexing threads, and as many reading and extracting articles
    /// (default: up to 2).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, clap::Args)]
struct SearchArgs {
    /// The query (see above); one that starts with '-' goes after `--`.
    #[arg(value_name = "QUERY")]
    query: String,
    /// Files and folders to search through a cached index, instead of an
    /// index built with `newsq index`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The index folder; default $NEWSQ_INDEX, else the platform's data
    /// folder. With PATHs: where to keep their index (default: a cache
    /// folder of their own, ~/.cache/newsq or $NEWSQ_CACHE).
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Most hits shown; 0 for all.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    limit: usize,
    /// Search article text too: quotation hits first, then articles.
    #[arg(long)]
    articles: bool,
    /// Fold the versions of one statement into one hit, with the outlets
    /// that carried it ("carried by 3 outlets"); -n then counts
    /// statements.
    #[arg(long)]
    group: bool,
    /// Count hits by speaker or outlet; repeatable.
    #[arg(long, value_enum, value_name = "FIELD")]
    facet: Vec<FacetArg>,
    /// One JSON object per hit per line, then a summary line.
    #[arg(long)]
    json: bool,
    /// Print only the number of hits.
    #[arg(long, short)]
    count: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Metadata sidecar for the files named as PATH (see `newsq index`).
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    #[command(flatten)]
    quiet: QuietArg,
}

/// Filters shared by `search` and `trail`.
#[derive(Debug, Clone, clap::Args)]
struct FilterArgs {
    /// Only quotations by this speaker, however articles spelled them
    /// ("zelenskiy", "vladimir putin"; a bare surname matches everyone
    /// with it); repeat for alternatives.
    #[arg(long, value_name = "NAME")]
    speaker: Vec<String>,
    /// Only hits from this outlet, by name, web address or abbreviation
    /// ("ft", "independent.co.uk"); repeat for alternatives.
    #[arg(long = "outlet", value_name = "NAME")]
    outlet: Vec<String>,
    /// Published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Published on or before the end of DATE.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only direct quotations (words in quote marks) or only reported
    /// statements (given in the writer's words); both by default.
    #[arg(long, value_enum, value_name = "KIND")]
    kind: Option<KindArg>,
}

/// The kinds of statement `--kind` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum KindArg {
    /// Words between quote marks.
    Direct,
    /// Statements reported without quote marks ("she said the port would close").
    Reported,
}

impl FilterArgs {
    /// A search request for `query` with these filters.
    fn request(&self, query: &str, limit: usize) -> newsq_query::SearchRequest {
        let mut request = newsq_query::SearchRequest::new(query).limit(limit);
        request.speakers = self.speaker.clone();
        request.outlets = self.outlet.clone();
        request.since = self.since.clone();
        request.until = self.until.clone();
        request.kind = self.kind.map(|kind| match kind {
            KindArg::Direct => newsq_core::quote::StatementKind::Quotation,
            KindArg::Reported => newsq_core::quote::StatementKind::Reported,
        });
        request
    }
}

#[derive(Debug, clap::Args)]
struct TrailArgs {
    /// Words of the quotation, in the query language of `newsq search`, or
    /// a quotation id from `newsq search --json`.
    #[arg(value_name = "QUERY")]
    query: String,
    /// The index folder; default $NEWSQ_INDEX, else the platform's data
    /// folder.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Most statements shown; 0 for all.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 5)]
    limit: usize,
    /// One JSON object per statement per line, then a summary line.
    #[arg(long)]
    json: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, clap::Args)]
struct EntityListArgs {
    /// Only entries with a spelling containing this.
    #[arg(value_name = "PATTERN")]
    pattern: Option<String>,
    /// The index folder; default $NEWSQ_INDEX, else the platform's data
    /// folder.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// One JSON object per entry per line.
    #[arg(long)]
    json: bool,
    /// Most entries shown (most quoted first); 0 for all.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 0)]
    limit: usize,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    #[command(flatten)]
    quiet: QuietArg,
}

/// The engines newsq exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EngineArg {
    Quickwit,
    Elasticsearch,
    /// OpenSearch (Elasticsearch's API, its own versions).
    Opensearch,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The engine to export for.
    #[arg(long, value_enum, value_name = "ENGINE")]
    to: EngineArg,
    /// The folder to write (created if missing; document files of an
    /// earlier export in it are replaced).
    #[arg(value_name = "OUT")]
    out: PathBuf,
    /// The newsq index to export; default $NEWSQ_INDEX, else the platform's
    /// data folder.
    #[arg(long, value_name = "DIR", alias = "from")]
    index: Option<PathBuf>,
    /// The engine's index name (Quickwit's index_id), used in the config
    /// and the printed commands.
    #[arg(long, value_name = "NAME", default_value = "newsq")]
    engine_index: String,
    /// The engine version to write the index definition for: 0.7 to 0.9
    /// for Quickwit (0.9 has no stemming tokenizer), 7 to 9 for
    /// Elasticsearch, 1 to 3 for OpenSearch; default the newest.
    #[arg(long, value_name = "VERSION")]
    engine_version: Option<String>,
    /// Largest document file, in MB (10 is Quickwit's ingest limit and a
    /// good _bulk size).
    #[arg(long, value_name = "MB", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1000))]
    file_mb: u64,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, clap::Args)]
struct PushArgs {
    /// The engine.
    #[arg(long, value_enum, value_name = "ENGINE")]
    engine: EngineArg,
    /// The engine's address: http://localhost:7280 (Quickwit),
    /// https://localhost:9200 (Elasticsearch).
    #[arg(long, value_name = "URL")]
    url: String,
    /// The engine's index to fill (created when missing).
    #[arg(long, value_name = "NAME", default_value = "newsq")]
    engine_index: String,
    /// The newsq index to send; default $NEWSQ_INDEX, else the platform's
    /// data folder.
    #[arg(long, value_name = "DIR", alias = "from")]
    index: Option<PathBuf>,
    /// The engine version to write the index definition for, instead of
    /// asking the engine (GET /api/v1/version, GET /): 0.7 to 0.9 for
    /// Quickwit (0.9 has no stemming tokenizer), 7 to 9 for Elasticsearch,
    /// 1 to 3 for OpenSearch.
    #[arg(long, value_name = "VERSION")]
    engine_version: Option<String>,
    /// Quickwit: push into an index that holds documents already. Quickwit
    /// has no document ids, so documents pushed again are stored twice.
    #[arg(long)]
    allow_duplicates: bool,
    /// Quickwit: longest wait, in seconds, for the last batch's commit
    /// (commit=force), which Quickwit answers once the documents are
    /// searchable.
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    commit_timeout: u64,
    /// Largest request, in MB (Quickwit accepts at most 10).
    #[arg(long, value_name = "MB", default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=1000))]
    batch_mb: u64,
    /// Trust only the CA certificates in this PEM file (a cluster with its
    /// own CA, as Elasticsearch 8 sets up: config/certs/http_ca.crt)
    /// instead of the Mozilla roots.
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,
    /// Tries per request while the engine answers 429 or 5xx (waits of
    /// 0.5 s, doubling, at most 30 s, or the engine's Retry-After).
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=100))]
    attempts: u32,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, clap::Args)]
struct TranslateArgs {
    /// The query, in the language of `newsq search`; one that starts with
    /// '-' goes after `--`.
    #[arg(value_name = "QUERY")]
    query: String,
    /// The engine whose query language to write.
    #[arg(long, value_enum, value_name = "ENGINE")]
    engine: EngineArg,
    /// The newsq index the engine's index was exported from (its speakers,
    /// outlets and languages decide the query); default $NEWSQ_INDEX, else
    /// the platform's data folder.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Search article text too, as `newsq search --articles` does.
    #[arg(long)]
    articles: bool,
    /// Hits the request asks for (max_hits, size); 0 for the engines'
    /// default ceiling of 10000.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    limit: usize,
    /// The whole search request body as one JSON line.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    quiet: QuietArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FacetArg {
    Speaker,
    Outlet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    malloc::limit_arenas();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Trail(args) => trail::run(args),
        Command::Speakers(args) => entities::run(args, newsq_query::entity::EntityKind::Speaker),
        Command::Outlets(args) => entities::run(args, newsq_query::entity::EntityKind::Outlet),
        Command::Export(args) => export::run_export(args),
        Command::Push(args) => export::run_push(args),
        Command::Translate(args) => translate::run(args),
        Command::Cache(args) => cache::run(args),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "newsq", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man(args) => man::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsq: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    /// clap checks a definition (unique ids, valid defaults) only in debug
    /// builds and only when the command runs; check them all here.
    #[test]
    fn the_command_line_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
