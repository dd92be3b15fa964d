//! The crate's error type.
//!
//! Every error of the crate converts into [`Error`] (`?` works across them):
//! a label that does not parse ([`LabelError`](crate::LabelError)), a model
//! or clusters file that is damaged ([`ModelError`](crate::ModelError)) and,
//! with the `eval` feature, gold data that does not read (`EvalError`).
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
    /// A string that names no label.
    #[error(transparent)]
    Label(#[from] crate::LabelError),
    /// A model or word-clusters file that cannot be used.
    #[error(transparent)]
    Model(#[from] crate::ModelError),
    /// Gold data that does not read.
    #[cfg(feature = "eval")]
    #[error(transparent)]
    Eval(#[from] crate::eval::EvalError),
}
