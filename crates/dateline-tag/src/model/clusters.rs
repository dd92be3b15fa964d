//! Word clusters and corpus-wide case statistics, learned from unlabelled
//! text, used as features by the entity model.
//!
//! # Method
//!
//! Distributional clustering: every word seen at least `min_count` times
//! (lowercased and diacritic-folded, the tokenize layer's normalized form)
//! is described by the counts of the words one and two places to its left
//! and right (the `contexts` most frequent tokens, numbers as one class,
//! the rest as "other", sentence edges as a class of their own). Counts are
//! weighted by positive pointwise mutual information (context frequencies
//! smoothed by the power 0.75) and each word's vector is scaled to unit
//! length. Spherical k-means then splits the vocabulary top-down into a
//! tree of three levels (by default 32, then 16 under each, then 8 under
//! each: 4,096 leaves), so a word's cluster path has the prefix property of
//! Brown clusters: the first level is a broad class ("surnames",
//! "countries", "verbs of saying"), the deeper levels are finer. Seeds come
//! from a fixed-seed k-means++ and every loop is sequential, so the same
//! text gives the same file.
//!
//! Case statistics: for every word seen at least three times, how often it
//! is written capitalized away from a sentence start (outside headlines),
//! against lowercase, bucketed into seven classes; and how often it occurs
//! at all (log-scale bucket).
//!
//! # File format (version 1, little-endian)
//!
//! ```text
//! magic "DLWCLUS\0" | version u32 | slot bits u32 | checksum u64 (of the
//! bytes after the metadata) | meta length u32 | meta (UTF-8)
//! | slots: 2^bits * (key u32, cluster u16, case u8, frequency u8)
//! ```
//!
//! A slot's key is the low 32 bits of the word hash (0 marks an empty
//! slot); the home slot is given by the top `bits` bits, with linear
//! probing. The table is at most half full. `cluster` is the leaf path
//! `((a * 16) + b) * 8 + c + 1` (0: no cluster).

use std::borrow::Cow;
use std::sync::OnceLock;

use super::features::hash_bytes;
use super::{ModelError, checksum, u32_at, u64_at};

const MAGIC: &[u8; 8] = b"DLWCLUS\0";
const VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 8 + 4;
const SLOT: usize = 8;

/// Branching factors of the cluster tree (top level first).
pub(crate) const LEVELS: [usize; 3] = [32, 16, 8];

/// The bundled clusters (see `data/MODEL.md`).
static BUNDLED: &[u8] = include_bytes!("../../data/clusters.bin");

/// What the clusters file knows of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClass {
    /// Leaf cluster path plus one (0: no cluster).
    pub(crate) cluster: u16,
    /// Case bucket: 0 unknown word, 1 seen too rarely to say, 2..=7 from
    /// (almost) always lowercase to (almost) always capitalized.
    pub(crate) case: u8,
    /// Frequency bucket: `min(15, log2(count + 1))` (0: unknown word).
    pub(crate) freq: u8,
}

impl WordClass {
    /// The cluster path cut to its first `level` levels (1..=3), with the
    /// level in the high bits; 0 when the word has no cluster.
    pub(crate) fn prefix(self, level: u32) -> u64 {
        if self.cluster == 0 {
            return 0;
        }
        let leaf = u64::from(self.cluster - 1);
        let v = match level {
            1 => leaf / (LEVELS[1] * LEVELS[2]) as u64,
            2 => leaf / LEVELS[2] as u64,
            _ => leaf,
        };
        1 + v + (u64::from(level) << 16)
    }
}

/// Word clusters and case statistics (the bundled file is
/// `data/clusters.bin`).
#[derive(Debug, Clone)]
pub struct WordClusters {
    bits: u32,
    meta: String,
    bytes: Cow<'static, [u8]>,
    offset: usize,
}

impl Default for WordClusters {
    /// An empty table: every word is unknown.
    fn default() -> Self {
        WordClusters::from_entries(1, String::new(), &[])
    }
}

fn key_of(word: u64) -> u32 {
    (word as u32).max(1)
}

