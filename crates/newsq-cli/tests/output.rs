//! What newsq prints, as scripts and people rely on it: one JSON schema for
//! a statement in `extract`, `search` and `trail`; trail ids that survive
//! indexing the same articles again; articles of no known outlet shown by
//! their file, never as an outlet; and a closed pipe that is not an error.
//!
//! The articles are ours: examples/articles, and the invented ones below.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{expect_code, json_lines, newsq_command, newsq_in, s, scratch, stderr, stdout, write};
use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Every field of a statement, in every command (docs/json.md).
const STATEMENT_FIELDS: &[&str] = &[
    "type",
    "id",
    "kind",
    "quote",
    "speaker",
    "speaker_entity",
    "speaker_mention",
    "speaker_from",
    "cue",
    "context",
    "start",
    "end",
    "contains",
    "article",
    "article_key",
    "outlet",
    "outlet_entity",
    "title",
    "published",
    "url",
    "path",
    "line",
];

/// Resolved across an index: `null` in `newsq extract`.
const ENTITY_FIELDS: &[&str] = &["speaker_entity", "outlet_entity"];

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

fn statement_keys_with(extra: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = STATEMENT_FIELDS
        .iter()
        .chain(extra)
        .map(|k| k.to_string())
        .collect();
    keys.sort();
    keys
}

/// The examples, indexed with their sidecar; returns the index path.
fn indexed_examples(dir: &Path) -> String {
    let index = s(&dir.join("index"));
    let meta = s(&examples().join("meta.tsv"));
    let articles = s(&examples().join("articles"));
    expect_code(
        &newsq_in(
            dir,
            &["index", "-q", "--index", &index, "--meta", &meta, &articles],
        ),
        0,
    );
    index
}

#[test]
fn a_statement_has_the_same_fields_and_values_in_extract_search_and_trail() {
    let dir = scratch("one-schema");
    let index = indexed_examples(&dir);
    let meta = s(&examples().join("meta.tsv"));
    let articles = s(&examples().join("articles"));

    let out = newsq_in(&dir, &["extract", "--json", "--meta", &meta, &articles]);
    expect_code(&out, 0);
    let extracted = json_lines(&out);
    let out = newsq_in(
        &dir,
        &["search", "--index", &index, "--json", "", "-n", "1000"],
    );
    expect_code(&out, 0);
    let searched = json_lines(&out);
    let out = newsq_in(
        &dir,
        &["trail", "--index", &index, "--json", "", "-n", "1000"],
    );
    expect_code(&out, 0);
    let trailed = json_lines(&out);

    // Every line says what it is.
    for line in extracted.iter().chain(&searched).chain(&trailed) {
        assert!(line["type"].is_string(), "{line}");
    }
    let hits: HashMap<&str, &Value> = searched
        .iter()
        .filter(|l| l["type"] == "statement")
        .map(|l| (l["id"].as_str().unwrap_or(""), l))
        .collect();
    let members: HashMap<&str, &Value> = trailed
        .iter()
        .filter(|l| l["type"] == "group")
        .flat_map(|g| g["members"].as_array().into_iter().flatten())
        .map(|m| (m["id"].as_str().unwrap_or(""), m))
        .collect();
    assert!(extracted.len() > 100, "{}", extracted.len());
    assert_eq!(hits.len(), extracted.len());
    assert_eq!(members.len(), extracted.len());

    let mut reported_with_quotations = 0;
    for statement in &extracted {
        assert_eq!(keys(statement), statement_keys_with(&[]), "{statement}");
        assert_eq!(statement["type"], "statement");
        let id = statement["id"].as_str().expect("an id");
        let hit = hits.get(id).unwrap_or_else(|| panic!("no hit {id}"));
        let member = members.get(id).unwrap_or_else(|| panic!("no member {id}"));
        assert_eq!(
            keys(hit),
            statement_keys_with(&["score", "highlights", "group"])
        );
        assert_eq!(
            keys(member),
            statement_keys_with(&["partial", "differs", "edits"])
        );
        for &field in STATEMENT_FIELDS {
            if ENTITY_FIELDS.contains(&field) {
                assert_eq!(statement[field], Value::Null, "{field}: {statement}");
                assert_eq!(hit[field], member[field], "{field}: {hit}\n{member}");
            } else {
                assert_eq!(statement[field], hit[field], "{field}: {statement}\n{hit}");
                assert_eq!(
                    statement[field], member[field],
                    "{field}: {statement}\n{member}"
                );
            }
        }
        // The article's key, the same in all three; a reported statement's
        // quotations by their ids, which are statements too.
        assert!(statement["article"].as_str().is_some_and(|a| !a.is_empty()));
        assert!(statement["article_key"]
            .as_str()
            .is_some_and(|a| !a.is_empty()));
        for inner in statement["contains"].as_array().into_iter().flatten() {
            assert!(hits.contains_key(inner.as_str().unwrap_or("")), "{inner}");
            reported_with_quotations += 1;
        }
    }
    assert!(reported_with_quotations > 0);

    // Known where the sidecar names the outlet; the JSON Lines article has
    // its line, the others none.
    let echo = extracted
        .iter()
        .find(|l| {
            l["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("council-delays-old-harbour-vote.txt"))
        })
        .expect("a statement of the Echo's article");
    assert_eq!(echo["outlet"], "Port Averill Echo");
    assert_eq!(echo["published"], "2025-04-08");
    assert_eq!(echo["line"], Value::Null);
    let jsonl = extracted
        .iter()
        .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(".jsonl")))
        .expect("a statement of the JSON Lines file");
    assert!(jsonl["line"].as_u64().is_some(), "{jsonl}");
}

