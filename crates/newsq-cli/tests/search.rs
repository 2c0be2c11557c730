//! `newsq index` and `newsq search` as a user runs them: exit codes, output
//! in both forms, messages, colour, and the cached index of
//! `newsq search QUERY PATH`.
//!
//! Every article here is invented: people, places and outlets are fictional.
//! Every run gets HOME, XDG folders, NEWSQ_CACHE and NEWSQ_INDEX inside the
//! test's scratch folder, so nothing outside it is touched.

mod common;

use std::path::{Path, PathBuf};

use common::{
    expect_code, hits, json_lines, newsq_env, newsq_in, s, scratch, search, stderr, stdout, write,
};

use serde_json::Value;

// ---------------------------------------------------------------------------
// Fixtures

const VANCE: &str = "Vance rules out new border talks\n\n\
President Aldo Vance spoke to reporters in Selvik on Monday.\n\n\
“We will not cross that red line, whatever the pressure from Dorland and whatever the cost to our farmers this winter,” President Aldo Vance said.\n\n\
“The negotiations are over for this year,” Mr Vance added.\n";

const QUELL: &str = "Budget in the red\n\n\
Finance Minister Mara Quell presented the budget in Selvik on Wednesday.\n\n\
“Red ink, red ink, red figures on every line,” Ms Quell said.\n";

const MULLER: &str = "Chancellor meets Zelenskyy in Brennhof\n\n\
Chancellor Jonas Müller met President Zelenskyy in Brennhof on Thursday.\n\n\
“We will negotiate until there is a ceasefire,” Mr Müller told reporters.\n\n\
“Zelenskyy and I agreed to meet again in Selvik,” the chancellor said.\n";

const KALDER: &str = "Ferry strike ends\n\n\
The ferry strike on the Selvik crossing ended on Friday after the union accepted a new pay offer.\n\n\
“The crossing reopens at dawn, and Captain Muller will take the first boat,” Port Director Ines Kalder said.\n";

const KALDER_AGAIN: &str = "Union confirms end of ferry strike\n\n\
Union members returned to work on Saturday under a new pay offer.\n\n\
“The crossing reopens at dawn, and Captain Muller will take the first boat,” Port Director Ines Kalder said.\n";

const META: &str = "filename\tpublisher\tpublication_date\ttitle\turl\n\
01-vance.txt\tSelvik Courier\t2025-03-03\tVance rules out new border talks\thttps://courier.example/vance\n\
02-quell.txt\tLowmarsh Ledger\t2025-03-05\tBudget in the red\thttps://ledger.example/quell\n\
03-muller.txt\tSelvik Courier\t2025-04-30\tChancellor meets Zelenskyy in Brennhof\thttps://courier.example/muller\n\
04-kalder.txt\tLowmarsh Ledger\t2025-05-01\tFerry strike ends\thttps://ledger.example/ferry\n\
05-kalder-again.txt\tBay Wire\t2025-05-02\tUnion confirms end of ferry strike\thttps://baywire.example/ferry\n";

/// All seven quotations of the corpus, by speaker: Vance 2, Müller 2,
/// Kalder 2 (the same words in two articles), Quell 1.
const TOTAL: usize = 7;

const CLAP_BUG: &str =
    "BUG: every `newsq search` (and `completions`, `man`) panics in debug builds";

// ---------------------------------------------------------------------------
// Helpers

/// The corpus in `dir/articles`, its sidecar in `dir/meta.tsv`.
fn write_corpus(dir: &Path) -> (PathBuf, PathBuf) {
    let articles = dir.join("articles");
    for (name, text) in [
        ("01-vance.txt", VANCE),
        ("02-quell.txt", QUELL),
        ("03-muller.txt", MULLER),
        ("04-kalder.txt", KALDER),
        ("05-kalder-again.txt", KALDER_AGAIN),
    ] {
        write(&articles.join(name), text);
    }
    let meta = dir.join("meta.tsv");
    write(&meta, META);
    (articles, meta)
}

