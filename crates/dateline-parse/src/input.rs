//! Reading articles from files: plain text, JSON Lines, directories.

use std::collections::{HashSet, VecDeque};
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
        }
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
    /// The article text.
    pub text: String,
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
///
/// # Directories
///
/// A directory is read recursively, entries sorted by name; file extensions
/// (`.txt`, `.jsonl`, `.ndjson`) match in any case. Symbolic links are
/// followed, but each directory is read once, so a link to a parent does not
/// loop. FIFOs, sockets and devices inside a directory are skipped (they may
/// never end); each skip is told by [`Documents::warnings`]. A path given
/// directly is read whatever it is, within the size limit.
///
/// # Ids
///
/// A text article's id is its path relative to the directory given, without
/// the extension and with `/` between the parts (`2018/article`); a file
/// directly inside the directory, or given as `path` itself, is named by its
/// stem (`article`). A JSON Lines record without an id is named by its file
/// (the path relative to the directory given, or the file name) and line:
/// `2018/feed.jsonl:3`, the same however `path` was spelled.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("dateline-doc-ids-{}", std::process::id()));
/// # std::fs::create_dir_all(dir.join("2018"))?;
/// std::fs::write(dir.join("2018/article.txt"), "One article.")?;
/// std::fs::write(dir.join("article.TXT"), "Another.")?;
/// let ids: Vec<String> = dateline_parse::documents(&dir, &Default::default())
///     .map(|d| d.map(|d| d.id))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(ids, ["2018/article", "article"]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn documents(path: &Path, opts: &InputOptions) -> Documents {
    Documents {
        opts: opts.clone(),
        pending: VecDeque::from([Pending {
            path: path.to_path_buf(),
            rel: None,
        }]),
        current: None,
        visited: HashSet::new(),
        warnings: VecDeque::new(),
        last: String::new(),
    }
}

/// A path still to read, with its path relative to the directory given
/// (`None` for the path given itself).
#[derive(Debug)]
struct Pending {
    path: PathBuf,
    rel: Option<String>,
}

/// What identifies a directory however it is reached.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(_path: &Path, meta: &std::fs::Metadata) -> Option<DirKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_key(path: &Path, _meta: &std::fs::Metadata) -> Option<DirKey> {
    std::fs::canonicalize(path).ok()
}

/// An entry of a directory that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// The entry's path.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Iterator over the documents under a path; see [`documents`].
pub struct Documents {
    opts: InputOptions,
    pending: VecDeque<Pending>,
    current: Option<JsonlRecords<Box<dyn BufRead>>>,
    visited: HashSet<DirKey>,
    warnings: VecDeque<Skipped>,
    /// The path of the last file read.
    last: String,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("pending", &self.pending)
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl Documents {
    /// The entries skipped since the last call (FIFOs, sockets, devices,
    /// directories already read through another link), oldest first.
    pub fn warnings(&mut self) -> impl Iterator<Item = Skipped> + '_ {
        self.warnings.drain(..)
    }

    /// Where the last item came from: the file, and the line for a JSON
    /// Lines record.
    pub fn source(&self) -> (String, Option<usize>) {
        match &self.current {
            Some(records) => (records.name.clone(), Some(records.lineno)),
            None => (self.last.clone(), None),
        }
    }

    fn skip(&mut self, path: &Path, reason: &str) {
        self.warnings.push_back(Skipped {
            path: path.display().to_string(),
            reason: reason.to_string(),
        });
    }

    /// Queues the entries of directory `path` (relative path `rel`).
    fn enter_dir(&mut self, path: &Path, rel: Option<&str>) -> Result<(), std::io::Error> {
        let mut entries: Vec<(PathBuf, String)> = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            entries.push((entry.path(), name));
        }
        entries.sort();
        let mut queued = Vec::new();
        for (p, name) in entries {
            let child_rel = match rel {
                Some(r) => format!("{r}/{name}"),
                None => name,
            };
            // Follows symbolic links; a broken link is read (and reported)
            // when it looks like an article file.
            let meta = std::fs::metadata(&p);
            let wanted = is_jsonl(&p) || is_txt(&p);
            match meta {
                Ok(m) if m.is_dir() => {}
                Ok(m) if m.is_file() => {
                    if !wanted {
                        continue;
                    }
                }
                Ok(_) => {
                    if wanted {
                        self.skip(&p, "not a regular file (a FIFO, socket or device); skipped");
                    }
                    continue;
                }
                Err(_) => {
                    if !wanted {
                        continue;
                    }
                }
            }
            queued.push(Pending {
                path: p,
                rel: Some(child_rel),
            });
        }
        for p in queued.into_iter().rev() {
            self.pending.push_front(p);
        }
        Ok(())
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
            let Pending { path, rel } = self.pending.pop_front()?;
            let name = path.display().to_string();
            self.last.clone_from(&name);
            let io_err = |e: std::io::Error| RecordError {
                path: name.clone(),
                line: None,
                offset: None,
                error: Error::Io {
                    path: name.clone(),
                    source: e,
                },
            };
            if let Ok(meta) = std::fs::metadata(&path)
                && meta.is_dir()
            {
                if let Some(key) = dir_key(&path, &meta)
                    && !self.visited.insert(key)
                {
                    self.skip(&path, "directory already read (a symbolic link loop or a second link to it); skipped");
                    continue;
                }
                // Entries are named relative to the directory given.
                let inner = rel.as_deref();
                if let Err(e) = self.enter_dir(&path, inner) {
                    return Some(Err(io_err(e)));
                }
                continue;
            }
            let file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => return Some(Err(io_err(e))),
            };
            if is_jsonl(&path) {
                let base = match &rel {
                    Some(r) => r.clone(),
                    None => file_name(&path),
                };
                let reader: Box<dyn BufRead> = Box::new(std::io::BufReader::new(file));
                self.current = Some(JsonlRecords::new(reader, &name, &self.opts).id_base(&base));
                continue;
            }
            let id = match &rel {
                Some(r) => strip_extension(r).to_string(),
                None => path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            };
            // A file known to be too large is reported without reading it.
            let limit = self.opts.parser.limit();
            if let Ok(meta) = file.metadata()
                && let Ok(size) = usize::try_from(meta.len())
                && meta.is_file()
                && size > limit
            {
                return Some(Err(RecordError {
                    path: name,
                    line: None,
                    offset: None,
                    error: Error::TooLarge { size, limit },
                }));
            }
            return Some(read_text_from(&id, file, &name, &self.opts));
        }
    }
}

