//! What each engine is told: the index definition (Quickwit's index config,
//! Elasticsearch's settings and mappings), the lines of one document, and
//! the names and limits each accepts. Both definitions come from one field
//! table, so they cannot drift apart.

use std::fmt::Write as _;

use crate::document::ExportDocument;
use crate::error::ExportError;

/// A search engine newsq exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Quickwit (built on tantivy): index config YAML, NDJSON ingest.
    Quickwit,
    /// Elasticsearch: index settings and mappings, `_bulk`.
    Elasticsearch,
    /// OpenSearch: as Elasticsearch, with its own version numbers.
    OpenSearch,
}

/// A release of an engine, as far as index definitions differ: major and
/// minor version ("0.9" for Quickwit 0.9.1, "8.15" for Elasticsearch
/// 8.15.0).
///
/// ```
/// use newsq_export::{Engine, EngineVersion};
/// let version: EngineVersion = "0.9.1".parse().unwrap();
/// assert_eq!(version.to_string(), "0.9");
/// assert!(Engine::Quickwit.check_version(version).is_ok());
/// assert!(Engine::Quickwit.check_version("0.6".parse().unwrap()).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EngineVersion {
    /// The major version (0 for Quickwit 0.9, 8 for Elasticsearch 8.15).
    pub major: u32,
    /// The minor version.
    pub minor: u32,
}

impl EngineVersion {
    /// Version `major.minor`.
    pub const fn new(major: u32, minor: u32) -> Self {
        EngineVersion { major, minor }
    }
}

impl std::fmt::Display for EngineVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl std::str::FromStr for EngineVersion {
    type Err = ExportError;

    /// `0.9`, `0.9.1`, `v8.15.0`, `8`, `2.17.0-SNAPSHOT`: major and minor
    /// count, the rest is ignored.
    fn from_str(text: &str) -> Result<Self, ExportError> {
        let bad = || ExportError::Version {
            version: text.to_string(),
            problem: "expected a version number such as 0.9 or 8.15".to_string(),
        };
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix(['v', 'V']).unwrap_or(trimmed);
        let mut parts = digits.split(['.', '-', '+']);
        let major = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let minor = match parts.next() {
            None => 0,
            Some(p) => p.parse().map_err(|_| bad())?,
        };
        Ok(EngineVersion { major, minor })
    }
}

/// Quickwit's ingest API refuses a body over 10 MiB; files and batches
/// stay under it with room for a proxy's own limit rounding.
pub const QUICKWIT_MAX_BODY: usize = 10_000_000;

/// How a field is searched, in both engines' terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// An identifier: exact lookups only (raw tokenizer / keyword).
    Id,
    /// Exact value: filters and aggregations (raw tokenizer, fast /
    /// keyword).
    Key,
    /// Words, stemmed, with positions for phrases (en_stem / english).
    Text,
    /// newsq's own terms of a text field, separated by spaces, indexed as
    /// they are (whitespace tokenizer, positions): the same stemming and
    /// folding in every engine and version as in newsq.
    Terms,
    /// A name: words without stemming, plus the exact value for facets.
    Name,
    /// A name as an article spelled it: words without stemming.
    Spelling,
    /// The index key of a name as the article spelled it: what newsq's
    /// own speaker and outlet filters match, and so what `newsq translate`
    /// filters on (exact; raw tokenizer / keyword).
    SpellingKey,
    /// Shown, not searched.
    Stored,
    /// Date and time (RFC 3339).
    Date,
}

/// Every field of [`ExportDocument`], in the order they are declared.
const FIELDS: &[(&str, Role)] = &[
    ("doc_id", Role::Id),
    ("kind", Role::Key),
    ("article_id", Role::Id),
    ("quote", Role::Text),
    ("quote_terms", Role::Terms),
    ("context", Role::Stored),
    ("speaker", Role::Name),
    ("speaker_key", Role::Key),
    ("speaker_as_written", Role::Spelling),
    ("speaker_spelling_key", Role::SpellingKey),
    ("speaker_mention", Role::Stored),
    ("speaker_from", Role::Key),
    ("cue", Role::Key),
    ("body", Role::Text),
    ("body_terms", Role::Terms),
    ("title", Role::Text),
    ("title_terms", Role::Terms),
    ("outlet", Role::Name),
    ("outlet_key", Role::Key),
    ("outlet_as_written", Role::Spelling),
    ("outlet_spelling_key", Role::SpellingKey),
    ("published", Role::Date),
    ("url", Role::Stored),
    ("language", Role::Key),
    ("path", Role::Id),
];

