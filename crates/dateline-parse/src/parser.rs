//! The parser configuration and entry points.
//!
//! The work is done in [`crate::segment`] (lines into units) and
//! [`crate::classify`] (units into blocks); this module checks limits and
//! assembles the [`Document`], letting record metadata win.

use crate::classify::{Hints, classify};
use crate::{Document, Error, Record};

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
        Parser {
            max_bytes: DEFAULT_MAX_BYTES,
        }
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
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the text is longer than the limit.
    pub fn parse(&self, id: impl Into<String>, text: impl Into<String>) -> Result<Document, Error> {
        let text = text.into();
        self.check(&text)?;
        Ok(build(id.into(), text, Hints::default()))
    }

    /// Parses one article given with metadata (a JSON Lines record). The
    /// record's title, date and URL win over what is detected in the text;
    /// the given title also helps find the title line and its repetitions.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the text is longer than the limit.
    pub fn parse_record(&self, record: Record) -> Result<Document, Error> {
        let Record {
            id,
            title,
            date,
            url,
            text,
            html,
        } = record;
        self.check(&text)?;
        #[cfg(feature = "html")]
        if html {
            let mut doc = crate::html::from_str(id.unwrap_or_default(), &text, url.as_deref());
            if title.is_some() {
                doc.title = title;
            }
            if date.is_some() {
                doc.date = date;
                doc.date_source = Some("record".to_string());
            }
            if url.is_some() {
                doc.url = url;
            }
            return Ok(doc);
        }
        let _ = html;
        let hints = Hints {
            title: title.as_deref(),
        };
        let mut doc = build(id.unwrap_or_default(), text, hints);
        if title.is_some() {
            doc.title = title;
        }
        if date.is_some() {
            doc.date = date;
        }
        doc.url = url;
        Ok(doc)
    }

    /// Parses one HTML page: decodes it (BOM, the HTTP `Content-Type` in
    /// `info`, `<meta>`, detection), extracts the article and its metadata.
    /// See [`crate::html`].
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the page is longer than the limit.
    #[cfg(feature = "html")]
    pub fn parse_html(
        &self,
        id: impl Into<String>,
        bytes: &[u8],
        info: crate::html::PageInfo<'_>,
    ) -> Result<Document, Error> {
        if bytes.len() > self.max_bytes {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: self.max_bytes,
            });
        }
        Ok(crate::html::document(id.into(), bytes, info))
    }

    fn check(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.max_bytes {
            return Err(Error::TooLarge {
                size: text.len(),
                limit: self.max_bytes,
            });
        }
        Ok(())
    }
}

fn build(id: String, text: String, hints: Hints<'_>) -> Document {
    let c = classify(&text, hints);
    Document {
        id,
        title: c.title.map(|s| text[s].to_string()),
        site: c.site.map(|s| text[s].to_string()),
        date_source: None,
        date: c.date,
        url: None,
        authors: Vec::new(),
        language: None,
        canonical_url: None,
        blocks: c.blocks,
        text,
    }
}

/// Parses one plain-text article with default settings and no size limit.
///
/// Parsing itself never fails: every input gives a document whose blocks
/// cover every non-blank line.
pub fn parse(text: impl Into<String>) -> Document {
    build(String::new(), text.into(), Hints::default())
}
