//! `newsq export` and `newsq push`: files, exit codes, messages, and what
//! reaches a (local, fake) engine.

mod common;
#[path = "../../newsq-export/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};

use common::{expect_code, index_quietly, newsq_env, newsq_in, s, scratch, stderr, stdout, write};
use support::{fake_elasticsearch, fake_quickwit, FakeEngine, Reply, Trouble, ARTICLES};

/// An index of the fixture articles (as text files, headline first, with a
/// metadata sidecar) in `dir/index`.
fn indexed(dir: &Path) -> PathBuf {
    let mut meta = String::from("filename\tpublisher\tpublication_date\turl\n");
    for (n, &(url, outlet, published, body)) in ARTICLES.iter().enumerate() {
        write(
            &dir.join(format!("articles/{n}.txt")),
            &format!("Dam talks\n\n{body}"),
        );
        meta.push_str(&format!(
            "{n}.txt\t{outlet}\t{}\t{url}\n",
            published.unwrap_or("")
        ));
    }
    write(&dir.join("meta.tsv"), &meta);
    let index = dir.join("index");
    let meta = s(&dir.join("meta.tsv"));
    index_quietly(
        dir,
        &s(&index),
        &["--meta", &meta, &s(&dir.join("articles"))],
    );
    index
}

/// `newsq push --engine ENGINE --url URL --engine-index dam-talks --index INDEX`.
fn push(dir: &Path, index: &Path, engine: &str, url: &str) -> std::process::Output {
    push_with(dir, index, engine, url, &[])
}

/// [`push`] with more arguments.
fn push_with(
    dir: &Path,
    index: &Path,
    engine: &str,
    url: &str,
    more: &[&str],
) -> std::process::Output {
    let index = s(index);
    let mut args = vec![
        "push",
        "--engine",
        engine,
        "--url",
        url,
        "--engine-index",
        "dam-talks",
        "--index",
        &index,
    ];
    args.extend_from_slice(more);
    newsq_in(dir, &args)
}

#[test]
fn export_writes_the_folder_and_says_how_to_load_it() {
    let dir = scratch("export-quickwit");
    let index = indexed(&dir);
    let out_dir = dir.join("out");
    let out = newsq_in(
        &dir,
        &[
            "export",
            "--to",
            "quickwit",
            &s(&out_dir),
            "--index",
            &s(&index),
            "--engine-index",
            "dam-talks",
        ],
    );
    expect_code(&out, 0);
    let message = stderr(&out);
    assert!(
        message.contains("exported 10 documents (6 statements, 4 articles)"),
        "{message}"
    );
    assert!(
        message.contains("quickwit index create --index-config"),
        "{message}"
    );
    assert!(
        message.contains("2 documents have no publication date"),
        "{message}"
    );
    assert!(!message.contains('\x1b'), "no progress line off a terminal");
    assert_eq!(stdout(&out), "");
    let config = std::fs::read_to_string(out_dir.join("index-config.yaml")).unwrap();
    assert!(config.contains("index_id: \"dam-talks\"\n"));
    let docs = std::fs::read_to_string(out_dir.join("docs-000001.ndjson")).unwrap();
    assert_eq!(docs.lines().count(), 10);
    assert!(out_dir.join("entities.ndjson").is_file());
}

#[test]
fn export_of_an_empty_index_exits_1_and_a_bad_name_exits_2() {
    let dir = scratch("export-empty");
    std::fs::create_dir_all(dir.join("nothing")).unwrap();
    let index = dir.join("index");
    index_quietly(&dir, &s(&index), &[&s(&dir.join("nothing"))]);
    let out = newsq_in(
        &dir,
        &[
            "export",
            "--to",
            "elasticsearch",
            &s(&dir.join("out")),
            // The old name of --index, kept as a hidden alias.
            "--from",
            &s(&index),
        ],
    );
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("exported 0 documents"),
        "{}",
        stderr(&out)
    );

    let out = newsq_in(
        &dir,
        &[
            "export",
            "--to",
            "opensearch",
            &s(&dir.join("out")),
            "--index",
            &s(&index),
            "--engine-index",
            "Dam Talks",
        ],
    );
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "newsq: --engine-index: 'Dam Talks' is not a valid index name for OpenSearch: it needs lower-case letters, digits, '-', '_' and '.' only\n"
    );

    let out = newsq_in(
        &dir,
        &[
            "export",
            "--to",
            "quickwit",
            &s(&dir.join("out")),
            "--index",
            &s(&dir.join("missing")),
        ],
    );
    expect_code(&out, 2);
    assert!(stderr(&out).contains("missing"), "{}", stderr(&out));
}

