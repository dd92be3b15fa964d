//! Reading pages from files: formats by extension or content, gzip with a
//! size limit, and WARC archives record by record.

use std::io::{BufRead, Read};
use std::path::Path;

use flate2::bufread::GzDecoder;

use crate::{Document, Error, InputOptions, RecordError};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// One plain-text article.
    Text,
    /// JSON Lines records.
    Jsonl,
    /// One HTML page.
    Html,
    /// A WARC archive of records.
    Warc,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "html" | "htm" | "xhtml" => Ok(Format::Html),
            "warc" => Ok(Format::Warc),
            _ => Err(format!(
                "unknown format {s:?}: expected text, jsonl, html or warc"
            )),
        }
    }
}

/// The format a file name says (case-insensitive), and whether it is
/// gzip-compressed: `.html`, `.htm`, `.xhtml`, `.warc`, each also `.gz`.
pub fn format_of_path(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s, true),
        None => (name.as_str(), false),
    };
    let ext = stem.rsplit_once('.')?.1;
    let f = match ext {
        "html" | "htm" | "xhtml" => Format::Html,
        "warc" => Format::Warc,
        "txt" if !gz => Format::Text,
        "jsonl" | "ndjson" if !gz => Format::Jsonl,
        _ => return None,
    };
    Some((f, gz))
}

/// The format the first bytes of a (decompressed) file show: `WARC/`, an
/// HTML start, a JSON object, else text.
pub fn sniff(head: &[u8]) -> Format {
    let t = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let t = &t[t
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(t.len())..];
    if t.starts_with(b"WARC/") {
        Format::Warc
    } else if super::looks_like_html(t) {
        Format::Html
    } else if t.starts_with(b"{") {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// True when `head` starts like a gzip member.
pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Reads all of `reader` (gunzipping it when `gz`), keeping at most `limit`
/// bytes: a larger input (or a gzip bomb) stops at the limit with
/// [`Error::TooLarge`] or [`Error::DecompressedTooLarge`].
pub(crate) fn read_limited(reader: impl Read, gz: bool, limit: usize) -> Result<Vec<u8>, Error> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let io = |e: std::io::Error| Error::Decompress {
        message: e.to_string(),
    };
    if gz {
        let mut dec = flate2::read::MultiGzDecoder::new(reader).take(cap);
        dec.read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() > limit {
            return Err(Error::DecompressedTooLarge { limit });
        }
    } else {
        let mut r = reader.take(cap);
        r.read_to_end(&mut bytes).map_err(|e| Error::Io {
            path: String::new(),
            source: e,
        })?;
        if bytes.len() > limit {
            let rest = std::io::copy(&mut r.into_inner(), &mut std::io::sink()).unwrap_or(0);
            let size = bytes
                .len()
                .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
            return Err(Error::TooLarge { size, limit });
        }
    }
    Ok(bytes)
}

/// Reads one HTML page (gzipped when `gz`) and extracts its document.
///
/// # Errors
///
/// A [`RecordError`] for a read failure, a corrupt gzip stream, or a page
/// (after decompression) above the parser's size limit.
pub fn read_html_from(
    id: &str,
    reader: impl Read,
    name: &str,
    gz: bool,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let err = |error| RecordError {
        path: name.to_string(),
        line: None,
        offset: None,
        error,
    };
    let bytes = read_limited(reader, gz, opts.parser.limit()).map_err(|e| match e {
        Error::Io { source, .. } => err(Error::Io {
            path: name.to_string(),
            source,
        }),
        e => err(e),
    })?;
    opts.parser
        .parse_html(id, &bytes, super::PageInfo::default())
        .map_err(err)
}

/// Longest WARC header section accepted, in bytes.
pub const MAX_WARC_HEADER_BYTES: usize = 64 * 1024;

/// Counts of WARC records that gave no document, by type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcSkips {
    /// `(WARC-Type or content type, count)`, in the order first seen.
    pub by_type: Vec<(String, usize)>,
}

impl WarcSkips {
    fn add(&mut self, what: &str) {
        match self.by_type.iter_mut().find(|(k, _)| k == what) {
            Some((_, n)) => *n += 1,
            None => self.by_type.push((what.to_string(), 1)),
        }
    }

    /// Total records skipped.
    pub fn total(&self) -> usize {
        self.by_type.iter().map(|(_, n)| n).sum()
    }
}

impl std::fmt::Display for WarcSkips {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .by_type
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

/// A reader that counts the bytes consumed from it.
#[derive(Debug)]
struct Counted<R> {
    inner: R,
    pos: usize,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt;
        self.inner.consume(amt);
    }
}

