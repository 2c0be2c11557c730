//! Streaming an index's documents into a running engine: the engine is
//! asked its version, the index is created with the definition that
//! version accepts when missing (or checked when there), then batches are
//! sent in order, retried while the engine is busy, and the first refusal
//! stops the push with the engine's own message.

use std::time::Duration;

use crate::batch::{Batch, Batcher};
use crate::document::IndexDocuments;
use crate::engine::{newsq_fields, Engine, EngineVersion};
use crate::error::ExportError;
use crate::http::{
    engine_message, exchange, is_transient, Answer, Endpoint, RetryPolicy, USER_AGENT,
};

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The engine pushed to.
    pub engine: Engine,
    /// Its URL and credentials.
    pub endpoint: Endpoint,
    /// The engine's index; created with newsq's definition when missing.
    pub index_name: String,
    /// The engine version to write the index definition for; `None`: ask
    /// the engine (`GET /api/v1/version`, `GET /`).
    pub engine_version: Option<EngineVersion>,
    /// Quickwit: push into an index that holds documents already (Quickwit
    /// has no document ids: documents pushed again are stored twice).
    pub allow_duplicates: bool,
    /// Largest request body in bytes (Quickwit: at most
    /// [`crate::QUICKWIT_MAX_BODY`]).
    pub batch_bytes: usize,
    /// When to try a request again, and how long to wait.
    pub retry: RetryPolicy,
    /// Longest wait for one answer.
    pub timeout: Duration,
    /// Quickwit: longest wait for the answer to the last batch, sent with
    /// `commit=force` (Quickwit answers once the documents are
    /// searchable); instead of [`PushOptions::timeout`].
    pub commit_timeout: Duration,
    /// PEM certificates to trust instead of the Mozilla roots: the CA of a
    /// cluster with its own certificates (Elasticsearch 8 makes one,
    /// `config/certs/http_ca.crt`).
    pub ca_pem: Option<Vec<u8>>,
}

impl PushOptions {
    /// Batches of 8 MB, the default retries, answers (commits too) within
    /// two minutes, the engine asked its version, no duplicates.
    pub fn new(engine: Engine, endpoint: Endpoint, index_name: impl Into<String>) -> Self {
        PushOptions {
            engine,
            endpoint,
            index_name: index_name.into(),
            engine_version: None,
            allow_duplicates: false,
            batch_bytes: 8_000_000,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(120),
            commit_timeout: Duration::from_secs(120),
            ca_pem: None,
        }
    }
}

