//! Talking to an engine: its address without credentials, the credentials
//! as a header, and requests retried while the engine is busy.

use std::time::Duration;

use crate::error::ExportError;

/// Where the engine is and how to sign in, parsed from the `--url`.
///
/// Credentials written in the URL (`https://user:secret@host:9200`) become
/// an `Authorization: Basic` header and are gone from [`Endpoint::shown`],
/// the only form of the address that reaches messages.
///
/// ```
/// use newsq_export::Endpoint;
/// let endpoint = Endpoint::parse("https://elastic:s3cret@es.example:9200/", None).unwrap();
/// assert_eq!(endpoint.shown(), "https://es.example:9200");
/// assert!(!format!("{endpoint:?}").contains("s3cret"));
/// ```
#[derive(Clone)]
pub struct Endpoint {
    /// scheme://host[:port][/prefix], no trailing slash, no credentials.
    base: String,
    authorization: Option<String>,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("base", &self.base)
            .field("authorization", &self.authorization.as_ref().map(|_| "…"))
            .finish()
    }
}

impl Endpoint {
    /// Parse `url`; `authorization`, when given, is the full value of the
    /// `Authorization` header (it wins over credentials in the URL).
    pub fn parse(url: &str, authorization: Option<String>) -> Result<Endpoint, ExportError> {
        let bad = |problem: &str| ExportError::Url {
            url: redact(url),
            problem: problem.to_string(),
        };
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| bad("give the engine's address with http:// or https://"))?;
        if !matches!(scheme, "http" | "https") {
            return Err(bad("only http:// and https:// are supported"));
        }
        if rest.contains(['?', '#']) {
            return Err(bad(
                "give the engine's base address only, without a query or fragment",
            ));
        }
        // Credentials end at the last '@', even when a password holds a
        // '/' that should have been written %2F.
        let (userinfo, rest) = match rest.rsplit_once('@') {
            Some((userinfo, rest)) => (Some(userinfo), rest),
            None => (None, rest),
        };
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if host.is_empty() {
            return Err(bad("the address has no host"));
        }
        let from_url = userinfo.map(|userinfo| {
            let decoded = percent_decode(userinfo);
            format!("Basic {}", base64(&decoded))
        });
        Ok(Endpoint {
            base: format!("{scheme}://{host}{}", path.trim_end_matches('/')),
            authorization: authorization.or(from_url),
        })
    }

    /// The address as messages show it: no credentials.
    pub fn shown(&self) -> &str {
        &self.base
    }

    /// The full URL of `path` (which starts with '/').
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub(crate) fn authorization(&self) -> Option<&str> {
        self.authorization.as_deref()
    }
}

/// `url` with any credentials replaced by "…", for error messages about a
/// URL that did not parse.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.split('@').next_back().unwrap_or_default().to_string();
    };
    match rest.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://…@{host}"),
        None => url.to_string(),
    }
}

/// `%XX` escapes of a URL's user information decoded (a password with
/// '@' or ':' is written %40, %3A).
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Standard base64 with padding (RFC 4648), for Basic credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// When to try a request again, and how long to wait.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// Wait before the second try; doubled before each next one.
    pub first_wait: Duration,
    /// Longest wait, also for an engine's `Retry-After`.
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    /// 8 tries over about a minute: 0.5, 1, 2, 4, 8, 16, 30 seconds apart.
    fn default() -> Self {
        RetryPolicy {
            attempts: 8,
            first_wait: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed try number `attempt` (1-based), or the
    /// engine's `Retry-After` seconds when it gave some.
    pub(crate) fn wait(&self, attempt: u32, retry_after: Option<u64>) -> Duration {
        let doubled = self
            .first_wait
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20));
        retry_after
            .map(Duration::from_secs)
            .unwrap_or(doubled)
            .min(self.max_wait)
    }
}

/// A status worth retrying: the engine is busy or briefly unwell.
pub(crate) fn is_transient(status: u16) -> bool {
    // 501 (not implemented) and 505 (version not supported) never change.
    status == 429 || ((500..600).contains(&status) && !matches!(status, 501 | 505))
}

/// An engine's answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub body: String,
    pub retry_after: Option<u64>,
}

/// Longest answer body read: an engine's answer to a batch is a few
/// hundred bytes per document.
const MAX_ANSWER_BYTES: u64 = 64 * 1024 * 1024;

/// What newsq calls itself in requests.
pub(crate) const USER_AGENT: &str = concat!("newsq/", env!("CARGO_PKG_VERSION"));

/// Why there was no answer.
#[derive(Debug)]
pub(crate) struct NoAnswer {
    /// What went wrong, in words.
    pub reason: String,
    /// The time limit ran out (the request may have been received).
    pub timed_out: bool,
}

impl From<ureq::Error> for NoAnswer {
    fn from(error: ureq::Error) -> Self {
        NoAnswer {
            timed_out: matches!(error, ureq::Error::Timeout(_)),
            reason: transport_reason(&error),
        }
    }
}

