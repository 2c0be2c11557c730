//! `newsq search`: query an index, or folders of articles through a cached
//! index.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use newsq_core::index::{NewsIndex, SyncOptions, WriterOptions};
use newsq_query::entity::NameMatch;

use newsq_query::{
    Expr, FacetCounts, FacetField, GroupSummary, Hit, HitKind, NewsSearcher, QueryError, Scope,
    SearchRequest, SearchResults,
};
use serde::Serialize;

use crate::output::{
    count_of, finish_on_write_error, json_line, place, use_color, ArticleFields, StatementRecord,
    Style,
};
use crate::{index, locate, FacetArg, FormatArg, ReadArgs, SearchArgs};

pub fn run(args: SearchArgs) -> Result<ExitCode, String> {
    let quiet = args.quiet.quiet;
    let dir = if args.paths.is_empty() {
        locate::index_dir(args.index.as_deref())?
    } else {
        // Like ripgrep on a folder: keep an index of these paths and bring
        // it up to date first (only changed files are read).
        locate::check_article_paths(&args.paths)?;
        let key = locate::search_key(&args.paths);
        let dir = match &args.index {
            Some(dir) => {
                locate::check_search_index(dir, &key, &args.paths)?;
                dir.clone()
            }
            None => locate::cache_dir_for(&key)?,
        };
        let read = ReadArgs {
            set_outlet: None,
            outlet_filter: None,
            meta: args.meta.clone(),
            format: FormatArg::Auto,
            language: None,
        };
        let options = SyncOptions {
            read: read.options()?,
            prune: true,
            ..SyncOptions::default()
        };
        let summary = index::update(
            &dir,
            &args.paths,
            &options,
            &WriterOptions::default(),
            !quiet,
        )?;
        locate::mark_cached(&dir, &key)?;
        if summary.failed_inputs {
            return Ok(ExitCode::from(2));
        }
        dir
    };
    let news = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    let limit = match args.limit {
        0 => all(&news)?,
        limit => limit,
    };
    let mut request = args.filters.request(&args.query, limit);
    request.group = args.group;
    if args.articles {
        request.scope = Scope::Articles;
    }
    request.facets = args
        .facet
        .iter()
        .map(|f| match f {
            FacetArg::Speaker => FacetField::Speaker,
            FacetArg::Outlet => FacetField::Outlet,
        })
        .collect();
    let searcher = NewsSearcher::new(&news).map_err(|e| describe_error(&e, &args.query))?;
    let results = searcher
        .search(&request)
        .map_err(|e| describe_error(&e, &args.query))?;

    if !quiet {
        for note in results.names.iter().filter_map(name_note) {
            eprintln!("newsq: {note}");
        }
        if results.total == 0 {
            for note in why_nothing(&searcher, &request) {
                eprintln!("newsq: {note}");
            }
        }
    }
    let style = Style::new(!args.json && use_color(args.color));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.json {
        write_json(&mut out, &results, args.count)
    } else {
        write_human(&mut out, &results, args.count, quiet, &style)
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        return finish_on_write_error(e);
    }
    Ok(if results.total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `-n 0`: every document of the index is an upper bound on the hits.
pub fn all(news: &NewsIndex) -> Result<usize, String> {
    let docs = news
        .reader()
        .map_err(|e| e.to_string())?
        .searcher()
        .num_docs();
    Ok(usize::try_from(docs).unwrap_or(usize::MAX).max(1))
}

/// Why a search found nothing, when newsq can tell: a word that is a
/// speaker's or outlet's name (a filter was likely meant), a wildcard
/// (words match their forms instead), a date filter that leaves out what
/// matches otherwise (undated articles never pass one).
fn why_nothing(searcher: &NewsSearcher, request: &SearchRequest) -> Vec<String> {
    let mut notes = Vec::new();
    let Ok(expr) = request.to_expr() else {
        return notes;
    };
    let mut words = Vec::new();
    required_words(&expr, &mut words);
    if let Some(word) = words.iter().find(|w| w.contains(['*', '?'])) {
        notes.push(format!(
            "\"{word}\": newsq has no wildcards; a word finds its forms as it is (\"negotiate\" finds \"negotiations\"), so drop the * or ?"
        ));
    }
    let lists = [
        (searcher.speakers(), "--speaker"),
        (searcher.outlets(), "--outlet"),
    ];
    for word in &words {
        for (entities, flag) in &lists {
            let Ok(entities) = entities else { continue };
            let found = entities.resolve(word);
            if !found.is_unknown() && !found.is_ambiguous() {
                notes.push(format!(
                    "\"{word}\" is searched as a word; for statements by {}, did you mean {flag} {word}?",
                    found.matches.join(", ")
                ));
                break;
            }
        }
    }
    if request.since.is_some() || request.until.is_some() {
        let count = |since: Option<&str>| {
            let mut wider = request.clone();
            wider.since = since.map(str::to_string);
            wider.until = None;
            wider.facets.clear();
            wider.group = false;
            wider.limit = 1;
            searcher.search(&wider).map_or(0, |found| found.total)
        };
        let all = count(None);
        // Every dated article is published after the year 1000.
        let undated = all.saturating_sub(count(Some("1000")));
        if undated > 0 {
            notes.push(format!(
                "{} in articles without a date, which --since and --until never keep (give dates with --meta)",
                count_of(undated, "hit", "hits")
            ));
        } else if all > 0 {
            notes.push(format!(
                "{} outside those dates",
                count_of(all, "hit", "hits")
            ));
        }
    }
    notes
}

/// The words a query requires (not those under `-` / NOT).
fn required_words(expr: &Expr, words: &mut Vec<String>) {
    match expr {
        Expr::Word { text, .. } => words.push(text.clone()),
        Expr::And(parts) | Expr::Or(parts) => {
            for part in parts {
                required_words(part, words);
            }
        }
        _ => {}
    }
}

/// What to tell the user about a speaker or outlet name: nothing when it
/// matched one entity.
pub fn name_note(found: &NameMatch) -> Option<String> {
    let noun = found.kind.noun();
    if found.is_unknown() {
        let hint = match found.suggestions.as_slice() {
            [] => format!("`newsq {noun}s` lists them"),
            [one] => format!("did you mean {one}?"),
            several => format!("did you mean one of {}?", several.join(", ")),
        };
        Some(format!("no {noun} matches \"{}\"; {hint}", found.query))
    } else if found.is_ambiguous() {
        Some(format!(
            "{noun} \"{}\" matches {} {noun}s: {}; showing all (give a fuller name to narrow)",
            found.query,
            found.matches.len(),
            found.matches.join(", ")
        ))
    } else {
        None
    }
}

/// A query error with the query and a caret under the problem.
pub fn describe_error(error: &QueryError, query: &str) -> String {
    match error.render(query) {
        Some(shown) => format!("bad query:\n{}", indent(&shown)),
        None => error.to_string(),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A statement hit: the statement as every command writes it, and how it
/// matched.
#[derive(Serialize)]
struct JsonStatementHit<'a> {
    #[serde(flatten)]
    statement: StatementRecord<'a>,
    score: f32,
    /// Byte ranges of the matched words in `quote`.
    highlights: &'a [(usize, usize)],
    /// With `--group`: the statement's versions, summed up.
    group: Option<&'a GroupSummary>,
}

/// An article hit (`--articles`).
#[derive(Serialize)]
struct JsonArticleHit<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    source: ArticleFields<'a>,
    score: f32,
    /// A passage of the article around the matched words.
    snippet: &'a str,
    /// Byte ranges of the matched words in `snippet`.
    highlights: &'a [(usize, usize)],
}

fn write_hit(out: &mut impl Write, hit: &Hit) -> io::Result<()> {
    match StatementRecord::of_hit(hit) {
        Some(statement) => json_line(
            out,
            &JsonStatementHit {
                statement,
                score: hit.score,
                highlights: &hit.highlights,
                group: hit.group.as_ref(),
            },
        ),
        None => json_line(
            out,
            &JsonArticleHit {
                kind: "article",
                source: ArticleFields::of_hit(hit),
                score: hit.score,
                snippet: hit.snippet.as_deref().unwrap_or(""),
                highlights: &hit.highlights,
            },
        ),
    }
}

#[derive(Serialize)]
struct JsonFacet<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    field: Option<FacetField>,
    counts: Vec<JsonCount<'a>>,
    missing: u64,
}

#[derive(Serialize)]
struct JsonCount<'a> {
    value: &'a str,
    count: u64,
}

