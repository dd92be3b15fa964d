//! Tagging: the `Tagger` class and the `Entity`, `Quote` and
//! `TaggedDocument` it gives, one document at a time or in batches on all
//! cores with the GIL released.

use std::sync::Arc;

use dateline::parse::{self as dparse, Parser};
use dateline::tag as dtag;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use rayon::prelude::*;

use crate::chars::CharIndex;
use crate::document::Document;
use crate::{ParseError, to_py};

/// An entity mention: `text`, byte span `start`..`end`, character span
/// `char_start`..`char_end`, `label` (OntoNotes: PERSON, ORG, GPE, …),
/// `canonical` name, normalized `value` (dates, amounts) and, for a GPE,
/// its `sense` (place, agent or team).
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
pub(crate) struct Entity {
    pub(crate) e: dtag::Entity,
    rules: Vec<dtag::RuleId>,
    /// Byte offset of the start.
    #[pyo3(get)]
    start: usize,
    /// Byte offset of the end (exclusive).
    #[pyo3(get)]
    end: usize,
    /// Code-point offset of the start.
    #[pyo3(get)]
    char_start: usize,
    /// Code-point offset of the end (exclusive).
    #[pyo3(get)]
    char_end: usize,
}

#[pymethods]
impl Entity {
    /// The surface text.
    #[getter]
    fn text(&self) -> &str {
        &self.e.text
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
            self.start,
            self.end
        )
    }
}

/// A quotation: `text`, byte span `start`..`end` (and `char_start`,
/// `char_end`), the `speaker` with its span `speaker_start`..`speaker_end`
/// (and `speaker_char_start`, `speaker_char_end`), the `cue` verb and the
/// `kind` (statement or phrase).
#[pyclass(frozen, module = "dateline")]
#[derive(Debug)]
pub(crate) struct Quote {
    pub(crate) q: dtag::Quote,
    rules: Vec<&'static str>,
    /// Byte offset of the start.
    #[pyo3(get)]
    start: usize,
    /// Byte offset of the end (exclusive).
    #[pyo3(get)]
    end: usize,
    /// Code-point offset of the start.
    #[pyo3(get)]
    char_start: usize,
    /// Code-point offset of the end (exclusive).
    #[pyo3(get)]
    char_end: usize,
    /// Byte offset of the speaker's mention.
    #[pyo3(get)]
    speaker_start: Option<usize>,
    /// Byte offset of the end of the speaker's mention.
    #[pyo3(get)]
    speaker_end: Option<usize>,
    /// Code-point offset of the speaker's mention.
    #[pyo3(get)]
    speaker_char_start: Option<usize>,
    /// Code-point offset of the end of the speaker's mention.
    #[pyo3(get)]
    speaker_char_end: Option<usize>,
}

#[pymethods]
impl Quote {
    /// The quoted text.
    #[getter]
    fn text(&self) -> &str {
        &self.q.text
    }
    /// The speaker's canonical name, when found.
    #[getter]
    fn speaker(&self) -> Option<&str> {
        self.q.speaker.as_deref()
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
    /// Ids of the attribution rules that found the cue or the speaker, in
    /// the order they acted.
    #[getter]
    fn rules(&self) -> Vec<&'static str> {
        self.rules.clone()
    }
    /// `{"text","start","end","speaker","speaker_start","speaker_end","cue","kind","rules"}`,
    /// as in `dateline quotes --json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &dateline::json::quote(&self.q, &self.rules))
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
pub(crate) struct TaggedDocument {
    /// The document.
    pub(crate) document: Py<Document>,
    /// Its entity mentions, in text order.
    pub(crate) entities: Py<PyList>,
    /// Its quotations, in text order.
    pub(crate) quotes: Py<PyList>,
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
pub(crate) struct Tagged {
    pub(crate) doc: Arc<dparse::Document>,
    pub(crate) entities: Vec<dtag::ExplainedEntity>,
    pub(crate) quotes: Vec<dtag::ExplainedQuote>,
}

fn entity_objects(chars: &CharIndex, entities: Vec<dtag::ExplainedEntity>) -> Vec<Entity> {
    entities
        .into_iter()
        .map(|x| Entity {
            start: x.entity.span.start,
            end: x.entity.span.end,
            char_start: chars.char_of(x.entity.span.start),
            char_end: chars.char_of(x.entity.span.end),
            e: x.entity,
            rules: x.rules,
        })
        .collect()
}

fn quote_objects(chars: &CharIndex, quotes: Vec<dtag::ExplainedQuote>) -> Vec<Quote> {
    quotes
        .into_iter()
        .map(
            |dtag::ExplainedQuote {
                 quote: q, rules, ..
             }| {
                let speaker = q.speaker_span;
                Quote {
                    start: q.span.start,
                    end: q.span.end,
                    char_start: chars.char_of(q.span.start),
                    char_end: chars.char_of(q.span.end),
                    speaker_start: speaker.map(|s| s.start),
                    speaker_end: speaker.map(|s| s.end),
                    speaker_char_start: speaker.map(|s| chars.char_of(s.start)),
                    speaker_char_end: speaker.map(|s| chars.char_of(s.end)),
                    q,
                    rules,
                }
            },
        )
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
pub(crate) enum Input {
    Doc(Arc<dparse::Document>),
    Text(String),
}

impl Input {
    pub(crate) fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
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
pub(crate) struct Tagger {
    pub(crate) tagger: dtag::Tagger,
}

impl Tagger {
    /// Entities with their rules (as `dateline entities --json` gives
    /// them) and, when asked for, quotations.
    fn tag(&self, doc: Arc<dparse::Document>, quotes: bool) -> Tagged {
        let entities = self.tagger.explain(&doc).entities;
        let quotes = if quotes {
            let plain: Vec<dtag::Entity> = entities.iter().map(|x| x.entity.clone()).collect();
            dtag::explain_quotes(&doc, &plain)
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
    pub(crate) fn tag_many(
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

impl Tagger {
    /// Tags many documents (see `tag_many`) and turns each result into
    /// Python objects with `each`.
    fn batch<T>(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        quotes: bool,
        threads: Option<usize>,
        each: impl Fn(&CharIndex, Tagged) -> T,
    ) -> PyResult<Vec<T>> {
        let tagged = self.tag_many(py, inputs(docs)?, quotes, threads)?;
        Ok(tagged
            .into_iter()
            .map(|t| each(&CharIndex::new(&t.doc.text), t))
            .collect())
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
        self.batch(py, docs, false, threads, |chars, t| {
            entity_objects(chars, t.entities)
        })
    }

    /// Quotations of many documents: a list of lists, in input order.
    #[pyo3(signature = (docs, threads=None))]
    fn quotes_batch(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Quote>>> {
        self.batch(py, docs, true, threads, |chars, t| {
            quote_objects(chars, t.quotes)
        })
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
