//! JSON and JSON Lines input: tell the formats apart by content, and map the
//! fields of news-please and trafilatura records onto an [`Article`].

use serde_json::{Map, Value};

use super::{clean, InputFormat};
use crate::Article;

/// What a decoded file holds.
#[derive(Debug)]
pub(crate) enum Format {
    /// Not JSON: an article in plain text.
    PlainText,
    /// One JSON value (an object, or an array of objects).
    Json(Value),
    /// One JSON object per line.
    JsonLines,
    /// Meant as JSON (by extension) but does not parse; holds the parser's message.
    Malformed(String),
}

/// Decide how to read `text`. Content decides: a text that does not start with
/// `{` or `[` is plain text whatever its name; one that parses as a single value
/// is JSON; one whose lines parse as objects is JSON Lines. The extension only
/// settles the doubtful cases: a `.jsonl` file is always read line by line (so a
/// one-line file still gets line ids), and a broken `.json` file is reported
/// rather than read as text. A `forced` format (`--format`) decides alone.
pub(crate) fn sniff(text: &str, extension: &str, forced: Option<InputFormat>) -> Format {
    match forced {
        Some(InputFormat::Text) => return Format::PlainText,
        Some(InputFormat::JsonLines) => return Format::JsonLines,
        Some(InputFormat::Json) => {
            return match serde_json::from_str::<Value>(text) {
                Ok(value) => Format::Json(value),
                Err(e) => Format::Malformed(e.to_string()),
            }
        }
        _ => {}
    }
    let first = text.trim_start().chars().next();
    if !matches!(first, Some('{' | '[')) {
        return Format::PlainText;
    }
    let lines_ext = matches!(extension, "jsonl" | "ndjson");
    if lines_ext && first == Some('{') {
        return Format::JsonLines;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => Format::Json(value),
        Err(e) => {
            if first == Some('{') && any_line_is_object(text) {
                Format::JsonLines
            } else if lines_ext || extension == "json" {
                Format::Malformed(e.to_string())
            } else {
                // "[Updated] ..." or "{Editor's note}" opening a plain article.
                Format::PlainText
            }
        }
    }
}

fn any_line_is_object(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        l.starts_with('{') && matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_)))
    })
}

/// Parse one JSON Lines record; on failure, a message without the (always 1)
/// line number: "expected `,` or `}` at column 12".
pub(crate) fn parse_line(line: &str) -> Result<Value, String> {
    serde_json::from_str::<Value>(line).map_err(|e| {
        let full = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        match full.strip_suffix(&position) {
            Some(msg) => format!("{msg} at column {}", e.column()),
            None => full,
        }
    })
}

/// 1-based line on which each top-level element of a JSON array starts.
/// Only called on text that parsed as an array, so a simple scan that tracks
/// strings and nesting is exact.
pub(crate) fn array_element_lines(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut line = 1usize;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting = false;
    for c in text.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if expecting && !c.is_whitespace() && c != ']' {
            starts.push(line);
            expecting = false;
        }
        match c {
            '\n' => line += 1,
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 && c == '[' {
                    expecting = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

/// First non-empty string among `keys`.
fn str_field<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .filter_map(|k| obj.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .find(|s| !s.is_empty())
}

/// Authors from an array of strings, or a string separated by `;`.
pub(crate) fn authors_of(value: &Value) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect()
    };
    match value {
        Value::String(s) => split(s),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .flat_map(split)
            .collect(),
        _ => Vec::new(),
    }
}

/// Build an article from a news-please or trafilatura record.
///
/// Fields read (first present wins):
/// * body: `maintext`, `text`, `raw_text`, else `description`; `None` if none
///   is a non-empty string (or `value` is not an object);
/// * title: `title`; outlet: `source_domain`, `hostname`, `source-hostname`,
///   `sitename`; published: `date_publish`, `date` (kept as given);
///   authors: `authors` (array) or `author` (`"A; B"`); url: `url`, `source`;
///   language: `language`.
///
/// Lines of the body text are paragraphs; they are cleaned like plain text
/// (captions, calls to action, copyright and dateline removed) and joined with
/// `"\n\n"`. The outlet falls back to a copyright holder or dateline agency
/// found in the body. `path` and `line` are left for the caller.
pub fn parse_json_value(id: &str, value: &serde_json::Value) -> Option<Article> {
    let obj = value.as_object()?;
    let text = str_field(obj, &["maintext", "text", "raw_text"])
        .or_else(|| str_field(obj, &["description"]))?;

    let paragraphs: Vec<String> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let cleaned = clean::clean_paragraphs(paragraphs);

    let authors = ["authors", "author"]
        .iter()
        .filter_map(|k| obj.get(*k))
        .map(authors_of)
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    let owned = |s: &str| s.to_string();

    Some(Article {
        id: id.to_string(),
        path: None,
        line: None,
        outlet: str_field(
            obj,
            &["source_domain", "hostname", "source-hostname", "sitename"],
        )
        .map(owned)
        .or(cleaned.copyright_outlet)
        .or(cleaned.dateline_outlet),
        title: str_field(obj, &["title"]).map(owned),
        published: str_field(obj, &["date_publish", "date"]).map(owned),
        authors,
        url: str_field(obj, &["url", "source"]).map(owned),
        language: str_field(obj, &["language"]).map(owned),
        body: cleaned.paragraphs.join("\n\n"),
    })
}

/// The URL of a record, used as its id in multi-article files.
pub(crate) fn url_of(value: &Value) -> Option<String> {
    value
        .as_object()
        .and_then(|o| str_field(o, &["url", "source"]))
        .map(str::to_string)
}

/// "an array", "a string": for messages about unexpected JSON values.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_lines() {
        let text = "[\n {\"a\": \"x,]\"},\n\n {\"b\": [1, 2]}\n, 3]";
        assert_eq!(array_element_lines(text), vec![2, 4, 5]);
    }

    #[test]
    fn line_errors_name_the_column() {
        let e = parse_line("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert_eq!(e, "expected `,` or `}` at column 9");
    }
}
