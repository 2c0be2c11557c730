//! HTML article pages: decode the bytes in the page's declared encoding,
//! find the article with Mozilla Readability's algorithm (the `dom_smoothie`
//! crate: navigation, adverts, related links and comments go), and keep its
//! paragraphs, so that a quotation and its attribution stay together.

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::decode::content_start;
use super::{clean, text};
use crate::Article;

/// Pages with more elements are not articles (a long article has a few
/// thousand); the bound keeps a hostile page from taking minutes.
const MAX_ELEMENTS: usize = 60_000;

/// Readability's "probably readable" test: the sum over paragraphs of at
/// least [`MIN_READABLE_PARAGRAPH`] characters of √(characters − that) must
/// reach this. Readability.js counts paragraphs from 140 characters and asks
/// for 20, which fails news written in one-sentence paragraphs and briefs;
/// from 80 and 15, PolNeAR's 840 articles as pages lose 5 (stubs whose
/// embedded posts are gone, 1 of 8,524 quotations), BBC's 2,225 none.
const MIN_READABLE_SCORE: f32 = 15.0;
const MIN_READABLE_PARAGRAPH: usize = 80;

/// How far into a page its `<meta charset>` is looked for (browsers look
/// at 1024 bytes; some pages put a long comment or script first).
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// A page larger than this is not an article page (news pages are well
/// under a megabyte of markup); a crawl's response records and decoded
/// bodies stop there too.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// Elements nested deeper than this are not a news page (those nest a few
/// dozen deep); parsing costs grow with depth times size, so a page of a
/// million nested `<div>`s would take hours.
const MAX_NESTING: usize = 1_000;

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageSkip {
    /// Readability found no article text: an index page, a gallery, a
    /// page of links, an error page.
    NoArticle,
    /// Larger than an article page: over 16 MiB, more elements
    /// than an article has, or nested deeper. Says which.
    TooLarge(String),
}

