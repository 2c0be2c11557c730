//! Readers: files in, clean [`Article`]s out.
//!
//! * [`discover`] expands user paths (files, folders) into input files.
//! * [`read_file`] ([`read_articles`], one article at a time) reads one
//!   file — plain text, a JSON object or array (news-please, trafilatura),
//!   JSON Lines, an HTML page, or a WARC crawl (CC-NEWS, plain or `.warc.gz`)
//!   — into articles, reporting bad inputs as [`Skipped`] instead of failing.
//! * [`parse_plain_text`], [`parse_json_value`] and [`parse_html`] are the
//!   pure parts, for tests, fuzzing and text already in memory.
//! * [`Metadata`] is a sidecar table giving outlet, date, title, URL and
//!   authors per file.
//!
//! Metadata precedence: [`ReadOptions::outlet`] beats everything; a sidecar
//! record beats what the file says; the file's own fields, masthead, copyright
//! line or dateline come last.
//!
//! ```
//! use newsq_core::read::parse_plain_text;
//!
//! let text = "Harbour reopens after storm repairs\n\n\
//!             OSLO (Reuters) - The harbour reopened on Monday.\n\n\
//!             Fishing boats returned within hours.";
//! let article = parse_plain_text("harbour.txt", text);
//! assert_eq!(article.title.as_deref(), Some("Harbour reopens after storm repairs"));
//! assert_eq!(article.outlet.as_deref(), Some("Reuters"));
//! assert_eq!(
//!     article.body,
//!     "The harbour reopened on Monday.\n\nFishing boats returned within hours."
//! );
//! ```

mod clean;
mod crawl;
mod decode;
mod html;
mod http_response;
mod json;
mod meta;
mod skip;
mod text;
mod walk;
mod warc;

use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

use serde_json::Value;

use crate::Article;

pub use html::{parse_html, PageSkip};
pub use json::parse_json_value;
pub use meta::{MetaRecord, Metadata};
pub use skip::{RecordSkip, SkipReason, SkipSummary, Skipped};
pub use text::parse_plain_text;
pub use walk::discover;

/// How to read files.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Outlet for every article read (`--outlet`); overrides the sidecar and
    /// anything the files say.
    pub outlet: Option<String>,
    /// Metadata sidecar (`--meta`); its values override what the files say.
    pub meta: Option<Metadata>,
    /// Read every file as this format (`--format`); `None` tells each
    /// file's format by its content and name.
    pub format: Option<InputFormat>,
    /// The language of every article read (`--language`, a code such as
    /// "de"); overrides the sidecar and the files. Without it, an article
    /// whose file names no language is given the one its text tells
    /// ([`crate::language::detect`]), if any.
    pub language: Option<String>,
}

impl ReadOptions {
    /// What the sidecar says about reading `path`, as text: its row by file
    /// name, and the rows keyed by URL (which match records inside container
    /// files); empty without a sidecar or without such rows. `newsq index`
    /// reads a file again when this text changed since it was read.
    pub fn meta_settings_for(&self, path: &Path) -> String {
        let Some(meta) = &self.meta else {
            return String::new();
        };
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default();
        let row = meta.get(&file_name).map(MetaRecord::settings_text);
        match (row, meta.url_rows_digest()) {
            (None, None) => String::new(),
            (row, urls) => format!(
                "{}\u{1d}{:016x}",
                row.unwrap_or_default(),
                urls.unwrap_or(0)
            ),
        }
    }
}

/// The formats newsq reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text, headline first.
    Text,
    /// One JSON object, or an array of them.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// An HTML article page.
    Html,
    /// WARC records (gzip-compressed or not), as web crawls store pages.
    Warc,
}

impl InputFormat {
    /// The format's name, as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Json => "json",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Warc => "warc",
        }
    }
}

