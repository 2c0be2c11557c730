//! One test per quotation and attribution rule, on short texts written for
//! these tests. Each asserts what a user sees: the quote, and who said it.

mod common;

use common::{find, quotations as extract};
use newsq_core::quote::SpeakerFrom;

fn speaker_of(body: &str, needle: &str) -> Option<String> {
    find(&extract(body), needle).speaker.clone()
}

const HARBOUR: &str =
    "Port Averill mayor Ilona Varga said on Monday that the harbour would reopen in spring.";

#[test]
fn x_said_before_the_quote() {
    let body = format!("{HARBOUR}\n\nMs Varga said: “We will not wait another winter.”");
    assert_eq!(
        speaker_of(&body, "another winter").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn quote_then_x_said() {
    let body = format!("{HARBOUR}\n\n“We will not wait another winter,” Ms Varga said.");
    let quotes = extract(&body);
    let q = find(&quotes, "another winter");
    assert_eq!(q.text, "We will not wait another winter");
    assert_eq!(q.speaker.as_deref(), Some("Ilona Varga"));
    assert_eq!(q.speaker_mention.as_deref(), Some("Ms Varga"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn quote_then_said_x() {
    let body = format!("{HARBOUR}\n\n“The boats are ready,” said Ms Varga.");
    assert_eq!(
        speaker_of(&body, "boats are ready").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn every_cue_verb() {
    for cue in [
        "told reporters",
        "added",
        "wrote",
        "posted",
        "stated",
        "argued",
        "explained",
        "concluded",
        "replied",
        "warned",
    ] {
        let body = format!("Fisheries minister Tomas Reyes spoke on Monday.\n\n“The quota stands as it is,” Mr Reyes {cue}.");
        assert_eq!(
            speaker_of(&body, "quota stands").as_deref(),
            Some("Tomas Reyes"),
            "cue {cue}"
        );
    }
}

#[test]
fn according_to() {
    let body =
        "According to harbour master Joan Okafor, “the channel is deep enough for any ferry.”";
    assert_eq!(
        speaker_of(body, "channel is deep").as_deref(),
        Some("Joan Okafor")
    );
}

#[test]
fn a_quotation_inside_a_reporting_sentence() {
    let body = "Finance Minister Tomas Reyes said he was prepared to sign a \"framework on water rights\" before May.";
    let quotes = extract(body);
    let q = find(&quotes, "framework on water rights");
    assert_eq!(q.speaker.as_deref(), Some("Tomas Reyes"));
}

#[test]
fn outlet_after_told_is_not_the_speaker() {
    let body = "Engineer Mikhail Zhovtoruk was at the dam on Friday.\n\n“The gates stay open,” Mr Zhovtoruk told Radio Norte.";
    assert_eq!(
        speaker_of(body, "gates stay open").as_deref(),
        Some("Mikhail Zhovtoruk")
    );
    let body = "Mr Zhovtoruk told Radio Norte: “The gates stay open.”";
    assert_eq!(
        speaker_of(body, "gates stay open").as_deref(),
        Some("Zhovtoruk")
    );
}

#[test]
fn platform_after_posted_is_not_the_speaker() {
    let body = "“Ukraine and Kestria will talk again,” Annelie Vorst posted on Chorus.";
    assert_eq!(
        speaker_of(body, "talk again").as_deref(),
        Some("Annelie Vorst")
    );
}

#[test]
fn according_to_an_agency_is_not_the_speaker() {
    let body = "Spokesman Dmitri Orlov was asked about a deadline. He said, according to the state news agency: “There is no deadline.”";
    assert_eq!(
        speaker_of(body, "no deadline").as_deref(),
        Some("Dmitri Orlov")
    );
}

#[test]
fn split_quotation_is_one_quotation_with_one_speaker() {
    let body = "Chancellor Annelie Vorst spoke in Brennhof.\n\n“This is not my river,” Ms Vorst said, “but I will not let it run dry.”";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(
        quotes[0].text,
        "This is not my river, but I will not let it run dry."
    );
    assert_eq!(quotes[0].speaker.as_deref(), Some("Annelie Vorst"));
    assert_eq!(quotes[0].parts.len(), 2);
}

#[test]
fn multi_paragraph_quotation_is_one() {
    let body = "Ilona Varga addressed the council.\n\n“We have waited eleven years for this harbour.\n\n“We will not wait another winter,” she said.";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(
        quotes[0].text,
        "We have waited eleven years for this harbour. We will not wait another winter"
    );
    assert_eq!(quotes[0].speaker.as_deref(), Some("Ilona Varga"));
}

#[test]
fn single_quotes_as_quote_marks_beside_apostrophes() {
    let body = "Councillor Peter Hale said the plan was ‘a gift to the developers’. ‘I’ve read every page and it’s worse than we feared,’ Mr Hale said.";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert_eq!(quotes[0].text, "a gift to the developers");
    assert_eq!(
        quotes[1].text,
        "I’ve read every page and it’s worse than we feared"
    );
    assert!(quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Peter Hale")));
}

#[test]
fn guillemets_and_low_double_quotes() {
    let body = "Le ministre Paul Fabre a déclaré: «Nous restons».\n\nKanzlerin Annelie Vorst sagte: „Wir bleiben.“";
    let quotes = extract(body);
    let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["Nous restons", "Wir bleiben."]);
}

#[test]
fn pronoun_resolves_to_the_right_earlier_person() {
    let body = "Ilona Varga met harbour master Peter Hale on Monday. Mr Hale said the channel was clear.\n\n“The ferries can come back,” she said.\n\n“Not before June,” he said.";
    assert_eq!(
        speaker_of(body, "ferries can come back").as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(
        speaker_of(body, "Not before June").as_deref(),
        Some("Peter Hale")
    );
}

#[test]
fn surname_resolves_to_the_fullest_name() {
    let body = "Donald Trump spoke to reporters.\n\n“It went very well,” Mr Trump said.\n\n“Very well,” Trump added.";
    let quotes = extract(body);
    assert!(
        quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Donald Trump")),
        "{quotes:#?}"
    );
}

#[test]
fn role_resolves_to_the_name_bound_to_it() {
    let body = "Valmoran Finance Minister Tomas Reyes flew to Brennhof on Sunday. Talks lasted six hours.\n\n“We are closer than we were,” the finance minister said.";
    assert_eq!(
        speaker_of(body, "closer than we were").as_deref(),
        Some("Tomas Reyes")
    );
}

#[test]
fn titles_are_not_part_of_the_name() {
    let body =
        "“It was a win for the upstream side,” Former Estonian Prime Minister Karl Tamm said.";
    assert_eq!(
        speaker_of(body, "win for the upstream").as_deref(),
        Some("Karl Tamm")
    );
    let body = "“It was a win,” German Chancellor, Friedrich Marten, said.";
    assert_eq!(
        speaker_of(body, "It was a win").as_deref(),
        Some("Friedrich Marten")
    );
}

#[test]
fn anonymous_source_has_no_name_but_keeps_its_description() {
    let body = "Talks ended late.\n\n“The delegation had a text, then the phone rang,” one official familiar with the talks said.";
    let quotes = extract(body);
    let q = find(&quotes, "phone rang");
    assert_eq!(q.speaker, None);
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("one official familiar with the talks")
    );
}

#[test]
fn a_following_quotation_paragraph_continues_the_speaker() {
    let body = "“We have the money,” Mayor Ilona Varga said.\n\n“What we lack is time.”";
    assert_eq!(
        speaker_of(body, "lack is time").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn colon_introduction_without_a_cue_verb() {
    let body = "Mayor Ilona Varga had a message for the council: “Vote, or step aside.”";
    assert_eq!(
        speaker_of(body, "step aside").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn titles_of_works_are_not_statements() {
    let body = "The mayor appeared on the radio show “Harbour Lights” on Sunday.";
    assert!(extract(body).is_empty(), "{:#?}", extract(body));
}

#[test]
fn offsets_point_at_the_quotation_in_the_body() {
    let body = "Ms Varga said: “We stay.”";
    let q = &extract(body)[0];
    assert_eq!(&body[q.start..q.end], "“We stay.”");
    let (s, e) = q.parts[0];
    assert_eq!(&body[s..e], "We stay.");
}

#[test]
fn no_quotation_no_output() {
    assert!(extract("The council met on Monday and adjourned at noon.").is_empty());
    assert!(extract("").is_empty());
}

#[test]
fn a_surname_that_is_also_a_title() {
    // "King" and "Dean" are role words too; after "Mr." they are surnames.
    let body = "“The ferry will run again,” said Owen King, a harbour councillor.\n\n\
                “Not before the storms pass,” Mr. King said later.";
    let quotes = extract(body);
    assert_eq!(find(&quotes, "ferry").speaker.as_deref(), Some("Owen King"));
    assert_eq!(
        find(&quotes, "storms").speaker.as_deref(),
        Some("Owen King")
    );
}

#[test]
fn a_title_used_alone_as_a_speaker_is_a_surname() {
    // With no "Mr." anywhere, the article still uses "Green" and "Dean" as
    // surnames: standing alone as the speaker, or before a party label.
    let body = "“The ferry will run again,” said Corwin Green, a harbour councillor.\n\n\
                “Not before the storms pass,” Green said later.\n\n\
                “We have waited long enough,” said former governor Halvard Dean (D), \
                a ferry user.\n\n\
                Harbour pilot Anna Bishop joined them. Bishop says the boats \
                are “ready to sail.”";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "ready to sail").speaker.as_deref(),
        Some("Anna Bishop")
    );
    assert_eq!(
        find(&quotes, "storms").speaker.as_deref(),
        Some("Corwin Green")
    );
    assert_eq!(
        find(&quotes, "waited").speaker.as_deref(),
        Some("Halvard Dean")
    );
}

#[test]
fn said_a_role_then_a_name_with_its_own_role_or_affiliation() {
    let body = "“The odds favour the port,” said another leading harbour lawyer, \
                Petra Lindqvist of the firm Osk & Brandt.\n\n\
                “It is about time,” said the mayor’s guest, singer Tove Marsh, to cheers.";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "odds").speaker.as_deref(),
        Some("Petra Lindqvist")
    );
    assert_eq!(
        find(&quotes, "about time").speaker.as_deref(),
        Some("Tove Marsh")
    );
}

#[test]
fn coordinated_roles_before_a_name() {
    let body = "“He has done this before,” said former Nordland Gov. and Harbour Board \
                Chairman Erik Sandvik.";
    assert_eq!(
        speaker_of(body, "done this").as_deref(),
        Some("Erik Sandvik")
    );
}

#[test]
fn lowercase_role_words_between_a_party_and_a_name() {
    let body = "In response to the storm damage, Republican mayoral nominee Rosa Delmont \
                issued the following statement:\n\n“We will rebuild the quay before winter.”";
    assert_eq!(speaker_of(body, "rebuild").as_deref(), Some("Rosa Delmont"));
}

#[test]
fn an_office_speaks_for_the_name_right_before_it() {
    let body = "Port Averill mayor Ilona Varga wants the harbour open.\n\n\
                Nordland Sen. Tomas Brede’s office said the plan \
                “will not survive the budget.”\n\n\
                Harbour Board spokesman Erik Sandvik -- as Varga’s office noted -- called \
                the plan “a fantasy.”";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "survive").speaker.as_deref(),
        Some("Tomas Brede’s office")
    );
    // An aside between dashes is not the subject: Sandvik called it so.
    assert_eq!(
        find(&quotes, "fantasy").speaker.as_deref(),
        Some("Erik Sandvik")
    );
}

#[test]
fn a_possessor_speaks_through_a_medium() {
    let body = format!("{HARBOUR}\n\nFrom Varga's Facebook post: “The boats will sail again.”");
    assert_eq!(
        speaker_of(&body, "boats will sail").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_function_word_used_alone_as_a_speaker_is_a_surname() {
    let body = "Harbour historian Al From wrote the council's first plan.\n\n\
                Mayor Ilona Varga opened the debate on Monday.\n\n\
                “We needed the ferry more than the bridge,” From said.";
    assert_eq!(speaker_of(body, "ferry more").as_deref(), Some("Al From"));
}

#[test]
fn a_modal_spelled_surname_right_after_the_quotation() {
    let body = "Columnist Anna Will praised the plan.\n\n\
                Mayor Ilona Varga opened the debate on Monday.\n\n\
                “The bridge can wait another decade,” Will wrote.";
    assert_eq!(
        speaker_of(body, "bridge can wait").as_deref(),
        Some("Anna Will")
    );
}

#[test]
fn a_full_stop_that_lost_its_space() {
    let body = format!(
        "{HARBOUR}\n\n“The quay is closed for the winter,” Varga said.Varga added that \
         the ferry would run on Sundays."
    );
    assert_eq!(
        speaker_of(&body, "quay is closed").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_capitalised_role_word_before_a_first_name_is_no_part_of_the_name() {
    let body = "Ferrywoman Anna Lindqvist said: “The crossing has never been this calm.”";
    assert_eq!(
        speaker_of(body, "crossing").as_deref(),
        Some("Anna Lindqvist")
    );
}

#[test]
fn a_signature_after_a_horizontal_bar() {
    let body = "“I have never seen the quay so empty.” ― Rosa Delmont\n\
                “We need the ferry back before winter.”― Tomas Brede.";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "quay").speaker.as_deref(),
        Some("Rosa Delmont")
    );
    assert_eq!(
        find(&quotes, "ferry").speaker.as_deref(),
        Some("Tomas Brede")
    );
}

#[test]
fn a_party_tag_between_name_and_cue() {
    let body = "“The harbour deal is dead,” Sen. Marta Quill (R-Fla.) said. \
                “Nobody will revive it.”\n\n\
                “It is alive and well,” Rep. Dan Oakes (D-Wis.) said Friday.";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "deal is dead").speaker.as_deref(),
        Some("Marta Quill")
    );
    assert_eq!(
        find(&quotes, "revive").speaker.as_deref(),
        Some("Marta Quill")
    );
    assert_eq!(
        find(&quotes, "alive and well").speaker.as_deref(),
        Some("Dan Oakes")
    );
}

#[test]
fn a_quotation_the_speakers_clause_goes_on_to_introduce() {
    let body = "“The levy should go,” Mayor Ilona Varga said, adding that the old \
                fees were collected “like parking fines.”";
    assert_eq!(
        speaker_of(body, "parking fines").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_quotation_after_a_state_abbreviation_starts_a_sentence() {
    let body = "''The pier was safer then,'' said Ada Morrow, 71, of Tampa, Fla. \
                ''Now nobody checks the rails.''";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "nobody checks").speaker.as_deref(),
        Some("Ada Morrow")
    );
}

#[test]
fn a_nested_single_quote_closing_with_doubled_apostrophes() {
    let body = "''I would call it 'old-fashioned,''' said Gil Haddon, the harbour master. \
                ''Nothing wrong with that.''";
    let quotes = extract(body);
    let q = find(&quotes, "old-fashioned");
    assert_eq!(q.text, "I would call it 'old-fashioned,'");
    assert_eq!(q.speaker.as_deref(), Some("Gil Haddon"));
}

#[test]
fn a_reporting_verb_outside_the_cue_list() {
    let body = "“Get off my pier,” Brede barked.\n\n\
                “It was a mistake from the first day,” recalled Lena Sorel, a former clerk.";
    let quotes = extract(body);
    assert_eq!(find(&quotes, "pier").speaker.as_deref(), Some("Brede"));
    assert_eq!(
        find(&quotes, "mistake").speaker.as_deref(),
        Some("Lena Sorel")
    );
}

#[test]
fn a_generational_suffix_and_an_adverb_are_not_the_name() {
    let body = "“We are not finished,” said Aurelio Banks Jr., the union steward.\n\n\
                Varga flatly rejected the offer, calling it “an insult to the crews.”";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "not finished").speaker.as_deref(),
        Some("Aurelio Banks")
    );
    let q = find(&quotes, "insult");
    assert_eq!(q.speaker.as_deref(), Some("Varga"));
    assert_eq!(q.speaker_mention.as_deref(), Some("Varga"));
}

#[test]
fn a_surname_ending_in_ing_is_a_name() {
    assert_eq!(
        speaker_of("“The figures do not add up,” Ebeling said.", "figures").as_deref(),
        Some("Ebeling")
    );
}

#[test]
fn an_appositive_without_an_article() {
    let body = "Nora Quist, treasurer of the dock workers’ fund, said the payout \
                “will never cover the losses.”";
    assert_eq!(speaker_of(body, "losses").as_deref(), Some("Nora Quist"));
}

#[test]
fn a_persons_office_speaks_for_them() {
    let body = "Senator Paul Dorner visited the yard.\n\n\
                “No request was received,” Dorner’s office said in a statement.";
    assert_eq!(
        speaker_of(body, "No request").as_deref(),
        Some("Paul Dorner’s office")
    );
}

#[test]
fn a_sentence_after_an_embedded_quotation_is_not_its_reporting_clause() {
    let body = "Mayor Ilona Varga said the council was to blame.\n\n\
                Harbour master Gil Haddon said the closure was “a failure of nerve.” \
                She praised the crews for their patience.\n\n\
                Port chief Tomas Brede said the plan remained “the only one we have”, \
                but she also warned against delay.";
    let quotes = extract(body);
    assert_eq!(
        find(&quotes, "failure of nerve").speaker.as_deref(),
        Some("Gil Haddon")
    );
    assert_eq!(
        find(&quotes, "only one").speaker.as_deref(),
        Some("Tomas Brede")
    );
}

#[test]
fn a_colon_takes_the_nearest_name_in_its_clause() {
    let body = "When Gil Haddon suggested the pier could be sold, Ilona Varga fired back \
                forcefully: “Not while I am mayor.”";
    assert_eq!(
        speaker_of(body, "while I am mayor").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn the_subject_after_an_introductory_phrase() {
    let body = "Mayor Ilona Varga and harbour master Gil Haddon met on Monday.\n\n\
                Speaking to reporters at the quay, which reopened in May, Haddon \
                compared the mayor to “a captain without a ship.”";
    assert_eq!(
        speaker_of(body, "captain without").as_deref(),
        Some("Gil Haddon")
    );
}

#[test]
fn a_signature_in_the_next_paragraph() {
    let body = "“The harbour belongs to the people who work it.”\n\n- Rosa Delmont.\n\n\
                The council meets again in June.";
    assert_eq!(
        speaker_of(body, "belongs to").as_deref(),
        Some("Rosa Delmont")
    );
}

#[test]
fn said_x_opening_the_sentence() {
    let body = "Harbour master Gil Haddon spoke last.\n\nSaid Haddon, “We sail at dawn.”";
    assert_eq!(
        speaker_of(body, "sail at dawn").as_deref(),
        Some("Gil Haddon")
    );
}

#[test]
fn a_party_tag_between_commas() {
    let body = "“Full steam ahead!” Rep. Dana Whitlow, R-Pa., said of the plan.";
    assert_eq!(
        speaker_of(body, "Full steam").as_deref(),
        Some("Dana Whitlow")
    );
}

#[test]
fn a_cue_in_a_relative_clause_is_someone_elses() {
    let body = "Mayor Ilona Varga mocked the complaint, saying anybody who complains \
                about the ferry “has never waited for a bus.”";
    assert_eq!(
        speaker_of(body, "waited for a bus").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_plural_noun_that_looks_like_a_cue() {
    let body = "Ilona Varga says Gil Haddon’s late-night posts about the ferry were \
                “beneath the dignity of the office.”";
    assert_eq!(speaker_of(body, "dignity").as_deref(), Some("Ilona Varga"));
}

#[test]
fn an_infinitive_cue_hangs_on_the_clause_subject() {
    let body = "“We are done here,” Varga said, going on to say that the port had \
                spent “forty years waiting for this.”";
    assert_eq!(speaker_of(body, "forty years").as_deref(), Some("Varga"));
}

#[test]
fn a_cue_ending_in_a_colon_introduces_the_next_quotation() {
    let body = "''We are sailors,'' Ms. Brede said. ''We are not smugglers.'' \
                Mr. Olsen said: ''The storm took everything we had.''";
    let quotes = extract(body);
    let q = find(&quotes, "not smugglers");
    assert_eq!(q.speaker.as_deref(), Some("Brede"));
    assert_eq!(
        find(&quotes, "storm took").speaker.as_deref(),
        Some("Olsen")
    );
}

#[test]
fn an_irregular_past_verb_after_the_quotation() {
    let body = "“You know, it happens, right?” Haddon went on. “Get over it.”";
    assert_eq!(speaker_of(body, "it happens").as_deref(), Some("Haddon"));
}

#[test]
fn a_verb_with_an_object_after_a_quotation_is_no_reporting_clause() {
    let body = "In a clip that Judge Anna Ruiz called “distasteful,” Olsen expressed a \
                wish to sink the ferry.";
    assert_eq!(
        speaker_of(body, "distasteful").as_deref(),
        Some("Anna Ruiz")
    );
}

#[test]
fn markup_and_identifiers_are_not_quotations() {
    let body = "<post post-id=\"7203361\"></post>\n\nThe account \"@harbourwatch\" posted \
                \"12345\" times. “We will rebuild,” Varga said.";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].text, "We will rebuild");
}

#[test]
fn a_titled_work_named_by_an_attributed_sentence_is_not_a_statement() {
    let body = "Varga said on “Harbour Hour” that the ferry would return. \
                Haddon, whose memoir “Salt and Iron” sold well, disagreed.";
    let quotes = extract(body);
    assert!(
        quotes
            .iter()
            .all(|q| q.text != "Harbour Hour" && q.text != "Salt and Iron"),
        "{quotes:#?}"
    );
}

#[test]
fn the_name_before_an_infinitive_cue_speaks() {
    let body = "The ferry stayed in port, prompting Mayor Varga to say that “nothing will \
                move until spring.”";
    assert_eq!(
        speaker_of(body, "nothing will move").as_deref(),
        Some("Varga")
    );
}

#[test]
fn a_news_agency_before_a_colon_is_a_source_not_a_speaker() {
    let body = "Spokesman Pavel Drozd said there was no deadline.\n\n\
                He said, according to the Nordpress news agency: “Everyone wants this done.”";
    assert_eq!(
        speaker_of(body, "Everyone wants").as_deref(),
        Some("Pavel Drozd")
    );
}

#[test]
fn a_participle_hangs_on_the_name_before_it() {
    let body = "The council’s new film uses footage of Ilona Varga asking, “Why is the \
                ferry still in dry dock?”";
    assert_eq!(speaker_of(body, "dry dock").as_deref(), Some("Ilona Varga"));
}

#[test]
fn a_party_tag_in_parentheses_before_a_cue() {
    let body = "In an interview, House Speaker Dana Whitlow (R-Wis.) said the closures \
                demand “more listening.”";
    assert_eq!(
        speaker_of(body, "more listening").as_deref(),
        Some("Dana Whitlow")
    );
}

#[test]
fn a_relative_clause_with_its_own_subject() {
    let body = "Chair Mikhail Ostrov said both sides accepted a gauge at the town of \
                Brenk, which he described as “a small step, but a real one”.";
    assert_eq!(
        speaker_of(body, "small step").as_deref(),
        Some("Mikhail Ostrov")
    );
}

#[test]
fn an_abbreviated_rank_inside_a_role_before_the_name() {
    let body =
        "“The pier will hold,” said harbour spokesman Navy Capt. Oren Vale, who inspected it.";
    assert_eq!(
        speaker_of(body, "pier will hold").as_deref(),
        Some("Oren Vale")
    );
}

#[test]
fn role_words_before_the_name_after_an_inverted_cue() {
    let body = "“The count was fair,” said Unity party boss Marta Quell, though she added more.";
    assert_eq!(
        speaker_of(body, "count was fair").as_deref(),
        Some("Marta Quell")
    );
}

#[test]
fn a_possessive_appositive_hangs_on_the_name_before_it() {
    for role in [
        "Varga’s chief of staff",
        "Varga's press secretary",
        "the Vargas' lawyer",
    ] {
        let body =
            format!("{HARBOUR}\n\nPiet Horn, {role}, said the delay was “nobody’s fault at all.”");
        assert_eq!(
            speaker_of(&body, "nobody’s fault").as_deref(),
            Some("Piet Horn"),
            "{role}"
        );
    }
}

#[test]
fn a_participle_aside_between_subject_and_cue() {
    let body = format!(
        "{HARBOUR}\n\nPiet Horn, noting the size of the crowd, said, “This town wants its harbour back.”"
    );
    assert_eq!(
        speaker_of(&body, "wants its harbour").as_deref(),
        Some("Piet Horn")
    );
}

#[test]
fn a_role_then_the_name_after_an_inverted_cue() {
    let body = format!(
        "{HARBOUR}\n\n“We start on the first of March,” said Varga’s deputy harbour master, Tomas Reid, who ran the port for a decade."
    );
    assert_eq!(
        speaker_of(&body, "first of March").as_deref(),
        Some("Tomas Reid")
    );
}

#[test]
fn a_reflexive_or_a_day_after_the_name_is_not_part_of_it() {
    let body = format!(
        "{HARBOUR}\n\nVarga herself said that “the winter was long.”\n\nHarbour pilot Ana Lopes on Tuesday called the plan “a fine idea.”"
    );
    assert_eq!(
        speaker_of(&body, "winter was long").as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(speaker_of(&body, "fine idea").as_deref(), Some("Ana Lopes"));
}

#[test]
fn a_text_someone_wrote_speaks_with_their_words() {
    let body = format!("{HARBOUR}\n\nVarga’s memoir calls the old harbour “a cathedral of rust.”");
    assert_eq!(
        speaker_of(&body, "cathedral of rust").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_body_known_by_its_name_speaks_for_itself() {
    let body = "The White House said the storm was “a test we will pass.”\n\nThe Senate called the bill “overdue.”\n\n“No comment,” the Russian President said.";
    assert_eq!(
        speaker_of(body, "test we will pass").as_deref(),
        Some("White House")
    );
    assert_eq!(speaker_of(body, "overdue").as_deref(), Some("Senate"));
    assert_eq!(speaker_of(body, "No comment"), None);
}

#[test]
fn a_split_quotation_around_a_long_appositive_is_one() {
    let body = "“The river used to be our back yard,” said Raffa Ostrow, director of water studies at the Lowland Institute in Brenmark, “but it is becoming our front door.”";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert!(quotes[0].text.contains("front door"));
    assert_eq!(quotes[0].speaker.as_deref(), Some("Raffa Ostrow"));
}

#[test]
fn a_quotation_ending_its_sentence_is_not_split_into_the_next() {
    let body = format!(
        "{HARBOUR}\n\nShe calls the pier “a fine old thing.” She adds, “Old things need money.”"
    );
    let quotes = extract(&body);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert_eq!(
        speaker_of(&body, "Old things").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn an_inverted_cue_at_the_end_of_the_sentence() {
    let body = "Varga “did well with the fishing towns” in the 2019 vote, said Brenmark University professor Paul Ostby.";
    assert_eq!(
        speaker_of(body, "fishing towns").as_deref(),
        Some("Paul Ostby")
    );
}

#[test]
fn coordinated_quotations_share_their_reporting_clause() {
    let body = "Tolls are “a tax on the poor” and “a relic,” Hanne Lind, the ferry union’s chair, declared to a cheering crowd.";
    assert_eq!(
        speaker_of(body, "tax on the poor").as_deref(),
        Some("Hanne Lind")
    );
    assert_eq!(speaker_of(body, "a relic").as_deref(), Some("Hanne Lind"));
}

#[test]
fn a_quotation_after_an_introductory_clause_continues_the_speaker() {
    let body = "“It is a big day,” said Hanne Lind. Unless the council changes course, “the ferries stop in May.”";
    assert_eq!(
        speaker_of(body, "ferries stop").as_deref(),
        Some("Hanne Lind")
    );
}

#[test]
fn a_phrase_opening_with_a_preposition_is_no_subject() {
    let body = "“Had there been no help” from the Baltic states and others, Varga said on Monday, “we would have lost the harbour.”";
    assert_eq!(speaker_of(body, "Had there been").as_deref(), Some("Varga"));
}

#[test]
fn a_sentence_about_a_person_introduces_the_quotation_after_it() {
    let body = "“We need calm,” Pence Arnott said on the radio.\n\nOn \"Harbour Hour,\" Sen. Ilona Varga (Ind.), who lost the primary to Arnott, named the ferry fares as one of the reasons. “The young people are tired of paying twice.”";
    assert_eq!(
        speaker_of(body, "paying twice").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_pronoun_after_a_subordinating_conjunction_is_the_subject() {
    let body = format!(
        "{HARBOUR}\n\nThough she called the fares “outrageous,” Varga kept her comments short."
    );
    assert_eq!(
        speaker_of(&body, "outrageous").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_possessive_role_names_the_person_the_article_bound_it_to() {
    let body = "Ferry boss named.\n\nPiet Horn, Varga's former campaign strategist, on Wednesday called on Ilona Varga to apologise to the crews.\n\n“That was outrageous,” Varga's former campaign strategist said in an interview.";
    assert_eq!(speaker_of(body, "outrageous").as_deref(), Some("Piet Horn"));
}

#[test]
fn a_bare_role_names_the_person_the_passage_is_about() {
    // Nothing binds "strategist" to Piet Horn, but he is who the passage
    // is about, and the strategist is not Varga, whose strategist it is.
    let body = "Ferry boss named.\n\nPiet Horn on Wednesday called on Ilona Varga to apologise to the crews.\n\n“That was outrageous,” Varga's former campaign strategist said in an interview.";
    let quotes = extract(body);
    let q = find(&quotes, "outrageous");
    assert_eq!(q.speaker.as_deref(), Some("Piet Horn"));
    assert_eq!(q.speaker_from, Some(SpeakerFrom::Description));
}

#[test]
fn a_role_nobody_in_the_passage_fits_names_nobody() {
    // "his" is the mayor, so the band leader is somebody else; and "a
    // spokesman" is nobody in particular.
    let body = "Harbour fete.\n\nMayor Tomas Brede opened the harbour fete on Saturday.\n\nAt his fete, the band leader called the crews to the stage, singing “It Is Our Time.”\n\n“The fete will be back next year,” a spokesman said.";
    let quotes = extract(body);
    for words in ["Our Time", "back next year"] {
        let q = find(&quotes, words);
        assert_eq!(q.speaker, None, "{q:#?}");
        assert_eq!(q.speaker_from, Some(SpeakerFrom::Description), "{q:#?}");
    }
    assert_eq!(
        find(&quotes, "back next year").speaker_mention.as_deref(),
        Some("a spokesman")
    );
}

#[test]
fn an_opening_phrase_that_names_nobody_is_not_the_subject() {
    let body = "Ferry fight.\n\nIlona Varga is the mayor. Tomas Reid runs the ferries.\n\nEarly in her campaign, Varga attacked Reid, calling him “a ferry baron.”\n\nHours later, Reid returned the compliment, telling reporters, “She is charming.”";
    assert_eq!(
        speaker_of(body, "ferry baron").as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(
        speaker_of(body, "She is charming").as_deref(),
        Some("Tomas Reid")
    );
}

#[test]
fn a_question_then_name_appositive_and_cue_is_one_sentence() {
    let body = "Phone bank.\n\n\"I am calling from the Varga campaign. How are you today?\" Edna Miller, a retired ferry clerk, said into the phone.";
    assert_eq!(
        speaker_of(body, "How are you").as_deref(),
        Some("Edna Miller")
    );
}

#[test]
fn the_subject_of_a_sentence_stops_before_its_appositive() {
    let body = "Ferry news.\n\nTed Nordby, co-founder of the Harbour Institute and advocate of new ferries, welcomed \"the recognition that we do not have the boats we need.\"";
    assert_eq!(
        speaker_of(body, "boats we need").as_deref(),
        Some("Ted Nordby")
    );
}

#[test]
fn the_agent_of_a_passive_cue_speaks() {
    let body = "Debate night.\n\nIlona Varga was asked by Harbour TV moderator Gerd Baumann, “Will you raise the fares?”";
    assert_eq!(
        speaker_of(body, "raise the fares").as_deref(),
        Some("Gerd Baumann")
    );
}

#[test]
fn a_place_after_an_aside_is_not_the_subject() {
    let body = format!(
        "{HARBOUR}\n\nVarga, during a town hall meeting in Brenmark, Ostland, said the fares would go “down, not up.”"
    );
    assert_eq!(
        speaker_of(&body, "down, not up").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_participle_after_a_noun_is_no_reporting_clause() {
    let body = "Ferry files.\n\nLater on Sunday, Carl Sorensen shared a timetable for a 1998 route called “Northern Loop” on his page, writing “Allow me to do the research for the reporter.”";
    assert_eq!(
        speaker_of(body, "Allow me").as_deref(),
        Some("Carl Sorensen")
    );
}

#[test]
fn an_appositive_with_and_a_role_before_the_cue() {
    let body = "Harbour church.\n\nMichael Demory, pastor of the Harbour Church and a Varga supporter, said: \"I have never heard anyone pray like that.\"";
    assert_eq!(
        speaker_of(body, "pray like that").as_deref(),
        Some("Michael Demory")
    );
}

#[test]
fn a_body_known_by_its_name_is_a_subject_with_any_verb() {
    let body = "Apology.\n\nThe Ostland National Committee released a statement offering “a deep and sincere apology” to the ferry crews.";
    assert_eq!(
        speaker_of(body, "sincere apology").as_deref(),
        Some("Ostland National Committee")
    );
}

#[test]
fn an_inverted_cue_right_after_an_embedded_question_claims_it() {
    let body = "Leaks.\n\nIf Ostland is meddling — as many believe, but Brenmark strongly denies — “why wouldn’t you raise it?” asked Anita Dunmore, now a partner at a firm.";
    assert_eq!(
        speaker_of(body, "raise it").as_deref(),
        Some("Anita Dunmore")
    );
}

#[test]
fn a_paragraph_about_a_person_introduces_the_quotation_paragraph_after_it() {
    let body = "Bakery visit.\n\nThe mayor was joined on Monday by Buddy Valentin, the baker.\n\nValentin praised the mayor's work after the storm.\n\n“We need someone who is going to cut through it.”";
    assert_eq!(
        speaker_of(body, "cut through it").as_deref(),
        Some("Buddy Valentin")
    );
}

#[test]
fn a_titled_surname_is_a_subject_without_a_reporting_verb() {
    let body = "Truck attack.\n\nIn Brenmark, President Ostby released a statement on Thursday night condemning \"what appears to be a horrific attack.\"";
    assert_eq!(
        speaker_of(body, "horrific attack").as_deref(),
        Some("Ostby")
    );
}

#[test]
fn a_cue_set_off_by_commas_takes_the_name_after_it() {
    let body = "Calendar.\n\nBecause of how the parties built the calendar, explained Dana Rosen, “this thing is over by March.”\n\nThe paradox of the pier, says Carl Antonsen, historian at the ferry museum, is that it was \"one of the most loved places in town.\"";
    assert_eq!(
        speaker_of(body, "over by March").as_deref(),
        Some("Dana Rosen")
    );
    assert_eq!(
        speaker_of(body, "most loved").as_deref(),
        Some("Carl Antonsen")
    );
}

#[test]
fn a_cue_in_an_opening_clause_does_not_reach_past_the_main_subject() {
    let body = "Cookies.\n\nHanna Quist and Jerry Bram debated on Friday.\n\nAfter Jerry Bram criticized her husband during a debate, Hanna shot back, “I could have stayed home and baked.”";
    assert_eq!(
        speaker_of(body, "stayed home").as_deref(),
        Some("Hanna Quist")
    );
}

#[test]
fn a_platform_before_a_participle_is_not_the_speaker() {
    let body = "Apology.\n\nIlona Varga responded to the question on Facebook writing, “Yes, I will. That was a poor choice of words.”";
    assert_eq!(
        speaker_of(body, "poor choice").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn as_x_put_it() {
    let body = "Court.\n\nAs Akhil Amarsen, professor of law at Brenmark and author of ''The Unwritten Charter,'' put it, ''The council should remember that a compromise today may be better.''";
    assert_eq!(
        speaker_of(body, "compromise today").as_deref(),
        Some("Akhil Amarsen")
    );
}

#[test]
fn a_passive_before_an_infinitive_cue() {
    let body = "Debate.\n\n''If we raise the fares, Varga wins,'' Piet Horn said.\n\nBut the debate was so calm that Mr. Tomas Reid was prompted to say, ''I cannot believe how civil it has been.''";
    assert_eq!(speaker_of(body, "how civil").as_deref(), Some("Tomas Reid"));
}

#[test]
fn a_clause_after_the_quotation_is_no_subject() {
    let body = "Race.\n\n\"He can assert it, but it seems unlikely\" that Horn can catch Varga, said Steve Elmer, a former campaign manager.";
    assert_eq!(
        speaker_of(body, "seems unlikely").as_deref(),
        Some("Steve Elmer")
    );
}

#[test]
fn a_quotation_after_a_title_ending_its_sentence_continues_the_speaker() {
    let body = "Talk show.\n\n\"It's too early to tell,\" said Marek Cuba, who is also a host on the show \"Harbour Nights.\" \"I mean, it depends on the fares.\"";
    assert_eq!(
        speaker_of(body, "depends on the fares").as_deref(),
        Some("Marek Cuba")
    );
}

#[test]
fn with_a_name_and_a_participle_before_a_colon() {
    let body = "Rally.\n\nAt a rally in Brenmark, Ostland, on Saturday, some supporters pushed a protester, with Ilona Varga reportedly yelling: “Get him out of here!”";
    assert_eq!(
        speaker_of(body, "out of here").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_pull_quote_takes_the_speaker_of_its_attributed_repetition() {
    let body = "Harbour dues to rise in spring.\n\n\
        “Nobody in this town will pay for a harbour they cannot use.\n\n\
        The council met on Tuesday.\n\n\
        “Nobody in this town will pay for a harbour they cannot use,” said Ilona Varga, the mayor of Port Averill.";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    for q in &quotes {
        assert_eq!(q.speaker.as_deref(), Some("Ilona Varga"), "{q:#?}");
    }
    // Nothing reports the pull quote where it stands.
    assert_eq!(quotes[0].cue, None);
}

#[test]
fn a_phrase_two_people_repeat_stays_unattributed() {
    let body = "Pier plans divide Port Averill.\n\n\
        “We will build the longest pier on the whole coast.\n\n\
        The vote is on Friday.\n\n\
        “We will build the longest pier on the whole coast,” said Ilona Varga.\n\n\
        “We will build the longest pier on the whole coast,” said Tomas Brink, mocking her.";
    let quotes = extract(body);
    assert_eq!(quotes.len(), 3, "{quotes:#?}");
    assert_eq!(quotes[0].speaker, None, "{quotes:#?}");
}

#[test]
fn a_pull_quote_takes_the_speaker_of_its_attributed_copy() {
    let body = "Harbour plan.\n\nThe council met on Monday to discuss the harbour.\n\n“The boats will be back before the first snow falls.”\n\nThe vote was close. Six members backed the plan and five opposed it.\n\n“The boats will be back before the first snow falls,” Ilona Varga, the mayor, said after the meeting.";
    let quotes = extract(body);
    assert!(quotes.len() >= 2);
    for q in quotes.iter().filter(|q| q.text.contains("first snow")) {
        assert_eq!(q.speaker.as_deref(), Some("Ilona Varga"));
    }
}

#[test]
fn a_quoted_title_inside_an_appositive_does_not_cut_the_reporting_clause() {
    let body = "Convention.\n\n“We have had better weeks than this one,” harbour pilot Ana Lopes, wearing a “Varga for Mayor” badge, said with a shrug.";
    assert_eq!(
        speaker_of(body, "better weeks").as_deref(),
        Some("Ana Lopes")
    );
}

#[test]
fn said_before_a_clause_is_no_inverted_cue() {
    let body = "Harbour plan.\n\nIlona Varga, the mayor, spoke on Monday.\n\nMs Varga, citing “the patience of this town,” said the harbour could reopen in spring.";
    assert_eq!(
        speaker_of(body, "patience of this town").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_past_participle_aside_does_not_hide_the_subject() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nThe row began after Ms Varga, asked about the fees under Mr Bram, had said, “We charge what the harbour costs.”";
    assert_eq!(
        speaker_of(body, "harbour costs").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_cue_after_a_comma_and_a_new_clause_is_not_the_quotations() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram debated the harbour.\n\nMs Varga said the new fleet would make the quay “hum like a hive,” for instance, and Mr Bram vowed to close it.";
    assert_eq!(
        speaker_of(body, "hum like a hive").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn an_inverted_cue_names_the_speaker_when_no_subject_follows_the_quote() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram debated the harbour.\n\n“This will be a hard winter” for Varga, said Bram.";
    assert_eq!(
        speaker_of(body, "hard winter").as_deref(),
        Some("Jerry Bram")
    );
}

#[test]
fn a_later_quotation_of_the_same_sentence_keeps_its_speaker() {
    let body = "Harbour plan.\n\n“The fees went up twice,” said Ilona Varga, who ran the harbour for a decade. “This was a choice of the council” and its lawyers “to squeeze the boat owners until they left.”";
    assert_eq!(
        speaker_of(body, "squeeze the boat owners").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_sentence_naming_no_one_goes_on_with_the_speaker_just_quoted() {
    let body = "Harbour plan.\n\n“She has kept every promise she made to this town,” Jerry Bram has said of the mayor. That makes her “the most honest person ever to run the harbour.”";
    assert_eq!(
        speaker_of(body, "most honest person").as_deref(),
        Some("Jerry Bram")
    );
}

#[test]
fn a_term_in_marks_in_the_next_sentence_is_nobody_s_statement() {
    let body = "Harbour plan.\n\n“We will open in spring,” Jerry Bram said. The critics call that plan “optimistic”.";
    assert_eq!(speaker_of(body, "optimistic"), None);
}

#[test]
fn a_title_quoted_twice_is_no_pull_quote() {
    let body = "Television.\n\nThe boat made “Secret Lives of the Harbour Rich” in a segment entitled “Pimp My Boat.”\n\nIlona Varga, who produced it, described the pitch for “Secret Lives of the Harbour Rich,” the old series.";
    let quotes = extract(body);
    assert!(quotes
        .iter()
        .filter(|q| q.text.contains("Harbour Rich"))
        .all(|q| q.speaker.is_none()));
}

#[test]
fn a_subject_in_the_progressive_speaks_before_a_name_in_its_clause() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nRepublican mayoral front-runner Ilona Varga is questioning whether Jerry Bram would have come to the meeting “if it were held at the quay.”";
    assert_eq!(
        speaker_of(body, "held at the quay").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_sentence_opening_conjunction_is_no_introductory_phrase() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nBut Sen. Jerry Bram (R-Maine) refused to discuss the fees, responding that he was “not going to talk about the budget today.”";
    assert_eq!(
        speaker_of(body, "talk about the budget").as_deref(),
        Some("Jerry Bram")
    );
}

#[test]
fn a_word_before_a_first_name_is_a_role_that_names_the_person_later() {
    let body = "Tennis.\n\nHome favourite Marta Lind lost in three sets to Estonian David Tamm on Tuesday.\n\n\
        “I was lucky in the third set,” the Estonian said.";
    assert_eq!(
        speaker_of(body, "lucky in the third").as_deref(),
        Some("David Tamm")
    );
}

#[test]
fn a_quotation_after_a_dropped_title_does_not_join_an_earlier_one() {
    let body = "“Nobody saw the flood coming,” said Petra Lind, a hydrologist.\n\n\
                The river rose a metre overnight.\n\n\
                As Tomas Brun, author of “The Long River,” put it, “Every town on the \
                bank should have known better.”";
    let quotes = extract(body);
    let q = find(&quotes, "known better");
    assert!(!q.text.contains("flood"), "{q:?}");
    assert_eq!(q.speaker.as_deref(), Some("Tomas Brun"));
}

#[test]
fn a_straight_mark_wrapping_a_pasted_paragraph_is_not_the_quotation() {
    let body = "Senator Ada Morrow spoke in Dover on Friday.\n\n\
                \"“Nobody wins a race by the number of towns they visit,” Morrow answered \
                before adding that she would campaign in the north.\"";
    let quotes = extract(body);
    let q = find(&quotes, "number of towns");
    assert_eq!(
        q.text,
        "Nobody wins a race by the number of towns they visit"
    );
    assert_eq!(q.speaker.as_deref(), Some("Ada Morrow"));
}

#[test]
fn a_straight_mark_setting_off_an_excerpt_yields_the_curly_quotation_inside() {
    let body = "Mayor Karl Voss faced the council on Monday.\n\n\
                \"Voss tried to shrug it off by interjecting, “Only the weather, really.” \
                But the council pressed on.\n\n\
                “Is that an answer?” asked Nina Hale, a councillor.";
    let quotes = extract(body);
    let q = find(&quotes, "Only the weather");
    assert_eq!(q.text, "Only the weather, really.");
    assert_eq!(q.speaker.as_deref(), Some("Karl Voss"));
    assert_eq!(
        find(&quotes, "Is that an answer").speaker.as_deref(),
        Some("Nina Hale")
    );
}

#[test]
fn an_unclosed_quotation_ends_before_an_inverted_reporting_clause() {
    let body = "Lena Ostrom runs a ferry service on the lake.\n\n\
                \"Nobody told the owners which permits to keep, said Ostrom, whose company \
                has asked the council for help.";
    let quotes = extract(body);
    let q = find(&quotes, "which permits");
    assert_eq!(q.text, "Nobody told the owners which permits to keep");
    assert_eq!(q.speaker.as_deref(), Some("Lena Ostrom"));
}

#[test]
fn an_appositive_runs_on_through_a_dotted_abbreviation() {
    let body = "The dockworkers met in Hull on Friday.\n\n\
                “Every spring somebody says the members will walk away,” Carl Brandt, a \
                former organizer for the T.G.W.U. and a longtime campaigner, wrote in an email.";
    assert_eq!(
        speaker_of(body, "walk away").as_deref(),
        Some("Carl Brandt")
    );
}

#[test]
fn the_name_after_a_relative_pronoun_speaks_in_its_clause() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nMuch of the anger was aimed at Bram, who Varga on Monday called “a menace to the quay.”\n\nBram fought the fees in what Ilona Varga, the harbour master, called “a war of attrition.”";
    assert_eq!(
        speaker_of(body, "menace to the quay").as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(
        speaker_of(body, "war of attrition").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_cue_coordinated_inside_a_relative_clause_is_not_the_quotations() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nBram was asked by host Ilona Varga, who is backing Bram, but has previously dismissed the fees, “Do you still think the quay can pay for itself?”";
    assert_eq!(
        speaker_of(body, "pay for itself").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_quotation_completing_cue_that_keeps_its_cue_before_a_new_clause() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nBut even as Varga claimed on Tuesday that “the quay pays for itself,” a harbour accountant said the two budgets were quite different.\n\nBram cannot say that “from his point of view,” Varga added.";
    assert_eq!(
        speaker_of(body, "pays for itself").as_deref(),
        Some("Ilona Varga")
    );
    assert_eq!(
        speaker_of(body, "point of view").as_deref(),
        Some("Ilona Varga")
    );
}

#[test]
fn a_names_remark_named_by_a_noun_of_speech_is_theirs() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nBram’s “boats before budgets” comment drew a crowd.\n\nVarga’s campaign slogan is “A quay for everyone.”\n\nA harbour official said Bram’s remark was “ill-judged”.";
    assert_eq!(
        speaker_of(body, "boats before budgets").as_deref(),
        Some("Jerry Bram")
    );
    assert_eq!(
        speaker_of(body, "quay for everyone").as_deref(),
        Some("Ilona Varga")
    );
    assert_ne!(
        speaker_of(body, "ill-judged").as_deref(),
        Some("Jerry Bram")
    );
}

#[test]
fn an_outlet_named_after_its_kind_before_a_colon_does_not_speak() {
    let body = "Harbour plan.\n\nIlona Varga and Jerry Bram met on Monday.\n\nFormer harbour master Jerry Bram explained the problem to the Dutch newspaper Haven Dagblad: “The quay was never built for ships this size.”";
    assert_eq!(
        speaker_of(body, "never built").as_deref(),
        Some("Jerry Bram")
    );
}

#[test]
fn a_participle_cue_introduces_the_next_sentence_when_the_finite_one_has_no_subject() {
    let body = "Harbour plan.\n\n“The fees are a scandal,” Jerry Bram said.\n\nIlona Varga distanced herself from the protest by saying she would advise the council if asked.  “I will help them, and help them gladly.”";
    assert_eq!(
        speaker_of(body, "help them gladly").as_deref(),
        Some("Ilona Varga")
    );
}
