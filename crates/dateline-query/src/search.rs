//! Query execution: boolean matching over postings, BM25 scoring, top-k
//! selection, snippets with highlights, and facets.
//!
//! Every node evaluates to a list of matching documents sorted by id with a
//! score each, and the boolean operators merge those lists (sum of scores
//! for the parts that match, as Lucene's boolean query does). Lists are
//! small at news-corpus scale, and merging flat vectors is both simple
//! enough to check against a brute-force scan and faster than iterator
//! trees here.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::ast::{EntityField, Query, TextField};
use crate::bm25::{Bm25, idf};
use crate::index::{
    BODY, FIRST_ENTITY, Index, NUM_FIELDS, Postings, QUOTE, SPEAKER, TITLE, field_label,
};
use crate::{Date, Error, Label, Span};

/// Matching documents (sorted ids) with their scores.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matches {
    pub(crate) docs: Vec<u32>,
    pub(crate) scores: Vec<f32>,
}

impl Matches {
    fn push(&mut self, d: u32, s: f32) {
        self.docs.push(d);
        self.scores.push(s);
    }

    fn union(a: Matches, b: Matches) -> Matches {
        if a.docs.is_empty() {
            return b;
        }
        if b.docs.is_empty() {
            return a;
        }
        let mut out = Matches {
            docs: Vec::with_capacity(a.docs.len() + b.docs.len()),
            scores: Vec::with_capacity(a.docs.len() + b.docs.len()),
        };
        let (mut i, mut j) = (0, 0);
        while i < a.docs.len() && j < b.docs.len() {
            let (x, y) = (a.docs[i], b.docs[j]);
            if x < y {
                out.push(x, a.scores[i]);
                i += 1;
            } else if y < x {
                out.push(y, b.scores[j]);
                j += 1;
            } else {
                out.push(x, a.scores[i] + b.scores[j]);
                i += 1;
                j += 1;
            }
        }
        for k in i..a.docs.len() {
            out.push(a.docs[k], a.scores[k]);
        }
        for k in j..b.docs.len() {
            out.push(b.docs[k], b.scores[k]);
        }
        out
    }

    fn intersect(a: Matches, b: &Matches) -> Matches {
        let mut out = Matches::default();
        let (mut i, mut j) = (0, 0);
        while i < a.docs.len() && j < b.docs.len() {
            let (x, y) = (a.docs[i], b.docs[j]);
            if x < y {
                i += 1;
            } else if y < x {
                j += 1;
            } else {
                out.push(x, a.scores[i] + b.scores[j]);
                i += 1;
                j += 1;
            }
        }
        out
    }

    /// `a` with `b`'s scores added where `b` also matches.
    fn boost(mut a: Matches, b: &Matches) -> Matches {
        let mut j = 0;
        for i in 0..a.docs.len() {
            while j < b.docs.len() && b.docs[j] < a.docs[i] {
                j += 1;
            }
            if j < b.docs.len() && b.docs[j] == a.docs[i] {
                a.scores[i] += b.scores[j];
            }
        }
        a
    }

    fn minus(a: Matches, b: &Matches) -> Matches {
        if b.docs.is_empty() {
            return a;
        }
        let mut out = Matches::default();
        let mut j = 0;
        for i in 0..a.docs.len() {
            while j < b.docs.len() && b.docs[j] < a.docs[i] {
                j += 1;
            }
            if j >= b.docs.len() || b.docs[j] != a.docs[i] {
                out.push(a.docs[i], a.scores[i]);
            }
        }
        out
    }
}

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

/// What a query looks for, collected for highlighting and facets.
#[derive(Default)]
struct Wanted {
    /// Analyzed terms searched in body or quote text.
    terms: HashSet<String>,
    /// Entities (field, term) named by entity conditions.
    entities: HashSet<(usize, u32)>,
}

const MAX_TREE_DEPTH: usize = crate::parser::MAX_DEPTH + 2;

impl Index {
    fn all_live(&self) -> Matches {
        let mut m = Matches::default();
        for d in 0..self.docs.len() as u32 {
            if self.is_live(d) {
                m.push(d, 0.0);
            }
        }
        m
    }

    fn num_live(&self) -> u64 {
        self.len() as u64
    }

