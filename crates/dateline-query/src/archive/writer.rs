//! Writing an archive: analyzing tagged documents into tantivy documents ([`Preparer`]) and adding them to segments within a memory budget ([`ArchiveWriter`]).

use std::path::{Path, PathBuf};

use std::sync::Arc;
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer, Token, TokenStream, Tokenizer};

use tantivy::indexer::IndexWriterOptions;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::known::Known;
use super::merge::BudgetMergePolicy;
use super::queue::{Gauge, QueuedDoc, estimate};
use super::stored::encode_stored;
use super::{Fields, SEP, engine_error, io_error, open_index};
use crate::analysis::{Analyzer, TERM_SEP};
use crate::hash::FastMap;
use crate::index::{FIRST_ENTITY, NUM_FIELDS, SPEAKER, analyze};
use crate::{Error, TaggedDocument};

/// The distinct composite keys, sorted.
fn sorted_unique(keys: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = keys.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The name under which [`JoinedTerms`] is registered with a writer's
/// index: tantivy's default tokenizer, the one the schema gives the
/// archive's text fields, so that the schema, and the archives already
/// written, stay as they are. Only title, body and quote values are added
/// as such text; the id is indexed whole (tantivy's `raw`), and the other
/// fields take their terms one by one.
const JOINED_TERMS: &str = "default";

/// Splits the text of a title, body or quote field, which is its terms
/// already analyzed, joined by [`TERM_SEP`] ([`Terms::joined`](crate::analysis::Terms::joined)). tantivy
/// then indexes each term as it reads it, where terms given one by one
/// ([`PreTokenizedString`]) would each be a `String`, held in the queued
/// document and copied twice more while it is indexed.
#[derive(Debug, Clone, Copy, Default)]
struct JoinedTerms;

/// The terms of one field's joined text, in order, at positions 0, 1, ...
struct JoinedStream<'a> {
    rest: &'a str,
    offset: usize,
    token: Token,
}

