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
//! policy) and on demand ([`ArchiveWriter::merge_all`]). A commit replaces
//! one small metadata file atomically, so a writer killed at any moment
//! leaves the last committed archive intact; a lock file keeps a second
//! writer out.
//!
//! Queries are planned and run by the same executor as the in-memory
//! [`Index`](crate::Index) (module `exec`), over each segment's postings,
//! with BM25 statistics as tantivy computes them (document count and field
//! lengths over all segments, deleted documents included until their
//! segment is merged).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use tantivy::columnar::{Column, StrColumn};
use tantivy::directory::MmapDirectory;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentReader;
use tantivy::schema::{
    Field as TField, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{DocSet, IndexWriter, TERMINATED, TantivyDocument, Term};

use crate::analysis::Analyzer;
use crate::bm25::Bm25;
use crate::exec::{
    FacetCounts, LoadedDoc, Matches, Planner, Segment, better_display, exec, make_hit,
    phrase_freq_with, plan, top_k,
};
use crate::hash::FastMap;
use crate::index::{
    FIRST_ENTITY, NUM_FIELDS, Postings, SPEAKER, analyze, entity_field, is_positional,
    label_field_name,
};
use crate::search::{SearchOptions, SearchResults};
use crate::storage::{Reader, Writer};
use crate::{Date, Error, Label, Query, TaggedDocument};

/// File name of the single-file index format of earlier versions.
const OLD_FILE: &str = crate::storage::INDEX_FILE_NAME;
/// tantivy's commit point.
const META_FILE: &str = "meta.json";
/// Separates the parts of composite terms.
const SEP: char = '\u{1f}';

/// Default memory budget of a writer, in bytes.
pub const DEFAULT_MEMORY_BUDGET: usize = 512 << 20;

/// The schema fields of an archive.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: TField,
    /// Dateline field id -> tantivy field.
    text: [TField; NUM_FIELDS],
    alias: TField,
    display: TField,
    facet: TField,
    day: TField,
    month: TField,
    seq: TField,
    stored: TField,
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

fn schema() -> (Schema, Fields) {
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

fn engine_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Archive {
        path: dir.to_path_buf(),
        message: e.to_string(),
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
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

fn pretokenized<'a>(terms: impl IntoIterator<Item = &'a str>) -> PreTokenizedString {
    let tokens = terms
        .into_iter()
        .enumerate()
        .map(|(i, t)| Token {
            offset_from: 0,
            offset_to: 0,
            position: i,
            text: t.to_string(),
            position_length: 1,
        })
        .collect();
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

fn encode_stored(doc: &LoadedDoc) -> Vec<u8> {
    let mut w = Writer { buf: Vec::new() };
    w.str(&doc.id);
    w.opt_str(doc.title.as_deref());
    w.opt_str(doc.url.as_deref());
    match doc.date {
        None => w.varint(0),
        Some(d) => {
            let days = d.days_since_epoch();
            w.varint((((days << 1) ^ (days >> 63)) as u64) + 1);
        }
    }
    w.str(&doc.text);
    w.varint(doc.body.len() as u64);
    for s in &doc.body {
        w.span(0, *s);
    }
    w.varint(doc.mentions.len() as u64);
    for (f, name, s) in &doc.mentions {
        w.u8(*f as u8);
        w.str(name);
        w.span(0, *s);
    }
    w.varint(doc.quotes.len() as u64);
    for (s, speaker, speaker_span) in &doc.quotes {
        w.span(0, *s);
        w.opt_str(speaker.as_deref());
        match speaker_span {
            None => w.u8(0),
            Some(s) => {
                w.u8(1);
                w.span(0, *s);
            }
        }
    }
    w.buf
}

fn decode_stored(bytes: &[u8]) -> Result<LoadedDoc, Error> {
    let mut r = Reader { buf: bytes, pos: 0 };
    let id = r.str()?.to_string();
    let title = r.opt_str()?.map(str::to_string);
    let url = r.opt_str()?.map(str::to_string);
    let date = match r.varint()? {
        0 => None,
        z => {
            let z = z - 1;
            let days = ((z >> 1) as i64) ^ -((z & 1) as i64);
            if !(-1_000_000..=3_000_000).contains(&days) {
                return Err(r.corrupt("date out of range"));
            }
            Some(Date::from_days_since_epoch(days))
        }
    };
    let text = r.str()?.to_string();
    let n = r.count(2, "body span")?;
    let mut body = Vec::with_capacity(n);
    for _ in 0..n {
        body.push(r.span(0, &text)?);
    }
    if !body.is_sorted() {
        return Err(r.corrupt("body spans out of order"));
    }
    let n = r.count(4, "mention")?;
    let mut mentions = Vec::with_capacity(n);
    for _ in 0..n {
        let f = r.u8()? as usize;
        if !(FIRST_ENTITY..NUM_FIELDS).contains(&f) {
            return Err(r.corrupt("mention of an unknown field"));
        }
        let name = r.str()?.to_string();
        mentions.push((f, name, r.span(0, &text)?));
    }
    let n = r.count(4, "quotation")?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span(0, &text)?;
        let speaker = r.opt_str()?.map(str::to_string);
        let speaker_span = match r.u8()? {
            0 => None,
            1 => Some(r.span(0, &text)?),
            _ => return Err(r.corrupt("bad option flag")),
        };
        quotes.push((span, speaker, speaker_span));
    }
    Ok(LoadedDoc {
        id,
        title,
        url,
        date,
        text,
        body,
        mentions,
        quotes,
    })
}

/// A document analyzed and ready to be added to an archive
/// ([`ArchiveWriter::add_prepared`]); made by a [`Preparer`], possibly on
/// another thread.
#[derive(Debug)]
pub struct PreparedDoc {
    id: String,
    text_bytes: usize,
    doc: TantivyDocument,
}

impl PreparedDoc {
    /// The document's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Bytes of article text.
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }
}

/// Turns tagged documents into [`PreparedDoc`]s. Cheap to clone: give each
/// worker thread its own.
#[derive(Debug, Clone)]
pub struct Preparer {
    analyzer: Analyzer,
    fields: Fields,
    names: FastMap<Box<str>, Box<str>>,
}

impl Preparer {
    /// Analyzes a tagged document for an archive.
    pub fn prepare(&mut self, tagged: &TaggedDocument) -> PreparedDoc {
        let a = analyze(&self.analyzer, &mut self.names, tagged);
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &a.doc.id);
        for (fid, terms) in [(0, &a.title), (1, &a.body), (2, &a.quote)] {
            doc.add_pre_tokenized_text(f.text[fid], pretokenized(terms.iter().map(String::as_str)));
        }
        doc.add_pre_tokenized_text(
            f.text[SPEAKER],
            pretokenized(a.speakers.iter().map(|(n, _)| n.as_str())),
        );
        for fid in FIRST_ENTITY..NUM_FIELDS {
            doc.add_pre_tokenized_text(
                f.text[fid],
                pretokenized(
                    a.entities
                        .iter()
                        .filter(|e| e.0 == fid)
                        .map(|e| e.1.as_str()),
                ),
            );
        }
        let mut keys: Vec<String> = a
            .aliases
            .iter()
            .map(|(s, fid, n)| format!("{s}{SEP}{fid}{SEP}{n}"))
            .collect();
        keys.sort();
        keys.dedup();
        doc.add_pre_tokenized_text(f.alias, pretokenized(keys.iter().map(String::as_str)));
        let mut shown: Vec<String> = a
            .entities
            .iter()
            .map(|(fid, n, d)| format!("{fid}{SEP}{n}{SEP}{d}"))
            .chain(
                a.speakers
                    .iter()
                    .map(|(n, d)| format!("{SPEAKER}{SEP}{n}{SEP}{d}")),
            )
            .collect();
        shown.sort();
        shown.dedup();
        doc.add_pre_tokenized_text(f.display, pretokenized(shown.iter().map(String::as_str)));
        let mut facet: Vec<String> = a
            .entities
            .iter()
            .map(|(fid, n, _)| format!("{fid}{SEP}{n}"))
            .collect();
        facet.sort();
        facet.dedup();
        for k in &facet {
            doc.add_text(f.facet, k);
        }
        if let Some(d) = a.doc.date {
            doc.add_i64(f.day, d.days_since_epoch());
            doc.add_i64(f.month, i64::from(d.year) * 12 + i64::from(d.month) - 1);
        }
        doc.add_bytes(f.stored, &encode_stored(&a.doc));
        PreparedDoc {
            id: a.doc.id,
            text_bytes: a.doc.text.len(),
            doc,
        }
    }
}