#[test]
fn every_other_line_type_has_all_its_documented_fields() {
    let dir = scratch("line-types");
    let index = indexed_examples(&dir);
    let lines = |args: &[&str]| {
        let mut all = vec![args[0], "--index", &index, "--json"];
        all.extend_from_slice(&args[1..]);
        let out = newsq_in(&dir, &all);
        json_lines(&out)
    };
    let expect = |line: &Value, fields: &[&str]| {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        assert_eq!(keys(line), fields, "{line}");
    };
    for line in lines(&["speakers"]) {
        assert_eq!(line["type"], "speaker");
        expect(
            &line,
            &[
                "type",
                "name",
                "quotations",
                "reported",
                "spellings",
                "outlets",
                "may_be",
            ],
        );
    }
    for line in lines(&["outlets"]) {
        assert_eq!(line["type"], "outlet");
        expect(
            &line,
            &[
                "type",
                "name",
                "articles",
                "quotations",
                "reported",
                "spellings",
            ],
        );
    }
    // Every line type of a search: one that finds statements and articles,
    // and one with a misspelt speaker.
    let mut searched = lines(&["search", "fishermen", "--facet", "outlet", "--articles"]);
    searched.extend(lines(&["search", "harbour", "--speaker", "brannign"]));
    for line in &searched {
        match line["type"].as_str() {
            Some("statement") => {}
            Some("article") => expect(
                line,
                &[
                    "type",
                    "article",
                    "article_key",
                    "outlet",
                    "outlet_entity",
                    "title",
                    "published",
                    "url",
                    "path",
                    "line",
                    "score",
                    "snippet",
                    "highlights",
                ],
            ),
            Some("facet") => expect(line, &["type", "field", "counts", "missing"]),
            Some("name") => {
                expect(line, &["type", "kind", "query", "matches", "suggestions"]);
                assert_eq!(
                    line["suggestions"],
                    serde_json::json!(["Colette Brannigan"])
                );
            }
            Some("summary") => expect(line, &["type", "total", "shown", "elapsed_ms"]),
            _ => panic!("{line}"),
        }
    }
    for line_type in ["statement", "article", "facet", "name", "summary"] {
        assert!(
            searched.iter().any(|l| l["type"] == line_type),
            "{line_type}"
        );
    }
    let trailed = lines(&["trail", "turbines neighbour run out of patience"]);
    expect(
        &trailed[0],
        &[
            "type",
            "id",
            "speaker",
            "articles",
            "outlets",
            "articles_without_outlet",
            "reference",
            "differs",
            "variants",
            "complete",
            "members",
        ],
    );
    expect(&trailed[1], &["type", "matched", "groups", "elapsed_ms"]);
}

