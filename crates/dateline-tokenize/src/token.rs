//! Token types and the tokenizer (initial implementation over Unicode word
//! boundaries).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::{Document, Span};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word.
    Word,
    /// A number.
    Number,
    /// Punctuation.
    Punct,
}

impl TokenKind {
    /// Lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
        }
    }
}

/// One token: a span of the original text with its kind and normalized form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where the token is in the original text.
    pub span: Span,
    /// The surface form, `&text[span]`.
    pub text: &'a str,
    /// What the token is.
    pub kind: TokenKind,
    /// Normalized form: lowercase, diacritics folded.
    pub norm: Cow<'a, str>,
    /// Stem of the normalized form, when stemming was requested.
    pub stem: Option<Cow<'a, str>>,
}

/// A sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is in the original text.
    pub span: Span,
    /// Index of the block (in `Document::blocks`) that contains it.
    pub block: usize,
    /// The sentence's tokens, as a range into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// Tokens and sentences of a whole document.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token<'a>>,
}

/// Splits text into tokens and sentences.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    stem: bool,
}

impl Tokenizer {
    /// A tokenizer with news rules and normalization, without stems.
    pub fn new() -> Tokenizer {
        Tokenizer { stem: false }
    }

    /// Turns stemming on or off.
    pub fn with_stems(mut self, on: bool) -> Tokenizer {
        self.stem = on;
        self
    }

    /// Tokens of `text`.
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        text.split_word_bound_indices()
            .filter(|(_, w)| !w.trim().is_empty())
            .map(|(i, w)| {
                let kind = if w.chars().any(char::is_alphabetic) {
                    TokenKind::Word
                } else if w.chars().any(char::is_numeric) {
                    TokenKind::Number
                } else {
                    TokenKind::Punct
                };
                let norm: String = w.to_lowercase().chars().map(fold).collect();
                let stem = self.stem.then(|| Cow::Owned(norm.clone()));
                Token { span: Span::new(i, i + w.len()), text: w, kind, norm: Cow::Owned(norm), stem }
            })
            .collect()
    }

    /// Sentence spans of `text`.
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        text.split_sentence_bound_indices()
            .filter(|(_, s)| !s.trim().is_empty())
            .map(|(i, s)| {
                let lead = s.len() - s.trim_start().len();
                Span::new(i + lead, i + s.trim_end().len())
            })
            .collect()
    }

    /// Sentences and tokens of every block of a document.
    pub fn analyze<'a>(&self, doc: &'a Document) -> Analysis<'a> {
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let btext = &doc.text[block.span];
            for s in self.sentences(btext) {
                let span = s.shift(block.span.start);
                let first = tokens.len();
                for mut t in self.tokens(&doc.text[span]) {
                    t.span = t.span.shift(span.start);
                    tokens.push(t);
                }
                sentences.push(Sentence { span, block: bi, tokens: first..tokens.len() });
            }
        }
        Analysis { sentences, tokens }
    }
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        '’' | '‘' => '\'',
        c => c,
    }
}
