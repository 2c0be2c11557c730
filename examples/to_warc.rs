//! Wrap articles (any format newsq reads) as web pages in a WARC file, as a
//! news crawl would store them: to try `newsq index`/`newsq extract` on a
//! crawl, and to check that quotations survive the trip through HTML.
//!
//! ```text
//! cargo run --release --example to_warc -- OUT.warc.gz PATH...
//! ```
//!
//! Each article becomes an HTML page (the three layouts of
//! `newsq_synthetic::web` in turn: navigation, adverts, related links,
//! comments, captions) at `https://ARTICLE-OUTLET.example/news/FILE-STEM`,
//! preceded by its request record; every tenth page also gets a redirect
//! and an image response, which newsq skips. `OUT` ending in `.gz` is
//! gzip-compressed, one member per record.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsq::read::{discover, read_articles, ReadOptions};
use newsq::Article;
use newsq_synthetic::web::{html_page, Layout, PageArticle, WarcWriter};

const CRAWL_DATE: &str = "2026-03-04T10:00:00Z";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(out), inputs) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!("usage: to_warc OUT.warc[.gz] PATH...");
        return ExitCode::from(2);
    };
    if inputs.is_empty() {
        eprintln!("usage: to_warc OUT.warc[.gz] PATH...");
        return ExitCode::from(2);
    }
    match write(&out, &inputs) {
        Ok(pages) => {
            eprintln!("to_warc: {pages} pages → {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("to_warc: {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn write(out: &Path, inputs: &[PathBuf]) -> std::io::Result<usize> {
    let gzip = out.extension().is_some_and(|e| e == "gz");
    let mut warc = WarcWriter::new(BufWriter::new(File::create(out)?), gzip);
    warc.warcinfo(CRAWL_DATE)?;
    let options = ReadOptions::default();
    let mut pages = 0;
    for path in discover(inputs).into_iter().flatten() {
        for article in read_articles(&path, &options).flatten() {
            let page = page_article(&path, &article);
            let html = html_page(Layout::ALL[pages % Layout::ALL.len()], &page);
            warc.request(&page.url, CRAWL_DATE)?;
            warc.response(
                &page.url,
                CRAWL_DATE,
                200,
                "text/html; charset=utf-8",
                html.as_bytes(),
            )?;
            if pages % 10 == 0 {
                let moved = format!("{}?amp=1", page.url);
                warc.response(&moved, CRAWL_DATE, 301, "text/html", b"Moved")?;
                let image = format!("{}/lead.jpg", page.url);
                warc.response(
                    &image,
                    CRAWL_DATE,
                    200,
                    "image/jpeg",
                    &[0xFF, 0xD8, 0xFF, 0xE0],
                )?;
            }
            pages += 1;
        }
    }
    warc.finish()?;
    Ok(pages)
}

fn page_article(path: &Path, article: &Article) -> PageArticle {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| article.id.clone());
    let outlet = article
        .outlet
        .clone()
        .unwrap_or_else(|| "Example News".to_string());
    let host: String = outlet
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    PageArticle {
        title: article.title.clone().unwrap_or_default(),
        outlet,
        authors: article.authors.clone(),
        published: article.published.clone(),
        language: article.language.clone().unwrap_or_else(|| "en".to_string()),
        // A page's own URL where the article has one (one file can hold many).
        url: article
            .url
            .clone()
            .filter(|u| u.starts_with("http"))
            .unwrap_or_else(|| format!("https://{host}.example/news/{stem}")),
        paragraphs: article.body.split("\n\n").map(str::to_string).collect(),
    }
}
