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
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::features::{CaseEvidence, IdMap, hash_bytes, mix, tok_infos};
use super::train::{Rng, TrainDoc, doc_text, tokenize};
use super::{ModelError, checksum, u32_at, u64_at};
use crate::{Token, TokenKind, Tokenizer};

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

/// Settings of the cluster learner.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClusterConfig {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// At most this many (most frequent) words are clustered.
    pub max_vocab: usize,
    /// Number of most frequent tokens used as context words.
    pub contexts: usize,
    /// k-means iterations per split.
    pub iterations: usize,
    /// Seed of the k-means++ seeding.
    pub seed: u64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            min_count: 2,
            max_vocab: 100_000,
            contexts: 1000,
            iterations: 10,
            seed: 0x00c1_05e5,
        }
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
    fn from_entries(bits: u32, meta: String, entries: &[(u64, WordClass)]) -> WordClusters {
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

    /// Learns clusters and case statistics from running text (`articles`,
    /// split into sentences by the tokenize layer) and the text of training
    /// documents. Deterministic. `meta` is recorded in the file.
    pub fn learn(
        articles: &[&str],
        docs: &[TrainDoc],
        config: &ClusterConfig,
        meta: &str,
    ) -> WordClusters {
        let tokenizer = Tokenizer::new();
        let texts: Vec<(String, Vec<Range<usize>>)> = docs.iter().map(doc_text).collect();
        let splits: Vec<Vec<Range<usize>>> = articles
            .iter()
            .map(|t| tokenizer.sentences(t).iter().map(|s| s.range()).collect())
            .collect();
        let each = || {
            articles
                .iter()
                .zip(&splits)
                .map(|(t, s)| tokenize(t, s))
                .chain(texts.iter().map(|(t, s)| tokenize(t, s)))
        };
        // Pass 1: token counts, case evidence and a spelling of every word.
        let mut counts: IdMap<u32> = IdMap::default();
        let mut case: IdMap<(u32, u32)> = IdMap::default();
        let mut word_counts: IdMap<u32> = IdMap::default();
        for (tokens, sentences) in each() {
            let infos = tok_infos(&tokens, &sentences, &[], &WordClusters::default());
            for (t, info) in tokens.iter().zip(&infos) {
                *counts.entry(ctx_hash(t)).or_insert(0) += 1;
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = info.word();
                *word_counts.entry(w).or_insert(0) += 1;
                match info.case_evidence() {
                    CaseEvidence::Capitalized => case.entry(w).or_default().0 += 1,
                    CaseEvidence::Lower => case.entry(w).or_default().1 += 1,
                    CaseEvidence::None => {}
                }
            }
        }
        // Context words: the most frequent tokens (ties by hash).
        let mut by_freq: Vec<(u64, u32)> = counts.into_iter().collect();
        by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let nctx = config.contexts.min(by_freq.len());
        let ctx_rank: IdMap<u32> = by_freq[..nctx]
            .iter()
            .enumerate()
            .map(|(r, &(h, _))| (h, r as u32))
            .collect();
        // Vocabulary: the most frequent words.
        let mut words: Vec<(u64, u32)> = word_counts
            .iter()
            .filter(|e| *e.1 >= config.min_count.max(1))
            .map(|(&h, &c)| (h, c))
            .collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        words.truncate(config.max_vocab);
        let vocab: IdMap<u32> = words
            .iter()
            .enumerate()
            .map(|(r, &(h, _))| (h, r as u32))
            .collect();
        // Pass 2: word-context counts. Context ids: position (4) x (rank,
        // "other", edge).
        let width = nctx as u32 + 2;
        let mut pairs: HashMap<u64, u32, std::hash::BuildHasherDefault<PairHasher>> =
            HashMap::default();
        for (tokens, sentences) in each() {
            let ids: Vec<(Option<u32>, u32)> = tokens
                .iter()
                .map(|t| {
                    let h = ctx_hash(t);
                    let v = if t.kind == TokenKind::Word {
                        vocab.get(&h).copied()
                    } else {
                        None
                    };
                    (v, ctx_rank.get(&h).copied().unwrap_or(nctx as u32))
                })
                .collect();
            for s in &sentences {
                for i in s.clone() {
                    let Some(w) = ids[i].0 else {
                        continue;
                    };
                    for (p, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                        let j = i as isize + off;
                        let c = if j < s.start as isize || j >= s.end as isize {
                            nctx as u32 + 1
                        } else {
                            ids[j as usize].1
                        };
                        let ctx = p as u32 * width + c;
                        *pairs
                            .entry(u64::from(w) << 32 | u64::from(ctx))
                            .or_insert(0) += 1;
                    }
                }
            }
        }
        let vectors = Vectors::ppmi(pairs, words.len(), (4 * width) as usize);
        let leaves = vectors.tree(config);
        // Case classes for every word seen at least three times.
        let mut entries: Vec<(u64, WordClass)> = word_counts
            .iter()
            .filter(|e| *e.1 >= 3 || vocab.contains_key(e.0))
            .map(|(&h, &n)| {
                let (c, l) = case.get(&h).copied().unwrap_or((0, 0));
                let cluster = vocab.get(&h).map_or(0, |&r| leaves[r as usize] + 1);
                (
                    h,
                    WordClass {
                        cluster,
                        case: case_bucket(c, l),
                        freq: (32 - (n + 1).leading_zeros() - 1).min(15) as u8,
                    },
                )
            })
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        let mut bits = 1;
        while (1usize << bits) < entries.len() * 2 + 2 {
            bits += 1;
        }
        WordClusters::from_entries(bits, meta.to_string(), &entries)
    }
}