/// Read one file into articles. Never panics.
///
/// * Plain text: one article, id = the file name (see [`parse_plain_text`]).
/// * A JSON object: one article, id = the file name (see [`parse_json_value`]).
/// * A JSON array of objects: one article per element, id = its URL, else
///   `"file.json:#INDEX"` (0-based, as `jq '.[INDEX]'`); `line` is where the
///   element starts.
/// * JSON Lines: one item per non-blank line, id = its URL, else
///   `"file.jsonl:LINE"`; a malformed line is an `Err(Skipped)` with its line
///   number and the other lines still come out.
/// * An HTML page: one article, id = the file name (see [`parse_html`]);
///   the page's declared encoding is honoured.
/// * WARC (CC-NEWS), gzip-compressed or not: one article per HTML response
///   with status 200, id and url = the target URL, published = the page's
///   date, else the crawl date. The file is streamed: only one record is in
///   memory at a time. Other responses come out as routine skips
///   ([`SkipReason::is_routine`]: non-200, not HTML, no article); a damaged
///   record is an `Err(Skipped)` and reading goes on at the next one.
///
/// The format is decided by content ([`ReadOptions::format`] overrides):
/// gzip data holding WARC, or a file starting `WARC/`, is WARC; a file
/// named `.html`/`.htm`/`.xhtml`, or starting with a tag and having `<html`,
/// `<head`, `<body`, `<meta`, `<title` or a doctype near its start, is
/// HTML; a file not starting with `{` or `[` is plain text; one that parses
/// as a single JSON value is JSON; otherwise one whose lines parse as
/// objects is JSON Lines. The extension only settles doubtful cases (a
/// `.jsonl` file is always read by line; a broken `.json` file is reported
/// as malformed rather than read as text).
///
/// A text or JSON file that cannot be read, is binary (NUL in the first 8
/// KiB), is not UTF-8 or is empty yields a single `Err(Skipped)`; so does
/// an HTML page that is empty, over 16 MiB, nested over 1,000 deep, or
/// without an article. A UTF-8 BOM is stripped and `\r\n` becomes `\n`.
///
/// Sidecar records are found by file name (exact, or without extension); for
/// elements and lines of multi-article files, by the article id first, and a
/// record for the whole file then only supplies the outlet (a title or URL
/// cannot be right for every line).
pub fn read_file(path: &Path, opts: &ReadOptions) -> Vec<Result<Article, Skipped>> {
    read_articles(path, opts).collect()
}

/// [`read_file`] one article at a time: a JSON Lines file's lines are
/// parsed as they are asked for, so that only the file's text, not all its
/// articles, is in memory at once.
pub fn read_articles<'a>(path: &Path, opts: &'a ReadOptions) -> FileArticles<'a> {
    let skip = |reason| FileArticles::skipped(path, reason);
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return skip(SkipReason::Unreadable("is a directory".to_string())),
        // A FIFO or device could block forever or never end.
        Ok(m) if !m.is_file() => {
            return skip(SkipReason::Unreadable("not a regular file".to_string()))
        }
        Ok(_) => {}
        Err(e) => return skip(walk::io_reason(&e)),
    }
    let mut input = match std::fs::File::open(path) {
        Ok(file) => BufReader::with_capacity(1 << 16, file),
        Err(e) => return skip(walk::io_reason(&e)),
    };
    // A crawl is streamed; any other file is read whole.
    let is_warc = match input.fill_buf() {
        Ok(head) => is_warc(path, head, opts.format),
        Err(e) => return skip(walk::io_reason(&e)),
    };
    if is_warc {
        return FileArticles::crawl(path, Box::new(input), opts);
    }
    let mut bytes = Vec::new();
    match input.read_to_end(&mut bytes) {
        Ok(_) => articles_from_bytes(path, bytes, opts),
        Err(e) => skip(walk::io_reason(&e)),
    }
}

/// Whether the file at `path`, starting with `head`, is to be read as WARC:
/// named `.warc`/`.warc.gz`, gzip-compressed (a gzip file that is not WARC
/// is then reported as such), or starting `WARC/` after white space.
fn is_warc(path: &Path, head: &[u8], format: Option<InputFormat>) -> bool {
    if let Some(format) = format {
        return format == InputFormat::Warc;
    }
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("warc"))
        || walk::is_warc_gz(path);
    named
        || head.starts_with(crawl::GZIP_MAGIC)
        || decode::content_start(head).starts_with(b"WARC/")
}

