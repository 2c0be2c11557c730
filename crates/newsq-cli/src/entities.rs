//! `newsq speakers` and `newsq outlets`: the entities of an index.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use newsq_core::index::NewsIndex;
use newsq_query::entity::EntityKind;
use newsq_query::{EntityReport, NewsSearcher};
use serde::Serialize;

use crate::output::{count_of, finish_on_write_error, json_line, use_color, Style};
use crate::{locate, EntityListArgs};

pub fn run(args: EntityListArgs, kind: EntityKind) -> Result<ExitCode, String> {
    let dir = locate::index_dir(args.index.as_deref())?;
    let index = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    let pattern = args.pattern.as_deref().unwrap_or("");
    let searcher = NewsSearcher::new(&index).map_err(|e| e.to_string())?;
    let mut reports = match kind {
        EntityKind::Speaker => searcher.speaker_list(pattern),
        EntityKind::Outlet => searcher.outlet_list(pattern),
    }
    .map_err(|e| e.to_string())?;
    if args.limit > 0 {
        reports.truncate(args.limit);
    }
    let style = Style::new(!args.json && use_color(args.color));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = reports
        .iter()
        .try_for_each(|report| {
            if args.json {
                json_line(
                    &mut out,
                    &JsonEntity {
                        kind: kind.noun(),
                        report,
                    },
                )
            } else {
                write_human(&mut out, report, &style)
            }
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        return finish_on_write_error(e);
    }
    if reports.is_empty() {
        if !args.quiet.quiet {
            let what = format!("{}s", kind.noun());
            if pattern.is_empty() {
                eprintln!("newsq: no {what} in {}", dir.display());
            } else {
                // The suggestions of --speaker / --outlet for the same name.
                let entities = match kind {
                    EntityKind::Speaker => searcher.speakers(),
                    EntityKind::Outlet => searcher.outlets(),
                };
                let hint = match entities.map(|e| e.resolve(pattern).suggestions) {
                    Ok(suggestions) if !suggestions.is_empty() => {
                        format!("; did you mean {}?", suggestions.join(", "))
                    }
                    _ => String::new(),
                };
                eprintln!(
                    "newsq: no {what} match \"{pattern}\" in {}{hint}",
                    dir.display()
                );
            }
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    report: &'a EntityReport,
}

/// `Volodymyr Zelensky — 6 quotations, 2 outlets`, then the spellings and
/// outlets with their counts.
fn write_human(out: &mut impl Write, report: &EntityReport, style: &Style) -> io::Result<()> {
    let mut counts = vec![count_of(
        report.quotations as usize,
        "quotation",
        "quotations",
    )];
    if report.reported > 0 {
        counts.push(count_of(
            report.reported as usize,
            "reported statement",
            "reported statements",
        ));
    }
    if let Some(articles) = report.articles {
        counts.insert(0, count_of(articles as usize, "article", "articles"));
    }
    if report.kind == EntityKind::Speaker {
        counts.push(count_of(report.outlets.len(), "outlet", "outlets"));
    }
    writeln!(out, "{} — {}", style.bold(&report.name), counts.join(", "))?;
    let listed = |list: &[newsq_query::entity::Spelling]| {
        list.iter()
            .map(|s| format!("{} ({})", s.text, s.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "  {} {}",
        style.dim("spellings:"),
        listed(&report.spellings)
    )?;
    if !report.outlets.is_empty() {
        writeln!(
            out,
            "  {} {}",
            style.dim("outlets:"),
            listed(&report.outlets)
        )?;
    }
    if !report.may_be.is_empty() {
        writeln!(
            out,
            "  {} {}",
            style.dim("a bare surname; may be:"),
            report.may_be.join(", ")
        )?;
    }
    Ok(())
}
