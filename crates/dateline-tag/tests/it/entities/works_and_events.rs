//! Works, events and other named things: quoted titles, awards, treaties, storms, languages.

use super::*;

#[test]
fn event_and_award_heads_decide_the_label() {
    let text = "The Montreal club won the Stanley Cup in 1893, and the coach later received \
                the Hobey Baker Award.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        assert_eq!(label("Stanley Cup"), Some(Label::Event), "{ents:?}");
        assert_eq!(label("Hobey Baker Award"), Some(Label::Misc), "{ents:?}");
    }
}

#[test]
fn a_quoted_title_after_a_word_for_a_work_names_the_work() {
    let text = "The band recorded the single \"Anarchy in Tokyo\" in 2005, \
                and she said \"Tokyo is far\" later.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let work = find(&ents, "Anarchy in Tokyo");
        assert_eq!(work.len(), 1, "{ents:?}");
        assert_eq!(work[0].label, Label::Misc);
        // A quotation that is not a title keeps its names.
        let city = find(&ents, "Tokyo");
        assert_eq!(city.len(), 1, "{ents:?}");
        assert_eq!(city[0].label, Label::Gpe);
    }
}

#[test]
fn names_in_a_list_of_titles_and_dates_are_found() {
    // Capitalized titles in a list do not make the sentence a headline.
    let text = "Commanders: Unknown, 27 March 1943; Colonel Jesse Auton, 10 April 1943; \
                Brigadier General Ross G. Hoyt, 4 June 1943.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        for name in ["Jesse Auton", "Ross G. Hoyt"] {
            let found = find(&ents, name);
            assert_eq!(found.len(), 1, "{name}: {ents:?}");
            assert_eq!(found[0].label, Label::Person);
        }
    }
}

#[test]
fn treaties_events_and_embassies_named_after_places() {
    let t = tagger();
    let text = "The Treaty of London, signed in 1913, followed the Siege of Adrianople. \
                He was minister to the British Embassy in Vienna.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Treaty of London"), Some(Label::Misc), "{ents:?}");
    assert_eq!(label("Siege of Adrianople"), Some(Label::Event), "{ents:?}");
    assert_eq!(label("British Embassy"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Vienna"), Some(Label::Gpe), "{ents:?}");
    assert!(find(&ents, "London").is_empty(), "{ents:?}");
}

#[test]
fn works_named_after_a_descriptor_or_in_a_list_of_titles() {
    let t = tagger();
    let text = "The album's best songs are \"A Beautiful Lie\", \"The Fantasy\" and \"The Story\". \
                The video is based on the film Blue Winds Dancing.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for title in [
        "A Beautiful Lie",
        "The Fantasy",
        "The Story",
        "Blue Winds Dancing",
    ] {
        assert!(
            find(&ents, title).iter().any(|e| e.label == Label::Misc),
            "{title}: {ents:?}"
        );
    }
    // A quoted phrase with no work cue is not a title.
    let text = "Peskov called the decision \"A Provocation\" on Monday.";
    let ents = t.entities_text(text);
    assert!(find(&ents, "A Provocation").is_empty(), "{ents:?}");
}

#[test]
fn named_storms_are_events_and_so_are_their_short_names() {
    let t = Tagger::new();
    let text = "Hurricane Rita, now a Category 5 storm, threatened the coast. \
                Rita packed winds of about 240 kilometers an hour.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let storm = find(&ents, "Hurricane Rita");
    assert_eq!(storm.len(), 1, "{ents:?}");
    assert_eq!(storm[0].label, Label::Event);
    let short = find(&ents, "Rita");
    assert!(!short.is_empty(), "{ents:?}");
    for e in short {
        assert_eq!(
            (e.label, e.canonical.as_str()),
            (Label::Event, "Hurricane Rita"),
            "{e:?}"
        );
    }
}

#[test]
fn a_name_before_a_word_for_a_people_or_a_language() {
    let t = tagger();
    let text = "The language is of the Chamicuro people, who number about twenty.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(
        find(&ents, "Chamicuro")
            .iter()
            .any(|e| e.label == Label::Norp),
        "{ents:?}"
    );
}

#[test]
fn quoted_titles_are_titles_throughout_the_article() {
    let t = tagger();
    let text = "Fans voted for the next single. The choices were \"From Yesterday\", \"The Fantasy\" \
                and \"The Story\". The band had released the single \"From Yesterday\" in May. \
                Sales of From Yesterday grew quickly through the spring. He said \"Good Morning\" to them.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let labels = |s: &str| find(&ents, s).iter().map(|e| e.label).collect::<Vec<_>>();
    // Cued once, the title cues the list it stands in and is found unquoted.
    assert_eq!(labels("From Yesterday"), vec![Label::Misc; 3], "{ents:?}");
    assert_eq!(labels("The Fantasy"), vec![Label::Misc], "{ents:?}");
    assert_eq!(labels("The Story"), vec![Label::Misc], "{ents:?}");
    // A quotation with no cue stays a quotation.
    assert!(labels("Good Morning").is_empty(), "{ents:?}");
    // In an article that names works, other quoted title-case phrases are
    // works too, but not a nickname or a name given as such.
    let text = "The band released the single \"Stronger\" in May. \"Fallen\" was previously \
                called \"Jupiter\". Her pen name \"Dorothea\" stuck, and William \"Buckshot\" \
                May played.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let labels = |s: &str| find(&ents, s).iter().map(|e| e.label).collect::<Vec<_>>();
    assert_eq!(labels("Fallen"), vec![Label::Misc], "{ents:?}");
    assert_eq!(labels("Jupiter"), vec![Label::Misc], "{ents:?}");
    assert_ne!(labels("Dorothea"), vec![Label::Misc], "{ents:?}");
    assert_ne!(labels("Buckshot"), vec![Label::Misc], "{ents:?}");
    // Without a work named in the article, the quotation is left alone.
    let ents = t.entities_text("\"Fallen\" was previously called \"Jupiter\" by them.");
    assert!(ents.iter().all(|e| e.label != Label::Misc), "{ents:?}");
}

#[test]
fn awards_products_and_short_forms_of_events() {
    let t = Tagger::new();
    let text = "The band won the MTV Europe Music Award in 2007. The wing flew the P-38 Lightning \
                and the F-4 Phantom II. Montreal won the Stanley Cup in 1893 and kept the Cup \
                for a year.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    // An organisation before an award it gives is part of the award's name.
    assert_eq!(
        label("MTV Europe Music Award"),
        Some(Label::Misc),
        "{ents:?}"
    );
    // A type designation and its name are a product.
    assert_eq!(label("P-38 Lightning"), Some(Label::Misc), "{ents:?}");
    assert_eq!(label("F-4 Phantom II"), Some(Label::Misc), "{ents:?}");
    // "the Cup" is the document's one cup.
    let cup = find(&ents, "Cup");
    assert_eq!(
        cup.first().map(|e| (e.label, e.canonical.as_str())),
        Some((Label::Event, "Stanley Cup")),
        "{ents:?}"
    );
}
