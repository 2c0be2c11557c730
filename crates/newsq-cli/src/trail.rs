//! `newsq trail`: the versions of a statement across articles, earliest
//! first, with the words each changed.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use newsq_core::index::NewsIndex;
use newsq_core::quote::StatementKind;
use newsq_query::{
    is_quotation_id, GroupMember, NewsSearcher, QuoteGroup, TrailResults, Variant, WordEdit,
};
use serde::Serialize;

use crate::output::{
    count_of, finish_on_write_error, json_line, place, use_color, StatementRecord, Style,
};
use crate::search::{describe_error, name_note};
use crate::{locate, TrailArgs};

pub fn run(args: TrailArgs) -> Result<ExitCode, String> {
    let dir = locate::index_dir(args.index.as_deref())?;
    let news = NewsIndex::open(&dir).map_err(|e| e.to_string())?;
    let limit = match args.limit {
        0 => crate::search::all(&news)?,
        limit => limit,
    };
    let request = args.filters.request(&args.query, limit);
    let results = NewsSearcher::new(&news)
        .and_then(|searcher| searcher.trail(&request))
        .map_err(|e| describe_error(&e, &args.query))?;
    let quiet = args.quiet.quiet;
    for note in results.names.iter().filter_map(name_note) {
        if !quiet {
            eprintln!("newsq: {note}");
        }
    }
    let query = args.query.trim();
    if !quiet && results.groups.is_empty() && is_quotation_id(query) {
        eprintln!(
            "newsq: no quotation has the id {query} (ids are in `newsq search --json` output)"
        );
    }
    let style = Style::new(!args.json && use_color(args.color));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.json {
        write_json(&mut out, &results)
    } else {
        write_human(&mut out, &results, &style)
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        return finish_on_write_error(e);
    }
    Ok(if results.groups.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One statement's trail.
#[derive(Serialize)]
struct JsonGroup<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    speaker: Option<&'a str>,
    articles: usize,
    outlets: &'a [String],
    articles_without_outlet: usize,
    reference: usize,
    differs: bool,
    variants: &'a [Variant],
    complete: bool,
    members: Vec<JsonMember<'a>>,
}

/// A version: the statement as every command writes it, and how it
/// compares with the reference.
#[derive(Serialize)]
struct JsonMember<'a> {
    #[serde(flatten)]
    statement: StatementRecord<'a>,
    partial: bool,
    differs: bool,
    edits: &'a [WordEdit],
}

