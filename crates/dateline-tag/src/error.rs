//! The crate's error type.
//!
//! Knowledge-base files are user input: every problem names the file and the
//! 1-based line, so a user extending the knowledge base can fix it.

/// Errors of the tag layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A knowledge-base line is malformed.
    #[error("{file}:{line}: {message}")]
    KbLine {
        /// The file (or source name) being read.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A knowledge-base file could not be read.
    #[error("cannot read knowledge base {file}: {source}")]
    KbIo {
        /// The file being read.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
}
