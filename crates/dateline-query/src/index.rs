//! The in-memory index: per-field term dictionaries and postings, stored
//! documents for results, and the entity alias table.
//!
//! Postings are plain sorted vectors (document ids, frequencies and, for
//! text fields, positions) because the bundled corpora are small and a flat
//! vector scan beats any block structure at this size; the compact delta +
//! varint encoding is used on disk (see `storage`). Documents are appended,
//! so postings stay sorted without merging. Deletion marks a tombstone;
//! statistics (document count, field lengths, document frequencies) count
//! only live documents, and saving drops deleted documents for good.

use std::collections::HashMap;

use crate::hash::FastMap;

use crate::analysis::{Analyzer, Terms};
use crate::bm25::fieldnorm_id;
use crate::exec::LoadedDoc;
use crate::{Date, Label, Span, TaggedDocument};

/// Entity labels that get a field of their own (names, not values).
pub(crate) const ENTITY_LABELS: [Label; 8] = [
    Label::Person,
    Label::Org,
    Label::Gpe,
    Label::Loc,
    Label::Norp,
    Label::Fac,
    Label::Event,
    Label::Misc,
];

/// Field ids.
pub(crate) const TITLE: usize = 0;
pub(crate) const BODY: usize = 1;
pub(crate) const QUOTE: usize = 2;
pub(crate) const SPEAKER: usize = 3;
pub(crate) const FIRST_ENTITY: usize = 4;
pub(crate) const NUM_FIELDS: usize = FIRST_ENTITY + ENTITY_LABELS.len();

/// The query field name of an entity label, when it has a field.
pub(crate) fn label_field_name(l: Label) -> Option<&'static str> {
    Some(match l {
        Label::Person => "person",
        Label::Org => "org",
        Label::Gpe => "gpe",
        Label::Loc => "loc",
        Label::Norp => "norp",
        Label::Fac => "fac",
        Label::Event => "event",
        Label::Misc => "misc",
        _ => return None,
    })
}

/// The label of an entity field name.
pub(crate) fn label_from_field_name(name: &str) -> Option<Label> {
    ENTITY_LABELS
        .iter()
        .copied()
        .find(|l| label_field_name(*l) == Some(name))
}

/// The field id of an entity label.
pub(crate) fn entity_field(l: Label) -> Option<usize> {
    ENTITY_LABELS
        .iter()
        .position(|x| *x == l)
        .map(|i| FIRST_ENTITY + i)
}

/// The label of an entity field id.
pub(crate) fn field_label(field: usize) -> Option<Label> {
    field
        .checked_sub(FIRST_ENTITY)
        .and_then(|i| ENTITY_LABELS.get(i).copied())
}

/// True for fields that record positions.
pub(crate) fn is_positional(field: usize) -> bool {
    field <= QUOTE
}

/// One term's postings: sorted document ids, frequencies and (text fields) positions.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    pub(crate) docs: Vec<u32>,
    pub(crate) freqs: Vec<u32>,
    /// Start of each document's positions in `positions` (text fields only).
    pub(crate) pos_start: Vec<u32>,
    pub(crate) positions: Vec<u32>,
}

impl Postings {
    pub(crate) fn positions_of(&self, i: usize) -> &[u32] {
        let start = self.pos_start.get(i).copied().unwrap_or(0) as usize;
        let n = self.freqs.get(i).copied().unwrap_or(0) as usize;
        self.positions.get(start..start + n).unwrap_or(&[])
    }
}

/// One field of the index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Field {
    pub(crate) dict: FastMap<Box<str>, u32>,
    pub(crate) terms: Vec<Box<str>>,
    /// Display form of each term (entity and speaker fields).
    pub(crate) display: Vec<Box<str>>,
    pub(crate) postings: Vec<Postings>,
    /// Exact length of the field in each document.
    pub(crate) lengths: Vec<u32>,
    /// One-byte norm code of each document's length.
    pub(crate) norms: Vec<u8>,
    /// Sum of the lengths of live documents.
    pub(crate) total_tokens: u64,
    /// BM25 length normalization per norm code, computed on first use
    /// after each change of the field's statistics.
    pub(crate) norm_cache: std::sync::OnceLock<[f32; 256]>,
}

impl Field {
    pub(crate) fn term_id(&mut self, term: &str, display: Option<&str>) -> u32 {
        if let Some(&id) = self.dict.get(term) {
            if let (Some(d), Some(old)) = (display, self.display.get_mut(id as usize))
                && crate::exec::better_display(d, old)
            {
                *old = d.into();
            }
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.into());
        if let Some(d) = display {
            self.display.push(d.into());
        }
        self.postings.push(Postings::default());
        self.dict.insert(term.into(), id);
        id
    }

