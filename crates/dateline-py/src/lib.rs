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

use dateline::parse::RecordError;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

mod chars;
mod document;
mod index;
mod tagger;

use document::{Block, Document, Reader};
use index::{Index, SearchResultsPy};
use tagger::{Entity, Quote, TaggedDocument, Tagger};

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

/// The input formats `parse(..., format=...)` and `read(..., format=...)`
/// read: plain text, JSON Lines records, HTML pages and WARC archives.
const FORMATS: &[&str] = &["text", "json", "html", "warc"];

/// A record of [`dateline::json`] as Python values (dicts, lists, str, int,
/// float, None).
pub(crate) fn to_py<'py>(
    py: Python<'py>,
    v: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, v).map_err(PyErr::from)
}

pub(crate) fn record_error(e: &RecordError) -> PyErr {
    ParseError::new_err(e.to_string())
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
    m.add_function(wrap_pyfunction!(document::parse, m)?)?;
    m.add_function(wrap_pyfunction!(document::read, m)?)?;
    m.add_function(wrap_pyfunction!(document::samples, m)?)?;
    Ok(())
}
