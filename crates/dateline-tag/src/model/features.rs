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

use crate::words::WordList;
use std::collections::HashMap;
use std::ops::Range;

use super::clusters::WordClusters;
pub(crate) use super::extract::{label_features, static_features};
use crate::{KbHint, Label, Token, TokenKind};

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

/// Capitalization class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Cap {
    /// Starts with something other than a letter.
    NoLetter = 0,
    /// Lowercase.
    Lower = 1,
    /// Capitalized first letter, lowercase after.
    Title = 2,
    /// All letters uppercase, more than one letter.
    Upper = 3,
    /// A single uppercase letter.
    Single = 4,
    /// Lowercase first letter with uppercase later (`iPhone`, `eBay`).
    Mixed = 5,
}

pub(super) fn cap_class(text: &str) -> Cap {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return Cap::NoLetter;
    };
    if !first.is_alphabetic() {
        // "6PR", "3M": a number glued to capitals reads like a name.
        return if text.chars().any(char::is_uppercase) {
            Cap::Mixed
        } else {
            Cap::NoLetter
        };
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if first.is_lowercase() {
        if upper > 0 { Cap::Mixed } else { Cap::Lower }
    } else if first.is_uppercase() {
        if lower == 0 {
            if upper == 1 { Cap::Single } else { Cap::Upper }
        } else {
            Cap::Title
        }
    } else {
        // Scripts without case (CJK, Arabic): treat like a capitalized word.
        Cap::Title
    }
}

pub(super) const fn is_capitalized(c: Cap) -> bool {
    matches!(c, Cap::Title | Cap::Upper | Cap::Single | Cap::Mixed)
}

/// Hash of bytes (FNV-1a with a final mix).
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    fmix(h)
}

/// Final avalanche of a 64-bit value (murmur3 fmix64).
pub(super) const fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Combines a hash with a value.
#[inline]
pub(crate) const fn mix(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(27) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Word shape: `X` upper, `x` lower, `d` digit, other characters as is.
/// `long` keeps up to four repeats of a class; the short shape collapses
/// every run.
pub(super) fn shape_hash(text: &str, long: bool) -> u64 {
    let mut h = 0x0053_4841_5045_u64 ^ u64::from(long);
    let mut last = '\0';
    let mut run = 0;
    let mut n = 0;
    for c in text.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == last {
            run += 1;
            if !long || run >= 4 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        h = mix(h, u64::from(k));
        n += 1;
        if n > 12 {
            break;
        }
    }
    h
}

/// Lowercase words that introduce a person's name.
/// Frozen with the model: see the file's header.
pub(super) const TITLES: &str = include_str!("../../words/model_titles.txt");

/// Lowercase head words of organisation names.
/// Frozen with the model: see the file's header.
pub(super) const ORG_HEADS: &str = include_str!("../../words/model_org_heads.txt");

/// Lowercase head words of place names.
/// Frozen with the model: see the file's header.
pub(super) const LOC_HEADS: &str = include_str!("../../words/model_loc_heads.txt");

/// Cue-list membership by word hash: bit 0 title, bit 1 organisation head,
/// bit 2 place head.
pub(super) fn cues() -> &'static IdMap<u8> {
    static CUES: std::sync::OnceLock<IdMap<u8>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let mut m = IdMap::default();
        for (bit, list) in [(1u8, TITLES), (2, ORG_HEADS), (4, LOC_HEADS)] {
            for w in crate::words::entries(list) {
                *m.entry(hash_bytes(1, w.as_bytes())).or_insert(0) |= bit;
            }
        }
        m
    })
}

