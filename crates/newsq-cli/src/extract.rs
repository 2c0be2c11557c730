//! `newsq extract`: articles in, attributed quotations out.

use newsq_core::index::recorded_path;
use newsq_core::language;
use newsq_core::quote::{self, StatementKind};
use newsq_core::read::{self, SkipSummary};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use crate::output::{count_of, finish_on_write_error, use_color, write_human, ArticleRecord};
use crate::ExtractArgs;

pub fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    let opts = args.read.options()?;
    let color = !args.json && use_color(args.color);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut skipped = SkipSummary::default();
    let mut failed = false;
    let (mut articles, mut quotations, mut reported) = (0usize, 0usize, 0usize);
    let report = |s: &read::Skipped, skipped: &mut SkipSummary| {
        // A crawl's non-article responses are only counted.
        if !s.reason.is_routine() {
            eprintln!("newsq: {s}");
        }
        skipped.record(s);
        // A path the user named that cannot be read is an error; bad content
        // found inside a folder is reported and passed over.
        s.reason.is_unreadable()
    };
    for file in read::discover(&args.paths) {
        let path = match file {
            Ok(path) => path,
            Err(s) => {
                failed |= report(&s, &mut skipped);
                continue;
            }
        };
        let recorded = recorded_path(&path);
        // One article at a time: a crawl file is never in memory whole.
        for item in read::read_articles(&path, &opts) {
            let mut article = match item {
                Ok(article) => article,
                Err(s) => {
                    failed |= report(&s, &mut skipped);
                    continue;
                }
            };
            // As `newsq index` records it: the same article key and
            // statement ids as search and trail give.
            article.path = Some(recorded.clone());
            articles += 1;
            let record = args.json.then(|| ArticleRecord::new(&article));
            for q in quote::extract_in(
                // (The reader gave it the language its text tells, if any.)
                Some(article.language.as_deref().unwrap_or(language::FALLBACK)),
                article.title.as_deref(),
                &article.body,
            ) {
                match q.kind {
                    StatementKind::Reported => reported += 1,
                    _ => quotations += 1,
                }
                let written = if let Some(record) = &record {
                    record.write(&mut out, &q)
                } else {
                    write_human(&mut out, &article, &q, color)
                };
                if let Err(e) = written {
                    return finish_on_write_error(e);
                }
            }
        }
    }
    if let Err(e) = out.flush() {
        return finish_on_write_error(e);
    }
    let mut summary = format!(
        "newsq: {}, {}",
        count_of(articles, "article", "articles"),
        count_of(quotations, "quotation", "quotations")
    );
    if reported > 0 {
        summary.push_str(&format!(
            ", {}",
            count_of(reported, "reported statement", "reported statements")
        ));
    }
    if skipped.total() > 0 {
        summary.push_str(&format!("; {skipped}"));
    }
    if !args.quiet.quiet {
        eprintln!("{summary}");
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if quotations + reported > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
