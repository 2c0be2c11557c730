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

/// `newsq push --engine ENGINE --url URL --index dam-talks --from INDEX`.
fn push(dir: &Path, index: &Path, engine: &str, url: &str) -> std::process::Output {
    let args = [
        "push",
        "--engine",
        engine,
        "--url",
        url,
        "--engine-index",
        "dam-talks",
        "--index",
        &s(index),
    ];
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
            "newsq: pushed 10 documents to elasticsearch index dam-talks at {} (1 batch, ",
            server.url
        )),
        "{message}"
    );
    assert!(message.contains("index created"), "{message}");
    for request in server.requests() {
        assert_eq!(request.header("authorization"), Some("ApiKey c2VjcmV0a2V5"));
    }
    assert_eq!(state.lock().unwrap().documents.len(), 10);

    // Again: nothing new, and said so.
    let out = newsq_env(&dir, &args, &secret, &[]);
    expect_code(&out, 0);
    let again = stderr(&out);
    assert!(again.contains("10 already there"), "{again}");
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
    assert!(message.contains("pushed 10 documents"), "{message}");
    assert!(message.contains("1 retry"), "{message}");
    assert_eq!(quickwit.lock().unwrap().documents.len(), 10);

    let refusing = FakeEngine::start(|request| {
        if request.method == "HEAD" {
            return Reply::empty(404);
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
    assert!(
        message.starts_with("newsq: elasticsearch answered 403 to creating index dam-talks: security_exception: action [indices:admin/create] is unauthorized for user [reader]"),
        "{message}"
    );
    assert!(!message.contains("pw-42"), "{message}");
    assert!(message.contains("check the credentials"), "{message}");
    assert_eq!(refusing.requests().len(), 2, "nothing sent after a refusal");

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
