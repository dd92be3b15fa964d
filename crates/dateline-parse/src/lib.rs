//! Turns raw, messy news articles (scraped plain text, or JSON Lines
//! records) into a [`Document`]: the original text, unchanged, described as
//! typed [`Block`]s with half-open byte [`Span`]s into it.
//!
//! This is the bottom layer of Dateline; tokenizing, tagging and search all
//! refer to the article through the spans found here.
//!
//! # Overview
//!
//! - [`Parser`] holds the configuration (the size limit);
//!   [`Parser::parse`] turns one text into a [`Document`], and
//!   [`Parser::parse_record`] does the same for a [`Record`] whose metadata
//!   (title, date, URL) wins over what is detected in the text.
//! - [`Document`] owns the text and has the `id`, `title`, `site` (from
//!   `"Title | SITE"`), `date` and `url` where known, and its `blocks`.
//! - [`Block`] has a [`BlockKind`] (`title`, `heading`, `paragraph`,
//!   `caption`, `dateline`, `boilerplate`), a [`Span`] and, for every kind but
//!   paragraph, the `reason` of its classification (`"breadcrumb"`,
//!   `"inline teaser"`, `"photo credit"`, …).
//! - [`documents`], [`read_path`], [`read_jsonl`] and [`read_text`] read
//!   `.txt` files, JSON Lines files and directories, reporting each bad record
//!   as a [`RecordError`] (`PATH:LINE: what is wrong`) and going on.
//!
//! Blocks are in text order, disjoint and trimmed, and together they cover
//! every non-blank line (every character but those [`is_blank`] accepts):
//! nothing is silently dropped. A line may hold two
//! blocks (a breadcrumb and the title, a date and the first paragraph, a
//! title and its site name); a block may span two lines (a label and its
//! caption, a hard-wrapped paragraph).
//!
//! # Example
//!
//! ```
//! use dateline_parse::{BlockKind, Parser};
//!
//! let text = "Home News Politics Leaders meet in Geneva\n\n\
//!             Published: 2019-04-18 14:02\n\n\
//!             The two leaders met for five hours and agreed to talk again.\n\n\
//!             You may also like\n";
//! let doc = Parser::new().parse("geneva", text)?;
//! assert_eq!(doc.title.as_deref(), Some("Leaders meet in Geneva"));
//! assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2019-04-18"));
//! let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
//! use BlockKind::*;
//! assert_eq!(kinds, [Boilerplate, Title, Dateline, Paragraph, Boilerplate]);
//! assert_eq!(doc.blocks[0].reason.as_deref(), Some("breadcrumb"));
//! // Spans are byte offsets into the original text.
//! assert_eq!(&doc.text[doc.blocks[1].span], "Leaders meet in Geneva");
//! # Ok::<(), dateline_parse::Error>(())
//! ```
//!
//! # How blocks are classified
//!
//! By general signals of scraped news pages, never by article-specific
//! rules: position (the title is the first headline-like line), line length
//! and end punctuation, blank lines around a line (a short line glued between
//! two paragraphs is an inline teaser), repetitions and fragments of the
//! title, lists of widget phrases ("You may also like", "Leave a Reply",
//! "Load More …"), zones they open (teasers after a related-articles marker,
//! the comment section after a comment marker), photo credit patterns
//! (`©`, `Photo:`, `AP Photo`) and date formats (`date 2018-07-19`,
//! `Friday, January 4, 2019`, `Published: 2019-04-18 14:02`, `24.05.2019`,
//! `July 19, 2018`, `WASHINGTON (Reuters) -`).
//!
//! # Input safety
//!
//! Parsing never panics and never fails on content: any string gives a
//! document. The only errors are input errors ([`Error`]): an article above
//! the size limit ([`Parser::max_bytes`], default [`DEFAULT_MAX_BYTES`]), a
//! JSON Lines record above [`InputOptions::max_line_bytes`] (skipped without
//! being held in memory), invalid UTF-8 (with its byte offset), malformed
//! JSON, a missing text field, or a metadata field of the wrong type.
//! Classification looks at most at a few dozen words of a long paragraph, so
//! its cost is about one pass over the text.
//!
//! Readers never hang and never read without bound: a stream over the size
//! limit is not read further ([`Error::TooLargeStream`]), an endless JSON
//! Lines line ends its input ([`Error::EndlessRecord`]), directory walks read
//! each directory once however symbolic links loop and skip FIFOs, sockets
//! and devices ([`Documents::warnings`]). UTF-16 text is decoded, and old Mac
//! line endings (`\r`) end lines. Ids are unique and stable (see
//! [`documents`]): the path inside the directory given, the file and line of
//! a record without an id, or [`content_id`] on standard input.

pub use crate::date::{Date, DateError, days_in_month};
pub use crate::document::{Block, BlockKind, Document};
pub use crate::error::Error;
pub use crate::input::{
    Documents, InputOptions, JsonlRecords, Record, RecordError, Skipped, content_id, documents,
    is_jsonl, is_txt, read_jsonl, read_path, read_stdin_text, read_text, read_text_from,
};
pub use crate::parser::{DEFAULT_MAX_BYTES, Parser, parse};
pub use crate::segment::is_blank;
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
