//! Dateline: raw, messy news articles into structured, tokenized,
//! entity-tagged, searchable records.
//!
//! # Overview
//! This crate is the facade over the four layers, each re-exported whole:
//!
//! - [`parse`]: raw article text (plain text, JSON Lines, directories) into a
//!   [`parse::Document`] of typed blocks with byte spans;
//! - [`tokenize`]: tokens with kinds, normalized forms and stems, and
//!   sentences that never cross a block ([`tokenize::Tokenizer`]);
//! - [`tag`]: entity mentions with labels, canonical names and normalized
//!   values, and quotations with their speakers ([`tag::Tagger`]);
//! - [`query`]: an in-memory index with a query language, BM25 ranking,
//!   snippets and facets ([`query::Index`]).
//!
//! Every span, in every layer, is a half-open byte range into the original
//! article text. The `dateline` binary of this crate is the command line.
//! [`samples`] holds the five sample articles, embedded; [`json`] builds
//! the command line's JSON records, for every front end that must give the
//! same data.
//!
//! # Example
//! ```
//! use dateline::{parse::Parser, query, tag::Tagger, tokenize::Tokenizer};
//!
//! let text = "Bolton meets Patrushev in Geneva\n\n\
//!             The White House national security adviser, John Bolton, met \
//!             Nikolai Patrushev in Geneva on Thursday.\n";
//! let doc = Parser::new().parse("geneva", text)?;
//! assert_eq!(doc.title.as_deref(), Some("Bolton meets Patrushev in Geneva"));
//!
//! let analysis = Tokenizer::new().analyze(&doc);
//! assert!(analysis.tokens.iter().any(|t| t.norm == "patrushev"));
//!
//! let tagged = Tagger::new().annotate(doc);
//! let bolton: Vec<_> = tagged.entities.iter().filter(|e| e.canonical == "John Bolton").collect();
//! assert!(bolton.len() >= 2, "title and body mentions share one canonical name");
//! for e in &tagged.entities {
//!     assert_eq!(&tagged.document.text[e.span], e.text);
//! }
//!
//! let mut index = query::Index::new();
//! index.add(&tagged);
//! let results = index.search(
//!     &query::parse_query("person:bolton AND gpe:geneva")?,
//!     &query::SearchOptions::new(10),
//! )?;
//! assert_eq!(results.total, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use dateline_parse as parse;
pub use dateline_query as query;
pub use dateline_tag as tag;
pub use dateline_tokenize as tokenize;

pub mod json;
pub mod samples;

/// The README's code blocks, compiled and run as documentation tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
