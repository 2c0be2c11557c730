//! Plain-text cleaning: one test per rule, on fictional fixtures.

use std::path::PathBuf;

use newsq_core::read::{parse_plain_text, read_file, ReadOptions};
use newsq_core::Article;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/read")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture exists")
}

fn parse(name: &str) -> Article {
    parse_plain_text(name, &fixture_text(name))
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.body.split("\n\n").collect()
}

/// Non-empty lines of a fixture after the first (the headline), trimmed.
fn lines_after_headline(name: &str) -> Vec<String> {
    fixture_text(name)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn ordinary_article_keeps_every_paragraph() {
    // Shaped like PolNeAR / BBC: headline, blank line, paragraphs. Includes a
    // standfirst, a dateline without an agency, quotes, a subheading, a line
    // ending in a lower-case parenthesis, a party affiliation, an embed and
    // a rule: nothing but the headline may go.
    let a = parse("normal.txt");
    assert_eq!(a.id, "normal.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Council Approves Budget After Late-Night Session.")
    );
    assert_eq!(a.outlet, None);
    assert!(a.authors.is_empty());
    assert_eq!(paragraphs(&a), lines_after_headline("normal.txt"));
}

#[test]
fn one_paragraph_per_line_without_blank_lines() {
    let a = parse("one_per_line.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Bridge talks stall as both towns dig in over toll")
    );
    assert_eq!(paragraphs(&a), lines_after_headline("one_per_line.txt"));
    assert!(
        a.body.contains("\n\nLimited Progress on the Bridge\n\n"),
        "subheading stays"
    );
}

#[test]
fn aggregator_header_gives_outlet_author_and_headline() {
    let a = parse("aggregator.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Fishing fleet returns to Port Elms as new quay finally opens after storm delays")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(a.authors, vec!["Maria Lindqvist"]);
    for gone in [
        "Get every story",
        "Thousands of trusted",
        "One login",
        "Start your free trial",
        "Business",
        "Harbour Gazette",
    ] {
        assert!(!a.body.contains(gone), "{gone:?} left in body");
    }
    assert!(a
        .body
        .starts_with("The new deep-water quay at Port Elms opened on Thursday"));
}

#[test]
fn footer_block_is_dropped_to_the_end() {
    let a = parse("aggregator.txt");
    assert_eq!(
        paragraphs(&a),
        vec![
            "The new deep-water quay at Port Elms opened on Thursday, eight months later than planned, after winter storms twice flooded the construction site.",
            "Harbour master Tomas Reyes said the first trawlers tied up before dawn. “We have waited a long time for this morning,” he told reporters on the slipway.",
            "What happens to the old pier?",
            "The council will decide next month whether to restore the Victorian pier or demolish it.",
        ]
    );
    // Lines inside the block that look like nothing in particular go too.
    assert!(!a.body.contains("Ten days on us"));
    assert!(!a.body.contains("newsrooms"));
}

#[test]
fn short_closing_lines_that_are_not_furniture_stay() {
    // A match report ends with the attendance and the referee: short, title-case,
    // unpunctuated, yet article content.
    let text = "Rovers 2-1 United\n\nRovers won with a late header from their captain, who had missed the last three games through injury and returned only this week.\n\n9,412\n\nA Marsh";
    let a = parse_plain_text("match.txt", text);
    assert_eq!(paragraphs(&a).last(), Some(&"A Marsh"));
    assert_eq!(paragraphs(&a).len(), 3);
}

#[test]
fn standalone_boilerplate_lines_go_anywhere() {
    let a = parse("inline_boilerplate.txt");
    assert_eq!(
        paragraphs(&a),
        vec![
            "A national rail strike planned for Friday was called off after the operator made a new pay offer.",
            "Union leaders said members would vote on the offer next week.",
            "“It is a serious offer and we will treat it seriously,” said union secretary Dev Malik.",
            "Trains are expected to run normally on Friday.",
        ]
    );
}

#[test]
fn copyright_at_end_of_last_paragraph_gives_outlet() {
    let a = parse("copyright_suffix.txt");
    assert_eq!(a.outlet.as_deref(), Some("The Island Courier"));
    assert!(a.body.ends_with("harder to reach."), "body: {}", a.body);
    assert!(!a.body.contains("Copyright"));
}