    pub(crate) fn get(&self, term: &str) -> Option<&Postings> {
        self.dict
            .get(term)
            .and_then(|&id| self.postings.get(id as usize))
    }

    /// Records one document's occurrences, given as (term id, position) pairs.
    fn add_doc(&mut self, doc: u32, mut occ: Vec<(u32, u32)>, length: u32, positional: bool) {
        occ.sort_unstable();
        let mut i = 0;
        while i < occ.len() {
            let term = occ[i].0;
            let mut j = i;
            while j < occ.len() && occ[j].0 == term {
                j += 1;
            }
            if let Some(p) = self.postings.get_mut(term as usize) {
                p.docs.push(doc);
                p.freqs.push((j - i) as u32);
                if positional {
                    p.pos_start.push(p.positions.len() as u32);
                    p.positions.extend(occ[i..j].iter().map(|o| o.1));
                }
            }
            i = j;
        }
        self.lengths.push(length);
        self.norms.push(fieldnorm_id(length));
        self.total_tokens += u64::from(length);
        self.norm_cache = std::sync::OnceLock::new();
    }

    /// The BM25 length-normalization table for the current statistics.
    pub(crate) fn norm_table(&self, num_docs: u64) -> &[f32; 256] {
        self.norm_cache
            .get_or_init(|| crate::bm25::norm_table(self.total_tokens, num_docs))
    }
}

/// An entity mention kept for highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) field: u8,
    pub(crate) term: u32,
    pub(crate) span: Span,
}

/// A quotation kept for highlighting speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteRef {
    pub(crate) span: Span,
    pub(crate) speaker: Option<u32>,
    pub(crate) speaker_span: Option<Span>,
}

/// What the index keeps of a document for results.
#[derive(Debug, Clone, Default)]
pub(crate) struct StoredDoc {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) text: String,
    pub(crate) body: Vec<Span>,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) quotes: Vec<QuoteRef>,
}

/// An entity-aware inverted index over tagged news documents.
///
/// Fields: `title` and `body` (terms with positions), `quote` (quotation
/// text, with positions), `speaker` (speakers' canonical names), one field
/// per entity label holding canonical names, the publication date, and the
/// stored document (id, title, url, text) for results.
///
/// ```
/// use dateline_query::{Index, tag::Tagger};
/// let doc = dateline_query::tag::parse::parse("Bolton meets Patrushev\n\nThe advisers met in Geneva.\n");
/// let mut index = Index::new();
/// index.add(&Tagger::new().annotate(doc));
/// let results = index.search_str("geneva", 10)?;
/// assert_eq!(results.total, 1);
/// # Ok::<(), dateline_query::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Index {
    pub(crate) analyzer: Analyzer,
    pub(crate) fields: Vec<Field>,
    pub(crate) docs: Vec<StoredDoc>,
    pub(crate) deleted: Vec<bool>,
    pub(crate) num_deleted: usize,
    pub(crate) by_id: HashMap<String, u32>,
    /// For each document: (field, term, mentions) of its entities.
    pub(crate) doc_entities: Vec<Vec<(u8, u32, u32)>>,
    /// Normalized name or surface form -> entities (field, term) it refers to.
    pub(crate) aliases: FastMap<Box<str>, Vec<(u8, u32)>>,
    /// Memo of normalized entity and speaker names (derived, not saved).
    pub(crate) names: FastMap<Box<str>, Box<str>>,
    /// Whether entity values are also resolved through the tag layer's
    /// bundled knowledge base.
    pub(crate) use_kb: bool,
}

impl Default for Index {
    fn default() -> Self {
        Index::new()
    }
}

