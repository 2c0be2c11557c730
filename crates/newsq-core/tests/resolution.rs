//! Who said it, resolved: pronouns, descriptions, documents and relayed
//! words lead to the person the article names, and a source the article
//! never names gets no name. One test per rule, on short fictional
//! articles written for these tests.

mod common;

use common::{find, of_kind, quotations as extract};
use newsq_core::quote::{SpeakerFrom, StatementKind};

/// The direct quotations of `body` read after `headline` (reported
/// statements are resolved by the same rules, and tested in `reported.rs`).
fn extract_with_headline(headline: Option<&str>, body: &str) -> Vec<newsq_core::Quotation> {
    of_kind(headline, body, StatementKind::Quotation)
}

/// The speaker of the quotation holding `needle`, and where newsq found it.
fn resolved(body: &str, needle: &str) -> (Option<String>, Option<SpeakerFrom>) {
    let quotes = extract(body);
    let q = find(&quotes, needle);
    (q.speaker.clone(), q.speaker_from)
}

// --- Pronouns ---

#[test]
fn a_pronoun_takes_the_person_of_its_gender_from_a_title() {
    let body = "Councillor Dana Whitcombe toured the quay with harbour master Tomas Orrin \
                on Monday. Ms Whitcombe asked about the cranes and Mr Orrin showed her the \
                new moorings.\n\n“The tide tables are wrong,” she said.\n\n\
                “We will print new ones,” he said.";
    assert_eq!(
        resolved(body, "tide tables"),
        (Some("Dana Whitcombe".into()), Some(SpeakerFrom::Pronoun))
    );
    assert_eq!(
        resolved(body, "print new ones"),
        (Some("Tomas Orrin".into()), Some(SpeakerFrom::Pronoun))
    );
}

