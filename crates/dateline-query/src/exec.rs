//! Query execution shared by both engines: the in-memory [`crate::Index`]
//! and the on-disk [`crate::Archive`].
//!
//! A query is first *planned* against the whole collection ([`Planner`]):
//! words are analyzed, entity values resolved to the entity names they
//! stand for, and BM25 weights computed from collection statistics. The
//! plan then runs on each segment ([`Segment`]): every node evaluates to a
//! list of matching documents sorted by id with a score each, and the
//! boolean operators merge those lists (sum of scores for the parts that
//! match, as Lucene's boolean query does). Both engines thus share one
//! definition of what a query means and how it scores.
//!
//! A plan that is a union of single terms ([`TermSum`]) can also be scored
//! as the postings are read, with the same scores, when no list of matches
//! is needed (the archive does so for one or two terms without facets).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use crate::analysis::Analyzer;
use crate::ast::{EntityField, Query, TextField};
use crate::bm25::{Bm25, idf};
use crate::hash::FastMap;
use crate::index::{BODY, FIRST_ENTITY, NUM_FIELDS, Postings, QUOTE, SPEAKER, TITLE, field_label};
use crate::search::{EntityCount, EntityRef, Facets, Hit, MonthCount, SearchOptions};
use crate::{Date, Error, Span};

/// Collection-wide statistics and name resolution a query is planned against.
pub(crate) trait Planner {
    /// The analyzer documents were indexed with.
    fn analyzer(&self) -> &Analyzer;
    /// Number of documents BM25 counts.
    fn num_docs(&self) -> u64;
    /// Documents of a field containing a term.
    fn doc_freq(&self, field: usize, term: &str) -> u64;
    /// The BM25 length-normalization table of a field.
    fn norm_table(&self, field: usize) -> [f32; 256];
    /// Entity names (field, normalized name) a query value names in `fields`.
    fn resolve_entity(&self, value: &str, fields: &[usize]) -> Vec<(usize, String)>;
}

/// One segment of documents a plan runs on (ids local to the segment).
pub(crate) trait Segment {
    /// One past the largest document id.
    fn max_doc(&self) -> u32;
    /// True when document `d` is not deleted.
    fn is_live(&self, d: u32) -> bool;
    /// The postings of a term (with positions when asked and recorded).
    fn postings(&self, field: usize, term: &str, positions: bool) -> Option<Cow<'_, Postings>>;
    /// The one-byte length code of a field in a document.
    fn norm(&self, field: usize, d: u32) -> u8;
    /// Live documents published between two days (inclusive), sorted.
    fn dated_between(&self, lo: i64, hi: i64) -> Vec<u32>;

    /// Appends the live documents containing a term, with their scores.
    fn score_term(&self, field: usize, term: &str, bm: &Bm25<'_>, out: &mut Matches) {
        let Some(p) = self.postings(field, term, false) else {
            return;
        };
        out.docs.reserve(p.docs.len());
        out.scores.reserve(p.docs.len());
        for (&d, &tf) in p.docs.iter().zip(&p.freqs) {
            if self.is_live(d) {
                out.push(d, bm.score(self.norm(field, d), tf));
            }
        }
    }

    /// Appends the live documents containing a phrase (with at most `slop`
    /// extra positions), scored with the phrase's frequency.
    fn score_phrase(
        &self,
        field: usize,
        terms: &[String],
        slop: u32,
        bm: &Bm25<'_>,
        out: &mut Matches,
    ) {
        let mut lists = Vec::with_capacity(terms.len());
        for t in terms {
            match self.postings(field, t, true) {
                Some(p) => lists.push(p),
                None => return,
            }
        }
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
                out.push(d, bm.score(self.norm(field, d), tf));
            }
        }
    }
}

/// Matching documents (sorted ids) with their scores.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matches {
    pub(crate) docs: Vec<u32>,
    pub(crate) scores: Vec<f32>,
}

