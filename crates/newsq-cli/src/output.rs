//! Printing quotations: readable lines for people, JSON Lines for machines.

use newsq_core::index::date::{format_date, parse_published};
use newsq_core::index::{article_key, quotation_id, sentence_around};
use newsq_core::quote::{SpeakerFrom, StatementKind};
use newsq_core::{Article, Quotation};
use newsq_query::{GroupMember, Hit, HitKind};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

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

/// A statement as every `--json` output writes it: a line of `newsq
/// extract`, a statement hit of `newsq search`, a version in a `newsq
/// trail` group. The same statement has the same fields and values in all
/// three (docs/json.md); what is unknown is `null`, never left out.
#[derive(Serialize)]
pub struct StatementRecord<'a> {
    #[serde(rename = "type")]
    line_type: &'static str,
    /// The statement's id, the same in every command: what `newsq trail
    /// ID` takes.
    id: &'a str,
    /// "quotation" (the speaker's words in quote marks) or "reported".
    kind: &'static str,
    quote: &'a str,
    speaker: Option<&'a str>,
    /// Resolved across an index: `null` in `newsq extract`.
    speaker_entity: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    speaker_from: Option<&'a str>,
    cue: Option<&'a str>,
    context: Option<&'a str>,
    /// Byte offsets in the article's body.
    start: u64,
    end: u64,
    /// A reported statement's quotations, by id.
    contains: &'a [String],
    #[serde(flatten)]
    source: ArticleFields<'a>,
}

/// Where a statement or article hit comes from, the same fields in every
/// `--json` line that names an article.
#[derive(Serialize)]
pub struct ArticleFields<'a> {
    /// The article's id as it was read: its file name, its URL, or
    /// `FILE:#N` for a record of a container without one.
    article: Option<&'a str>,
    /// The article's key in an index: its URL where known, else its file
    /// (and line) with a hash of its text.
    article_key: &'a str,
    outlet: Option<&'a str>,
    /// Resolved across an index: `null` in `newsq extract`.
    outlet_entity: Option<&'a str>,
    title: Option<&'a str>,
    /// `YYYY-MM-DD`.
    published: Option<&'a str>,
    url: Option<&'a str>,
    /// The file, absolute, as the index records it.
    path: Option<&'a str>,
    /// The article's line in a JSON Lines file (or where its element
    /// starts in a JSON array); `null` for a file of one article.
    line: Option<u64>,
}

impl<'a> ArticleFields<'a> {
    /// The article of a search hit, statement or article.
    pub fn of_hit(hit: &'a Hit) -> Self {
        ArticleFields {
            article: hit.article_name.as_deref(),
            article_key: &hit.article,
            outlet: hit.outlet.as_deref(),
            outlet_entity: hit.outlet_entity.as_deref(),
            title: hit.title.as_deref(),
            published: hit.published.as_deref(),
            url: hit.url.as_deref(),
            path: hit.path.as_deref(),
            line: hit.line,
        }
    }
}

/// The line type of a statement, wherever it is written.
const STATEMENT: &str = "statement";

/// `Some` unless empty or blank, as the index stores text.
fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl<'a> StatementRecord<'a> {
    /// A statement hit of `newsq search`; `None` for an article hit.
    pub fn of_hit(hit: &'a Hit) -> Option<Self> {
        let kind = match hit.kind {
            HitKind::Quotation => StatementKind::Quotation,
            HitKind::Reported => StatementKind::Reported,
            _ => return None,
        };
        Some(StatementRecord {
            line_type: STATEMENT,
            id: hit.id.as_deref().unwrap_or(""),
            kind: kind.as_str(),
            quote: hit.quote.as_deref().unwrap_or(""),
            speaker: hit.speaker.as_deref(),
            speaker_entity: hit.speaker_entity.as_deref(),
            speaker_mention: hit.speaker_mention.as_deref(),
            speaker_from: hit.speaker_from.as_deref(),
            cue: hit.cue.as_deref(),
            context: given(hit.context.as_deref()),
            start: hit.start.unwrap_or(0),
            end: hit.end.unwrap_or(0),
            contains: &hit.contains,
            source: ArticleFields::of_hit(hit),
        })
    }

    /// A version in a `newsq trail` group.
    pub fn of_member(member: &'a GroupMember) -> Self {
        StatementRecord {
            line_type: STATEMENT,
            id: &member.id,
            kind: member.kind.as_str(),
            quote: &member.quote,
            speaker: member.speaker.as_deref(),
            speaker_entity: member.speaker_entity.as_deref(),
            speaker_mention: member.speaker_mention.as_deref(),
            speaker_from: member.speaker_from.as_deref(),
            cue: member.cue.as_deref(),
            context: given(member.context.as_deref()),
            start: member.start,
            end: member.end,
            contains: &member.contains,
            source: ArticleFields {
                article: member.article_name.as_deref(),
                article_key: &member.article,
                outlet: member.outlet.as_deref(),
                outlet_entity: member.outlet_entity.as_deref(),
                title: member.title.as_deref(),
                published: member.published.as_deref(),
                url: member.url.as_deref(),
                path: member.path.as_deref(),
                line: member.line,
            },
        }
    }
}

/// An article read by `newsq extract`, ready to write its statements as
/// the index holds them: the same key, ids, path and date.
pub struct ArticleRecord<'a> {
    article: &'a Article,
    key: String,
    path: Option<String>,
    published: Option<String>,
}

