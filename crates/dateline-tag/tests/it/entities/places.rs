//! Places: place heads, directions and geographic prefixes, context cues, teams, kinds of place.

use super::*;

#[test]
fn a_place_name_before_a_place_head_is_part_of_a_new_name() {
    let text = "The train left Atlantic City for New Jersey's capital on Monday.";
    let ents = tagger().entities_text(text);
    check_invariants(text, &ents);
    let city = find(&ents, "Atlantic City");
    assert_eq!(city.len(), 1, "{ents:?}");
    assert_eq!(city[0].label, Label::Gpe);
    assert!(find(&ents, "Atlantic").is_empty(), "{ents:?}");
}

#[test]
fn context_says_an_unknown_name_is_a_place() {
    let text = "Aisby is a village in the English county of Lincolnshire. The regiment \
                marched from Poolesville to Harpers Ferry, West Virginia, and camped near the town \
                of Hiram. Wessel Jones, a state senator, visited the camp.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        assert_eq!(label("Aisby"), Some(Label::Gpe), "{ents:?}");
        assert_eq!(label("Harpers Ferry"), Some(Label::Gpe), "{ents:?}");
        assert_eq!(label("Hiram"), Some(Label::Gpe), "{ents:?}");
        assert_ne!(label("Wessel Jones"), Some(Label::Gpe), "{ents:?}");
    }
}

#[test]
fn a_direction_before_a_known_place_makes_a_new_place() {
    let text = "The league started in South Australia and spread to East Africa and Lower Austria.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        for place in ["South Australia", "East Africa", "Lower Austria"] {
            let found = find(&ents, place);
            assert_eq!(found.len(), 1, "{place}: {ents:?}");
            assert_eq!(found[0].canonical, place);
        }
        assert!(find(&ents, "Australia").is_empty(), "{ents:?}");
    }
}

#[test]
fn a_place_and_a_plural_name_a_team() {
    let text = "The Chicago Bulls beat the Toronto Raptors, while Texas Republicans met in Austin.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let label = |s: &str| find(&ents, s).first().map(|e| e.label);
        assert_eq!(label("Chicago Bulls"), Some(Label::Org), "{ents:?}");
        assert_eq!(label("Toronto Raptors"), Some(Label::Org), "{ents:?}");
        assert_ne!(label("Texas Republicans"), Some(Label::Org), "{ents:?}");
    }
}

#[test]
fn geographic_names_built_on_known_places() {
    let t = tagger();
    let text = "They climbed Mount Kenya. The Kingdom of France and the City of Buenos Aires \
                signed. It is common in southern Europe. He lived on Hong Kong Island.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Mount Kenya"), Some(Label::Loc), "{ents:?}");
    assert_eq!(label("Kingdom of France"), Some(Label::Gpe), "{ents:?}");
    assert_eq!(label("City of Buenos Aires"), Some(Label::Gpe), "{ents:?}");
    assert_eq!(label("Europe"), Some(Label::Loc), "{ents:?}");
    assert!(find(&ents, "southern Europe").is_empty(), "{ents:?}");
    assert_eq!(label("Hong Kong Island"), Some(Label::Loc), "{ents:?}");
    let ents = t.entities_text("Ships left the Port of Liverpool for the Island of Divar.");
    assert_eq!(
        find(&ents, "Port of Liverpool").first().map(|e| e.label),
        Some(Label::Loc),
        "{ents:?}"
    );
    // Capitalized, the qualifier is part of the region's name.
    let ents = t.entities_text("It is common in Southern Europe.");
    assert!(!find(&ents, "Southern Europe").is_empty(), "{ents:?}");
}

#[test]
fn lowercase_places_after_a_preposition_of_place() {
    let t = tagger();
    let text = "i am from mexico traveling to san francisco next week. We ate turkey in Nice.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let canon = |s: &str| {
        find(&ents, s)
            .first()
            .map(|e| (e.label, e.canonical.clone()))
    };
    assert_eq!(
        canon("mexico"),
        Some((Label::Gpe, "Mexico".into())),
        "{ents:?}"
    );
    assert_eq!(
        canon("san francisco"),
        Some((Label::Gpe, "San Francisco".into())),
        "{ents:?}"
    );
    // Without the preposition, a lowercase word stays a word.
    assert!(find(&ents, "turkey").is_empty(), "{ents:?}");
    let ents = t.entities_text("we talked about mexico a lot.");
    assert!(find(&ents, "mexico").is_empty(), "{ents:?}");
    // Right after a place, or joined to one by "and".
    let text = "i am traveling to san francisco california. how are vietnam and Afghanistan alike?";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for place in ["california", "vietnam", "Afghanistan"] {
        assert_eq!(
            find(&ents, place).first().map(|e| e.label),
            Some(Label::Gpe),
            "{place}: {ents:?}"
        );
    }
}

