//! The query parser: trees for each construct, errors with their positions,
//! and properties over arbitrary input.

use newsq_query::{parse, DateBound, Expr, FilterField, ParseError, PartialDate, Span};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Helpers

/// A compact, span-free rendering of a tree: `(and red line)`, `"a b"`,
/// `speaker:putin`, `after:2024-03`, `(not x)`, `(or a b)`, `*`.
fn shape(e: &Expr) -> String {
    fn list(head: &str, parts: &[Expr]) -> String {
        let inner: Vec<String> = parts.iter().map(shape).collect();
        format!("({head} {})", inner.join(" "))
    }
    match e {
        Expr::All => "*".to_string(),
        Expr::Word { text, .. } => text.clone(),
        Expr::Phrase { text, .. } => format!("{text:?}"),
        Expr::Name { field, name, .. } => {
            let f = match field {
                FilterField::Speaker => "speaker",
                FilterField::Outlet => "outlet",
            };
            format!("{f}:{name:?}")
        }
        Expr::Date { bound, date, .. } => {
            let b = match bound {
                DateBound::Since => "since",
                DateBound::Before => "before",
                DateBound::Until => "until",
            };
            let mut s = format!("{b}:{:04}", date.year);
            if let Some(m) = date.month {
                s.push_str(&format!("-{m:02}"));
            }
            if let Some(d) = date.day {
                s.push_str(&format!("-{d:02}"));
            }
            s
        }
        Expr::Kind { kind, .. } => format!("kind:{}", kind.as_str()),
        Expr::Not(inner) => format!("(not {})", shape(inner)),
        Expr::And(parts) => list("and", parts),
        Expr::Or(parts) => list("or", parts),
    }
}

#[track_caller]
fn ok(query: &str) -> Expr {
    match parse(query) {
        Ok(e) => e,
        Err(e) => panic!("{query:?} should parse, got:\n{}", e.render(query)),
    }
}

#[track_caller]
fn shape_of(query: &str) -> String {
    shape(&ok(query))
}

#[track_caller]
fn err(query: &str) -> ParseError {
    match parse(query) {
        Ok(e) => panic!("{query:?} should fail, got {}", shape(&e)),
        Err(e) => e,
    }
}

/// The error's byte position and the start of its message.
#[track_caller]
fn assert_err(query: &str, position: usize, message_start: &str) {
    let e = err(query);
    assert_eq!(e.position, position, "{query:?}: {}", e.render(query));
    assert!(
        e.message.starts_with(message_start),
        "{query:?}: message {:?} should start with {message_start:?}",
        e.message
    );
    assert_eq!(e.column, query[..e.position].chars().count() + 1);
}

fn sp(start: usize, end: usize) -> Span {
    Span { start, end }
}

fn word(text: &str, start: usize, end: usize) -> Expr {
    Expr::Word {
        text: text.to_string(),
        span: sp(start, end),
    }
}

// ---------------------------------------------------------------------------
// Empty queries

#[test]
fn empty_and_blank_queries_are_all() {
    for q in [
        "", " ", "  \t\n ", "\u{3000}", "\"\"", "  \"\"  ", "“”", "\" \"", "«»",
    ] {
        assert_eq!(ok(q), Expr::All, "{q:?}");
    }
}

#[test]
fn empty_phrase_elsewhere_is_an_error() {
    assert_err("\"\" x", 0, "empty phrase");
    assert_err("x \"\"", 2, "empty phrase");
    assert_err("x “  ”", 2, "empty phrase");
    assert_err("-\"\"", 1, "empty phrase");
    assert_err("(\"\")", 1, "empty phrase");
    assert_err("\"\" \"\"", 0, "empty phrase");
}

// ---------------------------------------------------------------------------
// Words, phrases, conjunction

#[test]
fn single_word_is_not_wrapped() {
    assert_eq!(ok("red"), word("red", 0, 3));
    assert_eq!(ok("  red  "), word("red", 2, 5));
}