impl Matches {
    pub(crate) fn push(&mut self, d: u32, s: f32) {
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

/// What a query looks for, collected for highlighting and facets.
#[derive(Debug, Default)]
pub(crate) struct Wanted {
    /// Analyzed terms searched in body or quote text.
    pub(crate) terms: HashSet<String>,
    /// Entities (field, normalized name) named by entity conditions.
    pub(crate) entities: HashSet<(usize, String)>,
}

/// A term sequence in one field with its BM25 weight.
#[derive(Debug)]
pub(crate) struct FieldTerms {
    field: usize,
    terms: Vec<String>,
    slop: u32,
    idf: f32,
    table: [f32; 256],
}

/// A query with words analyzed, entities resolved and weights computed.
#[derive(Debug)]
pub(crate) enum Plan {
    /// Union over fields (a term when one term, a phrase otherwise).
    Text(Vec<FieldTerms>),
    /// Union over entity names (each one term of an entity field).
    Entity(Vec<FieldTerms>),
    /// Publication date within a range of days (inclusive); scores nothing.
    Days(i64, i64),
    /// Every positive part matches, no negative one does.
    And(Vec<Plan>, Vec<Plan>),
    /// Any part matches.
    Or(Vec<Plan>),
    /// Documents that do not match.
    Not(Box<Plan>),
    /// Lucene's side-by-side clauses: required, optional (and whether there
    /// were any), excluded.
    Group(Vec<Plan>, Vec<Plan>, bool, Vec<Plan>),
}

impl FieldTerms {
    /// The field searched.
    pub(crate) fn field(&self) -> usize {
        self.field
    }

    /// The term, when this is a single term rather than a phrase.
    pub(crate) fn single_term(&self) -> Option<&str> {
        match self.terms.as_slice() {
            [t] => Some(t),
            _ => None,
        }
    }

    /// The BM25 scorer of the term sequence.
    pub(crate) fn bm25(&self) -> Bm25<'_> {
        Bm25::new(self.idf, &self.table)
    }
}

/// A plan that is a union of single terms (a word in the title and the
/// body, entity names, and any `OR` of those or of them side by side): its matches can be scored
/// one document at a time as the postings are read, without the lists
/// [`exec`] builds. [`TermSum::score`] adds the scores of the terms a
/// document contains in the order [`exec`]'s unions add them, so scores
/// are the same to the bit.
#[derive(Debug)]
pub(crate) struct TermSum<'a> {
    /// The terms, in plan order.
    pub(crate) leaves: Vec<&'a FieldTerms>,
    tree: SumNode,
}

#[derive(Debug)]
enum SumNode {
    Leaf(usize),
    Sum(Vec<SumNode>),
}

impl<'a> TermSum<'a> {
    /// The plan as a union of single terms, if it is one.
    pub(crate) fn of(plan: &'a Plan) -> Option<TermSum<'a>> {
        fn node<'a>(plan: &'a Plan, leaves: &mut Vec<&'a FieldTerms>) -> Option<SumNode> {
            match plan {
                Plan::Text(parts) | Plan::Entity(parts) => {
                    let mut kids = Vec::with_capacity(parts.len());
                    for ft in parts {
                        ft.single_term()?;
                        kids.push(SumNode::Leaf(leaves.len()));
                        leaves.push(ft);
                    }
                    Some(SumNode::Sum(kids))
                }
                // Side-by-side words: the union of the optional parts.
                Plan::Group(must, should, true, neg) if must.is_empty() && neg.is_empty() => should
                    .iter()
                    .map(|p| node(p, leaves))
                    .collect::<Option<Vec<_>>>()
                    .map(SumNode::Sum),
                Plan::Or(parts) => parts
                    .iter()
                    .map(|p| node(p, leaves))
                    .collect::<Option<Vec<_>>>()
                    .map(SumNode::Sum),
                _ => None,
            }
        }
        let mut leaves = Vec::new();
        let tree = node(plan, &mut leaves)?;
        Some(TermSum { leaves, tree })
    }

    /// A document's score from the scores of the terms it contains
    /// (`None` for a term it lacks); `None` when it contains none.
    pub(crate) fn score(&self, scores: &[Option<f32>]) -> Option<f32> {
        fn eval(n: &SumNode, scores: &[Option<f32>]) -> Option<f32> {
            match n {
                SumNode::Leaf(i) => scores.get(*i).copied().flatten(),
                // As `Matches::union` folds: left to right over the parts
                // that match.
                SumNode::Sum(kids) => {
                    kids.iter()
                        .fold(None, |acc, k| match (acc, eval(k, scores)) {
                            (Some(a), Some(b)) => Some(a + b),
                            (a, b) => a.or(b),
                        })
                }
            }
        }
        eval(&self.tree, scores)
    }
}