#[test]
fn push_sends_everything_with_the_authorization_and_never_prints_it() {
    let dir = scratch("push-elasticsearch");
    let index = indexed(&dir);
    let (state, server) = fake_elasticsearch(Vec::new());
    let url = server.url.replace("http://", "http://elastic:hunter2@");
    let args = [
        "push",
        "--engine",
        "elasticsearch",
        "--url",
        &url,
        "--engine-index",
        "dam-talks",
        "--index",
        &s(&index),
    ];
    let secret = [("NEWSQ_AUTHORIZATION", "ApiKey c2VjcmV0a2V5")];

    let out = newsq_env(&dir, &args, &secret, &[]);
    expect_code(&out, 0);
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!(
            "newsq: pushed 10 documents to Elasticsearch 8 index dam-talks at {} (1 batch, ",
            server.url
        )),
        "{message}"
    );
    assert!(
        message.contains("index created, the index holds 10) in "),
        "{message}"
    );
    for request in server.requests() {
        assert_eq!(request.header("authorization"), Some("ApiKey c2VjcmV0a2V5"));
    }
    assert_eq!(state.lock().unwrap().documents.len(), 10);

    // Again: nothing new, and said so.
    let out = newsq_env(&dir, &args, &secret, &[]);
    expect_code(&out, 0);
    let again = stderr(&out);
    assert!(again.contains("10 already there"), "{again}");
    assert!(again.contains("the index holds 10)"), "{again}");
    assert!(!again.contains("index created"), "{again}");
    for text in [message, again, stdout(&out)] {
        assert!(
            !text.contains("hunter2") && !text.contains("c2VjcmV0a2V5"),
            "{text}"
        );
    }
}

#[test]
fn push_reports_retries_and_stops_with_the_engines_message() {
    let dir = scratch("push-quickwit");
    let index = indexed(&dir);
    let (quickwit, server) = fake_quickwit(vec![Trouble::Status(429, "ingest queue full")]);
    let out = push(&dir, &index, "quickwit", &server.url);
    expect_code(&out, 0);
    let message = stderr(&out);
    assert!(
        message.contains("newsq: quickwit answered 429 to batch 1 (ingest queue full); trying again in 0.5 s (attempt 2 of 8)"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "newsq: pushed 10 documents to Quickwit 0.9 index dam-talks at {} (",
            server.url
        )),
        "{message}"
    );
    assert!(message.contains("1 retry"), "{message}");
    assert_eq!(quickwit.lock().unwrap().documents.len(), 10);

    let refusing = FakeEngine::start(|request| {
        if request.method == "HEAD" {
            return Reply::empty(404);
        }
        if request.path() == "/" {
            return Reply::json(
                403,
                serde_json::json!({"error": {"type": "security_exception", "reason": "action [cluster:monitor/main] is unauthorized for user [reader]"}, "status": 403}),
            );
        }
        Reply::json(
            403,
            serde_json::json!({"error": {"type": "security_exception", "reason": "action [indices:admin/create] is unauthorized for user [reader]"}, "status": 403}),
        )
    });
    let url = refusing.url.replace("http://", "http://reader:pw-42@");
    let out = push(&dir, &index, "elasticsearch", &url);
    expect_code(&out, 2);
    let message = stderr(&out);
    let mut lines = message.lines();
    // A user without monitoring rights: the version is guessed, and said so.
    assert_eq!(
        lines.next(),
        Some("newsq: could not read the engine's version (answered 403: security_exception: action [cluster:monitor/main] is unauthorized for user [reader]); writing the definition for Elasticsearch 9; pass --engine-version to choose")
    );
    let error = lines.next().unwrap_or_default();
    assert!(
        error.starts_with("newsq: elasticsearch answered 403 to creating index dam-talks: security_exception: action [indices:admin/create] is unauthorized for user [reader]"),
        "{message}"
    );
    assert_eq!(lines.next(), None);
    assert!(!message.contains("pw-42"), "{message}");
    assert!(error.contains("check the credentials"), "{message}");
    assert_eq!(refusing.requests().len(), 3, "nothing sent after a refusal");

    let not_pem = dir.join("ca.crt");
    write(&not_pem, "not a certificate");
    let args = [
        "push",
        "--engine",
        "elasticsearch",
        "--url",
        "https://localhost:9200",
        "--engine-index",
        "dam-talks",
        "--index",
        &s(&index),
        "--ca-cert",
        &s(&not_pem),
    ];
    let out = newsq_in(&dir, &args);
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!("newsq: --ca-cert {}: the CA certificate file cannot be used: it holds no PEM certificate (-----BEGIN CERTIFICATE-----); give the PEM file of the cluster's CA (Elasticsearch 8: config/certs/http_ca.crt)\n", not_pem.display())
    );

    let out = push(&dir, &index, "quickwit", "localhost:7280");
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "newsq: --url localhost:7280: give the engine's address with http:// or https://\n"
    );
}

