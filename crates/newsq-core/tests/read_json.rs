//! JSON and JSON Lines input: news-please and trafilatura fields, arrays, lines.

use std::path::PathBuf;

use newsq_core::read::{parse_json_value, read_file, ReadOptions, SkipReason};
use serde_json::json;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/read")
        .join(name)
}

#[test]
fn news_please_object() {
    let path = fixture("newsplease.json");
    let items = read_file(&path, &ReadOptions::default());
    assert_eq!(items.len(), 1);
    let a = items.into_iter().next().unwrap().unwrap();
    assert_eq!(a.id, "newsplease.json");
    assert_eq!(a.path.as_deref(), Some(path.as_path()));
    assert_eq!(a.line, None);
    assert_eq!(a.title.as_deref(), Some("Assembly bans disposable cups"));
    // The field wins over the dateline's agency.
    assert_eq!(a.outlet.as_deref(), Some("valleynews.example"));
    assert_eq!(a.published.as_deref(), Some("2025-05-19 18:30:00"));
    assert_eq!(a.authors, vec!["Nadia Farouk", "Owen Pryce"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://valleynews.example/2025/05/19/cups")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    // Single newlines are paragraphs; dateline, caption and READ MORE are gone;
    // the description is not used when there is main text.
    assert_eq!(
        a.body,
        "The regional assembly voted on Monday to ban single-use cups in public buildings.\n\n\
         The ban takes effect in January.\n\n\
         “It is a small step, but a visible one,” said assembly member Rhys Jordan."
    );
}

#[test]
fn trafilatura_object() {
    let items = read_file(&fixture("trafilatura.json"), &ReadOptions::default());
    let a = items.into_iter().next().unwrap().unwrap();
    assert_eq!(a.id, "trafilatura.json");
    assert_eq!(a.title.as_deref(), Some("Tram line reaches the airport"));
    assert_eq!(a.outlet.as_deref(), Some("citytimes.example"));
    assert_eq!(a.published.as_deref(), Some("2025-03-02"));
    assert_eq!(a.authors, vec!["Ines Duarte", "Paul Weber"]);
    assert_eq!(a.url.as_deref(), Some("https://citytimes.example/tram"));
    assert_eq!(
        a.body,
        "The extended tram line opened to passengers on Sunday.\n\n\
         Journeys to the terminal now take 18 minutes, half the time of the bus."
    );
}

#[test]
fn field_fallbacks() {
    // raw_text when there is no text; description only when there is no text at all;
    // sitename as outlet; outlet from a copyright line when no field names one.
    let a = parse_json_value(
        "a",
        &json!({"raw_text": "Raw body.", "sitename": "The Site"}),
    )
    .unwrap();
    assert_eq!(
        (a.body.as_str(), a.outlet.as_deref()),
        ("Raw body.", Some("The Site"))
    );
    let a = parse_json_value(
        "b",
        &json!({"description": "Only a summary.", "title": "T"}),
    )
    .unwrap();
    assert_eq!(a.body, "Only a summary.");
    let a = parse_json_value(
        "c",
        &json!({"text": "Body line.\nCopyright 2025 Coastline Media LLC"}),
    )
    .unwrap();
    assert_eq!(a.body, "Body line.");
    assert_eq!(a.outlet.as_deref(), Some("Coastline Media"));
    assert!(parse_json_value("d", &json!({"title": "No text"})).is_none());
    assert!(parse_json_value("e", &json!({"text": "   "})).is_none());
    assert!(parse_json_value("f", &json!(["not", "an", "object"])).is_none());
}

#[test]
fn json_array_gives_one_article_per_element() {
    let path = fixture("array.json");
    let items = read_file(&path, &ReadOptions::default());
    assert_eq!(items.len(), 3);
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.id, "https://farmweekly.example/orchards");
    assert_eq!(first.line, Some(2));
    let second = items[1].as_ref().unwrap();
    assert_eq!(second.id, "array.json:#1");
    assert_eq!(second.outlet.as_deref(), Some("farmweekly.example"));
    assert_eq!(
        second.body,
        "Cider makers said the early harvest could flood the market."
    );
    let third = items[2].as_ref().unwrap_err();
    assert_eq!(third.reason, SkipReason::NoText);
    assert_eq!(third.line, Some(9));
    assert!(third
        .to_string()
        .starts_with(&format!("{}:9: no article text", path.display())));
}

#[test]
fn json_lines_malformed_line_is_reported_and_others_come_out() {
    let path = fixture("lines.jsonl");
    let items = read_file(&path, &ReadOptions::default());
    assert_eq!(items.len(), 5, "blank line yields nothing");

    let a = items[0].as_ref().unwrap();
    assert_eq!(
        (a.id.as_str(), a.line),
        ("https://heraldry.example/museum", Some(1))
    );
    let b = items[1].as_ref().unwrap();
    assert_eq!((b.id.as_str(), b.line), ("lines.jsonl:2", Some(2)));
    assert_eq!(b.path.as_deref(), Some(path.as_path()));

    let bad = items[2].as_ref().unwrap_err();
    assert_eq!(bad.line, Some(4));
    assert!(matches!(bad.reason, SkipReason::MalformedJson(_)));
    let msg = bad.to_string();
    assert_eq!(
        msg,
        format!(
            "{}:4: malformed JSON (expected `,` or `}}` at column 70); fix or remove the line",
            path.display()
        )
    );

    let d = items[3].as_ref().unwrap();
    assert_eq!((d.id.as_str(), d.line), ("lines.jsonl:5", Some(5)));
    assert_eq!(d.title.as_deref(), Some("Choir tours abroad"));

    let e = items[4].as_ref().unwrap_err();
    assert_eq!((e.line, &e.reason), (Some(6), &SkipReason::NoText));
}

#[test]
fn content_not_extension_decides_format() {
    let dir = std::env::temp_dir().join(format!("newsq-read-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // JSON Lines in a .txt file.
    let p = dir.join("feed.txt");
    std::fs::write(&p, "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n").unwrap();
    let items = read_file(&p, &ReadOptions::default());
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].as_ref().unwrap().id, "feed.txt:2");

    // A single object in a .jsonl file is still a line.
    let p = dir.join("one.jsonl");
    std::fs::write(&p, "{\"text\": \"Alone.\"}\n").unwrap();
    let items = read_file(&p, &ReadOptions::default());
    assert_eq!(items[0].as_ref().unwrap().id, "one.jsonl:1");

    // Plain text that happens to open with a bracket.
    let p = dir.join("note.txt");
    std::fs::write(
        &p,
        "[Updated] Ferry returns to service\n\nThe ferry sailed again on Monday.",
    )
    .unwrap();
    let a = read_file(&p, &ReadOptions::default()).remove(0).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("[Updated] Ferry returns to service")
    );

    // A broken .json file is reported, not read as text.
    let p = dir.join("broken.json");
    std::fs::write(&p, "{\n  \"text\": \"x\",\n  oops\n}").unwrap();
    let s = read_file(&p, &ReadOptions::default())
        .remove(0)
        .unwrap_err();
    assert!(
        matches!(s.reason, SkipReason::MalformedJson(ref m) if m.contains("line 3")),
        "{s}"
    );
    assert!(s.to_string().ends_with("; fix the file"));

    // A JSON scalar is not an article.
    let p = dir.join("scalar.json");
    std::fs::write(&p, "[1, \"two\"]").unwrap();
    let items = read_file(&p, &ReadOptions::default());
    assert!(items
        .iter()
        .all(|i| matches!(i, Err(s) if matches!(s.reason, SkipReason::MalformedJson(_)))));

    std::fs::remove_dir_all(&dir).ok();
}