#[test]
fn a_pronoun_prefers_the_subject_of_the_sentence_before() {
    let body = "Ilona Varga thanked Maria Santos for the grant on Monday.\n\n\
                “This changes everything for the old harbour,” she said.";
    assert_eq!(
        resolved(body, "changes everything").0.as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_pronoun_goes_on_with_the_speaker_of_the_running_exchange() {
    let body = "Peter Hale met Tomas Orrin at the ferry office.\n\n\
                “The boats are late again,” Orrin said. “Nobody told the crews.”\n\n\
                Hale listened and took notes.\n\n\
                “I have written to the board twice,” he said.";
    // "Hale listened": the subject of the sentence before the pronoun.
    assert_eq!(
        resolved(body, "written to the board").0.as_deref(),
        Some("Peter Hale")
    );
}

#[test]
fn it_names_the_organisation_the_sentence_before_is_about() {
    let body = "The Averill Ferry Company announced new timetables on Tuesday.\n\n\
                “Passengers will see fewer delays from March,” it said in a statement.";
    assert_eq!(
        resolved(body, "fewer delays").0.as_deref(),
        Some("Averill Ferry Company")
    );
}

#[test]
fn i_and_we_inside_the_words_do_not_name_anyone_else() {
    // A first-person pronoun as the source refers to the writer or a
    // group: no other person of the article is named for it.
    let body = "Ilona Varga opened the session.\n\n“We said it would be hard,” we wrote.";
    assert_ne!(
        resolved(body, "would be hard").0.as_deref(),
        Some("Ilona Varga")
    );
}

// --- Descriptions ---

#[test]
fn a_description_bound_by_apposition_names_the_person() {
    let body = "Ilona Varga, the Port Averill mayor, opened the budget session on Monday.\n\n\
                “We need every pound of this money,” the mayor said.";
    assert_eq!(
        resolved(body, "every pound"),
        (Some("Ilona Varga".into()), Some(SpeakerFrom::Description))
    );
}

#[test]
fn a_description_bound_by_a_role_written_before_the_name() {
    let body = "Harbour master Tomas Orrin closed the north channel on Friday.\n\n\
                “It is silted up past the lighthouse,” the harbour master said.";
    assert_eq!(
        resolved(body, "silted up").0.as_deref(),
        Some("Tomas Orrin")
    );
}

#[test]
fn an_unbound_description_names_nobody_and_is_kept_as_the_mention() {
    let body = "The north channel was closed on Friday after a storm.\n\n\
                “Nobody should sail tonight,” the coastguard officer said.";
    let quotes = extract(body);
    let q = find(&quotes, "sail tonight");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_mention.as_deref(), Some("the coastguard officer"));
}

#[test]
fn a_description_of_an_outlet_names_the_outlet() {
    let body = "The Averill Gazette reported the closure first.\n\n\
                “The council was warned in May,” the newspaper said.";
    assert_eq!(
        resolved(body, "warned in May").0.as_deref(),
        Some("Averill Gazette")
    );
}

// --- Documents and channels ---

#[test]
fn a_document_speaks_for_the_author_the_article_names() {
    let body = "Peter Hale sent an email to the ferry crews on Monday.\n\n\
                “Nobody works on Sunday until further notice,” the email said.";
    assert_eq!(
        resolved(body, "Nobody works"),
        (Some("Peter Hale".into()), Some(SpeakerFrom::Document))
    );
}

#[test]
fn a_document_with_no_author_named_names_nobody() {
    let body = "A leaflet was pushed under every door in Kell Street.\n\n\
                “The harbour belongs to the town,” the leaflet said.";
    assert_eq!(resolved(body, "belongs to the town").0, None);
}

#[test]
fn the_channel_is_never_the_speaker() {
    let body = "Ilona Varga spoke after the vote.\n\n\
                “We are ready for the winter,” Varga told the Averill Gazette.\n\n\
                Varga wrote on Facebook: “Thank you to every volunteer.”";
    assert_eq!(
        resolved(body, "ready for the winter").0.as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(
        resolved(body, "every volunteer").0.as_deref(),
        Some("Ilona Varga")
    );
}

// --- Relayed words ---

#[test]
fn words_quoted_by_someone_else_are_the_quoted_persons() {
    let body = "The Averill Gazette quoted harbour master Tomas Orrin as saying: \
                “The channel will stay closed until May.”";
    assert_eq!(
        resolved(body, "stay closed"),
        (Some("Tomas Orrin".into()), Some(SpeakerFrom::Nested))
    );
}

#[test]
fn was_quoted_as_saying_names_the_subject() {
    let body = "Tomas Orrin was quoted as saying: “The dredger is ours until June.”";
    assert_eq!(resolved(body, "dredger").0.as_deref(), Some("Tomas Orrin"));
}

// --- The unnamed ---

#[test]
fn sources_the_article_never_names_get_no_name() {
    let body = "Ilona Varga did not attend the meeting.\n\n\
                “The mayor has not read the report,” a spokesman for Ilona Varga said.\n\n\
                “Nobody expected the vote to pass,” one official familiar with the talks said.\n\n\
                “Shame on the council,” a woman in the audience shouted.";
    for needle in ["not read the report", "Nobody expected", "Shame on"] {
        let quotes = extract(body);
        let q = find(&quotes, needle);
        assert_eq!(q.speaker, None, "{q:#?}");
        assert!(q.speaker_mention.is_some(), "{q:#?}");
    }
}

// --- Headlines ---

#[test]
fn the_headline_names_the_person_a_bare_role_stands_for() {
    let headline = "Mayor Ilona Varga promises a new harbour wall";
    let body = "The mayor spoke at the town hall on Monday.\n\n\
                “The wall will be finished by Christmas,” the mayor said.";
    let quotes = extract_with_headline(Some(headline), body);
    let q = find(&quotes, "finished by Christmas");
    assert_eq!(q.speaker.as_deref(), Some("Ilona Varga"));
}

// --- Names as the article writes them ---

#[test]
fn a_surname_the_article_never_completes_stays_a_surname() {
    let body = "“The quay is safe for the fair,” Mr Hale said.";
    assert_eq!(resolved(body, "quay is safe").0.as_deref(), Some("Hale"));
}

#[test]
fn a_surname_misspelt_by_one_letter_is_the_same_person() {
    let body = "Oleksandr Kovalenko chaired the port committee.\n\n\
                “The cranes are older than the town hall,” Kowalenko said.";
    assert_eq!(
        resolved(body, "older than the town hall").0.as_deref(),
        Some("Oleksandr Kovalenko")
    );
}

#[test]
fn a_document_sent_by_someone_named_in_a_clause_is_theirs_not_the_reporters() {
    let body = "The Averill Gazette said Tomas Orrin provided a written statement.\n\n\
                “The dredger was never insured,” the statement said.";
    assert_eq!(
        resolved(body, "never insured").0.as_deref(),
        Some("Tomas Orrin")
    );
}

#[test]
fn a_document_a_body_of_someone_sent_is_not_the_owners() {
    let body = "Ilona Varga’s campaign sent an email to supporters.\n\n\
                “We need you on the doorsteps this weekend,” the email said.";
    assert_ne!(
        resolved(body, "doorsteps").0.as_deref(),
        Some("Ilona Varga")
    );
}
