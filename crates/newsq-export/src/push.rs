//! Streaming an index's documents into a running engine: the index is
//! created with newsq's definition when missing, then batches are sent
//! in order, retried while the engine is busy, and the first refusal stops
//! the push with the engine's own message.

use std::time::Duration;

use crate::batch::{Batch, Batcher};
use crate::document::IndexDocuments;
use crate::engine::Engine;
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
    /// Largest request body in bytes (Quickwit: at most
    /// [`crate::QUICKWIT_MAX_BODY`]).
    pub batch_bytes: usize,
    /// When to try a request again, and how long to wait.
    pub retry: RetryPolicy,
    /// Longest wait for one answer.
    pub timeout: Duration,
    /// PEM certificates to trust instead of the Mozilla roots: the CA of a
    /// cluster with its own certificates (Elasticsearch 8 makes one,
    /// `config/certs/http_ca.crt`).
    pub ca_pem: Option<Vec<u8>>,
}

impl PushOptions {
    /// Batches of 8 MB, the default retries, answers within two minutes.
    pub fn new(engine: Engine, endpoint: Endpoint, index_name: impl Into<String>) -> Self {
        PushOptions {
            engine,
            endpoint,
            index_name: index_name.into(),
            batch_bytes: 8_000_000,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(120),
            ca_pem: None,
        }
    }
}

/// What a push is doing, for progress lines.
#[derive(Debug)]
pub enum PushEvent<'a> {
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PushSummary {
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
}

/// Push every document of `documents` to the engine.
///
/// Quickwit: `GET /api/v1/indexes/NAME`, `POST /api/v1/indexes` (YAML)
/// when missing, then `POST /api/v1/NAME/ingest` per batch, the last with
/// `commit=force` so that the documents are searchable when this returns.
/// Elasticsearch/OpenSearch: `HEAD /NAME`, `PUT /NAME` when missing, then
/// `POST /NAME/_bulk` of `create` actions, the last with
/// `refresh=wait_for`; documents already there (409) count as accepted, so
/// pushing again adds nothing.
pub fn push(
    documents: &IndexDocuments,
    options: &PushOptions,
    mut on_event: impl FnMut(PushEvent<'_>),
) -> Result<PushSummary, ExportError> {
    let engine = options.engine;
    engine.check_index_name(&options.index_name)?;
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
        answered: false,
        retries: 0,
    };
    let mut summary = PushSummary {
        index_created: client.ensure_index(documents.undated() == 0, &mut on_event)?,
        ..PushSummary::default()
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

struct Client<'o> {
    agent: ureq::Agent,
    options: &'o PushOptions,
    /// The engine has answered once: from then on, a request without an
    /// answer is a blip worth retrying; before, it is a wrong address.
    answered: bool,
    retries: u64,
}

impl Client<'_> {
    fn engine(&self) -> &'static str {
        self.options.engine.name()
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
        method: &str,
        path: &str,
        body: Option<(&str, &[u8])>,
        idempotent: bool,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<Answer, ExportError> {
        let mut attempt = 1;
        loop {
            let outcome = exchange(&self.agent, &self.options.endpoint, method, path, body);
            if !idempotent && self.answered {
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
                    Err(reason) => Some(reason.clone()),
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
                Err(reason) if !self.answered => {
                    return Err(ExportError::Unreachable {
                        url: self.options.endpoint.shown().to_string(),
                        reason,
                    })
                }
                Err(reason) => (None, reason, None),
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

    /// Make sure the index exists; whether it was created.
    fn ensure_index(
        &mut self,
        timestamp: bool,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<bool, ExportError> {
        let name = &self.options.index_name;
        let engine = self.options.engine;
        let definition = engine.definition(name, timestamp, engine.newest_version());
        let checking = format!("checking index {name}");
        let creating = format!("creating index {name}");
        let (check, create) = match engine {
            Engine::Quickwit => (
                self.request(
                    "GET",
                    &format!("/api/v1/indexes/{name}"),
                    None,
                    true,
                    &checking,
                    on_event,
                )?,
                ("POST", "/api/v1/indexes".to_string(), "application/yaml"),
            ),
            Engine::Elasticsearch | Engine::OpenSearch => (
                self.request("HEAD", &format!("/{name}"), None, true, &checking, on_event)?,
                ("PUT", format!("/{name}"), "application/json"),
            ),
        };
        match check.status {
            200..=299 => {
                self.check_existing(&check, timestamp, &checking)?;
                return Ok(false);
            }
            404 => {}
            _ => return Err(self.refused(&check, checking)),
        }
        let (method, path, content_type) = create;
        let answer = self.request(
            method,
            &path,
            Some((content_type, definition.as_bytes())),
            true,
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

    /// An existing Quickwit index with a timestamp field drops documents
    /// without it (0.7, 0.8 answer 200 all the same): refuse before
    /// sending any when the newsq index has undated documents.
    fn check_existing(
        &self,
        answer: &Answer,
        all_dated: bool,
        checking: &str,
    ) -> Result<(), ExportError> {
        if self.options.engine != Engine::Quickwit || all_dated {
            return Ok(());
        }
        let metadata: serde_json::Value = serde_json::from_str(&answer.body).unwrap_or_default();
        let timestamp = metadata
            .pointer("/index_config/doc_mapping/timestamp_field")
            .and_then(|t| t.as_str());
        match timestamp {
            Some(field) => Err(ExportError::Refused {
                engine: self.engine(),
                status: answer.status,
                what: checking.to_string(),
                message: format!(
                    "the index has the timestamp field `{field}`, which Quickwit requires on every \
                     document, and some documents have no publication date; push to a new index \
                     (newsq creates it without a timestamp field) or give the articles dates"
                ),
            }),
            None => Ok(()),
        }
    }

    /// POST a batch's NDJSON to `path`; an answer other than 2xx (after
    /// retries) is a refusal.
    fn send(
        &mut self,
        path: &str,
        batch: &Batch,
        idempotent: bool,
        what: &str,
        on_event: &mut impl FnMut(PushEvent<'_>),
    ) -> Result<Answer, ExportError> {
        let answer = self.request(
            "POST",
            path,
            Some(("application/x-ndjson", &batch.body)),
            idempotent,
            what,
            on_event,
        )?;
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
        // Quickwit has no ids: a batch sent twice is stored twice.
        let idempotent = false;
        let answer = self.send(
            &format!("/api/v1/{name}/ingest{commit}"),
            batch,
            idempotent,
            what,
            on_event,
        )?;
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
            let idempotent = true;
            let answer = self.send(&path, batch, idempotent, what, on_event)?;
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
