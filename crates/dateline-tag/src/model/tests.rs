//! Unit tests of the entity model: file format, decoding, training.

use super::*;
use crate::eval::{GoldSentence, decode_iob};
use crate::{Span, Tokenizer};
use decode::allowed;

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
    let mut v3 = bytes.clone();
    v3[8] = 3;
    assert_eq!(
        NerModel::from_bytes(&v3).unwrap_err().to_string(),
        "not an entity model file: unsupported version 3"
    );
    assert!(NerModel::from_bytes(&[]).is_err());
    // A model trained with other word clusters is refused.
    let mut other = bytes.clone();
    other[40] ^= 1;
    assert_eq!(
        NerModel::from_bytes(&other).unwrap_err(),
        ModelError::Clusters
    );
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
    // Whatever the scores, the Viterbi path respects the constraint.
    struct Fixed(usize);
    impl decode::Scorer for Fixed {
        fn statics(&mut self, _: &mut [features::TokInfo], _: usize, _: &mut Vec<u64>) {}
        fn score(&self, _: &[u64], scores: &mut [f32; NL]) {
            scores[self.0] += 100.0;
        }
    }
    let tokens = Tokenizer::new().tokens("Anna Berg visited Oslo");
    let all = 0..tokens.len();
    let evidence = features::doc_evidence(&tokens, std::slice::from_ref(&all));
    let mut infos = Vec::new();
    let none = WordClusters::default();
    features::sentence_infos(&tokens, &[], &evidence, &none, &mut infos);
    let mut labels = Vec::new();
    let mut lattice = decode::Lattice::default();
    lattice.viterbi(&mut infos, &mut Fixed(inside(2)), &mut labels, None);
    for (k, l) in labels.iter().enumerate() {
        let prev = if k == 0 { 0 } else { labels[k - 1] };
        assert!(allowed(prev, *l), "{labels:?}");
    }
    // A best path of B-LOC I-LOC ... when I-LOC pays and B-LOC does a little.
    struct Two;
    impl decode::Scorer for Two {
        fn statics(&mut self, _: &mut [features::TokInfo], _: usize, _: &mut Vec<u64>) {}
        fn score(&self, _: &[u64], scores: &mut [f32; NL]) {
            scores[inside(2)] += 100.0;
            scores[begin(2)] += 1.0;
        }
    }
    lattice.viterbi(&mut infos, &mut Two, &mut labels, None);
    assert_eq!(labels[..2], [begin(2), inside(2)]);
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

fn cluster_docs() -> Vec<TrainDoc> {
    let mut docs = toy_docs();
    let more = [
        "On Monday Anna met Karl in Oslo .",
        "On Tuesday Karl met Anna in Bergen .",
        "On Friday Olsen met Lund in Oslo .",
        "On Monday Lund met Olsen in Bergen .",
    ];
    for m in more {
        let tags = vec!["O"; m.split(' ').count()].join(" ");
        docs.push(TrainDoc {
            sentences: vec![sentence(m, &tags)],
        });
    }
    docs
}

const ARTICLES: [&str; 3] = [
    "On Monday the bank in Oslo opened. On Tuesday the office in Bergen closed. \
     Anna said the bank would open. Karl said the office would close.",
    "On Friday the office in Oslo opened. Officials said the bank in Bergen closed. \
     Lund said the office would open on Monday.",
    "The Bank of Oslo said on Tuesday that Olsen would lead the office in Bergen.",
];

