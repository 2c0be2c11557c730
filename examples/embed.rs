//! Embedding newsq end to end: open (or create) an index, add a folder of
//! articles, commit, and search it with the query language, getting typed
//! hits.
//!
//! ```text
//! cargo run --example embed -- /tmp/newsq-embed examples/articles "harbour" --speaker lopes
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use newsq::index::{NewsIndex, WriterOptions};
use newsq::query::{NewsSearcher, SearchRequest};
use newsq::read::{discover, read_file, ReadOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index_dir, articles, query, filters @ ..] = args.as_slice() else {
        eprintln!("usage: embed INDEX_DIR ARTICLES_DIR QUERY [--speaker NAME]");
        return ExitCode::from(2);
    };
    let speaker = match filters {
        [] => None,
        [flag, name] if flag == "--speaker" => Some(name.clone()),
        _ => {
            eprintln!("usage: embed INDEX_DIR ARTICLES_DIR QUERY [--speaker NAME]");
            return ExitCode::from(2);
        }
    };
    match run(index_dir.into(), articles.into(), query, speaker) {
        Ok(0) => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("embed: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(
    index_dir: PathBuf,
    articles: PathBuf,
    query: &str,
    speaker: Option<String>,
) -> Result<usize, Box<dyn std::error::Error>> {
    // 1. Open the index, or create it.
    let index = NewsIndex::open_or_create(&index_dir)?;

    // 2. Add articles: each is read, cleaned, its quotations extracted and
    //    attributed. An article added again (same URL, or same file and
    //    text) replaces the earlier copy. `newsq::index::sync_paths` does the
    //    same for whole folders, reading only changed files.
    let mut writer = index.writer(&WriterOptions::default())?;
    for file in discover(&[articles]) {
        let Ok(path) = file else { continue };
        for article in read_file(&path, &ReadOptions::default())
            .into_iter()
            .flatten()
        {
            writer.add_article(&article)?;
        }
    }
    // 3. Commit: readers see every article with all its quotations, or none.
    writer.commit()?;

    // 4. Search with the same language as `newsq search`.
    let mut request = SearchRequest::new(query).limit(5);
    if let Some(name) = speaker {
        request = request.speaker(name);
    }
    let results = NewsSearcher::new(&index)?.search(&request)?;
    for hit in &results.hits {
        let who = hit.speaker.as_deref().unwrap_or("?");
        let outlet = hit.outlet.as_deref().unwrap_or("?");
        let quote = hit.quote.as_deref().unwrap_or("");
        // Highlights are byte ranges of the matched words in the quotation.
        let matched: Vec<&str> = hit
            .highlights
            .iter()
            .filter_map(|&(start, end)| quote.get(start..end))
            .collect();
        println!("{who} ({outlet}, score {:.2}): “{quote}”", hit.score);
        println!("    matched: {}", matched.join(", "));
    }
    println!("{} of {} hits", results.hits.len(), results.total);
    Ok(results.total)
}
