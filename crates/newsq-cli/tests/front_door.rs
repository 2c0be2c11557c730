//! What a newcomer meets first: one meaning per flag, settings that apply,
//! refusals that say what to do, and zero results that say why.

mod common;

use common::*;
use std::path::Path;

const VARGA: &str = "Harbour to reopen in spring\n\n\
Port Averill mayor Ilona Varga said on Monday that the harbour would reopen in March.\n\n\
“We will not wait another winter for the harbour,” Ms Varga said.\n\n\
“The fishermen have waited long enough,” she added.\n";

const OSTRAND: &str = "Ferry talks resume\n\n\
“The ferry will run again before the summer,” union leader Pieter Ostrand said on Tuesday.\n\n\
Ostrand said the harbour board had agreed to meet the crews.\n";

const META: &str = "filename\tpublisher\tpublication_date\n\
varga.txt\tThe Averill Echo\t2026-03-02\n\
ostrand.txt\tCoastal Wire\t2026-03-03\n";

/// Two articles in `dir/articles`, their sidecar in `dir/meta.tsv`, indexed
/// into `dir/index`.
fn indexed(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    write(&dir.join("articles/varga.txt"), VARGA);
    write(&dir.join("articles/ostrand.txt"), OSTRAND);
    write(&dir.join("meta.tsv"), META);
    index_quietly(
        &dir,
        &s(&dir.join("index")),
        &[
            "--meta",
            &s(&dir.join("meta.tsv")),
            &s(&dir.join("articles")),
        ],
    );
    dir
}

fn index_of(dir: &Path) -> String {
    s(&dir.join("index"))
}

