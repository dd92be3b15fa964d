//! Scoring quotations against the hand-annotated news gold
//! (`eval-data/quotes_news_gold.json`): real articles of many outlets whose
//! texts live in the data directory, not in the project.
//!
//! The gold stores character offsets (the texts are read from elsewhere, and
//! characters are what any reader of them counts); [`score_news`] turns them
//! into byte offsets of the text it is given. Detection is matched one to
//! one by overlap, largest first, as in [`crate::score_quotes`]. A predicted
//! quote overlapping a gold `ignore` span (a title, a slogan, a scare quote)
//! counts neither for nor against precision. A speaker is right when the
//! predicted name and one of the gold names are the same person: equal
//! after folding case, typographic apostrophes and full stops, or one's
//! words all within the other's with the same last word ("Trump" and
//! "Donald Trump", "Rep. David McKinley" and "David McKinley"). `None` is
//! right only for a quote whose speaker the article does not give.

use std::collections::BTreeMap;

use crate::quote::eval::{Counts, QuoteError};
use crate::{Quote, QuoteKind};

/// Which half of the news gold a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Split {
    /// Development documents, read while the rules were written.
    Dev,
    /// Held-out documents, never used to tune the rules.
    Test,
}

impl Split {
    /// `"dev"` or `"test"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// How a gold quotation is attributed in its article.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CueKind {
    /// The speech verb follows the quote (`“…,” said Ana Ruiz`).
    VerbAfter,
    /// The speech verb comes first (`Ruiz said that “…”`).
    VerbBefore,
    /// A colon introduces the quote (`Ruiz said: “…”`).
    Colon,
    /// A dash or caption names the speaker after the quote.
    Dash,
    /// The speaker is named by a pronoun (`“…,” she said`).
    Pronoun,
    /// The speaker is an organisation (`the ministry said`).
    Organisation,
    /// The speaker heads the quote on a line or label of their own.
    Header,
    /// No cue of its own: it continues the quote or paragraph before.
    Continuation,
    /// The article does not say who.
    None,
}

impl CueKind {
    /// The kebab-case name used in the gold file and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::VerbAfter => "verb-after",
            CueKind::VerbBefore => "verb-before",
            CueKind::Colon => "colon",
            CueKind::Dash => "dash",
            CueKind::Pronoun => "pronoun",
            CueKind::Organisation => "organisation",
            CueKind::Header => "header",
            CueKind::Continuation => "continuation",
            CueKind::None => "none",
        }
    }
}

/// One gold quotation of a news article (character offsets).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewsGoldQuote {
    /// Character offset where the quoted words (without marks) start.
    pub start: usize,
    /// Character offset where they end (exclusive).
    pub end: usize,
    /// The speaker as the article names them at their fullest.
    pub speaker: Option<String>,
    /// Other acceptable names of the same speaker.
    #[serde(default)]
    pub also: Vec<String>,
    /// Statement or phrase.
    pub kind: QuoteKind,
    /// How the article attributes it.
    pub cue: CueKind,
}

/// The gold quotations of one news article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewsGoldDocument {
    /// Where the text is: `"scrapinghub"` or `"wikinews-2019-2021"`.
    pub source: String,
    /// The article's id in its source.
    pub id: String,
    /// Development or held-out test.
    pub split: Split,
    /// Length of the article text in characters (a check that the text read
    /// is the one annotated).
    pub chars: usize,
    /// Quoted spans that are not quotations (character offsets).
    #[serde(default)]
    pub ignore: Vec<[usize; 2]>,
    /// The quotations, in text order.
    pub quotes: Vec<NewsGoldQuote>,
}

/// The news gold file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewsGold {
    /// What the file holds and how it was annotated.
    pub description: String,
    /// How the documents were split into dev and test.
    pub split: String,
    /// The annotated articles.
    pub documents: Vec<NewsGoldDocument>,
}

/// Counts of one kind of cue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct CueCounts {
    /// Gold quotes of this kind.
    pub total: usize,
    /// Of those, found (overlap).
    pub found: usize,
    /// Of those, found with the right speaker.
    pub speaker_right: usize,
}

/// Scores of a quotation run against the news gold.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NewsScores {
    /// Documents scored.
    pub documents: usize,
    /// Detection by overlap over all gold quotes (ignored spans excluded).
    pub overlap: Counts,
    /// Gold quotes whose article names the speaker.
    pub with_speaker: usize,
    /// Of those, found.
    pub found_with_speaker: usize,
    /// Gold quotes found with the right speaker (`None` included).
    pub speaker_right: usize,
    /// Gold quotes found with a speaker name equal to a gold one (after
    /// folding case and punctuation).
    pub name_exact: usize,
    /// Predicted quotes on an ignored span.
    pub ignored: usize,
    /// Counts per kind of cue.
    pub per_cue: BTreeMap<CueKind, CueCounts>,
    /// Every disagreement.
    pub errors: Vec<QuoteError>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl NewsScores {
    /// Found quotes over the gold quotes that have a speaker.
    pub fn found(&self) -> f64 {
        ratio(self.found_with_speaker, self.with_speaker)
    }

    /// Found quotes over all predicted quotes not on an ignored span.
    pub fn precision(&self) -> f64 {
        self.overlap.precision()
    }

    /// Right speakers over all gold quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.overlap.tp + self.overlap.fn_)
    }
}