/// What a push is doing, for progress lines.
#[derive(Debug)]
pub enum PushEvent<'a> {
    /// The engine said what it is and its version. `engine` differs from
    /// [`PushOptions::engine`] when the other of Elasticsearch and
    /// OpenSearch answered; the push goes on as `engine`.
    Version {
        /// The engine, as it says.
        engine: Engine,
        /// Its version.
        version: EngineVersion,
    },
    /// The engine's version could not be read, and the index is created
    /// with the definition for `assumed`, the newest newsq knows.
    VersionUnknown {
        /// Why: the engine's answer, or what it lacked.
        reason: &'a str,
        /// The version whose definition is written.
        assumed: EngineVersion,
    },
    /// The Quickwit index holds documents already, and the push goes on
    /// ([`PushOptions::allow_duplicates`]): documents pushed again are
    /// stored twice.
    Duplicates {
        /// Documents the index held before this push.
        documents: u64,
    },
    /// The index was there already, or was created.
    Index {
        /// Whether this push created it.
        created: bool,
    },
    /// A batch was accepted.
    Sent {
        /// Documents in the batch.
        documents: u64,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The engine is busy or unwell (`status`, or no answer); trying again
    /// after `wait`.
    Retrying {
        /// The request ("batch 3").
        what: &'a str,
        /// The HTTP status of the answer, if there was one.
        status: Option<u16>,
        /// The engine's explanation, or the connection error.
        reason: &'a str,
        /// The try that failed (1 for the first).
        attempt: u32,
        /// How long until the next try.
        wait: Duration,
    },
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PushSummary {
    /// The engine pushed to, as it says (OpenSearch when it answered where
    /// Elasticsearch was asked for, and the reverse).
    pub engine: Engine,
    /// The version the push went by: given, read from the engine, or, when
    /// it could not be read and this push created the index, the newest
    /// (whose definition was written); `None` when it could not be read
    /// and the index was there already.
    pub engine_version: Option<EngineVersion>,
    /// The index was created by this push.
    pub index_created: bool,
    /// Documents the engine accepted (new or, for Elasticsearch, already
    /// there).
    pub documents: u64,
    /// Of those, documents the engine already held under the same id
    /// (Elasticsearch; Quickwit has no ids).
    pub already_present: u64,
    /// Batches sent.
    pub batches: u64,
    /// Bytes of batches sent.
    pub bytes: u64,
    /// Requests (or documents of a bulk request) tried again.
    pub retries: u64,
    /// Ids of documents left out for being larger than a batch.
    pub too_large: Vec<String>,
    /// The documents the engine's index holds once the last batch is
    /// searchable, as the engine counts them (Quickwit `GET
    /// /api/v1/NAME/search?query=*&max_hits=0`, Elasticsearch `GET
    /// /NAME/_count`): what a user checks a push by. `None` when nothing
    /// was sent or the engine did not answer the count.
    pub engine_documents: Option<u64>,
}

/// Push every document of `documents` to the engine.
///
/// Unless [`PushOptions::engine_version`] is given, the engine is asked
/// its version first (Quickwit: `GET /api/v1/version`;
/// Elasticsearch/OpenSearch: `GET /`, whose `version.distribution` tells
/// OpenSearch apart), and a version older than
/// [`Engine::oldest_version`] is refused before anything is written.
///
/// Quickwit: `GET /api/v1/indexes/NAME`, `POST /api/v1/indexes` (YAML)
/// when missing; when there, its doc mapping must have the `*_terms`
/// fields and it must hold no documents
/// (`GET /api/v1/NAME/search?query=*&max_hits=0`) unless
/// [`PushOptions::allow_duplicates`]. Then `POST /api/v1/NAME/ingest` per
/// batch, the last with `commit=force` (and
/// [`PushOptions::commit_timeout`]) so that the documents are searchable
/// when this returns.
///
/// Elasticsearch/OpenSearch: `HEAD /NAME`, `PUT /NAME` when missing, or
/// `GET /NAME/_mapping` to check the `*_terms` fields when there; then
/// `POST /NAME/_bulk` of `create` actions, the last with
/// `refresh=wait_for`; documents already there (409) count as accepted,
/// so pushing again adds nothing.
///
/// Last, the documents the index then holds are counted once
/// ([`PushSummary::engine_documents`]).
pub fn push(
    documents: &IndexDocuments,
    options: &PushOptions,
    mut on_event: impl FnMut(PushEvent<'_>),
) -> Result<PushSummary, ExportError> {
    options.engine.check_index_name(&options.index_name)?;
    let mut tls = ureq::tls::TlsConfig::builder();
    if let Some(pem) = &options.ca_pem {
        tls = tls.root_certs(trusted_roots(pem)?);
    }
    let mut client = Client {
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(options.timeout))
            .user_agent(USER_AGENT)
            .tls_config(tls.build())
            .build()
            .into(),
        options,
        engine: options.engine,
        answered: false,
        retries: 0,
    };
    let identity = match options.engine_version {
        Some(version) => {
            options.engine.check_version(version)?;
            Identity::Known(options.engine, version)
        }
        None => client.identify(&mut on_event)?,
    };
    if let Identity::Known(engine, version) = identity {
        client.engine = engine;
        if options.engine_version.is_none() {
            on_event(PushEvent::Version { engine, version });
        }
        if version < engine.oldest_version() {
            return Err(ExportError::TooOld {
                engine: engine.display_name(),
                url: options.endpoint.shown().to_string(),
                version: version.to_string(),
                oldest: engine.oldest_label(),
            });
        }
    }
    let engine = client.engine;
    let index_created = client.ensure_index(documents.undated() == 0, &identity, &mut on_event)?;
    let mut summary = PushSummary {
        engine,
        engine_version: match identity {
            Identity::Known(_, version) => Some(version),
            Identity::Unknown(_) => index_created.then(|| engine.newest_version()),
        },
        index_created,
        documents: 0,
        already_present: 0,
        batches: 0,
        bytes: 0,
        retries: 0,
        too_large: Vec::new(),
        engine_documents: None,
    };
    on_event(PushEvent::Index {
        created: summary.index_created,
    });
    let mut batches = Batcher::new(
        engine,
        engine.body_limit(options.batch_bytes),
        documents.iter(),
    );
    let mut next = batches.next().transpose()?;
    while let Some(batch) = next {
        next = batches.next().transpose()?;
        let last = next.is_none();
        summary.batches += 1;
        let what = format!("batch {}", summary.batches);
        let (accepted, already) = match engine {
            Engine::Quickwit => (client.ingest(&batch, last, &what, &mut on_event)?, 0),
            Engine::Elasticsearch | Engine::OpenSearch => {
                client.bulk(&batch, last, &what, &mut on_event)?
            }
        };
        summary.documents += accepted;
        summary.already_present += already;
        summary.bytes += batch.body.len() as u64;
        on_event(PushEvent::Sent {
            documents: accepted,
            bytes: batch.body.len() as u64,
        });
    }
    summary.too_large = batches.too_large().to_vec();
    summary.retries = client.retries;
    if summary.batches > 0 {
        summary.engine_documents = client.count_held();
    }
    Ok(summary)
}

/// The certificates of a PEM file, as the only roots to trust.
fn trusted_roots(pem: &[u8]) -> Result<ureq::tls::RootCerts, ExportError> {
    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(e) => {
                return Err(ExportError::Certificates {
                    problem: e.to_string(),
                })
            }
        }
    }
    if certificates.is_empty() {
        return Err(ExportError::Certificates {
            problem: "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)".to_string(),
        });
    }
    Ok(ureq::tls::RootCerts::new_with_certs(&certificates))
}