const MAX_TREE_DEPTH: usize = crate::parser::MAX_DEPTH + 2;

fn text_fields(field: TextField) -> &'static [usize] {
    match field {
        TextField::Title => &[TITLE],
        TextField::Body => &[BODY],
        TextField::Quote => &[QUOTE],
        _ => &[TITLE, BODY],
    }
}

pub(crate) fn entity_fields(field: EntityField) -> Vec<usize> {
    match field {
        EntityField::Speaker => vec![SPEAKER],
        EntityField::Label(l) => crate::index::entity_field(l).into_iter().collect(),
        _ => (FIRST_ENTITY..NUM_FIELDS).collect(),
    }
}

/// Plans a query; returns the plan and what it looks for.
///
/// # Errors
/// [`Error::TooDeep`] for a hand-built tree deeper than the parser allows.
pub(crate) fn plan(p: &dyn Planner, q: &Query) -> Result<(Plan, Wanted), Error> {
    if q.depth_at_most(MAX_TREE_DEPTH).is_none() {
        return Err(Error::TooDeep {
            max: MAX_TREE_DEPTH,
        });
    }
    let mut wanted = Wanted::default();
    let plan = plan_node(p, q, &mut wanted, true);
    Ok((plan, wanted))
}

fn plan_text(
    p: &dyn Planner,
    field: TextField,
    terms: Vec<String>,
    slop: u32,
    wanted: &mut Wanted,
    positive: bool,
) -> Plan {
    let mut parts = Vec::new();
    if terms.is_empty() {
        return Plan::Text(parts);
    }
    let n = p.num_docs();
    for &f in text_fields(field) {
        let mut sum = 0.0f32;
        let mut present = true;
        for t in &terms {
            let df = p.doc_freq(f, t);
            if df == 0 {
                present = false;
                break;
            }
            sum += idf(df, n);
        }
        if present {
            parts.push(FieldTerms {
                field: f,
                terms: terms.clone(),
                slop,
                idf: sum,
                table: p.norm_table(f),
            });
        }
    }
    if positive && field != TextField::Title {
        wanted.terms.extend(terms);
    }
    Plan::Text(parts)
}

fn plan_node(p: &dyn Planner, q: &Query, wanted: &mut Wanted, positive: bool) -> Plan {
    match q {
        Query::Term { field, text } => {
            let terms = p.analyzer().terms(text);
            plan_text(p, *field, terms, 0, wanted, positive)
        }
        Query::Phrase { field, text, slop } => {
            let terms = p.analyzer().terms(text);
            plan_text(p, *field, terms, slop.unwrap_or(0), wanted, positive)
        }
        Query::Entity { field, value } => {
            let n = p.num_docs();
            let mut parts = Vec::new();
            for (f, t) in p.resolve_entity(value, &entity_fields(*field)) {
                let df = p.doc_freq(f, &t);
                if positive {
                    wanted.entities.insert((f, t.clone()));
                }
                if df > 0 {
                    parts.push(FieldTerms {
                        field: f,
                        terms: vec![t],
                        slop: 0,
                        idf: idf(df, n),
                        table: p.norm_table(f),
                    });
                }
            }
            Plan::Entity(parts)
        }
        Query::Date(dq) => {
            let (lo, hi) = dq.day_range();
            Plan::Days(lo, hi)
        }
        Query::And(parts) => {
            let mut pos = Vec::new();
            let mut neg = Vec::new();
            for x in parts {
                match x {
                    Query::Not(x) | Query::MustNot(x) => {
                        neg.push(plan_node(p, x, wanted, !positive));
                    }
                    _ => pos.push(plan_node(p, x, wanted, positive)),
                }
            }
            Plan::And(pos, neg)
        }
        Query::Or(parts) => Plan::Or(
            parts
                .iter()
                .map(|x| plan_node(p, x, wanted, positive))
                .collect(),
        ),
        Query::Not(x) | Query::MustNot(x) => {
            Plan::Not(Box::new(plan_node(p, x, wanted, !positive)))
        }
        Query::Must(x) => plan_node(p, x, wanted, positive),
        Query::Group(parts) => {
            let mut must = Vec::new();
            let mut should = Vec::new();
            let mut any_should = false;
            let mut neg = Vec::new();
            for x in parts {
                match x {
                    Query::Must(y) => must.push(plan_node(p, y, wanted, positive)),
                    // A date condition scores nothing: side by side it filters.
                    Query::Date(_) => must.push(plan_node(p, x, wanted, positive)),
                    Query::Not(y) | Query::MustNot(y) => {
                        neg.push(plan_node(p, y, wanted, !positive));
                    }
                    _ => {
                        any_should = true;
                        should.push(plan_node(p, x, wanted, positive));
                    }
                }
            }
            Plan::Group(must, should, any_should, neg)
        }
    }
}

