//! An entity-aware index and query language over tagged news.
//!
//! # Overview
//! [`Index`] holds tagged documents ([`TaggedDocument`]): their title and
//! body terms with positions, quotation text and speakers, entity canonical
//! names by label, and publication dates. [`parse_query`] turns query text
//! such as `person:"John Bolton" AND gpe:russia date:2018` into a [`Query`]
//! tree; [`Index::search`] ranks matching documents with BM25 (as Lucene
//! and tantivy define it) and returns [`Hit`]s with snippets, highlights
//! and matched entities, plus [`Facets`] over all matches. An [`Index`]
//! lives in memory and can be saved whole to a versioned, checksummed file
//! ([`Index::save`], [`Index::load`]). For archives, [`ArchiveWriter`]
//! writes memory-mapped segments on disk (stored with tantivy) within a
//! memory budget, and [`Archive`] opens them in milliseconds and answers
//! the same queries with the same results. The grammar and the formats are
//! documented in `docs/QUERY.md`.
//!
//! # Example
//! ```
//! use dateline_query::{Index, SearchOptions, parse_query, tag::Tagger};
//!
//! let tagger = Tagger::new();
//! let mut index = Index::new();
//! for (id, text) in [
//!     ("a", "Bolton meets Patrushev in Geneva\n\nThe two security advisers met on Thursday.\n"),
//!     ("b", "Election interference\n\nOfficials warned about foreign interference.\n"),
//! ] {
//!     let doc = dateline_query::tag::parse::Parser::new().parse(id, text.to_string())?;
//!     index.add(&tagger.annotate(doc));
//! }
//! let query = parse_query("geneva OR \"foreign interference\"")?;
//! let results = index.search(&query, &SearchOptions::new(10))?;
//! assert_eq!(results.total, 2);
//! assert!(results.hits[0].score > 0.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Input safety
//! Query text is bounded ([`MAX_QUERY_BYTES`], [`MAX_DEPTH`],
//! [`MAX_CLAUSES`]) and every malformed query gets a [`SyntaxError`] with
//! its position. Loading never panics on truncated or corrupted files: the
//! checksum and every count, id and span are verified.

pub use dateline_tag::{self as tag, Date, Document, Entity, Label, Quote, Span, TaggedDocument};

pub use crate::analysis::{Analyzer, DocumentTerms};
pub use crate::archive::{
    Archive, ArchiveWriter, DEFAULT_MEMORY_BUDGET, PreparedDoc, Preparer, WriterOptions,
};
pub use crate::ast::{Cmp, DateQuery, EntityField, PartialDate, Query, TextField};
pub use crate::bm25::{B, K1, fieldnorm_id, fieldnorm_len, idf};
pub use crate::error::{Error, SyntaxError};
pub use crate::index::Index;
pub use crate::parser::{MAX_CLAUSES, MAX_DEPTH, MAX_QUERY_BYTES, parse_query};
pub use crate::search::{
    EntityCount, EntityRef, Facets, Hit, MonthCount, SearchOptions, SearchResults, TopDocs,
};
pub use crate::storage::{FORMAT_VERSION, INDEX_FILE_NAME, IndexSize, MAGIC};

mod analysis;
mod archive;
mod ast;
mod bm25;
mod error;
mod exec;
mod hash;
mod index;
mod parser;
mod resolve;
mod search;
mod storage;
