//! The tagging pipeline: knowledge-base matches, rules for names the
//! knowledge base does not know, dates and amounts, the learned model's
//! proposals, then document-level resolution.
//!
//! Order of precedence, per token: dates and amounts, then the longest
//! knowledge-base match, then rule-detected names, then model spans in the
//! gaps. Resolution then works on the whole document: ambiguous aliases are
//! settled by full names elsewhere in the document and by context cues,
//! surnames and short forms join the cluster of their full name, an acronym
//! in parentheses joins its expansion, a name found once is propagated to
//! its other (mis-cased) mentions, and each cluster gets one label and one
//! canonical name.

use std::ops::Range;

mod acronyms;
mod casing;
mod classify;
mod compounds;
mod cues;
mod dates;
mod definitions;
mod kb;
mod kb_vet;
mod lists;
mod lookup;
mod mend;
mod model;
mod output;
mod pipeline;
mod resolve;
mod rules;
mod shapes;
mod text;
mod titles;

use self::lookup::{CueIndex, LongNames, SpanSet, TextIndex};
use self::pipeline::Point;
pub use self::pipeline::{RuleId, RuleInfo};
pub(crate) use self::pipeline::{find as find_pass, find_inner, inner_rules, rules};
use self::text::*;
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::kb::KbMatch;
use crate::lexicon::{LOC_PREPS, Lexicon};
use crate::temporal::{Found, Scanner, infer_reference};
use crate::tokens::{Tok, refine_sentences, refine_table};
use crate::{Block, Document, Entity, KnowledgeBase, Label, NerModel, Span, TokenKind, Tokenizer};

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Kb,
    Rule,
    Model,
    Propagated,
}

#[derive(Debug, Clone)]
struct Mention {
    toks: Range<usize>,
    label: Label,
    /// Knowledge-base candidates, best first.
    cands: Vec<u32>,
    source: Source,
    /// Cluster id after resolution ([`NO_CLUSTER`] before it,
    /// [`REJECTED_ENTRY`] while resolution drops its entries).
    cluster: usize,
    /// For an acronym in parentheses: the first token of its expansion.
    link: Option<usize>,
    /// While tracing: a number of its own, to follow it from pass to pass.
    id: Option<u32>,
    /// While tracing: the rules that shaped it, in the order they acted.
    rules: Vec<RuleId>,
}

/// `Mention::cluster` of a mention not yet given a cluster.
const NO_CLUSTER: usize = usize::MAX;

/// `Mention::cluster` of a knowledge-base mention whose every entry lacked
/// its cues in the document: it stays an unknown name, or is dropped.
const REJECTED_ENTRY: usize = usize::MAX - 1;

impl Mention {
    fn new(toks: Range<usize>, label: Label, cands: Vec<u32>, source: Source) -> Mention {
        Mention {
            toks,
            label,
            cands,
            source,
            cluster: NO_CLUSTER,
            link: None,
            id: None,
            rules: Vec::new(),
        }
    }
}

/// A mention a pass dropped, kept while tracing.
#[derive(Debug, Clone)]
struct Dropped {
    toks: Range<usize>,
    label: Label,
    /// The rules that had shaped it.
    rules: Vec<RuleId>,
    /// The rule that dropped it: the decision point, else the pass.
    by: RuleId,
}

/// What tracing records beside the mentions.
#[derive(Debug, Default)]
struct Trace {
    next_id: u32,
    dropped: Vec<Dropped>,
    /// Per mention id: the decision point that removed the mention during
    /// the pass running now (see `Doc::dropping`).
    drop_by: HashMap<u32, RuleId>,
    /// Dates and amounts a name took back: span, label, the scanner's rule
    /// that found it and the rule that dropped it.
    dropped_dates: Vec<(Span, Label, RuleId, RuleId)>,
}

