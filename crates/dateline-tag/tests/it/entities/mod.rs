//! Public-API tests of entity tagging: canonical names, document-level
//! resolution, values, boilerplate, knowledge-base files, and invariants,
//! one module a topic.

mod document;
mod invariants;
mod knowledge_base;
mod organisations;
mod people;
mod places;
mod works_and_events;

use dateline_tag::{Entity, KbEntry, KnowledgeBase, Label, Tagger, Tokenizer, parse};

fn tagger() -> Tagger {
    Tagger::new().with_model(false)
}

fn find<'a>(ents: &'a [Entity], text: &str) -> Vec<&'a Entity> {
    ents.iter().filter(|e| e.text == text).collect()
}

fn check_invariants(text: &str, ents: &[Entity]) {
    let mut last_end = 0;
    for e in ents {
        assert!(
            e.span.start < e.span.end && e.span.end <= text.len(),
            "{e:?}"
        );
        assert!(
            text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
            "{e:?}"
        );
        assert_eq!(&text[e.span.start..e.span.end], e.text);
        assert!(e.span.start >= last_end, "overlap at {e:?}");
        last_end = e.span.end;
    }
}