/// The articles of a file's content, read as [`read_articles`] reads the
/// file at `path` (whose name and extension count, and which is never
/// opened): for bytes that come from somewhere other than a file.
///
/// ```
/// use newsq_core::read::{articles_from_bytes, ReadOptions};
///
/// let bytes = "Harbour plan\n\n“We stay,” Mayor Ana Lopes said.".as_bytes().to_vec();
/// let options = ReadOptions::default();
/// let articles: Vec<_> = articles_from_bytes("harbour.txt".as_ref(), bytes, &options).collect();
/// assert_eq!(articles[0].as_ref().unwrap().title.as_deref(), Some("Harbour plan"));
/// ```
pub fn articles_from_bytes<'a>(
    path: &Path,
    bytes: Vec<u8>,
    opts: &'a ReadOptions,
) -> FileArticles<'a> {
    let file = FileContext::new(path, opts);
    let ready =
        |items: Vec<Result<Article, Skipped>>| FileArticles(Source::Ready(items.into_iter()));
    let skip = |reason| FileArticles::skipped(path, reason);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();

    if is_warc(path, &bytes, opts.format) {
        return FileArticles::crawl(path, Box::new(Cursor::new(bytes)), opts);
    }
    let is_html = match opts.format {
        Some(format) => format == InputFormat::Html,
        None => {
            matches!(extension.as_str(), "html" | "htm" | "xhtml") || html::looks_like_html(&bytes)
        }
    };
    if is_html {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return skip(SkipReason::Empty);
        }
        return match html::parse_page_bytes(&file.file_name, &bytes, None, None) {
            Ok(article) => ready(vec![Ok(file.finish(article, None, true))]),
            Err(PageSkip::NoArticle) => skip(SkipReason::NoArticle),
            Err(PageSkip::TooLarge(how)) => skip(SkipReason::PageTooLarge(how)),
        };
    }

    let text = match decode::decode(bytes) {
        Ok(text) => text,
        Err(reason) => return skip(reason),
    };

    match json::sniff(&text, &extension, opts.format) {
        json::Format::PlainText => ready(vec![Ok(file.finish(
            parse_plain_text(&file.file_name, &text),
            None,
            true,
        ))]),
        json::Format::Malformed(message) => skip(SkipReason::MalformedJson(message)),
        json::Format::Json(value @ Value::Object(_)) => {
            match parse_json_value(&file.file_name, &value) {
                Some(article) => ready(vec![Ok(file.finish(article, None, true))]),
                None => skip(SkipReason::NoText),
            }
        }
        json::Format::Json(Value::Array(items)) => {
            let lines = json::array_element_lines(&text);
            let articles = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let line = lines.get(i).copied();
                    let id =
                        json::url_of(item).unwrap_or_else(|| format!("{}:#{i}", file.file_name));
                    record_article(path, line, &id, item).map(|a| file.finish(a, line, false))
                })
                .collect();
            ready(articles)
        }
        json::Format::Json(other) => skip(SkipReason::MalformedJson(format!(
            "expected an object or an array of objects, found {}",
            json::kind_of(&other)
        ))),
        json::Format::JsonLines => FileArticles(Source::Lines {
            file,
            text,
            at: 0,
            line: 0,
        }),
    }
}

/// The articles of one file, as [`read_articles`] reads them.
pub struct FileArticles<'a>(Source<'a>);

impl<'a> FileArticles<'a> {
    /// No articles: the whole file passed over, for `reason`.
    fn skipped(path: &Path, reason: SkipReason) -> Self {
        FileArticles(Source::Ready(
            vec![Err(Skipped::file(path, reason))].into_iter(),
        ))
    }

    /// The articles of a WARC stream (gzip-compressed or not).
    fn crawl(path: &Path, input: Box<dyn BufRead + 'a>, opts: &'a ReadOptions) -> Self {
        let file = FileContext::new(path, opts);
        let forced = opts.format == Some(InputFormat::Warc);
        match crawl::open(input, file, forced) {
            crawl::Opened::Warc(articles) => FileArticles(Source::Crawl(Box::new(articles))),
            crawl::Opened::Skipped(reason) => FileArticles::skipped(path, reason),
        }
    }
}

