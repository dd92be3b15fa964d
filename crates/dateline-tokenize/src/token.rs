//! The value types of the layer: [`Token`], [`TokenKind`], [`Sentence`] and
//! [`Analysis`].
//!
//! Tokens borrow from the text they were cut from: `text` is always
//! `&original[span]`, and `norm`/`stem` borrow too when they equal a slice of
//! it. Normalizing or stemming never moves a span.

use std::borrow::Cow;
use std::ops::Range;

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word, including hyphenated compounds ("Vice-President") and words
    /// with inner apostrophes or periods as Unicode keeps them ("don't").
    Word,
    /// A number, possibly with separators or a unit glued on: "1,000",
    /// "3.5", "5th", "90".
    Number,
    /// An amount of money: a currency sign glued to a number ("$5,000",
    /// "€5", "US$20", "100€").
    Money,
    /// A number with a glued percent or per-mille sign: "40%".
    Percent,
    /// An abbreviation with its period(s): "U.S.", "Mr.", "Jan.", an initial "E.".
    Abbreviation,
    /// A web address: `https://example.com/a`, `www.example.org`.
    Url,
    /// An email address.
    Email,
    /// A hashtag: "#election".
    Hashtag,
    /// A mention: "@user".
    Mention,
    /// A clitic split from its word: the possessive or contracted "'s" / "’s".
    Clitic,
    /// Punctuation: periods, commas, quotes, brackets, dashes, ellipses.
    Punct,
    /// A currency sign standing alone: "$", "€".
    Currency,
    /// Any other symbol: "©", "°", "+", emoji.
    Symbol,
}

impl TokenKind {
    /// Lowercase name used in JSON output (`"word"`, `"number"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Money => "money",
            TokenKind::Percent => "percent",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Clitic => "clitic",
            TokenKind::Punct => "punct",
            TokenKind::Currency => "currency",
            TokenKind::Symbol => "symbol",
        }
    }

    /// True for kinds that carry words or numbers (not punctuation or symbols).
    pub fn is_wordlike(self) -> bool {
        !matches!(
            self,
            TokenKind::Punct | TokenKind::Currency | TokenKind::Symbol
        )
    }

    /// True for words, abbreviations and clitics: the kinds that are stemmed.
    pub fn is_alphabetic(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Clitic
        )
    }
}

impl std::fmt::Display for TokenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One token: a span of the original text with its kind and normalized form.
///
/// `text` is always `&original[span]`; `norm` and `stem` are derived from it
/// and never change the span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where the token is in the original text.
    pub span: Span,
    /// The surface form, `&text[span]`.
    pub text: &'a str,
    /// What the token is.
    pub kind: TokenKind,
    /// Normalized form: lowercase, diacritics folded, quotes unified
    /// (see [`normalize`](crate::normalize)).
    pub norm: Cow<'a, str>,
    /// Stem of the normalized form, when stemming was requested (see
    /// [`Tokenizer::with_stems`](crate::Tokenizer::with_stems)).
    pub stem: Option<Cow<'a, str>>,
}

impl<'a> Token<'a> {
    /// The stem when present, else the normalized form.
    pub fn stem_or_norm(&self) -> &str {
        self.stem.as_deref().unwrap_or(&self.norm)
    }

    /// The parts of a hyphenated compound ("Vice-President" → "Vice",
    /// "President") as spans into the original text; a single part for any
    /// other token.
    ///
    /// ```
    /// use dateline_tokenize::Tokenizer;
    /// let text = "Vice-President Pence";
    /// let tokens = Tokenizer::new().tokens(text);
    /// let parts: Vec<&str> = tokens[0].compound_parts().map(|s| &text[s]).collect();
    /// assert_eq!(parts, ["Vice", "President"]);
    /// ```
    pub fn compound_parts(&self) -> impl Iterator<Item = Span> + 'a {
        let base = self.span.start;
        let text = self.text;
        let split = self.kind == TokenKind::Word;
        let mut start = 0;
        let mut done = false;
        let mut chars = text.char_indices();
        std::iter::from_fn(move || {
            while !done {
                match chars.next() {
                    Some((i, c)) if split && is_hyphen(c) => {
                        let s = start;
                        start = i + c.len_utf8();
                        if i > s {
                            return Some(Span::new(base + s, base + i));
                        }
                    }
                    Some(_) => {}
                    None => {
                        done = true;
                        if text.len() > start {
                            return Some(Span::new(base + start, base + text.len()));
                        }
                    }
                }
            }
            None
        })
    }
}

/// Hyphens that join compounds: "-", U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is in the original text (trimmed of white space).
    pub span: Span,
    /// Index of the block (in `Document::blocks`) that contains it.
    pub block: usize,
    /// The sentence's tokens, as a range into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text, given the text its span points into.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.range()).unwrap_or("")
    }

    /// The sentence's tokens in `analysis`.
    pub fn tokens_in<'b, 'a>(&self, analysis: &'b Analysis<'a>) -> &'b [Token<'a>] {
        analysis.tokens.get(self.tokens.clone()).unwrap_or(&[])
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Tokens and sentences of a whole document.
#[derive(Debug, Clone, Default)]
pub struct Analysis<'a> {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token<'a>>,
}

impl<'a> Analysis<'a> {
    /// Each sentence with its tokens.
    pub fn iter(&self) -> impl Iterator<Item = (&Sentence, &[Token<'a>])> + '_ {
        self.sentences.iter().map(move |s| (s, s.tokens_in(self)))
    }

    /// Index of the sentence that contains token `token`, if any.
    pub fn sentence_of(&self, token: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= token);
        self.sentences
            .get(i)
            .filter(|s| s.tokens.contains(&token))
            .map(|_| i)
    }

    /// Sentences of block `block`.
    pub fn block_sentences(&self, block: usize) -> impl Iterator<Item = &Sentence> + '_ {
        self.sentences.iter().filter(move |s| s.block == block)
    }
}
