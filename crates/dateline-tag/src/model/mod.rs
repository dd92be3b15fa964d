//! The learned sequence model that proposes entity spans the knowledge base
//! does not know.
//!
//! # Design
//!
//! A structured averaged perceptron over the tokenize layer's tokens, with
//! `B-`/`I-`/`O` tags for PER, ORG, LOC and MISC, decoded with Viterbi over
//! each sentence's label lattice (see `decode.rs`). An averaged perceptron
//! was chosen over a CRF because it trains in seconds and is exactly
//! reproducible (no floating-point optimizer state, a fixed-seed shuffle).
//! The previous two labels are features, and an `I-X` tag is only allowed
//! after `B-X`/`I-X`. Features are extracted one sentence at a time, so the
//! model's memory does not grow with the document.
//!
//! Features (see `features/`): normalized and raw word, long and short
//! shape, prefixes and suffixes, neighbouring words, shapes and suffixes,
//! sentence position, capitalized-run position, the name-like chunk around
//! the token (capitalized words joined by "of", "the", ...), document-level
//! capitalization evidence, knowledge-base hints (label and begin/inside of
//! the token and its neighbours), title, organisation-head and place-head
//! cues, and the previous labels. Features are hashed into a table of
//! `2^bits` rows of nine weights (the hashing trick), quantized to `i16`.
//!
//! # File format (version 2, little-endian)
//!
//! ```text
//! magic "DLNERMD\0" | version u32 | bits u32 | labels u32 (= 9) | scale f32
//! | checksum u64 (of the bytes after the metadata) | lexicon bits u32
//! | meta length u32 | clusters checksum u64 | meta (UTF-8)
//! | weights: 2^bits * 9 i16 | case lexicon: 2^lexicon_bits u8
//! ```
//!
//! The clusters checksum names the word-clusters file ([`WordClusters`],
//! `data/clusters.bin`) the model was trained with: its features read the
//! bundled clusters, so a model trained with other clusters is refused.
//!
//! The case lexicon records, per hashed word, whether the word is usually
//! written lowercase or capitalized in running text (built from the
//! training text and the bundled Wikinews articles); it tells a
//! sentence-initial name ("Seagal said") from a capitalized common word
//! ("Officials said").
//!
//! The bundled model is compiled into the crate with `include_bytes!` and
//! read in place (no copy); it is checked (size, version, checksum) on
//! first use. A damaged file is an error, never a panic.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::{Label, Token};

mod clusters;
mod decode;
mod extract;
mod features;
#[cfg(feature = "train")]
mod learn_clusters;
#[cfg(feature = "train")]
mod train;

pub use clusters::WordClusters;
#[cfg(feature = "train")]
pub use learn_clusters::ClusterConfig;
#[cfg(feature = "train")]
pub use train::{CLUSTER_TEXT_FILES, TRAIN_FILES, TrainConfig, TrainDoc, train};

use decode::{Lattice, Scorer};
use features::{
    NL, complete, doc_evidence, inside, sentence_infos, static_features, type_label, type_of,
};

/// A knowledge-base hint for one token, used as a model feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbHint {
    /// Label of the knowledge-base entry matched over this token.
    pub label: Label,
    /// True on the first token of the match.
    pub begin: bool,
}

/// An entity span proposed by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpan {
    /// The span as a range of token indices (into the slice given to [`NerModel::predict`]).
    pub tokens: Range<usize>,
    /// Coarse label: [`Label::Person`], [`Label::Org`], [`Label::Loc`] or [`Label::Misc`].
    pub label: Label,
    /// Model confidence in 0..=1 (mean probability of the span's tags).
    pub score: f32,
}

/// Errors reading a model or word-clusters file: the crate's [`Error`](crate::Error)
/// (variants `Format`, `Checksum` and `Clusters`), under the name it had
/// before the crate had one error type.
pub type ModelError = crate::Error;

const MAGIC: &[u8; 8] = b"DLNERMD\0";
const VERSION: u32 = 2;
const HEADER: usize = 8 + 4 + 4 + 4 + 4 + 8 + 4 + 4 + 8;

/// The bundled weights (see `data/MODEL.md`).
static BUNDLED: &[u8] = include_bytes!("../../data/model.bin");

/// The trained entity model.
#[derive(Debug, Clone)]
pub struct NerModel {
    bits: u32,
    scale: f32,
    meta: String,
    /// The whole file; weights start at `offset`, the lexicon at `lex`.
    bytes: Cow<'static, [u8]>,
    offset: usize,
    lex: usize,
}

impl Default for NerModel {
    /// An empty model (all weights zero): proposes nothing.
    fn default() -> Self {
        NerModel::from_weights(8, 1.0, String::new(), &vec![0i16; (1 << 8) * NL], &[0u8; 2])
    }
}

