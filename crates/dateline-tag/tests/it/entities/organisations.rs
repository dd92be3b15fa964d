//! Organisations: name heads, acronyms, companies, newspapers, bands, military units.

use super::*;

#[test]
fn name_heads_decide_the_label_of_unknown_names() {
    let text = "Freight trains stopped on the Sandy River Railroad near Willett Brook, \
                and the game moved to the Davis Gym.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        assert_eq!(label("Sandy River Railroad"), Some(Label::Org), "{ents:?}");
        assert_eq!(label("Willett Brook"), Some(Label::Loc), "{ents:?}");
        assert_eq!(label("Davis Gym"), Some(Label::Fac), "{ents:?}");
    }
}

#[test]
fn an_acronym_joins_the_words_that_spell_it() {
    let text = "The Amateur Hockey Association of Canada (AHAC) was founded in 1886. \
                Four clubs left the AHAC in 1898.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let full = find(&ents, "Amateur Hockey Association of Canada");
        assert_eq!(full.len(), 1, "{ents:?}");
        assert_eq!(full[0].label, Label::Org);
        let short: Vec<_> = find(&ents, "AHAC");
        assert_eq!(short.len(), 2, "{ents:?}");
        assert!(short.iter().all(
            |e| e.label == Label::Org && e.canonical == "Amateur Hockey Association of Canada"
        ));
        // "Canada" inside the expansion is not a separate mention.
        assert!(find(&ents, "Canada").is_empty(), "{ents:?}");
    }
}

#[test]
fn organisation_names_are_not_cut_at_place_names() {
    let text = "She studied at the University of Edinburgh and at Harvard Business School, \
                worked for the Motion Picture Association of America and flew with the \
                German Air Force. Officers of the Russian GRU were indicted.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        for org in [
            "University of Edinburgh",
            "Harvard Business School",
            "Motion Picture Association of America",
            "German Air Force",
        ] {
            assert_eq!(label(org), Some(Label::Org), "{org}: {ents:?}");
        }
        // An acronym after a nationality stays its own name.
        assert_eq!(label("Russian"), Some(Label::Norp), "{ents:?}");
        assert_eq!(label("GRU"), Some(Label::Org), "{ents:?}");
    }
}

#[test]
fn a_head_word_alone_refers_to_the_one_organisation_it_heads() {
    let text = "The Australian League of Rights is a small organisation.\n\n\
                The League was formed in 1960.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let short = find(&ents, "League");
        assert_eq!(short.len(), 1, "{ents:?}");
        assert_eq!(short[0].label, Label::Org);
        assert_eq!(short[0].canonical, "Australian League of Rights");
    }
}

#[test]
fn numbered_units_and_battles_keep_their_whole_names() {
    let text = "The 65th Air Division fought in the Second Battle of Bull Run alongside the \
                Eighth Air Force, years before the Treaty of Versailles was signed.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        assert_eq!(label("65th Air Division"), Some(Label::Org), "{ents:?}");
        assert_eq!(label("Eighth Air Force"), Some(Label::Org), "{ents:?}");
        assert_eq!(
            label("Second Battle of Bull Run"),
            Some(Label::Event),
            "{ents:?}"
        );
        assert_eq!(label("Treaty of Versailles"), Some(Label::Misc), "{ents:?}");
    }
}

#[test]
fn capital_the_inside_a_sentence_belongs_to_the_name() {
    let t = tagger();
    let text = "He has worked for The Aerospace Corporation since 2001. \
                The Aerospace Corporation said nothing.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(
        !find(&ents, "The Aerospace Corporation").is_empty(),
        "{ents:?}"
    );
    // At a sentence start "The" says nothing.
    assert!(!find(&ents, "Aerospace Corporation").is_empty(), "{ents:?}");
}

#[test]
fn two_organisations_joined_by_and_stay_two() {
    let t = tagger();
    let text = "Briefs were filed by the American Medical Association and the American \
                College of Obstetricians. Sue Black of the University of Westminster spoke.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(
        !find(&ents, "American Medical Association").is_empty(),
        "{ents:?}"
    );
    assert!(
        !find(&ents, "American College of Obstetricians").is_empty(),
        "{ents:?}"
    );
    assert!(
        find(&ents, "Sue Black")
            .iter()
            .any(|e| e.label == Label::Person),
        "{ents:?}"
    );
    // One name with "and" inside stays whole.
    let text = "He joined the Society of Arts and Sciences in 1901.";
    let ents = t.entities_text(text);
    assert!(
        !find(&ents, "Society of Arts and Sciences").is_empty(),
        "{ents:?}"
    );
}

#[test]
fn peoples_and_acronyms_the_model_proposes() {
    let t = Tagger::new();
    let text = "The pass was guarded by a joint force of Athenians, Spartans and Achaeans. \
                He obtained an M.A. on 21 April 1882.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for e in &ents {
        if matches!(e.text.as_str(), "Athenians" | "Achaeans") {
            assert_ne!(e.label, Label::Person, "{e:?}");
        }
        assert_ne!(e.text, "M.A.", "{e:?}");
    }
}

#[test]
fn newspapers_named_after_their_city() {
    let t = tagger();
    let text = "He was praised by the Orlando Sentinel and the Edinburgh Evening Courant.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in ["Orlando Sentinel", "Edinburgh Evening Courant"] {
        assert!(
            find(&ents, name).iter().any(|e| e.label == Label::Org),
            "{name}: {ents:?}"
        );
    }
}

#[test]
fn company_suffixes_with_a_dot() {
    let t = tagger();
    let text = "The price of Enron Corp. common stock fell. Acme Inc. and Globex Co. agreed.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in ["Enron Corp.", "Acme Inc.", "Globex Co."] {
        assert!(
            find(&ents, name).iter().any(|e| e.label == Label::Org),
            "{name}: {ents:?}"
        );
    }
}

