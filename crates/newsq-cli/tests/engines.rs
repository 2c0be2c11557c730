//! Against real engines: push the project's sample corpus and generated
//! articles, check the document count, then check that for each query of
//! a set (words that need stemming, phrases, OR and NOT, speaker, outlet,
//! date and kind filters, article text) the query `newsq translate` writes
//! finds exactly the documents `newsq search` finds.
//!
//! Skipped unless an engine is named (docs/export.md says how to start
//! one locally):
//!
//! ```sh
//! NEWSQ_TEST_QUICKWIT_URL=http://localhost:7280 \
//! NEWSQ_TEST_ELASTICSEARCH_URL=http://localhost:9200 \
//! NEWSQ_TEST_OPENSEARCH_URL=http://localhost:9201 \
//!     cargo test -p newsq-cli --test engines -- --nocapture
//! ```
//!
//! `NEWSQ_AUTHORIZATION` is sent as the `Authorization` header, as `newsq
//! push` sends it. Each run creates an index named `newsq-test-PID-TIME`
//! and deletes it at the end.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use common::{expect_code, json_lines, newsq_in, s, scratch, stderr, stdout};
use newsq_synthetic::{write_corpus, CorpusLayout, Generator};
use serde_json::Value;

/// The queries checked, as `newsq search` arguments after the query.
const QUERIES: &[&[&str]] = &[
    // Words in forms the articles do not use: found only by stemming.
    &["harbours"],
    &["voted"],
    &["negotiate"],
    &["promises"],
    // Phrases, OR, NOT, groups, and a name in the text.
    &["\"still open\""],
    &["\"the harbour\""],
    &["harbour OR dam"],
    &["harbour -vote"],
    &["(farm OR fund) -emergency"],
    &["brannigan"],
    // Filters, alone and with words.
    &["", "--speaker", "brannigan"],
    &["", "--speaker", "vorst", "--speaker", "hale"],
    &["harbour", "--speaker", "colette brannigan"],
    &["", "--outlet", "meridian wire"],
    &["outlet:\"port averill echo\" harbour"],
    &["", "--since", "2025-04"],
    &["", "--until", "2025-03-05"],
    &["", "--since", "2025-03-04", "--until", "2025-03-06"],
    &["after:2025-04-09 before:2025-05"],
    &["", "--kind", "reported"],
    &["kind:direct harbour"],
    // Article text as well.
    &["harbour", "--articles"],
    &["\"farm fund\"", "--articles"],
    &["", "--articles", "--since", "2025-04"],
    &[""],
];

/// One running engine, reached over HTTP.
struct RealEngine {
    engine: &'static str,
    url: String,
    index_name: String,
    agent: ureq::Agent,
}

