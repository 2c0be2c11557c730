//! `newsq speakers` and `newsq outlets`: the entities of an index.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use newsq_core::index::NewsIndex;
use newsq_query::entity::{EntityKind, Spelling};
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
                write_json(&mut out, report)
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

/// A speaker: every field always present.
#[derive(Serialize)]
struct JsonSpeaker<'a> {
    #[serde(rename = "type")]
    line_type: &'static str,
    name: &'a str,
    quotations: u64,
    reported: u64,
    spellings: &'a [Spelling],
    /// The outlets that quote them, with statement counts; statements from
    /// articles of no known outlet are in none.
    outlets: &'a [Spelling],
    /// A bare surname kept apart: the people it may be.
    may_be: &'a [String],
}

/// An outlet: every field always present.
#[derive(Serialize)]
struct JsonOutlet<'a> {
    #[serde(rename = "type")]
    line_type: &'static str,
    name: &'a str,
    articles: u64,
    quotations: u64,
    reported: u64,
    spellings: &'a [Spelling],
}

fn write_json(out: &mut impl Write, report: &EntityReport) -> io::Result<()> {
    match report.kind {
        EntityKind::Speaker => json_line(
            out,
            &JsonSpeaker {
                line_type: "speaker",
                name: &report.name,
                quotations: report.quotations,
                reported: report.reported,
                spellings: &report.spellings,
                outlets: &report.outlets,
                may_be: &report.may_be,
            },
        ),
        _ => json_line(
            out,
            &JsonOutlet {
                line_type: "outlet",
                name: &report.name,
                articles: report.articles.unwrap_or(0),
                quotations: report.quotations,
                reported: report.reported,
                spellings: &report.spellings,
            },
        ),
    }
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
        // Statements from articles of no known outlet are counted under
        // none: then the outlets are only the known ones.
        let with_outlet: u64 = report.outlets.iter().map(|o| o.count).sum();
        let (one, many) = if with_outlet < report.quotations + report.reported {
            ("known outlet", "known outlets")
        } else {
            ("outlet", "outlets")
        };
        counts.push(count_of(report.outlets.len(), one, many));
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
