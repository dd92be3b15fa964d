//! Dateline for Python: the extension module `dateline._dateline` behind the
//! `dateline` Python package.
//!
//! # Overview
//! A thin binding over the facade crate `dateline`: `parse` and `read`
//! give `Document`s, `Tagger` finds entities and quotations (one document,
//! or many on all cores with the GIL released), `Index` indexes and searches.
//! Every object's `to_dict()` is built by [`dateline::json`], the same code
//! that prints the command line's JSON, so a row from Python and a line of
//! `dateline entities --json` are the same data. Errors are Python
//! exceptions with the command line's messages.
//!
//! Spans: `start`/`end` are byte offsets into the UTF-8 text, as in Rust and
//! in the command line's JSON; `char_start`/`char_end` are the same spans in
//! code points, for slicing a Python `str` (`doc.text[e.char_start:e.char_end]
//! == e.text`).
//!
//! # Example
//! The package is built with maturin (`pip install ./crates/dateline-py`)
//! and used from Python:
//!
//! ```text
//! import dateline
//! doc = dateline.parse("Talks in Geneva\n\nJohn Bolton met officials in Geneva.\n", id="a")
//! tagger = dateline.Tagger()
//! for e in tagger.entities(doc):
//!     print(e.label, e.text, e.canonical, doc.text[e.char_start:e.char_end])
//! ```

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use dateline::parse::{self as dparse, InputOptions, Parser, Record, RecordError};
use dateline::query::{self as dquery, SearchOptions, SearchResults};
use dateline::tag::{self as dtag, TaggedDocument as RsTagged};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;
use rayon::prelude::*;

create_exception!(
    dateline,
    Error,
    PyValueError,
    "Base class of Dateline's errors; the message is the command line's."
);
create_exception!(
    dateline,
    ParseError,
    Error,
    "Input that cannot become a document: too large, invalid UTF-8, malformed JSON, a missing \
     text field, an unreadable file. The message says where: `PATH:LINE: what is wrong`."
);
create_exception!(
    dateline,
    QueryError,
    Error,
    "A malformed query; the message shows the query with a caret under the position."
);

/// The input formats `parse(..., format=...)` reads.
const FORMATS: &[&str] = &["text", "json"];

/// Byte offsets to code-point offsets of one text.
#[derive(Debug)]
struct CharIndex {
    /// Byte offset of each character; empty for an ASCII text, whose byte
    /// and character offsets are equal.
    starts: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharIndex { starts }
    }

    /// The character offset of a byte offset on a character boundary (or
    /// the end of the text).
    fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            byte
        } else {
            self.starts.partition_point(|&s| s < byte)
        }
    }
}

/// A record of [`dateline::json`] as Python values (dicts, lists, str, int,
/// float, None).
fn to_py<'py>(py: Python<'py>, v: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, v).map_err(PyErr::from)
}

fn record_error(e: &RecordError) -> PyErr {
    ParseError::new_err(e.to_string())
}

/// An article parsed into typed blocks.
///
/// Attributes: `id`, `text`, `title`, `site`, `date` (``YYYY-MM-DD``) and
/// `url` where known, and `blocks` (each with `kind`, `start`, `end`,
/// `char_start`, `char_end`, `text` and `reason`). `to_dict()` is the record
/// `dateline parse --json` prints.
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
struct Document {
    doc: Arc<dparse::Document>,
    chars: OnceLock<CharIndex>,
}

impl Document {
    fn wrap(doc: Arc<dparse::Document>) -> Document {
        Document {
            doc,
            chars: OnceLock::new(),
        }
    }

