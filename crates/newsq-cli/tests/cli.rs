//! The `newsq` binary as a user runs it: exit codes, output, messages.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{scratch, stderr, stdout};

fn newsq(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_newsq"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("cannot run newsq: {e}"),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path.display().to_string()
}

const ARTICLE: &str = "Harbour to reopen in spring\n\nPort Averill mayor Ilona Varga said on Monday that the harbour would reopen.\n\n“We will not wait another winter,” Ms Varga said.\n";

#[test]
fn extract_prints_speaker_quote_and_source_and_exits_0() {
    let dir = scratch("human");
    let file = write(&dir, "harbour.txt", ARTICLE.as_bytes());
    let out = newsq(&["extract", "--set-outlet", "Tidewater Gazette", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The reported statement shows without quote marks, tagged.
    assert_eq!(
        stdout(&out),
        "Ilona Varga — the harbour would reopen (reported) — Tidewater Gazette\n\
         Ilona Varga — “We will not wait another winter” — Tidewater Gazette\n"
    );
    assert!(
        stderr(&out).contains("1 article, 1 quotation, 1 reported statement"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extract_json_has_one_object_per_statement_with_the_documented_fields() {
    let dir = scratch("json");
    let file = write(&dir, "harbour.txt", ARTICLE.as_bytes());
    let out = newsq(&["extract", "--json", &file]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout)
        .unwrap_or("")
        .lines()
        .collect();
    assert_eq!(lines.len(), 2);
    let reported: serde_json::Value =
        serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("{e}: {}", lines[0]));
    assert_eq!(reported["kind"], "reported");
    assert_eq!(reported["quote"], "the harbour would reopen");
    assert_eq!(reported["speaker"], "Ilona Varga");
    assert_eq!(reported["cue"], "said");
    let v: serde_json::Value =
        serde_json::from_str(lines[1]).unwrap_or_else(|e| panic!("{e}: {}", lines[1]));
    assert_eq!(v["type"], "statement");
    assert_eq!(v["kind"], "quotation");
    // The article as read (its file name, as scripts and scorers key
    // statements by), its key in an index and the statement's id, as search
    // and trail give them.
    assert_eq!(v["article"], "harbour.txt");
    assert!(v["article_key"]
        .as_str()
        .is_some_and(|a| a.contains("harbour.txt#")));
    assert!(v["id"].as_str().is_some_and(|id| id.len() == 16));
    assert_eq!(v["title"], "Harbour to reopen in spring");
    assert_eq!(v["speaker"], "Ilona Varga");
    assert_eq!(v["speaker_mention"], "Ms Varga");
    // How the speaker was found: the mention is a name.
    assert_eq!(v["speaker_from"], "name");
    assert_eq!(v["quote"], "We will not wait another winter");
    assert_eq!(v["cue"], "said");
    assert!(v["path"]
        .as_str()
        .is_some_and(|p| p.ends_with("harbour.txt")));
    assert!(v["start"].as_u64() < v["end"].as_u64());
    assert!(v.get("outlet").is_some());
    assert_eq!(v["outlet_entity"], serde_json::Value::Null);
    assert_eq!(reported["contains"], serde_json::json!([]));
}

#[test]
fn no_quotation_exits_1() {
    let dir = scratch("none");
    let file = write(
        &dir,
        "quiet.txt",
        b"Council adjourns\n\nThe council met and adjourned at noon.\n",
    );
    let out = newsq(&["extract", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_missing_path_is_an_error_naming_the_path_but_the_rest_is_processed() {
    let dir = scratch("missing");
    let file = write(&dir, "harbour.txt", ARTICLE.as_bytes());
    let missing = dir.join("nope.txt").display().to_string();
    let out = newsq(&["extract", &missing, &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nope.txt: no such file or directory"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("We will not wait another winter"));
}

#[test]
fn bad_files_in_a_folder_are_reported_one_line_each_and_counted() {
    let dir = scratch("bad");
    write(&dir, "a-good.txt", ARTICLE.as_bytes());
    write(&dir, "b-binary.txt", b"%PDF-1.7\0\0\x01binary");
    write(
        &dir,
        "c-latin1.txt",
        b"Caf\xe9 owners said \"no\" to the plan.\n",
    );
    write(&dir, "d-empty.txt", b"");
    write(
        &dir,
        "e-lines.jsonl",
        b"{\"title\": \"One\", \"text\": \"\\u201cWe stay,\\u201d Ms Varga said.\"}\n{not json\n",
    );
    let out = newsq(&["extract", "--json", &dir.display().to_string()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("b-binary.txt: binary file"), "{err}");
    assert!(
        err.contains("c-latin1.txt: invalid UTF-8 at byte 3"),
        "{err}"
    );
    assert!(err.contains("d-empty.txt: empty file"), "{err}");
    assert!(err.contains("e-lines.jsonl:2: malformed JSON"), "{err}");
    assert!(
        err.lines().last().is_some_and(|l| l.contains("skipped 4")),
        "{err}"
    );
    let quotes = stdout(&out);
    assert!(quotes.contains("We will not wait another winter"));
    assert!(
        quotes.contains("We stay"),
        "the good line of the JSONL file still counts: {quotes}"
    );
}

#[test]
fn an_unreadable_meta_file_is_an_error_exit_2() {
    let out = newsq(&["extract", "--meta", "/nonexistent/meta.tsv", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/meta.tsv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let dir = scratch("color");
    let file = write(&dir, "harbour.txt", ARTICLE.as_bytes());
    // Not a terminal: no colour by default.
    assert!(!stdout(&newsq(&["extract", &file])).contains('\x1b'));
    assert!(stdout(&newsq(&["extract", "--color", "always", &file])).contains("\x1b[1m"));
    let out = Command::new(env!("CARGO_BIN_EXE_newsq"))
        .args(["extract", &file])
        .env("NO_COLOR", "1")
        .output();
    assert!(out.is_ok_and(|o| !o.stdout.contains(&0x1b)));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(newsq(&["extract"]).status.code(), Some(2));
    assert_eq!(newsq(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn language_chooses_the_lexicon_and_a_bad_code_is_refused() {
    let dir = scratch("language-flag");
    let file = dir.join("hafen.txt");
    std::fs::write(
        &file,
        "Hafen bleibt offen\n\n„Wir bleiben hier“, sagte Bürgermeisterin Anke Sommer.\n",
    )
    .unwrap();
    let out = newsq(&[
        "extract",
        "--json",
        "--language",
        "de",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"speaker\":\"Anke Sommer\""),
        "{}",
        stdout(&out)
    );
    let out = newsq(&["extract", "--language", "deutsch!", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--language"), "{}", stderr(&out));
}
