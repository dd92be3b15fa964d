//! Tokens, sentences, normalized forms and stems for news text, with byte
//! spans into the original article.
//!
//! # Overview
//!
//! - [`Tokenizer`] turns a `&str` or a [`Document`] into [`Token`]s and
//!   sentences. [`Tokenizer::new`] applies news rules ("U.S." and "Mr." keep
//!   their period, "$5,000" is one money token, URLs and emails stay whole,
//!   "’s" is split, scrape glue such as "photoTrump" is split);
//!   [`Tokenizer::plain`] gives exactly the words of Unicode's word
//!   boundaries (UAX #29, as `unicode-segmentation`'s `unicode_word_indices`),
//!   through an ASCII fast path that falls back to the exact Unicode rules.
//! - [`WordStream`] (or [`word_stream`]) reads the same plain words, spans
//!   and normalized forms without building tokens: it reuses one buffer for
//!   normalized forms, so reading words allocates nothing. Use it when speed
//!   matters and each word is consumed on the spot (indexing, counting).
//! - Every token has a [`TokenKind`], its surface `text` (`&text[span]`), a
//!   normalized form (see [`normalize`]: lowercase, diacritics folded,
//!   quotes unified) and, with [`Tokenizer::with_stems`], a Snowball stem
//!   chosen by script ([`Language`]: Latin script uses English by default,
//!   Cyrillic uses Russian), cached across calls.
//! - [`Tokenizer::analyze`] splits each block of a [`Document`] into
//!   [`Sentence`]s (which never cross a block) and tokens: an [`Analysis`].
//!   [`Tokenizer::table`] gives the same sentences and tokens as a
//!   [`TokenTable`], in about 16 bytes a token instead of a [`Token`]'s 88,
//!   for a caller that holds a whole long document's tokens.
//!
//! Spans are half-open byte offsets; normalizing or stemming never moves one.
//!
//! # Example
//! ```
//! use dateline_tokenize::{Tokenizer, TokenKind};
//! let tokenizer = Tokenizer::new();
//! let text = "Mr. Bolton met Pátrushev in the U.S. on Friday.";
//! let tokens = tokenizer.tokens(text);
//! assert_eq!(tokens[0].text, "Mr.");
//! assert_eq!(tokens[0].kind, TokenKind::Abbreviation);
//! assert_eq!(tokens[3].norm, "patrushev");
//! assert_eq!(&text[tokens[3].span], "Pátrushev");
//! assert_eq!(tokens[6].text, "U.S.");
//!
//! let doc = dateline_tokenize::parse::parse("Bolton meets Patrushev\n\nThey met in Geneva. Talks went on.\n");
//! let analysis = tokenizer.analyze(&doc);
//! let sentences: Vec<&str> = analysis.sentences.iter().map(|s| &doc.text[s.span]).collect();
//! assert_eq!(sentences, ["Bolton meets Patrushev", "They met in Geneva.", "Talks went on."]);
//! ```
//!
//! # Sentences
//!
//! Sentence boundaries are rule-based (see [`Tokenizer::sentences`]): they
//! pass all 48 English "Golden Rules" test cases of pragmatic_segmenter (a
//! test requires at least 47), never cross a block of a [`Document`], and
//! handle news specifics: titles and abbreviations ("Gen.", "U.S."), initials,
//! decimals, ellipses, quotes and guillemets, headings without a final period,
//! inline lists and scrape glue ("photoTrump").
//!
//! # Hyphenated compounds
//!
//! A hyphen between two word parts, at least one with a letter, joins them
//! into one [`TokenKind::Word`] ("Vice-President", "non-interference",
//! "COVID-19", "19-year-old"); [`Token::compound_parts`] gives the parts.
//! Between two numbers the hyphen stays a separate token ("2019-2020"). Plain
//! mode follows Unicode and always splits at hyphens.
//!
//! # Input safety
//!
//! Any string is valid input: nothing here panics or fails on input, and
//! every span lies on character boundaries of the text it was computed on.

pub use dateline_parse::{self as parse, Block, BlockKind, Date, Document, Span};

pub use crate::error::Error;
pub use crate::normalize::normalize;
pub use crate::stem::{CACHE_LIMIT, INTERN_LIMIT, Language};
pub use crate::table::TokenTable;
pub use crate::token::{Analysis, Sentence, Token, TokenKind};
pub use crate::tokenizer::{
    Tokenizer, TokenizerBuilder, Tokens, WordStream, Words, sentences, word_stream, words,
};

pub mod hash;

mod abbrev;
mod error;
mod fold_table;
mod news;
mod normalize;
mod segment;
mod sentence;
mod stem;
mod table;
mod token;
mod tokenizer;