/// The fields holding newsq's own analysis (the terms of the text, the
/// keys of the spellings), which `newsq translate` searches and an index
/// made by an older newsq (or by hand) lacks.
pub(crate) fn newsq_fields() -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .filter(|&&(_, role)| matches!(role, Role::Terms | Role::SpellingKey))
        .map(|&(name, _)| name)
}

/// Keyword values longer than this are stored but not indexed in
/// Elasticsearch, whose terms cannot exceed 32,766 bytes (a long URL-based
/// article id would otherwise fail the whole document).
const KEYWORD_IGNORE_ABOVE: usize = 8191;

impl Engine {
    /// `quickwit` / `elasticsearch` / `opensearch`.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Quickwit => "quickwit",
            Engine::Elasticsearch => "elasticsearch",
            Engine::OpenSearch => "opensearch",
        }
    }

    /// The engine's name as its makers write it, for messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Engine::Quickwit => "Quickwit",
            Engine::Elasticsearch => "Elasticsearch",
            Engine::OpenSearch => "OpenSearch",
        }
    }

    /// Whether the engine speaks Elasticsearch's API (`_bulk`, mappings,
    /// query DSL).
    pub fn is_elasticsearch_like(self) -> bool {
        matches!(self, Engine::Elasticsearch | Engine::OpenSearch)
    }

    /// The newest version newsq knows, what `export` writes for unless
    /// told otherwise.
    pub fn newest_version(self) -> EngineVersion {
        match self {
            Engine::Quickwit => EngineVersion::new(0, 9),
            Engine::Elasticsearch => EngineVersion::new(9, 0),
            Engine::OpenSearch => EngineVersion::new(3, 0),
        }
    }

    /// The oldest version whose definition newsq writes: Quickwit 0.7
    /// (the config format it writes), Elasticsearch 7 (typeless
    /// mappings), OpenSearch 1.
    pub fn oldest_version(self) -> EngineVersion {
        match self {
            Engine::Quickwit => EngineVersion::new(0, 7),
            Engine::Elasticsearch => EngineVersion::new(7, 0),
            Engine::OpenSearch => EngineVersion::new(1, 0),
        }
    }

    /// Check that newsq can write a definition `version` accepts: any
    /// version from [`Engine::oldest_version`] on (a version newer than
    /// [`Engine::newest_version`] gets the newest definition).
    pub fn check_version(self, version: EngineVersion) -> Result<(), ExportError> {
        if version < self.oldest_version() {
            return Err(ExportError::Version {
                version: version.to_string(),
                problem: format!(
                    "newsq writes index definitions for {} {} and later",
                    self.display_name(),
                    self.oldest_label()
                ),
            });
        }
        Ok(())
    }

    /// The oldest version as people name it ("0.7", "7", "1").
    pub(crate) fn oldest_label(self) -> String {
        let oldest = self.oldest_version();
        match self {
            Engine::Quickwit => oldest.to_string(),
            _ => oldest.major.to_string(),
        }
    }

    /// How a version is named in files and messages: Quickwit's minor
    /// versions differ, the others' majors.
    pub fn version_label(self, version: EngineVersion) -> String {
        match self {
            Engine::Quickwit => version.to_string(),
            _ => version.major.to_string(),
        }
    }

    /// The index definition's file name in an export folder.
    pub fn definition_file(self) -> &'static str {
        match self {
            Engine::Quickwit => "index-config.yaml",
            Engine::Elasticsearch | Engine::OpenSearch => "index.json",
        }
    }

    /// The prefix of the document files in an export folder
    /// (`docs-000001.ndjson`, `bulk-000001.ndjson`).
    pub fn documents_prefix(self) -> &'static str {
        match self {
            Engine::Quickwit => "docs-",
            Engine::Elasticsearch | Engine::OpenSearch => "bulk-",
        }
    }

    /// The largest body the engine is sent when `requested` is asked for:
    /// Quickwit never more than [`QUICKWIT_MAX_BODY`].
    pub fn body_limit(self, requested: usize) -> usize {
        match self {
            Engine::Quickwit => requested.clamp(1, QUICKWIT_MAX_BODY),
            Engine::Elasticsearch | Engine::OpenSearch => requested.max(1),
        }
    }

    /// Check that `name` is an index name the engine accepts (it goes into
    /// URLs and the config file as it is).
    ///
    /// ```
    /// use newsq_export::Engine;
    /// assert!(Engine::Quickwit.check_index_name("news-2025").is_ok());
    /// assert!(Engine::Elasticsearch.check_index_name("News").is_err()); // lower case only
    /// ```
    pub fn check_index_name(self, name: &str) -> Result<(), ExportError> {
        let problem = match self {
            // Quickwit: [a-zA-Z][a-zA-Z0-9-_.]{2,254}
            Engine::Quickwit => {
                if !(3..=255).contains(&name.len()) {
                    Some("3 to 255 characters")
                } else if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    Some("a letter first")
                } else if !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                {
                    Some("letters, digits, '-', '_' and '.' only")
                } else {
                    None
                }
            }
            // Elasticsearch/OpenSearch: lower case, no \ / * ? " < > | space
            // , # :, not starting with - _ +, not . or .., at most 255 bytes.
            // newsq asks for the portable subset.
            Engine::Elasticsearch | Engine::OpenSearch => {
                if name.is_empty() || name.len() > 255 {
                    Some("1 to 255 characters")
                } else if name.starts_with(['-', '_', '+', '.']) {
                    Some("a letter or digit first")
                } else if !name.chars().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
                }) {
                    Some("lower-case letters, digits, '-', '_' and '.' only")
                } else {
                    None
                }
            }
        };
        match problem {
            Some(rule) => Err(ExportError::IndexName {
                engine: self.display_name(),
                name: name.to_string(),
                rule,
            }),
            None => Ok(()),
        }
    }

    /// The index definition for `version` of the engine: Quickwit's index
    /// config (YAML) or the body of Elasticsearch's create-index request
    /// (JSON), each saying which version it is for. `timestamp` makes
    /// `published` Quickwit's timestamp field, which Quickwit then requires
    /// on every document.
    ///
    /// ```
    /// use newsq_export::{Engine, EngineVersion};
    /// // Quickwit 0.9 has no stemming tokenizer: its text fields split and
    /// // lowercase only, and newsq's own stemmed terms go in *_terms fields.
    /// let config = Engine::Quickwit.definition("news", true, EngineVersion::new(0, 9));
    /// assert!(!config.contains("en_stem"));
    /// assert!(config.contains("- name: quote_terms"));
    /// let config = Engine::Quickwit.definition("news", true, EngineVersion::new(0, 8));
    /// assert!(config.contains("tokenizer: en_stem"));
    /// ```
    pub fn definition(self, index_name: &str, timestamp: bool, version: EngineVersion) -> String {
        match self {
            Engine::Quickwit => quickwit_config(index_name, timestamp, version),
            Engine::Elasticsearch | Engine::OpenSearch => elasticsearch_definition(self, version),
        }
    }

    /// The NDJSON lines of one document, ending in a newline: the document
    /// for Quickwit; a `create` action with the document's id, then the
    /// document, for `_bulk` (so sending it again adds nothing).
    pub fn lines(self, document: &ExportDocument) -> Result<Vec<u8>, ExportError> {
        let mut lines = Vec::with_capacity(512);
        if self.is_elasticsearch_like() {
            serde_json::to_writer(
                &mut lines,
                &serde_json::json!({ "create": { "_id": document.doc_id } }),
            )?;
            lines.push(b'\n');
        }
        serde_json::to_writer(&mut lines, document)?;
        lines.push(b'\n');
        Ok(lines)
    }
}

