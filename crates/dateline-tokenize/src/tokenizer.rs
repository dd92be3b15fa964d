//! The [`Tokenizer`]: configuration, token and sentence entry points, and
//! document analysis.
//!
//! A tokenizer is cheap to clone (the stem cache is per thread, see `stem`),
//! `Send + Sync`, and used through `&self`, so one instance can serve many
//! threads.

use crate::news::NewsTokens;
use std::borrow::Cow;

use crate::normalize::{ascii_lowercase_into, normalize_into};
use crate::segment::Segments;
use crate::sentence;
use crate::stem::{Language, StemCache};
use crate::{Analysis, Document, Sentence, Span, Token, TokenKind};

/// Splits text into tokens and sentences.
///
/// ```
/// use dateline_tokenize::{Tokenizer, TokenKind};
/// let t = Tokenizer::new().with_stems(true);
/// let tokens = t.tokens("U.S. officials met Pátrushev's aides.");
/// let shown: Vec<(&str, &str, &str)> =
///     tokens.iter().map(|t| (t.text, t.kind.as_str(), t.stem_or_norm())).collect();
/// assert_eq!(shown, [
///     ("U.S.", "abbreviation", "u.s."),
///     ("officials", "word", "offici"),
///     ("met", "word", "met"),
///     ("Pátrushev", "word", "patrushev"),
///     ("'s", "clitic", "'s"),
///     ("aides", "word", "aid"),
///     (".", "punct", "."),
/// ]);
/// ```
#[derive(Debug, Clone)]
pub struct Tokenizer {
    news: bool,
    stems: bool,
    language: Language,
    cache: StemCache,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

/// Builds a [`Tokenizer`].
///
/// ```
/// use dateline_tokenize::{Language, Tokenizer};
/// let t = Tokenizer::builder().news(false).stems(true).language(Language::French).build();
/// assert!(!t.is_news());
/// ```
#[derive(Debug, Clone)]
pub struct TokenizerBuilder {
    news: bool,
    stems: bool,
    language: Language,
}

impl Default for TokenizerBuilder {
    fn default() -> Self {
        TokenizerBuilder {
            news: true,
            stems: false,
            language: Language::English,
        }
    }
}

impl TokenizerBuilder {
    /// News rules on (the default) or off (plain Unicode words).
    pub fn news(mut self, on: bool) -> Self {
        self.news = on;
        self
    }

    /// Stems on or off (off by default).
    pub fn stems(mut self, on: bool) -> Self {
        self.stems = on;
        self
    }

    /// Stemming language for Latin-script words (English by default).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// The tokenizer.
    pub fn build(self) -> Tokenizer {
        Tokenizer {
            news: self.news,
            stems: self.stems,
            language: self.language,
            cache: StemCache::new(),
        }
    }
}

impl Tokenizer {
    /// A tokenizer with news rules and normalization, without stems.
    pub fn new() -> Tokenizer {
        TokenizerBuilder::default().build()
    }

    /// A plain tokenizer: only word tokens, exactly the words of Unicode's
    /// word boundaries (`unicode_word_indices` of `unicode-segmentation`),
    /// with normalized forms; kinds are [`TokenKind::Word`] or
    /// [`TokenKind::Number`].
    ///
    /// ```
    /// use dateline_tokenize::Tokenizer;
    /// let words: Vec<_> = Tokenizer::plain().iter("Mr. O'Neil's $5,000!").map(|t| t.text).collect();
    /// assert_eq!(words, ["Mr", "O'Neil's", "5,000"]);
    /// ```
    pub fn plain() -> Tokenizer {
        TokenizerBuilder::default().news(false).build()
    }

    /// A builder (news rules on, stems off, English).
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// Turns stemming on or off.
    pub fn with_stems(mut self, on: bool) -> Tokenizer {
        self.stems = on;
        self
    }

    /// Sets the stemming language for Latin-script words.
    pub fn with_language(mut self, language: Language) -> Tokenizer {
        self.language = language;
        self
    }

    /// True when news rules are on.
    pub fn is_news(&self) -> bool {
        self.news
    }

    /// True when tokens get stems.
    pub fn has_stems(&self) -> bool {
        self.stems
    }