impl<'a> ArticleRecord<'a> {
    /// `article` as read, its path the recorded one
    /// ([`newsq_core::index::recorded_path`]).
    pub fn new(article: &'a Article) -> Self {
        ArticleRecord {
            article,
            key: article_key(article),
            path: article
                .path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            published: given(article.published.as_deref())
                .and_then(parse_published)
                .map(format_date),
        }
    }

    /// Write one of the article's statements as a JSON line.
    pub fn write(&self, out: &mut impl Write, q: &Quotation) -> io::Result<()> {
        let a = self.article;
        let id = quotation_id(&self.key, q.start);
        let contains: Vec<String> = q
            .contains
            .iter()
            .map(|&start| quotation_id(&self.key, start))
            .collect();
        let record = StatementRecord {
            line_type: STATEMENT,
            id: &id,
            kind: q.kind.as_str(),
            quote: &q.text,
            speaker: q.speaker.as_deref().filter(|s| !s.trim().is_empty()),
            speaker_entity: None,
            speaker_mention: q.speaker_mention.as_deref(),
            speaker_from: q.speaker_from.map(SpeakerFrom::as_str),
            cue: q.cue.as_deref(),
            context: given(Some(sentence_around(&a.body, q.start, q.end))),
            start: q.start as u64,
            end: q.end as u64,
            contains: &contains,
            source: ArticleFields {
                article: Some(&a.id),
                article_key: &self.key,
                outlet: given(a.outlet.as_deref()),
                outlet_entity: None,
                title: given(a.title.as_deref()),
                published: self.published.as_deref(),
                url: given(a.url.as_deref()),
                path: self.path.as_deref(),
                line: a.line.map(|l| l as u64),
            },
        };
        json_line(out, &record)
    }
}

/// Write `value` as one line of JSON.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    // `From` keeps the error's kind: a closed pipe stays a closed pipe.
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// What stands in the outlet's place when there is none.
pub const NO_OUTLET: &str = "(no outlet)";

/// Where an article comes from, for people: its outlet, or else its file
/// (relative to the working folder when under it, `:LINE` for a line of a
/// JSON Lines file) after "(no outlet)", so that a file is never taken for
/// an outlet.
pub fn place(outlet: Option<&str>, path: Option<&str>, line: Option<u64>, article: &str) -> String {
    if let Some(outlet) = given(outlet) {
        return outlet.to_string();
    }
    let file = match path {
        Some(path) => {
            let shown = shown_path(Path::new(path));
            match line {
                Some(line) => format!("{shown}:{line}"),
                None => shown,
            }
        }
        None => article.to_string(),
    };
    format!("{NO_OUTLET} {file}")
}

/// A path as ripgrep shows the paths it was given relative ones: relative
/// to the working folder (`articles/a.txt`, `../corpus/a.txt`) when the two
/// share a folder below the root, else as it is.
pub fn shown_path(path: &Path) -> String {
    static HERE: OnceLock<Option<PathBuf>> = OnceLock::new();
    let here = HERE.get_or_init(|| {
        std::env::current_dir()
            .ok()
            .map(|dir| std::fs::canonicalize(&dir).unwrap_or(dir))
    });
    match here.as_deref() {
        Some(here) if path.is_absolute() => relative_to(path, here),
        _ => None,
    }
    .unwrap_or_else(|| path.display().to_string())
}

/// `path` from the folder `here`, both absolute; `None` when they share no
/// folder below the root (then the absolute path says more).
fn relative_to(path: &Path, here: &Path) -> Option<String> {
    use std::path::Component;
    let ours: Vec<Component> = path.components().collect();
    let theirs: Vec<Component> = here.components().collect();
    let shared = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    // The root alone (and on Windows the drive) is no shared folder.
    let root = ours
        .iter()
        .take_while(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        .count();
    if shared <= root || shared == ours.len() {
        return None;
    }
    let mut shown = PathBuf::new();
    for _ in shared..theirs.len() {
        shown.push("..");
    }
    for part in &ours[shared..] {
        shown.push(part);
    }
    Some(shown.display().to_string())
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
    let source = place(
        article.outlet.as_deref(),
        article.path.as_deref().and_then(Path::to_str),
        article.line.map(|l| l as u64),
        &article.id,
    );
    match q.kind {
        StatementKind::Reported => writeln!(
            out,
            "{} — {} {} — {}",
            style.bold(&speaker),
            q.text,
            style.dim("(reported)"),
            style.dim(&source)
        ),
        _ => writeln!(
            out,
            "{} — “{}” — {}",
            style.bold(&speaker),
            q.text,
            style.dim(&source)
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

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::Path;

    #[test]
    fn paths_are_shown_from_the_working_folder_as_ripgrep_shows_relative_ones() {
        let here = Path::new("/home/me/news");
        let shown = |p: &str| relative_to(Path::new(p), here);
        assert_eq!(
            shown("/home/me/news/articles/a.txt").as_deref(),
            Some("articles/a.txt")
        );
        assert_eq!(
            shown("/home/me/corpus/a.txt").as_deref(),
            Some("../corpus/a.txt")
        );
        assert_eq!(shown("/srv/corpus/a.txt"), None);
        assert_eq!(shown("/home/me/news"), None);
    }
}