/// Read an HTML page into an article. `url` is where the page came from, if
/// known (a crawl's target URL): it resolves relative links, and its host
/// names the outlet when the page does not.
///
/// * body: the paragraphs of the article Readability finds, without figures
///   and their captions or a leading "By ..." line, cleaned like plain text
///   (calls to action, copyright and dateline removed), joined with `"\n\n"`;
/// * title, byline (split into authors), published date, language and site
///   name from the page's metadata (`<title>`, Open Graph, JSON-LD,
///   `<html lang>`);
/// * outlet: the site name, else what the `<title>` adds to the headline
///   ("Headline | Outlet", "Headline - Outlet"), else the host of the
///   page's URL without `www.`;
/// * url: the page's canonical URL where it names one, else `url`.
///
/// `id` becomes [`Article::id`]; `path` and `line` are left for the caller.
///
/// ```
/// use newsq_core::read::parse_html;
///
/// let page = r#"<html lang="en"><head><title>Ferry strike ends</title>
///   <meta property="og:site_name" content="Harbour Herald"></head><body>
///   <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
///   <article><h1>Ferry strike ends</h1>
///   <p>The ferry crews returned to work on Monday after a week-long strike over pay and rosters.</p>
///   <p>“We got what we asked for,” union organiser Lena Ortiz said outside the terminal gates.</p>
///   <p>The ferry company said the first crossings would leave at six in the morning as usual.</p>
///   </article><footer>© Harbour Herald</footer></body></html>"#;
/// let article = parse_html("ferry.html", page, None).unwrap();
/// assert_eq!(article.outlet.as_deref(), Some("Harbour Herald"));
/// assert_eq!(article.language.as_deref(), Some("en"));
/// assert!(article.body.contains("\n\n“We got what we asked for,” union organiser Lena Ortiz said"));
/// assert!(!article.body.contains("Sport"));
/// ```
pub fn parse_html(id: &str, html: &str, url: Option<&str>) -> Result<Article, PageSkip> {
    check_page_size(html.len())?;
    if let Some(why) = markup_too_large(html) {
        return Err(PageSkip::TooLarge(why));
    }
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        readable_min_score: MIN_READABLE_SCORE,
        readable_min_content_length: MIN_READABLE_PARAGRAPH,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // Readability only takes absolute URLs; a page is read without one.
    let url = url.filter(|u| is_web_url(u));
    let mut readability = Readability::new(html, url, Some(config)).map_err(page_skip)?;
    remove_furniture(&readability.doc);
    let page_title = readability.doc.select("head title").text().to_string();
    let first_heading = single_spaced(&readability.doc.select("h1").first().text());
    let canonical = first_attribute(&readability.doc, CANONICAL_URL).filter(|u| is_page_url(u));
    let dated = first_attribute(&readability.doc, PUBLISHED_DATE)
        .filter(|d| crate::index::date::parse_published(d).is_some());
    // Section fronts, tag pages and galleries have no paragraph of prose;
    // Readability would still return their link lists (and the quotations
    // in their headlines) as an article.
    if !readability.is_probably_readable() {
        return Err(PageSkip::NoArticle);
    }
    let page = readability.parse().map_err(page_skip)?;

    let byline = page
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let mut paragraphs: Vec<String> = page
        .text_content
        .split('\n')
        .map(single_spaced)
        .filter(|p| !p.is_empty())
        .collect();
    // The byline and date line often stay in the text when the page's
    // metadata named them too.
    for _ in 0..2 {
        if let Some(i) = paragraphs
            .iter()
            .take(3)
            .position(|p| is_byline(p, byline) || is_date_line(p))
        {
            paragraphs.remove(i);
        }
    }
    // Readability keeps "Headline - site-name.example" whole when the site's
    // name has a hyphen; the page's heading says where the headline ends.
    let title = match title_suffix(&page.title, &first_heading) {
        Some(_) if !first_heading.is_empty() => Some(first_heading),
        _ => Some(page.title.trim().to_string()).filter(|t| !t.is_empty()),
    };
    if let (Some(t), Some(first)) = (&title, paragraphs.first()) {
        if first == t {
            paragraphs.remove(0);
        }
    }
    let cleaned = clean::clean_paragraphs(paragraphs);
    if cleaned.paragraphs.is_empty() {
        return Err(PageSkip::NoArticle);
    }
    let page_url = page
        .url
        .as_deref()
        .filter(|u| is_page_url(u))
        .map(str::to_string)
        .or(canonical)
        .or(url.map(str::to_string));
    let outlet = non_empty(page.site_name.as_deref())
        .or_else(|| title.as_deref().and_then(|t| title_suffix(&page_title, t)))
        .or_else(|| page_url.as_deref().and_then(host_of))
        .or(cleaned.copyright_outlet)
        .or(cleaned.dateline_outlet);
    Ok(Article {
        id: id.to_string(),
        path: None,
        line: None,
        outlet,
        title,
        published: non_empty(page.published_time.as_deref()).or(dated),
        authors: byline.map(authors_of_byline).unwrap_or_default(),
        url: page_url,
        language: non_empty(page.lang.as_deref()),
        body: cleaned.paragraphs.join("\n\n"),
    })
}

/// [`parse_html`] on a page's bytes, decoded as [`decode_page`] does with
/// the server's `declared` charset; a page over [`MAX_PAGE_BYTES`] is
/// refused before it is decoded.
pub(crate) fn parse_page_bytes(
    id: &str,
    bytes: &[u8],
    declared: Option<&str>,
    url: Option<&str>,
) -> Result<Article, PageSkip> {
    check_page_size(bytes.len())?;
    parse_html(id, &decode_page(bytes, declared), url)
}

fn check_page_size(bytes: usize) -> Result<(), PageSkip> {
    if bytes > MAX_PAGE_BYTES {
        return Err(PageSkip::TooLarge(format!("{} MB", bytes / 1_000_000)));
    }
    Ok(())
}

