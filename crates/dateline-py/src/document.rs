//! Documents and reading: `parse`, `read`, `samples`, and the `Document`
//! and `Block` classes.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use dateline::parse::html::{Format, PageInfo};
use dateline::parse::{self as dparse, InputOptions, Parser, Record};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::chars::CharIndex;
use crate::{FORMATS, ParseError, record_error, to_py};

/// An article parsed into typed blocks.
///
/// Attributes: `id`, `text`, `title`, `site`, `date` (``YYYY-MM-DD``) and
/// `url` where known, and `blocks` (each with `kind`, `start`, `end`,
/// `char_start`, `char_end`, `text` and `reason`). `to_dict()` is the record
/// `dateline parse --json` prints.
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
pub(crate) struct Document {
    pub(crate) doc: Arc<dparse::Document>,
    chars: OnceLock<CharIndex>,
}

impl Document {
    pub(crate) fn wrap(doc: Arc<dparse::Document>) -> Document {
        Document {
            doc,
            chars: OnceLock::new(),
        }
    }

    pub(crate) fn chars(&self) -> &CharIndex {
        self.chars.get_or_init(|| CharIndex::new(&self.doc.text))
    }
}

#[pymethods]
impl Document {
    /// The document id (file name without extension, JSON record id, or
    /// `PATH:LINE` for a JSON record without one).
    #[getter]
    fn id(&self) -> &str {
        &self.doc.id
    }
    /// The article text, unchanged.
    #[getter]
    fn text(&self) -> &str {
        &self.doc.text
    }
    /// The headline, when found or given.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.doc.title.as_deref()
    }
    /// The site name of a `Title | SITE` headline.
    #[getter]
    fn site(&self) -> Option<&str> {
        self.doc.site.as_deref()
    }
    /// The publication date as `YYYY-MM-DD`.
    #[getter]
    fn date(&self) -> Option<String> {
        self.doc.date.map(|d| d.to_string())
    }
    /// The URL, when given.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.doc.url.as_deref()
    }
    /// Authors named by the article (a page's byline or metadata); may be
    /// empty.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.doc.authors.clone()
    }
    /// The language of the article, when the page declares it.
    #[getter]
    fn language(&self) -> Option<String> {
        self.doc.language.clone()
    }
    /// The typed blocks, in text order.
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        let chars = self.chars();
        self.doc
            .blocks
            .iter()
            .map(|b| Block {
                kind: b.kind.as_str(),
                start: b.span.start,
                end: b.span.end,
                char_start: chars.char_of(b.span.start),
                char_end: chars.char_of(b.span.end),
                text: self.doc.block_text(b).to_string(),
                reason: b.reason.clone(),
                source: b.source.map(|s| (s.start, s.end)),
            })
            .collect()
    }
    /// The code-point offset of a byte offset into `text`.
    fn char_offset(&self, byte: usize) -> PyResult<usize> {
        if byte > self.doc.text.len() || !self.doc.text.is_char_boundary(byte) {
            return Err(PyValueError::new_err(format!(
                "byte offset {byte} is not on a character boundary of the text"
            )));
        }
        Ok(self.chars().char_of(byte))
    }
    /// The record of `dateline parse --json`:
    /// `{"id","title","site","date","url","blocks":[{"kind","start","end","text","reason"}]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &dateline::json::document(&self.doc))
    }
    /// The length of the text in UTF-8 bytes (`len(doc.text)` counts code
    /// points).
    #[getter]
    fn text_bytes(&self) -> usize {
        self.doc.text.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "Document(id={:?}, title={:?}, blocks={})",
            self.doc.id,
            self.doc.title,
            self.doc.blocks.len()
        )
    }
}

/// One block of a document: `kind` (title, heading, paragraph, caption,
/// dateline, boilerplate), byte span `start`..`end`, character span
/// `char_start`..`char_end`, its `text` and the `reason` of its
/// classification (None for paragraphs).
#[pyclass(frozen, get_all, module = "dateline")]
#[derive(Debug)]
pub(crate) struct Block {
    kind: &'static str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
    reason: Option<String>,
    source: Option<(usize, usize)>,
}

#[pymethods]
impl Block {
    /// `{"kind","start","end","text","reason"}`, as in `dateline parse --json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let record = dateline::json::BlockRecord {
            end: self.end,
            kind: self.kind,
            reason: self.reason.as_deref(),
            source_end: self.source.map(|s| s.1),
            source_start: self.source.map(|s| s.0),
            start: self.start,
            text: &self.text,
        };
        to_py(py, &record)
    }
    fn __repr__(&self) -> String {
        format!(
            "Block(kind={:?}, start={}, end={}, text={:?})",
            self.kind, self.start, self.end, self.text
        )
    }
}

/// Text or bytes given to `parse`.
enum Source {
    Text(String),
    Bytes(Vec<u8>),
}

impl Source {
    fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(s) = obj.extract::<String>() {
            return Ok(Source::Text(s));
        }
        if let Ok(b) = obj.extract::<Vec<u8>>() {
            return Ok(Source::Bytes(b));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected a str or bytes, got {}",
            obj.get_type().name()?
        )))
    }

    /// The text; bytes must be UTF-8.
    fn into_text(self) -> Result<String, String> {
        match self {
            Source::Text(s) => Ok(s),
            Source::Bytes(b) => String::from_utf8(b).map_err(|e| {
                dparse::Error::InvalidUtf8 {
                    offset: e.utf8_error().valid_up_to(),
                }
                .to_string()
            }),
        }
    }
}