/// The first Quickwit without a stemming tokenizer (`en_stem` went with
/// its `multilang` feature).
const QUICKWIT_WITHOUT_STEMMING: EngineVersion = EngineVersion::new(0, 9);

fn quickwit_config(index_name: &str, timestamp: bool, version: EngineVersion) -> String {
    let mut yaml = String::new();
    let stemming = version < QUICKWIT_WITHOUT_STEMMING;
    let _ = write!(
        yaml,
        "# Quickwit index config written by `newsq export`, for Quickwit {for_version}\n\
         # ({other}).\n\
         # Create the index:  quickwit index create --index-config index-config.yaml\n\
         # or:  curl -XPOST http://HOST:7280/api/v1/indexes -H 'Content-Type: application/yaml' --data-binary @index-config.yaml\n\
         # quote_terms, title_terms and body_terms hold newsq's own analysis of the text\n\
         # (stemmed in the article's language, folded): `newsq translate` writes queries on them.\n",
        for_version = Engine::Quickwit.version_label(version),
        other = if stemming {
            "0.7 and 0.8: text fields stemmed with en_stem; for 0.9, export with --engine-version 0.9"
        } else {
            "0.9 and later, which have no stemming tokenizer; for 0.7 or 0.8, export with --engine-version"
        },
    );
    // Config format 0.7 is read by Quickwit 0.7, 0.8 and 0.9 alike.
    yaml.push_str("version: 0.7\n");
    // Quoted: a name like `null` or `true` is otherwise not a string.
    let _ = writeln!(yaml, "index_id: \"{index_name}\"");
    yaml.push_str("doc_mapping:\n  mode: strict\n  field_mappings:\n");
    for &(name, role) in FIELDS {
        let _ = writeln!(yaml, "    - name: {name}");
        let options: &[&str] = match role {
            Role::Id | Role::SpellingKey => &["type: text", "tokenizer: raw"],
            Role::Key => &["type: text", "tokenizer: raw", "fast: true"],
            Role::Text if stemming => &[
                "type: text",
                "tokenizer: en_stem",
                "record: position",
                "fieldnorms: true",
            ],
            Role::Text => &[
                "type: text",
                "tokenizer: default",
                "record: position",
                "fieldnorms: true",
            ],
            Role::Terms => &[
                "type: text",
                "tokenizer: whitespace",
                "record: position",
                "fieldnorms: true",
            ],
            Role::Name => &[
                "type: text",
                "tokenizer: default",
                "record: position",
                "fast: true",
            ],
            Role::Spelling => &["type: text", "tokenizer: default", "record: position"],
            Role::Stored => &["type: text", "indexed: false"],
            Role::Date => &[
                "type: datetime",
                "input_formats: [rfc3339]",
                "output_format: rfc3339",
                "fast: true",
                "fast_precision: seconds",
            ],
        };
        for option in options {
            let _ = writeln!(yaml, "      {option}");
        }
    }
    if timestamp {
        yaml.push_str("  timestamp_field: published\n");
    }
    yaml.push_str("search_settings:\n  default_search_fields: [quote]\n");
    yaml
}