#[test]
fn clusters_are_deterministic_and_round_trip() {
    let config = ClusterConfig::default();
    let a = WordClusters::learn(&ARTICLES, &cluster_docs(), &config, "toy");
    let b = WordClusters::learn(&ARTICLES, &cluster_docs(), &config, "toy");
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert!(!a.is_empty());
    assert_eq!(a.meta(), "toy");
    let back = WordClusters::from_bytes(&a.to_bytes()).unwrap();
    assert_eq!(back.checksum(), a.checksum());
    assert_eq!(back.cluster_of("oslo"), a.cluster_of("oslo"));
    // Frequent words get a cluster; unseen words get none.
    assert!(a.cluster_of("oslo").is_some());
    assert!(a.cluster_of("said").is_some());
    assert_eq!(a.cluster_of("zanzibar"), None);

    let bytes = a.to_bytes();
    let mut bad = bytes.clone();
    let last = bad.len() - 3;
    bad[last] ^= 0x40;
    assert_eq!(
        WordClusters::from_bytes(&bad).unwrap_err(),
        ModelError::Checksum
    );
    assert!(WordClusters::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(WordClusters::from_bytes(b"DLWCLUS").is_err());
    assert!(WordClusters::from_bytes(&[]).is_err());
}

#[test]
fn case_statistics_tell_names_from_common_words() {
    use super::clusters::WordClass;
    use super::features::hash_bytes;
    let c = WordClusters::learn(&ARTICLES, &[], &ClusterConfig::default(), "");
    let class = |w: &str| -> WordClass { c.class_of(hash_bytes(1, w.as_bytes())) };
    // "Oslo" is always capitalized mid-sentence, "office" never.
    assert_eq!(class("oslo").case, 7);
    assert_eq!(class("office").case, 2);
    assert!(class("office").freq > 0);
    assert_eq!(class("zanzibar"), WordClass::default());
}

#[test]
fn cluster_prefixes_nest() {
    use super::clusters::{LEVELS, WordClass};
    let leaf = (5 * LEVELS[1] + 3) * LEVELS[2] + 6;
    let w = WordClass {
        cluster: leaf as u16 + 1,
        case: 0,
        freq: 0,
    };
    assert_eq!(w.prefix(1), 1 + 5 + (1 << 16));
    assert_eq!(w.prefix(2), 1 + (5 * LEVELS[1] + 3) as u64 + (2 << 16));
    assert_eq!(w.prefix(3), 1 + leaf as u64 + (3 << 16));
    assert_eq!(WordClass::default().prefix(2), 0);
}

#[test]
fn bundled_clusters_are_valid_and_group_similar_words() {
    let c = WordClusters::bundled_checked().unwrap();
    assert_eq!(c.checksum(), WordClusters::bundled().checksum());
    assert!(c.len() > 10_000);
    let top = |w: &str| c.cluster_of(w).map(|x| x / (LEVELS_FINE as u16));
    // Days of the week, countries and politicians' surnames share their
    // second-level clusters; the three groups differ at the top level.
    let mid = |w: &str| c.cluster_of(w).map(|x| x / (LEVELS[2] as u16));
    assert!(mid("monday").is_some());
    assert_eq!(mid("monday"), mid("tuesday"));
    assert_eq!(mid("france"), mid("germany"));
    assert_eq!(mid("bush"), mid("blair"));
    assert_ne!(top("monday"), top("france"));
    assert_ne!(top("france"), top("bush"));
    assert_ne!(top("monday"), top("bush"));
}

use super::clusters::LEVELS;
const LEVELS_FINE: usize = LEVELS[1] * LEVELS[2];

#[test]
fn leading_article_and_title_leave_gold_spans() {
    use super::features::{begin, inside};
    let text = "President Anna Berg met the Nordbank board and The Hague .";
    let tokens = Tokenizer::new().tokens(text);
    let (per, org, loc) = (begin(0) as u8, begin(1) as u8, begin(2) as u8);
    let (iper, iorg) = (inside(0) as u8, inside(1) as u8);
    // President Anna Berg | met | the Nordbank | board | and | The Hague | .
    let mut gold = vec![per, iper, iper, 0, org, iorg, 0, 0, loc, inside(2) as u8, 0];
    assert_eq!(gold.len(), tokens.len());
    super::train::trim_leading(&tokens, &mut gold);
    assert_eq!(
        gold,
        vec![0, per, iper, 0, 0, org, 0, 0, loc, inside(2) as u8, 0]
    );
    // A one-word span is left alone.
    let tokens = Tokenizer::new().tokens("the");
    let mut gold = vec![org];
    super::train::trim_leading(&tokens, &mut gold);
    assert_eq!(gold, vec![org]);
}