enum Source<'a> {
    /// Read already (a single article, a JSON array, a skipped file).
    Ready(std::vec::IntoIter<Result<Article, Skipped>>),
    /// A WARC stream, read record by record.
    Crawl(Box<crawl::CrawlArticles<'a>>),
    /// JSON Lines, parsed line by line from byte `at` (after line `line`).
    Lines {
        file: FileContext<'a>,
        text: String,
        at: usize,
        line: usize,
    },
}

impl Iterator for FileArticles<'_> {
    type Item = Result<Article, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Source::Ready(items) => items.next(),
            Source::Crawl(articles) => articles.next(),
            Source::Lines {
                file,
                text,
                at,
                line,
            } => loop {
                let rest = text.get(*at..).filter(|rest| !rest.is_empty())?;
                let length = rest.find('\n').unwrap_or(rest.len());
                let current = &rest[..length];
                *at += length + 1;
                *line += 1;
                if current.trim().is_empty() {
                    continue;
                }
                let n = *line;
                let read = json::parse_line(current)
                    .map_err(|m| Skipped::at_line(&file.path, n, SkipReason::MalformedJson(m)))
                    .and_then(|value| {
                        let id = json::url_of(&value)
                            .unwrap_or_else(|| format!("{}:{n}", file.file_name));
                        record_article(&file.path, Some(n), &id, &value)
                    })
                    .map(|a| file.finish(a, Some(n), false));
                return Some(read);
            },
        }
    }
}

/// What every article of a file gets: its path, its line, the sidecar's and
/// the options' metadata.
struct FileContext<'a> {
    path: std::path::PathBuf,
    file_name: String,
    opts: &'a ReadOptions,
}

impl<'a> FileContext<'a> {
    fn new(path: &Path, opts: &'a ReadOptions) -> Self {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        FileContext {
            path: path.to_path_buf(),
            file_name,
            opts,
        }
    }

    fn finish(&self, mut article: Article, line: Option<usize>, single: bool) -> Article {
        article.path = Some(self.path.clone());
        article.line = line;
        apply_metadata(&mut article, &self.file_name, single, self.opts);
        article
    }
}

/// One element of an array or line of a JSON Lines file as an article.
fn record_article(
    path: &Path,
    line: Option<usize>,
    id: &str,
    value: &Value,
) -> Result<Article, Skipped> {
    let at = |reason| Skipped {
        path: path.to_path_buf(),
        line,
        reason,
    };
    if !value.is_object() {
        return Err(at(SkipReason::MalformedJson(format!(
            "expected an object, found {}",
            json::kind_of(value)
        ))));
    }
    parse_json_value(id, value).ok_or_else(|| at(SkipReason::NoText))
}

/// Apply the sidecar, then `--outlet` and `--language`, over what the
/// file said; an article still without a language gets the one its text tells.
fn apply_metadata(article: &mut Article, file_name: &str, single: bool, opts: &ReadOptions) {
    if let Some(meta) = &opts.meta {
        let record = if single {
            meta.get(file_name).map(|r| (r, true))
        } else {
            meta.get_exact(&article.id)
                .map(|r| (r, true))
                .or_else(|| meta.get(file_name).map(|r| (r, false)))
        };
        if let Some((record, all_fields)) = record {
            if let Some(outlet) = &record.outlet {
                article.outlet = Some(outlet.clone());
            }
            if all_fields {
                let take = |ours: &mut Option<String>, theirs: &Option<String>| {
                    if theirs.is_some() {
                        ours.clone_from(theirs);
                    }
                };
                take(&mut article.published, &record.published);
                take(&mut article.title, &record.title);
                take(&mut article.url, &record.url);
                if !record.authors.is_empty() {
                    article.authors.clone_from(&record.authors);
                }
                take(&mut article.language, &record.language);
            }
        }
    }
    if let Some(outlet) = &opts.outlet {
        article.outlet = Some(outlet.clone());
    }
    if let Some(language) = &opts.language {
        article.language = Some(language.clone());
    }
    // (A language given as blanks is none.)
    article.language = crate::language::of_article(article).map(str::to_string);
}
