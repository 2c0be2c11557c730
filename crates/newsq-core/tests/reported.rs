//! Reported statements: what an article gives in its own words after a
//! reporting cue. One test per pattern and per thing that is no statement,
//! on short fictional articles written for these tests. Each asserts what
//! a user sees: the statement's words, who made it, and its kind.

mod common;

use newsq_core::quote::{extract, Quotation, SpeakerFrom, StatementKind};

/// The reported statements of `body`.
fn reported(body: &str) -> Vec<Quotation> {
    common::of_kind(None, body, StatementKind::Reported)
}

/// The one reported statement of `body`, as (text, speaker).
fn one(body: &str) -> (String, Option<String>) {
    let found = reported(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    (found[0].text.clone(), found[0].speaker.clone())
}

fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
    (text.to_string(), Some(speaker.to_string()))
}

#[test]
fn x_said_that() {
    assert_eq!(
        one("Mayor Ilona Varga said that the harbour would reopen in April."),
        pair("the harbour would reopen in April", "Ilona Varga")
    );
}

#[test]
fn x_said_without_that() {
    assert_eq!(
        one("Mayor Ilona Varga said the harbour would reopen in April."),
        pair("the harbour would reopen in April", "Ilona Varga")
    );
}

#[test]
fn x_said_with_anything_between_the_verb_and_that() {
    assert_eq!(
        one("Foreign Minister Ilse Brandt said on Tuesday in a statement that there was no fixed deadline for the talks."),
        pair("there was no fixed deadline for the talks", "Ilse Brandt")
    );
    assert_eq!(
        one("Ilse Brandt said late on Monday the talks would go on."),
        pair("the talks would go on", "Ilse Brandt")
    );
}

#[test]
fn the_statement_before_the_reporting_clause() {
    assert_eq!(
        one("The ferry will run again in May, Port Director Ines Kalder said on Friday."),
        pair("The ferry will run again in May", "Ines Kalder")
    );
    assert_eq!(
        one("The ferry will run again in May, said Ines Kalder, the port director."),
        pair("The ferry will run again in May", "Ines Kalder")
    );
}

#[test]
fn a_reporting_clause_inside_the_statement() {
    assert_eq!(
        one("The old mill was a landmark, Ines Kalder said, until the flood of 1998 took its wheel."),
        pair(
            "The old mill was a landmark until the flood of 1998 took its wheel",
            "Ines Kalder"
        )
    );
}

#[test]
fn x_told_someone_that() {
    assert_eq!(
        one("Ilse Brandt told reporters in Selvik that the border would stay open."),
        pair("the border would stay open", "Ilse Brandt")
    );
    assert_eq!(
        one("Ilse Brandt told the Selvik Courier the border would stay open."),
        pair("the border would stay open", "Ilse Brandt")
    );
}

#[test]
fn according_to_x_before_after_and_inside() {
    assert_eq!(
        one("According to Kremlin aide Yuri Saltan, the two leaders set no timeline for a truce."),
        pair("the two leaders set no timeline for a truce", "Yuri Saltan")
    );
    assert_eq!(
        one("The two leaders set no timeline for a truce, according to Yuri Saltan."),
        pair("The two leaders set no timeline for a truce", "Yuri Saltan")
    );
    assert_eq!(
        one("The truce, according to Yuri Saltan, will not come before spring."),
        pair("The truce will not come before spring", "Yuri Saltan")
    );
}

#[test]
fn every_verb_of_saying_reports() {
    for verb in [
        "warned",
        "denied",
        "insisted",
        "argued",
        "announced",
        "claimed",
        "confirmed",
        "acknowledged",
        "predicted",
        "promised",
        "added",
        "noted",
        "wrote",
        "tweeted",
    ] {
        let body = format!("Senator Ada Quill {verb} that the budget would be balanced by 2030.");
        assert_eq!(
            one(&body),
            pair("the budget would be balanced by 2030", "Ada Quill"),
            "{verb}"
        );
    }
}

#[test]
fn x_accused_y_of() {
    let (text, speaker) =
        one("Ilse Brandt accused the harbour board of hiding the cost of the repairs.");
    assert_eq!(speaker.as_deref(), Some("Ilse Brandt"));
    assert!(text.contains("of hiding the cost of the repairs"), "{text}");
}

#[test]
fn adding_that_starts_a_second_statement_by_the_same_speaker() {
    let found = reported(
        "Ada Quill said the budget would be balanced by 2030, adding that no school would close.",
    );
    let shown: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            ("the budget would be balanced by 2030", Some("Ada Quill")),
            ("no school would close", Some("Ada Quill")),
        ]
    );
}

#[test]
fn a_semicolon_ends_the_statement() {
    let (text, _) = one("Ada Quill said the budget would be balanced; but the unions doubted it.");
    assert_eq!(text, "the budget would be balanced");
}

