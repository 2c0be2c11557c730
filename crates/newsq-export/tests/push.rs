//! `push` against a local server standing in for each engine: every request
//! checked (method, path, headers, body size, ids), retries, refusals.

mod support;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use newsq_export::{
    push, Endpoint, Engine, ExportError, IndexDocuments, PushEvent, PushOptions, RetryPolicy,
};
use support::{
    fake_elasticsearch, fake_quickwit, fixture_index, serve_state, FakeQuickwit, Request, Trouble,
};

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
        (requests[0].method.as_str(), requests[0].path()),
        ("HEAD", "/news")
    );
    assert_eq!(
        (requests[1].method.as_str(), requests[1].path()),
        ("PUT", "/news")
    );
    assert_eq!(requests[1].header("content-type"), Some("application/json"));
    let definition: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(
        definition["mappings"]["properties"]["quote"]["analyzer"],
        "english"
    );

    let bulks = bulk_requests(&requests);
    assert!(bulks.len() > 2, "several batches: {}", bulks.len());
    assert_eq!(bulks.len() + 2, requests.len());
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
    assert_eq!(requests[0].method, "HEAD");
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
    assert!(
        message.contains("elasticsearch answered 401 to checking index news"),
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
        (requests[0].method.as_str(), requests[0].path()),
        ("GET", "/api/v1/indexes/news")
    );
    assert_eq!(
        (requests[1].method.as_str(), requests[1].path()),
        ("POST", "/api/v1/indexes")
    );
    assert_eq!(requests[1].header("content-type"), Some("application/yaml"));
    let config = String::from_utf8(requests[1].body.clone()).unwrap();
    assert!(config.contains("index_id: \"news\"\n"));
    // One article is undated: no timestamp field, or Quickwit would refuse it.
    assert!(!config.contains("timestamp_field"));
    let ingests: Vec<&Request> = requests
        .iter()
        .filter(|r| r.path() == "/api/v1/news/ingest")
        .collect();
    assert_eq!(ingests.len() + 2, requests.len());
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
fn an_existing_quickwit_index_is_used_as_it_is() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let state = Arc::new(Mutex::new(FakeQuickwit::default()));
    state
        .lock()
        .unwrap()
        .configs
        .insert("news".into(), "made by hand".into());
    let server = serve_state(Arc::clone(&state), FakeQuickwit::answer);
    let summary = push_default(&documents, Engine::Quickwit, &server.url).unwrap();
    assert!(!summary.index_created);
    assert!(server
        .requests()
        .iter()
        .all(|r| r.path() != "/api/v1/indexes"));
    assert_eq!(state.lock().unwrap().configs["news"], "made by hand");
}

#[test]
fn an_existing_quickwit_index_that_needs_dates_is_refused_before_sending() {
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    assert!(documents.undated() > 0);
    let (state, server) = fake_quickwit(Vec::new());
    state.lock().unwrap().configs.insert(
        "news".into(),
        "doc_mapping:\n  timestamp_field: published\n".into(),
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
