//! The `dateline tokens` and `dateline sentences` command lines: JSON fields,
//! plain-text output, `--plain` input, and error reporting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/corpus/seeds/000_61d203704fab0176.txt")
}

fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

const TEXT: &str = "Mr. Smith paid $5,000 in the U.S. It worked.\n";

#[test]
fn tokens_json_fields_and_spans() {
    let out = dateline(&["tokens", "--json", "--plain", "-"], TEXT.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let rec = &lines[0];
    assert_eq!(keys(rec), ["id", "sentences", "tokens"]);
    let sentences = rec["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(keys(&sentences[0]), ["end", "start"]);
    let tokens = rec["tokens"].as_array().unwrap();
    assert_eq!(
        keys(&tokens[0]),
        ["end", "kind", "norm", "start", "stem", "text"]
    );
    for t in tokens {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&TEXT[s..e], t["text"].as_str().unwrap());
    }
    let shown: Vec<(&str, &str)> = tokens
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Mr.", "abbreviation"),
            ("Smith", "word"),
            ("paid", "word"),
            ("$5,000", "money"),
            ("in", "word"),
            ("the", "word"),
            ("U.S.", "abbreviation"),
            ("It", "word"),
            ("worked", "word"),
            (".", "punct"),
        ]
    );
    assert_eq!(tokens[8]["stem"], "work");
    assert_eq!(tokens[1]["norm"], "smith");
}

#[test]
fn sentences_plain_text_one_per_line() {
    let out = dateline(&["sentences", "--plain", "-"], TEXT.as_bytes());
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Mr. Smith paid $5,000 in the U.S.\nIt worked.\n"
    );
}

#[test]
fn sentences_json_on_an_article() {
    let path = seed();
    let text = std::fs::read_to_string(&path).unwrap();
    let out = dateline(&["sentences", "--json", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(keys(&lines[0]), ["id", "sentences"]);
    assert_eq!(lines[0]["id"], "000_61d203704fab0176");
    let sentences = lines[0]["sentences"].as_array().unwrap();
    assert!(sentences.len() > 10);
    for s in sentences {
        assert_eq!(keys(s), ["end", "start", "text"]);
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        // The title has no final period and stays its own sentence.
        assert!(!s["text"].as_str().unwrap().contains("elections\n"));
    }
    assert_eq!(
        sentences[0]["text"],
        "Trump said he would not tolerate foreign interference in elections"
    );
}

#[test]
fn missing_file_is_reported_and_exits_1() {
    let out = dateline(&["tokens", "no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: "), "{err}");
}