/// Streams the documents of a WARC file, plain or gzipped (one gzip member
/// per record, as Common Crawl writes them, or one for the whole file).
///
/// Every `response` or `resource` record whose payload is HTML or text
/// becomes a document (id: the `WARC-Record-ID`, or the target URI with
/// [`WarcRecords::id_from_url`]; url: `WARC-Target-URI`). Other records are
/// counted in [`WarcRecords::skipped`]. A truncated or corrupt record is an
/// error at its byte offset (`PATH:OFFSET: …`, in the compressed file for a
/// gzipped one) and reading goes on at the next record.
///
/// Memory is bounded by one record: a record block larger than the parser's
/// size limit (plus [`MAX_WARC_HEADER_BYTES`]) is reported and skipped
/// without being held.
pub struct WarcRecords<R> {
    src: Counted<R>,
    name: String,
    opts: InputOptions,
    gz: bool,
    id_url: bool,
    /// Decompressed bytes of the current gzip member not yet parsed.
    member: Vec<u8>,
    member_pos: usize,
    member_offset: usize,
    skipped: WarcSkips,
    shared: Option<std::rc::Rc<std::cell::RefCell<WarcSkips>>>,
    done: bool,
}

impl<R> std::fmt::Debug for WarcRecords<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcRecords")
            .field("name", &self.name)
            .field("gz", &self.gz)
            .field("skipped", &self.skipped)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead> WarcRecords<R> {
    /// Records of `reader`, gzipped when `gz`; `name` appears in errors.
    pub fn new(reader: R, name: &str, gz: bool, opts: &InputOptions) -> Self {
        WarcRecords {
            src: Counted {
                inner: reader,
                pos: 0,
            },
            name: name.to_string(),
            opts: opts.clone(),
            gz,
            id_url: false,
            member: Vec::new(),
            member_pos: 0,
            member_offset: 0,
            skipped: WarcSkips::default(),
            shared: None,
            done: false,
        }
    }

    /// Also counts skipped records in `shared` (for a summary over files).
    pub(crate) fn share_skips(
        mut self,
        shared: std::rc::Rc<std::cell::RefCell<WarcSkips>>,
    ) -> Self {
        self.shared = Some(shared);
        self
    }

    fn skip(&mut self, what: &str) {
        self.skipped.add(what);
        if let Some(s) = &self.shared {
            s.borrow_mut().add(what);
        }
    }

    /// Uses each record's target URI as the document id instead of its
    /// `WARC-Record-ID`.
    pub fn id_from_url(mut self, yes: bool) -> Self {
        self.id_url = yes;
        self
    }

    /// Records read so far that gave no document, by type.
    pub fn skipped(&self) -> &WarcSkips {
        &self.skipped
    }

    fn limit(&self) -> usize {
        self.opts
            .parser
            .limit()
            .saturating_add(MAX_WARC_HEADER_BYTES)
    }

    fn error(&self, offset: usize, error: Error) -> RecordError {
        RecordError {
            path: self.name.clone(),
            line: None,
            offset: Some(offset),
            error,
        }
    }

    /// Reads the next gzip member into `self.member`. `Ok(false)` at the end.
    fn next_member(&mut self) -> Result<bool, RecordError> {
        self.member.clear();
        self.member_pos = 0;
        match self.src.fill_buf() {
            Ok([]) => return Ok(false),
            Ok(_) => {}
            Err(e) => return Err(self.io_error(e)),
        }
        let start = self.src.pos;
        self.member_offset = start;
        let limit = self.limit();
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        let mut buf = std::mem::take(&mut self.member);
        let res = {
            let mut dec = GzDecoder::new(&mut self.src).take(cap);
            dec.read_to_end(&mut buf)
        };
        self.member = buf;
        match res {
            Ok(_) if self.member.len() > limit => {
                self.member.clear();
                self.resync_gzip();
                Err(self.error(start, Error::DecompressedTooLarge { limit }))
            }
            Ok(_) => Ok(true),
            Err(e) => {
                self.member.clear();
                self.resync_gzip();
                Err(self.error(
                    start,
                    Error::Decompress {
                        message: e.to_string(),
                    },
                ))
            }
        }
    }

    /// Skips to the next gzip member header (`1f 8b 08`) after a bad one.
    fn resync_gzip(&mut self) {
        loop {
            let buf = match self.src.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(b) => b,
            };
            // Never stay on the byte we are at: the bad member started here.
            match buf.windows(3).skip(1).position(|w| w == [0x1f, 0x8b, 0x08]) {
                Some(p) => {
                    self.src.consume(p + 1);
                    return;
                }
                None => {
                    let n = buf.len().saturating_sub(2).max(1);
                    self.src.consume(n);
                }
            }
        }
    }

    fn io_error(&self, e: std::io::Error) -> RecordError {
        RecordError {
            path: self.name.clone(),
            line: None,
            offset: Some(self.src.pos),
            error: Error::Io {
                path: self.name.clone(),
                source: e,
            },
        }
    }

    /// The next raw record: `(offset, headers, block)`.
    fn next_raw(&mut self) -> Option<Result<(usize, RawRecord), RecordError>> {
        loop {
            if self.done {
                return None;
            }
            if self.gz {
                if self.member_pos >= self.member.len()
                    || self.member[self.member_pos..]
                        .iter()
                        .all(u8::is_ascii_whitespace)
                {
                    match self.next_member() {
                        Ok(true) => {}
                        Ok(false) => {
                            self.done = true;
                            return None;
                        }
                        Err(e) => return Some(Err(e)),
                    }
                    continue;
                }
                let offset = self.member_offset;
                let member = std::mem::take(&mut self.member);
                let mut cur = std::io::Cursor::new(&member[self.member_pos..]);
                let res = read_record(&mut cur, self.opts.parser.limit());
                let used = usize::try_from(cur.position()).unwrap_or(usize::MAX);
                self.member_pos = self.member_pos.saturating_add(used);
                self.member = member;
                return Some(match res {
                    Ok(Some(r)) => Ok((offset, r)),
                    Ok(None) => continue,
                    Err(e) => {
                        // The rest of this member cannot be framed.
                        self.member_pos = self.member.len();
                        Err(self.error(offset, e))
                    }
                });
            }
            // Plain WARC.
            let limit = self.opts.parser.limit();
            match skip_blank(&mut self.src) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.io_error(e)));
                }
            }
            let offset = self.src.pos;
            let res = read_record(&mut self.src, limit);
            return Some(match res {
                Ok(Some(r)) => Ok((offset, r)),
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    if matches!(e, Error::Warc { .. }) && !resync_plain(&mut self.src) {
                        self.done = true;
                    }
                    Err(self.error(offset, e))
                }
            });
        }
    }
}

