//! A small, fast, non-cryptographic hasher for maps keyed by words and
//! terms, shared by the layers above (the tagger's knowledge-base trie and
//! word lists, the query layer's term dictionaries).
//!
//! Lookups of short word keys dominate those hot paths, and the standard
//! SipHash, built to resist deliberate collision attacks, costs several
//! times more per short key. This is the multiply-rotate scheme of rustc's
//! `FxHasher`: each 8-byte word is xored into the rotated state, which is
//! then multiplied by an odd constant. Do not use it for maps whose keys an
//! attacker chooses and whose worst case matters.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hasher state.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_alike_and_tails_matter() {
        let b = FxBuildHasher::default();
        assert_eq!(b.hash_one("patrushev"), b.hash_one("patrushev"));
        assert_ne!(b.hash_one("patrushev"), b.hash_one("patrusheva"));
        assert_ne!(b.hash_one("ab"), b.hash_one("ba"));
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        m.insert("trump", 1);
        assert_eq!(m.get("trump"), Some(&1));
    }
}
