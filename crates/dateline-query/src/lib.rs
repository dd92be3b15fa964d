//! An entity-aware index and query language over tagged news.

pub use dateline_tag::{self as tag, Document, Entity, Label, Quote, Span, TaggedDocument};
