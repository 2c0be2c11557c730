//! `push` against a local server standing in for each engine: every request
//! checked (method, path, headers, body size, ids), retries, refusals.

mod support;

use std::collections::HashSet;
use std::time::Duration;

use newsq_export::{
    push, Endpoint, Engine, EngineVersion, ExportError, IndexDocuments, PushEvent, PushOptions,
    PushSummary, RetryPolicy,
};
use support::{fake_elasticsearch, fake_quickwit, fixture_index, Request, Trouble};

/// Fast retries: the waits are checked by the unit tests.
fn options(engine: Engine, url: &str, batch_bytes: usize) -> PushOptions {
    let mut options = PushOptions::new(engine, Endpoint::parse(url, None).unwrap(), "news");
    options.batch_bytes = batch_bytes;
    options.retry = RetryPolicy {
        attempts: 4,
        first_wait: Duration::from_millis(1),
        max_wait: Duration::from_millis(5),
    };
    options
}

/// Each request's method and path.
fn methods_and_paths(requests: &[Request]) -> Vec<(&str, &str)> {
    requests
        .iter()
        .map(|r| (r.method.as_str(), r.path()))
        .collect()
}

/// A push with [`options`]' defaults and no progress.
fn push_default(
    documents: &IndexDocuments,
    engine: Engine,
    url: &str,
) -> Result<newsq_export::PushSummary, ExportError> {
    push(documents, &options(engine, url, 8_000_000), |_| {})
}

fn all_ids(documents: &IndexDocuments) -> HashSet<String> {
    documents.iter().map(|d| d.unwrap().doc_id).collect()
}

fn bulk_requests(requests: &[Request]) -> Vec<&Request> {
    requests
        .iter()
        .filter(|r| r.path() == "/news/_bulk")
        .collect()
}