#[test]
fn words_are_all_required() {
    assert_eq!(
        ok("red line"),
        Expr::And(vec![word("red", 0, 3), word("line", 4, 8)])
    );
    assert_eq!(shape_of("a  b\tc\nd"), "(and a b c d)");
}

#[test]
fn explicit_and_is_a_no_op_conjunction() {
    assert_eq!(
        ok("red AND line"),
        Expr::And(vec![word("red", 0, 3), word("line", 8, 12)])
    );
    assert_eq!(shape_of("a AND b c"), "(and a b c)");
}

#[test]
fn lowercase_operators_are_words() {
    assert_eq!(shape_of("war and peace"), "(and war and peace)");
    assert_eq!(shape_of("this or that"), "(and this or that)");
    assert_eq!(shape_of("not now"), "(and not now)");
    assert_eq!(shape_of("Or And Not"), "(and Or And Not)");
    assert_eq!(shape_of("ORACLE ANDES NOTE"), "(and ORACLE ANDES NOTE)");
}

#[test]
fn hyphens_inside_words_belong_to_them() {
    assert_eq!(
        ok("well-known 1-0"),
        Expr::And(vec![word("well-known", 0, 10), word("1-0", 11, 14)])
    );
    assert_eq!(shape_of("a- b"), "(and a- b)");
}

#[test]
fn other_punctuation_stays_in_words() {
    assert_eq!(shape_of("don't 10:30 :x"), "(and don't 10:30 :x)");
    assert_eq!(shape_of("a1:b"), "a1:b");
    assert_eq!(shape_of("говорит: x"), "(and говорит: x)");
}

#[test]
fn straight_quoted_phrase() {
    assert_eq!(
        ok("\"a phrase\""),
        Expr::Phrase {
            text: "a phrase".to_string(),
            span: sp(0, 10)
        }
    );
    // The inner text as written.
    assert_eq!(shape_of("\" a  b \""), "\" a  b \"");
}

#[test]
fn curly_quoted_phrase_spans_count_bytes() {
    // “ and ” are three bytes each.
    assert_eq!(
        ok("“a phrase”"),
        Expr::Phrase {
            text: "a phrase".to_string(),
            span: sp(0, 14)
        }
    );
    assert_eq!(
        ok("x “a b” y"),
        Expr::And(vec![
            word("x", 0, 1),
            Expr::Phrase {
                text: "a b".to_string(),
                span: sp(2, 11)
            },
            word("y", 12, 13),
        ])
    );
}

#[test]
fn other_quote_styles() {
    assert_eq!(shape_of("„Guten Tag“"), "\"Guten Tag\"");
    assert_eq!(shape_of("„dzień dobry”"), "\"dzień dobry\"");
    assert_eq!(shape_of("«bonjour tout»"), "\"bonjour tout\"");
    assert_eq!(shape_of("”hej då”"), "\"hej då\"");
    assert_eq!(shape_of("»goddag du«"), "\"goddag du\"");
    // Mixed straight/curly pairs close too.
    assert_eq!(shape_of("“a b\""), "\"a b\"");
    assert_eq!(shape_of("\"a b”"), "\"a b\"");
    assert_eq!(
        ok("«a»"),
        Expr::Phrase {
            text: "a".to_string(),
            span: sp(0, 5)
        }
    );
}

#[test]
fn quotes_end_a_word() {
    assert_eq!(
        ok("say\"hello there\"now"),
        Expr::And(vec![
            word("say", 0, 3),
            Expr::Phrase {
                text: "hello there".to_string(),
                span: sp(3, 16)
            },
            word("now", 16, 19),
        ])
    );
    // Closing-only quotes inside a word are just characters.
    assert_eq!(shape_of("a”b"), "a”b");
}