    fn chars(&self) -> &CharIndex {
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
struct Block {
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

/// An entity mention: `text`, byte span `start`..`end`, character span
/// `char_start`..`char_end`, `label` (OntoNotes: PERSON, ORG, GPE, …),
/// `canonical` name, normalized `value` (dates, amounts) and, for a GPE,
/// its `sense` (place, agent or team).
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
struct Entity {
    e: dtag::Entity,
    rules: Vec<dtag::RuleId>,
    char_start: usize,
    char_end: usize,
}

#[pymethods]
impl Entity {
    /// The surface text.
    #[getter]
    fn text(&self) -> &str {
        &self.e.text
    }
    /// Byte offset of the start.
    #[getter]
    fn start(&self) -> usize {
        self.e.span.start
    }
    /// Byte offset of the end (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.e.span.end
    }
    /// Code-point offset of the start.
    #[getter]
    fn char_start(&self) -> usize {
        self.char_start
    }
    /// Code-point offset of the end (exclusive).
    #[getter]
    fn char_end(&self) -> usize {
        self.char_end
    }
    /// The label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, MONEY, ….
    #[getter]
    fn label(&self) -> &'static str {
        self.e.label.as_str()
    }
    /// The canonical name (aliases and surnames resolved).
    #[getter]
    fn canonical(&self) -> &str {
        &self.e.canonical
    }
    /// The normalized value of a date or amount.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.e.value.as_deref()
    }
    /// A GPE mention's sense: `place`, `agent` (the state acting) or `team`.
    #[getter]
    fn sense(&self) -> Option<&'static str> {
        self.e.sense.map(|s| s.as_str())
    }
    /// Ids of the rules that made the entity, in the order they acted.
    #[getter]
    fn rules(&self) -> Vec<&'static str> {
        self.rules.clone()
    }
    /// `{"text","start","end","label","canonical","value"[,"sense"]}`, as in
    /// `dateline entities --json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &dateline::json::entity(&self.e, &self.rules))
    }
    fn __repr__(&self) -> String {
        format!(
            "Entity(label={:?}, text={:?}, canonical={:?}, start={}, end={})",
            self.e.label.as_str(),
            self.e.text,
            self.e.canonical,
            self.e.span.start,
            self.e.span.end
        )
    }
}

/// A quotation: `text`, byte span `start`..`end` (and `char_start`,
/// `char_end`), the `speaker` with its span `speaker_start`..`speaker_end`
/// (and `speaker_char_start`, `speaker_char_end`), the `cue` verb and the
/// `kind` (statement or phrase).
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
struct Quote {
    q: dtag::Quote,
    char_start: usize,
    char_end: usize,
    speaker_chars: Option<(usize, usize)>,
}

#[pymethods]
impl Quote {
    /// The quoted text.
    #[getter]
    fn text(&self) -> &str {
        &self.q.text
    }
    /// Byte offset of the start.
    #[getter]
    fn start(&self) -> usize {
        self.q.span.start
    }
    /// Byte offset of the end (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.q.span.end
    }
    /// Code-point offset of the start.
    #[getter]
    fn char_start(&self) -> usize {
        self.char_start
    }
    /// Code-point offset of the end (exclusive).
    #[getter]
    fn char_end(&self) -> usize {
        self.char_end
    }
    /// The speaker's canonical name, when found.
    #[getter]
    fn speaker(&self) -> Option<&str> {
        self.q.speaker.as_deref()
    }
    /// Byte offset of the speaker's mention.
    #[getter]
    fn speaker_start(&self) -> Option<usize> {
        self.q.speaker_span.map(|s| s.start)
    }
    /// Byte offset of the end of the speaker's mention.
    #[getter]
    fn speaker_end(&self) -> Option<usize> {
        self.q.speaker_span.map(|s| s.end)
    }
    /// Code-point offset of the speaker's mention.
    #[getter]
    fn speaker_char_start(&self) -> Option<usize> {
        self.speaker_chars.map(|s| s.0)
    }
    /// Code-point offset of the end of the speaker's mention.
    #[getter]
    fn speaker_char_end(&self) -> Option<usize> {
        self.speaker_chars.map(|s| s.1)
    }
    /// The cue verb ("said", "told", …).
    #[getter]
    fn cue(&self) -> Option<&str> {
        self.q.cue.as_deref()
    }
    /// `statement` (a full quoted statement) or `phrase` (a short quoted phrase).
    #[getter]
    fn kind(&self) -> &'static str {
        self.q.kind.as_str()
    }
    /// `{"text","start","end","speaker","speaker_start","speaker_end","cue","kind"}`,
    /// as in `dateline quotes --json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &dateline::json::quote(&self.q))
    }
    fn __repr__(&self) -> String {
        format!(
            "Quote(speaker={:?}, cue={:?}, kind={:?}, text={:?})",
            self.q.speaker,
            self.q.cue,
            self.q.kind.as_str(),
            self.q.text
        )
    }
}