/// The case bucket of a word written capitalized `c` times and lowercase
/// `l` times away from sentence starts.
fn case_bucket(c: u32, l: u32) -> u8 {
    let n = c + l;
    if n < 3 {
        return 1;
    }
    let r = f64::from(c) / f64::from(n);
    match r {
        r if r < 0.02 => 2,
        r if r < 0.2 => 3,
        r if r < 0.5 => 4,
        r if r < 0.8 => 5,
        r if r < 0.98 => 6,
        _ => 7,
    }
}

/// Hash of a token as a context: its normalized form, or one class for all
/// numbers.
fn ctx_hash(t: &Token<'_>) -> u64 {
    if t.kind == TokenKind::Number {
        0x004e_554d
    } else {
        hash_bytes(1, t.norm.as_bytes())
    }
}

/// A hasher for word-context pair keys.
#[derive(Debug, Default, Clone, Copy)]
struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(0x5041_4952, n);
    }
}

/// Unit-length sparse PPMI vectors of the vocabulary (compressed rows).
struct Vectors {
    starts: Vec<usize>,
    dims: Vec<u32>,
    vals: Vec<f32>,
    width: usize,
}

impl Vectors {
    fn ppmi(
        pairs: HashMap<u64, u32, std::hash::BuildHasherDefault<PairHasher>>,
        nwords: usize,
        width: usize,
    ) -> Vectors {
        let mut pairs: Vec<(u64, u32)> = pairs.into_iter().collect();
        pairs.sort_unstable_by_key(|p| p.0);
        let mut row_sum = vec![0f64; nwords];
        let mut col_sum = vec![0f64; width];
        for &(k, n) in &pairs {
            row_sum[(k >> 32) as usize] += f64::from(n);
            col_sum[(k & 0xffff_ffff) as usize] += f64::from(n);
        }
        let smoothed: Vec<f64> = col_sum.iter().map(|c| c.powf(0.75)).collect();
        let total: f64 = smoothed.iter().sum();
        let mut starts = vec![0usize; nwords + 1];
        let mut dims = Vec::with_capacity(pairs.len());
        let mut vals = Vec::with_capacity(pairs.len());
        let mut k = 0;
        for w in 0..nwords {
            starts[w] = dims.len();
            let row_start = dims.len();
            while k < pairs.len() && (pairs[k].0 >> 32) as usize == w {
                let c = (pairs[k].0 & 0xffff_ffff) as usize;
                let pc = smoothed[c] / total;
                let pmi = (f64::from(pairs[k].1) / row_sum[w] / pc).ln();
                if pmi > 0.0 {
                    dims.push(c as u32);
                    vals.push(pmi as f32);
                }
                k += 1;
            }
            let norm = vals[row_start..]
                .iter()
                .map(|v| f64::from(*v) * f64::from(*v))
                .sum::<f64>()
                .sqrt();
            if norm > 0.0 {
                for v in &mut vals[row_start..] {
                    *v = (f64::from(*v) / norm) as f32;
                }
            }
        }
        starts[nwords] = dims.len();
        Vectors {
            starts,
            dims,
            vals,
            width,
        }
    }

