//! Document-level decisions: one label per name, completion, lists, defining sentences.

use super::*;

#[test]
fn one_name_gets_one_label_in_a_document() {
    // The same unknown full name, in a list and in running text, is one
    // entity with one label.
    let text = "Among the guests were Moses Mendelssohn, Gotthold Lessing and Karl Ramler.\n\n\
                Her father Moses Mendelssohn wrote the Phaedon in 1767.";
    for tagger in [Tagger::new(), Tagger::new().with_model(false)] {
        let ents = tagger.entities_text(text);
        check_invariants(text, &ents);
        let labels: Vec<Label> = find(&ents, "Moses Mendelssohn")
            .iter()
            .map(|e| e.label)
            .collect();
        assert_eq!(labels, vec![Label::Person, Label::Person], "{ents:?}");
    }
}

#[test]
fn a_name_written_in_full_elsewhere_is_completed() {
    let text = "The team captain Kory Lichtensteiger was named to the preseason team.\n\n\
                Kory Lichtensteiger was named a finalist for the trophy.";
    let ents = Tagger::new().entities_text(text);
    check_invariants(text, &ents);
    let full = find(&ents, "Kory Lichtensteiger");
    assert_eq!(full.len(), 2, "{ents:?}");
    assert!(full.iter().all(|e| e.label == Label::Person), "{ents:?}");
}

#[test]
fn what_a_copular_sentence_says_a_name_is() {
    let t = tagger();
    for (text, name, label) in [
        (
            "Bilka is a Danish chain of hypermarkets.",
            "Bilka",
            Label::Org,
        ),
        (
            "Digilogue is a music album of recordings.",
            "Digilogue",
            Label::Misc,
        ),
        (
            "Nyrstar was founded in 2007 by two firms.",
            "Nyrstar",
            Label::Org,
        ),
    ] {
        let ents = t.entities_text(text);
        check_invariants(text, &ents);
        assert!(
            find(&ents, name).iter().any(|e| e.label == label),
            "{text}: {ents:?}"
        );
    }
    // "a record label executive": the head word is not the last noun.
    let text = "Zorbanek is a record label executive from Ohio.";
    let ents = t.entities_text(text);
    assert!(
        find(&ents, "Zorbanek")
            .iter()
            .all(|e| e.label != Label::Org),
        "{ents:?}"
    );
}

#[test]
fn names_in_one_list_are_of_one_kind() {
    let t = Tagger::new();
    let text = "His producing credits include Google, Velvet Revolver and Microsoft.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let vr = find(&ents, "Velvet Revolver");
    assert_eq!(vr.len(), 1, "{ents:?}");
    assert_eq!(vr[0].label, Label::Org, "{ents:?}");
}

#[test]
fn a_defining_sentence_says_what_its_subject_is() {
    let t = Tagger::new();
    let text = "Crazyhead are an English punk rock / garage rock band from Leicester. Over the next \
                few years Crazyhead made sporadic live appearances.\n\n\
                30 Seconds to Mars (or Thirty Seconds to Mars) is an alternative rock band from Los \
                Angeles.\n\n\
                Ervenik (Serbian Cyrillic: Ервеник) is a village and municipality in Croatia.\n\n\
                A Storm to Come is the debut album of the band Van Canto.\n\n\
                BayCon is the San Francisco Bay Area's main convention. BayCon moved to May.\n";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    let labels = |s: &str| find(&ents, s).iter().map(|e| e.label).collect::<Vec<_>>();
    assert_eq!(
        labels("Crazyhead"),
        vec![Label::Org, Label::Org],
        "{ents:?}"
    );
    assert_eq!(labels("30 Seconds to Mars"), vec![Label::Org], "{ents:?}");
    assert_eq!(labels("Ervenik"), vec![Label::Gpe], "{ents:?}");
    assert_eq!(labels("A Storm to Come"), vec![Label::Misc], "{ents:?}");
    // A capitalized word of the predicate is part of a name, not a kind.
    assert_eq!(
        labels("BayCon"),
        vec![Label::Event, Label::Event],
        "{ents:?}"
    );
    // A kind after a new noun phrase belongs to that phrase; a pronoun
    // opens no name.
    let text = "Zarqawi is a Jordanian, and his Monotheism and Holy War group was small. It is a \
                village.";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(
        find(&ents, "Zarqawi").iter().all(|e| e.label != Label::Org),
        "{ents:?}"
    );
    assert!(find(&ents, "It").is_empty(), "{ents:?}");
    // A kind in another's possession is not the subject's; an ordinary word
    // before a kind of place is no place.
    let text = "\"Michael is a strong member of our team,\" McGuinty said. Protesters held signs: \
                \"Our neighborhood, our choice.\"";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert!(
        find(&ents, "Michael")
            .iter()
            .all(|e| e.label == Label::Person),
        "{ents:?}"
    );
    assert!(find(&ents, "Our").is_empty(), "{ents:?}");
}

#[test]
fn a_defined_name_is_found_again_whole() {
    let t = Tagger::new();
    let text = "30 Seconds to Mars (or Thirty Seconds to Mars) is an alternative rock band from Los \
                Angeles.\n\nIn 2007 30 Seconds to Mars toured Europe. Fans of Thirty Seconds to Mars \
                waited.\n";
    let ents = t.entities_text(text);
    check_invariants(text, &ents);
    assert_eq!(
        find(&ents, "30 Seconds to Mars")
            .iter()
            .map(|e| e.label)
            .collect::<Vec<_>>(),
        vec![Label::Org, Label::Org],
        "{ents:?}"
    );
    assert_eq!(
        find(&ents, "Thirty Seconds to Mars")
            .iter()
            .map(|e| e.label)
            .collect::<Vec<_>>(),
        vec![Label::Org, Label::Org],
        "{ents:?}"
    );
    assert!(find(&ents, "Mars").is_empty(), "{ents:?}");
}
