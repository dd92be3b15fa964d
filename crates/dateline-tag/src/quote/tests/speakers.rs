//! Cases of speaker phrases: roles, pronouns, organisations, appositions,
//! colons; and the rule ids each attribution records.

use super::*;

#[test]
fn colon_at_the_end_of_the_line_before() {
    let text = "T\n\nIn comments, party chairman Markham Robinson writes:\n\"It is a long shot, but our ticket may draw enough votes.\"\n";
    let q = run(text, &[("Markham Robinson", P, "Markham Robinson")]);
    assert_eq!(q[0].speaker.as_deref(), Some("Markham Robinson"));
    assert_eq!(q[0].cue.as_deref(), Some("writes"));
}

#[test]
fn initials_do_not_cut_a_name() {
    let q = run(
        "T\n\n\"On behalf of the Court,\" wrote Chief Justice John G. Roberts, \"I am saddened.\"\n",
        &[("John G. Roberts", P, "John Roberts")],
    );
    assert_eq!(
        find(&q, "On behalf").speaker.as_deref(),
        Some("John Roberts")
    );
    let q = run(
        "T\n\nUnited States Attorney Jessie K. Liu said, \"Children are safer.\"\n",
        &[("Jessie K. Liu", P, "Jessie K. Liu")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Jessie K. Liu"));
}

#[test]
fn organisation_opening_the_sentence_with_participle() {
    let q = run(
        "T\n\nFord also made this point, writing \"We have notified the agencies.\"\n",
        &[("Ford", O, "Ford Motor Company")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Ford Motor Company"));
}

#[test]
fn polish_surnames_give_gender() {
    let text =
        "T\n\nMinister Joachim Brudziński arrived.\n\nHe said \"I cannot find the words.\"\n";
    let q = run(text, &[("Joachim Brudziński", P, "Joachim Brudziński")]);
    assert_eq!(q[0].speaker.as_deref(), Some("Joachim Brudziński"));
}

#[test]
fn quoted_by_an_outlet_names_the_owner_of_the_words() {
    let q = run(
        "T\n\nPeskov's words are quoted by TASS: «The Kremlin regrets this decision».\n",
        &[("Peskov", P, "Dmitry Peskov"), ("TASS", O, "TASS")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    let q = run(
        "T\n\n«The Kremlin regrets this decision», — is quoted by TASS.\n",
        &[("TASS", O, "TASS")],
    );
    assert_eq!(q[0].speaker, None);
    let q = run(
        "T\n\nTrump's tweet said: \"We will win.\"\n",
        &[("Trump", P, "Donald Trump")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn judging_verbs_are_cues_for_phrases() {
    let q = run(
        "T\n\nKremlin spokesman Dmitry Peskov dismissed the remarks as \"absurd\".\n",
        &[
            ("Dmitry Peskov", P, "Dmitry Peskov"),
            ("Kremlin", O, "Kremlin"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(q[0].cue.as_deref(), Some("dismissed"));
    assert_eq!(q[0].kind, QuoteKind::Phrase);
}

#[test]
fn cue_words_used_as_nouns_are_not_cues() {
    let q = run(
        "T\n\nChris Christie, who denounced the legal team's claims as a \"national embarrassment\", left.\n",
        &[("Chris Christie", P, "Chris Christie")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Chris Christie"));
    assert_eq!(q[0].cue.as_deref(), Some("denounced"));
}

#[test]
fn said_in_an_organisation() {
    let q = run(
        "T\n\n«The decision is final», — said in the Kremlin.\n",
        &[("Kremlin", O, "Kremlin")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Kremlin"));
    let q = run(
        "T\n\n«The decision is final», — said in Moscow.\n",
        &[("Moscow", Label::Gpe, "Moscow")],
    );
    assert_eq!(q[0].speaker, None);
}

#[test]
fn pronoun_opening_the_sentence_beats_a_named_object() {
    let text = "T\n\nTrump spoke in Ohio.\n\nHe leveled criticism at Biden, saying he was not \"special\" at all.\n";
    let q = run(
        text,
        &[("Trump", P, "Donald Trump"), ("Biden", P, "Joe Biden")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn untagged_name_before_an_organisation_role() {
    let q = run(
        "T\n\nVijay Goel, a member of the Rajya Sabha, said, \"He was an excellent politician.\"\n",
        &[("Rajya Sabha", O, "Rajya Sabha")],
    );
    assert_eq!(q[0].speaker, None);
    let q = run(
        "T\n\nA source within the Interior Ministry said \"The figures are hidden.\"\n",
        &[("Interior Ministry", O, "Interior Ministry")],
    );
    assert_eq!(q[0].speaker, None);
}

#[test]
fn organisation_before_an_apposition() {
    let q = run(
        "T\n\nThe Kremlin, the seat of the Russian government, said \"The talks were useful.\"\n",
        &[("Kremlin", O, "Kremlin")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Kremlin"));
}

#[test]
fn opening_time_phrase_is_not_a_name() {
    let q = run(
        "T\n\nOn Wednesday, Time magazine announced its choice as the \"Person of the Year\".\n",
        &[("Time magazine", O, "Time (magazine)")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Time (magazine)"));
}

#[test]
fn relative_who_without_comma() {
    let q = run(
        "T\n\nThe bill was drafted by Alex Greenwich who said on the floor, \"It follows decades of work.\"\n",
        &[("Alex Greenwich", P, "Alex Greenwich")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Alex Greenwich"));
}

#[test]
fn church_roles_refer_back() {
    let text = "T\n\nThe bill was criticised by archbishop Jorge Scheinig on Sunday.\n\nCalling it a \"culture of death\" the archbishop said \"We need to pray.\"\n";
    let q = run(text, &[("Jorge Scheinig", P, "Jorge Eduardo Scheinig")]);
    assert_eq!(
        find(&q, "We need").speaker.as_deref(),
        Some("Jorge Eduardo Scheinig")
    );
}

#[test]
fn acronym_who_is_not_a_relative_pronoun() {
    let q = run(
        "T\n\nMike Ryan of the World Health Organization (WHO) told the press: \"What will stop Ebola is trust.\"\n",
        &[
            ("Mike Ryan", P, "Mike Ryan"),
            ("World Health Organization", O, "World Health Organization"),
            ("WHO", O, "World Health Organization"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Mike Ryan"));
    let q = run(
        "T\n\nThe DRM vendors fight people like me who say, \"No thanks, not ever.\"\n",
        &[("DRM", O, "DRM")],
    );
    assert_eq!(q[0].speaker, None);
}

#[test]
fn cue_inside_a_dash_aside_does_not_attribute() {
    let q = run(
        "T\n\nSpeaker John Bercow commented on the matter — which the BBC noted as an unusual move — \"It is blindingly obvious.\"\n",
        &[("John Bercow", P, "John Bercow"), ("BBC", O, "BBC")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("John Bercow"));
    assert_eq!(q[0].cue.as_deref(), Some("commented"));
}

#[test]
fn split_statement_halves_are_statements() {
    let q = run(
        "T\n\n\"Three months ago,\" Warren said, \"so I entered the race.\"\n",
        &[("Warren", P, "Elizabeth Warren")],
    );
    assert_eq!(find(&q, "so I entered").kind, QuoteKind::Statement);
    assert_eq!(
        find(&q, "so I entered").speaker.as_deref(),
        Some("Elizabeth Warren")
    );
}

#[test]
fn pronoun_skips_objects_of_prepositions() {
    let text =
        "T\n\nTrump leveled criticism at Biden in Ohio.\n\n\"He is not special,\" he said.\n";
    let q = run(
        text,
        &[("Trump", P, "Donald Trump"), ("Biden", P, "Joe Biden")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn prepositional_object_alone_in_its_sentence_is_kept() {
    let text = "T\n\nPolice spoke with Anne Sacoolas as a suspect. She informed police \"that she had no plans to leave\".\n";
    let q = run(text, &[("Anne Sacoolas", P, "Anne Sacoolas")]);
    assert_eq!(q[0].speaker.as_deref(), Some("Anne Sacoolas"));
}

#[test]
fn relative_clause_with_its_own_subject() {
    let q = run(
        "T\n\nShe wrote the novel Obsession, which the New York Times called \"the steamiest book\".\n",
        &[("New York Times", O, "The New York Times")],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("The New York Times"));
}

#[test]
fn possessive_yields_to_the_subject_of_its_sentence() {
    let text = "T\n\nBiden, while campaigning, called Trump's action \"a betrayal.\" He described it as \"beyond despicable\".\n";
    let q = run(
        text,
        &[("Biden", P, "Joe Biden"), ("Trump", P, "Donald Trump")],
    );
    assert_eq!(find(&q, "beyond").speaker.as_deref(), Some("Joe Biden"));
}

fn rules_of(text: &str, specs: &[(&str, Label, &str)]) -> Vec<Vec<&'static str>> {
    let doc = parse::parse(text);
    let e = ents(&doc.text, specs);
    explain(&doc, &e).into_iter().map(|x| x.rules).collect()
}

#[test]
fn head_of_a_long_apposition_chain_speaks() {
    let text = "T\n\n“We saw the need,” Steve Clarke, deputy associate administrator for \
                exploration in NASA’s science mission directorate in Washington, said of that.\n";
    let specs = [
        ("Steve Clarke", P, "Steve Clarke"),
        ("NASA", O, "NASA"),
        ("Washington", Label::Gpe, "Washington"),
    ];
    let q = run(text, &specs);
    assert_eq!(q[0].speaker.as_deref(), Some("Steve Clarke"));
    assert_eq!(q[0].cue.as_deref(), Some("said"));
    assert_eq!(
        rules_of(text, &specs)[0],
        ["quote.after.apposition", "speaker.person"]
    );
}

#[test]
fn inverted_cue_with_apposition_keeps_the_person_not_the_place() {
    let text = "T\n\n“Eat well,” says Ana Ruiz, a dietitian in Cádiz, Spain.\n";
    let q = run(
        text,
        &[
            ("Ana Ruiz", P, "Ana Ruiz"),
            ("Cádiz", Label::Gpe, "Cádiz"),
            ("Spain", Label::Gpe, "Spain"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn pronoun_right_before_the_cue_is_its_subject() {
    let text = "T\n\nTaylor Swift spoke out.\n\nIn a Tumblr post she described this as the \"worst case scenario\".\n";
    let specs = [("Taylor Swift", P, "Taylor Swift"), ("Tumblr", O, "Tumblr")];
    let q = run(text, &specs);
    assert_eq!(q[0].speaker.as_deref(), Some("Taylor Swift"));
    assert_eq!(
        rules_of(text, &specs)[0],
        ["quote.before", "speaker.pronoun"]
    );
}

#[test]
fn non_subject_of_unknown_gender_yields_to_the_subject() {
    // `Starship` (a product tagged as a name) is no subject; Shotwell is.
    let text = "T\n\nShotwell said Starship missions could begin in 2022. Such missions would \
                be cargo only, but she said it could be a \"nice stepping stone\".\n";
    let q = run(
        text,
        &[
            ("Shotwell", P, "Gwynne Shotwell"),
            ("Starship", P, "Starship"),
        ],
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Gwynne Shotwell"));
}

#[test]
fn colon_after_a_sentence_without_a_speech_verb() {
    let text = "T\n\nBrazilian President Jair Bolsonaro opposed Macron's statement: \"The suggestion evokes a colonialist mentality.\"\n";
    let specs = [
        ("Jair Bolsonaro", P, "Jair Bolsonaro"),
        ("Macron", P, "Emmanuel Macron"),
    ];
    let q = run(text, &specs);
    assert_eq!(q[0].speaker.as_deref(), Some("Jair Bolsonaro"));
    assert_eq!(rules_of(text, &specs)[0], ["quote.colon", "speaker.person"]);
}

#[test]
fn definite_description_of_a_performer_refers_back() {
    let text = "T\n\nJames Van Der Beek was voted off.\n\n“It brings you closer together,” said the actor.\n";
    let q = run(text, &[("James Van Der Beek", P, "James Van Der Beek")]);
    assert_eq!(q[0].speaker.as_deref(), Some("James Van Der Beek"));
}

#[test]
fn every_rule_id_is_listed() {
    let text = "T\n\n“We act,” said Bolton. “Now.”\n\n“Soon,” the report said.\n";
    for rules in rules_of(text, &[("Bolton", P, "John Bolton")]) {
        for r in rules {
            assert!(RULES.iter().any(|(id, _)| *id == r), "{r} not in RULES");
        }
    }
}

#[test]
fn dash_signature_after_the_quote() {
    let text = "T\n\n“We have wanted to be closer to our clients.” – Jan Fredriks, managing partner at Northwind\n\nThe firm grew.\n";
    let doc = parse::parse(text);
    let e = ents(
        &doc.text,
        &[
            ("Jan Fredriks", P, "Jan Fredriks"),
            ("Northwind", O, "Northwind"),
        ],
    );
    let q = explain(&doc, &e);
    assert_eq!(q[0].quote.speaker.as_deref(), Some("Jan Fredriks"));
    assert_eq!(q[0].quote.cue.as_deref(), Some("–"));
    assert_eq!(q[0].rules, ["quote.after.dash", "speaker.person"]);
}

#[test]
fn header_line_names_the_speaker() {
    let text = "T\n\nRuud Verhoeven:\n“The storms are getting longer, and that hurts a harbour.”\n";
    let doc = parse::parse(text);
    let e = ents(&doc.text, &[("Ruud Verhoeven", P, "Ruud Verhoeven")]);
    let q = explain(&doc, &e);
    assert_eq!(q[0].quote.speaker.as_deref(), Some("Ruud Verhoeven"));
    assert_eq!(q[0].rules, ["quote.header", "speaker.person"]);
}

#[test]
fn two_single_marks_close_and_a_space_may_follow_the_opening_mark() {
    let q = run(
        "T\n\n“It was an attempt to mislead voters,’’ Will Moy told the BBC.\n\n“ We cannot wait to start,” said Marta Okafor.\n",
        &[
            ("Will Moy", P, "Will Moy"),
            ("Marta Okafor", P, "Marta Okafor"),
        ],
    );
    assert_eq!(
        find(&q, "It was").text,
        "It was an attempt to mislead voters,"
    );
    assert_eq!(find(&q, "It was").speaker.as_deref(), Some("Will Moy"));
    assert_eq!(
        find(&q, "We cannot").speaker.as_deref(),
        Some("Marta Okafor")
    );
}

#[test]
fn the_statement_said_names_its_issuer() {
    let text = "T\n\nThe Electoral Commission said in a statement on Friday that it had no role.\n\n“Voters are entitled to transparency,” the statement said.\n";
    let doc = parse::parse(text);
    let e = ents(
        &doc.text,
        &[("Electoral Commission", O, "Electoral Commission")],
    );
    let q = explain(&doc, &e);
    assert_eq!(q[0].quote.speaker.as_deref(), Some("Electoral Commission"));
    assert_eq!(q[0].rules, ["quote.after.subject", "speaker.document"]);
    // With nobody named before, the statement stays unknown.
    let q = explain(&parse::parse("T\n\n“No role,” the statement said.\n"), &[]);
    assert_eq!(q[0].quote.speaker, None);
    assert_eq!(q[0].rules, ["quote.after.subject", "speaker.unknown"]);
}

#[test]
fn an_unclosed_quote_over_paragraphs_is_kept() {
    let q = run(
        "T\n\nTottenham said in a statement: “Jose is one of the best managers.\n\n“He has won titles in four countries.\n\nClub statement\n",
        &[("Tottenham", O, "Tottenham Hotspur")],
    );
    assert_eq!(q.len(), 1);
    assert!(q[0].text.ends_with("four countries."));
    assert_eq!(q[0].speaker.as_deref(), Some("Tottenham Hotspur"));
}

#[test]
fn an_organisation_named_by_its_kind_or_through_its_spokesperson() {
    let text = "T\n\nThe Quorvian Ministry of Transport opened the line on Monday.\n\n“The trams will run all night,” the ministry said.\n\n“We are pleased,” said a spokesperson for Northwind.\n";
    let doc = parse::parse(text);
    let e = ents(
        &doc.text,
        &[
            (
                "Quorvian Ministry of Transport",
                O,
                "Quorvian Ministry of Transport",
            ),
            ("Northwind", O, "Northwind"),
        ],
    );
    let q = explain(&doc, &e);
    assert_eq!(
        q[0].quote.speaker.as_deref(),
        Some("Quorvian Ministry of Transport")
    );
    assert_eq!(q[0].rules, ["quote.after.subject", "speaker.org-noun"]);
    assert_eq!(q[1].quote.speaker.as_deref(), Some("Northwind"));
    // With no organisation named before, the ministry stays unknown.
    let q = explain(&parse::parse("T\n\n“No trams,” the ministry said.\n"), &[]);
    assert_eq!(q[0].quote.speaker, None);
}
