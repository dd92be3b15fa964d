//! Search results and the in-memory index's search: hits with snippets,
//! highlights and matched entities, facets, and the [`Planner`] and
//! [`Segment`] views through which the shared executor (`exec`) runs
//! queries on an [`Index`] (one segment holding every document).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::analysis::Analyzer;
use crate::exec::{FacetCounts, LoadedDoc, Planner, Segment, make_hit, plan, top_k};
use crate::index::{Index, Postings};
use crate::resolve::{EntityNames, resolve_entity};
use crate::{Date, Error, Label, Query, Span};

/// One entity named in a hit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntityRef {
    /// Its label.
    pub label: Label,
    /// Its canonical name.
    pub canonical: String,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// BM25 score (sum over the matching clauses).
    pub score: f32,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// A passage of the body around the best matches, whitespace collapsed.
    pub snippet: String,
    /// What matched, as byte spans into [`Hit::snippet`].
    pub highlights: Vec<Span>,
    /// Entities the query matched in this document (by entity condition or
    /// by a highlighted word inside a mention).
    pub entities: Vec<EntityRef>,
}

/// How many documents mention an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCount {
    /// The entity.
    pub entity: EntityRef,
    /// Matching documents that mention it.
    pub count: usize,
}

/// Matching documents in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Matching documents published that month.
    pub count: usize,
}

/// Aggregates over all matching documents (not only the shown hits).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Per label (in label order), the entities most often mentioned in the
    /// matching documents, excluding those the query itself names; most
    /// frequent first.
    pub entities: Vec<(Label, Vec<EntityCount>)>,
    /// Matching documents per month, oldest first.
    pub months: Vec<MonthCount>,
    /// Matching documents without a date.
    pub undated: usize,
}

/// Options of [`Index::search`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SearchOptions {
    /// Most hits to return.
    pub limit: usize,
    /// Compute facets.
    pub facets: bool,
    /// Most entities per label in facets.
    pub facet_limit: usize,
    /// Target snippet length in bytes.
    pub snippet_bytes: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            facets: false,
            facet_limit: 10,
            snippet_bytes: 220,
        }
    }
}

impl SearchOptions {
    /// Options returning at most `limit` hits.
    pub fn new(limit: usize) -> SearchOptions {
        SearchOptions {
            limit,
            ..SearchOptions::default()
        }
    }

    /// Turns facets on or off.
    pub fn with_facets(mut self, on: bool) -> SearchOptions {
        self.facets = on;
        self
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// Number of matching documents.
    pub total: usize,
    /// The best hits, best first (ties: earlier added first).
    pub hits: Vec<Hit>,
    /// Facets, when requested.
    pub facets: Option<Facets>,
}

/// Ids and scores of the best matches, without stored fields.
#[derive(Debug, Clone, PartialEq)]
pub struct TopDocs<'a> {
    /// Number of matching documents.
    pub total: usize,
    /// (document id, score), best first.
    pub docs: Vec<(&'a str, f32)>,
}

impl Planner for Index {
    fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    fn num_docs(&self) -> u64 {
        self.len() as u64
    }

    fn doc_freq(&self, field: usize, term: &str) -> u64 {
        self.fields
            .get(field)
            .and_then(|f| f.get(term))
            .map_or(0, |p| Index::doc_freq(self, p))
    }

    fn norm_table(&self, field: usize) -> [f32; 256] {
        *self.fields[field].norm_table(self.len() as u64)
    }

    fn resolve_entity(&self, value: &str, fields: &[usize]) -> Vec<(usize, String)> {
        resolve_entity(self, value, fields)
    }
}

impl EntityNames for Index {
    fn uses_knowledge_base(&self) -> bool {
        self.use_kb
    }

    fn has_name(&self, field: usize, name: &str) -> bool {
        self.fields
            .get(field)
            .is_some_and(|f| f.dict.contains_key(name))
    }

    fn aliases_of(&self, norm: &str) -> Vec<(usize, String)> {
        self.aliases.get(norm).map_or_else(Vec::new, |list| {
            list.iter()
                .map(|&(f, t)| (f as usize, self.term(f as usize, t).to_string()))
                .collect()
        })
    }

    fn names(&self, field: usize) -> Vec<String> {
        self.fields.get(field).map_or_else(Vec::new, |f| {
            f.terms.iter().map(|t| t.to_string()).collect()
        })
    }
}

impl Segment for Index {
    fn max_doc(&self) -> u32 {
        self.docs.len() as u32
    }

    fn is_live(&self, d: u32) -> bool {
        Index::is_live(self, d)
    }

    fn postings(&self, field: usize, term: &str, _positions: bool) -> Option<Cow<'_, Postings>> {
        self.fields.get(field)?.get(term).map(Cow::Borrowed)
    }

    fn norm(&self, field: usize, d: u32) -> u8 {
        self.fields[field]
            .norms
            .get(d as usize)
            .copied()
            .unwrap_or(0)
    }