fn valid_span(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index {
            analyzer: Analyzer::new(),
            fields: (0..NUM_FIELDS).map(|_| Field::default()).collect(),
            docs: Vec::new(),
            deleted: Vec::new(),
            num_deleted: 0,
            by_id: HashMap::new(),
            doc_entities: Vec::new(),
            aliases: FastMap::default(),
            names: FastMap::default(),
            use_kb: true,
        }
    }

    /// Number of (live) documents.
    pub fn len(&self) -> usize {
        self.docs.len() - self.num_deleted
    }

    /// True when the index holds no live document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when a live document has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Ids of the live documents, in the order they were added.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.docs
            .iter()
            .zip(&self.deleted)
            .filter(|(_, d)| !**d)
            .map(|(d, _)| d.id.as_str())
    }

    /// Turns off resolving entity values through the tag layer's bundled
    /// knowledge base; only names and surface forms seen in the indexed
    /// documents then count as aliases.
    pub fn without_knowledge_base(mut self) -> Index {
        self.use_kb = false;
        self
    }

    /// The analyzer used for documents and queries.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Adds a document. A live document with the same id is replaced.
    pub fn add(&mut self, tagged: &TaggedDocument) {
        let a = analyze(&self.analyzer, &mut self.names, tagged);
        self.add_analyzed(a);
    }

    fn add_analyzed(&mut self, a: Analyzed) {
        self.delete(&a.doc.id);
        let doc_id = self.docs.len() as u32;
        for (fid, terms) in [(TITLE, &a.title), (BODY, &a.body), (QUOTE, &a.quote)] {
            let field = &mut self.fields[fid];
            let occ: Vec<(u32, u32)> = terms
                .iter()
                .enumerate()
                .map(|(i, t)| (field.term_id(t, None), i as u32))
                .collect();
            field.add_doc(doc_id, occ, terms.len() as u32, true);
        }
        let speakers: Vec<(u32, u32)> = a
            .speakers
            .iter()
            .map(|(n, d)| (self.fields[SPEAKER].term_id(n, Some(d)), 0))
            .collect();
        let n = speakers.len() as u32;
        self.fields[SPEAKER].add_doc(doc_id, speakers, n, false);

        let mut per_field: Vec<Vec<(u32, u32)>> = vec![Vec::new(); ENTITY_LABELS.len()];
        for (fid, norm, display) in &a.entities {
            let term = self.fields[*fid].term_id(norm, Some(display));
            per_field[fid - FIRST_ENTITY].push((term, 0));
        }
        for (surface, fid, norm) in &a.aliases {
            if let Some(&term) = self.fields[*fid].dict.get(norm.as_str()) {
                let list = self.aliases.entry(surface.as_str().into()).or_default();
                if !list.contains(&(*fid as u8, term)) {
                    list.push((*fid as u8, term));
                }
            }
        }
        let mut entities = Vec::new();
        for (i, occ) in per_field.into_iter().enumerate() {
            let fid = FIRST_ENTITY + i;
            let n = occ.len() as u32;
            let mut counts: Vec<(u32, u32)> = Vec::new();
            let mut sorted: Vec<u32> = occ.iter().map(|o| o.0).collect();
            sorted.sort_unstable();
            for t in sorted {
                match counts.last_mut() {
                    Some((last, c)) if *last == t => *c += 1,
                    _ => counts.push((t, 1)),
                }
            }
            entities.extend(counts.into_iter().map(|(t, c)| (fid as u8, t, c)));
            self.fields[fid].add_doc(doc_id, occ, n, false);
        }
        let term_of = |fields: &[Field], f: usize, name: &str| {
            fields
                .get(f)
                .and_then(|x| x.dict.get(name))
                .copied()
                .unwrap_or(0)
        };
        let doc = a.doc;
        let mentions = doc
            .mentions
            .iter()
            .map(|(f, name, span)| Mention {
                field: *f as u8,
                term: term_of(&self.fields, *f, name),
                span: *span,
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|(span, speaker, speaker_span)| QuoteRef {
                span: *span,
                speaker: speaker
                    .as_deref()
                    .map(|n| term_of(&self.fields, SPEAKER, n)),
                speaker_span: *speaker_span,
            })
            .collect();
        self.by_id.insert(doc.id.clone(), doc_id);
        self.docs.push(StoredDoc {
            id: doc.id,
            title: doc.title,
            url: doc.url,
            date: doc.date,
            text: doc.text,
            body: doc.body,
            mentions,
            quotes,
        });
        self.doc_entities.push(entities);
        self.deleted.push(false);
    }

    /// Deletes the live document with this id; returns whether there was one.
    pub fn delete(&mut self, id: &str) -> bool {
        let Some(doc) = self.by_id.remove(id) else {
            return false;
        };
        let d = doc as usize;
        if let Some(flag) = self.deleted.get_mut(d) {
            *flag = true;
        }
        self.num_deleted += 1;
        for field in &mut self.fields {
            if let Some(len) = field.lengths.get(d) {
                field.total_tokens -= u64::from(*len);
            }
            field.norm_cache = std::sync::OnceLock::new();
        }
        true
    }

    /// True when internal document `d` is live.
    #[inline]
    pub(crate) fn is_live(&self, d: u32) -> bool {
        self.num_deleted == 0 || !self.deleted.get(d as usize).copied().unwrap_or(true)
    }

    /// Live documents containing a term (its postings length when nothing is deleted).
    pub(crate) fn doc_freq(&self, p: &Postings) -> u64 {
        if self.num_deleted == 0 {
            p.docs.len() as u64
        } else {
            p.docs.iter().filter(|&&d| self.is_live(d)).count() as u64
        }
    }

    /// The display name of an entity or speaker term.
    pub(crate) fn display(&self, field: usize, term: u32) -> &str {
        self.fields
            .get(field)
            .and_then(|f| {
                f.display
                    .get(term as usize)
                    .or_else(|| f.terms.get(term as usize))
            })
            .map_or("", |s| s)
    }
}