// ---------------------------------------------------------------------------
// One statement in three invented articles: two plain-text files without an
// outlet or a date of their own, and a JSON article with both.

const QUAY: &str = "The new quay will be finished before the autumn storms reach the bay";

fn plain(headline: &str) -> String {
    format!(
        "{headline}\n\nThe harbour board met in Selvik on Tuesday.\n\n\
         “{QUAY},” harbour master Ines Kalder said.\n"
    )
}

/// `dir/articles/{a.json, b.txt, c.txt}`.
fn quay_articles(dir: &Path) -> PathBuf {
    let folder = dir.join("articles");
    let json = serde_json::json!({
        "title": "Quay to open before the storms",
        "maintext": format!("Work on the harbour continued on Wednesday.\n\n“{QUAY},” harbour master Ines Kalder told the Selvik Courier."),
        "date_publish": "2025-05-02",
        "source_domain": "Selvik Courier",
    });
    write(&folder.join("a.json"), &json.to_string());
    write(&folder.join("b.txt"), &plain("Harbour board backs quay"));
    write(
        &folder.join("c.txt"),
        &plain("Quay on schedule, says harbour master"),
    );
    folder
}

fn trail_json(dir: &Path, index: &str) -> Value {
    let out = newsq_in(dir, &["trail", "--index", index, "--json", "autumn storms"]);
    expect_code(&out, 0);
    json_lines(&out)
        .into_iter()
        .find(|l| l["type"] == "group")
        .expect("a group")
}