#[test]
fn push_writes_the_definition_for_the_version_asked_or_given() {
    let dir = scratch("push-versions");
    let index = indexed(&dir);
    let (quickwit, server) = fake_quickwit(Vec::new());
    quickwit.lock().unwrap().version = Some("v0.8.2".to_string());
    let out = push(&dir, &index, "quickwit", &server.url);
    expect_code(&out, 0);
    assert!(
        stderr(&out).starts_with(&format!(
            "newsq: pushed 10 documents to Quickwit 0.8 index dam-talks at {} (",
            server.url
        )),
        "{}",
        stderr(&out)
    );
    assert!(quickwit.lock().unwrap().configs["dam-talks"].contains("tokenizer: en_stem"));

    // Given: not asked.
    let (quickwit, server) = fake_quickwit(Vec::new());
    let out = push_with(
        &dir,
        &index,
        "quickwit",
        &server.url,
        &["--engine-version", "0.8"],
    );
    expect_code(&out, 0);
    assert!(
        stderr(&out).contains("pushed 10 documents to Quickwit 0.8 index dam-talks"),
        "{}",
        stderr(&out)
    );
    assert!(server
        .requests()
        .iter()
        .all(|r| r.path() != "/api/v1/version"));
    assert!(quickwit.lock().unwrap().configs["dam-talks"].contains("tokenizer: en_stem"));

    let out = push_with(
        &dir,
        &index,
        "quickwit",
        &server.url,
        &["--engine-version", "0.6"],
    );
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "newsq: --engine-version: version 0.6: newsq writes index definitions for Quickwit 0.7 and later\n"
    );

    // Too old, as the engine says: nothing written.
    let (quickwit, server) = fake_quickwit(Vec::new());
    quickwit.lock().unwrap().version = Some("v0.6.5".to_string());
    let out = push(&dir, &index, "quickwit", &server.url);
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!("newsq: Quickwit at {} is version 0.6, and newsq writes index definitions for Quickwit 0.7 and later; push to a newer Quickwit\n", server.url)
    );
    assert!(quickwit.lock().unwrap().configs.is_empty());
}

#[test]
fn push_says_when_it_guesses_the_version_even_with_q() {
    let dir = scratch("push-version-unknown");
    let index = indexed(&dir);
    let (quickwit, server) = fake_quickwit(Vec::new());
    quickwit.lock().unwrap().version = None;
    let out = push_with(&dir, &index, "quickwit", &server.url, &["-q"]);
    expect_code(&out, 0);
    assert_eq!(
        stderr(&out),
        "newsq: could not read the engine's version (answered 404: Route not found); writing the definition for Quickwit 0.9; pass --engine-version to choose\n"
    );
    assert!(!quickwit.lock().unwrap().configs["dam-talks"].contains("en_stem"));
}

#[test]
fn push_names_the_engine_that_answers() {
    let dir = scratch("push-opensearch");
    let index = indexed(&dir);
    let (state, server) = fake_elasticsearch(Vec::new());
    state.lock().unwrap().version =
        Some(serde_json::json!({"number": "2.17.1", "distribution": "opensearch"}));
    let out = push(&dir, &index, "elasticsearch", &server.url);
    expect_code(&out, 0);
    let message = stderr(&out);
    let mut lines = message.lines();
    assert_eq!(
        lines.next(),
        Some(
            format!(
                "newsq: {} is OpenSearch 2.17, not Elasticsearch; pushing to it as OpenSearch",
                server.url
            )
            .as_str()
        )
    );
    assert!(
        lines.next().unwrap_or_default().starts_with(&format!(
            "newsq: pushed 10 documents to OpenSearch 2 index dam-talks at {} (",
            server.url
        )),
        "{message}"
    );
}

