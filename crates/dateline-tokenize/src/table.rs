//! [`TokenTable`]: a whole document's tokens and sentences in about 16
//! bytes a token.
//!
//! A [`Token`] is 88 bytes (two `usize` offsets, the text slice, the
//! normalized form and the optional stem), which is right for tokens read
//! one at a time but is most of the memory of a caller that holds every
//! token of a long article. The table keeps, per token, 32-bit start and
//! end offsets, the kind, and the index of its normalized form in one
//! string table when that form differs from the text (a capitalized or
//! accented word); a normalized form equal to the text is not stored at
//! all. Stems are made on demand with [`Tokenizer::stem_of`].
//!
//! A text longer than `u32::MAX` bytes (far above any article size limit)
//! is held as whole [`Token`]s instead: the table answers the same.

use std::borrow::Cow;
use std::ops::Range;

use crate::{Document, Sentence, Span, Token, TokenKind, Tokenizer};

/// A normalized form equal to the token's text.
const SAME: u32 = u32::MAX;

/// One token: 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rec {
    start: u32,
    end: u32,
    /// Index into `TokenTable::norm_ends`, or [`SAME`].
    norm: u32,
    kind: TokenKind,
}

#[derive(Debug, Clone)]
enum Store<'a> {
    Compact {
        recs: Vec<Rec>,
        /// The normalized forms that differ from their text, one after
        /// another.
        norms: String,
        /// End of each normalized form in `norms`.
        norm_ends: Vec<u32>,
    },
    /// For a text longer than `u32::MAX` bytes.
    Wide(Vec<Token<'a>>),
}

/// The tokens and sentences of a whole document, held compactly: what
/// [`Tokenizer::analyze`] gives (without stems), in about 16 bytes a token
/// plus the normalized forms that differ from the text. Each token is
/// rebuilt as a [`Token`] when asked for.
///
/// ```
/// use dateline_tokenize::{TokenKind, Tokenizer};
/// let doc = dateline_tokenize::parse::parse("Bolton meets Pátrushev\n\nThey met in Geneva. Talks went on.\n");
/// let tokenizer = Tokenizer::new();
/// let table = tokenizer.table(&doc);
/// let analysis = tokenizer.analyze(&doc);
/// assert_eq!(table.len(), analysis.tokens.len());
/// assert_eq!(table.sentences(), &analysis.sentences[..]);
/// assert!(table.iter().eq(analysis.tokens.iter().cloned()));
/// assert_eq!(table.norm(2), "patrushev");
/// assert_eq!(table.text(2), "Pátrushev");
/// assert_eq!(table.kind(3), TokenKind::Word);
/// let second: Vec<&str> = table.sentence(1).map(|t| t.text).collect();
/// assert_eq!(second, ["They", "met", "in", "Geneva", "."]);
/// ```
#[derive(Debug, Clone)]
pub struct TokenTable<'a> {
    text: &'a str,
    store: Store<'a>,
    sentences: Vec<Sentence>,
}

impl<'a> TokenTable<'a> {
    fn new(text: &'a str) -> TokenTable<'a> {
        let store = if u32::try_from(text.len()).is_ok() {
            Store::Compact {
                recs: Vec::new(),
                norms: String::new(),
                norm_ends: Vec::new(),
            }
        } else {
            Store::Wide(Vec::new())
        };
        TokenTable {
            text,
            store,
            sentences: Vec::new(),
        }
    }

    fn push(&mut self, t: Token<'a>) {
        match &mut self.store {
            Store::Compact {
                recs,
                norms,
                norm_ends,
            } => {
                // The text is at most `u32::MAX` bytes, so every offset fits.
                let start = t.span.start as u32;
                let end = t.span.end as u32;
                let norm = if *t.norm == *t.text {
                    SAME
                } else {
                    norms.push_str(&t.norm);
                    norm_ends.push(norms.len() as u32);
                    (norm_ends.len() - 1) as u32
                };
                recs.push(Rec {
                    start,
                    end,
                    norm,
                    kind: t.kind,
                });
            }
            Store::Wide(tokens) => tokens.push(Token { stem: None, ..t }),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Compact { recs, .. } => recs.len(),
            Store::Wide(tokens) => tokens.len(),
        }
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text the spans point into.
    pub fn source(&self) -> &'a str {
        self.text
    }

    /// Sentences in text order; [`Sentence::tokens`] are token indices of
    /// this table.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Span of token `i` (an empty span at 0 past the end).
    pub fn span(&self, i: usize) -> Span {
        match &self.store {
            Store::Compact { recs, .. } => recs.get(i).map_or(Span::new(0, 0), |r| {
                Span::new(r.start as usize, r.end as usize)
            }),
            Store::Wide(tokens) => tokens.get(i).map_or(Span::new(0, 0), |t| t.span),
        }
    }

    /// Surface text of token `i` (empty past the end).
    pub fn text(&self, i: usize) -> &'a str {
        self.text.get(self.span(i).range()).unwrap_or("")
    }

    /// Kind of token `i` ([`TokenKind::Symbol`] past the end).
    pub fn kind(&self, i: usize) -> TokenKind {
        match &self.store {
            Store::Compact { recs, .. } => recs.get(i).map_or(TokenKind::Symbol, |r| r.kind),
            Store::Wide(tokens) => tokens.get(i).map_or(TokenKind::Symbol, |t| t.kind),
        }
    }

