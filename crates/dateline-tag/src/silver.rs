//! Silver training data: sentences of unlabelled news tagged by the
//! knowledge base and rules, kept only where the tagging looks complete.
//!
//! The knowledge base and the rules are fairly precise on news but miss
//! names; a sentence in which a missed name stays untagged would teach a
//! model that the name is not one. So a sentence is kept only when every
//! capitalized word that could be a name is inside a tagged mention:
//!
//! - away from a sentence start (and from a quote, colon or bracket
//!   opening), a capitalized word must be inside a mention, be a title
//!   ("President"), a calendar word or "I";
//! - at a sentence start it may also be a word the running text usually
//!   writes in lowercase ([`CaseCounts`]) or a frequent lowercase word;
//! - a person mention must not contain a capitalized word that is usually
//!   lowercase or heads organisation, place, facility or event names
//!   ("London Stock Exchange" tagged as a person drops the sentence).
//!
//! Kept sentences carry IOB2 tags in the coarse label set of the training
//! data (`PER`, `ORG`, `LOC`, `MISC`; see
//! [`coarse_label`]); dates, times and amounts
//! are `O`. [`write_iob2`] writes them in the layout
//! [`read_conll`](crate::eval::read_conll) reads.
//!
//! ```
//! use dateline_tag::silver::{CaseCounts, SilverConfig, sentences};
//! use dateline_tag::{Tagger, parse::Parser};
//!
//! let text = "Officials in Geneva met on Monday. The talks were long.\n\n\
//!     Angela Merkel spoke to reporters in Berlin on Tuesday.\n";
//! let doc = Parser::new().parse("a", text)?;
//! let entities = Tagger::new().with_model(false).entities(&doc);
//! let mut case = CaseCounts::new();
//! case.add_document(&doc);
//! let kept = sentences(&doc, &entities, &case, &SilverConfig::default());
//! let tagged: Vec<(&str, &str)> = kept
//!     .iter()
//!     .flat_map(|s| s.tokens.iter().zip(&s.tags))
//!     .map(|(t, g)| (t.as_str(), g.as_str()))
//!     .filter(|(_, g)| *g != "O")
//!     .collect();
//! assert!(tagged.contains(&("Merkel", "I-PER")));
//! assert!(tagged.contains(&("Berlin", "B-LOC")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::eval::coarse_label;
use crate::lexicon::Lexicon;
use crate::{BlockKind, Document, Entity, Label, Token, TokenKind, Tokenizer};

/// Which sentences are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SilverConfig {
    /// Shorter sentences (in tokens) are left out.
    pub min_tokens: usize,
    /// Longer sentences (in tokens) are left out.
    pub max_tokens: usize,
    /// Sentences with fewer name mentions (PER, ORG, LOC, MISC) are left out.
    pub min_entities: usize,
    /// Also accept, away from a sentence start, a capitalized word that the
    /// running text usually writes in lowercase.
    pub lenient: bool,
}

impl Default for SilverConfig {
    fn default() -> Self {
        SilverConfig {
            min_tokens: 6,
            max_tokens: 60,
            min_entities: 1,
            lenient: false,
        }
    }
}

impl SilverConfig {
    /// Sets the shortest kept sentence.
    pub fn min_tokens(mut self, n: usize) -> SilverConfig {
        self.min_tokens = n;
        self
    }
    /// Sets the longest kept sentence.
    pub fn max_tokens(mut self, n: usize) -> SilverConfig {
        self.max_tokens = n;
        self
    }
    /// Sets the least number of name mentions of a kept sentence.
    pub fn min_entities(mut self, n: usize) -> SilverConfig {
        self.min_entities = n;
        self
    }
    /// Sets whether usually-lowercase words are accepted everywhere.
    pub fn lenient(mut self, on: bool) -> SilverConfig {
        self.lenient = on;
        self
    }
}

