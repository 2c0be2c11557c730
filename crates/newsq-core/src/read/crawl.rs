//! The articles of a web crawl: each HTML response of a WARC file, with its
//! target URL and crawl date, read as the stream goes by.

use std::io::{self, BufRead, Cursor, Read};

use flate2::read::MultiGzDecoder;

use super::html::{self, PageSkip};
use super::http_response::{self, BodyError};
use super::skip::{RecordSkip, SkipReason, Skipped};
use super::warc::{RecordHeader, WarcError, WarcReader};
use super::FileContext;
use crate::Article;

/// The most of one response newsq reads (compressed or not), as of a page:
/// a larger response is a download.
const MAX_RESPONSE_BYTES: u64 = html::MAX_PAGE_BYTES as u64;

/// The gzip magic number, which every member of a `.warc.gz` starts with.
pub(crate) const GZIP_MAGIC: &[u8] = &[0x1F, 0x8B];

/// Damaged records reported from one file before the rest of it is passed
/// over: a file that is damaged throughout would otherwise print a line
/// for every few bytes.
const MAX_DAMAGED_RECORDS: usize = 20;

/// Articles of a WARC stream, one response at a time.
pub(crate) struct CrawlArticles<'a> {
    reader: WarcReader<Box<dyn BufRead + 'a>>,
    file: FileContext<'a>,
    /// Byte offsets in messages count decompressed data.
    gzipped: bool,
    damaged: usize,
    done: bool,
}

/// What opening a stream as WARC gives.
pub(crate) enum Opened<'a> {
    Warc(CrawlArticles<'a>),
    /// Not WARC after all, or unreadable; holds why.
    Skipped(SkipReason),
}

/// Open `input` (WARC, or gzip-compressed WARC) for reading. `forced`: the
/// user said it is WARC, so a stream not starting like one is read anyway
/// (and reported as damaged where it is).
pub(crate) fn open<'a>(
    mut input: Box<dyn BufRead + 'a>,
    file: FileContext<'a>,
    forced: bool,
) -> Opened<'a> {
    let gzipped = match input.fill_buf() {
        Ok(head) => head.starts_with(GZIP_MAGIC),
        Err(e) => return Opened::Skipped(super::walk::io_reason(&e)),
    };
    let stream: Box<dyn BufRead + 'a> = if gzipped {
        let mut decoder = MultiGzDecoder::new(input);
        // Look at the first bytes to tell a `.warc.gz` from other gzip files,
        // then put them back in front of the rest.
        let mut first = Vec::with_capacity(5);
        if let Err(e) = (&mut decoder).take(5).read_to_end(&mut first) {
            return Opened::Skipped(SkipReason::MalformedWarc(format!("damaged gzip data: {e}")));
        }
        if !first.starts_with(b"WARC/") && !forced {
            return Opened::Skipped(SkipReason::CompressedNotWarc);
        }
        Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            Cursor::new(first).chain(decoder),
        ))
    } else {
        input
    };
    Opened::Warc(CrawlArticles {
        reader: WarcReader::new(stream),
        file,
        gzipped,
        damaged: 0,
        done: false,
    })
}

/// A read error that is the data's fault (a damaged or cut-short gzip
/// member), not the disk's.
fn is_damage(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof
    )
}

impl Iterator for CrawlArticles<'_> {
    type Item = Result<Article, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(Some(item)) => return Some(item),
                Ok(None) => {}
                Err(e) => return Some(Err(self.damage(e))),
            }
        }
        None
    }
}