    /// The stemming language for Latin-script words.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Tokens of `text`, in order, with spans into `text`.
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        self.iter(text).collect()
    }

    /// Tokens of `text` as an iterator.
    pub fn iter<'t, 'a>(&'t self, text: &'a str) -> Tokens<'t, 'a> {
        let inner = if self.news {
            Inner::News(NewsTokens::new(text))
        } else {
            Inner::Plain(Words::new(text))
        };
        Tokens {
            tokenizer: self,
            inner,
            offset: 0,
        }
    }

    /// The stem of a token's normalized form (the normalized form itself for
    /// tokens that are not words or whose script has no stemmer).
    pub fn stem_of<'a>(&self, token: &Token<'a>) -> std::borrow::Cow<'a, str> {
        if !token.kind.is_alphabetic() || token.kind == TokenKind::Clitic {
            return token.norm.clone();
        }
        match Language::for_word(&token.norm, self.language) {
            Some(lang) => self.cache.stem(lang, &token.norm),
            None => token.norm.clone(),
        }
    }

    /// Sentence spans of `text` (relative to `text`), trimmed of white space.
    ///
    /// ```
    /// use dateline_tokenize::Tokenizer;
    /// let text = "I live in the U.S. How about you? Mr. Smith went to Washington.";
    /// let s: Vec<&str> = Tokenizer::new().sentences(text).into_iter().map(|s| &text[s]).collect();
    /// assert_eq!(s, ["I live in the U.S.", "How about you?", "Mr. Smith went to Washington."]);
    /// ```
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        sentence::split(text)
    }

    /// The sentences of every block of a document, as `(block index, span)`
    /// pairs in text order: exactly the sentences of
    /// [`analyze`](Tokenizer::analyze), without tokenizing. With
    /// [`tokens_in`](Tokenizer::tokens_in) this gives the whole analysis one
    /// sentence at a time, so that a caller writing tokens out never holds
    /// them all.
    ///
    /// ```
    /// use dateline_tokenize::Tokenizer;
    /// let doc = dateline_tokenize::parse::parse("Title here\n\nOne. Two.\n");
    /// let t = Tokenizer::new();
    /// let spans = t.sentence_spans(&doc);
    /// let analysis = t.analyze(&doc);
    /// assert_eq!(spans.len(), analysis.sentences.len());
    /// for ((block, span), s) in spans.iter().zip(&analysis.sentences) {
    ///     assert_eq!((*block, *span), (s.block, s.span));
    ///     let tokens: Vec<_> = t.tokens_in(&doc.text, *span).collect();
    ///     assert_eq!(tokens, s.tokens_in(&analysis));
    /// }
    /// ```
    pub fn sentence_spans(&self, doc: &Document) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let Some(btext) = doc.text.get(block.span.range()) else {
                continue;
            };
            for s in sentence::split(btext) {
                let span = s.shift(block.span.start);
                if doc.text.get(span.range()).is_some() {
                    out.push((bi, span));
                }
            }
        }
        out
    }

    /// Tokens of `text[span]` with spans into `text`, as
    /// [`analyze`](Tokenizer::analyze) gives them for a sentence `span`
    /// (news rules see the text around the span). An out-of-range span or
    /// one that is not on character boundaries gives no tokens.
    pub fn tokens_in<'t, 'a>(&'t self, text: &'a str, span: Span) -> Tokens<'t, 'a> {
        let (span, ok) = match text.get(span.range()) {
            Some(_) => (span, true),
            None => (Span::new(0, 0), false),
        };
        let inner = if self.news {
            let mut news = NewsTokens::new(text);
            news.reset(span.start, span.end);
            Inner::News(news)
        } else {
            Inner::Plain(Words::new(if ok { &text[span.range()] } else { "" }))
        };
        Tokens {
            tokenizer: self,
            inner,
            offset: if self.news { 0 } else { span.start },
        }
    }

    /// Sentences and tokens of every block of a document. Sentences never
    /// cross a block; every token lies in its sentence.
    pub fn analyze<'a>(&self, doc: &'a Document) -> Analysis<'a> {
        let mut analysis = Analysis::default();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let Some(btext) = doc.text.get(block.span.range()) else {
                continue;
            };
            self.analyze_into(btext, block.span.start, bi, &doc.text, &mut analysis);
        }
        // Growing by doubling can leave up to half the vector unused.
        analysis.tokens.shrink_to_fit();
        analysis
    }

    /// Sentences and tokens of a plain text (all in block 0).
    pub fn analyze_text<'a>(&self, text: &'a str) -> Analysis<'a> {
        let mut analysis = Analysis::default();
        self.analyze_into(text, 0, 0, text, &mut analysis);
        analysis
    }

    fn analyze_into<'a>(
        &self,
        part: &str,
        offset: usize,
        block: usize,
        full: &'a str,
        out: &mut Analysis<'a>,
    ) {
        let mut news = NewsTokens::new(full);
        for s in sentence::split(part) {
            let span = s.shift(offset);
            let Some(stext) = full.get(span.range()) else {
                continue;
            };
            let first = out.tokens.len();
            if self.news {
                news.reset(span.start, span.end);
                for mut t in &mut news {
                    if self.stems {
                        t.stem = Some(self.stem_of(&t));
                    }
                    out.tokens.push(t);
                }
            } else {
                for mut t in Words::new(stext) {
                    t.span = t.span.shift(span.start);
                    if self.stems {
                        t.stem = Some(self.stem_of(&t));
                    }
                    out.tokens.push(t);
                }
            }
            out.sentences.push(Sentence {
                span,
                block,
                tokens: first..out.tokens.len(),
            });
        }
    }
}

