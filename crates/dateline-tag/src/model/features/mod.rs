//! Feature extraction for the entity model.
//!
//! Every feature is a 64-bit hash of a template id and one or more values
//! (word, shape, affix, neighbour, knowledge-base hint, previous label, …);
//! the model maps it to a row of a fixed-size weight table (the hashing
//! trick), so no vocabulary is stored. Values are hashed once per token
//! ([`TokInfo`]) and combined with a cheap multiply-rotate mix, so a
//! token's ~50 features cost a few hundred nanoseconds.
//!
//! Document-level evidence: for each normalized word the document counts
//! how often it is written capitalized away from a sentence start and how
//! often lowercase. A word lowercased here but capitalized elsewhere in the
//! article (a surname a translation lower-cased) gets a feature saying so.

#[cfg(feature = "train")]
use std::ops::Range;

use super::clusters::WordClusters;
pub(crate) use super::extract::{label_features, static_features};
use crate::{KbHint, Label, Token, TokenKind};

mod context;
mod word;

#[cfg(any(feature = "train", test))]
pub(crate) use context::tok_infos;
pub(crate) use context::{add_sentence_evidence, doc_evidence, sentence_infos};
#[cfg(feature = "train")]
use word::is_capitalized;
#[cfg(feature = "train")]
pub(crate) use word::is_title;
pub(super) use word::{Cap, PAD, affix_hashes, cues, shape_hash};
pub(crate) use word::{IdMap, hash_bytes, mix};

/// Number of output labels: `O` and `B-`/`I-` of PER, ORG, LOC, MISC.
pub(crate) const NL: usize = 9;

#[cfg(feature = "train")]
/// Entity types, in label order.
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

#[cfg(feature = "train")]
/// Label index of `B-type` (`t` in 0..4).
pub(crate) const fn begin(t: usize) -> usize {
    1 + 2 * t
}

/// Label index of `I-type`.
pub(crate) const fn inside(t: usize) -> usize {
    2 + 2 * t
}

/// Entity type of a label index (`None` for `O`).
pub(crate) const fn type_of(l: usize) -> Option<usize> {
    if l == 0 || l >= NL {
        None
    } else {
        Some((l - 1) / 2)
    }
}

/// True for `I-` labels.
pub(crate) const fn is_inside(l: usize) -> bool {
    l != 0 && l.is_multiple_of(2)
}

/// The tagger label of a model entity type.
pub(crate) fn type_label(t: usize) -> Label {
    match t {
        0 => Label::Person,
        1 => Label::Org,
        2 => Label::Loc,
        _ => Label::Misc,
    }
}

/// What one token contributes to features, hashed once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokInfo {
    pub(super) word: u64,
    pub(super) raw: u64,
    pub(super) shape: u64,
    pub(super) short: u64,
    pub(super) pre: [u64; 3],
    pub(super) suf: [u64; 4],
    pub(super) cap: Cap,
    pub(super) kind: u8,
    pub(super) kb: u8,
    pub(super) title: bool,
    pub(super) org_head: bool,
    pub(super) loc_head: bool,
    pub(super) len: u8,
    /// Document evidence: 0 none, 1 capitalized elsewhere mid-sentence, 2
    /// lowercase elsewhere, 3 both.
    pub(super) doc: u8,
    /// Position in the run of capitalized tokens: 0 none, 1 single, 2 first,
    /// 3 middle, 4 last.
    pub(super) run: u8,
    /// Sentence position: 0 first, 1 second, 2 other, and 3 after an opening
    /// quote, colon or dash.
    pub(super) pos: u8,
    /// The sentence is written in title case or capitals (a headline), so
    /// capitalization says little.
    pub(super) headline: bool,
    /// Corpus-wide case class of the word (see [`lex_class`]).
    pub(super) lex: u8,
    /// Word hashes of the first and last token of the name-like chunk the
    /// token is in (capitalized words, possibly joined by "of", "the", "and",
    /// ...); `PAD` outside a chunk.
    pub(super) chunk_first: u64,
    pub(super) chunk_last: u64,
    /// Chunk length (capped at 6), the token's place in it (0 outside, 1
    /// first, 2 middle, 3 last, 4 alone) and whether it contains an
    /// organisation head, a place head or a connector word.
    pub(super) chunk: u64,
    /// Word cluster path prefixes at the three levels of the cluster tree
    /// (0: no cluster; see `clusters.rs`).
    pub(super) clu: [u64; 3],
    /// Second-level cluster prefixes of the first and last word of the
    /// name-like chunk (0 outside a chunk).
    pub(super) chunk_clu: [u64; 2],
    /// Corpus case bucket of the word (see `clusters.rs`).
    pub(super) case: u8,
    /// Corpus frequency bucket of the word.
    pub(super) freq: u8,
    /// The per-token fields (shapes, affixes, cues, lexicon and cluster
    /// classes) are filled in (see [`complete`]).
    pub(super) full: bool,
}