/// One framed WARC record.
#[derive(Debug)]
struct RawRecord {
    headers: Vec<(String, String)>,
    /// The block, or `None` when it was over the limit and skipped.
    block: Option<Vec<u8>>,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Skips blank lines; `Ok(false)` at the end of input.
fn skip_blank(r: &mut impl BufRead) -> std::io::Result<bool> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if n == 0 {
            return Ok(true);
        }
        r.consume(n);
    }
}

/// After a record that could not be framed: skip to the next line that
/// starts with `WARC/`. `false` at the end of input.
fn resync_plain(r: &mut impl BufRead) -> bool {
    let mut line = Vec::new();
    loop {
        let buf = match r.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(b) => b,
        };
        if buf.starts_with(b"WARC/") && line.is_empty() {
            return true;
        }
        line.clear();
        let mut limited = r.by_ref().take(MAX_WARC_HEADER_BYTES as u64);
        match limited.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) => line.clear(),
        }
    }
}

fn warc_err(message: impl Into<String>) -> Error {
    Error::Warc {
        message: message.into(),
    }
}

/// Reads one record from `r` (which is at its first byte, or at blank lines
/// before it). `Ok(None)` at the end of input.
fn read_record(r: &mut impl BufRead, limit: usize) -> Result<Option<RawRecord>, Error> {
    if !skip_blank(r).map_err(|e| warc_err(e.to_string()))? {
        return Ok(None);
    }
    let mut head = Vec::new();
    // Header lines up to the blank line, within the header limit.
    loop {
        let before = head.len();
        let mut limited = r
            .by_ref()
            .take((MAX_WARC_HEADER_BYTES - before.min(MAX_WARC_HEADER_BYTES)) as u64 + 1);
        let n = limited
            .read_until(b'\n', &mut head)
            .map_err(|e| warc_err(e.to_string()))?;
        if n == 0 {
            return Err(warc_err("truncated record: the header ends early"));
        }
        if head.len() > MAX_WARC_HEADER_BYTES {
            return Err(warc_err(format!(
                "record header longer than {MAX_WARC_HEADER_BYTES} bytes"
            )));
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.lines();
    let version = lines.next().unwrap_or("").trim();
    if !version.starts_with("WARC/") {
        let shown: String = version.chars().take(20).collect();
        return Err(warc_err(format!(
            "not a WARC record (starts with {shown:?})"
        )));
    }
    let mut headers = Vec::new();
    for line in lines {
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                let v: &mut String = v;
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
            None => return Err(warc_err(format!("bad header line {line:?}"))),
        }
    }
    let len_str = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .map(|(_, v)| v.clone())
        .ok_or_else(|| warc_err("record without Content-Length"))?;
    let len: u64 = len_str
        .parse()
        .map_err(|_| warc_err(format!("bad Content-Length {len_str:?}")))?;
    let block_limit = limit.saturating_add(MAX_WARC_HEADER_BYTES) as u64;
    if len > block_limit {
        let skipped = std::io::copy(&mut r.by_ref().take(len), &mut std::io::sink())
            .map_err(|e| warc_err(e.to_string()))?;
        if skipped < len {
            return Err(warc_err(format!(
                "truncated record: {len} bytes announced, {skipped} present"
            )));
        }
        return Ok(Some(RawRecord {
            headers,
            block: None,
        }));
    }
    let mut block = Vec::with_capacity(usize::try_from(len.min(1 << 20)).unwrap_or(0));
    r.by_ref()
        .take(len)
        .read_to_end(&mut block)
        .map_err(|e| warc_err(e.to_string()))?;
    if (block.len() as u64) < len {
        return Err(warc_err(format!(
            "truncated record: {len} bytes announced, {} present",
            block.len()
        )));
    }
    Ok(Some(RawRecord {
        headers,
        block: Some(block),
    }))
}

/// The payload of an HTTP response: status, `Content-Type`, body. A block
/// that is not an HTTP message is returned whole with no status.
fn http_payload(block: &[u8]) -> (Option<u16>, Option<String>, &[u8]) {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => {
            let ct = resp
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("content-type"))
                .map(|h| String::from_utf8_lossy(h.value).into_owned());
            (resp.code, ct, &block[n..])
        }
        _ => (None, None, block),
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (offset, rec) = match self.next_raw()? {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let wtype = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
            if wtype != "response" && wtype != "resource" {
                self.skip(if wtype.is_empty() { "untyped" } else { &wtype });
                continue;
            }
            let Some(block) = rec.block.as_deref() else {
                let limit = self.opts.parser.limit();
                let size = rec
                    .header("Content-Length")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(limit);
                return Some(Err(self.error(offset, Error::TooLarge { size, limit })));
            };
            let record_ct = rec
                .header("Content-Type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let (status, http_ct, payload) =
                if wtype == "response" && record_ct.contains("application/http") {
                    http_payload(block)
                } else {
                    (None, Some(record_ct.clone()), block)
                };
            // Redirects, errors and other non-200 pages are not articles.
            if let Some(code) = status
                && !(200..300).contains(&code)
            {
                self.skip(&format!("HTTP {code}"));
                continue;
            }
            let ct = http_ct.unwrap_or_default().to_ascii_lowercase();
            let is_html = ct.contains("html") || (ct.is_empty() && super::looks_like_html(payload));
            let is_text = ct.starts_with("text/plain");
            if !is_html && !is_text {
                let kind = ct.split(';').next().unwrap_or("").trim().to_string();
                self.skip(if kind.is_empty() { "non-HTML" } else { &kind });
                continue;
            }
            let url = rec
                .header("WARC-Target-URI")
                .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
            let id = if self.id_url {
                url.clone().unwrap_or_default()
            } else {
                rec.header("WARC-Record-ID")
                    .map(|v| v.trim_start_matches('<').trim_end_matches('>').to_string())
                    .or_else(|| url.clone())
                    .unwrap_or_else(|| format!("{}:{offset}", self.name))
            };
            let limit = self.opts.parser.limit();
            if payload.len() > limit {
                return Some(Err(self.error(
                    offset,
                    Error::TooLarge {
                        size: payload.len(),
                        limit,
                    },
                )));
            }
            let doc = if is_html {
                self.opts.parser.parse_html(
                    id,
                    payload,
                    super::PageInfo {
                        url: url.as_deref(),
                        content_type: Some(&ct),
                    },
                )
            } else {
                let text = super::charset::decode(payload, Some(&ct)).text;
                self.opts.parser.parse(id, text).map(|mut d| {
                    d.url = url.clone();
                    d
                })
            };
            return Some(doc.map_err(|e| self.error(offset, e)));
        }
    }
}

/// Reads a whole file's bytes, gunzipping when its name ends in `.gz` or
/// its content starts like gzip, within `limit` (decompressed).
///
/// # Errors
///
/// I/O errors, a corrupt gzip stream, or a file above the limit.
pub fn read_file_bytes(path: &Path, limit: usize) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::Io {
        path: name.clone(),
        source: e,
    })?;
    let mut r = std::io::BufReader::new(file);
    let gz = is_gzip(r.fill_buf().map_err(|e| Error::Io {
        path: name.clone(),
        source: e,
    })?);
    read_limited(r, gz, limit).map_err(|e| match e {
        Error::Io { source, .. } => Error::Io { path: name, source },
        e => e,
    })
}
