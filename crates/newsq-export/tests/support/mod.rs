//! Test support: a small index of fictional articles, and a local HTTP
//! server standing in for Quickwit or Elasticsearch that records every
//! request. (The CLI's tests include this file too.)
#![allow(dead_code)] // each test crate uses its own share of these

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use newsq_core::index::{NewsIndex, NewsWriter, WriterOptions};
use newsq_core::Article;
use serde_json::Value;

/// Fictional articles: one speaker spelled three ways, a titled surname,
/// two outlets (one spelled two ways), one undated article.
pub const ARTICLES: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "https://harbour.example/dam-talks",
        "Harbour Gazette",
        Some("2025-03-03"),
        "“We will not switch off the turbines,” Chancellor Taras Kovalenskiy said on Monday.\n\n\
         “The river belongs to everyone downstream,” said Minister Ilse Brandt.",
    ),
    (
        "https://wire.example/dam-reaction",
        "Meridian Wire",
        Some("2025-03-04"),
        "Taras Kovalensky told reporters: “The dam will be filled in the open.”\n\n\
         “We will wait for the commission,” Ms Brandt said.",
    ),
    (
        "https://harbour.example/dam-week",
        "HARBOUR GAZETTE",
        Some("2025-03-09T18:30:00Z"),
        "“Every permit has been published,” said Taras Kovalenskyy, the chancellor.",
    ),
    (
        "https://blog.example/undated",
        "Meridian Wire",
        None,
        "“Nobody asked the fishermen,” said harbour master Cato Rinne.",
    ),
];

/// An index in memory holding [`ARTICLES`] and, after them, `synthetic`
/// generated articles (for batch sizes).
pub fn fixture_index(synthetic: u64) -> NewsIndex {
    let index = NewsIndex::create_in_ram().expect("index in memory");
    let mut writer = index
        .writer(&WriterOptions::default())
        .expect("index writer");
    add_fixture_articles(&mut writer);
    add_generated_articles(&mut writer, 7, synthetic);
    writer.commit().expect("commit");
    index
}

/// Add [`ARTICLES`], each with its URL, outlet, date and a headline.
pub fn add_fixture_articles(writer: &mut NewsWriter) {
    for &(url, outlet, published, body) in ARTICLES {
        let mut article = Article::from_body(url, body);
        article.url = Some(url.to_string());
        article.outlet = Some(outlet.to_string());
        article.published = published.map(str::to_string);
        article.title = Some(format!("Dam talks: {outlet}"));
        writer.add_article(&article).expect("add article");
    }
}

/// Add `count` articles of the generator seeded with `seed`.
pub fn add_generated_articles(writer: &mut NewsWriter, seed: u64, count: u64) {
    let generator = newsq_synthetic::Generator::new(seed);
    for n in 0..count {
        let generated = generator.article(n);
        let mut article = Article::from_body(&generated.url, generated.body);
        article.url = Some(generated.url);
        article.outlet = Some(generated.outlet);
        article.published = Some(generated.published);
        article.title = Some(generated.title);
        writer.add_article(&article).expect("add article");
    }
}

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, q)| q)
    }

    /// The body's NDJSON lines, parsed.
    pub fn lines(&self) -> Vec<Value> {
        let text = std::str::from_utf8(&self.body).expect("UTF-8 body");
        assert!(
            text.is_empty() || text.ends_with('\n'),
            "NDJSON ends with a newline"
        );
        text.lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }
}

/// The server's answer to one request.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(&'static str, String)>,
    /// No answer at all: the connection is held open until the client
    /// gives up.
    pub silent: bool,
}

impl Reply {
    pub fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            body: body.to_string(),
            headers: Vec::new(),
            silent: false,
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            body: String::new(),
            headers: Vec::new(),
            silent: false,
        }
    }

    /// No answer, ever.
    pub fn silence() -> Reply {
        Reply {
            silent: true,
            ..Reply::empty(200)
        }
    }
}

/// A local HTTP/1.1 server answering with `respond` and recording every
/// request; it lives until the test process ends.
pub struct FakeEngine {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    log: Arc<Mutex<Vec<Request>>>,
}

