//! HTML pages and WARC crawls from the command line: what `newsq extract`
//! and `newsq index` print and find, the skip summary, `--format`.

mod common;

use std::path::{Path, PathBuf};

use common::{expect_code, json_lines, newsq_in, s, scratch, search, stderr};
use newsq_synthetic::web::WarcWriter;

const CRAWLED: &str = "2026-07-03T04:00:00Z";

/// A page of newsq-core's web fixtures (fictional sites and articles).
fn page(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../newsq-core/tests/fixtures/web")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `dir/pages/pier.html` and `dir/pages/crawl.warc.gz` (two article pages, a
/// 404 and an image).
fn pages(dir: &Path) -> PathBuf {
    let folder = dir.join("pages");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("pier.html"), page("semantic.html")).unwrap();
    let mut warc = WarcWriter::new(Vec::new(), true);
    warc.warcinfo(CRAWLED).unwrap();
    let html = "text/html; charset=windows-1252";
    let rail = "https://meridianpost.example/rail-strike";
    warc.request(rail, CRAWLED).unwrap();
    warc.response(rail, CRAWLED, 200, html, &page("jsonld.html"))
        .unwrap();
    let farm = "https://lowlandcourier.example/dry-summer";
    warc.response(farm, CRAWLED, 200, html, &page("divsoup.html"))
        .unwrap();
    warc.response(
        "https://meridianpost.example/x",
        CRAWLED,
        404,
        html,
        b"gone",
    )
    .unwrap();
    warc.response(
        "https://meridianpost.example/a.jpg",
        CRAWLED,
        200,
        "image/jpeg",
        b"\xFF\xD8",
    )
    .unwrap();
    std::fs::write(folder.join("crawl.warc.gz"), warc.finish().unwrap()).unwrap();
    folder
}

#[test]
fn extract_reads_pages_and_crawls_and_only_counts_what_a_crawl_skips() {
    let dir = scratch("extract");
    let folder = pages(&dir);
    let out = newsq_in(&dir, &["extract", "--json", &s(&folder)]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let said: Vec<(&str, &str, &str)> = lines
        .iter()
        .filter(|l| l["kind"] == "quotation")
        .map(|l| {
            (
                l["article_key"].as_str().unwrap(),
                l["speaker"].as_str().unwrap_or(""),
                l["outlet"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let rail = "https://meridianpost.example/rail-strike";
    let farm = "https://lowlandcourier.example/dry-summer";
    // The page's own address (its canonical link) is its key, as in the
    // index.
    let pier = "https://northportgazette.example/news/old-pier-shut";
    assert_eq!(
        said,
        vec![
            (rail, "Kofi Mensah", "Meridian Post"),
            (rail, "Kofi Mensah", "Meridian Post"),
            (rail, "Lea Hoffmann", "Meridian Post"),
            (farm, "Henrike Sol", "Lowland Courier"),
            (farm, "Henrike Sol", "Lowland Courier"),
            (farm, "Oskar Brandvold", "Lowland Courier"),
            (pier, "Ines Varga", "The Northport Gazette"),
            (pier, "Ines Varga", "The Northport Gazette"),
            (pier, "Pol Dekker", "The Northport Gazette"),
            (pier, "Rosa Kell", "The Northport Gazette"),
        ]
    );
    // Statements the pages report in their own words come too, tagged.
    let reported: Vec<&str> = lines
        .iter()
        .filter(|l| l["kind"] == "reported")
        .filter_map(|l| l["quote"].as_str())
        .collect();
    assert!(
        reported.contains(
            &"the offer included a pay rise of four percent this year and a review of night shifts"
        ),
        "{reported:?}"
    );
    assert_eq!(lines[0]["url"], rail);
    // The day, as the index keeps it (in UTC): "2026-07-02T06:15:00+02:00".
    assert_eq!(lines[0]["published"], "2026-07-02");
    // The windows-1252 curly quotes came through as quotation marks.
    assert!(lines
        .iter()
        .any(|l| l["quote"] == "We have never seen the river this low in May"));
    // One summary line: the 404 and the image are counted, not listed.
    assert_eq!(
        stderr(&out),
        "newsq: 3 articles, 10 quotations, 4 reported statements; skipped 2 inputs: 1 non-200 response, 1 non-HTML response\n"
    );
}

#[test]
fn an_indexed_crawl_is_searched_by_speaker_and_outlet() {
    let dir = scratch("index");
    let folder = pages(&dir);
    let index = s(&dir.join("index"));
    let out = newsq_in(&dir, &["index", "--index", &index, &s(&folder)]);
    expect_code(&out, 0);
    let summary = stderr(&out);
    assert!(
        summary.contains("2 files read (3 articles, 10 quotations, 4 reported statements)")
            && summary.ends_with("; skipped 2 inputs: 1 non-200 response, 1 non-HTML response\n"),
        "{summary}"
    );
    let out = search(&dir, &index, &["offer", "--speaker", "mensah", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let hit = lines
        .iter()
        .find(|l| l["type"] == "statement")
        .expect("a hit");
    assert_eq!(hit["speaker"], "Kofi Mensah");
    assert_eq!(hit["outlet"], "Meridian Post");
    assert_eq!(hit["url"], "https://meridianpost.example/rail-strike");
    let out = search(
        &dir,
        &index,
        &[
            "",
            "--outlet",
            "lowland courier",
            "--kind",
            "direct",
            "--json",
        ],
    );
    expect_code(&out, 0);
    let speakers: Vec<String> = json_lines(&out)
        .iter()
        .filter(|l| l["type"] == "statement")
        .map(|l| l["speaker"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(speakers.len(), 3, "{speakers:?}");
    assert!(speakers
        .iter()
        .all(|s| s == "Henrike Sol" || s == "Oskar Brandvold"));
}

#[test]
fn format_overrides_what_the_content_says() {
    let dir = scratch("format");
    let folder = pages(&dir);
    let pier = s(&folder.join("pier.html"));
    // Read as WARC, a page is damaged at its first line.
    let out = newsq_in(&dir, &["extract", "--format", "warc", &pier]);
    expect_code(&out, 1);
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        format!(
            "newsq: {pier}: damaged WARC (expected a `WARC/1.x` version line in the record at byte 0); \
             what could be read was; check the download (`gzip -t` for .warc.gz)"
        )
    );
    // Read as text, the markup is the article.
    let out = newsq_in(&dir, &["extract", "--json", "--format", "text", &pier]);
    expect_code(&out, 0);
    assert_eq!(json_lines(&out)[0]["title"], "<!DOCTYPE html>");
    let out = newsq_in(&dir, &["extract", "--format", "pdf", &pier]);
    expect_code(&out, 2);
    assert!(stderr(&out).contains("invalid value 'pdf' for '--format <FORMAT>'"));
}

#[test]
fn a_cut_short_crawl_is_reported_with_what_to_do() {
    let dir = scratch("cut");
    let folder = pages(&dir);
    let crawl = folder.join("crawl.warc.gz");
    let bytes = std::fs::read(&crawl).unwrap();
    // Cut inside the first page's gzip member.
    std::fs::write(&crawl, &bytes[..bytes.len() / 3]).unwrap();
    let out = newsq_in(&dir, &["extract", &s(&crawl)]);
    expect_code(&out, 1);
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!("newsq: {}: damaged WARC (", s(&crawl)))
            && message.contains("check the download (`gzip -t` for .warc.gz)"),
        "{message}"
    );
}
