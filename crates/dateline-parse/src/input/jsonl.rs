//! JSON Lines: one article a line, read one line at a time within a line
//! limit, each record's metadata checked and its errors placed by file,
//! line and byte offset.

use std::io::BufRead;
use std::path::Path;

use super::{InputOptions, RecordError, content_id, file_name, utf16_order};
use crate::{Date, Document, Error};

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
    /// The article text.
    pub text: String,
    /// True when the record carried `"html"` instead of the text field:
    /// [`Record::text`] is then an HTML page to extract.
    pub html: bool,
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
/// reported without being held in memory, and one that goes on past four
/// times that limit ends the input (it may be an endless stream).
///
/// A record without an id is named `BASE:LINE`, where BASE is the file name
/// of `name` (or the one given by [`JsonlRecords::id_base`]); on standard
/// input (`name` is `-`) it is named by its content (see [`content_id`]).
#[derive(Debug)]
pub struct JsonlRecords<R> {
    reader: R,
    name: String,
    /// `None`: name records without ids by their content.
    id_base: Option<String>,
    opts: InputOptions,
    lineno: usize,
    offset: usize,
    buf: Vec<u8>,
    done: bool,
}

/// How far past the line limit an over-long line is skipped before reading
/// stops (a multiple of the limit).
const ENDLESS_FACTOR: usize = 4;

impl<R: BufRead> JsonlRecords<R> {
    /// Records of `reader`; `name` (a path, or `-`) appears in errors, and
    /// its file name in the ids of records without one.
    pub fn new(reader: R, name: &str, opts: &InputOptions) -> Self {
        let id_base = (name != "-").then(|| file_name(Path::new(name)));
        JsonlRecords {
            reader,
            name: name.to_string(),
            id_base,
            opts: opts.clone(),
            lineno: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The line number of the last record read (1-based; 0 before the first).
    pub fn line(&self) -> usize {
        self.lineno
    }

    /// The name given for errors (a path, or `-`).
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// Names records without an id `BASE:LINE`.
    pub fn id_base(mut self, base: &str) -> Self {
        self.id_base = Some(base.to_string());
        self
    }

    /// Reads one line into `self.buf` (without its newline), keeping at most
    /// `limit` bytes. Returns the full line length, or `None` at the end.
    fn read_line(&mut self, limit: usize) -> std::io::Result<Option<usize>> {
        self.buf.clear();
        let mut len = 0usize;
        let mut any = false;
        loop {
            if len > limit.saturating_mul(ENDLESS_FACTOR) {
                return Err(std::io::Error::other(Endless(len)));
            }
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
                    let error = match e.get_ref().and_then(|x| x.downcast_ref::<Endless>()) {
                        Some(Endless(read)) => Error::EndlessRecord { read: *read, limit },
                        None => Error::Io {
                            path: self.name.clone(),
                            source: e,
                        },
                    };
                    return Some(Err(RecordError {
                        path: self.name.clone(),
                        line: Some(self.lineno),
                        offset: Some(start),
                        error,
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
            if self.lineno == 1 && utf16_order(&self.buf).is_some() {
                self.done = true;
                return Some(Err(RecordError {
                    path: self.name.clone(),
                    line: Some(self.lineno),
                    offset: Some(start),
                    error: Error::Utf16Jsonl,
                }));
            }
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
                self.id_base.as_deref(),
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
            message: surrogate_message(line, &e).unwrap_or_else(|| json_message(&e)),
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
            // The number as written: `12345678901234567890123` stays that
            // (as a float it would lose digits and collide with others).
            Some(serde_json::Value::Number(n)) => Some(number_text(line).unwrap_or(n.to_string())),
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

/// The text of the record's numeric `id`, exactly as written.
fn number_text(line: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct RawId<'a> {
        #[serde(borrow)]
        id: &'a serde_json::value::RawValue,
    }
    serde_json::from_str::<RawId<'_>>(line)
        .ok()
        .map(|r| r.id.get().to_string())
}

/// A clearer message than the JSON decoder's for an unpaired UTF-16
/// surrogate escape (`"\ud800"` alone), which it reports as a broken hex
/// escape.
fn surrogate_message(line: &str, e: &serde_json::Error) -> Option<String> {
    if !json_message(e).contains("escape") {
        return None;
    }
    let bytes = line.as_bytes();
    let end = e.column().min(bytes.len());
    // The last `\u` escape before the error.
    let at = bytes[..end].windows(2).rposition(|w| w == b"\\u")?;
    let hex = line.get(at + 2..at + 6)?;
    let unit = u16::from_str_radix(hex, 16).ok()?;
    if !(0xD800..=0xDFFF).contains(&unit) {
        return None;
    }
    Some(format!(
        "unpaired surrogate escape \\u{hex} (an escape \\uD800 to \\uDBFF must be followed by one \\uDC00 to \\uDFFF)"
    ))
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

/// The marker error of a line that goes on far past the limit.
#[derive(Debug)]
struct Endless(usize);

impl std::fmt::Display for Endless {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line of more than {} bytes", self.0)
    }
}

impl std::error::Error for Endless {}

fn record_document(
    line: &[u8],
    name: &str,
    id_base: Option<&str>,
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
    let id = record.id.unwrap_or_else(|| match id_base {
        Some(base) => format!("{base}:{lineno}"),
        None => content_id(line.as_bytes()),
    });
    let record = Record {
        id: Some(id),
        ..record
    };
    opts.parser.parse_record(record).map_err(err)
}
