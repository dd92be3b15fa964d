//! The place, agent and team readings of GPE mentions ([`Sense`]).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dateline_tag::{Label, Sense, Tagger};

/// The sense of the first GPE mention with surface `name` in `text`.
fn sense_of(text: &str, name: &str) -> Option<Sense> {
    let ents = Tagger::new().entities_text(text);
    let e = ents
        .iter()
        .find(|e| e.text == name)
        .unwrap_or_else(|| panic!("{name} not found in {ents:?}"));
    assert_eq!(e.label, Label::Gpe, "{e:?}");
    e.sense
}

#[test]
fn states_acting_are_agents() {
    for (text, name) in [
        (
            "Russia announced a suspension of the contract in October.",
            "Russia",
        ),
        (
            "Spain had expelled its Sephardic population in 1492.",
            "Spain",
        ),
        (
            "Naturally China will be presenting plenty of military hardware.",
            "China",
        ),
        (
            "China was defeated, and in 1842 agreed to the provisions.",
            "China",
        ),
        (
            "Seagal described Russia's actions in Crimea as reasonable.",
            "Russia",
        ),
        (
            "Seagal described Russia 's actions in Crimea as reasonable.",
            "Russia",
        ),
        (
            "The intervention is the most far-reaching by Beijing since 1997.",
            "Beijing",
        ),
        (
            "The show is an opportunity for Beijing to demonstrate its ambitions.",
            "Beijing",
        ),
        (
            "The law requires lifting the sanctions against Russia as well.",
            "Russia",
        ),
        (
            "The Hong Kong government has argued that the ruling stands.",
            "Hong Kong",
        ),
        (
            "The Ottoman Empire and Russia were denied permission to keep a fleet.",
            "Russia",
        ),
        (
            "After North Carolina passed its voting bill in 2013, he left.",
            "North Carolina",
        ),
        (
            "Jutting is on trial at Hong Kong's High Court.",
            "Hong Kong",
        ),
    ] {
        assert_eq!(sense_of(text, name), Some(Sense::Agent), "{text}");
    }
}

#[test]
fn teams_named_after_places_are_teams() {
    for (text, name) in [
        (
            "South Africa are almost at the point of no return.",
            "South Africa",
        ),
        ("Who can stop this Australia side?", "Australia"),
        ("England lost after beating Australia in June.", "Australia"),
        ("He went on to play 26 games for Lausanne.", "Lausanne"),
        (
            "They participated in the bowl game, losing to Tulsa 63-7.",
            "Tulsa",
        ),
        (
            "In 1956 and 1957 he coached North Melbourne.",
            "North Melbourne",
        ),
    ] {
        assert_eq!(sense_of(text, name), Some(Sense::Team), "{text}");
    }
    // Moved to a place, or a place's person: not a team.
    for (text, name) in [
        ("The wing transferred to England in June 1943.", "England"),
        (
            "His career included a win over Cuba's famous Teófil Stevenson.",
            "Cuba",
        ),
    ] {
        assert_ne!(sense_of(text, name), Some(Sense::Team), "{text}");
    }
}

#[test]
fn places_stay_places() {
    for (text, name) in [
        ("Bolton met Patrushev in Geneva on Thursday.", "Geneva"),
        ("The course was certified by UK spy agency GCHQ.", "UK"),
        ("Many Spanish Jews left Spain for Portugal.", "Spain"),
        ("U.S. stock futures are surging by more than 1%.", "U.S."),
        ("The people of China said little.", "China"),
        ("He lived in Russia, which he loved.", "Russia"),
        ("Flights to Beijing were cancelled on Monday.", "Beijing"),
        ("Russia's capital is Moscow.", "Russia"),
        ("The Netherlands are a flat country.", "Netherlands"),
    ] {
        assert_eq!(sense_of(text, name), Some(Sense::Place), "{text}");
    }
}

#[test]
fn only_gpe_mentions_have_a_sense() {
    let text = "Russia announced sanctions, Vladimir Putin said in Moscow on 3 May 2019.";
    for e in Tagger::new().entities_text(text) {
        assert_eq!(e.sense.is_some(), e.label == Label::Gpe, "{e:?}");
    }
}

#[test]
fn sense_survives_json() {
    let e = Tagger::new()
        .entities_text("Russia announced sanctions.")
        .into_iter()
        .next()
        .unwrap();
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"sense\":\"agent\""), "{json}");
    let back: dateline_tag::Entity = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);
    // Entities written before the field existed still read.
    let old = r#"{"span":{"start":0,"end":6},"text":"Russia","label":"GPE","canonical":"Russia","value":null}"#;
    let read: dateline_tag::Entity = serde_json::from_str(old).unwrap();
    assert_eq!(read.sense, None);
}

#[test]
fn places_in_results_and_fixture_lines_are_teams() {
    for (text, name) in [
        ("Leeds 2 Everton 1\n", "Leeds"),
        ("Everton 1 Leeds 2\n", "Leeds"),
        ("NEW ORLEANS AT DALLAS\n", "DALLAS"),
        ("NEW ORLEANS AT DALLAS\n", "NEW ORLEANS"),
    ] {
        assert_eq!(sense_of(text, name), Some(Sense::Team), "{text}");
    }
    for (text, name) in [
        ("She visited Paris 3 times last year.", "Paris"),
        ("The road runs through Chicago 2 days a week.", "Chicago"),
        ("The London 2012 Olympics drew crowds.", "London"),
    ] {
        assert_ne!(sense_of(text, name), Some(Sense::Team), "{text}");
    }
}

/// With `resolve.results-teams` switched off, a results or fixture line
/// says nothing of its places: they read as anywhere else.
#[test]
fn the_results_line_reading_can_be_switched_off() {
    let off = Tagger::builder()
        .disable("resolve.results-teams")
        .build()
        .unwrap();
    for (text, name) in [
        ("Leeds 2 Everton 1\n", "Leeds"),
        ("NEW ORLEANS AT DALLAS\n", "DALLAS"),
    ] {
        let ents = off.entities_text(text);
        let e = ents.iter().find(|e| e.text == name).unwrap();
        assert_eq!(e.label, Label::Gpe, "{e:?}");
        assert_ne!(e.sense, Some(Sense::Team), "{text}");
    }
}