/// Checksum of the bytes of a model or clusters file (64-bit words through
/// the feature mixing function).
fn checksum(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    for c in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        h = features::mix(h, u64::from_le_bytes(w));
    }
    h
}

/// The little-endian `u32` at byte `at` (0 past the end).
fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    if let Some(s) = b.get(at..at + 4) {
        w.copy_from_slice(s);
    }
    u32::from_le_bytes(w)
}

/// The little-endian `u64` at byte `at` (0 past the end).
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32_at(b, at)) | u64::from(u32_at(b, at + 4)) << 32
}

impl NerModel {
    /// The model bundled with the crate, loaded once on first use. If the
    /// bundled file were damaged, this is an empty model that proposes
    /// nothing ([`NerModel::bundled_checked`] reports the error).
    pub fn bundled() -> &'static NerModel {
        static MODEL: OnceLock<NerModel> = OnceLock::new();
        MODEL.get_or_init(|| NerModel::bundled_checked().unwrap_or_default())
    }

    /// Reads the bundled model, reporting a damaged file.
    ///
    /// # Errors
    /// [`ModelError`] when the bundled bytes are not a valid model.
    pub fn bundled_checked() -> Result<NerModel, ModelError> {
        NerModel::from_static(BUNDLED)
    }

    /// Reads a model from bytes (a copy is kept).
    ///
    /// # Errors
    /// [`ModelError`] on a wrong magic number, version, size or checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        NerModel::from_cow(Cow::Owned(bytes.to_vec()))
    }

    /// Reads a model from static bytes without copying them.
    ///
    /// # Errors
    /// As [`NerModel::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<NerModel, ModelError> {
        NerModel::from_cow(Cow::Borrowed(bytes))
    }

    fn from_cow(bytes: Cow<'static, [u8]>) -> Result<NerModel, ModelError> {
        let b: &[u8] = &bytes;
        if b.len() < HEADER || &b[..8] != MAGIC {
            return Err(ModelError::Format("bad magic number".into()));
        }
        let version = u32_at(b, 8);
        if version != VERSION {
            return Err(ModelError::Format(format!("unsupported version {version}")));
        }
        let bits = u32_at(b, 12);
        let labels = u32_at(b, 16);
        if !(8..=26).contains(&bits) || labels as usize != NL {
            return Err(ModelError::Format(format!(
                "bad table size (bits {bits}, labels {labels})"
            )));
        }
        let scale = f32::from_bits(u32_at(b, 20));
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Format("bad weight scale".into()));
        }
        let sum = u64_at(b, 24);
        let lex_bits = u32_at(b, 32);
        if !(1..=24).contains(&lex_bits) {
            return Err(ModelError::Format(format!(
                "bad lexicon size (bits {lex_bits})"
            )));
        }
        let meta_len = u32_at(b, 36) as usize;
        let offset = HEADER.saturating_add(meta_len);
        let lex = offset + (1usize << bits) * NL * 2;
        let expected = lex + (1usize << lex_bits);
        if b.len() != expected {
            return Err(ModelError::Format(format!(
                "expected {expected} bytes, found {}",
                b.len()
            )));
        }
        let meta = String::from_utf8(b[HEADER..offset].to_vec())
            .map_err(|_| ModelError::Format("metadata is not UTF-8".into()))?;
        if checksum(&b[offset..]) != sum {
            return Err(ModelError::Checksum);
        }
        let clusters = u64_at(b, 40);
        if clusters != WordClusters::bundled().checksum() {
            return Err(ModelError::Clusters);
        }
        Ok(NerModel {
            bits,
            scale,
            meta,
            bytes,
            offset,
            lex,
        })
    }

    /// Builds a model from quantized weights (`2^bits * 9` values) and a
    /// case lexicon (power-of-two length, at least 2).
    pub(crate) fn from_weights(
        bits: u32,
        scale: f32,
        meta: String,
        weights: &[i16],
        lexicon: &[u8],
    ) -> NerModel {
        let mut b = Vec::with_capacity(HEADER + meta.len() + weights.len() * 2);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&bits.to_le_bytes());
        b.extend_from_slice(&(NL as u32).to_le_bytes());
        b.extend_from_slice(&scale.to_bits().to_le_bytes());
        b.extend_from_slice(&[0u8; 8]);
        b.extend_from_slice(&lexicon.len().trailing_zeros().to_le_bytes());
        b.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        b.extend_from_slice(&WordClusters::bundled().checksum().to_le_bytes());
        b.extend_from_slice(meta.as_bytes());
        let offset = b.len();
        for w in weights {
            b.extend_from_slice(&w.to_le_bytes());
        }
        let lex = b.len();
        b.extend_from_slice(lexicon);
        let sum = checksum(&b[offset..]);
        b[24..32].copy_from_slice(&sum.to_le_bytes());
        NerModel {
            bits,
            scale,
            meta,
            bytes: Cow::Owned(b),
            offset,
            lex,
        }
    }

    /// The model as file bytes (the format in the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// The training settings and data recorded in the file.
    pub fn meta(&self) -> &str {
        &self.meta
    }

    /// Checksum of the weights, as stored in the file.
    pub fn checksum(&self) -> u64 {
        u64_at(&self.bytes, 24)
    }

    /// Adds the weights of the features to `scores`.
    fn score(&self, feats: &[u64], scores: &mut [i32; NL]) {
        let shift = 64 - self.bits;
        let w = &self.bytes[self.offset..self.lex];
        for &f in feats {
            let row = (f >> shift) as usize * NL * 2;
            if let Some(r) = w.get(row..row + NL * 2) {
                for (s, c) in scores.iter_mut().zip(r.chunks_exact(2)) {
                    *s += i32::from(i16::from_le_bytes([c[0], c[1]]));
                }
            }
        }
    }

    /// Proposes entity spans over a document's tokens. `sentences` are token
    /// ranges of the sentences (tokens outside every sentence are not
    /// labelled; an empty list means one sentence over all tokens); `kb` has
    /// one optional hint per token (missing entries count as no hint).
    pub fn predict(
        &self,
        tokens: &[Token<'_>],
        sentences: &[Range<usize>],
        kb: &[Option<KbHint>],
    ) -> Vec<ModelSpan> {
        let all = std::slice::from_ref(&(0..tokens.len())).to_vec();
        let sentences = if sentences.is_empty() {
            &all[..]
        } else {
            sentences
        };
        let mut labeller = self.labeller(doc_evidence(tokens, sentences));
        let mut out = Vec::new();
        for s in sentences {
            let s = s.start.min(tokens.len())..s.end.min(tokens.len());
            for piece in pieces(s) {
                let hints = kb
                    .get(piece.start.min(kb.len())..piece.end.min(kb.len()))
                    .unwrap_or(&[]);
                labeller.label(&tokens[piece.clone()], hints, piece.start, &mut out);
            }
        }
        out
    }

    /// A labeller of sentence pieces given the document's case evidence
    /// (see [`Evidence`]): what [`NerModel::predict`] does, for a caller
    /// that holds its tokens compactly and builds each piece's [`Token`]s
    /// only while it is labelled.
    pub(crate) fn labeller(&self, evidence: Evidence) -> Labeller<'_> {
        Labeller {
            model: self,
            evidence,
            buf: Buffers::default(),
        }
    }
}

