//! What the features know of one word on its own: its capitalization
//! class, shapes and affixes, the frozen cue lists it may be on, and the
//! hashes that key every feature.

use std::collections::HashMap;

/// Capitalization class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(in crate::model) enum Cap {
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

pub(in crate::model) fn cap_class(text: &str) -> Cap {
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

pub(in crate::model) const fn is_capitalized(c: Cap) -> bool {
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
pub(in crate::model) const fn fmix(mut h: u64) -> u64 {
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
pub(in crate::model) fn shape_hash(text: &str, long: bool) -> u64 {
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
pub(in crate::model) const TITLES: &str = include_str!("../../../words/model_titles.txt");

/// Lowercase head words of organisation names.
/// Frozen with the model: see the file's header.
pub(in crate::model) const ORG_HEADS: &str = include_str!("../../../words/model_org_heads.txt");

/// Lowercase head words of place names.
/// Frozen with the model: see the file's header.
pub(in crate::model) const LOC_HEADS: &str = include_str!("../../../words/model_loc_heads.txt");

/// Cue-list membership by word hash: bit 0 title, bit 1 organisation head,
/// bit 2 place head.
pub(in crate::model) fn cues() -> &'static IdMap<u8> {
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

pub(in crate::model) const PAD: u64 = 0x0050_4144_4449_4e47;

pub(in crate::model) fn affix_hashes<const N: usize>(norm: &str, from_end: bool) -> [u64; N] {
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
