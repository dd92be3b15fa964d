//! The gold sets of the data directory read completely, with the sizes their
//! sources state.

#![allow(clippy::unwrap_used)] // test helpers: a failure is a test failure

use dateline_data::{DataSet, sets};
use dateline_tag::eval::read_conll;

/// Sentences and entities of `set`, checked against `expected`; skipped
/// (with a visible line) when the data directory lacks the set.
fn check_counts(test: &str, set: &DataSet, expected: (usize, usize)) {
    let Some(text) = dateline_data::read_for_test(test, set) else {
        return;
    };
    let s = read_conll(&text).unwrap();
    let found = (s.len(), s.iter().map(|s| s.entities.len()).sum());
    assert_eq!(found, expected, "{}", set.name);
}

#[test]
fn wikigold_counts() {
    check_counts("wikigold_counts", &sets::WIKIGOLD, (1696, 3558));
}

#[test]
fn uner_pud_counts() {
    check_counts("uner_pud_counts", &sets::UNER_PUD, (1000, 1075));
}

#[test]
fn uner_ewt_counts() {
    check_counts("uner_ewt_counts", &sets::UNER_EWT_TEST, (2077, 1088));
}

#[test]
fn uner_ewt_dev_counts() {
    check_counts("uner_ewt_dev_counts", &sets::UNER_EWT_DEV, (2001, 966));
}