#[test]
fn elasticsearch_gets_the_index_then_every_document_once_in_bounded_batches() {
    let documents = IndexDocuments::open(&fixture_index(60)).unwrap();
    let (state, server) = fake_elasticsearch(Vec::new());
    let url = server
        .url
        .replace("http://", "http://elastic:pa%24%24word@");
    let batch_bytes = 40_000;
    let summary = push(
        &documents,
        &options(Engine::Elasticsearch, &url, batch_bytes),
        |_| {},
    )
    .unwrap();

    let requests = server.requests();
    assert_eq!(
        methods_and_paths(&requests[..3]),
        [("GET", "/"), ("HEAD", "/news"), ("PUT", "/news")]
    );
    assert_eq!(requests[2].header("content-type"), Some("application/json"));
    let definition: serde_json::Value = serde_json::from_slice(&requests[2].body).unwrap();
    assert_eq!(
        definition["mappings"]["properties"]["quote"]["analyzer"],
        "english"
    );
    assert_eq!(
        definition["mappings"]["properties"]["quote_terms"]["analyzer"],
        "whitespace"
    );
    // Written for the version the engine said.
    assert_eq!(definition["mappings"]["_meta"]["for"], "Elasticsearch 8");

    let bulks = bulk_requests(&requests);
    assert!(bulks.len() > 2, "several batches: {}", bulks.len());
    // Then one count, for the summary.
    assert_eq!(bulks.len() + 4, requests.len());
    assert_eq!(
        methods_and_paths(&requests[requests.len() - 1..]),
        [("GET", "/news/_count")]
    );
    assert_eq!(summary.engine_documents, Some(documents.len()));
    let mut sent = Vec::new();
    for (i, bulk) in bulks.iter().enumerate() {
        assert_eq!(bulk.method, "POST");
        assert!(
            bulk.body.len() <= batch_bytes,
            "batch {i}: {} bytes",
            bulk.body.len()
        );
        assert_eq!(bulk.header("content-type"), Some("application/x-ndjson"));
        let last = i + 1 == bulks.len();
        assert_eq!(
            bulk.query(),
            last.then_some("refresh=wait_for"),
            "batch {i}"
        );
        let lines = bulk.lines();
        for pair in lines.chunks(2) {
            let action = pair[0].as_object().unwrap();
            assert_eq!(action.keys().collect::<Vec<_>>(), ["create"]);
            let id = pair[0]["create"]["_id"].as_str().unwrap();
            assert_eq!(pair[1]["doc_id"], id, "the action's id is the document's");
            sent.push(id.to_string());
        }
    }
    // Every request signed, none with the password in clear.
    for request in &requests {
        // "elastic:pa$$word"
        assert_eq!(
            request.header("authorization"),
            Some("Basic ZWxhc3RpYzpwYSQkd29yZA==")
        );
        assert!(request.header("user-agent").unwrap().starts_with("newsq/"));
        assert!(!request.target.contains("word"));
    }
    let unique: HashSet<String> = sent.iter().cloned().collect();
    assert_eq!(unique.len(), sent.len(), "no document sent twice");
    assert_eq!(unique, all_ids(&documents));
    assert!(summary.index_created);
    assert_eq!(summary.engine, Engine::Elasticsearch);
    assert_eq!(summary.engine_version, Some(EngineVersion::new(8, 15)));
    assert_eq!(summary.documents, documents.len());
    assert_eq!(summary.already_present, 0);
    assert_eq!(summary.batches, bulks.len() as u64);
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

#[test]
fn pushing_again_to_elasticsearch_adds_nothing() {
    let documents = IndexDocuments::open(&fixture_index(10)).unwrap();
    let (state, server) = fake_elasticsearch(Vec::new());
    let options = options(Engine::Elasticsearch, &server.url, 8_000_000);
    push(&documents, &options, |_| {}).unwrap();
    let first = server.requests().len();
    let again = push(&documents, &options, |_| {}).unwrap();

    let requests = &server.requests()[first..];
    // The index is there: its mapping is checked for the terms fields.
    assert_eq!(
        methods_and_paths(&requests[..3]),
        [("GET", "/"), ("HEAD", "/news"), ("GET", "/news/_mapping")]
    );
    assert!(
        requests.iter().all(|r| r.method != "PUT"),
        "the index is not made again"
    );
    assert!(!again.index_created);
    assert_eq!(again.documents, documents.len());
    assert_eq!(again.already_present, documents.len());
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

#[test]
fn busy_answers_are_retried_with_the_same_documents() {
    let documents = IndexDocuments::open(&fixture_index(10)).unwrap();
    let (state, server) = fake_elasticsearch(vec![
        Trouble::Status(429, "too many requests"),
        Trouble::Status(503, "unavailable"),
        Trouble::BusyItems(3),
    ]);
    let mut retries = Vec::new();
    let summary = push(
        &documents,
        &options(Engine::Elasticsearch, &server.url, 8_000_000),
        |event| {
            if let PushEvent::Retrying {
                status, attempt, ..
            } = event
            {
                retries.push((status, attempt));
            }
        },
    )
    .unwrap();

    let requests = server.requests();
    let bulks = bulk_requests(&requests);
    assert_eq!(bulks.len(), 4);
    // The whole batch three times (429, 503, then 3 items busy), then only
    // the three it was too busy for.
    assert_eq!(bulks[0].body, bulks[1].body);
    assert_eq!(bulks[1].body, bulks[2].body);
    let first_three: Vec<_> = bulks[2]
        .lines()
        .chunks(2)
        .take(3)
        .map(|p| p[0].clone())
        .collect();
    let retried: Vec<_> = bulks[3].lines().chunks(2).map(|p| p[0].clone()).collect();
    assert_eq!(retried, first_three);
    assert_eq!(retries, [(Some(429), 1), (Some(503), 2), (Some(429), 1)]);
    assert_eq!(summary.retries, 3);
    assert_eq!(summary.documents, documents.len());
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

#[test]
fn an_engine_that_stays_busy_is_given_up_on_after_the_attempts() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_elasticsearch(vec![Trouble::Status(503, "no master"); 10]);
    let stored = || state.lock().unwrap().documents.len();
    let error = push_default(&documents, Engine::Elasticsearch, &server.url).unwrap_err();
    assert!(
        matches!(
            error,
            ExportError::GaveUp {
                status: 503,
                attempts: 4,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("no master"), "{error}");
    assert_eq!(bulk_requests(&server.requests()).len(), 4);
    assert_eq!(stored(), 0);
}

#[test]
fn a_refusal_stops_the_push_with_the_engines_message() {
    let documents = IndexDocuments::open(&fixture_index(60)).unwrap();
    let (state, server) =
        fake_elasticsearch(vec![Trouble::ItemError(400, "mapper_parsing_exception")]);
    let error = push(
        &documents,
        &options(Engine::Elasticsearch, &server.url, 40_000),
        |_| {},
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("answered 400"), "{message}");
    assert!(
        message.contains("mapper_parsing_exception: failed to parse field [published]"),
        "{message}"
    );
    assert!(message.contains("of batch 1"), "{message}");
    assert_eq!(
        bulk_requests(&server.requests()).len(),
        1,
        "no batch after the refusal"
    );
    // The refused document is not there; the batch's others were taken.
    let engine = state.lock().unwrap();
    assert!(!engine.documents.is_empty());
    let refused = &bulk_requests(&server.requests())[0].lines()[0]["create"]["_id"];
    assert!(!engine.documents.contains_key(refused.as_str().unwrap()));
}

#[test]
fn a_request_level_refusal_names_the_status_and_message_without_credentials() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let server = support::FakeEngine::start(|_| {
        support::Reply::json(
            401,
            serde_json::json!({"error": {"type": "security_exception", "reason": "missing authentication credentials"}, "status": 401}),
        )
    });
    let url = server.url.replace("http://", "http://user:hunter2@");
    let error = push_default(&documents, Engine::Elasticsearch, &url).unwrap_err();
    let message = error.to_string();
    // Wrong credentials fail at the first request, asking the version.
    assert!(
        message.contains("elasticsearch answered 401 to asking for its version"),
        "{message}"
    );
    assert!(message.contains("check the credentials"), "{message}");
    assert!(!message.contains("hunter2") && !format!("{error:?}").contains("hunter2"));
}

#[test]
fn an_address_where_nothing_listens_fails_at_once() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    // A port that was free a moment ago.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://u:secret@127.0.0.1:{port}");
    let started = std::time::Instant::now();
    let error = push_default(&documents, Engine::Quickwit, &url).unwrap_err();
    assert!(
        matches!(error, ExportError::Unreachable { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("cannot reach http://127.0.0.1:{port}")),
        "{message}"
    );
    assert!(!message.contains("secret"));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn quickwit_gets_its_config_then_ndjson_batches_the_last_committing() {
    let documents = IndexDocuments::open(&fixture_index(60)).unwrap();
    let (state, server) = fake_quickwit(vec![Trouble::Status(429, "rate limited")]);
    let mut options = options(Engine::Quickwit, &server.url, 50_000_000);
    options.batch_bytes = 40_000;
    let summary = push(&documents, &options, |_| {}).unwrap();

    let requests = server.requests();
    assert_eq!(
        methods_and_paths(&requests[..3]),
        [
            ("GET", "/api/v1/version"),
            ("GET", "/api/v1/indexes/news"),
            ("POST", "/api/v1/indexes")
        ]
    );
    assert_eq!(requests[2].header("content-type"), Some("application/yaml"));
    let config = String::from_utf8(requests[2].body.clone()).unwrap();
    assert!(config.contains("index_id: \"news\"\n"));
    // Quickwit 0.9 refuses a config naming en_stem.
    assert!(config.contains("for Quickwit 0.9"), "{config}");
    assert!(!config.contains("en_stem"), "{config}");
    assert!(
        config.contains("- name: quote_terms\n      type: text\n      tokenizer: whitespace\n"),
        "{config}"
    );
    // One article is undated: no timestamp field, or Quickwit would refuse it.
    assert!(!config.contains("timestamp_field"));
    let ingests: Vec<&Request> = requests
        .iter()
        .filter(|r| r.path() == "/api/v1/news/ingest")
        .collect();
    // Then one count, for the summary.
    assert_eq!(ingests.len() + 4, requests.len());
    assert_eq!(
        methods_and_paths(&requests[requests.len() - 1..]),
        [("GET", "/api/v1/news/search")]
    );
    assert_eq!(summary.engine_documents, Some(documents.len()));
    assert_eq!(
        ingests[0].body, ingests[1].body,
        "the rate-limited batch sent again"
    );
    let mut ids = Vec::new();
    for (i, ingest) in ingests.iter().enumerate().skip(1) {
        assert_eq!(ingest.method, "POST");
        assert!(ingest.body.len() <= 40_000);
        let last = i + 1 == ingests.len();
        assert_eq!(
            ingest.query(),
            last.then_some("commit=force"),
            "request {i}"
        );
        for document in ingest.lines() {
            ids.push(document["doc_id"].as_str().unwrap().to_string());
        }
    }
    let unique: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len());
    assert_eq!(unique, all_ids(&documents));
    assert_eq!(summary.retries, 1);
    assert_eq!(summary.engine_version, Some(EngineVersion::new(0, 9)));
    assert_eq!(summary.documents, documents.len());
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

#[test]
fn documents_quickwit_rejects_stop_the_push() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(vec![Trouble::Rejected(2)]);
    let stored = || state.lock().unwrap().documents.len();
    let error = push_default(&documents, Engine::Quickwit, &server.url).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains(&format!("2 of {} documents rejected", documents.len())),
        "{message}"
    );
    assert_eq!(stored(), 0);
}

#[test]
fn an_existing_empty_quickwit_index_with_the_terms_fields_is_used_as_it_is() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(Vec::new());
    let config = Engine::Quickwit.definition("news", false, EngineVersion::new(0, 8));
    state
        .lock()
        .unwrap()
        .configs
        .insert("news".into(), config.clone());
    let summary = push_default(&documents, Engine::Quickwit, &server.url).unwrap();
    assert!(!summary.index_created);
    let requests = server.requests();
    assert_eq!(
        methods_and_paths(&requests),
        [
            ("GET", "/api/v1/version"),
            ("GET", "/api/v1/indexes/news"),
            ("GET", "/api/v1/news/search"),
            ("POST", "/api/v1/news/ingest"),
            // The count the push reports.
            ("GET", "/api/v1/news/search")
        ]
    );
    assert_eq!(requests[2].query(), Some("query=*&max_hits=0"));
    assert_eq!(summary.engine_documents, Some(documents.len()));
    assert_eq!(state.lock().unwrap().configs["news"], config);
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

#[test]
fn an_existing_quickwit_index_that_needs_dates_is_refused_before_sending() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    assert!(documents.undated() > 0);
    let (state, server) = fake_quickwit(Vec::new());
    state.lock().unwrap().configs.insert(
        "news".into(),
        Engine::Quickwit.definition("news", true, EngineVersion::new(0, 9)),
    );
    let error = push_default(&documents, Engine::Quickwit, &server.url).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("the timestamp field `published`"),
        "{message}"
    );
    assert!(server
        .requests()
        .iter()
        .all(|r| !r.path().ends_with("/ingest")));
}