/// Take out what Readability may keep but is never article text.
///
/// * Figures: images and videos with their captions and credits, and pull
///   quotes, which repeat a sentence of the article (a quotation would be
///   found twice).
/// * Reader comment sections (an `id` or class `comments`, `comment-list`,
///   `comments_area`, `disqus_thread`, ...): Readability drops them on long
///   pages, but on a short article it retries without its "unlikely
///   content" rules and can take the comments as the article, and a
///   commenter's name as the byline. Only whole tokens count, so a
///   `commentary` column stays.
fn remove_furniture(doc: &dom_query::Document) {
    doc.select("figure, figcaption").remove();
    let candidates = doc.select("[id*=omment], [class*=omment], [id*=disqus], [class*=disqus]");
    for node in candidates.nodes() {
        let names = [node.attr("id"), node.attr("class")];
        let is_comments = names
            .iter()
            .flatten()
            .flat_map(|value| {
                value
                    .split_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect::<Vec<_>>()
            })
            .any(|token| is_comment_token(&token));
        if is_comments {
            node.remove_from_parent();
        }
    }
}

/// "comments", "comment-list", "comments_area", "disqus_thread".
fn is_comment_token(token: &str) -> bool {
    let rest = token
        .strip_prefix("comments")
        .or_else(|| token.strip_prefix("comment"))
        .or_else(|| token.strip_prefix("disqus"));
    rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_']))
}

/// Where pages give their canonical URL, best first (Readability reads
/// only `og:url` and JSON-LD).
const CANONICAL_URL: &[(&str, &str)] = &[("link[rel=canonical]", "href")];

/// Where pages give their publication date beyond what Readability reads
/// (Open Graph `article:published_time`, JSON-LD `datePublished`): the
/// common `<meta>` names, schema.org microdata, and a `<time>` element.
const PUBLISHED_DATE: &[(&str, &str)] = &[
    ("meta[name=pubdate]", "content"),
    ("meta[name=publishdate]", "content"),
    ("meta[name=publish-date]", "content"),
    ("meta[name=date]", "content"),
    ("meta[name='dc.date']", "content"),
    ("meta[name='DC.date.issued']", "content"),
    ("meta[itemprop=datePublished]", "content"),
    ("[itemprop=datePublished][datetime]", "datetime"),
    ("time[pubdate][datetime]", "datetime"),
    ("article time[datetime]", "datetime"),
];

/// The first non-empty value of `(selector, attribute)` pairs, in order.
fn first_attribute(doc: &dom_query::Document, places: &[(&str, &str)]) -> Option<String> {
    places.iter().find_map(|(selector, attribute)| {
        doc.select(selector)
            .nodes()
            .iter()
            .find_map(|node| non_empty(node.attr(attribute).as_deref()))
    })
}

/// "2 July 2026", "2026-05-18", "Updated 14:05, 3 March 2026": a short line
/// with a year and nothing of a sentence, left by a page's date element.
fn is_date_line(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let has_year = words.iter().any(|w| {
        w.split(|c: char| !c.is_ascii_digit()).any(|digits| {
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        })
    });
    words.len() <= 8
        && has_year
        && !paragraph.ends_with(['.', '!', '?'])
        && !clean::has_double_quote(paragraph)
}

/// "Lowland Courier" from the page title `Valley farmers fear a dry summer -
/// Lowland Courier` and the headline: the short name after a separator that
/// sites append to every page's title.
fn title_suffix(page_title: &str, headline: &str) -> Option<String> {
    let page_title = single_spaced(page_title);
    let rest = page_title.strip_prefix(headline)?.trim_start();
    let name = ["|", "-", "–", "—", "::", "·"]
        .iter()
        .find_map(|separator| rest.strip_prefix(separator))?
        .trim();
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && !name.ends_with(['.', '?', '!'])).then(|| name.to_string())
}