/// The last component of `path`, for naming records.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// `rel` without the extension of its last part: `2018/article.txt` →
/// `2018/article` (a leading dot is not an extension).
fn strip_extension(rel: &str) -> &str {
    let last = rel.rfind('/').map_or(0, |p| p + 1);
    match rel[last..].rfind('.') {
        Some(dot) if dot > 0 => &rel[..last + dot],
        _ => rel,
    }
}

fn has_extension(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A JSON Lines file name: `.jsonl` or `.ndjson`, in any case.
pub fn is_jsonl(p: &Path) -> bool {
    has_extension(p, &["jsonl", "ndjson"])
}

/// A plain-text article file name: `.txt`, in any case.
pub fn is_txt(p: &Path) -> bool {
    has_extension(p, &["txt"])
}

/// A stable id for an article given without a name or id (standard input):
/// `stdin-` and 16 hex digits of the FNV-1a hash of its bytes, so that the
/// same text always gets the same id and different texts (almost surely)
/// different ones.
///
/// ```
/// let a = dateline_parse::content_id(b"One article.");
/// assert!(a.starts_with("stdin-") && a.len() == 22);
/// assert_eq!(a, dateline_parse::content_id(b"One article."));
/// assert_ne!(a, dateline_parse::content_id(b"Another article."));
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    format!("stdin-{:016x}", h.finish())
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
        // The rest is not read: a stream may never end (`/dev/zero`, `yes`).
        return Err(RecordError {
            path: name.to_string(),
            line: None,
            offset: None,
            error: Error::TooLargeStream { limit },
        });
    }
    read_text(id, bytes, name, opts)
}

/// Reads one plain-text article from standard input (or any unnamed
/// stream), as [`read_text_from`] does, and names it by its content (see
/// [`content_id`]).
///
/// # Errors
///
/// As [`read_text_from`].
pub fn read_stdin_text(
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
        return Err(RecordError {
            path: name.to_string(),
            line: None,
            offset: None,
            error: Error::TooLargeStream { limit },
        });
    }
    let id = content_id(&bytes);
    read_text(&id, bytes, name, opts)
}

/// The UTF-16 byte order of `bytes`, when they start with a UTF-16 byte
/// order mark, or (without one) with two ASCII characters in UTF-16.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        [a, 0, b, 0, ..] if a.is_ascii() && *a != 0 && b.is_ascii() && *b != 0 => Some(true),
        [0, a, 0, b, ..] if a.is_ascii() && *a != 0 && b.is_ascii() && *b != 0 => Some(false),
        _ => None,
    }
}

/// Decodes UTF-16 text (little-endian when `le`), dropping a byte order
/// mark. Errors give the byte offset of the first bad code unit.
fn decode_utf16(bytes: &[u8], le: bool) -> Result<String, Error> {
    let start = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        2
    } else {
        0
    };
    let body = &bytes[start..];
    if body.len() % 2 == 1 {
        return Err(Error::InvalidUtf16 {
            offset: bytes.len() - 1,
        });
    }
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut out = String::with_capacity(body.len());
    let mut offset = start;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| Error::InvalidUtf16 { offset })?;
        offset += c.len_utf16() * 2;
        out.push(c);
    }
    Ok(out)
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
    let text = match utf16_order(&bytes) {
        // UTF-16 text (Windows "Unicode" files) is decoded; spans then
        // point into the decoded text.
        Some(le) => decode_utf16(&bytes, le).map_err(|error| RecordError {
            path: name.to_string(),
            line: None,
            offset: match error {
                Error::InvalidUtf16 { offset } => Some(offset),
                _ => None,
            },
            error,
        })?,
        None => String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            RecordError {
                path: name.to_string(),
                line: None,
                offset: Some(offset),
                error: Error::InvalidUtf8 { offset },
            }
        })?,
    };
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
        let text = match map.remove(text_field) {
            Some(serde_json::Value::String(s)) => s,
            _ => {
                return Err(Error::MissingText {
                    field: text_field.to_string(),
                });
            }
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