#[test]
fn a_quickwit_batch_that_may_be_stored_is_not_sent_twice() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(vec![Trouble::Status(500, "internal error")]);
    let error = push_default(&documents, Engine::Quickwit, &server.url).unwrap_err();
    assert!(matches!(error, ExportError::Unsure { .. }), "{error:?}");
    assert!(error.to_string().contains("500: internal error"), "{error}");
    let ingests = server
        .requests()
        .iter()
        .filter(|r| r.path().ends_with("/ingest"))
        .count();
    assert_eq!(ingests, 1);
    assert!(state.lock().unwrap().documents.is_empty());
}

#[test]
fn elasticsearch_is_sent_a_failed_bulk_again_after_a_500() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_elasticsearch(vec![Trouble::Status(500, "internal error")]);
    let summary = push_default(&documents, Engine::Elasticsearch, &server.url).unwrap();
    assert_eq!(summary.retries, 1);
    assert_eq!(bulk_requests(&server.requests()).len(), 2);
    assert_eq!(
        state.lock().unwrap().documents.len() as u64,
        documents.len()
    );
}

/// The configs POSTed to a fake Quickwit.
fn posted_configs(requests: &[Request]) -> Vec<String> {
    requests
        .iter()
        .filter(|r| r.method == "POST" && r.path() == "/api/v1/indexes")
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect()
}