#[test]
fn copyright_line_gives_outlet() {
    let a = parse("copyright_line.txt");
    assert_eq!(a.outlet.as_deref(), Some("Northfield Evening Post"));
    assert_eq!(
        paragraphs(&a),
        vec![
            "The central library will open until 9pm on weekdays from next month.",
            "Staff numbers will rise by six.",
        ]
    );
    let a = parse_plain_text(
        "x.txt",
        "Dam inspection finds cracks\n\nInspectors found hairline cracks in the old dam.\n\nCopyright 2023 Valley Gazette. All rights reserved.",
    );
    assert_eq!(a.outlet.as_deref(), Some("Valley Gazette"));
    assert_eq!(a.body, "Inspectors found hairline cracks in the old dam.");
}

#[test]
fn copyright_office_in_prose_is_not_a_footer() {
    let text =
        "Artists win case\n\nThe painters had written to the Copyright Office twice before suing.";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(a.outlet, None);
    assert_eq!(
        a.body,
        "The painters had written to the Copyright Office twice before suing."
    );
}

#[test]
fn dateline_gives_outlet_and_is_stripped() {
    // The closing "(Reporting by ...; Editing by ...)" credit goes too.
    let a = parse("dateline.txt");
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    assert_eq!(
        paragraphs(&a),
        vec![
            "Copper prices hit a record high on Tuesday as strikes kept three of Chile's largest mines closed for a second week.",
            "Traders said stocks in warehouses had fallen to their lowest level in a decade.",
        ]
    );
    let a = parse_plain_text(
        "x.txt",
        "Lake levels fall\n\n(AP) — Lake levels in the region fell for a fifth month.",
    );
    assert_eq!(a.outlet.as_deref(), Some("AP"));
    assert_eq!(a.body, "Lake levels in the region fell for a fifth month.");
}

#[test]
fn outlet_from_masthead_then_copyright_then_dateline() {
    let a = parse_plain_text(
        "x.txt",
        "Grain prices steady\n\nPARIS (AFP) - Grain prices held steady on Monday.\n\n© 2025 Farm Ledger Ltd",
    );
    assert_eq!(a.outlet.as_deref(), Some("Farm Ledger"));
    assert_eq!(a.body, "Grain prices held steady on Monday.");

    let with_masthead = format!(
        "{}\n\n© 2025 Farm Ledger Ltd",
        fixture_text("aggregator.txt")
    );
    let a = parse_plain_text("x.txt", &with_masthead);
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Gazette"));
    assert!(!a.body.contains("Farm Ledger"));
}