/// A document with its entities and quotations (`Tagger.annotate`).
#[pyclass(frozen, get_all, module = "dateline")]
#[derive(Debug)]
struct TaggedDocument {
    /// The document.
    document: Py<Document>,
    /// Its entity mentions, in text order.
    entities: Py<PyList>,
    /// Its quotations, in text order.
    quotes: Py<PyList>,
}

#[pymethods]
impl TaggedDocument {
    /// `{"id","entities":[…],"quotes":[…]}`: the records of
    /// `dateline entities --json` and `dateline quotes --json` together.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.document.get();
        let list = |l: &Py<PyList>| -> PyResult<Vec<Bound<'py, PyAny>>> {
            l.bind(py)
                .iter()
                .map(|x| x.call_method0("to_dict"))
                .collect()
        };
        let d = pyo3::types::PyDict::new(py);
        d.set_item("id", &doc.doc.id)?;
        d.set_item("entities", list(&self.entities)?)?;
        d.set_item("quotes", list(&self.quotes)?)?;
        Ok(d.into_any())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "TaggedDocument(id={:?}, entities={}, quotes={})",
            self.document.get().doc.id,
            self.entities.bind(py).len(),
            self.quotes.bind(py).len()
        )
    }
}

/// Rust results of tagging one document, turned into Python objects with
/// the GIL held.
struct Tagged {
    doc: Arc<dparse::Document>,
    entities: Vec<dtag::ExplainedEntity>,
    quotes: Vec<dtag::Quote>,
}

fn entity_objects(chars: &CharIndex, entities: Vec<dtag::ExplainedEntity>) -> Vec<Entity> {
    entities
        .into_iter()
        .map(|x| Entity {
            char_start: chars.char_of(x.entity.span.start),
            char_end: chars.char_of(x.entity.span.end),
            e: x.entity,
            rules: x.rules,
        })
        .collect()
}

fn quote_objects(chars: &CharIndex, quotes: Vec<dtag::Quote>) -> Vec<Quote> {
    quotes
        .into_iter()
        .map(|q| Quote {
            char_start: chars.char_of(q.span.start),
            char_end: chars.char_of(q.span.end),
            speaker_chars: q
                .speaker_span
                .map(|s| (chars.char_of(s.start), chars.char_of(s.end))),
            q,
        })
        .collect()
}

impl Tagged {
    fn into_py(self, py: Python<'_>) -> PyResult<TaggedDocument> {
        let doc = Document::wrap(self.doc);
        let chars = doc.chars();
        let entities = PyList::new(py, entity_objects(chars, self.entities))?.unbind();
        let quotes = PyList::new(py, quote_objects(chars, self.quotes))?.unbind();
        Ok(TaggedDocument {
            document: Py::new(py, doc)?,
            entities,
            quotes,
        })
    }
}

/// A document given from Python: a `Document`, or a string parsed as one
/// plain-text article.
enum Input {
    Doc(Arc<dparse::Document>),
    Text(String),
}

impl Input {
    fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(d) = obj.cast::<Document>() {
            return Ok(Input::Doc(Arc::clone(&d.get().doc)));
        }
        if let Ok(t) = obj.cast::<TaggedDocument>() {
            return Ok(Input::Doc(Arc::clone(&t.get().document.get().doc)));
        }
        if let Ok(s) = obj.extract::<String>() {
            return Ok(Input::Text(s));
        }
        Err(PyTypeError::new_err(format!(
            "expected a dateline.Document or a str, got {}",
            obj.get_type().name()?
        )))
    }

    /// The document (parsing a string with the default parser).
    fn document(self) -> Result<Arc<dparse::Document>, String> {
        match self {
            Input::Doc(d) => Ok(d),
            Input::Text(t) => Parser::new()
                .parse("", t)
                .map(Arc::new)
                .map_err(|e| e.to_string()),
        }
    }
}