#[test]
fn unclosed_quote_points_at_the_opening_quote() {
    let e = err("putin \"we will");
    assert_eq!(e.position, 6);
    assert_eq!(e.column, 7);
    assert_eq!(
        e.message,
        "unclosed quote: add a closing \" or remove this one"
    );
    // Curly: the column counts characters, the position bytes.
    let e = err("“a” “b");
    assert_eq!(e.position, 8);
    assert_eq!(e.column, 5);
    assert_eq!(
        e.message,
        "unclosed quote: add a closing ” or remove this one"
    );
    assert_err("«a", 0, "unclosed quote: add a closing »");
    assert_err("„a", 0, "unclosed quote: add a closing “");
    assert_err("\"a\" b\"", 5, "unclosed quote");
    // A doubled closing quote opens a phrase that never closes.
    assert_err("“a b””", 9, "unclosed quote");
}

// ---------------------------------------------------------------------------
// Negation

#[test]
fn minus_negates_a_word_phrase_filter_or_group() {
    assert_eq!(ok("-red"), Expr::Not(Box::new(word("red", 1, 4))));
    assert_eq!(
        ok("-\"a b\""),
        Expr::Not(Box::new(Expr::Phrase {
            text: "a b".to_string(),
            span: sp(1, 6)
        }))
    );
    assert_eq!(
        ok("-speaker:putin"),
        Expr::Not(Box::new(Expr::Name {
            field: FilterField::Speaker,
            name: "putin".to_string(),
            span: sp(1, 14)
        }))
    );
    assert_eq!(shape_of("-(a OR b)"), "(not (or a b))");
    assert_eq!(shape_of("-after:2024"), "(not since:2024)");
    assert_eq!(shape_of("x -y z"), "(and x (not y) z)");
    assert_eq!(shape_of("(-y)"), "(not y)");
    assert_eq!(shape_of("-“a”"), "(not \"a\")");
}

#[test]
fn not_keyword_negates_the_next_term() {
    assert_eq!(ok("NOT red"), Expr::Not(Box::new(word("red", 4, 7))));
    assert_eq!(shape_of("a NOT b c"), "(and a (not b) c)");
    assert_eq!(shape_of("NOT (a b)"), "(not (and a b))");
    assert_eq!(shape_of("a OR NOT b"), "(or a (not b))");
    assert_eq!(shape_of("NOT NOT a"), "(not (not a))");
    assert_eq!(shape_of("NOT -a"), "(not (not a))");
    assert_eq!(shape_of("NOT speaker:x"), "(not speaker:\"x\")");
}

#[test]
fn lone_minus_is_an_error() {
    assert_err("-", 0, "a lone '-'");
    assert_err("a - b", 2, "a lone '-'");
    assert_err("a -", 2, "a lone '-'");
    assert_err("(-)", 1, "a lone '-'");
    assert_err("--a", 0, "'--' is not an operator");
    assert_err("-OR", 0, "'-' before OR");
    assert_err("a -NOT b", 2, "'-' before NOT");
}

#[test]
fn not_without_a_term_is_an_error() {
    assert_err("NOT", 0, "NOT needs a term after it");
    assert_err("a NOT", 2, "NOT needs a term after it");
    assert_err("(a NOT) b", 3, "NOT needs a term after it");
    assert_err("NOT OR a", 0, "NOT needs a term after it");
}

// ---------------------------------------------------------------------------
// OR

#[test]
fn or_binds_looser_than_and() {
    assert_eq!(
        ok("a b OR c"),
        Expr::Or(vec![
            Expr::And(vec![word("a", 0, 1), word("b", 2, 3)]),
            word("c", 7, 8),
        ])
    );
    assert_eq!(shape_of("a OR b c"), "(or a (and b c))");
    assert_eq!(shape_of("a OR b"), "(or a b)");
    assert_eq!(shape_of("a AND b OR c AND d"), "(or (and a b) (and c d))");
}

