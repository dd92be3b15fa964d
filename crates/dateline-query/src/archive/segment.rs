//! One segment of an open archive as the executor sees it: postings, norms, deletions and fast fields over tantivy's readers.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use tantivy::columnar::{Column, StrColumn};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, InvertedIndexReader, TERMINATED, Term};

use super::{Fields, SEP};
use crate::Error;
use crate::bm25::Bm25;
use crate::exec::{FacetCounts, Matches, Segment, TermSum, phrase_freq_with};
use crate::index::{NUM_FIELDS, Postings, is_positional};

/// One segment of an open archive. Opening it reads nothing but tantivy's
/// segment headers; each field's term dictionary and norms, and the fast
/// fields, are opened the first time a query needs them. A part that fails
/// to open is recorded ([`SegView::failure`]) and reads as empty, and the
/// query that needed it returns the error.
pub(super) struct SegView {
    pub(super) reader: SegmentReader,
    inverted: [OnceLock<Option<Arc<InvertedIndexReader>>>; NUM_FIELDS],
    norms: [OnceLock<Option<FieldNormReader>>; NUM_FIELDS],
    columns: OnceLock<Option<Columns>>,
    failure: OnceLock<String>,
    pub(super) fields: Fields,
}

/// The fast fields the executor reads.
struct Columns {
    seq: Column<u64>,
    day: Column<i64>,
    month: Column<i64>,
    facet: Option<StrColumn>,
}

impl SegView {
    pub(super) fn new(reader: SegmentReader, fields: Fields) -> SegView {
        SegView {
            reader,
            inverted: std::array::from_fn(|_| OnceLock::new()),
            norms: std::array::from_fn(|_| OnceLock::new()),
            columns: OnceLock::new(),
            failure: OnceLock::new(),
            fields,
        }
    }

    /// What failed to open, if anything did.
    pub(super) fn failure(&self) -> Option<&str> {
        self.failure.get().map(String::as_str)
    }

    fn fail<T>(&self, what: &str, e: impl std::fmt::Display) -> Option<T> {
        let _ = self.failure.set(format!("{what}: {e}"));
        None
    }

    /// The term dictionary and postings of a Dateline field.
    pub(super) fn inverted(&self, field: usize) -> Option<&Arc<InvertedIndexReader>> {
        self.inverted
            .get(field)?
            .get_or_init(|| {
                let tf = *self.fields.text.get(field)?;
                match self.reader.inverted_index(tf) {
                    Ok(inv) => Some(inv),
                    Err(e) => self.fail("term dictionary", e),
                }
            })
            .as_ref()
    }

    fn norms(&self, field: usize) -> Option<&FieldNormReader> {
        self.norms
            .get(field)?
            .get_or_init(|| {
                let tf = *self.fields.text.get(field)?;
                self.reader.get_fieldnorms_reader(tf).ok()
            })
            .as_ref()
    }

    fn columns(&self) -> Option<&Columns> {
        self.columns
            .get_or_init(|| {
                let ff = self.reader.fast_fields();
                let opened = (|| {
                    Ok::<_, tantivy::TantivyError>(Columns {
                        seq: ff.u64("seq")?,
                        day: ff.i64("day")?,
                        month: ff.i64("month")?,
                        facet: ff.str("facet")?,
                    })
                })();
                match opened {
                    Ok(c) => Some(c),
                    Err(e) => self.fail("fast fields", e),
                }
            })
            .as_ref()
    }

    pub(super) fn term(&self, field: usize, text: &str) -> Term {
        Term::from_field_text(self.fields.text[field], text)
    }

    /// The smallest arrival number in the segment (0 when unknown).
    pub(super) fn min_seq(&self) -> u64 {
        self.columns().map_or(0, |c| c.seq.min_value())
    }

    /// Arrival number of document `d` (ties in ranking).
    pub(super) fn seq(&self, d: u32) -> u64 {
        self.columns()
            .and_then(|c| c.seq.first(d))
            .unwrap_or(u64::MAX)
    }