#[test]
fn appositives_and_companies_named_after_founders() {
    let t = Tagger::new();
    let text = "Caloi was founded in 1898 by the immigrant Luigi Caloi. In the 1960s, Caloi achieved \
                some popularity. In 1990 Caloi started its US operations. Ruler of the Azna, a pagan \
                people, she resisted. BayCon is a science fiction convention held in San Jose.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let labels = |s: &str| find(&ents, s).iter().map(|e| e.label).collect::<Vec<_>>();
    assert_eq!(labels("Caloi"), vec![Label::Org; 3], "{ents:?}");
    assert_eq!(labels("Luigi Caloi"), vec![Label::Person], "{ents:?}");
    assert_eq!(labels("Azna"), vec![Label::Norp], "{ents:?}");
    assert_eq!(labels("BayCon"), vec![Label::Event], "{ents:?}");
    // An appositive about the sentence's subject is no cue for the name
    // before it: "Designed by X, the award-winning building".
    // A role before the head word describes a person; so does an
    // appositive after a longer name.
    let text = "Jo Jorgensen won. Jorgensen is a psychology professor at Clemson University. \
                Rocky McGaugh, a developer of CAOS, left.";
    let ents = t.entities_text(text);
    for e in find(&ents, "Jorgensen")
        .into_iter()
        .chain(find(&ents, "Rocky McGaugh"))
    {
        assert_eq!(e.label, Label::Person, "{ents:?}");
    }
    let text = "Designed by Juan Carlos Salas, the award-winning building opened.";
    let ents = t.entities_text(text);
    assert_eq!(
        find(&ents, "Juan Carlos Salas").first().map(|e| e.label),
        Some(Label::Person),
        "{ents:?}"
    );
}

#[test]
fn military_units() {
    let t = tagger();
    let text = "After the Second Battle of Bull Run, the regiment was attached to Howe's Brigade of \
                Couch's Division of the IV Corps of the Army of the Potomac.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    for unit in [
        "Howe's Brigade",
        "Couch's Division",
        "IV Corps",
        "Army of the Potomac",
    ] {
        assert_eq!(label(unit), Some(Label::Org), "{unit}: {ents:?}");
    }
    // An ordinal after "the" that acts is a unit; one that counts is not.
    let text = "The 139th was formed in 1862. Later the 139th fought at Gettysburg. He came \
                the 3rd in the race.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let units = find(&ents, "139th");
    assert_eq!(units.len(), 2, "{ents:?}");
    assert!(units.iter().all(|e| e.label == Label::Org), "{ents:?}");
    assert!(
        find(&ents, "3rd").iter().all(|e| e.label != Label::Org),
        "{ents:?}"
    );
}

#[test]
fn what_only_a_band_or_a_company_has() {
    let t = tagger();
    let text = "Zorvath's guitarist left in 2004. Later Quintrell Labs' shareholders met, and \
                Velmora frontman Jon Smith sang. Anna Zorvath's husband came.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Zorvath"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Velmora"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Anna Zorvath"), Some(Label::Person), "{ents:?}");
    // An award before its holders.
    let ents = Tagger::new().entities_text("Seven Nobel laureates worked at the lab.");
    assert_eq!(
        find(&ents, "Nobel").first().map(|e| e.label),
        Some(Label::Misc),
        "{ents:?}"
    );
    // And what only a person has.
    let text = "Qarvesh's death shocked the region. Mourners gathered for Qarvesh's funeral.";
    let ents = Tagger::new().entities_text(text);
    check_invariants(text, &ents);
    let labels = find(&ents, "Qarvesh")
        .iter()
        .map(|e| e.label)
        .collect::<Vec<_>>();
    assert_eq!(labels, vec![Label::Person; 2], "{ents:?}");
}

#[test]
fn shops_named_by_a_possessive_and_halls_of_fame() {
    let t = tagger();
    let text = "She shopped at Macy's and later at Dillard's. A friend of Smith's came. \
                Smith's and Jones's plans differ. He entered the Hockey Hall of Fame in 1961.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Macy's"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Dillard's"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Hockey Hall of Fame"), Some(Label::Org), "{ents:?}");
    for not_shop in ["Smith's", "Jones's"] {
        assert!(find(&ents, not_shop).is_empty(), "{not_shop}: {ents:?}");
    }
}

#[test]
fn a_role_before_of_the_is_not_part_of_the_organisation() {
    let t = tagger();
    let text = "Mitchell Stoltz, a Senior Staff Attorney of the Electronic Frontier Foundation, \
                wrote to GitHub. Wren became a Member of the Legislative Assembly in 1951.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in ["Electronic Frontier Foundation", "Legislative Assembly"] {
        assert!(
            find(&ents, name).iter().any(|e| e.label == Label::Org),
            "{name}: {ents:?}"
        );
    }
    assert!(
        ents.iter()
            .all(|e| !e.text.contains("Attorney") && !e.text.contains("Member")),
        "{ents:?}"
    );
}

#[test]
fn plural_nouns_joined_inside_an_organisations_of_phrase() {
    let t = tagger();
    let text = "She joined the American College of Obstetricians and Gynecologists and the \
                Brooklyn Institute of Arts and Sciences. The University of Texas and Baylor met.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in [
        "American College of Obstetricians and Gynecologists",
        "Brooklyn Institute of Arts and Sciences",
    ] {
        assert_eq!(
            find(&ents, name).first().map(|e| e.label),
            Some(Label::Org),
            "{name}: {ents:?}"
        );
    }
    // Two names, not one.
    assert!(
        find(&ents, "University of Texas and Baylor").is_empty(),
        "{ents:?}"
    );
}
