//! Scoring extracted quotations against hand-checked gold.
//!
//! Detection is scored twice: with exact spans (the quoted text without
//! marks, byte for byte) and with overlap (a predicted quote sharing at least
//! one byte with a gold quote; each quote matched at most once, largest
//! overlap first). Speaker accuracy is measured on the gold quotes that were
//! found (overlap match): the predicted canonical speaker must equal the
//! gold one, and `None` must equal `None`. Attribution accuracy is the same
//! count divided by all gold quotes, so missed quotes count as errors.

use crate::{Quote, QuoteKind};

/// One gold quotation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GoldQuote {
    /// Byte offset where the quoted text (without marks) starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// The quoted text, `&text[start..end]`.
    pub text: String,
    /// Canonical name of the speaker, `None` when the text does not say.
    pub speaker: Option<String>,
    /// The speech cue as written, when there is one.
    #[serde(default)]
    pub cue: Option<String>,
    /// Statement or phrase.
    pub kind: QuoteKind,
}

/// The gold quotations of one document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GoldDocument {
    /// Document id (the file stem for `.txt` articles).
    pub id: String,
    /// Its quotations in text order.
    pub quotes: Vec<GoldQuote>,
}

/// True positives, false positives and false negatives of one measure:
/// the entity evaluation's counts.
pub use crate::eval::Prf as Counts;

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One disagreement with the gold, for error listings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuoteError {
    /// Document id.
    pub id: String,
    /// What went wrong: `"missed"`, `"spurious"`, `"span"`, `"speaker"`, `"cue"` or `"kind"`.
    pub what: &'static str,
    /// The gold quote's text (or the predicted one for `"spurious"`).
    pub text: String,
    /// The gold value (speaker, kind or span), if any.
    pub expected: Option<String>,
    /// The predicted value, if any.
    pub found: Option<String>,
}

/// Scores of a quotation run against gold.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct QuoteScores {
    /// Detection with exact spans.
    pub exact: Counts,
    /// Detection with overlapping spans.
    pub overlap: Counts,
    /// Gold quotes found (overlap) whose speaker is right.
    pub speaker_correct: usize,
    /// Gold quotes found (overlap).
    pub speaker_total: usize,
    /// Gold quotes found (overlap) whose kind is right.
    pub kind_correct: usize,
    /// Gold quotes found (overlap) whose cue is right (same words, any case;
    /// `None` equals `None`).
    pub cue_correct: usize,
    /// All gold quotes.
    pub gold_total: usize,
    /// Every disagreement.
    pub errors: Vec<QuoteError>,
}

impl QuoteScores {
    /// Speaker accuracy on the gold quotes that were found.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }

    /// Correctly attributed gold quotes over all gold quotes.
    pub fn attribution_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.gold_total)
    }

    /// Kind accuracy on the gold quotes that were found.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_correct, self.speaker_total)
    }

    /// Cue accuracy on the gold quotes that were found.
    pub fn cue_accuracy(&self) -> f64 {
        ratio(self.cue_correct, self.speaker_total)
    }
}

/// Scores predicted quotations (`(document id, quotes)`) against gold.
/// Documents missing from `predicted` count as having no quotes; predicted
/// documents without gold are ignored.
///
/// ```
/// use dateline_tag::{GoldDocument, GoldQuote, QuoteKind, score_quotes};
/// let gold = vec![GoldDocument { id: "a".into(), quotes: vec![GoldQuote {
///     start: 1, end: 3, text: "hi".into(), speaker: None, cue: None, kind: QuoteKind::Statement,
/// }] }];
/// let s = score_quotes(&gold, &[]);
/// assert_eq!(s.overlap.fn_, 1);
/// assert_eq!(s.overlap.recall(), 0.0);
/// ```
pub fn score_quotes(gold: &[GoldDocument], predicted: &[(String, Vec<Quote>)]) -> QuoteScores {
    let mut s = QuoteScores::default();
    for g in gold {
        let pred: &[Quote] = predicted
            .iter()
            .find(|(id, _)| *id == g.id)
            .map_or(&[], |(_, q)| q);
        s.gold_total += g.quotes.len();
        // Exact.
        let exact = g
            .quotes
            .iter()
            .filter(|gq| {
                pred.iter()
                    .any(|p| p.span.start == gq.start && p.span.end == gq.end)
            })
            .count();
        s.exact.tp += exact;
        s.exact.fn_ += g.quotes.len() - exact;
        s.exact.fp += pred.len()
            - pred
                .iter()
                .filter(|p| {
                    g.quotes
                        .iter()
                        .any(|gq| p.span.start == gq.start && p.span.end == gq.end)
                })
                .count();
        // Overlap: one-to-one, largest overlap first.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, gq) in g.quotes.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let lo = gq.start.max(p.span.start);
                let hi = gq.end.min(p.span.end);
                if lo < hi {
                    pairs.push((hi - lo, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut gold_match: Vec<Option<usize>> = vec![None; g.quotes.len()];
        let mut pred_used = vec![false; pred.len()];
        for (_, gi, pi) in pairs {
            if gold_match[gi].is_none() && !pred_used[pi] {
                gold_match[gi] = Some(pi);
                pred_used[pi] = true;
            }
        }
        for (gq, m) in g.quotes.iter().zip(&gold_match) {
            let Some(&pi) = m.as_ref() else {
                s.overlap.fn_ += 1;
                s.errors
                    .push(err(&g.id, "missed", &gq.text, gq.speaker.clone(), None));
                continue;
            };
            let p = &pred[pi];
            s.overlap.tp += 1;
            s.speaker_total += 1;
            if (p.span.start, p.span.end) != (gq.start, gq.end) {
                let show = |a: usize, b: usize| Some(format!("{a}..{b}"));
                s.errors.push(err(
                    &g.id,
                    "span",
                    &gq.text,
                    show(gq.start, gq.end),
                    show(p.span.start, p.span.end),
                ));
            }
            if p.speaker == gq.speaker {
                s.speaker_correct += 1;
            } else {
                s.errors.push(err(
                    &g.id,
                    "speaker",
                    &gq.text,
                    gq.speaker.clone(),
                    p.speaker.clone(),
                ));
            }
            let cue_key = |c: &Option<String>| {
                c.as_deref().map(|c| {
                    c.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
            };
            if cue_key(&p.cue) == cue_key(&gq.cue) {
                s.cue_correct += 1;
            } else {
                s.errors
                    .push(err(&g.id, "cue", &gq.text, gq.cue.clone(), p.cue.clone()));
            }
            if p.kind == gq.kind {
                s.kind_correct += 1;
            } else {
                let k = |k: QuoteKind| Some(k.as_str().to_string());
                s.errors
                    .push(err(&g.id, "kind", &gq.text, k(gq.kind), k(p.kind)));
            }
        }
        for (p, used) in pred.iter().zip(&pred_used) {
            if !used {
                s.overlap.fp += 1;
                s.errors
                    .push(err(&g.id, "spurious", &p.text, None, p.speaker.clone()));
            }
        }
    }
    s
}

fn err(
    id: &str,
    what: &'static str,
    text: &str,
    expected: Option<String>,
    found: Option<String>,
) -> QuoteError {
    QuoteError {
        id: id.to_string(),
        what,
        text: text.to_string(),
        expected,
        found,
    }
}