fn inputs(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Input>> {
    docs.try_iter()?
        .map(|d| d.and_then(|d| Input::extract(&d)))
        .collect()
}

/// Finds entities and quotations: the bundled knowledge base, rules and
/// learned model of Dateline's tagger.
///
/// One tagger is meant to be made once and used for many documents (it is
/// cheap to share and safe across threads). Each method takes a `Document`
/// or a `str` (parsed as one plain-text article, as `dateline entities`
/// reads a `.txt` file). The `*_batch` methods take an iterable of
/// documents and tag them on all cores (or `threads`) with the GIL
/// released, returning results in input order.
///
/// >>> tagger = dateline.Tagger()
/// >>> [e.canonical for e in tagger.entities("John Bolton met Nikolai Patrushev in Geneva.")]
/// ['John Bolton', 'Nikolai Patrushev', 'Geneva']
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
struct Tagger {
    tagger: dtag::Tagger,
}

impl Tagger {
    /// Entities with their rules (as `dateline entities --json` gives
    /// them) and, when asked for, quotations.
    fn tag(&self, doc: Arc<dparse::Document>, quotes: bool) -> Tagged {
        let entities = self.tagger.explain(&doc).entities;
        let quotes = if quotes {
            let plain: Vec<dtag::Entity> = entities.iter().map(|x| x.entity.clone()).collect();
            self.tagger.quotes(&doc, &plain)
        } else {
            Vec::new()
        };
        Tagged {
            doc,
            entities,
            quotes,
        }
    }

    /// Tags many documents on `threads` threads (all cores when None), with
    /// the GIL released.
    fn tag_many(
        &self,
        py: Python<'_>,
        docs: Vec<Input>,
        quotes: bool,
        threads: Option<usize>,
    ) -> PyResult<Vec<Tagged>> {
        let run = |docs: Vec<Input>| -> Result<Vec<Tagged>, String> {
            let one = |d: Input| d.document().map(|d| self.tag(d, quotes));
            match threads {
                Some(1) => docs.into_iter().map(one).collect(),
                _ => docs.into_par_iter().map(one).collect(),
            }
        };
        let result = py.detach(|| match threads {
            None | Some(1) => run(docs),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| e.to_string())
                .and_then(|pool| pool.install(|| run(docs))),
        });
        result.map_err(ParseError::new_err)
    }
}

#[pymethods]
impl Tagger {
    /// A tagger with the bundled knowledge base and model (`model=False`:
    /// knowledge base and rules only).
    #[new]
    #[pyo3(signature = (model=true))]
    fn new(model: bool) -> Tagger {
        Tagger {
            tagger: dtag::Tagger::new().with_model(model),
        }
    }

