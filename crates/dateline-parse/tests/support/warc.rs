//! Writes the WARC archive the HTML tests read, from the project's own
//! fixture page (`tests/fixtures/html/harbour.html`) and a few short
//! records: eight records of every kind a crawl holds, three of which
//! become documents. Built at test time, so the repository keeps no
//! archive it did not write as text.
//!
//! The records, in order (ids `urn:uuid:00000000-0000-4000-8000-00000000000N`):
//! 1. `warcinfo`;
//! 2. `request` for the harbour page;
//! 3. `response` with the harbour page (HTTP 200, UTF-8);
//! 4. `response` HTTP 301;
//! 5. `response` with a PNG image;
//! 6. `response` with a page in windows-1252 that only the HTTP header names;
//! 7. `resource` with plain text;
//! 8. `metadata`.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

const HARBOUR_URI: &str = "https://courier.example/news/2024/03/14/harbour-bridge-reopens";

/// The cafés page, in windows-1252: `é` is the one byte 0xE9, and only the
/// HTTP header says so.
fn cafes_page() -> Vec<u8> {
    let text = "<html><head><title>Caf&eacute; owners rally</title></head><body>\n\
<h1>Caf&eacute; owners rally against rent rise</h1>\n\
<p>Owners of the old town's cafés met on Monday to protest against a planned rent rise that they say \
would close half of them before the winter season begins.</p>\n\
<p>The city said the new rents were fair and matched those of comparable districts, and it promised \
to meet the owners again next week to discuss the details.</p>\n\
</body></html>\n";
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect()
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// One WARC record: version line, named fields, a blank line, the block and
/// the two CRLFs that end a record.
fn record(kind: &str, n: u32, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         WARC-Date: 2024-03-14T09:00:00Z\r\n"
    );
    if let Some(uri) = uri {
        head.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    head.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut out = head.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The archive's records, each as its own byte string.
pub(crate) fn records() -> Vec<Vec<u8>> {
    // The same path from this crate's tests and from those that include
    // this file from another crate.
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../dateline-parse/tests/fixtures/html");
    let harbour = std::fs::read(fixtures.join("harbour.html")).unwrap();
    let response = "application/http; msgtype=response";
    vec![
        record(
            "warcinfo",
            1,
            None,
            "application/warc-fields",
            b"software: hand-written fixture\r\nformat: WARC File Format 1.1\r\n",
        ),
        record(
            "request",
            2,
            Some(HARBOUR_URI),
            "application/http; msgtype=request",
            b"GET /news/2024/03/14/harbour-bridge-reopens HTTP/1.1\r\nHost: courier.example\r\n\r\n",
        ),
        record(
            "response",
            3,
            Some(HARBOUR_URI),
            response,
            &http("200 OK", "text/html; charset=utf-8", &harbour),
        ),
        record(
            "response",
            4,
            Some("https://courier.example/old"),
            response,
            &http(
                "301 Moved Permanently",
                "text/html",
                b"<a href=\"/new\">moved</a>",
            ),
        ),
        record(
            "response",
            5,
            Some("https://courier.example/bridge.png"),
            response,
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ),
        record(
            "response",
            6,
            Some("https://gazette.example/cafes"),
            response,
            &http("200 OK", "text/html; charset=windows-1252", &cafes_page()),
        ),
        record(
            "resource",
            7,
            Some("file:///notes/ferry.txt"),
            "text/plain",
            b"Ferry timetable change\n\nThe weekend ferry will keep running through the summer, \
              the operator said on Friday.\n",
        ),
        record(
            "metadata",
            8,
            Some(HARBOUR_URI),
            "application/warc-fields",
            b"via: fixture\r\n",
        ),
    ]
}

/// The archive, uncompressed.
pub(crate) fn plain() -> Vec<u8> {
    records().concat()
}

/// The archive as Common Crawl writes it: one gzip member per record.
pub(crate) fn gzipped() -> Vec<u8> {
    let mut out = Vec::new();
    for r in records() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&r).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}

/// A fresh directory holding `pages.warc` and `pages.warc.gz`; removed
/// when the value is dropped.
pub(crate) struct Archives {
    pub(crate) dir: PathBuf,
}

impl Archives {
    pub(crate) fn new(name: &str) -> Archives {
        let dir = std::env::temp_dir().join(format!("dateline-warc-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("pages.warc"), plain()).unwrap();
        std::fs::write(dir.join("pages.warc.gz"), gzipped()).unwrap();
        Archives { dir }
    }

    pub(crate) fn plain(&self) -> PathBuf {
        self.dir.join("pages.warc")
    }

    pub(crate) fn gzipped(&self) -> PathBuf {
        self.dir.join("pages.warc.gz")
    }
}

impl Drop for Archives {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
