//! The on-disk index for archives: segments stored with tantivy, searched
//! with Dateline's own query semantics.
//!
//! An archive is a directory of immutable segments (tantivy's format:
//! term dictionaries as finite-state transducers, block-encoded postings,
//! one-byte field norms, columnar fast fields, a compressed document
//! store), all memory-mapped, so opening one reads only small per-segment
//! headers whatever the number of documents. [`ArchiveWriter`] adds
//! documents into new segments within a memory budget and never rewrites
//! committed ones; segments are merged in the background (a log-size merge
//! policy whose merges fit in the memory budget, module `merge`) and on demand ([`ArchiveWriter::merge_all`]). A commit replaces
//! one small metadata file atomically, so a writer killed at any moment
//! leaves the last committed archive intact; a lock file keeps a second
//! writer out.
//!
//! Queries are planned and run by the same executor as the in-memory
//! [`Index`](crate::Index) (module `exec`), over each segment's postings,
//! with BM25 statistics as tantivy computes them (document count and field
//! lengths over all segments, deleted documents included until their
//! segment is merged).

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    Field as TField, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};

use crate::Error;
use crate::index::{NUM_FIELDS, is_positional, label_field_name};

mod known;
mod merge;
mod queue;
mod reader;
mod segment;
mod stored;
mod writer;

pub use reader::Archive;
pub use writer::{ArchiveWriter, DEFAULT_MEMORY_BUDGET, PreparedDoc, Preparer, WriterOptions};

/// File name of the single-file index format of earlier versions.
const OLD_FILE: &str = crate::storage::INDEX_FILE_NAME;
/// tantivy's commit point.
pub(super) const META_FILE: &str = "meta.json";
/// Separates the parts of composite terms.
pub(super) const SEP: char = '\u{1f}';

/// The schema fields of an archive.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub(super) id: TField,
    /// Dateline field id -> tantivy field.
    pub(super) text: [TField; NUM_FIELDS],
    pub(super) alias: TField,
    pub(super) display: TField,
    pub(super) facet: TField,
    pub(super) day: TField,
    pub(super) month: TField,
    pub(super) seq: TField,
    pub(super) stored: TField,
}

fn field_name(f: usize) -> &'static str {
    match f {
        0 => "title",
        1 => "body",
        2 => "quote",
        3 => "speaker",
        _ => crate::index::field_label(f)
            .and_then(label_field_name)
            .unwrap_or("entity"),
    }
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING);
    let positional = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let names = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs),
    );
    let keys = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let text: [TField; NUM_FIELDS] = std::array::from_fn(|f| {
        let opts = if is_positional(f) {
            positional.clone()
        } else {
            names.clone()
        };
        b.add_text_field(field_name(f), opts)
    });
    let alias = b.add_text_field("alias", keys.clone());
    let display = b.add_text_field("display", keys);
    let facet = b.add_text_field("facet", TextOptions::default().set_fast("raw"));
    let day = b.add_i64_field("day", NumericOptions::default().set_fast());
    let month = b.add_i64_field("month", NumericOptions::default().set_fast());
    let seq = b.add_u64_field("seq", NumericOptions::default().set_fast());
    let stored = b.add_bytes_field("stored", STORED);
    let fields = Fields {
        id,
        text,
        alias,
        display,
        facet,
        day,
        month,
        seq,
        stored,
    };
    (b.build(), fields)
}

pub(super) fn engine_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Archive {
        path: dir.to_path_buf(),
        message: e.to_string(),
    }
}

pub(super) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuses a directory holding an index of the earlier single-file format.
fn check_not_old(dir: &Path) -> Result<(), Error> {
    if dir.join(OLD_FILE).is_file() && !dir.join(META_FILE).exists() {
        return Err(Error::OldFormat {
            path: dir.to_path_buf(),
        });
    }
    Ok(())
}

pub(super) fn open_index(dir: &Path, create: bool) -> Result<(tantivy::Index, Fields), Error> {
    check_not_old(dir)?;
    let (schema, fields) = schema();
    if create {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    } else if !dir.join(META_FILE).is_file() {
        return Err(Error::Io {
            path: dir.join(META_FILE),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no index here (build one with `dateline index`)",
            ),
        });
    }
    let mmap = MmapDirectory::open(dir).map_err(|e| engine_error(dir, e))?;
    let index = if create {
        tantivy::Index::open_or_create(mmap, schema.clone())
    } else {
        tantivy::Index::open(mmap)
    }
    .map_err(|e| engine_error(dir, e))?;
    if index.schema() != schema {
        return Err(engine_error(
            dir,
            "not a dateline index of this version (its fields differ); rebuild it",
        ));
    }
    Ok((index, fields))
}
