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
    /// A rule id that no pass of the pipeline has.
    #[error("unknown rule {id:?} (see Tagger::passes for the rule ids)")]
    UnknownRule {
        /// The id asked for.
        id: String,
    },
    /// A pass that later passes depend on cannot be switched off.
    #[error("rule {id:?} cannot be switched off: later passes depend on it")]
    RequiredRule {
        /// The id asked for.
        id: String,
    },
}
