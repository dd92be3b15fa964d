//! Turns raw, messy news articles into a [`Document`]: the original text
//! described as typed blocks with half-open byte [`Span`]s.
//!
//! # Example
//! ```
//! let doc = dateline_parse::parse("Trump met Putin\n\nThe two leaders met in Helsinki.\n");
//! assert_eq!(doc.title.as_deref(), Some("Trump met Putin"));
//! assert_eq!(doc.block_text(&doc.blocks[1]), "The two leaders met in Helsinki.");
//! ```

pub use crate::date::{Date, DateError, days_in_month};
pub use crate::document::{Block, BlockKind, Document};
pub use crate::error::Error;
pub use crate::input::{
    Documents, InputOptions, JsonlRecords, Record, RecordError, documents, read_jsonl, read_path,
    read_text, read_text_from,
};
pub use crate::parser::{DEFAULT_MAX_BYTES, Parser, parse};
pub use crate::span::Span;

mod classify;
mod date;
mod datetext;
mod document;
mod error;
mod input;
mod parser;
mod segment;
mod span;
mod text;
