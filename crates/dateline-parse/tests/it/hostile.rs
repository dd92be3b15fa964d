//! Hostile and clumsy input: endless streams, symbolic link loops, FIFOs,
//! colliding ids, UTF-16, unpaired surrogates, old Mac line endings.

use std::io::Read;
use std::path::{Path, PathBuf};

use dateline_parse::{Error, InputOptions, Parser, Record};

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ids(path: &Path) -> Vec<String> {
    dateline_parse::documents(path, &InputOptions::default())
        .map(|r| match r {
            Ok(d) => d.id,
            Err(e) => format!("error {e}"),
        })
        .collect()
}

#[test]
fn an_endless_stream_stops_at_the_limit() {
    let opts = InputOptions::default().max_bytes(1000);
    // `std::io::repeat` never ends: reading it to the end would never return.
    let e =
        dateline_parse::read_text_from("z", std::io::repeat(0), "/dev/zero", &opts).unwrap_err();
    assert!(
        matches!(e.error, Error::TooLargeStream { limit: 1000 }),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "/dev/zero: input exceeds the limit of 1000 bytes (the rest was not read)"
    );
    let e = dateline_parse::read_stdin_text(std::io::repeat(b'y'), "-", &opts).unwrap_err();
    assert!(matches!(e.error, Error::TooLargeStream { .. }));
}

#[test]
fn an_endless_line_ends_the_jsonl_input() {
    let opts = InputOptions::default().max_bytes(1000);
    let endless = std::io::BufReader::new(std::io::repeat(b'x'));
    let out: Vec<_> = dateline_parse::JsonlRecords::new(endless, "-", &opts).collect();
    assert_eq!(out.len(), 1);
    let e = out[0].as_ref().unwrap_err();
    assert!(matches!(e.error, Error::EndlessRecord { .. }), "{e}");
    // A long line that does end is skipped and the next record read.
    let long = format!(
        "{}\n{{\"id\":\"ok\",\"text\":\"Fine.\"}}\n",
        "x".repeat(100_000)
    );
    let out = dateline_parse::read_jsonl(long.as_bytes(), "in.jsonl", &opts);
    assert!(matches!(
        out[0].as_ref().unwrap_err().error,
        Error::RecordTooLarge { .. }
    ));
    assert_eq!(out[1].as_ref().unwrap().id, "ok");
}