impl Tokenizer for JoinedTerms {
    type TokenStream<'a> = JoinedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JoinedStream<'a> {
        JoinedStream {
            rest: text,
            offset: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for JoinedStream<'_> {
    fn advance(&mut self) -> bool {
        while !self.rest.is_empty() {
            let (term, rest, used) = match self.rest.find(TERM_SEP) {
                Some(k) => {
                    let next = k + TERM_SEP.len_utf8();
                    (&self.rest[..k], &self.rest[next..], next)
                }
                None => (self.rest, "", self.rest.len()),
            };
            let start = self.offset;
            self.rest = rest;
            self.offset += used;
            if term.is_empty() {
                continue;
            }
            self.token.position = self.token.position.wrapping_add(1);
            self.token.offset_from = start;
            self.token.offset_to = start + term.len();
            self.token.text.clear();
            self.token.text.push_str(term);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
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

/// Default memory budget of a writer, in bytes.
pub const DEFAULT_MEMORY_BUDGET: usize = 512 << 20;

/// tantivy's smallest indexing heap per thread.
const MIN_HEAP_PER_THREAD: usize = 15 << 20;

/// How a writer's memory budget is shared.
///
/// - `heap`: half goes to tantivy's indexing heap (split between its
///   threads; a segment is written out whenever a thread's share fills);
/// - `queue`: one eighth bounds the documents handed to tantivy and not yet
///   indexed (module `queue`);
/// - `merge`: a quarter bounds the segments one background merge reads
///   (module `merge`; one merge runs at a time);
/// - the remaining eighth is headroom for what tantivy allocates beside
///   its heap while it writes a segment out.
///
/// The caller's own documents (being tagged or analyzed) are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BudgetShare {
    heap: usize,
    queue: usize,
    merge: usize,
}

impl BudgetShare {
    fn new(budget: usize, threads: usize) -> BudgetShare {
        BudgetShare {
            heap: (budget / 2).max(MIN_HEAP_PER_THREAD * threads),
            queue: (budget / 8).max(1 << 20),
            merge: budget / 4,
        }
    }
}

/// A document analyzed and ready to be added to an archive
/// ([`ArchiveWriter::add_prepared`]); made by a [`Preparer`], possibly on
/// another thread.
#[derive(Debug)]
pub struct PreparedDoc {
    id: String,
    text_bytes: usize,
    /// Estimated bytes in tantivy's queue.
    queued_bytes: usize,
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
            match terms.joined() {
                Some(joined) => doc.add_text(f.text[fid], joined),
                None => doc.add_pre_tokenized_text(f.text[fid], pretokenized(terms.iter())),
            }
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
        let keys = sorted_unique(
            a.aliases
                .iter()
                .map(|(s, fid, n)| format!("{s}{SEP}{fid}{SEP}{n}")),
        );
        doc.add_pre_tokenized_text(f.alias, pretokenized(keys.iter().map(String::as_str)));
        let shown = sorted_unique(
            a.entities
                .iter()
                .map(|(fid, n, d)| format!("{fid}{SEP}{n}{SEP}{d}"))
                .chain(
                    a.speakers
                        .iter()
                        .map(|(n, d)| format!("{SPEAKER}{SEP}{n}{SEP}{d}")),
                ),
        );
        doc.add_pre_tokenized_text(f.display, pretokenized(shown.iter().map(String::as_str)));
        let facets = sorted_unique(
            a.entities
                .iter()
                .map(|(fid, n, _)| format!("{fid}{SEP}{n}")),
        );
        for k in &facets {
            doc.add_text(f.facet, k);
        }
        if let Some(d) = a.doc.date {
            doc.add_i64(f.day, d.days_since_epoch());
            doc.add_i64(f.month, i64::from(d.year) * 12 + i64::from(d.month) - 1);
        }
        let stored = encode_stored(&a.doc);
        doc.add_bytes(f.stored, &stored);
        // A field given joined is one string in the queued document; one
        // given term by term is a string a term.
        let terms = [&a.title, &a.body, &a.quote]
            .into_iter()
            .flat_map(|t| match t.joined() {
                Some(joined) => vec![joined.len()],
                None => t.iter().map(str::len).collect(),
            })
            .chain(
                [&keys, &shown, &facets]
                    .into_iter()
                    .flat_map(|v| v.iter().map(String::len)),
            )
            .chain(a.speakers.iter().map(|(n, _)| n.len()))
            .chain(a.entities.iter().map(|e| e.1.len()));
        PreparedDoc {
            id: a.doc.id,
            text_bytes: a.doc.text.len(),
            queued_bytes: estimate(terms, stored.len(), NUM_FIELDS + 8),
            doc,
        }
    }
}

/// How an [`ArchiveWriter`] works.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WriterOptions {
    /// Memory for indexing, in bytes: half for tantivy's indexing heap (a
    /// segment is written whenever a thread's share fills; at least 15 MB
    /// per thread), one eighth for documents waiting to be indexed, a
    /// quarter for background merges (one at a time, reading at most that
    /// many bytes of segments), an eighth of headroom for writing segments
    /// out. An explicit [`ArchiveWriter::merge_all`] is not bounded by it.
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
    writer: IndexWriter<QueuedDoc>,
    preparer: Preparer,
    next_seq: u64,
    /// Documents handed to tantivy and not yet indexed.
    queue: Arc<Gauge>,
    /// The queue's share of the memory budget, in bytes.
    queue_limit: usize,
    /// Which ids may already be there (module `known`).
    known: Known,
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
        index
            .tokenizers()
            .register(JOINED_TERMS, TextAnalyzer::from(JoinedTerms));
        let threads = opts.threads.clamp(1, 8);
        let share = BudgetShare::new(opts.memory_budget, threads);
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(share.heap / threads)
            .num_merge_threads(1)
            .build();
        let writer = loop {
            match index.writer_with_options::<QueuedDoc>(options.clone()) {
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
        writer.set_merge_policy(Box::new(BudgetMergePolicy::new(
            dir.to_path_buf(),
            share.merge as u64,
        )));
        remove_stale_temporaries(dir)?;
        writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| engine_error(dir, e))?;
        // Sequence numbers order documents by arrival (ties in ranking).
        let reader = index.reader().map_err(|e| engine_error(dir, e))?;
        let mut next_seq = 0;
        let mut committed = Vec::new();
        for seg in reader.searcher().segment_readers() {
            committed.push(
                seg.inverted_index(fields.id)
                    .map_err(|e| engine_error(dir, e))?,
            );
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
            queue: Arc::default(),
            queue_limit: share.queue,
            known: Known::new(committed),
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
        let PreparedDoc {
            id,
            mut doc,
            queued_bytes,
            ..
        } = prepared;
        let term = Term::from_field_text(self.preparer.fields.id, &id);
        if self.known.add(&id, &term) {
            self.writer.delete_term(term);
        }
        doc.add_u64(self.preparer.fields.seq, self.next_seq);
        self.next_seq += 1;
        let pending = self.queue.reserve(queued_bytes, self.queue_limit);
        self.writer
            .add_document(QueuedDoc {
                doc,
                _pending: pending,
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_terms_come_back_at_consecutive_positions() {
        let mut tokenizer = JoinedTerms;
        let mut stream = tokenizer.token_stream("bolton\u{1f}met\u{1f}\u{1f}genève");
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        assert_eq!(
            got,
            [
                ("bolton".to_string(), 0, 0, 6),
                ("met".to_string(), 1, 7, 10),
                ("genève".to_string(), 2, 12, 19),
            ]
        );
        assert!(!tokenizer.token_stream("").advance());
    }
}
