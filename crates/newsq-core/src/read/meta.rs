//! Metadata sidecars: a CSV, TSV or JSON Lines table that gives outlet, date,
//! title, URL and authors per input file, for corpora whose text files carry
//! none of it (e.g. PolNeAR's `metadata.tsv`).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::decode::normalize_newlines;
use super::json::{authors_of, kind_of, parse_line};
use crate::Error;

/// What a sidecar says about one file. Missing cells are `None` / empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaRecord {
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication date, as written in the sidecar.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Authors; a cell lists them separated by `;` (or `|`).
    pub authors: Vec<String>,
    /// Language code ("de", "fr-CA").
    pub language: Option<String>,
}

impl MetaRecord {
    /// The record's values as one text, fields apart: equal texts, equal
    /// records.
    pub(crate) fn settings_text(&self) -> String {
        let mut text = String::new();
        for value in [
            &self.outlet,
            &self.published,
            &self.title,
            &self.url,
            &self.language,
        ] {
            text.push_str(value.as_deref().unwrap_or(""));
            text.push('\u{1f}');
        }
        text.push_str(&self.authors.join("\u{1e}"));
        text
    }
}

/// A metadata sidecar, keyed by file name.
///
/// Column (or JSON field) names are matched case-insensitively:
///
/// | field     | accepted names                                                        |
/// |-----------|-----------------------------------------------------------------------|
/// | key       | `filename`, `file_name`, `file`, `path`, `name`, `id`                  |
/// | outlet    | `outlet`, `publisher`, `source`, `source_domain`, `sitename`, `site`, `hostname`, `publication` |
/// | published | `published`, `publication_date`, `date_publish`, `date_published`, `date`, `pubdate` |
/// | title     | `title`, `headline`                                                   |
/// | url       | `url`, `link`                                                         |
/// | authors   | `authors`, `author`, `byline`                                         |
/// | language  | `language`, `lang`, `locale`                                          |
///
/// Other columns are ignored. Cells that are empty, `None` or `null` count as
/// missing. A key given as a path is reduced to its file name; a URL is kept
/// whole, to match records of JSON Lines files by their URL id. When a key
/// appears twice, the later row wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    records: HashMap<String, MetaRecord>,
    /// Key without extension -> key, to find "a.txt" when asked for "a".
    by_stem: HashMap<String, String>,
    /// A digest of the rows keyed by URL, worked out once: they may apply
    /// to any container file, so each file's read settings include it.
    url_rows_digest: Option<u64>,
}

/// Sidecar formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Tsv,
    JsonLines,
    JsonArray,
}

const KEY_NAMES: &[&str] = &["filename", "file_name", "file", "path", "name", "id"];
const OUTLET_NAMES: &[&str] = &[
    "outlet",
    "publisher",
    "source",
    "source_domain",
    "sitename",
    "site_name",
    "site",
    "hostname",
    "publication",
];
const PUBLISHED_NAMES: &[&str] = &[
    "published",
    "publication_date",
    "date_publish",
    "date_published",
    "date",
    "pubdate",
];
const TITLE_NAMES: &[&str] = &["title", "headline"];
const URL_NAMES: &[&str] = &["url", "link"];
const AUTHOR_NAMES: &[&str] = &["authors", "author", "byline"];
const LANGUAGE_NAMES: &[&str] = &["language", "lang", "locale"];

