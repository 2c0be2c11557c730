//! HTML pages and WARC crawls: what a page's article, metadata and
//! quotations come out as, in several site layouts (fixtures/web, written
//! for these tests), and WARC files built here record by record.

use std::fs;
use std::path::{Path, PathBuf};

use newsq_core::read::{
    articles_from_bytes, parse_html, read_file, InputFormat, PageSkip, ReadOptions, RecordSkip,
    SkipReason, SkipSummary, Skipped,
};
use newsq_core::{extract, Article, StatementKind};
use newsq_synthetic::web::{html_page, Layout, WarcWriter};

const CRAWLED: &str = "2026-03-05T11:00:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).expect("fixture")
}

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsq-read-web-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn read_one(path: &Path) -> Article {
    let mut items = read_file(path, &ReadOptions::default());
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).expect("an article")
}

/// (speaker, quotation) pairs of an article's direct quotations, in order.
fn said(article: &Article) -> Vec<(String, String)> {
    extract(&article.body)
        .iter()
        .filter(|q| q.kind == StatementKind::Quotation)
        .map(|q| {
            let speaker = q.speaker.clone().unwrap_or_default();
            (speaker, q.text.clone())
        })
        .collect()
}

fn pair(speaker: &str, quote: &str) -> (String, String) {
    (speaker.to_string(), quote.to_string())
}

/// Site furniture of the fixture pages that must never reach an article.
const FURNITURE: [&str; 14] = [
    "Home",
    "Advertisement",
    "Related stories",
    "Storm damages",
    "Comments",
    "harbourfan",
    "Shameful decision",
    "Photograph",
    "All rights reserved",
    "Most read",
    "cookies",
    "Sign up",
    "About us",
    "Share",
];

fn assert_no_furniture(article: &Article) {
    for word in FURNITURE {
        assert!(
            !article.body.contains(word),
            "{word:?} in {:?}",
            article.body
        );
    }
}

#[test]
fn a_semantic_page_gives_its_article_metadata_and_quotations() {
    let article = read_one(&fixture("semantic.html"));
    assert_eq!(article.id, "semantic.html");
    assert_eq!(
        article.title.as_deref(),
        Some("Harbour council votes to shut the old pier")
    );
    assert_eq!(article.outlet.as_deref(), Some("The Northport Gazette"));
    assert_eq!(article.authors, vec!["Mara Lind"]);
    assert_eq!(article.published.as_deref(), Some("2026-03-04T09:30:00Z"));
    assert_eq!(article.language.as_deref(), Some("en-GB"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://northportgazette.example/news/old-pier-shut")
    );
    // Paragraphs stay paragraphs, in order; the byline line, the photo
    // caption and the pull quote are gone.
    let paragraphs: Vec<&str> = article.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("The harbour council voted on Tuesday"));
    assert!(paragraphs[4].starts_with("\"Nobody wanted this outcome"));
    assert!(!article.body.contains("By Mara Lind"));
    assert_no_furniture(&article);
    assert_eq!(
        said(&article),
        vec![
            pair(
                "Ines Varga",
                "We cannot put lives at risk for the sake of a view"
            ),
            pair("Ines Varga", "The pier will stay shut until it is safe."),
            pair("Pol Dekker", "This is our livelihood"),
            pair("Rosa Kell", "Nobody wanted this outcome, least of all me"),
        ]
    );
}

#[test]
fn a_windows_1252_page_of_divs_is_decoded_and_named_by_its_title() {
    let article = read_one(&fixture("divsoup.html"));
    assert_eq!(
        article.title.as_deref(),
        Some("Valley farmers fear a dry summer")
    );
    // No site name: the outlet is what the <title> adds to the headline.
    assert_eq!(article.outlet.as_deref(), Some("Lowland Courier"));
    assert_eq!(article.authors, vec!["Jonas Petrak", "Ada Moreau"]);
    assert_eq!(article.published.as_deref(), Some("2026-05-18"));
    assert_no_furniture(&article);
    assert_eq!(
        said(&article),
        vec![
            pair(
                "Henrike Sol",
                "We have never seen the river this low in May"
            ),
            pair(
                "Henrike Sol",
                "If it does not rain by June, we lose the harvest."
            ),
            pair("Oskar Brandvold", "a precaution, not a panic"),
        ]
    );
}

