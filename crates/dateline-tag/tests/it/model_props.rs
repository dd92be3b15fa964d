//! Invariants of the entity model on arbitrary text: no panic, spans are
//! in range, ordered, non-overlapping and labelled with a coarse label.

use dateline_tag::{ClusterConfig, KbHint, Label, NerModel, Tokenizer, WordClusters};
use proptest::prelude::*;

fn check(text: &str, hinted: bool) {
    let tokens = Tokenizer::new().tokens(text);
    let hints: Vec<Option<KbHint>> = if hinted {
        tokens
            .iter()
            .enumerate()
            .map(|(i, _)| {
                (i % 3 == 0).then_some(KbHint {
                    label: Label::Gpe,
                    begin: true,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let n = tokens.len();
    // Sentences as given, overlapping, out of range or empty: never a panic.
    for sentences in [
        vec![],
        std::iter::once(0..n).collect(),
        vec![0..n / 2, n / 2..n],
        vec![n..n + 5, 0..1],
    ] {
        let spans = NerModel::bundled().predict(&tokens, &sentences, &hints);
        let mut last = 0;
        for s in &spans {
            assert!(s.tokens.start < s.tokens.end && s.tokens.end <= n);
            assert!(s.tokens.start >= last, "ordered, non-overlapping");
            last = s.tokens.end;
            assert!(matches!(
                s.label,
                Label::Person | Label::Org | Label::Loc | Label::Misc
            ));
            assert!(s.score > 0.0 && s.score <= 1.0 + 1e-6);
        }
    }
}

proptest! {
    #[test]
    fn any_text(text in "\\PC{0,200}", hinted: bool) {
        check(&text, hinted);
    }

    #[test]
    fn damaged_clusters_file_is_an_error_not_a_panic(at in 0usize..2_000_000, byte: u8, cut: bool) {
        let mut bytes = WordClusters::bundled().to_bytes();
        let at = at % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = byte;
        }
        let _ = WordClusters::from_bytes(&bytes);
    }

    #[test]
    fn clusters_learn_from_any_text(texts in proptest::collection::vec("\\PC{0,80}", 0..6)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let c = WordClusters::learn(&refs, &[], &ClusterConfig::default(), "");
        let back = WordClusters::from_bytes(&c.to_bytes());
        prop_assert!(back.is_ok());
    }

    #[test]
    fn name_like_text(words in proptest::collection::vec("[A-Z][a-z]{0,8}|[a-z]{1,8}|[.,\"']|[0-9]{1,4}", 0..40)) {
        check(&words.join(" "), false);
    }
}

#[test]
fn finds_names_in_news_text() {
    let text = "Officials in Nairobi said on Monday that Wanjiru Kamau, the head of the Kenya Wildlife Service, \
                had resigned. Kamau told reporters she would return to Mombasa.";
    let tokens = Tokenizer::new().tokens(text);
    let spans = NerModel::bundled().predict(&tokens, &[], &[]);
    let found: Vec<(String, Label)> = spans
        .iter()
        .map(|s| {
            (
                text[tokens[s.tokens.start].span.start..tokens[s.tokens.end - 1].span.end]
                    .to_string(),
                s.label,
            )
        })
        .collect();
    assert!(
        found.contains(&("Wanjiru Kamau".to_string(), Label::Person)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(t, l)| t == "Nairobi" && *l == Label::Loc),
        "{found:?}"
    );
}