impl RealEngine {
    /// The engine named by `variable`, or `None` (the test is skipped).
    fn from_env(engine: &'static str, variable: &str) -> Option<RealEngine> {
        let Ok(url) = std::env::var(variable) else {
            eprintln!("skipped: set {variable} to run the {engine} checks");
            return None;
        };
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Some(RealEngine {
            engine,
            url: url.trim_end_matches('/').to_string(),
            index_name: format!("newsq-test-{}-{stamp}", std::process::id()),
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let url = format!("{}{path}", self.url);
        let authorization = std::env::var("NEWSQ_AUTHORIZATION").ok();
        let response = match (method, body) {
            ("GET", _) => {
                let request = self.agent.get(&url);
                match &authorization {
                    Some(value) => request.header("Authorization", value).call(),
                    None => request.call(),
                }
            }
            ("DELETE", _) => {
                let request = self.agent.delete(&url);
                match &authorization {
                    Some(value) => request.header("Authorization", value).call(),
                    None => request.call(),
                }
            }
            (_, body) => {
                let request = self
                    .agent
                    .post(&url)
                    .header("Content-Type", "application/json");
                let request = match &authorization {
                    Some(value) => request.header("Authorization", value),
                    None => request,
                };
                request.send(body.map(Value::to_string).unwrap_or_default())
            }
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Documents in the engine's index.
    fn count(&self) -> u64 {
        let name = &self.index_name;
        let (status, answer) = match self.engine {
            "quickwit" => self.call(
                "GET",
                &format!("/api/v1/{name}/search?query=*&max_hits=0"),
                None,
            ),
            _ => self.call("GET", &format!("/{name}/_count"), None),
        };
        assert_eq!(status, 200, "{answer}");
        let count = match self.engine {
            "quickwit" => &answer["num_hits"],
            _ => &answer["count"],
        };
        count.as_u64().unwrap_or_else(|| panic!("{answer}"))
    }

    /// The `doc_id`s of the documents a search request body finds.
    fn search(&self, body: &Value) -> BTreeSet<String> {
        let name = &self.index_name;
        let (status, answer) = match self.engine {
            "quickwit" => self.call("POST", &format!("/api/v1/{name}/search"), Some(body)),
            _ => self.call("POST", &format!("/{name}/_search"), Some(body)),
        };
        assert_eq!(status, 200, "{body}\n{answer}");
        let hits = match self.engine {
            "quickwit" => answer["hits"].as_array(),
            _ => answer["hits"]["hits"].as_array(),
        };
        hits.unwrap_or_else(|| panic!("{answer}"))
            .iter()
            .map(|hit| {
                let id = match self.engine {
                    "quickwit" => &hit["doc_id"],
                    _ => &hit["_id"],
                };
                id.as_str().unwrap_or_else(|| panic!("{hit}")).to_string()
            })
            .collect()
    }

    /// `newsq push` of `index` to this engine's index, with `more` flags.
    fn push(&self, dir: &Path, index: &Path, more: &[&str]) -> std::process::Output {
        let index = s(index);
        let mut args = vec![
            "push",
            "--engine",
            self.engine,
            "--url",
            &self.url,
            "--index",
            &index,
            "--engine-index",
            &self.index_name,
        ];
        args.extend_from_slice(more);
        newsq_in(dir, &args)
    }

    fn delete(&self) {
        let name = &self.index_name;
        let path = match self.engine {
            "quickwit" => format!("/api/v1/indexes/{name}"),
            _ => format!("/{name}"),
        };
        let (status, answer) = self.call("DELETE", &path, None);
        if status != 200 {
            eprintln!("could not delete {name}: {status} {answer}");
        }
    }
}

/// The sample corpus and 300 generated articles, indexed.
fn indexed_corpus(dir: &Path) -> PathBuf {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let generated = dir.join("generated");
    let layout = CorpusLayout {
        articles: 300,
        per_file: 50,
        threads: 2,
    };
    write_corpus(&Generator::new(5), layout, &generated).expect("generated corpus");
    let index = dir.join("index");
    for (path, meta) in [
        (examples.join("articles"), Some(examples.join("meta.tsv"))),
        (generated, None),
    ] {
        let mut args = vec![
            "index".to_string(),
            "-q".into(),
            "--index".into(),
            s(&index),
            s(&path),
        ];
        if let Some(meta) = meta {
            args.extend(["--meta".to_string(), s(&meta)]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        expect_code(&newsq_in(dir, &args), 0);
    }
    index
}

/// The ids of everything `newsq search` finds: statements by their id,
/// articles as the export names them.
fn newsq_ids(dir: &Path, index: &Path, query: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["search", "--json", "-n", "0", "--index"];
    let index = s(index);
    args.push(&index);
    args.push(query[0]);
    args.extend_from_slice(&query[1..]);
    let out = newsq_in(dir, &args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    json_lines(&out)
        .iter()
        .filter_map(|line| match line["type"].as_str() {
            Some("statement") => Some(
                line["id"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{line}"))
                    .to_string(),
            ),
            Some("article") => Some(format!(
                "a{:016x}",
                newsq_core::index::stable_hash(line["article_key"].as_str().unwrap().as_bytes())
            )),
            // Names, facets, the summary.
            _ => None,
        })
        .collect()
}

fn check_engine(engine: RealEngine) {
    let dir = scratch(&format!("engines-{}", engine.engine));
    let index = indexed_corpus(&dir);
    expect_code(&engine.push(&dir, &index, &["-q"]), 0);

    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let everything = newsq_ids(&dir, &index, &["", "--articles"]);
        assert_eq!(
            engine.count(),
            everything.len() as u64,
            "documents in the engine"
        );
        let mut found_something = 0;
        for query in QUERIES {
            let expected = newsq_ids(&dir, &index, query);
            let index_arg = s(&index);
            let mut args = vec![
                "translate",
                "--json",
                "-n",
                "0",
                "--engine",
                engine.engine,
                "--index",
                &index_arg,
            ];
            args.push(query[0]);
            args.extend_from_slice(&query[1..]);
            let out = newsq_in(&dir, &args);
            expect_code(&out, 0);
            let body: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
            let found = engine.search(&body);
            assert_eq!(found, expected, "{} {query:?}\n{body}", engine.engine);
            found_something += usize::from(!expected.is_empty());
        }
        assert!(
            found_something + 2 >= QUERIES.len(),
            "{found_something} queries found anything"
        );

        // Pushing again: Quickwit, without ids, is refused; the others add
        // nothing and say so.
        let out = engine.push(&dir, &index, &[]);
        let held = everything.len();
        if engine.engine == "quickwit" {
            expect_code(&out, 2);
            assert!(
                stderr(&out).contains(&format!("holds {held} documents already")),
                "{}",
                stderr(&out)
            );
        } else {
            expect_code(&out, 0);
            assert!(
                stderr(&out).contains(&format!("{held} already there")),
                "{}",
                stderr(&out)
            );
        }
        assert_eq!(engine.count(), held as u64, "documents after pushing again");
    }));
    engine.delete();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn quickwit_finds_what_newsq_finds() {
    if let Some(engine) = RealEngine::from_env("quickwit", "NEWSQ_TEST_QUICKWIT_URL") {
        check_engine(engine);
    }
}

#[test]
fn elasticsearch_finds_what_newsq_finds() {
    if let Some(engine) = RealEngine::from_env("elasticsearch", "NEWSQ_TEST_ELASTICSEARCH_URL") {
        check_engine(engine);
    }
}

#[test]
fn opensearch_finds_what_newsq_finds() {
    if let Some(engine) = RealEngine::from_env("opensearch", "NEWSQ_TEST_OPENSEARCH_URL") {
        check_engine(engine);
    }
}
