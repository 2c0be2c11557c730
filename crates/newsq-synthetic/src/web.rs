//! Articles as the web serves them: HTML pages in a few site layouts, with
//! the furniture real pages carry (navigation, adverts, related links,
//! comments, cookie notices, captioned photos, scripts), and WARC files
//! holding them as a crawler stores them — for testing and benchmarking
//! newsq's HTML and WARC readers without anyone's real pages.

use std::io::{self, Write};

use flate2::write::GzEncoder;
use flate2::Compression;

/// What a page says about its article.
#[derive(Debug, Clone, Default)]
pub struct PageArticle {
    /// Headline.
    pub title: String,
    /// The site's name.
    pub outlet: String,
    /// Author names, if the page has a byline.
    pub authors: Vec<String>,
    /// Publication date (RFC 3339), if the page gives one.
    pub published: Option<String>,
    /// `<html lang>`.
    pub language: String,
    /// Where the page lives.
    pub url: String,
    /// The article's paragraphs, as text.
    pub paragraphs: Vec<String>,
}

/// The ways sites mark articles up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `<article>`, Open Graph metadata, a byline paragraph, a captioned
    /// figure, related links in an `<aside>`, a comments section.
    Semantic,
    /// Nested `<div>`s with class names only, metadata in `<meta name>`
    /// tags, a "most read" box and adverts between paragraphs.
    DivSoup,
    /// Metadata in JSON-LD only, `<time>` and an author link, a cookie
    /// notice, a newsletter box and a long footer.
    JsonLd,
}

impl Layout {
    /// Every layout, for cycling through.
    pub const ALL: [Layout; 3] = [Layout::Semantic, Layout::DivSoup, Layout::JsonLd];
}

/// The page of `article` in `layout`.
///
/// ```
/// use newsq_synthetic::web::{html_page, Layout, PageArticle};
///
/// let article = PageArticle {
///     title: "Ferry strike ends".into(),
///     paragraphs: vec!["“We won,” said Lena Ortiz.".into()],
///     ..PageArticle::default()
/// };
/// let page = html_page(Layout::Semantic, &article);
/// assert!(page.contains("<p>“We won,” said Lena Ortiz.</p>"));
/// ```
pub fn html_page(layout: Layout, article: &PageArticle) -> String {
    match layout {
        Layout::Semantic => semantic(article),
        Layout::DivSoup => div_soup(article),
        Layout::JsonLd => json_ld(article),
    }
}

fn paragraphs_html(article: &PageArticle, advert_every: usize) -> String {
    let mut out = String::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        out.push_str(&format!("<p>{}</p>\n", escape(p)));
        if advert_every > 0 && (i + 1) % advert_every == 0 && i + 1 < article.paragraphs.len() {
            out.push_str(
                "<div class=\"ad-slot advert\"><span>Advertisement</span>\
                 <a href=\"https://ads.example/click\">Refinance your boat today</a></div>\n",
            );
        }
    }
    out
}

fn navigation() -> &'static str {
    "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Home</a>\
     <nav class=\"main-nav\"><ul><li><a href=\"/news\">News</a></li>\
     <li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li>\
     <li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>\
     <form class=\"search\"><input name=\"q\" placeholder=\"Search\"></form></header>\n"
}

