//! Learning word clusters and case statistics from running text (the
//! `train` feature; `dateline train clusters`).

use std::collections::HashMap;
use std::ops::Range;

use super::clusters::{LEVELS, WordClass, WordClusters};
use super::features::{CaseEvidence, IdMap, hash_bytes, mix, tok_infos};
use super::train::{Rng, TrainDoc, doc_text, tokenize};
use crate::{Token, TokenKind, Tokenizer};

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

impl WordClusters {
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
        let pairs = context_pairs(each(), &vocab, &ctx_rank, nctx);
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

/// Pass 2 of [`WordClusters::learn`]: how often each vocabulary word has
/// each context. Context ids: position (-2, -1, +1, +2) x (rank of a context
/// word, "other", sentence edge).
fn context_pairs<'a>(
    docs: impl Iterator<Item = (Vec<Token<'a>>, Vec<Range<usize>>)>,
    vocab: &IdMap<u32>,
    ctx_rank: &IdMap<u32>,
    nctx: usize,
) -> HashMap<u64, u32, std::hash::BuildHasherDefault<PairHasher>> {
    let width = nctx as u32 + 2;
    let mut pairs: HashMap<u64, u32, std::hash::BuildHasherDefault<PairHasher>> =
        HashMap::default();
    for (tokens, sentences) in docs {
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
    pairs
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
