//! The `dateline parse` command line: JSON fields, readable output, error
//! reporting as `error: PATH:LINE: …`, and exit codes 0, 1 and 2.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The WARC archive the parse crate's tests write from its own pages.
#[path = "../../dateline-parse/tests/support/warc.rs"]
mod warc;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn dateline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("dateline-parse-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn json_output_of_the_seed_directory() {
    let seeds = corpus().join("seeds");
    let out = dateline(&["parse", seeds.to_str().unwrap(), "--json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 5);
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for (doc, file) in docs.iter().zip(&files) {
        let obj = doc.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut want = vec![
            "id", "title", "site", "date", "url", "blocks", "authors", "language",
        ];
        want.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, want);
        assert_eq!(doc["id"], file.file_stem().unwrap().to_str().unwrap());
        let text = std::fs::read_to_string(file).unwrap();
        for b in doc["blocks"].as_array().unwrap() {
            let mut keys: Vec<&str> = b.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["end", "kind", "reason", "start", "text"]);
            let (start, end) = (
                b["start"].as_u64().unwrap() as usize,
                b["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                b["text"].as_str().unwrap(),
                &text[start..end],
                "byte span into the file"
            );
            let kind = b["kind"].as_str().unwrap();
            assert!(
                [
                    "title",
                    "heading",
                    "paragraph",
                    "caption",
                    "dateline",
                    "boilerplate"
                ]
                .contains(&kind)
            );
            assert_eq!(b["reason"].is_null(), kind == "paragraph");
        }
    }
    assert_eq!(docs[4]["site"], "TOP-NEWS");
    assert_eq!(docs[3]["date"], "2018-07-19");
    assert!(docs[2]["title"].is_null());
}

#[test]
fn bad_records_are_reported_and_exit_1() {
    let dir = temp_dir("bad");
    let path = dir.join("mixed.jsonl");
    std::fs::write(
        &path,
        b"{\"id\":\"good\",\"title\":\"T\",\"url\":\"u\",\"date\":\"2019-01-04\",\"text\":\"Body.\"}\n{oops\n{\"id\":\"x\",\"text\":\"\xff\"}\n{\"id\":\"y\"}\n{\"text\":\"Also good.\"}\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = dateline(&["parse", p, "--json"], None);
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (
            &docs[0]["id"],
            &docs[0]["title"],
            &docs[0]["date"],
            &docs[0]["url"]
        ),
        (
            &"good".into(),
            &"T".into(),
            &"2019-01-04".into(),
            &"u".into()
        )
    );
    // Named by the file name and line, however the path was spelled.
    assert_eq!(docs[1]["id"], "mixed.jsonl:5");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&format!("error: {p}:2: malformed JSON at column ")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("error: {p}:3: invalid UTF-8 at byte ")),
        "{err}"
    );
    assert_eq!(
        lines[2],
        format!("error: {p}:4: record has no string field \"text\"")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_field_and_size_limit_options() {
    let records = b"{\"id\":\"a\",\"body\":\"Short.\"}\n{\"id\":\"b\",\"body\":\"This one is longer than the limit.\"}\n";
    let out = dateline(
        &[
            "parse",
            "-",
            "--jsonl",
            "--text-field",
            "body",
            "--max-bytes",
            "10",
            "--json",
        ],
        Some(records),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    assert_eq!(
        stderr(&out).trim(),
        "error: -:2: input of 34 bytes exceeds the limit of 10 bytes"
    );
}

#[test]
fn stdin_text_article_and_readable_summary() {
    let article = "Home News World Trump meets Putin in Helsinki\n\nTrump meets Putin in Helsinki\n\nPublished: 2019-04-18 14:02\n\nThe two leaders met for five hours on Monday and agreed to meet again, officials said.\n";
    let out = dateline(&["parse", "-", "--json"], Some(article.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    // Named by its content: the same text always gets the same id.
    let id = docs[0]["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("stdin-") && id.len() == 22, "{id}");
    assert_eq!(docs[0]["title"], "Trump meets Putin in Helsinki");
    assert_eq!(docs[0]["date"], "2019-04-18");
    let kinds: Vec<&str> = docs[0]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "boilerplate",
            "title",
            "boilerplate",
            "dateline",
            "paragraph"
        ]
    );

    let out = dateline(&["parse", "-"], Some(article.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "== {id} ==\ntitle: Trump meets Putin in Helsinki\n"
        )),
        "{text}"
    );
    assert!(text.contains("date:  2019-04-18"), "{text}");
    assert!(text.contains("[breadcrumb]"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    let out = dateline(&["parse"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = dateline(&["parse", "x.txt", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = dateline(&["parse", "-", "--max-bytes", "lots"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_file_is_reported_and_exit_1() {
    let out = dateline(&["parse", "/nonexistent/dateline/article.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: /nonexistent/dateline/article.txt: "),
        "{err}"
    );
}

#[test]
fn invalid_utf8_on_stdin_is_reported() {
    let out = dateline(&["parse", "-"], Some(b"Headline\n\nBad \xff byte.\n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "error: -: invalid UTF-8 at byte 14");
    assert!(stdout(&out).is_empty());
}

fn html_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dateline-parse/tests/fixtures/html")
}

#[test]
fn html_pages_and_warc_archives() {
    let page = html_fixtures().join("harbour.html");
    let out = dateline(&["parse", "--json", page.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    let d = &docs[0];
    assert_eq!(d["id"], "harbour");
    assert_eq!(d["title"], "Harbour bridge reopens after two-year repair");
    assert_eq!(
        d["authors"],
        serde_json::json!(["Maren Holt", "Idris Okafor"])
    );
    assert_eq!(d["language"], "en-GB");
    assert_eq!(d["date"], "2024-03-14");
    assert_eq!(d["date_source"], "date line");
    let html = std::fs::read_to_string(&page).unwrap();
    for b in d["blocks"].as_array().unwrap() {
        let (s, e) = (
            b["source_start"].as_u64().unwrap(),
            b["source_end"].as_u64().unwrap(),
        );
        assert!(s <= e && e as usize <= html.len());
    }
    // The readable summary says which source gave the date.
    let out = dateline(&["parse", page.to_str().unwrap()], None);
    assert!(
        stdout(&out).contains("date:  2024-03-14 (from date line)"),
        "{}",
        stdout(&out)
    );
    // A directory mixing text, pages and an archive; the archive's other
    // records are counted on standard error.
    let dir = temp_dir("html-mix");
    std::fs::copy(&page, dir.join("page.HTML")).unwrap();
    std::fs::write(dir.join("crawl.warc.gz"), warc::gzipped()).unwrap();
    std::fs::write(
        dir.join("note.txt"),
        "Ferry news\n\nThe ferry runs on Sundays.\n",
    )
    .unwrap();
    let out = dateline(&["parse", "--json", dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "urn:uuid:00000000-0000-4000-8000-000000000003",
            "urn:uuid:00000000-0000-4000-8000-000000000006",
            "urn:uuid:00000000-0000-4000-8000-000000000007",
            "note",
            "page",
        ]
    );
    assert!(
        stderr(&out).contains(
            "5 WARC records skipped (1 warcinfo, 1 request, 1 HTTP 301, 1 image/png, 1 metadata)"
        ),
        "{}",
        stderr(&out)
    );
    // Every command downstream takes the same inputs.
    for cmd in ["tokens", "sentences", "entities"] {
        let out = dateline(&[cmd, page.to_str().unwrap()], None);
        assert!(out.status.success(), "{cmd}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty(), "{cmd}");
    }
    // A page on standard input, and an archive with ids from its URLs.
    let bytes = std::fs::read(&page).unwrap();
    let out = dateline(&["parse", "--json", "--format", "html", "-"], Some(&bytes));
    assert_eq!(
        json_lines(&out)[0]["title"],
        "Harbour bridge reopens after two-year repair"
    );
    let archive = dir.join("pages.warc");
    std::fs::write(&archive, warc::plain()).unwrap();
    let out = dateline(
        &["parse", "--json", "--id", "url", archive.to_str().unwrap()],
        None,
    );
    assert_eq!(
        json_lines(&out)[0]["id"],
        "https://courier.example/news/2024/03/14/harbour-bridge-reopens"
    );
    // A damaged archive: `error: PATH:BYTE_OFFSET: …`, the rest is read, exit 1.
    let mut bad = warc::plain();
    let at = bad
        .windows(16)
        .position(|w| w == b"Content-Length: ")
        .unwrap();
    bad[at + 16] = b'x';
    let bad_path = dir.join("bad.warc");
    std::fs::write(&bad_path, &bad).unwrap();
    let out = dateline(&["parse", "--json", bad_path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "error: {}:0: WARC: bad Content-Length",
            bad_path.display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}
