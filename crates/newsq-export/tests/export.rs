//! Export folders against what the engines document: Quickwit's index
//! config and ingest NDJSON, Elasticsearch's mapping and `_bulk` NDJSON;
//! entity keys; ids stable across runs.

mod support;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use newsq_core::index::{NewsIndex, WriterOptions};
use newsq_core::Article;
use newsq_export::{export_to_folder, Engine, ExportOptions, ExportSummary, IndexDocuments};
use serde_json::Value;
use support::{fixture_index, ARTICLES};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsq-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn export(index: &NewsIndex, engine: Engine, out: &Path, max_file_bytes: usize) -> ExportSummary {
    let options = ExportOptions {
        max_file_bytes,
        ..ExportOptions::new(engine)
    };
    export_to_folder(
        &IndexDocuments::open(index).unwrap(),
        out,
        &options,
        |_, _| {},
    )
    .unwrap()
}

/// Every line of every document file, as JSON, checking the NDJSON rules
/// (one object per line, a newline after the last) and the size bound.
fn file_lines(summary: &ExportSummary, max_bytes: usize) -> Vec<Value> {
    let mut lines = Vec::new();
    for path in &summary.files {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            text.len() <= max_bytes,
            "{}: {} bytes",
            path.display(),
            text.len()
        );
        assert!(text.ends_with('\n'), "{}", path.display());
        for line in text.lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            assert!(value.is_object(), "{line}");
            lines.push(value);
        }
    }
    lines
}

/// The field mappings of a Quickwit config as newsq writes it: name →
/// option → value.
fn quickwit_fields(yaml: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut fields = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut in_mappings = false;
    for line in yaml.lines() {
        if line == "  field_mappings:" {
            in_mappings = true;
            continue;
        }
        if !line.starts_with("    ") {
            in_mappings = false;
        }
        if !in_mappings {
            continue;
        }
        if let Some(name) = line.strip_prefix("    - name: ") {
            current = Some(name.to_string());
            fields.insert(name.to_string(), BTreeMap::new());
        } else if let (Some(name), Some((key, value))) = (&current, line.trim().split_once(": ")) {
            fields
                .get_mut(name)
                .unwrap()
                .insert(key.to_string(), value.to_string());
        }
    }
    fields
}

/// Top-level (or two-space) `key: value` of the config.
fn yaml_value<'a>(yaml: &'a str, key: &str) -> Option<&'a str> {
    yaml.lines()
        .find_map(|l| l.trim_start().strip_prefix(&format!("{key}: ")))
}