    fn dated_between(&self, lo: i64, hi: i64) -> Vec<u32> {
        let mut out = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if let Some(date) = doc.date {
                let day = date.days_since_epoch();
                if day >= lo && day <= hi && Index::is_live(self, d as u32) {
                    out.push(d as u32);
                }
            }
        }
        out
    }
}

impl Index {
    /// The term text of a term id.
    pub(crate) fn term(&self, field: usize, term: u32) -> &str {
        self.fields
            .get(field)
            .and_then(|f| f.terms.get(term as usize))
            .map_or("", |s| s)
    }

    fn display_name(&self, field: usize, name: &str) -> String {
        self.fields
            .get(field)
            .and_then(|f| f.dict.get(name).map(|&t| self.display(field, t)))
            .unwrap_or(name)
            .to_string()
    }

    fn run(&self, q: &Query) -> Result<(crate::exec::Matches, crate::exec::Wanted), Error> {
        let (p, wanted) = plan(self, q)?;
        Ok((crate::exec::exec(self, &p), wanted))
    }

    fn loaded(&self, d: u32) -> LoadedDoc {
        let doc = &self.docs[d as usize];
        LoadedDoc {
            id: doc.id.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            date: doc.date,
            text: doc.text.clone(),
            body: doc.body.clone(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| {
                    let f = m.field as usize;
                    (f, self.term(f, m.term).to_string(), m.span)
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let speaker = q
                        .speaker
                        .map(|t| self.term(crate::index::SPEAKER, t).to_string());
                    (q.span, speaker, q.speaker_span)
                })
                .collect(),
        }
    }

    /// Every matching document's id, in the order documents were added
    /// (for tests and exports; use [`Index::search`] for ranked results).
    ///
    /// # Errors
    /// [`Error::TooDeep`] for a hand-built tree deeper than the parser allows.
    pub fn matching_ids(&self, q: &Query) -> Result<Vec<String>, Error> {
        let (m, _) = self.run(q)?;
        Ok(m.docs
            .iter()
            .map(|&d| self.docs[d as usize].id.clone())
            .collect())
    }

    /// Ids and scores of the `limit` best matches (ties: earlier added first).
    ///
    /// # Errors
    /// [`Error::TooDeep`] for a hand-built tree deeper than the parser allows.
    pub fn top_docs(&self, q: &Query, limit: usize) -> Result<TopDocs<'_>, Error> {
        let (m, _) = self.run(q)?;
        let mut top = Vec::new();
        top_k(
            m.docs.iter().zip(&m.scores).map(|(&d, &s)| (s, d)),
            u64::from,
            limit,
            &mut top,
        );
        Ok(TopDocs {
            total: m.docs.len(),
            docs: top
                .into_iter()
                .map(|(_, s, d)| (self.docs[d as usize].id.as_str(), s))
                .collect(),
        })
    }

    /// Parses and runs a query, returning up to `limit` hits without facets.
    ///
    /// # Errors
    /// [`Error::Syntax`] for a malformed query.
    pub fn search_str(&self, query: &str, limit: usize) -> Result<SearchResults, Error> {
        let q = crate::parse_query(query)?;
        self.search(&q, &SearchOptions::new(limit))
    }

    /// Runs a query: the best hits with snippets, the total, and facets
    /// when requested.
    ///
    /// # Errors
    /// [`Error::TooDeep`] for a hand-built tree deeper than the parser allows.
    pub fn search(&self, q: &Query, opts: &SearchOptions) -> Result<SearchResults, Error> {
        let (m, wanted) = self.run(q)?;
        let mut top = Vec::new();
        top_k(
            m.docs.iter().zip(&m.scores).map(|(&d, &s)| (s, d)),
            u64::from,
            opts.limit,
            &mut top,
        );
        let display = |f: usize, name: &str| self.display_name(f, name);
        let hits = top
            .into_iter()
            .map(|(_, s, d)| make_hit(&self.analyzer, self.loaded(d), s, &wanted, opts, &display))
            .collect();
        let facets = opts.facets.then(|| {
            let mut counts = FacetCounts::default();
            let mut by_id: HashMap<(u8, u32), usize> = HashMap::new();
            let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
            for &d in &m.docs {
                for &(f, t, _) in &self.doc_entities[d as usize] {
                    *by_id.entry((f, t)).or_default() += 1;
                }
                match self.docs[d as usize].date {
                    Some(date) => *months.entry((date.year, date.month)).or_default() += 1,
                    None => counts.undated += 1,
                }
            }
            counts.months = months;
            counts.entities = by_id
                .into_iter()
                .map(|((f, t), c)| ((f as usize, self.term(f as usize, t).to_string()), c))
                .collect();
            counts.finish(&wanted, opts.facet_limit, &display)
        });
        Ok(SearchResults {
            total: m.docs.len(),
            hits,
            facets,
        })
    }
}