/// How an [`ArchiveWriter`] works.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WriterOptions {
    /// Memory for documents not yet written to segments, in bytes; a
    /// segment is written whenever it fills (at least 15 MB per thread).
    pub memory_budget: usize,
    /// Indexing threads (each builds its own segments).
    pub threads: usize,
    /// Wait for another writer to finish instead of failing with
    /// [`Error::Locked`].
    pub wait: bool,
}

impl WriterOptions {
    /// The defaults: [`DEFAULT_MEMORY_BUDGET`], one thread, no waiting.
    pub fn new() -> WriterOptions {
        WriterOptions::default()
    }

    /// Sets the memory budget, in bytes.
    pub fn memory_budget(mut self, bytes: usize) -> WriterOptions {
        self.memory_budget = bytes;
        self
    }

    /// Sets the number of indexing threads.
    pub fn threads(mut self, n: usize) -> WriterOptions {
        self.threads = n;
        self
    }

    /// Waits for another writer instead of failing.
    pub fn wait(mut self, on: bool) -> WriterOptions {
        self.wait = on;
        self
    }
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            memory_budget: DEFAULT_MEMORY_BUDGET,
            threads: 1,
            wait: false,
        }
    }
}

/// Adds documents to an archive (creating it if needed). One writer per
/// archive at a time: a lock file keeps others out.
///
/// Nothing is visible to readers until [`ArchiveWriter::commit`]; a writer
/// dropped or killed before committing leaves the archive as it was.
pub struct ArchiveWriter {
    dir: PathBuf,
    index: tantivy::Index,
    writer: IndexWriter<TantivyDocument>,
    preparer: Preparer,
    next_seq: u64,
}