/// How to tag: the model, the passes switched off, whether to trace.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Config<'m> {
    /// The learned model, if any.
    pub(crate) model: Option<&'m NerModel>,
    /// Bit `i` set: pass `i` of the pipeline is switched off.
    pub(crate) disabled: u64,
    /// Bit `i` set: rule `i` inside a pass is switched off (the
    /// capitalized-run ladder's rules, then the decision points of
    /// `pipeline::POINTS`).
    pub(crate) inner_off: u128,
    /// Bit `i` set: rule `i` of the date and amount scanner is switched off.
    pub(crate) dates_off: u64,
    /// Whether to record each mention's rules and the dropped mentions.
    pub(crate) trace: bool,
}

/// An entity with the rules that shaped it, in the order they acted.
pub(crate) type Traced = (Entity, Vec<RuleId>);

/// What tagging one document gives.
#[derive(Debug, Default)]
pub(crate) struct Tagged {
    /// Entities in text order, each with its rules (empty unless tracing).
    pub(crate) entities: Vec<Traced>,
    /// While tracing: candidates dropped on the way (span, label, rules, by).
    pub(crate) dropped: Vec<(Span, Label, Vec<RuleId>, RuleId)>,
}

#[derive(Debug, Clone)]
struct Cluster {
    kb: Option<u32>,
    label: Label,
    canonical: String,
    /// The label was settled by the vote (`resolve.vote`).
    voted: bool,
}

/// Tags the sentences of `doc` whose block kind passes `want`.
pub(crate) fn tag_document(
    kb: &KnowledgeBase,
    tokenizer: &Tokenizer,
    config: Config<'_>,
    doc: &Document,
    want: impl Fn(&Block) -> bool,
) -> Tagged {
    let spans = tokenizer.sentence_spans(doc);
    let wanted = |block: usize| doc.blocks.get(block).is_some_and(&want);
    let mut toks: Vec<Tok<'_>> = Vec::new();
    let mut sents: Vec<Range<usize>> = Vec::new();
    let mut sent_spans: Vec<Span> = Vec::new();
    let model = match config.model {
        Some(ner) if spans.iter().any(|&(b, _)| wanted(b)) => {
            drop(spans);
            // The model reads every token of the document: they are cut
            // once into a compact table, which the passes' tokens are then
            // refined from.
            let table = tokenizer.table(doc);
            let model = model_spans(kb, ner, &table, &wanted);
            refine_table(&table, wanted, &mut toks, &mut sents, &mut sent_spans);
            model
        }
        _ => {
            // Without the model, only the wanted sentences are cut, one at
            // a time.
            refine_sentences(
                tokenizer,
                &doc.text,
                &spans,
                wanted,
                &mut toks,
                &mut sents,
                &mut sent_spans,
            );
            Vec::new()
        }
    };
    let reference = doc.date.or_else(|| infer_reference(&doc.text));
    let mut scanner = Scanner::new(reference);
    scanner.off = config.dates_off;
    if reference.is_none() {
        scanner.reference_year = crate::temporal::latest_year(&doc.text);
    }
    let mut temporal: Vec<Found> = Vec::new();
    let lex = Lexicon::get();
    for (sp, r) in sent_spans.iter().zip(&sents) {
        // Only sentences with a number, a symbol or a calendar word can hold
        // a date, time or amount.
        let candidate = toks[r.clone()].iter().any(|t| match t.kind {
            TokenKind::Punct => false,
            TokenKind::Word | TokenKind::Abbreviation => {
                t.norm.contains('-') || lex.temporal_words.contains(t.norm.as_ref())
            }
            _ => true,
        });
        if candidate {
            temporal.extend(scanner.scan(&doc.text[sp.range()], sp.start));
        }
    }
    let mut d = Doc::new(kb, &doc.text, toks, sents, temporal, model);
    d.with_model = config.model.is_some();
    d.disabled = config.disabled;
    d.inner_off = config.inner_off;
    if config.trace {
        d.trace = Some(Trace::default());
    }
    d.run()
}