#[test]
fn places_named_after_people_and_organisations_named_after_peoples() {
    let t = Tagger::new();
    let text = "They met in Lincoln Park near Kennedy Airport. In 1866 the Prussian Army crossed \
                the river. He led the Brazilian Cycling Confederation for years.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Lincoln Park"), Some(Label::Loc), "{ents:?}");
    assert_eq!(label("Kennedy Airport"), Some(Label::Fac), "{ents:?}");
    assert_eq!(label("Prussian Army"), Some(Label::Org), "{ents:?}");
    assert_eq!(
        label("Brazilian Cycling Confederation"),
        Some(Label::Org),
        "{ents:?}"
    );
}

#[test]
fn possessive_place_names() {
    let t = tagger();
    let text = "They fought at Sayler's Creek near Rankin's Mill. Putin's Kremlin said nothing.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Sayler's Creek"), Some(Label::Loc), "{ents:?}");
    assert_eq!(label("Rankin's Mill"), Some(Label::Fac), "{ents:?}");
    // No place head: the owner and the thing stay apart.
    assert_eq!(label("Putin"), Some(Label::Person), "{ents:?}");
}

#[test]
fn places_inside_longer_names() {
    let t = tagger();
    let text = "He served in the Bangladesh Army during the Bangladesh Liberation War. She sang at the \
                North Sea Jazz Festival. The St. Louis Eagles beat the Chicago Bulls. Bosnian Serbs \
                voted. They met at the Pump House and the Paxton First Schoolhouse. Bela Fleck and the \
                Flecktones played.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Bangladesh Army"), Some(Label::Org), "{ents:?}");
    assert_eq!(
        label("Bangladesh Liberation War"),
        Some(Label::Event),
        "{ents:?}"
    );
    assert_eq!(
        label("North Sea Jazz Festival"),
        Some(Label::Event),
        "{ents:?}"
    );
    assert_eq!(label("St. Louis Eagles"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("Chicago Bulls"), Some(Label::Org), "{ents:?}");
    // A people after a nationality is no team.
    assert!(find(&ents, "Bosnian Serbs").is_empty(), "{ents:?}");
    // "and the" after a name head opens a second name; a band keeps its "and the".
    assert!(
        find(&ents, "Pump House and the Paxton First Schoolhouse").is_empty(),
        "{ents:?}"
    );
    // Nor does the model's reading join them.
    let ents = Tagger::new().entities_text(text);
    check_invariants(text, &ents);
    assert!(
        ents.iter().all(|e| !e.text.contains("and the Paxton")),
        "{ents:?}"
    );
}

#[test]
fn a_known_place_after_a_comma_places_a_name_with_a_given_name() {
    let t = tagger();
    let text = "They marched from Poolesville to Sandy Hook, Maryland from where they left. \
                Larry Hogan, Maryland's governor, spoke.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Sandy Hook"), Some(Label::Gpe), "{ents:?}");
    assert_eq!(label("Larry Hogan"), Some(Label::Person), "{ents:?}");
}

#[test]
fn particles_and_more_place_heads() {
    let t = tagger();
    let text = "Dorothea von Schlegel was born in 1764. Maria de Sousa wrote to her. They walked \
                from Lincoln Reservoir to Hancock Pond and on to Elm Coulee.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(
        label("Dorothea von Schlegel"),
        Some(Label::Person),
        "{ents:?}"
    );
    assert_eq!(label("Maria de Sousa"), Some(Label::Person), "{ents:?}");
    for place in ["Lincoln Reservoir", "Hancock Pond", "Elm Coulee"] {
        assert_eq!(label(place), Some(Label::Loc), "{place}: {ents:?}");
    }
    let text = "Hanved lies in Kreis Flensburg, near Bov Parish and Palmaner Taluk. Ferries cross \
                Lake Winnipesaukee and the River Mersey.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    for place in ["Kreis Flensburg", "Bov Parish", "Palmaner Taluk"] {
        assert_eq!(label(place), Some(Label::Gpe), "{place}: {ents:?}");
    }
    let text2 = "The line ran to North Bridgton. The island faces Old Goa.";
    let ents2 = t.entities_text(text2);
    check_invariants(text2, &ents2);
    assert_eq!(
        find(&ents2, "North Bridgton").first().map(|e| e.label),
        Some(Label::Gpe),
        "{ents2:?}"
    );
    assert!(!find(&ents2, "Old Goa").is_empty(), "{ents2:?}");
    for place in ["Lake Winnipesaukee", "River Mersey"] {
        assert_eq!(label(place), Some(Label::Loc), "{place}: {ents:?}");
    }
}

