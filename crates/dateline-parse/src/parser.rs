//! Block segmentation and classification of raw article text.
//!
//! (Initial line-based implementation; classification rules live here.)

use crate::{Block, BlockKind, Document, Error, Span};

/// Default maximum article size: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// Configuration of the article parser.
#[derive(Debug, Clone)]
pub struct Parser {
    max_bytes: usize,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// A parser with default limits.
    pub fn new() -> Parser {
        Parser { max_bytes: DEFAULT_MAX_BYTES }
    }

    /// Sets the largest accepted article size in bytes.
    pub fn max_bytes(mut self, limit: usize) -> Parser {
        self.max_bytes = limit;
        self
    }

    /// The configured size limit in bytes.
    pub fn limit(&self) -> usize {
        self.max_bytes
    }

    /// Parses one article given as plain text.
    pub fn parse(&self, id: impl Into<String>, text: impl Into<String>) -> Result<Document, Error> {
        let text = text.into();
        if text.len() > self.max_bytes {
            return Err(Error::TooLarge { size: text.len(), limit: self.max_bytes });
        }
        let mut blocks = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                let start = pos + lead;
                blocks.push(Block {
                    kind: if blocks.is_empty() { BlockKind::Title } else { BlockKind::Paragraph },
                    span: Span::new(start, start + trimmed.len()),
                    reason: None,
                });
            }
            pos += line.len();
        }
        let title = blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| text[b.span].to_string());
        Ok(Document { id: id.into(), text, title, site: None, date: None, url: None, blocks })
    }
}

/// Parses one plain-text article with default settings.
pub fn parse(text: impl Into<String>) -> Document {
    let text = text.into();
    // Only the size limit can fail; fall back to an unlimited parser.
    match Parser::new().max_bytes(usize::MAX).parse("", text) {
        Ok(doc) => doc,
        Err(_) => Document {
            id: String::new(),
            text: String::new(),
            title: None,
            site: None,
            date: None,
            url: None,
            blocks: Vec::new(),
        },
    }
}
