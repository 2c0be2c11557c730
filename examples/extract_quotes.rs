//! Embedding newsq: read a folder of articles and list who said what.
//!
//! ```text
//! cargo run --example extract_quotes -- examples/articles
//! ```

use newsq::read::{discover, read_file, ReadOptions};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: extract_quotes PATH...");
        return ExitCode::from(2);
    }
    let opts = ReadOptions::default();
    for file in discover(&paths) {
        let path = match file {
            Ok(path) => path,
            Err(skipped) => {
                eprintln!("{skipped}");
                continue;
            }
        };
        for article in read_file(&path, &opts) {
            match article {
                Ok(article) => {
                    let outlet = article.outlet.as_deref().unwrap_or("unknown outlet");
                    for q in
                        newsq::quote::extract_with_headline(article.title.as_deref(), &article.body)
                    {
                        let who = q
                            .speaker
                            .as_deref()
                            .or(q.speaker_mention.as_deref())
                            .unwrap_or("?");
                        println!("{who} ({outlet}): {}", q.text);
                    }
                }
                Err(skipped) => eprintln!("{skipped}"),
            }
        }
    }
    ExitCode::SUCCESS
}