/// How often running text writes each word capitalized and in lowercase
/// away from a sentence start (by normalized form).
#[derive(Debug, Clone, Default)]
pub struct CaseCounts {
    counts: HashMap<String, (u32, u32)>,
}

impl CaseCounts {
    /// No counts yet.
    pub fn new() -> CaseCounts {
        CaseCounts::default()
    }

    /// Counts the words of a document's paragraphs.
    pub fn add_document(&mut self, doc: &Document) {
        let analysis = Tokenizer::new().analyze(doc);
        for (s, tokens) in analysis.iter() {
            if !is_body(doc, s.block) {
                continue;
            }
            for (i, t) in tokens.iter().enumerate() {
                if t.kind != TokenKind::Word || opens(tokens, i) {
                    continue;
                }
                let Some(c) = t.text.chars().next() else {
                    continue;
                };
                let e = self.counts.entry(t.norm.to_string()).or_default();
                if c.is_uppercase() {
                    e.0 = e.0.saturating_add(1);
                } else if c.is_lowercase() {
                    e.1 = e.1.saturating_add(1);
                }
            }
        }
    }

    /// (capitalized, lowercase) counts of a normalized word.
    pub fn get(&self, norm: &str) -> (u32, u32) {
        self.counts.get(norm).copied().unwrap_or((0, 0))
    }

    /// Whether the word is seen in lowercase at least twice and more often
    /// than capitalized.
    pub fn usually_lowercase(&self, norm: &str) -> bool {
        let (cap, low) = self.get(norm);
        low >= 2 && low > cap
    }

    /// Number of distinct words counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// One kept sentence: tokens (as the tokenize layer splits them) and their
/// IOB2 tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilverSentence {
    /// The tokens' surface forms.
    pub tokens: Vec<String>,
    /// One tag per token: `O`, `B-PER`, `I-ORG`, ...
    pub tags: Vec<String>,
    /// The sentence as it is written in the article.
    pub text: String,
}

/// Whether sentence `s`'s block is a body paragraph.
fn is_body(doc: &Document, block: usize) -> bool {
    doc.blocks
        .get(block)
        .is_some_and(|b| b.kind == BlockKind::Paragraph)
}

/// Whether token `i` opens its sentence or follows a quote, colon, dash or
/// opening bracket (where any word may be capitalized).
fn opens(tokens: &[Token<'_>], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        let p = &tokens[j - 1];
        if p.kind != TokenKind::Punct {
            return false;
        }
        if matches!(
            p.norm.as_ref(),
            "\"" | "'" | ":" | "(" | "[" | "-" | "--" | "\u{2013}" | "\u{2014}" | "..." | ";"
        ) {
            return true;
        }
        j -= 1;
    }
    true
}