#[test]
fn same_kind_nesting_is_flattened() {
    assert_eq!(shape_of("a OR b OR c"), "(or a b c)");
    assert_eq!(shape_of("a OR (b OR c)"), "(or a b c)");
    assert_eq!(shape_of("(a OR b) OR (c OR d)"), "(or a b c d)");
    assert_eq!(shape_of("a (b c)"), "(and a b c)");
    assert_eq!(shape_of("((a b) (c d))"), "(and a b c d)");
    assert_eq!(shape_of("(a OR b) (c OR d)"), "(and (or a b) (or c d))");
    assert_eq!(shape_of("((((a))))"), "a");
    assert_eq!(
        shape_of("speaker:(a OR b) OR c"),
        "(or speaker:\"a\" speaker:\"b\" c)"
    );
}

#[test]
fn or_needs_a_term_on_each_side() {
    let msg = "OR needs a term on each side";
    let e = err("OR a");
    assert_eq!((e.position, e.column, e.message.as_str()), (0, 1, msg));
    assert_err("a OR", 2, msg);
    assert_err("a OR OR b", 2, msg);
    assert_err("(OR a)", 1, msg);
    assert_err("(a OR)", 3, msg);
    assert_err("a OR AND b", 2, msg);
    assert_err("OR", 0, msg);
}

#[test]
fn and_needs_a_term_on_each_side() {
    let msg = "AND needs a term on each side";
    assert_err("AND a", 0, msg);
    assert_err("a AND", 2, msg);
    assert_err("a AND AND b", 2, msg);
    assert_err("a AND OR b", 2, msg);
    assert_err("(a AND) b", 3, msg);
}

// ---------------------------------------------------------------------------
// Groups

#[test]
fn groups() {
    assert_eq!(shape_of("(a OR b) c"), "(and (or a b) c)");
    assert_eq!(shape_of("(a)"), "a");
    assert_eq!(
        ok("(a OR b)"),
        Expr::Or(vec![word("a", 1, 2), word("b", 6, 7)])
    );
    // A parenthesis ends a word.
    assert_eq!(shape_of("f(x OR y)"), "(and f (or x y))");
    assert_eq!(shape_of("(a)(b)"), "(and a b)");
}

#[test]
fn unbalanced_parens_point_at_the_unmatched_one() {
    assert_err("(a", 0, "unclosed '('");
    assert_err("a (b", 2, "unclosed '('");
    assert_err("((a)", 0, "unclosed '('");
    assert_err("(a OR (b)", 0, "unclosed '('");
    assert_err("a)", 1, "unmatched ')'");
    assert_err(")", 0, "unmatched ')'");
    assert_err("(a))", 3, "unmatched ')'");
    assert_err("(a) ) b", 4, "unmatched ')'");
    assert_err("(", 0, "unclosed '('");
}

#[test]
fn empty_group_is_an_error() {
    assert_err("()", 0, "empty group");
    assert_err("a ( ) b", 2, "empty group");
    assert_err("(())", 1, "empty group");
}

#[test]
fn nesting_is_limited_to_32_groups() {
    let q = format!("{}a{}", "(".repeat(32), ")".repeat(32));
    assert_eq!(ok(&q), word("a", 32, 33));
    let q = format!("{}a{}", "(".repeat(33), ")".repeat(33));
    let e = err(&q);
    assert_eq!(e.position, 32, "at the 33rd paren");
    assert!(e.message.contains("nested too deeply"), "{}", e.message);
    // A name group counts as a level.
    let q = format!("{}speaker:(a){}", "(".repeat(32), ")".repeat(32));
    assert_eq!(err(&q).position, 32 + "speaker:".len());
    let q = format!("{}speaker:(a){}", "(".repeat(31), ")".repeat(31));
    assert_eq!(shape_of(&q), "speaker:\"a\"");
}

#[test]
fn deep_input_does_not_overflow_the_stack() {
    for q in [
        "(".repeat(10_000),
        ")".repeat(10_000),
        "-(".repeat(5_000),
        "NOT ".repeat(2_500),
        format!("{}a", "NOT ".repeat(2_499)),
        "a OR ".repeat(2_000) + "a",
        "\"".repeat(10_000),
        "“".repeat(3_333),
    ] {
        let _ = parse(&q);
    }
    let q = format!("{}a", "NOT ".repeat(2_499));
    let mut e = ok(&q);
    let mut depth = 0;
    while let Expr::Not(inner) = e {
        e = *inner;
        depth += 1;
    }
    assert_eq!(depth, 2_499);
}

