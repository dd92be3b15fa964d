//! An open archive: planning queries against statistics over all segments and running them segment by segment.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tantivy::schema::Value;
use tantivy::schema::{Field as TField, IndexRecordOption};
use tantivy::{DocAddress, DocSet, TERMINATED, TantivyDocument, Term};

use super::segment::SegView;
use super::stored::decode_stored;
use super::{Fields, SEP, engine_error, open_index};
use crate::analysis::Analyzer;
use crate::exec::FacetCounts;
use crate::exec::{
    Matches, Plan, Planner, Segment, TermSum, better_display, exec, make_hit, plan, top_k_above,
};
use crate::index::NUM_FIELDS;
use crate::resolve::{EntityNames, resolve_entity};
use crate::search::{SearchOptions, SearchResults};
use crate::storage::Reader;
use crate::{Error, Query};

/// A kept hit: (arrival number, score, (segment, document)).
type Ranked = (u64, f32, (usize, u32));

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
    /// BM25 length normalization per field, made when first needed
    /// (boxed: the tables would make every `Archive` value 12 kB).
    tables: Box<[OnceLock<[f32; 256]>; NUM_FIELDS]>,
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
        let segments: Vec<SegView> = searcher
            .segment_readers()
            .iter()
            .map(|seg| SegView::new(seg.clone(), fields))
            .collect();
        let num_docs = segments.iter().map(|s| u64::from(s.reader.max_doc())).sum();
        Ok(Archive {
            dir: dir.to_path_buf(),
            analyzer: Analyzer::new(),
            fields,
            segments,
            searcher,
            num_docs,
            tables: Box::new(std::array::from_fn(|_| OnceLock::new())),
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
    /// Also turns a part of a segment that failed to open (read lazily)
    /// into an error.
    fn guarded<T>(&self, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
        let result = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(r) => r,
            Err(_) => Err(engine_error(&self.dir, "damaged index (reading it failed)")),
        };
        match self.segments.iter().find_map(SegView::failure) {
            Some(what) => Err(engine_error(&self.dir, format!("damaged index ({what})"))),
            None => result,
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
            for (si, (s, m)) in self.segments.iter().zip(&m).enumerate() {
                for &d in &m.docs {
                    all.push((s.seq(d), self.load_id(si, d)?));
                }
            }
            all.sort();
            Ok(all.into_iter().map(|(_, id)| id).collect())
        })
    }

    /// Runs a plan on every segment: the number of matches and the
    /// `limit` best as (arrival, score, (segment, document)), best first;
    /// `each` sees every segment's matches (for facets).
    fn ranked(
        &self,
        p: &Plan,
        limit: usize,
        mut each: impl FnMut(&SegView, &Matches) -> Result<(), Error>,
    ) -> Result<(usize, Vec<Ranked>), Error> {
        let mut total = 0;
        let mut top = Vec::new();
        for (si, s) in self.segments.iter().enumerate() {
            let m = exec(s, p);
            total += m.docs.len();
            top_k_above(
                m.docs.iter().zip(&m.scores).map(|(&d, &sc)| (sc, (si, d))),
                |(_, d)| s.seq(d),
                s.min_seq(),
                limit,
                &mut top,
            );
            each(s, &m)?;
        }
        Ok((total, top))
    }

    /// [`Archive::ranked`] without facets. A union of single terms (the
    /// common word query) is scored straight from the postings into the
    /// best `limit` and the count, without lists of matches; the result
    /// is the same.
    ///
    /// Only for one or two terms (a word in the title and the body): with
    /// more, merging document by document here was measured slower than
    /// the lists (`election person:obama` at a million articles).
    fn ranked_top(&self, p: &Plan, limit: usize) -> Result<(usize, Vec<Ranked>), Error> {
        match TermSum::of(p) {
            Some(sum) if sum.leaves.len() <= 2 => Ok(self.ranked_terms(&sum, limit)),
            _ => self.ranked(p, limit, |_, _| Ok(())),
        }
    }

    /// The count and the best `limit` of a union of single terms, scored
    /// as the postings are read.
    fn ranked_terms(&self, sum: &TermSum<'_>, limit: usize) -> (usize, Vec<Ranked>) {
        let mut total = 0;
        let mut top = Vec::new();
        for (si, s) in self.segments.iter().enumerate() {
            let floor = s.min_seq();
            s.each_term_match(sum, |d, score| {
                total += 1;
                top_k_above(
                    std::iter::once((score, (si, d))),
                    |(_, d)| s.seq(d),
                    floor,
                    limit,
                    &mut top,
                );
            });
        }
        (total, top)
    }

    /// The number of matches and the ids and scores of the `limit` best
    /// (ties: earlier added first), without snippets or facets.
    ///
    /// # Errors
    /// As [`Archive::search`].
    pub fn top_docs(&self, q: &Query, limit: usize) -> Result<(usize, Vec<(String, f32)>), Error> {
        self.guarded(|| {
            let (p, _) = plan(self, q)?;
            let (total, top) = self.ranked_top(&p, limit)?;
            let mut docs = Vec::with_capacity(top.len());
            for (_, score, (si, d)) in top {
                docs.push((self.load_id(si, d)?, score));
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
            let mut counts = FacetCounts::default();
            let (total, top) = if opts.facets {
                self.ranked(&p, opts.limit, |s, m| s.count_facets(&m.docs, &mut counts))?
            } else {
                self.ranked_top(&p, opts.limit)?
            };
            let display = |f: usize, name: &str| self.display_name(f, name);
            let mut hits = Vec::with_capacity(top.len());
            for (_, score, (si, d)) in top {
                let doc = self.with_stored(si, d, decode_stored)?;
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

    /// Runs `f` on the stored record of document `d` of segment `si`,
    /// read through the searcher's document store readers (which keep
    /// recently decompressed blocks): only the shown hits are read.
    fn with_stored<T>(
        &self,
        si: usize,
        d: u32,
        f: impl FnOnce(&[u8]) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let corrupt = |what: String| Error::Corrupt { offset: 0, what };
        let doc: TantivyDocument = self
            .searcher
            .doc(DocAddress::new(si as u32, d))
            .map_err(|e| corrupt(format!("document store: {e}")))?;
        let bytes = doc
            .get_first(self.fields.stored)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| corrupt("stored document missing".into()))?;
        f(bytes)
    }

    /// The id of document `d` of segment `si` (without decoding the rest).
    fn load_id(&self, si: usize, d: u32) -> Result<String, Error> {
        self.with_stored(si, d, |bytes| {
            let mut r = Reader { buf: bytes, pos: 0 };
            Ok(r.str()?.to_string())
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
                s.inverted(field)
                    .and_then(|inv| inv.doc_freq(&s.term(field, term)).ok())
                    .map_or(0, u64::from)
            })
            .sum()
    }

    fn norm_table(&self, field: usize) -> [f32; 256] {
        let Some(table) = self.tables.get(field) else {
            return [1.0; 256];
        };
        *table.get_or_init(|| {
            let tokens = self
                .segments
                .iter()
                .filter_map(|s| s.inverted(field))
                .map(|inv| inv.total_num_tokens())
                .sum();
            crate::bm25::norm_table(tokens, self.num_docs)
        })
    }

    fn resolve_entity(&self, value: &str, fields: &[usize]) -> Vec<(usize, String)> {
        resolve_entity(self, value, fields)
    }
}

impl EntityNames for Archive {
    fn uses_knowledge_base(&self) -> bool {
        self.use_kb
    }

    fn has_name(&self, field: usize, name: &str) -> bool {
        self.doc_freq(field, name) > 0
    }

    fn aliases_of(&self, norm: &str) -> Vec<(usize, String)> {
        let mut aliased = Vec::new();
        self.terms_with_prefix(self.fields.alias, &format!("{norm}{SEP}"), &mut aliased);
        aliased.sort();
        aliased.dedup();
        aliased
            .into_iter()
            .filter_map(|a| {
                let (f, name) = a.split_once(SEP)?;
                Some((f.parse().ok()?, name.to_string()))
            })
            .collect()
    }

    fn names(&self, field: usize) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(&tf) = self.fields.text.get(field) {
            self.terms_with_prefix(tf, "", &mut names);
        }
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::parse::Parser;
    use crate::{ArchiveWriter, Entity, Label, Span, TaggedDocument, WriterOptions};

    /// Article `i`: words from small cycles, so terms match in title, body,
    /// both or neither, with varied frequencies and lengths.
    fn article(i: usize) -> TaggedDocument {
        let words = [
            "minister",
            "election",
            "government",
            "rain",
            "market",
            "court",
        ];
        let title = format!("{} {}", words[i % 6], words[(i / 6) % 6]);
        let mut body = String::new();
        for k in 0..(i % 7 + 1) {
            body.push_str(words[(i * 7 + k * 3) % 6]);
            body.push_str(if k % 3 == 2 { ". " } else { " " });
        }
        body.push_str("Obama spoke.");
        let text = format!("{title}\n\n{body}\n");
        let mut document = Parser::new().parse(format!("d{i}"), text.clone()).unwrap();
        document.date = Some(format!("2010-01-{:02}", i % 28 + 1).parse().unwrap());
        let start = text.find("Obama").unwrap();
        let entities = if i.is_multiple_of(3) {
            vec![Entity {
                span: Span::new(start, start + 5),
                text: "Obama".into(),
                label: Label::Person,
                canonical: "Barack Obama".into(),
                value: None,
                sense: None,
            }]
        } else {
            Vec::new()
        };
        TaggedDocument {
            document,
            entities,
            quotes: Vec::new(),
        }
    }

    #[test]
    fn term_unions_scored_in_place_equal_the_general_path() {
        let dir = std::env::temp_dir().join(format!("dateline-ranked-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut w = ArchiveWriter::open(&dir, &WriterOptions::default()).unwrap();
        // Three commits (three segments, blocks of 128 postings and a
        // partial one), replacements and a deletion.
        for range in [0..700, 700..1000, 1000..1300] {
            for i in range {
                w.add(&article(i)).unwrap();
            }
            w.add(&article(5)).unwrap();
            w.delete("d42");
            w.commit().unwrap();
        }
        w.finish().unwrap();
        let archive = Archive::open(&dir).unwrap();
        assert!(archive.num_segments() > 1);
        let queries = [
            "government",
            "title:minister",
            "body:court",
            "government OR election",
            "(government OR rain) OR title:court",
            "person:obama",
            "person:obama OR market",
            "zzzz",
            "zzzz OR rain",
            "election person:obama",
            "rain (market OR court) title:minister",
        ];
        for text in queries {
            let q = crate::parse_query(text).unwrap();
            let (p, _) = plan(&archive, &q).unwrap();
            let sum = TermSum::of(&p).unwrap();
            for limit in [0, 1, 10, 2000] {
                let general = archive.ranked(&p, limit, |_, _| Ok(())).unwrap();
                let fast = archive.ranked_terms(&sum, limit);
                assert_eq!(general.0, fast.0, "{text}");
                let bits = |v: &[Ranked]| -> Vec<(u64, u32, (usize, u32))> {
                    v.iter().map(|&(k, s, d)| (k, s.to_bits(), d)).collect()
                };
                assert_eq!(bits(&general.1), bits(&fast.1), "{text}, limit {limit}");
            }
            // And through the public calls: hits with and without facets.
            let with = SearchOptions::new(20).with_facets(true);
            let a = archive.search(&q, &with).unwrap();
            let b = archive.search(&q, &SearchOptions::new(20)).unwrap();
            assert_eq!(a.total, b.total, "{text}");
            assert_eq!(a.hits, b.hits, "{text}");
            assert!(a.total > 0 || text.starts_with("zzzz") || text.starts_with("title"));
        }
        // Phrases, conjunctions and negations take the general path.
        for text in [
            "\"minister election\"",
            "+government rain",
            "government -rain",
            "government date:2010",
            "NOT rain",
        ] {
            let (p, _) = plan(&archive, &crate::parse_query(text).unwrap()).unwrap();
            assert!(TermSum::of(&p).is_none(), "{text}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
