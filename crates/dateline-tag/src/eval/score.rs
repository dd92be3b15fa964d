//! Scoring: precision, recall and F1 per label, and the seeds' article
//! scores (mentions, canonical entities, date values).

use super::*;

/// Precision, recall and F1 counts for one label (or overall).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Prf {
    /// Correct predictions.
    pub tp: usize,
    /// Wrong predictions.
    pub fp: usize,
    /// Missed gold items.
    pub fn_: usize,
}

impl Prf {
    /// Precision (0 when nothing was predicted, as in `conlleval`).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Number of gold items.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }
    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Exact-match span counts per label, summed over sentences or documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanCounts {
    /// Counts per label.
    pub per_label: BTreeMap<String, Prf>,
}

impl SpanCounts {
    /// Empty counts.
    pub fn new() -> SpanCounts {
        SpanCounts::default()
    }

    /// Adds one unit (sentence or document): an item is correct when its
    /// range and label both equal a gold item's. Duplicates count once.
    pub fn add<T: Ord + Clone>(&mut self, gold: &[(T, String)], pred: &[(T, String)]) {
        let g: BTreeSet<(T, String)> = gold.iter().cloned().collect();
        let p: BTreeSet<(T, String)> = pred.iter().cloned().collect();
        for item in &p {
            let e = self.per_label.entry(item.1.clone()).or_default();
            if g.contains(item) {
                e.tp += 1
            } else {
                e.fp += 1
            }
        }
        for item in g.difference(&p) {
            self.per_label.entry(item.1.clone()).or_default().fn_ += 1;
        }
    }

    /// Adds token-range items (a convenience for CoNLL sentences).
    pub fn add_ranges(&mut self, gold: &[(Range<usize>, String)], pred: &[(Range<usize>, String)]) {
        let key = |v: &[(Range<usize>, String)]| -> Vec<((usize, usize), String)> {
            v.iter()
                .map(|(r, l)| ((r.start, r.end), l.clone()))
                .collect()
        };
        self.add(&key(gold), &key(pred));
    }

    /// Micro-averaged counts over all labels.
    pub fn overall(&self) -> Prf {
        let mut all = Prf::default();
        for c in self.per_label.values() {
            all.add(c);
        }
        all
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: &SpanCounts) {
        for (l, c) in &other.per_label {
            self.per_label.entry(l.clone()).or_default().add(c);
        }
    }
}

/// The seeds' gold file: gold mentions per article file.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SeedsGold {
    /// The labels the gold annotates (others, such as PERCENT, are not
    /// annotated and predictions of them are not scored).
    #[serde(default)]
    pub types: Vec<String>,
    /// Gold per file name.
    pub files: BTreeMap<String, SeedsFile>,
}

/// Gold of one article.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SeedsFile {
    /// The mentions in text order.
    pub entities: Vec<GoldMention>,
    /// Boilerplate regions as code-point offsets `[start, end)`.
    #[serde(default)]
    pub boilerplate_regions: Vec<(usize, usize)>,
}

/// One gold mention of an article.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct GoldMention {
    /// First byte.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// Surface text.
    pub text: String,
    /// Label (`PERSON`, `ORG`, `GPE`, …).
    #[serde(rename = "type")]
    pub label: String,
    /// Canonical name of the entity.
    pub canonical: String,
    /// True inside photo credits, teasers and footers.
    #[serde(default)]
    pub boilerplate: bool,
    /// Normalized value (dates).
    #[serde(default)]
    pub value: Option<String>,
}

/// Counts of one or more scored articles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleCounts {
    /// Mentions: exact byte span and label.
    pub mentions: SpanCounts,
    /// Distinct `(canonical, label)` entities per document: gold total.
    pub entities_gold: usize,
    /// … of which found.
    pub entities_found: usize,
    /// Gold entities not found, as `(canonical, label)`.
    pub entities_missed: Vec<(String, String)>,
    /// Mentions whose span matched a gold mention (canonical accuracy base).
    pub span_matched: usize,
    /// … of which have the gold canonical name.
    pub canonical_right: usize,
    /// Span-matched DATE mentions with a gold value.
    pub dates_with_value: usize,
    /// … of which have the gold value.
    pub dates_right: usize,
}