impl std::fmt::Debug for ArchiveWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArchiveWriter")
            .field("dir", &self.dir)
            .field("next_seq", &self.next_seq)
            .finish_non_exhaustive()
    }
}

/// Removes temporary files a killed writer left behind (tantivy's
/// `.tmpXXXXXX` from atomic writes, and the earlier format's
/// `.dateline.idx.tmp-PID`). Only called while holding the writer lock.
fn remove_stale_temporaries(dir: &Path) -> Result<usize, Error> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        let entry = entry.map_err(io_error(dir))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = name.starts_with(".tmp") || name.starts_with(".dateline.idx.tmp-");
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(io_error(&path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn open_index(dir: &Path, create: bool) -> Result<(tantivy::Index, Fields), Error> {
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

impl ArchiveWriter {
    /// Opens (or creates) the archive in `dir` for writing: takes the
    /// writer lock, removes temporary files and unreferenced segment files
    /// a killed writer left behind.
    ///
    /// # Errors
    /// [`Error::Locked`] when another writer holds the lock (unless
    /// `opts.wait`), [`Error::OldFormat`] for an index of the earlier
    /// single-file format, [`Error::Io`] or [`Error::Archive`] otherwise.
    pub fn open(dir: impl AsRef<Path>, opts: &WriterOptions) -> Result<ArchiveWriter, Error> {
        let dir = dir.as_ref();
        let (index, fields) = open_index(dir, true)?;
        let threads = opts.threads.clamp(1, 8);
        let min = 15 << 20;
        let budget = opts.memory_budget.max(min * threads);
        let writer = loop {
            match index.writer_with_num_threads::<TantivyDocument>(threads, budget) {
                Ok(w) => break w,
                Err(tantivy::TantivyError::LockFailure(
                    tantivy::directory::error::LockError::LockBusy,
                    _,
                )) => {
                    if !opts.wait {
                        return Err(Error::Locked {
                            path: dir.to_path_buf(),
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                Err(e) => return Err(engine_error(dir, e)),
            }
        };
        remove_stale_temporaries(dir)?;
        writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| engine_error(dir, e))?;
        // Sequence numbers order documents by arrival (ties in ranking).
        let reader = index.reader().map_err(|e| engine_error(dir, e))?;
        let mut next_seq = 0;
        for seg in reader.searcher().segment_readers() {
            if seg.max_doc() > 0 {
                let col = seg
                    .fast_fields()
                    .u64("seq")
                    .map_err(|e| engine_error(dir, e))?;
                next_seq = next_seq.max(col.max_value() + 1);
            }
        }
        Ok(ArchiveWriter {
            dir: dir.to_path_buf(),
            preparer: Preparer {
                analyzer: Analyzer::new(),
                fields,
                names: FastMap::default(),
            },
            index,
            writer,
            next_seq,
        })
    }

    /// A [`Preparer`] for worker threads.
    pub fn preparer(&self) -> Preparer {
        let mut p = self.preparer.clone();
        p.names = FastMap::default();
        p
    }

    /// Adds a document; a document with the same id is replaced.
    ///
    /// # Errors
    /// [`Error::Archive`] when the indexing threads failed.
    pub fn add(&mut self, tagged: &TaggedDocument) -> Result<(), Error> {
        let doc = self.preparer.prepare(tagged);
        self.add_prepared(doc)
    }

    /// Adds a prepared document; a document with the same id (added
    /// before, in this writer or an earlier one) is replaced.
    ///
    /// # Errors
    /// [`Error::Archive`] when the indexing threads failed.
    pub fn add_prepared(&mut self, prepared: PreparedDoc) -> Result<(), Error> {
        let PreparedDoc { id, mut doc, .. } = prepared;
        self.writer
            .delete_term(Term::from_field_text(self.preparer.fields.id, &id));
        doc.add_u64(self.preparer.fields.seq, self.next_seq);
        self.next_seq += 1;
        self.writer
            .add_document(doc)
            .map_err(|e| engine_error(&self.dir, e))?;
        Ok(())
    }

    /// Deletes the document with this id (when there is one).
    pub fn delete(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.preparer.fields.id, id));
    }

    /// Makes every change so far durable and visible, atomically.
    ///
    /// # Errors
    /// [`Error::Archive`] when writing failed (the previous commit stays).
    pub fn commit(&mut self) -> Result<(), Error> {
        self.writer
            .commit()
            .map_err(|e| engine_error(&self.dir, e))?;
        Ok(())
    }

    /// Merges every segment into one (deleted documents are dropped).
    ///
    /// # Errors
    /// [`Error::Archive`] when merging failed.
    pub fn merge_all(&mut self) -> Result<(), Error> {
        let ids = self
            .index
            .searchable_segment_ids()
            .map_err(|e| engine_error(&self.dir, e))?;
        if ids.len() > 1 {
            self.writer
                .merge(&ids)
                .wait()
                .map_err(|e| engine_error(&self.dir, e))?;
        }
        Ok(())
    }

    /// Waits for background merges and releases the lock. Uncommitted
    /// changes are dropped.
    ///
    /// # Errors
    /// [`Error::Archive`] when a merge failed.
    pub fn finish(self) -> Result<(), Error> {
        let dir = self.dir;
        self.writer
            .wait_merging_threads()
            .map_err(|e| engine_error(&dir, e))?;
        Ok(())
    }
}

/// One segment of an open archive.
struct SegView {
    reader: SegmentReader,
    inverted: Vec<std::sync::Arc<tantivy::InvertedIndexReader>>,
    norms: Vec<Option<FieldNormReader>>,
    seq: Column<u64>,
    day: Column<i64>,
    month: Column<i64>,
    facet: Option<StrColumn>,
    fields: Fields,
}

impl SegView {
    fn term(&self, field: usize, text: &str) -> Term {
        Term::from_field_text(self.fields.text[field], text)
    }

    fn seq(&self, d: u32) -> u64 {
        self.seq.first(d).unwrap_or(u64::MAX)
    }

    fn stored_bytes(&self, d: u32) -> Result<Vec<u8>, Error> {
        let store = self
            .reader
            .get_store_reader(1)
            .map_err(|e| Error::Corrupt {
                offset: 0,
                what: format!("document store: {e}"),
            })?;
        let doc: TantivyDocument = store.get(d).map_err(|e| Error::Corrupt {
            offset: 0,
            what: format!("document store: {e}"),
        })?;
        doc.get_first(self.fields.stored)
            .and_then(|v| v.as_bytes())
            .map(<[u8]>::to_vec)
            .ok_or_else(|| Error::Corrupt {
                offset: 0,
                what: "stored document missing".into(),
            })
    }

    /// The id of document `d` (without decoding the rest).
    fn load_id(&self, d: u32) -> Result<String, Error> {
        let bytes = self.stored_bytes(d)?;
        let mut r = Reader {
            buf: &bytes,
            pos: 0,
        };
        Ok(r.str()?.to_string())
    }

    fn load(&self, d: u32) -> Result<LoadedDoc, Error> {
        decode_stored(&self.stored_bytes(d)?)
    }

    /// Adds the facets of matching documents `docs` to `counts`.
    fn count_facets(&self, docs: &[u32], counts: &mut FacetCounts) -> Result<(), Error> {
        if let Some(col) = &self.facet {
            let mut per_ord = vec![0u32; col.num_terms()];
            for &d in docs {
                for ord in col.term_ords(d) {
                    if let Some(c) = per_ord.get_mut(ord as usize) {
                        *c += 1;
                    }
                }
            }
            let mut stream = col.dictionary().stream().map_err(|e| Error::Corrupt {
                offset: 0,
                what: format!("facet dictionary: {e}"),
            })?;
            while stream.advance() {
                let c = per_ord
                    .get(stream.term_ord() as usize)
                    .copied()
                    .unwrap_or(0);
                if c == 0 {
                    continue;
                }
                let key = String::from_utf8_lossy(stream.key());
                if let Some((f, name)) = key.split_once(SEP)
                    && let Ok(f) = f.parse::<usize>()
                {
                    *counts.entities.entry((f, name.to_string())).or_default() += c as usize;
                }
            }
        }
        for &d in docs {
            match self.month.first(d) {
                Some(m) => {
                    let key = ((m.div_euclid(12)) as i32, (m.rem_euclid(12) + 1) as u8);
                    *counts.months.entry(key).or_default() += 1;
                }
                None => counts.undated += 1,
            }
        }
        Ok(())
    }
}

impl Segment for SegView {
    fn max_doc(&self) -> u32 {
        self.reader.max_doc()
    }

    fn is_live(&self, d: u32) -> bool {
        self.reader.alive_bitset().is_none_or(|a| a.is_alive(d))
    }

    fn postings(&self, field: usize, term: &str, positions: bool) -> Option<Cow<'_, Postings>> {
        let option = if positions && is_positional(field) {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        let mut sp = self
            .inverted
            .get(field)?
            .read_postings(&self.term(field, term), option)
            .ok()??;
        let mut p = Postings::default();
        let mut buf = Vec::new();
        let mut d = sp.doc();
        while d != TERMINATED {
            p.docs.push(d);
            let tf = tantivy::postings::Postings::term_freq(&sp);
            p.freqs.push(tf);
            if option == IndexRecordOption::WithFreqsAndPositions {
                tantivy::postings::Postings::positions(&mut sp, &mut buf);
                p.pos_start.push(p.positions.len() as u32);
                // Keep the invariant `positions_of` relies on.
                buf.resize(tf as usize, 0);
                p.positions.extend_from_slice(&buf);
            }
            d = sp.advance();
        }
        Some(Cow::Owned(p))
    }

    fn score_term(&self, field: usize, term: &str, bm: &Bm25<'_>, out: &mut Matches) {
        let Some(inv) = self.inverted.get(field) else {
            return;
        };
        let Ok(Some(mut sp)) =
            inv.read_postings(&self.term(field, term), IndexRecordOption::WithFreqs)
        else {
            return;
        };
        let n = sp.doc_freq() as usize;
        out.docs.reserve(n);
        out.scores.reserve(n);
        let norms = self.norms.get(field).and_then(Option::as_ref);
        let alive = self.reader.alive_bitset();
        let mut d = sp.doc();
        while d != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(d)) {
                let norm = norms.map_or(0, |x| x.fieldnorm_id(d));
                out.push(
                    d,
                    bm.score(norm, tantivy::postings::Postings::term_freq(&sp)),
                );
            }
            d = sp.advance();
        }
    }

    fn score_phrase(
        &self,
        field: usize,
        terms: &[String],
        slop: u32,
        bm: &Bm25<'_>,
        out: &mut Matches,
    ) {
        use tantivy::postings::Postings as _;
        let Some(inv) = self.inverted.get(field) else {
            return;
        };
        let mut lists = Vec::with_capacity(terms.len());
        for t in terms {
            match inv.read_postings(
                &self.term(field, t),
                IndexRecordOption::WithFreqsAndPositions,
            ) {
                Ok(Some(p)) => lists.push(p),
                _ => return,
            }
        }
        // The rarest term leads the intersection.
        lists.sort_by_key(|p| p.doc_freq());
        let order: Vec<usize> = {
            let mut by_df: Vec<(u32, usize)> = Vec::new();
            for (i, t) in terms.iter().enumerate() {
                let df = inv.doc_freq(&self.term(field, t)).unwrap_or(0);
                by_df.push((df, i));
            }
            by_df.sort();
            by_df.into_iter().map(|(_, i)| i).collect()
        };
        let norms = self.norms.get(field).and_then(Option::as_ref);
        let alive = self.reader.alive_bitset();
        let mut bufs: Vec<Vec<u32>> = vec![Vec::new(); terms.len()];
        let mut cursors = Vec::with_capacity(terms.len());
        let mut d = lists[0].doc();
        while d != TERMINATED {
            let mut next = d;
            for list in lists.iter_mut().skip(1) {
                let x = if list.doc() >= d {
                    list.doc()
                } else {
                    list.seek(d)
                };
                if x != d {
                    next = x;
                    break;
                }
            }
            if next != d {
                if next == TERMINATED {
                    break;
                }
                d = lists[0].seek(next);
                continue;
            }
            if alive.is_none_or(|a| a.is_alive(d)) {
                // Positions in the phrase's term order.
                for (list, &term_index) in lists.iter_mut().zip(&order) {
                    list.positions(&mut bufs[term_index]);
                }
                let tf = phrase_freq_with(&bufs, slop, &mut cursors);
                if tf > 0 {
                    let norm = norms.map_or(0, |x| x.fieldnorm_id(d));
                    out.push(d, bm.score(norm, tf));
                }
            }
            d = lists[0].advance();
        }
    }

    fn norm(&self, field: usize, d: u32) -> u8 {
        self.norms
            .get(field)
            .and_then(Option::as_ref)
            .map_or(0, |n| n.fieldnorm_id(d))
    }

    fn dated_between(&self, lo: i64, hi: i64) -> Vec<u32> {
        let mut out = Vec::new();
        if lo > hi {
            return out;
        }
        self.day
            .get_docids_for_value_range(lo..=hi, 0..self.max_doc(), &mut out);
        out.sort_unstable();
        out.dedup();
        out.retain(|&d| self.is_live(d));
        out
    }
}

/// An open archive: a consistent view of its last commit.
///
/// ```
/// use dateline_query::{Archive, ArchiveWriter, WriterOptions, tag::Tagger};
/// let dir = std::env::temp_dir().join(format!("dateline-archive-doc-{}", std::process::id()));
/// let doc = dateline_query::tag::parse::parse("Bolton meets Patrushev\n\nThe advisers met in Geneva.\n");
/// let mut writer = ArchiveWriter::open(&dir, &WriterOptions::default())?;
/// writer.add(&Tagger::new().annotate(doc))?;
/// writer.commit()?;
/// writer.finish()?;
/// let archive = Archive::open(&dir)?;
/// assert_eq!(archive.search_str("geneva", 10)?.total, 1);
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), dateline_query::Error>(())
/// ```
pub struct Archive {
    dir: PathBuf,
    analyzer: Analyzer,
    fields: Fields,
    segments: Vec<SegView>,
    searcher: tantivy::Searcher,
    num_docs: u64,
    tables: Vec<[f32; 256]>,
    use_kb: bool,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("dir", &self.dir)
            .field("segments", &self.segments.len())
            .field("num_docs", &self.num_docs)
            .finish_non_exhaustive()
    }
}