/// Whether a token is written like a name word (capital first letter).
fn capitalized(t: &Token<'_>) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation)
        && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the capitalized words of a person mention all look like name
/// words: none is a word the running text usually writes in lowercase
/// ("Stock Exchange", "Express") or a head word of organisations, places,
/// facilities or events.
fn person_like(tokens: &[Token<'_>], e: &Entity, case: &CaseCounts, lex: &Lexicon) -> bool {
    tokens
        .iter()
        .filter(|t| t.span.start < e.span.end && e.span.start < t.span.end && capitalized(t))
        .all(|t| {
            let n = t.norm.as_ref();
            !(case.usually_lowercase(n)
                || lex.titles.contains(n)
                || lex.org_suffixes.contains(n)
                || lex.org_heads.contains(n)
                || lex.loc_suffixes.contains(n)
                || lex.fac_suffixes.contains(n)
                || lex.event_suffixes.contains(n)
                || lex.misc_suffixes.contains(n))
        })
}

/// The kept sentences of a document's paragraphs, given the document's
/// entities (from [`Tagger::entities`](crate::Tagger::entities), usually
/// with the model off) and case counts of running text.
pub fn sentences(
    doc: &Document,
    entities: &[Entity],
    case: &CaseCounts,
    config: &SilverConfig,
) -> Vec<SilverSentence> {
    let lex = Lexicon::get();
    let analysis = Tokenizer::new().analyze(doc);
    let mut out = Vec::new();
    for (s, tokens) in analysis.iter() {
        if !is_body(doc, s.block) || tokens.len() < config.min_tokens {
            continue;
        }
        if tokens.len() > config.max_tokens {
            continue;
        }
        let first = entities.partition_point(|e| e.span.end <= s.span.start);
        let here: Vec<&Entity> = entities[first..]
            .iter()
            .take_while(|e| e.span.start < s.span.end)
            .collect();
        // A mention reaching outside the sentence: skip the sentence.
        if here
            .iter()
            .any(|e| e.span.start < s.span.start || e.span.end > s.span.end)
        {
            continue;
        }
        let mut tags = vec![String::from("O"); tokens.len()];
        let mut covered = vec![false; tokens.len()];
        let mut names = 0;
        for e in &here {
            let label = coarse_label(e.label);
            let mut begun = false;
            for (k, t) in tokens.iter().enumerate() {
                if t.span.start < e.span.end && e.span.start < t.span.end {
                    covered[k] = true;
                    if let Some(l) = label {
                        let prefix = if begun { "I" } else { "B" };
                        tags[k] = format!("{prefix}-{l}");
                        begun = true;
                    }
                }
            }
            if label.is_some() && begun {
                names += 1;
            }
        }
        if names < config.min_entities {
            continue;
        }
        if here
            .iter()
            .any(|e| e.label == Label::Person && !person_like(tokens, e, case, lex))
        {
            continue;
        }
        let complete = tokens.iter().enumerate().all(|(i, t)| {
            if covered[i] || !capitalized(t) {
                return true;
            }
            let norm = t.norm.as_ref();
            if norm == "i" || lex.titles.contains(norm) || lex.temporal_words.contains(norm) {
                return true;
            }
            if opens(tokens, i) || config.lenient {
                return case.usually_lowercase(norm) || lex.common.contains(norm);
            }
            false
        });
        if !complete {
            continue;
        }
        out.push(SilverSentence {
            tokens: tokens.iter().map(|t| t.text.to_string()).collect(),
            tags,
            text: doc.text.get(s.span.range()).unwrap_or_default().to_string(),
        });
    }
    out
}

/// Appends a document's sentences to `out` in the IOB2 layout of the
/// training data: a `# newdoc id` line, then per sentence `# sent_id`,
/// `# text` and `index<TAB>token<TAB>tag` lines and a blank line.
/// Line breaks and tabs inside the sentence text become spaces.
pub fn write_iob2(out: &mut String, doc_id: &str, sentences: &[SilverSentence]) {
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let _ = writeln!(out, "# newdoc id = {}", clean(doc_id));
    for (n, s) in sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}-{}", clean(doc_id), n + 1);
        let _ = writeln!(out, "# text = {}", clean(&s.text));
        for (i, (t, g)) in s.tokens.iter().zip(&s.tags).enumerate() {
            let _ = writeln!(out, "{}\t{}\t{g}", i + 1, clean(t));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::eval::read_conll;
    use crate::{Span, parse::Parser};

    fn entity(text: &str, surface: &str, label: Label) -> Entity {
        let start = text.find(surface).unwrap();
        Entity {
            span: Span::new(start, start + surface.len()),
            text: surface.to_string(),
            label,
            canonical: surface.to_string(),
            value: None,
            sense: None,
        }
    }

    fn run(text: &str, ents: &[(&str, Label)], config: &SilverConfig) -> Vec<SilverSentence> {
        let doc = Parser::new().parse("t", text).unwrap().into_plain();
        let mut e: Vec<Entity> = ents.iter().map(|(s, l)| entity(text, s, *l)).collect();
        e.sort_by_key(|e| e.span.start);
        let mut case = CaseCounts::new();
        case.add_document(&doc);
        sentences(&doc, &e, &case, config)
    }

    #[test]
    fn complete_sentences_get_iob2_tags() {
        let text = "Officials said John Smith visited the United Nations in Geneva on Monday.";
        let out = run(
            text,
            &[
                ("John Smith", Label::Person),
                ("United Nations", Label::Org),
                ("Geneva", Label::Gpe),
                ("Monday", Label::Date),
            ],
            &SilverConfig::default(),
        );
        assert_eq!(out.len(), 1);
        let tags: Vec<&str> = out[0].tags.iter().map(String::as_str).collect();
        assert_eq!(
            tags,
            [
                "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O", "O"
            ]
        );
    }

    #[test]
    fn a_capitalized_word_outside_every_mention_drops_the_sentence() {
        let text = "Officials said John Smith visited Acme Widgets in Geneva.";
        let ents = [("John Smith", Label::Person), ("Geneva", Label::Gpe)];
        assert!(run(text, &ents, &SilverConfig::default()).is_empty());
        // With the missing name tagged, the sentence is kept.
        let more = [
            ("John Smith", Label::Person),
            ("Acme Widgets", Label::Org),
            ("Geneva", Label::Gpe),
        ];
        assert_eq!(run(text, &more, &SilverConfig::default()).len(), 1);
    }

    #[test]
    fn a_capitalized_sentence_start_must_be_a_usual_lowercase_word() {
        let cfg = SilverConfig::default();
        // "Officials" is a frequent lowercase word.
        let ok = "Officials met in Geneva on Monday and in Bern.";
        assert_eq!(
            run(ok, &[("Geneva", Label::Gpe), ("Bern", Label::Gpe)], &cfg).len(),
            1
        );
        // "Zorblat" is not: it may be a name the rules missed.
        let bad = "Zorblat met officials in Geneva on Monday.";
        assert!(run(bad, &[("Geneva", Label::Gpe)], &cfg).is_empty());
    }

    #[test]
    fn sentences_without_names_or_out_of_bounds_are_left_out() {
        let cfg = SilverConfig::default();
        assert!(run("It was a long and cold day for everyone there.", &[], &cfg).is_empty());
        assert!(run("Geneva won.", &[("Geneva", Label::Gpe)], &cfg).is_empty());
        let zero = cfg.clone().min_entities(0);
        assert_eq!(
            run("It was a long and cold day for everyone there.", &[], &zero).len(),
            1
        );
    }

    #[test]
    fn a_person_mention_made_of_head_words_drops_the_sentence() {
        // The second sentence shows "stock" and "exchange" usually lowercase.
        let text = "Officials said shares fell on the London Stock Exchange and in Paris. \
            The stock and the exchange fell, and stock and exchange traders left.";
        let ents = [
            ("London Stock Exchange", Label::Person),
            ("Paris", Label::Gpe),
        ];
        assert!(run(text, &ents, &SilverConfig::default()).is_empty());
        let org = [("London Stock Exchange", Label::Org), ("Paris", Label::Gpe)];
        let kept = run(text, &org, &SilverConfig::default());
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].tags[6], "B-ORG");
    }

    #[test]
    fn written_sentences_read_back() {
        let text = "Officials said John Smith visited Geneva\ton Monday.";
        let out = run(
            text,
            &[("John Smith", Label::Person), ("Geneva", Label::Gpe)],
            &SilverConfig::default(),
        );
        let mut file = String::new();
        write_iob2(&mut file, "doc\t1", &out);
        write_iob2(&mut file, "doc2", &out);
        assert!(file.starts_with("# newdoc id = doc 1\n"));
        let read = read_conll(&file).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].tokens, out[0].tokens);
        assert_eq!(read[1].doc, 1);
        assert_eq!(read[0].doc_id, "doc 1");
        assert_eq!(
            read[0].entities,
            vec![(2..4, "PER".to_string()), (5..6, "LOC".to_string())]
        );
    }
}
