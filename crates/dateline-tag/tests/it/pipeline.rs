//! The pipeline of named passes: the documented list, the explain trace and
//! switching passes off.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dateline_tag::{Error, Label, Tagger};

/// The pass table of docs/ARCHITECTURE.md, as the code says it should read.
fn pass_table() -> String {
    let mut rows = vec![
        "| # | rule id | what the pass does | can be switched off |".to_string(),
        "|---|---|---|---|".to_string(),
    ];
    for (i, p) in Tagger::passes().iter().enumerate() {
        let off = if p.required { "no" } else { "yes" };
        rows.push(format!("| {} | `{}` | {} | {off} |", i + 1, p.id, p.about));
    }
    rows.join("\n")
}

#[test]
fn architecture_lists_the_passes_of_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/ARCHITECTURE.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc
        .find("<!-- passes")
        .expect("a passes table in ARCHITECTURE.md");
    let body = &doc[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    let end = body
        .find("<!-- /passes -->")
        .expect("the end of the passes table");
    let want = pass_table();
    assert_eq!(
        body[..end].trim_end(),
        want,
        "docs/ARCHITECTURE.md and the pipeline disagree; the table should read:\n{want}"
    );
}

const ARTICLE: &str = "Bolton met Patrushev in Geneva\n\n\
    The national security adviser of Donald trump, John Bolton, met Nikolai \
    Pátrushev in Geneva on Thursday. Hurricane Katrina hit New Orleans in 2005; \
    Katrina killed 1,800 people. The Federal Bureau of Investigation (FBI) said so.\n";

fn article() -> dateline_tag::Document {
    dateline_tag::parse::Parser::new()
        .parse("a", ARTICLE)
        .unwrap()
}

#[test]
fn explain_gives_the_entities_with_their_rules() {
    let tagger = Tagger::new();
    let doc = article();
    let explained = tagger.explain(&doc);
    let entities: Vec<_> = explained
        .entities
        .iter()
        .map(|x| x.entity.clone())
        .collect();
    assert_eq!(entities, tagger.entities(&doc));
    for x in &explained.entities {
        assert!(!x.rules.is_empty(), "{:?} has no rules", x.entity);
        for r in &x.rules {
            let pass = r.split('.').next().unwrap();
            assert!(
                Tagger::passes().iter().any(|p| p.id == pass) || *r == "output",
                "{r} is no rule id"
            );
        }
    }
    let rules = |text: &str| {
        explained
            .entities
            .iter()
            .find(|x| x.entity.text == text)
            .map(|x| x.rules.clone())
            .unwrap_or_default()
    };
    assert_eq!(rules("Geneva").first(), Some(&"kb"));
    assert_eq!(rules("Thursday"), ["dates", "dates.weekday"]);
    for d in &explained.dropped {
        assert_eq!(&doc.text[d.span.range()], d.text);
    }
}

#[test]
fn explain_any_input_names_a_rule_for_every_entity() {
    let tagger = Tagger::new();
    for text in [
        "",
        "\"",
        "John Smith John Smith said \"yes\" on Monday in PARIS.",
        "the UN. (UN) U.N. Ünïcödé Мо́сква 5 $ 10% «»",
    ] {
        let doc = dateline_tag::parse::Parser::new().parse("x", text);
        let Ok(doc) = doc else { continue };
        let explained = tagger.explain(&doc);
        assert_eq!(explained.entities.len(), tagger.entities(&doc).len());
        assert!(explained.entities.iter().all(|x| !x.rules.is_empty()));
    }
}

#[test]
fn a_pass_can_be_switched_off() {
    let doc = article();
    let label = |tagger: &Tagger, text: &str| {
        tagger
            .entities(&doc)
            .into_iter()
            .find(|e| e.text == text)
            .map(|e| e.label)
    };
    let all = Tagger::new().with_model(false);
    assert_eq!(label(&all, "Geneva"), Some(Label::Gpe));
    let no_kb = Tagger::builder()
        .bundled_model(false)
        .disable("kb")
        .build()
        .unwrap();
    assert_ne!(
        no_kb.entities(&doc),
        all.entities(&doc),
        "switching the knowledge base off changes the output"
    );
    assert!(matches!(
        Tagger::builder().disable("nope").build(),
        Err(Error::UnknownRule { .. })
    ));
    assert!(matches!(
        Tagger::builder().disable("resolve").build(),
        Err(Error::RequiredRule { .. })
    ));
    // Every pass that can be switched off can be, on any article.
    for p in Tagger::passes().iter().filter(|p| !p.required) {
        let t = Tagger::builder().disable(p.id).build().unwrap();
        let _ = t.explain(&doc);
    }
}

#[test]
fn a_rule_inside_a_pass_has_its_id_and_can_be_switched_off() {
    let doc = dateline_tag::parse::Parser::new()
        .parse(
            "a",
            "Yesterday Zorblatt Quexington told reporters the plan had failed.\n",
        )
        .unwrap();
    let tagger = Tagger::new().with_model(false);
    let explained = tagger.explain(&doc);
    let name = explained
        .entities
        .iter()
        .find(|x| x.entity.text == "Zorblatt Quexington")
        .expect("the name is found");
    assert_eq!(name.entity.label, Label::Person);
    let rule = name.rules[0];
    assert!(rule.starts_with("cap-runs."), "{rule}");
    assert!(Tagger::rules().iter().any(|r| r.id == rule));
    let without = Tagger::builder()
        .bundled_model(false)
        .disable(rule)
        .build()
        .unwrap();
    let again = without.explain(&doc);
    assert!(
        again
            .entities
            .iter()
            .all(|x| x.entity.text != "Zorblatt Quexington" || x.rules[0] != rule),
        "switched off, {rule} makes nothing"
    );
}

#[test]
fn the_model_can_be_set_or_left_out() {
    let doc = article();
    let none = Tagger::builder().model(None).build().unwrap();
    assert!(none.model().is_none());
    assert_eq!(
        none.entities(&doc),
        Tagger::new().with_model(false).entities(&doc)
    );
    let bundled = Tagger::builder().build().unwrap();
    assert_eq!(bundled.entities(&doc), Tagger::new().entities(&doc));
}
