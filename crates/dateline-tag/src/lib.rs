//! Named entities with canonical names, normalized dates and amounts, and
//! quotations with their speakers.
//!
//! # Example
//! ```
//! use dateline_tag::Tagger;
//! let tagger = Tagger::new();
//! let doc = dateline_tag::parse::parse("Putin met Trump\n\nThey met in Helsinki.\n");
//! let tagged = tagger.annotate(doc);
//! assert_eq!(tagged.document.blocks.len(), 2);
//! ```

pub use dateline_tokenize::{
    self as tokenize, Analysis, Block, BlockKind, Date, Document, Sentence, Span, Token, TokenKind,
    Tokenizer, parse,
};

pub use crate::entity::{Entity, Label, TaggedDocument, Tagger};
pub use crate::error::Error;
pub use crate::kb::{KbEntry, KnowledgeBase};
pub use crate::model::{
    KbHint, ModelError, ModelSpan, NerModel, TRAIN_FILES, TrainConfig, TrainDoc, train,
};
pub use crate::quote::eval::{
    Counts, GoldDocument, GoldQuote, QuoteError, QuoteScores, score_quotes,
};
pub use crate::quote::{Quote, QuoteKind, extract as extract_quotes};

mod entity;
mod error;
pub mod eval;
mod fxhash;
mod kb;
mod lexicon;
mod model;
mod quote;
mod tagger;
mod temporal;
mod tokens;
