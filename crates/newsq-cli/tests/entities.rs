//! `newsq speakers`, `newsq outlets`, entity-aware `--speaker`/`--outlet`
//! and `newsq index --aliases`, as a user runs them.
//!
//! Every article here is invented: people, places and outlets are fictional.

mod common;

use std::path::Path;

use common::{
    expect_code, hits, index_quietly, json_lines, newsq_in, s, scratch, search, stderr, stdout,
    write,
};
use serde_json::Value;

/// One president in three spellings (Zarechny, Zarechniy, Zarechnyy) in
/// three articles of one outlet written three ways; the other president
/// and his spokesman; two Marshes and an article that names only "Marsh".
const ARTICLES: &[(&str, &str)] = &[
    (
        "a1.txt",
        "Volkonsky and Zarechny agree to talks\n\n\
         President Arkady Volkonsky spoke with President Dmytro Zarechny by phone on Monday.\n\n\
         “We are ready to talk without conditions,” President Dmytro Zarechny said after the call.\n\n\
         “Nothing is agreed until everything is agreed,” Mr Volkonsky said.\n\n\
         “The call lasted two hours,” Pavel Gromov, Mr Volkonsky’s spokesman, told reporters.\n",
    ),
    (
        "a2.txt",
        "Zarechniy demands open grain corridor\n\n\
         President Dmytro Zarechniy warned that the grain corridor must stay open.\n\n\
         “The harvest corridor must stay open,” Zarechniy said on Tuesday.\n",
    ),
    (
        "a3.txt",
        "Zarechnyy visits the front\n\n\
         President Dmytro Zarechnyy visited troops near Moravsk on Wednesday.\n\n\
         “Every village will be rebuilt,” Mr Zarechnyy told them.\n",
    ),
    (
        "a5.txt",
        "Marsh sets out harbour plan\n\n\
         Transport Secretary Ellen Marsh set out a plan for the harbour.\n\n\
         “Every ferry will run on time by June,” Ellen Marsh said.\n",
    ),
    (
        "a6.txt",
        "Marsh wins the regatta\n\n\
         Tobias Marsh, the sailor, won the Lowmarsh regatta again.\n\n\
         “The wind was kind to us today,” Tobias Marsh said.\n",
    ),
    (
        "a7.txt",
        "Harbour plan questioned\n\n\
         Critics questioned the harbour plan on Friday.\n\n\
         “We stand by every word of it,” Ms Marsh said.\n",
    ),
];

const META: &str = "filename\tpublisher\n\
a1.txt\tThe Harbour Herald UK\n\
a2.txt\tharbourherald.co.uk\n\
a3.txt\tThe Harbour Herald\n\
a5.txt\tLFL\n\
a6.txt\tlfl.com\n\
a7.txt\tLowmarsh Financial Ledger\n";

/// The corpus indexed into `dir/index`; returns the index folder.
fn indexed(dir: &Path) -> String {
    for (name, text) in ARTICLES {
        write(&dir.join("articles").join(name), text);
    }
    write(&dir.join("meta.tsv"), META);
    let index = s(&dir.join("index"));
    let meta = s(&dir.join("meta.tsv"));
    index_quietly(dir, &index, &["--meta", &meta, &s(&dir.join("articles"))]);
    index
}