#[test]
fn a_mistyped_flag_before_the_query_gets_did_you_mean_not_a_missing_file() {
    let dir = indexed("typo");
    let out = newsq_in(&dir, &["search", "--speakr", "varga", "harbour"]);
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("unexpected argument '--speakr'"), "{err}");
    assert!(err.contains("'--speaker'"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
    // A query that starts with '-' goes after `--`.
    let out = newsq_in(
        &dir,
        &[
            "search",
            "--index",
            &index_of(&dir),
            "--",
            "-winter harbour",
        ],
    );
    expect_code(&out, 0);
    assert!(stdout(&out).contains("harbour"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("winter"), "{}", stdout(&out));
}

#[test]
fn outlet_filters_everywhere_and_set_outlet_sets_it() {
    let dir = indexed("outlet-flags");
    let articles = s(&dir.join("articles"));
    let out = newsq_in(
        &dir,
        &[
            "index",
            "--index",
            &index_of(&dir),
            "--outlet",
            "X",
            &articles,
        ],
    );
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "newsq: --outlet filters `newsq search` and `newsq trail`; to set the outlet of the articles read, use --set-outlet \"X\"\n"
    );
    let out = newsq_in(&dir, &["extract", "--outlet", "X", &articles]);
    expect_code(&out, 2);
    // --set-outlet is a read setting: the files are read again with it.
    let out = newsq_in(
        &dir,
        &[
            "index",
            "--index",
            &index_of(&dir),
            "--set-outlet",
            "Harbour Radio",
            &articles,
        ],
    );
    expect_code(&out, 0);
    assert!(
        stderr(&out).starts_with("newsq: 2 files read"),
        "{}",
        stderr(&out)
    );
    let out = search(
        &dir,
        &index_of(&dir),
        &["harbour", "--outlet", "harbour radio", "-c"],
    );
    expect_code(&out, 0);
    assert_ne!(stdout(&out).trim(), "0");
}

#[test]
fn a_changed_meta_row_reads_that_file_again_and_only_that_one() {
    let dir = indexed("meta-change");
    let changed = META.replace("Coastal Wire", "Northern Wire");
    write(&dir.join("meta.tsv"), &changed);
    let args = [
        "index",
        "--index",
        &index_of(&dir),
        "--meta",
        &s(&dir.join("meta.tsv")),
        &s(&dir.join("articles")),
    ];
    let out = newsq_in(&dir, &args);
    expect_code(&out, 0);
    assert!(
        stderr(&out).starts_with("newsq: 1 file read (1 article"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(", 1 unchanged,"), "{}", stderr(&out));
    let out = newsq_in(&dir, &["outlets", "--index", &index_of(&dir)]);
    assert!(stdout(&out).contains("Northern Wire"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Coastal Wire"), "{}", stdout(&out));
    // Unchanged settings: nothing is read.
    let out = newsq_in(&dir, &args);
    assert!(
        stderr(&out).starts_with("newsq: 0 files read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn aliases_are_said_to_apply_to_every_search_from_now_on() {
    let dir = indexed("aliases");
    write(
        &dir.join("aliases.toml"),
        "[[speaker]]\nname = \"Ilona Varga\"\nspellings = [\"Mayor Varga\"]\n",
    );
    let out = newsq_in(
        &dir,
        &[
            "index",
            "--index",
            &index_of(&dir),
            "--aliases",
            &s(&dir.join("aliases.toml")),
        ],
    );
    expect_code(&out, 0);
    assert!(
        stderr(&out).contains("every search applies them from now on"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_search_never_adds_files_to_an_index_silently() {
    let dir = indexed("refusals");
    let articles = s(&dir.join("articles"));
    let index = index_of(&dir);
    // An index built by `newsq index`, with PATHs.
    let out = newsq_in(&dir, &["search", "harbour", "--index", &index, &articles]);
    expect_code(&out, 2);
    assert!(
        stderr(&out).contains("an index built by `newsq index`; a search does not add files to it"),
        "{}",
        stderr(&out)
    );
    // An index folder as PATH.
    let out = newsq_in(&dir, &["search", "harbour", &index]);
    expect_code(&out, 2);
    assert!(
        stderr(&out).contains("a newsq index, not articles"),
        "{}",
        stderr(&out)
    );
    // An article folder as --index, for searching and for indexing.
    for args in [
        vec!["search", "harbour", "--index", articles.as_str()],
        vec!["index", "--index", articles.as_str(), articles.as_str()],
        vec!["speakers", "--index", articles.as_str()],
    ] {
        let out = newsq_in(&dir, &args);
        expect_code(&out, 2);
        assert!(
            stderr(&out).contains("not a newsq index (the folder holds other files)"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A folder search's own index, named with --index, is used again; the
    // same folder for other paths is refused.
    let own = s(&dir.join("own"));
    for _ in 0..2 {
        let out = newsq_in(
            &dir,
            &["search", "-q", "harbour", "--index", &own, &articles],
        );
        expect_code(&out, 0);
    }
    let out = newsq_in(
        &dir,
        &[
            "search",
            "harbour",
            "--index",
            &own,
            &s(&dir.join("articles/varga.txt")),
        ],
    );
    expect_code(&out, 2);
    assert!(
        stderr(&out).contains("the cached index of a search of other paths"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn n_0_shows_everything_in_every_listing() {
    let dir = indexed("n0");
    let index = index_of(&dir);
    let total: usize = stdout(&search(&dir, &index, &["", "-c"]))
        .trim()
        .parse()
        .expect("count");
    assert!(total > 3, "{total}");
    let all = json_lines(&search(&dir, &index, &["", "-n", "0", "--json"]));
    assert_eq!(hits(&all).len(), total);
    let shown = json_lines(&search(&dir, &index, &["", "-n", "2", "--json"]));
    assert_eq!(hits(&shown).len(), 2);
    let trail = newsq_in(
        &dir,
        &["trail", "--index", &index, "harbour", "-n", "0", "--json"],
    );
    expect_code(&trail, 0);
    let speakers = newsq_in(&dir, &["speakers", "--index", &index, "-n", "0"]);
    assert!(
        stdout(&speakers).contains("Ilona Varga") && stdout(&speakers).contains("Pieter Ostrand")
    );
}

#[test]
fn quiet_drops_the_summary_and_notes_but_not_the_results() {
    let dir = indexed("quiet");
    let index = index_of(&dir);
    let loud = search(&dir, &index, &["", "-n", "1"]);
    assert!(stdout(&loud).contains("hits shown"), "{}", stdout(&loud));
    let quiet = search(&dir, &index, &["", "-n", "1", "-q"]);
    expect_code(&quiet, 0);
    assert!(!stdout(&quiet).contains("hits shown"));
    assert!(!stdout(&quiet).is_empty());
    let out = search(&dir, &index, &["harbour", "--speaker", "nobody", "-q"]);
    assert_eq!(stderr(&out), "");
    let out = newsq_in(&dir, &["extract", "-q", &s(&dir.join("articles"))]);
    expect_code(&out, 0);
    assert_eq!(stderr(&out), "");
    assert!(stdout(&out).contains("Varga"));
}

#[test]
fn zero_results_say_why_when_newsq_can_tell() {
    let dir = indexed("why");
    let index = index_of(&dir);
    let out = search(&dir, &index, &["ostrand"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains(
            "\"ostrand\" is searched as a word; for statements by Pieter Ostrand, did you mean --speaker ostrand?"
        ),
        "{}",
        stderr(&out)
    );
    let out = search(&dir, &index, &["harb*"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("newsq has no wildcards"),
        "{}",
        stderr(&out)
    );
    let out = search(&dir, &index, &["harbour", "--since", "2027"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("outside those dates"),
        "{}",
        stderr(&out)
    );
    // A date filter over undated articles.
    let undated = s(&dir.join("undated"));
    index_quietly(&dir, &undated, &[&s(&dir.join("articles"))]);
    let out = search(&dir, &undated, &["harbour", "--until", "2026"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("in articles without a date, which --since and --until never keep"),
        "{}",
        stderr(&out)
    );
    // A date before what the index can hold is the range's end, not a crash.
    let out = search(&dir, &index, &["harbour", "--since", "1000", "-c"]);
    expect_code(&out, 0);
    let out = newsq_in(&dir, &["speakers", "--index", &index, "ostrant"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("did you mean Pieter Ostrand?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn cache_lists_and_cleans_the_indexes_of_folder_searches() {
    let dir = indexed("cache");
    let articles = s(&dir.join("articles"));
    let out = newsq_in(&dir, &["cache"]);
    expect_code(&out, 1);
    expect_code(&newsq_in(&dir, &["search", "-q", "harbour", &articles]), 0);
    let out = newsq_in(&dir, &["cache", "--json"]);
    expect_code(&out, 0);
    let listed = json_lines(&out);
    assert_eq!(listed.len(), 1);
    let canonical = std::fs::canonicalize(dir.join("articles")).expect("canonical");
    assert_eq!(listed[0]["paths"][0], s(&canonical));
    assert!(listed[0]["bytes"].as_u64().unwrap_or(0) > 0);
    let out = newsq_in(&dir, &["cache", "clean", &articles]);
    expect_code(&out, 0);
    assert!(
        stderr(&out).starts_with("newsq: removed 1 cached index"),
        "{}",
        stderr(&out)
    );
    expect_code(&newsq_in(&dir, &["cache"]), 1);
    let out = newsq_in(&dir, &["cache", "clean", &articles]);
    expect_code(&out, 2);
}

#[test]
fn every_subcommand_has_a_man_page() {
    let dir = scratch("man");
    let out = newsq_in(&dir, &["man", "search"]);
    expect_code(&out, 0);
    assert!(
        stdout(&out).contains(".TH newsq-search 1"),
        "{}",
        stdout(&out)
    );
    let top = stdout(&newsq_in(&dir, &["man"]));
    let pages = dir.join("pages");
    expect_code(&newsq_in(&dir, &["man", "--dir", &s(&pages)]), 0);
    for sub in [
        "extract", "index", "search", "trail", "speakers", "outlets", "export", "push", "cache",
    ] {
        assert!(
            top.contains(&format!("newsq\\-{sub}(1)")),
            "{sub} not in newsq(1)"
        );
        assert!(
            pages.join(format!("newsq-{sub}.1")).is_file(),
            "newsq-{sub}.1"
        );
    }
    expect_code(&newsq_in(&dir, &["man", "serach"]), 2);
}

#[test]
fn help_says_what_newsq_is_for_and_how_to_start() {
    let dir = scratch("help");
    let out = newsq_in(&dir, &["--help"]);
    expect_code(&out, 0);
    let help = stdout(&out);
    assert!(
        help.starts_with("Who said what, where, and in which words"),
        "{help}"
    );
    assert!(
        help.contains("newsq search \"red line\" ARTICLES"),
        "{help}"
    );
    assert!(
        help.contains("Exit status: 0 when something was found, 1 when nothing was, 2 on an error"),
        "{help}"
    );
}
