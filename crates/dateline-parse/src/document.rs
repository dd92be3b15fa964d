//! The parsed article: owned text described as typed blocks.

use crate::{Date, Span};

/// What a block of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BlockKind {
    /// The headline.
    Title,
    /// A section heading or sub-headline inside the body.
    Heading,
    /// A body paragraph.
    Paragraph,
    /// A photo caption or credit.
    Caption,
    /// A dateline: the article's date (and place) line.
    Dateline,
    /// Navigation, widgets, teasers, footers: not article content.
    Boilerplate,
}

impl BlockKind {
    /// The lowercase name used in JSON output (`"paragraph"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Dateline => "dateline",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// True for blocks whose text is written article content worth tagging
    /// and indexing: title, heading, paragraph and caption.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockKind::Title | BlockKind::Heading | BlockKind::Paragraph | BlockKind::Caption
        )
    }
}

impl std::fmt::Display for BlockKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed region of the article text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in [`Document::text`].
    pub span: Span,
    /// Why a non-body block was classified as it was (e.g. `"breadcrumb"`).
    pub reason: Option<String>,
    /// For a document read from HTML: the byte range of the page source
    /// (decoded to UTF-8) that the block's text came from. `None` for text
    /// input, where [`Block::span`] already points into the original. These
    /// are offsets into the file only for a UTF-8 page; for any other
    /// character set they index the decoded page that
    /// `html::decode_page` returns (cargo feature `html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// One article: the original text and what the parser found in it.
///
/// The document owns its text; every [`Span`] (in blocks and in all layers
/// above) is a half-open byte range into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Identifier: file stem for a `.txt` file, the record's `id` for JSON Lines.
    pub id: String,
    /// The original article text, unchanged.
    pub text: String,
    /// The headline, when known (from metadata or detected).
    pub title: Option<String>,
    /// The publishing site, when known (e.g. from "Title | SITE").
    pub site: Option<String>,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Author names, when known (from a page's metadata or byline).
    #[serde(default)]
    pub authors: Vec<String>,
    /// Language tag of the article (`"en"`, `"de-AT"`), when declared.
    #[serde(default)]
    pub language: Option<String>,
    /// Where [`Document::date`] came from, for a page read from HTML:
    /// `"date line"` (shown by the headline), `"json-ld datePublished"`,
    /// `"meta"`, `"time element"`, `"url"`, … (`"record"` when a JSON Lines
    /// record's `date` field gave it). `None` for text input.
    #[serde(default)]
    pub date_source: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>` or `og:url`).
    #[serde(default)]
    pub canonical_url: Option<String>,
    /// Blocks in text order; disjoint; together they cover every non-blank line.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.span]
    }

    /// The text under any span of this document.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// The block containing byte `offset`, if any (blocks are ordered and
    /// disjoint, so this is a binary search).
    ///
    /// ```
    /// let doc = dateline_parse::parse("Leaders meet in Geneva\n\nThey met.\n");
    /// assert_eq!(doc.block_at(3).map(|b| b.kind), Some(dateline_parse::BlockKind::Title));
    /// assert!(doc.block_at(22).is_none()); // the blank line
    /// ```
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        self.blocks.get(i).filter(|b| b.span.start <= offset)
    }

    /// Blocks that are article content (see [`BlockKind::is_content`]).
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> + '_ {
        self.blocks.iter().filter(|b| b.kind.is_content())
    }
}

impl Document {
    /// A document with no article structure: the whole text (trimmed) is a
    /// single paragraph block; metadata is kept.
    pub fn into_plain(mut self) -> Document {
        let lead = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len();
        self.blocks.clear();
        if end > lead {
            self.blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(lead, end),
                reason: None,
                source: None,
            });
        }
        self
    }
}