#[test]
fn quickwit_0_8_is_sent_the_config_with_en_stem() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(Vec::new());
    state.lock().unwrap().version = Some("v0.8.2".to_string());
    let mut said = Vec::new();
    let summary = push(
        &documents,
        &options(Engine::Quickwit, &server.url, 8_000_000),
        |event| {
            if let PushEvent::Version { engine, version } = event {
                said.push((engine, version));
            }
        },
    )
    .unwrap();

    let configs = posted_configs(&server.requests());
    assert_eq!(configs.len(), 1);
    assert!(configs[0].contains("for Quickwit 0.8"), "{}", configs[0]);
    assert!(
        configs[0].contains("- name: quote\n      type: text\n      tokenizer: en_stem\n"),
        "{}",
        configs[0]
    );
    assert!(
        configs[0].contains("- name: quote_terms\n"),
        "{}",
        configs[0]
    );
    assert_eq!(said, [(Engine::Quickwit, EngineVersion::new(0, 8))]);
    assert_eq!(summary.engine_version, Some(EngineVersion::new(0, 8)));
}

#[test]
fn the_engine_pushed_to_is_the_one_that_answers_opensearch_or_elasticsearch() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    for (asked, answer, found, label) in [
        (
            Engine::Elasticsearch,
            serde_json::json!({"number": "2.17.1", "distribution": "opensearch", "build_type": "tar"}),
            Engine::OpenSearch,
            "OpenSearch 2",
        ),
        (
            Engine::OpenSearch,
            serde_json::json!({"number": "8.15.0", "build_flavor": "default"}),
            Engine::Elasticsearch,
            "Elasticsearch 8",
        ),
    ] {
        let (state, server) = fake_elasticsearch(Vec::new());
        state.lock().unwrap().version = Some(answer);
        let mut said = Vec::new();
        let summary = push(
            &documents,
            &options(asked, &server.url, 8_000_000),
            |event| {
                if let PushEvent::Version { engine, version } = event {
                    said.push((engine, version));
                }
            },
        )
        .unwrap();
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].0, found);
        assert_eq!(summary.engine, found);
        let put = server
            .requests()
            .into_iter()
            .find(|r| r.method == "PUT")
            .unwrap();
        let definition: serde_json::Value = serde_json::from_slice(&put.body).unwrap();
        assert_eq!(definition["mappings"]["_meta"]["for"], label);
        assert_eq!(summary.documents, documents.len());
    }
}

