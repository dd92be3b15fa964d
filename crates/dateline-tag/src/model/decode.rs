//! Decoding one sentence: Viterbi over the BIO label lattice.
//!
//! A label's score at a token is the weight of the token's
//! label-independent features plus the features of its previous label (and
//! the one before, taken from the best path into that previous label, so
//! the search stays first-order). A token that cannot start an entity
//! ([`TokInfo::skippable`]) is `O` after an `O` and scores nothing there;
//! a skippable token more than two tokens after the last token that could
//! start an entity is `O` whatever comes before, unscored. The lattice is
//! therefore only built around names, which keeps tagging fast, and the
//! same restrictions hold in training, so the model learns the scores the
//! decoder adds up.

use super::features::{NL, TokInfo, is_inside, label_features, type_of};

/// True when label `l` may follow `prev`.
pub(crate) fn allowed(prev: usize, l: usize) -> bool {
    !is_inside(l) || (prev != 0 && type_of(prev) == type_of(l))
}

/// What the decoders need from a model: the label-independent features of
/// a token, and the scores of a feature list.
pub(crate) trait Scorer {
    /// Pushes the label-independent features of token `i` of the sentence.
    fn statics(&mut self, infos: &mut [TokInfo], i: usize, out: &mut Vec<u64>);
    /// Adds the weights of `feats` to `scores`.
    fn score(&self, feats: &[u64], scores: &mut [f32; NL]);
    /// How far below the best path a path may fall and still be extended
    /// (beam pruning; infinite for an exact search).
    fn margin(&self) -> f32 {
        f32::INFINITY
    }
}

/// Per token of a sentence: whether the Viterbi decoder scores it (it could
/// start an entity, or one of the two tokens before it could).
pub(crate) fn scorable(infos: &[TokInfo], out: &mut Vec<bool>) {
    out.clear();
    let mut since = usize::MAX;
    for t in infos {
        since = if t.skippable() {
            since.saturating_add(1)
        } else {
            0
        };
        out.push(since <= 2);
    }
}

/// Reusable buffers of the Viterbi decoder.
#[derive(Debug, Default)]
pub(crate) struct Lattice {
    back: Vec<[u8; NL]>,
    scorable: Vec<bool>,
    feats: Vec<u64>,
    statics: Vec<u64>,
}

impl Lattice {
    /// The best label sequence of a sentence into `labels`, and when `probs`
    /// is given, the probability of each entity label (softmax of its local
    /// scores after the previous label, weights times `scale`; 1 for `O`).
    pub(crate) fn viterbi(
        &mut self,
        infos: &mut [TokInfo],
        scorer: &mut dyn Scorer,
        labels: &mut Vec<usize>,
        probs: Option<(&mut Vec<f32>, f32)>,
    ) {
        let n = infos.len();
        labels.clear();
        labels.resize(n, 0);
        if n == 0 {
            return;
        }
        scorable(infos, &mut self.scorable);
        self.back.clear();
        let mut prev = [f32::NEG_INFINITY; NL];
        prev[0] = 0.0;
        let mut prev_back = [0u8; NL];
        for i in 0..n {
            let mut cur = [f32::NEG_INFINITY; NL];
            let mut back = [0u8; NL];
            if !self.scorable[i] {
                let (p, &d) = argmax(&prev);
                cur[0] = d;
                back[0] = p as u8;
            } else {
                let skip = infos[i].skippable();
                let mut stat = None;
                let floor = argmax(&prev).1 - scorer.margin();
                for p in 0..NL {
                    if prev[p] == f32::NEG_INFINITY || prev[p] < floor {
                        continue;
                    }
                    if skip && p == 0 {
                        relax(&mut cur, &mut back, 0, 0, prev[0]);
                        continue;
                    }
                    let stat = match stat {
                        Some(s) => s,
                        None => {
                            let s = self.statics_of(infos, scorer, i);
                            stat = Some(s);
                            s
                        }
                    };
                    let s = self.after(infos, scorer, i, p, usize::from(prev_back[p]), stat);
                    for (l, &sl) in s.iter().enumerate() {
                        if allowed(p, l) {
                            relax(&mut cur, &mut back, l, p, prev[p] + sl);
                        }
                    }
                }
            }
            self.back.push(back);
            prev = cur;
            prev_back = back;
        }
        let (mut l, _) = argmax(&prev);
        for i in (0..n).rev() {
            labels[i] = l;
            l = usize::from(self.back[i][l]);
        }
        if let Some((probs, scale)) = probs {
            probs.clear();
            probs.resize(n, 1.0);
            // Only entity labels need one, and spans are rare: their scores
            // are computed again rather than kept for every token.
            for i in 0..n {
                if labels[i] == 0 {
                    continue;
                }
                let p = if i == 0 { 0 } else { labels[i - 1] };
                let y2 = if i < 2 { 0 } else { labels[i - 2] };
                let stat = self.statics_of(infos, scorer, i);
                let row = self.after(infos, scorer, i, p, y2, stat);
                let top = row[labels[i]];
                let z: f32 = (0..NL)
                    .filter(|&l| allowed(p, l))
                    .map(|l| ((row[l] - top) * scale).exp())
                    .sum();
                probs[i] = if z > 0.0 { 1.0 / z } else { 0.0 };
            }
        }
    }

    /// The scores of token `i`'s label-independent features.
    fn statics_of(
        &mut self,
        infos: &mut [TokInfo],
        scorer: &mut dyn Scorer,
        i: usize,
    ) -> [f32; NL] {
        self.statics.clear();
        scorer.statics(infos, i, &mut self.statics);
        let mut stat = [0f32; NL];
        scorer.score(&self.statics, &mut stat);
        stat
    }

    /// The local scores of token `i`'s labels after labels `p` and `y2`.
    fn after(
        &mut self,
        infos: &[TokInfo],
        scorer: &dyn Scorer,
        i: usize,
        p: usize,
        y2: usize,
        stat: [f32; NL],
    ) -> [f32; NL] {
        self.feats.clear();
        label_features(infos, i, p, y2, &mut self.feats);
        let mut s = stat;
        scorer.score(&self.feats, &mut s);
        s
    }
}

/// Keeps the better of the current score of label `l` and `score` (from
/// previous label `p`); ties keep the lower previous label.
fn relax(cur: &mut [f32; NL], back: &mut [u8; NL], l: usize, p: usize, score: f32) {
    if score > cur[l] {
        cur[l] = score;
        back[l] = p as u8;
    }
}

/// Index and value of the largest entry (the first on ties).
fn argmax(v: &[f32; NL]) -> (usize, &f32) {
    let mut best = 0;
    for (k, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = k;
        }
    }
    (best, &v[best])
}
