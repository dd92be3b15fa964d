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
use crate::{Entity, Label, Quote, QuoteKind};

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
    /// How the speakers' names are tagged (filled by [`score_names`]).
    pub names: NameScores,
}

/// How the named speakers of the news gold are tagged: whether each gets an
/// entity with the right canonical name, and whether a later bare surname
/// carries the full name.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NameScores {
    /// Distinct named speakers (people and organisations), per document.
    pub speakers: usize,
    /// Of those, with a PERSON or ORG mention whose canonical name equals
    /// one of the speaker's gold names (after folding case and full stops).
    pub canonical_right: usize,
    /// Bare surnames of people with a name of two words or more (not
    /// opening with a title such as `Prince`), written after the full name
    /// (capitalised, a whole word, not inside the full name).
    pub surnames: usize,
    /// Of those, tagged as a mention whose canonical name is the full name.
    pub surnames_linked: usize,
    /// Every miss: `"canonical"` (the speaker has no mention with a gold
    /// name) or `"surname"` (a bare surname carries another name or none).
    pub errors: Vec<QuoteError>,
}

impl NameScores {
    /// Speakers found with the right canonical name, over all named speakers.
    pub fn canonical(&self) -> f64 {
        ratio(self.canonical_right, self.speakers)
    }

    /// Bare surnames carrying the full name, over all such surnames.
    pub fn surname(&self) -> f64 {
        ratio(self.surnames_linked, self.surnames)
    }
}

/// Scores the entity mentions of news articles against the named speakers
/// of their gold (see [`NameScores`]): `(gold, text, entities)`. A speaker
/// with a quote of cue `organisation` counts as an organisation, and only
/// people have surnames.
///
/// ```
/// use dateline_tag::{CueKind, Entity, Label, NewsGoldDocument, NewsGoldQuote, QuoteKind, Span,
///     Split, score_names};
/// let text = "Ana Ruiz spoke. “Hi,” Ruiz said.";
/// let gold = NewsGoldDocument {
///     source: "x".into(), id: "a".into(), split: Split::Dev, chars: 32, ignore: vec![],
///     quotes: vec![NewsGoldQuote { start: 17, end: 20, speaker: Some("Ana Ruiz".into()),
///         also: vec![], kind: QuoteKind::Statement, cue: CueKind::VerbAfter }],
/// };
/// let ent = |a: usize, b: usize| Entity { span: Span::new(a, b), text: text[a..b].into(),
///     label: Label::Person, canonical: "Ana Ruiz".into(), value: None, sense: None };
/// let at = text.find("Ruiz said").unwrap();
/// let s = score_names(&[(gold, text, vec![ent(0, 8), ent(at, at + 4)])]);
/// assert_eq!((s.canonical_right, s.speakers), (1, 1));
/// assert_eq!((s.surnames_linked, s.surnames), (1, 1));
/// ```
pub fn score_names(docs: &[(NewsGoldDocument, &str, Vec<Entity>)]) -> NameScores {
    let mut s = NameScores::default();
    for (g, text, ents) in docs {
        // Distinct speakers with all their gold names, in order of appearance.
        let mut speakers: Vec<(Vec<&str>, bool)> = Vec::new();
        for q in &g.quotes {
            let Some(name) = q.speaker.as_deref() else {
                continue;
            };
            let org = q.cue == CueKind::Organisation;
            match speakers.iter_mut().find(|(names, _)| names.contains(&name)) {
                Some((names, is_org)) => {
                    *is_org |= org;
                    for a in &q.also {
                        if !names.contains(&a.as_str()) {
                            names.push(a);
                        }
                    }
                }
                None => {
                    let mut names = vec![name];
                    names.extend(q.also.iter().map(String::as_str));
                    speakers.push((names, org));
                }
            }
        }
        let err = |what, text: String, expected: &str, found: Option<&str>| QuoteError {
            id: g.id.clone(),
            what,
            text,
            expected: Some(expected.to_string()),
            found: found.map(str::to_string),
        };
        for (names, org) in &speakers {
            s.speakers += 1;
            let golden: Vec<Vec<String>> = names.iter().map(|n| words(n)).collect();
            let named = |e: &Entity| {
                matches!(e.label, Label::Person | Label::Org)
                    && golden.contains(&words(&e.canonical))
            };
            if ents.iter().any(named) {
                s.canonical_right += 1;
            } else {
                s.errors
                    .push(err("canonical", names[0].to_string(), names[0], None));
            }
            if *org {
                continue;
            }
            // The fullest name of two words or more: its last word is the surname.
            let Some(full) = names
                .iter()
                .copied()
                .filter(|n| n.split_whitespace().count() >= 2)
                .max_by_key(|n| n.len())
            else {
                continue;
            };
            // `Prince Andrew`: a title and a given name have no surname.
            let mut parts = full.split_whitespace();
            if parts
                .next()
                .and_then(crate::quote::names::of_title)
                .is_some()
            {
                continue;
            }
            let Some(surname) = parts.last() else {
                continue;
            };
            let Some(first) = text.find(full) else {
                continue;
            };
            let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            let mut from = first + full.len();
            while let Some(i) = text[from..].find(surname) {
                let at = from + i;
                from = at + surname.len();
                let before = text[..at].chars().next_back();
                let after = text[from..].chars().next();
                // A whole word, not the end of another full mention.
                if is_word(before) || is_word(after) || text[..from].ends_with(full) {
                    continue;
                }
                s.surnames += 1;
                let mention = ents
                    .iter()
                    .find(|e| e.span.start <= at && e.span.end >= from);
                let right = mention.is_some_and(|e| {
                    let c = words(&e.canonical);
                    c.len() >= 2 && golden.contains(&c)
                });
                if right {
                    s.surnames_linked += 1;
                } else {
                    let mut lo = at.saturating_sub(30);
                    while !text.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    s.errors.push(err(
                        "surname",
                        text[lo..from].to_string(),
                        full,
                        mention.map(|e| e.canonical.as_str()),
                    ));
                }
            }
        }
    }
    s
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