fn all_live(seg: &dyn Segment) -> Matches {
    let mut m = Matches::default();
    for d in 0..seg.max_doc() {
        if seg.is_live(d) {
            m.push(d, 0.0);
        }
    }
    m
}

fn field_terms(seg: &dyn Segment, ft: &FieldTerms) -> Matches {
    let mut out = Matches::default();
    let bm = Bm25::new(ft.idf, &ft.table);
    let f = ft.field;
    if ft.terms.len() == 1 {
        seg.score_term(f, &ft.terms[0], &bm, &mut out);
        return out;
    }
    seg.score_phrase(f, &ft.terms, ft.slop, &bm, &mut out);
    out
}

fn union_all(seg: &dyn Segment, plans: &[Plan]) -> Matches {
    let mut out = Matches::default();
    for p in plans {
        out = Matches::union(out, exec(seg, p));
    }
    out
}

/// Runs a plan on one segment.
pub(crate) fn exec(seg: &dyn Segment, plan: &Plan) -> Matches {
    match plan {
        Plan::Text(parts) | Plan::Entity(parts) => {
            let mut out = Matches::default();
            for ft in parts {
                out = Matches::union(out, field_terms(seg, ft));
            }
            out
        }
        Plan::Days(lo, hi) => {
            let docs = seg.dated_between(*lo, *hi);
            let scores = vec![0.0; docs.len()];
            Matches { docs, scores }
        }
        Plan::And(pos, neg) => {
            let neg = union_all(seg, neg);
            let pos: Vec<Matches> = pos.iter().map(|p| exec(seg, p)).collect();
            let base = intersect_all(pos).unwrap_or_else(|| all_live(seg));
            Matches::minus(base, &neg)
        }
        Plan::Or(parts) => union_all(seg, parts),
        Plan::Not(x) => {
            let m = exec(seg, x);
            Matches::minus(all_live(seg), &m)
        }
        Plan::Group(must, should, any_should, neg) => {
            let must: Vec<Matches> = must.iter().map(|p| exec(seg, p)).collect();
            let should = union_all(seg, should);
            let neg = union_all(seg, neg);
            let base = match intersect_all(must) {
                Some(m) => Matches::boost(m, &should),
                None if *any_should => should,
                None => all_live(seg),
            };
            Matches::minus(base, &neg)
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

/// Keeps in `top` the `limit` best `(key, score, item)`: score
/// descending, then key ascending (the key orders documents by when they
/// were added). Keys are computed only for items that enter the buffer or
/// tie with its worst entry.
///
/// Keeps a sorted buffer of at most `limit` entries, so a scan costs one
/// comparison per match once the buffer is full.
pub(crate) fn top_k<T: Copy>(
    items: impl IntoIterator<Item = (f32, T)>,
    key: impl Fn(T) -> u64,
    limit: usize,
    top: &mut Vec<(u64, f32, T)>,
) {
    top_k_above(items, key, 0, limit, top);
}

/// [`top_k`] for items whose keys are all at least `floor`: an item that
/// only ties with the worst entry is then passed over without computing
/// its key when `floor` is not below the worst entry's key (a later
/// segment's documents arrived after every one already kept).
pub(crate) fn top_k_above<T: Copy>(
    items: impl IntoIterator<Item = (f32, T)>,
    key: impl Fn(T) -> u64,
    floor: u64,
    limit: usize,
    top: &mut Vec<(u64, f32, T)>,
) {
    let better = |a: &(u64, f32, T), b: &(u64, f32, T)| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0);
    if limit == 0 {
        return;
    }
    for (score, item) in items {
        if top.len() >= limit {
            match top.last() {
                Some(worst) if score > worst.1 || (score == worst.1 && floor < worst.0) => {
                    let cand = (key(item), score, item);
                    if !better(&cand, worst) {
                        continue;
                    }
                    top.pop();
                    let at = top.partition_point(|x| better(x, &cand));
                    top.insert(at, cand);
                }
                _ => continue,
            }
        } else {
            let cand = (key(item), score, item);
            let at = top.partition_point(|x| better(x, &cand));
            top.insert(at, cand);
        }
    }
}

/// Number of places where the phrase occurs: for each position of the first
/// term, the earliest following positions of the next terms, in order, with
/// at most `slop` extra positions in between in total.
pub(crate) fn phrase_freq<P: AsRef<[u32]>>(pos: &[P], slop: u32) -> u32 {
    phrase_freq_with(pos, slop, &mut Vec::new())
}

/// [`phrase_freq`] with a reusable buffer for its cursors.
pub(crate) fn phrase_freq_with<P: AsRef<[u32]>>(
    pos: &[P],
    slop: u32,
    cursors: &mut Vec<usize>,
) -> u32 {
    let n = pos.len();
    if n == 0 {
        return 0;
    }
    cursors.clear();
    cursors.resize(n, 0);
    let mut count = 0;
    'starts: for &p0 in pos[0].as_ref() {
        let mut prev = p0;
        for k in 1..n {
            let list = pos[k].as_ref();
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

/// A stored document as results need it, with entities named by
/// (field, normalized name).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LoadedDoc {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) text: String,
    /// Body spans, sorted.
    pub(crate) body: Vec<Span>,
    /// Entity mentions (field, name, span), sorted by span.
    pub(crate) mentions: Vec<(usize, String, Span)>,
    /// Quotations: span, speaker name, speaker span.
    pub(crate) quotes: Vec<(Span, Option<String>, Option<Span>)>,
}

/// The display name of an entity or speaker, by (field, normalized name).
pub(crate) type Display<'a> = &'a dyn Fn(usize, &str) -> String;

fn entity_ref(field: usize, name: &str, display: Display<'_>) -> Option<EntityRef> {
    Some(EntityRef {
        label: field_label(field)?,
        canonical: display(field, name),
    })
}

/// Does a span in `sorted` (sorted by start) lie inside `outer`?
fn contains_any(sorted: &[Span], outer: Span) -> bool {
    let from = sorted.partition_point(|s| s.start < outer.start);
    sorted[from..]
        .iter()
        .take_while(|s| s.start < outer.end || (s.start == outer.end && s.is_empty()))
        .any(|s| outer.contains(*s))
}

/// Builds a hit: snippet, highlights and matched entities. Linear in the
/// document's length and its numbers of mentions and matches.
pub(crate) fn make_hit(
    analyzer: &Analyzer,
    doc: LoadedDoc,
    score: f32,
    wanted: &Wanted,
    opts: &SearchOptions,
    display: Display<'_>,
) -> Hit {
    let text = doc.text.as_str();
    // Highlight candidates: (span, key) with key naming what matched.
    let mut marks: Vec<(Span, String)> = Vec::new();
    if !wanted.terms.is_empty() {
        for &b in &doc.body {
            analyzer.for_each_term(&text[b], |t, s| {
                if wanted.terms.contains(t) {
                    marks.push((s.shift(b.start), t.to_string()));
                }
            });
        }
    }
    // Term marks come in text order (body spans are sorted); entity marks
    // in mention order. Both are searched by position below.
    let mut term_spans: Vec<Span> = marks.iter().map(|(s, _)| *s).collect();
    term_spans.sort();
    let mut entity_spans: Vec<Span> = Vec::new();
    let mut entities: Vec<EntityRef> = Vec::new();
    let mut seen: HashSet<(usize, &str)> = HashSet::new();
    let add_entity = |f: usize, name: &str, entities: &mut Vec<EntityRef>| {
        if let Some(e) = entity_ref(f, name, display)
            && !entities.contains(&e)
        {
            entities.push(e);
        }
    };
    for (f, name, span) in &doc.mentions {
        let key = (*f, name.clone());
        if wanted.entities.contains(&key) {
            marks.push((*span, format!("\u{1}{f}:{name}")));
            let at = entity_spans.partition_point(|s| *s <= *span);
            entity_spans.insert(at, *span);
            if seen.insert((*f, name.as_str())) {
                add_entity(*f, name, &mut entities);
            }
        } else if (contains_any(&term_spans, *span) || contains_any(&entity_spans, *span))
            && seen.insert((*f, name.as_str()))
        {
            add_entity(*f, name, &mut entities);
        }
    }
    for (_, speaker, speaker_span) in &doc.quotes {
        if let (Some(t), Some(s)) = (speaker, speaker_span)
            && wanted.entities.contains(&(SPEAKER, t.clone()))
        {
            marks.push((*s, format!("\u{2}{t}")));
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
        id: doc.id,
        score,
        title: doc.title,
        date: doc.date,
        url: doc.url,
        snippet,
        highlights,
        entities,
    }
}

/// Counts gathered over matching documents, turned into [`Facets`].
#[derive(Debug, Default)]
pub(crate) struct FacetCounts {
    /// Matching documents per entity (field, normalized name).
    pub(crate) entities: FastMap<(usize, String), usize>,
    /// Matching documents per (year, month).
    pub(crate) months: BTreeMap<(i32, u8), usize>,
    /// Matching documents without a date.
    pub(crate) undated: usize,
}

impl FacetCounts {
    /// The facets: per label the most frequent entities the query does not
    /// itself name (ties by normalized name), months oldest first.
    pub(crate) fn finish(self, wanted: &Wanted, limit: usize, display: Display<'_>) -> Facets {
        let mut by_field: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
        for ((f, t), count) in self.entities {
            if !wanted.entities.is_empty() && wanted.entities.contains(&(f, t.clone())) {
                continue;
            }
            by_field.entry(f).or_default().push((count, t));
        }
        // Most frequent first, ties by normalized name; display names are
        // looked up only for the entities shown.
        let order =
            |a: &(usize, String), b: &(usize, String)| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1));
        let entities = by_field
            .into_iter()
            .filter_map(|(f, mut v)| {
                if limit == 0 {
                    v.clear();
                } else if v.len() > limit {
                    v.select_nth_unstable_by(limit - 1, order);
                    v.truncate(limit);
                }
                v.sort_by(order);
                let v: Vec<EntityCount> = v
                    .into_iter()
                    .filter_map(|(count, t)| {
                        Some(EntityCount {
                            entity: entity_ref(f, &t, display)?,
                            count,
                        })
                    })
                    .collect();
                Some((field_label(f)?, v))
            })
            .collect();
        Facets {
            entities,
            months: self
                .months
                .into_iter()
                .map(|((year, month), count)| MonthCount { year, month, count })
                .collect(),
            undated: self.undated,
        }
    }
}

/// Which of two display forms of one name to show, independent of the
/// order documents arrive in: fewer words starting in lower case, then
/// fewer capitals, then byte order (`Donald Trump` over `DONALD TRUMP`
/// and `donald trump`).
pub(crate) fn better_display(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let lower_words = s
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        let capitals = s.chars().filter(|c| c.is_uppercase()).count();
        (lower_words, capitals)
    };
    (key(a), a) < (key(b), b)
}

/// Builds a snippet of about `len` bytes around the densest highlights,
/// with runs of whitespace collapsed; returns it with highlight spans
/// relative to it.
fn snippet(text: &str, body: &[Span], marks: &[(Span, String)], len: usize) -> (String, Vec<Span>) {
    // Body spans are sorted and do not overlap: the block that could hold a
    // span is the last one starting at or before it.
    let block_of = |s: Span| -> Option<Span> {
        let i = body.partition_point(|b| b.start <= s.start);
        i.checked_sub(1)
            .and_then(|i| body.get(i))
            .copied()
            .filter(|b| b.contains(s))
    };
    let in_body: Vec<&(Span, String)> = marks
        .iter()
        .filter(|(s, _)| block_of(*s).is_some())
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
            let block = block_of(s).unwrap_or(s);
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
    // Marks are sorted by start: only those from `start` on can be visible.
    let first = in_body.partition_point(|(s, _)| s.start < start);
    let visible: Vec<Span> = in_body[first..]
        .iter()
        .take_while(|(s, _)| s.start <= end)
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
