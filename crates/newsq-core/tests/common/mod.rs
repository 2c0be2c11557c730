//! What the extraction tests share: one kind of statement out of a body,
//! and the statement holding some words.
#![allow(dead_code)] // each test crate uses its own share of these

use newsq_core::quote::{extract_with_headline, Quotation, StatementKind};

/// The statements of `kind` that `body` (read after `headline`) holds, in order.
pub fn of_kind(headline: Option<&str>, body: &str, kind: StatementKind) -> Vec<Quotation> {
    let mut found = extract_with_headline(headline, body);
    found.retain(|q| q.kind == kind);
    found
}

/// The direct quotations of `body`.
pub fn quotations(body: &str) -> Vec<Quotation> {
    of_kind(None, body, StatementKind::Quotation)
}

/// The first statement whose text holds `needle`.
pub fn find<'a>(statements: &'a [Quotation], needle: &str) -> &'a Quotation {
    match statements.iter().find(|q| q.text.contains(needle)) {
        Some(q) => q,
        None => panic!("nothing containing {needle:?} in {statements:#?}"),
    }
}