#[test]
fn an_engine_too_old_is_refused_before_anything_is_written() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();

    let (state, server) = fake_quickwit(Vec::new());
    state.lock().unwrap().version = Some("v0.6.5".to_string());
    let error = push_default(&documents, Engine::Quickwit, &server.url).unwrap_err();
    assert!(matches!(error, ExportError::TooOld { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "Quickwit at {} is version 0.6, and newsq writes index definitions for Quickwit 0.7 \
             and later; push to a newer Quickwit",
            server.url
        )
    );
    assert_eq!(
        methods_and_paths(&server.requests()),
        [("GET", "/api/v1/version")]
    );

    let (state, server) = fake_elasticsearch(Vec::new());
    state.lock().unwrap().version = Some(serde_json::json!({"number": "6.8.23"}));
    let error = push_default(&documents, Engine::Elasticsearch, &server.url).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(&format!("Elasticsearch at {} is version 6.8,", server.url)),
        "{error}"
    );
    assert_eq!(methods_and_paths(&server.requests()), [("GET", "/")]);
    assert!(state.lock().unwrap().indexes.is_empty());
}

/// A push with 8 MB batches, and the versions it assumed, with why.
fn push_noting_unknown_versions(
    documents: &IndexDocuments,
    engine: Engine,
    url: &str,
) -> (PushSummary, Vec<(String, EngineVersion)>) {
    let mut unknown = Vec::new();
    let summary = push(documents, &options(engine, url, 8_000_000), |event| {
        if let PushEvent::VersionUnknown { reason, assumed } = event {
            unknown.push((reason.to_string(), assumed));
        }
    })
    .unwrap();
    (summary, unknown)
}

