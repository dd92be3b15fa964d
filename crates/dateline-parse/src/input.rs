//! Reading articles from files: plain text, JSON Lines, directories.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::{DEFAULT_MAX_BYTES, Date, Document, Error, Parser};

/// How input files are read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InputOptions {
    /// Name of the JSON field that holds the article text (default `"text"`).
    pub text_field: String,
    /// The parser (and its size limit) used for every article.
    pub parser: Parser,
    /// Longest accepted JSON Lines record in bytes (default: twice the
    /// article limit plus 64 KiB, room for escapes and metadata). A longer
    /// line is reported and skipped without being held in memory.
    pub max_line_bytes: usize,
    /// Read every file as this format instead of detecting it from the
    /// extension and content (`None`: detect).
    #[cfg(feature = "html")]
    pub format: Option<crate::html::Format>,
    /// WARC records get their target URI as id instead of their record id.
    #[cfg(feature = "html")]
    pub warc_id_url: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions::new().max_bytes(DEFAULT_MAX_BYTES)
    }
}

impl InputOptions {
    /// Default options: text field `"text"`, default size limits.
    pub fn new() -> Self {
        InputOptions {
            text_field: "text".to_string(),
            parser: Parser::new(),
            max_line_bytes: line_limit(DEFAULT_MAX_BYTES),
            #[cfg(feature = "html")]
            format: None,
            #[cfg(feature = "html")]
            warc_id_url: false,
        }
    }

    /// Reads every file as `format` instead of detecting it.
    #[cfg(feature = "html")]
    pub fn format(mut self, format: Option<crate::html::Format>) -> Self {
        self.format = format;
        self
    }

    /// Gives WARC records their target URI as id (`--id url`).
    #[cfg(feature = "html")]
    pub fn warc_id_url(mut self, yes: bool) -> Self {
        self.warc_id_url = yes;
        self
    }

    /// Sets the article size limit, and the record line limit with it.
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.parser = self.parser.max_bytes(limit);
        self.max_line_bytes = line_limit(limit);
        self
    }

    /// Sets the name of the JSON field that holds the article text.
    pub fn text_field(mut self, name: impl Into<String>) -> Self {
        self.text_field = name.into();
        self
    }
}

fn line_limit(article: usize) -> usize {
    article.saturating_mul(2).saturating_add(64 * 1024)
}

/// One JSON Lines record: `{"id","title","date","url","text"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Record id.
    pub id: Option<String>,
    /// Headline given as metadata.
    pub title: Option<String>,
    /// Date given as metadata.
    pub date: Option<Date>,
    /// URL given as metadata.
    pub url: Option<String>,
    /// The article text, or the page's HTML when [`Record::html`] is set.
    pub text: String,
    /// True when the record carried `"html"` instead of the text field:
    /// [`Record::text`] is then an HTML page to extract.
    pub html: bool,
}

/// A record that could not be turned into a document, with where it was.
///
/// Displayed as `PATH:LINE: what is wrong` (`PATH: …` without a line).
#[derive(Debug)]
pub struct RecordError {
    /// The file the record came from (`-` for standard input).
    pub path: String,
    /// 1-based line number for JSON Lines records.
    pub line: Option<usize>,
    /// Byte offset of the record (or of the error) in the file.
    pub offset: Option<usize>,
    /// What is wrong.
    pub error: Error,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        } else if let Some(offset) = self.offset
            && !matches!(self.error, Error::InvalidUtf8 { .. })
        {
            // A record of an archive: `PATH:BYTE_OFFSET: …`.
            write!(f, ":{offset}")?;
        }
        match &self.error {
            // The path is already in front.
            Error::Io { source, .. } => write!(f, ": {source}"),
            e => write!(f, ": {e}"),
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Reads all articles under `path`: a `.txt` file, a `.jsonl`/`.ndjson`
/// file, or a directory of such files (sorted by name, recursively).
///
/// This collects every document; use [`documents`] to stream them instead.
pub fn read_path(path: &Path, opts: &InputOptions) -> Vec<Result<Document, RecordError>> {
    documents(path, opts).collect()
}

/// Streams the articles under `path` (see [`read_path`]) one at a time, so
/// that a large JSON Lines file is never held in memory as a whole.
pub fn documents(path: &Path, opts: &InputOptions) -> Documents {
    Documents {
        opts: opts.clone(),
        pending: VecDeque::from([path.to_path_buf()]),
        current: None,
        #[cfg(feature = "html")]
        skips: Default::default(),
    }
}

/// Iterator over the documents under a path; see [`documents`].
pub struct Documents {
    opts: InputOptions,
    pending: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Result<Document, RecordError>>>>,
    #[cfg(feature = "html")]
    skips: std::rc::Rc<std::cell::RefCell<crate::html::WarcSkips>>,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl Iterator for Documents {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next() {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
            }
            let path = self.pending.pop_front()?;
            let name = path.display().to_string();
            let io_err = |e: std::io::Error| RecordError {
                path: name.clone(),
                line: None,
                offset: None,
                error: Error::Io {
                    path: name.clone(),
                    source: e,
                },
            };
            if path.is_dir() {
                let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                    Ok(rd) => match rd.map(|e| e.map(|e| e.path())).collect() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(io_err(e))),
                    },
                    Err(e) => return Some(Err(io_err(e))),
                };
                entries.retain(|p| p.is_dir() || is_jsonl(p) || is_txt(p) || is_page(p));
                entries.sort();
                for p in entries.into_iter().rev() {
                    self.pending.push_front(p);
                }
                continue;
            }
            let file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => return Some(Err(io_err(e))),
            };
            #[cfg(feature = "html")]
            {
                match crate::html::open_file(file, &path, &name, &self.opts, &self.skips) {
                    Ok(crate::html::Opened::Records(it)) => {
                        self.current = Some(it);
                        continue;
                    }
                    Ok(crate::html::Opened::Document(r)) => return Some(r),
                    Ok(crate::html::Opened::Text(f)) => {
                        return Some(self.text_file(f, &path, name));
                    }
                    Err(e) => return Some(Err(io_err(e))),
                }
            }
            #[cfg(not(feature = "html"))]
            {
                if is_jsonl(&path) {
                    let reader: Box<dyn BufRead> = Box::new(std::io::BufReader::new(file));
                    self.current = Some(Box::new(JsonlRecords::new(reader, &name, &self.opts)));
                    continue;
                }
                return Some(self.text_file(file, &path, name));
            }
        }
    }
}