    /// Adds the facets of matching documents `docs` (sorted) to `counts`.
    /// Entity ordinals are read in runs of consecutive rows (a bulk decode
    /// of the column) and counted per ordinal; names are read once per
    /// segment from the column's dictionary, for the ordinals counted.
    pub(super) fn count_facets(&self, docs: &[u32], counts: &mut FacetCounts) -> Result<(), Error> {
        let Some(columns) = self.columns() else {
            return Ok(());
        };
        if let Some(col) = &columns.facet {
            let mut per_ord = vec![0u32; col.num_terms()];
            let ords = col.ords();
            let mut buf = Vec::new();
            let mut count_run = |run: std::ops::Range<u32>| {
                buf.resize((run.end - run.start) as usize, 0u64);
                ords.values.get_range(u64::from(run.start), &mut buf);
                for &o in &buf {
                    if let Some(c) = per_ord.get_mut(o as usize) {
                        *c += 1;
                    }
                }
            };
            let mut run = 0..0;
            for &d in docs {
                let rows = ords.index.value_row_ids(d);
                if rows.start == run.end && run.end - run.start < RUN {
                    run.end = rows.end;
                } else {
                    count_run(run);
                    run = rows;
                }
            }
            count_run(run);
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
        // Months: counted per month number between the column's bounds.
        let month = &columns.month;
        let (lo, hi) = (month.min_value(), month.max_value());
        let span = hi.saturating_sub(lo).saturating_add(1);
        let mut per_month = vec![0usize; usize::try_from(span).unwrap_or(0).min(1 << 16)];
        let (mut kept, mut rows, mut values) = (Vec::new(), Vec::new(), Vec::new());
        for chunk in docs.chunks(RUN as usize) {
            kept.clear();
            rows.clear();
            month.row_ids_for_docs(chunk, &mut kept, &mut rows);
            values.resize(rows.len(), 0i64);
            month.values.get_vals(&rows, &mut values);
            counts.undated += chunk.len() - rows.len();
            for &m in &values {
                match usize::try_from(m.saturating_sub(lo))
                    .ok()
                    .and_then(|i| per_month.get_mut(i))
                {
                    Some(c) => *c += 1,
                    None => *counts.months.entry(year_month(m)).or_default() += 1,
                }
            }
        }
        for (i, &c) in per_month.iter().enumerate() {
            if c > 0 {
                *counts.months.entry(year_month(lo + i as i64)).or_default() += c;
            }
        }
        Ok(())
    }
}

impl SegView {
    /// Calls `f(document, score)` for every live document matching a union
    /// of single terms, in document order, with the score [`crate::exec::exec`]
    /// gives it; reads the postings a block at a time and merges them
    /// without building lists of matches.
    pub(super) fn each_term_match(&self, sum: &TermSum<'_>, mut f: impl FnMut(u32, f32)) {
        // The terms present in this segment, with their places in `sum`.
        let mut cursors: Vec<(usize, TermCursor<'_>)> = sum
            .leaves
            .iter()
            .enumerate()
            .filter_map(|(i, ft)| {
                let field = ft.field();
                let block = self
                    .inverted(field)?
                    .read_block_postings(
                        &self.term(field, ft.single_term()?),
                        IndexRecordOption::WithFreqs,
                    )
                    .ok()??;
                let c = TermCursor {
                    block,
                    at: 0,
                    norms: self.norms(field),
                    bm: ft.bm25(),
                };
                Some((i, c))
            })
            .collect();
        let alive = self.reader.alive_bitset();
        let live = |d: u32| alive.is_none_or(|a| a.is_alive(d));
        // With one or two terms present, a document's score is one term's
        // or the sum of both (one addition, the same in any order); with
        // more, the sum follows the plan's unions.
        match cursors.as_mut_slice() {
            [] => {}
            [(_, c)] => loop {
                let docs = c.block.docs();
                if docs.is_empty() {
                    return;
                }
                for (&d, &tf) in docs.iter().zip(c.block.freqs()) {
                    if live(d) {
                        let norm = c.norms.map_or(0, |x| x.fieldnorm_id(d));
                        f(d, c.bm.score(norm, tf));
                    }
                }
                c.block.advance();
            },
            [(_, x), (_, y)] => loop {
                let (a, b) = (x.doc(), y.doc());
                if a < b {
                    if live(a) {
                        f(a, x.score(a));
                    }
                    x.advance();
                } else if b < a {
                    if live(b) {
                        f(b, y.score(b));
                    }
                    y.advance();
                } else if a == TERMINATED {
                    return;
                } else {
                    if live(a) {
                        f(a, x.score(a) + y.score(a));
                    }
                    x.advance();
                    y.advance();
                }
            },
            _ => {
                let mut scores: Vec<Option<f32>> = vec![None; sum.leaves.len()];
                loop {
                    let d = cursors
                        .iter()
                        .map(|(_, c)| c.doc())
                        .min()
                        .unwrap_or(TERMINATED);
                    if d == TERMINATED {
                        return;
                    }
                    let live = live(d);
                    for (i, c) in &mut cursors {
                        if c.doc() == d {
                            scores[*i] = live.then(|| c.score(d));
                            c.advance();
                        }
                    }
                    if live && let Some(score) = sum.score(&scores) {
                        f(d, score);
                    }
                    scores.iter_mut().for_each(|s| *s = None);
                }
            }
        }
    }
}

/// A term's postings read a block at a time, at one document.
struct TermCursor<'a> {
    block: BlockSegmentPostings,
    at: usize,
    norms: Option<&'a FieldNormReader>,
    bm: Bm25<'a>,
}

impl TermCursor<'_> {
    fn doc(&self) -> u32 {
        self.block
            .docs()
            .get(self.at)
            .copied()
            .unwrap_or(TERMINATED)
    }

