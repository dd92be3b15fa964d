//! The `dateline index` and `dateline search` command lines: building and
//! extending an index, bad records skipped and reported, JSON and readable
//! output, and exit code 2 for a malformed query.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const ARTICLES: &str = concat!(
    r#"{"id": "a1", "title": "Bolton meets Patrushev in Geneva", "date": "2018-08-23", "text": "Bolton meets Patrushev in Geneva\n\nThe national security adviser John Bolton met Nikolai Patrushev in Geneva on Thursday."}"#,
    "\n",
    r#"{"id": "a2", "title": "Election security", "date": "2018-07-19", "text": "Election security\n\nOfficials warned about foreign interference in the elections."}"#,
    "\n",
    "this line is not JSON\n",
);

#[test]
fn index_then_search_with_json_output() {
    let dir = temp_dir("search-cli");
    let input = dir.join("articles.jsonl");
    std::fs::write(&input, ARTICLES).unwrap();
    let index = dir.join("index");
    let out = dateline(&[
        "index",
        input.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    // The bad record is reported with its line and skipped; the others are kept.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(":3"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("indexed 2 documents"),
        "{}",
        stderr(&out)
    );
    assert!(index.join("dateline.idx").exists());

    let out = dateline(&[
        "search",
        "geneva OR interference",
        "--index",
        index.to_str().unwrap(),
        "--json",
        "--facets",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 4);
    for k in ["query", "total", "hits", "facets"] {
        assert!(keys.contains(&k), "{keys:?}");
    }
    assert_eq!(v["query"], "geneva OR interference");
    assert_eq!(v["total"], 2);
    let hit = &v["hits"][0];
    let mut hit_keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    hit_keys.sort();
    assert_eq!(
        hit_keys,
        ["date", "highlights", "id", "score", "snippet", "title"]
    );
    let snippet = hit["snippet"].as_str().unwrap();
    for h in hit["highlights"].as_array().unwrap() {
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        let word = snippet[s..e].to_lowercase();
        assert!(word == "geneva" || word == "interference", "{word}");
    }
    assert_eq!(v["facets"]["months"][0]["month"], "2018-07");

    // Extending the index keeps what was there.
    let more = dir.join("more.jsonl");
    std::fs::write(
        &more,
        r#"{"id": "a3", "title": "Geneva talks", "date": "2019-01-02", "text": "Geneva talks\n\nMore talks in Geneva."}"#,
    )
    .unwrap();
    let out = dateline(&[
        "index",
        more.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = dateline(&[
        "search",
        "geneva",
        "--index",
        index.to_str().unwrap(),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["facets"], serde_json::Value::Null);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn malformed_query_exits_2_with_position() {
    let out = dateline(&["search", "bolton AND (", "--index", "/nonexistent"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("at position 13"), "{err}");
    assert!(err.contains("expected"), "{err}");
}

#[test]
fn damaged_index_is_a_clear_error() {
    let dir = temp_dir("search-cli-damaged");
    std::fs::write(dir.join("dateline.idx"), b"DTLINDEX\x01\x00\x00\x00").unwrap();
    let out = dateline(&["search", "geneva", "--index", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("truncated index"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bundled_corpus_search_is_readable() {
    let out = dateline(&[
        "search",
        "+interference election",
        "--limit",
        "2",
        "--facets",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("match +interference election"), "{text}");
    assert!(text.contains("  1. "), "{text}");
    assert!(
        text.contains("[interference]") || text.contains("[Interference]"),
        "{text}"
    );
    assert!(text.contains("Articles per month"), "{text}");
}