#[test]
fn an_unreadable_version_gets_the_newest_definition_and_says_so() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(Vec::new());
    state.lock().unwrap().version = None;
    let (summary, unknown) =
        push_noting_unknown_versions(&documents, Engine::Quickwit, &server.url);
    assert_eq!(
        unknown,
        [(
            "answered 404: Route not found".to_string(),
            EngineVersion::new(0, 9)
        )]
    );
    let configs = posted_configs(&server.requests());
    assert!(configs[0].contains("for Quickwit 0.9"), "{}", configs[0]);
    assert!(!configs[0].contains("en_stem"), "{}", configs[0]);
    assert_eq!(summary.engine_version, Some(EngineVersion::new(0, 9)));

    // An answer without a version number is no better than a 404.
    let (state, server) = fake_elasticsearch(Vec::new());
    state.lock().unwrap().version = Some(serde_json::json!({"build_flavor": "default"}));
    let (summary, unknown) =
        push_noting_unknown_versions(&documents, Engine::Elasticsearch, &server.url);
    assert_eq!(
        unknown,
        [(
            "no version number in its answer to GET /".to_string(),
            EngineVersion::new(9, 0)
        )]
    );
    let definition = &state.lock().unwrap().indexes["news"];
    assert_eq!(definition["mappings"]["_meta"]["for"], "Elasticsearch 9");
    assert_eq!(summary.engine_version, Some(EngineVersion::new(9, 0)));
}

#[test]
fn an_unreadable_version_is_not_mentioned_when_the_index_is_there() {
    // 403 to GET /: a user allowed to write an index, not to monitor.
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_elasticsearch(Vec::new());
    let options = options(Engine::Elasticsearch, &server.url, 8_000_000);
    push(&documents, &options, |_| {}).unwrap();
    state.lock().unwrap().version = None;
    let mut events = Vec::new();
    let again = push(&documents, &options, |event| {
        events.push(format!("{event:?}"));
    })
    .unwrap();
    assert!(
        events.iter().all(|e| !e.starts_with("VersionUnknown")),
        "{events:?}"
    );
    assert_eq!(again.engine_version, None);
    assert_eq!(again.already_present, documents.len());
}

#[test]
fn a_given_engine_version_is_written_without_asking() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (_state, server) = fake_quickwit(Vec::new());
    let mut options = options(Engine::Quickwit, &server.url, 8_000_000);
    options.engine_version = Some(EngineVersion::new(0, 8));
    let mut events = Vec::new();
    let summary = push(&documents, &options, |event| {
        events.push(format!("{event:?}"))
    })
    .unwrap();
    let requests = server.requests();
    assert!(
        requests.iter().all(|r| r.path() != "/api/v1/version"),
        "{:?}",
        methods_and_paths(&requests)
    );
    assert_eq!(
        methods_and_paths(&requests[..1]),
        [("GET", "/api/v1/indexes/news")]
    );
    assert!(posted_configs(&requests)[0].contains("tokenizer: en_stem"));
    assert!(
        events.iter().all(|e| !e.starts_with("Version")),
        "{events:?}"
    );
    assert_eq!(summary.engine_version, Some(EngineVersion::new(0, 8)));

    let (_state, server) = fake_elasticsearch(Vec::new());
    let mut options = self::options(Engine::Elasticsearch, &server.url, 8_000_000);
    options.engine_version = Some(EngineVersion::new(7, 17));
    push(&documents, &options, |_| {}).unwrap();
    assert_eq!(
        methods_and_paths(&server.requests()[..2]),
        [("HEAD", "/news"), ("PUT", "/news")]
    );
}