#[test]
fn json_ld_metadata_is_read() {
    let article = read_one(&fixture("jsonld.html"));
    assert_eq!(article.outlet.as_deref(), Some("Meridian Post"));
    assert_eq!(article.authors, vec!["Ilse Brandt"]);
    assert_eq!(
        article.published.as_deref(),
        Some("2026-07-02T06:15:00+02:00")
    );
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_no_furniture(&article);
    assert_eq!(
        said(&article),
        vec![
            pair("Kofi Mensah", "We have an offer our members can vote on"),
            pair("Kofi Mensah", "That is what we came for."),
            pair("Lea Hoffmann", "a relief for millions of commuters"),
        ]
    );
}

#[test]
fn a_page_of_links_is_not_an_article() {
    let items = read_file(&fixture("index-page.html"), &ReadOptions::default());
    let skipped = items.into_iter().next().unwrap().unwrap_err();
    assert_eq!(skipped.reason, SkipReason::NoArticle);
    assert!(
        !skipped.reason.is_routine(),
        "a page the user named is reported"
    );
    assert!(skipped.to_string().ends_with(
        "index-page.html: no article found in the HTML page (an index or link page?), skipped"
    ));
}

#[test]
fn the_host_names_the_outlet_when_the_page_does_not() {
    let page = "<html><head><title>Dam report</title></head><body><article>\
        <p>The dam inspection found no structural damage after the spring floods, the water authority said.</p>\
        <p>“The dam is sound,” chief engineer Maren Holt said at a briefing in the control room on Friday.</p>\
        </article></body></html>";
    let article = parse_html("dam", page, Some("https://www.rivernews.example/2026/dam")).unwrap();
    assert_eq!(article.outlet.as_deref(), Some("rivernews.example"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.rivernews.example/2026/dam")
    );
    assert_eq!(
        parse_html("x", "<html><body></body></html>", None),
        Err(PageSkip::NoArticle)
    );
}

#[test]
fn every_synthetic_layout_keeps_every_paragraph_and_no_furniture() {
    let generator = newsq_synthetic::Generator::new(11);
    for n in 0..30 {
        let synthetic = generator.article(n);
        let page = synthetic.to_page_article();
        for layout in Layout::ALL {
            let html = html_page(layout, &page);
            let article = parse_html("page", &html, Some(&page.url))
                .unwrap_or_else(|e| panic!("article {n} in {layout:?}: {e:?}"));
            assert_eq!(article.body, synthetic.body, "article {n} in {layout:?}");
            assert_eq!(article.title.as_deref(), Some(synthetic.title.as_str()));
            assert_eq!(
                article.outlet.as_deref(),
                Some(synthetic.outlet.as_str()),
                "{layout:?}"
            );
        }
    }
}

/// A crawl of the fixture pages and the kinds of record a crawler writes
/// around them.
fn crawl(gzip: bool) -> Vec<u8> {
    let mut warc = WarcWriter::new(Vec::new(), gzip);
    warc.warcinfo(CRAWLED).unwrap();
    let html = "text/html; charset=utf-8";
    let pier = "https://northportgazette.example/news/old-pier-shut";
    warc.request(pier, CRAWLED).unwrap();
    warc.response(pier, CRAWLED, 200, html, &fixture_bytes("semantic.html"))
        .unwrap();
    // Windows-1252 said by the server only (the page's own <meta> agrees).
    let farm = "https://lowlandcourier.example/farming/dry-summer";
    let cp1252 = "text/html; charset=windows-1252";
    warc.response(farm, CRAWLED, 200, cp1252, &fixture_bytes("divsoup.html"))
        .unwrap();
    warc.response(
        "https://lowlandcourier.example/old",
        CRAWLED,
        301,
        html,
        b"Moved",
    )
    .unwrap();
    warc.response(
        "https://lowlandcourier.example/gone",
        CRAWLED,
        404,
        html,
        b"<p>Not found</p>",
    )
    .unwrap();
    warc.response(
        "https://lowlandcourier.example/logo.png",
        CRAWLED,
        200,
        "image/png",
        b"\x89PNG",
    )
    .unwrap();
    warc.response(
        "https://northportgazette.example/news",
        CRAWLED,
        200,
        html,
        &fixture_bytes("index-page.html"),
    )
    .unwrap();
    warc.record(
        "response",
        Some("dns:northportgazette.example"),
        CRAWLED,
        "text/dns",
        b"20260305 A 192.0.2.1",
    )
    .unwrap();
    warc.record(
        "metadata",
        Some(pier),
        CRAWLED,
        "application/warc-fields",
        b"fetchTimeMs: 120\r\n",
    )
    .unwrap();
    // Served gzip-compressed in chunks, without a date on the page.
    let rail = "https://meridianpost.example/rail-strike";
    let page = fixture_bytes("jsonld.html");
    let page = String::from_utf8(page)
        .unwrap()
        .replace("\"datePublished\": \"2026-07-02T06:15:00+02:00\", ", "");
    let page = page.replace(
        "<time datetime=\"2026-07-02T06:15:00+02:00\">2 July 2026</time>",
        "",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, page.as_bytes()).unwrap();
    let body = gz.finish().unwrap();
    let (first, second) = body.split_at(body.len() / 2);
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\
        Transfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    for chunk in [first, second] {
        block.extend(format!("{:x}\r\n", chunk.len()).into_bytes());
        block.extend(chunk);
        block.extend(b"\r\n");
    }
    block.extend(b"0\r\n\r\n");
    warc.record(
        "response",
        Some(rail),
        CRAWLED,
        "application/http; msgtype=response",
        &block,
    )
    .unwrap();
    warc.finish().unwrap()
}

fn read_crawl(name: &str, bytes: Vec<u8>) -> (Vec<Article>, Vec<Skipped>) {
    let options = ReadOptions::default();
    let (mut articles, mut skipped) = (Vec::new(), Vec::new());
    for item in articles_from_bytes(name.as_ref(), bytes, &options) {
        match item {
            Ok(article) => articles.push(article),
            Err(s) => skipped.push(s),
        }
    }
    (articles, skipped)
}

#[test]
fn a_crawl_gives_each_html_response_with_its_url_and_date() {
    for (name, gzip) in [
        ("news.warc", false),
        ("CC-NEWS-20260305-00001.warc.gz", true),
    ] {
        let (articles, skipped) = read_crawl(name, crawl(gzip));
        let urls: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            urls,
            vec![
                "https://northportgazette.example/news/old-pier-shut",
                "https://lowlandcourier.example/farming/dry-summer",
                "https://meridianpost.example/rail-strike",
            ],
            "{name}"
        );
        for article in &articles {
            assert_eq!(article.url.as_deref(), Some(article.id.as_str()));
            assert_eq!(article.path.as_deref(), Some(Path::new(name)));
            assert_no_furniture(article);
        }
        // The page's own date; the crawl date when the page gives none.
        assert_eq!(
            articles[0].published.as_deref(),
            Some("2026-03-04T09:30:00Z")
        );
        assert_eq!(articles[2].published.as_deref(), Some(CRAWLED));
        assert_eq!(
            said(&articles[1])[0],
            pair(
                "Henrike Sol",
                "We have never seen the river this low in May"
            )
        );
        assert_eq!(
            said(&articles[2])[0],
            pair("Kofi Mensah", "We have an offer our members can vote on")
        );

        assert!(skipped.iter().all(|s| s.reason.is_routine()), "{skipped:?}");
        let why: Vec<&RecordSkip> = skipped
            .iter()
            .filter_map(|s| match &s.reason {
                SkipReason::Record { why, .. } => Some(why),
                _ => None,
            })
            .collect();
        assert_eq!(
            why,
            vec![
                &RecordSkip::HttpStatus(301),
                &RecordSkip::HttpStatus(404),
                &RecordSkip::NotHtml(Some("image/png".to_string())),
                &RecordSkip::NoArticle,
                &RecordSkip::NotHtml(Some("text/dns".to_string())),
            ]
        );
        let mut summary = SkipSummary::default();
        skipped.iter().for_each(|s| summary.record(s));
        assert_eq!(
            summary.to_string(),
            "skipped 5 inputs: 1 page without an article, 2 non-200 responses, 2 non-HTML responses"
        );
    }
}