/// Parses one article into a `Document`.
///
/// `format` is `"text"` (the default: a scraped plain-text article),
/// `"json"` (one JSON Lines record, `{"id","title","date","url","text"}` or
/// with `"html"` instead of `"text"`, whose metadata wins over what is found
/// in the text) or `"html"` (one HTML page, as `str` or as `bytes` in any
/// character set the page declares or that can be detected; the document's
/// text is the extracted text, with title, date, authors, language and
/// each block's `source` range in the page). `id` and `url` set the
/// document's id and URL (for a page, the URL also gives a date when the
/// page has none). A WARC archive holds many documents: read it with
/// `dateline.read(path)`. Raises `dateline.ParseError` for input that cannot
/// become a document (too large, malformed JSON, …) with the command line's
/// message.
#[pyfunction]
#[pyo3(signature = (text, id=None, url=None, format=None, max_bytes=None))]
pub(crate) fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    id: Option<String>,
    url: Option<String>,
    format: Option<&str>,
    max_bytes: Option<usize>,
) -> PyResult<Document> {
    let source = Source::extract(text)?;
    let parser = Parser::new().max_bytes(max_bytes.unwrap_or(dparse::DEFAULT_MAX_BYTES));
    let format = format.unwrap_or("text");
    if format == "warc" {
        return Err(PyValueError::new_err(
            "a WARC archive holds many documents: read it with dateline.read(path)",
        ));
    }
    let doc = py.detach(|| -> Result<dparse::Document, String> {
        match format {
            "text" => {
                let mut doc = parser
                    .parse(id.unwrap_or_default(), source.into_text()?)
                    .map_err(|e| e.to_string())?;
                if url.is_some() {
                    doc.url = url;
                }
                Ok(doc)
            }
            "json" => {
                let line = source.into_text()?;
                let mut record = Record::from_json(&line, "text").map_err(|e| e.to_string())?;
                if id.is_some() {
                    record.id = id;
                }
                if url.is_some() {
                    record.url = url;
                }
                parser.parse_record(record).map_err(|e| e.to_string())
            }
            "html" => {
                let bytes = match &source {
                    Source::Text(s) => s.as_bytes(),
                    Source::Bytes(b) => b.as_slice(),
                };
                let info = PageInfo {
                    url: url.as_deref(),
                    content_type: None,
                };
                parser
                    .parse_html(id.unwrap_or_default(), bytes, info)
                    .map_err(|e| e.to_string())
            }
            other => Err(format!(
                "unknown format {other:?} (this build reads {})",
                FORMATS.join(", ")
            )),
        }
    });
    match doc {
        Ok(doc) => Ok(Document::wrap(Arc::new(doc))),
        Err(m) if !FORMATS.contains(&format) => Err(PyValueError::new_err(m)),
        Err(m) => Err(ParseError::new_err(m)),
    }
}

/// Streams the documents under a path, as the command line reads it.
#[pyclass(unsendable, module = "dateline")]
pub(crate) struct Reader {
    docs: dparse::Documents,
    on_error: Option<Py<PyAny>>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("docs", &self.docs).finish()
    }
}

#[pymethods]
impl Reader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Document>> {
        loop {
            match self.docs.next() {
                None => return Ok(None),
                Some(Ok(doc)) => return Ok(Some(Document::wrap(Arc::new(doc)))),
                Some(Err(e)) => match &self.on_error {
                    None => return Err(record_error(&e)),
                    Some(f) => {
                        f.call1(py, (ParseError::new_err(e.to_string()).into_value(py),))?;
                    }
                },
            }
        }
    }
}

/// Reads the articles under `path` as `dateline parse PATH` does: a `.txt`
/// file (one article, its id the file name), a `.jsonl`/`.ndjson` file (one
/// article a line), an HTML page (`.html`, `.htm`, `.xhtml`, also `.gz`),
/// a WARC archive (`.warc`, `.warc.gz`: each HTML or text `response` or
/// `resource` record is an article, its id the `WARC-Record-ID`, its url
/// the `WARC-Target-URI`; other records are skipped), or a directory of
/// such files (sorted by name, recursively). A file without a known
/// extension is told by its content; `format` (`"text"`, `"json"`,
/// `"html"`, `"warc"`) reads every file as that format instead. Documents
/// are streamed one at a time; a WARC archive is read one record at a time.
///
/// A bad record raises `dateline.ParseError` (`PATH:LINE: what is wrong`,
/// or `PATH:BYTE_OFFSET: …` for a WARC record), unless `on_error` is
/// given: then it is called with the exception and reading goes on with
/// the next record.
#[pyfunction]
#[pyo3(signature = (path, *, on_error=None, text_field="text", max_bytes=None, format=None))]
pub(crate) fn read(
    path: PathBuf,
    on_error: Option<Py<PyAny>>,
    text_field: &str,
    max_bytes: Option<usize>,
    format: Option<&str>,
) -> PyResult<Reader> {
    let format = match format {
        None => None,
        Some("json") => Some(Format::Jsonl),
        Some(f) if FORMATS.contains(&f) => {
            Some(f.parse::<Format>().map_err(PyValueError::new_err)?)
        }
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?} (this build reads {})",
                FORMATS.join(", ")
            )));
        }
    };
    let opts = InputOptions::new()
        .max_bytes(max_bytes.unwrap_or(dparse::DEFAULT_MAX_BYTES))
        .text_field(text_field)
        .format(format);
    Ok(Reader {
        docs: dparse::documents(&path, &opts),
        on_error,
    })
}

/// The sample articles embedded in Dateline, parsed (as
/// `dateline parse examples/corpus/seeds` parses them).
#[pyfunction]
pub(crate) fn samples() -> PyResult<Vec<Document>> {
    dateline::samples::documents()
        .map(|docs| {
            docs.into_iter()
                .map(|d| Document::wrap(Arc::new(d)))
                .collect()
        })
        .map_err(|e| ParseError::new_err(format!("the sample articles: {e}")))
}