#[test]
fn a_pronoun_speaker_is_resolved() {
    let body = "Port Director Ines Kalder met the unions on Monday.\n\n\
                She said that the ferry would run again in May.";
    let found = reported(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Ines Kalder"));
    assert_eq!(found[0].speaker_mention.as_deref(), Some("She"));
    assert_eq!(found[0].speaker_from, Some(SpeakerFrom::Pronoun));
}

#[test]
fn a_quoted_fragment_stays_a_quotation_and_the_statement_records_it() {
    let body = "Mr Dorogov said he was “ready to work” with Varno on a memorandum.";
    let all = extract(body);
    let direct: Vec<&Quotation> = all
        .iter()
        .filter(|q| q.kind == StatementKind::Quotation)
        .collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].text, "ready to work");
    let statement = all
        .iter()
        .find(|q| q.kind == StatementKind::Reported)
        .expect("a reported statement");
    assert_eq!(
        statement.text,
        "he was “ready to work” with Varno on a memorandum"
    );
    assert_eq!(statement.contains, [direct[0].start]);
    assert_eq!(statement.speaker.as_deref(), Some("Dorogov"));
}

#[test]
fn quoted_as_saying_and_a_report_by() {
    let body = "State television quoted Yuri Saltan as saying the talks would resume in June.";
    let found = reported(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "the talks would resume in June");
    assert_eq!(found[0].speaker.as_deref(), Some("Yuri Saltan"));
    assert_eq!(found[0].speaker_from, Some(SpeakerFrom::Nested));
    let (text, speaker) = one(
        "According to a report by the Selvik Courier, the mayor had signed the contract in March.",
    );
    assert_eq!(text, "the mayor had signed the contract in March");
    assert_eq!(speaker.as_deref(), Some("Selvik Courier"));
}

#[test]
fn offsets_point_at_the_statement_in_the_body() {
    let body = "Mayor Ilona Varga said that the harbour would reopen in April.";
    let found = reported(body);
    assert_eq!(found.len(), 1);
    let q = &found[0];
    assert_eq!(&body[q.start..q.end], "the harbour would reopen in April");
    assert_eq!(q.problem_in(body), None);
    assert_eq!(q.cue.as_deref(), Some("said"));
}

// ---------------------------------------------------------------------------
// What is no statement

#[test]
fn beliefs_wishes_perceptions_and_findings_are_not_statements() {
    for sentence in [
        "Ada Quill thinks the budget will be balanced by 2030.",
        "Ada Quill believes the budget will be balanced by 2030.",
        "Ada Quill hopes the budget will be balanced by 2030.",
        "Ada Quill wants the budget to be balanced by 2030.",
        "Ada Quill fears the budget will not be balanced by 2030.",
        "Ada Quill sees no way to balance the budget by 2030.",
        "Polls show the budget is the voters' first worry this year.",
    ] {
        assert_eq!(reported(sentence), [], "{sentence}");
    }
}

#[test]
fn questions_are_not_statements() {
    for sentence in [
        "Reporters asked whether the budget would be balanced by 2030.",
        "Ada Quill did not say whether the budget would be balanced by 2030.",
        "Ada Quill said what she wanted from the budget talks in Selvik.",
    ] {
        assert_eq!(reported(sentence), [], "{sentence}");
    }
}

#[test]
fn negated_and_hypothetical_speech_is_not_a_statement() {
    for sentence in [
        "Ada Quill did not say that the budget would be balanced by 2030.",
        "Ada Quill never said the budget would be balanced by 2030.",
        "Ada Quill declined to say when the budget would be balanced.",
        "If Ada Quill said the budget would be balanced, nobody believed her.",
        "Ada Quill would say the budget is balanced whatever the figures show.",
    ] {
        assert_eq!(reported(sentence), [], "{sentence}");
    }
}

#[test]
fn a_direct_quotation_with_its_frame_is_no_reported_statement() {
    for body in [
        "“The budget will be balanced by 2030,” Ada Quill said.",
        "Ada Quill said: “The budget will be balanced by 2030.”",
        "Ada Quill said, “The budget will be balanced by 2030.”",
        "“The budget,” Ada Quill said, “will be balanced by 2030.”",
    ] {
        assert_eq!(reported(body), [], "{body}");
        assert_eq!(extract(body).len(), 1, "{body}");
    }
}

#[test]
fn token_answers_and_the_act_of_saying_are_not_statements() {
    for sentence in [
        "Ada Quill said nothing about the budget at the meeting.",
        "Ada Quill said so at the meeting in Selvik on Monday.",
        "Ada Quill said as she left the meeting in Selvik on Monday.",
        "Ada Quill told reporters to wait for the budget in May.",
    ] {
        assert_eq!(reported(sentence), [], "{sentence}");
    }
}

#[test]
fn a_dump_of_statements_is_read_only_so_far() {
    // 12,000 statements: more than any article holds; the rest of such a
    // text is passed over, so memory stays in step with what is kept.
    let body = "The council said it would not wait another winter. ".repeat(12_000);
    let found = reported(&body);
    assert_eq!(found.len(), 10_000);
    assert_eq!(found[0].text, "it would not wait another winter");
    // A text with no quote mark is read for statements in its first MiB
    // only: here fewer than the 10,000 it holds.
    let long = "The council said it would not wait another winter. \
                The harbour was quiet and the boats stayed in under grey skies all day. "
        .repeat(12_000);
    let found = reported(&long);
    let last = found.last().map_or(0, |q| q.end);
    assert!(last <= 1 << 20 && last > 1 << 19, "{last}");
    assert!(found.len() < 10_000, "{}", found.len());
}