fn semantic(a: &PageArticle) -> String {
    let byline = byline_text(a)
        .map(|b| format!("<p class=\"byline\">By {}</p>\n", escape(&b)))
        .unwrap_or_default();
    let date_meta = a
        .published
        .as_ref()
        .map(|d| format!("<meta property=\"article:published_time\" content=\"{d}\">\n"))
        .unwrap_or_default();
    let author_meta = byline_text(a)
        .map(|b| format!("<meta name=\"author\" content=\"{}\">\n", escape(&b)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} | {outlet}</title>\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <link rel=\"canonical\" href=\"{url}\">\n{date_meta}{author_meta}\
         <style>body {{ font-family: serif; }}</style>\n\
         <script>window.analytics = {{\"page\": \"article\", \"section\": \"news\"}};</script>\n\
         </head>\n<body>\n{nav}<main>\n<article>\n<h1>{title}</h1>\n{byline}\
         <figure><img src=\"/img/lead.jpg\" alt=\"The scene on Monday\">\
         <figcaption>The scene on Monday morning. Photograph: Staff Photographer/Agency</figcaption></figure>\n\
         {body}</article>\n\
         <aside class=\"related\"><h2>Related stories</h2><ul>\
         <li><a href=\"/a\">Council approves new budget for harbour works</a></li>\
         <li><a href=\"/b\">Ferry timetable changes from next week</a></li>\
         <li><a href=\"/c\">Opinion: why the pier matters to everyone</a></li></ul></aside>\n\
         <section id=\"comments\" class=\"comments\"><h2>Comments (2)</h2>\
         <div class=\"comment\"><p class=\"comment-author\">harbourfan</p>\
         <p>“This is a disgrace,” said nobody at the meeting. Typical.</p></div>\
         <div class=\"comment\"><p class=\"comment-author\">localreader</p>\
         <p>I have lived here for forty years and never seen anything like it.</p></div></section>\n\
         </main>\n<footer><p>© 2026 {outlet}. All rights reserved.</p>\
         <a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>\n</body>\n</html>\n",
        lang = a.language,
        title = escape(&a.title),
        outlet = escape(&a.outlet),
        url = escape(&a.url),
        nav = navigation(),
        body = paragraphs_html(a, 0),
    )
}

fn div_soup(a: &PageArticle) -> String {
    let author = byline_text(a)
        .map(|b| format!("<meta name=\"author\" content=\"{}\">\n", escape(&b)))
        .unwrap_or_default();
    let date = a
        .published
        .as_ref()
        .map(|d| format!("<meta name=\"pubdate\" content=\"{d}\">\n"))
        .unwrap_or_default();
    format!(
        "<html lang=\"{lang}\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n\
         <title>{title} - {outlet}</title>\n<meta name=\"description\" content=\"{title}\">\n\
         {author}{date}</head>\n<body><div id=\"wrapper\">\n{nav}\
         <div class=\"breaking-banner\"><a href=\"/live\">LIVE: Updates from the coast</a></div>\n\
         <div class=\"container\"><div class=\"col-main\"><div class=\"story-body\">\n\
         <h1 class=\"story-headline\">{title}</h1>\n<div class=\"story-text\">\n{body}</div></div></div>\n\
         <div class=\"col-side sidebar\"><div class=\"most-read\"><h3>Most read</h3><ol>\
         <li><a href=\"/1\">Storm closes coastal road</a></li><li><a href=\"/2\">Mayor opens new library</a></li>\
         <li><a href=\"/3\">Five things to do this weekend</a></li><li><a href=\"/4\">Prices rise again</a></li></ol></div>\
         <div class=\"ad-slot\">Advertisement</div></div></div>\n\
         <div class=\"share-tools\"><a href=\"#\">Share on social media</a> <a href=\"#\">Email</a></div>\n\
         <div class=\"footer\">Copyright 2026 {outlet} Ltd. <a href=\"/contact\">Contact us</a></div>\n\
         </div></body></html>\n",
        lang = a.language,
        title = escape(&a.title),
        outlet = escape(&a.outlet),
        nav = navigation(),
        body = paragraphs_html(a, 3),
    )
}