impl FakeEngine {
    pub fn start(respond: impl FnMut(&Request) -> Reply + Send + 'static) -> FakeEngine {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let respond = Arc::new(Mutex::new(respond));
        let server_log = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = Arc::clone(&server_log);
                let respond = Arc::clone(&respond);
                std::thread::spawn(move || serve(stream, &log, &*respond));
            }
        });
        FakeEngine { url, log }
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("request log").clone()
    }
}

/// Answer requests on one connection until the client closes it.
fn serve(
    stream: TcpStream,
    log: &Mutex<Vec<Request>>,
    respond: &Mutex<impl FnMut(&Request) -> Reply + ?Sized>,
) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut writer = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            return;
        };
        let (method, target) = (method.to_string(), target.to_string());
        let mut headers = Vec::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        assert!(
            !headers.iter().any(|(n, _)| n == "transfer-encoding"),
            "bodies are sent with a length"
        );
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let request = Request {
            method,
            target,
            headers,
            body,
        };
        let reply = (respond.lock().expect("responder"))(&request);
        log.lock().expect("request log").push(request.clone());
        if reply.silent {
            // Read (and drop) whatever comes until the client hangs up.
            while reader.read_line(&mut String::new()).unwrap_or(0) > 0 {}
            return;
        }
        let mut head = format!(
            "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
            reply.status,
            reply.body.len()
        );
        for (name, value) in &reply.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut out = head.into_bytes();
        if request.method != "HEAD" {
            out.extend_from_slice(reply.body.as_bytes());
        }
        if writer.write_all(&out).is_err() {
            return;
        }
    }
}

