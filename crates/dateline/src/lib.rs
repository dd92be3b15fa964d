//! Dateline: raw news articles into structured, tokenized, entity-tagged,
//! searchable records.
//!
//! This crate is the facade over the layers:
//! [`parse`] (article → `Document`), [`tokenize`] (tokens, sentences,
//! stems), [`tag`] (entities, canonical names, quotations) and [`query`]
//! (index and query language).

pub use dateline_parse as parse;
pub use dateline_query as query;
pub use dateline_tag as tag;
pub use dateline_tokenize as tokenize;