#[test]
fn captions_are_dropped_and_prose_with_parentheses_kept() {
    let a = parse("captions.txt");
    assert_eq!(
        paragraphs(&a),
        vec![
            "Snow closed the Kessel Pass again on Tuesday, stranding about 200 lorries on either side.",
            "Road crews have cleared 40 kilometres of the route (roughly half) since the weekend.",
            "“We will reopen when it is safe and not an hour before,” said the authority’s director, Petra Hahn (Kessel Highway Authority)",
            "The pass is the only direct route between the two valleys.",
            "Forecasters expect more snow on Thursday.",
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined_into_paragraphs() {
    let a = parse("hard_wrapped.txt");
    assert_eq!(
        paragraphs(&a),
        vec![
            "Volunteers counting birds along the Marden estuary recorded more than 4,000 swifts on Saturday, the highest number since the survey began in 1998, according to the local wildlife trust.",
            "The trust's survey leader, Anwen Price, said warm weather in late May had brought an unusually large insect hatch. \"The birds simply followed the food,\" she said.",
            "Counts will continue every weekend until the end of August.",
        ]
    );
}

#[test]
fn crlf_bom_and_inner_spacing() {
    let text = "\u{FEFF}Quiet week at the port\r\n\r\n  Ships  waited\tfor the tide.  \r\nNothing else moved.\r\n";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(a.title.as_deref(), Some("Quiet week at the port"));
    // Ends trimmed, inner spacing kept: quote offsets refer to the body.
    assert_eq!(
        a.body,
        "Ships  waited\tfor the tide.\n\nNothing else moved."
    );
}

#[test]
fn read_file_sets_id_and_path_for_plain_text() {
    let path = fixture("dateline.txt");
    let items = read_file(&path, &ReadOptions::default());
    assert_eq!(items.len(), 1);
    let a = items.into_iter().next().unwrap().unwrap();
    assert_eq!(a.id, "dateline.txt");
    assert_eq!(a.path.as_deref(), Some(path.as_path()));
    assert_eq!(a.line, None);
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
}

#[test]
fn header_without_promos_or_repeated_masthead() {
    // Outlet, section and byline block, then the headline.
    let text = "The Valley Echo\nSport\nRuth Adeyemi\n\nLocal club promoted after dramatic final day win\n\nThe club needed a point and got three.";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(
        a.title.as_deref(),
        Some("Local club promoted after dramatic final day win")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Valley Echo"));
    assert_eq!(a.authors, vec!["Ruth Adeyemi"]);
    assert_eq!(a.body, "The club needed a point and got three.");

    // A short headline with byline and date is an ordinary article: the
    // headline stays the headline and nothing else is dropped.
    let text = "Kennedy Quits Race\nBy Ruth Adeyemi\n3 May 2025\n\nThe senator withdrew on Friday.\n\nShe gave no reason.";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(a.title.as_deref(), Some("Kennedy Quits Race"));
    assert_eq!(
        paragraphs(&a),
        vec![
            "By Ruth Adeyemi",
            "3 May 2025",
            "The senator withdrew on Friday.",
            "She gave no reason."
        ]
    );
}

#[test]
fn edition_header_with_byline_under_the_headline() {
    let text = "Nordlicht Daily\nInternational Edition\nScience\n\n\
                Glacier retreat doubles on northern slopes, survey finds\n\n\
                By Ilse Brandt\n\n\
                TROMSVIK. The Hallen glacier lost twice as much ice this summer as last.\n\n\
                “We measured it three times because we did not believe it,” said survey lead Per Aune.";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(
        a.title.as_deref(),
        Some("Glacier retreat doubles on northern slopes, survey finds")
    );
    assert_eq!(a.outlet.as_deref(), Some("Nordlicht Daily"));
    assert_eq!(a.authors, vec!["Ilse Brandt"]);
    assert_eq!(paragraphs(&a).len(), 2);
    assert!(a.body.starts_with("TROMSVIK. The Hallen glacier"));
}

#[test]
fn long_promo_lines_still_make_a_header() {
    let text = "Get all of the stories that matter to you in one single place.\n\
                500+ trusted titles.\nOne app.\nStart reading\n\
                The Riverside Courier\nThe Riverside Courier\nLocal\nTom Achebe\n\n\
                Flood barrier fails its first test as river rises overnight\n\n\
                The new flood barrier on the Wend leaked for six hours on Tuesday night.";
    let a = parse_plain_text("x.txt", text);
    assert_eq!(
        a.title.as_deref(),
        Some("Flood barrier fails its first test as river rises overnight")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Riverside Courier"));
    assert_eq!(a.authors, vec!["Tom Achebe"]);
    assert_eq!(
        a.body,
        "The new flood barrier on the Wend leaked for six hours on Tuesday night."
    );
}

#[test]
fn a_first_line_of_prose_is_body_not_headline() {
    let text = "Harbour master Gil Haddon and Mayor Ilona Varga met on the quay on Monday. \
                They talked for an hour about the ferry, the storm and the money.\n\
                He said the ferry would return “before the first frost”.\n";
    let a = parse_plain_text("prose-first.txt", text);
    assert_eq!(a.title, None);
    assert!(
        a.body.starts_with("Harbour master Gil Haddon"),
        "{}",
        a.body
    );
    let short = parse_plain_text(
        "headline.txt",
        "Ferry to return by spring\nThe ferry returns.\n",
    );
    assert_eq!(short.title.as_deref(), Some("Ferry to return by spring"));
}