fn elasticsearch_definition(engine: Engine, version: EngineVersion) -> String {
    let mut properties = serde_json::Map::new();
    for &(name, role) in FIELDS {
        let mapping = match role {
            Role::Id | Role::Key | Role::SpellingKey => serde_json::json!({
                "type": "keyword", "ignore_above": KEYWORD_IGNORE_ABOVE
            }),
            Role::Text => serde_json::json!({ "type": "text", "analyzer": "english" }),
            // Whitespace only: the terms are newsq's, lowercased and stemmed.
            Role::Terms => serde_json::json!({ "type": "text", "analyzer": "whitespace" }),
            Role::Name => serde_json::json!({
                "type": "text",
                "fields": { "keyword": { "type": "keyword", "ignore_above": 256 } }
            }),
            Role::Spelling => serde_json::json!({ "type": "text" }),
            Role::Stored => serde_json::json!({ "type": "text", "index": false }),
            Role::Date => serde_json::json!({
                "type": "date", "format": "strict_date_optional_time"
            }),
        };
        properties.insert(name.to_string(), mapping);
    }
    let definition = serde_json::json!({
        "mappings": {
            "dynamic": "strict",
            "_meta": {
                "written_by": "newsq export",
                "for": format!("{} {}", engine.display_name(), engine.version_label(version)),
                "terms_fields": "quote_terms, title_terms and body_terms hold newsq's own analysis of the text; `newsq translate` writes queries on them"
            },
            "properties": properties
        }
    });
    let mut text = serde_json::to_string_pretty(&definition).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document with every field set.
    fn full_document() -> ExportDocument {
        let s = |t: &str| Some(t.to_string());
        ExportDocument {
            doc_id: "0123456789abcdef".into(),
            kind: "quotation",
            article_id: "https://example.invalid/a".into(),
            quote: s("We stay"),
            quote_terms: s("we stay"),
            context: s("“We stay,” Mayor Ana Lopes said."),
            speaker: s("Ana Lopes"),
            speaker_key: s("ana lopes"),
            speaker_as_written: s("Ana Lopes"),
            speaker_spelling_key: s("ana lopes"),
            speaker_mention: s("Mayor Ana Lopes"),
            speaker_from: s("name"),
            cue: s("said"),
            body: s("text"),
            body_terms: s("text"),
            title: s("Harbour"),
            title_terms: s("harbour"),
            outlet: s("Harbour Gazette"),
            outlet_key: s("harbour gazette"),
            outlet_as_written: s("HARBOUR GAZETTE"),
            outlet_spelling_key: s("harbour gazette"),
            published: s("2025-08-18T00:00:00Z"),
            url: s("https://example.invalid/a"),
            language: s("en"),
            path: s("a.txt"),
        }
    }

    #[test]
    fn the_field_table_names_every_document_field() {
        let value = serde_json::to_value(full_document()).unwrap();
        let names: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let table: Vec<&str> = FIELDS.iter().map(|&(name, _)| name).collect();
        let mut sorted_table = table.clone();
        sorted_table.sort_unstable();
        let mut sorted_names = names.clone();
        sorted_names.sort_unstable();
        assert_eq!(sorted_names, sorted_table);
    }

    #[test]
    fn bulk_lines_are_a_create_action_then_the_document() {
        let lines = Engine::Elasticsearch.lines(&full_document()).unwrap();
        let text = String::from_utf8(lines).unwrap();
        let mut parts = text.split_terminator('\n');
        assert_eq!(
            parts.next(),
            Some(r#"{"create":{"_id":"0123456789abcdef"}}"#)
        );
        let doc: serde_json::Value = serde_json::from_str(parts.next().unwrap()).unwrap();
        assert_eq!(doc["speaker_key"], "ana lopes");
        assert_eq!(parts.next(), None);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn quickwit_bodies_stay_under_its_ingest_limit() {
        assert_eq!(Engine::Quickwit.body_limit(50_000_000), QUICKWIT_MAX_BODY);
        assert_eq!(Engine::Quickwit.body_limit(1_000), 1_000);
        assert_eq!(Engine::Elasticsearch.body_limit(50_000_000), 50_000_000);
        assert_eq!(Engine::Elasticsearch.body_limit(0), 1);
    }

    #[test]
    fn index_names_follow_each_engine_rules() {
        for bad in ["ab", "1news", "news paper", "news/1", "ünews"] {
            assert!(Engine::Quickwit.check_index_name(bad).is_err(), "{bad}");
        }
        for good in ["news", "News_2025.v1", "a-b"] {
            assert!(Engine::Quickwit.check_index_name(good).is_ok(), "{good}");
        }
        for bad in [
            "", "News", "_news", "-n", ".", "..", "a b", "a:b", "a#b", "a*",
        ] {
            assert!(
                Engine::Elasticsearch.check_index_name(bad).is_err(),
                "{bad}"
            );
        }
        for good in ["news", "news-2025.08", "1news"] {
            assert!(
                Engine::Elasticsearch.check_index_name(good).is_ok(),
                "{good}"
            );
        }
        let message = Engine::Elasticsearch
            .check_index_name("News")
            .unwrap_err()
            .to_string();
        assert!(message.contains("lower-case"), "{message}");
    }
}
