//! WARC files (ISO 28500, WARC/1.0 and 1.1, as Common Crawl writes CC-NEWS),
//! read one record at a time from a stream, so that a file of any size is
//! read in the memory of its largest wanted record.
//!
//! Gzip-compressed WARC (one gzip member per record) is decompressed on the
//! way by the caller; this module sees the uncompressed stream.

use std::io::{self, BufRead, Read};

use super::decode::content_start;

/// A header longer than this is not a WARC header (Common Crawl's are under
/// 2 KiB); the limit keeps a corrupt file from filling memory.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// The fields of a record's header newsq uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RecordHeader {
    /// `WARC-Type`, lower case: `response`, `request`, `warcinfo`, ...
    pub kind: String,
    /// `WARC-Target-URI`, without the `<...>` WARC/1.0 writers put around it.
    pub target_uri: Option<String>,
    /// `WARC-Date`: when the page was crawled (RFC 3339, UTC).
    pub date: Option<String>,
    /// `Content-Type` of the block (`application/http; msgtype=response`).
    pub content_type: Option<String>,
    /// `WARC-Identified-Payload-Type`: the crawler's sniffed MIME type.
    pub payload_type: Option<String>,
    /// Length of the block that follows the header.
    pub content_length: u64,
    /// Where the record starts in the uncompressed stream.
    pub offset: u64,
}

/// Why the stream could not be read as WARC.
#[derive(Debug)]
pub(crate) enum WarcError {
    /// Reading failed (a damaged gzip member surfaces here too).
    Io(io::Error),
    /// A record that is not well formed; the reader looks for the next one.
    Malformed { offset: u64, message: String },
    /// The stream ends inside the record starting at `offset`.
    Truncated { offset: u64 },
}

impl WarcError {
    /// Whether reading can go on with the next record.
    pub(crate) fn is_recoverable(&self) -> bool {
        matches!(self, WarcError::Malformed { .. })
    }
}

impl std::fmt::Display for WarcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WarcError::Io(e) => write!(f, "{e}"),
            WarcError::Malformed { offset, message } => {
                write!(f, "{message} in the record at byte {offset}")
            }
            WarcError::Truncated { offset } => {
                write!(f, "the file ends inside the record at byte {offset}")
            }
        }
    }
}

/// Reads WARC records from an uncompressed stream.
pub(crate) struct WarcReader<R> {
    input: R,
    /// Bytes consumed so far.
    position: u64,
    /// After a malformed record: skip lines until the next `WARC/` line.
    resync: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub(crate) fn new(input: R) -> Self {
        WarcReader {
            input,
            position: 0,
            resync: false,
        }
    }

