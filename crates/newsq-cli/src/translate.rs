//! `newsq translate`: the query another engine needs to find what `newsq
//! search` finds, on the fields `newsq export` and `newsq push` write.

use std::io::{self, Write};
use std::process::ExitCode;

use newsq_core::index::NewsIndex;
use newsq_export::{Engine, Translator};
use newsq_query::plan::Condition;
use newsq_query::{NewsSearcher, Scope};

use crate::output::finish_on_write_error;
use crate::search::{describe_error, name_note};
use crate::{locate, EngineArg, TranslateArgs};

/// Hits asked for with `-n 0`: the most Quickwit and Elasticsearch return
/// by default (Quickwit's `max_hits` limit, Elasticsearch's
/// `index.max_result_window`).
const ENGINE_MAX_HITS: usize = 10_000;

pub fn run(args: TranslateArgs) -> Result<ExitCode, String> {
    let engine = match args.engine {
        EngineArg::Quickwit => Engine::Quickwit,
        EngineArg::Elasticsearch => Engine::Elasticsearch,
        EngineArg::Opensearch => Engine::OpenSearch,
    };
    let dir = locate::index_dir(args.index.as_deref())?;
    let news = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    let searcher = NewsSearcher::new(&news).map_err(|e| describe_error(&e, &args.query))?;
    let max_hits = match args.limit {
        0 => ENGINE_MAX_HITS,
        limit => limit,
    };
    let mut request = args.filters.request(&args.query, max_hits);
    if args.articles {
        request.scope = Scope::Articles;
    }
    let plan = searcher
        .plan(&request)
        .map_err(|e| describe_error(&e, &args.query))?;
    if !args.quiet.quiet {
        for note in plan.names.iter().filter_map(name_note) {
            eprintln!("newsq: {note}");
        }
    }
    // A name that matched no one, where the query needs one: nothing to
    // find, and no query to print. (Inside a negation or an alternative it
    // takes its part, as in `newsq search`.)
    if plan.condition == Condition::Nothing {
        return Ok(ExitCode::from(1));
    }
    let translator = Translator::new();
    let body = translator.request_body(engine, &plan.condition, max_hits);
    let text = if args.json {
        body.to_string()
    } else {
        match engine {
            Engine::Quickwit => translator.query_string(&plan.condition),
            Engine::Elasticsearch | Engine::OpenSearch => {
                serde_json::to_string_pretty(&body).map_err(|e| e.to_string())?
            }
        }
    };
    let mut out = io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush()) {
        return finish_on_write_error(e);
    }
    Ok(ExitCode::SUCCESS)
}
