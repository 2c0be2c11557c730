//! newsq searches in an engine's own query language: Quickwit's query
//! string or Elasticsearch's query DSL, on the fields an export of the same
//! index holds. Words go to the `*_terms` fields, already analysed by newsq
//! (so stemming and languages behave as in newsq whatever the engine can
//! do); speaker and outlet filters to the `*_spelling_key` fields, with
//! exactly the spellings newsq's own filter matched (an entity key would
//! follow the export's grouping of the whole table, which a name lookup
//! need not share, and which changes as articles are added); dates to
//! `published`.

use std::collections::BTreeSet;

use newsq_query::plan::{Condition, DocumentKind, TextField};
use serde_json::{json, Value};

use crate::document::rfc3339;
use crate::engine::Engine;

/// Quickwit's `kind` values are `quotation`, `reported` and `article`; a
/// term no document holds stands for "nothing" (a name that matched no
/// one), which Quickwit's query language has no word for.
const NO_KIND: &str = "none";

/// Writes a [`Condition`] for one engine, on the fields an export writes.
///
/// ```
/// use newsq_core::index::{NewsIndex, WriterOptions};
/// use newsq_core::Article;
/// use newsq_export::Translator;
/// use newsq_query::{NewsSearcher, SearchRequest};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let index = NewsIndex::create_in_ram()?;
/// let mut writer = index.writer(&WriterOptions::default())?;
/// writer.add_article(&Article::from_body("a.txt", "“We will negotiate,” Mayor Ana Lopes said."))?;
/// writer.commit()?;
///
/// let news = NewsSearcher::new(&index)?;
/// let plan = news.plan(&SearchRequest::new("negotiations").speaker("lopes"))?;
/// let translator = Translator::new();
/// assert_eq!(
///     translator.query_string(&plan.condition),
///     r#"+(kind:"quotation" OR kind:"reported") +quote_terms:"negoti" +speaker_spelling_key:"ana lopes""#
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Translator {
    _private: (),
}

impl Translator {
    /// A translator. Everything a query depends on in the newsq index (its
    /// languages, spellings and names) is in the [`Condition`] already.
    pub fn new() -> Translator {
        Translator::default()
    }

    /// The body of the engine's search request for `condition`, asking
    /// for `max_hits` hits: `{"query": "…", "max_hits": N}` for Quickwit's
    /// `POST /api/v1/INDEX/search`, `{"query": {…}, "size": N,
    /// "track_total_hits": true}` for Elasticsearch's `POST /INDEX/_search`.
    pub fn request_body(&self, engine: Engine, condition: &Condition, max_hits: usize) -> Value {
        match engine {
            Engine::Quickwit => json!({
                "query": self.query_string(condition),
                "max_hits": max_hits,
            }),
            // The exact total, not "10000 or more".
            Engine::Elasticsearch | Engine::OpenSearch => json!({
                "query": self.query_dsl(condition),
                "size": max_hits,
                "track_total_hits": true,
            }),
        }
    }

    /// `condition` in Quickwit's query language (every operator written
    /// out, every value quoted).
    pub fn query_string(&self, condition: &Condition) -> String {
        let mut out = String::new();
        self.write_query(condition, &mut out, false);
        out
    }

    fn write_query(&self, condition: &Condition, out: &mut String, nested: bool) {
        match condition {
            Condition::All => out.push('*'),
            Condition::Nothing => push_field(out, "kind", NO_KIND),
            Condition::Terms { field, terms } => {
                push_field(out, terms_field(*field), &terms.join(" "));
            }
            Condition::Speaker { keys } => {
                write_keys(out, "speaker_spelling_key", &distinct(keys), nested);
            }
            Condition::Outlet { keys } => {
                write_keys(out, "outlet_spelling_key", &distinct(keys), nested);
            }
            Condition::Published { since, before } => {
                out.push_str("published:");
                out.push('[');
                out.push_str(&date_or_star(*since));
                out.push_str(" TO ");
                out.push_str(&date_or_star(*before));
                out.push('}');
            }
            Condition::Kind(kind) => push_field(out, "kind", kind_value(*kind)),
            Condition::Not(inner) => {
                self.write_and(&[], &[inner.as_ref()], out, nested);
            }
            Condition::And(parts) => {
                let (negative, positive): (Vec<&Condition>, Vec<&Condition>) =
                    parts.iter().partition(|p| matches!(p, Condition::Not(_)));
                let negative: Vec<&Condition> = negative
                    .into_iter()
                    .filter_map(|p| match p {
                        Condition::Not(inner) => Some(inner.as_ref()),
                        _ => None,
                    })
                    .collect();
                self.write_and(&positive, &negative, out, nested);
            }
            Condition::Or(parts) => write_alternatives(out, parts, nested, |out, part| {
                self.write_query(part, out, true)
            }),
        }
    }

