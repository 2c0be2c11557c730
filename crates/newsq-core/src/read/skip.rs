//! Inputs that could not be read: why, and a one-line message that says what to do.
//!
//! A run over many files must not stop at the first bad one, so readers return
//! [`Skipped`] values next to the articles instead of failing.

use std::fmt;
use std::path::PathBuf;

/// One input (a file, or one line or element of a JSON file) that produced no article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// The file concerned.
    pub path: PathBuf,
    /// 1-based line within the file, when the problem is at a line
    /// (a JSON Lines record, an element of a JSON array).
    pub line: Option<usize>,
    /// What is wrong.
    pub reason: SkipReason,
}

/// Why an input was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The path does not exist.
    NotFound,
    /// The path exists but cannot be read or listed (permissions, a directory
    /// where a file was expected, ...). Holds the system's explanation.
    Unreadable(String),
    /// The file has a NUL byte in its first 8 KiB: a PDF, image, archive, ...
    Binary,
    /// The file is not valid UTF-8; `byte_offset` is where the first bad byte is
    /// (counted from the start of the file).
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        byte_offset: usize,
    },
    /// The file has zero bytes or only whitespace.
    Empty,
    /// A JSON document or JSON Lines record does not parse, or is not an object.
    /// Holds the parser's explanation.
    MalformedJson(String),
    /// A JSON record parsed but has no article text field.
    NoText,
    /// An HTML page in which Readability found no article (an index page,
    /// a gallery, a page of links).
    NoArticle,
    /// An HTML page larger than an article page is (holds how: "40 MB",
    /// "80000 elements").
    PageTooLarge(String),
    /// A gzip file that does not hold WARC records.
    CompressedNotWarc,
    /// A WARC file that is damaged at some record. Holds what is wrong and
    /// where; reading goes on at the next record when it can.
    MalformedWarc(String),
    /// A response in a WARC file that is not an article page. These are
    /// routine in a crawl ([`SkipReason::is_routine`]): counted, not
    /// reported one by one.
    Record {
        /// The response's target URL.
        url: String,
        /// Why it was passed over.
        why: RecordSkip,
    },
}

/// Why a WARC response was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordSkip {
    /// HTTP status other than 200 (a redirect, an error page).
    HttpStatus(u16),
    /// Not an HTML page; holds the content type, where the response gave one.
    NotHtml(Option<String>),
    /// An HTML page without an article.
    NoArticle,
    /// Larger than newsq reads (over 16 MiB, too many elements, nested too
    /// deep).
    TooLarge,
    /// Not a well-formed HTTP response, or a body newsq cannot decode
    /// (an unknown or damaged compression); holds which.
    Undecodable(String),
}

impl SkipReason {
    /// The input could not be read at all (missing, or no permission), as
    /// opposed to read and found unusable: the former is an error when the
    /// user named the path, and worth trying again next time.
    pub fn is_unreadable(&self) -> bool {
        matches!(self, SkipReason::NotFound | SkipReason::Unreadable(_))
    }

    /// A crawl's response that is not an article page: expected by the
    /// thousand in a WARC file, so counted in the summary rather than
    /// reported one by one.
    pub fn is_routine(&self) -> bool {
        matches!(self, SkipReason::Record { .. })
    }
}

impl Skipped {
    /// A skip for a whole file.
    pub fn file(path: impl Into<PathBuf>, reason: SkipReason) -> Self {
        Skipped {
            path: path.into(),
            line: None,
            reason,
        }
    }

    /// A skip for one line (or element starting at that line) of a file.
    pub fn at_line(path: impl Into<PathBuf>, line: usize, reason: SkipReason) -> Self {
        Skipped {
            path: path.into(),
            line: Some(line),
            reason,
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        // Each message: what is wrong; what the user can do about it.
        match &self.reason {
            SkipReason::NotFound => write!(f, ": no such file or directory; check the path"),
            SkipReason::Unreadable(why) => write!(
                f,
                ": cannot read ({why}); check that it is a readable file or folder"
            ),
            SkipReason::Binary => write!(
                f,
                ": binary file, skipped; newsq reads plain text, JSON, JSON Lines, \
                 HTML and WARC (or .warc.gz)"
            ),
            SkipReason::InvalidUtf8 { byte_offset } => write!(
                f,
                ": invalid UTF-8 at byte {byte_offset}; convert the file to UTF-8 \
                 (e.g. `iconv -f latin1 -t utf-8`)"
            ),
            SkipReason::Empty => write!(f, ": empty file, skipped; nothing to read"),
            SkipReason::MalformedJson(why) => {
                if self.line.is_some() {
                    write!(f, ": malformed JSON ({why}); fix or remove the line")
                } else {
                    write!(f, ": malformed JSON ({why}); fix the file")
                }
            }
            SkipReason::NoText => {
                write!(
                    f,
                    ": no article text (none of maintext, text, raw_text, description); "
                )?;
                if self.line.is_some() {
                    write!(f, "add a text field or remove the record")
                } else {
                    write!(f, "add a text field")
                }
            }
            SkipReason::NoArticle => write!(
                f,
                ": no article found in the HTML page (an index or link page?), skipped"
            ),
            SkipReason::PageTooLarge(how) => {
                write!(f, ": HTML page too large for an article ({how}), skipped")
            }
            SkipReason::CompressedNotWarc => write!(
                f,
                ": gzip file that is not WARC, skipped; decompress it first (gunzip)"
            ),
            SkipReason::MalformedWarc(why) => write!(
                f,
                ": damaged WARC ({why}); what could be read was; \
                 check the download (`gzip -t` for .warc.gz)"
            ),
            SkipReason::Record { url, why } => {
                write!(f, ": {url}: ")?;
                match why {
                    RecordSkip::HttpStatus(status) => write!(f, "HTTP status {status}"),
                    RecordSkip::NotHtml(Some(kind)) => write!(f, "not an HTML page ({kind})"),
                    RecordSkip::NotHtml(None) => write!(f, "not an HTML page"),
                    RecordSkip::NoArticle => write!(f, "no article found in the page"),
                    RecordSkip::TooLarge => write!(f, "page too large"),
                    RecordSkip::Undecodable(why) => write!(f, "cannot decode ({why})"),
                }?;
                write!(f, ", skipped")
            }
        }
    }
}

impl std::error::Error for Skipped {}

/// Counts of skipped inputs by kind, for the one-line summary at the end of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkipSummary {
    not_found: usize,
    unreadable: usize,
    binary: usize,
    invalid_utf8: usize,
    empty: usize,
    malformed_json_lines: usize,
    malformed_json_files: usize,
    no_text: usize,
    no_article: usize,
    too_large: usize,
    compressed: usize,
    damaged_warc: usize,
    http_status: usize,
    not_html: usize,
    undecodable: usize,
}

