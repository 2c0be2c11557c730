//! Printing quotations: readable lines for people, JSON Lines for machines.

use newsq_core::quote::{SpeakerFrom, StatementKind};
use newsq_core::{Article, Quotation};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::ColorChoice;

/// "1 article", "2 articles".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

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
    /// "quotation" or "reported", as in search hits.
    kind: &'static str,
    article: &'a str,
    path: Option<String>,
    line: Option<usize>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    speaker: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    /// How the speaker was found: "name", "pronoun", "description", ….
    speaker_from: Option<&'static str>,
    quote: &'a str,
    cue: Option<&'a str>,
    start: usize,
    end: usize,
    /// A reported statement's quotations, by their `start`.
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    contains: &'a [usize],
}

/// Write `value` as one line of JSON.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

pub fn write_json(out: &mut impl Write, article: &Article, q: &Quotation) -> io::Result<()> {
    let record = QuotationRecord {
        kind: q.kind.as_str(),
        article: &article.id,
        path: article.path.as_ref().map(|p| p.display().to_string()),
        line: article.line,
        outlet: article.outlet.as_deref(),
        title: article.title.as_deref(),
        published: article.published.as_deref(),
        url: article.url.as_deref(),
        speaker: q.speaker.as_deref(),
        speaker_mention: q.speaker_mention.as_deref(),
        speaker_from: q.speaker_from.map(SpeakerFrom::as_str),
        quote: &q.text,
        cue: q.cue.as_deref(),
        start: q.start,
        end: q.end,
        contains: &q.contains,
    };
    json_line(out, &record)
}

/// `Ilona Varga — “We will not wait another winter” — The Lowland Post`.
/// An anonymous source shows its description in brackets; an unknown one `?`.
pub fn write_human(
    out: &mut impl Write,
    article: &Article,
    q: &Quotation,
    color: bool,
) -> io::Result<()> {
    let style = Style::new(color);
    let speaker = match (&q.speaker, &q.speaker_mention) {
        (Some(name), _) => name.clone(),
        (None, Some(mention)) => format!("[{mention}]"),
        (None, None) => "?".to_string(),
    };
    let source = article.outlet.as_deref().unwrap_or(&article.id);
    match q.kind {
        StatementKind::Reported => writeln!(
            out,
            "{} — {} {} — {}",
            style.bold(&speaker),
            q.text,
            style.dim("(reported)"),
            style.dim(source)
        ),
        _ => writeln!(
            out,
            "{} — “{}” — {}",
            style.bold(&speaker),
            q.text,
            style.dim(source)
        ),
    }
}

/// Terminal styling, or none.
pub struct Style {
    color: bool,
}

impl Style {
    pub fn new(color: bool) -> Self {
        Style { color }
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }

    /// Words a version left out or replaced.
    pub fn removed(&self, text: &str) -> String {
        self.wrap("31", text)
    }

    /// Words a version put in.
    pub fn added(&self, text: &str) -> String {
        self.wrap("32", text)
    }

    /// `text` with the byte ranges `marks` in bold red, as ripgrep marks
    /// matches; ranges that are not on character boundaries are ignored.
    pub fn marked(&self, text: &str, marks: &[(usize, usize)]) -> String {
        if !self.color {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + marks.len() * 12);
        let mut at = 0;
        for &(start, end) in marks {
            let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) else {
                continue;
            };
            out.push_str(before);
            out.push_str(&self.wrap("1;31", word));
            at = end;
        }
        out.push_str(text.get(at..).unwrap_or(""));
        out
    }
}

/// A closed pipe (`newsq … | head`) ends the run quietly.
pub fn finish_on_write_error(e: io::Error) -> Result<ExitCode, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("cannot write output: {e}"))
    }
}