impl ArticleCounts {
    /// Canonical-entity recall: the fraction of gold `(canonical, label)`
    /// pairs per document that were found.
    pub fn entity_recall(&self) -> f64 {
        ratio(self.entities_found, self.entities_gold)
    }
    /// Canonical accuracy: of mentions whose span matched a gold mention,
    /// the fraction carrying the gold canonical name.
    pub fn canonical_accuracy(&self) -> f64 {
        ratio(self.canonical_right, self.span_matched)
    }
    /// DATE value accuracy over span-matched dates with a gold value.
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.dates_right, self.dates_with_value)
    }
    /// Adds another article's counts.
    pub fn merge(&mut self, o: &ArticleCounts) {
        self.mentions.merge(&o.mentions);
        self.entities_gold += o.entities_gold;
        self.entities_found += o.entities_found;
        self.entities_missed
            .extend(o.entities_missed.iter().cloned());
        self.span_matched += o.span_matched;
        self.canonical_right += o.canonical_right;
        self.dates_with_value += o.dates_with_value;
        self.dates_right += o.dates_right;
    }
}

/// Labels whose mentions carry a value rather than a canonical entity.
fn is_value_label(label: &str) -> bool {
    matches!(label, "DATE" | "TIME" | "MONEY" | "PERCENT")
}

/// Case- and diacritic-insensitive key of a canonical name.
fn canon_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Converts a code-point offset of `text` to a byte offset (clamped to the end).
pub fn char_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Scores one article's predicted entities against its gold.
///
/// - mentions: exact byte span and label (boilerplate excluded, see the
///   module docs);
/// - canonical-entity recall: a gold `(canonical, label)` pair is found when a
///   prediction has the same label and the same canonical name (compared
///   case- and diacritic-insensitively); for value labels (DATE, MONEY, …)
///   when a prediction matches one of its mentions' span and label;
/// - canonical accuracy: over predictions whose span equals a gold mention's
///   (any label, value labels excluded), the fraction with the gold canonical;
/// - date accuracy: over span-matched DATE predictions whose gold has a
///   concrete value (not `REF`), the fraction with the same value.
pub fn score_article(text: &str, gold: &SeedsFile, pred: &[Entity]) -> ArticleCounts {
    let regions: Vec<Span> = gold
        .boilerplate_regions
        .iter()
        .map(|&(a, b)| Span::new(char_to_byte(text, a), char_to_byte(text, b)))
        .chain(
            gold.entities
                .iter()
                .filter(|m| m.boilerplate)
                .map(|m| Span::new(m.byte_start, m.byte_end)),
        )
        .collect();
    let overlaps = |s: Span| regions.iter().any(|r| r.start < s.end && s.start < r.end);
    let gold_m: Vec<&GoldMention> = gold.entities.iter().filter(|m| !m.boilerplate).collect();
    let pred_m: Vec<&Entity> = pred.iter().filter(|e| !overlaps(e.span)).collect();

    let mut c = ArticleCounts::default();
    let g: Vec<((usize, usize), String)> = gold_m
        .iter()
        .map(|m| ((m.byte_start, m.byte_end), m.label.clone()))
        .collect();
    let p: Vec<((usize, usize), String)> = pred_m
        .iter()
        .map(|e| ((e.span.start, e.span.end), e.label.as_str().to_string()))
        .collect();
    c.mentions.add(&g, &p);

    // Canonical entities per document.
    let mut gold_ents: BTreeMap<(String, String), Vec<&GoldMention>> = BTreeMap::new();
    for m in &gold_m {
        gold_ents
            .entry((canon_key(&m.canonical), m.label.clone()))
            .or_default()
            .push(m);
    }
    let pred_keys: BTreeSet<(String, String)> = pred_m
        .iter()
        .map(|e| (canon_key(&e.canonical), e.label.as_str().to_string()))
        .collect();
    let pred_spans: BTreeSet<((usize, usize), String)> = p.iter().cloned().collect();
    for ((key, label), mentions) in &gold_ents {
        c.entities_gold += 1;
        let found = if is_value_label(label) {
            mentions
                .iter()
                .any(|m| pred_spans.contains(&((m.byte_start, m.byte_end), label.clone())))
        } else {
            pred_keys.contains(&(key.clone(), label.clone()))
        };
        if found {
            c.entities_found += 1;
        } else {
            let name = mentions
                .first()
                .map(|m| m.canonical.clone())
                .unwrap_or_default();
            c.entities_missed.push((name, label.clone()));
        }
    }

    // Canonical and date accuracy over span-matched mentions.
    for e in &pred_m {
        let Some(gm) = gold_m
            .iter()
            .find(|m| m.byte_start == e.span.start && m.byte_end == e.span.end)
        else {
            continue;
        };
        if is_value_label(&gm.label) {
            if let Some(v) = gm
                .value
                .as_deref()
                .filter(|v| *v != "REF" && gm.label == "DATE" && e.label == Label::Date)
            {
                c.dates_with_value += 1;
                if e.value.as_deref() == Some(v) {
                    c.dates_right += 1;
                }
            }
            continue;
        }
        c.span_matched += 1;
        if canon_key(&e.canonical) == canon_key(&gm.canonical) {
            c.canonical_right += 1;
        }
    }
    c
}
