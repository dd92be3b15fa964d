//! Knowledge-base tests: the bundled base, user files, hints, canonical names, known names
//! vetted by their context.

use super::*;

#[test]
fn bundled_knowledge_base_loads() {
    let kb = KnowledgeBase::bundled();
    assert!(kb.len() > 1500, "{}", kb.len());
    assert_eq!(kb.lookup("США")[0].canonical, "United States");
    assert_eq!(kb.lookup("pátrushev")[0].canonical, "Nikolai Patrushev");
    // Every line of the bundled files parses.
    for (name, text) in KnowledgeBase::bundled_sources() {
        KnowledgeBase::parse(name, text).unwrap();
    }
}

#[test]
fn miscased_and_translated_names_get_canonical_names() {
    let text = "The President of the United States Donald trump held a meeting of the national security \
                Council (NSC) on the elections. It was attended by the trump, the attorney General Jeff sessions \
                and the Director of the FBI, Christopher ray. Earlier, Trump's adviser met Pátrushev in Geneva.";
    let ents = tagger().entities_text(text);
    check_invariants(text, &ents);
    for (surface, label, canonical) in [
        ("Donald trump", Label::Person, "Donald Trump"),
        ("trump", Label::Person, "Donald Trump"),
        ("Trump", Label::Person, "Donald Trump"),
        ("Jeff sessions", Label::Person, "Jeff Sessions"),
        ("Christopher ray", Label::Person, "Christopher Wray"),
        ("Pátrushev", Label::Person, "Nikolai Patrushev"),
        (
            "national security Council",
            Label::Org,
            "United States National Security Council",
        ),
        ("NSC", Label::Org, "United States National Security Council"),
        ("FBI", Label::Org, "Federal Bureau of Investigation"),
        ("United States", Label::Gpe, "United States"),
        ("Geneva", Label::Gpe, "Geneva"),
    ] {
        let hits = find(&ents, surface);
        assert!(!hits.is_empty(), "{surface} not found in {ents:#?}");
        assert!(
            hits.iter()
                .all(|e| e.label == label && e.canonical == canonical),
            "{surface}: {hits:?}"
        );
    }
    // Titles are not part of the names; the possessive is not either.
    assert!(
        ents.iter()
            .all(|e| !e.text.contains("President") && !e.text.ends_with("'s"))
    );
}

#[test]
fn ambiguous_surnames_follow_context() {
    let press = "White House Press Secretary Sarah Sanders spoke on Monday. Sanders said the meeting went well.";
    let ents = tagger().entities_text(press);
    assert!(
        find(&ents, "Sanders")
            .iter()
            .all(|e| e.canonical == "Sarah Huckabee Sanders")
    );
    let campaign = "Officials said Russia was trying to help the presidential campaign of Sanders, a candidate in the primaries.";
    let ents = tagger().entities_text(campaign);
    assert_eq!(find(&ents, "Sanders")[0].canonical, "Bernie Sanders");
}

