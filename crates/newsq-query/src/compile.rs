//! [`Expr`] → tantivy query, with the index's own analysis.

use std::ops::Bound;

use newsq_core::index::analysis::{analyze, name_key, text_analyzer, text_analyzer_for};
use newsq_core::index::date::{days_from_civil, days_in_month};
use newsq_core::index::{Fields, StatementKindCode};
use rust_stemmers::Algorithm;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::DateTime;

use crate::ast::{DateBound, Expr, FilterField, PartialDate, Span};
use crate::entity::{Entities, NameMatch};
use crate::error::QueryError;
use crate::highlight::Highlighter;
use crate::plan::{Condition, DocumentKind, TextField};

/// Most spellings one word or phrase is searched in: a phrase of several
/// names each spelled several ways multiplies.
const MAX_SPELLINGS: usize = 16;

/// The index's entities, for name filters and for names in free text.
pub(crate) struct Names<'a> {
    /// Resolves a speaker filter's name.
    pub(crate) speakers: &'a dyn Fn(&str) -> Result<NameMatch, QueryError>,
    pub(crate) outlets: &'a Entities,
    /// Other spellings in the text fields of an analysed name word (the
    /// caller remembers answers: every pass asks for the same words).
    pub(crate) variants: &'a dyn Fn(&str) -> Vec<String>,
}