// ---------------------------------------------------------------------------
// Name filters

#[test]
fn speaker_and_outlet_filters() {
    assert_eq!(
        ok("speaker:putin"),
        Expr::Name {
            field: FilterField::Speaker,
            name: "putin".to_string(),
            span: sp(0, 13)
        }
    );
    assert_eq!(
        ok("war outlet:bbc"),
        Expr::And(vec![
            word("war", 0, 3),
            Expr::Name {
                field: FilterField::Outlet,
                name: "bbc".to_string(),
                span: sp(4, 14)
            }
        ])
    );
    // A name runs up to whitespace or a parenthesis.
    assert_eq!(shape_of("(speaker:o'brien)"), "speaker:\"o'brien\"");
    assert_eq!(shape_of("speaker:Jean-Luc"), "speaker:\"Jean-Luc\"");
    assert_eq!(shape_of("speaker:OR"), "speaker:\"OR\"");
}

#[test]
fn field_names_are_case_insensitive() {
    assert_eq!(shape_of("Speaker:Putin"), "speaker:\"Putin\"");
    assert_eq!(shape_of("OUTLET:BBC"), "outlet:\"BBC\"");
    assert_eq!(shape_of("After:2024"), "since:2024");
    assert_eq!(shape_of("BEFORE:2024"), "before:2024");
}

#[test]
fn quoted_names() {
    assert_eq!(
        ok("speaker:\"Vladimir Putin\""),
        Expr::Name {
            field: FilterField::Speaker,
            name: "Vladimir Putin".to_string(),
            span: sp(0, 24)
        }
    );
    // Curly quotes: the span covers them (3 bytes each).
    assert_eq!(
        ok("outlet:“New York Times”"),
        Expr::Name {
            field: FilterField::Outlet,
            name: "New York Times".to_string(),
            span: sp(0, 27)
        }
    );
    assert_err("speaker:\"putin", 8, "unclosed quote");
    assert_err("speaker:\"\"", 8, "empty name after 'speaker:'");
    assert_err("outlet:“ ”", 7, "empty name after 'outlet:'");
}

#[test]
fn name_groups() {
    assert_eq!(
        ok("speaker:(putin OR peskov)"),
        Expr::Or(vec![
            Expr::Name {
                field: FilterField::Speaker,
                name: "putin".to_string(),
                span: sp(9, 14)
            },
            Expr::Name {
                field: FilterField::Speaker,
                name: "peskov".to_string(),
                span: sp(18, 24)
            },
        ])
    );
    assert_eq!(
        shape_of("outlet:(bbc AND \"the times\")"),
        "(and outlet:\"bbc\" outlet:\"the times\")"
    );
    assert_eq!(
        shape_of("speaker:(a OR b AND c)"),
        "(or speaker:\"a\" (and speaker:\"b\" speaker:\"c\"))"
    );
    assert_eq!(shape_of("speaker:(putin)"), "speaker:\"putin\"");
    assert_eq!(shape_of("Speaker:( putin )"), "speaker:\"putin\"");
    assert_eq!(
        shape_of("-speaker:(a OR b) war"),
        "(and (not (or speaker:\"a\" speaker:\"b\")) war)"
    );
}

#[test]
fn name_group_errors() {
    assert_err(
        "speaker:(vladimir putin)",
        18,
        "two names side by side in speaker:( … )",
    );
    assert_err("speaker:(-putin)", 9, "only names joined by OR or AND");
    assert_err("speaker:(NOT putin)", 9, "only names joined by OR or AND");
    assert_err("speaker:((putin))", 9, "only names joined by OR or AND");
    assert_err(
        "speaker:(a OR outlet:b)",
        14,
        "only names joined by OR or AND",
    );
    assert_err("speaker:(OR a)", 9, "OR needs a name on each side");
    assert_err("speaker:(a OR)", 11, "OR needs a name on each side");
    assert_err("speaker:(a AND)", 11, "AND needs a name on each side");
    assert_err("speaker:(a", 8, "unclosed '('");
    assert_err("speaker:(a OR b", 8, "unclosed '('");
    assert_err("speaker:()", 9, "expected a name after 'speaker:'");
    assert_err("outlet:( )", 8, "expected a name after 'outlet:'");
}