impl Documents {
    /// WARC records read so far that gave no document (requests, metadata,
    /// redirects, non-HTML payloads), by type.
    #[cfg(feature = "html")]
    pub fn warc_skipped(&self) -> crate::html::WarcSkips {
        self.skips.borrow().clone()
    }

    /// Reads one plain-text article file.
    fn text_file(
        &self,
        file: std::fs::File,
        path: &Path,
        name: String,
    ) -> Result<Document, RecordError> {
        {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // A file known to be too large is reported without reading it.
            let limit = self.opts.parser.limit();
            if let Ok(meta) = file.metadata()
                && let Ok(size) = usize::try_from(meta.len())
                && meta.is_file()
                && size > limit
            {
                return Err(RecordError {
                    path: name,
                    line: None,
                    offset: None,
                    error: Error::TooLarge { size, limit },
                });
            }
            read_text_from(&id, file, &name, &self.opts)
        }
    }
}

/// An HTML page or WARC archive, by extension (see
/// [`crate::html::format_of_path`]).
fn is_page(p: &Path) -> bool {
    #[cfg(feature = "html")]
    {
        crate::html::format_of_path(p).is_some_and(|(f, _)| {
            matches!(f, crate::html::Format::Html | crate::html::Format::Warc)
        })
    }
    #[cfg(not(feature = "html"))]
    {
        let _ = p;
        false
    }
}

pub(crate) fn is_jsonl(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn is_txt(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt"))
}

/// Reads one plain-text article from `reader`, reading at most one byte
/// more than the size limit.
///
/// # Errors
///
/// A [`RecordError`] for a read failure, invalid UTF-8 or a too large text.
pub fn read_text_from(
    id: &str,
    reader: impl Read,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let limit = opts.parser.limit();
    let mut bytes = Vec::new();
    let mut r = reader.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1));
    r.read_to_end(&mut bytes).map_err(|e| RecordError {
        path: name.to_string(),
        line: None,
        offset: None,
        error: Error::Io {
            path: name.to_string(),
            source: e,
        },
    })?;
    if bytes.len() > limit {
        // Count the rest without keeping it, to report the real size.
        let rest = std::io::copy(&mut r.into_inner(), &mut std::io::sink()).unwrap_or(0);
        let size = bytes
            .len()
            .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
        return Err(RecordError {
            path: name.to_string(),
            line: None,
            offset: None,
            error: Error::TooLarge { size, limit },
        });
    }
    read_text(id, bytes, name, opts)
}

/// Parses a plain-text article from raw bytes.
///
/// # Errors
///
/// A [`RecordError`] for invalid UTF-8 (with its byte offset) or a too
/// large text.
pub fn read_text(
    id: &str,
    bytes: Vec<u8>,
    name: &str,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let wrap = |error| RecordError {
        path: name.to_string(),
        line: None,
        offset: None,
        error,
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        RecordError {
            path: name.to_string(),
            line: None,
            offset: Some(offset),
            error: Error::InvalidUtf8 { offset },
        }
    })?;
    opts.parser.parse(id, text).map_err(wrap)
}

/// Reads JSON Lines records from `reader`; `name` is used for ids and errors.
///
/// This collects every record; use [`JsonlRecords`] to stream them.
pub fn read_jsonl(
    reader: impl BufRead,
    name: &str,
    opts: &InputOptions,
) -> Vec<Result<Document, RecordError>> {
    JsonlRecords::new(reader, name, opts).collect()
}

