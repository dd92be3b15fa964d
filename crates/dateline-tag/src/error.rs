//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Error`]: a knowledge-base
//! file with a bad line, a rule id the tagger does not have, a label that
//! does not parse, a model or word-clusters file that cannot be used and,
//! with the `eval` feature, gold data that does not read. The names the
//! crate used before it had one type, [`ModelError`](crate::ModelError),
//! [`LabelError`](crate::LabelError) and `eval::EvalError`, remain as aliases
//! of [`Error`], so `ModelError::Checksum` still names the same value.
//!
//! Knowledge-base files are user input: every problem names the file and the
//! 1-based line, so a user extending the knowledge base can fix it.

/// Errors of the tag layer.
///
/// Errors compare equal when they are the same variant with the same
/// fields; two [`Error::KbIo`] compare by file and by the kind of their I/O
/// error.
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
    #[error("unknown rule {id:?} (see Tagger::rules for the rule ids)")]
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
    /// A string that names no [`Label`](crate::Label).
    #[error("unknown entity label {0:?}")]
    Label(String),
    /// The bytes are not a model (or word-clusters) file of a supported
    /// version.
    #[error("not an entity model file: {0}")]
    Format(String),
    /// A model or word-clusters file whose contents do not match its stored
    /// checksum.
    #[error("entity model is damaged: checksum mismatch")]
    Checksum,
    /// The model was trained with other word clusters than the bundled ones.
    #[error("entity model was trained with other word clusters: retrain it")]
    Clusters,
    /// A line of a gold (CoNLL-style) file is malformed.
    #[cfg(feature = "eval")]
    #[error("line {line}: {message}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl Clone for Error {
    /// A clone; the I/O error of [`Error::KbIo`] is copied as its kind and
    /// message.
    fn clone(&self) -> Error {
        match self {
            Error::KbLine {
                file,
                line,
                message,
            } => Error::KbLine {
                file: file.clone(),
                line: *line,
                message: message.clone(),
            },
            Error::KbIo { file, source } => Error::KbIo {
                file: file.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            },
            Error::UnknownRule { id } => Error::UnknownRule { id: id.clone() },
            Error::RequiredRule { id } => Error::RequiredRule { id: id.clone() },
            Error::Label(s) => Error::Label(s.clone()),
            Error::Format(s) => Error::Format(s.clone()),
            Error::Checksum => Error::Checksum,
            Error::Clusters => Error::Clusters,
            #[cfg(feature = "eval")]
            Error::Line { line, message } => Error::Line {
                line: *line,
                message: message.clone(),
            },
        }
    }
}

impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        match (self, other) {
            (Error::KbIo { file, source }, Error::KbIo { file: f, source: s }) => {
                file == f && source.kind() == s.kind()
            }
            (Error::KbIo { .. }, _) | (_, Error::KbIo { .. }) => false,
            // Every other variant holds only comparable fields: compare what
            // they render and which variant they are.
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.to_string() == other.to_string()
            }
        }
    }
}

impl Eq for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_for_users() {
        assert_eq!(
            "PERSN".parse::<crate::Label>().unwrap_err().to_string(),
            "unknown entity label \"PERSN\""
        );
        assert_eq!(
            Error::Checksum.to_string(),
            "entity model is damaged: checksum mismatch"
        );
        assert_eq!(
            Error::UnknownRule { id: "x".into() }.to_string(),
            "unknown rule \"x\" (see Tagger::rules for the rule ids)"
        );
    }

    #[test]
    fn errors_compare_and_clone() {
        let io = Error::KbIo {
            file: "kb.tsv".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(io.clone(), io);
        assert_ne!(io, Error::Checksum);
        assert_eq!(Error::Format("x".into()), Error::Format("x".into()));
        assert_ne!(Error::Format("x".into()), Error::Label("x".into()));
        assert_eq!(crate::ModelError::Checksum, Error::Checksum);
    }
}