impl WordClusters {
    /// The clusters bundled with the crate, loaded once on first use (an
    /// empty table if the bundled file were damaged;
    /// [`WordClusters::bundled_checked`] reports the error).
    pub fn bundled() -> &'static WordClusters {
        static CLUSTERS: OnceLock<WordClusters> = OnceLock::new();
        CLUSTERS.get_or_init(|| WordClusters::bundled_checked().unwrap_or_default())
    }

    /// Reads the bundled clusters, reporting a damaged file.
    ///
    /// # Errors
    /// [`ModelError`] when the bundled bytes are not a valid clusters file.
    pub fn bundled_checked() -> Result<WordClusters, ModelError> {
        WordClusters::from_cow(Cow::Borrowed(BUNDLED))
    }

    /// Reads a clusters file from bytes (a copy is kept).
    ///
    /// # Errors
    /// [`ModelError`] on a wrong magic number, version, size or checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<WordClusters, ModelError> {
        WordClusters::from_cow(Cow::Owned(bytes.to_vec()))
    }

    fn from_cow(bytes: Cow<'static, [u8]>) -> Result<WordClusters, ModelError> {
        let b: &[u8] = &bytes;
        if b.len() < HEADER || &b[..8] != MAGIC {
            return Err(ModelError::Format(
                "bad magic number in clusters file".into(),
            ));
        }
        let version = u32_at(b, 8);
        if version != VERSION {
            return Err(ModelError::Format(format!(
                "unsupported clusters version {version}"
            )));
        }
        let bits = u32_at(b, 12);
        if !(1..=24).contains(&bits) {
            return Err(ModelError::Format(format!(
                "bad clusters table size (bits {bits})"
            )));
        }
        let sum = u64_at(b, 16);
        let meta_len = u32_at(b, 24) as usize;
        let offset = HEADER.saturating_add(meta_len);
        let expected = offset.saturating_add((1usize << bits) * SLOT);
        if b.len() != expected {
            return Err(ModelError::Format(format!(
                "clusters file: expected {expected} bytes, found {}",
                b.len()
            )));
        }
        let meta = String::from_utf8(b[HEADER..offset].to_vec())
            .map_err(|_| ModelError::Format("clusters metadata is not UTF-8".into()))?;
        if checksum(&b[offset..]) != sum {
            return Err(ModelError::Checksum);
        }
        // The table must keep an empty slot, or a lookup could not stop.
        let used = b[offset..]
            .chunks_exact(SLOT)
            .filter(|s| s[..4] != [0, 0, 0, 0])
            .count();
        if used >= 1usize << bits {
            return Err(ModelError::Format("clusters table is full".into()));
        }
        Ok(WordClusters {
            bits,
            meta,
            bytes,
            offset,
        })
    }

    /// Builds the file from `(word hash, class)` entries.
    pub(super) fn from_entries(
        bits: u32,
        meta: String,
        entries: &[(u64, WordClass)],
    ) -> WordClusters {
        let slots = 1usize << bits;
        let mut table = vec![0u8; slots * SLOT];
        for &(word, class) in entries {
            let key = key_of(word);
            let mut i = (word >> (64 - bits)) as usize;
            loop {
                let s = &mut table[i * SLOT..(i + 1) * SLOT];
                let k = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
                if k == 0 || k == key {
                    s[..4].copy_from_slice(&key.to_le_bytes());
                    s[4..6].copy_from_slice(&class.cluster.to_le_bytes());
                    s[6] = class.case;
                    s[7] = class.freq;
                    break;
                }
                i = (i + 1) & (slots - 1);
            }
        }
        let mut b = Vec::with_capacity(HEADER + meta.len() + table.len());
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&bits.to_le_bytes());
        b.extend_from_slice(&checksum(&table).to_le_bytes());
        b.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        b.extend_from_slice(meta.as_bytes());
        let offset = b.len();
        b.extend_from_slice(&table);
        WordClusters {
            bits,
            meta,
            bytes: Cow::Owned(b),
            offset,
        }
    }

    /// The file bytes (the format in the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// The settings and text recorded in the file.
    pub fn meta(&self) -> &str {
        &self.meta
    }

    /// Checksum of the table, as stored in the file.
    pub fn checksum(&self) -> u64 {
        u64_at(&self.bytes, 16)
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.table()
            .chunks_exact(SLOT)
            .filter(|s| s[..4] != [0, 0, 0, 0])
            .count()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn table(&self) -> &[u8] {
        &self.bytes[self.offset..]
    }

    /// The class of a word given its hash (`hash_bytes(1, norm)`).
    pub(crate) fn class_of(&self, word: u64) -> WordClass {
        let table = self.table();
        let mask = (1usize << self.bits) - 1;
        let key = key_of(word);
        let mut i = (word >> (64 - self.bits)) as usize;
        for _ in 0..=mask {
            let Some(s) = table.get(i * SLOT..(i + 1) * SLOT) else {
                break;
            };
            let k = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
            if k == key {
                return WordClass {
                    cluster: u16::from_le_bytes([s[4], s[5]]),
                    case: s[6],
                    freq: s[7],
                };
            }
            if k == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        WordClass::default()
    }

    /// The class of a normalized word (for inspection and tests).
    pub fn cluster_of(&self, norm: &str) -> Option<u16> {
        let c = self.class_of(hash_bytes(1, norm.as_bytes())).cluster;
        (c != 0).then(|| c - 1)
    }
}