/// Document-level case evidence (how each word is written across the
/// sentences the model reads), gathered before any sentence is labelled.
pub(crate) type Evidence = features::IdMap<(u32, u32)>;

/// Adds the tokens `toks` of one sentence to the evidence, the first being
/// the sentence's token `first` (a long sentence may come in parts).
pub(crate) fn add_evidence(evidence: &mut Evidence, toks: &[Token<'_>], first: usize) {
    features::add_sentence_evidence(evidence, toks, first);
}

/// The pieces a sentence's token range is labelled in: a sentence of
/// thousands of tokens is not prose (a table, a run of symbols), and is
/// labelled [`MAX_PIECE`] tokens at a time, so memory stays small.
pub(crate) fn pieces(s: Range<usize>) -> impl Iterator<Item = Range<usize>> {
    s.clone()
        .step_by(MAX_PIECE)
        .map(move |start| start..(start + MAX_PIECE).min(s.end))
}

/// Labels one sentence piece at a time (see [`NerModel::labeller`]).
pub(crate) struct Labeller<'m> {
    model: &'m NerModel,
    evidence: Evidence,
    buf: Buffers,
}

impl Labeller<'_> {
    /// Appends to `out` the spans of one piece of a sentence: its tokens
    /// and knowledge-base hints, the piece's first token being the
    /// document's token `offset` (the spans' token ranges are the
    /// document's).
    pub(crate) fn label(
        &mut self,
        toks: &[Token<'_>],
        hints: &[Option<KbHint>],
        offset: usize,
        out: &mut Vec<ModelSpan>,
    ) {
        let model = self.model;
        let lexicon = &model.bytes[model.lex..];
        let clusters = WordClusters::bundled();
        let buf = &mut self.buf;
        sentence_infos(toks, hints, &self.evidence, clusters, &mut buf.infos);
        let mut scorer = Bundled {
            model,
            tokens: toks,
            lexicon,
            clusters,
        };
        buf.lattice.viterbi(
            &mut buf.infos,
            &mut scorer,
            &mut buf.labels,
            Some((&mut buf.probs, model.scale)),
        );
        out.extend(spans(&buf.labels, &buf.probs).into_iter().map(|mut m| {
            m.tokens = m.tokens.start + offset..m.tokens.end + offset;
            m
        }));
    }
}

