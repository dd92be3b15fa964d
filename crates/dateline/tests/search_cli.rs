//! The `dateline index` and `dateline search` command lines: building and
//! extending an index, bad records skipped and reported, JSON and readable
//! output, and exit code 2 for a malformed query.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

mod common;
use common::{dateline, stderr, stdout, temp_dir};

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
    let out = common::index(&input, &index, &[]);
    // The bad record is reported with its line and skipped; the others are kept.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(":3"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("indexed 2 documents"),
        "{}",
        stderr(&out)
    );
    assert!(index.join("meta.json").exists());

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
    let out = common::index(&more, &index, &[]);
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
fn damaged_and_old_indexes_are_clear_errors() {
    let dir = temp_dir("search-cli-damaged");
    // The earlier single-file format: rebuild.
    std::fs::write(dir.join("dateline.idx"), b"DTLINDEX\x01\x00\x00\x00").unwrap();
    for args in [
        &["search", "geneva", "--index"][..],
        &["index", "-", "--index"][..],
    ] {
        let mut args = args.to_vec();
        args.push(dir.to_str().unwrap());
        let out = dateline(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("earlier format"), "{}", stderr(&out));
        assert!(stderr(&out).contains("rebuild"), "{}", stderr(&out));
    }
    // A damaged commit point.
    std::fs::remove_file(dir.join("dateline.idx")).unwrap();
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    let out = dateline(&["search", "geneva", "--index", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot open the index"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Starts `dateline index - --index DIR …` reading articles from a pipe;
/// it holds the writer lock until its input ends.
fn index_from_pipe(index: &std::path::Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["index", "-", "--jsonl", "--index", index.to_str().unwrap()])
        .args(extra)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_for_lock(index: &std::path::Path) {
    // The writer lock is taken right after the directory is set up.
    for _ in 0..200 {
        if index.join("meta.json").exists() {
            std::thread::sleep(std::time::Duration::from_millis(200));
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the first writer never started");
}

#[test]
fn a_second_writer_is_refused_or_waits_and_no_documents_are_lost() {
    use std::io::Write as _;
    let dir = temp_dir("search-cli-lock");
    let index = dir.join("index");
    let first = r#"{"id": "w1", "text": "First writer\n\nGeneva talks."}"#;
    let second = r#"{"id": "w2", "text": "Second writer\n\nGeneva talks again."}"#;
    std::fs::write(dir.join("second.jsonl"), second).unwrap();
    let second_path = dir.join("second.jsonl");

    let mut holder = index_from_pipe(&index, &[]);
    wait_for_lock(&index);
    // Refused with a clear error while the first one writes.
    let out = common::index(&second_path, &index, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("another process"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--wait"), "{}", stderr(&out));
    // With --wait it waits, then adds its documents to the first one's.
    let waiting = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "index",
            second_path.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--wait",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let mut stdin = holder.stdin.take().unwrap();
    writeln!(stdin, "{first}").unwrap();
    drop(stdin);
    let held = holder.wait_with_output().unwrap();
    assert_eq!(held.status.code(), Some(0), "{}", stderr(&held));
    let waited = waiting.wait_with_output().unwrap();
    assert_eq!(waited.status.code(), Some(0), "{}", stderr(&waited));
    let out = dateline(&[
        "search",
        "geneva",
        "--index",
        index.to_str().unwrap(),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["total"], 2, "{v}");
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

#[test]
fn a_killed_writer_leaves_the_last_commit_intact() {
    use std::io::Write as _;
    let dir = temp_dir("search-cli-killed");
    let index = dir.join("index");
    let input = dir.join("articles.jsonl");
    std::fs::write(&input, ARTICLES).unwrap();
    let out = common::index(&input, &index, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // A second run is killed while it indexes (before its commit).
    let mut writer = index_from_pipe(&index, &[]);
    wait_for_lock(&index);
    let mut stdin = writer.stdin.take().unwrap();
    for i in 0..200 {
        writeln!(
            stdin,
            r#"{{"id": "k{i}", "text": "Killed run\n\nGeneva talks number {i}."}}"#
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    writer.kill().unwrap();
    let _ = writer.wait();
    drop(stdin);
    let out = dateline(&[
        "search",
        "geneva",
        "--index",
        index.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["total"], 1, "{v}");
    // The lock died with the process: the next writer works.
    let out = common::index(&input, &index, &[]);
    assert!(
        stderr(&out).contains("holds 2 documents"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