    fn term_matches(&self, field: usize, p: &Postings, out: &mut Matches) {
        let f = &self.fields[field];
        let n = self.num_live();
        let bm = Bm25::new(idf(self.doc_freq(p), n), f.norm_table(n));
        out.docs.reserve(p.docs.len());
        out.scores.reserve(p.docs.len());
        for (&d, &tf) in p.docs.iter().zip(&p.freqs) {
            if self.is_live(d) {
                out.push(
                    d,
                    bm.score(f.norms.get(d as usize).copied().unwrap_or(0), tf),
                );
            }
        }
    }

    /// Documents of one field matching a sequence of terms (a term when
    /// there is one, a phrase otherwise).
    fn field_terms(&self, field: usize, terms: &[String], slop: u32) -> Matches {
        let mut out = Matches::default();
        let f = &self.fields[field];
        let mut lists: Vec<&Postings> = Vec::with_capacity(terms.len());
        for t in terms {
            match f.get(t) {
                Some(p) => lists.push(p),
                None => return out,
            }
        }
        match lists.len() {
            0 => out,
            1 => {
                self.term_matches(field, lists[0], &mut out);
                out
            }
            _ => {
                let n = self.num_live();
                let idf_sum: f32 = lists.iter().map(|p| idf(self.doc_freq(p), n)).sum();
                let bm = Bm25::new(idf_sum, f.norm_table(n));
                let mut cursors = vec![0usize; lists.len()];
                'docs: for (i0, &d) in lists[0].docs.iter().enumerate() {
                    if !self.is_live(d) {
                        continue;
                    }
                    for (k, list) in lists.iter().enumerate().skip(1) {
                        let c = &mut cursors[k];
                        while *c < list.docs.len() && list.docs[*c] < d {
                            *c += 1;
                        }
                        if *c >= list.docs.len() {
                            break 'docs;
                        }
                        if list.docs[*c] != d {
                            continue 'docs;
                        }
                    }
                    let mut pos: Vec<&[u32]> = Vec::with_capacity(lists.len());
                    pos.push(lists[0].positions_of(i0));
                    for (k, list) in lists.iter().enumerate().skip(1) {
                        pos.push(list.positions_of(cursors[k]));
                    }
                    let tf = phrase_freq(&pos, slop);
                    if tf > 0 {
                        out.push(
                            d,
                            bm.score(f.norms.get(d as usize).copied().unwrap_or(0), tf),
                        );
                    }
                }
                out
            }
        }
    }

    fn text_fields(field: TextField) -> &'static [usize] {
        match field {
            TextField::Title => &[TITLE],
            TextField::Body => &[BODY],
            TextField::Quote => &[QUOTE],
            _ => &[TITLE, BODY],
        }
    }

    fn entity_fields(field: EntityField) -> Vec<usize> {
        match field {
            EntityField::Speaker => vec![SPEAKER],
            EntityField::Label(l) => crate::index::entity_field(l).into_iter().collect(),
            _ => (FIRST_ENTITY..NUM_FIELDS).collect(),
        }
    }

    fn eval(&self, q: &Query, wanted: &mut Wanted, positive: bool) -> Matches {
        match q {
            Query::Term { field, text } => {
                let terms = self.analyzer.terms(text);
                self.eval_text(*field, terms, 0, wanted, positive)
            }
            Query::Phrase { field, text, slop } => {
                let terms = self.analyzer.terms(text);
                self.eval_text(*field, terms, slop.unwrap_or(0), wanted, positive)
            }
            Query::Entity { field, value } => {
                let targets = self.resolve_entity(value, &Index::entity_fields(*field));
                let mut out = Matches::default();
                for &(f, t) in &targets {
                    if positive {
                        wanted.entities.insert((f, t));
                    }
                    if let Some(p) = self.fields[f].postings.get(t as usize) {
                        let mut m = Matches::default();
                        self.term_matches(f, p, &mut m);
                        out = Matches::union(out, m);
                    }
                }
                out
            }
            Query::Date(dq) => {
                let (lo, hi) = dq.day_range();
                let mut out = Matches::default();
                for (d, doc) in self.docs.iter().enumerate() {
                    if let Some(date) = doc.date {
                        let day = date.days_since_epoch();
                        if day >= lo && day <= hi && self.is_live(d as u32) {
                            out.push(d as u32, 0.0);
                        }
                    }
                }
                out
            }
            Query::And(parts) => {
                let mut pos = Vec::new();
                let mut neg = Matches::default();
                for p in parts {
                    match p {
                        Query::Not(x) | Query::MustNot(x) => {
                            neg = Matches::union(neg, self.eval(x, wanted, !positive));
                        }
                        _ => pos.push(self.eval(p, wanted, positive)),
                    }
                }
                let base = intersect_all(pos).unwrap_or_else(|| self.all_live());
                Matches::minus(base, &neg)
            }
            Query::Or(parts) => {
                let mut out = Matches::default();
                for p in parts {
                    out = Matches::union(out, self.eval(p, wanted, positive));
                }
                out
            }
            Query::Not(x) | Query::MustNot(x) => {
                let m = self.eval(x, wanted, !positive);
                Matches::minus(self.all_live(), &m)
            }
            Query::Must(x) => self.eval(x, wanted, positive),
            Query::Group(parts) => {
                let mut must = Vec::new();
                let mut should = Matches::default();
                let mut any_should = false;
                let mut neg = Matches::default();
                for p in parts {
                    match p {
                        Query::Must(x) => must.push(self.eval(x, wanted, positive)),
                        // A date condition scores nothing: side by side it filters.
                        Query::Date(_) => must.push(self.eval(p, wanted, positive)),
                        Query::Not(x) | Query::MustNot(x) => {
                            neg = Matches::union(neg, self.eval(x, wanted, !positive));
                        }
                        _ => {
                            any_should = true;
                            should = Matches::union(should, self.eval(p, wanted, positive));
                        }
                    }
                }
                let base = match intersect_all(must) {
                    Some(m) => Matches::boost(m, &should),
                    None if any_should => should,
                    None => self.all_live(),
                };
                Matches::minus(base, &neg)
            }
        }
    }

    fn eval_text(
        &self,
        field: TextField,
        terms: Vec<String>,
        slop: u32,
        wanted: &mut Wanted,
        positive: bool,
    ) -> Matches {
        let mut out = Matches::default();
        if terms.is_empty() {
            return out;
        }
        for &f in Index::text_fields(field) {
            out = Matches::union(out, self.field_terms(f, &terms, slop));
        }
        if positive && field != TextField::Title {
            wanted.terms.extend(terms);
        }
        out
    }

    fn run(&self, q: &Query) -> Result<(Matches, Wanted), Error> {
        if q.depth_at_most(MAX_TREE_DEPTH).is_none() {
            return Err(Error::TooDeep {
                max: MAX_TREE_DEPTH,
            });
        }
        let mut wanted = Wanted::default();
        let m = self.eval(q, &mut wanted, true);
        Ok((m, wanted))
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
        let top = top_k(&m, limit);
        Ok(TopDocs {
            total: m.docs.len(),
            docs: top
                .into_iter()
                .map(|(d, s)| (self.docs[d as usize].id.as_str(), s))
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
        let top = top_k(&m, opts.limit);
        let hits = top
            .into_iter()
            .map(|(d, s)| self.hit(d, s, &wanted, opts))
            .collect();
        let facets = opts
            .facets
            .then(|| self.facets(&m, &wanted, opts.facet_limit));
        Ok(SearchResults {
            total: m.docs.len(),
            hits,
            facets,
        })
    }

    fn entity_ref(&self, field: usize, term: u32) -> Option<EntityRef> {
        Some(EntityRef {
            label: field_label(field)?,
            canonical: self.display(field, term).to_string(),
        })
    }

    fn hit(&self, d: u32, score: f32, wanted: &Wanted, opts: &SearchOptions) -> Hit {
        let doc = &self.docs[d as usize];
        let text = doc.text.as_str();
        // Highlight candidates: (span, key) with key naming what matched.
        let mut marks: Vec<(Span, String)> = Vec::new();
        if !wanted.terms.is_empty() {
            for &b in &doc.body {
                self.analyzer.for_each_term(&text[b], |t, s| {
                    if wanted.terms.contains(t) {
                        marks.push((s.shift(b.start), t.to_string()));
                    }
                });
            }
        }
        let mut entities: Vec<EntityRef> = Vec::new();
        let mut add_entity = |e: Option<EntityRef>| {
            if let Some(e) = e
                && !entities.contains(&e)
            {
                entities.push(e);
            }
        };
        for m in &doc.mentions {
            let key = (m.field as usize, m.term);
            if wanted.entities.contains(&key) {
                marks.push((m.span, format!("\u{1}{}:{}", m.field, m.term)));
                add_entity(self.entity_ref(key.0, key.1));
            } else if marks.iter().any(|(s, _)| m.span.contains(*s)) {
                add_entity(self.entity_ref(key.0, key.1));
            }
        }
        for q in &doc.quotes {
            if let (Some(t), Some(s)) = (q.speaker, q.speaker_span)
                && wanted.entities.contains(&(SPEAKER, t))
            {
                marks.push((s, format!("\u{2}{t}")));
            }
        }
        marks.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        // Drop marks nested in earlier ones.
        let mut kept: Vec<(Span, String)> = Vec::new();
        for (s, k) in marks {
            if kept.last().is_some_and(|(p, _)| p.end > s.start) {
                continue;
            }
            kept.push((s, k));
        }
        let (snippet, highlights) = snippet(text, &doc.body, &kept, opts.snippet_bytes);
        Hit {
            id: doc.id.clone(),
            score,
            title: doc.title.clone(),
            date: doc.date,
            url: doc.url.clone(),
            snippet,
            highlights,
            entities,
        }
    }

    fn facets(&self, m: &Matches, wanted: &Wanted, limit: usize) -> Facets {
        let mut counts: HashMap<(u8, u32), usize> = HashMap::new();
        let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
        let mut undated = 0;
        for &d in &m.docs {
            for &(f, t, _) in &self.doc_entities[d as usize] {
                *counts.entry((f, t)).or_default() += 1;
            }
            match self.docs[d as usize].date {
                Some(date) => *months.entry((date.year, date.month)).or_default() += 1,
                None => undated += 1,
            }
        }
        let mut by_field: BTreeMap<u8, Vec<EntityCount>> = BTreeMap::new();
        for ((f, t), count) in counts {
            if wanted.entities.contains(&(f as usize, t)) {
                continue;
            }
            if let Some(entity) = self.entity_ref(f as usize, t) {
                by_field
                    .entry(f)
                    .or_default()
                    .push(EntityCount { entity, count });
            }
        }
        let entities = by_field
            .into_iter()
            .filter_map(|(f, mut v)| {
                v.sort_by(|a, b| {
                    b.count
                        .cmp(&a.count)
                        .then_with(|| a.entity.canonical.cmp(&b.entity.canonical))
                });
                v.truncate(limit);
                Some((field_label(f as usize)?, v))
            })
            .collect();
        Facets {
            entities,
            months: months
                .into_iter()
                .map(|((year, month), count)| MonthCount { year, month, count })
                .collect(),
            undated,
        }
    }
}

fn intersect_all(mut lists: Vec<Matches>) -> Option<Matches> {
    if lists.is_empty() {
        return None;
    }
    lists.sort_by_key(|m| m.docs.len());
    let mut it = lists.into_iter();
    let mut acc = it.next()?;
    for m in it {
        acc = Matches::intersect(acc, &m);
    }
    Some(acc)
}

/// The `limit` best (doc, score) pairs: score descending, then doc ascending.
///
/// Keeps a sorted buffer of at most `limit` entries, so a scan costs one
/// comparison per match once the buffer is full.
pub(crate) fn top_k(m: &Matches, limit: usize) -> Vec<(u32, f32)> {
    let better = |a: (u32, f32), b: (u32, f32)| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0);
    let mut top: Vec<(u32, f32)> = Vec::with_capacity(limit.min(m.docs.len()) + 1);
    if limit == 0 {
        return top;
    }
    for (&d, &s) in m.docs.iter().zip(&m.scores) {
        let cand = (d, s);
        if top.len() == limit {
            match top.last() {
                Some(&worst) if better(cand, worst) => {
                    top.pop();
                }
                _ => continue,
            }
        }
        let at = top.partition_point(|&x| better(x, cand));
        top.insert(at, cand);
    }
    top
}