#[test]
fn trail_ids_stay_the_same_when_the_articles_are_indexed_again_with_a_sidecar() {
    let dir = scratch("stable-ids");
    let folder = quay_articles(&dir);
    let plain_index = s(&dir.join("plain"));
    expect_code(
        &newsq_in(&dir, &["index", "-q", "--index", &plain_index, &s(&folder)]),
        0,
    );
    let before = trail_json(&dir, &plain_index);

    // The same files, now with an outlet and an earlier date for b.txt.
    let meta = dir.join("meta.tsv");
    write(
        &meta,
        "filename\tpublisher\tpublication_date\nb.txt\tBay Wire\t2025-05-01\n",
    );
    let meta_index = s(&dir.join("with-meta"));
    expect_code(
        &newsq_in(
            &dir,
            &[
                "index",
                "-q",
                "--index",
                &meta_index,
                "--meta",
                &s(&meta),
                &s(&folder),
            ],
        ),
        0,
    );
    let after = trail_json(&dir, &meta_index);

    let first_path = |group: &Value| group["members"][0]["path"].as_str().map(str::to_string);
    // The earliest version is another one now…
    assert!(first_path(&before).is_some_and(|p| p.ends_with("a.json")));
    assert!(first_path(&after).is_some_and(|p| p.ends_with("b.txt")));
    // …yet the group and every version keep their ids.
    assert_eq!(before["articles"], 3);
    assert_eq!(before["id"], after["id"]);
    let ids = |group: &Value| {
        let mut ids: Vec<String> = group["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["id"].as_str().map(str::to_string))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&before), ids(&after));
    // And the id opens the same trail in either index.
    let id = before["id"].as_str().expect("an id");
    for index in [&plain_index, &meta_index] {
        let out = newsq_in(&dir, &["trail", "--index", index, "--json", id]);
        expect_code(&out, 0);
        assert_eq!(json_lines(&out)[0]["id"], before["id"]);
    }
}

#[test]
fn an_article_of_no_known_outlet_is_shown_by_its_file_and_not_counted_as_an_outlet() {
    let dir = scratch("no-outlet");
    let folder = quay_articles(&dir);
    let index = s(&dir.join("index"));
    expect_code(
        &newsq_in(&dir, &["index", "-q", "--index", &index, &s(&folder)]),
        0,
    );
    // From the folder above the articles, as a user would run it.
    let run_here = |args: &[&str]| {
        let mut command = newsq_command(&dir, args);
        match command.current_dir(&dir).output() {
            Ok(out) => out,
            Err(e) => panic!("cannot run newsq: {e}"),
        }
    };

    let out = run_here(&[
        "trail",
        "--index",
        &index,
        "--color",
        "never",
        "autumn storms",
    ]);
    expect_code(&out, 0);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "Ines Kalder — 3 articles — 1 known outlet",
        "{text}"
    );
    let places: Vec<&str> = lines
        .iter()
        .filter(|l| l.len() > 4 && l.starts_with("  ") && l.as_bytes()[2].is_ascii_digit())
        .copied()
        .collect();
    assert_eq!(
        places,
        [
            "  1. Selvik Courier — 2025-05-02 — Ines Kalder  [reference]",
            "  2. (no outlet) articles/b.txt — Ines Kalder",
            "  3. (no outlet) articles/c.txt — Ines Kalder",
        ],
        "{text}"
    );

    let out = run_here(&[
        "search",
        "--index",
        &index,
        "--color",
        "never",
        "--group",
        "autumn storms",
    ]);
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("reported in 3 articles, 1 known outlet (Selvik Courier) — newsq trail "),
        "{text}"
    );

    let out = run_here(&[
        "search",
        "--index",
        &index,
        "--color",
        "never",
        "autumn storms",
        "-n",
        "3",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("\nInes Kalder — (no outlet) articles/b.txt\n"),
        "{text}"
    );
    assert!(
        text.starts_with("Ines Kalder — Selvik Courier — 2025-05-02\n"),
        "{text}"
    );

    let out = run_here(&["extract", "--color", "never", "articles/c.txt"]);
    expect_code(&out, 0);
    assert_eq!(
        stdout(&out),
        format!("Ines Kalder — “{QUAY}” — (no outlet) articles/c.txt\n")
    );

    let out = run_here(&["speakers", "--index", &index, "--color", "never", "kalder"]);
    expect_code(&out, 0);
    assert!(
        stdout(&out).starts_with("Ines Kalder — 3 quotations, 1 known outlet\n"),
        "{}",
        stdout(&out)
    );

    // From a folder beside it, with `..`; from one that shares nothing but
    // the root with it, the path as the index keeps it.
    let args = [
        "search",
        "--index",
        &index,
        "--color",
        "never",
        "autumn storms",
    ];
    let beside = dir.join("elsewhere");
    std::fs::create_dir_all(&beside).expect("a folder beside");
    let from = |cwd: &Path| {
        let out = newsq_command(&dir, &args)
            .current_dir(cwd)
            .output()
            .expect("run newsq");
        stdout(&out)
    };
    let text = from(&beside);
    assert!(text.contains("(no outlet) ../articles/b.txt"), "{text}");
    let text = from(Path::new("/"));
    let absolute = format!("(no outlet) {}", s(&folder.join("b.txt")));
    assert!(text.contains(&absolute), "{text}");
}

// ---------------------------------------------------------------------------
// A closed pipe

/// `newsq ARGS` writing into a pipe whose reading end is closed before it
/// starts, as `newsq … | head -1` leaves it once head has its line.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let child = newsq_command(dir, args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsq starts");
    child.wait_with_output().expect("newsq ends")
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_exit_0() {
    let dir = scratch("closed-pipe");
    let index = indexed_examples(&dir);
    let articles = s(&examples().join("articles"));
    let commands: Vec<Vec<&str>> = vec![
        vec!["extract", &articles],
        vec!["search", "--index", &index, "", "-n", "1000"],
        vec!["search", "--index", &index, "", "-n", "1000", "--group"],
        vec!["search", "--index", &index, "harbour", "--articles"],
        vec!["trail", "--index", &index, "", "-n", "1000"],
        vec!["speakers", "--index", &index],
        vec!["outlets", "--index", &index],
    ];
    for command in commands {
        for json in [true, false] {
            let mut args = command.clone();
            if json {
                args.push("--json");
            }
            let out = into_closed_pipe(&dir, &args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            assert_eq!(stderr(&out), "", "{args:?}");
        }
    }
}
