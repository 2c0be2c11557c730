//! The HTTP response a WARC `response` record holds: status, the headers
//! newsq needs, and the body with transfer and content encodings undone.

use std::io::Read;

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};

/// An HTTP response, its body still as sent.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HttpResponse<'a> {
    pub status: u16,
    /// `Content-Type`, as sent (`text/html; charset=utf-8`).
    pub content_type: Option<String>,
    chunked: bool,
    content_encoding: Option<String>,
    body: &'a [u8],
}

/// Why a response body could not be had.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// More than the limit once decompressed.
    TooLarge,
    /// An encoding newsq cannot undo, or a damaged body; says which.
    Undecodable(String),
}

/// Parse the status line and headers of `block`. `Err` holds what is wrong.
pub(crate) fn parse(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    // The head ends at the first blank line, CRLF or (as some crawlers and
    // hand-made archives write) bare LF, whichever comes first.
    let crlf = find(block, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(block, b"\n\n").map(|i| (i, 2));
    let (head, body) = match (crlf, lf) {
        (Some(c), Some(l)) => split_at(block, c.min(l)),
        (Some(end), None) | (None, Some(end)) => split_at(block, end),
        (None, None) => (block, &block[block.len()..]),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err("not an HTTP response".to_string());
    }
    let status = parts
        .next()
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| "no HTTP status code".to_string())?;
    let mut response = HttpResponse {
        status,
        content_type: None,
        chunked: false,
        content_encoding: None,
        body,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = Some(value.to_string()),
            "transfer-encoding" => {
                response.chunked = value.to_ascii_lowercase().contains("chunked");
            }
            "content-encoding" => {
                let encoding = value.to_ascii_lowercase();
                if !matches!(encoding.as_str(), "" | "identity" | "none") {
                    response.content_encoding = Some(encoding);
                }
            }
            _ => {}
        }
    }
    Ok(response)
}

impl HttpResponse<'_> {
    /// The body with chunked transfer encoding and gzip/deflate content
    /// encoding undone, at most `limit` bytes. (Common Crawl stores bodies
    /// decoded already, renaming the headers; other crawlers do not.)
    pub(crate) fn decoded_body(&self, limit: u64) -> Result<Vec<u8>, BodyError> {
        let dechunked;
        let raw = if self.chunked {
            dechunked = dechunk(self.body);
            dechunked.as_slice()
        } else {
            self.body
        };
        let mut out = Vec::new();
        let read = match self.content_encoding.as_deref() {
            None => {
                out.extend_from_slice(raw);
                Ok(out.len())
            }
            Some("gzip" | "x-gzip") => GzDecoder::new(raw).take(limit + 1).read_to_end(&mut out),
            // "deflate" is zlib by the standard, raw deflate in practice too.
            Some("deflate") => ZlibDecoder::new(raw)
                .take(limit + 1)
                .read_to_end(&mut out)
                .or_else(|_| {
                    out.clear();
                    DeflateDecoder::new(raw)
                        .take(limit + 1)
                        .read_to_end(&mut out)
                }),
            Some(other) => {
                return Err(BodyError::Undecodable(format!(
                    "content encoding `{other}`"
                )))
            }
        };
        match read {
            Ok(n) if n as u64 > limit => Err(BodyError::TooLarge),
            Ok(_) => Ok(out),
            Err(e) => Err(BodyError::Undecodable(format!(
                "damaged compressed body: {e}"
            ))),
        }
    }
}

/// Undo chunked transfer encoding; a damaged chunk list ends the body there.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(line_end) = find(data, b"\n") {
        let size_line = String::from_utf8_lossy(&data[..line_end]);
        // "1a3f;extension=value"
        let size_text = size_line.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        data = &data[line_end + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(data.len());
        out.extend_from_slice(&data[..take]);
        data = &data[take..];
        // The CRLF closing the chunk.
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
    out
}

/// Whether `content_type` names an HTML page.
pub(crate) fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type` value.
pub(crate) fn charset_of(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
            .filter(|v| !v.is_empty())
    })
}

/// The head before a blank line at `at` (`length` bytes long) and the body after it.
fn split_at(block: &[u8], (at, length): (usize, usize)) -> (&[u8], &[u8]) {
    (&block[..at], &block[at + length..])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    #[test]
    fn status_type_and_body() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>hi</p>";
        let response = parse(block).unwrap();
        assert_eq!(response.status, 200);
        let content_type = response.content_type.as_deref().unwrap();
        assert!(is_html_type(content_type));
        assert_eq!(charset_of(content_type), Some("ISO-8859-1"));
        assert_eq!(response.decoded_body(1024).unwrap(), b"<p>hi</p>");
    }

    #[test]
    fn a_bare_lf_head_ends_at_its_own_blank_line() {
        let block = b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n<head><title>T</title></head>\r\n\r\n<p>x</p>";
        let response = parse(block).unwrap();
        assert_eq!(response.content_type.as_deref(), Some("text/html"));
        assert!(response.decoded_body(1024).unwrap().starts_with(b"<head>"));
    }

    #[test]
    fn not_http_and_no_status() {
        assert_eq!(parse(b"hello").unwrap_err(), "not an HTTP response");
        assert_eq!(
            parse(b"HTTP/1.1 OK\r\n\r\n").unwrap_err(),
            "no HTTP status code"
        );
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5;x=y\r\ni</p>\r\n0\r\n\r\n";
        assert_eq!(
            parse(block).unwrap().decoded_body(1024).unwrap(),
            b"<p>hi</p>"
        );

        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        let response = parse(&block).unwrap();
        assert_eq!(response.decoded_body(1024).unwrap(), b"<p>zipped</p>");
        assert_eq!(response.decoded_body(5), Err(BodyError::TooLarge));
    }

    #[test]
    fn unknown_encodings_and_damaged_bodies_are_undecodable() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        assert_eq!(
            parse(block).unwrap().decoded_body(1024),
            Err(BodyError::Undecodable("content encoding `br`".to_string()))
        );
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip";
        assert!(matches!(
            parse(block).unwrap().decoded_body(1024),
            Err(BodyError::Undecodable(_))
        ));
    }
}
