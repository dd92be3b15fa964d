//! Invariants of entity tagging on any text (property tests), values, boilerplate and
//! guards found on larger corpora.

use super::*;
use proptest::prelude::*;

#[test]
fn dates_and_amounts_have_values() {
    let mut doc = parse::parse(
        "Officials met on Monday and agreed to spend $380 million, 90 per cent of it in May 2017.\n",
    );
    doc.date = "2018-07-19".parse().ok();
    let ents = tagger().entities(&doc);
    let v = |s: &str| find(&ents, s).first().and_then(|e| e.value.clone());
    assert_eq!(v("Monday").as_deref(), Some("2018-07-16"));
    assert_eq!(v("$380 million").as_deref(), Some("USD 380000000"));
    assert_eq!(v("90 per cent").as_deref(), Some("90"));
    assert_eq!(v("May 2017").as_deref(), Some("2017-05"));
    assert_eq!(find(&ents, "90 per cent")[0].label, Label::Percent);
}

#[test]
fn boilerplate_is_tagged_separately() {
    let text = "Putin meets Macron\n\nVladimir Putin met Emmanuel Macron in Paris on Tuesday.\n\nLeave a Reply\n\nYour email address will not be published. Share on Facebook\n";
    let doc = parse::parse(text);
    let t = tagger();
    let content = t.entities(&doc);
    let boiler = t.boilerplate_entities(&doc);
    let in_boiler = |e: &Entity| {
        doc.blocks
            .iter()
            .any(|b| b.kind == dateline_tag::BlockKind::Boilerplate && b.span.contains(e.span))
    };
    assert!(content.iter().any(|e| e.canonical == "Emmanuel Macron"));
    assert!(
        content
            .iter()
            .all(|e| !in_boiler(e) || e.canonical.contains("Putin"))
    );
    assert!(
        boiler
            .iter()
            .all(|e| content.iter().all(|c| c.span != e.span))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_are_valid(text in "\\PC{0,300}") {
        let ents = Tagger::new().entities_text(&text);
        check_invariants(&text, &ents);
    }

    #[test]
    fn news_like_text_keeps_invariants(words in proptest::collection::vec(
        prop_oneof![
            Just("Trump"), Just("trump"), Just("the"), Just("US"), Just("U.S."), Just("США"), Just("Pátrushev"),
            Just("President"), Just("said"), Just("("), Just(")"), Just("NSC"), Just(","), Just("."), Just("$5,000"),
            Just("Monday"), Just("May"), Just("2017"), Just("per"), Just("cent"), Just("90"), Just("\n\n"),
            Just("Sanders"), Just("Ministry"), Just("of"), Just("Defense"), Just("photoTrump"), Just("’s"),
            Just("Ivan"), Just("Helsinki"), Just("Winter"), Just("Olympics"), Just("2018"), Just("a.m."),
        ], 0..60)) {
        let text = words.join(" ");
        let ents = Tagger::new().entities_text(&text);
        check_invariants(&text, &ents);
        let doc = parse::parse(text.clone());
        let t = Tagger::new();
        check_invariants(&doc.text, &t.entities(&doc));
        check_invariants(&doc.text, &t.boilerplate_entities(&doc));
    }

    #[test]
    fn name_building_rules_keep_invariants(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "The", "the", "of", "(", ")", "AHAC", "Amateur", "Hockey", "Association", "Canada", "'s",
            "People", "Party", "Estonia", "League", "Rights", "Australian", "South", "Australia",
            "Atlantic", "City", "Council", "village", "is", "a", "town", ",", ".", "\"", "“", "”",
            "single", "album", "Anarchy", "in", "Tokyo", "65th", "Eighth", "IV", "Air", "Force",
            "Division", "Battle", "Treaty", "Versailles", "newspaper", "Postimees", "leader",
            "according", "to", "Kaja", "Kallas", "University", "Edinburgh", "German", "Security",
            "Service", "Internal", "Maryland", "Kory", "Lichtensteiger", "GREAT", "Economy", "\n\n",
        ]), 0..80)) {
        let text = words.join(" ");
        for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
            let ents = tagger.entities_text(&text);
            check_invariants(&text, &ents);
        }
    }
}

#[test]
fn words_news_writes_in_lowercase_are_not_names() {
    let text = "The hotel was GREAT and the staff said the Economy was fine, \
                but the NTSB opened an inquiry.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        assert!(find(&ents, "GREAT").is_empty(), "{ents:?}");
        assert!(find(&ents, "Economy").is_empty(), "{ents:?}");
        assert_eq!(
            find(&ents, "NTSB").first().map(|e| e.label),
            Some(Label::Org),
            "{ents:?}"
        );
    }
}

#[test]
fn model_names_do_not_run_across_commas() {
    let t = Tagger::new();
    let text = "Having secured the bordering regions of Macedon, Philip assembled a large army.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(ents.iter().all(|e| !e.text.contains(',')), "{ents:?}");
}

#[test]
fn abbreviations_that_are_no_names() {
    let t = Tagger::new();
    let text = "One MP told the BBC he won by a KO in the third round. The band released an EP \
                and a CD in 2007, then an LP.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for word in ["MP", "KO", "EP", "CD", "LP"] {
        assert!(find(&ents, word).is_empty(), "{word}: {ents:?}");
    }
    assert_eq!(
        find(&ents, "BBC").first().map(|e| e.label),
        Some(Label::Org),
        "{ents:?}"
    );
}

#[test]
fn call_signs_are_names() {
    let t = Tagger::new();
    let text = "Radio station 6PR hired him in 1931, and later 3AW did too. The show starts at \
                8PM and costs 10INR; the page colour was 99FF66.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for station in ["6PR", "3AW"] {
        assert_eq!(
            find(&ents, station).first().map(|e| e.label),
            Some(Label::Org),
            "{station}: {ents:?}"
        );
    }
    for other in ["8PM", "10INR", "99FF66"] {
        assert!(
            find(&ents, other).iter().all(|e| e.label != Label::Org),
            "{other}: {ents:?}"
        );
    }
}

#[test]
fn guards_found_on_a_larger_corpus() {
    let t = Tagger::new();
    // A person's elliptical possessive is no shop.
    let text =
        "Senator Daniel Akaka spoke. In a speech that preceded Akaka's, Alexander disagreed.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(find(&ents, "Akaka's").is_empty(), "{ents:?}");
    // A people cue does not split a person from his name.
    let text = "President Askar Akayev fled. Protesters chanted \"down with the Akayev clans\". \
                Akayev had resigned.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert_eq!(
        find(&ents, "Akayev")
            .last()
            .map(|e| (e.label, e.canonical.as_str())),
        Some((Label::Person, "Askar Akayev")),
        "{ents:?}"
    );
    // A quoted sentence in an article about a video series is speech, and
    // a chamber is no place.
    let text = "Their video series is popular. \"Hello, I'm Mario.\" ::Mario: Let's play. The \
                Lower House voted.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(ents.iter().all(|e| e.label != Label::Misc), "{ents:?}");
    assert!(
        find(&ents, "Lower House")
            .iter()
            .all(|e| e.label != Label::Gpe),
        "{ents:?}"
    );
}