#[test]
fn field_without_a_value_points_just_after_the_colon() {
    let e = err("speaker:");
    assert_eq!((e.position, e.column), (8, 9));
    assert_eq!(e.message, "expected a name after 'speaker:'");

    let e = err("speaker:(");
    assert_eq!((e.position, e.column), (9, 10));
    assert_eq!(e.message, "expected a name after 'speaker:'");

    let e = err("speaker:)");
    assert_eq!((e.position, e.column), (8, 9));
    assert_eq!(e.message, "expected a name after 'speaker:'");

    assert_err("(outlet:)", 8, "expected a name after 'outlet:'");
    let e = err("speaker: putin");
    assert_eq!(e.position, 8);
    assert!(e.message.contains("remove the space after the colon"));
    assert_err("x after:", 8, "expected a date after 'after:'");
    assert_err("before:(2024)", 7, "expected a date after 'before:'");
    assert_err("after:\"\"", 6, "expected a date after 'after:'");
}

#[test]
fn unknown_fields_are_errors() {
    let e = err("war title:peace");
    assert_eq!((e.position, e.column), (4, 5));
    assert_eq!(
        e.message,
        "unknown field 'title'; fields are speaker:, outlet:, after:, before:, kind: \
         — to search the text, put it in quotes"
    );
    assert_err("http://example.com", 0, "unknown field 'http'");
    assert_err("note:", 0, "unknown field 'note'");
    assert_err("-foo_bar:x", 1, "unknown field 'foo_bar'");
    assert_err("since:2024", 0, "unknown field 'since'");
    // Quoted, it is text.
    assert_eq!(shape_of("\"title:peace\""), "\"title:peace\"");
}

// ---------------------------------------------------------------------------
// Dates

fn date(year: i32, month: Option<u8>, day: Option<u8>) -> PartialDate {
    PartialDate { year, month, day }
}

#[test]
fn date_filters() {
    assert_eq!(
        ok("after:2024"),
        Expr::Date {
            bound: DateBound::Since,
            date: date(2024, None, None),
            span: sp(0, 10)
        }
    );
    assert_eq!(
        ok("x before:2024-03"),
        Expr::And(vec![
            word("x", 0, 1),
            Expr::Date {
                bound: DateBound::Before,
                date: date(2024, Some(3), None),
                span: sp(2, 16)
            }
        ])
    );
    assert_eq!(
        ok("after:2024-02-29"),
        Expr::Date {
            bound: DateBound::Since,
            date: date(2024, Some(2), Some(29)),
            span: sp(0, 16)
        }
    );
    assert_eq!(shape_of("after:2000-02-29"), "since:2000-02-29");
    assert_eq!(shape_of("after:2024-1-5"), "since:2024-01-05");
    assert_eq!(shape_of("after:\"2024-12-31\""), "since:2024-12-31");
    assert_eq!(
        shape_of("after:2024 before:2025-06"),
        "(and since:2024 before:2025-06)"
    );
}

