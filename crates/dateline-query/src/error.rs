//! The crate's error type: query syntax errors with their position, and
//! index file errors (I/O, truncation, corruption, version).

use std::path::PathBuf;

/// Everything that can go wrong in the query layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The query text is malformed.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
    /// A query built by hand nests deeper than [`crate::MAX_DEPTH`].
    #[error("query nests deeper than {max} levels")]
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// Reading or writing an index file failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not a Dateline index (wrong magic number).
    #[error("not a dateline index (bad magic number)")]
    NotAnIndex,
    /// The index was written by an unknown version of the format.
    #[error("unsupported index format version {found} (this build reads version {supported})")]
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Version this build reads and writes.
        supported: u32,
    },
    /// The index file ends before its declared end.
    #[error("truncated index: expected {expected} bytes, found {found}")]
    Truncated {
        /// Bytes the header declares.
        expected: u64,
        /// Bytes present.
        found: u64,
    },
    /// The checksum does not match the content.
    #[error("corrupt index: checksum mismatch (stored {stored:08x}, computed {computed:08x})")]
    ChecksumMismatch {
        /// Checksum stored in the file.
        stored: u32,
        /// Checksum of the bytes read.
        computed: u32,
    },
    /// Another writer holds the archive's lock.
    #[error("{} is being written by another process (its lock is held)", .path.display())]
    Locked {
        /// The archive directory.
        path: PathBuf,
    },
    /// The directory holds an index of the earlier single-file format.
    #[error("{} holds an index of an earlier format (one file, dateline.idx); rebuild it into a new directory with `dateline index`", .path.display())]
    OldFormat {
        /// The index directory.
        path: PathBuf,
    },
    /// The archive's storage engine failed (a damaged or foreign index, or I/O).
    #[error("index {}: {message}", .path.display())]
    Archive {
        /// The archive directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The content is inconsistent although the checksum matched.
    #[error("corrupt index at byte {offset}: {what}")]
    Corrupt {
        /// Byte offset in the body where decoding failed.
        offset: usize,
        /// What was wrong.
        what: String,
    },
}

/// A malformed query: where, what was expected and what was found.
///
/// `position` is a 1-based character column in the query text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at position {position}: expected {expected}, found {found}")]
pub struct SyntaxError {
    /// 1-based character column of the offending input.
    pub position: usize,
    /// Byte offset of the offending input.
    pub offset: usize,
    /// What the parser expected there.
    pub expected: String,
    /// What it found (quoted input, or `end of query`).
    pub found: String,
}