/// What a `--speaker`/`--outlet` name (or `speaker:`/`outlet:`) matched.
#[derive(Serialize)]
struct JsonName<'a> {
    #[serde(rename = "type")]
    line_type: &'static str,
    /// "speaker" or "outlet".
    kind: &'static str,
    query: &'a str,
    matches: &'a [String],
    suggestions: &'a [String],
}

#[derive(Serialize)]
struct JsonSummary {
    #[serde(rename = "type")]
    kind: &'static str,
    total: usize,
    shown: usize,
    elapsed_ms: f64,
}

/// One JSON object per line: the hits, the facet counts, then a summary.
fn write_json(out: &mut impl Write, results: &SearchResults, count_only: bool) -> io::Result<()> {
    if !count_only {
        for hit in &results.hits {
            write_hit(out, hit)?;
        }
        for facet in &results.facets {
            json_line(out, &json_facet(facet))?;
        }
    }
    for found in &results.names {
        json_line(
            out,
            &JsonName {
                line_type: "name",
                kind: found.kind.noun(),
                query: &found.query,
                matches: &found.matches,
                suggestions: &found.suggestions,
            },
        )?;
    }
    json_line(
        out,
        &JsonSummary {
            kind: "summary",
            total: results.total,
            shown: if count_only { 0 } else { results.hits.len() },
            elapsed_ms: results.elapsed.as_secs_f64() * 1000.0,
        },
    )
}