/// `text` with each run of white space (new lines, no-break spaces) made one space.
fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_skip(e: ReadabilityError) -> PageSkip {
    match e {
        ReadabilityError::TooManyElements(found, _) => {
            PageSkip::TooLarge(format!("{found} elements"))
        }
        // BadDocumentURL cannot happen (URLs are checked first).
        _ => PageSkip::NoArticle,
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// An absolute http(s) URL.
fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && host_of(url).is_some()
}

/// A web URL naming a page, not a site's home: articles are indexed by
/// their URL, and sites that give every page their home page as canonical
/// would otherwise make all their pages one.
fn is_page_url(url: &str) -> bool {
    let after_host = url
        .split_once("://")
        .and_then(|(_, rest)| rest.find(['/', '?']).map(|i| &rest[i..]))
        .unwrap_or_default();
    is_web_url(url) && !matches!(after_host, "" | "/")
}

/// "harbourherald.example" for "https://www.harbourherald.example:8080/a?b".
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.');
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

/// "By Mara Lind", or the byline the page's metadata gave, as a line of text.
fn is_byline(paragraph: &str, byline: Option<&str>) -> bool {
    if byline.is_some_and(|b| paragraph == b || paragraph.strip_prefix("By ") == Some(b)) {
        return true;
    }
    // "By Monday night, rescuers had found 12 survivors." opens a story.
    paragraph.starts_with("By ")
        && !clean::ends_sentence(paragraph)
        && text::byline_authors(paragraph).is_some_and(|names| !names.is_empty())
}

/// "By Mara Lind and Tom Berg" → both names; a byline that is not a list of
/// personal names ("Harbour Herald staff") is kept whole.
fn authors_of_byline(byline: &str) -> Vec<String> {
    match text::byline_authors(byline) {
        Some(names) if !names.is_empty() => names,
        _ => {
            let name = byline.strip_prefix("By ").unwrap_or(byline).trim();
            vec![name.to_string()]
        }
    }
}

/// Why `html` is too large to parse as an article page, if it is: more
/// than [`MAX_ELEMENTS`] start tags, or tags nested over [`MAX_NESTING`]
/// deep. A quick count of start tags against end tags, without parsing
/// (void elements and self-closing tags do not nest; comments and doctypes
/// are passed over); unclosed `<p>`s and `<li>`s count as nesting, which
/// only errs towards safety.
fn markup_too_large(html: &str) -> Option<String> {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut elements) = (0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = at + offset + 1;
        let Some(&first) = bytes.get(start) else {
            break;
        };
        let end = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'>'))
            .map_or(bytes.len(), |i| start + i);
        if first == b'/' {
            depth = depth.saturating_sub(1);
        } else if first.is_ascii_alphabetic() {
            let name_end = bytes[start..end]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(end, |i| start + i);
            let name = html
                .get(start..name_end)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let self_closing = end > start && bytes.get(end - 1) == Some(&b'/');
            elements += 1;
            if elements > MAX_ELEMENTS {
                return Some(format!("over {MAX_ELEMENTS} elements"));
            }
            if !self_closing && !VOID.contains(&name.as_str()) {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(format!("elements nested over {MAX_NESTING} deep"));
                }
            }
        }
        at = end.max(start);
    }
    None
}

/// Decode a page's bytes as a browser would: a byte order mark wins, then
/// the charset the server sent (`declared`), then the page's `<meta charset>`;
/// a page declaring nothing is UTF-8 if it decodes as such, else
/// windows-1252 (what browsers assume for Western pages). Bytes that are
/// valid UTF-8 with non-ASCII characters are read as UTF-8 whatever a
/// single-byte declaration says: pages mislabelled `iso-8859-1` are common,
/// and Latin text that happens to be valid UTF-8 is not.
fn decode_page(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_length..).unwrap_or_default();
        return encoding.decode_without_bom_handling(rest).0.into_owned();
    }
    let labelled = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes))
        // A page whose bytes are ASCII-compatible cannot be UTF-16, whatever
        // it says (the WHATWG rule).
        .map(|e| {
            if e == UTF_16LE || e == UTF_16BE {
                UTF_8
            } else {
                e
            }
        });
    let utf8 = std::str::from_utf8(bytes).ok();
    let encoding = match (labelled, utf8) {
        (Some(e), Some(text)) if e.is_single_byte() && !text.is_ascii() => UTF_8,
        (Some(e), _) => e,
        (None, Some(_)) => UTF_8,
        (None, None) => WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding a `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">` near the start of the page names.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..CHARSET_PRESCAN_BYTES).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(i) = tag.find("charset") {
            let value = tag[i + "charset".len()..].trim_start();
            if let Some(value) = value.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let end = value
                    .find(|c: char| {
                        c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/'
                    })
                    .unwrap_or(value.len());
                if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
                    return Some(encoding);
                }
            }
        }
        rest = &rest[at + "<meta".len()..];
    }
    None
}