fn is_rfc3339_utc(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() == 20
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b[19] == b'Z'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

fn all_keys(documents: &[Value]) -> BTreeSet<String> {
    documents
        .iter()
        .flat_map(|d| d.as_object().unwrap().keys().cloned())
        .collect()
}

#[test]
fn the_quickwit_export_is_a_valid_config_and_ingestable_ndjson() {
    let out = scratch("quickwit");
    let summary = export(&fixture_index(40), Engine::Quickwit, &out, 20_000_000);
    let yaml = std::fs::read_to_string(out.join("index-config.yaml")).unwrap();
    let documents = file_lines(&summary, newsq_export::QUICKWIT_MAX_BODY);
    assert_eq!(documents.len() as u64, summary.documents);

    // The versions Quickwit 0.7 to 0.9 read; the index id; strict mapping.
    assert_eq!(yaml_value(&yaml, "version"), Some("0.7"));
    assert_eq!(yaml_value(&yaml, "index_id"), Some("\"newsq\""));
    assert_eq!(yaml_value(&yaml, "mode"), Some("strict"));
    let fields = quickwit_fields(&yaml);
    // Strict mode refuses a document with an undeclared field.
    let declared: BTreeSet<String> = fields.keys().cloned().collect();
    assert!(
        all_keys(&documents).is_subset(&declared),
        "{:?}",
        all_keys(&documents)
    );
    for (name, options) in &fields {
        let kind = options["type"].as_str();
        assert!(["text", "datetime"].contains(&kind), "{name}: {kind}");
        // The tokenizers Quickwit 0.9 has (en_stem went with 0.9's
        // multilang feature: "unknown tokenizer 'en_stem'").
        if let Some(tokenizer) = options.get("tokenizer") {
            assert!(
                ["raw", "default", "whitespace"].contains(&tokenizer.as_str()),
                "{name}: {tokenizer}"
            );
        }
        if let Some(record) = options.get("record") {
            assert!(
                ["basic", "freq", "position"].contains(&record.as_str()),
                "{name}"
            );
        }
    }
    assert!(yaml.contains("for Quickwit 0.9"), "{yaml}");
    for text in ["quote_terms", "body_terms", "title_terms"] {
        assert_eq!(fields[text]["tokenizer"], "whitespace", "{text}");
    }
    for text in [
        "quote",
        "body",
        "title",
        "quote_terms",
        "body_terms",
        "title_terms",
    ] {
        assert_eq!(
            fields[text]["record"], "position",
            "{text}: phrases need positions"
        );
        assert_eq!(
            fields[text]["fieldnorms"], "true",
            "{text}: BM25 needs field norms"
        );
    }
    for key in ["speaker_key", "outlet_key", "kind"] {
        assert_eq!(fields[key]["tokenizer"], "raw", "{key}");
        assert_eq!(fields[key]["fast"], "true", "{key}");
    }
    let published = &fields["published"];
    assert_eq!(published["type"], "datetime");
    assert_eq!(published["fast"], "true");
    assert!(published["input_formats"].contains("rfc3339"));
    let default_fields = yaml_value(&yaml, "default_search_fields").unwrap();
    for name in default_fields.trim_matches(['[', ']']).split(", ") {
        assert!(
            fields.contains_key(name) && !fields[name].contains_key("indexed"),
            "{name}"
        );
    }
    for document in &documents {
        if let Some(date) = document.get("published") {
            assert!(is_rfc3339_utc(date.as_str().unwrap()), "{date}");
        }
        // newsq's own terms beside each text: one per word, stemmed.
        for (text, terms) in [("quote", "quote_terms"), ("body", "body_terms")] {
            if let Some(value) = document.get(text) {
                let terms = document[terms].as_str().unwrap();
                assert!(!terms.is_empty() && !terms.contains("  "), "{terms}");
                assert_eq!(terms, terms.to_lowercase());
                let words = value.as_str().unwrap().split_whitespace().count();
                assert!(terms.split(' ').count() <= words * 2, "{value} → {terms}");
            }
        }
    }
    // The fixture has an undated article: Quickwit requires the timestamp
    // field on every document, so there is none.
    assert!(summary.undated > 0);
    assert!(!summary.timestamp_field);
    assert_eq!(yaml_value(&yaml, "timestamp_field"), None);
}

#[test]
fn quickwit_0_7_and_0_8_get_stemmed_text_fields_and_the_same_terms_fields() {
    let out = scratch("quickwit-0.8");
    let options = ExportOptions {
        engine_version: Some("0.8".parse().unwrap()),
        ..ExportOptions::new(Engine::Quickwit)
    };
    let documents = IndexDocuments::open(&fixture_index(5)).unwrap();
    let summary = export_to_folder(&documents, &out, &options, |_, _| {}).unwrap();
    let yaml = std::fs::read_to_string(&summary.definition).unwrap();
    assert!(yaml.contains("for Quickwit 0.8"), "{yaml}");
    let fields = quickwit_fields(&yaml);
    for text in ["quote", "body", "title"] {
        assert_eq!(fields[text]["tokenizer"], "en_stem", "{text}");
    }
    for text in ["quote_terms", "body_terms", "title_terms"] {
        assert_eq!(fields[text]["tokenizer"], "whitespace", "{text}");
    }

    // Before 0.7 the config format differs: refused, saying from when.
    let options = ExportOptions {
        engine_version: Some("0.6.3".parse().unwrap()),
        ..ExportOptions::new(Engine::Quickwit)
    };
    let error = export_to_folder(&documents, &scratch("quickwit-0.6"), &options, |_, _| {})
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "version 0.6: newsq writes index definitions for Quickwit 0.7 and later"
    );
}

#[test]
fn a_fully_dated_index_makes_published_the_quickwit_timestamp() {
    let index = NewsIndex::create_in_ram().unwrap();
    let mut writer = index.writer(&WriterOptions::default()).unwrap();
    for &(url, outlet, published, body) in ARTICLES.iter().filter(|a| a.2.is_some()) {
        let mut article = Article::from_body(url, body);
        article.outlet = Some(outlet.into());
        article.published = published.map(str::to_string);
        writer.add_article(&article).unwrap();
    }
    writer.commit().unwrap();
    let out = scratch("quickwit-dated");
    let summary = export(&index, Engine::Quickwit, &out, 10_000_000);
    let yaml = std::fs::read_to_string(&summary.definition).unwrap();
    assert_eq!(yaml_value(&yaml, "timestamp_field"), Some("published"));
    let documents = file_lines(&summary, 10_000_000);
    assert!(documents.iter().all(|d| d.get("published").is_some()));
    let times: BTreeSet<&str> = documents
        .iter()
        .map(|d| d["published"].as_str().unwrap())
        .collect();
    assert!(times.contains("2025-03-09T18:30:00Z"), "{times:?}");
}