#[test]
fn bad_dates_point_at_the_date_with_the_accepted_forms() {
    let forms = "dates are YYYY, YYYY-MM or YYYY-MM-DD";
    for (q, pos, why) in [
        ("after:24", 6, ""),
        ("after:20244", 6, ""),
        ("after:2024-", 6, ""),
        ("after:2024-03-05-01", 6, ""),
        ("after:march", 6, ""),
        ("after:2024/03", 6, ""),
        ("x before:2024-003", 9, ""),
        ("after:2024-13", 6, "there is no month 13"),
        ("after:2024-00", 6, "there is no month 0"),
        ("after:2023-02-29", 6, "February 2023 has days 1–28"),
        ("after:1900-02-29", 6, "February 1900 has days 1–28"),
        ("after:2024-04-31", 6, "April 2024 has days 1–30"),
        ("after:2024-01-00", 6, "January 2024 has days 1–31"),
        ("after:2024-01-32", 6, "January 2024 has days 1–31"),
    ] {
        let e = err(q);
        assert_eq!(e.position, pos, "{q:?}: {}", e.render(q));
        assert!(e.message.starts_with("bad date '"), "{q:?}: {}", e.message);
        assert!(e.message.contains(forms), "{q:?}: {}", e.message);
        assert!(e.message.contains(why), "{q:?}: {}", e.message);
    }
    assert_eq!(
        err("after:2024-13").message,
        "bad date '2024-13': there is no month 13 (months are 1–12); \
         dates are YYYY, YYYY-MM or YYYY-MM-DD (e.g. after:2024-03-05)"
    );
}

// ---------------------------------------------------------------------------
// Bounds, errors, rendering

#[test]
fn queries_over_10000_bytes_are_refused() {
    let q = format!("{} {}", "a".repeat(4_999), "b".repeat(5_000));
    assert_eq!(q.len(), 10_000);
    assert!(parse(&q).is_ok());
    let q = format!("{q}b");
    let e = err(&q);
    assert_eq!(
        e.message,
        "query too long (10001 bytes; the limit is 10000)"
    );
    assert!(e.position <= q.len() && q.is_char_boundary(e.position));
    // Cut inside a multi-byte character: the position backs off to a boundary.
    let q = "é".repeat(5_001);
    let e = err(&q);
    assert_eq!(e.position, 10_000);
    assert_eq!(e.column, 5_001);
    let q = format!("a{}", "é".repeat(5_000));
    let e = err(&q);
    assert_eq!(e.position, 9_999);
}

#[test]
fn queries_over_128_terms_are_refused_at_the_first_one_too_many() {
    let words: Vec<String> = (0..128).map(|n| format!("w{n}")).collect();
    assert!(parse(&words.join(" OR ")).is_ok());
    let q = format!("{} \"a phrase\" speaker:lopes", words.join(" "));
    let e = err(&q);
    assert_eq!(
        e.message,
        "too many terms (130; the limit is 128): search for fewer words"
    );
    assert_eq!(&q[e.position..], "\"a phrase\" speaker:lopes");
    // Operators and parentheses are not terms.
    let nested = format!("{}w{}", "(NOT ".repeat(30), ")".repeat(30));
    assert!(parse(&nested).is_ok());
}

#[test]
fn display_includes_the_column() {
    let e = err("speaker:(");
    assert_eq!(
        e.to_string(),
        "expected a name after 'speaker:' (at column 10)"
    );
}

#[test]
fn render_puts_a_caret_under_the_problem() {
    let q = "speaker:(";
    assert_eq!(
        err(q).render(q),
        "speaker:(\n         ^ expected a name after 'speaker:'"
    );
    // Columns are characters, not bytes.
    let q = "“a” “b";
    assert_eq!(
        err(q).render(q),
        "“a” “b\n    ^ unclosed quote: add a closing ” or remove this one"
    );
    // Line breaks and tabs become spaces so the query stays on one line.
    let q = "a\n\t(b";
    assert_eq!(
        err(q).render(q),
        "a  (b\n   ^ unclosed '(': add a ')' or remove this one"
    );
    // A column past the end of another string does not blow up.
    let mut e = err("(");
    e.position = usize::MAX;
    e.column = usize::MAX;
    e.message = "m".to_string();
    assert_eq!(e.render("ab"), "ab\n  ^ m");
}

// ---------------------------------------------------------------------------
// Properties

/// Every span in the tree, in order.
fn spans(e: &Expr, out: &mut Vec<Span>) {
    match e {
        Expr::All => {}
        Expr::Word { span, .. }
        | Expr::Phrase { span, .. }
        | Expr::Name { span, .. }
        | Expr::Date { span, .. }
        | Expr::Kind { span, .. } => out.push(*span),
        Expr::Not(inner) => spans(inner, out),
        Expr::And(parts) | Expr::Or(parts) => parts.iter().for_each(|p| spans(p, out)),
    }
}

