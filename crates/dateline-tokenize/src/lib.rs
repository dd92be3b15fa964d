//! Tokens, sentences, normalized forms and stems for news text.
//!
//! # Example
//! ```
//! use dateline_tokenize::{Tokenizer, TokenKind};
//! let tokenizer = Tokenizer::new();
//! let text = "Mr. Bolton met Pátrushev.";
//! let tokens = tokenizer.tokens(text);
//! assert_eq!(tokens[2].norm, "patrushev");
//! assert_eq!(&text[tokens[2].span], "Pátrushev");
//! assert_eq!(tokens[0].kind, TokenKind::Word);
//! ```

pub use dateline_parse::{self as parse, Block, BlockKind, Date, Document, Span};

pub use crate::token::{Analysis, Sentence, Token, TokenKind, Tokenizer};

mod token;