#[test]
fn knowledge_base_is_user_extensible() {
    let mut kb = KnowledgeBase::bundled_clone();
    kb.add(KbEntry::new("Zarnovia Institute", Label::Org).alias("ZNI"));
    let dir = std::env::temp_dir().join(format!("dateline-kb-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("extra.tsv");
    std::fs::write(&file, "# extra\nOlenka Brzask\tPERSON\tBrzask\n").unwrap();
    kb.extend_from_file(&file).unwrap();
    let tagger = Tagger::with_knowledge_base(kb).with_model(false);
    let ents = tagger.entities_text("The ZNI hired Olenka Brzask. Brzask starts in March.");
    assert_eq!(find(&ents, "ZNI")[0].canonical, "Zarnovia Institute");
    assert!(
        find(&ents, "Brzask")
            .iter()
            .all(|e| e.canonical == "Olenka Brzask" && e.label == Label::Person)
    );

    std::fs::write(&file, "Good\tORG\n\nBad line without a label\n").unwrap();
    let err = KnowledgeBase::from_file(&file).unwrap_err().to_string();
    assert!(err.contains("extra.tsv:3:"), "{err}");
    let missing = KnowledgeBase::from_file(dir.join("nope.tsv"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.starts_with("cannot read knowledge base"),
        "{missing}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hints_are_one_per_token() {
    let toks = Tokenizer::new().tokens("The CIA and Vladimir Putin met in Helsinki.");
    let hints = KnowledgeBase::bundled().hints(&toks);
    assert_eq!(hints.len(), toks.len());
    let labels: Vec<Option<Label>> = hints.iter().map(|h| h.map(|h| h.label)).collect();
    assert_eq!(labels[1], Some(Label::Org));
    assert!(hints[3].is_some_and(|h| h.begin && h.label == Label::Person));
    assert!(hints[4].is_some_and(|h| !h.begin));
    assert!(hints[0].is_none());
}

#[test]
fn context_and_longer_names_beat_short_known_names() {
    let text = "Activists of the Conservative People's Party of Estonia (EKRE) were approached. \
                The head of the Estonian Internal Security Service (KAPO) told the newspaper \
                Postimees about it. According to Kaja Kallas, leader of the Reform Party, it was \
                clumsy. Analysts at the Atlantic Council agreed.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let get = |s: &str| {
            find(&ents, s)
                .first()
                .map(|e| (e.label, e.canonical.clone()))
        };
        assert_eq!(
            get("EKRE"),
            Some((Label::Org, "People's Party of Estonia".into())),
            "{ents:?}"
        );
        assert_eq!(
            get("KAPO"),
            Some((Label::Org, "Estonian Internal Security Service".into())),
            "{ents:?}"
        );
        assert_eq!(get("Postimees").map(|g| g.0), Some(Label::Org), "{ents:?}");
        assert_eq!(
            get("Kaja Kallas").map(|g| g.0),
            Some(Label::Person),
            "{ents:?}"
        );
        assert_eq!(
            get("Atlantic Council"),
            Some((Label::Org, "Atlantic Council".into())),
            "{ents:?}"
        );
    }
}

#[test]
fn gazetteer_categories_are_known_by_canonical_name() {
    let text = "Shelling hit Zaporizhzhia and Kherson overnight. Officials in Bavaria and \
                Tamil Nadu sent aid by barge along the Yangtze, and Ghanaians in Kraków \
                marched to the Sorbonne.";
    let want = [
        ("Zaporizhzhia", Label::Gpe, "Zaporizhzhia"),
        ("Kherson", Label::Gpe, "Kherson"),
        ("Bavaria", Label::Gpe, "Bavaria"),
        ("Tamil Nadu", Label::Gpe, "Tamil Nadu"),
        ("Yangtze", Label::Loc, "Yangtze"),
        ("Ghanaians", Label::Norp, "Ghanaians"),
        ("Kraków", Label::Gpe, "Kraków"),
        ("Sorbonne", Label::Org, "Sorbonne University"),
    ];
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        for (surface, label, canonical) in want {
            let found = find(&ents, surface);
            assert_eq!(found.len(), 1, "{surface}: {ents:?}");
            assert_eq!(found[0].label, label, "{surface}: {ents:?}");
            assert_eq!(found[0].canonical, canonical, "{surface}: {ents:?}");
        }
    }
}

#[test]
fn gazetteer_homonyms_of_common_words_and_names_need_their_cues() {
    // Without cues, "Male", "Java" and "Victoria" are a word, a language and
    // a given name, not the Maldivian capital, the island or the state.
    let text = "Male voters said Java was hard to learn. Victoria Hale, a teacher, agreed.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        for word in ["Male", "Java", "Victoria"] {
            assert!(
                find(&ents, word)
                    .iter()
                    .all(|e| !matches!(e.label, Label::Gpe | Label::Loc)),
                "{word}: {ents:?}"
            );
        }
    }
    // With a cue in the document the same words are places.
    let text = "Bushfires spread across Victoria as Melbourne warned residents. \
                Ferries left Male for the outer atolls of the Maldives.";
    let ents = tagger().entities_text(text);
    check_invariants(text, &ents);
    let victoria = find(&ents, "Victoria");
    assert_eq!(victoria.len(), 1, "{ents:?}");
    assert_eq!(victoria[0].canonical, "Victoria (Australia)");
    let male = find(&ents, "Male");
    assert_eq!(male.len(), 1, "{ents:?}");
    assert_eq!(male[0].canonical, "Malé");
}

#[test]
fn another_first_name_before_a_known_surname_is_another_person() {
    let t = tagger();
    let text = "Johnny Carson and Thomas Lincoln met Abraham Lincoln. Lincoln spoke. \
                Ivanka Trump arrived with Donald Trump.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let canon = |s: &str| find(&ents, s).first().map(|e| e.canonical.clone());
    assert_eq!(
        canon("Johnny Carson").as_deref(),
        Some("Johnny Carson"),
        "{ents:?}"
    );
    assert_eq!(
        canon("Thomas Lincoln").as_deref(),
        Some("Thomas Lincoln"),
        "{ents:?}"
    );
    assert_eq!(
        canon("Abraham Lincoln").as_deref(),
        Some("Abraham Lincoln"),
        "{ents:?}"
    );
    assert_eq!(
        canon("Ivanka Trump").as_deref(),
        Some("Ivanka Trump"),
        "{ents:?}"
    );
    assert_eq!(
        canon("Donald Trump").as_deref(),
        Some("Donald Trump"),
        "{ents:?}"
    );
}

#[test]
fn a_title_in_a_known_name_stays_outside_the_mention() {
    let t = tagger();
    let text = "This morning, Pope Francis met Mark Zuckerberg in Rome.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let francis = find(&ents, "Francis");
    assert_eq!(francis.len(), 1, "{ents:?}");
    assert_eq!(francis[0].canonical, "Pope Francis");
    assert!(find(&ents, "Pope Francis").is_empty(), "{ents:?}");
}