    /// `+positive … -negative …`: one clause of required and excluded
    /// parts, which Quickwit reads as one boolean query. (`a AND NOT b`
    /// nests the negation in a query of its own, which tantivy's own
    /// parser then reads as matching nothing.) `+*` when nothing is
    /// required: negations alone match nothing.
    fn write_and(
        &self,
        positive: &[&Condition],
        negative: &[&Condition],
        out: &mut String,
        nested: bool,
    ) {
        if let ([only], []) = (positive, negative) {
            return self.write_query(only, out, nested);
        }
        let parenthesised = nested;
        if parenthesised {
            out.push('(');
        }
        if positive.is_empty() {
            out.push_str("+*");
        }
        for (i, part) in positive.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push('+');
            self.write_query(part, out, true);
        }
        for part in negative {
            out.push_str(" -");
            self.write_query(part, out, true);
        }
        if parenthesised {
            out.push(')');
        }
    }

    /// `condition` in Elasticsearch's (and OpenSearch's) query DSL.
    pub fn query_dsl(&self, condition: &Condition) -> Value {
        match condition {
            Condition::All => json!({ "match_all": {} }),
            Condition::Nothing => json!({ "match_none": {} }),
            Condition::Terms { field, terms } => match terms.as_slice() {
                [one] => json!({ "term": { terms_field(*field): one } }),
                _ => json!({ "match_phrase": { terms_field(*field): terms.join(" ") } }),
            },
            Condition::Speaker { keys } => {
                json!({ "terms": { "speaker_spelling_key": distinct(keys) } })
            }
            Condition::Outlet { keys } => {
                json!({ "terms": { "outlet_spelling_key": distinct(keys) } })
            }
            Condition::Published { since, before } => {
                let mut range = serde_json::Map::new();
                if let Some(date) = since.and_then(rfc3339) {
                    range.insert("gte".into(), Value::String(date));
                }
                if let Some(date) = before.and_then(rfc3339) {
                    range.insert("lt".into(), Value::String(date));
                }
                json!({ "range": { "published": range } })
            }
            Condition::Kind(kind) => json!({ "term": { "kind": kind_value(*kind) } }),
            Condition::Not(inner) => json!({
                "bool": { "filter": [{ "match_all": {} }], "must_not": [self.query_dsl(inner)] }
            }),
            Condition::And(parts) => {
                // Words score (must); names, dates and kinds only filter.
                let (mut must, mut filter, mut must_not) = (Vec::new(), Vec::new(), Vec::new());
                for part in parts {
                    match part {
                        Condition::Not(inner) => must_not.push(self.query_dsl(inner)),
                        part if holds_words(part) => must.push(self.query_dsl(part)),
                        part => filter.push(self.query_dsl(part)),
                    }
                }
                if must.is_empty() && filter.is_empty() {
                    filter.push(json!({ "match_all": {} }));
                }
                let mut bool_query = serde_json::Map::new();
                for (occur, clauses) in [("must", must), ("filter", filter), ("must_not", must_not)]
                {
                    if !clauses.is_empty() {
                        bool_query.insert(occur.into(), Value::Array(clauses));
                    }
                }
                json!({ "bool": bool_query })
            }
            Condition::Or(parts) => json!({
                "bool": {
                    "should": parts.iter().map(|p| self.query_dsl(p)).collect::<Vec<_>>(),
                    "minimum_should_match": 1
                }
            }),
        }
    }
}

/// `field:"key"` for any of `keys`; none matches nothing.
fn write_keys(out: &mut String, field: &str, keys: &[String], nested: bool) {
    if keys.is_empty() {
        return push_field(out, "kind", NO_KIND);
    }
    write_alternatives(out, keys, nested, |out, key| push_field(out, field, key));
}

/// `items` joined by OR, in parentheses when nested and more than one.
fn write_alternatives<T>(
    out: &mut String,
    items: &[T],
    nested: bool,
    mut write: impl FnMut(&mut String, &T),
) {
    let parenthesised = nested && items.len() > 1;
    if parenthesised {
        out.push('(');
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(" OR ");
        }
        write(out, item);
    }
    if parenthesised {
        out.push(')');
    }
}

/// `keys` each once, in order.
fn distinct(keys: &[String]) -> Vec<String> {
    keys.iter()
        .cloned()
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect()
}

/// Whether a condition searches words (and so scores), rather than only
/// filtering.
fn holds_words(condition: &Condition) -> bool {
    match condition {
        Condition::Terms { .. } => true,
        Condition::And(parts) | Condition::Or(parts) => parts.iter().any(holds_words),
        _ => false,
    }
}

/// The exported field holding newsq's terms of a text field.
fn terms_field(field: TextField) -> &'static str {
    match field {
        TextField::Quote => "quote_terms",
        TextField::Title => "title_terms",
        TextField::Body => "body_terms",
    }
}

/// The exported `kind` value of a document kind.
fn kind_value(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Quotation => "quotation",
        DocumentKind::Reported => "reported",
        DocumentKind::Article => "article",
    }
}

/// An RFC 3339 bound, or `*` for an open end.
fn date_or_star(seconds: Option<i64>) -> String {
    seconds.and_then(rfc3339).unwrap_or_else(|| "*".to_string())
}

/// `field:"value"`, the value's `\` and `"` escaped.
fn push_field(out: &mut String, field: &str, value: &str) {
    out.push_str(field);
    out.push_str(":\"");
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_and_escaped() {
        let mut out = String::new();
        push_field(&mut out, "quote_terms", r#"a"b\c"#);
        assert_eq!(out, r#"quote_terms:"a\"b\\c""#);
    }

    #[test]
    fn open_date_ends_are_stars() {
        assert_eq!(date_or_star(None), "*");
        assert_eq!(date_or_star(Some(0)), "1970-01-01T00:00:00Z");
    }
}
