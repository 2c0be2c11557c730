//! The README's terminal examples are what newsq prints: each ```text block
//! that starts with `$ newsq …` is run in order (from the repository root,
//! on the sample corpus) and its output compared with the block's, timings
//! aside. A change of output fails here until the README shows it:
//! `NEWSQ_BLESS=1 cargo test -p newsq-cli --test readme` writes the new
//! output into the README.

mod common;

use common::*;
use std::path::Path;

/// The commands of the README's `$ newsq …` blocks, each with the output the
/// README shows.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line != "```text" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        if let Some(command) = block.first().and_then(|l| l.strip_prefix("$ newsq ")) {
            found.push((command.to_string(), block[1..].join("\n")));
        }
    }
    found
}

/// Shell words: spaces split, double quotes group and `\"` is a quote.
fn words(command: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut started) = (Vec::new(), String::new(), false, false);
    let mut chars = command.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => word.extend(chars.next()),
            '"' => {
                quoted = !quoted;
                started = true;
                continue;
            }
            ' ' if !quoted => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
                continue;
            }
            c => word.push(c),
        }
        started = true;
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

/// Output with what differs from run to run or checkout to checkout blanked:
/// elapsed time and speed, and ids (an article without a URL is known by its
/// path, so its statements' ids depend on where the clone sits).
fn steady(text: &str) -> String {
    text.lines()
        .map(|line| match line.find(" MB in ") {
            Some(at) => match line.find(") → ") {
                Some(end) => format!("{}{}", &line[..at], &line[end + 1..]),
                None => line.to_string(),
            },
            None => line.to_string(),
        })
        .map(|line| {
            line.split(' ')
                .map(|word| {
                    let is_id = word.len() == 16 && word.bytes().all(|b| b.is_ascii_hexdigit());
                    if is_id {
                        "ID"
                    } else {
                        word
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

#[test]
fn the_readme_examples_print_what_the_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let examples = examples(&readme);
    assert!(examples.len() >= 5, "{} examples", examples.len());
    let dir = scratch("readme");
    let tour = s(&dir.join("tour"));
    let bless = std::env::var_os("NEWSQ_BLESS").is_some();
    let mut blessed = readme.clone();
    for (command, shown) in examples {
        let args: Vec<String> = words(&command.replace("/tmp/newsq-tour", &tour));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = newsq_command(&dir, &args)
            .current_dir(&root)
            .env("NO_COLOR", "1")
            .output()
            .expect("run newsq");
        let printed = format!("{}{}", stdout(&out), stderr(&out)).replace(&tour, "/tmp/newsq-tour");
        assert!(out.status.code() != Some(2), "`newsq {command}` failed");
        if bless {
            let old = format!("$ newsq {command}\n{shown}\n```");
            let new = format!("$ newsq {command}\n{}\n```", printed.trim_end());
            blessed = blessed.replacen(&old, &new, 1);
            continue;
        }
        assert_eq!(
            steady(&printed),
            steady(&shown),
            "`newsq {command}` printed otherwise than the README shows \
             (NEWSQ_BLESS=1 writes it into the README)"
        );
    }
    if bless {
        std::fs::write(root.join("README.md"), blessed).expect("write README.md");
    }
}