/// Turns query trees into tantivy queries over a set of text fields.
pub(crate) struct Compiler<'a> {
    fields: &'a Fields,
    /// The text fields words and phrases are searched in.
    text_fields: &'a [Field],
    /// English first, then every other language the index holds articles
    /// in: a word is searched in each language's stemmed form.
    text: Vec<TextAnalyzer>,
    names: Names<'a>,
    /// What each name filter matched, in query order.
    pub(crate) matched: Vec<NameMatch>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(
        fields: &'a Fields,
        text_fields: &'a [Field],
        other_languages: &[Algorithm],
        names: Names<'a>,
    ) -> Self {
        let mut text = vec![text_analyzer()];
        text.extend(other_languages.iter().map(|&l| text_analyzer_for(l)));
        Compiler {
            fields,
            text_fields,
            text,
            names,
            matched: Vec::new(),
        }
    }

    /// `text`'s terms in each language, and with each word of a person's
    /// name in every spelling the index holds ("zelenskiy" also as
    /// "zelenskyy"); duplicates (most words in most languages) once.
    fn analyses(&mut self, text: &str) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::with_capacity(self.text.len());
        for analyzer in &mut self.text {
            let terms: Vec<String> = analyze(analyzer, text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if !out.contains(&terms) {
                out.push(terms);
            }
        }
        let mut spelled = Vec::with_capacity(out.len());
        for terms in out {
            let mut combinations: Vec<Vec<String>> = vec![Vec::with_capacity(terms.len())];
            for term in &terms {
                let others = (self.names.variants)(term);
                let mut next = Vec::with_capacity(combinations.len());
                for spelling in std::iter::once(term).chain(others.iter()) {
                    for start in &combinations {
                        if next.len() < MAX_SPELLINGS {
                            let mut longer = start.clone();
                            longer.push(spelling.clone());
                            next.push(longer);
                        }
                    }
                }
                combinations = next;
            }
            for combination in combinations {
                if !spelled.contains(&combination) {
                    spelled.push(combination);
                }
            }
        }
        spelled
    }

    /// `text`'s analyses ([`Compiler::analyses`]), or the error of a word
    /// or phrase with nothing to search ("--", "’").
    fn text_variants(&mut self, text: &str, span: Span) -> Result<Vec<Vec<String>>, QueryError> {
        let variants = self.analyses(text);
        if variants.iter().all(Vec::is_empty) {
            return Err(QueryError::NothingToSearch {
                text: text.to_string(),
                position: span.start,
            });
        }
        Ok(variants)
    }

    /// The index keys a `speaker:`/`outlet:` name matches (none when it
    /// matches no one), recording what it matched.
    fn name_filter(
        &mut self,
        field: FilterField,
        name: &str,
        span: Span,
    ) -> Result<Vec<String>, QueryError> {
        if name_key(name).is_empty() {
            return Err(QueryError::NothingToSearch {
                text: name.to_string(),
                position: span.start,
            });
        }
        let found = match field {
            FilterField::Speaker => (self.names.speakers)(name)?,
            FilterField::Outlet => self.names.outlets.resolve(name),
        };
        let keys = found.keys.clone();
        if !self.matched.contains(&found) {
            self.matched.push(found);
        }
        Ok(keys)
    }

    /// The tantivy query for `expr`.
    pub(crate) fn compile(&mut self, expr: &Expr) -> Result<Box<dyn Query>, QueryError> {
        Ok(match expr {
            Expr::All => Box::new(AllQuery),
            Expr::Word { text, span } | Expr::Phrase { text, span } => {
                let variants = self.text_variants(text, *span)?;
                self.in_text_fields(&variants)
            }
            Expr::Name { field, name, span } => {
                let keys = self.name_filter(*field, name, *span)?;
                let key_field = match field {
                    FilterField::Speaker => self.fields.speaker_key,
                    FilterField::Outlet => self.fields.outlet_key,
                };
                let matching: Box<dyn Query> = if keys.is_empty() {
                    Box::new(EmptyQuery)
                } else {
                    any_term(
                        keys.iter()
                            .map(|k| Term::from_field_text(key_field, k))
                            .collect(),
                    )
                };
                // A filter narrows the hits; it does not change their order.
                Box::new(ConstScoreQuery::new(matching, 0.0))
            }
            Expr::Date { bound, date, .. } => {
                Box::new(ConstScoreQuery::new(self.date_range(*bound, *date), 0.0))
            }
            Expr::Kind { kind, .. } => Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_u64(self.fields.statement_kind, StatementKindCode::of(*kind)),
                    IndexRecordOption::Basic,
                )),
                0.0,
            )),
            Expr::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery)),
                (Occur::MustNot, self.compile(inner)?),
            ])),
            Expr::And(parts) => {
                let mut clauses = Vec::with_capacity(parts.len() + 1);
                for part in parts {
                    clauses.push(match part {
                        Expr::Not(inner) => (Occur::MustNot, self.compile(inner)?),
                        part => (Occur::Must, self.compile(part)?),
                    });
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Expr::Or(parts) => {
                let mut clauses = Vec::with_capacity(parts.len());
                for part in parts {
                    clauses.push((Occur::Should, self.compile(part)?));
                }
                Box::new(BooleanQuery::new(clauses))
            }
        })
    }

    /// The exact-phrase query for a query's plain words, when it has two or
    /// more required words: hits holding them next to each other, in order,
    /// rank above hits where they are scattered.
    pub(crate) fn adjacency(&mut self, expr: &Expr) -> Option<Box<dyn Query>> {
        let words: Vec<&str> = match expr {
            Expr::And(parts) => parts
                .iter()
                .filter_map(|p| match p {
                    Expr::Word { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect(),
            _ => return None,
        };
        if words.len() < 2 {
            return None;
        }
        let variants: Vec<Vec<String>> = self
            .analyses(&words.join(" "))
            .into_iter()
            .filter(|terms| terms.len() >= 2)
            .collect();
        (!variants.is_empty()).then(|| self.in_text_fields(&variants))
    }

    /// The analysed words and phrases a hit must contain, for
    /// highlighting.
    pub(crate) fn positive_terms(&mut self, expr: &Expr, out: &mut Highlighter) {
        match expr {
            Expr::Word { text, .. } | Expr::Phrase { text, .. } => {
                for terms in self.analyses(text) {
                    out.add(terms);
                }
            }
            Expr::And(parts) | Expr::Or(parts) => {
                for part in parts {
                    self.positive_terms(part, out);
                }
            }
            Expr::Not(_)
            | Expr::All
            | Expr::Name { .. }
            | Expr::Date { .. }
            | Expr::Kind { .. } => {}
        }
    }

    /// One term, or a phrase of several ("well-known" is two words next to
    /// each other), in any of the text fields, in any language's form.
    fn in_text_fields(&self, variants: &[Vec<String>]) -> Box<dyn Query> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for terms in variants.iter().filter(|t| !t.is_empty()) {
            for &field in self.text_fields {
                alternatives.push(terms_query(field, terms));
            }
        }
        if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Box::new(BooleanQuery::union(alternatives))
        }
    }

    fn date_range(&self, bound: DateBound, date: PartialDate) -> Box<dyn Query> {
        let field = self.fields.published;
        let term =
            |seconds: i64| Term::from_field_date(field, DateTime::from_timestamp_secs(seconds));
        let (since, before) = date_bounds(bound, date);
        let lower = since.map_or(Bound::Unbounded, |s| Bound::Included(term(s)));
        let upper = before.map_or(Bound::Unbounded, |s| Bound::Excluded(term(s)));
        Box::new(RangeQuery::new(lower, upper))
    }

    /// The same documents as [`Compiler::compile`], as engine-neutral
    /// conditions: the same analysis of words, the same name resolution,
    /// the same date arithmetic.
    pub(crate) fn plan(&mut self, expr: &Expr) -> Result<Condition, QueryError> {
        Ok(match expr {
            Expr::All => Condition::All,
            Expr::Word { text, span } | Expr::Phrase { text, span } => {
                let variants = self.text_variants(text, *span)?;
                let mut alternatives = Vec::new();
                for terms in variants.into_iter().filter(|t| !t.is_empty()) {
                    for &field in self.text_fields {
                        alternatives.push(Condition::Terms {
                            field: self.text_field(field),
                            terms: terms.clone(),
                        });
                    }
                }
                Condition::any_of(alternatives)
            }
            Expr::Name { field, name, span } => {
                let keys = self.name_filter(*field, name, *span)?;
                match (keys.is_empty(), field) {
                    (true, _) => Condition::Nothing,
                    (false, FilterField::Speaker) => Condition::Speaker { keys },
                    (false, FilterField::Outlet) => Condition::Outlet { keys },
                }
            }
            Expr::Date { bound, date, .. } => {
                let (since, before) = date_bounds(*bound, *date);
                Condition::Published { since, before }
            }
            Expr::Kind { kind, .. } => Condition::Kind(match kind {
                newsq_core::quote::StatementKind::Quotation => DocumentKind::Quotation,
                newsq_core::quote::StatementKind::Reported => DocumentKind::Reported,
            }),
            Expr::Not(inner) => Condition::Not(Box::new(self.plan(inner)?)),
            Expr::And(parts) => {
                let mut planned = Vec::with_capacity(parts.len());
                for part in parts {
                    planned.push(self.plan(part)?);
                }
                Condition::all_of(planned)
            }
            Expr::Or(parts) => {
                let mut planned = Vec::with_capacity(parts.len());
                for part in parts {
                    planned.push(self.plan(part)?);
                }
                Condition::any_of(planned)
            }
        })
    }

    /// Which of the index's text fields `field` is.
    fn text_field(&self, field: Field) -> TextField {
        if field == self.fields.title {
            TextField::Title
        } else if field == self.fields.body {
            TextField::Body
        } else {
            TextField::Quote
        }
    }
}