impl SkipSummary {
    /// Count one skipped input.
    pub fn record(&mut self, s: &Skipped) {
        let counter = match (&s.reason, s.line) {
            (SkipReason::NotFound, _) => &mut self.not_found,
            (SkipReason::Unreadable(_), _) => &mut self.unreadable,
            (SkipReason::Binary, _) => &mut self.binary,
            (SkipReason::InvalidUtf8 { .. }, _) => &mut self.invalid_utf8,
            (SkipReason::Empty, _) => &mut self.empty,
            (SkipReason::MalformedJson(_), Some(_)) => &mut self.malformed_json_lines,
            (SkipReason::MalformedJson(_), None) => &mut self.malformed_json_files,
            (SkipReason::NoText, _) => &mut self.no_text,
            (SkipReason::NoArticle, _)
            | (
                SkipReason::Record {
                    why: RecordSkip::NoArticle,
                    ..
                },
                _,
            ) => &mut self.no_article,
            (SkipReason::PageTooLarge(_), _)
            | (
                SkipReason::Record {
                    why: RecordSkip::TooLarge,
                    ..
                },
                _,
            ) => &mut self.too_large,
            (SkipReason::CompressedNotWarc, _) => &mut self.compressed,
            (SkipReason::MalformedWarc(_), _) => &mut self.damaged_warc,
            (SkipReason::Record { why, .. }, _) => match why {
                RecordSkip::HttpStatus(_) => &mut self.http_status,
                RecordSkip::NotHtml(_) => &mut self.not_html,
                _ => &mut self.undecodable,
            },
        };
        *counter += 1;
    }

    /// How many inputs were skipped in all.
    pub fn total(&self) -> usize {
        self.parts().iter().map(|(n, _, _)| n).sum()
    }

    /// (count, singular, plural) per kind, in display order.
    fn parts(&self) -> [(usize, &'static str, &'static str); 15] {
        [
            (self.not_found, "not found", "not found"),
            (self.unreadable, "unreadable", "unreadable"),
            (self.binary, "binary", "binary"),
            (self.invalid_utf8, "invalid UTF-8", "invalid UTF-8"),
            (self.empty, "empty", "empty"),
            (
                self.malformed_json_lines,
                "malformed JSON line",
                "malformed JSON lines",
            ),
            (
                self.malformed_json_files,
                "malformed JSON file",
                "malformed JSON files",
            ),
            (self.no_text, "without text", "without text"),
            (
                self.no_article,
                "page without an article",
                "pages without an article",
            ),
            (self.too_large, "page too large", "pages too large"),
            (self.compressed, "gzip file not WARC", "gzip files not WARC"),
            (
                self.damaged_warc,
                "damaged WARC record",
                "damaged WARC records",
            ),
            (self.http_status, "non-200 response", "non-200 responses"),
            (self.not_html, "non-HTML response", "non-HTML responses"),
            (
                self.undecodable,
                "undecodable response",
                "undecodable responses",
            ),
        ]
    }
}

impl fmt::Display for SkipSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        if total == 0 {
            return write!(f, "skipped no inputs");
        }
        let noun = if total == 1 { "input" } else { "inputs" };
        write!(f, "skipped {total} {noun}: ")?;
        let mut first = true;
        for (n, one, many) in self.parts() {
            if n == 0 {
                continue;
            }
            if !first {
                write!(f, ", ")?;
            }
            first = false;
            write!(f, "{n} {}", if n == 1 { one } else { many })?;
        }
        Ok(())
    }
}