/// Number of places where the phrase occurs: for each position of the first
/// term, the earliest following positions of the next terms, in order, with
/// at most `slop` extra positions in between in total.
pub(crate) fn phrase_freq(pos: &[&[u32]], slop: u32) -> u32 {
    let n = pos.len();
    if n == 0 {
        return 0;
    }
    let mut cursors = vec![0usize; n];
    let mut count = 0;
    'starts: for &p0 in pos[0] {
        let mut prev = p0;
        for k in 1..n {
            let list = pos[k];
            let c = &mut cursors[k];
            while *c < list.len() && list[*c] <= prev {
                *c += 1;
            }
            if *c >= list.len() {
                break 'starts;
            }
            prev = list[*c];
        }
        let extra = u64::from(prev - p0) - (n as u64 - 1);
        if extra <= u64::from(slop) {
            count += 1;
        }
    }
    count
}

/// Builds a snippet of about `len` bytes around the densest highlights,
/// with runs of whitespace collapsed; returns it with highlight spans
/// relative to it.
fn snippet(text: &str, body: &[Span], marks: &[(Span, String)], len: usize) -> (String, Vec<Span>) {
    let in_body: Vec<&(Span, String)> = marks
        .iter()
        .filter(|(s, _)| body.iter().any(|b| b.contains(*s)))
        .collect();
    // Pick the window start: the mark whose window covers most distinct keys.
    let mut best: Option<(usize, usize, usize)> = None; // (distinct, total, index)
    for (i, (s, _)) in in_body.iter().enumerate() {
        let end = s.start + len;
        let mut keys: Vec<&str> = Vec::new();
        let mut total = 0;
        for (t, k) in &in_body[i..] {
            if t.end > end {
                break;
            }
            total += 1;
            if !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
        let cand = (keys.len(), total, i);
        if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
            best = Some(cand);
        }
    }
    let (block, anchor) = match best {
        Some((_, _, i)) => {
            let s = in_body[i].0;
            let block = body.iter().copied().find(|b| b.contains(s)).unwrap_or(s);
            (block, s.start)
        }
        None => match body.first() {
            Some(&b) => (b, b.start),
            None => return (String::new(), Vec::new()),
        },
    };
    // Some context before the anchor, starting at a word boundary.
    let mut start = anchor.saturating_sub(len / 4).max(block.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // Prefer the start of the anchor's sentence when it is close enough.
    let mut reach = anchor.saturating_sub(len / 2).max(block.start);
    while !text.is_char_boundary(reach) {
        reach += 1;
    }
    let sentence_start = text[reach..anchor]
        .rmatch_indices(['.', '?', '!'])
        .map(|(i, p)| reach + i + p.len())
        .find(|&i| text[i..anchor].starts_with(char::is_whitespace));
    if let Some(i) = sentence_start {
        start = i;
    } else if start > block.start
        && let Some(ws) = text[start..anchor].find(char::is_whitespace)
    {
        start += ws;
    }
    let mut end = (start + len).min(block.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < block.end
        && let Some(ws) = text[anchor.max(start)..end].rfind(char::is_whitespace)
    {
        end = anchor.max(start) + ws;
    }
    let mut out = String::new();
    if start > block.start {
        out.push('…');
    }
    let mut spans = Vec::new();
    let visible: Vec<Span> = in_body
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| s.start >= start && s.end <= end)
        .collect();
    let mut vi = 0;
    let mut open: Option<usize> = None;
    let mut last_ws = true;
    let trimmed = text[start..end].trim();
    let base = start + (text[start..end].len() - text[start..end].trim_start().len());
    for (i, c) in trimmed.char_indices() {
        let at = base + i;
        if let Some(o) = open
            && visible.get(vi).is_some_and(|s| s.end == at)
        {
            spans.push(Span::new(o, out.len()));
            open = None;
            vi += 1;
        }
        while open.is_none() && visible.get(vi).is_some_and(|s| s.start < at) {
            vi += 1;
        }
        if c.is_whitespace() {
            if !last_ws {
                out.push(' ');
            }
            last_ws = true;
        } else {
            if open.is_none() && visible.get(vi).is_some_and(|s| s.start == at) {
                open = Some(out.len());
            }
            out.push(c);
            last_ws = false;
        }
    }
    if let Some(o) = open {
        spans.push(Span::new(o, out.len()));
    }
    if end < block.end {
        out.push('…');
    }
    (out, spans)
}