    fn score(&self, d: u32) -> f32 {
        let tf = self.block.freqs().get(self.at).copied().unwrap_or(0);
        self.bm
            .score(self.norms.map_or(0, |x| x.fieldnorm_id(d)), tf)
    }

    fn advance(&mut self) {
        self.at += 1;
        if self.at >= self.block.docs().len() {
            self.block.advance();
            self.at = 0;
        }
    }
}

/// (year, month) of a month number (months since year 0).
fn year_month(m: i64) -> (i32, u8) {
    ((m.div_euclid(12)) as i32, (m.rem_euclid(12) + 1) as u8)
}

/// Most rows decoded at once when counting facets.
const RUN: u32 = 4096;

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
            .inverted(field)?
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

    /// Reads the postings a block of 128 documents at a time (documents
    /// and frequencies decoded together), as tantivy's own term scorer does.
    fn score_term(&self, field: usize, term: &str, bm: &Bm25<'_>, out: &mut Matches) {
        let Some(inv) = self.inverted(field) else {
            return;
        };
        let Ok(Some(mut block)) =
            inv.read_block_postings(&self.term(field, term), IndexRecordOption::WithFreqs)
        else {
            return;
        };
        let n = block.doc_freq() as usize;
        out.docs.reserve(n);
        out.scores.reserve(n);
        let norms = self.norms(field);
        let alive = self.reader.alive_bitset();
        loop {
            let docs = block.docs();
            if docs.is_empty() {
                break;
            }
            for (&d, &tf) in docs.iter().zip(block.freqs()) {
                if alive.is_none_or(|a| a.is_alive(d)) {
                    let norm = norms.map_or(0, |x| x.fieldnorm_id(d));
                    out.push(d, bm.score(norm, tf));
                }
            }
            block.advance();
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
        let Some(inv) = self.inverted(field) else {
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
        let norms = self.norms(field);
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
        self.norms(field).map_or(0, |n| n.fieldnorm_id(d))
    }

    fn dated_between(&self, lo: i64, hi: i64) -> Vec<u32> {
        let mut out = Vec::new();
        if lo > hi {
            return out;
        }
        let Some(columns) = self.columns() else {
            return out;
        };
        columns
            .day
            .get_docids_for_value_range(lo..=hi, 0..self.max_doc(), &mut out);
        out.sort_unstable();
        out.dedup();
        out.retain(|&d| self.is_live(d));
        out
    }
}