/// Longest run of tokens labelled as one sentence.
const MAX_PIECE: usize = 1024;

/// Per-sentence buffers, reused across the sentences of a document.
#[derive(Default)]
struct Buffers {
    infos: Vec<features::TokInfo>,
    labels: Vec<usize>,
    probs: Vec<f32>,
    lattice: Lattice,
}

/// The bundled weights as a [`Scorer`] over one sentence's tokens.
struct Bundled<'m, 't> {
    model: &'m NerModel,
    tokens: &'m [Token<'t>],
    lexicon: &'m [u8],
    clusters: &'m WordClusters,
}

impl Scorer for Bundled<'_, '_> {
    fn statics(&mut self, infos: &mut [features::TokInfo], i: usize, out: &mut Vec<u64>) {
        complete(infos, self.tokens, self.lexicon, self.clusters, i);
        static_features(infos, i, out);
    }
    fn score(&self, feats: &[u64], scores: &mut [f32; NL]) {
        let mut s = [0i32; NL];
        self.model.score(feats, &mut s);
        for (o, x) in scores.iter_mut().zip(s) {
            *o += x as f32;
        }
    }
    fn margin(&self) -> f32 {
        BEAM / self.model.scale
    }
}

/// How far (in averaged perceptron weight units) below the best path a
/// path may fall and still be extended when tagging. Paths that far behind
/// almost never win; pruning them skips most of the scoring after a name
/// (on the development sets every F1 stays within 0.003 of the exact
/// search).
const BEAM: f32 = 100.0;

/// Spans of `B-X I-X*` runs.
fn spans(labels: &[usize], probs: &[f32]) -> Vec<ModelSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(t) = type_of(labels[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        i += 1;
        while i < labels.len() && labels[i] == inside(t) {
            i += 1;
        }
        let score = probs[start..i].iter().sum::<f32>() / (i - start) as f32;
        out.push(ModelSpan {
            tokens: start..i,
            label: type_label(t),
            score,
        });
    }
    out
}

/// How a word is written in the bundled unlabelled news: the corpus case
/// bucket of `clusters.bin`, by the share of the word's occurrences away
/// from sentence starts (outside headlines) that are capitalized. Rules
/// read it through [`case_bucket`] and the predicates below, never by
/// number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CaseBucket {
    /// Seen too rarely to say, or not at all.
    Unknown = 0,
    /// Capitalized under 2% of the time: a common word.
    AlwaysLower = 2,
    /// Capitalized 2-20% of the time.
    MostlyLower = 3,
    /// Capitalized 20-50% of the time.
    OftenLower = 4,
    /// Capitalized 50-80% of the time.
    OftenCapitalized = 5,
    /// Capitalized 80-98% of the time.
    MostlyCapitalized = 6,
    /// Capitalized 98% of the time or more: a name.
    AlwaysCapitalized = 7,
}

impl CaseBucket {
    /// The bucket of a stored class (`clusters.bin`'s 1, "rare", reads as unknown).
    pub(crate) const fn from_stored(case: u8) -> CaseBucket {
        match case {
            2 => CaseBucket::AlwaysLower,
            3 => CaseBucket::MostlyLower,
            4 => CaseBucket::OftenLower,
            5 => CaseBucket::OftenCapitalized,
            6 => CaseBucket::MostlyCapitalized,
            7 => CaseBucket::AlwaysCapitalized,
            _ => CaseBucket::Unknown,
        }
    }

    /// Written lowercase at least half the time (a known common word).
    pub(crate) const fn usually_lower(self) -> bool {
        matches!(
            self,
            CaseBucket::AlwaysLower | CaseBucket::MostlyLower | CaseBucket::OftenLower
        )
    }

    /// Written lowercase at least 80% of the time.
    pub(crate) const fn mostly_lower(self) -> bool {
        matches!(self, CaseBucket::AlwaysLower | CaseBucket::MostlyLower)
    }

    /// Capitalized at least 80% of the time (a known name word).
    pub(crate) const fn mostly_capitalized(self) -> bool {
        matches!(
            self,
            CaseBucket::MostlyCapitalized | CaseBucket::AlwaysCapitalized
        )
    }
}

/// How a normalized word is written in the bundled unlabelled news (see
/// [`CaseBucket`]).
pub(crate) fn case_bucket(norm: &str) -> CaseBucket {
    let class = WordClusters::bundled().class_of(features::hash_bytes(1, norm.as_bytes()));
    CaseBucket::from_stored(class.case)
}

#[cfg(test)]
mod tests;
