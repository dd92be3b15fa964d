//! Unit tests of the entity model: file format, decoding, training.

use super::*;
use crate::eval::{GoldSentence, decode_iob};
use crate::{Span, Tokenizer};

fn sentence(words: &str, tags: &str) -> GoldSentence {
    let tokens: Vec<String> = words.split(' ').map(String::from).collect();
    let tags: Vec<&str> = tags.split(' ').collect();
    assert_eq!(tokens.len(), tags.len());
    GoldSentence {
        doc: 0,
        doc_id: String::new(),
        tokens,
        entities: decode_iob(&tags),
    }
}

fn no_hints(t: &[Token<'_>]) -> Vec<Option<KbHint>> {
    vec![None; t.len()]
}

const UNLABELED: [&str; 1] = ["Anna went home. The bank opened in Oslo."];

fn toy_docs() -> Vec<TrainDoc> {
    let data = [
        (
            "Yesterday Anna Berg visited Oslo .",
            "O B-PER I-PER O B-LOC O",
        ),
        ("Anna Berg works for Nordbank .", "B-PER I-PER O O B-ORG O"),
        (
            "Nordbank opened an office in Oslo .",
            "B-ORG O O O O B-LOC O",
        ),
        (
            "Karl Lund left Bergen for Oslo .",
            "B-PER I-PER O B-LOC O B-LOC O",
        ),
        (
            "the bank in Bergen hired Karl Lund .",
            "O O O B-LOC O B-PER I-PER O",
        ),
        ("Mr Olsen joined Nordbank .", "O B-PER O B-ORG O"),
    ];
    data.iter()
        .map(|(w, t)| TrainDoc {
            sentences: vec![sentence(w, t)],
        })
        .collect()
}

#[test]
fn empty_model_proposes_nothing() {
    let text = "Anna Berg visited Oslo.";
    let tokens = Tokenizer::new().tokens(text);
    assert!(NerModel::default().predict(&tokens, &[], &[]).is_empty());
}

#[test]
fn bytes_round_trip_and_damage_is_an_error() {
    let model = train(
        &toy_docs(),
        &UNLABELED,
        &TrainConfig::default().bits(10).epochs(3),
        &no_hints,
        "toy",
    );
    let bytes = model.to_bytes();
    let back = NerModel::from_bytes(&bytes).unwrap();
    assert_eq!(back.meta(), "toy");
    assert_eq!(back.checksum(), model.checksum());

    let mut bad = bytes.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x55;
    assert_eq!(
        NerModel::from_bytes(&bad).unwrap_err(),
        ModelError::Checksum
    );
    assert_eq!(
        NerModel::from_bytes(&bytes[..bytes.len() - 2])
            .unwrap_err()
            .to_string(),
        format!(
            "not an entity model file: expected {} bytes, found {}",
            bytes.len(),
            bytes.len() - 2
        )
    );
    assert_eq!(
        NerModel::from_bytes(b"hello").unwrap_err().to_string(),
        "not an entity model file: bad magic number"
    );
    let mut v2 = bytes.clone();
    v2[8] = 2;
    assert_eq!(
        NerModel::from_bytes(&v2).unwrap_err().to_string(),
        "not an entity model file: unsupported version 2"
    );
    assert!(NerModel::from_bytes(&[]).is_err());
}

#[test]
fn learns_and_generalizes_on_a_toy_set() {
    let model = train(
        &toy_docs(),
        &UNLABELED,
        &TrainConfig::default().bits(12).epochs(8),
        &no_hints,
        "",
    );
    let text = "Anna Berg visited Nordbank in Bergen.";
    let tokens = Tokenizer::new().tokens(text);
    let spans = model.predict(&tokens, &[], &[]);
    let found: Vec<(&str, Label)> = spans
        .iter()
        .map(|s| {
            (
                &text[Span::new(
                    tokens[s.tokens.start].span.start,
                    tokens[s.tokens.end - 1].span.end,
                )],
                s.label,
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("Anna Berg", Label::Person),
            ("Nordbank", Label::Org),
            ("Bergen", Label::Loc)
        ]
    );
    assert!(spans.iter().all(|s| s.score > 0.0 && s.score <= 1.0));
}

#[test]
fn training_is_deterministic() {
    let config = TrainConfig::default().bits(10).epochs(4).seed(7);
    let a = train(&toy_docs(), &UNLABELED, &config, &no_hints, "");
    let b = train(&toy_docs(), &UNLABELED, &config, &no_hints, "");
    assert_eq!(a.to_bytes(), b.to_bytes());
    let c = train(
        &toy_docs(),
        &UNLABELED,
        &config.clone().seed(8),
        &no_hints,
        "",
    );
    assert_ne!(a.to_bytes(), c.to_bytes());
}

#[test]
fn inside_tags_only_continue_their_type() {
    use super::features::{begin, inside};
    assert!(allowed(begin(0), inside(0)));
    assert!(allowed(inside(0), inside(0)));
    assert!(!allowed(0, inside(0)));
    assert!(!allowed(begin(1), inside(0)));
    assert!(allowed(begin(1), begin(0)));
    // Whatever the scores, the decision respects the constraint.
    let mut scores = [0i32; 9];
    scores[inside(2)] = 100;
    assert_ne!(decide(&scores, 0, 0.01).0, inside(2));
    assert_eq!(decide(&scores, begin(2), 0.01).0, inside(2));
}

#[test]
fn spans_from_labels() {
    use super::features::{begin, inside};
    let labels = [0, begin(0), inside(0), begin(0), 0, begin(3)];
    let probs = [1.0, 0.5, 1.0, 1.0, 1.0, 0.25];
    let s = spans(&labels, &probs);
    assert_eq!(
        s.iter()
            .map(|s| (s.tokens.clone(), s.label))
            .collect::<Vec<_>>(),
        vec![
            (1..3, Label::Person),
            (3..4, Label::Person),
            (5..6, Label::Misc)
        ]
    );
    assert!((s[0].score - 0.75).abs() < 1e-6);
}

#[test]
fn bundled_model_is_valid() {
    let model = NerModel::bundled_checked().unwrap();
    assert!(model.meta().contains("epochs"));
}