#[test]
fn a_damaged_record_is_reported_and_the_rest_read() {
    let mut bytes = crawl(false);
    // Break the second record's version line.
    let second = find(&bytes, b"WARC/1.1\r\nWARC-Type: request").unwrap();
    bytes[second..second + 4].copy_from_slice(b"XXXX");
    let (articles, skipped) = read_crawl("damaged.warc", bytes);
    assert_eq!(articles.len(), 3);
    let damaged: Vec<String> = skipped
        .iter()
        .filter(|s| !s.reason.is_routine())
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        damaged,
        vec![format!(
            "damaged.warc: damaged WARC (expected a `WARC/1.x` version line in the record at byte {second}); \
             what could be read was; check the download (`gzip -t` for .warc.gz)"
        )]
    );
}

#[test]
fn a_cut_short_crawl_keeps_what_came_before_the_cut() {
    let bytes = crawl(true);
    let cut = bytes[..bytes.len() - 40].to_vec();
    let (articles, skipped) = read_crawl("cut.warc.gz", cut);
    assert_eq!(articles.len(), 2, "the last page is in the damaged member");
    let last = skipped.last().unwrap();
    assert!(
        matches!(last.reason, SkipReason::MalformedWarc(_)),
        "{last:?}"
    );
}

#[test]
fn a_file_damaged_throughout_is_given_up_after_twenty_records() {
    let bytes = b"WARC/1.0\r\n\r\n".repeat(10_000);
    let (articles, skipped) = read_crawl("junk.warc", bytes);
    assert!(articles.is_empty());
    assert_eq!(skipped.len(), 20);
    assert!(
        skipped[19].to_string().contains(
            "no valid Content-Length in the record at byte 228; \
             20 damaged records, the rest of the file is passed over"
        ),
        "{}",
        skipped[19]
    );
}