impl Metadata {
    /// Read a sidecar file. The format comes from the extension (`.csv`, `.tsv`,
    /// `.tab`, `.jsonl`, `.ndjson`, `.json`), else from the content: `{` starts
    /// JSON Lines, `[` a JSON array, a tab in the header line means TSV, and
    /// anything else is CSV.
    ///
    /// Errors: [`Error::Io`] if the file cannot be read, [`Error::Meta`] with
    /// the line if it is malformed.
    pub fn load(path: &Path) -> Result<Metadata, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let upto = bytes.get(..e.valid_up_to()).unwrap_or_default();
            Error::Meta {
                path: path.to_path_buf(),
                line: 1 + upto.iter().filter(|&&b| b == b'\n').count(),
                message: format!(
                    "invalid UTF-8 at byte {}; save the file as UTF-8",
                    e.valid_up_to()
                ),
            }
        })?;
        Metadata::parse(path, text)
    }

    /// Parse sidecar text. `name_for_errors` names the source in errors, and
    /// its extension, if any, picks the format as in [`Metadata::load`].
    pub fn parse(name_for_errors: &Path, text: &str) -> Result<Metadata, Error> {
        let text = normalize_newlines(text);
        let err = |line: usize, message: String| Error::Meta {
            path: name_for_errors.to_path_buf(),
            line,
            message,
        };
        let rows = match detect_format(name_for_errors, &text) {
            Format::Csv => table_rows(parse_csv(&text).map_err(|(l, m)| err(l, m))?)
                .map_err(|(l, m)| err(l, m))?,
            Format::Tsv => table_rows(parse_tsv(&text)).map_err(|(l, m)| err(l, m))?,
            Format::JsonLines => json_lines_rows(&text).map_err(|(l, m)| err(l, m))?,
            Format::JsonArray => json_array_rows(&text).map_err(|(l, m)| err(l, m))?,
        };
        let mut meta = Metadata::default();
        for (key, record) in rows {
            let key = file_name_of(&key);
            if let Some(stem) = stem_of(&key) {
                meta.by_stem.insert(stem.to_string(), key.clone());
            }
            meta.records.insert(key, record);
        }
        let mut url_rows = String::new();
        for (key, row) in meta.keyed_by_url() {
            url_rows.push_str(key);
            url_rows.push('\u{1f}');
            url_rows.push_str(&row.settings_text());
        }
        meta.url_rows_digest =
            (!url_rows.is_empty()).then(|| crate::index::stable_hash(url_rows.as_bytes()));
        Ok(meta)
    }

    /// The record for a file name: an exact match, else the name without its
    /// extension ("a.txt" finds a row keyed "a"), else a row whose key without
    /// extension is the name ("a" finds "a.txt").
    pub fn get(&self, file_name: &str) -> Option<&MetaRecord> {
        self.records
            .get(file_name)
            .or_else(|| stem_of(file_name).and_then(|s| self.records.get(s)))
            .or_else(|| {
                self.by_stem
                    .get(file_name)
                    .and_then(|key| self.records.get(key))
            })
    }

    /// The record keyed exactly `key` (used for ids such as URLs, where an
    /// extension-stripping match would be wrong).
    pub(crate) fn get_exact(&self, key: &str) -> Option<&MetaRecord> {
        self.records.get(key)
    }

    /// A digest of the records keyed by a URL ([`Metadata::keyed_by_url`]);
    /// `None` when there are none.
    pub(crate) fn url_rows_digest(&self) -> Option<u64> {
        self.url_rows_digest
    }

    /// The records keyed by a URL (records of JSON Lines files and crawls,
    /// matched by their id rather than a file name), sorted by key.
    fn keyed_by_url(&self) -> Vec<(&str, &MetaRecord)> {
        let mut rows: Vec<(&str, &MetaRecord)> = self
            .records
            .iter()
            .filter(|(key, _)| key.contains("://"))
            .map(|(key, record)| (key.as_str(), record))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the sidecar has no records.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// "data/a.txt" -> "a.txt"; sidecars sometimes list paths. URLs (ids of
/// records in JSON Lines files) are kept whole.
fn file_name_of(key: &str) -> String {
    if key.contains("://") {
        return key.to_string();
    }
    key.rsplit(['/', '\\']).next().unwrap_or(key).to_string()
}

/// "a.txt" -> "a"; `None` without an extension. A leading dot is not one,
/// nor is a dot in a URL's host ("https://example.com/a").
fn stem_of(name: &str) -> Option<&str> {
    let dot = name.rfind('.')?;
    let ext = name.get(dot + 1..)?;
    if dot == 0 || ext.contains(['/', '\\', ':']) {
        return None;
    }
    name.get(..dot)
}

fn detect_format(name: &Path, text: &str) -> Format {
    let ext = name
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let first = text.trim_start().chars().next();
    match ext.as_deref() {
        Some("csv") => return Format::Csv,
        Some("tsv" | "tab") => return Format::Tsv,
        Some("jsonl" | "ndjson") => return Format::JsonLines,
        Some("json") if first == Some('[') => return Format::JsonArray,
        Some("json") => return Format::JsonLines,
        _ => {}
    }
    match first {
        Some('{') => Format::JsonLines,
        Some('[') => Format::JsonArray,
        _ if text.lines().next().is_some_and(|l| l.contains('\t')) => Format::Tsv,
        _ => Format::Csv,
    }
}

type Row = (usize, Vec<String>);
type ParseError = (usize, String);

/// RFC 4180 CSV: fields may be quoted, with `""` for a quote and newlines
/// inside quotes. Returns records with the line each starts on.
fn parse_csv(text: &str) -> Result<Vec<Row>, ParseError> {
    let mut rows = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut in_quotes = false;
    let mut quote_line = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                in_quotes = true;
                quote_line = line;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\n' => {
                record.push(std::mem::take(&mut field));
                rows.push((record_line, std::mem::take(&mut record)));
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err((
            quote_line,
            "unterminated quoted field; close the quote with `\"`".to_string(),
        ));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        rows.push((record_line, record));
    }
    Ok(rows)
}

/// TSV: one record per line, fields split at tabs. A field wrapped in double
/// quotes is unquoted (`""` inside becomes `"`), as spreadsheet exports write it;
/// any other quote is kept as text.
fn parse_tsv(text: &str) -> Vec<Row> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let fields = l
                .split('\t')
                .map(
                    |f| match f.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
                        Some(inner) => inner.replace("\"\"", "\""),
                        None => f.to_string(),
                    },
                )
                .collect();
            (i + 1, fields)
        })
        .collect()
}

