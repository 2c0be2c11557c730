//! `newsq export` and `newsq push`: hand an index to Quickwit or
//! Elasticsearch/OpenSearch, as files or straight to a running engine.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsq_core::index::NewsIndex;
use newsq_export::{
    export_to_folder, push, Endpoint, Engine, EngineVersion, ExportError, ExportOptions,
    IndexDocuments, PushEvent, PushOptions, PushSummary, RetryPolicy,
};

use crate::locate;
use crate::output::count_of;
use crate::progress::Progress;
use crate::{EngineArg, ExportArgs, PushArgs};

/// The environment variable holding an `Authorization` value for `push`
/// ("ApiKey …", "Bearer …"): kept off the command line, where other users
/// of the machine could read it.
pub const AUTHORIZATION_ENV: &str = "NEWSQ_AUTHORIZATION";

impl EngineArg {
    /// The engine, once `index` (the --engine-index value) is a name it accepts.
    fn engine_for(self, index: &str) -> Result<Engine, String> {
        let engine = match self {
            EngineArg::Quickwit => Engine::Quickwit,
            EngineArg::Elasticsearch => Engine::Elasticsearch,
            EngineArg::Opensearch => Engine::OpenSearch,
        };
        engine
            .check_index_name(index)
            .map_err(|e| format!("--engine-index: {e}"))?;
        Ok(engine)
    }
}

/// The --engine-version value, checked against what newsq writes for
/// `engine`.
fn version_arg(engine: Engine, value: Option<&str>) -> Result<Option<EngineVersion>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    let version: EngineVersion = value
        .parse()
        .map_err(|e: ExportError| format!("--engine-version: {e}"))?;
    engine
        .check_version(version)
        .map_err(|e| format!("--engine-version: {e}"))?;
    Ok(Some(version))
}

/// Bytes of a --file-mb / --batch-mb value (MB of 1,000,000 bytes).
fn bytes_of(megabytes: u64) -> usize {
    usize::try_from(megabytes.saturating_mul(1_000_000)).unwrap_or(usize::MAX)
}

fn open_documents(from: Option<&Path>) -> Result<IndexDocuments, String> {
    let dir = locate::index_dir(from)?;
    let index = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    IndexDocuments::open(&index).map_err(|e| e.to_string())
}

pub fn run_export(args: ExportArgs) -> Result<ExitCode, String> {
    let engine = args.to.engine_for(&args.engine_index)?;
    let engine_version = version_arg(engine, args.engine_version.as_deref())?;
    let documents = open_documents(args.index.as_deref())?;
    let options = ExportOptions {
        engine,
        engine_version,
        index_name: args.engine_index.clone(),
        max_file_bytes: bytes_of(args.file_mb),
    };
    let mut progress = Progress::counting(!args.quiet.quiet, "documents");
    progress.plan(documents.len(), 0);
    let summary = export_to_folder(&documents, &args.out, &options, |count, bytes| {
        progress.advance_by(count, bytes)
    })
    .map_err(|e| e.to_string());
    progress.clear();
    let summary = summary?;
    // Documents left out are said even with -q: they are data not moved.
    warn_too_large(
        &summary.too_large,
        engine.body_limit(options.max_file_bytes),
    );
    if !args.quiet.quiet {
        let out = args.out.display();
        let version = summary
            .engine_version
            .unwrap_or_else(|| engine.newest_version());
        eprintln!(
            "newsq: exported {} ({}, {}) for {} {} to {out}: {}, {} ({}), {}",
            count_of(summary.documents as usize, "document", "documents"),
            count_of(documents.quotations() as usize, "statement", "statements"),
            count_of(documents.articles() as usize, "article", "articles"),
            engine.display_name(),
            engine.version_label(version),
            engine.definition_file(),
            count_of(summary.files.len(), "document file", "document files"),
            megabytes(summary.bytes),
            newsq_export::ENTITIES_FILE,
        );
        if engine == Engine::Quickwit && !summary.timestamp_field {
            undated_notice(summary.undated);
        }
        let name = &args.engine_index;
        match engine {
            Engine::Quickwit => eprintln!(
                "newsq: load it with `quickwit index create --index-config {out}/index-config.yaml` \
                 and `quickwit index ingest --index {name} --input-path FILE` for each \
                 {out}/docs-*.ndjson, or `newsq push --engine quickwit --url URL --engine-index {name}`"
            ),
            Engine::Elasticsearch | Engine::OpenSearch => eprintln!(
                "newsq: load it with `curl -XPUT URL/{name} -H 'Content-Type: application/json' \
                 --data-binary @{out}/index.json`, then `curl -XPOST URL/{name}/_bulk -H \
                 'Content-Type: application/x-ndjson' --data-binary @FILE` for each \
                 {out}/bulk-*.ndjson, or `newsq push --engine elasticsearch --url URL --engine-index {name}`"
            ),
        }
    }
    Ok(exit_for(summary.documents))
}

