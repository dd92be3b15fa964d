//! Training the entity model: a structured averaged perceptron.
//!
//! Gold sentences are rebuilt as text (tokens joined by single spaces, one
//! sentence a line) and tokenized by the tokenize layer, so the model is
//! trained on exactly the tokens it sees when tagging; gold entities are
//! projected onto those tokens by byte overlap. Training visits documents in
//! an order shuffled with a fixed-seed xorshift generator, decodes each
//! sentence with the tagger's Viterbi decoder (exact, without its beam), and on a mistake adds
//! the gold path's features to the gold labels and subtracts the predicted
//! path's from the predicted ones. The final weights are the average over all steps
//! (computed with the usual "sum of step-weighted updates" trick) and are
//! quantized to `i16`. Everything is sequential, so the same data and
//! settings always give the same bytes.

use std::ops::Range;

use super::decode::{Lattice, Scorer, allowed, scorable};
use super::features::{
    NL, TYPES, TokInfo, begin, build_lexicon, complete, doc_evidence, inside, label_features,
    sentence_infos, static_features,
};
use super::{KbHint, NerModel, WordClusters};
use crate::eval::GoldSentence;
use crate::{Token, Tokenizer};

/// Size of the case lexicon (`2^LEXICON_BITS` one-byte slots).
const LEXICON_BITS: u32 = 18;

/// Training settings.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 5,
            seed: 0x5eed,
            bits: 18,
        }
    }
}

impl TrainConfig {
    /// Sets the number of epochs.
    pub fn epochs(mut self, n: usize) -> TrainConfig {
        self.epochs = n;
        self
    }
    /// Sets the shuffle seed.
    pub fn seed(mut self, seed: u64) -> TrainConfig {
        self.seed = seed;
        self
    }
    /// Sets the table size (`2^bits` rows, clamped to 8..=26).
    pub fn bits(mut self, bits: u32) -> TrainConfig {
        self.bits = bits.clamp(8, 26);
        self
    }
}

/// One training document: gold sentences that share document-level
/// evidence (a tweet is a document of one sentence).
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    /// The sentences, in order.
    pub sentences: Vec<GoldSentence>,
}

impl TrainDoc {
    /// Reads the documents of a CoNLL-style training file (see
    /// [`read_conll`](crate::eval::read_conll)). When `marked`, sentences are
    /// grouped by the file's document markers; otherwise every sentence is a
    /// document of its own (tweets).
    ///
    /// # Errors
    /// A malformed line.
    pub fn read(text: &str, marked: bool) -> Result<Vec<TrainDoc>, crate::eval::EvalError> {
        let mut docs: Vec<TrainDoc> = Vec::new();
        for s in crate::eval::read_conll(text)? {
            let same = marked
                && docs
                    .last()
                    .and_then(|d| d.sentences.last())
                    .is_some_and(|l| l.doc == s.doc);
            if !same {
                docs.push(TrainDoc::default());
            }
            if let Some(d) = docs.last_mut() {
                d.sentences.push(s);
            }
        }
        Ok(docs)
    }
}

/// The training files of the bundled model, relative to the training-data
/// directory, each with whether it marks documents.
pub const TRAIN_FILES: &[(&str, bool)] = &[
    ("gum/gum_ccby.iob2", true),
    ("gum/gum_ccbysa.iob2", true),
    ("btc/train.iob2", false),
    ("btc/dev.iob2", false),
    ("btc/test.iob2", false),
    ("wnut17/train.iob2", false),
    ("wnut17/dev.iob2", false),
    ("wnut17/test.iob2", false),
    ("uner_ewt/train.iob2", true),
    ("redocred/redocred.iob2", true),
];

/// The training files whose text the bundled word clusters were learned
/// from (with the unlabelled news): the first files of [`TRAIN_FILES`], those
/// the model was trained on when the clusters were made.
pub const CLUSTER_TEXT_FILES: &[(&str, bool)] = TRAIN_FILES.split_at(8).0;

/// A document turned into features and gold label indices.
struct Prepared {
    /// Label-independent features of every token, flattened.
    feats: Vec<u64>,
    /// Start of each token's features in `feats` (one extra at the end).
    starts: Vec<usize>,
    infos: Vec<TokInfo>,
    sentences: Vec<Range<usize>>,
    gold: Vec<u8>,
}

/// The training text of a document: tokens joined by spaces, a sentence a line.
pub(super) fn doc_text(doc: &TrainDoc) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in &doc.sentences {
        let (t, _) = s.text();
        let base = text.len();
        text.push_str(&t);
        spans.push(base..text.len());
        text.push('\n');
    }
    (text, spans)
}

/// Tokens and sentence token ranges of text split into sentence spans.
pub(super) fn tokenize<'a>(
    text: &'a str,
    sent_spans: &[Range<usize>],
) -> (Vec<Token<'a>>, Vec<Range<usize>>) {
    let tokenizer = Tokenizer::new();
    let mut tokens: Vec<Token<'a>> = Vec::new();
    let mut sentences = Vec::new();
    for s in sent_spans {
        let first = tokens.len();
        for mut t in tokenizer.tokens(&text[s.clone()]) {
            t.span = t.span.shift(s.start);
            tokens.push(t);
        }
        sentences.push(first..tokens.len());
    }
    (tokens, sentences)
}

