//! JSON Lines input: good records, and each kind of bad record reported
//! with its file, line and byte offset while the rest are still read.

use dateline_parse::{Error, InputOptions, Parser, Record};

fn read(
    input: &[u8],
    opts: &InputOptions,
) -> Vec<Result<dateline_parse::Document, dateline_parse::RecordError>> {
    dateline_parse::read_jsonl(input, "in.jsonl", opts)
}

#[test]
fn bad_records_are_reported_and_the_rest_read() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"a\",\"text\":\"First article.\"}\n"); // line 1
    input.extend_from_slice(b"\n"); // line 2: blank, skipped
    let line3 = input.len();
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"unterminated}\n"); // line 3
    let line4 = input.len();
    input.extend_from_slice(b"{\"id\":\"c\",\"text\":\"bad \xff byte\"}\n"); // line 4
    let line5 = input.len();
    input.extend_from_slice(b"{\"id\":\"d\",\"body\":\"no text field\"}\n"); // line 5
    input.extend_from_slice(b"{\"text\":\"No id here.\"}\n"); // line 6
    input.extend_from_slice(b"[1,2]\n"); // line 7
    input.extend_from_slice(b"{\"text\":\"x\",\"date\":\"yesterday\"}\n"); // line 8
    input.extend_from_slice(b"{\"text\":\"x\",\"title\":7}"); // line 9, no final newline
    let out = read(&input, &InputOptions::default());
    assert_eq!(out.len(), 8);

    assert_eq!(out[0].as_ref().unwrap().id, "a");
    let e = out[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.offset), (Some(3), Some(line3)));
    assert!(matches!(e.error, Error::Json { .. }));
    assert!(
        e.to_string()
            .starts_with("in.jsonl:3: malformed JSON at column "),
        "{e}"
    );

    let e = out[2].as_ref().unwrap_err();
    assert_eq!((e.line, e.offset), (Some(4), Some(line4)));
    let bad = line4 + input[line4..].iter().position(|&b| b == 0xff).unwrap();
    assert_eq!(
        e.to_string(),
        format!("in.jsonl:4: invalid UTF-8 at byte {bad}")
    );

    let e = out[3].as_ref().unwrap_err();
    assert_eq!((e.line, e.offset), (Some(5), Some(line5)));
    assert_eq!(
        e.to_string(),
        "in.jsonl:5: record has no string field \"text\""
    );

    // Without an id, the record is named by its place.
    assert_eq!(out[4].as_ref().unwrap().id, "in.jsonl:6");
    assert_eq!(
        out[5].as_ref().unwrap_err().to_string(),
        "in.jsonl:7: malformed JSON at column 1: expected a JSON object"
    );
    assert_eq!(
        out[6].as_ref().unwrap_err().to_string(),
        "in.jsonl:8: invalid date: \"yesterday\" is not a date"
    );
    assert_eq!(
        out[7].as_ref().unwrap_err().to_string(),
        "in.jsonl:9: invalid title: expected a string"
    );
}

#[test]
fn size_limits_are_reported() {
    let opts = InputOptions::default().max_bytes(10);
    let long = "x".repeat(11);
    let input = format!("{{\"text\":\"{long}\"}}\n{{\"text\":\"short\"}}\n");
    let out = read(input.as_bytes(), &opts);
    assert_eq!(
        out[0].as_ref().unwrap_err().to_string(),
        "in.jsonl:1: input of 11 bytes exceeds the limit of 10 bytes"
    );
    assert!(out[1].is_ok());

    // A line too long to buffer is skipped without being held, then reading goes on.
    let mut opts = InputOptions::default();
    opts.max_line_bytes = 32;
    let input = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
        "y".repeat(100)
    );
    let out = read(input.as_bytes(), &opts);
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[0].as_ref().unwrap_err().to_string(),
        "in.jsonl:1: record of 111 bytes exceeds the limit of 32 bytes"
    );
    assert_eq!(out[1].as_ref().unwrap().id, "in.jsonl:2");

    let err = Parser::new().max_bytes(3).parse("id", "four").unwrap_err();
    assert_eq!(
        err.to_string(),
        "input of 4 bytes exceeds the limit of 3 bytes"
    );
}

#[test]
fn text_files_too_large_or_not_utf8() {
    let opts = InputOptions::default().max_bytes(8);
    let e = dateline_parse::read_text_from("t", &b"0123456789abc"[..], "t.txt", &opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.txt: input exceeds the limit of 8 bytes (the rest was not read)"
    );
    let e = dateline_parse::read_text("t", b"ok \xc3(".to_vec(), "t.txt", &InputOptions::default())
        .unwrap_err();
    assert_eq!(e.to_string(), "t.txt: invalid UTF-8 at byte 3");
    assert_eq!(e.offset, Some(3));
}

#[test]
fn record_fields() {
    let r = Record::from_json(
        r#"{"id": 42, "title": "T", "date": "2019-04-18T14:02:00Z", "url": null, "body": "B"}"#,
        "body",
    )
    .unwrap();
    assert_eq!(r.id.as_deref(), Some("42"));
    assert_eq!(r.date.unwrap().to_string(), "2019-04-18");
    assert_eq!((r.url, r.text.as_str()), (None, "B"));
    let r = Record::from_json(r#"{"text": "x", "date": "July 19, 2018"}"#, "text").unwrap();
    assert_eq!(r.date.unwrap().to_string(), "2018-07-19");
}

#[test]
fn directories_are_read_sorted_and_streamed() {
    let dir = std::env::temp_dir().join(format!("dateline-parse-it-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Second headline here\n\nBody.\n").unwrap();
    std::fs::write(
        dir.join("a.jsonl"),
        "{\"id\":\"j1\",\"text\":\"One.\"}\nnot json\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/c.ndjson"),
        "{\"id\":\"j2\",\"text\":\"Two.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("ignored.md"), "# not an article").unwrap();
    let got: Vec<String> = dateline_parse::documents(&dir, &InputOptions::default())
        .map(|r| match r {
            Ok(d) => d.id,
            Err(e) => format!("error {}", e.line.unwrap()),
        })
        .collect();
    assert_eq!(got, ["j1", "error 2", "b", "j2"]);
    let missing = dateline_parse::read_path(&dir.join("nope.txt"), &InputOptions::default());
    let e = missing[0].as_ref().unwrap_err().to_string();
    assert!(
        e.starts_with(&format!("{}: ", dir.join("nope.txt").display()))
            && e.matches("nope.txt").count() == 1,
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn byte_order_marks_are_skipped() {
    let out = read(
        b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"\xEF\xBB\xBFA headline here\\n\\nBody.\"}\n",
        &InputOptions::default(),
    );
    let doc = out[0].as_ref().unwrap();
    assert_eq!(doc.title.as_deref(), Some("A headline here"));
    let e = read(b"\xEF\xBB\xBF{\"text\":\"\xff\"}", &InputOptions::default())
        .pop()
        .unwrap()
        .unwrap_err();
    assert_eq!(e.to_string(), "in.jsonl:1: invalid UTF-8 at byte 12");
}

#[test]
fn too_large_text_file_is_not_read() {
    let dir = std::env::temp_dir().join(format!("dateline-parse-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    std::fs::write(&path, "x".repeat(100)).unwrap();
    let out = dateline_parse::read_path(&path, &InputOptions::default().max_bytes(50));
    let e = out[0].as_ref().unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: input of 100 bytes exceeds the limit of 50 bytes",
            path.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