pub fn run_push(args: PushArgs) -> Result<ExitCode, String> {
    let engine = args.engine.engine_for(&args.engine_index)?;
    let engine_version = version_arg(engine, args.engine_version.as_deref())?;
    let authorization = std::env::var(AUTHORIZATION_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty());
    let endpoint = Endpoint::parse(&args.url, authorization).map_err(|e| e.to_string())?;
    let documents = open_documents(args.index.as_deref())?;
    let mut options = PushOptions::new(engine, endpoint.clone(), args.engine_index.clone());
    options.engine_version = engine_version;
    options.allow_duplicates = args.allow_duplicates;
    options.commit_timeout = Duration::from_secs(args.commit_timeout);
    options.batch_bytes = bytes_of(args.batch_mb);
    options.retry = RetryPolicy {
        attempts: args.attempts,
        ..RetryPolicy::default()
    };
    if let Some(path) = &args.ca_cert {
        options.ca_pem =
            Some(std::fs::read(path).map_err(|e| format!("--ca-cert {}: {e}", path.display()))?);
    }
    let started = Instant::now();
    let mut progress = Progress::counting(!args.quiet.quiet, "documents");
    progress.plan(documents.len(), 0);
    let quiet = args.quiet.quiet;
    let (mut accepted, mut batches) = (0u64, 0u64);
    let index_name = &args.engine_index;
    let outcome = push(&documents, &options, |event| match event {
        // Said even with -q, as too-large documents are: they change what
        // the engine holds (a definition guessed, documents stored twice).
        PushEvent::VersionUnknown { reason, assumed } => {
            progress.clear();
            eprintln!(
                "newsq: could not read the engine's version ({reason}); writing the definition \
                 for {} {}; pass --engine-version to choose",
                engine.display_name(),
                engine.version_label(assumed)
            );
        }
        PushEvent::Duplicates { documents } => {
            progress.clear();
            eprintln!(
                "newsq: the Quickwit index {index_name} holds {} already; with \
                 --allow-duplicates, documents pushed again are stored twice",
                count_of(documents as usize, "document", "documents")
            );
        }
        PushEvent::Version {
            engine: answering,
            version,
        } if answering != engine && !quiet => {
            progress.clear();
            eprintln!(
                "newsq: {} is {} {version}, not {}; pushing to it as {}",
                endpoint.shown(),
                answering.display_name(),
                engine.display_name(),
                answering.display_name()
            );
        }
        PushEvent::Sent { documents, bytes } => {
            accepted += documents;
            batches += 1;
            progress.advance_by(documents, bytes)
        }
        PushEvent::Retrying {
            what,
            status,
            reason,
            attempt,
            wait,
        } if !quiet => {
            progress.clear();
            let answer = match status {
                Some(status) => format!("answered {status}"),
                None => "did not answer".to_string(),
            };
            eprintln!(
                "newsq: {} {answer} to {what} ({reason}); trying again in {:.1} s (attempt {} of {})",
                engine.name(),
                wait.as_secs_f64(),
                attempt + 1,
                options.retry.attempts
            );
        }
        _ => {}
    });
    progress.clear();
    if outcome.is_err() && batches > 0 {
        // What landed before the error, for deciding what to do next.
        eprintln!(
            "newsq: {} in {} accepted before the error",
            count_of(accepted as usize, "document", "documents"),
            count_of(batches as usize, "batch", "batches"),
        );
    }
    let summary = outcome.map_err(|e| match (&e, &args.ca_cert) {
        (ExportError::Certificates { .. }, Some(path)) => {
            format!("--ca-cert {}: {e}", path.display())
        }
        (ExportError::Unreachable { reason, .. }, None) if reason.contains("certificate") => {
            format!("{e} (a cluster with a CA of its own: trust it with --ca-cert FILE)")
        }
        _ => e.to_string(),
    })?;
    if !args.quiet.quiet {
        eprintln!(
            "newsq: {}",
            describe_push(&summary, &args.engine_index, &endpoint, started)
        );
        if engine == Engine::Quickwit && summary.index_created && documents.undated() > 0 {
            undated_notice(documents.undated());
        }
    }
    // Said even with -q: the engine holds less than it accepted.
    if let Some(held) = summary
        .engine_documents
        .filter(|&held| held < summary.documents)
    {
        eprintln!(
            "newsq: the index reports {held} documents after the push, fewer than the {} accepted; \
             the engine may still be indexing: count them again before pushing anything twice",
            summary.documents
        );
    }
    warn_too_large(&summary.too_large, engine.body_limit(options.batch_bytes));
    Ok(exit_for(summary.documents))
}