#[test]
fn push_refuses_an_old_index_and_a_quickwit_index_with_documents() {
    let dir = scratch("push-existing");
    let index = indexed(&dir);
    let (quickwit, server) = fake_quickwit(Vec::new());
    quickwit.lock().unwrap().configs.insert(
        "dam-talks".into(),
        "index_id: dam-talks\ndoc_mapping:\n  field_mappings:\n    - name: quote\n".into(),
    );
    let out = push(&dir, &index, "quickwit", &server.url);
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!("newsq: the Quickwit index dam-talks has no quote_terms, speaker_spelling_key, body_terms, title_terms and outlet_spelling_key fields (newsq's own analysis of the text and names, in every document it sends): it was made by an older newsq or by hand; delete it (`curl -XDELETE {}/api/v1/indexes/dam-talks`) and push again, or push to another --engine-index\n", server.url)
    );

    let (quickwit, server) = fake_quickwit(Vec::new());
    expect_code(&push(&dir, &index, "quickwit", &server.url), 0);
    let out = push(&dir, &index, "quickwit", &server.url);
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!("newsq: the Quickwit index dam-talks holds 10 documents already, and Quickwit has no document ids: pushing them again would store them twice; clear it (`quickwit index clear --index dam-talks`, or `curl -XPUT {}/api/v1/indexes/dam-talks/clear`) and push again, push to another --engine-index, or pass --allow-duplicates to add to it all the same\n", server.url)
    );
    assert_eq!(quickwit.lock().unwrap().documents.len(), 10);

    let out = push_with(
        &dir,
        &index,
        "quickwit",
        &server.url,
        &["--allow-duplicates", "-q"],
    );
    expect_code(&out, 0);
    assert_eq!(
        stderr(&out),
        "newsq: the Quickwit index dam-talks holds 10 documents already; with --allow-duplicates, documents pushed again are stored twice\n"
    );
    assert_eq!(quickwit.lock().unwrap().documents.len(), 20);
}

#[test]
fn push_gives_up_on_a_commit_after_the_commit_timeout() {
    let dir = scratch("push-commit-timeout");
    let index = indexed(&dir);
    let (_quickwit, server) = fake_quickwit(vec![Trouble::Silent]);
    let started = std::time::Instant::now();
    let out = push_with(
        &dir,
        &index,
        "quickwit",
        &server.url,
        &["--commit-timeout", "1"],
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!("newsq: Quickwit did not confirm the commit of batch 1 within 1 s: the documents were sent and may still become searchable; count them (`curl '{}/api/v1/dam-talks/search?query=*&max_hits=0'`, num_hits) before pushing again, which would store them twice, or give Quickwit longer with --commit-timeout\n", server.url)
    );

    let out = push_with(
        &dir,
        &index,
        "quickwit",
        &server.url,
        &["--commit-timeout", "0"],
    );
    expect_code(&out, 2);
    assert!(
        stderr(&out).contains("--commit-timeout <SECS>"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_push_the_engine_then_counts_short_is_said_even_with_q() {
    let dir = scratch("push-short-count");
    let index = indexed(&dir);
    // A Quickwit that takes every document but, asked afterwards, counts 3.
    let engine = FakeEngine::start(|request| match (request.method.as_str(), request.path()) {
        ("GET", "/api/v1/version") => {
            Reply::json(200, serde_json::json!({"build": {"version": "v0.9.1"}}))
        }
        ("GET", "/api/v1/indexes/dam-talks") => Reply::json(
            404,
            serde_json::json!({"message": "index `dam-talks` not found"}),
        ),
        ("POST", "/api/v1/indexes") => Reply::json(200, serde_json::json!({})),
        ("POST", "/api/v1/dam-talks/ingest") => {
            let taken = request.lines().len();
            Reply::json(
                200,
                serde_json::json!({"num_docs_for_processing": taken, "num_ingested_docs": taken, "num_rejected_docs": 0}),
            )
        }
        ("GET", "/api/v1/dam-talks/search") => {
            Reply::json(200, serde_json::json!({"num_hits": 3, "hits": []}))
        }
        _ => Reply::json(400, serde_json::json!({"message": "unexpected request"})),
    });
    let out = newsq_in(
        &dir,
        &[
            "push",
            "-q",
            "--engine",
            "quickwit",
            "--url",
            &engine.url,
            "--engine-index",
            "dam-talks",
            "--index",
            &s(&index),
        ],
    );
    expect_code(&out, 0);
    assert_eq!(
        stderr(&out),
        "newsq: the index reports 3 documents after the push, fewer than the 10 accepted; the \
         engine may still be indexing: count them again before pushing anything twice\n"
    );
}