#[test]
fn an_existing_index_without_the_terms_fields_is_refused_before_sending() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();

    let (state, server) = fake_quickwit(Vec::new());
    // As newsq wrote it before the *_terms fields.
    let old_config: String = Engine::Quickwit
        .definition("news", false, EngineVersion::new(0, 8))
        .lines()
        .filter(|l| !l.contains("_terms"))
        .map(|l| format!("{l}\n"))
        .collect();
    state
        .lock()
        .unwrap()
        .configs
        .insert("news".into(), old_config);
    let error = push_default(&documents, Engine::Quickwit, &server.url).unwrap_err();
    assert!(
        matches!(error, ExportError::IndexWithoutTerms { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "the Quickwit index news has no quote_terms, body_terms and title_terms fields \
             (newsq's own analysis of the text and names, in every document it sends): it was \
             made by an older newsq or by hand; delete it (`curl -XDELETE {}/api/v1/indexes/news`) and \
             push again, or push to another --engine-index",
            server.url
        )
    );
    assert!(server
        .requests()
        .iter()
        .all(|r| !r.path().ends_with("/ingest")));

    let (state, server) = fake_elasticsearch(Vec::new());
    let mut definition: serde_json::Value = serde_json::from_str(
        &Engine::Elasticsearch.definition("news", true, EngineVersion::new(8, 0)),
    )
    .unwrap();
    definition["mappings"]["properties"]
        .as_object_mut()
        .unwrap()
        .remove("quote_terms");
    state
        .lock()
        .unwrap()
        .indexes
        .insert("news".into(), definition);
    let error = push_default(&documents, Engine::Elasticsearch, &server.url).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("the Elasticsearch index news has no quote_terms field ("),
        "{message}"
    );
    assert!(
        message.contains(&format!("`curl -XDELETE {}/news`", server.url)),
        "{message}"
    );
    assert!(bulk_requests(&server.requests()).is_empty());
}

#[test]
fn a_quickwit_index_holding_documents_is_refused_unless_duplicates_are_allowed() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (state, server) = fake_quickwit(Vec::new());
    let mut options = options(Engine::Quickwit, &server.url, 8_000_000);
    push(&documents, &options, |_| {}).unwrap();
    let held = state.lock().unwrap().documents.len() as u64;
    let ingests = || {
        server
            .requests()
            .iter()
            .filter(|r| r.path().ends_with("/ingest"))
            .count()
    };
    let before = ingests();

    let error = push(&documents, &options, |_| {}).unwrap_err();
    assert!(
        matches!(error, ExportError::NotEmpty { documents, .. } if documents == held),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "the Quickwit index news holds {held} documents already, and Quickwit has no \
             document ids: pushing them again would store them twice; clear it (`quickwit \
             index clear --index news`, or `curl -XPUT {}/api/v1/indexes/news/clear`) and push \
             again, push to another --engine-index, or pass --allow-duplicates to add to it \
             all the same",
            server.url
        )
    );
    assert_eq!(ingests(), before, "nothing sent");
    assert_eq!(state.lock().unwrap().documents.len() as u64, held);

    options.allow_duplicates = true;
    let mut warned = Vec::new();
    let summary = push(&documents, &options, |event| {
        if let PushEvent::Duplicates { documents } = event {
            warned.push(documents);
        }
    })
    .unwrap();
    assert_eq!(warned, [held]);
    assert_eq!(summary.documents, documents.len());
    assert_eq!(state.lock().unwrap().documents.len() as u64, 2 * held);
}

#[test]
fn a_commit_quickwit_does_not_confirm_in_time_is_an_error_of_its_own() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let (_state, server) = fake_quickwit(vec![Trouble::Silent]);
    let mut options = options(Engine::Quickwit, &server.url, 8_000_000);
    options.commit_timeout = Duration::from_secs(1);
    // The other requests' limit, which the commit's replaces.
    options.timeout = Duration::from_secs(5);
    let started = std::time::Instant::now();
    let error = push(&documents, &options, |_| {}).unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_secs(1) && elapsed < options.timeout,
        "{elapsed:?}"
    );
    assert!(
        matches!(error, ExportError::CommitTimeout { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "Quickwit did not confirm the commit of batch 1 within 1 s: the documents were sent \
             and may still become searchable; count them (`curl \
             '{}/api/v1/news/search?query=*&max_hits=0'`, num_hits) before pushing again, which \
             would store them twice, or give Quickwit longer with --commit-timeout",
            server.url
        )
    );
    let ingests: Vec<Request> = server
        .requests()
        .into_iter()
        .filter(|r| r.path().ends_with("/ingest"))
        .collect();
    assert_eq!(ingests.len(), 1, "not sent again");
    assert_eq!(ingests[0].query(), Some("commit=force"));
}