/// Folds a name for comparison: lowercase words without full stops,
/// typographic apostrophes as `'`, a possessive `'s` dropped.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.chars()
                .filter(|&c| c != '.')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether two names are the same person by the rule in the module docs;
/// the second result says whether they are equal after folding.
fn same_speaker(found: &str, gold: &str) -> (bool, bool) {
    let (f, g) = (words(found), words(gold));
    if f.is_empty() || g.is_empty() {
        return (false, false);
    }
    if f == g {
        return (true, true);
    }
    let (short, long) = if f.len() <= g.len() {
        (&f, &g)
    } else {
        (&g, &f)
    };
    let same = short.last() == long.last() && short.iter().all(|w| long.contains(w));
    (same, false)
}

/// Byte offset of each character offset `0..=chars` of `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Scores the predicted quotes of news articles: `(gold, text, quotes)`,
/// with the gold's character offsets read against `text`. A gold offset
/// past the end of the text is an error naming the document.
///
/// ```
/// use dateline_tag::{CueKind, NewsGoldDocument, NewsGoldQuote, QuoteKind, Split, score_news};
/// let gold = NewsGoldDocument {
///     source: "x".into(), id: "a".into(), split: Split::Dev, chars: 22, ignore: vec![],
///     quotes: vec![NewsGoldQuote { start: 1, end: 4, speaker: Some("Ana Ruiz".into()),
///         also: vec![], kind: QuoteKind::Statement, cue: CueKind::VerbAfter }],
/// };
/// let s = score_news(&[(gold, "“Hi,” said Ana Ruiz.", vec![])]).unwrap();
/// assert_eq!(s.with_speaker, 1);
/// assert_eq!(s.found(), 0.0);
/// ```
pub fn score_news(docs: &[(NewsGoldDocument, &str, Vec<Quote>)]) -> Result<NewsScores, String> {
    let mut s = NewsScores::default();
    for (g, text, pred) in docs {
        s.documents += 1;
        let at = char_to_byte(text);
        let byte = |c: usize| {
            at.get(c)
                .copied()
                .ok_or_else(|| format!("{}: character offset {c} past the end", g.id))
        };
        let mut gold = Vec::with_capacity(g.quotes.len());
        for q in &g.quotes {
            gold.push((byte(q.start)?, byte(q.end)?, q));
        }
        let mut ignore = Vec::with_capacity(g.ignore.len());
        for [a, b] in &g.ignore {
            ignore.push((byte(*a)?, byte(*b)?));
        }
        score_doc(&mut s, &g.id, text, &gold, &ignore, pred);
    }
    Ok(s)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn score_doc(
    s: &mut NewsScores,
    id: &str,
    text: &str,
    gold: &[(usize, usize, &NewsGoldQuote)],
    ignore: &[(usize, usize)],
    pred: &[Quote],
) {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, &(a, b, _)) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let o = overlap((a, b), (p.span.start, p.span.end));
            if o > 0 {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_match: Vec<Option<usize>> = vec![None; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    for (_, gi, pi) in pairs {
        if gold_match[gi].is_none() && !pred_used[pi] {
            gold_match[gi] = Some(pi);
            pred_used[pi] = true;
        }
    }
    let err = |what, text: &str, expected: Option<String>, found: Option<String>| QuoteError {
        id: id.to_string(),
        what,
        text: text.to_string(),
        expected,
        found,
    };
    for (&(a, b, q), m) in gold.iter().zip(&gold_match) {
        let cue = s.per_cue.entry(q.cue).or_default();
        cue.total += 1;
        let quoted = text.get(a..b).unwrap_or("");
        if q.speaker.is_some() {
            s.with_speaker += 1;
        }
        let Some(&pi) = m.as_ref() else {
            s.overlap.fn_ += 1;
            s.errors
                .push(err("missed", quoted, q.speaker.clone(), None));
            continue;
        };
        s.overlap.tp += 1;
        cue.found += 1;
        if q.speaker.is_some() {
            s.found_with_speaker += 1;
        }
        let found = pred[pi].speaker.as_deref();
        let (right, exact) = match (&q.speaker, found) {
            (None, None) => (true, true),
            (Some(gs), Some(f)) => std::iter::once(gs)
                .chain(&q.also)
                .map(|g| same_speaker(f, g))
                .fold((false, false), |acc, r| (acc.0 || r.0, acc.1 || r.1)),
            _ => (false, false),
        };
        if right {
            s.speaker_right += 1;
            cue.speaker_right += 1;
        } else {
            s.errors.push(err(
                "speaker",
                quoted,
                q.speaker.clone(),
                found.map(str::to_string),
            ));
        }
        if exact {
            s.name_exact += 1;
        }
    }
    for (p, used) in pred.iter().zip(&pred_used) {
        if *used {
            continue;
        }
        let span = (p.span.start, p.span.end);
        if ignore.iter().any(|&i| overlap(i, span) > 0) {
            s.ignored += 1;
        } else {
            s.overlap.fp += 1;
            s.errors
                .push(err("spurious", &p.text, None, p.speaker.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_person_by_words() {
        assert_eq!(same_speaker("Donald Trump", "Trump"), (true, false));
        assert_eq!(
            same_speaker("Rep. David McKinley", "David McKinley"),
            (true, false)
        );
        assert_eq!(
            same_speaker("People's Daily", "People’s Daily"),
            (true, true)
        );
        assert_eq!(same_speaker("Spain", "Ana Ruiz"), (false, false));
        assert!(!same_speaker("Kotak Securities", "Kotak Institutional Equities").0);
    }
}
