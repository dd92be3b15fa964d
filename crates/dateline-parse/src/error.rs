//! Errors of the parse layer.

/// What can go wrong turning input into a [`crate::Document`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the configured limit.
    #[error("input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A JSON Lines record (one line) is larger than the configured limit.
    #[error("record of {size} bytes exceeds the limit of {limit} bytes")]
    RecordTooLarge {
        /// Size of the line in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A stream goes on past the limit; the rest was not read (it may never
    /// end, as `/dev/zero` or `yes` do).
    #[error("input exceeds the limit of {limit} bytes (the rest was not read)")]
    TooLargeStream {
        /// The configured limit.
        limit: usize,
    },
    /// A JSON Lines record (one line) goes on far past the limit; the rest
    /// of the input was not read.
    #[error(
        "record of more than {read} bytes exceeds the limit of {limit} bytes; \
         stopped reading the rest of the input"
    )]
    EndlessRecord {
        /// Bytes of the line read before giving up.
        read: usize,
        /// The configured line limit.
        limit: usize,
    },
    /// The input is UTF-16 with an encoding error (an unpaired surrogate or
    /// an odd number of bytes).
    #[error("invalid UTF-16 at byte {offset}")]
    InvalidUtf16 {
        /// Byte offset of the first bad code unit.
        offset: usize,
    },
    /// JSON Lines input in UTF-16: JSON Lines must be UTF-8.
    #[error("the input is UTF-16; JSON Lines must be UTF-8 (convert it, e.g. with iconv)")]
    Utf16Jsonl,
    /// Two records of one run have the same id.
    #[error("id {id:?} is already used by {first} in this run; record skipped")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first record with this id came from (`PATH` or `PATH:LINE`).
        first: String,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A JSON Lines record could not be decoded.
    #[error("malformed JSON at column {column}: {message}")]
    Json {
        /// 1-based column of the error within the line.
        column: usize,
        /// What the JSON decoder said.
        message: String,
    },
    /// A JSON record lacks the text field.
    #[error("record has no string field {field:?}")]
    MissingText {
        /// The name of the expected text field.
        field: String,
    },
    /// A metadata value could not be understood.
    #[error("invalid {field}: {message}")]
    InvalidField {
        /// Field name.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// Reading a file or directory failed.
    #[error("{path}: {source}")]
    Io {
        /// The path being read.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