fn json_group(group: &QuoteGroup) -> JsonGroup<'_> {
    JsonGroup {
        kind: "group",
        id: &group.id,
        speaker: group.speaker.as_deref(),
        articles: group.articles,
        outlets: &group.outlets,
        articles_without_outlet: group.articles_without_outlet,
        reference: group.reference,
        differs: group.differs,
        variants: &group.variants,
        complete: group.complete,
        members: group
            .members
            .iter()
            .map(|member| JsonMember {
                statement: StatementRecord::of_member(member),
                partial: member.partial,
                differs: member.differs,
                edits: &member.edits,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct JsonSummary {
    #[serde(rename = "type")]
    kind: &'static str,
    matched: usize,
    groups: usize,
    elapsed_ms: f64,
}

/// One JSON object per group, then a summary.
fn write_json(out: &mut impl Write, results: &TrailResults) -> io::Result<()> {
    for group in &results.groups {
        json_line(out, &json_group(group))?;
    }
    json_line(
        out,
        &JsonSummary {
            kind: "summary",
            matched: results.matched,
            groups: results.groups.len(),
            elapsed_ms: results.elapsed.as_secs_f64() * 1000.0,
        },
    )
}

/// For people: per group a header (speaker, articles, outlets, whether the
/// wording differs, and how), then each version earliest first with its
/// differences from the reference marked.
fn write_human(out: &mut impl Write, results: &TrailResults, style: &Style) -> io::Result<()> {
    for (i, group) in results.groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let speaker = group.speaker.as_deref().unwrap_or("?");
        let mut header = vec![
            style.bold(speaker),
            count_of(group.articles, "article", "articles"),
        ];
        // Articles of no known outlet are not an outlet.
        match (group.outlets.len(), group.articles_without_outlet) {
            (0, _) => {}
            (known, 0) => header.push(count_of(known, "outlet", "outlets")),
            (known, _) => header.push(count_of(known, "known outlet", "known outlets")),
        }
        if group.differs {
            header.push(style.bold("wording differs"));
        }
        writeln!(out, "{}", header.join(" — "))?;
        for variant in &group.variants {
            let readings: Vec<String> = variant
                .readings
                .iter()
                .map(|r| {
                    let words = if r.words.is_empty() {
                        "(nothing)".to_string()
                    } else {
                        format!("“{}”", r.words)
                    };
                    format!("{words} in {}", r.quotations.len())
                })
                .collect();
            writeln!(out, "  {}", readings.join(" / "))?;
        }
        writeln!(out, "  {}", style.dim(&format!("group {}", group.id)))?;
        for (n, member) in group.members.iter().enumerate() {
            let mut place = vec![place(
                member.outlet_entity.as_deref().or(member.outlet.as_deref()),
                member.path.as_deref(),
                member.line,
                &member.article,
            )];
            if let Some(date) = &member.published {
                place.push(date.clone());
            }
            if let Some(speaker) = &member.speaker {
                place.push(speaker.clone());
            }
            let mut tags = Vec::new();
            let reported = member.kind == StatementKind::Reported;
            if reported {
                tags.push("reported");
            }
            if n == group.reference {
                tags.push("reference");
            }
            if member.partial {
                tags.push("part");
            }
            if member.differs {
                tags.push("differs");
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", tags.join(", "))
            };
            writeln!(
                out,
                "  {}. {}{}",
                n + 1,
                place.join(" — "),
                style.dim(&tags)
            )?;
            if reported {
                writeln!(out, "     {}", member.quote)?;
            } else {
                writeln!(out, "     “{}”", marked_version(member, style))?;
            }
            if let Some(title) = &member.title {
                writeln!(out, "     {}", style.dim(title))?;
            }
        }
        if !group.complete {
            writeln!(
                out,
                "  {}",
                style.dim("(more versions may exist: the search stopped at its limit)")
            )?;
        }
    }
    if results.groups.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{}",
        style.dim(&format!(
            "{} from {}",
            count_of(results.groups.len(), "statement", "statements"),
            count_of(results.matched, "matching statement", "matching statements")
        ))
    )
}

/// The version's words with its differences from the reference marked as
/// in `git diff --word-diff`: [-reference words-]{+version words+}.
fn marked_version(member: &GroupMember, style: &Style) -> String {
    let quote = member.quote.as_str();
    let mut out = String::with_capacity(quote.len() + 32);
    let mut at = 0;
    for edit in member.edits.iter().filter(|e| e.kind.changes_wording()) {
        let (start, end) = edit.at;
        let Some(before) = quote.get(at..start) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&word_diff(edit, quote, start, style));
        at = end.max(start);
    }
    out.push_str(quote.get(at..).unwrap_or(""));
    out
}

fn word_diff(edit: &WordEdit, quote: &str, start: usize, style: &Style) -> String {
    let mut shown = String::new();
    let pure_deletion = edit.version.is_empty();
    // A deletion sits between two words: keep them apart.
    if pure_deletion && ends_in_word(quote.get(..start)) {
        shown.push(' ');
    }
    if !edit.reference.is_empty() {
        shown.push_str(&style.removed(&format!("[-{}-]", edit.reference)));
    }
    if !edit.version.is_empty() {
        shown.push_str(&style.added(&format!("{{+{}+}}", edit.version)));
    }
    if pure_deletion && starts_with_word(quote.get(start..)) {
        shown.push(' ');
    }
    shown
}

fn ends_in_word(text: Option<&str>) -> bool {
    text.and_then(|t| t.chars().last())
        .is_some_and(char::is_alphanumeric)
}

fn starts_with_word(text: Option<&str>) -> bool {
    text.and_then(|t| t.chars().next())
        .is_some_and(char::is_alphanumeric)
}