#[test]
fn the_elasticsearch_export_is_a_mapping_and_bulk_create_files() {
    let out = scratch("elasticsearch");
    let summary = export(&fixture_index(40), Engine::Elasticsearch, &out, 30_000);
    assert!(
        summary.files.len() > 2,
        "small files: {}",
        summary.files.len()
    );
    let definition: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let mappings = &definition["mappings"];
    assert_eq!(mappings["dynamic"], "strict");
    let properties = mappings["properties"].as_object().unwrap();
    for (name, mapping) in properties {
        let kind = mapping["type"].as_str().unwrap();
        assert!(
            ["text", "keyword", "date"].contains(&kind),
            "{name}: {kind}"
        );
    }
    for text in ["quote", "body", "title"] {
        assert_eq!(properties[text]["type"], "text");
        assert_eq!(properties[text]["analyzer"], "english", "{text}");
        let terms = format!("{text}_terms");
        assert_eq!(properties[&terms]["type"], "text");
        assert_eq!(properties[&terms]["analyzer"], "whitespace", "{terms}");
    }
    for key in ["speaker_key", "outlet_key", "doc_id", "article_id", "kind"] {
        assert_eq!(properties[key]["type"], "keyword", "{key}");
    }
    assert_eq!(properties["published"]["type"], "date");

    let lines = file_lines(&summary, 30_000);
    assert_eq!(lines.len() % 2, 0, "action and document lines in pairs");
    let declared: BTreeSet<String> = properties.keys().cloned().collect();
    let mut ids = BTreeSet::new();
    let mut documents = Vec::new();
    for pair in lines.chunks(2) {
        // `create` only (re-sending never overwrites), no `_type` (removed
        // in Elasticsearch 8 and OpenSearch 2), no `_index` (the URL names it).
        let action = pair[0].as_object().unwrap();
        assert_eq!(action.keys().collect::<Vec<_>>(), ["create"]);
        let target = pair[0]["create"].as_object().unwrap();
        assert_eq!(target.keys().collect::<Vec<_>>(), ["_id"]);
        let id = target["_id"].as_str().unwrap();
        assert!(!id.is_empty() && id.len() <= 512, "{id}");
        assert_eq!(pair[1]["doc_id"], id);
        assert!(ids.insert(id.to_string()), "{id} twice");
        documents.push(pair[1].clone());
    }
    assert!(all_keys(&documents).is_subset(&declared));
    assert_eq!(documents.len() as u64, summary.documents);
}

