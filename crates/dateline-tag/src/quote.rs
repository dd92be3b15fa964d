//! Quotations and their speakers.

use crate::Span;

/// Whether a quotation is a full statement or a short phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A full quoted statement.
    Statement,
    /// A short quoted phrase inside reported speech.
    Phrase,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted text, without the quote marks.
    pub span: Span,
    /// The quoted text.
    pub text: String,
    /// Canonical name of the speaker, when the text says who.
    pub speaker: Option<String>,
    /// Where the speaker is mentioned.
    pub speaker_span: Option<Span>,
    /// The speech cue ("said", "told", …).
    pub cue: Option<String>,
    /// Statement or phrase.
    pub kind: QuoteKind,
}

/// Finds the quotations of a document and attributes their speakers using
/// the document's entity mentions.
pub fn extract(_doc: &crate::Document, _entities: &[crate::Entity]) -> Vec<Quote> {
    Vec::new()
}