    /// Normalized form of token `i` (empty past the end).
    pub fn norm(&self, i: usize) -> &str {
        match &self.store {
            Store::Compact {
                recs,
                norms,
                norm_ends,
            } => match recs.get(i) {
                None => "",
                Some(r) if r.norm == SAME => self.text(i),
                Some(r) => {
                    let k = r.norm as usize;
                    let from = if k == 0 { 0 } else { norm_ends[k - 1] as usize };
                    norms.get(from..norm_ends[k] as usize).unwrap_or("")
                }
            },
            Store::Wide(tokens) => tokens.get(i).map_or("", |t| &t.norm),
        }
    }

    /// Token `i` as a [`Token`] (without stem: see [`Tokenizer::stem_of`]);
    /// its normalized form borrows the table.
    pub fn get(&self, i: usize) -> Option<Token<'_>> {
        (i < self.len()).then(|| self.assemble(i, Cow::Borrowed(self.norm(i))))
    }

    /// Token `i` as a [`Token`] that outlives the table: its normalized form
    /// borrows the text when it equals it, else is copied out.
    pub fn token(&self, i: usize) -> Option<Token<'a>> {
        (i < self.len()).then(|| {
            let text = self.text(i);
            let norm = self.norm(i);
            let norm = if norm == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(norm.to_string())
            };
            self.assemble(i, norm)
        })
    }

    /// Token `i` (which exists) with the normalized form `norm`, without
    /// stem: what [`get`](Self::get) and [`token`](Self::token) share, the
    /// two differing only in how long the normalized form lives.
    fn assemble<'t>(&self, i: usize, norm: Cow<'t, str>) -> Token<'t>
    where
        'a: 't,
    {
        Token {
            span: self.span(i),
            text: self.text(i),
            kind: self.kind(i),
            norm,
            stem: None,
        }
    }

    /// Every token in text order.
    pub fn iter(&self) -> impl Iterator<Item = Token<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Tokens `range` (clipped to the table).
    pub fn range(&self, range: Range<usize>) -> impl Iterator<Item = Token<'_>> + '_ {
        let end = range.end.min(self.len());
        (range.start.min(end)..end).filter_map(|i| self.get(i))
    }

    /// The tokens of sentence `s` (none for a sentence that does not exist).
    pub fn sentence(&self, s: usize) -> impl Iterator<Item = Token<'_>> + '_ {
        let r = self.sentences.get(s).map_or(0..0, |s| s.tokens.clone());
        self.range(r)
    }

    /// Bytes held for the tokens (records and normalized forms), not
    /// counting the text.
    pub fn heap_bytes(&self) -> usize {
        let sentences = self.sentences.capacity() * std::mem::size_of::<Sentence>();
        sentences
            + match &self.store {
                Store::Compact {
                    recs,
                    norms,
                    norm_ends,
                } => {
                    recs.capacity() * std::mem::size_of::<Rec>()
                        + norms.capacity()
                        + norm_ends.capacity() * 4
                }
                Store::Wide(tokens) => tokens.capacity() * std::mem::size_of::<Token<'_>>(),
            }
    }

    fn shrink(&mut self) {
        self.sentences.shrink_to_fit();
        match &mut self.store {
            Store::Compact {
                recs,
                norms,
                norm_ends,
            } => {
                recs.shrink_to_fit();
                norms.shrink_to_fit();
                norm_ends.shrink_to_fit();
            }
            Store::Wide(tokens) => tokens.shrink_to_fit(),
        }
    }
}

impl Tokenizer {
    /// The tokens and sentences of every block of a document as a compact
    /// [`TokenTable`]: the sentences and tokens of
    /// [`analyze`](Tokenizer::analyze), in about a fifth of the memory,
    /// without stems (make them with [`stem_of`](Tokenizer::stem_of)).
    pub fn table<'a>(&self, doc: &'a Document) -> TokenTable<'a> {
        let mut table = TokenTable::new(&doc.text);
        for (block, span) in self.sentence_spans(doc) {
            let first = table.len();
            for t in self.tokens_in(&doc.text, span) {
                table.push(t);
            }
            table.sentences.push(Sentence {
                span,
                block,
                tokens: first..table.len(),
            });
        }
        table.shrink();
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Rec>(), 16);
    }

    #[test]
    fn wide_store_answers_the_same() {
        let doc = crate::parse::parse("Mr. Bolton met Pátrushev.\n\nÉLUS, 5% and U.S. aides.\n");
        let t = Tokenizer::new();
        let compact = t.table(&doc);
        let mut wide = TokenTable {
            text: &doc.text,
            store: Store::Wide(Vec::new()),
            sentences: compact.sentences.clone(),
        };
        for tok in t.analyze(&doc).tokens {
            wide.push(tok);
        }
        assert!(compact.iter().eq(wide.iter()));
        assert!((0..compact.len()).all(|i| compact.token(i) == wide.get(i)));
        assert_eq!(compact.get(compact.len()), None);
        assert_eq!(wide.norm(wide.len()), "");
        assert_eq!(compact.norm(1), "bolton");
    }
}