fn texts(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["text"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn speakers_lists_one_entity_with_every_spelling() {
    let dir = scratch("speakers");
    let index = indexed(&dir);
    let out = newsq_in(&dir, &["speakers", "--index", &index, "zar", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{}", stdout(&out));
    let zarechny = &lines[0];
    assert_eq!(zarechny["type"], "speaker");
    assert_eq!(zarechny["quotations"], 3);
    assert_eq!(zarechny["reported"], 1);
    let spellings = texts(&zarechny["spellings"]);
    for spelling in [
        "Dmytro Zarechny",
        "Dmytro Zarechniy",
        "Dmytro Zarechnyy",
        "Zarechniy",
        "Mr Zarechnyy",
    ] {
        assert!(
            spellings.iter().any(|s| s == spelling),
            "{spelling} in {spellings:?}"
        );
    }
    // Its quotations come from one outlet, however its name was written.
    assert_eq!(texts(&zarechny["outlets"]), ["The Harbour Herald"]);

    let out = newsq_in(
        &dir,
        &["speakers", "--index", &index, "zar", "--color", "never"],
    );
    expect_code(&out, 0);
    let shown = stdout(&out);
    assert!(shown.starts_with("Dmytro Zarechn"), "{shown}");
    assert!(
        shown.contains("3 quotations, 1 reported statement, 1 outlet"),
        "{shown}"
    );
}

#[test]
fn speakers_with_no_match_exits_1_and_says_so() {
    let dir = scratch("speakers-none");
    let index = indexed(&dir);
    let out = newsq_in(&dir, &["speakers", "--index", &index, "nobody"]);
    expect_code(&out, 1);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("no speakers match \"nobody\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn outlets_lists_each_outlet_once_with_its_spellings() {
    let dir = scratch("outlets");
    let index = indexed(&dir);
    let out = newsq_in(&dir, &["outlets", "--index", &index, "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let names: Vec<&str> = lines.iter().filter_map(|l| l["name"].as_str()).collect();
    assert_eq!(names, ["The Harbour Herald", "Lowmarsh Financial Ledger"]);
    assert_eq!(lines[0]["articles"], 3);
    let mut spellings = texts(&lines[1]["spellings"]);
    spellings.sort();
    assert_eq!(spellings, ["LFL", "Lowmarsh Financial Ledger", "lfl.com"]);
}

#[test]
fn speaker_filter_takes_any_spelling_and_never_the_spokesman() {
    let dir = scratch("speaker-filter");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["--speaker", "zarechnyy", "", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let found = hits(&lines);
    // Three quotations and the statement a2 reports ("warned that …").
    assert_eq!(found.len(), 4);
    assert_eq!(found.iter().filter(|h| h["kind"] == "reported").count(), 1);
    let mut articles: Vec<&str> = found.iter().filter_map(|h| h["path"].as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    assert_eq!(articles.len(), 3, "three articles, three spellings");
    let entity = &found[0]["speaker_entity"];
    assert!(found.iter().all(|h| &h["speaker_entity"] == entity));
    let name = lines
        .iter()
        .find(|l| l["type"] == "name")
        .expect("a name line");
    assert_eq!(name["kind"], "speaker");
    assert_eq!(name["matches"].as_array().map(Vec::len), Some(1));

    let out = search(&dir, &index, &["speaker:volkonsky", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let speakers: Vec<&str> = hits(&lines)
        .iter()
        .filter_map(|h| h["speaker"].as_str())
        .collect();
    assert_eq!(speakers, ["Arkady Volkonsky"]);
}

#[test]
fn an_ambiguous_surname_shows_every_match_and_says_which() {
    let dir = scratch("ambiguous");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["--speaker", "marsh", "", "--count"]);
    expect_code(&out, 0);
    assert_eq!(stdout(&out).trim(), "3");
    let said = stderr(&out);
    assert!(
        said.contains("speaker \"marsh\" matches 3 speakers"),
        "{said}"
    );
    assert!(
        said.contains("Ellen Marsh") && said.contains("Tobias Marsh"),
        "{said}"
    );

    let out = search(&dir, &index, &["--speaker", "tobias marsh", "", "--count"]);
    expect_code(&out, 0);
    assert_eq!(stdout(&out).trim(), "1");
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_unknown_speaker_exits_1_with_did_you_mean() {
    let dir = scratch("unknown");
    let index = indexed(&dir);
    let out = search(&dir, &index, &["--speaker", "volkonski", ""]);
    expect_code(&out, 0); // a spelling variant, not a typo
    let out = search(&dir, &index, &["--speaker", "volkovsky", ""]);
    expect_code(&out, 1);
    assert!(
        stderr(&out).contains("no speaker matches \"volkovsky\"; did you mean Arkady Volkonsky?"),
        "{}",
        stderr(&out)
    );
    let out = search(&dir, &index, &["--outlet", "zzzz", ""]);
    expect_code(&out, 1);
    assert!(stderr(&out).contains("newsq outlets"), "{}", stderr(&out));
}

#[test]
fn an_alias_file_is_kept_in_the_index_and_applies_to_later_runs() {
    let dir = scratch("aliases");
    let index = indexed(&dir);
    let aliases = dir.join("aliases.toml");
    write(
        &aliases,
        "# The bare Marsh is the sailor.\n\
         [[speaker]]\nname = \"Tobias Marsh\"\nspellings = [\"Marsh\"]\n\n\
         [[outlet]]\nname = \"Harbour Herald\"\nspellings = [\"The Harbour Herald UK\"]\n",
    );
    let out = newsq_in(
        &dir,
        &["index", "--index", &index, "--aliases", &s(&aliases)],
    );
    expect_code(&out, 0);
    assert!(
        stderr(&out).contains("1 speaker, 1 outlet"),
        "{}",
        stderr(&out)
    );
    // The file may go: the index keeps its copy.
    std::fs::remove_file(&aliases).expect("alias file removed");

    // A later index run without --aliases keeps them.
    write(
        &dir.join("articles").join("a8.txt"),
        "Sailor retires\n\nTobias Marsh retired on Sunday.\n\n“It is time,” Tobias Marsh said.\n",
    );
    index_quietly(&dir, &index, &[&s(&dir.join("articles"))]);

    // Each run leaves the speakers' entity names in the index for the
    // searches that follow, with the aliases applied.
    assert!(Path::new(&index).join(".newsq-speaker-names").is_file());
    let out = search(&dir, &index, &["--facet", "speaker", "word", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let facet = lines
        .iter()
        .find(|l| l["type"] == "facet")
        .expect("a facet line");
    assert_eq!(
        facet["counts"][0],
        serde_json::json!({"value": "Tobias Marsh", "count": 1})
    );

    let out = search(&dir, &index, &["--speaker", "marsh", "", "--json"]);
    expect_code(&out, 0);
    let lines = json_lines(&out);
    let name = lines
        .iter()
        .find(|l| l["type"] == "name")
        .expect("a name line");
    assert_eq!(name["matches"], serde_json::json!(["Tobias Marsh"]));
    assert_eq!(hits(&lines).len(), 3);

    let out = newsq_in(&dir, &["outlets", "--index", &index, "herald", "--json"]);
    expect_code(&out, 0);
    assert_eq!(json_lines(&out)[0]["name"], "Harbour Herald");
}

#[test]
fn a_bad_alias_file_exits_2_naming_the_file_and_line() {
    let dir = scratch("bad-aliases");
    let index = indexed(&dir);
    let aliases = dir.join("aliases.toml");
    write(
        &aliases,
        "[[speaker]]\nname = \"Tobias Marsh\"\nspelling = [\"Marsh\"]\n",
    );
    let out = newsq_in(
        &dir,
        &["index", "--index", &index, "--aliases", &s(&aliases)],
    );
    expect_code(&out, 2);
    let said = stderr(&out);
    assert!(
        said.contains(&format!("{}:3:", aliases.display())),
        "{said}"
    );
    assert!(
        said.contains("spellings = "),
        "says what the file should hold: {said}"
    );
}