/// The seconds since 1970 a date filter starts at (included) and ends
/// before, within the years tantivy's dates hold (1678 to 2262): a bound
/// beyond them is the range's end, not an overflow.
pub(crate) fn date_bounds(bound: DateBound, date: PartialDate) -> (Option<i64>, Option<i64>) {
    let (earliest, latest) = (i64::MIN / 1_000_000_000, i64::MAX / 1_000_000_000);
    let seconds = |days: i64| days.saturating_mul(86_400).clamp(earliest, latest);
    match bound {
        DateBound::Since => (Some(seconds(first_day(date))), None),
        DateBound::Before => (None, Some(seconds(first_day(date)))),
        DateBound::Until => (None, Some(seconds(day_after(date)))),
    }
}

/// A term query for one word, a phrase query for several.
fn terms_query(field: Field, words: &[String]) -> Box<dyn Query> {
    let mut terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    if terms.len() == 1 {
        Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        Box::new(PhraseQuery::new(terms))
    }
}

/// Days since 1970 of the first day of a partial date.
fn first_day(date: PartialDate) -> i64 {
    days_from_civil(
        date.year,
        u32::from(date.month.unwrap_or(1)),
        u32::from(date.day.unwrap_or(1)),
    )
}

/// Days since 1970 of the day after the last day of a partial date.
fn day_after(date: PartialDate) -> i64 {
    match (date.month, date.day) {
        (Some(_), Some(_)) => first_day(date) + 1,
        (Some(month), None) => {
            first_day(date) + i64::from(days_in_month(date.year, u32::from(month)))
        }
        _ => days_from_civil(date.year.saturating_add(1), 1, 1),
    }
}

/// Documents holding any of `terms`. A handful goes in a boolean query:
/// tantivy's term-set query builds an automaton first, which costs about a
/// third of a millisecond however few the terms.
pub(crate) fn any_term(terms: Vec<Term>) -> Box<dyn Query> {
    const MOST_CLAUSES: usize = 64;
    if terms.len() > MOST_CLAUSES {
        return Box::new(TermSetQuery::new(terms));
    }
    Box::new(BooleanQuery::new(
        terms
            .into_iter()
            .map(|term| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect(),
    ))
}