fn json_facet(facet: &FacetCounts) -> JsonFacet<'_> {
    JsonFacet {
        kind: "facet",
        field: facet.field,
        counts: facet
            .counts
            .iter()
            .map(|(value, count)| JsonCount {
                value,
                count: *count,
            })
            .collect(),
        missing: facet.missing,
    }
}

/// "carried by 3 outlets (A, B, C) in 4 articles; wording differs — newsq
/// trail ID"; with articles of no known outlet, "reported in 3 articles,
/// 1 known outlet (A)".
fn group_line(group: &GroupSummary) -> String {
    let articles = count_of(group.articles, "article", "articles");
    let outlets = group.outlets.join(", ");
    let mut line = match (group.outlets.len(), group.articles_without_outlet) {
        (0, _) => format!("reported in {articles}"),
        (known, 0) if known > 1 => format!(
            "carried by {} ({outlets}) in {articles}",
            count_of(known, "outlet", "outlets")
        ),
        (_, 0) => format!("reported in {articles} ({outlets})"),
        (known, _) => format!(
            "reported in {articles}, {} ({outlets})",
            count_of(known, "known outlet", "known outlets")
        ),
    };
    if group.differs {
        line.push_str("; wording differs");
    }
    if group.quotations > 1 {
        line.push_str(&format!(" — newsq trail {}", group.id));
    }
    line
}

/// For people: each hit as a header line (speaker — outlet — date), the
/// quotation (or a passage of the article) with the matched words marked,
/// and the headline; then facet counts; `--count` prints the total alone.
fn write_human(
    out: &mut impl Write,
    results: &SearchResults,
    count_only: bool,
    quiet: bool,
    style: &Style,
) -> io::Result<()> {
    if count_only {
        return writeln!(out, "{}", results.total);
    }
    for (i, hit) in results.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let who = match (hit.kind, &hit.speaker, &hit.speaker_mention) {
            (HitKind::Article, ..) => "article".to_string(),
            (_, Some(name), _) => name.clone(),
            (_, None, Some(mention)) => format!("[{mention}]"),
            (_, None, None) => "?".to_string(),
        };
        let mut header = vec![style.bold(&who)];
        header.push(place(
            hit.outlet.as_deref(),
            hit.path.as_deref(),
            hit.line,
            &hit.article,
        ));
        if let Some(date) = &hit.published {
            header.push(date.clone());
        }
        writeln!(out, "{}", header.join(" — "))?;
        match hit.kind {
            HitKind::Quotation => {
                let quote = hit.quote.as_deref().unwrap_or("");
                writeln!(out, "  “{}”", style.marked(quote, &hit.highlights))?;
            }
            // The writer's words: no quote marks, and said so.
            HitKind::Reported => {
                let text = hit.quote.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "  {} {}",
                    style.marked(text, &hit.highlights),
                    style.dim("(reported)")
                )?;
            }
            _ => {
                let snippet = hit.snippet.as_deref().unwrap_or("");
                writeln!(out, "  {}", style.marked(snippet, &hit.highlights))?;
            }
        }
        if let Some(title) = &hit.title {
            writeln!(out, "  {}", style.dim(title))?;
        }
        if let Some(group) = &hit.group {
            writeln!(out, "  {}", style.dim(&group_line(group)))?;
        }
    }
    for facet in &results.facets {
        let name = match facet.field {
            Some(FacetField::Outlet) => "outlet",
            _ => "speaker",
        };
        writeln!(out, "\n{}", style.bold(&format!("hits by {name}:")))?;
        for (value, count) in &facet.counts {
            writeln!(out, "{count:>7}  {value}")?;
        }
        if facet.missing > 0 {
            writeln!(out, "{:>7}  (none)", facet.missing)?;
        }
    }
    let shown = results.hits.len();
    if quiet {
        return Ok(());
    }
    if results.hits.iter().any(|hit| hit.group.is_some()) {
        writeln!(
            out,
            "\n{}",
            style.dim(&format!(
                "{} from {}",
                count_of(shown, "hit", "hits"),
                count_of(results.total, "matching statement", "matching statements")
            ))
        )?;
    } else if shown < results.total {
        writeln!(
            out,
            "\n{}",
            style.dim(&format!(
                "{shown} of {} hits shown; --limit N shows more",
                results.total
            ))
        )?;
    }
    Ok(())
}
