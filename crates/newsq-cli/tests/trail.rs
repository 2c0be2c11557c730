//! `newsq trail` and `newsq search --group` as a user runs them, on the
//! invented articles of newsq-query's trail fixtures.

mod common;

use std::path::{Path, PathBuf};

use common::{expect_code, hits, json_lines, newsq_in, s, scratch, search, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../newsq-query/tests/fixtures/trail")
}

/// Index the fixtures into `dir/index`; returns the index path.
fn indexed(dir: &Path) -> String {
    let index = s(&dir.join("index"));
    let meta = s(&fixtures().join("meta.tsv"));
    let out = newsq_in(
        dir,
        &[
            "index",
            "-q",
            "--index",
            &index,
            "--meta",
            &meta,
            &s(&fixtures()),
        ],
    );
    expect_code(&out, 0);
    index
}

fn trail(dir: &Path, index: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["trail", "--index", index, "--color", "never"];
    all.extend_from_slice(args);
    newsq_in(dir, &all)
}

#[test]
fn trail_lists_every_version_earliest_first_and_marks_the_changed_words() {
    let dir = scratch("trail-human");
    let index = indexed(&dir);
    let out = trail(&dir, &index, &["remove the root causes"]);
    expect_code(&out, 0);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Ilya Dorogov — 3 articles — 3 outlets — wording differs"
    );
    assert_eq!(lines[1], "  “this dispute” in 2 / “the quarrel” in 1");
    let places: Vec<&str> = lines
        .iter()
        .filter(|l| l.len() > 4 && l.starts_with("  ") && l.as_bytes()[2].is_ascii_digit())
        .copied()
        .collect();
    // The statement Meridian Wire reports in its own words is listed,
    // tagged, and compared with nothing.
    assert_eq!(
        places,
        [
            "  1. Meridian Wire — 2026-03-02 — Ilya Dorogov  [reported]",
            "  2. Meridian Wire — 2026-03-02 — Ilya Dorogov  [part]",
            "  3. The Coastal Courier — 2026-03-02 — Ilya Dorogov  [reference]",
            "  4. Northgate Post — 2026-03-03 — Dorogov  [differs]",
        ]
    );
    assert!(
        text.contains(
            "\n     the main aim was still “to remove the root causes of this dispute”\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("“the main task for us is to remove the root causes of [-this dispute-]{+the quarrel+}”"),
        "{text}"
    );
    // The fragment of the day before is its own statement.
    let out = trail(&dir, &index, &["root causes"]);
    let text = stdout(&out);
    assert!(
        text.contains("Ilya Dorogov — 1 article — 1 outlet\n"),
        "{text}"
    );
    assert!(
        text.contains("2 statements from 5 matching statements"),
        "{text}"
    );
}

#[test]
fn trail_json_has_one_group_per_line_with_members_edits_and_variants() {
    let dir = scratch("trail-json");
    let index = indexed(&dir);
    let out = trail(&dir, &index, &["nobody else could know", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    let group = &lines[0];
    assert_eq!(group["type"], "group");
    assert_eq!(group["speaker"], "Harlan Brooke");
    assert_eq!(group["articles"], 3);
    // Two reported versions beside three quotations do not make it differ.
    assert_eq!(group["differs"], false);
    let members = group["members"].as_array().expect("members");
    assert_eq!(members.len(), 5);
    let kinds: Vec<&str> = members.iter().filter_map(|m| m["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "reported",
            "quotation",
            "quotation",
            "reported",
            "quotation"
        ]
    );
    // The id of a version, which opens the same trail.
    assert!(members.iter().any(|m| m["id"] == group["id"]));
    assert_eq!(members[0]["published"], "2026-03-02");
    assert_eq!(members[4]["outlet"], "Northgate Post");
    assert_eq!(lines[1]["type"], "summary");
    assert_eq!(lines[1]["groups"], 1);
}

#[test]
fn trail_finds_nothing_with_exit_1_and_says_when_an_id_is_unknown() {
    let dir = scratch("trail-none");
    let index = indexed(&dir);
    let out = trail(&dir, &index, &["unicorns"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "");
    let out = trail(&dir, &index, &["00000000000000ff"]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("no quotation has the id 00000000000000ff"),
        "{}",
        stderr(&out)
    );
    let out = trail(&dir, &index, &["\"unbalanced"]);
    expect_code(&out, 2);
    assert!(stderr(&out).contains("bad query"), "{}", stderr(&out));
}

#[test]
fn search_group_folds_versions_and_its_id_opens_the_trail() {
    let dir = scratch("search-group");
    let index = indexed(&dir);
    let out = search(
        &dir,
        &index,
        &["nobody else", "--group", "--color", "never"],
    );
    expect_code(&out, 0);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("carried by"))
        .expect("a group line");
    let prefix = "  carried by 3 outlets (Meridian Wire, The Coastal Courier, Northgate Post) in 3 articles — newsq trail ";
    assert!(line.starts_with(prefix), "{line}");
    assert!(text.contains("1 hit from 5 matching statements"), "{text}");

    let out = search(&dir, &index, &["nobody else", "--group", "--json"]);
    let lines = json_lines(&out);
    let found = hits(&lines);
    assert_eq!(found.len(), 1);
    let id = found[0]["group"]["id"].as_str().expect("group id");
    assert_eq!(id, &line[prefix.len()..]);
    assert_eq!(found[0]["group"]["articles"], 3);

    let out = trail(&dir, &index, &[id, "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(lines[0]["id"], id);
    assert_eq!(lines[0]["members"].as_array().map(Vec::len), Some(5));
}

#[test]
fn trail_colours_changed_words_only_when_asked() {
    let dir = scratch("trail-colour");
    let index = indexed(&dir);
    let out = newsq_in(
        &dir,
        &[
            "trail",
            "--index",
            &index,
            "--color",
            "always",
            "root causes of the quarrel",
        ],
    );
    expect_code(&out, 0);
    assert!(stdout(&out).contains("\x1b[31m[-this dispute-]\x1b[0m\x1b[32m{+the quarrel+}\x1b[0m"));
    let plain = trail(&dir, &index, &["root causes of the quarrel"]);
    assert!(!stdout(&plain).contains('\x1b'));
}