/// What both engines index of one tagged document: the terms of each
/// field in position order, entity and speaker names, aliases, and the
/// stored document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analyzed {
    pub(crate) title: Terms,
    pub(crate) body: Terms,
    pub(crate) quote: Terms,
    /// (normalized name, display form) of each quotation's speaker.
    pub(crate) speakers: Vec<(String, String)>,
    /// (field, normalized canonical name, display form) of each mention.
    pub(crate) entities: Vec<(usize, String, String)>,
    /// (normalized surface form, field, normalized canonical name) where they differ.
    pub(crate) aliases: Vec<(String, usize, String)>,
    pub(crate) doc: LoadedDoc,
}

/// `Analyzer::normalize_name`, memoized: names repeat across articles.
pub(crate) fn normalized_name(
    analyzer: &Analyzer,
    names: &mut FastMap<Box<str>, Box<str>>,
    name: &str,
) -> String {
    if let Some(n) = names.get(name) {
        return n.to_string();
    }
    let n = analyzer.normalize_name(name);
    if names.len() > 1_000_000 {
        names.clear();
    }
    names.insert(name.into(), n.as_str().into());
    n
}

/// Analyzes a tagged document for indexing.
pub(crate) fn analyze(
    analyzer: &Analyzer,
    names: &mut FastMap<Box<str>, Box<str>>,
    tagged: &TaggedDocument,
) -> Analyzed {
    let doc = &tagged.document;
    let text = &doc.text;
    let mut out = Analyzed::default();

    let title_text = Analyzer::title_text(doc);
    analyzer.for_each_term(&title_text, |t, _| out.title.push(t));

    // Body, and the quotations that lie in it (their terms are taken from
    // the same pass rather than analyzing the text twice).
    let mut body = Analyzer::body_spans(doc);
    body.sort();
    let mut in_body: Vec<Span> = Vec::new();
    let mut elsewhere: Vec<&str> = Vec::new();
    for q in &tagged.quotes {
        if valid_span(text, q.span) && body.iter().any(|b| b.contains(q.span)) {
            in_body.push(q.span);
        } else if valid_span(text, q.span) {
            elsewhere.push(&text[q.span]);
        } else {
            elsewhere.push(q.text.as_str());
        }
    }
    in_body.sort();
    let mut qi = 0;
    for span in &body {
        analyzer.for_each_term(&text[*span], |t, s| {
            out.body.push(t);
            let s = s.shift(span.start);
            while qi < in_body.len() && in_body[qi].end <= s.start {
                qi += 1;
            }
            if in_body.get(qi).is_some_and(|q| q.contains(s)) {
                out.quote.push(t);
            }
        });
    }
    for qtext in elsewhere {
        analyzer.for_each_term(qtext, |t, _| out.quote.push(t));
    }

    // Speakers.
    for q in &tagged.quotes {
        let mut speaker = None;
        if let Some(name) = q.speaker.as_deref() {
            let norm = normalized_name(analyzer, names, name);
            if !norm.is_empty() {
                out.speakers.push((norm.clone(), name.to_string()));
                speaker = Some(norm);
            }
        }
        if valid_span(text, q.span) {
            let speaker_span = q.speaker_span.filter(|s| valid_span(text, *s));
            out.doc.quotes.push((q.span, speaker, speaker_span));
        }
    }

    // Entities.
    for e in &tagged.entities {
        let Some(fid) = entity_field(e.label) else {
            continue;
        };
        let canonical = if e.canonical.trim().is_empty() {
            e.text.as_str()
        } else {
            e.canonical.as_str()
        };
        let norm = normalized_name(analyzer, names, canonical);
        if norm.is_empty() {
            continue;
        }
        // Canonical names are found in the dictionaries; only other
        // surface forms need an alias entry.
        let surface = normalized_name(analyzer, names, &e.text);
        if !surface.is_empty() && surface != norm {
            out.aliases.push((surface, fid, norm.clone()));
        }
        if valid_span(text, e.span) {
            out.doc.mentions.push((fid, norm.clone(), e.span));
        }
        out.entities.push((fid, norm, canonical.trim().to_string()));
    }
    out.doc.mentions.sort_by_key(|m| m.2);

    out.doc.id = doc.id.clone();
    out.doc.title = doc
        .title
        .clone()
        .or_else(|| (!title_text.is_empty()).then_some(title_text));
    out.doc.url = doc.url.clone();
    out.doc.date = doc.date;
    out.doc.text = text.clone();
    out.doc.body = body;
    out
}