    /// Entity mentions of a document (or text), in text order.
    fn entities(&self, py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Vec<Entity>> {
        let doc = Input::extract(doc)?
            .document()
            .map_err(ParseError::new_err)?;
        let t = py.detach(|| self.tag(doc, false));
        Ok(entity_objects(&CharIndex::new(&t.doc.text), t.entities))
    }

    /// Quotations of a document (or text) with their speakers, in text
    /// order.
    fn quotes(&self, py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Vec<Quote>> {
        let doc = Input::extract(doc)?
            .document()
            .map_err(ParseError::new_err)?;
        let t = py.detach(|| self.tag(doc, true));
        Ok(quote_objects(&CharIndex::new(&t.doc.text), t.quotes))
    }

    /// A document (or text) with its entities and quotations.
    fn annotate(&self, py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<TaggedDocument> {
        let doc = Input::extract(doc)?
            .document()
            .map_err(ParseError::new_err)?;
        py.detach(|| self.tag(doc, true)).into_py(py)
    }

    /// Entities of many documents: a list of lists, in input order.
    #[pyo3(signature = (docs, threads=None))]
    fn entities_batch(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Entity>>> {
        let tagged = self.tag_many(py, inputs(docs)?, false, threads)?;
        Ok(tagged
            .into_iter()
            .map(|t| entity_objects(&CharIndex::new(&t.doc.text), t.entities))
            .collect())
    }

    /// Quotations of many documents: a list of lists, in input order.
    #[pyo3(signature = (docs, threads=None))]
    fn quotes_batch(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Quote>>> {
        let tagged = self.tag_many(py, inputs(docs)?, true, threads)?;
        Ok(tagged
            .into_iter()
            .map(|t| quote_objects(&CharIndex::new(&t.doc.text), t.quotes))
            .collect())
    }

    /// Many documents with their entities and quotations, in input order.
    #[pyo3(signature = (docs, threads=None))]
    fn annotate_batch(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<TaggedDocument>> {
        let tagged = self.tag_many(py, inputs(docs)?, true, threads)?;
        tagged.into_iter().map(|t| t.into_py(py)).collect()
    }

    fn __repr__(&self) -> String {
        "Tagger()".to_string()
    }
}

/// Search results: `total` matching documents, the best `hits` (dicts with
/// id, score, title, date, snippet and highlights) and, when asked for,
/// `facets` (co-mentioned entities by label and a month histogram).
/// `to_dict()` is the record of `dateline search --json`.
#[pyclass(frozen, name = "SearchResults", module = "dateline")]
#[derive(Debug)]
struct SearchResultsPy {
    query: String,
    results: SearchResults,
}

#[pymethods]
impl SearchResultsPy {
    /// Number of matching documents.
    #[getter]
    fn total(&self) -> usize {
        self.results.total
    }
    /// The best hits, best first.
    #[getter]
    fn hits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = dateline::json::search_results(&self.query, &self.results);
        to_py(py, &v["hits"])
    }
    /// Facets over all matches, or None when not asked for.
    #[getter]
    fn facets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self
            .results
            .facets
            .as_ref()
            .map_or(serde_json::Value::Null, dateline::json::facets);
        to_py(py, &v)
    }
    /// `{"query","total","hits","facets"}`, as `dateline search --json` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &dateline::json::search_results(&self.query, &self.results),
        )
    }
    fn __len__(&self) -> usize {
        self.results.hits.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "SearchResults(query={:?}, total={}, hits={})",
            self.query,
            self.results.total,
            self.results.hits.len()
        )
    }
}

/// Where an `Index` keeps its documents.
#[derive(Debug)]
enum Store {
    /// In memory, for this process only.
    Memory(dquery::Index),
    /// An archive directory, as `dateline index --index DIR` writes it;
    /// `None` until it holds a commit.
    Archive(PathBuf, Option<dquery::Archive>),
}

/// A search index over tagged documents.
///
/// `Index()` is in memory. `Index(path)` is the archive directory `path`,
/// the one `dateline index --index DIR` writes and `dateline search --index
/// DIR` reads: it is opened if it exists and created by the first `add()`,
/// and each `add()` is committed before it returns. `add()` tags documents
/// on all cores and indexes them; a document with an id already in the
/// index replaces it. `search()` takes the query language of `dateline
/// search` (docs/QUERY.md).
#[pyclass(module = "dateline")]
#[derive(Debug)]
struct Index {
    store: Store,
    tagger: dtag::Tagger,
}

/// The command line's message for a failed search.
fn search_error(e: dquery::Error) -> PyErr {
    match e {
        dquery::Error::TooDeep { .. } => QueryError::new_err(e.to_string()),
        e => Error::new_err(format!("cannot search the index: {e}")),
    }
}

fn open_archive(dir: &std::path::Path) -> PyResult<dquery::Archive> {
    dquery::Archive::open(dir).map_err(|e| Error::new_err(format!("cannot open the index: {e}")))
}

/// Writes tagged documents to the archive in `dir` and commits them.
fn write_archive(dir: &std::path::Path, docs: &[RsTagged]) -> Result<(), String> {
    let mut writer =
        dquery::ArchiveWriter::open(dir, &dquery::WriterOptions::new()).map_err(|e| match e {
            dquery::Error::Locked { .. } => {
                format!("cannot write the index: {e}; wait for the other writer to finish")
            }
            e => format!("cannot open the index: {e}"),
        })?;
    for t in docs {
        writer.add(t).map_err(|e| format!("cannot index: {e}"))?;
    }
    let save = |e: dquery::Error| format!("cannot save the index: {e}");
    writer.commit().map_err(save)?;
    writer.finish().map_err(save)
}

#[pymethods]
impl Index {
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(path: Option<PathBuf>) -> PyResult<Index> {
        let store = match path {
            None => Store::Memory(dquery::Index::new()),
            Some(dir) => {
                let archive = if dir.join("meta.json").is_file() {
                    Some(open_archive(&dir)?)
                } else {
                    None
                };
                Store::Archive(dir, archive)
            }
        };
        Ok(Index {
            store,
            tagger: dtag::Tagger::new(),
        })
    }