/// Which column holds each field.
#[derive(Debug, Default)]
struct Columns {
    key: usize,
    outlet: Option<usize>,
    published: Option<usize>,
    title: Option<usize>,
    url: Option<usize>,
    authors: Option<usize>,
    language: Option<usize>,
}

fn normalize_name(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{FEFF}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

fn find_column(header: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| header.iter().position(|h| h == n))
}

/// A cell's value, or `None` for the usual spellings of "nothing".
fn cell(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && !matches!(v, "None" | "none" | "null" | "NULL")).then(|| v.to_string())
}

fn split_authors(value: &str) -> Vec<String> {
    value.split([';', '|']).filter_map(cell).collect()
}

/// Turn table records (header first) into keyed records.
fn table_rows(rows: Vec<Row>) -> Result<Vec<(String, MetaRecord)>, ParseError> {
    let mut rows = rows
        .into_iter()
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()));
    let Some((header_line, header)) = rows.next() else {
        return Ok(Vec::new());
    };
    let header: Vec<String> = header.iter().map(|h| normalize_name(h)).collect();
    let key = find_column(&header, KEY_NAMES).ok_or_else(|| {
        (
            header_line,
            format!("no file name column; name one of: {}", KEY_NAMES.join(", ")),
        )
    })?;
    let cols = Columns {
        key,
        outlet: find_column(&header, OUTLET_NAMES),
        published: find_column(&header, PUBLISHED_NAMES),
        title: find_column(&header, TITLE_NAMES),
        url: find_column(&header, URL_NAMES),
        authors: find_column(&header, AUTHOR_NAMES),
        language: find_column(&header, LANGUAGE_NAMES),
    };
    let mut out = Vec::new();
    for (line, fields) in rows {
        if fields.len() > header.len() {
            return Err((
                line,
                format!(
                    "row has {} fields but the header has {}; quote fields that contain the separator",
                    fields.len(),
                    header.len()
                ),
            ));
        }
        let get = |i: Option<usize>| i.and_then(|i| fields.get(i)).and_then(|v| cell(v));
        let Some(key) = get(Some(cols.key)) else {
            return Err((
                line,
                "empty file name; fill it in or remove the row".to_string(),
            ));
        };
        let record = MetaRecord {
            outlet: get(cols.outlet),
            published: get(cols.published),
            title: get(cols.title),
            url: get(cols.url),
            authors: cols
                .authors
                .and_then(|i| fields.get(i))
                .map(|v| split_authors(v))
                .unwrap_or_default(),
            language: get(cols.language),
        };
        out.push((key, record));
    }
    Ok(out)
}

/// A record from a JSON object, or an error message.
fn json_record(value: &Value) -> Result<(String, MetaRecord), String> {
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object, found {}", kind_of(value)));
    };
    // Match field names as for table headers.
    let fields: HashMap<String, &Value> = obj.iter().map(|(k, v)| (normalize_name(k), v)).collect();
    let get = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| match fields.get(*n) {
            Some(Value::String(s)) => cell(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    let key = get(KEY_NAMES)
        .ok_or_else(|| format!("no file name field; add one of: {}", KEY_NAMES.join(", ")))?;
    let authors = AUTHOR_NAMES
        .iter()
        .filter_map(|n| fields.get(*n))
        .map(|v| match v {
            Value::String(s) => split_authors(s),
            other => authors_of(other),
        })
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    Ok((
        key,
        MetaRecord {
            outlet: get(OUTLET_NAMES),
            published: get(PUBLISHED_NAMES),
            title: get(TITLE_NAMES),
            url: get(URL_NAMES),
            authors,
            language: get(LANGUAGE_NAMES),
        },
    ))
}

fn json_lines_rows(text: &str) -> Result<Vec<(String, MetaRecord)>, ParseError> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value = parse_line(line).map_err(|m| (i + 1, format!("malformed JSON ({m})")))?;
        out.push(json_record(&value).map_err(|m| (i + 1, m))?);
    }
    Ok(out)
}

fn json_array_rows(text: &str) -> Result<Vec<(String, MetaRecord)>, ParseError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| (e.line(), format!("malformed JSON ({e})")))?;
    let Value::Array(items) = value else {
        return Err((
            1,
            format!("expected a JSON array, found {}", kind_of(&value)),
        ));
    };
    let lines = super::json::array_element_lines(text);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| json_record(item).map_err(|m| (lines.get(i).copied().unwrap_or(1), m)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        let rows = parse_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].1, vec!["x, y", "say \"hi\""]);
        assert_eq!(
            rows[2],
            (3, vec!["multi\nline".to_string(), "z".to_string()])
        );
        assert_eq!(parse_csv("a\n\"open").unwrap_err().0, 2);
    }

    #[test]
    fn stems() {
        assert_eq!(stem_of("a.txt"), Some("a"));
        assert_eq!(stem_of(".hidden"), None);
        assert_eq!(stem_of("plain"), None);
        assert_eq!(stem_of("https://example.com/a"), None);
    }
}