/// Plain Unicode words with normalized forms, as [`Token`]s.
///
/// A thin adapter over [`WordStream`]: the same words, spans and normalized
/// forms, with each normalized form that differs from the surface text moved
/// into its own `String`.
#[derive(Debug)]
pub struct Words<'a> {
    stream: WordStream<'a>,
}

impl<'a> Words<'a> {
    /// Plain words of `text`: exactly `unicode_word_indices`.
    pub fn new(text: &'a str) -> Words<'a> {
        Words {
            stream: WordStream::new(text),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        if !self.stream.advance() {
            return None;
        }
        let norm = if self.stream.owned {
            // Hand the buffer over: one allocation per changed word, no copy.
            Cow::Owned(std::mem::take(&mut self.stream.buf))
        } else {
            Cow::Borrowed(self.stream.text())
        };
        Some(Token {
            span: self.stream.span,
            text: self.stream.text(),
            kind: self.stream.kind,
            norm,
            stem: None,
        })
    }
}

/// A streaming, allocation-free reader of plain Unicode words with their
/// spans and normalized forms: the fastest way to get what
/// [`Tokenizer::plain`] gives.
///
/// It finds exactly the words of [`Words`] and [`Tokenizer::plain`] (the
/// words of `unicode_word_indices`) with the same spans, kinds and
/// normalized forms, through the same segmentation code. Instead of building
/// a [`Token`] per word, it keeps the current word and writes normalized
/// forms that differ from the surface text (capitalized or accented words)
/// into one internal buffer that is reused from word to word and, with
/// [`WordStream::reset`], from text to text. After the buffer has grown to
/// the longest such word, reading words allocates nothing. Stems are not
/// computed.
///
/// ```
/// use dateline_tokenize::{Span, WordStream};
/// let text = "Don’t panic, 2 ÉLUS";
/// let mut stream = WordStream::new(text);
/// let mut words = Vec::new();
/// while stream.advance() {
///     words.push((stream.span(), stream.text(), stream.norm().to_string()));
/// }
/// assert_eq!(words[0], (Span::new(0, 7), "Don’t", "don't".to_string()));
/// let norms: Vec<&str> = words.iter().map(|w| w.2.as_str()).collect();
/// assert_eq!(norms, ["don't", "panic", "2", "elus"]);
///
/// // Reuse the stream (and its buffer) for the next text.
/// stream.reset("Second Text");
/// assert!(stream.advance());
/// assert_eq!(stream.norm(), "second");
/// ```
#[derive(Debug)]
pub struct WordStream<'a> {
    text: &'a str,
    segs: Segments<'a>,
    buf: String,
    span: Span,
    /// The current normalized form is in `buf` (else it is the surface text).
    owned: bool,
    kind: TokenKind,
}

impl<'a> WordStream<'a> {
    /// A stream over the plain words of `text`, positioned before the first
    /// word: call [`advance`](WordStream::advance) first.
    pub fn new(text: &'a str) -> WordStream<'a> {
        WordStream {
            text,
            segs: Segments::words(text),
            buf: String::new(),
            span: Span::new(0, 0),
            owned: false,
            kind: TokenKind::Word,
        }
    }

    /// Starts over on `text`, keeping the internal buffer.
    pub fn reset(&mut self, text: &'a str) {
        self.text = text;
        self.segs = Segments::words(text);
        self.span = Span::new(0, 0);
        self.owned = false;
        self.kind = TokenKind::Word;
    }

    /// Moves to the next word; false when there is none left.
    ///
    /// Before the first call and after a call that returned false, the
    /// accessors describe an empty word at offset 0.
    #[inline]
    pub fn advance(&mut self) -> bool {
        let Some(g) = self.segs.next() else {
            self.span = Span::new(0, 0);
            self.owned = false;
            return false;
        };
        self.span = Span::new(g.start, g.end);
        let text = &self.text[g.start..g.end];
        let numeric = if g.ascii {
            self.owned = g.upper;
            if g.upper {
                ascii_lowercase_into(text, &mut self.buf);
            }
            text.as_bytes()[0].is_ascii_digit()
        } else {
            self.owned = normalize_into(text, &mut self.buf);
            text.chars().next().is_some_and(char::is_numeric)
        };
        self.kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        true
    }

    /// The current word's span in the text.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The current word's surface form, `&text[span]`.
    #[inline]
    pub fn text(&self) -> &'a str {
        self.text.get(self.span.range()).unwrap_or("")
    }