    /// Tags and indexes documents: one `Document`, `TaggedDocument` or
    /// `str`, or an iterable of them. Returns the number added.
    #[pyo3(signature = (docs, threads=None))]
    fn add(
        &mut self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<usize> {
        let mut ready: Vec<RsTagged> = Vec::new();
        let mut todo: Vec<(usize, Input)> = Vec::new();
        let mut one = |obj: &Bound<'_, PyAny>| -> PyResult<()> {
            if let Ok(t) = obj.cast::<TaggedDocument>() {
                let t = t.get();
                let document = t.document.get().doc.as_ref().clone();
                let entities = t
                    .entities
                    .bind(py)
                    .iter()
                    .map(|e| Ok(e.cast::<Entity>()?.get().e.clone()))
                    .collect::<PyResult<Vec<_>>>()?;
                let quotes = t
                    .quotes
                    .bind(py)
                    .iter()
                    .map(|q| Ok(q.cast::<Quote>()?.get().q.clone()))
                    .collect::<PyResult<Vec<_>>>()?;
                ready.push(RsTagged {
                    document,
                    entities,
                    quotes,
                });
            } else {
                todo.push((ready.len() + todo.len(), Input::extract(obj)?));
            }
            Ok(())
        };
        if docs.cast::<Document>().is_ok()
            || docs.cast::<TaggedDocument>().is_ok()
            || docs.extract::<String>().is_ok()
        {
            one(docs)?;
        } else {
            for d in docs.try_iter()? {
                one(&d?)?;
            }
        }
        // Tag what is not tagged yet, then index everything in input order.
        let tagger = Tagger {
            tagger: self.tagger.clone(),
        };
        let (slots, inputs): (Vec<usize>, Vec<Input>) = todo.into_iter().unzip();
        let tagged = tagger.tag_many(py, inputs, true, threads)?;
        let mut all: Vec<Option<RsTagged>> = ready.into_iter().map(Some).collect();
        for (slot, t) in slots.into_iter().zip(tagged) {
            let t = RsTagged {
                document: Arc::unwrap_or_clone(t.doc),
                entities: t.entities.into_iter().map(|x| x.entity).collect(),
                quotes: t.quotes,
            };
            all.insert(slot.min(all.len()), Some(t));
        }
        let all: Vec<RsTagged> = all.into_iter().flatten().collect();
        let added = all.len();
        match &mut self.store {
            Store::Memory(index) => py.detach(|| {
                for t in &all {
                    index.add(t);
                }
            }),
            Store::Archive(dir, archive) => {
                py.detach(|| write_archive(dir, &all))
                    .map_err(Error::new_err)?;
                *archive = Some(open_archive(dir)?);
            }
        }
        Ok(added)
    }

    /// Searches with the query language of `dateline search`.
    #[pyo3(signature = (query, limit=10, facets=false))]
    fn search(
        &self,
        py: Python<'_>,
        query: &str,
        limit: usize,
        facets: bool,
    ) -> PyResult<SearchResultsPy> {
        let q = dquery::parse_query(query)
            .map_err(|e| QueryError::new_err(dateline::json::query_error(query, &e)))?;
        let opts = SearchOptions::new(limit).with_facets(facets);
        let results = match &self.store {
            Store::Memory(index) => py.detach(|| index.search(&q, &opts)),
            Store::Archive(dir, None) => {
                py.detach(|| open_archive(dir).map(|a| a.search(&q, &opts)))?
            }
            Store::Archive(_, Some(archive)) => py.detach(|| archive.search(&q, &opts)),
        }
        .map_err(search_error)?;
        Ok(SearchResultsPy {
            query: query.to_string(),
            results,
        })
    }