#[test]
fn documents_carry_their_entity_keys_and_keep_the_articles_spelling() {
    let out = scratch("entities");
    let summary = export(&fixture_index(0), Engine::Elasticsearch, &out, 10_000_000);
    let documents: Vec<Value> = file_lines(&summary, 10_000_000)
        .chunks(2)
        .map(|pair| pair[1].clone())
        .collect();
    let quotations: Vec<&Value> = documents
        .iter()
        .filter(|d| d["kind"] == "quotation")
        .collect();
    let by_spelling: HashMap<&str, (&str, &str)> = quotations
        .iter()
        .map(|d| {
            (
                d["speaker_as_written"].as_str().unwrap(),
                (
                    d["speaker"].as_str().unwrap(),
                    d["speaker_key"].as_str().unwrap(),
                ),
            )
        })
        .collect();
    let kovalensky: BTreeSet<(&str, &str)> = by_spelling
        .iter()
        .filter(|(spelling, _)| spelling.contains("Kovalensk"))
        .map(|(_, entity)| *entity)
        .collect();
    assert_eq!(
        by_spelling
            .keys()
            .filter(|s| s.contains("Kovalensk"))
            .count(),
        3,
        "{by_spelling:?}"
    );
    assert_eq!(
        kovalensky.len(),
        1,
        "three spellings, one entity: {kovalensky:?}"
    );
    let brandt: BTreeSet<&str> = by_spelling
        .iter()
        .filter(|(spelling, _)| spelling.contains("Brandt"))
        .map(|(_, (_, key))| *key)
        .collect();
    assert_eq!(brandt, BTreeSet::from(["ilse brandt"]));

    let outlets: BTreeSet<(&str, &str)> = documents
        .iter()
        .filter(|d| {
            d["outlet_as_written"]
                .as_str()
                .is_some_and(|o| o.eq_ignore_ascii_case("harbour gazette"))
        })
        .map(|d| {
            (
                d["outlet"].as_str().unwrap(),
                d["outlet_key"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(outlets.len(), 1, "{outlets:?}");

    // entities.ndjson: how a typed name becomes the key, without newsq.
    let entities: Vec<Value> = std::fs::read_to_string(out.join("entities.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (name, key) = kovalensky.into_iter().next().unwrap();
    let entity = entities
        .iter()
        .find(|e| e["kind"] == "speaker" && e["key"] == key)
        .expect("the speaker's entity");
    assert_eq!(entity["name"], name);
    assert_eq!(entity["spellings"].as_array().unwrap().len(), 3, "{entity}");
}

#[test]
fn ids_are_the_same_whatever_order_the_articles_were_indexed_in() {
    let reversed = NewsIndex::create_in_ram().unwrap();
    let mut writer = reversed.writer(&WriterOptions::default()).unwrap();
    for &(url, outlet, published, body) in ARTICLES.iter().rev() {
        let mut article = Article::from_body(url, body);
        article.url = Some(url.to_string());
        article.outlet = Some(outlet.to_string());
        article.published = published.map(str::to_string);
        article.title = Some(format!("Dam talks: {outlet}"));
        writer.add_article(&article).unwrap();
    }
    writer.commit().unwrap();
    let ids = |index: &NewsIndex| -> BTreeMap<String, Option<String>> {
        IndexDocuments::open(index)
            .unwrap()
            .iter()
            .map(|d| d.unwrap())
            .map(|d| (d.doc_id, d.quote))
            .collect()
    };
    let first = ids(&fixture_index(0));
    assert_eq!(first.len(), 10, "4 articles, 6 quotations: {first:?}");
    assert_eq!(first, ids(&reversed));
}

#[test]
fn exporting_again_replaces_the_earlier_files() {
    let out = scratch("again");
    let index = fixture_index(40);
    let small = export(&index, Engine::Quickwit, &out, 20_000);
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let large = export(&index, Engine::Quickwit, &out, 10_000_000);
    assert!(small.files.len() > large.files.len());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "docs-000001.ndjson",
            "entities.ndjson",
            "index-config.yaml",
            "notes.txt"
        ]
    );
    assert_eq!(small.documents, large.documents);
}

#[test]
fn a_document_larger_than_a_file_is_left_out_and_named() {
    let out = scratch("too-large");
    let index = fixture_index(3);
    let everything = IndexDocuments::open(&index).unwrap().len();
    let summary = export(&index, Engine::Quickwit, &out, 1_500);
    assert!(!summary.too_large.is_empty());
    assert_eq!(
        summary.documents + summary.too_large.len() as u64,
        everything
    );
    let exported: BTreeSet<String> = file_lines(&summary, 1_500)
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert!(summary.too_large.iter().all(|id| !exported.contains(id)));
}

#[test]
fn an_index_name_the_engine_refuses_is_an_error_before_anything_is_written() {
    let out = scratch("bad-name");
    let options = ExportOptions {
        index_name: "News Index".into(),
        ..ExportOptions::new(Engine::Elasticsearch)
    };
    let documents = IndexDocuments::open(&fixture_index(0)).unwrap();
    let error = export_to_folder(&documents, &out, &options, |_, _| {}).unwrap_err();
    assert_eq!(
        error.to_string(),
        "'News Index' is not a valid index name for Elasticsearch: it needs lower-case letters, digits, '-', '_' and '.' only"
    );
    assert!(!out.exists());
}

#[test]
fn a_reported_statement_is_exported_with_its_kind() {
    let index = NewsIndex::create_in_ram().unwrap();
    let mut writer = index.writer(&WriterOptions::default()).unwrap();
    let mut article = Article::from_body(
        "lock.txt",
        "Harbour master Ivo Brandt said on Friday that the old lock would close for a month.\n\n\
         “The gates are older than anyone in this town,” Mr Brandt said.",
    );
    article.outlet = Some("The Lowland Post".into());
    article.published = Some("2026-05-08".into());
    writer.add_article(&article).unwrap();
    writer.commit().unwrap();
    let out = scratch("reported");
    let summary = export(&index, Engine::Elasticsearch, &out, 10_000_000);
    let documents: Vec<Value> = file_lines(&summary, 10_000_000)
        .chunks(2)
        .map(|pair| pair[1].clone())
        .collect();
    let kinds: BTreeSet<&str> = documents
        .iter()
        .filter_map(|d| d["kind"].as_str())
        .collect();
    assert_eq!(kinds, BTreeSet::from(["article", "quotation", "reported"]));
    let reported = documents
        .iter()
        .find(|d| d["kind"] == "reported")
        .expect("the reported statement");
    assert_eq!(reported["quote"], "the old lock would close for a month");
    assert_eq!(reported["speaker"], "Ivo Brandt");
    assert_eq!(reported["cue"], "said");
}
