//! `newsq index`: bring an index up to date with folders of articles.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsq_core::index::{
    sync_paths, NewsIndex, SyncEvent, SyncOptions, SyncSummary, WriterOptions,
};

use newsq_query::entity::Aliases;
use newsq_query::NewsSearcher;

use crate::locate;
use crate::output::count_of;
use crate::progress::Progress;
use crate::IndexArgs;

pub fn run(args: IndexArgs) -> Result<ExitCode, String> {
    let dir = locate::index_dir(args.index.as_deref())?;
    locate::check_article_paths(&args.paths)?;
    if let Some(path) = &args.aliases {
        let aliases = Aliases::from_path(path).map_err(|e| e.to_string())?;
        let index = NewsIndex::open_or_create(&dir).map_err(|e| e.to_string())?;
        aliases.store(&index).map_err(|e| e.to_string())?;
        if !args.quiet.quiet {
            eprintln!(
                "newsq: aliases from {} ({}, {}) kept in {}; every search applies them from now on (no article needs reading again)",
                path.display(),
                count_of(aliases.speakers.len(), "speaker", "speakers"),
                count_of(aliases.outlets.len(), "outlet", "outlets"),
                dir.display()
            );
        }
        if args.paths.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let writer_options = WriterOptions {
        memory_bytes: args.memory.saturating_mul(1 << 20),
        threads: args.threads.unwrap_or(WriterOptions::default().threads),
    };
    let options = SyncOptions {
        read: args.read.options()?,
        prune: args.prune,
        force: args.force,
        threads: writer_options.threads,
        commit_every_bytes: args.commit_every.saturating_mul(1 << 20),
    };
    let summary = update(
        &dir,
        &args.paths,
        &options,
        &writer_options,
        !args.quiet.quiet,
    )?;
    if !args.quiet.quiet {
        eprintln!("newsq: {}", describe(&summary, &dir));
    }
    Ok(if summary.failed_inputs {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Index `paths` into the index at `dir` (created if missing), printing
/// skipped inputs, with a progress line on a terminal when `show_progress`.
pub fn update(
    dir: &Path,
    paths: &[PathBuf],
    options: &SyncOptions,
    writer_options: &WriterOptions,
    show_progress: bool,
) -> Result<SyncSummary, String> {
    let index = NewsIndex::open_or_create(dir).map_err(|e| e.to_string())?;
    let mut writer = index.writer(writer_options).map_err(|e| e.to_string())?;
    let mut progress = Progress::new(show_progress);
    let mut on_event = |event: SyncEvent| match event {
        SyncEvent::Planned { files, bytes } => progress.plan(files as u64, bytes),
        SyncEvent::FileDone { bytes, .. } => progress.advance(bytes),
        // A crawl's non-article responses are only counted.
        SyncEvent::Skipped(skipped) if skipped.reason.is_routine() => {}
        SyncEvent::Skipped(skipped) => {
            progress.clear();
            eprintln!("newsq: {skipped}");
        }
    };
    let summary = sync_paths(&index, &mut writer, paths, options, &mut on_event)
        .map_err(|e| e.to_string())?;
    progress.clear();
    writer.finish().map_err(|e| e.to_string())?;
    // What a new process's searches would otherwise build each time.
    NewsSearcher::new(&index)
        .and_then(|searcher| searcher.prepare())
        .map_err(|e| e.to_string())?;
    Ok(summary)
}

/// `5 files read (5 articles, 70 quotations, 41 reported statements), 0 unchanged, 0 pruned; 0.1 MB in 0.4 s (0.3 MiB/s) → DIR`.
fn describe(s: &SyncSummary, dir: &Path) -> String {
    let mut text = format!(
        "{} read ({}, {}{}), {} unchanged, {} pruned; {:.1} MB in {:.2} s ({:.1} MiB/s) → {}",
        count_of(s.files_read, "file", "files"),
        count_of(s.articles, "article", "articles"),
        count_of(s.quotations, "quotation", "quotations"),
        if s.reported > 0 {
            format!(
                ", {}",
                count_of(s.reported, "reported statement", "reported statements")
            )
        } else {
            String::new()
        },
        s.files_unchanged,
        s.files_pruned,
        s.bytes_read as f64 / 1e6,
        s.elapsed.as_secs_f64(),
        s.mib_per_second(),
        dir.display()
    );
    if s.skipped.total() > 0 {
        text.push_str(&format!("; {}", s.skipped));
    }
    text
}