/// Whether bytes look like an HTML page: after white space and a byte order
/// mark they open a tag, and a tag only pages have (`<!doctype html`,
/// `<html`, `<head`, `<body`, `<meta`, `<title`) comes early.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = content_start(bytes.get(..CHARSET_PRESCAN_BYTES).unwrap_or(bytes));
    if !head.starts_with(b"<") {
        return false;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_caught_before_parsing() {
        let deep = "<div>".repeat(MAX_NESTING + 1);
        let too_deep = format!("elements nested over {MAX_NESTING} deep");
        assert_eq!(markup_too_large(&deep), Some(too_deep.clone()));
        let wide = "<div><p>a</p><br><img src=x/><hr/></div>".repeat(MAX_ELEMENTS / 5);
        assert_eq!(markup_too_large(&wide), None);
        let wider = format!("{wide}<p>a</p>");
        assert_eq!(
            markup_too_large(&wider),
            Some(format!("over {MAX_ELEMENTS} elements"))
        );
        assert_eq!(markup_too_large("<<<>>> a < b and c > d </"), None);
        assert_eq!(
            parse_html("x", &format!("<html><body>{deep}</body></html>"), None),
            Err(PageSkip::TooLarge(too_deep))
        );
    }

    #[test]
    fn bylines_and_story_openings() {
        assert!(is_byline("By Mara Lind", None));
        assert!(is_byline("By Mara Lind and Tom Berg", None));
        assert!(is_byline("Harbour desk", Some("Harbour desk")));
        assert!(!is_byline(
            "By Monday night, rescuers had found 12 survivors.",
            None
        ));
        assert!(!is_byline("By the end of the day", None));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Herald.example:8080/a?b").as_deref(),
            Some("herald.example")
        );
        assert_eq!(
            host_of("http://user:pw@news.example/").as_deref(),
            Some("news.example")
        );
        assert_eq!(host_of("https://localhost/x"), None);
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn outlet_from_the_title() {
        let headline = "Valley farmers fear a dry summer";
        let suffix = |page: &str| title_suffix(page, headline);
        assert_eq!(
            suffix("Valley farmers fear a dry summer - Lowland Courier").as_deref(),
            Some("Lowland Courier")
        );
        assert_eq!(
            suffix("Valley farmers fear a dry  summer | The Courier").as_deref(),
            Some("The Courier")
        );
        assert_eq!(suffix("Valley farmers fear a dry summer"), None);
        assert_eq!(
            suffix("Valley farmers fear a dry summer - and it may get worse this year."),
            None
        );
        assert_eq!(
            suffix("Lowland Courier - Valley farmers fear a dry summer"),
            None
        );
    }

    #[test]
    fn encodings() {
        let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode_page(latin, None).contains("café"));
        let declared = b"<p>caf\xe9</p>";
        assert!(decode_page(declared, Some("windows-1252")).contains("café"));
        // Undeclared and not UTF-8: windows-1252, whose 0x93/0x94 are curly quotes.
        assert!(decode_page(b"<p>\x93Yes\x94</p>", None).contains("“Yes”"));
        // Mislabelled UTF-8 stays UTF-8.
        let mislabelled = "<meta charset=iso-8859-1><p>“Yes”</p>".as_bytes();
        assert!(decode_page(mislabelled, None).contains("“Yes”"));
        let utf16 = b"\xFF\xFE<\0p\0>\0";
        assert_eq!(decode_page(utf16, None), "<p>");
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0</p>";
        assert!(decode_page(http_equiv, None).contains("Пр"));
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(b"\n<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved page --><html lang=en>"));
        assert!(!looks_like_html(b"Harbour reopens\n\n<p> is a tag"));
        assert!(!looks_like_html(b"<Reuters> said the harbour would open"));
    }
}