/// No And/Or directly inside one of its own kind, none with fewer than two
/// parts.
fn well_formed(e: &Expr) -> bool {
    match e {
        Expr::And(parts) => {
            parts.len() >= 2
                && parts
                    .iter()
                    .all(|p| !matches!(p, Expr::And(_)) && well_formed(p))
        }
        Expr::Or(parts) => {
            parts.len() >= 2
                && parts
                    .iter()
                    .all(|p| !matches!(p, Expr::Or(_)) && well_formed(p))
        }
        Expr::Not(inner) => !matches!(**inner, Expr::All) && well_formed(inner),
        _ => true,
    }
}

/// Query-shaped strings: pieces of the language glued with or without spaces.
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("word".to_string()),
        Just("Putin".to_string()),
        Just("OR".to_string()),
        Just("AND".to_string()),
        Just("NOT".to_string()),
        Just("or".to_string()),
        Just("-".to_string()),
        Just("--".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("„".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(":".to_string()),
        Just("speaker:".to_string()),
        Just("Outlet:".to_string()),
        Just("after:".to_string()),
        Just("before:".to_string()),
        Just("foo:".to_string()),
        Just("2024".to_string()),
        Just("2024-02-29".to_string()),
        Just("-13".to_string()),
        Just("é".to_string()),
        Just("日本".to_string()),
        Just("😀".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{3000}".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        "[a-zA-Z0-9_:\\-()\"“”„«» ]{1,4}",
    ];
    let sep = prop_oneof![Just(""), Just(" "), Just("  ")];
    prop::collection::vec((piece, sep), 0..24).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, s)| format!("{p}{s}"))
            .collect::<String>()
    })
}

fn check(query: &str) -> Result<(), TestCaseError> {
    match parse(query) {
        Ok(e) => {
            let mut all = Vec::new();
            spans(&e, &mut all);
            for s in &all {
                prop_assert!(s.start < s.end, "{query:?}: empty span {s:?}");
                prop_assert!(s.end <= query.len(), "{query:?}: {s:?} past the end");
                prop_assert!(
                    query.is_char_boundary(s.start) && query.is_char_boundary(s.end),
                    "{query:?}: {s:?} not on char boundaries"
                );
            }
            // Spans come in query order and do not overlap.
            for w in all.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "{query:?}: {all:?}");
            }
            prop_assert!(well_formed(&e), "{query:?}: {e:?}");
        }
        Err(e) => {
            prop_assert!(e.position <= query.len(), "{query:?}: {e:?}");
            prop_assert!(query.is_char_boundary(e.position), "{query:?}: {e:?}");
            prop_assert_eq!(e.column, query[..e.position].chars().count() + 1);
            prop_assert!(!e.message.is_empty());
            let rendered = e.render(query);
            let message: String = e
                .message
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            prop_assert!(rendered.ends_with(&message));
            prop_assert_eq!(rendered.lines().count(), 2, "{:?}", rendered);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_strings(query in any::<String>()) {
        check(&query)?;
    }

    #[test]
    fn never_panics_on_query_like_strings(query in query_like()) {
        check(&query)?;
    }

    #[test]
    fn never_panics_on_unicode_soup(query in "[\\PC\"“”„«»():\\- ]{0,40}") {
        check(&query)?;
    }

    #[test]
    fn words_joined_by_spaces_are_an_and_of_words(
        words in prop::collection::vec("[a-z][a-z0-9'-]{0,8}", 1..8)
    ) {
        let query = words.join(" ");
        let e = parse(&query).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let texts: Vec<String> = match &e {
            Expr::Word { text, .. } => vec![text.clone()],
            Expr::And(parts) => parts.iter().map(shape).collect(),
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert_eq!(texts, words);
    }
}