    fn __len__(&self) -> usize {
        match &self.store {
            Store::Memory(index) => index.len(),
            Store::Archive(_, archive) => archive.as_ref().map_or(0, |a| a.len()),
        }
    }

    fn __contains__(&self, id: &str) -> bool {
        match &self.store {
            Store::Memory(index) => index.contains(id),
            Store::Archive(_, archive) => archive.as_ref().is_some_and(|a| a.contains(id)),
        }
    }

    fn __repr__(&self) -> String {
        match &self.store {
            Store::Memory(_) => format!("Index(documents={})", self.__len__()),
            Store::Archive(dir, _) => {
                format!("Index({:?}, documents={})", dir.display(), self.__len__())
            }
        }
    }
}

/// Parses one article into a `Document`.
///
/// `format` is `"text"` (the default: a scraped plain-text article) or
/// `"json"` (one JSON Lines record, `{"id","title","date","url","text"}`,
/// whose metadata wins over what is found in the text). `id` and `url`
/// set the document's id and URL. Raises `dateline.ParseError` for input
/// that cannot become a document (too large, malformed JSON, …) with the
/// command line's message.
#[pyfunction]
#[pyo3(signature = (text, id=None, url=None, format=None, max_bytes=None))]
fn parse(
    py: Python<'_>,
    text: String,
    id: Option<String>,
    url: Option<String>,
    format: Option<&str>,
    max_bytes: Option<usize>,
) -> PyResult<Document> {
    let parser = Parser::new().max_bytes(max_bytes.unwrap_or(dparse::DEFAULT_MAX_BYTES));
    let format = format.unwrap_or("text");
    let doc = py.detach(|| -> Result<dparse::Document, String> {
        match format {
            "text" => {
                let mut doc = parser
                    .parse(id.unwrap_or_default(), text)
                    .map_err(|e| e.to_string())?;
                if url.is_some() {
                    doc.url = url;
                }
                Ok(doc)
            }
            "json" => {
                let mut record = Record::from_json(&text, "text").map_err(|e| e.to_string())?;
                if id.is_some() {
                    record.id = id;
                }
                if url.is_some() {
                    record.url = url;
                }
                parser.parse_record(record).map_err(|e| e.to_string())
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
struct Reader {
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
/// article a line), or a directory of such files (sorted by name,
/// recursively). Documents are streamed one at a time.
///
/// A bad record raises `dateline.ParseError` (`PATH:LINE: what is wrong`),
/// unless `on_error` is given: then it is called with the exception and
/// reading goes on with the next record.
#[pyfunction]
#[pyo3(signature = (path, *, on_error=None, text_field="text", max_bytes=None))]
fn read(
    path: PathBuf,
    on_error: Option<Py<PyAny>>,
    text_field: &str,
    max_bytes: Option<usize>,
) -> Reader {
    let opts = InputOptions::new()
        .max_bytes(max_bytes.unwrap_or(dparse::DEFAULT_MAX_BYTES))
        .text_field(text_field);
    Reader {
        docs: dparse::documents(&path, &opts),
        on_error,
    }
}

/// The sample articles embedded in Dateline, parsed (as
/// `dateline parse examples/corpus/seeds` parses them).
#[pyfunction]
fn samples() -> PyResult<Vec<Document>> {
    dateline::samples::documents()
        .map(|docs| {
            docs.into_iter()
                .map(|d| Document::wrap(Arc::new(d)))
                .collect()
        })
        .map_err(|e| ParseError::new_err(format!("the sample articles: {e}")))
}

/// The extension module.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("QueryError", py.get_type::<QueryError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMATS", FORMATS.to_vec())?;
    m.add_class::<Document>()?;
    m.add_class::<Block>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Quote>()?;
    m.add_class::<TaggedDocument>()?;
    m.add_class::<Tagger>()?;
    m.add_class::<Index>()?;
    m.add_class::<SearchResultsPy>()?;
    m.add_class::<Reader>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(samples, m)?)?;
    Ok(())
}
