//! Metadata sidecars (CSV, TSV, JSON Lines) and the precedence of metadata:
//! `--outlet` over the sidecar over what the file says.

use std::path::{Path, PathBuf};

use newsq_core::read::{read_file, MetaRecord, Metadata, ReadOptions};
use newsq_core::{Article, Error};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/read")
        .join(name)
}

fn load(name: &str) -> Metadata {
    Metadata::load(&fixture(name)).expect("sidecar loads")
}

fn read_one(name: &str, opts: &ReadOptions) -> Article {
    read_file(&fixture(name), opts).remove(0).expect("article")
}

#[test]
fn csv_with_quoted_commas_and_doubled_quotes() {
    let meta = load("sidecar.csv");
    assert_eq!(meta.len(), 3);
    assert!(!meta.is_empty());
    let r = meta.get("aggregator.txt").expect("exact file name");
    assert_eq!(
        r,
        &MetaRecord {
            outlet: Some("Gazette, Harbour Edition".into()),
            published: Some("2025-05-22".into()),
            title: Some("Quay opens, at last".into()),
            url: Some("https://gazette.example/quay".into()),
            authors: vec!["Maria Lindqvist".into(), "Jon \"JJ\" Berg".into()],
            language: None,
        }
    );
    // Keyed without extension: found by the file name with one.
    let r = meta.get("normal.txt").expect("file name without extension");
    assert_eq!(r.outlet.as_deref(), Some("Riverton Ledger"));
    assert_eq!((r.title.as_ref(), r.url.as_ref()), (None, None));
    assert!(r.authors.is_empty());
    // Keyed with extension: found by the bare name too.
    assert!(meta.get("aggregator").is_some());
    assert!(meta.get("other.txt").is_none());
}

#[test]
fn tsv_shaped_like_polnear_metadata() {
    let meta = load("sidecar.tsv");
    assert_eq!(meta.len(), 2);
    let r = meta
        .get("ledger_2025-01-08_council-approves-budget.txt")
        .expect("matched without .txt");
    assert_eq!(r.outlet.as_deref(), Some("riverton-ledger"));
    assert_eq!(r.published.as_deref(), Some("2025-01-08"));
    assert_eq!(
        r.title.as_deref(),
        Some("Council Approves Budget After Late-Night Session")
    );
    assert_eq!(r.authors, vec!["Hal Writer"]);
    // "None" is a missing value, not an author.
    let r = meta
        .get("ledger_2025-01-09_ferry-timetable-cut.txt")
        .unwrap();
    assert!(r.authors.is_empty());
    assert_eq!(
        r.title.as_deref(),
        Some("Ferry Operator Cuts “Winter” Timetable")
    );
}

#[test]
fn jsonl_sidecar() {
    let meta = load("sidecar.jsonl");
    let r = meta.get("normal.txt").unwrap();
    assert_eq!(r.outlet.as_deref(), Some("Riverton Ledger"));
    assert_eq!(r.published.as_deref(), Some("2025-01-08"));
    assert_eq!(r.authors, vec!["Ana Silva", "Bo Chen"]);
    // Keys given as paths are reduced to file names; "author" splits on ';'.
    let r = meta.get("dateline.txt").unwrap();
    assert_eq!(r.outlet.as_deref(), Some("Wire Copy Ltd"));
    assert_eq!(r.authors, vec!["Desk", "Night Editor"]);
    assert_eq!(r.url.as_deref(), Some("https://wire.example/copper"));
}

#[test]
fn format_is_sniffed_without_a_telling_extension() {
    let tsv = "filename\tpublisher\na\tOne\n";
    let csv = "filename,publisher\nb,Two\n";
    let jsonl = "{\"filename\": \"c\", \"publisher\": \"Three\"}\n";
    let name = Path::new("meta.dat");
    let get = |text: &str, key: &str| {
        Metadata::parse(name, text)
            .unwrap()
            .get(key)
            .and_then(|r| r.outlet.clone())
    };
    assert_eq!(get(tsv, "a.txt").as_deref(), Some("One"));
    assert_eq!(get(csv, "b.txt").as_deref(), Some("Two"));
    assert_eq!(get(jsonl, "c.txt").as_deref(), Some("Three"));
}