#[cfg(feature = "train")]
/// True for a word that introduces a person's name ("mr", "president").
pub(crate) fn is_title(norm: &str) -> bool {
    cues()
        .get(&hash_bytes(1, norm.as_bytes()))
        .is_some_and(|c| c & 1 != 0)
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
    /// Corpus-wide case class of the word (see [`Lexicon`]).
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
/// features of token `i` read), once. [`tok_infos`] leaves them out so
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

pub(super) const PAD: u64 = 0x0050_4144_4449_4e47;

pub(super) fn affix_hashes<const N: usize>(norm: &str, from_end: bool) -> [u64; N] {
    let mut out = [PAD; N];
    if norm.is_ascii() {
        let b = norm.as_bytes();
        for (k, slot) in out.iter_mut().enumerate() {
            let n = k + 1;
            if b.len() <= n {
                break;
            }
            let piece = if from_end { &b[b.len() - n..] } else { &b[..n] };
            *slot = hash_bytes(n as u64 + if from_end { 100 } else { 0 }, piece);
        }
        return out;
    }
    let nchars = norm.chars().count();
    for (k, slot) in out.iter_mut().enumerate() {
        let n = k + 1;
        if nchars <= n {
            break;
        }
        let piece = if from_end {
            norm.char_indices()
                .rev()
                .nth(n - 1)
                .map_or(norm, |(b, _)| &norm[b..])
        } else {
            norm.char_indices().nth(n).map_or(norm, |(b, _)| &norm[..b])
        };
        *slot = hash_bytes(n as u64 + if from_end { 100 } else { 0 }, piece.as_bytes());
    }
    out
}

/// A hasher for keys that are already hashes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

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

/// Hashes the tokens of a document and gathers document-level evidence
/// (the per-token fields are left for [`complete`]).
#[cfg(any(feature = "train", test))]
pub(crate) fn tok_infos(
    tokens: &[Token<'_>],
    sentences: &[Range<usize>],
    kb: &[Option<KbHint>],
    clusters: &WordClusters,
) -> Vec<TokInfo> {
    let n = tokens.len();
    let pos = sentence_positions(tokens, sentences);
    let caps: Vec<Cap> = tokens.iter().map(|t| cap_class(t.text)).collect();
    let headline = headline_flags(tokens, sentences, &caps);
    let words: Vec<u64> = tokens
        .iter()
        .map(|t| hash_bytes(1, t.norm.as_bytes()))
        .collect();
    let evidence = case_evidence_counts(tokens, &words, &caps, &pos);
    let mut out = Vec::with_capacity(n);
    push_base_infos(
        &mut out, tokens, kb, &evidence, &words, &caps, &pos, &headline,
    );
    annotate_chunks(&mut out, tokens, &words, &caps, sentences, clusters);
    out
}

/// Appends each token's base info: its word hash, case class, kind,
/// knowledge-base hint, document evidence, capitalized-run position,
/// sentence position and headline flag. The other fields are left for
/// [`complete`] and `annotate_chunks`.
#[allow(clippy::too_many_arguments)]
fn push_base_infos(
    out: &mut Vec<TokInfo>,
    tokens: &[Token<'_>],
    kb: &[Option<KbHint>],
    evidence: &IdMap<(u32, u32)>,
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
    headline: &[bool],
) {
    let n = tokens.len();
    for (i, t) in tokens.iter().enumerate() {
        let cap = caps[i];
        let doc = match evidence.get(&words[i]) {
            Some(&(c, l)) => {
                let own_c =
                    u32::from(is_capitalized(cap) && pos[i] >= 2 && t.kind == TokenKind::Word);
                let own_l = u32::from(cap == Cap::Lower && t.kind == TokenKind::Word);
                u8::from(c > own_c) | (u8::from(l > own_l) << 1)
            }
            None => 0,
        };
        let capd = |j: usize| is_capitalized(caps[j]) && tokens[j].kind == TokenKind::Word;
        let run = if !capd(i) {
            0
        } else {
            let before = i > 0 && capd(i - 1);
            let after = i + 1 < n && capd(i + 1);
            match (before, after) {
                (false, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
                (true, false) => 4,
            }
        };
        out.push(TokInfo {
            word: words[i],
            raw: PAD,
            shape: PAD,
            short: PAD,
            pre: [PAD; 3],
            suf: [PAD; 4],
            cap,
            kind: match t.kind {
                TokenKind::Word => 0,
                TokenKind::Number => 1,
                _ => 2,
            },
            kb: kb_code(kb.get(i).copied().flatten()),
            title: false,
            org_head: false,
            loc_head: false,
            len: 0,
            doc,
            run,
            pos: pos[i],
            headline: headline[i],
            lex: 0,
            chunk_first: PAD,
            chunk_last: PAD,
            chunk: 0,
            clu: [0; 3],
            chunk_clu: [0; 2],
            case: 0,
            freq: 0,
            full: false,
        });
    }
}

/// Document-level evidence, gathered in one pass over the sentences before
/// any is labelled: per normalized word, how often it is written capitalized
/// away from a sentence start and how often lowercase. Its size grows with
/// the document's vocabulary, not its length.
pub(crate) fn doc_evidence(tokens: &[Token<'_>], sentences: &[Range<usize>]) -> IdMap<(u32, u32)> {
    let mut evidence: IdMap<(u32, u32)> = IdMap::default();
    let n = tokens.len();
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        add_sentence_evidence(&mut evidence, &tokens[s], 0);
    }
    evidence
}

/// Adds to [`doc_evidence`]'s counts the tokens `toks` of one sentence,
/// the first being the sentence's token `first` (a long sentence may be
/// given a part at a time): the counts of [`add_case_evidence`], where only
/// the first two tokens of a sentence are at a sentence start.
pub(crate) fn add_sentence_evidence(
    evidence: &mut IdMap<(u32, u32)>,
    toks: &[Token<'_>],
    first: usize,
) {
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let cap = cap_class(t.text);
        let e = evidence
            .entry(hash_bytes(1, t.norm.as_bytes()))
            .or_default();
        if cap == Cap::Lower {
            e.1 += 1;
        } else if is_capitalized(cap) && first + k >= 2 {
            e.0 += 1;
        }
    }
}

/// The token infos of one sentence (`tokens` is the sentence's slice, `kb`
/// its hints), written into `out` (cleared first); document evidence from
/// [`doc_evidence`]. Features read neighbours within the sentence only, so
/// a document is labelled one sentence at a time.
pub(crate) fn sentence_infos(
    tokens: &[Token<'_>],
    kb: &[Option<KbHint>],
    evidence: &IdMap<(u32, u32)>,
    clusters: &WordClusters,
    out: &mut Vec<TokInfo>,
) {
    out.clear();
    let n = tokens.len();
    let all = 0..n;
    let whole = std::slice::from_ref(&all);
    let pos = sentence_positions(tokens, whole);
    let caps: Vec<Cap> = tokens.iter().map(|t| cap_class(t.text)).collect();
    let headline = headline_flags(tokens, whole, &caps);
    let words: Vec<u64> = tokens
        .iter()
        .map(|t| hash_bytes(1, t.norm.as_bytes()))
        .collect();
    push_base_infos(out, tokens, kb, evidence, &words, &caps, &pos, &headline);
    annotate_chunks(out, tokens, &words, &caps, whole, clusters);
}

/// Sentence position of every token: 0 first, 1 second, 2 other, 3 after
/// an opening quote, colon or dash.
fn sentence_positions(tokens: &[Token<'_>], sentences: &[Range<usize>]) -> Vec<u8> {
    let n = tokens.len();
    let mut pos = vec![2u8; n];
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        if let Some(p) = pos.get_mut(s.start) {
            *p = 0;
        }
        if s.len() > 1 {
            pos[s.start + 1] = 1;
        }
    }
    for i in 1..n {
        let prev = tokens[i - 1].text;
        if pos[i] == 2
            && matches!(
                prev,
                "\"" | "“" | "‘" | "'" | ":" | "-" | "–" | "—" | "(" | "«" | "„"
            )
        {
            pos[i] = 3;
        }
    }
    pos
}

/// Per token: its sentence is written in title case or capitals.
fn headline_flags(tokens: &[Token<'_>], sentences: &[Range<usize>], caps: &[Cap]) -> Vec<bool> {
    let n = tokens.len();
    let mut headline = vec![false; n];
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        let (mut words, mut capd) = (0, 0);
        for i in s.clone().skip(1) {
            if tokens[i].kind == TokenKind::Word && tokens[i].text.chars().count() > 3 {
                words += 1;
                capd += usize::from(is_capitalized(caps[i]));
            }
        }
        if words >= 3 && capd * 10 >= words * 8 {
            headline[s].fill(true);
        }
    }
    headline
}

/// Document evidence: per normalized word, how often it is written
/// capitalized away from a sentence start and how often lowercase.
#[cfg(any(feature = "train", test))]
fn case_evidence_counts(
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
) -> IdMap<(u32, u32)> {
    let mut evidence: IdMap<(u32, u32)> = IdMap::default();
    add_case_evidence(&mut evidence, tokens, words, caps, pos);
    evidence
}

/// Adds the case evidence of `tokens` to the counts.
#[cfg(any(feature = "train", test))]
fn add_case_evidence(
    evidence: &mut IdMap<(u32, u32)>,
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    pos: &[u8],
) {
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let e = evidence.entry(words[i]).or_default();
        if caps[i] == Cap::Lower {
            e.1 += 1;
        } else if is_capitalized(caps[i]) && pos[i] >= 2 {
            e.0 += 1;
        }
    }
}

/// Marks every token of a name-like chunk with the chunk's first and last
/// word, its clusters, its length and the token's place in it.
fn annotate_chunks(
    out: &mut [TokInfo],
    tokens: &[Token<'_>],
    words: &[u64],
    caps: &[Cap],
    sentences: &[Range<usize>],
    clusters: &WordClusters,
) {
    let cues = cues();
    for c in chunk_spans(tokens, caps, sentences) {
        let (a, b) = (c.start, c.end - 1);
        let (mut org, mut loc, mut conn) = (false, false, false);
        for j in c.clone() {
            let cue = cues.get(&words[j]).copied().unwrap_or(0);
            org |= cue & 2 != 0;
            loc |= cue & 4 != 0;
            conn |= !is_capitalized(caps[j]);
        }
        let flags = u64::from(org) | u64::from(loc) << 1 | u64::from(conn) << 2;
        let clu = |j: usize| {
            if tokens[j].kind == TokenKind::Word {
                clusters.class_of(words[j]).prefix(2)
            } else {
                0
            }
        };
        let chunk_clu = [clu(a), clu(b)];
        for j in c.clone() {
            let place: u64 = if a == b {
                4
            } else if j == a {
                1
            } else if j == b {
                3
            } else {
                2
            };
            let o = &mut out[j];
            o.chunk_first = words[a];
            o.chunk_last = words[b];
            o.chunk_clu = chunk_clu;
            o.chunk = (c.len().min(6) as u64) | place << 4 | flags << 8;
        }
    }
}

/// Lowercase words that may join the capitalized words of one name.
pub(super) static CONNECTORS: WordList =
    WordList::new(include_str!("../../words/model_connectors.txt"));

/// Token ranges of name-like chunks: runs of capitalized words, possibly
/// joined by connector words, within a sentence.
pub(super) fn chunk_spans(
    tokens: &[Token<'_>],
    caps: &[Cap],
    sentences: &[Range<usize>],
) -> Vec<Range<usize>> {
    let n = tokens.len();
    let capd = |j: usize| is_capitalized(caps[j]) && tokens[j].kind == TokenKind::Word;
    let mut out = Vec::new();
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        let mut i = s.start;
        while i < s.end {
            if !capd(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < s.end && capd(end) {
                    end += 1;
                    continue;
                }
                // Connectors followed by a capitalized word.
                let mut k = end;
                while k < s.end && k - end < 2 && CONNECTORS.contains(tokens[k].norm.as_ref()) {
                    k += 1;
                }
                if k > end && k < s.end && capd(k) {
                    end = k + 1;
                    continue;
                }
                break;
            }
            out.push(start..end);
            i = end;
        }
    }
    out
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

#[cfg(test)]
mod chunk_tests {
    use super::*;
    use crate::Tokenizer;

    #[test]
    fn chunks_join_capitalized_words_through_connectors() {
        let text = "He served in the Army of the Potomac and later in Boston.";
        let tokens = Tokenizer::new().tokens(text);
        let sentences = std::slice::from_ref(&(0..tokens.len())).to_vec();
        let none = WordClusters::default();
        let mut infos = tok_infos(&tokens, &sentences, &[], &none);
        for i in 0..tokens.len() {
            complete(&mut infos, &tokens, &[], &none, i);
        }
        let at = |w: &str| {
            tokens
                .iter()
                .position(|t| t.text == w)
                .unwrap_or(usize::MAX)
        };
        let (army, of, potomac, and, boston) =
            (at("Army"), at("of"), at("Potomac"), at("and"), at("Boston"));
        assert_eq!(infos[army].chunk_last, infos[potomac].word);
        assert_eq!(infos[of].chunk_first, infos[army].word);
        assert_eq!(infos[potomac].chunk >> 4 & 0xf, 3);
        assert_eq!(infos[army].chunk & 0xf, 4);
        assert_eq!(infos[and].chunk, 0);
        assert_eq!(infos[boston].chunk >> 4 & 0xf, 4);
        // "He" starts the sentence: a chunk of its own, unconnected to "Army".
        assert_eq!(infos[0].chunk_last, infos[0].word);
    }
}