/// Trouble to script: the next bulk or ingest requests answer these.
#[derive(Debug, Clone)]
pub enum Trouble {
    /// The whole request answered with this status and message.
    Status(u16, &'static str),
    /// Elasticsearch: the first `n` documents of the bulk refused with
    /// 429, the rest taken.
    BusyItems(usize),
    /// Elasticsearch: the first document refused with this status and
    /// error type.
    ItemError(u16, &'static str),
    /// Quickwit 0.9: this many documents rejected.
    Rejected(u64),
    /// Quickwit: the documents taken, and no answer ever.
    Silent,
}

/// An Elasticsearch in memory: `GET /`, HEAD/PUT of the index, its
/// mapping, `_bulk` with `create` (409 for an id it holds), and scripted
/// trouble.
#[derive(Debug, Default)]
pub struct FakeElasticsearch {
    /// The `version` object of its answer to `GET /`; none: 403, as for a
    /// user without monitoring rights.
    pub version: Option<Value>,
    pub indexes: HashMap<String, Value>,
    pub documents: HashMap<String, Value>,
    pub trouble: VecDeque<Trouble>,
}

impl FakeElasticsearch {
    pub fn answer(&mut self, request: &Request) -> Reply {
        let path = request.path().trim_start_matches('/');
        match (request.method.as_str(), path.split_once('/')) {
            ("GET", None) if path.is_empty() => match &self.version {
                Some(version) => Reply::json(
                    200,
                    serde_json::json!({"name": "node-1", "cluster_name": "newsq-test", "version": version, "tagline": "You Know, for Search"}),
                ),
                None => Reply::json(
                    403,
                    serde_json::json!({"error": {"type": "security_exception", "reason": "action [cluster:monitor/main] is unauthorized for user [pusher]"}, "status": 403}),
                ),
            },
            ("GET", Some((index, "_mapping"))) => match self.indexes.get(index) {
                Some(definition) => Reply::json(
                    200,
                    serde_json::json!({ index: {"mappings": definition["mappings"]} }),
                ),
                None => Reply::json(
                    404,
                    serde_json::json!({"error": {"type": "index_not_found_exception", "reason": "no such index"}, "status": 404}),
                ),
            },
            ("GET", Some((index, "_count"))) => match self.indexes.get(index) {
                Some(_) => Reply::json(
                    200,
                    serde_json::json!({"count": self.documents.len(), "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0}}),
                ),
                None => Reply::json(
                    404,
                    serde_json::json!({"error": {"type": "index_not_found_exception", "reason": "no such index"}, "status": 404}),
                ),
            },
            ("HEAD", None) => Reply::empty(if self.indexes.contains_key(path) {
                200
            } else {
                404
            }),
            ("PUT", None) => {
                let definition = serde_json::from_slice(&request.body).expect("index JSON");
                self.indexes.insert(path.to_string(), definition);
                Reply::json(
                    200,
                    serde_json::json!({"acknowledged": true, "index": path}),
                )
            }
            ("POST", Some((index, "_bulk"))) => {
                if !self.indexes.contains_key(index) {
                    return Reply::json(
                        404,
                        serde_json::json!({"error": {"type": "index_not_found_exception", "reason": "no such index"}, "status": 404}),
                    );
                }
                self.bulk(request)
            }
            _ => Reply::json(400, serde_json::json!({"error": "unexpected request"})),
        }
    }

    fn bulk(&mut self, request: &Request) -> Reply {
        let trouble = self.trouble.pop_front();
        if let Some(Trouble::Status(status, message)) = trouble {
            let mut reply = Reply::json(
                status,
                serde_json::json!({"error": {"type": "es_rejected_execution_exception", "reason": message}, "status": status}),
            );
            reply.headers.push(("retry-after", "0".to_string()));
            return reply;
        }
        let lines = request.lines();
        let mut items = Vec::new();
        for (n, pair) in lines.chunks(2).enumerate() {
            let id = pair[0]["create"]["_id"]
                .as_str()
                .expect("a create action with an _id")
                .to_string();
            let item = match &trouble {
                Some(Trouble::BusyItems(busy)) if n < *busy => {
                    serde_json::json!({"status": 429, "error": {"type": "es_rejected_execution_exception", "reason": "queue full"}})
                }
                Some(Trouble::ItemError(status, kind)) if n == 0 => {
                    serde_json::json!({"status": status, "error": {"type": kind, "reason": "failed to parse field [published]"}})
                }
                _ if self.documents.contains_key(&id) => {
                    serde_json::json!({"status": 409, "error": {"type": "version_conflict_engine_exception", "reason": "document already exists"}})
                }
                _ => {
                    self.documents.insert(id.clone(), pair[1].clone());
                    serde_json::json!({"status": 201, "result": "created"})
                }
            };
            let mut item = item;
            item["_id"] = Value::String(id);
            items.push(serde_json::json!({ "create": item }));
        }
        let errors = items
            .iter()
            .any(|i| i["create"]["status"].as_u64() != Some(201));
        Reply::json(
            200,
            serde_json::json!({"took": 3, "errors": errors, "items": items}),
        )
    }
}

/// A Quickwit in memory: its version, index metadata, creation from YAML,
/// a count of the documents, ingest.
#[derive(Debug, Default)]
pub struct FakeQuickwit {
    /// `build.version` of its answer to `GET /api/v1/version` ("v0.9.1");
    /// none: 404.
    pub version: Option<String>,
    pub configs: HashMap<String, String>,
    pub documents: Vec<Value>,
    pub trouble: VecDeque<Trouble>,
}

impl FakeQuickwit {
    pub fn answer(&mut self, request: &Request) -> Reply {
        let path = request.path();
        if path == "/api/v1/version" {
            return match &self.version {
                Some(version) => Reply::json(
                    200,
                    serde_json::json!({
                        "build": {"version": version, "cargo_pkg_version": version.trim_start_matches('v'), "commit_short_hash": "0000000"},
                        "runtime": {"num_cpus_logical": 2},
                    }),
                ),
                None => Reply::json(404, serde_json::json!({"message": "Route not found"})),
            };
        }
        if let Some(index) = path.strip_prefix("/api/v1/indexes/") {
            return match self.configs.get(index) {
                Some(config) => {
                    let timestamp = config
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("timestamp_field: "));
                    let fields: Vec<Value> = config
                        .lines()
                        .filter_map(|l| l.trim().strip_prefix("- name: "))
                        .map(|name| serde_json::json!({"name": name, "type": "text"}))
                        .collect();
                    Reply::json(
                        200,
                        serde_json::json!({"index_config": {"index_id": index, "doc_mapping": {"field_mappings": fields, "timestamp_field": timestamp}}}),
                    )
                }
                None => Reply::json(
                    404,
                    serde_json::json!({"message": format!("index `{index}` not found")}),
                ),
            };
        }
        if path == "/api/v1/indexes" && request.method == "POST" {
            let yaml = String::from_utf8(request.body.clone()).expect("UTF-8 config");
            let id = yaml
                .lines()
                .find_map(|l| l.strip_prefix("index_id: "))
                .expect("an index_id line")
                .trim_matches('"')
                .to_string();
            self.configs.insert(id.clone(), yaml);
            return Reply::json(200, serde_json::json!({"index_config": {"index_id": id}}));
        }
        if let Some(index) = path
            .strip_prefix("/api/v1/")
            .and_then(|p| p.strip_suffix("/search"))
        {
            assert_eq!(request.query(), Some("query=*&max_hits=0"), "a count");
            if !self.configs.contains_key(index) {
                return Reply::json(
                    404,
                    serde_json::json!({"message": format!("index `{index}` not found")}),
                );
            }
            return Reply::json(
                200,
                serde_json::json!({"num_hits": self.documents.len(), "hits": [], "elapsed_time_micros": 120, "errors": []}),
            );
        }
        let Some(index) = path
            .strip_prefix("/api/v1/")
            .and_then(|p| p.strip_suffix("/ingest"))
        else {
            return Reply::json(400, serde_json::json!({"message": "unexpected request"}));
        };
        if !self.configs.contains_key(index) {
            return Reply::json(
                404,
                serde_json::json!({"message": format!("index `{index}` not found")}),
            );
        }
        let lines = request.lines();
        match self.trouble.pop_front() {
            Some(Trouble::Status(status, message)) => {
                Reply::json(status, serde_json::json!({"message": message}))
            }
            Some(Trouble::Silent) => {
                self.documents.extend(lines);
                Reply::silence()
            }
            Some(Trouble::Rejected(n)) => Reply::json(
                200,
                serde_json::json!({
                    "num_docs_for_processing": lines.len(),
                    "num_ingested_docs": lines.len() as u64 - n,
                    "num_rejected_docs": n,
                }),
            ),
            _ => {
                let count = lines.len();
                self.documents.extend(lines);
                Reply::json(200, serde_json::json!({"num_docs_for_processing": count}))
            }
        }
    }
}

/// A [`FakeEngine`] answering as `state` does.
pub fn serve_state<S: Send + 'static>(
    state: Arc<Mutex<S>>,
    answer: fn(&mut S, &Request) -> Reply,
) -> FakeEngine {
    FakeEngine::start(move |request| answer(&mut state.lock().expect("fake engine state"), request))
}

/// A fake Elasticsearch 8.15 with `trouble` scripted, and its server.
pub fn fake_elasticsearch(trouble: Vec<Trouble>) -> (Arc<Mutex<FakeElasticsearch>>, FakeEngine) {
    let state = Arc::new(Mutex::new(FakeElasticsearch {
        version: Some(
            serde_json::json!({"number": "8.15.0", "build_flavor": "default", "lucene_version": "9.11.1"}),
        ),
        trouble: trouble.into(),
        ..FakeElasticsearch::default()
    }));
    let server = serve_state(Arc::clone(&state), FakeElasticsearch::answer);
    (state, server)
}

/// A fake Quickwit 0.9.1 with `trouble` scripted, and its server.
pub fn fake_quickwit(trouble: Vec<Trouble>) -> (Arc<Mutex<FakeQuickwit>>, FakeEngine) {
    let state = Arc::new(Mutex::new(FakeQuickwit {
        version: Some("v0.9.1".to_string()),
        trouble: trouble.into(),
        ..FakeQuickwit::default()
    }));
    let server = serve_state(Arc::clone(&state), FakeQuickwit::answer);
    (state, server)
}