/// What the engine is and which version, as given or as it says.
#[derive(Debug)]
enum Identity {
    /// The engine (as it says: OpenSearch may answer where Elasticsearch
    /// was asked for) and its version.
    Known(Engine, EngineVersion),
    /// The version could not be read, for this reason.
    Unknown(String),
}

/// One request to send.
struct Call<'b> {
    method: &'static str,
    /// Path and query.
    path: String,
    /// Content type and bytes.
    body: Option<(&'static str, &'b [u8])>,
    /// Sending it twice stores nothing twice (a Quickwit ingest, without
    /// ids, is not).
    idempotent: bool,
    /// A limit of its own instead of the agent's: the request that commits,
    /// whose running out is [`ExportError::CommitTimeout`].
    commit_time_limit: Option<Duration>,
}

impl<'b> Call<'b> {
    fn get(path: String) -> Self {
        Call {
            method: "GET",
            path,
            body: None,
            idempotent: true,
            commit_time_limit: None,
        }
    }

    fn head(path: String) -> Self {
        Call {
            method: "HEAD",
            ..Call::get(path)
        }
    }

    fn send(
        method: &'static str,
        path: String,
        content_type: &'static str,
        body: &'b [u8],
    ) -> Self {
        Call {
            method,
            body: Some((content_type, body)),
            ..Call::get(path)
        }
    }
}

struct Client<'o> {
    agent: ureq::Agent,
    options: &'o PushOptions,
    /// The engine as it says it is (else as given).
    engine: Engine,
    /// The engine has answered once: from then on, a request without an
    /// answer is a blip worth retrying; before, it is a wrong address.
    answered: bool,
    retries: u64,
}