fn describe_push(
    summary: &PushSummary,
    index: &str,
    endpoint: &Endpoint,
    started: Instant,
) -> String {
    let mut notes = vec![
        count_of(summary.batches as usize, "batch", "batches"),
        megabytes(summary.bytes),
    ];
    if summary.already_present > 0 {
        notes.push(format!("{} already there", summary.already_present));
    }
    if summary.retries > 0 {
        notes.push(count_of(summary.retries as usize, "retry", "retries"));
    }
    if summary.index_created {
        notes.push("index created".to_string());
    }
    if let Some(held) = summary.engine_documents {
        notes.push(format!("the index holds {held}"));
    }
    // "Quickwit 0.9", or "Quickwit" when its version could not be read.
    let engine = summary.engine;
    let engine_named = match summary.engine_version {
        Some(version) => format!(
            "{} {}",
            engine.display_name(),
            engine.version_label(version)
        ),
        None => engine.display_name().to_string(),
    };
    format!(
        "pushed {} to {engine_named} index {index} at {} ({}) in {:.1} s",
        count_of(summary.documents as usize, "document", "documents"),
        endpoint.shown(),
        notes.join(", "),
        started.elapsed().as_secs_f64()
    )
}

/// Why a Quickwit index has no timestamp field.
fn undated_notice(undated: u64) {
    eprintln!(
        "newsq: {} no publication date, so the Quickwit index has no timestamp_field (Quickwit \
         then requires one on every document); give the articles dates (--meta) to get time \
         pruning",
        count_of(undated as usize, "document has", "documents have")
    );
}

fn warn_too_large(ids: &[String], limit: usize) {
    if ids.is_empty() {
        return;
    }
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    eprintln!(
        "newsq: {} larger than {} left out: {}{}",
        count_of(ids.len(), "document", "documents"),
        megabytes(limit as u64),
        shown.join(", "),
        if ids.len() > shown.len() { ", …" } else { "" }
    );
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// 0 when documents went out, 1 when the index held none.
fn exit_for(documents: u64) -> ExitCode {
    if documents > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