/// Streams the documents of a JSON Lines input, one line at a time. Blank
/// lines are skipped; a line longer than [`InputOptions::max_line_bytes`] is
/// reported without being held in memory.
#[derive(Debug)]
pub struct JsonlRecords<R> {
    reader: R,
    name: String,
    opts: InputOptions,
    lineno: usize,
    offset: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Records of `reader`; `name` (a path, or `-`) appears in ids and errors.
    pub fn new(reader: R, name: &str, opts: &InputOptions) -> Self {
        JsonlRecords {
            reader,
            name: name.to_string(),
            opts: opts.clone(),
            lineno: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Reads one line into `self.buf` (without its newline), keeping at most
    /// `limit` bytes. Returns the full line length, or `None` at the end.
    fn read_line(&mut self, limit: usize) -> std::io::Result<Option<usize>> {
        self.buf.clear();
        let mut len = 0usize;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any.then_some(len));
            }
            any = true;
            let (part, used, end) = match chunk.iter().position(|&b| b == b'\n') {
                Some(p) => (&chunk[..p], p + 1, true),
                None => (chunk, chunk.len(), false),
            };
            let room = limit.saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&part[..part.len().min(room)]);
            len += part.len();
            self.reader.consume(used);
            if end {
                return Ok(Some(len));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let limit = self.opts.max_line_bytes;
        while !self.done {
            let start = self.offset;
            self.lineno += 1;
            let len = match self.read_line(limit) {
                Ok(Some(len)) => len,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        path: self.name.clone(),
                        line: Some(self.lineno),
                        offset: Some(start),
                        error: Error::Io {
                            path: self.name.clone(),
                            source: e,
                        },
                    }));
                }
            };
            self.offset += len + 1;
            if len > limit {
                return Some(Err(RecordError {
                    path: self.name.clone(),
                    line: Some(self.lineno),
                    offset: Some(start),
                    error: Error::RecordTooLarge { size: len, limit },
                }));
            }
            let mut content_start = start;
            if self.lineno == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                // A byte order mark opening the file.
                self.buf.drain(..3);
                content_start += 3;
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(record_document(
                &self.buf,
                &self.name,
                self.lineno,
                content_start,
                &self.opts,
            ));
        }
        None
    }
}

impl Record {
    /// Decodes one JSON Lines record; the article text is read from the
    /// field `text_field`. `id`, `title` and `url` may be strings or null
    /// (a numeric `id` is accepted); `date` may be `YYYY-MM-DD`, an ISO
    /// timestamp, or a date in any format the parser recognizes.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] for malformed JSON or a non-object,
    /// [`Error::MissingText`] when the text field is absent or not a string,
    /// [`Error::InvalidField`] for a metadata field of the wrong type or an
    /// unreadable date.
    pub fn from_json(line: &str, text_field: &str) -> Result<Record, Error> {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Json {
            column: e.column(),
            message: json_message(&e),
        })?;
        let serde_json::Value::Object(mut map) = value else {
            return Err(Error::Json {
                column: 1,
                message: "expected a JSON object".to_string(),
            });
        };
        let (text, html) = match map.remove(text_field) {
            Some(serde_json::Value::String(s)) => (s, false),
            _ => match map.remove("html") {
                Some(serde_json::Value::String(s)) if cfg!(feature = "html") => (s, true),
                _ => {
                    return Err(Error::MissingText {
                        field: text_field.to_string(),
                    });
                }
            },
        };
        let id = match map.remove("id") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err(invalid("id", "expected a string or a number")),
        };
        let mut string = |field: &'static str| match map.remove(field) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid(field, "expected a string")),
        };
        let title = string("title")?.filter(|t| !t.trim().is_empty());
        let url = string("url")?.filter(|t| !t.trim().is_empty());
        let date = match string("date")? {
            None => None,
            Some(d) if d.trim().is_empty() => None,
            Some(d) => Some(
                parse_date_field(&d)
                    .ok_or_else(|| invalid("date", &format!("{d:?} is not a date")))?,
            ),
        };
        Ok(Record {
            id,
            title,
            date,
            url,
            text,
            html,
        })
    }
}

fn invalid(field: &'static str, message: &str) -> Error {
    Error::InvalidField {
        field,
        message: message.to_string(),
    }
}

/// The message of a JSON error without serde's "at line 1 column N" suffix.
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(p) => msg[..p].to_string(),
        None => msg,
    }
}

/// A metadata date: ISO `YYYY-MM-DD` (optionally with a time after it) or
/// any date format recognized in article text.
fn parse_date_field(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(|p| p.parse::<Date>().ok()) {
        return Some(d);
    }
    crate::datetext::date_prefix(s).map(|m| m.date)
}

fn record_document(
    line: &[u8],
    name: &str,
    lineno: usize,
    offset: usize,
    opts: &InputOptions,
) -> Result<Document, RecordError> {
    let err = |error| RecordError {
        path: name.to_string(),
        line: Some(lineno),
        offset: Some(offset),
        error,
    };
    let line = std::str::from_utf8(line).map_err(|e| {
        err(Error::InvalidUtf8 {
            offset: offset + e.valid_up_to(),
        })
    })?;
    let record = Record::from_json(line, &opts.text_field).map_err(err)?;
    let record = Record {
        id: Some(record.id.unwrap_or_else(|| format!("{name}:{lineno}"))),
        ..record
    };
    opts.parser.parse_record(record).map_err(err)
}