#[test]
fn malformed_sidecars_are_typed_errors_with_lines() {
    let err =
        Metadata::parse(Path::new("m.csv"), "filename,outlet\na.txt,\"open quote\n").unwrap_err();
    assert!(matches!(err, Error::Meta { line: 2, .. }), "{err}");
    assert!(err
        .to_string()
        .starts_with("m.csv:2: unterminated quoted field"));

    let err = Metadata::parse(Path::new("m.csv"), "title,outlet\nT,O\n").unwrap_err();
    assert!(matches!(err, Error::Meta { line: 1, .. }), "{err}");
    assert!(err.to_string().contains("no file name column"));

    let err =
        Metadata::parse(Path::new("m.jsonl"), "{\"file\": \"a\"}\n{\"file\": \n").unwrap_err();
    assert!(matches!(err, Error::Meta { line: 2, .. }), "{err}");

    let err = Metadata::parse(Path::new("m.csv"), "file,outlet\na,b,c\n").unwrap_err();
    assert!(matches!(err, Error::Meta { line: 2, .. }), "{err}");

    let err = Metadata::load(Path::new("/nonexistent/newsq/meta.csv")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
}

#[test]
fn sidecar_overrides_file_and_outlet_option_overrides_both() {
    // What the file says: masthead outlet, byline author, headline.
    let plain = read_one("aggregator.txt", &ReadOptions::default());
    assert_eq!(plain.outlet.as_deref(), Some("The Harbour Gazette"));

    let with_meta = ReadOptions {
        outlet: None,
        meta: Some(load("sidecar.csv")),
        ..ReadOptions::default()
    };
    let a = read_one("aggregator.txt", &with_meta);
    assert_eq!(a.outlet.as_deref(), Some("Gazette, Harbour Edition"));
    assert_eq!(a.title.as_deref(), Some("Quay opens, at last"));
    assert_eq!(a.published.as_deref(), Some("2025-05-22"));
    assert_eq!(a.url.as_deref(), Some("https://gazette.example/quay"));
    assert_eq!(a.authors, vec!["Maria Lindqvist", "Jon \"JJ\" Berg"]);
    assert_eq!(a.body, plain.body);

    let with_both = ReadOptions {
        outlet: Some("Command Line Outlet".into()),
        meta: Some(load("sidecar.csv")),
        ..ReadOptions::default()
    };
    let a = read_one("aggregator.txt", &with_both);
    assert_eq!(a.outlet.as_deref(), Some("Command Line Outlet"));
    assert_eq!(a.title.as_deref(), Some("Quay opens, at last"));

    // Only the option: it still wins over the masthead.
    let only_outlet = ReadOptions {
        outlet: Some("Command Line Outlet".into()),
        meta: None,
        ..ReadOptions::default()
    };
    assert_eq!(
        read_one("aggregator.txt", &only_outlet).outlet.as_deref(),
        Some("Command Line Outlet")
    );
}

#[test]
fn sidecar_fills_only_what_it_has() {
    let opts = ReadOptions {
        outlet: None,
        meta: Some(load("sidecar.csv")),
        ..ReadOptions::default()
    };
    // trafilatura.json's row only gives an outlet: the JSON's own title,
    // date and authors stay.
    let a = read_one("trafilatura.json", &opts);
    assert_eq!(a.outlet.as_deref(), Some("Metro Desk"));
    assert_eq!(a.title.as_deref(), Some("Tram line reaches the airport"));
    assert_eq!(a.published.as_deref(), Some("2025-03-02"));
    assert_eq!(a.authors, vec!["Ines Duarte", "Paul Weber"]);
}

#[test]
fn multi_article_files_match_ids_then_file_outlet() {
    let text = "filename,outlet,title\n\
                lines.jsonl,Heraldry Weekly,A title for the whole file\n\
                https://heraldry.example/museum,Museum Desk,Museum reopens after refit\n";
    let opts = ReadOptions {
        outlet: None,
        meta: Some(Metadata::parse(Path::new("m.csv"), text).unwrap()),
        ..ReadOptions::default()
    };
    let items = read_file(&fixture("lines.jsonl"), &opts);
    // Line 1's id is its URL, which has a record: every field applies.
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.outlet.as_deref(), Some("Museum Desk"));
    assert_eq!(first.title.as_deref(), Some("Museum reopens after refit"));
    // Line 2 has no record of its own: the file's record gives it an outlet,
    // but not the file-wide title.
    let second = items[1].as_ref().unwrap();
    assert_eq!(second.outlet.as_deref(), Some("Heraldry Weekly"));
    assert_eq!(second.title.as_deref(), Some("Bakery wins award"));
}