    /// The current word's normalized form (see [`normalize`](crate::normalize)).
    /// It borrows the stream's buffer, so it is valid until the next
    /// [`advance`](WordStream::advance).
    #[inline]
    pub fn norm(&self) -> &str {
        if self.owned { &self.buf } else { self.text() }
    }

    /// The current word's kind: [`TokenKind::Number`] when it starts with a
    /// digit, else [`TokenKind::Word`].
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The current word as an owned [`Token`] (allocates when the normalized
    /// form differs from the surface text).
    pub fn token(&self) -> Token<'a> {
        let text = self.text();
        Token {
            span: self.span,
            text,
            kind: self.kind,
            norm: if self.owned {
                Cow::Owned(self.buf.clone())
            } else {
                Cow::Borrowed(text)
            },
            stem: None,
        }
    }
}

#[derive(Debug)]
enum Inner<'a> {
    News(NewsTokens<'a>),
    Plain(Words<'a>),
}

/// Tokens of a text, from [`Tokenizer::iter`].
#[derive(Debug)]
pub struct Tokens<'t, 'a> {
    tokenizer: &'t Tokenizer,
    inner: Inner<'a>,
    /// Added to every span (plain words of a slice of the text).
    offset: usize,
}

impl<'a> Iterator for Tokens<'_, 'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let mut t = match &mut self.inner {
            Inner::News(n) => n.next()?,
            Inner::Plain(w) => w.next()?,
        };
        t.span = t.span.shift(self.offset);
        if self.tokenizer.stems {
            t.stem = Some(self.tokenizer.stem_of(&t));
        }
        Some(t)
    }
}

/// Plain Unicode words of `text` with normalized forms (no news rules, no
/// stems): the same words and spans as `unicode_word_indices`.
///
/// ```
/// let w: Vec<_> = dateline_tokenize::words("Don’t panic, 2 ÉLUS").map(|t| t.norm).collect();
/// assert_eq!(w, ["don't", "panic", "2", "elus"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words::new(text)
}

/// A [`WordStream`] over the plain words of `text`: the words of [`words`]
/// without building tokens or allocating per word.
///
/// ```
/// let mut s = dateline_tokenize::word_stream("Hello, World");
/// let mut norms = String::new();
/// while s.advance() {
///     norms.push_str(s.norm());
/// }
/// assert_eq!(norms, "helloworld");
/// ```
pub fn word_stream(text: &str) -> WordStream<'_> {
    WordStream::new(text)
}

/// Sentence spans of `text` with the default rules (see
/// [`Tokenizer::sentences`]).
pub fn sentences(text: &str) -> Vec<Span> {
    sentence::split(text)
}