impl Archive {
    /// Opens the last commit of the archive in `dir`. Reads only
    /// per-segment headers; postings, norms and documents are
    /// memory-mapped and read when a query needs them.
    ///
    /// # Errors
    /// [`Error::OldFormat`] for an index of the earlier single-file format,
    /// [`Error::Io`] when there is no archive, [`Error::Archive`] or
    /// [`Error::Corrupt`] for a damaged one.
    pub fn open(dir: impl AsRef<Path>) -> Result<Archive, Error> {
        let dir = dir.as_ref();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Archive::open_inner(dir))) {
            Ok(r) => r,
            Err(_) => Err(engine_error(
                dir,
                "damaged index (its files are inconsistent)",
            )),
        }
    }

    fn open_inner(dir: &Path) -> Result<Archive, Error> {
        let (index, fields) = open_index(dir, false)?;
        let err = |e: tantivy::TantivyError| engine_error(dir, e);
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        let searcher = reader.searcher();
        let mut segments = Vec::new();
        let mut num_docs = 0u64;
        let mut tokens = [0u64; NUM_FIELDS];
        for seg in searcher.segment_readers() {
            num_docs += u64::from(seg.max_doc());
            let mut inverted = Vec::with_capacity(NUM_FIELDS);
            let mut norms = Vec::with_capacity(NUM_FIELDS);
            for (f, &tf) in fields.text.iter().enumerate() {
                let inv = seg.inverted_index(tf).map_err(err)?;
                tokens[f] += inv.total_num_tokens();
                inverted.push(inv);
                norms.push(seg.get_fieldnorms_reader(tf).ok());
            }
            let ff = seg.fast_fields();
            segments.push(SegView {
                reader: seg.clone(),
                inverted,
                norms,
                seq: ff.u64("seq").map_err(err)?,
                day: ff.i64("day").map_err(err)?,
                month: ff.i64("month").map_err(err)?,
                facet: ff.str("facet").map_err(err)?,
                fields,
            });
        }
        let tables = tokens
            .iter()
            .map(|&t| crate::bm25::norm_table(t, num_docs))
            .collect();
        Ok(Archive {
            dir: dir.to_path_buf(),
            analyzer: Analyzer::new(),
            fields,
            segments,
            searcher,
            num_docs,
            tables,
            use_kb: true,
        })
    }

    /// Turns off resolving entity values through the tag layer's bundled
    /// knowledge base (as [`crate::Index::without_knowledge_base`]).
    pub fn without_knowledge_base(mut self) -> Archive {
        self.use_kb = false;
        self
    }

    /// Number of live documents.
    pub fn len(&self) -> usize {
        self.searcher.num_docs() as usize
    }

    /// True when the archive holds no live document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of segments.
    pub fn num_segments(&self) -> usize {
        self.segments.len()
    }

    /// True when a live document has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.segments.iter().any(|s| {
            let term = Term::from_field_text(self.fields.id, id);
            let Ok(Some(mut p)) = s.reader.inverted_index(self.fields.id).and_then(|inv| {
                inv.read_postings(&term, IndexRecordOption::Basic)
                    .map_err(Into::into)
            }) else {
                return false;
            };
            let mut d = p.doc();
            while d != TERMINATED {
                if s.is_live(d) {
                    return true;
                }
                d = p.advance();
            }
            false
        })
    }

    /// Runs `f`, turning a panic inside the storage engine (a damaged file)
    /// into an error.
    fn guarded<T>(&self, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(r) => r,
            Err(_) => Err(engine_error(&self.dir, "damaged index (reading it failed)")),
        }
    }

    fn run(&self, q: &Query) -> Result<(Vec<Matches>, crate::exec::Wanted), Error> {
        let (p, wanted) = plan(self, q)?;
        let m = self.segments.iter().map(|s| exec(s, &p)).collect();
        Ok((m, wanted))
    }

    /// Every matching document's id, in the order documents were added.
    ///
    /// # Errors
    /// [`Error::TooDeep`] for a hand-built tree deeper than the parser
    /// allows; [`Error::Corrupt`] or [`Error::Archive`] for a damaged archive.
    pub fn matching_ids(&self, q: &Query) -> Result<Vec<String>, Error> {
        self.guarded(|| {
            let (m, _) = self.run(q)?;
            let mut all = Vec::new();
            for (s, m) in self.segments.iter().zip(&m) {
                for &d in &m.docs {
                    all.push((s.seq(d), s.load(d)?.id));
                }
            }
            all.sort();
            Ok(all.into_iter().map(|(_, id)| id).collect())
        })
    }

    /// The number of matches and the ids and scores of the `limit` best
    /// (ties: earlier added first), without snippets or facets.
    ///
    /// # Errors
    /// As [`Archive::search`].
    pub fn top_docs(&self, q: &Query, limit: usize) -> Result<(usize, Vec<(String, f32)>), Error> {
        self.guarded(|| {
            let (p, _) = plan(self, q)?;
            let mut total = 0;
            let mut top = Vec::new();
            for (si, s) in self.segments.iter().enumerate() {
                let m = exec(s, &p);
                total += m.docs.len();
                top_k(
                    m.docs.iter().zip(&m.scores).map(|(&d, &sc)| (sc, (si, d))),
                    |(_, d)| s.seq(d),
                    limit,
                    &mut top,
                );
            }
            let mut docs = Vec::with_capacity(top.len());
            for (_, score, (si, d)) in top {
                docs.push((self.segments[si].load_id(d)?, score));
            }
            Ok((total, docs))
        })
    }

    /// Parses and runs a query, returning up to `limit` hits without facets.
    ///
    /// # Errors
    /// [`Error::Syntax`] for a malformed query, as [`Archive::search`] otherwise.
    pub fn search_str(&self, query: &str, limit: usize) -> Result<SearchResults, Error> {
        let q = crate::parse_query(query)?;
        self.search(&q, &SearchOptions::new(limit))
    }

    /// Runs a query: the best hits with snippets (ties: earlier added
    /// first), the total, and facets when requested.
    ///
    /// # Errors
    /// [`Error::TooDeep`] for a hand-built tree deeper than the parser
    /// allows; [`Error::Corrupt`] or [`Error::Archive`] for a damaged archive.
    pub fn search(&self, q: &Query, opts: &SearchOptions) -> Result<SearchResults, Error> {
        self.guarded(|| {
            let (p, wanted) = plan(self, q)?;
            let mut total = 0;
            let mut top = Vec::new();
            let mut counts = FacetCounts::default();
            for (si, s) in self.segments.iter().enumerate() {
                let m = exec(s, &p);
                total += m.docs.len();
                top_k(
                    m.docs.iter().zip(&m.scores).map(|(&d, &sc)| (sc, (si, d))),
                    |(_, d)| s.seq(d),
                    opts.limit,
                    &mut top,
                );
                if opts.facets {
                    s.count_facets(&m.docs, &mut counts)?;
                }
            }
            let display = |f: usize, name: &str| self.display_name(f, name);
            let mut hits = Vec::with_capacity(top.len());
            for (_, score, (si, d)) in top {
                let doc = self.segments[si].load(d)?;
                hits.push(make_hit(
                    &self.analyzer,
                    doc,
                    score,
                    &wanted,
                    opts,
                    &display,
                ));
            }
            let facets = opts
                .facets
                .then(|| counts.finish(&wanted, opts.facet_limit, &display));
            Ok(SearchResults {
                total,
                hits,
                facets,
            })
        })
    }

    /// Terms of a field starting with `prefix`, over all segments.
    fn terms_with_prefix(&self, field: TField, prefix: &str, out: &mut Vec<String>) {
        for s in &self.segments {
            let Ok(inv) = s.reader.inverted_index(field) else {
                continue;
            };
            let mut end = prefix.as_bytes().to_vec();
            end.push(0xFF);
            let Ok(mut stream) = inv
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(&end)
                .into_stream()
            else {
                continue;
            };
            while stream.advance() {
                if let Ok(k) = std::str::from_utf8(stream.key())
                    && let Some(rest) = k.strip_prefix(prefix)
                {
                    out.push(rest.to_string());
                }
            }
        }
    }

    fn display_name(&self, field: usize, name: &str) -> String {
        let mut forms = Vec::new();
        self.terms_with_prefix(
            self.fields.display,
            &format!("{field}{SEP}{name}{SEP}"),
            &mut forms,
        );
        let mut best: Option<String> = None;
        for f in forms {
            if best.as_deref().is_none_or(|b| better_display(&f, b)) {
                best = Some(f);
            }
        }
        best.unwrap_or_else(|| name.to_string())
    }
}