fn prepare(
    doc: &TrainDoc,
    hints: &dyn Fn(&[Token<'_>]) -> Vec<Option<KbHint>>,
    lexicon: &[u8],
) -> Prepared {
    let mut text = String::new();
    let mut gold_spans: Vec<(Range<usize>, usize)> = Vec::new();
    let mut sent_spans: Vec<Range<usize>> = Vec::new();
    for s in &doc.sentences {
        let (t, offsets) = s.text();
        let base = text.len();
        for (r, label) in &s.entities {
            let Some(ty) = TYPES.iter().position(|x| x == label) else {
                continue;
            };
            if let (Some(a), Some(b)) = (
                offsets.get(r.start),
                r.end.checked_sub(1).and_then(|e| offsets.get(e)),
            ) {
                gold_spans.push((base + a.start..base + b.end, ty));
            }
        }
        text.push_str(&t);
        sent_spans.push(base..text.len());
        text.push('\n');
    }
    let (tokens, sentences) = tokenize(&text, &sent_spans);
    let mut gold = vec![0u8; tokens.len()];
    for (span, ty) in &gold_spans {
        let mut first = true;
        for (k, t) in tokens.iter().enumerate() {
            if t.span.start < span.end && span.start < t.span.end {
                if gold[k] == 0 {
                    gold[k] = if first { begin(*ty) } else { inside(*ty) } as u8;
                }
                first = false;
            }
        }
    }
    trim_leading(&tokens, &mut gold);
    let kb = hints(&tokens);
    let clusters = WordClusters::bundled();
    let evidence = doc_evidence(&tokens, &sentences);
    let mut infos = Vec::with_capacity(tokens.len());
    let mut feats = Vec::with_capacity(tokens.len() * 48);
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    let mut part = Vec::new();
    let mut reach = Vec::new();
    for s in &sentences {
        let toks = &tokens[s.clone()];
        sentence_infos(toks, &kb[s.clone()], &evidence, clusters, &mut part);
        for i in 0..toks.len() {
            complete(&mut part, toks, lexicon, clusters, i);
        }
        for i in 0..toks.len() {
            starts.push(feats.len());
            static_features(&part, i, &mut feats);
        }
        reachable(&part, &mut gold[s.clone()], &mut reach);
        infos.extend_from_slice(&part);
    }
    starts.push(feats.len());
    Prepared {
        feats,
        starts,
        infos,
        sentences,
        gold,
    }
}

/// Harmonizes gold spans with the evaluation sets' convention (CoNLL):
/// a leading lowercase "the" (an article, unlike the "The" of "The
/// Hague"), and a person's leading title ("President", "Dr"), are not part
/// of the name. The next token then begins the span.
pub(super) fn trim_leading(tokens: &[Token<'_>], gold: &mut [u8]) {
    for k in 0..gold.len().saturating_sub(1) {
        let g = usize::from(gold[k]);
        let Some(ty) = super::features::type_of(g) else {
            continue;
        };
        if g != begin(ty) || usize::from(gold[k + 1]) != inside(ty) {
            continue;
        }
        if tokens[k].text == "the" || (ty == 0 && super::features::is_title(&tokens[k].norm)) {
            gold[k] = 0;
            gold[k + 1] = begin(ty) as u8;
        }
    }
}

/// Makes a sentence's gold labels a path the Viterbi decoder can take: a
/// token it never scores, or a token that cannot start an entity after an
/// `O`, is `O`, and so is an `I-` label after one of another type.
fn reachable(infos: &[TokInfo], gold: &mut [u8], buf: &mut Vec<bool>) {
    scorable(infos, buf);
    let mut prev = 0usize;
    for (i, g) in gold.iter_mut().enumerate() {
        let l = usize::from(*g);
        if !buf[i] || (prev == 0 && infos[i].skippable()) || !allowed(prev, l) {
            *g = 0;
        }
        prev = usize::from(*g);
    }
}

/// The weights being trained as a [`Scorer`] over a prepared sentence.
struct Training<'w> {
    w: &'w [f32],
    shift: u32,
    feats: &'w [u64],
    starts: &'w [usize],
    /// Index of the sentence's first token in the document.
    base: usize,
}

impl Scorer for Training<'_> {
    fn statics(&mut self, _infos: &mut [TokInfo], i: usize, out: &mut Vec<u64>) {
        let k = self.base + i;
        out.extend_from_slice(&self.feats[self.starts[k]..self.starts[k + 1]]);
    }
    fn score(&self, feats: &[u64], scores: &mut [f32; NL]) {
        for &f in feats {
            let row = (f >> self.shift) as usize * NL;
            for (s, x) in scores.iter_mut().zip(&self.w[row..row + NL]) {
                *s += x;
            }
        }
    }
}

/// The features of token `i` of a sentence under a label path (none when
/// the decoder does not score it there), into `out`.
fn path_features(
    p: &Prepared,
    base: usize,
    infos: &[TokInfo],
    path: &[usize],
    sc: &[bool],
    i: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let y1 = if i > 0 { path[i - 1] } else { 0 };
    let y2 = if i > 1 { path[i - 2] } else { 0 };
    if !sc[i] || (y1 == 0 && infos[i].skippable()) {
        return;
    }
    let k = base + i;
    out.extend_from_slice(&p.feats[p.starts[k]..p.starts[k + 1]]);
    label_features(infos, i, y1, y2, out);
}

/// Every eighth training sentence that names something, written in
/// capitals, each a document of its own: headlines, datelines and results
/// lines are set in capitals, which the training text seldom is, so the
/// model learns names there from the other features (the normalized word,
/// its clusters and corpus case, the knowledge base).
fn in_capitals(docs: &[TrainDoc]) -> Vec<TrainDoc> {
    let mut out = Vec::new();
    let mut k = 0u64;
    for d in docs {
        for s in &d.sentences {
            if s.entities.is_empty() {
                continue;
            }
            k += 1;
            if !k.is_multiple_of(8) {
                continue;
            }
            let mut s = s.clone();
            for t in &mut s.tokens {
                *t = t.to_uppercase();
            }
            out.push(TrainDoc { sentences: vec![s] });
        }
    }
    out
}

/// A small deterministic generator (xorshift64*).
pub(super) struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a model on gold documents. `hints` gives the knowledge-base hints
/// of a document's tokens (use `|t| vec![None; t.len()]` for none); it must
/// be the same function the tagger uses when predicting. `unlabeled` is
/// running text (articles) that, with the training text, feeds the case
/// lexicon. `meta` is recorded in the file (settings, data).
pub fn train(
    docs: &[TrainDoc],
    unlabeled: &[&str],
    config: &TrainConfig,
    hints: &dyn Fn(&[Token<'_>]) -> Vec<Option<KbHint>>,
    meta: &str,
) -> NerModel {
    let bits = config.bits.clamp(8, 26);
    let shift = 64 - bits;
    let texts: Vec<(String, Vec<Range<usize>>)> = docs.iter().map(doc_text).collect();
    let tokenizer = Tokenizer::new();
    let split: Vec<Vec<Range<usize>>> = unlabeled
        .iter()
        .map(|t| tokenizer.sentences(t).iter().map(|s| s.range()).collect())
        .collect();
    let lexicon = build_lexicon(
        texts
            .iter()
            .map(|(t, s)| tokenize(t, s))
            .chain(unlabeled.iter().zip(&split).map(|(t, s)| tokenize(t, s))),
        LEXICON_BITS,
    );
    let capitals = in_capitals(docs);
    let prepared: Vec<Prepared> = docs
        .iter()
        .chain(&capitals)
        .map(|d| prepare(d, hints, &lexicon))
        .collect();
    let size = (1usize << bits) * NL;
    let mut w = vec![0f32; size];
    let mut u = vec![0f64; size];
    let mut c: f64 = 1.0;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng::new(config.seed);
    let mut lattice = Lattice::default();
    let (mut labels, mut sc, mut gf, mut pf) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut gold: Vec<usize> = Vec::new();
    let mut infos: Vec<TokInfo> = Vec::new();
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let p = &prepared[d];
            infos.clone_from(&p.infos);
            for s in &p.sentences {
                let sinfos = &mut infos[s.clone()];
                let mut t = Training {
                    w: &w,
                    shift,
                    feats: &p.feats,
                    starts: &p.starts,
                    base: s.start,
                };
                lattice.viterbi(sinfos, &mut t, &mut labels, None);
                gold.clear();
                gold.extend(p.gold[s.clone()].iter().map(|&g| usize::from(g)));
                if labels != gold {
                    // The update: the features of the gold path minus those
                    // of the predicted one, at every token whose label or
                    // previous two labels differ.
                    let sinfos = &*sinfos;
                    scorable(sinfos, &mut sc);
                    for i in 0..gold.len() {
                        if (i.saturating_sub(2)..=i).all(|k| labels[k] == gold[k]) {
                            continue;
                        }
                        path_features(p, s.start, sinfos, &gold, &sc, i, &mut gf);
                        path_features(p, s.start, sinfos, &labels, &sc, i, &mut pf);
                        for &f in &gf {
                            let row = (f >> shift) as usize * NL + gold[i];
                            w[row] += 1.0;
                            u[row] += c;
                        }
                        for &f in &pf {
                            let row = (f >> shift) as usize * NL + labels[i];
                            w[row] -= 1.0;
                            u[row] -= c;
                        }
                    }
                }
                c += 1.0;
            }
        }
    }
    // Average, then quantize.
    let avg: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
        .collect();
    let max = avg.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let q: Vec<i16> = avg
        .iter()
        .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    NerModel::from_weights(bits, scale, meta.to_string(), &q, &lexicon)
}