#[test]
fn records_that_do_not_say_what_they_hold_are_tried_as_http() {
    let mut warc = WarcWriter::new(Vec::new(), false);
    let page = fixture_bytes("semantic.html");
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    block.extend(&page);
    let header = format!(
        "\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <https://northportgazette.example/pier>\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    );
    let mut bytes = header.into_bytes();
    bytes.extend(block);
    warc.record("warcinfo", None, CRAWLED, "application/warc-fields", b"x")
        .unwrap();
    bytes.extend(warc.finish().unwrap());
    // Blank lines before the first record, a WARC/1.0 URI in <...>.
    let (articles, skipped) = read_crawl("hand-made.warc", bytes);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].id, "https://northportgazette.example/pier");
}

#[test]
fn a_home_page_given_as_canonical_does_not_name_the_article() {
    let page = String::from_utf8(fixture_bytes("semantic.html"))
        .unwrap()
        .replace(
            "https://northportgazette.example/news/old-pier-shut",
            "https://northportgazette.example/",
        );
    let article = parse_html("pier.html", &page, None).unwrap();
    assert_eq!(article.url, None);
}

#[test]
fn other_gzip_files_are_not_taken_for_crawls() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, b"Harbour reopens\n\nThe harbour reopened.").unwrap();
    let (articles, skipped) = read_crawl("notes.txt.gz", gz.finish().unwrap());
    assert!(articles.is_empty());
    assert_eq!(skipped[0].reason, SkipReason::CompressedNotWarc);
    assert_eq!(
        skipped[0].to_string(),
        "notes.txt.gz: gzip file that is not WARC, skipped; decompress it first (gunzip)"
    );
}

#[test]
fn the_format_is_told_by_content_and_forced_by_the_option() {
    let dir = temp_dir("format");
    // An HTML page without an extension, and a crawl named like text.
    let page = dir.join("pier");
    fs::write(&page, fixture_bytes("semantic.html")).unwrap();
    assert_eq!(
        read_one(&page).outlet.as_deref(),
        Some("The Northport Gazette")
    );
    let crawl_file = dir.join("crawl.txt");
    fs::write(&crawl_file, crawl(true)).unwrap();
    let items = read_file(&crawl_file, &ReadOptions::default());
    assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 3);

    // --format text reads the page's markup as text.
    let as_text = ReadOptions {
        format: Some(InputFormat::Text),
        ..ReadOptions::default()
    };
    let article = read_file(&page, &as_text).remove(0).unwrap();
    assert!(article.body.contains("<p>"), "{}", article.body);
    // --format html on a .txt file.
    let named_text = dir.join("page.txt");
    fs::write(&named_text, fixture_bytes("jsonld.html")).unwrap();
    let as_html = ReadOptions {
        format: Some(InputFormat::Html),
        ..ReadOptions::default()
    };
    let article = read_file(&named_text, &as_html).remove(0).unwrap();
    assert_eq!(article.outlet.as_deref(), Some("Meridian Post"));
    // --format json on text that is not JSON is reported, not read as text.
    let as_json = ReadOptions {
        format: Some(InputFormat::Json),
        ..ReadOptions::default()
    };
    let skipped = read_file(&page, &as_json).remove(0).unwrap_err();
    assert!(matches!(skipped.reason, SkipReason::MalformedJson(_)));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn walking_a_folder_finds_pages_and_crawls() {
    let dir = temp_dir("walk");
    for name in [
        "a.html",
        "b.htm",
        "c.xhtml",
        "d.warc",
        "e.warc.gz",
        "f.gz",
        "g.png",
    ] {
        fs::write(dir.join(name), b"x").unwrap();
    }
    let found: Vec<String> = newsq_core::read::discover(std::slice::from_ref(&dir))
        .into_iter()
        .map(|p| {
            p.unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        found,
        vec!["a.html", "b.htm", "c.xhtml", "d.warc", "e.warc.gz"]
    );
    fs::remove_dir_all(&dir).ok();
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
