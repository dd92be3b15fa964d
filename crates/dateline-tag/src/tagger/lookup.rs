//! Finding words again without rescanning the document: context cues
//! ("white house", "bank") anywhere in the document or near a mention, and
//! the longer names of the document that contain a word.
//!
//! A cue matches where the document's normalized tokens, joined by single
//! spaces, continue with the cue from the start of a token: every word but
//! the last is a whole token, and the last may begin a longer one ("bank"
//! matches "banks").

use super::*;

/// The document's tokens sorted by their normalized form, and the cues
/// looked up so far.
#[derive(Debug, Default)]
pub(super) struct CueIndex {
    /// Token indices, sorted by norm (then position).
    by_norm: Vec<u32>,
    /// Cue -> whether the document has it.
    seen: HashMap<Box<str>, bool>,
}

/// Where each token text is written: text -> token indices, in order.
#[derive(Debug, Default)]
pub(super) struct TextIndex {
    at: HashMap<Box<str>, Vec<u32>>,
    built: bool,
}

/// Whether the tokens from `k` (before `end`), joined by spaces and followed
/// by a space, start with `cue`.
fn continues_with(toks: &[Tok<'_>], mut k: usize, end: usize, mut cue: &str) -> bool {
    loop {
        if cue.is_empty() {
            return true;
        }
        let Some(t) = toks.get(k).filter(|_| k < end) else {
            return false;
        };
        let norm = t.norm.as_ref();
        if norm.starts_with(cue) {
            return true;
        }
        let Some(rest) = cue.strip_prefix(norm) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(' ') else {
            return false;
        };
        cue = rest;
        k += 1;
    }
}

/// Token indices sorted by normalized form, then position: the distinct
/// forms are sorted, and the tokens placed by their form's rank (linear in
/// the tokens, where sorting the tokens themselves compares their forms
/// `n log n` times).
fn sorted_by_norm(toks: &[Tok<'_>]) -> Vec<u32> {
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut forms: Vec<&str> = Vec::new();
    let id_of: Vec<u32> = toks
        .iter()
        .map(|t| {
            let norm = t.norm.as_ref();
            *ids.entry(norm).or_insert_with(|| {
                forms.push(norm);
                (forms.len() - 1) as u32
            })
        })
        .collect();
    drop(ids);
    let mut order: Vec<u32> = (0..forms.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| forms[a as usize].cmp(forms[b as usize]));
    // Where each form's tokens start in the output.
    let mut start = vec![0u32; forms.len()];
    let mut counts = vec![0u32; forms.len()];
    for &id in &id_of {
        counts[id as usize] += 1;
    }
    let mut at = 0u32;
    for &id in &order {
        start[id as usize] = at;
        at += counts[id as usize];
    }
    let mut out = vec![0u32; toks.len()];
    for (i, &id) in id_of.iter().enumerate() {
        let slot = &mut start[id as usize];
        out[*slot as usize] = i as u32;
        *slot += 1;
    }
    out
}

impl<'k, 'a> Doc<'k, 'a> {
    /// Whether the document has `cue` (see the module documentation).
    pub(super) fn doc_has(&mut self, cue: &str) -> bool {
        if let Some(&known) = self.cues.seen.get(cue) {
            return known;
        }
        if self.cues.by_norm.len() != self.toks.len() {
            self.cues.by_norm = sorted_by_norm(&self.toks);
        }
        let toks = &self.toks;
        let by_norm = &self.cues.by_norm;
        let norm = |i: &u32| toks[*i as usize].norm.as_ref();
        // The tokens written `w`, as a range of `by_norm`.
        let written = |w: &str| {
            let from = by_norm.partition_point(|i| norm(i) < w);
            from..from + by_norm[from..].partition_point(|i| norm(i) == w)
        };
        let found = match cue.rsplit_once(' ') {
            // One word: a token that starts with it.
            None => {
                let at = by_norm.partition_point(|i| norm(i) < cue);
                by_norm.get(at).is_some_and(|i| norm(i).starts_with(cue))
            }
            // Several: every word but the last is a whole token, the `j`th
            // word the token `j` after the start; the match is looked for
            // where the rarest of them is written.
            Some((whole, _)) => {
                let (j, r) = if whole.split(' ').any(str::is_empty) {
                    (0, written(whole.split(' ').next().unwrap_or("")))
                } else {
                    whole
                        .split(' ')
                        .map(written)
                        .enumerate()
                        .min_by_key(|(_, r)| r.len())
                        .unwrap_or((0, 0..0))
                };
                by_norm[r].iter().any(|&i| {
                    (i as usize)
                        .checked_sub(j)
                        .is_some_and(|start| continues_with(toks, start, toks.len(), cue))
                })
            }
        };
        self.cues.seen.insert(cue.into(), found);
        found
    }

    /// The tokens written `text`, in order (the tokens of a document do not
    /// change while the passes run).
    pub(super) fn written_at(&mut self, text: &str) -> Vec<u32> {
        if !self.texts.built {
            for (i, t) in self.toks.iter().enumerate() {
                self.texts
                    .at
                    .entry(t.text.into())
                    .or_default()
                    .push(i as u32);
            }
            self.texts.built = true;
        }
        self.texts.at.get(text).cloned().unwrap_or_default()
    }

    /// Whether `cue` is within 40 tokens of mention `m`.
    pub(super) fn window_has(&self, m: &Mention, cue: &str) -> bool {
        let lo = m.toks.start.saturating_sub(40);
        let hi = (m.toks.end + 40).min(self.toks.len());
        (lo..hi).any(|k| continues_with(&self.toks, k, hi, cue))
    }
}

/// The names of more than one word that resolution has placed in clusters,
/// indexed by each of their words.
#[derive(Debug, Default)]
pub(super) struct LongNames {
    /// (words, cluster, the cluster's label when the name joined it), each
    /// once, in the order they joined.
    names: Vec<(Vec<String>, usize, Label)>,
    /// Word -> the names holding it.
    by_word: HashMap<String, Vec<u32>>,
    /// The names held, to keep each once.
    held: HashSet<(Vec<String>, usize, Label)>,
}

impl LongNames {
    /// Adds a name (a name already held is not added again: lookups ask
    /// only which clusters hold a word, never how often).
    pub(super) fn push(&mut self, words: &[String], cid: usize, label: Label) {
        let key = (words.to_vec(), cid, label);
        if self.held.contains(&key) {
            return;
        }
        let at = self.names.len() as u32;
        let mut distinct: Vec<&String> = words.iter().collect();
        distinct.sort();
        distinct.dedup();
        for w in distinct {
            self.by_word.entry(w.clone()).or_default().push(at);
        }
        self.held.insert(key.clone());
        self.names.push(key);
    }

    /// The names holding `word`, in the order they joined.
    pub(super) fn with_word<'s>(
        &'s self,
        word: &str,
    ) -> impl Iterator<Item = &'s (Vec<String>, usize, Label)> + 's {
        self.by_word
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.names[i as usize])
    }
}

/// A set of spans that answers "does any of them overlap this span?" in
/// logarithmic time.
#[derive(Debug)]
pub(super) struct SpanSet {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// The largest end among the spans up to each position.
    max_end: Vec<usize>,
}

impl SpanSet {
    pub(super) fn new(spans: impl IntoIterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        SpanSet {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Whether a span of the set overlaps `q` (as [`Span::overlaps`]).
    pub(super) fn overlaps(&self, q: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < q.end);
        before_end > 0 && self.max_end[before_end - 1] > q.start
    }
}