impl Client<'_> {
    fn engine(&self) -> &'static str {
        self.engine.name()
    }

    /// Send a request, trying again while the engine answers 429 or 5xx
    /// (or, once it has answered, does not answer at all).
    ///
    /// A request that is not `idempotent` (a Quickwit ingest: no ids) is
    /// tried again only after answers that say nothing was taken (429,
    /// 503); after any other failure the batch may be stored already, and
    /// sending it again would store it twice.
    fn request(
        &mut self,
        call: &Call<'_>,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<Answer, ExportError> {
        let mut attempt = 1;
        loop {
            let outcome = exchange(
                &self.agent,
                &self.options.endpoint,
                call.method,
                &call.path,
                call.body,
                call.commit_time_limit,
            );
            if !call.idempotent && self.answered {
                let unsure = match &outcome {
                    Ok(answer)
                        if is_transient(answer.status) && !matches!(answer.status, 429 | 503) =>
                    {
                        Some(format!(
                            "{}: {}",
                            answer.status,
                            engine_message(&answer.body)
                        ))
                    }
                    Err(no_answer) => match call.commit_time_limit {
                        Some(time_limit) if no_answer.timed_out => {
                            return Err(ExportError::CommitTimeout {
                                what: what.to_string(),
                                time_limit,
                                url: self.options.endpoint.shown().to_string(),
                                index: self.options.index_name.clone(),
                            })
                        }
                        _ => Some(no_answer.reason.clone()),
                    },
                    Ok(_) => None,
                };
                if let Some(reason) = unsure {
                    return Err(ExportError::Unsure {
                        engine: self.engine(),
                        what: what.to_string(),
                        reason,
                    });
                }
            }
            let (status, reason, retry_after) = match outcome {
                Ok(answer) if !is_transient(answer.status) => {
                    self.answered = true;
                    return Ok(answer);
                }
                Ok(answer) => {
                    self.answered = true;
                    (
                        Some(answer.status),
                        engine_message(&answer.body),
                        answer.retry_after,
                    )
                }
                Err(no_answer) if !self.answered => {
                    return Err(ExportError::Unreachable {
                        url: self.options.endpoint.shown().to_string(),
                        reason: no_answer.reason,
                    })
                }
                Err(no_answer) => (None, no_answer.reason, None),
            };
            if attempt >= self.options.retry.attempts.max(1) {
                return Err(match status {
                    Some(status) => ExportError::GaveUp {
                        engine: self.engine(),
                        status,
                        what: what.to_string(),
                        attempts: attempt,
                        message: reason,
                    },
                    None => ExportError::Unreachable {
                        url: self.options.endpoint.shown().to_string(),
                        reason: format!("{reason} ({attempt} attempts)"),
                    },
                });
            }
            self.back_off(what, status, &reason, attempt, retry_after, on_event);
            attempt += 1;
        }
    }

    /// Say that `what` failed for `reason` on try `attempt`, and wait
    /// before the next.
    fn back_off(
        &mut self,
        what: &str,
        status: Option<u16>,
        reason: &str,
        attempt: u32,
        retry_after: Option<u64>,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) {
        let wait = self.options.retry.wait(attempt, retry_after);
        on_event(PushEvent::Retrying {
            what,
            status,
            reason,
            attempt,
            wait,
        });
        self.retries += 1;
        std::thread::sleep(wait);
    }

    fn refused(&self, answer: &Answer, what: impl Into<String>) -> ExportError {
        let mut message = match (answer.body.trim().is_empty(), answer.status) {
            // A HEAD answer has no body to explain itself.
            (true, 401) => "unauthorized".to_string(),
            (true, 403) => "forbidden".to_string(),
            (true, 413) => "request too large".to_string(),
            _ => engine_message(&answer.body),
        };
        if matches!(answer.status, 401 | 403) {
            message.push_str(
                " (check the credentials: user:password@ in the URL, or an Authorization value)",
            );
        }
        ExportError::Refused {
            engine: self.engine(),
            status: answer.status,
            what: what.into(),
            message,
        }
    }

    /// A 2xx answer whose body is not what the engine sends.
    fn unreadable(&self, answer: &Answer, what: &str) -> ExportError {
        ExportError::Refused {
            engine: self.engine(),
            status: answer.status,
            what: what.to_string(),
            message: format!(
                "an answer newsq cannot read: {}",
                engine_message(&answer.body)
            ),
        }
    }

    /// Ask the engine what it is and its version. Only wrong credentials
    /// (401, which every other request would get too) and an engine that
    /// does not answer are errors: an engine that will not say (403 for a
    /// user without monitoring rights, 404 behind a proxy) gets the newest
    /// definition.
    fn identify(
        &mut self,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<Identity, ExportError> {
        let path = match self.engine {
            Engine::Quickwit => "/api/v1/version",
            Engine::Elasticsearch | Engine::OpenSearch => "/",
        };
        let what = "asking for its version";
        let answer = self.request(&Call::get(path.to_string()), what, on_event)?;
        match answer.status {
            200..=299 => {}
            401 => return Err(self.refused(&answer, what)),
            status if answer.body.trim().is_empty() => {
                return Ok(Identity::Unknown(format!("answered {status}")))
            }
            status => {
                return Ok(Identity::Unknown(format!(
                    "answered {status}: {}",
                    engine_message(&answer.body)
                )))
            }
        }
        let value: serde_json::Value = serde_json::from_str(&answer.body).unwrap_or_default();
        let text = |pointer: &str| value.pointer(pointer).and_then(|v| v.as_str());
        let (engine, number) = match self.engine {
            // 0.7 and later: {"build": {"version": "v0.9.1", …}, "runtime": …}.
            Engine::Quickwit => (
                Engine::Quickwit,
                text("/build/version").or_else(|| text("/version")),
            ),
            Engine::Elasticsearch | Engine::OpenSearch => {
                let engine = match text("/version/distribution") {
                    Some("opensearch") => Engine::OpenSearch,
                    _ => Engine::Elasticsearch,
                };
                (engine, text("/version/number"))
            }
        };
        Ok(match number.and_then(|n| n.parse::<EngineVersion>().ok()) {
            Some(version) => Identity::Known(engine, version),
            None => Identity::Unknown(format!("no version number in its answer to GET {path}")),
        })
    }

    /// Make sure the index exists, and that one already there can take
    /// the documents; whether it was created.
    fn ensure_index(
        &mut self,
        timestamp: bool,
        identity: &Identity,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<bool, ExportError> {
        let name = &self.options.index_name;
        let engine = self.engine;
        let checking = format!("checking index {name}");
        let creating = format!("creating index {name}");
        let (check, create) = match engine {
            Engine::Quickwit => (
                Call::get(format!("/api/v1/indexes/{name}")),
                ("POST", "/api/v1/indexes".to_string(), "application/yaml"),
            ),
            Engine::Elasticsearch | Engine::OpenSearch => (
                Call::head(format!("/{name}")),
                ("PUT", format!("/{name}"), "application/json"),
            ),
        };
        let check = self.request(&check, &checking, on_event)?;
        match check.status {
            200..=299 => {
                self.check_existing(&check, timestamp, &checking, on_event)?;
                return Ok(false);
            }
            404 => {}
            _ => return Err(self.refused(&check, checking)),
        }
        let version = match identity {
            Identity::Known(_, version) => *version,
            Identity::Unknown(reason) => {
                let assumed = engine.newest_version();
                on_event(PushEvent::VersionUnknown { reason, assumed });
                assumed
            }
        };
        let definition = engine.definition(name, timestamp, version);
        let (method, path, content_type) = create;
        let answer = self.request(
            &Call::send(method, path, content_type, definition.as_bytes()),
            &creating,
            on_event,
        )?;
        match answer.status {
            200..=299 => Ok(true),
            // Created by someone else between the check and now.
            400 if answer.body.contains("already_exists")
                || answer.body.contains("already exists") =>
            {
                Ok(false)
            }
            _ => Err(self.refused(&answer, creating)),
        }
    }

    /// Refuse, before any document is sent, an existing index that would
    /// not take them as they are: one without the `*_terms` fields (made by
    /// an older newsq or by hand: its strict mapping refuses every
    /// document); a Quickwit index with a timestamp field when some
    /// documents are undated (0.7 and 0.8 drop them and answer 200 all the
    /// same); a Quickwit index with documents in it, which a push would
    /// store twice (no ids), unless duplicates are allowed.
    fn check_existing(
        &mut self,
        answer: &Answer,
        all_dated: bool,
        checking: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<(), ExportError> {
        let name = self.options.index_name.clone();
        let url = self.options.endpoint.shown().to_string();
        let (missing, delete): (Vec<&'static str>, String) = match self.engine {
            Engine::Quickwit => {
                let metadata: serde_json::Value = serde_json::from_str(&answer.body)
                    .map_err(|_| self.unreadable(answer, checking))?;
                let fields: Vec<&str> = metadata
                    .pointer("/index_config/doc_mapping/field_mappings")
                    .and_then(|f| f.as_array())
                    .map(|f| f.iter().filter_map(|m| m.get("name")?.as_str()).collect())
                    .unwrap_or_default();
                (
                    newsq_fields().filter(|t| !fields.contains(t)).collect(),
                    format!("curl -XDELETE {url}/api/v1/indexes/{name}"),
                )
            }
            Engine::Elasticsearch | Engine::OpenSearch => {
                let reading = format!("reading the mapping of index {name}");
                let mapping =
                    self.request(&Call::get(format!("/{name}/_mapping")), &reading, on_event)?;
                if !(200..300).contains(&mapping.status) {
                    return Err(self.refused(&mapping, reading));
                }
                // {"NAME": {"mappings": {"properties": …}}}, one entry per
                // index when NAME is an alias.
                let indexes: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&mapping.body)
                        .map_err(|_| self.unreadable(&mapping, &reading))?;
                let lacks = |field: &str| {
                    indexes.is_empty()
                        || indexes.values().any(|index| {
                            index
                                .pointer(&format!("/mappings/properties/{field}"))
                                .is_none()
                        })
                };
                (
                    newsq_fields().filter(|t| lacks(t)).collect(),
                    format!("curl -XDELETE {url}/{name}"),
                )
            }
        };
        if !missing.is_empty() {
            return Err(ExportError::IndexWithoutTerms {
                engine: self.engine.display_name(),
                index: name,
                missing,
                delete,
            });
        }
        if self.engine != Engine::Quickwit {
            return Ok(());
        }
        let metadata: serde_json::Value = serde_json::from_str(&answer.body).unwrap_or_default();
        let timestamp = metadata
            .pointer("/index_config/doc_mapping/timestamp_field")
            .and_then(|t| t.as_str());
        if let (false, Some(field)) = (all_dated, timestamp) {
            return Err(ExportError::Refused {
                engine: self.engine(),
                status: answer.status,
                what: checking.to_string(),
                message: format!(
                    "the index has the timestamp field `{field}`, which Quickwit requires on every \
                     document, and some documents have no publication date; push to a new index \
                     (newsq creates it without a timestamp field) or give the articles dates"
                ),
            });
        }
        let held = self.count_documents(on_event)?;
        if held > 0 {
            if !self.options.allow_duplicates {
                return Err(ExportError::NotEmpty {
                    index: name,
                    url,
                    documents: held,
                });
            }
            on_event(PushEvent::Duplicates { documents: held });
        }
        Ok(())
    }

    /// The documents the index holds, asked once (no retry: the push is
    /// done, and the count only reports on it); `None` when the engine does
    /// not answer it.
    fn count_held(&self) -> Option<u64> {
        let name = &self.options.index_name;
        let (path, field) = match self.engine {
            Engine::Quickwit => (
                format!("/api/v1/{name}/search?query=*&max_hits=0"),
                "num_hits",
            ),
            Engine::Elasticsearch | Engine::OpenSearch => (format!("/{name}/_count"), "count"),
        };
        let answer = exchange(
            &self.agent,
            &self.options.endpoint,
            "GET",
            &path,
            None,
            None,
        )
        .ok()?;
        if !(200..300).contains(&answer.status) {
            return None;
        }
        serde_json::from_str::<serde_json::Value>(&answer.body)
            .ok()?
            .get(field)?
            .as_u64()
    }

    /// Quickwit: the documents the index holds (committed ones).
    fn count_documents(
        &mut self,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<u64, ExportError> {
        let name = &self.options.index_name;
        let counting = format!("counting the documents of index {name}");
        let answer = self.request(
            &Call::get(format!("/api/v1/{name}/search?query=*&max_hits=0")),
            &counting,
            on_event,
        )?;
        if !(200..300).contains(&answer.status) {
            return Err(self.refused(&answer, counting));
        }
        serde_json::from_str::<serde_json::Value>(&answer.body)
            .ok()
            .and_then(|value| value.get("num_hits")?.as_u64())
            .ok_or_else(|| self.unreadable(&answer, &counting))
    }

    /// POST a batch's NDJSON; an answer other than 2xx (after retries) is
    /// a refusal.
    fn send(
        &mut self,
        call: &Call<'_>,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<Answer, ExportError> {
        let answer = self.request(call, what, on_event)?;
        if !(200..300).contains(&answer.status) {
            return Err(self.refused(&answer, what));
        }
        Ok(answer)
    }

    /// Quickwit: one ingest request; the documents accepted.
    fn ingest(
        &mut self,
        batch: &Batch,
        last: bool,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<u64, ExportError> {
        let name = &self.options.index_name;
        let commit = if last { "?commit=force" } else { "" };
        let call = Call {
            // Quickwit has no ids: a batch sent twice is stored twice.
            idempotent: false,
            // A commit=force of documents all rejected was seen to go
            // unanswered for minutes.
            commit_time_limit: last.then_some(self.options.commit_timeout),
            ..Call::send(
                "POST",
                format!("/api/v1/{name}/ingest{commit}"),
                "application/x-ndjson",
                &batch.body,
            )
        };
        let answer = self.send(&call, what, on_event)?;
        let sent = batch.documents.len() as u64;
        // Quickwit 0.9 says how many documents it refused (a field the
        // mapping does not have, a date it cannot read); 0.7/0.8 do not.
        let value: serde_json::Value = serde_json::from_str(&answer.body).unwrap_or_default();
        let rejected = value
            .get("num_rejected_docs")
            .and_then(|n| n.as_u64())
            .unwrap_or(0);
        if rejected > 0 {
            let first = value
                .pointer("/parse_failures/0/message")
                .and_then(|m| m.as_str())
                .unwrap_or("the documents do not fit the index's doc mapping; was the index made by `newsq export`/`newsq push`?");
            return Err(ExportError::Refused {
                engine: self.engine(),
                status: answer.status,
                what: what.to_string(),
                message: format!("{rejected} of {sent} documents rejected: {first}"),
            });
        }
        Ok(sent)
    }

    /// Elasticsearch: a bulk request, then again for the documents it was
    /// too busy for; the documents accepted and, of those, already there.
    fn bulk(
        &mut self,
        batch: &Batch,
        last: bool,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<(u64, u64), ExportError> {
        let name = &self.options.index_name;
        let refresh = if last { "?refresh=wait_for" } else { "" };
        let path = format!("/{name}/_bulk{refresh}");
        let (mut accepted, mut already) = (0, 0);
        let mut attempt = 1;
        // After a partial refusal: only the documents the engine was too
        // busy for.
        let mut retried: Batch;
        let mut batch = batch;
        loop {
            // `create` with ids: a batch sent twice is stored once.
            let call = Call::send("POST", path.clone(), "application/x-ndjson", &batch.body);
            let answer = self.send(&call, what, on_event)?;
            let outcome =
                bulk_outcome(&answer.body, batch).map_err(|message| ExportError::Refused {
                    engine: self.engine(),
                    status: answer.status,
                    what: what.to_string(),
                    message,
                })?;
            accepted += outcome.created + outcome.already;
            already += outcome.already;
            if let Some((status, id, message)) = outcome.failed {
                return Err(ExportError::Refused {
                    engine: self.engine(),
                    status,
                    what: format!("document {id} of {what}"),
                    message,
                });
            }
            if outcome.busy.is_empty() {
                return Ok((accepted, already));
            }
            if attempt >= self.options.retry.attempts.max(1) {
                return Err(ExportError::GaveUp {
                    engine: self.engine(),
                    status: outcome.busy_status,
                    what: format!("{} documents of {what}", outcome.busy.len()),
                    attempts: attempt,
                    message: outcome.busy_message,
                });
            }
            let status = Some(outcome.busy_status);
            self.back_off(what, status, &outcome.busy_message, attempt, None, on_event);
            retried = batch.subset(&outcome.busy);
            batch = &retried;
            attempt += 1;
        }
    }
}

/// What a `_bulk` answer says of each document.
#[derive(Debug, Default)]
struct BulkOutcome {
    created: u64,
    already: u64,
    /// Positions (in the batch) of documents refused with 429 or 5xx.
    busy: Vec<usize>,
    busy_status: u16,
    busy_message: String,
    /// The first document refused for good: status, id, message.
    failed: Option<(u16, String, String)>,
}

fn bulk_outcome(body: &str, batch: &Batch) -> Result<BulkOutcome, String> {
    let unreadable = || format!("an answer newsq cannot read: {}", engine_message(body));
    let value: serde_json::Value = serde_json::from_str(body).map_err(|_| unreadable())?;
    let items = value
        .get("items")
        .and_then(|items| items.as_array())
        .ok_or_else(unreadable)?;
    if items.len() != batch.documents.len() {
        return Err(format!(
            "{} results for {} documents",
            items.len(),
            batch.documents.len()
        ));
    }
    let mut outcome = BulkOutcome::default();
    for (position, item) in items.iter().enumerate() {
        // Each item is {"create": {...}}; read whichever action it names.
        let result = item
            .as_object()
            .and_then(|o| o.values().next())
            .ok_or_else(unreadable)?;
        let status = result
            .get("status")
            .and_then(|s| s.as_u64())
            .and_then(|s| u16::try_from(s).ok())
            .ok_or_else(unreadable)?;
        match status {
            200..=299 => outcome.created += 1,
            409 => outcome.already += 1,
            status if is_transient(status) => {
                outcome.busy.push(position);
                outcome.busy_status = status;
                outcome.busy_message = item_message(result);
            }
            status => {
                if outcome.failed.is_none() {
                    let id = batch.documents[position].0.clone();
                    outcome.failed = Some((status, id, item_message(result)));
                }
            }
        }
    }
    Ok(outcome)
}

fn item_message(result: &serde_json::Value) -> String {
    match result.get("error") {
        Some(error) => engine_message(&serde_json::json!({ "error": error }).to_string()),
        None => "(no message)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ca_file_without_certificates_is_refused() {
        for pem in [
            &b""[..],
            b"not a certificate",
            b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        ] {
            let error = trusted_roots(pem).unwrap_err().to_string();
            assert!(error.starts_with("the CA certificate file"), "{error}");
        }
    }
}