/// `newsq index` of the corpus into `dir/index`; returns the index folder.
fn indexed(dir: &Path) -> String {
    let (articles, meta) = write_corpus(dir);
    let index = s(&dir.join("index"));
    let out = newsq_in(
        dir,
        &[
            "index",
            "--index",
            &index,
            "--memory",
            "20",
            "--threads",
            "1",
            "--meta",
            &s(&meta),
            &s(&articles),
        ],
    );
    expect_code(&out, 0);
    index
}

fn count(dir: &Path, index: &str, args: &[&str]) -> usize {
    let mut all = args.to_vec();
    all.push("--count");
    let out = search(dir, index, &all);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&out)
    );
    stdout(&out)
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {:?}", stdout(&out)))
}

/// The substrings of `text` that a hit's highlights mark.
fn marked<'a>(text: &'a str, highlights: &Value) -> Vec<&'a str> {
    highlights
        .as_array()
        .unwrap_or_else(|| panic!("highlights is not an array: {highlights}"))
        .iter()
        .map(|pair| {
            let (Some(start), Some(end)) = (pair[0].as_u64(), pair[1].as_u64()) else {
                panic!("not a byte range: {pair}");
            };
            text.get(start as usize..end as usize)
                .unwrap_or_else(|| panic!("{start}..{end} is not a slice of {text:?}"))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// newsq index

#[test]
fn index_prints_a_summary_and_a_second_run_reads_nothing() {
    let dir = scratch("index-summary");
    let (articles, meta) = write_corpus(&dir);
    let index = s(&dir.join("index"));
    let args = [
        "index",
        "--index",
        &index,
        "--memory",
        "20",
        "--threads",
        "1",
        "--meta",
        &s(&meta),
        &s(&articles),
    ];
    let first = newsq_in(&dir, &args);
    expect_code(&first, 0);
    let err = stderr(&first);
    assert!(
        err.contains("5 files read (5 articles, 7 quotations)"),
        "{err}"
    );
    assert!(err.contains(&index), "the summary names the index: {err}");
    assert_eq!(stdout(&first), "");

    let second = newsq_in(&dir, &args);
    expect_code(&second, 0);
    let err = stderr(&second);
    assert!(
        err.contains("0 files read (0 articles, 0 quotations), 5 unchanged"),
        "{err}"
    );

    // -q: no summary at all.
    let quiet = newsq_in(&dir, &[&args[..], &["-q"]].concat());
    expect_code(&quiet, 0);
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn index_uses_newsq_index_when_no_flag_is_given() {
    let dir = scratch("index-env");
    let (articles, _) = write_corpus(&dir);
    let out = newsq_in(
        &dir,
        &["index", "--memory", "20", "--threads", "1", &s(&articles)],
    );
    expect_code(&out, 0);
    assert!(dir.join("default-index").join("meta.json").exists());
    assert!(
        stderr(&out).contains(&s(&dir.join("default-index"))),
        "{}",
        stderr(&out)
    );
}

#[test]
fn index_prune_removes_vanished_files_and_counts_them() {
    let dir = scratch("index-prune");
    let index = indexed(&dir);
    let articles = dir.join("articles");
    std::fs::remove_file(articles.join("02-quell.txt")).expect("remove");
    let base = [
        "index",
        "--index",
        &index,
        "--memory",
        "20",
        "--threads",
        "1",
    ];
    let kept = newsq_in(&dir, &[&base[..], &[&s(&articles)]].concat());
    expect_code(&kept, 0);
    assert!(
        stderr(&kept).contains("4 unchanged, 0 pruned"),
        "{}",
        stderr(&kept)
    );
    let pruned = newsq_in(&dir, &[&base[..], &["--prune", &s(&articles)]].concat());
    expect_code(&pruned, 0);
    assert!(
        stderr(&pruned).contains("0 files read (0 articles, 0 quotations), 4 unchanged, 1 pruned"),
        "{}",
        stderr(&pruned)
    );
}

#[test]
fn index_of_an_incompatible_format_exits_2_and_says_how_to_rebuild() {
    let dir = scratch("index-format");
    let index = indexed(&dir);
    write(
        &Path::new(&index).join("newsq-format.json"),
        "{\"newsq_format\": 999}\n",
    );
    let out = newsq_in(
        &dir,
        &[
            "index",
            "--index",
            &index,
            "--memory",
            "20",
            "--threads",
            "1",
            &s(&dir.join("articles")),
        ],
    );
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("incompatible version of newsq"), "{err}");
    assert!(
        err.contains("delete the folder and run `newsq index` again"),
        "{err}"
    );
}

#[test]
fn index_of_a_missing_path_exits_2_naming_it() {
    let dir = scratch("index-missing");
    let (articles, _) = write_corpus(&dir);
    let missing = s(&dir.join("nope"));
    let out = newsq_in(
        &dir,
        &[
            "index",
            "--index",
            &s(&dir.join("index")),
            "--memory",
            "20",
            "--threads",
            "1",
            &missing,
            &s(&articles),
        ],
    );
    expect_code(&out, 2);
    assert!(stderr(&out).contains(&missing), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("5 files read"),
        "the rest is indexed: {}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------
// newsq search: output

#[test]
fn search_subcommand_runs_in_a_debug_build() {
    let dir = scratch("clap");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["ceasefire"]);
    assert_ne!(out.status.code(), Some(101), "{CLAP_BUG}: {}", stderr(&out));
    expect_code(&out, 0);
    let help = newsq_in(&dir, &["search", "--help"]);
    expect_code(&help, 0);
    assert!(stdout(&help).contains("--outlet"));
}

#[test]
fn json_prints_one_hit_object_per_line_then_a_summary() {
    let dir = scratch("json");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["negotiate", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "{}", stdout(&out));
    let found = hits(&lines);
    assert_eq!(found.len(), 2);
    for hit in &found {
        for field in [
            "score",
            "kind",
            "quote",
            "speaker",
            "outlet",
            "article",
            "title",
            "published",
            "url",
            "highlights",
        ] {
            assert!(hit.get(field).is_some(), "no {field} in {hit}");
        }
        assert!(hit["score"].as_f64().is_some_and(|s| s > 0.0), "{hit}");
        assert_eq!(hit["kind"], "quotation");
        let quote = hit["quote"].as_str().unwrap_or("");
        let words = marked(quote, &hit["highlights"]);
        assert_eq!(words.len(), 1, "{hit}");
        assert!(words[0].starts_with("negotiat"), "{words:?}");
    }
    let muller = found
        .iter()
        .find(|h| h["speaker"] == "Jonas Müller")
        .expect("Müller's hit");
    assert_eq!(
        muller["quote"],
        "We will negotiate until there is a ceasefire"
    );
    assert_eq!(muller["outlet"], "Selvik Courier");
    assert_eq!(muller["title"], "Chancellor meets Zelenskyy in Brennhof");
    assert_eq!(muller["published"], "2025-04-30");
    assert_eq!(muller["url"], "https://courier.example/muller");
    // The article as read (its file), and its key in the index (its URL,
    // from the sidecar).
    assert_eq!(muller["article"], "03-muller.txt");
    assert_eq!(muller["article_key"], "https://courier.example/muller");
    assert_eq!(muller["speaker_mention"], "Mr Müller");

    let summary = &lines[2];
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["total"], 2);
    assert_eq!(summary["shown"], 2);
    assert!(summary["elapsed_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
}

#[test]
fn human_output_shows_speaker_outlet_date_quote_and_headline() {
    let dir = scratch("human");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["ceasefire"]);
    expect_code(&out, 0);
    assert_eq!(
        stdout(&out),
        "Jonas Müller — Selvik Courier — 2025-04-30\n  \
         “We will negotiate until there is a ceasefire”\n  \
         Chancellor meets Zelenskyy in Brennhof\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn no_hit_exits_1_with_nothing_on_stdout_in_human_form() {
    let dir = scratch("none");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["lighthouse"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "");
    let out = search(&dir, &index, &["lighthouse", "--json"]);
    expect_code(&out, 1);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["type"], "summary");
    assert_eq!(lines[0]["total"], 0);
}

#[test]
fn count_prints_only_the_total() {
    let dir = scratch("count");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["red", "--count"]);
    expect_code(&out, 0);
    assert_eq!(stdout(&out), "2\n");
    let out = search(&dir, &index, &["red", "-c", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{}", stdout(&out));
    assert_eq!(lines[0]["type"], "summary");
    assert_eq!(lines[0]["total"], 2);
    let out = search(&dir, &index, &["lighthouse", "--count"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "0\n");
}

#[test]
fn bad_queries_exit_2_and_show_the_query_with_a_caret() {
    let dir = scratch("bad-query");
    let index = indexed(&dir);
    for (query, column, message) in [
        ("speaker:(", 9, "expected a name after 'speaker:'"),
        ("red \"unclosed", 4, "unclosed quote"),
        ("foo:bar", 0, "unknown field 'foo'"),
        ("red —", 4, "has no letters or digits"),
    ] {
        let out = search(&dir, &index, &[query]);
        expect_code(&out, 2);
        assert_eq!(stdout(&out), "", "{query}");
        let err = stderr(&out);
        assert!(err.contains("bad query"), "{query}: {err}");
        assert!(err.contains(message), "{query}: {err}");
        let lines: Vec<&str> = err.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.trim_start() == query)
            .unwrap_or_else(|| panic!("{query}: the query is not shown: {err}"));
        let indent = lines[at].len() - query.len();
        let caret = lines.get(at + 1).copied().unwrap_or("");
        assert_eq!(
            caret.find('^'),
            Some(indent + column),
            "{query}: caret misplaced:\n{err}"
        );
    }
}

#[test]
fn bad_date_flags_exit_2_naming_the_flag_and_the_problem() {
    let dir = scratch("bad-date");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["red", "--since", "2025-13"]);
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("--since 2025-13"), "{err}");
    assert!(err.contains("no month 13"), "{err}");
    let out = search(&dir, &index, &["red", "--until", "next week"]);
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("--until next week"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn a_missing_index_exits_2_and_says_how_to_build_one() {
    let dir = scratch("no-index");
    let out = search(&dir, &s(&dir.join("nothing-here")), &["red"]);
    expect_code(&out, 2);
    assert!(
        stderr(&out).contains("newsq index --index"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------
// newsq search: the query language and the flags

#[test]
fn words_phrases_operators_and_filters_in_the_query() {
    let dir = scratch("language");
    let index = indexed(&dir);
    for (query, expected) in [
        // Forms, case and diacritics.
        ("negotiate", 2),
        ("negotiations", 2),
        ("zelenskyy", 1),
        ("ZELENSKYY", 1),
        ("Müller", 2),
        ("muller", 2),
        // Phrases and words.
        ("\"red line\"", 1),
        ("red line", 2),
        ("\"line red\"", 0),
        // Operators.
        ("red -ink", 1),
        ("red NOT ink", 1),
        ("ceasefire OR dawn", 3),
        ("(ceasefire OR farmers) will", 2),
        // Filters.
        ("speaker:vance", 2),
        ("speaker:\"jonas müller\"", 2),
        ("speaker:\"muller jonas\"", 0),
        ("speaker:(quell OR vance)", 3),
        ("outlet:courier", 4),
        ("outlet:\"bay wire\"", 1),
        ("after:2025-05", 2),
        ("after:2025-05 before:2025-05-02", 1),
        ("before:2025-03-05", 2),
        ("", TOTAL),
    ] {
        assert_eq!(count(&dir, &index, &[query]), expected, "{query}");
    }
}

#[test]
fn speaker_outlet_since_until_flags() {
    let dir = scratch("flags");
    let index = indexed(&dir);
    assert_eq!(count(&dir, &index, &["", "--speaker", "quell"]), 1);
    // Repeated: alternatives.
    assert_eq!(
        count(
            &dir,
            &index,
            &["", "--speaker", "quell", "--speaker", "kalder"]
        ),
        3
    );
    assert_eq!(count(&dir, &index, &["", "--speaker", "Ines Kalder"]), 2);
    assert_eq!(count(&dir, &index, &["red", "--speaker", "vance"]), 1);
    assert_eq!(count(&dir, &index, &["", "--outlet", "bay wire"]), 1);
    assert_eq!(
        count(
            &dir,
            &index,
            &["", "--outlet", "bay wire", "--outlet", "Lowmarsh Ledger"]
        ),
        3
    );
    assert_eq!(count(&dir, &index, &["", "--since", "2025-05"]), 2);
    assert_eq!(count(&dir, &index, &["", "--since", "2025-05-02"]), 1);
    // --until takes in the whole of its period.
    assert_eq!(count(&dir, &index, &["", "--until", "2025-04"]), 5);
    assert_eq!(count(&dir, &index, &["", "--until", "2025-04-30"]), 5);
    assert_eq!(count(&dir, &index, &["", "--until", "2025-04-29"]), 3);
    assert_eq!(
        count(
            &dir,
            &index,
            &["", "--since", "2025-04", "--until", "2025-04"]
        ),
        2
    );
    assert_eq!(count(&dir, &index, &["", "--until", "2025"]), TOTAL);
}

#[test]
fn limit_shows_fewer_hits_and_says_how_many_there_are() {
    let dir = scratch("limit");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["", "--limit", "2"]);
    expect_code(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.matches('“').count(), 2, "{text}");
    assert!(
        text.trim_end()
            .ends_with("2 of 7 hits shown; --limit N shows more"),
        "{text}"
    );
    let out = search(&dir, &index, &["", "-n", "3", "--json"]);
    let lines = json_lines(&out);
    assert_eq!(hits(&lines).len(), 3);
    let summary = lines.last().expect("summary");
    assert_eq!(summary["shown"], 3);
    assert_eq!(summary["total"], TOTAL);
}

// ---------------------------------------------------------------------------
// newsq search: ranking, article hits, facets

#[test]
fn adjacent_words_rank_first_and_ties_go_newest_first() {
    let dir = scratch("ranking");
    let index = indexed(&dir);
    // Quell's short quotation says "red" three times, but Vance has the
    // words next to each other.
    let lines = json_lines(&search(&dir, &index, &["red line", "--json"]));
    let order: Vec<&str> = hits(&lines)
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(order, ["Aldo Vance", "Mara Quell"]);
    let lines = json_lines(&search(&dir, &index, &["(red line) OR zzyzx", "--json"]));
    let order: Vec<&str> = hits(&lines)
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(order, ["Mara Quell", "Aldo Vance"], "plain scores");

    // The same quotation in two articles: the newer first.
    let lines = json_lines(&search(&dir, &index, &["dawn", "--json"]));
    let found = hits(&lines);
    let dates: Vec<&str> = found
        .iter()
        .map(|h| h["published"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(dates, ["2025-05-02", "2025-05-01"]);
    assert_eq!(found[0]["score"], found[1]["score"]);
    assert_eq!(found[0]["outlet"], "Bay Wire");
}

#[test]
fn articles_flag_adds_article_hits_with_highlighted_snippets_after_quotations() {
    let dir = scratch("articles");
    let index = indexed(&dir);
    assert_eq!(count(&dir, &index, &["ferry"]), 0);
    let out = search(&dir, &index, &["ferry", "--articles", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let found = hits(&lines);
    assert_eq!(found.len(), 2, "{}", stdout(&out));
    for hit in &found {
        assert_eq!(hit["type"], "article");
        assert!(hit.get("quote").is_none(), "{hit}");
        let snippet = hit["snippet"].as_str().expect("snippet");
        let words = marked(snippet, &hit["highlights"]);
        if hit["outlet"] == "Bay Wire" {
            // Found by its headline alone ("… ferry strike"): the snippet is
            // the start of the body, with nothing to mark.
            assert!(words.is_empty(), "{hit}");
            assert!(snippet.starts_with("Union members returned"), "{hit}");
        } else {
            assert_eq!(words, ["ferry"], "{hit}");
        }
    }
    // Quotations with the word come before articles with it.
    let lines = json_lines(&search(&dir, &index, &["dawn", "--articles", "--json"]));
    let kinds: Vec<&str> = hits(&lines)
        .iter()
        .map(|h| h["kind"].as_str().or(h["type"].as_str()).unwrap_or("?"))
        .collect();
    assert_eq!(kinds, ["quotation", "quotation", "article", "article"]);
    // People see the article marked as such, with its snippet.
    let out = search(&dir, &index, &["ferry", "--articles"]);
    let text = stdout(&out);
    assert!(text.starts_with("article — "), "{text}");
    assert!(text.contains("ferry strike"), "{text}");
}

#[test]
fn facets_count_hits_by_speaker_and_outlet() {
    let dir = scratch("facets");
    let index = indexed(&dir);
    let out = search(
        &dir,
        &index,
        &[
            "", "--facet", "speaker", "--facet", "outlet", "--json", "-n", "1",
        ],
    );
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let facets: Vec<&Value> = lines.iter().filter(|v| v["type"] == "facet").collect();
    assert_eq!(facets.len(), 2);
    let pairs = |facet: &Value| -> Vec<(String, u64)> {
        facet["counts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        (
                            c["value"].as_str().unwrap_or("?").to_string(),
                            c["count"].as_u64().unwrap_or(0),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(facets[0]["field"], "speaker");
    assert_eq!(
        pairs(facets[0]),
        [
            ("Aldo Vance".to_string(), 2),
            ("Ines Kalder".to_string(), 2),
            ("Jonas Müller".to_string(), 2),
            ("Mara Quell".to_string(), 1),
        ]
    );
    assert_eq!(facets[0]["missing"], 0);
    assert_eq!(facets[1]["field"], "outlet");
    assert_eq!(
        pairs(facets[1]),
        [
            ("Selvik Courier".to_string(), 4),
            ("Lowmarsh Ledger".to_string(), 2),
            ("Bay Wire".to_string(), 1),
        ]
    );
    assert_eq!(
        lines.last().map(|l| &l["type"]),
        Some(&Value::from("summary"))
    );

    let out = search(&dir, &index, &["red", "--facet", "speaker"]);
    let text = stdout(&out);
    assert!(
        text.contains("hits by speaker:\n      1  Aldo Vance\n      1  Mara Quell\n"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------
// newsq search: colour

#[test]
fn colour_only_when_asked_and_never_in_json() {
    let dir = scratch("colour");
    let index = indexed(&dir);
    // Not a terminal: no colour by default, nor when told never.
    for args in [&["negotiate"][..], &["negotiate", "--color", "never"]] {
        let out = search(&dir, &index, args);
        expect_code(&out, 0);
        assert!(!stdout(&out).contains('\x1b'), "{args:?}");
    }
    let out = search(&dir, &index, &["negotiate", "--color", "always"]);
    let text = stdout(&out);
    assert!(text.contains("\x1b[1mAldo Vance\x1b[0m"), "{text:?}");
    assert!(text.contains("\x1b[1;31mnegotiations\x1b[0m"), "{text:?}");
    assert!(text.contains("\x1b[1;31mnegotiate\x1b[0m"), "{text:?}");
    // NO_COLOR with auto.
    let mut all = vec![
        "search",
        "--index",
        index.as_str(),
        "negotiate",
        "--color",
        "auto",
    ];
    let out = newsq_env(&dir, &all, &[("NO_COLOR", "1")], &[]);
    expect_code(&out, 0);
    assert!(!stdout(&out).contains('\x1b'));
    // JSON is never coloured.
    all.truncate(4);
    all.extend(["--json", "--color", "always"]);
    let out = newsq_env(&dir, &all, &[], &[]);
    expect_code(&out, 0);
    assert!(!stdout(&out).contains('\x1b'));
}

// ---------------------------------------------------------------------------
// newsq search QUERY PATH: the cached index

#[test]
fn searching_a_folder_keeps_a_cached_index_up_to_date() {
    let dir = scratch("cache");
    let articles = dir.join("articles");
    write(
        &articles.join("lighthouse.txt"),
        "Storm on Varn\n\n“The lighthouse stood through the night,” Mayor Oren Dahl said.\n",
    );
    write(&articles.join("ferry.txt"), KALDER);
    let folder = s(&articles);
    // No --index and no NEWSQ_INDEX: the cache under NEWSQ_CACHE is used.
    let run = |args: &[&str]| newsq_env(&dir, args, &[], &["NEWSQ_INDEX"]);

    let out = run(&["search", "lighthouse", &folder, "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(hits(&lines).len(), 1);
    assert_eq!(hits(&lines)[0]["speaker"], "Oren Dahl");
    let caches: Vec<PathBuf> = std::fs::read_dir(dir.join("cache"))
        .expect("a cache under NEWSQ_CACHE")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
    assert!(caches[0].join("meta.json").exists());
    assert!(!dir.join("home").exists() && !dir.join("xdg-cache").exists());

    // Again: same answer, same cache.
    let out = run(&["search", "lighthouse", &folder, "--count"]);
    expect_code(&out, 0);
    assert_eq!(stdout(&out), "1\n");

    // A changed file: its new quotation is found, its old one is gone.
    write(
        &articles.join("lighthouse.txt"),
        "Storm on Varn\n\n“The old pier on Varn was washed away before morning,” Mayor Oren Dahl said.\n",
    );
    let out = run(&["search", "pier", &folder, "--count"]);
    expect_code(&out, 0);
    assert_eq!(stdout(&out), "1\n");
    let out = run(&["search", "lighthouse", &folder, "--count"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "0\n");

    // A deleted file: its hits disappear.
    assert_eq!(stdout(&run(&["search", "crossing", &folder, "-c"])), "1\n");
    std::fs::remove_file(articles.join("ferry.txt")).expect("remove");
    let out = run(&["search", "crossing", &folder, "-c"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "0\n");
    assert_eq!(
        std::fs::read_dir(dir.join("cache")).map(|d| d.count()).ok(),
        Some(1),
        "still one cache for this folder"
    );
}

#[test]
fn searching_a_folder_searches_only_that_folder_even_with_newsq_index_set() {
    let dir = scratch("cache-vs-index");
    let main_index = indexed(&dir);
    let other = dir.join("other");
    write(
        &other.join("lighthouse.txt"),
        "Storm on Varn\n\n“The lighthouse stood through the night,” Mayor Oren Dahl said.\n",
    );
    let run = |args: &[&str]| newsq_env(&dir, args, &[("NEWSQ_INDEX", &main_index)], &[]);
    let before = stdout(&run(&["search", "", "--count"]));
    assert_eq!(before, format!("{TOTAL}\n"));

    // Only the folder's one quotation...
    let out = run(&["search", "", &s(&other), "--count"]);
    assert_eq!(stdout(&out), "1\n", "{}", stderr(&out));
    // ...and the user's index is left as it was.
    assert_eq!(stdout(&run(&["search", "", "--count"])), before);
}

// ---------------------------------------------------------------------------
// Completions and man page

#[test]
fn completions_and_man_page() {
    let dir = scratch("completions");
    let out = newsq_in(&dir, &["completions", "bash"]);
    expect_code(&out, 0);
    let script = stdout(&out);
    assert!(script.contains("newsq"), "{script}");
    assert!(script.contains("--speaker"), "search flags are completed");
    let out = newsq_in(&dir, &["man"]);
    expect_code(&out, 0);
    let page = stdout(&out);
    assert!(page.starts_with(".TH") || page.starts_with(".ie"), "{page}");
    assert!(page.contains("newsq"));
}