#[test]
fn the_kind_of_place_before_its_name() {
    let t = tagger();
    let text = "Bilje lies near nature park Kopački Rit. The Chamicuros live in an area called \
                Pampa Hermosa, on the river Huallaga. The state Constitution was amended.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    for place in ["Kopački Rit", "Pampa Hermosa", "Huallaga"] {
        assert_eq!(label(place), Some(Label::Loc), "{place}: {ents:?}");
    }
    assert_ne!(label("Constitution"), Some(Label::Gpe), "{ents:?}");
}

#[test]
fn another_name_for_a_place_is_a_place() {
    let t = Tagger::new();
    let text = "Aisby is a village in the English county of Lincolnshire, known as Asebi in the \
                Domesday Book.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert_eq!(
        find(&ents, "Asebi").first().map(|e| e.label),
        Some(Label::Gpe),
        "{ents:?}"
    );
}

#[test]
fn places_and_roles_before_a_name_and_ampersands() {
    let t = Tagger::new();
    // A place name before a role and a person's name is a place of its own.
    let text = "Seminole County Sheriff Don Eslinger said the boy ran away. Keim was born in \
                Senlis, Oise, Picardie. The ads ran on Kiss & Fly and on PG&E bills.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let label = |s: &str| find(&ents, s).first().map(|e| e.label);
    assert_eq!(label("Seminole County"), Some(Label::Gpe), "{ents:?}");
    assert_eq!(label("Don Eslinger"), Some(Label::Person), "{ents:?}");
    // "born in X" names a place.
    assert_eq!(label("Senlis"), Some(Label::Gpe), "{ents:?}");
    // An ampersand joins one name, an organisation's.
    assert_eq!(label("Kiss & Fly"), Some(Label::Org), "{ents:?}");
    assert_eq!(label("PG&E"), Some(Label::Org), "{ents:?}");
    // Abbreviations with an ampersand name nothing.
    let text = "Spending on R&D rose. A Q&A followed. Barnes & Noble sold it.";
    let ents = t.entities_text(text);
    assert!(
        find(&ents, "R&D").is_empty() && find(&ents, "Q&A").is_empty(),
        "{ents:?}"
    );
    assert_eq!(
        find(&ents, "Barnes & Noble").first().map(|e| e.label),
        Some(Label::Org),
        "{ents:?}"
    );
    // Not between two people.
    let text = "Hosts David Christison & Lee Tate opened the show.";
    let ents = t.entities_text(text);
    assert!(ents.iter().all(|e| !e.text.contains('&')), "{ents:?}");
}

#[test]
fn a_nationality_before_empire_names_a_state() {
    let t = Tagger::new();
    let text = "The Russian Empire collapsed in 1917, and the Spanish Empire had declined earlier.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in ["Russian Empire", "Spanish Empire"] {
        assert_eq!(
            find(&ents, name).first().map(|e| e.label),
            Some(Label::Gpe),
            "{name}: {ents:?}"
        );
    }
}

#[test]
fn places_by_motion_and_by_the_kind_after_them() {
    let t = Tagger::new();
    let text = "She was forced to retreat to Abra. It is located in the Bijeli Brijeg \
                neighbourhood of the city. The service reached suburban Reston and Herndon. The \
                troops marched towards the villages of Lougou and Tougana.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    for name in ["Abra", "Bijeli Brijeg", "Reston", "Lougou", "Tougana"] {
        assert_eq!(
            find(&ents, name).first().map(|e| e.label),
            Some(Label::Gpe),
            "{name}: {ents:?}"
        );
    }
}