impl Planner for Archive {
    fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    fn num_docs(&self) -> u64 {
        self.num_docs
    }

    fn doc_freq(&self, field: usize, term: &str) -> u64 {
        self.segments
            .iter()
            .map(|s| {
                s.inverted
                    .get(field)
                    .and_then(|inv| inv.doc_freq(&s.term(field, term)).ok())
                    .map_or(0, u64::from)
            })
            .sum()
    }

    fn norm_table(&self, field: usize) -> [f32; 256] {
        self.tables.get(field).copied().unwrap_or([1.0; 256])
    }

    fn resolve_entity(&self, value: &str, fields: &[usize]) -> Vec<(usize, String)> {
        let norm = self.analyzer.normalize_name(value);
        let mut out: Vec<(usize, String)> = Vec::new();
        if norm.is_empty() {
            return out;
        }
        let speaker = fields.contains(&SPEAKER);
        let push = |out: &mut Vec<(usize, String)>, x: (usize, String)| {
            if !out.contains(&x) {
                out.push(x);
            }
        };
        for &f in fields {
            if self.doc_freq(f, &norm) > 0 {
                push(&mut out, (f, norm.clone()));
            }
        }
        let mut aliased = Vec::new();
        self.terms_with_prefix(self.fields.alias, &format!("{norm}{SEP}"), &mut aliased);
        aliased.sort();
        aliased.dedup();
        for a in aliased {
            let Some((f, name)) = a.split_once(SEP) else {
                continue;
            };
            let Ok(f) = f.parse::<usize>() else {
                continue;
            };
            if fields.contains(&f) {
                push(&mut out, (f, name.to_string()));
            }
            // A speaker is named like the person entity it refers to.
            if speaker && self.doc_freq(SPEAKER, name) > 0 {
                push(&mut out, (SPEAKER, name.to_string()));
            }
        }
        if self.use_kb {
            for entry in crate::tag::KnowledgeBase::bundled().lookup(value) {
                let canonical = self.analyzer.normalize_name(&entry.canonical);
                let label_field = entity_field(entry.label);
                for &f in fields {
                    let applies =
                        Some(f) == label_field || (f == SPEAKER && entry.label == Label::Person);
                    if applies && self.doc_freq(f, &canonical) > 0 {
                        push(&mut out, (f, canonical.clone()));
                    }
                }
            }
        }
        if out.is_empty() {
            // A contiguous run of a name's words (`patrushev`).
            let needle = format!(" {norm} ");
            for &f in fields {
                let mut names = Vec::new();
                self.terms_with_prefix(self.fields.text[f], "", &mut names);
                names.sort();
                names.dedup();
                for name in names {
                    if format!(" {name} ").contains(&needle) {
                        push(&mut out, (f, name));
                    }
                }
            }
        }
        out
    }
}
