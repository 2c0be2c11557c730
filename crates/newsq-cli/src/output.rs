//! Printing quotations: readable lines for people, JSON Lines for machines.

use newsq_core::{Article, Quotation};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};

use crate::ColorChoice;

/// Whether to colour stdout: on a terminal only, never with `NO_COLOR`.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// One quotation as `newsq extract --json` prints it.
#[derive(Serialize)]
struct QuotationRecord<'a> {
    article: &'a str,
    path: Option<String>,
    line: Option<usize>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    speaker: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    quote: &'a str,
    cue: Option<&'a str>,
    start: usize,
    end: usize,
}

pub fn write_json(out: &mut impl Write, article: &Article, q: &Quotation) -> io::Result<()> {
    let record = QuotationRecord {
        article: &article.id,
        path: article.path.as_ref().map(|p| p.display().to_string()),
        line: article.line,
        outlet: article.outlet.as_deref(),
        title: article.title.as_deref(),
        published: article.published.as_deref(),
        url: article.url.as_deref(),
        speaker: q.speaker.as_deref(),
        speaker_mention: q.speaker_mention.as_deref(),
        quote: &q.text,
        cue: q.cue.as_deref(),
        start: q.start,
        end: q.end,
    };
    serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// `Ilona Varga — “We will not wait another winter” — The Lowland Post`.
/// An anonymous source shows its description in brackets; an unknown one `?`.
pub fn write_human(
    out: &mut impl Write,
    article: &Article,
    q: &Quotation,
    color: bool,
) -> io::Result<()> {
    let (bold, dim, reset) = if color {
        ("\x1b[1m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let speaker = match (&q.speaker, &q.speaker_mention) {
        (Some(name), _) => name.clone(),
        (None, Some(mention)) => format!("[{mention}]"),
        (None, None) => "?".to_string(),
    };
    let source = article.outlet.as_deref().unwrap_or(&article.id);
    writeln!(
        out,
        "{bold}{speaker}{reset} — “{}” — {dim}{source}{reset}",
        q.text
    )
}