    fn row(&self, w: usize) -> (&[u32], &[f32]) {
        let r = self.starts[w]..self.starts[w + 1];
        (&self.dims[r.clone()], &self.vals[r])
    }

    /// Leaf index (in the tree of [`LEVELS`]) of every word.
    fn tree(&self, config: &ClusterConfig) -> Vec<u16> {
        let n = self.starts.len() - 1;
        let mut rng = Rng::new(config.seed);
        let mut path = vec![0usize; n];
        let mut groups: Vec<Vec<usize>> = vec![(0..n).collect()];
        for &k in &LEVELS {
            let mut next = Vec::with_capacity(groups.len() * k);
            for g in &groups {
                let assign = self.kmeans(g, k, config.iterations, &mut rng);
                let mut parts = vec![Vec::new(); k];
                for (&w, &a) in g.iter().zip(&assign) {
                    path[w] = path[w] * k + a;
                    parts[a].push(w);
                }
                next.extend(parts);
            }
            groups = next;
        }
        path.iter().map(|&p| p as u16).collect()
    }

    /// Spherical k-means of the words `g` into `k` groups; returns each
    /// word's group. Fewer words than groups: one group each.
    fn kmeans(&self, g: &[usize], k: usize, iterations: usize, rng: &mut Rng) -> Vec<usize> {
        if g.len() <= k {
            return (0..g.len()).collect();
        }
        // Centroids stored dimension-major: c[d * k + j].
        let mut c = vec![0f32; self.width * k];
        // k-means++ seeding (distance 1 - cosine).
        let mut best = vec![f32::MIN; g.len()];
        let mut scores = vec![0f32; k];
        let mut chosen = g.len() / 2;
        for j in 0..k {
            let (d, v) = self.row(g[chosen]);
            for (&d, &v) in d.iter().zip(v) {
                c[d as usize * k + j] = v;
            }
            if j + 1 == k {
                break;
            }
            let mut total = 0f64;
            let mut dist = vec![0f64; g.len()];
            for (x, &w) in g.iter().enumerate() {
                let (d, v) = self.row(w);
                let mut s = 0f32;
                for (&d, &v) in d.iter().zip(v) {
                    s += v * c[d as usize * k + j];
                }
                best[x] = best[x].max(s);
                let dd = f64::from((1.0 - best[x]).max(0.0));
                dist[x] = dd * dd;
                total += dist[x];
            }
            if total <= 0.0 {
                chosen = (chosen + 1) % g.len();
                continue;
            }
            let mut target = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
            chosen = g.len() - 1;
            for (x, &dx) in dist.iter().enumerate() {
                if target < dx {
                    chosen = x;
                    break;
                }
                target -= dx;
            }
        }
        let mut assign = vec![usize::MAX; g.len()];
        for _ in 0..iterations.max(1) {
            let mut changed = false;
            for (x, &w) in g.iter().enumerate() {
                scores.fill(0.0);
                let (d, v) = self.row(w);
                for (&d, &v) in d.iter().zip(v) {
                    let row = &c[d as usize * k..d as usize * k + k];
                    for (s, cv) in scores.iter_mut().zip(row) {
                        *s += v * cv;
                    }
                }
                let mut a = 0;
                for j in 1..k {
                    if scores[j] > scores[a] {
                        a = j;
                    }
                }
                if assign[x] != a {
                    assign[x] = a;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
            // New centroids: normalized sums of the members.
            c.fill(0.0);
            for (x, &w) in g.iter().enumerate() {
                let (d, v) = self.row(w);
                for (&d, &v) in d.iter().zip(v) {
                    c[d as usize * k + assign[x]] += v;
                }
            }
            let mut norms = vec![0f64; k];
            for (i, v) in c.iter().enumerate() {
                norms[i % k] += f64::from(*v) * f64::from(*v);
            }
            for (i, v) in c.iter_mut().enumerate() {
                let n = norms[i % k].sqrt();
                if n > 0.0 {
                    *v = (f64::from(*v) / n) as f32;
                }
            }
        }
        assign
    }
}