impl CrawlArticles<'_> {
    /// The skip for a record that could not be read, ending the file when
    /// nothing more can be read (past a damaged gzip member, the end of the
    /// data, a read error) or too much was damaged.
    fn damage(&mut self, e: WarcError) -> Skipped {
        self.damaged += 1;
        self.done = !e.is_recoverable() || self.damaged >= MAX_DAMAGED_RECORDS;
        let reason = match e {
            // The disk or the network, not the file: the run failed to read
            // it (and `newsq index` tries it again next time).
            WarcError::Io(io) if !is_damage(&io) => super::walk::io_reason(&io),
            e => {
                let mut why = e.to_string();
                if self.gzipped && !matches!(e, WarcError::Io(_)) {
                    why.push_str(" (uncompressed)");
                }
                if self.done && e.is_recoverable() {
                    why.push_str(&format!(
                        "; {MAX_DAMAGED_RECORDS} damaged records, the rest of the file is passed over"
                    ));
                }
                SkipReason::MalformedWarc(why)
            }
        };
        Skipped::file(&self.file.path, reason)
    }

    /// The next record's article or skip; `None` for records that are not
    /// responses (requests, metadata, `warcinfo`) and at the end.
    fn next_record(&mut self) -> Result<Option<Result<Article, Skipped>>, WarcError> {
        let Some(header) = self.reader.next_header()? else {
            self.done = true;
            return Ok(None);
        };
        if header.kind != "response" {
            self.reader.skip_block(&header)?;
            return Ok(None);
        }
        let url = header.target_uri.clone().unwrap_or_default();
        let skip = |why| {
            let reason = SkipReason::Record {
                url: url.clone(),
                why,
            };
            Ok(Some(Err(Skipped::file(&self.file.path, reason))))
        };
        // Only HTTP responses hold pages (not `dns:` lookups, say); a record
        // that does not say what it holds is tried as HTTP.
        if let Some(block_type) = &header.content_type {
            if !block_type
                .to_ascii_lowercase()
                .starts_with("application/http")
            {
                self.reader.skip_block(&header)?;
                return skip(RecordSkip::NotHtml(Some(block_type.clone())));
            }
        }
        let Some(block) = self.reader.read_block(&header, MAX_RESPONSE_BYTES)? else {
            return skip(RecordSkip::TooLarge);
        };
        match self.article(&header, &url, &block) {
            Ok(article) => Ok(Some(Ok(article))),
            Err(why) => skip(why),
        }
    }

    /// The article of one response block.
    fn article(
        &self,
        header: &RecordHeader,
        url: &str,
        block: &[u8],
    ) -> Result<Article, RecordSkip> {
        let response = http_response::parse(block).map_err(RecordSkip::Undecodable)?;
        if response.status != 200 {
            return Err(RecordSkip::HttpStatus(response.status));
        }
        let content_type = response
            .content_type
            .as_deref()
            .or(header.payload_type.as_deref())
            .filter(|t| !t.trim().is_empty());
        if let Some(kind) = content_type.filter(|t| !http_response::is_html_type(t)) {
            return Err(RecordSkip::NotHtml(Some(kind.to_string())));
        }
        let body = response
            .decoded_body(MAX_RESPONSE_BYTES)
            .map_err(|e| match e {
                BodyError::TooLarge => RecordSkip::TooLarge,
                BodyError::Undecodable(why) => RecordSkip::Undecodable(why),
            })?;
        if content_type.is_none() && !html::looks_like_html(&body) {
            return Err(RecordSkip::NotHtml(None));
        }
        let charset = response
            .content_type
            .as_deref()
            .and_then(http_response::charset_of);
        let id = if url.is_empty() {
            format!("{}@{}", self.file.file_name, header.offset)
        } else {
            url.to_string()
        };
        let mut article =
            html::parse_page_bytes(&id, &body, charset, Some(url)).map_err(|e| match e {
                PageSkip::NoArticle => RecordSkip::NoArticle,
                PageSkip::TooLarge(_) => RecordSkip::TooLarge,
            })?;
        // What was crawled, not what the page calls itself, identifies it.
        if !url.is_empty() {
            article.url = Some(url.to_string());
        }
        // A page that does not date itself was new when crawled: CC-NEWS
        // fetches articles within hours of publication.
        if article.published.is_none() {
            article.published.clone_from(&header.date);
        }
        Ok(self.file.finish(article, None, false))
    }
}