fn json_ld(a: &PageArticle) -> String {
    let authors = a
        .authors
        .iter()
        .map(|n| {
            format!(
                "{{\"@type\": \"Person\", \"name\": \"{}\"}}",
                json_escape(n)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let date_field = a
        .published
        .as_ref()
        .map(|d| format!("\"datePublished\": \"{d}\", "))
        .unwrap_or_default();
    let time = a
        .published
        .as_ref()
        .map(|d| format!("<time datetime=\"{d}\">{}</time>", &d[..d.len().min(10)]))
        .unwrap_or_default();
    let author_link = a
        .authors
        .first()
        .map(|n| {
            format!(
                "<a class=\"author\" rel=\"author\" href=\"/people/x\">{}</a>",
                escape(n)
            )
        })
        .unwrap_or_default();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"UTF-8\"><title>{title}</title>\n\
         <script type=\"application/ld+json\">{{\"@context\": \"https://schema.org\", \
         \"@type\": \"NewsArticle\", \"headline\": \"{jtitle}\", {date_field}\
         \"author\": [{authors}], \"publisher\": {{\"@type\": \"Organization\", \"name\": \"{joutlet}\"}}}}</script>\n\
         </head><body>\n<div class=\"cookie-consent\">We use cookies to improve your experience. \
         <button>Accept all</button> <button>Manage preferences</button></div>\n{nav}\
         <div class=\"page\"><div class=\"content\" id=\"article-body\">\n<h1>{title}</h1>\n\
         <div class=\"meta\">{author_link} {time}</div>\n{body}</div>\n\
         <div class=\"newsletter\"><h3>Sign up for our morning briefing</h3>\
         <p>Get the day's top stories in your inbox.</p><input placeholder=\"Email\"><button>Subscribe</button></div>\n\
         </div>\n<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li>\
         <li><a href=\"/jobs\">Jobs</a></li><li><a href=\"/advertise\">Advertise</a></li></ul>\
         <p>{outlet} is published by Example Media Group.</p></footer>\n</body></html>\n",
        lang = a.language,
        title = escape(&a.title),
        jtitle = json_escape(&a.title),
        joutlet = json_escape(&a.outlet),
        outlet = escape(&a.outlet),
        nav = navigation(),
        body = paragraphs_html(a, 0),
    )
}

fn byline_text(a: &PageArticle) -> Option<String> {
    match a.authors.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// Text as HTML character data or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn json_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Writes WARC/1.1 records as a crawler does, each record its own gzip
/// member when compressed (as `.warc.gz` files are).
///
/// ```
/// use newsq_synthetic::web::WarcWriter;
///
/// let mut warc = WarcWriter::new(Vec::new(), false);
/// warc.response("https://news.example/a", "2026-03-04T10:00:00Z", 200, "text/html", b"<p>Hi</p>").unwrap();
/// let bytes = warc.finish().unwrap();
/// assert!(bytes.starts_with(b"WARC/1.1\r\nWARC-Type: response\r\n"));
/// ```
pub struct WarcWriter<W: Write> {
    out: W,
    gzip: bool,
    records: u64,
}

impl<W: Write> WarcWriter<W> {
    /// Records go to `out`, gzip-compressed when `gzip`.
    pub fn new(out: W, gzip: bool) -> Self {
        WarcWriter {
            out,
            gzip,
            records: 0,
        }
    }

    /// A `warcinfo` record, as files open with.
    pub fn warcinfo(&mut self, date: &str) -> io::Result<()> {
        let block = b"software: newsq-synthetic\r\nformat: WARC File Format 1.1\r\n";
        self.record("warcinfo", None, date, "application/warc-fields", block)
    }

    /// The `request` record a crawler writes before each response.
    pub fn request(&mut self, url: &str, date: &str) -> io::Result<()> {
        let path = url.splitn(4, '/').nth(3).unwrap_or_default();
        let host = url.split('/').nth(2).unwrap_or_default();
        let block = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: test\r\n\r\n");
        self.record(
            "request",
            Some(url),
            date,
            "application/http; msgtype=request",
            block.as_bytes(),
        )
    }

    /// A `response` record: an HTTP response with `status`, `content_type`
    /// and `body`.
    pub fn response(
        &mut self,
        url: &str,
        date: &str,
        status: u16,
        content_type: &str,
        body: &[u8],
    ) -> io::Result<()> {
        let reason = if status == 200 { "OK" } else { "Other" };
        let mut block = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\nServer: test\r\n\r\n",
            body.len()
        )
        .into_bytes();
        block.extend_from_slice(body);
        self.record(
            "response",
            Some(url),
            date,
            "application/http; msgtype=response",
            &block,
        )
    }

    /// Any record: a header with `kind`, the target URL, date and block
    /// type, then `block`.
    pub fn record(
        &mut self,
        kind: &str,
        url: Option<&str>,
        date: &str,
        content_type: &str,
        block: &[u8],
    ) -> io::Result<()> {
        self.records += 1;
        let mut record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\n",
            self.records
        );
        if let Some(url) = url {
            record.push_str(&format!("WARC-Target-URI: {url}\r\n"));
        }
        record.push_str(&format!(
            "WARC-Date: {date}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        ));
        let mut bytes = record.into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        if self.gzip {
            let mut member = GzEncoder::new(Vec::new(), Compression::default());
            member.write_all(&bytes)?;
            self.out.write_all(&member.finish()?)
        } else {
            self.out.write_all(&bytes)
        }
    }

    /// Flush, and hand back the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