/// Fills in the per-token fields of the tokens `i - 2 ..= i + 2` (those the
/// features of token `i` read), once. `tok_infos` leaves them out so
/// that tokens the model never looks at cost nothing more.
pub(crate) fn complete(
    infos: &mut [TokInfo],
    tokens: &[Token<'_>],
    lexicon: &[u8],
    clusters: &WordClusters,
    i: usize,
) {
    let end = (i + 3).min(infos.len()).min(tokens.len());
    for j in i.saturating_sub(2)..end {
        let (o, t) = (&mut infos[j], &tokens[j]);
        if o.full {
            continue;
        }
        let norm = t.norm.as_ref();
        let cue = cues().get(&o.word).copied().unwrap_or(0);
        o.raw = hash_bytes(2, t.text.as_bytes());
        o.shape = shape_hash(t.text, true);
        o.short = shape_hash(t.text, false);
        o.pre = affix_hashes::<3>(norm, false);
        o.suf = affix_hashes::<4>(norm, true);
        o.title = cue & 1 != 0;
        o.org_head = cue & 2 != 0;
        o.loc_head = cue & 4 != 0;
        o.len = t.text.chars().count().min(12) as u8;
        o.lex = lex_class(lexicon, o.word);
        if t.kind == TokenKind::Word {
            let c = clusters.class_of(o.word);
            o.clu = [c.prefix(1), c.prefix(2), c.prefix(3)];
            o.case = c.case;
            o.freq = c.freq;
        }
        o.full = true;
    }
}

#[cfg(feature = "train")]
/// What a token says about how its word is usually written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseEvidence {
    /// Capitalized away from a sentence start, outside a headline.
    Capitalized,
    /// Written lowercase.
    Lower,
    /// Neither (sentence start, headline, no letters).
    None,
}

pub(super) fn kb_code(h: Option<KbHint>) -> u8 {
    match h {
        None => 0,
        Some(h) => {
            let t = match h.label {
                Label::Person => 0,
                Label::Org => 1,
                Label::Gpe => 2,
                Label::Loc | Label::Fac => 3,
                Label::Norp => 4,
                _ => 5,
            };
            1 + 2 * t + u8::from(h.begin)
        }
    }
}

impl TokInfo {
    #[cfg(feature = "train")]
    /// Hash of the normalized word.
    pub(crate) fn word(&self) -> u64 {
        self.word
    }

    #[cfg(feature = "train")]
    /// How the token is written, for corpus case statistics.
    pub(crate) fn case_evidence(&self) -> CaseEvidence {
        if self.kind != 0 {
            CaseEvidence::None
        } else if self.cap == Cap::Lower {
            CaseEvidence::Lower
        } else if is_capitalized(self.cap) && self.pos >= 2 && !self.headline {
            CaseEvidence::Capitalized
        } else {
            CaseEvidence::None
        }
    }

    /// True when the token cannot start an entity, so the model need not
    /// score it after an `O`: lowercase, a number or punctuation, with no
    /// knowledge-base hint and not capitalized elsewhere in the document.
    /// Skipping these keeps tagging fast; training skips them the same way.
    pub(crate) fn skippable(&self) -> bool {
        matches!(self.cap, Cap::Lower | Cap::NoLetter) && self.kb == 0 && self.doc & 1 == 0
    }
}

/// The slot of a word hash in a lexicon of power-of-two size.
pub(crate) fn lex_slot(len: usize, word: u64) -> Option<usize> {
    if len < 2 || !len.is_power_of_two() {
        return None;
    }
    Some((word >> (64 - len.trailing_zeros())) as usize)
}

pub(super) fn lex_class(lexicon: &[u8], word: u64) -> u8 {
    lex_slot(lexicon.len(), word)
        .and_then(|i| lexicon.get(i))
        .copied()
        .unwrap_or(0)
}

#[cfg(feature = "train")]
/// Builds the case lexicon: for every word of the text, whether it is
/// written lowercase (1), capitalized away from sentence starts (2), both
/// (3), or seen too rarely to say (0). One byte per slot of `2^bits`.
pub(crate) fn build_lexicon<'a>(
    docs: impl Iterator<Item = (Vec<Token<'a>>, Vec<Range<usize>>)>,
    bits: u32,
) -> Vec<u8> {
    let len = 1usize << bits;
    let mut counts = vec![(0u32, 0u32); len];
    let none = WordClusters::default();
    for (tokens, sentences) in docs {
        let infos = tok_infos(&tokens, &sentences, &[], &none);
        for (t, info) in tokens.iter().zip(&infos) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let Some(slot) = lex_slot(len, info.word) else {
                continue;
            };
            match info.case_evidence() {
                CaseEvidence::Capitalized => counts[slot].0 += 1,
                CaseEvidence::Lower => counts[slot].1 += 1,
                CaseEvidence::None => {}
            }
        }
    }
    counts
        .iter()
        .map(|&(c, l)| {
            let n = c + l;
            if n < 2 {
                0
            } else if l * 10 >= n * 9 {
                1
            } else if c * 10 >= n * 9 {
                2
            } else {
                3
            }
        })
        .collect()
}