#[test]
fn ids_come_from_the_path_inside_the_directory() {
    let dir = temp_dir("ids");
    std::fs::create_dir_all(dir.join("2018")).unwrap();
    std::fs::create_dir_all(dir.join("2019")).unwrap();
    std::fs::write(dir.join("2018/article.txt"), "One.").unwrap();
    std::fs::write(dir.join("2019/article.txt"), "Two.").unwrap();
    std::fs::write(dir.join("article.TXT"), "Three.").unwrap();
    std::fs::write(dir.join("feed.JSONL"), "{\"text\":\"Four.\"}\n").unwrap();
    std::fs::write(dir.join("2019/feed.ndjson"), "{\"text\":\"Five.\"}\n").unwrap();
    assert_eq!(
        ids(&dir),
        [
            "2018/article",
            "2019/article",
            "2019/feed.ndjson:1",
            "article",
            "feed.JSONL:1"
        ]
    );
    // A file named directly keeps its stem.
    assert_eq!(ids(&dir.join("2018/article.txt")), ["article"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_record_without_id_is_named_the_same_however_its_file_is_spelled() {
    let dir = temp_dir("noid");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("noid.jsonl"), "{\"text\":\"No id.\"}\n").unwrap();
    let spellings = [
        dir.join("noid.jsonl"),
        dir.join(".").join("noid.jsonl"),
        dir.join("sub/../noid.jsonl"),
    ];
    for p in &spellings {
        assert_eq!(ids(p), ["noid.jsonl:1"], "{}", p.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_records_without_ids_are_named_by_their_content() {
    let opts = InputOptions::default();
    let input = b"{\"text\":\"First.\"}\n{\"text\":\"Second.\"}\n{\"text\":\"First.\"}\n";
    let out = dateline_parse::read_jsonl(&input[..], "-", &opts);
    let ids: Vec<&str> = out
        .iter()
        .map(|r| r.as_ref().unwrap().id.as_str())
        .collect();
    assert!(ids[0].starts_with("stdin-"), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2], "same content, same id");
    let a = dateline_parse::read_stdin_text(&b"An article."[..], "-", &opts).unwrap();
    let b = dateline_parse::read_stdin_text(&b"Another article."[..], "-", &opts).unwrap();
    assert_ne!(a.id, b.id);
    assert_eq!(a.id, dateline_parse::content_id(b"An article."));
}

#[test]
fn numeric_ids_keep_their_exact_text() {
    let big = "123456789012345678901234567890";
    let r = Record::from_json(&format!("{{\"id\": {big}, \"text\": \"x\"}}"), "text").unwrap();
    assert_eq!(r.id.as_deref(), Some(big));
    let other = "123456789012345678901234567891";
    let r2 = Record::from_json(&format!("{{\"id\": {other}, \"text\": \"x\"}}"), "text").unwrap();
    assert_ne!(r.id, r2.id);
    let r = Record::from_json("{\"id\": 1.50, \"text\": \"x\"}", "text").unwrap();
    assert_eq!(r.id.as_deref(), Some("1.50"));
    let r = Record::from_json("{\"id\": 42, \"text\": \"x\"}", "text").unwrap();
    assert_eq!(r.id.as_deref(), Some("42"));
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_read_once() {
    let dir = temp_dir("loop");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "One.").unwrap();
    std::fs::write(dir.join("sub/b.txt"), "Two.").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("self")).unwrap();
    let mut docs = dateline_parse::documents(&dir, &InputOptions::default());
    let mut got = Vec::new();
    let mut warnings = Vec::new();
    for r in docs.by_ref() {
        got.push(r.unwrap().id);
    }
    warnings.extend(docs.warnings().map(|w| w.to_string()));
    assert_eq!(got, ["a", "sub/b"]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("already read"), "{warnings:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn fifos_in_a_directory_are_skipped() {
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.txt"), "One.").unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    // Reading the FIFO would block forever: nobody writes to it.
    let mut docs = dateline_parse::documents(&dir, &InputOptions::default());
    let got: Vec<String> = docs.by_ref().map(|r| r.unwrap().id).collect();
    assert_eq!(got, ["a"]);
    let warnings: Vec<String> = docs.warnings().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("pipe.txt: not a regular file"),
        "{warnings:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn utf16_text_is_decoded_and_utf16_jsonl_is_named() {
    let text = "Headline here\n\nBody text, with «quotes» and 😀.\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    let mut bare = Vec::new();
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
        bare.extend_from_slice(&u.to_le_bytes());
    }
    for bytes in [le.clone(), be, bare] {
        let doc = dateline_parse::read_text("u", bytes, "u.txt", &InputOptions::default()).unwrap();
        assert_eq!(doc.text, text);
    }
    let mut lone = vec![0xFF, 0xFE, b'a', 0];
    lone.extend_from_slice(&0xD800u16.to_le_bytes());
    lone.extend_from_slice(&[b'b', 0]);
    let e = dateline_parse::read_text("u", lone, "u.txt", &InputOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "u.txt: invalid UTF-16 at byte 4");
    let out = dateline_parse::read_jsonl(&le[..], "u.jsonl", &InputOptions::default());
    assert_eq!(out.len(), 1);
    let e = out[0].as_ref().unwrap_err();
    assert!(matches!(e.error, Error::Utf16Jsonl), "{e}");
    assert!(e.to_string().contains("UTF-16"));
}

#[test]
fn an_unpaired_surrogate_escape_is_named() {
    let e = Record::from_json(r#"{"text": "a \ud800 b"}"#, "text").unwrap_err();
    assert!(
        e.to_string().contains("unpaired surrogate escape \\ud800"),
        "{e}"
    );
    let e = Record::from_json(r#"{"text": "a \udc00 b"}"#, "text").unwrap_err();
    assert!(e.to_string().contains("unpaired surrogate"), "{e}");
    // A proper pair is fine.
    let r = Record::from_json(r#"{"text": "a \ud83d\ude00 b"}"#, "text").unwrap();
    assert_eq!(r.text, "a 😀 b");
}

#[test]
fn old_mac_line_endings_split_paragraphs() {
    let cr = "A headline here\r\rThe first paragraph ends here.\r\rThe second one ends here.\r";
    let lf = cr.replace('\r', "\n");
    let a = Parser::new().parse("cr", cr).unwrap();
    let b = Parser::new().parse("lf", lf.as_str()).unwrap();
    let spans = |d: &dateline_parse::Document| -> Vec<(String, dateline_parse::Span)> {
        d.blocks
            .iter()
            .map(|b| (b.kind.as_str().to_string(), b.span))
            .collect()
    };
    assert_eq!(spans(&a), spans(&b));
    assert_eq!(a.blocks.len(), 3);
    // Windows line endings are unchanged.
    let crlf = lf.replace('\n', "\r\n");
    let c = Parser::new().parse("crlf", crlf).unwrap();
    assert_eq!(c.blocks.len(), 3);
}

#[test]
fn reading_stops_early_on_a_read_error() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let e = dateline_parse::read_text_from("f", Failing, "f.txt", &InputOptions::default())
        .unwrap_err();
    assert!(e.to_string().contains("disk on fire"));
}