/// One HTTP exchange; `Err` is a transport failure (no answer).
/// `time_limit`, when given, replaces the agent's for this request.
pub(crate) fn exchange(
    agent: &ureq::Agent,
    endpoint: &Endpoint,
    method: &str,
    path: &str,
    body: Option<(&str, &[u8])>,
    time_limit: Option<Duration>,
) -> Result<Answer, NoAnswer> {
    let url = endpoint.url(path);
    // The User-Agent is the agent's ([`USER_AGENT`]).
    let response = match (method, body) {
        ("HEAD", _) => prepared(agent.head(&url), endpoint, time_limit).call(),
        ("GET", _) => prepared(agent.get(&url), endpoint, time_limit).call(),
        ("PUT", Some((content_type, bytes))) => prepared(agent.put(&url), endpoint, time_limit)
            .header("Content-Type", content_type)
            .send(bytes),
        (_, Some((content_type, bytes))) => prepared(agent.post(&url), endpoint, time_limit)
            .header("Content-Type", content_type)
            .send(bytes),
        (_, None) => prepared(agent.post(&url), endpoint, time_limit).send_empty(),
    };
    let mut response = response?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let body = if method == "HEAD" {
        String::new()
    } else {
        // Lossy: a proxy's error page in another encoding is still shown.
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_vec()?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(Answer {
        status,
        body,
        retry_after,
    })
}

/// `request` with the endpoint's credentials and, when given, its own time
/// limit.
fn prepared<B>(
    request: ureq::RequestBuilder<B>,
    endpoint: &Endpoint,
    time_limit: Option<Duration>,
) -> ureq::RequestBuilder<B> {
    let request = match endpoint.authorization() {
        Some(value) => request.header("Authorization", value),
        None => request,
    };
    match time_limit {
        Some(limit) => request.config().timeout_global(Some(limit)).build(),
        None => request,
    }
}

/// What went wrong below HTTP, in words; ureq's own messages may carry the
/// URL, and the URL here never has credentials.
fn transport_reason(error: &ureq::Error) -> String {
    match error {
        ureq::Error::Io(e) => e.to_string(),
        ureq::Error::Timeout(_) => "timed out".to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        other => other.to_string(),
    }
}

/// The engine's own words from an error answer: Quickwit's `message`,
/// Elasticsearch's `error.type` and `error.reason`, else the body's start.
pub(crate) fn engine_message(body: &str) -> String {
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(body) {
        if let Some(message) = value.get("message").and_then(|m| m.as_str()) {
            return message.to_string();
        }
        if let Some(error) = value.get("error") {
            if let Some(text) = error.as_str() {
                return text.to_string();
            }
            let field = |name: &str| error.get(name).and_then(|v| v.as_str());
            match (field("type"), field("reason")) {
                (Some(kind), Some(reason)) => return format!("{kind}: {reason}"),
                (None, Some(reason)) => return reason.to_string(),
                (Some(kind), None) => return kind.to_string(),
                (None, None) => {}
            }
        }
    }
    let text = body.trim();
    if text.is_empty() {
        return "(no message)".to_string();
    }
    let mut end = text.len().min(500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_the_url_become_a_basic_header_and_leave_the_address() {
        let endpoint = Endpoint::parse("http://elastic:p%40ss@localhost:9200/es/", None).unwrap();
        assert_eq!(endpoint.shown(), "http://localhost:9200/es");
        // "elastic:p@ss"
        assert_eq!(endpoint.authorization(), Some("Basic ZWxhc3RpYzpwQHNz"));
        assert_eq!(
            endpoint.url("/news/_bulk"),
            "http://localhost:9200/es/news/_bulk"
        );
    }

    #[test]
    fn a_password_with_a_slash_stays_out_of_the_address() {
        let endpoint = Endpoint::parse("https://u:se/cr@t@host:9200/es", None).unwrap();
        assert_eq!(endpoint.shown(), "https://host:9200/es");
        assert_eq!(
            endpoint.authorization(),
            Some(format!("Basic {}", base64(b"u:se/cr@t")).as_str())
        );
    }

    #[test]
    fn an_explicit_authorization_wins() {
        let endpoint = Endpoint::parse("https://u:p@host", Some("ApiKey abc".to_string())).unwrap();
        assert_eq!(endpoint.authorization(), Some("ApiKey abc"));
    }

    #[test]
    fn malformed_urls_are_refused_without_showing_credentials() {
        for url in [
            "ftp://u:secret@host",
            "u:secret@host",
            "http://u:secret@",
            "http://h/?x=1",
        ] {
            let message = Endpoint::parse(url, None).unwrap_err().to_string();
            assert!(!message.contains("secret"), "{message}");
        }
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn waits_double_up_to_the_ceiling_and_follow_retry_after() {
        let policy = RetryPolicy::default();
        let waits: Vec<u64> = (1..=8)
            .map(|a| policy.wait(a, None).as_millis() as u64)
            .collect();
        assert_eq!(waits, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
        assert_eq!(policy.wait(1, Some(3)), Duration::from_secs(3));
        assert_eq!(policy.wait(1, Some(3600)), Duration::from_secs(30));
    }

    #[test]
    fn engine_messages_are_read_from_either_engines_error_shape() {
        assert_eq!(
            engine_message(r#"{"message":"index `x` not found"}"#),
            "index `x` not found"
        );
        assert_eq!(
            engine_message(
                r#"{"error":{"type":"mapper_parsing_exception","reason":"failed to parse"},"status":400}"#
            ),
            "mapper_parsing_exception: failed to parse"
        );
        assert_eq!(engine_message("  "), "(no message)");
        assert_eq!(
            engine_message("<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
    }
}
