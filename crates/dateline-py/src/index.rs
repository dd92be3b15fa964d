//! Search: the `Index` class (in memory, or the command line's archive
//! directory) and its `SearchResults`.

use std::path::PathBuf;
use std::sync::Arc;

use dateline::query::{self as dquery, SearchOptions, SearchResults};
use dateline::tag::{self as dtag, TaggedDocument as RsTagged};
use pyo3::prelude::*;

use crate::document::Document;
use crate::tagger::{Entity, Input, Quote, TaggedDocument, Tagger};
use crate::{Error, QueryError, to_py};

/// Search results: `total` matching documents, the best `hits` (dicts with
/// id, score, title, date, snippet and highlights) and, when asked for,
/// `facets` (co-mentioned entities by label and a month histogram).
/// `to_dict()` is the record of `dateline search --json`.
#[pyclass(frozen, name = "SearchResults", module = "dateline")]
#[derive(Debug)]
pub(crate) struct SearchResultsPy {
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
pub(crate) struct Index {
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
                quotes: t.quotes.into_iter().map(|x| x.quote).collect(),
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