    /// The next record's header, leaving the reader at its block; `Ok(None)`
    /// at the end of the stream. The block must then be taken with
    /// [`WarcReader::read_block`] or [`WarcReader::skip_block`].
    pub(crate) fn next_header(&mut self) -> Result<Option<RecordHeader>, WarcError> {
        let offset = loop {
            let start = self.position;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            let text = content_start(&line);
            if text.starts_with(b"WARC/") {
                self.resync = false;
                break start;
            }
            // Blank lines end every block; anything else is damage.
            if text.is_empty() || self.resync {
                continue;
            }
            self.resync = true;
            return Err(WarcError::Malformed {
                offset: start,
                message: "expected a `WARC/1.x` version line".to_string(),
            });
        };
        let mut header = RecordHeader {
            offset,
            ..RecordHeader::default()
        };
        let mut length: Option<u64> = None;
        loop {
            let Some(line) = self.read_line()? else {
                return Err(WarcError::Truncated { offset });
            };
            if self.position - offset > MAX_HEADER_BYTES {
                return Err(self.malformed(offset, "a header over 64 KiB"));
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            // Continuation lines (leading white space) only ever extend fields
            // newsq does not read.
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    let uri = value.trim_start_matches('<').trim_end_matches('>');
                    header.target_uri = Some(uri.to_string());
                }
                "warc-date" => header.date = Some(value.to_string()),
                "content-type" => header.content_type = Some(value.to_string()),
                "warc-identified-payload-type" => header.payload_type = Some(value.to_string()),
                "content-length" => length = value.parse().ok(),
                _ => {}
            }
        }
        match length {
            Some(n) => header.content_length = n,
            None => return Err(self.malformed(offset, "no valid Content-Length")),
        }
        Ok(Some(header))
    }

    /// The block of the record `header` was read for, or `None` (and the
    /// block skipped) when it is longer than `limit` bytes.
    pub(crate) fn read_block(
        &mut self,
        header: &RecordHeader,
        limit: u64,
    ) -> Result<Option<Vec<u8>>, WarcError> {
        if header.content_length > limit {
            self.skip_block(header)?;
            return Ok(None);
        }
        // Grown as read, not allocated from the claimed length.
        let mut block = Vec::new();
        let read = (&mut self.input)
            .take(header.content_length)
            .read_to_end(&mut block)
            .map_err(WarcError::Io)?;
        self.position += read as u64;
        if (read as u64) < header.content_length {
            return Err(WarcError::Truncated {
                offset: header.offset,
            });
        }
        Ok(Some(block))
    }

    /// Pass over the block of the record `header` was read for.
    pub(crate) fn skip_block(&mut self, header: &RecordHeader) -> Result<(), WarcError> {
        let skipped = io::copy(
            &mut (&mut self.input).take(header.content_length),
            &mut io::sink(),
        )
        .map_err(WarcError::Io)?;
        self.position += skipped;
        if skipped < header.content_length {
            return Err(WarcError::Truncated {
                offset: header.offset,
            });
        }
        Ok(())
    }

    /// A malformed-record error, after which the reader looks for the next
    /// `WARC/` line.
    fn malformed(&mut self, offset: u64, message: &str) -> WarcError {
        self.resync = true;
        WarcError::Malformed {
            offset,
            message: message.to_string(),
        }
    }

    /// One line with its end, at most [`MAX_HEADER_BYTES`] long (a longer
    /// one comes in pieces); `None` at the end of the stream.
    fn read_line(&mut self) -> Result<Option<Vec<u8>>, WarcError> {
        let mut line = Vec::new();
        let read = (&mut self.input)
            .take(MAX_HEADER_BYTES)
            .read_until(b'\n', &mut line)
            .map_err(WarcError::Io)?;
        self.position += read as u64;
        Ok((read > 0).then_some(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2026-03-04T10:00:00Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    #[test]
    fn reads_headers_and_blocks_in_order() {
        let text = record("warcinfo", "", "software: test")
            + &record(
                "response",
                "<https://a.example/x>",
                "HTTP/1.1 200 OK\r\n\r\nhi",
            );
        let mut reader = WarcReader::new(text.as_bytes());
        let first = reader.next_header().unwrap().unwrap();
        assert_eq!(first.kind, "warcinfo");
        assert_eq!(first.offset, 0);
        reader.skip_block(&first).unwrap();
        let second = reader.next_header().unwrap().unwrap();
        assert_eq!(second.kind, "response");
        assert_eq!(second.target_uri.as_deref(), Some("https://a.example/x"));
        assert_eq!(second.date.as_deref(), Some("2026-03-04T10:00:00Z"));
        let block = reader.read_block(&second, 1 << 20).unwrap().unwrap();
        assert_eq!(block, b"HTTP/1.1 200 OK\r\n\r\nhi");
        assert!(reader.next_header().unwrap().is_none());
    }

    #[test]
    fn a_block_over_the_limit_is_skipped_and_the_next_record_read() {
        let text = record("response", "https://a.example/big", &"x".repeat(100))
            + &record("response", "https://a.example/small", "y");
        let mut reader = WarcReader::new(text.as_bytes());
        let big = reader.next_header().unwrap().unwrap();
        assert_eq!(reader.read_block(&big, 50).unwrap(), None);
        let small = reader.next_header().unwrap().unwrap();
        assert_eq!(small.target_uri.as_deref(), Some("https://a.example/small"));
    }

    #[test]
    fn a_damaged_record_is_reported_and_the_next_one_found() {
        let good = record("response", "https://a.example/ok", "z");
        let text = format!("garbage line\r\nmore\r\n{good}");
        let mut reader = WarcReader::new(text.as_bytes());
        let error = reader.next_header().unwrap_err();
        assert!(error.is_recoverable());
        assert_eq!(
            error.to_string(),
            "expected a `WARC/1.x` version line in the record at byte 0"
        );
        let next = reader.next_header().unwrap().unwrap();
        assert_eq!(next.target_uri.as_deref(), Some("https://a.example/ok"));
    }

    #[test]
    fn a_missing_length_is_malformed_and_a_short_block_truncated() {
        let text = "WARC/1.1\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
        let error = WarcReader::new(text.as_bytes()).next_header().unwrap_err();
        assert_eq!(
            error.to_string(),
            "no valid Content-Length in the record at byte 0"
        );
        let text = "WARC/1.0\r\nContent-Length: 99\r\n\r\nshort";
        let mut reader = WarcReader::new(text.as_bytes());
        let header = reader.next_header().unwrap().unwrap();
        let error = reader.read_block(&header, 1 << 20).unwrap_err();
        assert!(!error.is_recoverable());
        assert_eq!(
            error.to_string(),
            "the file ends inside the record at byte 0"
        );
    }
}
