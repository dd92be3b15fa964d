//! The error type of the tokenize layer.
//!
//! Tokenizing itself never fails: any string has tokens and sentences. Errors
//! come only from configuration given as text (a language name).

/// An error of the tokenize layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A language name or code that has no stemmer.
    #[error("unknown stemming language {0:?}")]
    UnknownLanguage(String),
}