/// The learned model's spans over the wanted sentences of a document whose
/// tokens are `table`. The model reads the sentences' tokens (its features
/// look at the words around each token within its sentence and count how
/// each word is written anywhere in the article) as [`crate::Token`]s,
/// built from the table a few thousand at a time, so that its memory does
/// not grow with the length of a sentence or of the document beyond the
/// knowledge-base hints (two bytes a token) and the evidence (one entry a
/// distinct word).
fn model_spans(
    kb: &KnowledgeBase,
    ner: &NerModel,
    table: &crate::tokenize::TokenTable<'_>,
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<(Span, Label)> {
    let model_sents: Vec<Range<usize>> = table
        .sentences()
        .iter()
        .filter(|s| wanted(s.block))
        .map(|s| s.tokens.start.min(table.len())..s.tokens.end.min(table.len()))
        .collect();
    let hints = kb.hints_by(table.len(), |i| (table.norm(i), table.text(i)));
    let mut buf: Vec<crate::Token<'_>> = Vec::new();
    let mut evidence = crate::model::Evidence::default();
    for s in &model_sents {
        for part in crate::model::pieces(s.clone()) {
            buf.clear();
            buf.extend(table.range(part.clone()));
            crate::model::add_evidence(&mut evidence, &buf, part.start - s.start);
        }
    }
    let mut labeller = ner.labeller(evidence);
    let mut spans = Vec::new();
    for s in &model_sents {
        for piece in crate::model::pieces(s.clone()) {
            buf.clear();
            buf.extend(table.range(piece.clone()));
            let piece_hints = hints.get(piece.clone()).unwrap_or(&[]);
            labeller.label(&buf, piece_hints, piece.start, &mut spans);
        }
    }
    spans
        .into_iter()
        .filter_map(|m| {
            let last = m.tokens.end.checked_sub(1)?;
            (last < table.len()).then(|| {
                let span = Span::new(table.span(m.tokens.start).start, table.span(last).end);
                (span, m.label)
            })
        })
        .collect()
}

struct Doc<'k, 'a> {
    kb: &'k KnowledgeBase,
    lex: &'static Lexicon,
    text: &'a str,
    toks: Vec<Tok<'a>>,
    sents: Vec<Range<usize>>,
    temporal: Vec<Found>,
    model: Vec<(Span, Label)>,
    /// Per token: covered by a mention (or, after the knowledge-base pass, a temporal expression).
    taken: Vec<bool>,
    /// Per token: covered by a temporal expression.
    temporal_tok: Vec<bool>,
    /// Per sentence: written in title case (headlines), so capitals say little.
    title_case: Vec<bool>,
    mentions: Vec<Mention>,
    /// Norms seen capitalized somewhere other than a sentence start.
    capitalized: HashSet<String>,
    /// Context cues found in the document so far.
    cues: CueIndex,
    /// Where each token text is written.
    texts: TextIndex,
    /// Whether the learned model fills gaps (some guesses are left to it).
    with_model: bool,
    /// Per token: a knowledge-base GPE mention starts here (set before the rules run).
    kb_gpe_start: Vec<bool>,
    /// First tokens of names a defining sentence typed ("X is a band").
    defined: Vec<usize>,
    /// The clusters, once resolved.
    clusters: Vec<Cluster>,
    /// Bit `i` set: pass `i` is switched off.
    disabled: u64,
    /// Bit `i` set: rule `i` inside a pass is switched off (the
    /// capitalized-run ladder's rules, then the decision points).
    inner_off: u128,
    /// The trace, when asked for.
    trace: Option<Trace>,
}

impl<'k, 'a> Doc<'k, 'a> {
    fn new(
        kb: &'k KnowledgeBase,
        text: &'a str,
        toks: Vec<Tok<'a>>,
        sents: Vec<Range<usize>>,
        temporal: Vec<Found>,
        model: Vec<(Span, Label)>,
    ) -> Self {
        let n = toks.len();
        Doc {
            kb,
            lex: Lexicon::get(),
            text,
            toks,
            sents,
            temporal,
            model,
            taken: vec![false; n],
            temporal_tok: vec![false; n],
            title_case: Vec::new(),
            mentions: Vec::new(),
            capitalized: Default::default(),
            cues: CueIndex::default(),
            texts: TextIndex::default(),
            with_model: false,
            kb_gpe_start: Vec::new(),
            defined: Vec::new(),
            clusters: Vec::new(),
            disabled: 0,
            inner_off: 0,
            trace: None,
        }
    }

    /// Runs the pipeline ([`pipeline::PASSES`]) and builds the entities.
    fn run(mut self) -> Tagged {
        self.run_passes();
        self.output()
    }

    /// Pass `casing`: which sentences are headline-style, and which words
    /// are seen capitalized inside a sentence.
    fn casing(&mut self) {
        self.collect_capitalized();
        self.title_case = self
            .sents
            .iter()
            .map(|r| self.is_title_case(r.clone()))
            .collect();
    }

    /// Pass `kb`: knowledge-base matches, sentence by sentence.
    fn kb_sentences(&mut self) {
        for s in 0..self.sents.len() {
            let r = self.sents[s].clone();
            let headline = self.title_case[s];
            self.kb_pass(r.clone(), headline);
        }
    }

    /// Pass `kb-places`: marks the first token of each knowledge-base place.
    fn mark_kb_places(&mut self) {
        self.kb_gpe_start = vec![false; self.toks.len()];
        for m in &self.mentions {
            if m.source == Source::Kb && m.label == Label::Gpe {
                self.kb_gpe_start[m.toks.start] = true;
            }
        }
    }

    /// Pass `cap-runs`: capitalized runs in every sentence that is not
    /// headline-style.
    fn rule_sentences(&mut self) {
        for s in 0..self.sents.len() {
            let r = self.sents[s].clone();
            if !self.title_case[s] {
                self.rule_pass(r);
            }
        }
    }

    /// Pass `resolve`: document-level resolution into clusters.
    fn resolve_clusters(&mut self) {
        self.clusters = self.resolve();
    }

    fn free(&self, r: Range<usize>) -> bool {
        r.clone().all(|i| !self.taken[i])
    }

    fn take(&mut self, r: Range<usize>) {
        for i in r {
            self.taken[i] = true;
        }
    }

    /// The sentence holding token `k`.
    fn sentence_of(&self, k: usize) -> Option<usize> {
        let i = self.sents.partition_point(|r| r.end <= k);
        self.sents.get(i).filter(|r| r.contains(&k)).map(|_| i)
    }

    /// Whether tokens `a` and `b` are in the same sentence.
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence_of(a)
            .is_some_and(|s| self.sentence_of(b) == Some(s))
    }

    /// Makes mention `mi` start earlier, at `start`: the words before it join
    /// it, and the longer phrase is a name of its own, found by rule, no longer
    /// the knowledge-base entry of the shorter one.
    fn grow_left(&mut self, mi: usize, start: usize) {
        let m = &mut self.mentions[mi];
        for k in start..m.toks.start {
            self.taken[k] = true;
        }
        m.toks.start = start;
        m.cands.clear();
        m.source = Source::Rule;
    }

    fn push(&mut self, toks: Range<usize>, label: Label, cands: Vec<u32>, source: Source) {
        self.take(toks.clone());
        self.mentions.push(Mention::new(toks, label, cands, source));
    }

    /// While tracing, names `rule` as the maker of the mention pushed last.
    fn note_last(&mut self, rule: RuleId) {
        if self.trace.is_some()
            && let Some(m) = self.mentions.last_mut()
        {
            m.rules.push(rule);
        }
    }

    fn is_cap_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.is_word() && (t.cap || t.upper) && !self.taken[k]
    }

    /// Makes the tokens `r` one mention with `label` found by a rule: the
    /// mentions that overlap it give way.
    fn claim(&mut self, r: Range<usize>, label: Label) {
        self.mentions
            .retain(|m| m.toks.end <= r.start || m.toks.start >= r.end);
        self.push(r, label, Vec::new(), Source::Rule);
    }

    /// [`Doc::claim`] by the decision point `p`: the new mention's history
    /// names `p`, and so do the mentions that give way, as dropped by it.
    fn claim_by(&mut self, r: Range<usize>, label: Label, p: Point) {
        if self.trace.is_some() {
            let gone: Vec<usize> = (0..self.mentions.len())
                .filter(|&i| {
                    let m = &self.mentions[i].toks;
                    m.end > r.start && m.start < r.end
                })
                .collect();
            for i in gone {
                self.dropping(i, p);
            }
        }
        self.claim(r, label);
        self.note_last(p.id());
    }
}
