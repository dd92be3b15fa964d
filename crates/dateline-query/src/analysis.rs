//! Text analysis shared by indexing and querying: the tokenize layer's
//! normalized, stemmed terms, and normalized entity names.
//!
//! Indexing and querying must analyze text identically or terms would not
//! meet; both go through [`Analyzer`]. Punctuation tokens are not indexed.
//! Entity names are compared by their normalized (lowercased, folded) words
//! joined by single spaces, without stemming, so `Donald Trump`,
//! `DONALD TRUMP` and `Donald  trump` are one name.

use crate::tag::{TokenKind, Tokenizer};
use crate::{Document, Span};

/// Whether tokens of this kind become index terms: everything but
/// punctuation, stand-alone symbols and currency signs, and split-off
/// clitics (`'s`).
fn indexed(kind: TokenKind) -> bool {
    !matches!(
        kind,
        TokenKind::Punct | TokenKind::Symbol | TokenKind::Currency | TokenKind::Clitic
    )
}

/// Turns text into index terms.
#[derive(Debug, Clone)]
pub struct Analyzer {
    tokenizer: Tokenizer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// The terms of a document's searchable text fields, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentTerms {
    /// Terms of the headline.
    pub title: Vec<String>,
    /// Terms of the body (content blocks other than the headline, in order).
    pub body: Vec<String>,
}

/// Separates the terms of [`Terms::joined`]: the unit separator, which an
/// indexed term does not hold (a term that does is still kept exactly:
/// see [`Terms::joined`]).
pub(crate) const TERM_SEP: char = '\u{1f}';

/// A field's terms in order, held in one string (the terms separated by
/// [`TERM_SEP`]) and their ends: a few bytes a term rather than a `String`
/// each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Terms {
    joined: String,
    /// End of each term in `joined`.
    ends: Vec<usize>,
    /// Some term holds [`TERM_SEP`], so `joined` cannot be split on it.
    inseparable: bool,
}

impl Terms {
    /// Appends a term.
    pub(crate) fn push(&mut self, term: &str) {
        if !self.ends.is_empty() {
            self.joined.push(TERM_SEP);
        }
        self.joined.push_str(term);
        self.ends.push(self.joined.len());
        self.inseparable |= term.contains(TERM_SEP);
    }

    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The terms in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.ends.iter().enumerate().map(|(i, &end)| {
            let start = match i {
                0 => 0,
                _ => self.ends[i - 1] + TERM_SEP.len_utf8(),
            };
            &self.joined[start..end]
        })
    }

    /// The terms separated by [`TERM_SEP`], unless a term holds it (then
    /// `None`: split, they would not be the same terms).
    pub(crate) fn joined(&self) -> Option<&str> {
        (!self.inseparable).then_some(self.joined.as_str())
    }
}

impl Analyzer {
    /// The analyzer of the index: tokenize-layer normalization and stems.
    pub fn new() -> Analyzer {
        Analyzer {
            tokenizer: Tokenizer::new().with_stems(true),
        }
    }

    /// Calls `f(term, span)` for each indexed term of `text` (spans relative to `text`).
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str, Span)) {
        for t in self.tokenizer.iter(text) {
            if !indexed(t.kind) {
                continue;
            }
            let term: &str = t.stem.as_deref().unwrap_or(&t.norm);
            if !term.is_empty() {
                f(term, t.span);
            }
        }
    }

    /// The indexed terms of `text`.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, |t, _| out.push(t.to_string()));
        out
    }

    /// A name's normalized form: its words' normalized forms (no stems)
    /// joined by single spaces; empty when the name has no words.
    pub fn normalize_name(&self, name: &str) -> String {
        let mut out = String::new();
        for t in self.tokenizer.iter(name) {
            if !indexed(t.kind) || t.norm.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.norm);
        }
        out
    }

    /// The headline text of a document: its `title`, or else its title blocks.
    pub fn title_text(doc: &Document) -> String {
        match &doc.title {
            Some(t) => t.clone(),
            None => {
                let parts: Vec<&str> = doc
                    .blocks
                    .iter()
                    .filter(|b| b.kind == crate::tag::BlockKind::Title)
                    .map(|b| doc.block_text(b))
                    .collect();
                parts.join("\n")
            }
        }
    }

    /// Spans of the body: content blocks other than the headline; the whole
    /// text when the document has no blocks.
    pub fn body_spans(doc: &Document) -> Vec<Span> {
        if doc.blocks.is_empty() {
            return if doc.text.is_empty() {
                Vec::new()
            } else {
                vec![Span::new(0, doc.text.len())]
            };
        }
        doc.blocks
            .iter()
            .filter(|b| b.kind.is_content() && b.kind != crate::tag::BlockKind::Title)
            .filter(|b| {
                b.span.end <= doc.text.len()
                    && doc.text.is_char_boundary(b.span.start)
                    && doc.text.is_char_boundary(b.span.end)
                    && b.span.start <= b.span.end
            })
            .map(|b| b.span)
            .collect()
    }

    /// The terms the index records for a document's title and body, in
    /// position order (what an equivalent engine must be given to score alike).
    pub fn document_terms(&self, doc: &Document) -> DocumentTerms {
        let title = self.terms(&Analyzer::title_text(doc));
        let mut body = Vec::new();
        for span in Analyzer::body_spans(doc) {
            self.for_each_term(&doc.text[span], |t, _| body.push(t.to_string()));
        }
        DocumentTerms { title, body }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_come_back_as_pushed_and_join_only_when_they_split_back() {
        let mut t = Terms::default();
        assert_eq!(t.joined(), Some(""));
        for term in ["bolton", "met", "putin"] {
            t.push(term);
        }
        assert_eq!(t.len(), 3);
        assert!(t.iter().eq(["bolton", "met", "putin"]));
        assert_eq!(t.joined(), Some("bolton\u{1f}met\u{1f}putin"));
        // A term holding the separator is kept whole, and never joined.
        t.push("a\u{1f}b");
        assert!(t.iter().eq(["bolton", "met", "putin", "a\u{1f}b"]));
        assert_eq!(t.joined(), None);
    }
}
