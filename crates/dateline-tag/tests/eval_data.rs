//! The bundled gold sets read completely, with the sizes their sources state.

#![allow(clippy::unwrap_used)] // test helpers: a failure is a test failure

use dateline_tag::eval::read_conll;

fn entities(path: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(format!("{}/eval-data/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let s = read_conll(&text).unwrap();
    (s.len(), s.iter().map(|s| s.entities.len()).sum())
}

#[test]
fn wikigold_counts() {
    assert_eq!(entities("wikigold/wikigold.conll.txt"), (1696, 3558));
}

#[test]
fn uner_pud_counts() {
    assert_eq!(entities("uner_en_pud/en_pud-ud-test.iob2"), (1000, 1075));
}

#[test]
fn uner_ewt_counts() {
    assert_eq!(entities("uner_en_ewt/en_ewt-ud-test.iob2"), (2077, 1088));
}

#[test]
fn uner_ewt_dev_counts() {
    assert_eq!(entities("uner_en_ewt/en_ewt-ud-dev.iob2"), (2001, 966));
}
