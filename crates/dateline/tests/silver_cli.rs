//! `dateline train silver`: deterministic output that the training reader
//! reads, evaluation sentences left out, clear errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dateline_tag::eval::read_conll;

/// The Wikinews 2019-2021 records of the data directory, or `None` (skipped).
fn corpus(test: &str) -> Option<PathBuf> {
    dateline_data::for_test(test, &dateline_data::sets::WIKINEWS_2019_2021)
}

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("silver_cli_{name}"))
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `train silver` on the Wikinews records; `None` when the data
/// directory lacks them (the test is skipped).
fn silver(test: &str, out: &Path, extra: &[&str]) -> Option<String> {
    let corpus = corpus(test)?;
    let mut args = vec![
        "train",
        "silver",
        "--corpus",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--max-sentences",
        "150",
    ];
    args.extend_from_slice(extra);
    let o = dateline(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(std::fs::read_to_string(out).unwrap())
}

#[test]
fn output_is_deterministic_and_reads_back() {
    let test = "output_is_deterministic_and_reads_back";
    let Some(a) = silver(test, &tmp("a.iob2"), &[]) else {
        return;
    };
    let b = silver(test, &tmp("b.iob2"), &[]).unwrap();
    assert_eq!(a, b);
    assert!(a.contains("licensed under CC BY 2.5"));
    let sentences = read_conll(&a).unwrap();
    assert_eq!(sentences.len(), 150);
    for s in &sentences {
        assert!(!s.entities.is_empty(), "{:?}", s.tokens);
        assert!(s.tokens.len() >= 6);
        for (_, label) in &s.entities {
            assert!(["PER", "ORG", "LOC", "MISC"].contains(&label.as_str()));
        }
    }
    // Sentences are grouped by article.
    assert!(sentences.last().unwrap().doc > 0);
    assert!(
        sentences
            .iter()
            .all(|s| s.doc_id.starts_with("wikinews-en:"))
    );
}

#[test]
fn sentences_of_excluded_sets_are_left_out() {
    let test = "sentences_of_excluded_sets_are_left_out";
    let Some(all) = silver(test, &tmp("c.iob2"), &[]) else {
        return;
    };
    let first = read_conll(&all).unwrap()[0].clone();
    let gold: String = first
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\t{t}\tO\n", i + 1))
        .collect();
    let excluded = tmp("excluded.iob2");
    std::fs::write(&excluded, gold).unwrap();
    let out = silver(
        test,
        &tmp("d.iob2"),
        &["--exclude", excluded.to_str().unwrap()],
    )
    .unwrap();
    let kept = read_conll(&out).unwrap();
    assert_eq!(kept.len(), 150);
    assert!(kept.iter().all(|s| s.tokens != first.tokens));
}

#[test]
fn a_missing_corpus_is_an_error() {
    let out = tmp("missing.iob2");
    // An explicit, empty exclusion list: the test needs no data directory.
    let none = tmp("exclude-nothing.iob2");
    std::fs::write(&none, "").unwrap();
    let o = dateline(&[
        "train",
        "silver",
        "--corpus",
        "/nonexistent/corpus.jsonl",
        "--exclude",
        none.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nonexistent"));
}
